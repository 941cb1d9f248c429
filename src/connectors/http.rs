//! `.http`: HTTP, which sends HTTP requests for workflows and agents.
//! (Stub: the models are written in the issue for the AI, security and remaining types.)

use crate::connector::Connector;
use crate::model::strict_object;

strict_object! {
    /// Settings of a HTTP connector.
    pub struct HttpConfig {}
}

strict_object! {
    /// Credentials of a HTTP connector.
    pub struct HttpSecrets {}
}

/// The `.http` connector type.
pub struct Http;

impl Connector for Http {
    type Config = HttpConfig;
    type Secrets = HttpSecrets;
}
