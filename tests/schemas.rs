//! The exported JSON Schemas agree with the validator, checked with an independent JSON Schema
//! validator (the `jsonschema` crate) on every fixture:
//!
//! - every valid body is accepted (a body sent as JSON text, which Kibana parses, after parsing);
//! - every invalid body is refused, unless each of its errors comes from a rule listed in
//!   `schema::INEXPRESSIBLE` (a body the schema accepts must be explained by one of them);
//! - the bundle does the same, and routes each body to its type's schema;
//! - the stored schema accepts what Kibana returns (the normalized config, no secrets) and
//!   refuses a config that lacks a defaulted field.
//!
//! The same checks run in Node with ajv (tests/npm/schemas.test.mjs), which also covers the
//! OpenAPI 3.0 dialect.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // a failing test may panic

mod common;

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use common::{FIXTURES, Fixture, load};
use jsonschema::{Draft, Validator};
use kibana_connectors::internals::{
    self as schema, creatable_types, definition_name, for_each_schema,
};
use kibana_connectors::{
    CONNECTOR_TYPES, ConnectorType, Contract, Dialect, Mode, Options, SchemaOptions,
    json_schema_with, validate,
};
use serde_json::{Value, json};

fn draft(dialect: Dialect) -> Draft {
    match dialect {
        Dialect::Draft2020_12 => Draft::Draft202012,
        Dialect::Draft07 => Draft::Draft7,
        Dialect::OpenApi30 => unreachable!("checked with ajv in Node"),
    }
}

fn compile(schema: &Value, dialect: Dialect) -> Validator {
    jsonschema::options()
        .with_draft(draft(dialect))
        .should_validate_formats(true)
        .build(schema)
        .unwrap_or_else(|e| panic!("the schema does not compile: {e}"))
}

/// The connector type a fixture folder is named after (`None` for `envelope`).
fn fixture_type(fixture: &Fixture) -> Option<&'static ConnectorType> {
    let folder = fixture
        .path
        .strip_prefix(FIXTURES)
        .ok()?
        .iter()
        .next()?
        .to_str()?;
    CONNECTOR_TYPES
        .iter()
        .find(|t| t.id.trim_start_matches('.') == folder)
}

/// The fixture's options; one that names no `kibanaVersion` is for `main` (see tests/fixtures.rs).
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

/// The body a fixture sends, as JSON; `None` for text that is not JSON.
fn body(fixture: &Fixture) -> Option<Value> {
    match (fixture.data.get("body"), fixture.data.get("bodyText")) {
        (Some(body), _) => Some(body.clone()),
        // Read as Kibana reads it (a too-large number literal is Infinity, kept as the largest double).
        (None, Some(Value::String(text))) => kibana_connectors::parse_body(text).ok(),
        _ => panic!("{}: needs a body or a bodyText", fixture.name()),
    }
}

/// The committed schemas describe Kibana main; fixtures for an older release
/// (`options.kibanaVersion`) have none to agree with. Create bodies (the request contract) and
/// update bodies (`options.mode: update`, the update contract) each have theirs.
fn is_for(fixture: &Fixture, mode: Mode) -> bool {
    let options = options(fixture);
    options.mode == mode && options.kibana_version.to_string() == "main"
}

fn is_create(fixture: &Fixture) -> bool {
    is_for(fixture, Mode::Create)
}

/// What a schema says of a valid body: accepted, or accepted once Kibana's JSON-text coercion
/// (a body, `config` or `secrets` sent as a string of JSON) is applied — which JSON Schema cannot
/// express, and which the README lists.
fn accepts_valid(validator: &Validator, body: &Value) -> bool {
    validator.is_valid(body)
        || kibana_connectors::internals::coerce(body).as_ref() != body
            && validator.is_valid(&kibana_connectors::internals::coerce(body))
}

