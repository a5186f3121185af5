import { init, captureException } from 'wasm-sentry'

init({ dsn: 'https://0123456789abcdef@o0.ingest.sentry.io/1' })
captureException(new Error('bench'))
