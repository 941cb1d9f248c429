//! The one table of connector types. Everything that lists types derives from [`CONNECTOR_TYPES`]:
//! dispatch, `connectorTypes()`, the JSON Schemas, the TypeScript declarations and the README
//! table. Each type is named here once, in its row; its module is declared in `connectors/mod.rs`
//! (a spec type in the table of `connectors::spec::declarations`).

pub use crate::catalog::{License, feature};
pub use crate::connector::ConnectorType;
// The rows name the modules: a list of them here would be a second list of types.
#[allow(clippy::wildcard_imports)]
use crate::connectors::*;
use License::{Basic, Enterprise, Gold, Platinum};
use feature::{
    AGENT_BUILDER, ALERTING, CASES, ENDPOINT_SECURITY, GEN_AI_OBSERVABILITY,
    GEN_AI_SEARCH_PLAYGROUND, GEN_AI_SECURITY, SECURITY, UPTIME, WORKFLOWS,
};
use spec::declarations as specs;

/// Every connector type, in Kibana's registration order (stack connectors, then the system
/// action types that other plugins register).
#[rustfmt::skip]
pub const CONNECTOR_TYPES: &[ConnectorType] = &[
    ConnectorType::of::<email::Email>(".email", "Email", Gold, &[ALERTING, UPTIME, SECURITY, WORKFLOWS, AGENT_BUILDER]),
    ConnectorType::of::<index::Index>(".index", "Index", Basic, &[ALERTING, UPTIME, SECURITY]),
    ConnectorType::of::<pagerduty::PagerDuty>(".pagerduty", "PagerDuty", Gold, &[ALERTING, UPTIME, SECURITY, WORKFLOWS]),
    ConnectorType::of::<swimlane::Swimlane>(".swimlane", "Swimlane", Gold, &[ALERTING, CASES, SECURITY, WORKFLOWS]),
    ConnectorType::of::<server_log::ServerLog>(".server-log", "Server log", Basic, &[ALERTING, UPTIME, SECURITY]),
    ConnectorType::of::<slack::Slack>(".slack", "Slack", Gold, &[ALERTING, UPTIME, SECURITY, WORKFLOWS]),
    ConnectorType::of::<slack_api::SlackApi>(".slack_api", "Slack API", Gold, &[UPTIME, ALERTING, SECURITY, WORKFLOWS]),
    ConnectorType::of::<webhook::Webhook>(".webhook", "Webhook", Gold, &[ALERTING, UPTIME, SECURITY]),
    ConnectorType::of::<http::Http>(".http", "HTTP", Gold, &[WORKFLOWS, AGENT_BUILDER]),
    ConnectorType::system(".http-system", "HTTP", Gold, &[WORKFLOWS, AGENT_BUILDER]),
    ConnectorType::of::<cases_webhook::CasesWebhook>(".cases-webhook", "Webhook - Case Management", Gold, &[CASES]),
    ConnectorType::of::<xmatters::XMatters>(".xmatters", "xMatters", Gold, &[ALERTING, SECURITY]),
    ConnectorType::of::<servicenow::ServiceNowItsm>(".servicenow", "ServiceNow ITSM", Platinum, &[ALERTING, CASES, UPTIME, SECURITY, WORKFLOWS]),
    ConnectorType::of::<servicenow::ServiceNowSir>(".servicenow-sir", "ServiceNow SecOps", Platinum, &[ALERTING, CASES, SECURITY, WORKFLOWS]),
    ConnectorType::of::<servicenow::ServiceNowItom>(".servicenow-itom", "ServiceNow ITOM", Platinum, &[ALERTING, SECURITY, WORKFLOWS]),
    ConnectorType::of::<jira::Jira>(".jira", "Jira", Gold, &[ALERTING, CASES, UPTIME, SECURITY, WORKFLOWS]),
    ConnectorType::of::<teams::Teams>(".teams", "Microsoft Teams", Gold, &[ALERTING, UPTIME, SECURITY, WORKFLOWS]),
    ConnectorType::of::<torq::Torq>(".torq", "Torq", Gold, &[ALERTING, UPTIME, SECURITY, WORKFLOWS]),
    // Spec connector types (`@kbn/connector-specs`), data in `connectors::spec::declarations`.
    spec::connector_type::<specs::AlienVaultOtx>(),
    spec::connector_type::<specs::BraveSearch>(),
    spec::connector_type::<specs::Github>(),
    spec::connector_type::<specs::GreyNoise>(),
    spec::connector_type::<specs::ServicenowSearch>(),
    spec::connector_type::<specs::Shodan>(),
    spec::connector_type::<specs::VirusTotal>(),
    spec::connector_type::<specs::Zendesk>(),
    spec::connector_type::<specs::BoxCom>(),
    spec::connector_type::<specs::Buildkite>(),
    spec::connector_type::<specs::Dropbox>(),
    spec::connector_type::<specs::Databricks>(),
    spec::connector_type::<specs::Datadog>(),
    spec::connector_type::<specs::Dynatrace>(),
    spec::connector_type::<specs::Figma>(),
    spec::connector_type::<specs::Firecrawl>(),
    spec::connector_type::<specs::Grafana>(),
    spec::connector_type::<specs::GraphQl>(),
    spec::connector_type::<specs::HubSpot>(),
    spec::connector_type::<specs::Jenkins>(),
    spec::connector_type::<specs::JinaReader>(),
    spec::connector_type::<specs::MondayCom>(),
    spec::connector_type::<specs::Notion>(),
    spec::connector_type::<specs::PagerDutyMcp>(),
    spec::connector_type::<specs::PostHog>(),
    spec::connector_type::<specs::PrometheusAlertmanager>(),
    spec::connector_type::<specs::Rootly>(),
    spec::connector_type::<specs::Salesforce>(),
    spec::connector_type::<specs::Sentry>(),
    spec::connector_type::<specs::SublimeSecurity>(),
    spec::connector_type::<specs::TavilyMcp>(),
    spec::connector_type::<specs::UrlVoid>(),
    spec::connector_type::<specs::Zoom>(),
    spec::connector_type::<specs::Zabbix>(),
    spec::connector_type::<specs::UrlscanIo>(),
    spec::connector_type::<specs::Unifi>(),
    spec::connector_type::<specs::OneDrive>(),
    spec::connector_type::<specs::signed::AwsLambda>(),
    spec::connector_type::<specs::signed::AmazonS3>(),
    spec::connector_type::<specs::signed::AwsXRay>(),
    spec::connector_type::<specs::signed::AwsCloudwatch>(),
    spec::connector_type::<specs::signed::AzureBlob>(),
    spec::connector_type::<specs::signed::GcpCloudFunctions>(),
    spec::connector_type::<specs::signed::GcpIam>(),
    spec::connector_type::<specs::signed::Gmail>(),
    spec::connector_type::<specs::signed::GoogleDrive>(),
    spec::connector_type::<specs::signed::GoogleCalendar>(),
    spec::connector_type::<specs::signed::Outlook>(),
    spec::connector_type::<specs::signed::SharepointOnline>(),
    spec::connector_type::<specs::signed::MicrosoftTeams>(),
    spec::connector_type::<specs::signed::Slack2>(),
    spec::connector_type::<specs::signed::JiraCloud>(),
    spec::connector_type::<specs::signed::BigQuery>(),
    spec::connector_type::<specs::signed::GoogleCloudMonitoring>(),
    spec::connector_type::<specs::signed::GoogleCloudStorage>(),
    spec::connector_type::<specs::signed::GcpSecretManager>(),
    spec::connector_type::<specs::OnePassword>(),
    spec::connector_type::<specs::Censys>(),
    spec::connector_type::<specs::Trello>(),
    spec::connector_type::<specs::Misp>(),
    spec::connector_type::<specs::ArgoCd>(),
    spec::connector_type::<specs::Kubernetes>(),
    spec::connector_type::<specs::NewRelic>(),
    spec::connector_type::<specs::SharepointServer>(),
    spec::connector_type::<specs::Snowflake>(),
    spec::connector_type::<specs::AnsibleController>(),
    spec::connector_type::<specs::OpenSearchAws>(),
    spec::connector_type::<specs::AzureMonitor>(),
    spec::connector_type::<specs::Workday>(),
    spec::connector_type::<specs::ConfluenceCloud>(),
    ConnectorType::of::<opsgenie::Opsgenie>(".opsgenie", "Opsgenie", Platinum, &[ALERTING, UPTIME, SECURITY, WORKFLOWS, AGENT_BUILDER]),
    ConnectorType::of::<jira_service_management::JiraServiceManagement>(".jira-service-management", "Jira Service Management", Platinum, &[ALERTING, UPTIME, SECURITY, WORKFLOWS, AGENT_BUILDER]),
    ConnectorType::of::<tines::Tines>(".tines", "Tines", Gold, &[SECURITY]),
    ConnectorType::of::<gen_ai::OpenAi>(".gen-ai", "OpenAI", Enterprise, &[GEN_AI_SECURITY, GEN_AI_OBSERVABILITY, GEN_AI_SEARCH_PLAYGROUND]),
    ConnectorType::of::<bedrock::Bedrock>(".bedrock", "Amazon Bedrock", Enterprise, &[GEN_AI_SECURITY, GEN_AI_OBSERVABILITY, GEN_AI_SEARCH_PLAYGROUND, WORKFLOWS]),
    ConnectorType::of::<gemini::Gemini>(".gemini", "Google Gemini", Enterprise, &[GEN_AI_SECURITY, GEN_AI_SEARCH_PLAYGROUND, GEN_AI_OBSERVABILITY, WORKFLOWS]),
    ConnectorType::of::<d3security::D3Security>(".d3security", "D3 Security", Gold, &[ALERTING, SECURITY, WORKFLOWS, AGENT_BUILDER]),
    ConnectorType::of::<resilient::Resilient>(".resilient", "IBM Resilient", Platinum, &[ALERTING, CASES, SECURITY, WORKFLOWS]),
    ConnectorType::of::<thehive::TheHive>(".thehive", "TheHive", Platinum, &[ALERTING, SECURITY, UPTIME, CASES, WORKFLOWS]),
    ConnectorType::of::<xsoar::Xsoar>(".xsoar", "XSOAR", Platinum, &[SECURITY]),
    ConnectorType::of::<mcp::Mcp>(".mcp", "MCP", Enterprise, &[GEN_AI_SECURITY, GEN_AI_OBSERVABILITY, WORKFLOWS]),
    ConnectorType::of::<sentinelone::SentinelOne>(".sentinelone", "Sentinel One", Enterprise, &[ENDPOINT_SECURITY]),
    ConnectorType::of::<crowdstrike::CrowdStrike>(".crowdstrike", "CrowdStrike", Enterprise, &[ENDPOINT_SECURITY]),
    ConnectorType::of::<inference::Inference>(".inference", "AI Connector", Enterprise, &[GEN_AI_SECURITY, GEN_AI_SEARCH_PLAYGROUND, GEN_AI_OBSERVABILITY, WORKFLOWS]),
    ConnectorType::of::<microsoft_defender_endpoint::MicrosoftDefenderEndpoint>(".microsoft_defender_endpoint", "Microsoft Defender for Endpoint", Enterprise, &[ENDPOINT_SECURITY]),
    // System action types that other plugins register: known by name, refused by Kibana.
    ConnectorType::system(".cases", "Cases", Platinum, &[UPTIME, ALERTING, SECURITY]),
    ConnectorType::system(".observability-ai-assistant", "Observability AI Assistant", Enterprise, &[ALERTING]),
    ConnectorType::system(".workflows", "Workflows", Gold, &[ALERTING, SECURITY]),
];

