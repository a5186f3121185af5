import * as Sentry from '@sentry/browser'

Sentry.init({ dsn: 'https://0123456789abcdef@o0.ingest.sentry.io/1' })
Sentry.captureException(new Error('bench'))
