//! The spec connector types Kibana registers by default (`@kbn/connector-specs`, registered by
//! stack_connectors' `registerConnectorTypesFromSpecs` while the `connectorsFromSpecs`
//! experimental feature is on, its default since Kibana PR #245095), as data for
//! [`super`]: one declaration per spec file of
//! `kbn-connector-specs/src/specs/**`, in the order of its generated `all_specs.ts`.
//!
//! Each declaration gives `metadata` (id, display name, licence, feature ids), the config
//! fields of `spec.schema` and `auth.types`. The spec's actions are not part of validation.

use super::{AuthType, Fallback, Field, Kind, spec_types};
use crate::catalog::AuthKind;
use crate::catalog::feature::{AGENT_BUILDER, WORKFLOWS};

use AuthKind::{ApiKeyHeader, Basic, Bearer, OAuthClientCredentials};
use Kind::{Text, Url};

/// `{ type: 'api_key_header', defaults: { headerField } }`: the key sent in that header.
macro_rules! api_key_header {
    ($header:literal) => {
        AuthType::with(ApiKeyHeader, &[("headerField", Fallback::Text($header))])
    };
}

/// `/^\d+$/`: the New Relic account ID pattern.
fn ascii_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// `/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/`: the Azure
/// subscription ID (GUID) pattern, hex groups only (no version or variant rule).
fn guid_shape(text: &str) -> bool {
    text.len() == 36
        && text.bytes().enumerate().all(|(index, byte)| match index {
            8 | 13 | 18 | 23 => byte == b'-',
            _ => byte.is_ascii_hexdigit(),
        })
}

/// `/^[a-z0-9-]+$/i`: the Confluence Cloud subdomain pattern (letters of either case, digits,
/// hyphens).
fn bare_subdomain_chars(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// `!/^[a-z][a-z0-9+.-]*:\/\//i.test(v)`: the MySQL host refine ("without a protocol
/// prefix"). True when `text` does not start with a URL scheme and `://`; a `host:port` text or
/// an IPv6 address passes, as in Kibana.
fn no_url_scheme(text: &str) -> bool {
    let Some((first, rest)) = text.as_bytes().split_first() else {
        return true;
    };
    if !first.is_ascii_alphabetic() {
        return true;
    }
    let scheme = rest
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'.' | b'-'))
        .count();
    !rest
        .get(scheme..)
        .is_some_and(|after| after.starts_with(b"://"))
}

/// The scopes the Okta spec asks for by default (`OKTA_OAUTH_SCOPES` joined with one space).
const OKTA_SCOPES: &str = "okta.users.manage okta.groups.manage okta.logs.read";

