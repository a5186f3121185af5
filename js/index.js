// Browser entry (ESM; works from <script type="module"> and through bundlers).
// Only sdk.js is loaded up front; the wasm-bindgen glue and the .wasm are
// fetched and compiled off the page's critical path, after `init`.
import { createSdk } from './sdk.js'

const sdk = createSdk(() =>
  import('./wasm_sentry.js').then(async (m) => {
    await m.default({ module_or_path: new URL('./wasm_sentry_bg.wasm', import.meta.url) })
    return m
  }),
)

export const { init, captureException, captureMessage, flush, close, lastEventId, ready, parseStack } = sdk
