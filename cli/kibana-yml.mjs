// kibana.yml: the connectors of `xpack.actions.preconfigured`, read as Kibana reads its
// configuration and checked as Kibana checks them at start, then as connectors.
//
// What Kibana does at start (main branch; file names under elastic/kibana):
// - kbn-config `raw/read_config.ts` parses the file with the `yaml` package (`parse`, default
//   options: one document, unique keys, no merge keys), splits every key on dots at every level
//   (`a.b: 1` is `a: {b: 1}`; `[a.b]` keeps the dots), replaces `${VAR}` and `${VAR:default}` in
//   string values from the environment (an unknown variable stops Kibana), refuses paths with
//   `__proto__` or `constructor.prototype`, and sets each entry with lodash `set` (a key made of
//   digits under a missing parent creates an array).
// - actions `server/config.ts`: `preconfigured` is a record of
//   `{ name: string (min 1), actionTypeId: string (min 1), config: record (default {}),
//   secrets: record (default {}), exposeConfig?: boolean }` (no other keys), whose ids may not
//   be '', '__proto__' or 'constructor'. A failure stops Kibana
//   (`[config validation of [xpack.actions].preconfigured.<id>.<key>]: …`).
// - actions `server/plugin.ts`: the id `preconfigured-alert-history-es-index` is reserved (a
//   warning, the entry is ignored); a system action type stops Kibana at start.
// - Nothing else: the connector type (registered or not, elastic/kibana#160764), its config and
//   its secrets are checked only when the connector runs (`lib/action_executor.ts` validates
//   config, secrets and the connector before each execution).
import { isMap, isScalar, isSeq } from 'yaml';
import { aliasResolver, escapeToken, isPlainObject, keyString } from './util.mjs';
import { fieldName, pointerTokens } from './json.mjs';

/** The id Kibana keeps for its own alert-history connector (actions `common/`). */
export const ALERT_HISTORY_ES_INDEX_CONNECTOR_ID = 'preconfigured-alert-history-es-index';

const INVALID_IDS = new Set(['', '__proto__', 'constructor']);
const FORBIDDEN_PATTERNS = ['__proto__', 'constructor.prototype'];
const ENTRY_KEYS = ['name', 'actionTypeId', 'config', 'secrets', 'exposeConfig'];
const NAMESPACE = 'config validation of [xpack.actions]';

/**
 * A YAML file is a Kibana configuration when it is one document, a mapping without
 * `connector_type_id`, and it is named kibana.yml (or .yaml) or has an `xpack` key (`xpack:` or
 * `xpack.…`).
 */
export function looksLikeKibanaConfig(base, docs) {
  if (docs.length !== 1) return false;
  const root = docs[0].contents;
  if (!isMap(root)) return false;
  const keys = root.items.map((pair) => keyString(pair.key));
  if (keys.includes('connector_type_id')) return false;
  return /^kibana\.ya?ml$/i.test(base) || keys.some((key) => key === 'xpack' || key.startsWith('xpack.'));
}

/** `a.b` → ['a', 'b']; `[a.b]` → ['a.b'] (kbn-config `splitKey`). */
export function splitKey(key) {
  if (key.startsWith('[') && key.endsWith(']')) return [key.slice(1, -1)];
  return key.split('.');
}

/** Object.entries order: array-index keys ascending first, then the others as inserted. */
function jsOrder(pairs) {
  const byKey = new Map();
  for (const pair of pairs) byKey.set(keyString(pair.key), pair);
  const isIndex = (key) => /^(0|[1-9][0-9]*)$/.test(key) && Number(key) < 2 ** 32 - 1;
  const keys = [...byKey.keys()];
  const ordered = [...keys.filter(isIndex).sort((a, b) => Number(a) - Number(b)), ...keys.filter((key) => !isIndex(key))];
  return ordered.map((key) => [key, byKey.get(key)]);
}

/** Where each segment of a split key starts in the file (all at the key's start when unsure). */
function segmentOffsets(text, keyNode, raw, segments) {
  const start = keyNode?.range?.[0];
  if (start === undefined) return segments.map(() => 0);
  let base = start;
  const source = text.slice(start, keyNode.range[1]);
  if (isScalar(keyNode) && (keyNode.type === 'QUOTE_DOUBLE' || keyNode.type === 'QUOTE_SINGLE')) {
    if (source.slice(1, -1) !== raw) return segments.map(() => start);
    base += 1;
  } else if (source !== raw) {
    return segments.map(() => start);
  }
  if (segments.length === 1 && raw.startsWith('[')) return [base + 1];
  const offsets = [];
  let at = base;
  for (const segment of segments) {
    offsets.push(at);
    at += segment.length + 1;
  }
  return offsets;
}