fn errors_of(validator: &Validator, body: &Value) -> String {
    validator
        .iter_errors(body)
        .map(|e| format!("  {} at {}: {e}", e.schema_path(), e.instance_path()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Checks every create fixture against `validator_for(type)`; returns the failures.
fn agreement(
    dialect: Dialect,
    validator_for: &dyn Fn(Option<&ConnectorType>) -> Option<Validator>,
) -> Vec<String> {
    agreement_in(Mode::Create, dialect, validator_for)
}

/// Checks every fixture of `mode` against `validator_for(type)`; returns the failures.
fn agreement_in(
    mode: Mode,
    dialect: Dialect,
    validator_for: &dyn Fn(Option<&ConnectorType>) -> Option<Validator>,
) -> Vec<String> {
    let is_create = |fixture: &Fixture| is_for(fixture, mode);
    let mut failures = Vec::new();
    for fixture in load("valid").iter().filter(|f| is_create(f)) {
        let connector_type = fixture_type(fixture);
        let Some(validator) = validator_for(connector_type) else {
            continue;
        };
        let body = body(fixture).expect("a valid body is JSON");
        if !accepts_valid(&validator, &body) {
            failures.push(format!(
                "{} ({}): the schema refuses a valid body:\n{}",
                fixture.name(),
                dialect.as_str(),
                errors_of(&validator, &body)
            ));
        }
    }
    for fixture in load("invalid").iter().filter(|f| is_create(f)) {
        let connector_type = fixture_type(fixture);
        let Some(validator) = validator_for(connector_type) else {
            continue;
        };
        let report = match body(fixture) {
            Some(body) if validator.is_valid(&body) => validate(&body, &options(fixture)),
            // Refused by the schema, or not JSON at all: agreed.
            _ => continue,
        };
        let id = connector_type.map(|t| t.id);
        for issue in &report.errors {
            if let Some(rule) = schema::unexpressed_rule(id, issue.code, &issue.path) {
                USED.with(|used| used.borrow_mut().push(std::ptr::from_ref(rule) as usize));
            }
        }
        let issues = report.errors.iter().map(|i| (i.code, i.path.as_str()));
        if !schema::only_unexpressed(id, issues) {
            let unexplained: Vec<String> = report
                .errors
                .iter()
                .filter(|i| !schema::only_unexpressed(id, [(i.code, i.path.as_str())]))
                .map(|i| format!("  [{:?}, {:?}] {}", i.code.as_str(), i.path, i.message))
                .collect();
            failures.push(format!(
                "{} ({}): the schema accepts an invalid body; errors no listed inexpressible rule explains:\n{}",
                fixture.name(),
                dialect.as_str(),
                unexplained.join("\n")
            ));
        }
    }
    failures
}

#[test]
fn each_types_schema_agrees_with_the_fixtures() {
    let mut failures = Vec::new();
    for dialect in [Dialect::Draft2020_12, Dialect::Draft07] {
        let options = SchemaOptions {
            dialect,
            contract: Contract::Request,
            kibana_version: None,
        };
        let validators: HashMap<&str, Validator> = creatable_types()
            .map(|t| {
                (
                    t.id,
                    compile(&json_schema_with(Some(t.id), options).unwrap(), dialect),
                )
            })
            .collect();
        failures.extend(agreement(dialect, &|connector_type| {
            validators.get(connector_type?.id).cloned()
        }));
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn each_types_update_schema_agrees_with_the_update_fixtures() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for dialect in [Dialect::Draft2020_12, Dialect::Draft07] {
        let options = SchemaOptions {
            dialect,
            contract: Contract::Update,
            kibana_version: None,
        };
        let validators: HashMap<&str, Validator> = creatable_types()
            .map(|t| {
                (
                    t.id,
                    compile(&json_schema_with(Some(t.id), options).unwrap(), dialect),
                )
            })
            .collect();
        failures.extend(agreement_in(Mode::Update, dialect, &|connector_type| {
            validators.get(connector_type?.id).cloned()
        }));
        checked += load("valid")
            .iter()
            .chain(load("invalid").iter())
            .filter(|f| is_for(f, Mode::Update) && fixture_type(f).is_some())
            .count();
        // A create body is not an update body: `connector_type_id` is not a key of its own.
        let webhook = &validators[".webhook"];
        let create = json!({ "name": "n", "connector_type_id": ".webhook", "config": { "url": "https://example.com" } });
        assert!(!webhook.is_valid(&create));
        let mut update = create.clone();
        update.as_object_mut().unwrap().remove("connector_type_id");
        assert!(webhook.is_valid(&update), "{}", errors_of(webhook, &update));
    }
    assert!(checked > 100, "only {checked} update fixtures");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

thread_local! {
    /// The rules (by address) that explained an invalid body a schema accepted.
    static USED: std::cell::RefCell<Vec<usize>> = const { std::cell::RefCell::new(Vec::new()) };
}

#[test]
fn every_rule_not_yet_expressed_still_explains_a_fixture() {
    let options = SchemaOptions::default();
    let validators: HashMap<&str, Validator> = creatable_types()
        .map(|t| {
            (
                t.id,
                compile(
                    &json_schema_with(Some(t.id), options).unwrap(),
                    Dialect::Draft2020_12,
                ),
            )
        })
        .collect();
    USED.with(|used| used.borrow_mut().clear());
    let _ = agreement(Dialect::Draft2020_12, &|connector_type| {
        validators.get(connector_type?.id).cloned()
    });
    let used = USED.with(|used| used.borrow().clone());
    let stale: Vec<String> = schema::NOT_YET_EXPRESSED
        .iter()
        .filter(|rule| !used.contains(&(std::ptr::from_ref(*rule) as usize)))
        .map(|rule| {
            format!(
                "{} ({}, {:?})",
                rule.rule,
                rule.code.as_str(),
                rule.connector_types
            )
        })
        .collect();
    assert!(
        stale.is_empty(),
        "schema::NOT_YET_EXPRESSED lists rules that no accepted invalid fixture needs any more (remove them): {stale:#?}"
    );
}

#[test]
fn the_bundle_agrees_with_the_fixtures_and_routes_each_body() {
    let mut failures = Vec::new();
    for dialect in [Dialect::Draft2020_12, Dialect::Draft07] {
        let options = SchemaOptions {
            dialect,
            contract: Contract::Request,
            kibana_version: None,
        };
        let bundle = json_schema_with(None, options).unwrap();
        let validator = compile(&bundle, dialect);
        failures.extend(agreement(dialect, &|_| Some(validator.clone())));
        // Routing: the branch named by `connector_type_id` alone accepts the body.
        let definitions = if dialect == Dialect::Draft07 {
            "definitions"
        } else {
            "$defs"
        };
        let branches: Vec<(&str, String, Validator)> = creatable_types()
            .map(|t| {
                let reference =
                    format!("#/{definitions}/{}", definition_name(t, Contract::Request));
                let mut branch = bundle.clone();
                branch
                    .as_object_mut()
                    .unwrap()
                    .retain(|k, _| k == "$schema" || k == definitions);
                branch["$ref"] = json!(reference);
                (t.id, reference, compile(&branch, dialect))
            })
            .collect();
        for fixture in load("valid").iter().filter(|f| is_create(f)) {
            let body = kibana_connectors::internals::coerce(&body(fixture).unwrap()).into_owned();
            for (id, reference, branch) in &branches {
                let accepted = branch.is_valid(&body);
                if accepted != (body["connector_type_id"] == *id) {
                    failures.push(format!(
                        "{}: branch {reference} accepted = {accepted}",
                        fixture.name()
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

/// What Kibana returns for a valid fixture: its normalized body without secrets, with the
/// response's own fields.
fn response(normalized: &Value) -> Value {
    json!({
        "id": "90a82c60-478f-11ee-a343-f98a117c727f",
        "name": normalized["name"],
        "config": normalized["config"],
        "connector_type_id": normalized["connector_type_id"],
        "is_preconfigured": false,
        "is_deprecated": false,
        "is_system_action": false,
        "is_connector_type_deprecated": false,
        "is_missing_secrets": false,
    })
}

#[test]
fn the_stored_schema_accepts_what_kibana_returns() {
    let mut failures = Vec::new();
    let mut refused_raw = 0;
    for dialect in [Dialect::Draft2020_12, Dialect::Draft07] {
        let options = SchemaOptions {
            dialect,
            contract: Contract::Stored,
            kibana_version: None,
        };
        let bundle = compile(&json_schema_with(None, options).unwrap(), dialect);
        for fixture in load("valid").iter().filter(|f| is_create(f)) {
            let Some(connector_type) = fixture_type(fixture) else {
                continue;
            };
            let validator = compile(
                &json_schema_with(Some(connector_type.id), options).unwrap(),
                dialect,
            );
            let stored = response(&fixture.data["normalized"]);
            for (what, validator) in [("schema", &validator), ("bundle", &bundle)] {
                if !validator.is_valid(&stored) {
                    failures.push(format!(
                        "{} ({}, {what}): refuses the stored connector:\n{}",
                        fixture.name(),
                        dialect.as_str(),
                        errors_of(validator, &stored)
                    ));
                }
            }
            // A config as sent, when Kibana adds defaults to it, is not what Kibana stores.
            let body = body(fixture).unwrap();
            let mut raw = stored.clone();
            raw["config"] = body.get("config").cloned().unwrap_or_else(|| json!({}));
            if raw["config"] != stored["config"] && raw["config"].is_object() {
                if validator.is_valid(&raw) {
                    let added: Vec<&String> = stored["config"]
                        .as_object()
                        .unwrap()
                        .keys()
                        .filter(|k| raw["config"].get(k.as_str()).is_none())
                        .collect();
                    if !added.is_empty() {
                        failures.push(format!(
                            "{} ({}): accepts a config without the defaulted {added:?}",
                            fixture.name(),
                            dialect.as_str()
                        ));
                    }
                } else {
                    refused_raw += 1;
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
    assert!(
        refused_raw > 10,
        "only {refused_raw} raw configs were refused"
    );
}

#[test]
fn every_schema_is_valid_against_its_meta_schema() {
    for dialect in [Dialect::Draft2020_12, Dialect::Draft07] {
        for contract in Contract::ALL {
            let options = SchemaOptions {
                dialect,
                contract: *contract,
                kibana_version: None,
            };
            // The update contract has no bundle.
            let mut schemas: Vec<Value> = json_schema_with(None, options).into_iter().collect();
            assert_eq!(schemas.is_empty(), *contract == Contract::Update);
            schemas.extend(creatable_types().filter_map(|t| json_schema_with(Some(t.id), options)));
            for schema in schemas {
                let meta = match dialect {
                    Dialect::Draft07 => jsonschema::draft7::meta::validate(&schema),
                    _ => jsonschema::draft202012::meta::validate(&schema),
                };
                assert!(meta.is_ok(), "{}: {:?}", dialect.as_str(), meta.err());
            }
        }
    }
}

#[test]
fn every_secret_is_write_only_and_no_object_is_left_open() {
    for connector_type in creatable_types() {
        let schema = json_schema_with(Some(connector_type.id), SchemaOptions::default()).unwrap();
        let secrets = &schema["properties"]["secrets"];
        assert_eq!(secrets["writeOnly"], true, "{}", connector_type.id);
        let mut unmarked = Vec::new();
        let mut open = Vec::new();
        let mut secrets = secrets.clone();
        for_each_schema(&mut secrets, &mut |map| {
            if let Some(Value::Object(properties)) = map.get("properties") {
                for (key, property) in properties {
                    if property.get("writeOnly") != Some(&json!(true)) {
                        unmarked.push(key.clone());
                    }
                }
            }
        });
        // Objects are closed, or (Kibana drops unknown keys there) their unknown keys are
        // checked for blank strings.
        let mut config = schema["properties"]["config"].clone();
        for_each_schema(&mut config, &mut |map| {
            let closed = map
                .get("additionalProperties")
                .is_some_and(|a| a == &json!(false) || a.get("$ref").is_some());
            if map.contains_key("properties") && !closed {
                open.push(map.get("description").cloned());
            }
        });
        assert!(
            unmarked.is_empty(),
            "{}: secrets not writeOnly: {unmarked:?}",
            connector_type.id
        );
        assert!(
            open.is_empty(),
            "{}: open objects: {open:?}",
            connector_type.id
        );
    }
}

/// Every generated file: the schemas, the list of unexpressed rules, the TypeScript declarations.
fn generated_files() -> Vec<(String, String)> {
    let mut files = schema::files();
    files.push((
        schema::typescript::FILE.to_owned(),
        schema::typescript::declarations(),
    ));
    files
}

/// The files under a folder, as paths from the repository root.
fn files_under(root: &Path, folder: &str) -> Vec<String> {
    let mut out = Vec::new();
    let Ok(entries) = fs::read_dir(root.join(folder)) else {
        return out;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        let relative = path
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if path.is_dir() {
            out.extend(files_under(root, &relative));
        } else {
            out.push(relative);
        }
    }
    out
}

/// `schemas/` holds exactly the generated files, fresh. `UPDATE_GENERATED=1` rewrites them.
#[test]
fn the_committed_schemas_and_declarations_are_fresh() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let update = std::env::var_os("UPDATE_GENERATED").is_some();
    let files = generated_files();
    let mut stale = Vec::new();
    for (path, text) in &files {
        let full = root.join(path);
        if fs::read_to_string(&full).ok().as_deref() != Some(text.as_str()) {
            if update {
                fs::create_dir_all(full.parent().unwrap()).unwrap();
                fs::write(&full, text).unwrap();
            } else {
                stale.push(path.clone());
            }
        }
    }
    for path in files_under(root, "schemas") {
        if !files.iter().any(|(p, _)| *p == path) {
            if update {
                let full = root.join(&path);
                fs::remove_file(&full).unwrap();
                // Leaves no empty folder behind (it fails, harmlessly, while the folder has files).
                let _ = fs::remove_dir(full.parent().unwrap());
            } else {
                stale.push(format!("{path} (no longer generated)"));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "stale generated files (run UPDATE_GENERATED=1 cargo test --test schemas):\n{}",
        stale.join("\n")
    );
}

/// The keywords of OpenAPI 3.0's Schema Object (and `discriminator`'s own).
const OPENAPI_KEYWORDS: &[&str] = &[
    "title",
    "multipleOf",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "maxProperties",
    "minProperties",
    "required",
    "enum",
    "type",
    "allOf",
    "oneOf",
    "anyOf",
    "not",
    "items",
    "properties",
    "additionalProperties",
    "description",
    "format",
    "default",
    "nullable",
    "discriminator",
    "readOnly",
    "writeOnly",
    "example",
    "deprecated",
    "$ref",
];

#[test]
fn the_openapi_dialect_uses_only_openapi_3_0_keywords() {
    let mut schemas = Vec::new();
    for contract in Contract::ALL {
        let options = SchemaOptions {
            dialect: Dialect::OpenApi30,
            contract: *contract,
            kibana_version: None,
        };
        if let Some(document) = json_schema_with(None, options) {
            assert_eq!(document["openapi"], "3.0.3");
            for schema in document["components"]["schemas"]
                .as_object()
                .unwrap()
                .values()
            {
                schemas.push(schema.clone());
            }
        }
        schemas.extend(creatable_types().filter_map(|t| json_schema_with(Some(t.id), options)));
    }
    let mut problems = Vec::new();
    for mut schema in schemas {
        for_each_schema(&mut schema, &mut |map| {
            for key in map.keys() {
                if !OPENAPI_KEYWORDS.contains(&key.as_str()) {
                    problems.push(format!("keyword {key}"));
                }
            }
            if let Some(kind) = map.get("type") {
                if !kind.is_string() || kind == "null" {
                    problems.push(format!("type {kind}"));
                }
            }
            if let Some(Value::String(reference)) = map.get("$ref") {
                if !reference.starts_with("#/components/schemas/") {
                    problems.push(format!("$ref {reference}"));
                }
            }
            if map.contains_key("nullable") && !map.contains_key("type") {
                problems.push("nullable without type".to_owned());
            }
        });
    }
    problems.sort();
    problems.dedup();
    assert!(problems.is_empty(), "{problems:#?}");
}

/// A release's schemas: only the types it registers, without the fields and options it lacks.
#[test]
fn a_releases_schema_has_only_what_the_release_has() {
    let release = |version: &str| SchemaOptions {
        kibana_version: Some(version.parse().unwrap()),
        ..SchemaOptions::default()
    };
    assert!(json_schema_with(Some(".http"), release("9.3")).is_none());
    assert!(json_schema_with(Some(".http"), release("9.4")).is_some());
    let webhook = json_schema_with(Some(".webhook"), release("9.1")).unwrap();
    let methods = &webhook["properties"]["config"]["properties"]["method"]["enum"];
    assert_eq!(methods, &serde_json::json!(["post", "put"]));
    assert!(
        webhook["properties"]["secrets"]["properties"]
            .get("secretHeaders")
            .is_none()
    );
    let main = json_schema_with(Some(".webhook"), SchemaOptions::default())
        .unwrap()
        .to_string();
    assert!(main.contains("secretHeaders") && main.contains("\"patch\""));
    let bundle = json_schema_with(None, release("9.3")).unwrap().to_string();
    assert!(!bundle.contains("\".http\"") && bundle.contains("\".mcp\""));
}
