// A tiny WebAssembly binary writer. The corpus needs the exact byte offset of
// each trapping or calling instruction, so instead of trusting an assembler we
// write the bytes ourselves and record, while writing, where every marked
// instruction lands in the final module (module-relative offsets, the numbers
// engines print as `0x…`).

const uleb = (n) => { const out = []; do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; out.push(b) } while (n); return out }
const sleb = (n) => {
  const out = []
  for (;;) {
    const b = n & 0x7f; n >>= 7
    if ((n === 0 && !(b & 0x40)) || (n === -1 && (b & 0x40))) { out.push(b); return out }
    out.push(b | 0x80)
  }
}
const str = (s) => { const b = [...Buffer.from(s, 'utf8')]; return [...uleb(b.length), ...b] }
const vec = (items) => [...uleb(items.length), ...items.flat()]
const I32 = 0x7f

// Body builder: each method appends one instruction; mark(id) remembers the
// offset of the NEXT instruction.
class Body {
  constructor() { this.code = []; this.marks = {} }
  mark(id) { this.marks[id] = this.code.length; return this }
  unreachable() { this.code.push(0x00); return this }
  call(idx) { this.code.push(0x10, ...uleb(idx)); return this }
  i32(v) { this.code.push(0x41, ...sleb(v)); return this }
  drop() { this.code.push(0x1a); return this }
  localGet(i) { this.code.push(0x20, ...uleb(i)); return this }
  i32Add() { this.code.push(0x6a); return this }
  i32DivS() { this.code.push(0x6d); return this }
  nop() { this.code.push(0x01); return this }
  // held-out 3: memory, tables and indirect calls
  i32Load(offset = 0) { this.code.push(0x28, 0x02, ...uleb(offset)); return this }
  callIndirect(typeIdx, table = 0) { this.code.push(0x11, ...uleb(typeIdx), ...uleb(table)); return this }
  i32RemU() { this.code.push(0x70); return this }
  i32TruncF64S() { this.code.push(0xaa); return this }
  f64(v) { const b = Buffer.alloc(8); b.writeDoubleLE(v); this.code.push(0x44, ...b); return this }
}

export class WasmModule {
  constructor({ moduleName = null, names = true } = {}) {
    this.moduleName = moduleName // name-section module name (V8 prints `mod.func`)
    this.names = names // whether to emit a name section at all
    this.types = []; this.imports = []; this.funcs = []
    this.memoryPages = null; this.tableSize = null; this.elems = []
  }
  // held-out 3: one memory (min pages), one funcref table with elements at 0.
  memory(pages) { this.memoryPages = pages; return this }
  table(funcIndices) { this.tableSize = funcIndices.length; this.elems = funcIndices; return this }
  start(funcIndex) { this.startFunc = funcIndex; return this }
  type(params, results) {
    const key = JSON.stringify([params, results])
    let i = this.types.findIndex((t) => t.key === key)
    if (i < 0) { i = this.types.length; this.types.push({ key, params, results }) }
    return i
  }
  // Imports come first in the function index space.
  importFunc(module, field, { params = [], results = [], name = field } = {}) {
    if (this.funcs.length) throw new Error('declare imports before functions')
    this.imports.push({ module, field, type: this.type(params, results), name })
    return this.imports.length - 1
  }
  func(name, { params = [], results = [], exportAs = null } = {}, fill) {
    const index = this.imports.length + this.funcs.length
    const body = new Body()
    this.funcs.push({ name, index, type: this.type(params, results), exportAs, body })
    fill?.(body, index)
    return index
  }
  build() {
    const sections = []
    const section = (id, payload) => sections.push({ id, payload })
    const VT = { i32: I32, f64: 0x7c }
    const I = (ts) => ts.map((t) => VT[t] ?? I32)
    section(1, vec(this.types.map((t) => [0x60, ...vec(I(t.params)), ...vec(I(t.results))])))
    if (this.imports.length) section(2, vec(this.imports.map((im) => [...str(im.module), ...str(im.field), 0x00, ...uleb(im.type)])))
    section(3, vec(this.funcs.map((f) => uleb(f.type))))
    if (this.tableSize !== null) section(4, vec([[0x70, 0x00, ...uleb(this.tableSize)]]))
    if (this.memoryPages !== null) section(5, vec([[0x00, ...uleb(this.memoryPages)]]))
    const exps = this.funcs.filter((f) => f.exportAs)
    section(7, vec(exps.map((f) => [...str(f.exportAs), 0x00, ...uleb(f.index)])))
    if (this.startFunc !== undefined) section(8, uleb(this.startFunc))
    if (this.elems.length) section(9, vec([[0x00, 0x41, 0x00, 0x0b, ...vec(this.elems.map((i) => uleb(i)))]]))
    // Code section: remember where each body's code starts inside the payload.
    const codePayload = [...uleb(this.funcs.length)]
    const bodyStarts = []
    for (const f of this.funcs) {
      const inner = [0x00 /* no locals */, ...f.body.code, 0x0b /* end */]
      codePayload.push(...uleb(inner.length))
      bodyStarts.push(codePayload.length) // offset of the locals vector = function body start
      codePayload.push(...inner)
    }
    const codeSectionIndex = sections.length
    section(10, codePayload)
    if (this.names) {
      const subs = []
      if (this.moduleName !== null) subs.push(0x00, ...vec(str(this.moduleName)))
      const named = [...this.imports.map((im, i) => [i, im.name]), ...this.funcs.map((f) => [f.index, f.name])].filter(([, n]) => n)
      subs.push(0x01, ...vec(vec(named.map(([i, n]) => [...uleb(i), ...str(n)]))))
      section(0, [...str('name'), ...subs])
    }
    const bytes = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]
    let codePayloadStart = -1
    sections.forEach((s, i) => {
      bytes.push(s.id, ...uleb(s.payload.length))
      if (i === codeSectionIndex) codePayloadStart = bytes.length
      bytes.push(...s.payload)
    })
    // Module-relative offsets of every function body and every mark.
    const functions = this.funcs.map((f, i) => ({ index: f.index, name: f.name, bodyOffset: codePayloadStart + bodyStarts[i] }))
    const marks = {}
    this.funcs.forEach((f, i) => {
      for (const [id, off] of Object.entries(f.body.marks)) {
        // +1 skips the (empty) locals vector that precedes the instructions
        marks[id] = { functionIndex: f.index, functionName: f.name, offset: codePayloadStart + bodyStarts[i] + 1 + off }
      }
    })
    // (held-out 3) `entry:<index>`: a function's body start, where V8 and
    // SpiderMonkey place the newest frame of a stack overflow (the prologue's
    // stack check); `nameSection`: JSC prints `(null)` for a function the
    // name section leaves out, its index when there is no name section.
    for (const f of functions) marks['entry:' + f.index] = { functionIndex: f.index, functionName: f.name, offset: f.bodyOffset }
    return { bytes: Uint8Array.from(bytes), marks, functions, moduleName: this.names ? this.moduleName : null, nameSection: this.names }
  }
}

export const hex = (n) => '0x' + n.toString(16)
