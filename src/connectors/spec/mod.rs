//! Kibana's "spec" connector types (`@kbn/connector-specs`): one generic implementation of the
//! machinery that turns a single-file connector spec into a connector type, driven by the data
//! in [`declarations`].
//!
//! Kibana: `actions/server/lib/single_file_connectors/{create_connector_from_spec,
//! generate_config_schema, generate_secrets_schema, allowed_hosts_validation}.ts` and
//! `kbn-connector-specs/src/lib/{generate_secrets_schema_from_spec, get_schema_for_auth_type}.ts`
//! with the auth types of `kbn-connector-specs/src/auth_types/`.
//!
//! * config = the spec's `z.object` (its own strictness: a plain `z.object` drops unknown keys,
//!   `.strict()` refuses them) extended with `authType: z.string().optional()` and
//!   `selectedActions: z.array(z.string().max(256)).max(500).nullish()`; its custom validator
//!   checks the fields whose meta says `validate: { allowedHosts: true }` against
//!   `xpack.actions.allowedHosts`, then refuses `selectedActions: []`.
//! * secrets = `z.discriminatedUnion('authType', …)` with one plain `z.object` per auth type of
//!   the spec (the spec's `defaults` become `.default(…)`s; `api_key_header` with `defaults`
//!   becomes one key named after the header), each extended with `authType: z.literal(id)`;
//!   `z.object({})` when the spec has no auth types. Its custom validator refuses `ears`
//!   (`xpack.actions.auth.ears.enabled` defaults to false), then checks the auth fields marked
//!   `allowedHosts` (the OAuth client-credentials token URL, unless the spec defaults it: a
//!   defaulted field is a `ZodDefault` without the marking). `pfx_certificate` is in the union
//!   only while `xpack.actions.webhook.ssl.pfx.enabled` (default true): a `server_check` warning.
//! * Config fields may carry `.regex(pattern, message?)` or `.uuid({ message? })` ([`Pattern`]),
//!   a `.trim()` ([`Field::trim`]: the checks see, and Kibana stores, the trimmed text) and a
//!   `.transform()` ([`Transform`]) whose result Kibana stores.
//! * Only fields marked `validate: { allowedHosts: true }` are checked against the allowlist
//!   (`allowed_hosts_validation.ts`'s `getAllowedHostsKeysFromShape`, used by
//!   `generate_config_schema.ts` on main); the `validate_allowed_hosts.ts` walker that checked
//!   every `format: uri` field unless opted out belongs to an earlier generator without
//!   `selectedActions` and is not what main runs.

pub mod declarations;

use std::marker::PhantomData;

use schemars::{Schema, SchemaGenerator, json_schema};
use serde::{Serialize, Serializer};
use serde_json::{Map, Value};

use crate::catalog::{AuthKind, License};
use crate::connector::{Connector, ConnectorType, Rules};
use crate::js::js_trim;
use crate::pointer::{Segment, escape_pointer};
use crate::report::IssueCode;
use crate::zod::{Limit, Reader, Zod, ZodUrl, check_length, field as field_value};

/// What a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `z.string()`.
    Text,
    /// `z.url()` / `z.string().url()`: trimmed, then WHATWG `new URL()`; the trimmed text is kept.
    Url,
    /// `z.enum([...])`.
    Choice(&'static [&'static str]),
    /// `z.boolean()`.
    Flag,
    /// `z.number()` (finite).
    Number,
}

/// A value a field defaults to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fallback {
    /// A string.
    Text(&'static str),
    /// A boolean.
    Flag(bool),
    /// A number.
    Number(f64),
    /// A list of strings.
    Texts(&'static [&'static str]),
}

impl Fallback {
    fn to_value(self) -> Value {
        match self {
            Self::Text(text) => Value::String(text.to_owned()),
            Self::Texts(texts) => Value::Array(
                texts
                    .iter()
                    .map(|text| Value::String((*text).to_owned()))
                    .collect(),
            ),
            Self::Flag(flag) => Value::Bool(flag),
            Self::Number(number) => {
                serde_json::to_value(crate::zod::JsNumber(number)).unwrap_or(Value::Null)
            }
        }
    }
}

/// Whether a field may be left out.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Presence {
    /// Required.
    Required,
    /// `.optional()`: absent stays absent, `null` is refused.
    Optional,
    /// `.default(value)`: absent becomes the value (not validated), `null` is refused.
    Default(Fallback),
}

/// A string format check: `.regex(pattern, message?)` or `.uuid({ message? })`. The pattern is a
/// test function (the crate has no regex engine) plus its JavaScript source for Zod's issue.
#[derive(Debug, Clone, Copy)]
pub struct Pattern {
    /// The JavaScript regular expression, without slashes (e.g. `^[a-z0-9-]+$`).
    pub source: &'static str,
    /// True when a string matches the pattern.
    pub test: fn(&str) -> bool,
    /// The custom message (`.regex(re, 'message')`), when there is one.
    pub message: Option<&'static str>,
    /// Zod's `format` of the check: `regex` or `uuid`.
    pub format: &'static str,
}

impl PartialEq for Pattern {
    fn eq(&self, other: &Self) -> bool {
        self.source == other.source && self.message == other.message && self.format == other.format
    }
}

impl Pattern {
    /// The issue message: the custom one, else Zod's default for the format.
    fn issue_message(&self) -> String {
        match (self.message, self.format) {
            (Some(message), _) => message.to_owned(),
            (None, "uuid") => "Invalid UUID".to_owned(),
            (None, _) => format!("Invalid string: must match pattern /{}/", self.source),
        }
    }
}

/// Zod 4's `z.uuid()` / `z.string().uuid()` pattern (RFC 9562 versions 1-8, variant 10xx, plus
/// the nil and max UUIDs, both lower case only).
const UUID_SOURCE: &str = "^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$";

/// True when `text` matches [`UUID_SOURCE`].
fn is_uuid(text: &str) -> bool {
    if text == "00000000-0000-0000-0000-000000000000"
        || text == "ffffffff-ffff-ffff-ffff-ffffffffffff"
    {
        return true;
    }
    let bytes = text.as_bytes();
    if bytes.len() != 36 {
        return false;
    }
    bytes.iter().enumerate().all(|(index, byte)| match index {
        8 | 13 | 18 | 23 => *byte == b'-',
        14 => (b'1'..=b'8').contains(byte),
        19 => matches!(byte, b'8' | b'9' | b'a' | b'b' | b'A' | b'B'),
        _ => byte.is_ascii_hexdigit(),
    })
}

/// A `.transform()` on a string field: it runs after the field validated, and Kibana stores
/// its result (the actions framework keeps the parsed config).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transform {
    /// `.transform((val) => val.replace(/\/+$/, ''))`: every trailing `/` removed (the SharePoint
    /// Server and Snowflake specs). The text is the URL check's trimmed text.
    StripTrailingSlashes,
}

impl Transform {
    /// Applies the transform to a validated string.
    fn apply(self, text: &str) -> String {
        match self {
            Self::StripTrailingSlashes => text.trim_end_matches('/').to_owned(),
        }
    }

    /// The sentence the field's description gets.
    const fn doc(self) -> &'static str {
        match self {
            Self::StripTrailingSlashes => " Kibana removes trailing slashes before storing it.",
        }
    }
}

/// One field of a spec's config object or of an auth type's secrets object.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Field {
    /// The key, exactly as Kibana spells it.
    pub key: &'static str,
    /// What it holds.
    pub kind: Kind,
    /// Whether it may be left out.
    pub presence: Presence,
    /// `.min(n)` on a string.
    pub min: Option<usize>,
    /// `.max(n)` on a string.
    pub max: Option<usize>,
    /// The custom message of `.min(n, { message })`, when there is one.
    pub min_message: Option<&'static str>,
    /// `meta({ validate: { allowedHosts: true } })`: checked against `xpack.actions.allowedHosts`.
    pub allowed_hosts: bool,
    /// `.regex(pattern, message?)` on a string (checked after `.min()` / `.max()`).
    pub pattern: Option<Pattern>,
    /// A `.transform()` applied to the validated value before Kibana stores it.
    pub transform: Option<Transform>,
    /// `z.string().trim()` (declared before the length and pattern checks): Zod's overwrite
    /// check replaces the text with its `String.prototype.trim()`, so `.min()` / `.max()` /
    /// `.regex()` judge the trimmed text and Kibana stores it. Like `.regex()`, it has no `when`:
    /// after a type error it does not run.
    pub trim: bool,
    /// Help text for the person filling the form.
    pub doc: &'static str,
}

