//! `.xsoar`: XSOAR, which creates incidents in Palo Alto Cortex XSOAR (sub-action framework).
//!
//! Kibana: `kbn-connector-schemas/xsoar/schemas/v1.ts` and
//! `stack_connectors/server/connector_types/xsoar/index.ts` (`urlAllowListValidator('url')`).

use crate::connector::url_allow_list_connector;
use crate::model::strict_object;
use crate::zod::Nullable;

strict_object! {
    /// Settings of an XSOAR connector.
    pub struct XsoarConfig {
        /// The URL of your Cortex XSOAR server (for XSOAR 8, the API URL of the tenant). Kibana
        /// checks it against `xpack.actions.allowedHosts`.
        url: String,
    }
}

strict_object! {
    /// Credentials of an XSOAR connector.
    pub struct XsoarSecrets {
        /// An XSOAR API key.
        api_key as "apiKey": String,
        /// The id of the API key: needed by XSOAR 8 (cloud), empty (`null`) for XSOAR 6.
        api_key_id as "apiKeyID": Nullable<String>,
    }
}

url_allow_list_connector! {
    /// The `.xsoar` connector type.
    Xsoar: XsoarConfig, XsoarSecrets, checks ["/config/url" => url]
}
