// Serves the example pages and the built package from 127.0.0.1:
//   /pkg/... -> pkg/    /fixtures/... -> tests/e2e/pages/    everything else -> root (an example folder)
//   /peer/... -> target/peer/ (@sentry/browser bundled for the pages by tests/support/peer.mjs)
import http from 'node:http'
import fs from 'node:fs/promises'
import path from 'node:path'

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..')
const MOUNTS = { '/pkg/': path.join(REPO, 'pkg'), '/fixtures/': path.join(REPO, 'tests/e2e/pages'), '/peer/': path.join(REPO, 'target/peer') }
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
}

export async function startStatic({ root = path.join(REPO, 'examples/browser'), port = 0 } = {}) {
  const requests = [] // every path asked for, in order
  const failing = new Map() // path -> 'missing' (404) or 'hang' (never answered)
  const hung = [] // responses held by 'hang', ended when a failure is cleared
  const server = http.createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://127.0.0.1')
    requests.push(pathname)
    if (failing.get(pathname) === 'hang') return void hung.push(res)
    if (failing.get(pathname) === 'missing') return void res.writeHead(404).end('not found')
    if (typeof failing.get(pathname) === 'number') {
      const headers = { 'content-type': 'text/plain', 'content-length': '4', 'x-request-id': 'req-7', 'access-control-expose-headers': 'x-request-id' }
      return void res.writeHead(failing.get(pathname), headers).end('down')
    }
    const rel = decodeURIComponent(pathname)
    const mount = Object.keys(MOUNTS).find((m) => rel.startsWith(m))
    const base = mount ? MOUNTS[mount] : root
    const file = path.join(base, mount ? rel.slice(mount.length - 1) : rel, rel.endsWith('/') ? 'index.html' : '')
    if (!file.startsWith(base)) {
      res.writeHead(403).end()
      return
    }
    try {
      const body = await fs.readFile(file)
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' })
      res.end(body)
    } catch {
      res.writeHead(404).end('not found')
    }
  })
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests,
    /** Makes `path` answer 404 (`'missing'`), never (`'hang'`) or with a status (a number: a short body, `x-request-id: req-7`); `undefined` serves it again. */
    fail: (path, how) => {
      if (how) return void failing.set(path, how)
      failing.delete(path)
      for (const res of hung.splice(0)) res.writeHead(404).end()
    },
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve) }),
  }
}
