//! The pure core: protocol, DSN, envelopes, stack parsing and the event
//! pipeline. It uses `std` only, never `wasm-bindgen`/`js-sys`, and never
//! reads the clock or a random source itself, so it runs and is tested on the
//! host with plain `cargo test`.

pub mod client;
pub mod client_report;
pub mod debug_meta;
pub mod demangle;
pub mod dsn;
pub mod envelope;
pub mod json;
pub mod protocol;
pub mod ratelimit;
pub mod scope;
pub mod scrub;
pub mod session;
pub mod stacktrace;
pub mod time;
pub mod transport;
pub mod value;
