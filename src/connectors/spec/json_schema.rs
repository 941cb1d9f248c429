//! The JSON Schemas of a spec connector's config and secrets.

use schemars::{Schema, SchemaGenerator, json_schema};
use serde_json::{Map, Value};

use super::dsl::{Fallback, Field, Kind, Presence, SpecDef, Unknown};
use super::reader::{
    AUTH_TYPE, MAX_SELECTED_ACTIONS, SELECTED_ACTIONS, SelectedAction, added_fields,
};
use crate::catalog::AuthKind;
use crate::model::describe;
use crate::zod::{Zod, nullable_schema};

#[inline(never)]
pub(super) fn config_schema(def: &SpecDef, generator: &mut SchemaGenerator) -> Schema {
    let mut fields: Vec<Field> = def.config.to_vec();
    fields.extend(added_fields());
    let mut schema = object_schema(&fields, def.unknown, None);
    if let Some(Value::Object(properties)) = schema.get_mut("properties") {
        let mut selected = <Vec<SelectedAction>>::schema(generator);
        selected.insert("maxItems".to_owned(), Value::from(MAX_SELECTED_ACTIONS));
        let mut selected = nullable_schema(selected);
        describe(
            &mut selected,
            &[
                "The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action.",
            ],
        );
        properties.insert(SELECTED_ACTIONS.to_owned(), selected.to_value());
    }
    describe(
        &mut schema,
        &[&format!(
            "Settings of a {} connector. {}",
            def.name, def.description
        )],
    );
    schema
}

#[inline(never)]
pub(super) fn secrets_schema(def: &SpecDef) -> Schema {
    let auth_types = def.auth;
    if auth_types.is_empty() {
        let mut schema =
            json_schema!({ "type": "object", "properties": {}, "additionalProperties": true });
        describe(
            &mut schema,
            &[&format!("A {} connector has no secrets.", def.name)],
        );
        return schema;
    }
    // `ears` parses, but the secrets validator refuses it while `xpack.actions.auth.ears.enabled`
    // is off (its default), and `relay` is an auth type Kibana sets itself, refused on create and
    // update: with Kibana's defaults no body with either is accepted, so the schema leaves them
    // out of the options.
    let options: Vec<Value> = auth_types
        .iter()
        .filter(|auth| auth.kind != AuthKind::Ears && !auth.kind.is_kibana_managed())
        .map(|auth| object_schema(&auth.fields(), Unknown::Strip, Some(auth.kind)).to_value())
        .collect();
    let mut schema = json_schema!({ "type": "object", "oneOf": options });
    let mut ears_note = String::new();
    if auth_types.iter().any(|auth| auth.kind == AuthKind::Ears) {
        ears_note.push_str(" Kibana also offers `ears` (Elastic-managed OAuth), refused unless `xpack.actions.auth.ears.enabled` is true (default false).");
    }
    if auth_types.iter().any(|auth| auth.kind == AuthKind::Relay) {
        ears_note.push_str(" `relay` is set by Kibana itself and cannot be chosen when creating or updating a connector.");
    }
    describe(
        &mut schema,
        &[&format!(
            "Credentials of a {} connector: `authType` chooses the authentication, the other keys are its credentials.{ears_note}",
            def.name
        )],
    );
    schema
}

/// The JSON Schema of a field.
fn field_schema(field: &Field) -> Schema {
    let mut schema = match field.kind {
        // A URL has no `format: uri`: that is RFC 3986, which refuses URLs the WHATWG parser
        // accepts (and Zod trims the text first).
        Kind::Text | Kind::Url => json_schema!({ "type": "string" }),
        Kind::Flag => json_schema!({ "type": "boolean" }),
        Kind::Number if field.integer => json_schema!({ "type": "integer" }),
        Kind::Number => json_schema!({ "type": "number" }),
        Kind::Choice(options) => json_schema!({ "type": "string", "enum": options }),
    };
    if let Some(minimum) = field.minimum {
        schema.insert("minimum".to_owned(), Fallback::Number(minimum).to_value());
    }
    if let Some(maximum) = field.maximum {
        schema.insert("maximum".to_owned(), Fallback::Number(maximum).to_value());
    }
    let mut patterns: Vec<String> = Vec::new();
    if field.trim {
        // `minLength` / `maxLength` would count the white space `.trim()` removes: the lengths of
        // the trimmed text become a pattern.
        patterns.extend(trimmed_length_pattern(field.min, field.max));
    } else {
        if let Some(min) = field.min {
            schema.insert("minLength".to_owned(), Value::from(min));
        }
        if let Some(max) = field.max {
            schema.insert("maxLength".to_owned(), Value::from(max));
        }
    }
    if let Some(pattern) = field.pattern {
        patterns.push(if field.trim {
            trimmed_pattern(pattern.source)
        } else {
            pattern.source.to_owned()
        });
    }
    let mut patterns = patterns.into_iter();
    if let Some(first) = patterns.next() {
        schema.insert("pattern".to_owned(), Value::from(first));
    }
    let more: Vec<Value> = patterns
        .map(|pattern| crate::js::json!({ "pattern": pattern }))
        .collect();
    if !more.is_empty() {
        schema.insert("allOf".to_owned(), Value::Array(more));
    }
    if let Presence::Default(value) = field.presence {
        schema.insert("default".to_owned(), value.to_value());
    }
    let mut doc = field.help().to_owned();
    if field.allowed_hosts {
        doc.push_str(" Kibana checks it against `xpack.actions.allowedHosts`.");
    }
    if field.trim {
        doc.push_str(" Kibana trims surrounding white space before checking and storing it.");
    }
    if let Some(transform) = field.transform {
        doc.push_str(transform.doc());
    }
    describe(&mut schema, &[&doc]);
    schema
}

