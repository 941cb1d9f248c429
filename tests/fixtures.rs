//! Runs every fixture in `tests/fixtures/<type>/{valid,invalid}/*.json` natively.
//!
//! A valid fixture:   `{ description, source, options?, body | bodyText, normalized, warnings?, revalidation? }`
//! An invalid one:    `{ description, source, options?, body | bodyText, errors, kibanaError, kibanaStatus? }`
//!
//! `errors` and `warnings` list `[code, path]` pairs, exactly and in order. `revalidation` marks
//! the Kibana quirks in which Kibana's own stored form fails its checks again:
//! `{ why, kibanaError }`.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // a failing test may panic

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{FIXTURES, Fixture, load};

use kibana_connectors::{
    CONNECTOR_TYPES, Options, Report, normalize, normalize_json, validate, validate_json,
};
use serde_json::Value;

/// The minimum number of fixtures of each kind per connector type.
const MINIMUM_PER_KIND: usize = 6;

/// The fixture's options. The fixtures were written from Kibana main's sources, so a fixture that
/// names no `kibanaVersion` is checked against `main`.
fn options(fixture: &Fixture) -> Options {
    let mut options = fixture
        .data
        .get("options")
        .cloned()
        .unwrap_or_else(|| serde_json::json!({}));
    if options.get("kibanaVersion").is_none() {
        options["kibanaVersion"] = "main".into();
    }
    serde_json::from_value(options).expect("options")
}

fn pairs(issues: &[kibana_connectors::Issue]) -> Vec<(String, String)> {
    issues
        .iter()
        .map(|i| (i.code.as_str().to_owned(), i.path.clone()))
        .collect()
}

