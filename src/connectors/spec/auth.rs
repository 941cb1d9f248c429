//! The secrets of each auth type (`kbn-connector-specs/src/auth_types/*.ts`, messages from
//! `auth_types/translations.ts`), one table of `const` field lists, and what a spec's `defaults`
//! make of them (`getSchemaForAuthType`).

use super::dsl::{AuthType, Fallback, Field, Kind, Presence};
use crate::catalog::AuthKind;

impl AuthType {
    /// The fields of the secrets object for this auth type (without `authType`).
    pub fn fields(&self) -> Vec<Field> {
        if self.kind == AuthKind::ApiKeyQuery {
            return api_key_query_fields(self.defaults);
        }
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
                ..API_KEY
            }];
        }
        schema_fields(self.kind)
            .iter()
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
                        ..*field
                    },
                    None => *field,
                }
            })
            .collect()
    }
}

/// The auth types' own schemas, one row per auth type.
const fn schema_fields(kind: AuthKind) -> &'static [Field] {
    match kind {
        AuthKind::None => &[],
        AuthKind::Basic => BASIC,
        AuthKind::Bearer => BEARER,
        AuthKind::ApiKeyHeader => API_KEY_HEADER,
        AuthKind::OAuthClientCredentials => OAUTH_CLIENT_CREDENTIALS,
        AuthKind::OAuthAuthorizationCode => OAUTH_AUTHORIZATION_CODE,
        AuthKind::AwsCredentials => AWS_CREDENTIALS,
        AuthKind::AzureSharedKey => AZURE_SHARED_KEY,
        AuthKind::GcpServiceAccount => GCP_SERVICE_ACCOUNT,
        AuthKind::CrtCertificate => CRT_CERTIFICATE,
        AuthKind::PfxCertificate => PFX_CERTIFICATE,
        AuthKind::ApiKeyQuery => API_KEY_QUERY,
        AuthKind::ApiKeyHeaderWithTls => API_KEY_HEADER_WITH_TLS,
        AuthKind::BearerWithTls => BEARER_WITH_TLS,
        AuthKind::KubernetesGke => KUBERNETES_GKE,
        AuthKind::KubernetesEks => KUBERNETES_EKS,
        AuthKind::KubernetesAks => KUBERNETES_AKS,
        AuthKind::Ears => EARS,
        AuthKind::OAuthClientCredentialsPrivateKeyJwt => PRIVATE_KEY_JWT,
        AuthKind::Relay => RELAY,
    }
}

const API_KEY_REQUIRED: &str = "API key is required";

const API_KEY: Field =
    Field::required("apiKey", Kind::Text, "The API key.").min_with(1, API_KEY_REQUIRED);

const CLIENT_ID: Field = Field::required("clientId", Kind::Text, "The OAuth client id.")
    .min_with(1, "Client ID is required");

const CLIENT_SECRET: Field =
    Field::required("clientSecret", Kind::Text, "The OAuth client secret.")
        .min_with(1, "Client secret is required");

const SCOPES: Field = Field::optional(
    "scope",
    Kind::Text,
    "The scopes to request, separated by spaces.",
);

/// The token endpoint of the client-credentials flows, marked `validate: { allowedHosts: true }`.
const TOKEN_URL_ALLOWED: Field =
    Field::required("tokenUrl", Kind::Url, "The OAuth 2.0 token endpoint.").allowed_hosts();

const TOKEN_ENDPOINT_AUTH_METHODS: &[&str] = &["client_secret_post", "client_secret_basic"];
const VERIFICATION_MODES: &[&str] = &["none", "certificate", "full"];
const EARS_PROVIDERS: &[&str] = &["google", "microsoft", "slack"];
const JWT_ALGORITHMS: &[&str] = &["PS256", "RS256", "ES256"];
const CERTIFICATE_BINDINGS: &[&str] = &["x5t#S256", "x5c", "kid"];

const PASSPHRASE: Field =
    Field::optional("passphrase", Kind::Text, "The private key's passphrase.");
const CA: Field = Field::optional("ca", Kind::Text, "The certificate authority (base64).");
const VERIFICATION_MODE: Field = Field::optional(
    "verificationMode",
    Kind::Choice(VERIFICATION_MODES),
    "How the server certificate is verified.",
);

const BASIC: &[Field] = &[
    Field::required("username", Kind::Text, "The user name.").min_with(1, "Username is required"),
    Field::required("password", Kind::Text, "The password.").min_with(1, "Password is required"),
];

const BEARER: &[Field] = &[Field::required(
    "token",
    Kind::Text,
    "The token, sent as `Authorization: Bearer <token>`.",
)
.min_with(1, "Token is required")];

const API_KEY_HEADER: &[Field] = &[
    Field::defaults(
        "headerField",
        Kind::Text,
        Fallback::Text("Api-Key"),
        "The header that carries the API key.",
    )
    .min_with(1, "Header field is required"),
    API_KEY,
];

const OAUTH_CLIENT_CREDENTIALS: &[Field] = &[
    TOKEN_URL_ALLOWED,
    CLIENT_ID,
    SCOPES,
    CLIENT_SECRET,
    Field::optional(
        "tokenEndpointAuthMethod",
        Kind::Choice(TOKEN_ENDPOINT_AUTH_METHODS),
        "How the client authenticates to the token endpoint.",
    ),
];

