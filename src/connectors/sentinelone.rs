//! `.sentinelone`: Sentinel One, which runs SentinelOne response actions.
//! (Stub: the models are written in the issue for the AI, security and remaining types.)

use crate::connector::Connector;
use crate::model::strict_object;

strict_object! {
    /// Settings of a Sentinel One connector.
    pub struct SentinelOneConfig {}
}

strict_object! {
    /// Credentials of a Sentinel One connector.
    pub struct SentinelOneSecrets {}
}

/// The `.sentinelone` connector type.
pub struct SentinelOne;

impl Connector for SentinelOne {
    type Config = SentinelOneConfig;
    type Secrets = SentinelOneSecrets;
}
