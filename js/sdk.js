// The synchronous shim: the only JS that runs before the page goes on.
//
// `init` installs the global handlers at once. Until the wasm is ready, what
// happens is snapshotted (strings, a timestamp, the page URL) into a bounded
// buffer and replayed in order. Nothing here ever throws into the host: each
// public function and each handler is guarded, and a failed wasm load leaves
// the page unharmed.

const MAX_BUFFERED = 100
const OFF = 0, LOADING = 1, READY = 2, DISABLED = 3
const PREFIX = '[wasm-sentry]'

// The URL prefix of the SDK's own files, whose frames are never the app's.
// Only when this file is served as itself: in a bundle, import.meta.url is
// the app's URL, and every frame would wrongly count as the SDK's.
let SDK_BASE = ''
try {
  const url = import.meta.url
  if (/\/sdk\.js$/.test(url)) SDK_BASE = url.slice(0, -'sdk.js'.length)
} catch (e) {}

// Rebuilds frames from the numbers `parseStack` returns: 13 per frame,
// `[flags, function, raw_function, abs_path, filename (start and end of a
// span of the stack each), lineno, colno, instruction_addr, module]`.
// Flag bits: 1 in_app, 2 function, 4 function in the demangled-names text,
// 8 raw_function, 16 abs_path, 32 filename, 64 lineno, 128 colno,
// 256 instruction_addr, 512 module. See src/core/stacktrace/spans.rs.
function framesFromSpans(s, n, mod) {
  const frames = []
  let text
  for (let i = 0; i < n.length; i += 13) {
    const flags = n[i]
    const f = {}
    if (flags & 2) f.function = flags & 4 ? (text ??= mod.parseStackText()).slice(n[i + 1], n[i + 2]) : s.slice(n[i + 1], n[i + 2])
    if (flags & 8) f.raw_function = s.slice(n[i + 3], n[i + 4])
    if (flags & 32) f.filename = s.slice(n[i + 7], n[i + 8])
    if (flags & 16) f.abs_path = s.slice(n[i + 5], n[i + 6])
    if (flags & 64) f.lineno = n[i + 9]
    if (flags & 128) f.colno = n[i + 10]
    f.in_app = (flags & 1) === 1
    if (flags & 256) f.instruction_addr = '0x' + n[i + 11].toString(16)
    if (flags & 512) f.addr_mode = 'rel:' + n[i + 12]
    frames.push(f)
  }
  return frames
}

