//! The whole check of a request body, in Kibana's order: route envelope → connector type →
//! config schema → config rules → secrets schema → secrets rules → connector rules.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::catalog::{AuthKind, License};
use crate::connector::{Part, Record, RuleIssue, Rules, Stored, Validator};
use crate::pipeline::envelope::{self, BodyKind, RouteIssue};
use crate::pipeline::eras;
use crate::pointer::{Segment, pointer};
use crate::registry;
use crate::report::{Fidelity, Issue, IssueCode, KibanaError, Report};
use crate::versions::{Holds, KibanaVersion, MessageEra, Release, Since};
use crate::zod::{ZodIssue, field};

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
        let issue = |option: Option<&str>, message: String| Issue {
            code: IssueCode::InvalidOptions,
            path: String::new(),
            message,
            params: option.map(|option| serde_json::json!({ "option": option })),
        };
        let map = match value {
            Value::Null => return Ok(Self::default()),
            Value::Object(map) if !map.contains_key("$typeof") => map,
            other => {
                return Err(vec![issue(
                    None,
                    format!(
                        "The options must be an object {}, not {}",
                        Self::SHAPE,
                        js_kind(other)
                    ),
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
            Some(kind @ ("function" | "symbol" | "bigint" | "number")) => format!("a {kind}"),
            Some(_) => {
                "a value whose reading threw (a getter, a Proxy trap or a revoked Proxy)".to_owned()
            }
        },
    }
}

/// A report for options that cannot be used: nothing was checked, and Kibana never sees options.
pub fn invalid_options(errors: Vec<Issue>) -> Report {
    Report {
        valid: false,
        errors,
        warnings: Vec::new(),
        kibana_error: None,
        ..Report::default()
    }
}

/// The start of Kibana's message for a failing step: `error validating connector type config: `
/// (`action type` before 9.3); the connector validator's kept `action type` in every release.
fn step_prefix(era: MessageEra, validator: Validator) -> String {
    let noun = match validator {
        Validator::Connector => "action type",
        Validator::Config | Validator::Secrets => eras::schema_noun(era),
    };
    let part = match validator {
        Validator::Config => "config",
        Validator::Secrets => "secrets",
        Validator::Connector => "connector",
    };
    ["error validating ", noun, " ", part, ": "].concat()
}

/// Everything found so far; the first failing step sets Kibana's answer.
#[derive(Debug, Default)]
pub struct Findings {
    /// Whether the stored form is wanted (normalize), or only the report (validate).
    store: bool,
    errors: Vec<Issue>,
    warnings: Vec<Issue>,
    kibana_error: Option<KibanaError>,
    /// The Kibana that answers.
    version: KibanaVersion,
    /// Why the answer may not be that Kibana's word for word.
    approximations: Vec<String>,
}

impl Findings {
    /// Notes why the answer is approximate (once per reason).
    fn approximate(&mut self, why: &str) {
        if !self.approximations.iter().any(|known| known == why) {
            self.approximations.push(why.to_owned());
        }
    }

    /// Whether `since` holds in the answering version; an uncertain answer is noted.
    fn holds(&mut self, what: &str, since: &Since) -> bool {
        let (holds, uncertain) = since.holds_in(self.version);
        if let Some(why) = uncertain {
            self.approximate(&format!("{what}: {why}"));
        }
        holds == Holds::Yes
    }

    fn fail(&mut self, error: KibanaError) {
        if self.kibana_error.is_none() {
            self.kibana_error = Some(error);
        }
    }

    /// Kibana's 400 answer, unless an earlier step already gave one (the text is built only then).
    fn fail_with(&mut self, message: impl FnOnce() -> String) {
        if self.kibana_error.is_none() {
            self.kibana_error = Some(KibanaError::bad_request(message()));
        }
    }

    fn route(&mut self, issues: Vec<RouteIssue>) {
        if let Some(first) = issues.first() {
            self.fail_with(|| ["[", &first.kibana_path, "]: ", &first.message].concat());
        }
        for issue in issues {
            self.errors.push(Issue {
                code: issue.code,
                path: issue.path,
                message: issue.message,
                params: issue.params,
            });
        }
    }

    /// Records a schema step; true when it passed.
    #[inline(never)] // once, not in every connector type's `connector::check`
    fn schema_step(&mut self, base: &str, validator: Validator, issues: Vec<ZodIssue>) -> bool {
        if issues.is_empty() {
            return true;
        }
        let era = self.version.release.era();
        if self.kibana_error.is_none() {
            for why in eras::approximations(era, &issues) {
                self.approximate(why);
            }
        }
        self.fail_with(|| {
            [
                step_prefix(era, validator),
                eras::schema_message(era, &issues),
            ]
            .concat()
        });
        // A union that matched none of its options is one line in Kibana's text, but the
        // report lists the issues of the option the input was meant for.
        for issue in issues.into_iter().flat_map(ZodIssue::into_located) {
            if issue.keys.is_empty() {
                self.errors.push(Issue {
                    code: issue.code,
                    path: pointer(base, &issue.path),
                    message: issue.message,
                    params: issue.params,
                });
            } else {
                for key in issue.keys {
                    let mut path = issue.path.clone();
                    path.push(Segment::Key(key.clone().into()));
                    self.errors.push(Issue {
                        code: issue.code,
                        path: pointer(base, &path),
                        message: format!("Unrecognized key: \"{key}\""),
                        params: Some(serde_json::json!({ "key": key })),
                    });
                }
            }
        }
        false
    }

    /// Records a custom-rule step; true when it passed.
    #[inline(never)]
    fn rule_step(&mut self, validator: Validator, rules: Rules) -> bool {
        for why in &rules.approximations {
            self.approximate(why);
        }
        let passed = rules.errors.is_empty();
        if let Some(first) = rules.errors.first() {
            let era = self.version.release.era();
            self.fail_with(|| [step_prefix(era, validator).as_str(), &first.message].concat());
        }
        self.errors
            .extend(rules.errors.into_iter().flat_map(expand));
        self.warnings
            .extend(rules.warnings.into_iter().flat_map(expand));
        passed
    }

    fn into_report(self) -> Report {
        let mut report = Report {
            valid: self.errors.is_empty(),
            errors: self.errors,
            warnings: self.warnings,
            kibana_error: self.kibana_error,
            truncated: false,
            kibana_version: self.version.to_string(),
            fidelity: if self.approximations.is_empty() {
                Fidelity::Exact
            } else {
                Fidelity::Approximate
            },
            approximations: self.approximations,
        };
        report.cap();
        report
    }
}

fn expand(issue: RuleIssue) -> Vec<Issue> {
    issue
        .paths
        .into_iter()
        .map(|path| Issue {
            code: issue.code,
            path,
            message: issue.message.clone(),
            params: issue.params.clone(),
        })
        .collect()
}

impl Record for Findings {
    fn schema_step(&mut self, part: Part, issues: Vec<ZodIssue>) -> bool {
        let (base, validator) = match part {
            Part::Config => ("/config", Validator::Config),
            Part::Secrets => ("/secrets", Validator::Secrets),
        };
        self.schema_step(base, validator, issues)
    }

    fn rule_step(&mut self, validator: Validator, rules: Rules) -> bool {
        self.rule_step(validator, rules)
    }

    fn wants_stored(&self) -> bool {
        self.store
    }

    fn version(&self) -> KibanaVersion {
        self.version
    }
}

/// The result of one full check: the report, and the stored body when Kibana would accept it.
struct Outcome {
    report: Report,
    normalized: Option<Value>,
}

// One step after another, in Kibana's order: splitting it would hide that order.
#[allow(clippy::too_many_lines)]
fn run(body: &Value, options: &Options, store: bool) -> Outcome {
    let body = &*envelope::coerce(body);
    let mut findings = Findings {
        store,
        version: options.kibana_version,
        ..Findings::default()
    };
    if let Some(id) = options.id.as_deref() {
        let rule = envelope::IdRule::for_release(&mut |what, since| findings.holds(what, since));
        if let Some(issue) = envelope::check_id(id, rule) {
            findings.route(vec![issue]);
        }
    }
    let kind = match options.mode {
        Mode::Create => BodyKind::Create,
        Mode::Update => BodyKind::Update,
    };
    let wording = if findings.holds(
        "unknown body keys",
        &envelope::ADDITIONAL_PROPERTIES_WORDING,
    ) {
        envelope::UnknownKeyWording::AdditionalProperties
    } else {
        envelope::UnknownKeyWording::DefinitionMissing
    };
    findings.route(envelope::check_body(body, kind, wording));

    let empty = Value::Object(Map::new());
    let field = |key: &str| body.as_object().and_then(|map| field(map, key));
    let type_id = match options.mode {
        Mode::Create => field("connector_type_id").and_then(Value::as_str),
        Mode::Update => options.connector_type_id.as_deref(),
    };
    let mut stored = None;
    match type_id.filter(|id| !crate::js::is_blank(id)) {
        None if options.mode == Mode::Update => {
            findings.errors.push(Issue {
                code: IssueCode::Required,
                path: String::new(),
                message: "options.connectorTypeId is required to check an update body".to_owned(),
                params: Some(serde_json::json!({ "option": "connectorTypeId" })),
            });
        }
        None => {}
        Some(id) => match registry::find(id).filter(|found| {
            findings.holds(found.id, &found.since)
                && !found
                    .until
                    .is_some_and(|until| findings.holds(found.id, &until))
        }) {
            None => {
                if let Some(setting) = registry::gated_by(id) {
                    findings.warnings.push(Issue {
                        code: IssueCode::ServerCheck,
                        path: "/connector_type_id".to_owned(),
                        message: format!(
                            "Kibana registers {id} only when {setting} is on (off by default)"
                        ),
                        params: Some(
                            serde_json::json!({ "check": "registered", "setting": setting }),
                        ),
                    });
                }
                let message = format!("Action type \"{id}\" is not registered.");
                findings.fail(KibanaError::bad_request(message.clone()));
                findings.errors.push(Issue {
                    code: IssueCode::UnknownConnectorType,
                    path: "/connector_type_id".to_owned(),
                    message,
                    params: Some(serde_json::json!({ "connectorTypeId": id })),
                });
            }
            Some(connector_type) => match connector_type.model {
                None => {
                    let message =
                        format!("System action creation is forbidden. Action type: {id}.");
                    findings.fail(KibanaError::bad_request(message.clone()));
                    findings.errors.push(Issue {
                        code: IssueCode::SystemActionType,
                        path: "/connector_type_id".to_owned(),
                        message,
                        params: Some(serde_json::json!({ "connectorTypeId": id })),
                    });
                }
                Some(model) => {
                    let config = field("config").unwrap_or(&empty);
                    let secrets = field("secrets").unwrap_or(&empty);
                    deprecation_warning(connector_type, &mut findings);
                    if config.is_object() && secrets.is_object() {
                        if findings.holds("Kibana-managed auth types", &KIBANA_MANAGED_AUTH_SINCE) {
                            check_kibana_managed_auth_type(id, config, secrets, &mut findings);
                        }
                        if options.mode == Mode::Update
                            && findings.holds("per-user auth types", &PER_USER_AUTH_SINCE)
                        {
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

/// `ensureNotKibanaManagedAuthType` (the `relay` auth type): no PR was found for it; it is taken
/// to come with the relay service work of mid-2026.
const KIBANA_MANAGED_AUTH_SINCE: Since = Since::approximate(
    Release::V9_6,
    "no PR was found; assumed to come with the relay service work of mid-2026",
);

/// Per-user (`authMode`) connectors and the update check on their auth type: PR #252262
/// (`v9.4.0`); the check is seen on main on 2026-04-02 (issue #260879).
const PER_USER_AUTH_SINCE: Since = Since::exact(Release::V9_4);

/// A warning for a type Kibana marks deprecated in the answering release, naming what Kibana
/// recommends instead (the API still creates it).
fn deprecation_warning(connector_type: &registry::ConnectorType, findings: &mut Findings) {
    let Some((since, instead)) = connector_type.deprecation else {
        return;
    };
    if findings.holds("the deprecation", &since) {
        findings.warnings.push(Issue {
            code: IssueCode::DeprecatedType,
            path: "/connector_type_id".to_owned(),
            message: [connector_type.name, " is deprecated: ", instead].concat(),
            params: Some(serde_json::json!({ "connectorTypeId": connector_type.id })),
        });
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
fn per_user_update_warning(config: &Value, secrets: &Value, findings: &mut Findings) {
    let Some((path, Value::String(chosen))) = requested_auth_type(config, secrets) else {
        return;
    };
    if !AuthKind::from_id(chosen).is_some_and(AuthKind::is_per_user) {
        return;
    }
    findings.warnings.push(Issue {
        code: IssueCode::ServerCheck,
        path: path.to_owned(),
        message: [
            "Kibana refuses this update unless the connector already uses ",
            chosen,
            " (Authentication type cannot be changed to a per-user type for shared connectors)",
        ]
        .concat(),
        params: Some(serde_json::json!({ "check": "authMode", "authType": chosen })),
    });
}

/// `ensureNotKibanaManagedAuthType` (actions client, create and update; placed here before the
/// schemas): `secrets.authType`, else `config.authType`, must not name an auth type Kibana
/// manages, whatever the connector type.
fn check_kibana_managed_auth_type(
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
    let message = [
        "Authentication type ",
        chosen,
        " is set by Kibana and cannot be configured on a connector. Action type: ",
        connector_type_id,
        ".",
    ]
    .concat();
    findings.fail(KibanaError::bad_request(message.clone()));
    findings.errors.push(Issue {
        code: IssueCode::NotAllowed,
        path: path.to_owned(),
        message,
        params: Some(serde_json::json!({ "authType": chosen })),
    });
}

fn license_warning(connector_type: &registry::ConnectorType, findings: &mut Findings) {
    if connector_type.minimum_license > License::Basic {
        let license = connector_type.minimum_license.as_str();
        findings.warnings.push(Issue {
            code: IssueCode::ServerCheck,
            path: "/connector_type_id".to_owned(),
            // `concat`, not `format!`: this warning is built on most calls.
            message: [
                "Kibana refuses ",
                connector_type.name,
                " connectors (403) unless its license is ",
                license,
                " or higher and the type is in xpack.actions.enabledActionTypes",
            ]
            .concat(),
            params: Some(serde_json::json!({ "check": "license", "minimumLicense": license })),
        });
    }
}

fn normalized_body(body: &Value, mode: Mode, stored: Stored) -> Value {
    let mut out = Map::new();
    let keys: &[&str] = match mode {
        Mode::Create => &["name", "connector_type_id"],
        Mode::Update => &["name"],
    };
    for key in keys {
        if let Some(value) = body.as_object().and_then(|map| field(map, key)) {
            out.insert((*key).to_owned(), value.clone());
        }
    }
    out.insert("config".to_owned(), stored.config);
    out.insert("secrets".to_owned(), stored.secrets);
    Value::Object(out)
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

/// Parses JSON text as Kibana's HTTP server (hapi) does, or reports why Kibana could not read it.
///
/// hapi reads a JSON payload with `JSON.parse` semantics (a number literal too large for a
/// double is `Infinity`, see [`crate::js::json_parse`]) and refuses any object key `__proto__`
/// (its `payload.protoAction` default, `'error'`, which Kibana's `getServerOptions` in
/// `kbn-server-http-tools` does not change): `400 Invalid request payload JSON format`.
// The error is the report itself, returned once per body: boxing it would only add an allocation.
#[allow(clippy::result_large_err)]
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
    let body = crate::js::json_parse(text).map_err(|error| {
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
    })?;
    match proto_key(&body, &mut String::new()) {
        None => Ok(body),
        Some(path) => Err(Report {
            valid: false,
            errors: vec![Issue {
                code: IssueCode::InvalidJson,
                path,
                message: "Kibana's HTTP server refuses JSON with a `__proto__` key (prototype pollution protection)".to_owned(),
                params: None,
            }],
            warnings: Vec::new(),
            kibana_error: Some(KibanaError::bad_request(INVALID_JSON_MESSAGE)),
            ..Report::default()
        }),
    }
}

/// The pointer of the first `__proto__` key in `value`, depth first in document order.
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
        errors: vec![Issue {
            code,
            path: String::new(),
            message,
            params,
        }],
        warnings: Vec::new(),
        kibana_error,
        ..Report::default()
    }
}

/// [`normalize`] for JSON text: text Kibana could not read gives the reason as the one error.
pub fn normalize_json(text: &str, options: &Options) -> Result<Value, Vec<Issue>> {
    parse_body(text)
        .map_err(|report| report.errors)
        .and_then(|body| normalize(&body, options))
}

/// [`validate`] for JSON text.
pub fn validate_json(text: &str, options: &Options) -> Report {
    match parse_body(text) {
        Ok(body) => validate(&body, options),
        Err(report) => report,
    }
}
