// Firefox (SpiderMonkey) expectations of the third held-out round
// (cases/shared/heldout3.js, web/heldout3.js, web/heldout3/, and, on the
// page with async stacks on, web/heldout3-async.js), oldest frame first.
import { at, anon, ffEval, ffWasmAt, cause, repeat } from '../lib/expect.mjs'

const H = at('runCase', 'h-run')
const FAIL = at('h3Fail', 'h3-throw')
const inst = (id) => ({ compiled: id, how: 'instantiate' })
const NAMES = inst('h3wi-names'), PARTIAL = inst('h3wi-partial'), EMPTY = inst('h3wi-empty'), TRAPS = inst('h3wi-traps')
const LINKER = inst('h3wi-linker'), BOUNCE = inst('h3wi-bounce'), BUILTIN = inst('h3wi-builtin')
const TWINS = { compiled: 'h3wc-bounce', how: 'compile' }
const START = { compiled: 'h3-start-compile', how: 'Module' }
const STREAMED = { url: '/corpus/wasm/h3-streamed.wasm?v=1.2.3&u=a@b:1:2&cb=(1)' }
const n = (mark) => ffWasmAt('h3-names', mark, NAMES)
const t = (mark) => ffWasmAt('h3-traps', mark, TRAPS)
const PUNCT = [n('run_call'), n('spaces_call'), n('generic_call'), n('dollar_call'), n('dots_trap')]

