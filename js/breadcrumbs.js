// Breadcrumb sources, as @sentry/browser's Breadcrumbs integration has them
// (DOM clicks and key presses, fetch and XHR, history navigation; each on
// unless its option is false) and its Console integration (console calls, of
// its `levels`). Every wrapper calls the
// original first-class and never throws into the page. The SDK's own
// requests to Sentry are not recorded. Only raw facts are taken here (the
// clicked element, the console arguments, a response's status); client.js
// words them, so that this part of the synchronous shim stays small.

export const PREFIX = '[wasm-sentry]'
export const LEVELS = ['debug', 'info', 'warn', 'error', 'log', 'assert', 'trace']

// An envelope request: the DSN's endpoint carries the key; a tunnel is passed in.
export const isSentryUrl = (url, tunnel) => /\/api\/\d+\/envelope\/\?sentry_key=/.test(url) || (!!tunnel && url.startsWith(tunnel))

/** A fetch call's method and URL, from its arguments as fetch reads them. */
export function requestOf(input, init) {
  let method = 'GET'
  let url = ''
  try {
    url = typeof input === 'string' ? input : input instanceof URL ? input.href : String(input.url)
    method = String((init && init.method) || (input && input.method) || 'GET').toUpperCase()
  } catch (e) {}
  return [method, url]
}

export function wrap(obj, name, make) {
  try {
    const orig = obj[name]
    if (typeof orig !== 'function') return
    const wrapped = make(orig)
    wrapped.__wasm_sentry_original__ = orig
    obj[name] = wrapped
  } catch (e) {}
}

/**
 * The peer's FunctionToString: a wrapped function's `toString()` gives its
 * original's source, so that code telling native functions from polyfills
 * (`/\[native code\]/.test(String(fetch))`) is not misled by the SDK's wrappers.
 */
export function patchToString() {
  try {
    const native = Function.prototype.toString
    wrap(Function.prototype, 'toString', () => function (...args) {
      let f = this
      try {
        // Wrapped more than once (XHR's send: breadcrumbs, then BrowserApiErrors): the first original.
        for (let i = 0; i < 9 && typeof f === 'function' && typeof f.__wasm_sentry_original__ === 'function'; i++) f = f.__wasm_sentry_original__
      } catch (e) {}
      return native.apply(f, args)
    })
  } catch (e) {}
}

/**
 * Installs the sources of the Breadcrumbs integration's options `opts` and of
 * the Console integration's `con` (either may be absent); `add(crumb)` receives
 * {type, category, message, level, data, timestamp}, or a console call's
 * method as `level` and its `args`.
 */
export function instrumentBreadcrumbs(add, opts, con, tunnel, route) {
  const g = globalThis
  const on = (k) => !!opts && opts[k] !== false
  // `add` stamps the time.
  const crumb = (c) => {
    try {
      add(c)
    } catch (e) {}
  }

  // The Breadcrumbs integration's older `console: false` still turns them off.
  if (con && !(opts && opts.console === false) && g.console) {
    try {
      for (const level of con.levels || LEVELS) {
        wrap(g.console, level, (orig) => function (...args) {
          if (!(typeof args[0] === 'string' && args[0].startsWith(PREFIX))) crumb({ category: 'console', level, args })
          return orig.apply(this, args)
        })
      }
    } catch (e) {}
  }

  if (on('dom') && g.document && g.document.addEventListener) {
    let lastKeyTarget = null
    let lastKeyTime = 0
    g.document.addEventListener('click', (e) => crumb({ category: 'ui.click', target: e.target }), true)
    g.document.addEventListener('keypress', (e) => {
      // One breadcrumb per burst of typing into the same element, as the peer does.
      const now = Date.now()
      if (e.target === lastKeyTarget && now - lastKeyTime < 1000) return
      lastKeyTarget = e.target
      lastKeyTime = now
      crumb({ category: 'ui.input', target: e.target })
    }, true)
  }

  if (on('fetch') && typeof g.fetch === 'function') {
    wrap(g, 'fetch', (orig) => function (input, init) {
      const [method, url] = requestOf(input, init)
      const p = orig.apply(this, arguments)
      if (url && !isSentryUrl(url, tunnel)) {
        p.then(
          (res) => crumb({ type: 'http', category: 'fetch', data: { method, url, status_code: res.status } }),
          () => crumb({ type: 'http', category: 'fetch', data: { method, url } }),
        )
      }
      return p
    })
  }

  if (on('xhr') && g.XMLHttpRequest) {
    const proto = g.XMLHttpRequest.prototype
    const info = new WeakMap()
    wrap(proto, 'open', (orig) => function (method, url) {
      try {
        info.set(this, { method: String(method).toUpperCase(), url: String(url) })
      } catch (e) {}
      return orig.apply(this, arguments)
    })
    wrap(proto, 'send', (orig) => function () {
      const req = info.get(this)
      if (req && !isSentryUrl(req.url, tunnel)) {
        try {
          // At readyState 4, before `load` and `loadend`: an app that goes on from their handlers has its crumb.
          this.addEventListener('readystatechange', () => {
            if (this.readyState > 3) crumb({ type: 'http', category: 'xhr', data: { method: req.method, url: req.url, status_code: this.status } })
          })
        } catch (e) {}
      }
      return orig.apply(this, arguments)
    })
  }

  // Also for BrowserSession's `lifecycle: 'route'` (`route`): client.js tells its crumbs by `history`.
  if ((on('history') || route) && g.history && g.location) {
    let last = String(g.location.href)
    const navigate = (to) => {
      try {
        const next = new URL(String(to), last).href
        if (next !== last) crumb({ category: 'navigation', data: { from: last, to: next }, history: 1 })
        last = next
      } catch (e) {}
    }
    for (const name of ['pushState', 'replaceState']) {
      wrap(g.history, name, (orig) => function (state, title, url) {
        const r = orig.apply(this, arguments)
        if (url != null) navigate(url)
        return r
      })
    }
    if (g.addEventListener) g.addEventListener('popstate', () => navigate(g.location.href))
  }
}
