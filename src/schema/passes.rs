//! The rewrites every schema goes through after the models give it: tidying for forms and code
//! generators, Kibana's refusal of blank strings, the stored form's defaults, `writeOnly` secrets.

use serde_json::{Map, Value, json};

use super::NOT_BLANK;
use crate::model::rules::require;

/// Keywords whose value is an object of subschemas.
const SCHEMA_MAPS: &[&str] = &[
    "properties",
    "patternProperties",
    "$defs",
    "definitions",
    "dependentSchemas",
];

/// Keywords whose value is an array of subschemas.
const SCHEMA_LISTS: &[&str] = &["allOf", "anyOf", "oneOf", "prefixItems"];

/// Keywords whose value is a subschema (`items` also an array of them, in draft-07).
const SCHEMA_SINGLES: &[&str] = &[
    "additionalProperties",
    "items",
    "additionalItems",
    "not",
    "if",
    "then",
    "else",
    "contains",
    "propertyNames",
    "unevaluatedProperties",
    "unevaluatedItems",
];

/// Calls `visit` on `schema` and then on every subschema below it (parents first; a visit may
/// rewrite its schema, and the rewritten children are visited).
pub fn for_each_schema(schema: &mut Value, visit: &mut dyn FnMut(&mut Map<String, Value>)) {
    let Value::Object(map) = schema else { return };
    visit(map);
    for (key, value) in map.iter_mut() {
        let key = key.as_str();
        if SCHEMA_MAPS.contains(&key) {
            if let Value::Object(children) = value {
                for child in children.values_mut() {
                    for_each_schema(child, visit);
                }
            }
        } else if SCHEMA_LISTS.contains(&key) || SCHEMA_SINGLES.contains(&key) {
            match value {
                Value::Array(children) => {
                    for child in children {
                        for_each_schema(child, visit);
                    }
                }
                child => for_each_schema(child, visit),
            }
        }
    }
}

