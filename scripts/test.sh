#!/usr/bin/env bash
# Runs every test and ends with one summary line, "total: N passed, N failed":
#   lint     clippy with warnings denied (the host, each wasm the package builds), and rustfmt
#   host     cargo test (the pure core, envelopes cross-checked with sentry-types)
#   wasm     the platform layer under wasm-bindgen-test, in Node and in headless Chromium
#   e2e      node --test: headless Chromium against the local receiver, the
#            packed npm package, workerd; every event validated by Relay
#   relay    a last sweep of every event the tests wrote, through Relay's normaliser
#   fuzz     each cargo-fuzz target (stack parser, DSN) for a bounded time
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/setup.sh || { echo "total: 0 passed, 1 failed"; exit 1; }
bash scripts/build.sh || { echo "total: 0 passed, 1 failed"; exit 1; }
# The example Rust app (the crate's Rust API and panic hook), for tests/e2e/rust.test.mjs.
bash scripts/build-example.sh || { echo "total: 0 passed, 1 failed"; exit 1; }
rm -rf target/test-events

passed=0
failed=0
log=$(mktemp)
# Runs one stage, shows its output, and adds up the counts its runner printed.
# A stage that fails without printing counts is one failure.
stage() {
  local name=$1
  shift
  echo "== $name: $*"
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  local p f
  p=$( { grep -oE '^test result: [A-Za-z]+\. [0-9]+ passed' "$log" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+'
         grep -oE '^# pass [0-9]+' "$log" | grep -oE '[0-9]+'
         grep -oE '^(relay|fuzz|lint): [0-9]+ passed' "$log" | grep -oE '[0-9]+'; } | awk '{s+=$1} END {print s+0}')
  f=$( { grep -oE '^test result: [A-Za-z]+\. [0-9]+ passed; [0-9]+ failed' "$log" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+'
         grep -oE '^# fail [0-9]+' "$log" | grep -oE '[0-9]+'
         grep -oE '^(relay|fuzz|lint): [0-9]+ passed, [0-9]+ failed' "$log" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+'; } | awk '{s+=$1} END {print s+0}')
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  echo "== $name: $p passed, $f failed"
  passed=$((passed + p))
  failed=$((failed + f))
}

stage lint bash scripts/lint.sh
stage host cargo test
# The npm build's rules for names that wait for the demangler module (feature lazy-demangle).
stage host-lazy cargo test --features lazy-demangle --lib lazy
stage wasm-node cargo test --target wasm32-unknown-unknown --test web
stage wasm-chromium env WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web
stage e2e node --test --test-concurrency=1 tests/e2e/
stage relay .venv/bin/python tests/relay/validate.py target/test-events
stage fuzz bash scripts/fuzz.sh
rm -f "$log"

echo "total: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
