// The SDK's JS half that waits for the wasm: it is loaded with it, after
// `init`, so that none of it runs before the page goes on. It turns what the
// shim recorded (raw errors, objects, breadcrumbs) into the strings and
// numbers the wasm takes, and runs the user's hooks on finished events;
// `parseStack` and the demangler module load on demand (js/parse.js).
// Nothing here throws into the host.

// The wasm's one entry for every call but parseStack's (see
// src/web/exports.rs): an operation, bit flags, two integers, a number, and
// the strings packed as their lengths, ';', then the strings themselves.
// Declared first: esbuild inlines constants only when they come before their uses.
const START = 0, STOP = 1, ERROR = 2, MESSAGE = 3, EVENT = 4, SEND = 5, DROP = 6, USER = 7, TAG = 8, EXTRA = 9,
  CONTEXT = 10, LEVEL = 11, FINGERPRINT = 12, BREADCRUMB = 13, PUSH = 14, POP = 15, LINKED = 16, TRANSPORT = 17,
  USE_SCOPE = 18, DROP_SCOPE = 19, REQUEST = 20, LIMITS = 21, SDK_BASE = 22, HOOKS = 23, IDLE = 24,
  WANTED = 25, LEARN = 26, RELEASE = 27, SESSION = 28, TRANSACTION = 29, CLEAR = 30

// The key under which client.js hands the JS transport its handler (see js/transport.js).
const HANDLER = Symbol.for('wasm-sentry.handler')

// A property as a string; '' when missing or when reading it throws. Each
// read is its own closure, so its property load stays monomorphic.
function own(read) {
  try {
    const v = read()
    return v == null ? '' : typeof v === 'string' ? v : String(v)
  } catch (e) {
    return ''
  }
}

// Any value as a string; never throws, even for a Proxy whose every trap does.
function stringOf(v) {
  try {
    return String(v)
  } catch (e) {}
  try {
    return Object.prototype.toString.call(v)
  } catch (e) {
    return '[object Object]'
  }
}

// A tag's value as text; a Date as JSON has it (ISO 8601), as the peer's.
function tagText(v) {
  try {
    if (v instanceof Date) return v.toJSON()
  } catch (e) {}
  return stringOf(v)
}

function text(v) {
  try {
    return typeof v === 'string' ? v : v instanceof Error ? String(v) : JSON.stringify(v) ?? String(v)
  } catch (e) {
    return stringOf(v)
  }
}

/** A short CSS path of an element, as the peer's: up to 5 levels below `html`, at most 80 characters. */
function selector(el) {
  try {
    const parts = []
    let len = 0
    for (let n = el, depth = 0; n && n.nodeType === 1 && depth < 5; n = n.parentNode, depth++) {
      let s = n.tagName.toLowerCase()
      if (s === 'html') break
      if (n.id) s += '#' + n.id
      const cls = typeof n.className === 'string' ? n.className.trim().split(/\s+/).filter(Boolean) : []
      for (const c of cls.slice(0, 3)) s += '.' + c
      for (const a of ['name', 'type', 'aria-label', 'title']) {
        const v = n.getAttribute && n.getAttribute(a)
        if (v) s += `[${a}="${v}"]`
      }
      if (depth > 0 && len + 3 + s.length >= 80) break
      parts.unshift(s)
      len += s.length + (depth > 0 ? 3 : 0)
    }
    return parts.join(' > ') || '<unknown>'
  } catch (e) {
    return '<unknown>'
  }
}

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

