#!/usr/bin/env bash
# Builds examples/rust-app (a Rust web app that uses the crate's Rust API)
# into examples/rust-app/dist/: `cargo build --release` for wasm32 with the
# stock std (panic messages kept, `panic = "abort"`), then `wasm-bindgen
# --target web`. The name section stays (no wasm-opt, no strip), so wasm
# frames carry the app's function names. Served by tests/e2e/rust.test.mjs.
set -euo pipefail
cd "$(dirname "$0")/../examples/rust-app"
cargo build --quiet --release --target wasm32-unknown-unknown --target-dir ../../target/rust-app
rm -rf dist
wasm-bindgen --target web --no-typescript --out-dir dist ../../target/rust-app/wasm32-unknown-unknown/release/rust_app.wasm