/// The PEM-CA auth types' `verificationMode` / `caCert` come from the auth type; a spec's
/// `overrides.meta` only relabels them.
const BEARER_WITH_TLS: AuthType = AuthType::with(AuthKind::BearerWithTls, &[]);

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

    /// `.virustotal` (`specs/virustotal/virustotal.ts` at 01ad79c3; feature ids and description
    /// from the newer stored version id 51919742076, which adds `agentBuilder` and more actions).
    VirusTotal {
        id: ".virustotal",
        name: "VirusTotal",
        license: Gold,
        features: [WORKFLOWS, AGENT_BUILDER],
        description: "File scanning, URL and domain analysis, and threat intelligence lookups",
        config: Strip [],
        auth: [api_key_header!("x-apikey")],
    }

    /// `.zendesk` (`specs/zendesk/zendesk.ts` at 01ad79c3; feature ids from 6e3de658, which
    /// adds `agentBuilder` and marks it technical preview, config and auth unchanged).
    Zendesk {
        id: ".zendesk",
        name: "Zendesk",
        license: Enterprise,
        features: [WORKFLOWS, AGENT_BUILDER],
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

    /// `.box` (`specs/box/box.ts` at 01664c59).
    BoxCom {
        id: ".box",
        name: "Box",
        license: Enterprise,
        features: [WORKFLOWS, AGENT_BUILDER],
        description: "Search files and folders, read content, and query enterprise content using Box AI",
        config: Strip [
            Field::defaults(
                "serverUrl",
                Url,
                Fallback::Text("https://mcp.box.com"),
                "The URL of the remote Box MCP server.",
            ),
        ],
        auth: [AuthType::with(
            AuthKind::OAuthAuthorizationCode,
            &[
                ("authorizationUrl", Fallback::Text("https://account.box.com/api/oauth2/authorize")),
                ("tokenUrl", Fallback::Text("https://api.box.com/oauth2/token")),
                ("scope", Fallback::Text("root_readwrite ai.readwrite docgen.readwrite")),
            ],
        )],
    }

    /// `.buildkite` (`specs/buildkite/buildkite.ts` at 16642e7f).
    Buildkite {
        id: ".buildkite",
        name: "Buildkite",
        license: Enterprise,
        features: [WORKFLOWS, AGENT_BUILDER],
        description: "Trigger, observe, retry, and cancel Buildkite builds, unblock deploy gates, and post annotations",
        config: Strip [
            Field::defaults(
                "serverUrl",
                Url,
                Fallback::Text("https://mcp.buildkite.com/direct"),
                "The URL of Buildkite's hosted MCP server (API-token pass-through endpoint).",
            ),
            Field::required(
                "orgSlug",
                Text,
                "The slug of your Buildkite organization, found in the URL: buildkite.com/your-slug/. Every action in this connector runs against this organization.",
            )
            .min(1)
            .max(200),
        ],
        auth: [AuthType::with(Bearer, &[])],
    }

    /// `.dropbox` (`specs/dropbox/dropbox.ts` at 0e6f5cad).
    Dropbox {
        id: ".dropbox",
        name: "Dropbox",
        license: Enterprise,
        features: [WORKFLOWS, AGENT_BUILDER],
        description: "Search files and folders, read content, and manage shared links in Dropbox",
        config: Strip [
            Field::defaults(
                "serverUrl",
                Url,
                Fallback::Text("https://mcp.dropbox.com/mcp"),
                "The URL of the official Dropbox remote MCP server.",
            ),
        ],
        auth: [AuthType::with(
            AuthKind::OAuthAuthorizationCode,
            &[
                ("authorizationUrl", Fallback::Text("https://www.dropbox.com/oauth2/authorize")),
                ("tokenUrl", Fallback::Text("https://api.dropboxapi.com/oauth2/token")),
                (
                    "scope",
                    Fallback::Text(
                        "account_info.read files.metadata.read files.content.read sharing.read sharing.write",
                    ),
                ),
            ],
        )],
    }

    /// `.databricks` (`specs/databricks/databricks.ts` at 03967745).
    Databricks {
        id: ".databricks",
        name: "Databricks",
        license: Enterprise,
        features: [AGENT_BUILDER],
        description: "Execute SQL queries, manage jobs, clusters, and warehouses, and monitor alerts in Databricks",
        config: Strip [
            Field::required(
                "serverUrl",
                Url,
                "The Databricks SQL MCP server URL for your workspace (e.g. https://{workspace}.azuredatabricks.net/api/2.0/mcp/sql).",
            ),
        ],
        auth: [
            AuthType::with(
                AuthKind::OAuthAuthorizationCode,
                &[("scope", Fallback::Text("all-apis offline_access"))],
            ),
            AuthType::with(Bearer, &[]),
        ],
    }

    /// `.datadog` (`specs/datadog/datadog.ts` at 023dbe9a, sites from `datadog/types.ts` at 1820fd32).
    Datadog {
        id: ".datadog",
        name: "Datadog",
        license: Enterprise,
        features: [WORKFLOWS, AGENT_BUILDER],
        description: "List and mute monitors, manage downtimes and incidents, post events, and query metrics and logs in Datadog",
        config: Strip [
            Field::defaults(
                "site",
                Kind::Choice(&[
                    "datadoghq.com",
                    "us3.datadoghq.com",
                    "us5.datadoghq.com",
                    "datadoghq.eu",
                    "ap1.datadoghq.com",
                    "ap2.datadoghq.com",
                    "uk1.datadoghq.com",
                    "ddog-gov.com",
                    "us2.ddog-gov.com",
                ]),
                Fallback::Text("datadoghq.com"),
                "The Datadog site shown in your Datadog URL (for example datadoghq.com for US1, datadoghq.eu for EU1, us3.datadoghq.com for US3). Requests go to the matching api.* host.",
            ),
        ],
        // The API key goes in `username`, the application key in `password`.
        auth: [AuthType::with(Basic, &[])],
    }

    /// `.dynatrace` (`specs/dynatrace/dynatrace.ts` at 22b6abbf).
    Dynatrace {
        id: ".dynatrace",
        name: "Dynatrace",
        license: Enterprise,
        features: [WORKFLOWS, AGENT_BUILDER],
        description: "Triage Dynatrace Davis problems, ingest events, query metrics and entities, and manage maintenance windows via the Environment API v2.",
        config: Strip [
            Field::required(
                "environmentUrl",
                Url,
                "Environment API base URL, without /api/v2 (SaaS: https://your-environment-id.live.dynatrace.com).",
            ),
        ],
        // The API token is stored under `apiToken`.
        auth: [api_key_header!("apiToken")],
    }

    /// `.figma` (`specs/figma/figma.ts`, stored version id 51945706070).
    Figma {
        id: ".figma",
        name: "Figma",
        license: Enterprise,
        features: [WORKFLOWS, AGENT_BUILDER],
        description: "Browse Figma design files, inspect structure, render images, and explore team projects",
        config: Strip [],
        auth: [
            api_key_header!("X-Figma-Token"),
            AuthType::with(
                AuthKind::OAuthAuthorizationCode,
                &[
                    ("authorizationUrl", Fallback::Text("https://www.figma.com/oauth")),
                    ("tokenUrl", Fallback::Text("https://api.figma.com/v1/oauth/token")),
                    ("scope", Fallback::Text("current_user:read file_content:read projects:read")),
                ],
            ),
        ],
    }

    /// `.firecrawl` (`specs/firecrawl/firecrawl.ts`, stored version id 52040918801).
    Firecrawl {
        id: ".firecrawl",
        name: "Firecrawl",
        license: Enterprise,
        features: [WORKFLOWS, AGENT_BUILDER],
        description: "Scrape, search, map, and crawl the web via the Firecrawl API",
        config: Strip [],
        auth: [AuthType::plain(Bearer)],
    }

    /// `.grafana` (`specs/grafana/grafana.ts`, stored version id 57656867281).
    Grafana {
        id: ".grafana",
        name: "Grafana",
        license: Enterprise,
        features: [WORKFLOWS, AGENT_BUILDER],
        description: "Read Grafana-managed alerts and rules, manage silences, post dashboard annotations, and search dashboards and notification configuration.",
        config: Strip [
            Field::required(
                "baseUrl",
                Url,
                "The base URL of your Grafana instance, e.g. https://your-stack.grafana.net (Grafana Cloud) or https://grafana.example.com (self-hosted).",
            ),
            Field::optional(
                "orgId",
                Text,
                "Optional. Sent as the X-Grafana-Org-Id header on every request. Leave empty to use the token's default organization.",
            )
            .max(20),
        ],
        auth: [AuthType::with(Bearer, &[])],
    }

    /// `.graphql` (`specs/graphql/graphql.ts`, stored version id 57429185808).
    GraphQl {
        id: ".graphql",
        name: "GraphQL",
        license: Enterprise,
        features: [AGENT_BUILDER],
        description: "Run queries and mutations, and introspect schemas on any GraphQL endpoint",
        config: Strip [
            Field::required(
                "url",
                Url,
                "The URL of your GraphQL API. All queries and mutations are sent as POST requests to this URL.",
            )
            .allowed_hosts(),
        ],
        auth: [
            AuthType::with(AuthKind::None, &[]),
            AuthType::with(Basic, &[]),
            AuthType::with(Bearer, &[]),
            AuthType::with(AuthKind::OAuthAuthorizationCode, &[]),
            AuthType::with(OAuthClientCredentials, &[]),
        ],
    }

    /// `.hubspot` (`specs/hubspot/hubspot.ts`, stored version id 52294666313).
    HubSpot {
        id: ".hubspot",
        name: "HubSpot",
        license: Enterprise,
        features: [WORKFLOWS, AGENT_BUILDER],
        description: "Search contacts, companies, deals, tickets, and engagements in HubSpot CRM.",
        config: Strip [],
        auth: [
            AuthType::with(Bearer, &[]),
            AuthType::with(
                AuthKind::OAuthAuthorizationCode,
                &[
                    ("authorizationUrl", Fallback::Text("https://app.hubspot.com/oauth/authorize")),
                    ("tokenUrl", Fallback::Text("https://api.hubapi.com/oauth/v1/token")),
                    (
                        "scope",
                        Fallback::Text(
                            "crm.objects.contacts.read crm.objects.companies.read crm.objects.deals.read tickets crm.objects.owners.read sales-email-read",
                        ),
                    ),
                    ("useBasicAuth", Fallback::Flag(false)),
                ],
            ),
        ],
    }

    /// `.jenkins` (`specs/jenkins/jenkins.ts`, stored version id 58123994361).
    Jenkins {
        id: ".jenkins",
        name: "Jenkins",
        license: Enterprise,
        features: [WORKFLOWS, AGENT_BUILDER],
        description: "Trigger, monitor, and stop Jenkins builds, and manage jobs, test reports, and the build queue",
        config: Strip [
            Field::required(
                "baseUrl",
                Url,
                "The base URL of the Jenkins controller (no trailing slash needed).",
            )
            .allowed_hosts(),
        ],
        // `username` is the Jenkins account, `password` an API token of it.
        auth: [AuthType::with(Basic, &[])],
    }

    /// `.jina` (`specs/jina/jina_reader.ts` at 79bb6588).
    JinaReader {
        id: ".jina",
        name: "Jina Reader",
        license: Gold,
        features: [WORKFLOWS],
        description: "Any URL to markdown, web search for better LLM grounding",
        config: Strip [
            Field::defaults(
                "overrideBrowseUrl",
                Url,
                Fallback::Text("https://r.jina.ai"),
                "Override Jina Reader Browse URL.",
            ),
            Field::defaults(
                "overrideSearchUrl",
                Url,
                Fallback::Text("https://s.jina.ai"),
                "Override Jina Reader Search URL.",
            ),
        ],
        auth: [AuthType::with(Bearer, &[])],
    }

    /// `.monday_com` (`specs/monday_com/monday_com.ts`, stored version id 57422861798).
    MondayCom {
        id: ".monday_com",
        name: "Monday.com",
        license: Enterprise,
        features: [WORKFLOWS, AGENT_BUILDER],
        description: "Search boards, read and create items, post updates, and manage workspaces in Monday.com",
        config: Strip [
            Field::defaults(
                "serverUrl",
                Url,
                Fallback::Text("https://mcp.monday.com/mcp"),
                "The URL of the official Monday.com remote MCP server.",
            ),
        ],
        auth: [
            AuthType::with(
                AuthKind::OAuthAuthorizationCode,
                &[
                    ("authorizationUrl", Fallback::Text("https://auth.monday.com/oauth2/authorize")),
                    ("tokenUrl", Fallback::Text("https://auth.monday.com/oauth2/token")),
                    (
                        "scope",
                        Fallback::Text(
                            "me:read boards:read boards:write items:read items:write updates:read updates:write",
                        ),
                    ),
                ],
            ),
            // A personal API token.
            AuthType::with(Bearer, &[]),
        ],
    }

    /// `.notion` (`specs/notion/notion.ts`, stored version id 51800319648).
    Notion {
        id: ".notion",
        name: "Notion",
        license: Enterprise,
        features: [WORKFLOWS, AGENT_BUILDER],
        description: "Explore content and databases in Notion",
        config: Strip [],
        auth: [
            AuthType::plain(Bearer),
            AuthType::with(
                AuthKind::OAuthAuthorizationCode,
                &[
                    ("authorizationUrl", Fallback::Text("https://api.notion.com/v1/oauth/authorize")),
                    ("tokenUrl", Fallback::Text("https://api.notion.com/v1/oauth/token")),
                ],
            ),
        ],
    }

    /// `.pagerduty_mcp` (`specs/pagerduty/pagerduty.ts`, stored version id 70134045587).
    PagerDutyMcp {
        id: ".pagerduty_mcp",
        name: "PagerDuty (MCP)",
        license: Enterprise,
        features: [WORKFLOWS, AGENT_BUILDER, "contextEngine"],
        description: "Trigger, acknowledge, resolve, and update PagerDuty incidents; list services, on-call schedules, escalation policies, and users.",
        config: Strip [
            Field::defaults(
                "serverUrl",
                Url,
                Fallback::Text("https://mcp.pagerduty.com/mcp"),
                "The URL of the PagerDuty MCP server.",
            ),
        ],
        // The API key, in the format `Token token=YOUR_API_KEY`, is stored under `Authorization`.
        auth: [api_key_header!("Authorization")],
    }

    /// `.posthog` (`specs/posthog/posthog.ts`, stored version id 57851324481).
    PostHog {
        id: ".posthog",
        name: "PostHog",
        license: Enterprise,
        features: [AGENT_BUILDER],
        description: "Triage PostHog error-tracking issues, run HogQL queries, toggle feature flags, post annotations, and look up session recordings.",
        config: Strip [
            Field::required(
                "instanceHost",
                Url,
                "Your PostHog instance URL: https://us.posthog.com (US Cloud, default), https://eu.posthog.com (EU Cloud), or your self-managed instance URL.",
            ),
            Field::required(
                "projectId",
                Text,
                "The PostHog project ID that every action runs against (Project Settings, or /api/projects/).",
            )
            .max(50),
        ],
        // A personal API key.
        auth: [AuthType::with(Bearer, &[])],
    }

    /// `.prometheus_alertmanager` (`specs/prometheus_alertmanager/prometheus_alertmanager.ts`,
    /// stored version id 58197150629).
    PrometheusAlertmanager {
        id: ".prometheus_alertmanager",
        name: "Prometheus Alertmanager",
        license: Enterprise,
        features: [WORKFLOWS, AGENT_BUILDER],
        description: "Read Alertmanager alerts and alert groups, and create, list, and expire silences to mute noise",
        config: Strip [
            Field::required(
                "baseUrl",
                Url,
                "The base URL of your self-hosted Alertmanager instance, e.g. https://alertmanager.example.com. Must be reachable from Kibana.",
            )
            .allowed_hosts(),
            Field::optional(
                "prometheusUrl",
                Url,
                "Optional. The base URL of the Prometheus server associated with this Alertmanager, e.g. https://prometheus.example.com (uses the same username and password).",
            )
            .allowed_hosts(),
        ],
        auth: [AuthType::with(Basic, &[])],
    }

    /// `.prometheus` (`specs/prometheus/prometheus.ts` @ 11b6ba47): PR #282364 renamed
    /// `.prometheus_alertmanager` to it on main, added the PromQL actions and the `bearer` auth
    /// type. Both URLs are marked `validate: { allowedHosts: true }`; its `validateUrls` lists
    /// them too, which adds no create-time check of its own (see `.google_threat_intelligence`).
    Prometheus {
        id: ".prometheus",
        name: "Prometheus",
        license: Enterprise,
        features: [WORKFLOWS, AGENT_BUILDER],
        description: "Run PromQL queries against Prometheus, and read, silence, and manage Alertmanager alerts",
        config: Strip [
            Field::required(
                "baseUrl",
                Url,
                "The base URL of your self-hosted Alertmanager instance, e.g. https://alertmanager.example.com. Must be reachable from Kibana.",
            )
            .allowed_hosts(),
            Field::optional(
                "prometheusUrl",
                Url,
                "Optional. The base URL of the Prometheus server (same credentials), e.g. https://prometheus.example.com; needed for the PromQL, rules, targets, series and label actions.",
            )
            .allowed_hosts(),
        ],
        auth: [AuthType::with(Basic, &[]), AuthType::with(Bearer, &[])],
    }

    /// `.rootly` (`specs/rootly/rootly.ts`, stored version id 57582546915).
    Rootly {
        id: ".rootly",
        name: "Rootly",
        license: Enterprise,
        features: [WORKFLOWS, AGENT_BUILDER],
        description: "Declare, read, and drive Rootly incidents through their lifecycle, and triage, acknowledge, and resolve Rootly alerts.",
        config: Strip [],
        // A Rootly API key (Organization Settings > API Keys).
        auth: [AuthType::with(Bearer, &[])],
    }

    /// `.salesforce` (`specs/salesforce/salesforce.ts`, stored version id 70407526527).
    Salesforce {
        id: ".salesforce",
        name: "Salesforce",
        license: Enterprise,
        features: [WORKFLOWS, AGENT_BUILDER, "contextEngine"],
        description: "Query records, search, describe objects, and download files in Salesforce",
        config: Strip [],
        auth: [
            AuthType::with(
                AuthKind::OAuthAuthorizationCode,
                &[("scope", Fallback::Text("api refresh_token"))],
            ),
            AuthType::with(OAuthClientCredentials, &[]),
        ],
    }

    /// `.sentry` (`specs/sentry/sentry.ts`, stored version id 57679711776).
    Sentry {
        id: ".sentry",
        name: "Sentry",
        license: Enterprise,
        features: [WORKFLOWS, AGENT_BUILDER],
        description: "Triage Sentry issues: list, read, resolve, ignore, reopen, assign, and bulk-update error groups, provision issue alert rules, and correlate incidents to releases.",
        config: Strip [
            Field::required(
                "organizationSlug",
                Text,
                "The slug of your Sentry organization, found in the URL: sentry.io/organizations/your-slug/",
            )
            .min(1)
            .max(200),
            Field::optional(
                "baseUrl",
                Url,
                "Leave empty to use Sentry SaaS (https://sentry.io/api/0); set a regional domain (e.g. https://us.sentry.io/api/0) or a self-hosted instance (e.g. https://sentry.example.com/api/0).",
            ),
        ],
        // A Sentry auth token (internal integration or personal token).
        auth: [AuthType::with(Bearer, &[])],
    }

    /// `.sublime_security` (`specs/sublime_security/sublime_security.ts`, stored version id
    /// 54589029174).
    SublimeSecurity {
        id: ".sublime_security",
        name: "Sublime Security",
        license: Enterprise,
        features: [WORKFLOWS, AGENT_BUILDER],
        description: "Search flagged email, get verdicts, and quarantine, trash, or restore message groups in Sublime Security",
        config: Strip [
            Field::required(
                "baseUrl",
                Url,
                "The Sublime Platform API base URL (e.g. https://platform.sublime.security or https://eu.platform.sublime.security, or a self-hosted instance), shown under Automate > API in the Sublime dashboard.",
            )
            .max(1024)
            .allowed_hosts(),
        ],
        // A Sublime API key.
        auth: [AuthType::with(Bearer, &[])],
    }

    /// `.tavily_mcp` (`specs/tavily/tavily.ts`, stored version ids 51953722832 and 51905307800).
    TavilyMcp {
        id: ".tavily_mcp",
        name: "Tavily",
        license: Enterprise,
        features: [WORKFLOWS, AGENT_BUILDER],
        description: "Search the web and extract content from pages using Tavily",
        config: Strip [
            Field::defaults(
                "serverUrl",
                Url,
                Fallback::Text("https://mcp.tavily.com/mcp/"),
                "The URL of the Tavily MCP server.",
            ),
        ],
        // A Tavily API key.
        auth: [AuthType::plain(Bearer)],
    }

    /// `.urlvoid` (`specs/urlvoid/urlvoid.ts`, stored version id 70365270852).
    UrlVoid {
        id: ".urlvoid",
        name: "URLVoid",
        license: Gold,
        features: [WORKFLOWS, AGENT_BUILDER],
        description: "Domain and URL reputation checking via multi-engine scanning",
        config: Strip [],
        auth: [api_key_header!("X-Api-Key")],
    }

    /// `.zoom` (`specs/zoom/zoom.ts`, stored version id 51774317956).
    Zoom {
        id: ".zoom",
        name: "Zoom",
        license: Enterprise,
        features: [WORKFLOWS, AGENT_BUILDER],
        description: "Access meetings, recordings, transcripts, and participants in Zoom",
        config: Strip [],
        // A Zoom Server-to-Server OAuth access token.
        auth: [AuthType::with(Bearer, &[])],
    }

    /// `.zabbix` (`specs/zabbix/zabbix.ts`, stored version id 57880945216).
    Zabbix {
        id: ".zabbix",
        name: "Zabbix",
        license: Enterprise,
        features: [AGENT_BUILDER],
        description: "Read and triage Zabbix problems and events, manage maintenance windows, and enable or disable hosts and triggers",
        config: Strip [
            Field::required(
                "baseUrl",
                Url,
                "The base URL of your self-hosted Zabbix frontend, e.g. https://zabbix.example.com (without /api_jsonrpc.php). Must be network-reachable from Kibana.",
            )
            .allowed_hosts(),
        ],
        // A Zabbix API token (Zabbix 6.4 or later) or a session token.
        auth: [AuthType::with(Bearer, &[])],
    }

    /// `.urlscan_io` (`specs/urlscan_io/urlscan_io.ts`, stored version id 58139920554).
    UrlscanIo {
        id: ".urlscan_io",
        name: "URLScan.io",
        license: Enterprise,
        features: [WORKFLOWS, AGENT_BUILDER],
        description: "Submit URLs for scanning, read maliciousness verdicts, and search historical scans on URLScan.io",
        config: Strip [],
        // The API key goes in the `api-key` header; without one only search, screenshots and
        // quota work.
        auth: [api_key_header!("api-key"), AuthType::with(AuthKind::None, &[])],
    }

    /// `.unifi` (`specs/unifi/unifi.ts`, stored version id 58071694059).
    Unifi {
        id: ".unifi",
        name: "UniFi",
        license: Enterprise,
        features: [AGENT_BUILDER, WORKFLOWS],
        description: "List UniFi sites, devices, clients and networks, inspect Protect cameras and sensors, and restart devices",
        config: Strip [
            Field::required(
                "consoleUrl",
                Url,
                "The base URL of the UniFi console (e.g. https://192.168.1.1, without /proxy/...), or https://api.ui.com/v1/connector/consoles/your-console-id for the Site Manager Cloud Connector.",
            )
            .allowed_hosts(),
        ],
        auth: [api_key_header!("X-API-KEY")],
    }

    /// `.one_drive` (`specs/one_drive/one_drive.ts`, stored version id 54928114208).
    OneDrive {
        id: ".one_drive",
        name: "OneDrive",
        license: Enterprise,
        features: [WORKFLOWS, AGENT_BUILDER],
        description: "Search files and folders, browse drives, read file content, and list files shared with you in Microsoft OneDrive",
        config: Strip [],
        // The authorization and token URLs name your Microsoft Entra tenant
        // (https://login.microsoftonline.com/{tenant-id}/oauth2/v2.0/...).
        auth: [AuthType::with(
            AuthKind::OAuthAuthorizationCode,
            &[("scope", Fallback::Text("Files.Read.All offline_access User.Read"))],
        )],
    }

    /// `.1password` (`specs/one_password/one_password.ts` at 18bdc9b0). The spec defaults
    /// `tokenUrl`, so Kibana does not check it against the allowlist (see
    /// [`AuthType::fields`]).
    OnePassword {
        id: ".1password",
        name: "1Password",
        license: Enterprise,
        features: [WORKFLOWS],
        description: "Manage users in 1Password Enterprise Password Manager — list, get, suspend, and reactivate users",
        config: Strip [
            Field::required(
                "accountUuid",
                Text,
                "The UUID of your 1Password account.",
            )
            .min_with(1, "Account UUID is required"),
        ],
        auth: [AuthType::with(
            OAuthClientCredentials,
            &[
                ("tokenUrl", Fallback::Text("https://api.1password.com/v1beta1/users/oauth2/token")),
                ("scope", Fallback::Text("openid")),
                ("tokenEndpointAuthMethod", Fallback::Text("client_secret_basic")),
            ],
        )],
    }

    /// `.censys` (`specs/censys/censys.ts`, stored version id 54764816019). The description is
    /// ours: the spec's own text was not recorded.
    Censys {
        id: ".censys",
        name: "Censys",
        license: Gold,
        features: [WORKFLOWS, AGENT_BUILDER],
        description: "Look up hosts, certificates and web properties in Censys.",
        config: Strip [
            Field::required(
                "organizationId",
                Text,
                "The ID (a UUID) of your Censys organization.",
            )
            .uuid(Some("Organization ID must be a valid UUID")),
        ],
        auth: [AuthType::with(Bearer, &[])],
    }

    /// `.trello` (`specs/trello/trello.ts`, stored version id 61303292219; `api_key_query.ts`
    /// id 60130842589). The one stored generated `all_specs.ts` barrel (id 57931334861) does not
    /// list it; that barrel is generated from every spec under `src/specs/`, so it is older than
    /// this spec (assumed registered by default like the others).
    Trello {
        id: ".trello",
        name: "Trello",
        license: Enterprise,
        features: [WORKFLOWS, AGENT_BUILDER],
        description: "Search, read, and manage boards, lists, and cards in Trello",
        config: Strip [],
        // The API key and the API token are sent as the `key` and `token` query parameters.
        auth: [AuthType::with(
            AuthKind::ApiKeyQuery,
            &[("paramNames", Fallback::Texts(&["key", "token"]))],
        )],
    }

    /// `.misp` (`specs/misp/misp.ts`, stored version id 59529423871;
    /// `api_key_header_with_tls.ts` at 0b418562). Not in the stored `all_specs.ts` barrel (see
    /// [`Trello`]). `url` is `UISchemas.url()`: no allowed-hosts marking.
    Misp {
        id: ".misp",
        name: "MISP",
        license: Gold,
        features: [WORKFLOWS, AGENT_BUILDER],
        description: "Search MISP attributes and events, check indicators and warninglists, and write sightings back to a self-hosted MISP instance",
        config: Strip [
            Field::required(
                "url",
                Url,
                "Base URL of your MISP instance, for example https://misp.example.com or https://localhost. Do not include a trailing slash or /attributes path.",
            ),
        ],
        // The MISP automation key, sent as `Authorization: <key>`; verification mode "none" for
        // self-signed instances.
        auth: [AuthType::with(AuthKind::ApiKeyHeaderWithTls, &[])],
    }

    /// `.argocd` (`specs/argocd/argocd.ts`, stored version id 58443745408; `bearer_with_tls.ts`
    /// at 96ee6b7b).
    ArgoCd {
        id: ".argocd",
        name: "Argo CD",
        license: Enterprise,
        features: [AGENT_BUILDER],
        description: "Manage GitOps applications in Argo CD — sync, inspect health and resources",
        config: Strip [
            Field::required(
                "apiUrl",
                Url,
                "Argo CD API server URL (e.g., https://argocd.example.com).",
            )
            .allowed_hosts(),
        ],
        // A long-lived Argo CD account or project-role API token.
        auth: [BEARER_WITH_TLS],
    }

    /// `.kubernetes` (`specs/kubernetes/kubernetes.ts`, stored version id 55225090269, the one
    /// with `bearer_with_tls` and the cloud auth types; another stored version (id 59177738482)
    /// offers the older `kubernetes` auth type first and lists `workflows` too).
    Kubernetes {
        id: ".kubernetes",
        name: "Kubernetes",
        license: Enterprise,
        features: [AGENT_BUILDER],
        description: "Read and modify resources in a Kubernetes cluster via its REST API",
        config: Strip [
            Field::required(
                "apiUrl",
                Url,
                "Kubernetes API server URL (e.g., https://my-cluster.example.com:6443).",
            )
            .allowed_hosts(),
        ],
        // A service account token, or GKE / EKS / AKS cloud credentials.
        auth: [
            BEARER_WITH_TLS,
            AuthType::with(AuthKind::KubernetesGke, &[]),
            AuthType::with(AuthKind::KubernetesEks, &[]),
            AuthType::with(AuthKind::KubernetesAks, &[]),
        ],
    }

    /// `.new_relic` (`specs/new_relic/new_relic.ts`, stored version id 57635821604).
    NewRelic {
        id: ".new_relic",
        name: "New Relic",
        license: Enterprise,
        features: [WORKFLOWS, AGENT_BUILDER],
        description: "Acknowledge and resolve New Relic AI issues, read issues and incidents, manage muting rules, and run NRQL queries over NerdGraph.",
        config: Strip [
            Field::required(
                "accountId",
                Text,
                "The numeric New Relic account ID this connector operates against.",
            )
            .min(1)
            .max(20)
            .regex("^\\d+$", ascii_digits, Some("Must be a numeric New Relic account ID.")),
            Field::defaults(
                "region",
                Kind::Choice(&["us", "eu", "jp"]),
                Fallback::Text("us"),
                "The data center hosting your New Relic account: US (default), EU, or JP.",
            ),
        ],
        // A New Relic User API key (NRAK-…), in the `API-Key` header.
        auth: [api_key_header!("API-Key")],
    }

    /// `.sharepoint-server` (`specs/sharepoint_server/sharepoint_server.ts`, stored versions id
    /// 51828183940 and 52366428689, the ones with the `siteUrl` transform).
    SharepointServer {
        id: ".sharepoint-server",
        name: "SharePoint Server",
        license: Enterprise,
        features: [WORKFLOWS, AGENT_BUILDER],
        description: "Connect to SharePoint Server (on-premises) to search and retrieve site content.",
        config: Strip [
            Field::required("siteUrl", Url, "SharePoint Server site URL.").strip_trailing_slashes(),
        ],
        auth: [AuthType::plain(Basic)],
    }

    /// `.snowflake` (`specs/snowflake/snowflake.ts`, stored version id 51982759544, the Cortex
    /// Search one).
    Snowflake {
        id: ".snowflake",
        name: "Snowflake",
        license: Enterprise,
        features: [WORKFLOWS, AGENT_BUILDER],
        description: "Run SQL, discover databases, schemas, tables, and views, and run semantic searches through Cortex Search in Snowflake",
        config: Strip [
            Field::required(
                "accountUrl",
                Url,
                "The base URL for your Snowflake account (e.g. https://myorg-myaccount.snowflakecomputing.com).",
            )
            .strip_trailing_slashes(),
            Field::optional("warehouse", Text, "Default warehouse to use when executing statements. Case-sensitive. Can be overridden per request."),
            Field::optional("database", Text, "Default database to use when executing statements. Case-sensitive. Can be overridden per request."),
            Field::optional("defaultSchema", Text, "Default schema to use when executing statements. Case-sensitive. Can be overridden per request."),
            Field::optional("role", Text, "Default role to use when executing statements. Case-sensitive. Can be overridden per request."),
        ],
        // A programmatic access token (PAT) or OAuth token; or Snowflake OAuth
        // (https://<account>.snowflakecomputing.com/oauth/authorize and /oauth/token-request).
        auth: [
            AuthType::with(Bearer, &[]),
            AuthType::with(AuthKind::OAuthAuthorizationCode, &[]),
        ],
    }

    /// `.ansible_controller` (`specs/ansible_controller/ansible_controller.ts` at 45f0ee12).
    AnsibleController {
        id: ".ansible_controller",
        name: "Ansible Control Server",
        license: Enterprise,
        features: [AGENT_BUILDER],
        description: "Launch and monitor Ansible Automation Controller / AWX jobs — templates, inventories, stdout, and remediation runs",
        config: Strip [
            Field::required(
                "apiUrl",
                Url,
                "Ansible Controller / AWX base URL (e.g., https://controller.example.com).",
            )
            .allowed_hosts(),
            Field::defaults(
                "apiBasePath",
                Kind::Choice(&["/api/v2", "/api/controller/v2"]),
                Fallback::Text("/api/v2"),
                "API root path. Use /api/v2 for AWX / Tower / AAP ≤2.4; use /api/controller/v2 for AAP 2.5+ platform gateway.",
            ),
        ],
        // A long-lived personal access token or OAuth2 token.
        auth: [BEARER_WITH_TLS],
    }

    /// `.opensearch_aws_opensearch_service`
    /// (`specs/opensearch_aws_opensearch_service/opensearch_aws_opensearch_service.ts`, stored
    /// version id 57671768111). Not in the stored `all_specs.ts` barrel (see [`Trello`]).
    /// `endpoint` is `UISchemas.url()`: no allowed-hosts marking.
    OpenSearchAws {
        id: ".opensearch_aws_opensearch_service",
        name: "OpenSearch (AWS OpenSearch Service)",
        license: Enterprise,
        features: [AGENT_BUILDER],
        description: "Acknowledge and search alerts, manage monitors, retrieve Security Analytics findings, and search and index documents in OpenSearch",
        config: Strip [
            Field::required(
                "endpoint",
                Url,
                "The domain or cluster endpoint URL. For AWS OpenSearch Service, use the auto-generated domain endpoint (e.g. https://search-my-domain-abc123.us-east-1.es.amazonaws.com); for a self-managed cluster, its full URL, e.g. https://opensearch.example.com:9200.",
            ),
        ],
        // AWS access keys (Amazon OpenSearch Service), or a user name and password
        // (self-managed cluster).
        auth: [
            AuthType::with(AuthKind::AwsCredentials, &[]),
            AuthType::with(Basic, &[]),
        ],
    }

    /// `.azure_monitor` (`specs/azure_monitor/azure_monitor.ts`, stored version id 57777543071).
    AzureMonitor {
        id: ".azure_monitor",
        name: "Azure Monitor",
        license: Enterprise,
        features: [AGENT_BUILDER],
        description: "List and triage Azure Monitor alerts, query metrics and logs, and control alert rules",
        config: Strip [
            Field::required(
                "subscriptionId",
                Text,
                "The Azure subscription that every action in this connector operates against.",
            )
            .min(1)
            .max(100)
            .regex(
                "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
                guid_shape,
                Some("Must be a valid Azure subscription ID (GUID)."),
            ),
        ],
        // The token URL names your tenant
        // (https://login.microsoftonline.com/{tenant-id}/oauth2/v2.0/token).
        auth: [AuthType::with(
            OAuthClientCredentials,
            &[("scope", Fallback::Text("https://management.azure.com/.default"))],
        )],
    }

    /// `.workday` (`specs/workday/workday.ts`, stored version id 57674604885). Three stored
    /// versions disagree; this one is what Kibana PR #275226 ("Workday connector", merged; its
    /// docs review of 2026-07-24 describes "workers, org structure, time off, recruiting, and
    /// holidays" and OAuth authorization code *or* client credentials) ships: API paths per
    /// Workday module (`common/v1`, `recruiting/v4`, `absenceManagement/v5`), a `whoAmI` action,
    /// features `[agentBuilder]`, `tenantUrl` marked `validate: { allowedHosts: true }`; its test
    /// (id 57665268475) asserts the module paths, `whoAmI` and `agentBuilder`. Id 55922483074 (authorization code only, a
    /// long default scope) and id 54628788624 (commit 03e01e48: learning, expenses, projects,
    /// procurement actions on `/ccx/api/v1/`, no allowed-hosts marking, its docs without a
    /// version) are earlier states, most likely of the closed PR #271285 and of #275226's
    /// branch; the commit dates could not be read, so "newest" rests on the PR's final docs.
    Workday {
        id: ".workday",
        name: "Workday",
        license: Enterprise,
        features: [AGENT_BUILDER],
        description: "Search workers, browse org charts, retrieve time off, and explore recruiting in Workday",
        config: Strip [
            Field::required(
                "tenantUrl",
                Url,
                "Base URL of your Workday tenant, e.g. https://mycompany.workday.com. Used to construct API endpoint URLs in the form https://<tenant>.workday.com/ccx/api/<module>/<version>/<tenantName>/...",
            )
            .allowed_hosts(),
            Field::required(
                "tenantName",
                Text,
                "Your Workday tenant name (the identifier that appears in the API path). Example: if your tenant URL is https://mycompany.workday.com, your tenant name is \"mycompany\".",
            ),
        ],
        // The endpoints name the tenant
        // (https://wd2-impl-services1.workday.com/ccx/oauth2/<tenant>/authorize and /token); the
        // scope stays empty: Workday grants the scopes registered with the API client.
        auth: [
            AuthType::with(
                AuthKind::OAuthAuthorizationCode,
                &[("scope", Fallback::Text("")), ("useBasicAuth", Fallback::Flag(false))],
            ),
            AuthType::with(OAuthClientCredentials, &[("scope", Fallback::Text(""))]),
        ],
    }

    /// `.confluence-cloud` (`specs/atlassian/confluence_cloud/confluence.ts`, stored version id
    /// 52034741702; id 51861544503 has the same schema and auth). The REST API v2 version with
    /// basic auth (account email + API token) is what main runs: the stored MCP version (id
    /// 63129624838: OAuth authorization code only, a hidden `serverUrl` defaulting to
    /// https://mcp.atlassian.com/v1/sse) is Kibana PR #279940, closed without merging (as its
    /// Jira twin #279876, "blocked until Atlassian supports modern MCP protocol"), and the
    /// connector's docs page (confluence-cloud-action-type.md at bb80d39a) describes basic
    /// authentication and a subdomain. The subdomain is `z.string().trim().min(1).regex(
    /// /^[a-z0-9-]+$/i, …)`: the pattern below is its flag-free equivalent.
    ConfluenceCloud {
        id: ".confluence-cloud",
        name: "Confluence Cloud",
        license: Enterprise,
        features: [WORKFLOWS, AGENT_BUILDER],
        description: "Connect to Confluence Cloud to search and retrieve pages and spaces.",
        config: Strip [
            Field::required(
                "subdomain",
                Text,
                "The subdomain for your Confluence Cloud site (for example, your-domain for https://your-domain.atlassian.net).",
            )
            .trim()
            .min(1)
            .regex(
                "^[a-zA-Z0-9-]+$",
                bare_subdomain_chars,
                Some("Subdomain may only contain letters, numbers, and hyphens (for example, your-domain)"),
            ),
        ],
        // `username` is the Atlassian account email, `password` an API token.
        auth: [AuthType::with(Basic, &[])],
    }

    /// `.abuseipdb` (`specs/abuseipdb/abuseipdb.ts`, stored version id 58056866579, listed in
    /// the generated barrel id 57931334861). No config schema; the API key is sent in the `Key`
    /// header. Open PR #291538 would load it from a YAML catalog instead; on main it is a
    /// TypeScript spec, registered by default.
    AbuseIpDb {
        id: ".abuseipdb",
        name: "AbuseIPDB",
        license: Gold,
        features: [WORKFLOWS, AGENT_BUILDER],
        description: "IP reputation checking and abuse reporting",
        config: Strip [],
        auth: [api_key_header!("Key")],
    }

    /// `.google_threat_intelligence`
    /// (`specs/google_threat_intelligence/google_threat_intelligence.ts` @ 6776f93d, PR #285533).
    /// `baseUrl` is `UISchemas.url(placeholder).max(2048).optional()` with
    /// `validate: { allowedHosts: true }` (absent: the connector calls
    /// https://www.virustotal.com, nothing is stored). The spec also sets
    /// `validateUrls: { fields: ['baseUrl'] }`: the only reader of `validateUrls` found in
    /// Kibana's sources is the execution-manifest fingerprint of `kbn-connector-specs`; the
    /// create and update check is the field's `allowedHosts` marking
    /// (`allowed_hosts_validation.ts`, called by `generate_config_schema.ts`), so `validateUrls`
    /// adds no check of its own here (research notes of issue 14, §1.4).
    GoogleThreatIntelligence {
        id: ".google_threat_intelligence",
        name: "Google Threat Intelligence",
        license: Enterprise,
        features: [AGENT_BUILDER, WORKFLOWS],
        description: "Search GTI threat collections and IOC streams, enrich IP, domain, URL, and file indicators, and scan URLs",
        config: Strip [
            Field::optional(
                "baseUrl",
                Url,
                "The Google Threat Intelligence API origin. Leave it out to use https://www.virustotal.com; set it only for a compatible GTI API proxy.",
            )
            .max(2048)
            .allowed_hosts(),
        ],
        auth: [api_key_header!("x-apikey")],
    }

    /// `.mongodb` (`specs/mongodb/mongodb.ts`, stored version id 58140008891; PR #279607). `uri`
    /// is a plain string (no URL parse, no allowed-hosts marking): the `mongodb` client type
    /// checks `xpack.actions.allowedHosts` only when it connects. The connection-string-as-secret
    /// design of earlier stored versions (a `mongodb_connection_string` auth type) was not merged.
    MongoDb {
        id: ".mongodb",
        name: "MongoDB",
        license: Enterprise,
        features: [AGENT_BUILDER],
        description: "Query and write to MongoDB collections using find, aggregate, count, and listCollections, plus insertOne, updateOne, and deleteOne for workflows.",
        config: Strip [
            Field::required(
                "uri",
                Text,
                "The MongoDB connection URI (mongodb:// or mongodb+srv://) without credentials; its path names the default database.",
            )
            .min(1)
            .max(2048),
        ],
        // The user name and password, kept out of the URI.
        auth: [AuthType::plain(Basic)],
    }

    /// `.mysql` (`specs/mysql/mysql.ts`, stored version id 58419814130; PR #276543). The host
    /// refine is the only host check at create: the `mysql` client checks
    /// `xpack.actions.allowedHosts` before its first connection.
    MySql {
        id: ".mysql",
        name: "MySQL",
        license: Enterprise,
        features: [AGENT_BUILDER],
        description: "Query tables, search rows, explore schema, and execute SQL in a MySQL database",
        config: Strip [
            Field::required(
                "host",
                Text,
                "The MySQL server's host name or IP address, without a protocol prefix.",
            )
            .min(1)
            .max(253)
            .refine(
                "^(?![A-Za-z][A-Za-z0-9+.-]*://)",
                no_url_scheme,
                "Host must be a hostname or IP address, without a protocol prefix",
            ),
            Field::defaults("port", Kind::Number, Fallback::Number(3306.0), "The MySQL server's port.")
                .int()
                .at_least(1.0)
                .at_most(65535.0),
            Field::required("database", Text, "The database to connect to.")
                .min(1)
                .max(64),
            Field::defaults(
                "ssl",
                Kind::Choice(&["required", "disabled"]),
                Fallback::Text("required"),
                "Whether the connection uses TLS: required (the default) or disabled.",
            ),
        ],
        auth: [AuthType::plain(Basic)],
    }

    /// `.okta` (`specs/okta/okta.ts` @ 01c47902, PR #283353). `orgUrl` is `UISchemas.url()`
    /// with no allowed-hosts marking. The recommended auth type is the private-key JWT client
    /// assertion with the spec's defaults (RS256, `kid` binding, the three Okta scopes); its
    /// `tokenUrl` is not defaulted, so Kibana checks it against the allowed hosts. The fallback is
    /// an SSWS API token, stored under `apiToken` (the connector adds `SSWS `).
    Okta {
        id: ".okta",
        name: "Okta",
        license: Enterprise,
        features: [AGENT_BUILDER, WORKFLOWS],
        description: "Contain compromised Okta identities - suspend users, revoke sessions, reset MFA, manage group membership, and query System Log events",
        config: Strip [
            Field::required(
                "orgUrl",
                Url,
                "The Okta organization URL, e.g. https://your-okta-domain.okta.com (a custom domain works; without /api/v1).",
            ),
        ],
        auth: [
            AuthType::with(
                AuthKind::OAuthClientCredentialsPrivateKeyJwt,
                &[
                    ("algorithm", Fallback::Text("RS256")),
                    ("certificateBinding", Fallback::Text("kid")),
                    ("scope", Fallback::Text(OKTA_SCOPES)),
                ],
            ),
            api_key_header!("apiToken"),
        ],
    }
}

