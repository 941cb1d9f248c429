#!/usr/bin/env bash
# Builds the npm package in pkg/: the two wasm modules (size profile), their JS bindings, wasm-opt, then
# package.json, the declarations, the Node entry and the README (scripts/write-package-json.mjs).
# `scripts/build-pkg.sh bench-stages` builds only `make bench`'s module instead: the validating
# one with the exports that stop after each stage (src/wasm/stages.rs), in target/bench-stages/,
# where bench/run.mjs reads it.
set -euo pipefail
cd "$(dirname "$0")/.."

target_dir=$(cargo metadata --format-version 1 --no-deps | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')

wasm_opt() {
  node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --strip-debug --strip-producers "$1" -o "$1"
}

# One module of the package from the crate built with `features`, bound as `name` in `out` (its
# glue becomes name_bindings.js, its module name_bg.wasm).
# `cargo rustc --crate-type cdylib` keeps LTO on (a cdylib+rlib build turns it off, rust-lang/cargo#9672).
# The `wasm` profile (Cargo.toml) optimizes for size.
build_module() {
  local features=$1 name=$2 out=${3:-pkg}
  cargo rustc --quiet --lib --profile wasm --target wasm32-unknown-unknown --crate-type cdylib \
    --no-default-features --features "$features"
  wasm-bindgen --target web --out-dir "$out" --out-name "$name" \
    "$target_dir/wasm32-unknown-unknown/wasm/kibana_connectors.wasm"
  mv "$out/$name.js" "$out/${name}_bindings.js"
  # The functions a module imports from its host (src/kibana/urls.js: the WHATWG URL parser) go
  # into its bindings file itself, so the package keeps its files and a page its requests.
  node scripts/inline-snippets.mjs "$out/${name}_bindings.js"
  wasm_opt "$out/${name}_bg.wasm"
}

if [[ ${1:-} == bench-stages ]]; then
  rm -rf target/bench-stages && mkdir -p target/bench-stages
  build_module bench-stages kibana_connectors target/bench-stages
  echo '{ "type": "module" }' > target/bench-stages/package.json
  exit 0
fi

rm -rf pkg && mkdir -p pkg
# The validating module (validate, normalize, compareVersions, connectorTypes, …), and the one
# `jsonSchema()` loads on first use: a page that only validates never downloads the schemas.
build_module wasm-validator kibana_connectors
build_module json-schema kibana_connectors_schemas
# The schema module's declarations are not the user's: the package declares `jsonSchema` itself.
rm pkg/kibana_connectors_schemas.d.ts pkg/kibana_connectors_schemas_bg.wasm.d.ts
# The package's entry is the facade's JavaScript half (src/wasm.js), which turns every
# JavaScript value into text before the modules.
cp src/wasm.js pkg/kibana_connectors.js
node scripts/write-package-json.mjs
