//! Markdown tables for the README, generated from the code they describe (a test keeps the
//! README fresh).

use std::fmt::Write as _;

use serde_json::{Value, json};

use crate::registry::{CONNECTOR_TYPES, creatable_types};
use crate::report::IssueCode;
use crate::schema::{
    Contract, Dialect, INEXPRESSIBLE, NOT_YET_EXPRESSED, SchemaOptions, Unexpressed,
    json_schema_with,
};

/// The table of connector types, from [`CONNECTOR_TYPES`].
pub fn connector_types_table() -> String {
    let mut out = String::from(
        "| id | name | minimum license | feature ids | creatable |\n|---|---|---|---|---|\n",
    );
    for t in CONNECTOR_TYPES {
        let features: Vec<String> = t
            .supported_feature_ids
            .iter()
            .map(|f| format!("`{f}`"))
            .collect();
        let creatable = if t.is_system_action_type {
            "no (system action type)"
        } else {
            "yes"
        };
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {creatable} |",
            t.id,
            t.name,
            t.minimum_license.as_str(),
            features.join(", ")
        );
    }
    out
}

/// The table of issue codes, from [`IssueCode::ALL`].
pub fn issue_codes_table() -> String {
    let mut out = String::from("| code | meaning |\n|---|---|\n");
    for code in IssueCode::ALL {
        let _ = writeln!(out, "| `{}` | {} |", code.as_str(), code.description());
    }
    out
}

/// Every generated README section: `(name, content)`, placed between
/// `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`.
pub fn readme_sections() -> Vec<(&'static str, String)> {
    vec![
        ("connector-types", connector_types_table()),
        ("issue-codes", issue_codes_table()),
        ("inexpressible-rules", inexpressible_table()),
        ("not-yet-expressed-rules", not_yet_expressed_table()),
        ("releases", releases_table()),
    ]
}

/// The README's matrix of creatable connector types × Kibana releases: `✓` registered, `≈`
/// registered by an approximate fact (the first release is inferred), blank not registered.
pub fn releases_table() -> String {
    use crate::versions::{KibanaVersion, Release};
    let mut out = String::from("| type |");
    for release in Release::ALL {
        out.push_str(&format!(" {release} |"));
    }
    out.push_str("\n|---|");
    out.push_str(&"---|".repeat(Release::ALL.len()));
    out.push('\n');
    for connector_type in crate::registry::creatable_types() {
        out.push_str(&format!("| `{}` |", connector_type.id));
        for release in Release::ALL {
            let version = KibanaVersion::from(*release);
            let registered = connector_type.registered_in(version);
            let uncertain = connector_type.since.holds_in(version).1.is_some()
                || connector_type
                    .until
                    .is_some_and(|u| u.holds_in(version).1.is_some());
            out.push_str(match (registered, uncertain) {
                (true, false) => " ✓ |",
                (true, true) => " ≈ |",
                (false, true) => " ≈– |",
                (false, false) => "  |",
            });
        }
        out.push('\n');
    }
    out
}

/// The README's list of rules JSON Schema cannot express (Markdown), from [`INEXPRESSIBLE`].
pub fn inexpressible_table() -> String {
    unexpressed_table(INEXPRESSIBLE, "why JSON Schema cannot say it")
}

/// The README's list of rules the schemas do not express yet (Markdown), from
/// [`NOT_YET_EXPRESSED`]: a sentence and a table, or a sentence alone when the list is empty.
pub fn not_yet_expressed_table() -> String {
    if NOT_YET_EXPRESSED.is_empty() {
        return String::from("The schemas express every other rule of Kibana's validators.\n");
    }
    let mut out =
        String::from("The schemas do not express these rules yet, although JSON Schema could:\n\n");
    out.push_str(&unexpressed_table(
        NOT_YET_EXPRESSED,
        "how the schemas could say it",
    ));
    out
}

/// A Markdown table of rules (each rule once, with the connector types of its first entry).
fn unexpressed_table(rules: &[Unexpressed], why: &str) -> String {
    let mut out = format!("| rule | {why} | connector types |\n|---|---|---|\n");
    let mut seen: Vec<&str> = Vec::new();
    for rule in rules {
        if seen.contains(&rule.rule) {
            continue;
        }
        seen.push(rule.rule);
        let types = if rule.connector_types.is_empty() {
            "all".to_owned()
        } else {
            rule.connector_types
                .iter()
                .map(|t| format!("`{t}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = writeln!(out, "| {} | {} | {types} |", rule.rule, rule.why);
    }
    out
}

/// Every generated file under `schemas/` (path from the repository root, text): per dialect and
/// contract, the bundle (`schemas/<dialect>/<contract>.json`; none for updates, whose bodies do
/// not name their type) and one schema per connector type
/// (`schemas/<dialect>/<contract>/<id without the dot>.json`); and `schemas/unexpressed.json`,
/// the rules the schemas do not express.
pub fn files() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for &dialect in Dialect::ALL {
        for &contract in Contract::ALL {
            let options = SchemaOptions {
                dialect,
                contract,
                // The committed files describe Kibana main.
                kibana_version: Some(crate::versions::Release::Main.into()),
            };
            let folder = format!("schemas/{}/{}", dialect.as_str(), contract.as_str());
            if let Some(bundle) = json_schema_with(None, options) {
                out.push((format!("{folder}.json"), pretty(&bundle)));
            }
            for connector_type in creatable_types() {
                if let Some(schema) = json_schema_with(Some(connector_type.id), options) {
                    let file = connector_type.id.trim_start_matches('.');
                    out.push((format!("{folder}/{file}.json"), pretty(&schema)));
                }
            }
        }
    }
    out.push((
        "schemas/unexpressed.json".to_owned(),
        pretty(&json!({ "inexpressible": INEXPRESSIBLE, "notYetExpressed": NOT_YET_EXPRESSED })),
    ));
    out
}

/// JSON text as the generated files hold it: two-space indentation and a final newline.
/// White space other than ASCII (in the patterns' explicit classes) is written as `\uXXXX`
/// escapes, which every JSON parser reads as the character: the same value, but visible.
pub fn pretty(value: &Value) -> String {
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    let mut out = String::with_capacity(text.len() + 1);
    for c in text.chars() {
        if !c.is_ascii() && crate::js::is_js_white_space(c) {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out.push('\n');
    out
}
