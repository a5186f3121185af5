/** Importing `wasm-sentry/wasm` installs the registry of wasm modules at once (it otherwise installs when the SDK's wasm loads): events then carry debug images for modules the app compiles before that. */
export function installModuleRegistry(): void
export function buildIdOf(url: string): string | undefined
