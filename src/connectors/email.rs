//! `.email`: sends email through SMTP, Microsoft Exchange (OAuth 2.0) or a well-known service.

use schemars::{Schema, SchemaGenerator, json_schema};
use serde::{Serialize, Serializer};
use serde_json::{Map, Value};

use crate::connector::{Connector, Rules, Versioned};
use crate::js::{is_nullish, truthy};
use crate::kibana::email_address::{has_valid_format, parse_address_list};
use crate::kibana::email_services::kibana_service_host;
use crate::model::strict_object;
use crate::report::IssueCode;
use crate::versions::{Release, Since};
use crate::zod::{JsNumber, Limit, Nullable, Reader, Zod, coerce_number};

strict_object! {
    /// Settings of an Email connector.
    pub struct EmailConfig {
        /// The email service: `other` for any SMTP server (give host and port),
        /// `exchange_server` for Microsoft Exchange (give tenant and client ids), `elastic_cloud`,
        /// or a well-known service name such as `gmail`, `outlook365` or `ses`.
        service: String = "other",
        /// The SMTP server's host name; required when the service is `other`.
        host: Nullable<String>,
        /// The SMTP server's port (1 to 65535); required when the service is `other`.
        port: Nullable<Port>,
        /// Use TLS from the start. When empty, TLS is used when the port is 465.
        secure: Nullable<bool>,
        /// The sender's address, e.g. `alerts@example.com` or `Alerts <alerts@example.com>`.
        from: String,
        /// The server needs a user name and password (or, for Exchange, a client secret).
        has_auth as "hasAuth": bool = true,
        /// Microsoft Exchange: the directory (tenant) id of the Azure application.
        tenant_id as "tenantId": Nullable<String>,
        /// Microsoft Exchange: the application (client) id.
        client_id as "clientId": Nullable<String>,
        /// Microsoft Exchange: the OAuth 2.0 token URL, when not Microsoft's default.
        oauth_token_url as "oauthTokenUrl": Nullable<String>,
        /// Send the message body as HTML. Not available for the `elastic_cloud` service.
        allow_html as "allowHtml": Option<bool>,
    }
}

strict_object! {
    /// Credentials of an Email connector.
    pub struct EmailSecrets {
        /// The user name for the SMTP server; required when `hasAuth` is true.
        user: Nullable<String>,
        /// The password for the SMTP server; required when `hasAuth` is true.
        password: Nullable<String>,
        /// Microsoft Exchange: the application's client secret.
        client_secret as "clientSecret": Nullable<String>,
    }
}

/// An SMTP port: `z.coerce.number().min(1).max(65535)` (`"587"` is stored as `587`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Port(pub JsNumber);

impl Port {
    const MIN: f64 = 1.0;
    const MAX: f64 = 65535.0;
}

impl Zod for Port {
    fn read(input: Option<&Value>, reader: &mut Reader) -> Option<Self> {
        let JsNumber(number) = coerce_number(input, reader)?;
        // Zod runs both checks and reports each failure.
        let mut ok = true;
        if number < Self::MIN {
            reader.out_of_range("number", Limit::Min, Self::MIN);
            ok = false;
        }
        if number > Self::MAX {
            reader.out_of_range("number", Limit::Max, Self::MAX);
            ok = false;
        }
        ok.then_some(Self(JsNumber(number)))
    }

    fn schema(_: &mut SchemaGenerator) -> Schema {
        // `z.coerce.number()`: a port sent as text (`"587"`) is accepted and stored as a number.
        json_schema!({
            "type": ["integer", "string"],
            "minimum": Self::MIN,
            "maximum": Self::MAX,
            "pattern": "^\\s*[0-9]+\\s*$",
        })
    }
}

impl Serialize for Port {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// Services Kibana maps to names in `xpack.actions.email.services.enabled`.
fn enabled_services_name(service: &str) -> Option<&'static str> {
    Some(match service {
        "gmail" => "google-mail",
        "outlook365" => "microsoft-outlook",
        "ses" => "amazon-ses",
        "elastic_cloud" => "elastic-cloud",
        "exchange_server" => "microsoft-exchange",
        "other" => "other",
        _ => return None,
    })
}

