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
pub use crate::core::protocol::{Level, SDK_VERSION};
