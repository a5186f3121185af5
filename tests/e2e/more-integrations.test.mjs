// The peer's optional integrations in modules of their own (js/integrations.js),
// in real headless Chromium and Firefox, as an app migrating from
// @sentry/browser adds them: contextLinesIntegration, reportingObserverIntegration
// and featureFlagsIntegration. Every event is validated by Relay.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import { assertTypes, typecheck } from '../support/types.mjs'
import { browserFixture, forEachBrowser, openApiPage, eventsOf as eventsOfPage } from '../support/browsers.mjs'
import { assertValidByRelay } from '../support/relay.mjs'

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..')
const FIXTURE = path.join(REPO, 'tests/e2e/pages/context-lines.html')

forEachBrowser((name, launch, test) => {
  let receiver, site, browser

  browserFixture(launch, (fx) => ({ receiver, site, browser } = fx))
  const openPage = (...args) => openApiPage({ browser, site, receiver }, ...args)

  const eventsOf = (...args) => eventsOfPage(receiver, ...args)

  /** The context-lines fixture (an inline script that throws), `init` called with `optionsSource`. */
  async function openContextPage(optionsSource, query = '') {
    const page = await browser.newPage()
    await page.goto(`${site.url}/fixtures/context-lines.html${query}`)
    await page.waitForFunction(() => window.fixtureReady)
    await page.evaluate(([src, dsn]) => window.Sentry.init({ dsn, ...(0, eval)(`(${src})`) }), [optionsSource, receiver.dsn])
    return page
  }

  // The fixture's source, numbered as the browser numbers its lines.
  const source = fs.readFileSync(FIXTURE, 'utf8').split('\n')
  const lineOf = (text) => source.findIndex((l) => l.includes(text)) + 1
  const framesOf = (event) => event.exception.values.flatMap((v) => v.stacktrace?.frames || [])
  // Chromium names a listener by its target too ("HTMLButtonElement.payClicked").
  const pageFrame = (event, fn) => framesOf(event).find((f) => (f.function === fn || f.function?.endsWith(`.${fn}`)) && /\/fixtures\/context-lines\.html/.test(f.filename || f.abs_path || ''))
  /** What a frame at `line` (1-based) must carry: the source's own lines around it, `n` each side. */
  const contextAt = (line, n) => ({ pre_context: source.slice(Math.max(0, line - 1 - n), line - 1), context_line: source[line - 1], post_context: source.slice(line, line + n) })
  const contextOf = (f) => ({ pre_context: f.pre_context, context_line: f.context_line, post_context: f.post_context })

  test('contextLinesIntegration: the frames of an inline script carry its real source lines', async () => {
    // A query and a fragment in the page's URL: its inline frames still match it.
    const page = await openContextPage(`{ integrations: (d) => [...d, window.Sentry.contextLinesIntegration()] }`, '?utm_source=mail#top')
    const [caught] = await eventsOf(page, () => {
      try {
        window.onPay()
      } catch (e) {
        window.Sentry.captureException(e)
      }
    }, null, { expect: 1 })
    const throwLine = lineOf("throw new Error('cart over limit: '")
    const callLine = lineOf('return checkout({ items')
    const checkout = pageFrame(caught, 'checkout')
    const onPay = pageFrame(caught, 'onPay')
    assert.ok(checkout && onPay, `the inline frames: ${JSON.stringify(framesOf(caught))}`)
    assert.deepEqual([checkout.lineno, onPay.lineno], [throwLine, callLine])
    // The peer's default, 5 lines each side.
    assert.deepEqual(contextOf(checkout), contextAt(throwLine, 5))
    assert.deepEqual(contextOf(onPay), contextAt(callLine, 5))
    assert.equal(checkout.context_line.trim(), "throw new Error('cart over limit: ' + total)")

    // Uncaught, from a click: the listener's frame too; frames of other files get nothing.
    const start = receiver.events().length
    await page.click('#pay')
    await receiver.waitForEvents(start + 1)
    const [uncaught] = receiver.events().slice(start)
    assert.deepEqual(contextOf(pageFrame(uncaught, 'checkout')), contextAt(throwLine, 5))
    const clickLine = lineOf('    onPay()')
    assert.deepEqual(contextOf(pageFrame(uncaught, 'payClicked')), contextAt(clickLine, 5))
    for (const f of framesOf(uncaught).filter((f) => !/\/fixtures\/context-lines\.html/.test(f.filename || ''))) {
      assert.equal(f.context_line, undefined, `no context for ${f.filename}`)
    }

    // After history.pushState the page's URL is another; its inline frames carry the one it loaded from.
    const [moved] = await eventsOf(page, () => {
      history.pushState({}, '', '/checkout/step-2')
      try {
        window.onPay()
      } catch (e) {
        window.Sentry.captureException(e)
      }
    }, null, { expect: 1 })
    assert.deepEqual(contextOf(pageFrame(moved, 'checkout')), contextAt(throwLine, 5))

    // A line longer than 150 characters is cut to 140 around the column, marked as Sentry marks it.
    const [long] = await eventsOf(page, () => {
      try {
        window.longLine()
      } catch (e) {
        window.Sentry.captureException(e)
      }
    }, null, { expect: 1 })
    const frame = pageFrame(long, 'longLine')
    const whole = source[frame.lineno - 1]
    assert.ok(whole.length > 150 && frame.colno > 70, 'the fixture\'s line is long, and threw far into it')
    const [, kept] = /^\{snip\} (.*)$/.exec(frame.context_line) || []
    assert.ok(kept && kept.length === 140 && whole.endsWith(kept), frame.context_line)
    assert.ok(kept.includes("throw new Error('long: '"), frame.context_line)
    assertValidByRelay([caught, uncaught, moved, long], `${name}-context-lines`)
    await page.close()
  })

  test('contextLinesIntegration: frameContextLines sets how many lines; 0, or the integration off, adds none', async () => {
    const throwLine = lineOf("throw new Error('cart over limit: '")
    const capture = () => {
      try {
        window.onPay()
      } catch (e) {
        window.Sentry.captureException(e)
      }
    }
    const events = []
    for (const [options, n] of [
      [`{ integrations: (d) => [...d, window.Sentry.contextLinesIntegration({ frameContextLines: 2 })] }`, 2],
      [`{ integrations: (d) => [...d, window.Sentry.contextLinesIntegration({ frameContextLines: 0 })] }`, 0],
      ['{}', 0],
    ]) {
      const page = await openContextPage(options)
      const [event] = await eventsOf(page, capture, null, { expect: 1 })
      const checkout = pageFrame(event, 'checkout')
      assert.equal(checkout.lineno, throwLine)
      if (n) assert.deepEqual(contextOf(checkout), contextAt(throwLine, n), options)
      else assert.ok(framesOf(event).every((f) => !('context_line' in f) && !('pre_context' in f) && !('post_context' in f)), options)
      events.push(event)
      await page.close()
    }
    assertValidByRelay(events, `${name}-context-lines-options`)
  })

  // A real deprecated API each browser reports: a synchronous XMLHttpRequest on
  // the main thread (Chromium), MouseEvent.mozPressure (Firefox).
  const useDeprecatedApi = (browserName) => {
    if (browserName === 'chromium') {
      const xhr = new XMLHttpRequest()
      xhr.open('GET', '/fixtures/blank.html', false)
      xhr.send()
    } else {
      void new MouseEvent('click').mozPressure
    }
  }
  // The test's own observer: the report the browser made, to compare the event with.
  const observeReports = () => {
    window.seenReports = []
    new ReportingObserver((reports) => {
      for (const r of reports) window.seenReports.push({ type: r.type, url: r.url, body: r.body.toJSON() })
    }, { buffered: true }).observe()
  }
  const hasReportingObserver = (page) => page.evaluate(() => 'ReportingObserver' in window)

  test('reportingObserverIntegration: a deprecated API\'s report arrives as a message worded as the peer\'s', async (t) => {
    const page = await openPage(`{ integrations: (d) => [...d, window.Sentry.reportingObserverIntegration()] }`)
    if (!(await hasReportingObserver(page))) {
      // Nothing to observe: the integration is a silent no-op, and the SDK still works.
      const events = await eventsOf(page, () => window.Sentry.captureMessage('still works'), null, { expect: 1 })
      assert.deepEqual(events.map((e) => e.logentry.message), ['still works'])
      assert.deepEqual(page.pageErrors, [])
      await page.close()
      return t.skip(`${name} has no ReportingObserver (dom.reporting.enabled is off)`)
    }
    await page.evaluate(observeReports)
    const [event] = await eventsOf(page, useDeprecatedApi, name, { expect: 1 })
    const [report] = await page.evaluate(() => window.seenReports)
    assert.equal(report.type, 'deprecation')
    assert.ok(report.body.message, 'the browser\'s report has a message')
    assert.equal(event.logentry.message, `ReportingObserver [deprecation]: ${report.body.message}`)
    assert.equal(event.level, 'info')
    assert.deepEqual(event.extra, { url: report.url, body: report.body })
    assert.deepEqual(page.pageErrors, [])
    assertValidByRelay([event], `${name}-reporting-observer`)
    await page.close()
  })

  test('reportingObserverIntegration: a report made before init arrives too (buffered); another type, or the integration off, sends none', async (t) => {
    const page = await browser.newPage()
    await page.goto(`${site.url}/fixtures/api.html`)
    await page.waitForFunction(() => window.fixtureReady)
    if (!(await hasReportingObserver(page))) return t.skip(`${name} has no ReportingObserver`)
    await page.evaluate(useDeprecatedApi, name)
    await page.evaluate((dsn) => window.Sentry.init({ dsn, integrations: (d) => [...d, window.Sentry.reportingObserverIntegration()] }), receiver.dsn)
    const [event] = await eventsOf(page, () => {}, null, { expect: 1 })
    assert.match(event.logentry.message, /^ReportingObserver \[deprecation\]: \S/)
    assertValidByRelay([event], `${name}-reporting-observer-buffered`)
    await page.close()

    for (const options of [`{ integrations: (d) => [...d, window.Sentry.reportingObserverIntegration({ types: ['intervention'] })] }`, '{}']) {
      const quiet = await openPage(options)
      await quiet.evaluate(observeReports)
      // Reports come in a task of their own: time for one to arrive.
      const events = await eventsOf(quiet, useDeprecatedApi, name, { settle: 1000 })
      assert.equal((await quiet.evaluate(() => window.seenReports)).length, 1, 'the browser did report it')
      assert.deepEqual(events, [], options)
      await quiet.close()
    }
  })

  test('featureFlagsIntegration: the flags go with error and message events, in order, the 100 most recent', async () => {
    const page = await openPage(`{ integrations: (d) => [...d, (window.flags = window.Sentry.featureFlagsIntegration())] }`)
    await page.evaluate(() => window.Sentry.flush(5000)) // loaded: events are processed as they are captured
    const [first, message] = await eventsOf(page, () => {
      const { flags, Sentry } = window
      flags.addFeatureFlag('new-checkout', true)
      flags.addFeatureFlag('dark-mode', false)
      flags.addFeatureFlag('variant', 'blue') // not a boolean: ignored, as the peer's
      flags.addFeatureFlag('new-checkout', false) // set again: moved to the end, with its new value
      Sentry.captureException(new Error('with flags'))
      flags.addFeatureFlag('later', true) // after the capture: not in its event
      Sentry.captureMessage('a message')
    }, null, { expect: 2 })
    assert.deepEqual(first.contexts.flags, { values: [{ flag: 'dark-mode', result: false }, { flag: 'new-checkout', result: false }] })
    assert.deepEqual(message.contexts.flags.values.map((f) => f.flag), ['dark-mode', 'new-checkout', 'later'])

    const [full] = await eventsOf(page, () => {
      for (let i = 0; i < 105; i++) window.flags.addFeatureFlag(`f${i}`, i % 2 === 0)
      window.flags.addFeatureFlag('f10', true) // set again while full: moved to the end, nothing dropped
      window.Sentry.captureException(new Error('many flags'))
    }, null, { expect: 1 })
    const values = full.contexts.flags.values
    const expected = [...Array.from({ length: 100 }, (_, i) => `f${i + 5}`).filter((f) => f !== 'f10'), 'f10']
    assert.deepEqual(values.map((f) => f.flag), expected)
    assert.deepEqual(values.at(-1), { flag: 'f10', result: true })
    assert.deepEqual(values[0], { flag: 'f5', result: false })

    // Feedback is not an error event: no flags, as the peer's.
    const before = receiver.feedback().length
    await page.evaluate(async () => {
      window.Sentry.captureFeedback({ message: 'flags?' })
      await window.Sentry.flush(5000)
    })
    const [feedback] = receiver.feedback().slice(before)
    assert.ok(feedback, 'the feedback arrived')
    assert.equal(feedback.contexts.flags, undefined)
    assertValidByRelay([first, message, full, feedback], `${name}-feature-flags`)
    await page.close()
  })

  test('featureFlagsIntegration not in init: its flags go nowhere', async () => {
    const page = await openPage('{}')
    const [event] = await eventsOf(page, () => {
      const flags = window.Sentry.featureFlagsIntegration()
      flags.addFeatureFlag('new-checkout', true)
      window.Sentry.captureException(new Error('no flags'))
    }, null, { expect: 1 })
    assert.equal(event.contexts?.flags, undefined)
    assertValidByRelay([event], `${name}-feature-flags-off`)
    await page.close()
  })
})

test('the TypeScript declarations of the three integrations check as the peer\'s are used, and reject a wrong use', () => {
  assertTypes(`
    import * as Sentry from 'wasm-sentry'
    import type { FeatureFlagsIntegration } from 'wasm-sentry'
    const flags: FeatureFlagsIntegration = Sentry.featureFlagsIntegration()
    Sentry.init({
      dsn: 'https://k@h/1',
      integrations: [
        Sentry.contextLinesIntegration({ frameContextLines: 3 }),
        Sentry.contextLinesIntegration(),
        Sentry.reportingObserverIntegration({ types: ['crash', 'intervention'] }),
        Sentry.reportingObserverIntegration(),
        flags,
      ],
    })
    flags.addFeatureFlag('new-checkout', true)
    flags.addFeatureFlag('variant', 'blue')
    export { flags }
  `)
  assert.throws(() => typecheck(`import * as Sentry from 'wasm-sentry'\nSentry.reportingObserverIntegration({ types: ['network-error'] })\n`))
})
