# The two commands: `make dev` runs the app, `make test` proves it. Both install what is missing.
.PHONY: dev test release bench setup fmt lint

# The crates under app/, in tiers, the shell last; platform is server-only.
APP_CRATES := -p app-core -p ui -p identity -p workspaces -p billing -p crm -p bio -p app

# scripts/env.sh is bash.
SHELL := /bin/bash

dev:
	@scripts/dev.sh

test:
	@scripts/test.sh

release:
	@scripts/release.sh

bench:
	@scripts/bench.sh

setup:
	@scripts/setup.sh test

fmt:
	cargo fmt --all

lint:
	@. scripts/env.sh && leptos_build_env && \
	  cargo clippy -p server --all-targets -- -D warnings && \
	  cargo clippy $(APP_CRATES) -p platform --features app/ssr --all-targets -- -D warnings && \
	  cargo clippy $(APP_CRATES) --features app/hydrate --target wasm32-unknown-unknown -- -D warnings
