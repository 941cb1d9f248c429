//! Kibana's schema error texts in each message era, from the same located issues.
//!
//! The models read a body once, with Zod 4's rules, and record [`ZodIssue`]s (path, code,
//! parameters). What Kibana *says* about them depends on the release ([`MessageEra`]):
//!
//! - **Zod 4** (9.4 and later): `z.prettifyError` ([`prettify`]).
//! - **Zod 3** (9.3): Kibana's `formatZodError` (`actions/server/lib/format_zod_error.ts`, PR
//!   #240507) over `ZodError.format()`, with Zod 3.25's English messages.
//! - **`@kbn/config-schema`** (8.19 to 9.2): Joi with `abortEarly`, so only the first problem, in
//!   the schema's key order, unknown keys after every declared key; `[path]: message`.
//!
//! The older eras' texts are rebuilt from what Zod 4 found, so where the engines differ in
//! *what* they find (config-schema's coercions of numeric and boolean strings, its unions of
//! literals and nullables, Zod 3's choice of union member), the answer is approximate and the
//! report says so ([`approximations`]).

use serde_json::Value;

use crate::pointer::Segment;
use crate::report::IssueCode;
use crate::versions::MessageEra;
use crate::zod::{ZodIssue, prettify};

/// Kibana's text for the issues of one schema (config or secrets), without its prefix.
pub fn schema_message(era: MessageEra, issues: &[ZodIssue]) -> String {
    match era {
        MessageEra::Zod4 => prettify(issues),
        MessageEra::Zod3 => format_zod3(issues),
        MessageEra::ConfigSchema => config_schema_first(issues),
    }
}

/// What a schema's prefix calls it: `action type` before 9.3, `connector type` since.
pub fn schema_noun(era: MessageEra) -> &'static str {
    match era {
        MessageEra::ConfigSchema => "action type",
        MessageEra::Zod3 | MessageEra::Zod4 => "connector type",
    }
}

/// Why the era's text for these issues may not be Kibana's word for word.
pub fn approximations(era: MessageEra, issues: &[ZodIssue]) -> Vec<&'static str> {
    let mut reasons = Vec::new();
    match era {
        MessageEra::Zod4 => {}
        MessageEra::Zod3 => {
            if issues
                .iter()
                .any(|i| i.code == IssueCode::InvalidCombination)
            {
                reasons.push("Zod 3 lists the issues of every member of a union of objects; only the member the body was meant for is known here");
            }
        }
        MessageEra::ConfigSchema => {
            reasons.push("config-schema (8.19–9.2) is rebuilt from the Zod models: its coercions (numeric and boolean strings, JSON text) and the exact wording of its unions (nullable fields, options) are approximated");
        }
    }
    reasons
}

/// `[a.0.b]`-style dotted paths, as both older engines print them.
fn dotted(path: &[Segment]) -> String {
    path.iter()
        .map(|segment| match segment {
            Segment::Key(key) => key.to_string(),
            Segment::Index(index) => index.to_string(),
        })
        .collect::<Vec<_>>()
        .join(".")
}

fn param<'a>(issue: &'a ZodIssue, key: &str) -> Option<&'a Value> {
    issue.params.as_ref().and_then(|params| params.get(key))
}

fn param_str<'a>(issue: &'a ZodIssue, key: &str) -> &'a str {
    param(issue, key).and_then(Value::as_str).unwrap_or("")
}

