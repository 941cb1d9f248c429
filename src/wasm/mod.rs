//! The WebAssembly facade: the only module that knows about JavaScript.
//!
//! Only text crosses: the body as JSON text, the options as JSON text of plain data, and every
//! answer as JSON text. The package's JavaScript half (`src/wasm.js`, shipped as
//! `kibana_connectors.js`) turns JavaScript values into that text inside `try`, so that no
//! JavaScript exception ever unwinds through this module: a throwing getter, a Proxy or a value
//! `JSON.stringify` refuses is an ordinary report, and the module holds no JavaScript objects
//! between calls (nothing to leak, however often it is called).
//!
//! The package holds two modules built from this file: the validating one (`wasm-validator`:
//! validate, normalize, compare versions, list types and releases) and, built with `json-schema`
//! alone, the one `jsonSchema()` loads on first use, so that a page that only validates never
//! downloads the schemas' code.

#[doc(hidden)] // public for tests/wasm.rs only
pub mod arena;
#[cfg(feature = "bench-stages")]
mod stages;

/// Every allocation of a call comes from one arena that starts over between calls (see [`arena`]).
/// Only where wasm has no threads: the arena's state has no lock.
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static ALLOCATOR: arena::Arena = arena::Arena::new();

use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

use crate::pipeline::options;
#[cfg(feature = "wasm-validator")]
use crate::pipeline::{options::Options, report_text::report_text, validate};
#[cfg(feature = "wasm-validator")]
use crate::report::{Issue, IssueCode, KibanaError, Report};
#[cfg(feature = "json-schema")]
use crate::schema::{self, Contract, SchemaOptions};
use crate::versions::KibanaVersion;

/// `JSON.stringify` of an answer's serde form (the report, on every `validate`, is written
/// directly: `report_text`).
fn json<T: Serialize>(value: &T) -> String {
    crate::js::json_text(&crate::js::value_of(value))
}

#[cfg(feature = "wasm-validator")]
/// A report for options that cannot be used: nothing was checked, and Kibana never sees options.
fn invalid_options(errors: Vec<Issue>) -> Report {
    Report {
        valid: false,
        errors,
        warnings: Vec::new(),
        kibana_error: None,
        ..Report::default()
    }
}

#[cfg(feature = "wasm-validator")]
/// The options as the JavaScript half describes them (see [`Options::from_json`]).
fn options(text: &str) -> Result<Options, Report> {
    let value = crate::js::json_parse(text).unwrap_or_else(|_| {
        // Only a string with a lone surrogate makes the JavaScript half's text unreadable.
        crate::js::json!({ "$typeof": "unreadable" })
    });
    Options::from_json(&value).map_err(invalid_options)
}

#[cfg(feature = "wasm-validator")]
/// The report on a body: `{ valid, errors, warnings, kibanaError }`.
#[wasm_bindgen(js_name = validateText, skip_typescript)]
pub fn validate_text(body: &str, options_json: &str) -> String {
    let report = options(options_json).map_or_else(
        |report| report,
        |options| validate::validate_json(body, &options),
    );
    report_text(&report)
}

#[cfg(feature = "wasm-validator")]
/// The body as Kibana would store it: `{ ok: true, body }` or `{ ok: false, errors }`.
#[wasm_bindgen(js_name = normalizeText, skip_typescript)]
pub fn normalize_text(body: &str, options_json: &str) -> String {
    #[derive(Serialize)]
    #[serde(untagged)]
    enum Normalized {
        Ok { ok: bool, body: Value },
        Err { ok: bool, errors: Vec<Issue> },
    }
    let result = options(options_json)
        .map_err(|report| report.errors)
        .and_then(|options| validate::normalize_json(body, &options));
    json(&match result {
        Ok(body) => Normalized::Ok { ok: true, body },
        Err(errors) => Normalized::Err { ok: false, errors },
    })
}

