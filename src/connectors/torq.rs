//! `.torq`: Torq, which triggers Torq workflows.
//! (Stub: the models are written in the core issue.)

use crate::connector::Connector;
use crate::model::strict_object;

strict_object! {
    /// Settings of a Torq connector.
    pub struct TorqConfig {}
}

strict_object! {
    /// Credentials of a Torq connector.
    pub struct TorqSecrets {}
}

/// The `.torq` connector type.
pub struct Torq;

impl Connector for Torq {
    type Config = TorqConfig;
    type Secrets = TorqSecrets;
}
