// Workers entry (Cloudflare Workers / workerd): the .wasm is imported as a
// compiled WebAssembly.Module, the way workers load wasm; no fetch by URL.
//
// One isolate serves many requests at once. `withSentry` gives each request
// an isolation scope of its own in the wasm (forked from the global scope),
// and every call into the wasm first makes the caller's scope current. The
// caller's scope follows it through its awaits with AsyncLocalStorage, which
// workerd offers under the `nodejs_als` or `nodejs_compat` flag; without
// either, what `withSentry` captures itself still carries its request's
// scope, but calls made after an await act on the global scope.
//
// Workers have a wasm of their own (scripts/build.sh): with the per-request
// isolation scopes, and with the whole demangler, since a worker cannot
// compile the demangler module at run time.
import wasmModule from './wasm_sentry_worker_bg.wasm'
import { initSync, dispatch } from './glue.js'
import { setLoaders, withIntegrations, init as initSdk, captureException, flush, ready as readySdk, parseStack as parseStackSdk } from './sdk.js'
import { createClient, pack, scopeOps } from './client.js'
export {
  captureException, captureMessage, captureEvent, captureFeedback, flush, close, startSession, captureSession, endSession, showReportDialog, lastEventId, getClient, isInitialized,
  addEventProcessor, withScope, withIsolationScope, getCurrentScope, getIsolationScope, getGlobalScope, setUser, setTag, setTags, setExtra, setExtras, setContext, addBreadcrumb,
  globalHandlersIntegration, browserApiErrorsIntegration, breadcrumbsIntegration, dedupeIntegration,
  linkedErrorsIntegration, functionToStringIntegration, inboundFiltersIntegration, eventFiltersIntegration, httpContextIntegration,
  consoleIntegration, cultureContextIntegration, browserSessionIntegration, browserTracingIntegration, replayIntegration, extraErrorDataIntegration, captureConsoleIntegration,
  startSpan, startSpanManual, startInactiveSpan, getActiveSpan, withActiveSpan, startNewTrace, continueTrace, suppressTracing,
  getDefaultIntegrations, addIntegration, isEnabled, sendFeedback, SDK_VERSION, WINDOW, parameterize,
} from './sdk.js'
export { rewriteFramesIntegration } from './rewriteframes.js'

// A name, not a literal: bundlers leave the import alone, and workerd
// resolves it only when a flag provides the module.
const ASYNC_HOOKS = 'node:async_hooks'
let als
const alsLoaded = import(ASYNC_HOOKS).then((m) => { als = new m.AsyncLocalStorage() }, () => {})

// The invocation running now (its scope, described lazily), or none: the
// global scope.
let syncInvocation
const current = () => (als ? als.getStore() : syncInvocation)

// Before each call into the wasm: the caller's scope becomes current. A
// request's scope is made in the wasm on its first use (an unknown id gets
// a fresh fork of the global scope), so a request that reports nothing
// costs the wasm nothing.
function enter() {
  const inv = current()
  ops.use(inv ? inv.id : 0)
  if (inv && !inv.used) {
    inv.used = true
    describe(inv)
  }
}

let ops // the client's calls into the unwrapped wasm

// Handed to sdk.js by the calls that load the wasm (see index.js: the package
// declares no side effects, so a statement of this module's own may be left out).
const loaders = () => setLoaders(() => () => {
  initSync({ module: wasmModule })
  ops = scopeOps({ dispatch })
  return {
    initSync,
    dispatch: (op, ...args) => {
      if (ops.scoped(op)) enter()
      return dispatch(op, ...args)
    },
  }
}, async () => ({ createClient }))

// Workers have no page to outlive: every event leaves at once, in the
// context of the request that captured it, and a burst of requests may
// hold many at once.
const WORKER_DEFAULTS = { transportOptions: { bufferSize: 1000, concurrency: 1000 } }
const FLUSH_TIMEOUT_MS = 2000

// `cf` properties sent as the `cloudflare` context; the location ones only
// with `sendDefaultPii`, as they narrow down who made the request.
const CF_KEYS = ['colo', 'country', 'continent', 'region', 'regionCode', 'timezone', 'asn', 'asOrganization', 'httpProtocol', 'tlsVersion', 'clientTcpRtt']
const CF_PII_KEYS = ['city', 'postalCode', 'metroCode', 'latitude', 'longitude']

let piiAllowed = false

// A worker has no page: the global handlers and the browser API wrappers, the page's HTTP context and the
// browser's culture are not among its defaults (the request's context and
// culture come from `withSentry`). `integrations` then applies as the peer's does.
const PAGE_ONLY = ['GlobalHandlers', 'BrowserApiErrors', 'HttpContext', 'CultureContext', 'BrowserSession']
const workerIntegrations = (given) => (defaults) => withIntegrations(defaults.filter((i) => !PAGE_ONLY.includes(i.name)), given)

/** As the browser's `init`, with a worker's defaults (see above); `withSentry` calls it. */
export function init(options) {
  const o = options || {}
  if (o.dsn) piiAllowed = !!o.sendDefaultPii
  loaders()
  initSdk({ ...WORKER_DEFAULTS, ...o, integrations: workerIntegrations(o.integrations) })
}
export const ready = () => (loaders(), readySdk())
export const parseStack = (error) => (loaders(), parseStackSdk(error))

