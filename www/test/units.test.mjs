// The page's pure modules in Node: the schema reader, the mode rules, the request helpers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPackage } from './helpers.mjs';
import { formOf, walk, resolveModes, matches, effectsOf, humanize, pointer, parsePointer, getAt, classify } from '../public/schema.js';
import { MODES, HINTS } from '../public/modes.js';
import {
  connectorPath, curlCommand, maskSecrets, generateId, spaceIdProblem, explainOutcome,
  authorizationHeader, shellQuote, secretStrings, MASK, statusVersion, versionOffer,
} from '../public/request.js';

const pkg = await loadPackage();
const creatable = pkg.connectorTypes().filter((type) => !type.isSystemActionType);

test('licenses come from the core, lowest first, and cover every type', () => {
  assert.deepEqual(pkg.licenses(), ['basic', 'gold', 'platinum', 'enterprise']);
  for (const type of pkg.connectorTypes()) assert.ok(pkg.licenses().includes(type.minimumLicense), type.id);
});

test('pointers follow RFC 6901', () => {
  assert.equal(pointer('config', 'a/b', 'c~d'), '/config/a~1b/c~0d');
  assert.deepEqual(parsePointer('/config/a~1b/c~0d'), ['config', 'a/b', 'c~d']);
  assert.equal(getAt({ a: { 'b/c': [1, 2] } }, '/a/b~1c/1'), 2);
  assert.equal(getAt({ a: 1 }, '/a/b'), undefined);
});

test('labels read as words', () => {
  assert.equal(humanize('accessTokenUrl'), 'Access token URL');
  assert.equal(humanize('apiUrl'), 'API URL');
  assert.equal(humanize('isOAuth'), 'Is OAuth');
  assert.equal(humanize('createIncidentJson'), 'Create incident JSON');
  assert.equal(humanize('index'), 'Index');
});

test('every creatable type gets a form from its schema, every field a known input', () => {
  const kinds = new Set(['text', 'multiline', 'number', 'boolean', 'enum', 'map', 'list', 'object', 'json']);
  for (const type of creatable) {
    const schema = pkg.jsonSchema(type.id);
    assert.ok(schema, type.id);
    const form = formOf(schema, HINTS);
    for (const spec of [...walk(form.groups.config.fields), ...walk(form.groups.secrets.fields)]) {
      assert.ok(kinds.has(spec.kind), `${type.id} ${spec.pointer}: ${spec.kind}`);
      assert.ok(spec.pointer.startsWith('/config/') || spec.pointer.startsWith('/secrets/'), spec.pointer);
      assert.equal(spec.secret, spec.pointer.startsWith('/secrets/'), `${type.id} ${spec.pointer} secret`);
    }
  }
});

test('.webhook: the right inputs, defaults and secrets', () => {
  const form = formOf(pkg.jsonSchema('.webhook'), HINTS);
  const specs = Object.fromEntries([...walk(form.groups.config.fields), ...walk(form.groups.secrets.fields)].map((s) => [s.pointer, s]));
  assert.equal(specs['/config/url'].kind, 'text');
  assert.equal(specs['/config/url'].required, true);
  assert.equal(specs['/config/method'].kind, 'enum');
  assert.equal(specs['/config/method'].default, 'post');
  assert.equal(specs['/config/headers'].kind, 'map');
  assert.equal(specs['/config/hasAuth'].kind, 'boolean');
  assert.equal(specs['/config/authType'].kind, 'enum');
  assert.equal(specs['/config/authType'].nullable, true);
  assert.equal(specs['/config/authType'].default, 'webhook-authentication-basic');
  assert.equal(specs['/secrets/secretHeaders'].kind, 'map');
  assert.equal(specs['/secrets/secretHeaders'].secret, true);
  assert.equal(specs['/secrets/crt'].base64File, true);
  assert.ok(specs['/config/url'].description.length > 0);
});

