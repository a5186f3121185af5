// A dedicated (classic) worker: the V8 recorder and a hashed library come in
// with importScripts.
importScripts('../../v8-recorder.js', 'lib/worker-lib.3f9a2c1e.js?v=abc123');

function processJob(kind) {
  return /*@h2w-lib*/makeThumbnail/*@h2w-lib:jsc*/({ width: -1, kind: kind });
}

self.onmessage = function onJob(event) {
  var message = event.data;
  if (message.structured) V8REC.install();
  else V8REC.uninstall();
  var out = { threw: false };
  try {
    processJob/*@h2w-process*/(message.job);
  } catch (e) {
    out = { threw: true, name: String(e.name), message: String(e.message), stack: e.stack, v8: V8REC.take(e) };
  }
  V8REC.uninstall();
  postMessage(out);
};
