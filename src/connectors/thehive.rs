//! `.thehive`: TheHive, which creates cases and alerts in TheHive.
//! (Stub: the models are written in the core issue.)

use crate::connector::Connector;
use crate::model::strict_object;

strict_object! {
    /// Settings of a TheHive connector.
    pub struct TheHiveConfig {}
}

strict_object! {
    /// Credentials of a TheHive connector.
    pub struct TheHiveSecrets {}
}

/// The `.thehive` connector type.
pub struct TheHive;

impl Connector for TheHive {
    type Config = TheHiveConfig;
    type Secrets = TheHiveSecrets;
}
