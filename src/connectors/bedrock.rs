//! `.bedrock`: Amazon Bedrock, which calls models on Amazon Bedrock.
//! (Stub: the models are written in the issue for the AI, security and remaining types.)

use crate::connector::Connector;
use crate::model::strict_object;

strict_object! {
    /// Settings of a Amazon Bedrock connector.
    pub struct BedrockConfig {}
}

strict_object! {
    /// Credentials of a Amazon Bedrock connector.
    pub struct BedrockSecrets {}
}

/// The `.bedrock` connector type.
pub struct Bedrock;

impl Connector for Bedrock {
    type Config = BedrockConfig;
    type Secrets = BedrockSecrets;
}
