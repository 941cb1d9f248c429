// The page: pick a connector type, fill the form generated from its JSON Schema, see every problem
// and Kibana's predicted answer as you type, preview the request, and send it.
//
// What Send posts is the body as the form builds it: the body the checker checked. The stored
// form (what Kibana keeps, defaults filled in) is a preview only.
//
// Secrets (the form's secrets and the Kibana credentials) live only in the inputs: they are never
// stored, logged or put in a URL; the previews mask them unless the user reveals them; the copied
// curl command reads them from the terminal; the only request that carries them is the POST to
// the configured Kibana.
import init, { initJsonSchema, validate, normalize, jsonSchema, connectorTypes, kibanaVersions, licenses, version } from '/pkg/kibana_connectors.js';
import { createForm } from './form.js';
import { MODES, HINTS } from './modes.js';
import { h, richText } from './dom.js';
import { searchTypes, groupTypes, categoryOf, categoryName } from './types.js';
import {
  connectorPath, curlCommand, maskSecrets, replaceSecrets, secretStrings, generateId, spaceIdProblem, explainOutcome,
  authorizationHeader, credentialsProblem, PROXY_HEADER, statusVersion, versionOffer,
} from './request.js';

const $ = (id) => document.getElementById(id);
const STORAGE_KEY = 'kibana-connectors:draft';
/** The Kibana version picked, kept across tabs and visits (it is not secret). */
const VERSION_KEY = 'kibana-connectors:kibana-version';
const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
/** The engines of Kibana's messages, as the version list names them. */
const ENGINES = { 'config-schema': '@kbn/config-schema', 'zod-3': 'Zod 3', 'zod-4': 'Zod 4' };
/** How long typing pauses before the body is checked again. */
const DEBOUNCE_MS = 150;
/** Previews longer than this show their start (Copy copies all of it). */
const PREVIEW_LIMIT = 20000;
/** A draft larger than this is not kept for a reload. */
const PERSIST_LIMIT = 200000;

