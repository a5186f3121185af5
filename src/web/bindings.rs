//! Every JS import in one place. Globals are taken from `globalThis` (not
//! `window`), so the same module runs in pages, workers, workerd and Node.
//!
//! Two ways across, one set of Rust functions. With the Rust API
//! (`rust-api`): wasm-bindgen imports from the crate's snippets, which a Rust
//! app's own glue wires up. Without it (the npm package's wasms): plain
//! imports of numbers from the module `wasm-sentry`, strings as a pointer and
//! a length in this module's memory, which js/glue.js provides. Those wasms
//! pass no JS value, so wasm-bindgen's generated glue was mostly dead weight.

#[cfg(feature = "rust-api")]
use wasm_bindgen::prelude::*;

// The network path ships with the crate as a snippet, so a Rust app that
// embeds the crate in its own wasm gets the same transport as the npm package.
#[cfg(feature = "rust-api")]
#[wasm_bindgen(module = "/js/transport.js")]
extern "C" {
    /// The transport's requests to its JS half, in one import: `op` (the
    /// `IO_*` constants, as in js/transport.js), a URL and a body, a number.
    #[wasm_bindgen(js_name = io)]
    fn io(op: u32, url: &str, body: &str, n: f64);

    /// The Rust API's own two operations (`IO_IDLE`, `IO_FLUSH`, which
    /// returns a promise): a JS function apart from `io`, so that the npm
    /// package's bundle, which never uses them, leaves their code out.
    #[wasm_bindgen(js_name = rustApiIo)]
    fn rust_api_io(op: u32, n: f64) -> JsValue;

    /// Registers the one callback for responses (`id`, `status`, 0 when the
    /// request failed; the two rate-limit headers), wake-ups (id -1) and
    /// page hide (id -2).
    #[wasm_bindgen(js_name = setHandler)]
    pub fn set_handler(handler: &Closure<dyn FnMut(i32, u16, String, String)>);

    /// Keeps the JS client's `deliver(json)` for events captured from Rust
    /// while the JS hooks are on.
    #[wasm_bindgen(js_name = setDeliver)]
    pub fn set_deliver(deliver: JsValue);

    /// Hands a finished event to the JS client's hooks, synchronously.
    #[wasm_bindgen(js_name = deliver)]
    pub fn deliver(json: &str);

    /// The JS stack here and now (a fresh `Error`'s `stack`, with a limit of
    /// at least 100 frames), or "".
    #[wasm_bindgen(js_name = stackNow)]
    pub fn stack_now() -> String;

    /// `console.warn('[wasm-sentry]', message)`, when there is a console.
    #[wasm_bindgen(js_name = warn)]
    pub fn warn(message: &str);

    /// The build id (lowercase hex) of the wasm module that frames name
    /// `url`, or "" when no module in the registry (js/modules.js), or more
    /// than one, matches; always "" when the registry was not installed.
    #[wasm_bindgen(js_name = buildIdOf)]
    pub fn build_id_of(url: &str) -> String;
}

// The registry of wasm modules (for `debug_meta`), also a snippet: a Rust
// app's glue imports it, which installs it before the app's module is
// instantiated. The npm package leaves it to the app (`wasm-sentry/wasm`).
#[cfg(feature = "rust-api")]
#[wasm_bindgen(module = "/js/modules.js")]
extern "C" {
    /// Installs the registry (a no-op once it is): called at start so that
    /// the glue keeps its import of the snippet, whose loading installs it.
    #[wasm_bindgen(js_name = installModuleRegistry)]
    pub fn install_module_registry();
}

#[cfg(feature = "rust-api")]
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Date, js_name = now)]
    pub fn date_now() -> f64;

    #[wasm_bindgen(js_namespace = Math, js_name = random)]
    pub fn math_random() -> f64;
}

