// Second held-out round: a generated production bundle, one line of ~150k
// characters (served as /assets/index-4f2a9c1e.js), where many frames share
// line 1 at different columns and functions carry the names minifiers give:
// `$`, `_`, `$$e`, `t.default` (assigned), `t` stored as `default`
// (V8: `Object.t [as default]`), `e[n]` (V8: `e.<computed>`), an anonymous
// map callback. Deterministic, so columns are stable.
import fs from 'node:fs'

export function writeMinifiedBundle(file) {
  const table = Array.from({ length: 16000 }, (_, i) => (i * 6007) % 10009).join(',')
  const src =
    `var Q2=[${table}];` +
    '!function(){var t={},e={},n="handle"+"Click",r={default:function t(a){return e[n]/*@mb-computed*/(a)}};' +
    'function $(a){return /*@mb-underscore*/_/*@mb-underscore:jsc*/(a)+Q2[0]}' +
    'function _(a){return /*@mb-dollars*/$$e/*@mb-dollars:jsc*/(a)}' +
    'function $$e(a){return[a]./*@mb-map*/map/*@mb-map:jsc*/(function(x){return t./*@mb-tdefault*/default/*@mb-tdefault:jsc*/(x)})[0]}' +
    't.default=function(a){return r./*@mb-rdefault*/default/*@mb-rdefault:jsc*/(a)};' +
    'e[n]=function(a){throw /*@mb-throw*/new TypeError/*@mb-throw:jsc*/("Cannot read properties of undefined (reading \'map\')")};' +
    'defineCase("minified-bundle-names",function(){return /*@mb-case*/$/*@mb-case:jsc*/(1)})}();'
  fs.writeFileSync(file, src)
}
