//! What the steps found, and Kibana's answer: the first failing step gives it, but every step
//! that can run does, so the report lists every problem.

use serde_json::{Map, Value};

use crate::connector::{Part, Record, Rules, Validator, Versioned};
use crate::pipeline::envelope::RouteIssue;
use crate::pipeline::eras;
use crate::pointer::{Segment, pointer};
use crate::report::{Fidelity, Issue, IssueCode, KibanaError, Report};
use crate::versions::{Holds, KibanaVersion, MessageEra, Since};
use crate::zod::{ZodIssue, field};

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
pub(crate) struct Findings {
    /// Whether the stored form is wanted (normalize), or only the report (validate).
    pub store: bool,
    pub errors: Vec<Issue>,
    pub warnings: Vec<Issue>,
    kibana_error: Option<KibanaError>,
    /// The Kibana that answers.
    pub version: KibanaVersion,
    /// Why the answer may not be that Kibana's word for word.
    approximations: Vec<String>,
    /// The type's fields and options the answering release does not have yet.
    pub absent: Vec<Versioned>,
    /// What the answering release refuses that the models (main's) accept: per part, the issues
    /// of the absent fields and options the body uses.
    older: Vec<(Part, ZodIssue)>,
}

impl Findings {
    /// Nothing found yet; `store`: whether the stored form is wanted.
    pub fn new(store: bool, version: KibanaVersion) -> Self {
        Self {
            store,
            version,
            ..Self::default()
        }
    }

    /// Finds the fields and options of `versioned` that the answering release lacks, and the
    /// issues of those the body uses: an unknown key, or an option outside the older list.
    pub fn older_release(&mut self, versioned: &[Versioned], config: &Value, secrets: &Value) {
        for entry in versioned {
            let part = match entry.part {
                Part::Config => config,
                Part::Secrets => secrets,
            };
            let value = part.as_object().and_then(|map| field(map, entry.key));
            // Whether the release is certain matters only for a field the body uses.
            let holds = if value.is_some() {
                self.holds(entry.key, &entry.since)
            } else {
                entry.since.holds_in(self.version).0 == Holds::Yes
            };
            if holds {
                continue;
            }
            self.absent.push(*entry);
            let Some(value) = value else {
                continue;
            };
            let mut reader = crate::zod::Reader::new();
            if entry.added.is_empty() {
                let mut only = Map::new();
                only.insert(entry.key.to_owned(), Value::Null);
                reader.reject_unknown_keys(&only, &[]);
            } else if value.as_str().is_some_and(|v| entry.added.contains(&v)) {
                reader.at(Segment::Key(entry.key.into()), |reader| {
                    reader.invalid_option(entry.before, Some(value));
                });
            }
            self.older
                .extend(reader.into_issues().into_iter().map(|i| (entry.part, i)));
        }
    }

    /// The schema issues as the answering release has them: options it lacks left out of the
    /// lists, and the issues of the absent fields and options the body uses added.
    fn as_released(&mut self, part: Part, mut issues: Vec<ZodIssue>) -> Vec<ZodIssue> {
        if self.absent.is_empty() {
            return issues;
        }
        for issue in &mut issues {
            let [Segment::Key(key)] = issue.path.as_slice() else {
                continue;
            };
            let Some(options) = issue
                .params
                .as_mut()
                .and_then(|p| p.get_mut("options"))
                .and_then(Value::as_array_mut)
            else {
                continue;
            };
            let before = options.len();
            for entry in self
                .absent
                .iter()
                .filter(|e| e.part == part && e.key == key)
            {
                options.retain(|o| !o.as_str().is_some_and(|o| entry.added.contains(&o)));
            }
            if options.len() != before && issue.message.starts_with("Invalid option") {
                let names: Vec<&str> = options.iter().filter_map(Value::as_str).collect();
                issue.message = crate::zod::invalid_option_message(&names);
            }
        }
        let (mine, others): (Vec<_>, Vec<_>) = std::mem::take(&mut self.older)
            .into_iter()
            .partition(|(p, _)| *p == part);
        self.older = others;
        for (_, issue) in mine {
            let taken = issues.iter_mut().find(|known| {
                known.path == issue.path
                    && (known.code == IssueCode::UnknownKey)
                        == (issue.code == IssueCode::UnknownKey)
            });
            match taken {
                Some(known) if known.code == IssueCode::UnknownKey => {
                    known.keys.extend(issue.keys);
                    known.message = crate::zod::unrecognized_keys_message(&known.keys);
                }
                Some(_) => {}
                None => issues.push(issue),
            }
        }
        issues
    }

    /// Notes why the answer is approximate (once per reason).
    fn approximate(&mut self, why: &str) {
        if !self.approximations.iter().any(|known| known == why) {
            self.approximations.push(why.to_owned());
        }
    }

    /// Whether `since` holds in the answering version; an uncertain answer is noted.
    pub fn holds(&mut self, what: &str, since: &Since) -> bool {
        let (holds, uncertain) = since.holds_in(self.version);
        if let Some(why) = uncertain {
            self.approximate(&format!("{what}: {why}"));
        }
        holds == Holds::Yes
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
    fn schema_step(&mut self, base: &str, validator: Validator, issues: Vec<ZodIssue>) -> bool {
        let part = match validator {
            Validator::Secrets => Part::Secrets,
            Validator::Config | Validator::Connector => Part::Config,
        };
        let issues = self.as_released(part, issues);
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
                            .with_params(crate::js::json!({ "key": key })),
                    );
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
        self.errors.extend(rules.errors);
        self.warnings.extend(rules.warnings);
        passed
    }

    /// The report of everything found.
    pub fn into_report(self) -> Report {
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
