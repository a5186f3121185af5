// Release health in real headless Chromium and Firefox, as a user of
// @sentry/browser's default BrowserSession integration sees it in Sentry: a
// page with a release sends its session once it is idle, then only when
// something Sentry counts changed (the first error, the first unhandled one,
// the user), and a route change ends one session and starts the next.
// Sessions are not events, and Relay's normaliser (the `sentry-relay`
// package) has no session entry point: the session JSON is checked here
// against the fields Relay's `SessionUpdate` reads, and in the host tests
// (src/core/session.rs) by Sentry's own Rust types. Every event is validated by Relay.
import assert from 'node:assert/strict'
import { browserFixture, forEachBrowser, openApiPage } from '../support/browsers.mjs'
import { assertValidByRelay } from '../support/relay.mjs'

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
// Sessions sent at once travel as separate requests and may arrive in any order: compared as a bag.
const bag = (list) => list.map((x) => JSON.stringify(x)).sort()
const STATUSES = ['ok', 'exited', 'crashed', 'abnormal', 'errored', 'unhandled']
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/

/** What Relay's `SessionUpdate` requires of a session, and what this SDK promises of one. */
function assertSession(s, release) {
  assert.match(s.sid, /^[0-9a-f]{32}$/)
  assert.match(s.started, ISO)
  assert.match(s.timestamp, ISO)
  assert.ok(Date.parse(s.started) <= Date.parse(s.timestamp), 'started is not after timestamp')
  assert.ok(STATUSES.includes(s.status), s.status)
  assert.equal(typeof s.init, 'boolean')
  assert.ok(Number.isInteger(s.errors) && s.errors >= 0)
  assert.equal(s.duration, undefined, 'a page never says when it ended: no duration, as the peer')
  assert.equal(s.attrs.release, release)
  assert.equal(s.attrs.environment, s.attrs.environment || 'production')
}

