// Firefox (SpiderMonkey) expectations, oldest frame first, written from the
// case sources. SpiderMonkey's rules as observed: a call's column is the start
// of the callee (for `a.b()` the property name `b`), `new X()` points at `new`,
// a getter/setter access at the start of the whole member expression; names
// are as written, `get x`/`set x`/`#x` for accessors and private methods,
// `outer/<` for anonymous functions inside `outer`, '' for top-level code.
// Self-hosted builtins (map, forEach, Generator.next) and native ones print no
// frame, and only the synchronous part of an async chain is shown.
import { at, anon, atSourceUrl, ffEval, ffWasm, repeat } from '../lib/expect.mjs'

const H = at('runCase', 'h-run')

const wasmAt = {
  named: { instantiate: 'wi-named' },
  fnames: { instantiate: 'wi-fnames' },
  unnamed: { instantiate: 'wi-unnamed' },
  namedStreaming: { url: '/corpus/wasm/named.wasm?streaming=1' },
  unnamedStreaming: { url: '/corpus/wasm/unnamed.wasm' },
}
const trap = (module, where) => [ffWasm(module, 'call_middle', where), ffWasm(module, 'trap', where)]
const callsJs = (module, where) => [ffWasm(module, 'call_call_js', where), ffWasm(module, 'call_js', where), at('jsThrow', 'wjs-throw')]

// The number of frames SpiderMonkey keeps in `stack` (observed cap).
export const FIREFOX_MAX_FRAMES = 128

