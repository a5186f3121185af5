// A dedicated worker that runs wasm (third held-out round): the module is
// instantiated from bytes in the worker; the V8 recorder comes with importScripts.
importScripts('../../v8-recorder.js');
var h3Ready = fetch('../../wasm/h3-worker.wasm').then(function (r) { return r.arrayBuffer(); })
  .then(function (bytes) { return /*@h3ww-inst*/WebAssembly.instantiate(bytes); });

function encodeFrame(instance) {
  instance.exports./*@h3ww-call*/job/*@h3ww-call:jsc*/();
}

self.onmessage = function onWasmJob(event) {
  h3Ready.then(function (r) {
    if (event.data.structured) V8REC.install();
    else V8REC.uninstall();
    var out = { threw: false };
    try {
      encodeFrame/*@h3ww-encode*/(r.instance);
    } catch (e) {
      out = { threw: true, name: String(e.name), message: String(e.message), stack: e.stack, v8: V8REC.take(e) };
    }
    V8REC.uninstall();
    postMessage(out);
  });
};
