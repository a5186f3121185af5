// JavaScriptCore expectations, oldest frame first, written from the case
// sources. JSC's rules as observed: a call's column is its `(` (the end of the
// callee), `new X(…)` and `throw new X(…)` point at the `(` too; names are as
// written (accessors and methods by their bare name), '' for anonymous
// functions, `global code` / `eval code` for top-level code, `anonymous` for
// new Function; builtins print `name@[native code]`; frames inside eval'd
// code print no location at all; only the synchronous part of an async chain.
import { at, anon, native, noLocation, jscWasm, repeat } from '../lib/expect.mjs'
import HELDOUT2 from './jsc-heldout2.mjs'
import HELDOUT3 from './jsc-heldout3.mjs'

const H = at('runCase', 'h-run')
const trap = (m) => [jscWasm(m, 'call_middle'), jscWasm(m, 'trap')]
const callsJs = (m) => [jscWasm(m, 'call_call_js'), jscWasm(m, 'call_js'), at('jsThrow', 'jwjs-throw')]

// JSC keeps Error.stackTraceLimit frames (100 by default).
export const JSC_MAX_FRAMES = 100

export default {
  ...HELDOUT2,
  ...HELDOUT3,
  'nested-files': [H, at('nestedFiles', 'na-call'), at('nestedB', 'nb-call'), at('nestedC', 'nc-throw')],
  'array-map-callback': [H, at('arrayMapCallback', 'map-call'), native('map'), at('mapper', 'map-cb'), at('failInCallback', 'cb-throw')],
  'array-foreach-arrow': [H, at('arrayForEachArrow', 'fe-call'), native('forEach'), anon('fe-cb'), at('failInCallback', 'cb-throw')],
  'array-sort-comparator': [H, at('arraySortComparator', 'sort-call'), native('sort'), anon('sort-throw')],
  'json-parse-reviver': [H, at('jsonParseReviver', 'json-call'), native('parse'), at('reviver', 'json-cb'), at('failInCallback', 'cb-throw')],
  'json-parse-syntax-error': [H, at('jsonParseSyntaxError', 'jsonsx-call'), native('parse')],
  'promise-then-callback': [at('onFulfilled', 'then-cb'), at('failInCallback', 'cb-throw')],
  'settimeout-callback': [at('onTimer', 'timer-cb'), at('failInCallback', 'cb-throw')],
  'generator-next': [H, at('generatorNext', 'gen-next'), at('numbers', 'gen-cb'), at('failInCallback', 'cb-throw')],
  'function-call-apply': [H, at('functionCallApply', 'fapply'), at('viaApply', 'fapply-call'), at('viaCall', 'fcall-cb'), at('failInCallback', 'cb-throw')],
  'class-constructor': [H, at('classConstructor', 'cc-new'), at('Widget', 'w-ctor-throw')],
  'class-method': [H, at('classMethod', 'cm-call'), at('render', 'w-render-throw')],
  'class-static-method': [H, at('classStaticMethod', 'cs-call'), at('create', 'w-create'), at('Widget', 'w-ctor-throw')],
  'class-getter': [H, at('classGetter', 'cg-get'), at('size', 'w-get-throw')],
  'class-setter': [H, at('classSetter', 'cset-set'), at('size', 'w-set-throw')],
  // `return this.#secret()` in (strict) class code is a proper tail call in JSC: no `reveal` frame
  'class-private-method': [H, at('classPrivateMethod', 'cp-call'), at('#secret', 'w-private-throw')],
  'object-literal-method': [H, at('objectLiteralMethod', 'olm-call'), at('shorthand', 'api-short-call'), at('fetchData', 'api-throw')],
  'method-alias': [H, at('methodAlias', 'alias-call'), at('fetchData', 'api-throw')],
  'anonymous-function': [H, at('anonymousFunction', 'anon-call'), anon('anon-throw')],
  'arrow-functions': [H, at('arrowFunctions', 'arrow-call'), at('named', 'arrow-map'), native('map'), anon('arrow-throw')],
  'new-frames': [H, at('newFrames', 'nf-new'), at('Outer', 'outer-new'), at('Legacy', 'legacy-init'), anon('legacy-throw')],
  'async-await-chain': [at('level3', 'l3-throw')],
  'promise-all-rejection': [at('fetchFails', 'pa-throw')],
  // an async arrow runs its body in an anonymous frame below a `check` frame at the arrow's `=>`
  'async-arrow-sync-throw': [H, at('asyncArrowSyncThrow', 'aa-call'), at('check', 'aa-arrow'), anon('aa-throw')],
  'eval-direct': [H, at('evalDirect', 'evd-call'), native('eval'), noLocation('eval code'), noLocation('inEval')],
  'eval-indirect': [H, at('evalIndirect', 'evi-call'), native('eval'), noLocation('eval code')],
  'eval-nested': [H, at('evalNested', 'evn-call'), native('eval'), noLocation('eval code'), native('eval'), noLocation('eval code'), noLocation('deepest')],
  'eval-sourceurl': [H, at('evalSourceUrl', 'evs-call'), native('eval'), noLocation('eval code'), noLocation('named')],
  'new-function': [H, at('newFunction', 'nfn-call'), noLocation('anonymous')],
  'multiline-message': [H, at('multilineMessage', 'ml-throw')],
  'message-with-fake-frames': [H, at('messageWithFakeFrames', 'fake-throw')],
  'custom-error-class': [H, at('customErrorClass', 'ce-throw'), at('ValidationError', 've-super')],
  'name-message-changed-after-stack': [H, at('nameMessageChangedAfterStack', 'nmc-new')],
  'name-changed-before-stack': [H, at('nameChangedBeforeStack', 'ncb-new')],
  'empty-name-and-message': [H, at('emptyNameAndMessage', 'enm-new')],
  'null-property-typeerror': [H, at('nullPropertyTypeError', 'npt-throw')],
  'call-undefined-function': [H, at('callUndefinedFunction', 'cuf-throw')],
  'deep-recursion': [H, at('deepRecursion', 'deep-call'), repeat(120, at('recurse', 'rec-call')), at('recurse', 'rec-throw')],
  'stack-overflow': repeat(JSC_MAX_FRAMES, at('overflow', 'ovf-call')),
  'minified-long-line': [H, anon('min-case'), at('y', 'min-call'), at('z', 'min-iife'), anon('min-throw')],
  'encoded-url': [H, at('encodedUrl', 'enc-call'), at('encodedPathFn', 'enc-throw')],
  'wasm-trap-named': [H, at('wasmTrapNamed', 'jwt-named'), trap('named')],
  'wasm-trap-fnames': [H, at('wasmTrapFnames', 'jwt-fnames'), trap('fnames')],
  'wasm-trap-unnamed': [H, at('wasmTrapUnnamed', 'jwt-unnamed'), trap('unnamed')],
  'wasm-calls-js-named': [H, at('wasmCallsJsNamed', 'jwc-named'), callsJs('named')],
  'wasm-calls-js-unnamed': [H, at('wasmCallsJsUnnamed', 'jwc-unnamed'), callsJs('unnamed')],
  'wasm-divide-by-zero': [H, at('wasmDivideByZero', 'jwd-named'), jscWasm('named', 'div')],
  // held-out cases (cases/shared/heldout.js, cases/shared/paths/); no
  // queue-microtask (the jsc shell has no queueMicrotask)
  'name-with-at-sign': [H, at('nameWithAtSign', 'ho-at-call'), at('user@host', 'ho-at-throw')],
  'name-with-star': [H, at('nameWithStar', 'ho-star-call'), at('glob*match', 'ho-star-throw')],
  'name-with-newline': [H, at('nameWithNewline', 'ho-nl-call'), at('first line\nsecond line', 'ho-nl-throw')],
  'name-with-parentheses': [H, at('nameWithParentheses', 'ho-paren-call'), at('retry (attempt 2) at step', 'ho-paren-throw')],
  'name-unbalanced-paren-eval': [H, at('nameUnbalancedParenEval', 'ho-unb-call'), at('open (paren', 'ho-unb-eval'), native('eval'), noLocation('eval code')],
  'name-with-colon-digits': [H, at('nameWithColonDigits', 'ho-colon-call'), at('v2:10:20', 'ho-colon-throw')],
  // JSC names functions as written, not by a redefined `name`
  'defined-name-keyword-prefix': [H, at('definedNameKeywordPrefix', 'ho-kw-call'), at('sessionStart', 'ho-kw-inner'), at('retryJob', 'ho-kw-throw')],
  'function-named-async': [H, at('functionNamedAsync', 'ho-async-call'), at('async', 'ho-async-throw')],
  'unicode-identifiers': [H, at('unicodeIdentifiers', 'ho-uni-call'), at('método', 'ho-uni-inner'), at('ünïcødé_名前', 'ho-uni-throw')],
  // computed keys give no name in JSC
  'symbol-iterator-method': [H, at('symbolIteratorMethod', 'ho-sym-call'), anon('ho-sym-throw')],
  'computed-member-assignment': [H, at('computedMemberAssignment', 'ho-cma-call'), anon('ho-cma-throw')],
  'proxy-apply-trap': [H, at('proxyApplyTrap', 'ho-pa-call'), native(''), at('apply', 'ho-pa-throw')],
  'proxy-get-trap': [H, at('proxyGetTrap', 'ho-pg-get'), at('get', 'ho-pg-throw')],
  'reflect-construct': [H, at('reflectConstruct', 'ho-rc-call'), native('construct'), at('Gadget', 'ho-rc-throw')],
  'reflect-apply': [H, at('reflectApply', 'ho-ra-call'), at('applied', 'ho-ra-throw')],
  'reflect-get-accessor': [H, at('reflectGetAccessor', 'ho-rg-call'), native('get'), at('readTotal', 'ho-rg-throw')],
  'class-static-block': [H, at('classStaticBlock', 'ho-sb-class'), anon('ho-sb-call'), at('staticBlockHelper', 'ho-sb-throw')],
  // the field initializer runs inside the (default, location-less) constructor frame
  'class-field-initializer': [H, at('classFieldInitializer', 'ho-fi-new'), noLocation('Form'), at('staticBlockHelper', 'ho-sb-throw')],
  'async-generator-for-await': [at('asyncGeneratorForAwait', 'ho-ag-for'), at('pages', 'ho-ag-throw')],
  'promise-any-member': [at('settleMember', 'ho-pm-throw')],
  'promise-allsettled-reason': [at('settleMember', 'ho-pm-throw')],
  'bound-function': [H, at('boundFunction', 'ho-bf-call'), at('boundTarget', 'ho-bf-throw')],
  'call-call': [H, at('callCall', 'ho-cc-call'), at('callee', 'ho-cc-throw')],
  'coercion-tostring': [H, at('coercionToString', 'ho-ts-call'), at('toString', 'ho-ts-throw')],
  'coercion-valueof': [H, at('coercionValueOf', 'ho-vo-call'), at('valueOf', 'ho-vo-throw')],
  'array-from-mapper': [H, at('arrayFromMapper', 'ho-af-call'), native('from'), at('toRow', 'ho-af-throw')],
  'string-replace-callback': [H, at('stringReplaceCallback', 'ho-sr-call'), native('anonymous'), at('onMatch', 'ho-sr-throw')],
  'json-stringify-replacer': [H, at('jsonStringifyReplacer', 'ho-js-call'), native('stringify'), at('replacer', 'ho-js-throw')],
  'intl-format-valueof': [H, at('intlFormatValueOf', 'ho-intl-call'), native('format'), at('price', 'ho-intl-throw')],
  'tagged-template': [H, at('taggedTemplate', 'ho-tt-call'), at('sql', 'ho-tt-throw')],
  'with-statement': [H, at('withStatement', 'ho-with-call'), at('lookup', 'ho-with-throw')],
  'arguments-callee': [H, at('argumentsCallee', 'ho-ac-call'), repeat(2, at('countdown', 'ho-ac-rec')), at('countdown', 'ho-ac-throw')],
  'method-named-at-and-eval': [H, at('methodNamedAtAndEval', 'ho-me-call'), at('at', 'ho-me-eval'), at('eval', 'ho-me-throw')],
  'eval-function-eval': [H, at('evalFunctionEval', 'ho-efe-call'), native('eval'), noLocation('eval code'), noLocation('anonymous'), native('eval'), noLocation('eval code')],
  'eval-sourceurl-paren': [H, at('evalSourceUrlParen', 'ho-esp-call'), native('eval'), noLocation('eval code'), noLocation('chunk')],
  'weird-directory-path': [H, at('weirdDirectoryPath', 'ho-wp-outer'), at('weirdPathOuter', 'ho-wp-call'), at('atSignFile', 'ho-asf-throw')],
  'at-sign-file-name': [H, at('atSignFileName', 'ho-asf-iife'), anon('ho-asf-call'), at('atSignFile', 'ho-asf-throw')],
}
