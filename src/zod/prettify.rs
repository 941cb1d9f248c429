//! Zod's `z.prettifyError`: the text Kibana puts in its answer.

use super::ZodIssue;
use crate::js::js_string_literal;
use crate::pointer::Segment;

/// Renders issues the way Zod's `z.prettifyError` does: sorted (stably) by path length, each as
/// `✖ message`, followed by `  → at path` when the issue has a path.
pub fn prettify(issues: &[ZodIssue]) -> String {
    let sorted = crate::js::stable_order(issues, |issue| issue.path.len() as u64)
        .into_iter()
        .filter_map(|at| issues.get(at));
    let mut lines = Vec::with_capacity(issues.len() * 2);
    for issue in sorted {
        lines.push(["✖ ", &issue.message].concat());
        if !issue.path.is_empty() {
            lines.push(["  → at ", &dot_path(&issue.path)].concat());
        }
    }
    lines.join("\n")
}

/// Zod's `toDotPath`: `a.b[0]["x-y"]`.
pub fn dot_path(path: &[Segment]) -> String {
    let mut out = String::new();
    for segment in path {
        match segment {
            Segment::Index(index) => out.push_str(&format!("[{index}]")),
            Segment::Key(key)
                if key
                    .chars()
                    .any(|c| !(c.is_ascii_alphanumeric() || c == '_' || c == '$')) =>
            {
                out.push_str(&format!("[{}]", js_string_literal(key)));
            }
            Segment::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::IssueCode;
    use crate::zod::Reader;
    use serde_json::json;

    #[test]
    fn dot_paths_match_zod() {
        let path = [
            Segment::Key("headers".into()),
            Segment::Key("X-Foo".into()),
            Segment::Index(0),
            Segment::Key("a_b$1".into()),
        ];
        assert_eq!(dot_path(&path), "headers[\"X-Foo\"][0].a_b$1");
        assert_eq!(
            dot_path(&[Segment::Index(2), Segment::Key("name".into())]),
            "[2].name"
        );
    }

    #[test]
    fn prettify_sorts_by_path_length_stably() {
        let issue = |path: Vec<Segment>, message: &str| ZodIssue {
            path,
            code: IssueCode::InvalidType,
            message: message.into(),
            params: None,
            keys: Vec::new(),
            located: Vec::new(),
            seen: None,
            nullable: false,
        };
        let issues = [
            issue(
                vec![Segment::Key("a".into()), Segment::Key("b".into())],
                "deep",
            ),
            issue(vec![Segment::Key("c".into())], "first"),
            issue(vec![], "root"),
            issue(vec![Segment::Key("d".into())], "second"),
        ];
        assert_eq!(
            prettify(&issues),
            "✖ root\n✖ first\n  → at c\n✖ second\n  → at d\n✖ deep\n  → at a.b"
        );
    }

    #[test]
    fn an_object_union_shows_one_line_and_lists_the_located_issues() {
        let mut option = Reader::new();
        option.at(Segment::Key("apiKey".into()), |r| {
            r.invalid_type("string", Some(&json!(5)));
        });
        let mut reader = Reader::new();
        reader.at(Segment::Key("secrets".into()), |r| {
            r.invalid_object_union(option.into_issues());
        });
        let issues = reader.into_issues();
        assert_eq!(prettify(&issues), "✖ Invalid input\n  → at secrets");
        let located: Vec<ZodIssue> = issues
            .into_iter()
            .flat_map(ZodIssue::into_located)
            .collect();
        assert_eq!(located.len(), 1);
        assert_eq!(located[0].code, IssueCode::InvalidType);
        assert_eq!(
            located[0].path,
            [
                Segment::Key("secrets".into()),
                Segment::Key("apiKey".into())
            ]
        );
    }
}
