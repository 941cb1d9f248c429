// What the JSON Schemas do not say (yet): which fields apply in which mode, and a few
// presentation hints. The form reads the schema first; this table only fills its gaps.
//
// A rule `{ when, show, require, raw }`:
//   when     { pointer: expected }: every field named is visible and has the expected value
//            (a value, a list of values, or { not: [values] }); a field's default counts,
//            unless `raw`: then the value as sent counts (left out = undefined), for the rules
//            Kibana runs on the request before its defaults apply;
//   show     fields visible only while at least one of their rules holds;
//   require  fields visible (as `show`) and marked required while the rule holds.
// `offer` { pointer: [values] }: the options a select offers (Kibana's own form offers no
// others, or Kibana refuses them); a body that holds another still shows it.
// `choices`: page-only controls that pick which fields apply (no key of the body): each option
// shows its fields; the first option holds while the choice is not offered (`when`).
// `credentials`: settings (config pointers) that choose or hold the authentication: the form
// shows them with the secrets, first.
// A rule that names a field the schema does not have is ignored by the page, but a test
// (www/test/units.test.mjs) fails on one, so the table keeps up with the models; a field of some variants of the schema (`oneOf` on `apiProvider`, as `.gen-ai`
// has) shows only in those, and the table may narrow that further. `nullWhenHidden` fields are
// sent as `null` (not left out) while hidden and set, as Kibana's own forms do.

const HAS_AUTH = '/config/hasAuth';
const AUTH_TYPE = '/config/authType';
const BASIC = 'webhook-authentication-basic';
const SSL = 'webhook-authentication-ssl';
const OAUTH2 = 'webhook-oauth2-client-credentials';
const OAUTH2_PASSWORD = 'webhook-oauth2-password';

/** The settings of Kibana's shared auth schema, shown with the credentials. */
const WEBHOOK_CREDENTIALS = [HAS_AUTH, AUTH_TYPE, '/config/certType', '/config/accessTokenUrl', '/config/clientId',
  '/config/scope', '/config/additionalFields'];

