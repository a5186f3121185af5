// The synchronous shim: the only JS that runs before the page goes on.
//
// `init` installs the global handlers and breadcrumb sources at once. Every
// call is recorded raw (the error, the object, a timestamp, the page URL)
// into a bounded buffer, and replayed in order into the client (client.js
// and the wasm, loaded after `init`, off the page's critical path). Capture
// ids are made here, so callers get one at once. Nothing here ever throws
// into the host, and a failed load leaves the page unharmed.

import { instrumentBreadcrumbs, patchToString, wrap, LEVELS, PREFIX } from './breadcrumbs.js'

const MAX_BUFFERED = 200
const OFF = 0, LOADING = 1, READY = 2, DISABLED = 3

// The URL prefix of the SDK's own files, whose frames are never the app's.
// Only when this file is served as itself: in a bundle, import.meta.url is
// the app's URL, and every frame would wrongly count as the SDK's.
let SDK_BASE = ''
try {
  const url = import.meta.url
  if (/\/sdk\.js$/.test(url)) SDK_BASE = url.slice(0, -6)
} catch (e) {}

const g = globalThis
let state = OFF
let client // once loaded
let loading
let loaders // the entry's [loadWasm, loadClient, instrumentApiErrors] (see `load`, `init`)
let options = {}
let buffer = [] // [client method, args], in call order
let lastId
let rethrown // what a wrapped callback threw last (see js/apierrors.js), until its `error` event

/**
 * Set by each entry (index.js, node.js, worker.js) before it loads anything:
 * how to load the wasm and the client, and for pages, the wrappers of
 * js/apierrors.js (so that workers and Node do not carry them). The API is
 * module-level functions, not an object, so that a bundler leaves out what
 * an app does not import.
 */
export function setLoaders(loadWasm, loadClient, instrumentApiErrors) {
  loaders = [loadWasm, loadClient, instrumentApiErrors]
}

const warn = (...a) => { try { g.console && console.warn(PREFIX, ...a) } catch (e) {} }
const debug = (...a) => { options.debug && warn(...a) }
// `o[k]` as a string; '' when absent, unreadable, or `o` is absent (no `navigator` in a worker).
const str = (o, k) => { try { return o[k] == null ? '' : String(o[k]) } catch (e) { return '' } }

// Loads the wasm and the client once, for `init` and for `ready`:
// `loadWasm()` starts what it can at once and gives the step that
// finishes it, with the module that `loadClient()` imports (createClient,
// and the entry's wasm glue).
function load() {
  return (loading ||= Promise.resolve().then(loaders[0]).then((wasm) => loaders[1]().then(async (m) => (client = m.createClient(await wasm(m), SDK_BASE, debug)))))
}

// Runs a client method now, or keeps it in call order until the client is
// ready. Scope changes made before `init` are kept too.
function call(method, ...args) {
  if (state === READY) {
    try {
      return client[method](...args)
    } catch (e) {
      // A trap may leave the wasm's state broken: the SDK goes off. Any
      // other error loses this call only.
      if (e instanceof g.WebAssembly.RuntimeError) state = DISABLED
      debug('internal error:', e)
    }
  } else if (state !== DISABLED && buffer.length < MAX_BUFFERED) buffer.push([method, args])
}

// `n` random hex digits: event ids, and the ids of the spans below.
const hex = (n) => {
  let id = ''
  while (id.length < n) id += ((Math.random() * 16) | 0).toString(16)
  return id
}

// A capture: an id, the time and the page, taken now.
const capture = (method, ...args) => captureAt(str(g.location, 'href'), method, ...args)

/** A capture whose request is `url`: the page's, or (js/httpclient.js) the app's request that failed. */
export function captureAt(url, method, ...args) {
  if (state !== LOADING && state !== READY) return
  const id = hex(32)
  call(method, id, Date.now(), [url, str(g.navigator, 'userAgent'), str(g.document, 'referrer')], ...args)
  return (lastId = id)
}

