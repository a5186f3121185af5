// Callbacks invoked by builtins: the builtin's own frame sits between ours.
function failInCallback(what) {
  throw /*@cb-throw*/new TypeError/*@cb-throw:jsc*/('callback failed in ' + what);
}

defineCase('array-map-callback', function arrayMapCallback() {
  return [1, 2, 3]./*@map-call*/map/*@map-call:jsc*/(function mapper(x) {
    return /*@map-cb*/failInCallback/*@map-cb:jsc*/('map ' + x);
  });
});

defineCase('array-foreach-arrow', function arrayForEachArrow() {
  ['a']./*@fe-call*/forEach/*@fe-call:jsc*/((item) => { failInCallback/*@fe-cb*/('forEach ' + item); });
});

defineCase('array-sort-comparator', function arraySortComparator() {
  [3, 1, 2]./*@sort-call*/sort/*@sort-call:jsc*/(function (a, b) {
    throw /*@sort-throw*/new RangeError/*@sort-throw:jsc*/('cannot compare ' + a + ' and ' + b);
  });
});

defineCase('json-parse-reviver', function jsonParseReviver() {
  return JSON./*@json-call*/parse/*@json-call:jsc*/('{"a":1}', function reviver(key, value) {
    if (key === 'a') failInCallback/*@json-cb*/('reviver');
    return value;
  });
});

defineCase('json-parse-syntax-error', function jsonParseSyntaxError() {
  return JSON./*@jsonsx-call*/parse/*@jsonsx-call:jsc*/('{"unterminated": ');
});

defineCase('promise-then-callback', function promiseThenCallback() {
  return Promise.resolve(7).then(function onFulfilled(v) {
    failInCallback/*@then-cb*/('then ' + v);
  });
});

defineCase('settimeout-callback', function setTimeoutCallback() {
  return new Promise(function (resolve, reject) {
    setTimeout(function onTimer() {
      try {
        failInCallback/*@timer-cb*/('setTimeout');
      } catch (e) {
        reject(e);
      }
    }, 0);
  });
});

defineCase('generator-next', function generatorNext() {
  function* numbers() {
    yield 1;
    failInCallback/*@gen-cb*/('generator');
  }
  var it = /*@gen-make*/numbers/*@gen-make:jsc*/();
  it.next();
  it./*@gen-next*/next/*@gen-next:jsc*/();
});

defineCase('function-call-apply', function functionCallApply() {
  function viaCall(x) { failInCallback/*@fcall-cb*/('call ' + x); }
  function viaApply() { viaCall./*@fapply-call*/call/*@fapply-call:jsc*/({ receiver: true }, 'x'); }
  viaApply./*@fapply*/apply/*@fapply:jsc*/(null, []);
});
