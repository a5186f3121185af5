// The crate's Rust API and panic hook, proven with the example Rust app
// (examples/rust-app, built by scripts/build-example.sh): in headless
// Chromium (started from Rust, and from the JS init of the same module), in
// workerd and in Node. Every event goes through Relay's normaliser.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { startReceiver } from '../support/receiver.mjs'
import { startStatic } from '../support/static.mjs'
import { launchChromium } from '../support/browser.mjs'
import { startWorkerd } from '../support/workerd.mjs'
import { assertValidByRelay } from '../support/relay.mjs'

const HERE = path.dirname(new URL(import.meta.url).pathname)
const APP = path.join(HERE, '../../examples/rust-app')
const DIST = path.join(APP, 'dist')
// The build with `panic = "unwind"` (scripts/build-example.sh).
const DIST_UNWIND = path.join(APP, 'dist-unwind')
const NIL = '0'.repeat(32)
const MESSAGE = 'no port configured after 3 attempts'

// Where the app panics, from its source: `panic!` on the `None =>` line.
const src = fs.readFileSync(path.join(APP, 'src/lib.rs'), 'utf8').split('\n')
const panicLine = src.findIndex((l) => l.includes('None => panic!(')) + 1
const LOCATION = `src/lib.rs:${panicLine}:${src[panicLine - 1].indexOf('panic!') + 1}`

/** The build id of a .wasm file, read here from its `build_id` custom section (a LEB128 length, then the id). */
function buildIdOfFile(file) {
  const b = fs.readFileSync(file)
  const leb = (at) => {
    let v = 0
    for (let shift = 0; ; shift += 7) {
      const byte = b[at++]
      v += (byte & 0x7f) * 2 ** shift
      if (byte < 0x80) return [v, at]
    }
  }
  let at = 8 // magic, version
  while (at < b.length) {
    const id = b[at]
    const [size, body] = leb(at + 1)
    if (id === 0) {
      const [len, name] = leb(body)
      if (b.toString('latin1', name, name + len) === 'build_id') {
        const [n, from] = leb(name + len)
        return b.subarray(from, from + n).toString('hex')
      }
    }
    at = body + size
  }
  assert.fail(`no build_id section in ${file}`)
}
const BUILD_ID = buildIdOfFile(path.join(DIST, 'rust_app_bg.wasm'))
const BUILD_ID_UNWIND = buildIdOfFile(path.join(DIST_UNWIND, 'rust_app_bg.wasm'))

/**
 * The event's one debug image is the app's module, as its frames name it
 * (`codeFile`: a string, or a RegExp for V8's `wasm://wasm/<name>-<hash>`),
 * with the build id of the .wasm file; every wasm frame points at it.
 */
function assertDebugImage(event, codeFile, buildId = BUILD_ID) {
  assert.equal(buildId.length, 40) // wasm-ld's sha1
  const images = event.debug_meta?.images
  assert.equal(images?.length, 1, JSON.stringify(event.debug_meta))
  const [image] = images
  const frames = event.exception.values.flatMap((e) => e.stacktrace?.frames || [])
  const wasmFrames = frames.filter((f) => f.instruction_addr)
  assert.ok(wasmFrames.length >= 2)
  if (codeFile instanceof RegExp) assert.match(image.code_file, codeFile)
  else assert.equal(image.code_file, codeFile)
  assert.equal(image.type, 'wasm')
  const u = buildId.slice(0, 32)
  assert.equal(image.debug_id, `${u.slice(0, 8)}-${u.slice(8, 12)}-${u.slice(12, 16)}-${u.slice(16, 20)}-${u.slice(20)}`)
  assert.equal(image.code_id, buildId)
  for (const f of wasmFrames) {
    assert.equal(f.abs_path, image.code_file)
    assert.equal(f.addr_mode, 'rel:0')
  }
}