/// Kibana PR #268496 (8.19 backport #269518): `validateEmailAddresses` also refuses a local part
/// that starts or ends with `-` (unless quoted) and a domain label that does, in every mailbox
/// (`Name <addr>` and group members too); and `actions_config.ts`'s `validateEmails` no longer
/// returns early when no email allowlist is set, so the format is checked with Kibana's defaults.
/// Released in 9.5.0 and backported to 9.3.5, 9.4.2 and an 8.19 patch whose number is not known.
const SENDER_FORMAT: Since = Since::exact(Release::V9_5).backported(&[
    (Release::V9_3, Some(5)),
    (Release::V9_4, Some(2)),
    (Release::V8_19, None),
]);

/// `validateConfig`'s check of `from` (`[from]: not valid emails: <addr>`).
///
/// Since [`SENDER_FORMAT`]: the address list must parse and pass the format rule, whatever the
/// settings; a valid one is still checked against `xpack.actions.email.domain_allowlist`, which
/// only the server knows. Before it: with no email allowlist (the default) Kibana checks nothing,
/// and with one it refuses a list that does not parse, so a sender that does not parse is only a
/// warning there.
fn check_sender(from: &str, rules: &mut Rules) {
    let domain_allowlist = |rules: &mut Rules| {
        rules.server_check(
            "/config/from",
            "When xpack.actions.email.domain_allowlist is set, Kibana accepts the sender only if its domain is in the list",
            crate::js::json!({ "check": "emailDomainAllowlist" }),
        );
    };
    let not_valid = || format!("[from]: not valid emails: {from}");
    // Asked only when the answer depends on it: a sender that passes is fine in every release.
    if has_valid_format(from) {
        domain_allowlist(rules);
    } else if rules.holds(&SENDER_FORMAT) {
        rules.error(IssueCode::InvalidEmail, "/config/from", not_valid());
    } else if parse_address_list(from) {
        domain_allowlist(rules);
    } else {
        rules.server_check(
            "/config/from",
            format!(
                "This Kibana checks the sender only while an email allowlist is set (xpack.actions.email.domain_allowlist, or recipient_allowlist where the release has it), and then refuses it: {}",
                not_valid()
            ),
            crate::js::json!({ "check": "emailDomainAllowlist", "parses": false }),
        );
    }
}

/// The `.email` connector type.
pub struct Email;

impl Connector for Email {
    type Config = EmailConfig;
    type Secrets = EmailSecrets;

