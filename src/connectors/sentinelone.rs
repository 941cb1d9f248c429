//! `.sentinelone`: Sentinel One, which runs SentinelOne response actions (sub-action framework).
//!
//! Kibana: `kbn-connector-schemas/sentinelone/schemas/v1.ts` and
//! `stack_connectors/server/connector_types/sentinelone/index.ts` (`urlAllowListValidator('url')`).

use crate::connector::url_allow_list_connector;
use crate::model::strict_object;

strict_object! {
    /// Settings of a Sentinel One connector.
    pub struct SentinelOneConfig {
        /// The URL of your SentinelOne management console, e.g.
        /// `https://usea1-partners.sentinelone.net`. Kibana checks it against
        /// `xpack.actions.allowedHosts`.
        url: String,
    }
}

strict_object! {
    /// Credentials of a Sentinel One connector.
    pub struct SentinelOneSecrets {
        /// A SentinelOne API token.
        token: String,
    }
}

url_allow_list_connector! {
    /// The `.sentinelone` connector type.
    SentinelOne: SentinelOneConfig, SentinelOneSecrets, checks ["/config/url" => url]
}
