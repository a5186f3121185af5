// What the page and Node entries (index.js, node.js) load after `init`: the
// client and the wasm glue, one chunk in a bundle and one request. The
// workers entry has both already, and takes neither from here.
export { createClient } from './client.js'
export { instantiate, initSync, dispatch, importsOf } from './glue.js'
export { statusOf } from './transport.js'
