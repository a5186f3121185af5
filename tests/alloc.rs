//! The npm package's allocator (src/web/alloc.rs) on the host, over a fake
//! linear memory: its tests are in that file.
#![cfg(not(target_arch = "wasm32"))]
#![allow(dead_code)]

#[path = "../src/web/alloc.rs"]
mod alloc;
