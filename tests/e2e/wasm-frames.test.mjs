// A JS app's own wasm modules, in real headless Chromium and Firefox, in
// workerd and in Node: mangled Rust symbol names (v0 and legacy) in their
// frames, and debug images.
//
// The npm package's pages wasm leaves the demangling grammars out (4.4 KB gzip);
// the demangler module is fetched on the first name that needs it, and the
// events waiting for it leave once it came, demangled. A page that never
// meets such a name never fetches it. Workers, which cannot compile wasm at
// run time, have a wasm of their own with the grammar built in.
//
// Debug images need the registry of modules, which the npm package leaves
// to the app (`import 'wasm-sentry/wasm'`, as @sentry/wasm is opted into).
// Every event is validated by Relay.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startReceiver } from '../support/receiver.mjs'
import { browserFixture, forEachBrowser, openApiPage } from '../support/browsers.mjs'
import { assertValidByRelay } from '../support/relay.mjs'
import { startWorkerd } from '../support/workerd.mjs'
import { WasmModule } from '../corpus/capture/lib/wasm.mjs'

const HERE = path.dirname(new URL(import.meta.url).pathname)

// A module whose name section holds mangled names (v0, and one legacy), as a
// linker run with --no-demangle writes them: `callJs` calls the imported `env.js_throw`
// through `corpus::call_js`; `trap` reaches `unreachable` in `corpus::middle`.
const NAMES = {
  call_js: '_RNvCs1234_6corpus7call_js',
  middle: '_ZN6corpus6middle17h0123456789abcdefE',
  outer: '_RNvCs1234_6corpus5outer',
}
// With `buildId` (hex), the module carries it as wasm-ld writes it: a
// `build_id` custom section holding its length, then its bytes.
function moduleBytes(buildId) {
  const m = new WasmModule({ moduleName: 'corpus_mod', names: true })
  const jsThrow = m.importFunc('env', 'js_throw', { name: 'js_throw' })
  m.func(NAMES.call_js, { exportAs: 'callJs' }, (b) => b.call(jsThrow))
  const middle = m.func(NAMES.middle, {}, (b) => b.nop().unreachable())
  m.func(NAMES.outer, { exportAs: 'trap' }, (b) => b.call(middle))
  const bytes = [...m.build().bytes]
  if (!buildId) return bytes
  const id = buildId.match(/../g).map((h) => parseInt(h, 16))
  const payload = [8, ...Buffer.from('build_id'), id.length, ...id]
  return [...bytes, 0, payload.length, ...payload]
}

const DEMANGLER = '/pkg/wasm_sentry_demangle.wasm'

