//! `.cases-webhook`: Webhook - Case Management, which sends cases to a case-management web service.
//!
//! Kibana: `kbn-connector-schemas/cases_webhook/schemas/v1.ts` (config), `common/auth` (secrets)
//! and `stack_connectors/server/connector_types/cases_webhook/validators.ts` (config and
//! connector validators).

use serde_json::{Map, Value};

use crate::connector::{Connector, Rules};
use crate::connectors::auth::{AuthSecrets, AuthType, tls_config_fields};
use crate::js::truthy;
use crate::kibana::urls;
use crate::model::{strict_object, string_enum};
use crate::report::IssueCode;
use crate::zod::{Nullable, Nullish, Record};

string_enum! {
    /// The HTTP method that creates a case.
    pub enum CreateIncidentMethod {
        /// POST.
        Post = "post",
        /// PUT.
        Put = "put",
    }
}

string_enum! {
    /// The HTTP method that reads a case.
    pub enum GetIncidentMethod {
        /// GET.
        Get = "get",
        /// POST (with `getIncidentJson` as the body).
        Post = "post",
    }
}

string_enum! {
    /// The HTTP method that updates a case.
    pub enum UpdateIncidentMethod {
        /// POST.
        Post = "post",
        /// PATCH.
        Patch = "patch",
        /// PUT.
        Put = "put",
    }
}

string_enum! {
    /// The HTTP method that adds a comment to a case.
    pub enum CreateCommentMethod {
        /// POST.
        Post = "post",
        /// PUT.
        Put = "put",
        /// PATCH.
        Patch = "patch",
    }
}

strict_object! {
    /// Settings of a Webhook - Case Management connector. URLs and JSON bodies may use Mustache
    /// variables such as `{{{external.system.id}}}` or `{{{case.title}}}`.
    pub struct CasesWebhookConfig {
        /// The REST API URL that creates a case. Its host must be in Kibana's
        /// `xpack.actions.allowedHosts`.
        create_incident_url as "createIncidentUrl": String,
        /// The HTTP method that creates a case.
        create_incident_method as "createIncidentMethod": CreateIncidentMethod = CreateIncidentMethod::Post,
        /// The JSON body (as text) of the request that creates a case.
        create_incident_json as "createIncidentJson": String,
        /// The key in the create response that holds the id of the new case.
        create_incident_response_key as "createIncidentResponseKey": String,
        /// The HTTP method that reads a case.
        get_incident_method as "getIncidentMethod": GetIncidentMethod = GetIncidentMethod::Get,
        /// The REST API URL that reads a case, e.g. `https://example.com/issue/{{{external.system.id}}}`.
        get_incident_url as "getIncidentUrl": String,
        /// The JSON body (as text) of the request that reads a case, when it is sent with POST.
        get_incident_json as "getIncidentJson": Nullable<String>,
        /// The key in the read response that holds the case's title.
        get_incident_response_external_title_key as "getIncidentResponseExternalTitleKey": String,
        /// The URL of a case in the service's web interface, e.g.
        /// `https://example.com/browse/{{{external.system.title}}}`.
        view_incident_url as "viewIncidentUrl": String,
        /// The REST API URL that updates a case.
        update_incident_url as "updateIncidentUrl": String,
        /// The HTTP method that updates a case.
        update_incident_method as "updateIncidentMethod": UpdateIncidentMethod = UpdateIncidentMethod::Put,
        /// The JSON body (as text) of the request that updates a case.
        update_incident_json as "updateIncidentJson": String,
        /// The REST API URL that adds a comment to a case; leave empty to send no comments.
        create_comment_url as "createCommentUrl": Nullable<String>,
        /// The HTTP method that adds a comment. Left out, it is PUT; `null` stays `null`.
        create_comment_method as "createCommentMethod": Nullable<CreateCommentMethod> = CreateCommentMethod::Put,
        /// The JSON body (as text) of the request that adds a comment.
        create_comment_json as "createCommentJson": Nullable<String>,
        /// Headers sent with every request (name → value). Use `secrets.secretHeaders` for values
        /// that must stay secret.
        headers: Nullable<Record<String>>,
        /// Whether the requests are authenticated. When true in the request, `secrets` must not
        /// be empty.
        has_auth as "hasAuth": bool = true,
        /// The authentication method (OAuth 2.0 client credentials is refused). Left out, it
        /// becomes basic authentication, even when `hasAuth` is false.
        auth_type as "authType": Nullable<AuthType> = AuthType::Basic,
        include tls_config_fields,
        /// Accepted but unused: this connector type refuses OAuth 2.0.
        access_token_url as "accessTokenUrl": Option<String>,
        /// Accepted but unused: this connector type refuses OAuth 2.0.
        client_id as "clientId": Option<String>,
        /// Accepted but unused: this connector type refuses OAuth 2.0.
        scope: Option<String>,
        /// Accepted but unused: this connector type refuses OAuth 2.0 (not checked as JSON here).
        additional_fields as "additionalFields": Nullish<String>,
    }
}

