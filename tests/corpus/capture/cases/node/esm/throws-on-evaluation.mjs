// Throws while being evaluated (top-level module code, no function name).
const limits = { max: 1 }
if (limits.max < 2) {
  throw new Error('module evaluation failed')
}
