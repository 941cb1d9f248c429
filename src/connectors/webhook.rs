//! `.webhook`: Webhook, which sends a request to a web service.
//!
//! Kibana: `kbn-connector-schemas/webhook/schemas/v1.ts` (config), `common/auth` (secrets) and
//! `stack_connectors/server/connector_types/webhook/validations.ts` (config validator).

use schemars::{Schema, SchemaGenerator};
use serde::Serialize;
use serde_json::Value;

use crate::connector::{Connector, Rules, Versioned};
use crate::connectors::auth::{
    AuthSecrets, AuthType, SslCertType, is_non_empty_json_object, null_auth_type_without_auth,
    oauth_config_fields, tls_config_fields,
};
use crate::kibana::urls;
use crate::model::{strict_object, string_enum};
use crate::report::IssueCode;
use crate::versions::{Release, Since};
use crate::zod::{Nullable, Reader, Record, Zod};

string_enum! {
    /// The HTTP method of the request.
    pub enum WebhookMethod {
        /// POST.
        Post = "post",
        /// PUT.
        Put = "put",
        /// PATCH.
        Patch = "patch",
        /// GET (the request is sent without a body).
        Get = "get",
        /// DELETE (the request is sent without a body).
        Delete = "delete",
    }
}

strict_object! {
    /// Settings of a Webhook connector.
    pub struct WebhookConfigFields {
        /// The URL the request is sent to. Its host must be in Kibana's
        /// `xpack.actions.allowedHosts`.
        url: String,
        /// The HTTP method of the request.
        method: WebhookMethod = WebhookMethod::Post,
        /// Headers sent with every request (name → value). Use `secrets.secretHeaders` for values
        /// that must stay secret.
        headers: Nullable<Record<String>>,
        /// Whether the request is authenticated.
        has_auth as "hasAuth": bool = true,
        /// The authentication method (the OAuth 2.0 password grant is refused). Must be empty
        /// (`null`) when `hasAuth` is false; left out, it becomes basic authentication, or `null`
        /// when `hasAuth` is false.
        auth_type as "authType": Nullable<AuthType> = AuthType::Basic,
        include tls_config_fields,
        /// The OAuth 2.0 token endpoint (required for OAuth 2.0 client credentials). Its host
        /// must be in `xpack.actions.allowedHosts`.
        access_token_url as "accessTokenUrl": Option<String>,
        include oauth_config_fields,
    }
}

/// Kibana's `ConfigSchema`: the config object behind a `z.preprocess` that turns an omitted
/// `authType` into `null` when the request says `hasAuth: false` (Kibana PR #259325), so that the
/// default `webhook-authentication-basic` does not trip the validator's hasAuth rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub struct WebhookConfig(pub WebhookConfigFields);

impl Zod for WebhookConfig {
    fn read(input: Option<&Value>, reader: &mut Reader) -> Option<Self> {
        let preprocessed = null_auth_type_without_auth(input);
        WebhookConfigFields::read(preprocessed.as_ref().or(input), reader).map(Self)
    }

    fn schema(generator: &mut SchemaGenerator) -> Schema {
        WebhookConfigFields::schema(generator)
    }
}

/// Credentials of a Webhook connector: Kibana's shared `SecretConfigurationSchema`.
pub type WebhookSecrets = AuthSecrets;

/// The prefix of every message of Kibana's Webhook config validator.
const PREFIX: &str = "error validation webhook action config: ";

/// Kibana's `validateUrl` then `ensureUriAllowed`, for `url` and `accessTokenUrl`.
fn check_url(rules: &mut Rules, path: &str, url: &str) {
    if urls::whatwg_parses(url) {
        rules.target_url_allowed(path, url, PREFIX);
    } else {
        // Node's `new URL` error, as `err.toString()` prints it (the input is not echoed).
        rules.error(
            IssueCode::InvalidUrl,
            path,
            format!("{PREFIX}unable to parse url: TypeError: Invalid URL"),
        );
    }
}

