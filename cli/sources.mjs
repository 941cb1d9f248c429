// A file's text → the connectors in it ("units"), each with the value the core checks and a way
// to find the line and column of any field.
//
// Formats: create (or update) bodies as JSON, a JSON array, NDJSON or YAML (one document or
// several); Kibana saved-object exports (NDJSON of saved objects, `type: "action"`); kibana.yml
// (see kibana-yml.mjs). The extension picks the parser, the content picks the meaning.
import { basename, extname } from 'node:path';
import { LineCounter, isMap, isPair, isScalar, isSeq, parseAllDocuments } from 'yaml';
import { JsonSyntaxError, LineIndex, fieldName, locateTokens, pointerTokens, scanDocument, scanValue } from './json.mjs';
import { kibanaConfigUnits, looksLikeKibanaConfig } from './kibana-yml.mjs';
import { SourceError, aliasResolver, escapeToken, isPlainObject, keyString } from './util.mjs';

export { SourceError };

const JSON_EXTENSIONS = new Set(['.json']);
const NDJSON_EXTENSIONS = new Set(['.ndjson', '.jsonl']);
const YAML_EXTENSIONS = new Set(['.yaml', '.yml']);

/** The extensions a folder walk picks up. */
export const CHECKED_EXTENSIONS = new Set([...JSON_EXTENSIONS, ...NDJSON_EXTENSIONS, ...YAML_EXTENSIONS]);

/**
 * The units of one file: `{ format, units, fileIssues? }`. `name` is the file's path (or `-`); `env` the
 * environment kibana.yml's `${VAR}` references are resolved from. Throws SourceError.
 */
export function readUnits(name, text, { env = {} } = {}) {
  // A byte order mark is not part of the text (editors do not count it as a column).
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const ext = name === '-' ? '' : extname(name).toLowerCase();
  let parser;
  if (JSON_EXTENSIONS.has(ext)) parser = 'json';
  else if (NDJSON_EXTENSIONS.has(ext)) parser = 'ndjson';
  else if (YAML_EXTENSIONS.has(ext)) parser = 'yaml';
  else parser = /^\s*[[{]/.test(source) ? 'json' : 'yaml';

  if (parser === 'yaml') return yamlUnits(name, source, env);
  return jsonUnits(source, parser === 'ndjson');
}

// ---------------------------------------------------------------------------------------------
// JSON, JSON arrays, NDJSON

/** One JSON value, or NDJSON (one value a line), whichever the text is. */
function jsonValues(text, preferLines) {
  const asDocument = () => [scanDocument(text)];
  let linesRead = 0;
  const asLines = () => {
    const values = [];
    let lineStart = 0;
    while (lineStart <= text.length) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd === -1) lineEnd = text.length;
      if (text.slice(lineStart, lineEnd).trim() !== '') {
        const { node, end } = scanValue(text, lineStart);
        if (text.slice(end, lineEnd).trim() !== '') {
          throw new JsonSyntaxError(end + (text.slice(end, lineEnd).length - text.slice(end, lineEnd).trimStart().length), 'unexpected text after the JSON value on this line (NDJSON has one value a line)');
        }
        values.push(node);
        linesRead += 1;
      }
      lineStart = lineEnd + 1;
    }
    return values;
  };
  const [first, second] = preferLines ? [asLines, asDocument] : [asDocument, asLines];
  try {
    return first();
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    try {
      const values = second();
      // A single JSON value split over lines is not NDJSON: keep the first parser's error.
      if (preferLines || values.length > 1) return values;
    } catch (lineError) {
      // Complete values on the first lines, then an error: NDJSON, and this is its error.
      if (!preferLines && linesRead > 0 && lineError instanceof JsonSyntaxError) throw lineError;
    }
    throw error;
  }
}