fn expected_pairs(value: Option<&Value>) -> Vec<(String, String)> {
    value
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .map(|pair| {
                    let pair = pair.as_array().expect("[code, path]");
                    (
                        pair[0].as_str().expect("code").to_owned(),
                        pair[1].as_str().expect("path").to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn name(fixture: &Fixture) -> String {
    fixture.name()
}

fn check(fixture: &Fixture) -> Report {
    let options = options(fixture);
    match (fixture.data.get("body"), fixture.data.get("bodyText")) {
        (Some(body), None) => validate(body, &options),
        (None, Some(Value::String(text))) => validate_json(text, &options),
        _ => panic!("{}: needs exactly one of body, bodyText", name(fixture)),
    }
}

#[test]
fn valid_fixtures_are_accepted_and_normalized() {
    let mut failures = Vec::new();
    for fixture in load("valid") {
        let name = name(&fixture);
        let report = check(&fixture);
        let options = options(&fixture);
        if !report.valid || report.kibana_error.is_some() {
            failures.push(format!("{name}: expected valid, got {:#?}", report.errors));
            continue;
        }
        if let Some(expected) = fixture.data.get("warnings") {
            let expected = expected_pairs(Some(expected));
            if pairs(&report.warnings) != expected {
                failures.push(format!(
                    "{name}: warnings {:?}, expected {expected:?}",
                    pairs(&report.warnings)
                ));
            }
        }
        let normalized = match fixture.data.get("bodyText") {
            Some(Value::String(text)) => normalize_json(text, &options),
            _ => normalize(&fixture.data["body"], &options),
        };
        let normalized = match normalized {
            Ok(normalized) => normalized,
            Err(errors) => {
                failures.push(format!("{name}: normalize failed: {errors:?}"));
                continue;
            }
        };
        if Some(&normalized) != fixture.data.get("normalized") {
            failures.push(format!(
                "{name}: normalized to\n{normalized}\nexpected\n{}",
                fixture.data["normalized"]
            ));
        }
        let again = validate(&normalized, &options);
        match fixture.data.get("revalidation") {
            None => {
                if !again.valid {
                    failures.push(format!(
                        "{name}: the normalized body fails: {:?}",
                        again.kibana_error
                    ));
                } else if normalize(&normalized, &options).ok().as_ref() != Some(&normalized) {
                    failures.push(format!("{name}: normalizing twice changes the body"));
                }
            }
            Some(quirk) => {
                let expected = quirk["kibanaError"]
                    .as_str()
                    .expect("revalidation.kibanaError");
                assert!(
                    quirk["why"].as_str().is_some_and(|w| !w.is_empty()),
                    "{name}: revalidation.why"
                );
                if again.kibana_error.as_ref().map(|e| e.message.as_str()) != Some(expected) {
                    failures.push(format!(
                        "{name}: the normalized body gave {:?}, expected {expected:?}",
                        again.kibana_error
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn invalid_fixtures_get_kibanas_answer_and_every_error() {
    let mut failures = Vec::new();
    for fixture in load("invalid") {
        let name = name(&fixture);
        let report = check(&fixture);
        let expected_errors = expected_pairs(fixture.data.get("errors"));
        if pairs(&report.errors) != expected_errors {
            failures.push(format!(
                "{name}: errors\n  {:?}\nexpected\n  {expected_errors:?}",
                pairs(&report.errors)
            ));
        }
        if report.valid {
            failures.push(format!("{name}: reported valid"));
        }
        if let Some(expected) = fixture.data.get("warnings") {
            let expected = expected_pairs(Some(expected));
            if pairs(&report.warnings) != expected {
                failures.push(format!(
                    "{name}: warnings {:?}, expected {expected:?}",
                    pairs(&report.warnings)
                ));
            }
        }
        let status = fixture
            .data
            .get("kibanaStatus")
            .and_then(Value::as_u64)
            .unwrap_or(400);
        // `null` where Kibana has no answer (a mistake in how this project is called).
        let Some(expected_message) = fixture.data.get("kibanaError").map(Value::as_str) else {
            failures.push(format!("{name}: has no kibanaError (a message, or null)"));
            continue;
        };
        match (&report.kibana_error, expected_message) {
            (None, None) => {}
            (Some(error), Some(expected))
                if error.message == expected && u64::from(error.status_code) == status => {}
            (other, _) => failures.push(format!(
                "{name}: kibanaError\n  {other:?}\nexpected\n  {status} {expected_message:?}"
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

fn fixture_dir(id: &str) -> PathBuf {
    Path::new(FIXTURES).join(id.trim_start_matches('.'))
}

#[test]
fn every_connector_type_has_enough_fixtures() {
    let mut short = Vec::new();
    for connector_type in CONNECTOR_TYPES.iter().filter(|t| !t.is_system_action_type) {
        for kind in ["valid", "invalid"] {
            let count =
                fs::read_dir(fixture_dir(connector_type.id).join(kind)).map_or(0, |entries| {
                    entries
                        .filter(|e| {
                            e.as_ref()
                                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "json"))
                        })
                        .count()
                });
            if count < MINIMUM_PER_KIND {
                short.push(format!("{} has {count} {kind} fixtures", connector_type.id));
            }
        }
    }
    assert!(
        short.is_empty(),
        "fewer than {MINIMUM_PER_KIND}:\n{}",
        short.join("\n")
    );
}

#[test]
fn fixture_folders_name_known_types() {
    for entry in fs::read_dir(FIXTURES).expect("tests/fixtures") {
        let folder = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        assert!(
            CONNECTOR_TYPES
                .iter()
                .any(|t| t.id.trim_start_matches('.') == folder)
                || folder == "envelope",
            "tests/fixtures/{folder} names no connector type"
        );
    }
}

/// Era fixtures (`tests/fixtures/<type>/eras/*.json`, `{ description, source, versions, body,
/// kibanaError }`): Kibana's own 400 text for a body in the releases named, taken from Kibana's
/// tests of that era (config-schema up to 9.2, Zod 3 in 9.3). Each must be answered word for word
/// for every release it names.
#[test]
fn era_fixtures_get_that_releases_words() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for fixture in load("eras") {
        let name = name(&fixture);
        let expected = fixture.data["kibanaError"].as_str().expect("kibanaError");
        let versions = fixture.data["versions"].as_array().expect("versions");
        assert!(!versions.is_empty(), "{name}: versions");
        for version in versions {
            let options: Options =
                serde_json::from_value(serde_json::json!({ "kibanaVersion": version }))
                    .expect("a supported version");
            let report = validate(&fixture.data["body"], &options);
            checked += 1;
            let got = report.kibana_error.as_ref().map(|e| e.message.as_str());
            if got != Some(expected) {
                failures.push(format!(
                    "{name} ({version}):\n  got      {got:?}\n  expected {expected:?}"
                ));
            }
        }
    }
    assert!(checked >= 60, "only {checked} era checks");
    assert!(
        failures.is_empty(),
        "{} of {checked} era checks fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// An upgrade check names what changes between releases.
#[test]
fn comparing_releases_names_the_change() {
    let body = serde_json::json!({
        "name": "n",
        "connector_type_id": ".webhook",
        "config": { "url": "https://example.com/hook", "method": "patch" }
    });
    let versions: Vec<kibana_connectors::KibanaVersion> = ["9.1", "9.3", "main"]
        .iter()
        .map(|v| v.parse().unwrap())
        .collect();
    let comparison = kibana_connectors::compare_versions(&body, &versions, &Options::default());
    assert_eq!(comparison.reports.len(), 3);
    assert!(!comparison.reports[0].valid && comparison.reports[1].valid);
    assert!(
        comparison.changes[0].starts_with("refused on 9.1 (400 error validating action type config: [method]: types that failed validation:"),
        "{:?}",
        comparison.changes
    );
    assert_eq!(comparison.changes[1], "valid on 9.3 and main");
}

/// `connectorTypes` by release: what it registers and what it deprecates.
#[test]
fn each_release_lists_its_types() {
    let names = |version: &str| -> Vec<&str> {
        kibana_connectors::types_in(version.parse().unwrap())
            .iter()
            .map(|t| t.connector_type.id)
            .collect()
    };
    assert!(!names("9.0").contains(&".xsoar") && names("8.19").contains(&".xsoar"));
    assert!(!names("9.3").contains(&".http") && names("9.4").contains(&".http"));
    let deprecated = |version: &str| {
        kibana_connectors::types_in(version.parse().unwrap())
            .into_iter()
            .filter(|t| t.is_deprecated)
            .map(|t| t.connector_type.id)
            .collect::<Vec<_>>()
    };
    assert!(deprecated("9.4").is_empty());
    assert_eq!(
        deprecated("9.5"),
        [".gen-ai", ".bedrock", ".gemini", ".inference"]
    );
}

/// An answer is approximate only when it rests on an inferred fact: a plain body is exact in
/// every release, and a body using a field dated by a merge date is not.
#[test]
fn fidelity_is_exact_unless_the_body_meets_an_inferred_fact() {
    let index = serde_json::json!({ "name": "n", "connector_type_id": ".index", "config": { "index": "i" } });
    for version in ["8.19", "9.3", "9.5", "9.6", "main"] {
        let options: Options =
            serde_json::from_value(serde_json::json!({ "kibanaVersion": version, "id": "my-id" }))
                .unwrap();
        let report = validate(&index, &options);
        assert!(report.valid, "{version}");
        assert_eq!(
            report.fidelity,
            kibana_connectors::Fidelity::Exact,
            "{version}: {:?}",
            report.approximations
        );
    }
    let email = serde_json::json!({
        "name": "n", "connector_type_id": ".email",
        "config": { "from": "a@b.co", "host": "smtp.x.io", "port": 25, "allowHtml": true }
    });
    let options: Options =
        serde_json::from_value(serde_json::json!({ "kibanaVersion": "9.6" })).unwrap();
    let report = validate(&email, &options);
    assert_eq!(report.fidelity, kibana_connectors::Fidelity::Approximate);
    assert!(
        report.approximations[0].starts_with("allowHtml:"),
        "{:?}",
        report.approximations
    );
}
