//! The three dialects, and the conversion of a canonical (2020-12) schema into each.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use super::passes::{for_each_schema, keyword_type, types_of};

/// A JSON Schema dialect.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Dialect {
    /// JSON Schema 2020-12 (ajv's `Ajv2020`, `jsonschema` for Python and Rust, …).
    #[default]
    #[serde(rename = "2020-12")]
    Draft2020_12,
    /// JSON Schema draft-07 (ajv's default class, react-jsonschema-form, most older tools).
    #[serde(rename = "draft-07")]
    Draft07,
    /// The OpenAPI 3.0 Schema Object (`nullable`, no `const`, no `if`/`then`).
    #[serde(rename = "openapi-3.0")]
    OpenApi30,
}

impl Dialect {
    /// Every dialect.
    pub const ALL: &'static [Dialect] = &[Self::Draft2020_12, Self::Draft07, Self::OpenApi30];

    /// The name used in options and in the `schemas/` folder.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft2020_12 => "2020-12",
            Self::Draft07 => "draft-07",
            Self::OpenApi30 => "openapi-3.0",
        }
    }

    pub(super) fn meta_schema(self) -> Option<&'static str> {
        match self {
            Self::Draft2020_12 => Some("https://json-schema.org/draft/2020-12/schema"),
            Self::Draft07 => Some("http://json-schema.org/draft-07/schema#"),
            Self::OpenApi30 => None,
        }
    }

    /// Where a bundle keeps its named subschemas.
    pub(super) fn definitions(self) -> &'static str {
        match self {
            Self::Draft2020_12 => "$defs",
            Self::Draft07 => "definitions",
            Self::OpenApi30 => "components/schemas",
        }
    }
}

/// Rewrites a canonical (2020-12) schema in another dialect's spelling.
pub fn convert(schema: &mut Value, dialect: Dialect) {
    match dialect {
        Dialect::Draft2020_12 => {}
        Dialect::Draft07 => for_each_schema(schema, &mut to_draft_07),
        Dialect::OpenApi30 => for_each_schema(schema, &mut to_openapi_30),
    }
}

/// 2020-12 → draft-07: `$defs` → `definitions`, `dependentRequired`/`dependentSchemas` →
/// `dependencies`, `prefixItems` → `items` (and `items` → `additionalItems`).
fn to_draft_07(map: &mut Map<String, Value>) {
    if let Some(defs) = map.remove("$defs") {
        map.insert("definitions".to_owned(), defs);
    }
    if let Some(Value::String(reference)) = map.get_mut("$ref") {
        if let Some(rest) = reference.strip_prefix("#/$defs/") {
            *reference = format!("#/definitions/{rest}");
        }
    }
    let mut dependencies = Map::new();
    for key in ["dependentRequired", "dependentSchemas"] {
        if let Some(Value::Object(entries)) = map.remove(key) {
            dependencies.extend(entries);
        }
    }
    if !dependencies.is_empty() {
        map.insert("dependencies".to_owned(), Value::Object(dependencies));
    }
    // Draft-07 validators may assert `contentEncoding` (jsonschema-rs does); Kibana decodes
    // base64 leniently (Node's `Buffer.from`), so it stays an annotation of 2020-12 only.
    map.remove("contentEncoding");
    if let Some(prefix) = map.remove("prefixItems") {
        if let Some(items) = map.remove("items") {
            map.insert("additionalItems".to_owned(), items);
        }
        map.insert("items".to_owned(), prefix);
    }
}

/// An `allOf` or `oneOf` of one schema (a rule of its own, a spec type with one auth type) is
/// merged into its parent, where no keyword of the two differs: the same schema, which OpenAPI
/// lint tools (redocly's `no-illogical-composition-keywords`) want written directly.
fn merge_single_branches(map: &mut Map<String, Value>) {
    loop {
        let single = ["allOf", "oneOf"].into_iter().find(
            |key| matches!(map.get(*key), Some(Value::Array(branches)) if branches.len() == 1),
        );
        let Some(key) = single else { return };
        let Some(Value::Object(branch)) =
            map.get(key).and_then(|branches| branches.get(0)).cloned()
        else {
            return;
        };
        let annotation = |k: &str| matches!(k, "title" | "description");
        // A union beside `properties` is what code generators (openapi-typescript) read as a
        // union with the object: kept apart.
        let union_beside_properties = map.contains_key("properties")
            && ["anyOf", "oneOf"].iter().any(|k| branch.contains_key(*k));
        let merges = !union_beside_properties
            && branch
                .iter()
                .all(|(k, v)| annotation(k) || map.get(k).is_none_or(|mine| mine == v));
        if !merges {
            return;
        }
        map.remove(key);
        for (k, v) in branch {
            map.entry(k).or_insert(v);
        }
    }
}

