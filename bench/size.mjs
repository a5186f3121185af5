// Transfer size of a minimal app (init + captureException), built the same
// way with esbuild (minified, ESM, code splitting) once with this package
// and once with @sentry/browser, in one run. Sizes are raw and gzip -9.
// "Before the page goes on" is the JS that must run synchronously: for this
// package the shim; client.js, glue.js and the .wasm load after `init`.
// The API is module-level exports, so a bundler keeps only what the app
// imports, as it does for the peer; the shim of an app that imports every
// export is measured too.
//
//   node bench/size.mjs        (after scripts/build.sh; prints a Markdown table)
import * as esbuild from 'esbuild'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const OUT = path.join(REPO, 'bench/out')
const peerVersion = JSON.parse(fs.readFileSync(path.join(REPO, 'node_modules/@sentry/browser/package.json'), 'utf8')).version

const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length
const sizes = (files) => files.reduce((a, f) => {
  const buf = fs.readFileSync(f)
  return { raw: a.raw + buf.length, gzip: a.gzip + gz(buf) }
}, { raw: 0, gzip: 0 })

async function build(name, alias) {
  const outdir = path.join(OUT, name)
  fs.rmSync(outdir, { recursive: true, force: true })
  const result = await esbuild.build({
    entryPoints: [path.join(REPO, 'bench/apps', `${name}.js`)],
    bundle: true, minify: true, format: 'esm', splitting: true, platform: 'browser',
    outdir, alias, metafile: true, logLevel: 'error',
  })
  const outputs = Object.entries(result.metafile.outputs)
  const entry = outputs.find(([, o]) => o.entryPoint === path.relative(REPO, path.join(REPO, 'bench/apps', `${name}.js`)))[0]
  // js/parse.js is loaded with the demangler module only (`ready()`, a mangled name): not part of this app's transfer.
  const onDemand = (o) => /(^|\/)parse\.js$/.test(o.entryPoint || '')
  const all = outputs.filter(([, o]) => !onDemand(o)).map(([f]) => path.join(REPO, f))
  const parse = outputs.filter(([, o]) => onDemand(o)).map(([f]) => path.join(REPO, f))
  return { entry: sizes([path.join(REPO, entry)]), js: sizes(all), parse: sizes(parse) }
}

const ours = await build('wasm-sentry', { 'wasm-sentry': path.join(REPO, 'pkg/index.js') })
const wasm = sizes([path.join(REPO, 'pkg/wasm_sentry_bg.wasm')])
// Fetched only for `parseStack` (after `ready()`) or when a wasm frame's name
// is a mangled Rust symbol: not part of the transfer of a page without either.
const demangler = sizes([path.join(REPO, 'pkg/wasm_sentry_demangle.wasm')])
const peer = await build('sentry-browser', {})
// The same shim with every export kept: what an app that uses the whole API runs first.
const full = await build('wasm-sentry-full', { 'wasm-sentry': path.join(REPO, 'pkg/index.js') })

const rows = [
  ['wasm-sentry: JS before the page goes on (shim)', ours.entry],
  ['wasm-sentry: JS loaded after init (glue)', { raw: ours.js.raw - ours.entry.raw, gzip: ours.js.gzip - ours.entry.gzip }],
  ['wasm-sentry: .wasm', wasm],
  ['**wasm-sentry: total transfer**', { raw: ours.js.raw + wasm.raw, gzip: ours.js.gzip + wasm.gzip }],
  [`**@sentry/browser ${peerVersion}: total transfer** (all before the page goes on)`, peer.js],
]
const total = rows[3][1]
const fmt = (n) => n.toLocaleString('en-US')
console.log('| app: init + captureException | raw bytes | gzip -9 bytes |')
console.log('| --- | ---: | ---: |')
for (const [label, s] of rows) console.log(`| ${label} | ${fmt(s.raw)} | ${fmt(s.gzip)} |`)
console.log(`| wasm-sentry: demangler .wasm, fetched only by \`ready()\` for \`parseStack\` or for a mangled Rust name in a wasm frame (not in the total) | ${fmt(demangler.raw)} | ${fmt(demangler.gzip)} |`)
console.log(`| wasm-sentry: js/parse.js (parseStack's frames, the demangler's loader), fetched with the demangler module (not in the total) | ${fmt(ours.parse.raw)} | ${fmt(ours.parse.gzip)} |`)
console.log(`| wasm-sentry: JS before the page goes on, for an app that imports every export (budget 3,000) | ${fmt(full.entry.raw)} | ${fmt(full.entry.gzip)} |`)
console.log(`| ratio wasm-sentry / @sentry/browser, total | ${(total.raw / peer.js.raw).toFixed(2)} | ${(total.gzip / peer.js.gzip).toFixed(2)} |`)
console.log(`| ratio, JS before the page goes on | ${(ours.entry.raw / peer.js.raw).toFixed(3)} | ${(ours.entry.gzip / peer.js.gzip).toFixed(3)} |`)
fs.mkdirSync(OUT, { recursive: true })
fs.writeFileSync(path.join(OUT, 'size.json'), JSON.stringify({ ours, full, wasm, demangler, peer, peerVersion }, null, 2))
