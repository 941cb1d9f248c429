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

use crate::registry;

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
