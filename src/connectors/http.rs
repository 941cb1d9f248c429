//! `.http`: HTTP, which sends HTTP requests for workflows and agents.
//!
//! Kibana: `kbn-connector-schemas/http/schemas/v1.ts` (config and secrets, Zod 4),
//! `kbn-connector-schemas/common/auth` (the shared auth fields and credentials rule),
//! `stack_connectors/server/connector_types/http/http_connector.ts` (the validators) and
//! `http/validations.ts` (the config validator). Besides the shared auth fields, the config has
//! a per-connector proxy (`proxyUrl`, `proxyVerificationMode`, `hasProxyAuth`, Kibana PR #256491)
//! whose credentials sit in the secrets (`proxyUsername`, `proxyPassword`).

use schemars::{Schema, SchemaGenerator};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::connector::{Connector, Rules, Versioned};
use crate::connectors::auth::{
    AuthType, SslCertType, VerificationMode, credential_fields, is_accepted_combination,
    is_non_empty_json_object, null_auth_type_without_auth, oauth_config_fields,
    read_with_combination_rule, tls_config_fields,
};
use crate::js::truthy;
use crate::kibana::urls;
use crate::model::strict_object;
use crate::report::IssueCode;
use crate::versions::{Release, Since};
use crate::zod::{Nullable, Reader, Record, Zod, ZodUrl};

strict_object! {
    /// Settings of an HTTP connector.
    pub struct HttpConfigFields {
        /// The base URL of the service, e.g. `https://api.example.com`. Each request adds its
        /// own path and query. Its host must be in Kibana's `xpack.actions.allowedHosts`.
        url: ZodUrl,
        /// Headers sent with every request (name → value). Use `secrets.secretHeaders` for values
        /// that must stay secret.
        headers: Nullable<Record<String>>,
        /// Whether the requests are authenticated.
        has_auth as "hasAuth": bool = true,
        /// The authentication method. Must be empty (`null`) when `hasAuth` is false; left out,
        /// it becomes basic authentication, or `null` when `hasAuth` is false.
        auth_type as "authType": Nullable<AuthType> = AuthType::Basic,
        include tls_config_fields,
        /// The OAuth 2.0 token endpoint (required for the OAuth 2.0 client credentials and
        /// password grants).
        access_token_url as "accessTokenUrl": Option<String>,
        include oauth_config_fields,
        /// A proxy that the requests of this connector go through, e.g.
        /// `http://proxy.example.com:8080`; empty (`null`) for none. Its host must be in
        /// `xpack.actions.allowedHosts`.
        proxy_url as "proxyUrl": Nullable<ZodUrl>,
        /// How strictly the proxy's TLS certificate is verified.
        proxy_verification_mode as "proxyVerificationMode": Option<VerificationMode>,
        /// Whether the proxy needs basic authentication with `secrets.proxyUsername` and
        /// `secrets.proxyPassword` (then `proxyUrl` is required too).
        has_proxy_auth as "hasProxyAuth": bool = false,
    }
}

/// Kibana's `ConfigSchema`: the config object behind a `z.preprocess` that turns an omitted
/// `authType` into `null` when the request says `hasAuth: false` (Kibana PR #259325, as for the
/// Webhook connector), so that the default `webhook-authentication-basic` does not trip the
/// validator's hasAuth rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub struct HttpConfig(pub HttpConfigFields);

impl Zod for HttpConfig {
    fn read(input: Option<&Value>, reader: &mut Reader) -> Option<Self> {
        let preprocessed = null_auth_type_without_auth(input);
        HttpConfigFields::read(preprocessed.as_ref().or(input), reader).map(Self)
    }

    fn schema(generator: &mut SchemaGenerator) -> Schema {
        HttpConfigFields::schema(generator)
    }
}

strict_object! {
    /// Credentials of an HTTP connector. Send one of these combinations, or none at all:
    /// `user` and `password`; `crt` and `key` (with an optional `password`); `pfx` (with an
    /// optional `password`); or `clientSecret` (for OAuth 2.0). The proxy credentials,
    /// `secretHeaders` and `secretQueryParams` go with any of them.
    pub struct HttpSecretFields {
        /// The user name for the proxy's basic authentication (with `proxyPassword`).
        proxy_username as "proxyUsername": Nullable<String>,
        /// The password for the proxy's basic authentication (with `proxyUsername`).
        proxy_password as "proxyPassword": Nullable<String>,
        /// Query parameters whose values are kept secret (for example an API key), added to
        /// every request.
        secret_query_params as "secretQueryParams": Nullable<Record<String>>,
        /// The user name for basic authentication (or the OAuth 2.0 password grant).
        user: Nullable<String>,
        include credential_fields,
    }
}

