// JSC shell WebAssembly cases: modules compiled synchronously from bytes read
// with the shell's readFile (JSC prints no byte offsets, only function indices).
var WASM = {};
var wasmImports = {
  env: {
    js_throw: function jsThrow() {
      throw /*@jwjs-throw*/new Error/*@jwjs-throw:jsc*/('thrown by JS called from wasm');
    },
  },
};
['named', 'fnames', 'unnamed'].forEach(function (name) {
  var bytes = new Uint8Array(readFile('wasm/' + name + '.wasm', 'binary'));
  WASM[name] = new WebAssembly.Instance(new WebAssembly.Module(bytes), wasmImports);
});

defineCase('wasm-trap-named', function wasmTrapNamed() {
  WASM.named.exports.trap/*@jwt-named*/();
});
defineCase('wasm-trap-fnames', function wasmTrapFnames() {
  WASM.fnames.exports.trap/*@jwt-fnames*/();
});
defineCase('wasm-trap-unnamed', function wasmTrapUnnamed() {
  WASM.unnamed.exports.trap/*@jwt-unnamed*/();
});
defineCase('wasm-calls-js-named', function wasmCallsJsNamed() {
  WASM.named.exports.callJs/*@jwc-named*/();
});
defineCase('wasm-calls-js-unnamed', function wasmCallsJsUnnamed() {
  WASM.unnamed.exports.callJs/*@jwc-unnamed*/();
});
defineCase('wasm-divide-by-zero', function wasmDivideByZero() {
  return WASM.named.exports.div/*@jwd-named*/(1, 0);
});
