//! `.teams`: Microsoft Teams, which posts to a Microsoft Teams channel.
//! (Stub: the models are written in the core issue.)

use crate::connector::Connector;
use crate::model::strict_object;

strict_object! {
    /// Settings of a Microsoft Teams connector.
    pub struct TeamsConfig {}
}

strict_object! {
    /// Credentials of a Microsoft Teams connector.
    pub struct TeamsSecrets {}
}

/// The `.teams` connector type.
pub struct Teams;

impl Connector for Teams {
    type Config = TeamsConfig;
    type Secrets = TeamsSecrets;
}
