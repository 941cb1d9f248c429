#!/usr/bin/env bash
# Builds the npm package in pkg/: the wasm module (size profile), its JS bindings, wasm-opt, then
# package.json, the declarations, the Node entry and the README (scripts/write-package-json.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."

target_dir=$(cargo metadata --format-version 1 --no-deps | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')

# `cargo rustc --crate-type cdylib` keeps LTO on (a cdylib+rlib build turns it off, rust-lang/cargo#9672).
# The `wasm` profile (Cargo.toml) optimizes for size.
cargo rustc --quiet --lib --profile wasm --target wasm32-unknown-unknown --crate-type cdylib

rm -rf pkg && mkdir -p pkg
wasm-bindgen --target web --out-dir pkg --out-name kibana_connectors \
  "$target_dir/wasm32-unknown-unknown/wasm/kibana_connectors.wasm"
# wasm-bindgen's glue becomes the bindings module; the package's entry is the facade's
# JavaScript half (src/wasm.js), which turns every JavaScript value into text before the module.
mv pkg/kibana_connectors.js pkg/kibana_connectors_bindings.js
# The functions the module imports from its host (src/kibana/urls.js: the WHATWG URL parser) go
# into the bindings file itself, so the package keeps its files and a page its requests.
node scripts/inline-snippets.mjs pkg/kibana_connectors_bindings.js
cp src/wasm.js pkg/kibana_connectors.js
node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --strip-debug --strip-producers \
  pkg/kibana_connectors_bg.wasm -o pkg/kibana_connectors_bg.wasm
node scripts/write-package-json.mjs
