//! Generated files and sections stay fresh: this test fails when they are stale.
//! `UPDATE_GENERATED=1 cargo test --test generated` rewrites them.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // a failing test may panic

use std::fs;
use std::path::Path;

fn update() -> bool {
    std::env::var_os("UPDATE_GENERATED").is_some()
}

/// Replaces the text between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`.
fn splice(text: &str, name: &str, content: &str) -> String {
    let open = format!("<!-- generated:{name} -->\n");
    let close = format!("<!-- /generated:{name} -->");
    let start = text
        .find(&open)
        .unwrap_or_else(|| panic!("README has no {open}"))
        + open.len();
    let end = text[start..]
        .find(&close)
        .unwrap_or_else(|| panic!("README has no {close}"))
        + start;
    format!("{}{content}{}", &text[..start], &text[end..])
}

#[test]
fn readme_tables_are_fresh() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = fs::read_to_string(&path).expect("README.md");
    let mut fresh = readme.clone();
    for (name, content) in kibana_connectors::internals::readme_sections() {
        fresh = splice(&fresh, name, &content);
    }
    if fresh != readme {
        if update() {
            fs::write(&path, fresh).expect("write README.md");
        } else {
            panic!(
                "README.md's generated tables are stale: run UPDATE_GENERATED=1 cargo test --test generated"
            );
        }
    }
}

#[test]
fn every_issue_code_is_documented_once() {
    let table = kibana_connectors::internals::issue_codes_table();
    for code in kibana_connectors::IssueCode::ALL {
        let row = format!("| `{}` |", code.as_str());
        assert_eq!(table.matches(&row).count(), 1, "{row}");
    }
    // The codes are a public contract: this list changes only by adding codes at the end.
    let names: Vec<&str> = kibana_connectors::IssueCode::ALL
        .iter()
        .map(|c| c.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "invalid_json",
            "input_too_large",
            "required",
            "invalid_type",
            "blank_string",
            "unknown_key",
            "invalid_option",
            "too_small",
            "too_big",
            "invalid_value",
            "invalid_url",
            "invalid_email",
            "not_allowed",
            "invalid_combination",
            "invalid_id",
            "unknown_connector_type",
            "system_action_type",
            "server_check",
            "invalid_options",
            "deprecated_type",
        ]
    );
}