export default {
  'nested-files': [H, at('nestedFiles', 'na-call'), at('nestedB', 'nb-call'), at('nestedC', 'nc-throw')],
  'array-map-callback': [H, at('arrayMapCallback', 'map-call'), at('mapper', 'map-cb'), at('failInCallback', 'cb-throw')],
  'array-foreach-arrow': [H, at('arrayForEachArrow', 'fe-call'), at('arrayForEachArrow/<', 'fe-cb'), at('failInCallback', 'cb-throw')],
  'array-sort-comparator': [H, at('arraySortComparator', 'sort-call'), at('arraySortComparator/<', 'sort-throw')],
  'json-parse-reviver': [H, at('jsonParseReviver', 'json-call'), at('reviver', 'json-cb'), at('failInCallback', 'cb-throw')],
  'json-parse-syntax-error': [H, at('jsonParseSyntaxError', 'jsonsx-call')],
  'promise-then-callback': [at('onFulfilled', 'then-cb'), at('failInCallback', 'cb-throw')],
  'settimeout-callback': [at('onTimer', 'timer-cb'), at('failInCallback', 'cb-throw')],
  'generator-next': [H, at('generatorNext', 'gen-next'), at('numbers', 'gen-cb'), at('failInCallback', 'cb-throw')],
  'function-call-apply': [H, at('functionCallApply', 'fapply'), at('viaApply', 'fapply-call'), at('viaCall', 'fcall-cb'), at('failInCallback', 'cb-throw')],
  'class-constructor': [H, at('classConstructor', 'cc-new'), at('Widget', 'w-ctor-throw')],
  'class-method': [H, at('classMethod', 'cm-call'), at('render', 'w-render-throw')],
  'class-static-method': [H, at('classStaticMethod', 'cs-call'), at('create', 'w-create'), at('Widget', 'w-ctor-throw')],
  'class-getter': [H, at('classGetter', 'cg-get'), at('get size', 'w-get-throw')],
  'class-setter': [H, at('classSetter', 'cset-set'), at('set size', 'w-set-throw')],
  'class-private-method': [H, at('classPrivateMethod', 'cp-call'), at('reveal', 'w-reveal'), at('#secret', 'w-private-throw')],
  'object-literal-method': [H, at('objectLiteralMethod', 'olm-call'), at('shorthand', 'api-short-call'), at('fetchData', 'api-throw')],
  'method-alias': [H, at('methodAlias', 'alias-call'), at('fetchData', 'api-throw')],
  'anonymous-function': [H, at('anonymousFunction', 'anon-call'), at('anonymousFunction/<', 'anon-throw')],
  'arrow-functions': [H, at('arrowFunctions', 'arrow-call'), at('named', 'arrow-map'), at('arrowFunctions/named/<', 'arrow-throw')],
  'new-frames': [H, at('newFrames', 'nf-new'), at('Outer', 'outer-new'), at('Legacy', 'legacy-init'), at('Legacy.prototype.init', 'legacy-throw')],
  'async-await-chain': [at('level3', 'l3-throw')],
  'promise-all-rejection': [at('fetchFails', 'pa-throw')],
  'async-arrow-sync-throw': [H, at('asyncArrowSyncThrow', 'aa-call'), at('check', 'aa-throw')],
  'eval-direct': [H, at('evalDirect', 'evd-call'),
    ffEval('', 'evd-call', [], { base: 'evd-src', id: 'evd-inner' }),
    ffEval('inEval', 'evd-call', [], { base: 'evd-src', id: 'evd-throw' })],
  'eval-indirect': [H, at('evalIndirect', 'evi-call'), ffEval('', 'evi-call', [], { base: 'evi-src', id: 'evi-throw' })],
  'eval-nested': [H, at('evalNested', 'evn-call'),
    ffEval('', 'evn-call', [], { base: 'evn-outer-src', id: 'evn-inner-call' }),
    ffEval('', 'evn-call', [{ base: 'evn-outer-src', id: 'evn-inner-call' }], { base: 'evn-inner-src', id: 'evn-deepest' }),
    ffEval('deepest', 'evn-call', [{ base: 'evn-outer-src', id: 'evn-inner-call' }], { base: 'evn-inner-src', id: 'evn-throw' })],
  'eval-sourceurl': [H, at('evalSourceUrl', 'evs-call'),
    atSourceUrl('', 'generated/eval-source.js', 'evs-src', 'evs-inner'),
    atSourceUrl('named', 'generated/eval-source.js', 'evs-src', 'evs-throw')],
  'new-function': [H, at('newFunction', 'nfn-call'), ffEval('anonymous', 'nfn-ctor', [], { base: 'nfn-body', id: 'nfn-throw', kind: 'Function' })],
  'multiline-message': [H, at('multilineMessage', 'ml-throw')],
  'message-with-fake-frames': [H, at('messageWithFakeFrames', 'fake-throw')],
  'custom-error-class': [H, at('customErrorClass', 'ce-throw'), at('ValidationError', 've-super')],
  'name-message-changed-after-stack': [H, at('nameMessageChangedAfterStack', 'nmc-new')],
  'name-changed-before-stack': [H, at('nameChangedBeforeStack', 'ncb-new')],
  'empty-name-and-message': [H, at('emptyNameAndMessage', 'enm-new')],
  'null-property-typeerror': [H, at('nullPropertyTypeError', 'npt-throw')],
  'call-undefined-function': [H, at('callUndefinedFunction', 'cuf-throw')],
  'deep-recursion': [H, at('deepRecursion', 'deep-call'), repeat(120, at('recurse', 'rec-call')), at('recurse', 'rec-throw')],
  // only the newest FIREFOX_MAX_FRAMES frames are kept; the newest one (where
  // the overflow was detected) points at the `return`, the others at the call
  'stack-overflow': [repeat(FIREFOX_MAX_FRAMES - 1, at('overflow', 'ovf-call')), at('overflow', 'ovf-top')],
  'minified-long-line': [H, anon('min-case'), at('y', 'min-call'), at('z', 'min-iife'), at('z/<', 'min-throw')],
  'encoded-url': [H, at('encodedUrl', 'enc-call'), at('encodedPathFn', 'enc-throw')],
  'dom-exception-platform': [H, at('domExceptionPlatform', 'dom-qs')],
  'dom-exception-constructed': [H, at('domExceptionConstructed', 'dom-new')],
  'dom-event-listener': [H, at('domEventListener', 'dom-dispatch'), at('onPing', 'dom-listener-throw')],
  'blob-url-script': [H, at('blobUrlScript', 'blob-call'), at('blobHelper', 'blob-throw')],
  'data-url-script': [H, at('dataUrlScript', 'data-call'), at('dataHelper', 'data-throw')],
  'inline-script': [H, at('inlineScript', 'inline-call'), at('inlineHelper', 'inline-throw')],
  'wasm-trap-named': [H, at('wasmTrapNamed', 'wt-named'), trap('named', wasmAt.named)],
  'wasm-trap-fnames': [H, at('wasmTrapFnames', 'wt-fnames'), trap('fnames', wasmAt.fnames)],
  'wasm-trap-unnamed': [H, at('wasmTrapUnnamed', 'wt-unnamed'), trap('unnamed', wasmAt.unnamed)],
  'wasm-calls-js-named': [H, at('wasmCallsJsNamed', 'wc-named'), callsJs('named', wasmAt.named)],
  'wasm-calls-js-unnamed': [H, at('wasmCallsJsUnnamed', 'wc-unnamed'), callsJs('unnamed', wasmAt.unnamed)],
  'wasm-divide-by-zero': [H, at('wasmDivideByZero', 'wd-named'), ffWasm('named', 'div', wasmAt.named)],
  'wasm-streaming-trap-named': [H, at('wasmStreamingTrapNamed', 'wst-named'), trap('named', wasmAt.namedStreaming)],
  'wasm-streaming-calls-js-unnamed': [H, at('wasmStreamingCallsJsUnnamed', 'wsc-unnamed'), callsJs('unnamed', wasmAt.unnamedStreaming)],
}