/** The byte offset the engine printed for the app's panicking function in a console stack. */
function printedOffset(text) {
  const m = /rust_app(?:\[[0-9a-f]+\])?::apply_settings[^\n]*:wasm-function\[\d+\]:(0x[0-9a-f]+)\)/.exec(text)
  assert.ok(m, `no apply_settings frame in the engine's stack:\n${text}`)
  return m[1]
}

/**
 * A panic event from `crash` (or, with `caller`, from another export: with
 * unwinding, `crash_and_recover`, whose frames below the app's include std's
 * `catch_unwind`).
 */
function assertPanicEvent(event, consoleText, caller = /crash$/) {
  assert.equal(event.level, 'fatal')
  const [ex] = event.exception.values
  assert.equal(event.exception.values.length, 1)
  assert.equal(ex.type, 'panic')
  assert.equal(ex.value, MESSAGE)
  assert.deepEqual(ex.mechanism, { type: 'panic', handled: false, data: { location: LOCATION } })
  const frames = ex.stacktrace.frames
  const top = frames[frames.length - 1]
  // The newest frame is the app's, where it panicked: the SDK's and std's panic machinery are gone.
  assert.equal(top.function, 'rust_app::apply_settings', JSON.stringify(frames, null, 1))
  // Legacy mangling (the stock std), or v0 as the linker demangled it (std rebuilt for unwinding).
  assert.match(top.raw_function, /rust_app(::|\[[0-9a-f]+\]::)apply_settings(::h[0-9a-f]{16})?$/)
  assert.match(top.abs_path, /rust_app(_bg)?\.wasm/)
  assert.equal(top.addr_mode, 'rel:0')
  const machinery = caller.source === 'crash$' ? /wasm_sentry|panicking|rust_begin_unwind|stackNow/ : /wasm_sentry|rust_begin_unwind|begin_panic|panic_fmt|stackNow/
  assert.ok(!frames.some((f) => machinery.test(f.function || '')), JSON.stringify(frames, null, 1))
  // A wasm frame below it: the export (`crash`) that called it.
  assert.ok(frames.some((f) => caller.test(f.function || '') && f.instruction_addr), JSON.stringify(frames, null, 1))
  // Ground truth: the offset the engine printed in the console stack of console_error_panic_hook,
  // the hook that was there before, which still ran after the capture.
  assert.match(consoleText, new RegExp(`panicked at ${LOCATION}:\\n${MESSAGE}`))
  assert.equal(top.instruction_addr, printedOffset(consoleText))
}

function assertErrorEvent(event, id) {
  assert.equal(event.event_id, id)
  assert.equal(event.level, 'error')
  const ex = event.exception.values
  assert.deepEqual(ex.map((e) => [e.type, e.value]), [
    ['ParseIntError', 'invalid digit found in string'],
    ['ParseError', 'bad number on line 2'],
    ['ConfigError', 'could not load the settings'],
  ])
  assert.deepEqual(ex.map((e) => e.mechanism), [
    // Linked ones take the captured error's `handled`, as the peer's.
    { type: 'chained', handled: true, source: 'source', exception_id: 2, parent_id: 1 },
    { type: 'chained', handled: true, source: 'source', exception_id: 1, parent_id: 0 },
    { type: 'generic', handled: true, exception_id: 0 },
  ])
  const frames = ex[2].stacktrace.frames
  const top = frames[frames.length - 1]
  assert.match(top.function, /load_config$/, JSON.stringify(frames, null, 1))
  assert.match(top.instruction_addr, /^0x[0-9a-f]+$/)
  assert.ok(!frames.some((f) => /wasm_sentry|stackNow/.test(f.function || '')))
  assert.equal(event.release, 'rust-app@0.1.0')
  assert.equal(event.tags.app, 'rust-app')
}

