// The SDK's one network path: the npm package's (js/glue.js imports it) and,
// as a wasm-bindgen snippet of the crate, a Rust app's. It runs in pages,
// workers, workerd and Node, and never throws.
// The queue, retries and rate limits are Rust's (core/transport.rs); this
// file only performs requests, reports each response to `handler`, keeps
// one timer, and on page hide hands the queue to sendBeacon.

const pending = new Set()
// Taken at load, so that later instrumentation of `fetch` never sees our own requests.
const nativeFetch = typeof fetch === 'function' ? fetch.bind(globalThis) : undefined
const TIMEOUT_MS = 30000
let handler // (id, status, rateLimits, retryAfter): status 0 = failed; id -1 = wake, -2 = unload
let idle = true
let timer

const call = (...a) => {
  try {
    if (handler) handler(...a)
  } catch (e) {}
}

// The Rust closure (a Rust app) or client.js's function (the npm package, or
// client.js driving a Rust app's module: then both, the latter last).
export function setHandler(fn) {
  if (handler) return void (handler = fn)
  handler = fn
  // Queued envelopes leave before the page goes away: on pagehide, or when
  // the page is hidden (the last moment a mobile browser guarantees).
  try {
    const g = globalThis
    if (typeof g.addEventListener === 'function' && typeof document !== 'undefined') {
      g.addEventListener('pagehide', () => call(-2, 0, '', ''))
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'hidden') call(-2, 0, '', '')
      })
    }
  } catch (e) {}
}

export function setIdle(value) {
  idle = value
}

/** Calls the handler with id -1 after `ms`, replacing any earlier timer. */
export function wakeAfter(ms) {
  try {
    clearTimeout(timer)
    timer = setTimeout(() => call(-1, 0, '', ''), Math.max(0, ms))
  } catch (e) {}
}

// The last answer to each of the newest envelopes, by the event they carry
// (an event's envelope starts with `{"event_id":"` and its 32 digits; others
// give keys no event has): for sendFeedback, which tells a refused request
// (403) from a delivered one, as the peer's does.
const answers = new Map()
const answered = (body, status) => {
  answers.set(body.slice(13, 45), status)
  if (answers.size > 50) answers.delete(answers.keys().next().value)
}
/** The status of the last request that carried event `id` (0: it failed), if one was made. */
export const statusOf = (id) => answers.get(id)

export function sendEnvelope(url, body, keepalive, id) {
  if (!nativeFetch) {
    call(id, 0, '', '')
    return
  }
  let done
  try {
    const init = { method: 'POST', body }
    // workerd and Node have no page to outlive; keepalive is for pages.
    if (typeof document !== 'undefined') {
      init.keepalive = keepalive
      init.referrerPolicy = 'strict-origin'
    }
    if (typeof AbortController === 'function') {
      const ctl = new AbortController()
      const t = setTimeout(() => ctl.abort(), TIMEOUT_MS)
      init.signal = ctl.signal
      done = nativeFetch(url, init).finally(() => clearTimeout(t))
    } else {
      done = nativeFetch(url, init)
    }
    done = done.then(
      (res) => {
        const h = (k) => {
          try { return res.headers.get(k) || '' } catch (e) { return '' }
        }
        try { res.body && res.body.cancel() } catch (e) {}
        answered(body, res.status)
        call(id, res.status, h('x-sentry-rate-limits'), h('retry-after'))
      },
      () => (answered(body, 0), call(id, 0, '', '')),
    )
  } catch (e) {
    call(id, 0, '', '')
    return
  }
  pending.add(done)
  done.then(() => pending.delete(done))
}

/** Hands bodies to the browser for delivery after the page is gone. */
export function sendBeacon(url, body) {
  try {
    const nav = globalThis.navigator
    if (nav && typeof nav.sendBeacon === 'function' && nav.sendBeacon(url, new Blob([body], { type: 'text/plain' }))) return
    if (nativeFetch) nativeFetch(url, { method: 'POST', body, keepalive: true }).catch(() => {})
  } catch (e) {}
}

/** `true` once nothing is queued, waiting or in flight; `false` at the timeout. */
export function flushPending(timeoutMs) {
  return new Promise((resolve) => {
    const deadline = Date.now() + Math.max(0, +timeoutMs || 0)
    const check = () => {
      if (!pending.size && idle) resolve(true)
      else if (Date.now() >= deadline) resolve(false)
      else if (pending.size) Promise.race([Promise.all([...pending]), new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now())))]).then(() => setTimeout(check, 0))
      else setTimeout(check, Math.min(50, Math.max(0, deadline - Date.now())))
    }
    check()
  })
}

// Rust's one import for the requests above (src/web/bindings.rs): `op`, a
// URL and a body, a number (request id, delay). Op 6 comes from the start
// of the npm package's transport, which passes no JS value: client.js put
// its handler under HANDLER on globalThis just before that (synchronous)
// call, and takes it away after.
const HANDLER = Symbol.for('wasm-sentry.handler')

export function io(op, url, body, n) {
  switch (op) {
    case 0: case 1: return sendEnvelope(url, body, op === 1, n)
    case 2: return sendBeacon(url, body)
    case 3: return wakeAfter(n)
    case 6: return typeof globalThis[HANDLER] === 'function' && setHandler(globalThis[HANDLER])
  }
}

// The Rust API's two operations (src/web/bindings.rs): 4 sets whether Rust's
// transport is idle, 5 returns flushPending's promise. Apart from `io`, so
// that a bundle of the npm package, which never calls them, leaves them out.
export function rustApiIo(op, n) {
  return op === 4 ? setIdle(!!n) : flushPending(n)
}

let deliverFn // the JS client's hooks, for events captured from Rust

export function setDeliver(fn) {
  deliverFn = typeof fn === 'function' ? fn : undefined
}

export function deliver(json) {
  try {
    if (deliverFn) deliverFn(json)
  } catch (e) {}
}

/** The stack here and now, for captures made in Rust (a panic, capture_error). */
export function stackNow() {
  try {
    const limit = Error.stackTraceLimit
    if (typeof limit === 'number' && limit < 100) Error.stackTraceLimit = 100
    const stack = new Error().stack
    if (typeof limit === 'number') Error.stackTraceLimit = limit
    return typeof stack === 'string' ? stack : ''
  } catch (e) {
    return ''
  }
}

export function warn(message) {
  try {
    globalThis.console && console.warn('[wasm-sentry]', message)
  } catch (e) {}
}

// The registry of wasm modules that js/modules.js installs, when it was
// imported: its lookup, `buildIdOf` there.
const MODULES = Symbol.for('wasm-sentry.modules')

/** The build id (lowercase hex) of the module that frames name `url`, or "" (see js/modules.js). */
export function buildIdOf(url) {
  try {
    const lookup = globalThis[MODULES]
    return typeof lookup === 'function' ? String(lookup(url)) : ''
  } catch (e) {
    return ''
  }
}

