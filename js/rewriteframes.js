// The peer's RewriteFrames (off unless added to `integrations`): each
// exception frame's file as `iteratee(frame)` rewrites it, so that frames
// match the names source maps and debug files were uploaded under.
//
// The iteratee sees a frame as the peer's: `filename` is the frame's whole
// location (this SDK's events keep the path in `filename` and the whole URL
// in `abs_path`, which is what Sentry looks source maps up by). A rewritten
// location becomes both; one left alone keeps the event's own fields.

// `to`'s path from `from`, both absolute POSIX paths, as the peer's (and
// Node's `path.relative`) give it.
const relative = (from, to) => {
  const a = from.split('/').filter(Boolean), b = to.split('/').filter(Boolean)
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/')
}

/**
 * Options as the peer's: `iteratee(frame)` gives the frame to keep; by
 * default, in a page, a location starting with `root` gets `prefix`
 * (default 'app:///') in its place; elsewhere (Node, workers) an absolute
 * path (POSIX or Windows) becomes `prefix` and its path from `root`, or its
 * base name without a `root`.
 */
export function rewriteFramesIntegration(options = {}) {
  const { root, prefix = 'app:///' } = options
  const page = !!globalThis.window
  const iteratee = options.iteratee || ((frame) => {
    const f = frame.filename
    if (!f) return frame
    if (page) {
      if (root && f.startsWith(root)) frame.filename = prefix + f.slice(root.length)
    } else {
      const windows = /^[a-zA-Z]:\\/.test(f) || (f.includes('\\') && !f.includes('/'))
      if (windows || f[0] === '/') {
        const path = windows ? f.replace(/^[a-zA-Z]:/, '').replace(/\\/g, '/') : f
        frame.filename = prefix + (root ? relative(root, path) : path.slice(path.lastIndexOf('/') + 1))
      }
    }
    return frame
  })
  return {
    name: 'RewriteFrames',
    processEvent(event) {
      for (const ex of (event.exception && event.exception.values) || []) {
        const frames = ex.stacktrace && ex.stacktrace.frames
        if (!Array.isArray(frames)) continue
        for (let i = 0; i < frames.length; i++) {
          const frame = frames[i]
          const whole = frame.abs_path || frame.filename
          try {
            const seen = iteratee({ ...frame, filename: whole }) || frame
            frames[i] = seen.filename === whole ? { ...seen, filename: frame.filename } : { ...seen, abs_path: seen.filename }
          } catch (e) {} // a frame the iteratee throws on stays as it was
        }
      }
      return event
    },
  }
}