/// A pattern a `.trim()`med field's raw text matches when its pattern source matches the trimmed
/// text: an anchored source (`^…$`) accepts surrounding white space (ECMAScript's `\s` is the set
/// `trim()` removes); an unanchored one finds the same match in the raw text.
fn trimmed_pattern(source: &str) -> String {
    match source
        .strip_prefix('^')
        .and_then(|rest| rest.strip_suffix('$'))
        .filter(|inner| !inner.ends_with('\\'))
    {
        Some(inner) => format!("^\\s*(?:{inner})\\s*$"),
        None => source.to_owned(),
    }
}

/// `.trim()` then `.min(min)` / `.max(max)`, as a pattern on the raw text: the trimmed text is
/// empty, one non-white-space character, or two of them around anything. `None` when neither
/// bound says anything.
fn trimmed_length_pattern(min: Option<usize>, max: Option<usize>) -> Option<String> {
    let low = min.unwrap_or(0);
    match (low, max) {
        (0, None) => return None,
        // A trimmed text of one character or more: the raw text has a non-white-space one.
        (1, None) => return Some("\\S".to_owned()),
        _ => {}
    }
    let high = max.unwrap_or(usize::MAX);
    let mut choices: Vec<String> = Vec::new();
    if low <= 1 && high >= 1 {
        choices.push("\\S".to_owned());
    }
    if high >= 2 {
        let inner_low = low.max(2) - 2;
        let inner_high = max.map_or(String::new(), |max| (max - 2).to_string());
        choices.push(format!("\\S[\\s\\S]{{{inner_low},{inner_high}}}\\S"));
    }
    let optional = if low == 0 { "?" } else { "" };
    Some(format!("^\\s*(?:{}){optional}\\s*$", choices.join("|")))
}

/// The JSON Schema of an object of fields (plus the `authType` literal of an auth type).
fn object_schema(fields: &[Field], unknown: Unknown, auth: Option<AuthKind>) -> Schema {
    let mut properties = Map::new();
    let mut required: Vec<&str> = Vec::new();
    for field in fields {
        properties.insert(field.key.to_owned(), field_schema(field).to_value());
        if field.presence == Presence::Required {
            required.push(field.key);
        }
    }
    if let Some(kind) = auth {
        properties.insert(
            AUTH_TYPE.to_owned(),
            crate::js::json!({
                "type": "string",
                "const": kind.id(),
                "description": format!("The authentication these credentials are for: `{}` ({}).", kind.id(), kind.label()),
            }),
        );
        required.push(AUTH_TYPE);
    }
    let mut schema = json_schema!({
        "type": "object",
        "properties": properties,
        "required": required,
        // Unknown keys of a plain `z.object` are accepted (and not stored).
        "additionalProperties": unknown == Unknown::Strip,
    });
    if let Some(kind) = auth {
        schema.insert("title".to_owned(), Value::String(kind.label().to_owned()));
    }
    schema
}

#[cfg(all(test, not(target_arch = "wasm32")))] // jsonschema is a native dev-dependency
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn trimmed_fields_have_patterns_on_the_raw_text() {
        assert_eq!(trimmed_pattern("^[a-z]+$"), "^\\s*(?:[a-z]+)\\s*$");
        assert_eq!(trimmed_pattern("[a-z]"), "[a-z]");
        assert_eq!(trimmed_pattern("^a\\$"), "^a\\$");
        assert_eq!(trimmed_length_pattern(None, None), None);
        assert_eq!(trimmed_length_pattern(Some(0), None), None);
        assert_eq!(
            trimmed_length_pattern(Some(1), None).as_deref(),
            Some("\\S")
        );
        let matches = |pattern: &str, text: &str| {
            jsonschema::is_valid(&json!({ "pattern": pattern }), &json!(text))
        };
        let one_to_three = trimmed_length_pattern(Some(1), Some(3)).unwrap_or_default();
        for good in ["a", " abc ", "\ta b\n"] {
            assert!(matches(&one_to_three, good), "{good:?}");
        }
        for bad in ["", "   ", " abcd ", "a  b"] {
            assert!(!matches(&one_to_three, bad), "{bad:?}");
        }
        let at_least_two = trimmed_length_pattern(Some(2), None).unwrap_or_default();
        assert!(matches(&at_least_two, " ab "));
        assert!(!matches(&at_least_two, " a "));
        let at_most_one = trimmed_length_pattern(None, Some(1)).unwrap_or_default();
        assert!(matches(&at_most_one, "  "));
        assert!(matches(&at_most_one, " a "));
        assert!(!matches(&at_most_one, "ab"));
    }
}
