//! `.inference`: AI Connector, which calls an Elasticsearch inference endpoint.
//! (Stub: the models are written in the issue for the AI, security and remaining types.)

use crate::connector::Connector;
use crate::model::strict_object;

strict_object! {
    /// Settings of a AI Connector connector.
    pub struct InferenceConfig {}
}

strict_object! {
    /// Credentials of a AI Connector connector.
    pub struct InferenceSecrets {}
}

/// The `.inference` connector type.
pub struct Inference;

impl Connector for Inference {
    type Config = InferenceConfig;
    type Secrets = InferenceSecrets;
}
