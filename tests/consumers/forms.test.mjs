// The per-type schemas in the form generators users pick, on their defaults, in headless
// Chromium (the page is bundled by esbuild from forms/app.mjs at test time):
//
// - react-jsonschema-form (@rjsf/core with @rjsf/validator-ajv8, draft-07 schemas): every valid
//   create fixture loads and submits without an error; a `.webhook`/`.http` body with
//   `hasAuth: false` is no dead end; a conditionally required field says "required"; every
//   credential option is named (no "Option 1").
// - JSON Forms (@jsonforms/react with the vanilla renderers): every per-type schema renders its
//   fields with the UI schema the README gives, and JSON Forms' own validation finds no error in
//   any valid fixture.
//
// The bundle is not tested with the form generators: rjsf does not follow its discriminator (the
// README says to give it one type's schema).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { launchBrowser } from '../../www/test/helpers.mjs';
import { CREATABLE, ROOT, coerce, fixtures, schemaFile } from './fixtures.mjs';

let browser;
let page;

before(async () => {
  const built = await esbuild.build({
    entryPoints: [fileURLToPath(new URL('forms/app.mjs', import.meta.url))],
    bundle: true,
    format: 'iife',
    write: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  browser = await launchBrowser();
  page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body><div id="app"></div></body></html>');
  await page.addScriptTag({ content: built.outputFiles[0].text });
  assert.deepEqual(problems, []);
});

after(async () => {
  await browser?.close();
});

/** The valid create bodies of the fixtures, as objects (not sent as JSON text). */
const VALID = fixtures().filter(
  (f) => f.kind === 'valid' && f.mode === 'create' && CREATABLE.includes(f.folder) && f.body && JSON.stringify(coerce(f.body)) === JSON.stringify(f.body),
);

const rjsfSubmit = (schema, formData) => page.evaluate(([s, d]) => window.rjsf(s, d).submit(), [schema, formData]);

test("rjsf: every valid create fixture loads into its type's form and submits, unless the defaults the form fills in make Kibana refuse it too", async () => {
  assert.ok(VALID.length > 600, `only ${VALID.length} bodies`);
  const { validate } = await import(new URL('pkg/node.js', ROOT));
  const failures = [];
  const refusedWithDefaults = [];
  for (const fixture of VALID) {
    const outcome = await rjsfSubmit(schemaFile(`draft-07/request/${fixture.folder}.json`), fixture.body);
    if (outcome?.submitted) continue;
    // rjsf fills in every default before it checks: a rule that applies to a value as sent
    // (`.email`'s `hasAuth: true` needs a user and a password) then applies. Kibana must
    // refuse that body too, or the form refused a valid one.
    if (outcome && !validate(outcome.formData, fixture.data.options ?? {}).valid) refusedWithDefaults.push(fixture.name);
    else failures.push(`${fixture.name}: ${JSON.stringify(outcome?.errors)}`);
  }
  assert.deepEqual(failures, []);
  console.log(`${VALID.length} bodies; refused once the defaults are filled in, as Kibana would: ${refusedWithDefaults.join(', ') || 'none'}`);
  assert.ok(refusedWithDefaults.length < 10, refusedWithDefaults.join(', '));
});

test('rjsf: hasAuth false is no dead end; a conditionally required field says "required"', async () => {
  for (const type of ['webhook', 'http']) {
    const schema = schemaFile(`draft-07/request/${type}.json`);
    const body = { name: 'n', connector_type_id: `.${type}`, config: { url: 'https://example.com', hasAuth: false } };
    const outcome = await rjsfSubmit(schema, body);
    assert.equal(outcome.submitted, true, `${type}: ${JSON.stringify(outcome.errors)}`);
    assert.equal(outcome.formData.config.authType, null, type);
    // OAuth 2.0 client credentials without the token URL and client id: "required" errors.
    const oauth = { name: 'n', connector_type_id: `.${type}`, config: { url: 'https://example.com', authType: 'webhook-oauth2-client-credentials' } };
    const refused = await rjsfSubmit(schema, oauth);
    assert.equal(refused.submitted, false);
    const required = refused.errors.filter((e) => e.name === 'required').map((e) => e.params.missingProperty).sort();
    assert.deepEqual(required, ['accessTokenUrl', 'clientId'], JSON.stringify(refused.errors));
    assert.ok(!refused.errors.some((e) => e.name === 'not'), JSON.stringify(refused.errors));
  }
});

test('rjsf: every oneOf/anyOf option is named', async () => {
  // The check sees rjsf's names for untitled options.
  await page.evaluate(() => window.rjsf({ oneOf: [{ type: 'string' }, { type: 'number' }] }, undefined));
  assert.ok((await page.evaluate(() => [...document.querySelectorAll('#app option')].map((o) => o.textContent))).includes('Option 1'));
  const unnamed = [];
  for (const type of CREATABLE) {
    await page.evaluate((s) => window.rjsf(s, undefined), schemaFile(`draft-07/request/${type}.json`));
    const options = await page.evaluate(() => [...document.querySelectorAll('#app option')].map((o) => o.textContent));
    if (options.some((text) => /^Option \d+$/.test(text))) unnamed.push(type);
  }
  assert.deepEqual(unnamed, []);
});

test('JSON Forms: every per-type schema renders its fields, and no valid fixture has an error', async () => {
  const failures = [];
  for (const type of CREATABLE) {
    const schema = schemaFile(`draft-07/request/${type}.json`);
    const bodies = VALID.filter((f) => f.folder === type);
    for (const fixture of bodies.length > 0 ? bodies : [{ name: type, body: undefined }]) {
      const drawn = await page.evaluate(([s, d]) => window.jsonforms(s, d), [schema, fixture.body]);
      if (drawn.inputs < 2) failures.push(`${fixture.name}: ${drawn.inputs} inputs`);
      if (fixture.body && drawn.errors?.length) failures.push(`${fixture.name}: ${drawn.errors.join('; ')}`);
    }
  }
  assert.deepEqual(failures, []);
});