test('.slack_api: a list of objects', () => {
  const form = formOf(pkg.jsonSchema('.slack_api'), HINTS);
  const [channels] = form.groups.config.fields;
  assert.equal(channels.kind, 'list');
  assert.equal(channels.maxItems, 500);
  assert.equal(channels.item.kind, 'object');
  assert.deepEqual(channels.item.fields.map((f) => [f.pointer, f.required]), [
    ['/config/allowedChannels/-/id', false],
    ['/config/allowedChannels/-/name', true],
  ]);
});

/** The form's fields of a type's schema, by pointer. */
function fieldsOf(typeId) {
  const form = formOf(pkg.jsonSchema(typeId), HINTS);
  return new Map([...walk(form.groups.config.fields), ...walk(form.groups.secrets.fields)].map((spec) => [spec.pointer, spec]));
}

/** The values a `when` condition names: a value, a list of them, or `{ not: [...] }`. */
const namedValues = (expected) => (Array.isArray(expected) ? expected : expected?.not ?? [expected]);

test('every pointer modes.js names is a field of its type\'s schema, every value one it accepts', () => {
  const creatableIds = new Set(creatable.map((type) => type.id));
  for (const [typeId, modes] of Object.entries(MODES)) {
    assert.ok(creatableIds.has(typeId), `MODES names ${typeId}, which is not a creatable type`);
    const fields = fieldsOf(typeId);
    const named = [...(modes.nullWhenHidden ?? []), ...(modes.credentials ?? []), ...Object.keys(modes.offer ?? {})];
    for (const choice of modes.choices ?? []) for (const option of choice.options) named.push(...option.show, ...Object.keys(choice.when ?? {}));
    for (const [pointer, values] of Object.entries(modes.offer ?? {})) {
      for (const value of values) assert.ok(fields.get(pointer)?.options?.includes(value), `${typeId} ${pointer}: offers ${value}, not an option`);
    }
    for (const rule of modes.rules ?? []) {
      named.push(...Object.keys(rule.when ?? {}), ...(rule.show ?? []), ...(rule.require ?? []));
      for (const [pointer, expected] of Object.entries(rule.when ?? {})) {
        const field = fields.get(pointer);
        for (const value of namedValues(expected)) {
          if (field?.kind === 'enum') assert.ok(field.options.includes(value), `${typeId} ${pointer}: ${value} is not an option`);
          if (field?.kind === 'boolean') assert.equal(typeof value, 'boolean', `${typeId} ${pointer}: ${value}`);
        }
      }
    }
    for (const pointer of named) assert.ok(fields.has(pointer), `${typeId}: modes.js names ${pointer}, which its schema does not have`);
  }
  const everyField = new Set(creatable.flatMap((type) => [...fieldsOf(type.id).keys()]));
  for (const pointer of [...HINTS.multiline, ...HINTS.base64, ...Object.keys(HINTS.suggestions), ...Object.keys(HINTS.initial)]) {
    assert.ok(everyField.has(pointer), `modes.js hints at ${pointer}, which no type's schema has`);
  }
});

/** Resolves the modes of a type against values (pointer → value). */
function modesOf(typeId, values, schema = pkg.jsonSchema(typeId), modes = MODES[typeId] ?? {}) {
  const form = formOf(schema, HINTS);
  const specs = [...walk(form.groups.config.fields), ...walk(form.groups.secrets.fields)];
  const byPointer = new Map(specs.map((spec) => [spec.pointer, spec]));
  const valueOf = (path) => (Object.hasOwn(values, path) ? values[path] : byPointer.get(path)?.default);
  const bodyOf = (isVisible) => {
    const body = { config: {}, secrets: {} };
    for (const spec of specs) {
      const value = valueOf(spec.pointer);
      if (value === undefined || !isVisible(spec.pointer)) continue;
      const [group, key] = parsePointer(spec.pointer);
      body[group][key] = value;
    }
    return body;
  };
  const resolved = resolveModes({ specs, rules: modes.rules, nullWhenHidden: modes.nullWhenHidden, conditionals: form.conditionals, root: schema }, valueOf, bodyOf);
  const shown = specs.filter((s) => resolved.visible.get(s.pointer)).map((s) => s.pointer);
  const required = specs.filter((s) => resolved.required.get(s.pointer)).map((s) => s.pointer);
  return { shown, required, hiddenValue: resolved.hiddenValue };
}

