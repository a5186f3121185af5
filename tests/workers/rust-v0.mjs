// A worker whose wasm module (written by tests/e2e/demangle.test.mjs) names
// its functions with v0 symbols; the error thrown through them is captured by
// `withSentry`, and its names are demangled by the workers' wasm.
import { withSentry } from 'wasm-sentry/worker'
import corpus from 'v0/corpus.wasm'

export default withSentry((env) => ({ dsn: env.SENTRY_DSN }), {
  async fetch() {
    const instance = await WebAssembly.instantiate(corpus, { env: { js_throw: () => { throw new Error('thrown under Rust frames in a worker') } } })
    instance.exports.callJs()
    return new Response('unreachable')
  },
})
