// End to end in real headless browsers (Chromium and Firefox, see
// tests/support/browsers.mjs): the example page loads the built package,
// throws, and the local receiver gets the event, which Relay validates.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { browserFixture, forEachBrowser } from '../support/browsers.mjs'
import { assertValidByRelay } from '../support/relay.mjs'

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..')
const APP = fs.readFileSync(path.join(REPO, 'examples/browser/app.js'), 'utf8').split('\n')

/** 1-based line and column of `needle` on the line marked `marker` in app.js. */
function position(marker, needle) {
  const i = APP.findIndex((l) => l.includes(marker))
  assert.ok(i >= 0, `marker ${marker} in app.js`)
  return { lineno: i + 1, colno: APP[i].indexOf(needle) + 1 }
}

// Where the engines differ. Columns follow each engine's conventions
// (tests/corpus/README.md): V8 points at the property whose read failed and at
// the callee's name; SpiderMonkey at the start of the statement for a failed
// property read, and at the `(` of a call with arguments. Both point at the
// `new` of a thrown `new X(…)`.
const ENGINES = {
  chromium: {
    userAgent: /Chrome\//,
    throwSite: position('// THROWS', 'profile'),
    caller: { function: 'HTMLButtonElement.onThrowClicked', ...position('readProfileName(null)', 'readProfileName') }, // V8 names the receiver's type
    rejectSite: position('// REJECTS', 'new RangeError'),
  },
  firefox: {
    userAgent: /Gecko\/\d+ Firefox\/\d+/,
    throwSite: position('// THROWS', 'return'),
    caller: { function: 'onThrowClicked', ...position('readProfileName(null)', '(null)') },
    rejectSite: position('// REJECTS', 'new RangeError'),
  },
}

forEachBrowser((name, launch, test) => {
  const engine = ENGINES[name]
  let receiver, site, browser

  browserFixture(launch, (fx) => ({ receiver, site, browser } = fx))

  async function openDemo(dsn = receiver.dsn) {
    const page = await browser.newPage()
    await page.goto(`${site.url}/?dsn=${encodeURIComponent(dsn)}`)
    await page.waitForFunction(() => document.getElementById('status').textContent !== 'loading…')
    return page
  }

  /** Waits for `n` new events after `start`, lets stragglers arrive, returns exactly the new ones. */
  async function newEvents(start, n) {
    await receiver.waitForEvents(start + n)
    await new Promise((r) => setTimeout(r, 300))
    return receiver.events().slice(start)
  }

  test('an uncaught TypeError in a nested function arrives as one event pointing at the throw', async () => {
    const start = receiver.events().length
    const page = await openDemo()
    await page.click('#throw')
    const events = await newEvents(start, 1)
    assert.equal(events.length, 1, 'exactly one event')
    const [event] = events
    const [exception] = event.exception.values
    assert.equal(exception.type, 'TypeError')
    assert.match(exception.value, /null/)
    assert.match(exception.value, /profile/)
    // The listener was added after `init`: its wrapper reports the error (BrowserApiErrors, as the
    // peer's), and the `error` event that follows does not report it again.
    assert.deepEqual(exception.mechanism, { type: 'auto.browser.browserapierrors.addEventListener', handled: false })

    const frames = exception.stacktrace.frames
    const appUrl = `${site.url}/app.js`
    const top = frames.at(-1)
    assert.equal(top.function, 'readProfileName')
    assert.equal(top.abs_path, appUrl)
    assert.equal(top.filename, '/app.js')
    assert.equal(top.in_app, true)
    assert.deepEqual({ lineno: top.lineno, colno: top.colno }, engine.throwSite)
    const caller = frames.at(-2)
    assert.deepEqual({ function: caller.function, lineno: caller.lineno, colno: caller.colno }, engine.caller)
    // The wrapper's own frame, below the app's, is the SDK's: never in_app.
    assert.ok(frames.filter((f) => /\/pkg\//.test(f.abs_path)).every((f) => f.in_app === false), JSON.stringify(frames))

    assert.equal(event.platform, 'javascript')
    assert.equal(event.level, 'error')
    assert.equal(event.release, 'demo@1.0.0')
    assert.equal(event.environment, 'demo')
    assert.match(event.event_id, /^[0-9a-f]{32}$/)
    assert.equal(event.request.url, `${site.url}/?dsn=${encodeURIComponent(receiver.dsn)}`)
    assert.match(event.request.headers['User-Agent'], engine.userAgent)
    assert.equal(event.request.headers['User-Agent'], await page.evaluate(() => navigator.userAgent))
    assert.ok(Math.abs(event.timestamp - Date.now() / 1000) < 60)
    assertValidByRelay(events, `${name}-uncaught-typeerror`)
    await page.close()
  })

  test('an unhandled rejection arrives with the rejection mechanism', async () => {
    const start = receiver.events().length
    const page = await openDemo()
    await page.click('#reject')
    const [event] = await newEvents(start, 1)
    const [exception] = event.exception.values
    assert.equal(exception.type, 'RangeError')
    assert.equal(exception.value, 'settings version 7 is not supported')
    assert.deepEqual(exception.mechanism, { type: 'auto.browser.global_handlers.onunhandledrejection', handled: false })
    const top = exception.stacktrace.frames.at(-1)
    assert.equal(top.function, 'loadSettings')
    assert.deepEqual({ lineno: top.lineno, colno: top.colno }, engine.rejectSite)
    assertValidByRelay([event], `${name}-unhandled-rejection`)
    await page.close()
  })

  test('an error thrown while the page loads, before the wasm is ready, still arrives', async () => {
    const start = receiver.events().length
    const page = await browser.newPage()
    await page.goto(`${site.url}/fixtures/early.html?dsn=${encodeURIComponent(receiver.dsn)}`)
    const events = await newEvents(start, 2)
    assert.equal(events.length, 2)
    const message = events.find((e) => e.logentry)
    assert.equal(message.logentry.message, 'captured before the wasm loaded')
    assert.equal(message.level, 'warning')
    assert.equal(message.event_id, await page.evaluate(() => window.earlyId), 'the id returned before load is the one sent')
    const error = events.find((e) => !e.logentry)
    assert.equal(error.exception.values[0].value, 'thrown during page load')
    assertValidByRelay(events, `${name}-before-wasm-ready`)
    await page.close()
  })

  test('a malformed DSN is reported once to the console and the SDK stays off without throwing', async () => {
    const start = receiver.requests()
    const page = await openDemo('https://not-a-valid-dsn')
    await page.waitForFunction(() => window.Sentry)
    await page.waitForTimeout(300) // let the wasm load and refuse the DSN
    await page.click('#throw')
    const flushed = await page.evaluate(() => window.Sentry.flush(500))
    assert.equal(flushed, false)
    const warnings = page.consoleMessages.filter((m) => m.includes('[wasm-sentry]'))
    assert.equal(warnings.length, 1, warnings.join('\n'))
    assert.match(warnings[0], /^warning: \[wasm-sentry\] /)
    assert.match(warnings[0], /public key/)
    // The page's own uncaught error is still the page's: only it reached the console.
    assert.equal(page.pageErrors.length, 1)
    assert.match(page.pageErrors[0].message, /profile/)
    assert.equal(receiver.requests(), start, 'nothing was sent')
    await page.close()
  })
})
