//! `.xsoar`: XSOAR, which creates incidents in Palo Alto Cortex XSOAR.
//! (Stub: the models are written in the issue for the AI, security and remaining types.)

use crate::connector::Connector;
use crate::model::strict_object;

strict_object! {
    /// Settings of a XSOAR connector.
    pub struct XsoarConfig {}
}

strict_object! {
    /// Credentials of a XSOAR connector.
    pub struct XsoarSecrets {}
}

/// The `.xsoar` connector type.
pub struct Xsoar;

impl Connector for Xsoar {
    type Config = XsoarConfig;
    type Secrets = XsoarSecrets;
}
