/** Importing `wasm-sentry/wasm` installs the registry of wasm modules (as `@sentry/wasm`'s integration is opted into): events then carry debug images for the modules the app compiles after it. A Rust app built with the crate has it already. */
export function installModuleRegistry(): void