let started // a promise, then true (running) or false (off)

// `init` once per isolate, with the options the worker's env gives.
function start(optionsCallback, env) {
  return (started ||= (async () => {
    let options
    try {
      options = typeof optionsCallback === 'function' ? optionsCallback(env) : optionsCallback
    } catch (e) {
      try { console.warn('[wasm-sentry] the options callback threw; the SDK is off:', e) } catch (e2) {}
    }
    if (!options || !options.dsn) return false
    init(options)
    await alsLoaded
    return ready()
  })().then((ok) => (started = ok), () => (started = false)))
}

const context = (key, v) => {
  try { ops.context(key, pack(v)) } catch (e) {}
}

// Fills an invocation's fresh scope with what the SDK knows about it.
function describe({ trigger, request, extra }) {
  const cloudflare = { trigger, ...extra }
  if (request) {
    let headers = ''
    try {
      for (const [k, v] of request.headers) headers += (headers && '\n') + k + '\n' + v
    } catch (e) {}
    ops.request(String(request.method || ''), String(request.url || ''), headers)
    const cf = request.cf || {}
    for (const k of piiAllowed ? [...CF_KEYS, ...CF_PII_KEYS] : CF_KEYS) if (cf[k] != null) cloudflare[k] = cf[k]
    if (typeof cf.timezone === 'string') context('culture', { timezone: cf.timezone })
  }
  context('runtime', { name: 'cloudflare' })
  context('cloud_resource', { 'cloud.provider': 'cloudflare' })
  context('cloudflare', cloudflare)
}

let lastId = 0

// Runs one invocation in a scope of its own: errors it throws are captured
// (mechanism `cloudflare`, unhandled) and rethrown; if it used the SDK, its
// events are flushed through `waitUntil`, so the response never waits for
// Sentry, and then its scope is dropped.
async function run(optionsCallback, env, ctx, trigger, request, extra, fn) {
  if (started !== true && started !== false) await start(optionsCallback, env)
  // Ids wrap before 2^31; the wasm takes them as u32, 0 being the global scope.
  const inv = started ? { id: (lastId = (lastId % 0x7fffffff) + 1), trigger, request, extra, used: false } : undefined
  const inScope = (f) => {
    if (als) return als.run(inv, f)
    syncInvocation = inv
    try {
      return f()
    } finally {
      syncInvocation = undefined
    }
  }
  try {
    return await inScope(fn)
  } catch (err) {
    if (inv) inScope(() => captureException(err, { mechanism: { type: 'cloudflare', handled: false } }))
    throw err
  } finally {
    if (inv && inv.used) {
      try {
        const done = flush(FLUSH_TIMEOUT_MS).finally(() => { try { ops.drop(inv.id) } catch (e) {} })
        if (ctx && typeof ctx.waitUntil === 'function') ctx.waitUntil(done)
      } catch (e) {}
    }
  }
}

/**
 * Wraps a worker's handlers: `export default withSentry((env) => ({ dsn: env.SENTRY_DSN }), { fetch, scheduled, queue })`.
 * Handlers the object has are wrapped; others are kept as they are.
 */
export function withSentry(optionsCallback, handler) {
  const wrapped = { ...handler }
  if (typeof handler.fetch === 'function') {
    wrapped.fetch = (request, env, ctx) => run(optionsCallback, env, ctx, 'fetch', request, {}, () => handler.fetch(request, env, ctx))
  }
  if (typeof handler.scheduled === 'function') {
    wrapped.scheduled = (controller, env, ctx) =>
      run(optionsCallback, env, ctx, 'scheduled', null, { cron: controller && controller.cron, scheduledTime: controller && controller.scheduledTime }, () => handler.scheduled(controller, env, ctx))
  }
  if (typeof handler.queue === 'function') {
    wrapped.queue = (batch, env, ctx) =>
      run(optionsCallback, env, ctx, 'queue', null, { queue: batch && batch.queue, messages: batch && batch.messages && batch.messages.length }, () => handler.queue(batch, env, ctx))
  }
  return wrapped
}

const DO_METHODS = ['fetch', 'alarm', 'webSocketMessage', 'webSocketClose', 'webSocketError']

/**
 * Wraps a Durable Object class: `export const Counter = instrumentDurableObjectWithSentry((env) => ({ dsn: env.SENTRY_DSN }), Counter)`.
 * Its `fetch`, `alarm` and WebSocket handlers run as `withSentry`'s do.
 */
export function instrumentDurableObjectWithSentry(optionsCallback, DurableObjectClass) {
  const ENV = Symbol('env')
  const STATE = Symbol('state')
  const Instrumented = class extends DurableObjectClass {
    constructor(state, env) {
      super(state, env)
      this[STATE] = state
      this[ENV] = env
    }
  }
  for (const name of DO_METHODS) {
    const method = DurableObjectClass.prototype[name]
    if (typeof method !== 'function') continue
    Object.defineProperty(Instrumented.prototype, name, {
      configurable: true,
      writable: true,
      value: function (...args) {
        const request = name === 'fetch' ? args[0] : null
        return run(optionsCallback, this[ENV], this[STATE], 'durable_object', request, { method: name, class: DurableObjectClass.name }, () => method.apply(this, args))
      },
    })
  }
  return Instrumented
}
