// Browser entry (ESM; works from <script type="module"> and through bundlers).
// Only sdk.js is loaded up front; after `init`, off the page's critical
// path, the .wasm is fetched and compiled beside after-init.js (client.js
// and glue.js, one chunk).
import { instrumentApiErrors } from './apierrors.js'
import { setLoaders, init as initSdk, ready as readySdk, parseStack as parseStackSdk } from './sdk.js'
export {
  captureException, captureMessage, captureEvent, captureFeedback, flush, close, startSession, captureSession, endSession, showReportDialog, lastEventId, getClient, isInitialized,
  addEventProcessor, withScope, withIsolationScope, getCurrentScope, getIsolationScope, getGlobalScope, setUser, setTag, setTags, setExtra, setExtras, setContext, addBreadcrumb,
  globalHandlersIntegration, browserApiErrorsIntegration, breadcrumbsIntegration, dedupeIntegration,
  linkedErrorsIntegration, functionToStringIntegration, inboundFiltersIntegration, eventFiltersIntegration, httpContextIntegration,
  consoleIntegration, cultureContextIntegration, browserSessionIntegration, browserTracingIntegration, replayIntegration, extraErrorDataIntegration, captureConsoleIntegration,
  startSpan, startSpanManual, startInactiveSpan, getActiveSpan, withActiveSpan, startNewTrace, continueTrace, suppressTracing,
  getDefaultIntegrations, addIntegration, isEnabled, sendFeedback, SDK_VERSION, WINDOW, parameterize, diagnoseSdkConnectivity,
} from './sdk.js'
export { lazyLoadIntegration } from './lazyload.js'
export { contextLinesIntegration, reportingObserverIntegration, featureFlagsIntegration, rewriteFramesIntegration, httpClientIntegration, feedbackIntegration, feedbackSyncIntegration, feedbackAsyncIntegration, getFeedback } from './integrations.js'

// Taken now, before `init` instruments fetch: the SDK's own download of its
// wasm is not the app's request and must not become a breadcrumb.
const nativeFetch = typeof fetch === 'function' ? fetch.bind(globalThis) : undefined

// What loads the wasm and the client, handed to sdk.js by the calls that
// load them. Not a statement of this module's own: the package declares no
// side effects, so a bundler may leave such a statement out.
const loaders = () => setLoaders(() => {
  const url = new URL('./wasm_sentry_bg.wasm', import.meta.url)
  const source = nativeFetch ? nativeFetch(url) : url
  // Awaited once client.js came; a failed fetch must not be the page's unhandled rejection before that.
  source.catch?.(() => {})
  return async (m) => {
    await m.instantiate(source)
    // The demangler module, fetched only when a frame's name needs it.
    return { ...m, demangler: () => nativeFetch(new URL('./wasm_sentry_demangle.wasm', import.meta.url)) }
  }
}, () => import('./after-init.js'), instrumentApiErrors)

export const init = (options) => (loaders(), initSdk(options))
export const ready = () => (loaders(), readySdk())
export const parseStack = (error) => (loaders(), parseStackSdk(error))
