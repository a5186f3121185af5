// Browser entry (ESM; works from <script type="module"> and through bundlers).
// Only sdk.js is loaded up front; client.js, glue.js and the .wasm are
// fetched and compiled off the page's critical path, after `init`.
import { createSdk } from './sdk.js'
export {
  globalHandlersIntegration, breadcrumbsIntegration, dedupeIntegration,
  linkedErrorsIntegration, inboundFiltersIntegration, httpContextIntegration,
} from './sdk.js'

// Taken now, before `init` instruments fetch: the SDK's own download of its
// wasm is not the app's request and must not become a breadcrumb.
const nativeFetch = typeof fetch === 'function' ? fetch.bind(globalThis) : undefined

const sdk = createSdk(() =>
  import('./glue.js').then(async (m) => {
    const url = new URL('./wasm_sentry_bg.wasm', import.meta.url)
    await m.default({ module_or_path: nativeFetch ? nativeFetch(url) : url })
    // The demangler module, fetched only when a frame's name needs it.
    return { ...m, demangler: () => nativeFetch(new URL('./wasm_sentry_demangle.wasm', import.meta.url)) }
  }),
)

export const {
  init, captureException, captureMessage, captureEvent, flush, close, lastEventId, ready, parseStack,
  withScope, setUser, setTag, setTags, setExtra, setExtras, setContext, addBreadcrumb,
} = sdk
