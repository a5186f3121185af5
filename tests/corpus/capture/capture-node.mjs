// Node (V8): stage the node app in a fixed scratch directory (stable paths),
// run the driver twice in separate processes - once recording structured call
// sites, once plain - and write the corpus from the two.
import fs from 'node:fs'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import { build, wasmFor, CASES_DIR, WORK_DIR, BUILD_DIR } from './lib/layout.mjs'
import { framesFromCallSites, checkV8Pair } from './lib/v8.mjs'
import { CorpusWriter } from './lib/corpus.mjs'

const NODE = process.env.NODE_BIN || '/usr/bin/node'
const { wasm } = build()
const APP = path.join(WORK_DIR, 'node', 'app')

// Staged layout: what Node prints is /tmp/wasm-sentry-corpus/node/app/...
fs.rmSync(path.join(WORK_DIR, 'node'), { recursive: true, force: true })
const copy = (from, to) => fs.cpSync(from, path.join(APP, to), { recursive: true })
copy(path.join(CASES_DIR, 'harness.js'), 'harness.js')
copy(path.join(CASES_DIR, 'v8-recorder.js'), 'v8-recorder.js')
const shared = ['nested-a.js', 'nested-b.js', 'nested-c.js', 'builtins.js', 'classes.js', 'async.js', 'eval.js', 'messages.js', 'recursion.js', 'heldout.js', 'heldout2.js', 'heldout3.js']
for (const f of shared) copy(path.join(CASES_DIR, 'shared', f), path.join('shared', f))
// held-out: a directory with `@`, a space, parentheses, `%20` and `:digits`;
// `@.js` under a directory with an unbalanced parenthesis after a space
const WEIRD_AT = 'weird/a@b (1)/%20v:1:2/at.js', WEIRD_SIGN = 'weird/wip (draft/@.js'
copy(path.join(CASES_DIR, 'shared/paths/at.js'), WEIRD_AT)
copy(path.join(CASES_DIR, 'shared/paths/@.js'), WEIRD_SIGN)
copy(path.join(CASES_DIR, 'node/scoped-pkg'), 'node_modules/@heldout/scoped')
copy(path.join(CASES_DIR, 'shared/enc/encoded.js'), 'shared/dir with space/café+encoded.js')
copy(path.join(BUILD_DIR, 'app.min.js'), 'static/app.min.js')
copy(path.join(CASES_DIR, 'node/driver.cjs'), 'driver.cjs')
copy(path.join(CASES_DIR, 'node/cjs'), 'cjs')
copy(path.join(CASES_DIR, 'node/esm'), 'esm')
copy(path.join(CASES_DIR, 'node/fake-pkg'), 'node_modules/fake-pkg')
copy(path.join(BUILD_DIR, 'wasm'), 'wasm')
// second held-out round: a Next.js server build (route group, dynamic
// segment), a hashed production bundle, a package that throws while loading
const H2_WEBPACK = ['.next/server/webpack-runtime.js', '.next/server/app/(dashboard)/users/[id]/page.js']
copy(path.join(CASES_DIR, 'shared/bundle/webpack-runtime.js'), H2_WEBPACK[0])
copy(path.join(CASES_DIR, 'shared/bundle/page-chunk.js'), H2_WEBPACK[1])
copy(path.join(BUILD_DIR, 'bundle.min.js'), 'dist/assets/index-4f2a9c1e.js')
copy(path.join(CASES_DIR, 'node/h2-broken-pkg'), 'node_modules/h2-broken-pkg')
// Classic scripts loaded by the driver through vm, in this order.
const scripts = ['harness.js', 'v8-recorder.js', ...shared.map((f) => 'shared/' + f), 'shared/dir with space/café+encoded.js', 'static/app.min.js', WEIRD_AT, WEIRD_SIGN, ...H2_WEBPACK, 'dist/assets/index-4f2a9c1e.js']
fs.writeFileSync(path.join(APP, 'scripts.json'), JSON.stringify(scripts))

// Node prefixes errors thrown by vm scripts (displayErrors) with the source
// line and a caret, after V8 formatted the stack.
const DECORATED = {
  'vm-relative-filename': /^lib\/relative\.js:2\n {2}throw new SyntaxError\("from lib\/relative\.js"\)\n {2}\^\n\n$/,
  // held-out 2: the ESM loader points at the import that names a missing export
  'esm-missing-export': /^file:\/\/\/\S+\/esm\/h2-missing-export\.mjs:2\nimport \{ missingHelper \} from '\.\/h2-exports\.mjs'\n {9}\^{13}\n$/,
}

function runDriver(mode, only = []) {
  const out = path.join(WORK_DIR, 'node', `results-${mode}.json`)
  execFileSync(NODE, [path.join(APP, 'driver.cjs'), out, mode, ...only], { cwd: APP, stdio: 'inherit' })
  return JSON.parse(fs.readFileSync(out, 'utf8'))
}
const structured = runDriver('structured')
const plain = runDriver('plain')

// A stack overflow's newest frame depends on the JIT tier reached (prologue
// stack check or the call): a pair of runs that disagree is run again, alone,
// a few times; a real disagreement fails every attempt.
for (let attempt = 1; attempt <= 3; attempt++) {
  const differing = plain.results.filter((p, i) => {
    try { checkV8Pair('', structured.results[i].structured, p.plain, DECORATED[p.name]); return false } catch { return true }
  }).map((p) => p.name)
  if (!differing.length) break
  console.log(`node: runs differ for ${differing.join(', ')}: retrying them`)
  const s2 = runDriver('structured', differing), p2 = runDriver('plain', differing)
  for (const r of s2.results) structured.results[structured.results.findIndex((x) => x.name === r.name)] = r
  for (const r of p2.results) plain.results[plain.results.findIndex((x) => x.name === r.name)] = r
}

// V8 11.3 prints a class constructor receiver's name instead of the type name
// ("Widget.create", not "Function.create"); strict code hides the receiver
// from the CallSite API, so the static methods' classes come from the sources.
const STATIC_METHODS = { 'shared/classes.js': { create: 'Widget' }, 'esm/chain-b.mjs': { drain: 'Queue', '#flush': 'Queue' } }
function receiverClass(r) {
  if (r.getTypeName !== 'Function' || typeof r.getFileName !== 'string') return null
  for (const [file, methods] of Object.entries(STATIC_METHODS)) {
    if (r.getFileName.endsWith('/' + file) && methods[r.getFunctionName]) return methods[r.getFunctionName]
  }
  return null
}

const failures = []
const writer = new CorpusWriter('node', `node ${structured.version} (V8 ${structured.v8})`)
plain.results.forEach((p, i) => {
  const s = structured.results[i]
  if (s.name !== p.name) throw new Error('the two runs ran different cases')
  const label = `node/${p.name}`
  try {
    checkV8Pair(label, s.structured, p.plain, DECORATED[p.name])
  } catch (e) { failures.push(e.message); return }
  const frames = framesFromCallSites(s.structured.v8.frames, { wasm: wasmFor(wasm, p.name), label, formatting: 'v8-11.3', receiverClass })
  writer.add({ caseName: p.name, name: p.plain.name, message: p.plain.message, stack: p.plain.stack, frames })
})
if (failures.length) {
  console.error(failures.join('\n\n'))
  throw new Error(`node: ${failures.length} case(s) failed their checks`)
}
writer.commit()
