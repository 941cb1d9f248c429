//! `.opsgenie`: Opsgenie, which creates and closes Opsgenie alerts (sub-action framework).

use crate::connector::url_allow_list_connector;
use crate::model::strict_object;

strict_object! {
    /// Settings of an Opsgenie connector.
    pub struct OpsgenieConfig {
        /// The Opsgenie API URL, e.g. `https://api.opsgenie.com` (or `https://api.eu.opsgenie.com`
        /// for the EU instance). Kibana checks it against `xpack.actions.allowedHosts`.
        api_url as "apiUrl": String,
    }
}

strict_object! {
    /// Credentials of an Opsgenie connector.
    pub struct OpsgenieSecrets {
        /// The API key of an Opsgenie API integration.
        api_key as "apiKey": String,
    }
}

url_allow_list_connector! {
    /// The `.opsgenie` connector type.
    Opsgenie: OpsgenieConfig, OpsgenieSecrets, checks ["/config/apiUrl" => api_url]
}
