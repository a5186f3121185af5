// A local Sentry-compatible envelope receiver for tests and the demo.
//
// It accepts POST /api/<project>/envelope/ on 127.0.0.1, checks the public
// key (query-string auth or X-Sentry-Auth), also takes POST /tunnel as an
// app's tunnel endpoint would, answers CORS preflight, and
// records each envelope raw. It can be told to answer 429 with rate-limit
// headers, 500, or to hang.
//
//   node tests/support/receiver.mjs [--port N]   prints each event as it arrives

import http from 'node:http'

export const PUBLIC_KEY = 'publickey0123456789abcdef01234567'
export const PROJECT_ID = '42'

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'content-type, x-sentry-auth',
  'access-control-expose-headers': 'x-sentry-rate-limits, retry-after',
}

/** Splits an envelope into its header and items, honouring byte `length`s. */
export function parseEnvelope(raw) {
  const buf = Buffer.isBuffer(raw) ? raw : Buffer.from(raw)
  let pos = 0
  const line = () => {
    let end = buf.indexOf(0x0a, pos)
    if (end < 0) end = buf.length
    const s = buf.subarray(pos, end).toString('utf8')
    pos = end + 1
    return s
  }
  const header = JSON.parse(line())
  const items = []
  while (pos < buf.length) {
    const text = line()
    if (!text.trim()) continue
    const itemHeader = JSON.parse(text)
    let payload
    if (typeof itemHeader.length === 'number') {
      payload = buf.subarray(pos, pos + itemHeader.length).toString('utf8')
      pos += itemHeader.length + 1
    } else {
      payload = line()
    }
    let parsed = payload
    try {
      parsed = JSON.parse(payload)
    } catch {} // attachments and other non-JSON items stay text
    items.push({ header: itemHeader, payload: parsed })
  }
  return { header, items }
}

export async function startReceiver({ port = 0, projectId = PROJECT_ID, publicKey = PUBLIC_KEY, onEnvelope } = {}) {
  const envelopes = [] // { url, headers, raw (Buffer), envelope }
  const rejected = [] // requests refused for a bad key or path
  const dialogs = [] // the query parameters of each crash-report dialog script asked for
  let requests = 0
  let mode = { kind: 'ok' }
  const hanging = new Map() // held responses -> how to answer them at last
  const waiters = new Set()

  const server = http.createServer((req, res) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS).end()
      return
    }
    const url = new URL(req.url, 'http://127.0.0.1')
    // Sentry's crash-report dialog (`showReportDialog`): the real script renders
    // a form and, when the user closes it, posts this message to the page.
    if (req.method === 'GET' && url.pathname === '/api/embed/error-page/') {
      dialogs.push(Object.fromEntries(url.searchParams))
      res.writeHead(200, { ...CORS, 'content-type': 'text/javascript' })
      res.end("setTimeout(() => window.postMessage('__sentry_reportdialog_closed__', '*'), 20)")
      return
    }
    const chunks = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => {
      requests++
      const raw = Buffer.concat(chunks)
      const auth = req.headers['x-sentry-auth'] || ''
      const key = url.searchParams.get('sentry_key') || (/sentry_key=([^,\s]+)/.exec(auth) || [])[1]
      // A tunnel (the app's own endpoint) forwards envelopes whose header names the DSN.
      const tunnelled = req.method === 'POST' && url.pathname === '/tunnel'
      if (!tunnelled && (req.method !== 'POST' || url.pathname !== `/api/${projectId}/envelope/` || key !== publicKey)) {
        rejected.push({ method: req.method, url: req.url, key })
        res.writeHead(key !== publicKey ? 401 : 404, CORS).end()
        return
      }
      const answer = (kind) => {
        let envelope
        try {
          envelope = parseEnvelope(raw)
        } catch (e) {
          rejected.push({ method: req.method, url: req.url, error: String(e) })
          res.writeHead(400, CORS).end()
          return
        }
        const record = { url: req.url, headers: req.headers, raw, envelope, tunnelled }
        envelopes.push(record)
        onEnvelope?.(record)
        for (const w of waiters) w()
        if (kind === 'status') res.writeHead(mode.status, { ...CORS, ...mode.headers }).end()
        else res.writeHead(200, { ...CORS, 'content-type': 'application/json' }).end('{}')
      }
      if (mode.kind === 'hang') hanging.set(res, answer)
      else answer(mode.kind)
    })
  })
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve))
  const actualPort = server.address().port
  const base = `http://127.0.0.1:${actualPort}`

  const items = (type) => envelopes.flatMap((e) => e.envelope.items.filter((i) => i.header.type === type).map((i) => i.payload))
  const events = () => items('event')

  return {
    port: actualPort,
    url: base,
    dsn: `http://${publicKey}@127.0.0.1:${actualPort}/${projectId}`,
    envelopes,
    rejected,
    /** The query parameters of each crash-report dialog script requested, in order. */
    dialogs: () => dialogs,
    events,
    /** The `session` items (release health), in arrival order. */
    sessions: () => items('session'),
    /** The `feedback` items (user feedback events), in arrival order. */
    feedback: () => items('feedback'),
    requests: () => requests,
    /** 'ok' | 'hang' | { status, headers } */
    setMode(m) {
      mode = m === 'ok' || m === 'hang' ? { kind: m } : { kind: 'status', status: m.status, headers: m.headers || {} }
    },
    /** Answers the requests held by 'hang' as 'ok' would have, and answers 'ok' from now on. */
    release() {
      mode = { kind: 'ok' }
      for (const [res, answer] of hanging) {
        hanging.delete(res)
        answer('ok')
      }
    },
    /** Resolves with the events once at least `n` have arrived; rejects at the timeout. */
    waitForEvents(n, timeoutMs = 10000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (events().length >= n) {
            waiters.delete(check)
            clearTimeout(timer)
            resolve(events())
          }
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`expected ${n} event(s) within ${timeoutMs} ms, got ${events().length}`))
        }, timeoutMs)
        waiters.add(check)
        check()
      })
    },
    async close() {
      for (const res of hanging.keys()) res.destroy()
      server.closeAllConnections?.()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--port')
  const port = i > 0 ? Number(process.argv[i + 1]) : 0
  const r = await startReceiver({
    port,
    onEnvelope: ({ envelope }) => {
      for (const item of envelope.items) console.log(JSON.stringify(item.payload, null, 2))
    },
  })
  console.log(`receiver listening on ${r.url}, DSN ${r.dsn}`)
}
