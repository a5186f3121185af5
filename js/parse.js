// What client.js loads on demand, with the demangler module or for
// `ready()`: `parseStack`'s frames, rebuilt from the numbers that
// `parseStackIn` (src/web/parse.rs) writes, and the demangler module's
// loading and calls. A page that meets neither never fetches it.

// Rebuilds frames from the numbers `parseStackIn` writes: 13 per frame,
// `[flags, function, raw_function, abs_path, filename (start and end of a
// span of the stack each), lineno, colno, instruction_addr, module]`.
// Flag bits: 1 in_app, 2 function, 4 function in the demangled-names text,
// 8 raw_function, 16 abs_path, 32 filename, 64 lineno, 128 colno,
// 256 instruction_addr, 512 module. See src/core/stacktrace/spans.rs.
// The modules that parse stacks have the whole demangler: no name waits.
function framesFromSpans(s, n, count, names) {
  const frames = []
  let text
  for (let i = 0; i < count * 13; i += 13) {
    const flags = n[i]
    const in_app = (flags & 1) === 1
    let f
    // The usual field set as a literal: one hidden class, made fast. Others
    // property by property; the same fields in the same order either way.
    if ((flags & ~1) === (2 | 16 | 32 | 64 | 128)) {
      f = { function: s.slice(n[i + 1], n[i + 2]), filename: s.slice(n[i + 7], n[i + 8]), abs_path: s.slice(n[i + 5], n[i + 6]), lineno: n[i + 9], colno: n[i + 10], in_app }
    } else {
      f = {}
      if (flags & 2) f.function = flags & 4 ? (text ??= names()).slice(n[i + 1], n[i + 2]) : s.slice(n[i + 1], n[i + 2])
      if (flags & 8) f.raw_function = s.slice(n[i + 3], n[i + 4])
      if (flags & 32) f.filename = s.slice(n[i + 7], n[i + 8])
      if (flags & 16) f.abs_path = s.slice(n[i + 5], n[i + 6])
      if (flags & 64) f.lineno = n[i + 9]
      if (flags & 128) f.colno = n[i + 10]
      f.in_app = in_app
      if (flags & 256) f.instruction_addr = '0x' + n[i + 11].toString(16)
      if (flags & 512) f.addr_mode = 'rel:' + n[i + 12]
    }
    frames.push(f)
  }
  return frames
}

// `parseStack` without strings through wasm-bindgen: the stack, and the
// name and message, are encoded straight into two buffers in wasm memory,
// and the frames' numbers are read from another, through views made again
// when memory grew (which empties the old ones). `raw` is the exports of an
// instance that has `stackInput`, `stackOutput`, `parseStackIn` and
// `stackText` (plain wasm exports: see src/web/parse.rs): the main module's
// where it has them (workers, Rust apps), else the demangler module's.
export function stackParser(raw) {
  const encoder = new TextEncoder(), decoder = new TextDecoder()
  const names = () => decoder.decode(new Uint8Array(raw.memory.buffer, raw.stackText() >>> 0, raw.stackTextLen() >>> 0))
  const memory = raw.memory
  const out = raw.stackOutput() >>> 0
  const cap = [0, 0], at = [0, 0], input = []
  let output
  // Encodes `s` into input `i`, with room for three bytes per UTF-16 unit.
  const put = (i, s) => {
    if (s.length * 3 > cap[i]) at[i] = raw.stackInput(i, (cap[i] = s.length * 3)) >>> 0, (input[i] = 0)
    if (!input[i] || !input[i].byteLength) input[i] = new Uint8Array(memory.buffer, at[i], cap[i])
    return encoder.encodeInto(s, input[i]).written
  }
  return (stack, name, message) => {
    const head = name + '\n' + message
    const s = put(0, stack)
    const h = put(1, head)
    const count = raw.parseStackIn(s, h, name.length, (s === stack.length) | ((h === head.length) << 1))
    if (!output || !output.byteLength) output = new Float64Array(memory.buffer, out, 250 * 13)
    return framesFromSpans(stack, output, count, names)
  }
}

// The demangler module's one call (src/web/demangler.rs), from its exports:
// a name to its demangled form, or '' when it is not a Rust symbol.
function demanglerCall(x) {
  const encoder = new TextEncoder(), decoder = new TextDecoder()
  return (name) => {
    const bytes = encoder.encode(name)
    new Uint8Array(x.memory.buffer, x.input(bytes.length) >>> 0, bytes.length).set(bytes)
    const n = x.demangle(bytes.length)
    return n < 0 ? '' : decoder.decode(new Uint8Array(x.memory.buffer, x.output() >>> 0, n))
  }
}

/**
 * The demangler module (src/web/demangler.rs), from what the entry's
 * `wasm.demangler()` gives (a fetch's response, the bytes, or a compiled
 * module), told the SDK's URL prefix `base`: its demangling call, and a
 * stack parser over its exports.
 */
export async function loadDemangler(wasm, base) {
  let x
  let m = await wasm.demangler()
  if (typeof m.arrayBuffer === 'function') m = await m.arrayBuffer()
  const r = await WebAssembly.instantiate(m, wasm.importsOf(() => x))
  x = (r.instance || r).exports
  const b = new TextEncoder().encode(base)
  new Uint8Array(x.memory.buffer, x.stackInput(0, b.length) >>> 0, b.length).set(b)
  x.stackBase(b.length)
  return { demangle: demanglerCall(x), parser: () => stackParser(x) }
}
