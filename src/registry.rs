//! The one table of connector types. Everything that lists types derives from [`CONNECTOR_TYPES`]:
//! dispatch, `connectorTypes()`, the JSON Schemas, the TypeScript declarations and the README
//! table. Each type is named here once, in its row; its module is declared in `connectors/mod.rs`
//! (a spec type in the table of `connectors::spec::declarations`).

pub use crate::catalog::{License, feature};
pub use crate::connector::ConnectorType;
// The rows name the modules: a list of them here would be a second list of types.
use crate::catalog::Category::{
    Ai, Automation, Data, Developer, Itsm, Messaging, Observability, Other, Productivity, Security,
};
#[allow(clippy::wildcard_imports)]
use crate::connectors::*;
use crate::versions::{Evidence, Holds, KibanaVersion, Release, Since};
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
    ConnectorType::of::<email::Email>(".email", "Email", Gold, &[ALERTING, UPTIME, SECURITY, WORKFLOWS, AGENT_BUILDER])
        .about(Messaging, "Send email from rules and workflows over SMTP, Exchange or a mail service", &["smtp", "outlook", "exchange", "notification", "gmail", "amazon ses"])
        .since(Since::ALWAYS),
    ConnectorType::of::<index::Index>(".index", "Index", Basic, &[ALERTING, UPTIME, SECURITY])
        .about(Data, "Write alert or action data as documents into an Elasticsearch index", &["elasticsearch", "document", "write", "store", "log alerts"])
        .since(Since::ALWAYS),
    ConnectorType::of::<pagerduty::PagerDuty>(".pagerduty", "PagerDuty", Gold, &[ALERTING, UPTIME, SECURITY, WORKFLOWS])
        .about(Itsm, "Trigger, acknowledge and resolve PagerDuty events to page on-call responders", &["on-call", "incident", "paging", "alert", "events api"])
        .since(Since::ALWAYS),
    ConnectorType::of::<swimlane::Swimlane>(".swimlane", "Swimlane", Gold, &[ALERTING, CASES, SECURITY, WORKFLOWS])
        .about(Security, "Create records in Swimlane, a security automation and case management platform", &["soar", "case", "security automation", "incident", "turbine"])
        .since(Since::ALWAYS),
    ConnectorType::of::<server_log::ServerLog>(".server-log", "Server log", Basic, &[ALERTING, UPTIME, SECURITY])
        .about(Observability, "Write a message to the Kibana server log", &["logging", "debug", "kibana log", "output", "console"])
        .since(Since::ALWAYS),
    ConnectorType::of::<slack::Slack>(".slack", "Slack", Gold, &[ALERTING, UPTIME, SECURITY, WORKFLOWS])
        .about(Messaging, "Post messages to a Slack channel through an incoming webhook", &["chat", "webhook", "message", "notification", "channel"])
        .since(Since::ALWAYS),
    ConnectorType::of::<slack_api::SlackApi>(".slack_api", "Slack API", Gold, &[UPTIME, ALERTING, SECURITY, WORKFLOWS])
        .about(Messaging, "Post messages to Slack channels with the Slack Web API and a bot token", &["chat", "bot token", "message", "channel", "web api"])
        .since(Since::ALWAYS),
    ConnectorType::of::<webhook::Webhook>(".webhook", "Webhook", Gold, &[ALERTING, UPTIME, SECURITY])
        .about(Developer, "Send a custom HTTP request to any web service when a rule fires", &["http", "rest", "post", "callback", "integration", "custom"])
        .since(Since::ALWAYS),
    ConnectorType::of::<http::Http>(".http", "HTTP", Gold, &[WORKFLOWS, AGENT_BUILDER])
        .about(Developer, "Call any HTTP or REST API from workflows and Agent Builder tools", &["rest", "api", "request", "web", "webhook", "curl"])
        .since(Since::approximate(Release::V9_4, "from its PR's merge date (#249004)")),
    ConnectorType::system(".http-system", "HTTP", Gold, &[WORKFLOWS, AGENT_BUILDER])
        .about(Developer, "Call any HTTP or REST API from workflows and Agent Builder tools", &["rest", "api", "request", "web", "webhook", "curl"])
        .since(Since::approximate(Release::V9_4, "from its PR's merge date (#249004)")),
    ConnectorType::of::<cases_webhook::CasesWebhook>(".cases-webhook", "Webhook - Case Management", Gold, &[CASES])
        .about(Itsm, "Create and update tickets in any case or ticketing system via REST calls", &["ticket", "rest", "helpdesk", "itsm", "incident", "custom"])
        .since(Since::ALWAYS),
    ConnectorType::of::<xmatters::XMatters>(".xmatters", "xMatters", Gold, &[ALERTING, SECURITY])
        .about(Itsm, "Trigger xMatters workflows to notify and escalate to on-call teams", &["on-call", "incident", "notification", "escalation", "everbridge"])
        .since(Since::ALWAYS),
    ConnectorType::of::<servicenow::ServiceNowItsm>(".servicenow", "ServiceNow ITSM", Platinum, &[ALERTING, CASES, UPTIME, SECURITY, WORKFLOWS])
        .about(Itsm, "Create and update ServiceNow incidents from alerts and cases", &["ticket", "incident", "snow", "service desk", "itil"])
        .since(Since::ALWAYS),
    ConnectorType::of::<servicenow::ServiceNowSir>(".servicenow-sir", "ServiceNow SecOps", Platinum, &[ALERTING, CASES, SECURITY, WORKFLOWS])
        .about(Security, "Open and update ServiceNow Security Incident Response records", &["security incident", "siem", "vulnerability response", "snow", "ticket"])
        .since(Since::ALWAYS),
    ConnectorType::of::<servicenow::ServiceNowItom>(".servicenow-itom", "ServiceNow ITOM", Platinum, &[ALERTING, SECURITY, WORKFLOWS])
        .about(Itsm, "Send alert events to ServiceNow ITOM Event Management", &["aiops", "event management", "snow", "operations", "alerts"])
        .since(Since::ALWAYS),
    ConnectorType::of::<jira::Jira>(".jira", "Jira", Gold, &[ALERTING, CASES, UPTIME, SECURITY, WORKFLOWS])
        .about(Itsm, "Create and update Jira issues from alerts and cases", &["ticket", "issue", "atlassian", "bug", "project"])
        .since(Since::ALWAYS),
    ConnectorType::of::<teams::Teams>(".teams", "Microsoft Teams", Gold, &[ALERTING, UPTIME, SECURITY, WORKFLOWS])
        .about(Messaging, "Post messages to a Microsoft Teams channel via an incoming webhook", &["chat", "webhook", "message", "channel", "notification", "office 365"])
        .since(Since::ALWAYS),
    ConnectorType::of::<torq::Torq>(".torq", "Torq", Gold, &[ALERTING, UPTIME, SECURITY, WORKFLOWS])
        .about(Automation, "Trigger Torq security automation workflows from alerts", &["soar", "webhook", "hyperautomation", "playbook", "no-code"])
        .since(Since::ALWAYS),
    // Spec connector types (`@kbn/connector-specs`), data in `connectors::spec::declarations`.
    spec::connector_type::<specs::AlienVaultOtx>()
        .found_by(Security, &["threat intelligence", "ioc", "pulse", "at&t", "indicators"])
        .since(Since::approximate(Release::V9_3, "9.3 by the docs and the November 2025 barrel; the 9.4 release notes list it too")),
    spec::connector_type::<specs::BraveSearch>()
        .found_by(Data, &["web search", "search engine", "internet", "grounding", "privacy"])
        .since(Since::exact(Release::V9_3)),
    spec::connector_type::<specs::Github>()
        .found_by(Developer, &["source code", "repository", "issue", "pull request", "code search"])
        .since(Since::exact(Release::V9_4)),
    spec::connector_type::<specs::GreyNoise>()
        .found_by(Security, &["ip reputation", "threat intelligence", "scanner", "mass scanning", "ioc"])
        .since(Since::approximate(Release::V9_3, "9.3 by the docs and the November 2025 barrel; the 9.4 release notes list it too")),
    spec::connector_type::<specs::ServicenowSearch>()
        .found_by(Itsm, &["ticket", "incident", "knowledge base", "snow", "records"])
        .since(Since::exact(Release::V9_4)),
    spec::connector_type::<specs::Shodan>()
        .found_by(Security, &["attack surface", "internet scan", "open ports", "vulnerability", "exposure"])
        .since(Since::approximate(Release::V9_3, "9.3 by the docs and the November 2025 barrel; the 9.4 release notes list it too")),
    spec::connector_type::<specs::VirusTotal>()
        .found_by(Security, &["malware", "file hash", "url scan", "threat intelligence", "ioc"])
        .since(Since::approximate(Release::V9_3, "9.3 by the docs and the November 2025 barrel; the 9.4 release notes list it too")),
    spec::connector_type::<specs::Zendesk>()
        .found_by(Itsm, &["ticket", "customer support", "help desk", "help center", "service desk"])
        .since(Since::exact(Release::V9_4)),
    spec::connector_type::<specs::BoxCom>()
        .found_by(Productivity, &["files", "cloud storage", "documents", "file sharing", "box ai"])
        .since(Since::exact(Release::V9_5)),
    spec::connector_type::<specs::Buildkite>()
        .found_by(Developer, &["ci", "continuous integration", "pipeline", "deploy", "agent"])
        .since(Since::approximate(Release::V9_6, "the release comes from the docs' applies_to tag only")),
    spec::connector_type::<specs::Dropbox>()
        .found_by(Productivity, &["files", "cloud storage", "file sharing", "documents", "shared link"])
        .since(Since::approximate(Release::V9_4, "the release comes from the docs' applies_to tag only")),
    spec::connector_type::<specs::Databricks>()
        .found_by(Data, &["sql", "lakehouse", "spark", "warehouse", "delta lake", "jobs"])
        .since(Since::approximate(Release::V9_6, "the release comes from the docs' applies_to tag only")),
    spec::connector_type::<specs::Datadog>()
        .found_by(Observability, &["monitoring", "apm", "metrics", "logs", "monitor", "downtime"])
        .since(Since::approximate(Release::V9_6, "the release comes from the docs' applies_to tag only")),
    spec::connector_type::<specs::Dynatrace>()
        .found_by(Observability, &["apm", "monitoring", "davis", "problems", "metrics", "maintenance window"])
        .since(Since::approximate(Release::V9_6, "the release comes from the docs' applies_to tag only")),
    spec::connector_type::<specs::Figma>()
        .found_by(Productivity, &["design", "ui", "mockup", "prototype", "design files"])
        .since(Since::exact(Release::V9_4)),
    spec::connector_type::<specs::Firecrawl>()
        .found_by(Data, &["web scraping", "crawler", "scrape", "markdown", "web search"])
        .since(Since::exact(Release::V9_4)),
    spec::connector_type::<specs::Grafana>()
        .found_by(Observability, &["dashboards", "alerts", "silence", "annotation", "monitoring"])
        .since(Since::approximate(Release::V9_6, "the release comes from the docs' applies_to tag only")),
    spec::connector_type::<specs::GraphQl>()
        .found_by(Developer, &["api", "query", "mutation", "schema", "introspection"])
        .since(Since::approximate(Release::V9_6, "the release comes from the docs' applies_to tag only")),
    spec::connector_type::<specs::HubSpot>()
        .found_by(Productivity, &["crm", "contacts", "deals", "sales", "marketing"])
        .since(Since::exact(Release::V9_5)),
    spec::connector_type::<specs::Jenkins>()
        .found_by(Developer, &["ci", "cd", "build", "pipeline", "job"])
        .since(Since::approximate(Release::V9_6, "the release comes from the docs' applies_to tag only")),
    spec::connector_type::<specs::JinaReader>()
        .found_by(Data, &["web reader", "markdown", "scrape", "web search", "grounding", "url"])
        .since(Since::exact(Release::V9_4)),
    spec::connector_type::<specs::MondayCom>()
        .found_by(Productivity, &["project management", "boards", "tasks", "work management", "items"])
        .since(Since::approximate(Release::V9_5, "the release comes from the docs' applies_to tag only")),
    spec::connector_type::<specs::Notion>()
        .found_by(Productivity, &["wiki", "notes", "pages", "knowledge base", "docs"])
        .since(Since::approximate(Release::V9_3, "the release comes from the docs' applies_to tag only")),
    spec::connector_type::<specs::PagerDutyMcp>()
        .found_by(Itsm, &["on-call", "incident", "paging", "model context protocol", "schedules"])
        .since(Since::exact(Release::V9_4)),
    spec::connector_type::<specs::PostHog>()
        .found_by(Observability, &["product analytics", "error tracking", "feature flags", "session replay", "hogql"])
        .since(Since::approximate(Release::V9_6, "the release comes from the docs' applies_to tag only")),
    spec::connector_type::<specs::PrometheusAlertmanager>()
        .found_by(Observability, &["alerts", "silence", "mute", "monitoring", "promql"])
        .since(Since::approximate(Release::V9_6, "the release comes from the docs' applies_to tag only"))
        .until(Since::approximate(Release::Main, "renamed .prometheus on main (PR #282364)")),
    spec::connector_type::<specs::Prometheus>()
        .found_by(Observability, &["promql", "metrics", "alertmanager", "silence", "monitoring"])
        .since(Since::approximate(Release::Main, "renamed from .prometheus_alertmanager on main (#282364)")),
    spec::connector_type::<specs::Rootly>()
        .found_by(Itsm, &["incident", "on-call", "incident response", "sre", "postmortem"])
        .since(Since::approximate(Release::V9_6, "the release comes from the docs' applies_to tag only")),
    spec::connector_type::<specs::Salesforce>()
        .found_by(Productivity, &["crm", "soql", "accounts", "opportunities", "leads"])
        .since(Since::exact(Release::V9_4)),
    spec::connector_type::<specs::Sentry>()
        .found_by(Observability, &["error tracking", "exceptions", "crash", "apm", "issues"])
        .since(Since::approximate(Release::V9_6, "the release comes from the docs' applies_to tag only")),
    spec::connector_type::<specs::SublimeSecurity>()
        .found_by(Security, &["email security", "phishing", "quarantine", "mail", "verdict"])
        .since(Since::exact(Release::V9_5)),
    spec::connector_type::<specs::TavilyMcp>()
        .found_by(Data, &["web search", "extract", "search api", "grounding", "model context protocol"])
        .since(Since::exact(Release::V9_4)),
    spec::connector_type::<specs::UrlVoid>()
        .found_by(Security, &["url reputation", "domain reputation", "blocklist", "phishing", "threat intelligence"])
        .since(Since::approximate(Release::V9_3, "9.3 by the docs and the November 2025 barrel; the 9.4 release notes list it too")),
    spec::connector_type::<specs::Zoom>()
        .found_by(Productivity, &["meetings", "video call", "recordings", "transcripts", "webinar"])
        .since(Since::exact(Release::V9_4)),
    spec::connector_type::<specs::Zabbix>()
        .found_by(Observability, &["monitoring", "problems", "maintenance window", "hosts", "triggers"])
        .since(Since::approximate(Release::V9_6, "the release comes from the docs' applies_to tag only")),
    spec::connector_type::<specs::UrlscanIo>()
        .found_by(Security, &["threat intelligence", "phishing", "sandbox", "malicious", "website"])
        .since(Since::approximate(Release::V9_6, "the release comes from the docs' applies_to tag only")),
    spec::connector_type::<specs::Unifi>()
        .found_by(Other, &["ubiquiti", "network", "wifi", "cameras", "access point"])
        .since(Since::approximate(Release::V9_6, "the release comes from the docs' applies_to tag only")),
    spec::connector_type::<specs::OneDrive>()
        .found_by(Productivity, &["microsoft", "files", "cloud storage", "documents", "office 365"])
        .since(Since::exact(Release::V9_5)),
    spec::connector_type::<specs::signed::AwsLambda>()
        .found_by(Developer, &["serverless", "function", "invoke", "amazon", "faas"])
        .since(Since::exact(Release::V9_4)),
    spec::connector_type::<specs::signed::AmazonS3>()
        .found_by(Data, &["aws", "bucket", "object storage", "files", "download"])
        .since(Since::exact(Release::V9_4)),
    spec::connector_type::<specs::signed::AwsXRay>()
        .found_by(Observability, &["tracing", "traces", "service map", "apm", "amazon"])
        .since(Since::approximate(Release::V9_6, "the release comes from the docs' applies_to tag only")),
    spec::connector_type::<specs::signed::AwsCloudwatch>()
        .found_by(Observability, &["alarms", "metrics", "logs insights", "amazon", "monitoring"])
        .since(Since::approximate(Release::V9_6, "the release comes from the docs' applies_to tag only")),
    spec::connector_type::<specs::signed::AzureBlob>()
        .found_by(Data, &["microsoft", "object storage", "container", "files", "storage account"])
        .since(Since::approximate(Release::V9_4, "listed in both the 9.4.0 and the 9.5.0 release notes")),
    spec::connector_type::<specs::signed::GcpCloudFunctions>()
        .found_by(Developer, &["google cloud", "serverless", "cloud run", "invoke", "faas"])
        .since(Since::exact(Release::V9_4)),
    spec::connector_type::<specs::signed::GcpIam>()
        .found_by(Security, &["identity", "service account", "role binding", "permissions", "access control"])
        .since(Since::approximate(Release::V9_6, "the release comes from the docs' applies_to tag only")),
    spec::connector_type::<specs::signed::Gmail>()
        .found_by(Messaging, &["email", "google workspace", "inbox", "send", "labels"])
        .since(Since::exact(Release::V9_4)),
    spec::connector_type::<specs::signed::GoogleDrive>()
        .found_by(Productivity, &["files", "docs", "cloud storage", "documents", "sheets"])
        .since(Since::approximate(Release::V9_4, "the release comes from the docs' applies_to tag only")),
    spec::connector_type::<specs::signed::GoogleDocs>()
        .found_by(Productivity, &["document", "google drive", "word processor", "text", "gdocs"])
        .since(Since::approximate(Release::V9_6, "from the PR's merge date and labels")),
    spec::connector_type::<specs::signed::GoogleCalendar>()
        .found_by(Productivity, &["events", "meetings", "schedule", "availability", "gcal"])
        .since(Since::exact(Release::V9_4)),
    spec::connector_type::<specs::signed::Outlook>()
        .found_by(Messaging, &["email", "mail", "microsoft", "office 365", "inbox", "exchange"])
        .since(Since::exact(Release::V9_5)),
    spec::connector_type::<specs::signed::SharepointOnline>()
        .found_by(Productivity, &["microsoft 365", "documents", "intranet", "files", "sites"])
        .since(Since::exact(Release::V9_4)),
    spec::connector_type::<specs::signed::MicrosoftTeams>()
        .found_by(Messaging, &["chat", "message", "channel", "office 365", "graph api"])
        .since(Since::exact(Release::V9_4)),
    spec::connector_type::<specs::signed::Slack2>()
        .found_by(Messaging, &["chat", "message", "channel", "block kit", "thread"])
        .since(Since::exact(Release::V9_4)),
    spec::connector_type::<specs::signed::JiraCloud>()
        .found_by(Itsm, &["ticket", "issue", "atlassian", "project", "jql"])
        .since(Since::exact(Release::V9_4)),
    spec::connector_type::<specs::signed::BigQuery>()
        .found_by(Data, &["sql", "data warehouse", "google cloud", "googlesql", "analytics"])
        .since(Since::approximate(Release::V9_5, "the release comes from the docs' applies_to tag only")),
    spec::connector_type::<specs::signed::GoogleCloudMonitoring>()
        .found_by(Observability, &["gcp", "stackdriver", "alert policy", "uptime", "slo"])
        .since(Since::approximate(Release::V9_6, "the release comes from the docs' applies_to tag only")),
    spec::connector_type::<specs::signed::GoogleCloudStorage>()
        .found_by(Data, &["gcs", "bucket", "object storage", "files", "gcp"])
        .since(Since::exact(Release::V9_4)),
    spec::connector_type::<specs::signed::GcpSecretManager>()
        .found_by(Security, &["credentials", "vault", "key rotation", "api keys", "passwords"])
        .since(Since::approximate(Release::V9_6, "the release comes from the docs' applies_to tag only")),
    spec::connector_type::<specs::OnePassword>()
        .found_by(Security, &["password manager", "users", "suspend user", "vault", "identity"])
        .since(Since::exact(Release::V9_4)),
    spec::connector_type::<specs::Censys>()
        .found_by(Security, &["attack surface", "certificates", "hosts", "internet scan", "exposure"])
        .since(Since::approximate(Release::V9_6, "the release comes from the docs' applies_to tag only")),
    spec::connector_type::<specs::Trello>()
        .found_by(Productivity, &["kanban", "boards", "cards", "tasks", "atlassian"])
        .since(Since::approximate(Release::Main, "the docs name no release")),
    spec::connector_type::<specs::Misp>()
        .found_by(Security, &["threat intelligence", "ioc", "indicators", "sightings", "threat sharing"])
        .since(Since::approximate(Release::V9_6, "the release comes from the docs' applies_to tag only")),
    spec::connector_type::<specs::ArgoCd>()
        .found_by(Developer, &["gitops", "kubernetes", "deploy", "sync", "continuous delivery"])
        .since(Since::approximate(Release::V9_6, "the release comes from the docs' applies_to tag only")),
    spec::connector_type::<specs::Kubernetes>()
        .found_by(Developer, &["k8s", "cluster", "pods", "deployments", "containers"])
        .since(Since::approximate(Release::V9_6, "the release comes from the docs' applies_to tag only")),
    spec::connector_type::<specs::NewRelic>()
        .found_by(Observability, &["apm", "nrql", "monitoring", "incidents", "nerdgraph"])
        .since(Since::approximate(Release::V9_6, "the release comes from the docs' applies_to tag only")),
    spec::connector_type::<specs::SharepointServer>()
        .found_by(Productivity, &["on-premises", "microsoft", "documents", "intranet", "sites"])
        .since(Since::exact(Release::V9_4)),
    spec::connector_type::<specs::Snowflake>()
        .found_by(Data, &["sql", "data warehouse", "cortex", "tables", "analytics"])
        .since(Since::exact(Release::V9_5)),
    spec::connector_type::<specs::AnsibleController>()
        .found_by(Automation, &["awx", "tower", "playbook", "job template", "red hat", "remediation"])
        .since(Since::approximate(Release::V9_6, "the release comes from the docs' applies_to tag only")),
    spec::connector_type::<specs::OpenSearchAws>()
        .found_by(Data, &["amazon", "elasticsearch fork", "alerting", "monitors", "security analytics"])
        .since(Since::approximate(Release::V9_6, "the release comes from the docs' applies_to tag only")),
    spec::connector_type::<specs::AzureMonitor>()
        .found_by(Observability, &["microsoft", "alerts", "metrics", "log analytics", "kql"])
        .since(Since::approximate(Release::V9_6, "the release comes from the docs' applies_to tag only")),
    spec::connector_type::<specs::Workday>()
        .found_by(Productivity, &["hr", "workers", "employees", "org chart", "time off", "recruiting"])
        .since(Since::approximate(Release::Main, "the docs name no release")),
    spec::connector_type::<specs::ConfluenceCloud>()
        .found_by(Productivity, &["wiki", "atlassian", "pages", "spaces", "knowledge base"])
        .since(Since::exact(Release::V9_4)),
    spec::connector_type::<specs::AbuseIpDb>()
        .found_by(Security, &["ip reputation", "blocklist", "threat intelligence", "abuse report", "ioc"])
        .since(Since::approximate(Release::V9_3, "9.3 by the docs and the November 2025 barrel; the 9.4 release notes list it too")),
    spec::connector_type::<specs::GoogleThreatIntelligence>()
        .found_by(Security, &["gti", "virustotal", "mandiant", "ioc", "enrichment"])
        .since(Since::exact(Release::V9_6)),
    spec::connector_type::<specs::MongoDb>()
        .found_by(Data, &["nosql", "database", "collection", "aggregate", "documents"])
        .since(Since::approximate(Release::V9_6, "from the PR's merge date and labels")),
    spec::connector_type::<specs::MySql>()
        .found_by(Data, &["query", "database", "relational", "mariadb", "tables"])
        .since(Since::approximate(Release::V9_6, "from the PR's merge date and labels")),
    spec::connector_type::<specs::Okta>()
        .found_by(Security, &["identity", "sso", "mfa", "suspend user", "iam", "system log"])
        .since(Since::approximate(Release::V9_6, "from the PR's merge date and labels")),
    ConnectorType::of::<opsgenie::Opsgenie>(".opsgenie", "Opsgenie", Platinum, &[ALERTING, UPTIME, SECURITY, WORKFLOWS, AGENT_BUILDER])
        .about(Itsm, "Create and close Opsgenie alerts to notify on-call responders", &["on-call", "atlassian", "incident", "paging", "alert"])
        .since(Since::ALWAYS),
    ConnectorType::of::<jira_service_management::JiraServiceManagement>(".jira-service-management", "Jira Service Management", Platinum, &[ALERTING, UPTIME, SECURITY, WORKFLOWS, AGENT_BUILDER])
        .about(Itsm, "Create and close Jira Service Management alerts for on-call teams", &["jsm", "atlassian", "on-call", "alert", "opsgenie", "incident"])
        .since(Since::exact(Release::V9_2)),
    ConnectorType::of::<tines::Tines>(".tines", "Tines", Gold, &[SECURITY])
        .about(Automation, "Send events and alerts into Tines stories to run security automations", &["soar", "webhook", "story", "playbook", "no-code"])
        .since(Since::ALWAYS),
    ConnectorType::of::<gen_ai::OpenAi>(".gen-ai", "OpenAI", Enterprise, &[GEN_AI_SECURITY, GEN_AI_OBSERVABILITY, GEN_AI_SEARCH_PLAYGROUND])
        .about(Ai, "Send prompts to OpenAI, Azure OpenAI or an OpenAI-compatible API", &["gpt", "llm", "azure openai", "chatgpt", "generative ai", "chat completion"])
        .since(Since::ALWAYS)
        .deprecated(Since::exact(Release::V9_5), "Kibana deprecated this connector type in 9.5 and recommends using Elasticsearch inference endpoints to connect to large language models instead."),
    ConnectorType::of::<bedrock::Bedrock>(".bedrock", "Amazon Bedrock", Enterprise, &[GEN_AI_SECURITY, GEN_AI_OBSERVABILITY, GEN_AI_SEARCH_PLAYGROUND, WORKFLOWS])
        .about(Ai, "Send prompts to models hosted on Amazon Bedrock, such as Claude", &["aws", "llm", "claude", "anthropic", "genai", "foundation model"])
        .since(Since::ALWAYS)
        .deprecated(Since::exact(Release::V9_5), "Kibana deprecated this connector type in 9.5 and recommends using Elasticsearch inference endpoints to connect to large language models instead."),
    ConnectorType::of::<gemini::Gemini>(".gemini", "Google Gemini", Enterprise, &[GEN_AI_SECURITY, GEN_AI_SEARCH_PLAYGROUND, GEN_AI_OBSERVABILITY, WORKFLOWS])
        .about(Ai, "Send prompts to Google Gemini models on Vertex AI", &["vertex ai", "llm", "gcp", "genai", "palm"])
        .since(Since::ALWAYS)
        .deprecated(Since::exact(Release::V9_5), "Kibana deprecated this connector type in 9.5 and recommends using Elasticsearch inference endpoints to connect to large language models instead."),
    ConnectorType::of::<d3security::D3Security>(".d3security", "D3 Security", Gold, &[ALERTING, SECURITY, WORKFLOWS, AGENT_BUILDER])
        .about(Security, "Send alert events to D3 Security's SOAR platform", &["soar", "orchestration", "incident", "playbook", "event"])
        .since(Since::ALWAYS),
    ConnectorType::of::<resilient::Resilient>(".resilient", "IBM Resilient", Platinum, &[ALERTING, CASES, SECURITY, WORKFLOWS])
        .about(Security, "Create and update incidents in IBM Resilient (QRadar SOAR)", &["qradar soar", "soar", "incident", "ibm security", "ticket"])
        .since(Since::ALWAYS),
    ConnectorType::of::<thehive::TheHive>(".thehive", "TheHive", Platinum, &[ALERTING, SECURITY, UPTIME, CASES, WORKFLOWS])
        .about(Security, "Create cases and alerts in TheHive incident response platform", &["case", "incident response", "soar", "strangebee", "alert"])
        .since(Since::ALWAYS),
    ConnectorType::of::<xsoar::Xsoar>(".xsoar", "XSOAR", Platinum, &[SECURITY])
        .about(Security, "Create incidents and run playbooks in Palo Alto Networks Cortex XSOAR", &["cortex", "palo alto", "orchestration", "playbook", "incident", "demisto"])
        .since(Since::exact(Release::V9_1).backported(&[(Release::V8_19, Some(0))])),
    ConnectorType::of::<mcp::Mcp>(".mcp", "MCP", Enterprise, &[GEN_AI_SECURITY, GEN_AI_OBSERVABILITY, WORKFLOWS])
        .about(Ai, "Connect to a Model Context Protocol server and call its tools", &["model context protocol", "tools", "agent", "llm", "tool server"])
        .since(Since::exact(Release::V9_3)),
    ConnectorType::of::<sentinelone::SentinelOne>(".sentinelone", "Sentinel One", Enterprise, &[ENDPOINT_SECURITY])
        .about(Security, "Run endpoint response actions, like isolating hosts, through SentinelOne", &["edr", "endpoint", "isolate", "response action", "xdr"])
        .since(Since::ALWAYS),
    ConnectorType::of::<crowdstrike::CrowdStrike>(".crowdstrike", "CrowdStrike", Enterprise, &[ENDPOINT_SECURITY])
        .about(Security, "Run endpoint response actions, like host containment, through CrowdStrike", &["edr", "falcon", "endpoint", "isolate", "response action"])
        .since(Since::ALWAYS),
    ConnectorType::of::<inference::Inference>(".inference", "AI Connector", Enterprise, &[GEN_AI_SECURITY, GEN_AI_SEARCH_PLAYGROUND, GEN_AI_OBSERVABILITY, WORKFLOWS])
        .about(Ai, "Use an Elasticsearch inference endpoint for chat completion, embeddings and more", &["llm", "inference endpoint", "elastic inference service", "eis", "embeddings", "openai"])
        .since(Since::approximate(Release::V9_2, "before 9.2 it is behind the inferenceConnectorOn flag; whether that flag kept it from the server is not known"))
        .deprecated(Since::exact(Release::V9_5), "Kibana deprecated this connector type in 9.5 and recommends using Elasticsearch inference endpoints to connect to large language models instead."),
    ConnectorType::of::<microsoft_defender_endpoint::MicrosoftDefenderEndpoint>(".microsoft_defender_endpoint", "Microsoft Defender for Endpoint", Enterprise, &[ENDPOINT_SECURITY])
        .about(Security, "Run endpoint response actions, like isolating hosts, through Microsoft Defender", &["edr", "mde", "antivirus", "isolate", "windows", "xdr"])
        .since(Since::ALWAYS),
    // System action types that other plugins register: known by name, refused by Kibana.
    ConnectorType::system(".cases", "Cases", Platinum, &[UPTIME, ALERTING, SECURITY])
        .about(Itsm, "Automatically open Kibana cases from alerts and group alerts into them", &["ticket", "incident", "alert grouping", "investigation", "system action"])
        .since(Since::ALWAYS),
    ConnectorType::system(".observability-ai-assistant", "Observability AI Assistant", Enterprise, &[ALERTING])
        .about(Ai, "Have the Observability AI Assistant analyze alerts when a rule fires", &["llm", "genai", "chat", "root cause", "system action"])
        .since(Since::ALWAYS),
    ConnectorType::system(".workflows", "Workflows", Gold, &[ALERTING, SECURITY])
        .about(Automation, "Run a Kibana workflow when an alerting rule fires", &["playbook", "automation", "trigger", "orchestration", "system action"])
        .since(Since::approximate(Release::V9_3, "assumed to arrive with Workflows (9.3 technical preview)")),
];

