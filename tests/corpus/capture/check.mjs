// A last structural check of every corpus file against the format in README.md.
import fs from 'node:fs'
import path from 'node:path'
import { CORPUS_DIR } from './lib/layout.mjs'

const TOP = ['engine', 'engine_version', 'case', 'name', 'message', 'stack', 'frames']
const FRAME = { function: 'string', abs_path: 'string', lineno: 'number', colno: 'number', in_app: 'boolean', instruction_addr: 'string', wasm_function_index: 'number' }
let count = 0
const problems = []
for (const engine of ['node', 'chromium', 'firefox', 'jsc', 'differences/node', 'differences/chromium', 'differences/firefox', 'differences/jsc']) {
  const dir = path.join(CORPUS_DIR, engine)
  if (!fs.existsSync(dir)) continue
  for (const f of fs.readdirSync(dir)) {
    const j = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))
    const where = `${engine}/${f}`
    count++
    if (JSON.stringify(Object.keys(j)) !== JSON.stringify(TOP)) problems.push(`${where}: keys ${Object.keys(j)}`)
    if (j.engine !== engine.replace('differences/', '') || j.case + '.json' !== f) problems.push(`${where}: engine/case mismatch`)
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(j.case)) problems.push(`${where}: case is not kebab-case`)
    for (const k of ['engine_version', 'name', 'message', 'stack']) if (typeof j[k] !== 'string') problems.push(`${where}: ${k} not a string`)
    if (!Array.isArray(j.frames) || j.frames.length === 0) problems.push(`${where}: no frames`)
    for (const fr of j.frames) {
      for (const [k, v] of Object.entries(fr)) if (typeof v !== FRAME[k]) problems.push(`${where}: frame key ${k}=${JSON.stringify(v)}`)
      if (typeof fr.in_app !== 'boolean') problems.push(`${where}: frame without in_app`)
      if (fr.function === '' || fr.function === '<anonymous>') problems.push(`${where}: empty function name`)
      if (fr.instruction_addr !== undefined && !/^0x[0-9a-f]+$/.test(fr.instruction_addr)) problems.push(`${where}: bad instruction_addr`)
      if ((fr.wasm_function_index !== undefined || fr.instruction_addr !== undefined) && (fr.lineno !== undefined || fr.colno !== undefined)) problems.push(`${where}: wasm frame with line/column`)
    }
  }
}
if (problems.length) { console.error(problems.join('\n')); process.exit(1) }
console.log(`check: ${count} corpus files are well-formed`)
