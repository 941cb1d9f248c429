//! `.xmatters`: xMatters, which triggers xMatters workflows.
//! (Stub: the models are written in the core issue.)

use crate::connector::Connector;
use crate::model::strict_object;

strict_object! {
    /// Settings of a xMatters connector.
    pub struct XMattersConfig {}
}

strict_object! {
    /// Credentials of a xMatters connector.
    pub struct XMattersSecrets {}
}

/// The `.xmatters` connector type.
pub struct XMatters;

impl Connector for XMatters {
    type Config = XMattersConfig;
    type Secrets = XMattersSecrets;
}
