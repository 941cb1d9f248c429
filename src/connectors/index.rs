//! `.index`: writes documents to an Elasticsearch index.

use crate::connector::Connector;
use crate::model::strict_object;
use crate::zod::Nullable;

strict_object! {
    /// Settings of an Index connector.
    pub struct IndexConfig {
        /// The Elasticsearch index (or alias, or data stream) the documents are written to.
        index: String,
        /// Refresh the index after each write, so that the documents are searchable at once.
        refresh: bool = false,
        /// A date field that receives the time at which the alert ran; leave empty for none.
        execution_time_field as "executionTimeField": Nullable<String>,
    }
}

strict_object! {
    /// An Index connector has no secrets.
    pub struct IndexSecrets {}
}

/// The `.index` connector type.
pub struct Index;

impl Connector for Index {
    type Config = IndexConfig;
    type Secrets = IndexSecrets;
}
