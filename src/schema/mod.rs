//! JSON Schemas derived from the connector models: the create-connector request body (what a
//! client may send) and the stored connector (what Kibana returns), per connector type or as one
//! bundle discriminated on `connector_type_id`, in three dialects (2020-12, draft-07, OpenAPI 3.0).
//!
//! Every schema is built once in the canonical form (2020-12, see [`body`]) and then converted
//! ([`convert`]): the dialects differ in spelling, not in what they accept (OpenAPI 3.0 has no
//! `if`/`then` and spells them with `anyOf`/`not`), with one exception: a standalone OpenAPI
//! Schema Object cannot refer to a definition, so it checks free-form values for blank strings
//! one level deep only (the OpenAPI bundle checks them all the way down).
//!
//! The generated files under `schemas/` come from [`files`]; a test keeps them fresh. The rules
//! that no JSON Schema can express are listed once, in [`INEXPRESSIBLE`]; the ones it could but
//! the schemas do not yet, in [`NOT_YET_EXPRESSED`].

pub mod typescript;

use std::fmt::Write as _;

use schemars::generate::SchemaSettings;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use crate::model::rules::{self, require, requires_a_value};
use crate::registry::{self, CONNECTOR_TYPES, ConnectorType};
use crate::report::IssueCode;

/// The JSON Schema (2020-12) of a create-connector request body for one connector type, or
/// `None` for a type that has no model (unknown or system action types).
pub fn json_schema(connector_type_id: &str) -> Option<Value> {
    json_schema_with(Some(connector_type_id), SchemaOptions::default())
}

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

    fn meta_schema(self) -> Option<&'static str> {
        match self {
            Self::Draft2020_12 => Some("https://json-schema.org/draft/2020-12/schema"),
            Self::Draft07 => Some("http://json-schema.org/draft-07/schema#"),
            Self::OpenApi30 => None,
        }
    }

    /// Where a bundle keeps its named subschemas.
    fn definitions(self) -> &'static str {
        match self {
            Self::Draft2020_12 => "$defs",
            Self::Draft07 => "definitions",
            Self::OpenApi30 => "components/schemas",
        }
    }
}

/// Which side of the API a schema describes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Contract {
    /// What a client may send: the create-connector request body.
    #[default]
    Request,
    /// What Kibana returns (the 200 response of create, get and update): the connector with its
    /// config as stored, every field with a default present, and no secrets.
    Stored,
}

impl Contract {
    /// Both contracts.
    pub const ALL: &'static [Contract] = &[Self::Request, Self::Stored];

    /// The name used in options and in the `schemas/` folder.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Request => "request",
            Self::Stored => "stored",
        }
    }
}

/// What [`json_schema_with`] produces.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SchemaOptions {
    /// The dialect (2020-12 by default).
    pub dialect: Dialect,
    /// The contract (the request by default).
    pub contract: Contract,
}

/// The schema of one connector type (`Some(id)`), or the bundle of every creatable type
/// discriminated on `connector_type_id` (`None`). `None` for a type without a model.
pub fn json_schema_with(connector_type_id: Option<&str>, options: SchemaOptions) -> Option<Value> {
    match connector_type_id {
        None => Some(bundle(options)),
        Some(id) => {
            let connector_type = registry::find(id)?;
            let mut schema = body(connector_type, options.contract)?;
            if options.dialect == Dialect::OpenApi30 {
                // A standalone Schema Object has nowhere to keep a definition: the free-form
                // values get the one-level check.
                if let Value::Object(map) = &mut schema {
                    map.remove("$defs");
                }
                inline_not_blank(&mut schema);
            }
            convert(&mut schema, options.dialect);
            Some(with_meta_schema(schema, options.dialect))
        }
    }
}

/// Every creatable connector type (those with a model), in registration order.
pub fn creatable_types() -> impl Iterator<Item = &'static ConnectorType> {
    CONNECTOR_TYPES.iter().filter(|t| t.model.is_some())
}

