// Serves the page (www/) and the npm package (pkg/) on 127.0.0.1.
//   node www/server.mjs            → http://127.0.0.1:8080
//   PORT=9000 node www/server.mjs
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Each URL prefix the server answers, and the folder behind it. */
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

/** Only the page's own scripts run, plus the wasm module. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

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

async function handle(request, response) {
  const url = new URL(request.url, 'http://127.0.0.1');
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, HEAD', 'Content-Type': 'text/plain' });
    response.end('Method not allowed\n');
    return;
  }
  const file = resolveFile(url.pathname);
  if (!file) {
    response.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' });
    response.end('Not found\n');
    return;
  }
  try {
    const body = await readFile(file);
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': body.length,
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  } catch {
    response.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' });
    response.end('Not found\n');
  }
}

/** Starts the server; resolves to { server, url } once it listens. Port 0 picks a free port. */
export function startServer({ port = 8080, host = '127.0.0.1' } = {}) {
  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain' });
      response.end('Internal error\n');
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve({ server, url: `http://${host}:${address.port}/` });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const port = Number(process.env.PORT ?? 8080);
  const { url } = await startServer({ port });
  console.log(`kibana-connectors page: ${url}`);
}