/// Spec types that need the signing / service-account auth types and the string patterns of
/// [`super`] (declared apart from the first block so that both can grow at once).
pub mod signed {
    #[allow(clippy::wildcard_imports)]
    use super::*;

    /// `/^[a-z0-9-]+$/`: the AWS region pattern of the X-Ray and CloudWatch specs.
    fn aws_region_chars(text: &str) -> bool {
        !text.is_empty()
            && text
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    }

    const AWS: AuthType = AuthType::plain(AuthKind::AwsCredentials);
    const GCP: AuthType = AuthType::plain(AuthKind::GcpServiceAccount);

    /// `/^[A-Za-z0-9-]+$/`: the GCP project pattern of the Cloud Monitoring spec.
    fn gcp_project_chars(text: &str) -> bool {
        !text.is_empty() && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    }

    /// `{ type: 'ears', defaults }`: refused while `xpack.actions.auth.ears.enabled` is off.
    const fn ears(defaults: &'static [(&'static str, Fallback)]) -> AuthType {
        AuthType::with(AuthKind::Ears, defaults)
    }

    const GOOGLE_AUTHORIZE: &str = "https://accounts.google.com/o/oauth2/v2/auth";
    const GOOGLE_TOKEN: &str = "https://oauth2.googleapis.com/token";
    const DRIVE_SCOPE: &str = "https://www.googleapis.com/auth/drive.readonly https://www.googleapis.com/auth/drive.metadata.readonly";
    const DOCS_SCOPE: &str =
        "https://www.googleapis.com/auth/drive.readonly https://www.googleapis.com/auth/documents";
    const GRAPH_DEFAULT_SCOPE: &str = "https://graph.microsoft.com/.default";
    const SHAREPOINT_SCOPE: &str = "Sites.Selected Files.Read.All offline_access";
    const TEAMS_SCOPE: &str = "Team.ReadBasic.All Channel.ReadBasic.All Chat.Read ChannelMessage.Read.All offline_access ChannelMessage.Send Chat.ReadWrite";
    const SLACK_SCOPE: &str = "channels:manage channels:read channels:history chat:write files:read files:write groups:read groups:history groups:write im:read im:history mpim:read mpim:history reactions:write search:read.files search:read.im search:read.mpim search:read.private search:read.public users:read users:read.email";

    spec_types! {
        /// `.aws_lambda` (`specs/aws_lambda/aws_lambda.ts` at 1079fa7d).
        AwsLambda {
            id: ".aws_lambda",
            name: "AWS Lambda",
            license: Gold,
            features: [WORKFLOWS, AGENT_BUILDER],
            description: "Invoke AWS Lambda functions, list available functions, and get function details.",
            config: Strip [
                Field::required("region", Text, "AWS Region (e.g., us-east-1, eu-west-1).").min(1),
            ],
            auth: [AWS],
        }

        /// `.amazon_s3` (`specs/amazon_s3/amazon_s3.ts`, stored version with `lazySchema`).
        AmazonS3 {
            id: ".amazon_s3",
            name: "Amazon S3",
            license: Enterprise,
            features: [WORKFLOWS, AGENT_BUILDER],
            description: "List buckets and download files from Amazon S3.",
            config: Strip [
                Field::required(
                    "region",
                    Text,
                    "The AWS Region where your S3 buckets are located (for example, us-east-1).",
                )
                .min(1),
            ],
            auth: [AWS],
        }

        /// `.aws_x_ray` (`specs/aws_x_ray/aws_x_ray.ts`, stored version).
        AwsXRay {
            id: ".aws_x_ray",
            name: "AWS X-Ray",
            license: Gold,
            features: [AGENT_BUILDER],
            description: "Retrieve insights, service graphs, and trace summaries and details from AWS X-Ray.",
            config: Strip [
                Field::required("region", Text, "AWS Region (e.g., us-east-1, eu-west-1).")
                    .min(1)
                    .max(30)
                    .regex(
                        "^[a-z0-9-]+$",
                        aws_region_chars,
                        Some("Must be a valid AWS region identifier, e.g. us-east-1."),
                    ),
            ],
            auth: [AWS],
        }

        /// `.aws_cloudwatch` (`specs/aws_cloudwatch/aws_cloudwatch.ts`, stored version).
        AwsCloudwatch {
            id: ".aws_cloudwatch",
            name: "AWS CloudWatch",
            license: Enterprise,
            features: [AGENT_BUILDER],
            description: "List and suppress alarms, query metrics and Logs Insights, and retrieve log events in AWS CloudWatch.",
            config: Strip [
                Field::required(
                    "region",
                    Text,
                    "The AWS Region where your CloudWatch alarms, metrics, and log groups are located (for example, us-east-1).",
                )
                .min(1)
                .max(64)
                .regex(
                    "^[a-z0-9-]+$",
                    aws_region_chars,
                    Some("Must be a valid AWS region name, e.g. \"us-east-1\"."),
                ),
            ],
            auth: [AWS],
        }

        /// `.azure-blob` (`specs/azure_blob/azure_blob.ts` at 069c76e6).
        AzureBlob {
            id: ".azure-blob",
            name: "Azure Blob Storage",
            license: Enterprise,
            features: [WORKFLOWS, AGENT_BUILDER],
            description: "Connect to Azure Blob Storage to list containers and blobs, and retrieve blob content.",
            config: Strip [
                Field::required(
                    "accountUrl",
                    Text,
                    "The blob service endpoint, for example https://myaccount.blob.core.windows.net.",
                )
                .min(1),
            ],
            auth: [AuthType::plain(AuthKind::AzureSharedKey)],
        }

        /// `.gcp_cloud_functions` (`specs/gcp_cloud_functions/gcp_cloud_functions.ts`, stored version).
        GcpCloudFunctions {
            id: ".gcp_cloud_functions",
            name: "GCP Cloud Functions",
            license: Gold,
            features: [WORKFLOWS, AGENT_BUILDER],
            description: "Invoke GCP Cloud Functions, list available functions, and get function details.",
            config: Strip [
                Field::required("projectId", Text, "GCP Project ID.").min(1),
                Field::required("region", Text, "GCP Region (e.g., us-central1, europe-west1).").min(1),
            ],
            auth: [GCP],
        }

        /// `.gcp_iam` (`specs/gcp_iam/gcp_iam.ts`, stored version).
        GcpIam {
            id: ".gcp_iam",
            name: "Google Cloud IAM",
            license: Enterprise,
            features: [WORKFLOWS, AGENT_BUILDER],
            description: "Disable service accounts, revoke leaked keys, and grant or revoke IAM role bindings in Google Cloud IAM.",
            config: Strip [
                Field::optional(
                    "defaultProjectId",
                    Text,
                    "Optional. The project used when an action does not specify one, for example my-project-123.",
                )
                .max(30),
            ],
            auth: [GCP],
        }

        /// `.gmail` (`specs/gmail/gmail.ts`, stored version id 58125479230: the write-action
        /// version with `ears` first and `bearer` marked `isLegacy`, which stays in the union).
        Gmail {
            id: ".gmail",
            name: "Gmail",
            license: Enterprise,
            features: [WORKFLOWS, AGENT_BUILDER, "contextEngine"],
            description: "Search, read, label, and send emails in Gmail",
            config: Strip [],
            auth: [
                ears(
                    &[
                        ("provider", Fallback::Text("google")),
                        ("scope", Fallback::Text("https://www.googleapis.com/auth/gmail.readonly")),
                    ],
                ),
                AuthType::with(
                    AuthKind::OAuthAuthorizationCode,
                    &[
                        ("authorizationUrl", Fallback::Text(GOOGLE_AUTHORIZE)),
                        ("tokenUrl", Fallback::Text(GOOGLE_TOKEN)),
                        ("scope", Fallback::Text("https://www.googleapis.com/auth/gmail.modify")),
                    ],
                ),
                AuthType::with(Bearer, &[]),
            ],
        }

        /// `.google_drive` (`specs/google_drive/google_drive.ts`, stored version id 54510379058).
        GoogleDrive {
            id: ".google_drive",
            name: "Google Drive",
            license: Enterprise,
            features: [WORKFLOWS, AGENT_BUILDER],
            description: "Search and access files and folders in Google Drive",
            config: Strip [],
            auth: [
                AuthType::plain(Bearer),
                AuthType::with(
                    AuthKind::OAuthAuthorizationCode,
                    &[
                        ("authorizationUrl", Fallback::Text(GOOGLE_AUTHORIZE)),
                        ("tokenUrl", Fallback::Text(GOOGLE_TOKEN)),
                        ("scope", Fallback::Text(DRIVE_SCOPE)),
                    ],
                ),
                ears(&[
                    ("provider", Fallback::Text("google")),
                    ("scope", Fallback::Text(DRIVE_SCOPE)),
                ]),
            ],
        }

        /// `.google_docs` (`specs/google_docs/google_docs.ts` @ 2e511086, PR #285260): OAuth
        /// authorization code only (its `ears` entry is commented out until EARS supports
        /// write scopes); `workflows` is to come in a follow-up PR ("two-step release").
        GoogleDocs {
            id: ".google_docs",
            name: "Google Docs",
            license: Enterprise,
            features: [AGENT_BUILDER],
            description: "Read and update documents in Google Docs",
            config: Strip [],
            auth: [AuthType::with(
                AuthKind::OAuthAuthorizationCode,
                &[
                    ("authorizationUrl", Fallback::Text(GOOGLE_AUTHORIZE)),
                    ("tokenUrl", Fallback::Text(GOOGLE_TOKEN)),
                    ("scope", Fallback::Text(DOCS_SCOPE)),
                ],
            )],
        }

        /// `.google_calendar` (`specs/google_calendar/google_calendar.ts`, stored version id
        /// 51781023089).
        GoogleCalendar {
            id: ".google_calendar",
            name: "Google Calendar",
            license: Enterprise,
            features: [WORKFLOWS, AGENT_BUILDER],
            description: "Search and access events and calendars in Google Calendar",
            config: Strip [],
            auth: [
                AuthType::plain(Bearer),
                AuthType::with(
                    AuthKind::OAuthAuthorizationCode,
                    &[
                        ("authorizationUrl", Fallback::Text(GOOGLE_AUTHORIZE)),
                        ("tokenUrl", Fallback::Text(GOOGLE_TOKEN)),
                        ("scope", Fallback::Text("https://www.googleapis.com/auth/calendar.readonly")),
                    ],
                ),
            ],
        }

        /// `.outlook` (`specs/outlook/outlook.ts`, stored version id 52258220146: delegated
        /// OAuth authorization code only; another stored version, id 55805404966, offers
        /// `bearer` and `oauth_client_credentials` instead — which is newer is unconfirmed).
        Outlook {
            id: ".outlook",
            name: "Outlook",
            license: Enterprise,
            features: [WORKFLOWS, AGENT_BUILDER],
            description: "Search emails, list folders, and read messages and attachments in Outlook",
            config: Strip [],
            auth: [AuthType::with(
                AuthKind::OAuthAuthorizationCode,
                &[("scope", Fallback::Text("https://graph.microsoft.com/Mail.Read offline_access"))],
            )],
        }

        /// `.sharepoint-online` (`specs/sharepoint_online/sharepoint_online.ts`, stored version
        /// id 52045533462). The client-credentials token URL is not defaulted, so Kibana checks it
        /// against the allowed hosts.
        SharepointOnline {
            id: ".sharepoint-online",
            name: "SharePoint Online",
            license: Enterprise,
            features: [WORKFLOWS, AGENT_BUILDER],
            description: "Search content, browse sites and document libraries, and download files from SharePoint Online",
            config: Strip [],
            auth: [
                AuthType::with(
                    OAuthClientCredentials,
                    &[("scope", Fallback::Text(GRAPH_DEFAULT_SCOPE))],
                ),
                AuthType::with(
                    AuthKind::OAuthAuthorizationCode,
                    &[("scope", Fallback::Text(SHAREPOINT_SCOPE))],
                ),
                ears(&[
                    ("provider", Fallback::Text("microsoft")),
                    ("scope", Fallback::Text(SHAREPOINT_SCOPE)),
                ]),
            ],
        }

        /// `.microsoft-teams` (`specs/microsoft_teams/microsoft_teams.ts`, stored version id
        /// 58460780832). `bearer` is marked `isLegacy` (hidden in the form) and stays in the union.
        MicrosoftTeams {
            id: ".microsoft-teams",
            name: "Microsoft Teams (v2)",
            license: Enterprise,
            features: [WORKFLOWS, AGENT_BUILDER, "contextEngine"],
            description: "Send messages to channels and chats, search conversations, and list teams, channels, and chats in Microsoft Teams",
            config: Strip [],
            auth: [
                ears(&[
                    ("provider", Fallback::Text("microsoft")),
                    ("scope", Fallback::Text(TEAMS_SCOPE)),
                ]),
                AuthType::with(
                    AuthKind::OAuthAuthorizationCode,
                    &[("scope", Fallback::Text(TEAMS_SCOPE))],
                ),
                AuthType::with(
                    OAuthClientCredentials,
                    &[("scope", Fallback::Text(GRAPH_DEFAULT_SCOPE))],
                ),
                AuthType::with(
                    AuthKind::OAuthClientCredentialsPrivateKeyJwt,
                    &[
                        ("scope", Fallback::Text(GRAPH_DEFAULT_SCOPE)),
                        ("algorithm", Fallback::Text("PS256")),
                        ("certificateBinding", Fallback::Text("x5t#S256")),
                    ],
                ),
                AuthType::with(Bearer, &[]),
            ],
        }

        /// `.slack2` (`specs/slack/slack.ts`, stored version id 70229172129). The
        /// `oauth_authorization_code` defaults `scopeParamName`, `accessTokenPath` and `tokenType`
        /// name no field of the auth type's schema and are left out. `relay` is declared
        /// `isInternal` in `auth_types/relay.ts`; whether that keeps it out of the secrets union
        /// could not be confirmed: it is kept, as `generateSecretsSchemaFromSpec` lists every type.
        Slack2 {
            id: ".slack2",
            name: "Slack (v2)",
            license: Enterprise,
            features: [WORKFLOWS, AGENT_BUILDER, "contextEngine"],
            description: "Send messages and Block Kit cards, update and react to messages, upload files, list channels and users, read conversation history and thread replies, search messages, and look up users by email in Slack",
            config: Strip [],
            auth: [
                ears(&[
                    ("provider", Fallback::Text("slack")),
                    ("scope", Fallback::Text(SLACK_SCOPE)),
                ]),
                AuthType::with(
                    AuthKind::OAuthAuthorizationCode,
                    &[
                        ("authorizationUrl", Fallback::Text("https://slack.com/oauth/v2/authorize")),
                        ("tokenUrl", Fallback::Text("https://slack.com/api/oauth.v2.access")),
                        ("scope", Fallback::Text(SLACK_SCOPE)),
                    ],
                ),
                AuthType::with(Bearer, &[]),
                AuthType::with(AuthKind::Relay, &[]),
            ],
        }

        /// `.jira-cloud` (`specs/atlassian/jira-cloud/jira.ts`, stored version id 58052626884:
        /// the REST version with write actions; a stored MCP version, id 63241993991, has a
        /// `serverUrl` config and OAuth only — which is newer is unconfirmed).
        JiraCloud {
            id: ".jira-cloud",
            name: "Jira Cloud",
            license: Enterprise,
            features: [WORKFLOWS, AGENT_BUILDER, "contextEngine"],
            description: "Search, create, and manage issues, projects, and users in Jira Cloud",
            config: Strip [
                Field::required(
                    "subdomain",
                    Text,
                    "The subdomain for your Jira Cloud site (e.g. your-domain for https://your-domain.atlassian.net).",
                )
                .min(1),
                Field::optional(
                    "cloudId",
                    Text,
                    "Atlassian cloud ID, required for OAuth: the cloudId of https://your-subdomain.atlassian.net/_edge/tenant_info.",
                ),
            ],
            auth: [
                AuthType::with(
                    AuthKind::OAuthAuthorizationCode,
                    &[
                        ("authorizationUrl", Fallback::Text("https://auth.atlassian.com/authorize")),
                        ("tokenUrl", Fallback::Text("https://auth.atlassian.com/oauth/token")),
                        (
                            "scope",
                            Fallback::Text("read:jira-work read:jira-user write:jira-work offline_access"),
                        ),
                    ],
                ),
                AuthType::with(Basic, &[]),
            ],
        }

        /// `.bigquery` (`specs/bigquery/bigquery.ts`, stored version id 54582415793).
        BigQuery {
            id: ".bigquery",
            name: "BigQuery",
            license: Enterprise,
            features: [WORKFLOWS, AGENT_BUILDER],
            description: "Run GoogleSQL queries and retrieve results from Google BigQuery",
            config: Strip [
                Field::required(
                    "projectId",
                    Text,
                    "Default Google Cloud project ID for BigQuery jobs, such as \"elastic-edm-prod\".",
                )
                .min(1),
                Field::defaults(
                    "location",
                    Text,
                    Fallback::Text("US"),
                    "Default BigQuery processing location, such as \"US\", \"EU\", \"us-central1\", or \"europe-west1\".",
                ),
                Field::optional(
                    "maximumBytesBilled",
                    Text,
                    "Optional maximum bytes billed for each query, as an integer string. BigQuery rejects queries that exceed this limit.",
                ),
            ],
            auth: [GCP],
        }

        /// `.google_cloud_monitoring` (`specs/google_cloud_monitoring/google_cloud_monitoring.ts`,
        /// stored version id 57754888867).
        GoogleCloudMonitoring {
            id: ".google_cloud_monitoring",
            name: "Google Cloud Monitoring",
            license: Enterprise,
            features: [AGENT_BUILDER],
            description: "Find, mute, and snooze GCP alerting policies, and enrich alerts with metric, uptime, and SLO data",
            config: Strip [
                Field::required(
                    "projectId",
                    Text,
                    "Default GCP project ID whose alerting policies, snoozes, and metrics this connector manages.",
                )
                .min(1)
                .max(63)
                .regex(
                    "^[A-Za-z0-9-]+$",
                    gcp_project_chars,
                    Some("Must be a valid GCP project ID or project number."),
                ),
            ],
            auth: [GCP],
        }

        /// `.google_cloud_storage` (`specs/google_cloud_storage/google_cloud_storage.ts`, stored
        /// version id 51934858144: bearer or OAuth, no service account).
        GoogleCloudStorage {
            id: ".google_cloud_storage",
            name: "Google Cloud Storage",
            license: Enterprise,
            features: [WORKFLOWS, AGENT_BUILDER],
            description: "Search and access files in Google Cloud Storage buckets",
            config: Strip [],
            auth: [
                AuthType::plain(Bearer),
                AuthType::with(
                    AuthKind::OAuthAuthorizationCode,
                    &[
                        ("authorizationUrl", Fallback::Text(GOOGLE_AUTHORIZE)),
                        ("tokenUrl", Fallback::Text(GOOGLE_TOKEN)),
                        (
                            "scope",
                            Fallback::Text(
                                "https://www.googleapis.com/auth/devstorage.read_only https://www.googleapis.com/auth/cloudplatformprojects.readonly",
                            ),
                        ),
                    ],
                ),
            ],
        }

        /// `.gcp_secret_manager` (`specs/gcp_secret_manager/gcp_secret_manager.ts`, stored version
        /// id 58365393449; the spec folder exists, but no stored `all_specs.ts` lists it yet).
        GcpSecretManager {
            id: ".gcp_secret_manager",
            name: "Google Cloud Secret Manager",
            license: Enterprise,
            features: [WORKFLOWS, AGENT_BUILDER],
            description: "List and inspect secrets, add and disable versions, and read access policy in Google Cloud Secret Manager",
            config: Strip [
                Field::optional(
                    "defaultProjectId",
                    Text,
                    "Optional, for example my-project-123. Every action takes an explicit project id, but the Test connector button needs this field to have a project to list secrets in.",
                )
                .max(30),
            ],
            auth: [GCP],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::no_url_scheme;

    #[test]
    fn the_mysql_host_refine_refuses_only_a_leading_scheme() {
        for good in [
            "mysql.example.com",
            "10.0.0.7",
            "db.internal:3306",
            "::1",
            "",
            "1http://x",
            "db/x://y",
            "a b://c",
        ] {
            assert!(no_url_scheme(good), "{good}");
        }
        for bad in ["mysql://db", "HTTPS://db", "a+b.c-d://x", "h://"] {
            assert!(!no_url_scheme(bad), "{bad}");
        }
    }
}
