//! Reading JSON the way Kibana's Zod v4 connector schemas read it, issue for issue.
//!
//! Every connector model is built from the types here. Each one mirrors a Zod construct:
//!
//! | Rust type            | Zod                                  | absent key        | `null`    |
//! |----------------------|--------------------------------------|-------------------|-----------|
//! | `String`, `bool`, …  | `z.string()`, `z.boolean()`, …       | error             | error     |
//! | `Option<T>`          | `T.optional()`                       | stays absent      | error     |
//! | [`Nullable<T>`]      | `T.nullable().default(null)`         | becomes `null`    | `null`    |
//! | [`Nullish<T>`]       | `T.nullish()`                        | stays absent      | `null`    |
//! | field `= default`    | `T.default(value)`                   | becomes the value | as `T`    |
//!
//! Readers never stop at the first problem: they record every issue Zod would record, with its
//! path and Zod's English message, so that both the full list of problems and Kibana's
//! `z.prettifyError` text can be produced from one pass.

use std::borrow::Cow;

use schemars::{Schema, SchemaGenerator, json_schema};
use serde::{Serialize, Serializer};
use serde_json::{Map, Value};

use crate::report::IssueCode;

/// One step of a path inside `config` or `secrets`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// An object key (borrowed when it is a model's own field name: no allocation per read).
    Key(Cow<'static, str>),
    /// An array index.
    Index(usize),
}

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
            Some(serde_json::json!({ "expected": expected, "received": received })),
        );
    }

    /// Records Zod's `invalid_value` issue for a value outside `options`.
    pub fn invalid_option(&mut self, options: &[&str], input: Option<&Value>) {
        let message = match options {
            [] => "Invalid option: expected one of ".to_owned(),
            [only] => ["Invalid input: expected \"", only, "\""].concat(),
            _ => [
                "Invalid option: expected one of \"",
                &options.join("\"|\""),
                "\"",
            ]
            .concat(),
        };
        self.option_issue(options, input, message);
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
            Some(serde_json::json!({ "options": options })),
        );
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
            Some(serde_json::json!({ "origin": origin, key: bound })),
        );
    }

    /// Records Zod's `unrecognized_keys` issue for the object at the current path.
    fn unrecognized_keys(&mut self, keys: Vec<String>) {
        // Zod quotes keys without escaping them (`stringifyPrimitive`).
        let quoted: Vec<String> = keys.iter().map(|k| format!("\"{k}\"")).collect();
        let plural = if keys.len() > 1 { "s" } else { "" };
        self.issues.push(ZodIssue {
            path: self.path.clone(),
            code: IssueCode::UnknownKey,
            message: format!("Unrecognized key{plural}: {}", quoted.join(", ")),
            params: None,
            keys,
            located: Vec::new(),
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

/// The keys of `map` in the order JavaScript enumerates an object parsed from the same JSON:
/// integer-like keys first, ascending, then the others in input order.
pub fn js_key_order(map: &Map<String, Value>) -> Vec<&String> {
    let mut indices: Vec<(u32, &String)> = Vec::new();
    let mut names: Vec<&String> = Vec::new();
    for key in map.keys() {
        match array_index(key) {
            Some(index) => indices.push((index, key)),
            None => names.push(key),
        }
    }
    indices.sort_by_key(|(index, _)| *index);
    indices
        .into_iter()
        .map(|(_, key)| key)
        .chain(names)
        .collect()
}

/// A canonical array index (`0`, `17`, not `017`, below 2³² − 1), as JavaScript defines it.
fn array_index(key: &str) -> Option<u32> {
    if key.len() > 1 && key.starts_with('0') {
        return None;
    }
    key.parse::<u32>()
        .ok()
        .filter(|index| *index != u32::MAX && key.bytes().all(|b| b.is_ascii_digit()))
}

/// A string written the way `JSON.stringify` writes it.
pub fn js_string_literal(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

/// A number written the way JavaScript's `String(number)` writes it, for the values that occur
/// as limits here (integers and short decimals).
pub fn js_number_text(number: f64) -> String {
    if number.fract() == 0.0 && number.abs() < 1e21 {
        format!("{number:.0}")
    } else {
        format!("{number}")
    }
}

/// JavaScript's `Number(value)`, which `z.coerce.number()` applies before checking.
pub fn js_number(value: Option<&Value>) -> f64 {
    match value {
        None | Some(Value::Object(_)) => f64::NAN,
        Some(Value::Null) => 0.0,
        Some(Value::Bool(flag)) => f64::from(u8::from(*flag)),
        Some(Value::Number(number)) => number.as_f64().unwrap_or(f64::NAN),
        Some(Value::String(text)) => js_string_to_number(text),
        Some(array @ Value::Array(_)) => js_string_to_number(&js_to_string(array)),
    }
}

/// JavaScript's `String(value)` for JSON values (arrays are joined with commas).
fn js_to_string(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::Bool(flag) => flag.to_string(),
        Value::Number(number) => number.to_string(),
        Value::String(text) => text.clone(),
        Value::Array(items) => items
            .iter()
            .map(|item| {
                if item.is_null() {
                    String::new()
                } else {
                    js_to_string(item)
                }
            })
            .collect::<Vec<_>>()
            .join(","),
        Value::Object(_) => "[object Object]".to_owned(),
    }
}

/// JavaScript's `StringToNumber`: trimmed; empty is 0; decimal, `Infinity`, `0x`/`0o`/`0b`.
fn js_string_to_number(text: &str) -> f64 {
    let text = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if text.is_empty() {
        return 0.0;
    }
    for (prefix, radix) in [
        ("0x", 16),
        ("0X", 16),
        ("0o", 8),
        ("0O", 8),
        ("0b", 2),
        ("0B", 2),
    ] {
        if let Some(digits) = text.strip_prefix(prefix) {
            if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
                return f64::NAN;
            }
            return digits
                .chars()
                .filter_map(|c| c.to_digit(radix))
                .fold(0.0, |acc, d| acc * f64::from(radix) + f64::from(d));
        }
    }
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    if unsigned == "Infinity" {
        return if text.starts_with('-') {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        };
    }
    if is_decimal_literal(unsigned) {
        text.parse().unwrap_or(f64::NAN)
    } else {
        f64::NAN
    }
}

/// `StrUnsignedDecimalLiteral`: `1`, `1.`, `.5`, `1.5e-3` (no `inf`, `nan` or `_`).
fn is_decimal_literal(text: &str) -> bool {
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(at) => (&text[..at], Some(&text[at + 1..])),
        None => (text, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok =
        digits(whole) && digits(fraction) && !(whole.is_empty() && fraction.is_empty());
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    mantissa_ok && exponent_ok
}

/// A value read by a Zod schema.
pub trait Zod: Sized {
    /// False when an absent key is accepted (optional, nullable with a default, nullish).
    const REQUIRED: bool = true;

    /// Reads `input` (`None` when the key is absent), recording every issue in `reader`.
    fn read(input: Option<&Value>, reader: &mut Reader) -> Option<Self>;

    /// The JSON Schema of a present value.
    fn schema(generator: &mut SchemaGenerator) -> Schema;

    /// True for a value that stays out of the stored object (an absent optional key).
    fn is_absent(&self) -> bool {
        false
    }
}

impl Zod for String {
    fn read(input: Option<&Value>, reader: &mut Reader) -> Option<Self> {
        match input {
            Some(Value::String(text)) => Some(text.clone()),
            other => {
                reader.invalid_type("string", other);
                None
            }
        }
    }

    fn schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string" })
    }
}

impl Zod for bool {
    fn read(input: Option<&Value>, reader: &mut Reader) -> Option<Self> {
        match input {
            Some(Value::Bool(flag)) => Some(*flag),
            other => {
                reader.invalid_type("boolean", other);
                None
            }
        }
    }

    fn schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "boolean" })
    }
}

