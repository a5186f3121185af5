// Calls the main worker's `scheduled` and `queue` handlers through a
// service binding, as the platform's cron and queue triggers would, and
// talks to its Durable Object over a WebSocket.
export default {
  async fetch(request, env) {
    const url = new URL(request.url)
    if (url.pathname === '/scheduled') return Response.json(await env.MAIN.scheduled({ cron: '*/5 * * * *', scheduledTime: Date.now() }))
    if (url.pathname === '/queue') {
      const messages = [1, 2].map((n) => ({ id: `m${n}`, timestamp: new Date(), body: { n }, attempts: 1 }))
      return Response.json(await env.MAIN.queue('jobs', messages))
    }
    if (url.pathname === '/ws') {
      // Opens a WebSocket to the Durable Object, has one message echoed, then sends one its handler throws on.
      const res = await env.MAIN.fetch('http://main/do/ws', { headers: { Upgrade: 'websocket' } })
      const ws = res.webSocket
      if (!ws) return new Response(`no WebSocket: ${res.status}`, { status: 500 })
      ws.accept()
      const received = []
      const echoed = new Promise((resolve) => ws.addEventListener('message', (e) => { received.push(e.data); resolve() }))
      ws.send('hello')
      await echoed
      ws.send('boom')
      await new Promise((r) => setTimeout(r, 100))
      try { ws.close(1000, 'done') } catch (e) {}
      return Response.json({ status: res.status, received })
    }
    return new Response('not found', { status: 404 })
  },
}
