//! `.slack_api`: Slack API, which posts to Slack channels with a bot token.

use schemars::{Schema, SchemaGenerator};
use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::connector::{Connector, Rules};
use crate::model::strict_object;
use crate::zod::{Limit, NonEmptyString, Reader, Zod, check_length};

/// The most channels `allowedChannels` may list (`MAX_ALLOWED_CHANNELS`).
pub const MAX_ALLOWED_CHANNELS: usize = 500;

/// The Slack Web API base URL, which Kibana checks against `xpack.actions.allowedHosts`.
pub const SLACK_URL: &str = "https://slack.com/api/";

/// The host of [`SLACK_URL`], as Node's `url.parse` gives it.
const SLACK_HOST: &str = "slack.com";

strict_object! {
    /// Settings of a Slack API connector.
    pub struct SlackApiConfig {
        /// The channels the connector may post to (at most 500); leave out to allow every
        /// channel the bot can see.
        allowed_channels as "allowedChannels": Option<AllowedChannels>,
    }
}

strict_object! {
    /// One channel the connector may post to.
    pub struct SlackApiChannel {
        /// The channel ID, e.g. `C0123456789`.
        id: Option<NonEmptyString>,
        /// The channel name, e.g. `#general`.
        name: NonEmptyString,
    }
}

strict_object! {
    /// Credentials of a Slack API connector.
    pub struct SlackApiSecrets {
        /// The bot user OAuth token of your Slack app (`xoxb-…`).
        token: NonEmptyString,
    }
}

/// The `.slack_api` connector type.
pub struct SlackApi;

impl Connector for SlackApi {
    type Config = SlackApiConfig;
    type Secrets = SlackApiSecrets;

    fn check_secrets(_secrets: &SlackApiSecrets, rules: &mut Rules) {
        // Kibana's secrets validator checks the fixed Slack API URL, not anything in the body;
        // that URL always parses, so only the server's allowedHosts decides.
        rules.server_check(
            "/secrets",
            format!(
                "Kibana accepts Slack API connectors only if \"{SLACK_HOST}\" is in xpack.actions.allowedHosts (the default, [\"*\"], allows every host): it checks {SLACK_URL}"
            ),
            crate::js::json!({ "check": "allowedHosts", "hostname": SLACK_HOST }),
        );
    }
}

/// `z.array(channel).max(500)`.
#[derive(Debug, Clone, PartialEq)]
pub struct AllowedChannels(pub Vec<SlackApiChannel>);

impl Zod for AllowedChannels {
    fn read(input: Option<&Value>, reader: &mut Reader) -> Option<Self> {
        let channels = Vec::<SlackApiChannel>::read(input, reader);
        let short_enough = check_length(input, reader, Limit::Max, MAX_ALLOWED_CHANNELS);
        channels.filter(|_| short_enough).map(Self)
    }

    fn schema(generator: &mut SchemaGenerator) -> Schema {
        let items = SlackApiChannel::schema(generator);
        schemars::json_schema!({
            "type": "array",
            "items": items,
            "maxItems": MAX_ALLOWED_CHANNELS,
        })
    }
}

impl Serialize for AllowedChannels {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zod::prettify;

    fn issues<T: Zod>(input: &Value) -> String {
        let mut reader = Reader::new();
        let _ = T::read(Some(input), &mut reader);
        prettify(&reader.into_issues())
    }

    #[test]
    fn slack_host_is_what_node_parses() {
        assert_eq!(
            crate::kibana::urls::legacy_hostname(SLACK_URL),
            Ok(Some(SLACK_HOST.to_owned()))
        );
    }

    #[test]
    fn length_checks_run_after_type_errors() {
        // Outputs of zod 4.3.6 for `z.object({ token: z.string().min(1) }).strict()`.
        let cases = [
            (
                crate::js::json!({ "token": [] }),
                "✖ Invalid input: expected string, received array\n  → at token\n✖ Too small: expected array to have >=1 items\n  → at token",
            ),
            (
                crate::js::json!({ "token": [1] }),
                "✖ Invalid input: expected string, received array\n  → at token",
            ),
            (
                crate::js::json!({ "token": { "length": "x" } }),
                "✖ Invalid input: expected string, received object\n  → at token\n✖ Too small: expected unknown to be >=1\n  → at token",
            ),
            (
                crate::js::json!({ "token": {} }),
                "✖ Invalid input: expected string, received object\n  → at token",
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(issues::<SlackApiSecrets>(&input), expected, "{input}");
        }
    }

    #[test]
    fn allowed_channels_limit() {
        let long = "😀".repeat(251);
        let cases = [
            (
                crate::js::json!({ "allowedChannels": long }),
                "✖ Invalid input: expected array, received string\n  → at allowedChannels\n✖ Too big: expected string to have <=500 characters\n  → at allowedChannels",
            ),
            (
                crate::js::json!({ "allowedChannels": { "length": null } }),
                "✖ Invalid input: expected array, received object\n  → at allowedChannels",
            ),
            (
                crate::js::json!({ "allowedChannels": { "length": 600 } }),
                "✖ Invalid input: expected array, received object\n  → at allowedChannels\n✖ Too big: expected unknown to be <=500\n  → at allowedChannels",
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(issues::<SlackApiConfig>(&input), expected, "{input}");
        }
    }
}
