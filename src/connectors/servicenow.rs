//! `.servicenow`, `.servicenow-sir` and `.servicenow-itom`: ServiceNow ITSM, SecOps and ITOM.
//!
//! The three types share Kibana's ServiceNow validators (`lib/servicenow/validators.ts`). ITSM and
//! SecOps read their config with `ExternalIncidentServiceConfigurationSchema`; ITOM reads it with
//! `ExternalIncidentServiceConfigurationBaseSchema`, which has no `usesTableApi` (so ITOM refuses
//! that key as unknown). All three share the secrets schema.

use std::marker::PhantomData;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::connector::{Connector, Rules};
use crate::js::{is_nullish, truthy};
use crate::model::strict_object;
use crate::report::IssueCode;
use crate::zod::{Nullable, Zod};

/// The fields of Kibana's `ExternalIncidentServiceConfigurationBaseSchema`, which every ServiceNow
/// config has: a `strict_object!` field group.
macro_rules! common_config_fields {
    ($($object:tt)*) => {
        $crate::model::strict_object! { @include $($object)*
            /// The address of your ServiceNow instance, e.g. `https://example.service-now.com`.
            api_url as "apiUrl": String,
            /// Authenticate with OAuth (a JWT signed with your private key) instead of a user name
            /// and password. With OAuth, `userIdentifierValue`, `clientId` and `jwtKeyId` are required
            /// here, and `clientSecret` and `privateKey` in the secrets.
            is_oauth as "isOAuth": bool = false,
            /// OAuth only: the value of the user identifier field (by default the user's email) of the
            /// ServiceNow user the connector acts as.
            user_identifier_value as "userIdentifierValue": $crate::zod::Nullable<String>,
            /// OAuth only: the client id of the OAuth application registered in ServiceNow.
            client_id as "clientId": $crate::zod::Nullable<String>,
            /// OAuth only: the key id of the JWT verifier map in ServiceNow.
            jwt_key_id as "jwtKeyId": $crate::zod::Nullable<String>,
        }
    };
}

strict_object! {
    /// Settings of a ServiceNow ITSM or SecOps connector.
    pub struct ServiceNowConfig {
        include common_config_fields,
        /// Use ServiceNow's Table API instead of the Elastic ServiceNow app's Import Set API.
        /// The default `true` is the legacy mode: Kibana marks such connectors as deprecated.
        uses_table_api as "usesTableApi": bool = true,
    }
}

strict_object! {
    /// Settings of a ServiceNow ITOM connector.
    pub struct ServiceNowItomConfig {
        include common_config_fields,
    }
}

strict_object! {
    /// Credentials of a ServiceNow connector: either a user name and password (basic
    /// authentication), or a client secret and a private key (OAuth).
    pub struct ServiceNowSecrets {
        /// Basic authentication: the password of the ServiceNow user.
        password: Nullable<String>,
        /// Basic authentication: the ServiceNow user name.
        username: Nullable<String>,
        /// OAuth only: the client secret of the OAuth application.
        client_secret as "clientSecret": Nullable<String>,
        /// OAuth only: the RSA private key (PEM) that signs the JWT.
        private_key as "privateKey": Nullable<String>,
        /// OAuth only: the password of the private key, if it has one.
        private_key_password as "privateKeyPassword": Nullable<String>,
    }
}

/// What `validateCommonConfig` reads of either config model.
pub struct CommonConfig<'a> {
    api_url: &'a str,
    is_oauth: bool,
    user_identifier_value: &'a Nullable<String>,
    client_id: &'a Nullable<String>,
    jwt_key_id: &'a Nullable<String>,
}

/// The common fields of each config model (both include `common_config_fields`).
macro_rules! common_config_of {
    ($($config:ty),*) => {$(
        impl<'a> From<&'a $config> for CommonConfig<'a> {
            fn from(config: &'a $config) -> Self {
                Self {
                    api_url: &config.api_url,
                    is_oauth: config.is_oauth,
                    user_identifier_value: &config.user_identifier_value,
                    client_id: &config.client_id,
                    jwt_key_id: &config.jwt_key_id,
                }
            }
        }
    )*};
}

