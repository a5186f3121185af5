// Where things are, and the generated inputs (wasm modules, minified file)
// that every engine's capture shares.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { writeModules } from './wasm-modules.mjs'
import { writeMinified } from './minified.mjs'
import { writeMinifiedBundle } from './bundle-min.mjs'

export const CAPTURE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const CASES_DIR = path.join(CAPTURE_DIR, 'cases')
export const CORPUS_DIR = path.resolve(CAPTURE_DIR, '..')
// Scratch space outside the repository. A fixed default keeps the absolute
// paths Node prints (and so the corpus) identical from run to run.
export const WORK_DIR = process.env.CORPUS_WORK || '/tmp/wasm-sentry-corpus'
export const BUILD_DIR = path.join(WORK_DIR, 'build')

// Which wasm module each wasm case uses (all engines use these names).
export const WASM_CASES = {
  'wasm-trap-named': 'named', 'wasm-trap-fnames': 'fnames', 'wasm-trap-unnamed': 'unnamed',
  'wasm-calls-js-named': 'named', 'wasm-calls-js-unnamed': 'unnamed', 'wasm-divide-by-zero': 'named',
  'wasm-streaming-trap-named': 'named', 'wasm-streaming-calls-js-unnamed': 'unnamed',
}

// (held-out 3) Cases whose stacks show frames of several modules.
export const H3_WASM_CASES = {
  'wasm-names-punctuation': ['h3-names'], 'wasm-names-unicode-long': ['h3-names'], 'wasm-names-gap-in-named-module': ['h3-names'],
  'wasm-names-partial-no-module-name': ['h3-partial'], 'wasm-names-empty-module-name': ['h3-empty'],
  'wasm-trap-memory-out-of-bounds': ['h3-traps'], 'wasm-trap-indirect-call-signature': ['h3-traps'], 'wasm-trap-table-index': ['h3-traps'],
  'wasm-trap-float-to-int': ['h3-traps'], 'wasm-stack-overflow': ['h3-traps'],
  'wasm-js-wasm-interleaved': ['h3-bounce', 'h3-names'], 'wasm-module-instantiated-twice': ['h3-bounce'],
  'wasm-imports-wasm-export': ['h3-linker', 'h3-traps'], 'wasm-export-function-call': ['h3-traps'], 'wasm-export-bound-apply': ['h3-traps'],
  'wasm-export-array-callback': ['h3-traps'], 'wasm-export-promise-callback': ['h3-traps'], 'wasm-calls-builtin-import': ['h3-builtin'],
  'wasm-start-function-trap': ['h3-start'], 'wasm-compiled-in-eval': ['h3-evald'], 'wasm-compiled-in-new-function': ['h3-evald'], 'wasm-compiled-in-function-eval': ['h3-evald'],
  // browsers / node only
  'wasm-instantiate-streaming-query': ['h3-streamed'], 'wasm-in-dedicated-worker': ['h3-worker'], 'wasm-in-blob-worker': ['h3-worker'],
  'wasm-in-worker-thread': ['h3-worker'], 'async-wasm-in-promise-callback': ['h3-later'],
}
// The module (or modules) whose layout a case's wasm frames are checked against.
export function wasmFor(wasm, caseName) {
  const m = WASM_CASES[caseName] ?? H3_WASM_CASES[caseName]
  if (!m) return null
  return Array.isArray(m) ? m.map((k) => wasm[k]) : wasm[m]
}

export function build() {
  fs.mkdirSync(BUILD_DIR, { recursive: true })
  const wasm = writeModules(path.join(BUILD_DIR, 'wasm'))
  writeMinified(path.join(BUILD_DIR, 'app.min.js'))
  writeMinifiedBundle(path.join(BUILD_DIR, 'bundle.min.js'))
  return { wasm, minified: path.join(BUILD_DIR, 'app.min.js') }
}

// Every case source file whose markers the expectations may use.
export function sourceFiles() {
  const out = []
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name)
      if (e.isDirectory()) walk(p)
      else if (/\.(js|cjs|mjs|html|ts|tsx)$/.test(e.name)) out.push(p)
    }
  }
  walk(CASES_DIR)
  out.push(path.join(BUILD_DIR, 'app.min.js'))
  out.push(path.join(BUILD_DIR, 'bundle.min.js'))
  return out
}
