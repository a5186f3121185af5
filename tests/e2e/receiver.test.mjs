// The local receiver behaves as a Sentry endpoint would for the SDK: it
// checks the key, answers CORS preflight, records envelopes raw, and can be
// told to answer 429 with rate-limit headers, 500, or not at all.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { startReceiver, parseEnvelope } from '../support/receiver.mjs'

const payload = '{"a":"é 😀"}'
const body = `{"event_id":"0123456789abcdef0123456789abcdef"}\n{"type":"event","length":${Buffer.byteLength(payload)}}\n${payload}\n`

test('accepts an envelope with the right key and records it raw', async () => {
  const r = await startReceiver()
  try {
    const url = `${r.url}/api/42/envelope/?sentry_key=${encodeURIComponent(new URL(r.dsn).username)}&sentry_version=7`
    const res = await fetch(url, { method: 'POST', body })
    assert.equal(res.status, 200)
    assert.equal(res.headers.get('access-control-allow-origin'), '*')
    assert.equal(r.envelopes.length, 1)
    assert.equal(r.envelopes[0].raw.toString('utf8'), body)
    assert.deepEqual(r.events(), [{ a: 'é 😀' }])
  } finally {
    await r.close()
  }
})

test('refuses a wrong key or path, and answers CORS preflight', async () => {
  const r = await startReceiver()
  try {
    assert.equal((await fetch(`${r.url}/api/42/envelope/?sentry_key=wrong`, { method: 'POST', body })).status, 401)
    assert.equal((await fetch(`${r.url}/api/43/envelope/?sentry_key=${new URL(r.dsn).username}`, { method: 'POST', body })).status, 404)
    const pre = await fetch(`${r.url}/api/42/envelope/`, { method: 'OPTIONS' })
    assert.equal(pre.status, 204)
    assert.match(pre.headers.get('access-control-allow-headers'), /x-sentry-auth/)
    assert.equal(r.envelopes.length, 0)
    assert.equal(r.rejected.length, 2)
  } finally {
    await r.close()
  }
})

test('can answer 429 with rate-limit headers, 500, or hang', async () => {
  const r = await startReceiver()
  const url = `${r.url}/api/42/envelope/?sentry_key=${new URL(r.dsn).username}`
  try {
    r.setMode({ status: 429, headers: { 'retry-after': '60', 'x-sentry-rate-limits': '60:error;transaction:organization' } })
    const limited = await fetch(url, { method: 'POST', body })
    assert.equal(limited.status, 429)
    assert.equal(limited.headers.get('x-sentry-rate-limits'), '60:error;transaction:organization')
    assert.equal(limited.headers.get('retry-after'), '60')
    r.setMode({ status: 500 })
    assert.equal((await fetch(url, { method: 'POST', body })).status, 500)
    r.setMode('hang')
    const hung = await Promise.race([fetch(url, { method: 'POST', body }).then(() => 'answered', () => 'failed'), new Promise((res) => setTimeout(() => res('hanging'), 500))])
    assert.equal(hung, 'hanging')
  } finally {
    await r.close()
  }
})

test('parses items by their byte length, newlines inside payloads included', () => {
  const attachment = 'line 1\nlíne 2\n'
  const raw = `{}\n{"type":"attachment","length":${Buffer.byteLength(attachment)}}\n${attachment}\n{"type":"event"}\n{"b":1}\n`
  const env = parseEnvelope(Buffer.from(raw))
  assert.deepEqual(env.items.map((i) => i.payload), [attachment, { b: 1 }])
})
