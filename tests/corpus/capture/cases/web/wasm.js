// Browser WebAssembly cases. Every module is instantiated once by loadWasm()
// (before any case runs): from bytes with WebAssembly.instantiate(buffer) and
// from an http URL with WebAssembly.instantiateStreaming.
var WASM = {};
var wasmImports = {
  env: {
    js_throw: function jsThrow() {
      throw /*@wjs-throw*/new Error/*@wjs-throw:jsc*/('thrown by JS called from wasm');
    },
  },
};

function wasmBytes(name) {
  return fetch('wasm/' + name + '.wasm').then(function (r) { return r.arrayBuffer(); });
}

function loadWasm() {
  return Promise.all([
    wasmBytes('named').then(function (bytes) {
      return /*@wi-named*/WebAssembly.instantiate(bytes, wasmImports);
    }).then(function (r) { WASM.named = r.instance; }),
    wasmBytes('fnames').then(function (bytes) {
      return /*@wi-fnames*/WebAssembly.instantiate(bytes, wasmImports);
    }).then(function (r) { WASM.fnames = r.instance; }),
    wasmBytes('unnamed').then(function (bytes) {
      return /*@wi-unnamed*/WebAssembly.instantiate(bytes, wasmImports);
    }).then(function (r) { WASM.unnamed = r.instance; }),
    WebAssembly.instantiateStreaming(fetch('wasm/named.wasm?streaming=1'), wasmImports)
      .then(function (r) { WASM.namedStreaming = r.instance; }),
    WebAssembly.instantiateStreaming(fetch('wasm/unnamed.wasm'), wasmImports)
      .then(function (r) { WASM.unnamedStreaming = r.instance; }),
  ]);
}

defineCase('wasm-trap-named', function wasmTrapNamed() {
  WASM.named.exports./*@wt-named*/trap/*@wt-named:jsc*/();
});
defineCase('wasm-trap-fnames', function wasmTrapFnames() {
  WASM.fnames.exports./*@wt-fnames*/trap/*@wt-fnames:jsc*/();
});
defineCase('wasm-trap-unnamed', function wasmTrapUnnamed() {
  WASM.unnamed.exports./*@wt-unnamed*/trap/*@wt-unnamed:jsc*/();
});
defineCase('wasm-calls-js-named', function wasmCallsJsNamed() {
  WASM.named.exports./*@wc-named*/callJs/*@wc-named:jsc*/();
});
defineCase('wasm-calls-js-unnamed', function wasmCallsJsUnnamed() {
  WASM.unnamed.exports./*@wc-unnamed*/callJs/*@wc-unnamed:jsc*/();
});
defineCase('wasm-divide-by-zero', function wasmDivideByZero() {
  return WASM.named.exports./*@wd-named*/div/*@wd-named:jsc*/(1, 0);
});
defineCase('wasm-streaming-trap-named', function wasmStreamingTrapNamed() {
  WASM.namedStreaming.exports./*@wst-named*/trap/*@wst-named:jsc*/();
});
defineCase('wasm-streaming-calls-js-unnamed', function wasmStreamingCallsJsUnnamed() {
  WASM.unnamedStreaming.exports./*@wsc-unnamed*/callJs/*@wsc-unnamed:jsc*/();
});