    /// `allowHtml`: PRs #275058 and #276584 (June and July 2026), taken to be in 9.6.
    const VERSIONED: &'static [Versioned] = &[Versioned::config(
        "allowHtml",
        Since::approximate(
            Release::V9_6,
            "allowHtml is dated by its PRs' merge dates (#275058, #276584)",
        ),
    )];

    /// The validators' rules: the `other` service (also when `service` is left out) needs
    /// `host` and `port`; `elastic_cloud` refuses `allowHtml: true`; `exchange_server` needs
    /// `clientId`, `tenantId` and `secrets.clientSecret`; any other service with `hasAuth: true`
    /// as sent (not when omitted) needs `secrets.user` and `secrets.password`.
    fn schema_rules() -> Vec<Value> {
        use crate::model::rules::{both, config, equals, given, secrets, when};
        use serde_json::json;
        let service_is = |service: &str| config(equals("service", json!(service)));
        vec![
            when(
                json!({ "properties": { "config": { "properties": { "service": { "const": "other" } } } } }),
                config(given(&["host", "port"])),
            ),
            when(
                service_is("elastic_cloud"),
                config(json!({ "properties": { "allowHtml": { "not": { "const": true } } } })),
            ),
            when(
                service_is("exchange_server"),
                both([
                    config(given(&["clientId", "tenantId"])),
                    secrets(given(&["clientSecret"])),
                ]),
            ),
            when(
                config(both([
                    equals("hasAuth", json!(true)),
                    json!({ "not": equals("service", json!("exchange_server")) }),
                ])),
                secrets(given(&["user", "password"])),
            ),
        ]
    }

    fn check_config(config: &EmailConfig, rules: &mut Rules) {
        let service = config.service.as_str();
        if let Some(name) = enabled_services_name(service) {
            rules.server_check(
                "/config/service",
                format!("Kibana accepts this service only if \"{name}\" is in xpack.actions.email.services.enabled (the default allows every service)"),
                crate::js::json!({ "check": "emailServices", "service": name }),
            );
        }
        check_sender(&config.from, rules);
        if service == "elastic_cloud" && config.allow_html == Some(true) {
            rules.error(
                IssueCode::NotAllowed,
                "/config/allowHtml",
                "[allowHtml]: cannot be true when [service] is \"elastic_cloud\"",
            );
        }
        if let Some(url) = config.oauth_token_url.get().filter(|u| !u.is_empty()) {
            rules.uri_allowed("/config/oauthTokenUrl", url, || {
                format!(
                    "[oauthTokenUrl]: host name value for '{url}' is not in the allowedHosts configuration"
                )
            });
        }
        match service {
            // Nodemailer's JSON transport, for tests: nothing more is checked.
            "__json" => {}
            "exchange_server" => match (config.client_id.is_null(), config.tenant_id.is_null()) {
                (true, true) => rules.error_at(
                    IssueCode::Required,
                    &["/config/clientId", "/config/tenantId"],
                    "[clientId]/[tenantId] is required",
                ),
                (true, false) => rules.error(
                    IssueCode::Required,
                    "/config/clientId",
                    "[clientId] is required",
                ),
                (false, true) => rules.error(
                    IssueCode::Required,
                    "/config/tenantId",
                    "[tenantId] is required",
                ),
                (false, false) => {}
            },
            "other" => {
                match (config.host.get(), config.port.is_null()) {
                    (None, true) => rules.error_at(
                        IssueCode::Required,
                        &["/config/host", "/config/port"],
                        "[host]/[port] is required",
                    ),
                    (None, false) => {
                        rules.error(IssueCode::Required, "/config/host", "[host] is required");
                    }
                    (Some(_), true) => {
                        rules.error(IssueCode::Required, "/config/port", "[port] is required");
                    }
                    (Some(_), false) => {}
                }
                if let Some(host) = config.host.get() {
                    rules.hostname_allowed("/config/host", host);
                }
            }
            _ => {
                if service == "ses" {
                    rules.server_check(
                        "/config/service",
                        "When xpack.actions.email.services.ses.host and .port are set, Kibana requires host and port to match them and secure to be true",
                        crate::js::json!({ "check": "sesConfiguration" }),
                    );
                }
                match kibana_service_host(service) {
                    Some(host) => rules.hostname_allowed("/config/service", host),
                    None => rules.error(
                        IssueCode::InvalidOption,
                        "/config/service",
                        format!("[service] value '{service}' is not valid"),
                    ),
                }
            }
        }
    }

    fn check_connector(
        config: &Map<String, Value>,
        secrets: &Map<String, Value>,
        rules: &mut Rules,
    ) {
        // Kibana reads the raw request here: an omitted hasAuth (stored as true) asks for nothing.
        if config.get("service").and_then(Value::as_str) == Some("exchange_server") {
            if is_nullish(secrets.get("clientSecret")) {
                rules.error(
                    IssueCode::Required,
                    "/secrets/clientSecret",
                    "[clientSecret] is required",
                );
            }
        } else if truthy(config.get("hasAuth")) {
            if is_nullish(secrets.get("user")) {
                rules.error(IssueCode::Required, "/secrets/user", "[user] is required");
            }
            if is_nullish(secrets.get("password")) {
                rules.error(
                    IssueCode::Required,
                    "/secrets/password",
                    "[password] is required",
                );
            }
        }
    }
}
