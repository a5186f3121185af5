// The WebAssembly modules of the corpus, written with our own byte writer so
// the offset of every interesting instruction is known (ground truth for the
// `0x…` offsets engines print). Each module exports:
//   trap()    -> outer -> middle -> `unreachable`         (RuntimeError: unreachable)
//   callJs()  -> outer -> call of the imported env.js_throw (a JS function that throws)
//   div(a,b)  -> i32.div_s                                 (RuntimeError: divide by zero)
import fs from 'node:fs'
import path from 'node:path'
import { WasmModule } from './wasm.mjs'
import { H3_MODULES } from './wasm-modules-h3.mjs'

function define({ moduleName, names, funcNames }) {
  const m = new WasmModule({ moduleName, names })
  const jsThrow = m.importFunc('env', 'js_throw', { name: 'js_throw' })
  const middle = m.func(funcNames.middle, {}, (b) => b.nop().mark('trap').unreachable())
  const outer = m.func(funcNames.outer, { exportAs: 'trap' }, (b) => b.mark('call_middle').call(middle))
  const callJs = m.func(funcNames.callJs, {}, (b) => b.nop().nop().mark('call_js').call(jsThrow))
  m.func(funcNames.callJsOuter, { exportAs: 'callJs' }, (b) => b.mark('call_call_js').call(callJs))
  m.func(funcNames.div, { params: ['i32', 'i32'], results: ['i32'], exportAs: 'div' },
    (b) => b.localGet(0).localGet(1).mark('div').i32DivS())
  return m.build()
}

export const MODULES = {
  // name section with a module name and Rust-style (mangled) function names
  named: () => define({
    moduleName: 'corpus_mod', names: true,
    funcNames: { middle: '_ZN6corpus6middle17h0123456789abcdefE', outer: 'outer_trap', callJs: 'call_js', callJsOuter: 'call_js_outer', div: 'divide' },
  }),
  // function names but no module name
  fnames: () => define({
    moduleName: null, names: true,
    funcNames: { middle: 'middle', outer: 'outer_trap', callJs: 'call_js', callJsOuter: 'call_js_outer', div: 'divide' },
  }),
  // no name section at all
  unnamed: () => define({
    moduleName: null, names: false,
    funcNames: { middle: null, outer: null, callJs: null, callJsOuter: null, div: null },
  }),
  // third held-out round (wasm-modules-h3.mjs)
  ...H3_MODULES,
}

// Writes <dir>/<name>.wasm and <dir>/<name>.json (marks and function offsets).
export function writeModules(dir) {
  fs.mkdirSync(dir, { recursive: true })
  const out = {}
  for (const [name, make] of Object.entries(MODULES)) {
    const built = make()
    fs.writeFileSync(path.join(dir, name + '.wasm'), built.bytes)
    const meta = { marks: built.marks, functions: built.functions, moduleName: built.moduleName, nameSection: built.nameSection }
    fs.writeFileSync(path.join(dir, name + '.json'), JSON.stringify(meta, null, 1))
    out[name] = { ...meta, bytes: built.bytes }
  }
  return out
}