/// The PascalCase name of a connector type in generated code (`ServiceNowItsm`, `SlackApi`,
/// `OpenAI`), from its display name: words are joined, all-capital words are capitalized
/// (`ITSM` → `Itsm`), a trailing `Connector` is dropped (`AI Connector` → `Ai`), and a leading
/// digit is spelled out (`1Password` → `OnePassword`).
pub fn type_name(connector_type: &ConnectorType) -> String {
    // An identifier cannot start with a digit: `1Password` → `OnePassword`.
    const DIGITS: [&str; 10] = [
        "Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine",
    ];
    let words: Vec<&str> = connector_type
        .name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    let words = match words.split_last() {
        Some((&"Connector", rest)) if !rest.is_empty() => rest,
        _ => words.as_slice(),
    };
    let mut name = String::new();
    let leading = connector_type
        .name
        .chars()
        .next()
        .and_then(|c| c.to_digit(10));
    if let Some(word) = leading.and_then(|d| DIGITS.get(d as usize)) {
        name.push_str(word);
    }
    for (index, word) in words.iter().enumerate() {
        let word = if index == 0 && leading.is_some() {
            word.get(1..).unwrap_or_default()
        } else {
            word
        };
        let all_capitals = word.len() > 1 && word.chars().all(|c| c.is_ascii_uppercase());
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            name.push(first.to_ascii_uppercase());
            if all_capitals {
                name.extend(chars.map(|c| c.to_ascii_lowercase()));
            } else {
                name.extend(chars);
            }
        }
    }
    name
}

/// The name of a type's schema in a bundle (and of its TypeScript type).
pub fn definition_name(connector_type: &ConnectorType, contract: Contract) -> String {
    match contract {
        Contract::Request => format!("Create{}ConnectorBody", type_name(connector_type)),
        Contract::Stored => format!("{}Connector", type_name(connector_type)),
    }
}

/// `pattern` that refuses blank strings: Kibana's route refuses every string in `config` and
/// `secrets` whose `trim()` is empty. ECMAScript's `\s` is exactly the set `trim()` removes.
pub const NOT_BLANK: &str = "\\S";

/// The canonical (2020-12, without `$schema`) schema of one connector type's body, or `None`
/// for a type without a model.
pub fn body(connector_type: &ConnectorType, contract: Contract) -> Option<Value> {
    let (config, secrets) = parts(connector_type, contract)?;
    let id = connector_type.id;
    let name = connector_type.name;
    let connector_type_id = json!({
        "const": id,
        "type": "string",
        "description": format!("The connector type: `{id}` ({name})."),
    });
    let uses_not_blank = [&config, &secrets]
        .iter()
        .any(|part| part.to_string().contains(&not_blank_reference()));
    let mut schema = match contract {
        Contract::Request => {
            let mut required = vec!["name", "connector_type_id"];
            if requires_a_value(&config) {
                required.push("config");
            }
            if requires_a_value(&secrets) {
                required.push("secrets");
            }
            let mut schema = json!({
                "title": format!("{name} connector"),
                "description": format!(
                    "The body of Kibana's create-connector request (`POST /api/actions/connector/{{id}}`) for a connector of type `{id}` ({name})."
                ),
                "type": "object",
                "properties": {
                    "name": {
                        "type": "string",
                        "pattern": NOT_BLANK,
                        "description": "The display name of the connector. It need not be unique, but a distinctive name helps to find it.",
                    },
                    "connector_type_id": connector_type_id,
                    "config": config,
                    "secrets": secrets,
                },
                "required": required,
                "additionalProperties": false,
            });
            let mut rules = connector_type.schema_rules();
            rules.extend(shared_rules(&schema));
            for rule in &mut rules {
                type_objects(rule, 0);
            }
            if let (false, Value::Object(map)) = (rules.is_empty(), &mut schema) {
                map.insert("allOf".to_owned(), Value::Array(rules));
            }
            schema
        }
        Contract::Stored => json!({
            "title": format!("{name} connector, as stored"),
            "description": format!(
                "A connector of type `{id}` ({name}) as Kibana returns it after creating, reading or updating it: its config as stored, every field that has a default present. Secrets are never returned."
            ),
            "type": "object",
            "properties": {
                "id": { "type": "string", "description": "The identifier of the connector." },
                "name": { "type": "string", "description": "The display name of the connector." },
                "connector_type_id": connector_type_id,
                "config": config,
                "is_preconfigured": {
                    "type": "boolean",
                    "description": "Whether the connector is preconfigured in `kibana.yml` (never for a connector created through the API).",
                },
                "is_deprecated": { "type": "boolean", "description": "Whether the connector is deprecated." },
                "is_system_action": { "type": "boolean", "description": "Whether the connector is used for system actions." },
                "is_missing_secrets": {
                    "type": "boolean",
                    "description": "Whether the connector's secrets are missing (for example after an import).",
                },
                "is_connector_type_deprecated": {
                    "type": "boolean",
                    "description": "Whether the connector type is deprecated.",
                },
            },
            // Open: Kibana adds response fields over time.
            "required": [
                "id", "name", "connector_type_id", "config", "is_preconfigured", "is_deprecated",
                "is_system_action", "is_connector_type_deprecated",
            ],
        }),
    };
    if let (true, Value::Object(map)) = (uses_not_blank, &mut schema) {
        let reference = not_blank_reference();
        map.insert(
            "$defs".to_owned(),
            json!({ NOT_BLANK_VALUE: not_blank_value(Some(&reference)) }),
        );
    }
    Some(schema)
}

