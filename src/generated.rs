//! Markdown tables for the README, generated from the code they describe (a test keeps the
//! README fresh).

use std::fmt::Write as _;

use crate::registry::CONNECTOR_TYPES;
use crate::report::IssueCode;

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
        ("inexpressible-rules", crate::schema::inexpressible_table()),
        (
            "not-yet-expressed-rules",
            crate::schema::not_yet_expressed_table(),
        ),
    ]
}
