// The same worker with toucan-js, as its README sets it up: a client per
// request, nothing captured.
import { Toucan } from 'toucan-js'

export default {
  async fetch(request, env, context) {
    const sentry = new Toucan({ dsn: env.SENTRY_DSN, context, request })
    try {
      return new Response('ok')
    } catch (e) {
      sentry.captureException(e)
      throw e
    }
  },
}
