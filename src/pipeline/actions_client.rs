//! The actions client's own checks, around the connector type's: the auth types Kibana manages
//! or that belong to one user, and the license a type needs.

use serde_json::Value;

use crate::catalog::{AuthKind, License};
use crate::pipeline::findings::Findings;
use crate::registry;
use crate::report::{Issue, IssueCode, KibanaError};
use crate::versions::{Release, Since};
use crate::zod::field;

/// `ensureNotKibanaManagedAuthType` (the `relay` auth type): no PR was found for it; it is taken
/// to come with the relay service work of mid-2026.
const KIBANA_MANAGED_AUTH_SINCE: Since = Since::approximate(
    Release::V9_6,
    "no PR was found; assumed to come with the relay service work of mid-2026",
);

/// Per-user (`authMode`) connectors and the update check on their auth type: PR #252262
/// (`v9.4.0`); the check is seen on main on 2026-04-02 (issue #260879).
pub(super) const PER_USER_AUTH_SINCE: Since = Since::exact(Release::V9_4);

/// A warning for a type Kibana marks deprecated in the answering release, naming what Kibana
/// recommends instead (the API still creates it).
pub(super) fn deprecation_warning(
    connector_type: &registry::ConnectorType,
    findings: &mut Findings,
) {
    let Some((since, instead)) = connector_type.deprecation else {
        return;
    };
    if findings.holds("the deprecation", &since) {
        findings.warnings.push(
            Issue::new(
                IssueCode::DeprecatedType,
                "/connector_type_id",
                [connector_type.name, " is deprecated: ", instead].concat(),
            )
            .with_params(crate::js::json!({ "connectorTypeId": connector_type.id })),
        );
    }
}

/// `secrets.authType`, else `config.authType` (the actions client's `getAuthTypeId`), with the
/// pointer it came from.
fn requested_auth_type<'v>(
    config: &'v Value,
    secrets: &'v Value,
) -> Option<(&'static str, &'v Value)> {
    fn auth_type(part: &Value) -> Option<&Value> {
        part.as_object()
            .and_then(|map| field(map, "authType"))
            .filter(|value| !value.is_null())
    }
    auth_type(secrets)
        .map(|value| ("/secrets/authType", value))
        .or_else(|| auth_type(config).map(|value| ("/config/authType", value)))
}

/// The actions client's update refuses to switch a shared connector to a per-user auth type, and
/// a per-user connector to another auth type; which one the saved connector is, only Kibana
/// knows. An update asking for a per-user auth type passes only if the connector has it already.
pub(super) fn per_user_update_warning(config: &Value, secrets: &Value, findings: &mut Findings) {
    let Some((path, Value::String(chosen))) = requested_auth_type(config, secrets) else {
        return;
    };
    if !AuthKind::from_id(chosen).is_some_and(AuthKind::is_per_user) {
        return;
    }
    let message = [
        "Kibana refuses this update unless the connector already uses ",
        chosen,
        " (Authentication type cannot be changed to a per-user type for shared connectors)",
    ]
    .concat();
    findings.warnings.push(
        Issue::new(IssueCode::ServerCheck, path, message)
            .with_params(crate::js::json!({ "check": "authMode", "authType": chosen })),
    );
}

/// `ensureNotKibanaManagedAuthType` (actions client, create and update; placed here before the
/// schemas): `secrets.authType`, else `config.authType`, must not name an auth type Kibana
/// manages, whatever the connector type.
pub(super) fn check_kibana_managed_auth_type(
    connector_type_id: &str,
    config: &Value,
    secrets: &Value,
    findings: &mut Findings,
) {
    let Some((path, chosen)) = requested_auth_type(config, secrets) else {
        return;
    };
    let Some(chosen) = chosen
        .as_str()
        .filter(|c| AuthKind::from_id(c).is_some_and(AuthKind::is_kibana_managed))
    else {
        return;
    };
    if !findings.holds("Kibana-managed auth types", &KIBANA_MANAGED_AUTH_SINCE) {
        return;
    }
    let message = [
        "Authentication type ",
        chosen,
        " is set by Kibana and cannot be configured on a connector. Action type: ",
        connector_type_id,
        ".",
    ]
    .concat();
    findings.fail(KibanaError::bad_request(message.clone()));
    findings.errors.push(
        Issue::new(IssueCode::NotAllowed, path, message)
            .with_params(crate::js::json!({ "authType": chosen })),
    );
}

pub(super) fn license_warning(connector_type: &registry::ConnectorType, findings: &mut Findings) {
    if connector_type.minimum_license > License::Basic {
        let license = connector_type.minimum_license.as_str();
        // `concat`, not `format!`: this warning is built on most calls.
        let message = [
            "Kibana refuses ",
            connector_type.name,
            " connectors (403) unless its license is ",
            license,
            " or higher and the type is in xpack.actions.enabledActionTypes",
        ]
        .concat();
        findings.warnings.push(
            Issue::new(IssueCode::ServerCheck, "/connector_type_id", message)
                .with_params(crate::js::json!({ "check": "license", "minimumLicense": license })),
        );
    }
}
