// Held-out Node-only cases: a scoped package under node_modules/@scope, and
// vm scripts named the way bundlers name them (Next.js route groups).
'use strict'
const vm = require('node:vm')
const scoped = require('@heldout/scoped')

defineCase('node-scoped-package', function nodeScopedPackage() {
  return scoped.validate('{bad', function rethrow(e) {
    throw new TypeError('scoped package: ' + e.message)
  })
})

defineCase('node-vm-route-group-filename', function nodeVmRouteGroupFilename() {
  vm.runInThisContext('function Page() {\n  throw new Error("from a route group")\n}\nPage()', {
    filename: 'webpack-internal:///(app-pages-browser)/./src/app/(dashboard)/page.tsx',
    displayErrors: false, // no source-line prefix on the stack
  })
})
