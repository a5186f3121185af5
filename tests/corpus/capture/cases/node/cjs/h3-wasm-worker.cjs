// A worker_threads worker that runs wasm (third held-out round): records its
// own V8 call sites (when asked) and posts the error back.
'use strict'
const { workerData, parentPort } = require('node:worker_threads')
const vm = require('node:vm')
const fs = require('node:fs')
vm.runInThisContext(fs.readFileSync(workerData.recorder, 'utf8'), { filename: workerData.recorder })

function encodeChunk(instance) {
  instance.exports.job()
}

WebAssembly.instantiate(fs.readFileSync(workerData.wasm)).then(function onInstance({ instance }) {
  if (workerData.structured) V8REC.install()
  try {
    encodeChunk(instance)
  } catch (e) {
    parentPort.postMessage({ threw: true, name: e.name, message: e.message, stack: e.stack, v8: V8REC.take(e) })
  }
})
