// Real headless Firefox (Debian's firefox-esr) through geckodriver, with the
// same shape as launchChromium(): { newPage(), close() }, pages with goto,
// click, evaluate, waitForFunction, waitForTimeout, close, consoleMessages and
// pageErrors.
//
// Playwright's Firefox support needs its own patched build, so this speaks the
// W3C protocols itself: classic WebDriver over HTTP only to start and end the
// session (geckodriver requires it), then WebDriver BiDi over a WebSocket for
// everything else, because only BiDi streams console messages and uncaught
// errors. Node 20 has no WebSocket client without a flag, hence the small
// RFC 6455 client below (text frames to and from 127.0.0.1, nothing more).
// No selenium-webdriver: it would add a dependency tree and Selenium Manager,
// which fetches drivers and browsers when it thinks they are missing.
//
// As with Playwright: evaluate(fn, arg) and waitForFunction(fn, arg, { timeout })
// run `fn` in the page's own realm (its source is sent; async is fine), with
// one JSON argument and a JSON result. A click's uncaught error is in
// pageErrors when click() resolves: Firefox ends an action chain only after
// the page has run the tasks already queued, the error report among them.
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'

// scripts/setup.sh installs geckodriver with cargo.
const CARGO_GECKODRIVER = path.join(os.homedir(), '.cargo/bin/geckodriver')
const GECKODRIVER = process.env.GECKODRIVER || (fs.existsSync(CARGO_GECKODRIVER) ? CARGO_GECKODRIVER : 'geckodriver')
const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr'
const TIMEOUT = 30000 // Playwright's default for actions and waits

// Keeps Firefox off the network: this machine reaches nothing but 127.0.0.1,
// and a test must not depend on what the browser does in the background.
// geckodriver and the remote agent set many of these already; listing them
// here keeps the intent independent of their versions.
const PREFS = {
  // updates of the browser, add-ons, system add-ons, search engines, GMP plugins
  'app.update.auto': false,
  'app.update.checkInstallTime': false,
  'app.update.disabledForTesting': true,
  'app.update.enabled': false,
  'app.update.staging.enabled': false,
  'extensions.update.enabled': false,
  'extensions.update.autoUpdateDefault': false,
  'extensions.systemAddon.update.enabled': false,
  'extensions.systemAddon.update.url': '',
  'extensions.getAddons.cache.enabled': false,
  'extensions.blocklist.enabled': false,
  'browser.search.update': false,
  'browser.search.geoip.url': '',
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'media.gmp-manager.url': '',
  'media.gmp-manager.updateEnabled': false,
  'media.gmp-gmpopenh264.autoupdate': false,
  'media.gmp-gmpopenh264.enabled': false,
  'media.gmp-widevinecdm.enabled': false,
  // telemetry, health report, crash reports, studies and experiments
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.archive.enabled': false,
  'toolkit.telemetry.server': '',
  'toolkit.telemetry.updatePing.enabled': false,
  'toolkit.telemetry.shutdownPingSender.enabled': false,
  'toolkit.telemetry.firstShutdownPing.enabled': false,
  'toolkit.telemetry.newProfilePing.enabled': false,
  'toolkit.telemetry.bhrPing.enabled': false,
  'toolkit.coverage.opt-out': true,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.usage.uploadEnabled': false,
  'browser.crashReports.unsubmittedCheck.autoSubmit2': false,
  'browser.tabs.crashReporting.sendReport': false,
  'browser.ping-centre.telemetry': false,
  'app.normandy.enabled': false,
  'app.normandy.api_url': '',
  'app.shield.optoutstudies.enabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'nimbus.rollouts.enabled': false,
  // Remote settings (blocklists, CRLite, Nimbus experiments, which Firefox Labs
  // keeps enabled whatever the prefs): a release build honours this server only
  // with MOZ_REMOTE_SETTINGS_DEVTOOLS=1 in its environment (see below).
  'services.settings.server': 'data:,#remote-settings-dummy/v1',
  'security.remote_settings.crlite_filters.enabled': false,
  'security.remote_settings.intermediates.enabled': false,
  'security.OCSP.enabled': 0,
  // captive portal, connectivity checks, DNS over HTTPS, safe browsing
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.trr.mode': 5,
  'doh-rollout.disable-heuristics': true,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.downloads.remote.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.safebrowsing.provider.google.updateURL': '',
  'browser.safebrowsing.provider.google4.updateURL': '',
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.safebrowsing.update.enabled': false,
  // push, accounts and sync, geolocation, speculative connections
  'dom.push.connection.enabled': false,
  'dom.push.serverURL': '',
  'identity.fxaccounts.enabled': false,
  'services.sync.enabled': false,
  'geo.provider.network.url': '',
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.predictor.enabled': false,
  'network.http.speculative-parallel-limit': 0,
  // start page, new tab page and its feeds, URL bar suggestions, first-run pages
  'browser.startup.page': 0,
  'browser.startup.homepage': 'about:blank',
  'browser.startup.homepage_override.mstone': 'ignore',
  'startup.homepage_welcome_url': 'about:blank',
  'startup.homepage_welcome_url.additional': '',
  'browser.newtabpage.enabled': false,
  'browser.newtabpage.activity-stream.feeds.system.topstories': false,
  'browser.newtabpage.activity-stream.feeds.section.topstories': false,
  'browser.newtabpage.activity-stream.feeds.snippets': false,
  'browser.newtabpage.activity-stream.feeds.telemetry': false,
  'browser.newtabpage.activity-stream.telemetry': false,
  'browser.newtabpage.activity-stream.default.sites': '',
  'browser.topsites.contile.enabled': false,
  'browser.urlbar.quicksuggest.enabled': false,
  'browser.urlbar.suggest.quicksuggest.sponsored': false,
  'browser.urlbar.suggest.quicksuggest.nonsponsored': false,
  'browser.discovery.enabled': false,
  'browser.aboutwelcome.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'trailhead.firstrun.branches': 'nofirstrun-empty',
  'browser.contentblocking.report.lockwise.enabled': false,
  'browser.contentblocking.report.monitor.enabled': false,
}

