// Second held-out round, Node only, CommonJS: events (once, an unhandled
// 'error'), setImmediate with a named callback, streams, util.promisify, an
// fs callback, require of bad JSON / of a package that throws while loading /
// of an ES module that throws, worker_threads (a file and eval code), vm code
// without a file name, assert, an http request handler, zlib, AsyncLocalStorage,
// Buffer argument checks, AbortSignal.timeout.
'use strict'
const { EventEmitter } = require('node:events')
const { Readable, Transform } = require('node:stream')
const util = require('node:util')
const fs = require('node:fs')
const path = require('node:path')
const vm = require('node:vm')
const zlib = require('node:zlib')
const http = require('node:http')
const assert = require('node:assert')
const { AsyncLocalStorage } = require('node:async_hooks')
const { Worker } = require('node:worker_threads')

defineCase('node-event-emitter-once', function nodeEventEmitterOnce() {
  const jobs = new EventEmitter()
  jobs.once('done', function onDone(result) {
    throw new Error('once listener failed on ' + result)
  })
  jobs.emit('done', 'export')
})

// An 'error' event nobody listens to, emitted with a string: Node makes the error.
defineCase('node-emit-error-unhandled', function nodeEmitErrorUnhandled() {
  const socket = new EventEmitter()
  socket.emit('error', 'ECONNRESET by peer')
})

defineCase('node-set-immediate-named', function nodeSetImmediateNamed() {
  return new Promise((resolve, reject) => {
    setImmediate(function flushQueue(queue) {
      try {
        throw new Error('flush failed for ' + queue)
      } catch (e) {
        reject(e)
      }
    }, 'outbox')
  })
})

defineCase('node-readable-data-handler', function nodeReadableDataHandler() {
  return new Promise((resolve, reject) => {
    const source = new Readable({ read() {} })
    source.on('data', function onChunk(chunk) {
      try {
        JSON.parse(chunk.toString())
      } catch (e) {
        reject(e)
      }
    })
    source.push('{"partial": ')
  })
})

function normalizeLine(line) {
  if (!line.endsWith('\n')) throw new TypeError('line is not terminated: ' + line)
  return line
}

defineCase('node-stream-transform', function nodeStreamTransform() {
  return new Promise((resolve, reject) => {
    const lines = new Transform({
      transform(chunk, encoding, callback) {
        try {
          callback(null, normalizeLine(chunk.toString()))
        } catch (e) {
          reject(e)
        }
      },
    })
    lines.end('a line without its newline')
  })
})

function legacyLookup(key, callback) {
  const err = new Error('no record for ' + key)
  process.nextTick(callback, err)
}
const lookup = util.promisify(legacyLookup)

defineCase('node-util-promisify', async function nodeUtilPromisify() {
  await lookup('user:42')
})

function parseManifest(text) {
  return JSON.parse(text)
}

defineCase('node-fs-readfile-callback', function nodeFsReadFileCallback() {
  return new Promise((resolve, reject) => {
    fs.readFile(path.join(__dirname, 'h2-manifest.txt'), 'utf8', function onManifest(err, text) {
      try {
        parseManifest(text)
      } catch (e) {
        reject(e)
      }
    })
  })
})

defineCase('node-require-json-syntax-error', function nodeRequireJsonSyntaxError() {
  require('./h2-config.json')
})

// node_modules/h2-broken-pkg: its index requires a file that throws while loading.
defineCase('node-require-package-throws', function nodeRequirePackageThrows() {
  require('h2-broken-pkg')
})

// require() of an ES module (Node 20.19+ loads it synchronously) that throws.
defineCase('node-require-esm-throws', function nodeRequireEsmThrows() {
  require('../esm/h2-throws.mjs')
})

// A worker thread: it records its own call sites and posts the error back.
function runWorker(file, options) {
  const structured = typeof Error.prepareStackTrace === 'function'
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { ...options, workerData: { structured, recorder: path.join(__dirname, '..', 'v8-recorder.js'), ...options.workerData } })
    worker.once('message', (r) => {
      worker.terminate()
      if (r.threw) reject(h2RemoteError(r))
      else resolve()
    })
    worker.once('error', reject)
  })
}

defineCase('node-worker-thread', function nodeWorkerThread() {
  return runWorker(path.join(__dirname, 'h2-worker.cjs'), { workerData: { job: 'resize' } })
})

const WORKER_EVAL = `'use strict'
const { workerData, parentPort } = require('node:worker_threads')
require('node:vm').runInThisContext(require('node:fs').readFileSync(workerData.recorder, 'utf8'), { filename: workerData.recorder })
if (workerData.structured) V8REC.install()
function compress(level) {
  throw new RangeError('compression level out of range: ' + level)
}
try {
  compress(workerData.level)
} catch (e) {
  parentPort.postMessage({ threw: true, name: e.name, message: e.message, stack: e.stack, v8: V8REC.take(e) })
}
`

defineCase('node-worker-eval', function nodeWorkerEval() {
  return runWorker(WORKER_EVAL, { eval: true, workerData: { level: 12 } })
})

// Code run by vm without a file name is named evalmachine.<anonymous>.
defineCase('node-vm-no-filename', function nodeVmNoFilename() {
  vm.runInThisContext('function computeTax(order) {\n  return order.total.toFixed(2)\n}\ncomputeTax({})', { displayErrors: false })
})

defineCase('node-assertion-error', function nodeAssertionError() {
  const totals = { expected: 100, actual: 99 }
  assert.strictEqual(totals.actual, totals.expected)
})

function routeRequest(req) {
  throw new Error('no route for ' + req.method + ' ' + req.url)
}

defineCase('node-http-request-handler', function nodeHttpRequestHandler() {
  return new Promise((resolve, reject) => {
    const server = http.createServer(function onRequest(req, res) {
      try {
        routeRequest(req)
      } catch (e) {
        reject(e)
      }
      res.end()
      server.close()
    })
    server.listen(0, '127.0.0.1', () => {
      http.get({ host: '127.0.0.1', port: server.address().port, path: '/orders/42?expand=items', agent: false }, (res) => res.resume())
    })
  })
})

defineCase('node-zlib-callback-error', function nodeZlibCallbackError() {
  return new Promise((resolve, reject) => {
    zlib.gunzip(Buffer.from('this is not gzip data'), (err) => (err ? reject(err) : resolve()))
  })
})

const requestContext = new AsyncLocalStorage()

defineCase('node-async-local-storage', function nodeAsyncLocalStorage() {
  return requestContext.run({ requestId: 'req-7' }, function handleRequest() {
    throw new Error('request ' + requestContext.getStore().requestId + ' failed')
  })
})

defineCase('node-buffer-invalid-arg', function nodeBufferInvalidArg() {
  return Buffer.from(42)
})

defineCase('node-abort-signal-timeout', function nodeAbortSignalTimeout() {
  const signal = AbortSignal.timeout(1)
  const keepAlive = setTimeout(() => {}, 5000) // the signal's timer does not hold the process
  return new Promise((resolve, reject) => {
    signal.addEventListener('abort', () => {
      clearTimeout(keepAlive)
      try {
        signal.throwIfAborted()
      } catch (e) {
        reject(e)
      }
    })
  })
})

// A child process that failed: the error's message holds the child's stderr,
// its own stack included.
defineCase('node-exec-sync-child-stack', function nodeExecSyncChildStack() {
  require('node:child_process').execFileSync(process.execPath, ['-e', 'function migrate() { throw new Error("migration 42 failed") }\nmigrate()'], { stdio: 'pipe' })
})
