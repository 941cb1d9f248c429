//! The WebAssembly facade: the only module that knows about JavaScript. Each export converts its
//! arguments, calls the core, and converts the result; invalid input is an ordinary result.

use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

use crate::pipeline::options::Options;
use crate::pipeline::validate;
use crate::report::{Issue, IssueCode, KibanaError, Report};
use crate::schema::{self, SchemaOptions};

/// Serializes for JavaScript: plain objects (not `Map`s) and `null` (not `undefined`).
///
/// The value crosses as JSON text and `JSON.parse` builds it: one call into JavaScript instead of
/// one per property, several times faster for a report.
fn to_js<T: Serialize>(value: &T) -> JsValue {
    serde_json::to_string(value)
        .ok()
        .and_then(|text| js_sys::JSON::parse(&text).ok())
        .unwrap_or(JsValue::NULL)
}

/// A JavaScript value as the JSON Kibana would receive: JSON text is parsed, anything else goes
/// through `JSON.stringify`, exactly what `fetch` would send.
fn body_from_js(body: &JsValue) -> Result<Value, Report> {
    if let Some(text) = body.as_string() {
        return validate::parse_body(&text);
    }
    match js_sys::JSON::stringify(body) {
        Ok(text) => match text.as_string() {
            Some(text) => validate::parse_body(&text),
            None => Err(unreadable(
                IssueCode::InvalidJson,
                "JavaScript gives no JSON for this value (undefined, a function or a symbol)",
            )),
        },
        // A cycle, a BigInt, a getter that throws; a RangeError when nesting overflows the stack.
        Err(error) => {
            let too_deep = error.is_instance_of::<js_sys::RangeError>();
            let reason: String = error
                .dyn_ref::<js_sys::Error>()
                .map_or_else(
                    || "JSON.stringify failed".to_owned(),
                    |e| String::from(e.message()),
                )
                .chars()
                .take(200)
                .collect();
            let code = if too_deep {
                IssueCode::InputTooLarge
            } else {
                IssueCode::InvalidJson
            };
            Err(unreadable(
                code,
                &format!("JSON.stringify failed: {reason}"),
            ))
        }
    }
}

fn unreadable(code: IssueCode, reason: &str) -> Report {
    validate::unreadable(
        code,
        format!("The body cannot be read as JSON: {reason}"),
        None,
        Some(KibanaError::bad_request(validate::INVALID_JSON_MESSAGE)),
    )
}

/// Options from JavaScript; anything unreadable counts as no options.
fn options_from_js(options: &JsValue) -> Result<Options, Report> {
    if options.is_undefined() || options.is_null() {
        return Ok(Options::default());
    }
    serde_wasm_bindgen::from_value(options.clone()).map_err(|error| {
        validate::unreadable(
            IssueCode::InvalidType,
            format!("The options are not {{ id?, mode?, connectorTypeId? }}: {error}"),
            None,
            None,
        )
    })
}

/// The package's TypeScript declarations: generated from the models (`schema::typescript`) into
/// `schemas/kibana-connectors.d.ts`, which the build copies into the package as
/// `kibana_connectors_types.d.ts`. The exports below skip wasm-bindgen's own declarations, which
/// cannot say overloads or generics.
#[wasm_bindgen(typescript_custom_section)]
const TYPESCRIPT: &str = "export * from \"./kibana_connectors_types.js\";\n";

/// Checks a create-connector request body: `{ valid, errors, warnings, kibanaError }`.
#[wasm_bindgen(js_name = validate, skip_typescript)]
pub fn validate_js(body: &JsValue, options: &JsValue) -> JsValue {
    let report = options_from_js(options)
        .and_then(|options| body_from_js(body).map(|body| validate::validate(&body, &options)))
        .unwrap_or_else(|report| report);
    to_js(&report)
}

/// The body as Kibana would store it: `{ ok: true, body }` or `{ ok: false, errors }`.
#[wasm_bindgen(js_name = normalize, skip_typescript)]
pub fn normalize_js(body: &JsValue, options: &JsValue) -> JsValue {
    #[derive(Serialize)]
    #[serde(untagged)]
    enum Normalized {
        Ok { ok: bool, body: Value },
        Err { ok: bool, errors: Vec<Issue> },
    }
    let result = options_from_js(options)
        .and_then(|options| body_from_js(body).map(|body| validate::normalize(&body, &options)));
    let out = match result {
        Ok(Ok(body)) => Normalized::Ok { ok: true, body },
        Ok(Err(errors)) => Normalized::Err { ok: false, errors },
        Err(report) => Normalized::Err {
            ok: false,
            errors: report.errors,
        },
    };
    to_js(&out)
}

/// Every connector type: `{ id, name, minimumLicense, supportedFeatureIds, isSystemActionType }`.
#[wasm_bindgen(js_name = connectorTypes, skip_typescript)]
pub fn connector_types_js() -> JsValue {
    to_js(&crate::registry::CONNECTOR_TYPES)
}

/// Kibana's license levels, lowest first: `["basic", "gold", "platinum", "enterprise"]`.
#[wasm_bindgen(js_name = licenses, skip_typescript)]
pub fn licenses_js() -> JsValue {
    to_js(&crate::catalog::License::ALL)
}

/// `jsonSchema(connectorTypeId?, options?)`: the bundle (no type, or `null`), one type's schema,
/// or `null` for a type without one; a `TypeError` for options it does not know.
#[wasm_bindgen(js_name = jsonSchema, skip_typescript)]
pub fn json_schema_with_options_js(
    connector_type_id: &JsValue,
    options: &JsValue,
) -> Result<JsValue, JsValue> {
    let options = if options.is_undefined() || options.is_null() {
        SchemaOptions::default()
    } else {
        serde_wasm_bindgen::from_value(options.clone()).map_err(|error| {
            JsValue::from(js_sys::TypeError::new(&format!(
                "jsonSchema: the options are not {{ dialect?: \"2020-12\" | \"draft-07\" | \"openapi-3.0\", contract?: \"request\" | \"stored\" }}: {error}"
            )))
        })?
    };
    let schema = if connector_type_id.is_undefined() || connector_type_id.is_null() {
        schema::json_schema_with(None, options)
    } else {
        connector_type_id
            .as_string()
            .and_then(|id| schema::json_schema_with(Some(&id), options))
    };
    Ok(schema.map_or(JsValue::NULL, |s| to_js(&s)))
}

/// The 2020-12 request schema of one connector type, or `null` (`jsonSchema(id)`).
pub fn json_schema_js(connector_type_id: &JsValue) -> JsValue {
    if connector_type_id.is_undefined() || connector_type_id.is_null() {
        return JsValue::NULL;
    }
    json_schema_with_options_js(connector_type_id, &JsValue::UNDEFINED).unwrap_or(JsValue::NULL)
}

/// This package's version.
#[wasm_bindgen(js_name = version, skip_typescript)]
pub fn version_js() -> String {
    crate::catalog::VERSION.to_owned()
}
