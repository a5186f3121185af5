// `npm pack` of pkg/ gives a tarball that installs and works in an empty
// project: from Node (`import('wasm-sentry')`), through esbuild for browsers,
// and with its TypeScript types checked by tsc.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { execFile, execFileSync } from 'node:child_process'
import { promisify } from 'node:util'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startReceiver } from '../support/receiver.mjs'
import { assertValidByRelay } from '../support/relay.mjs'
import { startStatic } from '../support/static.mjs'
import { launchChromium } from '../support/browser.mjs'
import { startWorkerd } from '../support/workerd.mjs'

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..')
const BIN = path.join(REPO, 'node_modules/.bin')
let dir, receiver

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasm-sentry-app-'))
  const tgz = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir, path.join(REPO, 'pkg')], { encoding: 'utf8' }).trim().split('\n').pop()
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'empty-app', private: true, type: 'module' }))
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', path.join(dir, tgz)], { cwd: dir, stdio: 'pipe' })
  receiver = await startReceiver()
})

after(async () => {
  await receiver?.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

test('the packed tarball holds the wasms, the glue, the wrapper and the types', () => {
  const installed = path.join(dir, 'node_modules/wasm-sentry')
  for (const f of ['package.json', 'README.md', 'index.js', 'node.js', 'worker.js', 'sdk.js', 'client.js', 'after-init.js', 'glue.js', 'parse.js', 'transport.js', 'modules.js', 'index.d.ts', 'worker.d.ts', 'wasm.d.ts', 'wasm_sentry_bg.wasm', 'wasm_sentry_worker_bg.wasm', 'wasm_sentry_demangle.wasm']) {
    assert.ok(fs.existsSync(path.join(installed, f)), f)
  }
})

test('import("wasm-sentry") in Node captures and flushes to the receiver', async () => {
  fs.writeFileSync(path.join(dir, 'app.mjs'), `
    const Sentry = await import('wasm-sentry')
    Sentry.init({ dsn: process.argv[2], release: 'node-app@1' })
    try { JSON.parse('{oops') } catch (e) { console.log(Sentry.captureException(e)) }
    console.log(await Sentry.flush(5000))
  `)
  // Not execFileSync: the receiver lives in this process and must keep answering.
  const { stdout } = await promisify(execFile)('node', ['app.mjs', receiver.dsn], { cwd: dir, encoding: 'utf8' })
  const [id, flushed] = stdout.trim().split('\n')
  assert.equal(flushed, 'true')
  const event = receiver.events().find((e) => e.event_id === id)
  assert.ok(event, 'the event arrived')
  assert.equal(event.exception.values[0].type, 'SyntaxError')
  assert.equal(event.release, 'node-app@1')
  assertValidByRelay([event], 'node-package')
})

test('esbuild bundles the browser entry and the worker entry', () => {
  fs.writeFileSync(path.join(dir, 'browser.js'), `import { init, captureException } from 'wasm-sentry'\ninit({ dsn: 'https://k@h/1' })\ncaptureException(new Error('x'))\n`)
  execFileSync(path.join(BIN, 'esbuild'), ['browser.js', '--bundle', '--format=esm', '--splitting', '--minify', '--outdir=out-browser'], { cwd: dir, stdio: 'pipe' })
  assert.ok(fs.readdirSync(path.join(dir, 'out-browser')).length >= 2, 'the glue is split off the shim')
  fs.writeFileSync(path.join(dir, 'worker.js'), `import { init } from 'wasm-sentry/worker'\nexport default { fetch() { init({}); return new Response('ok') } }\n`)
  execFileSync(path.join(BIN, 'esbuild'), ['worker.js', '--bundle', '--format=esm', '--external:*.wasm', '--outfile=out-worker.js'], { cwd: dir, stdio: 'pipe' })
  assert.match(fs.readFileSync(path.join(dir, 'out-worker.js'), 'utf8'), /wasm_sentry_worker_bg\.wasm/)
})

// A withSentry worker that tags its request's scope, awaits, then throws.
const throwingWorker = (release, tag, message) => `
  import { withSentry, setTag } from 'wasm-sentry/worker'
  export default withSentry((env) => ({ dsn: env.SENTRY_DSN, release: '${release}' }), {
    async fetch(request) {
      setTag('bundled', '${tag}')
      await new Promise((r) => setTimeout(r, 1))
      throw new Error('${message}')
    },
  })
`

// Runs a bundle (out/index.js and its .wasm module) in workerd; its error arrives with the scope it set.
async function assertBundleReports(out, flags, release, tag, message, relayName) {
  const workerd = await startWorkerd({ worker: path.join(out, 'index.js'), bindings: { SENTRY_DSN: receiver.dsn }, modules: { '': out }, flags })
  try {
    const before = receiver.events().length
    assert.equal((await fetch(workerd.url)).status, 500)
    const event = (await receiver.waitForEvents(before + 1, 15000).catch((e) => assert.fail(`${e}\n${workerd.log()}`))).find((e) => e.release === release)
    assert.equal(event.exception.values[0].value, message)
    assert.deepEqual(event.exception.values[0].mechanism, { type: 'cloudflare', handled: false })
    assert.equal(event.tags.bundled, tag, 'the scope followed the request across its await')
    assertValidByRelay([event], relayName)
  } finally {
    await workerd.close()
  }
}

test('a withSentry worker bundled by esbuild alone (the .wasm left as a module) runs in workerd', async () => {
  const out = path.join(dir, 'out-esbuild')
  fs.mkdirSync(out)
  fs.writeFileSync(path.join(dir, 'esbuild-worker.js'), throwingWorker('bundled@1', 'yes', 'from a bundled worker'))
  // As wrangler does: one ESM bundle, the .wasm left as an import that the runtime serves as a module.
  execFileSync(path.join(BIN, 'esbuild'), ['esbuild-worker.js', '--bundle', '--format=esm', '--external:*.wasm', `--outfile=${path.join(out, 'index.js')}`], { cwd: dir, stdio: 'pipe' })
  fs.copyFileSync(path.join(dir, 'node_modules/wasm-sentry/wasm_sentry_worker_bg.wasm'), path.join(out, 'wasm_sentry_worker_bg.wasm'))
  await assertBundleReports(out, ['nodejs_compat'], 'bundled@1', 'yes', 'from a bundled worker', 'package-wrangler-bundle')
})

test('wrangler (3.114, the last to run on Node 20) bundles a withSentry worker, and its bundle runs in workerd', async () => {
  const project = path.join(dir, 'wrangler-project')
  fs.mkdirSync(path.join(project, 'src'), { recursive: true })
  fs.writeFileSync(path.join(project, 'src/index.js'), throwingWorker('wrangler@1', 'wrangler', 'from a wrangler bundle'))
  fs.writeFileSync(path.join(project, 'wrangler.toml'), 'name = "app"\nmain = "src/index.js"\ncompatibility_date = "2025-07-01"\ncompatibility_flags = ["nodejs_als"]\n')
  // The package resolves from the empty app's node_modules, one level up.
  const out = path.join(project, 'out')
  await promisify(execFile)(path.join(BIN, 'wrangler'), ['deploy', '--dry-run', '--outdir', out], {
    cwd: project,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: '1' },
  })
  const files = fs.readdirSync(out)
  assert.ok(files.some((f) => f.endsWith('.wasm')), `wrangler kept the wasm as a module: ${files}`)
  fs.rmSync(path.join(out, 'index.js.map'), { force: true })
  await assertBundleReports(out, ['nodejs_als'], 'wrangler@1', 'wrangler', 'from a wrangler bundle', 'package-wrangler')
})

test('the TypeScript types check against a typical use, and reject a wrong one', () => {
  const tsconfig = { compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022', 'dom'] } }
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ ...tsconfig, files: ['use.ts'] }))
  fs.writeFileSync(path.join(dir, 'use.ts'), `
    import * as Sentry from 'wasm-sentry'
    import { init as workerInit, withSentry, instrumentDurableObjectWithSentry } from 'wasm-sentry/worker'
    Sentry.init({
      dsn: 'https://k@h/1', release: 'r', environment: 'e', dist: '1', debug: true, sampleRate: 0.5,
      maxBreadcrumbs: 50, sendDefaultPii: false, maxValueLength: 300, normalizeDepth: 4, attachStacktrace: true, tunnel: '/tunnel',
      ignoreErrors: ['x', /y/], denyUrls: [/ext/], allowUrls: ['https://app'], enabled: true,
      initialScope: { tags: { a: 'b' }, user: { id: 1 } },
      integrations: (d) => [...d.filter((i) => i.name !== 'Breadcrumbs'), Sentry.breadcrumbsIntegration({ console: false })],
      beforeSend: (event) => (event.exception?.values[0].type === 'Ignored' ? null : event),
      beforeBreadcrumb: (crumb) => ({ ...crumb, message: crumb.message?.slice(0, 10) }),
    })
    const id: string | undefined = Sentry.captureException(new Error('x'))
    Sentry.captureMessage('m', 'warning')
    Sentry.captureEvent({ message: 'hand-built', level: 'info' })
    Sentry.setUser({ id: '1', email: 'a@b.c' })
    Sentry.setUser(null)
    Sentry.setTag('k', 'v')
    Sentry.setTags({ a: 1, b: true })
    Sentry.setExtra('cart', { n: 1 })
    Sentry.setExtras({ x: [1, 2] })
    Sentry.setContext('device', { model: 'm' })
    Sentry.addBreadcrumb({ category: 'auth', message: 'in', level: 'info', data: { a: 1 } })
    const n: number = Sentry.withScope((scope) => { scope.setTag('in', 'scope'); scope.setLevel('fatal'); scope.setFingerprint(['f']); return 1 })
    const last: string | undefined = Sentry.lastEventId()
    const closed: Promise<boolean> = Sentry.close(500)
    const frames: Sentry.StackFrame[] = Sentry.parseStack(new Error('e'))
    const ok: Promise<boolean> = Sentry.flush(1000)
    workerInit({ dsn: 'x' })
    const handler = withSentry((env: { DSN: string }) => ({ dsn: env.DSN, transportOptions: { bufferSize: 100 } }), {
      async fetch(request: Request) { return new Response(request.url) },
    })
    class Obj { constructor(readonly state: unknown, readonly env: unknown) {} }
    const Wrapped = instrumentDurableObjectWithSentry((env) => ({ dsn: env.DSN }), Obj)
    Sentry.captureException(new Error('y'), { mechanism: { type: 'my.handler', handled: false } })
    Sentry.captureException(new Error('z'), { tags: { section: 'checkout' }, level: 'warning', fingerprint: ['f'] })
    Sentry.captureException(new Error('z'), (scope) => scope.setTag('fn', 'yes'))
    Sentry.captureMessage('m', { level: 'fatal', extra: { n: 1 } })
    Sentry.getCurrentScope().setTag('via', 'getCurrentScope')
    Sentry.getIsolationScope().setUser({ id: '1' })
    Sentry.addEventProcessor((event) => (event.tags?.drop ? null : { ...event, tags: { ...event.tags, seen: 'yes' } }))
    Sentry.getGlobalScope().setTag('g', 1)
    const m: string = Sentry.withIsolationScope((scope) => { scope.setTags({ a: 1 }); return 'x' })
    const on: boolean = Sentry.isInitialized()
    const dsn: string | undefined = Sentry.getClient()?.getOptions().dsn
    Sentry.getClient()?.addIntegration(Sentry.replayIntegration())
    Sentry.init({ dsn: 'x', integrations: (d) => [...d.filter((i) => i.name !== 'Console' && i.name !== 'CultureContext'), Sentry.consoleIntegration({ levels: ['error', 'warn'] }), Sentry.cultureContextIntegration()] })
    Sentry.init({ dsn: 'x', integrations: [Sentry.eventFiltersIntegration({ ignoreErrors: [/x/], disableErrorDefaults: true }), Sentry.browserTracingIntegration(), Sentry.replayIntegration({ maskAllText: true })] })
    Sentry.init({ dsn: 'x', release: 'r', integrations: [Sentry.browserSessionIntegration({ lifecycle: 'route' })] })
    Sentry.startSession()
    Sentry.captureSession()
    Sentry.captureSession(true)
    Sentry.endSession()
    const traced: number = Sentry.startSpan({ name: 'checkout', op: 'ui' }, (span) => { span.setAttribute('items', 3).end(); return 1 })
    const later: Promise<string> = Sentry.startSpanManual({ name: 'manual' }, async (span, finish) => { finish(); return span.spanContext().traceId })
    Sentry.startInactiveSpan({ name: 'bg' }).end()
    Sentry.showReportDialog({ title: 'Oops', user: { email: 'a@b.c' }, onClose: () => {}, onError: (e) => e.message })
    Sentry.init({
      dsn: 'x',
      beforeSend: (event, hint) => (hint.originalException instanceof TypeError ? null : event),
      integrations: [
        Sentry.extraErrorDataIntegration({ depth: 4 }),
        Sentry.captureConsoleIntegration({ levels: ['error'], handled: false }),
        { name: 'Mine', setupOnce() {}, processEvent: (event, hint) => (hint.event_id ? event : null) },
      ],
    })
    Sentry.captureEvent({ message: 'm' }, { originalException: 'x' })
    const feedbackId: string | undefined = Sentry.captureFeedback({ message: 'broken', email: 'a@b.c', associatedEventId: id })
    const active: boolean = Sentry.getActiveSpan()?.isRecording() ?? false
    Sentry.continueTrace({ sentryTrace: 't', baggage: 'b' }, () => Sentry.startNewTrace((scope) => scope.setTag('trace', 'new')))
    Sentry.init({ dsn: 'x', integrations: [...Sentry.getDefaultIntegrations({}), Sentry.rewriteFramesIntegration({ root: '/app', iteratee: (f) => ({ ...f, in_app: true }) })] })
    Sentry.addIntegration({ name: 'Later', processEvent: (event) => event })
    const found: Sentry.Integration | undefined = Sentry.getClient()?.getIntegrationByName('Later')
    const enabled: boolean = Sentry.isEnabled()
    const version: string = Sentry.SDK_VERSION
    const sent: Promise<string> = Sentry.sendFeedback({ message: 'slow', tags: { step: 1 } }, { errorMessages: { ERROR_GENERIC: 'No' } })
    Sentry.WINDOW.addEventListener('load', () => {})
    Sentry.lazyLoadIntegration('httpClientIntegration').then((make) => Sentry.addIntegration(make({ failedRequestStatusCodes: [500] })))
    Sentry.diagnoseSdkConnectivity().then((r) => r === 'sentry-unreachable')
    Sentry.captureMessage(Sentry.parameterize\`Order \${id} failed\`)
    export { id, ok, n, last, closed, frames, handler, Wrapped, on, dsn, traced, later, active, feedbackId, found, enabled, version, sent }
  `)
  try {
    execFileSync(path.join(BIN, 'tsc'), ['-p', dir], { cwd: dir, encoding: 'utf8' })
  } catch (e) {
    assert.fail(`tsc: ${e.stdout}`)
  }
  fs.writeFileSync(path.join(dir, 'use.ts'), `import * as Sentry from 'wasm-sentry'\nSentry.captureMessage('m', 'loud')\n`)
  assert.throws(() => execFileSync(path.join(BIN, 'tsc'), ['-p', dir], { cwd: dir, stdio: 'pipe' }))
})

