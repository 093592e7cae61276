#!/usr/bin/env bash
# `make release`: the optimised server binary and site, as the Dockerfile builds them.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
"$ROOT/scripts/setup.sh" release
release_build
echo "server: $CARGO_TARGET_DIR/release/server   site: $ROOT/target/site"
