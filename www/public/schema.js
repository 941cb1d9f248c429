// Reads a connector type's JSON Schema (2020-12) into form field specs. Pure: no DOM, so the
// page's tests run it in Node too.
//
// A spec describes one input: its RFC 6901 pointer in the request body, its label and help text,
// the kind of input (`text`, `multiline`, `number`, `boolean`, `enum`, `map`, `list`, `object`,
// `json`), whether it is required, nullable or secret, and its default. Everything the schema
// cannot say (which fields apply in which mode) comes from the declared table in modes.js; what
// the schema does say (`if`/`then`/`else`, `oneOf`/`anyOf` variants) is read here.

/** A JSON pointer from its parts, escaped as RFC 6901 says. */
export function pointer(...parts) {
  return parts.map((part) => `/${String(part).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** The parts of a JSON pointer. */
export function parsePointer(text) {
  if (text === '') return [];
  return text.slice(1).split('/').map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** The value at a pointer, or undefined. */
export function getAt(value, text) {
  let current = value;
  for (const part of parsePointer(text)) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, part)) return undefined;
    current = current[part];
  }
  return current;
}

const ACRONYMS = new Map([
  ['url', 'URL'], ['urls', 'URLs'], ['api', 'API'], ['id', 'ID'], ['ids', 'IDs'], ['ca', 'CA'],
  ['crt', 'CRT'], ['pfx', 'PFX'], ['json', 'JSON'], ['jwt', 'JWT'], ['ssl', 'SSL'], ['tls', 'TLS'],
  ['oauth', 'OAuth'], ['html', 'HTML'], ['smtp', 'SMTP'], ['http', 'HTTP'], ['sir', 'SIR'],
]);

/** `accessTokenUrl` → `Access token URL`. */
export function humanize(key) {
  const words = String(key)
    .replace(/OAuth/g, ' oauth ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .split(/\s+/)
    .map((word) => ACRONYMS.get(word.toLowerCase()) ?? word.toLowerCase());
  if (words.length === 0 || words[0] === '') return String(key);
  const [first, ...rest] = words;
  return [ACRONYMS.has(first.toLowerCase()) ? first : first[0].toUpperCase() + first.slice(1), ...rest].join(' ');
}

/** Follows `$ref`s (`#/$defs/…`, `#/definitions/…`, any local pointer) in the root schema. */
export function deref(schema, root, seen = new Set()) {
  let current = schema;
  while (current && typeof current === 'object' && typeof current.$ref === 'string') {
    const ref = current.$ref;
    if (seen.has(ref) || !ref.startsWith('#')) return {};
    seen.add(ref);
    const target = getAt(root, decodeURIComponent(ref.slice(1)));
    if (target === undefined) return {};
    // Keywords next to `$ref` apply too (2020-12): the local ones win.
    const { $ref, ...siblings } = current;
    current = { ...target, ...siblings };
  }
  return current ?? {};
}

const typesOf = (schema) => (Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []);
const isNullSchema = (s) =>
  s === null || (typeof s === 'object' && (s.type === 'null' || s.const === null || (Array.isArray(s.enum) && s.enum.length === 1 && s.enum[0] === null)));

/** Merges `allOf` branches that only add properties/required into one object schema. */
function mergeAllOf(schema, root) {
  if (!Array.isArray(schema.allOf)) return schema;
  const merged = { ...schema, allOf: undefined };
  const conditionals = [];
  for (const raw of schema.allOf) {
    const branch = deref(raw, root);
    if (branch.if !== undefined) conditionals.push(branch);
    if (branch.properties) merged.properties = { ...merged.properties, ...branch.properties };
    if (branch.required) merged.required = [...(merged.required ?? []), ...branch.required];
    if (branch.type && !merged.type) merged.type = branch.type;
  }
  merged.conditionals = [...(schema.conditionals ?? []), ...conditionals];
  return merged;
}

/** The constant a branch gives a property (`const` or a one-value `enum`), or undefined. */
function constantOf(schema) {
  if (!schema || typeof schema !== 'object') return undefined;
  if (Object.hasOwn(schema, 'const')) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length === 1) return schema.enum[0];
  return undefined;
}

/** Object variants (`oneOf`/`anyOf` of objects) told apart by one property's constant. */
function readVariants(branches, root) {
  const objects = branches.map((branch) => mergeAllOf(deref(branch, root), root));
  if (objects.length < 2 || !objects.every((o) => o.properties && typesOf(o).every((t) => t === 'object'))) return null;
  const candidates = Object.keys(objects[0].properties).filter((key) =>
    objects.every((o) => o.properties[key] !== undefined && constantOf(deref(o.properties[key], root)) !== undefined),
  );
  const key = candidates[0];
  if (key === undefined) return null;
  return {
    key,
    branches: objects.map((o) => ({ value: constantOf(deref(o.properties[key], root)), schema: o })),
  };
}

/** What kind of input a (dereferenced) schema needs, with its details. */
export function classify(rawSchema, root) {
  let schema = mergeAllOf(deref(rawSchema, root), root);
  let nullable = false;
  let types = typesOf(schema);
  if (types.includes('null')) {
    nullable = true;
    types = types.filter((t) => t !== 'null');
  }
  const union = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(union)) {
    const branches = union.map((b) => deref(b, root));
    const nonNull = branches.filter((b) => !isNullSchema(b));
    if (nonNull.length < branches.length) nullable = true;
    if (nonNull.length === 1) {
      // `anyOf: [X, null]`: X, nullable; the outer description and default win.
      const inner = classify(nonNull[0], root);
      return { ...inner, nullable: true, description: schema.description ?? inner.description };
    }
    // One branch per JSON type (how the schemas spell `type: [A, B]`): the union of the types.
    const plain = (b) => typeof b.type === 'string' && !b.properties && !b.anyOf && !b.oneOf && !Array.isArray(b.enum) && !Object.hasOwn(b, 'const');
    if (nonNull.length > 1 && nonNull.every(plain)) {
      const { anyOf: _anyOf, oneOf: _oneOf, ...outer } = schema;
      const type = [...nonNull.map((b) => b.type), ...(nullable ? ['null'] : [])];
      return classify({ ...Object.assign({}, ...nonNull.map(({ title: _title, ...b }) => b)), ...outer, type }, root);
    }
    const variants = readVariants(nonNull, root);
    if (variants) return { kind: 'variants', nullable, variants, schema };
    const enums = nonNull.every((b) => Array.isArray(b.enum) || Object.hasOwn(b, 'const'));
    if (enums) {
      const options = nonNull.flatMap((b) => (Array.isArray(b.enum) ? b.enum : [b.const]));
      return { kind: 'enum', nullable, options: options.filter((o) => o !== null), schema };
    }
    return { kind: 'json', nullable, schema };
  }
  if (Array.isArray(schema.enum)) {
    if (schema.enum.includes(null)) nullable = true;
    return { kind: 'enum', nullable, options: schema.enum.filter((o) => o !== null), schema };
  }
  if (Object.hasOwn(schema, 'const')) {
    return { kind: 'enum', nullable: schema.const === null, options: schema.const === null ? [] : [schema.const], schema };
  }
  if (types.length === 0 && schema.properties) types = ['object'];
  if (types.length === 0) return { kind: 'json', nullable, schema };
  if (types.every((t) => t === 'boolean')) return { kind: 'boolean', nullable, schema };
  // A number, or a number Kibana coerces from text or a boolean (`z.coerce.number()`).
  if (types.some((t) => t === 'integer' || t === 'number') && types.every((t) => ['integer', 'number', 'string', 'boolean'].includes(t))) {
    return { kind: 'number', nullable, integer: !types.includes('number'), coerced: types.some((t) => t === 'string' || t === 'boolean'), schema };
  }
  if (types.every((t) => t === 'string')) {
    return { kind: schema.contentMediaType === 'application/json' ? 'multiline' : 'text', nullable, schema };
  }
  if (types.length === 1 && types[0] === 'object') {
    const properties = schema.properties ?? {};
    if (Object.keys(properties).length > 0) return { kind: 'object', nullable, schema };
    const additional = deref(schema.additionalProperties, root);
    if (schema.additionalProperties && typesOf(additional).includes('string') && !additional.properties) {
      return { kind: 'map', nullable, schema };
    }
    if (schema.additionalProperties === false || schema.additionalProperties === undefined) {
      return { kind: 'object', nullable, schema };
    }
    return { kind: 'json', nullable, schema };
  }
  if (types.length === 1 && types[0] === 'array' && schema.items && typeof schema.items === 'object') {
    return { kind: 'list', nullable, schema };
  }
  return { kind: 'json', nullable, schema };
}

