// Node.js entry: the same SDK, with the .wasm read from disk. Node has no
// `error` event on globalThis, so only the capture API is active here.
import { setLoaders, init as initSdk, ready as readySdk, parseStack as parseStackSdk } from './sdk.js'
export {
  captureException, captureMessage, captureEvent, captureFeedback, flush, close, startSession, captureSession, endSession, showReportDialog, lastEventId, getClient, isInitialized,
  addEventProcessor, withScope, withIsolationScope, getCurrentScope, getIsolationScope, getGlobalScope, setUser, setTag, setTags, setExtra, setExtras, setContext, addBreadcrumb,
  globalHandlersIntegration, browserApiErrorsIntegration, breadcrumbsIntegration, dedupeIntegration,
  linkedErrorsIntegration, functionToStringIntegration, inboundFiltersIntegration, eventFiltersIntegration, httpContextIntegration,
  consoleIntegration, cultureContextIntegration, browserSessionIntegration, browserTracingIntegration, replayIntegration, extraErrorDataIntegration, captureConsoleIntegration,
  startSpan, startSpanManual, startInactiveSpan, getActiveSpan, withActiveSpan, startNewTrace, continueTrace, suppressTracing,
  getDefaultIntegrations, addIntegration, isEnabled, sendFeedback, SDK_VERSION, WINDOW, parameterize,
} from './sdk.js'
export { rewriteFramesIntegration } from './rewriteframes.js'

// What loads the wasm and the client, handed to sdk.js by the calls that
// load them. Not a statement of this module's own: the package declares no
// side effects, so a bundler may leave such a statement out.
const loaders = () => setLoaders(() => async (m) => {
  const fs = await import('node:fs/promises')
  m.initSync({ module: await fs.readFile(new URL('./wasm_sentry_bg.wasm', import.meta.url)) })
  // The demangler module, read only when a frame's name needs it.
  return { ...m, demangler: () => fs.readFile(new URL('./wasm_sentry_demangle.wasm', import.meta.url)) }
}, () => import('./after-init.js'))

export const init = (options) => (loaders(), initSdk(options))
export const ready = () => (loaders(), readySdk())
export const parseStack = (error) => (loaders(), parseStackSdk(error))