impl Field {
    /// A required field.
    pub const fn required(key: &'static str, kind: Kind, doc: &'static str) -> Self {
        Self {
            key,
            kind,
            presence: Presence::Required,
            min: None,
            max: None,
            min_message: None,
            allowed_hosts: false,
            pattern: None,
            transform: None,
            trim: false,
            doc,
        }
    }

    /// An `.optional()` field.
    pub const fn optional(key: &'static str, kind: Kind, doc: &'static str) -> Self {
        Self {
            presence: Presence::Optional,
            ..Self::required(key, kind, doc)
        }
    }

    /// A field with a `.default(value)`.
    pub const fn defaults(
        key: &'static str,
        kind: Kind,
        value: Fallback,
        doc: &'static str,
    ) -> Self {
        Self {
            presence: Presence::Default(value),
            ..Self::required(key, kind, doc)
        }
    }

    /// With `.min(n)`.
    #[must_use]
    pub const fn min(self, min: usize) -> Self {
        Self {
            min: Some(min),
            ..self
        }
    }

    /// With `.max(n)`.
    #[must_use]
    pub const fn max(self, max: usize) -> Self {
        Self {
            max: Some(max),
            ..self
        }
    }

    /// With `.min(n, { message })`.
    #[must_use]
    pub const fn min_with(self, min: usize, message: &'static str) -> Self {
        Self {
            min: Some(min),
            min_message: Some(message),
            ..self
        }
    }

    /// Marked `validate: { allowedHosts: true }`.
    #[must_use]
    pub const fn allowed_hosts(self) -> Self {
        Self {
            allowed_hosts: true,
            ..self
        }
    }

    /// With `.regex(pattern)` (`message: None`: Zod's `Invalid string: must match pattern /…/`)
    /// or `.regex(pattern, message)`.
    #[must_use]
    pub const fn regex(
        self,
        source: &'static str,
        test: fn(&str) -> bool,
        message: Option<&'static str>,
    ) -> Self {
        Self {
            pattern: Some(Pattern {
                source,
                test,
                message,
                format: "regex",
            }),
            ..self
        }
    }

    /// With `.trim()` before its other checks (see [`Field::trim`]).
    #[must_use]
    pub const fn trim(self) -> Self {
        Self { trim: true, ..self }
    }

    /// With `.transform((val) => val.replace(/\/+$/, ''))`.
    #[must_use]
    pub const fn strip_trailing_slashes(self) -> Self {
        Self {
            transform: Some(Transform::StripTrailingSlashes),
            ..self
        }
    }

    /// With `.refine(test, { message })`: Zod's `custom` issue with the message when `test` fails.
    /// `source` is a JavaScript regular expression equivalent to `test`, for the JSON Schema.
    #[must_use]
    pub const fn refine(
        self,
        source: &'static str,
        test: fn(&str) -> bool,
        message: &'static str,
    ) -> Self {
        Self {
            pattern: Some(Pattern {
                source,
                test,
                message: Some(message),
                format: "refine",
            }),
            ..self
        }
    }

    /// With `.uuid()` (`message: None`: Zod's `Invalid UUID`) or `.uuid({ message })`.
    #[must_use]
    pub const fn uuid(self, message: Option<&'static str>) -> Self {
        Self {
            pattern: Some(Pattern {
                source: UUID_SOURCE,
                test: is_uuid,
                message,
                format: "uuid",
            }),
            ..self
        }
    }
}

/// How a Zod object treats keys it does not define.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unknown {
    /// Plain `z.object`: dropped without an issue.
    Strip,
    /// `.strict()`: `Unrecognized key`.
    Refuse,
}

/// One entry of a spec's `auth.types`: the auth type and the spec's `defaults` for it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AuthType {
    /// The auth type.
    pub kind: AuthKind,
    /// The spec's `defaults` (`None` when the entry is a bare id or has no `defaults`).
    pub defaults: Option<&'static [(&'static str, Fallback)]>,
}

impl AuthType {
    /// A bare auth type id (`types: ['bearer']`).
    pub const fn plain(kind: AuthKind) -> Self {
        Self {
            kind,
            defaults: None,
        }
    }

    /// `{ type, defaults }`.
    pub const fn with(kind: AuthKind, defaults: &'static [(&'static str, Fallback)]) -> Self {
        Self {
            kind,
            defaults: Some(defaults),
        }
    }

    /// The fields of the secrets object for this auth type (without `authType`).
    pub fn fields(&self) -> Vec<Field> {
        if self.kind == AuthKind::ApiKeyQuery {
            return api_key_query_fields(self.defaults);
        }
        let base = base_fields(self.kind);
        if let (AuthKind::ApiKeyHeader, Some(defaults)) = (self.kind, self.defaults) {
            // `normalizeSchema`: one key named after `defaults.headerField` (or `Api-Key`),
            // holding the API key; the other defaults are ignored.
            let header = defaults
                .iter()
                .find_map(|(key, value)| match (*key, value) {
                    ("headerField", Fallback::Text(text)) => Some(*text),
                    _ => None,
                })
                .unwrap_or("Api-Key");
            return vec![Field {
                key: header,
                ..api_key_field()
            }];
        }
        base.into_iter()
            .map(|field| {
                let fallback = self
                    .defaults
                    .and_then(|d| d.iter().find(|(key, _)| *key == field.key))
                    .map(|(_, value)| *value);
                match fallback {
                    // `getSchemaForAuthType` wraps the field in `.default(value)`: the new
                    // `ZodDefault` carries no meta of its own, so `getMeta` no longer sees the
                    // field's `validate: { allowedHosts: true }` and Kibana does not check it.
                    Some(value) => Field {
                        presence: Presence::Default(value),
                        allowed_hosts: false,
                        ..field
                    },
                    None => field,
                }
            })
            .collect()
    }
}

const API_KEY_REQUIRED: &str = "API key is required";

fn api_key_field() -> Field {
    Field::required("apiKey", Kind::Text, "The API key.").min_with(1, API_KEY_REQUIRED)
}

const TOKEN_ENDPOINT_AUTH_METHODS: &[&str] = &["client_secret_post", "client_secret_basic"];

