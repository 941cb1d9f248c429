//! `.d3security`: D3 Security, which sends events to D3 SOAR (sub-action framework).

use crate::connector::{Connector, Rules};
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

/// The `.d3security` connector type.
pub struct D3Security;

impl Connector for D3Security {
    type Config = D3SecurityConfig;
    type Secrets = D3SecuritySecrets;

    fn check_config(config: &D3SecurityConfig, rules: &mut Rules) {
        rules.url_allow_list("/config/url", &config.url);
    }
}