/** lodash `set`: a missing (or primitive) parent becomes an array when the next key is an index. */
function lodashSet(root, path, value) {
  let current = root;
  for (let i = 0; i < path.length; i += 1) {
    const key = path[i];
    if (i === path.length - 1) {
      current[key] = value;
      return;
    }
    // Own properties only: `constructor` is an id like any other here (Kibana refuses it later).
    let next = Object.hasOwn(current, key) ? current[key] : undefined;
    if (next === null || (typeof next !== 'object' && typeof next !== 'function')) {
      next = /^(0|[1-9][0-9]*)$/.test(path[i + 1]) ? [] : {};
      current[key] = next;
    }
    current = next;
  }
}

const ENV_REFERENCE = /\$\{(\w+)(:(\w+))?\}/g;

/**
 * kbn-config `replaceEnvVarRefs`: `${VAR}` from the environment, else `${VAR:default}`'s
 * default. Here an unknown variable is not fatal: the reference stays, and is reported.
 */
function replaceEnvVarRefs(value, env) {
  let unresolved = false;
  const replaced = value.replace(ENV_REFERENCE, (match, name, _group, fallback) => {
    if (env[name] !== undefined) return env[name];
    if (fallback !== undefined) return fallback;
    unresolved = true;
    return match;
  });
  return { value: replaced, unresolved };
}

/** type-detect's name, as config-schema prints it. */
function typeName(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'Array';
  if (typeof value === 'object') return 'Object';
  return typeof value;
}

/** The whole file as Kibana's configuration: `{ root, positions, unresolved, forbidden }`. */
function readConfig(text, doc, env) {
  const positions = new Map();
  const record = (path, offset, overwrite) => {
    const key = JSON.stringify(path);
    if (overwrite || !positions.has(key)) positions.set(key, offset);
  };
  const resolve = aliasResolver(doc);

  // Positions inside a leaf value (arrays, and what is in them), keys split the same way.
  const recordInside = (node, path) => {
    const n = resolve(node);
    if (isMap(n)) {
      for (const [raw, pair] of jsOrder(n.items)) {
        const segments = splitKey(raw);
        const offsets = segmentOffsets(text, pair.key, raw, segments);
        segments.forEach((_, j) => record([...path, ...segments.slice(0, j + 1)], offsets[j], true));
        recordInside(pair.value, [...path, ...segments]);
      }
    } else if (isSeq(n)) {
      n.items.forEach((item, i) => {
        if (item?.range) record([...path, String(i)], item.range[0], true);
        recordInside(item, [...path, String(i)]);
      });
    }
  };

  const entries = [];
  const visit = (node, path) => {
    const n = resolve(node);
    if (isMap(n) && n.items.length > 0) {
      for (const [raw, pair] of jsOrder(n.items)) {
        const segments = splitKey(raw);
        const offsets = segmentOffsets(text, pair.key, raw, segments);
        segments.forEach((_, j) => record([...path, ...segments.slice(0, j + 1)], offsets[j], j === segments.length - 1));
        visit(pair.value, [...path, ...segments]);
      }
    } else if (path.length > 0) {
      entries.push({ path, node: n });
      recordInside(n, path);
    }
  };
  visit(doc.contents, []);

  const unresolved = [];
  // kbn-config `processEntryValue`: keys inside leaf values split too, strings get variables.
  const process = (value, path) => {
    if (typeof value === 'string') {
      const replaced = replaceEnvVarRefs(value, env);
      if (replaced.unresolved) unresolved.push(path);
      return replaced.value;
    }
    if (Array.isArray(value) || isPlainObject(value)) {
      for (const [key, sub] of Object.entries(value)) {
        const segments = Array.isArray(value) ? [key] : splitKey(key);
        if (segments.length > 1) delete value[key];
        lodashSet(value, segments, process(sub, [...path, ...segments]));
      }
    }
    return value;
  };

  const forbidden = [];
  const root = {};
  for (const entry of entries) {
    const flat = entry.path.join('.');
    if (FORBIDDEN_PATTERNS.some((pattern) => flat.includes(pattern))) {
      forbidden.push(entry.path);
      continue;
    }
    const value = entry.node === null || entry.node === undefined ? null : entry.node.toJS(doc, { maxAliasCount: 100 });
    lodashSet(root, entry.path, process(value, entry.path));
  }
  return { root, positions, unresolved, forbidden };
}