/// The auth types' own schemas (`auth_types/*.ts`).
fn base_fields(kind: AuthKind) -> Vec<Field> {
    match kind {
        AuthKind::None => Vec::new(),
        AuthKind::Basic => vec![
            Field::required("username", Kind::Text, "The user name.")
                .min_with(1, "Username is required"),
            Field::required("password", Kind::Text, "The password.")
                .min_with(1, "Password is required"),
        ],
        AuthKind::Bearer => vec![
            Field::required(
                "token",
                Kind::Text,
                "The token, sent as `Authorization: Bearer <token>`.",
            )
            .min_with(1, "Token is required"),
        ],
        AuthKind::ApiKeyHeader => vec![
            Field::defaults(
                "headerField",
                Kind::Text,
                Fallback::Text("Api-Key"),
                "The header that carries the API key.",
            )
            .min_with(1, "Header field is required"),
            api_key_field(),
        ],
        AuthKind::OAuthClientCredentials => vec![
            Field::required("tokenUrl", Kind::Url, "The OAuth 2.0 token endpoint.").allowed_hosts(),
            Field::required("clientId", Kind::Text, "The OAuth client id.")
                .min_with(1, "Client ID is required"),
            Field::optional(
                "scope",
                Kind::Text,
                "The scopes to request, separated by spaces.",
            ),
            Field::required("clientSecret", Kind::Text, "The OAuth client secret.")
                .min_with(1, "Client secret is required"),
            Field::optional(
                "tokenEndpointAuthMethod",
                Kind::Choice(TOKEN_ENDPOINT_AUTH_METHODS),
                "How the client authenticates to the token endpoint.",
            ),
        ],
        AuthKind::OAuthAuthorizationCode => vec![
            Field::required(
                "authorizationUrl",
                Kind::Url,
                "The OAuth 2.0 authorization endpoint.",
            ),
            Field::required("tokenUrl", Kind::Url, "The OAuth 2.0 token endpoint."),
            Field::required("clientId", Kind::Text, "The OAuth client id.")
                .min_with(1, "Client ID is required"),
            Field::optional(
                "scope",
                Kind::Text,
                "The scopes to request, separated by spaces.",
            ),
            Field::required("clientSecret", Kind::Text, "The OAuth client secret.")
                .min_with(1, "Client secret is required"),
            // `z.boolean().default(true).optional()`: absent becomes `true`.
            Field::defaults(
                "useBasicAuth",
                Kind::Flag,
                Fallback::Flag(true),
                "Send the client credentials to the token endpoint with HTTP basic authentication.",
            ),
        ],
        AuthKind::AwsCredentials
        | AuthKind::AzureSharedKey
        | AuthKind::GcpServiceAccount
        | AuthKind::CrtCertificate
        | AuthKind::PfxCertificate
        | AuthKind::Ears
        | AuthKind::OAuthClientCredentialsPrivateKeyJwt
        | AuthKind::Relay => more_fields(kind),
        AuthKind::ApiKeyQuery => api_key_query_fields(None),
        AuthKind::ApiKeyHeaderWithTls
        | AuthKind::BearerWithTls
        | AuthKind::KubernetesGke
        | AuthKind::KubernetesEks
        | AuthKind::KubernetesAks => tls_fields(kind),
    }
}

/// The schemas of the signing, certificate and proxied auth types.
fn more_fields(kind: AuthKind) -> Vec<Field> {
    match kind {
        AuthKind::AwsCredentials => vec![
            Field::required("accessKeyId", Kind::Text, "The AWS access key ID.")
                .min_with(1, "Access Key ID is required"),
            Field::required("secretAccessKey", Kind::Text, "The AWS secret access key.")
                .min_with(1, "Secret Access Key is required"),
        ],
        AuthKind::AzureSharedKey => vec![
            Field::required("accountName", Kind::Text, "The Azure storage account name.")
                .min_with(1, "Enter a storage account name."),
            Field::required(
                "accountKey",
                Kind::Text,
                "The Azure storage account key (base64), used to sign each request.",
            )
            .min_with(1, "Enter a storage account key."),
        ],
        AuthKind::GcpServiceAccount => vec![
            Field::required(
                "serviceAccountJson",
                Kind::Text,
                "The contents of the GCP service account JSON key file.",
            )
            .min_with(1, "Service Account JSON is required"),
            Field::optional(
                "scope",
                Kind::Text,
                "The OAuth scope of the access token (default https://www.googleapis.com/auth/cloud-platform).",
            ),
        ],
        AuthKind::CrtCertificate => vec![
            Field::required("crt", Kind::Text, "The client certificate (base64)."),
            Field::required(
                "key",
                Kind::Text,
                "The client certificate's private key (base64).",
            ),
            Field::optional("passphrase", Kind::Text, "The private key's passphrase."),
            Field::optional("ca", Kind::Text, "The certificate authority (base64)."),
            Field::optional(
                "verificationMode",
                Kind::Choice(VERIFICATION_MODES),
                "How the server certificate is verified.",
            ),
        ],
        AuthKind::PfxCertificate => vec![
            Field::required("pfx", Kind::Text, "The PKCS #12 bundle (base64)."),
            Field::optional("passphrase", Kind::Text, "The bundle's passphrase."),
            Field::optional("ca", Kind::Text, "The certificate authority (base64)."),
            Field::optional(
                "verificationMode",
                Kind::Choice(VERIFICATION_MODES),
                "How the server certificate is verified.",
            ),
        ],
        AuthKind::Ears => vec![
            Field::required(
                "provider",
                Kind::Choice(EARS_PROVIDERS),
                "The identity provider EARS signs in with.",
            ),
            Field::optional(
                "scope",
                Kind::Text,
                "The scopes to request, separated by spaces.",
            ),
        ],
        AuthKind::OAuthClientCredentialsPrivateKeyJwt => private_key_jwt_fields(),
        // `auth_types/relay.ts`: `tenantKey: z.string().min(1)` (Zod's own message).
        AuthKind::Relay => vec![
            Field::required(
                "tenantKey",
                Kind::Text,
                "The Relay workspace (tenant) the connector speaks for.",
            )
            .min(1),
        ],
        AuthKind::None
        | AuthKind::Basic
        | AuthKind::Bearer
        | AuthKind::ApiKeyHeader
        | AuthKind::OAuthClientCredentials
        | AuthKind::OAuthAuthorizationCode => base_fields(kind),
        AuthKind::ApiKeyQuery => api_key_query_fields(None),
        AuthKind::ApiKeyHeaderWithTls
        | AuthKind::BearerWithTls
        | AuthKind::KubernetesGke
        | AuthKind::KubernetesEks
        | AuthKind::KubernetesAks => tls_fields(kind),
    }
}

/// `api_key_query` after `getSchemaForAuthType` (`auth_types/api_key_query.ts`): its
/// `normalizeSchema` always replaces the schema (it runs with or without `defaults`), with one
/// required string per non-empty name in `defaults.paramNames`, or the single `apiKey` field when
/// there is none. `paramNames` itself is never a secret.
fn api_key_query_fields(defaults: Option<&'static [(&'static str, Fallback)]>) -> Vec<Field> {
    let names: Vec<&'static str> = defaults
        .and_then(|d| {
            d.iter().find_map(|(key, value)| match (*key, value) {
                ("paramNames", Fallback::Texts(names)) => Some(*names),
                _ => None,
            })
        })
        .unwrap_or(&[])
        .iter()
        .copied()
        .filter(|name| !name.is_empty())
        .collect();
    if names.is_empty() {
        return vec![
            Field::required(
                "apiKey",
                Kind::Text,
                "The API key, sent as a query parameter.",
            )
            .min_with(1, API_KEY_QUERY_REQUIRED),
        ];
    }
    names
        .into_iter()
        .map(|name| {
            Field::required(
                name,
                Kind::Text,
                "A credential sent as this URL query parameter.",
            )
            .min_with(1, API_KEY_QUERY_REQUIRED)
        })
        .collect()
}

/// `API_KEY_QUERY_REQUIRED_MESSAGE`: its text was not found in any stored version of
/// `translations.ts`; the route refuses an empty string before this `.min(1)` runs, so Kibana's
/// answer never shows it.
const API_KEY_QUERY_REQUIRED: &str = API_KEY_REQUIRED;

