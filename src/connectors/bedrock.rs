//! `.bedrock`: Amazon Bedrock, which calls models on Amazon Bedrock.
//!
//! Kibana: `kbn-connector-schemas/bedrock/schemas/v1.ts` (config and secrets) and
//! `stack_connectors/server/connector_types/bedrock/index.ts` (the config validator).

use crate::connector::{Connector, Rules, Versioned};
use crate::connectors::gen_ai::check_api_url;
use crate::model::strict_object;
use crate::versions::{Release, Since};
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

    /// `contextWindowLength` 9.2.0 (PR #228371), `temperature` 9.3.0 (PR #239806), `region`
    /// 9.4.0 (PR #252956), backported to 9.2.x and 8.19.x patches whose numbers are not known
    /// (PRs #253129, #253521), and taken to be in 9.3.x too.
    const VERSIONED: &'static [Versioned] = &[
        Versioned::config("contextWindowLength", Since::exact(Release::V9_2)),
        Versioned::config("temperature", Since::exact(Release::V9_3)),
        Versioned::config(
            "region",
            Since::exact(Release::V9_4).backported(&[
                (Release::V9_3, None),
                (Release::V9_2, None),
                (Release::V8_19, None),
            ]),
        ),
    ];

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