test('Vite builds an app with the package; in headless Chromium its uncaught error arrives', async () => {
  const app = path.join(dir, 'vite-app')
  fs.mkdirSync(app)
  fs.writeFileSync(path.join(app, 'index.html'), '<!doctype html><meta charset="utf-8"><button id="b">throw</button><script type="module" src="/main.js"></script>')
  fs.writeFileSync(path.join(app, 'main.js'), `
    import { init } from 'wasm-sentry'
    init({ dsn: new URLSearchParams(location.search).get('dsn'), release: 'vite-app@1' })
    function explode() { throw new RangeError('from a Vite build') }
    document.getElementById('b').addEventListener('click', explode)
  `)
  await promisify(execFile)(path.join(BIN, 'vite'), ['build', '--logLevel', 'error', '--outDir', 'dist', app], { cwd: dir })
  const assets = fs.readdirSync(path.join(app, 'dist/assets'))
  assert.ok(assets.some((f) => f.endsWith('.wasm')), `Vite emitted the wasm: ${assets}`)
  const site = await startStatic({ root: path.join(app, 'dist') })
  const browser = await launchChromium()
  try {
    const page = await browser.newPage()
    await page.goto(`${site.url}/?dsn=${encodeURIComponent(receiver.dsn)}`)
    const before = receiver.events().length
    await page.click('#b')
    const events = await receiver.waitForEvents(before + 1)
    const event = events.at(-1)
    assert.equal(event.exception.values[0].type, 'RangeError')
    assert.equal(event.exception.values[0].value, 'from a Vite build')
    assert.equal(event.release, 'vite-app@1')
    assert.match(event.exception.values[0].stacktrace.frames.at(-1).abs_path, /\/assets\/.*\.js$/)
    assertValidByRelay([event], 'vite-app')
  } finally {
    await browser.close()
    await site.close()
  }
})
