#!/usr/bin/env bash
# Builds examples/rust-app (a Rust web app that uses the crate's Rust API)
# twice, each `cargo build --release` for wasm32 then `wasm-bindgen --target
# web`, with a build id (wasm-ld's `--build-id`, in the app's
# .cargo/config.toml) so that events carry its debug image:
#   dist/         the stock std, `panic = "abort"` (panic messages kept);
#   dist-unwind/  `panic = "unwind"`: std rebuilt with panic_unwind and the
#                 exception-handling target feature (unstable flags, allowed
#                 by RUSTC_BOOTSTRAP=1 as in scripts/build.sh), so the app can
#                 `catch_unwind` a panic the hook reported.
# The name section stays (no wasm-opt, no strip), so wasm frames carry the
# app's function names. Served by tests/e2e/rust.test.mjs.
set -euo pipefail
cd "$(dirname "$0")/../examples/rust-app"
cargo build --quiet --release --target wasm32-unknown-unknown --target-dir ../../target/rust-app
rm -rf dist
wasm-bindgen --target web --no-typescript --out-dir dist ../../target/rust-app/wasm32-unknown-unknown/release/rust_app.wasm

# RUSTFLAGS replaces the config's rustflags: the build id is passed again.
# panic_abort is built too: the crate's own cdylib type asks for it.
RUSTC_BOOTSTRAP=1 RUSTFLAGS="-C link-arg=--build-id=sha1 -C panic=unwind -C target-feature=+exception-handling" \
  cargo build --quiet --release --target wasm32-unknown-unknown --target-dir ../../target/rust-app-unwind \
  --config 'profile.release.panic="unwind"' -Z build-std=std,panic_unwind,panic_abort
rm -rf dist-unwind
wasm-bindgen --target web --no-typescript --out-dir dist-unwind ../../target/rust-app-unwind/wasm32-unknown-unknown/release/rust_app.wasm