test('Chromium: capture_error with a two-level source chain, and a panic sent before the instance traps', async () => {
  const receiver = await startReceiver()
  const site = await startStatic({ root: APP })
  const browser = await launchChromium()
  try {
    const page = await browser.newPage()
    // Records each fetch as it starts, before the SDK's snippet keeps its own reference.
    await page.addInitScript(() => {
      const f = window.fetch
      window.fetchCalls = []
      window.fetch = (url, init) => (window.fetchCalls.push({ url: String(url), keepalive: !!(init && init.keepalive) }), f(url, init))
    })
    await page.goto(`${site.url}/?dsn=${encodeURIComponent(receiver.dsn)}`)
    await page.waitForFunction(() => document.getElementById('status').textContent === 'ready')
    await page.click('#load-config')
    const id = await page.evaluate(() => window.lastId)
    const [errorEvent] = await receiver.waitForEvents(1)
    assertErrorEvent(errorEvent, id)

    // The panic: the request has started by the time the trap reaches JS.
    const atTrap = await page.evaluate(() => {
      const before = window.fetchCalls.length
      try {
        window.app.crash()
        return { error: 'no trap' }
      } catch (e) {
        return { error: String(e), started: window.fetchCalls.slice(before) }
      }
    })
    assert.equal(atTrap.error, 'RuntimeError: unreachable')
    assert.equal(atTrap.started.length, 1)
    assert.ok(atTrap.started[0].url.startsWith(`${receiver.url}/api/42/envelope/`))
    assert.equal(atTrap.started[0].keepalive, true)
    const events = await receiver.waitForEvents(2)
    assert.equal(events.length, 2)
    assertPanicEvent(events[1], page.consoleMessages.join('\n'))
    assertDebugImage(events[1], `${site.url}/dist/rust_app_bg.wasm`)
    assert.equal(events[1].release, 'rust-app@0.1.0')
    // The button path too: a click that panics (the page's handler then sees the trap).
    await page.click('#crash')
    const [, , clicked] = await receiver.waitForEvents(3)
    assert.equal(clicked.exception.values[0].value, MESSAGE)
    assertValidByRelay(receiver.events(), 'rust-chromium')
  } finally {
    await browser.close()
    await site.close()
    await receiver.close()
  }
})

test('Chromium: a module instantiated from bytes gets its debug image too (wasm://wasm/<name>-<hash>)', async () => {
  const receiver = await startReceiver()
  const site = await startStatic({ root: APP })
  const browser = await launchChromium()
  try {
    const page = await browser.newPage()
    await page.goto(`${site.url}/?load=bytes&dsn=${encodeURIComponent(receiver.dsn)}`)
    await page.waitForFunction(() => document.getElementById('status').textContent === 'ready')
    await page.click('#load-config')
    const [errorEvent] = await receiver.waitForEvents(1)
    assertDebugImage(errorEvent, /^wasm:\/\/wasm\/rust_app\.wasm-[0-9a-f]{8}$/)
    // V8's <hash> of a module over 16 KiB: its length, as js/modules.js computes it.
    const size = fs.statSync(path.join(DIST, 'rust_app_bg.wasm')).size
    assert.equal(errorEvent.debug_meta.images[0].code_file, `wasm://wasm/rust_app.wasm-${((size * 4 + 2) >>> 0).toString(16).padStart(8, '0')}`)
    await page.click('#crash')
    const [, panic] = await receiver.waitForEvents(2)
    assertPanicEvent(panic, page.consoleMessages.join('\n'))
    assertDebugImage(panic, errorEvent.debug_meta.images[0].code_file)
    assertValidByRelay(receiver.events(), 'rust-chromium-bytes')
  } finally {
    await browser.close()
    await site.close()
    await receiver.close()
  }
})