function onError(ev) {
  try {
    const message = str(ev, 'message')
    const err = ev.error
    // Already reported by the callback's wrapper, which rethrew it.
    if (err !== undefined && err === rethrown) return void (rethrown = undefined)
    // Cross-origin scripts surface as a bare "Script error." with nothing to act on.
    if (err == null && /^(Uncaught )?Script error\.?$/.test(message)) return
    capture('error', err == null ? message : err, 'auto.browser.global_handlers.onerror', false, [str(ev, 'filename'), +ev.lineno || 0, +ev.colno || 0])
  } catch (e) {}
}

function onRejection(ev) {
  try {
    let reason = ev.reason
    // Some libraries wrap the reason: `{ detail: { reason } }`.
    if (reason == null && ev.detail && 'reason' in ev.detail) reason = ev.detail.reason
    capture('error', reason, 'auto.browser.global_handlers.onunhandledrejection', false)
  } catch (e) {}
}

// `/* @__PURE__ */`: an export made by a call is still left out of a bundle that does not use it.
const guard = (f) => (...a) => { try { return f(...a) } catch (e) {} }

// `current`: the current scope's (see `scopeOf`); the instrumentation's go to the isolation scope.
const breadcrumb = (crumb, current) => call('breadcrumb', { timestamp: Date.now(), ...crumb }, current)
export const addBreadcrumb = /* @__PURE__ */ guard((crumb) => breadcrumb(crumb)) // not the hint the peer's takes as a scope flag

/** As the peer's: the integrations `init` starts with unless told otherwise (an array of them). */
export const getDefaultIntegrations = () => ['FunctionToString', 'GlobalHandlers', 'BrowserApiErrors', 'Breadcrumbs', 'Console', 'Dedupe', 'LinkedErrors', 'EventFilters', 'HttpContext', 'CultureContext', 'BrowserSession'].map((name) => ({ name }))
let integrations = [] // init's, and those added since

// An integration's `setupOnce` and `setup`, at init or when added. Their
// client: its options (not getClient's, which would keep flush and close in every bundle).
const setUp = (i) => {
  try {
    i.setupOnce && i.setupOnce()
    i.setup && i.setup({ getOptions: () => options })
  } catch (e) {
    debug('integration setup failed:', e)
  }
}

export function init(opts) {
  try {
    if (state !== OFF) return
    options = opts || {}
    const dsn = str(options, 'dsn')
    if (options.enabled === false || !dsn) {
      debug('off: no DSN, or enabled: false')
      return
    }
    state = LOADING
    // `integrations`: an array, or a function of the defaults; `defaultIntegrations: false` drops them all.
    let list = options.defaultIntegrations === false ? [] : getDefaultIntegrations()
    try {
      list = withIntegrations(list, options.integrations)
    } catch (e) {}
    integrations = list
    const on = {}
    // An option that cannot be read (a throwing getter, a hostile Proxy) is
    // left out; the SDK still starts, and is never left half-way.
    for (const i of list) try { if (i && i.name) on[i.name] = i.options || {} } catch (e) {}
    // The peer's integration hooks that run at init: an app's own integrations, and this package's optional ones.
    for (const i of list) setUp(i)
    try {
      if (on.GlobalHandlers && g.addEventListener) {
        if (on.GlobalHandlers.onerror !== false) g.addEventListener('error', onError)
        if (on.GlobalHandlers.onunhandledrejection !== false) g.addEventListener('unhandledrejection', onRejection)
      }
      if (on.FunctionToString) patchToString()
      instrumentBreadcrumbs(breadcrumb, on.Breadcrumbs, on.Console, str(options, 'tunnel'), on.BrowserSession && on.BrowserSession.lifecycle === 'route')
      // After the SDK's own listeners: they are not wrapped. Pages only (index.js).
      if (on.BrowserApiErrors && loaders[2]) {
        loaders[2]((e, api) => {
          rethrown = e
          capture('error', e, 'auto.browser.browserapierrors.' + api, false)
        }, on.BrowserApiErrors)
      }
      // Read by the client, in call order as any scope change.
      if (options.initialScope) call('initialScope', options.initialScope)
    } catch (e) {
      debug('option left out:', e)
    }
    load()
      .then((c) => {
        const problem = c.start(dsn, options, on, list)
        if (problem) {
          warn('off:', problem)
          state = DISABLED
        } else if (state === LOADING) state = READY
        const queued = buffer
        buffer = []
        if (state === READY) for (const [method, args] of queued) call(method, ...args)
      })
      .catch((e) => {
        state = DISABLED
        buffer = []
        debug('off: the wasm did not load:', e)
      })
  } catch (e) {}
}

