//! The wasm exports, as the package's JavaScript half calls them: run in Node and in headless
//! Chromium. Only text crosses; JavaScript values (hostile ones included) are the JavaScript
//! half's to turn into text, and are tested with the package (tests/npm/, www/test/).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // a failed test may panic

use serde_json::{Value, json};
use wasm_bindgen_test::wasm_bindgen_test;

use kibana_connectors::wasm::{
    compare_versions_text, connector_types_text, json_schema_text, licenses_text, normalize_text,
    unreadable_body, validate_text,
};

fn parse(text: &str) -> Value {
    serde_json::from_str(text).expect("JSON from the module")
}

const NORMAL: &str = r#"{"name":"n","connector_type_id":".index","config":{"index":"i"}}"#;

#[wasm_bindgen_test]
fn validates_json_text_and_reports_kibanas_answer() {
    assert_eq!(parse(&validate_text(NORMAL, "null"))["valid"], true);
    let report = parse(&validate_text(
        r#"{"name":"n","connector_type_id":".index"}"#,
        "null",
    ));
    assert_eq!(report["valid"], false);
    assert_eq!(report["kibanaError"]["statusCode"], 400);
    assert_eq!(
        report["kibanaError"]["message"],
        "error validating connector type config: ✖ Invalid input: expected string, received undefined\n  → at index"
    );
    assert_eq!(report["errors"][0]["code"], "required");
    assert_eq!(report["errors"][0]["path"], "/config/index");
}

#[wasm_bindgen_test]
fn options_that_cannot_be_used_are_a_report() {
    for options in [
        r#"{"mode":"delete"}"#,
        r#"{"mdoe":"update"}"#,
        r#"{"id":{"$typeof":"unreadable"}}"#,
        r#"{"$typeof":"unreadable"}"#,
        "[1]",
        "not JSON",
    ] {
        let report = parse(&validate_text(NORMAL, options));
        assert_eq!(report["valid"], false, "{options}");
        assert_eq!(report["errors"][0]["code"], "invalid_options", "{options}");
        assert_eq!(report["kibanaError"], Value::Null, "{options}");
        let out = parse(&normalize_text(NORMAL, options));
        assert_eq!(out["errors"][0]["code"], "invalid_options", "{options}");
    }
}

