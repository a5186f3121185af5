// Parses the stacks POSTed to it with the worker entry's parseStack.
import { ready, parseStack } from 'wasm-sentry/worker'

export default {
  async fetch(request) {
    await ready()
    const cases = await request.json()
    return Response.json(cases.map((c) => parseStack(c)))
  },
}