// A scope's methods: the client's of the same names (recorded until it is
// ready). `current` (1): they act on the current scope (a `withScope`
// level's); else, as the app's top-level calls in the peer since its v8, on
// the isolation scope, and so also on the levels open above it (see
// src/core/scope.rs).
// The peer's scope methods that send (`captureException`, …) and
// `addEventProcessor` are the top-level ones here: they use the scope that is
// current when they are called, and processors see every event.
const scopeOf = (current) => {
  const scope = {
    setTags: guard((tags) => { for (const k in tags) scope.setTag(k, tags[k]); return scope }),
    setExtras: guard((extras) => { for (const k in extras) scope.setExtra(k, extras[k]); return scope }),
    addBreadcrumb: guard((crumb) => (breadcrumb(crumb, current), scope)),
    // As the peer's `update`: a capture context's data set on this scope (client.js applies it, as `initialScope`).
    update: (ctx) => (call('initialScope', ctx, current), scope),
    clear: () => (call('clear', 0, current), scope),
    clearBreadcrumbs: () => (call('clear', 1, current), scope),
    // Arrows: those consts come later in this module, and scopes are made as it loads.
    captureException: (e, hint) => captureException(e, hint),
    captureMessage: (m, level) => captureMessage(m, level),
    captureEvent: (e, hint) => captureEvent(e, hint),
    addEventProcessor: (fn) => (addEventProcessor(fn), scope),
  }
  // The setters: the client's methods of the same names, on this scope; chainable, as the peer's.
  for (const m of ['setUser', 'setLevel', 'setFingerprint', 'setTransactionName']) scope[m] = (v) => (call(m, v, current), scope)
  for (const m of ['setTag', 'setExtra', 'setContext']) scope[m] = (k, v) => (call(m, k, v, current), scope)
  return scope
}
const isolationScope = /* @__PURE__ */ scopeOf(0)
const currentScope = /* @__PURE__ */ scopeOf(1)
// The top-level calls do what isolationScope's methods do, but are functions
// of their own, so that a bundle using one of them does not keep the object.
export const setUser = (user) => call('setUser', user)
export const setTag = (key, value) => call('setTag', key, value)
export const setExtra = (key, value) => call('setExtra', key, value)
export const setContext = (key, context) => call('setContext', key, context)
export const setTags = /* @__PURE__ */ guard((tags) => { for (const k in tags) setTag(k, tags[k]) })
export const setExtras = /* @__PURE__ */ guard((extras) => { for (const k in extras) setExtra(k, extras[k]) })

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/**
 * `true` once every event so far was handed over, `false` at the timeout.
 * Without one, as the peer's, it waits until then: each request has its own
 * time limit (js/transport.js), so it ends.
 */
export async function flush(timeout) {
  try {
    const t = timeout == null ? Infinity : Math.max(0, +timeout || 0)
    const deadline = Date.now() + t
    if (state === LOADING) await Promise.race([load().catch(() => {}), t < Infinity && sleep(t)])
    return state === READY && (await client.flush(Math.max(0, deadline - Date.now())))
  } catch (e) {
    return false
  }
}

/** As the peer's: `processor(event, hint)` runs on every event before `beforeSend`, and may change it, drop it (null) or give a promise of either. */
export const addEventProcessor = (processor) => call('addEventProcessor', processor)

export const isInitialized = () => state === LOADING || state === READY

export async function close(timeout) {
  const ok = await flush(timeout)
  try {
    if (state === READY) client.stop()
    g.removeEventListener('error', onError)
    g.removeEventListener('unhandledrejection', onRejection)
  } catch (e) {}
  state = DISABLED
  return ok
}

