//! Reading a spec connector's config and secrets as Kibana's generated Zod schemas do.

use schemars::{Schema, SchemaGenerator, json_schema};
use serde::{Serialize, Serializer};
use serde_json::{Map, Value};

use super::dsl::{AuthType, Field, Kind, Presence, SpecDef, Unknown};
use crate::js::js_trim;
use crate::pointer::Segment;
use crate::report::IssueCode;
use crate::zod::{JsNumber, Limit, Reader, Zod, ZodUrl, check_length, field as field_value};

/// The fields `generateConfigSchema` adds to every spec's config.
pub(super) fn added_fields() -> [Field; 1] {
    [Field::optional(
        "authType",
        Kind::Text,
        "The auth type the connector uses (Kibana keeps it in the config too).",
    )]
}

pub(super) const SELECTED_ACTIONS: &str = "selectedActions";
pub(super) const MAX_SELECTED_ACTIONS: usize = 500;
const MAX_ACTION_NAME: usize = 256;

/// What reading one field gave.
pub(super) enum Outcome {
    /// The field had a problem (recorded in the reader).
    Failed,
    /// An optional field was left out: it stays out of the stored object.
    Absent,
    /// The value to store.
    Value(Value),
}

/// Reads one field.
pub(super) fn read_field(field: &Field, input: Option<&Value>, reader: &mut Reader) -> Outcome {
    match (input, field.presence) {
        (None, Presence::Optional) => return Outcome::Absent,
        // Zod returns a default without validating it.
        (None, Presence::Default(value)) => return Outcome::Value(value.to_value()),
        _ => {}
    }
    let value = match field.kind {
        Kind::Text => String::read(input, reader).map(Value::String),
        Kind::Url => ZodUrl::read(input, reader).map(|url| Value::String(url.0)),
        Kind::Flag => bool::read(input, reader).map(Value::Bool),
        Kind::Number => JsNumber::read(input, reader).and_then(|number| {
            let passed = check_number(field, number.0, input, reader);
            serde_json::to_value(number).ok().filter(|_| passed)
        }),
        Kind::Choice(options) => match input.and_then(Value::as_str) {
            Some(text) if options.contains(&text) => Some(Value::String(text.to_owned())),
            _ => {
                reader.invalid_option(options, input);
                None
            }
        },
    };
    // `.trim()`: the later checks and the stored value see the trimmed text (a non-string was
    // refused above, and the overwrite does not run after a type error).
    let trimmed = match (field.trim, input) {
        (true, Some(Value::String(text))) => Some(Value::String(js_trim(text).to_owned())),
        _ => None,
    };
    let value = match (&trimmed, value) {
        (Some(text), Some(_)) => Some(text.clone()),
        (_, value) => value,
    };
    let input = trimmed.as_ref().or(input);
    // `.min()` / `.max()` run on anything with a length, even after a type error.
    let mut ok = value.is_some();
    if let Some(min) = field.min {
        ok &= match field.min_message {
            None => check_length(input, reader, Limit::Min, min),
            Some(message) => {
                // `.min(n, { message })`: Zod's issue with the spec's message.
                let mut scratch = Reader::new();
                let passed = check_length(input, &mut scratch, Limit::Min, min);
                for issue in scratch.into_issues() {
                    reader.push(issue.code, message.to_owned(), issue.params);
                }
                passed
            }
        };
    }
    if let Some(max) = field.max {
        ok &= check_length(input, reader, Limit::Max, max);
    }
    // `.regex()` / `.uuid()` have no `when`: they run only on a string (after a type error Zod
    // stops).
    if let (Some(pattern), Some(Value::String(text))) = (field.pattern, input)
        && !(pattern.test)(text)
    {
        reader.push(
            IssueCode::InvalidValue,
            pattern.issue_message(),
            Some(crate::js::json!({ "format": pattern.format, "pattern": pattern.source })),
        );
        ok = false;
    }
    match value {
        Some(Value::String(text)) if ok => Outcome::Value(Value::String(match field.transform {
            Some(transform) => transform.apply(&text),
            None => text,
        })),
        Some(value) if ok => Outcome::Value(value),
        _ => Outcome::Failed,
    }
}

/// The largest integer `Number.isSafeInteger` accepts (2^53 − 1).
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// A number's checks, in Zod's order: `.int()` (a fraction stops the checks after it; an integer
/// beyond the safe range does not), then `.min(n)` and `.max(n)`, which both run.
fn check_number(field: &Field, number: f64, input: Option<&Value>, reader: &mut Reader) -> bool {
    let mut ok = true;
    if field.integer {
        if number.fract() != 0.0 {
            reader.invalid_type("int", input);
            return false;
        }
        if number > MAX_SAFE_INTEGER {
            reader.out_of_range("int", Limit::Max, MAX_SAFE_INTEGER);
            ok = false;
        } else if number < -MAX_SAFE_INTEGER {
            reader.out_of_range("int", Limit::Min, -MAX_SAFE_INTEGER);
            ok = false;
        }
    }
    if let Some(minimum) = field.minimum
        && number < minimum
    {
        reader.out_of_range("number", Limit::Min, minimum);
        ok = false;
    }
    if let Some(maximum) = field.maximum
        && number > maximum
    {
        reader.out_of_range("number", Limit::Max, maximum);
        ok = false;
    }
    ok
}

