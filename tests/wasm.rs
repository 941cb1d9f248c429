//! The wasm facade, as JavaScript sees it: run in Node and in headless Chromium.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed test may panic

use js_sys::{JSON, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

use kibana_connectors::wasm::{connector_types_js, json_schema_js, normalize_js, validate_js};

fn js(text: &str) -> JsValue {
    JSON::parse(text).expect("test JSON")
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).expect("property")
}

fn stringify(value: &JsValue) -> String {
    JSON::stringify(value)
        .expect("stringify")
        .as_string()
        .expect("string")
}

#[wasm_bindgen_test]
fn validates_an_object_body() {
    let report = validate_js(
        &js(r#"{"name":"n","connector_type_id":".index","config":{"index":"i"}}"#),
        &JsValue::UNDEFINED,
    );
    assert_eq!(get(&report, "valid"), JsValue::TRUE);
    assert_eq!(get(&report, "kibanaError"), JsValue::NULL);
}

#[wasm_bindgen_test]
fn validates_json_text_and_reports_kibanas_answer() {
    let report = validate_js(
        &JsValue::from_str(r#"{"name":"n","connector_type_id":".index"}"#),
        &JsValue::NULL,
    );
    assert_eq!(get(&report, "valid"), JsValue::FALSE);
    let error = get(&report, "kibanaError");
    assert_eq!(get(&error, "statusCode").as_f64(), Some(400.0));
    assert_eq!(
        get(&error, "message").as_string().unwrap(),
        "error validating connector type config: ✖ Invalid input: expected string, received undefined\n  → at index"
    );
    let first = Reflect::get_u32(&get(&report, "errors"), 0).unwrap();
    assert_eq!(get(&first, "code").as_string().unwrap(), "required");
    assert_eq!(get(&first, "path").as_string().unwrap(), "/config/index");
}

#[wasm_bindgen_test]
fn anything_javascript_passes_is_a_report() {
    for body in [
        JsValue::UNDEFINED,
        JsValue::NULL,
        JsValue::from_f64(f64::NAN),
        JsValue::from_str("{"),
        JsValue::TRUE,
    ] {
        let report = validate_js(&body, &JsValue::UNDEFINED);
        assert_eq!(get(&report, "valid"), JsValue::FALSE, "{body:?}");
    }
    let report = validate_js(&js("{}"), &JsValue::from_str("not options"));
    assert_eq!(get(&report, "valid"), JsValue::FALSE);
}

#[wasm_bindgen_test]
fn normalize_fills_in_defaults() {
    let out = normalize_js(
        &js(r#"{"name":"n","connector_type_id":".index","config":{"index":"i"}}"#),
        &JsValue::UNDEFINED,
    );
    assert_eq!(
        stringify(&out),
        r#"{"ok":true,"body":{"name":"n","connector_type_id":".index","config":{"index":"i","refresh":false,"executionTimeField":null},"secrets":{}}}"#
    );
}

#[wasm_bindgen_test]
fn lists_types_and_schemas() {
    let types = stringify(&connector_types_js());
    assert!(
        types.contains(r#"{"id":".index","name":"Index","minimumLicense":"basic""#),
        "{types}"
    );
    let schema = json_schema_js(&JsValue::from_str(".index"));
    assert!(stringify(&schema).contains(r#""connector_type_id":{"const":".index""#));
    assert_eq!(json_schema_js(&JsValue::from_str(".nope")), JsValue::NULL);
    assert_eq!(json_schema_js(&JsValue::from_f64(1.0)), JsValue::NULL);
}
