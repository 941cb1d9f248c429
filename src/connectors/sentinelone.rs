//! `.sentinelone`: Sentinel One, which runs SentinelOne response actions (sub-action framework).
//!
//! Kibana: `kbn-connector-schemas/sentinelone/schemas/v1.ts` and
//! `stack_connectors/server/connector_types/sentinelone/index.ts` (`urlAllowListValidator('url')`).

use crate::connector::{Connector, Rules};
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

/// The `.sentinelone` connector type.
pub struct SentinelOne;

impl Connector for SentinelOne {
    type Config = SentinelOneConfig;
    type Secrets = SentinelOneSecrets;

    fn check_config(config: &SentinelOneConfig, rules: &mut Rules) {
        rules.url_allow_list("/config/url", &config.url);
    }
}
