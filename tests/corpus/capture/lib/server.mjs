// A static file server on 127.0.0.1 for the browser cases. `routes` maps a URL
// path (as it appears on the wire, percent-encoded) to a file on disk, so the
// cases can live anywhere while the browser sees paths with spaces, %-escapes...
import http from 'node:http'
import fs from 'node:fs'

const TYPES = { js: 'text/javascript', mjs: 'text/javascript', html: 'text/html; charset=utf-8', wasm: 'application/wasm', json: 'application/json', ts: 'text/javascript', tsx: 'text/javascript' }

export async function startServer(routes, port = 0) {
  const server = http.createServer((req, res) => {
    const p = req.url.split('?')[0].split('#')[0]
    const file = routes[p]
    if (!file || !fs.existsSync(file)) { res.writeHead(404); res.end('not found: ' + p); return }
    const ext = file.split('.').pop()
    res.writeHead(200, { 'content-type': TYPES[ext] || 'application/octet-stream', 'cache-control': 'no-store' })
    res.end(fs.readFileSync(file))
  })
  await new Promise((resolve, reject) => { server.on('error', reject); server.listen(port, '127.0.0.1', resolve) })
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) }
}
