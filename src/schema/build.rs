//! The canonical (2020-12) schema of one connector type's body, and the bundle of them all.

use schemars::generate::SchemaSettings;
use serde_json::{Map, Value, json};

use super::passes::{
    NOT_BLANK_VALUE, for_consumers, for_each_schema, forbid_blank_strings, inline_not_blank,
    mark_write_only, not_blank_reference, not_blank_value, require_defaults, simplify, types_of,
};
use super::{Contract, Dialect, SchemaOptions, convert};
use crate::connector::ConnectorType;
use crate::model::rules::{self, requires_a_value};
use crate::registry::creatable_types;

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
        Contract::Update => format!("Update{}ConnectorBody", type_name(connector_type)),
    }
}

/// `pattern` that refuses blank strings: Kibana's route refuses every string in `config` and
/// `secrets` whose `trim()` is empty. ECMAScript's `\s` is exactly the set `trim()` removes; the
/// finished schemas spell it out for other dialects (`passes::portable_pattern`).
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
        Contract::Request | Contract::Update => {
            let update = contract == Contract::Update;
            let mut required = vec!["name"];
            if !update {
                required.push("connector_type_id");
            }
            if requires_a_value(&config) {
                required.push("config");
            }
            if requires_a_value(&secrets) {
                required.push("secrets");
            }
            let (title, description) = request_title(connector_type, update);
            let mut schema = json!({
                "title": title,
                "description": description,
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
            if update {
                if let Some(Value::Object(properties)) = schema.get_mut("properties") {
                    properties.shift_remove("connector_type_id");
                }
            }
            let mut rules = connector_type.schema_rules();
            rules.extend(shared_rules(&schema));
            for rule in &mut rules {
                type_objects(rule, 0);
                name_given_types(rule, &schema);
                conditional_defaults(rule, &mut schema);
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
    for_consumers(&mut schema);
    Some(schema)
}

/// Combinators whose subschemas apply to the same value.
const IN_PLACE: &[&str] = &["allOf", "anyOf", "oneOf", "if", "then", "else", "not"];

/// Calls `visit` on `schema` and on each subschema that applies to the same value.
fn for_each_in_place(schema: &mut Value, visit: &mut dyn FnMut(&mut Map<String, Value>)) {
    let Value::Object(map) = schema else { return };
    visit(map);
    for key in IN_PLACE {
        match map.get_mut(*key) {
            Some(Value::Array(branches)) => {
                for branch in branches {
                    for_each_in_place(branch, visit);
                }
            }
            Some(branch) => for_each_in_place(branch, visit),
            None => {}
        }
    }
}

/// In a rule, each `config` or `secrets` key that must be "given" (`not: {type: null}`) instead
/// says the types of the field other than `null` (when the field has one): the same values, but
/// a form shows "must be string" where it would show "must NOT be valid".
fn name_given_types(rule: &mut Value, body: &Value) {
    let given = json!({ "not": { "type": "null" } });
    for_each_in_place(rule, &mut |map| {
        let Some(Value::Object(parts)) = map.get_mut("properties") else {
            return;
        };
        for part in ["config", "secrets"] {
            let Some(part_rule) = parts.get_mut(part) else {
                continue;
            };
            for_each_in_place(part_rule, &mut |part_map| {
                let Some(Value::Object(fields)) = part_map.get_mut("properties") else {
                    return;
                };
                for (field, schema) in fields.iter_mut() {
                    if *schema != given {
                        continue;
                    }
                    let model = body.pointer(&format!("/properties/{part}/properties/{field}"));
                    let kinds: Vec<&str> = model
                        .and_then(Value::as_object)
                        .map(types_of)
                        .unwrap_or_default()
                        .into_iter()
                        .filter(|kind| *kind != "null")
                        .collect();
                    if let [kind] = kinds.as_slice() {
                        *schema = json!({ "type": kind });
                    }
                }
            });
        }
    });
}

/// Where a rule's `then` requires a `config` field to be `null` (`.webhook`'s `authType` when
/// `hasAuth` is false) and the field has another default, that default moves into the rule's
/// `else` and the `then` says `default: null`, which is what Kibana does (it empties an omitted
/// `authType` when `hasAuth` is false). A form that fills defaults in (react-jsonschema-form)
/// would otherwise fill in a value the rule refuses, and hide the field that could fix it.
fn conditional_defaults(rule: &mut Value, body: &mut Value) {
    if rule.get("else").is_some() {
        return;
    }
    let Some(Value::Object(fields)) = rule.pointer_mut("/then/properties/config/properties") else {
        return;
    };
    let mut moved = Map::new();
    for (field, schema) in fields.iter_mut() {
        let Value::Object(schema) = schema else {
            continue;
        };
        let property = body.pointer_mut(&format!("/properties/config/properties/{field}"));
        let Some(Value::Object(property)) = property else {
            continue;
        };
        let nulled = schema.get("type") == Some(&json!("null"));
        if let (true, Some(default)) = (nulled, property.get("default").filter(|d| !d.is_null())) {
            moved.insert(field.clone(), json!({ "default": default }));
            property.remove("default");
            schema.insert("default".to_owned(), Value::Null);
        }
    }
    if !moved.is_empty() {
        if let Value::Object(rule) = rule {
            rule.insert(
                "else".to_owned(),
                json!({ "type": "object", "properties": { "config": { "type": "object", "properties": moved } } }),
            );
        }
    }
}

/// The title and description of a type's create (or update) body.
fn request_title(connector_type: &ConnectorType, update: bool) -> (String, String) {
    let (id, name) = (connector_type.id, connector_type.name);
    if update {
        (
            format!("{name} connector update"),
            format!(
                "The body of Kibana's update-connector request (`PUT /api/actions/connector/{{id}}`) for a connector of type `{id}` ({name}): the type is the stored connector's and cannot change, so the body has no `connector_type_id`."
            ),
        )
    } else {
        (
            format!("{name} connector"),
            format!(
                "The body of Kibana's create-connector request (`POST /api/actions/connector/{{id}}`) for a connector of type `{id}` ({name})."
            ),
        )
    }
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
            Contract::Request | Contract::Update => {
                for_each_schema(part, &mut forbid_blank_strings);
            }
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
        contract != Contract::Stored,
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
pub(super) fn bundle(options: SchemaOptions) -> Value {
    let SchemaOptions {
        dialect,
        contract,
        kibana_version,
    } = options;
    let mut definitions = Map::new();
    let mut branches = Vec::new();
    let mut mapping = Map::new();
    let mut shared = Map::new();
    for connector_type in creatable_types() {
        if kibana_version.is_some_and(|version| !connector_type.registered_in(version)) {
            continue;
        }
        let Some(mut schema) = body(connector_type, contract) else {
            continue;
        };
        if let Some(version) = kibana_version {
            super::as_released(&mut schema, connector_type, version);
        }
        // Definitions live at the root, where the branches' references point.
        if let Some(Value::Object(defs)) =
            schema.as_object_mut().and_then(|map| map.remove("$defs"))
        {
            shared.extend(defs);
        }
        if dialect == Dialect::OpenApi30 {
            // No recursive definition: openapi-typescript cannot type one (TS2502), so the
            // free-form values get the one-level check of the standalone Schema Objects.
            inline_not_blank(&mut schema);
        }
        convert(&mut schema, dialect);
        let name = definition_name(connector_type, contract);
        let reference = format!("#/{}/{name}", dialect.definitions());
        branches.push(json!({ "$ref": reference }));
        mapping.insert(connector_type.id.to_owned(), Value::String(reference));
        definitions.insert(name, schema);
    }
    // OpenAPI gets no recursive definition (see the loop).
    if dialect != Dialect::OpenApi30 {
        for (name, mut schema) in shared {
            convert(&mut schema, dialect);
            definitions.insert(name, schema);
        }
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
        // `json_schema_with` gives no update bundle.
        Contract::Update => ("", ""),
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
                Contract::Stored => "Connector",
                Contract::Request | Contract::Update => "CreateConnectorBody",
            };
            let mut schemas = Map::new();
            schemas.insert(root_name.to_owned(), root);
            schemas.extend(definitions);
            openapi_document(contract, title, description, root_name, schemas)
        }
    }
}

/// The OpenAPI 3.0.3 document around a bundle: Kibana's route that takes (request) or returns
/// (stored) the body, with what lint tools ask of a document (a server, security schemes, error
/// responses), so that it passes `redocly lint` and `swagger-parser` as it is.
fn openapi_document(
    contract: Contract,
    title: &str,
    description: &str,
    root_name: &str,
    schemas: Map<String, Value>,
) -> Value {
    let body = json!({ "$ref": format!("#/components/schemas/{root_name}") });
    let id = json!({
        "name": "id",
        "in": "path",
        "required": true,
        "description": "The connector's identifier.",
        "schema": { "type": "string" },
    });
    // Kibana refuses a POST or PUT without the `kbn-xsrf` header (its XSRF protection).
    let xsrf = json!({
        "name": "kbn-xsrf",
        "in": "header",
        "required": true,
        "description": "Any value: Kibana refuses requests that change data without it.",
        "schema": { "type": "string" },
    });
    let refused = json!({
        "description": "Kibana refuses the request: `validate()` gives the same answer as `kibanaError`.",
    });
    let unauthorized = json!({ "description": "The credentials are missing or wrong." });
    let operation = match contract {
        Contract::Stored => json!({ "get": {
            "operationId": "getConnector",
            "summary": "Get a connector",
            "description": "Kibana's get-connector route: the connector as stored, without its secrets.",
            "tags": ["connectors"],
            "parameters": [id],
            "responses": {
                "200": { "description": "The connector.", "content": { "application/json": { "schema": body } } },
                "401": unauthorized,
                "404": { "description": "No connector has this identifier." },
            },
        } }),
        Contract::Request | Contract::Update => json!({ "post": {
            "operationId": "createConnector",
            "summary": "Create a connector",
            "description": "Kibana's create-connector route.",
            "tags": ["connectors"],
            "parameters": [id, xsrf],
            "requestBody": { "required": true, "content": { "application/json": { "schema": body } } },
            "responses": {
                "200": { "description": "The connector, as stored (`schemas/openapi-3.0/stored.json`)." },
                "400": refused,
                "401": unauthorized,
            },
        } }),
    };
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": format!("Kibana connectors: {title}"),
            "version": crate::catalog::VERSION,
            "description": format!("{description} Generated by kibana-connectors; the schemas are under `components.schemas`."),
            "license": { "name": "Apache-2.0", "url": "https://www.apache.org/licenses/LICENSE-2.0" },
        },
        "servers": [{
            "url": "{scheme}://{host}:{port}",
            "description": "Your Kibana (the defaults are Kibana's own: `server.host` and `server.port`).",
            "variables": {
                "scheme": { "enum": ["http", "https"], "default": "http" },
                "host": { "default": "localhost" },
                "port": { "default": "5601" },
            },
        }],
        "security": [{ "basicAuth": [] }, { "apiKeyAuth": [] }],
        "tags": [{ "name": "connectors", "description": "Kibana's connector routes." }],
        "paths": { "/api/actions/connector/{id}": operation },
        "components": {
            "securitySchemes": {
                "basicAuth": { "type": "http", "scheme": "basic", "description": "A Kibana user's name and password." },
                "apiKeyAuth": {
                    "type": "apiKey",
                    "in": "header",
                    "name": "Authorization",
                    "description": "`ApiKey` followed by an Elasticsearch API key (base64 of `id:api_key`).",
                },
            },
            "schemas": Value::Object(schemas),
        },
    })
}

/// `schema` with `$schema` first.
pub(super) fn with_meta_schema(schema: Value, dialect: Dialect) -> Value {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry;

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
}
