// Staged as node_modules/h2-broken-pkg: a package whose entry requires a file
// that throws while it is loaded (a missing native binding, typically).
'use strict'
const binding = require('./lib/binding.js')
module.exports = { version: binding.version }
