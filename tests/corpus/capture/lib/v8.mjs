// From V8's structured call sites (recorded by cases/v8-recorder.js) to the
// expected Sentry frames. Every frame is first re-rendered with V8's own
// call-site formatting algorithm (src/objects/call-site-info.cc:
// SerializeJSStackFrame / AppendMethodCall / AppendFileLocation /
// SerializeWasmStackFrame) and must equal callsite.toString(), so the
// structured fields we read are exactly the ones V8 printed.
import { inApp } from './corpus.mjs'
import { hex } from './wasm.mjs'

const nonEmpty = (s) => typeof s === 'string' && s.length > 0

// V8 changed AppendMethodCall over time; the two versions met here are
// written out and each engine names the one its V8 uses (`formatting`):
//  - both: the type name is prepended only when the function name is a plain
//    identifier different from it (so `get x`, `#priv`, `a.b` stay bare).
//  - 'v8-11.3' (Node 20): ` [as m]` unless the name is m or ends in ".m";
//    when the receiver is a class constructor its name replaces the type name.
//    That receiver is not observable through the CallSite API in strict (class)
//    code, so the caller supplies it from the case sources (`receiverClass`).
//  - 'v8-current' (Chromium 156): ` [as m]` unless the name is m or ends in
//    ".m" or " m"; getTypeName() itself already reports the class name.
const IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u
const FORMATTINGS = ['v8-11.3', 'v8-current']

function methodCallName(r, formatting, receiverClass) {
  const fn = r.getFunctionName, method = r.getMethodName
  let type = r.getTypeName
  if (formatting === 'v8-11.3' && receiverClass) {
    const cls = receiverClass(r)
    if (cls) type = cls
  }
  let out = ''
  if (nonEmpty(fn)) {
    if (nonEmpty(type) && IDENTIFIER.test(fn) && fn !== type) out += type + '.'
    out += fn
    if (nonEmpty(method)) {
      const ends = fn === method || fn.endsWith('.' + method) || (formatting === 'v8-current' && fn.endsWith(' ' + method))
      if (!ends) out += ` [as ${method}]`
    }
  } else {
    if (nonEmpty(type)) out += type + '.'
    out += nonEmpty(method) ? method : '<anonymous>'
  }
  return out
}

function fileLocation(r) {
  let out = ''
  const url = r.getScriptNameOrSourceURL
  if (typeof url !== 'string' && r.isEval) out += r.getEvalOrigin + ', '
  out += nonEmpty(url) ? url : '<anonymous>'
  if (r.getLineNumber !== null) {
    out += ':' + r.getLineNumber
    if (r.getColumnNumber !== null) out += ':' + r.getColumnNumber
  }
  return out
}

// The innermost real location of an eval origin: "eval at f (eval at g (URL:L:C))".
// The function names in an origin are printed as is and may hold parentheses
// (held-out `open (paren`), so the URL is matched against the scripts that
// the same stack names outside eval code (`scripts`); only when none fits is
// it read with the plain pattern, whose names cannot hold a parenthesis.
const escapeRe = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
function evalOriginLocation(origin, scripts = [], namedEvals = []) {
  const found = []
  for (const url of scripts) {
    const m = new RegExp('^(?:eval at .* \\()+' + escapeRe(url) + ':(\\d+):(\\d+)\\)+$').exec(origin)
    if (m) found.push({ abs_path: url, lineno: Number(m[1]), colno: Number(m[2]) })
  }
  // (held-out 2) An eval made by eval'd code that a sourceURL names: V8
  // prints that name in the origin without any position.
  for (const url of namedEvals) {
    if (new RegExp('^(?:eval at .* \\()+' + escapeRe(url) + '\\)+$').test(origin)) found.push({ abs_path: url })
  }
  if (found.length > 1) throw new Error('ambiguous eval origin: ' + origin)
  if (found.length === 1) return found[0]
  const m = /^(?:eval at [^()]* \()+(.*):(\d+):(\d+)\)+$/.exec(origin)
  if (!m) throw new Error('unexpected eval origin: ' + origin)
  return { abs_path: m[1], lineno: Number(m[2]), colno: Number(m[3]) }
}