test('declared modes: .webhook authentication', () => {
  const basic = modesOf('.webhook', {});
  assert.ok(basic.shown.includes('/config/authType'));
  assert.ok(basic.required.includes('/secrets/user') && basic.required.includes('/secrets/password'));
  assert.ok(!basic.shown.includes('/secrets/crt') && !basic.shown.includes('/config/certType'));
  assert.ok(!basic.shown.includes('/config/accessTokenUrl'));

  const ssl = modesOf('.webhook', { '/config/authType': 'webhook-authentication-ssl', '/config/certType': 'ssl-crt-key' });
  assert.ok(ssl.required.includes('/secrets/crt') && ssl.required.includes('/secrets/key'));
  assert.ok(!ssl.shown.includes('/secrets/pfx') && !ssl.shown.includes('/secrets/user'));
  assert.ok(ssl.shown.includes('/secrets/password'));
  assert.ok(!ssl.required.includes('/secrets/password'));

  const none = modesOf('.webhook', { '/config/hasAuth': false, '/config/authType': 'webhook-authentication-ssl', '/config/certType': 'ssl-crt-key' });
  for (const hidden of ['/config/authType', '/config/certType', '/secrets/crt', '/secrets/user', '/secrets/password', '/secrets/clientSecret']) {
    assert.ok(!none.shown.includes(hidden), hidden);
  }
  assert.equal(none.hiddenValue.get('/config/authType'), null);
  assert.ok(none.shown.includes('/secrets/secretHeaders') && none.shown.includes('/config/url'));

  const oauth = modesOf('.webhook', { '/config/authType': 'webhook-oauth2-client-credentials' });
  assert.ok(['/config/accessTokenUrl', '/config/clientId', '/secrets/clientSecret'].every((p) => oauth.required.includes(p)));
  assert.ok(oauth.shown.includes('/config/scope'));
});

test('declared modes: ServiceNow OAuth and xMatters basic', () => {
  const basic = modesOf('.servicenow', {});
  assert.ok(basic.required.includes('/secrets/username'));
  assert.ok(!basic.shown.includes('/secrets/privateKey') && !basic.shown.includes('/config/jwtKeyId'));
  const oauth = modesOf('.servicenow-itom', { '/config/isOAuth': true });
  assert.ok(oauth.required.includes('/secrets/privateKey') && oauth.required.includes('/config/clientId'));
  assert.ok(!oauth.shown.includes('/secrets/username'));
  const url = modesOf('.xmatters', { '/config/usesBasic': false });
  assert.ok(url.required.includes('/secrets/secretsUrl'));
  assert.ok(!url.shown.includes('/config/configUrl') && !url.shown.includes('/secrets/user'));
});

test('declared modes: .email services, .http proxy and query parameters', () => {
  const other = modesOf('.email', {});
  assert.ok(other.required.includes('/config/host') && other.required.includes('/config/port'));
  assert.ok(other.required.includes('/secrets/user'), 'hasAuth defaults to true');
  assert.ok(!other.shown.includes('/config/tenantId') && !other.shown.includes('/secrets/clientSecret'));
  const exchange = modesOf('.email', { '/config/service': 'exchange_server' });
  assert.ok(['/config/tenantId', '/config/clientId', '/secrets/clientSecret'].every((p) => exchange.required.includes(p)));
  assert.ok(!exchange.shown.includes('/config/host') && !exchange.shown.includes('/secrets/user'));
  const cloud = modesOf('.email', { '/config/service': 'elastic_cloud', '/config/hasAuth': false });
  assert.ok(!cloud.shown.includes('/config/host') && !cloud.shown.includes('/config/allowHtml') && !cloud.shown.includes('/secrets/password'));
  const gmail = modesOf('.email', { '/config/service': 'gmail' });
  assert.ok(gmail.shown.includes('/config/host') && !gmail.required.includes('/config/host'), 'optional for a well-known service');

  const query = modesOf('.http', { '/config/authType': 'http-authentication-query-param' });
  assert.ok(query.required.includes('/secrets/secretQueryParams'));
  assert.ok(!query.shown.includes('/secrets/user'));
  const proxy = modesOf('.http', { '/config/hasProxyAuth': true });
  assert.ok(proxy.required.includes('/secrets/proxyUsername') && proxy.required.includes('/config/proxyUrl'));
  assert.ok(!modesOf('.http', {}).shown.includes('/secrets/proxyUsername'));
});

