//! `.slack`: Slack, which posts to Slack through an incoming webhook.

use crate::connector::{Connector, Rules};
use crate::kibana::urls;
use crate::model::strict_object;
use crate::report::IssueCode;

strict_object! {
    /// A Slack (webhook) connector has no settings: any key is refused.
    pub struct SlackConfig {}
}

strict_object! {
    /// Credentials of a Slack (webhook) connector.
    pub struct SlackSecrets {
        /// The incoming-webhook URL Slack gave you, e.g.
        /// `https://hooks.slack.com/services/T000/B000/XXXX`. Kibana checks it against
        /// `xpack.actions.allowedHosts`.
        webhook_url as "webhookUrl": String,
    }
}

/// The `.slack` connector type.
pub struct Slack;

impl Connector for Slack {
    type Config = SlackConfig;
    type Secrets = SlackSecrets;

    fn check_secrets(secrets: &SlackSecrets, rules: &mut Rules) {
        check_webhook_url(
            rules,
            "error configuring slack action: ",
            &secrets.webhook_url,
        );
    }
}

/// The secrets validator of `.slack` and `.teams`: `new URL(webhookUrl)`, then
/// `ensureUriAllowed(webhookUrl)`, each message after `prefix`.
pub(crate) fn check_webhook_url(rules: &mut Rules, prefix: &str, webhook_url: &str) {
    const PATH: &str = "/secrets/webhookUrl";
    if !urls::whatwg_parses(webhook_url) {
        rules.error(
            IssueCode::InvalidUrl,
            PATH,
            format!("{prefix}unable to parse host name from webhookUrl"),
        );
        // Kibana stops here; the allowed-hosts check needs the URL the user has to fix first.
        return;
    }
    rules.secret_url_allowed(PATH, webhook_url, prefix);
}
