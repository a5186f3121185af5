// Firefox (SpiderMonkey) expectations of the second held-out round
// (cases/shared/heldout2.js, shared/bundle/, lib/bundle-min.mjs,
// web/heldout2.js and web/heldout2/), oldest frame first, from the markers.
import { at, anon, atSourceUrl, ffEval, repeat } from '../lib/expect.mjs'
import { inApp } from '../lib/corpus.mjs'

const H = at('runCase', 'h-run')
const ESF_URL = 'webpack://@acme/storefront/./node_modules/ajv/dist/compile/index.js?'
const WP_EVAL_URL = 'webpack-internal:///./src/(app)/settings/page.tsx'
const FAIL = at('h2Fail', 'h2-throw')
// A frame whose location is not a file of ours: a javascript: URL's code.
// (SpiderMonkey: a call right after `void` is at its callee.)
const literal = (name, url, line, col) => () => ({ line: `${name}@${url}:${line}:${col}`, frame: { function: name, abs_path: url, lineno: line, colno: col, in_app: inApp(url) } })

const JS_URL = "javascript:void(h2JsUrl('#checkout'))"
// Code given to setTimeout as a string: SpiderMonkey prints the calling
// script's URL and line, with the column of the position in the string's own
// code (here the `(` of its call).
const TIMER_CODE = "h2TimerString('poll')"
const atLineWithCol = (name, id, col) => (ctx) => {
  const m = ctx.markers.get(id, ctx.engine)
  const url = ctx.urlOf(m.file)
  return { line: `${name}@${url}:${m.line}:${col}`, frame: { function: name, abs_path: url, lineno: m.line, colno: col, in_app: inApp(url) } }
}
// An inline event handler attribute: SpiderMonkey numbers its lines and
// columns from the start of the attribute's value (the page's URL).
const atAttribute = (name, id) => (ctx) => {
  const m = ctx.markers.get(id, ctx.engine)
  const url = ctx.urlOf(m.file)
  const lineText = ctx.markers.texts.get(m.file).split('\n')[m.line - 1]
  const valueStart = lineText.lastIndexOf('="', m.col - 1) + 2 // 0-based index of the value's first character
  const col = m.col - valueStart
  return { line: `${name}@${url}:1:${col}`, frame: { function: name, abs_path: url, lineno: 1, colno: col, in_app: inApp(url) } }
}

