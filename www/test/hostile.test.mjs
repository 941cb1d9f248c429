// The module never dies in a browser either: 300 calls of each hostile kind
// (tests/npm/hostile/calls.mjs) in headless Chromium, on the page's own origin, then a valid body
// still validates and normalizes. (Node runs 10,000 of each under a wasm table cap:
// tests/npm/hostile.test.mjs.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer } from '../server.mjs';
import { launchBrowser } from './helpers.mjs';

const CALLS = readFileSync(new URL('../../tests/npm/hostile/calls.mjs', import.meta.url), 'utf8');
let browser;
let server;

before(async () => {
  [server, browser] = await Promise.all([startServer({ port: 0 }), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  server?.server.close();
});

test('300 hostile calls of each kind in Chromium, then valid bodies still work', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // Served from the page's origin, as the page's CSP allows only its own scripts.
  await page.route('**/hostile-calls.mjs', (route) => route.fulfill({ body: CALLS, contentType: 'text/javascript' }));
  await page.goto(server.url);
  await page.waitForSelector('html[data-state="ready"]');
  const kinds = await page.evaluate(async () => {
    const pkg = await import('/pkg/kibana_connectors.js');
    await pkg.default();
    const { runHostileCalls } = await import('/hostile-calls.mjs');
    // 300, not more: under the test's DevTools connection each refused cycle costs ~40 ms.
    return runHostileCalls(pkg, 300);
  });
  assert.equal(kinds.length, 15);
  assert.deepEqual(errors, []);
  await context.close();
});
