// Shared by the page's tests: the wasm package loaded in Node, and a headless Chromium.
import { readFileSync, mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const PKG = new URL('../../pkg/', import.meta.url);

/** The npm package, instantiated synchronously from its .wasm file. */
export async function loadPackage() {
  const pkg = await import(new URL('kibana_connectors.js', PKG));
  pkg.initSync({ module: readFileSync(new URL('kibana_connectors_bg.wasm', PKG)) });
  await pkg.initJsonSchema({ module_or_path: readFileSync(new URL('kibana_connectors_schemas_bg.wasm', PKG)) });
  return pkg;
}

/** Where tests leave screenshots to look at. */
export const ARTIFACTS = new URL('../test-artifacts/', import.meta.url);
mkdirSync(ARTIFACTS, { recursive: true });

/** Debian's Chromium, headless, with flags that keep it off the (closed) network.
 *  Playwright gives each launch a fresh, temporary profile. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Sends raw HTTP/1.1 text (for request targets and headers `fetch` would not send) and
 *  resolves to { status, headers, body }. */
export async function rawRequest(url, text) {
  const { connect } = await import('node:net');
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(text));
    socket.setTimeout(5000, () => socket.destroy());
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => { data += chunk; });
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', ...rest] = data.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((line) => {
        const at = line.indexOf(':');
        return [line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim()];
      }));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
  });
}

/** Waits until the page has checked what was typed (typing is checked once it pauses). */
export async function settled(page) {
  await page.waitForFunction(() => (document.documentElement.dataset.checked ?? 'done') === 'done');
}

/** Sets a form field of the page by its JSON pointer, whatever input it is: text, number,
 *  select, checkbox, key/value rows (an object), list rows (an array), nested groups; then waits
 *  for the check. */
export async function setField(page, pointer, value) {
  await fillField(page, pointer, value);
  await settled(page);
}

async function fillField(page, pointer, value) {
  const field = page.locator(`[data-pointer="${pointer}"]`).first();
  const kind = await field.getAttribute('data-kind');
  switch (kind) {
    case 'boolean':
      await field.locator('input[type="checkbox"]').first().setChecked(value === true);
      return;
    case 'enum': {
      // Options show names; each holds the value it sends (JSON) in data-value.
      const select = field.locator('select').first();
      const values = await select.locator('option').evaluateAll((options) => options.map((option) => [option.value, option.dataset.value ?? null, option.textContent]));
      // (A page without data-value: its options read "Label (value)".)
      const match = values.find(([, sent, text]) => (sent === null ? text === String(value) || text.endsWith(`(${value})`) : sent === JSON.stringify(value)));
      if (match === undefined) throw new Error(`${pointer}: no option ${value} in ${values.map(([, sent]) => sent).join(' | ')}`);
      await select.selectOption(match[0]);
      return;
    }
    case 'map':
      for (const [name, text] of Object.entries(value)) {
        await field.locator(':scope > .control > button.add').click();
        const row = field.locator('.kv-row').last();
        await row.locator('input').nth(0).fill(name);
        await row.locator('input').nth(1).fill(text);
      }
      return;
    case 'list':
      for (const [index, item] of value.entries()) {
        await field.locator(':scope > .control > button.add').click();
        await fillField(page, `${pointer}/${index}`, item);
      }
      return;
    case 'object': {
      const include = field.locator(':scope > .control.check input[type="checkbox"]');
      if (await include.count()) await include.check();
      for (const [key, item] of Object.entries(value)) await fillField(page, `${pointer}/${key}`, item);
      return;
    }
    default:
      await field.locator('input:not([type="file"]), textarea').first().fill(typeof value === 'string' ? value : JSON.stringify(value));
  }
}

/** Everything the page keeps in the browser: storage, cookies and its URL. */
export async function browserTraces(page) {
  const inPage = await page.evaluate(() => ({
    localStorage: JSON.stringify({ ...localStorage }),
    sessionStorage: JSON.stringify({ ...sessionStorage }),
    cookie: document.cookie,
    url: location.href,
  }));
  const cookies = JSON.stringify(await page.context().cookies());
  return [inPage.localStorage, inPage.sessionStorage, inPage.cookie, inPage.url, cookies].join('\n');
}

/** The URL of a port nothing listens on. */
export async function closedPortUrl() {
  const { createServer } = await import('node:net');
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return `http://127.0.0.1:${port}`;
}