/** `.webhook` and `.cases-webhook`: Kibana's shared auth schema. */
const WEBHOOK_AUTH = {
  credentials: WEBHOOK_CREDENTIALS,
  nullWhenHidden: [AUTH_TYPE],
  // Kibana refuses the password grant for webhooks, and a webhook has no secret query parameters.
  offer: { [AUTH_TYPE]: [BASIC, SSL, OAUTH2] },
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
  credentials: WEBHOOK_CREDENTIALS,
  nullWhenHidden: [AUTH_TYPE],
  offer: {},
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
  credentials: ['/config/isOAuth', '/config/userIdentifierValue', '/config/clientId', '/config/jwtKeyId'],
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
  // Cases webhooks refuse OAuth 2.0 (Kibana: "OAuth2 client credentials is not supported").
  '.cases-webhook': { ...WEBHOOK_AUTH, offer: { [AUTH_TYPE]: [BASIC, SSL] } },
  '.http': HTTP,
  '.mcp': {
    credentials: [HAS_AUTH, AUTH_TYPE, '/config/apiKeyHeaderName'],
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
  // Kibana checks `usesBasic` as sent: left out, it is not true (although it is stored as true).
  '.xmatters': {
    credentials: ['/config/usesBasic'],
    rules: [
      { raw: true, when: { '/config/usesBasic': true }, require: ['/config/configUrl', '/secrets/user', '/secrets/password'] },
      { raw: true, when: { '/config/usesBasic': { not: [true] } }, require: ['/secrets/secretsUrl'] },
    ],
  },
  // PKI certificates instead of an API key: Kibana's form offers them for OpenAI-compatible
  // services (any provider accepts them; a body that holds them shows them).
  '.gen-ai': {
    credentials: ['/config/verificationMode'],
    choices: [{
      key: 'gen-ai-auth',
      group: 'secrets',
      label: 'Authentication method',
      when: { '/config/apiProvider': 'Other' },
      options: [
        { value: 'api-key', label: 'API key', show: ['/secrets/apiKey'] },
        { value: 'pki', label: 'Client certificate (PKI)', show: ['/secrets/certificateData', '/secrets/privateKeyData', '/secrets/caData', '/config/verificationMode'] },
      ],
    }],
  },
  '.email': {
    credentials: [HAS_AUTH, '/config/tenantId', '/config/clientId', '/config/oauthTokenUrl'],
    rules: [
      { when: { '/config/service': { not: EMAIL_NO_HOST } }, show: ['/config/host', '/config/port', '/config/secure'] },
      { when: { '/config/service': 'other' }, require: ['/config/host', '/config/port'] },
      { when: { '/config/service': 'exchange_server' }, require: ['/config/tenantId', '/config/clientId', '/secrets/clientSecret'], show: ['/config/oauthTokenUrl'] },
      { when: { '/config/service': { not: ['exchange_server'] } }, show: [HAS_AUTH] },
      // Kibana asks for a user and a password when `hasAuth` is sent as true; left out (stored as
      // true), it asks for nothing.
      { when: { [HAS_AUTH]: true, '/config/service': { not: ['exchange_server'] } }, show: ['/secrets/user', '/secrets/password'] },
      { raw: true, when: { [HAS_AUTH]: true, '/config/service': { not: ['exchange_server'] } }, require: ['/secrets/user', '/secrets/password'] },
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
    apiProvider: 'Provider',
    certificateData: 'Client certificate',
    privateKeyData: 'Client private key',
    caData: 'Certificate authority (CA)',
    selectedActions: 'Allowed actions',
    secretsUrl: 'URL with the API key',
    configUrl: 'URL',
    tokenEndpointAuthMethod: 'Token endpoint authentication',
    useBasicAuth: 'Send the client credentials with basic authentication',
    apiKeyID: 'API key ID',
  },
  /** Readable names for enum values (the value itself is shown too). */
  optionLabels: {
    true: 'Yes',
    false: 'No',
    post: 'POST',
    put: 'PUT',
    patch: 'PATCH',
    get: 'GET',
    delete: 'DELETE',
    full: 'Full (certificate and host name)',
    certificate: 'Certificate only',
    none: 'None',
    all: 'Alerts and cases',
    alerts: 'Alerts',
    cases: 'Cases',
    bearer: 'Bearer token',
    apiKey: 'API key',
    basic: 'Basic (user and password)',
    us: 'US',
    eu: 'EU',
    jp: 'Japan',
    client_secret_post: 'Client secret in the body',
    client_secret_basic: 'Client secret with basic authentication',
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
    '/secrets/caCert', '/secrets/certificate',
  ]),
  /** Text fields that hold a file's bytes in base64 (a file picker fills them). */
  base64: new Set(['/config/ca', '/secrets/crt', '/secrets/key', '/secrets/pfx']),
  /** Keys of the secrets that are names, addresses or choices, not secrets: shown in the
   *  previews and typed in plain inputs. Everything else under `secrets` is masked. */
  notSensitive: new Set([
    'authType', 'user', 'username', 'email', 'clientId', 'tokenUrl', 'authorizationUrl', 'scope',
    'useBasicAuth', 'tokenEndpointAuthMethod', 'region', 'clusterName', 'tenantId', 'keyId',
    'algorithm', 'certificateBinding', 'verificationMode', 'apiKeyID', 'proxyUsername', 'accountName',
  ]),
  /** What a fresh form starts with where the default is not what Kibana recommends. */
  initial: {
    // ServiceNow's default is the legacy Table API, which Kibana marks as deprecated.
    '/config/usesTableApi': false,
  },
  /** Usual values of free-text fields, offered as suggestions. */
  suggestions: {
    '/config/service': ['other', 'gmail', 'outlook365', 'ses', 'elastic_cloud', 'exchange_server'],
  },
};
