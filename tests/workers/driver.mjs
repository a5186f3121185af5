// Calls the main worker's `scheduled` and `queue` handlers through a
// service binding, as the platform's cron and queue triggers would.
export default {
  async fetch(request, env) {
    const url = new URL(request.url)
    if (url.pathname === '/scheduled') return Response.json(await env.MAIN.scheduled({ cron: '*/5 * * * *', scheduledTime: Date.now() }))
    if (url.pathname === '/queue') {
      const messages = [1, 2].map((n) => ({ id: `m${n}`, timestamp: new Date(), body: { n }, attempts: 1 }))
      return Response.json(await env.MAIN.queue('jobs', messages))
    }
    return new Response('not found', { status: 404 })
  },
}
