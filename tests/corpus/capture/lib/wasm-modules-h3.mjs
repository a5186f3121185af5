// The WebAssembly modules of the third held-out round (wasm in every engine),
// written with the same byte writer, so every printed offset and index is
// known from the bytes, never from a stack. Marks name instructions (`call`,
// `unreachable`, loads...); `entry:<index>` marks a body start (wasm.mjs).
import { WasmModule } from './wasm.mjs'

// Names a real toolchain can leave in the name section.
export const H3_NAMES = {
  spaces: 'fn with spaces',
  generic: 'alloc::vec::Vec<T>::push',
  dollar: '$func$12',
  dots: 'a.b.c',
  unicode: 'héllo_wörld_函数',
  rustLegacy: '_ZN132_$LT$alloc..vec..Vec$LT$T$C$A$GT$$u20$as$u20$alloc..vec..spec_extend..SpecExtend$LT$T$C$I$GT$$GT$11spec_extend17h5f4c7a6b1e2d3c4bE',
  // a C++ name as emscripten's --profiling-funcs keeps it (demangled), made
  // long by nested templates: 1 000+ characters with spaces, commas, parentheses
  cxxLong: 'std::__2::basic_string<char, std::__2::char_traits<char>, std::__2::allocator<char>> ' +
    'app::detail::visit<' + Array.from({ length: 12 }, (_, i) => `std::__2::tuple<std::__2::vector<app::Node<${i}>, std::__2::allocator<app::Node<${i}>>>, std::__2::optional<int>>`).join(', ') +
    '>(app::Visitor&, (anonymous namespace)::State const*) const',
}

function names() {
  const m = new WasmModule({ moduleName: 'my app.wasm v2', names: true })
  // punctuation: run -> fn with spaces -> Vec<T>::push -> $func$12 -> a.b.c (unreachable)
  const dots = m.func(H3_NAMES.dots, {}, (b) => b.nop().mark('dots_trap').unreachable())
  const dollar = m.func(H3_NAMES.dollar, {}, (b) => b.mark('dollar_call').call(dots))
  const generic = m.func(H3_NAMES.generic, {}, (b) => b.nop().mark('generic_call').call(dollar))
  const spaces = m.func(H3_NAMES.spaces, {}, (b) => b.mark('spaces_call').call(generic))
  m.func('run', { exportAs: 'punct' }, (b) => b.mark('run_call').call(spaces))
  // unicode and long: cxx -> rust legacy -> unicode (unreachable)
  const uni = m.func(H3_NAMES.unicode, {}, (b) => b.mark('unicode_trap').unreachable())
  const rust = m.func(H3_NAMES.rustLegacy, {}, (b) => b.mark('rust_call').call(uni))
  m.func(H3_NAMES.cxxLong, { exportAs: 'unicode' }, (b) => b.mark('cxx_call').call(rust))
  // a function the name section leaves out, in a module that has a name
  const after = m.func('after_gap', {}, (b) => b.mark('after_trap').unreachable())
  const gap = m.func(null, {}, (b) => b.nop().nop().mark('gap_call').call(after))
  m.func('gap_entry', { exportAs: 'gap' }, (b) => b.mark('gap_entry_call').call(gap))
  return m.build()
}

// function names for some functions only, no module name
function partial() {
  const m = new WasmModule({ moduleName: null, names: true })
  const trap = m.func(null, {}, (b) => b.mark('partial_trap').unreachable())
  const mid = m.func('named_mid', {}, (b) => b.mark('mid_call').call(trap))
  m.func(null, { exportAs: 'partial' }, (b) => b.nop().mark('entry_call').call(mid))
  return m.build()
}

// an empty module name, and an exported function without a name
function empty() {
  const m = new WasmModule({ moduleName: '', names: true })
  const f = m.func('f', {}, (b) => b.mark('f_trap').unreachable())
  m.func(null, { exportAs: 'run' }, (b) => b.mark('run_call').call(f))
  return m.build()
}

