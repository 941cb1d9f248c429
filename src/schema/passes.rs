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
/// only the value, not what is inside (for OpenAPI 3.0, see [`inline_not_blank`]).
///
/// One titled `anyOf` branch per JSON type rather than `type: [6 types]`: ajv's strict mode
/// refuses union types without `allowUnionTypes`, and form generators name the branches by
/// their titles.
pub(super) fn not_blank_value(reference: Option<&str>) -> Value {
    // One level: any items and any values (said, not left out: OpenAPI 3.0 requires `items`
    // beside `type: array`, and openapi-typescript types an object without
    // `additionalProperties` as an empty record).
    let inner = reference.map_or_else(|| json!({}), |reference| json!({ "$ref": reference }));
    let list = json!({ "title": "List", "type": "array", "items": inner });
    let object = json!({ "title": "Object", "type": "object", "additionalProperties": inner });
    json!({
        "description": "Any JSON value without a blank string in it: Kibana refuses strings whose trim() is empty anywhere in config and secrets.",
        "anyOf": [
            { "title": "Text", "type": "string", "pattern": portable_pattern(NOT_BLANK) },
            { "title": "Number", "type": "number" },
            { "title": "Yes or no", "type": "boolean" },
            { "title": "Empty (null)", "type": "null" },
            list,
            object,
        ],
    })
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
    // A blank default cannot be sent (the route refuses it); Kibana fills it in after the
    // route's check. A form that fills defaults in would send it: the request schema says none.
    if map
        .get("default")
        .and_then(Value::as_str)
        .is_some_and(crate::js::is_blank)
    {
        map.remove("default");
    }
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

/// The last rewrites of every finished canonical schema, for tools on their defaults:
/// - a `type` of several JSON types besides `null` becomes a titled `anyOf` of one branch per
///   type ([`split_union_types`]): ajv's strict mode (its default) refuses such union types
///   unless told `allowUnionTypes`, while `type: [T, "null"]` passes;
/// - patterns spell white space, digits and word characters as explicit classes
///   ([`portable_pattern`]);
/// - no empty `required` list (OpenAPI 3.0.3 requires at least one entry);
/// - every `required` key is described in the same schema's `properties`, as ajv's
///   `strictRequired` wants.
pub(super) fn for_consumers(schema: &mut Value) {
    for_each_schema(schema, &mut |map| {
        split_union_types(map);
        portable_patterns(map);
        if map
            .get("required")
            .and_then(Value::as_array)
            .is_some_and(Vec::is_empty)
        {
            map.remove("required");
        }
        describe_required(map);
    });
}

/// The title of the `anyOf` branch that holds values of one JSON type.
fn type_title(kind: &str) -> &'static str {
    match kind {
        "string" => "Text",
        "number" => "Number",
        "integer" => "Whole number",
        "boolean" => "Yes or no",
        "array" => "List",
        "object" => "Object",
        _ => "Empty (null)",
    }
}