/// The npm package's imports, as js/glue.js names them.
#[cfg(not(feature = "rust-api"))]
mod plain {
    #[link(wasm_import_module = "wasm-sentry")]
    extern "C" {
        /// `io` of js/transport.js, with its two strings as UTF-8 in memory.
        pub fn io(op: u32, url: *const u8, url_len: usize, body: *const u8, body_len: usize, n: f64);
        /// `buildIdOf` of js/transport.js: writes the id (ASCII hex) at
        /// `out`, and returns its length, or 0 when it is longer than `cap`.
        pub fn build_id_of(url: *const u8, url_len: usize, out: *mut u8, cap: usize) -> usize;
        pub fn now() -> f64;
        pub fn random() -> f64;
    }
}

#[cfg(not(feature = "rust-api"))]
fn io(op: u32, url: &str, body: &str, n: f64) {
    // SAFETY: the pointers and lengths are those of live `&str`s, which the
    // import only reads, before it returns.
    unsafe { plain::io(op, url.as_ptr(), url.len(), body.as_ptr(), body.len(), n) }
}

/// The build id (lowercase hex) of the wasm module that frames name `url`,
/// or "" (see `buildIdOf` in js/transport.js).
#[cfg(not(feature = "rust-api"))]
pub fn build_id_of(url: &str) -> String {
    // wasm-ld's ids are 16 to 32 bytes; room for 64.
    let mut id = [0u8; 128];
    // SAFETY: the import writes at most `cap` bytes at `out`, and reads `url` only.
    let n = unsafe { plain::build_id_of(url.as_ptr(), url.len(), id.as_mut_ptr(), id.len()) };
    id.get(..n).filter(|b| b.is_ascii()).map(|b| b.iter().map(|&c| char::from(c)).collect()).unwrap_or_default()
}

#[cfg(not(feature = "rust-api"))]
pub fn date_now() -> f64 {
    // SAFETY: `Date.now`, no arguments.
    unsafe { plain::now() }
}

#[cfg(not(feature = "rust-api"))]
pub fn math_random() -> f64 {
    // SAFETY: `Math.random`, no arguments.
    unsafe { plain::random() }
}

const IO_SEND: u32 = 0;
const IO_SEND_KEEPALIVE: u32 = 1;
const IO_BEACON: u32 = 2;
const IO_WAKE: u32 = 3;
#[cfg(feature = "rust-api")]
const IO_IDLE: u32 = 4;
#[cfg(feature = "rust-api")]
const IO_FLUSH: u32 = 5;
#[cfg(not(feature = "rust-api"))]
const IO_HANDLER: u32 = 6;

/// Registers client.js's transport callback, which calls `dispatch`: the
/// JS transport takes it from where client.js put it just before the call
/// that started the transport, this one (see js/transport.js).
#[cfg(not(feature = "rust-api"))]
pub fn take_js_handler() {
    io(IO_HANDLER, "", "", 0.0);
}

/// Starts a POST of `body` to `url`; its response comes to the handler.
pub fn send_envelope(url: &str, body: &str, keepalive: bool, id: i32) {
    io(if keepalive { IO_SEND_KEEPALIVE } else { IO_SEND }, url, body, f64::from(id));
}

/// Hands a body to `navigator.sendBeacon` (or a keepalive fetch).
pub fn send_beacon(url: &str, body: &str) {
    io(IO_BEACON, url, body, 0.0);
}

/// Calls the handler with id -1 after `ms`, replacing any earlier timer.
pub fn wake_after(ms: f64) {
    io(IO_WAKE, "", "", ms);
}

/// Whether Rust's transport holds nothing (for `flushPending`, which the
/// Rust API's `flush` uses: it works on after the instance trapped).
#[cfg(feature = "rust-api")]
pub fn set_idle(idle: bool) {
    rust_api_io(IO_IDLE, f64::from(u8::from(idle)));
}

/// A promise of `true` once nothing is queued or in flight, or `false` at
/// the timeout.
#[cfg(feature = "rust-api")]
pub fn flush_pending(timeout_ms: f64) -> JsValue {
    rust_api_io(IO_FLUSH, timeout_ms)
}

/// 64 random bits for event ids (ids need uniqueness, not secrecy).
pub fn random_u64() -> u64 {
    let hi = (math_random() * 4_294_967_296.0) as u64;
    let lo = (math_random() * 4_294_967_296.0) as u64;
    (hi << 32) | lo
}

pub fn now_ms() -> u64 {
    date_now() as u64
}
