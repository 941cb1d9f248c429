//! What the caller says that the body does not: which request it is for, and its `{id}`.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::report::{Issue, IssueCode};
use crate::versions::KibanaVersion;

/// Which request the body is for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// `POST /api/actions/connector/{id}`: the body names its `connector_type_id`.
    #[default]
    Create,
    /// `PUT /api/actions/connector/{id}`: the type comes from the options.
    Update,
}

/// What the body alone does not say.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Options {
    /// The `{id}` path parameter, checked with Kibana's id rule when given.
    pub id: Option<String>,
    /// Create (default) or update.
    pub mode: Mode,
    /// The connector type, for an update body (which has no `connector_type_id`).
    pub connector_type_id: Option<String>,
    /// The Kibana that answers (the newest release line by default).
    pub kibana_version: KibanaVersion,
}

impl Options {
    /// What the options look like, for messages.
    const SHAPE: &'static str = "{ id?: string, mode?: \"create\" | \"update\", connectorTypeId?: string, kibanaVersion?: string }";

    /// Reads options given as plain JSON data (as JavaScript callers pass them): `null` is no
    /// options; an unknown key, or a value of the wrong kind, is an `invalid_options` issue each.
    /// A value `{ "$typeof": "function" }` stands for a JavaScript value JSON cannot carry.
    pub fn from_json(value: &Value) -> Result<Self, Vec<Issue>> {
        let issue = |option: Option<&str>, message: String| {
            Issue::new(IssueCode::InvalidOptions, "", message)
                .with_optional_params(option.map(|option| crate::js::json!({ "option": option })))
        };
        let map = match options_object(value) {
            Ok(None) => return Ok(Self::default()),
            Ok(Some(map)) => map,
            Err(kind) => {
                return Err(vec![issue(
                    None,
                    format!("The options must be an object {}, not {kind}", Self::SHAPE),
                )]);
            }
        };
        let mut options = Self::default();
        let mut issues = Vec::new();
        for (key, value) in map {
            let text = match value {
                Value::Null => None,
                Value::String(text) => Some(text.clone()),
                other => {
                    issues.push(issue(
                        Some(key),
                        format!("options.{key} must be a string, not {}", js_kind(other)),
                    ));
                    continue;
                }
            };
            match key.as_str() {
                "id" => options.id = text,
                "connectorTypeId" => options.connector_type_id = text,
                "kibanaVersion" => match text.as_deref().map(KibanaVersion::parse) {
                    None => {}
                    Some(Ok(version)) => options.kibana_version = version,
                    Some(Err(unsupported)) => issues.push(issue(Some(key), unsupported.0)),
                },
                "mode" => match text.as_deref() {
                    None | Some("create") => options.mode = Mode::Create,
                    Some("update") => options.mode = Mode::Update,
                    Some(_) => issues.push(issue(
                        Some(key),
                        "options.mode must be \"create\" or \"update\"".to_owned(),
                    )),
                },
                _ => issues.push(issue(
                    Some(key),
                    format!(
                        "Unknown option {}: the options are {}",
                        crate::js::js_string_literal(key),
                        Self::SHAPE
                    ),
                )),
            }
        }
        if issues.is_empty() {
            Ok(options)
        } else {
            Err(issues)
        }
    }
}

/// Options as the JavaScript half writes them: `Ok(None)` for `null` (no options), the object,
/// or how a message names what was given instead (the half writes a value that is not a plain
/// object as `{ "$typeof": … }`). Every export that takes options reads them through this.
pub fn options_object(value: &Value) -> Result<Option<&serde_json::Map<String, Value>>, String> {
    match value {
        Value::Null => Ok(None),
        Value::Object(map) if !map.contains_key("$typeof") => Ok(Some(map)),
        other => Err(js_kind(other)),
    }
}

/// How a message names the kind of a JavaScript value (never the value itself).
fn js_kind(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(_) => "a boolean".to_owned(),
        Value::Number(_) => "a number".to_owned(),
        Value::String(_) => "a string".to_owned(),
        Value::Array(_) => "an array".to_owned(),
        Value::Object(map) => match map.get("$typeof").and_then(Value::as_str) {
            Some("object") | None => "an object".to_owned(),
            Some(kind @ ("function" | "symbol" | "bigint" | "number" | "string" | "boolean")) => {
                format!("a {kind}")
            }
            Some("unreadable") => {
                "a value whose reading threw (a getter, a Proxy trap or a revoked Proxy)".to_owned()
            }
            Some(_) => "a value of another kind".to_owned(),
        },
    }
}
