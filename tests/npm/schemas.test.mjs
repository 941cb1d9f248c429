// The committed JSON Schemas (schemas/) agree with the validator, checked with ajv on every
// fixture, in the three dialects; and the package's jsonSchema() gives exactly these files.
//
// - ajv on its defaults compiles every per-type schema without a warning: `new Ajv2020()`,
//   `new Ajv()` (draft-07) and `new Ajv2020({ strict: true })` (which adds `strictRequired` and
//   `strictTuples`); the bundle with `{ discriminator: true }` and nothing else;
// - every valid body is accepted (a body Kibana parses from JSON text, once parsed);
// - every invalid body is refused, unless each of its errors comes from a rule the schemas list
//   as not expressed (schemas/unexpressed.json);
// - the bundle routes each body to its type's schema through the discriminator;
// - the update schemas do the same for update bodies, the stored ones accept what Kibana returns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';

const ROOT = new URL('../../', import.meta.url);
const FIXTURES = new URL('tests/fixtures/', ROOT);
const readJson = (url) => JSON.parse(readFileSync(url, 'utf8'));
const schemaFile = (path) => readJson(new URL(`schemas/${path}`, ROOT));
const unexpressed = schemaFile('unexpressed.json');
const rules = [...unexpressed.inexpressible, ...unexpressed.notYetExpressed];

/** Every fixture: `{ name, folder, kind, data }`. */
function fixtures() {
  const out = [];
  for (const folder of readdirSync(FIXTURES).sort()) {
    for (const kind of ['valid', 'invalid']) {
      const dir = new URL(`${folder}/${kind}/`, FIXTURES);
      if (!existsSync(dir)) continue;
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
        out.push({ name: `${folder}/${kind}/${file}`, folder, kind, data: readJson(new URL(file, dir)) });
      }
    }
  }
  // The committed schemas describe Kibana main (fixtures for older releases name one).
  return out.filter((f) => (f.data.options?.kibanaVersion ?? 'main') === 'main');
}
const modeOf = (fixture) => fixture.data.options?.mode ?? 'create';
const EVERY = fixtures();
/** The create bodies (the request contract). */
const ALL = EVERY.filter((f) => modeOf(f) === 'create');
/** The update bodies (the update contract). */
const UPDATES = EVERY.filter((f) => modeOf(f) === 'update');

/** True when JSON.parse made a number infinite somewhere in `value` (`1e400`). */
function hasInfinity(value) {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (value && typeof value === 'object') return Object.values(value).some(hasInfinity);
  return false;
}

/** The body a fixture sends, as JSON (`undefined` for text that is not JSON, or whose numbers
 *  JSON.parse makes infinite: ajv, like JSON Schema, has no number for them, see the README). */
function bodyOf(fixture) {
  if ('body' in fixture.data) return fixture.data.body;
  try {
    const body = JSON.parse(fixture.data.bodyText);
    return hasInfinity(body) ? undefined : body;
  } catch {
    return undefined;
  }
}

/** Kibana's coercion of JSON text: a body, `config` or `secrets` sent as a string of JSON. */
function coerce(body) {
  const parse = (value) => {
    if (typeof value !== 'string') return undefined;
    try {
      return JSON.parse(value);
    } catch {
      return undefined;
    }
  };
  let out = parse(body) ?? body;
  if (out && typeof out === 'object' && !Array.isArray(out)) {
    out = { ...out };
    for (const key of ['config', 'secrets']) {
      const inner = parse(out[key]);
      if (inner !== undefined) out[key] = inner;
    }
  }
  return out;
}

/** RFC 6901 pointer pattern: `*` one token, a final `**` any number. */
function pointerMatches(pattern, path) {
  const want = pattern.split('/');
  const got = path.split('/');
  for (let i = 0; ; i++) {
    if (want[i] === '**') return true;
    if (i === want.length || i === got.length) return i === want.length && i === got.length;
    if (want[i] !== '*' && want[i] !== got[i]) return false;
  }
}

const covered = (typeId, [code, path]) =>
  rules.some(
    (rule) =>
      (rule.connectorTypes.length === 0 || rule.connectorTypes.includes(typeId)) &&
      rule.code === code &&
      rule.paths.some((pattern) => pointerMatches(pattern, path)),
  );

/** What ajv said while compiling (its `logger`): every warning is a failure. */
const warnings = [];
const logger = { log() {}, warn: (...args) => warnings.push(args.join(' ')), error: (...args) => warnings.push(args.join(' ')) };

const ajvs = new Map();
/** One ajv instance per dialect, on its defaults but `allErrors` (so that the bundle's errors can
 *  be compared with the type's) and, for the bundle, `discriminator`. */
