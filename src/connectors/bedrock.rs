//! `.bedrock`: Amazon Bedrock, which calls models on Amazon Bedrock.
//!
//! Kibana: `kbn-connector-schemas/bedrock/schemas/v1.ts` (config and secrets) and
//! `stack_connectors/server/connector_types/bedrock/index.ts` (the config validator).

use crate::connector::{Connector, Rules};
use crate::connectors::gen_ai::check_api_url;
use crate::model::strict_object;
use crate::zod::CoercedNumber;

/// The model used when a request names none.
pub const DEFAULT_MODEL: &str = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";

strict_object! {
    /// Settings of an Amazon Bedrock connector.
    pub struct BedrockConfig {
        /// The Bedrock runtime endpoint, e.g. `https://bedrock-runtime.us-east-1.amazonaws.com`.
        /// It must be an http(s) URL whose host is in Kibana's `xpack.actions.allowedHosts`.
        api_url as "apiUrl": String,
        /// The AWS region, e.g. `us-east-1`.
        region: Option<String>,
        /// The model (or inference profile) used when a request names none.
        default_model as "defaultModel": String = DEFAULT_MODEL,
        /// The model's context window, in tokens.
        context_window_length as "contextWindowLength": Option<CoercedNumber>,
        /// The sampling temperature used when a request sets none.
        temperature: Option<CoercedNumber>,
    }
}

strict_object! {
    /// Credentials of an Amazon Bedrock connector: an AWS access key.
    pub struct BedrockSecrets {
        /// The AWS access key id.
        access_key as "accessKey": String,
        /// The AWS secret access key.
        secret: String,
    }
}

/// The `.bedrock` connector type.
pub struct Bedrock;

impl Connector for Bedrock {
    type Config = BedrockConfig;
    type Secrets = BedrockSecrets;

    /// Kibana's `configValidator`: the URL checks.
    fn check_config(config: &BedrockConfig, rules: &mut Rules) {
        check_api_url(
            rules,
            "/config/apiUrl",
            "Error configuring Amazon Bedrock action: ",
            &config.api_url,
        );
    }
}
