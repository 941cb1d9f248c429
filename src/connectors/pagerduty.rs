//! `.pagerduty`: PagerDuty, which sends events to PagerDuty.
//! (Stub: the models are written in the core issue.)

use crate::connector::Connector;
use crate::model::strict_object;

strict_object! {
    /// Settings of a PagerDuty connector.
    pub struct PagerDutyConfig {}
}

strict_object! {
    /// Credentials of a PagerDuty connector.
    pub struct PagerDutySecrets {}
}

/// The `.pagerduty` connector type.
pub struct PagerDuty;

impl Connector for PagerDuty {
    type Config = PagerDutyConfig;
    type Secrets = PagerDutySecrets;
}
