/** Data that can be sent: anything JSON-like; other values are described (`[Function: f]`, `[Circular ~]`). */
export type Extra = unknown

export interface User {
  id?: string | number
  email?: string
  username?: string
  ip_address?: string
  [key: string]: unknown
}

export interface Breadcrumb {
  type?: string
  category?: string
  message?: string
  level?: SeverityLevel
  data?: Record<string, unknown>
  /** Seconds or milliseconds since the epoch; now when absent. */
  timestamp?: number
}

/** An event as `beforeSend` sees it: Sentry's event payload. */
export interface ErrorEvent {
  event_id: string
  timestamp: number
  platform: string
  level: SeverityLevel
  logentry?: { message: string }
  exception?: { values: Array<{ type: string; value?: string; mechanism?: Record<string, unknown>; stacktrace?: { frames: StackFrame[] } }> }
  release?: string
  environment?: string
  dist?: string
  /** The route or task the event happened in (a scope's `setTransactionName`). */
  transaction?: string
  logger?: string
  request?: { url?: string; method?: string; headers?: Record<string, string> }
  user?: User
  tags?: Record<string, string>
  extra?: Record<string, unknown>
  contexts?: Record<string, Record<string, unknown>>
  breadcrumbs?: { values: Breadcrumb[] }
  fingerprint?: string[]
  [key: string]: unknown
}

/**
 * An integration, as the peer's: one of this package's (by name, with `options`), or an app's own,
 * whose hooks run as the peer runs them: `setupOnce` and `setup` at `init`, `preprocessEvent` and
 * `processEvent` on every event (before `addEventProcessor`'s; `processEvent` may change, drop or
 * give a promise of the event).
 */
export interface Integration {
  name: string
  options?: Record<string, unknown>
  setupOnce?(): void
  setup?(client: Client): void
  preprocessEvent?(event: ErrorEvent, hint: EventHint, client: Pick<Client, 'getOptions'>): void
  processEvent?(event: ErrorEvent, hint: EventHint, client: Pick<Client, 'getOptions'>): ErrorEvent | null | PromiseLike<ErrorEvent | null>
}

export interface ScopeContext {
  user?: User
  tags?: Record<string, string | number | boolean>
  extra?: Record<string, Extra>
  contexts?: Record<string, Record<string, unknown>>
  level?: SeverityLevel
  fingerprint?: string[]
}

/** As the peer's: scope data for one capture only, or a function that sets it on that capture's scope. */
export type CaptureContext = Partial<ScopeContext> | ((scope: Scope) => Scope | void)

/** Options for `init`. Names, meanings and defaults follow `@sentry/browser`. */
export interface Options {
  /** Where to send events: `https://PUBLIC_KEY@HOST/PROJECT_ID`. A malformed DSN is reported once to the console and leaves the SDK off. */
  dsn?: string
  release?: string
  /** Defaults to `production`. */
  environment?: string
  dist?: string
  /** The share of error events sent, 0 to 1 (default 1). */
  sampleRate?: number
  /** Default and maximum 100. */
  maxBreadcrumbs?: number
  /** Change or drop (return `null`) an event; if it throws, the event is sent unchanged. May return a promise. */
  beforeSend?: (event: ErrorEvent, hint: EventHint) => ErrorEvent | null | PromiseLike<ErrorEvent | null>
  /** Change or drop (return `null`) a breadcrumb. */
  beforeBreadcrumb?: (breadcrumb: Breadcrumb, hint: Record<string, unknown>) => Breadcrumb | null
  /** Errors whose message matches (substring, or RegExp) are not sent. */
  ignoreErrors?: Array<string | RegExp>
  /** Errors thrown from matching script URLs are not sent. */
  denyUrls?: Array<string | RegExp>
  /** When set, only errors thrown from matching script URLs are sent. */
  allowUrls?: Array<string | RegExp>
  /** Default false: no cookies or IP, and sensitive keys and query values scrubbed. */
  sendDefaultPii?: boolean
  /** Longer messages, exception values and URLs are cut (default 250). */
  maxValueLength?: number
  /** How deep objects given as extra, contexts or user data are kept (default 3). */
  normalizeDepth?: number
  /**
   * Also give `captureMessage` events, and captured strings and numbers, the
   * frames of where the app called (default false). A captured object or Event
   * always gets them.
   */
  attachStacktrace?: boolean
  /** Send envelopes to this URL on your own origin instead of to Sentry. */
  tunnel?: string
  initialScope?: ScopeContext
  /** `false` turns the SDK off entirely. */
  enabled?: boolean
  /** Logs the SDK's own problems to the console. */
  debug?: boolean
  /** Integrations to use, or a function of the defaults that returns them (e.g. to filter one out). */
  integrations?: Integration[] | ((defaults: Integration[]) => Integration[])
  /** `false` drops every default integration. */
  defaultIntegrations?: false
  /** `bufferSize`: how many envelopes the transport holds at once (default 30; 1000 in workers). */
  transportOptions?: { bufferSize?: number }
}