/** How many segments of a path it takes to make it forbidden. */
function forbiddenLength(path) {
  for (let length = 1; length <= path.length; length += 1) {
    const flat = path.slice(0, length).join('.');
    if (FORBIDDEN_PATTERNS.some((pattern) => flat.includes(pattern))) return length;
  }
  return path.length;
}

/** The longest recorded prefix of a path: its offset. */
function offsetOf(positions, path) {
  for (let length = path.length; length > 0; length -= 1) {
    const offset = positions.get(JSON.stringify(path.slice(0, length)));
    if (offset !== undefined) return offset;
  }
  return 0;
}

const PRECONFIGURED = ['xpack', 'actions', 'preconfigured'];

/**
 * The connectors of a kibana.yml: `{ units, fileIssues }`, one unit per entry of
 * `xpack.actions.preconfigured`, and the file's own problems. `doc` is the file parsed as Kibana
 * parses it (one document, yaml's defaults), `position` turns offsets into lines and columns.
 */
export function kibanaConfigUnits(text, doc, position, env) {
  const { root, positions, unresolved, forbidden } = readConfig(text, doc, env);
  const fileIssues = forbidden.map((path) => ({
    severity: 'error',
    code: 'invalid_key',
    pointer: '',
    message: `Kibana refuses to start: Forbidden path detected: ${path.join('.')}`,
    // At the segment where the path turns forbidden.
    position: position(offsetOf(positions, path.slice(0, forbiddenLength(path)))),
  }));

  const units = [];
  const actions = isPlainObject(root.xpack) ? root.xpack.actions : undefined;
  const preconfigured = isPlainObject(actions) ? actions.preconfigured : undefined;
  if (preconfigured !== undefined && (!isPlainObject(preconfigured) || Array.isArray(preconfigured))) {
    fileIssues.push({
      severity: 'error',
      code: 'invalid_type',
      pointer: '',
      message: `Kibana refuses to start: [${NAMESPACE}.preconfigured]: expected value of type [object] but got [${typeName(preconfigured)}]`,
      position: position(offsetOf(positions, PRECONFIGURED)),
    });
  } else if (preconfigured !== undefined) {
    for (const id of Object.keys(preconfigured)) {
      units.push(entryUnit(id, preconfigured[id], { positions, position, unresolved }));
    }
  }
  units.forEach((unit, index) => {
    unit.index = index;
  });
  return { units, fileIssues };
}

