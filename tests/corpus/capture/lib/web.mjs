// The browser cases' URL layout, shared by the server and the expectations.
// `scripts` maps each case source file to the URL (path + query + fragment)
// that index.html loads it from, i.e. the URL the engines print.
import path from 'node:path'
import { CASES_DIR, BUILD_DIR } from './layout.mjs'
import { MODULES } from './wasm-modules.mjs'

export const PAGE_PATH = '/corpus/index.html?run=1#top'
// (held-out 3) Firefox's page for async stacks
export const H3_ASYNC_PAGE = '/corpus/web/heldout3/async.html'

const c = (p) => path.join(CASES_DIR, p)
export const LONG_QUERY = 'redirect=http%3A%2F%2Fuser%40cdn.example%3A8080%2Fa.js%3A10%3A20&cb=jsonp(1)&trace=a@b:1:2&' +
  Array.from({ length: 30 }, (_, i) => `k${i}=v${i}:${i}:${i}`).join('&')
export const SCRIPTS = {
  [c('harness.js')]: '/corpus/harness.js',
  [c('v8-recorder.js')]: '/corpus/v8-recorder.js',
  [c('shared/nested-a.js')]: '/corpus/js/nested-a.js',
  [c('shared/nested-b.js')]: '/corpus/js/nested-b.js',
  [c('shared/nested-c.js')]: '/corpus/js/nested-c.js',
  [c('shared/builtins.js')]: '/corpus/js/builtins.js?v=2',
  [c('shared/classes.js')]: '/corpus/js/classes.js',
  [c('shared/async.js')]: '/corpus/js/async.js',
  [c('shared/eval.js')]: '/corpus/js/eval.js',
  [c('shared/messages.js')]: '/corpus/js/messages.js?lang=en&v=3#messages',
  [c('shared/recursion.js')]: '/corpus/js/recursion.js',
  [path.join(BUILD_DIR, 'app.min.js')]: '/static/app.min.js?v=1.2.3#L1',
  [c('shared/enc/encoded.js')]: '/assets/dir%20with%20space/caf%C3%A9%2Bencoded.js?q=a%20b',
  [c('web/dom.js')]: '/corpus/web/dom.js',
  [c('web/wasm.js')]: '/corpus/web/wasm.js',
  [c('web/index.html')]: PAGE_PATH, // inline script
  // held-out cases: odd names, a directory with `@`, a space, parentheses and
  // `:digits`, a file named `@.js` with a long query
  [c('shared/heldout.js')]: '/corpus/js/heldout.js',
  [c('shared/paths/at.js')]: '/corpus/we@ird%20(1)/v:1:2/at.js?x=(1)&u=a@b:3:4#f(1)',
  [c('shared/paths/@.js')]: '/corpus/we@ird%20(1)/@.js?' + LONG_QUERY,
  // second held-out round: bundler URLs (Next.js chunks with a route group
  // and a dynamic segment, a hashed Vite asset, Vite dev-server modules),
  // workers, iframes and modules
  [c('shared/heldout2.js')]: '/corpus/js/heldout2.js',
  [c('shared/bundle/webpack-runtime.js')]: '/_next/static/chunks/webpack.js?v=1700000000000',
  [c('shared/bundle/page-chunk.js')]: '/_next/static/chunks/app/(dashboard)/users/[id]/page-3f9a2c1e8b7d6a50.js',
  [path.join(BUILD_DIR, 'bundle.min.js')]: '/assets/index-4f2a9c1e.js',
  [c('web/heldout2.js')]: '/corpus/web/heldout2.js',
  [c('web/heldout2/worker.js')]: '/corpus/web/heldout2/worker.js?build=abc123',
  [c('web/heldout2/lib/worker-lib.js')]: '/corpus/web/heldout2/lib/worker-lib.3f9a2c1e.js?v=abc123',
  [c('web/heldout2/module-worker.mjs')]: '/corpus/web/heldout2/module-worker.mjs',
  [c('web/heldout2/lib/csv.mjs')]: '/corpus/web/heldout2/lib/csv.mjs?v=abc123',
  [c('web/heldout2/frame.html')]: '/corpus/web/heldout2/frame.html?embed=1#panel',
  [c('web/heldout2/importer.html')]: '/corpus/web/heldout2/importer.html',
  [c('web/heldout2/throws-top-level.mjs')]: '/corpus/web/heldout2/throws-top-level.mjs?v=2',
  [c('web/heldout2/top-level-await.mjs')]: '/corpus/web/heldout2/top-level-await.mjs',
  [c('web/heldout2/vite/main.ts')]: '/@fs/srv/app/src/main.ts?t=1700000000000',
  [c('web/heldout2/vite/Widget.tsx')]: '/src/components/Widget.tsx?t=1700000000123',
  [c('web/heldout2/vite/chunk.js')]: '/node_modules/.vite/deps/chunk-ABC123.js?v=abc123',
  // third held-out round: wasm (shared), browser wasm and workers, async causes
  [c('shared/heldout3.js')]: '/corpus/js/heldout3.js',
  [c('web/heldout3.js')]: '/corpus/web/heldout3.js',
  [c('web/heldout3-async.js')]: '/corpus/web/heldout3-async.js',
  [c('web/heldout3/wasm-worker.js')]: '/corpus/web/heldout3/wasm-worker.js?v=3',
  [c('web/heldout3/async.html')]: H3_ASYNC_PAGE,
}
// Files whose URL the page makes (blob:, data:): the key of READY's result.
export const H3_MADE_URLS = { [c('web/heldout3/blob-worker.js')]: 'h3BlobWorker', [c('web/heldout3/data-module.mjs')]: 'h3DataModule' }
// Given to an iframe as its srcdoc (fetched from here): its frames print about:srcdoc.
export const SRCDOC = { file: c('web/heldout2/srcdoc.html'), path: '/corpus/web/heldout2/srcdoc.html', url: 'about:srcdoc' }

export function routes() {
  const r = {}
  for (const [file, url] of Object.entries(SCRIPTS)) r[url.split(/[?#]/)[0]] = file
  r['/corpus/web/blob-src.js'] = c('web/blob-src.js')
  r['/corpus/web/data-src.js'] = c('web/data-src.js')
  r[SRCDOC.path] = SRCDOC.file
  r['/corpus/web/heldout3/blob-worker.js'] = c('web/heldout3/blob-worker.js')
  r['/corpus/web/heldout3/data-module.mjs'] = c('web/heldout3/data-module.mjs')
  for (const m of Object.keys(MODULES)) r[`/corpus/wasm/${m}.wasm`] = path.join(BUILD_DIR, 'wasm', m + '.wasm')
  return r
}

export const PORT = Number(process.env.CORPUS_PORT || 47813)