/// Every creatable connector type (those with a model), in registration order.
pub fn creatable_types() -> impl Iterator<Item = &'static ConnectorType> {
    CONNECTOR_TYPES.iter().filter(|t| t.model.is_some())
}

/// Finds a connector type by its id.
pub fn find(id: &str) -> Option<&'static ConnectorType> {
    CONNECTOR_TYPES.iter().find(|t| t.id == id)
}

/// Connector types Kibana registers only when a server setting turns them on: with Kibana's
/// defaults they are not registered, so a body of one gets Kibana's "not registered" answer and a
/// `server_check` warning naming the setting. (id, the setting)
///
/// * `.inboundWebhook`: an inbound-only spec (events, no actions), which
///   `stack_connectors/server/connector_types_from_spec/index.ts` registers only while
///   `configUtils.isInboundEventsEnabled()`, i.e. `xpack.actions.inboundEvents.enabled` (default
///   false, the kill switch of PR #283720; the actions README: "With the flag off,
///   `.inboundWebhook` is not registered").
/// * `.ssf` (Shared Signals): a spec with a signing key, registered only while
///   `configUtils.isConnectorSigningKeysEnabled()`. UNCERTAIN: the `kibana.yml` key behind that
///   function was not found in any stored `actions/server/config.ts`; the text names the function.
/// * `.snyk`: its spec exists but is in neither the generated barrel nor the icon maps read; it
///   is taken to sit behind an experimental flag. UNCERTAIN: the flag's name was not found; the
///   text names the mechanism, `xpack.stack_connectors.enableExperimental`.
const GATED: &[(&str, &str)] = &[
    (".inboundWebhook", "xpack.actions.inboundEvents.enabled"),
    (
        ".ssf",
        "connector signing keys (configUtils.isConnectorSigningKeysEnabled(); its kibana.yml key is not known)",
    ),
    (
        ".snyk",
        "an experimental flag in xpack.stack_connectors.enableExperimental (its name is not known)",
    ),
];

