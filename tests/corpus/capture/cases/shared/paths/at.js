// Staged or served under a directory whose name holds `@`, a space,
// parentheses, `%20` and `:digits` (see the capture scripts), file `at.js`.
function weirdPathOuter(n) {
  return /*@ho-wp-call*/atSignFile/*@ho-wp-call:jsc*/(n);
}

defineCase('weird-directory-path', function weirdDirectoryPath() {
  weirdPathOuter/*@ho-wp-outer*/(21);
});