test('Chromium, panic = "unwind": the hook reports the panic, the app catches it with catch_unwind and carries on', async () => {
  const receiver = await startReceiver()
  const site = await startStatic({ root: APP })
  const browser = await launchChromium()
  try {
    const page = await browser.newPage()
    await page.goto(`${site.url}/?build=unwind&dsn=${encodeURIComponent(receiver.dsn)}`)
    await page.waitForFunction(() => document.getElementById('status').textContent === 'ready')
    const caught = await page.evaluate(() => window.app.crash_and_recover())
    assert.equal(caught, `caught: ${MESSAGE}`)
    const [panic] = await receiver.waitForEvents(1)
    assertPanicEvent(panic, page.consoleMessages.join('\n'), /crash_and_recover/)
    assertDebugImage(panic, `${site.url}/dist-unwind/rust_app_bg.wasm`, BUILD_ID_UNWIND)
    // The instance did not trap: the app goes on capturing, and panics again.
    const id = await page.evaluate(() => window.app.say('still running'))
    assert.notEqual(id, NIL)
    assert.equal(await page.evaluate(() => window.app.crash_and_recover()), `caught: ${MESSAGE}`)
    const events = await receiver.waitForEvents(3)
    assert.equal(events.find((e) => e.event_id === id)?.logentry.message, 'still running')
    assert.equal(events.filter((e) => e.level === 'fatal').length, 2)
    assertValidByRelay(events, 'rust-chromium-unwind')
  } finally {
    await browser.close()
    await site.close()
    await receiver.close()
  }
})

test('Chromium: the same module started by the JS init: Rust captures and panics pass the JS beforeSend', async () => {
  const receiver = await startReceiver()
  const site = await startStatic({ root: APP })
  const browser = await launchChromium()
  try {
    const page = await browser.newPage()
    await page.goto(`${site.url}/?mode=js&dsn=${encodeURIComponent(receiver.dsn)}`)
    await page.waitForFunction(() => document.getElementById('status').textContent === 'ready')
    await page.click('#load-config')
    await page.click('#crash')
    // The panic, then the trap itself as an uncaught error through the JS global handler.
    const events = await receiver.waitForEvents(3)
    const panic = events.find((e) => e.exception?.values[0].mechanism.type === 'panic')
    const error = events.find((e) => e.exception?.values.length === 3)
    assert.ok(panic && error, JSON.stringify(events, null, 1))
    assertPanicEvent(panic, page.consoleMessages.join('\n'))
    assertDebugImage(panic, `${site.url}/dist/rust_app_bg.wasm`)
    assert.equal(panic.tags.before_send, 'js')
    assert.equal(error.tags.before_send, 'js')
    assert.equal(error.exception.values[2].type, 'ConfigError')
    // This page drives js/sdk.js itself, without the pages' entry and so without its wrappers
    // of listeners (BrowserApiErrors): the trap reaches the global handler.
    const trap = events.find((e) => e.exception?.values[0].mechanism.type === 'auto.browser.global_handlers.onerror')
    assert.equal(trap.exception.values[0].value, 'unreachable')
    assertValidByRelay(events, 'rust-chromium-js-init')
  } finally {
    await browser.close()
    await site.close()
    await receiver.close()
  }
})

test('workerd: the app panics in a worker and the event arrives', async () => {
  const receiver = await startReceiver()
  const workerd = await startWorkerd({ worker: path.join(HERE, '../workers/rust-panic.mjs'), bindings: { SENTRY_DSN: receiver.dsn }, modules: { 'rust-app/': DIST } })
  try {
    const res = await fetch(workerd.url)
    const body = await res.json().catch(() => null)
    assert.equal(res.status, 200, workerd.log())
    assert.equal(body.trap, 'RuntimeError: unreachable')
    assert.equal(body.flushed, true)
    const [event] = await receiver.waitForEvents(1)
    assertPanicEvent(event, body.console)
    assertDebugImage(event, /^wasm:\/\/wasm\/rust_app\.wasm-[0-9a-f]{8}$/)
    assertValidByRelay([event], 'rust-workerd')
  } finally {
    await workerd.close()
    await receiver.close()
  }
})