test('every declared rule fits its type (once the type has a model)', () => {
  for (const [typeId, modes] of Object.entries(MODES)) {
    const schema = pkg.jsonSchema(typeId);
    if (!schema) continue; // not registered yet (e.g. .gen-ai before its issue lands)
    const form = formOf(schema, HINTS);
    const known = new Set([...walk(form.groups.config.fields), ...walk(form.groups.secrets.fields)].map((s) => s.pointer));
    if (known.size === 0) continue; // a stub model: its fields come later
    for (const rule of modes.rules ?? []) {
      // A rule whose condition names a missing field is silently ignored: catch renamed fields.
      for (const path of Object.keys(rule.when)) assert.ok(known.has(path), `${typeId}: ${path}`);
      const fields = [...(rule.show ?? []), ...(rule.require ?? [])];
      assert.ok(fields.some((path) => known.has(path)), `${typeId}: ${fields.join(', ')}`);
    }
  }
});

// A schema with what the models do not use yet: $ref/$defs, if/then/else and oneOf variants.
const FUTURE = {
  type: 'object',
  $defs: {
    provider: { type: 'string', enum: ['OpenAI', 'Azure OpenAI'] },
    url: { type: 'string', description: 'The API URL.' },
  },
  properties: {
    name: { type: 'string' },
    connector_type_id: { const: '.future' },
    config: {
      oneOf: [
        {
          type: 'object',
          properties: { apiProvider: { const: 'OpenAI' }, apiUrl: { $ref: '#/$defs/url' }, defaultModel: { type: 'string' } },
          required: ['apiProvider', 'apiUrl', 'defaultModel'],
        },
        {
          type: 'object',
          properties: { apiProvider: { const: 'Azure OpenAI' }, apiUrl: { $ref: '#/$defs/url' } },
          required: ['apiProvider', 'apiUrl'],
        },
      ],
    },
    secrets: {
      type: 'object',
      properties: { apiKey: { type: 'string', writeOnly: true }, user: { type: ['string', 'null'] }, password: { type: ['string', 'null'] } },
      allOf: [
        {
          if: { properties: { apiKey: { const: 'basic' } }, required: ['apiKey'] },
          then: { required: ['user', 'password'] },
          else: { properties: { user: { type: 'null' } } },
        },
      ],
    },
  },
};

test('oneOf variants: a select for the discriminator, fields per variant', () => {
  const form = formOf(FUTURE, HINTS);
  const config = Object.fromEntries(form.groups.config.fields.map((f) => [f.key, f]));
  assert.equal(config.apiProvider.kind, 'enum');
  assert.deepEqual(config.apiProvider.options, ['OpenAI', 'Azure OpenAI']);
  assert.equal(config.apiUrl.description, 'The API URL.');
  const azure = modesOf('.future', { '/config/apiProvider': 'Azure OpenAI' }, FUTURE, {});
  assert.ok(!azure.shown.includes('/config/defaultModel'));
  assert.ok(azure.required.includes('/config/apiUrl'));
  const openai = modesOf('.future', { '/config/apiProvider': 'OpenAI' }, FUTURE, {});
  assert.ok(openai.required.includes('/config/defaultModel'));
});

