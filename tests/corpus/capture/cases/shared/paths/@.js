// A file named `@.js`, staged or served under an unusual directory (Node and
// JSC: an unbalanced parenthesis after a space; browsers: a long query).
function atSignFile(n) {
  throw /*@ho-asf-throw*/new Error/*@ho-asf-throw:jsc*/('from @.js ' + n);
}

defineCase('at-sign-file-name', function atSignFileName() {
  (function () {
    atSignFile/*@ho-asf-call*/(22);
  })/*@ho-asf-iife*/();
});
