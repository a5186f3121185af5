// JavaScriptCore expectations of the third held-out round
// (cases/shared/heldout3.js, jsc/heldout3.js, jsc/h3/), oldest frame first.
// JSC prints no wasm offsets; its wasm frames are jscWasmAt's.
import { at, anon, native, noLocation, jscWasmAt, repeat } from '../lib/expect.mjs'

const H = at('runCase', 'h-run')
const FAIL = at('h3jFail', 'h3j-throw')
const n = (mark) => jscWasmAt('h3-names', mark)
const t = (mark) => jscWasmAt('h3-traps', mark)
const PUNCT = [n('run_call'), n('spaces_call'), n('generic_call'), n('dollar_call'), n('dots_trap')]

export default {
  'wasm-names-punctuation': [H, at('wasmNamesPunctuation', 'h3-punct'), PUNCT],
  'wasm-names-unicode-long': [H, at('wasmNamesUnicodeLong', 'h3-unicode'), n('cxx_call'), n('rust_call'), n('unicode_trap')],
  'wasm-names-gap-in-named-module': [H, at('wasmNamesGapInNamedModule', 'h3-gap'), n('gap_entry_call'), n('gap_call'), n('after_trap')],
  'wasm-names-partial-no-module-name': [H, at('wasmNamesPartialNoModuleName', 'h3-partial'),
    jscWasmAt('h3-partial', 'entry_call'), jscWasmAt('h3-partial', 'mid_call'), jscWasmAt('h3-partial', 'partial_trap')],
  'wasm-names-empty-module-name': [H, at('wasmNamesEmptyModuleName', 'h3-empty'), jscWasmAt('h3-empty', 'run_call'), jscWasmAt('h3-empty', 'f_trap')],
  'wasm-trap-memory-out-of-bounds': [H, at('wasmTrapMemoryOutOfBounds', 'h3-oob'), t('load')],
  'wasm-trap-indirect-call-signature': [H, at('wasmTrapIndirectCallSignature', 'h3-badsig'), t('ci_sig')],
  'wasm-trap-table-index': [H, at('wasmTrapTableIndex', 'h3-badslot'), t('ci_slot')],
  'wasm-trap-float-to-int': [H, at('wasmTrapFloatToInt', 'h3-trunc'), t('trunc')],
  // JSC keeps 100 frames, all of them the recursion
  'wasm-stack-overflow': [repeat(100, t('rec_call'))],
  'wasm-js-wasm-interleaved': [H, at('wasmJsWasmInterleaved', 'h3-bounce'), jscWasmAt('h3-bounce', 'hop_call'), at('hopToNames', 'h3-hop-names'), PUNCT],
  'wasm-module-instantiated-twice': [H, at('wasmModuleInstantiatedTwice', 'h3-twin'), jscWasmAt('h3-bounce', 'hop_call'), at('hopToTwin', 'h3-hop-twin'), jscWasmAt('h3-bounce', 'boom')],
  'wasm-imports-wasm-export': [H, at('wasmImportsWasmExport', 'h3-linker'), jscWasmAt('h3-linker', 'link_call'), t('load')],
  'wasm-export-function-call': [H, at('wasmExportFunctionCall', 'h3-fcall'), t('trunc')],
  'wasm-export-bound-apply': [H, at('wasmExportBoundApply', 'h3-apply'), t('ci_slot')],
  'wasm-export-array-callback': [H, at('wasmExportArrayCallback', 'h3-foreach'), native('forEach'), t('rem')],
  'wasm-export-promise-callback': [t('rem')],
  'wasm-calls-builtin-import': [H, at('wasmCallsBuiltinImport', 'h3-builtin'), jscWasmAt('h3-builtin', 'cp_call'), native('fromCodePoint')],
  'wasm-start-function-trap': [H, at('wasmStartFunctionTrap', 'h3-start-new'), native('Instance'), jscWasmAt('h3-start', 'init_call'), jscWasmAt('h3-start', 'check_trap')],
  'wasm-compiled-in-eval': [H, at('wasmCompiledInEval', 'h3-eval-call'), native('eval'), noLocation('eval code'), jscWasmAt('h3-evald', 'evald_trap')],
  'wasm-compiled-in-new-function': [H, at('wasmCompiledInNewFunction', 'h3-fn-call'), noLocation('anonymous'), jscWasmAt('h3-evald', 'evald_trap')],
  'wasm-compiled-in-function-eval': [H, at('wasmCompiledInFunctionEval', 'h3-fe-call'), noLocation('anonymous'), native('eval'), noLocation('eval code'), jscWasmAt('h3-evald', 'evald_trap')],
  // jsc only
  'load-global-code': [H, at('loadGlobalCode', 'h3j-load'), native('load'), at('global code', 'h3j-gl-call'), at('h3jValidate', 'h3j-gl-throw')],
  'load-nested-global-code': [H, at('loadNestedGlobalCode', 'h3j-load-nested'), native('load'), at('global code', 'h3j-nested-load'), native('load'), at('global code', 'h3j-nested-throw')],
  'async-static-method-after-await': [at('open', 'h3j-am-parse'), at('parse', 'h3j-am-fail'), FAIL],
  'generator-yield-delegate': [H, at('generatorYieldDelegate', 'h3j-gd-next'), at('h3jOuter', 'h3j-gd-yield'), at('h3jInner', 'h3j-gd-fail'), FAIL],
  'async-generator-after-await': [at('h3jRows', 'h3j-ag-fail'), FAIL],
  'await-thenable': [at('then', 'h3j-th-fail'), FAIL],
  'string-constructor-coercion': [H, at('stringConstructorCoercion', 'h3j-str'), native('String'), at('toString', 'h3j-str-fail'), FAIL],
  'sort-comparator-eval': [H, at('sortComparatorEval', 'h3j-sort'), native('sort'), anon('h3j-sort-eval'), native('eval'), noLocation('eval code'), FAIL],
  'bound-new-function-apply': [H, at('boundNewFunctionApply', 'h3j-bfa'), noLocation('anonymous'), FAIL],
  'proxy-set-trap': [H, at('proxySetTrap', 'h3j-ps-set'), at('set', 'h3j-ps-fail'), FAIL],
  'module-code-import-chain': [at('module code', 'h3j-mod-call'), at('render', 'h3j-mod-assert'), at('assertTitle', 'h3j-mod-throw')],
}