test('if/then/else: conditional requirements and forbidden fields', () => {
  const basic = modesOf('.future', { '/secrets/apiKey': 'basic' }, FUTURE, {});
  assert.ok(basic.required.includes('/secrets/user') && basic.required.includes('/secrets/password'));
  const other = modesOf('.future', { '/secrets/apiKey': 'k' }, FUTURE, {});
  assert.ok(!other.shown.includes('/secrets/user'));
  assert.equal(other.hiddenValue.get('/secrets/user'), null);
  assert.ok(!other.shown.includes('/secrets/password'), 'required only under a condition: shown only then');
});

test('the condition evaluator', () => {
  assert.equal(matches({ properties: { a: { const: 1 } } }, {}), true, 'properties only test present keys');
  assert.equal(matches({ properties: { a: { const: 1 } }, required: ['a'] }, {}), false);
  assert.equal(matches({ anyOf: [{ const: 1 }, { const: 2 }] }, 2), true);
  assert.equal(matches({ not: { type: 'string' } }, 2), true);
  assert.equal(matches({ $ref: '#/$defs/x', $defs: { x: { type: 'integer' } } }, 1.5), false);
  const effects = effectsOf({ required: ['a'], properties: { b: false, c: { type: 'null' }, d: { required: ['e'] } } }, '/config', {});
  assert.deepEqual([...effects.required], ['/config/a', '/config/d/e']);
  assert.deepEqual([...effects.forbidden], [['/config/b', undefined], ['/config/c', null]]);
});

test('unusual schemas fall back to a JSON input', () => {
  assert.equal(classify({ type: 'array', items: { type: 'array' } }, {}).kind, 'list');
  assert.equal(classify({ anyOf: [{ type: 'string' }, { type: 'object' }] }, {}).kind, 'json');
  assert.equal(classify({}, {}).kind, 'json');
  assert.equal(classify({ $ref: '#/nowhere' }, {}).kind, 'json');
});

test('the request path, with a space and an id', () => {
  assert.equal(connectorPath({}), '/api/actions/connector');
  assert.equal(connectorPath({ id: 'abc' }), '/api/actions/connector/abc');
  assert.equal(connectorPath({ space: 'ops', id: 'abc' }), '/s/ops/api/actions/connector/abc');
  assert.equal(connectorPath({ space: 'default' }), '/api/actions/connector');
  assert.equal(spaceIdProblem(''), null);
  assert.equal(spaceIdProblem('my_space-1'), null);
  assert.match(spaceIdProblem('My Space'), /lowercase/);
});