function ajvFor(dialect) {
  if (!ajvs.has(dialect)) {
    const options = { discriminator: true, allErrors: true, logger };
    ajvs.set(dialect, dialect === '2020-12' ? new Ajv2020(options) : new Ajv(options));
  }
  return ajvs.get(dialect);
}

const compiled = new Map();
/** The validator of a committed schema file, compiled once. */
function validatorOf(dialect, path) {
  if (!compiled.has(path)) compiled.set(path, ajvFor(dialect).compile(schemaFile(path)));
  return compiled.get(path);
}

/** The agreement failures of one validator (`validatorFor(fixture)` → ajv function or null). */
function agreement(label, validatorFor, fixtures = ALL) {
  const failures = [];
  for (const fixture of fixtures) {
    const validate = validatorFor(fixture);
    if (!validate) continue;
    const body = bodyOf(fixture);
    if (fixture.kind === 'valid' && body === undefined) continue; // see bodyOf
    if (fixture.kind === 'valid') {
      if (!validate(body) && !validate(coerce(body))) {
        failures.push(`${fixture.name} (${label}): refuses a valid body: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
      }
    } else if (body !== undefined && validate(body)) {
      const typeId = typeof body?.connector_type_id === 'string' && fixture.folder !== 'envelope' ? `.${fixture.folder}` : null;
      const unexplained = fixture.data.errors.filter((pair) => !covered(typeId, pair));
      if (unexplained.length > 0) {
        failures.push(`${fixture.name} (${label}): accepts an invalid body; unexplained errors ${JSON.stringify(unexplained)}`);
      }
    }
  }
  return failures;
}

const creatable = readdirSync(new URL('schemas/2020-12/request/', ROOT)).map((f) => f.replace(/\.json$/, ''));
const CONTRACTS = ['request', 'stored', 'update'];

test('every per-type schema compiles silently with ajv on its defaults, and in strict mode', () => {
  const made = [
    ['2020-12', 'new Ajv2020()', () => new Ajv2020({ logger })],
    ['draft-07', 'new Ajv()', () => new Ajv({ logger })],
    ['2020-12', 'new Ajv2020({ strict: true })', () => new Ajv2020({ strict: true, logger })],
    ['draft-07', 'new Ajv({ strict: true })', () => new Ajv({ strict: true, logger })],
  ];
  const failures = [];
  let count = 0;
  for (const [dialect, label, make] of made) {
    const ajv = make();
    for (const contract of CONTRACTS) {
      for (const name of creatable) {
        warnings.length = 0;
        try {
          ajv.compile(schemaFile(`${dialect}/${contract}/${name}.json`));
        } catch (error) {
          warnings.push(error.message);
        }
        count += 1;
        if (warnings.length > 0) failures.push(`${label} ${dialect}/${contract}/${name}: ${warnings.join('; ')}`);
      }
    }
  }
  assert.deepEqual(failures, []);
  assert.equal(count, 4 * CONTRACTS.length * creatable.length);
  // The bundles: `{ discriminator: true }` and nothing else.
  for (const [dialect, Class] of [['2020-12', Ajv2020], ['draft-07', Ajv]]) {
    for (const contract of ['request', 'stored']) {
      warnings.length = 0;
      new Class({ discriminator: true, logger }).compile(schemaFile(`${dialect}/${contract}.json`));
      assert.deepEqual(warnings, [], `${dialect}/${contract}.json`);
      // Without it, ajv refuses the keyword (the README says so).
      assert.throws(() => new Class({ logger }).compile(schemaFile(`${dialect}/${contract}.json`)), /discriminator/);
    }
  }
});

test('every schema has an $id naming its file in the npm package, and no format that ajv-formats would check', () => {
  const files = [];
  for (const dialect of ['2020-12', 'draft-07']) {
    for (const contract of CONTRACTS) {
      if (contract !== 'update') files.push(`${dialect}/${contract}.json`);
      for (const name of creatable) files.push(`${dialect}/${contract}/${name}.json`);
    }
  }
  for (const file of files) {
    const schema = schemaFile(file);
    assert.match(schema.$id, new RegExp(`^https://unpkg\\.com/kibana-connectors@[0-9.]+/schemas/${file.replace(/[.]/g, '\\.')}$`), file);
    assert.ok(!JSON.stringify(schema).includes('"format":'), `${file} has a format`);
  }
});

for (const dialect of ['2020-12', 'draft-07']) {
  test(`${dialect}: each type's schema agrees with the fixtures`, () => {
    const failures = agreement(dialect, (fixture) =>
      creatable.includes(fixture.folder) ? validatorOf(dialect, `${dialect}/request/${fixture.folder}.json`) : null,
    );
    assert.deepEqual(failures, []);
  });

  test(`${dialect}: each type's update schema agrees with the update fixtures`, () => {
    const typed = UPDATES.filter((f) => creatable.includes(f.folder));
    assert.ok(typed.length > 100, `only ${typed.length} update fixtures`);
    const failures = agreement(
      `${dialect} update`,
      (fixture) => (creatable.includes(fixture.folder) ? validatorOf(dialect, `${dialect}/update/${fixture.folder}.json`) : null),
      UPDATES,
    );
    assert.deepEqual(failures, []);
  });

  test(`${dialect}: the bundle agrees with the fixtures and routes each body through the discriminator`, () => {
    const validate = validatorOf(dialect, `${dialect}/request.json`);
    assert.deepEqual(agreement(`${dialect} bundle`, () => validate), []);

    // Routing: for an invalid body, the bundle reports exactly what its type's own schema
    // reports (a plain `oneOf` would report every branch's errors).
    const own = new Map(creatable.map((name) => [`.${name}`, validatorOf(dialect, `${dialect}/request/${name}.json`)]));
    const summary = (errors) => errors.map((e) => `${e.instancePath} ${e.keyword} ${e.message}`).sort();
    let routed = 0;
    for (const fixture of ALL.filter((f) => f.kind === 'invalid')) {
      const body = bodyOf(fixture);
      if (!own.has(body?.connector_type_id) || validate(body)) continue;
      const branch = own.get(body.connector_type_id);
      assert.equal(branch(body), false, fixture.name);
      assert.deepEqual(summary(validate.errors), summary(branch.errors), fixture.name);
      routed += 1;
    }
    assert.ok(routed > 50, `only ${routed} invalid bodies were routed`);

    // A connector type the bundle does not know is the discriminator's error.
    assert.equal(validate({ name: 'n', connector_type_id: '.no-such-type' }), false);
    assert.equal(validate.errors[0].keyword, 'discriminator');
  });

  test(`${dialect}: the stored bundle and each type's stored schema accept what Kibana returns`, () => {
    const bundle = validatorOf(dialect, `${dialect}/stored.json`);
    for (const fixture of ALL.filter((f) => f.kind === 'valid' && f.folder !== 'envelope')) {
      const own = validatorOf(dialect, `${dialect}/stored/${fixture.folder}.json`);
      const { name, connector_type_id, config } = fixture.data.normalized;
      const response = {
        id: 'c55b6eb0-6bad-11eb-9f3b-611eebc6c3ad',
        name,
        config,
        connector_type_id,
        is_preconfigured: false,
        is_deprecated: false,
        is_system_action: false,
        is_connector_type_deprecated: false,
        is_missing_secrets: false,
      };
      assert.ok(bundle(response), `${fixture.name}: ${JSON.stringify(bundle.errors)}`);
      assert.ok(own(response), `${fixture.name}: ${JSON.stringify(own.errors)}`);
      // The config as sent lacks the defaults Kibana adds: not what Kibana returns.
      const sent = bodyOf(fixture)?.config;
      const added = Object.keys(config).filter((key) => sent && typeof sent === 'object' && !(key in sent));
      if (added.length > 0) {
        assert.equal(bundle({ ...response, config: sent }), false, `${fixture.name}: accepts a config without ${added}`);
        assert.equal(own({ ...response, config: sent }), false, `${fixture.name}: accepts a config without ${added}`);
      }
    }
  });
}

test('openapi-3.0: the Schema Objects and the OpenAPI document agree with the fixtures', () => {
  // OpenAPI documents carry keywords that are not JSON Schema (`openapi`, `example`): not strict.
  const ajv = new Ajv({ strict: false, discriminator: true, allErrors: true });
  const validators = new Map(creatable.map((name) => [name, ajv.compile(schemaFile(`openapi-3.0/request/${name}.json`))]));
  assert.deepEqual(agreement('openapi-3.0', (fixture) => validators.get(fixture.folder)), []);

  const document = schemaFile('openapi-3.0/request.json');
  assert.equal(document.openapi, '3.0.3');
  const root = document.components.schemas.CreateConnectorBody;
  assert.equal(Object.keys(root.discriminator.mapping).length, creatable.length);
  // ajv reads each branch's value instead of `mapping`, which it refuses.
  delete root.discriminator.mapping;
  ajv.addSchema(document, 'openapi.json');
  const validate = ajv.getSchema('openapi.json#/components/schemas/CreateConnectorBody');
  assert.deepEqual(agreement('openapi-3.0 document', () => validate), []);
});

test("the package's jsonSchema() for main gives exactly the committed files", async () => {
  const { loadPackage } = await import('../../www/test/helpers.mjs').catch(() => ({}));
  const pkg = loadPackage ? await loadPackage() : await loadFromPkg();
  for (const dialect of ['2020-12', 'draft-07', 'openapi-3.0']) {
    for (const contract of ['request', 'stored']) {
      assert.deepEqual(pkg.jsonSchema(undefined, { dialect, contract, kibanaVersion: 'main' }), schemaFile(`${dialect}/${contract}.json`));
    }
    // An update body does not name its type: there is no bundle to give.
    assert.throws(() => pkg.jsonSchema(undefined, { dialect, contract: 'update' }), { name: 'TypeError', message: /update body does not name its type/ });
    for (const contract of CONTRACTS) {
      for (const name of creatable) {
        assert.deepEqual(pkg.jsonSchema(`.${name}`, { dialect, contract, kibanaVersion: 'main' }), schemaFile(`${dialect}/${contract}/${name}.json`), name);
      }
    }
  }
  assert.deepEqual(pkg.jsonSchema('.index'), schemaFile('2020-12/request/index.json'));
  // A release whose schema differs from main's says so in its `$id`, so that one ajv can hold both.
  const older = pkg.jsonSchema('.webhook', { kibanaVersion: '9.1' });
  assert.equal(older.$id, `${schemaFile('2020-12/request/webhook.json').$id}?kibanaVersion=9.1`);
  const ajv = new Ajv2020({ logger });
  ajv.compile(older);
  ajv.compile(schemaFile('2020-12/request/webhook.json'));
  // By default the newest release: a type that only main registers has no schema there.
  assert.equal(pkg.jsonSchema('.trello'), null);
  assert.ok(pkg.jsonSchema('.trello', { kibanaVersion: 'main' }));
  assert.equal(pkg.jsonSchema('.http', { kibanaVersion: '9.3' }), null);
  assert.throws(() => pkg.jsonSchema('.index', { kibanaVersion: '7.17' }), TypeError);
  assert.equal(pkg.jsonSchema('.cases'), null);
  assert.throws(() => pkg.jsonSchema('.index', { dialect: 'draft-04' }), TypeError);
});

async function loadFromPkg() {
  const pkg = await import(new URL('pkg/kibana_connectors.js', ROOT));
  pkg.initSync({ module: readFileSync(new URL('pkg/kibana_connectors_bg.wasm', ROOT)) });
  await pkg.initJsonSchema({ module_or_path: readFileSync(new URL('pkg/kibana_connectors_schemas_bg.wasm', ROOT)) });
  return pkg;
}

test('the npm package ships the committed schemas under kibana-connectors/schemas/', () => {
  const manifest = readJson(new URL('pkg/package.json', ROOT));
  assert.ok(manifest.files.includes('schemas/'));
  assert.equal(manifest.exports['./schemas/*'], './schemas/*');
  const walk = (dir) =>
    readdirSync(new URL(dir, ROOT), { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(`${dir}${entry.name}/`) : [`${dir}${entry.name}`],
    );
  const files = walk('schemas/').filter((file) => file.endsWith('.json'));
  assert.ok(files.length > 900, `only ${files.length} files`);
  for (const file of files) {
    assert.deepEqual(readJson(new URL(`pkg/${file}`, ROOT)), readJson(new URL(file, ROOT)), file);
  }
});

test('the README\'s idiom holds many types and releases in one ajv: each $id compiled once', async () => {
  const { default: Ajv2020 } = await import('ajv/dist/2020.js');
  const { loadPackage } = await import('../../www/test/helpers.mjs');
  const pkg = await loadPackage();
  const ajv = new Ajv2020({ discriminator: true });
  const compiled = (schema) => ajv.getSchema(schema.$id) ?? ajv.compile(schema);
  const body = { name: 'n', connector_type_id: '.index', config: { index: 'i' } };
  for (const kibanaVersion of ['8.19', '9.3', '9.6', 'main']) {
    for (const id of ['.index', '.webhook', '.gen-ai']) compiled(pkg.jsonSchema(id, { kibanaVersion }));
    assert.equal(compiled(pkg.jsonSchema('.index', { kibanaVersion }))(body), true, kibanaVersion);
    assert.equal(compiled(pkg.jsonSchema(undefined, { kibanaVersion }))(body), true, kibanaVersion);
  }
  // The trap the idiom avoids.
  assert.throws(() => new Ajv2020().compile(pkg.jsonSchema('.index')) && ajv.compile(pkg.jsonSchema('.index')), /already exists/);
});
