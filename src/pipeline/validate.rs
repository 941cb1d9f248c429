//! The whole check of a request body, in Kibana's order: route envelope → connector type →
//! config schema → config rules → secrets schema → secrets rules → connector rules.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::connector::Part;
use crate::pipeline::actions_client::{
    PER_USER_AUTH_SINCE, check_kibana_managed_auth_type, deprecation_warning, license_warning,
    per_user_update_warning,
};
use crate::pipeline::envelope::{self, BodyKind};
use crate::pipeline::findings::Findings;
use crate::pipeline::normalize::normalized_body;
use crate::pipeline::options::{Mode, Options};
use crate::registry;
use crate::report::{Fidelity, Issue, IssueCode, KibanaError, Report};
use crate::versions::KibanaVersion;
use crate::zod::field;

/// The result of one full check: the report, and the stored body when Kibana would accept it.
struct Outcome {
    report: Report,
    normalized: Option<Value>,
}

// One step after another, in Kibana's order: splitting it would hide that order.
#[allow(clippy::too_many_lines)]
fn run(body: &Value, options: &Options, store: bool) -> Outcome {
    let body = &*envelope::coerce(body);
    let mut findings = Findings::new(store, options.kibana_version);
    check_route(body, options, &mut findings);

    let empty = Value::Object(Map::new());
    let field = |key: &str| body.as_object().and_then(|map| field(map, key));
    let type_id = match options.mode {
        Mode::Create => field("connector_type_id").and_then(Value::as_str),
        Mode::Update => options.connector_type_id.as_deref(),
    };
    let mut stored = None;
    match type_id.filter(|id| !crate::js::is_blank(id)) {
        None if options.mode == Mode::Update => {
            findings.errors.push(
                Issue::new(
                    IssueCode::Required,
                    "",
                    "options.connectorTypeId is required to check an update body",
                )
                .with_params(crate::js::json!({ "option": "connectorTypeId" })),
            );
        }
        None => {}
        Some(id) => match registry::find(id).filter(|found| {
            findings.holds(found.id, &found.since)
                && !found
                    .until
                    .is_some_and(|until| findings.holds(found.id, &until))
        }) {
            None => not_registered(id, &mut findings),
            Some(connector_type) => match connector_type.model {
                None => {
                    let message =
                        format!("System action creation is forbidden. Action type: {id}.");
                    findings.fail(KibanaError::bad_request(message.clone()));
                    findings.errors.push(
                        Issue::new(IssueCode::SystemActionType, "/connector_type_id", message)
                            .with_params(crate::js::json!({ "connectorTypeId": id })),
                    );
                }
                Some(model) => {
                    let config = field("config").unwrap_or(&empty);
                    let secrets = field("secrets").unwrap_or(&empty);
                    deprecation_warning(connector_type, &mut findings);
                    if config.is_object() && secrets.is_object() {
                        check_kibana_managed_auth_type(id, config, secrets, &mut findings);
                        if options.mode == Mode::Update
                            && findings.holds("per-user auth types", &PER_USER_AUTH_SINCE)
                        {
                            per_user_update_warning(config, secrets, &mut findings);
                        }
                        findings.older_release(connector_type.versioned, config, secrets);
                        stored = (model.check)(config, secrets, &mut findings);
                    }
                    license_warning(connector_type, &mut findings);
                }
            },
        },
    }

    // An older release has no defaults for the fields it does not have.
    if let Some(stored) = stored.as_mut() {
        for entry in findings.absent.iter().filter(|e| e.added.is_empty()) {
            let part = match entry.part {
                Part::Config => &mut stored.config,
                Part::Secrets => &mut stored.secrets,
            };
            if let Value::Object(map) = part {
                map.shift_remove(entry.key);
            }
        }
    }
    let report = findings.into_report();
    let normalized = match (report.valid, stored) {
        (true, Some(stored)) => Some(normalized_body(body, options.mode, stored)),
        _ => None,
    };
    Outcome { report, normalized }
}

