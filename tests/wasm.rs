//! The wasm facade, as JavaScript sees it: run in Node and in headless Chromium.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed test may panic

use js_sys::{JSON, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

use kibana_connectors::wasm::{
    connector_types_js, json_schema_js, licenses_js, normalize_js, validate_js,
};

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
    assert_eq!(
        stringify(&licenses_js()),
        r#"["basic","gold","platinum","enterprise"]"#
    );
}

/// Evaluates a JavaScript expression (test inputs only JavaScript can make).
fn eval(expression: &str) -> JsValue {
    js_sys::Function::new_no_args(&format!("return ({expression});"))
        .call0(&JsValue::NULL)
        .expect("test expression")
}

const NORMAL: &str = r#"{"name":"n","connector_type_id":".index","config":{"index":"i"}}"#;

fn first_code(report: &JsValue) -> String {
    let first = Reflect::get_u32(&get(report, "errors"), 0).unwrap();
    get(&first, "code").as_string().unwrap()
}

#[wasm_bindgen_test]
fn hostile_javascript_values_give_reports_and_the_module_survives() {
    let cases: &[(&str, &str)] = &[
        (
            "(() => { const o = { name: 'n' }; o.self = o; return o; })()",
            "invalid_json",
        ),
        (
            "({ name: 'n', connector_type_id: '.index', config: { index: 10n } })",
            "invalid_json",
        ),
        ("Symbol('s')", "invalid_json"),
        ("() => 1", "invalid_json"),
        ("undefined", "invalid_json"),
        (
            "new Proxy({}, { get() { throw new Error('no'); }, ownKeys() { throw new Error('no'); } })",
            "invalid_json",
        ),
        (
            "({ get name() { throw new Error('getter'); } })",
            "invalid_json",
        ),
        (
            "(() => { let o = {}; for (let i = 0; i < 100000; i++) o = { a: o }; return o; })()",
            "input_too_large",
        ),
        (
            "({ name: 'x'.repeat(10 * 1024 * 1024), connector_type_id: '.index' })",
            "input_too_large",
        ),
        (
            "({ name: 'n', connector_type_id: '.index', config: { index: new Array(1000000).fill(1) } })",
            "input_too_large",
        ),
        ("NaN", "invalid_type"),
        ("Infinity", "invalid_type"),
        ("-0", "invalid_type"),
        ("new Date(0)", "invalid_type"),
        ("new Map([['name', 'n']])", "required"),
        ("new Uint8Array([1, 2, 3])", "required"),
        (
            "({ name: 'n', connector_type_id: '.index', config: { index: '\\ud800' } })",
            "invalid_json",
        ),
        (
            "JSON.parse('{\"__proto__\": {\"polluted\": 1}, \"name\": \"n\", \"connector_type_id\": \".index\", \"config\": {\"index\": \"i\"}}')",
            "unknown_key",
        ),
        (
            "({ name: 'n', connector_type_id: '.index', config: { index: 'i', constructor: { prototype: 1 } } })",
            "unknown_key",
        ),
    ];
    for (expression, code) in cases {
        let value = eval(expression);
        let report = validate_js(&value, &JsValue::UNDEFINED);
        assert_eq!(get(&report, "valid"), JsValue::FALSE, "{expression}");
        assert_eq!(first_code(&report), *code, "{expression}");
        let out = normalize_js(&value, &JsValue::UNDEFINED);
        assert_eq!(get(&out, "ok"), JsValue::FALSE, "{expression}");
        // The module still works.
        let normal = validate_js(&JsValue::from_str(NORMAL), &JsValue::UNDEFINED);
        assert_eq!(get(&normal, "valid"), JsValue::TRUE, "after {expression}");
    }
}

#[wasm_bindgen_test]
fn symbols_and_functions_inside_a_body_are_left_out_as_json_does() {
    let value = eval(
        "({ name: 'n', connector_type_id: '.index', config: { index: 'i', f() {}, s: Symbol('x') } })",
    );
    let report = validate_js(&value, &JsValue::UNDEFINED);
    assert_eq!(get(&report, "valid"), JsValue::TRUE);
}

#[wasm_bindgen_test]
fn bodies_over_kibanas_payload_limit_get_its_413() {
    let report = validate_js(
        &eval("JSON.stringify({ name: 'x'.repeat(1048576) })"),
        &JsValue::UNDEFINED,
    );
    let error = get(&report, "kibanaError");
    assert_eq!(get(&error, "statusCode").as_f64(), Some(413.0));
    assert_eq!(
        get(&error, "message").as_string().unwrap(),
        "Payload content length greater than maximum allowed: 1048576"
    );
}

#[wasm_bindgen_test]
fn normalize_returns_fresh_plain_objects() {
    let input = eval("({ name: 'n', connector_type_id: '.index', config: { index: 'i' } })");
    let out = normalize_js(&input, &JsValue::UNDEFINED);
    let body = get(&out, "body");
    let config = get(&body, "config");
    assert!(!js_sys::Object::is(&config, &get(&input, "config")));
    assert_eq!(
        js_sys::Object::get_prototype_of(&config),
        js_sys::Object::get_prototype_of(&js_sys::Object::new())
    );
    assert!(get(&js_sys::Object::new(), "polluted").is_undefined());
}
