//! The [`Reader`] that collects Zod's issues while a model reads a value, and the issue itself.

use serde_json::{Map, Value};

use crate::js::{js_key_order, js_number_text};
use crate::pointer::Segment;
use crate::report::IssueCode;

/// One issue as Zod records it.
#[derive(Debug, Clone, PartialEq)]
pub struct ZodIssue {
    /// Where, relative to the object being read.
    pub path: Vec<Segment>,
    /// This crate's code for the issue.
    pub code: IssueCode,
    /// Zod's English message.
    pub message: String,
    /// Machine-readable details.
    pub params: Option<Value>,
    /// For unrecognized keys: the keys, each of which is reported at its own path.
    pub keys: Vec<String>,
    /// For a union of objects that matched none of its options: the issues of the option the
    /// input was meant for. Kibana's text shows only the union's own issue (`✖ Invalid input`);
    /// a report lists these in its place, each at its own field ([`ZodIssue::into_located`]).
    pub located: Vec<ZodIssue>,
    /// What the input was, as the older engines' messages print it (see `crate::eras`): the
    /// `JSON.stringify` of an enum's input, or a length or size. Never part of a report.
    pub seen: Option<String>,
    /// True for an issue of the value of a `.nullable()` field: config-schema words such a field
    /// as a union with `null` (`schema.nullable`), see `crate::pipeline::eras`.
    pub nullable: bool,
}

impl ZodIssue {
    /// The issues a report lists for this one: a union's located issues (recursively), or the
    /// issue itself when it has none.
    pub fn into_located(self) -> Vec<ZodIssue> {
        if self.located.is_empty() {
            vec![self]
        } else {
            self.located
                .into_iter()
                .flat_map(Self::into_located)
                .collect()
        }
    }
}

/// Collects the issues of one read, keeping track of the current path.
#[derive(Debug, Default)]
pub struct Reader {
    path: Vec<Segment>,
    issues: Vec<ZodIssue>,
}

impl Reader {
    /// A reader at the root of the object being read.
    pub fn new() -> Self {
        Self::default()
    }

    /// The issues recorded so far, in the order Zod records them.
    pub fn into_issues(self) -> Vec<ZodIssue> {
        self.issues
    }

    /// True when nothing has been recorded.
    pub fn is_clean(&self) -> bool {
        self.issues.is_empty()
    }

    /// A mark to pass to [`Reader::clean_since`].
    pub fn mark(&self) -> usize {
        self.issues.len()
    }

    /// True when nothing has been recorded since `mark`: Zod runs an object's refinements only
    /// when its fields (and its unknown keys) passed.
    pub fn clean_since(&self, mark: usize) -> bool {
        self.issues.len() == mark
    }

    /// Runs `read` one step further down the path.
    pub fn at<R>(&mut self, segment: Segment, read: impl FnOnce(&mut Self) -> R) -> R {
        self.path.push(segment);
        let result = read(self);
        self.path.pop();
        result
    }

    /// Records an issue at the current path.
    pub fn push(&mut self, code: IssueCode, message: String, params: Option<Value>) {
        self.issues.push(ZodIssue {
            path: self.path.clone(),
            code,
            message,
            params,
            keys: Vec::new(),
            located: Vec::new(),
            seen: None,
            nullable: false,
        });
    }

    /// Records issues that a separate reader found in the value at the current path (an option
    /// of a union, read on its own), as if this reader had found them.
    pub fn extend(&mut self, issues: Vec<ZodIssue>) {
        let prefixed: Vec<ZodIssue> = issues.into_iter().map(|i| self.prefixed(i)).collect();
        self.issues.extend(prefixed);
    }

    /// Records Zod's `invalid_union` issue for a union of objects that matched none of its
    /// options: one `Invalid input` at the current path, which is all Kibana's text shows.
    /// `located` are the issues of the option the input was meant for, found by a separate
    /// reader in the value at the current path; a report lists them in the union's place.
    pub fn invalid_object_union(&mut self, located: Vec<ZodIssue>) {
        let located = located.into_iter().map(|i| self.prefixed(i)).collect();
        self.issues.push(ZodIssue {
            path: self.path.clone(),
            code: IssueCode::InvalidCombination,
            message: "Invalid input".to_owned(),
            params: None,
            keys: Vec::new(),
            located,
            seen: None,
            nullable: false,
        });
    }

