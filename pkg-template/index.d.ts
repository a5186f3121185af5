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

/** A Sentry stack frame, as the SDK puts it into events. */
export interface StackFrame {
  function?: string
  /** The engine's own name, when `function` was demangled from it (Rust wasm symbols). */
  raw_function?: string
  filename?: string
  /** The location exactly as the engine printed it. */
  abs_path?: string
  lineno?: number
  colno?: number
  in_app?: boolean
  /** WebAssembly frames: the byte offset in the module, as "0x…". */
  instruction_addr?: string
  /** WebAssembly frames: "rel:N", N numbering the modules of the stack. */
  addr_mode?: string
}

/** Resolves `true` once the wasm is loaded (`false` if it cannot be); `parseStack` is synchronous after it. */
export function ready(): Promise<boolean>
/**
 * The frames, oldest first, that an event would get for this error: V8, SpiderMonkey and
 * JavaScriptCore stacks, WebAssembly frames included. Takes an Error, any object with
 * `stack`/`name`/`message`, or a bare stack string. Returns `[]` before `ready()` has resolved.
 */
export function parseStack(error: unknown): StackFrame[]
