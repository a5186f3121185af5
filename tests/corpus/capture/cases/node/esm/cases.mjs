// Node-only cases in ES modules: file:// URLs, percent-encoded paths, a module
// URL with a query string and fragment, and a module that throws on evaluation.
import { startImport } from './chain-a.mjs'
import { encodedHelper } from './dir with space/café+encoded.mjs'
import { Queue } from './chain-b.mjs'

defineCase('esm-import-chain', function esmImportChain() {
  startImport('esm')
})

defineCase('esm-encoded-path', function esmEncodedPath() {
  encodedHelper()
})

defineCase('esm-class-static-async', async function esmClassStaticAsync() {
  await Queue.drain()
})

defineCase('esm-query-fragment', async function esmQueryFragment() {
  const mod = await import('./query.mjs?version=2&debug#section')
  mod.queryHelper()
})

defineCase('esm-throws-on-evaluation', function esmThrowsOnEvaluation() {
  return import('./throws-on-evaluation.mjs')
})
