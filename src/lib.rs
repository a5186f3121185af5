//! wasm-sentry: an error-capture SDK for the web, in Rust compiled to
//! WebAssembly, speaking Sentry's protocol.
//!
//! [`core`] is pure Rust and host-testable. The platform layer (`web`, wasm32
//! only) installs nothing by itself: the npm package's JS shim drives it, and
//! it sends envelopes with `fetch`.

pub mod core;

#[cfg(test)]
mod testing;

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

pub use crate::core::protocol::{Breadcrumb, Event, EventId, Exception, Mechanism, Stacktrace};
pub use crate::core::scope::Scope;
pub use crate::core::value::Value;
/// The Rust API, for Rust apps compiled to wasm that depend on this crate
/// (wasm32 only): the `sentry` crate's shape. See `examples/rust-app`.
#[cfg(all(target_arch = "wasm32", feature = "rust-api"))]
pub use crate::web::api::{
    add_breadcrumb, capture_error, capture_event, capture_message, close, configure_scope, flush, init, is_enabled, with_scope, ClientInitGuard, ClientOptions,
    Flush,
};
#[cfg(all(target_arch = "wasm32", feature = "rust-api"))]
pub use crate::web::panic::{capture_panic, register_panic_hook};