function jsonUnits(text, preferLines) {
  if (text.trim() === '') throw new SourceError('invalid_json', 'the file is empty: a JSON value was expected', { line: 1, column: 1 });
  const lines = new LineIndex(text);
  let values;
  try {
    values = jsonValues(text, preferLines);
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw new SourceError('invalid_json', `not valid JSON: ${error.message}`, lines.position(error.offset));
    if (error instanceof RangeError) throw new SourceError('invalid_json', 'not readable: the JSON is nested too deeply', { line: 1, column: 1 });
    throw error;
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const units = [];
  let format = preferLines || values.length > 1 ? 'ndjson' : 'json';
  for (const value of values) {
    const nodes = value.type === 'array' ? value.items : [value];
    for (const node of nodes) {
      const unit = jsonUnit(text, node, lines, { eol, compact: values.length > 1 });
      if (unit === null) continue;
      if (unit.format === 'export') format = 'export';
      unit.index = units.length;
      units.push(unit);
    }
  }
  return { format, units };
}

/** A saved object of an export (`type` and `attributes`), rather than a request body. */
function isSavedObject(value) {
  return isPlainObject(value) && Object.hasOwn(value, 'attributes') && typeof value.type === 'string';
}

function jsonUnit(text, node, lines, { eol, compact }) {
  const slice = text.slice(node.start, node.end);
  const locateJson = (pointer) => lines.position(locateTokens(node, pointerTokens(pointer)).offset);
  if (node.type === 'object') {
    const value = JSON.parse(slice);
    // The last line of an export: `{ "exportedCount": …, "missingRefCount": … }`.
    if (Object.hasOwn(value, 'exportedCount') && !Object.hasOwn(value, 'connector_type_id')) return null;
    if (isSavedObject(value)) {
      if (value.type !== 'action') return null;
      return exportUnit(value, locateJson, lines.position(node.start));
    }
  }
  return {
    format: 'body',
    // The exact text, so that the core reads it as Kibana would (JSON.parse semantics).
    body: slice,
    options: {},
    start: lines.position(node.start),
    filePointer: (pointer) => pointer,
    locate: locateJson,
    fix: { kind: 'json', text, node, lines, eol, compact },
  };
}

// ---------------------------------------------------------------------------------------------
// Saved-object exports

/**
 * A connector of a saved-objects export. Exports strip secrets (`secrets: {}`, and
 * `isMissingSecrets` set when the type needs some: transform_connectors_for_export.ts), so the
 * secrets' problems are warnings that say what to set after import; the id is checked (an import
 * drops connectors whose id breaks Kibana's id rule: get_import_warnings.ts).
 */
function exportUnit(savedObject, locate, start) {
  const attributes = isPlainObject(savedObject.attributes) ? savedObject.attributes : {};
  const body = {};
  if (attributes.name !== undefined) body.name = attributes.name;
  if (attributes.actionTypeId !== undefined) body.connector_type_id = attributes.actionTypeId;
  if (attributes.config !== undefined) body.config = attributes.config;
  if (isPlainObject(attributes.secrets) && Object.keys(attributes.secrets).length > 0) body.secrets = attributes.secrets;
  const id = typeof savedObject.id === 'string' ? savedObject.id : undefined;
  // Kibana's own mark (set at export when the type needs secrets, or has `hasAuth: true`).
  const preIssues =
    attributes.isMissingSecrets === true
      ? [
          {
            severity: 'warning',
            code: 'secrets_absent',
            pointer: '/attributes/isMissingSecrets',
            message: 'Kibana marked this connector as missing its secrets (isMissingSecrets): set them after import, or it cannot run',
          },
        ]
      : [];
  return {
    format: 'export',
    id,
    body,
    options: id === undefined ? {} : { id },
    start,
    preIssues,
    filePointer: (pointer, code) => {
      if (code === 'invalid_id') return '/id';
      if (pointer === '') return '';
      const [first, ...rest] = pointerTokens(pointer);
      const field = first === 'connector_type_id' ? 'actionTypeId' : first;
      return ['', 'attributes', field, ...rest].map(escapeToken).join('/');
    },
    locate,
    adjust: (issue) => {
      if (issue.pointer === '/attributes/secrets' || issue.pointer.startsWith('/attributes/secrets/')) {
        return {
          ...issue,
          severity: 'warning',
          code: 'secrets_absent',
          message: `${fieldName(issue.pointer.slice('/attributes'.length))}: ${issue.message} (exports leave secrets out: set it after import)`,
          params: { ...(issue.params ?? {}), issueCode: issue.code },
        };
      }
      return issue;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// YAML

// Unique keys are checked here (duplicateKey), not by yaml, whose check is quadratic in the
// number of keys of a mapping (a kibana.yml with thousands of preconfigured connectors).
const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: false };

function parseYaml(text, merge) {
  const lineCounter = new LineCounter();
  const position = (offset) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const docs = parseAllDocuments(text, { ...YAML_OPTIONS, merge, lineCounter });
  for (const doc of docs) {
    const error = doc.errors[0];
    if (error) throw new SourceError('invalid_yaml', `not valid YAML: ${firstLine(error.message)}`, position(error.pos[0]));
    const duplicate = duplicateKey(doc);
    if (duplicate !== undefined) throw new SourceError('invalid_yaml', 'not valid YAML: Map keys must be unique', position(duplicate));
  }
  return { docs, position };
}

function yamlUnits(name, text, env) {
  // First as Kibana parses kibana.yml (yaml's defaults: no merge keys).
  let { docs, position } = parseYaml(text, false);
  if (looksLikeKibanaConfig(basename(name), docs)) {
    const { units, fileIssues } = kibanaConfigUnits(text, docs[0], position, env);
    return { format: 'kibana.yml', units, fileIssues };
  }
  // Bodies may use `<<` merge keys.
  if (text.includes('<<')) ({ docs, position } = parseYaml(text, true));
  const units = [];
  docs.forEach((doc, docIndex) => {
    if (doc.contents === null) return;
    const value = doc.toJS({ maxAliasCount: 100 });
    const root = doc.contents;
    const items = isSeq(root) ? root.items.map((node, i) => ({ node, value: value[i], path: [i] })) : [{ node: root, value, path: [] }];
    const resolve = aliasResolver(doc);
    for (const { node, value: body, path } of items) {
      const locate = (pointer) => position(locateYaml(resolve, node, pointerTokens(pointer)));
      units.push({
        format: 'body',
        index: units.length,
        body: body === undefined ? null : body,
        options: {},
        start: position(node?.range?.[0] ?? 0),
        filePointer: (pointer) => pointer,
        locate,
        fix: { kind: 'yaml', docs, docIndex, path },
      });
    }
  });
  return { format: 'yaml', units };
}

/**
 * The offset of the first key that repeats an earlier key of its mapping (scalars of the same
 * type and value, as yaml's `uniqueKeys` compares them), or undefined.
 */
function duplicateKey(doc) {
  let found;
  const check = (node) => {
    if (found !== undefined || !node || typeof node !== 'object') return;
    if (isMap(node)) {
      const seen = new Set();
      for (const pair of node.items) {
        const { key } = pair;
        if (isScalar(key) && typeof key.value !== 'symbol') {
          const id = `${typeof key.value}\u0000${String(key.value)}`;
          if (seen.has(id)) {
            found = key.range?.[0] ?? 0;
            return;
          }
          seen.add(id);
        }
        check(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) check(item);
    }
  };
  check(doc.contents);
  return found;
}

/** The first line of a message (yaml's messages are one line with `prettyErrors: false`). */
function firstLine(message) {
  return String(message).split('\n')[0];
}

/** The offset of the node a pointer leads to in a YAML document, as far as it goes. */
export function locateYaml(resolve, root, tokens) {
  let node = root;
  let offset = root?.range?.[0] ?? 0;
  for (const token of tokens) {
    const resolved = resolve(node);
    if (isMap(resolved)) {
      const pair = findPair(resolve, resolved, token);
      if (!pair) break;
      offset = (isScalar(pair.key) ? pair.key.range?.[0] : undefined) ?? pair.value?.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(resolved) && /^(0|[1-9][0-9]*)$/.test(token) && Number(token) < resolved.items.length) {
      node = resolved.items[Number(token)];
      offset = node?.range?.[0] ?? offset;
    } else {
      break;
    }
  }
  return offset;
}

/** A mapping's pair for a key, own pairs first, then those a `<<` merge key brings. */
function findPair(resolve, map, key, depth = 0) {
  let found;
  for (const pair of map.items) if (isPair(pair) && keyString(pair.key) === key && !isMergeKey(pair)) found = pair;
  if (found || depth > 10) return found;
  for (const pair of map.items) {
    if (!isMergeKey(pair)) continue;
    const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
    for (const source of sources) {
      const resolved = resolve(source);
      if (isMap(resolved)) {
        const merged = findPair(resolve, resolved, key, depth + 1);
        if (merged) return merged;
      }
    }
  }
  return undefined;
}

/** With `merge: true`, yaml reads a `<<` key as a merge key whose value is a symbol. */
function isMergeKey(pair) {
  return isScalar(pair.key) && typeof pair.key.value === 'symbol';
}