/// The route's own checks: the `id` parameter and the body's keys, as the release words them.
fn check_route(body: &Value, options: &Options, findings: &mut Findings) {
    // The release's id rule is asked only for an id the newest rule refuses.
    if let Some(id) = options.id.as_deref() {
        if envelope::check_id(id, envelope::IdRule::Full).is_some() {
            let rule =
                envelope::IdRule::for_release(&mut |what, since| findings.holds(what, since));
            if let Some(issue) = envelope::check_id(id, rule) {
                findings.route(vec![issue]);
            }
        }
    }
    let kind = match options.mode {
        Mode::Create => BodyKind::Create,
        Mode::Update => BodyKind::Update,
    };
    // The release's wording of unknown body keys is asked only when there is one.
    let mut route = envelope::check_body(
        body,
        kind,
        envelope::UnknownKeyWording::AdditionalProperties,
    );
    if route.iter().any(|r| r.issue.code == IssueCode::UnknownKey)
        && !findings.holds(
            "unknown body keys",
            &envelope::ADDITIONAL_PROPERTIES_WORDING,
        )
    {
        route = envelope::check_body(body, kind, envelope::UnknownKeyWording::DefinitionMissing);
    }
    findings.route(route);
}

/// Kibana's answer for a type the release does not register; for a type a server setting
/// registers, a warning naming the setting.
fn not_registered(id: &str, findings: &mut Findings) {
    if let Some(setting) = registry::gated_by(id) {
        findings.warnings.push(
            Issue::new(
                IssueCode::ServerCheck,
                "/connector_type_id",
                format!("Kibana registers {id} only when {setting} is on (off by default)"),
            )
            .with_params(crate::js::json!({ "check": "registered", "setting": setting })),
        );
    }
    let message = format!("Action type \"{id}\" is not registered.");
    findings.fail(KibanaError::bad_request(message.clone()));
    findings.errors.push(
        Issue::new(
            IssueCode::UnknownConnectorType,
            "/connector_type_id",
            message,
        )
        .with_params(crate::js::json!({ "connectorTypeId": id })),
    );
}

/// Checks a request body as Kibana would.
pub fn validate(body: &Value, options: &Options) -> Report {
    run(body, options, false).report
}

/// The body as Kibana would store it (defaults filled in), or every problem that stops it.
pub fn normalize(body: &Value, options: &Options) -> Result<Value, Vec<Issue>> {
    let outcome = run(body, options, true);
    let mut stored = outcome.normalized.ok_or(outcome.report.errors)?;
    // Kibana keeps the body as JSON: an `Infinity` a free-form field accepted is `null` there.
    crate::js::stored_numbers(&mut stored);
    Ok(stored)
}

/// Hapi's answer to a body that is not JSON.
pub const INVALID_JSON_MESSAGE: &str = "Invalid request payload JSON format";

/// Kibana's default `server.maxPayload`: larger bodies are refused (413) before any check.
pub const MAX_PAYLOAD_BYTES: usize = 1_048_576;

/// The text with `JSON.parse`'s lone UTF-16 surrogate escape named, then `rest`.
macro_rules! lone_surrogate {
    ($rest:literal) => {
        concat!(
            "The body's text has a lone UTF-16 surrogate escape (such as \\ud800 without its pair), which JSON.parse, and so Kibana, keeps in the string",
            $rest
        )
    };
}

/// Parses JSON text as Kibana's HTTP server (hapi) does, or reports why Kibana could not read it.
///
/// hapi reads a JSON payload with `JSON.parse` semantics (a number literal too large for a
/// double is `Infinity`, see [`crate::js::json_parse`]) and refuses any object key `__proto__`
/// (its `payload.protoAction` default, `'error'`, which Kibana's `getServerOptions` in
/// `kbn-server-http-tools` does not change): `400 Invalid request payload JSON format`.
///
/// Text that `JSON.parse` reads but a Rust string cannot hold (a lone UTF-16 surrogate escape) is
/// refused here with no Kibana answer claimed; [`validate_json`] reads it approximately.
#[allow(clippy::result_large_err)] // the report is the answer, made once per call
pub fn parse_body(text: &str) -> Result<Value, Report> {
    match read_body(text)? {
        (body, false) => Ok(body),
        // Kibana reads it: no answer of Kibana's is claimed.
        (_, true) => Err(unreadable(
            IssueCode::InvalidJson,
            lone_surrogate!(
                ": a Rust string cannot hold it (validate_json reads it approximately)"
            )
            .to_owned(),
            None,
            None,
        )),
    }
}

