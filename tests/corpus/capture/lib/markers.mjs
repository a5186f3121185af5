// Source markers: `/*@id*/` in a case file marks the character right after
// the comment (V8/SpiderMonkey-style positions: the start of a callee, `new`).
// JSC reports the position right AFTER an expression (the end of the callee
// or of `new X`), which is where a marker comment starts when it is written
// right after that expression: so for JSC a marker marks its own first
// character, and `/*@id:jsc*/` gives JSC's own position for the frame `id`
// when it differs. A property access is the exception: JSC points AT its `.`,
// so `/*@id:jsc-next*/` (placed before the dot) marks the character after it.
// Positions are 1-based line/column in UTF-16 code units.
import fs from 'node:fs'

const MARKER = /\/\*@([a-z0-9-]+)(:jsc(?:-next)?)?\*\//g

export class Markers {
  constructor(files) {
    this.ids = new Map() // "id" or "id:jsc" -> { file, offset, line, col }
    this.texts = new Map()
    for (const file of files) this.addFile(file, fs.readFileSync(file, 'utf8'))
  }
  addFile(file, text) {
    this.texts.set(file, text)
    for (const m of text.matchAll(MARKER)) {
      const key = m[1] + (m[2] || '')
      if (this.ids.has(key)) throw new Error(`marker ${key} defined twice (${this.ids.get(key).file}, ${file})`)
      const pos = (offset) => {
        const before = text.slice(0, offset)
        return { offset, line: before.split('\n').length, col: offset - (before.lastIndexOf('\n') + 1) + 1 }
      }
      this.ids.set(key, { file, after: pos(m.index + m[0].length), start: pos(m.index) })
    }
  }
  // The marker as `engine` sees it: JSC uses `id:jsc` when there is one.
  get(id, engine) {
    if (engine === 'jsc') {
      const next = this.ids.get(id + ':jsc-next')
      if (next) return { file: next.file, ...next.after }
      const m = this.ids.get(id + ':jsc') || this.ids.get(id)
      if (!m) throw new Error('unknown marker ' + id)
      return { file: m.file, ...m.start }
    }
    const m = this.ids.get(id)
    if (!m) throw new Error('unknown marker ' + id)
    return { file: m.file, ...m.after }
  }
  // Position of marker `id` inside the code evaluated from the string literal
  // whose opening quote is marked by `base` (escapes such as \n decoded).
  rel(base, id, engine) {
    const b = this.get(base, engine), m = this.get(id, engine)
    if (b.file !== m.file || m.offset <= b.offset) throw new Error(`marker ${id} is not inside string ${base}`)
    const text = this.texts.get(b.file)
    if (text[b.offset] !== '"') throw new Error(`marker ${base} does not mark a double quote`)
    const raw = text.slice(b.offset + 1, m.offset)
    if (raw.includes('\n')) throw new Error(`string ${base} spans lines`)
    const code = JSON.parse('"' + raw + '"') // decode the literal's escapes
    const lines = code.split('\n')
    return { line: lines.length, col: lines[lines.length - 1].length + 1 }
  }
}