const OAUTH_AUTHORIZATION_CODE: &[Field] = &[
    Field::required(
        "authorizationUrl",
        Kind::Url,
        "The OAuth 2.0 authorization endpoint.",
    ),
    Field::required("tokenUrl", Kind::Url, "The OAuth 2.0 token endpoint."),
    CLIENT_ID,
    SCOPES,
    CLIENT_SECRET,
    // `z.boolean().default(true).optional()`: absent becomes `true`.
    Field::defaults(
        "useBasicAuth",
        Kind::Flag,
        Fallback::Flag(true),
        "Send the client credentials to the token endpoint with HTTP basic authentication.",
    ),
];

const AWS_CREDENTIALS: &[Field] = &[
    Field::required("accessKeyId", Kind::Text, "The AWS access key ID.")
        .min_with(1, "Access Key ID is required"),
    Field::required("secretAccessKey", Kind::Text, "The AWS secret access key.")
        .min_with(1, "Secret Access Key is required"),
];

const AZURE_SHARED_KEY: &[Field] = &[
    Field::required("accountName", Kind::Text, "The Azure storage account name.")
        .min_with(1, "Enter a storage account name."),
    Field::required(
        "accountKey",
        Kind::Text,
        "The Azure storage account key (base64), used to sign each request.",
    )
    .min_with(1, "Enter a storage account key."),
];

const GCP_SERVICE_ACCOUNT: &[Field] = &[
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
];

const CRT_CERTIFICATE: &[Field] = &[
    Field::required("crt", Kind::Text, "The client certificate (base64)."),
    Field::required(
        "key",
        Kind::Text,
        "The client certificate's private key (base64).",
    ),
    PASSPHRASE,
    CA,
    VERIFICATION_MODE,
];

const PFX_CERTIFICATE: &[Field] = &[
    Field::required("pfx", Kind::Text, "The PKCS #12 bundle (base64)."),
    Field::optional("passphrase", Kind::Text, "The bundle's passphrase."),
    CA,
    VERIFICATION_MODE,
];

const EARS: &[Field] = &[
    Field::required(
        "provider",
        Kind::Choice(EARS_PROVIDERS),
        "The identity provider EARS signs in with.",
    ),
    SCOPES,
];

/// `auth_types/relay.ts`: `tenantKey: z.string().min(1)` (Zod's own message).
const RELAY: &[Field] = &[Field::required(
    "tenantKey",
    Kind::Text,
    "The Relay workspace (tenant) the connector speaks for.",
)
.min(1)];

/// `auth_types/oauth_client_credentials_private_key_jwt.ts` (stored version 96ed4a42).
/// `tokenUrl` is marked `validate: { allowedHosts: true }`; `algorithm` and
/// `certificateBinding` carry their own `.default()`s.
const PRIVATE_KEY_JWT: &[Field] = &[
    TOKEN_URL_ALLOWED,
    CLIENT_ID,
    SCOPES,
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
    PASSPHRASE,
];

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

/// `API_KEY_QUERY_REQUIRED_MESSAGE`: its text was not found in any stored version of
/// `translations.ts`; the route refuses an empty string before this `.min(1)` runs, so Kibana's
/// answer never shows it.
const API_KEY_QUERY_REQUIRED: &str = API_KEY_REQUIRED;

/// `api_key_query` without `defaults.paramNames`: a single `apiKey`.
const API_KEY_QUERY: &[Field] = &[Field::required(
    "apiKey",
    Kind::Text,
    "The API key, sent as a query parameter.",
)
.min_with(1, API_KEY_QUERY_REQUIRED)];

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
        return API_KEY_QUERY.to_vec();
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

/// The auth types with an optional PEM CA and verification mode (`api_key_header_with_tls.ts`,
/// `bearer_with_tls.ts`, `kubernetes_{gke,eks,aks}.ts`): their own fields, then the two of
/// `pem_ca_tls_schema.ts`.
macro_rules! with_pem_ca {
    ($($field:expr),* $(,)?) => {
        &[
            $($field,)*
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
        ]
    };
}

const API_KEY_HEADER_WITH_TLS: &[Field] = with_pem_ca![
    Field::required(
        "apiKey",
        Kind::Text,
        "The API key, sent as `Authorization: <key>` (no `Bearer` prefix).",
    )
    .min_with(1, API_KEY_REQUIRED),
];

const BEARER_WITH_TLS: &[Field] = with_pem_ca![
    Field::required(
        "token",
        Kind::Text,
        "The API token, sent as `Authorization: Bearer <token>`.",
    )
    .min_with(1, "An API token is required."),
];

const KUBERNETES_GKE: &[Field] = with_pem_ca![
    Field::required(
        "serviceAccountJson",
        Kind::Text,
        "The JSON key of a GCP service account authorized on the cluster.",
    )
    .min_with(1, "A GCP service account JSON key is required."),
];

const KUBERNETES_EKS: &[Field] = with_pem_ca![
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
];

const KUBERNETES_AKS: &[Field] = with_pem_ca![
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
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::connectors::spec::reader::{Outcome, read_field};
    use crate::zod::Reader;
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
        let key = PRIVATE_KEY_JWT.iter().find(|f| f.key == "privateKey");
        let mut reader = Reader::new();
        let outcome = key.map(|k| read_field(k, Some(&json!("")), &mut reader));
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
}
