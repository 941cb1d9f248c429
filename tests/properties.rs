//! Properties that hold for every body, checked on generated bodies:
//! reports are well formed, normalizing is idempotent and its output passes (but for Kibana's
//! raw-request quirks), and secret values never appear in a report.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // a failing test may panic

mod common;

use kibana_connectors::{CONNECTOR_TYPES, Options, Report, json_schema, normalize, validate};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

/// Any JSON value, small and nested.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i32>().prop_map(|n| json!(n)),
        (-1e6f64..1e6).prop_map(|n| json!(n)),
        "[ -~]{0,12}".prop_map(Value::String),
        Just(json!("https://example.com/x")),
        Just(json!("  ")),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-zA-Z]{1,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn creatable_ids() -> Vec<&'static str> {
    CONNECTOR_TYPES
        .iter()
        .filter(|t| !t.is_system_action_type)
        .map(|t| t.id)
        .collect()
}

/// A valid fixture body, then a few edits: a key dropped, set to null, or set to any value.
fn edited_fixture_body() -> impl Strategy<Value = Value> {
    let bodies: Vec<Value> = common::load("valid")
        .into_iter()
        .filter(|f| f.data.get("options").is_none())
        .filter_map(|f| f.data.get("body").cloned())
        .filter(Value::is_object)
        .collect();
    let edit = (
        prop::bool::ANY,
        0usize..16,
        prop_oneof![Just(None), any_json().prop_map(Some)],
    );
    (
        prop::sample::select(bodies),
        prop::collection::vec(edit, 0..3),
    )
        .prop_map(|(mut body, edits)| {
            for (in_secrets, index, value) in edits {
                let part = if in_secrets { "secrets" } else { "config" };
                let Some(Value::Object(map)) = body.get_mut(part) else {
                    continue;
                };
                let keys: Vec<String> = map.keys().cloned().collect();
                match (keys.get(index % keys.len().max(1)), value) {
                    (Some(key), None) => {
                        map.shift_remove(key);
                    }
                    (Some(key), Some(value)) => {
                        map.insert(key.clone(), value);
                    }
                    (None, Some(value)) => {
                        map.insert(format!("k{index}"), value);
                    }
                    (None, None) => {}
                }
            }
            body
        })
}

/// A value as JavaScript holds it: every number a double (`1` and `1.0` are one number).
fn as_javascript(value: Value) -> Value {
    match value {
        Value::Number(n) => Value::from(n.as_f64().unwrap_or(f64::NAN)),
        Value::Array(items) => Value::Array(items.into_iter().map(as_javascript).collect()),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (k, as_javascript(v)))
                .collect(),
        ),
        other => other,
    }
}

fn well_formed(report: &Report) -> Result<(), TestCaseError> {
    // The text the wasm facade hands out is the report's serde form, as JavaScript reads both.
    let text: Value =
        serde_json::from_str(&kibana_connectors::internals::report_text(report)).unwrap();
    prop_assert_eq!(
        as_javascript(text),
        as_javascript(serde_json::to_value(report).unwrap())
    );
    prop_assert_eq!(report.valid, report.errors.is_empty());
    prop_assert_eq!(report.valid, report.kibana_error.is_none(), "{:?}", report);
    for issue in report.errors.iter().chain(&report.warnings) {
        prop_assert!(
            issue.path.is_empty() || issue.path.starts_with('/'),
            "{:?}",
            issue
        );
        prop_assert!(!issue.message.is_empty());
    }
    if let Some(error) = &report.kibana_error {
        prop_assert_eq!(error.status_code, 400);
        prop_assert!(!error.message.is_empty());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_config_and_secrets_give_a_well_formed_report(
        id in prop::sample::select(creatable_ids()),
        config in any_json(),
        secrets in any_json(),
    ) {
        let body = json!({ "name": "n", "connector_type_id": id, "config": config, "secrets": secrets });
        well_formed(&validate(&body, &Options::default()))?;
    }

    #[test]
    fn normalizing_is_idempotent_and_its_output_passes(body in edited_fixture_body()) {
        let options = Options::default();
        let report = validate(&body, &options);
        well_formed(&report)?;
        if let Ok(normalized) = normalize(&body, &options) {
            prop_assert!(report.valid);
            let again = validate(&normalized, &options);
            if again.valid {
                prop_assert_eq!(normalize(&normalized, &options).ok(), Some(normalized));
            } else {
                // The documented exceptions: Kibana's connector rule reads the raw request, so a
                // filled-in default (hasAuth, usesBasic) can make its own stored form fail; and a
                // spec's default of '' (Workday's OAuth scope) is stored, while the route refuses
                // a blank string in a request.
                let message = again.kibana_error.map(|e| e.message).unwrap_or_default();
                prop_assert!(
                    message.starts_with("error validating action type connector: ")
                        || message.ends_with("]: value '' is not valid"),
                    "{}",
                    message
                );
            }
        }
    }

    #[test]
    fn secret_values_never_appear_in_a_report(
        id in prop::sample::select(creatable_ids()),
        body in edited_fixture_body(),
        shape in 0usize..4,
    ) {
        const MARKER: &str = "S3CRETMARK";
        let marker = match shape {
            0 => json!(MARKER),
            1 => json!(format!("https://{MARKER}.example.com/{MARKER}?k={MARKER}")),
            2 => json!(format!("{MARKER}@{MARKER}.co")),
            _ => json!({ "X-Header": MARKER }),
        };
        let schema = json_schema(id).expect("schema");
        let mut secrets = Map::new();
        if let Some(Value::Object(properties)) = schema.pointer("/properties/secrets/properties") {
            for key in properties.keys() {
                secrets.insert(key.clone(), marker.clone());
            }
        }
        secrets.insert("unknownSecret".to_owned(), marker.clone());
        let config = body.get("config").cloned().unwrap_or_else(|| json!({}));
        let body = json!({ "name": "n", "connector_type_id": id, "config": config, "secrets": secrets });
        let report = validate(&body, &Options::default());
        let text = serde_json::to_string(&report).expect("report serializes");
        prop_assert!(!text.contains(MARKER), "{}", text);
        let debug = format!("{report:?}");
        prop_assert!(!debug.contains(MARKER));
    }
}

/// Slack and Teams webhook URLs are secrets: neither the URL nor its host reaches a report, also
/// when the URL is refused (unparsable, or refused by Node's legacy parser).
#[test]
fn webhook_urls_never_appear_in_reports() {
    let urls = [
        "https://hooks.secret-host.example/services/T0/B0/XXXX",
        "https://%zz@hooks.secret-host.example/services/T0/B0/XXXX",
        "secret-host.example/services/XXXX",
        "https:hooks.secret-host.example/XXXX",
    ];
    for connector_type_id in [".slack", ".teams"] {
        for url in urls {
            let body = json!({
                "name": "n",
                "connector_type_id": connector_type_id,
                "secrets": { "webhookUrl": url },
            });
            let report = validate(&body, &Options::default());
            let text = serde_json::to_string(&report).unwrap_or_default();
            assert!(
                !text.contains("secret-host"),
                "{connector_type_id} {url}: {text}"
            );
            assert!(!text.contains("XXXX"), "{connector_type_id} {url}: {text}");
        }
    }
}