/** A fresh instance of the app (its own copy, so that its JS snippet's state is its own). */
async function loadApp(dist = DIST) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rust-app-'))
  fs.cpSync(dist, dir, { recursive: true })
  const app = await import(pathToFileURL(path.join(dir, 'rust_app.js')).href)
  app.initSync({ module: fs.readFileSync(path.join(dir, 'rust_app_bg.wasm')) })
  return app
}

/** Runs `f` with console.error recorded. */
function recordingErrors(f) {
  const logged = []
  const error = console.error
  console.error = (...a) => logged.push(a.join(' '))
  try {
    return [f(), logged.join('\n')]
  } catch (e) {
    return [e, logged.join('\n')]
  } finally {
    console.error = error
  }
}

test('Node: the app panics and the event arrives', async () => {
  const receiver = await startReceiver()
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 50
  try {
    const app = await loadApp()
    app.start_app(receiver.dsn, 'rust')
    const [trap, logged] = recordingErrors(() => app.crash())
    assert.equal(String(trap), 'RuntimeError: unreachable')
    const [event] = await receiver.waitForEvents(1)
    assertPanicEvent(event, logged)
    assertDebugImage(event, /^wasm:\/\/wasm\/rust_app\.wasm-[0-9a-f]{8}$/)
    assertValidByRelay([event], 'rust-node')
  } finally {
    Error.stackTraceLimit = limit
    await receiver.close()
  }
})

test('Node: before init, after close and inside before_send, captures are no-ops; a panic in the hook does not recurse', async () => {
  const receiver = await startReceiver()
  try {
    const app = await loadApp()
    assert.equal(app.say('before init'), NIL)
    assert.equal(app.load_config(), NIL)
    assert.equal(await app.flush_app(100), true)
    app.start_app(receiver.dsn, 'reentrant')
    const id = app.say('outer')
    assert.match(id, /^[0-9a-f]{32}$/)
    assert.notEqual(id, NIL)
    assert.equal(app.reentry_result(), NIL)
    assert.equal(await app.flush_app(5000), true)
    app.stop_app()
    assert.equal(app.say('after close'), NIL)
    assert.equal(app.load_config(), NIL)
    await new Promise((r) => setTimeout(r, 300))
    const events = receiver.events()
    assert.deepEqual(events.map((e) => e.logentry?.message), ['outer'])
    assert.equal(events[0].event_id, id)

    // A before_send that panics on the panic's event: std aborts the nested
    // panic (a trap, not a recursion), and the SDK stays a quiet no-op after.
    const nested = await loadApp()
    nested.start_app(receiver.dsn, 'panicky')
    const [trap] = recordingErrors(() => nested.crash())
    assert.equal(String(trap), 'RuntimeError: unreachable')
    assert.equal(nested.say('after the nested panic'), NIL)
    await new Promise((r) => setTimeout(r, 300))
    assert.equal(receiver.events().length, 1)
    assertValidByRelay(events, 'rust-node-misuse')
  } finally {
    await receiver.close()
  }
})

test('Node, panic = "unwind": the hook reports the panic and the app carries on after catch_unwind', async () => {
  const receiver = await startReceiver()
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 50
  try {
    const app = await loadApp(DIST_UNWIND)
    app.start_app(receiver.dsn, 'rust')
    const [caught, logged] = recordingErrors(() => app.crash_and_recover())
    assert.equal(caught, `caught: ${MESSAGE}`)
    const [event] = await receiver.waitForEvents(1)
    assertPanicEvent(event, logged, /crash_and_recover/)
    assertDebugImage(event, /^wasm:\/\/wasm\/rust_app\.wasm-[0-9a-f]{8}$/, BUILD_ID_UNWIND)
    const id = app.say('still running')
    assert.notEqual(id, NIL)
    const [, after] = await receiver.waitForEvents(2)
    assert.equal(after.event_id, id)
    assertValidByRelay([event, after], 'rust-node-unwind')
  } finally {
    Error.stackTraceLimit = limit
    await receiver.close()
  }
})
