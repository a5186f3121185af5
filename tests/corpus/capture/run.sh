#!/usr/bin/env bash
# Regenerates the whole stack-trace corpus (tests/corpus/<engine>/*.json) from
# real engines on this machine. Idempotent: each engine's directory is
# rewritten as a whole. Usage: tests/corpus/capture/run.sh [node|chromium|firefox|jsc ...]
#
# Needs (Debian 12): node (/usr/bin/node), chromium, firefox-esr,
# libjavascriptcoregtk-4.0-bin (jsc), geckodriver (cargo install geckodriver
# --version 0.37.1 --locked), and the repository's node_modules (playwright-core).
set -euo pipefail
cd "$(dirname "$0")"
REPO=$(cd ../../.. && pwd)
export PATH="$PATH:$HOME/.cargo/bin"

missing=()
need() { command -v "$1" >/dev/null 2>&1 || [ -x "$1" ] || missing+=("$2"); }
engines=("$@")
[ ${#engines[@]} -eq 0 ] && engines=(node chromium firefox jsc)
for e in "${engines[@]}"; do
  case "$e" in
    node) need "${NODE_BIN:-/usr/bin/node}" "node (apt-get install nodejs)" ;;
    chromium)
      need "${CHROMIUM:-/usr/bin/chromium}" "chromium (apt-get install chromium)"
      [ -d "$REPO/node_modules/playwright-core" ] || missing+=("playwright-core (npm ci at the repository root)") ;;
    firefox)
      need "${FIREFOX:-/usr/bin/firefox-esr}" "firefox-esr (apt-get install firefox-esr)"
      need "${GECKODRIVER:-geckodriver}" "geckodriver (cargo install geckodriver --version 0.37.1 --locked)" ;;
    jsc) need "${JSC:-/usr/bin/jsc}" "jsc (apt-get install libjavascriptcoregtk-4.0-bin)" ;;
    *) echo "unknown engine: $e (node, chromium, firefox, jsc)" >&2; exit 2 ;;
  esac
done
if [ ${#missing[@]} -gt 0 ]; then
  printf 'missing: %s\n' "${missing[@]}" >&2
  exit 1
fi

for e in "${engines[@]}"; do
  echo "== $e"
  node "capture-$e.mjs"
done
node check.mjs