// traps of every kind
function traps() {
  const m = new WasmModule({ moduleName: 'traps', names: true })
  m.memory(1)
  const leaf = m.func('leaf', {}, (b) => b.nop())
  m.table([leaf])
  const sig = m.type(['i32'], ['i32'])
  const none = m.type([], [])
  m.func('load_past_end', { exportAs: 'oob', results: ['i32'] }, (b) => b.i32(0x10000).mark('load').i32Load(8))
  m.func('dispatch', { exportAs: 'badsig', results: ['i32'] }, (b) => b.i32(7).i32(0).mark('ci_sig').callIndirect(sig))
  m.func('dispatch_slot', { exportAs: 'badslot' }, (b) => b.i32(5).mark('ci_slot').callIndirect(none))
  m.func('recurse', { exportAs: 'recurse' }, (b, i) => b.mark('rec_call').call(i))
  m.func('to_int', { exportAs: 'trunc', results: ['i32'] }, (b) => b.f64(NaN).mark('trunc').i32TruncF64S())
  m.func('remainder', { exportAs: 'rem', params: ['i32'], results: ['i32'] }, (b) => b.i32(1).localGet(0).mark('rem').i32RemU())
  return m.build()
}

// calls a JS import (`env.hop`) that calls back into wasm; `boom` traps
function bounce() {
  const m = new WasmModule({ moduleName: 'bounce', names: true })
  const hop = m.importFunc('env', 'hop', { name: 'hop' })
  m.func('bounce::enter', { exportAs: 'enter' }, (b) => b.nop().mark('hop_call').call(hop))
  m.func('bounce::boom', { exportAs: 'boom' }, (b) => b.mark('boom').unreachable())
  return m.build()
}

// imports another module's exported wasm function and calls it directly
function linker() {
  const m = new WasmModule({ moduleName: 'linker', names: true })
  const oob = m.importFunc('lib', 'oob', { results: ['i32'], name: 'lib.oob' })
  m.func('link_call', { exportAs: 'viaImport' }, (b) => b.mark('link_call').call(oob).drop())
  return m.build()
}

// a JS builtin as an import: String.fromCodePoint(-1) throws a RangeError
function builtin() {
  const m = new WasmModule({ moduleName: 'builtin', names: true })
  const cp = m.importFunc('env', 'fromCodePoint', { params: ['i32'], results: ['i32'], name: 'fromCodePoint' })
  m.func('to_char', { exportAs: 'toChar' }, (b) => b.i32(-1).mark('cp_call').call(cp).drop())
  return m.build()
}

// a start function that traps while the module is instantiated
function start() {
  const m = new WasmModule({ moduleName: 'boot', names: true })
  const check = m.func('boot::check', {}, (b) => b.mark('check_trap').unreachable())
  const init = m.func('boot::init', {}, (b) => b.mark('init_call').call(check))
  m.start(init)
  return m.build()
}

// compiled by eval'd code and by a `new Function`
function evald() {
  const m = new WasmModule({ moduleName: 'evald', names: true })
  m.func('evald::run', { exportAs: 'run' }, (b) => b.nop().nop().nop().mark('evald_trap').unreachable())
  return m.build()
}

// browsers only: instantiated with instantiateStreaming from a URL with a query
function streamed() {
  const m = new WasmModule({ moduleName: 'streamed', names: true })
  const fail = m.func('streamed::fail', {}, (b) => b.mark('streamed_trap').unreachable())
  m.func('streamed::run', { exportAs: 'run' }, (b) => b.nop().mark('streamed_call').call(fail))
  return m.build()
}

// run in workers (dedicated, blob:, worker_threads)
function worker() {
  const m = new WasmModule({ moduleName: 'worker mod', names: true })
  const panic = m.func('worker::panic', {}, (b) => b.mark('worker_trap').unreachable())
  m.func('worker::job', { exportAs: 'job' }, (b) => b.mark('job_call').call(panic))
  return m.build()
}

// trapped in a promise callback (browsers' async cases)
function later() {
  const m = new WasmModule({ moduleName: 'later', names: true })
  m.func('later::tick', { exportAs: 'tick' }, (b) => b.nop().mark('tick_trap').unreachable())
  return m.build()
}

export const H3_MODULES = {
  'h3-names': names, 'h3-partial': partial, 'h3-empty': empty, 'h3-traps': traps, 'h3-bounce': bounce,
  'h3-linker': linker, 'h3-builtin': builtin, 'h3-start': start, 'h3-evald': evald, 'h3-streamed': streamed,
  'h3-worker': worker, 'h3-later': later,
}