// The `Error()`s are synthetic exceptions, as the peer's: where the app
// called, for a thrown value without a stack of its own and for
// `attachStacktrace`. Made here, so that the two newest frames of their
// stacks are always this function and `guard`'s.
// `hint.mechanism` as the peer's: how the error was caught. A hint may
// also be a capture context (`{ tags, level, … }`): client.js applies it.
export const captureException = /* @__PURE__ */ guard((err, hint) => {
  let m = {}
  // A hint that cannot be read (a hostile Proxy) loses its mechanism, not the event.
  try {
    m = (hint && hint.mechanism) || {}
  } catch (e) {}
  return capture('error', err, m.type || 'generic', m.handled !== false, undefined, hint, Error())
})
export const captureMessage = /* @__PURE__ */ guard((message, level) => capture('message', message, level, Error()))
/**
 * As the peer's: a tagged template for captureMessage (`parameterize\`Order ${id} failed\``): the
 * formatted text, as a String carrying the template (`%s` for each value) and the values. Unlike
 * the peer's events, this SDK's send the formatted text only (the wasm writes no
 * `logentry.params`), so Sentry groups such messages by text, not by template.
 */
export function parameterize(strings, ...values) {
  const parts = strings.map((p, i) => p ?? strings.raw[i])
  const text = new String(parts.reduce((a, p, i) => a + String(values[i - 1]) + p))
  text.__sentry_template_string__ = parts.map((p) => p.replace(/%/g, '%%')).join('%s')
  text.__sentry_template_values__ = values
  return text
}
export const captureEvent = /* @__PURE__ */ guard((event, hint) => capture('event', event, hint))
/**
 * As the peer's: user feedback from the app's own form (`message`, and
 * `name`, `email`, `url`, `source`, `associatedEventId`, `tags`), sent as an
 * event of type `feedback`; its id. Not an error: never sampled, filtered,
 * deduplicated or shown to `beforeSend`.
 */
export const captureFeedback = /* @__PURE__ */ guard((params, hint) => {
  const { message, name, email, url, source, associatedEventId, tags } = params
  const feedback = { contact_email: email, name, message, url, source, associated_event_id: associatedEventId }
  return capture('event', { type: 'feedback', level: 'info', contexts: { feedback }, tags }, hint)
})
/**
 * As the peer's: `captureFeedback` for the app's own feedback form, `source`
 * 'api' and the page's URL unless given, the tags also set on the current
 * scope; a promise of the feedback's id once Sentry accepted it, rejected
 * with the peer's messages (which `hint.errorMessages` may reword): refused
 * (403: the page's domain is not allowed), not sent (another status, or no
 * answer) or not known in time.
 */
export function sendFeedback(params, hint = {}) {
  // The peer's message for `code`, or the app's wording of it.
  const error = (code, text) => Error((hint.errorMessages || {})[code] || text)
  const fail = (code, text) => Promise.reject(error(code, text))
  if (!params || !params.message) throw error('ERROR_EMPTY_MESSAGE', 'Unable to submit feedback with empty message')
  if (!isInitialized()) throw error('ERROR_NO_CLIENT', 'No client setup, cannot send feedback.')
  if (params.tags) currentScope.setTags(params.tags)
  const id = captureFeedback({ source: 'api', url: str(g.location, 'href'), ...params }, hint)
  return flush(30000).then((done) => {
    const status = client && client.statusOf(id)
    if (!done || !id) return fail('ERROR_TIMEOUT', 'Unable to determine if Feedback was correctly sent.')
    // Unknown (a transport that does not say): handed over is all there is to go by.
    if (status === undefined || (status >= 200 && status < 300)) return id
    return status === 403
      ? fail('ERROR_FORBIDDEN', 'Unable to send feedback. This could be because this domain is not in your list of allowed domains.')
      : fail('ERROR_GENERIC', 'Unable to send feedback. This could be because of network issues, or because you are using an ad-blocker.')
  })
}
/** As the peer's: the scope captures use now (inside `withScope`, that one's). */
export const getCurrentScope = () => currentScope
/** As the peer's: where the top-level calls go (in a worker's request, that request's). */
export const getIsolationScope = () => isolationScope
/** The peer's global scope is under the isolation scope; here, in a page, they are one. In a worker it is the request's. */
export const getGlobalScope = getIsolationScope