/// Every creatable connector type (those with a model), in registration order.
pub fn creatable_types() -> impl Iterator<Item = &'static ConnectorType> {
    CONNECTOR_TYPES.iter().filter(|t| t.model.is_some())
}

/// Finds a connector type by its id.
pub fn find(id: &str) -> Option<&'static ConnectorType> {
    CONNECTOR_TYPES.iter().find(|t| t.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique() {
        for (i, a) in CONNECTOR_TYPES.iter().enumerate() {
            for b in CONNECTOR_TYPES.iter().skip(i + 1) {
                assert_ne!(a.id, b.id);
            }
        }
    }

    #[test]
    fn every_declared_spec_type_is_registered_once() {
        let declared: Vec<&str> = specs::ALL
            .iter()
            .chain(specs::signed::ALL)
            .map(|def| def.id)
            .collect();
        for id in &declared {
            let rows = CONNECTOR_TYPES.iter().filter(|t| t.id == *id).count();
            assert_eq!(rows, 1, "{id} is declared once and registered {rows} times");
        }
        let spec_rows = CONNECTOR_TYPES
            .iter()
            .filter(|t| declared.contains(&t.id))
            .count();
        assert_eq!(spec_rows, declared.len());
    }

    #[test]
    fn system_types_have_no_model() {
        for t in CONNECTOR_TYPES {
            assert_eq!(t.is_system_action_type, t.model.is_none(), "{}", t.id);
        }
    }
}