/** As the peer's: `mechanism` says how the error was caught (default `{ type: 'generic', handled: true }`). */
/**
 * What an event's hooks (`beforeSend`, event processors) get beside it, as the peer's: its id, and for a
 * capture, what was thrown or captured (`originalException`), the SDK's stack where the app called
 * (`syntheticException`), how it was caught, and what the app passed in `captureException`'s hint.
 */
export interface EventHint {
  event_id?: string
  originalException?: unknown
  syntheticException?: Error | null
  mechanism?: { type?: string; handled?: boolean }
  [key: string]: unknown
}

/** A scope, as the peer's: its setters are chainable. */
export interface Scope {
  setUser(user: User | null): this
  setTag(key: string, value: string | number | boolean | undefined): this
  setTags(tags: Record<string, string | number | boolean>): this
  setExtra(key: string, extra: Extra): this
  setExtras(extras: Record<string, Extra>): this
  setContext(name: string, context: Record<string, unknown> | null): this
  setLevel(level: SeverityLevel): this
  setFingerprint(fingerprint: string[]): this
  /** The event's `transaction` (the route or task it happened in), for events that have none. */
  setTransactionName(name?: string): this
  addBreadcrumb(breadcrumb: Breadcrumb): this
  clearBreadcrumbs(): this
  /** Everything this scope holds (user, tags, extra, contexts, level, fingerprint, transaction, breadcrumbs). */
  clear(): this
  /** A capture context's data (`tags`, `extra`, `contexts`, `user`, `level`, `fingerprint`) set on this scope. */
  update(captureContext: CaptureContext): this
  /** The top-level functions of the same names: they capture with the scope current when called. */
  captureException(exception: unknown, hint?: EventHint | CaptureContext): string | undefined
  captureMessage(message: string, level?: SeverityLevel | CaptureContext): string | undefined
  captureEvent(event: Partial<ErrorEvent> & { message?: string }, hint?: EventHint): string | undefined
  /** As the top-level `addEventProcessor`: it sees every event. */
  addEventProcessor(processor: (event: ErrorEvent, hint: EventHint) => ErrorEvent | null | PromiseLike<ErrorEvent | null>): this
}

export type SeverityLevel = 'fatal' | 'error' | 'warning' | 'log' | 'info' | 'debug'

/** Installs the global `error` and `unhandledrejection` handlers at once; the wasm loads in the background. */
export function init(options: Options): void
/** Returns the event id, or `undefined` when the SDK is off. Never throws. */
export function captureException(exception: unknown, hint?: EventHint | CaptureContext): string | undefined
export function captureMessage(message: string, level?: SeverityLevel | CaptureContext): string | undefined
/** Sends an event built by hand (message, level, tags, extra, user, contexts, fingerprint, exception values). */
export function captureEvent(event: Partial<ErrorEvent> & { message?: string }, hint?: EventHint): string | undefined
/** User feedback from the app's own form, as the peer's `captureFeedback` (an event of type `feedback`); its id. */
export function captureFeedback(
  params: { message: string; name?: string; email?: string; url?: string; source?: string; associatedEventId?: string; tags?: Record<string, string | number | boolean> },
  hint?: EventHint,
): string | undefined
/**
 * As the peer's: `processor` runs on every event from now on, after the inbound filters and before
 * `beforeSend`, in the order added. It may change the event, drop it (null) or give a promise of either.
 */
