// Firefox (SpiderMonkey) through geckodriver (the tests' WebDriver client,
// tests/support/firefox.mjs): run every case of the browser page, then require each real stack to equal, line for line, the stack
// rendered from expect/firefox.mjs (markers in the sources + the names we
// wrote). Any difference fails the capture.
import path from 'node:path'
import fs from 'node:fs'
import { build, sourceFiles, CASES_DIR } from './lib/layout.mjs'
import { startServer } from './lib/server.mjs'
import { routes, PORT, PAGE_PATH, SCRIPTS, SRCDOC, H3_MADE_URLS, H3_ASYNC_PAGE } from './lib/web.mjs'
import { launchFirefox } from '../../support/firefox.mjs'
import { Markers } from './lib/markers.mjs'
import { render, diffLines } from './lib/expect.mjs'
import { CorpusWriter } from './lib/corpus.mjs'
import EXPECT from './expect/firefox.mjs'
import { ASYNC as EXPECT_ASYNC } from './expect/firefox-heldout3.mjs'

const { wasm } = build()
const markers = new Markers(sourceFiles())
const server = await startServer(routes(), PORT)
// WebDriver BiDi makes the page a debuggee, and SpiderMonkey then records
// async stacks (`setTimeout handler*…` frames) that a page without devtools
// never shows: off, as for a user.
const ff = await launchFirefox({ prefs: { 'javascript.options.asyncstack': false } })
let ffAsync = null
try {
  const page = await ff.newPage()
  await page.goto(server.origin + PAGE_PATH)
  /* global READY, CASES, HARNESS, startCase */
  const urls = await page.evaluate(() => READY.catch((e) => ({ error: String(e) })))
  if (urls.error) throw new Error('page setup failed: ' + urls.error)
  const fileUrls = { ...Object.fromEntries(Object.entries(SCRIPTS).map(([f, u]) => [f, server.origin + u])) }
  fileUrls[path.join(CASES_DIR, 'web/blob-src.js')] = urls.blob
  fileUrls[path.join(CASES_DIR, 'web/data-src.js')] = urls.data
  fileUrls[SRCDOC.file] = SRCDOC.url
  for (const [file, key] of Object.entries(H3_MADE_URLS)) fileUrls[file] = urls[key]
  const ctx = {
    engine: 'firefox', markers, wasm, origin: server.origin,
    urlOf: (file) => { if (!fileUrls[file]) throw new Error('no URL for ' + file); return fileUrls[file] },
  }
  // (held-out 3) the async-stack cases run below, on their own page
  const names = (await page.evaluate(() => Object.keys(CASES))).filter((n) => !EXPECT_ASYNC[n])
  const missing = names.filter((n) => !EXPECT[n]).concat(Object.keys(EXPECT).filter((n) => !names.includes(n)))
  if (missing.length) throw new Error('cases without expectations (or expectations without cases): ' + missing)
  const writer = new CorpusWriter('firefox', `Firefox ESR ${ff.version}`)
  const failures = []
  for (const name of names) {
    // Started from a timer, so that no frame of the evaluated function is under the case's.
    const r = await page.evaluate((name) => new Promise((done) => { HARNESS.onResult = done; setTimeout(startCase, 0, name) }), name)
    if (!r.threw || typeof r.stack !== 'string') { failures.push(`${name}: no error with a stack (${JSON.stringify(r)})`); continue }
    const { lines, frames } = render(ctx, EXPECT[name])
    const expected = lines.join('\n') + '\n' // SpiderMonkey ends every frame line with \n
    if (expected !== r.stack) {
      failures.push(`${name}: stack differs from the markers\n${diffLines(lines, r.stack.replace(/\n$/, '').split('\n')) ?? '  (only the trailing newline differs)'}`)
      continue
    }
    writer.add({ caseName: name, name: r.name, message: r.message, stack: r.stack, frames })
  }
  await ff.close()

  // (held-out 3) Async stacks, as Firefox records them with its devtools
  // open: a second browser with them on for every page (not only for
  // debuggees, which would include the driver's own evaluations). The page's
  // poller starts each case, so that no frame of the driver is its parent.
  ffAsync = await launchFirefox({ prefs: { 'javascript.options.asyncstack': true, 'javascript.options.asyncstack_capture_debuggee_only': false } })
  const apage = await ffAsync.newPage()
  await apage.goto(server.origin + H3_ASYNC_PAGE)
  /* global H3A_NEXT */
  const aready = await apage.evaluate(() => READY.then(() => ({}), (e) => ({ error: String(e) })))
  if (aready.error) throw new Error('async page setup failed: ' + aready.error)
  const anames = await apage.evaluate(() => Object.keys(CASES))
  const amissing = anames.filter((n) => !EXPECT_ASYNC[n]).concat(Object.keys(EXPECT_ASYNC).filter((n) => !anames.includes(n)))
  if (amissing.length) throw new Error('async cases without expectations (or expectations without cases): ' + amissing)
  for (const name of anames) {
    const r = await apage.evaluate((name) => new Promise((done) => { HARNESS.onResult = done; H3A_NEXT = name }), name)
    if (!r.threw || typeof r.stack !== 'string') { failures.push(`${name}: no error with a stack (${JSON.stringify(r)})`); continue }
    const { lines, frames } = render(ctx, EXPECT_ASYNC[name])
    const expected = lines.join('\n') + '\n'
    if (expected !== r.stack) {
      if (process.env.CORPUS_DEBUG) console.error(r.stack)
      failures.push(`${name} (async stacks): stack differs from the markers\n${diffLines(lines, r.stack.replace(/\n$/, '').split('\n')) ?? '  (only the trailing newline differs)'}`)
      continue
    }
    writer.add({ caseName: name, name: r.name, message: r.message, stack: r.stack, frames })
  }
  if (failures.length) {
    console.error(failures.join('\n'))
    throw new Error(`firefox: ${failures.length} case(s) disagree with their markers`)
  }
  writer.commit()
} finally {
  await ff.close().catch(() => {})
  if (ffAsync) await ffAsync.close()
  await server.close()
}