#[cfg(feature = "wasm-validator")]
/// The report on a JavaScript value that has no JSON text: `kind` is `"none"` (`undefined`, a
/// function or a symbol), `"too_deep"` (a `RangeError`: nesting past the stack) or `"refused"`
/// (a cycle, a BigInt, a throwing getter or `toJSON`); `reason` is what the JavaScript half can
/// say without quoting the value.
#[wasm_bindgen(js_name = unreadableBody, skip_typescript)]
pub fn unreadable_body(kind: &str, reason: &str, options_json: &str) -> String {
    if let Err(report) = options(options_json) {
        return report_text(&report);
    }
    let (code, reason) = match kind {
        "none" => (
            IssueCode::InvalidJson,
            "JavaScript gives no JSON for this value (undefined, a function or a symbol)",
        ),
        "too_deep" => (IssueCode::InputTooLarge, reason),
        _ => (IssueCode::InvalidJson, reason),
    };
    let reason: String = reason.chars().take(200).collect();
    report_text(&validate::unreadable(
        code,
        format!("The body cannot be read as JSON: JSON.stringify failed: {reason}"),
        None,
        Some(KibanaError::bad_request(validate::INVALID_JSON_MESSAGE)),
    ))
}

#[cfg(feature = "wasm-validator")]
/// The answer of an export that takes arguments beside a body: the value, or a `TypeError`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
enum Answer<T> {
    Value(T),
    TypeError(String),
}

/// The options of the exports that take only options (`connectorTypes`, `jsonSchema`), read as
/// `validate` reads its own ([`options::options_object`]): `null` is no options, a key whose
/// value is `null` is left out, and anything but an object is a `TypeError` message.
fn options_object(
    options_json: &str,
    function: &str,
    shape: &str,
) -> Result<serde_json::Map<String, Value>, String> {
    let value = crate::js::json_parse(options_json).unwrap_or(Value::Null);
    match options::options_object(&value) {
        Ok(None) => Ok(serde_json::Map::new()),
        Ok(Some(map)) => Ok(map
            .iter()
            .filter(|(_, value)| !value.is_null())
            .map(|(key, value)| (key.clone(), value.clone()))
            .collect()),
        Err(kind) => Err(format!(
            "{function}: the options must be an object {shape}, not {kind}"
        )),
    }
}

#[cfg(feature = "wasm-validator")]
/// A `{ kibanaVersion? }` option as JSON text: the default release when absent.
fn release_option(options_json: &str, function: &str) -> Result<KibanaVersion, String> {
    let shape = "{ kibanaVersion?: string }";
    let map = options_object(options_json, function, shape)?;
    if let Some(key) = map.keys().find(|key| *key != "kibanaVersion") {
        // Quoted as JSON.stringify quotes it (Rust's `{:?}` would bring its escaping tables in).
        let key = crate::js::js_string_literal(key);
        return Err(format!(
            "{function}: unknown option {key}: the options are {shape}"
        ));
    }
    match map.get("kibanaVersion") {
        None => Ok(KibanaVersion::default()),
        Some(Value::String(text)) => {
            KibanaVersion::parse(text).map_err(|e| format!("{function}: {e}"))
        }
        Some(_) => Err(format!(
            "{function}: options.kibanaVersion must be a string"
        )),
    }
}

#[cfg(feature = "wasm-validator")]
/// Kibana's license levels, lowest first: `["basic", "gold", "platinum", "enterprise"]`.
#[wasm_bindgen(js_name = licensesText, skip_typescript)]
pub fn licenses_text() -> String {
    json(&crate::catalog::License::ALL)
}

#[cfg(feature = "wasm-validator")]
/// Every release line this package answers for, oldest first: `[{ version, messageEngine,
/// isDefault, caveat? }]`.
#[wasm_bindgen(js_name = kibanaVersionsText, skip_typescript)]
pub fn kibana_versions_text() -> String {
    json(&crate::versions::kibana_versions())
}

#[cfg(feature = "wasm-validator")]
/// The connector types a release registers, each with its license, feature ids, category,
/// first release and deprecation: `{ "value": [...] }` or `{ "typeError": message }`.
#[wasm_bindgen(js_name = connectorTypesText, skip_typescript)]
pub fn connector_types_text(options_json: &str) -> String {
    json(&match release_option(options_json, "connectorTypes") {
        Ok(version) => Answer::Value(crate::registry::types_in(version)),
        Err(message) => Answer::TypeError(message),
    })
}

