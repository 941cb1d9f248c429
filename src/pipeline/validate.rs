//! The whole check of a request body, in Kibana's order: route envelope → connector type →
//! config schema → config rules → secrets schema → secrets rules → connector rules.

use serde_json::{Map, Value};

use crate::pipeline::actions_client::{
    check_kibana_managed_auth_type, license_warning, per_user_update_warning,
};
use crate::pipeline::envelope::{self, BodyKind};
use crate::pipeline::findings::Findings;
use crate::pipeline::normalize::normalized_body;
use crate::pipeline::options::{Mode, Options};
use crate::registry;
use crate::report::{Issue, IssueCode, KibanaError, Report};
use crate::zod::field;

/// The result of one full check: the report, and the stored body when Kibana would accept it.
struct Outcome {
    report: Report,
    normalized: Option<Value>,
}

fn run(body: &Value, options: &Options, store: bool) -> Outcome {
    let body = &*envelope::coerce(body);
    let mut findings = Findings::new(store);
    if let Some(issue) = options.id.as_deref().and_then(envelope::check_id) {
        findings.route(vec![issue]);
    }
    let kind = match options.mode {
        Mode::Create => BodyKind::Create,
        Mode::Update => BodyKind::Update,
    };
    findings.route(envelope::check_body(body, kind));

    let empty = Value::Object(Map::new());
    let field = |key: &str| body.as_object().and_then(|map| field(map, key));
    let type_id = match options.mode {
        Mode::Create => field("connector_type_id").and_then(Value::as_str),
        Mode::Update => options.connector_type_id.as_deref(),
    };
    let mut stored = None;
    match type_id.filter(|id| !id.trim().is_empty()) {
        None if options.mode == Mode::Update => {
            findings.errors.push(
                Issue::new(
                    IssueCode::Required,
                    "",
                    "options.connectorTypeId is required to check an update body",
                )
                .with_params(serde_json::json!({ "option": "connectorTypeId" })),
            );
        }
        None => {}
        Some(id) => match registry::find(id) {
            None => {
                let message = format!("Action type \"{id}\" is not registered.");
                findings.fail(KibanaError::bad_request(message.clone()));
                findings.errors.push(
                    Issue::new(
                        IssueCode::UnknownConnectorType,
                        "/connector_type_id",
                        message,
                    )
                    .with_params(serde_json::json!({ "connectorTypeId": id })),
                );
            }
            Some(connector_type) => match connector_type.model {
                None => {
                    let message =
                        format!("System action creation is forbidden. Action type: {id}.");
                    findings.fail(KibanaError::bad_request(message.clone()));
                    findings.errors.push(
                        Issue::new(IssueCode::SystemActionType, "/connector_type_id", message)
                            .with_params(serde_json::json!({ "connectorTypeId": id })),
                    );
                }
                Some(model) => {
                    let config = field("config").unwrap_or(&empty);
                    let secrets = field("secrets").unwrap_or(&empty);
                    if config.is_object() && secrets.is_object() {
                        check_kibana_managed_auth_type(id, config, secrets, &mut findings);
                        if options.mode == Mode::Update {
                            per_user_update_warning(config, secrets, &mut findings);
                        }
                        stored = (model.check)(config, secrets, &mut findings);
                    }
                    license_warning(connector_type, &mut findings);
                }
            },
        },
    }

    let report = findings.into_report();
    let normalized = match (report.valid, stored) {
        (true, Some(stored)) => Some(normalized_body(body, options.mode, stored)),
        _ => None,
    };
    Outcome { report, normalized }
}

/// The body as Kibana would store it (defaults filled in), or every problem that stops it.
pub fn normalize(body: &Value, options: &Options) -> Result<Value, Vec<Issue>> {
    let outcome = run(body, options, true);
    outcome.normalized.ok_or(outcome.report.errors)
}

/// Checks a request body as Kibana would.
pub fn validate(body: &Value, options: &Options) -> Report {
    run(body, options, false).report
}

/// Hapi's answer to a body that is not JSON.
pub const INVALID_JSON_MESSAGE: &str = "Invalid request payload JSON format";

/// Kibana's default `server.maxPayload`: larger bodies are refused (413) before any check.
pub const MAX_PAYLOAD_BYTES: usize = 1_048_576;

/// Parses JSON text, or reports why it is not a body Kibana could read.
pub fn parse_body(text: &str) -> Result<Value, Report> {
    if text.len() > MAX_PAYLOAD_BYTES {
        return Err(unreadable(
            IssueCode::InputTooLarge,
            format!(
                "The body has {} bytes; Kibana reads at most {MAX_PAYLOAD_BYTES} (server.maxPayload)",
                text.len()
            ),
            Some(serde_json::json!({ "bytes": text.len(), "maximum": MAX_PAYLOAD_BYTES })),
            Some(KibanaError {
                status_code: 413,
                error: "Request Entity Too Large",
                message: format!(
                    "Payload content length greater than maximum allowed: {MAX_PAYLOAD_BYTES}"
                ),
            }),
        ));
    }
    serde_json::from_str(text).map_err(|error| {
        let params = Some(serde_json::json!({ "line": error.line(), "column": error.column() }));
        if error.to_string().contains("recursion limit") {
            // Kibana would read it; what it answers depends on content this checker does not read.
            unreadable(
                IssueCode::InputTooLarge,
                format!("The body is nested more than 128 levels deep, deeper than this checker reads ({error})"),
                params,
                None,
            )
        } else {
            unreadable(
                IssueCode::InvalidJson,
                format!("The body is not valid JSON: {error}"),
                params,
                Some(KibanaError::bad_request(INVALID_JSON_MESSAGE)),
            )
        }
    })
}

/// A report for a body that was never checked.
pub fn unreadable(
    code: IssueCode,
    message: String,
    params: Option<Value>,
    kibana_error: Option<KibanaError>,
) -> Report {
    Report {
        valid: false,
        errors: vec![Issue::new(code, "", message).with_optional_params(params)],
        warnings: Vec::new(),
        kibana_error,
    }
}

/// [`validate`] for JSON text.
pub fn validate_json(text: &str, options: &Options) -> Report {
    match parse_body(text) {
        Ok(body) => validate(&body, options),
        Err(report) => report,
    }
}
