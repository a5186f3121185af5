// The SDK's one network path, shipped with the crate as a wasm-bindgen
// snippet. It runs in pages, workers, workerd and Node, and never throws.

const pending = new Set()
// Taken at load, so that later instrumentation of `fetch` never sees our own requests.
const nativeFetch = typeof fetch === 'function' ? fetch.bind(globalThis) : undefined
// Browsers refuse keepalive requests whose bodies together pass 64 KiB.
const KEEPALIVE_MAX = 60000

function byteLength(s) {
  return s.length * 3 <= KEEPALIVE_MAX ? s.length : new TextEncoder().encode(s).length
}

export function sendEnvelope(url, body) {
  if (!nativeFetch) return
  let done
  try {
    const init = { method: 'POST', body }
    // workerd and Node have no page to outlive; keepalive is for pages.
    if (typeof document !== 'undefined') {
      init.keepalive = byteLength(body) <= KEEPALIVE_MAX
      init.referrerPolicy = 'strict-origin'
    }
    done = nativeFetch(url, init).then(
      (res) => { try { res.body && res.body.cancel() } catch (e) {} },
      () => {},
    )
  } catch (e) {
    return
  }
  pending.add(done)
  done.then(() => pending.delete(done))
}

export function flushPending(timeoutMs) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), Math.max(0, +timeoutMs || 0))
    const check = () => {
      if (!pending.size) {
        clearTimeout(timer)
        resolve(true)
      } else {
        Promise.all([...pending]).then(check)
      }
    }
    check()
  })
}
