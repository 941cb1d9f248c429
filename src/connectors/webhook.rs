//! `.webhook`: Webhook, which sends a request to a web service.
//! (Stub: the models are written in the core issue.)

use crate::connector::Connector;
use crate::model::strict_object;

strict_object! {
    /// Settings of a Webhook connector.
    pub struct WebhookConfig {}
}

strict_object! {
    /// Credentials of a Webhook connector.
    pub struct WebhookSecrets {}
}

/// The `.webhook` connector type.
pub struct Webhook;

impl Connector for Webhook {
    type Config = WebhookConfig;
    type Secrets = WebhookSecrets;
}
