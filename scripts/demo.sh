#!/usr/bin/env bash
# The demo: builds the package, starts the local receiver and the example
# page, drives headless Chromium through "throw an error", and prints the
# event the receiver got. `--serve` keeps both servers up for a person.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
exec node examples/demo.mjs "$@"
