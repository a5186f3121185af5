// The peer's lazyLoadIntegration: an optional integration by its factory's
// name. The peer fetches it from Sentry's CDN when asked; here every one is
// in the package, imported statically: a dynamic import would make bundlers
// split the shim's module into a chunk of its own in every app, used or not.
// So an app that imports this carries the optional integrations; one that
// wants them out of its bundle imports the factory it needs instead.
import { captureConsoleIntegration, extraErrorDataIntegration, linkedErrorsIntegration, dedupeIntegration, replayIntegration } from './sdk.js'
import * as optional from './integrations.js'

const known = { captureConsoleIntegration, extraErrorDataIntegration, linkedErrorsIntegration, dedupeIntegration, replayIntegration, ...optional }

/** As the peer's: a promise of the integration's factory; it rejects, as the peer's, for a name this package does not have. */
export async function lazyLoadIntegration(name) {
  const f = Object.hasOwn(known, name) && known[name]
  if (typeof f !== 'function') throw new Error(`Cannot lazy load integration: ${name}`)
  return f
}