/// The schemas of the auth types with an optional PEM CA and verification mode (`api_key_header_with_tls.ts`, `bearer_with_tls.ts`,
/// `kubernetes_{gke,eks,aks}.ts`, their fields from `pem_ca_tls_schema.ts`; messages from
/// `translations.ts`).
fn tls_fields(kind: AuthKind) -> Vec<Field> {
    let mut fields = match kind {
        AuthKind::ApiKeyHeaderWithTls => vec![
            Field::required(
                "apiKey",
                Kind::Text,
                "The API key, sent as `Authorization: <key>` (no `Bearer` prefix).",
            )
            .min_with(1, API_KEY_REQUIRED),
        ],
        AuthKind::BearerWithTls => vec![
            Field::required(
                "token",
                Kind::Text,
                "The API token, sent as `Authorization: Bearer <token>`.",
            )
            .min_with(1, "An API token is required."),
        ],
        AuthKind::KubernetesGke => vec![
            Field::required(
                "serviceAccountJson",
                Kind::Text,
                "The JSON key of a GCP service account authorized on the cluster.",
            )
            .min_with(1, "A GCP service account JSON key is required."),
        ],
        AuthKind::KubernetesEks => vec![
            Field::required("accessKeyId", Kind::Text, "The AWS access key ID.")
                .min_with(1, "An AWS access key ID is required."),
            Field::required("secretAccessKey", Kind::Text, "The AWS secret access key.")
                .min_with(1, "An AWS secret access key is required."),
            Field::required(
                "region",
                Kind::Text,
                "The AWS region the EKS cluster runs in, for example us-east-1.",
            )
            .min_with(1, "The AWS region of the EKS cluster is required."),
            Field::required("clusterName", Kind::Text, "The name of the EKS cluster.")
                .min_with(1, "The EKS cluster name is required."),
        ],
        AuthKind::KubernetesAks => vec![
            Field::required("tenantId", Kind::Text, "The Microsoft Entra tenant ID.")
                .min_with(1, "The Microsoft Entra tenant ID is required."),
            Field::required(
                "clientId",
                Kind::Text,
                "The application (client) ID of the service principal.",
            )
            .min_with(
                1,
                "The application (client) ID of the service principal is required.",
            ),
            Field::required(
                "clientSecret",
                Kind::Text,
                "The client secret of the service principal.",
            )
            .min_with(1, "The client secret of the service principal is required."),
        ],
        _ => return Vec::new(),
    };
    fields.extend([
        Field::optional(
            "caCert",
            Kind::Text,
            "The PEM-encoded certificate authority that verifies the server.",
        ),
        Field::optional(
            "verificationMode",
            Kind::Choice(VERIFICATION_MODES),
            "How the server's TLS certificate is verified.",
        ),
    ]);
    fields
}

#[cfg(test)]
mod query_and_tls_tests {
    use super::*;
    use serde_json::json;

    fn keys(auth: AuthType) -> Vec<&'static str> {
        auth.fields().iter().map(|f| f.key).collect()
    }

    #[test]
    fn api_key_query_takes_its_param_names() {
        let trello = AuthType::with(
            AuthKind::ApiKeyQuery,
            &[("paramNames", Fallback::Texts(&["key", "", "token"]))],
        );
        assert_eq!(keys(trello), vec!["key", "token"]);
        assert_eq!(keys(AuthType::plain(AuthKind::ApiKeyQuery)), vec!["apiKey"]);
        assert_eq!(
            keys(AuthType::with(AuthKind::ApiKeyQuery, &[])),
            vec!["apiKey"]
        );
    }

    #[test]
    fn tls_auth_types_end_with_the_pem_ca_fields() {
        for kind in [
            AuthKind::ApiKeyHeaderWithTls,
            AuthKind::BearerWithTls,
            AuthKind::KubernetesGke,
            AuthKind::KubernetesEks,
            AuthKind::KubernetesAks,
        ] {
            let found = keys(AuthType::plain(kind));
            assert_eq!(
                found.get(found.len() - 2..),
                Some(&["caCert", "verificationMode"][..])
            );
        }
    }

    #[test]
    fn strip_trailing_slashes_runs_after_the_url_check() {
        let field = Field::required("siteUrl", Kind::Url, "A URL.").strip_trailing_slashes();
        let mut reader = Reader::new();
        let outcome = read_field(
            &field,
            Some(&json!(" https://a.example.com/x// ")),
            &mut reader,
        );
        assert!(
            matches!(outcome, Outcome::Value(Value::String(ref t)) if t == "https://a.example.com/x")
        );
        let outcome = read_field(&field, Some(&json!("nope/")), &mut reader);
        assert!(matches!(outcome, Outcome::Failed));
    }
}

const JWT_ALGORITHMS: &[&str] = &["PS256", "RS256", "ES256"];
const CERTIFICATE_BINDINGS: &[&str] = &["x5t#S256", "x5c", "kid"];

/// `v === '' || /-----BEGIN CERTIFICATE-----/.test(v)`.
fn is_certificate_or_empty(text: &str) -> bool {
    text.is_empty() || text.contains("-----BEGIN CERTIFICATE-----")
}

/// `/-----BEGIN (?:RSA |ENCRYPTED )?PRIVATE KEY-----/.test(v)` (unanchored).
fn has_private_key_marker(text: &str) -> bool {
    [
        "-----BEGIN PRIVATE KEY-----",
        "-----BEGIN RSA PRIVATE KEY-----",
        "-----BEGIN ENCRYPTED PRIVATE KEY-----",
    ]
    .iter()
    .any(|marker| text.contains(marker))
}

/// `auth_types/oauth_client_credentials_private_key_jwt.ts` (stored version 96ed4a42), with the
/// messages of `auth_types/translations.ts`. `tokenUrl` is marked `validate: { allowedHosts: true }`;
/// `algorithm` and `certificateBinding` carry their own `.default()`s.
fn private_key_jwt_fields() -> Vec<Field> {
    vec![
        Field::required("tokenUrl", Kind::Url, "The OAuth 2.0 token endpoint.").allowed_hosts(),
        Field::required("clientId", Kind::Text, "The OAuth client id.")
            .min_with(1, "Client ID is required"),
        Field::optional(
            "scope",
            Kind::Text,
            "The scopes to request, separated by spaces.",
        ),
        Field::defaults(
            "algorithm",
            Kind::Choice(JWT_ALGORITHMS),
            Fallback::Text("PS256"),
            "The algorithm that signs the client assertion (Microsoft Entra: PS256; Okta, Auth0: RS256).",
        ),
        Field::defaults(
            "certificateBinding",
            Kind::Choice(CERTIFICATE_BINDINGS),
            Fallback::Text("x5t#S256"),
            "How the assertion names its certificate: SHA-256 thumbprint, certificate chain or key id.",
        ),
        Field::optional(
            "certificate",
            Kind::Text,
            "The client certificate (PEM), for the x5t#S256 and x5c bindings.",
        )
        .refine(
            "^$|-----BEGIN CERTIFICATE-----",
            is_certificate_or_empty,
            "Certificate must be a PEM-encoded X.509 certificate.",
        ),
        Field::optional("keyId", Kind::Text, "The key id, for the kid binding."),
        Field::required(
            "privateKey",
            Kind::Text,
            "The private key (PEM) that signs the client assertion.",
        )
        .min_with(1, "Private key is required.")
        .refine(
            "-----BEGIN (?:RSA |ENCRYPTED )?PRIVATE KEY-----",
            has_private_key_marker,
            "Private key must be a PEM-encoded RSA or PKCS#8 key.",
        ),
        Field::optional("passphrase", Kind::Text, "The private key's passphrase."),
    ]
}

const VERIFICATION_MODES: &[&str] = &["none", "certificate", "full"];
const EARS_PROVIDERS: &[&str] = &["google", "microsoft", "slack"];

/// `generateSecretsSchema`'s custom validator, for `authType: 'ears'`: EARS is off by default
/// (`xpack.actions.auth.ears.enabled: false`), and this check comes first. The validator's
/// second EARS check (an auth type marked `isExperimental` while
/// `xpack.actions.auth.ears.enableExperimental` is off: `EARS OAuth authentication is not enabled
/// for the "<provider>" provider. Enable it via xpack.actions.auth.ears.enableExperimental in
/// kibana.yml.`) is never reached with the default settings.
const EARS_DISABLED: &str = "EARS OAuth authentication is not enabled. Enable it via xpack.actions.auth.ears.enabled in kibana.yml.";

/// One spec connector type, as data.
#[derive(Debug, Clone, Copy)]
pub struct SpecDef {
    /// `metadata.id`.
    pub id: &'static str,
    /// `metadata.displayName`.
    pub name: &'static str,
    /// `metadata.minimumLicense`.
    pub license: License,
    /// `metadata.supportedFeatureIds`.
    pub features: &'static [&'static str],
    /// What the connector does (the spec's description), for the schema.
    pub description: &'static str,
    /// The spec's config fields (`spec.schema`), in order; empty when it has none.
    pub config: &'static [Field],
    /// How the spec's config object treats unknown keys.
    pub unknown: Unknown,
    /// `auth.types`, in order.
    pub auth: &'static [AuthType],
}

