// A worker that uses the package's `./worker` entry: it loads the wasm as a
// module, captures a message and flushes it before answering.
import { init, captureMessage, flush } from 'wasm-sentry/worker'

export default {
  async fetch(request, env) {
    init({ dsn: env.SENTRY_DSN, environment: 'workerd' })
    const id = captureMessage('hello from workerd', 'info')
    const flushed = await flush(5000)
    return Response.json({ id, flushed })
  },
}