// ---------------------------------------------------------------- WebSocket

/** Opens a WebSocket to `url` (ws://127.0.0.1:…); `onText(string)` gets every message. */
function openWebSocket(url, { onText, onClose }) {
  const { hostname, port, pathname, search } = new URL(url)
  const key = crypto.randomBytes(16).toString('base64')
  const accept = crypto.createHash('sha1').update(key + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64')
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: hostname, port, path: pathname + search,
      headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-key': key, 'sec-websocket-version': '13' },
    })
    req.on('error', reject)
    req.on('response', (res) => reject(new Error(`WebSocket ${url}: HTTP ${res.statusCode} instead of an upgrade`)))
    req.on('upgrade', (res, socket, head) => {
      if (res.headers['sec-websocket-accept'] !== accept) {
        socket.destroy()
        reject(new Error(`WebSocket ${url}: bad Sec-WebSocket-Accept`))
        return
      }
      socket.setNoDelay(true)
      let buf = head
      let fragments = [] // payloads of an unfinished fragmented message
      const frame = (opcode, payload) => {
        // Client frames are masked (RFC 6455 5.3).
        const n = payload.length
        const header = Buffer.alloc(n < 126 ? 2 : n < 65536 ? 4 : 10)
        header[0] = 0x80 | opcode
        if (n < 126) header[1] = 0x80 | n
        else if (n < 65536) { header[1] = 0x80 | 126; header.writeUInt16BE(n, 2) }
        else { header[1] = 0x80 | 127; header.writeBigUInt64BE(BigInt(n), 2) }
        const mask = crypto.randomBytes(4)
        const body = Buffer.from(payload)
        for (let i = 0; i < n; i++) body[i] ^= mask[i & 3]
        return Buffer.concat([header, mask, body])
      }
      const parse = () => {
        for (;;) {
          if (buf.length < 2) return
          const fin = buf[0] & 0x80
          const opcode = buf[0] & 0x0f
          const masked = buf[1] & 0x80
          let len = buf[1] & 0x7f
          let at = 2
          if (len === 126) {
            if (buf.length < 4) return
            len = buf.readUInt16BE(2)
            at = 4
          } else if (len === 127) {
            if (buf.length < 10) return
            len = Number(buf.readBigUInt64BE(2))
            at = 10
          }
          const maskAt = at
          if (masked) at += 4
          if (buf.length < at + len) return
          const payload = Buffer.from(buf.subarray(at, at + len))
          if (masked) for (let i = 0; i < len; i++) payload[i] ^= buf[maskAt + (i & 3)]
          buf = buf.subarray(at + len)
          if (opcode === 0x8) { // close: answer and end
            if (!socket.destroyed) socket.end(frame(0x8, payload.subarray(0, 2)))
            return
          }
          if (opcode === 0x9) { socket.write(frame(0xa, payload)); continue } // ping
          if (opcode === 0xa) continue // pong
          fragments.push(payload)
          if (fin) {
            const text = Buffer.concat(fragments).toString('utf8')
            fragments = []
            onText(text)
          }
        }
      }
      socket.on('data', (d) => { buf = buf.length ? Buffer.concat([buf, d]) : d; parse() })
      socket.on('error', () => {}) // 'close' follows
      socket.on('close', () => onClose())
      resolve({
        send: (text) => socket.write(frame(0x1, Buffer.from(text, 'utf8'))),
        destroy: () => socket.destroy(),
      })
      if (buf.length) parse()
    })
    req.end()
  })
}