/// A JSON number as JavaScript holds it (an `f64`), written back as `JSON.stringify` writes it:
/// whole numbers without a fraction (`587`, not `587.0`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct JsNumber(pub f64);

impl Serialize for JsNumber {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        const SAFE: f64 = 9_007_199_254_740_991.0;
        if self.0.fract() == 0.0 && self.0.abs() <= SAFE {
            #[allow(clippy::cast_possible_truncation)] // whole and within ±2⁵³
            serializer.serialize_i64(self.0 as i64)
        } else {
            serializer.serialize_f64(self.0)
        }
    }
}

/// `z.number()`: finite numbers only.
impl Zod for JsNumber {
    fn read(input: Option<&Value>, reader: &mut Reader) -> Option<Self> {
        let number = input.and_then(Value::as_f64).filter(|n| n.is_finite());
        if number.is_none() {
            reader.invalid_type("number", input);
        }
        number.map(Self)
    }

    fn schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "number" })
    }
}

/// `z.coerce.number()`: `Number(input)`, then a finite-number check. Zod names the type of the
/// coerced value in its message (`received NaN`).
pub fn coerce_number(input: Option<&Value>, reader: &mut Reader) -> Option<JsNumber> {
    let number = js_number(input);
    if number.is_finite() {
        return Some(JsNumber(number));
    }
    let received = if number.is_nan() { "NaN" } else { "number" };
    let code = if input.is_none() {
        IssueCode::Required
    } else {
        IssueCode::InvalidType
    };
    reader.push(
        code,
        format!("Invalid input: expected number, received {received}"),
        Some(serde_json::json!({ "expected": "number", "received": received })),
    );
    None
}

