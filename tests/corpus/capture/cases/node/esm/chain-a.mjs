import { middleStep } from './chain-b.mjs'

export function startImport(kind) {
  return middleStep(kind)
}
