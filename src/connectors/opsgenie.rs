//! `.opsgenie`: Opsgenie, which creates and closes Opsgenie alerts.
//! (Stub: the models are written in the core issue.)

use crate::connector::Connector;
use crate::model::strict_object;

strict_object! {
    /// Settings of a Opsgenie connector.
    pub struct OpsgenieConfig {}
}

strict_object! {
    /// Credentials of a Opsgenie connector.
    pub struct OpsgenieSecrets {}
}

/// The `.opsgenie` connector type.
pub struct Opsgenie;

impl Connector for Opsgenie {
    type Config = OpsgenieConfig;
    type Secrets = OpsgenieSecrets;
}
