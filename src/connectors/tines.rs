//! `.tines`: Tines, which sends events to Tines stories (sub-action framework).

use crate::connector::{Connector, Rules};
use crate::model::strict_object;

strict_object! {
    /// Settings of a Tines connector.
    pub struct TinesConfig {
        /// The URL of your Tines tenant, e.g. `https://your-tenant.tines.com`. Kibana checks it
        /// against `xpack.actions.allowedHosts`.
        url: String,
    }
}

strict_object! {
    /// Credentials of a Tines connector.
    pub struct TinesSecrets {
        /// The email address of the Tines user the API token belongs to.
        email: String,
        /// A Tines API token.
        token: String,
    }
}

/// The `.tines` connector type.
pub struct Tines;

impl Connector for Tines {
    type Config = TinesConfig;
    type Secrets = TinesSecrets;

    fn check_config(config: &TinesConfig, rules: &mut Rules) {
        rules.url_allow_list("/config/url", &config.url);
    }
}