/// The server setting that registers the gated type `id`, if it is one.
pub fn gated_by(id: &str) -> Option<&'static str> {
    GATED
        .iter()
        .find_map(|(gated, setting)| (*gated == id).then_some(*setting))
}

/// A connector type as a Kibana release has it (`connectorTypes({ kibanaVersion })`).
#[derive(Debug, Clone, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReleasedType {
    /// The type.
    #[serde(flatten)]
    pub connector_type: &'static ConnectorType,
    /// The first release that registers it by default (`"8.19"` for the types older than that).
    pub since: &'static str,
    /// Why that release is not certain, when it is not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since_approximate: Option<&'static str>,
    /// Whether the release marks it deprecated (Kibana's `is_deprecated`).
    pub is_deprecated: bool,
    /// What Kibana recommends instead, when deprecated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deprecation: Option<&'static str>,
}

/// The connector types `version` registers by default, system action types included.
pub fn types_in(version: KibanaVersion) -> Vec<ReleasedType> {
    CONNECTOR_TYPES
        .iter()
        .filter(|t| t.registered_in(version))
        .map(|t| {
            let deprecation = t
                .deprecation
                .filter(|(since, _)| since.holds_in(version).0 == Holds::Yes)
                .map(|(_, instead)| instead);
            ReleasedType {
                connector_type: t,
                since: t.since.release.name(),
                since_approximate: match t.since.evidence {
                    Evidence::Exact => None,
                    Evidence::Approximate(why) => Some(why),
                },
                is_deprecated: deprecation.is_some(),
                deprecation,
            }
        })
        .collect()
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
