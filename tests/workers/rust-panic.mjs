// A worker that runs the example Rust app (examples/rust-app, its wasm
// imported as a module): the app inits wasm-sentry from Rust, then panics.
// The panic hook has started the event's request before the instance traps;
// the worker waits for it before answering.
import wasmModule from 'rust-app/rust_app_bg.wasm'
import * as app from 'rust-app/rust_app.js'

export default {
  async fetch(request, env) {
    const logged = []
    const error = console.error
    console.error = (...a) => { logged.push(a.join(' ')); error(...a) }
    Error.stackTraceLimit = 50
    app.initSync({ module: wasmModule })
    app.start_app(env.SENTRY_DSN, 'rust')
    let trap = ''
    try {
      app.crash()
    } catch (e) {
      trap = String(e)
    } finally {
      console.error = error
    }
    // The JS transport's own flush: no call into the trapped app's Rust state.
    const flushed = await app.flush(5000)
    return Response.json({ trap, flushed, console: logged.join('\n') })
  },
}