/// A spec connector type: a marker type carrying its [`SpecDef`].
pub trait Spec: 'static {
    /// The spec.
    const DEF: SpecDef;
}

/// The registry row of a spec connector type.
pub const fn connector_type<S: Spec>() -> ConnectorType {
    ConnectorType::of::<SpecConnector<S>>(S::DEF.id, S::DEF.name, S::DEF.license, S::DEF.features)
}

/// The fields `generateConfigSchema` adds to every spec's config.
fn added_fields() -> [Field; 1] {
    [Field::optional(
        "authType",
        Kind::Text,
        "The auth type the connector uses (Kibana keeps it in the config too).",
    )]
}

const SELECTED_ACTIONS: &str = "selectedActions";
const MAX_SELECTED_ACTIONS: usize = 500;
const MAX_ACTION_NAME: usize = 256;

/// What reading one field gave.
enum Outcome {
    /// The field had a problem (recorded in the reader).
    Failed,
    /// An optional field was left out: it stays out of the stored object.
    Absent,
    /// The value to store.
    Value(Value),
}

/// Reads one field.
fn read_field(field: &Field, input: Option<&Value>, reader: &mut Reader) -> Outcome {
    match (input, field.presence) {
        (None, Presence::Optional) => return Outcome::Absent,
        // Zod returns a default without validating it.
        (None, Presence::Default(value)) => return Outcome::Value(value.to_value()),
        _ => {}
    }
    let value = match field.kind {
        Kind::Text => String::read(input, reader).map(Value::String),
        Kind::Url => ZodUrl::read(input, reader).map(|url| Value::String(url.0)),
        Kind::Flag => bool::read(input, reader).map(Value::Bool),
        Kind::Number => {
            crate::zod::JsNumber::read(input, reader).and_then(|n| serde_json::to_value(n).ok())
        }
        Kind::Choice(options) => match input.and_then(Value::as_str) {
            Some(text) if options.contains(&text) => Some(Value::String(text.to_owned())),
            _ => {
                reader.invalid_option(options, input);
                None
            }
        },
    };
    // `.trim()`: the later checks and the stored value see the trimmed text (a non-string was
    // refused above, and the overwrite does not run after a type error).
    let trimmed = match (field.trim, input) {
        (true, Some(Value::String(text))) => Some(Value::String(js_trim(text).to_owned())),
        _ => None,
    };
    let value = match (&trimmed, value) {
        (Some(text), Some(_)) => Some(text.clone()),
        (_, value) => value,
    };
    let input = trimmed.as_ref().or(input);
    // `.min()` / `.max()` run on anything with a length, even after a type error.
    let mut ok = value.is_some();
    if let Some(min) = field.min {
        ok &= match field.min_message {
            None => check_length(input, reader, Limit::Min, min),
            Some(message) => {
                // `.min(n, { message })`: Zod's issue with the spec's message.
                let mut scratch = Reader::new();
                let passed = check_length(input, &mut scratch, Limit::Min, min);
                for issue in scratch.into_issues() {
                    reader.push(issue.code, message.to_owned(), issue.params);
                }
                passed
            }
        };
    }
    if let Some(max) = field.max {
        ok &= check_length(input, reader, Limit::Max, max);
    }
    // `.regex()` / `.uuid()` have no `when`: they run only on a string (after a type error Zod
    // stops).
    if let (Some(pattern), Some(Value::String(text))) = (field.pattern, input)
        && !(pattern.test)(text)
    {
        reader.push(
            IssueCode::InvalidValue,
            pattern.issue_message(),
            Some(serde_json::json!({ "format": pattern.format, "pattern": pattern.source })),
        );
        ok = false;
    }
    match value {
        Some(Value::String(text)) if ok => Outcome::Value(Value::String(match field.transform {
            Some(transform) => transform.apply(&text),
            None => text,
        })),
        Some(value) if ok => Outcome::Value(value),
        _ => Outcome::Failed,
    }
}

/// Parsed values in the schema's order, as Kibana stores them. A short list, not a map: a spec
/// object has a handful of keys, and reading builds one on every call.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParsedFields(Vec<(&'static str, Value)>);

impl ParsedFields {
    /// The value stored under `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find_map(|(k, v)| (*k == key).then_some(v))
    }

    fn push(&mut self, key: &'static str, value: Value) {
        self.0.push((key, value));
    }

    /// The values as a JSON object.
    pub fn to_map(&self) -> Map<String, Value> {
        self.0
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect()
    }
}

impl Serialize for ParsedFields {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        serializer.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

/// Reads the fields of a plain `z.object` in order (unknown keys dropped).
fn read_fields<'f>(
    fields: impl IntoIterator<Item = &'f Field>,
    map: &Map<String, Value>,
    reader: &mut Reader,
) -> Option<ParsedFields> {
    let mut out = ParsedFields::default();
    let mut ok = true;
    for field in fields {
        let value = field_value(map, field.key);
        match reader.at(Segment::Key(field.key.into()), |r| {
            read_field(field, value, r)
        }) {
            Outcome::Value(value) => out.push(field.key, value),
            Outcome::Absent => {}
            Outcome::Failed => ok = false,
        }
    }
    ok.then_some(out)
}

/// `z.array(z.string().max(256)).max(500).nullish()`.
fn read_selected_actions(input: Option<&Value>, reader: &mut Reader) -> Outcome {
    match input {
        None => return Outcome::Absent,
        Some(Value::Null) => return Outcome::Value(Value::Null),
        _ => {}
    }
    let items = <Vec<SelectedAction>>::read(input, reader);
    let long_enough = check_length(input, reader, Limit::Max, MAX_SELECTED_ACTIONS);
    match items {
        Some(items) if long_enough => Outcome::Value(Value::Array(
            items.into_iter().map(|i| Value::String(i.0)).collect(),
        )),
        _ => Outcome::Failed,
    }
}

/// `z.string().max(256)`: one action name.
struct SelectedAction(String);

impl Zod for SelectedAction {
    fn read(input: Option<&Value>, reader: &mut Reader) -> Option<Self> {
        let text = String::read(input, reader);
        let short_enough = check_length(input, reader, Limit::Max, MAX_ACTION_NAME);
        text.filter(|_| short_enough).map(Self)
    }

    fn schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "maxLength": MAX_ACTION_NAME })
    }
}

/// The config of a spec connector, as Kibana stores it (keys in the schema's order).
#[derive(Debug, Clone, PartialEq)]
pub struct SpecConfig<S> {
    /// The parsed values.
    pub values: ParsedFields,
    spec: PhantomData<S>,
}

impl<S: Spec> Zod for SpecConfig<S> {
    fn read(input: Option<&Value>, reader: &mut Reader) -> Option<Self> {
        read_config(&S::DEF, input, reader).map(|values| Self {
            values,
            spec: PhantomData,
        })
    }

    fn schema(generator: &mut SchemaGenerator) -> Schema {
        config_schema(&S::DEF, generator)
    }
}

#[inline(never)]
fn read_config(def: &SpecDef, input: Option<&Value>, reader: &mut Reader) -> Option<ParsedFields> {
    let map = reader.object(input)?;
    let added = added_fields();
    let fields = || def.config.iter().chain(&added);
    let mark = reader.mark();
    // Read the spec's fields and `authType`, then `selectedActions` (the last key of the
    // extended shape); unknown keys are judged after the whole shape, as Zod does.
    let read = read_fields(fields(), map, reader);
    let mut ok = read.is_some();
    let mut out = read.unwrap_or_default();
    let selected = field_value(map, SELECTED_ACTIONS);
    match reader.at(Segment::Key(SELECTED_ACTIONS.into()), |r| {
        read_selected_actions(selected, r)
    }) {
        Outcome::Value(value) => out.push(SELECTED_ACTIONS, value),
        Outcome::Absent => {}
        Outcome::Failed => ok = false,
    }
    if def.unknown == Unknown::Refuse {
        let known: Vec<&str> = fields().map(|f| f.key).chain([SELECTED_ACTIONS]).collect();
        reader.reject_unknown_keys(map, &known);
    }
    (ok && reader.clean_since(mark)).then_some(out)
}

