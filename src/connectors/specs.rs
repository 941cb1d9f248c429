//! The spec connector types Kibana registers by default (`@kbn/connector-specs`, registered by
//! stack_connectors' `registerConnectorTypesFromSpecs` while the `connectorsFromSpecs`
//! experimental feature is on, its default since Kibana PR #245095), as data for
//! [`super::spec`]: one declaration per spec file of
//! `kbn-connector-specs/src/specs/**`, in the order of its generated `all_specs.ts`.
//!
//! Each declaration gives `metadata` (id, display name, licence, feature ids), the config
//! fields of `spec.schema` and `auth.types`. The spec's actions are not part of validation.

use super::spec::{AuthKind, AuthType, Fallback, Field, Kind, Spec, SpecDef, Unknown};
use crate::registry::License;
use crate::registry::feature::{AGENT_BUILDER, WORKFLOWS};

/// Declares spec connector types: a marker type per spec, implementing [`Spec`].
macro_rules! spec_types {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident {
            id: $id:literal,
            name: $display:literal,
            license: $license:ident,
            features: [$($feature:expr),* $(,)?],
            description: $description:literal,
            config: $unknown:ident [$($field:expr),* $(,)?],
            auth: [$($auth:expr),* $(,)?] $(,)?
        }
    )*) => {
        $(
            $(#[doc = $doc])*
            #[derive(Debug, Clone, Copy, PartialEq, Eq)]
            pub struct $name;

            impl Spec for $name {
                const DEF: SpecDef = SpecDef {
                    id: $id,
                    name: $display,
                    license: License::$license,
                    features: &[$($feature),*],
                    description: $description,
                    config: &[$($field),*],
                    unknown: Unknown::$unknown,
                    auth: &[$($auth),*],
                };
            }
        )*

        /// Every spec type declared here, in order.
        pub const ALL: &[SpecDef] = &[$($name::DEF),*];
    };
}

use AuthKind::{ApiKeyHeader, Basic, Bearer, OAuthClientCredentials};
use Kind::{Text, Url};

/// `{ type: 'api_key_header', defaults: { headerField } }`: the key sent in that header.
macro_rules! api_key_header {
    ($header:literal) => {
        AuthType::with(ApiKeyHeader, &[("headerField", Fallback::Text($header))])
    };
}

spec_types! {
    /// `.greynoise` (`specs/greynoise/greynoise.ts`, index file id 70166673756).
    GreyNoise {
        id: ".greynoise",
        name: "GreyNoise",
        license: Gold,
        features: [WORKFLOWS, AGENT_BUILDER],
        description: "Internet scanning noise detection and classification.",
        config: Strip [],
        auth: [api_key_header!("key")],
    }

    /// `.alienvault-otx` (`specs/alienvault_otx/alienvault_otx.ts` at 4eb58255).
    AlienVaultOtx {
        id: ".alienvault-otx",
        name: "AlienVault OTX",
        license: Gold,
        features: [WORKFLOWS],
        description: "Community-driven threat intelligence from Open Threat Exchange.",
        config: Strip [],
        auth: [api_key_header!("X-OTX-API-KEY")],
    }

    /// `.brave-search` (`specs/brave_search/brave_search.ts` at 195415b0).
    BraveSearch {
        id: ".brave-search",
        name: "Brave Search",
        license: Enterprise,
        features: [WORKFLOWS],
        description: "Search the web using Brave Search API for privacy-focused results.",
        config: Strip [],
        auth: [api_key_header!("X-Subscription-Token")],
    }

    /// `.github` (`specs/github/github.ts` at 034ee6a1).
    Github {
        id: ".github",
        name: "Github",
        license: Enterprise,
        features: [WORKFLOWS],
        description: "Search through repositories and issues in Github.",
        config: Strip [],
        auth: [AuthType::plain(Bearer)],
    }

    /// `.servicenow_search` (`specs/servicenow_search/servicenow_search.ts` at 01ad79c3).
    ServicenowSearch {
        id: ".servicenow_search",
        name: "ServiceNow",
        license: Enterprise,
        features: [WORKFLOWS],
        description: "Search and retrieve records from ServiceNow.",
        config: Strip [
            Field::required(
                "instanceUrl",
                Url,
                "ServiceNow instance URL (e.g., https://your-instance.service-now.com).",
            ),
        ],
        auth: [AuthType::with(OAuthClientCredentials, &[])],
    }

    /// `.shodan` (`specs/shodan/shodan.ts` at 01ad79c3).
    Shodan {
        id: ".shodan",
        name: "Shodan",
        license: Gold,
        features: [WORKFLOWS],
        description: "Internet-wide asset discovery and vulnerability scanning.",
        config: Strip [],
        auth: [api_key_header!("X-Api-Key")],
    }

    /// `.virustotal` (`specs/virustotal/virustotal.ts` at 01ad79c3).
    VirusTotal {
        id: ".virustotal",
        name: "VirusTotal",
        license: Gold,
        features: [WORKFLOWS],
        description: "File scanning, URL analysis, and threat intelligence lookups.",
        config: Strip [],
        auth: [api_key_header!("x-apikey")],
    }

    /// `.zendesk` (`specs/zendesk/zendesk.ts` at 01ad79c3).
    Zendesk {
        id: ".zendesk",
        name: "Zendesk",
        license: Enterprise,
        features: [WORKFLOWS],
        description: "Connect to Zendesk to search and retrieve tickets, users, and Help Center content.",
        config: Strip [
            Field::required(
                "subdomain",
                Text,
                "The subdomain for your Zendesk account (e.g. your-company for https://your-company.zendesk.com).",
            )
            .min(1),
        ],
        auth: [AuthType::with(Basic, &[])],
    }
}