/** Runs `callback` with a scope of its own; as the peer's, it stays current until an async callback settles. */
export const withScope = (callback) => fork(0, currentScope, callback)
/** As `withScope`, and the top-level calls made meanwhile act on its scope too, not outside it. */
export const withIsolationScope = (callback) => fork(1, isolationScope, callback)

function fork(isolation, scope, callback) {
  call('push', isolation)
  let r, then
  try {
    r = callback(scope)
    then = r && r.then
  } catch (e) {
    call('pop')
    throw e
  }
  if (typeof then !== 'function') return call('pop'), r
  return then.call(r, (v) => (call('pop'), v), (e) => {
    call('pop')
    throw e
  })
}

/**
 * Release health by hand, as the peer's (BrowserSession, on by default in
 * pages, does it by itself). `startSession` starts a session (ending the
 * last one), sent by `captureSession` or at its first error;
 * `captureSession(true)` and `endSession` end it and send it. Sentry keeps
 * sessions only for a `release`.
 */
export const startSession = () => call('session', 0)
export const captureSession = (end) => call('session', end ? 2 : 1)
export const endSession = () => call('session', 2)

// The DSN (one the wasm accepted) split for the requests made from here:
// [the URL, `proto://host[/path]` (what comes before `/api/`), the project id].
const dsnParts = () => {
  const u = new URL(str(options, 'dsn'))
  const path = u.pathname.replace(/\/[^/]*$/, '')
  return [u, `${u.protocol}//${u.host}${path}`, u.pathname.slice(path.length + 1)]
}

/**
 * As the peer's: whether Sentry can be reached from here, for an app's own
 * diagnostics page. 'no-client-active' before `init` (or once off);
 * 'no-dsn-configured' after an `init` without a DSN; 'sentry-unreachable'
 * if an empty request to the DSN's endpoint (or the tunnel) fails (an ad
 * blocker, a firewall, no network); undefined if it was answered, whatever
 * the status.
 */
export async function diagnoseSdkConnectivity() {
  // `init` was called (with options) but without a DSN, or not at all; or the SDK is off.
  if (!isInitialized()) return Object.keys(options).length && !str(options, 'dsn') ? 'no-dsn-configured' : 'no-client-active'
  try {
    const [u, base, project] = dsnParts()
    await fetch(str(options, 'tunnel') || `${base}/api/${project}/envelope/?sentry_key=${u.username}&sentry_version=7`, { method: 'POST', body: '{}', credentials: 'omit' })
  } catch (e) {
    return 'sentry-unreachable'
  }
}

/** The app's user, as its last top-level `setUser` gave it ({} until the client has loaded): to prefill the SDK's forms. */
export const appUser = () => (client && client.user()) || {}

/**
 * As the peer's: Sentry's crash-report dialog (a script from the DSN's host)
 * for `eventId`, by default the last event's, the form prefilled from the
 * app's user (its last top-level `setUser`) and `user` ({ name, email }); the dialog's other options (`title`,
 * `lang`, …) go to Sentry as they are. `onLoad`, `onClose` (when the user
 * closes it) and `onError` (no event, or the script did not load) as the peer's.
 */