// The peer's default `ignoreErrors` (its EventFilters integration), as one
// pattern: noise from browsers, ad scripts, extensions and embedded webviews
// that no app can act on. Matched against `message` and `type: message`.
const DEFAULT_IGNORE = /^(Script error\.?|Javascript error: Script error\.? on line 0|ResizeObserver loop completed with undelivered notifications.|Cannot redefine property: googletag|Can't find variable: gmo|undefined is not an object \(evaluating 'a\.[A-Z]'\))$|can't redefine non-configurable property "solana"|vv\(\)\.getRestrictions is not a function|Can't find variable: _AutofillCallbackHandler|Object Not Found Matching Id:\d+, MethodName:simulateEvent|Java (exception was raised during method invocation|object is gone)$/

// The keys of a thrown object, as the peer lists them in the event's
// message: sorted, as many as fit in 40 characters.
function keysOf(o) {
  let keys = []
  try {
    keys = Object.keys(o).sort()
  } catch (e) {}
  if (!keys.length) return '[object has no keys]'
  if (keys[0].length > 40) return keys[0].slice(0, 40) + '...'
  for (let n = keys.length; ; n--) {
    const s = keys.slice(0, n).join(', ')
    if (s.length <= 40) return s
  }
}

// What makes a capture's hint a capture context (see `inContext`).
const CONTEXT_KEYS = ['tags', 'extra', 'contexts', 'user', 'level', 'fingerprint']

// Inbound filters, as the peer's: a string matches as a substring, a RegExp
// by test; a pattern that cannot be read matches nothing.
const matches = (value, patterns) =>
  !!value && Array.isArray(patterns) && patterns.some((p) => {
    try {
      return typeof p === 'string' ? value.includes(p) : p instanceof RegExp && p.test(value)
    } catch (e) {
      return false
    }
  })

// Where this file is served from, when import.meta.url does not say (in
// workerd): the path of client.js in a stack taken here, when the package's
// files are served as they are. In a bundle client.js is not a file of its
// own, and the prefix stays unknown.
function ownBase() {
  try {
    const m = /([^\s()@]*\/)client\.js:\d+:\d+/.exec(new Error().stack)
    return m ? m[1] : ''
  } catch (e) {
    return ''
  }
}

/**
 * User data for the wasm, as `from_packed` (src/core/value.rs) reads it, from
 * a JSON-safe value: lengths and counts up front, no escapes, which is much
 * cheaper to read there than JSON. Array holes are nulls, as in JSON.
 */
export function pack(v) {
  switch (typeof v) {
    case 'string': return 's' + v.length + ':' + v
    case 'number': return Number.isFinite(v) ? 'd' + v + ';' : 'n'
    case 'boolean': return v ? 't' : 'f'
  }
  if (v == null || typeof v !== 'object') return 'n'
  let s = ''
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) s += pack(v[i])
    return 'a' + v.length + ':' + s
  }
  const keys = Object.keys(v)
  for (const k of keys) s += k.length + ':' + k + pack(v[k])
  return 'o' + keys.length + ':' + s
}

/** The `dispatch` call of a wasm instance: `(op, flags, n, m, x, ...strings)`. */
const caller = (wasm) => (op, flags, n, m, x, ...s) => wasm.dispatch(op, flags, n, m, x, s.map((v) => v.length) + ';' + s.join(''))

/**
 * What the workers entry does around each call: make a request's scope
 * current (0: the global one; an unknown id gets a fresh scope), fill it,
 * and drop it at the request's end.
 */
export function scopeOps(wasm) {
  const call = caller(wasm)
  return {
    use: (id) => call(USE_SCOPE, 0, id, 0, 0),
    drop: (id) => call(DROP_SCOPE, 0, id, 0, 0),
    request: (method, url, headers) => call(REQUEST, 0, 0, 0, 0, method, url, headers),
    context: (key, packed) => call(CONTEXT, 0, 0, 0, 0, key, packed),
    // Transport callbacks act on no scope, and may come after their request
    // ended; the operations from SDK_BASE on use none.
    scoped: (op) => op !== TRANSPORT && op < SDK_BASE,
  }
}