/**
 * The field specs of an object schema at `base` (e.g. `/config`).
 * `hints` (from modes.js): { multiline: Set, base64: Set, suggestions: {pointer: [...]}, labels: {key: label} }.
 */
export function objectFields(rawSchema, root, base, context) {
  const shape = classify(rawSchema, root);
  const fields = [];
  const conditionals = [];
  let schema = shape.schema;
  let variant = null;
  if (shape.kind === 'variants') {
    // One form for every variant: the discriminator is a select, each other field shows in the
    // variants that define it and is required in those that require it.
    variant = shape.variants;
    const merged = { properties: {}, required: [] };
    for (const branch of variant.branches) {
      for (const [key, sub] of Object.entries(branch.schema.properties)) {
        if (!Object.hasOwn(merged.properties, key)) merged.properties[key] = sub;
      }
    }
    const { const: _const, ...discriminator } = deref(variant.branches[0].schema.properties[variant.key], root);
    // The discriminator comes first: it decides which of the other fields apply.
    merged.properties = {
      [variant.key]: { ...discriminator, enum: variant.branches.map((b) => b.value) },
      ...Object.fromEntries(Object.entries(merged.properties).filter(([key]) => key !== variant.key)),
    };
    merged.required = [variant.key];
    schema = merged;
  } else if (shape.kind !== 'object') {
    return { fields, conditionals, opaque: true };
  }
  const required = new Set(schema.required ?? []);
  for (const [key, sub] of Object.entries(schema.properties ?? {})) {
    const spec = fieldSpec(sub, root, pointer(...parsePointer(base), key), key, required.has(key), context);
    // A single-variant union (`oneOf: [{ title, properties: { authType: { const } } }]`): the
    // constant is named by the variant's title.
    if (!variant && typeof schema.title === 'string' && constantOf(deref(sub, root)) !== undefined && spec.kind === 'enum') {
      spec.optionLabels = { [String(constantOf(deref(sub, root)))]: schema.title };
      spec.discriminator = true;
    }
    if (variant && key !== variant.key) {
      const holders = variant.branches.filter((b) => Object.hasOwn(b.schema.properties, key));
      // The same key may mean something a little different in each variant: its help follows.
      const descriptions = Object.fromEntries(holders.map((b) => [String(b.value), deref(b.schema.properties[key], root).description ?? '']));
      if (new Set(Object.values(descriptions)).size > 1) {
        spec.variantDescriptions = { pointer: pointer(...parsePointer(base), variant.key), byValue: descriptions };
      }
      spec.variantShow = {
        when: { [pointer(...parsePointer(base), variant.key)]: holders.map((b) => b.value) },
      };
      const requirers = holders.filter((b) => (b.schema.required ?? []).includes(key));
      if (requirers.length > 0) {
        spec.variantRequire = {
          when: { [pointer(...parsePointer(base), variant.key)]: requirers.map((b) => b.value) },
        };
      }
    }
    if (variant && key === variant.key) {
      // Each variant's title names its value ("OAuth Client Credentials" for
      // `oauth_client_credentials`); one variant only: it is the answer.
      const titles = variant.branches.filter((b) => typeof b.schema.title === 'string');
      if (titles.length > 0) spec.optionLabels = Object.fromEntries(titles.map((b) => [String(b.value), b.schema.title]));
      spec.discriminator = true;
      if (variant.branches.length === 1) spec.initial = variant.branches[0].value;
    }
    fields.push(spec);
  }
  for (const conditional of [...(schema.conditionals ?? []), ...(schema.if !== undefined ? [schema] : [])]) {
    conditionals.push({ base, if: conditional.if, then: conditional.then, else: conditional.else });
  }
  return { fields, conditionals, opaque: false, description: schema.description ?? shape.schema?.description, variantKey: variant?.key };
}

