//! What the caller says that the body does not: which request it is for, and its `{id}`.

use serde::{Deserialize, Serialize};

/// Which request the body is for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// `POST /api/actions/connector/{id}`: the body names its `connector_type_id`.
    #[default]
    Create,
    /// `PUT /api/actions/connector/{id}`: the type comes from the options.
    Update,
}

/// What the body alone does not say.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Options {
    /// The `{id}` path parameter, checked with Kibana's id rule when given.
    pub id: Option<String>,
    /// Create (default) or update.
    pub mode: Mode,
    /// The connector type, for an update body (which has no `connector_type_id`).
    pub connector_type_id: Option<String>,
}
