// Small helpers shared by the readers.
import { isAlias, isScalar, visit } from 'yaml';

/** A file that could not be read as its format: reported with a position, exit code 2. */
export class SourceError extends Error {
  constructor(code, message, position) {
    super(message);
    this.code = code;
    this.position = position;
  }
}

export function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One RFC 6901 reference token. */
export function escapeToken(token) {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The text of a YAML mapping key as the JavaScript object key it becomes (yaml's toJS). */
export function keyString(key) {
  if (isScalar(key)) return key.value === null || key.value === undefined ? '' : String(key.value);
  if (key === null || key === undefined) return '';
  // A collection as a key: yaml's toJS uses its flow form (`[ a ]`) as the object key.
  return String(key);
}

/**
 * Resolves YAML aliases through one index of the document's anchors (yaml's `Alias.resolve`
 * walks the whole document for each alias: quadratic on files with many aliases). An alias names
 * the latest anchor of that name before it.
 */
export function aliasResolver(doc) {
  let anchors = null;
  return (node) => {
    if (!isAlias(node)) return node;
    if (anchors === null) {
      anchors = new Map();
      visit(doc, (_key, candidate) => {
        if (candidate && typeof candidate === 'object' && candidate.anchor && candidate.range) {
          if (!anchors.has(candidate.anchor)) anchors.set(candidate.anchor, []);
          anchors.get(candidate.anchor).push(candidate);
        }
      });
    }
    const at = node.range?.[0] ?? Infinity;
    let found;
    for (const candidate of anchors.get(node.source) ?? []) if (candidate.range[0] < at) found = candidate;
    return found;
  };
}
