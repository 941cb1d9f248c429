//! `.email`: Email, which sends email through SMTP, Microsoft Exchange or a well-known service.
//! (Stub: the models are written in the core issue.)

use crate::connector::Connector;
use crate::model::strict_object;

strict_object! {
    /// Settings of a Email connector.
    pub struct EmailConfig {}
}

strict_object! {
    /// Credentials of a Email connector.
    pub struct EmailSecrets {}
}

/// The `.email` connector type.
pub struct Email;

impl Connector for Email {
    type Config = EmailConfig;
    type Secrets = EmailSecrets;
}