/// Credentials of a Webhook - Case Management connector: Kibana's shared
/// `SecretConfigurationSchema`.
pub type CasesWebhookSecrets = AuthSecrets;

/// The prefix of Kibana's URL messages for this type.
const PREFIX: &str = "error configuring cases webhook action: ";

/// The `.cases-webhook` connector type.
pub struct CasesWebhook;

impl Connector for CasesWebhook {
    type Config = CasesWebhookConfig;
    type Secrets = CasesWebhookSecrets;

    /// The validators' rules: OAuth 2.0 client credentials are refused; the secrets hold one
    /// credential set at most; `hasAuth: true` as sent (not when omitted) needs secrets with at
    /// least one key.
    fn schema_rules() -> Vec<Value> {
        use crate::model::rules::{always, config, equals, one_credential_set, secrets, when};
        use serde_json::json;
        vec![
            always(config(json!({
                "properties": {
                    "authType": {
                        "not": { "const": AuthType::OAuth2ClientCredentials.as_str() }
                    }
                }
            }))),
            always(secrets(one_credential_set())),
            when(
                config(equals("hasAuth", json!(true))),
                secrets(json!({ "minProperties": 1 })),
            ),
        ]
    }

    /// Kibana's `validateCasesWebhookConfig`: OAuth 2.0 is refused, then each URL (in Kibana's
    /// order) must parse and be allowed.
    fn check_config(config: &Self::Config, rules: &mut Rules) {
        if config.auth_type.get() == Some(&AuthType::OAuth2ClientCredentials) {
            rules.error(
                IssueCode::InvalidValue,
                "/config/authType",
                "OAuth2 authentication is not supported for cases webhook connector",
            );
        }
        let urls = [
            (
                "/config/createIncidentUrl",
                Some(&config.create_incident_url),
            ),
            ("/config/createCommentUrl", config.create_comment_url.get()),
            ("/config/viewIncidentUrl", Some(&config.view_incident_url)),
            ("/config/getIncidentUrl", Some(&config.get_incident_url)),
            (
                "/config/updateIncidentUrl",
                Some(&config.update_incident_url),
            ),
        ];
        for (path, url) in urls {
            let Some(url) = url.filter(|url| !url.is_empty()) else {
                continue;
            };
            if urls::whatwg_parses(url) {
                rules.target_url_allowed(path, url, PREFIX);
            } else {
                // Node's `new URL` error, as `err.toString()` prints it.
                rules.error(
                    IssueCode::InvalidUrl,
                    path,
                    format!("{PREFIX}unable to parse {url}: TypeError: Invalid URL"),
                );
            }
        }
    }

    /// Kibana's `validateConnector`, on the RAW request: `hasAuth` truthy as sent (an omitted
    /// `hasAuth` skips the rule, although it is stored as true) and a secrets object without keys.
    fn check_connector(
        config: &Map<String, Value>,
        secrets: &Map<String, Value>,
        rules: &mut Rules,
    ) {
        if truthy(config.get("hasAuth")) && secrets.is_empty() {
            rules.error(
                IssueCode::Required,
                "/secrets",
                "must specify a secrets configuration",
            );
        }
    }
}
