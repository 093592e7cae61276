#!/usr/bin/env bash
# `make dev`: the local database with persistent data, then the app with live reload on :3000.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
"$ROOT/scripts/setup.sh" dev

db_pid=""
cleanup() { [ -n "$db_pid" ] && kill "$db_pid" 2>/dev/null || true; }
trap cleanup EXIT INT TERM

if [ -z "${MONGODB_URI:-}" ]; then
  if (exec 3<>/dev/tcp/127.0.0.1/27017) 2>/dev/null; then
    say "using the database already listening on 127.0.0.1:27017"
  else
    mkdir -p .data/mongo
    say "starting the local database (data in .data/mongo)"
    db_pid=$(start_database 27017 "$ROOT/.data/mongo" "$ROOT/.data/mongo.log")
  fi
fi

# Your own settings (see .env.example) apply when present.
if [ -f .env ]; then set -a; source .env; set +a; fi
say "serving http://127.0.0.1:3000 (rebuilds on save)"
cargo leptos watch --split
