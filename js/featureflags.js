// The flags evaluated so far, oldest first: `{ flag, result }`, at most 100.
// One store for the page: the peer keeps it in the current scope (so a
// `withScope` callback's flags stay in it); this SDK's scopes live in the
// wasm, and a module of its own keeps it out of apps that do not import it.
const flags = []

/**
 * The peer's FeatureFlags (add it to `integrations`; kept, or found with
 * `getClient()?.getIntegrationByName('FeatureFlags')`, as the peer's):
 * `addFeatureFlag(name, value)` records a boolean flag's evaluation (any
 * other value is ignored, as the peer's); the 100 most recent, a flag set
 * again moved to the end, go with each error and message event as
 * `contexts.flags.values`. Flags are read when the event is processed: for
 * an event captured before the SDK finished loading, at that time. The peer
 * also sets them on the active span; this SDK has no spans.
 */
export const featureFlagsIntegration = () => ({
  name: 'FeatureFlags',
  addFeatureFlag(name, value) {
    try {
      if (typeof value !== 'boolean') return
      name = String(name) // Sentry's `flag` is a string
      const at = flags.findIndex((f) => f.flag === name)
      if (at !== -1) flags.splice(at, 1)
      else if (flags.length >= 100) flags.shift()
      flags.push({ flag: name, result: value })
    } catch (e) {}
  },
  processEvent(event) {
    try {
      // Not feedback (nor, in the peer, transactions): events with a `type`.
      if (!event.type && flags.length) (event.contexts ||= {}).flags = { values: flags.map((f) => ({ ...f })) }
    } catch (e) {}
    return event
  },
})
