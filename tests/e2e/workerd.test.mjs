// The `./worker` entry in real workerd: `withSentry` and Durable Objects,
// each trigger (fetch, scheduled, queue), the request and `cf` contexts,
// privacy, and per-request isolation under 200 interleaved requests.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { startReceiver } from '../support/receiver.mjs'
import { startWorkerd } from '../support/workerd.mjs'
import { assertValidByRelay } from '../support/relay.mjs'

const HERE = path.dirname(new URL(import.meta.url).pathname)
const WORKER = path.join(HERE, '../workers/sentry.mjs')
const CF = { colo: 'AMS', country: 'NL', continent: 'EU', timezone: 'Europe/Amsterdam', asn: 64500, city: 'Amsterdam', latitude: '52.37', longitude: '4.89' }

let receiver, workerd
const seen = new Set() // events already claimed by a test

before(async () => {
  receiver = await startReceiver()
  workerd = await startWorkerd({
    worker: WORKER,
    bindings: { SENTRY_DSN: receiver.dsn },
    flags: ['nodejs_als'],
    durableObjects: ['CounterObject'],
    driver: path.join(HERE, '../workers/driver.mjs'),
  })
})

after(async () => {
  await workerd?.close()
  await receiver?.close()
})

/** The first `n` events not yet claimed that match `pred`, waiting for them to arrive. */
async function eventsWhere(pred, n = 1, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const found = receiver.events().filter((e) => !seen.has(e) && pred(e))
    if (found.length >= n) {
      found.slice(0, n).forEach((e) => seen.add(e))
      return found.slice(0, n)
    }
    if (Date.now() > deadline) throw new Error(`expected ${n} matching event(s), got ${found.length}\n${workerd.log()}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

const exceptionOf = (e) => e.exception?.values?.at(-1)
const tags = (e) => e.tags || {}
const header = (e, name) => Object.entries(e.request?.headers || {}).find(([k]) => k.toLowerCase() === name)?.[1]

test('an error thrown by fetch is captured with its request and cf contexts, and rethrown', async () => {
  const res = await fetch(`${workerd.url}/throw?q=1&token=secret`, {
    headers: {
      'cf-blob': JSON.stringify(CF),
      cookie: 'session=abc',
      authorization: 'Bearer xyz',
      'cf-connecting-ip': '203.0.113.7',
      'x-trace': 'kept',
    },
  })
  assert.equal(res.status, 500, 'the platform still sees the exception')
  const [event] = await eventsWhere((e) => exceptionOf(e)?.value === 'lookup failed for user-42')
  const ex = exceptionOf(event)
  assert.equal(ex.type, 'Error')
  assert.deepEqual(ex.mechanism, { type: 'cloudflare', handled: false })
  const top = ex.stacktrace.frames.at(-1)
  assert.equal(top.function, 'failingLookup')
  assert.match(top.abs_path, /main$/)
  assert.equal(top.in_app, true)
  // Below the handler, withSentry's own frames: there, but not the app's.
  const sdkFrames = ex.stacktrace.frames.filter((f) => f.abs_path?.startsWith('wasm-sentry/'))
  assert.ok(sdkFrames.length >= 1, JSON.stringify(ex.stacktrace.frames))
  assert.ok(sdkFrames.every((f) => f.in_app === false))
  assert.ok(ex.stacktrace.frames.filter((f) => f.abs_path === 'main').every((f) => f.in_app === true))
  assert.equal(event.level, 'error')
  assert.equal(event.environment, 'workerd-test')
  assert.equal(event.release, 'worker@1.0.0')
  assert.equal(tags(event).route, 'throw')
  assert.deepEqual(event.breadcrumbs.values.map((b) => b.message), ['about to throw'])
  // The request, under the browser's privacy rules: no cookies, auth or IP without sendDefaultPii.
  assert.equal(event.request.method, 'GET')
  assert.equal(event.request.url, `${workerd.url}/throw?q=1&token=[Filtered]`)
  assert.equal(header(event, 'cookie'), '[Filtered]')
  assert.equal(header(event, 'authorization'), '[Filtered]')
  assert.equal(header(event, 'cf-connecting-ip'), '[Filtered]')
  assert.equal(header(event, 'x-trace'), 'kept')
  assert.equal(header(event, 'cf-blob'), undefined, 'workerd consumed it')
  // cf: the colo and country; the location only with sendDefaultPii.
  const cf = event.contexts.cloudflare
  assert.equal(cf.trigger, 'fetch')
  assert.equal(cf.colo, 'AMS')
  assert.equal(cf.country, 'NL')
  assert.equal(cf.asn, 64500)
  assert.equal(cf.latitude, undefined)
  assert.equal(cf.city, undefined)
  assert.equal(event.contexts.runtime.name, 'cloudflare')
  assert.equal(event.contexts.culture.timezone, 'Europe/Amsterdam')
  assert.equal(event.contexts.cloud_resource['cloud.provider'], 'cloudflare')
  assertValidByRelay([event], 'workerd-fetch-throw')
})

test('a promise rejected by fetch is captured and rethrown', async () => {
  const res = await fetch(`${workerd.url}/reject`)
  assert.equal(res.status, 500)
  const [event] = await eventsWhere((e) => exceptionOf(e)?.value === 'rejected from fetch')
  assert.equal(exceptionOf(event).type, 'TypeError')
  assert.deepEqual(exceptionOf(event).mechanism, { type: 'cloudflare', handled: false })
  assert.equal(event.request.url, `${workerd.url}/reject`)
  assertValidByRelay([event], 'workerd-fetch-reject')
})

test('captureMessage in a handler that returns 200, with the scope set in the handler', async () => {
  const res = await fetch(`${workerd.url}/message`)
  assert.equal(res.status, 200)
  const { id } = await res.json()
  const [event] = await eventsWhere((e) => e.event_id === id)
  assert.equal(event.logentry.message, 'handled in a worker')
  assert.equal(event.level, 'warning')
  assert.equal(tags(event).route, 'message')
  assert.equal(event.user.id, 'u-1')
  // attachStacktrace is on by default, as in the peer 11: the call site, the app's handler newest.
  const ex = event.exception.values[0]
  assert.deepEqual([ex.mechanism.synthetic, ex.stacktrace.frames.at(-1).filename, ex.stacktrace.frames.at(-1).in_app], [true, 'main', true])
  assertValidByRelay([event], 'workerd-message')
})

test('captureException inside withScope in a request keeps both scopes', async () => {
  assert.equal((await fetch(`${workerd.url}/caught`)).status, 200)
  const [event] = await eventsWhere((e) => exceptionOf(e)?.value === 'lookup failed for caught')
  assert.deepEqual(exceptionOf(event).mechanism, { type: 'generic', handled: true })
  assert.equal(tags(event).inner, 'yes')
  assertValidByRelay([event], 'workerd-caught')
})

test('a scheduled run that throws is captured with its cron', async () => {
  const res = await fetch(`${workerd.driverUrl}/scheduled`)
  const outcome = await res.json()
  assert.equal(outcome.outcome, 'exception', 'the platform still sees the failure')
  const [event] = await eventsWhere((e) => exceptionOf(e)?.value === 'scheduled job failed (*/5 * * * *)')
  assert.deepEqual(exceptionOf(event).mechanism, { type: 'cloudflare', handled: false })
  assert.equal(event.contexts.cloudflare.trigger, 'scheduled')
  assert.equal(event.contexts.cloudflare.cron, '*/5 * * * *')
  assert.equal(tags(event).job, 'nightly')
  assert.equal(event.request, undefined)
  assertValidByRelay([event], 'workerd-scheduled')
})

test('a queue handler captures per message', async () => {
  const res = await fetch(`${workerd.driverUrl}/queue`)
  assert.equal((await res.json()).outcome, 'ok')
  const events = await eventsWhere((e) => /^queued \d$/.test(e.logentry?.message), 2)
  assert.deepEqual(events.map((e) => e.logentry.message).sort(), ['queued 1', 'queued 2'])
  for (const e of events) {
    assert.equal(e.contexts.cloudflare.trigger, 'queue')
    assert.equal(e.contexts.cloudflare.queue, 'jobs')
  }
  assertValidByRelay(events, 'workerd-queue')
})

test('a Durable Object wrapped by instrumentDurableObjectWithSentry reports its errors', async () => {
  assert.equal((await fetch(`${workerd.url}/do/ok`)).status, 200)
  assert.equal((await fetch(`${workerd.url}/do/throw`)).status, 500)
  const [event] = await eventsWhere((e) => exceptionOf(e)?.value === 'counter overflow')
  assert.equal(exceptionOf(event).type, 'RangeError')
  assert.deepEqual(exceptionOf(event).mechanism, { type: 'cloudflare', handled: false })
  assert.equal(event.contexts.cloudflare.trigger, 'durable_object')
  assert.equal(tags(event).object, 'counter')
  assert.match(event.request.url, /\/do\/throw$/)
  assertValidByRelay([event], 'workerd-durable-object')
})

test('a Durable Object alarm that throws is reported', async () => {
  assert.equal((await fetch(`${workerd.url}/do/alarm`)).status, 200)
  const [event] = await eventsWhere((e) => exceptionOf(e)?.value === 'alarm went off badly')
  assert.deepEqual(exceptionOf(event).mechanism, { type: 'cloudflare', handled: false })
  assert.equal(event.contexts.cloudflare.trigger, 'durable_object')
  assert.equal(event.contexts.cloudflare.method, 'alarm')
  assert.equal(tags(event).object, 'counter-alarm')
  assert.equal(event.request, undefined)
  // workerd retries an alarm that threw; the wrapper passes the alarm's info on (the retry reports and returns).
  const [retry] = await eventsWhere((e) => e.logentry?.message === 'alarm retried 1')
  assert.equal(tags(retry).object, 'counter-alarm')
  assert.equal(retry.contexts.cloudflare.method, 'alarm')
  assertValidByRelay([event, retry], 'workerd-durable-object-alarm')
})

test('a Durable Object WebSocket message handler that throws is reported', async () => {
  const res = await fetch(`${workerd.driverUrl}/ws`)
  assert.deepEqual(await res.json(), { status: 101, received: ['echo hello'] })
  const [event] = await eventsWhere((e) => exceptionOf(e)?.value === 'bad message: boom')
  assert.equal(exceptionOf(event).type, 'TypeError')
  assert.deepEqual(exceptionOf(event).mechanism, { type: 'cloudflare', handled: false })
  assert.equal(event.contexts.cloudflare.trigger, 'durable_object')
  assert.equal(event.contexts.cloudflare.method, 'webSocketMessage')
  assert.equal(tags(event).object, 'counter-ws')
  assertValidByRelay([event], 'workerd-durable-object-websocket')
})

test('200 concurrent interleaved requests: zero leaks between scopes, zero lost events', async () => {
  const N = 200
  const ids = await Promise.all(
    Array.from({ length: N }, async (_, n) => {
      const res = await fetch(`${workerd.url}/tagged?n=${n}`)
      assert.equal(res.status, 200)
      return [n, (await res.json()).id]
    }),
  )
  const events = await eventsWhere((e) => /^request \d+$/.test(e.logentry?.message), N, 30000)
  const byId = new Map(events.map((e) => [e.event_id, e]))
  let leaks = 0
  for (const [n, id] of ids) {
    const e = byId.get(id)
    assert.ok(e, `the event of request ${n} arrived`)
    const want = String(n)
    const ok =
      e.logentry.message === `request ${n}` &&
      tags(e).req === want &&
      e.user?.id === `user-${n}` &&
      e.extra?.n === want &&
      JSON.stringify(e.breadcrumbs.values.map((b) => b.message)) === JSON.stringify([`first step of ${n}`, `second step of ${n}`]) &&
      e.request.url === `${workerd.url}/tagged?n=${n}`
    if (!ok) leaks++
  }
  assert.equal(leaks, 0, 'every event carries only its own request’s scope')
  assert.equal(new Set(events.map((e) => e.event_id)).size, N, 'no event lost or doubled')
  // Nothing of any request reached the global scope.
  const res = await fetch(`${workerd.url}/message`)
  const { id } = await res.json()
  const [after] = await eventsWhere((e) => e.event_id === id)
  assert.equal(tags(after).req, undefined)
  assert.deepEqual(after.breadcrumbs?.values ?? [], [])
  assertValidByRelay(events, 'workerd-isolation')
})

test('the response never waits for Sentry: it arrives while the envelope is unanswered', async () => {
  receiver.setMode('hang')
  try {
    const before = receiver.requests()
    const res = await fetch(`${workerd.url}/message`)
    assert.equal(res.status, 200)
    const { id } = await res.json()
    assert.match(id, /^[0-9a-f]{32}$/)
    // The envelope reaches the receiver, which holds it without answering.
    const deadline = Date.now() + 10000
    while (receiver.requests() === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    assert.ok(receiver.requests() > before, 'the event was sent, through waitUntil')
  } finally {
    receiver.setMode('ok')
  }
})

test('rate limits hold a worker\'s events back, and the drops are reported as client reports', async () => {
  // A 1 s limit on errors, from a 429 with X-Sentry-Rate-Limits (the receiver still records what it refuses).
  receiver.setMode({ status: 429, headers: { 'x-sentry-rate-limits': '1:error:organization', 'retry-after': '1' } })
  const sentBefore = receiver.envelopes.length
  // Distinct messages, so that dedupe keeps out of the way.
  const message = async (n) => (await (await fetch(`${workerd.url}/tagged?n=rl-${n}`)).json()).id
  const first = await message(0)
  await eventsWhere((e) => e.event_id === first)
  receiver.setMode('ok')
  const limited = []
  for (let i = 1; i <= 3; i++) limited.push(await message(i))
  await new Promise((r) => setTimeout(r, 1200))
  const after = await message(4)
  const [event] = await eventsWhere((e) => e.event_id === after)
  assert.equal(event.logentry.message, 'request rl-4', 'the limit expired')
  const ids = new Set(receiver.events().map((e) => e.event_id))
  assert.deepEqual(limited.filter((id) => ids.has(id)), [], 'nothing of a limited category was sent')
  const reports = receiver.envelopes.slice(sentBefore).flatMap((e) => e.envelope.items.filter((i) => i.header.type === 'client_report').map((i) => i.payload))
  const dropped = reports.flatMap((r) => r.discarded_events || []).filter((d) => d.reason === 'ratelimit_backoff' && d.category === 'error')
  assert.equal(dropped.reduce((n, d) => n + d.quantity, 0), 3, `client reports: ${JSON.stringify(reports)}`)
})

test('without AsyncLocalStorage (no flag), what withSentry captures still carries its request', async () => {
  const plain = await startWorkerd({ worker: WORKER, bindings: { SENTRY_DSN: receiver.dsn }, durableObjects: ['CounterObject'] })
  try {
    assert.equal((await fetch(`${plain.url}/throw`, { headers: { 'cf-blob': JSON.stringify(CF) } })).status, 500)
    const [event] = await eventsWhere((e) => exceptionOf(e)?.value === 'lookup failed for user-42')
    assert.equal(tags(event).route, 'throw')
    assert.equal(event.request.url, `${plain.url}/throw`)
    assert.equal(event.contexts.cloudflare.colo, 'AMS')
    assertValidByRelay([event], 'workerd-no-als')
  } finally {
    await plain.close()
  }
})

test('the plain ./worker entry: init and captureMessage without withSentry', async () => {
  const hello = await startWorkerd({ worker: path.join(HERE, '../workers/hello.mjs'), bindings: { SENTRY_DSN: receiver.dsn } })
  try {
    const res = await fetch(hello.url)
    const body = await res.json().catch(() => null)
    assert.equal(res.status, 200, hello.log())
    assert.equal(body.flushed, true)
    assert.match(body.id, /^[0-9a-f]{32}$/)
    const [event] = await eventsWhere((e) => e.event_id === body.id)
    assert.equal(event.logentry.message, 'hello from workerd')
    assert.equal(event.environment, 'workerd')
    assertValidByRelay([event], 'workerd-hello')
  } finally {
    await hello.close()
  }
})
