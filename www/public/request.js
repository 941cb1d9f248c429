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

/** Every string under `/secrets`, with its pointer parts: [[parts, value]], depth first. */
function secretLeaves(body) {
  const out = [];
  const visit = (value, parts) => {
    if (typeof value === 'string') out.push([parts, value]);
    else if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...parts, String(index)]));
    else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) visit(item, [...parts, key]);
  };
  if (body !== null && typeof body === 'object' && !Array.isArray(body) && Object.hasOwn(body, 'secrets')) visit(body.secrets, ['secrets']);
  return out;
}

const toPointer = (parts) => parts.map((part) => `/${part.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');

/** A copy of the body with each secret string replaced by `replace(value, pointer)` (or left out
 *  when that gives undefined). `isSensitive(pointer)` tells secrets from the names, addresses and
 *  choices the secrets also hold (a user, a client id, the auth method); by default every string
 *  under `/secrets` is a secret. */
export function replaceSecrets(body, replace, isSensitive = () => true) {
  if (body === null || typeof body !== 'object' || Array.isArray(body) || !Object.hasOwn(body, 'secrets')) return body;
  const copy = (value, parts) => {
    if (typeof value === 'string') {
      const pointer = toPointer(parts);
      return value === '' || !isSensitive(pointer) ? value : replace(value, pointer);
    }
    if (Array.isArray(value)) return value.map((item, index) => copy(item, [...parts, String(index)]));
    if (value !== null && typeof value === 'object') {
      const out = {};
      for (const [key, item] of Object.entries(value)) {
        const next = copy(item, [...parts, key]);
        if (next !== undefined) out[key] = next;
      }
      return out;
    }
    return value;
  };
  return { ...body, secrets: copy(body.secrets, ['secrets']) };
}

/** A copy of the body with every secret string masked (for the previews only: a masked value is
 *  never copied or sent). */
export function maskSecrets(body, isSensitive) {
  return replaceSecrets(body, () => MASK, isSensitive);
}

/** Every secret string in a body (to check that none leaks). */
export function secretStrings(body, isSensitive = () => true) {
  return secretLeaves(body).filter(([parts, value]) => value !== '' && isSensitive(toPointer(parts))).map(([, value]) => value);
}

/** Quotes a string for a POSIX shell. */
export function shellQuote(text) {
  return `'${String(text).replaceAll("'", "'\\''")}'`;
}

/** Shell variables a command must not overwrite. */
const TAKEN = new Set(['USER', 'HOME', 'PATH', 'SHELL', 'PWD', 'OLDPWD', 'TERM', 'LANG', 'HOSTNAME', 'UID', 'EUID',
  'PPID', 'IFS', 'PS1', 'PS2', 'MAIL', 'LOGNAME', 'TMPDIR', 'EDITOR', 'KIBANA_URL', 'KIBANA_API_KEY', 'KIBANA_USER', 'KIBANA_PASSWORD']);

/** The shell variable for the secret at `/secrets/…`: `/secrets/clientSecret` → CLIENT_SECRET. */
export function secretVariable(pointer, used = new Set()) {
  const parts = pointer.split('/').slice(2).map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
  let name = parts.join('_')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase() || 'SECRET';
  if (/^\d/.test(name) || TAKEN.has(name)) name = `CONNECTOR_${name}`;
  let unique = name;
  for (let n = 2; used.has(unique); n += 1) unique = `${name}_${n}`;
  used.add(unique);
  return unique;
}

/** Shell functions that set a variable from the terminal, without echoing it (POSIX sh, bash,
 *  zsh): `ask NAME prompt [json]`, escaped for a JSON string with `json`; `ask_file NAME prompt`,
 *  a file's text (several lines) escaped for a JSON string. */
const ASK = String.raw`ask() { printf '%s: ' "$2" >&2; stty -echo 2>/dev/null; IFS= read -r kc_v; stty echo 2>/dev/null; printf '\n' >&2; [ -z "$3" ] || kc_v=$(printf '%s' "$kc_v" | sed 's/[\\"]/\\&/g'); eval "$1=\$kc_v"; unset kc_v; }`;
const ASK_FILE = String.raw`ask_file() { printf '%s (the path of a file that holds it): ' "$2" >&2; IFS= read -r kc_f; kc_v=$(awk '{ gsub(/[\\"]/, "\\\\&"); printf "%s%s", s, $0; s = "\\n" }' "$kc_f"); eval "$1=\$kc_v"; unset kc_f kc_v; }`;

/**
 * The curl command that sends the body.
 * - The Kibana credentials are never printed: they come from shell variables (KIBANA_API_KEY, or
 *   KIBANA_USER and KIBANA_PASSWORD), read from the terminal when they are not set.
 * - The connector's secrets, unless `reveal`: shell variables too, each read from the terminal
 *   (so that they stay out of the shell's history), spliced into the body. With `reveal`, their
 *   values, with a warning. Never masked characters: a command that runs stores what it holds.
 * `isSensitive(pointer)` tells which strings under `/secrets` are secrets.
 */
export function curlCommand({ kibanaUrl, space, id, body, auth = 'apiKey', reveal = false, isSensitive = () => true, labelOf = describePointer }) {
  const base = kibanaUrl ? kibanaUrl.replace(/\/+$/, '') : '$KIBANA_URL';
  const url = `${base}${connectorPath({ space, id })}`;
  const credentials = auth === 'basic'
    ? '-u "$KIBANA_USER:$KIBANA_PASSWORD"'
    : '-H "Authorization: ApiKey $KIBANA_API_KEY"';
  const lines = [];
  const variables = [];
  // A token that cannot be in the body's text marks each secret; the quoted JSON is then cut
  // there and the variable spliced in: '…"'"$PASSWORD"'"…'.
  const text = JSON.stringify(body) ?? '';
  let nonce = 0;
  while (text.includes(`@@kc${nonce}:`)) nonce += 1;
  let sent = body;
  if (!reveal) {
    const used = new Set();
    sent = replaceSecrets(body, (value, pointer) => {
      const name = secretVariable(pointer, used);
      variables.push({ name, pointer, lines: value.includes('\n') });
      return `@@kc${nonce}:${name}@@`;
    }, isSensitive);
  } else if (secretStrings(body, isSensitive).length > 0) {
    lines.push('# Warning: this command holds the connector\'s secrets in clear text. It stays in your shell\'s');
    lines.push('# history and in your clipboard: clear both once it has run.');
  }
  const kibanaVariables = auth === 'basic'
    ? [['KIBANA_USER', 'Kibana user name'], ['KIBANA_PASSWORD', 'Kibana password']]
    : [['KIBANA_API_KEY', 'Kibana API key (encoded)']];
  lines.push('# What it asks for is typed (or pasted) without being shown, and stays out of the shell\'s history.');
  lines.push(ASK);
  if (variables.some((variable) => variable.lines)) lines.push(ASK_FILE);
  if (!kibanaUrl) lines.push('[ -n "${KIBANA_URL:-}" ] || { printf \'Kibana URL: \' >&2; read -r KIBANA_URL; }');
  for (const [name, prompt] of kibanaVariables) lines.push(`[ -n "\${${name}:-}" ] || ask ${name} ${shellQuote(prompt)}`);
  for (const variable of variables) {
    const prompt = shellQuote(labelOf(variable.pointer));
    lines.push(variable.lines ? `ask_file ${variable.name} ${prompt}` : `ask ${variable.name} ${prompt} json`);
  }
  const marker = new RegExp(`@@kc${nonce}:([A-Z0-9_]+)@@`, 'g');
  const data = shellQuote(JSON.stringify(sent, null, 2)).replace(marker, (_match, name) => `'"$${name}"'`);
  lines.push([
    `curl -X POST "${url.replaceAll('"', '%22')}"`,
    `  ${credentials}`,
    '  -H "kbn-xsrf: true"',
    '  -H "Content-Type: application/json"',
    `  -d ${data}`,
  ].join(' \\\n'));
  return lines.join('\n');
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

