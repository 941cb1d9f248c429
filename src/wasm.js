// The JavaScript half of the wasm facade (src/wasm/mod.rs), shipped as kibana_connectors.js.
//
// Every JavaScript value becomes text here, inside `try`, before it reaches the module: the body
// through `JSON.stringify` (exactly what `fetch` would send), the options as plain data. So a
// throwing getter, a Proxy, a revoked Proxy, a cycle or a BigInt is an ordinary report, no
// JavaScript exception ever unwinds through the module, and the module keeps no JavaScript
// object between calls: it cannot be worn out however often it is called.
import init, {
  initSync,
  validateText,
  normalizeText,
  unreadableBody,
  connectorTypesText,
  compareVersionsText,
  licensesText,
  kibanaVersionsText,
  version,
} from './kibana_connectors_bindings.js';

export { init as default, initSync, version };

/**
 * The bindings of the schema module (kibana_connectors_schemas_bg.wasm) once it is ready for
 * `jsonSchema`. They are imported when it is loaded, not with this file, so a page that only
 * validates loads neither them nor the module.
 */
let schemaBindings = null;

/**
 * Loads the module `jsonSchema` runs in: by default `kibana_connectors_schemas_bg.wasm` next to
 * this file, or what `init` takes (`{ module_or_path }`: a URL, a `Response`, bytes or a
 * `WebAssembly.Module`). The validating module does not need it, so a page that only validates
 * never downloads it. In Node the package loads it itself on the first `jsonSchema` call.
 */
export async function initJsonSchema(input) {
  const bindings = await import('./kibana_connectors_schemas_bindings.js');
  await bindings.default(input);
  schemaBindings = bindings;
}

/**
 * The Node entry's synchronous `initJsonSchema`: the schema module at hand (`{ module }`) and its
 * bindings, which the entry imports itself (`kibana_connectors_schemas_bindings.js`). Not declared
 * for users: a browser has no way to these bindings but `initJsonSchema()`.
 */
export function initJsonSchemaFrom(bindings, input) {
  bindings.initSync(input);
  schemaBindings = bindings;
}

/** How the module is told that reading a value threw. */
const UNREADABLE = '{"$typeof":"unreadable"}';

/** An option's value as plain data: primitives as they are, anything else as its kind. */
function plainValue(value) {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'undefined':
      return undefined;
    case 'object':
      return value === null ? null : { $typeof: 'object' };
    default:
      // numbers (options take none), functions, symbols, BigInts
      return { $typeof: typeof value };
  }
}

/** The options as JSON text of plain data; what could not be read is marked, never thrown. */
function optionsText(options) {
  if (options === undefined || options === null) return 'null';
  try {
    if (typeof options !== 'object') return JSON.stringify({ $typeof: typeof options });
    if (Array.isArray(options)) return '[]';
    const plain = Object.create(null);
    for (const key of Object.keys(options)) {
      let value;
      try {
        value = plainValue(options[key]);
      } catch {
        value = { $typeof: 'unreadable' };
      }
      if (value !== undefined) plain[key] = value;
    }
    return JSON.stringify(plain);
  } catch {
    return UNREADABLE;
  }
}

/** Why `JSON.stringify` refused a body, in words that never quote the body's values. */
function refusal(error) {
  try {
    if (error instanceof RangeError) return { kind: 'too_deep', reason: 'the value is nested too deeply' };
    // The engine's own messages (a cycle, a BigInt) name keys and constructors, not values.
    const message = error instanceof TypeError ? String(error.message) : '';
    if (/circular|BigInt/i.test(message)) return { kind: 'refused', reason: message };
  } catch {
    // A thrown Proxy or a getter on the error itself: say nothing more.
  }
  return { kind: 'refused', reason: 'a getter, a Proxy trap or a toJSON method threw (its message is not shown)' };
}

/** The body as the JSON text Kibana would receive, or why there is none. */
function bodyText(body) {
  if (typeof body === 'string') return { text: body };
  try {
    const text = JSON.stringify(body);
    return text === undefined ? { kind: 'none', reason: '' } : { text };
  } catch (error) {
    return refusal(error);
  }
}

/**
 * Checks a create-connector (or, with `{ mode: 'update' }`, update) request body:
 * `{ valid, errors, warnings, kibanaError }`. Never throws for any body or options.
 */