/** One field's spec. */
/** The default a body-level rule's `else` gives the field at `path` (`/config/authType`). */
function conditionalDefault(root, path) {
  const parts = parsePointer(path);
  if (parts.length !== 2) return undefined;
  const [group, key] = parts;
  for (const rule of root?.allOf ?? []) {
    const field = rule?.else?.properties?.[group]?.properties?.[key];
    if (field && Object.hasOwn(field, 'default')) return field.default;
  }
  return undefined;
}

export function fieldSpec(rawSchema, root, path, key, required, context) {
  const shape = classify(rawSchema, root);
  const schema = mergeAllOf(deref(rawSchema, root), root);
  const hints = context.hints ?? {};
  const secret = context.secret || schema.writeOnly === true;
  const spec = {
    pointer: path,
    key,
    label: hints.labels?.[key] ?? humanize(key),
    description: schema.description ?? shape.schema?.description ?? '',
    kind: shape.kind,
    required,
    nullable: shape.nullable,
    secret,
    hasDefault: Object.hasOwn(schema, 'default'),
    default: schema.default,
  };
  // A default that holds unless a rule empties the field (`.webhook`'s `authType`, `null` when
  // `hasAuth` is false) sits in that rule's `else`; the page hides and empties the field then.
  const conditional = conditionalDefault(root, path);
  if (!spec.hasDefault && conditional !== undefined) Object.assign(spec, { hasDefault: true, default: conditional });
  // A secret group holds names and addresses too (a user, a client id, an OAuth URL, the auth
  // method): only the others are masked and typed in password inputs.
  spec.sensitive = secret && !(hints.notSensitive?.has(key) ?? false) && !['enum', 'boolean'].includes(shape.kind);
  // What a fresh form starts with: the default, unless the page knows better (hints.initial).
  if (hints.initial && Object.hasOwn(hints.initial, path)) spec.initial = hints.initial[path];
  else if (spec.hasDefault) spec.initial = spec.default;
  const inner = shape.schema ?? schema;
  if (shape.kind === 'enum') {
    spec.options = shape.options;
    // One possible answer to a required question: it is given.
    if (required && spec.options.length === 1 && spec.initial === undefined) spec.initial = spec.options[0];
  }
  if (shape.kind === 'boolean' && shape.nullable) {
    // true, false and null are three answers: a checkbox has only two.
    spec.kind = 'enum';
    spec.options = [true, false];
  }
  if (shape.kind === 'number') {
    spec.integer = shape.integer;
    spec.coerced = shape.coerced === true;
  }
  if (shape.kind === 'text') {
    if (hints.multiline?.has(path) || inner.contentMediaType === 'application/json') spec.kind = 'multiline';
    if (inner.contentEncoding === 'base64' || hints.base64?.has(path)) spec.base64File = true;
    if (hints.suggestions?.[path]) spec.suggestions = hints.suggestions[path];
    if (typeof inner.minLength === 'number') spec.minLength = inner.minLength;
    if (typeof inner.maxLength === 'number') spec.maxLength = inner.maxLength;
    if (inner.format) spec.format = inner.format;
  }
  if (shape.kind === 'number') {
    for (const limit of ['minimum', 'maximum']) if (typeof inner[limit] === 'number') spec[limit] = inner[limit];
  }
  if (shape.kind === 'list') {
    const items = deref(inner.items, root);
    spec.item = fieldSpec(items, root, `${path}/-`, 'item', true, { ...context, secret });
    spec.item.label = hints.labels?.[`${key}[]`] ?? (items.description ? 'Item' : 'Item');
    if (typeof inner.maxItems === 'number') spec.maxItems = inner.maxItems;
    if (typeof inner.minItems === 'number') spec.minItems = inner.minItems;
    if (!['text', 'number', 'enum', 'object', 'boolean'].includes(spec.item.kind)) spec.kind = 'json';
  }
  if (shape.kind === 'object') {
    const nested = objectFields(inner, root, path, { ...context, secret });
    spec.fields = nested.fields;
    spec.conditionals = nested.conditionals;
  }
  return spec;
}

