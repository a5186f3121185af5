//! wasm-sentry: an error-capture SDK for the web, in Rust compiled to
//! WebAssembly, speaking Sentry's protocol.
//!
//! [`core`] is pure Rust and host-testable. The platform layer (`web`, wasm32
//! only) installs nothing by itself: the npm package's JS shim drives it, and
//! it sends envelopes with `fetch`.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use crate::core::dsn::{Dsn, ParseDsnError};
pub use crate::core::protocol::{Frame, Level, SDK_VERSION};

/// The Sentry frames (oldest first) of a JS `stack` string from any engine:
/// V8, SpiderMonkey, JavaScriptCore, with WebAssembly frames. Pass the
/// error's `name` and `message` when known, so that a multi-line header is
/// told apart from the frames. The same as `parseStack` in JS.
pub fn parse_stack(stack: &str, name: &str, message: &str) -> Vec<Frame> {
    crate::core::stacktrace::parse(stack, name, message, "")
}
