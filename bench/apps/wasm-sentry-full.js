// Every export of the package kept (the app hands the whole namespace on):
// the most synchronous JS any app pays for, against the shim's 3 KB budget.
import * as Sentry from 'wasm-sentry'

Sentry.init({ dsn: 'https://0123456789abcdef@o0.ingest.sentry.io/1' })
globalThis.Sentry = Sentry
