//! `.pagerduty`: PagerDuty, which sends events to PagerDuty.

use crate::connector::{Connector, Rules};
use crate::model::strict_object;
use crate::zod::Nullable;

/// The Events API v2 endpoint Kibana uses when `apiUrl` is empty.
pub const PAGER_DUTY_API_URL: &str = "https://events.pagerduty.com/v2/enqueue";

/// The host of [`PAGER_DUTY_API_URL`], as Node's `url.parse` gives it.
const PAGER_DUTY_HOST: &str = "events.pagerduty.com";

strict_object! {
    /// Settings of a PagerDuty connector.
    pub struct PagerDutyConfig {
        /// The PagerDuty Events API URL; leave out (or `null`) for
        /// `https://events.pagerduty.com/v2/enqueue`. An empty string is refused. Kibana checks
        /// the URL it will call against `xpack.actions.allowedHosts`, the default one included.
        api_url as "apiUrl": Nullable<String>,
    }
}

strict_object! {
    /// Credentials of a PagerDuty connector.
    pub struct PagerDutySecrets {
        /// The integration key (routing key) of an Events API v2 integration of a PagerDuty
        /// service.
        routing_key as "routingKey": String,
    }
}

/// The `.pagerduty` connector type.
pub struct PagerDuty;

impl Connector for PagerDuty {
    type Config = PagerDutyConfig;
    type Secrets = PagerDutySecrets;

    fn check_config(config: &PagerDutyConfig, rules: &mut Rules) {
        const PATH: &str = "/config/apiUrl";
        // `config.apiUrl || PAGER_DUTY_API_URL`: an empty string also falls back.
        match config.api_url.get().filter(|url| !url.is_empty()) {
            Some(url) => rules.target_url_allowed(PATH, url, "error configuring pagerduty action: "),
            // The default URL always parses: only the server's allowedHosts decides.
            None => rules.server_check(
                PATH,
                format!(
                    "Kibana sends events to {PAGER_DUTY_API_URL} when apiUrl is empty, and accepts it only if \"{PAGER_DUTY_HOST}\" is in xpack.actions.allowedHosts (the default, [\"*\"], allows every host)"
                ),
                crate::js::json!({ "check": "allowedHosts", "hostname": PAGER_DUTY_HOST }),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kibana::urls;

    #[test]
    fn default_host_is_what_node_parses() {
        assert_eq!(
            urls::legacy_hostname(PAGER_DUTY_API_URL),
            Ok(Some(PAGER_DUTY_HOST.to_owned()))
        );
    }
}