/// Kibana's HTTP `SecretsSchema`: the strict object with the shared credentials rule (a Zod
/// `superRefine`, run only when the object had no aborting issue).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub struct HttpSecrets(pub HttpSecretFields);

impl Zod for HttpSecrets {
    fn read(input: Option<&Value>, reader: &mut Reader) -> Option<Self> {
        read_with_combination_rule(input, reader, |f: &HttpSecretFields| {
            is_accepted_combination(
                &f.user,
                &f.password,
                &f.crt,
                &f.key,
                &f.pfx,
                &f.client_secret,
            )
        })
        .map(Self)
    }

    fn schema(generator: &mut SchemaGenerator) -> Schema {
        HttpSecretFields::schema(generator)
    }
}

/// The prefix of every message of Kibana's HTTP config validator.
const PREFIX: &str = "error validation http action config: ";

/// True for a string JavaScript sees as truthy (present and not empty).
fn given(value: Option<&String>) -> bool {
    value.is_some_and(|text| !text.is_empty())
}

/// The `.http` connector type.
pub struct Http;

impl Connector for Http {
    type Config = HttpConfig;
    type Secrets = HttpSecrets;

    /// `secretQueryParams` 9.5.0 (release notes, PR #258291).
    const VERSIONED: &'static [Versioned] = &[Versioned::secrets(
        "secretQueryParams",
        Since::exact(Release::V9_5),
    )];

    /// The validators' rules: `hasAuth: false` (sent; an omitted `authType` is then emptied)
    /// leaves `authType` absent or `null`; OAuth 2.0 client credentials need the token URL and
    /// the client id, the password grant the token URL; the secrets hold one credential set at
    /// most, and both proxy credentials or neither; `hasProxyAuth: true` (as sent) needs the
    /// proxy URL and both proxy credentials.
    fn schema_rules() -> Vec<Value> {
        use crate::model::rules::{
            always, both, config, equals, given, one_credential_set, secrets, unset, when,
        };
        use serde_json::json;
        let auth_type_is =
            |auth_type: AuthType| config(equals("authType", json!(auth_type.as_str())));
        let proxy_credentials = ["proxyUsername", "proxyPassword"];
        vec![
            when(
                config(equals("hasAuth", json!(false))),
                config(unset(&["authType"])),
            ),
            when(
                auth_type_is(AuthType::OAuth2ClientCredentials),
                config(given(&["accessTokenUrl", "clientId"])),
            ),
            when(
                auth_type_is(AuthType::OAuth2Password),
                config(given(&["accessTokenUrl"])),
            ),
            always(secrets(one_credential_set())),
            always(secrets(json!({
                "anyOf": [given(&proxy_credentials), unset(&proxy_credentials)]
            }))),
            when(
                config(equals("hasProxyAuth", json!(true))),
                both([
                    config(given(&["proxyUrl"])),
                    secrets(given(&proxy_credentials)),
                ]),
            ),
        ]
    }

    /// Kibana's `validateConnectorTypeConfig`, then the proxy URL's allowed-hosts check.
    fn check_config(config: &Self::Config, rules: &mut Rules) {
        let config = &config.0;
        // `validateUrl`: the schema's `.url()` already ran `new URL()` on the same (trimmed)
        // text, so this never fails through the API; kept for fidelity.
        if urls::whatwg_parses(&config.url.0) {
            rules.target_url_allowed("/config/url", &config.url.0, PREFIX);
        } else {
            rules.error(
                IssueCode::InvalidUrl,
                "/config/url",
                format!("{PREFIX}unable to parse url: TypeError: Invalid URL"),
            );
        }

        if config.auth_type.get().is_some() && !config.has_auth {
            rules.error(
                IssueCode::NotAllowed,
                "/config/authType",
                format!("{PREFIX}authType must be null or undefined if hasAuth is false"),
            );
        }

        if config.cert_type == Some(SslCertType::Pfx) {
            rules.server_check(
                "/config/certType",
                "Kibana refuses certType \"ssl-pfx\" when xpack.actions.webhook.ssl.pfx.enabled is false (it is true by default)",
                crate::js::json!({ "check": "webhookSslPfxEnabled" }),
            );
        }

        let additional_fields = config.additional_fields.get().filter(|t| !t.is_empty());
        if additional_fields.is_some_and(|text| !is_non_empty_json_object(text)) {
            rules.error(
                IssueCode::InvalidValue,
                "/config/additionalFields",
                format!("{PREFIX}additionalFields must be a valid JSON object"),
            );
        }

        check_oauth2(config, rules);

        if let Some(proxy_url) = config.proxy_url.get().filter(|u| !u.0.is_empty()) {
            rules.target_url_allowed("/config/proxyUrl", &proxy_url.0, PREFIX);
        }
    }

    /// The proxy credentials go together.
    fn check_secrets(secrets: &Self::Secrets, rules: &mut Rules) {
        let username = given(secrets.0.proxy_username.get());
        let password = given(secrets.0.proxy_password.get());
        if username != password {
            let missing = if username {
                "/secrets/proxyPassword"
            } else {
                "/secrets/proxyUsername"
            };
            rules.error(
                IssueCode::Required,
                missing,
                "proxyUsername and proxyPassword must both be provided, or neither",
            );
        }
    }

    /// Kibana's `validate.connector`, on the raw request values: proxy authentication needs the
    /// proxy URL and both proxy credentials.
    fn check_connector(
        config: &Map<String, Value>,
        secrets: &Map<String, Value>,
        rules: &mut Rules,
    ) {
        if !truthy(config.get("hasProxyAuth")) {
            return;
        }
        if !truthy(config.get("proxyUrl")) {
            rules.error(
                IssueCode::Required,
                "/config/proxyUrl",
                "proxyUrl is required when proxy authentication is enabled",
            );
        }
        let missing: Vec<&str> = [
            ("proxyUsername", "/secrets/proxyUsername"),
            ("proxyPassword", "/secrets/proxyPassword"),
        ]
        .into_iter()
        .filter(|(key, _)| !truthy(secrets.get(*key)))
        .map(|(_, path)| path)
        .collect();
        if !missing.is_empty() {
            rules.error_at(
                IssueCode::Required,
                &missing,
                "proxyUsername and proxyPassword are required when proxy authentication is enabled",
            );
        }
    }
}

