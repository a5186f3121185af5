//! The platform layer (wasm32 only): the JS imports the SDK needs, and the
//! exports the JS shim calls. It holds the one client; everything it does is
//! a call into `core` with strings and numbers, plus a send.

#[cfg(feature = "small-alloc")]
mod alloc;
#[cfg(feature = "rust-api")]
pub mod api;
#[cfg_attr(not(feature = "rust-api"), allow(dead_code))]
mod bindings;
#[cfg_attr(not(feature = "rust-api"), allow(dead_code))]
mod hub;
#[cfg(feature = "rust-api")]
pub mod panic;
mod transport;
#[doc(hidden)]
pub mod exports;
