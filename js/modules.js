// The registry of wasm modules, for `debug_meta`: which build id belongs to
// the module that a wasm frame names. Shipped with the crate as a
// wasm-bindgen snippet (it installs itself when a Rust app's glue is
// imported, before the app's own module is instantiated), and as the npm
// entry `wasm-sentry/wasm`, which an app imports first to get debug images
// for the wasm modules it compiles, as @sentry/wasm is opted into. The npm
// package does not load it by itself: most pages have no wasm of their own,
// and it is 1.2 KB gzip with its lookup. Both copies share one registry on `globalThis`:
// the installing copy's `buildIdOf`, which js/transport.js calls.
//
// `installModuleRegistry` wraps `WebAssembly.instantiate`,
// `instantiateStreaming`, `compile`, `compileStreaming`, `new Module` and
// `new Instance`: arguments and results pass through untouched, and each
// compiled Module is noted (never throwing) with its build id (the
// `build_id` custom section that wasm-ld writes with `--build-id`: a LEB128
// length, then the id) and how V8 names it in stacks:
//   - from a Response (`*Streaming`): the response's URL;
//   - from bytes: by the module's name (from the name section) and V8's
//     hash of its bytes, which for a module over 16 KiB is its length
//     (`length << 2 | 2`: Node 20, Chromium 156), when the bytes were given
//     (not a ready Module). See `buildIdOf` for how frames are matched.

const KEY = Symbol.for('wasm-sentry.modules')
// The modules noted, when this copy installed the registry.
const modules = []

/**
 * The build id (lowercase hex) of the module that frames name `url`, or ""
 * when none or several match. A module streamed from a URL is matched by it
 * exactly; V8 names a module made from bytes `wasm://wasm/<name>-<hash>`
 * (`wasm://wasm/<hash>` without a name), matched by name, then by hash among
 * modules of that name. Modules with the same name and build id match;
 * different build ids under one name and hash, and Firefox's frames (which
 * print the JS file that instantiated the module), match nothing.
 */
function buildIdOf(url) {
  try {
    let found = modules.filter((e) => e.url && e.url === url)
    if (!found.length && url.startsWith('wasm://wasm/')) {
      const m = /^(?:(.+)-)?([0-9a-f]{8})$/.exec(url.slice(12))
      if (m) {
        found = modules.filter((e) => !e.url && e.name === (m[1] || ''))
        const same = found.filter((e) => e.hash === m[2])
        if (same.length) found = same
      }
    }
    const ids = new Set(found.map((e) => e.id))
    return ids.size === 1 ? [...ids][0] : ''
  } catch (e) {
    return ''
  }
}

/** The unsigned LEB128 at `b[at]`: [value, next offset], or [-1, at] when malformed. */
function leb(b, at) {
  let v = 0
  for (let shift = 0; at < b.length && shift < 35; shift += 7) {
    const byte = b[at++]
    v += (byte & 0x7f) * 2 ** shift
    if (byte < 0x80) return [v, at]
  }
  return [-1, at]
}

function section(W, module, name) {
  const s = W.Module.customSections(module, name)[0]
  return s ? new Uint8Array(s) : undefined
}

/** V8's `<hash>` for a module of `bytes` (a BufferSource) over 16 KiB, or "". */
function v8Hash(bytes) {
  try {
    const n = bytes && bytes.byteLength
    return n > 16383 && n < 2 ** 30 ? ((n * 4 + 2) >>> 0).toString(16).padStart(8, '0') : ''
  } catch (e) {
    return ''
  }
}

/** Notes a compiled Module with the URL it came from (when streamed), or V8's hash of its bytes. */
function note(W, seen, module, url, hash) {
  try {
    if (!module || seen.has(module)) return
    seen.add(module)
    let id = ''
    const b = section(W, module, 'build_id')
    if (b) {
      const [n, at] = leb(b, 0)
      const raw = n > 0 && at + n === b.length ? b.subarray(at) : b
      for (const x of raw) id += (x < 16 ? '0' : '') + x.toString(16)
    }
    let name = ''
    if (!url) {
      // The name section's module-name subsection (id 0) comes first.
      const s = section(W, module, 'name')
      if (s && s[0] === 0) {
        const [, at] = leb(s, 1)
        const [len, from] = leb(s, at)
        if (len > 0 && from + len <= s.length) name = new TextDecoder().decode(s.subarray(from, from + len))
      }
    }
    // Bounded: a page that compiles modules in a loop keeps the latest 100.
    if (modules.length >= 100) modules.shift()
    modules.push({ url: url || '', name, id, hash: hash || '' })
  } catch (e) {}
}

/** Installs the registry once per realm; a no-op without WebAssembly. */
export function installModuleRegistry() {
  const g = globalThis
  const W = g.WebAssembly
  if (!W || g[KEY]) return
  try {
    Object.defineProperty(g, KEY, { value: buildIdOf })
    const seen = new WeakSet()
    const urlOf = (source) => Promise.resolve(source).then((r) => (r && typeof r.url === 'string' ? r.url : ''), () => '')
    const wrap = (name, f) => {
      const orig = W[name]
      if (typeof orig === 'function') W[name] = f(orig)
    }
    wrap('instantiate', (orig) => function instantiate(source, ...rest) {
      const p = orig.call(this, source, ...rest)
      let ready = false
      try {
        ready = source instanceof W.Module
      } catch (e) {}
      if (ready) note(W, seen, source, '')
      else p.then((r) => note(W, seen, r && r.module, '', v8Hash(source)), () => {})
      return p
    })
    wrap('compile', (orig) => function compile(...args) {
      const p = orig.apply(this, args)
      p.then((m) => note(W, seen, m, '', v8Hash(args[0])), () => {})
      return p
    })
    for (const [name, pick] of [['instantiateStreaming', (r) => r && r.module], ['compileStreaming', (m) => m]]) {
      wrap(name, (orig) => function streaming(source, ...rest) {
        const p = orig.call(this, source, ...rest)
        Promise.all([p, urlOf(source)]).then(([r, url]) => note(W, seen, pick(r), url), () => {})
        return p
      })
    }
    for (const name of ['Module', 'Instance']) {
      wrap(name, (orig) => new Proxy(orig, {
        construct(target, args, newTarget) {
          const made = Reflect.construct(target, args, newTarget === W[name] ? target : newTarget)
          if (name === 'Module') note(W, seen, made, '', v8Hash(args[0]))
          else note(W, seen, args[0], '')
          return made
        },
      }))
    }
  } catch (e) {}
}

installModuleRegistry()
