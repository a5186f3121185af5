// Imported as ./query.mjs?version=2&debug#section: the query and fragment are part of its URL.
export function queryHelper() {
  throw new EvalError('from a module imported with a query string')
}
