// Not valid JavaScript: the loader fails while parsing it.
export function broken() {
  return {
}
