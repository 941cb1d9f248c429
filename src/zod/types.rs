//! The Rust types that mirror Zod's constructs (see the table in [`super`]).

use schemars::{Schema, SchemaGenerator, json_schema};
use serde::{Serialize, Serializer};
use serde_json::Value;

use super::{Limit, Reader, Zod};
use crate::js::{js_number, js_trim};
use crate::kibana::urls;
use crate::pointer::Segment;
use crate::report::IssueCode;

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
        let number = input
            .and_then(Value::as_number)
            .map(crate::js::number_value)
            .filter(|n| n.is_finite());
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
        Some(crate::js::json!({ "expected": "number", "received": received })),
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
        Some(Value::String(text)) => ("string", crate::js::utf16_length(text) as f64),
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
        reader.see(Some(crate::js::js_number_text(length)));
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
            Some(value) => {
                let mark = reader.mark();
                let read = T::read(Some(value), reader).map(|v| Self(Some(v)));
                reader.nullable_since(mark);
                read
            }
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
            schema.insert("type".into(), crate::js::json!([kind, "null"]));
            schema
        }
        _ => json_schema!({ "anyOf": [schema, { "type": "null" }] }),
    }
}

/// `z.string().url()` in Zod 4: JavaScript's `trim()`, then WHATWG `new URL()` on the trimmed
/// text; the trimmed text is what Kibana stores. Any scheme is accepted (`mailto:x` too).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZodUrl(pub String);

impl Zod for ZodUrl {
    fn read(input: Option<&Value>, reader: &mut Reader) -> Option<Self> {
        let text = String::read(input, reader)?;
        let trimmed = js_trim(&text);
        if urls::whatwg_parses(trimmed) {
            Some(Self(trimmed.to_owned()))
        } else {
            reader.push(
                IssueCode::InvalidUrl,
                "Invalid URL".to_owned(),
                Some(crate::js::json!({ "format": "url" })),
            );
            None
        }
    }

    fn schema(_: &mut SchemaGenerator) -> Schema {
        // No `format: uri`: that is RFC 3986, which refuses URLs the WHATWG parser accepts
        // (and Kibana trims the text first).
        schemars::json_schema!({ "type": "string" })
    }
}

impl Serialize for ZodUrl {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_serialize_like_json_stringify() {
        assert_eq!(serde_json::to_string(&JsNumber(587.0)).unwrap(), "587");
        assert_eq!(serde_json::to_string(&JsNumber(1.5)).unwrap(), "1.5");
    }

    #[test]
    fn url_is_trimmed_the_javascript_way() {
        let mut reader = Reader::new();
        let url = ZodUrl::read(Some(&crate::js::json!("  mailto:x@y ")), &mut reader);
        assert_eq!(url, Some(ZodUrl("mailto:x@y".to_owned())));
        assert!(reader.is_clean());
    }
}