/// Says in `report` that a lone surrogate escape was read as U+FFFD ([`read_body`]), unless
/// nothing was checked (options that cannot be used).
fn read_approximately(report: &mut Report) {
    if !report.kibana_version.is_empty() {
        report.fidelity = Fidelity::Approximate;
        report.approximations.push(LONE_SURROGATE.to_owned());
    }
}

/// The body as `JSON.parse` reads it, with U+FFFD in the place of each lone surrogate escape
/// (`true` when there was one: see [`read_approximately`]). Every entry point that takes JSON
/// text reads it through here.
#[allow(clippy::result_large_err)] // as parse_body: the report is the answer
pub(crate) fn read_body(text: &str) -> Result<(Value, bool), Report> {
    if text.len() > MAX_PAYLOAD_BYTES {
        return Err(unreadable(
            IssueCode::InputTooLarge,
            format!(
                "The body has {} bytes; Kibana reads at most {MAX_PAYLOAD_BYTES} (server.maxPayload)",
                text.len()
            ),
            Some(crate::js::json!({ "bytes": text.len(), "maximum": MAX_PAYLOAD_BYTES })),
            Some(KibanaError {
                status_code: 413,
                error: "Request Entity Too Large",
                message: format!(
                    "Payload content length greater than maximum allowed: {MAX_PAYLOAD_BYTES}"
                ),
            }),
        ));
    }
    let parsed = crate::js::json_parse_lossy(text).map_err(|error| {
        let params = Some(crate::js::json!({ "line": error.line(), "column": error.column() }));
        if error.is_too_deep() {
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
    })?;
    let found = parsed
        .proto_key
        .then(|| proto_key(&parsed.value, &mut String::new()))
        .flatten();
    match found {
        None => Ok((parsed.value, parsed.lone_surrogate)),
        Some(path) => Err(Report {
            valid: false,
            errors: vec![Issue::new(
                IssueCode::InvalidJson,
                path,
                "Kibana's HTTP server refuses JSON with a `__proto__` key (prototype pollution protection)",
            )],
            warnings: Vec::new(),
            kibana_error: Some(KibanaError::bad_request(INVALID_JSON_MESSAGE)),
            ..Report::default()
        }),
    }
}

/// The pointer of the first `__proto__` key in `value`, depth first in document order (asked
/// only of a body that has one, as the parser noticed: it builds a pointer for every key it passes).
fn proto_key(value: &Value, path: &mut String) -> Option<String> {
    let len = path.len();
    let found = match value {
        Value::Object(map) => map.iter().find_map(|(key, inner)| {
            path.truncate(len);
            path.push('/');
            path.push_str(&crate::pointer::escape_pointer(key));
            if key == "__proto__" {
                Some(path.clone())
            } else {
                proto_key(inner, path)
            }
        }),
        Value::Array(items) => items.iter().enumerate().find_map(|(index, inner)| {
            path.truncate(len);
            path.push('/');
            path.push_str(&index.to_string());
            proto_key(inner, path)
        }),
        _ => None,
    };
    path.truncate(len);
    found
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
        ..Report::default()
    }
}

/// One body as several Kibana releases answer it: a report per release, and in words what
/// changes from each release to the next (an upgrade check).
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// The report of each release, in the order asked.
    pub reports: Vec<Report>,
    /// What changes between consecutive releases, e.g. `valid on 8.19, refused on 9.6: …`.
    pub changes: Vec<String>,
}

