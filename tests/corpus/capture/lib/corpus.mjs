// Writing the corpus: one JSON file per captured stack, in one fixed format.
import fs from 'node:fs'
import path from 'node:path'
import { CORPUS_DIR } from './layout.mjs'

const FRAME_KEYS = ['function', 'abs_path', 'lineno', 'colno', 'instruction_addr', 'wasm_function_index', 'in_app']

// in_app per the corpus conventions (README): builtins, node:/internal/ and
// node_modules are not the app's; everything else, wasm included, is.
export function inApp(absPath) {
  if (absPath === undefined) return false
  return !(absPath.startsWith('node:') || absPath.startsWith('internal/') || absPath.includes('/node_modules/'))
}

export function frame(f) {
  const out = {}
  if (f.function === '<anonymous>' || f.function === '') delete f.function
  for (const k of FRAME_KEYS) if (f[k] !== undefined && f[k] !== null) out[k] = f[k]
  for (const k of Object.keys(f)) if (!FRAME_KEYS.includes(k)) throw new Error('unexpected frame key ' + k)
  if (typeof out.in_app !== 'boolean') throw new Error('frame without in_app: ' + JSON.stringify(f))
  return out
}

// Cases the parser reads differently from the engine's ground truth, kept
// apart in tests/corpus/differences/<engine>/ (tests/stacks.rs reports them,
// and fails once one parses exactly, so that it moves back here):
// - a name V8 prints after `async ` or `new ` (set with defineProperty) is
//   read as that prefix: from the text alone the two cannot be told apart;
// - a name holding a line break, in SpiderMonkey and JSC: the stack is read
//   line by line, and their frame lines have no mark of their own to tell a
//   continued name from a line of its own (V8's `    at ` has);
// - JSC's relative paths (the jsc shell's) after a name holding `@`: the
//   split falls at the first `@`, as nothing says where a location starts;
// - more than 250 frames (`Error.stackTraceLimit = 300`): by design, the
//   parser keeps the newest 250 (`MAX_FRAMES`; the peer keeps 50).
export const KNOWN_DIFFERENCES = {
  node: ['defined-name-keyword-prefix', 'stack-trace-limit-300'],
  chromium: ['defined-name-keyword-prefix', 'stack-trace-limit-300'],
  firefox: ['name-with-newline'],
  jsc: ['name-with-at-sign', 'name-with-newline', 'stack-trace-limit-300'],
}

export class CorpusWriter {
  constructor(engine, engineVersion) {
    this.engine = engine
    this.engineVersion = engineVersion
    this.dir = path.join(CORPUS_DIR, engine)
    this.entries = []
  }
  add({ caseName, name, message, stack, frames }) {
    if (typeof stack !== 'string') throw new Error(`${this.engine}/${caseName}: stack is not a string`)
    if (this.entries.some((e) => e.case === caseName)) throw new Error(`duplicate case ${caseName}`)
    this.entries.push({
      engine: this.engine, engine_version: this.engineVersion, case: caseName,
      name, message, stack, frames: frames.map(frame),
    })
  }
  // Replaces the engine's directories as a whole, so a removed case disappears.
  commit() {
    const apart = path.join(CORPUS_DIR, 'differences', this.engine)
    for (const dir of [this.dir, apart]) {
      fs.rmSync(dir, { recursive: true, force: true })
      fs.mkdirSync(dir, { recursive: true })
    }
    const known = KNOWN_DIFFERENCES[this.engine] || []
    for (const e of this.entries) fs.writeFileSync(path.join(known.includes(e.case) ? apart : this.dir, e.case + '.json'), JSON.stringify(e, null, 2) + '\n')
    console.log(`${this.engine}: wrote ${this.entries.length} cases to ${path.relative(process.cwd(), this.dir) || '.'} (${known.length} of them to differences/)`)
  }
}
