// Measured in headless Chromium by bench/browser.mjs. `__t0` is set by the page before this bundle.
import { init, captureException, ready } from 'wasm-sentry'

init({ dsn: window.__dsn })
window.__bench = { handlersAt: performance.now() }
const deep = (n) => (n === 0 ? new Error('bench') : deep(n - 1))
ready().then(() => {
  // Distinct 10-frame errors, made before timing; dedupe never sees a repeat.
  const errors = Array.from({ length: 1000 }, (_, i) => { const e = deep(7); e.message = `bench ${i}`; return e })
  // Timed in batches of 20: without cross-origin isolation the page's clock is coarse (100 µs).
  const times = []
  for (let i = 0; i < errors.length; i += 20) {
    const t = performance.now()
    for (const e of errors.slice(i, i + 20)) captureException(e)
    times.push((performance.now() - t) / 20)
  }
  window.__bench.capture = times
})
