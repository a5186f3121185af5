/**
 * The peer's ContextLines (off unless added to `integrations`): the frames of
 * the page's own inline scripts get `pre_context`, `context_line` and
 * `post_context` from the page's HTML, which Sentry cannot fetch by itself (a
 * page behind a login, or rendered per request). Other files are Sentry's to
 * fetch. As the peer's, the HTML is the document serialised as it is now: it
 * matches the source line for line when the page opens with `<!DOCTYPE html>`
 * and `<html>` on lines of their own and nothing above the script was changed.
 *
 * Unlike the peer's: a frame's URL matches the page's whatever its query or
 * fragment (the peer strips them from the page's only, so a page opened with
 * `?utm_…` got no context), and also the URL the document was loaded from
 * (after `history.pushState` its inline frames still carry that one); a
 * frame past the HTML's last line gets none rather than the last line's; and
 * `frameContextLines: 0` adds nothing, as the peer documents.
 */
export const contextLinesIntegration = (options = {}) => ({
  name: 'ContextLines',
  processEvent(event, _hint, client) {
    try {
      // The peer's default: its `dataCollection.frameContextLines`, 5 unless set.
      const n = options.frameContextLines ?? client?.getOptions?.().dataCollection?.frameContextLines ?? 5
      const g = globalThis
      const values = event.exception && event.exception.values
      if (!(n > 0) || !g.document || !g.location || !Array.isArray(values)) return event
      const bare = (url) => String(url).split(/[?#]/, 1)[0]
      const pages = [bare(g.location.href)]
      try {
        pages.push(bare(g.performance.getEntriesByType('navigation')[0].name))
      } catch (e) {}
      // A line longer than 150 characters is cut to 140 around the column, as Sentry marks it.
      const snip = (line, col) => {
        const len = line.length
        if (len <= 150) return line
        let start = Math.max(Math.min(col, len) - 60, 0)
        if (start < 5) start = 0
        let end = Math.min(start + 140, len)
        if (end > len - 5) end = len
        if (end === len) start = Math.max(end - 140, 0)
        return (start ? '{snip} ' : '') + line.slice(start, end) + (end < len ? ' {snip}' : '')
      }
      let lines // the page's, read once, at the first frame of its own
      for (const value of values) {
        for (const frame of (value && value.stacktrace && value.stacktrace.frames) || []) {
          // `abs_path`: this SDK's `filename` is a same-origin URL's path.
          const url = frame.abs_path || frame.filename
          if (!url || !pages.includes(bare(url)) || !(frame.lineno > 0)) continue
          lines ||= ['<!DOCTYPE html>', '<html>', ...g.document.documentElement.innerHTML.split('\n'), '</html>']
          const at = frame.lineno - 1
          if (at >= lines.length) continue
          frame.pre_context = lines.slice(Math.max(0, at - n), at).map((l) => snip(l, 0))
          frame.context_line = snip(lines[at], frame.colno || 0)
          frame.post_context = lines.slice(at + 1, at + 1 + n).map((l) => snip(l, 0))
        }
      }
    } catch (e) {}
    return event
  },
})
