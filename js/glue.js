// The npm package's JS side of its wasm boundary, in place of wasm-bindgen's
// generated glue: the package's wasms take and return numbers only, strings
// travel as UTF-8 in the module's memory, and no JS value crosses (see
// src/web/bindings.rs and exports.rs). The entries load the module through
// `instantiate` (a fetch, streamed) or `initSync` (bytes or a compiled Module),
// then client.js calls `dispatch`, and `initSync()` for the raw exports.
import { buildIdOf, io } from './transport.js'

let x // the instance's exports, once instantiated
const encoder = new TextEncoder()
const decoder = new TextDecoder()
const bytes = (at, n, e = x) => new Uint8Array(e.memory.buffer, at >>> 0, n >>> 0)
const text = (at, n, e) => (n ? decoder.decode(bytes(at, n, e)) : '')

/**
 * The imports of a package wasm whose exports `ex()` gives: this module's,
 * or the demangler module's (which imports `build_id_of` only).
 */
export function importsOf(ex) {
  return {
    'wasm-sentry': {
      io: (op, url, urlLen, body, bodyLen, n) => io(op, text(url, urlLen, ex()), text(body, bodyLen, ex()), n),
      // A build id is lowercase hex: ASCII, one byte a character.
      build_id_of: (url, urlLen, out, cap) => {
        const id = buildIdOf(text(url, urlLen, ex()))
        if (id.length > cap) return 0
        encoder.encodeInto(id, bytes(out, cap, ex()))
        return id.length
      },
      now: () => Date.now(),
      random: () => Math.random(),
    },
  }
}
const imports = importsOf(() => x)

/** Instantiates the module now: `module` is a compiled `WebAssembly.Module` or its bytes. */
export function initSync({ module } = {}) {
  if (!x) x = new WebAssembly.Instance(module instanceof WebAssembly.Module ? module : new WebAssembly.Module(module), imports).exports
  return x
}

/** Instantiates the module from `source`: a fetch's response (or its promise), or bytes. */
export async function instantiate(source) {
  if (x) return x
  source = await source
  let result
  if (typeof Response === 'function' && source instanceof Response) {
    if (!source.ok) throw new Error(`failed to fetch the wasm: ${source.status}`)
    // Streamed compilation needs the application/wasm MIME type; else the bytes.
    result = typeof WebAssembly.instantiateStreaming === 'function' && /^application\/wasm\s*(;|$)/i.test(source.headers.get('content-type') || '')
      ? await WebAssembly.instantiateStreaming(source, imports)
      : await WebAssembly.instantiate(await source.arrayBuffer(), imports)
  } else {
    result = await WebAssembly.instantiate(source, imports)
  }
  x = result.instance.exports
  return x
}

/** `dispatch` of src/web/exports.rs: `(op, flags, n, m, x, packed strings)` to the result's text. */
export function dispatch(op, flags, n, m, v, s) {
  const cap = s.length * 3
  const at = x.textInput(cap)
  const len = s ? encoder.encodeInto(s, bytes(at, cap)).written : 0
  const out = x.dispatch(op, flags, n, m, v, len) >>> 0
  return out ? decoder.decode(bytes(x.textOutput(), out)) : ''
}
