//! `.resilient`: IBM Resilient, which creates incidents in IBM Resilient.
//! (Stub: the models are written in the core issue.)

use crate::connector::Connector;
use crate::model::strict_object;

strict_object! {
    /// Settings of a IBM Resilient connector.
    pub struct ResilientConfig {}
}

strict_object! {
    /// Credentials of a IBM Resilient connector.
    pub struct ResilientSecrets {}
}

/// The `.resilient` connector type.
pub struct Resilient;

impl Connector for Resilient {
    type Config = ResilientConfig;
    type Secrets = ResilientSecrets;
}
