// The module's memory stays the size it was after the first round of calls, however often it is
// called: every call frees what it allocated (src/wasm/arena.rs starts its arena over between
// calls). Checked with the validating module's own exports, whose memory is visible from here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PKG = new URL('../../pkg/', import.meta.url);
const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

function fixtureBodies() {
  const bodies = [];
  for (const type of readdirSync(FIXTURES, { withFileTypes: true })) {
    if (!type.isDirectory()) continue;
    for (const kind of ['valid', 'invalid']) {
      let files = [];
      try {
        files = readdirSync(`${FIXTURES}${type.name}/${kind}`);
      } catch {
        continue;
      }
      for (const file of files) {
        const fixture = JSON.parse(readFileSync(`${FIXTURES}${type.name}/${kind}/${file}`, 'utf8'));
        if (fixture.body !== undefined) bodies.push(JSON.stringify(fixture.body));
      }
    }
  }
  return bodies;
}

test('twenty rounds of validate and normalize over every fixture body leave the memory as one round did', async () => {
  const bindings = await import(new URL('kibana_connectors_bindings.js', PKG));
  const wasm = bindings.initSync({ module: readFileSync(new URL('kibana_connectors_bg.wasm', PKG)) });
  const bodies = fixtureBodies();
  assert.ok(bodies.length > 2000, `${bodies.length} fixture bodies`);
  // A body too big for the arena, so that the allocator behind it is used too.
  const wide = JSON.stringify({
    name: 'n',
    connector_type_id: '.webhook',
    config: { url: 'https://example.com', headers: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`h${i}`, 'v'.repeat(40)])) },
    secrets: {},
  });
  const round = () => {
    for (const body of [...bodies, wide]) {
      bindings.validateText(body, 'null');
      bindings.normalizeText(body, 'null');
    }
  };
  round();
  const afterOne = wasm.memory.buffer.byteLength;
  const reference = bindings.validateText(bodies[0], 'null');
  for (let i = 0; i < 19; i += 1) round();
  assert.equal(wasm.memory.buffer.byteLength, afterOne);
  assert.equal(bindings.validateText(bodies[0], 'null'), reference);
});
