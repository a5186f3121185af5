// Stack parsing beside @sentry/browser's defaultStackParser, in one Node
// process, on the same strings: every stack of the real-engine corpus
// (tests/corpus/), and a 1 MB one-line stack. Our side goes through the
// public `parseStack` of the npm package, so the wasm boundary (strings in,
// numbers out, frames made in JS) is included. Medians of repeated rounds,
// each parser warmed up for half a second on each group first.
//
//   node bench/stacks.mjs       (after scripts/build.sh)
import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { defaultStackParser } from '@sentry/browser'

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const sdk = await import(path.join(REPO, 'pkg/node.js'))
await sdk.ready()
const peerVersion = JSON.parse(fs.readFileSync(path.join(REPO, 'node_modules/@sentry/browser/package.json'), 'utf8')).version

const ENGINES = ['node', 'chromium', 'firefox', 'jsc']
const corpus = ENGINES.flatMap((engine) => {
  const dir = path.join(REPO, 'tests/corpus', engine)
  return fs.existsSync(dir)
    ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => ({ engine, ...JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) }))
    : []
})

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1]

function rate(fn, items, rounds = 25) {
  // Warm up for a time, not a few calls: V8 moves code (JS, and wasm from
  // Liftoff) to its optimising tier only after it has run a while, and
  // three rounds left the first group measured half in baseline code.
  // Both parsers get the same.
  const until = performance.now() + 500
  do for (const it of items) fn(it)
  while (performance.now() < until)
  const times = []
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now()
    for (const it of items) fn(it)
    times.push(performance.now() - t0)
  }
  return (items.length * 1000) / median(times)
}

function time(fn, rounds = 9) {
  const times = []
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now()
    fn()
    times.push(performance.now() - t0)
  }
  return median(times)
}

const ours = (c) => sdk.parseStack(c)
const peer = (c) => defaultStackParser(c.stack)

// How many cases each parser gets exactly right against the engines' ground
// truth. The peer's frames are read generously: `?` means no name, and its
// `filename` is taken as the location.
function key(f) {
  return JSON.stringify([f.function ?? null, f.abs_path ?? null, f.lineno ?? null, f.colno ?? null, f.instruction_addr ?? null])
}
const same = (got, want) => got.length === want.length && got.every((f, i) => key(f) === key(want[i]))
const fromPeer = (f) => ({ function: f.function === '?' ? undefined : f.function, abs_path: f.filename, lineno: f.lineno, colno: f.colno, instruction_addr: f.instruction_addr })
const want = (c) => c.frames.map((f) => ({ ...f, function: f.function }))
const ourFrames = (c) => sdk.parseStack(c).map((f) => ({ ...f, function: f.raw_function ?? f.function }))

console.log(`corpus: ${corpus.length} stacks from ${ENGINES.filter((e) => corpus.some((c) => c.engine === e)).join(', ')}; Node ${process.version}`)
console.log('')
console.log(`| engine | stacks | wasm-sentry stacks/s | @sentry/browser ${peerVersion} stacks/s | ratio | exact, wasm-sentry | exact, peer |`)
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |')
const groups = [...ENGINES.map((e) => [e, corpus.filter((c) => c.engine === e)]), ['**all**', corpus]]
const results = {}
for (const [engine, items] of groups) {
  if (!items.length) continue
  const a = rate(ours, items)
  const b = rate(peer, items)
  const exactOurs = items.filter((c) => same(ourFrames(c), want(c))).length
  const exactPeer = items.filter((c) => same(defaultStackParser(c.stack).map(fromPeer), want(c))).length
  results[engine] = { stacks: items.length, ours: a, peer: b, exactOurs, exactPeer }
  const n = (x) => Math.round(x).toLocaleString('en-US')
  console.log(`| ${engine} | ${items.length} | ${n(a)} | ${n(b)} | ${(a / b).toFixed(2)}× | ${exactOurs}/${items.length} | ${exactPeer}/${items.length} |`)
}

const big = `Error: big\n    at f (http://h/${'a'.repeat(1 << 20)}.js:1:2)`
const tOurs = time(() => sdk.parseStack({ stack: big, name: 'Error', message: 'big' }))
const tPeer = time(() => defaultStackParser(big))
console.log('')
console.log(`| 1 MB one-line stack | wasm-sentry | @sentry/browser |`)
console.log('| --- | ---: | ---: |')
console.log(`| median time | ${tOurs.toFixed(2)} ms | ${tPeer.toFixed(2)} ms |`)
console.log(`| frames found | ${sdk.parseStack({ stack: big, name: 'Error', message: 'big' }).length} | ${defaultStackParser(big).length} |`)
fs.mkdirSync(path.join(REPO, 'bench/out'), { recursive: true })
fs.writeFileSync(path.join(REPO, 'bench/out/stacks.json'), JSON.stringify({ results, oneMegabyte: { ours: tOurs, peer: tPeer } }, null, 2))
