// The page: pick a connector type, fill the form generated from its JSON Schema, see every problem
// and Kibana's predicted answer as you type, preview the request, and send it.
//
// Secrets (the form's `secrets` and the Kibana credentials) live only in the inputs: they are
// never stored, logged or put in a URL; the previews mask them unless the user reveals them; the
// only request that carries them is the POST to the configured Kibana.
import init, { validate, normalize, jsonSchema, connectorTypes, licenses, version } from '/pkg/kibana_connectors.js';
import { createForm } from './form.js';
import { MODES, HINTS } from './modes.js';
import { h, richText } from './dom.js';
import {
  connectorPath, curlCommand, maskSecrets, generateId, spaceIdProblem, explainOutcome,
  authorizationHeader, credentialsProblem, PROXY_HEADER,
} from './request.js';

const $ = (id) => document.getElementById(id);
const STORAGE_KEY = 'kibana-connectors:draft';
const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

const state = {
  types: [],
  type: null,
  form: null,
  /** Forms already built, by type: switching back keeps what was typed (in memory only). */
  forms: new Map(),
  /** Show every field's problems, not only those of the fields the user touched. */
  showAll: false,
  /** Top-level keys of an imported body that the form has no input for. */
  topExtras: {},
  body: null,
  report: null,
  normalized: null,
  server: { kibana: null, timeoutMs: 35000 },
  touched: new Set(),
};

// ---------------------------------------------------------------------------------------------
// Messages

