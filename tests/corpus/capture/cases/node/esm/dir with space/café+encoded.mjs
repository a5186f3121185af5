// Its file:// URL has %20, %C3%A9 and a literal "+".
export function encodedHelper() {
  throw new URIError('from a module in a directory with a space')
}
