// The peer's optional integrations that live in modules of their own, so
// that an app that does not import one pays nothing for it.
export { contextLinesIntegration } from './contextlines.js'
export { reportingObserverIntegration } from './reportingobserver.js'
export { featureFlagsIntegration } from './featureflags.js'
export { rewriteFramesIntegration } from './rewriteframes.js'
export { httpClientIntegration } from './httpclient.js'
export { feedbackIntegration, feedbackSyncIntegration, feedbackAsyncIntegration, getFeedback } from './feedback.js'