forEachBrowser((name, launch, test) => {
  let receiver, site, browser

  browserFixture(launch, (fx) => ({ receiver, site, browser } = fx))
  const openPage = (optionsSource) => openApiPage({ browser, site, receiver }, optionsSource)

  async function eventsOf(page, fn, arg, expect) {
    const start = receiver.events().length
    await page.evaluate(fn, arg)
    assert.equal(await page.evaluate(() => window.Sentry.flush(8000)), true, 'flush saw everything handed over')
    await receiver.waitForEvents(start + expect)
    await new Promise((r) => setTimeout(r, 200))
    return receiver.events().slice(start)
  }

  /** The frame named `function`, in `event`'s last exception. */
  const frameOf = (event, fn) => event.exception.values.at(-1).stacktrace.frames.find((f) => f.function === fn)

  test('a page that meets no Rust v0 name and never calls ready() fetches neither the demangler nor parse.js', async () => {
    const page = await openPage()
    const [event] = await eventsOf(page, () => window.Sentry.captureException(new Error('plain')), null, 1)
    assert.equal(event.exception.values[0].value, 'plain')
    assert.ok(!site.requests.includes(DEMANGLER), site.requests.join(' '))
    assert.ok(!site.requests.includes('/pkg/parse.js'), site.requests.join(' '))
    await page.close()
  })

  test('v0 names in wasm frames are demangled by the demangler module, fetched once on demand', async () => {
    const page = await openPage()
    const events = await eventsOf(page, async (bytes) => {
      const { instance } = await WebAssembly.instantiate(new Uint8Array(bytes), { env: { js_throw: () => { throw new Error('thrown under Rust frames') } } })
      window.Sentry.setTag('phase', 'before')
      try {
        instance.exports.callJs()
      } catch (e) {
        window.captured = window.Sentry.captureException(e)
      }
      // The scope at capture time is the event's, though it leaves later.
      window.Sentry.setTag('phase', 'after')
      // And one through the global handler: a trap, uncaught.
      setTimeout(() => instance.exports.trap())
      await new Promise((r) => setTimeout(r, 50))
    }, moduleBytes(), 2)
    assert.equal(events.length, 2)
    const thrown = events.find((e) => e.exception.values[0].value === 'thrown under Rust frames')
    assert.equal(thrown.event_id, await page.evaluate(() => window.captured))
    assert.equal(thrown.tags.phase, 'before')
    const callJs = frameOf(thrown, 'corpus::call_js')
    assert.ok(callJs, JSON.stringify(thrown.exception.values[0].stacktrace.frames, null, 1))
    assert.equal(callJs.raw_function, `corpus_mod.${NAMES.call_js}`)
    assert.match(callJs.instruction_addr, /^0x[0-9a-f]+$/)
    const trap = events.find((e) => e !== thrown)
    // Thrown in a timer set after `init`: its wrapper reports it (BrowserApiErrors, as the peer's).
    assert.equal(trap.exception.values[0].mechanism.type, 'auto.browser.browserapierrors.setTimeout')
    assert.equal(frameOf(trap, 'corpus::middle').raw_function, `corpus_mod.${NAMES.middle}`)
    assert.equal(frameOf(trap, 'corpus::outer').raw_function, `corpus_mod.${NAMES.outer}`)
    assert.equal(site.requests.filter((p) => p === DEMANGLER).length, 1, 'fetched once')
    // parseStack agrees, from the same module, which `ready()` does not fetch again.
    const frames = await page.evaluate(async (bytes) => {
      await window.Sentry.ready()
      const { instance } = await WebAssembly.instantiate(new Uint8Array(bytes), { env: { js_throw: () => { throw new Error('again') } } })
      try { instance.exports.callJs() } catch (e) { return window.Sentry.parseStack(e) }
    }, moduleBytes())
    assert.ok(frames.some((f) => f.function === 'corpus::call_js' && f.raw_function === `corpus_mod.${NAMES.call_js}`), JSON.stringify(frames))
    assert.equal(site.requests.filter((p) => p === DEMANGLER).length, 1, 'still fetched once')
    assertValidByRelay(events, `${name}-v0-demangled`)
    await page.close()
  })

  for (const [how, what] of [['missing', 'is missing (404)'], ['hang', 'never answers']]) {
    test(`when the demangler ${what}, the event still leaves, with the engine's names`, async () => {
      site.fail(DEMANGLER, how)
      try {
        const page = await openPage()
        const started = Date.now()
        const [event] = await eventsOf(page, async (bytes) => {
          const { instance } = await WebAssembly.instantiate(new Uint8Array(bytes), { env: { js_throw: () => { throw new Error('no demangler') } } })
          try { instance.exports.callJs() } catch (e) { window.Sentry.captureException(e) }
        }, moduleBytes(), 1)
        const frame = frameOf(event, `corpus_mod.${NAMES.call_js}`)
        assert.ok(frame, JSON.stringify(event.exception.values[0].stacktrace.frames))
        assert.equal(frame.raw_function, undefined)
        if (how === 'hang') assert.ok(Date.now() - started < 10000, 'held for about 5 s at most')
        // parseStack lives in that module too: ready() says it cannot run, and nothing throws.
        if (how === 'missing') {
          assert.deepEqual(await page.evaluate(async () => [await window.Sentry.ready(), window.Sentry.parseStack(new Error('x'))]), [false, []])
        }
        assertValidByRelay([event], `${name}-v0-no-demangler-${how}`)
        await page.close()
      } finally {
        site.fail(DEMANGLER)
      }
    })
  }

  test('debug images for the app\'s module once the app imported wasm-sentry/wasm, and only then', async () => {
    const buildId = '0123456789abcdef0123456789abcdef01234567'
    const throwThrough = async ([bytes, withRegistry]) => {
      if (withRegistry) await import('/pkg/modules.js')
      const { instance } = await WebAssembly.instantiate(new Uint8Array(bytes), { env: { js_throw: () => { throw new Error(`registry: ${withRegistry}`) } } })
      try { instance.exports.callJs() } catch (e) { window.Sentry.captureException(e) }
    }
    let page = await openPage()
    const [without] = await eventsOf(page, throwThrough, [moduleBytes(buildId), false], 1)
    assert.equal(without.debug_meta, undefined, 'the npm package alone installs no registry')
    assert.ok(without.exception.values[0].stacktrace.frames.every((f) => f.addr_mode === undefined))
    await page.close()
    page = await openPage()
    const [event] = await eventsOf(page, throwThrough, [moduleBytes(buildId), true], 1)
    const frame = frameOf(event, 'corpus::call_js')
    if (name === 'chromium') {
      // V8 names the module `wasm://wasm/corpus_mod-<hash>`, which the registry matches by name.
      assert.deepEqual(event.debug_meta?.images, [{ type: 'wasm', code_file: frame.abs_path, debug_id: '01234567-89ab-cdef-0123-456789abcdef', code_id: buildId }])
      assert.match(frame.abs_path, /^wasm:\/\/wasm\/corpus_mod-[0-9a-f]{8}$/)
      assert.equal(frame.addr_mode, 'rel:0')
    } else {
      // Firefox's frames name the JS file that instantiated the module: no image, no addr_mode.
      assert.equal(event.debug_meta, undefined)
      assert.equal(frame.addr_mode, undefined)
    }
    assertValidByRelay([without, event], `${name}-wasm-debug-images`)
    await page.close()
  })

  test('with beforeSend, the waiting event passes through it once the demangler came', async () => {
    const page = await openPage(`{ beforeSend: (e) => { e.tags = { ...e.tags, seen: 'yes' }; return e } }`)
    const [event] = await eventsOf(page, async (bytes) => {
      const { instance } = await WebAssembly.instantiate(new Uint8Array(bytes), { env: { js_throw: () => { throw new Error('hooked') } } })
      try { instance.exports.callJs() } catch (e) { window.Sentry.captureException(e) }
    }, moduleBytes(), 1)
    assert.equal(event.tags.seen, 'yes')
    assert.equal(frameOf(event, 'corpus::call_js').raw_function, `corpus_mod.${NAMES.call_js}`)
    assertValidByRelay([event], `${name}-v0-demangled-beforesend`)
    await page.close()
  })
})

