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

mod catalog;
pub mod connector;
pub mod connectors;
pub mod generated;
mod js;
pub mod kibana;
mod model;
pub mod pipeline;
mod pointer;
pub mod registry;
pub mod report;
pub mod schema;
pub mod versions;
pub mod zod;

/// The WebAssembly facade (only on `wasm32`): what the npm package exports.
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use pipeline::validate::{
    Comparison, Mode, Options, compare_versions, normalize, normalize_json, parse_body, validate,
    validate_json,
};
pub use registry::{CONNECTOR_TYPES, ConnectorType, License};
pub use report::{Fidelity, Issue, IssueCode, KibanaError, Report};
pub use schema::json_schema;
pub use versions::{KibanaVersion, Release};

/// This crate's version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
