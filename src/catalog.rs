//! Names that several layers talk about: Kibana's license levels, connector feature ids and the
//! auth types of spec connectors, and this crate's version. Plain data, imported by the connector
//! models, the registry, the pipeline and the schemas alike, so that none of them has to import
//! another (or the crate root) for a name.

use serde::Serialize;

/// This crate's version (the npm package's too; the schemas' OpenAPI documents carry it).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The Kibana license level a connector type needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum License {
    /// Free and open.
    Basic,
    /// Gold subscription.
    Gold,
    /// Platinum subscription.
    Platinum,
    /// Enterprise subscription.
    Enterprise,
}

impl License {
    /// Every license level, lowest first (the order `Ord` compares them in).
    pub const ALL: &'static [Self] = &[Self::Basic, Self::Gold, Self::Platinum, Self::Enterprise];

    /// The lower-case name Kibana uses.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Basic => "basic",
            Self::Gold => "gold",
            Self::Platinum => "platinum",
            Self::Enterprise => "enterprise",
        }
    }
}

/// What a connector type is for, so that people can find it among a hundred (the page groups
/// and searches by it). This project's grouping, not Kibana's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// Large language models and AI services.
    Ai,
    /// Tickets, incidents and on-call (IT service management).
    Itsm,
    /// Chat, email and notifications.
    Messaging,
    /// Threat intelligence, EDR and security operations.
    Security,
    /// Monitoring, metrics and tracing.
    Observability,
    /// Data stores, search and web data.
    Data,
    /// Documents, calendars and business applications.
    Productivity,
    /// Source control, CI and developer tools.
    Developer,
    /// Automation and orchestration.
    Automation,
    /// Everything else.
    Other,
}

impl Category {
    /// Every category, in the order the page lists them.
    pub const ALL: &'static [Self] = &[
        Self::Ai,
        Self::Itsm,
        Self::Messaging,
        Self::Security,
        Self::Observability,
        Self::Data,
        Self::Productivity,
        Self::Developer,
        Self::Automation,
        Self::Other,
    ];
}

/// Kibana's connector feature ids (`connector_feature_config.ts`).
pub mod feature {
    /// Alerting rules.
    pub const ALERTING: &str = "alerting";
    /// Cases.
    pub const CASES: &str = "cases";
    /// Uptime / synthetics.
    pub const UPTIME: &str = "uptime";
    /// Security solution.
    pub const SECURITY: &str = "siem";
    /// Workflows.
    pub const WORKFLOWS: &str = "workflows";
    /// Agent Builder tools.
    pub const AGENT_BUILDER: &str = "agentBuilder";
    /// Generative AI in the security solution.
    pub const GEN_AI_SECURITY: &str = "generativeAIForSecurity";
    /// Generative AI in observability.
    pub const GEN_AI_OBSERVABILITY: &str = "generativeAIForObservability";
    /// Generative AI in the search playground.
    pub const GEN_AI_SEARCH_PLAYGROUND: &str = "generativeAIForSearchPlayground";
    /// Endpoint security response actions.
    pub const ENDPOINT_SECURITY: &str = "endpointSecurity";
}

