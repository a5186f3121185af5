// JavaScriptCore expectations of the second held-out round
// (cases/shared/heldout2.js, shared/bundle/, lib/bundle-min.mjs,
// jsc/heldout2.js), oldest frame first, from the markers. The jsc shell has no
// EventTarget, CustomEvent, MessageChannel or structuredClone.
import { at, anon, native, noLocation, repeat } from '../lib/expect.mjs'

const H = at('runCase', 'h-run')
const FAIL = at('h2Fail', 'h2-throw')

export default {
  'array-reduce-callback': [H, at('arrayReduceCallback', 'h2-reduce-call'), native('reduce'), at('sumUp', 'h2-reduce-cb'), FAIL],
  'array-flatmap-callback': [H, at('arrayFlatMapCallback', 'h2-flatmap-call'), at('expand', 'h2-flatmap-cb'), FAIL],
  'array-find-arrow': [H, at('arrayFindArrow', 'h2-find-call'), native('find'), anon('h2-find-cb'), FAIL],
  'promise-finally-callback': [native(''), at('onSettled', 'h2-finally-cb'), FAIL],
  'json-stringify-getter': [H, at('jsonStringifyGetter', 'h2-stringify'), native('stringify'), at('total', 'h2-getter-call'), FAIL],
  'capture-stack-trace-plain-object': [H, at('captureStackTracePlainObject', 'h2-cst-outer'), at('h2CallApi', 'h2-cst-call')],
  'stack-trace-limit-1': [FAIL],
  'object-spread-getter': [H, at('objectSpreadGetter', 'h2-spread'), at('token', 'h2-spread-get'), FAIL],
  'template-literal-toprimitive': [H, at('templateLiteralToPrimitive', 'h2-prim'), anon('h2-prim-call'), FAIL],
  'class-field-arrow-handler': [H, at('classFieldArrowHandler', 'h2-field-click'), anon('h2-field-call'), FAIL],
  'super-method-call': [H, at('superMethodCall', 'h2-super-outer'), at('render', 'h2-super-call'), at('render', 'h2-super-base'), FAIL],
  'stack-trace-limit-300': [H, at('stackTraceLimit300', 'h2-limit300'), at('h2WithLimit', 'h2-limit-run'), repeat(290, at('h2Layer', 'h2-layer-call')), at('h2Layer', 'h2-layer-throw'), FAIL],
  'message-with-stack-changed-after-read': [H, at('messageWithStackChangedAfterRead', 'h2-mwsc-new')],
  'eval-sourceurl-new-function': [H, at('evalSourceUrlNewFunction', 'h2-esf-call'), native('eval'), noLocation('eval code'), noLocation('anonymous')],
  'stack-trace-limit-50': [repeat(48, at('h2Layer', 'h2-layer-call')), at('h2Layer', 'h2-layer-throw'), FAIL],
  'async-recursion-30': [at('h2Descend', 'h2-async-throw')],
  'async-recursion-30-limit-50': [at('h2Descend', 'h2-async-throw')],
  // JSC gives no name to a function assigned to a property (options.factory, t.default, e[n])
  'webpack-module-factory': [H, at('webpackModuleFactory', 'wp-case'), at('__webpack_require__', 'wp-exec'), anon('wp-orig'),
    at('./app/(dashboard)/users/[id]/page.tsx', 'wp-page-call'), at('format', 'wp-format-throw')],
  'webpack-eval-sourceurl-module': [H, at('webpackEvalSourceUrlModule', 'wp-eval-case'), at('__webpack_require__', 'wp-exec'), anon('wp-orig'),
    at('./src/(app)/settings/page.tsx', 'wp-eval'), native('eval'), noLocation('eval code'), noLocation('Settings')],
  'minified-bundle-names': [H, anon('mb-case'), at('$', 'mb-underscore'), at('_', 'mb-dollars'), at('$$e', 'mb-map'), native('map'), anon('mb-tdefault'),
    anon('mb-rdefault'), at('t', 'mb-computed'), anon('mb-throw')],
  'dynamic-import-throws': [at('module code', 'h2tl-throw')],
  'top-level-await-throws': [at('module code', 'h2tla-call'), at('checkConfig', 'h2tla-throw')],
}
