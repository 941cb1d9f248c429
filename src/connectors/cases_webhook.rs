//! `.cases-webhook`: Webhook - Case Management, which sends cases to a case-management web service.
//! (Stub: the models are written in the core issue.)

use crate::connector::Connector;
use crate::model::strict_object;

strict_object! {
    /// Settings of a Webhook - Case Management connector.
    pub struct CasesWebhookConfig {}
}

strict_object! {
    /// Credentials of a Webhook - Case Management connector.
    pub struct CasesWebhookSecrets {}
}

/// The `.cases-webhook` connector type.
pub struct CasesWebhook;

impl Connector for CasesWebhook {
    type Config = CasesWebhookConfig;
    type Secrets = CasesWebhookSecrets;
}
