/** Options for `init`. Names and meanings follow `@sentry/browser`. */
export interface Options {
  /** Where to send events: `https://PUBLIC_KEY@HOST/PROJECT_ID`. A malformed DSN is reported once to the console and leaves the SDK off. */
  dsn?: string
  release?: string
  /** Defaults to `production`. */
  environment?: string
  dist?: string
  /** `false` turns the SDK off entirely. */
  enabled?: boolean
  /** Logs the SDK's own problems to the console. */
  debug?: boolean
}

export type SeverityLevel = 'fatal' | 'error' | 'warning' | 'log' | 'info' | 'debug'

/** Installs the global `error` and `unhandledrejection` handlers at once; the wasm loads in the background. */
export function init(options: Options): void
/** Returns the event id, or `undefined` when the SDK is off. Never throws. */
export function captureException(exception: unknown, hint?: unknown): string | undefined
export function captureMessage(message: string, level?: SeverityLevel): string | undefined
/** Resolves `true` once every event so far was handed over, `false` at the timeout (ms, default 2000). */
export function flush(timeout?: number): Promise<boolean>
/** Flushes, then turns the SDK off. */
export function close(timeout?: number): Promise<boolean>
export function lastEventId(): string | undefined
