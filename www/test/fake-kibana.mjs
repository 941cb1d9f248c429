// A Kibana stand-in for the page's tests: the create-connector route's contract, on 127.0.0.1.
//
//   POST [basePath][/s/{space}]/api/actions/connector[/{id}]
//   1. credentials (`Authorization: ApiKey …` or `Basic …`)      → 401 without valid ones
//   2. `kbn-xsrf` header (Kibana checks it after authentication)  → 400 without it
//   3. the body, checked by the package (the answer Kibana gives) → 400
//   4. the license and `xpack.actions.allowedHosts`               → 403 / 400
//   5. an id already used in the space                            → 409
//   6. 200 with Kibana's response shape; the stored config is normalize()'s
// With `cors`, it answers preflights as Kibana's hapi server does with `server.cors.*` on.
// `kibanaVersion`: the release it answers as (the package's default otherwise), and
// `statusVersion`: the `version` its `GET /api/status` reports (by default the release's ".0",
// main's as a development build of the line after the newest);
// `settings.statusAnswer = { status, body }` replaces that answer.
// `respondNext()` queues a canned answer (a 5xx, a hang, any bytes) for the next route request.
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';

const LICENSES = ['basic', 'standard', 'gold', 'platinum', 'enterprise', 'trial'];
/** Kibana's CORS request headers (`@kbn/server-http-tools`, getServerOptions). */
const CORS_HEADERS = ['Accept', 'Authorization', 'Content-Type', 'If-None-Match', 'kbn-xsrf'];