export function createClient(wasm, sdkBase, debug) {
  const g = globalThis
  const call = caller(wasm)
  let more // a promise of the demangler module (see js/parse.js), once something needed it
  let demangler // a promise of its call, once a name needed it
  let parsing // a promise of `parse`, once `ready` asked for it
  // For captures and parseStack alike: frames of the SDK's own files are not the app's.
  const base = sdkBase || ownBase()
  call(SDK_BASE, 0, 0, 0, 0, base)
  let options = {}
  let hooks = false
  let enabled = {}
  let parse
  let pending = 0 // events in an async event processor or beforeSend (see `deliver`)
  const processors = [] // addEventProcessor's, in order
  const hints = new Map() // event id -> the hint its hooks get (see `keepHint`)
  let client // what integrations' `setup` and `processEvent` get as the client
  let culture // the CultureContext integration's values, once started
  let route // BrowserSession's `lifecycle: 'route'`: a session per route
  let unsent // the page's first session, until it was sent
  let user // the last top-level setUser's (the wasm holds the scopes; this is for showReportDialog)

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
      // The page, its document and its elements by name, as the peer's: their properties would be megabytes.
      if (v === g) return '[Window]'
      if (v === g.document) return '[Document]'
      let name = 'Object'
      try {
        const proto = Object.getPrototypeOf(v)
        name = proto ? proto.constructor.name : 'null prototype'
        if (/^HTML\w*Element$/.test(name) && v.nodeType === 1) return `[HTMLElement: ${selector(v)}]`
      } catch (e) {}
      // Past the depth: what it is, by its class.
      if (d >= depth) return `[${name}]`
      // A boxed string, number or boolean (`new String('x')`, what the peer's `parameterize` gives) is its value, as JSON has it.
      // The prototype's own valueOf: it throws for an object that only claims to be one.
      try {
        const t = Object.prototype.toString.call(v).slice(8, -1)
        if (t === 'String' || t === 'Number' || t === 'Boolean') return walk(g[t].prototype.valueOf.call(v), d)
      } catch (e) {}
      if (seen.includes(v)) return '[Circular ~]'
      try {
        if (typeof v.toJSON === 'function') return walk(v.toJSON(), d + 1)
      } catch (e) {}
      // An Error's and an Event's own fields, and those the peer reads from their prototypes.
      let fields = v
      try {
        if (isError(v)) fields = { message: read(v, 'message'), name: read(v, 'name'), stack: read(v, 'stack'), ...v }
        else if (typeof g.Event === 'function' && v instanceof g.Event) {
          fields = { type: read(v, 'type'), target: read(v, 'target'), currentTarget: read(v, 'currentTarget'), ...v }
          if (read(v, 'detail') != null) fields.detail = read(v, 'detail')
        }
      } catch (e) {}
      seen.push(v)
      let out
      try {
        // Inside, `undefined` is as JSON has it (and the peer sends it): null in an array, no member in an object.
        if (Array.isArray(v)) out = v.slice(0, 100).map((x) => x === undefined ? null : walk(x, d + 1))
        else {
          out = {}
          let n = 0
          for (const k of Object.keys(fields)) {
            if (n++ >= 100) { out['...'] = '[MaxProperties ~]'; break }
            const x = read(fields, k)
            if (x !== undefined) out[k] = walk(x, d + 1)
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
  // captureMessage's message as text: a string (boxed or not) as it is, anything else as JSON.
  const messageText = (v) => {
    try {
      const n = normalize(v)
      return typeof n === 'string' ? n : json(n)
    } catch (e) {
      return ''
    }
  }
  // User data for the wasm (see `pack`), normalised first.
  const packed = (v, depth) => {
    try {
      return pack(normalize(v, depth))
    } catch (e) {
      return 'n'
    }
  }
  // The peer normalises `extra` and `contexts` as whole maps: their values start one level down.
  const depth = (n = 0) => (options.normalizeDepth ?? 3) - n

  function filteredOut(event) {
    const ex = event.exception && event.exception.values
    const last = ex && ex[ex.length - 1]
    const messages = []
    if (event.logentry) messages.push(event.logentry.message)
    if (last) {
      if (last.value) messages.push(last.value)
      if (last.type) messages.push(last.value ? `${last.type}: ${last.value}` : last.type)
    }
    if (messages.some((m) => matches(m, options.ignoreErrors))) return true
    const frames = (last && last.stacktrace && last.stacktrace.frames) || []
    const top = [...frames].reverse().find((f) => f.abs_path && f.abs_path !== '<anonymous>')
    const url = top && top.abs_path
    if (url && matches(url, options.denyUrls)) return true
    if (url && Array.isArray(options.allowUrls) && options.allowUrls.length && !matches(url, options.allowUrls)) return true
    return false
  }

  // The peer's ExtraErrorData (js/sdk.js): the captured Error's own fields
  // (not the standard ones), its `cause` and what its `toJSON` gives, as
  // `contexts[<its name>]`, normalised to `depth`. Written into the
  // capture's own scope (see `inContext`), so that the wasm scrubs it as
  // any context; an event processor's additions would leave unscrubbed.
  function extraErrorData(err, o) {
    const data = {}
    for (const k of Object.keys(err)) {
      if (['name', 'message', 'stack', 'line', 'column', 'fileName', 'lineNumber', 'columnNumber', 'toJSON'].includes(k)) continue
      const v = read(err, k)
      data[k] = isError(v) || typeof v === 'string' ? String(v).slice(0, options.maxValueLength || Infinity) : v
    }
    const cause = read(err, 'cause')
    if (o.captureErrorCause !== false && cause !== undefined) data.cause = isError(cause) ? String(cause) : cause
    if (typeof err.toJSON === 'function') Object.assign(data, err.toJSON())
    if (Object.keys(data).length) call(CONTEXT, 1 << 4, 0, 0, 0, str(err, 'name') || 'Error', packed(data, o.depth ?? 3))
  }

  // The peer's EventHint for an event's hooks (`beforeSend`, event
  // processors): `event_id`, and for captures `originalException` (what was
  // thrown or captured), `syntheticException` and what the app passed. Kept
  // only while hooks are on, for the newest 100 events (one dropped inside
  // the wasm, by sampling or dedupe, never comes back for its hint).
  function keepHint(id, h) {
    if (!hooks) return
    try {
      hints.set(id, { ...h, event_id: id })
    } catch (e) {
      // A hint that cannot be read (a hostile Proxy): its id only.
      hints.set(id, { event_id: id })
    }
    if (hints.size > 100) hints.delete(hints.keys().next().value)
  }

  // With hooks, the wasm hands the finished event back as JSON: inbound
  // filters, the event processors (addEventProcessor) and `beforeSend` run
  // here, in that order, then the event goes to the wasm to send. Each may
  // drop it (null or undefined) or change it, or give a promise of either;
  // if one throws or rejects, the event goes on as it was, and if the last
  // gives anything but an object, it is sent as the wasm made it. Events in
  // an async step are `pending`: flush waits for them.
  function deliver(r) {
    if (!r || !hooks) return
    let event
    try {
      event = JSON.parse(r)
    } catch (e) {
      return
    }
    const id = event.event_id
    const hint = hints.get(id) || { event_id: id }
    hints.delete(id)
    // User feedback is not an error: the inbound filters and beforeSend leave it alone, as the peer's.
    const feedback = event.type === 'feedback'
    let filtered = false
    try {
      filtered = !feedback && filteredOut(event)
    } catch (e) {}
    if (filtered) return call(DROP, 0, 0, 0, 0)
    const steps = [...processors]
    if (typeof options.beforeSend === 'function' && !feedback) steps.push(options.beforeSend)
    let i = 0
    // Whether the step run last (or next to run, once `i` moved on) is beforeSend.
    const beforeSendRan = () => i === steps.length && i > processors.length
    // Runs the steps from `i` on `ev`; an async step resumes it when it settles.
    const run = (ev) => {
      try {
        for (;;) {
          // Dropped: by beforeSend (bit 0), or by an event processor.
          if (ev == null) return call(DROP, +beforeSendRan(), 0, 0, 0)
          if (i === steps.length) {
            let body = json(ev, 100)
            if (body[0] !== '{') {
              debug('beforeSend or an event processor gave neither an event nor null; the event is sent as it was')
              body = r
              ev = event
            }
            return call(SEND, sessionFlags(ev) | feedback << 2, 0, 0, 0, id, body)
          }
          const step = steps[i++]
          const before = ev
          let then
          try {
            // beforeSend gets a copy, so that if it throws, the event goes on unchanged.
            ev = step(beforeSendRan() ? JSON.parse(json(ev, 100)) : ev, hint, client)
            then = ev && ev.then
          } catch (e) {
            debug('an event processor or beforeSend threw; the event goes on as it was:', e)
            ev = before
          }
          if (typeof then === 'function') {
            pending++
            let settled = false
            const done = (v) => {
              if (settled) return
              settled = true
              pending--
              run(v)
            }
            try {
              then.call(ev, done, () => done(before))
            } catch (e) {
              done(before)
            }
            return
          }
        }
      } catch (e) {}
    }
    run(event)
  }

  // What a finished event means for the session, as the wasm reads it
  // (src/core/session.rs): bit 0 an error, bit 1 an unhandled one (a
  // mechanism with `handled: false`, or a message at level fatal).
  function sessionFlags(ev) {
    try {
      const ex = ev.exception && ev.exception.values
      if (ex && ex.length) return 1 | ex.some((e) => e && e.mechanism && e.mechanism.handled === false) << 1
      return ev.level === 'fatal' ? 3 : 0
    } catch (e) {
      return 0
    }
  }

  // The peer's BrowserSession: a session starts with the client (and with
  // each route), and is sent when the page is idle or hidden, after the
  // calls recorded before the wasm came (a user set then is its user).
  // A route's session is sent at once, as the peer's.
  function startSession(now) {
    api.session(0)
    unsent = true
    if (now) sendSession()
    // requestIdleCallback's options are setTimeout's delay, NaN: at once.
    else (g.requestIdleCallback || setTimeout)(sendSession, { timeout: 2000 })
  }
  function sendSession() {
    if (unsent) call(SESSION, 0, 1, 0, 0)
    unsent = false
  }

  // The demangler module and js/parse.js, loaded once, on the first name
  // that needs it or for `parseStack` (see `ready`). A load that hangs fails after 5 s.
  const loadMore = () => (more ??= Promise.race([
    import('./parse.js').then((m) => m.loadDemangler(wasm, base)),
    new Promise((_, reject) => setTimeout(reject, 5000, 'timed out')),
  ]))

  // Events whose frames wait for the demangler leave when it came (the
  // wasm held them after applying their scope). If it cannot load, they
  // leave with the engine's names.
  function release() {
    for (const r of call(RELEASE, 0, 0, 0, 0).split('\n')) deliver(r)
  }
  function demangleLater() {
    demangler ??= loadMore().then((d) => d.demangle, (e) => {
      debug('the demangler module could not load; names stay as the engine printed them:', e)
      return () => ''
    })
    demangler.then((run) => {
      try {
        for (const name of call(WANTED, 0, 0, 0, 0).split('\n')) {
          let d = ''
          try { d = name && run(name) } catch (e) {}
          if (name) call(LEARN, 0, 0, 0, 0, name, d)
        }
        release()
      } catch (e) {}
    })
  }
  // What a capture returns: '+' when its event waits for the demangler.
  const captured = (r) => (r === '+' ? demangleLater() : deliver(r))

  // A CaptureContext applied (it may throw) to the current scope, or unless
  // `current` to the isolation scope: an object's `tags`, `extra`,
  // `contexts`, `user`, `level` and `fingerprint`, or a function of the
  // scope. For capture contexts and `initialScope`.
  function applyContext(ctx, current) {
    const each = (set) => (o) => { for (const k in o) set(k, o[k], current) }
    const scope = {}
    for (const k of ['setUser', 'setLevel', 'setFingerprint']) scope[k] = (v) => api[k](v, current)
    for (const k of ['setTag', 'setExtra', 'setContext']) scope[k] = (key, v) => api[k](key, v, current)
    scope.setTags = each(api.setTag)
    scope.setExtras = each(api.setExtra)
    if (typeof ctx === 'function') return ctx(scope)
    scope.setTags(ctx.tags)
    scope.setExtras(ctx.extra)
    each(api.setContext)(ctx.contexts)
    for (const [k, set] of [['user', scope.setUser], ['level', scope.setLevel], ['fingerprint', scope.setFingerprint]]) if (ctx[k] != null) set(ctx[k])
  }

  // A capture's own context, as the peer's CaptureContext: an object with
  // any of `tags`, `extra`, `contexts`, `user`, `level`, `fingerprint`, or a
  // function of the scope. It applies to a scope of its own, for this
  // capture only. Anything else (an EventHint) leaves the scope alone.
  // `write()`, if given, adds the SDK's own data to that scope first (a thrown object's `__serialized__`, ExtraErrorData).
  function inContext(ctx, capture, write) {
    let own = false
    try {
      own = typeof ctx === 'function' || (!!ctx && typeof ctx === 'object' && CONTEXT_KEYS.some((k) => k in ctx))
    } catch (e) {}
    if ((!own && !write) || call(PUSH, 0, 0, 0, 0) !== '1') return capture()
    try {
      if (write) write()
      if (own) applyContext(ctx, 1)
    } catch (e) {
      debug('a capture context could not be read:', e)
    }
    try {
      return capture()
    } finally {
      call(POP, 0, 0, 0, 0)
    }
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
        call(LINKED, +Array.isArray(read(child, 'errors')), parent, 0, 0, str(child, 'name'), str(child, 'message'), str(child, 'stack'), source)
        visit(child, id)
      }
    }
    visit(err, 0)
  }

  // From now on finished events come back here (see `deliver`).
  function hooksOn() {
    if (!hooks) {
      hooks = true
      call(HOOKS, 0, 0, 0, 0)
      if (wasm.setDeliver) wasm.setDeliver(deliver)
    }
  }

  // An integration's `preprocessEvent` and `processEvent`, as event processors.
  function hook(i) {
    try {
      const pre = i.preprocessEvent, post = i.processEvent
      if (typeof pre === 'function') processors.push((e, h, c) => (pre.call(i, e, h, c), e))
      if (typeof post === 'function') processors.push((e, h, c) => post.call(i, e, h, c))
    } catch (e) {}
  }

  const api = {
    /** Starts the client; returns the reason a DSN was refused, if it was. */
    start(dsn, opts, on, list = []) {
      options = { ...opts }
      enabled = on
      client = { getOptions: () => options }
      // Integrations with the peer's event hooks (an app's own, or this
      // package's optional ones): `preprocessEvent` and `processEvent`
      // (event, hint, client) run on every event, in their order, before
      // addEventProcessor's. Their `setupOnce` and `setup` ran in `init`.
      for (const i of list) hook(i)
      // The filters' patterns from the options and from the integration's own options, as the peer merges them.
      const own = on.EventFilters || {}
      const lists = ['ignoreErrors', 'denyUrls', 'allowUrls']
      for (const k of lists) if (Array.isArray(own[k])) options[k] = [...(Array.isArray(options[k]) ? options[k] : []), ...own[k]]
      hooks = processors.length > 0 || typeof options.beforeSend === 'function' || (!!on.EventFilters && lists.some((k) => Array.isArray(options[k]) && options[k].length))
      const num = (v, d) => (typeof v === 'number' && v === v ? v : d)
      // Events captured in Rust (a Rust app's own wasm, started from JS) pass the same hooks.
      if (hooks && wasm.setDeliver) wasm.setDeliver(deliver)
      // The transport's responses, timer and page hide (js/transport.js) come
      // back through here. The JS transport takes the function from
      // globalThis while START runs (the wasm passes no JS values); a Rust
      // app's wasm registers its own closure instead.
      // On page hide (id -2), events waiting for the demangler go at once.
      g[HANDLER] = (id, status, limits, retryAfter) => {
        if (id === -2) {
          release()
          sendSession()
        }
        call(TRANSPORT, 0, id, status, 0, limits, retryAfter)
      }
      let problem
      try {
        problem = call(
          START, !!options.sendDefaultPii | !!on.Dedupe << 1 | hooks << 2 | !!on.HttpContext << 3,
          num(options.maxBreadcrumbs, 100), num(options.maxValueLength, 0), num(options.sampleRate, 1),
          dsn, str(options, 'release'), str(options, 'environment'), str(options, 'dist'), str(options, 'tunnel'),
        )
      } finally {
        delete g[HANDLER]
      }
      // `transportOptions.bufferSize`, as the peer's; `concurrency` is the workers entry's.
      const t = options.transportOptions
      if (!problem && t) call(LIMITS, 0, num(t.bufferSize, 30), num(t.concurrency, 4), 0)
      // Release health, in pages only; the wasm starts none without a release.
      const session = on.BrowserSession
      if (!problem && session && g.document) {
        route = session.lifecycle === 'route'
        startSession()
      }
      // The peer's CultureContext: the browser's locale, time zone and calendar.
      if (!problem && on.CultureContext) {
        try {
          const o = Intl.DateTimeFormat().resolvedOptions()
          culture = { locale: o.locale, timezone: o.timeZone, calendar: o.calendar }
          api.setContext('culture', culture)
        } catch (e) {}
      }
      return problem
    },

    // `syn`: captureException's synthetic exception (see js/sdk.js), else none.
    error(id, ts, page, err, mechanism, handled, fallback, hint, syn) {
      let name = '', message = '', stack = '', synthetic = false, skip = 0, serialized
      // An EventHint given to captureException is passed on; a capture context is not one.
      let given = {}
      try {
        if (hint && typeof hint === 'object' && !CONTEXT_KEYS.some((k) => k in hint)) given = hint
      } catch (e) {}
      keepHint(id, { ...given, originalException: err, syntheticException: syn, mechanism: { type: mechanism, handled } })
      let errorEvent = false, event = false, plain = false
      try { errorEvent = Object.prototype.toString.call(err) === '[object ErrorEvent]' } catch (e) {}
      // An ErrorEvent carrying its error stands for that error, as the peer reads it.
      if (errorEvent && read(err, 'error') != null) err = read(err, 'error')
      try {
        event = typeof g.Event === 'function' && err instanceof g.Event
        plain = event || Object.prototype.toString.call(err) === '[object Object]'
      } catch (e) {
        // An object that will not say what it is (a hostile Proxy).
        plain = !!err && typeof err === 'object'
      }
      // As the peer's: a plain object or an Event is kept whole in `extra`;
      // one that holds an Error stands for that error (still synthetic).
      if (plain) {
        synthetic = true
        serialized = err
        try {
          err = Object.values(err).find(isError) || err
        } catch (e) {}
      }
      // The stack of the synthetic exception, where the app called captureException.
      const fromCallSite = () => {
        stack = str(syn, 'stack')
        skip = base ? 0 : 2
      }
      if (isError(err)) {
        name = str(err, 'name')
        message = str(err, 'message')
        stack = str(err, 'stack')
        // A chain that cannot be walked (a hostile `errors` or `cause`) ends where it broke.
        if (enabled.LinkedErrors) try { linkErrors(err, enabled.LinkedErrors.limit ?? 5) } catch (e) {}
      } else {
        // Named and worded as the peer's: the type says what was thrown (a
        // rejection's primitive or object is `UnhandledRejection`, an
        // Event its class), the value what it held.
        synthetic = true
        const rejection = mechanism.endsWith('onunhandledrejection')
        const kind = rejection ? 'promise rejection' : 'exception'
        if (!plain) {
          message = stringOf(err)
          if (rejection && (err === null || (typeof err !== 'object' && typeof err !== 'function'))) {
            // As the peer's, not synthetic: the value is all there is.
            synthetic = false
            name = 'UnhandledRejection'
            message = `Non-Error promise rejection captured with value: ${message}`
          } else if (options.attachStacktrace !== false) fromCallSite()
        } else if (event) {
          name = stringOf(read(read(err, 'constructor'), 'name') || 'Event')
          message = errorEvent
            ? `Event \`ErrorEvent\` captured as ${kind} with message \`${str(err, 'message')}\``
            : `Event \`${name}\` (type=${str(err, 'type')}) captured as ${kind}`
          fromCallSite()
        } else {
          if (rejection) name = 'UnhandledRejection'
          message = `Object captured as ${kind} with keys: ${keysOf(err)}`
          fromCallSite()
        }
      }
      // Dropped as the peer's inbound filters drop it (counted as an event processor's drop).
      const filters = enabled.EventFilters
      if (filters && !filters.disableErrorDefaults && [message, `${name || 'Error'}: ${message}`].some((m) => DEFAULT_IGNORE.test(m))) return call(DROP, 0, 0, 0, 0)
      const [url, line, col] = fallback || ['', 0, 0]
      const aggregate = Array.isArray(read(err, 'errors'))
      const extra = enabled.ExtraErrorData
      const write = (serialized !== undefined || (extra && isError(err))) && (() => {
        if (serialized !== undefined) api.setExtra('__serialized__', serialized, 1)
        if (extra && isError(err)) extraErrorData(err, extra)
      })
      inContext(hint, () => captured(call(ERROR, handled | synthetic << 1 | aggregate << 2 | skip << 3, line, col, ts, id, ...page, name, message, stack, mechanism, url)), write)
    },

    // `level`: a level, or a capture context (which may hold one). With
    // `attachStacktrace` (on unless false, as the peer 11's), the frames of `syn` (see `error`) go with it.
    message(id, ts, page, message, level, syn) {
      keepHint(id, { originalException: message, syntheticException: syn })
      const lvl = typeof level === 'string' ? level : (level && read(level, 'level')) || 'info'
      const stack = options.attachStacktrace !== false ? str(syn, 'stack') : ''
      inContext(level, () => captured(call(MESSAGE, (base ? 0 : 2) << 3, 0, 0, ts, id, ...page, messageText(message), stringOf(lvl), stack)))
    },

    event(id, ts, page, event, hint) {
      keepHint(id, hint && typeof hint === 'object' ? hint : {})
      captured(call(EVENT, 0, 0, 0, ts, id, ...page, packed(event, 100)))
    },

    // `initialScope`, a CaptureContext as the peer's, and a scope's `update`
    // (`current`: a scope object's own); what of it cannot be read is left out.
    initialScope(scope, current) {
      try {
        applyContext(scope, current)
      } catch (e) {
        debug('an unreadable option was left out:', e)
      }
    },

    // An integration added after init (js/sdk.js `addIntegration`): its event hooks.
    addIntegration(i) {
      const n = processors.length
      hook(i)
      if (processors.length > n) hooksOn()
    },

    // An event processor, as the peer's `addEventProcessor`.
    addEventProcessor(fn) {
      if (typeof fn !== 'function') return
      processors.push(fn)
      hooksOn()
    },

    // `current`: the current scope's (a scope object's method); else the
    // isolation scope's (see src/core/scope.rs). Bit 4 of the flags.
    setUser(u, current) {
      if (!current) user = u
      call(USER, current << 4, 0, 0, 0, u == null ? '' : packed(u))
    },
    setTag: (key, value, current) => call(TAG, (value != null) | current << 4, 0, 0, 0, stringOf(key), value == null ? '' : tagText(value)),
    // `undefined` removes the key (the peer's JSON leaves it out); null is sent.
    setExtra: (key, value, current) => call(EXTRA, current << 4, 0, 0, 0, stringOf(key), value === undefined ? '' : packed(value, depth(1))),
    // The app's own `culture` context is merged over the CultureContext's, as the peer merges it.
    setContext(key, context, current) {
      if (culture && key === 'culture') context = { ...culture, ...context }
      call(CONTEXT, current << 4, 0, 0, 0, stringOf(key), context == null ? '' : packed(context, depth(1)))
    },
    setLevel: (level, current) => call(LEVEL, current << 4, 0, 0, 0, stringOf(level)),
    setFingerprint: (fp, current) => call(FINGERPRINT, current << 4, 0, 0, 0, packed(fp)),
    setTransactionName: (name, current) => call(TRANSACTION, current << 4, 0, 0, 0, name == null ? '' : stringOf(name)),
    // `breadcrumbs` (1): only those, as the peer's `clearBreadcrumbs`.
    clear: (breadcrumbs, current) => call(CLEAR, breadcrumbs | current << 4, 0, 0, 0),
    // `isolation`: a `withIsolationScope` level.
    push: (isolation) => call(PUSH, isolation, 0, 0, 0) === '1',
    pop: () => call(POP, 0, 0, 0, 0),

    breadcrumb(crumb, current) {
      // The sources (breadcrumbs.js) record raw facts; word them here.
      const { target, args, history, ...rest } = crumb
      let c = rest
      // A route changed (the history source's): with `lifecycle: 'route'`,
      // a new session; a breadcrumb only when the Breadcrumbs integration
      // records history (the source also runs for sessions alone).
      if (history) {
        if (route) startSession(1)
        const b = enabled.Breadcrumbs
        if (!b || b.history === false) return
      }
      let hint = {}
      if (target !== undefined) c.message = selector(target)
      // A console call, as the peer's Console integration words it: its
      // arguments also in data (normalised); console.assert only when it failed.
      if (args !== undefined) {
        const method = c.level
        let a = args
        if (method === 'assert') {
          if (a[0] !== false) return
          a = a.slice(1)
        }
        hint = { input: args, level: method }
        c.level = method === 'warn' ? 'warning' : ['error', 'log', 'info', 'debug'].includes(method) ? method : 'log'
        c.message = (method === 'assert' ? (a.length ? 'Assertion failed: ' : 'Assertion failed') : '') + a.map(text).join(' ')
        c.data = { arguments: a, logger: 'console' }
      }
      // The fetch and XHR sources' level from the status, as the peer's: a
      // fetch that failed (no status) or 5xx an error, 4xx a warning (an XHR
      // that failed has status 0, and no level).
      if ((c.category === 'fetch' || c.category === 'xhr') && c.level === undefined) {
        const s = read(c.data, 'status_code')
        c.level = s >= 500 || s === undefined ? 'error' : s >= 400 ? 'warning' : undefined
      }
      // Navigation within the page's origin, as the peer's: paths, not URLs.
      if (c.category === 'navigation' && c.data) {
        const within = (u) => {
          try {
            const url = new URL(u)
            return url.origin === g.location.origin ? url.pathname + url.search + url.hash : u
          } catch (e) {
            return u
          }
        }
        c.data = { ...c.data, from: within(c.data.from), to: within(c.data.to) }
      }
      let ts, data
      try {
        if (typeof options.beforeBreadcrumb === 'function') {
          try {
            c = options.beforeBreadcrumb(c, hint)
          } catch (e) {
            debug('beforeBreadcrumb threw:', e)
          }
          if (!c) return
        }
        ts = typeof c.timestamp === 'number' ? (c.timestamp < 1e11 ? c.timestamp * 1000 : c.timestamp) : Date.now()
        data = c.data === undefined ? '' : packed(c.data)
      } catch (e) {
        // What beforeBreadcrumb gave cannot be read: no breadcrumb.
        return
      }
      call(BREADCRUMB, current << 4, 0, 0, ts, str(c, 'type'), str(c, 'category'), str(c, 'message'), str(c, 'level'), data)
    },

    // The app's user (its top-level `setUser`'s), for showReportDialog.
    user: () => user,
    // The status of the last request that carried event `id` (js/transport.js), if this entry's transport says.
    statusOf: (id) => wasm.statusOf && wasm.statusOf(id),

    // The session: 0 starts one (ending the last), 1 sends it, 2 ends and sends it (src/web/exports.rs).
    session(n) {
      call(SESSION, 0, n, 0, 0, str(g.navigator || {}, 'userAgent'))
      if (n) unsent = false
    },

    // `true` once the transport holds nothing (queued, waiting, or in
    // flight until its response came back), `false` at the timeout: it
    // looks now, then every 10 ms.
    flush: (ms) => new Promise((resolve) => {
      const end = Date.now() + ms
      const check = () => {
        let idle = false
        try {
          idle = !pending && !!call(IDLE, 0, 0, 0, 0)
        } catch (e) {}
        if (idle || Date.now() >= end) resolve(idle)
        else setTimeout(check, Math.min(10, end - Date.now()))
      }
      check()
    }),
    stop: () => call(STOP, 0, 0, 0, 0),

    // Resolves true once `parseStack` can run: js/parse.js loaded, with the
    // wasm that parses stacks: this one where it does (workers, Rust apps),
    // else the demangler module (pages: see src/web/parse.rs). False if
    // either cannot load.
    ready() {
      const raw = wasm.initSync()
      return (parsing ??= (raw.parseStackIn ? import('./parse.js').then((m) => m.stackParser(raw)) : loadMore().then((d) => d.parser())).then((p) => {
        parse = p
        return true
      }, (e) => {
        debug('parseStack is not available:', e)
        return false
      }))
    },

    // The frames an event would get for this error (oldest first); [] until `ready` resolved.
    parseStack(error) {
      if (!parse) {
        api.ready()
        debug('parseStack() needs `await ready()` first; returning []')
        return []
      }
      return typeof error === 'string' ? parse(error, '', '') : parse(own(() => error.stack), own(() => error.name), own(() => error.message))
    },
  }
  return api
}