const state = {
  types: [],
  type: null,
  form: null,
  /** Forms already built, by type: switching back keeps what was typed (in memory only). */
  forms: new Map(),
  body: null,
  report: null,
  server: { kibana: null, timeoutMs: 35000 },
  touched: new Set(),
  /** The Kibana release the page checks against ('' = the package's default, its newest). */
  kibanaVersion: '',
  /** The last request sent: { key, words }, so that a second Send of the same body asks first. */
  lastSent: null,
  timer: null,
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
    case 'unknown_key': {
      // The route's own check names no key in its params: the pointer does.
      const key = params.key ?? issue.path.split('/').pop().replaceAll('~1', '/').replaceAll('~0', '~');
      return `Kibana does not know the key "${key}": remove it.`;
    }
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

/** Kibana's predicted answer in one line. A Space ID Kibana cannot route gets its 404. */
function kibanaLine(report, spaceProblem = null) {
  if (!report) return '…';
  if (spaceProblem) return '404 Not Found: no such route (the Space ID is not one Kibana accepts)';
  const error = report.kibanaError;
  if (error) return `${error.statusCode} ${error.error}: ${error.message}`;
  return report.warnings.length > 0
    ? '200 OK: the connector is created (if the server checks below pass)'
    : '200 OK: the connector is created';
}

// ---------------------------------------------------------------------------------------------
// Kibana versions and connector types

/** The options that name the Kibana release checked against (none: the package's default). */
function versionOption() {
  return state.kibanaVersion ? { kibanaVersion: state.kibanaVersion } : {};
}

/** Forms are per type and per release (a release may lack some fields and options). */
const formKey = (typeId) => `${state.kibanaVersion}\n${typeId}`;

/** The core's word on a version: `{ version }`, its name (`"9.3.2"`), or `{ refused }`, the
 *  issue that says why it answers for no such release. */
function readVersion(text) {
  const report = validate('{}', { kibanaVersion: text });
  const refused = report.errors.find((issue) => issue.code === 'invalid_options');
  return refused ? { refused } : { version: report.kibanaVersion };
}

/** The types the chosen release registers, listed; the chosen type stays when it has it. */
function loadTypes() {
  const input = $('kibana-version');
  const wanted = input.value.trim();
  const { refused } = wanted ? readVersion(wanted) : {};
  $('version-msg').replaceChildren(...(refused ? [h('p', { class: 'error' }, refused.message)] : []));
  if (refused) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
  state.kibanaVersion = refused ? '' : wanted;
  state.types = connectorTypes(versionOption()).filter((type) => !type.isSystemActionType);
  renderTypes();
  if (state.type && state.types.some((type) => type.id === state.type)) selectType(state.type);
  else if (state.type) {
    state.form = null;
    state.type = null;
    $('type-chosen').replaceChildren();
    $('config-fields').replaceChildren(h('p', { class: 'empty' }, 'Pick a connector type first.'));
    $('secrets-fields').replaceChildren(h('p', { class: 'empty' }, 'Pick a connector type first.'));
    flush();
  }
}

function typeOption(type, { ranked = false } = {}) {
  const id = `type-${type.id.replace(/[^a-z0-9_-]/gi, '_')}`;
  const descriptionId = `${id}-desc`;
  const license = type.minimumLicense ?? 'other';
  const badges = [
    // Grouped by category, the group says it; a search result says it itself.
    type.category && ranked ? h('span', { class: 'badge' }, categoryName(categoryOf(type))) : null,
    h('span', { class: 'badge license' }, license),
    type.isDeprecated ? h('span', { class: 'badge deprecated' }, 'Deprecated') : null,
  ];
  const description = [type.description, type.isDeprecated ? type.deprecation : null].filter(Boolean).join(' ');
  return h('div', { class: `type-option${type.isDeprecated ? ' is-deprecated' : ''}`, dataset: { type: type.id, ranked: String(ranked) } },
    h('input', { type: 'radio', name: 'connector-type', id, value: type.id, 'aria-describedby': description ? descriptionId : null, checked: state.type === type.id }),
    h('label', { for: id },
      h('span', { class: 'type-name' }, type.name), ' ', h('code', { class: 'key' }, type.id), ' ', badges,
      description ? h('span', { class: 'type-desc', id: descriptionId }, description) : null));
}

function renderTypes() {
  const list = $('type-list');
  const query = $('type-filter').value.trim();
  if (query === '') {
    list.replaceChildren(...groupTypes(state.types, licenses()).map((group) => h('fieldset', { class: 'type-group', dataset: { group: group.id } },
      h('legend', {}, group.label),
      group.types.map((type) => typeOption(type)))));
    $('type-count').textContent = `${state.types.length} connector types. Type to search (names, descriptions, what they do); Enter picks the first match.`;
    return;
  }
  const found = searchTypes(state.types, query);
  list.replaceChildren(...found.map((type) => typeOption(type, { ranked: true })));
  $('type-count').textContent = found.length === 0
    ? `No type matches "${query}". Try another word (what it connects to, or what it does).`
    : `${found.length} of ${state.types.length} types match, best first. Enter picks ${found[0].name}.`;
}

/** Shows the form of a type (building it the first time). */
function selectType(typeId, { fresh = false } = {}) {
  if (!state.types.some((type) => type.id === typeId)) return false;
  if (fresh) state.forms.delete(formKey(typeId));
  let form = state.forms.get(formKey(typeId));
  if (!form) {
    form = createForm({ type: typeId, schema: jsonSchema(typeId, versionOption()), modes: MODES[typeId], hints: HINTS, onChange: edited });
    // The imported body's keys that the form has no input for (top-level ones, and a name that
    // is not text): they belong to the body of that type, so they stay with its form.
    form.topExtras = new Map();
    form.odd = new Map();
    // Nothing typed into this form yet: its check is not red. After an import, a send or a click
    // on a problem, every problem shows (`showAll`).
    form.pristine = true;
    form.showAll = false;
    state.forms.set(formKey(typeId), form);
  }
  state.type = typeId;
  state.form = form;
  for (const radio of document.querySelectorAll('input[name="connector-type"]')) radio.checked = radio.value === typeId;
  const type = state.types.find((each) => each.id === typeId);
  $('type-chosen').replaceChildren(...(type ? [h('span', {},
    h('strong', {}, type.name), ' ', h('code', { class: 'key' }, type.id),
    type.description ? `: ${type.description}` : '',
    type.isDeprecated ? h('span', { class: 'deprecation' }, ` Deprecated. ${type.deprecation ?? ''}`) : '')] : []));
  $('config-fields').replaceChildren(form.groups.config.root);
  $('secrets-fields').replaceChildren(form.groups.secrets.root);
  $('config-desc').replaceChildren(...richText(form.groups.config.description));
  $('secrets-desc').replaceChildren(...richText(form.groups.secrets.description));
  renderTopExtras();
  flush();
  return true;
}

/** The imported body's top-level keys that the form has no input for, each with a Remove button. */
function renderTopExtras() {
  const box = $('top-extras');
  const form = state.form;
  const entries = form ? [...form.topExtras, ...[...form.odd].map(([key, value]) => [key, value])] : [];
  box.hidden = entries.length === 0;
  box.replaceChildren(
    h('p', {}, 'From the imported body, kept as they were (Kibana refuses keys a create request does not have):'),
    h('ul', {}, entries.map(([key, value]) => h('li', {},
      h('code', {}, JSON.stringify(key)), ': ', h('code', {}, JSON.stringify(value) ?? String(value)), ' ',
      h('button', { type: 'button', class: 'remove', 'aria-label': `Remove the key ${JSON.stringify(key)}`, onclick: () => {
        form.topExtras.delete(key);
        form.odd.delete(key);
        renderTopExtras();
        flush();
        $('name').focus();
      } }, 'Remove')))));
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
  const form = state.form;
  const body = {};
  if (form.odd.has('name')) body.name = form.odd.get('name');
  else if (name !== '') body.name = name;
  body.connector_type_id = state.type;
  const { config, secrets } = form.update();
  // A fresh form sends `config: {}` (as Kibana's own form does) and no empty secrets; an imported
  // body keeps what it had: an empty object, or none.
  const imported = form.imported;
  const empty = (value) => isObject(value) && Object.keys(value).length === 0;
  if (config !== undefined && !(empty(config) && imported && !imported.config)) body.config = config;
  else if (config === undefined && !imported) body.config = {};
  if (secrets !== undefined && !(empty(secrets) && !imported?.secrets)) body.secrets = secrets;
  for (const [key, value] of form.topExtras) body[key] = value;
  return { body, options: id ? { id } : undefined };
}

/** Where an issue is shown: a form field, a group, or one of the fixed fields. */
function targetOf(issue) {
  if (issue.code === 'invalid_id' || (issue.path === '' && issue.params?.parameter === 'id')) return { fixed: 'id' };
  if (issue.path === '/name') return { fixed: 'name' };
  if (issue.path === '/connector_type_id') return { fixed: 'type' };
  if (issue.path === '' || !issue.path.startsWith('/config') && !issue.path.startsWith('/secrets')) return { fixed: 'body' };
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
  body: { messages: 'body-msg', input: 'name', label: 'Body' },
};

function labelOf(target, issue) {
  if (target.fixed) return FIXED[target.fixed].label;
  if (target.group) return target.group.name === 'config' ? 'Settings' : 'Credentials';
  const group = issue.path.startsWith('/secrets') || target.field.spec.keyLabel ? 'Credentials' : 'Settings';
  return `${group} › ${target.field.spec.label}`;
}

function focusTarget(target) {
  if (target.field) target.field.focus();
  else if (target.group) (target.group.root.querySelector('input, select, textarea, button') ?? target.group.root).focus();
  else if (target.fixed === 'body') ($('top-extras').querySelector('button') ?? $('name')).focus();
  else if (target.fixed) $(FIXED[target.fixed].input).focus();
  else $('name').focus();
}

function setFixedMessages(key, errors, warnings) {
  const area = $(FIXED[key].messages);
  area.replaceChildren(
    ...[...new Set(errors)].map((text) => h('p', { class: 'error' }, h('span', { class: 'sr-only' }, 'Error: '), text)),
    ...[...new Set(warnings)].map((text) => h('p', { class: 'warning' }, h('span', { class: 'sr-only' }, 'Server check: '), text)),
  );
  if (key === 'type' || key === 'body') return;
  const input = $(FIXED[key].input);
  if (errors.length > 0) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

function isTouched(target) {
  if (state.form.showAll) return true;
  if (target.fixed) return state.touched.has(target.fixed) || target.fixed === 'type' || target.fixed === 'body';
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
  // What the page itself sees (two headers of the same name, a number that is not one).
  for (const { field, text } of state.form.problems()) {
    add({ field }, 'errors', text);
    summary.errors.push({ target: { field }, text, issue: { path: field.spec.pointer, code: 'page' } });
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
    } else setFixedMessages(target.fixed, errors, warnings);
  }
  const pristine = state.form.pristine && !state.form.showAll;
  $('errors-h').textContent = pristine ? 'To fill in' : 'Problems';
  $('errors-box').dataset.state = pristine ? 'pristine' : 'invalid';
  for (const [kind, listId, boxId] of [['errors', 'errors', 'errors-box'], ['warnings', 'warnings', 'warnings-box']]) {
    $(boxId).hidden = summary[kind].length === 0;
    $(listId).replaceChildren(...summary[kind].map(({ target, text, issue }) => h('li', { class: kind === 'errors' ? (pristine ? 'todo' : 'error') : 'warning' },
      h('button', {
        type: 'button',
        class: 'link',
        onclick: () => {
          state.form.showAll = true;
          flush();
          focusTarget(issue.code === 'invalid_space' || issue.code === 'page' ? target : targetOf(issue));
        },
      }, h('span', { class: 'where' }, labelOf(target, issue)), h('span', { class: 'what' }, `: ${text}`)),
      issue.path && issue.code !== 'page' ? [' ', h('code', { class: 'pointer' }, issue.path)] : '',
      issue.message && issue.message !== text ? h('span', { class: 'kibana-words' }, issue.message) : '')));
  }
  return summary;
}

/** The verdict in words: { state, text }. A pristine form is not red: it has fields to fill. */
function verdictOf(summary) {
  const count = summary.errors.length;
  if (count === 0) return { state: 'valid', text: 'Ready: Kibana would accept this body.' };
  if (state.form.pristine && !state.form.showAll) return { state: 'pristine', text: `${count} thing${count === 1 ? '' : 's'} to fill in before Kibana accepts this body.` };
  return { state: 'invalid', text: `${count} problem${count === 1 ? '' : 's'} to fix before Kibana accepts this body.` };
}

function renderVerdict(report, summary) {
  const verdict = verdictOf(summary);
  const spaceProblem = spaceIdProblem(meta().space);
  for (const id of ['verdict', 'bar-verdict']) {
    $(id).dataset.state = verdict.state;
    $(id).textContent = verdict.text;
  }
  const line = kibanaLine(report, spaceProblem);
  const status = spaceProblem ? '404' : report.kibanaError ? String(report.kibanaError.statusCode) : '200';
  for (const id of ['kibana', 'bar-kibana']) {
    $(id).textContent = id === 'kibana' ? line : line.replace(/:.*$/, '');
    $(id).dataset.status = status;
    // Not red before the user has typed anything.
    if (verdict.state === 'pristine') $(id).dataset.pristine = '';
    else delete $(id).dataset.pristine;
  }
}

/** A preview's text, cut when very long (Copy copies all of it). */
function showText(element, text) {
  element.dataset.full = text.length > PREVIEW_LIMIT ? 'false' : 'true';
  element.textContent = text.length > PREVIEW_LIMIT
    ? `${text.slice(0, PREVIEW_LIMIT)}\n… (${Math.round((text.length - PREVIEW_LIMIT) / 1024)} KB more: Copy copies all of it)`
    : text;
}

/** What the previews show and what Copy copies, from the current body. */
function previews() {
  const reveal = $('reveal-secrets').checked;
  const { space, id } = meta();
  const isSensitive = (pointer) => state.form.isSensitive(pointer);
  const body = state.body;
  const auth = document.querySelector('input[name="auth-method"]:checked')?.value ?? 'apiKey';
  const hasSecrets = secretStrings(body, isSensitive).length > 0;
  return {
    reveal,
    hasSecrets,
    body: JSON.stringify(reveal ? body : maskSecrets(body, isSensitive), null, 2),
    // Copied without reveal: the secrets are left out (never as masks Kibana would store).
    bodyCopy: JSON.stringify(reveal ? body : replaceSecrets(body, () => undefined, isSensitive), null, 2),
    curl: curlCommand({
      kibanaUrl: state.server.kibana?.url, space, id, body, auth, reveal, isSensitive,
      labelOf: (pointer) => {
        const field = state.form.locate(pointer);
        const where = pointer.slice(1).replaceAll('/', '.');
        return field?.spec && field.spec.pointer === pointer ? `${field.spec.label} (${where})` : where;
      },
    }),
  };
}

function renderPreviews() {
  if (!state.form || !state.body) return;
  const shown = previews();
  const { space, id } = meta();
  showText($('body-preview'), shown.body);
  $('body-caption').textContent = 'What Send posts: the body as the form builds it, the one the check above is about.';
  renderStored();
  showText($('curl-preview'), shown.curl);
  const auth = document.querySelector('input[name="auth-method"]:checked')?.value ?? 'apiKey';
  $('curl-caption').replaceChildren(...[
    `POST ${connectorPath({ space, id })}. Run it in a terminal: it asks for `,
    auth === 'basic' ? 'the Kibana user and password' : 'the Kibana API key',
    shown.hasSecrets && !shown.reveal ? ' and for each secret' : '',
    ' (unless they are set in the shell), without showing them.',
    shown.reveal && shown.hasSecrets ? h('strong', { class: 'warning-text' }, ' It holds the secrets in clear text: it stays in your shell\'s history.') : '',
  ]);
  $('copy-body').textContent = shown.hasSecrets && !shown.reveal ? 'Copy without secrets' : 'Copy';
}

/** The stored form (normalize), shown only while its box is open: it costs a second pass. */
function renderStored() {
  const box = $('stored-details');
  if (!box.open || !state.form || !state.body) return;
  const out = state.report?.valid ? normalize(state.body, { ...state.options, ...versionOption() }) : null;
  const isSensitive = (pointer) => state.form.isSensitive(pointer);
  showText($('stored-preview'), out?.ok
    ? JSON.stringify($('reveal-secrets').checked ? out.body : maskSecrets(out.body, isSensitive), null, 2)
    : 'Kibana stores nothing until the body is valid.');
}

/** Non-secret state survives a reload of the tab (sessionStorage); secrets never do. */
function persist() {
  try {
    const { name, id, space } = meta();
    const config = state.body?.config;
    const text = JSON.stringify({ type: state.type, name, id, space, config, kibanaVersion: state.kibanaVersion });
    if (text.length > PERSIST_LIMIT) sessionStorage.removeItem(STORAGE_KEY);
    else sessionStorage.setItem(STORAGE_KEY, text);
  } catch {
    // Storage may be off: nothing to keep then.
  }
  try {
    if (state.kibanaVersion) localStorage.setItem(VERSION_KEY, state.kibanaVersion);
    else localStorage.removeItem(VERSION_KEY);
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
  if (!isObject(saved)) {
    // A new tab: the version picked last time, if the checker still knows it.
    let kept = null;
    try {
      kept = localStorage.getItem(VERSION_KEY);
    } catch {
      kept = null;
    }
    if (typeof kept === 'string' && kept !== '' && kept.length <= 40) {
      $('kibana-version').value = kept;
      loadTypes();
    }
    return;
  }
  $('name').value = typeof saved.name === 'string' ? saved.name : '';
  $('connector-id').value = typeof saved.id === 'string' ? saved.id : '';
  $('space-id').value = typeof saved.space === 'string' ? saved.space : '';
  if (typeof saved.kibanaVersion === 'string' && saved.kibanaVersion !== '') {
    $('kibana-version').value = saved.kibanaVersion;
    loadTypes();
  }
  if (typeof saved.type === 'string' && selectType(saved.type)) {
    // A fresh form with the kept settings (the secrets start empty).
    if (isObject(saved.config)) state.form.fill(saved.config, undefined);
    state.form.pristine = false;
    flush();
  }
}

/** An edit: typing is checked once it pauses, so that a keystroke stays within a frame; a
 *  choice (a select, a checkbox, a button) at once, so that the fields it brings show. */
function edited({ typing = true } = {}) {
  if (state.form) state.form.pristine = false;
  if (typing) schedule();
  else flush();
}

function schedule() {
  clearTimeout(state.timer);
  state.timer = setTimeout(flush, DEBOUNCE_MS);
  document.documentElement.dataset.checked = 'pending';
}

/** Recomputes everything from the form now: check, messages, previews, send button. */
function flush() {
  clearTimeout(state.timer);
  state.timer = null;
  if (!state.form) {
    for (const id of ['verdict', 'bar-verdict']) {
      $(id).dataset.state = 'empty';
      $(id).textContent = 'Pick a connector type to start.';
    }
    for (const id of ['kibana', 'bar-kibana']) {
      $(id).textContent = '…';
      $(id).dataset.status = 'none';
    }
    $('body-preview').textContent = '';
    $('curl-preview').textContent = '';
    $('body-caption').textContent = 'The request appears here as you fill the form.';
    updateSendButton();
    document.documentElement.dataset.checked = 'done';
    return;
  }
  const { body, options } = currentBody();
  state.body = body;
  state.options = options;
  state.report = validate(body, { ...options, ...versionOption() });
  const summary = renderIssues(state.report);
  state.blocking = summary.errors.length;
  state.summary = summary;
  renderVerdict(state.report, summary);
  renderPreviews();
  updateSendButton();
  persist();
  document.documentElement.dataset.checked = 'done';
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
  const on = Boolean(state.server.kibana);
  const ready = Boolean(state.form) && on;
  button.hidden = !on;
  $('bar-off').hidden = on;
  button.disabled = !ready;
  // While sending, the button keeps the focus (a disabled button would drop it).
  if (state.sending) button.setAttribute('aria-disabled', 'true');
  else button.removeAttribute('aria-disabled');
  button.textContent = state.sending ? 'Sending…' : state.blocking > 0 ? 'Send anyway' : 'Send to Kibana';
  $('send-note').textContent = state.form && state.blocking > 0
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
    updateSendButton();
    return;
  }
  target.replaceChildren(
    'Kibana: ', h('code', {}, kibana.url),
    kibana.route === 'direct' ? ' (the page calls it directly: kibana.yml must allow this page in server.cors.allowOrigin).' : ' (through this page\'s server).');
  $('send-form').hidden = false;
  updateSendButton();
}

/** What identifies a request: the same key twice is the same connector sent twice. */
const requestKey = (path, body) => `${path}\n${JSON.stringify(body)}`;

/** Asks before sending the same body again: it would make a second connector (or a 409). */
function confirmAgain(onYes) {
  const last = state.lastSent;
  const result = $('send-result');
  result.dataset.state = 'confirm';
  result.replaceChildren(
    h('p', { class: 'warning-text', id: 'send-confirm' }, `You already sent this same body (${last.title}) Send it again?`),
    h('p', { class: 'help' }, last.ok ? 'Kibana would create a second connector' + (meta().id ? ', or answer 409 for the same id.' : '.') : 'Nothing changed since Kibana answered.'),
    h('div', { class: 'control' },
      h('button', { type: 'button', id: 'send-again', class: 'primary', onclick: () => { result.replaceChildren(); delete result.dataset.state; onYes(); } }, 'Send again'),
      h('button', { type: 'button', id: 'send-cancel', onclick: () => { result.replaceChildren(); delete result.dataset.state; $('send').focus(); } }, 'Cancel')));
  $('send-bar-status').textContent = 'You already sent this body: confirm under "Send to Kibana".';
  $('send-again').focus();
}

function send({ again = false } = {}) {
  if (state.sending) return;
  state.form.showAll = true;
  flush();
  const result = $('send-result');
  const auth = authInput();
  const problem = credentialsProblem(auth);
  if (problem) {
    result.dataset.state = 'error';
    result.replaceChildren(h('p', { class: 'error', id: 'send-title' }, problem));
    $('send-bar-status').textContent = problem;
    $(auth.method === 'basic' ? (auth.user ? 'kibana-password' : 'kibana-user') : 'api-key').focus();
    return;
  }
  const { space, id } = meta();
  // The body as built: the one the check is about (never the stored form).
  const body = state.body;
  const path = connectorPath({ space, id });
  const key = requestKey(path, body);
  if (!again && state.lastSent?.key === key) {
    confirmAgain(() => send({ again: true }));
    return;
  }
  post({ body, path, key, auth, space, id });
}

/** How long the page waits for Kibana's version (it never holds up the answer for longer). */
const STATUS_TIMEOUT_MS = 10000;

/** Kibana's version from `GET /api/status` (through the page's server, which passes on only
 *  the version, or straight to Kibana in the direct route), or null when it cannot be read. */
async function readKibanaVersion(auth) {
  const { kibana } = state.server;
  try {
    const response = await fetch(kibana.route === 'direct' ? `${kibana.url}/api/status` : '/api/status', {
      headers: { Authorization: authorizationHeader(auth) },
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'manual',
      signal: AbortSignal.timeout(STATUS_TIMEOUT_MS),
    });
    return response.ok ? statusVersion(await response.json()) : null;
  } catch {
    return null;
  }
}

/** The checker's name of a version (`"9.3.2"`), or null for one it does not answer for. */
const canonicalVersion = (text) => readVersion(text).version ?? null;

/** The offer to check against the version Kibana reports. */
function offerElement(offer) {
  const box = h('div', { class: 'version-offer', id: 'version-offer' }, h('p', { class: 'warning-text', id: 'version-offer-text' }, offer.text));
  if (offer.target) {
    box.append(h('div', { class: 'control' }, h('button', {
      type: 'button',
      id: 'version-switch',
      onclick: () => {
        $('kibana-version').value = offer.target;
        loadTypes();
        persist();
        flush();
        box.replaceChildren(h('p', { class: 'success', id: 'version-offer-text' }, `Now checking against Kibana ${state.kibanaVersion || defaultVersion}: see the check above.`));
      },
    }, `Check against Kibana ${offer.target}`)));
  }
  return box;
}

async function post({ body, path, key, auth, space, id }) {
  const { kibana, timeoutMs } = state.server;
  const predicted = state.report;
  const url = kibana.route === 'direct' ? `${kibana.url}${path}` : path;
  const result = $('send-result');
  state.sending = true;
  updateSendButton();
  result.replaceChildren(h('p', {}, `Sending POST ${path}…`));
  $('send-bar-status').textContent = `Sending POST ${path}…`;
  // Kibana's version, asked at the same time with the same credentials.
  const reported = readKibanaVersion(auth);
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
  }
  const offer = versionOffer(await reported, predicted.kibanaVersion ?? defaultVersion, canonicalVersion);
  state.sending = false;
  updateSendButton();
  const words = explainOutcome(outcome, { id, space, route: kibana.route, kibanaUrl: kibana.url, timeoutMs: outcome.proxy ? kibana.timeoutMs : timeoutMs });
  state.lastSent = { key, ok: words.ok, title: words.title };
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
  if (offer) parts.push(offerElement(offer));
  result.dataset.state = words.ok ? 'success' : 'error';
  result.replaceChildren(...parts);
  const status = $('send-bar-status');
  status.dataset.state = result.dataset.state;
  status.replaceChildren(words.title, ' ', h('a', { href: '#send-result' }, 'Details'));
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

/** config-schema accepts `config` and `secrets` as JSON text of an object, and stores the object. */
function objectOf(value) {
  if (typeof value !== 'string') return value;
  try {
    const parsed = JSON.parse(value);
    return isObject(parsed) ? parsed : value;
  } catch {
    return value;
  }
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
  if (!isObject(body)) {
    const answer = h('p', {}, 'Kibana would answer: ', h('code', {}, kibanaLine(validate(text, versionOption()))));
    result.replaceChildren(h('p', { class: 'error' }, 'A request body is a JSON object.'), answer);
    return false;
  }
  const typeId = body.connector_type_id;
  if (!state.types.some((type) => type.id === typeId)) {
    const answer = h('p', {}, 'Kibana would answer: ', h('code', {}, kibanaLine(validate(text, versionOption()))));
    const known = connectorTypes().find((type) => type.id === typeId);
    const why = known?.isSystemActionType
      ? `"${typeId}" is a system action type: Kibana creates no connectors of it.`
      : known ? `Kibana ${state.report?.kibanaVersion ?? state.kibanaVersion} has no "${typeId}" connector type (it came in ${known.since}): choose a later Kibana version.`
      : `"${typeof typeId === 'string' ? typeId : JSON.stringify(typeId)}" is not a connector type Kibana knows.`;
    result.replaceChildren(h('p', { class: 'error' }, why), answer);
    return false;
  }
  selectType(typeId, { fresh: true });
  const form = state.form;
  for (const [key, value] of Object.entries(body)) {
    if (!['name', 'connector_type_id', 'config', 'secrets'].includes(key)) form.topExtras.set(key, value);
  }
  if (typeof body.name === 'string' && body.name !== '') $('name').value = body.name;
  else {
    $('name').value = '';
    if (body.name !== undefined) form.odd.set('name', body.name);
  }
  form.imported = { config: Object.hasOwn(body, 'config'), secrets: Object.hasOwn(body, 'secrets') };
  form.fill(objectOf(body.config), objectOf(body.secrets));
  renderTopExtras();
  form.showAll = true;
  form.pristine = false;
  flush();
  // The pasted text may hold secrets: it is not kept once the form has them.
  $('import-text').value = '';
  // The verdict is the Check panel's own: the same body, the same report.
  const expected = JSON.parse(JSON.stringify({ ...body, config: objectOf(body.config), secrets: objectOf(body.secrets) }));
  for (const key of ['config', 'secrets']) if (!Object.hasOwn(body, key)) delete expected[key];
  const same = JSON.stringify(sortKeys(expected)) === JSON.stringify(sortKeys(state.body));
  const count = state.summary.errors.length;
  const answer = h('p', {}, 'Kibana would answer: ', h('code', {}, $('kibana').textContent));
  result.replaceChildren(
    h('p', { class: count === 0 ? 'success' : 'error' }, count === 0
      ? `Imported a ${typeId} body with no problems.`
      : `Imported a ${typeId} body with ${count} problem${count === 1 ? '' : 's'}: each is shown at its field and listed under Check.`),
    answer,
    same ? '' : h('p', { class: 'warning-text' }, 'The form could not hold all of it exactly: compare the body under Request with what you pasted.'));
  return true;
}

/** A copy with object keys in order, to compare bodies whatever their key order. */
function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys(value[key])]));
}

