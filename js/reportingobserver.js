import { captureMessage } from './sdk.js'

/**
 * The peer's ReportingObserver (off unless added to `integrations`): the
 * browser's reports of `types` (crash, deprecation, intervention), those made
 * before `init` too, become message events worded as the peer's,
 * "ReportingObserver [<type>]: <message>", with the report's `url` and its
 * `body` (a plain copy) in `extra`. Where the browser has no ReportingObserver,
 * it does nothing. Unlike the peer's, it does not wait for a client to be set
 * up with it: this SDK has one client, and after `close` captures are ignored.
 */
export const reportingObserverIntegration = (options = {}) => ({
  name: 'ReportingObserver',
  setupOnce() {
    try {
      const Observer = globalThis.ReportingObserver
      if (typeof Observer !== 'function') return
      const report = (r) => {
        try {
          const extra = { url: r.url }
          let details = 'No details available'
          const body = r.body
          if (body) {
            // Its fields are getters of its prototype: copied so that they can be sent. Not its `toJSON`.
            const plain = {}
            for (const k in body) if (typeof body[k] !== 'function') plain[k] = body[k]
            extra.body = plain
            details = (r.type === 'crash' ? [body.crashId || '', body.reason || ''].join(' ').trim() : body.message) || details
          }
          captureMessage(`ReportingObserver [${r.type}]: ${details}`, { extra })
        } catch (e) {}
      }
      new Observer((reports) => { for (const r of reports) report(r) }, { buffered: true, types: options.types || ['crash', 'deprecation', 'intervention'] }).observe()
    } catch (e) {}
  },
})
