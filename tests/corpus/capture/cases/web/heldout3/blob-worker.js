// A worker made from a blob: URL (third held-out round): relative URLs do not
// resolve against blob:, so the files come by their absolute URLs.
importScripts(location.origin + '/corpus/v8-recorder.js');
var h3Ready = fetch(location.origin + '/corpus/wasm/h3-worker.wasm').then(function (r) { return r.arrayBuffer(); })
  .then(function (bytes) { return /*@h3bw-inst*/WebAssembly.instantiate(bytes); });

function decodeFrame(instance) {
  instance.exports./*@h3bw-call*/job/*@h3bw-call:jsc*/();
}

self.onmessage = function onBlobJob(event) {
  h3Ready.then(function (r) {
    if (event.data.structured) V8REC.install();
    else V8REC.uninstall();
    var out = { threw: false };
    try {
      decodeFrame/*@h3bw-decode*/(r.instance);
    } catch (e) {
      out = { threw: true, name: String(e.name), message: String(e.message), stack: e.stack, v8: V8REC.take(e) };
    }
    V8REC.uninstall();
    postMessage(out);
  });
};