export function addEventProcessor(processor: (event: ErrorEvent, hint: EventHint) => ErrorEvent | null | PromiseLike<ErrorEvent | null>): void
/** The scope captures use now: inside `withScope`, that callback's. */
export function getCurrentScope(): Scope
/**
 * Where the top-level calls (`setTag`, `setUser`, …, the automatic breadcrumbs) go, as the peer's
 * since its v8: they also show in the events of an open `withScope`, and stay after it.
 * In a worker's request, that request's.
 */
export function getIsolationScope(): Scope
/** The peer's global scope; here, in a page, the same as the isolation scope. */
export function getGlobalScope(): Scope
export function setUser(user: User | null): void
export function setTag(key: string, value: string | number | boolean | undefined): void
export function setTags(tags: Record<string, string | number | boolean>): void
export function setExtra(key: string, extra: Extra): void
export function setExtras(extras: Record<string, Extra>): void
export function setContext(name: string, context: Record<string, unknown> | null): void
export function addBreadcrumb(breadcrumb: Breadcrumb): void
/**
 * Runs `callback` with a scope of its own: what it sets on `scope` applies to captures inside it only
 * (an async callback's, until it settles). The top-level calls still go to the isolation scope.
 */
export function withScope<T>(callback: (scope: Scope) => T): T
/** As `withScope`, and the top-level calls made inside act on its scope too, not outside it. */
export function withIsolationScope<T>(callback: (scope: Scope) => T): T
export function globalHandlersIntegration(options?: { onerror?: boolean; onunhandledrejection?: boolean }): Integration
/**
 * As the peer's `BrowserApiErrors` (on by default): errors thrown in timers, event listeners and XHR
 * handlers are caught there and reported (`auto.browser.browserapierrors.*`, unhandled), then
 * rethrown. A cross-origin script's error then arrives whole, not as a bare "Script error.".
 * Wraps what is handed over after `init`.
 */
export function browserApiErrorsIntegration(options?: { setTimeout?: boolean; setInterval?: boolean; requestAnimationFrame?: boolean; XMLHttpRequest?: boolean; eventTarget?: boolean }): Integration
/** DOM, fetch, XHR and history breadcrumbs (`console: false`, the peer's older option, also turns console breadcrumbs off). */
export function breadcrumbsIntegration(options?: { console?: boolean; dom?: boolean; fetch?: boolean; xhr?: boolean; history?: boolean }): Integration
/** Console calls as breadcrumbs, as the peer's `Console` integration: of the methods in `levels` (default: all). */
export function consoleIntegration(options?: { levels?: Array<'debug' | 'info' | 'warn' | 'error' | 'log' | 'assert' | 'trace'> }): Integration
/** The browser's locale, time zone and calendar as the `culture` context (not in workers). */
export function cultureContextIntegration(): Integration
/**
 * Release health by hand, as the peer's (`BrowserSession` does it by itself in pages). `startSession`
 * starts a session, ending the last one; it is sent by `captureSession`, or by its first error.
 * `captureSession(true)` and `endSession` end it (`exited` unless an error made it `unhandled`) and send it.
 * Sentry keeps sessions only for a `release`.
 */
export function startSession(): void
export function captureSession(end?: boolean): void
export function endSession(): void
/**
 * Release health, as the peer's `BrowserSession` (on by default, pages only): a session starts with
 * the page and is sent once it is idle, and again at its first error (`errors: 1`) and at its first
 * unhandled one (status `unhandled`). Sentry keeps sessions only for a `release`: without one, none
 * is sent. `lifecycle: 'route'` starts a session at each history navigation, ending the last one.
 */