/// Declares [`AuthKind`] from one table: variant, id (the value of `secrets.authType`), label.
macro_rules! auth_kinds {
    ($( $(#[doc = $doc:literal])* $kind:ident = $id:literal, $label:literal; )*) => {
        /// An auth type of `kbn-connector-specs/src/auth_types/`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum AuthKind {
            $( $(#[doc = $doc])* $kind, )*
        }

        impl AuthKind {
            /// Every auth type.
            pub const ALL: &'static [Self] = &[$(Self::$kind),*];

            /// The auth type id, the value of `secrets.authType`.
            pub const fn id(self) -> &'static str {
                match self { $(Self::$kind => $id,)* }
            }

            /// Kibana's label for it (the title of its secrets schema).
            pub const fn label(self) -> &'static str {
                match self { $(Self::$kind => $label,)* }
            }
        }
    };
}

auth_kinds! {
    /// `none`: no credentials.
    None = "none", "None";
    /// `basic`: user name and password.
    Basic = "basic", "Basic authentication";
    /// `bearer`: a token sent as `Authorization: Bearer`.
    Bearer = "bearer", "Bearer token";
    /// `api_key_header`: an API key sent in a header.
    ApiKeyHeader = "api_key_header", "API key header authentication";
    /// `oauth_client_credentials`: OAuth 2.0 client credentials.
    OAuthClientCredentials = "oauth_client_credentials", "OAuth Client Credentials";
    /// `oauth_authorization_code`: OAuth 2.0 authorization code (with PKCE).
    OAuthAuthorizationCode = "oauth_authorization_code", "OAuth Authorization Code";
    /// `aws_credentials`: an AWS access key pair; requests are signed with SigV4.
    AwsCredentials = "aws_credentials", "AWS Credentials";
    /// `azure_shared_key`: an Azure storage account name and key (Shared Key signing).
    AzureSharedKey = "azure_shared_key", "Azure Shared Key";
    /// `gcp_service_account`: a GCP service account JSON key, exchanged for access tokens.
    GcpServiceAccount = "gcp_service_account", "GCP Service Account";
    /// `crt_certificate`: a TLS client certificate and key (base64 PEM).
    CrtCertificate = "crt_certificate", "SSL CRT and Key authentication";
    /// `pfx_certificate`: a TLS client certificate as a PKCS #12 bundle (base64). Kibana leaves it
    /// out of the secrets union when `xpack.actions.webhook.ssl.pfx.enabled` is false.
    PfxCertificate = "pfx_certificate", "SSL PFX authentication";
    /// `api_key_query`: credentials sent as URL query parameters, one secret per name in the
    /// spec's `defaults.paramNames` (else a single `apiKey`).
    // The labels of `api_key_query` and `api_key_header_with_tls` (translations.ts) were not
    // found in any stored version: these two are ours.
    ApiKeyQuery = "api_key_query", "API key query parameters";
    /// `api_key_header_with_tls`: a raw API key in `Authorization` (no `Bearer`), plus an optional
    /// PEM CA and TLS verification mode.
    ApiKeyHeaderWithTls = "api_key_header_with_tls", "API key header with TLS";
    /// `bearer_with_tls`: a bearer token plus an optional PEM CA and TLS verification mode.
    BearerWithTls = "bearer_with_tls", "API token";
    /// `kubernetes_gke`: a GCP service account JSON key exchanged for GKE access tokens (+ TLS).
    KubernetesGke = "kubernetes_gke", "Google Kubernetes Engine (GKE)";
    /// `kubernetes_eks`: AWS credentials that mint EKS bearer tokens for one cluster (+ TLS).
    KubernetesEks = "kubernetes_eks", "Amazon EKS";
    /// `kubernetes_aks`: a Microsoft Entra service principal for an AKS cluster (+ TLS).
    KubernetesAks = "kubernetes_aks", "Azure Kubernetes Service (AKS)";
    /// `ears`: OAuth through Elastic's EARS proxy; refused unless
    /// `xpack.actions.auth.ears.enabled`.
    Ears = "ears", "Quick Connect OAuth 2.0";
    /// `oauth_client_credentials_private_key_jwt`: OAuth 2.0 client credentials with a signed-JWT
    /// client assertion (RFC 7523) instead of a client secret.
    OAuthClientCredentialsPrivateKeyJwt = "oauth_client_credentials_private_key_jwt", "OAuth Client Credentials (Private Key JWT)";
    /// `relay`: Elastic's hosted Relay holds the third-party credentials; the connector only names
    /// the tenant it speaks for.
    // `i18n.RELAY_LABEL` was not found in any stored translations.ts: this label is ours.
    Relay = "relay", "Relay";
}

impl AuthKind {
    /// The auth type with this id.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|kind| kind.id() == id)
    }

    /// `authMode: 'per-user'` (`AUTH_MODE_BY_AUTH_TYPE_ID`): each user brings their own
    /// credentials.
    pub const fn is_per_user(self) -> bool {
        matches!(self, Self::OAuthAuthorizationCode | Self::Ears)
    }

    /// `isKibanaManaged`: Kibana sets these credentials itself; create and update refuse them.
    pub const fn is_kibana_managed(self) -> bool {
        matches!(self, Self::Relay)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auth_kinds_are_found_by_id() {
        for kind in AuthKind::ALL {
            assert_eq!(AuthKind::from_id(kind.id()), Some(*kind));
        }
        assert_eq!(AuthKind::from_id("webhook-authentication-basic"), None);
        let per_user: Vec<&str> = AuthKind::ALL
            .iter()
            .filter(|k| k.is_per_user())
            .map(|k| k.id())
            .collect();
        assert_eq!(per_user, ["oauth_authorization_code", "ears"]);
    }

    #[test]
    fn licenses_are_listed_lowest_first() {
        let mut sorted = License::ALL.to_vec();
        sorted.sort();
        assert_eq!(sorted, License::ALL);
    }
}
