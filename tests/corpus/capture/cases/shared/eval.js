// eval (direct, indirect, nested, with a sourceURL) and new Function.
// `/*@x-src*/"…"` marks the opening quote of an evaluated string, so positions
// inside it can be computed relative to the evaluated code.
defineCase('eval-direct', function evalDirect() {
  /*@evd-call*/eval/*@evd-call:jsc*/(/*@evd-src*/"function inEval() { throw /*@evd-throw*/new Error('thrown inside eval') }; /*@evd-inner*/inEval()");
});

defineCase('eval-indirect', function evalIndirect() {
  var indirect = eval;
  indirect/*@evi-call*/(/*@evi-src*/"var nothing = null; /*@evi-throw*/nothing.field");
});

defineCase('eval-nested', function evalNested() {
  var innerSrc = /*@evn-inner-src*/"function deepest() { throw /*@evn-throw*/new Error('nested eval') }; /*@evn-deepest*/deepest()";
  /*@evn-call*/eval/*@evn-call:jsc*/(/*@evn-outer-src*/"var unused = 1; /*@evn-inner-call*/eval(innerSrc)");
});

defineCase('eval-sourceurl', function evalSourceUrl() {
  /*@evs-call*/eval/*@evs-call:jsc*/(/*@evs-src*/"function named() { throw /*@evs-throw*/new Error('eval with a sourceURL') }\n/*@evs-inner*/named();\n//# sourceURL=generated/eval-source.js");
});

defineCase('new-function', function newFunction() {
  var fn = /*@nfn-ctor*/new Function/*@nfn-ctor:jsc*/('reason', /*@nfn-body*/"throw /*@nfn-throw*/new Error('new Function: ' + reason)");
  fn/*@nfn-call*/('denied');
});
