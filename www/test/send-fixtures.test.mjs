// Every valid fixture body (tests/fixtures/*/valid) through the page, end to end in headless
// Chromium: imported into the form, then sent through the page's server to the test Kibana
// (fake-kibana.mjs), which checks what arrives with the package. What arrives must be the body as
// imported (what the page checked), and Kibana must accept it. The import area's verdict must be
// the Check panel's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { startServer } from '../server.mjs';
import { startFakeKibana } from './fake-kibana.mjs';
import { launchBrowser, loadPackage } from './helpers.mjs';

const pkg = await loadPackage();
const ROOT = new URL('../../tests/fixtures/', import.meta.url);

/** Every valid fixture as a create request: { name, text, id }. Update-mode fixtures get their
 *  connector type in the body (the page creates connectors). */
function validFixtures() {
  const out = [];
  for (const type of readdirSync(ROOT).sort()) {
    const dir = new URL(`${type}/valid/`, ROOT);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      const fixture = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
      let text = fixture.bodyText ?? JSON.stringify(fixture.body);
      if (fixture.options?.mode === 'update') {
        text = JSON.stringify({ ...JSON.parse(text), connector_type_id: fixture.options.connectorTypeId });
      }
      out.push({ name: `${type}/${file}`, text, id: fixture.options?.id ?? '' });
    }
  }
  return out;
}

/**
 * The body the form holds for an imported one: config-schema's JSON-text coercions applied (a
 * body, `config` or `secrets` given as JSON text of an object is that object: Kibana reads and
 * stores the object), and what JSON.stringify makes of numbers JSON cannot hold (1e400).
 */
function asTheFormHoldsIt(value) {
  const objectOf = (item) => {
    if (typeof item !== 'string') return item;
    try {
      const parsed = JSON.parse(item);
      return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : item;
    } catch {
      return item;
    }
  };
  const body = objectOf(value);
  for (const key of ['config', 'secrets']) if (Object.hasOwn(body, key)) body[key] = objectOf(body[key]);
  return JSON.parse(JSON.stringify(body));
}

let browser;
let kibana;
let server;

before(async () => {
  kibana = await startFakeKibana(pkg);
  [server, browser] = await Promise.all([startServer({ port: 0, kibanaUrl: kibana.url, timeoutMs: 5000 }), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  server?.server.close();
  await kibana?.close();
});

test('every valid fixture body, imported and sent, arrives as imported and Kibana accepts it', async () => {
  const fixtures = validFixtures();
  assert.ok(fixtures.length > 700, `${fixtures.length} fixtures`);
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(server.url);
  await page.waitForSelector('html[data-state="ready"][data-sending="on"]');
  await page.fill('#api-key', kibana.apiKey);
  await page.click('#import-details summary');
  const failures = [];
  for (const fixture of fixtures) {
    kibana.reset();
    kibana.connectors.clear();
    // One round trip per fixture: import, set the id, send, wait for the answer.
    const seen = await page.evaluate(async ({ text, id }) => {
      const $ = (name) => document.getElementById(name);
      $('import-text').value = text;
      $('import-button').click();
      const imported = $('import-result').textContent;
      $('connector-id').value = id;
      $('connector-id').dispatchEvent(new Event('input', { bubbles: true }));
      const check = $('kibana').textContent;
      const result = $('send-result');
      delete result.dataset.state;
      $('send').click();
      // A second send of the same body asks first: this test means it.
      document.querySelector('#send-again')?.click();
      for (let i = 0; i < 1500 && !result.dataset.state; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
      return { imported, check, state: result.dataset.state ?? 'none', title: $('send-title')?.textContent ?? result.textContent };
    }, fixture);
    const received = kibana.requests.at(-1);
    const expected = asTheFormHoldsIt(JSON.parse(fixture.text));
    const problems = [];
    if (!/no problems/.test(seen.imported)) problems.push(`import: ${seen.imported}`);
    if (!/^200 OK/.test(seen.check)) problems.push(`check: ${seen.check}`);
    if (seen.state !== 'success') problems.push(`send: ${seen.title}`);
    if (!received) problems.push('nothing arrived');
    else {
      try {
        assert.deepEqual(received.body, expected);
      } catch {
        problems.push(`arrived ${JSON.stringify(received.body)}\n   expected ${JSON.stringify(expected)}`);
      }
      const report = pkg.validate(received.body, fixture.id ? { id: fixture.id } : undefined);
      if (!report.valid) problems.push(`what arrived is refused: ${report.kibanaError?.message}`);
    }
    if (problems.length > 0) failures.push(`${fixture.name}\n  ${problems.join('\n  ')}`);
  }
  await context.close();
  assert.deepEqual(errors, []);
  assert.equal(failures.length, 0, `${failures.length} of ${fixtures.length} fixtures:\n${failures.slice(0, 40).join('\n')}`);
});