#[cfg(feature = "wasm-validator")]
/// `compareVersions(body, versions, options?)`: `{ "value": { reports, changes } }` or
/// `{ "typeError": message }` for a list of versions that is not 1 to 12 supported ones.
#[wasm_bindgen(js_name = compareVersionsText, skip_typescript)]
pub fn compare_versions_text(body: &str, versions_json: &str, options_json: &str) -> String {
    let versions = match crate::js::json_parse(versions_json) {
        Ok(Value::Array(items)) if (1..=12).contains(&items.len()) => items
            .iter()
            .map(|item| match item {
                Value::String(text) => KibanaVersion::parse(text).map_err(|e| e.0),
                _ => Err("each version must be a string".to_owned()),
            })
            .collect::<Result<Vec<_>, _>>(),
        _ => Err("the versions must be an array of 1 to 12 version strings".to_owned()),
    };
    let versions = match versions {
        Ok(versions) => versions,
        Err(message) => {
            return json(&Answer::<()>::TypeError(format!(
                "compareVersions: {message}"
            )));
        }
    };
    let comparison = match options(options_json) {
        Err(report) => validate::Comparison {
            reports: versions.iter().map(|_| report.clone()).collect(),
            changes: Vec::new(),
        },
        Ok(options) => validate::compare_versions_json(body, &versions, &options),
    };
    json(&Answer::Value(comparison))
}

#[cfg(feature = "json-schema")]
/// `jsonSchema(connectorTypeId?, options?)` as `{ "schema": … }` (`null` for a type without
/// one) or `{ "typeError": message }` for options it does not know. `connector_type_id` is JSON
/// text: `null` for the bundle, a string for one type, anything else has no schema.
#[wasm_bindgen(js_name = jsonSchemaText, skip_typescript)]
pub fn json_schema_text(connector_type_id: &str, options_json: &str) -> String {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    enum Answer {
        Schema(Option<Value>),
        TypeError(String),
    }
    let shape = "{ dialect?: \"2020-12\" | \"draft-07\" | \"openapi-3.0\", contract?: \"request\" | \"stored\" | \"update\", kibanaVersion?: string }";
    let options = options_object(options_json, "jsonSchema", shape)
        .and_then(|map| {
            serde_json::from_value::<SchemaOptions>(Value::Object(map))
                .map_err(|error| format!("jsonSchema: the options are not {shape}: {error}"))
        })
        // The package answers for the default release unless told otherwise.
        .map(|mut options| {
            options
                .kibana_version
                .get_or_insert_with(KibanaVersion::default);
            options
        });
    let id = crate::js::json_parse(connector_type_id).unwrap_or(Value::Bool(false));
    let options = options.and_then(|options| {
        if id.is_null() && options.contract == Contract::Update {
            Err("jsonSchema: an update body does not name its type, so there is no bundle of update schemas: give the connector type (jsonSchema(\".webhook\", { contract: \"update\" }))".to_owned())
        } else {
            Ok(options)
        }
    });
    json(&match options {
        Err(message) => Answer::TypeError(message),
        Ok(options) => Answer::Schema(match id {
            Value::Null => schema::json_schema_with(None, options),
            Value::String(id) => schema::json_schema_with(Some(&id), options),
            _ => None,
        }),
    })
}

#[cfg(feature = "wasm-validator")]
/// The package's TypeScript declarations: generated from the models (`schema::typescript`) into
/// `schemas/kibana-connectors.d.ts`, which the build copies into the package as
/// `kibana_connectors_types.d.ts`. The exports above are the JavaScript half's, not the user's.
#[wasm_bindgen(typescript_custom_section)]
const TYPESCRIPT: &str = r#"export * from "./kibana_connectors_types.js";

/**
 * Loads the module `jsonSchema` runs in: `kibana_connectors_schemas_bg.wasm` next to this file by
 * default, or what `init` takes. Call it once before `jsonSchema`; a page that only validates
 * never needs it.
 */
export function initJsonSchema(module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<void>;
"#;

#[cfg(feature = "wasm-validator")]
/// This package's version.
#[wasm_bindgen(js_name = version, skip_typescript)]
pub fn version_js() -> String {
    crate::VERSION.to_owned()
}