/// The `.webhook` connector type.
pub struct Webhook;

impl Connector for Webhook {
    type Config = WebhookConfig;
    type Secrets = WebhookSecrets;

    /// Kibana 9.3.0's release notes add `patch`, `get` and `delete` (PR #238072); 9.2.0's add
    /// OAuth 2.0 client credentials (PR #218442) and encrypted headers (PR #233695).
    const VERSIONED: &'static [Versioned] = &[
        Versioned::config_options(
            "method",
            &["patch", "get", "delete"],
            &["post", "put"],
            Since::exact(Release::V9_3),
        ),
        Versioned::config_options(
            "authType",
            &["webhook-oauth2-client-credentials"],
            &["webhook-authentication-basic", "webhook-authentication-ssl"],
            Since::exact(Release::V9_2),
        ),
        Versioned::config("accessTokenUrl", Since::exact(Release::V9_2)),
        Versioned::config("clientId", Since::exact(Release::V9_2)),
        Versioned::config("scope", Since::exact(Release::V9_2)),
        Versioned::config("additionalFields", Since::exact(Release::V9_2)),
        Versioned::secrets("clientSecret", Since::exact(Release::V9_2)),
        Versioned::secrets("secretHeaders", Since::exact(Release::V9_2)),
    ];

    /// The validator's rules: `hasAuth: false` (sent; an omitted `authType` is then emptied)
    /// leaves `authType` absent or `null`; the OAuth 2.0 password grant is refused; OAuth 2.0
    /// client credentials need the token URL and the client id. The secrets hold one credential
    /// set at most.
    fn schema_rules() -> Vec<Value> {
        use crate::model::rules::{
            always, config, equals, given, one_credential_set, secrets, unset, when,
        };
        use serde_json::json;
        vec![
            when(
                config(equals("hasAuth", json!(false))),
                config(unset(&["authType"])),
            ),
            always(config(json!({
                "properties": {
                    "authType": { "not": { "const": AuthType::OAuth2Password.as_str() } }
                }
            }))),
            when(
                config(equals(
                    "authType",
                    json!(AuthType::OAuth2ClientCredentials.as_str()),
                )),
                config(given(&["accessTokenUrl", "clientId"])),
            ),
            always(secrets(one_credential_set())),
        ]
    }

    /// Kibana's `validateConnectorTypeConfig`, in its order.
    fn check_config(config: &Self::Config, rules: &mut Rules) {
        let config = &config.0;
        check_url(rules, "/config/url", &config.url);

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
                format!("{PREFIX}additionalFields must be a non-empty JSON object."),
            );
        }

        match config.auth_type.get() {
            Some(AuthType::OAuth2Password) => rules.error(
                IssueCode::InvalidValue,
                "/config/authType",
                format!("{PREFIX}OAuth2 password grant authentication is not supported"),
            ),
            Some(AuthType::OAuth2ClientCredentials) => check_oauth2(config, rules),
            _ => {}
        }
    }
}

/// Kibana's `validateOAuth2` for client credentials: the token URL and client id are required,
/// and the token URL goes through the same URL checks as `url`.
fn check_oauth2(config: &WebhookConfigFields, rules: &mut Rules) {
    fn given(value: Option<&String>) -> Option<&str> {
        value.map(String::as_str).filter(|text| !text.is_empty())
    }
    let token_url = given(config.access_token_url.as_ref());
    let mut names = Vec::new();
    let mut paths = Vec::new();
    if token_url.is_none() {
        names.push("Access Token URL (accessTokenUrl)");
        paths.push("/config/accessTokenUrl");
    }
    if given(config.client_id.as_ref()).is_none() {
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
    // Kibana stops at the missing fields; the token URL's own problems come after them.
    if let Some(url) = token_url {
        check_url(rules, "/config/accessTokenUrl", url);
    }
}