const ARTICLE = (word) => (/^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`);

/** An issue in words for the person filling the form (Kibana's own words are in the summary). */
function friendly(issue) {
  const params = issue.params ?? {};
  switch (issue.code) {
    case 'required':
      return 'Required.';
    case 'blank_string':
      return 'Must not be empty or only spaces.';
    case 'unknown_key':
      return `Kibana does not know the key "${params.key ?? ''}": remove it.`;
    case 'invalid_type':
      if (params.expected && params.received) return `Expected ${ARTICLE(String(params.expected))}, got ${params.received}.`;
      break;
    case 'invalid_option':
      if (Array.isArray(params.options)) return `Choose one of: ${params.options.join(', ')}.`;
      break;
    default:
      break;
  }
  const text = String(issue.message).replace(/^error validati(?:on|ng) [^:]*? config: /, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function kibanaLine(report) {
  if (!report) return '…';
  const error = report.kibanaError;
  if (error) return `${error.statusCode} ${error.error}: ${error.message}`;
  return report.warnings.length > 0
    ? '200 OK: the connector is created (if the server checks below pass)'
    : '200 OK: the connector is created';
}

// ---------------------------------------------------------------------------------------------
// Connector types

function renderTypes() {
  const list = $('type-list');
  const byLicense = new Map();
  for (const type of state.types) {
    const license = type.minimumLicense ?? 'other';
    if (!byLicense.has(license)) byLicense.set(license, []);
    byLicense.get(license).push(type);
  }
  // The core's order, lowest first; a license it does not know goes last.
  const levels = licenses();
  const rank = (license) => (levels.includes(license) ? levels.indexOf(license) : levels.length);
  const order = [...byLicense.keys()].sort((a, b) => rank(a) - rank(b));
  list.replaceChildren(...order.map((license) => h('fieldset', { class: 'type-group', dataset: { license } },
    h('legend', {}, `${license.charAt(0).toUpperCase()}${license.slice(1)} license`),
    byLicense.get(license).sort((a, b) => a.name.localeCompare(b.name)).map((type) => {
      const id = `type-${type.id.replace(/[^a-z0-9_-]/gi, '_')}`;
      return h('div', { class: 'type-option', dataset: { type: type.id, search: `${type.name} ${type.id}`.toLowerCase() } },
        h('input', { type: 'radio', name: 'connector-type', id, value: type.id }),
        h('label', { for: id }, h('span', { class: 'type-name' }, type.name), ' ', h('code', {}, type.id), ' ', h('span', { class: 'license' }, license)));
    }))));
  list.addEventListener('change', (event) => {
    if (event.target.name === 'connector-type') selectType(event.target.value);
  });
  filterTypes();
}

function filterTypes() {
  const words = $('type-filter').value.toLowerCase().split(/\s+/).filter(Boolean);
  let shown = 0;
  for (const option of $('type-list').querySelectorAll('.type-option')) {
    const match = words.every((word) => option.dataset.search.includes(word));
    option.hidden = !match;
    if (match) shown += 1;
  }
  for (const group of $('type-list').querySelectorAll('.type-group')) {
    group.hidden = !group.querySelector('.type-option:not([hidden])');
  }
  $('type-count').textContent = words.length === 0
    ? `${state.types.length} connector types. Type to filter; Enter picks the first match.`
    : `${shown} of ${state.types.length} types match.`;
}

/** Shows the form of a type (building it the first time). */
function selectType(typeId, { fresh = false } = {}) {
  if (!state.types.some((type) => type.id === typeId)) return false;
  if (fresh) state.forms.delete(typeId);
  let form = state.forms.get(typeId);
  if (!form) {
    form = createForm({ type: typeId, schema: jsonSchema(typeId), modes: MODES[typeId], hints: HINTS, onChange: update });
    state.forms.set(typeId, form);
  }
  state.type = typeId;
  state.form = form;
  for (const radio of document.querySelectorAll('input[name="connector-type"]')) radio.checked = radio.value === typeId;
  $('config-fields').replaceChildren(form.groups.config.root);
  $('secrets-fields').replaceChildren(form.groups.secrets.root);
  $('config-desc').replaceChildren(...richText(form.groups.config.description));
  $('secrets-desc').replaceChildren(...richText(form.groups.secrets.description));
  update();
  return true;
}

// ---------------------------------------------------------------------------------------------
// The body, its check and its previews

function meta() {
  return {
    name: $('name').value,
    id: $('connector-id').value.trim(),
    space: $('space-id').value.trim(),
  };
}

/** The body the form gives now, and the options (the id) to check it with. */
function currentBody() {
  const { name, id } = meta();
  const body = {};
  if (Object.hasOwn(state.topExtras, 'name')) body.name = state.topExtras.name;
  else if (name !== '') body.name = name;
  body.connector_type_id = state.type;
  const { config, secrets } = state.form.update();
  body.config = config ?? {};
  if (secrets !== undefined && !(isObject(secrets) && Object.keys(secrets).length === 0)) body.secrets = secrets;
  for (const [key, value] of Object.entries(state.topExtras)) if (key !== 'name') body[key] = value;
  return { body, options: id ? { id } : undefined };
}

/** Where an issue is shown: a form field, a group, or one of the fixed fields. */
function targetOf(issue) {
  if (issue.code === 'invalid_id' || (issue.path === '' && issue.params?.parameter === 'id')) return { fixed: 'id' };
  if (issue.path === '/name') return { fixed: 'name' };
  if (issue.path === '/connector_type_id') return { fixed: 'type' };
  if (issue.path === '') return { fixed: 'body' };
  const located = state.form?.locate(issue.path);
  if (!located) return { fixed: 'body' };
  if (located.group) return { group: located.group };
  if (located.root?.closest('[hidden]') || !document.contains(located.root)) {
    const group = issue.path.startsWith('/secrets') ? state.form.groups.secrets : state.form.groups.config;
    return { group };
  }
  return { field: located };
}

const FIXED = {
  name: { messages: 'name-msg', input: 'name', label: 'Name' },
  id: { messages: 'id-msg', input: 'connector-id', label: 'Connector ID' },
  space: { messages: 'space-msg', input: 'space-id', label: 'Space ID' },
  type: { messages: 'type-messages', input: 'type-filter', label: 'Connector type' },
};

function labelOf(target, issue) {
  if (target.fixed === 'body') return 'Body';
  if (target.fixed) return FIXED[target.fixed].label;
  if (target.group) return target.group.name === 'config' ? 'Settings' : 'Secrets';
  const group = issue.path.startsWith('/secrets') ? 'Secrets' : 'Settings';
  return `${group} › ${target.field.spec.label}`;
}

function focusTarget(target) {
  if (target.field) target.field.focus();
  else if (target.group) (target.group.root.querySelector('input, select, textarea, button') ?? target.group.root).focus();
  else if (target.fixed && target.fixed !== 'body') $(FIXED[target.fixed].input).focus();
  else $('name').focus();
}

function setFixedMessages(key, errors, warnings) {
  const area = $(FIXED[key].messages);
  area.replaceChildren(
    ...[...new Set(errors)].map((text) => h('p', { class: 'error' }, h('span', { class: 'sr-only' }, 'Error: '), text)),
    ...[...new Set(warnings)].map((text) => h('p', { class: 'warning' }, h('span', { class: 'sr-only' }, 'Server check: '), text)),
  );
  const input = $(FIXED[key].input);
  if (key !== 'type') {
    if (errors.length > 0) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
}

function isTouched(target) {
  if (state.showAll) return true;
  if (target.fixed) return state.touched.has(target.fixed) || target.fixed === 'type';
  if (target.field) return target.field.touched;
  if (target.group) return [...state.form.fields()].some((field) => field.touched && field.spec.pointer.startsWith(`/${target.group.name}`));
  return false;
}

/** Routes every issue to its field, and lists them all in the summary. */
function renderIssues(report) {
  const shown = new Map();
  const add = (target, kind, text) => {
    const key = target.field ?? target.group ?? target.fixed;
    if (!shown.has(key)) shown.set(key, { target, errors: [], warnings: [] });
    shown.get(key)[kind].push(text);
  };
  const summary = { errors: [], warnings: [] };
  const spaceProblem = spaceIdProblem(meta().space);
  if (spaceProblem) {
    add({ fixed: 'space' }, 'errors', spaceProblem);
    summary.errors.push({ target: { fixed: 'space' }, text: spaceProblem, issue: { path: '', code: 'invalid_space' } });
  }
  for (const [kind, issues] of [['errors', report.errors], ['warnings', report.warnings]]) {
    for (const issue of issues) {
      const target = targetOf(issue);
      const text = friendly(issue);
      add(target, kind, text);
      summary[kind].push({ target, text, issue });
    }
  }
  // Clear, then fill what the user has touched (or everything after import, send or a click).
  for (const field of state.form.fields()) field.setMessages([], []);
  for (const group of Object.values(state.form.groups)) group.messages.replaceChildren();
  for (const key of Object.keys(FIXED)) setFixedMessages(key, [], []);
  for (const { target, errors, warnings } of shown.values()) {
    if (!isTouched(target)) continue;
    if (target.field) target.field.setMessages(errors, warnings);
    else if (target.group) {
      target.group.messages.replaceChildren(
        ...errors.map((text) => h('p', { class: 'error' }, text)),
        ...warnings.map((text) => h('p', { class: 'warning' }, text)));
    } else if (target.fixed !== 'body') setFixedMessages(target.fixed, errors, warnings);
  }
  for (const [kind, listId, boxId] of [['errors', 'errors', 'errors-box'], ['warnings', 'warnings', 'warnings-box']]) {
    $(boxId).hidden = summary[kind].length === 0;
    $(listId).replaceChildren(...summary[kind].map(({ target, text, issue }) => h('li', { class: kind === 'errors' ? 'error' : 'warning' },
      h('button', {
        type: 'button',
        class: 'link',
        onclick: () => {
          state.showAll = true;
          update();
          focusTarget(issue.code === 'invalid_space' ? target : targetOf(issue));
        },
      }, h('span', { class: 'where' }, labelOf(target, issue)), h('span', { class: 'what' }, `: ${text}`)),
      issue.path ? [' ', h('code', { class: 'pointer' }, issue.path)] : '',
      issue.message && issue.message !== text ? h('span', { class: 'kibana-words' }, issue.message) : '')));
  }
  return summary;
}

function renderVerdict(report, summary) {
  const verdict = $('verdict');
  const count = summary.errors.length;
  verdict.dataset.state = count === 0 ? 'valid' : 'invalid';
  verdict.textContent = count === 0
    ? 'Ready: Kibana would accept this body.'
    : `${count} problem${count === 1 ? '' : 's'} to fix before Kibana accepts this body.`;
  $('kibana').textContent = kibanaLine(report);
  $('kibana').dataset.status = report.kibanaError ? String(report.kibanaError.statusCode) : '200';
}

function renderPreviews() {
  if (!state.form) return;
  const reveal = $('reveal-secrets').checked;
  const { space, id } = meta();
  const sent = state.normalized?.ok ? state.normalized.body : state.body;
  const shown = reveal ? sent : maskSecrets(sent);
  $('body-preview').textContent = JSON.stringify(shown, null, 2);
  $('body-caption').textContent = state.normalized?.ok
    ? 'What Send posts: the body as Kibana stores it, defaults filled in.'
    : 'Not valid yet: the body as the form builds it.';
  const auth = document.querySelector('input[name="auth-method"]:checked')?.value ?? 'apiKey';
  $('curl-preview').textContent = curlCommand({ kibanaUrl: state.server.kibana?.url, space, id, body: shown, auth });
  const hasSecrets = isObject(sent?.secrets) && Object.values(sent.secrets).some((v) => v !== null && v !== '');
  $('curl-caption').textContent = [
    `POST ${connectorPath({ space, id })}.`,
    auth === 'basic' ? 'Set KIBANA_USER and KIBANA_PASSWORD in your shell.' : 'Set KIBANA_API_KEY in your shell.',
    state.server.kibana ? '' : 'Set KIBANA_URL too.',
    !reveal && hasSecrets ? 'Secrets are masked: show them to copy a command that works.' : '',
  ].filter(Boolean).join(' ');
}

/** Non-secret state survives a reload of the tab (sessionStorage); secrets never do. */
function persist() {
  try {
    const { name, id, space } = meta();
    const config = state.body?.config;
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ type: state.type, name, id, space, config }));
  } catch {
    // Storage may be off: nothing to keep then.
  }
}

function restore() {
  let saved;
  try {
    saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null');
  } catch {
    saved = null;
  }
  if (!isObject(saved)) return;
  $('name').value = typeof saved.name === 'string' ? saved.name : '';
  $('connector-id').value = typeof saved.id === 'string' ? saved.id : '';
  $('space-id').value = typeof saved.space === 'string' ? saved.space : '';
  if (typeof saved.type === 'string' && selectType(saved.type)) {
    state.form.fill(isObject(saved.config) ? saved.config : undefined, undefined);
  }
}

/** Recomputes everything from the form: check, messages, previews, send button. */
function update() {
  if (!state.form) {
    $('verdict').dataset.state = 'empty';
    $('verdict').textContent = 'Pick a connector type to start.';
    $('kibana').textContent = '…';
    $('kibana').dataset.status = 'none';
    $('body-preview').textContent = '';
    $('curl-preview').textContent = '';
    $('body-caption').textContent = 'The request appears here as you fill the form.';
    updateSendButton();
    return;
  }
  const { body, options } = currentBody();
  state.body = body;
  state.options = options;
  state.report = validate(body, options);
  state.normalized = state.report.valid ? normalize(body, options) : null;
  const summary = renderIssues(state.report);
  state.blocking = summary.errors.length;
  renderVerdict(state.report, summary);
  renderPreviews();
  updateSendButton();
  persist();
}

// ---------------------------------------------------------------------------------------------
// Sending

function authInput() {
  const method = document.querySelector('input[name="auth-method"]:checked')?.value ?? 'apiKey';
  let apiKey = $('api-key').value.trim();
  // An `id:key` pair is turned into the encoded form Kibana expects.
  if (/^[^:\s]+:[^:\s]+$/.test(apiKey)) apiKey = btoa(apiKey);
  return { method, apiKey, user: $('kibana-user').value, password: $('kibana-password').value };
}

function updateSendButton() {
  const button = $('send');
  const ready = Boolean(state.form);
  button.disabled = !ready;
  // While sending, the button keeps the focus (a disabled button would drop it).
  if (state.sending) button.setAttribute('aria-disabled', 'true');
  else button.removeAttribute('aria-disabled');
  button.textContent = state.sending ? 'Sending…' : state.blocking > 0 ? 'Send anyway' : 'Send to Kibana';
  $('send-note').textContent = ready && state.blocking > 0
    ? 'The check found problems: Kibana will most likely refuse this body, but you can send it to see its answer.'
    : '';
}

function setupSending() {
  const { kibana } = state.server;
  const target = $('send-target');
  if (!kibana) {
    target.replaceChildren(
      h('strong', {}, 'Sending is off. '),
      'To send from this page, start its server with the address of your Kibana: ',
      h('code', {}, 'KIBANA_URL=https://localhost:5601 make serve'),
      '. Everything else works without it, and the curl command (under Request) sends the same request.');
    $('send-form').hidden = true;
    return;
  }
  target.replaceChildren(
    'Kibana: ', h('code', {}, kibana.url),
    kibana.route === 'direct' ? ' (the page calls it directly: kibana.yml must allow this page in server.cors.allowOrigin).' : ' (through this page\'s server).');
  $('send-form').hidden = false;
}

async function send() {
  if (state.sending) return;
  state.showAll = true;
  update();
  const result = $('send-result');
  const auth = authInput();
  const problem = credentialsProblem(auth);
  if (problem) {
    result.replaceChildren(h('p', { class: 'error' }, problem));
    $(auth.method === 'basic' ? (auth.user ? 'kibana-password' : 'kibana-user') : 'api-key').focus();
    return;
  }
  const { kibana, timeoutMs } = state.server;
  const { space, id } = meta();
  const body = state.normalized?.ok ? state.normalized.body : state.body;
  const predicted = state.report;
  const path = connectorPath({ space, id });
  const url = kibana.route === 'direct' ? `${kibana.url}${path}` : path;
  state.sending = true;
  updateSendButton();
  result.replaceChildren(h('p', {}, `Sending POST ${path}…`));
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let outcome;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'kbn-xsrf': 'true',
        'Content-Type': 'application/json',
        Authorization: authorizationHeader(auth),
      },
      body: JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'manual',
      signal: controller.signal,
    });
    const text = await response.text();
    let json = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    outcome = { status: response.status, json, text, proxy: response.headers.get(PROXY_HEADER) };
    if (response.type === 'opaqueredirect') outcome = { status: 0, json: null, text: 'Kibana answered with a redirect: check the Kibana URL.', proxy: null };
  } catch (error) {
    outcome = controller.signal.aborted ? { failure: 'timeout' } : { failure: 'network', message: error.message };
  } finally {
    clearTimeout(timer);
    state.sending = false;
    updateSendButton();
  }
  const words = explainOutcome(outcome, { id, space, route: kibana.route, kibanaUrl: kibana.url, timeoutMs: outcome.proxy ? kibana.timeoutMs : timeoutMs });
  const parts = [h('p', { class: words.ok ? 'success' : 'error', id: 'send-title' }, words.title)];
  if (words.detail) parts.push(h('p', { class: 'detail' }, h('span', { class: 'label' }, 'Kibana said: '), h('span', { id: 'send-detail' }, words.detail)));
  if (words.hint) parts.push(h('p', { class: 'help' }, words.hint));
  if (outcome.status !== undefined && !outcome.proxy) {
    const expected = predicted.kibanaError ? `${predicted.kibanaError.statusCode} ${predicted.kibanaError.message}` : '200 OK';
    const agreed = predicted.kibanaError
      ? outcome.status === predicted.kibanaError.statusCode && outcome.json?.message === predicted.kibanaError.message
      : outcome.status >= 200 && outcome.status < 300;
    parts.push(h('p', { class: 'help' }, agreed ? 'The checker predicted this answer.' : `The checker predicted: ${expected}.`));
  }
  if (words.ok && outcome.json) {
    parts.push(h('p', {}, 'The connector as Kibana returned it:'));
    parts.push(h('pre', { class: 'code', id: 'send-response', tabindex: '0' }, JSON.stringify(outcome.json, null, 2)));
    const spacePath = space && space !== 'default' ? `/s/${encodeURIComponent(space)}` : '';
    parts.push(h('p', {}, h('a', {
      href: `${kibana.url}${spacePath}/app/management/insightsAndAlerting/triggersActionsConnectors/connectors`,
      target: '_blank',
      rel: 'noopener noreferrer',
    }, 'Open the connectors in Kibana')));
  }
  result.dataset.state = words.ok ? 'success' : 'error';
  result.replaceChildren(...parts);
}

// ---------------------------------------------------------------------------------------------
// Import

/** The line and column (1-based) of a character of `text`, by its index. */
function placeOf(text, index) {
  const before = text.slice(0, index);
  return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
}

/**
 * Where JSON.parse stopped in `text`, as { line, column }, or null. The browser's message may
 * quote the text around the error (a pasted secret with it), so only its numbers are read, and
 * only where engines put them (at the end); a message without any ("Unexpected token 'x', "…" is
 * not valid JSON") leaves the place to the checker's own parse.
 */
function jsonErrorPlace(error, text) {
  const message = String(error?.message ?? '');
  const lineColumn = /\(line (\d+) column (\d+)\)$/.exec(message) ?? /at line (\d+) column (\d+) of the JSON data$/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /at position (\d+)$/.exec(message);
  if (position && Number(position[1]) <= text.length) return placeOf(text, Number(position[1]));
  if (message === 'Unexpected end of JSON input') return placeOf(text, text.length);
  const issue = validate(text).errors.find((e) => e.code === 'invalid_json');
  const { line, column } = issue?.params ?? {};
  if (!Number.isInteger(line) || !Number.isInteger(column)) return null;
  // The checker counts bytes of UTF-8 in the line; the page counts characters.
  const lineText = text.split('\n')[line - 1] ?? '';
  const bytes = new TextEncoder().encode(lineText).slice(0, Math.max(0, column - 1));
  return { line, column: new TextDecoder().decode(bytes).length + 1 };
}

function importBody(text) {
  const result = $('import-result');
  let body;
  let inner = false;
  try {
    body = JSON.parse(text);
    if (typeof body === 'string') {
      inner = true;
      body = JSON.parse(body);
    }
  } catch (error) {
    // Never the browser's message itself: it quotes the pasted text.
    const place = jsonErrorPlace(error, inner ? body : text);
    const where = place ? ` (line ${place.line}, column ${place.column}${inner ? ' of the text in the string' : ''})` : '';
    result.replaceChildren(h('p', { class: 'error' }, inner ? `This is a string whose text is not JSON${where}.` : `This is not JSON${where}.`));
    return false;
  }
  const report = validate(text);
  const answer = h('p', {}, 'Kibana would answer: ', h('code', {}, kibanaLine(report)));
  if (!isObject(body)) {
    result.replaceChildren(h('p', { class: 'error' }, 'A request body is a JSON object.'), answer);
    return false;
  }
  const typeId = body.connector_type_id;
  if (!state.types.some((type) => type.id === typeId)) {
    const known = connectorTypes().find((type) => type.id === typeId);
    const why = known?.isSystemActionType
      ? `"${typeId}" is a system action type: Kibana creates no connectors of it.`
      : `"${typeof typeId === 'string' ? typeId : JSON.stringify(typeId)}" is not a connector type Kibana knows.`;
    result.replaceChildren(h('p', { class: 'error' }, why), answer);
    return false;
  }
  // config-schema accepts `config` and `secrets` as JSON text of an object, and stores the object.
  const objectOf = (value) => {
    if (typeof value !== 'string') return value;
    try {
      const parsed = JSON.parse(value);
      return isObject(parsed) ? parsed : value;
    } catch {
      return value;
    }
  };
  state.topExtras = {};
  for (const [key, value] of Object.entries(body)) {
    if (!['name', 'connector_type_id', 'config', 'secrets'].includes(key)) state.topExtras[key] = value;
  }
  if (typeof body.name === 'string') $('name').value = body.name;
  else if (body.name !== undefined) state.topExtras.name = body.name;
  else $('name').value = '';
  selectType(typeId, { fresh: true });
  state.form.fill(objectOf(body.config), objectOf(body.secrets));
  state.showAll = true;
  update();
  // The pasted text may hold secrets: it is not kept once the form has them.
  $('import-text').value = '';
  const count = report.errors.length;
  result.replaceChildren(
    h('p', { class: count === 0 ? 'success' : 'error' }, count === 0
      ? `Imported a ${typeId} body with no problems.`
      : `Imported a ${typeId} body with ${count} problem${count === 1 ? '' : 's'}: each is shown at its field and listed under Check.`),
    answer);
  return true;
}

async function importFile(file) {
  if (!file) return;
  const text = await file.text();
  importBody(text);
}

// ---------------------------------------------------------------------------------------------
// Wiring

function wire() {
  $('type-filter').addEventListener('input', filterTypes);
  $('type-filter').addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const first = $('type-list').querySelector('.type-option:not([hidden]) input');
    if (first) {
      first.checked = true;
      selectType(first.value);
      first.focus();
    }
  });
  for (const [id, key] of [['name', 'name'], ['connector-id', 'id'], ['space-id', 'space']]) {
    $(id).addEventListener('input', () => {
      state.touched.add(key);
      if (key === 'name') delete state.topExtras.name;
      update();
    });
  }
  $('generate-id').addEventListener('click', () => {
    $('connector-id').value = generateId();
    state.touched.add('id');
    update();
  });
  $('reveal-secrets').addEventListener('change', renderPreviews);
  for (const [buttonId, preId] of [['copy-body', 'body-preview'], ['copy-curl', 'curl-preview']]) {
    $(buttonId).addEventListener('click', async () => {
      const button = $(buttonId);
      try {
        await navigator.clipboard.writeText($(preId).textContent);
        button.textContent = 'Copied';
      } catch {
        const range = document.createRange();
        range.selectNodeContents($(preId));
        getSelection().removeAllRanges();
        getSelection().addRange(range);
        button.textContent = 'Selected: press Ctrl+C';
      }
      setTimeout(() => { button.textContent = 'Copy'; }, 1500);
    });
  }
  for (const radio of document.querySelectorAll('input[name="auth-method"]')) {
    radio.addEventListener('change', () => {
      const basic = radio.value === 'basic' && radio.checked;
      $('basic-fields').hidden = !basic;
      $('api-key-field').hidden = basic;
      renderPreviews();
    });
  }
  for (const [buttonId, inputId, label] of [['api-key-reveal', 'api-key', 'API key'], ['kibana-password-reveal', 'kibana-password', 'password']]) {
    $(buttonId).addEventListener('click', () => {
      const button = $(buttonId);
      const show = button.getAttribute('aria-pressed') !== 'true';
      button.setAttribute('aria-pressed', String(show));
      button.textContent = show ? 'Hide' : 'Show';
      button.setAttribute('aria-label', `${show ? 'Hide' : 'Show'} ${label}`);
      $(inputId).type = show ? 'text' : 'password';
    });
  }
  $('send').addEventListener('click', send);
  $('import-button').addEventListener('click', () => importBody($('import-text').value));
  $('import-file').addEventListener('change', () => {
    importFile($('import-file').files?.[0]);
    $('import-file').value = '';
  });
  const zone = $('import-section');
  zone.addEventListener('dragover', (event) => {
    if ([...(event.dataTransfer?.types ?? [])].includes('Files')) {
      event.preventDefault();
      zone.classList.add('dropping');
    }
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dropping'));
  zone.addEventListener('drop', (event) => {
    const file = event.dataTransfer?.files?.[0];
    zone.classList.remove('dropping');
    if (!file) return;
    event.preventDefault();
    $('import-details').open = true;
    importFile(file);
  });
}

const serverConfig = fetch('/config.json', { cache: 'no-store' })
  .then((response) => (response.ok ? response.json() : null))
  .catch(() => null);

await init();
$('version').textContent = version();
state.types = connectorTypes().filter((type) => !type.isSystemActionType);
renderTypes();
wire();
restore();
update();
document.documentElement.dataset.state = 'ready';
performance.mark('kc:interactive');

const config = await serverConfig;
if (config) state.server = { kibana: config.kibana ?? null, timeoutMs: Number(config.timeoutMs) || 35000 };
setupSending();
renderPreviews();
document.documentElement.dataset.sending = state.server.kibana ? 'on' : 'off';