async function importFile(file) {
  if (!file) return;
  const text = await file.text();
  importBody(text);
}

// ---------------------------------------------------------------------------------------------
// Wiring

function wire() {
  $('type-filter').addEventListener('input', renderTypes);
  $('kibana-version').addEventListener('change', () => { loadTypes(); persist(); });
  $('type-filter').addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const first = $('type-list').querySelector('.type-option input');
    if (first && $('type-filter').value.trim() !== '') {
      selectType(first.value);
      first.checked = true;
      first.focus();
    }
  });
  $('type-list').addEventListener('change', (event) => {
    if (event.target.name === 'connector-type') selectType(event.target.value);
  });
  for (const [id, key] of [['name', 'name'], ['connector-id', 'id'], ['space-id', 'space']]) {
    $(id).addEventListener('input', () => {
      state.touched.add(key);
      if (key === 'name') state.form?.odd.delete('name');
      edited();
    });
  }
  $('generate-id').addEventListener('click', () => {
    $('connector-id').value = generateId();
    state.touched.add('id');
    flush();
  });
  $('reveal-secrets').addEventListener('change', renderPreviews);
  $('stored-details').addEventListener('toggle', renderStored);
  const copy = async (buttonId, text, preId, done = 'Copied') => {
    const button = $(buttonId);
    const label = button.textContent;
    try {
      await navigator.clipboard.writeText(text);
      button.textContent = done;
    } catch {
      const range = document.createRange();
      range.selectNodeContents($(preId));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      button.textContent = 'Selected: press Ctrl+C';
    }
    setTimeout(() => { button.textContent = label; }, 1500);
  };
  $('copy-body').addEventListener('click', () => {
    if (!state.body) return;
    const shown = previews();
    copy('copy-body', shown.bodyCopy, 'body-preview', shown.hasSecrets && !shown.reveal ? 'Copied, without the secrets' : 'Copied');
  });
  $('copy-curl').addEventListener('click', () => {
    if (!state.body) return;
    copy('copy-curl', previews().curl, 'curl-preview');
  });
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
  $('send').addEventListener('click', () => send());
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

