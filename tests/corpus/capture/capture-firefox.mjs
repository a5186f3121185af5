// Firefox (SpiderMonkey) through geckodriver: run every case of the browser
// page, then require each real stack to equal, line for line, the stack
// rendered from expect/firefox.mjs (markers in the sources + the names we
// wrote). Any difference fails the capture.
import path from 'node:path'
import fs from 'node:fs'
import { build, sourceFiles, CASES_DIR } from './lib/layout.mjs'
import { startServer } from './lib/server.mjs'
import { routes, PORT, PAGE_PATH, SCRIPTS } from './lib/web.mjs'
import { startFirefox } from './lib/webdriver.mjs'
import { Markers } from './lib/markers.mjs'
import { render, diffLines } from './lib/expect.mjs'
import { CorpusWriter } from './lib/corpus.mjs'
import EXPECT from './expect/firefox.mjs'

const GECKODRIVER = process.env.GECKODRIVER || 'geckodriver'
const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr'

const { wasm } = build()
const markers = new Markers(sourceFiles())
const server = await startServer(routes(), PORT)
const ff = await startFirefox({ geckodriver: GECKODRIVER, firefox: FIREFOX })
try {
  await ff.navigate(server.origin + PAGE_PATH)
  const urls = await ff.executeAsync('const done = arguments[arguments.length - 1]; READY.then(done, (e) => done({ error: String(e) }))')
  if (urls.error) throw new Error('page setup failed: ' + urls.error)
  const fileUrls = { ...Object.fromEntries(Object.entries(SCRIPTS).map(([f, u]) => [f, server.origin + u])) }
  fileUrls[path.join(CASES_DIR, 'web/blob-src.js')] = urls.blob
  fileUrls[path.join(CASES_DIR, 'web/data-src.js')] = urls.data
  const ctx = {
    engine: 'firefox', markers, wasm, origin: server.origin,
    urlOf: (file) => { if (!fileUrls[file]) throw new Error('no URL for ' + file); return fileUrls[file] },
  }
  const names = await ff.execute('return Object.keys(CASES)')
  const missing = names.filter((n) => !EXPECT[n]).concat(Object.keys(EXPECT).filter((n) => !names.includes(n)))
  if (missing.length) throw new Error('cases without expectations (or expectations without cases): ' + missing)
  const writer = new CorpusWriter('firefox', `Firefox ESR ${ff.capabilities.browserVersion}`)
  const failures = []
  for (const name of names) {
    const r = await ff.executeAsync('const done = arguments[arguments.length - 1]; HARNESS.onResult = done; startCase(arguments[0])', [name])
    if (!r.threw || typeof r.stack !== 'string') { failures.push(`${name}: no error with a stack (${JSON.stringify(r)})`); continue }
    const { lines, frames } = render(ctx, EXPECT[name])
    const expected = lines.join('\n') + '\n' // SpiderMonkey ends every frame line with \n
    if (expected !== r.stack) {
      failures.push(`${name}: stack differs from the markers\n${diffLines(lines, r.stack.replace(/\n$/, '').split('\n')) ?? '  (only the trailing newline differs)'}`)
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
  await ff.close()
  await server.close()
}
