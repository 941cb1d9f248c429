//! A report as the JSON text the wasm facade hands to JavaScript, written directly: the same
//! text as its `Serialize` form (fields in the same order, the same omissions), without the
//! serializer's machinery, on the path every `validate` call takes.

use crate::js::{write_json, write_json_string};
use crate::report::{Fidelity, Issue, Report};

/// `JSON.stringify` of the report's JavaScript form: `{ valid, errors, warnings, kibanaError,
/// truncated?, kibanaVersion?, fidelity, approximations? }`.
pub fn report_text(report: &Report) -> String {
    // A report with its usual two warnings is 600–900 bytes: one allocation.
    let mut out = String::with_capacity(1024);
    write_report(&mut out, report);
    out
}

/// [`report_text`] appended to `out`.
pub fn write_report(out: &mut String, report: &Report) {
    out.push_str(if report.valid {
        "{\"valid\":true,\"errors\":"
    } else {
        "{\"valid\":false,\"errors\":"
    });
    write_issues(out, &report.errors);
    out.push_str(",\"warnings\":");
    write_issues(out, &report.warnings);
    out.push_str(",\"kibanaError\":");
    match &report.kibana_error {
        None => out.push_str("null"),
        Some(error) => {
            out.push_str("{\"statusCode\":");
            out.push_str(&error.status_code.to_string());
            out.push_str(",\"error\":");
            write_json_string(out, error.error);
            out.push_str(",\"message\":");
            write_json_string(out, &error.message);
            out.push('}');
        }
    }
    if report.truncated {
        out.push_str(",\"truncated\":true");
    }
    if !report.kibana_version.is_empty() {
        out.push_str(",\"kibanaVersion\":");
        write_json_string(out, &report.kibana_version);
    }
    out.push_str(match report.fidelity {
        Fidelity::Exact => ",\"fidelity\":\"exact\"",
        Fidelity::Approximate => ",\"fidelity\":\"approximate\"",
    });
    if !report.approximations.is_empty() {
        out.push_str(",\"approximations\":[");
        for (index, text) in report.approximations.iter().enumerate() {
            if index > 0 {
                out.push(',');
            }
            write_json_string(out, text);
        }
        out.push(']');
    }
    out.push('}');
}

fn write_issues(out: &mut String, issues: &[Issue]) {
    out.push('[');
    for (index, issue) in issues.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        // Issue codes are plain ASCII words: no escaping needed.
        out.push_str("{\"code\":\"");
        out.push_str(issue.code.as_str());
        out.push_str("\",\"path\":");
        write_json_string(out, &issue.path);
        out.push_str(",\"message\":");
        write_json_string(out, &issue.message);
        if let Some(params) = &issue.params {
            out.push_str(",\"params\":");
            write_json(out, params);
        }
        out.push('}');
    }
    out.push(']');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{IssueCode, KibanaError};

    #[test]
    fn writes_what_serde_writes() {
        let issue = Issue::new(
            IssueCode::ServerCheck,
            "/config/url",
            "a \"quoted\"\n\u{1}é😀 text",
        )
        .with_params(
            crate::js::json!({ "n": 1, "f": 1.5, "neg": -3, "list": [null, true, "x"], "o": {} }),
        );
        let reports = [
            Report::default(),
            Report {
                valid: true,
                warnings: vec![issue.clone(), Issue::new(IssueCode::Required, "", "")],
                kibana_version: "9.3".to_owned(),
                ..Report::default()
            },
            Report {
                errors: vec![issue],
                kibana_error: Some(KibanaError::bad_request("error validating \\ config")),
                truncated: true,
                fidelity: Fidelity::Approximate,
                approximations: vec!["one".to_owned(), "two\t".to_owned()],
                ..Report::default()
            },
        ];
        for report in reports {
            assert_eq!(
                report_text(&report),
                serde_json::to_string(&report).unwrap()
            );
        }
    }
}