/** Waits for `n` events in all from `receiver`. */
async function eventsAfter(receiver, start, n) {
  await receiver.waitForEvents(start + n)
  return receiver.events().slice(start)
}

/** The wasm frame whose raw name is the v0 `call_js`, and the event's exception. */
function callJsFrame(event) {
  const ex = event.exception.values.at(-1)
  return [ex, ex.stacktrace.frames.find((f) => f.raw_function?.endsWith(NAMES.call_js))]
}

test('[workerd] v0 names are demangled by the workers\' wasm, which has the grammar built in', async () => {
  const receiver = await startReceiver()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasm-sentry-v0-'))
  fs.writeFileSync(path.join(dir, 'corpus.wasm'), Uint8Array.from(moduleBytes()))
  const workerd = await startWorkerd({ worker: path.join(HERE, '../workers/rust-v0.mjs'), bindings: { SENTRY_DSN: receiver.dsn }, modules: { 'v0/': dir }, flags: ['nodejs_als'] })
  try {
    const res = await fetch(workerd.url)
    assert.equal(res.status, 500)
    const [event] = await eventsAfter(receiver, 0, 1)
    const [ex, frame] = callJsFrame(event)
    assert.equal(ex.value, 'thrown under Rust frames in a worker')
    assert.equal(ex.mechanism.type, 'cloudflare')
    assert.equal(frame?.function, 'corpus::call_js', JSON.stringify(ex.stacktrace.frames))
    assertValidByRelay([event], 'workerd-v0-demangled')
  } finally {
    await workerd.close()
    await receiver.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

test('[node] v0 names are demangled with the demangler module read from the package', async () => {
  const receiver = await startReceiver()
  try {
    const sdk = await import(path.join(HERE, '../../pkg/node.js'))
    sdk.init({ dsn: receiver.dsn })
    const { instance } = await WebAssembly.instantiate(Uint8Array.from(moduleBytes()), { env: { js_throw: () => { throw new Error('thrown under Rust frames in Node') } } })
    try {
      instance.exports.callJs()
    } catch (e) {
      sdk.captureException(e)
    }
    assert.equal(await sdk.flush(5000), true)
    const [event] = await eventsAfter(receiver, 0, 1)
    const [ex, frame] = callJsFrame(event)
    assert.equal(ex.value, 'thrown under Rust frames in Node')
    assert.equal(frame?.function, 'corpus::call_js', JSON.stringify(ex.stacktrace.frames))
    assertValidByRelay([event], 'node-v0-demangled')
    await sdk.close(2000)
  } finally {
    await receiver.close()
  }
})