forEachBrowser((name, launch, test) => {
  let receiver, site, browser

  browserFixture(launch, (fx) => ({ receiver, site, browser } = fx))
  const openPage = (...args) => openApiPage({ browser, site, receiver }, ...args)
  const sessionsOf = (release) => receiver.sessions().filter((s) => s.attrs?.release === release)

  /** Waits until `n` sessions of `release` arrived (fails after 8 s), then a little more for any extra one. */
  async function waitForSessions(release, n) {
    const end = Date.now() + 8000
    while (sessionsOf(release).length < n && Date.now() < end) await sleep(50)
    await sleep(300)
    return sessionsOf(release)
  }

  test('a page with a release sends its session when idle, then at its first error and its first unhandled one only', async () => {
    const release = `health-${name}@1`
    const page = await openPage(`{ release: '${release}', environment: 'staging' }`)
    const ua = await page.evaluate(() => navigator.userAgent)
    const [first] = await waitForSessions(release, 1)
    assertSession(first, release)
    assert.deepEqual([first.init, first.status, first.errors, first.did], [true, 'ok', 0, undefined])
    assert.deepEqual(first.attrs, { release, environment: 'staging', user_agent: ua })

    const eventsBefore = receiver.events().length
    await page.evaluate(() => {
      window.Sentry.captureException(new Error('handled one'))
      window.Sentry.captureException(new Error('handled two'))
      return window.Sentry.flush(5000)
    })
    let sessions = await waitForSessions(release, 2)
    assert.equal(sessions.length, 2, 'the second handled error changes nothing Sentry shows: not sent')
    assert.deepEqual([sessions[1].sid, sessions[1].init, sessions[1].status, sessions[1].errors], [first.sid, false, 'ok', 1])

    // Uncaught (thrown from a timer): unhandled, as the peer's browser status says.
    await page.evaluate(() => {
      setTimeout(() => { throw new Error('uncaught one') })
      setTimeout(() => { throw new Error('uncaught two') }, 50)
    })
    await sleep(300)
    await page.evaluate(() => window.Sentry.flush(5000))
    sessions = await waitForSessions(release, 3)
    assert.equal(sessions.length, 3, 'after the first unhandled error the session is terminal: nothing more is sent')
    assert.deepEqual([sessions[2].sid, sessions[2].init, sessions[2].status, sessions[2].errors], [first.sid, false, 'unhandled', 1])
    for (const s of sessions) assertSession(s, release)
    assert.ok(Date.parse(sessions[2].timestamp) >= Date.parse(sessions[1].timestamp))
    const events = receiver.events().slice(eventsBefore).filter((e) => e.release === release)
    assert.equal(events.length, 4, 'every error still leaves as an event')
    assertValidByRelay(events, `${name}-session-events`)
    await page.close()
  })

  test('no release, or BrowserSession filtered out: no session', async () => {
    const before = receiver.sessions().length
    for (const options of [
      `{}`,
      `{ release: 'off@1', integrations: (d) => d.filter((i) => i.name !== 'BrowserSession') }`,
      `{ release: 'off@2', defaultIntegrations: false }`,
    ]) {
      const page = await openPage(options)
      await page.evaluate(() => {
        window.Sentry.captureException(new Error('no session for me'))
        return window.Sentry.flush(5000)
      })
      await sleep(2500) // past the idle send
      await page.close()
    }
    assert.equal(receiver.sessions().length, before)
  })

  test("the session is its user's: set before init, or set later (then sent again)", async () => {
    const early = `user-early-${name}@1`
    let page = await openPage(`{ release: '${early}', initialScope: { user: { email: 'ada@example.com' } } }`)
    const [withUser] = await waitForSessions(early, 1)
    assert.equal(withUser.did, 'ada@example.com')
    assert.equal(withUser.attrs.ip_address, undefined, 'no IP address unless the app set one')
    await page.close()

    const late = `user-late-${name}@1`
    page = await openPage(`{ release: '${late}' }`)
    const [anonymous] = await waitForSessions(late, 1)
    assert.equal(anonymous.did, undefined)
    await page.evaluate(() => {
      window.Sentry.setUser({ id: 42, ip_address: '10.1.2.3' })
      // A withScope level's user is not the session's.
      window.Sentry.withScope((scope) => scope.setUser({ id: 'inner' }))
      return window.Sentry.flush(5000)
    })
    const sessions = await waitForSessions(late, 2)
    assert.equal(sessions.length, 2)
    assert.deepEqual([sessions[1].sid, sessions[1].did, sessions[1].attrs.ip_address, sessions[1].init], [anonymous.sid, '42', '10.1.2.3', false])
    for (const s of sessions) assertSession(s, late)
    await page.close()
  })

  test('beforeSend dropping an error leaves the session alone; an error left out by sampleRate still counts', async () => {
    const dropped = `drop-${name}@1`
    let page = await openPage(`{ release: '${dropped}', beforeSend: (e) => {
      const ex = e.exception.values[0]
      if (ex.value === 'drop me') return null
      if (ex.value === 'mark me') ex.mechanism.handled = false
      return e
    } }`)
    await waitForSessions(dropped, 1)
    await page.evaluate(() => {
      window.Sentry.captureException(new Error('drop me'))
      return window.Sentry.flush(5000)
    })
    assert.equal((await waitForSessions(dropped, 2)).length, 1)
    // What beforeSend gives back is what counts: it marked this one unhandled.
    await page.evaluate(() => {
      window.Sentry.captureException(new Error('mark me'))
      return window.Sentry.flush(5000)
    })
    const kept = await waitForSessions(dropped, 2)
    assert.deepEqual([kept.length, kept[1].status, kept[1].errors], [2, 'unhandled', 1])
    await page.close()

    const sampled = `sampled-${name}@1`
    const eventsBefore = receiver.events().length
    page = await openPage(`{ release: '${sampled}', sampleRate: 0 }`)
    await waitForSessions(sampled, 1)
    await page.evaluate(() => {
      window.Sentry.captureException(new Error('sampled out'))
      return window.Sentry.flush(5000)
    })
    const sessions = await waitForSessions(sampled, 2)
    assert.deepEqual([sessions.length, sessions[1].errors, sessions[1].status], [2, 1, 'ok'])
    assert.equal(receiver.events().slice(eventsBefore).filter((e) => e.release === sampled).length, 0)
    await page.close()
  })

  test("lifecycle 'route': each history navigation ends the session and starts the next", async () => {
    const release = `route-${name}@1`
    const page = await openPage(`{ release: '${release}', integrations: [window.Sentry.browserSessionIntegration({ lifecycle: 'route' }), window.Sentry.breadcrumbsIntegration({ history: false })] }`)
    const [first] = await waitForSessions(release, 1)
    assert.equal(first.init, true)
    await page.evaluate(() => {
      history.pushState({}, '', '/route/a')
      history.replaceState({}, '', '/route/a') // the same URL: no new route
    })
    let sessions = await waitForSessions(release, 3)
    assert.equal(sessions.length, 3)
    assert.deepEqual(bag(sessions.slice(1).map((s) => [s.sid === first.sid, s.status, s.init, s.errors])), bag([
      [true, 'exited', false, 0],
      [false, 'ok', true, 0],
    ]))
    const second = sessions.slice(1).find((s) => s.sid !== first.sid)
    // An error ends nothing; it counts for the route it happened on.
    const eventsBefore = receiver.events().length
    await page.evaluate(() => {
      window.Sentry.captureException(new Error('on route a'))
      history.pushState({}, '', '/route/b')
      return window.Sentry.flush(5000)
    })
    sessions = await waitForSessions(release, 6)
    assert.equal(sessions.length, 6)
    assert.deepEqual(bag(sessions.slice(3).map((s) => [s.sid === second.sid, s.sid === first.sid, s.status, s.errors, s.init])), bag([
      [true, false, 'ok', 1, false],
      [true, false, 'exited', 1, false],
      [false, false, 'ok', 0, true],
    ]))
    for (const s of sessions) assertSession(s, release)
    // History breadcrumbs were turned off: the route's source ran for sessions alone.
    const [event] = receiver.events().slice(eventsBefore).filter((e) => e.release === release)
    assert.equal((event.breadcrumbs?.values || []).filter((b) => b.category === 'navigation').length, 0)
    assertValidByRelay([event], `${name}-session-route`)
    await page.close()
  })

  test('by hand, as the peer: startSession, captureSession and endSession', async () => {
    const release = `manual-${name}@1`
    const page = await openPage(`{ release: '${release}', integrations: (d) => d.filter((i) => i.name !== 'BrowserSession') }`)
    await page.evaluate(async () => {
      const S = window.Sentry
      S.startSession()
      S.captureSession()
      S.captureException(new Error('during the first'))
      S.startSession() // ends the first
      S.captureSession(true) // ends the second at once
      S.captureException(new Error('after both ended'))
      S.startSession()
      S.endSession()
      return S.flush(5000)
    })
    const sessions = await waitForSessions(release, 5)
    // The first session is the one its error counted in.
    const first = sessions.find((s) => s.errors === 1).sid
    assert.deepEqual(bag(sessions.map((s) => [s.sid === first, s.status, s.errors, s.init])), bag([
      [true, 'ok', 0, true],
      [true, 'ok', 1, false],
      [true, 'exited', 1, false],
      [false, 'exited', 0, true],
      [false, 'exited', 0, true],
    ]))
    const others = sessions.filter((s) => s.sid !== first)
    assert.notEqual(others[0].sid, others[1].sid)
    for (const s of sessions) assertSession(s, release)
    await page.close()
  })

  test('a rate limit on sessions drops them, counted in a client report, and errors still go', async () => {
    const release = `limited-${name}@1`
    receiver.setMode({ status: 200, headers: { 'x-sentry-rate-limits': '60:session:organization' } })
    try {
      const page = await openPage(`{ release: '${release}' }`)
      await waitForSessions(release, 1)
      await page.evaluate(async () => {
        window.Sentry.captureException(new Error('while sessions are limited'))
        await window.Sentry.flush(5000)
        // The drop is reported with the next envelope.
        window.Sentry.captureMessage('next')
        return window.Sentry.flush(5000)
      })
      await sleep(300)
      assert.equal(sessionsOf(release).length, 1, 'the update was not sent')
      assert.equal(receiver.events().filter((e) => e.release === release).length, 2)
      const reports = receiver.envelopes.flatMap((e) => e.envelope.items.filter((i) => i.header.type === 'client_report').map((i) => i.payload))
      const lost = reports.flatMap((r) => r.discarded_events || []).filter((d) => d.category === 'session')
      assert.deepEqual(lost, [{ reason: 'ratelimit_backoff', category: 'session', quantity: 1 }])
      await page.close()
    } finally {
      receiver.setMode('ok')
    }
  })
})
