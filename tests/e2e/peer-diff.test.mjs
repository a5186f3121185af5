// Differential test against the peer: the same app code (the scenarios of
// tests/e2e/pages/peer-diff-app.js) is run once with this SDK and once with
// @sentry/browser, in the same real browser (Chromium and Firefox), each
// sending to a local receiver of its own. The events of each scenario are
// validated by Relay, put through Relay's normaliser (what Sentry stores,
// with the fields Relay derives filled in the same way for both), stripped
// of what legitimately differs (ids, times, the SDK's name, the peer's trace
// context, the SDKs' own stack frames) and compared field by field. Every
// remaining difference fails the test unless ALLOWED below says why it is
// expected: an intended difference, an oddity of the peer, or a known bug of
// this SDK (`BUG:`, to be removed when it is fixed).
//
//   PEER_DIFF_VERBOSE=1   also print the allowed differences
//   PEER_DIFF_DUMP=DIR    write each scenario's normalised events of both SDKs under DIR
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { after, before } from 'node:test'
import { forEachBrowser } from '../support/browsers.mjs'
import { startReceiver } from '../support/receiver.mjs'
import { startStatic } from '../support/static.mjs'
import { assertValidByRelay, relayNormalized, relayProblems } from '../support/relay.mjs'
import { buildPeer, initSource } from '../support/peer.mjs'

const VERBOSE = !!process.env.PEER_DIFF_VERBOSE
const DUMP = process.env.PEER_DIFF_DUMP

// ------------------------------------------------------------------ scenarios
//
// Batches of steps, each batch one page load per SDK with the same `init`
// options. A step is a scenario's name in peer-diff-app.js (run in the page),
// or { name, act(page) } for what the test does from outside (clicks, keys).
// Steps of a batch share the page, so its scope and breadcrumbs: a step's
// events are compared with the breadcrumbs recorded since it started only.
const click = (name, ...selectors) => ({ name, act: async (page) => { for (const s of selectors) await page.click(s) } })

// The batches that are not about the defaults turn off the peer's default
// `attachStacktrace` (see ALLOWED), so that what they are about is compared.
const NO_STACK = `{ attachStacktrace: false }`

