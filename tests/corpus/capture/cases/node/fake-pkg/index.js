// Staged as node_modules/fake-pkg: a third-party package that calls back into
// the app (its frames are not in_app).
'use strict'
function withRetry(task, attempts) {
  for (let i = 0; i < attempts; i++) {
    if (i === attempts - 1) return invokeTask(task, i)
  }
}
function invokeTask(task, attempt) {
  return task(attempt)
}
function failInside(reason) {
  throw new Error('fake-pkg failed: ' + reason)
}
module.exports = { withRetry, failInside }