/** One preconfigured connector: Kibana's start-up checks, then the body the core checks. */
function entryUnit(id, entry, { positions, position, unresolved }) {
  const base = [...PRECONFIGURED, id];
  const locate = (pointer) => position(offsetOf(positions, [...base, ...pointerTokens(pointer)]));
  const prefix = `[${NAMESPACE}.preconfigured.${id}`;
  const preIssues = [];
  // Kibana stops at start for these (`startup: true`): the first one is what it prints.
  const startIssue = (code, pointer, key, message, params) =>
    preIssues.push({ severity: 'error', code, pointer, message: `${prefix}${key ? `.${key}` : ''}]: ${message}`, params, startup: true });

  if (INVALID_IDS.has(id)) {
    preIssues.push({
      severity: 'error',
      code: 'invalid_id',
      pointer: '',
      message: `[${NAMESPACE}.preconfigured]: invalid preconfigured action id "${id}"`,
      params: { parameter: 'id' },
      startup: true,
    });
  }
  if (id === ALERT_HISTORY_ES_INDEX_CONNECTOR_ID) {
    preIssues.push({
      severity: 'warning',
      code: 'reserved_id',
      pointer: '',
      message: `Kibana ignores this connector: the id "${id}" is reserved for Kibana's own alert-history connector (it logs a warning at start)`,
      params: { parameter: 'id' },
    });
  }

  let body = null;
  if (!isPlainObject(entry)) {
    startIssue('invalid_type', '', '', `expected a plain object value, but found [${typeName(entry)}] instead.`);
  } else {
    const stringField = (key) => {
      const value = entry[key];
      if (value === undefined) startIssue('required', `/${key}`, key, 'expected value of type [string] but got [undefined]');
      else if (typeof value !== 'string') startIssue('invalid_type', `/${key}`, key, `expected value of type [string] but got [${typeName(value)}]`);
      else if (value.length === 0) startIssue('too_small', `/${key}`, key, 'value has length [0] but it must have a minimum length of [1].', { minLength: 1 });
    };
    stringField('name');
    stringField('actionTypeId');
    const record = (key) => {
      let value = entry[key];
      // config-schema reads a record given as JSON text.
      if (typeof value === 'string') {
        try {
          const parsed = JSON.parse(value);
          if (isPlainObject(parsed)) value = parsed;
        } catch {
          // not JSON: refused below
        }
      }
      if (value === undefined) return {};
      if (!isPlainObject(value)) {
        startIssue('invalid_type', `/${key}`, key, `expected value of type [object] but got [${typeName(value)}]`);
        return undefined;
      }
      return value;
    };
    const config = record('config');
    const secrets = record('secrets');
    const expose = entry.exposeConfig;
    if (expose !== undefined && typeof expose !== 'boolean' && !(typeof expose === 'string' && /^(true|false)$/i.test(expose))) {
      startIssue('invalid_type', '/exposeConfig', 'exposeConfig', `expected value of type [boolean] but got [${typeName(expose)}]`);
    }
    for (const key of Object.keys(entry)) {
      if (!ENTRY_KEYS.includes(key)) startIssue('unknown_key', `/${escapeToken(key)}`, key, 'definition for this key is missing');
    }
    body = {};
    if (typeof entry.name === 'string') body.name = entry.name;
    if (typeof entry.actionTypeId === 'string') body.connector_type_id = entry.actionTypeId;
    body.config = config ?? entry.config;
    body.secrets = secrets ?? entry.secrets;
  }

  const givenSecrets = isPlainObject(entry) && isPlainObject(entry.secrets) && Object.keys(entry.secrets).length > 0;
  const structural = preIssues.filter((issue) => issue.startup && issue.pointer !== '').map((issue) => issue.pointer);
  const idProblem = preIssues.some((issue) => issue.code === 'invalid_id');
  const variables = unresolved
    .filter((path) => path.length > base.length && base.every((segment, i) => path[i] === segment))
    .map((path) => `/${path.slice(base.length).map(escapeToken).join('/')}`);
  for (const pointer of variables) {
    preIssues.push({
      severity: 'warning',
      code: 'unresolved_variable',
      pointer,
      message:
        'This value names an environment variable (${…}) that is not set here: Kibana refuses to start unless it is set in its own environment; set it here to check the value',
    });
  }
  const under = (pointer, parent) => pointer === parent || pointer.startsWith(`${parent}/`);

  return {
    format: 'kibana.yml',
    id,
    body,
    options: { id },
    start: locate(''),
    preIssues,
    filePointer: (pointer) => {
      if (pointer === '') return '';
      const [first, ...rest] = pointerTokens(pointer);
      const field = first === 'connector_type_id' ? 'actionTypeId' : first;
      return ['', field, ...rest].map(escapeToken).join('/');
    },
    locate,
    // The core's issues, as they apply to a preconfigured connector.
    adjust: (issue) => {
      if (structural.some((pointer) => under(issue.pointer, pointer))) return null;
      if (variables.includes(issue.pointer)) return null;
      if (issue.code === 'invalid_id') {
        if (idProblem) return null;
        return {
          ...issue,
          severity: 'warning',
          message: `${issue.message} (the create API's id rule: Kibana does not apply it to preconfigured connectors)`,
        };
      }
      // Kibana's keystore may hold what the file leaves out (part or all of the secrets).
      const secretsMissing =
        (issue.code === 'required' && under(issue.pointer, '/secrets')) ||
        (issue.pointer === '/secrets' && (issue.code === 'invalid_combination' || !givenSecrets));
      if (secretsMissing) {
        return {
          ...issue,
          severity: 'warning',
          code: 'secrets_absent',
          message: `${fieldName(issue.pointer)}: ${issue.message} (not in this file: Kibana must read it from its keystore, xpack.actions.preconfigured.${id}.${fieldName(issue.pointer)}, or the connector fails when it runs)`,
          params: { ...(issue.params ?? {}), issueCode: issue.code },
        };
      }
      return issue;
    },
  };
}