/// The rules every connector type whose config has the field shares: a spec connector's
/// `selectedActions` (`generateConfigSchema`'s validator), when set (not `null`), names at least
/// one action.
fn shared_rules(body: &Value) -> Vec<Value> {
    let has_selected_actions = body
        .pointer("/properties/config/properties/selectedActions")
        .is_some();
    if !has_selected_actions {
        return Vec::new();
    }
    vec![rules::when(
        rules::config(json!({
            "required": ["selectedActions"],
            "properties": { "selectedActions": { "type": "array" } }
        })),
        rules::config(json!({
            "properties": { "selectedActions": { "type": "array", "minItems": 1 } }
        })),
    )]
}

/// The canonical schemas of `config` and `secrets` for one contract.
pub fn parts(connector_type: &ConnectorType, contract: Contract) -> Option<(Value, Value)> {
    let mut generator = SchemaSettings::draft2020_12().into_generator();
    let (config, secrets) = connector_type.schemas(&mut generator)?;
    let (mut config, mut secrets) = (config.to_value(), secrets.to_value());
    for part in [&mut config, &mut secrets] {
        for_each_schema(part, &mut simplify);
        match contract {
            Contract::Request => for_each_schema(part, &mut forbid_blank_strings),
            Contract::Stored => for_each_schema(part, &mut require_defaults),
        }
    }
    if contract == Contract::Stored {
        connector_type.stored_config_schema(&mut config);
    }
    mark_write_only(&mut secrets);
    add_description(
        &mut config,
        "Left out, it is `{}`. Kibana refuses blank strings anywhere in it.",
        contract == Contract::Request,
    );
    add_description(
        &mut secrets,
        "Kibana stores them encrypted and never returns them. Left out, they are `{}`.",
        true,
    );
    Some((config, secrets))
}

/// Keywords that apply to objects only.
const OBJECT_KEYWORDS: &[&str] = &[
    "properties",
    "required",
    "additionalProperties",
    "patternProperties",
    "propertyNames",
    "minProperties",
    "maxProperties",
    "dependentRequired",
    "dependentSchemas",
];

/// Says `type: object` where a rule uses object keywords at the body, `config` or `secrets`
/// (`depth` 0 or 1), which the body schema requires to be objects anyway: ajv's strict mode
/// (`strictTypes`) wants the type beside such keywords.
fn type_objects(schema: &mut Value, depth: usize) {
    let Value::Object(map) = schema else { return };
    if !map.contains_key("type") && OBJECT_KEYWORDS.iter().any(|k| map.contains_key(*k)) {
        map.insert("type".to_owned(), Value::String("object".to_owned()));
    }
    for key in ["allOf", "anyOf", "oneOf", "not", "if", "then", "else"] {
        match map.get_mut(key) {
            Some(Value::Array(branches)) => {
                for branch in branches {
                    type_objects(branch, depth);
                }
            }
            Some(branch) => type_objects(branch, depth),
            None => {}
        }
    }
    if depth == 0 {
        if let Some(Value::Object(properties)) = map.get_mut("properties") {
            for part in ["config", "secrets"] {
                if let Some(part) = properties.get_mut(part) {
                    type_objects(part, 1);
                }
            }
        }
    }
}

