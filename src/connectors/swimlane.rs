//! `.swimlane`: Swimlane, which creates records in Swimlane.
//! (Stub: the models are written in the core issue.)

use crate::connector::Connector;
use crate::model::strict_object;

strict_object! {
    /// Settings of a Swimlane connector.
    pub struct SwimlaneConfig {}
}

strict_object! {
    /// Credentials of a Swimlane connector.
    pub struct SwimlaneSecrets {}
}

/// The `.swimlane` connector type.
pub struct Swimlane;

impl Connector for Swimlane {
    type Config = SwimlaneConfig;
    type Secrets = SwimlaneSecrets;
}