/// 2020-12 → OpenAPI 3.0's Schema Object.
fn to_openapi_30(map: &mut Map<String, Value>) {
    merge_single_branches(map);
    map.remove("$schema");
    if let Some(value) = map.remove("const") {
        map.insert("enum".to_owned(), json!([value]));
    }
    if let Some(Value::String(reference)) = map.get_mut("$ref") {
        if let Some(rest) = reference.strip_prefix("#/$defs/") {
            *reference = format!("#/components/schemas/{rest}");
        }
    }
    // `type: [T, "null"]` → `type: T, nullable: true` (and `null` stays among the enum values,
    // as OpenAPI 3.0.3 asks); several types → `anyOf`, one per type.
    let types: Vec<String> = types_of(map).into_iter().map(str::to_owned).collect();
    let nullable = types.iter().any(|t| t == "null");
    let others: Vec<String> = types.into_iter().filter(|t| t != "null").collect();
    match others.as_slice() {
        [] if nullable => {
            // Only `null`: OpenAPI 3.0 has no null type (and `nullable` needs a `type`).
            map.insert("type".to_owned(), Value::String("string".to_owned()));
            map.insert("nullable".to_owned(), Value::Bool(true));
            map.insert("enum".to_owned(), json!([null]));
        }
        [] => {}
        [only] => {
            map.insert("type".to_owned(), Value::String(only.clone()));
            if nullable {
                map.insert("nullable".to_owned(), Value::Bool(true));
            }
        }
        several => {
            map.remove("type");
            let mut branches = Vec::new();
            for kind in several {
                let mut branch = Map::new();
                branch.insert("type".to_owned(), Value::String(kind.clone()));
                let applies = |k: &str| {
                    keyword_type(k) == Some(kind.as_str())
                        || (kind == "integer" && keyword_type(k) == Some("number"))
                };
                for (key, value) in map.iter().filter(|(k, _)| applies(k)) {
                    branch.insert(key.clone(), value.clone());
                }
                if nullable {
                    branch.insert("nullable".to_owned(), Value::Bool(true));
                }
                branches.push(Value::Object(branch));
            }
            map.retain(|key, _| keyword_type(key).is_none());
            map.insert("anyOf".to_owned(), Value::Array(branches));
        }
    }
    // `if A then B else C` is `not (A and not B)` and `not (not A and not C)`: spelled with `not`
    // (which code generators such as openapi-typescript leave out of the type) rather than an
    // `anyOf` (which they turn into a union with the object around it).
    let mut all = Vec::new();
    if let Some(condition) = map.remove("if") {
        if let Some(then) = map.remove("then") {
            all.push(json!({ "not": { "allOf": [condition.clone(), { "not": then }] } }));
        }
        if let Some(otherwise) = map.remove("else") {
            all.push(json!({ "not": { "allOf": [{ "not": condition }, { "not": otherwise }] } }));
        }
    }
    if let Some(Value::Object(dependent)) = map.remove("dependentRequired") {
        for (key, needed) in dependent {
            all.push(json!({ "not": { "allOf": [{ "required": [key] }, { "not": { "required": needed } }] } }));
        }
    }
    let has_not = map.contains_key("not");
    match (all.len(), map.get_mut("allOf")) {
        (0, _) => {}
        (_, Some(Value::Array(existing))) => existing.extend(all),
        // One condition: its `not` beside the rest (an `allOf` of one is what lint tools flag).
        (1, None) if !has_not => {
            if let Some(Value::Object(single)) = all.pop() {
                map.extend(single);
            }
        }
        _ => {
            map.insert("allOf".to_owned(), Value::Array(all));
        }
    }
    // No `format: byte` for base64: validators assert formats, and Kibana decodes base64 leniently
    // (Node's `Buffer.from`); the description says it.
    map.remove("contentEncoding");
    map.remove("contentMediaType");
    if let Some(Value::Array(examples)) = map.remove("examples") {
        if let Some(first) = examples.into_iter().next() {
            map.insert("example".to_owned(), first);
        }
    }
    for (exclusive, inclusive) in [
        ("exclusiveMinimum", "minimum"),
        ("exclusiveMaximum", "maximum"),
    ] {
        if let Some(bound @ Value::Number(_)) = map.remove(exclusive) {
            map.insert(inclusive.to_owned(), bound);
            map.insert(exclusive.to_owned(), Value::Bool(true));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openapi_spells_nullable_and_conditions() {
        let mut schema = json!({
            "type": ["number", "string", "null"],
            "pattern": "\\S",
            "if": { "const": 1 },
            "then": { "required": ["x"] },
        });
        convert(&mut schema, Dialect::OpenApi30);
        assert_eq!(
            schema,
            json!({
                "anyOf": [{ "type": "number", "nullable": true }, { "type": "string", "pattern": "\\S", "nullable": true }],
                "not": { "allOf": [{ "enum": [1] }, { "not": { "required": ["x"] } }] },
            })
        );
    }
}
