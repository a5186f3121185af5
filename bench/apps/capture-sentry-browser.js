// Measured in headless Chromium by bench/browser.mjs, the same way as the wasm-sentry app.
import * as Sentry from '@sentry/browser'

Sentry.init({ dsn: window.__dsn })
window.__bench = { handlersAt: performance.now() }
const deep = (n) => (n === 0 ? new Error('bench') : deep(n - 1))
Promise.resolve().then(() => {
  const errors = Array.from({ length: 1000 }, (_, i) => { const e = deep(7); e.message = `bench ${i}`; return e })
  const times = []
  for (let i = 0; i < errors.length; i += 20) {
    const t = performance.now()
    for (const e of errors.slice(i, i + 20)) Sentry.captureException(e)
    times.push((performance.now() - t) / 20)
  }
  window.__bench.capture = times
})