common_config_of!(ServiceNowConfig, ServiceNowItomConfig);

/// `VALIDATE_OAUTH_MISSING_FIELD_ERROR`.
fn missing_field(field: &str, is_oauth: bool) -> String {
    format!("{field} must be provided when isOAuth = {is_oauth}")
}

/// Kibana's `validateCommonConfig`: the allowed-hosts check of `apiUrl`, then the OAuth fields
/// (on the parsed config, so `null` and absent are the same).
fn check_common_config(config: &CommonConfig<'_>, rules: &mut Rules) {
    rules.target_url_allowed(
        "/config/apiUrl",
        config.api_url,
        "error configuring connector action: ",
    );
    if config.is_oauth {
        for (field, value) in [
            ("userIdentifierValue", config.user_identifier_value),
            ("clientId", config.client_id),
            ("jwtKeyId", config.jwt_key_id),
        ] {
            if value.is_null() {
                rules.error(
                    IssueCode::Required,
                    &format!("/config/{field}"),
                    missing_field(field, true),
                );
            }
        }
    }
}

/// Kibana's `validateCommonSecrets` (truthiness tests on the parsed secrets).
fn check_common_secrets(secrets: &ServiceNowSecrets, rules: &mut Rules) {
    let set = |value: &Nullable<String>| value.get().is_some_and(|text| !text.is_empty());
    let username = set(&secrets.username);
    let password = set(&secrets.password);
    let client_secret = set(&secrets.client_secret);
    let private_key = set(&secrets.private_key);

    if !username && !password && !client_secret && !private_key {
        rules.error(
            IssueCode::InvalidCombination,
            "/secrets",
            "Either basic auth or OAuth credentials must be specified",
        );
    } else if username || password {
        let missing: Vec<&str> = [
            (username, "/secrets/username"),
            (password, "/secrets/password"),
        ]
        .into_iter()
        .filter_map(|(present, path)| (!present).then_some(path))
        .collect();
        if !missing.is_empty() {
            rules.error_at(
                IssueCode::Required,
                &missing,
                "username and password must both be specified",
            );
        }
    } else {
        let missing: Vec<&str> = [
            (client_secret, "/secrets/clientSecret"),
            (private_key, "/secrets/privateKey"),
        ]
        .into_iter()
        .filter_map(|(present, path)| (!present).then_some(path))
        .collect();
        if !missing.is_empty() {
            rules.error_at(
                IssueCode::Required,
                &missing,
                "clientSecret and privateKey must both be specified",
            );
        }
    }
}

