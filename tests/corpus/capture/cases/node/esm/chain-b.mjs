export function middleStep(kind) {
  const steps = [kind]
  return steps.map((step) => finalStep(step))
}

function finalStep(step) {
  throw new RangeError('step out of range: ' + step)
}

export class Queue {
  static async drain() {
    await null
    await Queue.#flush()
  }
  static async #flush() {
    throw new Error('queue flush failed')
  }
}