export default {
  'array-reduce-callback': [H, at('arrayReduceCallback', 'h2-reduce-call'), at('sumUp', 'h2-reduce-cb'), FAIL],
  'array-flatmap-callback': [H, at('arrayFlatMapCallback', 'h2-flatmap-call'), at('expand', 'h2-flatmap-cb'), FAIL],
  'array-find-arrow': [H, at('arrayFindArrow', 'h2-find-call'), at('arrayFindArrow/<', 'h2-find-cb'), FAIL],
  'promise-finally-callback': [at('onSettled', 'h2-finally-cb'), FAIL],
  'json-stringify-getter': [H, at('jsonStringifyGetter', 'h2-stringify'), at('get total', 'h2-getter-call'), FAIL],
  'capture-stack-trace-plain-object': [H, at('captureStackTracePlainObject', 'h2-cst-outer'), at('h2CallApi', 'h2-cst-call')],
  'stack-trace-limit-1': [FAIL],
  'stack-trace-limit-50': [repeat(48, at('h2Layer', 'h2-layer-call')), at('h2Layer', 'h2-layer-throw'), FAIL],
  'async-recursion-30': [at('h2Descend', 'h2-async-throw')],
  'async-recursion-30-limit-50': [at('h2Descend', 'h2-async-throw')],
  'event-target-custom-event': [H, at('eventTargetCustomEvent', 'h2-et-dispatch'), at('onCartUpdate', 'h2-et-cb'), FAIL],
  'message-channel-handler': [at('onPortMessage', 'h2-mc-cb'), FAIL],
  'structured-clone-function': [H, at('structuredCloneFunction', 'h2-sc-call')],
  'object-spread-getter': [H, at('objectSpreadGetter', 'h2-spread'), at('get token', 'h2-spread-get'), FAIL],
  'template-literal-toprimitive': [H, at('templateLiteralToPrimitive', 'h2-prim'), at('[Symbol.toPrimitive]', 'h2-prim-call'), FAIL],
  'class-field-arrow-handler': [H, at('classFieldArrowHandler', 'h2-field-click'), at('handleClick', 'h2-field-call'), FAIL],
  'super-method-call': [H, at('superMethodCall', 'h2-super-outer'), at('render', 'h2-super-call'), at('render', 'h2-super-base'), FAIL],
  'stack-trace-limit-300': [repeat(126, at('h2Layer', 'h2-layer-call')), at('h2Layer', 'h2-layer-throw'), FAIL],
  'message-with-stack-changed-after-read': [H, at('messageWithStackChangedAfterRead', 'h2-mwsc-new')],
  'eval-sourceurl-new-function': [H, at('evalSourceUrlNewFunction', 'h2-esf-call'), atSourceUrl('', ESF_URL, 'h2-esf-src', 'h2-esf-run'),
    // the Function's introducer chain names the real file, not the sourceURL
    ffEval('anonymous', 'h2-esf-call', [{ base: 'h2-esf-src', id: 'h2-esf-ctor' }], { base: 'h2-esf-body', id: 'h2-esf-throw', kind: 'Function' })],
  'webpack-module-factory': [H, at('webpackModuleFactory', 'wp-case'), at('__webpack_require__', 'wp-exec'), at('options.factory', 'wp-orig'),
    at('./app/(dashboard)/users/[id]/page.tsx', 'wp-page-call'), at('format', 'wp-format-throw')],
  'webpack-eval-sourceurl-module': [H, at('webpackEvalSourceUrlModule', 'wp-eval-case'), at('__webpack_require__', 'wp-exec'), at('options.factory', 'wp-orig'),
    at('./src/(app)/settings/page.tsx', 'wp-eval'),
    atSourceUrl("", WP_EVAL_URL, "wp-eval-src", "wp-eval-call"), atSourceUrl("Settings", WP_EVAL_URL, "wp-eval-src", "wp-eval-throw")],
  'minified-bundle-names': [H, anon('mb-case'), at('$', 'mb-underscore'), at('_', 'mb-dollars'), at('$$e', 'mb-map'), at('$$e/<', 'mb-tdefault'),
    at('t.default', 'mb-rdefault'), at('t', 'mb-computed'), at('e[n]', 'mb-throw')],
  // browsers only
  'worker-dedicated': [at('onJob', 'h2w-process'), at('processJob', 'h2w-lib'), at('makeThumbnail', 'h2w-throw')],
  'worker-module': [at('onRows', 'h2mw-each'), at('onRows/<', 'h2mw-call'), at('parseRow', 'h2csv-throw')],
  'iframe-same-origin': [at('iframeSameOrigin', 'h2-iframe-call'), at('renderWidget', 'h2f-call'), at('formatPrice', 'h2f-throw')],
  'iframe-srcdoc': [at('iframeSrcdoc', 'h2-srcdoc-call'), at('submitForm', 'h2s-call'), at('validateField', 'h2s-throw')],
  'dynamic-import-throws': [anon('h2tl-throw')],
  'top-level-await-throws': [anon('h2tla-call'), at('checkConfig', 'h2tla-throw')],
  'vite-dev-modules': [at('onLoaded', 'h2-vite-call'), at('mount', 'h2vm-call'), at('renderWidget', 'h2vw-call'), at('invariant', 'h2vc-throw')],
  // h2Uncaught runs the trigger in its Promise executor
  'inline-onclick-attribute': [H, at('inlineOnclickAttribute', 'h2-onclick-case'), at('h2Uncaught', 'h2-uncaught-promise'), at('h2Uncaught/<', 'h2-trigger'),
    at('inlineOnclickAttribute/<', 'h2-click'), atAttribute('onclick', 'h2-onclick'), at('h2Purchase', 'h2-purchase'), FAIL],
  'javascript-url': [literal('', JS_URL, 1, JS_URL.indexOf('h2JsUrl') - 'javascript:'.length + 1), at('h2JsUrl', 'h2-jsurl'), FAIL],
  'settimeout-string': [atLineWithCol('', 'h2-settimeout', TIMER_CODE.indexOf('(') + 1), at('h2TimerString', 'h2-timer-string'), FAIL],
  'request-animation-frame': [at('onFrame', 'h2-raf'), FAIL],
  'mutation-observer-callback': [at('onMutations', 'h2-mo'), FAIL],
  'custom-element-callback': [H, at('customElementCallback', 'h2-ce-append'), at('connectedCallback', 'h2-ce'), FAIL],
  // the rejection's stack is the one of the fetch() call
  'fetch-network-error': [H, at('fetchNetworkError', 'h2-fetch')],
}