export function browserSessionIntegration(options?: { lifecycle?: 'page' | 'route' }): Integration
export function dedupeIntegration(): Integration
export function linkedErrorsIntegration(options?: { limit?: number }): Integration
export interface EventFiltersOptions {
  ignoreErrors?: Array<string | RegExp>
  denyUrls?: Array<string | RegExp>
  allowUrls?: Array<string | RegExp>
  /** Leaves out the peer's default `ignoreErrors` (browser and third-party noise). */
  disableErrorDefaults?: boolean
}
/** The default inbound filters, named `EventFilters` as the peer's (v9 on). */
export function eventFiltersIntegration(options?: EventFiltersOptions): Integration
/** The peer's older name for `eventFiltersIntegration`: the same integration. */
export function inboundFiltersIntegration(options?: EventFiltersOptions): Integration
/** @deprecated the older name of `EventFiltersOptions`. */
export type InboundFiltersOptions = EventFiltersOptions
/** Tracing is not in this SDK: accepted and ignored, so that existing configurations keep working. */
export function browserTracingIntegration(options?: Record<string, unknown>): Integration
/** Session replay is not in this SDK: accepted and ignored, so that existing configurations keep working. */
export function replayIntegration(options?: Record<string, unknown>): Integration
/** As the peer's (off unless added): a captured Error's own extra fields (`code`, `cause`, what `toJSON` gives) as the context named after it. */
export function extraErrorDataIntegration(options?: { depth?: number; captureErrorCause?: boolean }): Integration
/** As the peer's (off unless added): console calls of `levels` also become events (an Error argument as an exception, else a message). */
export function captureConsoleIntegration(options?: { levels?: Array<'debug' | 'info' | 'warn' | 'error' | 'log' | 'assert' | 'trace'>; handled?: boolean }): Integration
/**
 * As the peer's (off unless added): each exception frame's location as `iteratee` rewrites it (it sees
 * the whole location in `filename`, as the peer's does); by default, in a page, a location starting
 * with `root` gets `prefix` ('app:///') in its place, elsewhere an absolute path becomes `prefix` and
 * its path from `root` (or its base name). A rewritten location is the frame's `filename` and `abs_path`.
 */
export function rewriteFramesIntegration(options?: { root?: string; prefix?: string; iteratee?: (frame: StackFrame) => StackFrame }): Integration
/**
 * As the peer's (off unless added; pages): an app's fetch or XHR request answered with a status in
 * `failedRequestStatusCodes` (default [[500, 599]]) for a URL matching `failedRequestTargets` (default
 * all) becomes an unhandled error event, "HTTP Client Error with status code: N", with the frames of
 * where it was sent, the request's URL and method, and the response's status, headers and size.
 */
export function httpClientIntegration(options?: { failedRequestStatusCodes?: Array<number | [number, number]>; failedRequestTargets?: Array<string | RegExp> }): Integration
export interface ReportDialogOptions {
  /** The event the report is about; by default the last one captured. */
  eventId?: string
  /** Prefills the form, over the scope's user. */
  user?: { name?: string; email?: string }
  /** The dialog's texts and language (`title`, `subtitle`, `labelSubmit`, `lang`, …), passed to Sentry as they are. */
  [option: string]: unknown
  onLoad?(): void
  /** The user closed the dialog. */
  onClose?(): void
  /** No event to report on, or the dialog's script did not load. */
  onError?(error: Error): void
}
/** As the peer's: Sentry's crash-report dialog, a script loaded from the DSN's host (pages only). */
export function showReportDialog(options?: ReportDialogOptions): void
/**
 * A span as the peer gives one when tracing is off: it records nothing. Tracing is not in this SDK;
 * the span API is here so that an app's instrumented code builds and runs unchanged.
 */
