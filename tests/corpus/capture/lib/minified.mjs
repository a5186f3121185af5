// A generated "minified bundle": one line of ~120k characters, so the throw
// and call columns land far beyond 10 000. Deterministic, so columns are stable.
import fs from 'node:fs'

export function writeMinified(file) {
  const table = Array.from({ length: 16000 }, (_, i) => (i * 7919) % 10007).join(',')
  const src =
    `var q=[${table}];` +
    'function z(a){return a.length>q.length?a:' +
    'function(b){throw /*@min-throw*/new Error/*@min-throw:jsc*/("minified: "+b.length)}/*@min-iife*/(a)}' +
    `var w=[${table}].map(function(x){return x^7});` +
    'function y(a){return /*@min-call*/z/*@min-call:jsc*/(q)+w[a]}' +
    'defineCase("minified-long-line",function(){return /*@min-case*/y/*@min-case:jsc*/(1)});'
  fs.writeFileSync(file, src)
}
