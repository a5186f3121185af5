#!/usr/bin/env bash
# Assembles pkg/, the npm package `wasm-sentry`: the wasms (pages and Node,
# workers, the demangler module), the JS wrapper from js/ (js/glue.js is the
# wasms' JS side), and package.json/README/types from pkg-template/. Expects
# the tools that scripts/setup.sh installs.
set -euo pipefail
cd "$(dirname "$0")/.."

# The package's wasm is built with std rebuilt for immediate-abort panics:
# no panic messages or formatting machinery, which are a quarter of the
# module (8.6 KB gzip when measured). A panic in the SDK was already a trap
# that the JS shim catches; it still is. -Zlocation-detail=none drops the
# file names panics would have printed (0.2 KB gzip); std's optimize_for_size
# feature picks its small variants (sorting, searching: 1.4 KB gzip, no
# slower in bench/browser.mjs or bench/stacks.mjs). LLVM's inline threshold
# for opt-level z is 5; 25 came out 0.3 KB gzip smaller (wasm calls cost
# bytes too), but the best value moves with the code, so re-measure it now
# and then. Last measured (second size round): 18 to 21 give the same
# module, 75 B gzip smaller than 22 to 25; 15 and 30 were about 25's size,
# 35 0.3 KB larger; the benches unchanged. These flags are unstable: no nightly
# toolchain can be fetched here, so RUSTC_BOOTSTRAP=1 allows them on the
# pinned stable one. WASM_SENTRY_STOCK_STD=1 builds with the stock std.
# Without default features: the Rust API (`rust-api`) is for Rust apps that
# embed the crate; the package's JS never calls it. With `small-alloc`: the
# package's own allocator (src/web/alloc.rs) instead of dlmalloc.
# Three modules from the one crate, sharing target/pkg-build (cargo keeps
# each feature set's artifacts; each .wasm is taken out at once):
#   - pages and Node (`lazy-demangle`, `session`): without the demangling grammars and
#     parseStack's exports, which are the demangler module's, loaded by the JS
#     client when a frame needs it or `ready()` is asked for parseStack;
#   - workers (`isolation`: per-request scopes), with the grammars: a worker
#     cannot compile a module at run time, and bundling the demangler module
#     beside the pages' wasm would cost it 5 KB gzip more;
#   - the demangler module (`demangler`).
build() {
  if [ "${WASM_SENTRY_STOCK_STD:-}" = 1 ]; then
    cargo build --quiet --release --lib --no-default-features --features "$1" --target wasm32-unknown-unknown --target-dir target/pkg-build
  else
    RUSTC_BOOTSTRAP=1 RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Cllvm-args=-inline-threshold=20" \
      cargo build --quiet --release --lib --no-default-features --features "$1" --target wasm32-unknown-unknown --target-dir target/pkg-build \
      -Z build-std=std,panic_abort -Z build-std-features=optimize_for_size
  fi
}
OUT=target/pkg-build/wasm32-unknown-unknown/release/wasm_sentry.wasm
rm -rf pkg
mkdir -p pkg
# No wasm-bindgen for the package's wasms: without the Rust API they have
# plain exports and imports, and js/glue.js is their JS side (see
# src/web/bindings.rs). wasm-bindgen's generated glue was 1.5 KB gzip.
build small-alloc,lazy-demangle,session
cp "$OUT" pkg/wasm_sentry_bg.wasm
build small-alloc,isolation
cp "$OUT" pkg/wasm_sentry_worker_bg.wasm
build small-alloc,demangler
# Plain exports, one import (build_id_of; tests/e2e/wasm-frames.test.mjs and parse-stack.test.mjs load it).
cp "$OUT" pkg/wasm_sentry_demangle.wasm
# binaryen from npm (132): Debian's wasm-opt is older.
# Passes (measured, gzip of the .wasm): -Oz alone; then --converge (runs -Oz
# until nothing changes, -0.5 KB); --flatten --rereloop before, and --gufa
# between two rounds (-0.4 KB more), none slower in the benches. The
# target_features section serves no one after the build.
WASM_OPT_PASSES=${WASM_OPT_PASSES:---flatten --rereloop -Oz --gufa -Oz --converge}
for name in wasm_sentry_bg wasm_sentry_worker_bg wasm_sentry_demangle; do
  # shellcheck disable=SC2086
  node_modules/.bin/wasm-opt $WASM_OPT_PASSES --strip-debug --strip-producers --strip-target-features \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "pkg/${name}.wasm" -o "pkg/${name}.wasm"
done
# Every module of the JS wrapper (transport.js and modules.js are also the
# crate's wasm-bindgen snippets, which Rust apps' glue imports).
cp js/*.js pkg/
cp pkg-template/*.d.ts pkg-template/README.md pkg/
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
sed "s/\"version\": \"0.0.0\"/\"version\": \"$version\"/" pkg-template/package.json > pkg/package.json
