//! The platform layer (wasm32 only): the JS imports the SDK needs, and the
//! exports the JS shim calls. It holds the one client; everything it does is
//! a call into `core` with strings and numbers, plus a send. Built with the
//! `demangler` feature, it is the demangler module's exports instead:
//! demangling and `parseStack`'s.

#[cfg(feature = "small-alloc")]
mod alloc;
#[cfg(all(feature = "rust-api", not(feature = "demangler")))]
pub mod api;
#[cfg_attr(any(not(feature = "rust-api"), feature = "demangler"), allow(dead_code))]
mod bindings;
#[cfg(feature = "demangler")]
pub mod demangler;
#[cfg(not(feature = "demangler"))]
#[doc(hidden)]
pub mod exports;
#[cfg(not(feature = "demangler"))]
#[cfg_attr(not(feature = "rust-api"), allow(dead_code))]
mod hub;
#[cfg(all(feature = "rust-api", not(feature = "demangler")))]
pub mod panic;
#[doc(hidden)]
pub mod parse;
#[cfg(not(feature = "demangler"))]
mod transport;
