export * from './index.js'
import type { Options } from './index.js'

/** Options for a worker: from the worker's `env`, read once per isolate. */
export type OptionsCallback = (env: any) => Options

/**
 * Wraps a worker's `fetch`, `scheduled` and `queue` handlers. Each invocation gets a scope of its own
 * (tags, user, breadcrumbs, extra, the request and its `cf` contexts); an error it throws or rejects
 * with is captured (mechanism `cloudflare`, unhandled) and rethrown; events are flushed with
 * `ctx.waitUntil`. Scopes follow their request across awaits with the `nodejs_als` or
 * `nodejs_compat` compatibility flag.
 */
export function withSentry<H extends object>(options: OptionsCallback, handler: H): H

/** Wraps a Durable Object class: its `fetch`, `alarm` and WebSocket handlers run as `withSentry`'s do. */
export function instrumentDurableObjectWithSentry<C extends new (...args: any[]) => any>(options: OptionsCallback, DurableObjectClass: C): C
