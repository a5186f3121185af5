//! The platform layer (wasm32 only): the JS imports the SDK needs, and the
//! exports the JS shim calls. It holds the one client; everything it does is
//! a call into `core` with strings and numbers, plus a send.

pub mod api;
mod bindings;
mod hub;
pub mod panic;
mod transport;
#[doc(hidden)]
pub mod exports;
