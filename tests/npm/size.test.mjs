// The wasm module's gzipped size is pinned in bench/size-snapshot.json: this test fails when it
// grows more than 5% without the snapshot being updated in the same change
// (`UPDATE_GENERATED=1 node --test tests/npm/size.test.mjs` rewrites it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const WASM = new URL('../../pkg/kibana_connectors_bg.wasm', import.meta.url);
const SNAPSHOT = new URL('../../bench/size-snapshot.json', import.meta.url);
const TOLERANCE = 1.05;

test('the gzipped wasm module is not more than 5% over its snapshot', () => {
  const gzipped = gzipSync(readFileSync(WASM), { level: 9 }).length;
  if (process.env.UPDATE_GENERATED) {
    writeFileSync(SNAPSHOT, `${JSON.stringify({ wasmGzipBytes: gzipped }, null, 2)}\n`);
  }
  const { wasmGzipBytes } = JSON.parse(readFileSync(SNAPSHOT, 'utf8'));
  assert.ok(
    gzipped <= wasmGzipBytes * TOLERANCE,
    `the wasm module is ${gzipped} bytes gzipped, ${((gzipped / wasmGzipBytes - 1) * 100).toFixed(1)}% over the snapshot ` +
      `(${wasmGzipBytes}): make it smaller, or update bench/size-snapshot.json in this change`,
  );
});