/**
 * The whole form of one connector type: the `config` and `secrets` groups, and the schema's
 * conditionals at every level (body, config, secrets).
 */
export function formOf(bodySchema, hints = {}) {
  const root = bodySchema ?? {};
  const body = mergeAllOf(deref(root, root), root);
  const properties = body.properties ?? {};
  const groups = {};
  const conditionals = [];
  for (const [name, secret] of [['config', false], ['secrets', true]]) {
    const schema = properties[name];
    const group = schema === undefined
      ? { fields: [], conditionals: [], opaque: false }
      : objectFields(schema, root, `/${name}`, { hints, secret });
    groups[name] = { ...group, description: group.description ?? deref(schema ?? {}, root).description ?? '' };
    conditionals.push(...group.conditionals);
  }
  // Spec-based types: the secrets' `authType` picks the credentials, and Kibana copies it into the
  // config when it saves the connector. The config's own `authType` is no second control: it is
  // shown only when a body sets it (so that an import shows what it holds).
  const variantKey = groups.secrets.variantKey;
  if (variantKey) {
    for (const spec of groups.config.fields) {
      if (spec.key === variantKey && spec.kind === 'text') spec.onlyWhenSet = true;
    }
  }
  for (const conditional of [...(body.conditionals ?? []), ...(body.if !== undefined ? [body] : [])]) {
    conditionals.push({ base: '', if: conditional.if, then: conditional.then, else: conditional.else });
  }
  return { groups, conditionals, title: body.title ?? '' };
}

