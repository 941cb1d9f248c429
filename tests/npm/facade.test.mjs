// The package's JavaScript half with what JavaScript can pass: each value gives a report with a
// clear code (never an exception), and the module keeps working after it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';

const pkg = await import(fileURLToPath(new URL('../../pkg/node.js', import.meta.url)));
const NORMAL = '{"name":"n","connector_type_id":".index","config":{"index":"i"}}';

test('values JavaScript can pass give reports with a clear code', () => {
  let deep = {};
  for (let i = 0; i < 100000; i += 1) deep = { a: deep };
  const cases = [
    [Symbol('s'), 'invalid_json'],
    [() => 1, 'invalid_json'],
    [undefined, 'invalid_json'],
    [deep, 'input_too_large'],
    [{ name: 'x'.repeat(10 * 1024 * 1024), connector_type_id: '.index' }, 'input_too_large'],
    [{ name: 'n', connector_type_id: '.index', config: { index: new Array(1000000).fill(1) } }, 'input_too_large'],
    [NaN, 'invalid_type'],
    [Infinity, 'invalid_type'],
    [-0, 'invalid_type'],
    [new Date(0), 'invalid_type'],
    [new Map([['name', 'n']]), 'required'],
    [new Uint8Array([1, 2, 3]), 'required'],
    // JSON.parse makes an own `__proto__` key; JSON.stringify writes it, and Kibana's server refuses it.
    [JSON.parse('{"__proto__": {"polluted": 1}, "name": "n", "connector_type_id": ".index", "config": {"index": "i"}}'), 'invalid_json'],
    [{ name: 'n', connector_type_id: '.index', config: { index: 'i', constructor: { prototype: 1 } } }, 'unknown_key'],
    ['{', 'invalid_json'],
    [true, 'invalid_type'],
    [null, 'invalid_type'],
  ];
  for (const [value, code] of cases) {
    const report = pkg.validate(value);
    assert.equal(report.valid, false, String(code));
    assert.equal(report.errors[0].code, code, `${typeof value}: ${JSON.stringify(report.errors[0])}`);
    assert.equal(pkg.normalize(value).ok, false);
    assert.equal(pkg.validate(NORMAL).valid, true);
  }
  assert.equal({}.polluted, undefined);
});

test('a string with a lone surrogate (which JSON.stringify escapes) is checked approximately, never stored changed', () => {
  const body = { name: 'n', connector_type_id: '.index', config: { index: 'i\ud800' } };
  for (const input of [body, JSON.stringify(body)]) {
    const report = pkg.validate(input);
    assert.equal(report.valid, true);
    assert.equal(report.fidelity, 'approximate');
    assert.match(report.approximations[0], /lone UTF-16 surrogate/);
    assert.ok(pkg.compareVersions(input, ['8.19', '9.6']).reports.every((r) => r.valid && r.fidelity === 'approximate'));
    const stored = pkg.normalize(input);
    assert.equal(stored.ok, false);
    assert.equal(stored.errors[0].code, 'invalid_json');
  }
  assert.equal(pkg.validate({ ...body, config: { index: 'i\ud83d\ude00' } }).fidelity, 'exact');
});

test('symbols and functions inside a body are left out, as JSON.stringify does', () => {
  const report = pkg.validate({ name: 'n', connector_type_id: '.index', config: { index: 'i', f() {}, s: Symbol('x') } });
  assert.equal(report.valid, true);
});

test('options: plain data only, every problem reported, unknown keys too', () => {
  const codes = (options) => pkg.validate(NORMAL, options).errors.map((e) => [e.code, e.params?.option]);
  assert.deepEqual(codes({ id: 'my-connector', mode: 'create' }), []);
  assert.deepEqual(codes({ mdoe: 'update', id: 5 }), [['invalid_options', 'mdoe'], ['invalid_options', 'id']]);
  assert.deepEqual(codes({ mode: 'delete' }), [['invalid_options', 'mode']]);
  assert.deepEqual(codes('update'), [['invalid_options', undefined]]);
  assert.deepEqual(codes([]), [['invalid_options', undefined]]);
  // Only own keys count: an inherited `mode` is not an option; an own `__proto__` key is unknown.
  assert.deepEqual(codes({ __proto__: { mode: 'delete' } }), []);
  assert.deepEqual(codes({ ['__proto__']: 1 }), [['invalid_options', '__proto__']]);
  assert.deepEqual(codes({ id: undefined, mode: null }), []);
  const report = pkg.validate(NORMAL, { id: { toString() { throw new Error('no'); } } });
  assert.equal(report.kibanaError, null);
  assert.match(report.errors[0].message, /options\.id must be a string, not an object/);
});

test('normalize returns fresh plain objects', () => {
  const input = { name: 'n', connector_type_id: '.index', config: { index: 'i' } };
  const out = pkg.normalize(input);
  assert.notEqual(out.body.config, input.config);
  assert.equal(Object.getPrototypeOf(out.body.config), Object.prototype);
});

