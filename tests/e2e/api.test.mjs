// The browser SDK's public API in real headless Chromium and Firefox, as a user of
// @sentry/browser would use it: scope, breadcrumbs from every source, thrown
// non-Errors, linked errors, beforeSend, sampling, inbound filters, dedupe,
// privacy, size limits and the tunnel. Every event is validated by Relay.
import assert from 'node:assert/strict'
import * as esbuild from 'esbuild'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { browserFixture, forEachBrowser, openApiPage, eventsOf as eventsOfPage } from '../support/browsers.mjs'
import { startStatic } from '../support/static.mjs'
import { assertValidByRelay, relayNormalized } from '../support/relay.mjs'

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..')

forEachBrowser((name, launch, test) => {
  let receiver, site, browser

  browserFixture(launch, (fx) => ({ receiver, site, browser } = fx))
  const openPage = (...args) => openApiPage({ browser, site, receiver }, ...args)

  const eventsOf = (...args) => eventsOfPage(receiver, ...args)

  test('scope: user, tags, extra, contexts, level and withScope isolation', async () => {
    const page = await openPage(`{ release: 'r@1', initialScope: { tags: { team: 'web' } } }`)
    const events = await eventsOf(page, () => {
      const S = window.Sentry
      S.setUser({ id: '42', username: 'ada' })
      S.setTag('plan', 'pro')
      S.setTags({ region: 'eu', beta: true })
      S.setExtra('cart', { items: 3, nested: { deep: { deeper: { deepest: 1 } } } })
      S.setExtras({ attempt: 2 })
      S.setContext('device', { model: 'fixture' })
      S.getCurrentScope().setTag('current', 'global')
      S.withScope((scope) => {
        scope.setTag('inside', 'yes')
        S.getCurrentScope().setTag('current', 'inner')
        scope.setLevel('warning')
        scope.setFingerprint(['custom-group'])
        S.captureMessage('inside a scope')
      })
      S.captureException(new Error('outside the scope'))
      window.lastId = S.lastEventId()
    }, null, { expect: 2 })
    assert.equal(events.length, 2)
    const inside = events.find((e) => e.logentry)
    const outside = events.find((e) => !e.logentry)
    assert.deepEqual(inside.user, { id: '42', username: 'ada' })
    assert.deepEqual(inside.tags, { team: 'web', plan: 'pro', region: 'eu', beta: 'true', current: 'inner', inside: 'yes' })
    assert.equal(inside.level, 'warning')
    assert.deepEqual(inside.fingerprint, ['custom-group'])
    assert.deepEqual(outside.tags, { team: 'web', plan: 'pro', region: 'eu', beta: 'true', current: 'global' }, 'withScope did not leak')
    assert.equal(outside.level, 'error')
    assert.equal(outside.fingerprint, undefined)
    // normalizeDepth 3 (the default) cuts deeper objects.
    assert.deepEqual(outside.extra, { cart: { items: 3, nested: { deep: '[Object]' } }, attempt: 2 })
    assert.deepEqual(outside.contexts.device, { model: 'fixture' })
    assert.equal(await page.evaluate(() => window.lastId), outside.event_id)
    assertValidByRelay(events, `${name}-api-scope`)
    // An async callback keeps its scope until it settles, as the peer's does:
    // what it sets after an await stays in it, and nothing leaks out.
    const later = await eventsOf(page, async () => {
      const S = window.Sentry
      const result = await S.withScope(async (scope) => {
        scope.setTag('async', 'before await')
        await new Promise((r) => setTimeout(r, 20))
        scope.setTag('after_await', 'yes')
        S.captureException(new Error('in an async scope'))
        return 'result'
      })
      window.asyncResult = result
      S.captureException(new Error('after the async scope'))
    }, null, { expect: 2 })
    assert.equal(await page.evaluate(() => window.asyncResult), 'result')
    const scoped = later.find((e) => e.exception.values[0].value === 'in an async scope')
    assert.deepEqual([scoped.tags.async, scoped.tags.after_await], ['before await', 'yes'])
    const after = later.find((e) => e.exception.values[0].value === 'after the async scope')
    assert.ok(!('async' in after.tags) && !('after_await' in after.tags), JSON.stringify(after.tags))
    assertValidByRelay(later, `${name}-api-scope-async`)
    await page.close()
  })

  test('top-level calls go to the isolation scope, as the peer\'s since v8: seen inside an open withScope and kept after it; withIsolationScope keeps its own', async () => {
    const page = await openPage('{}')
    const events = await eventsOf(page, async () => {
      const S = window.Sentry
      await S.withScope(async (scope) => {
        scope.setTag('local', 'yes')
        scope.setTag('tier', 'scope')
        await new Promise((r) => setTimeout(r, 10))
        // A login that completes while an async scope is open: the app's user from now on.
        S.setUser({ id: 'late-login' })
        S.setTag('plan', 'pro')
        // What the scope set itself wins inside it, as the peer's current scope over its isolation scope.
        S.setTag('tier', 'top')
        console.info('console while the scope is open')
        S.addBreadcrumb({ message: 'top-level crumb inside' })
        scope.addBreadcrumb({ message: 'scope crumb' })
        S.captureMessage('inside')
      })
      S.captureMessage('after')
      S.withIsolationScope(() => {
        S.setTag('request', 'r1')
        S.captureMessage('in isolation')
      })
      S.getIsolationScope().setTag('iso', 'root')
      S.getGlobalScope().setExtra('g', 1)
      S.captureMessage('last')
    }, null, { expect: 4 })
    const by = (m) => events.find((e) => e.logentry?.message === m)
    const crumbs = (e) => (e.breadcrumbs?.values || []).map((c) => c.message)
    const inside = by('inside')
    assert.deepEqual([inside.tags, inside.user], [{ local: 'yes', tier: 'scope', plan: 'pro' }, { id: 'late-login' }])
    for (const m of ['console while the scope is open', 'top-level crumb inside', 'scope crumb']) assert.ok(crumbs(inside).includes(m), m)
    const after = by('after')
    assert.deepEqual([after.tags, after.user], [{ plan: 'pro', tier: 'top' }, { id: 'late-login' }])
    assert.ok(crumbs(after).includes('console while the scope is open') && crumbs(after).includes('top-level crumb inside'), JSON.stringify(crumbs(after)))
    assert.ok(!crumbs(after).includes('scope crumb'))
    assert.deepEqual(by('in isolation').tags, { plan: 'pro', tier: 'top', request: 'r1' })
    const last = by('last')
    assert.deepEqual([last.tags, last.extra], [{ plan: 'pro', tier: 'top', iso: 'root' }, { g: 1 }])
    assertValidByRelay(events, `${name}-api-isolation-scope`)
    await page.close()
  })

  test('a capture context in captureException and captureMessage applies to that event only, as the peer\'s', async () => {
    const page = await openPage('{}')
    const events = await eventsOf(page, () => {
      const S = window.Sentry
      S.setTag('global', 'g')
      S.captureException(new Error('with context'), {
        tags: { section: 'checkout' }, extra: { cart: 3 }, contexts: { order: { id: 'o-1' } },
        user: { id: '9' }, level: 'warning', fingerprint: ['checkout-failure'],
      })
      S.captureMessage('message with context', { level: 'fatal', tags: { kind: 'msg' } })
      S.captureException(new Error('with a function'), (scope) => scope.setTags({ fn: 'yes' }))
      S.captureException(new Error('with a hint'), { mechanism: { handled: false } })
      S.captureException(new Error('plain'))
    }, null, { expect: 5 })
    const by = (v) => events.find((e) => (e.exception?.values[0].value ?? e.logentry?.message) === v)
    const ctx = by('with context')
    assert.deepEqual(ctx.tags, { global: 'g', section: 'checkout' })
    assert.deepEqual([ctx.extra, ctx.contexts.order, ctx.user, ctx.level, ctx.fingerprint], [{ cart: 3 }, { id: 'o-1' }, { id: '9' }, 'warning', ['checkout-failure']])
    const msg = by('message with context')
    assert.deepEqual([msg.level, msg.tags], ['fatal', { global: 'g', kind: 'msg' }])
    assert.equal(by('with a function').tags.fn, 'yes')
    const hinted = by('with a hint')
    assert.equal(hinted.exception.values[0].mechanism.handled, false)
    for (const e of [hinted, by('plain')]) {
      assert.deepEqual(e.tags, { global: 'g' })
      assert.deepEqual([e.level, e.user, e.extra, e.fingerprint], ['error', undefined, undefined, undefined])
    }
    assertValidByRelay(events, `${name}-api-capture-context`)
    await page.close()
  })

  test('text in any script, emoji and lone surrogates arrive whole, each string in its place', async () => {
    const page = await openPage()
    const events = await eventsOf(page, () => {
      const S = window.Sentry
      S.setTag('plan', 'naïve 😀')
      S.setExtra('café', '日本')
      S.addBreadcrumb({ category: 'ü', message: '日本語 \uDC00;,' })
      const e = new TypeError('é😀\uD800x')
      e.name = 'Ärger'
      S.captureException(e)
    }, null, { expect: 1 })
    assert.equal(events.length, 1)
    const [event] = events
    assert.deepEqual(event.tags, { plan: 'naïve 😀' })
    assert.deepEqual(event.extra, { café: '日本' })
    const ex = event.exception.values.at(-1)
    assert.equal(ex.type, 'Ärger')
    assert.equal(ex.value, 'é😀\uFFFDx')
    assert.equal(ex.mechanism.type, 'generic')
    assert.ok(ex.stacktrace.frames.length > 0)
    const crumb = event.breadcrumbs.values.find((b) => b.category === 'ü')
    assert.equal(crumb.message, '日本語 \uFFFD;,')
    assertValidByRelay(events, `${name}-api-unicode`)
    await page.close()
  })

  test('breadcrumbs from console, clicks, key presses, fetch, XHR, history and by hand; never the SDK\'s own requests', async () => {
    const page = await openPage(`{
      beforeBreadcrumb: (c, hint) => {
        if (c.message === 'drop me') return null
        if (c.message === 'unreadable') return new Proxy({}, { get() { throw new Error('trap') } })
        // The peer's hint for a console call: its arguments and method.
        if (hint.level === 'warn') c.message += ' (' + hint.input.length + ' argument)'
        return c
      },
    }`)
    await page.evaluate(() => window.Sentry.ready())
    await page.evaluate(async () => {
      console.log('hello', { n: 1 })
      console.warn('careful')
      console.assert(true, 'holds')
      console.assert(false, 'broke', 2)
      console.log('drop me')
      console.log('unreadable')
      window.Sentry.addBreadcrumb({ category: 'auth', message: 'signed in', level: 'info', data: { method: 'sso' } })
    })
    await page.click('#btn')
    await page.type('#field', 'abc')
    await page.evaluate(async () => {
      await fetch('/missing.json?x=1').catch(() => {})
      await new Promise((resolve) => {
        const xhr = new XMLHttpRequest()
        xhr.open('POST', '/fixtures/blank.html')
        xhr.onloadend = resolve
        xhr.send('{}')
      })
      history.pushState({}, '', '/next-page')
    })
    const [first] = await eventsOf(page, () => window.Sentry.captureException(new Error('with breadcrumbs')), null, { expect: 1 })
    const crumbs = first.breadcrumbs.values
    const find = (pred, what) => {
      const c = crumbs.find(pred)
      assert.ok(c, `${what} in ${JSON.stringify(crumbs, null, 1)}`)
      return c
    }
    // `log` is a JS alias of `info`, the level Relay stores.
    const hello = find((c) => c.category === 'console' && c.message?.startsWith('hello'), 'console.log')
    assert.equal(hello.level, 'info')
    assert.deepEqual(hello.data, { arguments: ['hello', { n: 1 }], logger: 'console' })
    assert.equal(find((c) => c.category === 'console' && c.message === 'careful (1 argument)', 'console.warn').level, 'warning')
    // console.assert, as the peer's Console integration: only a failed one, at level log.
    const failed = find((c) => c.category === 'console' && c.message?.startsWith('Assertion failed'), 'console.assert')
    assert.deepEqual([failed.message, failed.level, failed.data.arguments], ['Assertion failed: broke 2', 'info', ['broke', 2]])
    assert.ok(!crumbs.some((c) => c.message?.includes('holds')), 'an assertion that held is no breadcrumb')
    assert.ok(!crumbs.some((c) => c.message === 'drop me'), 'beforeBreadcrumb dropped one')
    assert.ok(!crumbs.some((c) => c.message === 'unreadable'), 'an unreadable beforeBreadcrumb result is no breadcrumb')
    assert.deepEqual(find((c) => c.category === 'auth', 'manual').data, { method: 'sso' })
    assert.equal(find((c) => c.category === 'ui.click', 'click').message, 'body > button#btn.primary.big[name="save"]')
    assert.equal(crumbs.filter((c) => c.category === 'ui.input').length, 1, 'one breadcrumb per burst of typing')
    assert.ok(!crumbs.some((c) => String(c.data?.url).includes('.wasm')), 'the SDK\'s own wasm download is not a breadcrumb')
    const f = find((c) => c.category === 'fetch' && /missing/.test(c.data.url), 'fetch')
    assert.deepEqual([f.type, f.data.method, f.data.status_code, f.level], ['http', 'GET', 404, 'warning'])
    assert.match(f.data.url, /missing\.json/)
    const x = find((c) => c.category === 'xhr' && /blank/.test(c.data.url), 'xhr')
    assert.deepEqual([x.data.method, x.data.status_code], ['POST', 200])
    const nav = find((c) => c.category === 'navigation', 'navigation')
    // Within the page's origin, paths, as the peer's.
    assert.match(nav.data.from, /^\/fixtures\/api\.html/)
    assert.equal(nav.data.to, '/next-page')
    for (let i = 1; i < crumbs.length; i++) assert.ok(crumbs[i].timestamp >= crumbs[i - 1].timestamp, 'oldest first')
    // The first event's own request to the receiver must not show up in the second.
    const [second] = await eventsOf(page, () => window.Sentry.captureMessage('after a send'), null, { expect: 1 })
    assert.ok(!second.breadcrumbs.values.some((c) => String(c.data?.url).includes('/envelope/')), 'no breadcrumb of the SDK\'s own request')
    assertValidByRelay([first, second], `${name}-api-breadcrumbs`)
    await page.close()
  })

  test('thrown non-Errors become sensible synthetic exceptions', async () => {
    const page = await openPage('{}')
    const events = await eventsOf(page, async () => {
      const throwLater = (v) => setTimeout(() => { throw v })
      throwLater('a plain string')
      throwLater(42)
      throwLater({ code: 7, reason: 'x' })
      Promise.reject(null)
      Promise.reject(new Event('custom'))
      Promise.reject('rejected string')
      window.Sentry.captureException({ b: 1, a: 2 })
      window.Sentry.captureException(new DOMException('not allowed', 'NotAllowedError'))
      // An ErrorEvent stands for its error; without one, its message says what it was.
      window.Sentry.captureException(new ErrorEvent('error', { message: 'outer', error: new TypeError('inner') }))
      Promise.reject(new ErrorEvent('error', { message: 'no error inside' }))
      await new Promise((r) => setTimeout(r, 300))
    }, null, { expect: 10 })
    const values = events.map((e) => e.exception.values.at(-1))
    const byValue = (v) => values.find((x) => x.value === v)
    assert.ok(byValue('Uncaught a plain string') || byValue('a plain string'), JSON.stringify(values))
    assert.ok(values.some((x) => /42/.test(x.value)))
    assert.ok(byValue('Object captured as exception with keys: a, b'))
    assert.ok(byValue('Non-Error promise rejection captured with value: null'))
    assert.ok(byValue('Event `Event` (type=custom) captured as promise rejection'))
    assert.ok(byValue('Non-Error promise rejection captured with value: rejected string'))
    const inner = byValue('inner')
    assert.equal(inner.type, 'TypeError')
    assert.ok(!inner.mechanism.synthetic && inner.stacktrace.frames.length > 0)
    assert.ok(byValue('Event `ErrorEvent` captured as promise rejection with message `no error inside`'), JSON.stringify(values))
    const dom = values.find((x) => x.type === 'NotAllowedError')
    assert.equal(dom.value, 'not allowed')
    for (const v of values.filter((x) => x.type === 'Error' && x.mechanism.type !== 'generic')) assert.equal(v.mechanism.handled, false)
    assert.ok(values.filter((x) => x.mechanism.synthetic).length >= 6)
    assertValidByRelay(events, `${name}-api-non-errors`)
    await page.close()
  })

  // The page calls the SDK from named functions, so that the newest frame
  // left is known: the app's, never the SDK's own (served as files here, and
  // bundled by esbuild below, where only the position tells the SDK's frames).
  async function callSiteEvents(page) {
    return eventsOf(page, async () => {
      const S = window.Sentry
      function objectCallSite() { S.captureException({ code: 7, detail: { deep: { deeper: 1 } } }) }
      function messageCallSite() { S.captureMessage('with the call site', 'warning') }
      function stringCallSite() { S.captureException('a thrown string') }
      objectCallSite()
      messageCallSite()
      stringCallSite()
    }, null, { expect: 3 })
  }

  function assertCallSites(events, attach) {
    const newest = (ex) => ex.stacktrace?.frames.at(-1)?.function
    const object = events.find((e) => e.exception?.values[0].value === 'Object captured as exception with keys: code, detail')
    const ex = object.exception.values[0]
    assert.deepEqual([ex.type, ex.mechanism.synthetic, newest(ex)], ['Error', true, 'objectCallSite'], JSON.stringify(ex))
    // The object itself, as the peer's `__serialized__`, normalised to normalizeDepth (3) from `extra`.
    assert.deepEqual(object.extra.__serialized__, { code: 7, detail: { deep: '[Object]' } })
    const message = events.find((e) => e.logentry?.message === 'with the call site')
    assert.equal(message.level, 'warning')
    const string = events.find((e) => e.exception?.values[0].value === 'a thrown string').exception.values[0]
    assert.deepEqual([string.type, string.mechanism.synthetic], ['Error', true])
    if (attach) {
      // As the peer's attachStacktrace: an exception with no type, the message its value.
      const [mex] = message.exception.values
      assert.deepEqual([mex.type, mex.value, mex.mechanism.synthetic, newest(mex)], [undefined, 'with the call site', true, 'messageCallSite'], JSON.stringify(mex))
      assert.equal(newest(string), 'stringCallSite')
    } else {
      assert.equal(message.exception, undefined)
      assert.equal(string.stacktrace, undefined)
    }
  }

  test('a captured non-Error carries the app\'s call site and the object; attachStacktrace adds it to strings and messages', async () => {
    for (const attach of [false, true]) {
      const page = await openPage(`{ attachStacktrace: ${attach} }`)
      const events = await callSiteEvents(page)
      assertCallSites(events, attach)
      assertValidByRelay(events, `${name}-api-call-site-${attach}`)
      await page.close()
    }
  })

  test('the call site is found the same in an app bundled by esbuild (minified, split)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasm-sentry-bundle-'))
    const bundled = await startStatic({ root: dir })
    try {
      fs.writeFileSync(path.join(dir, 'app.js'), `import * as Sentry from ${JSON.stringify(path.join(REPO, 'pkg/index.js'))}\nwindow.Sentry = Sentry\nwindow.fixtureReady = true\n`)
      await esbuild.build({ entryPoints: [path.join(dir, 'app.js')], bundle: true, minify: true, format: 'esm', splitting: true, outdir: path.join(dir, 'out'), logLevel: 'error' })
      fs.copyFileSync(path.join(REPO, 'pkg/wasm_sentry_bg.wasm'), path.join(dir, 'out/wasm_sentry_bg.wasm'))
      fs.writeFileSync(path.join(dir, 'out/index.html'), '<!doctype html><script type="module" src="app.js"></script>')
      const page = await browser.newPage()
      await page.goto(`${bundled.url}/out/index.html`)
      await page.waitForFunction(() => window.fixtureReady)
      await page.evaluate((dsn) => window.Sentry.init({ dsn, attachStacktrace: true }), receiver.dsn)
      const events = await callSiteEvents(page)
      assertCallSites(events, true)
      assertValidByRelay(events, `${name}-api-call-site-bundled`)
      await page.close()
    } finally {
      await bundled.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  test('rejections and objects are named as the peer names them: UnhandledRejection, the Event\'s class, an Error held inside', async () => {
    const page = await openPage('{}')
    const events = await eventsOf(page, async () => {
      Promise.reject(42)
      Promise.reject({ a: 1 })
      Promise.reject(new CustomEvent('custom-thing', { detail: { why: 'x' } }))
      window.Sentry.captureException({ error: new TypeError('held inside'), status: 500 })
      window.Sentry.captureException({ alpha: 1, bravo: 2, charlie: 3, delta: 4, echo: 5, foxtrot: 6, golf: 7 })
      await new Promise((r) => setTimeout(r, 300))
    }, null, { expect: 5 })
    const values = events.map((e) => e.exception.values.at(-1))
    const byValue = (v) => values.find((x) => x.value === v)
    assert.equal(byValue('Non-Error promise rejection captured with value: 42').type, 'UnhandledRejection')
    assert.equal(byValue('Object captured as promise rejection with keys: a').type, 'UnhandledRejection')
    const custom = byValue('Event `CustomEvent` (type=custom-thing) captured as promise rejection')
    assert.equal(custom.type, 'CustomEvent')
    const customEvent = events.find((e) => e.exception.values.at(-1) === custom)
    assert.deepEqual(customEvent.extra.__serialized__, { type: 'custom-thing', target: null, currentTarget: null, isTrusted: false, detail: { why: 'x' } })
    const held = byValue('held inside')
    assert.deepEqual([held.type, held.mechanism.synthetic], ['TypeError', true])
    assert.ok(held.stacktrace.frames.length > 0)
    assert.equal(events.find((e) => e.exception.values.at(-1) === held).extra.__serialized__.status, 500)
    // The keys in the message stop at 40 characters, as the peer's.
    assert.ok(byValue('Object captured as exception with keys: alpha, bravo, charlie, delta, echo'), JSON.stringify(values))
    assertValidByRelay(events, `${name}-api-peer-names`)
    await page.close()
  })

  // A library served from another origin (another port), loaded by a classic
  // <script> without `crossorigin`: its errors reach the `error` event only as
  // a bare "Script error.".
  async function withCrossOriginLib(fn) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasm-sentry-lib-'))
    fs.writeFileSync(path.join(dir, 'lib.js'), `window.crossOriginLib = {
      later() { setTimeout(function libTimer() { throw new TypeError('thrown in a cross-origin timer') }) },
      listen(el) { el.addEventListener('click', function libClick() { throw new RangeError('thrown in a cross-origin listener') }) },
      listenObject(el) {
        const listener = { handleEvent: function libHandle() { throw new SyntaxError('thrown in a cross-origin handleEvent') } }
        el.addEventListener('click', listener)
        el.addEventListener('click', listener) // the same listener: one call, one report
      },
      frame() { requestAnimationFrame(function libFrame() { throw new Error('thrown in a cross-origin frame') }) },
    }`)
    const lib = await startStatic({ root: dir })
    try {
      return await fn(`${lib.url}/lib.js`)
    } finally {
      await lib.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
  const loadLib = (page, src) => page.evaluate((src) => new Promise((resolve, reject) => {
    const s = document.createElement('script')
    s.src = src
    s.onload = resolve
    s.onerror = reject
    document.head.append(s)
  }), src)

  test('BrowserApiErrors: a cross-origin script\'s errors in timers, listeners (functions and handleEvent objects) and animation frames arrive whole, once each', async () => {
    await withCrossOriginLib(async (src) => {
      const page = await openPage('{}')
      await loadLib(page, src)
      const start = receiver.events().length
      await page.evaluate(() => {
        window.crossOriginLib.later()
        window.crossOriginLib.listen(document.getElementById('btn'))
        window.crossOriginLib.listenObject(document.getElementById('btn'))
        window.crossOriginLib.frame()
      })
      await page.click('#btn')
      // A same-origin error in a timer: reported by the wrapper, not again by the `error` event.
      await page.evaluate(() => setTimeout(function ownTimer() { throw new Error('same-origin timer') }))
      await page.evaluate(() => new Promise((r) => setTimeout(r, 300)))
      await page.evaluate(() => window.Sentry.flush(5000))
      await receiver.waitForEvents(start + 5)
      await new Promise((r) => setTimeout(r, 300))
      const events = receiver.events().slice(start)
      const by = (v) => events.filter((e) => e.exception.values.at(-1).value === v).map((e) => e.exception.values.at(-1))
      for (const [value, type, api, fn] of [
        ['thrown in a cross-origin timer', 'TypeError', 'setTimeout', 'libTimer'],
        ['thrown in a cross-origin listener', 'RangeError', 'addEventListener', 'libClick'],
        ['thrown in a cross-origin handleEvent', 'SyntaxError', 'handleEvent', 'libHandle'],
        ['thrown in a cross-origin frame', 'Error', 'requestAnimationFrame', 'libFrame'],
        ['same-origin timer', 'Error', 'setTimeout', 'ownTimer'],
      ]) {
        const found = by(value)
        assert.equal(found.length, 1, `${value} once: ${JSON.stringify(events.map((e) => e.exception.values.at(-1).value))}`)
        const [ex] = found
        assert.deepEqual([ex.type, ex.mechanism.type, ex.mechanism.handled], [type, `auto.browser.browserapierrors.${api}`, false])
        const top = ex.stacktrace.frames.at(-1)
        // V8 names a listener by its receiver too (`HTMLButtonElement.libClick`).
        assert.match(top.function, new RegExp(`(^|\\.)${fn}$`))
        if (fn.startsWith('lib')) assert.equal(top.abs_path, src)
      }
      assert.equal(events.length, 5)
      assertValidByRelay(events, `${name}-api-browser-api-errors`)
      await page.close()
    })
  })

  test('BrowserApiErrors off: the cross-origin error is left to the `error` event (a bare "Script error." in Chromium); removeEventListener still removes a wrapped listener', async () => {
    await withCrossOriginLib(async (src) => {
      const page = await openPage(`{ integrations: (all) => all.filter((i) => i.name !== 'BrowserApiErrors') }`)
      await loadLib(page, src)
      const start = receiver.events().length
      await page.evaluate(() => window.crossOriginLib.later())
      await page.evaluate(() => new Promise((r) => setTimeout(r, 300)))
      await page.evaluate(() => window.Sentry.flush(5000))
      const events = receiver.events().slice(start)
      // Chromium mutes the error: nothing is sent. Firefox, driven over BiDi,
      // gives it to the `error` event whole (seen here; users' Firefox mutes it).
      if (name === 'chromium') assert.deepEqual(events, [])
      else assert.ok(events.every((e) => e.exception.values[0].mechanism.type === 'auto.browser.global_handlers.onerror'), JSON.stringify(events))
      await page.close()
    })
    const page = await openPage('{}')
    await page.evaluate(() => {
      window.calls = 0
      const listener = () => window.calls++
      const btn = document.getElementById('btn')
      btn.addEventListener('click', listener)
      btn.addEventListener('click', listener)
      btn.click()
      btn.removeEventListener('click', listener)
      btn.click()
    })
    assert.equal(await page.evaluate(() => window.calls), 1, 'added once (twice is one listener), then removed')
    await page.close()
  })

  test('FunctionToString, as the peer\'s: the SDK\'s wrappers still look native to code that checks; off by name, they do not', async () => {
    const natives = () => {
      const xhr = new XMLHttpRequest()
      xhr.open('GET', '/fixtures/blank.html')
      const onload = function onloadHandler() {}
      xhr.onload = onload
      xhr.send()
      const wrapped = xhr.onload !== onload
      const fns = [fetch, setTimeout, requestAnimationFrame, console.log, EventTarget.prototype.addEventListener, history.pushState, XMLHttpRequest.prototype.send]
      return {
        native: fns.map((f) => /\[native code\]/.test(String(f)) && /\[native code\]/.test(Function.prototype.toString.call(f))),
        onload: wrapped && String(xhr.onload) === String(onload),
      }
    }
    const page = await openPage('{}')
    assert.deepEqual(await page.evaluate(natives), { native: [true, true, true, true, true, true, true], onload: true })
    await page.close()
    const off = await openPage(`{ integrations: (d) => d.filter((i) => i.name !== 'FunctionToString') }`)
    const { native } = await off.evaluate(natives)
    assert.ok(native.every((n) => n === false), JSON.stringify(native))
    await off.close()
  })

  test('hostile values give events and never turn the SDK off: a Proxy whose every trap throws, throwing getters, cycles', async () => {
    const page = await openPage('{}')
    const events = await eventsOf(page, () => {
      const S = window.Sentry
      const hostile = new Proxy({}, new Proxy({}, { get: () => () => { throw new Error('trap') } }))
      const cyclic = { a: 1 }
      cyclic.self = cyclic
      const getters = new Error('getters')
      Object.defineProperty(getters, 'stack', { get() { throw new Error('no stack') } })
      const loop = new Error('cause loop')
      loop.cause = loop
      const group = new AggregateError([], 'unwalkable group')
      Object.defineProperty(group, 'errors', { value: new Proxy([], { get() { throw new Error('trap') } }) })
      const results = []
      const attempt = (f) => { try { results.push(f()) } catch (e) { results.push('threw: ' + e) } }
      attempt(() => S.setTag('hostile', hostile))
      attempt(() => S.setExtra('h', hostile))
      attempt(() => S.setContext('h', hostile))
      attempt(() => S.setUser(hostile))
      attempt(() => S.setLevel?.(hostile))
      attempt(() => S.addBreadcrumb(hostile))
      attempt(() => S.addBreadcrumb({ message: 'odd data', data: hostile }))
      attempt(() => S.captureException(hostile))
      attempt(() => S.captureMessage('hostile level', hostile))
      attempt(() => S.captureException(cyclic))
      attempt(() => S.captureException(getters))
      attempt(() => S.captureException(loop))
      attempt(() => S.captureException(group))
      attempt(() => S.captureException(new Error('still on')))
      window.results = results
    }, null, { expect: 7 })
    const results = await page.evaluate(() => window.results)
    assert.ok(!results.some((r) => String(r).startsWith('threw')), JSON.stringify(results))
    // What cannot be read is described, or left out where Sentry wants an object (user, contexts).
    const still = events.find((e) => e.exception?.values[0].value === 'still on')
    assert.equal(still.tags.hostile, '[object Object]')
    assert.equal(still.extra.h, '[Unreadable]')
    assert.equal(still.user, undefined)
    assert.equal(still.contexts?.h, undefined)
    const crumb = still.breadcrumbs.values.find((c) => c.message === 'odd data')
    assert.ok(crumb && crumb.data === undefined, JSON.stringify(still.breadcrumbs))
    const values = events.map((e) => e.exception?.values.at(-1).value ?? e.logentry?.message)
    for (const v of ['Object captured as exception with keys: [object has no keys]', 'hostile level',
      'Object captured as exception with keys: a, self', 'getters', 'cause loop', 'unwalkable group', 'still on']) {
      assert.ok(values.includes(v), `${v} in ${JSON.stringify(values)}`)
    }
    assertValidByRelay(events, `${name}-api-hostile`)
    await page.close()
  })

  test('cause chains and AggregateError become linked exceptions', async () => {
    const page = await openPage('{}')
    const [event] = await eventsOf(page, () => {
      const root = new TypeError('disk full')
      const mid = new Error('write failed', { cause: root })
      const top = new Error('save failed', { cause: mid })
      window.Sentry.captureException(top)
    }, null, { expect: 1 })
    const ex = event.exception.values
    assert.deepEqual(ex.map((e) => e.value), ['disk full', 'write failed', 'save failed'])
    assert.deepEqual(ex.map((e) => [e.mechanism.exception_id, e.mechanism.parent_id, e.mechanism.source]), [[2, 1, 'cause'], [1, 0, 'cause'], [0, undefined, undefined]])
    const [agg] = await eventsOf(page, () => {
      window.Sentry.captureException(new AggregateError([new Error('a'), new RangeError('b')], 'both failed'))
    }, null, { expect: 1 })
    const values = agg.exception.values
    assert.equal(values.at(-1).value, 'both failed')
    assert.equal(values.at(-1).mechanism.is_exception_group, true)
    assert.deepEqual(values.slice(0, -1).map((e) => e.mechanism.source).sort(), ['errors[0]', 'errors[1]'])
    assertValidByRelay([event, agg], `${name}-api-linked-errors`)
    await page.close()
  })

  test('beforeSend can change or drop events, and a throwing beforeSend keeps the event', async () => {
    const page = await openPage(`{
      beforeSend(event) {
        const value = event.exception?.values.at(-1).value
        if (value === 'drop me') return null
        if (value === 'explode') throw new Error('hook bug')
        // Neither an event nor null: the event is sent as it was.
        if (value === 'a string') return 'not an event'
        if (value === 'a proxy') return new Proxy({}, { get() { throw new Error('trap') }, ownKeys() { throw new Error('trap') } })
        if (value === 'rejects') return Promise.reject(new Error('async hook bug'))
        event.tags = { ...event.tags, seen: 'yes' }
        return event
      },
    }`)
    const events = await eventsOf(page, () => {
      window.Sentry.captureException(new Error('keep me'))
      window.Sentry.captureException(new Error('drop me'))
      window.Sentry.captureException(new Error('explode'))
      window.Sentry.captureException(new Error('a string'))
      window.Sentry.captureException(new Error('a proxy'))
      window.Sentry.captureException(new Error('rejects'))
    }, null, { expect: 5 })
    assert.deepEqual(events.map((e) => e.exception.values.at(-1).value).sort(), ['a proxy', 'a string', 'explode', 'keep me', 'rejects'])
    assert.equal(events.find((e) => e.exception.values[0].value === 'keep me').tags.seen, 'yes')
    assert.equal(page.pageErrors.length, 0, 'nothing leaked into the page')
    assertValidByRelay(events, `${name}-api-before-send`)
    await page.close()
  })

  test('addEventProcessor, as the peer\'s: after init, before beforeSend, in order; it may change, drop or await an event, and one that throws changes nothing', async () => {
    const page = await openPage(`{ beforeSend: (e) => ({ ...e, tags: { ...e.tags, order: (e.tags?.order || '') + 'beforeSend' } }) }`)
    const events = await eventsOf(page, async () => {
      const S = window.Sentry
      S.addEventProcessor((e) => ({ ...e, tags: { ...e.tags, order: 'first,' } }))
      S.addEventProcessor(async (e) => {
        await new Promise((r) => setTimeout(r, 20))
        e.tags.order += 'async,'
        return e
      })
      S.addEventProcessor((e) => (e.logentry?.message === 'drop me' ? null : e))
      S.addEventProcessor(() => { throw new Error('a broken processor') })
      S.captureMessage('kept')
      S.captureMessage('drop me')
      S.captureException(new Error('kept too'))
      await new Promise((r) => setTimeout(r, 100))
    }, null, { expect: 2 })
    assert.equal(events.length, 2)
    for (const e of events) assert.equal(e.tags.order, 'first,async,beforeSend')
    assertValidByRelay(events, `${name}-api-event-processors`)
    await page.close()
  })

  test('flush waits for an async beforeSend: false while it has not settled, true once the event was handed over', async () => {
    const page = await openPage(`{
      beforeSend: (event) => new Promise((resolve) => { window.settle = () => resolve(event) }),
    }`)
    const start = receiver.events().length
    const early = await page.evaluate(() => {
      window.Sentry.captureException(new Error('slow hook'))
      return window.Sentry.flush(300)
    })
    assert.equal(early, false, 'the event is still in beforeSend')
    assert.equal(await page.evaluate(() => { window.settle(); return window.Sentry.flush(5000) }), true)
    const [event] = (await receiver.waitForEvents(start + 1)).slice(start)
    assert.equal(event.exception.values[0].value, 'slow hook')
    assertValidByRelay([event], `${name}-api-before-send-async`)
    await page.close()
  })

  test('options that cannot be read are left out: the SDK still starts and sends', async () => {
    const hostile = 'new Proxy({}, { get() { throw new Error("trap") }, ownKeys() { throw new Error("trap") }, getPrototypeOf() { throw new Error("trap") } })'
    const page = await openPage(`{
      integrations: (defaults) => [...defaults, ${hostile}, null, 5],
      ignoreErrors: [${hostile}, 'ignored here'],
      initialScope: { tags: ${hostile} },
    }`)
    const events = await eventsOf(page, () => {
      window.Sentry.captureException(new Error('ignored here'))
      window.Sentry.captureException(new Error('sent'))
      setTimeout(() => { throw new Error('uncaught, still handled') })
    }, null, { expect: 2 })
    assert.deepEqual(events.map((e) => e.exception.values[0].value).sort(), ['sent', 'uncaught, still handled'])
    assertValidByRelay(events, `${name}-api-hostile-options`)
    await page.close()
  })

  test('sampleRate 0 sends nothing; ignoreErrors and denyUrls filter; dedupe drops a repeat', async () => {
    const sampled = await openPage('{ sampleRate: 0 }')
    assert.deepEqual(await eventsOf(sampled, () => window.Sentry.captureException(new Error('sampled out'))), [])
    await sampled.close()

    const page = await openPage(`{ ignoreErrors: ['ResizeObserver loop', /^Ignored/], denyUrls: [/extension:\\/\\//] }`)
    const events = await eventsOf(page, () => {
      const S = window.Sentry
      S.captureException(new Error('ResizeObserver loop limit exceeded'))
      S.captureException(new Error('Ignored by a regexp'))
      const fromExtension = new Error('from an extension')
      Object.defineProperty(fromExtension, 'stack', { value: 'Error: from an extension\n    at x (chrome-extension://abc/x.js:1:1)' })
      S.captureException(fromExtension)
      const same = new Error('twice')
      S.captureException(same)
      S.captureException(same)
      S.captureException(new Error('kept'))
    }, null, { expect: 2 })
    assert.deepEqual(events.map((e) => e.exception.values[0].value), ['twice', 'kept'])
    assertValidByRelay(events, `${name}-api-filters`)
    await page.close()
  })

  test('privacy: sensitive keys, query values and card numbers are scrubbed unless sendDefaultPii; secrets in URL queries always', async () => {
    const act = () => {
      const S = window.Sentry
      S.setExtra('password', 'hunter2')
      S.setExtra('profile', { name: 'Ada', api_key: 'k-123', card: '4111 1111 1111 1111' })
      S.setContext('login', { session_id: 's-1', kind: 'oauth' })
      S.addBreadcrumb({ category: 'net', data: { authorization: 'Bearer x', url: '/a?access_token=t0k&page=2' } })
      S.captureException(new Error('private'))
    }
    const page = await openPage('{}', '?token=secret123&q=1')
    const [event] = await eventsOf(page, act, null, { expect: 1 })
    assert.equal(event.extra.password, '[Filtered]')
    assert.deepEqual(event.extra.profile, { name: 'Ada', api_key: '[Filtered]', card: '[Filtered]' })
    assert.deepEqual(event.contexts.login, { session_id: '[Filtered]', kind: 'oauth' })
    const crumb = event.breadcrumbs.values.find((c) => c.category === 'net')
    assert.equal(crumb.data.authorization, '[Filtered]')
    assert.equal(crumb.data.url, '/a?access_token=[Filtered]&page=2')
    assert.equal(event.request.url, `${site.url}/fixtures/api.html?token=[Filtered]&q=1`)
    assert.equal(event.user?.ip_address, undefined)
    assertValidByRelay([event], `${name}-api-scrubbed`)
    await page.close()

    const pii = await openPage('{ sendDefaultPii: true }', '?token=secret123&q=1')
    const [raw] = await eventsOf(pii, act, null, { expect: 1 })
    assert.equal(raw.extra.password, 'hunter2')
    assert.equal(raw.breadcrumbs.values.find((c) => c.category === 'net').data.authorization, 'Bearer x')
    // Secrets in URLs' queries are filtered either way, as the peer 11 filters them (its dataCollection.urlQueryParams).
    assert.equal(raw.request.url, `${site.url}/fixtures/api.html?token=[Filtered]&q=1`)
    assert.equal(raw.breadcrumbs.values.find((c) => c.category === 'net').data.url, '/a?access_token=[Filtered]&page=2')
    assertValidByRelay([raw], `${name}-api-pii`)
    await pii.close()
  })

  test('maxValueLength cuts exception values and the request URL, not messages, as the peer 11\'s; huge values still give valid events', async () => {
    const page = await openPage('{ maxValueLength: 20, attachStacktrace: false }', '?q=' + 'u'.repeat(50))
    const events = await eventsOf(page, () => {
      window.Sentry.captureMessage('x'.repeat(100))
      window.Sentry.captureException(new Error('y'.repeat(2_000_000)))
    }, null, { expect: 2 })
    const msg = events.find((e) => !e.exception)
    assert.equal(msg.logentry.message, 'x'.repeat(100))
    const err = events.find((e) => e.exception)
    assert.ok(err.exception.values[0].value.length <= 23)
    assert.ok(err.request.url.length <= 23, err.request.url)
    assertValidByRelay(events, `${name}-api-max-value-length`)
    await page.close()
    // No maxValueLength (the default): nothing is cut, but an event over Sentry's 1 MiB limit
    // loses what it can and at last cuts its message and values to what Sentry keeps (8192,
    // and the peer's ellipsis).
    const plain = await openPage('{}')
    const huge = await eventsOf(plain, () => {
      window.Sentry.captureMessage('m'.repeat(2_000_000))
      window.Sentry.captureException(new Error('e'.repeat(2_000_000)))
      window.Sentry.captureException(new Error('f'.repeat(1000)))
    }, null, { expect: 3 })
    assert.deepEqual(huge.map((e) => (e.exception ? e.exception.values.at(-1).value : e.logentry.message).length), [8195, 8195, 1000])
    assertValidByRelay(huge, `${name}-api-huge-values`)
    await plain.close()
  })

  test('tunnel: envelopes go to the app\'s endpoint, naming the DSN in their header', async () => {
    const page = await openPage(`{ tunnel: ${JSON.stringify('__TUNNEL__')} }`.replace('__TUNNEL__', `http://127.0.0.1:${new URL(receiver.dsn).port}/tunnel`))
    const start = receiver.envelopes.length
    await eventsOf(page, () => window.Sentry.captureMessage('through the tunnel'), null, { expect: 1 })
    const env = receiver.envelopes.slice(start).find((e) => e.tunnelled)
    assert.ok(env, 'sent to the tunnel')
    assert.equal(env.envelope.header.dsn, receiver.dsn)
    assertValidByRelay(env.envelope.items.map((i) => i.payload), `${name}-api-tunnel`)
    await page.close()
  })

  test('getClient and isInitialized, as the peer\'s: the client while the SDK is on, its options, flush and close', async () => {
    const page = await openPage(`{ release: 'shop@1.2.3' }`)
    const seen = await page.evaluate(async () => {
      const S = window.Sentry
      const on = [S.isInitialized(), S.getClient()?.getOptions().release]
      // The lazy-replay pattern: an integration added later is accepted.
      S.getClient().addIntegration(S.replayIntegration())
      S.captureMessage('through getClient')
      const flushed = await S.getClient().flush(5000)
      const closed = await S.getClient().close(1000)
      return { on, flushed, closed, after: [S.isInitialized(), S.getClient() === undefined] }
    })
    assert.deepEqual(seen, { on: [true, 'shop@1.2.3'], flushed: true, closed: true, after: [false, true] })
    // Flushed: the receiver has it.
    const [event] = receiver.events().filter((e) => e.logentry?.message === 'through getClient')
    assert.equal(event.release, 'shop@1.2.3')
    assertValidByRelay([event], `${name}-api-get-client`)
    await page.close()
    const off = await openPage('{ enabled: false }')
    assert.deepEqual(await off.evaluate(() => [window.Sentry.isInitialized(), window.Sentry.getClient() === undefined]), [false, true])
    await off.close()
  })

  test('the span API runs the app\'s instrumented code as the peer runs it with tracing off', async () => {
    const page = await openPage('{}')
    const events = await eventsOf(page, async () => {
      const S = window.Sentry
      const recording = S.startSpan({ name: 'checkout', op: 'ui' }, (span) => {
        S.getCurrentScope().setTag('in_span', 'yes')
        S.captureException(new Error('inside a span'))
        return span.setAttribute('items', 3).setStatus({ code: 1 }).isRecording()
      })
      let thrown
      try {
        S.startSpan({ name: 'failing' }, () => { throw new Error('passes through') })
      } catch (e) {
        thrown = e.message
      }
      const ids = await S.startSpanManual({ name: 'manual' }, async (span, finish) => {
        await new Promise((r) => setTimeout(r, 5))
        finish()
        return span.spanContext()
      })
      const traced = S.continueTrace({ sentryTrace: 'x', baggage: 'y' }, () => S.startNewTrace(() => 'in a new trace'))
      S.captureException(new Error('outside the spans'))
      window.spans = { recording, thrown, ids, traced, inactive: S.startInactiveSpan({ name: 'bg' }).isRecording(), active: S.getActiveSpan() ?? null, suppressed: S.suppressTracing(() => 7) }
    }, null, { expect: 2 })
    const seen = await page.evaluate(() => window.spans)
    assert.deepEqual({ ...seen, ids: undefined }, { recording: false, thrown: 'passes through', ids: undefined, traced: 'in a new trace', inactive: false, active: null, suppressed: 7 })
    assert.match(seen.ids.traceId, /^[0-9a-f]{32}$/)
    assert.match(seen.ids.spanId, /^[0-9a-f]{16}$/)
    assert.equal(seen.ids.traceFlags, 0)
    const inside = events.find((e) => e.exception.values[0].value === 'inside a span')
    const outside = events.find((e) => e.exception.values[0].value === 'outside the spans')
    assert.equal(inside.tags.in_span, 'yes')
    assert.equal(outside.tags?.in_span, undefined, "a span's callback has a scope of its own")
    assertValidByRelay(events, `${name}-api-spans`)
    await page.close()
  })

  test("showReportDialog loads Sentry's crash-report dialog for the last event, prefilled with the scope's user", async () => {
    const page = await openPage('{}')
    await eventsOf(page, () => {
      window.Sentry.setUser({ id: '7', email: 'ada@example.com' })
      window.Sentry.captureException(new Error('before the dialog'))
    }, null, { expect: 1 })
    const before = receiver.dialogs().length
    const seen = await page.evaluate(() => new Promise((resolve) => {
      const calls = []
      window.Sentry.showReportDialog({
        user: { name: 'Ada L.' },
        title: 'Oops & sorry',
        onLoad: () => calls.push('load'),
        onClose: () => resolve({ calls: [...calls, 'close'], id: window.Sentry.lastEventId() }),
      })
    }))
    assert.deepEqual(seen.calls, ['load', 'close'])
    assert.deepEqual(receiver.dialogs().slice(before), [{ dsn: receiver.dsn, eventId: seen.id, name: 'Ada L.', email: 'ada@example.com', title: 'Oops & sorry' }])
    await page.close()
    // No event yet: onError says so, and nothing is fetched.
    const fresh = await openPage('{}')
    const error = await fresh.evaluate(() => new Promise((resolve) => window.Sentry.showReportDialog({ onError: (e) => resolve(e.message) })))
    assert.equal(error, 'No event ID to show the report dialog for')
    assert.equal(receiver.dialogs().length, before + 1)
    await fresh.close()
  })

  test("beforeSend and event processors get the peer's hint; an app's own integration's hooks run", async () => {
    const page = await openPage(`{
      environment: 'hooks',
      integrations: (defaults) => [...defaults, {
        name: 'AppTagger',
        setupOnce() { window.setupCalls = (window.setupCalls || 0) + 1 },
        setup(client) { window.setupSaw = client.getOptions().environment },
        preprocessEvent(event) { event.tags = { ...event.tags, pre: 'yes' } },
        processEvent(event, hint) {
          if (hint.originalException && hint.originalException.dropMe) return null
          return { ...event, tags: { ...event.tags, app: 'tagged' } }
        },
      }],
      beforeSend(event, hint) {
        const o = hint.originalException
        const original = o === window.captured ? 'the captured error' : o === window.thrown ? 'the thrown error' : typeof o === 'string' ? o : typeof o
        event.extra = { ...event.extra, hint: { sameId: hint.event_id === event.event_id, original, synthetic: hint.syntheticException instanceof Error, mechanism: hint.mechanism ? hint.mechanism.type : null, given: hint.given || null } }
        return event
      },
    }`)
    const events = await eventsOf(page, async () => {
      const S = window.Sentry
      window.captured = new Error('captured')
      S.captureException(window.captured, { given: 'by the app' })
      S.captureMessage('a message')
      const dropped = new Error('dropped by the integration')
      dropped.dropMe = true
      S.captureException(dropped)
      await new Promise((r) => setTimeout(() => { window.thrown = new Error('from a timer'); r() }))
      setTimeout(() => { throw window.thrown })
      await new Promise((r) => setTimeout(r, 100))
    }, null, { expect: 3 })
    assert.equal(events.length, 3, 'processEvent dropped one')
    const by = (v) => events.find((e) => (e.exception?.values.at(-1).value ?? e.logentry?.message) === v)
    assert.deepEqual(by('captured').extra.hint, { sameId: true, original: 'the captured error', synthetic: true, mechanism: 'generic', given: 'by the app' })
    assert.deepEqual(by('a message').extra.hint, { sameId: true, original: 'a message', synthetic: true, mechanism: null, given: null })
    assert.deepEqual(by('from a timer').extra.hint, { sameId: true, original: 'the thrown error', synthetic: false, mechanism: 'auto.browser.browserapierrors.setTimeout', given: null })
    for (const e of events) assert.deepEqual([e.tags.pre, e.tags.app], ['yes', 'tagged'])
    assert.deepEqual(await page.evaluate(() => [window.setupCalls, window.setupSaw]), [1, 'hooks'])
    assertValidByRelay(events, `${name}-api-hooks-hint`)
    await page.close()
  })

  test('a hint that cannot be read still gives the event, and the hooks get what was captured', async () => {
    const page = await openPage(`{ beforeSend: (event, hint) => ({ ...event, extra: { hintKeys: Object.keys(hint) } }) }`)
    const [event] = await eventsOf(page, () => {
      const hostile = new Proxy({}, new Proxy({}, { get: () => () => { throw new Error('trap') } }))
      window.Sentry.captureException(new Error('with a hostile hint'), hostile)
    }, null, { expect: 1 })
    assert.equal(event.exception.values[0].value, 'with a hostile hint')
    assert.equal(event.exception.values[0].mechanism.type, 'generic')
    assert.deepEqual(event.extra.hintKeys, ['originalException', 'syntheticException', 'mechanism', 'event_id'])
    assertValidByRelay([event], `${name}-api-hostile-hint`)
    await page.close()
  })

  test('extraErrorDataIntegration: an Error\'s own fields and cause as its context, scrubbed', async () => {
    const page = await openPage(`{ integrations: (d) => [...d, window.Sentry.extraErrorDataIntegration()] }`)
    const [event] = await eventsOf(page, () => {
      class HttpError extends Error {
        constructor(message, options) {
          super(message, options)
          this.name = 'HttpError'
          this.status = 503
          this.response = { body: { deep: { deeper: 1 } } }
          this.authToken = 'hunter2'
          this.request = { card: 'paid with 4111 1111 1111 1111' }
        }
      }
      window.Sentry.captureException(new HttpError('upstream down', { cause: new Error('socket hang up') }))
    }, null, { expect: 1 })
    // Scrubbed as every context is: a sensitive key, a card number.
    assert.deepEqual(event.contexts.HttpError, { status: 503, response: { body: { deep: '[Object]' } }, authToken: '[Filtered]', request: { card: 'paid with [Filtered]' }, cause: 'Error: socket hang up' })
    assertValidByRelay([event], `${name}-api-extra-error-data`)
    await page.close()
  })

  test('captureConsoleIntegration: console calls of its levels become events, worded as the peer words them', async () => {
    const page = await openPage(`{ integrations: (d) => [...d, window.Sentry.captureConsoleIntegration({ levels: ['error', 'warn', 'assert'] })] }`)
    const events = await eventsOf(page, () => {
      console.error('Payment failed for', { id: 7 })
      console.warn(new TypeError('bad input'))
      console.assert(1 === 2, 'math is broken')
      console.assert(true, 'fine')
      console.info('not one of its levels')
    }, null, { expect: 3 })
    assert.equal(events.length, 3)
    const [message, exception, assertion] = events
    assert.deepEqual([message.logentry.message, message.level, message.extra.arguments], ['Payment failed for [object Object]', 'error', ['Payment failed for', { id: 7 }]])
    const ex = exception.exception.values.at(-1)
    assert.deepEqual([ex.type, ex.value, ex.mechanism.type, ex.mechanism.handled, exception.level], ['TypeError', 'bad input', 'auto.core.capture_console', true, 'warning'])
    assert.deepEqual([assertion.logentry.message, assertion.level, assertion.extra.arguments], ['Assertion failed: math is broken', 'info', ['math is broken']])
    assertValidByRelay(events, `${name}-api-capture-console`)
    await page.close()
  })

  test('captureFeedback sends user feedback as the peer does: not an error, so never sampled, filtered or shown to beforeSend', async () => {
    const page = await openPage(`{ sampleRate: 0, beforeSend: () => null, ignoreErrors: [/.*/] }`)
    const before = receiver.feedback().length
    const id = await page.evaluate(async () => {
      const id = window.Sentry.captureFeedback({
        message: 'The pay button does nothing',
        name: 'Ada L.',
        email: 'ada@example.com',
        url: location.href,
        source: 'checkout-form',
        associatedEventId: '0123456789abcdef0123456789abcdef',
        tags: { page: 'checkout' },
      })
      await window.Sentry.flush(5000)
      return id
    })
    const [item] = receiver.feedback().slice(before)
    assert.ok(item, 'a feedback item arrived')
    assert.deepEqual([item.event_id, item.type, item.level, item.tags], [id, 'feedback', 'info', { page: 'checkout' }])
    assert.deepEqual(item.contexts.feedback, {
      contact_email: 'ada@example.com', name: 'Ada L.', message: 'The pay button does nothing',
      url: `${site.url}/fixtures/api.html`, source: 'checkout-form', associated_event_id: '0123456789abcdef0123456789abcdef',
    })
    assertValidByRelay([item], `${name}-api-feedback`)
    await page.close()
  })

  test('undefined inside user data is sent as the peer sends it: no member in an object, null in an array', async () => {
    const page = await openPage('{}')
    const [event] = await eventsOf(page, () => {
      const S = window.Sentry
      S.setExtra('list', [undefined, 1, { x: undefined, y: 2 }])
      S.setContext('order', { id: 7, coupon: undefined })
      S.addBreadcrumb({ message: 'paid', data: { via: undefined, amount: 3 } })
      S.captureMessage('with holes')
    }, null, { expect: 1 })
    assert.deepEqual(event.extra.list, [null, 1, { y: 2 }])
    assert.deepEqual(event.contexts.order, { id: 7 })
    assert.deepEqual(event.breadcrumbs.values.find((c) => c.message === 'paid').data, { amount: 3 })
    assertValidByRelay([event], `${name}-api-undefined`)
    await page.close()
  })

  test('boxed strings, numbers and booleans are their values, as JSON has them: a String message (the peer\'s parameterize) is its text', async () => {
    const page = await openPage('{}')
    const events = await eventsOf(page, () => {
      const S = window.Sentry
      S.setExtra('boxed', { s: new String('x'), n: new Number(2), b: new Boolean(false), fake: { [Symbol.toStringTag]: 'String', v: 1 } })
      S.captureMessage(new String('a boxed message'))
      const id = 42
      S.captureMessage(S.parameterize`Order ${id} failed at 100%`)
    }, null, { expect: 2 })
    assert.deepEqual(events.map((e) => e.logentry.message), ['a boxed message', 'Order 42 failed at 100%'])
    assert.deepEqual(events[0].extra.boxed, { s: 'x', n: 2, b: false, fake: { v: 1 } })
    assertValidByRelay(events, `${name}-api-boxed`)
    await page.close()
  })

  test('scopes as the peer\'s: setTransactionName, clear, clearBreadcrumbs, update, chained setters; captureEvent keeps its transaction, logger and mechanism', async () => {
    const page = await openPage('{ attachStacktrace: false }')
    const events = await eventsOf(page, () => {
      const S = window.Sentry
      S.getIsolationScope().setTransactionName('/checkout').setTag('flow', 'pay')
      S.addBreadcrumb({ message: 'before clearing' })
      S.captureMessage('in a transaction')
      S.getIsolationScope().clearBreadcrumbs()
      S.withScope((scope) => {
        scope.update({ tags: { step: 2 }, extra: { cart: 3 }, user: { id: 'u1' }, level: 'warning', fingerprint: ['f'] }).setContext('order', { id: 9 })
        scope.captureMessage('updated')
      })
      S.getIsolationScope().clear()
      S.captureMessage('after clear')
      S.captureEvent({ message: 'hand-built', transaction: '/own', logger: 'billing', exception: { values: [{ type: 'E', value: 'v', mechanism: { type: 'manual', handled: false } }] } })
    }, null, { expect: 4 })
    const by = (m) => events.find((e) => (e.logentry?.message ?? e.exception?.values[0].value) === m)
    const first = by('in a transaction')
    assert.deepEqual([first.transaction, first.tags.flow, first.breadcrumbs.values.map((c) => c.message)], ['/checkout', 'pay', ['before clearing']])
    const updated = by('updated')
    assert.deepEqual([updated.tags, updated.extra, updated.user, updated.level, updated.fingerprint, updated.contexts.order, updated.breadcrumbs], [{ flow: 'pay', step: '2' }, { cart: 3 }, { id: 'u1' }, 'warning', ['f'], { id: 9 }, undefined])
    const cleared = by('after clear')
    assert.deepEqual([cleared.transaction, cleared.tags], [undefined, undefined])
    const own = by('hand-built')
    assert.deepEqual([own.transaction, own.logger, own.exception.values[0].mechanism.type, own.exception.values[0].mechanism.handled], ['/own', 'billing', 'manual', false])
    assertValidByRelay(events, `${name}-api-scope-methods`)
    await page.close()
  })

  test('captureEvent sends a hand-built event', async () => {
    const page = await openPage('{}')
    const [event] = await eventsOf(page, () => window.Sentry.captureEvent({ message: 'hand-built', level: 'warning', tags: { kind: 'manual' }, extra: { n: 1 } }), null, { expect: 1 })
    assert.equal(event.logentry.message, 'hand-built')
    assert.equal(event.level, 'warning')
    assert.deepEqual(event.tags, { kind: 'manual' })
    assertValidByRelay([event], `${name}-api-capture-event`)
    await page.close()
  })

  test('request context: page URL, User-Agent and Referer; Sentry derives the browser and OS contexts; the culture context', async () => {
    const page = await openPage('{}', '?from=test', '/fixtures/blank.html')
    const [event] = await eventsOf(page, () => window.Sentry.captureMessage('where am I'), null, { expect: 1 })
    // As the peer's CultureContext integration: the browser's own locale, time zone and calendar.
    const culture = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions())
    assert.deepEqual(event.contexts.culture, { locale: culture.locale, timezone: culture.timeZone, calendar: culture.calendar })
    // The app's own culture context is merged over it, as the peer merges it.
    const [merged] = await eventsOf(page, () => {
      window.Sentry.setContext('culture', { timezone: 'Europe/Paris', is24HourFormat: true })
      window.Sentry.captureMessage('in Paris')
    }, null, { expect: 1 })
    assert.deepEqual(merged.contexts.culture, { locale: culture.locale, timezone: 'Europe/Paris', calendar: culture.calendar, is24HourFormat: true })
    assert.equal(event.request.url, `${site.url}/fixtures/api.html?from=test`)
    assert.equal(event.request.headers['User-Agent'], await page.evaluate(() => navigator.userAgent))
    assert.equal(event.request.headers.Referer, `${site.url}/fixtures/blank.html`)
    const [stored] = relayNormalized([event])
    assert.match(stored.contexts.browser.name, name === 'chromium' ? /Chrome/ : /Firefox/)
    assert.equal(stored.contexts.os.name, 'Linux')
    assertValidByRelay([event, merged], `${name}-api-request-context`)
    await page.close()
  })

  test('each default integration can be turned off; enabled: false and a bare "Script error." send nothing', async () => {
    const page = await openPage(`{
      integrations: (defaults) => defaults.filter((i) => !['Breadcrumbs', 'Console', 'HttpContext', 'Dedupe', 'CultureContext'].includes(i.name)),
    }`)
    const events = await eventsOf(page, () => {
      console.log('not recorded')
      const same = new Error('twice without Dedupe')
      window.Sentry.captureException(same)
      window.Sentry.captureException(same)
    }, null, { expect: 2 })
    assert.equal(events.length, 2, 'no Dedupe')
    assert.equal(events[0].breadcrumbs, undefined, 'no Breadcrumbs')
    assert.equal(events[0].request, undefined, 'no HttpContext')
    assert.equal(events[0].contexts?.culture, undefined, 'no CultureContext')
    await page.close()

    // Console breadcrumbs are the Console integration's (the peer's names since v8): off by its
    // name while the other sources stay, or of the methods in its \`levels\`.
    const noConsole = await openPage(`{ integrations: (d) => d.filter((i) => i.name !== 'Console') }`)
    const [quiet] = await eventsOf(noConsole, () => {
      console.error('not recorded')
      window.Sentry.addBreadcrumb({ message: 'by hand' })
      window.Sentry.captureMessage('no console')
    }, null, { expect: 1 })
    assert.deepEqual(quiet.breadcrumbs.values.map((c) => c.message), ['by hand'])
    await noConsole.close()
    const errorsOnly = await openPage(`{ integrations: [window.Sentry.consoleIntegration({ levels: ['error'] })] }`)
    const [levels] = await eventsOf(errorsOnly, () => {
      console.log('not recorded')
      console.error('recorded')
      window.Sentry.captureMessage('console levels')
    }, null, { expect: 1 })
    assert.deepEqual(levels.breadcrumbs.values.map((c) => [c.message, c.level]), [['recorded', 'error']])
    await errorsOnly.close()
    events.push(quiet, levels)

    // With BrowserApiErrors off too: its wrapper would catch the timer's error itself, as the peer's does.
    const noHandlers = await openPage(`{
      integrations: (d) => [...d.filter((i) => i.name !== 'BrowserApiErrors'), window.Sentry.globalHandlersIntegration({ onerror: false })],
    }`)
    const none = await eventsOf(noHandlers, async () => {
      setTimeout(() => { throw new Error('not captured: onerror is off') })
      // Cross-origin scripts surface as a bare "Script error." with no error object.
      window.dispatchEvent(new ErrorEvent('error', { message: 'Script error.' }))
      await new Promise((r) => setTimeout(r, 200))
    })
    assert.deepEqual(none, [])
    await noHandlers.close()

    const off = await openPage('{ enabled: false }')
    assert.deepEqual(await eventsOf(off, () => window.Sentry.captureException(new Error('disabled'))), [])
    await off.close()

    const scriptError = await openPage('{}')
    assert.deepEqual(await eventsOf(scriptError, () => window.dispatchEvent(new ErrorEvent('error', { message: 'Script error.' }))), [])
    await scriptError.close()

    // The peer's default ignoreErrors: browser and third-party noise, unless EventFilters is off.
    const noise = async () => {
      window.dispatchEvent(new ErrorEvent('error', { message: 'ResizeObserver loop completed with undelivered notifications.' }))
      window.Sentry.captureException(new TypeError('Cannot redefine property: googletag'))
      window.Sentry.captureException(new Error('Java object is gone'))
      window.Sentry.captureException(new Error('a real error'))
      await new Promise((r) => setTimeout(r, 100))
    }
    const filtered = await openPage('{}')
    const kept = await eventsOf(filtered, noise, null, { expect: 1 })
    assert.deepEqual(kept.map((e) => e.exception.values[0].value), ['a real error'])
    await filtered.close()
    const unfiltered = await openPage(`{ integrations: (d) => d.filter((i) => i.name !== 'EventFilters') }`)
    const all = await eventsOf(unfiltered, noise, null, { expect: 4 })
    assert.equal(all.length, 4)
    await unfiltered.close()

    // The peer's integration options and names: patterns of the filters' own, the defaults off,
    // and tracing and replay integrations accepted (and ignored) as an existing app passes them.
    const own = await openPage(`{
      integrations: [
        window.Sentry.eventFiltersIntegration({ ignoreErrors: ['a real error'], disableErrorDefaults: true }),
        window.Sentry.browserTracingIntegration(), window.Sentry.replayIntegration(),
      ],
    }`)
    const ownKept = await eventsOf(own, noise, null, { expect: 3 })
    assert.deepEqual(ownKept.map((e) => e.exception.values[0].value).sort(),
      ['Cannot redefine property: googletag', 'Java object is gone', 'ResizeObserver loop completed with undelivered notifications.'])
    await own.close()
    assertValidByRelay([...events, ...kept, ...all, ...ownKept], `${name}-api-integrations`)
  })
})