/// Checks `body` as each of `versions` would (the options' own `kibanaVersion` is ignored).
pub fn compare_versions(body: &Value, versions: &[KibanaVersion], options: &Options) -> Comparison {
    let reports: Vec<Report> = versions
        .iter()
        .map(|version| {
            let options = Options {
                kibana_version: *version,
                ..options.clone()
            };
            validate(body, &options)
        })
        .collect();
    let verdict = |report: &Report| {
        report
            .kibana_error
            .as_ref()
            .map(|error| format!("{} {}", error.status_code, error.message))
    };
    let mut changes = Vec::new();
    for pair in reports.windows(2) {
        let [before, after] = pair else { continue };
        let (from, to) = (&before.kibana_version, &after.kibana_version);
        changes.push(match (verdict(before), verdict(after)) {
            (None, None) => format!("valid on {from} and {to}"),
            (None, Some(refusal)) => format!("valid on {from}, refused on {to}: {refusal}"),
            (Some(refusal), None) => format!("refused on {from} ({refusal}), valid on {to}"),
            (Some(first), Some(second)) if first == second => {
                format!("refused on {from} and {to}: {first}")
            }
            (Some(first), Some(second)) => {
                format!("refused on {from}: {first}; on {to} with another answer: {second}")
            }
        });
    }
    Comparison { reports, changes }
}

/// [`normalize`] for JSON text: text Kibana could not read gives the reason as the one error.
pub fn normalize_json(text: &str, options: &Options) -> Result<Value, Vec<Issue>> {
    match read_body(text) {
        Ok((body, false)) => normalize(&body, options),
        // Storing U+FFFD for the surrogate would change the value: nothing is stored instead.
        Ok((_, true)) => Err(vec![Issue::new(
            IssueCode::InvalidJson,
            "",
            lone_surrogate!(
                ": this checker cannot hold it, so it gives no stored body (validate answers approximately)"
            ),
        )]),
        Err(report) => Err(report.errors),
    }
}

/// Why a body whose text has a lone UTF-16 surrogate escape is answered approximately.
pub const LONE_SURROGATE: &str = lone_surrogate!(
    "; this checker reads it as U+FFFD, the character a URL or a string's length sees in its place, so only a rule on that string's exact characters could answer otherwise"
);

/// [`validate`] for JSON text.
pub fn validate_json(text: &str, options: &Options) -> Report {
    match read_body(text) {
        Ok((body, replaced)) => {
            let mut report = validate(&body, options);
            if replaced {
                read_approximately(&mut report);
            }
            report
        }
        Err(report) => report,
    }
}

/// [`compare_versions`] for JSON text: text Kibana could not read gives each release that report.
pub fn compare_versions_json(
    text: &str,
    versions: &[KibanaVersion],
    options: &Options,
) -> Comparison {
    match read_body(text) {
        Ok((body, replaced)) => {
            let mut comparison = compare_versions(&body, versions, options);
            if replaced {
                comparison.reports.iter_mut().for_each(read_approximately);
            }
            comparison
        }
        Err(report) => Comparison {
            reports: versions.iter().map(|_| report.clone()).collect(),
            changes: Vec::new(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lone_surrogate_is_checked_approximately_and_never_stored() {
        let options = Options::default();
        let text = r#"{"name":"n","connector_type_id":".index","config":{"index":"i\ud800"}}"#;
        let report = validate_json(text, &options);
        assert!(report.valid, "{report:?}");
        assert_eq!(report.fidelity, Fidelity::Approximate);
        assert_eq!(report.approximations, [LONE_SURROGATE]);
        let unread = parse_body(text).unwrap_err();
        assert_eq!(
            unread.kibana_error, None,
            "Kibana reads it: no answer is claimed"
        );
        let errors = normalize_json(text, &options).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code, IssueCode::InvalidJson);

        // What Kibana refuses is still refused: a blank name, text JSON.parse refuses, `__proto__`.
        let blank = validate_json(&text.replace(r#""n""#, r#""\ud800 ""#), &options);
        assert!(blank.valid, "a lone surrogate is not blank");
        let broken = validate_json(&text.replace('}', ""), &options);
        assert_eq!(broken.errors[0].code, IssueCode::InvalidJson);
        assert_eq!(broken.kibana_error.map(|e| e.status_code), Some(400));
        let versions = [
            KibanaVersion::default(),
            KibanaVersion::parse("8.19").unwrap(),
        ];
        let compared = compare_versions_json(text, &versions, &options);
        assert!(
            compared
                .reports
                .iter()
                .all(|r| r.valid && r.approximations == [LONE_SURROGATE])
        );
        let proto = validate_json(&text.replace(r#""index":"#, r#""__proto__":"#), &options);
        assert!(proto.errors[0].message.contains("__proto__"));
        assert_eq!(proto.fidelity, Fidelity::Exact);
    }
}