    /// `issue` (and its located issues), moved from the root to the current path.
    fn prefixed(&self, mut issue: ZodIssue) -> ZodIssue {
        issue.path = self.path.iter().cloned().chain(issue.path).collect();
        issue.located = std::mem::take(&mut issue.located)
            .into_iter()
            .map(|i| self.prefixed(i))
            .collect();
        issue
    }

    /// Records Zod's `invalid_type` issue. A missing value (`None`) is reported as `required`.
    pub fn invalid_type(&mut self, expected: &'static str, input: Option<&Value>) {
        let received = received(input);
        let code = if input.is_none() {
            IssueCode::Required
        } else {
            IssueCode::InvalidType
        };
        self.push(
            code,
            [
                "Invalid input: expected ",
                expected,
                ", received ",
                received,
            ]
            .concat(),
            Some(crate::js::json!({ "expected": expected, "received": received })),
        );
    }

    /// Records Zod's `invalid_value` issue for a value outside `options`.
    pub fn invalid_option(&mut self, options: &[&str], input: Option<&Value>) {
        self.option_issue(options, input, invalid_option_message(options));
    }

    /// Records the issue of a `z.discriminatedUnion` whose discriminator (the current path) names
    /// no option. Zod 4.4 words it `Invalid discriminator value. Expected 'a' | 'b'`.
    pub fn invalid_discriminator(&mut self, options: &[&str], input: Option<&Value>) {
        let message = if options.is_empty() {
            "Invalid discriminator value. Expected ".to_owned()
        } else {
            [
                "Invalid discriminator value. Expected '",
                &options.join("' | '"),
                "'",
            ]
            .concat()
        };
        self.option_issue(options, input, message);
    }

    /// Records Zod's `invalid_union` issue for a union of literals that matched none.
    pub fn invalid_union(&mut self, options: &[&str], input: Option<&Value>) {
        self.option_issue(options, input, "Invalid input".to_owned());
    }

    /// An issue for a value outside `options`: `required` when it is missing.
    fn option_issue(&mut self, options: &[&str], input: Option<&Value>, message: String) {
        let code = if input.is_none() {
            IssueCode::Required
        } else {
            IssueCode::InvalidOption
        };
        self.push(
            code,
            message,
            Some(crate::js::json!({ "options": options })),
        );
        // Zod 3's enum message quotes the input (a primitive; never a secret field's).
        let seen = match input {
            Some(value @ (Value::String(_) | Value::Number(_) | Value::Bool(_) | Value::Null)) => {
                Some(crate::js::json_text(value))
            }
            _ => None,
        };
        self.see(seen);
    }

    /// Marks the issues recorded since `mark` at the current path as those of a nullable field.
    pub fn nullable_since(&mut self, mark: usize) {
        let path = &self.path;
        for issue in self.issues.iter_mut().skip(mark) {
            if issue.path == *path {
                issue.nullable = true;
            }
        }
    }

    /// Records what the input of the last issue was, for the older engines' messages.
    pub fn see(&mut self, seen: Option<String>) {
        if let Some(last) = self.issues.last_mut() {
            last.seen = seen;
        }
    }

    /// Records Zod's `too_small` / `too_big` issue. `origin` is `string`, `array` or `number`.
    pub fn out_of_range(&mut self, origin: &'static str, limit: Limit, bound: f64) {
        let (code, word, sign, key) = match limit {
            Limit::Min => (IssueCode::TooSmall, "Too small", ">=", "minimum"),
            Limit::Max => (IssueCode::TooBig, "Too big", "<=", "maximum"),
        };
        let bound_text = js_number_text(bound);
        let message = match origin {
            "string" => format!("{word}: expected string to have {sign}{bound_text} characters"),
            "array" => format!("{word}: expected array to have {sign}{bound_text} items"),
            _ => format!("{word}: expected {origin} to be {sign}{bound_text}"),
        };
        self.push(
            code,
            message,
            Some(crate::js::json!({ "origin": origin, key: bound })),
        );
    }

