//! Fuzzing the core with generated input: nothing panics and every report is well formed.
//! `make test` runs a CI-sized round; `make fuzz` runs 1,000,000 inputs per property
//! (`FUZZ_CASES` sets the count).
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // a failing test may panic

use kibana_connectors::{
    CONNECTOR_TYPES, IssueCode, Mode, Options, Report, normalize, validate, validate_json,
};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{Value, json};

fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(4_000)
}

fn runner() -> TestRunner {
    TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    })
}

fn check_report(report: &Report) {
    assert_eq!(report.valid, report.errors.is_empty(), "{report:?}");
    for issue in report.errors.iter().chain(&report.warnings) {
        assert!(
            issue.path.is_empty() || issue.path.starts_with('/'),
            "{issue:?}"
        );
        assert!(!issue.message.is_empty(), "{issue:?}");
    }
    if let Some(error) = &report.kibana_error {
        assert!(matches!(error.status_code, 400 | 413), "{error:?}");
        assert!(!error.message.is_empty());
    }
    // Every error has a Kibana answer, except the depth limit and a missing update type.
    if !report.valid && report.kibana_error.is_none() {
        assert!(
            report
                .errors
                .iter()
                .any(|e| e.code == IssueCode::InputTooLarge || e.path.is_empty()),
            "{report:?}"
        );
    }
    serde_json::to_string(report).expect("a report serializes");
}

/// Any JSON value, with keys and strings drawn from the ones connectors use.
fn json_value() -> impl Strategy<Value = Value> {
    let words = prop::sample::select(vec![
        "url",
        "apiUrl",
        "hasAuth",
        "authType",
        "user",
        "password",
        "index",
        "from",
        "host",
        "port",
        "service",
        "headers",
        "isOAuth",
        "usesBasic",
        "secretsUrl",
        "webhookUrl",
        "token",
        "apiProvider",
        "mappings",
        "allowedChannels",
        "name",
        "id",
        "https://example.com",
        "webhook-authentication-basic",
        "other",
        "exchange_server",
        "Azure OpenAI",
        "OpenAI",
        " ",
        "",
        "__proto__",
        "constructor",
        "http://%zz@x",
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("finite", |n| n.is_finite())
            .prop_map(|n| json!(n)),
        words.clone().prop_map(|w| json!(w)),
        ".{0,16}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((words.clone(), inner), 0..6).prop_map(|pairs| Value::Object(
                pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
            )),
        ]
    })
}

#[test]
fn arbitrary_bytes_as_json_text() {
    runner()
        .run(&prop::collection::vec(any::<u8>(), 0..256), |bytes| {
            let text = String::from_utf8_lossy(&bytes);
            check_report(&validate_json(&text, &Options::default()));
            Ok(())
        })
        .unwrap();
}

#[test]
fn arbitrary_bodies_of_every_type() {
    let ids: Vec<&str> = CONNECTOR_TYPES
        .iter()
        .map(|t| t.id)
        .chain(["", ".nope"])
        .collect();
    let strategy = (
        prop::sample::select(ids),
        json_value(),
        json_value(),
        json_value(),
        any::<bool>(),
    );
    runner()
        .run(&strategy, |(id, name, config, secrets, update)| {
            let options = if update {
                Options { mode: Mode::Update, connector_type_id: Some(id.to_owned()), ..Options::default() }
            } else {
                Options::default()
            };
            let body = json!({ "name": name, "connector_type_id": id, "config": config, "secrets": secrets });
            let report = validate(&body, &options);
            check_report(&report);
            if let Ok(normalized) = normalize(&body, &options) {
                assert!(report.valid);
                check_report(&validate(&normalized, &options));
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn mangled_json_text_of_real_bodies() {
    let body = json!({ "name": "n", "connector_type_id": ".webhook", "config": { "url": "https://example.com", "headers": { "a": "b" } }, "secrets": { "user": "u", "password": "p" } });
    let text = body.to_string();
    let strategy = (0..text.len(), 0..text.len(), any::<u8>());
    runner()
        .run(&strategy, |(cut, at, byte)| {
            let mut bytes = text.as_bytes()[..cut.max(at)].to_vec();
            if let Some(slot) = bytes.get_mut(at.min(cut)) {
                *slot = byte;
            }
            check_report(&validate_json(
                &String::from_utf8_lossy(&bytes),
                &Options::default(),
            ));
            Ok(())
        })
        .unwrap();
}
