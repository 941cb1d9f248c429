//! `.teams`: Microsoft Teams, which posts to a Microsoft Teams channel through a webhook.

use crate::connector::{Connector, Rules};
use crate::connectors::slack::check_webhook_url;
use crate::model::strict_object;

strict_object! {
    /// A Microsoft Teams connector has no settings: any key is refused.
    pub struct TeamsConfig {}
}

strict_object! {
    /// Credentials of a Microsoft Teams connector.
    pub struct TeamsSecrets {
        /// The webhook URL of the Teams channel (an incoming webhook or a Workflows webhook).
        /// Kibana checks it against `xpack.actions.allowedHosts`.
        webhook_url as "webhookUrl": String,
    }
}

/// The `.teams` connector type.
pub struct Teams;

impl Connector for Teams {
    type Config = TeamsConfig;
    type Secrets = TeamsSecrets;

    fn check_secrets(secrets: &TeamsSecrets, rules: &mut Rules) {
        check_webhook_url(
            rules,
            "error configuring teams action: ",
            &secrets.webhook_url,
        );
    }
}
