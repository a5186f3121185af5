// Third held-out round, Node: the loader of the shared wasm cases
// (shared/heldout3.js: instances from bytes read from disk, wasm://wasm/
// URLs), and wasm in a worker_threads worker.
'use strict'
const fs = require('node:fs')
const path = require('node:path')
const { Worker } = require('node:worker_threads')

const bytes = (m) => fs.readFileSync(path.join(__dirname, '..', 'wasm', m + '.wasm'))
H3B.start = bytes('h3-start')
H3B.evald = bytes('h3-evald')
globalThis.H3_READY = (async () => {
  const inst = async (m, imports) => (await WebAssembly.instantiate(bytes(m), imports)).instance
  H3W.names = await inst('h3-names')
  H3W.partial = await inst('h3-partial')
  H3W.empty = await inst('h3-empty')
  H3W.traps = await inst('h3-traps')
  H3W.linker = await inst('h3-linker', H3_IMPORTS.linker())
  H3W.bounceToNames = await inst('h3-bounce', H3_IMPORTS.bounceToNames)
  // compiled once, instantiated twice
  const bounce = await WebAssembly.compile(bytes('h3-bounce'))
  H3W.twinA = await WebAssembly.instantiate(bounce, H3_IMPORTS.twinA)
  H3W.twinB = await WebAssembly.instantiate(bounce, H3_IMPORTS.twinB)
  H3W.builtin = await inst('h3-builtin', H3_IMPORTS.builtin)
})()

defineCase('wasm-in-worker-thread', function wasmInWorkerThread() {
  const structured = typeof Error.prepareStackTrace === 'function'
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'h3-wasm-worker.cjs'), {
      workerData: { structured, recorder: path.join(__dirname, '..', 'v8-recorder.js'), wasm: path.join(__dirname, '..', 'wasm', 'h3-worker.wasm') },
    })
    worker.once('message', (r) => {
      worker.terminate()
      if (r.threw) reject(h2RemoteError(r))
      else resolve()
    })
    worker.once('error', reject)
  })
})
