// A minimal W3C WebDriver client over plain HTTP (enough to drive geckodriver):
// new session, navigate, execute (async) script, delete session.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import net from 'node:net'

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)) })
    srv.on('error', reject)
  })
}

async function call(base, method, url, body) {
  const res = await fetch(base + url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = await res.json()
  if (!res.ok) throw new Error(`WebDriver ${method} ${url}: ${res.status} ${JSON.stringify(json.value).slice(0, 2000)}`)
  return json.value
}

// Starts geckodriver and a headless Firefox ESR session with a fresh profile.
export async function startFirefox({ geckodriver, firefox }) {
  const port = await freePort()
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-firefox-'))
  const proc = spawn(geckodriver, ['--port', String(port), '--host', '127.0.0.1'], {
    stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, MOZ_HEADLESS: '1' },
  })
  let stderr = ''
  proc.stderr.on('data', (d) => { stderr += d })
  const base = `http://127.0.0.1:${port}`
  for (let i = 0; ; i++) {
    try { await call(base, 'GET', '/status'); break } catch (e) {
      if (i > 100) throw new Error('geckodriver did not start: ' + stderr)
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  const session = await call(base, 'POST', '/session', {
    capabilities: { alwaysMatch: {
      browserName: 'firefox',
      'moz:firefoxOptions': { binary: firefox, args: ['-headless', '-profile', profile], prefs: {
        // keep the browser off the (closed) network
        'app.update.enabled': false, 'network.captive-portal-service.enabled': false,
        'browser.safebrowsing.malware.enabled': false, 'browser.safebrowsing.phishing.enabled': false,
        'extensions.update.enabled': false, 'network.connectivity-service.enabled': false,
      } },
      timeouts: { script: 60000, pageLoad: 60000 },
    } },
  })
  const sid = session.sessionId
  const s = `/session/${sid}`
  return {
    capabilities: session.capabilities,
    navigate: (url) => call(base, 'POST', `${s}/url`, { url }),
    execute: (script, args = []) => call(base, 'POST', `${s}/execute/sync`, { script, args }),
    executeAsync: (script, args = []) => call(base, 'POST', `${s}/execute/async`, { script, args }),
    async close() {
      try { await call(base, 'DELETE', s) } catch {}
      proc.kill()
      fs.rmSync(profile, { recursive: true, force: true })
    },
  }
}
