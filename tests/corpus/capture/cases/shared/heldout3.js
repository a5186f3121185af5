// Third held-out round, every engine: WebAssembly. Names a name section can
// hold (spaces, dots, `<>`, `::`, `$`, unicode, 1 000+ characters, functions
// left out, an empty module name), every kind of trap, a stack overflow in
// wasm, JS -> wasm -> JS -> wasm, a module compiled once and instantiated
// twice, wasm calling another module's export directly, exports called
// through call/bind/apply, as an Array callback and as a promise reaction, a
// builtin as an import, a start function that traps, modules compiled by
// eval'd code and by `new Function`. The modules are in
// lib/wasm-modules-h3.mjs; each engine's loader (web/heldout3.js,
// node/cjs/heldout3.cjs, jsc/heldout3.js) fills H3W with instances made with
// the imports below, and H3B with the bytes the cases compile themselves.
var H3W = {};
var H3B = {};
var H3_IMPORTS = {
  bounceToNames: { env: { hop: function hopToNames() { H3W.names.exports./*@h3-hop-names*/punct/*@h3-hop-names:jsc*/(); } } },
  twinA: { env: { hop: function hopToTwin() { H3W.twinB.exports./*@h3-hop-twin*/boom/*@h3-hop-twin:jsc*/(); } } },
  twinB: { env: { hop: function neverCalled() {} } },
  builtin: { env: { fromCodePoint: String.fromCodePoint } },
  linker: function () { return { lib: { oob: H3W.traps.exports.oob } }; },
};

defineCase('wasm-names-punctuation', function wasmNamesPunctuation() {
  H3W.names.exports./*@h3-punct*/punct/*@h3-punct:jsc*/();
});

defineCase('wasm-names-unicode-long', function wasmNamesUnicodeLong() {
  H3W.names.exports./*@h3-unicode*/unicode/*@h3-unicode:jsc*/();
});

defineCase('wasm-names-gap-in-named-module', function wasmNamesGapInNamedModule() {
  H3W.names.exports./*@h3-gap*/gap/*@h3-gap:jsc*/();
});

defineCase('wasm-names-partial-no-module-name', function wasmNamesPartialNoModuleName() {
  H3W.partial.exports./*@h3-partial*/partial/*@h3-partial:jsc*/();
});

defineCase('wasm-names-empty-module-name', function wasmNamesEmptyModuleName() {
  H3W.empty.exports./*@h3-empty*/run/*@h3-empty:jsc*/();
});

defineCase('wasm-trap-memory-out-of-bounds', function wasmTrapMemoryOutOfBounds() {
  return H3W.traps.exports./*@h3-oob*/oob/*@h3-oob:jsc*/();
});

defineCase('wasm-trap-indirect-call-signature', function wasmTrapIndirectCallSignature() {
  return H3W.traps.exports./*@h3-badsig*/badsig/*@h3-badsig:jsc*/();
});

defineCase('wasm-trap-table-index', function wasmTrapTableIndex() {
  H3W.traps.exports./*@h3-badslot*/badslot/*@h3-badslot:jsc*/();
});

defineCase('wasm-trap-float-to-int', function wasmTrapFloatToInt() {
  var n = H3W.traps.exports./*@h3-trunc*/trunc/*@h3-trunc:jsc*/();
  return n;
});

defineCase('wasm-stack-overflow', function wasmStackOverflow() {
  H3W.traps.exports./*@h3-recurse*/recurse/*@h3-recurse:jsc*/();
});

defineCase('wasm-js-wasm-interleaved', function wasmJsWasmInterleaved() {
  H3W.bounceToNames.exports./*@h3-bounce*/enter/*@h3-bounce:jsc*/();
});

defineCase('wasm-module-instantiated-twice', function wasmModuleInstantiatedTwice() {
  H3W.twinA.exports./*@h3-twin*/enter/*@h3-twin:jsc*/();
});

defineCase('wasm-imports-wasm-export', function wasmImportsWasmExport() {
  H3W.linker.exports./*@h3-linker*/viaImport/*@h3-linker:jsc*/();
});

defineCase('wasm-export-function-call', function wasmExportFunctionCall() {
  return H3W.traps.exports.trunc./*@h3-fcall*/call/*@h3-fcall:jsc*/(null);
});

defineCase('wasm-export-bound-apply', function wasmExportBoundApply() {
  var bound = H3W.traps.exports.badslot.bind(null, 1);
  return bound./*@h3-apply*/apply/*@h3-apply:jsc*/(null, [2, 3]);
});

defineCase('wasm-export-array-callback', function wasmExportArrayCallback() {
  [0]./*@h3-foreach*/forEach/*@h3-foreach:jsc*/(H3W.traps.exports.rem);
});

defineCase('wasm-export-promise-callback', function wasmExportPromiseCallback() {
  return Promise.resolve(0).then(H3W.traps.exports.rem);
});

defineCase('wasm-calls-builtin-import', function wasmCallsBuiltinImport() {
  H3W.builtin.exports./*@h3-builtin*/toChar/*@h3-builtin:jsc*/();
});

defineCase('wasm-start-function-trap', function wasmStartFunctionTrap() {
  var module = /*@h3-start-compile*/new WebAssembly.Module(H3B.start);
  return /*@h3-start-new*/new WebAssembly.Instance/*@h3-start-new:jsc*/(module);
});

defineCase('wasm-compiled-in-eval', function wasmCompiledInEval() {
  var source = /*@h3-eval-src*/"var evald = /*@h3-eval-compile*/new WebAssembly.Module(H3B.evald);\nnew WebAssembly.Instance(evald).exports./*@h3-eval-run*/run/*@h3-eval-run:jsc*/();";
  /*@h3-eval-call*/eval/*@h3-eval-call:jsc*/(source);
});

defineCase('wasm-compiled-in-new-function', function wasmCompiledInNewFunction() {
  var compile = /*@h3-fn-ctor*/new Function('bytes', /*@h3-fn-src*/"var module = /*@h3-fn-compile*/new WebAssembly.Module(bytes);\nreturn new WebAssembly.Instance(module).exports./*@h3-fn-run*/run/*@h3-fn-run:jsc*/();");
  return /*@h3-fn-call*/compile/*@h3-fn-call:jsc*/(H3B.evald);
});

// new Function -> eval -> WebAssembly.Module. The sources live in globals:
// new Function sees only the global scope.
var H3_FE_INNER = /*@h3-fe-inner-src*/"new WebAssembly.Instance(/*@h3-fe-compile*/new WebAssembly.Module(H3B.evald)).exports./*@h3-fe-run*/run/*@h3-fe-run:jsc*/();";
var H3_FE_BODY = /*@h3-fe-src*/"var step = 1;\n/*@h3-fe-eval*/eval/*@h3-fe-eval:jsc*/(H3_FE_INNER);";

defineCase('wasm-compiled-in-function-eval', function wasmCompiledInFunctionEval() {
  var run = /*@h3-fe-ctor*/new Function(H3_FE_BODY);
  return /*@h3-fe-call*/run/*@h3-fe-call:jsc*/();
});
