// The wasm modules' gzipped sizes are pinned in bench/size-snapshot.json: this test fails when
// one grows more than 5% without the snapshot being updated in the same change
// (`UPDATE_GENERATED=1 node --test tests/npm/size.test.mjs` rewrites it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const PKG = new URL('../../pkg/', import.meta.url);
const SNAPSHOT = new URL('../../bench/size-snapshot.json', import.meta.url);
const TOLERANCE = 1.05;
/** Each module by its snapshot key: the validating one, and the one `jsonSchema()` loads. */
const MODULES = {
  wasmGzipBytes: 'kibana_connectors_bg.wasm',
  schemasWasmGzipBytes: 'kibana_connectors_schemas_bg.wasm',
};

const gzipped = Object.fromEntries(
  Object.entries(MODULES).map(([key, name]) => [key, gzipSync(readFileSync(new URL(name, PKG)), { level: 9 }).length]),
);
if (process.env.UPDATE_GENERATED) writeFileSync(SNAPSHOT, `${JSON.stringify(gzipped, null, 2)}\n`);
const snapshot = JSON.parse(readFileSync(SNAPSHOT, 'utf8'));

for (const [key, name] of Object.entries(MODULES)) {
  test(`the gzipped ${name} is not more than 5% over its snapshot`, () => {
    assert.equal(typeof snapshot[key], 'number', `bench/size-snapshot.json has no ${key}`);
    assert.ok(
      gzipped[key] <= snapshot[key] * TOLERANCE,
      `${name} is ${gzipped[key]} bytes gzipped, ${((gzipped[key] / snapshot[key] - 1) * 100).toFixed(1)}% over the snapshot ` +
        `(${snapshot[key]}): make it smaller, or update bench/size-snapshot.json in this change`,
    );
  });
}