export const SYNC = {
  'wasm-names-punctuation': [H, at('wasmNamesPunctuation', 'h3-punct'), PUNCT],
  'wasm-names-unicode-long': [H, at('wasmNamesUnicodeLong', 'h3-unicode'), n('cxx_call'), n('rust_call'), n('unicode_trap')],
  'wasm-names-gap-in-named-module': [H, at('wasmNamesGapInNamedModule', 'h3-gap'), n('gap_entry_call'), n('gap_call'), n('after_trap')],
  'wasm-names-partial-no-module-name': [H, at('wasmNamesPartialNoModuleName', 'h3-partial'),
    ffWasmAt('h3-partial', 'entry_call', PARTIAL), ffWasmAt('h3-partial', 'mid_call', PARTIAL), ffWasmAt('h3-partial', 'partial_trap', PARTIAL)],
  'wasm-names-empty-module-name': [H, at('wasmNamesEmptyModuleName', 'h3-empty'), ffWasmAt('h3-empty', 'run_call', EMPTY), ffWasmAt('h3-empty', 'f_trap', EMPTY)],
  'wasm-trap-memory-out-of-bounds': [H, at('wasmTrapMemoryOutOfBounds', 'h3-oob'), t('load')],
  'wasm-trap-indirect-call-signature': [H, at('wasmTrapIndirectCallSignature', 'h3-badsig'), t('ci_sig')],
  'wasm-trap-table-index': [H, at('wasmTrapTableIndex', 'h3-badslot'), t('ci_slot')],
  'wasm-trap-float-to-int': [H, at('wasmTrapFloatToInt', 'h3-trunc'), t('trunc')],
  // 128 frames: the newest at the body start (the prologue's stack check)
  'wasm-stack-overflow': [repeat(127, t('rec_call')), t('entry:4')],
  'wasm-js-wasm-interleaved': [H, at('wasmJsWasmInterleaved', 'h3-bounce'), ffWasmAt('h3-bounce', 'hop_call', BOUNCE), at('hopToNames', 'h3-hop-names'), PUNCT],
  'wasm-module-instantiated-twice': [H, at('wasmModuleInstantiatedTwice', 'h3-twin'), ffWasmAt('h3-bounce', 'hop_call', TWINS), at('hopToTwin', 'h3-hop-twin'), ffWasmAt('h3-bounce', 'boom', TWINS)],
  'wasm-imports-wasm-export': [H, at('wasmImportsWasmExport', 'h3-linker'), ffWasmAt('h3-linker', 'link_call', LINKER), t('load')],
  'wasm-export-function-call': [H, at('wasmExportFunctionCall', 'h3-fcall'), t('trunc')],
  'wasm-export-bound-apply': [H, at('wasmExportBoundApply', 'h3-apply'), t('ci_slot')],
  'wasm-export-array-callback': [H, at('wasmExportArrayCallback', 'h3-foreach'), t('rem')],
  'wasm-export-promise-callback': [t('rem')],
  'wasm-calls-builtin-import': [H, at('wasmCallsBuiltinImport', 'h3-builtin'), ffWasmAt('h3-builtin', 'cp_call', BUILTIN)],
  'wasm-start-function-trap': [H, at('wasmStartFunctionTrap', 'h3-start-new'), ffWasmAt('h3-start', 'init_call', START), ffWasmAt('h3-start', 'check_trap', START)],
  'wasm-compiled-in-eval': [H, at('wasmCompiledInEval', 'h3-eval-call'), ffEval('', 'h3-eval-call', [], { base: 'h3-eval-src', id: 'h3-eval-run' }),
    ffWasmAt('h3-evald', 'evald_trap', { evalCall: 'h3-eval-call', steps: [{ base: 'h3-eval-src', id: 'h3-eval-compile' }], how: 'Module' })],
  'wasm-compiled-in-new-function': [H, at('wasmCompiledInNewFunction', 'h3-fn-call'), ffEval('anonymous', 'h3-fn-ctor', [], { base: 'h3-fn-src', id: 'h3-fn-run', kind: 'Function' }),
    ffWasmAt('h3-evald', 'evald_trap', { evalCall: 'h3-fn-ctor', steps: [{ base: 'h3-fn-src', id: 'h3-fn-compile', kind: 'Function' }], how: 'Module' })],
  'wasm-compiled-in-function-eval': [H, at('wasmCompiledInFunctionEval', 'h3-fe-call'),
    ffEval('anonymous', 'h3-fe-ctor', [], { base: 'h3-fe-src', id: 'h3-fe-eval', kind: 'Function' }),
    ffEval('', 'h3-fe-ctor', [{ base: 'h3-fe-src', id: 'h3-fe-eval', kind: 'Function' }], { base: 'h3-fe-inner-src', id: 'h3-fe-run' }),
    ffWasmAt('h3-evald', 'evald_trap', { evalCall: 'h3-fe-ctor', steps: [{ base: 'h3-fe-src', id: 'h3-fe-eval', kind: 'Function' }, { base: 'h3-fe-inner-src', id: 'h3-fe-compile' }], how: 'Module' })],
  // browsers only
  'wasm-instantiate-streaming-query': [H, at('wasmInstantiateStreamingQuery', 'h3-streamed'), ffWasmAt('h3-streamed', 'streamed_call', STREAMED), ffWasmAt('h3-streamed', 'streamed_trap', STREAMED)],
  'wasm-in-dedicated-worker': [at('onWasmJob/<', 'h3ww-encode'), at('encodeFrame', 'h3ww-call'),
    ffWasmAt('h3-worker', 'job_call', inst('h3ww-inst')), ffWasmAt('h3-worker', 'worker_trap', inst('h3ww-inst'))],
  'wasm-in-blob-worker': [at('onBlobJob/<', 'h3bw-decode'), at('decodeFrame', 'h3bw-call'),
    ffWasmAt('h3-worker', 'job_call', inst('h3bw-inst')), ffWasmAt('h3-worker', 'worker_trap', inst('h3bw-inst'))],
  'deep-anonymous-naming': [H, at('deepAnonymousNaming', 'h3-dn-load'), at('load', 'h3-dn-map1'), at('deepAnonymousNaming/load/<', 'h3-dn-map2'),
    // (a parenthesized function expression's call is at the `(` of its arguments)
    at('deepAnonymousNaming/load/</<', 'h3-dn-run'), at('run', 'h3-dn-iife'), at('deepAnonymousNaming/load/</</run/<', 'h3-dn-fail'), FAIL],
  'getter-from-defineproperty': [H, at('getterFromDefineProperty', 'h3-gd-get'), at('get', 'h3-gd-fail'), FAIL],
  'function-renamed-displayname-tostring': [H, at('functionRenamedDisplayNameToString', 'h3-ren-call'), at('h3Original', 'h3-ren-fail'), FAIL],
  'data-module-script': [H, at('dataModuleScript', 'h3-dm-call'), at('loadConfig', 'h3dm-call'), at('parseConfig', 'h3dm-throw')],
}

