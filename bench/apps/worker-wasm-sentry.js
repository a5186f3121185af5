// The same worker with wasm-sentry's `withSentry`: a scope per request,
// nothing captured.
import { withSentry } from 'wasm-sentry/worker'

export default withSentry((env) => ({ dsn: env.SENTRY_DSN }), {
  async fetch() {
    return new Response('ok')
  },
})