#[inline(never)]
fn config_schema(def: &SpecDef, generator: &mut SchemaGenerator) -> Schema {
    let mut fields: Vec<Field> = def.config.to_vec();
    fields.extend(added_fields());
    let mut schema = object_schema(&fields, def.unknown, None);
    if let Some(Value::Object(properties)) = schema.get_mut("properties") {
        let mut selected = <Vec<SelectedAction>>::schema(generator);
        selected.insert("maxItems".to_owned(), Value::from(MAX_SELECTED_ACTIONS));
        let mut selected = crate::zod::nullable_schema(selected);
        crate::model::describe(
            &mut selected,
            &[
                "The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action.",
            ],
        );
        properties.insert(SELECTED_ACTIONS.to_owned(), selected.to_value());
    }
    crate::model::describe(
        &mut schema,
        &[&format!(
            "Settings of a {} connector. {}",
            def.name, def.description
        )],
    );
    schema
}

impl<S> Serialize for SpecConfig<S> {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        self.values.serialize(serializer)
    }
}

/// The secrets of a spec connector, as Kibana stores them.
#[derive(Debug, Clone, PartialEq)]
pub struct SpecSecrets<S> {
    /// The parsed values (`authType` last).
    pub values: ParsedFields,
    /// The auth type the secrets chose, when the spec has auth types.
    pub auth: Option<AuthType>,
    spec: PhantomData<S>,
}

const AUTH_TYPE: &str = "authType";

impl<S: Spec> Zod for SpecSecrets<S> {
    fn read(input: Option<&Value>, reader: &mut Reader) -> Option<Self> {
        read_secrets(&S::DEF, input, reader).map(|(values, auth)| Self {
            values,
            auth,
            spec: PhantomData,
        })
    }

    fn schema(_: &mut SchemaGenerator) -> Schema {
        secrets_schema(&S::DEF)
    }
}

#[inline(never)]
fn read_secrets(
    def: &SpecDef,
    input: Option<&Value>,
    reader: &mut Reader,
) -> Option<(ParsedFields, Option<AuthType>)> {
    let map = reader.object(input)?;
    let auth_types = def.auth;
    if auth_types.is_empty() {
        // `z.object({})`: every key dropped.
        return Some((ParsedFields::default(), None));
    }
    let discriminator = field_value(map, AUTH_TYPE);
    let chosen = discriminator
        .and_then(Value::as_str)
        .and_then(|id| auth_types.iter().find(|a| a.kind.id() == id));
    let Some(auth) = chosen else {
        // No matching discriminator: Zod's discriminator issue at `authType`.
        let ids: Vec<&str> = auth_types.iter().map(|a| a.kind.id()).collect();
        reader.at(Segment::Key(AUTH_TYPE.into()), |r| {
            r.invalid_discriminator(&ids, discriminator);
        });
        return None;
    };
    let mut values = read_fields(&auth.fields(), map, reader)?;
    values.push(AUTH_TYPE, Value::String(auth.kind.id().to_owned()));
    Some((values, Some(*auth)))
}

#[inline(never)]
fn secrets_schema(def: &SpecDef) -> Schema {
    let auth_types = def.auth;
    if auth_types.is_empty() {
        let mut schema =
            json_schema!({ "type": "object", "properties": {}, "additionalProperties": true });
        crate::model::describe(
            &mut schema,
            &[&format!("A {} connector has no secrets.", def.name)],
        );
        return schema;
    }
    // `ears` parses, but the secrets validator refuses it while `xpack.actions.auth.ears.enabled`
    // is off (its default), and `relay` is an auth type Kibana sets itself, refused on create and
    // update: with Kibana's defaults no body with either is accepted, so the schema leaves them
    // out of the options.
    let options: Vec<Value> = auth_types
        .iter()
        .filter(|auth| auth.kind != AuthKind::Ears && !auth.kind.is_kibana_managed())
        .map(|auth| object_schema(&auth.fields(), Unknown::Strip, Some(auth.kind)).to_value())
        .collect();
    let mut schema = json_schema!({ "type": "object", "oneOf": options });
    let mut ears_note = String::new();
    if auth_types.iter().any(|auth| auth.kind == AuthKind::Ears) {
        ears_note.push_str(" Kibana also offers `ears` (Elastic-managed OAuth), refused unless `xpack.actions.auth.ears.enabled` is true (default false).");
    }
    if auth_types.iter().any(|auth| auth.kind == AuthKind::Relay) {
        ears_note.push_str(" `relay` is set by Kibana itself and cannot be chosen when creating or updating a connector.");
    }
    crate::model::describe(
        &mut schema,
        &[&format!(
            "Credentials of a {} connector: `authType` chooses the authentication, the other keys are its credentials.{ears_note}",
            def.name
        )],
    );
    schema
}

impl<S> Serialize for SpecSecrets<S> {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        self.values.serialize(serializer)
    }
}

/// The JSON Schema of a field.
fn field_schema(field: &Field) -> Schema {
    let mut schema = match field.kind {
        // A URL has no `format: uri`: that is RFC 3986, which refuses URLs the WHATWG parser
        // accepts (and Zod trims the text first).
        Kind::Text | Kind::Url => json_schema!({ "type": "string" }),
        Kind::Flag => json_schema!({ "type": "boolean" }),
        Kind::Number => json_schema!({ "type": "number" }),
        Kind::Choice(options) => json_schema!({ "type": "string", "enum": options }),
    };
    let mut patterns: Vec<String> = Vec::new();
    if field.trim {
        // `minLength` / `maxLength` would count the white space `.trim()` removes: the lengths of
        // the trimmed text become a pattern.
        patterns.extend(trimmed_length_pattern(field.min, field.max));
    } else {
        if let Some(min) = field.min {
            schema.insert("minLength".to_owned(), Value::from(min));
        }
        if let Some(max) = field.max {
            schema.insert("maxLength".to_owned(), Value::from(max));
        }
    }
    if let Some(pattern) = field.pattern {
        patterns.push(if field.trim {
            trimmed_pattern(pattern.source)
        } else {
            pattern.source.to_owned()
        });
    }
    let mut patterns = patterns.into_iter();
    if let Some(first) = patterns.next() {
        schema.insert("pattern".to_owned(), Value::from(first));
    }
    let more: Vec<Value> = patterns
        .map(|pattern| serde_json::json!({ "pattern": pattern }))
        .collect();
    if !more.is_empty() {
        schema.insert("allOf".to_owned(), Value::Array(more));
    }
    if let Presence::Default(value) = field.presence {
        schema.insert("default".to_owned(), value.to_value());
    }
    let mut doc = field.doc.to_owned();
    if field.allowed_hosts {
        doc.push_str(" Kibana checks it against `xpack.actions.allowedHosts`.");
    }
    if field.trim {
        doc.push_str(" Kibana trims surrounding white space before checking and storing it.");
    }
    if let Some(transform) = field.transform {
        doc.push_str(transform.doc());
    }
    crate::model::describe(&mut schema, &[&doc]);
    schema
}

/// A pattern a `.trim()`med field's raw text matches when its pattern source matches the trimmed
/// text: an anchored source (`^…$`) accepts surrounding white space (ECMAScript's `\s` is the set
/// `trim()` removes); an unanchored one finds the same match in the raw text.
fn trimmed_pattern(source: &str) -> String {
    match source
        .strip_prefix('^')
        .and_then(|rest| rest.strip_suffix('$'))
        .filter(|inner| !inner.ends_with('\\'))
    {
        Some(inner) => format!("^\\s*(?:{inner})\\s*$"),
        None => source.to_owned(),
    }
}

