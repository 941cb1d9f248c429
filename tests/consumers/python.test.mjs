// Python's `jsonschema` (tests/consumers/requirements.txt, in tests/consumers/.venv) gives the same
// verdict as ajv on every fixture body, against each type's schema (request and update contracts,
// 2020-12 and draft-07) and against the bundle; and it reads blank strings as Kibana does, also
// for the white space on which regex dialects differ (U+FEFF is blank to `trim()`, U+0085 is not).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import { CREATABLE, ROOT, coerce, fixtures, schemaFile } from './fixtures.mjs';

const PYTHON = fileURLToPath(new URL('.venv/bin/python', import.meta.url));
const SCRIPT = fileURLToPath(new URL('verdicts.py', import.meta.url));
const path = (file) => fileURLToPath(new URL(`schemas/${file}`, ROOT));

/** Python's verdicts on `cases` (`[file, body]` pairs) and its time per file. */
function python(cases) {
  const schemas = Object.fromEntries([...new Set(cases.map(([file]) => file))].map((file) => [file, path(file)]));
  const output = execFileSync(PYTHON, [SCRIPT], { input: JSON.stringify({ schemas, cases }), encoding: 'utf8', maxBuffer: 1 << 28 });
  return JSON.parse(output);
}

const ajvs = { '2020-12': new Ajv2020({ discriminator: true }), 'draft-07': new Ajv({ discriminator: true }) };
const compiled = new Map();
function ajv(file) {
  if (!compiled.has(file)) compiled.set(file, ajvs[file.split('/')[0]].compile(schemaFile(file)));
  return compiled.get(file);
}

/** Whether JSON.parse made a number infinite (JSON Schema has no number for it, see the README). */
const finite = (value) =>
  typeof value === 'number' ? Number.isFinite(value) : !value || typeof value !== 'object' || Object.values(value).every(finite);

const ALL = fixtures().filter((f) => f.body !== undefined && finite(f.body) && CREATABLE.includes(f.folder));

test("Python's jsonschema agrees with ajv on every fixture body, per type and contract", () => {
  const cases = [];
  for (const dialect of ['2020-12', 'draft-07']) {
    for (const fixture of ALL) {
      const contract = fixture.mode === 'update' ? 'update' : 'request';
      const file = `${dialect}/${contract}/${fixture.folder}.json`;
      cases.push([file, fixture.body]);
      const coerced = coerce(fixture.body);
      if (JSON.stringify(coerced) !== JSON.stringify(fixture.body)) cases.push([file, coerced]);
    }
  }
  assert.ok(cases.length > 3000, `only ${cases.length} cases`);
  const { verdicts } = python(cases);
  const disagreements = cases
    .map(([file, body], i) => (ajv(file)(body) === verdicts[i] ? null : `${file}: ajv ${!verdicts[i]}, Python ${verdicts[i]}: ${JSON.stringify(body).slice(0, 200)}`))
    .filter(Boolean);
  assert.deepEqual(disagreements, []);
  // Not all one verdict: the fixtures have valid and invalid bodies.
  assert.ok(verdicts.includes(true) && verdicts.includes(false));
});

test("Python's jsonschema agrees with ajv on the bundle, and is much slower there than on the type's schema", () => {
  const sample = ALL.filter((f) => f.mode === 'create' && f.kind === 'valid').filter((_, i) => i % 8 === 0);
  const cases = [
    ...sample.map((f) => ['2020-12/request.json', f.body]),
    ...sample.map((f) => [`2020-12/request/${f.folder}.json`, f.body]),
  ];
  const { verdicts, seconds } = python(cases);
  cases.forEach(([file, body], i) => assert.equal(verdicts[i], ajv(file)(body), `${file}: ${JSON.stringify(body).slice(0, 200)}`));
  const perType = Object.entries(seconds).filter(([file]) => file !== '2020-12/request.json').reduce((sum, [, s]) => sum + s, 0);
  const bundle = seconds['2020-12/request.json'];
  const ms = (s) => `${((s * 1000) / sample.length).toFixed(2)} ms`;
  console.log(`Python jsonschema per body: ${ms(bundle)} on the bundle, ${ms(perType)} on the type's schema (${sample.length} bodies)`);
  assert.ok(bundle > perType, 'the README advises picking the type first');
});

test("Python's jsonschema reads blank strings as Kibana's trim() does", () => {
  const body = (name) => ({ name, connector_type_id: '.index', config: { index: 'i' } });
  const texts = ['\ufeff', ' \u00a0\u3000\u2028', '\u0085', '\u001c', 'x', '\u180e'];
  // trim() removes U+FEFF and U+00A0…; not U+0085, U+001C or U+180E (Python's \s has the first two).
  const blank = texts.map((text) => text.trim() === '');
  assert.deepEqual(blank, [true, true, false, false, false, false]);
  for (const dialect of ['2020-12', 'draft-07']) {
    const file = `${dialect}/request/index.json`;
    const { verdicts } = python(texts.map((text) => [file, body(text)]));
    assert.deepEqual(verdicts, blank.map((b) => !b), file);
    assert.deepEqual(texts.map((text) => ajv(file)(body(text))), blank.map((b) => !b), file);
  }
});