/** A pointer in words: `/secrets/secretHeaders/X-Key` → `secrets › secretHeaders › X-Key`. */
export function describePointer(path) {
  return parsePointer(path).join(' › ');
}

/**
 * The version in Kibana's `GET /api/status` answer (what the page's server passes on of it):
 * `{ number, snapshot, serverless }`, or null when the answer has none that can be shown.
 * Kibana's response schema (core's `status_response_schemas.ts`, read on main): an authenticated
 * answer has `version: { number, build_hash, build_number, build_snapshot: boolean,
 * build_flavor: 'serverless' | 'traditional', build_date }`; a user Kibana does not authorize gets
 * the redacted `{ status: { overall: { level } } }`, which has no version (so: null, no offer).
 */
export function statusVersion(json) {
  const version = json?.version;
  const number = version?.number;
  if (typeof number !== 'string' || !/^[0-9][0-9A-Za-z.+-]{0,39}$/.test(number)) return null;
  return { number, snapshot: version.build_snapshot === true, serverless: version.build_flavor === 'serverless' };
}

/**
 * What the page offers when the Kibana it sent to is not the release it checked against:
 * `{ target, text }` (switch to `target`), `{ text }` (nothing to switch to), or null when they
 * agree. `checked` is the version the report was for; `canonical(text)` is the checker's name of
 * a version (`"9.3.2"`), or null for one it does not answer for.
 */
export function versionOffer(reported, checked, canonical) {
  if (!reported) return null;
  if (reported.serverless) {
    if (checked === 'main') return null;
    return { target: 'main', text: `This Kibana is serverless (it reports ${reported.number}), which follows Kibana's main branch; the body was checked against Kibana ${checked}.` };
  }
  const known = canonical(reported.number);
  if (known === null) {
    if (reported.snapshot && checked !== 'main') {
      return { target: 'main', text: `This Kibana reports ${reported.number}, a development build of a release the checker does not know yet; the nearest it knows is main. The body was checked against Kibana ${checked}.` };
    }
    if (reported.snapshot) return null;
    return { text: `This Kibana reports ${reported.number}, a release the checker does not answer for: its answers were Kibana ${checked}'s and may differ from this Kibana's.` };
  }
  if (known === checked) return null;
  return { target: known, text: `This Kibana reports version ${reported.number}; the body was checked against Kibana ${checked}.` };
}