export function showReportDialog(opts = {}) {
  try {
    const d = g.document
    const at = d && (d.head || d.body)
    const eventId = opts.eventId || lastId
    if (!at || !isInitialized()) return debug('showReportDialog: no document, or the SDK is off')
    if (!eventId) return opts.onError?.(Error('No event ID to show the report dialog for'))
    // The DSN without its secret.
    const [u, base, project] = dsnParts()
    const user = { ...appUser(), ...opts.user }
    let q = `dsn=${u.protocol}//${u.username}@${base.slice(u.protocol.length + 2)}/${project}&eventId=${encodeURIComponent(eventId)}`
    for (const k of ['name', 'email']) if (user[k]) q += `&${k}=${encodeURIComponent(user[k])}`
    for (const k in opts) if (!/^(dsn|eventId|user|on[A-Z].*)$/.test(k)) q += `&${encodeURIComponent(k)}=${encodeURIComponent(opts[k])}`
    const script = d.createElement('script')
    script.async = true
    script.crossOrigin = 'anonymous'
    script.src = `${base}/api/embed/error-page/?${q}`
    if (opts.onLoad) script.onload = opts.onLoad
    const closed = (ev) => {
      if (ev.data !== '__sentry_reportdialog_closed__') return
      g.removeEventListener('message', closed)
      opts.onClose()
    }
    if (opts.onClose) g.addEventListener('message', closed)
    script.onerror = () => {
      g.removeEventListener('message', closed)
      opts.onError?.(Error('Failed to load the report dialog script'))
    }
    at.appendChild(script)
  } catch (e) {
    debug('showReportDialog:', e)
  }
}

/**
 * As the peer's: an integration added after `init` (an app's own, or one
 * loaded lazily). Its hooks run as an `init` integration's do, from now on.
 * One of this package's own that `init` did not start (they have no hooks)
 * stays off, as tracing and replay are.
 */
export function addIntegration(integration) {
  if (!isInitialized() || !integration) return
  // A new array: `init`'s list is the client's to start with (it may not have started yet).
  integrations = [...integrations, integration]
  setUp(integration)
  call('addIntegration', integration)
}

/** As the peer's: the client while the SDK is on. Its options, its integrations, flush and close. */
export const getClient = () => (isInitialized() ? { getOptions: () => options, addIntegration, getIntegrationByName: (name) => integrations.find((i) => { try { return i.name === name } catch (e) {} }), flush, close } : undefined)
/** As the peer's: whether the SDK is on and sends (after a successful `init`, until `close`). */
export const isEnabled = () => isInitialized()
/** This package's version (the `sdk.version` of its events). */
export const SDK_VERSION = '0.1.0'
/** As the peer's: the global object of the page. */
export const WINDOW = globalThis
export const lastEventId = () => lastId

/**
 * Resolves true once the wasm, and what parses stacks, are loaded (false if
 * they cannot be), after which `parseStack` is synchronous. `init` does not wait for it.
 */
export const ready = () => load().then((c) => c.ready(), () => false)

/**
 * The frames an event would get for this error (oldest first). Takes an
 * Error, anything with `stack`/`name`/`message`, or a bare stack string.
 */
export function parseStack(error) {
  try {
    if (client) return client.parseStack(error)
    load().catch(() => {})
    debug('parseStack() needs `await ready()` first')
  } catch (e) {}
  return []
}

/** `integrations` applied to `list` as the peer applies it: a function of the list, or an array that replaces members by name and adds the rest. */
export const withIntegrations = (list, given) =>
  typeof given === 'function' ? given(list) || [] : Array.isArray(given) ? [...list.filter((d) => !given.some((i) => i && i.name === d.name)), ...given] : list

// The integrations, by the peer's names, to pass in `integrations` with options or to filter out.
export const globalHandlersIntegration = (options) => ({ name: 'GlobalHandlers', options })
export const breadcrumbsIntegration = (options) => ({ name: 'Breadcrumbs', options })
// Errors thrown in timers, listeners and XHR handlers, caught there (js/apierrors.js). Options: `setTimeout`,
// `setInterval`, `requestAnimationFrame`, `XMLHttpRequest`, `eventTarget` (each on unless false).
export const browserApiErrorsIntegration = (options) => ({ name: 'BrowserApiErrors', options })
export const dedupeIntegration = () => ({ name: 'Dedupe' })
// The SDK's wrappers (of fetch, timers, console, …) tell their original's source from toString().
export const functionToStringIntegration = () => ({ name: 'FunctionToString' })
export const linkedErrorsIntegration = (options) => ({ name: 'LinkedErrors', options })
// Console calls as breadcrumbs; option `levels` (the console methods to record).
export const consoleIntegration = (options) => ({ name: 'Console', options })
// Options: `ignoreErrors`, `denyUrls`, `allowUrls` (added to `init`'s), `disableErrorDefaults`.
export const eventFiltersIntegration = (options) => ({ name: 'EventFilters', options })
// Its older name (the peer's before v9), the same integration.
export const inboundFiltersIntegration = eventFiltersIntegration
// The browser's locale, time zone and calendar as the `culture` context.
export const cultureContextIntegration = () => ({ name: 'CultureContext' })
export const httpContextIntegration = () => ({ name: 'HttpContext' })
// Release health (pages, with a `release`): option `lifecycle`, 'page' (one session per page load) or 'route'.
export const browserSessionIntegration = (options) => ({ name: 'BrowserSession', options })
// Tracing and replay are not in this SDK (errors only). These are accepted and
// ignored, so that an app's existing `integrations` keep working unchanged.
export const browserTracingIntegration = () => ({ name: 'BrowserTracing' })
export const replayIntegration = () => ({ name: 'Replay' })