function send(response, status, body, headers = {}) {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

const error = (statusCode, name, message) => ({ statusCode, error: name, message });

export async function startFakeKibana(pkg, {
  apiKey = 'dGVzdC1pZDp0ZXN0LWtleQ==',
  user = 'elastic',
  password = 'changeme',
  license = 'enterprise',
  allowedHosts = ['*'],
  basePath = '',
  cors = null,
  kibanaVersion,
  statusVersion,
} = {}) {
  /** What a test may change while the server runs (kibana.yml, the license, the release). */
  const settings = { license, allowedHosts, cors, kibanaVersion, statusVersion };
  /** The connector route's requests, and apart from them the status route's. */
  const requests = [];
  const statusRequests = [];
  const connectors = new Map();
  const queue = [];
  const route = new RegExp(`^${basePath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:/s/([a-z0-9_-]+))?/api/actions/connector(?:/([^/?]+))?$`);
  const hanging = new Set();

  const authenticated = (request) => {
    const authorization = request.headers.authorization ?? '';
    const basic = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    return authorization === `ApiKey ${apiKey}` || authorization === basic;
  };

  /** `GET /api/status`: Kibana's shape (its uuid and metrics too), for an authenticated user. */
  const status = (request, response, corsHeaders) => {
    if (!authenticated(request)) {
      send(response, 401, error(401, 'Unauthorized', 'Unauthorized'), corsHeaders);
      return;
    }
    if (settings.statusAnswer) {
      send(response, settings.statusAnswer.status, settings.statusAnswer.body, corsHeaders);
      return;
    }
    const release = settings.kibanaVersion ?? pkg.validate('{}').kibanaVersion;
    const version = settings.statusVersion
      ?? (release === 'main' ? { number: '9.7.0', build_snapshot: true } : { number: `${release}.0`, build_snapshot: false });
    send(response, 200, {
      name: 'kibana-test',
      uuid: '5b2de169-2785-441b-ae8c-186a1936b17d',
      version: { build_hash: 'abc123', build_number: 80000, build_flavor: 'traditional', ...version },
      status: { overall: { level: 'available', summary: 'All services and plugins are available' } },
      metrics: { last_updated: '2026-12-02T00:00:00.000Z', collection_interval_in_millis: 5000 },
    }, corsHeaders);
  };

  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const origin = request.headers.origin;
      const corsHeaders = {};
      if (settings.cors && origin && settings.cors.allowOrigin.includes(origin)) {
        corsHeaders['access-control-allow-origin'] = origin;
        corsHeaders.vary = 'origin';
      }
      if (request.method === 'OPTIONS') {
        if (!corsHeaders['access-control-allow-origin']) {
          send(response, 404, error(404, 'Not Found', 'Not Found'));
          return;
        }
        response.writeHead(200, {
          ...corsHeaders,
          'access-control-allow-methods': request.headers['access-control-request-method'] ?? 'POST',
          'access-control-allow-headers': CORS_HEADERS.join(','),
          'access-control-max-age': '86400',
        });
        response.end();
        return;
      }
      const record = { method: request.method, url: request.url, headers: request.headers, text };
      try {
        record.body = JSON.parse(text);
      } catch {
        record.body = undefined;
      }
      if (request.url === `${basePath}/api/status` && request.method === 'GET') {
        statusRequests.push(record);
        status(request, response, corsHeaders);
        return;
      }
      requests.push(record);
      const match = route.exec(request.url);
      if (!match) {
        send(response, 404, error(404, 'Not Found', 'Not Found'), corsHeaders);
        return;
      }
      const canned = queue.shift();
      if (canned?.hang) {
        hanging.add(response);
        return;
      }
      if (canned?.handle) {
        canned.handle(request, response);
        return;
      }
      if (canned) {
        if (canned.text !== undefined) {
          response.writeHead(canned.status, { 'content-type': canned.contentType ?? 'text/html', ...corsHeaders });
          response.end(canned.text);
        } else {
          send(response, canned.status, canned.body, corsHeaders);
        }
        return;
      }
      const [, space = 'default', rawId] = match;
      if (request.method !== 'POST') {
        send(response, 404, error(404, 'Not Found', 'Not Found'), corsHeaders);
        return;
      }
      // 1. Authentication.
      const authorization = request.headers.authorization ?? '';
      if (!authenticated(request)) {
        send(response, 401, error(401, 'Unauthorized', authorization
          ? '[security_exception\n\tRoot causes:\n\t\tsecurity_exception: unable to authenticate with provided credentials and anonymous access is not allowed for this request]: unable to authenticate with provided credentials and anonymous access is not allowed for this request'
          : 'Unauthorized'), { ...corsHeaders, 'www-authenticate': 'Basic realm="security", charset="UTF-8", ApiKey' });
        return;
      }
      // 2. XSRF protection.
      if (request.headers['kbn-xsrf'] === undefined) {
        send(response, 400, error(400, 'Bad Request', 'Request must contain a kbn-xsrf header.'), corsHeaders);
        return;
      }
      // 3. The body.
      if (record.body === undefined) {
        send(response, 400, error(400, 'Bad Request', 'Invalid request payload JSON format'), corsHeaders);
        return;
      }
      const id = rawId === undefined ? undefined : decodeURIComponent(rawId);
      // The release this Kibana is (the package's default unless given).
      const options = { ...(id === undefined ? {} : { id }), ...(settings.kibanaVersion ? { kibanaVersion: settings.kibanaVersion } : {}) };
      const report = pkg.validate(record.body, options);
      if (report.kibanaError) {
        const { statusCode, error: name, message } = report.kibanaError;
        send(response, statusCode, error(statusCode, name, message), corsHeaders);
        return;
      }
      // 4. What only the server knows: the license, then the allowed hosts.
      const type = record.body.connector_type_id;
      const licenseCheck = report.warnings.find((w) => w.params?.check === 'license');
      if (licenseCheck && LICENSES.indexOf(settings.license) < LICENSES.indexOf(licenseCheck.params.minimumLicense)) {
        send(response, 403, error(403, 'Forbidden', `Action type ${type} is disabled because your ${settings.license} license does not support it. Please upgrade your license.`), corsHeaders);
        return;
      }
      for (const warning of report.warnings) {
        const check = warning.params?.check;
        if (check === 'allowedHosts' && !settings.allowedHosts.includes('*') && !settings.allowedHosts.includes(warning.params.hostname)) {
          const where = warning.path.startsWith('/secrets') ? 'secrets' : 'config';
          const value = warning.path.split('/').slice(1).reduce((v, k) => v?.[k], record.body);
          send(response, 400, error(400, 'Bad Request', `error validating connector type ${where}: target url "${value}" is not added to the Kibana config xpack.actions.allowedHosts`), corsHeaders);
          return;
        }
      }
      // 5. The id.
      const connectorId = id ?? randomUUID();
      const key = `${space}/${connectorId}`;
      if (connectors.has(key)) {
        send(response, 409, error(409, 'Conflict', `Saved object [action/${connectorId}] conflict`), corsHeaders);
        return;
      }
      // 6. Created.
      const stored = pkg.normalize(record.body, options).body;
      connectors.set(key, stored);
      const deprecated = ['.servicenow', '.servicenow-sir'].includes(type) && stored.config.usesTableApi === true;
      send(response, 200, {
        id: connectorId,
        name: stored.name,
        config: stored.config,
        connector_type_id: type,
        is_preconfigured: false,
        is_deprecated: deprecated,
        is_missing_secrets: false,
        is_system_action: false,
        is_connector_type_deprecated: false,
      }, corsHeaders);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}${basePath}`;
  return {
    url,
    apiKey,
    user,
    password,
    requests,
    statusRequests,
    connectors,
    settings,
    /** Queues a canned answer: { status, body } (JSON), { status, text, contentType },
     *  { hang: true }, or { handle(request, response) } that writes whatever it likes. */
    respondNext(answer) {
      queue.push(answer);
    },
    reset() {
      requests.length = 0;
      statusRequests.length = 0;
      queue.length = 0;
    },
    close() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections?.();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}
