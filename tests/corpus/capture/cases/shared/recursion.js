// More than 100 frames, and a real stack overflow.
function recurse(n) {
  if (n === 0) throw /*@rec-throw*/new Error/*@rec-throw:jsc*/('bottom of the recursion');
  return /*@rec-call*/recurse/*@rec-call:jsc*/(n - 1);
}

defineCase('deep-recursion', function deepRecursion() {
  // V8 and JSC honour Error.stackTraceLimit (10 and 100 by default): lift it.
  var saved = Error.stackTraceLimit;
  Error.stackTraceLimit = 200;
  try {
    recurse/*@deep-call*/(120);
  } finally {
    Error.stackTraceLimit = saved;
  }
});

function overflow(n) {
  /*@ovf-top*/return /*@ovf-call*/overflow/*@ovf-call:jsc*/(n + 1) + 1;
}

defineCase('stack-overflow', function stackOverflow() {
  /*@ovf-start*/overflow/*@ovf-start:jsc*/(0);
});
