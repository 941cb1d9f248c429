//! `.jira`: Jira, which creates and updates issues in a Jira project.

use crate::connector::{Connector, Rules};
use crate::model::strict_object;

strict_object! {
    /// Settings of a Jira connector.
    pub struct JiraConfig {
        /// The address of your Jira site, e.g. `https://example.atlassian.net`.
        api_url as "apiUrl": String,
        /// The key of the Jira project the issues are created in, e.g. `ABC`.
        project_key as "projectKey": String,
    }
}

strict_object! {
    /// Credentials of a Jira connector.
    pub struct JiraSecrets {
        /// The email address of the Jira account the connector acts as.
        email: String,
        /// An API token of that account (Jira Cloud), or its password (Jira Server).
        api_token as "apiToken": String,
    }
}

/// The `.jira` connector type.
pub struct Jira;

impl Connector for Jira {
    type Config = JiraConfig;
    type Secrets = JiraSecrets;

    /// Kibana's `validateCommonConfig`: only the allowed-hosts check of `apiUrl` (no URL parse).
    /// The secrets validator is a no-op and there is no connector validator.
    fn check_config(config: &Self::Config, rules: &mut Rules) {
        rules.target_url_allowed(
            "/config/apiUrl",
            &config.api_url,
            "error configuring connector action: ",
        );
    }
}