/// Parsed values in the schema's order, as Kibana stores them. A short list, not a map: a spec
/// object has a handful of keys, and reading builds one on every call.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParsedFields(Vec<(&'static str, Value)>);

impl ParsedFields {
    /// The value stored under `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find_map(|(k, v)| (*k == key).then_some(v))
    }

    fn push(&mut self, key: &'static str, value: Value) {
        self.0.push((key, value));
    }

    /// The values as a JSON object.
    #[cfg(test)]
    pub fn to_map(&self) -> Map<String, Value> {
        self.0
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect()
    }
}

impl Serialize for ParsedFields {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        serializer.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

/// Reads the fields of a plain `z.object` in order (unknown keys dropped).
fn read_fields<'f>(
    fields: impl IntoIterator<Item = &'f Field>,
    map: &Map<String, Value>,
    reader: &mut Reader,
) -> Option<ParsedFields> {
    let mut out = ParsedFields::default();
    let mut ok = true;
    for field in fields {
        let value = field_value(map, field.key);
        match reader.at(Segment::Key(field.key.into()), |r| {
            read_field(field, value, r)
        }) {
            Outcome::Value(value) => out.push(field.key, value),
            Outcome::Absent => {}
            Outcome::Failed => ok = false,
        }
    }
    ok.then_some(out)
}

/// `z.array(z.string().max(256)).max(500).nullish()`.
fn read_selected_actions(input: Option<&Value>, reader: &mut Reader) -> Outcome {
    match input {
        None => return Outcome::Absent,
        Some(Value::Null) => return Outcome::Value(Value::Null),
        _ => {}
    }
    let items = <Vec<SelectedAction>>::read(input, reader);
    let long_enough = check_length(input, reader, Limit::Max, MAX_SELECTED_ACTIONS);
    match items {
        Some(items) if long_enough => Outcome::Value(Value::Array(
            items.into_iter().map(|i| Value::String(i.0)).collect(),
        )),
        _ => Outcome::Failed,
    }
}

/// `z.string().max(256)`: one action name.
pub(super) struct SelectedAction(String);

impl Zod for SelectedAction {
    fn read(input: Option<&Value>, reader: &mut Reader) -> Option<Self> {
        let text = String::read(input, reader);
        let short_enough = check_length(input, reader, Limit::Max, MAX_ACTION_NAME);
        text.filter(|_| short_enough).map(Self)
    }

    fn schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "maxLength": MAX_ACTION_NAME })
    }
}

#[inline(never)]
pub(super) fn read_config(
    def: &SpecDef,
    input: Option<&Value>,
    reader: &mut Reader,
) -> Option<ParsedFields> {
    let map = reader.object(input)?;
    let added = added_fields();
    let fields = || def.config.iter().chain(&added);
    let mark = reader.mark();
    // Read the spec's fields and `authType`, then `selectedActions` (the last key of the
    // extended shape); unknown keys are judged after the whole shape, as Zod does.
    let read = read_fields(fields(), map, reader);
    let mut ok = read.is_some();
    let mut out = read.unwrap_or_default();
    let selected = field_value(map, SELECTED_ACTIONS);
    match reader.at(Segment::Key(SELECTED_ACTIONS.into()), |r| {
        read_selected_actions(selected, r)
    }) {
        Outcome::Value(value) => out.push(SELECTED_ACTIONS, value),
        Outcome::Absent => {}
        Outcome::Failed => ok = false,
    }
    if def.unknown == Unknown::Refuse {
        let known: Vec<&str> = fields().map(|f| f.key).chain([SELECTED_ACTIONS]).collect();
        reader.reject_unknown_keys(map, &known);
    }
    (ok && reader.clean_since(mark)).then_some(out)
}

pub(super) const AUTH_TYPE: &str = "authType";