/// Appends a sentence to a schema's description.
fn add_description(schema: &mut Value, sentence: &str, add: bool) {
    if !add {
        return;
    }
    if let Value::Object(map) = schema {
        let text = match map.get("description").and_then(Value::as_str) {
            Some(text) => format!("{text} {sentence}"),
            None => sentence.to_owned(),
        };
        map.insert("description".to_owned(), Value::String(text));
    }
}

/// The bundle: every creatable type's body, discriminated on `connector_type_id`.
fn bundle(options: SchemaOptions) -> Value {
    let SchemaOptions { dialect, contract } = options;
    let mut definitions = Map::new();
    let mut branches = Vec::new();
    let mut mapping = Map::new();
    let mut shared = Map::new();
    for connector_type in creatable_types() {
        let Some(mut schema) = body(connector_type, contract) else {
            continue;
        };
        // Definitions live at the root, where the branches' references point.
        if let Some(Value::Object(defs)) =
            schema.as_object_mut().and_then(|map| map.remove("$defs"))
        {
            shared.extend(defs);
        }
        convert(&mut schema, dialect);
        let name = definition_name(connector_type, contract);
        let reference = format!("#/{}/{name}", dialect.definitions());
        branches.push(json!({ "$ref": reference }));
        mapping.insert(connector_type.id.to_owned(), Value::String(reference));
        definitions.insert(name, schema);
    }
    for (name, mut schema) in shared {
        convert(&mut schema, dialect);
        definitions.insert(name, schema);
    }
    let (title, description) = match contract {
        Contract::Request => (
            "Create-connector request body",
            "The body of Kibana's create-connector request (`POST /api/actions/connector/{id}`): one schema per connector type, picked by `connector_type_id`.",
        ),
        Contract::Stored => (
            "Connector, as stored",
            "A connector as Kibana returns it (the 200 response of create, get and update): one schema per connector type, picked by `connector_type_id`.",
        ),
    };
    // OpenAPI's discriminator maps values to schemas; ajv refuses `mapping` (it reads the
    // `const` of each branch instead), so only OpenAPI gets one.
    let discriminator = match dialect {
        Dialect::OpenApi30 => json!({ "propertyName": "connector_type_id", "mapping": mapping }),
        Dialect::Draft2020_12 | Dialect::Draft07 => json!({ "propertyName": "connector_type_id" }),
    };
    let root = json!({
        "title": title,
        "description": description,
        // Each branch requires `connector_type_id` and names its value (what ajv's
        // discriminator reads).
        "type": "object",
        "discriminator": discriminator,
        "oneOf": branches,
    });
    match dialect {
        Dialect::Draft2020_12 | Dialect::Draft07 => {
            let mut root = with_meta_schema(root, dialect);
            if let Value::Object(map) = &mut root {
                map.insert(dialect.definitions().to_owned(), Value::Object(definitions));
            }
            root
        }
        Dialect::OpenApi30 => {
            let root_name = match contract {
                Contract::Request => "CreateConnectorBody",
                Contract::Stored => "Connector",
            };
            let mut schemas = Map::new();
            schemas.insert(root_name.to_owned(), root);
            schemas.extend(definitions);
            json!({
                "openapi": "3.0.3",
                "info": {
                    "title": format!("Kibana connectors: {title}"),
                    "version": crate::VERSION,
                    "description": format!("{description} Generated by kibana-connectors; the schemas are under `components.schemas`."),
                },
                "paths": {},
                "components": { "schemas": schemas },
            })
        }
    }
}

