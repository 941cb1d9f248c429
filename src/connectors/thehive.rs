//! `.thehive`: TheHive, which creates cases and alerts in TheHive (sub-action framework).

use crate::connector::{Connector, Rules};
use crate::model::strict_object;
use crate::zod::Nullable;

strict_object! {
    /// Settings of a TheHive connector.
    pub struct TheHiveConfig {
        /// The URL of your TheHive instance, e.g. `https://thehive.example.com:9000`. Kibana
        /// checks it against `xpack.actions.allowedHosts`.
        url: String,
        /// The TheHive organisation to work in; leave out (or `null`) for the API key's default
        /// organisation. An empty string is refused.
        organisation: Nullable<String>,
    }
}

strict_object! {
    /// Credentials of a TheHive connector.
    pub struct TheHiveSecrets {
        /// A TheHive API key.
        api_key as "apiKey": String,
    }
}

/// The `.thehive` connector type.
pub struct TheHive;

impl Connector for TheHive {
    type Config = TheHiveConfig;
    type Secrets = TheHiveSecrets;

    fn check_config(config: &TheHiveConfig, rules: &mut Rules) {
        rules.url_allow_list("/config/url", &config.url);
    }
}
