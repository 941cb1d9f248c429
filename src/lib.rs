//! Typed models of Kibana's connector types: check, and fix, the body of Kibana's
//! create-connector request (`POST /api/actions/connector/{id}`) before it reaches Kibana, and get
//! the answer Kibana would give.
//!
//! ```
//! use kibana_connectors::{validate, Options};
//!
//! let body = serde_json::json!({
//!     "name": "my-connector",
//!     "connector_type_id": ".index",
//!     "config": { "index": "test-index" }
//! });
//! let report = validate(&body, &Options::default());
//! assert!(report.valid);
//! ```

// Without the `json-schema` feature (the package's validating wasm module) the models' schema
// code is still compiled, but nothing reaches it: the linker leaves it out of the module.
#![cfg_attr(not(feature = "json-schema"), allow(dead_code, unused_imports))]

// The layers, top first (ARCHITECTURE.md draws them; tests/layers.rs keeps them): the facade;
// the pipeline, the schemas and the generated files; the registry; the connector types; the
// connector trait and dispatch; the models' building blocks; the report.
#[cfg(target_arch = "wasm32")]
pub mod wasm;

#[cfg(feature = "json-schema")]
mod generated;
mod pipeline;
#[cfg(feature = "json-schema")]
mod schema;

mod registry;

mod connectors;

mod connector;

mod catalog;
mod js;
mod kibana;
mod model;
mod pointer;
mod versions;
mod zod;

mod report;

pub use catalog::{License, VERSION, feature};
pub use connector::ConnectorType;
pub use pipeline::options::{Mode, Options};
pub use pipeline::validate::{
    Comparison, INVALID_JSON_MESSAGE, MAX_PAYLOAD_BYTES, compare_versions, compare_versions_json,
    normalize, normalize_json, parse_body, validate, validate_json,
};
pub use registry::{CONNECTOR_TYPES, ReleasedType, types_in};
pub use report::{Fidelity, Issue, IssueCode, KibanaError, Report};
#[cfg(feature = "json-schema")]
pub use schema::{Contract, Dialect, SchemaOptions, json_schema, json_schema_with};
pub use versions::{KibanaVersion, Release, ReleaseInfo, UnsupportedVersion, kibana_versions};

/// What the repository's own tests and generators read: the committed files' generators, the
/// schemas' building blocks and their lists of unexpressed rules. Not part of the API: it may
/// change in any release.
#[doc(hidden)]
pub mod internals {
    #[cfg(feature = "json-schema")]
    pub use crate::generated::{files, issue_codes_table, readme_sections};
    pub use crate::kibana::urls::{LegacyParseError, WhatwgUrl, legacy_hostname, whatwg};
    pub use crate::pipeline::envelope::coerce;
    pub use crate::pipeline::report_text::report_text;
    pub use crate::registry::creatable_types;
    #[cfg(feature = "json-schema")]
    pub use crate::schema::{
        NOT_YET_EXPRESSED, definition_name, for_each_schema, only_unexpressed, typescript,
        unexpressed_rule,
    };
}
