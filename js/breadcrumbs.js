// Breadcrumb sources, as @sentry/browser's Breadcrumbs integration has them:
// console calls, DOM clicks and key presses, fetch and XHR, history
// navigation. Each is on unless its option is false. Every wrapper calls the
// original first-class and never throws into the page. The SDK's own
// requests to Sentry are not recorded. Only raw facts are taken here (the
// clicked element, the console arguments, a response's status); client.js
// words them, so that this part of the synchronous shim stays small.

const PREFIX = '[wasm-sentry]'
const LEVELS = { debug: 'debug', info: 'info', warn: 'warning', error: 'error', log: 'log', assert: 'error' }

// An envelope request: the DSN's endpoint carries the key; a tunnel is passed in.
const isSentryUrl = (url, tunnel) => /\/api\/\d+\/envelope\/\?sentry_key=/.test(url) || (!!tunnel && url.startsWith(tunnel))

function wrap(obj, name, make) {
  try {
    const orig = obj[name]
    if (typeof orig !== 'function') return
    const wrapped = make(orig)
    wrapped.__wasm_sentry_original__ = orig
    obj[name] = wrapped
  } catch (e) {}
}

/** Installs the sources; `add(crumb)` receives {type, category, message, level, data, timestamp}. */
export function instrumentBreadcrumbs(add, opts, tunnel) {
  const g = globalThis
  const on = (k) => opts[k] !== false
  const crumb = (c) => {
    try {
      add({ timestamp: Date.now(), ...c })
    } catch (e) {}
  }

  if (on('console') && g.console) {
    for (const level of Object.keys(LEVELS)) {
      wrap(g.console, level, (orig) => function (...args) {
        const skip = level === 'assert' ? args[0] : typeof args[0] === 'string' && args[0].startsWith(PREFIX)
        if (!skip) {
          const rest = level === 'assert' ? args.slice(1) : args
          crumb({ category: 'console', level: LEVELS[level], args: level === 'assert' ? ['Assertion failed:', ...rest] : rest })
        }
        return orig.apply(this, args)
      })
    }
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
      let method = 'GET'
      let url = ''
      try {
        url = typeof input === 'string' ? input : input instanceof URL ? input.href : String(input.url)
        method = String((init && init.method) || (input && input.method) || 'GET').toUpperCase()
      } catch (e) {}
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
          this.addEventListener('loadend', () => {
            crumb({ type: 'http', category: 'xhr', data: { method: req.method, url: req.url, status_code: this.status } })
          })
        } catch (e) {}
      }
      return orig.apply(this, arguments)
    })
  }

  if (on('history') && g.history && g.location) {
    let last = String(g.location.href)
    const navigate = (to) => {
      try {
        const next = new URL(String(to), last).href
        if (next !== last) crumb({ category: 'navigation', data: { from: last, to: next } })
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
