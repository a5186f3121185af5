// The synchronous shim: the only JS that runs before the page goes on.
//
// `init` installs the global handlers at once. Until the wasm is ready, what
// happens is snapshotted (strings, a timestamp, the page URL) into a bounded
// buffer and replayed in order. Nothing here ever throws into the host: each
// public function and each handler is guarded, and a failed wasm load leaves
// the page unharmed.

import { instrumentBreadcrumbs } from './breadcrumbs.js'

const MAX_BUFFERED = 200
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
  let buffer = [] // [export name, args, is a capture], in call order
  let lastId
  let hooks = false
  let warnedNotReady = false
  let warnedFull = false

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

  function read(obj, key) {
    try {
      return obj[key]
    } catch (e) {
      return undefined
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

  // A JSON-safe copy: depth-limited (`normalizeDepth`, default 3), cycles
  // and hostile getters made harmless, functions and other non-JSON values
  // described, as the peer's `normalize` does.
  function normalize(value, depth = options.normalizeDepth ?? 3) {
    const seen = []
    const walk = (v, d) => {
      switch (typeof v) {
        case 'string': case 'boolean': return v
        case 'number': return Number.isFinite(v) ? v : `[${v}]`
        case 'undefined': return '[undefined]'
        case 'bigint': return `[BigInt: ${v}]`
        case 'symbol': return `[${String(v)}]`
        case 'function': return `[Function: ${read(v, 'name') || '<anonymous>'}]`
      }
      if (v === null) return null
      if (seen.includes(v)) return '[Circular ~]'
      try {
        if (typeof v.toJSON === 'function') return walk(v.toJSON(), d)
      } catch (e) {}
      if (isError(v)) return { name: str(v, 'name'), message: str(v, 'message'), stack: str(v, 'stack') }
      if (d >= depth) return Array.isArray(v) ? '[Array]' : '[Object]'
      seen.push(v)
      let out
      try {
        if (Array.isArray(v)) out = v.slice(0, 100).map((x) => walk(x, d + 1))
        else {
          out = {}
          let n = 0
          for (const k in v) {
            if (n++ >= 100) { out['...'] = '[MaxProperties ~]'; break }
            out[k] = walk(read(v, k), d + 1)
          }
        }
      } catch (e) {
        out = '[Unreadable]'
      }
      seen.pop()
      return out
    }
    return walk(value, 0)
  }

  const json = (v, depth) => {
    try {
      return JSON.stringify(normalize(v, depth)) ?? 'null'
    } catch (e) {
      return 'null'
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

  function run(fn, args, capture) {
    let r
    try {
      r = wasm[fn](...args)
    } catch (e) {
      state = DISABLED
      debug('disabled after an internal error:', e)
      return undefined
    }
    return capture ? deliver(r) : r
  }

  // Runs an export now, or keeps it in call order until the wasm is ready.
  // Scope changes made before `init` are kept too; captures need `init`.
  // Captures start with (event_id, timestamp_ms): filled here when buffered.
  function enqueue(fn, args, capture) {
    if (state === READY) return run(fn, args, capture)
    if (state === DISABLED || (state === OFF && capture)) return undefined
    if (buffer.length >= MAX_BUFFERED) {
      if (!warnedFull) debug(`more than ${MAX_BUFFERED} calls before the wasm was ready; later ones are dropped`)
      warnedFull = true
      return undefined
    }
    let id
    if (capture) {
      id = args[0] = newId()
      args[1] = Date.now()
    }
    buffer.push([fn, args, capture])
    return id
  }

  // Inbound filters, as the peer's: a string matches as a substring, a RegExp by test.
  const matches = (value, patterns) =>
    !!value && Array.isArray(patterns) && patterns.some((p) => (typeof p === 'string' ? value.includes(p) : p instanceof RegExp && p.test(value)))

  function filteredOut(event) {
    const ex = event.exception && event.exception.values
    const last = ex && ex[ex.length - 1]
    const messages = []
    if (event.logentry) messages.push(event.logentry.message)
    if (last) {
      if (last.value) messages.push(last.value)
      messages.push(last.value ? `${last.type}: ${last.value}` : last.type)
    }
    if (messages.some((m) => matches(m, options.ignoreErrors))) return true
    const frames = (last && last.stacktrace && last.stacktrace.frames) || []
    const top = [...frames].reverse().find((f) => f.abs_path && f.abs_path !== '<anonymous>')
    const url = top && top.abs_path
    if (url && matches(url, options.denyUrls)) return true
    if (url && Array.isArray(options.allowUrls) && options.allowUrls.length && !matches(url, options.allowUrls)) return true
    return false
  }

  // With hooks, the wasm hands the finished event back as JSON: inbound
  // filters and `beforeSend` run here, then the event goes to the wasm to send.
  function deliver(r) {
    if (!r || !hooks) return r || undefined
    let event
    try {
      event = JSON.parse(r)
    } catch (e) {
      return undefined
    }
    const id = event.event_id
    const send = (ev) => {
      try {
        if (ev == null) wasm.recordDrop('before_send')
        else wasm.sendEvent(id, json(ev, 100))
      } catch (e) {}
    }
    try {
      if (filteredOut(event)) {
        wasm.recordDrop('event_processor')
        return id
      }
      let out = event
      if (typeof options.beforeSend === 'function') {
        try {
          out = options.beforeSend(JSON.parse(r), {})
        } catch (e) {
          debug('beforeSend threw; the event is sent unchanged:', e)
          out = event
        }
      }
      if (out && typeof out.then === 'function') out.then(send, () => send(event))
      else send(out)
    } catch (e) {}
    return id
  }

  // The error and what caused it: `cause` chains and AggregateError members
  // become linked exceptions (up to `limit`), staged before the capture.
  function linkErrors(err, limit) {
    const seen = [err]
    const visit = (e, parent) => {
      const members = Array.isArray(read(e, 'errors')) ? read(e, 'errors') : []
      const children = members.map((m, i) => [m, `errors[${i}]`])
      const cause = read(e, 'cause')
      if (cause !== undefined) children.unshift([cause, 'cause'])
      for (const [child, source] of children) {
        if (seen.length > limit || !isError(child) || seen.includes(child)) continue
        const id = seen.push(child) - 1
        enqueue('addLinkedError', [str(child, 'name'), str(child, 'message'), str(child, 'stack'), source, parent, Array.isArray(read(child, 'errors'))], false)
        visit(child, id)
      }
    }
    visit(err, 0)
  }

  function captureError(err, mechanism, handled, fallback) {
    let name = '', message = '', stack = '', synthetic = false
    if (isError(err)) {
      name = str(err, 'name')
      message = str(err, 'message')
      stack = str(err, 'stack')
      if (options.linkedErrors !== false) linkErrors(err, options.linkedErrorsLimit ?? 5)
    } else {
      synthetic = true
      const rejection = mechanism.endsWith('onunhandledrejection')
      const kind = rejection ? 'promise rejection' : 'exception'
      let text
      try { text = String(err) } catch (e) { text = Object.prototype.toString.call(err) }
      if (err === null || typeof err !== 'object') {
        message = rejection ? `Non-Error promise rejection captured with value: ${text}` : text
      } else if (typeof g.Event === 'function' && err instanceof g.Event) {
        message = `Event \`${read(read(err, 'constructor'), 'name') || 'Event'}\` (type=${str(err, 'type')}) captured as ${kind}`
      } else {
        const keys = Object.keys(normalize(err, 1) || {}).sort().join(', ')
        message = `Object captured as ${kind} with keys: ${keys || '[object has no keys]'}`
      }
    }
    const [url, line, col] = fallback || ['', 0, 0]
    const aggregate = Array.isArray(read(err, 'errors'))
    return remember(enqueue('captureError', ['', 0, ...page(), name, message, stack, mechanism, handled, synthetic, aggregate, url, line, col], true))
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

  // `integrations`: an array, or a function of the defaults; `defaultIntegrations: false` drops them all.
  const DEFAULTS = ['GlobalHandlers', 'Breadcrumbs', 'Dedupe', 'LinkedErrors', 'InboundFilters', 'HttpContext'].map((name) => ({ name }))
  function integrations(opts) {
    let list = opts.defaultIntegrations === false ? [] : DEFAULTS
    const given = opts.integrations
    try {
      if (typeof given === 'function') list = given(list) || []
      else if (Array.isArray(given)) list = [...list.filter((d) => !given.some((i) => i && i.name === d.name)), ...given]
    } catch (e) {}
    const byName = {}
    for (const i of list) if (i && i.name) byName[i.name] = i.options || {}
    return byName
  }

  function addBreadcrumb(crumb) {
    try {
      let c = { timestamp: Date.now(), ...crumb }
      if (typeof options.beforeBreadcrumb === 'function') {
        try {
          c = options.beforeBreadcrumb(c, {})
        } catch (e) {
          debug('beforeBreadcrumb threw:', e)
        }
        if (!c) return
      }
      const ts = typeof c.timestamp === 'number' ? (c.timestamp < 1e11 ? c.timestamp * 1000 : c.timestamp) : Date.now()
      enqueue('addBreadcrumb', [ts, str(c, 'type'), str(c, 'category'), str(c, 'message'), str(c, 'level'), c.data === undefined ? '' : json(c.data)], false)
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
      const enabled = integrations(options)
      hooks = typeof options.beforeSend === 'function' || !!enabled.InboundFilters && ['ignoreErrors', 'denyUrls', 'allowUrls'].some((k) => Array.isArray(options[k]) && options[k].length)
      if (!enabled.LinkedErrors) options.linkedErrors = false
      else if (enabled.LinkedErrors.limit != null) options.linkedErrorsLimit = enabled.LinkedErrors.limit
      const handlers = enabled.GlobalHandlers
      if (handlers && typeof g.addEventListener === 'function') {
        if (handlers.onerror !== false) g.addEventListener('error', onError)
        if (handlers.onunhandledrejection !== false) g.addEventListener('unhandledrejection', onRejection)
      }
      if (enabled.Breadcrumbs) instrumentBreadcrumbs(addBreadcrumb, enabled.Breadcrumbs, str(options, 'tunnel'))
      const scope = options.initialScope
      if (scope && typeof scope === 'object') {
        if (scope.user) setUser(scope.user)
        if (scope.tags) setTags(scope.tags)
        if (scope.extra) setExtras(scope.extra)
        for (const [k, v] of Object.entries(scope.contexts || {})) setContext(k, v)
        if (scope.level) enqueue('setLevel', [String(scope.level)], false)
      }
      const num = (v, d) => (typeof v === 'number' && v === v ? v : d)
      load()
        .then((m) => {
          const problem = m.start(
            dsn, str(options, 'release'), str(options, 'environment'), str(options, 'dist'),
            num(options.sampleRate, 1), num(options.maxBreadcrumbs, 100), !!options.sendDefaultPii,
            num(options.maxValueLength, 250), str(options, 'tunnel'), !!enabled.Dedupe, hooks, !!enabled.HttpContext,
          )
          if (problem) {
            warn(problem + ': the SDK is disabled')
            state = DISABLED
          } else if (state === LOADING) {
            wasm = m
            state = READY
          }
          const queued = buffer
          buffer = []
          if (state === READY) for (const op of queued) run(...op)
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
      return captureError(err, 'generic', true)
    } catch (e) {}
  }

  function captureMessage(message, level) {
    try {
      const lvl = typeof level === 'string' ? level : (level && level.level) || 'info'
      return remember(enqueue('captureMessage', ['', 0, ...page(), typeof message === 'string' ? message : json(message), lvl], true))
    } catch (e) {}
  }

  function captureEvent(event) {
    try {
      return remember(enqueue('captureEvent', ['', 0, ...page(), json(event, 100)], true))
    } catch (e) {}
  }

  function setUser(user) {
    enqueue('setUser', [user == null ? '' : json(user)], false)
  }
  function setTag(key, value) {
    enqueue('setTag', [String(key), value == null ? undefined : String(value)], false)
  }
  function setTags(tags) {
    try { for (const [k, v] of Object.entries(tags || {})) setTag(k, v) } catch (e) {}
  }
  // The peer normalises `extra` and `contexts` as whole maps: their values start one level down.
  const depth = (n = 0) => (options.normalizeDepth ?? 3) - n
  function setExtra(key, value) {
    enqueue('setExtra', [String(key), json(value, depth(1))], false)
  }
  function setExtras(extras) {
    try { for (const [k, v] of Object.entries(extras || {})) setExtra(k, v) } catch (e) {}
  }
  function setContext(key, context) {
    enqueue('setContext', [String(key), context == null ? '' : json(context, depth(1))], false)
  }

  // The scope handed to `withScope` callbacks: the same setters, acting on the pushed scope.
  const scopeApi = {
    setUser, setTag, setTags, setExtra, setExtras, setContext, addBreadcrumb,
    setLevel: (level) => enqueue('setLevel', [String(level)], false),
    setFingerprint: (fp) => enqueue('setFingerprint', [json(fp)], false),
  }

  function withScope(callback) {
    enqueue('pushScope', [], false)
    try {
      return callback(scopeApi)
    } finally {
      enqueue('popScope', [], false)
    }
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

  const guard = (f) => (...a) => { try { return f(...a) } catch (e) {} }
  return {
    init, captureException, captureMessage, captureEvent, flush, close, ready, parseStack, withScope,
    setUser: guard(setUser), setTag: guard(setTag), setTags, setExtra: guard(setExtra), setExtras,
    setContext: guard(setContext), addBreadcrumb, lastEventId: () => lastId,
  }
}

// The integrations, by the peer's names, to pass in `integrations` with options or to filter out.
export const globalHandlersIntegration = (options = {}) => ({ name: 'GlobalHandlers', options })
export const breadcrumbsIntegration = (options = {}) => ({ name: 'Breadcrumbs', options })
export const dedupeIntegration = () => ({ name: 'Dedupe' })
export const linkedErrorsIntegration = (options = {}) => ({ name: 'LinkedErrors', options })
export const inboundFiltersIntegration = () => ({ name: 'InboundFilters' })
export const httpContextIntegration = () => ({ name: 'HttpContext' })
