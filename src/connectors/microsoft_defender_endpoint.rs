//! `.microsoft_defender_endpoint`: Microsoft Defender for Endpoint, which runs Microsoft Defender for Endpoint response actions.
//! (Stub: the models are written in the issue for the AI, security and remaining types.)

use crate::connector::Connector;
use crate::model::strict_object;

strict_object! {
    /// Settings of a Microsoft Defender for Endpoint connector.
    pub struct MicrosoftDefenderEndpointConfig {}
}

strict_object! {
    /// Credentials of a Microsoft Defender for Endpoint connector.
    pub struct MicrosoftDefenderEndpointSecrets {}
}

/// The `.microsoft_defender_endpoint` connector type.
pub struct MicrosoftDefenderEndpoint;

impl Connector for MicrosoftDefenderEndpoint {
    type Config = MicrosoftDefenderEndpointConfig;
    type Secrets = MicrosoftDefenderEndpointSecrets;
}