fn options(issue: &ZodIssue) -> Vec<&str> {
    param(issue, "options")
        .and_then(Value::as_array)
        .map(|options| options.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

fn bound(issue: &ZodIssue) -> String {
    param(issue, "minimum")
        .or_else(|| param(issue, "maximum"))
        .and_then(Value::as_f64)
        .map(crate::js::js_number_text)
        .unwrap_or_default()
}

// ---------------------------------------------------------------------------------------------
// Zod 3 (9.3)

/// Zod 3.25's English message for an issue.
fn zod3_message(issue: &ZodIssue) -> String {
    match issue.code {
        IssueCode::Required => "Required".to_owned(),
        IssueCode::InvalidType => {
            let expected = match param_str(issue, "expected") {
                "record" => "object",
                "int" => "integer",
                other => other,
            };
            let received = match param_str(issue, "received") {
                "NaN" => "nan",
                other => other,
            };
            ["Expected ", expected, ", received ", received].concat()
        }
        IssueCode::UnknownKey => {
            let keys: Vec<String> = issue.keys.iter().map(|k| format!("'{k}'")).collect();
            ["Unrecognized key(s) in object: ", &keys.join(", ")].concat()
        }
        IssueCode::InvalidOption if issue.message.starts_with("Invalid discriminator") => [
            "Invalid discriminator value. Expected '",
            &options(issue).join("' | '"),
            "'",
        ]
        .concat(),
        IssueCode::InvalidOption if issue.message.starts_with("Invalid option") => {
            let received = issue.seen.as_deref().map_or_else(
                || "undefined".to_owned(),
                |seen| seen.trim_matches('"').to_owned(),
            );
            [
                "Invalid enum value. Expected '",
                &options(issue).join("' | '"),
                "', received '",
                &received,
                "'",
            ]
            .concat()
        }
        IssueCode::InvalidOption => options(issue)
            .iter()
            .map(|option| format!("Invalid literal value, expected \"{option}\""))
            .collect::<Vec<_>>()
            .join(", "),
        IssueCode::TooSmall | IssueCode::TooBig => {
            let small = issue.code == IssueCode::TooSmall;
            let bound = bound(issue);
            match param_str(issue, "origin") {
                "string" => format!(
                    "String must contain at {} {bound} character(s)",
                    if small { "least" } else { "most" }
                ),
                "array" => format!(
                    "Array must contain at {} {bound} element(s)",
                    if small { "least" } else { "most" }
                ),
                _ => format!(
                    "Number must be {} than or equal to {bound}",
                    if small { "greater" } else { "less" }
                ),
            }
        }
        IssueCode::InvalidUrl if issue.message == "Invalid URL" => "Invalid url".to_owned(),
        _ => issue.message.clone(),
    }
}

/// The order `ZodError.format()`'s tree enumerates its keys in (JavaScript's own order):
/// integer-like keys ascending, then the others in the order their first issue came.
fn js_order(keys: &mut Vec<String>) {
    let mut indices: Vec<(u32, String)> = Vec::new();
    let mut names = Vec::new();
    for key in keys.drain(..) {
        match key.parse::<u32>() {
            Ok(index) if index.to_string() == key => indices.push((index, key)),
            _ => names.push(key),
        }
    }
    let order = crate::js::stable_order(&indices, |(index, _)| u64::from(*index));
    let mut indices: Vec<Option<String>> = indices.into_iter().map(|(_, key)| Some(key)).collect();
    keys.extend(
        order
            .into_iter()
            .filter_map(|at| indices.get_mut(at).and_then(Option::take)),
    );
    keys.extend(names);
}

/// Kibana's `formatZodError`: root messages first, then a depth-first walk of the issue tree in
/// which a node with messages gives `Field "a.b": m1, m2` and hides its children; more than five
/// entries keep five and add `and N more`; several are `N errors:\n [1]: …;\n [2]: …`.
fn format_zod3(issues: &[ZodIssue]) -> String {
    // The tree: every path prefix, with the messages of the issues exactly there.
    let flat: Vec<(Vec<String>, String)> = issues
        .iter()
        .flat_map(|issue| issue.clone().into_located())
        .map(|issue| {
            let path = issue
                .path
                .iter()
                .map(|segment| match segment {
                    Segment::Key(key) => key.to_string(),
                    Segment::Index(index) => index.to_string(),
                })
                .collect();
            (path, zod3_message(&issue))
        })
        .collect();
    let mut entries: Vec<String> = flat
        .iter()
        .filter(|(path, _)| path.is_empty())
        .map(|(_, message)| message.clone())
        .collect();
    walk(&flat, &[], &mut entries);
    let total = entries.len();
    if total > 5 {
        entries.truncate(5);
        entries.push(format!("and {} more", total - 5));
    }
    match entries.as_slice() {
        [only] if total == 1 => only.clone(),
        _ => {
            let numbered: Vec<String> = entries
                .iter()
                .enumerate()
                .map(|(index, entry)| format!("[{}]: {entry}", index + 1))
                .collect();
            format!("{total} errors:\n {}", numbered.join(";\n "))
        }
    }
}

fn walk(flat: &[(Vec<String>, String)], prefix: &[String], entries: &mut Vec<String>) {
    let mut children: Vec<String> = Vec::new();
    for (path, _) in flat {
        if path.len() > prefix.len() && path.starts_with(prefix) {
            if let Some(child) = path.get(prefix.len()) {
                if !children.contains(child) {
                    children.push(child.clone());
                }
            }
        }
    }
    js_order(&mut children);
    for child in children {
        let mut path = prefix.to_vec();
        path.push(child);
        let here: Vec<&str> = flat
            .iter()
            .filter(|(p, _)| *p == path)
            .map(|(_, message)| message.as_str())
            .collect();
        if here.is_empty() {
            walk(flat, &path, entries);
        } else {
            entries.push(format!("Field \"{}\": {}", path.join("."), here.join(", ")));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// @kbn/config-schema (8.19 to 9.2)

/// `typeDetect`'s names, as config-schema prints the type it got.
fn config_schema_type(received: &str) -> &str {
    match received {
        "array" => "Array",
        "object" => "Object",
        "NaN" => "number",
        other => other,
    }
}

/// The first problem Joi meets: declared keys in schema order (the order the models read them),
/// unknown keys only when no declared key failed.
fn config_schema_first(issues: &[ZodIssue]) -> String {
    let located: Vec<ZodIssue> = issues
        .iter()
        .flat_map(|issue| issue.clone().into_located())
        .collect();
    let first = located
        .iter()
        .find(|issue| issue.code != IssueCode::UnknownKey)
        .or_else(|| located.first());
    first.map(config_schema_text).unwrap_or_default()
}

fn config_schema_text(issue: &ZodIssue) -> String {
    let mut path = issue.path.clone();
    let message = config_schema_message(issue, &mut path);
    let at = dotted(&path);
    if issue.nullable && issue.code != IssueCode::UnknownKey {
        // `schema.nullable(t)` is `schema.oneOf([t, schema.literal(null)])`.
        let option = |index: usize| {
            if at.is_empty() {
                index.to_string()
            } else {
                format!("{at}.{index}")
            }
        };
        let union = format!(
            "types that failed validation:\n- [{}]: {message}\n- [{}]: expected value to equal [null]",
            option(0),
            option(1)
        );
        return if at.is_empty() {
            union
        } else {
            format!("[{at}]: {union}")
        };
    }
    if at.is_empty() {
        message
    } else {
        format!("[{at}]: {message}")
    }
}

/// config-schema's message for one issue (without its path); an unknown key moves `path` to it.
fn config_schema_message(issue: &ZodIssue, path: &mut Vec<Segment>) -> String {
    match issue.code {
        IssueCode::UnknownKey => {
            if let Some(key) = issue.keys.first() {
                path.push(Segment::Key(key.clone().into()));
            }
            "definition for this key is missing".to_owned()
        }
        IssueCode::Required if !options(issue).is_empty() => {
            "expected at least one defined value but got [undefined]".to_owned()
        }
        IssueCode::Required | IssueCode::InvalidType => {
            let received = config_schema_type(param_str(issue, "received"));
            match param_str(issue, "expected") {
                // Objects, records and arrays first try a string as JSON text.
                "object" | "record" | "array" if received == "string" => {
                    let kind = match param_str(issue, "expected") {
                        "array" => "array",
                        "record" => "record",
                        _ => "object",
                    };
                    format!("could not parse {kind} value from json input")
                }
                "object" if issue.code == IssueCode::InvalidType => {
                    format!("expected a plain object value, but found [{received}] instead.")
                }
                "record" => format!("expected value of type [object] but got [{received}]"),
                "int" => format!("expected value of type [number] but got [{received}]"),
                expected => format!("expected value of type [{expected}] but got [{received}]"),
            }
        }
        IssueCode::InvalidOption => {
            let at = dotted(path);
            let lines: Vec<String> = options(issue)
                .iter()
                .enumerate()
                .map(|(index, option)| {
                    let inner = if at.is_empty() {
                        index.to_string()
                    } else {
                        format!("{at}.{index}")
                    };
                    format!("- [{inner}]: expected value to equal [{option}]")
                })
                .collect();
            ["types that failed validation:\n", &lines.join("\n")].concat()
        }
        IssueCode::TooSmall | IssueCode::TooBig => {
            let small = issue.code == IssueCode::TooSmall;
            let bound = bound(issue);
            let seen = issue.seen.clone().unwrap_or_default();
            match param_str(issue, "origin") {
                "string" => format!(
                    "value has length [{seen}] but it must have a {} length of [{bound}].",
                    if small { "minimum" } else { "maximum" }
                ),
                "array" => format!(
                    "array size is [{seen}], but cannot be {} than [{bound}]",
                    if small { "smaller" } else { "greater" }
                ),
                _ => format!(
                    "Value must be equal to or {} than [{bound}].",
                    if small { "greater" } else { "lower" }
                ),
            }
        }
        _ => issue.message.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zod::Reader;

    fn issues(read: impl FnOnce(&mut Reader)) -> Vec<ZodIssue> {
        let mut reader = Reader::new();
        read(&mut reader);
        reader.into_issues()
    }

    fn key(name: &'static str) -> Segment {
        Segment::Key(name.into())
    }

    #[test]
    fn zod3_lists_fields_in_order_and_counts_them() {
        let found = issues(|r| {
            r.at(key("a"), |r| r.invalid_type("string", None));
            r.at(key("b"), |r| {
                r.invalid_type("string", Some(&Value::from(1)));
            });
        });
        assert_eq!(
            format_zod3(&found),
            "2 errors:\n [1]: Field \"a\": Required;\n [2]: Field \"b\": Expected string, received number"
        );
        let one = issues(|r| r.at(key("apiUrl"), |r| r.invalid_type("string", None)));
        assert_eq!(format_zod3(&one), "Field \"apiUrl\": Required");
    }

    #[test]
    fn zod3_caps_the_list_at_five() {
        let found = issues(|r| {
            for name in ["a", "b", "c", "d", "e", "f", "g"] {
                r.at(key(name), |r| r.invalid_type("string", None));
            }
        });
        let text = format_zod3(&found);
        assert!(
            text.starts_with("7 errors:\n [1]: Field \"a\": Required;"),
            "{text}"
        );
        assert!(text.ends_with(";\n [6]: and 2 more"), "{text}");
    }

    #[test]
    fn config_schema_gives_the_first_declared_key_before_unknown_keys() {
        let mut map = serde_json::Map::new();
        map.insert("extra".to_owned(), Value::from(1));
        let found = issues(|r| {
            r.reject_unknown_keys(&map, &[]);
            r.at(key("apiUrl"), |r| r.invalid_type("string", None));
        });
        assert_eq!(
            config_schema_first(&found),
            "[apiUrl]: expected value of type [string] but got [undefined]"
        );
        let only_unknown = issues(|r| r.reject_unknown_keys(&map, &[]));
        assert_eq!(
            config_schema_first(&only_unknown),
            "[extra]: definition for this key is missing"
        );
    }

    #[test]
    fn config_schema_unions_of_literals_list_each_option() {
        let found = issues(|r| {
            r.at(key("method"), |r| {
                r.invalid_option(&["post", "put"], Some(&Value::from("https")));
            });
        });
        assert_eq!(
            config_schema_first(&found),
            "[method]: types that failed validation:\n- [method.0]: expected value to equal [post]\n- [method.1]: expected value to equal [put]"
        );
    }
}
