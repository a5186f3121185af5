// Removes dead code from the wasm-bindgen glue (pkg/wasm_sentry.js) that
// scripts/build.sh just wrote, for the pinned wasm-bindgen (=0.2.130). Each
// cut is an exact text match, and a cut that does not match fails the build:
// a new wasm-bindgen must be looked at, never trimmed blindly.
//   - passStringToWasm0's path for a missing `realloc`: every call passes it.
//   - the warnings about the deprecated positional arguments of `initSync`
//     and `default`: the package's entries pass `{ module }` and
//     `{ module_or_path }`; a positional argument still works, unwarned.
// 0.1 KB gzip, measured with bench/size.mjs.
import fs from 'node:fs'

const file = process.argv[2] || 'pkg/wasm_sentry.js'
let src = fs.readFileSync(file, 'utf8')

const cuts = [
  /\n    if \(realloc === undefined\) \{\n        const buf = cachedTextEncoder\.encode\(arg\);\n        const ptr = malloc\(buf\.length, 1\) >>> 0;\n        getUint8ArrayMemory0\(\)\.subarray\(ptr, ptr \+ buf\.length\)\.set\(buf\);\n        WASM_VECTOR_LEN = buf\.length;\n        return ptr;\n    \}\n/,
  / else \{\n\s*console\.warn\('using deprecated parameters for `initSync\(\)`; pass a single object instead'\)\n\s*\}/,
  / else \{\n\s*console\.warn\('using deprecated parameters for the initialization function; pass a single object instead'\)\n\s*\}/,
]
for (const re of cuts) {
  if (!re.test(src)) {
    console.error(`trim-glue: ${file} no longer matches ${re}: check the wasm-bindgen glue`)
    process.exit(1)
  }
  src = src.replace(re, '')
}
fs.writeFileSync(file, src)