export function createSdk(loadWasm) {
  const g = globalThis
  let state = OFF
  let wasm // the module, once the client runs
  let mod // the module, once loaded
  let loading
  let options = {}
  let buffer = []
  let lastId
  let warnedNotReady = false

  // Loads the wasm once, for `init` and for `ready`.
  function load() {
    return (loading ||= Promise.resolve().then(loadWasm).then((m) => (mod = m)))
  }

  const warn = (...a) => { try { g.console && console.warn(PREFIX, ...a) } catch (e) {} }
  const debug = (...a) => { options.debug && warn(...a) }

  // Reads a property as a string; a throwing getter or a Proxy gives ''.
  function str(obj, key) {
    try {
      const v = obj[key]
      return v == null ? '' : typeof v === 'string' ? v : String(v)
    } catch (e) {
      return ''
    }
  }

  function safeString(v) {
    try {
      return typeof v === 'string' ? v : JSON.stringify(v) ?? String(v)
    } catch (e) {
      try { return String(v) } catch (e2) { return Object.prototype.toString.call(v) }
    }
  }

  function isError(v) {
    try {
      if (v instanceof Error) return true
      const tag = Object.prototype.toString.call(v)
      return tag === '[object Error]' || tag === '[object DOMException]' || tag === '[object Exception]'
    } catch (e) {
      return false
    }
  }

  // Ids for captures made before the wasm is ready, so the caller gets one at once.
  function newId() {
    let s = ''
    for (let i = 0; i < 32; i++) s += ((Math.random() * 16) | 0).toString(16)
    return s
  }

  function page() {
    return [str(g.location || {}, 'href'), str(g.navigator || {}, 'userAgent'), str(g.document || {}, 'referrer')]
  }

  // Runs an export now, or buffers it with its id and time until the wasm is ready.
  function call(fn, args) {
    if (state === READY) {
      try {
        return wasm[fn](...args) || undefined
      } catch (e) {
        state = DISABLED
        debug('disabled after an internal error:', e)
        return undefined
      }
    }
    if (state !== LOADING) return undefined
    if (buffer.length >= MAX_BUFFERED) return undefined
    // Every capture export starts with (event_id, timestamp_ms, ...page()).
    const id = args[0] = newId()
    args[1] = Date.now()
    buffer.push([fn, args])
    return id
  }

  function captureError(err, mechanism, handled, fallback) {
    let name = '', message = '', stack = ''
    if (isError(err)) {
      name = str(err, 'name')
      message = str(err, 'message')
      stack = str(err, 'stack')
    } else {
      message = (mechanism.endsWith('onunhandledrejection')
        ? 'Non-Error promise rejection captured with value: '
        : 'Non-Error exception captured with value: ') + safeString(err)
    }
    const [url, line, col] = fallback || ['', 0, 0]
    return call('captureError', ['', 0, ...page(), name, message, stack, mechanism, handled, url, line, col])
  }

  function onError(ev) {
    try {
      const message = str(ev, 'message')
      const err = ev.error
      // Cross-origin scripts surface as a bare "Script error." with nothing to act on.
      if (err == null && /^(Uncaught )?Script error\.?$/.test(message)) return
      const fallback = [str(ev, 'filename'), +ev.lineno || 0, +ev.colno || 0]
      captureError(err == null ? message : err, 'auto.browser.global_handlers.onerror', false, fallback)
    } catch (e) {}
  }

  function onRejection(ev) {
    try {
      let reason = ev.reason
      // Some libraries wrap the reason: `{ detail: { reason } }`.
      if (reason == null && ev.detail && 'reason' in ev.detail) reason = ev.detail.reason
      captureError(reason, 'auto.browser.global_handlers.onunhandledrejection', false)
    } catch (e) {}
  }

  function init(opts) {
    try {
      if (state !== OFF) return
      options = opts || {}
      if (options.enabled === false) return
      const dsn = str(options, 'dsn')
      if (!dsn) {
        debug('no DSN: the SDK stays off')
        return
      }
      state = LOADING
      if (typeof g.addEventListener === 'function') {
        g.addEventListener('error', onError)
        g.addEventListener('unhandledrejection', onRejection)
      }
      load()
        .then((m) => {
          const problem = m.start(dsn, str(options, 'release'), str(options, 'environment'), str(options, 'dist'))
          if (problem) {
            warn(problem + ': the SDK is disabled')
            state = DISABLED
          } else if (state === LOADING) {
            wasm = m
            state = READY
          }
          const queued = buffer
          buffer = []
          for (const [fn, args] of queued) call(fn, args)
        })
        .catch((e) => {
          state = DISABLED
          buffer = []
          debug('the wasm could not be loaded, the SDK is off:', e)
        })
    } catch (e) {}
  }

  function remember(id) {
    if (id) lastId = id
    return id
  }

  function captureException(err, hint) {
    try {
      return remember(captureError(err, 'generic', true))
    } catch (e) {}
  }

  function captureMessage(message, level) {
    try {
      const lvl = typeof level === 'string' ? level : 'info'
      return remember(call('captureMessage', ['', 0, ...page(), safeString(message), lvl]))
    } catch (e) {}
  }

  const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

  async function flush(timeout) {
    try {
      const t = timeout == null ? 2000 : Math.max(0, +timeout || 0)
      const deadline = Date.now() + t
      if (state === LOADING) await Promise.race([load().catch(() => {}), sleep(t)])
      if (state !== READY) return false
      return await wasm.flush(Math.max(0, deadline - Date.now()))
    } catch (e) {
      return false
    }
  }

  async function close(timeout) {
    const ok = await flush(timeout)
    try {
      if (state === READY) wasm.stop()
      if (typeof g.removeEventListener === 'function') {
        g.removeEventListener('error', onError)
        g.removeEventListener('unhandledrejection', onRejection)
      }
    } catch (e) {}
    state = DISABLED
    return ok
  }

  // Resolves true once the wasm is loaded (false if it cannot be), after
  // which `parseStack` is synchronous. `init` does not wait for it.
  function ready() {
    return load().then(() => true, () => false)
  }

  // The frames an event would get for this error (oldest first). Takes an
  // Error, anything with `stack`/`name`/`message`, or a bare stack string.
  function parseStack(error) {
    try {
      if (!mod) {
        load().catch(() => {})
        if (!warnedNotReady) warn('parseStack() needs the wasm: `await ready()` first; returning []')
        warnedNotReady = true
        return []
      }
      const [stack, name, message] = typeof error === 'string' ? [error, '', ''] : [str(error, 'stack'), str(error, 'name'), str(error, 'message')]
      return framesFromSpans(stack, mod.parseStack(stack, name, message, SDK_BASE), mod)
    } catch (e) {
      return []
    }
  }

  return { init, captureException, captureMessage, flush, close, lastEventId: () => lastId, ready, parseStack }
}
