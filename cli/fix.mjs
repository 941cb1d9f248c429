// `--fix`: the normalized body written back into the file, keeping what the format allows of its
// formatting.
//
// - JSON: each body's text is replaced in place; the rest of the file is untouched. The body is
//   written with the file's indentation (tabs or n spaces) at the body's own indentation, or on
//   one line where it was on one line (NDJSON, compact JSON), with the file's line ends.
// - YAML: the document is edited node by node, so comments, quoting and styles of the values that
//   do not change stay; added keys go at the end of their mapping.
// - Keys keep the file's order; keys normalize adds come after them.
// kibana.yml and exports are never written (Kibana fills their defaults itself; an export is
// Kibana's own output).
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import { isPlainObject, keyString } from './util.mjs';

/** `normalized` with the keys of `original` first, in their order (recursively). */
export function orderLike(original, normalized) {
  if (Array.isArray(normalized)) {
    return normalized.map((item, i) => (Array.isArray(original) ? orderLike(original[i], item) : item));
  }
  if (!isPlainObject(normalized)) return normalized;
  const ordered = {};
  const source = isPlainObject(original) ? original : {};
  for (const key of Object.keys(source)) if (Object.hasOwn(normalized, key)) ordered[key] = orderLike(source[key], normalized[key]);
  for (const key of Object.keys(normalized)) if (!Object.hasOwn(ordered, key)) ordered[key] = normalized[key];
  return ordered;
}

/** The indentation unit of a JSON text: a tab, n spaces, or null (one line). */
function indentUnit(text, node) {
  const inside = text.slice(node.start, node.end);
  const match = /\n([ \t]+)\S/.exec(inside);
  if (!match) return null;
  const lineStart = text.lastIndexOf('\n', node.start - 1) + 1;
  const own = /^[ \t]*/.exec(text.slice(lineStart, node.start))[0];
  const deeper = match[1].startsWith(own) ? match[1].slice(own.length) : match[1];
  return deeper.length > 0 ? deeper : '  ';
}

/** The JSON text of `value` to put where `node` was. */
function jsonReplacement(text, node, value, eol) {
  const unit = indentUnit(text, node);
  if (unit === null) return JSON.stringify(value);
  const lineStart = text.lastIndexOf('\n', node.start - 1) + 1;
  const own = /^[ \t]*/.exec(text.slice(lineStart, node.start))[0];
  return JSON.stringify(value, null, unit).split('\n').join(`${eol}${own}`);
}

/** Applies JSON edits `[{ node, value }]` to a text. */
export function fixJson(text, edits, eol) {
  let out = text;
  for (const { node, value } of [...edits].sort((a, b) => b.node.start - a.node.start)) {
    out = `${out.slice(0, node.start)}${jsonReplacement(text, node, value, eol)}${out.slice(node.end)}`;
  }
  return out;
}

/** Makes a YAML node hold `value`, editing in place what can be kept. */
function setYaml(doc, node, value) {
  if (isAlias(node)) return doc.createNode(value);
  if (isMap(node) && isPlainObject(value)) {
    for (const pair of [...node.items]) {
      const key = keyString(pair.key);
      if (!Object.hasOwn(value, key)) node.items.splice(node.items.indexOf(pair), 1);
    }
    for (const [key, sub] of Object.entries(value)) {
      const pair = node.items.find((item) => keyString(item.key) === key);
      if (pair) pair.value = setYaml(doc, pair.value, sub);
      else node.items.push(doc.createPair(key, sub));
    }
    return node;
  }
  if (isSeq(node) && Array.isArray(value) && node.items.length === value.length) {
    node.items = node.items.map((item, i) => setYaml(doc, item, value[i]));
    return node;
  }
  if (isScalar(node) && (value === null || typeof value !== 'object') && node.value === value) return node;
  if (isScalar(node) && node.value === null && value === null) return node;
  return doc.createNode(value);
}

/** Applies YAML edits `[{ docIndex, path, value }]` to parsed documents; returns the text. */
export function fixYaml(docs, edits) {
  for (const { docIndex, path, value } of edits) {
    const doc = docs[docIndex];
    if (path.length === 0) doc.contents = setYaml(doc, doc.contents, value);
    else doc.contents.items[path[0]] = setYaml(doc, doc.contents.items[path[0]], value);
  }
  return docs.map((doc) => doc.toString()).join('');
}
