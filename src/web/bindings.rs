//! Every JS import in one place. Globals are taken from `globalThis` (not
//! `window`), so the same module runs in pages, workers, workerd and Node.

use wasm_bindgen::prelude::*;

// The transport ships with the crate as a snippet, so a Rust app that embeds
// the crate in its own wasm gets the same network path as the npm package.
#[wasm_bindgen(module = "/js/transport.js")]
extern "C" {
    /// Starts a POST of `body` to `url`; never throws.
    #[wasm_bindgen(js_name = sendEnvelope)]
    pub fn send_envelope(url: &str, body: &str);

    /// A promise of `true` once every request started so far has settled,
    /// or `false` at the timeout.
    #[wasm_bindgen(js_name = flushPending)]
    pub fn flush_pending(timeout_ms: f64) -> JsValue;
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Date, js_name = now)]
    pub fn date_now() -> f64;

    #[wasm_bindgen(js_namespace = Math, js_name = random)]
    fn math_random() -> f64;
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
