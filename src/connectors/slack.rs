//! `.slack`: Slack, which posts to Slack through an incoming webhook.
//! (Stub: the models are written in the core issue.)

use crate::connector::Connector;
use crate::model::strict_object;

strict_object! {
    /// Settings of a Slack connector.
    pub struct SlackConfig {}
}

strict_object! {
    /// Credentials of a Slack connector.
    pub struct SlackSecrets {}
}

/// The `.slack` connector type.
pub struct Slack;

impl Connector for Slack {
    type Config = SlackConfig;
    type Secrets = SlackSecrets;
}