/// Kibana's `validateOAuth2` for the HTTP connector: client credentials need the token URL and
/// the client id (named together in one message); the password grant needs the token URL. Unlike
/// the Webhook connector, the token URL is not checked as a URL here.
fn check_oauth2(config: &HttpConfigFields, rules: &mut Rules) {
    let token_url = given(config.access_token_url.as_ref());
    match config.auth_type.get() {
        Some(AuthType::OAuth2ClientCredentials) => {
            let mut names = Vec::new();
            let mut paths = Vec::new();
            if !token_url {
                names.push("Access Token URL (accessTokenUrl)");
                paths.push("/config/accessTokenUrl");
            }
            if !given(config.client_id.as_ref()) {
                names.push("Client ID (clientId)");
                paths.push("/config/clientId");
            }
            if !names.is_empty() {
                rules.error_at(
                    IssueCode::Required,
                    &paths,
                    format!("{PREFIX}missing {} fields", names.join(", ")),
                );
            }
        }
        Some(AuthType::OAuth2Password) if !token_url => rules.error(
            IssueCode::Required,
            "/config/accessTokenUrl",
            format!("{PREFIX}missing Access Token URL (accessTokenUrl) field"),
        ),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zod::prettify;

    fn issues<T: Zod>(input: &Value) -> String {
        let mut reader = Reader::new();
        let _ = T::read(Some(input), &mut reader);
        prettify(&reader.into_issues())
    }

    #[test]
    fn url_format_issue() {
        assert_eq!(
            issues::<HttpConfig>(&crate::js::json!({ "url": "example.com/x" })),
            "✖ Invalid URL\n  → at url"
        );
        assert_eq!(
            issues::<HttpConfig>(&crate::js::json!({ "url": 5 })),
            "✖ Invalid input: expected string, received number\n  → at url"
        );
    }

    #[test]
    fn combination_rule_waits_for_a_clean_object() {
        assert_eq!(
            issues::<HttpSecrets>(&crate::js::json!({ "user": "u", "proxyUser": "p" })),
            "✖ Unrecognized key: \"proxyUser\""
        );
        assert_eq!(
            issues::<HttpSecrets>(&crate::js::json!({ "user": "u", "proxyUsername": "p" })),
            format!("✖ {}", crate::connectors::auth::INVALID_SECRETS)
        );
    }
}
