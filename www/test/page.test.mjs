// The page as `make serve` serves it, in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../server.mjs';
import { ARTIFACTS, launchBrowser } from './helpers.mjs';

let server;
let base;
let browser;

before(async () => {
  ({ server, url: base } = await startServer({ port: 0 }));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('the page loads the wasm module and shows a validation it computed', async () => {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  await page.goto(base);
  await page.waitForSelector('#verdict[data-state="valid"]');
  assert.match(await page.textContent('#version'), /^\d+\.\d+\.\d+$/);
  assert.equal(await page.textContent('#kibana'), '200 OK');

  // Break the body: the verdict and Kibana's answer come from the wasm module.
  await page.fill('#body', '{"name":"n","connector_type_id":".index","config":{}}');
  await page.waitForSelector('#verdict[data-state="invalid"]');
  assert.match(await page.textContent('#kibana'), /^400 error validating connector type config: ✖ Invalid input/);
  await page.screenshot({ path: new URL('page-invalid.png', ARTIFACTS).pathname, fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test('the server sends a Content-Security-Policy and serves nothing outside its folders', async () => {
  const response = await fetch(base);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-security-policy'), /script-src 'self' 'wasm-unsafe-eval'/);
  for (const path of ['/../Cargo.toml', '/%2e%2e/Cargo.toml', '/pkg/..%2f..%2fCargo.toml', '/www/server.mjs']) {
    const res = await fetch(new URL(path, base));
    assert.equal(res.status, 404, path);
  }
});

test('`node www/server.mjs` (what `make serve` runs) prints its URL and serves the page', async () => {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [new URL('../server.mjs', import.meta.url).pathname], {
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const match = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
        if (match) resolve(match[0]);
      });
      child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    const response = await fetch(url);
    assert.equal(response.status, 200);
    assert.match(await response.text(), /<title>kibana-connectors<\/title>/);
  } finally {
    child.kill();
  }
});
