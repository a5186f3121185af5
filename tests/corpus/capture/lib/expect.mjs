// Expected frames for the engines without structured call sites (Firefox,
// JSC). An expectation is a list of frame specs, oldest first, written from
// the case sources: the function name we wrote (with the engine's naming rule
// for anonymous functions applied) and a marker for the position. Each spec
// renders both the engine's stack line and the Sentry frame; the capture
// scripts require the rendered lines to equal the real stack exactly.
import { inApp } from './corpus.mjs'
import { hex } from './wasm.mjs'

// A JS frame at a marker: `name@URL:line:col`.
export const at = (name, id) => (ctx) => {
  const m = ctx.markers.get(id, ctx.engine)
  const url = ctx.urlOf(m.file)
  return { line: `${name}@${url}:${m.line}:${m.col}`, frame: { function: name, abs_path: url, lineno: m.line, colno: m.col, in_app: inApp(url) } }
}
export const anon = (id) => at('', id)
// A JS frame on a marker's line for which the engine gives no column and
// prints 1 (SpiderMonkey: the frame that runs a class's static blocks).
export const atLineStart = (name, id) => (ctx) => {
  const m = ctx.markers.get(id, ctx.engine)
  const url = ctx.urlOf(m.file)
  return { line: `${name}@${url}:${m.line}:1`, frame: { function: name, abs_path: url, lineno: m.line, colno: 1, in_app: inApp(url) } }
}

// A frame inside evaluated code that names itself with //# sourceURL.
export const atSourceUrl = (name, url, base, id) => (ctx) => {
  const p = ctx.markers.rel(base, id, ctx.engine)
  return { line: `${name}@${url}:${p.line}:${p.col}`, frame: { function: name, abs_path: url, lineno: p.line, colno: p.col, in_app: inApp(url) } }
}

// JSC builtins: `name@[native code]`.
export const native = (name) => () => ({ line: `${name}@[native code]`, frame: { function: name, in_app: false } })
// JSC frames printed without any location: `eval code@`, `name@`.
export const noLocation = (name) => () => ({ line: `${name}@`, frame: { function: name, in_app: false } })

// SpiderMonkey eval/Function frames:
//   name@URL line N > eval line M > eval:l:c      (nested eval)
//   name@URL line N > Function:l:c                (new Function: body starts on line 3)
// `call` marks the eval/new Function call in the real file; `steps` are the
// inner eval calls [{ base, id }]; `pos` the position in the innermost code.
export const ffEval = (name, call, steps, pos) => (ctx) => {
  const c = ctx.markers.get(call, ctx.engine)
  const url = ctx.urlOf(c.file)
  let loc = `${url} line ${c.line}`
  // a step inside `new Function` code (kind 'Function') is 2 lines down, as `pos` is
  for (const s of steps) {
    const k = s.kind || 'eval'
    loc += ` > ${k} line ${ctx.markers.rel(s.base, s.id, ctx.engine).line + (k === 'Function' ? 2 : 0)}`
  }
  const kind = pos.kind || 'eval'
  const p = ctx.markers.rel(pos.base, pos.id, ctx.engine)
  const line = kind === 'Function' ? p.line + 2 : p.line // `function anonymous(args\n) {\n` comes first
  loc += ` > ${kind}:${line}:${p.col}`
  return { line: `${name}@${loc}`, frame: { function: name, abs_path: url, lineno: c.line, in_app: inApp(url) } }
}

// Wasm frames. The function index and byte offset come from the module we
// built (`mark` names an instruction in it), never from the stack.
function wasmInfo(ctx, module, mark) {
  const w = ctx.wasm[module]
  const m = w.marks[mark]
  if (!m) throw new Error(`no mark ${mark} in wasm module ${module}`)
  return { ...m, moduleName: w.moduleName }
}
// SpiderMonkey: `mod.fn@URL line N > WebAssembly.instantiate:wasm-function[i]:0xOFF`
// (instantiated from bytes at marker `instantiate`) or `…@WASM_URL:wasm-function[i]:0xOFF`
// (instantiateStreaming of `url`).
export const ffWasm = (module, mark, { instantiate, url: wasmUrl }) => (ctx) => {
  const w = wasmInfo(ctx, module, mark)
  const name = w.moduleName ? `${w.moduleName}.${w.functionName}` : (w.functionName || '')
  let url, loc
  if (instantiate) {
    const c = ctx.markers.get(instantiate, ctx.engine)
    url = ctx.urlOf(c.file)
    loc = `${url} line ${c.line} > WebAssembly.instantiate`
  } else {
    url = ctx.origin + wasmUrl
    loc = url
  }
  return {
    line: `${name}@${loc}:wasm-function[${w.functionIndex}]:${hex(w.offset)}`,
    frame: { function: name, abs_path: url, instruction_addr: hex(w.offset), wasm_function_index: w.functionIndex, in_app: true },
  }
}
// JSC: `fn@modname:wasm-function[i]`, `<?>` without a module name, and the
// function index as the name when the function has none. No offset.
export const jscWasm = (module, mark) => (ctx) => {
  const w = wasmInfo(ctx, module, mark)
  const name = w.functionName ?? String(w.functionIndex)
  const frame = { function: name, wasm_function_index: w.functionIndex, in_app: true }
  if (w.moduleName) frame.abs_path = w.moduleName
  return { line: `${name}@${w.moduleName ?? '<?>'}:wasm-function[${w.functionIndex}]`, frame }
}

