// The peer, @sentry/browser (node_modules, the version this SDK is
// API-compatible with), bundled for the test pages by esbuild into
// target/peer/peer-sentry.js (served as /peer/ by static.mjs). An ES module
// whose exports are the peer's: tests/e2e/pages/peer-diff.html imports it as
// `window.Sentry` (and `window.PeerSentry`) for `?sdk=peer`.
import * as esbuild from 'esbuild'
import fs from 'node:fs'
import path from 'node:path'

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..')
export const PEER_DIR = path.join(REPO, 'target/peer')
export const PEER_VERSION = JSON.parse(fs.readFileSync(path.join(REPO, 'node_modules/@sentry/browser/package.json'), 'utf8')).version

/** Bundles the peer (not minified, so its own frames keep their names); resolves with the file's path. */
export async function buildPeer() {
  const outfile = path.join(PEER_DIR, 'peer-sentry.js')
  await esbuild.build({
    stdin: { contents: "export * from '@sentry/browser'", resolveDir: REPO, sourcefile: 'peer-entry.js' },
    bundle: true, format: 'esm', platform: 'browser', target: 'es2020', outfile, logLevel: 'error',
  })
  return outfile
}

/**
 * `init` options for either SDK, as JS source evaluated in the page (so
 * that they can hold functions): `options` (source of an object literal)
 * with the DSN, and the default integrations of both less BrowserSession
 * (no session envelopes unless a scenario asks for them).
 */
export function initSource(options = '{}') {
  return `(dsn) => {
    const options = (${options})
    const keep = options.integrations
    window.Sentry.init({
      ...options,
      dsn,
      integrations: (defaults) => {
        const list = defaults.filter((i) => i.name !== 'BrowserSession')
        return typeof keep === 'function' ? keep(list) : [...list, ...(keep || [])]
      },
    })
  }`
}
