#!/usr/bin/env bash
# `make test`: every Rust test and every Playwright test against a throw-away database.
# Set MONGODB_URI to use an existing MongoDB instead of starting one.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
"$ROOT/scripts/setup.sh" test

# The shared build directory only grows: every build leaves an incremental session and every
# test build a 300 MB binary. Left alone it filled this machine's disk twice (76 GB, then again
# within one working day) and every command failed. Test binaries untouched for six hours and
# sessions untouched for a day are rebuilt if needed.
if [ -d "$CARGO_TARGET_DIR/debug" ]; then
  find "$CARGO_TARGET_DIR/debug/incremental" -mindepth 2 -maxdepth 2 -type d -mmin +1440 -exec rm -rf {} + 2>/dev/null || true
  find "$CARGO_TARGET_DIR/debug/deps" -maxdepth 1 -type f -perm -u+x -size +20M -mmin +360 -delete 2>/dev/null || true
fi

run_dir=$(mktemp -d)
pids=()
cleanup() {
  local status=$?
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ $status -ne 0 ] && [ -f "$run_dir/server.log" ]; then
    echo "---- last lines of the server log ----" >&2
    tail -n 40 "$run_dir/server.log" >&2
  fi
  rm -rf "$run_dir"
  exit $status
}
trap cleanup EXIT INT TERM

if [ -z "${MONGODB_URI:-}" ]; then
  db_port=$(free_port)
  say "starting a throw-away database on port $db_port"
  pids+=("$(start_database "$db_port" :memory: "$run_dir/db.log")")
  export MONGODB_URI="mongodb://127.0.0.1:$db_port/?directConnection=true"
fi

smtp_port=$(free_port)
maildev_port=$(free_port)
say "starting the mail sink (SMTP $smtp_port, API $maildev_port)"
maildev --smtp "$smtp_port" --web "$maildev_port" --ip 127.0.0.1 --mail-directory "$run_dir/mail" >"$run_dir/maildev.log" 2>&1 &
pids+=("$!")
wait_for_port "$maildev_port" 30
export MEWAYZ_TEST_SMTP_URL="smtp://127.0.0.1:$smtp_port"
export MEWAYZ_TEST_MAILDEV="127.0.0.1:$maildev_port"

say "checking that the WASM bundle links no server-only crate"
if cargo tree -p frontend --target wasm32-unknown-unknown -e normal --prefix none |
  grep -E '^(mongodb|tokio|axum|hyper|argon2|lettre|async-stripe|leptos_axum) '; then
  echo "server-only crates reached the WASM build (see above)" >&2
  exit 1
fi

say "building the app"
cargo leptos build --split
# As release builds do, so the journeys below load lazy pages through the loader users get.
node scripts/split_loader.mjs target/site/pkg "$CARGO_TARGET_DIR/debug/hash.txt"

say "Rust tests"
leptos_build_env
# Every crate but the WASM entry, with the features the server build has.
cargo test --workspace --exclude frontend --features app/ssr -- --show-output

say "end-to-end tests"
google_port=$(free_port)
node end2end/fakes/google.mjs "$google_port" e2e-client e2e-secret >"$run_dir/google.log" 2>&1 &
pids+=("$!")
wait_for_port "$google_port" 30
app_port=$(free_port)
stripe_port=$(free_port)
node end2end/fakes/stripe.mjs "$stripe_port" "http://127.0.0.1:$app_port/webhooks/stripe" whsec_e2e >"$run_dir/stripe.log" 2>&1 &
pids+=("$!")
wait_for_port "$stripe_port" 30
(
  export APP_ENV=test MONGODB_DB="e2e_$$" LEPTOS_SITE_ADDR="127.0.0.1:$app_port" MEDIA_DIR="$run_dir/media"
  export STRIPE_SECRET_KEY=sk_test_e2e STRIPE_WEBHOOK_SECRET=whsec_e2e STRIPE_API_BASE="http://127.0.0.1:$stripe_port/"
  export ADMIN_EMAILS=platform-admin@example.com,admin-desktop@example.com,admin-mobile@example.com
  export APP_BASE_URL="http://127.0.0.1:$app_port" RUST_LOG="${RUST_LOG:-warn}"
  export SMTP_URL="$MEWAYZ_TEST_SMTP_URL" AUTH_RATE_LIMIT_PER_MINUTE=1000
  # A sequence's hour passes in 10 seconds, so the journey watches a wait end.
  export EMAIL_SEQUENCE_TIME_SCALE=360
  export GOOGLE_ISSUER_URL="http://127.0.0.1:$google_port" GOOGLE_CLIENT_ID=e2e-client GOOGLE_CLIENT_SECRET=e2e-secret
  exec "$CARGO_TARGET_DIR/debug/server"
) >"$run_dir/server.log" 2>&1 &
pids+=("$!")
wait_for_port "$app_port" 30
(cd end2end && BASE_URL="http://127.0.0.1:$app_port" MAILDEV_URL="http://$MEWAYZ_TEST_MAILDEV" \
  STRIPE_URL="http://127.0.0.1:$stripe_port" E2E_ADMIN_EMAIL=platform-admin@example.com npx playwright test)
