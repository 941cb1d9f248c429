//! `.crowdstrike`: CrowdStrike, which runs CrowdStrike Falcon response actions.
//! (Stub: the models are written in the issue for the AI, security and remaining types.)

use crate::connector::Connector;
use crate::model::strict_object;

strict_object! {
    /// Settings of a CrowdStrike connector.
    pub struct CrowdStrikeConfig {}
}

strict_object! {
    /// Credentials of a CrowdStrike connector.
    pub struct CrowdStrikeSecrets {}
}

/// The `.crowdstrike` connector type.
pub struct CrowdStrike;

impl Connector for CrowdStrike {
    type Config = CrowdStrikeConfig;
    type Secrets = CrowdStrikeSecrets;
}
