//! `.servicenow`, `.servicenow-sir` and `.servicenow-itom`: ServiceNow ITSM, SecOps and ITOM.
//! (Stub: the models are written in the core issue.)

use crate::connector::Connector;
use crate::model::strict_object;

strict_object! {
    /// Settings of a ServiceNow connector.
    pub struct ServiceNowConfig {}
}

strict_object! {
    /// Credentials of a ServiceNow connector.
    pub struct ServiceNowSecrets {}
}

/// The `.servicenow` (ITSM) connector type.
pub struct ServiceNowItsm;

impl Connector for ServiceNowItsm {
    type Config = ServiceNowConfig;
    type Secrets = ServiceNowSecrets;
}

/// The `.servicenow-sir` (SecOps) connector type.
pub struct ServiceNowSir;

impl Connector for ServiceNowSir {
    type Config = ServiceNowConfig;
    type Secrets = ServiceNowSecrets;
}

/// The `.servicenow-itom` connector type.
pub struct ServiceNowItom;

impl Connector for ServiceNowItom {
    type Config = ServiceNowConfig;
    type Secrets = ServiceNowSecrets;
}
