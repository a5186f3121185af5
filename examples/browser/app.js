// The demo app: it initialises the SDK, then throws errors that nobody catches.
import * as Sentry from '/pkg/index.js'

const dsn = new URLSearchParams(location.search).get('dsn')
Sentry.init({ dsn, release: 'demo@1.0.0', environment: 'demo' })
window.Sentry = Sentry // for the end-to-end tests

function readProfileName(user) {
  return user.profile.name // THROWS: user is null
}

function onThrowClicked() {
  document.getElementById('status').textContent = 'threw a TypeError'
  readProfileName(null)
}

async function loadSettings() {
  await null
  throw new RangeError('settings version 7 is not supported') // REJECTS
}

document.getElementById('throw').addEventListener('click', onThrowClicked)
document.getElementById('reject').addEventListener('click', () => { loadSettings() })
document.getElementById('status').textContent = dsn ? 'ready' : 'no ?dsn= given: the SDK is off'