export interface Span {
  spanContext(): { traceId: string; spanId: string; traceFlags: number }
  isRecording(): false
  end(endTimestamp?: number): void
  setAttribute(key: string, value: unknown): this
  setAttributes(attributes: Record<string, unknown>): this
  setStatus(status: { code: number; message?: string }): this
  updateName(name: string): this
  addEvent(name: string, attributesOrStartTime?: unknown, startTime?: unknown): this
  addLink(link: unknown): this
  addLinks(links: unknown[]): this
  recordException(exception: unknown, time?: number): void
}
export interface StartSpanOptions {
  name: string
  op?: string
  attributes?: Record<string, unknown>
  [key: string]: unknown
}
/** Runs `callback` with a span that records nothing, in a scope of its own (as `withScope`); returns what it returns. */
export function startSpan<T>(options: StartSpanOptions, callback: (span: Span) => T): T
export function startSpanManual<T>(options: StartSpanOptions, callback: (span: Span, finish: () => void) => T): T
export function startInactiveSpan(options: StartSpanOptions): Span
/** No span is ever active: tracing is not in this SDK. */
export function getActiveSpan(): Span | undefined
export function withActiveSpan<T>(span: Span | null, callback: (scope: Scope) => T): T
export function startNewTrace<T>(callback: (scope: Scope) => T): T
export function continueTrace<T>(options: { sentryTrace?: string; baggage?: string | string[] }, callback: () => T): T
export function suppressTracing<T>(callback: () => T): T
/** As the peer's (on by default): the SDK's wrappers (of `fetch`, timers, `console`, …) give their original's source from `toString()`. */
export function functionToStringIntegration(): Integration
export function httpContextIntegration(): Integration
/**
 * Resolves `true` once every event so far was handed over, `false` at the timeout (ms).
 * Without a timeout, as the peer's, it waits until then (each request has a time limit of its own).
 */
export function flush(timeout?: number): Promise<boolean>
/** Flushes, then turns the SDK off. */
export function close(timeout?: number): Promise<boolean>
export function lastEventId(): string | undefined
/** As the peer's `Client`, what of it this SDK has: its options, its integrations, `flush` and `close`. */
export interface Client {
  getOptions(): Options
  /** As the top-level `addIntegration`. */
  addIntegration(integration: Integration): void
  /** An integration `init` started or that was added since, by its name. */
  getIntegrationByName<T extends Integration = Integration>(name: string): T | undefined
  flush(timeout?: number): Promise<boolean>
  close(timeout?: number): Promise<boolean>
}
/** The client while the SDK is on (after a successful `init`, until `close`), else `undefined`. */
export function getClient(): Client | undefined
/** Whether the SDK is on: after a successful `init`, until `close`. */
export function isInitialized(): boolean
/** As the peer's: whether the SDK is on and sends events (after a successful `init`, until `close`). */
export function isEnabled(): boolean
/** As the peer's: the integrations `init` starts with unless `integrations` or `defaultIntegrations` say otherwise. */
export function getDefaultIntegrations(options?: Options): Integration[]
/**
 * As the peer's: an integration added after `init` (an app's own, or one loaded later); its hooks
 * run from now on. One of this package's own that `init` did not start stays off.
 */
export function addIntegration(integration: Integration): void
/**
 * As the peer's: an optional integration's factory by its name (`'httpClientIntegration'`, …). The peer
 * loads it from its CDN when asked; here they are all in the package, and an app that imports this
 * bundles them (import the factory itself to carry only that one). Rejects for a name this package does
 * not have.
 */
export function lazyLoadIntegration(name: string, scriptNonce?: string): Promise<(options?: any) => Integration>
/**
 * As the peer's: whether Sentry can be reached from here. Resolves to `'no-client-active'` before `init`,
 * `'no-dsn-configured'` after an `init` without a DSN, `'sentry-unreachable'` if a request to the DSN's
 * endpoint (or the tunnel) fails to get any answer, and `undefined` if it was answered.
 */
