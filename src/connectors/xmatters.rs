//! `.xmatters`: xMatters, which triggers xMatters workflows.
//!
//! Two ways to authenticate: basic (`usesBasic: true`, a `configUrl` in the config and a `user`
//! and `password` in the secrets) or URL authentication (`usesBasic: false`, a `secretsUrl` that
//! carries the API key).

use serde_json::{Map, Value};

use crate::connector::{Connector, Rules};
use crate::js::{is_nullish, truthy};
use crate::kibana::urls;
use crate::model::strict_object;
use crate::report::IssueCode;
use crate::zod::Nullable;

strict_object! {
    /// Settings of a xMatters connector.
    pub struct XMattersConfig {
        /// Basic authentication only: the URL of the xMatters workflow's HTTP trigger.
        config_url as "configUrl": Nullable<String>,
        /// Authenticate with a user name and password (`true`) or with a URL that carries an API
        /// key (`false`). Send it explicitly: Kibana's final check reads the value as sent, and
        /// treats an omitted `usesBasic` as `false` although it stores `true`.
        uses_basic as "usesBasic": bool = true,
    }
}

strict_object! {
    /// Credentials of a xMatters connector.
    pub struct XMattersSecrets {
        /// Basic authentication only: the xMatters user name.
        user: Nullable<String>,
        /// Basic authentication only: the xMatters password.
        password: Nullable<String>,
        /// URL authentication only: the HTTP trigger URL with its API key (`?apiKey=…`).
        secrets_url as "secretsUrl": Nullable<String>,
    }
}

/// The `.xmatters` connector type.
pub struct XMatters;

/// The value of a nullable string when JavaScript finds it truthy (set and not empty).
fn set(value: &Nullable<String>) -> Option<&String> {
    value.get().filter(|text| !text.is_empty())
}

/// The fields among `fields` whose value JavaScript finds truthy.
fn truthy_paths<'a>(fields: &[(&'a str, Option<&Value>)]) -> Vec<&'a str> {
    fields
        .iter()
        .filter_map(|(path, value)| truthy(*value).then_some(*path))
        .collect()
}

impl Connector for XMatters {
    type Config = XMattersConfig;
    type Secrets = XMattersSecrets;

    /// The validators' rules, which `usesBasic` as sent decides (left out, it is not `true`
    /// there, although it is stored as `true`): `true` needs `configUrl`, `secrets.user` and
    /// `secrets.password` and refuses `secrets.secretsUrl`; otherwise the reverse. (The secrets
    /// validator's own rule, `secretsUrl` or user and password, follows from these.)
    fn schema_rules() -> Vec<Value> {
        use crate::model::rules::{both, config, equals, given, secrets, unset, when_else};
        use serde_json::json;
        let basic = ["user", "password"];
        vec![when_else(
            config(equals("usesBasic", json!(true))),
            both([
                config(given(&["configUrl"])),
                secrets(both([given(&basic), unset(&["secretsUrl"])])),
            ]),
            both([
                config(unset(&["configUrl"])),
                secrets(both([given(&["secretsUrl"]), unset(&basic)])),
            ]),
        )]
    }

    /// Kibana's `validateConnectorTypeConfig`: with basic authentication (the parsed `usesBasic`,
    /// so also when it was omitted), a `configUrl` must parse and be an allowed host.
    fn check_config(config: &Self::Config, rules: &mut Rules) {
        if !config.uses_basic {
            return;
        }
        let Some(url) = config.config_url.get().filter(|url| !url.is_empty()) else {
            return;
        };
        if urls::whatwg_parses(url) {
            rules.target_url_allowed(
                "/config/configUrl",
                url,
                "Error configuring xMatters action: ",
            );
        } else {
            // Kibana stops here; the allowed-hosts check of an unparsable URL would add nothing.
            rules.error(
                IssueCode::InvalidUrl,
                "/config/configUrl",
                "Error configuring xMatters action: unable to parse url: Invalid URL",
            );
        }
    }

    /// Kibana's `validateConnectorTypeSecrets` (truthiness tests on the parsed secrets).
    fn check_secrets(secrets: &Self::Secrets, rules: &mut Rules) {
        let user = set(&secrets.user);
        let password = set(&secrets.password);
        let Some(secrets_url) = set(&secrets.secrets_url) else {
            if user.is_none() && password.is_none() {
                rules.error(
                    IssueCode::InvalidCombination,
                    "/secrets",
                    "Provide either secretsUrl link or user/password to authenticate",
                );
                return;
            }
            let missing: Vec<&str> = [
                (user.is_none(), "/secrets/user"),
                (password.is_none(), "/secrets/password"),
            ]
            .into_iter()
            .filter_map(|(missing, path)| missing.then_some(path))
            .collect();
            if !missing.is_empty() {
                rules.error_at(
                    IssueCode::Required,
                    &missing,
                    "Both user and password must be specified.",
                );
            }
            return;
        };

        let present: Vec<&str> = [
            (user.is_some(), "/secrets/user"),
            (password.is_some(), "/secrets/password"),
        ]
        .into_iter()
        .filter_map(|(present, path)| present.then_some(path))
        .collect();
        if !present.is_empty() {
            rules.error_at(
                IssueCode::NotAllowed,
                &present,
                "Cannot use user/password for URL authentication. Provide valid secretsUrl or use Basic Authentication.",
            );
        }
        if urls::whatwg_parses(secrets_url) {
            rules.secret_url_allowed("/secrets/secretsUrl", secrets_url, "");
        } else {
            // Node's `TypeError: Invalid URL` does not quote the input.
            rules.error(
                IssueCode::InvalidUrl,
                "/secrets/secretsUrl",
                "Invalid secretsUrl: TypeError: Invalid URL",
            );
        }
    }

    /// Kibana's `validateConnector`, on the RAW request values: an omitted `usesBasic` is falsy
    /// here, although the stored config gets `usesBasic: true`.
    fn check_connector(
        config: &Map<String, Value>,
        secrets: &Map<String, Value>,
        rules: &mut Rules,
    ) {
        let user = secrets.get("user");
        let password = secrets.get("password");
        let secrets_url = secrets.get("secretsUrl");
        let config_url = config.get("configUrl");

        if truthy(config.get("usesBasic")) {
            if truthy(secrets_url) {
                rules.error(
                    IssueCode::NotAllowed,
                    "/secrets/secretsUrl",
                    "secretsUrl should not be provided when usesBasic is true",
                );
            }
            if is_nullish(user) {
                rules.error(
                    IssueCode::Required,
                    "/secrets/user",
                    "Provide valid Username",
                );
            }
            if is_nullish(password) {
                rules.error(
                    IssueCode::Required,
                    "/secrets/password",
                    "Provide valid Password",
                );
            }
            if is_nullish(config_url) {
                rules.error(
                    IssueCode::Required,
                    "/config/configUrl",
                    "Provide valid configUrl",
                );
            }
        } else {
            let present = truthy_paths(&[("/secrets/user", user), ("/secrets/password", password)]);
            if !present.is_empty() {
                rules.error_at(
                    IssueCode::NotAllowed,
                    &present,
                    "Username and password should not be provided when usesBasic is false",
                );
            }
            if truthy(config_url) {
                rules.error(
                    IssueCode::NotAllowed,
                    "/config/configUrl",
                    "configUrl should not be provided when usesBasic is false",
                );
            }
            if is_nullish(secrets_url) {
                rules.error(
                    IssueCode::Required,
                    "/secrets/secretsUrl",
                    "Provide valid secretsUrl with API Key",
                );
            }
        }
    }
}
