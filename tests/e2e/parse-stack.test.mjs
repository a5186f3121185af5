// `parseStack` from every entry of the npm package (Node, the browser entry
// in headless Chromium and Firefox, the worker entry in workerd) gives, for every stack
// of the real-engine corpus, the frames the engines' ground truth expects.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { loadCorpus, project, expected } from '../support/corpus.mjs'
import { startStatic } from '../support/static.mjs'
import { forEachBrowser } from '../support/browsers.mjs'
import { startWorkerd } from '../support/workerd.mjs'
import { startReceiver } from '../support/receiver.mjs'
import { assertValidByRelay } from '../support/relay.mjs'

const HERE = path.dirname(new URL(import.meta.url).pathname)
const corpus = loadCorpus()
const inputs = corpus.map(({ stack, name, message }) => ({ stack, name, message }))

function assertAllExact(results) {
  const wrong = corpus.filter((c, i) => !isDeepStrictEqual(results[i].map(project), expected(c)))
  assert.deepEqual(wrong.map((c) => c.file), [], 'cases parsed differently from the ground truth')
}

test('Node entry: parseStack matches the corpus, and takes errors, objects and strings', async () => {
  const sdk = await import(path.join(HERE, '../../pkg/node.js'))
  assert.equal(await sdk.ready(), true)
  assertAllExact(inputs.map((c) => sdk.parseStack(c)))
  const err = new Error('x')
  assert.deepEqual(sdk.parseStack(err), sdk.parseStack({ stack: err.stack, name: err.name, message: err.message }))
  assert.ok(sdk.parseStack(err.stack).length > 0)
  for (const hostile of [null, undefined, 42, {}, { get stack() { throw new Error('no') } }, new Proxy({}, { get() { throw new Error('no') } })]) {
    assert.deepEqual(sdk.parseStack(hostile), [])
  }
})

test('parseStack gives exactly the frames of the event captured for the same error, for every corpus stack', async () => {
  const sdk = await import(path.join(HERE, '../../pkg/node.js'))
  const receiver = await startReceiver()
  try {
    // Dedupe would rightly drop a corpus stack equal to the one before it; this test is about frames.
    sdk.init({ dsn: receiver.dsn, integrations: (defaults) => defaults.filter((i) => i.name !== 'Dedupe') })
    // Before the wasm is ready the shim buffers a bounded number of calls; wait for it.
    assert.equal(await sdk.ready(), true)
    // In batches: the transport's queue holds 30 envelopes and counts the rest as dropped.
    const ids = []
    for (let i = 0; i < corpus.length; i += 20) {
      for (const c of corpus.slice(i, i + 20)) {
        const err = new Error(c.message)
        Object.defineProperty(err, 'name', { value: c.name })
        Object.defineProperty(err, 'stack', { value: c.stack })
        ids.push(sdk.captureException(err))
      }
      assert.equal(await sdk.flush(10000), true)
    }
    assert.equal(await sdk.flush(20000), true)
    const events = new Map(receiver.events().map((e) => [e.event_id, e]))
    corpus.forEach((c, i) => {
      const event = events.get(ids[i])
      assert.ok(event, `the event of ${c.file} arrived`)
      const frames = event.exception.values[0].stacktrace?.frames ?? []
      assert.deepEqual(frames, sdk.parseStack(c), c.file)
    })
    assertValidByRelay([...events.values()], 'corpus-events')
  } finally {
    await sdk.close(1000)
    await receiver.close()
  }
})

forEachBrowser((name, launch, test) => {
  test(`browser entry in headless ${name[0].toUpperCase() + name.slice(1)}: parseStack matches the corpus`, async () => {
    const site = await startStatic()
    const browser = await launch()
    try {
      const page = await browser.newPage()
      await page.goto(`${site.url}/fixtures/blank.html`)
      const results = await page.evaluate(async (cases) => {
        const sdk = await import('/pkg/index.js')
        await sdk.ready()
        await sdk.ready()
        return cases.map((c) => sdk.parseStack(c))
      }, inputs)
      assertAllExact(results)
      // The parser is not in the pages' wasm: ready() fetched it, once.
      for (const f of ['/pkg/parse.js', '/pkg/wasm_sentry_demangle.wasm']) assert.equal(site.requests.filter((p) => p === f).length, 1, f)
    } finally {
      await browser.close()
      await site.close()
    }
  })
})

test('worker entry in workerd: parseStack matches the corpus', async () => {
  const workerd = await startWorkerd({ worker: path.join(HERE, '../workers/parse.mjs') })
  try {
    const res = await fetch(workerd.url, { method: 'POST', body: JSON.stringify(inputs) })
    assert.equal(res.status, 200, workerd.log())
    assertAllExact(await res.json())
  } finally {
    await workerd.close()
  }
})