export function diagnoseSdkConnectivity(): Promise<'no-client-active' | 'no-dsn-configured' | 'sentry-unreachable' | undefined>
/**
 * As the peer's: a tagged template for `captureMessage`. The message is sent formatted; unlike the
 * peer's, without its template and values (`logentry.params`), so Sentry groups by text.
 */
export function parameterize(strings: TemplateStringsArray, ...values: unknown[]): string
/** This package's version, the `sdk.version` of its events. */
export const SDK_VERSION: string
/** As the peer's: the page's global object. */
export const WINDOW: typeof globalThis
export interface SendFeedbackParams {
  message: string
  name?: string
  email?: string
  url?: string
  source?: string
  associatedEventId?: string
  tags?: Record<string, string | number | boolean>
}
/**
 * As the peer's: user feedback from the app's own form (`source` 'api' and the page's URL unless
 * given). Throws without a message or before `init`; resolves to the feedback's id once Sentry
 * accepted it, or rejects: refused (403), not taken, or not known in time (the peer's messages,
 * which `hint.errorMessages` may reword).
 */
export function sendFeedback(params: SendFeedbackParams, hint?: EventHint & { errorMessages?: Record<string, string> }): Promise<string>

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
  /** WebAssembly frames of a module whose build id is known: "rel:N", N numbering those modules (an event's `debug_meta.images[N]`). */
  addr_mode?: string
}

/**
 * Resolves `true` once the SDK and what parses stacks are loaded (`false` if they cannot be);
 * `parseStack` is synchronous after it. In pages, the stack parser is not in the SDK's own wasm
 * (most pages never call `parseStack`): this loads it, once (the demangler module and 0.9 KB of JS).
 */
export function ready(): Promise<boolean>
/**
 * The frames, oldest first, that an event would get for this error: V8, SpiderMonkey and
 * JavaScriptCore stacks, WebAssembly frames included (Rust names demangled). Takes an Error, any
 * object with `stack`/`name`/`message`, or a bare stack string. Returns `[]` before `ready()` has
 * resolved.
 */
export function parseStack(error: unknown): StackFrame[]

// The peer's optional integrations in modules of their own (js/integrations.js): an app that does not import one pays nothing for it.
/**
 * As the peer's (off unless added): the frames of the page's own inline scripts get `pre_context`,
 * `context_line` and `post_context` from the page's HTML, `frameContextLines` lines around (default 5;
 * 0: none). Other files' source is Sentry's to fetch.
 */
export function contextLinesIntegration(options?: { frameContextLines?: number }): Integration
/**
 * As the peer's (off unless added): the browser's reports of `types` (default all three), those made
 * before `init` too, become message events "ReportingObserver [<type>]: <message>", with the report's
 * `url` and `body` in `extra`. Does nothing where the browser has no `ReportingObserver`.
 */
export function reportingObserverIntegration(options?: { types?: Array<'crash' | 'deprecation' | 'intervention'> }): Integration
/** The FeatureFlags integration, kept or found with `getClient()?.getIntegrationByName('FeatureFlags')`, to record evaluations with. */
export interface FeatureFlagsIntegration extends Integration {
  /** A flag's evaluation; only booleans are kept (the 100 most recent, a flag set again moved to the end). */
  addFeatureFlag(name: string, value: unknown): void
}
/** As the peer's: the flags recorded with `addFeatureFlag` go with each error and message event as `contexts.flags`. */
export function featureFlagsIntegration(): FeatureFlagsIntegration