function jsFrame(r, formatting, receiverClass, scripts, namedEvals) {
  // 1. V8's rendering, with the printed function name kept apart.
  let printedName = null // the name part as printed, prefixes included
  let rendered
  // Promise.all, and (held-out) Promise.allSettled / Promise.any, which the
  // CallSite API shows only through getPromiseIndex (isPromiseAll is false).
  if (r.isAsync && (r.isPromiseAll || r.getPromiseIndex !== null)) {
    rendered = `async Promise.${r.getFunctionName} (index ${r.getPromiseIndex})`
    return { rendered, frame: { function: 'Promise.' + r.getFunctionName, in_app: false } }
  }
  let name = null // the name as the corpus records it (no `async `/`new ` prefix)
  if (!r.isToplevel && !r.isConstructor) name = methodCallName(r, formatting, receiverClass)
  else if (r.isConstructor) name = nonEmpty(r.getFunctionName) ? r.getFunctionName : '<anonymous>'
  else if (nonEmpty(r.getFunctionName)) name = r.getFunctionName
  if (name !== null) {
    printedName = (r.isAsync ? 'async ' : '') + (r.isConstructor ? 'new ' : '') + name
    rendered = `${printedName} (${fileLocation(r)})`
  } else {
    rendered = (r.isAsync ? 'async ' : '') + fileLocation(r)
  }
  // 2. The Sentry frame.
  const frame = {}
  if (name !== null && name !== '<anonymous>') frame.function = name
  const url = r.getScriptNameOrSourceURL
  if (typeof url !== 'string' && r.isEval) {
    Object.assign(frame, evalOriginLocation(r.getEvalOrigin, scripts, namedEvals))
  } else if (nonEmpty(url)) {
    frame.abs_path = url
    if (r.getLineNumber !== null) frame.lineno = r.getLineNumber
    if (r.getColumnNumber !== null) frame.colno = r.getColumnNumber
  } else if (r.getLineNumber !== null) {
    // Code compiled without a script name (setTimeout('code'), a javascript:
    // URL): V8 prints `<anonymous>:L:C`, a placeholder, not a file. As the
    // parser's rule for an empty location (frame.rs): no abs_path, the
    // position kept, not in_app (held-out 2).
    if (!(typeof url === 'string' && url === '' && !r.isEval)) throw new Error('a frame with a line but no script name: ' + r.toString)
    frame.lineno = r.getLineNumber
    if (r.getColumnNumber !== null) frame.colno = r.getColumnNumber
  }
  frame.in_app = inApp(frame.abs_path)
  return { rendered, frame }
}

// Wasm call sites: getColumnNumber() is the module byte offset + 1,
// getEnclosingColumnNumber() the offset of the function body; the function
// index is not exposed, so it is found from that body offset in our own
// module's layout. The module name comes from the name section we wrote.
function wasmFrameIn(r, wasm) {
  const fn = wasm.functions.find((f) => f.bodyOffset === r.getEnclosingColumnNumber)
  if (!fn) throw new Error(`no function body at ${r.getEnclosingColumnNumber}: ${r.toString}`)
  const offset = r.getColumnNumber - 1
  if (offset !== r.getPosition) throw new Error('wasm column/position disagree: ' + JSON.stringify(r))
  if (!Object.values(wasm.marks).some((m) => m.offset === offset && m.functionIndex === fn.index)) {
    throw new Error(`offset ${hex(offset)} is none of the marked instructions of function ${fn.index}`)
  }
  const fnName = r.getFunctionName
  // the name V8 reports must be the one our name section gave (none: null)
  if ((fnName ?? null) !== (fn.name ?? null)) throw new Error(`wasm name ${fnName} != ${fn.name}`)
  const mod = wasm.moduleName
  const hasName = mod !== null || fnName !== null
  const name = mod === null ? fnName : mod + (fnName !== null ? '.' + fnName : '')
  const loc = `${r.getScriptNameOrSourceURL}:wasm-function[${fn.index}]:${hex(offset)}`
  const rendered = hasName ? `${name} (${loc})` : loc
  const frame = { abs_path: r.getScriptNameOrSourceURL, instruction_addr: hex(offset), wasm_function_index: fn.index, in_app: true }
  if (hasName) frame.function = name
  return { rendered, frame }
}

