// The OpenAPI 3.0.3 documents (schemas/openapi-3.0/request.json and stored.json) as OpenAPI tools
// take them on their defaults: valid for @apidevtools/swagger-parser, no error or warning from
// `redocly lint` (its recommended rules), and openapi-typescript's types accept every valid
// create body of the fixtures (and refuse a wrong one), checked by TypeScript 5 in strict mode.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';
import openapiTS, { astToString } from 'openapi-typescript';
import { ROOT, coerce, fixtures, schemaFile } from './fixtures.mjs';

const HERE = fileURLToPath(new URL('./', import.meta.url));
const DOCUMENTS = ['request', 'stored'].map((contract) => fileURLToPath(new URL(`schemas/openapi-3.0/${contract}.json`, ROOT)));

for (const path of DOCUMENTS) {
  test(`swagger-parser validates ${path.split('/schemas/').pop()}`, async () => {
    const api = await SwaggerParser.validate(path);
    assert.equal(api.openapi, '3.0.3');
    assert.ok(Object.keys(api.components.schemas).length > 100);
  });
}

for (const path of DOCUMENTS) {
  test(`redocly lint (recommended rules) finds no error and no warning in ${path.split('/schemas/').pop()}`, () => {
    let output;
    try {
      output = execFileSync(join(HERE, 'node_modules/.bin/redocly'), ['lint', '--format=json', path], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
      });
    } catch (error) {
      output = error.stdout;
    }
    const report = JSON.parse(output);
    const problems = report.problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} (${p.location?.[0]?.pointer})`);
    assert.deepEqual(problems, []);
    assert.deepEqual([report.totals.errors, report.totals.warnings], [0, 0]);
  });
}

test("openapi-typescript's types accept every valid create body and refuse a wrong one", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kibana-connectors-openapi-ts-'));
  try {
    for (const contract of ['request', 'stored']) {
      // For the request, `defaultNonNullable: false`: on its default (true) openapi-typescript
      // makes every property with a `default` required (right for what Kibana returns, wrong for
      // what a client sends, where Kibana fills the default in).
      const options = contract === 'request' ? { defaultNonNullable: false } : {};
      const ast = await openapiTS(new URL(`schemas/openapi-3.0/${contract}.json`, ROOT), options);
      writeFileSync(join(dir, `${contract}.ts`), astToString(ast));
    }
    // Object bodies only: a body, `config` or `secrets` sent as JSON text is Kibana's coercion,
    // which no type says (the README lists it).
    const bodies = fixtures().filter(
      (f) => f.kind === 'valid' && f.mode === 'create' && f.body && typeof f.body === 'object' && JSON.stringify(coerce(f.body)) === JSON.stringify(f.body),
    );
    assert.ok(bodies.length > 600, `only ${bodies.length} bodies`);
    const stored = fixtures().filter((f) => f.kind === 'valid' && f.mode === 'create' && f.folder !== 'envelope');
    const lines = [
      "import type { components as Request } from './request.js';",
      "import type { components as Stored } from './stored.js';",
      "type Body = Request['schemas']['CreateConnectorBody'];",
      "type Connector = Stored['schemas']['Connector'];",
      ...bodies.map((f, i) => `// ${f.name}\nexport const body${i}: Body = ${JSON.stringify(f.body)};`),
      ...stored.map((f, i) => {
        const { name, connector_type_id, config } = f.data.normalized;
        const response = { id: 'c55b6eb0', name, connector_type_id, config, is_preconfigured: false, is_deprecated: false, is_system_action: false, is_connector_type_deprecated: false };
        return `// ${f.name}\nexport const stored${i}: Connector = ${JSON.stringify(response)};`;
      }),
      // The types are not `any`: a misspelt key and a wrong type are errors.
      "// @ts-expect-error: 'indx' is not a key of .index's config",
      "export const wrongKey: Request['schemas']['CreateIndexConnectorBody'] = { name: 'n', connector_type_id: '.index', config: { indx: 'i' } };",
      "// @ts-expect-error: refresh is a boolean",
      "export const wrongType: Request['schemas']['CreateIndexConnectorBody'] = { name: 'n', connector_type_id: '.index', config: { index: 'i', refresh: 'yes' } };",
      "// @ts-expect-error: no such connector type",
      "export const wrongId: Body = { name: 'n', connector_type_id: '.no-such-type', config: {} };",
    ];
    writeFileSync(join(dir, 'bodies.ts'), `${lines.join('\n')}\n`);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', types: [] }, files: ['bodies.ts'] }),
    );
    let output = '';
    try {
      execFileSync(join(HERE, 'node_modules/.bin/tsc'), ['-p', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      output = `${error.stdout}${error.stderr}`;
    }
    assert.equal(output.split('\n').slice(0, 30).join('\n'), '');
  } finally {
    if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true }); else console.log(dir);
  }
});
