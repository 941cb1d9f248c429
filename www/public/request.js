// The create-connector request: its path, the curl command, secret masking, and Kibana's answers
// in plain words. Pure: no DOM, so the page's tests run it in Node too.

import { getAt, parsePointer } from './schema.js';

/** Kibana's space id rule (`x-pack/plugins/spaces`): lowercase letters, digits, `_` and `-`. */
export const SPACE_ID = /^[a-z0-9_-]+$/;

/** What is wrong with a space id, or null. Empty means the default space. */
export function spaceIdProblem(space) {
  if (space === '' || SPACE_ID.test(space)) return null;
  return 'A space id has only lowercase letters, digits, "_" and "-" (leave it empty for the default space).';
}

/** The route path: `/api/actions/connector[/{id}]`, under `/s/{space}` for a space other than the default. */
export function connectorPath({ space = '', id = '' } = {}) {
  const prefix = space && space !== 'default' ? `/s/${encodeURIComponent(space)}` : '';
  return `${prefix}/api/actions/connector${id ? `/${encodeURIComponent(id)}` : ''}`;
}

/** A new connector id that Kibana's rule accepts (a v4 UUID: lowercase hex and hyphens). */
export function generateId(crypto = globalThis.crypto) {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const MASK = '••••••••';

/** A copy of the body with every secret string (anything under `/secrets`) replaced by a mask. */
export function maskSecrets(body) {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  if (!Object.hasOwn(body, 'secrets')) return body;
  const mask = (value) => {
    if (typeof value === 'string') return value === '' ? value : MASK;
    if (Array.isArray(value)) return value.map(mask);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mask(v)]));
    }
    return value;
  };
  return { ...body, secrets: mask(body.secrets) };
}