const BATCHES = [
  {
    name: 'exceptions',
    steps: [
      'errorWithCauses', 'aggregateError', 'customErrorClass', 'errorWithoutStack', 'errorEmptyMessage',
      'string', 'number', 'null', 'undefined', 'plainObject', 'plainObjectNoMessage', 'objectHoldingError',
      'event', 'errorEvent', 'domException', 'hintMechanism', 'captureContext', 'longDefaults', 'dedupeSameError', 'dedupeSameStack',
    ],
  },
  {
    name: 'messages',
    steps: ['message', 'messageLevel', 'messageContext', 'messageBoxed', 'messageParameterized', 'captureEventFull', 'captureEventException', 'withScope'],
  },
  // On by default in both (the peer's since its v11); set here all the same, as the batches that turn it off do.
  { name: 'attachStacktrace', options: `{ attachStacktrace: true }`, steps: ['message', 'messageParameterized', 'string', 'plainObject', 'domException', 'withScope'] },
  // Top-level scope calls act on the isolation scope, which outlives a `withScope`: a page each.
  { name: 'isolation', options: NO_STACK, steps: ['withIsolationScope'] },
  { name: 'oddValues', options: NO_STACK, steps: ['scopeOddValues'] },
  { name: 'sensitive', options: NO_STACK, steps: ['sensitive'] },
  {
    name: 'uncaught',
    options: NO_STACK,
    steps: [
      'throwInTimeout', 'throwInMicrotask', 'throwStringMicrotask', 'throwObjectMicrotask', 'throwInlineScript',
      'rejectString', 'rejectObject', 'rejectError', 'rejectUndefined', 'rejectInAsync',
      click('clickHandlerThrows', '#thrower'),
    ],
  },
  {
    name: 'breadcrumbs',
    options: NO_STACK,
    steps: [
      'consoleBreadcrumbs', 'addBreadcrumbOdd', 'fetchBreadcrumbs', 'xhrBreadcrumbs', 'historyBreadcrumbs',
      // Clicks and keys (trusted input events), then a message that carries their breadcrumbs.
      {
        name: 'clicksAndKeys',
        act: async (page) => {
          await page.click('#btn')
          await page.click('.label')
          await page.type('#field', 'ab')
          await page.click('#btn')
          await page.evaluate(() => window.runScenario('afterClicks'))
        },
      },
    ],
  },
  { name: 'sendDefaultPii', options: `{ attachStacktrace: false, sendDefaultPii: true }`, steps: ['sensitive'] },
  { name: 'sendDefaultPiiBreadcrumbs', options: `{ attachStacktrace: false, sendDefaultPii: true }`, steps: ['fetchBreadcrumbs', 'xhrBreadcrumbs'] },
  { name: 'limits', options: `{ attachStacktrace: false, normalizeDepth: 2, maxValueLength: 40 }`, steps: ['longValues'] },
  { name: 'limitsOddValues', options: `{ attachStacktrace: false, normalizeDepth: 2, maxValueLength: 40 }`, steps: ['scopeOddValues'] },
  {
    name: 'initialScope',
    options: `{ attachStacktrace: false, environment: 'staging', release: 'app@1.2.3', dist: '7',
      initialScope: { tags: { team: 'web', n: 2 }, user: { id: 'init-user' }, extra: { boot: true }, contexts: { boot: { phase: 1 } }, level: 'warning', fingerprint: ['init'] } }`,
    steps: ['scopeState', 'message'],
  },
  { name: 'initialScopeFunction', options: `{ attachStacktrace: false, initialScope: (scope) => { scope.setTag('from', 'function'); return scope } }`, steps: ['scopeState'] },
  { name: 'ignoreErrors', options: `{ attachStacktrace: false, ignoreErrors: ['ignore me', /^RegexIgnored/] }`, steps: ['ignored'] },
  { name: 'denyUrls', options: `{ attachStacktrace: false, denyUrls: [/peer-diff-app\\.js/] }`, steps: ['denied'] },
  { name: 'allowUrls', options: `{ attachStacktrace: false, allowUrls: ['no-such-file.js'] }`, steps: ['denied'] },
  {
    name: 'beforeSend',
    options: `{ attachStacktrace: false, beforeSend(event, hint) {
      if (event.message === 'drop me' || event.logentry?.message === 'drop me') return null
      event.tags = { ...event.tags, modified: 'yes' }
      event.extra = { ...event.extra, original: String(hint.originalException), hasSynthetic: !!hint.syntheticException }
      return event
    } }`,
    steps: ['beforeSend'],
  },
]

