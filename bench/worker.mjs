// Workers, in real workerd: the same trivial worker without an SDK, with
// wasm-sentry's `withSentry`, and with toucan-js (a client per request, as
// its README sets it up). Each is bundled the same way (esbuild, minified,
// ESM, the .wasm left as a module as wrangler leaves it) and measured in the
// same run, in turns:
//   - cold start: workerd spawned -> first response (polled every 2 ms),
//     and the first request's own latency (the SDK's init happens there);
//   - the CPU time workerd spends per request that captures nothing (from
//     /proc/<pid>/stat, all threads; the three run side by side and take
//     batches of 3,000 requests in turns, median per batch), and what each
//     SDK adds to the baseline;
//   - the bundle: JS and .wasm, gzip -9.
//
//   node bench/worker.mjs          (after scripts/build.sh)
import * as esbuild from 'esbuild'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { performance } from 'node:perf_hooks'
import { startReceiver } from '../tests/support/receiver.mjs'
import { startWorkerd } from '../tests/support/workerd.mjs'

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const OUT = path.join(REPO, 'bench/out/worker')
const ROUNDS = 7
const REQUESTS = 3000 // per batch
const BATCHES = 9
const CONCURRENCY = 4
const TICK_MS = 1000 / 100 // USER_HZ
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1]
const version = (p) => JSON.parse(fs.readFileSync(path.join(REPO, 'node_modules', p, 'package.json'), 'utf8')).version

const VARIANTS = { plain: 'no SDK', 'wasm-sentry': 'wasm-sentry', toucan: `toucan-js ${version('toucan-js')}` }

fs.rmSync(OUT, { recursive: true, force: true })
const size = {}
for (const name of Object.keys(VARIANTS)) {
  const dir = path.join(OUT, name)
  await esbuild.build({
    entryPoints: [path.join(REPO, `bench/apps/worker-${name}.js`)],
    bundle: true, minify: true, format: 'esm', platform: 'neutral', conditions: ['worker', 'workerd', 'browser'],
    mainFields: ['module', 'main'], external: ['*.wasm', 'node:*'],
    outfile: path.join(dir, 'index.js'), alias: { 'wasm-sentry/worker': path.join(REPO, 'pkg/worker.js') }, logLevel: 'error',
  })
  if (name === 'wasm-sentry') fs.copyFileSync(path.join(REPO, 'pkg/wasm_sentry_worker_bg.wasm'), path.join(dir, 'wasm_sentry_worker_bg.wasm'))
  size[name] = fs.readdirSync(dir).reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(dir, f)), { level: 9 }).length, 0)
}

function cpuMs(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS // utime + stime, from field 3 on
}

async function load(url, n) {
  let next = 0
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < n) {
        const res = await fetch(url)
        if (res.status !== 200) throw new Error(`status ${res.status}`)
        await res.arrayBuffer()
      }
    }),
  )
}

const receiver = await startReceiver()
const names = Object.keys(VARIANTS)
const results = Object.fromEntries(names.map((k) => [k, { cold: [], first: [], cpu: [] }]))
const start = (name, pollMs) => {
  const dir = path.join(OUT, name)
  return startWorkerd({ worker: path.join(dir, 'index.js'), modules: { '': dir }, bindings: { SENTRY_DSN: receiver.dsn }, flags: ['nodejs_als'], pollMs })
}

// Cold start, one workerd at a time, in turns.
for (let round = 0; round < ROUNDS; round++) {
  for (const name of round % 2 ? [...names].reverse() : names) {
    const t0 = performance.now()
    const w = await start(name, 2)
    try {
      const t1 = performance.now()
      await (await fetch(`${w.url}/quiet`)).arrayBuffer()
      const t2 = performance.now()
      results[name].cold.push(t2 - t0)
      results[name].first.push(t2 - t1)
    } finally {
      await w.close()
    }
  }
}

// CPU: the three run side by side and take batches in turns, so that the
// machine's noise falls on all three alike.
const running = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await start(n, 100)])))
try {
  for (const n of names) await load(running[n].url, 300)
  for (let batch = 0; batch < BATCHES; batch++) {
    for (const n of batch % 2 ? [...names].reverse() : names) {
      const c0 = cpuMs(running[n].pid)
      await load(running[n].url, REQUESTS)
      results[n].cpu.push(((cpuMs(running[n].pid) - c0) / REQUESTS) * 1000)
    }
  }
} finally {
  await Promise.all(names.map((n) => running[n].close()))
}
await receiver.close()
if (receiver.events().length) throw new Error('a quiet worker sent events')

const m = Object.fromEntries(Object.entries(results).map(([k, r]) => [k, { cold: median(r.cold), first: median(r.first), cpu: median(r.cpu) }]))
const added = (k) => m[k].cpu - m.plain.cpu
const fmt = (x, d = 1) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d })
const rows = [
  ['workerd spawned -> first response (median ms)', (k) => fmt(m[k].cold)],
  ['first request, the SDK starting (median ms)', (k) => fmt(m[k].first, 2)],
  ['workerd CPU per quiet request (median µs)', (k) => fmt(m[k].cpu, 0)],
  ['CPU the SDK adds per request (µs)', (k) => (k === 'plain' ? '–' : fmt(added(k), 0))],
  ['bundle, JS + wasm, gzip -9 (bytes)', (k) => size[k].toLocaleString('en-US')],
]
console.log(`\ncold start: ${ROUNDS} rounds; CPU: ${BATCHES} batches of ${REQUESTS} requests, ${CONCURRENCY} at a time, median per batch; workerd ${version('workerd')}\n`)
console.log(`| in workerd | ${Object.values(VARIANTS).join(' | ')} | wasm-sentry / toucan-js |`)
console.log(`| --- | ${Object.keys(VARIANTS).map(() => '---:').join(' | ')} | ---: |`)
for (const [label, f] of rows) {
  // Added CPU at or below zero is within the noise: no ratio then.
  const ratio = label.startsWith('CPU the SDK')
    ? (added('wasm-sentry') > 0 && added('toucan') > 0 ? fmt(added('wasm-sentry') / added('toucan'), 2) + '×' : '–')
    : label.startsWith('bundle')
      ? fmt(size['wasm-sentry'] / size.toucan, 2) + '×'
      : fmt(parseFloat(f('wasm-sentry').replace(/,/g, '')) / parseFloat(f('toucan').replace(/,/g, '')), 2) + '×'
  console.log(`| ${label} | ${Object.keys(VARIANTS).map(f).join(' | ')} | ${ratio} |`)
}
fs.writeFileSync(path.join(REPO, 'bench/out/worker.json'), JSON.stringify({ results, medians: m, size }, null, 1))