/** Every secret string in a body (to check that none leaks). */
export function secretStrings(body) {
  const out = [];
  const visit = (value) => {
    if (typeof value === 'string' && value !== '') out.push(value);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(getAt(body, '/secrets'));
  return out;
}

/** Quotes a string for a POSIX shell. */
export function shellQuote(text) {
  return `'${String(text).replaceAll("'", "'\\''")}'`;
}

/**
 * The curl command that sends the body. Credentials are never printed: they come from
 * environment variables the user sets in their shell.
 */
export function curlCommand({ kibanaUrl, space, id, body, auth = 'apiKey' }) {
  const base = kibanaUrl ? kibanaUrl.replace(/\/+$/, '') : '$KIBANA_URL';
  const url = `${base}${connectorPath({ space, id })}`;
  const credentials = auth === 'basic'
    ? '-u "$KIBANA_USER:$KIBANA_PASSWORD"'
    : '-H "Authorization: ApiKey $KIBANA_API_KEY"';
  return [
    `curl -X POST "${url.replaceAll('"', '%22')}"`,
    `  ${credentials}`,
    '  -H "kbn-xsrf: true"',
    '  -H "Content-Type: application/json"',
    `  -d ${shellQuote(JSON.stringify(body, null, 2))}`,
  ].join(' \\\n');
}

/** The value of the `Authorization` header for the credentials typed in the page. */
export function authorizationHeader(auth) {
  if (auth.method === 'basic') {
    const bytes = new TextEncoder().encode(`${auth.user}:${auth.password}`);
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return `Basic ${btoa(binary)}`;
  }
  return `ApiKey ${auth.apiKey.trim()}`;
}

/** What the credentials lack, or null. */
export function credentialsProblem(auth) {
  if (auth.method === 'basic') {
    if (!auth.user) return 'Type the Kibana user name.';
    if (!auth.password) return 'Type the password.';
    return null;
  }
  return auth.apiKey.trim() ? null : 'Paste an API key (the encoded value Kibana shows when it creates the key).';
}

/** The header the page's server sets on the answers it makes itself (not Kibana's). */
export const PROXY_HEADER = 'x-kibana-connectors-proxy';

/**
 * Kibana's answer (or the failure to get one) in plain words.
 * `outcome` is { status, json, text, proxy } for an answer, or { failure: 'network'|'timeout', … }.
 * Returns { ok, title, detail, hint }.
 */
export function explainOutcome(outcome, { id = '', space = '', route = 'proxy', kibanaUrl = '', timeoutMs = 0 } = {}) {
  const seconds = Math.round(timeoutMs / 1000);
  if (outcome.failure === 'timeout') {
    return {
      ok: false,
      title: `No answer from Kibana within ${seconds} s.`,
      detail: 'The request may still have created the connector: look for it in Kibana before sending again.',
      hint: 'Nothing in the form was changed.',
    };
  }
  if (outcome.failure === 'network') {
    return {
      ok: false,
      title: `Could not reach Kibana${kibanaUrl ? ` at ${kibanaUrl}` : ''}.`,
      detail: outcome.message ?? 'The network request failed.',
      hint: route === 'direct'
        ? 'Check that Kibana runs at this address and that kibana.yml allows this page\'s origin (server.cors.*).'
        : 'Check that the page\'s server is still running.',
    };
  }
  const { status } = outcome;
  const message = kibanaMessage(outcome);
  if (outcome.proxy === 'unreachable') {
    return { ok: false, title: `The page's server could not reach Kibana at ${kibanaUrl}.`, detail: message, hint: 'Check KIBANA_URL and that Kibana is running.' };
  }
  if (outcome.proxy === 'timeout') {
    return { ok: false, title: `No answer from Kibana within ${seconds} s.`, detail: message, hint: 'The request may still have created the connector: look for it in Kibana before sending again.' };
  }
  if (outcome.proxy === 'off') {
    return { ok: false, title: 'Sending is off.', detail: message, hint: '' };
  }
  if (outcome.proxy === 'bad-answer') {
    return { ok: false, title: 'Kibana\'s answer was not passed on: it was not JSON, or too large.', detail: message, hint: 'The request may still have created the connector: look for it in Kibana before sending again.' };
  }
  if (outcome.proxy) {
    return { ok: false, title: `The page's server refused the request (${status}).`, detail: message, hint: '' };
  }
  if (status >= 200 && status < 300 && (outcome.json === null || typeof outcome.json !== 'object')) {
    // Only Kibana's JSON answer says a connector was created (the direct route gets any answer).
    return { ok: false, title: `Kibana answered ${status}, but not with a connector (the answer is not JSON).`, detail: message, hint: 'Check the Kibana URL (its base path, or a proxy in front of Kibana). The request may still have created the connector: look for it in Kibana before sending again.' };
  }
  if (status >= 200 && status < 300) {
    const created = outcome.json ?? {};
    const where = space && space !== 'default' ? ` in space "${space}"` : '';
    return {
      ok: true,
      title: `Created connector "${created.name ?? ''}" (id ${created.id ?? id})${where}.`,
      detail: '',
      hint: '',
    };
  }
  const known = {
    400: ['Kibana refused the request (400 Bad Request).', 'Fix what the message names and send again.'],
    401: ['Kibana did not accept the credentials (401 Unauthorized).', 'Check the API key, or the user name and password.'],
    403: ['Kibana understood the credentials but refused the action (403 Forbidden).', 'The user needs the Actions and Connectors "All" privilege; the connector type must be enabled (xpack.actions.enabledActionTypes) and allowed by the license.'],
    404: ['Kibana has no such route (404 Not Found).', 'Check the Kibana URL (and its base path) and the space id.'],
    409: [`A connector with the id "${id}" already exists${space && space !== 'default' ? ` in space "${space}"` : ''} (409 Conflict).`, 'Choose another id, or leave the id empty and Kibana picks one.'],
    413: ['Kibana refused the body as too large (413).', ''],
  };
  if (known[status]) return { ok: false, title: known[status][0], detail: message, hint: known[status][1] };
  if (status >= 500) {
    return { ok: false, title: `Kibana failed while handling the request (${status}${outcome.json?.error ? ` ${outcome.json.error}` : ''}).`, detail: message, hint: 'This is a problem on Kibana\'s side; the form is unchanged, so you can try again later.' };
  }
  return { ok: false, title: `Kibana answered ${status}.`, detail: message, hint: '' };
}

/** Kibana's error message from an answer: `message` of its JSON error, or the start of the text. */
export function kibanaMessage(outcome) {
  if (outcome.json && typeof outcome.json === 'object' && typeof outcome.json.message === 'string') return outcome.json.message;
  const text = (outcome.text ?? '').trim();
  return text.length > 600 ? `${text.slice(0, 600)}…` : text;
}

/** Where a pointer's parts name a list item: `/config/allowedChannels/0/name` → label path. */
export function describePointer(path) {
  return parsePointer(path).join(' › ');
}
