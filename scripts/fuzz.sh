#!/usr/bin/env bash
# Runs each cargo-fuzz target for a bounded time (FUZZ_SECONDS, default 20)
# and prints "fuzz: N passed, N failed". The machine has one stable
# toolchain and no nightly can be fetched, so the sanitizer flags that
# cargo-fuzz needs are allowed with RUSTC_BOOTSTRAP=1. A crash leaves its
# input under fuzz/artifacts/.
set -uo pipefail
cd "$(dirname "$0")/../fuzz"
export PATH="$HOME/.cargo/bin:$PATH" RUSTC_BOOTSTRAP=1
seconds=${FUZZ_SECONDS:-20}
passed=0
failed=0
for target in stack dsn; do
  echo "fuzz: $target for ${seconds}s"
  if cargo fuzz run "$target" -- -max_total_time="$seconds" -print_final_stats=1 2>&1 | grep -E "^(Done|stat::number_of_executed_units|==[0-9]+==|thread|SUMMARY)"; then :; fi
  if [ "${PIPESTATUS[0]}" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "fuzz: $target FAILED"; fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
