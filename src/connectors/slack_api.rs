//! `.slack_api`: Slack API, which posts to Slack channels with a bot token.
//! (Stub: the models are written in the core issue.)

use crate::connector::Connector;
use crate::model::strict_object;

strict_object! {
    /// Settings of a Slack API connector.
    pub struct SlackApiConfig {}
}

strict_object! {
    /// Credentials of a Slack API connector.
    pub struct SlackApiSecrets {}
}

/// The `.slack_api` connector type.
pub struct SlackApi;

impl Connector for SlackApi {
    type Config = SlackApiConfig;
    type Secrets = SlackApiSecrets;
}
