// The peer's integration API as a migrating app uses it, in real headless
// Chromium and Firefox: the default list, integrations added after `init`
// and found by name, `isEnabled`, `SDK_VERSION`, `sendFeedback`, and
// `rewriteFramesIntegration`. Every event is validated by Relay.
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { browserFixture, forEachBrowser, openApiPage, eventsOf as eventsOfPage } from '../support/browsers.mjs'
import { assertValidByRelay } from '../support/relay.mjs'
import { getDefaultIntegrations } from '../../pkg/node.js'

const require = createRequire(import.meta.url)

forEachBrowser((name, launch, test) => {
  let receiver, site, browser

  browserFixture(launch, (fx) => ({ receiver, site, browser } = fx))
  const openPage = (...args) => openApiPage({ browser, site, receiver }, ...args)

  const eventsOf = (...args) => eventsOfPage(receiver, ...args)

  test('getDefaultIntegrations: the peer\'s defaults by name, and what init starts with', async () => {
    // The peer's list, but for ConversationId (it names AI conversations on spans; there is no tracing here).
    const peer = require('@sentry/browser').getDefaultIntegrations({}).map((i) => i.name).filter((n) => n !== 'ConversationId')
    assert.deepEqual(getDefaultIntegrations().map((i) => i.name).sort(), peer.sort())
    // The usual way to drop one: the defaults, filtered. Without Breadcrumbs, a click leaves no crumb.
    const page = await openPage(`{ defaultIntegrations: false, integrations: window.Sentry.getDefaultIntegrations({}).filter((i) => i.name !== 'Breadcrumbs') }`)
    const [event] = await eventsOf(page, () => {
      document.getElementById('btn').click()
      console.log('still recorded: the Console integration is its own')
      window.Sentry.captureMessage('after a click')
    }, null, { expect: 1 })
    const crumbs = event.breadcrumbs?.values || []
    assert.deepEqual(crumbs.map((c) => c.category), ['console'])
    assertValidByRelay([event], `${name}-integrations-defaults`)
    await page.close()
  })

  test('addIntegration after init: its setup runs and its processEvent sees every event from then on; getIntegrationByName finds it', async () => {
    const page = await openPage(`{ release: 'r@1' }`)
    const events = await eventsOf(page, async () => {
      const S = window.Sentry
      S.captureMessage('before it was added')
      await S.flush(5000)
      const calls = []
      const mine = {
        name: 'Tenant',
        setupOnce() { calls.push('setupOnce') },
        setup(client) { calls.push(`setup ${client.getOptions().release}`) },
        processEvent(event, hint) {
          event.tags = { ...event.tags, tenant: 'acme', original: String(hint.originalException) }
          return event
        },
      }
      // One that cannot be read comes first: it is skipped, never thrown into the app.
      S.addIntegration(new Proxy({}, { get() { throw new Error('trap') } }))
      S.addIntegration(mine)
      S.captureException(new Error('after it was added'))
      window.found = [
        S.getClient().getIntegrationByName('Tenant') === mine,
        S.getClient().getIntegrationByName('Dedupe')?.name,
        S.getClient().getIntegrationByName('Replay'),
        calls,
      ]
    }, null, { expect: 2 })
    const [found, dedupe, replay, calls] = await page.evaluate(() => window.found)
    assert.equal(found, true)
    assert.equal(dedupe, 'Dedupe')
    assert.ok(replay == null, 'an integration init did not start is not found')
    assert.deepEqual(calls, ['setupOnce', 'setup r@1'])
    const before = events.find((e) => e.logentry)
    const after = events.find((e) => !e.logentry)
    assert.equal(before.tags?.tenant, undefined)
    assert.deepEqual([after.tags.tenant, after.tags.original], ['acme', 'Error: after it was added'])
    assertValidByRelay(events, `${name}-integrations-added`)
    await page.close()
  })

  test('isEnabled, SDK_VERSION and WINDOW as the peer\'s', async () => {
    const page = await openPage('{}')
    const [event] = await eventsOf(page, () => {
      window.state = { enabled: window.Sentry.isEnabled(), version: window.Sentry.SDK_VERSION, window: window.Sentry.WINDOW === window }
      window.Sentry.captureMessage('which version')
    }, null, { expect: 1 })
    const state = await page.evaluate(() => window.state)
    assert.deepEqual(state, { enabled: true, version: event.sdk.version, window: true })
    assert.equal(await page.evaluate(async () => (await window.Sentry.close(2000), window.Sentry.isEnabled())), false)
    await page.close()
  })

  test('sendFeedback: feedback from the app\'s form, the page\'s URL and source "api" by default, its id once sent; the peer\'s errors', async () => {
    const blank = await browser.newPage()
    await blank.goto(`${site.url}/fixtures/api.html`)
    await blank.waitForFunction(() => window.fixtureReady)
    // Before init, as the peer's: it throws.
    assert.equal(await blank.evaluate(() => { try { window.Sentry.sendFeedback({ message: 'x' }) } catch (e) { return e.message } }), 'No client setup, cannot send feedback.')
    await blank.close()
    const page = await openPage('{ sampleRate: 0, beforeSend: () => null }')
    const before = receiver.feedback().length
    const [id, empty, reworded] = await page.evaluate(async () => {
      const S = window.Sentry
      const message = (f) => { try { f() } catch (e) { return e.message } }
      const id = await S.sendFeedback({ message: 'Checkout is slow', name: 'Ada', email: 'ada@example.com', tags: { step: 'pay' } })
      return [id, message(() => S.sendFeedback({ message: '' })), message(() => S.sendFeedback({}, { errorMessages: { ERROR_EMPTY_MESSAGE: 'Please write something' } }))]
    })
    assert.deepEqual([empty, reworded], ['Unable to submit feedback with empty message', 'Please write something'])
    const [item] = receiver.feedback().slice(before)
    assert.ok(item, 'the feedback arrived before sendFeedback resolved')
    assert.equal(item.event_id, id)
    assert.deepEqual(item.contexts.feedback, { contact_email: 'ada@example.com', name: 'Ada', message: 'Checkout is slow', url: `${site.url}/fixtures/api.html`, source: 'api' })
    assert.deepEqual(item.tags, { step: 'pay' })
    // As the peer's, the tags were also set on the current scope.
    const [later] = await eventsOf(page, () => window.Sentry.captureFeedback({ message: 'again' }), null, {})
    assert.equal(later, undefined, 'feedback is no event')
    assert.deepEqual(receiver.feedback().at(-1).tags, { step: 'pay' })
    assertValidByRelay([item], `${name}-integrations-send-feedback`)
    await page.close()
  })

  test('sendFeedback rejects as the peer\'s when Sentry refuses the feedback (403: the domain is not allowed) or does not take it', async () => {
    const page = await openPage('{}')
    try {
      receiver.setMode({ status: 403 })
      const forbidden = await page.evaluate(() => window.Sentry.sendFeedback({ message: 'from a domain Sentry does not allow' }).then(() => 'resolved', (e) => e.message))
      assert.equal(forbidden, 'Unable to send feedback. This could be because this domain is not in your list of allowed domains.')
      // A server error (after the transport's retries), and the app's own wording.
      receiver.setMode({ status: 500 })
      const failed = await page.evaluate(() => window.Sentry.sendFeedback({ message: 'while Sentry is down' }, { errorMessages: { ERROR_GENERIC: 'Try again later' } }).then(() => 'resolved', (e) => e.message))
      assert.equal(failed, 'Try again later')
      receiver.setMode('ok')
      assert.match(await page.evaluate(() => window.Sentry.sendFeedback({ message: 'now it works' })), /^[0-9a-f]{32}$/)
    } finally {
      receiver.setMode('ok')
    }
    await page.close()
  })

  test('rewriteFramesIntegration: locations under root get the prefix (filename and abs_path), others stay; an iteratee rewrites as it likes', async () => {
    // As the peer's, `root` is replaced as given: with its slash, the prefix's three stay three.
    const root = `${site.url}/fixtures/lib/`
    const page = await openPage(`{ integrations: (d) => [...d, window.Sentry.rewriteFramesIntegration({ root: '${root}' })] }`)
    const [event] = await eventsOf(page, async () => {
      const m = await import('/fixtures/lib/thrower.js')
      try {
        m.fail('rewritten')
      } catch (e) {
        window.Sentry.captureException(e)
      }
    }, null, { expect: 1 })
    const frames = event.exception.values.at(-1).stacktrace.frames
    const newest = frames.at(-1)
    assert.match(newest.function, /fail$/)
    assert.deepEqual([newest.filename, newest.abs_path, newest.lineno], ['app:///thrower.js', 'app:///thrower.js', 3])
    // The page's own frames (page.evaluate's code) are not under root: as the SDK made them.
    for (const f of frames.slice(0, -1)) assert.ok(!String(f.abs_path || '').startsWith('app:'), JSON.stringify(f))
    assertValidByRelay([event], `${name}-integrations-rewrite-frames`)
    await page.close()

    const custom = await openPage(`{ integrations: (d) => [...d, window.Sentry.rewriteFramesIntegration({
      iteratee: (frame) => {
        if (frame.filename && frame.filename.includes('/fixtures/lib/')) frame.filename = frame.filename.replace(/^https?:\\/\\/[^/]+/, 'https://cdn.example.com')
        if (!frame.filename || !frame.filename.includes('/fixtures/lib/')) throw new Error('a broken iteratee')
        return frame
      },
    })] }`)
    const [other] = await eventsOf(custom, async () => {
      const m = await import('/fixtures/lib/thrower.js')
      try {
        m.fail('custom')
      } catch (e) {
        window.Sentry.captureException(e)
      }
    }, null, { expect: 1 })
    const top = other.exception.values.at(-1).stacktrace.frames.at(-1)
    assert.deepEqual([top.filename, top.abs_path], ['https://cdn.example.com/fixtures/lib/thrower.js', 'https://cdn.example.com/fixtures/lib/thrower.js'])
    // The frames it threw on stay as the SDK made them, and the event still came.
    for (const f of other.exception.values.at(-1).stacktrace.frames.slice(0, -1)) assert.ok(!String(f.abs_path || '').includes('cdn.example.com'), JSON.stringify(f))
    assertValidByRelay([other], `${name}-integrations-rewrite-frames-iteratee`)
    await custom.close()
  })

  test('httpClientIntegration: failing fetch and XHR responses become events as the peer\'s, with the request scrubbed; other statuses and targets do not', async () => {
    site.fail('/api/orders', 503)
    site.fail('/api/missing', 'missing')
    try {
      const page = await openPage(`{ integrations: (d) => [...d, window.Sentry.httpClientIntegration()] }`)
      const events = await eventsOf(page, async () => {
        async function placeOrder() {
          return fetch('/api/orders?token=s3cr3t&page=2', { method: 'post', body: 'x' })
        }
        await placeOrder()
        await fetch('/api/missing')
        await new Promise((resolve) => {
          const x = new XMLHttpRequest()
          x.open('put', '/api/orders')
          x.onloadend = resolve
          x.send('y')
        })
      }, null, { expect: 2 })
      assert.equal(events.length, 2, 'the 404 is not in the default range')
      const byType = Object.fromEntries(events.map((e) => [e.exception.values.at(-1).mechanism.type, e]))
      const viaFetch = byType['auto.http.client.fetch']
      const viaXhr = byType['auto.http.client.xhr']
      for (const [event, method, url] of [[viaFetch, 'POST', `${site.url}/api/orders?token=[Filtered]&page=2`], [viaXhr, 'PUT', `${site.url}/api/orders`]]) {
        const ex = event.exception.values.at(-1)
        assert.deepEqual([ex.type, ex.value, ex.mechanism.handled, event.level], ['Error', 'HTTP Client Error with status code: 503', false, 'error'])
        assert.deepEqual([event.request.url, event.request.method], [url, method])
        assert.equal(event.contexts.response.status_code, 503)
        assert.equal(event.contexts.response.headers['x-request-id'], 'req-7')
        assert.equal(event.contexts.response.body_size, 4)
      }
      // The frames say where the app sent the request.
      assert.ok(viaFetch.exception.values.at(-1).stacktrace.frames.some((f) => /placeOrder/.test(f.function || '')), JSON.stringify(viaFetch.exception.values.at(-1).stacktrace.frames))
      assertValidByRelay(events, `${name}-integrations-http-client`)
      await page.close()

      // The peer's options: only these statuses, only these targets.
      const narrow = await openPage(`{ integrations: (d) => [...d, window.Sentry.httpClientIntegration({ failedRequestStatusCodes: [404, [500, 502]], failedRequestTargets: ['/api/missing'] })] }`)
      const only = await eventsOf(narrow, async () => {
        await fetch('/api/orders')
        await fetch('/api/missing?x=1')
      }, null, { expect: 1 })
      assert.deepEqual(only.map((e) => [e.exception.values.at(-1).value, e.request.url]), [['HTTP Client Error with status code: 404', `${site.url}/api/missing?x=1`]])
      assertValidByRelay(only, `${name}-integrations-http-client-options`)
      await narrow.close()
    } finally {
      site.fail('/api/orders')
      site.fail('/api/missing')
    }
  })

  test('lazyLoadIntegration gives an optional integration\'s factory by name, as the peer\'s; an unknown name rejects', async () => {
    const page = await openPage(`{ release: 'r@1' }`)
    site.fail('/api/lazy', 500)
    try {
      const [events, unknown] = await Promise.all([
        eventsOf(page, async () => {
          const S = window.Sentry
          S.addIntegration((await S.lazyLoadIntegration('httpClientIntegration'))())
          window.same = (await S.lazyLoadIntegration('extraErrorDataIntegration')) === S.extraErrorDataIntegration
          await fetch('/api/lazy')
        }, null, { expect: 1 }),
        page.evaluate(() => window.Sentry.lazyLoadIntegration('graphqlClientIntegration').then(() => 'loaded', (e) => e.message)),
      ])
      assert.equal(unknown, 'Cannot lazy load integration: graphqlClientIntegration')
      assert.equal(await page.evaluate(() => window.same), true)
      assert.deepEqual(events.map((e) => e.exception.values.at(-1).value), ['HTTP Client Error with status code: 500'])
      assertValidByRelay(events, `${name}-integrations-lazy-load`)
    } finally {
      site.fail('/api/lazy')
    }
    await page.close()
  })

  test('diagnoseSdkConnectivity: no client, no DSN, unreachable, and reachable, as the peer\'s', async () => {
    const blank = await browser.newPage()
    await blank.goto(`${site.url}/fixtures/api.html`)
    await blank.waitForFunction(() => window.fixtureReady)
    const none = await blank.evaluate(() => window.Sentry.diagnoseSdkConnectivity())
    const noDsn = await blank.evaluate(() => (window.Sentry.init({ debug: false }), window.Sentry.diagnoseSdkConnectivity()))
    await blank.close()
    assert.deepEqual([none, noDsn], ['no-client-active', 'no-dsn-configured'])
    const page = await openPage('{}')
    assert.equal(await page.evaluate(() => window.Sentry.diagnoseSdkConnectivity()), undefined, 'the receiver answered')
    await page.close()
    // A tunnel nobody listens on: the request fails.
    const down = await openPage(`{ tunnel: 'http://127.0.0.1:9/tunnel' }`)
    assert.equal(await down.evaluate(() => window.Sentry.diagnoseSdkConnectivity()), 'sentry-unreachable')
    await down.close()
  })
})
