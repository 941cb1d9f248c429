// Secrets stay secret through the npm package: a marker in every secret field of every connector
// type never appears in a report (messages, params, kibanaError), in a thrown error, or on the
// console — whatever the rest of the body looks like.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const PKG = fileURLToPath(new URL('../../pkg/', import.meta.url));
const pkg = await import(join(PKG, 'kibana_connectors.js'));
pkg.initSync({ module: readFileSync(join(PKG, 'kibana_connectors_bg.wasm')) });
await pkg.initJsonSchema({ module_or_path: readFileSync(join(PKG, 'kibana_connectors_schemas_bg.wasm')) });

const MARKER = 'S3cr3tM4rk3r';
/** Secret values of several shapes, each carrying the marker. */
const SHAPES = [
  MARKER,
  `https://${MARKER}.example.com/${MARKER}?token=${MARKER}`,
  `https://%zz@${MARKER}.example.com/`,
  `${MARKER}@${MARKER}.example.com`,
  `-----BEGIN PRIVATE KEY-----${MARKER}`,
  JSON.stringify({ type: MARKER, private_key: MARKER }),
  ` ${MARKER} `,
  { nested: MARKER },
  [MARKER],
  42,
];
/** Configs that push the rules down different paths. */
const CONFIGS = [{}, { url: 'https://example.com', apiUrl: 'https://example.com', hasAuth: true }, { hasAuth: false, usesBasic: true, isOAuth: true }];

function secretKeys(id) {
  const schema = pkg.jsonSchema(id);
  const secrets = schema?.properties?.secrets ?? {};
  const keys = new Set(Object.keys(secrets.properties ?? {}));
  for (const branch of secrets.oneOf ?? secrets.anyOf ?? []) for (const key of Object.keys(branch.properties ?? {})) keys.add(key);
  for (const def of Object.values(schema?.$defs ?? {})) for (const key of Object.keys(def?.properties ?? {})) if (def.writeOnly) keys.add(key);
  keys.add('anUnknownSecret');
  return [...keys];
}

test('a marker in every secret field never leaves the secrets', () => {
  const logged = [];
  const original = { log: console.log, warn: console.warn, error: console.error, info: console.info, debug: console.debug };
  for (const name of Object.keys(original)) console[name] = (...args) => logged.push(args.map(String).join(' '));
  let checked = 0;
  try {
    for (const { id, isSystemActionType } of pkg.connectorTypes()) {
      if (isSystemActionType) continue;
      const keys = secretKeys(id);
      for (const shape of SHAPES) {
        for (const config of CONFIGS) {
          const secrets = Object.fromEntries(keys.map((key) => [key, shape]));
          if (keys.includes('authType')) secrets.authType = MARKER;
          const body = { name: 'n', connector_type_id: id, config, secrets };
          for (const input of [body, JSON.stringify(body)]) {
            let report;
            assert.doesNotThrow(() => {
              report = pkg.validate(input);
            });
            const text = JSON.stringify(report);
            assert.ok(!text.includes(MARKER), `${id}: ${text}`);
            const out = pkg.normalize(input);
            if (!out.ok) assert.ok(!JSON.stringify(out.errors).includes(MARKER), `${id}: ${JSON.stringify(out.errors)}`);
            checked += 1;
          }
        }
      }
    }
  } finally {
    Object.assign(console, original);
  }
  assert.ok(checked > 1000, `${checked} bodies`);
  assert.ok(!logged.some((line) => line.includes(MARKER)), logged.join('\n'));
});