// ------------------------------------------------------------------ allowed differences
//
// Each entry: `scenario` (batch/step) and `path` (in the normalised event; the
// event's index is left out; `events.length` for the count of events,
// `relay(ours)`/`relay(peer)` for what Relay reported, `breadcrumbs[sentry.event]`
// for the peer's breadcrumbs of earlier events) are regexps; `browser` narrows
// an entry to one browser, `when(d)` to some values (`d.ours`, `d.peer`).
// `why` says why the difference is expected:
//   BUG:   this SDK is wrong; remove the entry when it is fixed.
//   DIFF:  an intended difference of this SDK.
//   PEER:  an oddity (or bug) of the peer that this SDK does not copy.
//   SETUP: a consequence of how the scenario is written, the same for both SDKs.
const ANY = /./
const isPeerAbsent = (d) => d.peer === '<absent>'
const isOursAbsent = (d) => d.ours === '<absent>'
const ALLOWED = [
  // ---- bugs of this SDK
  {
    scenario: /\/(string|number|null|undefined|throwStringMicrotask)$/, path: /^logentry$/, when: isOursAbsent,
    why: 'BUG: captureException (or a thrown value) of a primitive: the peer also sets the message (logentry) to the value, this SDK sends the exception only',
  },
  { scenario: ANY, path: /^breadcrumbs\[sentry\.event\]$/, why: "BUG: no `sentry.event` breadcrumbs: the peer's Breadcrumbs integration records each event sent (category sentry.event, its message or exception, event_id, level)" },
  { scenario: /\/hintMechanism$/, path: /^exception\.values\.0\.mechanism\.data$/, why: "BUG: captureException's hint.mechanism.data is dropped" },
  { scenario: /\/throwInTimeout$/, path: /^extra$/, why: "BUG (minor): an error thrown in a wrapped callback lacks the peer's extra.arguments (the callback's arguments)" },
  {
    scenario: /\/throwInlineScript$/, path: /^exception\.values\.0\.stacktrace\.\d+\.(lineno|colno|abs_path|filename)$/, browser: 'firefox',
    why: 'BUG: a Firefox frame of injected code ("page.html line 183 > injectedScript:2:1") gets the injecting line (183) and no column; the peer keeps the script\'s own 2:1',
  },

  // ---- intended differences
  { scenario: /^sensitive\//, path: /^extra\./, when: (d) => d.ours === '[Filtered]', why: 'DIFF: without sendDefaultPii this SDK scrubs sensitive keys (password, token, authorization, …) client-side; the peer does not' },
  { scenario: /\/messageParameterized$/, path: /^logentry\.(message|params)$/, why: 'DIFF: documented in sdk.js: parameterize sends the formatted text only, no logentry.message/params' },
  {
    scenario: /OddValues$/, path: /^tags\.(big|bool|obj|sym|nul)$/,
    why: 'DIFF: tag values are String()ed here; the peer sends them as they are, so Relay makes false "False", rejects an object, keeps null',
  },
  { scenario: /OddValues$/, path: /^(relay\(peer\)|errors|_meta)$/, when: (d) => /tags\.|"tags"/.test(JSON.stringify(d.peer)), why: "DIFF: Relay rejects the peer's object-valued tag (see above)" },
  {
    scenario: /\/consoleBreadcrumbs$/, path: /^breadcrumbs\.values\.\d+\.message$/, when: (d) => /\[object (Object|Array)\]/.test(d.peer),
    why: 'DIFF: a console breadcrumb writes an object argument as JSON; the peer as "[object Object]"',
  },
  {
    scenario: ANY, path: /^exception\.values\.\d+\.stacktrace\.\d+\.function$/, browser: 'firefox', when: (d) => typeof d.peer === 'string' && d.peer.endsWith(`*${d.ours}`),
    why: 'DIFF: Firefox\'s async cause ("setTimeout handler*", "async*") is not part of the function name here; the peer keeps it',
  },

  // ---- the peer's oddities
  { scenario: ANY, path: /^relay\(peer\)$/, when: (d) => /^dropped by relay: exception\.values\.\d+\.stacktrace\.frames\.\d+\.function$/.test(d.peer), why: 'PEER: names an anonymous frame "?", which Relay drops' },
  { scenario: ANY, path: /(^|\.)boxed$/, when: (d) => d.ours === 'boxed' && typeof d.peer === 'object', why: 'PEER: a boxed String in data is sent as the JSON of its characters (fixed here)' },
  { scenario: /\/messageBoxed$/, path: /^(level|exception\.values\.0\.type)$/, why: 'PEER: captureMessage(new String(…)) is captured as an exception (level error); here it is the message it holds' },
  { scenario: /OddValues$/, path: /^extra\.all\.date$/, when: (d) => d.peer === '[Circular ~]', why: 'PEER: a Date met twice (not a cycle) is "[Circular ~]" the second time' },
  { scenario: /\/errorEmptyMessage$/, path: /^exception\.values\.0\.value$/, why: 'PEER: an Error without a message gets the value "No error message"; here it has no value' },
  {
    scenario: /\/domException$/, path: /^(exception\.values\.0\.(type|value|mechanism\.synthetic|stacktrace)|logentry)$/, browser: 'chromium',
    why: 'PEER: a DOMException without a stack (Chromium) becomes a message "NotFoundError: …" with a synthetic Error; here its name is the type and the text the value',
  },
  { scenario: /^isolation\//, path: /^(user|tags)$/, why: 'PEER: in a browser the peer has one isolation scope, so what withIsolationScope sets leaks out of it' },
  {
    scenario: /\/clickHandlerThrows$/, path: /^breadcrumbs$/, when: isPeerAbsent,
    why: "PEER: the click's breadcrumb comes after the error of a listener added before init (its document listener runs last); here it comes first",
  },
  {
    scenario: /\/historyBreadcrumbs$/, path: /^breadcrumbs\.values\.\d+\.data\.(from|to)$/, when: (d) => d.peer === '/relative-two',
    why: "PEER: a relative pushState URL is taken as relative to the origin's root (\"/relative-two\", not /fixtures/pushed/relative-two)",
  },

  // ---- the same for both, reported by Relay
  { scenario: /OddValues$/, path: /^relay\((ours|peer)\)$/, when: (d) => /user\.extra/.test(d.ours + d.peer), why: 'SETUP: both send the unknown user key `extra` as given; Relay moves it into user.data' },
]

// ------------------------------------------------------------------ normalisation

const APP_FILE = /\/fixtures\/peer-diff/ // the app's frames (peer-diff-app.js and the page's inline scripts)

/** What legitimately differs, taken out of a Relay-normalised event. */
function normalise(event, since) {
  const e = JSON.parse(JSON.stringify(event).replace(/(sdk=|"sdk",")(ours|peer)/g, '$1SDK'))
  for (const k of ['event_id', 'timestamp', 'received', 'start_timestamp', 'sdk', 'ingest_path', 'key_id', 'project', 'version', 'grouping_config']) delete e[k]
  // Relay's lists of pairs, as objects (key order is no difference).
  const pairs = (list) => (Array.isArray(list) ? Object.fromEntries([...list].sort((x, y) => String(x[0]).localeCompare(String(y[0])))) : list)
  if (e.tags) e.tags = pairs(e.tags)
  if (e.request) for (const k of ['headers', 'query_string', 'cookies']) if (e.request[k]) e.request[k] = pairs(e.request[k])
  if (e.contexts) delete e.contexts.trace
  if (e.contexts && !Object.keys(e.contexts).length) delete e.contexts
  if (e.breadcrumbs?.values) {
    e.breadcrumbs.values = e.breadcrumbs.values.filter((b) => b.timestamp >= since).map(({ timestamp, ...b }) => b)
    if (!e.breadcrumbs.values.length) delete e.breadcrumbs
  }
  for (const ex of e.exception?.values || []) {
    if (ex.stacktrace) {
      ex.stacktrace = (ex.stacktrace.frames || []).filter((f) => APP_FILE.test(f.filename || f.abs_path || ''))
        .map((f) => ({ function: f.function, filename: f.filename, abs_path: f.abs_path, lineno: f.lineno, colno: f.colno, in_app: f.in_app }))
      if (!ex.stacktrace.length) delete ex.stacktrace
    }
    delete ex.raw_stacktrace
  }
  // Relay's `errors` and `_meta` (what it rejected or trimmed) stay: compared too.
  return e
}

/** The paths at which `a` and `b` differ, with both values. */
function diff(a, b, at = '', out = []) {
  if (Object.is(a, b)) return out
  const kind = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v)
  if (kind(a) !== kind(b) || (kind(a) !== 'object' && kind(a) !== 'array')) {
    out.push({ path: at || '<root>', ours: a, peer: b })
    return out
  }
  if (kind(a) === 'array' && a.length !== b.length) out.push({ path: `${at}.length`, ours: a.length, peer: b.length })
  const keys = kind(a) === 'array' ? [...Array(Math.min(a.length, b.length)).keys()] : [...new Set([...Object.keys(a), ...Object.keys(b)])]
  for (const k of keys) {
    const sub = at ? `${at}.${k}` : String(k)
    if (kind(a) === 'object' && !(k in a)) out.push({ path: sub, ours: '<absent>', peer: b[k] })
    else if (kind(a) === 'object' && !(k in b)) out.push({ path: sub, ours: a[k], peer: '<absent>' })
    else diff(a[k], b[k], sub, out)
  }
  return out
}

const short = (v) => {
  const s = v === undefined ? 'undefined' : JSON.stringify(v)
  return s.length > 160 ? `${s.slice(0, 157)}...` : s
}

// ------------------------------------------------------------------ the test

let peerBuilt // once for both browsers

forEachBrowser((browserName, launch, test) => {
  let site, browser
  const receivers = {}
  before(async () => {
    await (peerBuilt ||= buildPeer())
    receivers.ours = await startReceiver()
    receivers.peer = await startReceiver()
    site = await startStatic()
    site.fail('/fail-500', 500)
    browser = await launch()
  })
  after(async () => {
    await browser?.close()
    await site?.close()
    await receivers.ours?.close()
    await receivers.peer?.close()
  })

  /** Runs a batch with one SDK; its events per step, with the page's time at the step's start (s). */
  async function runBatch(sdk, batch) {
    const receiver = receivers[sdk]
    const page = await browser.newPage()
    try {
      await page.goto(`${site.url}/fixtures/peer-diff.html?sdk=${sdk}`)
      await page.waitForFunction(() => window.fixtureReady === true)
      await page.evaluate(([src, dsn]) => (0, eval)(src)(dsn), [initSource(batch.options), receiver.dsn])
      const results = []
      for (const step of batch.steps) {
        const name = typeof step === 'string' ? step : step.name
        const since = await page.evaluate(() => Date.now() / 1000)
        const start = receiver.events().length
        if (typeof step === 'string') await page.evaluate((n) => window.runScenario(n), step)
        else await step.act(page)
        await page.evaluate(() => window.Sentry.flush(5000))
        // Both flushes wait until the receiver answered; anything still on its way: until nothing new came for 40 ms.
        for (let n = receiver.events().length, quiet = 0; quiet < 2;) {
          await new Promise((r) => setTimeout(r, 20))
          quiet = receiver.events().length === n ? quiet + 1 : 0
          n = receiver.events().length
        }
        results.push({ name, since, events: receiver.events().slice(start) })
      }
      return results
    } finally {
      await page.close()
    }
  }

  test('every scenario gives the same events with this SDK and with @sentry/browser, but for the allowed differences', async (t) => {
    const runs = [] // { scenario, ours: { since, events }, peer: { since, events } }
    for (const batch of BATCHES) {
      // Both SDKs at once, each in a tab of its own (one with clicks or keys only after the other).
      const sequential = batch.steps.some((s) => typeof s !== 'string')
      const [ours, peer] = sequential ? [await runBatch('ours', batch), await runBatch('peer', batch)] : await Promise.all([runBatch('ours', batch), runBatch('peer', batch)])
      ours.forEach((o, i) => runs.push({ scenario: `${batch.name}/${o.name}`, ours: o, peer: peer[i] }))
    }
    // Relay, once per SDK for all the events (each call starts Python).
    const all = (sdk) => runs.flatMap((r) => r[sdk].events)
    const checked = { ours: relayProblems(all('ours')), peer: relayProblems(all('peer')) }
    const stored = { ours: relayNormalized(all('ours')), peer: relayNormalized(all('peer')) }
    const found = [] // { scenario, path, ours, peer }
    const used = new Set()
    const at = { ours: 0, peer: 0 }
    const valid = []
    for (const run of runs) {
      const side = {}
      for (const sdk of ['ours', 'peer']) {
        const { events, since } = run[sdk]
        const problems = checked[sdk].slice(at[sdk], at[sdk] + events.length)
        side[sdk] = stored[sdk].slice(at[sdk], at[sdk] + events.length).map((e) => normalise(e, since))
        at[sdk] += events.length
        // A problem Relay finds is a finding like a difference. The peer's top-level `message`
        // string is one Relay moves into `logentry` (not a drop).
        problems.forEach((p, j) => {
          const moved = typeof events[j].message === 'string' ? ['dropped by relay: message'] : []
          for (const x of p.filter((x) => !moved.includes(x))) found.push({ scenario: run.scenario, path: `${j}:relay(${sdk})`, ours: sdk === 'ours' ? x : '', peer: sdk === 'peer' ? x : '' })
        })
      }
      // This SDK's events are also kept for the final sweep of the test command, if Relay took them.
      if (!checked.ours.slice(at.ours - run.ours.events.length, at.ours).some((p) => p.length)) valid.push(...run.ours.events)
      const [a, b] = [side.ours, side.peer]
      if (DUMP) {
        fs.mkdirSync(DUMP, { recursive: true })
        fs.writeFileSync(path.join(DUMP, `${browserName}-${run.scenario.replace('/', '-')}.json`), JSON.stringify({ ours: a, peer: b, raw: { ours: run.ours.events, peer: run.peer.events } }, null, 1))
      }
      // The peer's breadcrumbs of the events sent before (category sentry.event): counted apart, so that the others line up.
      const sentryEvents = (events) => events.map((e) => {
        const all = e.breadcrumbs?.values || []
        const kept = all.filter((c) => c.category !== 'sentry.event')
        if (e.breadcrumbs) kept.length ? (e.breadcrumbs.values = kept) : delete e.breadcrumbs
        return all.length - kept.length
      })
      const [sa, sb] = [sentryEvents(a), sentryEvents(b)]
      for (let j = 0; j < Math.min(a.length, b.length); j++) if (sa[j] !== sb[j]) found.push({ scenario: run.scenario, path: `${j}:breadcrumbs[sentry.event]`, ours: sa[j], peer: sb[j] })
      if (a.length !== b.length) found.push({ scenario: run.scenario, path: 'events.length', ours: a.length, peer: b.length })
      for (let j = 0; j < Math.min(a.length, b.length); j++) found.push(...diff(a[j], b[j]).map((d) => ({ scenario: run.scenario, ...d, path: `${j}:${d.path}` })))
    }
    assertValidByRelay(valid, `${browserName}-peer-diff`)
    const unexpected = []
    for (const d of found) {
      const rule = ALLOWED.find((r) => r.scenario.test(d.scenario) && r.path.test(d.path.replace(/^\d+:/, '')) && (!r.browser || r.browser === browserName) && (!r.when || r.when(d)))
      if (rule) used.add(rule)
      if (!rule) unexpected.push(d)
      else if (VERBOSE) console.log(`allowed ${d.scenario} ${d.path}: ours ${short(d.ours)} peer ${short(d.peer)} (${rule.why})`)
    }
    // An entry no difference needed any more (a fixed BUG:): said, not failed (some are for one browser only).
    const unused = ALLOWED.filter((r) => !used.has(r) && (!r.browser || r.browser === browserName))
    if (unused.length) t.diagnostic(`ALLOWED entries with nothing to allow in ${browserName}: ${unused.map((r) => r.why.slice(0, 80)).join(' | ')}`)
    const lines = unexpected.map((d) => `${d.scenario} ${d.path}: ours ${short(d.ours)}, peer ${short(d.peer)}`)
    assert.deepEqual(lines, [], `differences from the peer not in ALLOWED (${browserName}):\n${lines.join('\n')}`)
  })
})
