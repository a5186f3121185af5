// The real browsers the end-to-end tests run in, all with the same shape:
// launch() -> { newPage(), close() }, see browser.mjs and firefox.mjs.
//
//   WASM_SENTRY_BROWSERS=chromium          only Chromium (a comma list; default: all)
import { after, before, describe, test } from 'node:test'
import { launchChromium } from './browser.mjs'
import { launchFirefox } from './firefox.mjs'
import { startReceiver } from './receiver.mjs'
import { startStatic } from './static.mjs'

export const BROWSERS = { chromium: launchChromium, firefox: launchFirefox }

/** The names of the browsers to test in, from WASM_SENTRY_BROWSERS. */
export function selectedBrowsers() {
  const env = process.env.WASM_SENTRY_BROWSERS?.trim()
  if (!env) return Object.keys(BROWSERS)
  const names = env.split(',').map((s) => s.trim()).filter(Boolean)
  const unknown = names.filter((n) => !Object.hasOwn(BROWSERS, n))
  if (unknown.length) throw new Error(`WASM_SENTRY_BROWSERS: unknown ${unknown.join(', ')} (known: ${Object.keys(BROWSERS).join(', ')})`)
  return [...new Set(names)]
}

/**
 * Registers tests once per selected browser: `register(name, launch, test)`
 * runs inside a suite of its own, so its before/after hooks launch and close
 * that browser around its tests only, and `test(title, fn)` names the test
 * `[name] title`.
 */
export function forEachBrowser(register) {
  for (const name of selectedBrowsers()) {
    describe(name, () => register(name, BROWSERS[name], (title, fn) => test(`[${name}] ${title}`, fn)))
  }
}

/**
 * A browser suite's usual fixture: the local receiver (unless `receiver:
 * false`), the static site (tests/support/static.mjs) and the browser,
 * started before the suite's tests and closed after them. `set` gets
 * `{ receiver, site, browser }` once they are up.
 */
export function browserFixture(launch, set, { receiver: withReceiver = true } = {}) {
  const fx = {}
  before(async () => {
    if (withReceiver) fx.receiver = await startReceiver()
    fx.site = await startStatic()
    fx.browser = await launch()
    set(fx)
  })
  after(async () => {
    await fx.browser?.close()
    await fx.site?.close()
    await fx.receiver?.close()
  })
}

/**
 * Opens the API fixture page (tests/e2e/pages/api.html) and calls `init`
 * with the options written as JS source (so that they can hold functions),
 * the receiver's DSN filled in. With `from`, the page is reached by a
 * navigation from that path, which becomes its referrer.
 */
export async function openApiPage({ browser, site, receiver }, optionsSource = '{}', query = '', from) {
  const page = await browser.newPage()
  if (from) {
    await page.goto(`${site.url}${from}`)
    await page.evaluate((url) => { location.href = url }, `${site.url}/fixtures/api.html${query}`)
    await page.waitForFunction(() => window.fixtureReady === true && document.readyState === 'complete')
  } else {
    await page.goto(`${site.url}/fixtures/api.html${query}`)
  }
  await page.waitForFunction(() => window.fixtureReady)
  await page.evaluate(([src, dsn]) => {
    const options = (0, eval)(`(${src})`)
    window.Sentry.init({ dsn, ...options })
  }, [optionsSource, receiver.dsn])
  return page
}

/**
 * Runs `fn(arg)` in the page, flushes the SDK there, waits for `expect`
 * events (if given) and `settle` ms more for any stray one, and returns the
 * events the receiver got meanwhile.
 */
export async function eventsOf(receiver, page, fn, arg, { expect, settle = 200 } = {}) {
  const start = receiver.events().length
  await page.evaluate(fn, arg)
  await page.evaluate(() => window.Sentry.flush(5000))
  if (expect) await receiver.waitForEvents(start + expect)
  await new Promise((r) => setTimeout(r, settle))
  return receiver.events().slice(start)
}
