//! `.server-log`: Server log, which writes messages to the Kibana server log.
//! (Stub: the models are written in the core issue.)

use crate::connector::Connector;
use crate::model::strict_object;

strict_object! {
    /// Settings of a Server log connector.
    pub struct ServerLogConfig {}
}

strict_object! {
    /// Credentials of a Server log connector.
    pub struct ServerLogSecrets {}
}

/// The `.server-log` connector type.
pub struct ServerLog;

impl Connector for ServerLog {
    type Config = ServerLogConfig;
    type Secrets = ServerLogSecrets;
}