export function validate(body, options) {
  const plainOptions = optionsText(options);
  const read = bodyText(body);
  return JSON.parse(
    read.text === undefined
      ? unreadableBody(read.kind, read.reason, plainOptions)
      : validateText(read.text, plainOptions),
  );
}

/** The body as Kibana would store it: `{ ok: true, body }` or `{ ok: false, errors }`. */
export function normalize(body, options) {
  const plainOptions = optionsText(options);
  const read = bodyText(body);
  if (read.text === undefined) {
    const report = JSON.parse(unreadableBody(read.kind, read.reason, plainOptions));
    return { ok: false, errors: report.errors };
  }
  return JSON.parse(normalizeText(read.text, plainOptions));
}

/** The answers of the exports that take options beside a body, by their options' text (a few
 *  releases at most: only successful answers are kept). */
const connectorTypesCache = new Map();

/** The value of an `{ value } | { typeError }` answer, or the `TypeError` it names. */
function valueOf(text) {
  const answer = JSON.parse(text);
  if (answer.typeError !== undefined) throw new TypeError(answer.typeError);
  return answer.value;
}

/**
 * The connector types a Kibana release registers (`{ kibanaVersion }`, the newest release by
 * default), each with its license, feature ids, category, first release and deprecation.
 */
export function connectorTypes(options) {
  const plainOptions = optionsText(options);
  if (plainOptions === UNREADABLE) throw new TypeError('connectorTypes: the options cannot be read');
  let text = connectorTypesCache.get(plainOptions);
  if (text === undefined) {
    text = JSON.stringify(valueOf(connectorTypesText(plainOptions)));
    connectorTypesCache.set(plainOptions, text);
  }
  return JSON.parse(text);
}

/**
 * Every Kibana release line this package answers for, oldest first, each with its messages'
 * engine, whether it is the default, and why its facts are not all exact (when they are not).
 */
export function kibanaVersions() {
  return JSON.parse(kibanaVersionsText());
}

/** Kibana's license levels, lowest first (the order in which a license check compares them). */
export function licenses() {
  return JSON.parse(licensesText());
}

/**
 * An upgrade check: the body as each release in `versions` answers it (`reports`, in order), and
 * what changes from each to the next (`changes`). A `TypeError` for a list that is not 1 to 12
 * supported versions; any body or options give reports.
 */
export function compareVersions(body, versions, options) {
  let versionsText;
  try {
    versionsText = Array.isArray(versions) ? JSON.stringify(versions.map((v) => (typeof v === 'string' ? v : null))) : 'null';
  } catch {
    versionsText = 'null';
  }
  const plainOptions = optionsText(options);
  const read = bodyText(body);
  if (read.text === undefined) {
    const answer = valueOf(compareVersionsText('', versionsText, plainOptions));
    const report = JSON.parse(unreadableBody(read.kind, read.reason, plainOptions));
    return { reports: answer.reports.map(() => structuredClone(report)), changes: [] };
  }
  return valueOf(compareVersionsText(read.text, versionsText, plainOptions));
}

/** Each schema built once, by (type, options); every call gets its own copy. Only schemas that
 *  exist are kept, so the cache holds at most one entry per type, dialect and contract. */
const schemaCache = new Map();

/**
 * `jsonSchema(connectorTypeId?, { dialect?, contract? }?)`: the bundle (no type, or `null`), one
 * type's schema, or `null` for a type without one; a `TypeError` for options it does not know.
 */
export function jsonSchema(connectorTypeId, options) {
  if (schemaBindings === null) {
    throw new Error('jsonSchema: the schema module is not loaded: call `await initJsonSchema()` once first (the Node entry loads it itself)');
  }
  const plainOptions = optionsText(options);
  if (plainOptions === UNREADABLE) {
    throw new TypeError('jsonSchema: the options cannot be read (a getter, a Proxy trap or a revoked Proxy threw)');
  }
  const id =
    connectorTypeId === undefined || connectorTypeId === null
      ? 'null'
      : typeof connectorTypeId === 'string'
        ? JSON.stringify(connectorTypeId)
        : 'false';
  const key = `${id}\u0000${plainOptions}`;
  let text = schemaCache.get(key);
  if (text === undefined) {
    const answer = JSON.parse(schemaBindings.jsonSchemaText(id, plainOptions));
    if (answer.typeError !== undefined) throw new TypeError(answer.typeError);
    if (answer.schema === null) return null;
    text = JSON.stringify(answer.schema);
    schemaCache.set(key, text);
  }
  return JSON.parse(text);
}
