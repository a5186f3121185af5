// Node.js entry: the same SDK, with the .wasm read from disk. Node has no
// `error` event on globalThis, so only the capture API is active here.
import { setLoaders } from './sdk.js'
export {
  init, captureException, captureMessage, captureEvent, flush, close, lastEventId, ready, parseStack, getClient, isInitialized,
  withScope, getCurrentScope, setUser, setTag, setTags, setExtra, setExtras, setContext, addBreadcrumb,
  globalHandlersIntegration, breadcrumbsIntegration, dedupeIntegration,
  linkedErrorsIntegration, inboundFiltersIntegration, eventFiltersIntegration, httpContextIntegration,
  consoleIntegration, cultureContextIntegration, browserTracingIntegration, replayIntegration,
} from './sdk.js'

setLoaders(() => async (m) => {
  const fs = await import('node:fs/promises')
  m.initSync({ module: await fs.readFile(new URL('./wasm_sentry_bg.wasm', import.meta.url)) })
  // The demangler module, read only when a frame's name needs it.
  return { ...m, demangler: () => fs.readFile(new URL('./wasm_sentry_demangle.wasm', import.meta.url)) }
}, () => import('./after-init.js'))
