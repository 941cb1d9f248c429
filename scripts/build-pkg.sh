#!/usr/bin/env bash
# Builds the npm package in pkg/: release wasm, JS bindings, wasm-opt, package.json.
set -euo pipefail
cd "$(dirname "$0")/.."

target_dir=$(cargo metadata --format-version 1 --no-deps | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')

# `cargo rustc --crate-type cdylib` keeps LTO on (a cdylib+rlib build turns it off, rust-lang/cargo#9672).
cargo rustc --quiet --lib --release --target wasm32-unknown-unknown --crate-type cdylib

rm -rf pkg && mkdir -p pkg
wasm-bindgen --target web --out-dir pkg --out-name kibana_connectors \
  "$target_dir/wasm32-unknown-unknown/release/kibana_connectors.wasm"
node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --strip-debug --strip-producers \
  pkg/kibana_connectors_bg.wasm -o pkg/kibana_connectors_bg.wasm
node scripts/write-package-json.mjs