// Optional integrations of the peer, off unless added to `integrations`.
// An Error's own extra fields (`code`, `status`, its `cause`, what its
// `toJSON` gives) as the context named after it; options `depth` (3) and
// `captureErrorCause` (true). Applied by client.js to each error event.
export const extraErrorDataIntegration = (options) => ({ name: 'ExtraErrorData', options })
/**
 * The peer's CaptureConsole: console calls of `levels` (default all) become
 * events too, as the peer words them: an Error among the arguments is
 * captured as an exception (mechanism `auto.core.capture_console`, handled
 * unless `handled: false`), else the arguments joined as a message at the
 * call's level; a failed `console.assert` as "Assertion failed: …"; the
 * arguments in `extra.arguments`.
 */
export const captureConsoleIntegration = (options = {}) => ({
  name: 'CaptureConsole',
  setupOnce() {
    // As the peer's safeJoin words each argument.
    const text = (x) => { try { return String(x) } catch (e) { return '[value cannot be serialized]' } }
    let inside = false
    for (const level of options.levels || LEVELS) {
      wrap(g.console || {}, level, (orig) => function (...args) {
        if (!inside && !(typeof args[0] === 'string' && args[0].startsWith(PREFIX))) {
          inside = true
          try {
            let a = args
            // The peer's levels: `log` stands for info (Relay has no `log`).
            const context = { level: level === 'warn' ? 'warning' : level === 'assert' || level === 'trace' ? 'log' : level, extra: { arguments: a } }
            if (level === 'assert') {
              a = args.slice(1)
              context.extra.arguments = a
              if (!args[0]) captureMessage(`Assertion failed: ${a.map(text).join(' ') || 'console.assert'}`, context)
            } else {
              const error = a.find((x) => x instanceof Error)
              if (error) captureException(error, { ...context, mechanism: { type: 'auto.core.capture_console', handled: options.handled !== false } })
              else captureMessage(a.map(text).join(' '), context)
            }
          } catch (e) {}
          inside = false
        }
        return orig.apply(this, args)
      })
    }
  },
})

// The peer's span API as the peer runs it when tracing is off: spans that
// record nothing, so that an app's instrumented code keeps running unchanged.
// As the peer's, a span's callback runs in a scope of its own (`withScope`),
// and what it throws or rejects with passes through.
const span = () => {
  const ids = { traceId: hex(32), spanId: hex(16), traceFlags: 0 }
  const s = { spanContext: () => ids, isRecording: () => false, end() {}, recordException() {} }
  for (const k of ['setAttribute', 'setAttributes', 'setStatus', 'updateName', 'addEvent', 'addLink', 'addLinks']) s[k] = () => s
  return s
}
export const startSpan = (options, callback) => withScope(() => callback(span()))
export const startSpanManual = (options, callback) => withScope(() => {
  const s = span()
  return callback(s, () => s.end())
})
export const startInactiveSpan = () => span()
export const getActiveSpan = () => undefined
export const withActiveSpan = (s, callback) => withScope(callback)
export const startNewTrace = (callback) => withScope(callback)
export const continueTrace = (options, callback) => withScope(() => callback())
export const suppressTracing = (callback) => callback()
