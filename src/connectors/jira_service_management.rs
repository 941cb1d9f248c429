//! `.jira-service-management`: Jira Service Management, which creates and closes Jira Service Management alerts.
//! (Stub: the models are written in the issue for the AI, security and remaining types.)

use crate::connector::Connector;
use crate::model::strict_object;

strict_object! {
    /// Settings of a Jira Service Management connector.
    pub struct JiraServiceManagementConfig {}
}

strict_object! {
    /// Credentials of a Jira Service Management connector.
    pub struct JiraServiceManagementSecrets {}
}

/// The `.jira-service-management` connector type.
pub struct JiraServiceManagement;

impl Connector for JiraServiceManagement {
    type Config = JiraServiceManagementConfig;
    type Secrets = JiraServiceManagementSecrets;
}
