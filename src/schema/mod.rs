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
//! The parts: `build` (a type's body schema and the bundle), `passes` (the rewrites every schema
//! goes through: tidying, blank strings, defaults, `writeOnly`), `dialects` (the conversions),
//! `unexpressed` (the rules that no JSON Schema can express, [`INEXPRESSIBLE`], and the ones it
//! could but the schemas do not yet, [`NOT_YET_EXPRESSED`]) and [`typescript`] (the package's
//! declarations). The generated files under `schemas/` are listed by `crate::generated`.

mod build;
mod dialects;
mod passes;
pub mod typescript;
mod unexpressed;

use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use build::{NOT_BLANK, body, definition_name, parts, type_name};
use build::{bundle, with_meta_schema};
pub use dialects::{Dialect, convert};
pub use passes::for_each_schema;
use passes::inline_not_blank;
pub use unexpressed::{
    INEXPRESSIBLE, NOT_YET_EXPRESSED, Unexpressed, only_unexpressed, unexpressed_rule,
};

use crate::connector::{ConnectorType, Part};
use crate::registry;
use crate::versions::{Holds, KibanaVersion};

/// The JSON Schema (2020-12) of a create-connector request body for one connector type, or
/// `None` for a type that has no model (unknown or system action types).
pub fn json_schema(connector_type_id: &str) -> Option<Value> {
    json_schema_with(Some(connector_type_id), SchemaOptions::default())
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
    /// What a client may send to update a connector: the update-connector request body
    /// (`PUT /api/actions/connector/{id}`), `name`, `config` and `secrets` only (the type is the
    /// stored connector's). Per type only: a body does not say its type, so there is no bundle.
    Update,
}

impl Contract {
    /// Every contract.
    pub const ALL: &'static [Contract] = &[Self::Request, Self::Stored, Self::Update];

    /// The name used in options and in the `schemas/` folder.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Request => "request",
            Self::Stored => "stored",
            Self::Update => "update",
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
    /// The Kibana release the schema describes: only the types it registers, without the fields
    /// and options it does not have yet. `None`: every type and field modelled, whatever the
    /// release (the committed `schemas/` are main's). The npm package's `jsonSchema` gives the
    /// default release here.
    #[serde(rename = "kibanaVersion")]
    pub kibana_version: Option<KibanaVersion>,
}

/// The schema of one connector type (`Some(id)`), or the bundle of every creatable type
/// discriminated on `connector_type_id` (`None`). `None` for a type without a model.
/// The update contract has no bundle (`None`).
pub fn json_schema_with(connector_type_id: Option<&str>, options: SchemaOptions) -> Option<Value> {
    let schema = built(connector_type_id, options)?;
    Some(with_id(schema, connector_type_id, options))
}

/// The schema without its `$id`.
fn built(connector_type_id: Option<&str>, options: SchemaOptions) -> Option<Value> {
    match connector_type_id {
        None if options.contract == Contract::Update => None,
        None => Some(bundle(options)),
        Some(id) => {
            let connector_type = registry::find(id)
                .filter(|t| options.kibana_version.is_none_or(|v| t.registered_in(v)))?;
            let mut schema = body(connector_type, options.contract)?;
            if let Some(version) = options.kibana_version {
                as_released(&mut schema, connector_type, version);
            }
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

/// Where the npm package ships the committed files (`kibana-connectors/schemas/…`), the base of
/// every schema's `$id`.
pub const SCHEMAS_BASE: &str = "https://unpkg.com/kibana-connectors";

/// The file of a schema under `schemas/` (`2020-12/request/index.json`, `draft-07/stored.json`).
pub fn file_name(connector_type_id: Option<&str>, dialect: Dialect, contract: Contract) -> String {
    let folder = format!("{}/{}", dialect.as_str(), contract.as_str());
    match connector_type_id {
        Some(id) => format!("{folder}/{}.json", id.trim_start_matches('.')),
        None => format!("{folder}.json"),
    }
}

/// `schema` with its `$id` (after `$schema`): the URL of its file in the npm package of this
/// version. A release's schema that differs from main's (the committed file's) adds
/// `?kibanaVersion=…`, so that one validator can hold the schemas of two releases. OpenAPI 3.0
/// has no `$id`: its Schema Objects and documents go without.
fn with_id(schema: Value, connector_type_id: Option<&str>, options: SchemaOptions) -> Value {
    if options.dialect == Dialect::OpenApi30 {
        return schema;
    }
    let main: KibanaVersion = crate::versions::Release::Main.into();
    let mut id = format!(
        "{SCHEMAS_BASE}@{}/schemas/{}",
        crate::catalog::VERSION,
        file_name(connector_type_id, options.dialect, options.contract)
    );
    if let Some(version) = options.kibana_version.filter(|v| v.release != main.release) {
        let main_options = SchemaOptions {
            kibana_version: Some(main),
            ..options
        };
        if built(connector_type_id, main_options).as_ref() != Some(&schema) {
            id.push_str(&format!("?kibanaVersion={}", version.release));
        }
    }
    let Value::Object(map) = schema else {
        return schema;
    };
    let mut out = serde_json::Map::new();
    for (key, value) in map {
        let is_meta = key == "$schema";
        out.insert(key, value);
        if is_meta {
            out.insert("$id".to_owned(), Value::String(id.clone()));
        }
    }
    out.entry("$id").or_insert(Value::String(id));
    Value::Object(out)
}

/// A type's body schema as `version` has it: the config and secrets keys the release does not
/// have yet left out (with their `required` entries), and the enum options it lacks.
pub(crate) fn as_released(
    schema: &mut Value,
    connector_type: &ConnectorType,
    version: KibanaVersion,
) {
    for entry in connector_type.versioned {
        if entry.since.holds_in(version).0 == Holds::Yes {
            continue;
        }
        let part = match entry.part {
            Part::Config => "config",
            Part::Secrets => "secrets",
        };
        if let Some(part) = schema.pointer_mut(&format!("/properties/{part}")) {
            strip(part, entry.key, entry.added);
        }
    }
}

/// Removes `key` (or, when `added` is not empty, those options of it) wherever `value` declares it.
fn strip(value: &mut Value, key: &str, added: &[&str]) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Object(properties)) = map.get_mut("properties") {
                if added.is_empty() {
                    properties.shift_remove(key);
                } else if let Some(property) = properties.get_mut(key) {
                    strip_options(property, added);
                }
            }
            if added.is_empty() {
                if let Some(Value::Array(required)) = map.get_mut("required") {
                    required.retain(|name| name != key);
                }
            }
            for inner in map.values_mut() {
                strip(inner, key, added);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| strip(item, key, added)),
        _ => {}
    }
}

/// Removes the `added` options from an enum property (an `enum` list, or `oneOf` / `anyOf`
/// branches with a `const`).
fn strip_options(property: &mut Value, added: &[&str]) {
    let is_added = |value: &Value| value.as_str().is_some_and(|v| added.contains(&v));
    match property {
        Value::Object(map) => {
            if let Some(Value::Array(values)) = map.get_mut("enum") {
                values.retain(|v| !is_added(v));
            }
            for key in ["oneOf", "anyOf"] {
                if let Some(Value::Array(branches)) = map.get_mut(key) {
                    branches.retain(|b| !b.get("const").is_some_and(is_added));
                }
            }
            for inner in map.values_mut() {
                strip_options(inner, added);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| strip_options(item, added)),
        _ => {}
    }
}