/** Every spec in a form, depth first (list items excluded). */
export function* walk(fields) {
  for (const field of fields) {
    yield field;
    if (field.fields) yield* walk(field.fields);
  }
}

/**
 * A small JSON Schema evaluator for conditions (`if` schemas): const, enum, type, properties,
 * required, allOf/anyOf/oneOf/not, if/then/else and local `$ref`. Unknown keywords pass.
 */
export function matches(rawSchema, value, root = rawSchema) {
  if (rawSchema === true || rawSchema === undefined) return true;
  if (rawSchema === false) return false;
  const schema = deref(rawSchema, root);
  if (Object.hasOwn(schema, 'const') && !sameJson(schema.const, value)) return false;
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => sameJson(option, value))) return false;
  const types = typesOf(schema);
  if (types.length > 0 && !types.some((type) => isType(value, type))) return false;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const key of schema.required ?? []) if (!Object.hasOwn(value, key)) return false;
    for (const [key, sub] of Object.entries(schema.properties ?? {})) {
      if (Object.hasOwn(value, key) && !matches(sub, value[key], root)) return false;
    }
  }
  if (Array.isArray(schema.allOf) && !schema.allOf.every((s) => matches(s, value, root))) return false;
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some((s) => matches(s, value, root))) return false;
  if (Array.isArray(schema.oneOf) && schema.oneOf.filter((s) => matches(s, value, root)).length !== 1) return false;
  if (schema.not !== undefined && matches(schema.not, value, root)) return false;
  if (schema.if !== undefined) {
    const branch = matches(schema.if, value, root) ? schema.then : schema.else;
    if (branch !== undefined && !matches(branch, value, root)) return false;
  }
  return true;
}

function isType(value, type) {
  switch (type) {
    case 'null': return value === null;
    case 'boolean': return typeof value === 'boolean';
    case 'string': return typeof value === 'string';
    case 'number': return typeof value === 'number';
    case 'integer': return Number.isInteger(value);
    case 'array': return Array.isArray(value);
    case 'object': return value !== null && typeof value === 'object' && !Array.isArray(value);
    default: return true;
  }
}

