// A module of the test site's own: errors thrown here have frames with this file's URL.
export function fail(message) {
  throw new Error(message)
}
