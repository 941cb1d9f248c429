//! `.microsoft_defender_endpoint`: Microsoft Defender for Endpoint, which runs Microsoft Defender
//! for Endpoint response actions (sub-action framework).
//!
//! Kibana: `kbn-connector-schemas/microsoft_defender_endpoint/schemas/v1.ts` and
//! `stack_connectors/server/connector_types/microsoft_defender_endpoint/index.ts`
//! (`urlAllowListValidator('oAuthServerUrl')`, then `urlAllowListValidator('apiUrl')`).

use crate::connector::url_allow_list_connector;
use crate::model::strict_object;
use crate::zod::NonEmptyString;

strict_object! {
    /// Settings of a Microsoft Defender for Endpoint connector: a Microsoft Entra application
    /// with access to the Defender for Endpoint API.
    pub struct MicrosoftDefenderEndpointConfig {
        /// The application (client) id of the Entra application.
        client_id as "clientId": NonEmptyString,
        /// The directory (tenant) id of the Entra tenant.
        tenant_id as "tenantId": NonEmptyString,
        /// The OAuth 2.0 server, e.g. `https://login.microsoftonline.com`. Kibana checks it
        /// against `xpack.actions.allowedHosts`.
        o_auth_server_url as "oAuthServerUrl": NonEmptyString,
        /// The OAuth 2.0 scope, e.g. `https://securitycenter.onmicrosoft.com/windowsatpservice/.default`.
        o_auth_scope as "oAuthScope": NonEmptyString,
        /// The Defender for Endpoint API URL, e.g. `https://api.securitycenter.microsoft.com`.
        /// Kibana checks it against `xpack.actions.allowedHosts`.
        api_url as "apiUrl": NonEmptyString,
    }
}

strict_object! {
    /// Credentials of a Microsoft Defender for Endpoint connector.
    pub struct MicrosoftDefenderEndpointSecrets {
        /// A client secret of the Entra application.
        client_secret as "clientSecret": NonEmptyString,
    }
}

url_allow_list_connector! {
    /// The `.microsoft_defender_endpoint` connector type.
    MicrosoftDefenderEndpoint: MicrosoftDefenderEndpointConfig, MicrosoftDefenderEndpointSecrets, checks ["/config/oAuthServerUrl" => o_auth_server_url.0, "/config/apiUrl" => api_url.0]
}
