//! `.tines`: Tines, which sends events to Tines stories (sub-action framework).

use crate::connector::url_allow_list_connector;
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

url_allow_list_connector! {
    /// The `.tines` connector type.
    Tines: TinesConfig, TinesSecrets, checks ["/config/url" => url]
}