/// Kibana's `validateCommonConnector`, on the RAW request values: an absent `isOAuth` counts as
/// basic authentication, as its parsed default `false` does.
fn check_common_connector(
    config: &Map<String, Value>,
    secrets: &Map<String, Value>,
    rules: &mut Rules,
) {
    let config_field = |key: &str| config.get(key);
    let secret = |key: &str| secrets.get(key);

    if truthy(config_field("isOAuth")) {
        // The three config fields were already required by the config rule (which sees the same
        // boolean), so only the secrets checks can fail here; they are kept for fidelity.
        for (field, value, path) in [
            (
                "userIdentifierValue",
                config_field("userIdentifierValue"),
                "/config/userIdentifierValue",
            ),
            ("clientId", config_field("clientId"), "/config/clientId"),
            ("jwtKeyId", config_field("jwtKeyId"), "/config/jwtKeyId"),
            (
                "clientSecret",
                secret("clientSecret"),
                "/secrets/clientSecret",
            ),
            ("privateKey", secret("privateKey"), "/secrets/privateKey"),
        ] {
            if is_nullish(value) {
                rules.error(IssueCode::Required, path, missing_field(field, true));
            }
        }
        let present: Vec<&str> = [
            ("/secrets/username", secret("username")),
            ("/secrets/password", secret("password")),
        ]
        .into_iter()
        .filter_map(|(path, value)| truthy(value).then_some(path))
        .collect();
        if !present.is_empty() {
            rules.error_at(
                IssueCode::NotAllowed,
                &present,
                "Username and password should not be provided with isOAuth = true",
            );
        }
    } else {
        for (field, path) in [
            ("username", "/secrets/username"),
            ("password", "/secrets/password"),
        ] {
            if is_nullish(secret(field)) {
                rules.error(IssueCode::Required, path, missing_field(field, false));
            }
        }
        let present: Vec<&str> = [
            ("/secrets/clientSecret", secret("clientSecret")),
            ("/config/clientId", config_field("clientId")),
            (
                "/config/userIdentifierValue",
                config_field("userIdentifierValue"),
            ),
            ("/config/jwtKeyId", config_field("jwtKeyId")),
            ("/secrets/privateKey", secret("privateKey")),
        ]
        .into_iter()
        .filter_map(|(path, value)| truthy(value).then_some(path))
        .collect();
        if !present.is_empty() {
            rules.error_at(
                IssueCode::NotAllowed,
                &present,
                "clientId, clientSecret, userIdentifierValue, jwtKeyId and privateKey should not be provided with isOAuth = false",
            );
        }
    }
}

/// A ServiceNow connector type: the same rules for ITSM, SecOps and ITOM, with the config model
/// `C` (ITOM's has no `usesTableApi`).
pub struct ServiceNow<C>(PhantomData<C>);

/// The `.servicenow` (ITSM) connector type.
pub type ServiceNowItsm = ServiceNow<ServiceNowConfig>;
/// The `.servicenow-sir` (SecOps) connector type: the same models and rules as ITSM.
pub type ServiceNowSir = ServiceNow<ServiceNowConfig>;
/// The `.servicenow-itom` connector type: the rules of ITSM, a config without `usesTableApi`.
pub type ServiceNowItom = ServiceNow<ServiceNowItomConfig>;

impl<C> Connector for ServiceNow<C>
where
    C: Zod + Serialize,
    for<'a> CommonConfig<'a>: From<&'a C>,
{
    type Config = C;
    type Secrets = ServiceNowSecrets;

    /// The validators' rules, which `isOAuth` as sent decides: `true` needs the OAuth fields
    /// (`userIdentifierValue`, `clientId`, `jwtKeyId`, `secrets.clientSecret`,
    /// `secrets.privateKey`) and refuses `username` and `password`; otherwise (`false` or left
    /// out) the reverse. (The secrets validator's own rule, basic or OAuth credentials but not a
    /// half of either, follows from these.)
    fn schema_rules() -> Vec<Value> {
        use crate::model::rules::{both, config, equals, given, secrets, unset, when_else};
        use serde_json::json;
        let oauth_config = ["userIdentifierValue", "clientId", "jwtKeyId"];
        let oauth_secrets = ["clientSecret", "privateKey"];
        let basic = ["username", "password"];
        vec![when_else(
            config(equals("isOAuth", json!(true))),
            both([
                config(given(&oauth_config)),
                secrets(both([given(&oauth_secrets), unset(&basic)])),
            ]),
            both([
                config(unset(&oauth_config)),
                secrets(both([given(&basic), unset(&oauth_secrets)])),
            ]),
        )]
    }

    fn check_config(config: &C, rules: &mut Rules) {
        check_common_config(&CommonConfig::from(config), rules);
    }

    fn check_secrets(secrets: &ServiceNowSecrets, rules: &mut Rules) {
        check_common_secrets(secrets, rules);
    }

    fn check_connector(
        config: &Map<String, Value>,
        secrets: &Map<String, Value>,
        rules: &mut Rules,
    ) {
        check_common_connector(config, secrets, rules);
    }
}