test('generated ids pass Kibana\'s id rule', () => {
  for (let i = 0; i < 20; i += 1) {
    const id = generateId();
    assert.equal(pkg.validate({ name: 'n', connector_type_id: '.index', config: { index: 'i' } }, { id }).valid, true, id);
  }
  const fallback = generateId({ getRandomValues: (bytes) => bytes.fill(0xff) });
  assert.match(fallback, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

test('secrets are masked in previews; names, addresses and choices in the secrets are not', () => {
  const body = { name: 'n', connector_type_id: '.slack_api', config: {}, secrets: { token: 'xoxb-1', extra: { a: 's' }, none: null, user: 'bob' } };
  const masked = maskSecrets(body);
  assert.deepEqual(masked.secrets, { token: MASK, extra: { a: MASK }, none: null, user: MASK });
  const plain = (pointer) => pointer !== '/secrets/user';
  assert.deepEqual(maskSecrets(body, plain).secrets, { token: MASK, extra: { a: MASK }, none: null, user: 'bob' });
  assert.deepEqual(secretStrings(body), ['xoxb-1', 's', 'bob']);
  assert.deepEqual(secretStrings(body, plain), ['xoxb-1', 's']);
});

test('curl: credentials and secrets are shell variables read from the terminal, never masks', () => {
  const body = { name: "it's", connector_type_id: '.webhook', config: { url: 'https://x', note: '$HOME `id` @@kc0:A@@' }, secrets: { user: 'bob', password: 'p"w\\x', secretHeaders: { 'X-Key': 'k1' } } };
  const isSensitive = (pointer) => pointer !== '/secrets/user';
  const curl = curlCommand({ kibanaUrl: 'https://kibana.example:5601/', space: 'ops', id: 'x', body, isSensitive });
  assert.match(curl, /^curl -X POST "https:\/\/kibana\.example:5601\/s\/ops\/api\/actions\/connector\/x"/m);
  assert.match(curl, /-H "kbn-xsrf: true"/);
  assert.match(curl, /-H "Content-Type: application\/json"/);
  assert.match(curl, /Authorization: ApiKey \$KIBANA_API_KEY/);
  assert.match(curl, /"password": "'"\$PASSWORD"'"/);
  assert.match(curl, /"X-Key": "'"\$SECRET_HEADERS_X_KEY"'"/);
  assert.match(curl, /^ask PASSWORD .* json$/m, 'a line sets each variable');
  assert.match(curl, /"user": "bob"/, 'not a secret');
  assert.ok(!curl.includes(MASK), 'never a mask');
  assert.ok(!curl.includes('p\"w'), 'never the value unless revealed');
  assert.match(curlCommand({ body, auth: 'basic' }), /-u "\$KIBANA_USER:\$KIBANA_PASSWORD"/);
  assert.match(curlCommand({ body }), /"\$KIBANA_URL\/api\/actions\/connector"/);
  assert.equal(shellQuote("it's"), "'it'\\''s'");
  // Revealed: the values, with a warning.
  const revealed = curlCommand({ body, reveal: true, isSensitive });
  assert.match(revealed, /^# Warning: this command holds the connector's secrets in clear text/);
  assert.ok(revealed.includes('"password": "p\\"w\\\\x"'), revealed);
});

test('curl: the command runs in sh and bash, and sends the body with the typed secrets', () => {
  const pem = '-----BEGIN PRIVATE KEY-----\nab"c\\d\n-----END PRIVATE KEY-----';
  const dir = mkdtempSync(join(tmpdir(), 'kc-curl-'));
  writeFileSync(join(dir, 'key.pem'), `${pem}\n`);
  const body = { name: "it's", connector_type_id: '.webhook', config: { url: 'https://x', note: '$HOME `id` @@kc0:A@@' }, secrets: { user: 'bob', password: 'placeholder', key: pem, secretHeaders: { 'X-Key': 'k1' } } };
  const curl = curlCommand({ kibanaUrl: 'https://k:5601', body, isSensitive: (pointer) => pointer !== '/secrets/user' });
  // A `curl` that prints its arguments; the terminal's answers on stdin, in the order asked.
  const script = `curl() { for a in "$@"; do printf '%s\\n---\\n' "$a"; done; }\n${curl}`;
  for (const shell of ['sh', 'bash']) {
    const out = execFileSync(shell, ['-c', script], { input: `API-KEY\nse"cr\\et\n${join(dir, 'key.pem')}\nheader-value\n`, stdio: ['pipe', 'pipe', 'ignore'] }).toString();
    const args = out.split('\n---\n');
    assert.ok(args.includes('Authorization: ApiKey API-KEY'), shell);
    assert.deepEqual(JSON.parse(args.at(-2)), { ...body, secrets: { user: 'bob', password: 'se"cr\\et', key: pem, secretHeaders: { 'X-Key': 'header-value' } } }, shell);
  }
});

test('credentials become the Authorization header', () => {
  assert.equal(authorizationHeader({ method: 'apiKey', apiKey: ' abc== ' }), 'ApiKey abc==');
  assert.equal(authorizationHeader({ method: 'basic', user: 'elastic', password: 'pässword' }), `Basic ${Buffer.from('elastic:pässword').toString('base64')}`);
});

test('Kibana\'s answers in plain words', () => {
  const ok = explainOutcome({ status: 200, json: { id: 'x', name: 'n' } }, { space: 'ops' });
  assert.equal(ok.ok, true);
  assert.match(ok.title, /Created connector "n" \(id x\) in space "ops"/);
  const cases = [
    [{ status: 400, json: { message: 'bad' } }, /400 Bad Request/],
    [{ status: 401, json: { message: 'no' } }, /credentials/],
    [{ status: 403, json: { message: 'license' } }, /403 Forbidden/],
    [{ status: 409, json: { message: 'conflict' } }, /already exists/],
    [{ status: 500, json: { error: 'Internal Server Error', message: 'boom' } }, /Kibana failed/],
    [{ status: 502, json: { message: 'ECONNREFUSED' }, proxy: 'unreachable' }, /could not reach Kibana/],
    [{ status: 504, json: { message: 'late' }, proxy: 'timeout' }, /No answer/],
    [{ failure: 'timeout' }, /No answer/],
    [{ failure: 'network', message: 'Failed to fetch' }, /Could not reach Kibana/],
    [{ status: 502, json: { message: 'Kibana answered 200 with text/html' }, proxy: 'bad-answer' }, /not JSON, or too large/],
    // The direct route: a 2xx that is not JSON (a proxy's login page) is no created connector.
    [{ status: 200, json: null, text: '<html>login</html>' }, /not with a connector/],
  ];
  for (const [outcome, title] of cases) {
    const words = explainOutcome(outcome, { id: 'x', timeoutMs: 30000 });
    assert.equal(words.ok, false);
    assert.match(words.title, title, JSON.stringify(outcome));
  }
  assert.equal(explainOutcome({ status: 500, text: '<html>oops</html>' }).detail, '<html>oops</html>');
});

test('types: search by name, id, search words, category and description; deprecated last', async () => {
  const { searchTypes, groupTypes, categoryOf, CATEGORIES } = await import('../public/types.js');
  const types = [
    { id: '.gen-ai', name: 'OpenAI', minimumLicense: 'enterprise', category: 'ai', description: 'Chat completions from an OpenAI-compatible LLM.', searchWords: ['gpt', 'azure openai'] },
    { id: '.jira', name: 'Jira', minimumLicense: 'gold', category: 'itsm', description: 'Create issues.', searchWords: ['ticket'] },
    { id: '.servicenow', name: 'ServiceNow ITSM', minimumLicense: 'platinum', category: 'itsm', description: 'Create incidents.', searchWords: ['ticket', 'incident'] },
    { id: '.slack', name: 'Slack', minimumLicense: 'gold', category: 'messaging', isDeprecated: true, deprecation: 'Use Slack API.' },
    { id: '.slack_api', name: 'Slack API', minimumLicense: 'gold', category: 'messaging' },
    { id: '.index', name: 'Index', minimumLicense: 'basic' },
  ];
  const ids = (query) => searchTypes(types, query).map((type) => type.id);
  assert.deepEqual(ids('gpt'), ['.gen-ai']);
  assert.deepEqual(ids('azure openai'), ['.gen-ai']);
  assert.deepEqual(ids('ticket'), ['.jira', '.servicenow']);
  assert.deepEqual(ids('incident'), ['.servicenow']);
  assert.deepEqual(ids('slack'), ['.slack_api', '.slack'], 'deprecated last');
  assert.deepEqual(ids('slack_api'), ['.slack_api']);
  assert.deepEqual(ids('nothing-like-it'), []);
  assert.equal(ids('').length, types.length);
  assert.equal(categoryOf({}), 'other');
  assert.equal(categoryOf({ category: 'unheard-of' }), 'other');
  const groups = groupTypes(types);
  assert.deepEqual(groups.map((group) => group.id), ['ai', 'itsm', 'messaging', 'other', 'deprecated']);
  assert.deepEqual(groups.at(-1).types.map((type) => type.id), ['.slack']);
  assert.ok(CATEGORIES.every(([id, label]) => typeof id === 'string' && label.length > 0));
  // Without categories from the core: by license.
  assert.deepEqual(groupTypes(types.map(({ category, ...rest }) => rest), pkg.licenses()).map((group) => group.label), ['Basic license', 'Gold license', 'Platinum license', 'Enterprise license', 'Deprecated']);
});

test('forms: the auth method first and named, one option given; coerced numbers; what is masked', () => {
  // Workday is main's only (as are some spec types): these read main's schemas.
  const main = { kibanaVersion: 'main' };
  const fields = (id) => {
    const form = formOf(pkg.jsonSchema(id, main), HINTS);
    return Object.fromEntries([...walk(form.groups.config.fields), ...walk(form.groups.secrets.fields)].map((spec) => [spec.pointer, spec]));
  };
  const workday = formOf(pkg.jsonSchema('.workday', main), HINTS);
  assert.equal(workday.groups.secrets.fields[0].key, 'authType');
  assert.deepEqual(workday.groups.secrets.fields[0].optionLabels, { oauth_authorization_code: 'OAuth Authorization Code', oauth_client_credentials: 'OAuth Client Credentials' });
  assert.equal(fields('.workday')['/config/authType'].onlyWhenSet, true);
  const zendesk = fields('.zendesk')['/secrets/authType'];
  assert.equal(zendesk.initial, 'basic');
  assert.deepEqual(zendesk.optionLabels, { basic: 'Basic authentication' });
  assert.equal(fields('.gen-ai')['/config/contextWindowLength'].kind, 'number');
  const webhook = fields('.webhook');
  assert.equal(webhook['/secrets/user'].sensitive, false);
  assert.equal(webhook['/secrets/password'].sensitive, true);
  assert.equal(fields('.workday')['/secrets/clientId'].sensitive, false);
  assert.equal(fields('.workday')['/secrets/clientSecret'].sensitive, true);
  assert.equal(fields('.servicenow')['/config/usesTableApi'].initial, false, 'not the deprecated Table API');
});

test('declared modes: .xmatters reads usesBasic as sent', () => {
  const url = modesOf('.xmatters', { '/config/usesBasic': undefined });
  assert.ok(url.shown.includes('/secrets/secretsUrl'), 'an omitted usesBasic is not true for Kibana\'s check');
});

test('the version Kibana reports, and what the page offers when it is not the one checked', () => {
  const canonical = (text) => {
    const report = pkg.validate('{}', { kibanaVersion: text });
    return report.errors.some((e) => e.code === 'invalid_options') ? null : report.kibanaVersion;
  };
  assert.deepEqual(statusVersion({ version: { number: '9.3.2', build_flavor: 'traditional' } }), { number: '9.3.2', snapshot: false, serverless: false });
  for (const odd of [null, {}, { status: { overall: { level: 'available' } } }, { version: 9 }, { version: { number: 9 } }, { version: { number: '<img src=x>' } }, { version: { number: '9'.repeat(41) } }]) {
    assert.equal(statusVersion(odd), null, JSON.stringify(odd));
  }
  const offer = (number, checked, extra = {}) => versionOffer({ number, snapshot: false, serverless: false, ...extra }, checked, canonical);
  assert.equal(offer('9.3.2', '9.3.2'), null);
  assert.equal(offer('9.6.0', '9.6.0'), null);
  assert.equal(offer('9.3.2', '9.6').target, '9.3.2');
  assert.match(offer('9.3.2', '9.6').text, /reports version 9\.3\.2; the body was checked against Kibana 9\.6\./);
  assert.equal(offer('8.19.7', '9.6').target, '8.19.7');
  assert.equal(offer('9.4.0-SNAPSHOT', '9.6').target, '9.4.0');
  // A release the checker does not know: said, nothing to switch to (or main for a development build).
  assert.deepEqual(Object.keys(offer('7.17.3', '9.6')), ['text']);
  assert.match(offer('7.17.3', '9.6').text, /does not answer for/);
  assert.equal(offer('9.7.0', '9.6', { snapshot: true }).target, 'main');
  assert.equal(offer('9.7.0', 'main', { snapshot: true }), null);
  assert.equal(offer('9.4.0', '9.6', { serverless: true }).target, 'main');
  assert.equal(offer('9.4.0', 'main', { serverless: true }), null);
  assert.equal(versionOffer(null, '9.6', canonical), null);
});