/// `type: [A, B, …]` (two types or more besides `null`) → `anyOf: [{type: A, …}, {type: B, …}]`,
/// each branch with the keywords that apply to its type (and the `allOf` of string patterns with
/// the string branch), `null` a branch of its own.
pub(super) fn split_union_types(map: &mut Map<String, Value>) {
    let kinds: Vec<String> = types_of(map).into_iter().map(str::to_owned).collect();
    if kinds.iter().filter(|k| *k != "null").count() < 2 || map.contains_key("anyOf") {
        return;
    }
    map.remove("type");
    let only_string_keywords = |value: &Value| {
        value.as_array().is_some_and(|all| {
            all.iter().all(|rule| {
                rule.as_object()
                    .is_some_and(|rule| rule.keys().all(|k| keyword_type(k) == Some("string")))
            })
        })
    };
    let string_rules = match map.get("allOf") {
        Some(all) if only_string_keywords(all) => map.remove("allOf"),
        _ => None,
    };
    let mut branches = Vec::new();
    for kind in &kinds {
        let mut branch = Map::new();
        branch.insert("title".to_owned(), Value::from(type_title(kind)));
        branch.insert("type".to_owned(), Value::from(kind.as_str()));
        let applies = |k: &str| {
            keyword_type(k) == Some(kind.as_str())
                || (kind == "integer" && keyword_type(k) == Some("number"))
        };
        for (key, value) in map.iter().filter(|(k, _)| applies(k)) {
            branch.insert(key.clone(), value.clone());
        }
        if kind == "string" {
            if let Some(rules) = &string_rules {
                branch.insert("allOf".to_owned(), rules.clone());
            }
        }
        if let Some(Value::Array(values)) = map.get("enum") {
            let fits = |v: &&Value| match kind.as_str() {
                "string" => v.is_string(),
                "number" => v.is_number(),
                "integer" => v.is_i64() || v.is_u64(),
                "boolean" => v.is_boolean(),
                "null" => v.is_null(),
                _ => false,
            };
            let values: Vec<Value> = values.iter().filter(fits).cloned().collect();
            if values.is_empty() {
                continue;
            }
            branch.insert("enum".to_owned(), Value::Array(values));
        }
        branches.push(Value::Object(branch));
    }
    map.retain(|key, _| keyword_type(key).is_none() && key != "enum");
    map.insert("anyOf".to_owned(), Value::Array(branches));
}

/// Keywords that apply to values of one JSON type.
pub(super) fn keyword_type(keyword: &str) -> Option<&'static str> {
    Some(match keyword {
        "pattern" | "minLength" | "maxLength" | "format" | "contentEncoding"
        | "contentMediaType" => "string",
        "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum" | "multipleOf" => "number",
        "properties"
        | "required"
        | "additionalProperties"
        | "minProperties"
        | "maxProperties"
        | "patternProperties"
        | "propertyNames" => "object",
        "items" | "minItems" | "maxItems" | "uniqueItems" | "prefixItems" | "contains" => "array",
        _ => return None,
    })
}

/// The characters of ECMAScript's `\s` (its WhiteSpace and LineTerminator productions), which are
/// also exactly what `String.prototype.trim()` removes, as the inside of a character class.
/// Other dialects' `\s` differ (Python's has U+001C–U+001F and U+0085 but not U+FEFF; RE2's is
/// ASCII only), so the schemas spell the set out, as literal characters (every dialect reads a
/// literal character as itself; no escape syntax for U+00A0 is common to ECMAScript, Python
/// and Go).
pub const WHITE_SPACE_CLASS: &str = "\t\n\u{b}\u{c}\r \u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}\u{2029}\u{202f}\u{205f}\u{3000}\u{feff}";

