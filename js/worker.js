// Workers entry (Cloudflare Workers / workerd): the .wasm is imported as a
// compiled WebAssembly.Module, the way workers load wasm; no fetch by URL.
// `withSentry` and per-request scopes come with the workers issue.
import wasmModule from './wasm_sentry_bg.wasm'
import * as glue from './wasm_sentry.js'
import { createSdk } from './sdk.js'
export {
  globalHandlersIntegration, breadcrumbsIntegration, dedupeIntegration,
  linkedErrorsIntegration, inboundFiltersIntegration, httpContextIntegration,
} from './sdk.js'

const sdk = createSdk(() => {
  glue.initSync({ module: wasmModule })
  return glue
})

export const {
  init, captureException, captureMessage, captureEvent, flush, close, lastEventId, ready, parseStack,
  withScope, setUser, setTag, setTags, setExtra, setExtras, setContext, addBreadcrumb,
} = sdk
