// The demo (run it with scripts/demo.sh): the example page in headless
// Chromium throws a TypeError nobody catches; the local receiver gets the
// event, and this prints it as received, with Relay's verdict.
//
//   --serve   keep the receiver and the page up afterwards (ports 8080/8081,
//             or --port N for the page and N+1 for the receiver)
import { startReceiver } from '../tests/support/receiver.mjs'
import { startStatic } from '../tests/support/static.mjs'
import { launchChromium } from '../tests/support/browser.mjs'
import { relayProblems } from '../tests/support/relay.mjs'

const serve = process.argv.includes('--serve')
const portArg = process.argv.indexOf('--port')
const pagePort = portArg > 0 ? Number(process.argv[portArg + 1]) : serve ? 8080 : 0

function describe(event, envelopeUrl) {
  const lines = [`Event ${event.event_id}, as the receiver got it at ${envelopeUrl}`]
  for (const ex of event.exception?.values ?? []) {
    lines.push(`  ${ex.type}: ${ex.value}`)
    lines.push(`  mechanism: ${ex.mechanism?.type} (handled: ${ex.mechanism?.handled})`)
    for (const f of [...(ex.stacktrace?.frames ?? [])].reverse()) {
      lines.push(`    at ${f.function ?? '?'} (${f.abs_path}:${f.lineno}:${f.colno})${f.in_app ? '' : ' [not in app]'}`)
    }
  }
  if (event.logentry) lines.push(`  [${event.level}] ${event.logentry.message}`)
  lines.push(`  release ${event.release}, environment ${event.environment}, page ${event.request?.url}`)
  const problems = relayProblems([event])[0]
  lines.push(problems.length ? `  Relay's normaliser found problems:\n    ${problems.join('\n    ')}` : "  Relay's normaliser: valid, nothing dropped")
  return lines.join('\n')
}

const receiver = await startReceiver({
  port: serve ? pagePort + 1 : 0,
  onEnvelope: ({ envelope, url }) => {
    for (const item of envelope.items) {
      if (item.header.type !== 'event') continue
      console.log('\n' + describe(item.payload, url.split('?')[0]))
      console.log('\nThe event payload, in full:\n' + JSON.stringify(item.payload, null, 2))
    }
  },
})
const site = await startStatic({ port: pagePort })
const pageUrl = `${site.url}/?dsn=${encodeURIComponent(receiver.dsn)}`

const browser = await launchChromium()
try {
  const page = await browser.newPage()
  await page.goto(pageUrl)
  await page.waitForFunction(() => document.getElementById('status').textContent === 'ready')
  console.log(`Opened ${pageUrl} in headless Chromium; clicking "Throw a TypeError"…`)
  await page.click('#throw')
  await receiver.waitForEvents(1, 15000)
} finally {
  await browser.close()
}

if (serve) {
  console.log(`\nServing. Open ${pageUrl} and click the buttons; events print here. Ctrl-C stops.`)
} else {
  await site.close()
  await receiver.close()
}
