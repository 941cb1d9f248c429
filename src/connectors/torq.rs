//! `.torq`: Torq, which triggers Torq workflows through a webhook integration.

use crate::connector::{Connector, Rules};
use crate::kibana::urls;
use crate::model::strict_object;
use crate::report::IssueCode;

strict_object! {
    /// Settings of a Torq connector.
    pub struct TorqConfig {
        /// The URL of the Torq webhook integration: its host must be `hooks.torq.io` or
        /// `hooks.eu.torq.io` (or `localhost`). Kibana checks it against
        /// `xpack.actions.allowedHosts`.
        webhook_integration_url as "webhookIntegrationUrl": String,
    }
}

strict_object! {
    /// Credentials of a Torq connector.
    pub struct TorqSecrets {
        /// The secret of the Torq webhook integration, sent as the `X-Torq-Token` header.
        token: String,
    }
}

/// The `.torq` connector type.
pub struct Torq;

const PREFIX: &str = "error configuring send to Torq action: ";

impl Connector for Torq {
    type Config = TorqConfig;
    type Secrets = TorqSecrets;

    fn check_config(config: &TorqConfig, rules: &mut Rules) {
        const PATH: &str = "/config/webhookIntegrationUrl";
        let url = config.webhook_integration_url.as_str();
        // `new URL(url)`: Node's `err.toString()` is `TypeError: Invalid URL` (no input echoed).
        let Some(hostname) = urls::whatwg_hostname(url) else {
            rules.error(
                IssueCode::InvalidUrl,
                PATH,
                format!("{PREFIX}unable to parse url: TypeError: Invalid URL"),
            );
            return;
        };
        rules.target_url_allowed(PATH, url, PREFIX);
        // `URL.hostname` is "" for a URL without a host (`mailto:x`).
        if !is_valid_torq_host_name(&hostname) && hostname != "localhost" {
            rules.error(
                IssueCode::InvalidValue,
                PATH,
                format!(
                    "{PREFIX}url must begin with https://hooks.torq.io or https://hooks.eu.torq.io"
                ),
            );
        }
    }
}

/// Kibana's `/^hooks\.(eu\.)?torq\.io$/`, on the WHATWG host name (lower-cased for http(s)).
fn is_valid_torq_host_name(hostname: &str) -> bool {
    matches!(hostname, "hooks.torq.io" | "hooks.eu.torq.io")
}
