// The page end to end, in headless Chromium: served as `make serve` serves it (startServer),
// sending to the test Kibana (fake-kibana.mjs) through the proxy, directly (CORS), or not at all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../server.mjs';
import { startFakeKibana } from './fake-kibana.mjs';
import { ARTIFACTS, launchBrowser, loadPackage, setField, settled, browserTraces, closedPortUrl } from './helpers.mjs';
import { HINTS } from '../public/modes.js';

const pkg = await loadPackage();
let browser;
let kibana; // the test Kibana
let proxied; // the page, sending through its server to the test Kibana
let plain; // the page without KIBANA_URL
const opened = [];

before(async () => {
  kibana = await startFakeKibana(pkg);
  [proxied, plain, browser] = await Promise.all([
    startServer({ port: 0, kibanaUrl: kibana.url, timeoutMs: 1000 }),
    startServer({ port: 0 }),
    launchBrowser(),
  ]);
});

after(async () => {
  await Promise.all(opened.map((context) => context.close().catch(() => {})));
  await browser?.close();
  proxied?.server.close();
  plain?.server.close();
  await kibana?.close();
});

const shot = (page, name) => page.screenshot({ path: new URL(`${name}.png`, ARTIFACTS).pathname, fullPage: true });

/** A fresh browser context (no storage) on the page, ready. */
async function open(server = proxied, { width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  opened.push(context);
  const page = await context.newPage();
  const log = { errors: [], console: [] };
  page.on('pageerror', (error) => log.errors.push(error.message));
  page.on('console', (message) => log.console.push(`${message.type()}: ${message.text()}`));
  await page.goto(server.url);
  await page.waitForSelector('html[data-state="ready"][data-sending]');
  return { page, log, context };
}

async function pickType(page, type) {
  await page.check(`input[name="connector-type"][value="${type}"]`);
  await page.waitForSelector(`#config-fields .group-fields`);
}

const visibleErrors = (page) => page.locator('.field .messages .error:visible, .group-messages .error:visible').allTextContents();

/** True when the type's model is written (not a `{}` stub) and registered. */
function modelled(type) {
  const schema = pkg.jsonSchema(type);
  const config = schema?.properties?.config;
  return Boolean(schema) && (Object.keys(config?.properties ?? {}).length > 0 || Boolean(config?.oneOf ?? config?.anyOf));
}

// ---------------------------------------------------------------------------------------------

test('the page becomes interactive and offers every creatable type', async (t) => {
  const { page, log } = await open(plain);
  // A figure, not a budget: timings belong to `make bench`.
  const interactive = await page.evaluate(() => performance.getEntriesByName('kc:interactive')[0].startTime);
  t.diagnostic(`time to interactive: ${interactive.toFixed(0)} ms`);
  assert.match(await page.textContent('#version'), /^\d+\.\d+\.\d+$/);
  // Every creatable type is offered, system action types are not.
  const offered = await page.locator('input[name="connector-type"]').evaluateAll((inputs) => inputs.map((i) => i.value));
  const expected = pkg.connectorTypes().filter((type) => !type.isSystemActionType).map((type) => type.id);
  assert.deepEqual([...offered].sort(), [...expected].sort());
  assert.ok(!offered.includes('.cases'));
  // Grouped by the core's categories, each type with its license.
  assert.match(await page.textContent('#type-list'), /ITSM and tickets/);
  assert.match(await page.textContent('#type-list'), /platinum/);
  await shot(page, 'start');
  assert.deepEqual(log.errors, []);
});

test('every connector type renders its form, with a label for every input', async () => {
  const { page, log } = await open(plain);
  for (const type of pkg.connectorTypes().filter((t) => !t.isSystemActionType)) {
    await pickType(page, type.id);
    // Lists and maps get one row each, so that their inputs are checked too.
    for (const add of await page.locator('#config-fields button.add:visible, #secrets-fields button.add:visible').all()) await add.click();
    const unlabelled = await page.locator('input, select, textarea').evaluateAll((elements) => elements
      .filter((e) => e.type !== 'hidden' && !(e.labels?.length > 0) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
      .map((e) => e.id || e.outerHTML));
    assert.deepEqual(unlabelled, [], type.id);
    assert.notEqual(await page.getAttribute('#verdict', 'data-state'), 'loading', type.id);
  }
  assert.deepEqual(log.errors, []);
});

// ---------------------------------------------------------------------------------------------
// Fill and send. One row per connector: what to type, and the body it stands for. The server
// must receive normalize() of that body. Adding a connector is one row.

const KEY_FILE = Buffer.from('-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n');

const ROWS = [
  {
    type: '.email',
    name: 'Ops mail',
    id: 'ops-mail',
    fill: [
      ['/config/service', 'other'],
      ['/config/from', 'alerts@example.com'],
      ['/config/host', 'smtp.example.com'],
      ['/config/port', 587],
      ['/config/hasAuth', true],
      ['/secrets/user', 'mailer'],
      ['/secrets/password', 'mail-pass-1'],
    ],
    body: {
      config: { service: 'other', from: 'alerts@example.com', host: 'smtp.example.com', port: 587, hasAuth: true },
      secrets: { user: 'mailer', password: 'mail-pass-1' },
    },
  },
  {
    type: '.webhook',
    name: 'Hook with a client certificate',
    id: 'hook-tls',
    space: 'ops',
    fill: [
      ['/config/url', 'https://hooks.example.com/in'],
      ['/config/method', 'put'],
      ['/config/headers', { 'X-Team': 'ops' }],
      ['/config/authType', 'webhook-authentication-ssl'],
      ['/config/certType', 'ssl-crt-key'],
      ['/config/verificationMode', 'full'],
      ['/secrets/crt', 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t'],
      ['/secrets/key', { file: { name: 'client.key', mimeType: 'application/x-pem-file', buffer: KEY_FILE } }],
      ['/secrets/password', 'key-passphrase-7'],
    ],
    body: {
      config: { url: 'https://hooks.example.com/in', method: 'put', headers: { 'X-Team': 'ops' }, hasAuth: true, authType: 'webhook-authentication-ssl', certType: 'ssl-crt-key', verificationMode: 'full' },
      secrets: { crt: 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t', key: KEY_FILE.toString('base64'), password: 'key-passphrase-7' },
    },
  },
  {
    type: '.slack_api',
    name: 'Slack bot',
    auth: 'basic',
    fill: [
      ['/config/allowedChannels', [{ id: 'C0123456789', name: '#alerts' }, { name: '#ops' }]],
      ['/secrets/token', 'xoxb-123-secret-token'],
    ],
    body: {
      config: { allowedChannels: [{ id: 'C0123456789', name: '#alerts' }, { name: '#ops' }] },
      secrets: { token: 'xoxb-123-secret-token' },
    },
  },
  {
    type: '.gen-ai',
    name: 'Azure GPT-4o',
    id: 'azure-gpt',
    fill: [
      ['/config/apiProvider', 'Azure OpenAI'],
      ['/config/apiUrl', 'https://my-resource.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-02-01'],
      ['/secrets/apiKey', 'azure-key-secret-9'],
    ],
    body: {
      config: { apiProvider: 'Azure OpenAI', apiUrl: 'https://my-resource.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-02-01' },
      secrets: { apiKey: 'azure-key-secret-9' },
    },
  },
];

async function fill(page, row) {
  await pickType(page, row.type);
  await page.fill('#name', row.name);
  if (row.id) await page.fill('#connector-id', row.id);
  if (row.space) await page.fill('#space-id', row.space);
  for (const [pointer, value] of row.fill) {
    if (value?.file) await page.locator(`[data-pointer="${pointer}"] input[type="file"]`).setInputFiles(value.file);
    else await setField(page, pointer, value);
  }
  await settled(page);
}

/** The secret values of a body: its strings under `secrets`, but names, addresses and choices. */
const secretValues = (secrets) => Object.entries(secrets).filter(([key, value]) => typeof value === 'string' && !HINTS.notSensitive.has(key)).map(([, value]) => value);

async function typeCredentials(page, auth = 'apiKey') {
  if (auth === 'basic') {
    await page.check('#auth-basic');
    await page.fill('#kibana-user', kibana.user);
    await page.fill('#kibana-password', kibana.password);
  } else {
    await page.fill('#api-key', kibana.apiKey);
  }
}

/** Clicks Send and waits for the answer. The same body a second time: the page asks first, and
 *  this confirms. */
async function sendAndWait(page) {
  await page.evaluate(() => { delete document.getElementById('send-result').dataset.state; });
  await page.click('#send');
  if (await page.locator('#send-again').count()) await page.click('#send-again');
  await page.waitForSelector('#send-result[data-state]:not([data-state="confirm"])');
  return {
    state: await page.getAttribute('#send-result', 'data-state'),
    title: await page.textContent('#send-title'),
    detail: (await page.locator('#send-detail').count()) ? await page.textContent('#send-detail') : '',
    text: await page.textContent('#send-result'),
  };
}

for (const row of ROWS) {
  test(`fill and send ${row.type}`, async () => {
    assert.ok(modelled(row.type), `the ${row.type} model has fields to fill`);
    const { page, log } = await open();
    kibana.reset();
    await fill(page, row);
    const body = { name: row.name, connector_type_id: row.type, ...row.body };
    const options = row.id ? { id: row.id } : undefined;
    assert.deepEqual(pkg.validate(body, options).errors, [], 'the row itself is valid');
    const expected = pkg.normalize(body, options).body;

    await page.waitForSelector('#verdict[data-state="valid"]');
    assert.deepEqual(await visibleErrors(page), []);
    assert.match(await page.textContent('#kibana'), /^200 OK/);
    // The preview is the body as built (the one checked); its secrets are masked until revealed.
    const secrets = secretValues(row.body.secrets);
    const masked = await page.textContent('#body-preview');
    for (const secret of secrets) assert.ok(!masked.includes(secret), 'masked body preview');
    for (const secret of secrets) assert.ok(!(await page.textContent('#curl-preview')).includes(secret), 'no secret in curl');
    await page.check('#reveal-secrets');
    const built = JSON.parse(await page.textContent('#body-preview'));
    assert.deepEqual(pkg.validate(built, options).errors, []);
    assert.deepEqual(pkg.normalize(built, options).body, expected, 'the form built the row\'s connector');
    const curl = await page.textContent('#curl-preview');
    const path = `${row.space ? `/s/${row.space}` : ''}/api/actions/connector${row.id ? `/${row.id}` : ''}`;
    assert.ok(curl.includes(`\ncurl -X POST "${kibana.url}${path}"`), curl);
    assert.match(curl, /-H "kbn-xsrf: true"/);
    assert.match(curl, /-H "Content-Type: application\/json"/);
    await page.uncheck('#reveal-secrets');

    await typeCredentials(page, row.auth);
    const result = await sendAndWait(page);
    assert.equal(result.state, 'success', result.text);
    assert.match(result.title, new RegExp(`Created connector "${row.name}"`));
    const received = kibana.requests.at(-1);
    assert.equal(received.method, 'POST');
    assert.equal(received.url, path);
    assert.deepEqual(received.body, built, 'the server received the body the page checked');
    assert.equal(received.headers['kbn-xsrf'], 'true');
    assert.match(received.headers['content-type'], /^application\/json/);
    assert.ok(received.headers.authorization.startsWith(row.auth === 'basic' ? 'Basic ' : 'ApiKey '));
    const shown = JSON.parse(await page.textContent('#send-response'));
    assert.equal(shown.connector_type_id, row.type);
    assert.deepEqual(shown.config, expected.config);
    assert.equal(shown.is_missing_secrets, false);
    await shot(page, `sent-${row.type.slice(1)}`);

    // Nothing the browser keeps holds a secret or the credentials.
    const traces = await browserTraces(page);
    for (const secret of [...secrets, kibana.apiKey, kibana.password]) {
      assert.ok(!traces.includes(secret), `a secret in storage, cookies or the URL: ${secret}`);
      assert.ok(!log.console.some((line) => line.includes(secret)), 'a secret in the console');
    }
    assert.deepEqual(log.errors, []);
  });
}

// ---------------------------------------------------------------------------------------------

test('field errors appear next to their field, are listed, and clear', async () => {
  const { page, log } = await open();
  await pickType(page, '.webhook');
  await page.fill('#name', 'hook');
  const url = page.locator('[data-pointer="/config/url"]');
  // Untouched fields do not shout; the summary lists everything.
  assert.equal(await url.locator('.messages .error').count(), 0);
  assert.match(await page.textContent('#errors'), /URL: Required\./);

  await url.locator('input').fill('not a url');
  await page.waitForSelector('[data-pointer="/config/url"] .messages .error');
  assert.match(await url.locator('.messages .error').textContent(), /Invalid URL/);
  assert.equal(await url.locator('input').getAttribute('aria-invalid'), 'true');
  assert.match(await page.textContent('#kibana'), /^400 Bad Request: error validating connector type config: error validation webhook action config: unable to parse url/);

  await page.fill('#connector-id', 'Bad_Id');
  await page.waitForSelector('#id-msg .error');
  assert.match(await page.textContent('#id-msg'), /lowercase letters, numbers, and hyphens/);

  // Basic authentication with a user and no password: the secrets' own rule.
  await setField(page, '/secrets/user', 'u');
  await page.waitForSelector('#secrets-fields .group-messages .error');
  assert.match(await page.textContent('#secrets-fields .group-messages'), /must specify one of the following schemas/i);
  await page.waitForSelector('#verdict[data-state="invalid"]');
  await shot(page, 'field-errors');

  // Clicking a problem in the summary focuses its field.
  await page.locator('#errors button', { hasText: 'Connector ID' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'connector-id');
  await page.locator('#errors button', { hasText: 'URL' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.closest('[data-pointer]')?.dataset.pointer), '/config/url');

  await url.locator('input').fill('https://example.com/hook');
  await page.fill('#connector-id', 'good-id');
  await setField(page, '/secrets/password', 'p');
  await page.waitForSelector('#verdict[data-state="valid"]');
  assert.deepEqual(await visibleErrors(page), []);
  assert.equal(await url.locator('input').getAttribute('aria-invalid'), null);
  assert.equal(await page.textContent('#id-msg'), '');
  // A check only Kibana can make stays, as a warning.
  assert.match(await url.locator('.messages .warning').textContent(), /xpack\.actions\.allowedHosts/);
  assert.match(await page.textContent('#warnings'), /allowedHosts/);
  assert.match(await page.textContent('#kibana'), /^200 OK.*server checks/);
  assert.deepEqual(log.errors, []);
});

test('fields that only matter in some modes show only then', async () => {
  const { page } = await open();
  await pickType(page, '.webhook');
  const visible = (pointer) => page.locator(`[data-pointer="${pointer}"]`).first().isVisible();
  assert.equal(await visible('/secrets/user'), true);
  assert.equal(await visible('/config/certType'), false);
  await setField(page, '/config/authType', 'webhook-authentication-ssl');
  assert.equal(await visible('/config/certType'), true);
  assert.equal(await visible('/secrets/user'), false);
  assert.equal(await visible('/secrets/pfx'), false);
  await setField(page, '/config/certType', 'ssl-pfx');
  assert.equal(await visible('/secrets/pfx'), true);
  assert.equal(await visible('/secrets/crt'), false);
  await setField(page, '/config/authType', 'webhook-oauth2-client-credentials');
  assert.equal(await visible('/config/accessTokenUrl'), true);
  assert.equal(await visible('/secrets/clientSecret'), true);
  assert.equal(await visible('/secrets/pfx'), false);
  // Without authentication, no auth field, and authType is sent as null (as Kibana's form does).
  await setField(page, '/config/hasAuth', false);
  for (const pointer of ['/config/authType', '/config/accessTokenUrl', '/secrets/clientSecret', '/secrets/password']) {
    assert.equal(await visible(pointer), false, pointer);
  }
  assert.equal(await visible('/secrets/secretHeaders'), true);
  await page.fill('#name', 'n');
  await setField(page, '/config/url', 'https://example.com');
  await page.waitForSelector('#verdict[data-state="valid"]');
  assert.equal(JSON.parse(await page.textContent('#body-preview')).config.authType, null);

  await pickType(page, '.servicenow');
  assert.equal(await visible('/secrets/username'), true);
  assert.equal(await visible('/secrets/privateKey'), false);
  await setField(page, '/config/isOAuth', true);
  assert.equal(await visible('/secrets/privateKey'), true);
  assert.equal(await visible('/config/jwtKeyId'), true);
  assert.equal(await visible('/secrets/username'), false);
  await shot(page, 'servicenow-oauth');

  // Switching back keeps what was typed.
  await pickType(page, '.webhook');
  assert.equal(await page.inputValue('[data-pointer="/config/url"] input'), 'https://example.com');
});

test('Kibana\'s refusals and failures in plain words, and the form is kept', async () => {
  const { page, log } = await open();
  kibana.reset();
  await pickType(page, '.index');
  await page.fill('#name', 'docs');
  await page.fill('#connector-id', 'dup-index');
  await setField(page, '/config/index', 'my-index');
  await page.fill('#api-key', kibana.apiKey);
  let name = 'docs';
  const kept = async () => {
    assert.equal(await page.inputValue('#name'), name);
    assert.equal(await page.inputValue('[data-pointer="/config/index"] input'), 'my-index');
    assert.equal(await page.inputValue('#api-key'), kibana.apiKey);
  };

  // 200, then 409 for the same id.
  assert.equal((await sendAndWait(page)).state, 'success');
  const conflict = await sendAndWait(page);
  assert.equal(conflict.state, 'error');
  assert.match(conflict.title, /A connector with the id "dup-index" already exists \(409 Conflict\)/);
  assert.equal(conflict.detail, 'Saved object [action/dup-index] conflict');
  await shot(page, 'send-409');
  await kept();

  // 400 that the checker predicted: the user sends an invalid body anyway.
  await page.fill('#connector-id', 'other-index');
  await setField(page, '/config/index', ' ');
  await page.waitForSelector('#verdict[data-state="invalid"]');
  assert.equal(await page.textContent('#send'), 'Send anyway');
  const predicted = await page.textContent('#kibana');
  const refused = await sendAndWait(page);
  assert.match(refused.title, /Kibana refused the request \(400 Bad Request\)/);
  assert.ok(predicted.endsWith(refused.detail), `${predicted} / ${refused.detail}`);
  assert.match(refused.text, /The checker predicted this answer\./);
  await shot(page, 'send-400');
  await setField(page, '/config/index', 'my-index');

  // 400 the checker cannot predict: a host outside xpack.actions.allowedHosts.
  kibana.settings.allowedHosts = ['hooks.example.com'];
  try {
    await pickType(page, '.webhook');
    await setField(page, '/config/url', 'https://blocked.example.org/in');
    await setField(page, '/config/hasAuth', false);
    await page.waitForSelector('#verdict[data-state="valid"]');
    const blocked = await sendAndWait(page);
    assert.match(blocked.title, /400 Bad Request/);
    assert.match(blocked.detail, /target url "https:\/\/blocked\.example\.org\/in" is not added to the Kibana config xpack\.actions\.allowedHosts/);
    assert.match(blocked.text, /The checker predicted: 200 OK\./);
  } finally {
    kibana.settings.allowedHosts = ['*'];
  }

  // 403: the license.
  kibana.settings.license = 'basic';
  try {
    const forbidden = await sendAndWait(page);
    assert.match(forbidden.title, /403 Forbidden/);
    assert.match(forbidden.detail, /basic license does not support it/);
  } finally {
    kibana.settings.license = 'enterprise';
  }
  await pickType(page, '.index');

  // 401: wrong credentials.
  await page.fill('#api-key', 'bm90OnZhbGlk');
  const unauthorized = await sendAndWait(page);
  assert.match(unauthorized.title, /did not accept the credentials \(401 Unauthorized\)/);
  await page.fill('#api-key', kibana.apiKey);

  // 5xx, with a message and a name that contain HTML: shown as text, never run.
  name = '<img src=x onerror="window.__xss=1">docs';
  await page.fill('#name', name);
  kibana.respondNext({ status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: '<img src=x onerror="window.__xss=2"><b>boom</b>' } });
  const failed = await sendAndWait(page);
  assert.match(failed.title, /Kibana failed while handling the request \(500 Internal Server Error\)/);
  assert.equal(failed.detail, '<img src=x onerror="window.__xss=2"><b>boom</b>');
  assert.equal(await page.locator('#send-result img, #send-result b').count(), 0);
  // An answer that is not JSON (an HTML error page, a 200 from something that is not Kibana's
  // API): the page's server does not pass it on, it says what came back; nothing was created.
  kibana.respondNext({ status: 502, text: '<html><body><h1>502 Bad Gateway</h1><script>window.__xss=3</script></body></html>' });
  const gateway = await sendAndWait(page);
  assert.equal(gateway.state, 'error');
  assert.match(gateway.detail, /^Kibana answered 502 with Content-Type text\/html \(\d+ bytes\)/);
  assert.equal(await page.locator('#send-result h1, #send-result script').count(), 0);
  kibana.respondNext({ status: 200, text: '<!DOCTYPE html><title>Elastic</title><script>window.__xss=4</script>' });
  const notJson = await sendAndWait(page);
  assert.equal(notJson.state, 'error');
  assert.doesNotMatch(notJson.title, /Created/);
  assert.match(notJson.detail, /^Kibana answered 200 with Content-Type text\/html/);
  await shot(page, 'send-500-html');

  // A name with HTML, created: text everywhere.
  await page.fill('#connector-id', 'html-name');
  const created = await sendAndWait(page);
  assert.equal(created.state, 'success');
  assert.ok(created.title.includes('Created connector "<img src=x onerror="window.__xss=1">docs"'), created.title);
  assert.match(await page.textContent('#body-preview'), /<img src=x onerror/);
  assert.equal(await page.locator('img').count(), 0);

  // Kibana hangs: the page's server gives up after its timeout (1 s here).
  await page.fill('#connector-id', 'late-index');
  kibana.respondNext({ hang: true });
  const late = await sendAndWait(page);
  assert.match(late.title, /No answer from Kibana within 1 s/);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  await kept();
  assert.deepEqual(log.errors, []);
});

test('a Kibana that is down: a network failure in plain words', async () => {
  const down = await startServer({ port: 0, kibanaUrl: await closedPortUrl(), timeoutMs: 2000 });
  try {
    const { page } = await open(down);
    await pickType(page, '.index');
    await page.fill('#name', 'docs');
    await setField(page, '/config/index', 'i');
    await page.fill('#api-key', 'a2V5');
    const result = await sendAndWait(page);
    assert.match(result.title, /The page's server could not reach Kibana at http:\/\/127\.0\.0\.1:\d+\./);
    assert.match(result.detail, /ECONNREFUSED/);
  } finally {
    down.server.close();
  }
});

test('without KIBANA_URL everything but sending works, and the page says how to send', async () => {
  const { page } = await open(plain);
  assert.match(await page.textContent('#send-target'), /Sending is off\..*KIBANA_URL=https:\/\/localhost:5601 make serve/s);
  assert.equal(await page.isVisible('#send-form'), false);
  await pickType(page, '.index');
  await page.fill('#name', 'docs');
  await setField(page, '/config/index', 'i');
  await page.waitForSelector('#verdict[data-state="valid"]');
  assert.match(await page.textContent('#curl-preview'), /^curl -X POST "\$KIBANA_URL\/api\/actions\/connector"/m);
  await shot(page, 'sending-off');
});

test('the direct route: the page calls Kibana itself when kibana.yml allows it (CORS)', async () => {
  const cors = await startFakeKibana(pkg, { cors: { allowOrigin: [] } });
  const direct = await startServer({ port: 0, kibanaUrl: cors.url, direct: true });
  try {
    cors.settings.cors.allowOrigin.push(new URL(direct.url).origin);
    const { page } = await open(direct);
    assert.match(await page.textContent('#send-target'), /calls it directly/);
    await pickType(page, '.index');
    await page.fill('#name', 'direct');
    await setField(page, '/config/index', 'i');
    await page.fill('#api-key', cors.apiKey);
    const ok = await sendAndWait(page);
    assert.equal(ok.state, 'success', ok.text);
    assert.equal(cors.requests.at(-1).headers.origin, new URL(direct.url).origin);
    // Without `server.cors.allowOrigin` the browser blocks the answer: the page says why.
    cors.settings.cors.allowOrigin.length = 0;
    const blocked = await sendAndWait(page);
    assert.match(blocked.title, /Could not reach Kibana at/);
    assert.match(blocked.text, /server\.cors/);
  } finally {
    direct.server.close();
    await cors.close();
  }
});

test('import: a pasted or dropped body fills the form and shows its problems', async () => {
  const { page, log } = await open();
  const pasted = {
    name: 'imported hook',
    connector_type_id: '.webhook',
    config: { url: 'nope', method: 'put', headers: { 'X-A': 'b' }, hasAuth: true, authType: 'webhook-authentication-basic', extraKey: 1, verificationMode: 'sometimes' },
    secrets: { user: 'u', password: 'import-secret-5' },
  };
  const raw = JSON.stringify(pasted);
  await page.click('#import-details summary');
  await page.fill('#import-text', raw);
  await page.click('#import-button');
  await page.waitForSelector('#import-result p');
  const report = pkg.validate(raw);
  assert.match(await page.textContent('#import-result'), new RegExp(`Imported a \\.webhook body with ${report.errors.length} problems`));
  assert.match(await page.textContent('#import-result'), /Kibana would answer: 400 Bad Request/);
  assert.equal(await page.inputValue('#import-text'), '', 'the pasted text (with its secrets) is not kept');
  assert.equal(await page.inputValue('#name'), 'imported hook');
  assert.equal(await page.inputValue('[data-pointer="/config/url"] input'), 'nope');
  assert.equal(await page.inputValue('[data-pointer="/secrets/password"] input'), 'import-secret-5');
  assert.equal(await page.getAttribute('[data-pointer="/secrets/password"] input', 'type'), 'password');
  // Every problem of the pasted body is listed, each at its field; unknown keys are kept.
  assert.equal(await page.locator('#errors li').count(), report.errors.length);
  assert.match(await page.textContent('#config-fields .extras'), /extraKey/);
  assert.match(await page.textContent('#config-fields .group-messages'), /does not know the key "extraKey"/);
  // The value the select cannot hold is kept as JSON, with its error.
  assert.equal(JSON.parse(await page.inputValue('[data-pointer="/config/verificationMode"] .raw textarea')), 'sometimes');
  assert.match(await page.textContent('[data-pointer="/config/verificationMode"] .messages'), /Invalid option|none|certificate/);
  await shot(page, 'import-problems');
  // Fixing the schema problems lets Kibana's next checks run: the URL's.
  await page.locator('#config-fields .extras button').click();
  assert.equal(await page.locator('#config-fields .extras:visible').count(), 0);
  await page.click('[data-pointer="/config/verificationMode"] .raw button');
  await page.waitForSelector('[data-pointer="/config/url"] .messages .error');
  assert.match(await page.textContent('[data-pointer="/config/url"] .messages'), /Invalid URL/);

  // A dropped file, whose config is JSON text (Kibana's config-schema accepts that).
  await page.evaluate(() => {
    const transfer = new DataTransfer();
    const body = { name: 'dropped', connector_type_id: '.index', config: JSON.stringify({ index: 'logs' }) };
    transfer.items.add(new File([JSON.stringify(body)], 'connector.json', { type: 'application/json' }));
    document.getElementById('import-section').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  });
  await page.waitForSelector('#verdict[data-state="valid"]');
  assert.equal(await page.inputValue('[data-pointer="/config/index"] input'), 'logs');
  assert.equal(await page.isChecked('input[value=".index"]'), true);

  // Text that is not JSON: only where it stops is shown, never the browser's message, which
  // quotes the text around the error (here a secret).
  const broken = [
    // Chromium: "Unexpected token ']', "…" is not valid JSON" (no position: the checker's).
    ['{"secrets": {"password": import-secret-10}}', 'This is not JSON (line 1, column 26).'],
    ['{"secrets": {"password": "import-secret-10"}, "x": [1,]}', 'This is not JSON (line 1, column 55).'],
    ['{"é": [1,], "secrets": {"password": "import-secret-10"}}', 'This is not JSON (line 1, column 10).'],
    ['import-secret-10', 'This is not JSON (line 1, column 1).'],
    // "… in JSON at position N (line L column C)".
    ['{\n  "secrets": {"password": "import-secret-10"}\n  oops\n}', 'This is not JSON (line 3, column 3).'],
    [JSON.stringify('{"secrets": {"password": "import-secret-10"}, oops}'), 'This is a string whose text is not JSON (line 1, column 47 of the text in the string).'],
  ];
  for (const [text, expected] of broken) {
    await page.fill('#import-text', text);
    await page.click('#import-button');
    const shown = await page.textContent('#import-result');
    for (const piece of ['import', 'secret', 'password']) assert.ok(!shown.includes(piece), `${text}: no part of the text is shown, but: ${shown}`);
    assert.equal(shown, expected, text);
  }
  await page.fill('#import-text', '{"name": ');
  await page.click('#import-button');
  assert.equal(await page.textContent('#import-result'), 'This is not JSON (line 1, column 10).');
  await page.fill('#import-text', '{"name":"x","connector_type_id":".cases"}');
  await page.click('#import-button');
  assert.match(await page.textContent('#import-result'), /system action type/);
  assert.ok(!(await browserTraces(page)).includes('import-secret-5'));
  assert.deepEqual(log.errors, []);
});

test('a reload keeps what was typed, except secrets', async () => {
  const { page } = await open();
  await pickType(page, '.webhook');
  await page.fill('#name', 'kept');
  await setField(page, '/config/url', 'https://example.com/kept');
  await setField(page, '/secrets/user', 'user-1');
  await setField(page, '/secrets/password', 'reload-secret-3');
  await page.fill('#api-key', 'reload-api-key-4');
  await page.reload();
  await page.waitForSelector('html[data-state="ready"]');
  assert.equal(await page.inputValue('#name'), 'kept');
  assert.equal(await page.inputValue('[data-pointer="/config/url"] input'), 'https://example.com/kept');
  assert.equal(await page.inputValue('[data-pointer="/secrets/password"] input'), '');
  assert.equal(await page.inputValue('#api-key'), '');
  const traces = await browserTraces(page);
  for (const secret of ['reload-secret-3', 'reload-api-key-4', 'user-1']) assert.ok(!traces.includes(secret), secret);
});

test('secrets: password inputs with a show toggle, masked in the previews, variables in curl', async () => {
  const { page } = await open();
  await pickType(page, '.slack_api');
  await setField(page, '/secrets/token', 'xoxb-mask-me');
  const input = page.locator('[data-pointer="/secrets/token"] .control input');
  assert.equal(await input.getAttribute('type'), 'password');
  await page.click('[data-pointer="/secrets/token"] button.reveal');
  assert.equal(await input.getAttribute('type'), 'text');
  assert.equal(await page.getAttribute('[data-pointer="/secrets/token"] button.reveal', 'aria-pressed'), 'true');
  await page.fill('#api-key', 'never-in-curl');
  assert.ok(!(await page.textContent('#body-preview')).includes('xoxb-mask-me'));
  assert.ok((await page.textContent('#body-preview')).includes('••••••••'));
  // The copied command never holds masks (running it would store them): a shell variable, and
  // the line that reads it from the terminal.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.click('#copy-curl');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await page.textContent('#curl-preview'));
  assert.ok(!copied.includes('xoxb-mask-me'));
  assert.ok(!copied.includes('••'), copied);
  assert.match(copied, /"token": "'"\$TOKEN"'"/);
  assert.match(copied, /^ask TOKEN '.*' json$/m);
  assert.ok(!copied.includes('never-in-curl'));
  // The body copied without reveal leaves the secrets out (never as masks).
  await page.click('#copy-body');
  assert.deepEqual(JSON.parse(await page.evaluate(() => navigator.clipboard.readText())).secrets, {});
  // Revealed: the values, with a warning.
  await page.check('#reveal-secrets');
  const revealed = await page.textContent('#curl-preview');
  assert.ok(revealed.includes('"token": "xoxb-mask-me"'));
  assert.match(revealed, /^# Warning: this command holds the connector's secrets in clear text/);
  assert.match(await page.textContent('#curl-caption'), /clear text/);
  assert.ok(!revealed.includes('never-in-curl'));
  await page.click('#copy-body');
  assert.deepEqual(JSON.parse(await page.evaluate(() => navigator.clipboard.readText())).secrets, { token: 'xoxb-mask-me' });
});

test('keyboard only: pick a type, fill, send', async () => {
  const { page } = await open();
  kibana.reset();
  const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
  const tabTo = async (id, limit = 80) => {
    for (let i = 0; i < limit; i += 1) {
      if ((await focused()) === id) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached #${id} (at #${await focused()})`);
  };
  await tabTo('type-filter');
  await page.keyboard.type('index');
  await page.keyboard.press('Enter');
  assert.equal(await page.isChecked('input[value=".index"]'), true);
  await tabTo('name');
  await page.keyboard.type('keyboard connector');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'generate-id');
  await page.keyboard.press('Enter');
  assert.match(await page.inputValue('#connector-id'), /^[0-9a-f-]{36}$/);
  await page.keyboard.press('Tab'); // space
  await page.keyboard.press('Tab'); // the first setting: index
  assert.equal(await page.evaluate(() => document.activeElement.closest('[data-pointer]')?.dataset.pointer), '/config/index');
  await page.keyboard.type('kb-index');
  await tabTo('api-key');
  await page.keyboard.type(kibana.apiKey);
  await tabTo('send');
  // Focus is always visible: the focused element has an outline.
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'none');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#send-result[data-state="success"]');
  assert.equal(kibana.requests.at(-1).body.config.index, 'kb-index');
  assert.equal(await focused(), 'send', 'the focus stays where it was');
});

test('the layout works 360 px wide', async () => {
  const { page } = await open(proxied, { width: 360, height: 800 });
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok((await overflow()) <= 360, `start: ${await overflow()} px`);
  await pickType(page, '.webhook');
  await page.fill('#name', 'narrow');
  await setField(page, '/config/url', 'https://a-rather-long-host-name.example.com/with/a/long/path/that/must/wrap');
  await setField(page, '/config/headers', { 'X-Long-Header-Name': 'a value' });
  await setField(page, '/secrets/user', 'u');
  assert.ok((await overflow()) <= 360, `webhook: ${await overflow()} px`);
  await shot(page, 'narrow-360-webhook');
  await pickType(page, '.slack_api');
  await setField(page, '/config/allowedChannels', [{ id: 'C1', name: '#a' }]);
  assert.ok((await overflow()) <= 360, `slack_api: ${await overflow()} px`);
  await shot(page, 'narrow-360-slack-api');
});
