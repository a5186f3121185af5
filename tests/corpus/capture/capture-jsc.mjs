// JavaScriptCore through Debian's `jsc` shell. Files are passed as relative
// paths (JSC prints them as given); every real stack must equal, line for
// line, the one rendered from expect/jsc.mjs (markers + the names we wrote).
import fs from 'node:fs'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import { build, sourceFiles, CASES_DIR, WORK_DIR, BUILD_DIR } from './lib/layout.mjs'
import { Markers } from './lib/markers.mjs'
import { render, diffLines } from './lib/expect.mjs'
import { CorpusWriter } from './lib/corpus.mjs'
import EXPECT from './expect/jsc.mjs'

const JSC = process.env.JSC || '/usr/bin/jsc'
const { wasm } = build()
const markers = new Markers(sourceFiles())
const DIR = path.join(WORK_DIR, 'jsc')

// Stage the files under the relative names JSC will print.
fs.rmSync(DIR, { recursive: true, force: true })
const staged = {} // source file -> relative path as JSC prints it
const stage = (from, rel) => { fs.cpSync(from, path.join(DIR, rel), { recursive: true }); staged[from] = rel }
stage(path.join(CASES_DIR, 'harness.js'), 'harness.js')
const shared = ['nested-a.js', 'nested-b.js', 'nested-c.js', 'builtins.js', 'classes.js', 'async.js', 'eval.js', 'messages.js', 'recursion.js', 'heldout.js', 'heldout2.js', 'heldout3.js']
for (const f of shared) stage(path.join(CASES_DIR, 'shared', f), 'shared/' + f)
stage(path.join(CASES_DIR, 'shared/enc/encoded.js'), 'shared/dir with space/café+encoded.js')
stage(path.join(BUILD_DIR, 'app.min.js'), 'static/app.min.js')
// held-out: at.js given on the command line (printed as given), @.js load()ed
const WEIRD_AT = 'weird/a@b (1)/%20v:1:2/at.js', WEIRD_SIGN = 'weird/wip (draft/@.js'
stage(path.join(CASES_DIR, 'shared/paths/at.js'), WEIRD_AT)
stage(path.join(CASES_DIR, 'shared/paths/@.js'), WEIRD_SIGN)
stage(path.join(CASES_DIR, 'jsc/wasm.js'), 'jsc/wasm.js')
stage(path.join(CASES_DIR, 'jsc/main.js'), 'jsc/main.js')
fs.cpSync(path.join(BUILD_DIR, 'wasm'), path.join(DIR, 'wasm'), { recursive: true })
// second held-out round: Next.js chunks (route group, dynamic segment), a
// hashed bundle, modules imported dynamically by jsc/heldout2.js
const H2_FILES = ['_next/static/chunks/webpack.js', '_next/static/chunks/app/(dashboard)/users/[id]/page-3f9a2c1e8b7d6a50.js', 'assets/index-4f2a9c1e.js', 'jsc/heldout2.js']
stage(path.join(CASES_DIR, 'shared/bundle/webpack-runtime.js'), H2_FILES[0])
stage(path.join(CASES_DIR, 'shared/bundle/page-chunk.js'), H2_FILES[1])
stage(path.join(BUILD_DIR, 'bundle.min.js'), H2_FILES[2])
stage(path.join(CASES_DIR, 'jsc/heldout2.js'), H2_FILES[3])
stage(path.join(CASES_DIR, 'web/heldout2/throws-top-level.mjs'), 'modules/throws-top-level.mjs')
stage(path.join(CASES_DIR, 'web/heldout2/top-level-await.mjs'), 'modules/top-level-await.mjs')
// third held-out round: wasm (shared/heldout3.js, loaded by jsc/heldout3.js),
// files run by load() and modules imported by jsc/heldout3.js
const H3_FILES = ['jsc/heldout3.js']
stage(path.join(CASES_DIR, 'jsc/heldout3.js'), H3_FILES[0])
const H3_LOADED = ['h3/global-throws.js', 'h3/loads-another.js', 'h3/throws-directly.js', 'modules/h3/entry.mjs', 'modules/h3/widgets.mjs']
for (const rel of H3_LOADED) stage(path.join(CASES_DIR, 'jsc', rel.replace(/^modules\//, '')), rel)

// recursion.js, the encoded file and the minified file are load()ed by main.js,
// and JSC prints load()ed files by their absolute path.
for (const rel of ['shared/recursion.js', 'shared/dir with space/café+encoded.js', 'static/app.min.js', WEIRD_SIGN, 'modules/throws-top-level.mjs', 'modules/top-level-await.mjs', ...H3_LOADED]) {
  const from = Object.keys(staged).find((f) => staged[f] === rel)
  staged[from] = path.join(DIR, rel)
}
const args = ['harness.js', ...shared.filter((f) => f !== 'recursion.js').map((f) => 'shared/' + f), WEIRD_AT, 'jsc/wasm.js', ...H2_FILES, ...H3_FILES, 'jsc/main.js']
const stdout = execFileSync(JSC, args, { cwd: DIR, encoding: 'utf8', maxBuffer: 64 << 20 })
const results = stdout.split('\n').filter((l) => l.startsWith('RESULT ')).map((l) => JSON.parse(l.slice(7)))

const version = (() => {
  try { return execFileSync('dpkg-query', ['-W', '-f=${Version}', 'libjavascriptcoregtk-4.0-18'], { encoding: 'utf8' }) } catch { return 'unknown' }
})()
const ctx = {
  engine: 'jsc', markers, wasm,
  urlOf: (file) => { if (!staged[file]) throw new Error('not staged: ' + file); return staged[file] },
}
const names = results.map((r) => r.case)
const missing = names.filter((n) => !EXPECT[n]).concat(Object.keys(EXPECT).filter((n) => !names.includes(n)))
if (missing.length) throw new Error('cases without expectations (or expectations without cases): ' + missing)
const writer = new CorpusWriter('jsc', `JavaScriptCore (WebKitGTK ${version}, jsc shell)`)
const failures = []
for (const r of results) {
  if (!r.threw || typeof r.stack !== 'string') { failures.push(`${r.case}: no error with a stack (${JSON.stringify(r)})`); continue }
  const { lines, frames } = render(ctx, EXPECT[r.case])
  if (lines.join('\n') !== r.stack) { // JSC: no header, no trailing newline
    failures.push(`${r.case}: stack differs from the markers\n${diffLines(lines, r.stack.split('\n'))}`)
    continue
  }
  writer.add({ caseName: r.case, name: r.name, message: r.message, stack: r.stack, frames })
}
if (failures.length) {
  console.error(failures.join('\n'))
  throw new Error(`jsc: ${failures.length} case(s) disagree with their markers`)
}
writer.commit()
