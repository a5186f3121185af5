// Type-checks what an app writes against the package's declarations: a
// project of its own that depends on pkg/ as `wasm-sentry`, checked by the
// repository's tsc, strict.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..')

/** Checks `source` (the app's `use.ts`) with the libraries `lib`; throws tsc's failure (its output in `stdout`). */
export function typecheck(source, lib = ['es2022', 'dom']) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasm-sentry-types-'))
  try {
    fs.mkdirSync(path.join(dir, 'node_modules'))
    fs.symlinkSync(path.join(REPO, 'pkg'), path.join(dir, 'node_modules/wasm-sentry'), 'dir')
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'types-app', private: true, type: 'module' }))
    const compilerOptions = { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib }
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['use.ts'] }))
    fs.writeFileSync(path.join(dir, 'use.ts'), source)
    execFileSync(path.join(REPO, 'node_modules/.bin/tsc'), ['-p', dir], { cwd: dir, encoding: 'utf8', stdio: 'pipe' })
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** As `typecheck`, failing the test with tsc's messages. */
export function assertTypes(source, lib) {
  try {
    typecheck(source, lib)
  } catch (e) {
    throw new Error(`tsc: ${e.stdout || e.message}`)
  }
}
