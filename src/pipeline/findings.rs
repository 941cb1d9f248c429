//! What the steps found, and Kibana's answer: the first failing step gives it, but every step
//! that can run does, so the report lists every problem.

use crate::connector::{Part, Record, Rules, Validator};
use crate::pipeline::envelope::RouteIssue;
use crate::pointer::{Segment, pointer};
use crate::report::{Issue, KibanaError, Report};
use crate::zod::{ZodIssue, prettify};

const CONFIG_PREFIX: &str = "error validating connector type config: ";
const SECRETS_PREFIX: &str = "error validating connector type secrets: ";
const CONNECTOR_PREFIX: &str = "error validating action type connector: ";

/// Everything found so far; the first failing step sets Kibana's answer.
#[derive(Debug, Default)]
pub(crate) struct Findings {
    /// Whether the stored form is wanted (normalize), or only the report (validate).
    pub store: bool,
    pub errors: Vec<Issue>,
    pub warnings: Vec<Issue>,
    kibana_error: Option<KibanaError>,
}

impl Findings {
    /// Nothing found yet; `store`: whether the stored form is wanted.
    pub fn new(store: bool) -> Self {
        Self {
            store,
            ..Self::default()
        }
    }

    /// Kibana's answer, unless an earlier step already gave one.
    pub fn fail(&mut self, error: KibanaError) {
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

    /// Records the route's own problems.
    pub fn route(&mut self, issues: Vec<RouteIssue>) {
        if let Some(first) = issues.first() {
            self.fail_with(|| ["[", &first.kibana_path, "]: ", &first.issue.message].concat());
        }
        self.errors
            .extend(issues.into_iter().map(|route| route.issue));
    }

    /// Records a schema step; true when it passed.
    #[inline(never)] // once, not in every connector type's `connector::check`
    fn schema_step(&mut self, base: &str, prefix: &str, issues: Vec<ZodIssue>) -> bool {
        if issues.is_empty() {
            return true;
        }
        self.fail_with(|| [prefix, &prettify(&issues)].concat());
        // A union that matched none of its options is one line in Kibana's text, but the
        // report lists the issues of the option the input was meant for.
        for issue in issues.into_iter().flat_map(ZodIssue::into_located) {
            if issue.keys.is_empty() {
                self.errors.push(
                    Issue::new(issue.code, pointer(base, &issue.path), issue.message)
                        .with_optional_params(issue.params),
                );
            } else {
                for key in issue.keys {
                    let mut path = issue.path.clone();
                    path.push(Segment::Key(key.clone().into()));
                    let message = format!("Unrecognized key: \"{key}\"");
                    self.errors.push(
                        Issue::new(issue.code, pointer(base, &path), message)
                            .with_params(serde_json::json!({ "key": key })),
                    );
                }
            }
        }
        false
    }

    /// Records a custom-rule step; true when it passed.
    #[inline(never)]
    fn rule_step(&mut self, prefix: &str, rules: Rules) -> bool {
        let passed = rules.errors.is_empty();
        if let Some(first) = rules.errors.first() {
            self.fail_with(|| [prefix, &first.message].concat());
        }
        self.errors.extend(rules.errors);
        self.warnings.extend(rules.warnings);
        passed
    }

    /// The report of everything found.
    pub fn into_report(self) -> Report {
        Report {
            valid: self.errors.is_empty(),
            errors: self.errors,
            warnings: self.warnings,
            kibana_error: self.kibana_error,
        }
    }
}

impl Record for Findings {
    fn schema_step(&mut self, part: Part, issues: Vec<ZodIssue>) -> bool {
        let (base, prefix) = match part {
            Part::Config => ("/config", CONFIG_PREFIX),
            Part::Secrets => ("/secrets", SECRETS_PREFIX),
        };
        self.schema_step(base, prefix, issues)
    }

    fn rule_step(&mut self, validator: Validator, rules: Rules) -> bool {
        let prefix = match validator {
            Validator::Config => CONFIG_PREFIX,
            Validator::Secrets => SECRETS_PREFIX,
            Validator::Connector => CONNECTOR_PREFIX,
        };
        self.rule_step(prefix, rules)
    }

    fn wants_stored(&self) -> bool {
        self.store
    }
}
