//! What a connector type module provides, and how its custom rules report problems.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::report::IssueCode;
use crate::zod::Zod;

/// One connector type's models and Kibana's custom validators for it.
///
/// Kibana validates a connector in this order, stopping at the first failing step:
/// config schema → [`Connector::check_config`] → secrets schema → [`Connector::check_secrets`] →
/// [`Connector::check_connector`]. The schema steps come from the models; the others are written
/// by hand in each module.
pub trait Connector {
    /// The `config` model.
    type Config: Zod + Serialize;
    /// The `secrets` model.
    type Secrets: Zod + Serialize;

    /// Kibana's config custom validator, run on the parsed config (defaults filled in).
    fn check_config(_config: &Self::Config, _rules: &mut Rules) {}

    /// Kibana's secrets custom validator, run on the parsed secrets.
    fn check_secrets(_secrets: &Self::Secrets, _rules: &mut Rules) {}

    /// Cross-field rules that JSON Schema can express, as subschemas of the whole request body
    /// (`{ "if": …, "then": … }` over `config` and `secrets`); they join the body schema's
    /// `allOf`. Rules it cannot express are listed in the README.
    fn schema_rules() -> Vec<Value> {
        Vec::new()
    }

    /// The config Kibana saves, from the parsed config and secrets (both as JSON): the actions
    /// client's last step before saving. Most types save the parsed config as it is.
    fn stored_config(config: Value, _secrets: &Value) -> Value {
        config
    }

    /// Adjusts the JSON Schema of the stored config to what [`Connector::stored_config`] adds.
    fn stored_config_schema(_schema: &mut Value) {}

    /// Kibana's connector validator, run on the *raw* request `config` and `secrets`.
    fn check_connector(
        _config: &Map<String, Value>,
        _secrets: &Map<String, Value>,
        _rules: &mut Rules,
    ) {
    }
}

/// A problem found by a custom rule: Kibana's message and the fields it concerns.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleIssue {
    /// This crate's code.
    pub code: IssueCode,
    /// Pointers to the fields concerned (`/config/host`); one issue is reported per pointer.
    pub paths: Vec<String>,
    /// Kibana's message, as thrown by the validator (no secret values in it).
    pub message: String,
    /// Machine-readable details.
    pub params: Option<Value>,
}

/// Collects what a custom rule finds.
///
/// Kibana's validators throw at the first problem; the rules here record every problem in the
/// same order, so the first one recorded is the one Kibana reports.
#[derive(Debug, Default)]
pub struct Rules {
    pub(crate) errors: Vec<RuleIssue>,
    pub(crate) warnings: Vec<RuleIssue>,
}

impl Rules {
    /// Records a problem concerning the field at `path`.
    pub fn error(&mut self, code: IssueCode, path: &str, message: impl Into<String>) {
        self.error_at(code, &[path], message);
    }

    /// Records one problem concerning several fields (Kibana's `[host]/[port] is required`).
    pub fn error_at(&mut self, code: IssueCode, paths: &[&str], message: impl Into<String>) {
        self.errors.push(RuleIssue {
            code,
            paths: paths.iter().map(|p| (*p).to_owned()).collect(),
            message: message.into(),
            params: None,
        });
    }

    /// Records a problem with machine-readable details.
    pub fn error_with(
        &mut self,
        code: IssueCode,
        path: &str,
        message: impl Into<String>,
        params: Value,
    ) {
        self.errors.push(RuleIssue {
            code,
            paths: vec![path.to_owned()],
            message: message.into(),
            params: Some(params),
        });
    }

    /// Records a check that only the Kibana server can decide (`server_check` warning).
    pub fn server_check(&mut self, path: &str, message: impl Into<String>, params: Value) {
        self.warnings.push(RuleIssue {
            code: IssueCode::ServerCheck,
            paths: vec![path.to_owned()],
            message: message.into(),
            params: Some(params),
        });
    }

    /// True when no error has been recorded.
    pub fn is_clean(&self) -> bool {
        self.errors.is_empty()
    }
}

/// The value JavaScript would see as truthy, for rules that test `if (value)`.
pub fn truthy(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => false,
        Some(Value::Bool(flag)) => *flag,
        Some(Value::Number(number)) => crate::js::number_value(number) != 0.0,
        Some(Value::String(text)) => !text.is_empty(),
        Some(Value::Array(_) | Value::Object(_)) => true,
    }
}

/// True for a value that is `null` or absent (JavaScript's `value == null`).
pub fn is_nullish(value: Option<&Value>) -> bool {
    matches!(value, None | Some(Value::Null))
}