/// `z.string().min(1)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NonEmptyString(pub String);

impl Zod for NonEmptyString {
    fn read(input: Option<&Value>, reader: &mut Reader) -> Option<Self> {
        let text = String::read(input, reader);
        let long_enough = check_length(input, reader, Limit::Min, 1);
        text.filter(|_| long_enough).map(Self)
    }

    fn schema(_: &mut SchemaGenerator) -> Schema {
        schemars::json_schema!({ "type": "string", "minLength": 1 })
    }
}

impl Serialize for NonEmptyString {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// `z.coerce.number()`: JavaScript's `Number(value)` (numeric strings, `true`, even `null` become
/// numbers), then a finite-number check. Kibana stores the number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CoercedNumber(pub JsNumber);

impl Zod for CoercedNumber {
    fn read(input: Option<&Value>, reader: &mut Reader) -> Option<Self> {
        coerce_number(input, reader).map(Self)
    }

    /// What `Number(value)` turns into a finite number: numbers, numeric text (decimal,
    /// `0x`/`0o`/`0b`, surrounding white space), booleans and `null` (0). (One-element arrays
    /// also convert; the schema leaves them out.)
    fn schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": ["number", "string", "boolean", "null"], "pattern": NUMERIC_TEXT })
    }
}

/// Text that JavaScript's `Number()` reads as a number (before its finiteness is checked).
const NUMERIC_TEXT: &str = "^\\s*(?:[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?|0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+)\\s*$";

impl Serialize for CoercedNumber {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// Zod's `.min(n)` / `.max(n)` length checks. Their `when` runs them on anything whose `length`
/// is not `undefined`, even after a type error: a string (UTF-16 units), an array, or an object
/// with a `length` key (compared as JavaScript's `<=` / `>=` compare it, origin `unknown`).
/// Returns false when an issue was recorded.
pub fn check_length(
    input: Option<&Value>,
    reader: &mut Reader,
    limit: Limit,
    bound: usize,
) -> bool {
    #[allow(clippy::cast_precision_loss)]
    let (origin, length) = match input {
        Some(Value::String(text)) => ("string", text.encode_utf16().count() as f64),
        Some(Value::Array(items)) => ("array", items.len() as f64),
        Some(Value::Object(map)) if map.contains_key("length") => {
            ("unknown", js_number(map.get("length")))
        }
        _ => return true,
    };
    #[allow(clippy::cast_precision_loss)]
    let bound = bound as f64;
    // NaN fails both comparisons, as in JavaScript.
    let ok = match limit {
        Limit::Min => length >= bound,
        Limit::Max => length <= bound,
    };
    if !ok {
        reader.out_of_range(origin, limit, bound);
    }
    ok
}

/// `T.optional()`: an absent key stays absent; `null` is refused.
impl<T: Zod> Zod for Option<T> {
    const REQUIRED: bool = false;

