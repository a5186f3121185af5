// Real headless browsers from Debian's packages, driven by playwright-core
// (which never downloads a browser of its own here).
import { chromium } from 'playwright-core'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

// As root Chromium needs --no-sandbox; the network flags stop its background
// calls home, which this machine's closed network refuses.
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-sync',
  '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage',
]

export async function launchChromium() {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasm-sentry-chromium-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  })
  return {
    context,
    async newPage() {
      const page = await context.newPage()
      page.consoleMessages = []
      page.on('console', (m) => page.consoleMessages.push(`${m.type()}: ${m.text()}`))
      page.pageErrors = []
      page.on('pageerror', (e) => page.pageErrors.push(e))
      return page
    },
    async close() {
      await context.close()
      fs.rmSync(userDataDir, { recursive: true, force: true })
    },
  }
}
