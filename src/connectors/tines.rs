//! `.tines`: Tines, which sends events to Tines stories.
//! (Stub: the models are written in the core issue.)

use crate::connector::Connector;
use crate::model::strict_object;

strict_object! {
    /// Settings of a Tines connector.
    pub struct TinesConfig {}
}

strict_object! {
    /// Credentials of a Tines connector.
    pub struct TinesSecrets {}
}

/// The `.tines` connector type.
pub struct Tines;

impl Connector for Tines {
    type Config = TinesConfig;
    type Secrets = TinesSecrets;
}
