// Every fixture in tests/fixtures, through the npm package (wasm) in Node: the same answers as
// the native run (tests/fixtures.rs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { loadPackage } from './helpers.mjs';

const pkg = await loadPackage();
const ROOT = new URL('../../tests/fixtures/', import.meta.url);

function* fixtures(kind) {
  for (const type of readdirSync(ROOT).sort()) {
    const dir = new URL(`${type}/${kind}/`, ROOT);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      yield [`${type}/${kind}/${file}`, JSON.parse(readFileSync(new URL(file, dir), 'utf8'))];
    }
  }
}

const pairs = (issues) => issues.map((issue) => [issue.code, issue.path]);
const input = (fixture) => (fixture.bodyText !== undefined ? fixture.bodyText : fixture.body);
// The fixtures were written from Kibana main's sources: one that names no release is main's.
const optionsOf = (fixture) => ({ kibanaVersion: 'main', ...fixture.options });

test('valid fixtures: valid, normalized as expected', () => {
  let count = 0;
  for (const [name, fixture] of fixtures('valid')) {
    const report = pkg.validate(input(fixture), optionsOf(fixture));
    assert.equal(report.valid, true, `${name}: ${JSON.stringify(report.errors)}`);
    assert.equal(report.kibanaError, null, name);
    if (fixture.warnings) assert.deepEqual(pairs(report.warnings), fixture.warnings, name);
    const out = pkg.normalize(input(fixture), optionsOf(fixture));
    assert.deepEqual(out, { ok: true, body: fixture.normalized }, name);
    count += 1;
  }
  assert.ok(count > 0);
});

test('invalid fixtures: every error, and Kibana\'s answer', () => {
  let count = 0;
  for (const [name, fixture] of fixtures('invalid')) {
    const report = pkg.validate(input(fixture), optionsOf(fixture));
    assert.equal(report.valid, false, name);
    assert.deepEqual(pairs(report.errors), fixture.errors, name);
    assert.equal(report.kibanaError?.message ?? null, fixture.kibanaError, name);
    const out = pkg.normalize(input(fixture), optionsOf(fixture));
    assert.equal(out.ok, false, name);
    assert.deepEqual(pairs(out.errors), fixture.errors, name);
    count += 1;
  }
  assert.ok(count > 0);
});

test('era fixtures: each release\'s own words', () => {
  let count = 0;
  for (const [name, fixture] of fixtures('eras')) {
    for (const kibanaVersion of fixture.versions) {
      const report = pkg.validate(fixture.body, { kibanaVersion });
      assert.equal(report.kibanaError?.message, fixture.kibanaError, `${name} (${kibanaVersion})`);
      assert.equal(report.kibanaVersion, kibanaVersion);
      count += 1;
    }
  }
  assert.ok(count >= 60, `${count}`);
});
