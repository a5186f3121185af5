// Node-only cases in CommonJS: node:internal frames, node_modules, module
// loading, vm scripts with a relative file name, WebAssembly from bytes.
'use strict'
const fs = require('node:fs')
const path = require('node:path')
const vm = require('node:vm')
const { EventEmitter } = require('node:events')
const fakePkg = require('fake-pkg')

function appTask(attempt) {
  return fakePkg.failInside('attempt ' + attempt)
}

defineCase('node-modules-package', function nodeModulesPackage() {
  return fakePkg.withRetry(appTask, 2)
})

defineCase('node-fs-error', function nodeFsError() {
  return fs.readFileSync(path.join(__dirname, 'does-not-exist.txt'))
})

defineCase('node-event-emitter', function nodeEventEmitter() {
  const bus = new EventEmitter()
  bus.on('job', function onJob(job) {
    throw new Error('listener failed on ' + job)
  })
  bus.emit('job', 'import')
})

defineCase('node-next-tick', function nodeNextTick() {
  return new Promise((resolve, reject) => {
    process.nextTick(function onTick() {
      try {
        throw new Error('thrown in nextTick')
      } catch (e) {
        reject(e)
      }
    })
  })
})

defineCase('node-set-immediate', function nodeSetImmediate() {
  return new Promise((resolve, reject) => {
    setImmediate(() => {
      try {
        JSON.parse('{not json')
      } catch (e) {
        reject(e)
      }
    })
  })
})

defineCase('cjs-require-throws', function cjsRequireThrows() {
  // A module that throws while being loaded: Object.<anonymous> and Module._compile frames.
  delete require.cache[require.resolve('./throws-on-load.cjs')]
  require('./throws-on-load.cjs')
})

defineCase('cjs-module-method', function cjsModuleMethod() {
  const helpers = require('./helpers.cjs')
  helpers.parseConfig('{"port": "eighty"}')
})

defineCase('vm-relative-filename', function vmRelativeFilename() {
  // A script whose file name is a relative path, as bundlers and REPLs produce.
  vm.runInThisContext('function relativeFn() {\n  throw new SyntaxError("from lib/relative.js")\n}\nrelativeFn()', { filename: 'lib/relative.js' })
})

defineCase('node-unhandled-style-async', async function nodeUnhandledStyleAsync() {
  await new Promise((resolve) => setTimeout(resolve, 1))
  await fs.promises.readFile(path.join(__dirname, 'missing-dir', 'config.json'))
})

// WebAssembly, instantiated from bytes read from disk (wasm://wasm/<hash> URLs).
const WASM = {}
const wasmImports = {
  env: {
    js_throw: function jsThrow() {
      throw new Error('thrown by JS called from wasm')
    },
  },
}
globalThis.WASM_READY = Promise.all(['named', 'fnames', 'unnamed'].map((m) =>
  WebAssembly.instantiate(fs.readFileSync(path.join(__dirname, '..', 'wasm', m + '.wasm')), wasmImports)
    .then((r) => { WASM[m] = r.instance })))

defineCase('wasm-trap-named', function wasmTrapNamed() { WASM.named.exports.trap() })
defineCase('wasm-trap-fnames', function wasmTrapFnames() { WASM.fnames.exports.trap() })
defineCase('wasm-trap-unnamed', function wasmTrapUnnamed() { WASM.unnamed.exports.trap() })
defineCase('wasm-calls-js-named', function wasmCallsJsNamed() { WASM.named.exports.callJs() })
defineCase('wasm-calls-js-unnamed', function wasmCallsJsUnnamed() { WASM.unnamed.exports.callJs() })
defineCase('wasm-divide-by-zero', function wasmDivideByZero() { return WASM.named.exports.div(1, 0) })
