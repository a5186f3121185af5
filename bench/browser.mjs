// In one headless Chromium run, beside @sentry/browser: the main-thread time
// of captureException for a 10-frame error (median of 1,000 captures per
// page load, median over loads), and the time from navigation start to the
// global handlers being installed (median over loads). Both apps are built
// the same way with esbuild (minified, ESM, splitting) and served from
// 127.0.0.1, sending to a local receiver.
//
//   node bench/browser.mjs          (after scripts/build.sh)
import * as esbuild from 'esbuild'
import fs from 'node:fs'
import path from 'node:path'
import { startReceiver } from '../tests/support/receiver.mjs'
import { startStatic } from '../tests/support/static.mjs'
import { launchChromium } from '../tests/support/browser.mjs'

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const OUT = path.join(REPO, 'bench/out/browser')
const LOADS = 9
const peerVersion = JSON.parse(fs.readFileSync(path.join(REPO, 'node_modules/@sentry/browser/package.json'), 'utf8')).version
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1]

fs.rmSync(OUT, { recursive: true, force: true })
for (const name of ['wasm-sentry', 'sentry-browser']) {
  await esbuild.build({
    entryPoints: [path.join(REPO, `bench/apps/capture-${name}.js`)],
    bundle: true, minify: true, format: 'esm', splitting: true, platform: 'browser',
    outdir: path.join(OUT, name), alias: { 'wasm-sentry': path.join(REPO, 'pkg/index.js') }, logLevel: 'error',
  })
  fs.writeFileSync(path.join(OUT, name, 'index.html'), `<!doctype html><meta charset="utf-8"><script>window.__dsn = new URLSearchParams(location.search).get('dsn')</script><script type="module" src="./capture-${name}.js"></script>`)
}
// esbuild leaves `new URL('./wasm_sentry_bg.wasm', import.meta.url)` to the host: serve it beside the chunks.
fs.copyFileSync(path.join(REPO, 'pkg/wasm_sentry_bg.wasm'), path.join(OUT, 'wasm-sentry/wasm_sentry_bg.wasm'))

const receiver = await startReceiver()
const site = await startStatic({ root: OUT })
const browser = await launchChromium()
const results = {}
try {
  const runs = { 'wasm-sentry': { captures: [], handlers: [] }, 'sentry-browser': { captures: [], handlers: [] } }
  // Loads alternate between the two apps, after one warm-up load of each,
  // so that neither gets the cold browser.
  for (let i = -1; i < LOADS; i++) {
    for (const name of Object.keys(runs)) {
      const page = await browser.newPage()
      await page.goto(`${site.url}/${name}/?dsn=${encodeURIComponent(receiver.dsn)}`)
      await page.waitForFunction(() => window.__bench && window.__bench.capture, null, { timeout: 60000 })
      const r = await page.evaluate(() => window.__bench)
      if (i >= 0) {
        runs[name].captures.push(median(r.capture))
        runs[name].handlers.push(r.handlersAt)
      }
      await page.close()
    }
  }
  for (const [name, r] of Object.entries(runs)) results[name] = { capture: median(r.captures), handlers: median(r.handlers) }
} finally {
  await browser.close()
  await site.close()
  await receiver.close()
}

const a = results['wasm-sentry']
const b = results['sentry-browser']
console.log(`Chromium ${browser.context?.browser()?.version?.() ?? ''}, ${LOADS} page loads each`.trim())
console.log('')
console.log(`| in headless Chromium | wasm-sentry | @sentry/browser ${peerVersion} | ratio |`)
console.log('| --- | ---: | ---: | ---: |')
console.log(`| captureException, 10-frame error (median µs) | ${(a.capture * 1000).toFixed(0)} | ${(b.capture * 1000).toFixed(0)} | ${(a.capture / b.capture).toFixed(2)}× |`)
console.log(`| navigation start → handlers installed (median ms) | ${a.handlers.toFixed(1)} | ${b.handlers.toFixed(1)} | ${(a.handlers / b.handlers).toFixed(2)}× |`)
fs.writeFileSync(path.join(REPO, 'bench/out/browser.json'), JSON.stringify(results, null, 2))
