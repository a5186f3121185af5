// Removes dead code from the wasm-bindgen glue (pkg/wasm_sentry.js) that
// scripts/build.sh just wrote, for the pinned wasm-bindgen (=0.2.130). Each
// cut is an exact text match, and a cut that does not match fails the build:
// a new wasm-bindgen must be looked at, never trimmed blindly.
//   - passStringToWasm0's path for a missing `realloc`: every call passes it.
//   - the warnings about the deprecated positional arguments of `initSync`
//     and `default`: the package's entries pass `{ module }` and
//     `{ module_or_path }`; a positional argument still works, unwarned.
// 0.1 KB gzip, measured with bench/size.mjs.
//   - the `TextEncoder.encodeInto` fallback: every engine that runs this
//     wasm (reference types: Chrome 96, Firefox 79, Safari 15, Node 17) has
//     had encodeInto for years, and client.js uses it directly;
//   - the externref table's set-up, which only serves JS values passed to
//     or returned from the wasm: the npm wasm passes none (src/web/bindings.rs).
//     The import stays (the wasm calls it at start), empty; the build fails
//     if the glue ever handles a JS value again.
// 0.1 KB gzip more, measured the same way.
//   - the console warning when `instantiateStreaming` fails for a wrong MIME
//     type: the fallback to `instantiate` stays, but a library does not
//     write to the page's console unasked (the SDK's own messages wait for
//     `debug: true`). 0.1 KB gzip.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const file = process.argv[2] || 'pkg/wasm_sentry.js'
let src = fs.readFileSync(file, 'utf8')

const cuts = [
  /\n    if \(realloc === undefined\) \{\n        const buf = cachedTextEncoder\.encode\(arg\);\n        const ptr = malloc\(buf\.length, 1\) >>> 0;\n        getUint8ArrayMemory0\(\)\.subarray\(ptr, ptr \+ buf\.length\)\.set\(buf\);\n        WASM_VECTOR_LEN = buf\.length;\n        return ptr;\n    \}\n/,
  / else \{\n\s*console\.warn\('using deprecated parameters for `initSync\(\)`; pass a single object instead'\)\n\s*\}/,
  / else \{\n\s*console\.warn\('using deprecated parameters for the initialization function; pass a single object instead'\)\n\s*\}/,
  /\n\s*console\.warn\("`WebAssembly\.instantiateStreaming` failed because your server does not serve Wasm with `application\/wasm` MIME type\. Falling back to `WebAssembly\.instantiate` which is slower\. Original error:\\n", e\);\n/,
]
// A wasm that takes or returns JS values (externref in a function's type)
// or uses the externref table would break with the emptied set-up below.
const wat = execFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../node_modules/.bin/wasm-dis'), [file.replace(/\.js$/, '_bg.wasm')], { maxBuffer: 256 << 20 }).toString()
if (/\((param|result)[^)]*externref|table\.(get|set|grow|fill)/.test(wat)) {
  console.error(`trim-glue: ${file}'s wasm passes JS values: keep the externref table's set-up`)
  process.exit(1)
}
const replacements = [
  [/\n\nif \(!\('encodeInto' in cachedTextEncoder\)\) \{\n    cachedTextEncoder\.encodeInto = function \(arg, view\) \{\n        const buf = cachedTextEncoder\.encode\(arg\);\n        view\.set\(buf\);\n        return \{\n            read: arg\.length,\n            written: buf\.length\n        \};\n    \};\n\}\n/, '\n'],
  [/(__wbindgen_init_externref_table: function\(\) \{)\n\s*const table = wasm\.__wbindgen_externrefs;\n(\s*table\.set\(\d+, (undefined|null|true|false)\);\n)+\s*\}/, '$1}'],
]
for (const [re, by] of replacements) {
  if (!re.test(src)) {
    console.error(`trim-glue: ${file} no longer matches ${re}: check the wasm-bindgen glue`)
    process.exit(1)
  }
  src = src.replace(re, by)
}
for (const re of cuts) {
  if (!re.test(src)) {
    console.error(`trim-glue: ${file} no longer matches ${re}: check the wasm-bindgen glue`)
    process.exit(1)
  }
  src = src.replace(re, '')
}
fs.writeFileSync(file, src)
