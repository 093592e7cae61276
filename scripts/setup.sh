#!/usr/bin/env bash
# Installs what `make dev` / `make test` / `make release` need and skips what is already there.
# Usage: scripts/setup.sh dev|test|release|bench
set -euo pipefail
source "$(dirname "$0")/env.sh"
mode=${1:-dev}
mkdir -p "$TOOLS"

if ! command -v cargo >/dev/null; then
  echo "cargo is missing: this machine kind ships rustup; install Rust 1.95 first" >&2
  exit 1
fi

if ! rustup target list --installed | grep -x wasm32-unknown-unknown >/dev/null; then
  say "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(cargo leptos --version 2>/dev/null | awk '{print $2}')" != "$CARGO_LEPTOS_VERSION" ]; then
  say "installing cargo-leptos $CARGO_LEPTOS_VERSION (about 25 minutes on 2 cores, once per machine)"
  cargo install cargo-leptos --version "=$CARGO_LEPTOS_VERSION" --locked
fi

wasm_bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' "$ROOT/Cargo.lock")
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wasm_bindgen_version" ]; then
  say "installing wasm-bindgen-cli $wasm_bindgen_version (must equal Cargo.lock's wasm-bindgen)"
  # Not --locked: its own lock pins a crate version the registry no longer has.
  cargo install wasm-bindgen-cli --version "=$wasm_bindgen_version"
fi

if ! "$TOOLS/venv/bin/pip" show secantusdb 2>/dev/null | grep -x "Version: $SECANTUSDB_VERSION" >/dev/null; then
  say "installing SecantusDB $SECANTUSDB_VERSION (the MongoDB-wire dev/test database)"
  python3 -m venv "$TOOLS/venv"
  "$TOOLS/venv/bin/pip" install --quiet "secantusdb==$SECANTUSDB_VERSION"
fi

if [ "$mode" = test ]; then
  if [ "$(maildev --version 2>/dev/null)" != "$MAILDEV_VERSION" ]; then
    say "installing MailDev $MAILDEV_VERSION (the SMTP sink the tests read mail from)"
    mkdir -p "$TOOLS/node"
    (cd "$TOOLS/node" && npm install --no-audit --no-fund --loglevel=error "maildev@$MAILDEV_VERSION")
  fi
  if ! command -v chromium >/dev/null; then
    say "installing Chromium"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
  if [ ! -d "$ROOT/end2end/node_modules/@playwright/test" ] ||
    [ "$ROOT/end2end/package-lock.json" -nt "$ROOT/end2end/node_modules/.package-lock.json" ]; then
    say "installing Playwright"
    (cd "$ROOT/end2end" && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi

if [ "$mode" = release ] || [ "$mode" = bench ]; then
  rustlib="$(rustup run "$WASM_TOOLCHAIN" rustc --print sysroot 2>/dev/null || true)/lib/rustlib"
  if [ ! -d "$rustlib/src/rust/library" ] || [ ! -d "$rustlib/wasm32-unknown-unknown" ]; then
    say "installing Rust $WASM_TOOLCHAIN with its source (the release WASM rebuilds std)"
    rustup toolchain install "$WASM_TOOLCHAIN" --profile minimal --component rust-src \
      --target wasm32-unknown-unknown
  fi
  if [ ! -x "$TOOLS/node/node_modules/.bin/wasm-opt" ]; then
    say "installing binaryen $BINARYEN_VERSION (wasm-opt for release builds)"
    mkdir -p "$TOOLS/node"
    (cd "$TOOLS/node" && npm install --no-audit --no-fund --loglevel=error "binaryen@$BINARYEN_VERSION")
  fi
fi

if [ "$mode" = bench ]; then
  for tool in nginx wrk; do
    if ! command -v "$tool" >/dev/null && [ ! -x "/usr/sbin/$tool" ]; then
      say "installing $tool (make bench compares the public page with nginx, loaded by wrk)"
      apt-get update -qq
      # Installed to run by hand: no service is started.
      DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -qq "$tool" >/dev/null
    fi
  done
  if ! command -v chromium >/dev/null; then
    say "installing Chromium (make bench runs Lighthouse in it)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
  if [ ! -x "$TOOLS/node/node_modules/.bin/lighthouse" ]; then
    say "installing Lighthouse $LIGHTHOUSE_VERSION (make bench measures a published site page)"
    mkdir -p "$TOOLS/node"
    (cd "$TOOLS/node" && npm install --no-audit --no-fund --loglevel=error "lighthouse@$LIGHTHOUSE_VERSION")
  fi
fi
