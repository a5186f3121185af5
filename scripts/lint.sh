#!/usr/bin/env bash
# Clippy with warnings denied: the host build with its tests, the crate's
# default wasm (the Rust API), and the feature sets scripts/build.sh builds
# for the npm package (pages, workers, the demangler module); then rustfmt.
# Ends with "lint: N passed, N failed", one per check.
set -uo pipefail
cd "$(dirname "$0")/.."
passed=0
failed=0
check() {
  if cargo clippy --quiet "$@" -- -D warnings; then passed=$((passed + 1)); else echo "lint: failed: cargo clippy $*"; failed=$((failed + 1)); fi
}
check --all-targets
W="--lib --target wasm32-unknown-unknown"
# shellcheck disable=SC2086
check $W
for features in small-alloc,lazy-demangle,session small-alloc,isolation small-alloc,demangler; do
  # shellcheck disable=SC2086
  check $W --no-default-features --features $features
done
# Formatting (rustfmt.toml): the crate, the fuzz targets and the example app.
for dir in . fuzz examples/rust-app; do
  if (cd "$dir" && cargo fmt --check >/dev/null); then passed=$((passed + 1)); else echo "lint: failed: cargo fmt --check in $dir (run cargo fmt there)"; failed=$((failed + 1)); fi
done
echo "lint: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