// The user-feedback widget (js/feedback.js). DOM types only where the app's `lib` has them, so that an app without `dom` still checks.
type FeedbackElement = typeof globalThis extends { HTMLElement: { prototype: infer E } } ? E : unknown
/** The theme's colours, as CSS values (the host's CSS variables `--foreground`, `--accent-background`, …). */
export interface FeedbackTheme {
  foreground?: string
  background?: string
  accentForeground?: string
  accentBackground?: string
  successColor?: string
  errorColor?: string
  border?: string
  boxShadow?: string
  outline?: string
  interactiveFilter?: string
}
/** What the user sent, given to `onSubmitSuccess`. */
export interface FeedbackFormData {
  name: string
  email: string
  message: string
  /** Always undefined: there are no screenshots here. */
  attachments: undefined
}
/** The peer's widget options, with its defaults. */
export interface FeedbackOptions {
  /** The host element's id (default 'sentry-feedback'). */
  id?: string
  /** The "Report a Bug" button, added when the page is ready (default true). */
  autoInject?: boolean
  /** Accepted and ignored: there is no Sentry logo here. */
  showBranding?: boolean
  showName?: boolean
  showEmail?: boolean
  isNameRequired?: boolean
  isEmailRequired?: boolean
  /** Accepted and ignored: screenshots are not supported. */
  enableScreenshot?: boolean
  /** Which of the `setUser` user's fields prefill name and email (default `{ email: 'email', name: 'username' }`). */
  useSentryUser?: { name: string; email: string }
  tags?: Record<string, string | number | boolean>
  /** The nonce of the widget's <style> elements, for a CSP without 'unsafe-inline'. */
  styleNonce?: string
  /** Accepted and ignored: nothing is loaded from a script. */
  scriptNonce?: string
  colorScheme?: 'system' | 'light' | 'dark'
  themeLight?: FeedbackTheme
  themeDark?: FeedbackTheme
  triggerLabel?: string
  triggerAriaLabel?: string
  formTitle?: string
  submitButtonLabel?: string
  cancelButtonLabel?: string
  confirmButtonLabel?: string
  nameLabel?: string
  namePlaceholder?: string
  emailLabel?: string
  emailPlaceholder?: string
  messageLabel?: string
  messagePlaceholder?: string
  isRequiredLabel?: string
  successMessageText?: string
  addScreenshotButtonLabel?: string
  removeScreenshotButtonLabel?: string
  highlightToolText?: string
  hideToolText?: string
  removeHighlightText?: string
  errorEmptyMessageText?: string
  errorNoClientText?: string
  errorTimeoutText?: string
  errorForbiddenText?: string
  errorGenericText?: string
  onFormOpen?: () => void
  onFormClose?: () => void
  onSubmitSuccess?: (data: FeedbackFormData, eventId: string) => void
  onSubmitError?: (error: Error) => void
  /** After the success message has gone. */
  onFormSubmitted?: () => void
}
/** A trigger button, from `createWidget` (already in the page). */
export interface FeedbackWidget {
  el: FeedbackElement | undefined
  appendToDom(): void
  removeFromDom(): void
  show(): void
  hide(): void
}
/** A form, from `createForm`: `appendToDom()`, then `open()`. */
export interface FeedbackDialog {
  el: FeedbackElement
  appendToDom(): void
  removeFromDom(): void
  open(): void
  close(): void
}
export interface FeedbackIntegration extends Integration {
  /** Opens the form at each click on the element (or the first one the selector matches); the function returned undoes it. */
  attachTo(el: FeedbackElement | string, options?: FeedbackOptions): () => void
  createWidget(options?: FeedbackOptions): FeedbackWidget
  createForm(options?: FeedbackOptions): Promise<FeedbackDialog>
  setTheme(colorScheme: 'system' | 'light' | 'dark'): void
  /** Takes the widget's host element out of the page, and the listeners of `attachTo`. */
  remove(): void
}
/**
 * As the peer's (off unless added): the user-feedback widget, a button at the bottom right opening
 * a form whose message is sent as `sendFeedback`'s with `source: 'widget'`. No screenshots.
 */
export function feedbackIntegration(options?: FeedbackOptions): FeedbackIntegration
/** The same as `feedbackIntegration` here. */
export const feedbackSyncIntegration: typeof feedbackIntegration
/** The same as `feedbackIntegration` here: nothing is loaded lazily. */
export const feedbackAsyncIntegration: typeof feedbackIntegration
/** As the peer's: the Feedback integration `init` was given (or added), if any. */
export function getFeedback(): FeedbackIntegration | undefined
