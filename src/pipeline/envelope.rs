//! The route's own checks, made with `@kbn/config-schema` before any connector type sees the body:
//! the `id` path parameter and the body's keys (`name`, `connector_type_id`, `config`, `secrets`).
//!
//! config-schema stops at the first problem (Joi's `abortEarly`); every problem is still recorded
//! here, in the order Joi meets them, so the first one is Kibana's answer.

use std::borrow::Cow;

use serde_json::Value;

use crate::js::{is_blank, js_key_order, json_parse};
use crate::pointer::escape_pointer;
use crate::report::{Issue, IssueCode};
use crate::versions::{Release, Since};
use crate::zod::field;

/// The longest connector id Kibana accepts.
pub const CONNECTOR_ID_MAX_LENGTH: usize = 36;

/// One problem with the request envelope.
#[derive(Debug, Clone, PartialEq)]
pub struct RouteIssue {
    /// The issue: a pointer into the body (empty for the body itself or the `id` parameter) and
    /// config-schema's message.
    pub issue: Issue,
    /// The config-schema key path Kibana prints, e.g. `request body.config.headers`.
    pub kibana_path: String,
}

impl RouteIssue {
    fn new(issue: Issue, kibana_path: impl Into<String>) -> Self {
        Self {
            issue,
            kibana_path: kibana_path.into(),
        }
    }
}

/// `type-detect`'s name for a value, as config-schema prints it (`[Array]`, `[null]`, …).
pub fn type_name(value: Option<&Value>) -> &'static str {
    match value {
        None => "undefined",
        Some(Value::Null) => "null",
        Some(Value::Bool(_)) => "boolean",
        Some(Value::Number(_)) => "number",
        Some(Value::String(_)) => "string",
        Some(Value::Array(_)) => "Array",
        Some(Value::Object(_)) => "Object",
    }
}

/// How much of the `id` rule a release has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdRule {
    /// Any string (`schema.maybe(schema.string())`), before 9.4.
    Any,
    /// 1 to 36 characters (`CONNECTOR_ID_MAX_LENGTH`, PR #255922, `v9.4.0`).
    Length,
    /// Also no path separators or traversal, and only lowercase letters, digits and hyphens
    /// (`validateConnectorId` with `@kbn/human-readable-id`, PR #264649).
    Full,
}

/// The length limit of the `id` parameter (PR #255922, labelled `v9.4.0`).
pub const ID_LENGTH_SINCE: Since = Since::exact(Release::V9_4);

/// The character rules of the `id` parameter: PR #264649, approved in May 2026.
pub const ID_CHARACTERS_SINCE: Since = Since::approximate(
    Release::V9_5,
    "the id character rules come from PR #264649 (May 2026), taken to be in 9.5",
);

/// The route's unknown-key text `Additional properties are not allowed ('x' was unexpected)`
/// (PR #258633); before it, `definition for this key is missing`.
pub const ADDITIONAL_PROPERTIES_WORDING: Since = Since::approximate(
    Release::V9_4,
    "the new wording of unknown body keys (PR #258633) is dated to 9.4",
);

/// How the route words an unknown body key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnknownKeyWording {
    /// `definition for this key is missing` (up to 9.3).
    DefinitionMissing,
    /// `Additional properties are not allowed ('x' was unexpected)` (9.4 and later).
    AdditionalProperties,
}

impl IdRule {
    /// The rule of the release `holds` answers for (it is asked whether each part holds).
    pub fn for_release(holds: &mut dyn FnMut(&str, &Since) -> bool) -> Self {
        if holds("the id character rules", &ID_CHARACTERS_SINCE) {
            Self::Full
        } else if holds("the id length limit", &ID_LENGTH_SINCE) {
            Self::Length
        } else {
            Self::Any
        }
    }
}

/// Checks the `id` path parameter: config-schema's length limits, then Kibana's
/// `validateConnectorId`.
pub fn check_id(id: &str, rule: IdRule) -> Option<RouteIssue> {
    if rule == IdRule::Any {
        return None;
    }
    // JavaScript counts UTF-16 code units.
    let length = crate::js::utf16_length(id);
    let message = if length > CONNECTOR_ID_MAX_LENGTH {
        format!(
            "value has length [{length}] but it must have a maximum length of [{CONNECTOR_ID_MAX_LENGTH}]."
        )
    } else if id.is_empty() {
        // `/api/actions/connector/` means "no id", so this only happens when a caller passes "".
        "value has length [0] but it must have a minimum length of [1].".to_owned()
    } else if rule == IdRule::Length {
        return None;
    } else if matches!(id, "__proto__" | "constructor" | "prototype")
        || id.contains("..")
        || id.contains('/')
    {
        "Connector ID must not contain path separators (\"/\") or traversal sequences (\"..\")."
            .to_owned()
    } else if !is_valid_id(id) {
        "Connector ID must contain only lowercase letters, numbers, and hyphens.".to_owned()
    } else {
        return None;
    };
    Some(RouteIssue::new(
        Issue::new(IssueCode::InvalidId, "", message).with_params(
            crate::js::json!({ "parameter": "id", "maxLength": CONNECTOR_ID_MAX_LENGTH }),
        ),
        "request params.id",
    ))
}

