//! `.thehive`: TheHive, which creates cases and alerts in TheHive (sub-action framework).

use crate::connector::url_allow_list_connector;
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

url_allow_list_connector! {
    /// The `.thehive` connector type.
    TheHive: TheHiveConfig, TheHiveSecrets, checks ["/config/url" => url]
}
