// The real-engine stack corpus (tests/corpus/<engine>/*.json) and the
// comparison of parsed frames with its expected frames, as tests/stacks.rs does.
import fs from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../corpus')
export const ENGINES = ['node', 'chromium', 'firefox', 'jsc']

export function loadCorpus() {
  return ENGINES.flatMap((engine) =>
    fs.readdirSync(path.join(ROOT, engine)).filter((f) => f.endsWith('.json')).sort()
      .map((f) => ({ file: `${engine}/${f}`, ...JSON.parse(fs.readFileSync(path.join(ROOT, engine, f), 'utf8')) })),
  )
}

/** The corpus's keys of a parsed frame; the function as the engine printed it. */
export function project(frame) {
  const out = {}
  const fn = frame.raw_function ?? frame.function
  if (fn !== undefined) out.function = fn
  for (const k of ['abs_path', 'lineno', 'colno', 'in_app', 'instruction_addr']) if (frame[k] !== undefined) out[k] = frame[k]
  return out
}

/** The expected frames without the wasm function index, which events do not carry. */
export function expected(c) {
  return c.frames.map(({ wasm_function_index, ...f }) => f)
}
