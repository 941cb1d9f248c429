//! `.jira-service-management`: Jira Service Management, which creates and closes Jira Service
//! Management alerts (sub-action framework).
//!
//! Kibana: `kbn-connector-schemas/jira-service-management/schemas/v1.ts` and
//! `stack_connectors/server/connector_types/jira-service-management/index.ts`
//! (`urlAllowListValidator('apiUrl')`).

use crate::connector::url_allow_list_connector;
use crate::model::strict_object;

strict_object! {
    /// Settings of a Jira Service Management connector.
    pub struct JiraServiceManagementConfig {
        /// The URL of the Jira Service Management operations API, e.g.
        /// `https://api.atlassian.com/jsm/ops/integration`. Kibana checks it against
        /// `xpack.actions.allowedHosts`.
        api_url as "apiUrl": String,
    }
}

strict_object! {
    /// Credentials of a Jira Service Management connector.
    pub struct JiraServiceManagementSecrets {
        /// The API key of a Jira Service Management API integration.
        api_key as "apiKey": String,
    }
}

url_allow_list_connector! {
    /// The `.jira-service-management` connector type.
    JiraServiceManagement: JiraServiceManagementConfig, JiraServiceManagementSecrets, checks ["/config/apiUrl" => api_url]
}
