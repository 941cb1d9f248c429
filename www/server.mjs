// Serves the page (www/public/) and the npm package (pkg/) on 127.0.0.1, and, when KIBANA_URL is
// set, forwards the page's connector requests to that Kibana (Kibana ships with CORS off).
//   node www/server.mjs                                   → http://127.0.0.1:8080, sending off
//   PORT=9000 node www/server.mjs
//   KIBANA_URL=https://kibana.example:5601 node www/server.mjs   → sending through this server
//   KIBANA_URL=… KIBANA_DIRECT=1 node www/server.mjs      → the page calls Kibana itself (CORS)
//   KIBANA_TIMEOUT_MS=30000                               → how long to wait for Kibana
//
// The proxy forwards only Kibana's connector routes under /api/actions/ (optionally under
// /s/{space_id}) and the version from GET /api/status, with the methods those routes use, and
// only the headers they need. It adds no credentials of its own: the page sends the user's. It never logs requests or bodies. Only JSON
// answers of Kibana come back (MAX_ANSWER at most); bodies over MAX_BODY get Kibana's 413; slow
// and many clients are cut off (CLIENT_LIMITS).
import { createServer } from 'node:http';
import { readFile, readdir, stat, mkdir, writeFile, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, brotliDecompress, gzip, constants as zlib } from 'node:zlib';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Each URL prefix the server answers with files, and the folder behind it. */
const MOUNTS = [
  ['/pkg/', join(ROOT, 'pkg')],
  ['/', join(ROOT, 'www', 'public')],
];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ts': 'text/plain; charset=utf-8',
};

/** Types worth compressing (text, and the wasm module: 590 KB that brotli makes about 180 KB). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.ts']);
const brotli = promisify(brotliCompress);
const unbrotli = promisify(brotliDecompress);
const gzipped = promisify(gzip);

/**
 * The page's files as served: { mtimeMs, size, body, etag, br, gzip } by path. Each file is read,
 * hashed and compressed once (again when it changes on disk: `make pkg` while serving); brotli at
 * its best takes seconds for the wasm module, so it runs in the background (at start, see
 * warmFiles) and a request that comes first gets gzip, ready in milliseconds.
 */
const FILES = new Map();
let brotliQueue = Promise.resolve();
/** Where compressed files are kept between runs, by the SHA-256 of what they compress. */
const BROTLI_CACHE = join(tmpdir(), 'kibana-connectors-page-br');

async function servedFile(file) {
  const info = await stat(file);
  if (!info.isFile()) throw new Error('not a file');
  const known = FILES.get(file);
  if (known && known.mtimeMs === info.mtimeMs && known.size === info.size) return known;
  const body = await readFile(file);
  const hash = createHash('sha256').update(body).digest('base64url');
  // A weak ETag: every encoding of these bytes is the same resource.
  const entry = { mtimeMs: info.mtimeMs, size: info.size, body, etag: `W/"${hash.slice(0, 22)}"` };
  if (COMPRESSIBLE.has(extname(file)) && body.length > 512) {
    entry.gzipReady = gzipped(body, { level: 9 }).then((out) => { entry.gzip = out; }, () => {});
    // One brotli job at a time: they share libuv's four threads with the file reads. Its output
    // is kept on disk by content, so that the next server (a test, a restart) need not redo it.
    const cached = join(BROTLI_CACHE, `${hash}.br`);
    entry.brReady = brotliQueue = brotliQueue.then(async () => {
      try {
        // Only what decompresses to these very bytes is used (another user may write to tmp).
        const kept = await readFile(cached);
        if (createHash('sha256').update(await unbrotli(kept)).digest('base64url') === hash) return kept;
        throw new Error('not these bytes');
      } catch {
        const out = await brotli(body, {
          params: {
            [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
            [zlib.BROTLI_PARAM_MODE]: extname(file) === '.wasm' ? zlib.BROTLI_MODE_GENERIC : zlib.BROTLI_MODE_TEXT,
            [zlib.BROTLI_PARAM_SIZE_HINT]: body.length,
          },
        });
        const partial = `${cached}.${process.pid}`;
        await mkdir(BROTLI_CACHE, { recursive: true, mode: 0o700 }).then(() => writeFile(partial, out)).then(() => rename(partial, cached)).catch(() => {});
        return out;
      }
    }).then((out) => { entry.br = out; }, () => {});
  }
  FILES.set(file, entry);
  return entry;
}

/** Reads and compresses every file of the mounts ahead of the first request. */
async function warmFiles() {
  for (const [, dir] of MOUNTS) {
    let names = [];
    try {
      names = await readdir(dir);
    } catch {
      continue;
    }
    for (const name of names) await servedFile(join(dir, name)).catch(() => {});
  }
}

/** The content codings a client takes (`Accept-Encoding`), without those it refuses (q=0). */
export function acceptedEncodings(header = '') {
  const out = new Set();
  for (const part of String(header).split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';');
    const q = parameters.map((parameter) => /^\s*q=([0-9.]+)\s*$/.exec(parameter)).find(Boolean);
    if (name.trim() && (!q || Number(q[1]) > 0)) out.add(name.trim());
  }
  return out;
}