// (held-out 3) A case may use several modules (wasm calling wasm of another
// module, JS bouncing between modules): the frame must fit exactly one of
// them (body offset, marked offset, name and rendering), or fit several
// with the same frame.
function wasmFrame(r, wasm) {
  if (!wasm) throw new Error('wasm frame in a case without a wasm module: ' + r.toString)
  const candidates = Array.isArray(wasm) ? wasm : [wasm]
  const fits = [], errors = []
  for (const w of candidates) {
    try {
      const out = wasmFrameIn(r, w)
      if (out.rendered === r.toString) fits.push(out)
      else errors.push('renders as ' + out.rendered)
    } catch (e) { errors.push(e.message) }
  }
  if (!fits.length) {
    if (candidates.length === 1) return wasmFrameIn(r, candidates[0])
    throw new Error(`wasm frame fits none of the case's modules: ${r.toString}\n  ${errors.join('\n  ')}`)
  }
  const first = JSON.stringify(fits[0].frame)
  if (fits.some((f) => JSON.stringify(f.frame) !== first)) throw new Error('wasm frame fits several modules differently: ' + r.toString)
  return fits[0]
}

const isWasm = (r) => typeof r.getFileName === 'string' && (r.getFileName.startsWith('wasm://') || /\.wasm([?#]|$)/.test(r.getFileName))

// Returns the Sentry frames (oldest first). Throws when any frame's rendering
// differs from V8's own toString().
export function framesFromCallSites(records, { wasm = null, label, formatting, receiverClass = null }) {
  if (!FORMATTINGS.includes(formatting)) throw new Error('formatting must be one of ' + FORMATTINGS)
  const scripts = [...new Set(records.filter((r) => !r.isEval && nonEmpty(r.getScriptNameOrSourceURL)).map((r) => r.getScriptNameOrSourceURL))]
  const namedEvals = [...new Set(records.filter((r) => r.isEval && nonEmpty(r.getScriptNameOrSourceURL)).map((r) => r.getScriptNameOrSourceURL))]
  const frames = records.map((r) => {
    const { rendered, frame } = isWasm(r) ? wasmFrame(r, wasm) : jsFrame(r, formatting, receiverClass, scripts, namedEvals)
    if (rendered !== r.toString) {
      throw new Error(`${label}: V8 formatting mismatch\n  ours: ${rendered}\n  V8:   ${r.toString}\n  fields: ${JSON.stringify(r)}`)
    }
    return frame
  })
  return frames.reverse()
}

// The checks tying the two runs together: the hook's rebuilt stack must be
// the real default stack of the identical run made without the hook.
// `decoration` (a RegExp) allows a known prefix that the embedder adds to the
// stack after V8 formatted it (Node's vm `displayErrors` source-line arrow).
export function checkV8Pair(label, structured, plain, decoration = null) {
  const problems = []
  if (!structured.threw || !plain.threw) problems.push('case did not throw')
  else {
    if (!structured.v8) problems.push('no call sites were recorded (stack already formatted?)')
    else if (structured.v8.stack !== plain.stack) {
      const prefix = plain.stack.endsWith(structured.v8.stack) ? plain.stack.slice(0, -structured.v8.stack.length) : null
      if (!(decoration && prefix !== null && decoration.test(prefix))) {
        problems.push(`rebuilt stack != real stack\n--- rebuilt\n${structured.v8.stack}\n--- real\n${plain.stack}`)
      }
    }
    if (structured.stack !== plain.stack) problems.push(`stack differs between the runs\n--- with hook\n${structured.stack}\n--- without\n${plain.stack}`)
    if (structured.name !== plain.name || structured.message !== plain.message) problems.push('name/message differ between runs')
  }
  if (problems.length) throw new Error(`${label}: ${problems.join('; ')}`)
}
