// The real browsers the end-to-end tests run in, all with the same shape:
// launch() -> { newPage(), close() }, see browser.mjs and firefox.mjs.
//
//   WASM_SENTRY_BROWSERS=chromium          only Chromium (a comma list; default: all)
import { describe, test } from 'node:test'
import { launchChromium } from './browser.mjs'
import { launchFirefox } from './firefox.mjs'

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
