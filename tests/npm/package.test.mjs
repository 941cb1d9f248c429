// The npm package as its users get it: `npm pack`, installed from the tarball into a fresh
// project (offline: its one dependency, `yaml`, is in npm's cache since `npm ci`), imported in Node with no loading step, and
// type-checked with tsc (Node's and bundlers' module resolution; a wrong body must not compile).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PKG = join(ROOT, 'pkg');
const TSC = join(ROOT, 'node_modules', '.bin', 'tsc');
const TYPES = join(ROOT, 'tests', 'npm', 'types');

let dir;
let project;
let packed;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'kibana-connectors-npm-'));
  const npm = (args, cwd) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8' });
  [packed] = JSON.parse(npm(['pack', PKG, '--pack-destination', dir, '--json'], dir));
  project = join(dir, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  npm(['install', join(dir, packed.filename), '--offline', '--ignore-scripts'], project);
  for (const file of readdirSync(TYPES)) copyFileSync(join(TYPES, file), join(project, file));
});

after(() => rmSync(dir, { recursive: true, force: true }));

/** The files under `dir`, as paths relative to it. */
function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)).map((path) => `${entry.name}/${path}`) : [entry.name],
  );
}

test('the tarball holds the package and nothing else', (t) => {
  const files = packed.files.map((f) => f.path).sort();
  assert.deepEqual(files, [
    'README.md',
    'kibana_connectors.d.ts',
    'kibana_connectors.js',
    'kibana_connectors_bg.wasm',
    'kibana_connectors_bg.wasm.d.ts',
    'kibana_connectors_bindings.js',
    'kibana_connectors_schemas_bg.wasm',
    'kibana_connectors_schemas_bindings.js',
    'kibana_connectors_types.d.ts',
    'node.d.ts',
    'node.js',
    'package.json',
    // The `kibana-connectors` command (tests/cli/).
    ...readdirSync(join(ROOT, 'cli'))
      .filter((name) => name.endsWith('.mjs'))
      .map((name) => `cli/${name}`),
    // The committed schemas (tests/npm/schemas.test.mjs checks their content).
    ...listFiles(join(ROOT, 'schemas')).filter((path) => path.endsWith('.json')).map((path) => `schemas/${path}`),
  ].sort());
  const size = (name) => {
    const wasm = readFileSync(join(PKG, name));
    return `${wasm.length} bytes, ${gzipSync(wasm, { level: 9 }).length} gzipped`;
  };
  t.diagnostic(`tarball ${packed.size} bytes (unpacked ${packed.unpackedSize}); validating module ${size('kibana_connectors_bg.wasm')}; schema module ${size('kibana_connectors_schemas_bg.wasm')}`);
});

test("the validating module exports no benchmark stage (make bench's module of its own has them)", () => {
  const exports = WebAssembly.Module.exports(new WebAssembly.Module(readFileSync(join(PKG, 'kibana_connectors_bg.wasm'))));
  const names = exports.map((e) => e.name);
  assert.ok(names.includes('validateText'), names.join(', '));
  assert.deepEqual(names.filter((name) => /^bench/i.test(name)), []);
});

test('package.json: name, version from Cargo.toml, entries for Node, browsers and bundlers', () => {
  const manifest = JSON.parse(readFileSync(join(project, 'node_modules', 'kibana-connectors', 'package.json'), 'utf8'));
  const cargo = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
  assert.equal(manifest.name, 'kibana-connectors');
  assert.equal(manifest.version, cargo.match(/^version = "([^"]+)"/m)[1]);
  assert.equal(manifest.license, 'Apache-2.0');
  assert.equal(manifest.type, 'module');
  assert.ok(manifest.description && manifest.repository.url && manifest.keywords.includes('kibana'));
  assert.deepEqual(manifest.exports['.'], {
    node: { types: './node.d.ts', default: './node.js' },
    types: './kibana_connectors.d.ts',
    default: './kibana_connectors.js',
  });
  assert.deepEqual(manifest.sideEffects, ['./node.js']);
  // Bundlers (Vite, webpack 5) copy the wasm file they see in `new URL(…, import.meta.url)`.
  const web = readFileSync(join(PKG, 'kibana_connectors_bindings.js'), 'utf8');
  assert.match(web, /new URL\('kibana_connectors_bg\.wasm', import\.meta\.url\)/);
  const schemas = readFileSync(join(PKG, 'kibana_connectors_schemas_bindings.js'), 'utf8');
  assert.match(schemas, /new URL\('kibana_connectors_schemas_bg\.wasm', import\.meta\.url\)/);
  assert.deepEqual(Object.keys(manifest.exports).filter((key) => key.endsWith('.wasm')), [
    './kibana_connectors_bg.wasm',
    './kibana_connectors_schemas_bg.wasm',
  ]);
});

test('Node imports it with no loading step and validates a body', () => {
  writeFileSync(
    join(project, 'check.mjs'),
    `import init, { validate, normalize, jsonSchema, connectorTypes, version } from 'kibana-connectors';
const before = validate({ name: 'my-connector', connector_type_id: '.index', config: { index: 'test-index' } });
await init(); // a no-op in Node, kept for code shared with browsers
const refused = validate('{"name":"n","connector_type_id":".index"}');
console.log(JSON.stringify({
  valid: before.valid,
  refused: refused.kibanaError.message,
  stored: normalize({ name: 'n', connector_type_id: '.index', config: { index: 'i' } }).body.config,
  bundle: jsonSchema().discriminator,
  types: connectorTypes().length,
  version: version(),
}));
`,
  );
  const run = spawnSync(process.execPath, ['check.mjs'], { cwd: project, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const out = JSON.parse(run.stdout);
  assert.equal(out.valid, true);
  assert.equal(out.refused, 'error validating connector type config: ✖ Invalid input: expected string, received undefined\n  → at index');
  assert.deepEqual(out.stored, { index: 'i', refresh: false, executionTimeField: null });
  assert.deepEqual(out.bundle, { propertyName: 'connector_type_id' });
  assert.ok(out.types > 30);
  assert.match(out.version, /^\d+\.\d+\.\d+/);
});

/** Runs tsc on a tsconfig of tests/npm/types in the consumer project. */
function tsc(config) {
  return spawnSync(TSC, ['-p', config, '--pretty', 'false'], { cwd: project, encoding: 'utf8' });
}

test('TypeScript: the usage compiles with Node resolution (no DOM types) and with bundler resolution', () => {
  for (const config of ['tsconfig.node.json', 'tsconfig.bundler.json']) {
    const run = tsc(config);
    assert.equal(run.status, 0, `${config}:\n${run.stdout}${run.stderr}`);
  }
});

test("TypeScript: the README's quick start compiles as it is", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const quickStart = readme.match(/## What it is[\s\S]*?```ts\n([\s\S]*?)```/)?.[1];
  assert.ok(quickStart?.includes('validate('), 'the quick start is a ts block under "What it is"');
  writeFileSync(join(project, 'readme.ts'), `${quickStart}export {};\n`);
  writeFileSync(
    join(project, 'tsconfig.readme.json'),
    JSON.stringify({ extends: './tsconfig.node.json', files: ['readme.ts'] }),
  );
  const run = tsc('tsconfig.readme.json');
  assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
});

test('TypeScript: a wrong body does not compile', () => {
  const run = tsc('tsconfig.wrong.json');
  assert.notEqual(run.status, 0);
  assert.match(run.stdout, /wrong-body\.ts\(4,\d+\): error TS2769/);
  assert.match(run.stdout, /Type 'number' is not assignable to type 'string'/);
});
