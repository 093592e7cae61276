# Shared settings for the Makefile's scripts. Sourced, not run.
# Installed tools and the cargo target directory live under ~/.cache/mewayz so that every clone on
# this machine (developers' and CI's) shares them and a second run builds nothing twice.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${MEWAYZ_CACHE:-$HOME/.cache/mewayz}"
TOOLS="$CACHE/tools"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$CACHE/target}"
# scripts/bin first: its wasm-opt skips the small chunks of a split build.
export PATH="$ROOT/scripts/bin:$HOME/.cargo/bin:$TOOLS/node/node_modules/.bin:$PATH"
export MEWAYZ_SECANTUSD="$TOOLS/venv/bin/secantusd-py"

# Pinned versions (TOOLCHAIN.md explains each).
CARGO_LEPTOS_VERSION=0.3.10
SECANTUSDB_VERSION=0.7.0b3
BINARYEN_VERSION=132
MAILDEV_VERSION=3.0.0
LIGHTHOUSE_VERSION=13.5.0
# The release WASM only: a pinned nightly rebuilds core and std with panics that abort at once and
# without `Debug` output, which `release_build` below needs (README: the first download).
WASM_TOOLCHAIN=nightly-2026-05-20

# cargo-leptos builds the server with these variables and flags. Plain `cargo test` gets the
# same ones, so it reuses that build instead of compiling the whole tree a second time.
leptos_build_env() {
  export LEPTOS_OUTPUT_NAME=mewayz
  export LEPTOS_SITE_ROOT=target/site
  export LEPTOS_SITE_PKG_DIR=pkg
  export LEPTOS_SITE_ADDR=127.0.0.1:3000
  export LEPTOS_RELOAD_PORT=3001
  export LEPTOS_LIB_DIR=frontend
  export LEPTOS_BIN_DIR=server
  export LEPTOS_JS_MINIFY=false
  export LEPTOS_HASH_FILES=true
  export LEPTOS_HASH_FILE_NAME=hash.txt
  export RUSTFLAGS="--cfg erase_components"
}

# The optimised site and server (`make release`, `make bench`, the Dockerfile). The WASM is built
# first, by the pinned nightly, with std rebuilt for immediate-abort panics, no panic locations and
# no `Debug` formatting: what the browser downloads shrinks by a quarter (README). The server stays
# on stable. Components are type-erased in both (`always-erase-components`), as in debug builds.
# `split_loader.mjs` then shortens the chunk names in the loader every page imports.
release_build() {
  RUSTUP_TOOLCHAIN="$WASM_TOOLCHAIN" CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
    RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none" \
    cargo leptos build --release --split --precompress --frontend-only
  node "$ROOT/scripts/split_loader.mjs" "$ROOT/target/site/pkg" "$CARGO_TARGET_DIR/release/hash.txt"
  cargo leptos build --release --server-only
}

# A TCP port nobody listens on right now.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Waits until something accepts connections on 127.0.0.1:$1, for at most $2 seconds.
wait_for_port() {
  local port=$1 secs=${2:-30} i
  for ((i = 0; i < secs * 10; i++)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "nothing is listening on port $port after ${secs}s" >&2
  return 1
}

# Starts SecantusDB on $1 with storage $2 (a folder, or :memory:); prints its pid.
start_database() {
  local port=$1 storage=$2 log=$3
  "$MEWAYZ_SECANTUSD" --host 127.0.0.1 --port "$port" --storage-path "$storage" >"$log" 2>&1 &
  local pid=$!
  wait_for_port "$port" 60 || { cat "$log" >&2; return 1; }
  echo "$pid"
}

say() { printf '\033[1;35m==>\033[0m %s\n' "$*"; }