/// `^[a-z0-9]([a-z0-9-]*[a-z0-9])?$`
fn is_valid_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    let edge = |b: &u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    match (bytes.first(), bytes.last()) {
        (Some(first), Some(last)) => {
            edge(first) && edge(last) && bytes.iter().all(|b| edge(b) || *b == b'-')
        }
        _ => false,
    }
}

/// Which body schema applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    /// `POST /api/actions/connector/{id}`.
    Create,
    /// `PUT /api/actions/connector/{id}`: no `connector_type_id`.
    Update,
}

/// config-schema's coercion: an object (the body, `config`, `secrets`) sent as a string of JSON
/// text is parsed and then checked as what it contains. Kibana accepts
/// `"config": "{\"index\":\"i\"}"` and stores the object.
pub fn coerce(body: &Value) -> Cow<'_, Value> {
    let parsed = |value: &Value| match value {
        Value::String(text) => json_parse(text).ok(),
        _ => None,
    };
    let mut body = match parsed(body) {
        Some(inner) => Cow::Owned(inner),
        None => Cow::Borrowed(body),
    };
    for key in ["config", "secrets"] {
        if let Some(inner) = body
            .as_object()
            .and_then(|m| field(m, key))
            .and_then(parsed)
        {
            if let Value::Object(map) = body.to_mut() {
                map.insert(key.to_owned(), inner);
            }
        }
    }
    body
}

/// Checks the body's keys in config-schema's order: declared keys first, then unknown keys.
pub fn check_body(body: &Value, kind: BodyKind, wording: UnknownKeyWording) -> Vec<RouteIssue> {
    let mut issues = Vec::new();
    let Value::Object(map) = body else {
        let message = if body.is_string() {
            // A string that is not JSON text (see `coerce`).
            "could not parse object value from json input".to_owned()
        } else {
            format!(
                "expected a plain object value, but found [{}] instead.",
                type_name(Some(body))
            )
        };
        issues.push(RouteIssue::new(
            Issue::new(IssueCode::InvalidType, "", message).with_params(
                crate::js::json!({ "expected": "object", "received": type_name(Some(body)) }),
            ),
            "request body",
        ));
        return issues;
    };
    let keys: &[&str] = match kind {
        BodyKind::Create => &["name", "connector_type_id", "config", "secrets"],
        BodyKind::Update => &["name", "config", "secrets"],
    };
    for key in keys {
        let value = field(map, key);
        match *key {
            "name" | "connector_type_id" => check_required_string(key, value, &mut issues),
            _ => check_record(key, value, &mut issues),
        }
    }
    // Most bodies have only known keys: their order is then never needed.
    if map.keys().all(|key| keys.contains(&key.as_str())) {
        return issues;
    }
    for key in js_key_order(map) {
        if !keys.contains(&key.as_str()) {
            issues.push(RouteIssue::new(
                Issue::new(
                    IssueCode::UnknownKey,
                    format!("/{}", escape_pointer(key)),
                    match wording {
                        UnknownKeyWording::AdditionalProperties => {
                            format!(
                                "Additional properties are not allowed ('{key}' was unexpected)"
                            )
                        }
                        UnknownKeyWording::DefinitionMissing => {
                            "definition for this key is missing".to_owned()
                        }
                    },
                )
                .with_params(crate::js::json!({ "key": key })),
                format!("request body.{key}"),
            ));
        }
    }
    issues
}

fn check_required_string(key: &str, value: Option<&Value>, issues: &mut Vec<RouteIssue>) {
    // Built only for a problem: most bodies have none.
    let path = || ["/", key].concat();
    let kibana_path = || ["request body.", key].concat();
    match value {
        Some(Value::String(text)) if is_blank(text) => issues.push(RouteIssue::new(
            Issue::new(IssueCode::BlankString, path(), "value '' is not valid"),
            kibana_path(),
        )),
        Some(Value::String(_)) => {}
        other => {
            let code = if other.is_none() {
                IssueCode::Required
            } else {
                IssueCode::InvalidType
            };
            let message = [
                "expected value of type [string] but got [",
                type_name(other),
                "]",
            ]
            .concat();
            issues.push(RouteIssue::new(
                Issue::new(code, path(), message).with_params(
                    crate::js::json!({ "expected": "string", "received": type_name(other) }),
                ),
                kibana_path(),
            ));
        }
    }
}