// ---------------------------------------------------------------- WebDriver

async function classic(base, method, url, body) {
  const res = await fetch(base + url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = await res.json()
  if (!res.ok) throw new Error(`WebDriver ${method} ${url}: ${res.status} ${JSON.stringify(json.value).slice(0, 2000)}`)
  return json.value
}

/** A WebDriver BiDi connection: `send(method, params)` resolves with the result; events go to `onEvent`. */
async function connectBidi(url, onEvent) {
  const pending = new Map()
  let nextId = 1
  let closed = null
  const ws = await openWebSocket(url, {
    onText(text) {
      const msg = JSON.parse(text)
      if (msg.type === 'event') { onEvent(msg.method, msg.params); return }
      const p = pending.get(msg.id)
      if (!p) return
      pending.delete(msg.id)
      if (msg.type === 'success') p.resolve(msg.result)
      else p.reject(new Error(`${p.method}: ${msg.error}: ${msg.message}`))
    },
    onClose() {
      closed = new Error('the WebDriver BiDi connection closed')
      for (const p of pending.values()) p.reject(new Error(`${p.method}: ${closed.message}`))
      pending.clear()
    },
  })
  return {
    send(method, params = {}) {
      if (closed) return Promise.reject(new Error(`${method}: ${closed.message}`))
      const id = nextId++
      return new Promise((resolve, reject) => {
        pending.set(id, { method, resolve, reject })
        ws.send(JSON.stringify({ id, method, params }))
      })
    },
    destroy: () => ws.destroy(),
  }
}

/** Starts geckodriver on a port it picks itself (--port 0) and returns its base URL. */
async function startGeckodriver(log) {
  // geckodriver passes Firefox's own output through its stdout.
  const proc = spawn(GECKODRIVER, ['--port', '0', '--websocket-port', '0', '--host', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // Firefox inherits this environment; see PREFS for the remote settings flag.
    env: { ...process.env, MOZ_HEADLESS: '1', MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
  })
  const exited = new Promise((resolve) => proc.once('exit', resolve))
  const base = await new Promise((resolve, reject) => {
    let out = ''
    const onData = (d) => {
      log(d)
      out += d
      const m = /Listening on (127\.0\.0\.1:\d+)/.exec(out)
      if (m) resolve(`http://${m[1]}`)
    }
    proc.stdout.on('data', onData)
    proc.stderr.on('data', log)
    proc.once('error', (e) => reject(new Error(`${GECKODRIVER}: ${e.message} (scripts/setup.sh installs it)`)))
    exited.then((code) => reject(new Error(`geckodriver exited (${code}) before listening:\n${out}`)))
  })
  return { proc, base, exited }
}

// Firefox's processes are found from /proc: the one started with our
// profile and its descendants. Its helpers (fork server, content, socket, RDD,
// utility processes) outlive the main process for a moment, reparented away
// from it, so they are listed while it still runs, then waited for.

/** Firefox's running processes for `profile`, as { pid, start } (start: tells a reused pid apart). */
function firefoxProcesses(profile) {
  const procs = []
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    const info = procInfo(Number(name))
    if (info && info.state !== 'Z') procs.push(info)
  }
  const tree = procs.filter((p) => {
    try {
      return fs.readFileSync(`/proc/${p.pid}/cmdline`, 'utf8').split('\0').includes(profile)
    } catch {
      return false
    }
  })
  for (let i = 0; i < tree.length; i++) {
    tree.push(...procs.filter((p) => p.ppid === tree[i].pid && !tree.includes(p)))
  }
  return tree.map(({ pid, start }) => ({ pid, start }))
}

function procInfo(pid) {
  let stat
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  } catch {
    return null
  }
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ') // fields 3… of proc(5)
  return { pid, state: f[0], ppid: Number(f[1]), start: f[19] }
}