#[inline(never)]
pub(super) fn read_secrets(
    def: &SpecDef,
    input: Option<&Value>,
    reader: &mut Reader,
) -> Option<(ParsedFields, Option<AuthType>)> {
    let map = reader.object(input)?;
    let auth_types = def.auth;
    if auth_types.is_empty() {
        // `z.object({})`: every key dropped.
        return Some((ParsedFields::default(), None));
    }
    let discriminator = field_value(map, AUTH_TYPE);
    let chosen = discriminator
        .and_then(Value::as_str)
        .and_then(|id| auth_types.iter().find(|a| a.kind.id() == id));
    let Some(auth) = chosen else {
        // No matching discriminator: Zod's discriminator issue at `authType`.
        let ids: Vec<&str> = auth_types.iter().map(|a| a.kind.id()).collect();
        reader.at(Segment::Key(AUTH_TYPE.into()), |r| {
            r.invalid_discriminator(&ids, discriminator);
        });
        return None;
    };
    let mut values = read_fields(&auth.fields(), map, reader)?;
    values.push(AUTH_TYPE, Value::String(auth.kind.id().to_owned()));
    Some((values, Some(*auth)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::connectors::spec::dsl::{Fallback, is_uuid};
    use serde_json::json;

    #[test]
    fn strip_trailing_slashes_runs_after_the_url_check() {
        let field = Field::required("siteUrl", Kind::Url, "A URL.").strip_trailing_slashes();
        let mut reader = Reader::new();
        let outcome = read_field(
            &field,
            Some(&json!(" https://a.example.com/x// ")),
            &mut reader,
        );
        assert!(
            matches!(outcome, Outcome::Value(Value::String(ref t)) if t == "https://a.example.com/x")
        );
        let outcome = read_field(&field, Some(&json!("nope/")), &mut reader);
        assert!(matches!(outcome, Outcome::Failed));
    }

    #[test]
    fn uuid_follows_zods_pattern() {
        for good in [
            "123e4567-e89b-12d3-a456-426614174000",
            "123E4567-E89B-82D3-B456-426614174000",
            "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff",
        ] {
            assert!(is_uuid(good), "{good}");
        }
        for bad in [
            "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
            "123e4567-e89b-02d3-a456-426614174000",
            "123e4567-e89b-92d3-a456-426614174000",
            "123e4567-e89b-12d3-c456-426614174000",
            "123e4567e89b12d3a456426614174000",
            " 123e4567-e89b-12d3-a456-426614174000",
            "123e4567-e89b-12d3-a456-42661417400g",
        ] {
            assert!(!is_uuid(bad), "{bad}");
        }
        let field = Field::required("id", Kind::Text, "An id.").uuid(None);
        let mut reader = Reader::new();
        let outcome = read_field(&field, Some(&json!("x")), &mut reader);
        assert!(matches!(outcome, Outcome::Failed));
        let messages: Vec<String> = reader
            .into_issues()
            .into_iter()
            .map(|i| i.message)
            .collect();
        assert_eq!(messages, vec!["Invalid UUID".to_owned()]);
    }

    #[test]
    fn number_bounds_follow_zod() {
        let field = Field::defaults("port", Kind::Number, Fallback::Number(3306.0), "A port.")
            .int()
            .at_least(1.0)
            .at_most(65535.0);
        let read = |input: Value| {
            let mut reader = Reader::new();
            let outcome = read_field(&field, Some(&input), &mut reader);
            let messages: Vec<String> = reader
                .into_issues()
                .into_iter()
                .map(|i| i.message)
                .collect();
            (matches!(outcome, Outcome::Value(_)), messages)
        };
        assert_eq!(read(json!(3306)), (true, vec![]));
        assert_eq!(read(json!(1.0)), (true, vec![]));
        // A fraction is `invalid_type` and stops the bounds.
        assert_eq!(
            read(json!(0.5)),
            (
                false,
                vec!["Invalid input: expected int, received number".to_owned()]
            )
        );
        assert_eq!(
            read(json!(0)),
            (
                false,
                vec!["Too small: expected number to be >=1".to_owned()]
            )
        );
        assert_eq!(
            read(json!(65536)),
            (
                false,
                vec!["Too big: expected number to be <=65535".to_owned()]
            )
        );
        // Beyond the safe range the bounds still run.
        assert_eq!(
            read(json!(1e300)),
            (
                false,
                vec![
                    "Too big: expected int to be <=9007199254740991".to_owned(),
                    "Too big: expected number to be <=65535".to_owned()
                ]
            )
        );
        assert_eq!(
            read(json!("3306")),
            (
                false,
                vec!["Invalid input: expected number, received string".to_owned()]
            )
        );
        // Absent: the default, not validated.
        let mut reader = Reader::new();
        assert!(matches!(
            read_field(&field, None, &mut reader),
            Outcome::Value(Value::Number(_))
        ));
    }

    #[test]
    fn trim_runs_before_the_checks_and_is_stored() {
        let field = Field::required("subdomain", Kind::Text, "A subdomain.")
            .trim()
            .min(1)
            .regex(
                "^[a-z]+$",
                |t| !t.is_empty() && t.bytes().all(|b| b.is_ascii_lowercase()),
                None,
            );
        let read = |input: Value| {
            let mut reader = Reader::new();
            let outcome = read_field(&field, Some(&input), &mut reader);
            let messages: Vec<String> = reader
                .into_issues()
                .into_iter()
                .map(|i| i.message)
                .collect();
            (outcome, messages)
        };
        let (outcome, messages) = read(json!("\u{feff}\u{a0} acme\n"));
        assert!(
            matches!(outcome, Outcome::Value(Value::String(ref t)) if t == "acme"),
            "{messages:?}"
        );
        // U+0085 is white space for Rust, not for JavaScript's trim().
        let (outcome, _) = read(json!("\u{85}acme"));
        assert!(matches!(outcome, Outcome::Failed));
        let (_, messages) = read(json!("  "));
        assert_eq!(messages.len(), 2, "{messages:?}");
        // After a type error neither the trim nor the pattern runs; `.min()` still sees a length.
        let (_, messages) = read(json!([]));
        assert_eq!(messages.len(), 2, "{messages:?}");
    }
}
