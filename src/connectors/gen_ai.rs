//! `.gen-ai`: OpenAI, which calls OpenAI, Azure OpenAI or an OpenAI-compatible service.
//! (Stub: the models are written in the issue for the AI, security and remaining types.)

use crate::connector::Connector;
use crate::model::strict_object;

strict_object! {
    /// Settings of a OpenAI connector.
    pub struct OpenAiConfig {}
}

strict_object! {
    /// Credentials of a OpenAI connector.
    pub struct OpenAiSecrets {}
}

/// The `.gen-ai` connector type.
pub struct OpenAi;

impl Connector for OpenAi {
    type Config = OpenAiConfig;
    type Secrets = OpenAiSecrets;
}
