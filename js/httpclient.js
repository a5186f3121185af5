// The peer's HttpClient (off unless added to `integrations`): an app's fetch
// or XHR request answered with a failing status becomes an error event, as
// the peer's: "HTTP Client Error with status code: N", unhandled (mechanism
// `auto.http.client.fetch` or `.xhr`), with the frames of where the app sent
// the request, the request's URL and method as the event's request, and the
// response's status, headers and size as its `response` context. The SDK's
// own requests never count.
//
// The URL goes in as the capture's request URL and the headers as its
// context, so the wasm scrubs them as it scrubs everything else (sensitive
// query values, sensitive header names). Request headers and cookies are not
// sent; the peer sends them only when its data collection options allow.
import { wrap, requestOf, isSentryUrl } from './breadcrumbs.js'
import { captureAt } from './sdk.js'

// `codes`: numbers and [from, to] ranges; `targets`: strings a URL contains, and RegExps.
const failing = (codes, status) => codes.some((c) => (typeof c === 'number' ? c === status : status >= c[0] && status <= c[1]))
const targeted = (targets, url) => targets.some((t) => (typeof t === 'string' ? url.includes(t) : t.test(url)))

// An XHR's response headers, as `getAllResponseHeaders` lists them.
const xhrHeaders = (xhr) => {
  const headers = {}
  for (const line of String(xhr.getAllResponseHeaders() || '').split('\r\n')) {
    const i = line.indexOf(': ')
    if (i > 0) headers[line.slice(0, i).toLowerCase()] = line.slice(i + 2)
  }
  return headers
}

/**
 * Options as the peer's: `failedRequestStatusCodes` (default [[500, 599]])
 * and `failedRequestTargets` (default every URL).
 */
export function httpClientIntegration(options = {}) {
  const codes = options.failedRequestStatusCodes || [[500, 599]]
  const targets = options.failedRequestTargets || [/.*/]
  const methods = new WeakMap() // a captured request's Error -> its method, for processEvent
  let tunnel = ''
  // `site`: an Error made where the app sent the request.
  const report = (kind, site, method, url, status, headers) => {
    try {
      if (!url || isSentryUrl(url, tunnel) || !failing(codes, status) || !targeted(targets, url)) return
      site.message = `HTTP Client Error with status code: ${status}`
      const size = parseInt(headers['content-length'], 10)
      const response = { status_code: status, headers }
      if (size >= 0) response.body_size = size
      methods.set(site, method)
      captureAt(url, 'error', site, `auto.http.client.${kind}`, false, undefined, { contexts: { response } })
    } catch (e) {}
  }
  return {
    name: 'HttpClient',
    setup(client) {
      const g = globalThis
      try {
        tunnel = String(client.getOptions().tunnel || '')
      } catch (e) {}
      wrap(g, 'fetch', (orig) => function (input, init) {
        const site = Error()
        const [method, url] = requestOf(input, init)
        const p = orig.apply(this, arguments)
        try {
          p.then((res) => {
            const headers = {}
            try {
              res.headers.forEach((v, k) => { headers[k] = v })
            } catch (e) {}
            report('fetch', site, method, res.url || url, res.status, headers)
          }, () => {})
        } catch (e) {}
        return p
      })
      const proto = g.XMLHttpRequest && g.XMLHttpRequest.prototype
      if (!proto) return
      const opened = new WeakMap()
      wrap(proto, 'open', (orig) => function (method, url) {
        try {
          opened.set(this, [String(method).toUpperCase(), String(url)])
        } catch (e) {}
        return orig.apply(this, arguments)
      })
      wrap(proto, 'send', (orig) => function () {
        const req = opened.get(this)
        if (req) {
          const site = Error()
          try {
            this.addEventListener('loadend', () => {
              try {
                report('xhr', site, req[0], this.responseURL || req[1], this.status, xhrHeaders(this))
              } catch (e) {}
            })
          } catch (e) {}
        }
        return orig.apply(this, arguments)
      })
    },
    processEvent(event, hint) {
      const method = methods.get(hint.originalException)
      if (method && event.request) event.request.method = method
      return event
    },
  }
}
