#!/usr/bin/env bash
# Installs what the demo and the tests need on a fresh Debian 12 machine, and
# does nothing when it is all there already: Debian's chromium,
# chromium-driver and firefox-esr; the wasm32 target and rust-src; wasm-bindgen-cli at the
# version of the wasm-bindgen crate in Cargo.lock; cargo-fuzz; geckodriver; the pinned npm packages;
# a Python venv with the pinned sentry-relay.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
say() { echo "setup: $*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v firefox-esr >/dev/null || missing+=(firefox-esr)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} from Debian"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# scripts/build.sh rebuilds std for the package's wasm.
if ! rustup component list --installed | grep -q '^rust-src'; then
  say "adding the rust-src component"
  rustup component add rust-src
fi

# scripts/lint.sh runs clippy and rustfmt.
for component in clippy rustfmt; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding the $component component"
    rustup component add "$component"
  fi
done

# The CLI must equal the crate version in Cargo.lock. No --locked: the
# registry mirror can lag behind the CLI's own lock file.
want=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (was: ${have:-none})"
  cargo install --quiet wasm-bindgen-cli --version "$want"
fi

if ! cargo fuzz --version >/dev/null 2>&1; then
  say "installing cargo-fuzz"
  cargo install --quiet cargo-fuzz --version 0.13.1
fi

# The end-to-end tests drive Firefox through geckodriver (tests/support/firefox.mjs).
have=$(geckodriver --version 2>/dev/null | awk 'NR == 1 {print $2}' || true)
if [ "$have" != 0.37.1 ]; then
  say "installing geckodriver 0.37.1 (was: ${have:-none})"
  cargo install --quiet geckodriver --version 0.37.1 --locked
fi

stamp() { sha256sum "$@" | sha256sum | cut -c1-16; }
if [ "$(cat node_modules/.setup-stamp 2>/dev/null)" != "$(stamp package-lock.json)" ]; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
  stamp package-lock.json > node_modules/.setup-stamp
fi

if [ "$(cat .venv/.setup-stamp 2>/dev/null)" != "$(stamp tests/relay/requirements.txt)" ]; then
  say "creating the Python venv with sentry-relay"
  rm -rf .venv
  python3 -m venv .venv
  .venv/bin/pip install --quiet --disable-pip-version-check -r tests/relay/requirements.txt
  stamp tests/relay/requirements.txt > .venv/.setup-stamp
fi
