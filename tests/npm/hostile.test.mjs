// The module never dies: 10,000 calls of each hostile kind (throwing getters and Proxies in the
// options, bodies JSON.stringify refuses) in a Node whose wasm table is capped at 8,192 entries
// (and whose stack is small, so that deep nesting is a RangeError at a few thousand levels),
// then a valid body still validates and normalizes. The same calls in headless Chromium are in
// www/test/page.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PKG_ENTRY = fileURLToPath(new URL('../../pkg/node.js', import.meta.url));
const CALLS = fileURLToPath(new URL('./hostile/calls.mjs', import.meta.url));

test('10,000 hostile calls of each kind under --wasm-max-table-size=8192, then valid bodies still work', () => {
  const script = `
    const pkg = await import(${JSON.stringify(PKG_ENTRY)});
    const { runHostileCalls } = await import(${JSON.stringify(CALLS)});
    const kinds = await runHostileCalls(pkg, 10000);
    console.log(JSON.stringify(kinds));
  `;
  const run = spawnSync(process.execPath, ['--wasm-max-table-size=8192', '--stack-size=120', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 300_000,
  });
  assert.equal(run.status, 0, run.stderr);
  const kinds = JSON.parse(run.stdout);
  assert.equal(kinds.length, 15);
  assert.doesNotMatch(run.stdout + run.stderr, /secret/);
});
