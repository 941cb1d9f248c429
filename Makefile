# kibana-connectors: `make serve` serves the page, `make test` runs every test.
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
PORT ?= 8080
WASM_TARGET := wasm32-unknown-unknown
CHROMEDRIVER ?= /usr/bin/chromedriver
export CARGO_TERM_COLOR ?= never

.PHONY: serve test setup pkg fuzz bench bench-cli fmt-check clippy test-native test-wasm-node test-wasm-browser test-www test-cli

## Serve the page at http://127.0.0.1:$(PORT)
serve: setup pkg
	PORT=$(PORT) node www/server.mjs

## Run every test, stopping at the first failure
test: setup fmt-check clippy test-native test-wasm-node test-wasm-browser pkg test-www test-cli
	@echo "make test: all checks passed"

## Benchmark against ajv (speed, start-up, size); writes bench/results.md
bench: setup pkg
	scripts/build-pkg.sh bench-stages
	node bench/run.mjs

## Time kibana-connectors check on 10,000 connector files (CLI_BENCH_FILES to change)
bench-cli: setup pkg
	node bench/cli.mjs

## Fuzz the core with 1,000,000 generated inputs per property (FUZZ_CASES to change)
fuzz:
	FUZZ_CASES=$${FUZZ_CASES:-1000000} cargo test --release --test fuzz -- --nocapture

setup:
	@scripts/setup.sh

## Build the npm package into pkg/
pkg:
	scripts/build-pkg.sh

fmt-check:
	cargo fmt --all --check

clippy:
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets --target $(WASM_TARGET) -- -D warnings
	# The package's two modules, each built with its own features (scripts/build-pkg.sh), the
	# validating one with make bench's stage exports (src/wasm/stages.rs).
	cargo clippy --lib --target $(WASM_TARGET) --no-default-features --features wasm-validator,bench-stages -- -D warnings
	cargo clippy --lib --target $(WASM_TARGET) --no-default-features --features json-schema -- -D warnings

test-native:
	cargo test

test-wasm-node:
	cargo test --target $(WASM_TARGET) --test wasm

test-wasm-browser:
	WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=$(CHROMEDRIVER) cargo test --target $(WASM_TARGET) --test wasm

test-www:
	node --test www/test/ tests/npm/ tests/consumers/

## The kibana-connectors command, installed from the packed tarball (needs pkg/)
test-cli:
	node --test tests/cli/