/** Still running (a zombie is not): the same process, not a reused pid. */
function running({ pid, start }) {
  const info = procInfo(pid)
  return !!info && info.start === start && info.state !== 'Z'
}

function kill(procs) {
  for (const p of procs) if (running(p)) try { process.kill(p.pid, 'SIGKILL') } catch {}
}

// ---------------------------------------------------------------- pages

/** A function's source as an expression (Playwright's rule: method shorthand becomes a function). */
function functionSource(fn) {
  if (typeof fn !== 'function') throw new TypeError('evaluate takes a function')
  const src = fn.toString()
  try {
    new Function(`(${src})`)
    return src
  } catch {
    return src.startsWith('async ') ? `async function ${src.slice(6)}` : `function ${src}`
  }
}

// Runs in the page's own realm: calls the test's function with its argument
// (sent as JSON) and answers with the JSON of its awaited result, or with
// whether that result is truthy.
const callIn = (source) => `async function (argJson, truthy) {
  const value = await (${source})(argJson === undefined ? undefined : JSON.parse(argJson))
  return truthy ? !!value : JSON.stringify(value)
}`

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

function pageError(entry) {
  // SpiderMonkey's report text: "Name: message" ("uncaught exception: …" for non-errors).
  const m = /^(\w*Error|\w*Exception): ([^]*)$/.exec(entry.text)
  const e = new Error(m ? m[2] : entry.text)
  e.name = m ? m[1] : 'Error'
  const frames = entry.stackTrace?.callFrames ?? []
  e.stack = `${entry.text}\n` + frames.map((f) => `${f.functionName}@${f.url}:${f.lineNumber + 1}:${f.columnNumber + 1}\n`).join('')
  return e
}