/// The JSON types a schema allows through `type` (empty when it has no `type`).
pub(super) fn types_of(map: &Map<String, Value>) -> Vec<&str> {
    match map.get("type") {
        Some(Value::String(kind)) => vec![kind.as_str()],
        Some(Value::Array(kinds)) => kinds.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// Tidies what the models give, for forms and code generators: a nullable enum
/// (`anyOf: [{enum}, {type: null}]`) becomes one schema with `null` among its values, and a
/// one-value `enum` becomes `const` (so that a union's branches name their discriminator).
pub(super) fn simplify(map: &mut Map<String, Value>) {
    let nullable_branch = match map.get("anyOf") {
        Some(Value::Array(branches)) if branches.len() == 2 => {
            let is_null = |v: &Value| v == &json!({ "type": "null" });
            match (branches.first(), branches.get(1)) {
                (Some(value), Some(null)) if is_null(null) && !is_null(value) => {
                    Some(value.clone())
                }
                _ => None,
            }
        }
        _ => None,
    };
    if let Some(Value::Object(value)) = nullable_branch {
        let simple = matches!(value.get("type"), Some(Value::String(_) | Value::Array(_)))
            && !["anyOf", "oneOf", "allOf", "not", "if", "$ref"]
                .iter()
                .any(|k| value.contains_key(*k));
        if simple {
            map.remove("anyOf");
            for (key, keyword) in value {
                // The field's own description wins over its type's.
                map.entry(key).or_insert(keyword);
            }
            let mut kinds: Vec<Value> = types_of(map).into_iter().map(Value::from).collect();
            if !kinds.contains(&json!("null")) {
                kinds.push(json!("null"));
            }
            map.insert("type".to_owned(), Value::Array(kinds));
            if let Some(Value::Array(values)) = map.get_mut("enum") {
                if !values.contains(&Value::Null) {
                    values.push(Value::Null);
                }
            }
        }
    }
    let single = match map.get("enum") {
        Some(Value::Array(values)) if values.len() == 1 => values.first().cloned(),
        _ => None,
    };
    if let Some(value) = single {
        map.remove("enum");
        map.insert("const".to_owned(), value);
    }
}

/// The name of the definition of a JSON value without blank strings.
pub const NOT_BLANK_VALUE: &str = "NotBlank";

/// A JSON value of any type without blank strings anywhere inside, for the free-form parts of a
/// config (`{}`, open objects, passthrough objects). Without a `reference` to itself it checks
/// only the value, not what is inside (for the standalone OpenAPI Schema Objects).
pub(super) fn not_blank_value(reference: Option<&str>) -> Value {
    let mut schema = json!({
        "description": "Any JSON value without a blank string in it: Kibana refuses strings whose trim() is empty anywhere in config and secrets.",
        "type": ["string", "number", "boolean", "null", "array", "object"],
        "pattern": NOT_BLANK,
    });
    if let (Some(reference), Value::Object(map)) = (reference, &mut schema) {
        map.insert("items".to_owned(), json!({ "$ref": reference }));
        map.insert(
            "additionalProperties".to_owned(),
            json!({ "$ref": reference }),
        );
    }
    schema
}

/// Replaces each reference to [`NOT_BLANK_VALUE`] with its one-level form.
pub(super) fn inline_not_blank(schema: &mut Value) {
    let reference = json!({ "$ref": not_blank_reference() });
    match schema {
        Value::Object(map) => {
            if map.get("$ref") == reference.get("$ref") {
                map.remove("$ref");
                if let Value::Object(inline) = not_blank_value(None) {
                    for (key, value) in inline {
                        map.entry(key).or_insert(value);
                    }
                }
            }
            map.values_mut().for_each(inline_not_blank);
        }
        Value::Array(items) => items.iter_mut().for_each(inline_not_blank),
        _ => {}
    }
}

/// The canonical reference to [`NOT_BLANK_VALUE`].
pub(super) fn not_blank_reference() -> String {
    format!("#/$defs/{NOT_BLANK_VALUE}")
}

/// Forbids blank strings: adds [`NOT_BLANK`] to every free string (not an `enum` or `const`),
/// and refers free-form values (any value, the unknown keys of an open object, the items of an
/// untyped list) to [`NOT_BLANK_VALUE`].
pub(super) fn forbid_blank_strings(map: &mut Map<String, Value>) {
    let types: Vec<String> = types_of(map).into_iter().map(str::to_owned).collect();
    let has = |kind: &str| types.iter().any(|t| t == kind);
    let free = |value: Option<&Value>| match value {
        None | Some(Value::Bool(true)) => true,
        Some(Value::Object(schema)) => schema.keys().all(|k| k == "description" || k == "title"),
        Some(_) => false,
    };
    let reference = json!({ "$ref": not_blank_reference() });
    let branched = ["anyOf", "oneOf", "allOf"]
        .iter()
        .any(|k| map.contains_key(*k));
    if has("object") && !branched && free(map.get("additionalProperties")) {
        map.insert("additionalProperties".to_owned(), reference.clone());
    }
    if has("array") && free(map.get("items")) {
        map.insert("items".to_owned(), reference.clone());
    }
    // A schema of annotations only accepts any value.
    let annotations = [
        "description",
        "title",
        "default",
        "examples",
        "readOnly",
        "writeOnly",
        "deprecated",
    ];
    if map.keys().all(|k| annotations.contains(&k.as_str())) {
        map.insert("$ref".to_owned(), Value::String(not_blank_reference()));
        return;
    }
    if !has("string") || map.contains_key("enum") || map.contains_key("const") {
        return;
    }
    match map.get("pattern") {
        None => {
            map.insert("pattern".to_owned(), Value::String(NOT_BLANK.to_owned()));
        }
        Some(Value::String(pattern)) if pattern == NOT_BLANK => {}
        Some(_) => {
            let rule = json!({ "pattern": NOT_BLANK });
            match map.get_mut("allOf") {
                Some(Value::Array(all)) => all.push(rule),
                _ => {
                    map.insert("allOf".to_owned(), json!([rule]));
                }
            }
        }
    }
}

/// The stored form: every property that has a default is present.
pub(super) fn require_defaults(map: &mut Map<String, Value>) {
    let Some(Value::Object(properties)) = map.get("properties") else {
        return;
    };
    let defaulted: Vec<String> = properties
        .iter()
        .filter(|(_, schema)| schema.get("default").is_some())
        .map(|(key, _)| key.clone())
        .collect();
    for key in defaulted {
        require(map, &key);
    }
}

/// Marks the secrets object and each of its properties (in every branch) `writeOnly`.
pub(super) fn mark_write_only(schema: &mut Value) {
    let Value::Object(map) = schema else { return };
    map.insert("writeOnly".to_owned(), Value::Bool(true));
    if let Some(Value::Object(properties)) = map.get_mut("properties") {
        for property in properties.values_mut() {
            if let Value::Object(property) = property {
                property.insert("writeOnly".to_owned(), Value::Bool(true));
            }
        }
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        if let Some(Value::Array(branches)) = map.get_mut(key) {
            branches.iter_mut().for_each(mark_write_only);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nullable_enums_become_one_schema() {
        let mut schema = json!({
            "anyOf": [{ "type": "string", "enum": ["a", "b"], "description": "inner" }, { "type": "null" }],
            "default": "a",
            "description": "outer",
        });
        for_each_schema(&mut schema, &mut simplify);
        assert_eq!(
            schema,
            json!({ "default": "a", "description": "outer", "type": ["string", "null"], "enum": ["a", "b", null] })
        );
    }
}
