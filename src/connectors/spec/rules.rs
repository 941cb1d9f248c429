//! The custom validators Kibana's spec machinery adds (`generateConfigSchema`,
//! `generateSecretsSchema`), and the actions client's `ensureConfigAuthType` before saving.

use serde_json::Value;

use super::dsl::{AuthType, SpecDef};
use super::reader::{AUTH_TYPE, ParsedFields, SELECTED_ACTIONS};
use crate::catalog::AuthKind;
use crate::connector::Rules;
use crate::pointer::escape_pointer;
use crate::report::IssueCode;

/// `generateSecretsSchema`'s custom validator, for `authType: 'ears'`: EARS is off by default
/// (`xpack.actions.auth.ears.enabled: false`), and this check comes first. The validator's
/// second EARS check (an auth type marked `isExperimental` while
/// `xpack.actions.auth.ears.enableExperimental` is off: `EARS OAuth authentication is not enabled
/// for the "<provider>" provider. Enable it via xpack.actions.auth.ears.enableExperimental in
/// kibana.yml.`) is never reached with the default settings.
pub(super) const EARS_DISABLED: &str = "EARS OAuth authentication is not enabled. Enable it via xpack.actions.auth.ears.enabled in kibana.yml.";

/// Marks the stored config's `authType` required (see [`SpecConnector::stored_config`]).
pub(super) fn require_auth_type(schema: &mut Value) {
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
pub(super) fn with_secrets_auth_type(mut config: Value, secrets: &Value) -> Value {
    let chosen = secrets.get(AUTH_TYPE).and_then(Value::as_str);
    if let (Some(chosen), Value::Object(map)) = (chosen.filter(|c| !c.is_empty()), &mut config) {
        if map.get(AUTH_TYPE).and_then(Value::as_str) != Some(chosen) {
            map.insert(AUTH_TYPE.to_owned(), Value::String(chosen.to_owned()));
        }
    }
    config
}

/// `generateConfigSchema`'s custom validator (see [`SpecConnector::check_config`]).
pub(super) fn check_config(def: &SpecDef, values: &ParsedFields, rules: &mut Rules) {
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
pub(super) fn check_secrets(auth: Option<AuthType>, values: &ParsedFields, rules: &mut Rules) {
    let Some(auth) = auth else { return };
    match auth.kind {
            AuthKind::Ears => {
                rules.error(IssueCode::NotAllowed, "/secrets/authType", EARS_DISABLED);
                return;
            }
            AuthKind::PfxCertificate => rules.server_check(
                "/secrets/authType",
                "Kibana accepts the pfx_certificate auth type only while xpack.actions.webhook.ssl.pfx.enabled is true (the default)",
                crate::js::json!({ "check": "pfxEnabled" }),
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
