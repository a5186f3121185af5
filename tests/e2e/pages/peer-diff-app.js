// The app code of tests/e2e/peer-diff.test.mjs: each scenario is run once
// with this SDK and once with @sentry/browser (whichever is window.Sentry,
// see peer-diff.html). A classic script served as a file of its own, so that
// the app's frames (this file's names, lines and columns) are the same for
// both SDKs and can be compared. Function declarations keep the frames' names.
/* global Sentry */
'use strict'

// Values a serialiser may get wrong: each one is a member of its own, so a
// difference names the value.
function oddValues() {
  const cyclic = { name: 'cyclic' }
  cyclic.self = cyclic
  const sharedChild = { shared: true }
  return {
    deep: { l1: { l2: { l3: { l4: { l5: 'deepest' } } } } },
    array: [1, 'two', [3, [4, [5, [6]]]], { k: 'v' }],
    date: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6)),
    map: new Map([['a', 1], ['b', { c: 2 }]]),
    set: new Set([1, 'x']),
    fn: function namedFunction() {},
    arrow: () => 1,
    symbol: Symbol('sym'),
    bigint: 10n,
    nan: NaN,
    infinity: Infinity,
    negInfinity: -Infinity,
    negZero: -0,
    undef: undefined,
    nul: null,
    bool: false,
    cyclic,
    twice: [sharedChild, sharedChild],
    long: 'x'.repeat(300),
    unicode: 'héllo wörld 😀 中文 \u0000 \u2028',
    regexp: /ab+c/gi,
    error: new TypeError('an error in data'),
    element: document.getElementById('btn'),
    typed: new Uint8Array([1, 2, 3]),
    boxed: new String('boxed'),
    nested: { inner: { und: undefined, fn() {}, n: NaN } },
  }
}

// Made once, at load: an Error among them has the same stack for both SDKs.
const ODD = oddValues()

function rootCause() { return new TypeError('root cause') }
function middle() { return new Error('middle layer', { cause: rootCause() }) }
function topLevel() { return new Error('top level', { cause: middle() }) }

class ValidationError extends Error {
  constructor(message) {
    super(message)
    this.name = 'ValidationError'
  }
}

const later = (ms = 30) => new Promise((r) => setTimeout(r, ms))

