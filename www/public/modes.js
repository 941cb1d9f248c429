// What the JSON Schemas do not say (yet): which fields apply in which mode, and a few
// presentation hints. The form reads the schema first; this table only fills its gaps.
//
// A rule `{ when, show, require }`:
//   when     { pointer: expected }: every field named is visible and has the expected value
//            (a value, a list of values, or { not: [values] }); a field's default counts.
//   show     fields visible only while at least one of their rules holds;
//   require  fields visible (as `show`) and marked required while the rule holds.
// The page ignores a rule that names a field the schema does not have; a test
// (www/test/units.test.mjs) fails on one, so the table keeps up with the models. A field whose
// schema tells its variants apart (`oneOf` on `apiProvider`, as `.gen-ai` does) follows the
// schema, not this table. `nullWhenHidden` fields are sent as `null` (not left out) while hidden,
// as Kibana's own forms do.

const HAS_AUTH = '/config/hasAuth';
const AUTH_TYPE = '/config/authType';
const BASIC = 'webhook-authentication-basic';
const SSL = 'webhook-authentication-ssl';
const OAUTH2 = 'webhook-oauth2-client-credentials';
const OAUTH2_PASSWORD = 'webhook-oauth2-password';

/** `.webhook` and `.cases-webhook`: Kibana's shared auth schema. */
const WEBHOOK_AUTH = {
  nullWhenHidden: [AUTH_TYPE],
  rules: [
    { when: { [HAS_AUTH]: true }, show: [AUTH_TYPE] },
    { when: { [AUTH_TYPE]: [BASIC, OAUTH2_PASSWORD] }, require: ['/secrets/user', '/secrets/password'] },
    { when: { [AUTH_TYPE]: SSL }, require: ['/config/certType'], show: ['/secrets/password'] },
    { when: { '/config/certType': 'ssl-crt-key' }, require: ['/secrets/crt', '/secrets/key'] },
    { when: { '/config/certType': 'ssl-pfx' }, require: ['/secrets/pfx'] },
    {
      when: { [AUTH_TYPE]: OAUTH2 },
      require: ['/config/accessTokenUrl', '/config/clientId', '/secrets/clientSecret'],
      show: ['/config/scope', '/config/additionalFields'],
    },
  ],
};

/** `.http`: the same auth schema, plus the OAuth 2.0 password grant, secret query parameters
 *  and a proxy. */
const HTTP = {
  nullWhenHidden: [AUTH_TYPE],
  rules: [
    ...WEBHOOK_AUTH.rules,
    {
      when: { [AUTH_TYPE]: OAUTH2_PASSWORD },
      require: ['/config/accessTokenUrl'],
      show: ['/config/clientId', '/config/scope', '/config/additionalFields', '/secrets/clientSecret'],
    },
    { when: { [AUTH_TYPE]: 'http-authentication-query-param' }, require: ['/secrets/secretQueryParams'] },
    { when: { '/config/hasProxyAuth': true }, require: ['/config/proxyUrl', '/secrets/proxyUsername', '/secrets/proxyPassword'] },
  ],
};

/** ServiceNow ITSM, SecOps and ITOM: basic authentication or OAuth (JWT). */
const SERVICENOW = {
  rules: [
    { when: { '/config/isOAuth': false }, require: ['/secrets/username', '/secrets/password'] },
    {
      when: { '/config/isOAuth': true },
      require: ['/config/userIdentifierValue', '/config/clientId', '/config/jwtKeyId', '/secrets/clientSecret', '/secrets/privateKey'],
      show: ['/secrets/privateKeyPassword'],
    },
  ],
};

const EMAIL_NO_HOST = ['elastic_cloud', 'exchange_server'];

export const MODES = {
  '.webhook': WEBHOOK_AUTH,
  '.cases-webhook': WEBHOOK_AUTH,
  '.http': HTTP,
  '.mcp': {
    rules: [
      { when: { [HAS_AUTH]: true }, show: [AUTH_TYPE] },
      { when: { [AUTH_TYPE]: 'bearer' }, show: ['/secrets/token'] },
      { when: { [AUTH_TYPE]: 'apiKey' }, show: ['/secrets/apiKey', '/config/apiKeyHeaderName'] },
      { when: { [AUTH_TYPE]: 'basic' }, show: ['/secrets/user', '/secrets/password'] },
    ],
  },
  '.servicenow': SERVICENOW,
  '.servicenow-sir': SERVICENOW,
  '.servicenow-itom': SERVICENOW,
  '.xmatters': {
    rules: [
      { when: { '/config/usesBasic': true }, require: ['/config/configUrl', '/secrets/user', '/secrets/password'] },
      { when: { '/config/usesBasic': false }, require: ['/secrets/secretsUrl'] },
    ],
  },
  '.email': {
    rules: [
      { when: { '/config/service': { not: EMAIL_NO_HOST } }, show: ['/config/host', '/config/port', '/config/secure'] },
      { when: { '/config/service': 'other' }, require: ['/config/host', '/config/port'] },
      { when: { '/config/service': 'exchange_server' }, require: ['/config/tenantId', '/config/clientId', '/secrets/clientSecret'], show: ['/config/oauthTokenUrl'] },
      { when: { '/config/service': { not: ['exchange_server'] } }, show: [HAS_AUTH] },
      { when: { [HAS_AUTH]: true, '/config/service': { not: ['exchange_server'] } }, require: ['/secrets/user'], show: ['/secrets/password'] },
      { when: { '/config/service': { not: ['elastic_cloud'] } }, show: ['/config/allowHtml'] },
    ],
  },
};

/** Presentation hints the schema does not carry (yet). */
export const HINTS = {
  /** Labels better than the key split into words. */
  labels: {
    hasAuth: 'Authenticate',
    authType: 'Authentication method',
    certType: 'Certificate format',
    ca: 'Certificate authority (CA)',
    crt: 'Certificate (CRT)',
    key: 'Private key (KEY)',
    pfx: 'Certificate bundle (PFX)',
    verificationMode: 'Certificate verification',
    isOAuth: 'Use OAuth',
    usesBasic: 'Use basic authentication',
    usesTableApi: 'Use the Table API (legacy)',
    secretHeaders: 'Secret headers',
    webhookUrl: 'Webhook URL',
    allowHtml: 'Allow HTML',
  },
  /** Readable names for enum values (the value itself is shown too). */
  optionLabels: {
    true: 'Yes',
    false: 'No',
    [BASIC]: 'Basic (user and password)',
    [SSL]: 'TLS client certificate',
    [OAUTH2]: 'OAuth 2.0 client credentials',
    [OAUTH2_PASSWORD]: 'OAuth 2.0 password grant',
    'http-authentication-query-param': 'Secret query parameters',
    'ssl-crt-key': 'CRT and KEY files',
    'ssl-pfx': 'PFX file',
  },
  /** Text fields edited in a multi-line box. */
  multiline: new Set([
    '/config/createIncidentJson', '/config/getIncidentJson', '/config/updateIncidentJson',
    '/config/createCommentJson', '/config/additionalFields', '/secrets/privateKey',
  ]),
  /** Text fields that hold a file's bytes in base64 (a file picker fills them). */
  base64: new Set(['/config/ca', '/secrets/crt', '/secrets/key', '/secrets/pfx']),
  /** Usual values of free-text fields, offered as suggestions. */
  suggestions: {
    '/config/service': ['other', 'gmail', 'outlook365', 'ses', 'elastic_cloud', 'exchange_server'],
  },
};