/// `.trim()` then `.min(min)` / `.max(max)`, as a pattern on the raw text: the trimmed text is
/// empty, one non-white-space character, or two of them around anything. `None` when neither
/// bound says anything.
fn trimmed_length_pattern(min: Option<usize>, max: Option<usize>) -> Option<String> {
    let low = min.unwrap_or(0);
    match (low, max) {
        (0, None) => return None,
        // A trimmed text of one character or more: the raw text has a non-white-space one.
        (1, None) => return Some("\\S".to_owned()),
        _ => {}
    }
    let high = max.unwrap_or(usize::MAX);
    let mut choices: Vec<String> = Vec::new();
    if low <= 1 && high >= 1 {
        choices.push("\\S".to_owned());
    }
    if high >= 2 {
        let inner_low = low.max(2) - 2;
        let inner_high = max.map_or(String::new(), |max| (max - 2).to_string());
        choices.push(format!("\\S[\\s\\S]{{{inner_low},{inner_high}}}\\S"));
    }
    let optional = if low == 0 { "?" } else { "" };
    Some(format!("^\\s*(?:{}){optional}\\s*$", choices.join("|")))
}

/// The JSON Schema of an object of fields (plus the `authType` literal of an auth type).
fn object_schema(fields: &[Field], unknown: Unknown, auth: Option<AuthKind>) -> Schema {
    let mut properties = Map::new();
    let mut required: Vec<&str> = Vec::new();
    for field in fields {
        properties.insert(field.key.to_owned(), field_schema(field).to_value());
        if field.presence == Presence::Required {
            required.push(field.key);
        }
    }
    if let Some(kind) = auth {
        properties.insert(
            AUTH_TYPE.to_owned(),
            serde_json::json!({ "type": "string", "const": kind.id() }),
        );
        required.push(AUTH_TYPE);
    }
    let mut schema = json_schema!({
        "type": "object",
        "properties": properties,
        "required": required,
        // Unknown keys of a plain `z.object` are accepted (and not stored).
        "additionalProperties": unknown == Unknown::Strip,
    });
    if let Some(kind) = auth {
        schema.insert("title".to_owned(), Value::String(kind.label().to_owned()));
    }
    schema
}

/// A spec connector type.
pub struct SpecConnector<S>(PhantomData<S>);

impl<S: Spec> Connector for SpecConnector<S> {
    type Config = SpecConfig<S>;
    type Secrets = SpecSecrets<S>;

    /// `generateConfigSchema`'s custom validator: the allowed-hosts fields, then
    /// `selectedActions`.
    fn check_config(config: &SpecConfig<S>, rules: &mut Rules) {
        check_config(&S::DEF, &config.values, rules);
    }

    /// `generateSecretsSchema`'s custom validator: the chosen auth type's allowed-hosts fields.
    /// The URL is a secret, so `[redacted]` stands where Kibana's message quotes it.
    ///
    /// `ears` is refused with Kibana's message (`xpack.actions.auth.ears.enabled` defaults to false);
    /// `pfx_certificate` is accepted only while `xpack.actions.webhook.ssl.pfx.enabled` (default
    /// true) is on, which only the server knows.
    fn check_secrets(secrets: &SpecSecrets<S>, rules: &mut Rules) {
        check_secrets(secrets.auth, &secrets.values, rules);
    }

    /// `ensureConfigAuthType`, which the actions client applies to spec connector types before
    /// saving: the secrets' `authType` is copied into the config (it is encrypted in the secrets,
    /// plain in the config), replacing a different one in place or added last.
    fn stored_config(config: Value, secrets: &Value) -> Value {
        with_secrets_auth_type(config, secrets)
    }

    /// The stored config has `authType` when the spec has auth types.
    fn stored_config_schema(schema: &mut Value) {
        if !S::DEF.auth.is_empty() {
            require_auth_type(schema);
        }
    }
}

/// Marks the stored config's `authType` required (see [`SpecConnector::stored_config`]).
fn require_auth_type(schema: &mut Value) {
    let Value::Object(map) = schema else { return };
    if let Some(Value::Object(property)) =
        map.get_mut("properties").and_then(|p| p.get_mut(AUTH_TYPE))
    {
        property.insert(
            "description".to_owned(),
            Value::String(
                "The auth type of the secrets: Kibana copies it here when it saves the connector."
                    .to_owned(),
            ),
        );
    }
    crate::model::rules::require(map, AUTH_TYPE);
}

/// See [`SpecConnector::stored_config`].
fn with_secrets_auth_type(mut config: Value, secrets: &Value) -> Value {
    let chosen = secrets.get(AUTH_TYPE).and_then(Value::as_str);
    if let (Some(chosen), Value::Object(map)) = (chosen.filter(|c| !c.is_empty()), &mut config) {
        if map.get(AUTH_TYPE).and_then(Value::as_str) != Some(chosen) {
            map.insert(AUTH_TYPE.to_owned(), Value::String(chosen.to_owned()));
        }
    }
    config
}

/// `generateConfigSchema`'s custom validator (see [`SpecConnector::check_config`]).
fn check_config(def: &SpecDef, values: &ParsedFields, rules: &mut Rules) {
    for field in def.config.iter().filter(|f| f.allowed_hosts) {
        if let Some(Value::String(url)) = values.get(field.key) {
            let path = format!("/config/{}", escape_pointer(field.key));
            rules.target_url_allowed(&path, url, "");
        }
    }
    if let Some(Value::Array(items)) = values.get(SELECTED_ACTIONS)
        && items.is_empty()
    {
        rules.error(
            IssueCode::TooSmall,
            "/config/selectedActions",
            "selectedActions must include at least one action when set.",
        );
    }
}