window.scenarios = {
  // ---------------------------------------------------------- captureException
  errorWithCauses: function errorWithCauses() { Sentry.captureException(topLevel()) },
  aggregateError: function aggregateError() {
    Sentry.captureException(new AggregateError([new Error('first inner'), new RangeError('second inner')], 'several failed'))
  },
  customErrorClass: function customErrorClass() { Sentry.captureException(new ValidationError('invalid input')) },
  errorWithoutStack: function errorWithoutStack() {
    const e = new Error('no stack')
    e.stack = undefined
    Sentry.captureException(e)
  },
  errorEmptyMessage: function errorEmptyMessage() { Sentry.captureException(new Error('')) },
  string: function string() { Sentry.captureException('a plain string') },
  number: function number() { Sentry.captureException(42) },
  null: function nullValue() { Sentry.captureException(null) },
  undefined: function undefinedValue() { Sentry.captureException(undefined) },
  plainObject: function plainObject() { Sentry.captureException({ message: 'object message', code: 7, nested: { a: 1 } }) },
  plainObjectNoMessage: function plainObjectNoMessage() { Sentry.captureException({ code: 7, b: 'two', a: 'one' }) },
  objectHoldingError: function objectHoldingError() { Sentry.captureException({ note: 'wrapper', error: new Error('held inside') }) },
  event: function event() { Sentry.captureException(new Event('custom-event')) },
  errorEvent: function errorEvent() { Sentry.captureException(new ErrorEvent('error', { message: 'error event message', error: new Error('in an ErrorEvent') })) },
  domException: function domException() { Sentry.captureException(new DOMException('The node was not found', 'NotFoundError')) },
  hintMechanism: function hintMechanism() {
    Sentry.captureException(new Error('with a mechanism'), { mechanism: { type: 'custom.handler', handled: false, data: { k: 'v' } } })
  },
  captureContext: function captureContext() {
    Sentry.captureException(new Error('with a capture context'), { tags: { ctx: 'yes' }, level: 'warning', extra: { e: 1 }, fingerprint: ['{{ default }}', 'ctx'] })
  },
  dedupeSameError: function dedupeSameError() {
    const e = new Error('captured twice')
    Sentry.captureException(e)
    Sentry.captureException(e)
  },
  longDefaults: function longDefaults() {
    Sentry.captureException(new Error('v'.repeat(300)))
    Sentry.captureMessage('n'.repeat(300))
  },
  dedupeSameStack: function dedupeSameStack() {
    for (let i = 0; i < 2; i++) Sentry.captureException(new Error('same message, same stack'))
  },
  // ---------------------------------------------------------- messages and events
  message: function message() { Sentry.captureMessage('a plain message') },
  messageLevel: function messageLevel() { Sentry.captureMessage('a warning message', 'warning') },
  messageContext: function messageContext() {
    Sentry.captureMessage('a message with a context', { level: 'fatal', tags: { t: 'v' }, extra: { x: 1 }, user: { id: 'ctx-user' }, fingerprint: ['fp'], contexts: { c: { d: 1 } } })
  },
  messageBoxed: function messageBoxed() { Sentry.captureMessage(new String('a boxed message')) },
  messageParameterized: function messageParameterized() {
    if (Sentry.parameterize) Sentry.captureMessage(Sentry.parameterize`order ${17} failed for ${'ada'}`)
  },
  captureEventFull: function captureEventFull() {
    Sentry.captureEvent({
      message: 'a whole event', level: 'info', tags: { a: 'b', n: 1 }, extra: { e: { f: [1, 2] } },
      contexts: { app: { app_name: 'fixture' }, custom: { k: 'v' } }, user: { id: 'u1', username: 'ada' },
      fingerprint: ['one', 'two'], environment: 'event-env', logger: 'my.logger', transaction: '/checkout',
    })
  },
  captureEventException: function captureEventException() {
    Sentry.captureEvent({ exception: { values: [{ type: 'HandMade', value: 'made by hand', mechanism: { type: 'manual', handled: true } }] }, level: 'error' })
  },
  withScope: function withScope() {
    Sentry.withScope((scope) => {
      scope.setTag('in', 'scope')
      scope.setLevel('debug')
      scope.setFingerprint(['scoped'])
      scope.setUser({ id: 'scoped-user' })
      scope.setExtra('scoped', [1, 2])
      scope.setContext('scoped', { a: 1 })
      Sentry.captureMessage('inside withScope')
    })
    Sentry.captureMessage('after withScope')
  },
  withIsolationScope: function withIsolationScope() {
    Sentry.withIsolationScope(() => {
      Sentry.setTag('isolated', 'yes')
      Sentry.setUser({ id: 'isolated-user' })
      Sentry.captureMessage('inside withIsolationScope')
    })
    Sentry.captureMessage('after withIsolationScope')
  },
  // ---------------------------------------------------------- odd values on the scope
  scopeOddValues: function scopeOddValues() {
    Sentry.withScope(() => {
      const odd = ODD
      Sentry.setExtras(odd)
      Sentry.setExtra('all', odd)
      Sentry.setContext('odd', odd)
      Sentry.setContext('primitive', { s: 'x', n: 1, b: true, nul: null, und: undefined })
      Sentry.setTags({ num: 1, bool: false, nul: null, undef: undefined, big: 10n, sym: Symbol('s'), obj: { a: 1 }, long: 'y'.repeat(300), date: odd.date, unicode: 'ü😀' })
      Sentry.setTag('spaced key', 'v')
      Sentry.setUser({ id: 7, username: 'ada', email: 'ada@example.com', ip_address: '{{auto}}', segment: 'pro', extra: odd.deep, geo: { city: 'Paris' } })
      Sentry.captureMessage('odd values on the scope')
    })
  },
  sensitive: function sensitive() {
    Sentry.withScope(() => {
      Sentry.setExtras({ password: 'hunter2', apiKey: 'k-123', authorization: 'Bearer abc', creditCard: '4242 4242 4242 4242', plain: 'kept', nested: { secret: 's', token: 't', ok: 1 } })
      Sentry.setUser({ id: '1', email: 'ada@example.com', ip_address: '{{auto}}' })
      Sentry.captureMessage('sensitive data')
    })
  },
  // ---------------------------------------------------------- uncaught
  throwInTimeout: async function throwInTimeout() {
    setTimeout(function timeoutCallback() { throw new Error('thrown in a timeout') })
    await later()
  },
  throwInMicrotask: async function throwInMicrotask() {
    queueMicrotask(function microtaskCallback() { throw new RangeError('thrown in a microtask') })
    await later()
  },
  throwStringMicrotask: async function throwStringMicrotask() {
    queueMicrotask(() => { throw 'a thrown string' })
    await later()
  },
  throwObjectMicrotask: async function throwObjectMicrotask() {
    queueMicrotask(() => { throw { thrown: 'object', code: 3 } })
    await later()
  },
  throwInlineScript: async function throwInlineScript() {
    const s = document.createElement('script')
    s.textContent = 'function inlineThrower() { throw new SyntaxError("from an inline script") }\ninlineThrower()'
    document.body.appendChild(s)
    s.remove()
    await later()
  },
  rejectString: async function rejectString() { Promise.reject('a rejected string'); await later() },
  rejectObject: async function rejectObject() { Promise.reject({ reason: 'an object', code: 3 }); await later() },
  rejectError: async function rejectError() { Promise.reject(new Error('a rejected error')); await later() },
  rejectUndefined: async function rejectUndefined() { Promise.reject(); await later() },
  rejectInAsync: async function rejectInAsync() {
    (async function failingAsync() { await null; throw new Error('thrown in an async function') })()
    await later()
  },
  // ---------------------------------------------------------- breadcrumbs
  consoleBreadcrumbs: function consoleBreadcrumbs() {
    console.log('log line', 1, { a: { b: { c: { d: 1 } } } }, [1, 2])
    console.info('%s is %d years and %o', 'ada', 36, { x: 1 })
    console.warn('warned')
    console.error(new Error('logged error'))
    console.debug('debugged', null, undefined)
    console.assert(1 === 2, 'assertion text', { k: 1 })
    console.assert(true, 'not logged')
    console.trace('traced')
    Sentry.captureMessage('after console')
  },
  addBreadcrumbOdd: function addBreadcrumbOdd() {
    const odd = ODD
    Sentry.addBreadcrumb({ category: 'custom', message: 'odd data', level: 'warning', type: 'debug', data: odd })
    Sentry.addBreadcrumb({ message: 'minimal' })
    Sentry.addBreadcrumb({ category: 'nav', type: 'navigation', data: { from: '/a', to: '/b' }, level: 'fatal' })
    Sentry.addBreadcrumb({ message: 'x'.repeat(300), data: { long: 'y'.repeat(300), undef: undefined } })
    Sentry.captureMessage('after addBreadcrumb')
  },
  fetchBreadcrumbs: async function fetchBreadcrumbs() {
    await fetch('/fixtures/blank.html?q=1&token=abc').catch(() => {})
    await fetch('/missing-file-404', { method: 'POST', body: 'abc' }).catch(() => {})
    await fetch(new Request('/fail-500', { method: 'PUT' })).catch(() => {})
    await fetch('http://127.0.0.1:9/refused').catch(() => {})
    Sentry.captureMessage('after fetch')
  },
  xhrBreadcrumbs: async function xhrBreadcrumbs() {
    const send = (method, url, body) => new Promise((resolve) => {
      const x = new XMLHttpRequest()
      x.open(method, url)
      x.onloadend = resolve
      x.send(body)
    })
    await send('GET', '/fixtures/blank.html?x=1')
    await send('POST', '/missing-file-404', 'abcd')
    await send('DELETE', '/fail-500')
    await send('GET', 'http://127.0.0.1:9/refused')
    Sentry.captureMessage('after xhr')
  },
  historyBreadcrumbs: function historyBreadcrumbs() {
    const start = location.pathname + location.search
    history.pushState({}, '', '/fixtures/pushed/one?a=1#frag')
    history.pushState({}, '', 'relative-two')
    history.replaceState({}, '', '/fixtures/replaced')
    Sentry.captureMessage('after history')
    history.pushState({}, '', start)
  },
  afterClicks: function afterClicks() { Sentry.captureMessage('after clicks') },
  // ---------------------------------------------------------- options
  longValues: function longValues() {
    Sentry.withScope(() => {
      Sentry.setExtra('deep', { a: { b: { c: { d: 1 } } } })
      Sentry.setExtra('long', 'z'.repeat(100))
      Sentry.setContext('ctx', { a: { b: { c: 1 } }, long: 'w'.repeat(100) })
      Sentry.setTag('longtag', 't'.repeat(100))
      Sentry.addBreadcrumb({ message: 'm'.repeat(100), data: { a: { b: { c: 1 } } } })
      Sentry.captureException(new Error('v'.repeat(100)))
      Sentry.captureMessage('n'.repeat(100))
    })
  },
  scopeState: function scopeState() { Sentry.captureException(new Error('with the initial scope')) },
  ignored: function ignored() {
    Sentry.captureException(new Error('please ignore me now'))
    Sentry.captureException(new Error('RegexIgnored thing'))
    Sentry.captureMessage('ignore me too')
    Sentry.captureException(new Error('kept error'))
  },
  denied: function denied() {
    Sentry.captureException(new Error('from a denied file'))
    Sentry.captureMessage('a message has no frames')
  },
  beforeSend: function beforeSend() {
    Sentry.captureException(new Error('seen by beforeSend'))
    Sentry.captureMessage('drop me')
    Sentry.captureMessage('kept message')
  },
}

// Clicks (made by the test with real input events) on these.
document.getElementById('thrower').addEventListener('click', function onThrowerClick() {
  throw new Error('thrown by a click handler')
})

// The test runs a scenario with `runScenario(name)`: from a task of its own
// (the timer taken before either SDK wrapped setTimeout), so that the stack
// holds the app's frames only, not the driver's evaluation.
const nativeSetTimeout = window.setTimeout.bind(window)
window.runScenario = (name) => new Promise((resolve, reject) => {
  nativeSetTimeout(function runScenario() {
    try {
      Promise.resolve(window.scenarios[name]()).then(resolve, reject)
    } catch (e) {
      reject(e)
    }
  })
})