    fn read(input: Option<&Value>, reader: &mut Reader) -> Option<Self> {
        match input {
            None => Some(None),
            Some(value) => T::read(Some(value), reader).map(Some),
        }
    }

    fn schema(generator: &mut SchemaGenerator) -> Schema {
        T::schema(generator)
    }

    fn is_absent(&self) -> bool {
        self.is_none()
    }
}

/// `T.nullable().default(null)`: absent and `null` are both stored as `null`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nullable<T>(pub Option<T>);

impl<T> Nullable<T> {
    /// The `null` value.
    pub const NULL: Self = Self(None);

    /// The value, when not `null`.
    pub fn get(&self) -> Option<&T> {
        self.0.as_ref()
    }

    /// True when the value is `null`.
    pub fn is_null(&self) -> bool {
        self.0.is_none()
    }
}

impl<T> Default for Nullable<T> {
    fn default() -> Self {
        Self(None)
    }
}

impl<T> From<T> for Nullable<T> {
    fn from(value: T) -> Self {
        Self(Some(value))
    }
}

impl<T: Zod> Zod for Nullable<T> {
    const REQUIRED: bool = false;

    fn read(input: Option<&Value>, reader: &mut Reader) -> Option<Self> {
        match input {
            None | Some(Value::Null) => Some(Self(None)),
            Some(value) => T::read(Some(value), reader).map(|v| Self(Some(v))),
        }
    }

    fn schema(generator: &mut SchemaGenerator) -> Schema {
        let mut schema = nullable_schema(T::schema(generator));
        schema.insert("default".to_owned(), Value::Null);
        schema
    }
}

impl<T: Serialize> Serialize for Nullable<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// `T.nullish()`: an absent key stays absent, `null` is kept as `null`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Nullish<T> {
    /// The key was not sent.
    #[default]
    Absent,
    /// The key was sent as `null`.
    Null,
    /// The key was sent with a value.
    Value(T),
}

impl<T> Nullish<T> {
    /// The value, when there is one.
    pub fn get(&self) -> Option<&T> {
        match self {
            Self::Value(value) => Some(value),
            Self::Absent | Self::Null => None,
        }
    }
}

impl<T: Zod> Zod for Nullish<T> {
    const REQUIRED: bool = false;

    fn read(input: Option<&Value>, reader: &mut Reader) -> Option<Self> {
        match input {
            None => Some(Self::Absent),
            Some(Value::Null) => Some(Self::Null),
            Some(value) => T::read(Some(value), reader).map(Self::Value),
        }
    }

    fn schema(generator: &mut SchemaGenerator) -> Schema {
        nullable_schema(T::schema(generator))
    }

    fn is_absent(&self) -> bool {
        matches!(self, Self::Absent)
    }
}

impl<T: Serialize> Serialize for Nullish<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.get().serialize(serializer)
    }
}

