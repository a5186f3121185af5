// A worker wrapped by `withSentry`, as a user writes one. Each route is one
// case of tests/e2e/workerd.test.mjs.
import {
  withSentry, instrumentDurableObjectWithSentry, captureException, captureMessage, setTag, setUser, setExtra, addBreadcrumb, withScope,
} from 'wasm-sentry/worker'

const options = (env) => ({ dsn: env.SENTRY_DSN, environment: 'workerd-test', release: 'worker@1.0.0' })

// A wait that yields to other requests (timers do, in workerd).
const pause = (ms) => new Promise((r) => setTimeout(r, ms))

function failingLookup(id) {
  throw new Error(`lookup failed for ${id}`)
}

class Counter {
  constructor(state, env) {
    this.state = state
    this.env = env
  }

  async fetch(request) {
    const url = new URL(request.url)
    setTag('object', 'counter')
    if (url.pathname.endsWith('/throw')) throw new RangeError('counter overflow')
    if (url.pathname.endsWith('/alarm')) await this.state.storage.setAlarm(Date.now() + 10)
    if (url.pathname.endsWith('/ws')) {
      // A hibernatable WebSocket: its messages come to webSocketMessage.
      const [client, server] = Object.values(new WebSocketPair())
      this.state.acceptWebSocket(server)
      return new Response(null, { status: 101, webSocket: client })
    }
    return new Response('counted')
  }

  async webSocketMessage(ws, message) {
    setTag('object', 'counter-ws')
    if (message === 'boom') throw new TypeError(`bad message: ${message}`)
    ws.send(`echo ${message}`)
  }

  // workerd retries an alarm that threw, with a backoff: the retry reports
  // itself and succeeds, so that no later retry's event lands in another test.
  async alarm(info) {
    setTag('object', 'counter-alarm')
    if (info && info.retryCount > 0) return void captureMessage(`alarm retried ${info.retryCount}`)
    throw new Error('alarm went off badly')
  }
}

export const CounterObject = instrumentDurableObjectWithSentry(options, Counter)

export default withSentry(options, {
  async fetch(request, env, ctx) {
    const url = new URL(request.url)
    switch (url.pathname) {
      case '/throw':
        setTag('route', 'throw')
        addBreadcrumb({ category: 'test', message: 'about to throw' })
        failingLookup('user-42')
        break
      case '/reject':
        // Not async: the handler returns a rejected promise.
        return Promise.reject(new TypeError('rejected from fetch'))
      case '/message': {
        setTag('route', 'message')
        setUser({ id: 'u-1' })
        const id = captureMessage('handled in a worker', 'warning')
        return Response.json({ id })
      }
      case '/caught': {
        try {
          failingLookup('caught')
        } catch (e) {
          withScope((scope) => {
            scope.setTag('inner', 'yes')
            captureException(e)
          })
        }
        return new Response('ok')
      }
      case '/tagged': {
        // Awaits interleave with the other requests' between every step.
        const n = url.searchParams.get('n')
        setTag('req', n)
        await pause(Math.random() * 20)
        setUser({ id: `user-${n}` })
        addBreadcrumb({ category: 'step', message: `first step of ${n}` })
        await pause(Math.random() * 20)
        setExtra('n', n)
        await scheduler.wait(Math.random() * 10)
        addBreadcrumb({ category: 'step', message: `second step of ${n}` })
        const id = captureMessage(`request ${n}`, 'info')
        return Response.json({ id })
      }
      case '/quiet':
        return new Response('nothing to report')
      case '/do/throw':
      case '/do/ws':
      case '/do/alarm':
      case '/do/ok': {
        const stub = env.COUNTEROBJECT.get(env.COUNTEROBJECT.idFromName('one'))
        return stub.fetch(request)
      }
    }
    return new Response('not found', { status: 404 })
  },

  async scheduled(controller) {
    setTag('job', 'nightly')
    throw new Error(`scheduled job failed (${controller.cron})`)
  },

  async queue(batch) {
    for (const message of batch.messages) captureMessage(`queued ${message.body.n}`, 'info')
  },
})
