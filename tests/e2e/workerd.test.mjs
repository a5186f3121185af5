// The `./worker` entry loads in real workerd, with the wasm imported as a
// module, and an event captured there reaches the receiver.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { startReceiver } from '../support/receiver.mjs'
import { startWorkerd } from '../support/workerd.mjs'
import { assertValidByRelay } from '../support/relay.mjs'

const HERE = path.dirname(new URL(import.meta.url).pathname)

test('the worker entry loads in workerd and its event arrives', async () => {
  const receiver = await startReceiver()
  const workerd = await startWorkerd({ worker: path.join(HERE, '../workers/hello.mjs'), bindings: { SENTRY_DSN: receiver.dsn } })
  try {
    const res = await fetch(workerd.url)
    const body = await res.json().catch(() => null)
    assert.equal(res.status, 200, workerd.log())
    assert.equal(body.flushed, true)
    assert.match(body.id, /^[0-9a-f]{32}$/)
    const [event] = await receiver.waitForEvents(1)
    assert.equal(event.event_id, body.id)
    assert.equal(event.logentry.message, 'hello from workerd')
    assert.equal(event.environment, 'workerd')
    assertValidByRelay([event], 'workerd-hello')
  } finally {
    await workerd.close()
    await receiver.close()
  }
})