#[wasm_bindgen_test]
fn bodies_javascript_cannot_write_as_json_are_a_report() {
    let none = parse(&unreadable_body("none", "", "null"));
    assert_eq!(none["errors"][0]["code"], "invalid_json");
    let deep = parse(&unreadable_body(
        "too_deep",
        "Maximum call stack size exceeded",
        "null",
    ));
    assert_eq!(deep["errors"][0]["code"], "input_too_large");
    let refused = parse(&unreadable_body(
        "refused",
        "x".repeat(1000).as_str(),
        "null",
    ));
    assert!(refused["errors"][0]["message"].as_str().unwrap().len() < 300);
    let bad_options = parse(&unreadable_body("none", "", r#"{"nope":1}"#));
    assert_eq!(bad_options["errors"][0]["code"], "invalid_options");
}

#[wasm_bindgen_test]
fn normalize_fills_in_defaults() {
    assert_eq!(
        normalize_text(NORMAL, "null"),
        r#"{"ok":true,"body":{"name":"n","connector_type_id":".index","config":{"index":"i","refresh":false,"executionTimeField":null},"secrets":{}}}"#
    );
}

#[wasm_bindgen_test]
fn lists_types_and_schemas() {
    let types = connector_types_text("null");
    assert!(
        types.contains(r#"{"id":".index","name":"Index","minimumLicense":"basic""#),
        "{types}"
    );
    let old = parse(&connector_types_text(r#"{"kibanaVersion":"9.3"}"#));
    let ids: Vec<&str> = old["value"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&".mcp") && !ids.contains(&".http"));
    assert_eq!(
        parse(&licenses_text()),
        json!(["basic", "gold", "platinum", "enterprise"])
    );
    let refused = parse(&connector_types_text(r#"{"kibanaVersion":"7.17"}"#));
    assert!(refused["typeError"].as_str().unwrap().contains("7.17"));
    let schema = parse(&json_schema_text(r#"".index""#, "null"));
    assert_eq!(
        schema["schema"]["properties"]["connector_type_id"]["const"],
        ".index"
    );
    assert_eq!(
        parse(&json_schema_text(r#"".nope""#, "null")),
        json!({ "schema": null })
    );
    assert_eq!(
        parse(&json_schema_text("1", "null")),
        json!({ "schema": null })
    );
    let refused = parse(&json_schema_text("null", r#"{"dialect":"draft-04"}"#));
    assert!(
        refused["typeError"]
            .as_str()
            .unwrap()
            .starts_with("jsonSchema:")
    );
}

#[wasm_bindgen_test]
fn bodies_over_kibanas_payload_limit_get_its_413() {
    let body = json!({ "name": "x".repeat(1_048_576) }).to_string();
    let report = parse(&validate_text(&body, "null"));
    assert_eq!(report["kibanaError"]["statusCode"], 413);
    assert_eq!(
        report["kibanaError"]["message"],
        "Payload content length greater than maximum allowed: 1048576"
    );
}

#[wasm_bindgen_test]
fn versions_are_compared() {
    let body = r#"{"name":"n","connector_type_id":".http","config":{"url":"https://example.com"}}"#;
    let answer = parse(&compare_versions_text(body, r#"["9.3","9.4"]"#, "null"));
    let reports = answer["value"]["reports"].as_array().unwrap();
    assert_eq!(
        reports[0]["kibanaError"]["message"],
        "Action type \".http\" is not registered."
    );
    assert_eq!(reports[1]["kibanaVersion"], "9.4");
    for bad in ["[]", r#"["7.17"]"#, "[1]", "{}"] {
        let refused = parse(&compare_versions_text(body, bad, "null"));
        assert!(refused["typeError"].is_string(), "{bad}");
    }
}

/// Rows where Chromium's `URL` fails a name Node accepts (UTS #46's bidi rule on a label that
/// starts with a digit, which Node does not apply): there the module fails it too.
const BROWSERS_REFUSE: &[&str] = &["https://1.שלום/", "https://١٢٣.com/"];

/// The module asks its JavaScript host's `URL` (src/kibana/urls.js, which undoes the browsers'
/// other departures from the standard): on every row of `tests/urls/agreement.json` (Node's
/// answers, see tests/urls.rs) it answers as Node does, in Node and in headless Chromium.
#[wasm_bindgen_test]
fn urls_are_read_as_node_reads_them() {
    use kibana_connectors::internals::{legacy_hostname, whatwg};
    let rows: Vec<Value> = serde_json::from_str(include_str!("urls/agreement.json")).unwrap();
    let mut disagreements = Vec::new();
    for row in &rows {
        let input = row[0].as_str().unwrap();
        let ours = json!([
            input,
            whatwg(input).map(|url| format!("{}:{}", url.scheme, url.hostname)),
            legacy_hostname(input).map_or(json!(false), |hostname| json!(hostname)),
        ]);
        let refused = json!([input, null, false]);
        if &ours != row && !(BROWSERS_REFUSE.contains(&input) && ours == refused) {
            disagreements.push(format!("module {ours}\nNode   {row}"));
        }
    }
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
    assert!(rows.len() > 500);
}

/// The module's allocator (src/wasm/arena.rs): what outlives a call is never overwritten by the
/// calls after it, a block resized between other allocations keeps its bytes, and blocks bigger
/// than the arena come from the allocator behind it.
#[wasm_bindgen_test]
fn what_outlives_a_call_is_never_overwritten() {
    let kept: Vec<String> = (0..64)
        .map(|i| format!("kept {i} {}", "x".repeat(i * 37)))
        .collect();
    let mut grown = String::new();
    let mut boxes = Vec::new();
    for round in 0..300 {
        assert_eq!(parse(&validate_text(NORMAL, "null"))["valid"], true);
        grown.push_str(&round.to_string());
        boxes.push(Box::new([round; 9]));
        assert_eq!(parse(&normalize_text(NORMAL, "null"))["ok"], true);
    }
    for (i, text) in kept.iter().enumerate() {
        assert_eq!(*text, format!("kept {i} {}", "x".repeat(i * 37)));
    }
    assert_eq!(grown, (0..300).map(|r| r.to_string()).collect::<String>());
    assert!(
        boxes
            .iter()
            .enumerate()
            .all(|(i, b)| b.iter().all(|n| *n == i))
    );

    let big = vec![7_u8; 1 << 20];
    let index = "i".repeat(300_000);
    let body = json!({ "name": "n", "connector_type_id": ".index", "config": { "index": index } });
    let report = parse(&validate_text(&body.to_string(), "null"));
    assert!(report["valid"].is_boolean());
    assert!(big.iter().all(|b| *b == 7));
    assert_eq!(parse(&validate_text(NORMAL, "null"))["valid"], true);
}

/// The module's allocator (an instance of its own, so that this test alone decides what is
/// alive) under a random mix of allocations, resizes and frees, of sizes inside and beyond the
/// arena and alignments up to 64: every block keeps its bytes and its alignment, and the arena
/// starts over once nothing in it is alive.
#[wasm_bindgen_test]
#[allow(unsafe_code)] // the allocator's own interface
fn the_allocator_keeps_every_live_blocks_bytes() {
    use kibana_connectors::wasm::arena::Arena;
    use std::alloc::{GlobalAlloc, Layout};

    let arena = Arena::new();
    let mut seed: u32 = 0x9e37_79b9;
    let mut next = move |bound: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed as usize % bound
    };
    let fill = |ptr: *mut u8, len: usize, tag: u8| unsafe { std::ptr::write_bytes(ptr, tag, len) };
    let holds = |ptr: *mut u8, len: usize, tag: u8| unsafe {
        std::slice::from_raw_parts(ptr, len)
            .iter()
            .all(|b| *b == tag)
    };
    // (pointer, layout, tag)
    let mut blocks: Vec<(*mut u8, Layout, u8)> = Vec::new();
    let mut first = None;
    let mut restarts = 0;
    for step in 0..20_000_usize {
        let tag = u8::try_from(step % 251).unwrap();
        match next(10) {
            0..=3 if blocks.len() < 48 => {
                let size = if next(100) == 0 {
                    300_000
                } else {
                    1 + next(2_000)
                };
                let layout = Layout::from_size_align(size, [1, 2, 4, 8, 16, 64][next(6)]).unwrap();
                let ptr = unsafe { arena.alloc(layout) };
                assert!(!ptr.is_null());
                assert_eq!(ptr.addr() % layout.align(), 0, "step {step}");
                if blocks.is_empty() && layout.align() == 1 {
                    match first {
                        None => first = Some(ptr),
                        Some(start) if start == ptr => restarts += 1,
                        Some(_) => {}
                    }
                }
                fill(ptr, size, tag);
                blocks.push((ptr, layout, tag));
            }
            4 | 5 if !blocks.is_empty() => {
                let index = next(blocks.len());
                let (ptr, layout, old_tag) = blocks[index];
                let new_size = if next(50) == 0 {
                    300_000
                } else {
                    1 + next(4_000)
                };
                let moved = unsafe { arena.realloc(ptr, layout, new_size) };
                assert!(!moved.is_null());
                assert_eq!(moved.addr() % layout.align(), 0);
                assert!(
                    holds(moved, layout.size().min(new_size), old_tag),
                    "step {step}: a resize lost bytes"
                );
                let layout = Layout::from_size_align(new_size, layout.align()).unwrap();
                fill(moved, new_size, tag);
                blocks[index] = (moved, layout, tag);
            }
            _ if !blocks.is_empty() => {
                let (ptr, layout, tag) = blocks.swap_remove(next(blocks.len()));
                assert!(
                    holds(ptr, layout.size(), tag),
                    "step {step}: a block lost its bytes"
                );
                unsafe { arena.dealloc(ptr, layout) };
            }
            _ => {}
        }
        if step % 16 == 0 {
            for &(ptr, layout, tag) in &blocks {
                assert!(
                    holds(ptr, layout.size(), tag),
                    "step {step}: a block lost its bytes"
                );
            }
        }
    }
    for (ptr, layout, _) in blocks {
        unsafe { arena.dealloc(ptr, layout) };
    }
    assert!(restarts > 10, "the arena started over {restarts} times");
}