/// `z.array(T)`: every element is read at its index.
impl<T: Zod> Zod for Vec<T> {
    fn read(input: Option<&Value>, reader: &mut Reader) -> Option<Self> {
        let Some(Value::Array(items)) = input else {
            reader.invalid_type("array", input);
            return None;
        };
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for (index, item) in items.iter().enumerate() {
            match reader.at(Segment::Index(index), |r| T::read(Some(item), r)) {
                Some(value) if ok => out.push(value),
                Some(_) => {}
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    fn schema(generator: &mut SchemaGenerator) -> Schema {
        let items = T::schema(generator);
        json_schema!({ "type": "array", "items": items })
    }
}

/// `z.record(z.string(), T)`: an object whose values are all `T`, keys kept in input order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Record<T>(pub Vec<(String, T)>);

impl<T: Zod> Zod for Record<T> {
    fn read(input: Option<&Value>, reader: &mut Reader) -> Option<Self> {
        let Some(Value::Object(map)) = input else {
            reader.invalid_type("record", input);
            return None;
        };
        let mut out = Vec::with_capacity(map.len());
        let mut ok = true;
        for (key, value) in map {
            match reader.at(Segment::Key(key.clone().into()), |r| {
                T::read(Some(value), r)
            }) {
                Some(value) if ok => out.push((key.clone(), value)),
                Some(_) => {}
                None => ok = false,
            }
        }
        ok.then_some(Self(out))
    }

    fn schema(generator: &mut SchemaGenerator) -> Schema {
        let values = T::schema(generator);
        json_schema!({ "type": "object", "additionalProperties": values })
    }
}

impl<T: Serialize> Serialize for Record<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

/// Adds `null` to the values a schema accepts.
pub fn nullable_schema(schema: Schema) -> Schema {
    let simple_type = schema
        .get("type")
        .and_then(Value::as_str)
        .map(str::to_owned);
    match (simple_type, schema.get("enum").is_some()) {
        (Some(kind), false) => {
            let mut schema = schema;
            schema.insert("type".into(), serde_json::json!([kind, "null"]));
            schema
        }
        _ => json_schema!({ "anyOf": [schema, { "type": "null" }] }),
    }
}

/// Renders issues the way Zod's `z.prettifyError` does: sorted (stably) by path length, each as
/// `✖ message`, followed by `  → at path` when the issue has a path.
pub fn prettify(issues: &[ZodIssue]) -> String {
    let mut sorted: Vec<&ZodIssue> = issues.iter().collect();
    sorted.sort_by_key(|issue| issue.path.len());
    let mut lines = Vec::with_capacity(sorted.len() * 2);
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

/// Escapes one RFC 6901 reference token (`~` → `~0`, `/` → `~1`).
pub fn escape_pointer(token: &str) -> String {
    let mut out = String::with_capacity(token.len());
    push_escaped(&mut out, token);
    out
}

/// Appends `token` escaped as an RFC 6901 reference token.
fn push_escaped(out: &mut String, token: &str) {
    for c in token.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}

/// An RFC 6901 pointer for `path` below `base` (e.g. `/config`).
pub fn pointer(base: &str, path: &[Segment]) -> String {
    let mut out = String::with_capacity(base.len() + 16 * path.len());
    out.push_str(base);
    for segment in path {
        out.push('/');
        match segment {
            Segment::Index(index) => out.push_str(&index.to_string()),
            Segment::Key(key) => push_escaped(&mut out, key),
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // exact values are the point
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn number_coercion_follows_javascript() {
        let cases: &[(Value, f64)] = &[
            (json!("587"), 587.0),
            (json!(" 587 "), 587.0),
            (json!(""), 0.0),
            (json!("0x10"), 16.0),
            (json!("1e3"), 1000.0),
            (json!(".5"), 0.5),
            (json!("5."), 5.0),
            (json!(true), 1.0),
            (json!(false), 0.0),
            (json!(null), 0.0),
            (json!([]), 0.0),
            (json!([7]), 7.0),
            (json!(["8"]), 8.0),
        ];
        for (input, expected) in cases {
            assert_eq!(js_number(Some(input)), *expected, "{input}");
        }
        for input in [
            json!("abc"),
            json!("1_000"),
            json!("inf"),
            json!("NaN"),
            json!("0x"),
            json!([1, 2]),
            json!({}),
        ] {
            assert!(js_number(Some(&input)).is_nan(), "{input}");
        }
        assert!(js_number(None).is_nan());
        assert_eq!(js_number(Some(&json!("-Infinity"))), f64::NEG_INFINITY);
    }

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

    #[test]
    fn javascript_key_order_puts_indices_first() {
        let map: Map<String, Value> =
            serde_json::from_str(r#"{"b":1,"10":1,"a":1,"2":1,"01":1}"#).unwrap();
        let keys: Vec<&str> = js_key_order(&map).into_iter().map(String::as_str).collect();
        assert_eq!(keys, ["2", "10", "b", "a", "01"]);
    }

    #[test]
    fn numbers_serialize_like_json_stringify() {
        assert_eq!(serde_json::to_string(&JsNumber(587.0)).unwrap(), "587");
        assert_eq!(serde_json::to_string(&JsNumber(1.5)).unwrap(), "1.5");
    }
}
