// A worker_threads worker: records its own V8 call sites (when asked) and
// posts the error of its job back to the main thread.
'use strict'
const { workerData, parentPort } = require('node:worker_threads')
const vm = require('node:vm')
const fs = require('node:fs')
vm.runInThisContext(fs.readFileSync(workerData.recorder, 'utf8'), { filename: workerData.recorder })
if (workerData.structured) V8REC.install()

function resizeImage(spec) {
  throw new RangeError('cannot ' + spec.job + ' an image of width ' + spec.width)
}
function runJob(job) {
  return resizeImage({ job, width: -1 })
}

try {
  runJob(workerData.job)
} catch (e) {
  parentPort.postMessage({ threw: true, name: e.name, message: e.message, stack: e.stack, v8: V8REC.take(e) })
}