export const repeat = (n, spec) => Array.from({ length: n }, () => spec)

// Renders an expectation (oldest first) into the engine's stack text
// (newest first) and the Sentry frames.
export function render(ctx, specs) {
  const rendered = specs.flat(Infinity).map((s) => s(ctx))
  const lines = rendered.map((r) => r.line).reverse()
  return { lines, frames: rendered.map((r) => r.frame) }
}

// Compares expected and real stack lines; returns a readable diff or null.
export function diffLines(expected, actual) {
  const out = []
  const n = Math.max(expected.length, actual.length)
  for (let i = 0; i < n; i++) {
    if (expected[i] !== actual[i]) out.push(`  #${i}\n    expected: ${expected[i] ?? '(none)'}\n    actual:   ${actual[i] ?? '(none)'}`)
  }
  return out.length ? out.slice(0, 8).join('\n') + (out.length > 8 ? `\n  … ${out.length - 8} more` : '') : null
}

// (held-out 3) SpiderMonkey wasm frames wherever the module was compiled:
//   { compiled: id, how }       `URL line N > WebAssembly.<how>` (instantiate,
//                               compile, Module) at the marked call
//   { url }                     instantiateStreaming: the wasm's own URL
//   { evalCall, steps, how }    compiled by eval'd / `new Function` code:
//                               `URL line N > eval line M > … > WebAssembly.<how>`
// The name: `module.function` when the module has a non-empty name
// (`module.` for a function the name section leaves out), else the
// function's name or ''.
export const ffWasmAt = (module, mark, where) => (ctx) => {
  const w = wasmInfo(ctx, module, mark)
  // (an empty module name counts as none)
  const name = w.moduleName ? `${w.moduleName}.${w.functionName ?? ''}` : (w.functionName ?? '')
  let url, loc
  if (where.url) {
    url = ctx.origin + where.url
    loc = url
  } else if (where.evalCall) {
    const c = ctx.markers.get(where.evalCall, ctx.engine)
    url = ctx.urlOf(c.file)
    loc = `${url} line ${c.line}`
    for (const s of where.steps) {
      const k = s.kind || 'eval'
      loc += ` > ${k} line ${ctx.markers.rel(s.base, s.id, ctx.engine).line + (k === 'Function' ? 2 : 0)}`
    }
    loc += ` > WebAssembly.${where.how}`
  } else {
    const c = ctx.markers.get(where.compiled, ctx.engine)
    url = ctx.urlOf(c.file)
    loc = `${url} line ${c.line} > WebAssembly.${where.how}`
  }
  return {
    line: `${name}@${loc}:wasm-function[${w.functionIndex}]:${hex(w.offset)}`,
    frame: { function: name, abs_path: url, instruction_addr: hex(w.offset), wasm_function_index: w.functionIndex, in_app: true },
  }
}

// (held-out 3) JSC wasm frames: `(null)` for a function that a name section
// leaves out (its index when the module has no name section), `<?>` for a
// module without a name or with an empty one.
export const jscWasmAt = (module, mark) => (ctx) => {
  const w = wasmInfo(ctx, module, mark)
  const nameSection = ctx.wasm[module].nameSection
  const name = w.functionName ?? (nameSection ? '(null)' : String(w.functionIndex))
  const frame = { function: name, wasm_function_index: w.functionIndex, in_app: true }
  if (w.moduleName) frame.abs_path = w.moduleName
  return { line: `${name}@${w.moduleName || '<?>'}:wasm-function[${w.functionIndex}]`, frame }
}

// (held-out 3) SpiderMonkey's async stacks: the newest frame of each async
// parent carries the cause of the call that follows (`promise callback*`,
// `async*`, `setTimeout handler*`...). The Sentry frame is the frame's own.
export const cause = (label, spec) => (ctx) => {
  const r = spec(ctx)
  return { line: `${label}*${r.line}`, frame: r.frame }
}
