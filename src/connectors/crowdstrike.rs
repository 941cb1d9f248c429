//! `.crowdstrike`: CrowdStrike, which runs CrowdStrike Falcon response actions (sub-action
//! framework).
//!
//! Kibana: `kbn-connector-schemas/crowdstrike/schemas/v1.ts` and
//! `stack_connectors/server/connector_types/crowdstrike/index.ts` (`urlAllowListValidator('url')`).

use crate::connector::url_allow_list_connector;
use crate::model::strict_object;

strict_object! {
    /// Settings of a CrowdStrike connector.
    pub struct CrowdStrikeConfig {
        /// The CrowdStrike Falcon API URL of your cloud, e.g. `https://api.crowdstrike.com` (or
        /// `https://api.us-2.crowdstrike.com`, `https://api.eu-1.crowdstrike.com`). Kibana checks
        /// it against `xpack.actions.allowedHosts`.
        url: String,
    }
}

strict_object! {
    /// Credentials of a CrowdStrike connector: an OAuth 2.0 API client of the Falcon console.
    pub struct CrowdStrikeSecrets {
        /// The client id of the Falcon API client.
        client_id as "clientId": String,
        /// The secret of the Falcon API client.
        client_secret as "clientSecret": String,
    }
}

url_allow_list_connector! {
    /// The `.crowdstrike` connector type.
    CrowdStrike: CrowdStrikeConfig, CrowdStrikeSecrets, checks ["/config/url" => url]
}