function sameJson(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * What a `then`/`else` schema says about the fields under `base`: which are required, and which
 * are forbidden (`false`, `not: {}`) or must be null (`type: "null"`, `const: null`).
 */
export function effectsOf(rawSchema, base, root, out = { required: new Set(), forbidden: new Map() }) {
  if (rawSchema === undefined || rawSchema === true) return out;
  const schema = deref(rawSchema, root);
  for (const key of schema.required ?? []) out.required.add(pointer(...parsePointer(base), key));
  for (const [key, sub] of Object.entries(schema.properties ?? {})) {
    const path = pointer(...parsePointer(base), key);
    const resolved = deref(sub, root);
    if (sub === false || (resolved.not && Object.keys(resolved.not).length === 0)) out.forbidden.set(path, undefined);
    else if (isNullSchema(resolved)) out.forbidden.set(path, null);
    else effectsOf(resolved, path, root, out);
  }
  for (const branch of schema.allOf ?? []) effectsOf(branch, base, root, out);
  return out;
}

/** True when a declared condition `{ pointer: expected }` holds. `expected` is a value, a list
 *  of values, or `{ not: [values] }`. A condition on a hidden field does not hold. */
function conditionHolds(when, state, raw = false) {
  return Object.entries(when).every(([path, expected]) => {
    if (!state.isVisible(path)) return false;
    const value = raw ? state.sentOf(path) : state.valueOf(path);
    if (Array.isArray(expected)) return expected.some((option) => sameJson(option, value));
    if (expected && typeof expected === 'object' && Array.isArray(expected.not)) {
      return !expected.not.some((option) => sameJson(option, value));
    }
    return sameJson(expected, value);
  });
}

/**
 * Which fields are visible and required now, from the declared rules (modes.js), the schema's
 * variants and its `if`/`then`/`else` conditionals.
 *
 * - `specs`: every field spec (flat); `rules`: the declared rules of the type;
 * - `conditionals`: from formOf(); `root`: the body schema;
 * - `virtual`: pointers of page-only choices (`#…`) that rules may name;
 * - `valueOf(pointer)`: the field's value (its default when unset);
 * - `bodyOf(isVisible)`: the body the form would send with that visibility;
 * - `sentOf(pointer)`: the value as sent (undefined when left out), for `raw` rules: Kibana reads
 *   some fields before their defaults apply (an omitted `usesBasic` is falsy there);
 * - `isPinned(pointer)`: the field holds an imported value: it stays visible whatever the modes.
 *
 * Returns { visible: Map, required: Map, hiddenValue: Map } keyed by pointer.
 */
export function resolveModes({ specs, rules = [], nullWhenHidden = [], conditionals = [], root = {}, virtual = [] }, valueOf, bodyOf, { sentOf = valueOf, isPinned = () => false } = {}) {
  const known = new Set([...specs.map((spec) => spec.pointer), ...virtual]);
  // A rule about fields the schema does not have (yet) does not apply.
  const applicable = rules.filter((rule) => Object.keys(rule.when).every((path) => known.has(path)));
  const declared = new Map();
  for (const rule of applicable) {
    for (const path of [...(rule.show ?? []), ...(rule.require ?? [])]) {
      if (!declared.has(path)) declared.set(path, []);
      declared.get(path).push(rule);
    }
  }
  const conditionalRequired = new Set();
  for (const conditional of conditionals) {
    for (const branch of [conditional.then, conditional.else]) {
      for (const path of effectsOf(branch, conditional.base, root).required) conditionalRequired.add(path);
    }
  }
  let visible = new Map(specs.map((spec) => [spec.pointer, true]));
  let result;
  for (let round = 0; round < 8; round += 1) {
    const isVisible = (path) => visible.get(path) !== false;
    const state = { isVisible, valueOf, sentOf };
    const body = bodyOf(isVisible);
    const active = { required: new Set(), forbidden: new Map() };
    for (const conditional of conditionals) {
      const target = getAt(body, conditional.base);
      const branch = matches(conditional.if, target, root) ? conditional.then : conditional.else;
      effectsOf(branch, conditional.base, root, active);
    }
    const next = new Map();
    const required = new Map();
    const hiddenValue = new Map();
    for (const spec of specs) {
      const path = spec.pointer;
      let shown = true;
      // A field of some variants only shows in them; the declared rules may narrow that further.
      if (spec.variantShow) shown = conditionHolds(spec.variantShow.when, state);
      if (declared.has(path)) shown = shown && declared.get(path).some((rule) => conditionHolds(rule.when, state, rule.raw));
      else if (!spec.variantShow && conditionalRequired.has(path) && !spec.required) shown = active.required.has(path);
      if (active.forbidden.has(path)) {
        shown = false;
        hiddenValue.set(path, active.forbidden.get(path));
      } else if (nullWhenHidden.includes(path)) {
        hiddenValue.set(path, null);
      }
      if (isPinned(path)) shown = true;
      next.set(path, shown);
      const needed = spec.required
        || active.required.has(path)
        || (declared.get(path) ?? []).some((rule) => rule.require?.includes(path) && conditionHolds(rule.when, state, rule.raw))
        || (spec.variantRequire !== undefined && conditionHolds(spec.variantRequire.when, state));
      required.set(path, shown && needed);
    }
    result = { visible: next, required, hiddenValue };
    const stable = [...next].every(([path, shown]) => visible.get(path) === shown);
    visible = next;
    if (stable) break;
  }
  return result;
}