/** The encoding to send: brotli when the client takes it and it is ready, else gzip. */
async function encodingFor(entry, acceptEncoding) {
  if (!entry.gzipReady) return null;
  const accepted = acceptedEncodings(acceptEncoding);
  if (accepted.has('br') && entry.br) return { name: 'br', body: entry.br };
  if (accepted.has('gzip')) {
    await entry.gzipReady;
    if (entry.gzip) return { name: 'gzip', body: entry.gzip };
  }
  if (accepted.has('br')) {
    await entry.brReady;
    if (entry.br) return { name: 'br', body: entry.br };
  }
  return null;
}

/** The Content-Security-Policy: only the page's own scripts run, plus the wasm module; the page
 *  talks to its own origin, and to Kibana's only in the direct route. */
export function contentSecurityPolicy(connectOrigins = []) {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src ${["'self'", ...connectOrigins].join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** Browser features the page does not use: off for it and for anything it could embed. */
export const PERMISSIONS_POLICY = [
  'accelerometer', 'autoplay', 'camera', 'display-capture', 'encrypted-media', 'fullscreen', 'geolocation',
  'gyroscope', 'hid', 'magnetometer', 'microphone', 'midi', 'payment', 'picture-in-picture',
  'publickey-credentials-get', 'screen-wake-lock', 'serial', 'usb', 'xr-spatial-tracking',
].map((feature) => `${feature}=()`).join(', ');

const BASE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': PERMISSIONS_POLICY,
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** The headers of every answer under /api/ and /s/ (Kibana's and the proxy's own): JSON that a
 *  browser never runs or renders as the page, even when it is loaded as a script or a frame. */
const API_HEADERS = {
  ...BASE_HEADERS,
  'Content-Security-Policy': "sandbox; default-src 'none'; frame-ancestors 'none'",
};

/** The header on the answers the proxy makes itself (Kibana's own answers do not have it). */
export const PROXY_HEADER = 'X-Kibana-Connectors-Proxy';

/** Kibana's default `server.maxPayload`. */
const MAX_BODY = 1024 * 1024;

/** The largest answer of Kibana the proxy passes on, once decoded (gzip, deflate, br). */
export const MAX_ANSWER = 16 * 1024 * 1024;

/** Media types of JSON: `application/json` and `application/…+json` (e.g. problem+json), with
 *  any parameters (`; charset=utf-8`). */
export function isJsonType(contentType) {
  if (typeof contentType !== 'string') return false;
  const essence = contentType.split(';')[0].trim().toLowerCase();
  return essence === 'application/json' || /^application\/[a-z0-9!#$&^_.-]+\+json$/.test(essence);
}

/** A header value as the proxy's messages show it: printable ASCII, at most 100 characters. */
function shown(value) {
  const text = value.replace(/[^\x20-\x7e]/g, '?');
  return text.length > 100 ? `${text.slice(0, 100)}…` : text;
}

/** Reads a fetch body, counting the decoded bytes; stops reading (and drops Kibana's
 *  connection) once there are more than `limit`. */
async function readAnswer(answer, limit) {
  const declared = Number(answer.headers.get('content-length'));
  if (!answer.headers.has('content-encoding') && declared > limit) {
    await answer.body?.cancel().catch(() => {});
    throw Object.assign(new Error('too large'), { tooLarge: true });
  }
  if (!answer.body) return Buffer.alloc(0);
  const reader = answer.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw Object.assign(new Error('too large'), { tooLarge: true });
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

/** Request headers the connector routes need; nothing else reaches Kibana (no cookies). */
const FORWARDED_REQUEST_HEADERS = ['authorization', 'content-type', 'kbn-xsrf', 'accept', 'elastic-api-version'];

/** Kibana's status answer carries the server's uuid, name and metrics: only its version (what
 *  the page compares with the release it checks against) reaches the page. */
function versionOnly(status) {
  const version = status?.version;
  if (typeof version !== 'object' || version === null) return {};
  const kept = {};
  for (const key of ['number', 'build_flavor', 'build_snapshot']) {
    if (['string', 'boolean'].includes(typeof version[key])) kept[key] = version[key];
  }
  return { version: kept };
}

/**
 * The routes the proxy forwards, by method: Kibana's connector routes (`{id}` is one path
 * segment of letters, digits, `-` and `_`), and `GET /api/status` for Kibana's version, of which
 * only the version comes back (`only`). `_execute` (which runs a connector) and every other
 * Kibana API are refused.
 */
const ROUTES = [
  { pattern: /^actions\/connector(?:\/[A-Za-z0-9_-]{1,255})?$/, methods: ['POST'] },
  { pattern: /^actions\/connector\/[A-Za-z0-9_-]{1,255}$/, methods: ['GET', 'PUT', 'DELETE'] },
  { pattern: /^actions\/connectors$/, methods: ['GET'] },
  { pattern: /^actions\/connector_types$/, methods: ['GET'] },
  { pattern: /^status$/, methods: ['GET'], only: versionOnly },
];

/** The path of a forwarded route: `[/s/{space}]/api/{rest}`. Raw (undecoded) text. */
const ROUTE_PATH = /^(?:\/s\/[a-z0-9_-]{1,1024})?\/api\/(.+)$/;

/** Reads KIBANA_URL: an http(s) URL without credentials, query or fragment; null when unset. */
export function parseKibanaUrl(text) {
  if (text === undefined || text === null || text.trim() === '') return null;
  let url;
  try {
    url = new URL(text.trim());
  } catch {
    throw new Error(`KIBANA_URL is not a URL: ${JSON.stringify(text)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('KIBANA_URL must start with http:// or https://');
  if (url.username || url.password) throw new Error('KIBANA_URL must not contain credentials: the page asks for them');
  if (url.search || url.hash) throw new Error('KIBANA_URL must not have a query or a fragment');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** A warning when KIBANA_URL is plain http:// to a host other than this machine (credentials and
 *  secrets would cross the network unencrypted); null otherwise. */
export function plainHttpWarning(kibanaUrl) {
  if (!kibanaUrl) return null;
  const { protocol, hostname } = new URL(kibanaUrl);
  if (protocol !== 'http:') return null;
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const loopback = host === 'localhost' || host.endsWith('.localhost') || host === '::1'
    || /^127\.\d+\.\d+\.\d+$/.test(host) || /^::ffff:(?:127\.\d+\.\d+\.\d+|7f[0-9a-f]{2}:[0-9a-f]{1,4})$/.test(host);
  if (loopback) return null;
  return `Warning: KIBANA_URL is plain http:// to ${hostname}: the API key or password, and every connector's secrets, cross the network unencrypted. Use https://.`;
}

/** Maps a URL path to a file inside one of the mounts, or null when it would leave them. */
function resolveFile(pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  for (const [prefix, dir] of MOUNTS) {
    if (!decoded.startsWith(prefix)) continue;
    let rest = decoded.slice(prefix.length);
    if (rest === '' || rest.endsWith('/')) rest += 'index.html';
    const file = normalize(join(dir, rest));
    return file.startsWith(dir + sep) ? file : null;
  }
  return null;
}

function plain(response, status, headers, text) {
  response.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(`${text}\n`);
}

/** An answer made by the proxy itself, in Kibana's error shape. */
function proxyError(response, status, error, message, reason, extra = {}) {
  const body = JSON.stringify({ statusCode: status, error, message });
  response.writeHead(status, {
    ...API_HEADERS,
    ...extra,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    [PROXY_HEADER]: reason,
  });
  response.end(body);
}

/** How much of a body over the limit the server still reads (and drops) after its 413, so
 *  that the client, still sending, reads the 413 instead of a connection reset. */
const MAX_DRAIN = 16 * 1024 * 1024;

/** Kibana's answer to a body over `server.maxPayload` (hapi's, word for word). */
const TOO_LARGE = {
  statusCode: 413,
  error: 'Request Entity Too Large',
  message: `Payload content length greater than maximum allowed: ${MAX_BODY}`,
};

/** Reads the request body: { body }, or { tooLarge } past `limit` bytes (declared or
 *  streamed). A body over the limit is read to its end and dropped, so that a client that sends
 *  all of it before reading gets the 413 rather than a connection reset; past MAX_DRAIN more
 *  bytes, { tooLarge, hangUp }: the server answers and closes the connection. */
function readBody(request, limit) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    const declared = Number(request.headers['content-length']);
    if (declared > limit + MAX_DRAIN) {
      resolve({ tooLarge: true, hangUp: true });
      return;
    }
    let over = declared > limit;
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit && !over) {
        over = true;
        chunks.length = 0;
      }
      if (!over) {
        chunks.push(chunk);
      } else if (size > limit + MAX_DRAIN) {
        request.off('data', onData);
        request.pause();
        resolve({ tooLarge: true, hangUp: true });
      }
    };
    request.on('data', onData);
    request.on('end', () => resolve(over ? { tooLarge: true } : { body: Buffer.concat(chunks) }));
    request.on('error', reject);
  });
}

function createHandler(options) {
  const { kibanaUrl, direct, timeoutMs } = options;
  const kibanaOrigin = kibanaUrl ? new URL(kibanaUrl).origin : null;
  const headers = {
    ...BASE_HEADERS,
    'Content-Security-Policy': contentSecurityPolicy(direct && kibanaOrigin ? [kibanaOrigin] : []),
  };
  const pageConfig = JSON.stringify({
    kibana: kibanaUrl ? { url: kibanaUrl, route: direct ? 'direct' : 'proxy', timeoutMs } : null,
    // The page waits a little longer than the proxy, so that the proxy's own answer arrives.
    timeoutMs: direct ? timeoutMs : timeoutMs + 5000,
  });

  async function proxy(request, response, route) {
    const routes = ROUTES.filter((r) => r.pattern.test(route));
    const allowed = routes.flatMap((r) => r.methods);
    if (allowed.length === 0) {
      proxyError(response, 404, 'Not Found', 'This server forwards only Kibana\'s connector routes (/api/actions/connector…) and its version (/api/status).', 'refused');
      return;
    }
    if (!allowed.includes(request.method)) {
      proxyError(response, 405, 'Method Not Allowed', `This route accepts ${allowed.join(', ')}.`, 'refused', { Allow: allowed.join(', ') });
      return;
    }
    // Browsers say where a request comes from: only the page itself may use the proxy.
    const self = `http://${request.headers.host}`;
    const origin = request.headers.origin;
    const site = request.headers['sec-fetch-site'];
    if ((origin !== undefined && origin !== self) || (site !== undefined && site !== 'same-origin' && site !== 'none')) {
      proxyError(response, 403, 'Forbidden', 'Only the page served by this server may send through it.', 'refused');
      return;
    }
    if (!kibanaUrl || direct) {
      const message = direct
        ? 'This server runs in the direct route (KIBANA_DIRECT): the page calls Kibana itself.'
        : 'Sending is off: start the page\'s server with KIBANA_URL set to your Kibana, e.g. KIBANA_URL=https://localhost:5601 make serve';
      proxyError(response, 503, 'Service Unavailable', message, 'off');
      return;
    }
    let read;
    try {
      read = await readBody(request, MAX_BODY);
    } catch {
      response.destroy();
      return;
    }
    if (read.tooLarge) {
      proxyError(response, 413, TOO_LARGE.error, TOO_LARGE.message, 'refused', read.hangUp ? { Connection: 'close' } : {});
      return;
    }
    const { body } = read;
    const forwarded = {};
    for (const name of FORWARDED_REQUEST_HEADERS) {
      if (typeof request.headers[name] === 'string') forwarded[name] = request.headers[name];
    }
    let answer;
    try {
      answer = await fetch(`${kibanaUrl}${request.url}`, {
        method: request.method,
        headers: forwarded,
        body: ['GET', 'HEAD'].includes(request.method) ? undefined : body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      if (error.name === 'TimeoutError' || error.name === 'AbortError') {
        proxyError(response, 504, 'Gateway Timeout', `Kibana did not answer within ${Math.round(timeoutMs / 1000)} s.`, 'timeout');
      } else {
        const reason = error.cause?.code ?? error.cause?.message ?? error.message;
        proxyError(response, 502, 'Bad Gateway', `Could not connect to Kibana: ${reason}.`, 'unreachable');
      }
      return;
    }
    if (answer.status >= 300 && answer.status < 400) {
      const location = shown(answer.headers.get('location') ?? '(no location)');
      await answer.body?.cancel().catch(() => {});
      proxyError(response, 502, 'Bad Gateway', `Kibana redirected the request to ${location}: check KIBANA_URL (http or https, base path).`, 'redirect');
      return;
    }
    let text;
    try {
      text = await readAnswer(answer, MAX_ANSWER);
    } catch (error) {
      if (error.tooLarge) {
        proxyError(response, 502, 'Bad Gateway', `Kibana answered ${answer.status} with more than ${MAX_ANSWER / 1024 / 1024} MiB: the page's server passes on no answer that large.`, 'bad-answer');
      } else if (error.name === 'TimeoutError' || error.name === 'AbortError') {
        proxyError(response, 504, 'Gateway Timeout', `Kibana's answer did not arrive within ${Math.round(timeoutMs / 1000)} s.`, 'timeout');
      } else {
        proxyError(response, 502, 'Bad Gateway', 'Kibana\'s answer was cut off.', 'unreachable');
      }
      return;
    }
    // Only the status and a JSON body come back: no cookies, no WWW-Authenticate prompt, and
    // nothing a browser would run or render as the page (HTML, scripts, images).
    if (answer.status === 204 || answer.status === 205) {
      response.writeHead(answer.status, API_HEADERS);
      response.end();
      return;
    }
    const type = answer.headers.get('content-type');
    let problem = null;
    let json;
    if (!isJsonType(type)) {
      problem = type === null ? 'no Content-Type' : `Content-Type ${shown(type)}`;
    } else {
      try {
        json = JSON.parse(text.toString('utf8'));
      } catch {
        problem = text.length === 0 ? `Content-Type ${shown(type)} and an empty body` : `Content-Type ${shown(type)} but a body that is not JSON`;
      }
    }
    if (problem) {
      proxyError(response, 502, 'Bad Gateway', `Kibana answered ${answer.status} with ${problem} (${text.length} bytes): the page's server passes on only JSON answers. Check KIBANA_URL (the base path, or a proxy in front of Kibana).`, 'bad-answer');
      return;
    }
    const only = routes.find((r) => r.only)?.only;
    if (only && answer.status >= 200 && answer.status < 300) text = Buffer.from(JSON.stringify(only(json)));
    response.writeHead(answer.status, {
      ...API_HEADERS,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': text.length,
    });
    response.end(text);
  }

  return async function handle(request, response) {
    const { port } = request.socket.address();
    const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!hosts.includes(request.headers.host)) {
      // DNS rebinding: another name that resolves here gets nothing.
      plain(response, 421, headers, 'Misdirected request: use http://127.0.0.1');
      return;
    }
    const raw = request.url ?? '';
    if (!raw.startsWith('/') || raw.startsWith('//')) {
      plain(response, 400, headers, 'Bad request');
      return;
    }
    const [path, query] = raw.split(/\?(.*)/s);
    if (path.startsWith('/api/') || path.startsWith('/s/')) {
      if (query !== undefined || /[%\\]|\/\/|\/\.\.?(?:\/|$)/.test(path)) {
        proxyError(response, 400, 'Bad Request', 'Encoded characters, dot segments and query strings are refused.', 'refused');
        return;
      }
      const match = ROUTE_PATH.exec(path);
      if (!match) {
        proxyError(response, 404, 'Not Found', 'This server forwards only Kibana\'s connector routes (/api/actions/connector…) and its version (/api/status).', 'refused');
        return;
      }
      await proxy(request, response, match[1]);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...headers, Allow: 'GET, HEAD', 'Content-Type': 'text/plain' });
      response.end('Method not allowed\n');
      return;
    }
    if (path === '/config.json') {
      response.writeHead(200, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
      response.end(request.method === 'HEAD' ? undefined : pageConfig);
      return;
    }
    const file = resolveFile(path);
    if (!file) {
      plain(response, 404, headers, 'Not found');
      return;
    }
    let entry;
    try {
      entry = await servedFile(file);
    } catch {
      plain(response, 404, headers, 'Not found');
      return;
    }
    // Cached, and checked again on every load: an unchanged file costs a 304 and no bytes.
    const fileHeaders = { ...headers, 'Cache-Control': 'no-cache', ETag: entry.etag, Vary: 'Accept-Encoding' };
    const tags = String(request.headers['if-none-match'] ?? '').split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    if (tags.includes(entry.etag.replace(/^W\//, '')) || tags.includes('*')) {
      response.writeHead(304, fileHeaders);
      response.end();
      return;
    }
    const encoding = await encodingFor(entry, request.headers['accept-encoding']);
    const body = encoding?.body ?? entry.body;
    response.writeHead(200, {
      ...fileHeaders,
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': body.length,
      ...(encoding ? { 'Content-Encoding': encoding.name } : {}),
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
}

/** Limits on clients, so that slow or many connections cannot hold the server: the time to send
 *  the request headers, and the whole request; how long a connection may sit idle (with an answer
 *  it does not read, say) beyond the wait for Kibana; how many connections at once. */
export const CLIENT_LIMITS = { headersTimeoutMs: 10000, requestTimeoutMs: 30000, idleTimeoutMs: 30000, maxConnections: 64 };

/**
 * Starts the server; resolves to { server, url, warmed } once it listens (`warmed`: every file
 * read and compressed). Port 0 picks a free port.
 * `kibanaUrl`: where to send (null: sending off); `direct`: the page calls Kibana itself;
 * `timeoutMs`: how long to wait for Kibana; the rest: CLIENT_LIMITS.
 */
export function startServer({
  port = 8080,
  host = '127.0.0.1',
  kibanaUrl = null,
  direct = false,
  timeoutMs = 30000,
  headersTimeoutMs = CLIENT_LIMITS.headersTimeoutMs,
  requestTimeoutMs = CLIENT_LIMITS.requestTimeoutMs,
  idleTimeoutMs = CLIENT_LIMITS.idleTimeoutMs,
  maxConnections = CLIENT_LIMITS.maxConnections,
} = {}) {
  const handle = createHandler({ kibanaUrl: parseKibanaUrl(kibanaUrl), direct, timeoutMs });
  const warmed = warmFiles().then(() => Promise.all([...FILES.values()].flatMap((entry) => [entry.gzipReady, entry.brReady]))).catch(() => {});
  const server = createServer({
    headersTimeout: headersTimeoutMs,
    requestTimeout: requestTimeoutMs,
    // How often Node checks those two (its default, 30 s, would let a slow client stay longer).
    connectionsCheckingInterval: Math.min(1000, headersTimeoutMs),
  }, (request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain' });
      response.end('Internal error\n');
    });
  });
  server.maxConnections = maxConnections;
  // A connection with no traffic either way (waiting for Kibana is not idle time here).
  server.setTimeout(timeoutMs + idleTimeoutMs);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve({ server, url: `http://${host}:${address.port}/`, warmed });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const port = Number(process.env.PORT ?? 8080);
  let kibanaUrl;
  try {
    kibanaUrl = parseKibanaUrl(process.env.KIBANA_URL);
  } catch (error) {
    console.error(error.message);
    process.exit(2);
  }
  const direct = ['1', 'true', 'yes'].includes((process.env.KIBANA_DIRECT ?? '').toLowerCase());
  const timeoutMs = Number(process.env.KIBANA_TIMEOUT_MS) > 0 ? Number(process.env.KIBANA_TIMEOUT_MS) : 30000;
  const warning = plainHttpWarning(kibanaUrl);
  if (warning) console.warn(warning);
  const { url } = await startServer({ port, kibanaUrl, direct, timeoutMs });
  console.log(`kibana-connectors page: ${url}`);
  if (!kibanaUrl) console.log('Sending is off: set KIBANA_URL (e.g. KIBANA_URL=https://localhost:5601 make serve) to send connectors to Kibana.');
  else if (direct) console.log(`Sending straight to ${kibanaUrl} (direct route: kibana.yml must allow ${url.replace(/\/$/, '')} in server.cors.allowOrigin).`);
  else console.log(`Sending through this server to ${kibanaUrl} (connector routes only).`);
}
