// Served as /node_modules/.vite/deps/chunk-ABC123.js?v=abc123 (a dependency
// Vite pre-bundled): not the app's code.
export function invariant(condition, message) {
  if (!condition) throw /*@h2vc-throw*/new Error/*@h2vc-throw:jsc*/('Invariant failed: ' + message);
}
