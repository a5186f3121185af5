'use strict'
// Staged as node_modules/@heldout/scoped: a scoped package (an `@` in the path).
exports.validate = function validate(input, onError) {
  try {
    JSON.parse(input)
  } catch (e) {
    return onError(e)
  }
}
