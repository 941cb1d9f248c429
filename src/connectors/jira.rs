//! `.jira`: Jira, which creates issues in Jira.
//! (Stub: the models are written in the core issue.)

use crate::connector::Connector;
use crate::model::strict_object;

strict_object! {
    /// Settings of a Jira connector.
    pub struct JiraConfig {}
}

strict_object! {
    /// Credentials of a Jira connector.
    pub struct JiraSecrets {}
}

/// The `.jira` connector type.
pub struct Jira;

impl Connector for Jira {
    type Config = JiraConfig;
    type Secrets = JiraSecrets;
}
