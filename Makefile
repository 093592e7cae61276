# The two commands: `make dev` runs the app, `make test` proves it. Both install what is missing.
.PHONY: dev test release bench setup fmt lint

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
	  cargo clippy --workspace --exclude frontend --features app/ssr --all-targets -- -D warnings && \
	  cargo clippy --workspace --exclude server --exclude platform --features app/hydrate \
	    --target wasm32-unknown-unknown -- -D warnings
