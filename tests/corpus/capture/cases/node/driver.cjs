// Node driver, run from the staged copy of the node app (see capture-node.mjs).
// Loads the shared classic scripts with vm (so frames show plain file paths),
// the CommonJS and ES module cases, then runs every case once, with the V8
// call-site recorder installed or not (argv[3]: structured | plain); the
// capture script runs both modes in separate processes so that nothing (like
// a cached module or an already formatted stack) is shared between them.
'use strict'
const vm = require('node:vm')
const fs = require('node:fs')
const path = require('node:path')

const APP = __dirname
function loadScript(rel) {
  const file = path.join(APP, rel)
  vm.runInThisContext(fs.readFileSync(file, 'utf8'), { filename: file })
}

async function main() {
  const order = JSON.parse(fs.readFileSync(path.join(APP, 'scripts.json'), 'utf8'))
  for (const rel of order) loadScript(rel)
  require('./cjs/cases.cjs')
  require('./cjs/heldout.cjs')
  require('./cjs/heldout2.cjs')
  require('./cjs/heldout3.cjs')
  await import('./esm/cases.mjs')
  await import('./esm/heldout2.mjs')
  await globalThis.WASM_READY
  await globalThis.H3_READY
  const runOnce = (name, structured) => new Promise((resolve) => {
    HARNESS.onResult = (r) => { V8REC.uninstall(); resolve(r) }
    if (structured) V8REC.install(); else V8REC.uninstall()
    startCase(name)
  })
  const mode = process.argv[3]
  if (mode !== 'structured' && mode !== 'plain') throw new Error('mode must be structured or plain')
  const results = []
  const only = process.argv.slice(4)
  for (const name of Object.keys(CASES)) if (!only.length || only.includes(name)) results.push({ name, [mode]: await runOnce(name, mode === 'structured') })
  fs.writeFileSync(process.argv[2], JSON.stringify({ version: process.version, v8: process.versions.v8, results }))
}
main().catch((e) => { console.error(e); process.exit(1) })
