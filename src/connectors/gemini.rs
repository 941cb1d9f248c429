//! `.gemini`: Google Gemini, which calls Google Gemini models on Vertex AI.
//! (Stub: the models are written in the issue for the AI, security and remaining types.)

use crate::connector::Connector;
use crate::model::strict_object;

strict_object! {
    /// Settings of a Google Gemini connector.
    pub struct GeminiConfig {}
}

strict_object! {
    /// Credentials of a Google Gemini connector.
    pub struct GeminiSecrets {}
}

/// The `.gemini` connector type.
pub struct Gemini;

impl Connector for Gemini {
    type Config = GeminiConfig;
    type Secrets = GeminiSecrets;
}