fn check_record(key: &str, value: Option<&Value>, issues: &mut Vec<RouteIssue>) {
    match value {
        // Absent: the route fills in `{}`.
        None => {}
        // Most bodies have no blank string: look before building any path.
        Some(Value::Object(map)) if !map.values().any(has_blank_string) => {}
        Some(Value::Object(map)) => {
            for entry in js_key_order(map) {
                if let Some(inner) = map.get(entry) {
                    let mut blanks = Vec::new();
                    find_blank_strings(
                        inner,
                        &mut format!("/{key}/{}", escape_pointer(entry)),
                        &mut blanks,
                    );
                    for path in blanks {
                        issues.push(RouteIssue::new(
                            Issue::new(IssueCode::BlankString, path, "value '' is not valid"),
                            format!("request body.{key}.{entry}"),
                        ));
                    }
                }
            }
        }
        Some(other) => {
            let message = if other.is_string() {
                // A string that is not JSON text (see `coerce`).
                "could not parse record value from json input".to_owned()
            } else {
                format!(
                    "expected value of type [object] but got [{}]",
                    type_name(Some(other))
                )
            };
            issues.push(RouteIssue::new(
                Issue::new(IssueCode::InvalidType, format!("/{key}"), message).with_params(
                    crate::js::json!({ "expected": "object", "received": type_name(Some(other)) }),
                ),
                format!("request body.{key}"),
            ));
        }
    }
}

/// True when a blank string is somewhere inside `value`.
fn has_blank_string(value: &Value) -> bool {
    match value {
        Value::String(text) => is_blank(text),
        Value::Array(items) => items.iter().any(has_blank_string),
        Value::Object(map) => map.values().any(has_blank_string),
        _ => false,
    }
}

/// Records the pointer of every blank string inside `value` (the route's `validateEmptyStrings`).
fn find_blank_strings(value: &Value, path: &mut String, found: &mut Vec<String>) {
    match value {
        Value::String(text) if is_blank(text) => found.push(path.clone()),
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("/{index}"));
                find_blank_strings(item, path, found);
                path.truncate(len);
            }
        }
        Value::Object(map) => {
            for key in js_key_order(map) {
                if let Some(item) = map.get(key) {
                    let len = path.len();
                    path.push('/');
                    path.push_str(&escape_pointer(key));
                    find_blank_strings(item, path, found);
                    path.truncate(len);
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_body_key_is_named_in_its_params_in_either_wording() {
        let body = crate::js::json!({ "name": "n", "connector_type_id": ".index", "a/b": 1 });
        for wording in [
            UnknownKeyWording::DefinitionMissing,
            UnknownKeyWording::AdditionalProperties,
        ] {
            let issues = check_body(&body, BodyKind::Create, wording);
            let [unknown] = issues.as_slice() else {
                panic!("one issue expected: {issues:?}");
            };
            assert_eq!(unknown.issue.path, "/a~1b");
            assert_eq!(
                unknown.issue.params,
                Some(crate::js::json!({ "key": "a/b" }))
            );
        }
    }

    #[test]
    fn id_rule() {
        assert!(check_id("my-connector-1", IdRule::Full).is_none());
        assert!(check_id("90a82c60-478f-11ee-a343-f98a117c727f", IdRule::Full).is_none());
        for bad in ["My-Connector", "a_b", "-a", "a-", "a b"] {
            let issue = check_id(bad, IdRule::Full).expect(bad);
            assert_eq!(
                issue.issue.message,
                "Connector ID must contain only lowercase letters, numbers, and hyphens."
            );
        }
        assert_eq!(
            check_id("__proto__", IdRule::Full).unwrap().issue.message,
            "Connector ID must not contain path separators (\"/\") or traversal sequences (\"..\")."
        );
        assert_eq!(
            check_id(&"a".repeat(37), IdRule::Full)
                .unwrap()
                .issue
                .message,
            "value has length [37] but it must have a maximum length of [36]."
        );
    }

    #[test]
    fn the_id_rule_grew_over_releases() {
        // Before 9.4 any id; 9.4 only the length; since 9.5 the characters too.
        assert!(check_id(&"A_b".repeat(20), IdRule::Any).is_none());
        assert!(check_id("A_b", IdRule::Length).is_none());
        assert!(check_id(&"a".repeat(37), IdRule::Length).is_some());
        assert!(check_id("A_b", IdRule::Full).is_some());
    }
}
