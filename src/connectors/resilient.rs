//! `.resilient`: IBM Resilient (IBM Security QRadar SOAR), which creates and updates incidents.
//!
//! A sub-action framework connector: its only custom rule is the framework's
//! `urlAllowListValidator('apiUrl')`, run as the config validator.

use crate::connector::url_allow_list_connector;
use crate::model::strict_object;

strict_object! {
    /// Settings of an IBM Resilient connector.
    pub struct ResilientConfig {
        /// The address of your IBM Resilient instance, e.g. `https://resilient.example.com`.
        api_url as "apiUrl": String,
        /// The id of the organization the incidents are created in.
        org_id as "orgId": String,
    }
}

strict_object! {
    /// Credentials of an IBM Resilient connector: an API key.
    pub struct ResilientSecrets {
        /// The id of the API key.
        api_key_id as "apiKeyId": String,
        /// The secret of the API key.
        api_key_secret as "apiKeySecret": String,
    }
}

url_allow_list_connector! {
    /// The `.resilient` connector type.
    ///
    /// `urlAllowListValidator('apiUrl')`: the allowed-hosts check, without a URL parse.
    Resilient: ResilientConfig, ResilientSecrets, checks ["/config/apiUrl" => api_url]
}
