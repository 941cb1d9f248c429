//! `.d3security`: D3 Security, which sends events to D3 SOAR (sub-action framework).

use crate::connector::url_allow_list_connector;
use crate::model::strict_object;

strict_object! {
    /// Settings of a D3 Security connector.
    pub struct D3SecurityConfig {
        /// The URL of the D3 SOAR webhook (event integration) that receives the events. Kibana
        /// checks it against `xpack.actions.allowedHosts`.
        url: String,
    }
}

strict_object! {
    /// Credentials of a D3 Security connector.
    pub struct D3SecuritySecrets {
        /// The token of the D3 SOAR webhook.
        token: String,
    }
}

url_allow_list_connector! {
    /// The `.d3security` connector type.
    D3Security: D3SecurityConfig, D3SecuritySecrets, checks ["/config/url" => url]
}
