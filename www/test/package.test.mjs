// The npm package in Node: the same exports the page uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPackage } from './helpers.mjs';

const pkg = await loadPackage();

test('a valid .index body is valid', () => {
  const report = pkg.validate({ name: 'n', connector_type_id: '.index', config: { index: 'i' } });
  assert.deepEqual(report, { valid: true, errors: [], warnings: [], kibanaError: null, kibanaVersion: '9.6', fidelity: 'exact' });
});

test('an invalid body gets located errors and Kibana\'s answer', () => {
  const report = pkg.validate('{"name":"n","connector_type_id":".index","config":{"index":"i","extra":1}}');
  assert.equal(report.valid, false);
  assert.deepEqual(report.errors.map((e) => [e.code, e.path]), [['unknown_key', '/config/extra']]);
  assert.deepEqual(report.kibanaError, {
    statusCode: 400,
    error: 'Bad Request',
    message: 'error validating connector type config: ✖ Unrecognized key: "extra"',
  });
});

test('normalize and connectorTypes', () => {
  const out = pkg.normalize({ name: 'n', connector_type_id: '.index', config: { index: 'i' } });
  assert.deepEqual(out.body.config, { index: 'i', refresh: false, executionTimeField: null });
  assert.ok(pkg.connectorTypes().some((t) => t.id === '.index' && t.minimumLicense === 'basic'));
  assert.equal(pkg.jsonSchema('.index').properties.connector_type_id.const, '.index');
});