/// `generateSecretsSchema`'s custom validator (see [`SpecConnector::check_secrets`]).
fn check_secrets(auth: Option<AuthType>, values: &ParsedFields, rules: &mut Rules) {
    let Some(auth) = auth else { return };
    match auth.kind {
            AuthKind::Ears => {
                rules.error(IssueCode::NotAllowed, "/secrets/authType", EARS_DISABLED);
                return;
            }
            AuthKind::PfxCertificate => rules.server_check(
                "/secrets/authType",
                "Kibana accepts the pfx_certificate auth type only while xpack.actions.webhook.ssl.pfx.enabled is true (the default)",
                serde_json::json!({ "check": "pfxEnabled" }),
            ),
            _ => {}
        }
    for field in auth.fields().iter().filter(|f| f.allowed_hosts) {
        if let Some(Value::String(url)) = values.get(field.key) {
            let path = format!("/secrets/{}", escape_pointer(field.key));
            rules.secret_url_allowed(&path, url, "");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A spec offering the auth types no declared spec uses yet.
    struct Certs;

    fn digits(text: &str) -> bool {
        text.chars().all(|c| c.is_ascii_digit())
    }

    impl Spec for Certs {
        const DEF: SpecDef = SpecDef {
            id: ".test-certs",
            name: "Test",
            license: License::Gold,
            features: &[],
            description: "Test.",
            config: &[Field::optional("port", Kind::Text, "A port.").regex("^\\d*$", digits, None)],
            unknown: Unknown::Strip,
            auth: &[
                AuthType::plain(AuthKind::CrtCertificate),
                AuthType::plain(AuthKind::PfxCertificate),
                AuthType::plain(AuthKind::Ears),
            ],
        };
    }

    fn secrets(input: &Value) -> (Option<SpecSecrets<Certs>>, Vec<String>) {
        let mut reader = Reader::new();
        let parsed = SpecSecrets::<Certs>::read(Some(input), &mut reader);
        let messages = reader
            .into_issues()
            .into_iter()
            .map(|i| i.message)
            .collect();
        (parsed, messages)
    }

    fn rules(parsed: &SpecSecrets<Certs>) -> Rules {
        let mut rules = Rules::default();
        SpecConnector::<Certs>::check_secrets(parsed, &mut rules);
        rules
    }

    #[test]
    fn ears_is_refused_while_disabled() {
        let (parsed, issues) = secrets(&json!({ "authType": "ears", "provider": "google" }));
        assert!(issues.is_empty(), "{issues:?}");
        let found = parsed.map(|p| rules(&p));
        let messages: Vec<String> = found
            .iter()
            .flat_map(|r| r.errors.iter().map(|e| e.message.clone()))
            .collect();
        assert_eq!(messages, vec![EARS_DISABLED.to_owned()]);
    }

    #[test]
    fn ears_provider_is_an_enum() {
        let (parsed, issues) = secrets(&json!({ "authType": "ears", "provider": "github" }));
        assert!(parsed.is_none());
        assert_eq!(
            issues,
            vec!["Invalid option: expected one of \"google\"|\"microsoft\"|\"slack\"".to_owned()]
        );
    }

    #[test]
    fn pfx_is_a_server_check_and_crt_is_accepted() {
        let (pfx, issues) = secrets(&json!({ "authType": "pfx_certificate", "pfx": "AAAA" }));
        assert!(issues.is_empty(), "{issues:?}");
        let found = pfx.map(|p| rules(&p));
        assert!(found.as_ref().is_some_and(|r| r.errors.is_empty()));
        assert_eq!(found.map(|r| r.warnings.len()), Some(1));
        let (crt, issues) = secrets(
            &json!({ "authType": "crt_certificate", "crt": "A", "key": "B", "verificationMode": "full" }),
        );
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(
            crt.map(|c| c.values.to_map()),
            json!({ "crt": "A", "key": "B", "verificationMode": "full", "authType": "crt_certificate" })
                .as_object()
                .cloned()
        );
    }

    #[test]
    fn crt_needs_its_key() {
        let (parsed, issues) = secrets(&json!({ "authType": "crt_certificate", "crt": "A" }));
        assert!(parsed.is_none());
        assert_eq!(
            issues,
            vec!["Invalid input: expected string, received undefined".to_owned()]
        );
    }

    #[test]
    fn uuid_follows_zods_pattern() {
        for good in [
            "123e4567-e89b-12d3-a456-426614174000",
            "123E4567-E89B-82D3-B456-426614174000",
            "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff",
        ] {
            assert!(is_uuid(good), "{good}");
        }
        for bad in [
            "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
            "123e4567-e89b-02d3-a456-426614174000",
            "123e4567-e89b-92d3-a456-426614174000",
            "123e4567-e89b-12d3-c456-426614174000",
            "123e4567e89b12d3a456426614174000",
            " 123e4567-e89b-12d3-a456-426614174000",
            "123e4567-e89b-12d3-a456-42661417400g",
        ] {
            assert!(!is_uuid(bad), "{bad}");
        }
        let field = Field::required("id", Kind::Text, "An id.").uuid(None);
        let mut reader = Reader::new();
        let outcome = read_field(&field, Some(&json!("x")), &mut reader);
        assert!(matches!(outcome, Outcome::Failed));
        let messages: Vec<String> = reader
            .into_issues()
            .into_iter()
            .map(|i| i.message)
            .collect();
        assert_eq!(messages, vec!["Invalid UUID".to_owned()]);
    }

    #[test]
    fn a_defaulted_auth_field_loses_its_allowed_hosts_marking() {
        let plain = AuthType::with(AuthKind::OAuthClientCredentials, &[]);
        let defaulted = AuthType::with(
            AuthKind::OAuthClientCredentials,
            &[("tokenUrl", Fallback::Text("https://auth.example.com/token"))],
        );
        let marked = |auth: AuthType| -> Vec<&'static str> {
            auth.fields()
                .iter()
                .filter(|f| f.allowed_hosts)
                .map(|f| f.key)
                .collect()
        };
        assert_eq!(marked(plain), vec!["tokenUrl"]);
        assert!(marked(defaulted).is_empty());
    }

    #[test]
    fn private_key_jwt_refinements() {
        assert!(has_private_key_marker(
            "x -----BEGIN ENCRYPTED PRIVATE KEY----- y"
        ));
        assert!(has_private_key_marker("-----BEGIN RSA PRIVATE KEY-----"));
        assert!(!has_private_key_marker("-----BEGIN EC PRIVATE KEY-----"));
        assert!(is_certificate_or_empty(""));
        assert!(!is_certificate_or_empty(" "));
        let key = private_key_jwt_fields()
            .into_iter()
            .find(|f| f.key == "privateKey");
        let mut reader = Reader::new();
        let outcome = key.map(|k| read_field(&k, Some(&json!("")), &mut reader));
        assert!(matches!(outcome, Some(Outcome::Failed)));
        let messages: Vec<String> = reader
            .into_issues()
            .into_iter()
            .map(|i| i.message)
            .collect();
        assert_eq!(
            messages,
            vec![
                "Private key is required.".to_owned(),
                "Private key must be a PEM-encoded RSA or PKCS#8 key.".to_owned()
            ]
        );
    }

    #[test]
    fn trim_runs_before_the_checks_and_is_stored() {
        let field = Field::required("subdomain", Kind::Text, "A subdomain.")
            .trim()
            .min(1)
            .regex(
                "^[a-z]+$",
                |t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_lowercase()),
                None,
            );
        let read = |input: Value| {
            let mut reader = Reader::new();
            let outcome = read_field(&field, Some(&input), &mut reader);
            let messages: Vec<String> = reader
                .into_issues()
                .into_iter()
                .map(|i| i.message)
                .collect();
            (outcome, messages)
        };
        let (outcome, messages) = read(json!("\u{feff}\u{a0} acme\n"));
        assert!(
            matches!(outcome, Outcome::Value(Value::String(ref t)) if t == "acme"),
            "{messages:?}"
        );
        // U+0085 is white space for Rust, not for JavaScript's trim().
        let (outcome, _) = read(json!("\u{85}acme"));
        assert!(matches!(outcome, Outcome::Failed));
        let (_, messages) = read(json!("  "));
        assert_eq!(messages.len(), 2, "{messages:?}");
        // After a type error neither the trim nor the pattern runs; `.min()` still sees a length.
        let (_, messages) = read(json!([]));
        assert_eq!(messages.len(), 2, "{messages:?}");
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))] // jsonschema is a native dev-dependency
    fn trimmed_fields_have_patterns_on_the_raw_text() {
        assert_eq!(trimmed_pattern("^[a-z]+$"), "^\\s*(?:[a-z]+)\\s*$");
        assert_eq!(trimmed_pattern("[a-z]"), "[a-z]");
        assert_eq!(trimmed_pattern("^a\\$"), "^a\\$");
        assert_eq!(trimmed_length_pattern(None, None), None);
        assert_eq!(trimmed_length_pattern(Some(0), None), None);
        assert_eq!(
            trimmed_length_pattern(Some(1), None).as_deref(),
            Some("\\S")
        );
        let matches = |pattern: &str, text: &str| {
            jsonschema::is_valid(&json!({ "pattern": pattern }), &json!(text))
        };
        let one_to_three = trimmed_length_pattern(Some(1), Some(3)).unwrap_or_default();
        for good in ["a", " abc ", "\ta b\n"] {
            assert!(matches(&one_to_three, good), "{good:?}");
        }
        for bad in ["", "   ", " abcd ", "a  b"] {
            assert!(!matches(&one_to_three, bad), "{bad:?}");
        }
        let at_least_two = trimmed_length_pattern(Some(2), None).unwrap_or_default();
        assert!(matches(&at_least_two, " ab "));
        assert!(!matches(&at_least_two, " a "));
        let at_most_one = trimmed_length_pattern(None, Some(1)).unwrap_or_default();
        assert!(matches(&at_most_one, "  "));
        assert!(matches(&at_most_one, " a "));
        assert!(!matches(&at_most_one, "ab"));
    }

    #[test]
    fn regex_default_message() {
        let mut reader = Reader::new();
        let parsed = SpecConfig::<Certs>::read(Some(&json!({ "port": "80a" })), &mut reader);
        assert!(parsed.is_none());
        let messages: Vec<String> = reader
            .into_issues()
            .into_iter()
            .map(|i| i.message)
            .collect();
        assert_eq!(
            messages,
            vec!["Invalid string: must match pattern /^\\d*$/".to_owned()]
        );
    }
}