/// A regular expression written for ECMAScript (`u` mode, as ajv compiles patterns) spelled so
/// that Python's `re`, Go's `regexp` and Rust's `regex` read it the same: `\s`, `\d`, `\w` and
/// their negations become explicit classes (Python's and Go's are Unicode-aware or ASCII-only
/// where ECMAScript's are not). `[\s\S]` (any character) already means the same everywhere.
pub fn portable_pattern(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut in_class = false;
    let mut rest = source;
    while let Some(c) = rest.chars().next() {
        if !in_class && rest.starts_with("[\\s\\S]") {
            out.push_str("[\\s\\S]");
            rest = rest.get(6..).unwrap_or_default();
            continue;
        }
        rest = rest.get(c.len_utf8()..).unwrap_or_default();
        match c {
            '\\' => {
                let Some(next) = rest.chars().next() else {
                    out.push(c);
                    break;
                };
                rest = rest.get(next.len_utf8()..).unwrap_or_default();
                let class = match next {
                    's' | 'S' => Some(WHITE_SPACE_CLASS),
                    'd' | 'D' => Some("0-9"),
                    'w' | 'W' => Some("A-Za-z0-9_"),
                    _ => None,
                };
                let negated = next.is_ascii_uppercase();
                match class {
                    Some(class) if !in_class => {
                        out.push('[');
                        if negated {
                            out.push('^');
                        }
                        out.push_str(class);
                        out.push(']');
                    }
                    Some(class) if !negated => out.push_str(class),
                    // A negated class inside a class has no spelled-out form: kept (a test
                    // checks that the schemas have none).
                    _ => {
                        out.push(c);
                        out.push(next);
                    }
                }
            }
            '[' if !in_class => {
                in_class = true;
                out.push(c);
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

fn portable_patterns(map: &mut Map<String, Value>) {
    if let Some(Value::String(pattern)) = map.get_mut("pattern") {
        *pattern = portable_pattern(pattern);
    }
    if let Some(Value::Object(properties)) = map.get_mut("patternProperties") {
        let entries = std::mem::take(properties);
        *properties = entries
            .into_iter()
            .map(|(pattern, schema)| (portable_pattern(&pattern), schema))
            .collect();
    }
}

/// Describes in `properties` (with the empty schema) each `required` key it does not describe,
/// unless unknown keys are refused there (where the key would then become allowed).
fn describe_required(map: &mut Map<String, Value>) {
    if map.get("additionalProperties") == Some(&Value::Bool(false)) {
        return;
    }
    let Some(Value::Array(required)) = map.get("required") else {
        return;
    };
    let keys: Vec<String> = required
        .iter()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect();
    let properties = map
        .entry("properties")
        .or_insert_with(|| Value::Object(Map::new()));
    if let Value::Object(properties) = properties {
        for key in keys {
            properties.entry(key).or_insert_with(|| json!({}));
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
    fn patterns_are_spelled_the_same_in_every_dialect() {
        let ws = WHITE_SPACE_CLASS;
        assert_eq!(portable_pattern("\\S"), format!("[^{ws}]"));
        assert_eq!(
            portable_pattern("^\\s*\\d+\\s*$"),
            format!("^[{ws}]*[0-9]+[{ws}]*$")
        );
        assert_eq!(portable_pattern("[\\w.-]+"), "[A-Za-z0-9_.-]+");
        assert_eq!(
            portable_pattern("\\S[\\s\\S]{0,3}\\S"),
            format!("[^{ws}][\\s\\S]{{0,3}}[^{ws}]")
        );
        assert_eq!(portable_pattern("a\\.b\\\\s"), "a\\.b\\\\s");
        // U+FEFF is white space to `trim()`, U+0085 is not.
        assert!(ws.contains('\u{feff}') && !ws.contains('\u{85}'));
        let trimmed: Vec<char> = (0..=0x10_ffff_u32)
            .filter_map(char::from_u32)
            .filter(|c| crate::js::is_js_white_space(*c))
            .collect();
        let listed: Vec<char> = (0..=0x10_ffff_u32)
            .filter_map(char::from_u32)
            .filter(|c| in_class(ws, *c))
            .collect();
        assert_eq!(trimmed, listed);
    }

    /// Whether `c` is in the inside of a character class made of characters and `a-b` ranges.
    fn in_class(class: &str, c: char) -> bool {
        let chars: Vec<char> = class.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            if chars.get(i + 1) == Some(&'-') && i + 2 < chars.len() {
                if (chars[i]..=chars[i + 2]).contains(&c) {
                    return true;
                }
                i += 3;
            } else {
                if chars[i] == c {
                    return true;
                }
                i += 1;
            }
        }
        false
    }

    #[test]
    fn union_types_become_titled_branches() {
        let mut schema = json!({
            "type": ["integer", "string", "null"],
            "minimum": 1,
            "pattern": "^[0-9]+$",
            "allOf": [{ "pattern": "x" }],
            "description": "d",
        });
        for_each_schema(&mut schema, &mut split_union_types);
        assert_eq!(
            schema,
            json!({
                "description": "d",
                "anyOf": [
                    { "title": "Whole number", "type": "integer", "minimum": 1 },
                    { "title": "Text", "type": "string", "pattern": "^[0-9]+$", "allOf": [{ "pattern": "x" }] },
                    { "title": "Empty (null)", "type": "null" },
                ],
            })
        );
    }

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