    /// Records Zod's `unrecognized_keys` issue for the object at the current path.
    fn unrecognized_keys(&mut self, keys: Vec<String>) {
        let message = unrecognized_keys_message(&keys);
        self.issues.push(ZodIssue {
            path: self.path.clone(),
            code: IssueCode::UnknownKey,
            message,
            params: None,
            keys,
            located: Vec::new(),
            seen: None,
            nullable: false,
        });
    }

    /// Reads the plain object a strict Zod object expects, or records `invalid_type`.
    pub fn object<'v>(&mut self, input: Option<&'v Value>) -> Option<&'v Map<String, Value>> {
        match input {
            Some(Value::Object(map)) => Some(map),
            other => {
                self.invalid_type("object", other);
                None
            }
        }
    }

    /// Records every key of `map` that is not in `known` (a strict object's unknown keys).
    pub fn reject_unknown_keys(&mut self, map: &Map<String, Value>, known: &[&str]) {
        if map.keys().all(|k| known.contains(&k.as_str())) {
            return;
        }
        let unknown: Vec<String> = js_key_order(map)
            .into_iter()
            .filter(|k| !known.contains(&k.as_str()))
            .cloned()
            .collect();
        if !unknown.is_empty() {
            self.unrecognized_keys(unknown);
        }
    }
}

/// Reads the value of `key` in `map` as a `T`, one step down the path. One instance per type
/// read, not one per field: a model's reader is a call per field.
#[inline(never)]
pub fn read_key<T: super::Zod>(
    map: &Map<String, Value>,
    key: &'static str,
    reader: &mut Reader,
) -> Option<T> {
    read_found(field(map, key), key, reader)
}

/// [`read_key`] of a value already looked up: `value` is `key`'s (`None` when absent).
#[inline(never)]
pub fn read_found<T: super::Zod>(
    value: Option<&Value>,
    key: &'static str,
    reader: &mut Reader,
) -> Option<T> {
    reader.at(Segment::Key(key.into()), |reader| T::read(value, reader))
}

/// The value of `key` in `map`. Connector objects have a handful of keys: a scan beats hashing.
pub fn field<'v>(map: &'v Map<String, Value>, key: &str) -> Option<&'v Value> {
    if map.len() <= 16 {
        map.iter().find_map(|(k, v)| (k == key).then_some(v))
    } else {
        map.get(key)
    }
}

/// Which limit a value broke.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// Below the minimum.
    Min,
    /// Above the maximum.
    Max,
}

/// Zod's name for the type of an input (`parsedType`).
pub fn received(input: Option<&Value>) -> &'static str {
    match input {
        None => "undefined",
        Some(Value::Null) => "null",
        Some(Value::Bool(_)) => "boolean",
        Some(Value::Number(_)) => "number",
        Some(Value::String(_)) => "string",
        Some(Value::Array(_)) => "array",
        Some(Value::Object(_)) => "object",
    }
}

/// Zod 4's `invalid_value` text for a value outside `options`.
pub fn invalid_option_message<S: AsRef<str>>(options: &[S]) -> String {
    let names: Vec<&str> = options.iter().map(AsRef::as_ref).collect();
    match names.as_slice() {
        [] => "Invalid option: expected one of ".to_owned(),
        [only] => ["Invalid input: expected \"", only, "\""].concat(),
        _ => [
            "Invalid option: expected one of \"",
            &names.join("\"|\""),
            "\"",
        ]
        .concat(),
    }
}

/// Zod 4's `unrecognized_keys` text. Zod quotes keys without escaping them (`stringifyPrimitive`).
pub fn unrecognized_keys_message<S: AsRef<str>>(keys: &[S]) -> String {
    let quoted: Vec<String> = keys.iter().map(|k| format!("\"{}\"", k.as_ref())).collect();
    let plural = if keys.len() > 1 { "s" } else { "" };
    format!("Unrecognized key{plural}: {}", quoted.join(", "))
}
