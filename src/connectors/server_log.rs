//! `.server-log`: Server log, which writes messages to the Kibana server log.

use crate::connector::Connector;
use crate::model::strict_object;

strict_object! {
    /// A Server log connector has no settings: any key is refused.
    pub struct ServerLogConfig {}
}

strict_object! {
    /// A Server log connector has no secrets: any key is refused.
    pub struct ServerLogSecrets {}
}

/// The `.server-log` connector type.
pub struct ServerLog;

impl Connector for ServerLog {
    type Config = ServerLogConfig;
    type Secrets = ServerLogSecrets;
}