// A reload (or leaving) right after typing keeps the draft.
addEventListener('pagehide', () => { if (state.timer) flush(); });

const serverConfig = fetch('/config.json', { cache: 'no-store' })
  .then((response) => (response.ok ? response.json() : null))
  .catch(() => null);

// The form is drawn from the schemas: both modules, fetched side by side.
await Promise.all([init(), initJsonSchema()]);
$('version').textContent = version();
// The releases the core answers for, and its default (the newest).
const releases = kibanaVersions();
const defaultVersion = releases.find((release) => release.isDefault)?.version ?? '';
$('kibana-version').placeholder = defaultVersion;
$('kibana-versions').replaceChildren(...releases.map((release) => h('option', {
  value: release.version,
  label: `${release.version}${release.isDefault ? ' (default)' : ''}: ${ENGINES[release.messageEngine] ?? release.messageEngine} messages`,
})));
$('version-help').textContent = `The release the body is checked against (its types, fields and answers): pick a release line from the list, or type a patch (9.3.2). Empty: ${defaultVersion}. When you send, the page asks Kibana for its version and offers it.`;
wire();
loadTypes();
restore();
flush();
document.documentElement.dataset.state = 'ready';
performance.mark('kc:interactive');

const config = await serverConfig;
if (config) state.server = { kibana: config.kibana ?? null, timeoutMs: Number(config.timeoutMs) || 35000 };
setupSending();
renderPreviews();
document.documentElement.dataset.sending = state.server.kibana ? 'on' : 'off';