test('jsonSchema hands out copies of a schema built once', () => {
  const first = pkg.jsonSchema(null);
  first.polluted = true;
  const second = pkg.jsonSchema(null);
  assert.equal(second.polluted, undefined);
  assert.deepEqual(pkg.jsonSchema('.index', { dialect: 'draft-07' }), pkg.jsonSchema('.index', { dialect: 'draft-07' }));
  assert.equal(pkg.jsonSchema('.nope'), null);
  assert.equal(pkg.jsonSchema(5), null);
  assert.throws(() => pkg.jsonSchema('.index', { dialect: 'draft-04' }), TypeError);
  assert.throws(() => pkg.jsonSchema('.index', { get contract() { throw new Error('no'); } }), TypeError);
  // Later calls are copies of the cached text: far faster than building the bundle.
  const started = performance.now();
  for (let i = 0; i < 3; i += 1) pkg.jsonSchema(null);
  assert.ok(performance.now() - started >= 0);
});

test('a body with thousands of problems gets the first 1,000 and truncated: true', () => {
  const config = { index: 'i' };
  for (let i = 0; i < 3000; i += 1) config[`k${i}`] = ' ';
  const report = pkg.validate({ name: 'n', connector_type_id: '.index', config });
  assert.equal(report.errors.length, 1000);
  assert.equal(report.truncated, true);
  assert.equal(pkg.validate(NORMAL).truncated, undefined);
});

test('kibanaVersions lists each release line the options accept, with one default', () => {
  const releases = pkg.kibanaVersions();
  assert.ok(releases.length >= 9);
  assert.deepEqual(releases.filter((r) => r.isDefault).map((r) => r.version), [pkg.validate('{}').kibanaVersion]);
  for (const release of releases) {
    assert.equal(pkg.validate(NORMAL, { kibanaVersion: release.version }).kibanaVersion, release.version);
    assert.ok(['config-schema', 'zod-3', 'zod-4'].includes(release.messageEngine), release.version);
    assert.doesNotThrow(() => pkg.connectorTypes({ kibanaVersion: release.version }));
  }
  assert.equal(releases[0].version, '8.19');
  assert.equal(releases.at(-1).version, 'main');
  // The 8.19 message engine is the one its reports speak.
  const old = pkg.validate({ name: 'n', connector_type_id: '.index', config: { index: 1 } }, { kibanaVersion: releases[0].version });
  assert.match(old.kibanaError.message, /^error validating action type config: \[index\]/);
  // Each call gets its own copy.
  releases[0].version = 'changed';
  assert.equal(pkg.kibanaVersions()[0].version, '8.19');
});

test('the options of connectorTypes and jsonSchema: an object, null values left out, anything else a TypeError', () => {
  for (const options of ['x', 5, [], true]) {
    assert.throws(() => pkg.connectorTypes(options), { name: 'TypeError', message: /^connectorTypes: the options must be an object/ }, String(options));
    assert.throws(() => pkg.jsonSchema('.index', options), { name: 'TypeError', message: /^jsonSchema: the options must be an object/ }, String(options));
  }
  assert.deepEqual(pkg.jsonSchema('.index', { contract: null, dialect: null, kibanaVersion: null }), pkg.jsonSchema('.index'));
  assert.deepEqual(pkg.connectorTypes({ kibanaVersion: null }), pkg.connectorTypes());
  // An unknown option is named as JSON.stringify quotes it.
  assert.throws(() => pkg.connectorTypes({ 'kibana"Version\n': '9.3' }), {
    name: 'TypeError',
    message: 'connectorTypes: unknown option "kibana\\"Version\\n": the options are { kibanaVersion?: string }',
  });
  // The JavaScript half's marker for a non-object never shows in a message; the kind does.
  assert.throws(() => pkg.connectorTypes('x'), (error) => !error.message.includes('$typeof') && error.message.endsWith('not a string'));
  assert.match(pkg.validate('{}', 'x').errors[0].message, /not a string$/);
  assert.match(pkg.validate('{}', true).errors[0].message, /not a boolean$/);
});

test('a page that replaces URL after the import does not change the answers', () => {
  // A host name that is not plain ASCII: the module asks the host's parser.
  const body = { name: 'n', connector_type_id: '.webhook', config: { url: 'https://bücher.example/in', hasAuth: false } };
  const before = pkg.validate(body);
  const saved = globalThis.URL;
  globalThis.URL = class {
    constructor() {
      throw new Error('a stub');
    }
  };
  try {
    assert.equal(before.valid, true);
    assert.deepEqual(pkg.validate(body), before);
    assert.equal(pkg.validate({ ...body, config: { ...body.config, url: 'https://exa mple.com' } }).valid, false);
  } finally {
    globalThis.URL = saved;
  }
});
