// Chromium (V8): every case runs twice in the same page, once with the
// structured call-site recorder installed and once without; the expected
// frames come from the call sites, the stored stack from the plain run.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'
import { build, wasmFor, CAPTURE_DIR } from './lib/layout.mjs'
import { startServer } from './lib/server.mjs'
import { routes, PORT, PAGE_PATH } from './lib/web.mjs'
import { framesFromCallSites, checkV8Pair } from './lib/v8.mjs'
import { CorpusWriter } from './lib/corpus.mjs'

// playwright-core comes from the repository's node_modules (never downloads a browser).
const require = createRequire(path.join(CAPTURE_DIR, '../../../package.json'))
const { chromium } = require('playwright-core')

// Cases Chromium cannot express, with the reason (checked, not assumed).
const UNEXPRESSIBLE = {
  'dom-exception-constructed': 'a DOMException made with `new DOMException()` has no `stack` in Chromium',
}

const { wasm } = build()
const server = await startServer(routes(), PORT)
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-chromium-'))
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-sync',
    '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'],
})
try {
  const page = await context.newPage()
  const pageErrors = []
  page.on('pageerror', (e) => pageErrors.push(e))
  await page.goto(server.origin + PAGE_PATH)
  await page.evaluate(() => READY)
  if (pageErrors.length) throw new Error('page errors: ' + pageErrors.join('\n'))
  const version = context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent))
  const out = new CorpusWriter('chromium', `Chromium ${version}`)
  const names = await page.evaluate(() => Object.keys(CASES))
  const runOnce = (name, structured) => page.evaluate(({ name, structured }) => new Promise((resolve) => {
    HARNESS.onResult = (r) => { V8REC.uninstall(); resolve(r) }
    if (structured) V8REC.install(); else V8REC.uninstall()
    startCase(name)
  }), { name, structured })
  for (const name of names) {
    const label = `chromium/${name}`
    // A stack overflow's newest frame depends on the JIT tier the function has
    // reached (prologue stack check or the call), so an identical pair of runs
    // is retried a few times; a real disagreement fails every attempt.
    let structured, plain
    for (let attempt = 1; ; attempt++) {
      structured = await runOnce(name, true)
      plain = await runOnce(name, false)
      try { if (!UNEXPRESSIBLE[name]) checkV8Pair(label, structured, plain); break } catch (e) {
        if (attempt === 4) throw e
        console.log(`chromium: ${name}: the two runs differ, retrying`)
      }
    }
    if (UNEXPRESSIBLE[name]) {
      // must really be unexpressible: fail if the engine now gives a stack
      if (typeof plain.stack === 'string') throw new Error(`${label}: expected no stack (${UNEXPRESSIBLE[name]}) but got one`)
      console.log(`chromium: skipped ${name}: ${UNEXPRESSIBLE[name]}`)
      continue
    }
    const frames = framesFromCallSites(structured.v8.frames, { wasm: wasmFor(wasm, name), label, formatting: 'v8-current' })
    out.add({ caseName: name, name: plain.name, message: plain.message, stack: plain.stack, frames })
  }
  out.commit()
} finally {
  await context.close()
  await server.close()
  fs.rmSync(userDataDir, { recursive: true, force: true })
}