// Run on web/heldout3/async.html with async stacks on: every case starts from
// the page's poller (a setInterval handler that calls runCase).
const POLL = [cause('setInterval handler', anon('h3a-interval')), at('h3Poll', 'h3a-poll')]
const AFAIL = at('h3aFail', 'h3a-throw')
const CATCH = at('h3aCatch', 'h3a-body')
// a callback scheduled from a Promise executor (`new Promise` at `nw`, the
// scheduling call at `sched`), which runs `body` through h3aCatch
const viaExecutor = (caseFn, nw, label, sched, cb, cbAt, failAt) => [POLL, H, at(caseFn, nw), cause(label, at(caseFn + '/<', sched)),
  at(cb, cbAt), CATCH, at(caseFn + '/</' + cb + '/<', failAt), AFAIL]

export const ASYNC = {
  'async-cause-promise-then-chain': [POLL, H, cause('promise callback', at('asyncCausePromiseThenChain', 'h3a-then2')), at('secondStep', 'h3a-then-fail'), AFAIL],
  'async-cause-settimeout-nested': [POLL, H, at('asyncCauseSetTimeoutNested', 'h3a-st-new'), cause('setTimeout handler', at('asyncCauseSetTimeoutNested/<', 'h3a-st-outer')),
    cause('setTimeout handler', at('outerTimer', 'h3a-st-inner')), at('innerTimer', 'h3a-st-catch'), CATCH, at('asyncCauseSetTimeoutNested/</outerTimer/innerTimer/<', 'h3a-st-fail'), AFAIL],
  'async-cause-setinterval': viaExecutor('asyncCauseSetInterval', 'h3a-si-new', 'setInterval handler', 'h3a-si', 'onInterval', 'h3a-si-catch', 'h3a-si-fail'),
  'async-cause-request-animation-frame': viaExecutor('asyncCauseRequestAnimationFrame', 'h3a-raf-new', 'FrameRequestCallback', 'h3a-raf', 'onAnimationFrame', 'h3a-raf-catch', 'h3a-raf-fail'),
  'async-cause-eventlistener-handleevent': [POLL, H, at('asyncCauseEventListenerHandleEvent', 'h3a-el-new'),
    cause('EventListener.handleEvent', at('asyncCauseEventListenerHandleEvent/<', 'h3a-el-add')),
    at('handleEvent', 'h3a-el-catch'), CATCH, at('asyncCauseEventListenerHandleEvent/</handleEvent/<', 'h3a-el-fail'), AFAIL],
  'async-cause-mutation-observer': viaExecutor('asyncCauseMutationObserver', 'h3a-mo-new', 'MutationCallback', 'h3a-mo', 'onMutation', 'h3a-mo-catch', 'h3a-mo-fail'),
  'async-cause-message-port-onmessage': viaExecutor('asyncCauseMessagePortOnmessage', 'h3a-mp-new', 'EventHandlerNonNull', 'h3a-mp', 'onPortMessage', 'h3a-mp-catch', 'h3a-mp-fail'),
  'async-cause-queue-microtask': viaExecutor('asyncCauseQueueMicrotask', 'h3a-qm-new', 'VoidFunction', 'h3a-qm', 'onMicrotask', 'h3a-qm-catch', 'h3a-qm-fail'),
  // (observed) the generator resumed after its own await has the poller's
  // top-level frame as its only async parent: the for-await frames are gone
  'async-cause-async-generator': [cause('setInterval handler', anon('h3a-interval')), at('h3aPages', 'h3a-ag-fail'), AFAIL],
  'async-cause-await-chain': [POLL, cause('async', H), at('asyncCauseAwaitChain', 'h3a-aw-middle'), cause('async', at('h3aMiddle', 'h3a-aw-leaf')), at('h3aLeaf', 'h3a-aw-fail'), AFAIL],
  'async-cause-settimeout-after-await': [POLL, cause('async', H), at('asyncCauseSetTimeoutAfterAwait', 'h3a-sa-new'),
    cause('setTimeout handler', at('asyncCauseSetTimeoutAfterAwait/<', 'h3a-sa')), at('afterAwait', 'h3a-sa-catch'), CATCH, at('asyncCauseSetTimeoutAfterAwait/</afterAwait/<', 'h3a-sa-fail'), AFAIL],
  'async-wasm-in-promise-callback': [POLL, H, cause('promise callback', at('asyncWasmInPromiseCallback', 'h3a-wasm-then')), at('onTick', 'h3a-wasm-call'),
    ffWasmAt('h3-later', 'tick_trap', inst('h3aw-inst'))],
}