/// `schema` with `$schema` first.
fn with_meta_schema(schema: Value, dialect: Dialect) -> Value {
    match (dialect.meta_schema(), schema) {
        (Some(uri), Value::Object(map)) => {
            let mut out = Map::new();
            out.insert("$schema".to_owned(), Value::String(uri.to_owned()));
            out.extend(map);
            Value::Object(out)
        }
        (_, schema) => schema,
    }
}

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
fn types_of(map: &Map<String, Value>) -> Vec<&str> {
    match map.get("type") {
        Some(Value::String(kind)) => vec![kind.as_str()],
        Some(Value::Array(kinds)) => kinds.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// Tidies what the models give, for forms and code generators: a nullable enum
/// (`anyOf: [{enum}, {type: null}]`) becomes one schema with `null` among its values, and a
/// one-value `enum` becomes `const` (so that a union's branches name their discriminator).
fn simplify(map: &mut Map<String, Value>) {
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
fn not_blank_value(reference: Option<&str>) -> Value {
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
fn inline_not_blank(schema: &mut Value) {
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
fn not_blank_reference() -> String {
    format!("#/$defs/{NOT_BLANK_VALUE}")
}

/// Forbids blank strings: adds [`NOT_BLANK`] to every free string (not an `enum` or `const`),
/// and refers free-form values (any value, the unknown keys of an open object, the items of an
/// untyped list) to [`NOT_BLANK_VALUE`].
fn forbid_blank_strings(map: &mut Map<String, Value>) {
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
fn require_defaults(map: &mut Map<String, Value>) {
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
fn mark_write_only(schema: &mut Value) {
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

/// Keywords that apply to values of one JSON type, for splitting a multi-type schema.
fn keyword_type(keyword: &str) -> Option<&'static str> {
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

/// 2020-12 → OpenAPI 3.0's Schema Object.
fn to_openapi_30(map: &mut Map<String, Value>) {
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
    // `if A then B else C` is `(not A or B) and (A or C)`.
    let mut all = Vec::new();
    if let Some(condition) = map.remove("if") {
        if let Some(then) = map.remove("then") {
            all.push(json!({ "anyOf": [{ "not": condition.clone() }, then] }));
        }
        if let Some(otherwise) = map.remove("else") {
            all.push(json!({ "anyOf": [condition, otherwise] }));
        }
    }
    if let Some(Value::Object(dependent)) = map.remove("dependentRequired") {
        for (key, needed) in dependent {
            all.push(
                json!({ "anyOf": [{ "not": { "required": [key] } }, { "required": needed }] }),
            );
        }
    }
    if !all.is_empty() {
        match map.get_mut("allOf") {
            Some(Value::Array(existing)) => existing.extend(all),
            _ => {
                map.insert("allOf".to_owned(), Value::Array(all));
            }
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

/// A Kibana rule the exported schemas do not express, with the issues it gives: an invalid body
/// whose only errors come from such rules may pass the schemas ([`crate::validate`] still
/// catches it).
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Unexpressed {
    /// What Kibana checks.
    pub rule: &'static str,
    /// Why the schemas do not say it.
    pub why: &'static str,
    /// The issue code of the rule's errors.
    pub code: IssueCode,
    /// The pointers of the rule's errors: `*` stands for one token, a final `**` for any number
    /// of them; `""` is the whole body.
    pub paths: &'static [&'static str],
    /// The connector types the rule belongs to; empty for every type (and the route).
    pub connector_types: &'static [&'static str],
}

impl Unexpressed {
    /// True when the issue `(code, path)` of a body of type `connector_type_id` comes from this
    /// rule.
    pub fn covers(&self, connector_type_id: Option<&str>, code: IssueCode, path: &str) -> bool {
        let type_matches = self.connector_types.is_empty()
            || connector_type_id.is_some_and(|id| self.connector_types.contains(&id));
        type_matches
            && self.code == code
            && self
                .paths
                .iter()
                .any(|pattern| pointer_matches(pattern, path))
    }
}

/// Matches an RFC 6901 pointer against a pattern (see [`Unexpressed::paths`]).
pub fn pointer_matches(pattern: &str, path: &str) -> bool {
    let mut pattern_tokens = pattern.split('/');
    let mut path_tokens = path.split('/');
    loop {
        match (pattern_tokens.next(), path_tokens.next()) {
            (Some("**"), _) | (None, None) => return true,
            (Some(want), Some(got)) if want == "*" || want == got => {}
            _ => return false,
        }
    }
}

/// The rule of [`INEXPRESSIBLE`] or [`NOT_YET_EXPRESSED`] that an issue comes from, if any.
pub fn unexpressed_rule(
    connector_type_id: Option<&str>,
    code: IssueCode,
    path: &str,
) -> Option<&'static Unexpressed> {
    INEXPRESSIBLE
        .iter()
        .chain(NOT_YET_EXPRESSED)
        .find(|rule| rule.covers(connector_type_id, code, path))
}

/// The rules that no JSON Schema can express; the README lists them. The agreement tests hold
/// every invalid fixture that a schema accepts to this list (and to [`NOT_YET_EXPRESSED`]).
pub static INEXPRESSIBLE: &[Unexpressed] = &[
    Unexpressed {
        rule: "A URL must parse with the WHATWG URL parser (Node's `new URL()`); some fields also need an http(s) URL with a host, and every URL's host must be in `xpack.actions.allowedHosts`.",
        why: "The `uri` format is RFC 3986, which accepts and refuses other strings than the WHATWG parser (Kibana also trims some URLs first); the allowed hosts are a server setting.",
        code: IssueCode::InvalidUrl,
        paths: &["/config/**", "/secrets/**"],
        connector_types: &[],
    },
    Unexpressed {
        rule: "Email addresses must parse as RFC 5322 address lists (`Name <user@example.com>`, groups, quoted local parts).",
        why: "The `email` format is a bare address; no pattern captures RFC 5322 address lists.",
        code: IssueCode::InvalidEmail,
        paths: &["/config/**", "/secrets/**"],
        connector_types: &[],
    },
    Unexpressed {
        rule: "`additionalFields` must be JSON text of a non-empty object.",
        why: "JSON Schema does not parse JSON inside a string (`contentSchema` is only an annotation).",
        code: IssueCode::InvalidValue,
        paths: &["/config/additionalFields"],
        connector_types: &[".webhook", ".http"],
    },
    Unexpressed {
        rule: "`credentialsJson` must be JSON text of a Google service-account key (`\"type\": \"service_account\"`).",
        why: "JSON Schema does not parse JSON inside a string (`contentSchema` is only an annotation).",
        code: IssueCode::InvalidValue,
        paths: &["/secrets/credentialsJson"],
        connector_types: &[".gemini"],
    },
    Unexpressed {
        rule: "PKI certificates and keys must be base64 of PEM files with the right `-----BEGIN …-----` line.",
        why: "JSON Schema does not decode base64 (`contentEncoding` is only an annotation).",
        code: IssueCode::InvalidValue,
        paths: &[
            "/secrets/certificateData",
            "/secrets/privateKeyData",
            "/secrets/caData",
        ],
        connector_types: &[".gen-ai"],
    },
    Unexpressed {
        rule: "A port sent as text must be within 1 to 65535 once converted.",
        why: "The range of a number written as text (decimals, exponents, hexadecimal) has no practical pattern.",
        code: IssueCode::TooSmall,
        paths: &["/config/port"],
        connector_types: &[".email"],
    },
    Unexpressed {
        rule: "A port sent as text must be within 1 to 65535 once converted.",
        why: "The range of a number written as text (decimals, exponents, hexadecimal) has no practical pattern.",
        code: IssueCode::TooBig,
        paths: &["/config/port"],
        connector_types: &[".email"],
    },
    Unexpressed {
        rule: "Torq's webhook URL must have the host `hooks.torq.io` or `hooks.eu.torq.io` (or `localhost`), as the WHATWG URL parser gives it.",
        why: "The parser removes tabs and newlines anywhere, percent-decodes the host and maps it through IDNA (full-width and upper-case letters, ignored code points such as the soft hyphen): no practical pattern matches exactly the URLs that end up with those hosts.",
        code: IssueCode::InvalidValue,
        paths: &["/config/webhookIntegrationUrl"],
        connector_types: &[".torq"],
    },
    Unexpressed {
        rule: "The connector id (the `{id}` path parameter) must follow Kibana's id rule.",
        why: "It is not part of the body.",
        code: IssueCode::InvalidId,
        paths: &[""],
        connector_types: &[],
    },
    Unexpressed {
        rule: "The body must be JSON text of at most `server.maxPayload` bytes (1 MiB by default).",
        why: "A schema sees a parsed value, not its text or its size.",
        code: IssueCode::InputTooLarge,
        paths: &[""],
        connector_types: &[],
    },
];

/// Rules that JSON Schema can express but the exported schemas do not express yet: each one is
/// to become a `Connector::schema_rules` subschema (or a model's schema keyword), and then leave
/// this list. A test fails when an entry explains no fixture any more.
pub static NOT_YET_EXPRESSED: &[Unexpressed] = &[Unexpressed {
    rule: "Email's `service` must be `other`, `exchange_server`, `elastic_cloud`, `__json` or one of nodemailer's well-known services, which nodemailer looks up by a normalised key: the part after the last `@`, without the characters other than ASCII letters, digits, `.` and `-`, in lower case (`G mail`, `x@gmail.com` and `GMAIL` all name Gmail).",
    why: "Expressible as a `pattern` generated from nodemailer's 148 keys (each letter in either case, any ignored characters between letters, an optional prefix ending in `@`), about 15 KB of pattern; not generated yet (the key table is private to `connectors::email_services`).",
    code: IssueCode::InvalidOption,
    paths: &["/config/service"],
    connector_types: &[".email"],
}];

/// True when every issue of a body comes from a rule the schemas do not express.
pub fn only_unexpressed<'a>(
    connector_type_id: Option<&str>,
    issues: impl IntoIterator<Item = (IssueCode, &'a str)>,
) -> bool {
    issues
        .into_iter()
        .all(|(code, path)| unexpressed_rule(connector_type_id, code, path).is_some())
}

/// The README's list of rules JSON Schema cannot express (Markdown), from [`INEXPRESSIBLE`].
pub fn inexpressible_table() -> String {
    unexpressed_table(INEXPRESSIBLE, "why JSON Schema cannot say it")
}

/// The README's list of rules the schemas do not express yet (Markdown), from
/// [`NOT_YET_EXPRESSED`]: a sentence and a table, or a sentence alone when the list is empty.
pub fn not_yet_expressed_table() -> String {
    if NOT_YET_EXPRESSED.is_empty() {
        return String::from("The schemas express every other rule of Kibana's validators.\n");
    }
    let mut out =
        String::from("The schemas do not express these rules yet, although JSON Schema could:\n\n");
    out.push_str(&unexpressed_table(
        NOT_YET_EXPRESSED,
        "how the schemas could say it",
    ));
    out
}

/// A Markdown table of rules (each rule once, with the connector types of its first entry).
fn unexpressed_table(rules: &[Unexpressed], why: &str) -> String {
    let mut out = format!("| rule | {why} | connector types |\n|---|---|---|\n");
    let mut seen: Vec<&str> = Vec::new();
    for rule in rules {
        if seen.contains(&rule.rule) {
            continue;
        }
        seen.push(rule.rule);
        let types = if rule.connector_types.is_empty() {
            "all".to_owned()
        } else {
            rule.connector_types
                .iter()
                .map(|t| format!("`{t}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = writeln!(out, "| {} | {} | {types} |", rule.rule, rule.why);
    }
    out
}

/// Every generated file under `schemas/` (path from the repository root, text): per dialect, the
/// request bundle (`schemas/<dialect>/request.json`), one request schema per connector type
/// (`schemas/<dialect>/request/<id without the dot>.json`) and the stored bundle
/// (`schemas/<dialect>/stored.json`); and `schemas/unexpressed.json`, the rules the schemas do
/// not express.
pub fn files() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for &dialect in Dialect::ALL {
        for &contract in Contract::ALL {
            let options = SchemaOptions { dialect, contract };
            let folder = format!("schemas/{}/{}", dialect.as_str(), contract.as_str());
            out.push((format!("{folder}.json"), pretty(&bundle(options))));
            // The stored schemas only as bundles (their `$defs` hold each type's schema).
            if contract == Contract::Stored {
                continue;
            }
            for connector_type in creatable_types() {
                if let Some(schema) = json_schema_with(Some(connector_type.id), options) {
                    let file = connector_type.id.trim_start_matches('.');
                    out.push((format!("{folder}/{file}.json"), pretty(&schema)));
                }
            }
        }
    }
    out.push((
        "schemas/unexpressed.json".to_owned(),
        pretty(&json!({ "inexpressible": INEXPRESSIBLE, "notYetExpressed": NOT_YET_EXPRESSED })),
    ));
    out
}

/// JSON text as the generated files hold it: two-space indentation and a final newline.
pub fn pretty(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_names_are_pascal_case_and_unique() {
        let names: Vec<String> = creatable_types().map(type_name).collect();
        for (i, name) in names.iter().enumerate() {
            assert!(
                name.chars().next().is_some_and(|c| c.is_ascii_uppercase()),
                "{name}"
            );
            assert!(name.chars().all(|c| c.is_ascii_alphanumeric()), "{name}");
            assert!(
                !names.iter().skip(i + 1).any(|other| other == name),
                "{name} twice"
            );
        }
        let find = |id| type_name(registry::find(id).unwrap());
        assert_eq!(find(".servicenow"), "ServiceNowItsm");
        assert_eq!(find(".slack_api"), "SlackApi");
        assert_eq!(find(".inference"), "Ai");
        assert_eq!(find(".cases-webhook"), "WebhookCaseManagement");
        assert_eq!(find(".1password"), "OnePassword");
    }

    #[test]
    fn upper_case_table_is_complete() {
        let found: Vec<(char, String)> = (0..=0x10_ffff_u32)
            .filter_map(char::from_u32)
            .filter(|c| !c.is_ascii())
            .map(|c| (c, c.to_uppercase().collect::<String>()))
            .filter(|(_, upper)| upper.chars().all(|u| u.is_ascii_uppercase() || u == '_'))
            .collect();
        let table: Vec<(char, String)> = rules::UPPER_CASE_TO_ASCII
            .iter()
            .map(|(c, upper)| (*c, (*upper).to_owned()))
            .collect();
        assert_eq!(found, table);
    }

    /// Whether `text` matches `pattern`, by the schema validator's regular expressions (the
    /// crate has no engine of its own).
    #[cfg(not(target_arch = "wasm32"))]
    fn matches(pattern: &str, text: &str) -> bool {
        jsonschema::is_valid(&json!({ "pattern": pattern }), &json!(text))
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn upper_case_pattern_matches_exactly_the_spellings() {
        let words = [
            "UNIFIED_COMPLETION_STREAM",
            "COMPLETION",
            "SPARSE_EMBEDDING",
        ];
        let pattern = format!("^{}$", rules::upper_case_pattern(&words));
        for word in words {
            assert!(matches(&pattern, word), "{word}");
            assert!(matches(&pattern, &word.to_lowercase()), "{word}");
        }
        for accepted in [
            "uni\u{fb01}ed_completion_\u{fb05}ream",
            "uniFied_completion_\u{17f}tream",
            "complet\u{131}on",
            "\u{17f}parse_embedding",
            "CoMpLeTiOn",
        ] {
            assert!(matches(&pattern, accepted), "{accepted}");
            assert!(
                words.contains(&accepted.to_uppercase().as_str()),
                "{accepted}"
            );
        }
        for refused in [
            "completio",
            "completionx",
            "COMPLETION ",
            "rerank",
            "uni\u{fb01}",
            "unif\u{fb01}ed_completion_stream",
        ] {
            assert!(!matches(&pattern, refused), "{refused}");
        }
    }

    #[test]
    fn pointer_patterns() {
        assert!(pointer_matches("/config/url", "/config/url"));
        assert!(pointer_matches("/config/*", "/config/url"));
        assert!(!pointer_matches("/config/*", "/config/a/b"));
        assert!(pointer_matches("/config/**", "/config/a/b"));
        assert!(pointer_matches("", ""));
        assert!(!pointer_matches("", "/name"));
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
                "allOf": [{ "anyOf": [{ "not": { "enum": [1] } }, { "required": ["x"] }] }],
            })
        );
    }
}
