// The peer's BrowserApiErrors integration: callbacks the page hands to the
// browser (timers, animation frames, event listeners, XHR handlers) run in
// a wrapper that reports what they throw, then rethrows it, so the page
// sees no difference. Caught there, a cross-origin script's error arrives
// whole; the `error` event would only give a bare "Script error.". Part of
// the synchronous shim: installed by `init`, it wraps what is handed over
// from then on.
import { wrap } from './breadcrumbs.js'

/**
 * Installs the wrappers the options `opts` leave on (`setTimeout`,
 * `setInterval`, `requestAnimationFrame`, `XMLHttpRequest`, `eventTarget`;
 * each on unless false). `report(error, api)` gets what a callback threw.
 */
export function instrumentApiErrors(report, opts) {
  const g = globalThis
  const on = (k) => opts[k] !== false
  // One wrapper per function, so that removeEventListener finds it.
  const wrappers = new WeakMap()
  const guarded = (fn, api) => {
    if (typeof fn !== 'function') return fn
    let w = wrappers.get(fn)
    if (!w) {
      w = function (...args) {
        try {
          return fn.apply(this, args)
        } catch (e) {
          report(e, api)
          throw e
        }
      }
      // Its toString() gives the original's source (patchToString, js/breadcrumbs.js).
      w.__wasm_sentry_original__ = fn
      wrappers.set(fn, w)
      // A wrapper handed back (a listener object's handleEvent, added twice) is not wrapped again.
      wrappers.set(w, w)
    }
    return w
  }
  for (const name of ['setTimeout', 'setInterval', 'requestAnimationFrame']) {
    if (on(name)) wrap(g, name, (orig) => function (fn, ...rest) { return orig.call(this, guarded(fn, name), ...rest) })
  }
  if (on('XMLHttpRequest') && g.XMLHttpRequest) {
    wrap(g.XMLHttpRequest.prototype, 'send', (orig) => function (...args) {
      for (const p of ['onload', 'onerror', 'onprogress', 'onreadystatechange']) {
        try {
          if (typeof this[p] === 'function') this[p] = guarded(this[p], 'xhr.' + p)
        } catch (e) {}
      }
      return orig.apply(this, args)
    })
  }
  if (on('eventTarget') && g.EventTarget) {
    const proto = g.EventTarget.prototype
    wrap(proto, 'addEventListener', (orig) => function (type, fn, options) {
      // A listener object: its handleEvent, in place, as the peer's (so removing the object still works).
      try {
        if (fn && typeof fn.handleEvent === 'function') fn.handleEvent = guarded(fn.handleEvent, 'handleEvent')
      } catch (e) {}
      return orig.call(this, type, guarded(fn, 'addEventListener'), options)
    })
    // A listener added before `init` was not wrapped: both are removed.
    wrap(proto, 'removeEventListener', (orig) => function (type, fn, options) {
      const w = typeof fn === 'function' && wrappers.get(fn)
      if (w) orig.call(this, type, w, options)
      return orig.call(this, type, fn, options)
    })
  }
}
