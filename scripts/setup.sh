#!/usr/bin/env bash
# Installs what the build and the tests need, skipping whatever is already there.
# Safe to run again and again; `make test` and `make serve` call it first.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# The wasm32 target of the active Rust toolchain.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding $component"
    rustup component add "$component"
  fi
done

# wasm-bindgen-cli must equal the wasm-bindgen library version in Cargo.lock exactly.
wanted=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$wanted" ]; then
  echo "[setup] cannot read the wasm-bindgen version from Cargo.lock" >&2
  exit 1
fi
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$wanted" ]; then
  say "installing wasm-bindgen-cli $wanted (found: ${have:-none}); this takes a few minutes"
  # Not --locked: its lock file names a webpki-roots release the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$wanted" --force
fi

# Chromium and its driver, from Debian, for the browser tests.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing chromium and chromium-driver"
  apt_get() { if [ "$(id -u)" = 0 ]; then apt-get "$@"; else sudo apt-get "$@"; fi; }
  apt_get update -qq
  DEBIAN_FRONTEND=noninteractive apt_get install -y -qq chromium chromium-driver
fi

# npm packages (wasm-opt via binaryen, playwright-core, …) exactly as package-lock.json says.
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.setup-lock; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.setup-lock
fi

# The consumer tests' own npm packages (tests/consumers/: OpenAPI tools, form generators and the
# TypeScript 5 that openapi-typescript needs), as their package-lock.json says.
consumers=tests/consumers
if [ ! -f "$consumers/node_modules/.package-lock.json" ] || ! cmp -s "$consumers/package-lock.json" "$consumers/node_modules/.setup-lock"; then
  say "installing the consumer tests' npm packages from $consumers/package-lock.json"
  npm ci --prefix "$consumers" --no-audit --no-fund --loglevel=error
  cp "$consumers/package-lock.json" "$consumers/node_modules/.setup-lock"
fi

# Python's jsonschema in a virtual environment, exactly as $consumers/requirements.txt pins it.
if [ ! -x "$consumers/.venv/bin/python" ] || ! cmp -s "$consumers/requirements.txt" "$consumers/.venv/.setup-requirements"; then
  if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
    say "installing python3-venv"
    apt_get() { if [ "$(id -u)" = 0 ]; then apt-get "$@"; else sudo apt-get "$@"; fi; }
    apt_get update -qq
    DEBIAN_FRONTEND=noninteractive apt_get install -y -qq python3 python3-venv
  fi
  say "installing Python's jsonschema from $consumers/requirements.txt into $consumers/.venv"
  rm -rf "$consumers/.venv"
  python3 -m venv "$consumers/.venv"
  "$consumers/.venv/bin/pip" install --quiet --disable-pip-version-check --no-deps -r "$consumers/requirements.txt"
  cp "$consumers/requirements.txt" "$consumers/.venv/.setup-requirements"
fi
