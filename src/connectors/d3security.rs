//! `.d3security`: D3 Security, which sends events to D3 Security.
//! (Stub: the models are written in the core issue.)

use crate::connector::Connector;
use crate::model::strict_object;

strict_object! {
    /// Settings of a D3 Security connector.
    pub struct D3SecurityConfig {}
}

strict_object! {
    /// Credentials of a D3 Security connector.
    pub struct D3SecuritySecrets {}
}

/// The `.d3security` connector type.
pub struct D3Security;

impl Connector for D3Security {
    type Config = D3SecurityConfig;
    type Secrets = D3SecuritySecrets;
}
