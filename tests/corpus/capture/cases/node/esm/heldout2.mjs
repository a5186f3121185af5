// Second held-out round, Node only, ES modules: a module that throws after a
// top-level await, and the loader's own errors (a missing module, a missing
// export, a syntax error, an unknown file extension).
defineCase('esm-top-level-await-throws', function esmTopLevelAwaitThrows() {
  return import('./h2-tla.mjs')
})

defineCase('esm-missing-module', function esmMissingModule() {
  return import('./h2-does-not-exist.mjs')
})

defineCase('esm-missing-export', function esmMissingExport() {
  return import('./h2-missing-export.mjs')
})

defineCase('esm-syntax-error', function esmSyntaxError() {
  return import('./h2-syntax-error.mjs')
})

defineCase('esm-unknown-extension', function esmUnknownExtension() {
  return import('./h2-data.txt')
})