/** `prefs`: more Firefox preferences, over the ones above. */
export async function launchFirefox({ prefs = {} } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'wasm-sentry-firefox-'))
  let output = '' // the last of geckodriver's and Firefox's output, for error messages
  const log = (d) => { output = (output + d).slice(-20000) }
  const pages = new Map() // browsing context id -> page
  let gd, bidi, session, sessionUrl
  const gdRunning = () => gd && gd.proc.exitCode === null && gd.proc.signalCode === null
  const killAll = () => {
    kill(firefoxProcesses(profile))
    if (gdRunning()) gd.proc.kill('SIGKILL')
  }
  // A test run that ends without close() must not leave browsers behind.
  const onExit = () => {
    killAll()
    fs.rmSync(profile, { recursive: true, force: true })
  }
  process.on('exit', onExit)

  const onEvent = (method, params) => {
    if (method !== 'log.entryAdded') return
    const page = pages.get(params.source?.context)
    if (!page) return
    if (params.type === 'console') {
      // Playwright's ConsoleMessage.type(): console.warn is 'warning', the rest their method.
      const type = params.method === 'warn' ? 'warning' : params.method
      page.consoleMessages.push(`${type}: ${params.text}`)
    } else if (params.type === 'javascript' && params.level === 'error') {
      page.pageErrors.push(pageError(params))
    }
  }

  try {
    gd = await startGeckodriver(log)
    session = await classic(gd.base, 'POST', '/session', {
      capabilities: {
        alwaysMatch: {
          browserName: 'firefox',
          webSocketUrl: true,
          'moz:firefoxOptions': { binary: FIREFOX, args: ['-headless', '-profile', profile], prefs: { ...PREFS, ...prefs } },
        },
      },
    })
    sessionUrl = `/session/${session.sessionId}`
    bidi = await connectBidi(session.capabilities.webSocketUrl, onEvent)
    await bidi.send('session.subscribe', { events: ['log.entryAdded'] })
  } catch (e) {
    killAll()
    process.off('exit', onExit)
    fs.rmSync(profile, { recursive: true, force: true })
    e.message += `\n--- geckodriver and Firefox output:\n${output}`
    throw e
  }

  async function newPage() {
    const { context } = await bidi.send('browsingContext.create', { type: 'tab' })
    const call = async (fn, arg, truthy = false) => {
      const r = await bidi.send('script.callFunction', {
        functionDeclaration: callIn(functionSource(fn)),
        target: { context },
        arguments: [
          arg === undefined ? { type: 'undefined' } : { type: 'string', value: JSON.stringify(arg) },
          { type: 'boolean', value: truthy },
        ],
        awaitPromise: true,
        resultOwnership: 'none',
      })
      if (r.type === 'exception') throw new Error(`evaluate: ${r.exceptionDetails.text}`)
      if (truthy) return r.result.value
      return r.result.type === 'string' ? JSON.parse(r.result.value) : undefined
    }
    const page = {
      consoleMessages: [],
      pageErrors: [],
      async goto(url) {
        // Like Playwright's default: resolves once the load event has fired.
        await bidi.send('browsingContext.navigate', { context, url, wait: 'complete' })
      },
      evaluate: (fn, arg) => call(fn, arg),
      /** Playwright's signature: polls `fn(arg)` until it is truthy; rejects after `timeout` ms. */
      async waitForFunction(fn, arg, { timeout = TIMEOUT } = {}) {
        const deadline = Date.now() + timeout
        while (!(await call(fn, arg, true))) {
          if (Date.now() > deadline) throw new Error(`waitForFunction: not truthy within ${timeout} ms: ${fn}`)
          await sleep(20)
        }
        return true
      },
      async click(selector, { timeout = TIMEOUT } = {}) {
        // Like Playwright: wait for the element, scroll it into view, press and
        // release the mouse at its centre (trusted events).
        const deadline = Date.now() + timeout
        let node
        for (;;) {
          const { nodes } = await bidi.send('browsingContext.locateNodes', {
            context, locator: { type: 'css', value: selector }, maxNodeCount: 1,
          })
          if (nodes.length) { node = nodes[0]; break }
          if (Date.now() > deadline) throw new Error(`click: no element matches ${selector} within ${timeout} ms`)
          await sleep(20)
        }
        const element = { sharedId: node.sharedId }
        await bidi.send('script.callFunction', {
          functionDeclaration: '(el) => el.scrollIntoView({ block: "center", inline: "center" })',
          target: { context }, arguments: [element], awaitPromise: false,
        })
        await bidi.send('input.performActions', {
          context,
          actions: [{
            type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' },
            actions: [
              { type: 'pointerMove', x: 0, y: 0, origin: { type: 'element', element } },
              { type: 'pointerDown', button: 0 },
              { type: 'pointerUp', button: 0 },
            ],
          }],
        })
      },
      /** Like Playwright's: focuses the element with a click, then presses each key (trusted events). */
      async type(selector, text) {
        await page.click(selector)
        const keys = [...text].flatMap((value) => [{ type: 'keyDown', value }, { type: 'keyUp', value }])
        await bidi.send('input.performActions', { context, actions: [{ type: 'key', id: 'keyboard', actions: keys }] })
      },
      waitForTimeout: (ms) => sleep(ms),
      async close() {
        await bidi.send('browsingContext.close', { context })
        pages.delete(context)
      },
    }
    pages.set(context, page)
    return page
  }

  return {
    newPage,
    /** Firefox's version, as the session reported it. */
    version: session.capabilities.browserVersion,
    async close() {
      try {
        // Ending the session quits Firefox and its helpers.
        const procs = firefoxProcesses(profile)
        await classic(gd.base, 'DELETE', sessionUrl).catch(() => {})
        bidi.destroy()
        for (const deadline = Date.now() + 10000; procs.some(running) && Date.now() < deadline;) await sleep(20)
        kill(procs) // normally all gone already
      } finally {
        killAll()
        if (gdRunning()) gd.proc.kill('SIGTERM')
        await gd.exited
        process.off('exit', onExit)
        fs.rmSync(profile, { recursive: true, force: true })
      }
    },
  }
}
