// The types of the kibana-connectors npm package, generated from the Rust models by
// src/schema/typescript.rs (`UPDATE_GENERATED=1 cargo test --test schemas` rewrites this file).
// Do not edit.

/** Any JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Every connector type id Kibana registers (system action types included). */
export type ConnectorTypeId =
  | ".email"
  | ".index"
  | ".pagerduty"
  | ".swimlane"
  | ".server-log"
  | ".slack"
  | ".slack_api"
  | ".webhook"
  | ".http"
  | ".http-system"
  | ".cases-webhook"
  | ".xmatters"
  | ".servicenow"
  | ".servicenow-sir"
  | ".servicenow-itom"
  | ".jira"
  | ".teams"
  | ".torq"
  | ".alienvault-otx"
  | ".brave-search"
  | ".github"
  | ".greynoise"
  | ".servicenow_search"
  | ".shodan"
  | ".virustotal"
  | ".zendesk"
  | ".box"
  | ".buildkite"
  | ".dropbox"
  | ".databricks"
  | ".datadog"
  | ".dynatrace"
  | ".figma"
  | ".firecrawl"
  | ".grafana"
  | ".graphql"
  | ".hubspot"
  | ".jenkins"
  | ".jina"
  | ".monday_com"
  | ".notion"
  | ".pagerduty_mcp"
  | ".posthog"
  | ".prometheus_alertmanager"
  | ".prometheus"
  | ".rootly"
  | ".salesforce"
  | ".sentry"
  | ".sublime_security"
  | ".tavily_mcp"
  | ".urlvoid"
  | ".zoom"
  | ".zabbix"
  | ".urlscan_io"
  | ".unifi"
  | ".one_drive"
  | ".aws_lambda"
  | ".amazon_s3"
  | ".aws_x_ray"
  | ".aws_cloudwatch"
  | ".azure-blob"
  | ".gcp_cloud_functions"
  | ".gcp_iam"
  | ".gmail"
  | ".google_drive"
  | ".google_docs"
  | ".google_calendar"
  | ".outlook"
  | ".sharepoint-online"
  | ".microsoft-teams"
  | ".slack2"
  | ".jira-cloud"
  | ".bigquery"
  | ".google_cloud_monitoring"
  | ".google_cloud_storage"
  | ".gcp_secret_manager"
  | ".1password"
  | ".censys"
  | ".trello"
  | ".misp"
  | ".argocd"
  | ".kubernetes"
  | ".new_relic"
  | ".sharepoint-server"
  | ".snowflake"
  | ".ansible_controller"
  | ".opensearch_aws_opensearch_service"
  | ".azure_monitor"
  | ".workday"
  | ".confluence-cloud"
  | ".abuseipdb"
  | ".google_threat_intelligence"
  | ".mongodb"
  | ".mysql"
  | ".okta"
  | ".opsgenie"
  | ".jira-service-management"
  | ".tines"
  | ".gen-ai"
  | ".bedrock"
  | ".gemini"
  | ".d3security"
  | ".resilient"
  | ".thehive"
  | ".xsoar"
  | ".mcp"
  | ".sentinelone"
  | ".crowdstrike"
  | ".inference"
  | ".microsoft_defender_endpoint"
  | ".cases"
  | ".observability-ai-assistant"
  | ".workflows";

/** The connector type ids a create-connector request may name (system action types cannot be created). */
export type CreatableConnectorTypeId =
  | ".email"
  | ".index"
  | ".pagerduty"
  | ".swimlane"
  | ".server-log"
  | ".slack"
  | ".slack_api"
  | ".webhook"
  | ".http"
  | ".cases-webhook"
  | ".xmatters"
  | ".servicenow"
  | ".servicenow-sir"
  | ".servicenow-itom"
  | ".jira"
  | ".teams"
  | ".torq"
  | ".alienvault-otx"
  | ".brave-search"
  | ".github"
  | ".greynoise"
  | ".servicenow_search"
  | ".shodan"
  | ".virustotal"
  | ".zendesk"
  | ".box"
  | ".buildkite"
  | ".dropbox"
  | ".databricks"
  | ".datadog"
  | ".dynatrace"
  | ".figma"
  | ".firecrawl"
  | ".grafana"
  | ".graphql"
  | ".hubspot"
  | ".jenkins"
  | ".jina"
  | ".monday_com"
  | ".notion"
  | ".pagerduty_mcp"
  | ".posthog"
  | ".prometheus_alertmanager"
  | ".prometheus"
  | ".rootly"
  | ".salesforce"
  | ".sentry"
  | ".sublime_security"
  | ".tavily_mcp"
  | ".urlvoid"
  | ".zoom"
  | ".zabbix"
  | ".urlscan_io"
  | ".unifi"
  | ".one_drive"
  | ".aws_lambda"
  | ".amazon_s3"
  | ".aws_x_ray"
  | ".aws_cloudwatch"
  | ".azure-blob"
  | ".gcp_cloud_functions"
  | ".gcp_iam"
  | ".gmail"
  | ".google_drive"
  | ".google_docs"
  | ".google_calendar"
  | ".outlook"
  | ".sharepoint-online"
  | ".microsoft-teams"
  | ".slack2"
  | ".jira-cloud"
  | ".bigquery"
  | ".google_cloud_monitoring"
  | ".google_cloud_storage"
  | ".gcp_secret_manager"
  | ".1password"
  | ".censys"
  | ".trello"
  | ".misp"
  | ".argocd"
  | ".kubernetes"
  | ".new_relic"
  | ".sharepoint-server"
  | ".snowflake"
  | ".ansible_controller"
  | ".opensearch_aws_opensearch_service"
  | ".azure_monitor"
  | ".workday"
  | ".confluence-cloud"
  | ".abuseipdb"
  | ".google_threat_intelligence"
  | ".mongodb"
  | ".mysql"
  | ".okta"
  | ".opsgenie"
  | ".jira-service-management"
  | ".tines"
  | ".gen-ai"
  | ".bedrock"
  | ".gemini"
  | ".d3security"
  | ".resilient"
  | ".thehive"
  | ".xsoar"
  | ".mcp"
  | ".sentinelone"
  | ".crowdstrike"
  | ".inference"
  | ".microsoft_defender_endpoint";

/** A Kibana license level, lowest first. */
export type License = "basic" | "gold" | "platinum" | "enterprise";

/** Where in Kibana a connector type can be used. */
export type ConnectorFeatureId =
  | "alerting"
  | "uptime"
  | "siem"
  | "workflows"
  | "agentBuilder"
  | "cases"
  | "contextEngine"
  | "generativeAIForSecurity"
  | "generativeAIForObservability"
  | "generativeAIForSearchPlayground"
  | "endpointSecurity";

// Email (`.email`)

/** Settings of an Email connector. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type EmailConfig = {
  /**
   * The email service: `other` for any SMTP server (give host and port), `exchange_server` for Microsoft Exchange (give tenant and client ids), `elastic_cloud`, or a well-known service name such as `gmail`, `outlook365` or `ses`.
   * @default "other"
   */
  service?: string;
  /**
   * The SMTP server's host name; required when the service is `other`.
   * @default null
   */
  host?: string | null;
  /**
   * The SMTP server's port (1 to 65535); required when the service is `other`.
   * @default null
   */
  port?: number | string | null;
  /**
   * Use TLS from the start. When empty, TLS is used when the port is 465.
   * @default null
   */
  secure?: boolean | null;
  /** The sender's address, e.g. `alerts@example.com` or `Alerts <alerts@example.com>`. */
  from: string;
  /**
   * The server needs a user name and password (or, for Exchange, a client secret).
   * @default true
   */
  hasAuth?: boolean;
  /**
   * Microsoft Exchange: the directory (tenant) id of the Azure application.
   * @default null
   */
  tenantId?: string | null;
  /**
   * Microsoft Exchange: the application (client) id.
   * @default null
   */
  clientId?: string | null;
  /**
   * Microsoft Exchange: the OAuth 2.0 token URL, when not Microsoft's default.
   * @default null
   */
  oauthTokenUrl?: string | null;
  /** Send the message body as HTML. Not available for the `elastic_cloud` service. */
  allowHtml?: boolean;
};

/** Credentials of an Email connector. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type EmailSecrets = {
  /**
   * The user name for the SMTP server; required when `hasAuth` is true.
   * @default null
   */
  user?: string | null;
  /**
   * The password for the SMTP server; required when `hasAuth` is true.
   * @default null
   */
  password?: string | null;
  /**
   * Microsoft Exchange: the application's client secret.
   * @default null
   */
  clientSecret?: string | null;
};

/** `EmailConfig` as Kibana stores it: every field that has a default is present. */
export type StoredEmailConfig = {
  /**
   * The email service: `other` for any SMTP server (give host and port), `exchange_server` for Microsoft Exchange (give tenant and client ids), `elastic_cloud`, or a well-known service name such as `gmail`, `outlook365` or `ses`.
   * @default "other"
   */
  service: string;
  /**
   * The SMTP server's host name; required when the service is `other`.
   * @default null
   */
  host: string | null;
  /**
   * The SMTP server's port (1 to 65535); required when the service is `other`.
   * @default null
   */
  port: number | string | null;
  /**
   * Use TLS from the start. When empty, TLS is used when the port is 465.
   * @default null
   */
  secure: boolean | null;
  /** The sender's address, e.g. `alerts@example.com` or `Alerts <alerts@example.com>`. */
  from: string;
  /**
   * The server needs a user name and password (or, for Exchange, a client secret).
   * @default true
   */
  hasAuth: boolean;
  /**
   * Microsoft Exchange: the directory (tenant) id of the Azure application.
   * @default null
   */
  tenantId: string | null;
  /**
   * Microsoft Exchange: the application (client) id.
   * @default null
   */
  clientId: string | null;
  /**
   * Microsoft Exchange: the OAuth 2.0 token URL, when not Microsoft's default.
   * @default null
   */
  oauthTokenUrl: string | null;
  /** Send the message body as HTML. Not available for the `elastic_cloud` service. */
  allowHtml?: boolean;
};

/** `EmailSecrets` as Kibana stores it: every field that has a default is present. */
export type StoredEmailSecrets = {
  /**
   * The user name for the SMTP server; required when `hasAuth` is true.
   * @default null
   */
  user: string | null;
  /**
   * The password for the SMTP server; required when `hasAuth` is true.
   * @default null
   */
  password: string | null;
  /**
   * Microsoft Exchange: the application's client secret.
   * @default null
   */
  clientSecret: string | null;
};

/** The body of a create-connector request for the `.email` type (Email). */
export interface CreateEmailConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".email";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: EmailConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets?: EmailSecrets;
}

/** What `normalize` returns for the `.email` type (Email): the body as Kibana stores it (defaults filled in). */
export interface NormalizedEmailConnectorBody {
  name: string;
  connector_type_id: ".email";
  config: StoredEmailConfig;
  secrets: StoredEmailSecrets;
}

/** A connector of the `.email` type (Email) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface EmailConnector extends ConnectorResponseFields {
  connector_type_id: ".email";
  config: StoredEmailConfig;
}

// Index (`.index`)

/** Settings of an Index connector. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type IndexConfig = {
  /** The Elasticsearch index (or alias, or data stream) the documents are written to. */
  index: string;
  /**
   * Refresh the index after each write, so that the documents are searchable at once.
   * @default false
   */
  refresh?: boolean;
  /**
   * A date field that receives the time at which the alert ran; leave empty for none.
   * @default null
   */
  executionTimeField?: string | null;
};

/** An Index connector has no secrets. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type IndexSecrets = Record<string, never>;

/** `IndexConfig` as Kibana stores it: every field that has a default is present. */
export type StoredIndexConfig = {
  /** The Elasticsearch index (or alias, or data stream) the documents are written to. */
  index: string;
  /**
   * Refresh the index after each write, so that the documents are searchable at once.
   * @default false
   */
  refresh: boolean;
  /**
   * A date field that receives the time at which the alert ran; leave empty for none.
   * @default null
   */
  executionTimeField: string | null;
};

/** The same as `IndexSecrets`: no field has a default. */
export type StoredIndexSecrets = IndexSecrets;

/** The body of a create-connector request for the `.index` type (Index). */
export interface CreateIndexConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".index";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: IndexConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets?: IndexSecrets;
}

/** What `normalize` returns for the `.index` type (Index): the body as Kibana stores it (defaults filled in). */
export interface NormalizedIndexConnectorBody {
  name: string;
  connector_type_id: ".index";
  config: StoredIndexConfig;
  secrets: StoredIndexSecrets;
}

/** A connector of the `.index` type (Index) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface IndexConnector extends ConnectorResponseFields {
  connector_type_id: ".index";
  config: StoredIndexConfig;
}

// PagerDuty (`.pagerduty`)

/** Settings of a PagerDuty connector. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type PagerDutyConfig = {
  /**
   * The PagerDuty Events API URL; leave out (or `null`) for `https://events.pagerduty.com/v2/enqueue`. An empty string is refused. Kibana checks the URL it will call against `xpack.actions.allowedHosts`, the default one included.
   * @default null
   */
  apiUrl?: string | null;
};

/** Credentials of a PagerDuty connector. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type PagerDutySecrets = {
  /** The integration key (routing key) of an Events API v2 integration of a PagerDuty service. */
  routingKey: string;
};

/** `PagerDutyConfig` as Kibana stores it: every field that has a default is present. */
export type StoredPagerDutyConfig = {
  /**
   * The PagerDuty Events API URL; leave out (or `null`) for `https://events.pagerduty.com/v2/enqueue`. An empty string is refused. Kibana checks the URL it will call against `xpack.actions.allowedHosts`, the default one included.
   * @default null
   */
  apiUrl: string | null;
};

/** The same as `PagerDutySecrets`: no field has a default. */
export type StoredPagerDutySecrets = PagerDutySecrets;

/** The body of a create-connector request for the `.pagerduty` type (PagerDuty). */
export interface CreatePagerDutyConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".pagerduty";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: PagerDutyConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: PagerDutySecrets;
}

/** What `normalize` returns for the `.pagerduty` type (PagerDuty): the body as Kibana stores it (defaults filled in). */
export interface NormalizedPagerDutyConnectorBody {
  name: string;
  connector_type_id: ".pagerduty";
  config: StoredPagerDutyConfig;
  secrets: StoredPagerDutySecrets;
}

/** A connector of the `.pagerduty` type (PagerDuty) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface PagerDutyConnector extends ConnectorResponseFields {
  connector_type_id: ".pagerduty";
  config: StoredPagerDutyConfig;
}

// Swimlane (`.swimlane`)

/** Settings of a Swimlane connector. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type SwimlaneConfig = {
  /** The address of your Swimlane instance, e.g. `https://swimlane.example.com`. */
  apiUrl: string;
  /** The id of the Swimlane application the records are created in. */
  appId: string;
  /** Which Kibana features the connector serves: `all`, `alerts` or `cases`. */
  connectorType: "all" | "alerts" | "cases";
  /** Which Swimlane fields receive which data (`{}` maps nothing). */
  mappings: {
    /**
     * The field that receives the rule name.
     * @default null
     */
    ruleNameConfig?: {
      /** The Swimlane field id. */
      id: string;
      /** The Swimlane field key. */
      key: string;
      /** The Swimlane field name. */
      name: string;
      /** The Swimlane field type, e.g. `text` or `notes`. */
      fieldType: string;
    } | null;
    /**
     * The field that receives the alert id.
     * @default null
     */
    alertIdConfig?: {
      /** The Swimlane field id. */
      id: string;
      /** The Swimlane field key. */
      key: string;
      /** The Swimlane field name. */
      name: string;
      /** The Swimlane field type, e.g. `text` or `notes`. */
      fieldType: string;
    } | null;
    /**
     * The field that receives the case id.
     * @default null
     */
    caseIdConfig?: {
      /** The Swimlane field id. */
      id: string;
      /** The Swimlane field key. */
      key: string;
      /** The Swimlane field name. */
      name: string;
      /** The Swimlane field type, e.g. `text` or `notes`. */
      fieldType: string;
    } | null;
    /**
     * The field that receives the case name.
     * @default null
     */
    caseNameConfig?: {
      /** The Swimlane field id. */
      id: string;
      /** The Swimlane field key. */
      key: string;
      /** The Swimlane field name. */
      name: string;
      /** The Swimlane field type, e.g. `text` or `notes`. */
      fieldType: string;
    } | null;
    /**
     * The field that receives comments.
     * @default null
     */
    commentsConfig?: {
      /** The Swimlane field id. */
      id: string;
      /** The Swimlane field key. */
      key: string;
      /** The Swimlane field name. */
      name: string;
      /** The Swimlane field type, e.g. `text` or `notes`. */
      fieldType: string;
    } | null;
    /**
     * The field that receives the severity.
     * @default null
     */
    severityConfig?: {
      /** The Swimlane field id. */
      id: string;
      /** The Swimlane field key. */
      key: string;
      /** The Swimlane field name. */
      name: string;
      /** The Swimlane field type, e.g. `text` or `notes`. */
      fieldType: string;
    } | null;
    /**
     * The field that receives the description.
     * @default null
     */
    descriptionConfig?: {
      /** The Swimlane field id. */
      id: string;
      /** The Swimlane field key. */
      key: string;
      /** The Swimlane field name. */
      name: string;
      /** The Swimlane field type, e.g. `text` or `notes`. */
      fieldType: string;
    } | null;
  };
};

/** Credentials of a Swimlane connector. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type SwimlaneSecrets = {
  /** A Swimlane API token. */
  apiToken: string;
};

/** `SwimlaneConfig` as Kibana stores it: every field that has a default is present. */
export type StoredSwimlaneConfig = {
  /** The address of your Swimlane instance, e.g. `https://swimlane.example.com`. */
  apiUrl: string;
  /** The id of the Swimlane application the records are created in. */
  appId: string;
  /** Which Kibana features the connector serves: `all`, `alerts` or `cases`. */
  connectorType: "all" | "alerts" | "cases";
  /** Which Swimlane fields receive which data (`{}` maps nothing). */
  mappings: {
    /**
     * The field that receives the rule name.
     * @default null
     */
    ruleNameConfig: {
      /** The Swimlane field id. */
      id: string;
      /** The Swimlane field key. */
      key: string;
      /** The Swimlane field name. */
      name: string;
      /** The Swimlane field type, e.g. `text` or `notes`. */
      fieldType: string;
    } | null;
    /**
     * The field that receives the alert id.
     * @default null
     */
    alertIdConfig: {
      /** The Swimlane field id. */
      id: string;
      /** The Swimlane field key. */
      key: string;
      /** The Swimlane field name. */
      name: string;
      /** The Swimlane field type, e.g. `text` or `notes`. */
      fieldType: string;
    } | null;
    /**
     * The field that receives the case id.
     * @default null
     */
    caseIdConfig: {
      /** The Swimlane field id. */
      id: string;
      /** The Swimlane field key. */
      key: string;
      /** The Swimlane field name. */
      name: string;
      /** The Swimlane field type, e.g. `text` or `notes`. */
      fieldType: string;
    } | null;
    /**
     * The field that receives the case name.
     * @default null
     */
    caseNameConfig: {
      /** The Swimlane field id. */
      id: string;
      /** The Swimlane field key. */
      key: string;
      /** The Swimlane field name. */
      name: string;
      /** The Swimlane field type, e.g. `text` or `notes`. */
      fieldType: string;
    } | null;
    /**
     * The field that receives comments.
     * @default null
     */
    commentsConfig: {
      /** The Swimlane field id. */
      id: string;
      /** The Swimlane field key. */
      key: string;
      /** The Swimlane field name. */
      name: string;
      /** The Swimlane field type, e.g. `text` or `notes`. */
      fieldType: string;
    } | null;
    /**
     * The field that receives the severity.
     * @default null
     */
    severityConfig: {
      /** The Swimlane field id. */
      id: string;
      /** The Swimlane field key. */
      key: string;
      /** The Swimlane field name. */
      name: string;
      /** The Swimlane field type, e.g. `text` or `notes`. */
      fieldType: string;
    } | null;
    /**
     * The field that receives the description.
     * @default null
     */
    descriptionConfig: {
      /** The Swimlane field id. */
      id: string;
      /** The Swimlane field key. */
      key: string;
      /** The Swimlane field name. */
      name: string;
      /** The Swimlane field type, e.g. `text` or `notes`. */
      fieldType: string;
    } | null;
  };
};

/** The same as `SwimlaneSecrets`: no field has a default. */
export type StoredSwimlaneSecrets = SwimlaneSecrets;

/** The body of a create-connector request for the `.swimlane` type (Swimlane). */
export interface CreateSwimlaneConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".swimlane";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: SwimlaneConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: SwimlaneSecrets;
}

/** What `normalize` returns for the `.swimlane` type (Swimlane): the body as Kibana stores it (defaults filled in). */
export interface NormalizedSwimlaneConnectorBody {
  name: string;
  connector_type_id: ".swimlane";
  config: StoredSwimlaneConfig;
  secrets: StoredSwimlaneSecrets;
}

/** A connector of the `.swimlane` type (Swimlane) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface SwimlaneConnector extends ConnectorResponseFields {
  connector_type_id: ".swimlane";
  config: StoredSwimlaneConfig;
}

// Server log (`.server-log`)

/** A Server log connector has no settings: any key is refused. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type ServerLogConfig = Record<string, never>;

/** A Server log connector has no secrets: any key is refused. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type ServerLogSecrets = Record<string, never>;

/** The same as `ServerLogConfig`: no field has a default. */
export type StoredServerLogConfig = ServerLogConfig;

/** The same as `ServerLogSecrets`: no field has a default. */
export type StoredServerLogSecrets = ServerLogSecrets;

/** The body of a create-connector request for the `.server-log` type (Server log). */
export interface CreateServerLogConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".server-log";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: ServerLogConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets?: ServerLogSecrets;
}

/** What `normalize` returns for the `.server-log` type (Server log): the body as Kibana stores it (defaults filled in). */
export interface NormalizedServerLogConnectorBody {
  name: string;
  connector_type_id: ".server-log";
  config: StoredServerLogConfig;
  secrets: StoredServerLogSecrets;
}

/** A connector of the `.server-log` type (Server log) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface ServerLogConnector extends ConnectorResponseFields {
  connector_type_id: ".server-log";
  config: StoredServerLogConfig;
}

// Slack (`.slack`)

/** A Slack (webhook) connector has no settings: any key is refused. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type SlackConfig = Record<string, never>;

/** Credentials of a Slack (webhook) connector. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type SlackSecrets = {
  /** The incoming-webhook URL Slack gave you, e.g. `https://hooks.slack.com/services/T000/B000/XXXX`. Kibana checks it against `xpack.actions.allowedHosts`. */
  webhookUrl: string;
};

/** The same as `SlackConfig`: no field has a default. */
export type StoredSlackConfig = SlackConfig;

/** The same as `SlackSecrets`: no field has a default. */
export type StoredSlackSecrets = SlackSecrets;

/** The body of a create-connector request for the `.slack` type (Slack). */
export interface CreateSlackConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".slack";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: SlackConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: SlackSecrets;
}

/** What `normalize` returns for the `.slack` type (Slack): the body as Kibana stores it (defaults filled in). */
export interface NormalizedSlackConnectorBody {
  name: string;
  connector_type_id: ".slack";
  config: StoredSlackConfig;
  secrets: StoredSlackSecrets;
}

/** A connector of the `.slack` type (Slack) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface SlackConnector extends ConnectorResponseFields {
  connector_type_id: ".slack";
  config: StoredSlackConfig;
}

// Slack API (`.slack_api`)

/** Settings of a Slack API connector. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type SlackApiConfig = {
  /** The channels the connector may post to (at most 500); leave out to allow every channel the bot can see. */
  allowedChannels?: Array<{
    /** The channel ID, e.g. `C0123456789`. */
    id?: string;
    /** The channel name, e.g. `#general`. */
    name: string;
  }>;
};

/** Credentials of a Slack API connector. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type SlackApiSecrets = {
  /** The bot user OAuth token of your Slack app (`xoxb-…`). */
  token: string;
};

/** The same as `SlackApiConfig`: no field has a default. */
export type StoredSlackApiConfig = SlackApiConfig;

/** The same as `SlackApiSecrets`: no field has a default. */
export type StoredSlackApiSecrets = SlackApiSecrets;

/** The body of a create-connector request for the `.slack_api` type (Slack API). */
export interface CreateSlackApiConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".slack_api";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: SlackApiConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: SlackApiSecrets;
}

/** What `normalize` returns for the `.slack_api` type (Slack API): the body as Kibana stores it (defaults filled in). */
export interface NormalizedSlackApiConnectorBody {
  name: string;
  connector_type_id: ".slack_api";
  config: StoredSlackApiConfig;
  secrets: StoredSlackApiSecrets;
}

/** A connector of the `.slack_api` type (Slack API) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface SlackApiConnector extends ConnectorResponseFields {
  connector_type_id: ".slack_api";
  config: StoredSlackApiConfig;
}

// Webhook (`.webhook`)

/** Settings of a Webhook connector. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type WebhookConfig = {
  /** The URL the request is sent to. Its host must be in Kibana's `xpack.actions.allowedHosts`. */
  url: string;
  /**
   * The HTTP method of the request.
   * @default "post"
   */
  method?: "post" | "put" | "patch" | "get" | "delete";
  /**
   * Headers sent with every request (name → value). Use `secrets.secretHeaders` for values that must stay secret.
   * @default null
   */
  headers?: { [key: string]: string } | null;
  /**
   * Whether the request is authenticated.
   * @default true
   */
  hasAuth?: boolean;
  /**
   * The authentication method (the OAuth 2.0 password grant is refused). Must be empty (`null`) when `hasAuth` is false; left out, it becomes basic authentication, or `null` when `hasAuth` is false.
   * @default "webhook-authentication-basic"
   */
  authType?: "webhook-authentication-basic" | "webhook-authentication-ssl" | "webhook-oauth2-client-credentials" | "http-authentication-query-param" | "webhook-oauth2-password" | null;
  /** The format of the TLS client certificate, for certificate authentication. */
  certType?: "ssl-crt-key" | "ssl-pfx";
  /** A certificate authority (PEM, base64-encoded) that signs the service's certificate. */
  ca?: string;
  /** How strictly the service's TLS certificate is verified. */
  verificationMode?: "none" | "certificate" | "full";
  /** The OAuth 2.0 token endpoint (required for OAuth 2.0 client credentials). Its host must be in `xpack.actions.allowedHosts`. */
  accessTokenUrl?: string;
  /** The OAuth 2.0 client id (required for OAuth 2.0 client credentials). */
  clientId?: string;
  /** The OAuth 2.0 scope to request. */
  scope?: string;
  /** Extra fields for the OAuth 2.0 token request, as JSON text of a non-empty object, e.g. `{"audience": "https://api.example.com"}`. */
  additionalFields?: string | null;
};

/** Credentials of a Webhook connector. Send one of these combinations, or none at all: `user` and `password`; `crt` and `key` (with an optional `password`); `pfx` (with an optional `password`); or `clientSecret` (for OAuth 2.0). `secretHeaders` goes with any of them. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type WebhookSecrets = {
  /**
   * The user name for basic authentication.
   * @default null
   */
  user?: string | null;
  /**
   * The password for basic authentication, or the passphrase of the certificate's key.
   * @default null
   */
  password?: string | null;
  /**
   * The TLS client certificate (PEM, base64-encoded), used with `key`.
   * @default null
   */
  crt?: string | null;
  /**
   * The private key of the TLS client certificate (PEM, base64-encoded), used with `crt`.
   * @default null
   */
  key?: string | null;
  /**
   * The TLS client certificate and key as a PKCS #12 bundle (base64-encoded).
   * @default null
   */
  pfx?: string | null;
  /**
   * The OAuth 2.0 client secret, used with `accessTokenUrl` and `clientId`.
   * @default null
   */
  clientSecret?: string | null;
  /**
   * Headers whose values are kept secret (for example an API key), sent with every request.
   * @default null
   */
  secretHeaders?: { [key: string]: string } | null;
};

/** `WebhookConfig` as Kibana stores it: every field that has a default is present. */
export type StoredWebhookConfig = {
  /** The URL the request is sent to. Its host must be in Kibana's `xpack.actions.allowedHosts`. */
  url: string;
  /**
   * The HTTP method of the request.
   * @default "post"
   */
  method: "post" | "put" | "patch" | "get" | "delete";
  /**
   * Headers sent with every request (name → value). Use `secrets.secretHeaders` for values that must stay secret.
   * @default null
   */
  headers: { [key: string]: string } | null;
  /**
   * Whether the request is authenticated.
   * @default true
   */
  hasAuth: boolean;
  /**
   * The authentication method (the OAuth 2.0 password grant is refused). Must be empty (`null`) when `hasAuth` is false; left out, it becomes basic authentication, or `null` when `hasAuth` is false.
   * @default "webhook-authentication-basic"
   */
  authType: "webhook-authentication-basic" | "webhook-authentication-ssl" | "webhook-oauth2-client-credentials" | "http-authentication-query-param" | "webhook-oauth2-password" | null;
  /** The format of the TLS client certificate, for certificate authentication. */
  certType?: "ssl-crt-key" | "ssl-pfx";
  /** A certificate authority (PEM, base64-encoded) that signs the service's certificate. */
  ca?: string;
  /** How strictly the service's TLS certificate is verified. */
  verificationMode?: "none" | "certificate" | "full";
  /** The OAuth 2.0 token endpoint (required for OAuth 2.0 client credentials). Its host must be in `xpack.actions.allowedHosts`. */
  accessTokenUrl?: string;
  /** The OAuth 2.0 client id (required for OAuth 2.0 client credentials). */
  clientId?: string;
  /** The OAuth 2.0 scope to request. */
  scope?: string;
  /** Extra fields for the OAuth 2.0 token request, as JSON text of a non-empty object, e.g. `{"audience": "https://api.example.com"}`. */
  additionalFields?: string | null;
};

/** `WebhookSecrets` as Kibana stores it: every field that has a default is present. */
export type StoredWebhookSecrets = {
  /**
   * The user name for basic authentication.
   * @default null
   */
  user: string | null;
  /**
   * The password for basic authentication, or the passphrase of the certificate's key.
   * @default null
   */
  password: string | null;
  /**
   * The TLS client certificate (PEM, base64-encoded), used with `key`.
   * @default null
   */
  crt: string | null;
  /**
   * The private key of the TLS client certificate (PEM, base64-encoded), used with `crt`.
   * @default null
   */
  key: string | null;
  /**
   * The TLS client certificate and key as a PKCS #12 bundle (base64-encoded).
   * @default null
   */
  pfx: string | null;
  /**
   * The OAuth 2.0 client secret, used with `accessTokenUrl` and `clientId`.
   * @default null
   */
  clientSecret: string | null;
  /**
   * Headers whose values are kept secret (for example an API key), sent with every request.
   * @default null
   */
  secretHeaders: { [key: string]: string } | null;
};

/** The body of a create-connector request for the `.webhook` type (Webhook). */
export interface CreateWebhookConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".webhook";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: WebhookConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets?: WebhookSecrets;
}

/** What `normalize` returns for the `.webhook` type (Webhook): the body as Kibana stores it (defaults filled in). */
export interface NormalizedWebhookConnectorBody {
  name: string;
  connector_type_id: ".webhook";
  config: StoredWebhookConfig;
  secrets: StoredWebhookSecrets;
}

/** A connector of the `.webhook` type (Webhook) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface WebhookConnector extends ConnectorResponseFields {
  connector_type_id: ".webhook";
  config: StoredWebhookConfig;
}

// HTTP (`.http`)

/** Settings of an HTTP connector. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type HttpConfig = {
  /** The base URL of the service, e.g. `https://api.example.com`. Each request adds its own path and query. Its host must be in Kibana's `xpack.actions.allowedHosts`. */
  url: string;
  /**
   * Headers sent with every request (name → value). Use `secrets.secretHeaders` for values that must stay secret.
   * @default null
   */
  headers?: { [key: string]: string } | null;
  /**
   * Whether the requests are authenticated.
   * @default true
   */
  hasAuth?: boolean;
  /**
   * The authentication method. Must be empty (`null`) when `hasAuth` is false; left out, it becomes basic authentication, or `null` when `hasAuth` is false.
   * @default "webhook-authentication-basic"
   */
  authType?: "webhook-authentication-basic" | "webhook-authentication-ssl" | "webhook-oauth2-client-credentials" | "http-authentication-query-param" | "webhook-oauth2-password" | null;
  /** The format of the TLS client certificate, for certificate authentication. */
  certType?: "ssl-crt-key" | "ssl-pfx";
  /** A certificate authority (PEM, base64-encoded) that signs the service's certificate. */
  ca?: string;
  /** How strictly the service's TLS certificate is verified. */
  verificationMode?: "none" | "certificate" | "full";
  /** The OAuth 2.0 token endpoint (required for the OAuth 2.0 client credentials and password grants). */
  accessTokenUrl?: string;
  /** The OAuth 2.0 client id (required for OAuth 2.0 client credentials). */
  clientId?: string;
  /** The OAuth 2.0 scope to request. */
  scope?: string;
  /** Extra fields for the OAuth 2.0 token request, as JSON text of a non-empty object, e.g. `{"audience": "https://api.example.com"}`. */
  additionalFields?: string | null;
  /**
   * A proxy that the requests of this connector go through, e.g. `http://proxy.example.com:8080`; empty (`null`) for none. Its host must be in `xpack.actions.allowedHosts`.
   * @default null
   */
  proxyUrl?: string | null;
  /** How strictly the proxy's TLS certificate is verified. */
  proxyVerificationMode?: "none" | "certificate" | "full";
  /**
   * Whether the proxy needs basic authentication with `secrets.proxyUsername` and `secrets.proxyPassword` (then `proxyUrl` is required too).
   * @default false
   */
  hasProxyAuth?: boolean;
};

/** Credentials of an HTTP connector. Send one of these combinations, or none at all: `user` and `password`; `crt` and `key` (with an optional `password`); `pfx` (with an optional `password`); or `clientSecret` (for OAuth 2.0). The proxy credentials, `secretHeaders` and `secretQueryParams` go with any of them. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type HttpSecrets = {
  /**
   * The user name for the proxy's basic authentication (with `proxyPassword`).
   * @default null
   */
  proxyUsername?: string | null;
  /**
   * The password for the proxy's basic authentication (with `proxyUsername`).
   * @default null
   */
  proxyPassword?: string | null;
  /**
   * Query parameters whose values are kept secret (for example an API key), added to every request.
   * @default null
   */
  secretQueryParams?: { [key: string]: string } | null;
  /**
   * The user name for basic authentication (or the OAuth 2.0 password grant).
   * @default null
   */
  user?: string | null;
  /**
   * The password for basic authentication, or the passphrase of the certificate's key.
   * @default null
   */
  password?: string | null;
  /**
   * The TLS client certificate (PEM, base64-encoded), used with `key`.
   * @default null
   */
  crt?: string | null;
  /**
   * The private key of the TLS client certificate (PEM, base64-encoded), used with `crt`.
   * @default null
   */
  key?: string | null;
  /**
   * The TLS client certificate and key as a PKCS #12 bundle (base64-encoded).
   * @default null
   */
  pfx?: string | null;
  /**
   * The OAuth 2.0 client secret, used with `accessTokenUrl` and `clientId`.
   * @default null
   */
  clientSecret?: string | null;
  /**
   * Headers whose values are kept secret (for example an API key), sent with every request.
   * @default null
   */
  secretHeaders?: { [key: string]: string } | null;
};

/** `HttpConfig` as Kibana stores it: every field that has a default is present. */
export type StoredHttpConfig = {
  /** The base URL of the service, e.g. `https://api.example.com`. Each request adds its own path and query. Its host must be in Kibana's `xpack.actions.allowedHosts`. */
  url: string;
  /**
   * Headers sent with every request (name → value). Use `secrets.secretHeaders` for values that must stay secret.
   * @default null
   */
  headers: { [key: string]: string } | null;
  /**
   * Whether the requests are authenticated.
   * @default true
   */
  hasAuth: boolean;
  /**
   * The authentication method. Must be empty (`null`) when `hasAuth` is false; left out, it becomes basic authentication, or `null` when `hasAuth` is false.
   * @default "webhook-authentication-basic"
   */
  authType: "webhook-authentication-basic" | "webhook-authentication-ssl" | "webhook-oauth2-client-credentials" | "http-authentication-query-param" | "webhook-oauth2-password" | null;
  /** The format of the TLS client certificate, for certificate authentication. */
  certType?: "ssl-crt-key" | "ssl-pfx";
  /** A certificate authority (PEM, base64-encoded) that signs the service's certificate. */
  ca?: string;
  /** How strictly the service's TLS certificate is verified. */
  verificationMode?: "none" | "certificate" | "full";
  /** The OAuth 2.0 token endpoint (required for the OAuth 2.0 client credentials and password grants). */
  accessTokenUrl?: string;
  /** The OAuth 2.0 client id (required for OAuth 2.0 client credentials). */
  clientId?: string;
  /** The OAuth 2.0 scope to request. */
  scope?: string;
  /** Extra fields for the OAuth 2.0 token request, as JSON text of a non-empty object, e.g. `{"audience": "https://api.example.com"}`. */
  additionalFields?: string | null;
  /**
   * A proxy that the requests of this connector go through, e.g. `http://proxy.example.com:8080`; empty (`null`) for none. Its host must be in `xpack.actions.allowedHosts`.
   * @default null
   */
  proxyUrl: string | null;
  /** How strictly the proxy's TLS certificate is verified. */
  proxyVerificationMode?: "none" | "certificate" | "full";
  /**
   * Whether the proxy needs basic authentication with `secrets.proxyUsername` and `secrets.proxyPassword` (then `proxyUrl` is required too).
   * @default false
   */
  hasProxyAuth: boolean;
};

/** `HttpSecrets` as Kibana stores it: every field that has a default is present. */
export type StoredHttpSecrets = {
  /**
   * The user name for the proxy's basic authentication (with `proxyPassword`).
   * @default null
   */
  proxyUsername: string | null;
  /**
   * The password for the proxy's basic authentication (with `proxyUsername`).
   * @default null
   */
  proxyPassword: string | null;
  /**
   * Query parameters whose values are kept secret (for example an API key), added to every request.
   * @default null
   */
  secretQueryParams: { [key: string]: string } | null;
  /**
   * The user name for basic authentication (or the OAuth 2.0 password grant).
   * @default null
   */
  user: string | null;
  /**
   * The password for basic authentication, or the passphrase of the certificate's key.
   * @default null
   */
  password: string | null;
  /**
   * The TLS client certificate (PEM, base64-encoded), used with `key`.
   * @default null
   */
  crt: string | null;
  /**
   * The private key of the TLS client certificate (PEM, base64-encoded), used with `crt`.
   * @default null
   */
  key: string | null;
  /**
   * The TLS client certificate and key as a PKCS #12 bundle (base64-encoded).
   * @default null
   */
  pfx: string | null;
  /**
   * The OAuth 2.0 client secret, used with `accessTokenUrl` and `clientId`.
   * @default null
   */
  clientSecret: string | null;
  /**
   * Headers whose values are kept secret (for example an API key), sent with every request.
   * @default null
   */
  secretHeaders: { [key: string]: string } | null;
};

/** The body of a create-connector request for the `.http` type (HTTP). */
export interface CreateHttpConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".http";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: HttpConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets?: HttpSecrets;
}

/** What `normalize` returns for the `.http` type (HTTP): the body as Kibana stores it (defaults filled in). */
export interface NormalizedHttpConnectorBody {
  name: string;
  connector_type_id: ".http";
  config: StoredHttpConfig;
  secrets: StoredHttpSecrets;
}

/** A connector of the `.http` type (HTTP) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface HttpConnector extends ConnectorResponseFields {
  connector_type_id: ".http";
  config: StoredHttpConfig;
}

// Webhook - Case Management (`.cases-webhook`)

/** Settings of a Webhook - Case Management connector. URLs and JSON bodies may use Mustache variables such as `{{{external.system.id}}}` or `{{{case.title}}}`. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type WebhookCaseManagementConfig = {
  /** The REST API URL that creates a case. Its host must be in Kibana's `xpack.actions.allowedHosts`. */
  createIncidentUrl: string;
  /**
   * The HTTP method that creates a case.
   * @default "post"
   */
  createIncidentMethod?: "post" | "put";
  /** The JSON body (as text) of the request that creates a case. */
  createIncidentJson: string;
  /** The key in the create response that holds the id of the new case. */
  createIncidentResponseKey: string;
  /**
   * The HTTP method that reads a case.
   * @default "get"
   */
  getIncidentMethod?: "get" | "post";
  /** The REST API URL that reads a case, e.g. `https://example.com/issue/{{{external.system.id}}}`. */
  getIncidentUrl: string;
  /**
   * The JSON body (as text) of the request that reads a case, when it is sent with POST.
   * @default null
   */
  getIncidentJson?: string | null;
  /** The key in the read response that holds the case's title. */
  getIncidentResponseExternalTitleKey: string;
  /** The URL of a case in the service's web interface, e.g. `https://example.com/browse/{{{external.system.title}}}`. */
  viewIncidentUrl: string;
  /** The REST API URL that updates a case. */
  updateIncidentUrl: string;
  /**
   * The HTTP method that updates a case.
   * @default "put"
   */
  updateIncidentMethod?: "post" | "patch" | "put";
  /** The JSON body (as text) of the request that updates a case. */
  updateIncidentJson: string;
  /**
   * The REST API URL that adds a comment to a case; leave empty to send no comments.
   * @default null
   */
  createCommentUrl?: string | null;
  /**
   * The HTTP method that adds a comment. Left out, it is PUT; `null` stays `null`.
   * @default "put"
   */
  createCommentMethod?: "post" | "put" | "patch" | null;
  /**
   * The JSON body (as text) of the request that adds a comment.
   * @default null
   */
  createCommentJson?: string | null;
  /**
   * Headers sent with every request (name → value). Use `secrets.secretHeaders` for values that must stay secret.
   * @default null
   */
  headers?: { [key: string]: string } | null;
  /**
   * Whether the requests are authenticated. When true in the request, `secrets` must not be empty.
   * @default true
   */
  hasAuth?: boolean;
  /**
   * The authentication method (OAuth 2.0 client credentials is refused). Left out, it becomes basic authentication, even when `hasAuth` is false.
   * @default "webhook-authentication-basic"
   */
  authType?: "webhook-authentication-basic" | "webhook-authentication-ssl" | "webhook-oauth2-client-credentials" | "http-authentication-query-param" | "webhook-oauth2-password" | null;
  /** The format of the TLS client certificate, for certificate authentication. */
  certType?: "ssl-crt-key" | "ssl-pfx";
  /** A certificate authority (PEM, base64-encoded) that signs the service's certificate. */
  ca?: string;
  /** How strictly the service's TLS certificate is verified. */
  verificationMode?: "none" | "certificate" | "full";
  /** Accepted but unused: this connector type refuses OAuth 2.0. */
  accessTokenUrl?: string;
  /** Accepted but unused: this connector type refuses OAuth 2.0. */
  clientId?: string;
  /** Accepted but unused: this connector type refuses OAuth 2.0. */
  scope?: string;
  /** Accepted but unused: this connector type refuses OAuth 2.0 (not checked as JSON here). */
  additionalFields?: string | null;
};

/** Credentials of a Webhook connector. Send one of these combinations, or none at all: `user` and `password`; `crt` and `key` (with an optional `password`); `pfx` (with an optional `password`); or `clientSecret` (for OAuth 2.0). `secretHeaders` goes with any of them. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type WebhookCaseManagementSecrets = {
  /**
   * The user name for basic authentication.
   * @default null
   */
  user?: string | null;
  /**
   * The password for basic authentication, or the passphrase of the certificate's key.
   * @default null
   */
  password?: string | null;
  /**
   * The TLS client certificate (PEM, base64-encoded), used with `key`.
   * @default null
   */
  crt?: string | null;
  /**
   * The private key of the TLS client certificate (PEM, base64-encoded), used with `crt`.
   * @default null
   */
  key?: string | null;
  /**
   * The TLS client certificate and key as a PKCS #12 bundle (base64-encoded).
   * @default null
   */
  pfx?: string | null;
  /**
   * The OAuth 2.0 client secret, used with `accessTokenUrl` and `clientId`.
   * @default null
   */
  clientSecret?: string | null;
  /**
   * Headers whose values are kept secret (for example an API key), sent with every request.
   * @default null
   */
  secretHeaders?: { [key: string]: string } | null;
};

/** `WebhookCaseManagementConfig` as Kibana stores it: every field that has a default is present. */
export type StoredWebhookCaseManagementConfig = {
  /** The REST API URL that creates a case. Its host must be in Kibana's `xpack.actions.allowedHosts`. */
  createIncidentUrl: string;
  /**
   * The HTTP method that creates a case.
   * @default "post"
   */
  createIncidentMethod: "post" | "put";
  /** The JSON body (as text) of the request that creates a case. */
  createIncidentJson: string;
  /** The key in the create response that holds the id of the new case. */
  createIncidentResponseKey: string;
  /**
   * The HTTP method that reads a case.
   * @default "get"
   */
  getIncidentMethod: "get" | "post";
  /** The REST API URL that reads a case, e.g. `https://example.com/issue/{{{external.system.id}}}`. */
  getIncidentUrl: string;
  /**
   * The JSON body (as text) of the request that reads a case, when it is sent with POST.
   * @default null
   */
  getIncidentJson: string | null;
  /** The key in the read response that holds the case's title. */
  getIncidentResponseExternalTitleKey: string;
  /** The URL of a case in the service's web interface, e.g. `https://example.com/browse/{{{external.system.title}}}`. */
  viewIncidentUrl: string;
  /** The REST API URL that updates a case. */
  updateIncidentUrl: string;
  /**
   * The HTTP method that updates a case.
   * @default "put"
   */
  updateIncidentMethod: "post" | "patch" | "put";
  /** The JSON body (as text) of the request that updates a case. */
  updateIncidentJson: string;
  /**
   * The REST API URL that adds a comment to a case; leave empty to send no comments.
   * @default null
   */
  createCommentUrl: string | null;
  /**
   * The HTTP method that adds a comment. Left out, it is PUT; `null` stays `null`.
   * @default "put"
   */
  createCommentMethod: "post" | "put" | "patch" | null;
  /**
   * The JSON body (as text) of the request that adds a comment.
   * @default null
   */
  createCommentJson: string | null;
  /**
   * Headers sent with every request (name → value). Use `secrets.secretHeaders` for values that must stay secret.
   * @default null
   */
  headers: { [key: string]: string } | null;
  /**
   * Whether the requests are authenticated. When true in the request, `secrets` must not be empty.
   * @default true
   */
  hasAuth: boolean;
  /**
   * The authentication method (OAuth 2.0 client credentials is refused). Left out, it becomes basic authentication, even when `hasAuth` is false.
   * @default "webhook-authentication-basic"
   */
  authType: "webhook-authentication-basic" | "webhook-authentication-ssl" | "webhook-oauth2-client-credentials" | "http-authentication-query-param" | "webhook-oauth2-password" | null;
  /** The format of the TLS client certificate, for certificate authentication. */
  certType?: "ssl-crt-key" | "ssl-pfx";
  /** A certificate authority (PEM, base64-encoded) that signs the service's certificate. */
  ca?: string;
  /** How strictly the service's TLS certificate is verified. */
  verificationMode?: "none" | "certificate" | "full";
  /** Accepted but unused: this connector type refuses OAuth 2.0. */
  accessTokenUrl?: string;
  /** Accepted but unused: this connector type refuses OAuth 2.0. */
  clientId?: string;
  /** Accepted but unused: this connector type refuses OAuth 2.0. */
  scope?: string;
  /** Accepted but unused: this connector type refuses OAuth 2.0 (not checked as JSON here). */
  additionalFields?: string | null;
};

/** `WebhookCaseManagementSecrets` as Kibana stores it: every field that has a default is present. */
export type StoredWebhookCaseManagementSecrets = {
  /**
   * The user name for basic authentication.
   * @default null
   */
  user: string | null;
  /**
   * The password for basic authentication, or the passphrase of the certificate's key.
   * @default null
   */
  password: string | null;
  /**
   * The TLS client certificate (PEM, base64-encoded), used with `key`.
   * @default null
   */
  crt: string | null;
  /**
   * The private key of the TLS client certificate (PEM, base64-encoded), used with `crt`.
   * @default null
   */
  key: string | null;
  /**
   * The TLS client certificate and key as a PKCS #12 bundle (base64-encoded).
   * @default null
   */
  pfx: string | null;
  /**
   * The OAuth 2.0 client secret, used with `accessTokenUrl` and `clientId`.
   * @default null
   */
  clientSecret: string | null;
  /**
   * Headers whose values are kept secret (for example an API key), sent with every request.
   * @default null
   */
  secretHeaders: { [key: string]: string } | null;
};

/** The body of a create-connector request for the `.cases-webhook` type (Webhook - Case Management). */
export interface CreateWebhookCaseManagementConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".cases-webhook";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: WebhookCaseManagementConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets?: WebhookCaseManagementSecrets;
}

/** What `normalize` returns for the `.cases-webhook` type (Webhook - Case Management): the body as Kibana stores it (defaults filled in). */
export interface NormalizedWebhookCaseManagementConnectorBody {
  name: string;
  connector_type_id: ".cases-webhook";
  config: StoredWebhookCaseManagementConfig;
  secrets: StoredWebhookCaseManagementSecrets;
}

/** A connector of the `.cases-webhook` type (Webhook - Case Management) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface WebhookCaseManagementConnector extends ConnectorResponseFields {
  connector_type_id: ".cases-webhook";
  config: StoredWebhookCaseManagementConfig;
}

// xMatters (`.xmatters`)

/** Settings of a xMatters connector. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type XMattersConfig = {
  /**
   * Basic authentication only: the URL of the xMatters workflow's HTTP trigger.
   * @default null
   */
  configUrl?: string | null;
  /**
   * Authenticate with a user name and password (`true`) or with a URL that carries an API key (`false`). Send it explicitly: Kibana's final check reads the value as sent, and treats an omitted `usesBasic` as `false` although it stores `true`.
   * @default true
   */
  usesBasic?: boolean;
};

/** Credentials of a xMatters connector. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type XMattersSecrets = {
  /**
   * Basic authentication only: the xMatters user name.
   * @default null
   */
  user?: string | null;
  /**
   * Basic authentication only: the xMatters password.
   * @default null
   */
  password?: string | null;
  /**
   * URL authentication only: the HTTP trigger URL with its API key (`?apiKey=…`).
   * @default null
   */
  secretsUrl?: string | null;
};

/** `XMattersConfig` as Kibana stores it: every field that has a default is present. */
export type StoredXMattersConfig = {
  /**
   * Basic authentication only: the URL of the xMatters workflow's HTTP trigger.
   * @default null
   */
  configUrl: string | null;
  /**
   * Authenticate with a user name and password (`true`) or with a URL that carries an API key (`false`). Send it explicitly: Kibana's final check reads the value as sent, and treats an omitted `usesBasic` as `false` although it stores `true`.
   * @default true
   */
  usesBasic: boolean;
};

/** `XMattersSecrets` as Kibana stores it: every field that has a default is present. */
export type StoredXMattersSecrets = {
  /**
   * Basic authentication only: the xMatters user name.
   * @default null
   */
  user: string | null;
  /**
   * Basic authentication only: the xMatters password.
   * @default null
   */
  password: string | null;
  /**
   * URL authentication only: the HTTP trigger URL with its API key (`?apiKey=…`).
   * @default null
   */
  secretsUrl: string | null;
};

/** The body of a create-connector request for the `.xmatters` type (xMatters). */
export interface CreateXMattersConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".xmatters";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: XMattersConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets?: XMattersSecrets;
}

/** What `normalize` returns for the `.xmatters` type (xMatters): the body as Kibana stores it (defaults filled in). */
export interface NormalizedXMattersConnectorBody {
  name: string;
  connector_type_id: ".xmatters";
  config: StoredXMattersConfig;
  secrets: StoredXMattersSecrets;
}

/** A connector of the `.xmatters` type (xMatters) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface XMattersConnector extends ConnectorResponseFields {
  connector_type_id: ".xmatters";
  config: StoredXMattersConfig;
}

// ServiceNow ITSM (`.servicenow`)

/** Settings of a ServiceNow ITSM or SecOps connector. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type ServiceNowItsmConfig = {
  /** The address of your ServiceNow instance, e.g. `https://example.service-now.com`. */
  apiUrl: string;
  /**
   * Authenticate with OAuth (a JWT signed with your private key) instead of a user name and password. With OAuth, `userIdentifierValue`, `clientId` and `jwtKeyId` are required here, and `clientSecret` and `privateKey` in the secrets.
   * @default false
   */
  isOAuth?: boolean;
  /**
   * OAuth only: the value of the user identifier field (by default the user's email) of the ServiceNow user the connector acts as.
   * @default null
   */
  userIdentifierValue?: string | null;
  /**
   * OAuth only: the client id of the OAuth application registered in ServiceNow.
   * @default null
   */
  clientId?: string | null;
  /**
   * OAuth only: the key id of the JWT verifier map in ServiceNow.
   * @default null
   */
  jwtKeyId?: string | null;
  /**
   * Use ServiceNow's Table API instead of the Elastic ServiceNow app's Import Set API. The default `true` is the legacy mode: Kibana marks such connectors as deprecated.
   * @default true
   */
  usesTableApi?: boolean;
};

/** Credentials of a ServiceNow connector: either a user name and password (basic authentication), or a client secret and a private key (OAuth). Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type ServiceNowItsmSecrets = {
  /**
   * Basic authentication: the password of the ServiceNow user.
   * @default null
   */
  password?: string | null;
  /**
   * Basic authentication: the ServiceNow user name.
   * @default null
   */
  username?: string | null;
  /**
   * OAuth only: the client secret of the OAuth application.
   * @default null
   */
  clientSecret?: string | null;
  /**
   * OAuth only: the RSA private key (PEM) that signs the JWT.
   * @default null
   */
  privateKey?: string | null;
  /**
   * OAuth only: the password of the private key, if it has one.
   * @default null
   */
  privateKeyPassword?: string | null;
};

/** `ServiceNowItsmConfig` as Kibana stores it: every field that has a default is present. */
export type StoredServiceNowItsmConfig = {
  /** The address of your ServiceNow instance, e.g. `https://example.service-now.com`. */
  apiUrl: string;
  /**
   * Authenticate with OAuth (a JWT signed with your private key) instead of a user name and password. With OAuth, `userIdentifierValue`, `clientId` and `jwtKeyId` are required here, and `clientSecret` and `privateKey` in the secrets.
   * @default false
   */
  isOAuth: boolean;
  /**
   * OAuth only: the value of the user identifier field (by default the user's email) of the ServiceNow user the connector acts as.
   * @default null
   */
  userIdentifierValue: string | null;
  /**
   * OAuth only: the client id of the OAuth application registered in ServiceNow.
   * @default null
   */
  clientId: string | null;
  /**
   * OAuth only: the key id of the JWT verifier map in ServiceNow.
   * @default null
   */
  jwtKeyId: string | null;
  /**
   * Use ServiceNow's Table API instead of the Elastic ServiceNow app's Import Set API. The default `true` is the legacy mode: Kibana marks such connectors as deprecated.
   * @default true
   */
  usesTableApi: boolean;
};

/** `ServiceNowItsmSecrets` as Kibana stores it: every field that has a default is present. */
export type StoredServiceNowItsmSecrets = {
  /**
   * Basic authentication: the password of the ServiceNow user.
   * @default null
   */
  password: string | null;
  /**
   * Basic authentication: the ServiceNow user name.
   * @default null
   */
  username: string | null;
  /**
   * OAuth only: the client secret of the OAuth application.
   * @default null
   */
  clientSecret: string | null;
  /**
   * OAuth only: the RSA private key (PEM) that signs the JWT.
   * @default null
   */
  privateKey: string | null;
  /**
   * OAuth only: the password of the private key, if it has one.
   * @default null
   */
  privateKeyPassword: string | null;
};

/** The body of a create-connector request for the `.servicenow` type (ServiceNow ITSM). */
export interface CreateServiceNowItsmConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".servicenow";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: ServiceNowItsmConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets?: ServiceNowItsmSecrets;
}

/** What `normalize` returns for the `.servicenow` type (ServiceNow ITSM): the body as Kibana stores it (defaults filled in). */
export interface NormalizedServiceNowItsmConnectorBody {
  name: string;
  connector_type_id: ".servicenow";
  config: StoredServiceNowItsmConfig;
  secrets: StoredServiceNowItsmSecrets;
}

/** A connector of the `.servicenow` type (ServiceNow ITSM) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface ServiceNowItsmConnector extends ConnectorResponseFields {
  connector_type_id: ".servicenow";
  config: StoredServiceNowItsmConfig;
}

// ServiceNow SecOps (`.servicenow-sir`)

/** Settings of a ServiceNow ITSM or SecOps connector. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type ServiceNowSecOpsConfig = {
  /** The address of your ServiceNow instance, e.g. `https://example.service-now.com`. */
  apiUrl: string;
  /**
   * Authenticate with OAuth (a JWT signed with your private key) instead of a user name and password. With OAuth, `userIdentifierValue`, `clientId` and `jwtKeyId` are required here, and `clientSecret` and `privateKey` in the secrets.
   * @default false
   */
  isOAuth?: boolean;
  /**
   * OAuth only: the value of the user identifier field (by default the user's email) of the ServiceNow user the connector acts as.
   * @default null
   */
  userIdentifierValue?: string | null;
  /**
   * OAuth only: the client id of the OAuth application registered in ServiceNow.
   * @default null
   */
  clientId?: string | null;
  /**
   * OAuth only: the key id of the JWT verifier map in ServiceNow.
   * @default null
   */
  jwtKeyId?: string | null;
  /**
   * Use ServiceNow's Table API instead of the Elastic ServiceNow app's Import Set API. The default `true` is the legacy mode: Kibana marks such connectors as deprecated.
   * @default true
   */
  usesTableApi?: boolean;
};

/** Credentials of a ServiceNow connector: either a user name and password (basic authentication), or a client secret and a private key (OAuth). Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type ServiceNowSecOpsSecrets = {
  /**
   * Basic authentication: the password of the ServiceNow user.
   * @default null
   */
  password?: string | null;
  /**
   * Basic authentication: the ServiceNow user name.
   * @default null
   */
  username?: string | null;
  /**
   * OAuth only: the client secret of the OAuth application.
   * @default null
   */
  clientSecret?: string | null;
  /**
   * OAuth only: the RSA private key (PEM) that signs the JWT.
   * @default null
   */
  privateKey?: string | null;
  /**
   * OAuth only: the password of the private key, if it has one.
   * @default null
   */
  privateKeyPassword?: string | null;
};

/** `ServiceNowSecOpsConfig` as Kibana stores it: every field that has a default is present. */
export type StoredServiceNowSecOpsConfig = {
  /** The address of your ServiceNow instance, e.g. `https://example.service-now.com`. */
  apiUrl: string;
  /**
   * Authenticate with OAuth (a JWT signed with your private key) instead of a user name and password. With OAuth, `userIdentifierValue`, `clientId` and `jwtKeyId` are required here, and `clientSecret` and `privateKey` in the secrets.
   * @default false
   */
  isOAuth: boolean;
  /**
   * OAuth only: the value of the user identifier field (by default the user's email) of the ServiceNow user the connector acts as.
   * @default null
   */
  userIdentifierValue: string | null;
  /**
   * OAuth only: the client id of the OAuth application registered in ServiceNow.
   * @default null
   */
  clientId: string | null;
  /**
   * OAuth only: the key id of the JWT verifier map in ServiceNow.
   * @default null
   */
  jwtKeyId: string | null;
  /**
   * Use ServiceNow's Table API instead of the Elastic ServiceNow app's Import Set API. The default `true` is the legacy mode: Kibana marks such connectors as deprecated.
   * @default true
   */
  usesTableApi: boolean;
};

/** `ServiceNowSecOpsSecrets` as Kibana stores it: every field that has a default is present. */
export type StoredServiceNowSecOpsSecrets = {
  /**
   * Basic authentication: the password of the ServiceNow user.
   * @default null
   */
  password: string | null;
  /**
   * Basic authentication: the ServiceNow user name.
   * @default null
   */
  username: string | null;
  /**
   * OAuth only: the client secret of the OAuth application.
   * @default null
   */
  clientSecret: string | null;
  /**
   * OAuth only: the RSA private key (PEM) that signs the JWT.
   * @default null
   */
  privateKey: string | null;
  /**
   * OAuth only: the password of the private key, if it has one.
   * @default null
   */
  privateKeyPassword: string | null;
};

/** The body of a create-connector request for the `.servicenow-sir` type (ServiceNow SecOps). */
export interface CreateServiceNowSecOpsConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".servicenow-sir";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: ServiceNowSecOpsConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets?: ServiceNowSecOpsSecrets;
}

/** What `normalize` returns for the `.servicenow-sir` type (ServiceNow SecOps): the body as Kibana stores it (defaults filled in). */
export interface NormalizedServiceNowSecOpsConnectorBody {
  name: string;
  connector_type_id: ".servicenow-sir";
  config: StoredServiceNowSecOpsConfig;
  secrets: StoredServiceNowSecOpsSecrets;
}

/** A connector of the `.servicenow-sir` type (ServiceNow SecOps) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface ServiceNowSecOpsConnector extends ConnectorResponseFields {
  connector_type_id: ".servicenow-sir";
  config: StoredServiceNowSecOpsConfig;
}

// ServiceNow ITOM (`.servicenow-itom`)

/** Settings of a ServiceNow ITOM connector. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type ServiceNowItomConfig = {
  /** The address of your ServiceNow instance, e.g. `https://example.service-now.com`. */
  apiUrl: string;
  /**
   * Authenticate with OAuth (a JWT signed with your private key) instead of a user name and password. With OAuth, `userIdentifierValue`, `clientId` and `jwtKeyId` are required here, and `clientSecret` and `privateKey` in the secrets.
   * @default false
   */
  isOAuth?: boolean;
  /**
   * OAuth only: the value of the user identifier field (by default the user's email) of the ServiceNow user the connector acts as.
   * @default null
   */
  userIdentifierValue?: string | null;
  /**
   * OAuth only: the client id of the OAuth application registered in ServiceNow.
   * @default null
   */
  clientId?: string | null;
  /**
   * OAuth only: the key id of the JWT verifier map in ServiceNow.
   * @default null
   */
  jwtKeyId?: string | null;
};

/** Credentials of a ServiceNow connector: either a user name and password (basic authentication), or a client secret and a private key (OAuth). Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type ServiceNowItomSecrets = {
  /**
   * Basic authentication: the password of the ServiceNow user.
   * @default null
   */
  password?: string | null;
  /**
   * Basic authentication: the ServiceNow user name.
   * @default null
   */
  username?: string | null;
  /**
   * OAuth only: the client secret of the OAuth application.
   * @default null
   */
  clientSecret?: string | null;
  /**
   * OAuth only: the RSA private key (PEM) that signs the JWT.
   * @default null
   */
  privateKey?: string | null;
  /**
   * OAuth only: the password of the private key, if it has one.
   * @default null
   */
  privateKeyPassword?: string | null;
};

/** `ServiceNowItomConfig` as Kibana stores it: every field that has a default is present. */
export type StoredServiceNowItomConfig = {
  /** The address of your ServiceNow instance, e.g. `https://example.service-now.com`. */
  apiUrl: string;
  /**
   * Authenticate with OAuth (a JWT signed with your private key) instead of a user name and password. With OAuth, `userIdentifierValue`, `clientId` and `jwtKeyId` are required here, and `clientSecret` and `privateKey` in the secrets.
   * @default false
   */
  isOAuth: boolean;
  /**
   * OAuth only: the value of the user identifier field (by default the user's email) of the ServiceNow user the connector acts as.
   * @default null
   */
  userIdentifierValue: string | null;
  /**
   * OAuth only: the client id of the OAuth application registered in ServiceNow.
   * @default null
   */
  clientId: string | null;
  /**
   * OAuth only: the key id of the JWT verifier map in ServiceNow.
   * @default null
   */
  jwtKeyId: string | null;
};

/** `ServiceNowItomSecrets` as Kibana stores it: every field that has a default is present. */
export type StoredServiceNowItomSecrets = {
  /**
   * Basic authentication: the password of the ServiceNow user.
   * @default null
   */
  password: string | null;
  /**
   * Basic authentication: the ServiceNow user name.
   * @default null
   */
  username: string | null;
  /**
   * OAuth only: the client secret of the OAuth application.
   * @default null
   */
  clientSecret: string | null;
  /**
   * OAuth only: the RSA private key (PEM) that signs the JWT.
   * @default null
   */
  privateKey: string | null;
  /**
   * OAuth only: the password of the private key, if it has one.
   * @default null
   */
  privateKeyPassword: string | null;
};

/** The body of a create-connector request for the `.servicenow-itom` type (ServiceNow ITOM). */
export interface CreateServiceNowItomConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".servicenow-itom";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: ServiceNowItomConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets?: ServiceNowItomSecrets;
}

/** What `normalize` returns for the `.servicenow-itom` type (ServiceNow ITOM): the body as Kibana stores it (defaults filled in). */
export interface NormalizedServiceNowItomConnectorBody {
  name: string;
  connector_type_id: ".servicenow-itom";
  config: StoredServiceNowItomConfig;
  secrets: StoredServiceNowItomSecrets;
}

/** A connector of the `.servicenow-itom` type (ServiceNow ITOM) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface ServiceNowItomConnector extends ConnectorResponseFields {
  connector_type_id: ".servicenow-itom";
  config: StoredServiceNowItomConfig;
}

// Jira (`.jira`)

/** Settings of a Jira connector. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type JiraConfig = {
  /** The address of your Jira site, e.g. `https://example.atlassian.net`. */
  apiUrl: string;
  /** The key of the Jira project the issues are created in, e.g. `ABC`. */
  projectKey: string;
};

/** Credentials of a Jira connector. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type JiraSecrets = {
  /** The email address of the Jira account the connector acts as. */
  email: string;
  /** An API token of that account (Jira Cloud), or its password (Jira Server). */
  apiToken: string;
};

/** The same as `JiraConfig`: no field has a default. */
export type StoredJiraConfig = JiraConfig;

/** The same as `JiraSecrets`: no field has a default. */
export type StoredJiraSecrets = JiraSecrets;

/** The body of a create-connector request for the `.jira` type (Jira). */
export interface CreateJiraConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".jira";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: JiraConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: JiraSecrets;
}

/** What `normalize` returns for the `.jira` type (Jira): the body as Kibana stores it (defaults filled in). */
export interface NormalizedJiraConnectorBody {
  name: string;
  connector_type_id: ".jira";
  config: StoredJiraConfig;
  secrets: StoredJiraSecrets;
}

/** A connector of the `.jira` type (Jira) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface JiraConnector extends ConnectorResponseFields {
  connector_type_id: ".jira";
  config: StoredJiraConfig;
}

// Microsoft Teams (`.teams`)

/** A Microsoft Teams connector has no settings: any key is refused. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type MicrosoftTeamsConfig = Record<string, never>;

/** Credentials of a Microsoft Teams connector. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type MicrosoftTeamsSecrets = {
  /** The webhook URL of the Teams channel (an incoming webhook or a Workflows webhook). Kibana checks it against `xpack.actions.allowedHosts`. */
  webhookUrl: string;
};

/** The same as `MicrosoftTeamsConfig`: no field has a default. */
export type StoredMicrosoftTeamsConfig = MicrosoftTeamsConfig;

/** The same as `MicrosoftTeamsSecrets`: no field has a default. */
export type StoredMicrosoftTeamsSecrets = MicrosoftTeamsSecrets;

/** The body of a create-connector request for the `.teams` type (Microsoft Teams). */
export interface CreateMicrosoftTeamsConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".teams";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: MicrosoftTeamsConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: MicrosoftTeamsSecrets;
}

/** What `normalize` returns for the `.teams` type (Microsoft Teams): the body as Kibana stores it (defaults filled in). */
export interface NormalizedMicrosoftTeamsConnectorBody {
  name: string;
  connector_type_id: ".teams";
  config: StoredMicrosoftTeamsConfig;
  secrets: StoredMicrosoftTeamsSecrets;
}

/** A connector of the `.teams` type (Microsoft Teams) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface MicrosoftTeamsConnector extends ConnectorResponseFields {
  connector_type_id: ".teams";
  config: StoredMicrosoftTeamsConfig;
}

// Torq (`.torq`)

/** Settings of a Torq connector. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type TorqConfig = {
  /** The URL of the Torq webhook integration: its host must be `hooks.torq.io` or `hooks.eu.torq.io` (or `localhost`). Kibana checks it against `xpack.actions.allowedHosts`. */
  webhookIntegrationUrl: string;
};

/** Credentials of a Torq connector. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type TorqSecrets = {
  /** The secret of the Torq webhook integration, sent as the `X-Torq-Token` header. */
  token: string;
};

/** The same as `TorqConfig`: no field has a default. */
export type StoredTorqConfig = TorqConfig;

/** The same as `TorqSecrets`: no field has a default. */
export type StoredTorqSecrets = TorqSecrets;

/** The body of a create-connector request for the `.torq` type (Torq). */
export interface CreateTorqConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".torq";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: TorqConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: TorqSecrets;
}

/** What `normalize` returns for the `.torq` type (Torq): the body as Kibana stores it (defaults filled in). */
export interface NormalizedTorqConnectorBody {
  name: string;
  connector_type_id: ".torq";
  config: StoredTorqConfig;
  secrets: StoredTorqSecrets;
}

/** A connector of the `.torq` type (Torq) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface TorqConnector extends ConnectorResponseFields {
  connector_type_id: ".torq";
  config: StoredTorqConfig;
}

// AlienVault OTX (`.alienvault-otx`)

/** Settings of a AlienVault OTX connector. Community-driven threat intelligence from Open Threat Exchange. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type AlienVaultOtxConfig = {
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a AlienVault OTX connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type AlienVaultOtxSecrets = {
  /** The API key. */
  "X-OTX-API-KEY": string;
  /** The authentication these credentials are for: `api_key_header` (API key header authentication). */
  authType: "api_key_header";
};

/** `AlienVaultOtxConfig` as Kibana stores it: every field that has a default is present. */
export type StoredAlienVaultOtxConfig = {
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `AlienVaultOtxSecrets`: no field has a default. */
export type StoredAlienVaultOtxSecrets = AlienVaultOtxSecrets;

/** The body of a create-connector request for the `.alienvault-otx` type (AlienVault OTX). */
export interface CreateAlienVaultOtxConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".alienvault-otx";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: AlienVaultOtxConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: AlienVaultOtxSecrets;
}

/** What `normalize` returns for the `.alienvault-otx` type (AlienVault OTX): the body as Kibana stores it (defaults filled in). */
export interface NormalizedAlienVaultOtxConnectorBody {
  name: string;
  connector_type_id: ".alienvault-otx";
  config: StoredAlienVaultOtxConfig;
  secrets: StoredAlienVaultOtxSecrets;
}

/** A connector of the `.alienvault-otx` type (AlienVault OTX) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface AlienVaultOtxConnector extends ConnectorResponseFields {
  connector_type_id: ".alienvault-otx";
  config: StoredAlienVaultOtxConfig;
}

// Brave Search (`.brave-search`)

/** Settings of a Brave Search connector. Search the web using Brave Search API for privacy-focused results. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type BraveSearchConfig = {
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Brave Search connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type BraveSearchSecrets = {
  /** The API key. */
  "X-Subscription-Token": string;
  /** The authentication these credentials are for: `api_key_header` (API key header authentication). */
  authType: "api_key_header";
};

/** `BraveSearchConfig` as Kibana stores it: every field that has a default is present. */
export type StoredBraveSearchConfig = {
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `BraveSearchSecrets`: no field has a default. */
export type StoredBraveSearchSecrets = BraveSearchSecrets;

/** The body of a create-connector request for the `.brave-search` type (Brave Search). */
export interface CreateBraveSearchConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".brave-search";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: BraveSearchConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: BraveSearchSecrets;
}

/** What `normalize` returns for the `.brave-search` type (Brave Search): the body as Kibana stores it (defaults filled in). */
export interface NormalizedBraveSearchConnectorBody {
  name: string;
  connector_type_id: ".brave-search";
  config: StoredBraveSearchConfig;
  secrets: StoredBraveSearchSecrets;
}

/** A connector of the `.brave-search` type (Brave Search) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface BraveSearchConnector extends ConnectorResponseFields {
  connector_type_id: ".brave-search";
  config: StoredBraveSearchConfig;
}

// Github (`.github`)

/** Settings of a Github connector. Search through repositories and issues in Github. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type GithubConfig = {
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Github connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type GithubSecrets = {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The authentication these credentials are for: `bearer` (Bearer token). */
  authType: "bearer";
};

/** `GithubConfig` as Kibana stores it: every field that has a default is present. */
export type StoredGithubConfig = {
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `GithubSecrets`: no field has a default. */
export type StoredGithubSecrets = GithubSecrets;

/** The body of a create-connector request for the `.github` type (Github). */
export interface CreateGithubConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".github";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: GithubConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: GithubSecrets;
}

/** What `normalize` returns for the `.github` type (Github): the body as Kibana stores it (defaults filled in). */
export interface NormalizedGithubConnectorBody {
  name: string;
  connector_type_id: ".github";
  config: StoredGithubConfig;
  secrets: StoredGithubSecrets;
}

/** A connector of the `.github` type (Github) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface GithubConnector extends ConnectorResponseFields {
  connector_type_id: ".github";
  config: StoredGithubConfig;
}

// GreyNoise (`.greynoise`)

/** Settings of a GreyNoise connector. Internet scanning noise detection and classification. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type GreyNoiseConfig = {
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a GreyNoise connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type GreyNoiseSecrets = {
  /** The API key. */
  key: string;
  /** The authentication these credentials are for: `api_key_header` (API key header authentication). */
  authType: "api_key_header";
};

/** `GreyNoiseConfig` as Kibana stores it: every field that has a default is present. */
export type StoredGreyNoiseConfig = {
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `GreyNoiseSecrets`: no field has a default. */
export type StoredGreyNoiseSecrets = GreyNoiseSecrets;

/** The body of a create-connector request for the `.greynoise` type (GreyNoise). */
export interface CreateGreyNoiseConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".greynoise";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: GreyNoiseConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: GreyNoiseSecrets;
}

/** What `normalize` returns for the `.greynoise` type (GreyNoise): the body as Kibana stores it (defaults filled in). */
export interface NormalizedGreyNoiseConnectorBody {
  name: string;
  connector_type_id: ".greynoise";
  config: StoredGreyNoiseConfig;
  secrets: StoredGreyNoiseSecrets;
}

/** A connector of the `.greynoise` type (GreyNoise) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface GreyNoiseConnector extends ConnectorResponseFields {
  connector_type_id: ".greynoise";
  config: StoredGreyNoiseConfig;
}

// ServiceNow (`.servicenow_search`)

/** Settings of a ServiceNow connector. Search and retrieve records from ServiceNow. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type ServiceNowConfig = {
  /** ServiceNow instance URL (e.g., https://your-instance.service-now.com). */
  instanceUrl: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a ServiceNow connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type ServiceNowSecrets = {
  /** The OAuth 2.0 token endpoint. Kibana checks it against `xpack.actions.allowedHosts`. */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /** The scopes to request, separated by spaces. */
  scope?: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /** How the client authenticates to the token endpoint. */
  tokenEndpointAuthMethod?: "client_secret_post" | "client_secret_basic";
  /** The authentication these credentials are for: `oauth_client_credentials` (OAuth Client Credentials). */
  authType: "oauth_client_credentials";
};

/** `ServiceNowConfig` as Kibana stores it: every field that has a default is present. */
export type StoredServiceNowConfig = {
  /** ServiceNow instance URL (e.g., https://your-instance.service-now.com). */
  instanceUrl: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `ServiceNowSecrets`: no field has a default. */
export type StoredServiceNowSecrets = ServiceNowSecrets;

/** The body of a create-connector request for the `.servicenow_search` type (ServiceNow). */
export interface CreateServiceNowConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".servicenow_search";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: ServiceNowConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: ServiceNowSecrets;
}

/** What `normalize` returns for the `.servicenow_search` type (ServiceNow): the body as Kibana stores it (defaults filled in). */
export interface NormalizedServiceNowConnectorBody {
  name: string;
  connector_type_id: ".servicenow_search";
  config: StoredServiceNowConfig;
  secrets: StoredServiceNowSecrets;
}

/** A connector of the `.servicenow_search` type (ServiceNow) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface ServiceNowConnector extends ConnectorResponseFields {
  connector_type_id: ".servicenow_search";
  config: StoredServiceNowConfig;
}

// Shodan (`.shodan`)

/** Settings of a Shodan connector. Internet-wide asset discovery and vulnerability scanning. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type ShodanConfig = {
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Shodan connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type ShodanSecrets = {
  /** The API key. */
  "X-Api-Key": string;
  /** The authentication these credentials are for: `api_key_header` (API key header authentication). */
  authType: "api_key_header";
};

/** `ShodanConfig` as Kibana stores it: every field that has a default is present. */
export type StoredShodanConfig = {
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `ShodanSecrets`: no field has a default. */
export type StoredShodanSecrets = ShodanSecrets;

/** The body of a create-connector request for the `.shodan` type (Shodan). */
export interface CreateShodanConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".shodan";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: ShodanConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: ShodanSecrets;
}

/** What `normalize` returns for the `.shodan` type (Shodan): the body as Kibana stores it (defaults filled in). */
export interface NormalizedShodanConnectorBody {
  name: string;
  connector_type_id: ".shodan";
  config: StoredShodanConfig;
  secrets: StoredShodanSecrets;
}

/** A connector of the `.shodan` type (Shodan) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface ShodanConnector extends ConnectorResponseFields {
  connector_type_id: ".shodan";
  config: StoredShodanConfig;
}

// VirusTotal (`.virustotal`)

/** Settings of a VirusTotal connector. File scanning, URL and domain analysis, and threat intelligence lookups Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type VirusTotalConfig = {
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a VirusTotal connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type VirusTotalSecrets = {
  /** The API key. */
  "x-apikey": string;
  /** The authentication these credentials are for: `api_key_header` (API key header authentication). */
  authType: "api_key_header";
};

/** `VirusTotalConfig` as Kibana stores it: every field that has a default is present. */
export type StoredVirusTotalConfig = {
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `VirusTotalSecrets`: no field has a default. */
export type StoredVirusTotalSecrets = VirusTotalSecrets;

/** The body of a create-connector request for the `.virustotal` type (VirusTotal). */
export interface CreateVirusTotalConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".virustotal";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: VirusTotalConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: VirusTotalSecrets;
}

/** What `normalize` returns for the `.virustotal` type (VirusTotal): the body as Kibana stores it (defaults filled in). */
export interface NormalizedVirusTotalConnectorBody {
  name: string;
  connector_type_id: ".virustotal";
  config: StoredVirusTotalConfig;
  secrets: StoredVirusTotalSecrets;
}

/** A connector of the `.virustotal` type (VirusTotal) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface VirusTotalConnector extends ConnectorResponseFields {
  connector_type_id: ".virustotal";
  config: StoredVirusTotalConfig;
}

// Zendesk (`.zendesk`)

/** Settings of a Zendesk connector. Connect to Zendesk to search and retrieve tickets, users, and Help Center content. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type ZendeskConfig = {
  /** The subdomain for your Zendesk account (e.g. your-company for https://your-company.zendesk.com). */
  subdomain: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Zendesk connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type ZendeskSecrets = {
  /** The user name. */
  username: string;
  /** The password. */
  password: string;
  /** The authentication these credentials are for: `basic` (Basic authentication). */
  authType: "basic";
};

/** `ZendeskConfig` as Kibana stores it: every field that has a default is present. */
export type StoredZendeskConfig = {
  /** The subdomain for your Zendesk account (e.g. your-company for https://your-company.zendesk.com). */
  subdomain: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `ZendeskSecrets`: no field has a default. */
export type StoredZendeskSecrets = ZendeskSecrets;

/** The body of a create-connector request for the `.zendesk` type (Zendesk). */
export interface CreateZendeskConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".zendesk";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: ZendeskConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: ZendeskSecrets;
}

/** What `normalize` returns for the `.zendesk` type (Zendesk): the body as Kibana stores it (defaults filled in). */
export interface NormalizedZendeskConnectorBody {
  name: string;
  connector_type_id: ".zendesk";
  config: StoredZendeskConfig;
  secrets: StoredZendeskSecrets;
}

/** A connector of the `.zendesk` type (Zendesk) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface ZendeskConnector extends ConnectorResponseFields {
  connector_type_id: ".zendesk";
  config: StoredZendeskConfig;
}

// Box (`.box`)

/** Settings of a Box connector. Search files and folders, read content, and query enterprise content using Box AI Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type BoxConfig = {
  /**
   * The URL of the remote Box MCP server.
   * @default "https://mcp.box.com"
   */
  serverUrl?: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Box connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type BoxSecrets = {
  /**
   * The OAuth 2.0 authorization endpoint.
   * @default "https://account.box.com/api/oauth2/authorize"
   */
  authorizationUrl?: string;
  /**
   * The OAuth 2.0 token endpoint.
   * @default "https://api.box.com/oauth2/token"
   */
  tokenUrl?: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "root_readwrite ai.readwrite docgen.readwrite"
   */
  scope?: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth?: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
};

/** `BoxConfig` as Kibana stores it: every field that has a default is present. */
export type StoredBoxConfig = {
  /**
   * The URL of the remote Box MCP server.
   * @default "https://mcp.box.com"
   */
  serverUrl: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** `BoxSecrets` as Kibana stores it: every field that has a default is present. */
export type StoredBoxSecrets = {
  /**
   * The OAuth 2.0 authorization endpoint.
   * @default "https://account.box.com/api/oauth2/authorize"
   */
  authorizationUrl: string;
  /**
   * The OAuth 2.0 token endpoint.
   * @default "https://api.box.com/oauth2/token"
   */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "root_readwrite ai.readwrite docgen.readwrite"
   */
  scope: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
};

/** The body of a create-connector request for the `.box` type (Box). */
export interface CreateBoxConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".box";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: BoxConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: BoxSecrets;
}

/** What `normalize` returns for the `.box` type (Box): the body as Kibana stores it (defaults filled in). */
export interface NormalizedBoxConnectorBody {
  name: string;
  connector_type_id: ".box";
  config: StoredBoxConfig;
  secrets: StoredBoxSecrets;
}

/** A connector of the `.box` type (Box) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface BoxConnector extends ConnectorResponseFields {
  connector_type_id: ".box";
  config: StoredBoxConfig;
}

// Buildkite (`.buildkite`)

/** Settings of a Buildkite connector. Trigger, observe, retry, and cancel Buildkite builds, unblock deploy gates, and post annotations Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type BuildkiteConfig = {
  /**
   * The URL of Buildkite's hosted MCP server (API-token pass-through endpoint).
   * @default "https://mcp.buildkite.com/direct"
   */
  serverUrl?: string;
  /** The slug of your Buildkite organization, found in the URL: buildkite.com/your-slug/. Every action in this connector runs against this organization. */
  orgSlug: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Buildkite connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type BuildkiteSecrets = {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The authentication these credentials are for: `bearer` (Bearer token). */
  authType: "bearer";
};

/** `BuildkiteConfig` as Kibana stores it: every field that has a default is present. */
export type StoredBuildkiteConfig = {
  /**
   * The URL of Buildkite's hosted MCP server (API-token pass-through endpoint).
   * @default "https://mcp.buildkite.com/direct"
   */
  serverUrl: string;
  /** The slug of your Buildkite organization, found in the URL: buildkite.com/your-slug/. Every action in this connector runs against this organization. */
  orgSlug: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `BuildkiteSecrets`: no field has a default. */
export type StoredBuildkiteSecrets = BuildkiteSecrets;

/** The body of a create-connector request for the `.buildkite` type (Buildkite). */
export interface CreateBuildkiteConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".buildkite";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: BuildkiteConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: BuildkiteSecrets;
}

/** What `normalize` returns for the `.buildkite` type (Buildkite): the body as Kibana stores it (defaults filled in). */
export interface NormalizedBuildkiteConnectorBody {
  name: string;
  connector_type_id: ".buildkite";
  config: StoredBuildkiteConfig;
  secrets: StoredBuildkiteSecrets;
}

/** A connector of the `.buildkite` type (Buildkite) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface BuildkiteConnector extends ConnectorResponseFields {
  connector_type_id: ".buildkite";
  config: StoredBuildkiteConfig;
}

// Dropbox (`.dropbox`)

/** Settings of a Dropbox connector. Search files and folders, read content, and manage shared links in Dropbox Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type DropboxConfig = {
  /**
   * The URL of the official Dropbox remote MCP server.
   * @default "https://mcp.dropbox.com/mcp"
   */
  serverUrl?: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Dropbox connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type DropboxSecrets = {
  /**
   * The OAuth 2.0 authorization endpoint.
   * @default "https://www.dropbox.com/oauth2/authorize"
   */
  authorizationUrl?: string;
  /**
   * The OAuth 2.0 token endpoint.
   * @default "https://api.dropboxapi.com/oauth2/token"
   */
  tokenUrl?: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "account_info.read files.metadata.read files.content.read sharing.read sharing.write"
   */
  scope?: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth?: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
};

/** `DropboxConfig` as Kibana stores it: every field that has a default is present. */
export type StoredDropboxConfig = {
  /**
   * The URL of the official Dropbox remote MCP server.
   * @default "https://mcp.dropbox.com/mcp"
   */
  serverUrl: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** `DropboxSecrets` as Kibana stores it: every field that has a default is present. */
export type StoredDropboxSecrets = {
  /**
   * The OAuth 2.0 authorization endpoint.
   * @default "https://www.dropbox.com/oauth2/authorize"
   */
  authorizationUrl: string;
  /**
   * The OAuth 2.0 token endpoint.
   * @default "https://api.dropboxapi.com/oauth2/token"
   */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "account_info.read files.metadata.read files.content.read sharing.read sharing.write"
   */
  scope: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
};

/** The body of a create-connector request for the `.dropbox` type (Dropbox). */
export interface CreateDropboxConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".dropbox";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: DropboxConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: DropboxSecrets;
}

/** What `normalize` returns for the `.dropbox` type (Dropbox): the body as Kibana stores it (defaults filled in). */
export interface NormalizedDropboxConnectorBody {
  name: string;
  connector_type_id: ".dropbox";
  config: StoredDropboxConfig;
  secrets: StoredDropboxSecrets;
}

/** A connector of the `.dropbox` type (Dropbox) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface DropboxConnector extends ConnectorResponseFields {
  connector_type_id: ".dropbox";
  config: StoredDropboxConfig;
}

// Databricks (`.databricks`)

/** Settings of a Databricks connector. Execute SQL queries, manage jobs, clusters, and warehouses, and monitor alerts in Databricks Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type DatabricksConfig = {
  /** The Databricks SQL MCP server URL for your workspace (e.g. https://{workspace}.azuredatabricks.net/api/2.0/mcp/sql). */
  serverUrl: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Databricks connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type DatabricksSecrets = {
  /** The OAuth 2.0 authorization endpoint. */
  authorizationUrl: string;
  /** The OAuth 2.0 token endpoint. */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "all-apis offline_access"
   */
  scope?: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth?: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
} | {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The authentication these credentials are for: `bearer` (Bearer token). */
  authType: "bearer";
};

/** `DatabricksConfig` as Kibana stores it: every field that has a default is present. */
export type StoredDatabricksConfig = {
  /** The Databricks SQL MCP server URL for your workspace (e.g. https://{workspace}.azuredatabricks.net/api/2.0/mcp/sql). */
  serverUrl: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** `DatabricksSecrets` as Kibana stores it: every field that has a default is present. */
export type StoredDatabricksSecrets = {
  /** The OAuth 2.0 authorization endpoint. */
  authorizationUrl: string;
  /** The OAuth 2.0 token endpoint. */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "all-apis offline_access"
   */
  scope: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
} | {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The authentication these credentials are for: `bearer` (Bearer token). */
  authType: "bearer";
};

/** The body of a create-connector request for the `.databricks` type (Databricks). */
export interface CreateDatabricksConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".databricks";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: DatabricksConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: DatabricksSecrets;
}

/** What `normalize` returns for the `.databricks` type (Databricks): the body as Kibana stores it (defaults filled in). */
export interface NormalizedDatabricksConnectorBody {
  name: string;
  connector_type_id: ".databricks";
  config: StoredDatabricksConfig;
  secrets: StoredDatabricksSecrets;
}

/** A connector of the `.databricks` type (Databricks) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface DatabricksConnector extends ConnectorResponseFields {
  connector_type_id: ".databricks";
  config: StoredDatabricksConfig;
}

// Datadog (`.datadog`)

/** Settings of a Datadog connector. List and mute monitors, manage downtimes and incidents, post events, and query metrics and logs in Datadog Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type DatadogConfig = {
  /**
   * The Datadog site shown in your Datadog URL (for example datadoghq.com for US1, datadoghq.eu for EU1, us3.datadoghq.com for US3). Requests go to the matching api.* host.
   * @default "datadoghq.com"
   */
  site?: "datadoghq.com" | "us3.datadoghq.com" | "us5.datadoghq.com" | "datadoghq.eu" | "ap1.datadoghq.com" | "ap2.datadoghq.com" | "uk1.datadoghq.com" | "ddog-gov.com" | "us2.ddog-gov.com";
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Datadog connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type DatadogSecrets = {
  /** The user name. */
  username: string;
  /** The password. */
  password: string;
  /** The authentication these credentials are for: `basic` (Basic authentication). */
  authType: "basic";
};

/** `DatadogConfig` as Kibana stores it: every field that has a default is present. */
export type StoredDatadogConfig = {
  /**
   * The Datadog site shown in your Datadog URL (for example datadoghq.com for US1, datadoghq.eu for EU1, us3.datadoghq.com for US3). Requests go to the matching api.* host.
   * @default "datadoghq.com"
   */
  site: "datadoghq.com" | "us3.datadoghq.com" | "us5.datadoghq.com" | "datadoghq.eu" | "ap1.datadoghq.com" | "ap2.datadoghq.com" | "uk1.datadoghq.com" | "ddog-gov.com" | "us2.ddog-gov.com";
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `DatadogSecrets`: no field has a default. */
export type StoredDatadogSecrets = DatadogSecrets;

/** The body of a create-connector request for the `.datadog` type (Datadog). */
export interface CreateDatadogConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".datadog";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: DatadogConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: DatadogSecrets;
}

/** What `normalize` returns for the `.datadog` type (Datadog): the body as Kibana stores it (defaults filled in). */
export interface NormalizedDatadogConnectorBody {
  name: string;
  connector_type_id: ".datadog";
  config: StoredDatadogConfig;
  secrets: StoredDatadogSecrets;
}

/** A connector of the `.datadog` type (Datadog) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface DatadogConnector extends ConnectorResponseFields {
  connector_type_id: ".datadog";
  config: StoredDatadogConfig;
}

// Dynatrace (`.dynatrace`)

/** Settings of a Dynatrace connector. Triage Dynatrace Davis problems, ingest events, query metrics and entities, and manage maintenance windows via the Environment API v2. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type DynatraceConfig = {
  /** Environment API base URL, without /api/v2 (SaaS: https://your-environment-id.live.dynatrace.com). */
  environmentUrl: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Dynatrace connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type DynatraceSecrets = {
  /** The API key. */
  apiToken: string;
  /** The authentication these credentials are for: `api_key_header` (API key header authentication). */
  authType: "api_key_header";
};

/** `DynatraceConfig` as Kibana stores it: every field that has a default is present. */
export type StoredDynatraceConfig = {
  /** Environment API base URL, without /api/v2 (SaaS: https://your-environment-id.live.dynatrace.com). */
  environmentUrl: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `DynatraceSecrets`: no field has a default. */
export type StoredDynatraceSecrets = DynatraceSecrets;

/** The body of a create-connector request for the `.dynatrace` type (Dynatrace). */
export interface CreateDynatraceConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".dynatrace";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: DynatraceConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: DynatraceSecrets;
}

/** What `normalize` returns for the `.dynatrace` type (Dynatrace): the body as Kibana stores it (defaults filled in). */
export interface NormalizedDynatraceConnectorBody {
  name: string;
  connector_type_id: ".dynatrace";
  config: StoredDynatraceConfig;
  secrets: StoredDynatraceSecrets;
}

/** A connector of the `.dynatrace` type (Dynatrace) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface DynatraceConnector extends ConnectorResponseFields {
  connector_type_id: ".dynatrace";
  config: StoredDynatraceConfig;
}

// Figma (`.figma`)

/** Settings of a Figma connector. Browse Figma design files, inspect structure, render images, and explore team projects Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type FigmaConfig = {
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Figma connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type FigmaSecrets = {
  /** The API key. */
  "X-Figma-Token": string;
  /** The authentication these credentials are for: `api_key_header` (API key header authentication). */
  authType: "api_key_header";
} | {
  /**
   * The OAuth 2.0 authorization endpoint.
   * @default "https://www.figma.com/oauth"
   */
  authorizationUrl?: string;
  /**
   * The OAuth 2.0 token endpoint.
   * @default "https://api.figma.com/v1/oauth/token"
   */
  tokenUrl?: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "current_user:read file_content:read projects:read"
   */
  scope?: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth?: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
};

/** `FigmaConfig` as Kibana stores it: every field that has a default is present. */
export type StoredFigmaConfig = {
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** `FigmaSecrets` as Kibana stores it: every field that has a default is present. */
export type StoredFigmaSecrets = {
  /** The API key. */
  "X-Figma-Token": string;
  /** The authentication these credentials are for: `api_key_header` (API key header authentication). */
  authType: "api_key_header";
} | {
  /**
   * The OAuth 2.0 authorization endpoint.
   * @default "https://www.figma.com/oauth"
   */
  authorizationUrl: string;
  /**
   * The OAuth 2.0 token endpoint.
   * @default "https://api.figma.com/v1/oauth/token"
   */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "current_user:read file_content:read projects:read"
   */
  scope: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
};

/** The body of a create-connector request for the `.figma` type (Figma). */
export interface CreateFigmaConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".figma";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: FigmaConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: FigmaSecrets;
}

/** What `normalize` returns for the `.figma` type (Figma): the body as Kibana stores it (defaults filled in). */
export interface NormalizedFigmaConnectorBody {
  name: string;
  connector_type_id: ".figma";
  config: StoredFigmaConfig;
  secrets: StoredFigmaSecrets;
}

/** A connector of the `.figma` type (Figma) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface FigmaConnector extends ConnectorResponseFields {
  connector_type_id: ".figma";
  config: StoredFigmaConfig;
}

// Firecrawl (`.firecrawl`)

/** Settings of a Firecrawl connector. Scrape, search, map, and crawl the web via the Firecrawl API Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type FirecrawlConfig = {
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Firecrawl connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type FirecrawlSecrets = {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The authentication these credentials are for: `bearer` (Bearer token). */
  authType: "bearer";
};

/** `FirecrawlConfig` as Kibana stores it: every field that has a default is present. */
export type StoredFirecrawlConfig = {
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `FirecrawlSecrets`: no field has a default. */
export type StoredFirecrawlSecrets = FirecrawlSecrets;

/** The body of a create-connector request for the `.firecrawl` type (Firecrawl). */
export interface CreateFirecrawlConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".firecrawl";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: FirecrawlConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: FirecrawlSecrets;
}

/** What `normalize` returns for the `.firecrawl` type (Firecrawl): the body as Kibana stores it (defaults filled in). */
export interface NormalizedFirecrawlConnectorBody {
  name: string;
  connector_type_id: ".firecrawl";
  config: StoredFirecrawlConfig;
  secrets: StoredFirecrawlSecrets;
}

/** A connector of the `.firecrawl` type (Firecrawl) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface FirecrawlConnector extends ConnectorResponseFields {
  connector_type_id: ".firecrawl";
  config: StoredFirecrawlConfig;
}

// Grafana (`.grafana`)

/** Settings of a Grafana connector. Read Grafana-managed alerts and rules, manage silences, post dashboard annotations, and search dashboards and notification configuration. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type GrafanaConfig = {
  /** The base URL of your Grafana instance, e.g. https://your-stack.grafana.net (Grafana Cloud) or https://grafana.example.com (self-hosted). */
  baseUrl: string;
  /** Optional. Sent as the X-Grafana-Org-Id header on every request. Leave empty to use the token's default organization. */
  orgId?: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Grafana connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type GrafanaSecrets = {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The authentication these credentials are for: `bearer` (Bearer token). */
  authType: "bearer";
};

/** `GrafanaConfig` as Kibana stores it: every field that has a default is present. */
export type StoredGrafanaConfig = {
  /** The base URL of your Grafana instance, e.g. https://your-stack.grafana.net (Grafana Cloud) or https://grafana.example.com (self-hosted). */
  baseUrl: string;
  /** Optional. Sent as the X-Grafana-Org-Id header on every request. Leave empty to use the token's default organization. */
  orgId?: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `GrafanaSecrets`: no field has a default. */
export type StoredGrafanaSecrets = GrafanaSecrets;

/** The body of a create-connector request for the `.grafana` type (Grafana). */
export interface CreateGrafanaConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".grafana";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: GrafanaConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: GrafanaSecrets;
}

/** What `normalize` returns for the `.grafana` type (Grafana): the body as Kibana stores it (defaults filled in). */
export interface NormalizedGrafanaConnectorBody {
  name: string;
  connector_type_id: ".grafana";
  config: StoredGrafanaConfig;
  secrets: StoredGrafanaSecrets;
}

/** A connector of the `.grafana` type (Grafana) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface GrafanaConnector extends ConnectorResponseFields {
  connector_type_id: ".grafana";
  config: StoredGrafanaConfig;
}

// GraphQL (`.graphql`)

/** Settings of a GraphQL connector. Run queries and mutations, and introspect schemas on any GraphQL endpoint Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type GraphQLConfig = {
  /** The URL of your GraphQL API. All queries and mutations are sent as POST requests to this URL. Kibana checks it against `xpack.actions.allowedHosts`. */
  url: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a GraphQL connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type GraphQLSecrets = {
  /** The authentication these credentials are for: `none` (None). */
  authType: "none";
} | {
  /** The user name. */
  username: string;
  /** The password. */
  password: string;
  /** The authentication these credentials are for: `basic` (Basic authentication). */
  authType: "basic";
} | {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The authentication these credentials are for: `bearer` (Bearer token). */
  authType: "bearer";
} | {
  /** The OAuth 2.0 authorization endpoint. */
  authorizationUrl: string;
  /** The OAuth 2.0 token endpoint. */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /** The scopes to request, separated by spaces. */
  scope?: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth?: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
} | {
  /** The OAuth 2.0 token endpoint. Kibana checks it against `xpack.actions.allowedHosts`. */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /** The scopes to request, separated by spaces. */
  scope?: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /** How the client authenticates to the token endpoint. */
  tokenEndpointAuthMethod?: "client_secret_post" | "client_secret_basic";
  /** The authentication these credentials are for: `oauth_client_credentials` (OAuth Client Credentials). */
  authType: "oauth_client_credentials";
};

/** `GraphQLConfig` as Kibana stores it: every field that has a default is present. */
export type StoredGraphQLConfig = {
  /** The URL of your GraphQL API. All queries and mutations are sent as POST requests to this URL. Kibana checks it against `xpack.actions.allowedHosts`. */
  url: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** `GraphQLSecrets` as Kibana stores it: every field that has a default is present. */
export type StoredGraphQLSecrets = {
  /** The authentication these credentials are for: `none` (None). */
  authType: "none";
} | {
  /** The user name. */
  username: string;
  /** The password. */
  password: string;
  /** The authentication these credentials are for: `basic` (Basic authentication). */
  authType: "basic";
} | {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The authentication these credentials are for: `bearer` (Bearer token). */
  authType: "bearer";
} | {
  /** The OAuth 2.0 authorization endpoint. */
  authorizationUrl: string;
  /** The OAuth 2.0 token endpoint. */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /** The scopes to request, separated by spaces. */
  scope?: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
} | {
  /** The OAuth 2.0 token endpoint. Kibana checks it against `xpack.actions.allowedHosts`. */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /** The scopes to request, separated by spaces. */
  scope?: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /** How the client authenticates to the token endpoint. */
  tokenEndpointAuthMethod?: "client_secret_post" | "client_secret_basic";
  /** The authentication these credentials are for: `oauth_client_credentials` (OAuth Client Credentials). */
  authType: "oauth_client_credentials";
};

/** The body of a create-connector request for the `.graphql` type (GraphQL). */
export interface CreateGraphQLConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".graphql";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: GraphQLConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: GraphQLSecrets;
}

/** What `normalize` returns for the `.graphql` type (GraphQL): the body as Kibana stores it (defaults filled in). */
export interface NormalizedGraphQLConnectorBody {
  name: string;
  connector_type_id: ".graphql";
  config: StoredGraphQLConfig;
  secrets: StoredGraphQLSecrets;
}

/** A connector of the `.graphql` type (GraphQL) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface GraphQLConnector extends ConnectorResponseFields {
  connector_type_id: ".graphql";
  config: StoredGraphQLConfig;
}

// HubSpot (`.hubspot`)

/** Settings of a HubSpot connector. Search contacts, companies, deals, tickets, and engagements in HubSpot CRM. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type HubSpotConfig = {
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a HubSpot connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type HubSpotSecrets = {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The authentication these credentials are for: `bearer` (Bearer token). */
  authType: "bearer";
} | {
  /**
   * The OAuth 2.0 authorization endpoint.
   * @default "https://app.hubspot.com/oauth/authorize"
   */
  authorizationUrl?: string;
  /**
   * The OAuth 2.0 token endpoint.
   * @default "https://api.hubapi.com/oauth/v1/token"
   */
  tokenUrl?: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "crm.objects.contacts.read crm.objects.companies.read crm.objects.deals.read tickets crm.objects.owners.read sales-email-read"
   */
  scope?: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default false
   */
  useBasicAuth?: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
};

/** `HubSpotConfig` as Kibana stores it: every field that has a default is present. */
export type StoredHubSpotConfig = {
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** `HubSpotSecrets` as Kibana stores it: every field that has a default is present. */
export type StoredHubSpotSecrets = {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The authentication these credentials are for: `bearer` (Bearer token). */
  authType: "bearer";
} | {
  /**
   * The OAuth 2.0 authorization endpoint.
   * @default "https://app.hubspot.com/oauth/authorize"
   */
  authorizationUrl: string;
  /**
   * The OAuth 2.0 token endpoint.
   * @default "https://api.hubapi.com/oauth/v1/token"
   */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "crm.objects.contacts.read crm.objects.companies.read crm.objects.deals.read tickets crm.objects.owners.read sales-email-read"
   */
  scope: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default false
   */
  useBasicAuth: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
};

/** The body of a create-connector request for the `.hubspot` type (HubSpot). */
export interface CreateHubSpotConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".hubspot";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: HubSpotConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: HubSpotSecrets;
}

/** What `normalize` returns for the `.hubspot` type (HubSpot): the body as Kibana stores it (defaults filled in). */
export interface NormalizedHubSpotConnectorBody {
  name: string;
  connector_type_id: ".hubspot";
  config: StoredHubSpotConfig;
  secrets: StoredHubSpotSecrets;
}

/** A connector of the `.hubspot` type (HubSpot) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface HubSpotConnector extends ConnectorResponseFields {
  connector_type_id: ".hubspot";
  config: StoredHubSpotConfig;
}

// Jenkins (`.jenkins`)

/** Settings of a Jenkins connector. Trigger, monitor, and stop Jenkins builds, and manage jobs, test reports, and the build queue Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type JenkinsConfig = {
  /** The base URL of the Jenkins controller (no trailing slash needed). Kibana checks it against `xpack.actions.allowedHosts`. */
  baseUrl: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Jenkins connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type JenkinsSecrets = {
  /** The user name. */
  username: string;
  /** The password. */
  password: string;
  /** The authentication these credentials are for: `basic` (Basic authentication). */
  authType: "basic";
};

/** `JenkinsConfig` as Kibana stores it: every field that has a default is present. */
export type StoredJenkinsConfig = {
  /** The base URL of the Jenkins controller (no trailing slash needed). Kibana checks it against `xpack.actions.allowedHosts`. */
  baseUrl: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `JenkinsSecrets`: no field has a default. */
export type StoredJenkinsSecrets = JenkinsSecrets;

/** The body of a create-connector request for the `.jenkins` type (Jenkins). */
export interface CreateJenkinsConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".jenkins";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: JenkinsConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: JenkinsSecrets;
}

/** What `normalize` returns for the `.jenkins` type (Jenkins): the body as Kibana stores it (defaults filled in). */
export interface NormalizedJenkinsConnectorBody {
  name: string;
  connector_type_id: ".jenkins";
  config: StoredJenkinsConfig;
  secrets: StoredJenkinsSecrets;
}

/** A connector of the `.jenkins` type (Jenkins) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface JenkinsConnector extends ConnectorResponseFields {
  connector_type_id: ".jenkins";
  config: StoredJenkinsConfig;
}

// Jina Reader (`.jina`)

/** Settings of a Jina Reader connector. Any URL to markdown, web search for better LLM grounding Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type JinaReaderConfig = {
  /**
   * Override Jina Reader Browse URL.
   * @default "https://r.jina.ai"
   */
  overrideBrowseUrl?: string;
  /**
   * Override Jina Reader Search URL.
   * @default "https://s.jina.ai"
   */
  overrideSearchUrl?: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Jina Reader connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type JinaReaderSecrets = {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The authentication these credentials are for: `bearer` (Bearer token). */
  authType: "bearer";
};

/** `JinaReaderConfig` as Kibana stores it: every field that has a default is present. */
export type StoredJinaReaderConfig = {
  /**
   * Override Jina Reader Browse URL.
   * @default "https://r.jina.ai"
   */
  overrideBrowseUrl: string;
  /**
   * Override Jina Reader Search URL.
   * @default "https://s.jina.ai"
   */
  overrideSearchUrl: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `JinaReaderSecrets`: no field has a default. */
export type StoredJinaReaderSecrets = JinaReaderSecrets;

/** The body of a create-connector request for the `.jina` type (Jina Reader). */
export interface CreateJinaReaderConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".jina";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: JinaReaderConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: JinaReaderSecrets;
}

/** What `normalize` returns for the `.jina` type (Jina Reader): the body as Kibana stores it (defaults filled in). */
export interface NormalizedJinaReaderConnectorBody {
  name: string;
  connector_type_id: ".jina";
  config: StoredJinaReaderConfig;
  secrets: StoredJinaReaderSecrets;
}

/** A connector of the `.jina` type (Jina Reader) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface JinaReaderConnector extends ConnectorResponseFields {
  connector_type_id: ".jina";
  config: StoredJinaReaderConfig;
}

// Monday.com (`.monday_com`)

/** Settings of a Monday.com connector. Search boards, read and create items, post updates, and manage workspaces in Monday.com Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type MondayComConfig = {
  /**
   * The URL of the official Monday.com remote MCP server.
   * @default "https://mcp.monday.com/mcp"
   */
  serverUrl?: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Monday.com connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type MondayComSecrets = {
  /**
   * The OAuth 2.0 authorization endpoint.
   * @default "https://auth.monday.com/oauth2/authorize"
   */
  authorizationUrl?: string;
  /**
   * The OAuth 2.0 token endpoint.
   * @default "https://auth.monday.com/oauth2/token"
   */
  tokenUrl?: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "me:read boards:read boards:write items:read items:write updates:read updates:write"
   */
  scope?: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth?: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
} | {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The authentication these credentials are for: `bearer` (Bearer token). */
  authType: "bearer";
};

/** `MondayComConfig` as Kibana stores it: every field that has a default is present. */
export type StoredMondayComConfig = {
  /**
   * The URL of the official Monday.com remote MCP server.
   * @default "https://mcp.monday.com/mcp"
   */
  serverUrl: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** `MondayComSecrets` as Kibana stores it: every field that has a default is present. */
export type StoredMondayComSecrets = {
  /**
   * The OAuth 2.0 authorization endpoint.
   * @default "https://auth.monday.com/oauth2/authorize"
   */
  authorizationUrl: string;
  /**
   * The OAuth 2.0 token endpoint.
   * @default "https://auth.monday.com/oauth2/token"
   */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "me:read boards:read boards:write items:read items:write updates:read updates:write"
   */
  scope: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
} | {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The authentication these credentials are for: `bearer` (Bearer token). */
  authType: "bearer";
};

/** The body of a create-connector request for the `.monday_com` type (Monday.com). */
export interface CreateMondayComConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".monday_com";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: MondayComConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: MondayComSecrets;
}

/** What `normalize` returns for the `.monday_com` type (Monday.com): the body as Kibana stores it (defaults filled in). */
export interface NormalizedMondayComConnectorBody {
  name: string;
  connector_type_id: ".monday_com";
  config: StoredMondayComConfig;
  secrets: StoredMondayComSecrets;
}

/** A connector of the `.monday_com` type (Monday.com) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface MondayComConnector extends ConnectorResponseFields {
  connector_type_id: ".monday_com";
  config: StoredMondayComConfig;
}

// Notion (`.notion`)

/** Settings of a Notion connector. Explore content and databases in Notion Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type NotionConfig = {
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Notion connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type NotionSecrets = {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The authentication these credentials are for: `bearer` (Bearer token). */
  authType: "bearer";
} | {
  /**
   * The OAuth 2.0 authorization endpoint.
   * @default "https://api.notion.com/v1/oauth/authorize"
   */
  authorizationUrl?: string;
  /**
   * The OAuth 2.0 token endpoint.
   * @default "https://api.notion.com/v1/oauth/token"
   */
  tokenUrl?: string;
  /** The OAuth client id. */
  clientId: string;
  /** The scopes to request, separated by spaces. */
  scope?: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth?: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
};

/** `NotionConfig` as Kibana stores it: every field that has a default is present. */
export type StoredNotionConfig = {
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** `NotionSecrets` as Kibana stores it: every field that has a default is present. */
export type StoredNotionSecrets = {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The authentication these credentials are for: `bearer` (Bearer token). */
  authType: "bearer";
} | {
  /**
   * The OAuth 2.0 authorization endpoint.
   * @default "https://api.notion.com/v1/oauth/authorize"
   */
  authorizationUrl: string;
  /**
   * The OAuth 2.0 token endpoint.
   * @default "https://api.notion.com/v1/oauth/token"
   */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /** The scopes to request, separated by spaces. */
  scope?: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
};

/** The body of a create-connector request for the `.notion` type (Notion). */
export interface CreateNotionConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".notion";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: NotionConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: NotionSecrets;
}

/** What `normalize` returns for the `.notion` type (Notion): the body as Kibana stores it (defaults filled in). */
export interface NormalizedNotionConnectorBody {
  name: string;
  connector_type_id: ".notion";
  config: StoredNotionConfig;
  secrets: StoredNotionSecrets;
}

/** A connector of the `.notion` type (Notion) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface NotionConnector extends ConnectorResponseFields {
  connector_type_id: ".notion";
  config: StoredNotionConfig;
}

// PagerDuty (MCP) (`.pagerduty_mcp`)

/** Settings of a PagerDuty (MCP) connector. Trigger, acknowledge, resolve, and update PagerDuty incidents; list services, on-call schedules, escalation policies, and users. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type PagerDutyMcpConfig = {
  /**
   * The URL of the PagerDuty MCP server.
   * @default "https://mcp.pagerduty.com/mcp"
   */
  serverUrl?: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a PagerDuty (MCP) connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type PagerDutyMcpSecrets = {
  /** The API key. */
  Authorization: string;
  /** The authentication these credentials are for: `api_key_header` (API key header authentication). */
  authType: "api_key_header";
};

/** `PagerDutyMcpConfig` as Kibana stores it: every field that has a default is present. */
export type StoredPagerDutyMcpConfig = {
  /**
   * The URL of the PagerDuty MCP server.
   * @default "https://mcp.pagerduty.com/mcp"
   */
  serverUrl: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `PagerDutyMcpSecrets`: no field has a default. */
export type StoredPagerDutyMcpSecrets = PagerDutyMcpSecrets;

/** The body of a create-connector request for the `.pagerduty_mcp` type (PagerDuty (MCP)). */
export interface CreatePagerDutyMcpConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".pagerduty_mcp";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: PagerDutyMcpConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: PagerDutyMcpSecrets;
}

/** What `normalize` returns for the `.pagerduty_mcp` type (PagerDuty (MCP)): the body as Kibana stores it (defaults filled in). */
export interface NormalizedPagerDutyMcpConnectorBody {
  name: string;
  connector_type_id: ".pagerduty_mcp";
  config: StoredPagerDutyMcpConfig;
  secrets: StoredPagerDutyMcpSecrets;
}

/** A connector of the `.pagerduty_mcp` type (PagerDuty (MCP)) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface PagerDutyMcpConnector extends ConnectorResponseFields {
  connector_type_id: ".pagerduty_mcp";
  config: StoredPagerDutyMcpConfig;
}

// PostHog (`.posthog`)

/** Settings of a PostHog connector. Triage PostHog error-tracking issues, run HogQL queries, toggle feature flags, post annotations, and look up session recordings. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type PostHogConfig = {
  /** Your PostHog instance URL: https://us.posthog.com (US Cloud, default), https://eu.posthog.com (EU Cloud), or your self-managed instance URL. */
  instanceHost: string;
  /** The PostHog project ID that every action runs against (Project Settings, or /api/projects/). */
  projectId: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a PostHog connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type PostHogSecrets = {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The authentication these credentials are for: `bearer` (Bearer token). */
  authType: "bearer";
};

/** `PostHogConfig` as Kibana stores it: every field that has a default is present. */
export type StoredPostHogConfig = {
  /** Your PostHog instance URL: https://us.posthog.com (US Cloud, default), https://eu.posthog.com (EU Cloud), or your self-managed instance URL. */
  instanceHost: string;
  /** The PostHog project ID that every action runs against (Project Settings, or /api/projects/). */
  projectId: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `PostHogSecrets`: no field has a default. */
export type StoredPostHogSecrets = PostHogSecrets;

/** The body of a create-connector request for the `.posthog` type (PostHog). */
export interface CreatePostHogConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".posthog";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: PostHogConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: PostHogSecrets;
}

/** What `normalize` returns for the `.posthog` type (PostHog): the body as Kibana stores it (defaults filled in). */
export interface NormalizedPostHogConnectorBody {
  name: string;
  connector_type_id: ".posthog";
  config: StoredPostHogConfig;
  secrets: StoredPostHogSecrets;
}

/** A connector of the `.posthog` type (PostHog) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface PostHogConnector extends ConnectorResponseFields {
  connector_type_id: ".posthog";
  config: StoredPostHogConfig;
}

// Prometheus Alertmanager (`.prometheus_alertmanager`)

/** Settings of a Prometheus Alertmanager connector. Read Alertmanager alerts and alert groups, and create, list, and expire silences to mute noise Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type PrometheusAlertmanagerConfig = {
  /** The base URL of your self-hosted Alertmanager instance, e.g. https://alertmanager.example.com. Must be reachable from Kibana. Kibana checks it against `xpack.actions.allowedHosts`. */
  baseUrl: string;
  /** Optional. The base URL of the Prometheus server associated with this Alertmanager, e.g. https://prometheus.example.com (uses the same username and password). Kibana checks it against `xpack.actions.allowedHosts`. */
  prometheusUrl?: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Prometheus Alertmanager connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type PrometheusAlertmanagerSecrets = {
  /** The user name. */
  username: string;
  /** The password. */
  password: string;
  /** The authentication these credentials are for: `basic` (Basic authentication). */
  authType: "basic";
};

/** `PrometheusAlertmanagerConfig` as Kibana stores it: every field that has a default is present. */
export type StoredPrometheusAlertmanagerConfig = {
  /** The base URL of your self-hosted Alertmanager instance, e.g. https://alertmanager.example.com. Must be reachable from Kibana. Kibana checks it against `xpack.actions.allowedHosts`. */
  baseUrl: string;
  /** Optional. The base URL of the Prometheus server associated with this Alertmanager, e.g. https://prometheus.example.com (uses the same username and password). Kibana checks it against `xpack.actions.allowedHosts`. */
  prometheusUrl?: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `PrometheusAlertmanagerSecrets`: no field has a default. */
export type StoredPrometheusAlertmanagerSecrets = PrometheusAlertmanagerSecrets;

/** The body of a create-connector request for the `.prometheus_alertmanager` type (Prometheus Alertmanager). */
export interface CreatePrometheusAlertmanagerConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".prometheus_alertmanager";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: PrometheusAlertmanagerConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: PrometheusAlertmanagerSecrets;
}

/** What `normalize` returns for the `.prometheus_alertmanager` type (Prometheus Alertmanager): the body as Kibana stores it (defaults filled in). */
export interface NormalizedPrometheusAlertmanagerConnectorBody {
  name: string;
  connector_type_id: ".prometheus_alertmanager";
  config: StoredPrometheusAlertmanagerConfig;
  secrets: StoredPrometheusAlertmanagerSecrets;
}

/** A connector of the `.prometheus_alertmanager` type (Prometheus Alertmanager) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface PrometheusAlertmanagerConnector extends ConnectorResponseFields {
  connector_type_id: ".prometheus_alertmanager";
  config: StoredPrometheusAlertmanagerConfig;
}

// Prometheus (`.prometheus`)

/** Settings of a Prometheus connector. Run PromQL queries against Prometheus, and read, silence, and manage Alertmanager alerts Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type PrometheusConfig = {
  /** The base URL of your self-hosted Alertmanager instance, e.g. https://alertmanager.example.com. Must be reachable from Kibana. Kibana checks it against `xpack.actions.allowedHosts`. */
  baseUrl: string;
  /** Optional. The base URL of the Prometheus server (same credentials), e.g. https://prometheus.example.com; needed for the PromQL, rules, targets, series and label actions. Kibana checks it against `xpack.actions.allowedHosts`. */
  prometheusUrl?: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Prometheus connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type PrometheusSecrets = {
  /** The user name. */
  username: string;
  /** The password. */
  password: string;
  /** The authentication these credentials are for: `basic` (Basic authentication). */
  authType: "basic";
} | {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The authentication these credentials are for: `bearer` (Bearer token). */
  authType: "bearer";
};

/** `PrometheusConfig` as Kibana stores it: every field that has a default is present. */
export type StoredPrometheusConfig = {
  /** The base URL of your self-hosted Alertmanager instance, e.g. https://alertmanager.example.com. Must be reachable from Kibana. Kibana checks it against `xpack.actions.allowedHosts`. */
  baseUrl: string;
  /** Optional. The base URL of the Prometheus server (same credentials), e.g. https://prometheus.example.com; needed for the PromQL, rules, targets, series and label actions. Kibana checks it against `xpack.actions.allowedHosts`. */
  prometheusUrl?: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `PrometheusSecrets`: no field has a default. */
export type StoredPrometheusSecrets = PrometheusSecrets;

/** The body of a create-connector request for the `.prometheus` type (Prometheus). */
export interface CreatePrometheusConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".prometheus";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: PrometheusConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: PrometheusSecrets;
}

/** What `normalize` returns for the `.prometheus` type (Prometheus): the body as Kibana stores it (defaults filled in). */
export interface NormalizedPrometheusConnectorBody {
  name: string;
  connector_type_id: ".prometheus";
  config: StoredPrometheusConfig;
  secrets: StoredPrometheusSecrets;
}

/** A connector of the `.prometheus` type (Prometheus) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface PrometheusConnector extends ConnectorResponseFields {
  connector_type_id: ".prometheus";
  config: StoredPrometheusConfig;
}

// Rootly (`.rootly`)

/** Settings of a Rootly connector. Declare, read, and drive Rootly incidents through their lifecycle, and triage, acknowledge, and resolve Rootly alerts. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type RootlyConfig = {
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Rootly connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type RootlySecrets = {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The authentication these credentials are for: `bearer` (Bearer token). */
  authType: "bearer";
};

/** `RootlyConfig` as Kibana stores it: every field that has a default is present. */
export type StoredRootlyConfig = {
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `RootlySecrets`: no field has a default. */
export type StoredRootlySecrets = RootlySecrets;

/** The body of a create-connector request for the `.rootly` type (Rootly). */
export interface CreateRootlyConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".rootly";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: RootlyConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: RootlySecrets;
}

/** What `normalize` returns for the `.rootly` type (Rootly): the body as Kibana stores it (defaults filled in). */
export interface NormalizedRootlyConnectorBody {
  name: string;
  connector_type_id: ".rootly";
  config: StoredRootlyConfig;
  secrets: StoredRootlySecrets;
}

/** A connector of the `.rootly` type (Rootly) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface RootlyConnector extends ConnectorResponseFields {
  connector_type_id: ".rootly";
  config: StoredRootlyConfig;
}

// Salesforce (`.salesforce`)

/** Settings of a Salesforce connector. Query records, search, describe objects, and download files in Salesforce Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type SalesforceConfig = {
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Salesforce connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type SalesforceSecrets = {
  /** The OAuth 2.0 authorization endpoint. */
  authorizationUrl: string;
  /** The OAuth 2.0 token endpoint. */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "api refresh_token"
   */
  scope?: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth?: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
} | {
  /** The OAuth 2.0 token endpoint. Kibana checks it against `xpack.actions.allowedHosts`. */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /** The scopes to request, separated by spaces. */
  scope?: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /** How the client authenticates to the token endpoint. */
  tokenEndpointAuthMethod?: "client_secret_post" | "client_secret_basic";
  /** The authentication these credentials are for: `oauth_client_credentials` (OAuth Client Credentials). */
  authType: "oauth_client_credentials";
};

/** `SalesforceConfig` as Kibana stores it: every field that has a default is present. */
export type StoredSalesforceConfig = {
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** `SalesforceSecrets` as Kibana stores it: every field that has a default is present. */
export type StoredSalesforceSecrets = {
  /** The OAuth 2.0 authorization endpoint. */
  authorizationUrl: string;
  /** The OAuth 2.0 token endpoint. */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "api refresh_token"
   */
  scope: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
} | {
  /** The OAuth 2.0 token endpoint. Kibana checks it against `xpack.actions.allowedHosts`. */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /** The scopes to request, separated by spaces. */
  scope?: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /** How the client authenticates to the token endpoint. */
  tokenEndpointAuthMethod?: "client_secret_post" | "client_secret_basic";
  /** The authentication these credentials are for: `oauth_client_credentials` (OAuth Client Credentials). */
  authType: "oauth_client_credentials";
};

/** The body of a create-connector request for the `.salesforce` type (Salesforce). */
export interface CreateSalesforceConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".salesforce";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: SalesforceConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: SalesforceSecrets;
}

/** What `normalize` returns for the `.salesforce` type (Salesforce): the body as Kibana stores it (defaults filled in). */
export interface NormalizedSalesforceConnectorBody {
  name: string;
  connector_type_id: ".salesforce";
  config: StoredSalesforceConfig;
  secrets: StoredSalesforceSecrets;
}

/** A connector of the `.salesforce` type (Salesforce) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface SalesforceConnector extends ConnectorResponseFields {
  connector_type_id: ".salesforce";
  config: StoredSalesforceConfig;
}

// Sentry (`.sentry`)

/** Settings of a Sentry connector. Triage Sentry issues: list, read, resolve, ignore, reopen, assign, and bulk-update error groups, provision issue alert rules, and correlate incidents to releases. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type SentryConfig = {
  /** The slug of your Sentry organization, found in the URL: sentry.io/organizations/your-slug/ */
  organizationSlug: string;
  /** Leave empty to use Sentry SaaS (https://sentry.io/api/0); set a regional domain (e.g. https://us.sentry.io/api/0) or a self-hosted instance (e.g. https://sentry.example.com/api/0). */
  baseUrl?: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Sentry connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type SentrySecrets = {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The authentication these credentials are for: `bearer` (Bearer token). */
  authType: "bearer";
};

/** `SentryConfig` as Kibana stores it: every field that has a default is present. */
export type StoredSentryConfig = {
  /** The slug of your Sentry organization, found in the URL: sentry.io/organizations/your-slug/ */
  organizationSlug: string;
  /** Leave empty to use Sentry SaaS (https://sentry.io/api/0); set a regional domain (e.g. https://us.sentry.io/api/0) or a self-hosted instance (e.g. https://sentry.example.com/api/0). */
  baseUrl?: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `SentrySecrets`: no field has a default. */
export type StoredSentrySecrets = SentrySecrets;

/** The body of a create-connector request for the `.sentry` type (Sentry). */
export interface CreateSentryConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".sentry";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: SentryConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: SentrySecrets;
}

/** What `normalize` returns for the `.sentry` type (Sentry): the body as Kibana stores it (defaults filled in). */
export interface NormalizedSentryConnectorBody {
  name: string;
  connector_type_id: ".sentry";
  config: StoredSentryConfig;
  secrets: StoredSentrySecrets;
}

/** A connector of the `.sentry` type (Sentry) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface SentryConnector extends ConnectorResponseFields {
  connector_type_id: ".sentry";
  config: StoredSentryConfig;
}

// Sublime Security (`.sublime_security`)

/** Settings of a Sublime Security connector. Search flagged email, get verdicts, and quarantine, trash, or restore message groups in Sublime Security Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type SublimeSecurityConfig = {
  /** The Sublime Platform API base URL (e.g. https://platform.sublime.security or https://eu.platform.sublime.security, or a self-hosted instance), shown under Automate > API in the Sublime dashboard. Kibana checks it against `xpack.actions.allowedHosts`. */
  baseUrl: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Sublime Security connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type SublimeSecuritySecrets = {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The authentication these credentials are for: `bearer` (Bearer token). */
  authType: "bearer";
};

/** `SublimeSecurityConfig` as Kibana stores it: every field that has a default is present. */
export type StoredSublimeSecurityConfig = {
  /** The Sublime Platform API base URL (e.g. https://platform.sublime.security or https://eu.platform.sublime.security, or a self-hosted instance), shown under Automate > API in the Sublime dashboard. Kibana checks it against `xpack.actions.allowedHosts`. */
  baseUrl: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `SublimeSecuritySecrets`: no field has a default. */
export type StoredSublimeSecuritySecrets = SublimeSecuritySecrets;

/** The body of a create-connector request for the `.sublime_security` type (Sublime Security). */
export interface CreateSublimeSecurityConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".sublime_security";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: SublimeSecurityConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: SublimeSecuritySecrets;
}

/** What `normalize` returns for the `.sublime_security` type (Sublime Security): the body as Kibana stores it (defaults filled in). */
export interface NormalizedSublimeSecurityConnectorBody {
  name: string;
  connector_type_id: ".sublime_security";
  config: StoredSublimeSecurityConfig;
  secrets: StoredSublimeSecuritySecrets;
}

/** A connector of the `.sublime_security` type (Sublime Security) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface SublimeSecurityConnector extends ConnectorResponseFields {
  connector_type_id: ".sublime_security";
  config: StoredSublimeSecurityConfig;
}

// Tavily (`.tavily_mcp`)

/** Settings of a Tavily connector. Search the web and extract content from pages using Tavily Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type TavilyConfig = {
  /**
   * The URL of the Tavily MCP server.
   * @default "https://mcp.tavily.com/mcp/"
   */
  serverUrl?: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Tavily connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type TavilySecrets = {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The authentication these credentials are for: `bearer` (Bearer token). */
  authType: "bearer";
};

/** `TavilyConfig` as Kibana stores it: every field that has a default is present. */
export type StoredTavilyConfig = {
  /**
   * The URL of the Tavily MCP server.
   * @default "https://mcp.tavily.com/mcp/"
   */
  serverUrl: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `TavilySecrets`: no field has a default. */
export type StoredTavilySecrets = TavilySecrets;

/** The body of a create-connector request for the `.tavily_mcp` type (Tavily). */
export interface CreateTavilyConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".tavily_mcp";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: TavilyConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: TavilySecrets;
}

/** What `normalize` returns for the `.tavily_mcp` type (Tavily): the body as Kibana stores it (defaults filled in). */
export interface NormalizedTavilyConnectorBody {
  name: string;
  connector_type_id: ".tavily_mcp";
  config: StoredTavilyConfig;
  secrets: StoredTavilySecrets;
}

/** A connector of the `.tavily_mcp` type (Tavily) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface TavilyConnector extends ConnectorResponseFields {
  connector_type_id: ".tavily_mcp";
  config: StoredTavilyConfig;
}

// URLVoid (`.urlvoid`)

/** Settings of a URLVoid connector. Domain and URL reputation checking via multi-engine scanning Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type URLVoidConfig = {
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a URLVoid connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type URLVoidSecrets = {
  /** The API key. */
  "X-Api-Key": string;
  /** The authentication these credentials are for: `api_key_header` (API key header authentication). */
  authType: "api_key_header";
};

/** `URLVoidConfig` as Kibana stores it: every field that has a default is present. */
export type StoredURLVoidConfig = {
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `URLVoidSecrets`: no field has a default. */
export type StoredURLVoidSecrets = URLVoidSecrets;

/** The body of a create-connector request for the `.urlvoid` type (URLVoid). */
export interface CreateURLVoidConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".urlvoid";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: URLVoidConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: URLVoidSecrets;
}

/** What `normalize` returns for the `.urlvoid` type (URLVoid): the body as Kibana stores it (defaults filled in). */
export interface NormalizedURLVoidConnectorBody {
  name: string;
  connector_type_id: ".urlvoid";
  config: StoredURLVoidConfig;
  secrets: StoredURLVoidSecrets;
}

/** A connector of the `.urlvoid` type (URLVoid) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface URLVoidConnector extends ConnectorResponseFields {
  connector_type_id: ".urlvoid";
  config: StoredURLVoidConfig;
}

// Zoom (`.zoom`)

/** Settings of a Zoom connector. Access meetings, recordings, transcripts, and participants in Zoom Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type ZoomConfig = {
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Zoom connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type ZoomSecrets = {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The authentication these credentials are for: `bearer` (Bearer token). */
  authType: "bearer";
};

/** `ZoomConfig` as Kibana stores it: every field that has a default is present. */
export type StoredZoomConfig = {
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `ZoomSecrets`: no field has a default. */
export type StoredZoomSecrets = ZoomSecrets;

/** The body of a create-connector request for the `.zoom` type (Zoom). */
export interface CreateZoomConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".zoom";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: ZoomConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: ZoomSecrets;
}

/** What `normalize` returns for the `.zoom` type (Zoom): the body as Kibana stores it (defaults filled in). */
export interface NormalizedZoomConnectorBody {
  name: string;
  connector_type_id: ".zoom";
  config: StoredZoomConfig;
  secrets: StoredZoomSecrets;
}

/** A connector of the `.zoom` type (Zoom) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface ZoomConnector extends ConnectorResponseFields {
  connector_type_id: ".zoom";
  config: StoredZoomConfig;
}

// Zabbix (`.zabbix`)

/** Settings of a Zabbix connector. Read and triage Zabbix problems and events, manage maintenance windows, and enable or disable hosts and triggers Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type ZabbixConfig = {
  /** The base URL of your self-hosted Zabbix frontend, e.g. https://zabbix.example.com (without /api_jsonrpc.php). Must be network-reachable from Kibana. Kibana checks it against `xpack.actions.allowedHosts`. */
  baseUrl: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Zabbix connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type ZabbixSecrets = {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The authentication these credentials are for: `bearer` (Bearer token). */
  authType: "bearer";
};

/** `ZabbixConfig` as Kibana stores it: every field that has a default is present. */
export type StoredZabbixConfig = {
  /** The base URL of your self-hosted Zabbix frontend, e.g. https://zabbix.example.com (without /api_jsonrpc.php). Must be network-reachable from Kibana. Kibana checks it against `xpack.actions.allowedHosts`. */
  baseUrl: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `ZabbixSecrets`: no field has a default. */
export type StoredZabbixSecrets = ZabbixSecrets;

/** The body of a create-connector request for the `.zabbix` type (Zabbix). */
export interface CreateZabbixConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".zabbix";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: ZabbixConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: ZabbixSecrets;
}

/** What `normalize` returns for the `.zabbix` type (Zabbix): the body as Kibana stores it (defaults filled in). */
export interface NormalizedZabbixConnectorBody {
  name: string;
  connector_type_id: ".zabbix";
  config: StoredZabbixConfig;
  secrets: StoredZabbixSecrets;
}

/** A connector of the `.zabbix` type (Zabbix) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface ZabbixConnector extends ConnectorResponseFields {
  connector_type_id: ".zabbix";
  config: StoredZabbixConfig;
}

// URLScan.io (`.urlscan_io`)

/** Settings of a URLScan.io connector. Submit URLs for scanning, read maliciousness verdicts, and search historical scans on URLScan.io Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type URLScanIoConfig = {
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a URLScan.io connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type URLScanIoSecrets = {
  /** The API key. */
  "api-key": string;
  /** The authentication these credentials are for: `api_key_header` (API key header authentication). */
  authType: "api_key_header";
} | {
  /** The authentication these credentials are for: `none` (None). */
  authType: "none";
};

/** `URLScanIoConfig` as Kibana stores it: every field that has a default is present. */
export type StoredURLScanIoConfig = {
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `URLScanIoSecrets`: no field has a default. */
export type StoredURLScanIoSecrets = URLScanIoSecrets;

/** The body of a create-connector request for the `.urlscan_io` type (URLScan.io). */
export interface CreateURLScanIoConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".urlscan_io";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: URLScanIoConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: URLScanIoSecrets;
}

/** What `normalize` returns for the `.urlscan_io` type (URLScan.io): the body as Kibana stores it (defaults filled in). */
export interface NormalizedURLScanIoConnectorBody {
  name: string;
  connector_type_id: ".urlscan_io";
  config: StoredURLScanIoConfig;
  secrets: StoredURLScanIoSecrets;
}

/** A connector of the `.urlscan_io` type (URLScan.io) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface URLScanIoConnector extends ConnectorResponseFields {
  connector_type_id: ".urlscan_io";
  config: StoredURLScanIoConfig;
}

// UniFi (`.unifi`)

/** Settings of a UniFi connector. List UniFi sites, devices, clients and networks, inspect Protect cameras and sensors, and restart devices Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type UniFiConfig = {
  /** The base URL of the UniFi console (e.g. https://192.168.1.1, without /proxy/...), or https://api.ui.com/v1/connector/consoles/your-console-id for the Site Manager Cloud Connector. Kibana checks it against `xpack.actions.allowedHosts`. */
  consoleUrl: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a UniFi connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type UniFiSecrets = {
  /** The API key. */
  "X-API-KEY": string;
  /** The authentication these credentials are for: `api_key_header` (API key header authentication). */
  authType: "api_key_header";
};

/** `UniFiConfig` as Kibana stores it: every field that has a default is present. */
export type StoredUniFiConfig = {
  /** The base URL of the UniFi console (e.g. https://192.168.1.1, without /proxy/...), or https://api.ui.com/v1/connector/consoles/your-console-id for the Site Manager Cloud Connector. Kibana checks it against `xpack.actions.allowedHosts`. */
  consoleUrl: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `UniFiSecrets`: no field has a default. */
export type StoredUniFiSecrets = UniFiSecrets;

/** The body of a create-connector request for the `.unifi` type (UniFi). */
export interface CreateUniFiConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".unifi";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: UniFiConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: UniFiSecrets;
}

/** What `normalize` returns for the `.unifi` type (UniFi): the body as Kibana stores it (defaults filled in). */
export interface NormalizedUniFiConnectorBody {
  name: string;
  connector_type_id: ".unifi";
  config: StoredUniFiConfig;
  secrets: StoredUniFiSecrets;
}

/** A connector of the `.unifi` type (UniFi) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface UniFiConnector extends ConnectorResponseFields {
  connector_type_id: ".unifi";
  config: StoredUniFiConfig;
}

// OneDrive (`.one_drive`)

/** Settings of a OneDrive connector. Search files and folders, browse drives, read file content, and list files shared with you in Microsoft OneDrive Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type OneDriveConfig = {
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a OneDrive connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type OneDriveSecrets = {
  /** The OAuth 2.0 authorization endpoint. */
  authorizationUrl: string;
  /** The OAuth 2.0 token endpoint. */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "Files.Read.All offline_access User.Read"
   */
  scope?: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth?: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
};

/** `OneDriveConfig` as Kibana stores it: every field that has a default is present. */
export type StoredOneDriveConfig = {
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** `OneDriveSecrets` as Kibana stores it: every field that has a default is present. */
export type StoredOneDriveSecrets = {
  /** The OAuth 2.0 authorization endpoint. */
  authorizationUrl: string;
  /** The OAuth 2.0 token endpoint. */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "Files.Read.All offline_access User.Read"
   */
  scope: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
};

/** The body of a create-connector request for the `.one_drive` type (OneDrive). */
export interface CreateOneDriveConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".one_drive";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: OneDriveConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: OneDriveSecrets;
}

/** What `normalize` returns for the `.one_drive` type (OneDrive): the body as Kibana stores it (defaults filled in). */
export interface NormalizedOneDriveConnectorBody {
  name: string;
  connector_type_id: ".one_drive";
  config: StoredOneDriveConfig;
  secrets: StoredOneDriveSecrets;
}

/** A connector of the `.one_drive` type (OneDrive) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface OneDriveConnector extends ConnectorResponseFields {
  connector_type_id: ".one_drive";
  config: StoredOneDriveConfig;
}

// AWS Lambda (`.aws_lambda`)

/** Settings of a AWS Lambda connector. Invoke AWS Lambda functions, list available functions, and get function details. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type AwsLambdaConfig = {
  /** AWS Region (e.g., us-east-1, eu-west-1). */
  region: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a AWS Lambda connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type AwsLambdaSecrets = {
  /** The AWS access key ID. */
  accessKeyId: string;
  /** The AWS secret access key. */
  secretAccessKey: string;
  /** The authentication these credentials are for: `aws_credentials` (AWS Credentials). */
  authType: "aws_credentials";
};

/** `AwsLambdaConfig` as Kibana stores it: every field that has a default is present. */
export type StoredAwsLambdaConfig = {
  /** AWS Region (e.g., us-east-1, eu-west-1). */
  region: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `AwsLambdaSecrets`: no field has a default. */
export type StoredAwsLambdaSecrets = AwsLambdaSecrets;

/** The body of a create-connector request for the `.aws_lambda` type (AWS Lambda). */
export interface CreateAwsLambdaConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".aws_lambda";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: AwsLambdaConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: AwsLambdaSecrets;
}

/** What `normalize` returns for the `.aws_lambda` type (AWS Lambda): the body as Kibana stores it (defaults filled in). */
export interface NormalizedAwsLambdaConnectorBody {
  name: string;
  connector_type_id: ".aws_lambda";
  config: StoredAwsLambdaConfig;
  secrets: StoredAwsLambdaSecrets;
}

/** A connector of the `.aws_lambda` type (AWS Lambda) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface AwsLambdaConnector extends ConnectorResponseFields {
  connector_type_id: ".aws_lambda";
  config: StoredAwsLambdaConfig;
}

// Amazon S3 (`.amazon_s3`)

/** Settings of a Amazon S3 connector. List buckets and download files from Amazon S3. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type AmazonS3Config = {
  /** The AWS Region where your S3 buckets are located (for example, us-east-1). */
  region: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Amazon S3 connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type AmazonS3Secrets = {
  /** The AWS access key ID. */
  accessKeyId: string;
  /** The AWS secret access key. */
  secretAccessKey: string;
  /** The authentication these credentials are for: `aws_credentials` (AWS Credentials). */
  authType: "aws_credentials";
};

/** `AmazonS3Config` as Kibana stores it: every field that has a default is present. */
export type StoredAmazonS3Config = {
  /** The AWS Region where your S3 buckets are located (for example, us-east-1). */
  region: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `AmazonS3Secrets`: no field has a default. */
export type StoredAmazonS3Secrets = AmazonS3Secrets;

/** The body of a create-connector request for the `.amazon_s3` type (Amazon S3). */
export interface CreateAmazonS3ConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".amazon_s3";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: AmazonS3Config;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: AmazonS3Secrets;
}

/** What `normalize` returns for the `.amazon_s3` type (Amazon S3): the body as Kibana stores it (defaults filled in). */
export interface NormalizedAmazonS3ConnectorBody {
  name: string;
  connector_type_id: ".amazon_s3";
  config: StoredAmazonS3Config;
  secrets: StoredAmazonS3Secrets;
}

/** A connector of the `.amazon_s3` type (Amazon S3) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface AmazonS3Connector extends ConnectorResponseFields {
  connector_type_id: ".amazon_s3";
  config: StoredAmazonS3Config;
}

// AWS X-Ray (`.aws_x_ray`)

/** Settings of a AWS X-Ray connector. Retrieve insights, service graphs, and trace summaries and details from AWS X-Ray. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type AwsXRayConfig = {
  /** AWS Region (e.g., us-east-1, eu-west-1). */
  region: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a AWS X-Ray connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type AwsXRaySecrets = {
  /** The AWS access key ID. */
  accessKeyId: string;
  /** The AWS secret access key. */
  secretAccessKey: string;
  /** The authentication these credentials are for: `aws_credentials` (AWS Credentials). */
  authType: "aws_credentials";
};

/** `AwsXRayConfig` as Kibana stores it: every field that has a default is present. */
export type StoredAwsXRayConfig = {
  /** AWS Region (e.g., us-east-1, eu-west-1). */
  region: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `AwsXRaySecrets`: no field has a default. */
export type StoredAwsXRaySecrets = AwsXRaySecrets;

/** The body of a create-connector request for the `.aws_x_ray` type (AWS X-Ray). */
export interface CreateAwsXRayConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".aws_x_ray";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: AwsXRayConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: AwsXRaySecrets;
}

/** What `normalize` returns for the `.aws_x_ray` type (AWS X-Ray): the body as Kibana stores it (defaults filled in). */
export interface NormalizedAwsXRayConnectorBody {
  name: string;
  connector_type_id: ".aws_x_ray";
  config: StoredAwsXRayConfig;
  secrets: StoredAwsXRaySecrets;
}

/** A connector of the `.aws_x_ray` type (AWS X-Ray) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface AwsXRayConnector extends ConnectorResponseFields {
  connector_type_id: ".aws_x_ray";
  config: StoredAwsXRayConfig;
}

// AWS CloudWatch (`.aws_cloudwatch`)

/** Settings of a AWS CloudWatch connector. List and suppress alarms, query metrics and Logs Insights, and retrieve log events in AWS CloudWatch. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type AwsCloudWatchConfig = {
  /** The AWS Region where your CloudWatch alarms, metrics, and log groups are located (for example, us-east-1). */
  region: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a AWS CloudWatch connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type AwsCloudWatchSecrets = {
  /** The AWS access key ID. */
  accessKeyId: string;
  /** The AWS secret access key. */
  secretAccessKey: string;
  /** The authentication these credentials are for: `aws_credentials` (AWS Credentials). */
  authType: "aws_credentials";
};

/** `AwsCloudWatchConfig` as Kibana stores it: every field that has a default is present. */
export type StoredAwsCloudWatchConfig = {
  /** The AWS Region where your CloudWatch alarms, metrics, and log groups are located (for example, us-east-1). */
  region: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `AwsCloudWatchSecrets`: no field has a default. */
export type StoredAwsCloudWatchSecrets = AwsCloudWatchSecrets;

/** The body of a create-connector request for the `.aws_cloudwatch` type (AWS CloudWatch). */
export interface CreateAwsCloudWatchConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".aws_cloudwatch";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: AwsCloudWatchConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: AwsCloudWatchSecrets;
}

/** What `normalize` returns for the `.aws_cloudwatch` type (AWS CloudWatch): the body as Kibana stores it (defaults filled in). */
export interface NormalizedAwsCloudWatchConnectorBody {
  name: string;
  connector_type_id: ".aws_cloudwatch";
  config: StoredAwsCloudWatchConfig;
  secrets: StoredAwsCloudWatchSecrets;
}

/** A connector of the `.aws_cloudwatch` type (AWS CloudWatch) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface AwsCloudWatchConnector extends ConnectorResponseFields {
  connector_type_id: ".aws_cloudwatch";
  config: StoredAwsCloudWatchConfig;
}

// Azure Blob Storage (`.azure-blob`)

/** Settings of a Azure Blob Storage connector. Connect to Azure Blob Storage to list containers and blobs, and retrieve blob content. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type AzureBlobStorageConfig = {
  /** The blob service endpoint, for example https://myaccount.blob.core.windows.net. */
  accountUrl: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Azure Blob Storage connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type AzureBlobStorageSecrets = {
  /** The Azure storage account name. */
  accountName: string;
  /** The Azure storage account key (base64), used to sign each request. */
  accountKey: string;
  /** The authentication these credentials are for: `azure_shared_key` (Azure Shared Key). */
  authType: "azure_shared_key";
};

/** `AzureBlobStorageConfig` as Kibana stores it: every field that has a default is present. */
export type StoredAzureBlobStorageConfig = {
  /** The blob service endpoint, for example https://myaccount.blob.core.windows.net. */
  accountUrl: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `AzureBlobStorageSecrets`: no field has a default. */
export type StoredAzureBlobStorageSecrets = AzureBlobStorageSecrets;

/** The body of a create-connector request for the `.azure-blob` type (Azure Blob Storage). */
export interface CreateAzureBlobStorageConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".azure-blob";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: AzureBlobStorageConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: AzureBlobStorageSecrets;
}

/** What `normalize` returns for the `.azure-blob` type (Azure Blob Storage): the body as Kibana stores it (defaults filled in). */
export interface NormalizedAzureBlobStorageConnectorBody {
  name: string;
  connector_type_id: ".azure-blob";
  config: StoredAzureBlobStorageConfig;
  secrets: StoredAzureBlobStorageSecrets;
}

/** A connector of the `.azure-blob` type (Azure Blob Storage) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface AzureBlobStorageConnector extends ConnectorResponseFields {
  connector_type_id: ".azure-blob";
  config: StoredAzureBlobStorageConfig;
}

// GCP Cloud Functions (`.gcp_cloud_functions`)

/** Settings of a GCP Cloud Functions connector. Invoke GCP Cloud Functions, list available functions, and get function details. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type GcpCloudFunctionsConfig = {
  /** GCP Project ID. */
  projectId: string;
  /** GCP Region (e.g., us-central1, europe-west1). */
  region: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a GCP Cloud Functions connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type GcpCloudFunctionsSecrets = {
  /** The contents of the GCP service account JSON key file. */
  serviceAccountJson: string;
  /** The OAuth scope of the access token (default https://www.googleapis.com/auth/cloud-platform). */
  scope?: string;
  /** The authentication these credentials are for: `gcp_service_account` (GCP Service Account). */
  authType: "gcp_service_account";
};

/** `GcpCloudFunctionsConfig` as Kibana stores it: every field that has a default is present. */
export type StoredGcpCloudFunctionsConfig = {
  /** GCP Project ID. */
  projectId: string;
  /** GCP Region (e.g., us-central1, europe-west1). */
  region: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `GcpCloudFunctionsSecrets`: no field has a default. */
export type StoredGcpCloudFunctionsSecrets = GcpCloudFunctionsSecrets;

/** The body of a create-connector request for the `.gcp_cloud_functions` type (GCP Cloud Functions). */
export interface CreateGcpCloudFunctionsConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".gcp_cloud_functions";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: GcpCloudFunctionsConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: GcpCloudFunctionsSecrets;
}

/** What `normalize` returns for the `.gcp_cloud_functions` type (GCP Cloud Functions): the body as Kibana stores it (defaults filled in). */
export interface NormalizedGcpCloudFunctionsConnectorBody {
  name: string;
  connector_type_id: ".gcp_cloud_functions";
  config: StoredGcpCloudFunctionsConfig;
  secrets: StoredGcpCloudFunctionsSecrets;
}

/** A connector of the `.gcp_cloud_functions` type (GCP Cloud Functions) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface GcpCloudFunctionsConnector extends ConnectorResponseFields {
  connector_type_id: ".gcp_cloud_functions";
  config: StoredGcpCloudFunctionsConfig;
}

// Google Cloud IAM (`.gcp_iam`)

/** Settings of a Google Cloud IAM connector. Disable service accounts, revoke leaked keys, and grant or revoke IAM role bindings in Google Cloud IAM. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type GoogleCloudIamConfig = {
  /** Optional. The project used when an action does not specify one, for example my-project-123. */
  defaultProjectId?: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Google Cloud IAM connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type GoogleCloudIamSecrets = {
  /** The contents of the GCP service account JSON key file. */
  serviceAccountJson: string;
  /** The OAuth scope of the access token (default https://www.googleapis.com/auth/cloud-platform). */
  scope?: string;
  /** The authentication these credentials are for: `gcp_service_account` (GCP Service Account). */
  authType: "gcp_service_account";
};

/** `GoogleCloudIamConfig` as Kibana stores it: every field that has a default is present. */
export type StoredGoogleCloudIamConfig = {
  /** Optional. The project used when an action does not specify one, for example my-project-123. */
  defaultProjectId?: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `GoogleCloudIamSecrets`: no field has a default. */
export type StoredGoogleCloudIamSecrets = GoogleCloudIamSecrets;

/** The body of a create-connector request for the `.gcp_iam` type (Google Cloud IAM). */
export interface CreateGoogleCloudIamConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".gcp_iam";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: GoogleCloudIamConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: GoogleCloudIamSecrets;
}

/** What `normalize` returns for the `.gcp_iam` type (Google Cloud IAM): the body as Kibana stores it (defaults filled in). */
export interface NormalizedGoogleCloudIamConnectorBody {
  name: string;
  connector_type_id: ".gcp_iam";
  config: StoredGoogleCloudIamConfig;
  secrets: StoredGoogleCloudIamSecrets;
}

/** A connector of the `.gcp_iam` type (Google Cloud IAM) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface GoogleCloudIamConnector extends ConnectorResponseFields {
  connector_type_id: ".gcp_iam";
  config: StoredGoogleCloudIamConfig;
}

// Gmail (`.gmail`)

/** Settings of a Gmail connector. Search, read, label, and send emails in Gmail Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type GmailConfig = {
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Gmail connector: `authType` chooses the authentication, the other keys are its credentials. Kibana also offers `ears` (Elastic-managed OAuth), refused unless `xpack.actions.auth.ears.enabled` is true (default false). Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type GmailSecrets = {
  /**
   * The OAuth 2.0 authorization endpoint.
   * @default "https://accounts.google.com/o/oauth2/v2/auth"
   */
  authorizationUrl?: string;
  /**
   * The OAuth 2.0 token endpoint.
   * @default "https://oauth2.googleapis.com/token"
   */
  tokenUrl?: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "https://www.googleapis.com/auth/gmail.modify"
   */
  scope?: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth?: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
} | {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The authentication these credentials are for: `bearer` (Bearer token). */
  authType: "bearer";
};

/** `GmailConfig` as Kibana stores it: every field that has a default is present. */
export type StoredGmailConfig = {
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** `GmailSecrets` as Kibana stores it: every field that has a default is present. */
export type StoredGmailSecrets = {
  /**
   * The OAuth 2.0 authorization endpoint.
   * @default "https://accounts.google.com/o/oauth2/v2/auth"
   */
  authorizationUrl: string;
  /**
   * The OAuth 2.0 token endpoint.
   * @default "https://oauth2.googleapis.com/token"
   */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "https://www.googleapis.com/auth/gmail.modify"
   */
  scope: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
} | {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The authentication these credentials are for: `bearer` (Bearer token). */
  authType: "bearer";
};

/** The body of a create-connector request for the `.gmail` type (Gmail). */
export interface CreateGmailConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".gmail";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: GmailConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: GmailSecrets;
}

/** What `normalize` returns for the `.gmail` type (Gmail): the body as Kibana stores it (defaults filled in). */
export interface NormalizedGmailConnectorBody {
  name: string;
  connector_type_id: ".gmail";
  config: StoredGmailConfig;
  secrets: StoredGmailSecrets;
}

/** A connector of the `.gmail` type (Gmail) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface GmailConnector extends ConnectorResponseFields {
  connector_type_id: ".gmail";
  config: StoredGmailConfig;
}

// Google Drive (`.google_drive`)

/** Settings of a Google Drive connector. Search and access files and folders in Google Drive Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type GoogleDriveConfig = {
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Google Drive connector: `authType` chooses the authentication, the other keys are its credentials. Kibana also offers `ears` (Elastic-managed OAuth), refused unless `xpack.actions.auth.ears.enabled` is true (default false). Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type GoogleDriveSecrets = {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The authentication these credentials are for: `bearer` (Bearer token). */
  authType: "bearer";
} | {
  /**
   * The OAuth 2.0 authorization endpoint.
   * @default "https://accounts.google.com/o/oauth2/v2/auth"
   */
  authorizationUrl?: string;
  /**
   * The OAuth 2.0 token endpoint.
   * @default "https://oauth2.googleapis.com/token"
   */
  tokenUrl?: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "https://www.googleapis.com/auth/drive.readonly https://www.googleapis.com/auth/drive.metadata.readonly"
   */
  scope?: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth?: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
};

/** `GoogleDriveConfig` as Kibana stores it: every field that has a default is present. */
export type StoredGoogleDriveConfig = {
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** `GoogleDriveSecrets` as Kibana stores it: every field that has a default is present. */
export type StoredGoogleDriveSecrets = {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The authentication these credentials are for: `bearer` (Bearer token). */
  authType: "bearer";
} | {
  /**
   * The OAuth 2.0 authorization endpoint.
   * @default "https://accounts.google.com/o/oauth2/v2/auth"
   */
  authorizationUrl: string;
  /**
   * The OAuth 2.0 token endpoint.
   * @default "https://oauth2.googleapis.com/token"
   */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "https://www.googleapis.com/auth/drive.readonly https://www.googleapis.com/auth/drive.metadata.readonly"
   */
  scope: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
};

/** The body of a create-connector request for the `.google_drive` type (Google Drive). */
export interface CreateGoogleDriveConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".google_drive";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: GoogleDriveConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: GoogleDriveSecrets;
}

/** What `normalize` returns for the `.google_drive` type (Google Drive): the body as Kibana stores it (defaults filled in). */
export interface NormalizedGoogleDriveConnectorBody {
  name: string;
  connector_type_id: ".google_drive";
  config: StoredGoogleDriveConfig;
  secrets: StoredGoogleDriveSecrets;
}

/** A connector of the `.google_drive` type (Google Drive) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface GoogleDriveConnector extends ConnectorResponseFields {
  connector_type_id: ".google_drive";
  config: StoredGoogleDriveConfig;
}

// Google Docs (`.google_docs`)

/** Settings of a Google Docs connector. Read and update documents in Google Docs Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type GoogleDocsConfig = {
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Google Docs connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type GoogleDocsSecrets = {
  /**
   * The OAuth 2.0 authorization endpoint.
   * @default "https://accounts.google.com/o/oauth2/v2/auth"
   */
  authorizationUrl?: string;
  /**
   * The OAuth 2.0 token endpoint.
   * @default "https://oauth2.googleapis.com/token"
   */
  tokenUrl?: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "https://www.googleapis.com/auth/drive.readonly https://www.googleapis.com/auth/documents"
   */
  scope?: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth?: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
};

/** `GoogleDocsConfig` as Kibana stores it: every field that has a default is present. */
export type StoredGoogleDocsConfig = {
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** `GoogleDocsSecrets` as Kibana stores it: every field that has a default is present. */
export type StoredGoogleDocsSecrets = {
  /**
   * The OAuth 2.0 authorization endpoint.
   * @default "https://accounts.google.com/o/oauth2/v2/auth"
   */
  authorizationUrl: string;
  /**
   * The OAuth 2.0 token endpoint.
   * @default "https://oauth2.googleapis.com/token"
   */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "https://www.googleapis.com/auth/drive.readonly https://www.googleapis.com/auth/documents"
   */
  scope: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
};

/** The body of a create-connector request for the `.google_docs` type (Google Docs). */
export interface CreateGoogleDocsConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".google_docs";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: GoogleDocsConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: GoogleDocsSecrets;
}

/** What `normalize` returns for the `.google_docs` type (Google Docs): the body as Kibana stores it (defaults filled in). */
export interface NormalizedGoogleDocsConnectorBody {
  name: string;
  connector_type_id: ".google_docs";
  config: StoredGoogleDocsConfig;
  secrets: StoredGoogleDocsSecrets;
}

/** A connector of the `.google_docs` type (Google Docs) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface GoogleDocsConnector extends ConnectorResponseFields {
  connector_type_id: ".google_docs";
  config: StoredGoogleDocsConfig;
}

// Google Calendar (`.google_calendar`)

/** Settings of a Google Calendar connector. Search and access events and calendars in Google Calendar Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type GoogleCalendarConfig = {
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Google Calendar connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type GoogleCalendarSecrets = {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The authentication these credentials are for: `bearer` (Bearer token). */
  authType: "bearer";
} | {
  /**
   * The OAuth 2.0 authorization endpoint.
   * @default "https://accounts.google.com/o/oauth2/v2/auth"
   */
  authorizationUrl?: string;
  /**
   * The OAuth 2.0 token endpoint.
   * @default "https://oauth2.googleapis.com/token"
   */
  tokenUrl?: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "https://www.googleapis.com/auth/calendar.readonly"
   */
  scope?: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth?: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
};

/** `GoogleCalendarConfig` as Kibana stores it: every field that has a default is present. */
export type StoredGoogleCalendarConfig = {
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** `GoogleCalendarSecrets` as Kibana stores it: every field that has a default is present. */
export type StoredGoogleCalendarSecrets = {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The authentication these credentials are for: `bearer` (Bearer token). */
  authType: "bearer";
} | {
  /**
   * The OAuth 2.0 authorization endpoint.
   * @default "https://accounts.google.com/o/oauth2/v2/auth"
   */
  authorizationUrl: string;
  /**
   * The OAuth 2.0 token endpoint.
   * @default "https://oauth2.googleapis.com/token"
   */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "https://www.googleapis.com/auth/calendar.readonly"
   */
  scope: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
};

/** The body of a create-connector request for the `.google_calendar` type (Google Calendar). */
export interface CreateGoogleCalendarConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".google_calendar";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: GoogleCalendarConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: GoogleCalendarSecrets;
}

/** What `normalize` returns for the `.google_calendar` type (Google Calendar): the body as Kibana stores it (defaults filled in). */
export interface NormalizedGoogleCalendarConnectorBody {
  name: string;
  connector_type_id: ".google_calendar";
  config: StoredGoogleCalendarConfig;
  secrets: StoredGoogleCalendarSecrets;
}

/** A connector of the `.google_calendar` type (Google Calendar) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface GoogleCalendarConnector extends ConnectorResponseFields {
  connector_type_id: ".google_calendar";
  config: StoredGoogleCalendarConfig;
}

// Outlook (`.outlook`)

/** Settings of a Outlook connector. Search emails, list folders, and read messages and attachments in Outlook Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type OutlookConfig = {
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Outlook connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type OutlookSecrets = {
  /** The OAuth 2.0 authorization endpoint. */
  authorizationUrl: string;
  /** The OAuth 2.0 token endpoint. */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "https://graph.microsoft.com/Mail.Read offline_access"
   */
  scope?: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth?: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
};

/** `OutlookConfig` as Kibana stores it: every field that has a default is present. */
export type StoredOutlookConfig = {
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** `OutlookSecrets` as Kibana stores it: every field that has a default is present. */
export type StoredOutlookSecrets = {
  /** The OAuth 2.0 authorization endpoint. */
  authorizationUrl: string;
  /** The OAuth 2.0 token endpoint. */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "https://graph.microsoft.com/Mail.Read offline_access"
   */
  scope: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
};

/** The body of a create-connector request for the `.outlook` type (Outlook). */
export interface CreateOutlookConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".outlook";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: OutlookConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: OutlookSecrets;
}

/** What `normalize` returns for the `.outlook` type (Outlook): the body as Kibana stores it (defaults filled in). */
export interface NormalizedOutlookConnectorBody {
  name: string;
  connector_type_id: ".outlook";
  config: StoredOutlookConfig;
  secrets: StoredOutlookSecrets;
}

/** A connector of the `.outlook` type (Outlook) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface OutlookConnector extends ConnectorResponseFields {
  connector_type_id: ".outlook";
  config: StoredOutlookConfig;
}

// SharePoint Online (`.sharepoint-online`)

/** Settings of a SharePoint Online connector. Search content, browse sites and document libraries, and download files from SharePoint Online Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type SharePointOnlineConfig = {
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a SharePoint Online connector: `authType` chooses the authentication, the other keys are its credentials. Kibana also offers `ears` (Elastic-managed OAuth), refused unless `xpack.actions.auth.ears.enabled` is true (default false). Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type SharePointOnlineSecrets = {
  /** The OAuth 2.0 token endpoint. Kibana checks it against `xpack.actions.allowedHosts`. */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "https://graph.microsoft.com/.default"
   */
  scope?: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /** How the client authenticates to the token endpoint. */
  tokenEndpointAuthMethod?: "client_secret_post" | "client_secret_basic";
  /** The authentication these credentials are for: `oauth_client_credentials` (OAuth Client Credentials). */
  authType: "oauth_client_credentials";
} | {
  /** The OAuth 2.0 authorization endpoint. */
  authorizationUrl: string;
  /** The OAuth 2.0 token endpoint. */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "Sites.Selected Files.Read.All offline_access"
   */
  scope?: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth?: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
};

/** `SharePointOnlineConfig` as Kibana stores it: every field that has a default is present. */
export type StoredSharePointOnlineConfig = {
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** `SharePointOnlineSecrets` as Kibana stores it: every field that has a default is present. */
export type StoredSharePointOnlineSecrets = {
  /** The OAuth 2.0 token endpoint. Kibana checks it against `xpack.actions.allowedHosts`. */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "https://graph.microsoft.com/.default"
   */
  scope: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /** How the client authenticates to the token endpoint. */
  tokenEndpointAuthMethod?: "client_secret_post" | "client_secret_basic";
  /** The authentication these credentials are for: `oauth_client_credentials` (OAuth Client Credentials). */
  authType: "oauth_client_credentials";
} | {
  /** The OAuth 2.0 authorization endpoint. */
  authorizationUrl: string;
  /** The OAuth 2.0 token endpoint. */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "Sites.Selected Files.Read.All offline_access"
   */
  scope: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
};

/** The body of a create-connector request for the `.sharepoint-online` type (SharePoint Online). */
export interface CreateSharePointOnlineConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".sharepoint-online";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: SharePointOnlineConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: SharePointOnlineSecrets;
}

/** What `normalize` returns for the `.sharepoint-online` type (SharePoint Online): the body as Kibana stores it (defaults filled in). */
export interface NormalizedSharePointOnlineConnectorBody {
  name: string;
  connector_type_id: ".sharepoint-online";
  config: StoredSharePointOnlineConfig;
  secrets: StoredSharePointOnlineSecrets;
}

/** A connector of the `.sharepoint-online` type (SharePoint Online) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface SharePointOnlineConnector extends ConnectorResponseFields {
  connector_type_id: ".sharepoint-online";
  config: StoredSharePointOnlineConfig;
}

// Microsoft Teams (v2) (`.microsoft-teams`)

/** Settings of a Microsoft Teams (v2) connector. Send messages to channels and chats, search conversations, and list teams, channels, and chats in Microsoft Teams Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type MicrosoftTeamsV2Config = {
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Microsoft Teams (v2) connector: `authType` chooses the authentication, the other keys are its credentials. Kibana also offers `ears` (Elastic-managed OAuth), refused unless `xpack.actions.auth.ears.enabled` is true (default false). Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type MicrosoftTeamsV2Secrets = {
  /** The OAuth 2.0 authorization endpoint. */
  authorizationUrl: string;
  /** The OAuth 2.0 token endpoint. */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "Team.ReadBasic.All Channel.ReadBasic.All Chat.Read ChannelMessage.Read.All offline_access ChannelMessage.Send Chat.ReadWrite"
   */
  scope?: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth?: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
} | {
  /** The OAuth 2.0 token endpoint. Kibana checks it against `xpack.actions.allowedHosts`. */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "https://graph.microsoft.com/.default"
   */
  scope?: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /** How the client authenticates to the token endpoint. */
  tokenEndpointAuthMethod?: "client_secret_post" | "client_secret_basic";
  /** The authentication these credentials are for: `oauth_client_credentials` (OAuth Client Credentials). */
  authType: "oauth_client_credentials";
} | {
  /** The OAuth 2.0 token endpoint. Kibana checks it against `xpack.actions.allowedHosts`. */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "https://graph.microsoft.com/.default"
   */
  scope?: string;
  /**
   * The algorithm that signs the client assertion (Microsoft Entra: PS256; Okta, Auth0: RS256).
   * @default "PS256"
   */
  algorithm?: "PS256" | "RS256" | "ES256";
  /**
   * How the assertion names its certificate: SHA-256 thumbprint, certificate chain or key id.
   * @default "x5t#S256"
   */
  certificateBinding?: "x5t#S256" | "x5c" | "kid";
  /** The client certificate (PEM), for the x5t#S256 and x5c bindings. */
  certificate?: string;
  /** The key id, for the kid binding. */
  keyId?: string;
  /** The private key (PEM) that signs the client assertion. */
  privateKey: string;
  /** The private key's passphrase. */
  passphrase?: string;
  /** The authentication these credentials are for: `oauth_client_credentials_private_key_jwt` (OAuth Client Credentials (Private Key JWT)). */
  authType: "oauth_client_credentials_private_key_jwt";
} | {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The authentication these credentials are for: `bearer` (Bearer token). */
  authType: "bearer";
};

/** `MicrosoftTeamsV2Config` as Kibana stores it: every field that has a default is present. */
export type StoredMicrosoftTeamsV2Config = {
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** `MicrosoftTeamsV2Secrets` as Kibana stores it: every field that has a default is present. */
export type StoredMicrosoftTeamsV2Secrets = {
  /** The OAuth 2.0 authorization endpoint. */
  authorizationUrl: string;
  /** The OAuth 2.0 token endpoint. */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "Team.ReadBasic.All Channel.ReadBasic.All Chat.Read ChannelMessage.Read.All offline_access ChannelMessage.Send Chat.ReadWrite"
   */
  scope: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
} | {
  /** The OAuth 2.0 token endpoint. Kibana checks it against `xpack.actions.allowedHosts`. */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "https://graph.microsoft.com/.default"
   */
  scope: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /** How the client authenticates to the token endpoint. */
  tokenEndpointAuthMethod?: "client_secret_post" | "client_secret_basic";
  /** The authentication these credentials are for: `oauth_client_credentials` (OAuth Client Credentials). */
  authType: "oauth_client_credentials";
} | {
  /** The OAuth 2.0 token endpoint. Kibana checks it against `xpack.actions.allowedHosts`. */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "https://graph.microsoft.com/.default"
   */
  scope: string;
  /**
   * The algorithm that signs the client assertion (Microsoft Entra: PS256; Okta, Auth0: RS256).
   * @default "PS256"
   */
  algorithm: "PS256" | "RS256" | "ES256";
  /**
   * How the assertion names its certificate: SHA-256 thumbprint, certificate chain or key id.
   * @default "x5t#S256"
   */
  certificateBinding: "x5t#S256" | "x5c" | "kid";
  /** The client certificate (PEM), for the x5t#S256 and x5c bindings. */
  certificate?: string;
  /** The key id, for the kid binding. */
  keyId?: string;
  /** The private key (PEM) that signs the client assertion. */
  privateKey: string;
  /** The private key's passphrase. */
  passphrase?: string;
  /** The authentication these credentials are for: `oauth_client_credentials_private_key_jwt` (OAuth Client Credentials (Private Key JWT)). */
  authType: "oauth_client_credentials_private_key_jwt";
} | {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The authentication these credentials are for: `bearer` (Bearer token). */
  authType: "bearer";
};

/** The body of a create-connector request for the `.microsoft-teams` type (Microsoft Teams (v2)). */
export interface CreateMicrosoftTeamsV2ConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".microsoft-teams";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: MicrosoftTeamsV2Config;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: MicrosoftTeamsV2Secrets;
}

/** What `normalize` returns for the `.microsoft-teams` type (Microsoft Teams (v2)): the body as Kibana stores it (defaults filled in). */
export interface NormalizedMicrosoftTeamsV2ConnectorBody {
  name: string;
  connector_type_id: ".microsoft-teams";
  config: StoredMicrosoftTeamsV2Config;
  secrets: StoredMicrosoftTeamsV2Secrets;
}

/** A connector of the `.microsoft-teams` type (Microsoft Teams (v2)) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface MicrosoftTeamsV2Connector extends ConnectorResponseFields {
  connector_type_id: ".microsoft-teams";
  config: StoredMicrosoftTeamsV2Config;
}

// Slack (v2) (`.slack2`)

/** Settings of a Slack (v2) connector. Send messages and Block Kit cards, update and react to messages, upload files, list channels and users, read conversation history and thread replies, search messages, and look up users by email in Slack Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type SlackV2Config = {
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Slack (v2) connector: `authType` chooses the authentication, the other keys are its credentials. Kibana also offers `ears` (Elastic-managed OAuth), refused unless `xpack.actions.auth.ears.enabled` is true (default false). `relay` is set by Kibana itself and cannot be chosen when creating or updating a connector. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type SlackV2Secrets = {
  /**
   * The OAuth 2.0 authorization endpoint.
   * @default "https://slack.com/oauth/v2/authorize"
   */
  authorizationUrl?: string;
  /**
   * The OAuth 2.0 token endpoint.
   * @default "https://slack.com/api/oauth.v2.access"
   */
  tokenUrl?: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "channels:manage channels:read channels:history chat:write files:read files:write groups:read groups:history groups:write im:read im:history mpim:read mpim:history reactions:write search:read.files search:read.im search:read.mpim search:read.private search:read.public users:read users:read.email"
   */
  scope?: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth?: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
} | {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The authentication these credentials are for: `bearer` (Bearer token). */
  authType: "bearer";
};

/** `SlackV2Config` as Kibana stores it: every field that has a default is present. */
export type StoredSlackV2Config = {
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** `SlackV2Secrets` as Kibana stores it: every field that has a default is present. */
export type StoredSlackV2Secrets = {
  /**
   * The OAuth 2.0 authorization endpoint.
   * @default "https://slack.com/oauth/v2/authorize"
   */
  authorizationUrl: string;
  /**
   * The OAuth 2.0 token endpoint.
   * @default "https://slack.com/api/oauth.v2.access"
   */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "channels:manage channels:read channels:history chat:write files:read files:write groups:read groups:history groups:write im:read im:history mpim:read mpim:history reactions:write search:read.files search:read.im search:read.mpim search:read.private search:read.public users:read users:read.email"
   */
  scope: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
} | {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The authentication these credentials are for: `bearer` (Bearer token). */
  authType: "bearer";
};

/** The body of a create-connector request for the `.slack2` type (Slack (v2)). */
export interface CreateSlackV2ConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".slack2";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: SlackV2Config;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: SlackV2Secrets;
}

/** What `normalize` returns for the `.slack2` type (Slack (v2)): the body as Kibana stores it (defaults filled in). */
export interface NormalizedSlackV2ConnectorBody {
  name: string;
  connector_type_id: ".slack2";
  config: StoredSlackV2Config;
  secrets: StoredSlackV2Secrets;
}

/** A connector of the `.slack2` type (Slack (v2)) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface SlackV2Connector extends ConnectorResponseFields {
  connector_type_id: ".slack2";
  config: StoredSlackV2Config;
}

// Jira Cloud (`.jira-cloud`)

/** Settings of a Jira Cloud connector. Search, create, and manage issues, projects, and users in Jira Cloud Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type JiraCloudConfig = {
  /** The subdomain for your Jira Cloud site (e.g. your-domain for https://your-domain.atlassian.net). */
  subdomain: string;
  /** Atlassian cloud ID, required for OAuth: the cloudId of https://your-subdomain.atlassian.net/_edge/tenant_info. */
  cloudId?: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Jira Cloud connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type JiraCloudSecrets = {
  /**
   * The OAuth 2.0 authorization endpoint.
   * @default "https://auth.atlassian.com/authorize"
   */
  authorizationUrl?: string;
  /**
   * The OAuth 2.0 token endpoint.
   * @default "https://auth.atlassian.com/oauth/token"
   */
  tokenUrl?: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "read:jira-work read:jira-user write:jira-work offline_access"
   */
  scope?: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth?: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
} | {
  /** The user name. */
  username: string;
  /** The password. */
  password: string;
  /** The authentication these credentials are for: `basic` (Basic authentication). */
  authType: "basic";
};

/** `JiraCloudConfig` as Kibana stores it: every field that has a default is present. */
export type StoredJiraCloudConfig = {
  /** The subdomain for your Jira Cloud site (e.g. your-domain for https://your-domain.atlassian.net). */
  subdomain: string;
  /** Atlassian cloud ID, required for OAuth: the cloudId of https://your-subdomain.atlassian.net/_edge/tenant_info. */
  cloudId?: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** `JiraCloudSecrets` as Kibana stores it: every field that has a default is present. */
export type StoredJiraCloudSecrets = {
  /**
   * The OAuth 2.0 authorization endpoint.
   * @default "https://auth.atlassian.com/authorize"
   */
  authorizationUrl: string;
  /**
   * The OAuth 2.0 token endpoint.
   * @default "https://auth.atlassian.com/oauth/token"
   */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "read:jira-work read:jira-user write:jira-work offline_access"
   */
  scope: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
} | {
  /** The user name. */
  username: string;
  /** The password. */
  password: string;
  /** The authentication these credentials are for: `basic` (Basic authentication). */
  authType: "basic";
};

/** The body of a create-connector request for the `.jira-cloud` type (Jira Cloud). */
export interface CreateJiraCloudConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".jira-cloud";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: JiraCloudConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: JiraCloudSecrets;
}

/** What `normalize` returns for the `.jira-cloud` type (Jira Cloud): the body as Kibana stores it (defaults filled in). */
export interface NormalizedJiraCloudConnectorBody {
  name: string;
  connector_type_id: ".jira-cloud";
  config: StoredJiraCloudConfig;
  secrets: StoredJiraCloudSecrets;
}

/** A connector of the `.jira-cloud` type (Jira Cloud) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface JiraCloudConnector extends ConnectorResponseFields {
  connector_type_id: ".jira-cloud";
  config: StoredJiraCloudConfig;
}

// BigQuery (`.bigquery`)

/** Settings of a BigQuery connector. Run GoogleSQL queries and retrieve results from Google BigQuery Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type BigQueryConfig = {
  /** Default Google Cloud project ID for BigQuery jobs, such as "elastic-edm-prod". */
  projectId: string;
  /**
   * Default BigQuery processing location, such as "US", "EU", "us-central1", or "europe-west1".
   * @default "US"
   */
  location?: string;
  /** Optional maximum bytes billed for each query, as an integer string. BigQuery rejects queries that exceed this limit. */
  maximumBytesBilled?: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a BigQuery connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type BigQuerySecrets = {
  /** The contents of the GCP service account JSON key file. */
  serviceAccountJson: string;
  /** The OAuth scope of the access token (default https://www.googleapis.com/auth/cloud-platform). */
  scope?: string;
  /** The authentication these credentials are for: `gcp_service_account` (GCP Service Account). */
  authType: "gcp_service_account";
};

/** `BigQueryConfig` as Kibana stores it: every field that has a default is present. */
export type StoredBigQueryConfig = {
  /** Default Google Cloud project ID for BigQuery jobs, such as "elastic-edm-prod". */
  projectId: string;
  /**
   * Default BigQuery processing location, such as "US", "EU", "us-central1", or "europe-west1".
   * @default "US"
   */
  location: string;
  /** Optional maximum bytes billed for each query, as an integer string. BigQuery rejects queries that exceed this limit. */
  maximumBytesBilled?: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `BigQuerySecrets`: no field has a default. */
export type StoredBigQuerySecrets = BigQuerySecrets;

/** The body of a create-connector request for the `.bigquery` type (BigQuery). */
export interface CreateBigQueryConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".bigquery";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: BigQueryConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: BigQuerySecrets;
}

/** What `normalize` returns for the `.bigquery` type (BigQuery): the body as Kibana stores it (defaults filled in). */
export interface NormalizedBigQueryConnectorBody {
  name: string;
  connector_type_id: ".bigquery";
  config: StoredBigQueryConfig;
  secrets: StoredBigQuerySecrets;
}

/** A connector of the `.bigquery` type (BigQuery) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface BigQueryConnector extends ConnectorResponseFields {
  connector_type_id: ".bigquery";
  config: StoredBigQueryConfig;
}

// Google Cloud Monitoring (`.google_cloud_monitoring`)

/** Settings of a Google Cloud Monitoring connector. Find, mute, and snooze GCP alerting policies, and enrich alerts with metric, uptime, and SLO data Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type GoogleCloudMonitoringConfig = {
  /** Default GCP project ID whose alerting policies, snoozes, and metrics this connector manages. */
  projectId: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Google Cloud Monitoring connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type GoogleCloudMonitoringSecrets = {
  /** The contents of the GCP service account JSON key file. */
  serviceAccountJson: string;
  /** The OAuth scope of the access token (default https://www.googleapis.com/auth/cloud-platform). */
  scope?: string;
  /** The authentication these credentials are for: `gcp_service_account` (GCP Service Account). */
  authType: "gcp_service_account";
};

/** `GoogleCloudMonitoringConfig` as Kibana stores it: every field that has a default is present. */
export type StoredGoogleCloudMonitoringConfig = {
  /** Default GCP project ID whose alerting policies, snoozes, and metrics this connector manages. */
  projectId: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `GoogleCloudMonitoringSecrets`: no field has a default. */
export type StoredGoogleCloudMonitoringSecrets = GoogleCloudMonitoringSecrets;

/** The body of a create-connector request for the `.google_cloud_monitoring` type (Google Cloud Monitoring). */
export interface CreateGoogleCloudMonitoringConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".google_cloud_monitoring";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: GoogleCloudMonitoringConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: GoogleCloudMonitoringSecrets;
}

/** What `normalize` returns for the `.google_cloud_monitoring` type (Google Cloud Monitoring): the body as Kibana stores it (defaults filled in). */
export interface NormalizedGoogleCloudMonitoringConnectorBody {
  name: string;
  connector_type_id: ".google_cloud_monitoring";
  config: StoredGoogleCloudMonitoringConfig;
  secrets: StoredGoogleCloudMonitoringSecrets;
}

/** A connector of the `.google_cloud_monitoring` type (Google Cloud Monitoring) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface GoogleCloudMonitoringConnector extends ConnectorResponseFields {
  connector_type_id: ".google_cloud_monitoring";
  config: StoredGoogleCloudMonitoringConfig;
}

// Google Cloud Storage (`.google_cloud_storage`)

/** Settings of a Google Cloud Storage connector. Search and access files in Google Cloud Storage buckets Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type GoogleCloudStorageConfig = {
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Google Cloud Storage connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type GoogleCloudStorageSecrets = {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The authentication these credentials are for: `bearer` (Bearer token). */
  authType: "bearer";
} | {
  /**
   * The OAuth 2.0 authorization endpoint.
   * @default "https://accounts.google.com/o/oauth2/v2/auth"
   */
  authorizationUrl?: string;
  /**
   * The OAuth 2.0 token endpoint.
   * @default "https://oauth2.googleapis.com/token"
   */
  tokenUrl?: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "https://www.googleapis.com/auth/devstorage.read_only https://www.googleapis.com/auth/cloudplatformprojects.readonly"
   */
  scope?: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth?: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
};

/** `GoogleCloudStorageConfig` as Kibana stores it: every field that has a default is present. */
export type StoredGoogleCloudStorageConfig = {
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** `GoogleCloudStorageSecrets` as Kibana stores it: every field that has a default is present. */
export type StoredGoogleCloudStorageSecrets = {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The authentication these credentials are for: `bearer` (Bearer token). */
  authType: "bearer";
} | {
  /**
   * The OAuth 2.0 authorization endpoint.
   * @default "https://accounts.google.com/o/oauth2/v2/auth"
   */
  authorizationUrl: string;
  /**
   * The OAuth 2.0 token endpoint.
   * @default "https://oauth2.googleapis.com/token"
   */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "https://www.googleapis.com/auth/devstorage.read_only https://www.googleapis.com/auth/cloudplatformprojects.readonly"
   */
  scope: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
};

/** The body of a create-connector request for the `.google_cloud_storage` type (Google Cloud Storage). */
export interface CreateGoogleCloudStorageConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".google_cloud_storage";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: GoogleCloudStorageConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: GoogleCloudStorageSecrets;
}

/** What `normalize` returns for the `.google_cloud_storage` type (Google Cloud Storage): the body as Kibana stores it (defaults filled in). */
export interface NormalizedGoogleCloudStorageConnectorBody {
  name: string;
  connector_type_id: ".google_cloud_storage";
  config: StoredGoogleCloudStorageConfig;
  secrets: StoredGoogleCloudStorageSecrets;
}

/** A connector of the `.google_cloud_storage` type (Google Cloud Storage) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface GoogleCloudStorageConnector extends ConnectorResponseFields {
  connector_type_id: ".google_cloud_storage";
  config: StoredGoogleCloudStorageConfig;
}

// Google Cloud Secret Manager (`.gcp_secret_manager`)

/** Settings of a Google Cloud Secret Manager connector. List and inspect secrets, add and disable versions, and read access policy in Google Cloud Secret Manager Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type GoogleCloudSecretManagerConfig = {
  /** Optional, for example my-project-123. Every action takes an explicit project id, but the Test connector button needs this field to have a project to list secrets in. */
  defaultProjectId?: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Google Cloud Secret Manager connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type GoogleCloudSecretManagerSecrets = {
  /** The contents of the GCP service account JSON key file. */
  serviceAccountJson: string;
  /** The OAuth scope of the access token (default https://www.googleapis.com/auth/cloud-platform). */
  scope?: string;
  /** The authentication these credentials are for: `gcp_service_account` (GCP Service Account). */
  authType: "gcp_service_account";
};

/** `GoogleCloudSecretManagerConfig` as Kibana stores it: every field that has a default is present. */
export type StoredGoogleCloudSecretManagerConfig = {
  /** Optional, for example my-project-123. Every action takes an explicit project id, but the Test connector button needs this field to have a project to list secrets in. */
  defaultProjectId?: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `GoogleCloudSecretManagerSecrets`: no field has a default. */
export type StoredGoogleCloudSecretManagerSecrets = GoogleCloudSecretManagerSecrets;

/** The body of a create-connector request for the `.gcp_secret_manager` type (Google Cloud Secret Manager). */
export interface CreateGoogleCloudSecretManagerConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".gcp_secret_manager";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: GoogleCloudSecretManagerConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: GoogleCloudSecretManagerSecrets;
}

/** What `normalize` returns for the `.gcp_secret_manager` type (Google Cloud Secret Manager): the body as Kibana stores it (defaults filled in). */
export interface NormalizedGoogleCloudSecretManagerConnectorBody {
  name: string;
  connector_type_id: ".gcp_secret_manager";
  config: StoredGoogleCloudSecretManagerConfig;
  secrets: StoredGoogleCloudSecretManagerSecrets;
}

/** A connector of the `.gcp_secret_manager` type (Google Cloud Secret Manager) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface GoogleCloudSecretManagerConnector extends ConnectorResponseFields {
  connector_type_id: ".gcp_secret_manager";
  config: StoredGoogleCloudSecretManagerConfig;
}

// 1Password (`.1password`)

/** Settings of a 1Password connector. Manage users in 1Password Enterprise Password Manager — list, get, suspend, and reactivate users Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type OnePasswordConfig = {
  /** The UUID of your 1Password account. */
  accountUuid: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a 1Password connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type OnePasswordSecrets = {
  /**
   * The OAuth 2.0 token endpoint.
   * @default "https://api.1password.com/v1beta1/users/oauth2/token"
   */
  tokenUrl?: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "openid"
   */
  scope?: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * How the client authenticates to the token endpoint.
   * @default "client_secret_basic"
   */
  tokenEndpointAuthMethod?: "client_secret_post" | "client_secret_basic";
  /** The authentication these credentials are for: `oauth_client_credentials` (OAuth Client Credentials). */
  authType: "oauth_client_credentials";
};

/** `OnePasswordConfig` as Kibana stores it: every field that has a default is present. */
export type StoredOnePasswordConfig = {
  /** The UUID of your 1Password account. */
  accountUuid: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** `OnePasswordSecrets` as Kibana stores it: every field that has a default is present. */
export type StoredOnePasswordSecrets = {
  /**
   * The OAuth 2.0 token endpoint.
   * @default "https://api.1password.com/v1beta1/users/oauth2/token"
   */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "openid"
   */
  scope: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * How the client authenticates to the token endpoint.
   * @default "client_secret_basic"
   */
  tokenEndpointAuthMethod: "client_secret_post" | "client_secret_basic";
  /** The authentication these credentials are for: `oauth_client_credentials` (OAuth Client Credentials). */
  authType: "oauth_client_credentials";
};

/** The body of a create-connector request for the `.1password` type (1Password). */
export interface CreateOnePasswordConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".1password";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: OnePasswordConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: OnePasswordSecrets;
}

/** What `normalize` returns for the `.1password` type (1Password): the body as Kibana stores it (defaults filled in). */
export interface NormalizedOnePasswordConnectorBody {
  name: string;
  connector_type_id: ".1password";
  config: StoredOnePasswordConfig;
  secrets: StoredOnePasswordSecrets;
}

/** A connector of the `.1password` type (1Password) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface OnePasswordConnector extends ConnectorResponseFields {
  connector_type_id: ".1password";
  config: StoredOnePasswordConfig;
}

// Censys (`.censys`)

/** Settings of a Censys connector. Look up hosts, certificates and web properties in Censys. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type CensysConfig = {
  /** The ID (a UUID) of your Censys organization. */
  organizationId: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Censys connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type CensysSecrets = {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The authentication these credentials are for: `bearer` (Bearer token). */
  authType: "bearer";
};

/** `CensysConfig` as Kibana stores it: every field that has a default is present. */
export type StoredCensysConfig = {
  /** The ID (a UUID) of your Censys organization. */
  organizationId: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `CensysSecrets`: no field has a default. */
export type StoredCensysSecrets = CensysSecrets;

/** The body of a create-connector request for the `.censys` type (Censys). */
export interface CreateCensysConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".censys";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: CensysConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: CensysSecrets;
}

/** What `normalize` returns for the `.censys` type (Censys): the body as Kibana stores it (defaults filled in). */
export interface NormalizedCensysConnectorBody {
  name: string;
  connector_type_id: ".censys";
  config: StoredCensysConfig;
  secrets: StoredCensysSecrets;
}

/** A connector of the `.censys` type (Censys) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface CensysConnector extends ConnectorResponseFields {
  connector_type_id: ".censys";
  config: StoredCensysConfig;
}

// Trello (`.trello`)

/** Settings of a Trello connector. Search, read, and manage boards, lists, and cards in Trello Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type TrelloConfig = {
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Trello connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type TrelloSecrets = {
  /** A credential sent as this URL query parameter. */
  key: string;
  /** A credential sent as this URL query parameter. */
  token: string;
  /** The authentication these credentials are for: `api_key_query` (API key query parameters). */
  authType: "api_key_query";
};

/** `TrelloConfig` as Kibana stores it: every field that has a default is present. */
export type StoredTrelloConfig = {
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `TrelloSecrets`: no field has a default. */
export type StoredTrelloSecrets = TrelloSecrets;

/** The body of a create-connector request for the `.trello` type (Trello). */
export interface CreateTrelloConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".trello";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: TrelloConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: TrelloSecrets;
}

/** What `normalize` returns for the `.trello` type (Trello): the body as Kibana stores it (defaults filled in). */
export interface NormalizedTrelloConnectorBody {
  name: string;
  connector_type_id: ".trello";
  config: StoredTrelloConfig;
  secrets: StoredTrelloSecrets;
}

/** A connector of the `.trello` type (Trello) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface TrelloConnector extends ConnectorResponseFields {
  connector_type_id: ".trello";
  config: StoredTrelloConfig;
}

// MISP (`.misp`)

/** Settings of a MISP connector. Search MISP attributes and events, check indicators and warninglists, and write sightings back to a self-hosted MISP instance Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type MispConfig = {
  /** Base URL of your MISP instance, for example https://misp.example.com or https://localhost. Do not include a trailing slash or /attributes path. */
  url: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a MISP connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type MispSecrets = {
  /** The API key, sent as `Authorization: <key>` (no `Bearer` prefix). */
  apiKey: string;
  /** The PEM-encoded certificate authority that verifies the server. */
  caCert?: string;
  /** How the server's TLS certificate is verified. */
  verificationMode?: "none" | "certificate" | "full";
  /** The authentication these credentials are for: `api_key_header_with_tls` (API key header with TLS). */
  authType: "api_key_header_with_tls";
};

/** `MispConfig` as Kibana stores it: every field that has a default is present. */
export type StoredMispConfig = {
  /** Base URL of your MISP instance, for example https://misp.example.com or https://localhost. Do not include a trailing slash or /attributes path. */
  url: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `MispSecrets`: no field has a default. */
export type StoredMispSecrets = MispSecrets;

/** The body of a create-connector request for the `.misp` type (MISP). */
export interface CreateMispConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".misp";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: MispConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: MispSecrets;
}

/** What `normalize` returns for the `.misp` type (MISP): the body as Kibana stores it (defaults filled in). */
export interface NormalizedMispConnectorBody {
  name: string;
  connector_type_id: ".misp";
  config: StoredMispConfig;
  secrets: StoredMispSecrets;
}

/** A connector of the `.misp` type (MISP) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface MispConnector extends ConnectorResponseFields {
  connector_type_id: ".misp";
  config: StoredMispConfig;
}

// Argo CD (`.argocd`)

/** Settings of a Argo CD connector. Manage GitOps applications in Argo CD — sync, inspect health and resources Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type ArgoCdConfig = {
  /** Argo CD API server URL (e.g., https://argocd.example.com). Kibana checks it against `xpack.actions.allowedHosts`. */
  apiUrl: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Argo CD connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type ArgoCdSecrets = {
  /** The API token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The PEM-encoded certificate authority that verifies the server. */
  caCert?: string;
  /** How the server's TLS certificate is verified. */
  verificationMode?: "none" | "certificate" | "full";
  /** The authentication these credentials are for: `bearer_with_tls` (API token). */
  authType: "bearer_with_tls";
};

/** `ArgoCdConfig` as Kibana stores it: every field that has a default is present. */
export type StoredArgoCdConfig = {
  /** Argo CD API server URL (e.g., https://argocd.example.com). Kibana checks it against `xpack.actions.allowedHosts`. */
  apiUrl: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `ArgoCdSecrets`: no field has a default. */
export type StoredArgoCdSecrets = ArgoCdSecrets;

/** The body of a create-connector request for the `.argocd` type (Argo CD). */
export interface CreateArgoCdConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".argocd";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: ArgoCdConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: ArgoCdSecrets;
}

/** What `normalize` returns for the `.argocd` type (Argo CD): the body as Kibana stores it (defaults filled in). */
export interface NormalizedArgoCdConnectorBody {
  name: string;
  connector_type_id: ".argocd";
  config: StoredArgoCdConfig;
  secrets: StoredArgoCdSecrets;
}

/** A connector of the `.argocd` type (Argo CD) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface ArgoCdConnector extends ConnectorResponseFields {
  connector_type_id: ".argocd";
  config: StoredArgoCdConfig;
}

// Kubernetes (`.kubernetes`)

/** Settings of a Kubernetes connector. Read and modify resources in a Kubernetes cluster via its REST API Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type KubernetesConfig = {
  /** Kubernetes API server URL (e.g., https://my-cluster.example.com:6443). Kibana checks it against `xpack.actions.allowedHosts`. */
  apiUrl: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Kubernetes connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type KubernetesSecrets = {
  /** The API token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The PEM-encoded certificate authority that verifies the server. */
  caCert?: string;
  /** How the server's TLS certificate is verified. */
  verificationMode?: "none" | "certificate" | "full";
  /** The authentication these credentials are for: `bearer_with_tls` (API token). */
  authType: "bearer_with_tls";
} | {
  /** The JSON key of a GCP service account authorized on the cluster. */
  serviceAccountJson: string;
  /** The PEM-encoded certificate authority that verifies the server. */
  caCert?: string;
  /** How the server's TLS certificate is verified. */
  verificationMode?: "none" | "certificate" | "full";
  /** The authentication these credentials are for: `kubernetes_gke` (Google Kubernetes Engine (GKE)). */
  authType: "kubernetes_gke";
} | {
  /** The AWS access key ID. */
  accessKeyId: string;
  /** The AWS secret access key. */
  secretAccessKey: string;
  /** The AWS region the EKS cluster runs in, for example us-east-1. */
  region: string;
  /** The name of the EKS cluster. */
  clusterName: string;
  /** The PEM-encoded certificate authority that verifies the server. */
  caCert?: string;
  /** How the server's TLS certificate is verified. */
  verificationMode?: "none" | "certificate" | "full";
  /** The authentication these credentials are for: `kubernetes_eks` (Amazon EKS). */
  authType: "kubernetes_eks";
} | {
  /** The Microsoft Entra tenant ID. */
  tenantId: string;
  /** The application (client) ID of the service principal. */
  clientId: string;
  /** The client secret of the service principal. */
  clientSecret: string;
  /** The PEM-encoded certificate authority that verifies the server. */
  caCert?: string;
  /** How the server's TLS certificate is verified. */
  verificationMode?: "none" | "certificate" | "full";
  /** The authentication these credentials are for: `kubernetes_aks` (Azure Kubernetes Service (AKS)). */
  authType: "kubernetes_aks";
};

/** `KubernetesConfig` as Kibana stores it: every field that has a default is present. */
export type StoredKubernetesConfig = {
  /** Kubernetes API server URL (e.g., https://my-cluster.example.com:6443). Kibana checks it against `xpack.actions.allowedHosts`. */
  apiUrl: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `KubernetesSecrets`: no field has a default. */
export type StoredKubernetesSecrets = KubernetesSecrets;

/** The body of a create-connector request for the `.kubernetes` type (Kubernetes). */
export interface CreateKubernetesConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".kubernetes";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: KubernetesConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: KubernetesSecrets;
}

/** What `normalize` returns for the `.kubernetes` type (Kubernetes): the body as Kibana stores it (defaults filled in). */
export interface NormalizedKubernetesConnectorBody {
  name: string;
  connector_type_id: ".kubernetes";
  config: StoredKubernetesConfig;
  secrets: StoredKubernetesSecrets;
}

/** A connector of the `.kubernetes` type (Kubernetes) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface KubernetesConnector extends ConnectorResponseFields {
  connector_type_id: ".kubernetes";
  config: StoredKubernetesConfig;
}

// New Relic (`.new_relic`)

/** Settings of a New Relic connector. Acknowledge and resolve New Relic AI issues, read issues and incidents, manage muting rules, and run NRQL queries over NerdGraph. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type NewRelicConfig = {
  /** The numeric New Relic account ID this connector operates against. */
  accountId: string;
  /**
   * The data center hosting your New Relic account: US (default), EU, or JP.
   * @default "us"
   */
  region?: "us" | "eu" | "jp";
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a New Relic connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type NewRelicSecrets = {
  /** The API key. */
  "API-Key": string;
  /** The authentication these credentials are for: `api_key_header` (API key header authentication). */
  authType: "api_key_header";
};

/** `NewRelicConfig` as Kibana stores it: every field that has a default is present. */
export type StoredNewRelicConfig = {
  /** The numeric New Relic account ID this connector operates against. */
  accountId: string;
  /**
   * The data center hosting your New Relic account: US (default), EU, or JP.
   * @default "us"
   */
  region: "us" | "eu" | "jp";
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `NewRelicSecrets`: no field has a default. */
export type StoredNewRelicSecrets = NewRelicSecrets;

/** The body of a create-connector request for the `.new_relic` type (New Relic). */
export interface CreateNewRelicConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".new_relic";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: NewRelicConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: NewRelicSecrets;
}

/** What `normalize` returns for the `.new_relic` type (New Relic): the body as Kibana stores it (defaults filled in). */
export interface NormalizedNewRelicConnectorBody {
  name: string;
  connector_type_id: ".new_relic";
  config: StoredNewRelicConfig;
  secrets: StoredNewRelicSecrets;
}

/** A connector of the `.new_relic` type (New Relic) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface NewRelicConnector extends ConnectorResponseFields {
  connector_type_id: ".new_relic";
  config: StoredNewRelicConfig;
}

// SharePoint Server (`.sharepoint-server`)

/** Settings of a SharePoint Server connector. Connect to SharePoint Server (on-premises) to search and retrieve site content. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type SharePointServerConfig = {
  /** SharePoint Server site URL. Kibana removes trailing slashes before storing it. */
  siteUrl: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a SharePoint Server connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type SharePointServerSecrets = {
  /** The user name. */
  username: string;
  /** The password. */
  password: string;
  /** The authentication these credentials are for: `basic` (Basic authentication). */
  authType: "basic";
};

/** `SharePointServerConfig` as Kibana stores it: every field that has a default is present. */
export type StoredSharePointServerConfig = {
  /** SharePoint Server site URL. Kibana removes trailing slashes before storing it. */
  siteUrl: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `SharePointServerSecrets`: no field has a default. */
export type StoredSharePointServerSecrets = SharePointServerSecrets;

/** The body of a create-connector request for the `.sharepoint-server` type (SharePoint Server). */
export interface CreateSharePointServerConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".sharepoint-server";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: SharePointServerConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: SharePointServerSecrets;
}

/** What `normalize` returns for the `.sharepoint-server` type (SharePoint Server): the body as Kibana stores it (defaults filled in). */
export interface NormalizedSharePointServerConnectorBody {
  name: string;
  connector_type_id: ".sharepoint-server";
  config: StoredSharePointServerConfig;
  secrets: StoredSharePointServerSecrets;
}

/** A connector of the `.sharepoint-server` type (SharePoint Server) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface SharePointServerConnector extends ConnectorResponseFields {
  connector_type_id: ".sharepoint-server";
  config: StoredSharePointServerConfig;
}

// Snowflake (`.snowflake`)

/** Settings of a Snowflake connector. Run SQL, discover databases, schemas, tables, and views, and run semantic searches through Cortex Search in Snowflake Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type SnowflakeConfig = {
  /** The base URL for your Snowflake account (e.g. https://myorg-myaccount.snowflakecomputing.com). Kibana removes trailing slashes before storing it. */
  accountUrl: string;
  /** Default warehouse to use when executing statements. Case-sensitive. Can be overridden per request. */
  warehouse?: string;
  /** Default database to use when executing statements. Case-sensitive. Can be overridden per request. */
  database?: string;
  /** Default schema to use when executing statements. Case-sensitive. Can be overridden per request. */
  defaultSchema?: string;
  /** Default role to use when executing statements. Case-sensitive. Can be overridden per request. */
  role?: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Snowflake connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type SnowflakeSecrets = {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The authentication these credentials are for: `bearer` (Bearer token). */
  authType: "bearer";
} | {
  /** The OAuth 2.0 authorization endpoint. */
  authorizationUrl: string;
  /** The OAuth 2.0 token endpoint. */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /** The scopes to request, separated by spaces. */
  scope?: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth?: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
};

/** `SnowflakeConfig` as Kibana stores it: every field that has a default is present. */
export type StoredSnowflakeConfig = {
  /** The base URL for your Snowflake account (e.g. https://myorg-myaccount.snowflakecomputing.com). Kibana removes trailing slashes before storing it. */
  accountUrl: string;
  /** Default warehouse to use when executing statements. Case-sensitive. Can be overridden per request. */
  warehouse?: string;
  /** Default database to use when executing statements. Case-sensitive. Can be overridden per request. */
  database?: string;
  /** Default schema to use when executing statements. Case-sensitive. Can be overridden per request. */
  defaultSchema?: string;
  /** Default role to use when executing statements. Case-sensitive. Can be overridden per request. */
  role?: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** `SnowflakeSecrets` as Kibana stores it: every field that has a default is present. */
export type StoredSnowflakeSecrets = {
  /** The token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The authentication these credentials are for: `bearer` (Bearer token). */
  authType: "bearer";
} | {
  /** The OAuth 2.0 authorization endpoint. */
  authorizationUrl: string;
  /** The OAuth 2.0 token endpoint. */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /** The scopes to request, separated by spaces. */
  scope?: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default true
   */
  useBasicAuth: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
};

/** The body of a create-connector request for the `.snowflake` type (Snowflake). */
export interface CreateSnowflakeConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".snowflake";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: SnowflakeConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: SnowflakeSecrets;
}

/** What `normalize` returns for the `.snowflake` type (Snowflake): the body as Kibana stores it (defaults filled in). */
export interface NormalizedSnowflakeConnectorBody {
  name: string;
  connector_type_id: ".snowflake";
  config: StoredSnowflakeConfig;
  secrets: StoredSnowflakeSecrets;
}

/** A connector of the `.snowflake` type (Snowflake) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface SnowflakeConnector extends ConnectorResponseFields {
  connector_type_id: ".snowflake";
  config: StoredSnowflakeConfig;
}

// Ansible Control Server (`.ansible_controller`)

/** Settings of a Ansible Control Server connector. Launch and monitor Ansible Automation Controller / AWX jobs — templates, inventories, stdout, and remediation runs Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type AnsibleControlServerConfig = {
  /** Ansible Controller / AWX base URL (e.g., https://controller.example.com). Kibana checks it against `xpack.actions.allowedHosts`. */
  apiUrl: string;
  /**
   * API root path. Use /api/v2 for AWX / Tower / AAP ≤2.4; use /api/controller/v2 for AAP 2.5+ platform gateway.
   * @default "/api/v2"
   */
  apiBasePath?: "/api/v2" | "/api/controller/v2";
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Ansible Control Server connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type AnsibleControlServerSecrets = {
  /** The API token, sent as `Authorization: Bearer <token>`. */
  token: string;
  /** The PEM-encoded certificate authority that verifies the server. */
  caCert?: string;
  /** How the server's TLS certificate is verified. */
  verificationMode?: "none" | "certificate" | "full";
  /** The authentication these credentials are for: `bearer_with_tls` (API token). */
  authType: "bearer_with_tls";
};

/** `AnsibleControlServerConfig` as Kibana stores it: every field that has a default is present. */
export type StoredAnsibleControlServerConfig = {
  /** Ansible Controller / AWX base URL (e.g., https://controller.example.com). Kibana checks it against `xpack.actions.allowedHosts`. */
  apiUrl: string;
  /**
   * API root path. Use /api/v2 for AWX / Tower / AAP ≤2.4; use /api/controller/v2 for AAP 2.5+ platform gateway.
   * @default "/api/v2"
   */
  apiBasePath: "/api/v2" | "/api/controller/v2";
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `AnsibleControlServerSecrets`: no field has a default. */
export type StoredAnsibleControlServerSecrets = AnsibleControlServerSecrets;

/** The body of a create-connector request for the `.ansible_controller` type (Ansible Control Server). */
export interface CreateAnsibleControlServerConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".ansible_controller";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: AnsibleControlServerConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: AnsibleControlServerSecrets;
}

/** What `normalize` returns for the `.ansible_controller` type (Ansible Control Server): the body as Kibana stores it (defaults filled in). */
export interface NormalizedAnsibleControlServerConnectorBody {
  name: string;
  connector_type_id: ".ansible_controller";
  config: StoredAnsibleControlServerConfig;
  secrets: StoredAnsibleControlServerSecrets;
}

/** A connector of the `.ansible_controller` type (Ansible Control Server) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface AnsibleControlServerConnector extends ConnectorResponseFields {
  connector_type_id: ".ansible_controller";
  config: StoredAnsibleControlServerConfig;
}

// OpenSearch (AWS OpenSearch Service) (`.opensearch_aws_opensearch_service`)

/** Settings of a OpenSearch (AWS OpenSearch Service) connector. Acknowledge and search alerts, manage monitors, retrieve Security Analytics findings, and search and index documents in OpenSearch Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type OpenSearchAwsOpenSearchServiceConfig = {
  /** The domain or cluster endpoint URL. For AWS OpenSearch Service, use the auto-generated domain endpoint (e.g. https://search-my-domain-abc123.us-east-1.es.amazonaws.com); for a self-managed cluster, its full URL, e.g. https://opensearch.example.com:9200. */
  endpoint: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a OpenSearch (AWS OpenSearch Service) connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type OpenSearchAwsOpenSearchServiceSecrets = {
  /** The AWS access key ID. */
  accessKeyId: string;
  /** The AWS secret access key. */
  secretAccessKey: string;
  /** The authentication these credentials are for: `aws_credentials` (AWS Credentials). */
  authType: "aws_credentials";
} | {
  /** The user name. */
  username: string;
  /** The password. */
  password: string;
  /** The authentication these credentials are for: `basic` (Basic authentication). */
  authType: "basic";
};

/** `OpenSearchAwsOpenSearchServiceConfig` as Kibana stores it: every field that has a default is present. */
export type StoredOpenSearchAwsOpenSearchServiceConfig = {
  /** The domain or cluster endpoint URL. For AWS OpenSearch Service, use the auto-generated domain endpoint (e.g. https://search-my-domain-abc123.us-east-1.es.amazonaws.com); for a self-managed cluster, its full URL, e.g. https://opensearch.example.com:9200. */
  endpoint: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `OpenSearchAwsOpenSearchServiceSecrets`: no field has a default. */
export type StoredOpenSearchAwsOpenSearchServiceSecrets = OpenSearchAwsOpenSearchServiceSecrets;

/** The body of a create-connector request for the `.opensearch_aws_opensearch_service` type (OpenSearch (AWS OpenSearch Service)). */
export interface CreateOpenSearchAwsOpenSearchServiceConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".opensearch_aws_opensearch_service";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: OpenSearchAwsOpenSearchServiceConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: OpenSearchAwsOpenSearchServiceSecrets;
}

/** What `normalize` returns for the `.opensearch_aws_opensearch_service` type (OpenSearch (AWS OpenSearch Service)): the body as Kibana stores it (defaults filled in). */
export interface NormalizedOpenSearchAwsOpenSearchServiceConnectorBody {
  name: string;
  connector_type_id: ".opensearch_aws_opensearch_service";
  config: StoredOpenSearchAwsOpenSearchServiceConfig;
  secrets: StoredOpenSearchAwsOpenSearchServiceSecrets;
}

/** A connector of the `.opensearch_aws_opensearch_service` type (OpenSearch (AWS OpenSearch Service)) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface OpenSearchAwsOpenSearchServiceConnector extends ConnectorResponseFields {
  connector_type_id: ".opensearch_aws_opensearch_service";
  config: StoredOpenSearchAwsOpenSearchServiceConfig;
}

// Azure Monitor (`.azure_monitor`)

/** Settings of a Azure Monitor connector. List and triage Azure Monitor alerts, query metrics and logs, and control alert rules Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type AzureMonitorConfig = {
  /** The Azure subscription that every action in this connector operates against. */
  subscriptionId: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Azure Monitor connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type AzureMonitorSecrets = {
  /** The OAuth 2.0 token endpoint. Kibana checks it against `xpack.actions.allowedHosts`. */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "https://management.azure.com/.default"
   */
  scope?: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /** How the client authenticates to the token endpoint. */
  tokenEndpointAuthMethod?: "client_secret_post" | "client_secret_basic";
  /** The authentication these credentials are for: `oauth_client_credentials` (OAuth Client Credentials). */
  authType: "oauth_client_credentials";
};

/** `AzureMonitorConfig` as Kibana stores it: every field that has a default is present. */
export type StoredAzureMonitorConfig = {
  /** The Azure subscription that every action in this connector operates against. */
  subscriptionId: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** `AzureMonitorSecrets` as Kibana stores it: every field that has a default is present. */
export type StoredAzureMonitorSecrets = {
  /** The OAuth 2.0 token endpoint. Kibana checks it against `xpack.actions.allowedHosts`. */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "https://management.azure.com/.default"
   */
  scope: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /** How the client authenticates to the token endpoint. */
  tokenEndpointAuthMethod?: "client_secret_post" | "client_secret_basic";
  /** The authentication these credentials are for: `oauth_client_credentials` (OAuth Client Credentials). */
  authType: "oauth_client_credentials";
};

/** The body of a create-connector request for the `.azure_monitor` type (Azure Monitor). */
export interface CreateAzureMonitorConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".azure_monitor";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: AzureMonitorConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: AzureMonitorSecrets;
}

/** What `normalize` returns for the `.azure_monitor` type (Azure Monitor): the body as Kibana stores it (defaults filled in). */
export interface NormalizedAzureMonitorConnectorBody {
  name: string;
  connector_type_id: ".azure_monitor";
  config: StoredAzureMonitorConfig;
  secrets: StoredAzureMonitorSecrets;
}

/** A connector of the `.azure_monitor` type (Azure Monitor) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface AzureMonitorConnector extends ConnectorResponseFields {
  connector_type_id: ".azure_monitor";
  config: StoredAzureMonitorConfig;
}

// Workday (`.workday`)

/** Settings of a Workday connector. Search workers, browse org charts, retrieve time off, and explore recruiting in Workday Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type WorkdayConfig = {
  /** Base URL of your Workday tenant, e.g. https://mycompany.workday.com. Used to construct API endpoint URLs in the form https://<tenant>.workday.com/ccx/api/<module>/<version>/<tenantName>/... Kibana checks it against `xpack.actions.allowedHosts`. */
  tenantUrl: string;
  /** Your Workday tenant name (the identifier that appears in the API path). Example: if your tenant URL is https://mycompany.workday.com, your tenant name is "mycompany". */
  tenantName: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Workday connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type WorkdaySecrets = {
  /** The OAuth 2.0 authorization endpoint. */
  authorizationUrl: string;
  /** The OAuth 2.0 token endpoint. */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /** The scopes to request, separated by spaces. */
  scope?: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default false
   */
  useBasicAuth?: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
} | {
  /** The OAuth 2.0 token endpoint. Kibana checks it against `xpack.actions.allowedHosts`. */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /** The scopes to request, separated by spaces. */
  scope?: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /** How the client authenticates to the token endpoint. */
  tokenEndpointAuthMethod?: "client_secret_post" | "client_secret_basic";
  /** The authentication these credentials are for: `oauth_client_credentials` (OAuth Client Credentials). */
  authType: "oauth_client_credentials";
};

/** `WorkdayConfig` as Kibana stores it: every field that has a default is present. */
export type StoredWorkdayConfig = {
  /** Base URL of your Workday tenant, e.g. https://mycompany.workday.com. Used to construct API endpoint URLs in the form https://<tenant>.workday.com/ccx/api/<module>/<version>/<tenantName>/... Kibana checks it against `xpack.actions.allowedHosts`. */
  tenantUrl: string;
  /** Your Workday tenant name (the identifier that appears in the API path). Example: if your tenant URL is https://mycompany.workday.com, your tenant name is "mycompany". */
  tenantName: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** `WorkdaySecrets` as Kibana stores it: every field that has a default is present. */
export type StoredWorkdaySecrets = {
  /** The OAuth 2.0 authorization endpoint. */
  authorizationUrl: string;
  /** The OAuth 2.0 token endpoint. */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default ""
   */
  scope: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /**
   * Send the client credentials to the token endpoint with HTTP basic authentication.
   * @default false
   */
  useBasicAuth: boolean;
  /** The authentication these credentials are for: `oauth_authorization_code` (OAuth Authorization Code). */
  authType: "oauth_authorization_code";
} | {
  /** The OAuth 2.0 token endpoint. Kibana checks it against `xpack.actions.allowedHosts`. */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default ""
   */
  scope: string;
  /** The OAuth client secret. */
  clientSecret: string;
  /** How the client authenticates to the token endpoint. */
  tokenEndpointAuthMethod?: "client_secret_post" | "client_secret_basic";
  /** The authentication these credentials are for: `oauth_client_credentials` (OAuth Client Credentials). */
  authType: "oauth_client_credentials";
};

/** The body of a create-connector request for the `.workday` type (Workday). */
export interface CreateWorkdayConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".workday";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: WorkdayConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: WorkdaySecrets;
}

/** What `normalize` returns for the `.workday` type (Workday): the body as Kibana stores it (defaults filled in). */
export interface NormalizedWorkdayConnectorBody {
  name: string;
  connector_type_id: ".workday";
  config: StoredWorkdayConfig;
  secrets: StoredWorkdaySecrets;
}

/** A connector of the `.workday` type (Workday) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface WorkdayConnector extends ConnectorResponseFields {
  connector_type_id: ".workday";
  config: StoredWorkdayConfig;
}

// Confluence Cloud (`.confluence-cloud`)

/** Settings of a Confluence Cloud connector. Connect to Confluence Cloud to search and retrieve pages and spaces. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type ConfluenceCloudConfig = {
  /** The subdomain for your Confluence Cloud site (for example, your-domain for https://your-domain.atlassian.net). Kibana trims surrounding white space before checking and storing it. */
  subdomain: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Confluence Cloud connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type ConfluenceCloudSecrets = {
  /** The user name. */
  username: string;
  /** The password. */
  password: string;
  /** The authentication these credentials are for: `basic` (Basic authentication). */
  authType: "basic";
};

/** `ConfluenceCloudConfig` as Kibana stores it: every field that has a default is present. */
export type StoredConfluenceCloudConfig = {
  /** The subdomain for your Confluence Cloud site (for example, your-domain for https://your-domain.atlassian.net). Kibana trims surrounding white space before checking and storing it. */
  subdomain: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `ConfluenceCloudSecrets`: no field has a default. */
export type StoredConfluenceCloudSecrets = ConfluenceCloudSecrets;

/** The body of a create-connector request for the `.confluence-cloud` type (Confluence Cloud). */
export interface CreateConfluenceCloudConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".confluence-cloud";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: ConfluenceCloudConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: ConfluenceCloudSecrets;
}

/** What `normalize` returns for the `.confluence-cloud` type (Confluence Cloud): the body as Kibana stores it (defaults filled in). */
export interface NormalizedConfluenceCloudConnectorBody {
  name: string;
  connector_type_id: ".confluence-cloud";
  config: StoredConfluenceCloudConfig;
  secrets: StoredConfluenceCloudSecrets;
}

/** A connector of the `.confluence-cloud` type (Confluence Cloud) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface ConfluenceCloudConnector extends ConnectorResponseFields {
  connector_type_id: ".confluence-cloud";
  config: StoredConfluenceCloudConfig;
}

// AbuseIPDB (`.abuseipdb`)

/** Settings of a AbuseIPDB connector. IP reputation checking and abuse reporting Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type AbuseIPDBConfig = {
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a AbuseIPDB connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type AbuseIPDBSecrets = {
  /** The API key. */
  Key: string;
  /** The authentication these credentials are for: `api_key_header` (API key header authentication). */
  authType: "api_key_header";
};

/** `AbuseIPDBConfig` as Kibana stores it: every field that has a default is present. */
export type StoredAbuseIPDBConfig = {
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `AbuseIPDBSecrets`: no field has a default. */
export type StoredAbuseIPDBSecrets = AbuseIPDBSecrets;

/** The body of a create-connector request for the `.abuseipdb` type (AbuseIPDB). */
export interface CreateAbuseIPDBConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".abuseipdb";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: AbuseIPDBConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: AbuseIPDBSecrets;
}

/** What `normalize` returns for the `.abuseipdb` type (AbuseIPDB): the body as Kibana stores it (defaults filled in). */
export interface NormalizedAbuseIPDBConnectorBody {
  name: string;
  connector_type_id: ".abuseipdb";
  config: StoredAbuseIPDBConfig;
  secrets: StoredAbuseIPDBSecrets;
}

/** A connector of the `.abuseipdb` type (AbuseIPDB) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface AbuseIPDBConnector extends ConnectorResponseFields {
  connector_type_id: ".abuseipdb";
  config: StoredAbuseIPDBConfig;
}

// Google Threat Intelligence (`.google_threat_intelligence`)

/** Settings of a Google Threat Intelligence connector. Search GTI threat collections and IOC streams, enrich IP, domain, URL, and file indicators, and scan URLs Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type GoogleThreatIntelligenceConfig = {
  /** The Google Threat Intelligence API origin. Leave it out to use https://www.virustotal.com; set it only for a compatible GTI API proxy. Kibana checks it against `xpack.actions.allowedHosts`. */
  baseUrl?: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Google Threat Intelligence connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type GoogleThreatIntelligenceSecrets = {
  /** The API key. */
  "x-apikey": string;
  /** The authentication these credentials are for: `api_key_header` (API key header authentication). */
  authType: "api_key_header";
};

/** `GoogleThreatIntelligenceConfig` as Kibana stores it: every field that has a default is present. */
export type StoredGoogleThreatIntelligenceConfig = {
  /** The Google Threat Intelligence API origin. Leave it out to use https://www.virustotal.com; set it only for a compatible GTI API proxy. Kibana checks it against `xpack.actions.allowedHosts`. */
  baseUrl?: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `GoogleThreatIntelligenceSecrets`: no field has a default. */
export type StoredGoogleThreatIntelligenceSecrets = GoogleThreatIntelligenceSecrets;

/** The body of a create-connector request for the `.google_threat_intelligence` type (Google Threat Intelligence). */
export interface CreateGoogleThreatIntelligenceConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".google_threat_intelligence";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config?: GoogleThreatIntelligenceConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: GoogleThreatIntelligenceSecrets;
}

/** What `normalize` returns for the `.google_threat_intelligence` type (Google Threat Intelligence): the body as Kibana stores it (defaults filled in). */
export interface NormalizedGoogleThreatIntelligenceConnectorBody {
  name: string;
  connector_type_id: ".google_threat_intelligence";
  config: StoredGoogleThreatIntelligenceConfig;
  secrets: StoredGoogleThreatIntelligenceSecrets;
}

/** A connector of the `.google_threat_intelligence` type (Google Threat Intelligence) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface GoogleThreatIntelligenceConnector extends ConnectorResponseFields {
  connector_type_id: ".google_threat_intelligence";
  config: StoredGoogleThreatIntelligenceConfig;
}

// MongoDB (`.mongodb`)

/** Settings of a MongoDB connector. Query and write to MongoDB collections using find, aggregate, count, and listCollections, plus insertOne, updateOne, and deleteOne for workflows. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type MongoDBConfig = {
  /** The MongoDB connection URI (mongodb:// or mongodb+srv://) without credentials; its path names the default database. */
  uri: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a MongoDB connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type MongoDBSecrets = {
  /** The user name. */
  username: string;
  /** The password. */
  password: string;
  /** The authentication these credentials are for: `basic` (Basic authentication). */
  authType: "basic";
};

/** `MongoDBConfig` as Kibana stores it: every field that has a default is present. */
export type StoredMongoDBConfig = {
  /** The MongoDB connection URI (mongodb:// or mongodb+srv://) without credentials; its path names the default database. */
  uri: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `MongoDBSecrets`: no field has a default. */
export type StoredMongoDBSecrets = MongoDBSecrets;

/** The body of a create-connector request for the `.mongodb` type (MongoDB). */
export interface CreateMongoDBConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".mongodb";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: MongoDBConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: MongoDBSecrets;
}

/** What `normalize` returns for the `.mongodb` type (MongoDB): the body as Kibana stores it (defaults filled in). */
export interface NormalizedMongoDBConnectorBody {
  name: string;
  connector_type_id: ".mongodb";
  config: StoredMongoDBConfig;
  secrets: StoredMongoDBSecrets;
}

/** A connector of the `.mongodb` type (MongoDB) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface MongoDBConnector extends ConnectorResponseFields {
  connector_type_id: ".mongodb";
  config: StoredMongoDBConfig;
}

// MySQL (`.mysql`)

/** Settings of a MySQL connector. Query tables, search rows, explore schema, and execute SQL in a MySQL database Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type MySQLConfig = {
  /** The MySQL server's host name or IP address, without a protocol prefix. */
  host: string;
  /**
   * The MySQL server's port.
   * @default 3306
   */
  port?: number;
  /** The database to connect to. */
  database: string;
  /**
   * Whether the connection uses TLS: required (the default) or disabled.
   * @default "required"
   */
  ssl?: "required" | "disabled";
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a MySQL connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type MySQLSecrets = {
  /** The user name. */
  username: string;
  /** The password. */
  password: string;
  /** The authentication these credentials are for: `basic` (Basic authentication). */
  authType: "basic";
};

/** `MySQLConfig` as Kibana stores it: every field that has a default is present. */
export type StoredMySQLConfig = {
  /** The MySQL server's host name or IP address, without a protocol prefix. */
  host: string;
  /**
   * The MySQL server's port.
   * @default 3306
   */
  port: number;
  /** The database to connect to. */
  database: string;
  /**
   * Whether the connection uses TLS: required (the default) or disabled.
   * @default "required"
   */
  ssl: "required" | "disabled";
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** The same as `MySQLSecrets`: no field has a default. */
export type StoredMySQLSecrets = MySQLSecrets;

/** The body of a create-connector request for the `.mysql` type (MySQL). */
export interface CreateMySQLConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".mysql";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: MySQLConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: MySQLSecrets;
}

/** What `normalize` returns for the `.mysql` type (MySQL): the body as Kibana stores it (defaults filled in). */
export interface NormalizedMySQLConnectorBody {
  name: string;
  connector_type_id: ".mysql";
  config: StoredMySQLConfig;
  secrets: StoredMySQLSecrets;
}

/** A connector of the `.mysql` type (MySQL) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface MySQLConnector extends ConnectorResponseFields {
  connector_type_id: ".mysql";
  config: StoredMySQLConfig;
}

// Okta (`.okta`)

/** Settings of a Okta connector. Contain compromised Okta identities - suspend users, revoke sessions, reset MFA, manage group membership, and query System Log events Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type OktaConfig = {
  /** The Okta organization URL, e.g. https://your-okta-domain.okta.com (a custom domain works; without /api/v1). */
  orgUrl: string;
  /** The auth type the connector uses (Kibana keeps it in the config too). */
  authType?: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** Credentials of a Okta connector: `authType` chooses the authentication, the other keys are its credentials. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type OktaSecrets = {
  /** The OAuth 2.0 token endpoint. Kibana checks it against `xpack.actions.allowedHosts`. */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "okta.users.manage okta.groups.manage okta.logs.read"
   */
  scope?: string;
  /**
   * The algorithm that signs the client assertion (Microsoft Entra: PS256; Okta, Auth0: RS256).
   * @default "RS256"
   */
  algorithm?: "PS256" | "RS256" | "ES256";
  /**
   * How the assertion names its certificate: SHA-256 thumbprint, certificate chain or key id.
   * @default "kid"
   */
  certificateBinding?: "x5t#S256" | "x5c" | "kid";
  /** The client certificate (PEM), for the x5t#S256 and x5c bindings. */
  certificate?: string;
  /** The key id, for the kid binding. */
  keyId?: string;
  /** The private key (PEM) that signs the client assertion. */
  privateKey: string;
  /** The private key's passphrase. */
  passphrase?: string;
  /** The authentication these credentials are for: `oauth_client_credentials_private_key_jwt` (OAuth Client Credentials (Private Key JWT)). */
  authType: "oauth_client_credentials_private_key_jwt";
} | {
  /** The API key. */
  apiToken: string;
  /** The authentication these credentials are for: `api_key_header` (API key header authentication). */
  authType: "api_key_header";
};

/** `OktaConfig` as Kibana stores it: every field that has a default is present. */
export type StoredOktaConfig = {
  /** The Okta organization URL, e.g. https://your-okta-domain.okta.com (a custom domain works; without /api/v1). */
  orgUrl: string;
  /** The auth type of the secrets: Kibana copies it here when it saves the connector. */
  authType: string;
  /** The actions (by name) the connector may run; `null` or absent = the actions Kibana recommends. When set, it must name at least one action. */
  selectedActions?: string[] | null;
};

/** `OktaSecrets` as Kibana stores it: every field that has a default is present. */
export type StoredOktaSecrets = {
  /** The OAuth 2.0 token endpoint. Kibana checks it against `xpack.actions.allowedHosts`. */
  tokenUrl: string;
  /** The OAuth client id. */
  clientId: string;
  /**
   * The scopes to request, separated by spaces.
   * @default "okta.users.manage okta.groups.manage okta.logs.read"
   */
  scope: string;
  /**
   * The algorithm that signs the client assertion (Microsoft Entra: PS256; Okta, Auth0: RS256).
   * @default "RS256"
   */
  algorithm: "PS256" | "RS256" | "ES256";
  /**
   * How the assertion names its certificate: SHA-256 thumbprint, certificate chain or key id.
   * @default "kid"
   */
  certificateBinding: "x5t#S256" | "x5c" | "kid";
  /** The client certificate (PEM), for the x5t#S256 and x5c bindings. */
  certificate?: string;
  /** The key id, for the kid binding. */
  keyId?: string;
  /** The private key (PEM) that signs the client assertion. */
  privateKey: string;
  /** The private key's passphrase. */
  passphrase?: string;
  /** The authentication these credentials are for: `oauth_client_credentials_private_key_jwt` (OAuth Client Credentials (Private Key JWT)). */
  authType: "oauth_client_credentials_private_key_jwt";
} | {
  /** The API key. */
  apiToken: string;
  /** The authentication these credentials are for: `api_key_header` (API key header authentication). */
  authType: "api_key_header";
};

/** The body of a create-connector request for the `.okta` type (Okta). */
export interface CreateOktaConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".okta";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: OktaConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: OktaSecrets;
}

/** What `normalize` returns for the `.okta` type (Okta): the body as Kibana stores it (defaults filled in). */
export interface NormalizedOktaConnectorBody {
  name: string;
  connector_type_id: ".okta";
  config: StoredOktaConfig;
  secrets: StoredOktaSecrets;
}

/** A connector of the `.okta` type (Okta) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface OktaConnector extends ConnectorResponseFields {
  connector_type_id: ".okta";
  config: StoredOktaConfig;
}

// Opsgenie (`.opsgenie`)

/** Settings of an Opsgenie connector. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type OpsgenieConfig = {
  /** The Opsgenie API URL, e.g. `https://api.opsgenie.com` (or `https://api.eu.opsgenie.com` for the EU instance). Kibana checks it against `xpack.actions.allowedHosts`. */
  apiUrl: string;
};

/** Credentials of an Opsgenie connector. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type OpsgenieSecrets = {
  /** The API key of an Opsgenie API integration. */
  apiKey: string;
};

/** The same as `OpsgenieConfig`: no field has a default. */
export type StoredOpsgenieConfig = OpsgenieConfig;

/** The same as `OpsgenieSecrets`: no field has a default. */
export type StoredOpsgenieSecrets = OpsgenieSecrets;

/** The body of a create-connector request for the `.opsgenie` type (Opsgenie). */
export interface CreateOpsgenieConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".opsgenie";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: OpsgenieConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: OpsgenieSecrets;
}

/** What `normalize` returns for the `.opsgenie` type (Opsgenie): the body as Kibana stores it (defaults filled in). */
export interface NormalizedOpsgenieConnectorBody {
  name: string;
  connector_type_id: ".opsgenie";
  config: StoredOpsgenieConfig;
  secrets: StoredOpsgenieSecrets;
}

/** A connector of the `.opsgenie` type (Opsgenie) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface OpsgenieConnector extends ConnectorResponseFields {
  connector_type_id: ".opsgenie";
  config: StoredOpsgenieConfig;
}

// Jira Service Management (`.jira-service-management`)

/** Settings of a Jira Service Management connector. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type JiraServiceManagementConfig = {
  /** The URL of the Jira Service Management operations API, e.g. `https://api.atlassian.com/jsm/ops/integration`. Kibana checks it against `xpack.actions.allowedHosts`. */
  apiUrl: string;
};

/** Credentials of a Jira Service Management connector. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type JiraServiceManagementSecrets = {
  /** The API key of a Jira Service Management API integration. */
  apiKey: string;
};

/** The same as `JiraServiceManagementConfig`: no field has a default. */
export type StoredJiraServiceManagementConfig = JiraServiceManagementConfig;

/** The same as `JiraServiceManagementSecrets`: no field has a default. */
export type StoredJiraServiceManagementSecrets = JiraServiceManagementSecrets;

/** The body of a create-connector request for the `.jira-service-management` type (Jira Service Management). */
export interface CreateJiraServiceManagementConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".jira-service-management";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: JiraServiceManagementConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: JiraServiceManagementSecrets;
}

/** What `normalize` returns for the `.jira-service-management` type (Jira Service Management): the body as Kibana stores it (defaults filled in). */
export interface NormalizedJiraServiceManagementConnectorBody {
  name: string;
  connector_type_id: ".jira-service-management";
  config: StoredJiraServiceManagementConfig;
  secrets: StoredJiraServiceManagementSecrets;
}

/** A connector of the `.jira-service-management` type (Jira Service Management) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface JiraServiceManagementConnector extends ConnectorResponseFields {
  connector_type_id: ".jira-service-management";
  config: StoredJiraServiceManagementConfig;
}

// Tines (`.tines`)

/** Settings of a Tines connector. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type TinesConfig = {
  /** The URL of your Tines tenant, e.g. `https://your-tenant.tines.com`. Kibana checks it against `xpack.actions.allowedHosts`. */
  url: string;
};

/** Credentials of a Tines connector. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type TinesSecrets = {
  /** The email address of the Tines user the API token belongs to. */
  email: string;
  /** A Tines API token. */
  token: string;
};

/** The same as `TinesConfig`: no field has a default. */
export type StoredTinesConfig = TinesConfig;

/** The same as `TinesSecrets`: no field has a default. */
export type StoredTinesSecrets = TinesSecrets;

/** The body of a create-connector request for the `.tines` type (Tines). */
export interface CreateTinesConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".tines";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: TinesConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: TinesSecrets;
}

/** What `normalize` returns for the `.tines` type (Tines): the body as Kibana stores it (defaults filled in). */
export interface NormalizedTinesConnectorBody {
  name: string;
  connector_type_id: ".tines";
  config: StoredTinesConfig;
  secrets: StoredTinesSecrets;
}

/** A connector of the `.tines` type (Tines) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface TinesConnector extends ConnectorResponseFields {
  connector_type_id: ".tines";
  config: StoredTinesConfig;
}

// OpenAI (`.gen-ai`)

/** Settings of an OpenAI connector: `apiProvider` picks one of the three shapes. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type OpenAIConfig = {
  /** The service the connector calls: `OpenAI`, `Azure OpenAI`, or `Other` (an OpenAI-compatible service). It decides which other settings apply. */
  apiProvider: "Azure OpenAI";
  /** The Azure OpenAI deployment URL, e.g. `https://{resource}.openai.azure.com/openai/deployments/{deployment-id}/chat/completions?api-version={api-version}`. It must be an http(s) URL whose host is in Kibana's `xpack.actions.allowedHosts`. */
  apiUrl: string;
  /** The model used when a request names none; Azure has no default (the deployment decides). */
  defaultModel?: string;
  /** Extra HTTP headers sent with every request (name → value). */
  headers?: { [key: string]: string };
  /** The model's context window, in tokens. */
  contextWindowLength?: number | string | boolean | null;
  /** The sampling temperature used when a request sets none. */
  temperature?: number | string | boolean | null;
} | {
  /** The service the connector calls: `OpenAI`, `Azure OpenAI`, or `Other` (an OpenAI-compatible service). It decides which other settings apply. */
  apiProvider: "OpenAI";
  /** The OpenAI API URL, e.g. `https://api.openai.com/v1/chat/completions`. It must be an http(s) URL whose host is in Kibana's `xpack.actions.allowedHosts`. */
  apiUrl: string;
  /** The OpenAI organization the requests are billed to. */
  organizationId?: string;
  /** The OpenAI project the requests belong to. */
  projectId?: string;
  /**
   * The model used when a request names none.
   * @default "gpt-4.1"
   */
  defaultModel?: string;
  /** Extra HTTP headers sent with every request (name → value). */
  headers?: { [key: string]: string };
  /** The model's context window, in tokens. */
  contextWindowLength?: number | string | boolean | null;
  /** The sampling temperature used when a request sets none. */
  temperature?: number | string | boolean | null;
} | {
  /** The service the connector calls: `OpenAI`, `Azure OpenAI`, or `Other` (an OpenAI-compatible service). It decides which other settings apply. */
  apiProvider: "Other";
  /** The service's chat completions URL. It must be an http(s) URL whose host is in Kibana's `xpack.actions.allowedHosts`. */
  apiUrl: string;
  /** The model used when a request names none (required for an OpenAI-compatible service). */
  defaultModel: string;
  /**
   * How strictly the service's TLS certificate is verified when PKI certificates are given in the secrets.
   * @default "full"
   */
  verificationMode?: "full" | "certificate" | "none";
  /** Extra HTTP headers sent with every request (name → value). */
  headers?: { [key: string]: string };
  /** The model's context window, in tokens. */
  contextWindowLength?: number | string | boolean | null;
  /** The sampling temperature used when a request sets none. */
  temperature?: number | string | boolean | null;
  /** Let the model call tools natively (when the service supports it). */
  enableNativeFunctionCalling?: boolean;
};

/** Credentials of an OpenAI connector: an API key, or PKI certificates (base64-encoded PEM) for an OpenAI-compatible service that authenticates clients by certificate. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type OpenAISecrets = {
  /** The API key (not needed with PKI certificates). */
  apiKey?: string;
  /** The client certificate: base64 of a PEM file that contains `-----BEGIN CERTIFICATE-----`. Requires `privateKeyData`. */
  certificateData?: string;
  /** The client's private key: base64 of a PEM file that contains `-----BEGIN PRIVATE KEY-----` or `-----BEGIN RSA PRIVATE KEY-----`. Requires `certificateData`. */
  privateKeyData?: string;
  /** A certificate authority that signs the service's certificate: base64 of a PEM file that contains `-----BEGIN CERTIFICATE-----`. */
  caData?: string;
};

/** `OpenAIConfig` as Kibana stores it: every field that has a default is present. */
export type StoredOpenAIConfig = {
  /** The service the connector calls: `OpenAI`, `Azure OpenAI`, or `Other` (an OpenAI-compatible service). It decides which other settings apply. */
  apiProvider: "Azure OpenAI";
  /** The Azure OpenAI deployment URL, e.g. `https://{resource}.openai.azure.com/openai/deployments/{deployment-id}/chat/completions?api-version={api-version}`. It must be an http(s) URL whose host is in Kibana's `xpack.actions.allowedHosts`. */
  apiUrl: string;
  /** The model used when a request names none; Azure has no default (the deployment decides). */
  defaultModel?: string;
  /** Extra HTTP headers sent with every request (name → value). */
  headers?: { [key: string]: string };
  /** The model's context window, in tokens. */
  contextWindowLength?: number | string | boolean | null;
  /** The sampling temperature used when a request sets none. */
  temperature?: number | string | boolean | null;
} | {
  /** The service the connector calls: `OpenAI`, `Azure OpenAI`, or `Other` (an OpenAI-compatible service). It decides which other settings apply. */
  apiProvider: "OpenAI";
  /** The OpenAI API URL, e.g. `https://api.openai.com/v1/chat/completions`. It must be an http(s) URL whose host is in Kibana's `xpack.actions.allowedHosts`. */
  apiUrl: string;
  /** The OpenAI organization the requests are billed to. */
  organizationId?: string;
  /** The OpenAI project the requests belong to. */
  projectId?: string;
  /**
   * The model used when a request names none.
   * @default "gpt-4.1"
   */
  defaultModel: string;
  /** Extra HTTP headers sent with every request (name → value). */
  headers?: { [key: string]: string };
  /** The model's context window, in tokens. */
  contextWindowLength?: number | string | boolean | null;
  /** The sampling temperature used when a request sets none. */
  temperature?: number | string | boolean | null;
} | {
  /** The service the connector calls: `OpenAI`, `Azure OpenAI`, or `Other` (an OpenAI-compatible service). It decides which other settings apply. */
  apiProvider: "Other";
  /** The service's chat completions URL. It must be an http(s) URL whose host is in Kibana's `xpack.actions.allowedHosts`. */
  apiUrl: string;
  /** The model used when a request names none (required for an OpenAI-compatible service). */
  defaultModel: string;
  /**
   * How strictly the service's TLS certificate is verified when PKI certificates are given in the secrets.
   * @default "full"
   */
  verificationMode: "full" | "certificate" | "none";
  /** Extra HTTP headers sent with every request (name → value). */
  headers?: { [key: string]: string };
  /** The model's context window, in tokens. */
  contextWindowLength?: number | string | boolean | null;
  /** The sampling temperature used when a request sets none. */
  temperature?: number | string | boolean | null;
  /** Let the model call tools natively (when the service supports it). */
  enableNativeFunctionCalling?: boolean;
};

/** The same as `OpenAISecrets`: no field has a default. */
export type StoredOpenAISecrets = OpenAISecrets;

/** The body of a create-connector request for the `.gen-ai` type (OpenAI). */
export interface CreateOpenAIConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".gen-ai";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: OpenAIConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets?: OpenAISecrets;
}

/** What `normalize` returns for the `.gen-ai` type (OpenAI): the body as Kibana stores it (defaults filled in). */
export interface NormalizedOpenAIConnectorBody {
  name: string;
  connector_type_id: ".gen-ai";
  config: StoredOpenAIConfig;
  secrets: StoredOpenAISecrets;
}

/** A connector of the `.gen-ai` type (OpenAI) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface OpenAIConnector extends ConnectorResponseFields {
  connector_type_id: ".gen-ai";
  config: StoredOpenAIConfig;
}

// Amazon Bedrock (`.bedrock`)

/** Settings of an Amazon Bedrock connector. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type AmazonBedrockConfig = {
  /** The Bedrock runtime endpoint, e.g. `https://bedrock-runtime.us-east-1.amazonaws.com`. It must be an http(s) URL whose host is in Kibana's `xpack.actions.allowedHosts`. */
  apiUrl: string;
  /** The AWS region, e.g. `us-east-1`. */
  region?: string;
  /**
   * The model (or inference profile) used when a request names none.
   * @default "us.anthropic.claude-sonnet-4-5-20250929-v1:0"
   */
  defaultModel?: string;
  /** The model's context window, in tokens. */
  contextWindowLength?: number | string | boolean | null;
  /** The sampling temperature used when a request sets none. */
  temperature?: number | string | boolean | null;
};

/** Credentials of an Amazon Bedrock connector: an AWS access key. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type AmazonBedrockSecrets = {
  /** The AWS access key id. */
  accessKey: string;
  /** The AWS secret access key. */
  secret: string;
};

/** `AmazonBedrockConfig` as Kibana stores it: every field that has a default is present. */
export type StoredAmazonBedrockConfig = {
  /** The Bedrock runtime endpoint, e.g. `https://bedrock-runtime.us-east-1.amazonaws.com`. It must be an http(s) URL whose host is in Kibana's `xpack.actions.allowedHosts`. */
  apiUrl: string;
  /** The AWS region, e.g. `us-east-1`. */
  region?: string;
  /**
   * The model (or inference profile) used when a request names none.
   * @default "us.anthropic.claude-sonnet-4-5-20250929-v1:0"
   */
  defaultModel: string;
  /** The model's context window, in tokens. */
  contextWindowLength?: number | string | boolean | null;
  /** The sampling temperature used when a request sets none. */
  temperature?: number | string | boolean | null;
};

/** The same as `AmazonBedrockSecrets`: no field has a default. */
export type StoredAmazonBedrockSecrets = AmazonBedrockSecrets;

/** The body of a create-connector request for the `.bedrock` type (Amazon Bedrock). */
export interface CreateAmazonBedrockConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".bedrock";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: AmazonBedrockConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: AmazonBedrockSecrets;
}

/** What `normalize` returns for the `.bedrock` type (Amazon Bedrock): the body as Kibana stores it (defaults filled in). */
export interface NormalizedAmazonBedrockConnectorBody {
  name: string;
  connector_type_id: ".bedrock";
  config: StoredAmazonBedrockConfig;
  secrets: StoredAmazonBedrockSecrets;
}

/** A connector of the `.bedrock` type (Amazon Bedrock) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface AmazonBedrockConnector extends ConnectorResponseFields {
  connector_type_id: ".bedrock";
  config: StoredAmazonBedrockConfig;
}

// Google Gemini (`.gemini`)

/** Settings of a Google Gemini connector. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type GoogleGeminiConfig = {
  /** The Vertex AI endpoint, e.g. `https://us-central1-aiplatform.googleapis.com`. It must be an http(s) URL whose host is in Kibana's `xpack.actions.allowedHosts`. */
  apiUrl: string;
  /**
   * The model used when a request names none.
   * @default "gemini-2.5-pro"
   */
  defaultModel?: string;
  /** The Google Cloud region of the model, e.g. `us-central1`. */
  gcpRegion: string;
  /** The Google Cloud project id. */
  gcpProjectID: string;
  /** The model's context window, in tokens. */
  contextWindowLength?: number | string | boolean | null;
  /** The sampling temperature used when a request sets none. */
  temperature?: number | string | boolean | null;
};

/** Credentials of a Google Gemini connector. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type GoogleGeminiSecrets = {
  /** The key file of a Google Cloud service account, as JSON text (its `type` must be `service_account`). */
  credentialsJson: string;
};

/** `GoogleGeminiConfig` as Kibana stores it: every field that has a default is present. */
export type StoredGoogleGeminiConfig = {
  /** The Vertex AI endpoint, e.g. `https://us-central1-aiplatform.googleapis.com`. It must be an http(s) URL whose host is in Kibana's `xpack.actions.allowedHosts`. */
  apiUrl: string;
  /**
   * The model used when a request names none.
   * @default "gemini-2.5-pro"
   */
  defaultModel: string;
  /** The Google Cloud region of the model, e.g. `us-central1`. */
  gcpRegion: string;
  /** The Google Cloud project id. */
  gcpProjectID: string;
  /** The model's context window, in tokens. */
  contextWindowLength?: number | string | boolean | null;
  /** The sampling temperature used when a request sets none. */
  temperature?: number | string | boolean | null;
};

/** The same as `GoogleGeminiSecrets`: no field has a default. */
export type StoredGoogleGeminiSecrets = GoogleGeminiSecrets;

/** The body of a create-connector request for the `.gemini` type (Google Gemini). */
export interface CreateGoogleGeminiConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".gemini";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: GoogleGeminiConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: GoogleGeminiSecrets;
}

/** What `normalize` returns for the `.gemini` type (Google Gemini): the body as Kibana stores it (defaults filled in). */
export interface NormalizedGoogleGeminiConnectorBody {
  name: string;
  connector_type_id: ".gemini";
  config: StoredGoogleGeminiConfig;
  secrets: StoredGoogleGeminiSecrets;
}

/** A connector of the `.gemini` type (Google Gemini) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface GoogleGeminiConnector extends ConnectorResponseFields {
  connector_type_id: ".gemini";
  config: StoredGoogleGeminiConfig;
}

// D3 Security (`.d3security`)

/** Settings of a D3 Security connector. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type D3SecurityConfig = {
  /** The URL of the D3 SOAR webhook (event integration) that receives the events. Kibana checks it against `xpack.actions.allowedHosts`. */
  url: string;
};

/** Credentials of a D3 Security connector. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type D3SecuritySecrets = {
  /** The token of the D3 SOAR webhook. */
  token: string;
};

/** The same as `D3SecurityConfig`: no field has a default. */
export type StoredD3SecurityConfig = D3SecurityConfig;

/** The same as `D3SecuritySecrets`: no field has a default. */
export type StoredD3SecuritySecrets = D3SecuritySecrets;

/** The body of a create-connector request for the `.d3security` type (D3 Security). */
export interface CreateD3SecurityConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".d3security";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: D3SecurityConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: D3SecuritySecrets;
}

/** What `normalize` returns for the `.d3security` type (D3 Security): the body as Kibana stores it (defaults filled in). */
export interface NormalizedD3SecurityConnectorBody {
  name: string;
  connector_type_id: ".d3security";
  config: StoredD3SecurityConfig;
  secrets: StoredD3SecuritySecrets;
}

/** A connector of the `.d3security` type (D3 Security) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface D3SecurityConnector extends ConnectorResponseFields {
  connector_type_id: ".d3security";
  config: StoredD3SecurityConfig;
}

// IBM Resilient (`.resilient`)

/** Settings of an IBM Resilient connector. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type IbmResilientConfig = {
  /** The address of your IBM Resilient instance, e.g. `https://resilient.example.com`. */
  apiUrl: string;
  /** The id of the organization the incidents are created in. */
  orgId: string;
};

/** Credentials of an IBM Resilient connector: an API key. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type IbmResilientSecrets = {
  /** The id of the API key. */
  apiKeyId: string;
  /** The secret of the API key. */
  apiKeySecret: string;
};

/** The same as `IbmResilientConfig`: no field has a default. */
export type StoredIbmResilientConfig = IbmResilientConfig;

/** The same as `IbmResilientSecrets`: no field has a default. */
export type StoredIbmResilientSecrets = IbmResilientSecrets;

/** The body of a create-connector request for the `.resilient` type (IBM Resilient). */
export interface CreateIbmResilientConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".resilient";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: IbmResilientConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: IbmResilientSecrets;
}

/** What `normalize` returns for the `.resilient` type (IBM Resilient): the body as Kibana stores it (defaults filled in). */
export interface NormalizedIbmResilientConnectorBody {
  name: string;
  connector_type_id: ".resilient";
  config: StoredIbmResilientConfig;
  secrets: StoredIbmResilientSecrets;
}

/** A connector of the `.resilient` type (IBM Resilient) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface IbmResilientConnector extends ConnectorResponseFields {
  connector_type_id: ".resilient";
  config: StoredIbmResilientConfig;
}

// TheHive (`.thehive`)

/** Settings of a TheHive connector. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type TheHiveConfig = {
  /** The URL of your TheHive instance, e.g. `https://thehive.example.com:9000`. Kibana checks it against `xpack.actions.allowedHosts`. */
  url: string;
  /**
   * The TheHive organisation to work in; leave out (or `null`) for the API key's default organisation. An empty string is refused.
   * @default null
   */
  organisation?: string | null;
};

/** Credentials of a TheHive connector. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type TheHiveSecrets = {
  /** A TheHive API key. */
  apiKey: string;
};

/** `TheHiveConfig` as Kibana stores it: every field that has a default is present. */
export type StoredTheHiveConfig = {
  /** The URL of your TheHive instance, e.g. `https://thehive.example.com:9000`. Kibana checks it against `xpack.actions.allowedHosts`. */
  url: string;
  /**
   * The TheHive organisation to work in; leave out (or `null`) for the API key's default organisation. An empty string is refused.
   * @default null
   */
  organisation: string | null;
};

/** The same as `TheHiveSecrets`: no field has a default. */
export type StoredTheHiveSecrets = TheHiveSecrets;

/** The body of a create-connector request for the `.thehive` type (TheHive). */
export interface CreateTheHiveConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".thehive";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: TheHiveConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: TheHiveSecrets;
}

/** What `normalize` returns for the `.thehive` type (TheHive): the body as Kibana stores it (defaults filled in). */
export interface NormalizedTheHiveConnectorBody {
  name: string;
  connector_type_id: ".thehive";
  config: StoredTheHiveConfig;
  secrets: StoredTheHiveSecrets;
}

/** A connector of the `.thehive` type (TheHive) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface TheHiveConnector extends ConnectorResponseFields {
  connector_type_id: ".thehive";
  config: StoredTheHiveConfig;
}

// XSOAR (`.xsoar`)

/** Settings of an XSOAR connector. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type XsoarConfig = {
  /** The URL of your Cortex XSOAR server (for XSOAR 8, the API URL of the tenant). Kibana checks it against `xpack.actions.allowedHosts`. */
  url: string;
};

/** Credentials of an XSOAR connector. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type XsoarSecrets = {
  /** An XSOAR API key. */
  apiKey: string;
  /**
   * The id of the API key: needed by XSOAR 8 (cloud), empty (`null`) for XSOAR 6.
   * @default null
   */
  apiKeyID?: string | null;
};

/** The same as `XsoarConfig`: no field has a default. */
export type StoredXsoarConfig = XsoarConfig;

/** `XsoarSecrets` as Kibana stores it: every field that has a default is present. */
export type StoredXsoarSecrets = {
  /** An XSOAR API key. */
  apiKey: string;
  /**
   * The id of the API key: needed by XSOAR 8 (cloud), empty (`null`) for XSOAR 6.
   * @default null
   */
  apiKeyID: string | null;
};

/** The body of a create-connector request for the `.xsoar` type (XSOAR). */
export interface CreateXsoarConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".xsoar";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: XsoarConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: XsoarSecrets;
}

/** What `normalize` returns for the `.xsoar` type (XSOAR): the body as Kibana stores it (defaults filled in). */
export interface NormalizedXsoarConnectorBody {
  name: string;
  connector_type_id: ".xsoar";
  config: StoredXsoarConfig;
  secrets: StoredXsoarSecrets;
}

/** A connector of the `.xsoar` type (XSOAR) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface XsoarConnector extends ConnectorResponseFields {
  connector_type_id: ".xsoar";
  config: StoredXsoarConfig;
}

// MCP (`.mcp`)

/** Settings of an MCP connector. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type McpConfig = {
  /** The URL of the MCP server endpoint, e.g. `https://mcp.example.com/mcp`. Kibana checks it against `xpack.actions.allowedHosts`. */
  serverUrl: string;
  /**
   * Whether the requests are authenticated.
   * @default true
   */
  hasAuth?: boolean;
  /** The authentication method, when `hasAuth` is true. */
  authType?: "none" | "bearer" | "apiKey" | "basic";
  /** The header that carries the API key, for `apiKey` authentication (Kibana uses `X-API-Key` when it is left out). */
  apiKeyHeaderName?: string;
  /** Headers sent with every request (name → value). Use `secrets.secretHeaders` for values that must stay secret. */
  headers?: { [key: string]: string };
};

/** Credentials of an MCP connector: fill in the ones the chosen `authType` uses. Kibana does not check that they match it (a `bearer` connector without `token` sends no `Authorization` header). Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type McpSecrets = {
  /** The bearer token, for `bearer` authentication. */
  token?: string;
  /** The API key, for `apiKey` authentication. */
  apiKey?: string;
  /** The user name, for `basic` authentication. */
  user?: string;
  /** The password, for `basic` authentication. */
  password?: string;
  /** Headers whose values are kept secret (for example an API key), sent with every request. */
  secretHeaders?: { [key: string]: string };
};

/** `McpConfig` as Kibana stores it: every field that has a default is present. */
export type StoredMcpConfig = {
  /** The URL of the MCP server endpoint, e.g. `https://mcp.example.com/mcp`. Kibana checks it against `xpack.actions.allowedHosts`. */
  serverUrl: string;
  /**
   * Whether the requests are authenticated.
   * @default true
   */
  hasAuth: boolean;
  /** The authentication method, when `hasAuth` is true. */
  authType?: "none" | "bearer" | "apiKey" | "basic";
  /** The header that carries the API key, for `apiKey` authentication (Kibana uses `X-API-Key` when it is left out). */
  apiKeyHeaderName?: string;
  /** Headers sent with every request (name → value). Use `secrets.secretHeaders` for values that must stay secret. */
  headers?: { [key: string]: string };
};

/** The same as `McpSecrets`: no field has a default. */
export type StoredMcpSecrets = McpSecrets;

/** The body of a create-connector request for the `.mcp` type (MCP). */
export interface CreateMcpConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".mcp";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: McpConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets?: McpSecrets;
}

/** What `normalize` returns for the `.mcp` type (MCP): the body as Kibana stores it (defaults filled in). */
export interface NormalizedMcpConnectorBody {
  name: string;
  connector_type_id: ".mcp";
  config: StoredMcpConfig;
  secrets: StoredMcpSecrets;
}

/** A connector of the `.mcp` type (MCP) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface McpConnector extends ConnectorResponseFields {
  connector_type_id: ".mcp";
  config: StoredMcpConfig;
}

// Sentinel One (`.sentinelone`)

/** Settings of a Sentinel One connector. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type SentinelOneConfig = {
  /** The URL of your SentinelOne management console, e.g. `https://usea1-partners.sentinelone.net`. Kibana checks it against `xpack.actions.allowedHosts`. */
  url: string;
};

/** Credentials of a Sentinel One connector. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type SentinelOneSecrets = {
  /** A SentinelOne API token. */
  token: string;
};

/** The same as `SentinelOneConfig`: no field has a default. */
export type StoredSentinelOneConfig = SentinelOneConfig;

/** The same as `SentinelOneSecrets`: no field has a default. */
export type StoredSentinelOneSecrets = SentinelOneSecrets;

/** The body of a create-connector request for the `.sentinelone` type (Sentinel One). */
export interface CreateSentinelOneConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".sentinelone";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: SentinelOneConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: SentinelOneSecrets;
}

/** What `normalize` returns for the `.sentinelone` type (Sentinel One): the body as Kibana stores it (defaults filled in). */
export interface NormalizedSentinelOneConnectorBody {
  name: string;
  connector_type_id: ".sentinelone";
  config: StoredSentinelOneConfig;
  secrets: StoredSentinelOneSecrets;
}

/** A connector of the `.sentinelone` type (Sentinel One) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface SentinelOneConnector extends ConnectorResponseFields {
  connector_type_id: ".sentinelone";
  config: StoredSentinelOneConfig;
}

// CrowdStrike (`.crowdstrike`)

/** Settings of a CrowdStrike connector. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type CrowdStrikeConfig = {
  /** The CrowdStrike Falcon API URL of your cloud, e.g. `https://api.crowdstrike.com` (or `https://api.us-2.crowdstrike.com`, `https://api.eu-1.crowdstrike.com`). Kibana checks it against `xpack.actions.allowedHosts`. */
  url: string;
};

/** Credentials of a CrowdStrike connector: an OAuth 2.0 API client of the Falcon console. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type CrowdStrikeSecrets = {
  /** The client id of the Falcon API client. */
  clientId: string;
  /** The secret of the Falcon API client. */
  clientSecret: string;
};

/** The same as `CrowdStrikeConfig`: no field has a default. */
export type StoredCrowdStrikeConfig = CrowdStrikeConfig;

/** The same as `CrowdStrikeSecrets`: no field has a default. */
export type StoredCrowdStrikeSecrets = CrowdStrikeSecrets;

/** The body of a create-connector request for the `.crowdstrike` type (CrowdStrike). */
export interface CreateCrowdStrikeConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".crowdstrike";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: CrowdStrikeConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: CrowdStrikeSecrets;
}

/** What `normalize` returns for the `.crowdstrike` type (CrowdStrike): the body as Kibana stores it (defaults filled in). */
export interface NormalizedCrowdStrikeConnectorBody {
  name: string;
  connector_type_id: ".crowdstrike";
  config: StoredCrowdStrikeConfig;
  secrets: StoredCrowdStrikeSecrets;
}

/** A connector of the `.crowdstrike` type (CrowdStrike) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface CrowdStrikeConnector extends ConnectorResponseFields {
  connector_type_id: ".crowdstrike";
  config: StoredCrowdStrikeConfig;
}

// AI Connector (`.inference`)

/** Settings of an AI Connector. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type AiConfig = {
  /** The service the inference endpoint uses, e.g. `openai`, `elastic`, `amazonbedrock`. */
  provider: string;
  /** The task of the endpoint: `chat_completion`, `completion`, `rerank`, `text_embedding` or `sparse_embedding` (any letter case). */
  taskType: string;
  /** The id of the Elasticsearch inference endpoint that Kibana creates for the connector. */
  inferenceId: string;
  /**
   * The endpoint's service settings (`service_settings`), e.g. `{"model_id": "gpt-4o"}`.
   * @default {}
   */
  providerConfig?: { [key: string]: JsonValue };
  /**
   * The endpoint's task settings (`task_settings`).
   * @default {}
   */
  taskTypeConfig?: { [key: string]: JsonValue };
  /** The model's context window, in tokens. */
  contextWindowLength?: number | string | boolean | null;
  /** HTTP headers the endpoint sends to the service (name → value). */
  headers?: { [key: string]: string };
  /** The sampling temperature used when a request sets none. */
  temperature?: number | string | boolean | null;
};

/** Credentials of an AI Connector. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type AiSecrets = {
  /**
   * The service's secret settings, merged into the endpoint's `service_settings`, e.g. `{"api_key": "..."}`.
   * @default {}
   */
  providerSecrets?: { [key: string]: JsonValue };
};

/** `AiConfig` as Kibana stores it: every field that has a default is present. */
export type StoredAiConfig = {
  /** The service the inference endpoint uses, e.g. `openai`, `elastic`, `amazonbedrock`. */
  provider: string;
  /** The task of the endpoint: `chat_completion`, `completion`, `rerank`, `text_embedding` or `sparse_embedding` (any letter case). */
  taskType: string;
  /** The id of the Elasticsearch inference endpoint that Kibana creates for the connector. */
  inferenceId: string;
  /**
   * The endpoint's service settings (`service_settings`), e.g. `{"model_id": "gpt-4o"}`.
   * @default {}
   */
  providerConfig: { [key: string]: JsonValue };
  /**
   * The endpoint's task settings (`task_settings`).
   * @default {}
   */
  taskTypeConfig: { [key: string]: JsonValue };
  /** The model's context window, in tokens. */
  contextWindowLength?: number | string | boolean | null;
  /** HTTP headers the endpoint sends to the service (name → value). */
  headers?: { [key: string]: string };
  /** The sampling temperature used when a request sets none. */
  temperature?: number | string | boolean | null;
};

/** `AiSecrets` as Kibana stores it: every field that has a default is present. */
export type StoredAiSecrets = {
  /**
   * The service's secret settings, merged into the endpoint's `service_settings`, e.g. `{"api_key": "..."}`.
   * @default {}
   */
  providerSecrets: { [key: string]: JsonValue };
};

/** The body of a create-connector request for the `.inference` type (AI Connector). */
export interface CreateAiConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".inference";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: AiConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets?: AiSecrets;
}

/** What `normalize` returns for the `.inference` type (AI Connector): the body as Kibana stores it (defaults filled in). */
export interface NormalizedAiConnectorBody {
  name: string;
  connector_type_id: ".inference";
  config: StoredAiConfig;
  secrets: StoredAiSecrets;
}

/** A connector of the `.inference` type (AI Connector) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface AiConnector extends ConnectorResponseFields {
  connector_type_id: ".inference";
  config: StoredAiConfig;
}

// Microsoft Defender for Endpoint (`.microsoft_defender_endpoint`)

/** Settings of a Microsoft Defender for Endpoint connector: a Microsoft Entra application with access to the Defender for Endpoint API. Left out, it is `{}`. Kibana refuses blank strings anywhere in it. */
export type MicrosoftDefenderForEndpointConfig = {
  /** The application (client) id of the Entra application. */
  clientId: string;
  /** The directory (tenant) id of the Entra tenant. */
  tenantId: string;
  /** The OAuth 2.0 server, e.g. `https://login.microsoftonline.com`. Kibana checks it against `xpack.actions.allowedHosts`. */
  oAuthServerUrl: string;
  /** The OAuth 2.0 scope, e.g. `https://securitycenter.onmicrosoft.com/windowsatpservice/.default`. */
  oAuthScope: string;
  /** The Defender for Endpoint API URL, e.g. `https://api.securitycenter.microsoft.com`. Kibana checks it against `xpack.actions.allowedHosts`. */
  apiUrl: string;
};

/** Credentials of a Microsoft Defender for Endpoint connector. Kibana stores them encrypted and never returns them. Left out, they are `{}`. */
export type MicrosoftDefenderForEndpointSecrets = {
  /** A client secret of the Entra application. */
  clientSecret: string;
};

/** The same as `MicrosoftDefenderForEndpointConfig`: no field has a default. */
export type StoredMicrosoftDefenderForEndpointConfig = MicrosoftDefenderForEndpointConfig;

/** The same as `MicrosoftDefenderForEndpointSecrets`: no field has a default. */
export type StoredMicrosoftDefenderForEndpointSecrets = MicrosoftDefenderForEndpointSecrets;

/** The body of a create-connector request for the `.microsoft_defender_endpoint` type (Microsoft Defender for Endpoint). */
export interface CreateMicrosoftDefenderForEndpointConnectorBody {
  /** The display name of the connector. It need not be unique, but a distinctive name helps to find it. */
  name: string;
  /** The connector type, which picks the schema of `config` and `secrets`. */
  connector_type_id: ".microsoft_defender_endpoint";
  /** The connector's settings, stored as they are (with defaults filled in); left out, `{}`. */
  config: MicrosoftDefenderForEndpointConfig;
  /** The connector's credentials, stored encrypted and never returned; left out, `{}`. */
  secrets: MicrosoftDefenderForEndpointSecrets;
}

/** What `normalize` returns for the `.microsoft_defender_endpoint` type (Microsoft Defender for Endpoint): the body as Kibana stores it (defaults filled in). */
export interface NormalizedMicrosoftDefenderForEndpointConnectorBody {
  name: string;
  connector_type_id: ".microsoft_defender_endpoint";
  config: StoredMicrosoftDefenderForEndpointConfig;
  secrets: StoredMicrosoftDefenderForEndpointSecrets;
}

/** A connector of the `.microsoft_defender_endpoint` type (Microsoft Defender for Endpoint) as Kibana returns it (the 200 response of create, get and update). Secrets are never returned. */
export interface MicrosoftDefenderForEndpointConnector extends ConnectorResponseFields {
  connector_type_id: ".microsoft_defender_endpoint";
  config: StoredMicrosoftDefenderForEndpointConfig;
}

/** The body of a create-connector request (`POST /api/actions/connector/{id}`), discriminated on `connector_type_id`. */
export type CreateConnectorBody =
  | CreateEmailConnectorBody
  | CreateIndexConnectorBody
  | CreatePagerDutyConnectorBody
  | CreateSwimlaneConnectorBody
  | CreateServerLogConnectorBody
  | CreateSlackConnectorBody
  | CreateSlackApiConnectorBody
  | CreateWebhookConnectorBody
  | CreateHttpConnectorBody
  | CreateWebhookCaseManagementConnectorBody
  | CreateXMattersConnectorBody
  | CreateServiceNowItsmConnectorBody
  | CreateServiceNowSecOpsConnectorBody
  | CreateServiceNowItomConnectorBody
  | CreateJiraConnectorBody
  | CreateMicrosoftTeamsConnectorBody
  | CreateTorqConnectorBody
  | CreateAlienVaultOtxConnectorBody
  | CreateBraveSearchConnectorBody
  | CreateGithubConnectorBody
  | CreateGreyNoiseConnectorBody
  | CreateServiceNowConnectorBody
  | CreateShodanConnectorBody
  | CreateVirusTotalConnectorBody
  | CreateZendeskConnectorBody
  | CreateBoxConnectorBody
  | CreateBuildkiteConnectorBody
  | CreateDropboxConnectorBody
  | CreateDatabricksConnectorBody
  | CreateDatadogConnectorBody
  | CreateDynatraceConnectorBody
  | CreateFigmaConnectorBody
  | CreateFirecrawlConnectorBody
  | CreateGrafanaConnectorBody
  | CreateGraphQLConnectorBody
  | CreateHubSpotConnectorBody
  | CreateJenkinsConnectorBody
  | CreateJinaReaderConnectorBody
  | CreateMondayComConnectorBody
  | CreateNotionConnectorBody
  | CreatePagerDutyMcpConnectorBody
  | CreatePostHogConnectorBody
  | CreatePrometheusAlertmanagerConnectorBody
  | CreatePrometheusConnectorBody
  | CreateRootlyConnectorBody
  | CreateSalesforceConnectorBody
  | CreateSentryConnectorBody
  | CreateSublimeSecurityConnectorBody
  | CreateTavilyConnectorBody
  | CreateURLVoidConnectorBody
  | CreateZoomConnectorBody
  | CreateZabbixConnectorBody
  | CreateURLScanIoConnectorBody
  | CreateUniFiConnectorBody
  | CreateOneDriveConnectorBody
  | CreateAwsLambdaConnectorBody
  | CreateAmazonS3ConnectorBody
  | CreateAwsXRayConnectorBody
  | CreateAwsCloudWatchConnectorBody
  | CreateAzureBlobStorageConnectorBody
  | CreateGcpCloudFunctionsConnectorBody
  | CreateGoogleCloudIamConnectorBody
  | CreateGmailConnectorBody
  | CreateGoogleDriveConnectorBody
  | CreateGoogleDocsConnectorBody
  | CreateGoogleCalendarConnectorBody
  | CreateOutlookConnectorBody
  | CreateSharePointOnlineConnectorBody
  | CreateMicrosoftTeamsV2ConnectorBody
  | CreateSlackV2ConnectorBody
  | CreateJiraCloudConnectorBody
  | CreateBigQueryConnectorBody
  | CreateGoogleCloudMonitoringConnectorBody
  | CreateGoogleCloudStorageConnectorBody
  | CreateGoogleCloudSecretManagerConnectorBody
  | CreateOnePasswordConnectorBody
  | CreateCensysConnectorBody
  | CreateTrelloConnectorBody
  | CreateMispConnectorBody
  | CreateArgoCdConnectorBody
  | CreateKubernetesConnectorBody
  | CreateNewRelicConnectorBody
  | CreateSharePointServerConnectorBody
  | CreateSnowflakeConnectorBody
  | CreateAnsibleControlServerConnectorBody
  | CreateOpenSearchAwsOpenSearchServiceConnectorBody
  | CreateAzureMonitorConnectorBody
  | CreateWorkdayConnectorBody
  | CreateConfluenceCloudConnectorBody
  | CreateAbuseIPDBConnectorBody
  | CreateGoogleThreatIntelligenceConnectorBody
  | CreateMongoDBConnectorBody
  | CreateMySQLConnectorBody
  | CreateOktaConnectorBody
  | CreateOpsgenieConnectorBody
  | CreateJiraServiceManagementConnectorBody
  | CreateTinesConnectorBody
  | CreateOpenAIConnectorBody
  | CreateAmazonBedrockConnectorBody
  | CreateGoogleGeminiConnectorBody
  | CreateD3SecurityConnectorBody
  | CreateIbmResilientConnectorBody
  | CreateTheHiveConnectorBody
  | CreateXsoarConnectorBody
  | CreateMcpConnectorBody
  | CreateSentinelOneConnectorBody
  | CreateCrowdStrikeConnectorBody
  | CreateAiConnectorBody
  | CreateMicrosoftDefenderForEndpointConnectorBody;

/** What `normalize` returns: the body as Kibana stores it, discriminated on `connector_type_id`. */
export type NormalizedConnectorBody =
  | NormalizedEmailConnectorBody
  | NormalizedIndexConnectorBody
  | NormalizedPagerDutyConnectorBody
  | NormalizedSwimlaneConnectorBody
  | NormalizedServerLogConnectorBody
  | NormalizedSlackConnectorBody
  | NormalizedSlackApiConnectorBody
  | NormalizedWebhookConnectorBody
  | NormalizedHttpConnectorBody
  | NormalizedWebhookCaseManagementConnectorBody
  | NormalizedXMattersConnectorBody
  | NormalizedServiceNowItsmConnectorBody
  | NormalizedServiceNowSecOpsConnectorBody
  | NormalizedServiceNowItomConnectorBody
  | NormalizedJiraConnectorBody
  | NormalizedMicrosoftTeamsConnectorBody
  | NormalizedTorqConnectorBody
  | NormalizedAlienVaultOtxConnectorBody
  | NormalizedBraveSearchConnectorBody
  | NormalizedGithubConnectorBody
  | NormalizedGreyNoiseConnectorBody
  | NormalizedServiceNowConnectorBody
  | NormalizedShodanConnectorBody
  | NormalizedVirusTotalConnectorBody
  | NormalizedZendeskConnectorBody
  | NormalizedBoxConnectorBody
  | NormalizedBuildkiteConnectorBody
  | NormalizedDropboxConnectorBody
  | NormalizedDatabricksConnectorBody
  | NormalizedDatadogConnectorBody
  | NormalizedDynatraceConnectorBody
  | NormalizedFigmaConnectorBody
  | NormalizedFirecrawlConnectorBody
  | NormalizedGrafanaConnectorBody
  | NormalizedGraphQLConnectorBody
  | NormalizedHubSpotConnectorBody
  | NormalizedJenkinsConnectorBody
  | NormalizedJinaReaderConnectorBody
  | NormalizedMondayComConnectorBody
  | NormalizedNotionConnectorBody
  | NormalizedPagerDutyMcpConnectorBody
  | NormalizedPostHogConnectorBody
  | NormalizedPrometheusAlertmanagerConnectorBody
  | NormalizedPrometheusConnectorBody
  | NormalizedRootlyConnectorBody
  | NormalizedSalesforceConnectorBody
  | NormalizedSentryConnectorBody
  | NormalizedSublimeSecurityConnectorBody
  | NormalizedTavilyConnectorBody
  | NormalizedURLVoidConnectorBody
  | NormalizedZoomConnectorBody
  | NormalizedZabbixConnectorBody
  | NormalizedURLScanIoConnectorBody
  | NormalizedUniFiConnectorBody
  | NormalizedOneDriveConnectorBody
  | NormalizedAwsLambdaConnectorBody
  | NormalizedAmazonS3ConnectorBody
  | NormalizedAwsXRayConnectorBody
  | NormalizedAwsCloudWatchConnectorBody
  | NormalizedAzureBlobStorageConnectorBody
  | NormalizedGcpCloudFunctionsConnectorBody
  | NormalizedGoogleCloudIamConnectorBody
  | NormalizedGmailConnectorBody
  | NormalizedGoogleDriveConnectorBody
  | NormalizedGoogleDocsConnectorBody
  | NormalizedGoogleCalendarConnectorBody
  | NormalizedOutlookConnectorBody
  | NormalizedSharePointOnlineConnectorBody
  | NormalizedMicrosoftTeamsV2ConnectorBody
  | NormalizedSlackV2ConnectorBody
  | NormalizedJiraCloudConnectorBody
  | NormalizedBigQueryConnectorBody
  | NormalizedGoogleCloudMonitoringConnectorBody
  | NormalizedGoogleCloudStorageConnectorBody
  | NormalizedGoogleCloudSecretManagerConnectorBody
  | NormalizedOnePasswordConnectorBody
  | NormalizedCensysConnectorBody
  | NormalizedTrelloConnectorBody
  | NormalizedMispConnectorBody
  | NormalizedArgoCdConnectorBody
  | NormalizedKubernetesConnectorBody
  | NormalizedNewRelicConnectorBody
  | NormalizedSharePointServerConnectorBody
  | NormalizedSnowflakeConnectorBody
  | NormalizedAnsibleControlServerConnectorBody
  | NormalizedOpenSearchAwsOpenSearchServiceConnectorBody
  | NormalizedAzureMonitorConnectorBody
  | NormalizedWorkdayConnectorBody
  | NormalizedConfluenceCloudConnectorBody
  | NormalizedAbuseIPDBConnectorBody
  | NormalizedGoogleThreatIntelligenceConnectorBody
  | NormalizedMongoDBConnectorBody
  | NormalizedMySQLConnectorBody
  | NormalizedOktaConnectorBody
  | NormalizedOpsgenieConnectorBody
  | NormalizedJiraServiceManagementConnectorBody
  | NormalizedTinesConnectorBody
  | NormalizedOpenAIConnectorBody
  | NormalizedAmazonBedrockConnectorBody
  | NormalizedGoogleGeminiConnectorBody
  | NormalizedD3SecurityConnectorBody
  | NormalizedIbmResilientConnectorBody
  | NormalizedTheHiveConnectorBody
  | NormalizedXsoarConnectorBody
  | NormalizedMcpConnectorBody
  | NormalizedSentinelOneConnectorBody
  | NormalizedCrowdStrikeConnectorBody
  | NormalizedAiConnectorBody
  | NormalizedMicrosoftDefenderForEndpointConnectorBody;

/** A connector as Kibana returns it, discriminated on `connector_type_id`. */
export type Connector =
  | EmailConnector
  | IndexConnector
  | PagerDutyConnector
  | SwimlaneConnector
  | ServerLogConnector
  | SlackConnector
  | SlackApiConnector
  | WebhookConnector
  | HttpConnector
  | WebhookCaseManagementConnector
  | XMattersConnector
  | ServiceNowItsmConnector
  | ServiceNowSecOpsConnector
  | ServiceNowItomConnector
  | JiraConnector
  | MicrosoftTeamsConnector
  | TorqConnector
  | AlienVaultOtxConnector
  | BraveSearchConnector
  | GithubConnector
  | GreyNoiseConnector
  | ServiceNowConnector
  | ShodanConnector
  | VirusTotalConnector
  | ZendeskConnector
  | BoxConnector
  | BuildkiteConnector
  | DropboxConnector
  | DatabricksConnector
  | DatadogConnector
  | DynatraceConnector
  | FigmaConnector
  | FirecrawlConnector
  | GrafanaConnector
  | GraphQLConnector
  | HubSpotConnector
  | JenkinsConnector
  | JinaReaderConnector
  | MondayComConnector
  | NotionConnector
  | PagerDutyMcpConnector
  | PostHogConnector
  | PrometheusAlertmanagerConnector
  | PrometheusConnector
  | RootlyConnector
  | SalesforceConnector
  | SentryConnector
  | SublimeSecurityConnector
  | TavilyConnector
  | URLVoidConnector
  | ZoomConnector
  | ZabbixConnector
  | URLScanIoConnector
  | UniFiConnector
  | OneDriveConnector
  | AwsLambdaConnector
  | AmazonS3Connector
  | AwsXRayConnector
  | AwsCloudWatchConnector
  | AzureBlobStorageConnector
  | GcpCloudFunctionsConnector
  | GoogleCloudIamConnector
  | GmailConnector
  | GoogleDriveConnector
  | GoogleDocsConnector
  | GoogleCalendarConnector
  | OutlookConnector
  | SharePointOnlineConnector
  | MicrosoftTeamsV2Connector
  | SlackV2Connector
  | JiraCloudConnector
  | BigQueryConnector
  | GoogleCloudMonitoringConnector
  | GoogleCloudStorageConnector
  | GoogleCloudSecretManagerConnector
  | OnePasswordConnector
  | CensysConnector
  | TrelloConnector
  | MispConnector
  | ArgoCdConnector
  | KubernetesConnector
  | NewRelicConnector
  | SharePointServerConnector
  | SnowflakeConnector
  | AnsibleControlServerConnector
  | OpenSearchAwsOpenSearchServiceConnector
  | AzureMonitorConnector
  | WorkdayConnector
  | ConfluenceCloudConnector
  | AbuseIPDBConnector
  | GoogleThreatIntelligenceConnector
  | MongoDBConnector
  | MySQLConnector
  | OktaConnector
  | OpsgenieConnector
  | JiraServiceManagementConnector
  | TinesConnector
  | OpenAIConnector
  | AmazonBedrockConnector
  | GoogleGeminiConnector
  | D3SecurityConnector
  | IbmResilientConnector
  | TheHiveConnector
  | XsoarConnector
  | McpConnector
  | SentinelOneConnector
  | CrowdStrikeConnector
  | AiConnector
  | MicrosoftDefenderForEndpointConnector;

/** The fields of Kibana's connector response besides `connector_type_id` and `config`. */
export interface ConnectorResponseFields {
  /** The identifier of the connector. */
  id: string;
  /** The display name of the connector. */
  name: string;
  /** Whether the connector is preconfigured in `kibana.yml` (never for a connector created through the API). */
  is_preconfigured: boolean;
  /** Whether the connector is deprecated. */
  is_deprecated: boolean;
  /** Whether the connector is used for system actions. */
  is_system_action: boolean;
  /** Whether the connector's secrets are missing (for example after an import). */
  is_missing_secrets?: boolean;
  /** Whether the connector type is deprecated. */
  is_connector_type_deprecated: boolean;
}

/** The declarations of every creatable connector type, by id: `ConnectorTypes[".index"]["config"]`. */
export interface ConnectorTypes {
  ".email": {
    config: EmailConfig;
    secrets: EmailSecrets;
    body: CreateEmailConnectorBody;
    storedConfig: StoredEmailConfig;
    storedSecrets: StoredEmailSecrets;
    normalized: NormalizedEmailConnectorBody;
    connector: EmailConnector;
  };
  ".index": {
    config: IndexConfig;
    secrets: IndexSecrets;
    body: CreateIndexConnectorBody;
    storedConfig: StoredIndexConfig;
    storedSecrets: StoredIndexSecrets;
    normalized: NormalizedIndexConnectorBody;
    connector: IndexConnector;
  };
  ".pagerduty": {
    config: PagerDutyConfig;
    secrets: PagerDutySecrets;
    body: CreatePagerDutyConnectorBody;
    storedConfig: StoredPagerDutyConfig;
    storedSecrets: StoredPagerDutySecrets;
    normalized: NormalizedPagerDutyConnectorBody;
    connector: PagerDutyConnector;
  };
  ".swimlane": {
    config: SwimlaneConfig;
    secrets: SwimlaneSecrets;
    body: CreateSwimlaneConnectorBody;
    storedConfig: StoredSwimlaneConfig;
    storedSecrets: StoredSwimlaneSecrets;
    normalized: NormalizedSwimlaneConnectorBody;
    connector: SwimlaneConnector;
  };
  ".server-log": {
    config: ServerLogConfig;
    secrets: ServerLogSecrets;
    body: CreateServerLogConnectorBody;
    storedConfig: StoredServerLogConfig;
    storedSecrets: StoredServerLogSecrets;
    normalized: NormalizedServerLogConnectorBody;
    connector: ServerLogConnector;
  };
  ".slack": {
    config: SlackConfig;
    secrets: SlackSecrets;
    body: CreateSlackConnectorBody;
    storedConfig: StoredSlackConfig;
    storedSecrets: StoredSlackSecrets;
    normalized: NormalizedSlackConnectorBody;
    connector: SlackConnector;
  };
  ".slack_api": {
    config: SlackApiConfig;
    secrets: SlackApiSecrets;
    body: CreateSlackApiConnectorBody;
    storedConfig: StoredSlackApiConfig;
    storedSecrets: StoredSlackApiSecrets;
    normalized: NormalizedSlackApiConnectorBody;
    connector: SlackApiConnector;
  };
  ".webhook": {
    config: WebhookConfig;
    secrets: WebhookSecrets;
    body: CreateWebhookConnectorBody;
    storedConfig: StoredWebhookConfig;
    storedSecrets: StoredWebhookSecrets;
    normalized: NormalizedWebhookConnectorBody;
    connector: WebhookConnector;
  };
  ".http": {
    config: HttpConfig;
    secrets: HttpSecrets;
    body: CreateHttpConnectorBody;
    storedConfig: StoredHttpConfig;
    storedSecrets: StoredHttpSecrets;
    normalized: NormalizedHttpConnectorBody;
    connector: HttpConnector;
  };
  ".cases-webhook": {
    config: WebhookCaseManagementConfig;
    secrets: WebhookCaseManagementSecrets;
    body: CreateWebhookCaseManagementConnectorBody;
    storedConfig: StoredWebhookCaseManagementConfig;
    storedSecrets: StoredWebhookCaseManagementSecrets;
    normalized: NormalizedWebhookCaseManagementConnectorBody;
    connector: WebhookCaseManagementConnector;
  };
  ".xmatters": {
    config: XMattersConfig;
    secrets: XMattersSecrets;
    body: CreateXMattersConnectorBody;
    storedConfig: StoredXMattersConfig;
    storedSecrets: StoredXMattersSecrets;
    normalized: NormalizedXMattersConnectorBody;
    connector: XMattersConnector;
  };
  ".servicenow": {
    config: ServiceNowItsmConfig;
    secrets: ServiceNowItsmSecrets;
    body: CreateServiceNowItsmConnectorBody;
    storedConfig: StoredServiceNowItsmConfig;
    storedSecrets: StoredServiceNowItsmSecrets;
    normalized: NormalizedServiceNowItsmConnectorBody;
    connector: ServiceNowItsmConnector;
  };
  ".servicenow-sir": {
    config: ServiceNowSecOpsConfig;
    secrets: ServiceNowSecOpsSecrets;
    body: CreateServiceNowSecOpsConnectorBody;
    storedConfig: StoredServiceNowSecOpsConfig;
    storedSecrets: StoredServiceNowSecOpsSecrets;
    normalized: NormalizedServiceNowSecOpsConnectorBody;
    connector: ServiceNowSecOpsConnector;
  };
  ".servicenow-itom": {
    config: ServiceNowItomConfig;
    secrets: ServiceNowItomSecrets;
    body: CreateServiceNowItomConnectorBody;
    storedConfig: StoredServiceNowItomConfig;
    storedSecrets: StoredServiceNowItomSecrets;
    normalized: NormalizedServiceNowItomConnectorBody;
    connector: ServiceNowItomConnector;
  };
  ".jira": {
    config: JiraConfig;
    secrets: JiraSecrets;
    body: CreateJiraConnectorBody;
    storedConfig: StoredJiraConfig;
    storedSecrets: StoredJiraSecrets;
    normalized: NormalizedJiraConnectorBody;
    connector: JiraConnector;
  };
  ".teams": {
    config: MicrosoftTeamsConfig;
    secrets: MicrosoftTeamsSecrets;
    body: CreateMicrosoftTeamsConnectorBody;
    storedConfig: StoredMicrosoftTeamsConfig;
    storedSecrets: StoredMicrosoftTeamsSecrets;
    normalized: NormalizedMicrosoftTeamsConnectorBody;
    connector: MicrosoftTeamsConnector;
  };
  ".torq": {
    config: TorqConfig;
    secrets: TorqSecrets;
    body: CreateTorqConnectorBody;
    storedConfig: StoredTorqConfig;
    storedSecrets: StoredTorqSecrets;
    normalized: NormalizedTorqConnectorBody;
    connector: TorqConnector;
  };
  ".alienvault-otx": {
    config: AlienVaultOtxConfig;
    secrets: AlienVaultOtxSecrets;
    body: CreateAlienVaultOtxConnectorBody;
    storedConfig: StoredAlienVaultOtxConfig;
    storedSecrets: StoredAlienVaultOtxSecrets;
    normalized: NormalizedAlienVaultOtxConnectorBody;
    connector: AlienVaultOtxConnector;
  };
  ".brave-search": {
    config: BraveSearchConfig;
    secrets: BraveSearchSecrets;
    body: CreateBraveSearchConnectorBody;
    storedConfig: StoredBraveSearchConfig;
    storedSecrets: StoredBraveSearchSecrets;
    normalized: NormalizedBraveSearchConnectorBody;
    connector: BraveSearchConnector;
  };
  ".github": {
    config: GithubConfig;
    secrets: GithubSecrets;
    body: CreateGithubConnectorBody;
    storedConfig: StoredGithubConfig;
    storedSecrets: StoredGithubSecrets;
    normalized: NormalizedGithubConnectorBody;
    connector: GithubConnector;
  };
  ".greynoise": {
    config: GreyNoiseConfig;
    secrets: GreyNoiseSecrets;
    body: CreateGreyNoiseConnectorBody;
    storedConfig: StoredGreyNoiseConfig;
    storedSecrets: StoredGreyNoiseSecrets;
    normalized: NormalizedGreyNoiseConnectorBody;
    connector: GreyNoiseConnector;
  };
  ".servicenow_search": {
    config: ServiceNowConfig;
    secrets: ServiceNowSecrets;
    body: CreateServiceNowConnectorBody;
    storedConfig: StoredServiceNowConfig;
    storedSecrets: StoredServiceNowSecrets;
    normalized: NormalizedServiceNowConnectorBody;
    connector: ServiceNowConnector;
  };
  ".shodan": {
    config: ShodanConfig;
    secrets: ShodanSecrets;
    body: CreateShodanConnectorBody;
    storedConfig: StoredShodanConfig;
    storedSecrets: StoredShodanSecrets;
    normalized: NormalizedShodanConnectorBody;
    connector: ShodanConnector;
  };
  ".virustotal": {
    config: VirusTotalConfig;
    secrets: VirusTotalSecrets;
    body: CreateVirusTotalConnectorBody;
    storedConfig: StoredVirusTotalConfig;
    storedSecrets: StoredVirusTotalSecrets;
    normalized: NormalizedVirusTotalConnectorBody;
    connector: VirusTotalConnector;
  };
  ".zendesk": {
    config: ZendeskConfig;
    secrets: ZendeskSecrets;
    body: CreateZendeskConnectorBody;
    storedConfig: StoredZendeskConfig;
    storedSecrets: StoredZendeskSecrets;
    normalized: NormalizedZendeskConnectorBody;
    connector: ZendeskConnector;
  };
  ".box": {
    config: BoxConfig;
    secrets: BoxSecrets;
    body: CreateBoxConnectorBody;
    storedConfig: StoredBoxConfig;
    storedSecrets: StoredBoxSecrets;
    normalized: NormalizedBoxConnectorBody;
    connector: BoxConnector;
  };
  ".buildkite": {
    config: BuildkiteConfig;
    secrets: BuildkiteSecrets;
    body: CreateBuildkiteConnectorBody;
    storedConfig: StoredBuildkiteConfig;
    storedSecrets: StoredBuildkiteSecrets;
    normalized: NormalizedBuildkiteConnectorBody;
    connector: BuildkiteConnector;
  };
  ".dropbox": {
    config: DropboxConfig;
    secrets: DropboxSecrets;
    body: CreateDropboxConnectorBody;
    storedConfig: StoredDropboxConfig;
    storedSecrets: StoredDropboxSecrets;
    normalized: NormalizedDropboxConnectorBody;
    connector: DropboxConnector;
  };
  ".databricks": {
    config: DatabricksConfig;
    secrets: DatabricksSecrets;
    body: CreateDatabricksConnectorBody;
    storedConfig: StoredDatabricksConfig;
    storedSecrets: StoredDatabricksSecrets;
    normalized: NormalizedDatabricksConnectorBody;
    connector: DatabricksConnector;
  };
  ".datadog": {
    config: DatadogConfig;
    secrets: DatadogSecrets;
    body: CreateDatadogConnectorBody;
    storedConfig: StoredDatadogConfig;
    storedSecrets: StoredDatadogSecrets;
    normalized: NormalizedDatadogConnectorBody;
    connector: DatadogConnector;
  };
  ".dynatrace": {
    config: DynatraceConfig;
    secrets: DynatraceSecrets;
    body: CreateDynatraceConnectorBody;
    storedConfig: StoredDynatraceConfig;
    storedSecrets: StoredDynatraceSecrets;
    normalized: NormalizedDynatraceConnectorBody;
    connector: DynatraceConnector;
  };
  ".figma": {
    config: FigmaConfig;
    secrets: FigmaSecrets;
    body: CreateFigmaConnectorBody;
    storedConfig: StoredFigmaConfig;
    storedSecrets: StoredFigmaSecrets;
    normalized: NormalizedFigmaConnectorBody;
    connector: FigmaConnector;
  };
  ".firecrawl": {
    config: FirecrawlConfig;
    secrets: FirecrawlSecrets;
    body: CreateFirecrawlConnectorBody;
    storedConfig: StoredFirecrawlConfig;
    storedSecrets: StoredFirecrawlSecrets;
    normalized: NormalizedFirecrawlConnectorBody;
    connector: FirecrawlConnector;
  };
  ".grafana": {
    config: GrafanaConfig;
    secrets: GrafanaSecrets;
    body: CreateGrafanaConnectorBody;
    storedConfig: StoredGrafanaConfig;
    storedSecrets: StoredGrafanaSecrets;
    normalized: NormalizedGrafanaConnectorBody;
    connector: GrafanaConnector;
  };
  ".graphql": {
    config: GraphQLConfig;
    secrets: GraphQLSecrets;
    body: CreateGraphQLConnectorBody;
    storedConfig: StoredGraphQLConfig;
    storedSecrets: StoredGraphQLSecrets;
    normalized: NormalizedGraphQLConnectorBody;
    connector: GraphQLConnector;
  };
  ".hubspot": {
    config: HubSpotConfig;
    secrets: HubSpotSecrets;
    body: CreateHubSpotConnectorBody;
    storedConfig: StoredHubSpotConfig;
    storedSecrets: StoredHubSpotSecrets;
    normalized: NormalizedHubSpotConnectorBody;
    connector: HubSpotConnector;
  };
  ".jenkins": {
    config: JenkinsConfig;
    secrets: JenkinsSecrets;
    body: CreateJenkinsConnectorBody;
    storedConfig: StoredJenkinsConfig;
    storedSecrets: StoredJenkinsSecrets;
    normalized: NormalizedJenkinsConnectorBody;
    connector: JenkinsConnector;
  };
  ".jina": {
    config: JinaReaderConfig;
    secrets: JinaReaderSecrets;
    body: CreateJinaReaderConnectorBody;
    storedConfig: StoredJinaReaderConfig;
    storedSecrets: StoredJinaReaderSecrets;
    normalized: NormalizedJinaReaderConnectorBody;
    connector: JinaReaderConnector;
  };
  ".monday_com": {
    config: MondayComConfig;
    secrets: MondayComSecrets;
    body: CreateMondayComConnectorBody;
    storedConfig: StoredMondayComConfig;
    storedSecrets: StoredMondayComSecrets;
    normalized: NormalizedMondayComConnectorBody;
    connector: MondayComConnector;
  };
  ".notion": {
    config: NotionConfig;
    secrets: NotionSecrets;
    body: CreateNotionConnectorBody;
    storedConfig: StoredNotionConfig;
    storedSecrets: StoredNotionSecrets;
    normalized: NormalizedNotionConnectorBody;
    connector: NotionConnector;
  };
  ".pagerduty_mcp": {
    config: PagerDutyMcpConfig;
    secrets: PagerDutyMcpSecrets;
    body: CreatePagerDutyMcpConnectorBody;
    storedConfig: StoredPagerDutyMcpConfig;
    storedSecrets: StoredPagerDutyMcpSecrets;
    normalized: NormalizedPagerDutyMcpConnectorBody;
    connector: PagerDutyMcpConnector;
  };
  ".posthog": {
    config: PostHogConfig;
    secrets: PostHogSecrets;
    body: CreatePostHogConnectorBody;
    storedConfig: StoredPostHogConfig;
    storedSecrets: StoredPostHogSecrets;
    normalized: NormalizedPostHogConnectorBody;
    connector: PostHogConnector;
  };
  ".prometheus_alertmanager": {
    config: PrometheusAlertmanagerConfig;
    secrets: PrometheusAlertmanagerSecrets;
    body: CreatePrometheusAlertmanagerConnectorBody;
    storedConfig: StoredPrometheusAlertmanagerConfig;
    storedSecrets: StoredPrometheusAlertmanagerSecrets;
    normalized: NormalizedPrometheusAlertmanagerConnectorBody;
    connector: PrometheusAlertmanagerConnector;
  };
  ".prometheus": {
    config: PrometheusConfig;
    secrets: PrometheusSecrets;
    body: CreatePrometheusConnectorBody;
    storedConfig: StoredPrometheusConfig;
    storedSecrets: StoredPrometheusSecrets;
    normalized: NormalizedPrometheusConnectorBody;
    connector: PrometheusConnector;
  };
  ".rootly": {
    config: RootlyConfig;
    secrets: RootlySecrets;
    body: CreateRootlyConnectorBody;
    storedConfig: StoredRootlyConfig;
    storedSecrets: StoredRootlySecrets;
    normalized: NormalizedRootlyConnectorBody;
    connector: RootlyConnector;
  };
  ".salesforce": {
    config: SalesforceConfig;
    secrets: SalesforceSecrets;
    body: CreateSalesforceConnectorBody;
    storedConfig: StoredSalesforceConfig;
    storedSecrets: StoredSalesforceSecrets;
    normalized: NormalizedSalesforceConnectorBody;
    connector: SalesforceConnector;
  };
  ".sentry": {
    config: SentryConfig;
    secrets: SentrySecrets;
    body: CreateSentryConnectorBody;
    storedConfig: StoredSentryConfig;
    storedSecrets: StoredSentrySecrets;
    normalized: NormalizedSentryConnectorBody;
    connector: SentryConnector;
  };
  ".sublime_security": {
    config: SublimeSecurityConfig;
    secrets: SublimeSecuritySecrets;
    body: CreateSublimeSecurityConnectorBody;
    storedConfig: StoredSublimeSecurityConfig;
    storedSecrets: StoredSublimeSecuritySecrets;
    normalized: NormalizedSublimeSecurityConnectorBody;
    connector: SublimeSecurityConnector;
  };
  ".tavily_mcp": {
    config: TavilyConfig;
    secrets: TavilySecrets;
    body: CreateTavilyConnectorBody;
    storedConfig: StoredTavilyConfig;
    storedSecrets: StoredTavilySecrets;
    normalized: NormalizedTavilyConnectorBody;
    connector: TavilyConnector;
  };
  ".urlvoid": {
    config: URLVoidConfig;
    secrets: URLVoidSecrets;
    body: CreateURLVoidConnectorBody;
    storedConfig: StoredURLVoidConfig;
    storedSecrets: StoredURLVoidSecrets;
    normalized: NormalizedURLVoidConnectorBody;
    connector: URLVoidConnector;
  };
  ".zoom": {
    config: ZoomConfig;
    secrets: ZoomSecrets;
    body: CreateZoomConnectorBody;
    storedConfig: StoredZoomConfig;
    storedSecrets: StoredZoomSecrets;
    normalized: NormalizedZoomConnectorBody;
    connector: ZoomConnector;
  };
  ".zabbix": {
    config: ZabbixConfig;
    secrets: ZabbixSecrets;
    body: CreateZabbixConnectorBody;
    storedConfig: StoredZabbixConfig;
    storedSecrets: StoredZabbixSecrets;
    normalized: NormalizedZabbixConnectorBody;
    connector: ZabbixConnector;
  };
  ".urlscan_io": {
    config: URLScanIoConfig;
    secrets: URLScanIoSecrets;
    body: CreateURLScanIoConnectorBody;
    storedConfig: StoredURLScanIoConfig;
    storedSecrets: StoredURLScanIoSecrets;
    normalized: NormalizedURLScanIoConnectorBody;
    connector: URLScanIoConnector;
  };
  ".unifi": {
    config: UniFiConfig;
    secrets: UniFiSecrets;
    body: CreateUniFiConnectorBody;
    storedConfig: StoredUniFiConfig;
    storedSecrets: StoredUniFiSecrets;
    normalized: NormalizedUniFiConnectorBody;
    connector: UniFiConnector;
  };
  ".one_drive": {
    config: OneDriveConfig;
    secrets: OneDriveSecrets;
    body: CreateOneDriveConnectorBody;
    storedConfig: StoredOneDriveConfig;
    storedSecrets: StoredOneDriveSecrets;
    normalized: NormalizedOneDriveConnectorBody;
    connector: OneDriveConnector;
  };
  ".aws_lambda": {
    config: AwsLambdaConfig;
    secrets: AwsLambdaSecrets;
    body: CreateAwsLambdaConnectorBody;
    storedConfig: StoredAwsLambdaConfig;
    storedSecrets: StoredAwsLambdaSecrets;
    normalized: NormalizedAwsLambdaConnectorBody;
    connector: AwsLambdaConnector;
  };
  ".amazon_s3": {
    config: AmazonS3Config;
    secrets: AmazonS3Secrets;
    body: CreateAmazonS3ConnectorBody;
    storedConfig: StoredAmazonS3Config;
    storedSecrets: StoredAmazonS3Secrets;
    normalized: NormalizedAmazonS3ConnectorBody;
    connector: AmazonS3Connector;
  };
  ".aws_x_ray": {
    config: AwsXRayConfig;
    secrets: AwsXRaySecrets;
    body: CreateAwsXRayConnectorBody;
    storedConfig: StoredAwsXRayConfig;
    storedSecrets: StoredAwsXRaySecrets;
    normalized: NormalizedAwsXRayConnectorBody;
    connector: AwsXRayConnector;
  };
  ".aws_cloudwatch": {
    config: AwsCloudWatchConfig;
    secrets: AwsCloudWatchSecrets;
    body: CreateAwsCloudWatchConnectorBody;
    storedConfig: StoredAwsCloudWatchConfig;
    storedSecrets: StoredAwsCloudWatchSecrets;
    normalized: NormalizedAwsCloudWatchConnectorBody;
    connector: AwsCloudWatchConnector;
  };
  ".azure-blob": {
    config: AzureBlobStorageConfig;
    secrets: AzureBlobStorageSecrets;
    body: CreateAzureBlobStorageConnectorBody;
    storedConfig: StoredAzureBlobStorageConfig;
    storedSecrets: StoredAzureBlobStorageSecrets;
    normalized: NormalizedAzureBlobStorageConnectorBody;
    connector: AzureBlobStorageConnector;
  };
  ".gcp_cloud_functions": {
    config: GcpCloudFunctionsConfig;
    secrets: GcpCloudFunctionsSecrets;
    body: CreateGcpCloudFunctionsConnectorBody;
    storedConfig: StoredGcpCloudFunctionsConfig;
    storedSecrets: StoredGcpCloudFunctionsSecrets;
    normalized: NormalizedGcpCloudFunctionsConnectorBody;
    connector: GcpCloudFunctionsConnector;
  };
  ".gcp_iam": {
    config: GoogleCloudIamConfig;
    secrets: GoogleCloudIamSecrets;
    body: CreateGoogleCloudIamConnectorBody;
    storedConfig: StoredGoogleCloudIamConfig;
    storedSecrets: StoredGoogleCloudIamSecrets;
    normalized: NormalizedGoogleCloudIamConnectorBody;
    connector: GoogleCloudIamConnector;
  };
  ".gmail": {
    config: GmailConfig;
    secrets: GmailSecrets;
    body: CreateGmailConnectorBody;
    storedConfig: StoredGmailConfig;
    storedSecrets: StoredGmailSecrets;
    normalized: NormalizedGmailConnectorBody;
    connector: GmailConnector;
  };
  ".google_drive": {
    config: GoogleDriveConfig;
    secrets: GoogleDriveSecrets;
    body: CreateGoogleDriveConnectorBody;
    storedConfig: StoredGoogleDriveConfig;
    storedSecrets: StoredGoogleDriveSecrets;
    normalized: NormalizedGoogleDriveConnectorBody;
    connector: GoogleDriveConnector;
  };
  ".google_docs": {
    config: GoogleDocsConfig;
    secrets: GoogleDocsSecrets;
    body: CreateGoogleDocsConnectorBody;
    storedConfig: StoredGoogleDocsConfig;
    storedSecrets: StoredGoogleDocsSecrets;
    normalized: NormalizedGoogleDocsConnectorBody;
    connector: GoogleDocsConnector;
  };
  ".google_calendar": {
    config: GoogleCalendarConfig;
    secrets: GoogleCalendarSecrets;
    body: CreateGoogleCalendarConnectorBody;
    storedConfig: StoredGoogleCalendarConfig;
    storedSecrets: StoredGoogleCalendarSecrets;
    normalized: NormalizedGoogleCalendarConnectorBody;
    connector: GoogleCalendarConnector;
  };
  ".outlook": {
    config: OutlookConfig;
    secrets: OutlookSecrets;
    body: CreateOutlookConnectorBody;
    storedConfig: StoredOutlookConfig;
    storedSecrets: StoredOutlookSecrets;
    normalized: NormalizedOutlookConnectorBody;
    connector: OutlookConnector;
  };
  ".sharepoint-online": {
    config: SharePointOnlineConfig;
    secrets: SharePointOnlineSecrets;
    body: CreateSharePointOnlineConnectorBody;
    storedConfig: StoredSharePointOnlineConfig;
    storedSecrets: StoredSharePointOnlineSecrets;
    normalized: NormalizedSharePointOnlineConnectorBody;
    connector: SharePointOnlineConnector;
  };
  ".microsoft-teams": {
    config: MicrosoftTeamsV2Config;
    secrets: MicrosoftTeamsV2Secrets;
    body: CreateMicrosoftTeamsV2ConnectorBody;
    storedConfig: StoredMicrosoftTeamsV2Config;
    storedSecrets: StoredMicrosoftTeamsV2Secrets;
    normalized: NormalizedMicrosoftTeamsV2ConnectorBody;
    connector: MicrosoftTeamsV2Connector;
  };
  ".slack2": {
    config: SlackV2Config;
    secrets: SlackV2Secrets;
    body: CreateSlackV2ConnectorBody;
    storedConfig: StoredSlackV2Config;
    storedSecrets: StoredSlackV2Secrets;
    normalized: NormalizedSlackV2ConnectorBody;
    connector: SlackV2Connector;
  };
  ".jira-cloud": {
    config: JiraCloudConfig;
    secrets: JiraCloudSecrets;
    body: CreateJiraCloudConnectorBody;
    storedConfig: StoredJiraCloudConfig;
    storedSecrets: StoredJiraCloudSecrets;
    normalized: NormalizedJiraCloudConnectorBody;
    connector: JiraCloudConnector;
  };
  ".bigquery": {
    config: BigQueryConfig;
    secrets: BigQuerySecrets;
    body: CreateBigQueryConnectorBody;
    storedConfig: StoredBigQueryConfig;
    storedSecrets: StoredBigQuerySecrets;
    normalized: NormalizedBigQueryConnectorBody;
    connector: BigQueryConnector;
  };
  ".google_cloud_monitoring": {
    config: GoogleCloudMonitoringConfig;
    secrets: GoogleCloudMonitoringSecrets;
    body: CreateGoogleCloudMonitoringConnectorBody;
    storedConfig: StoredGoogleCloudMonitoringConfig;
    storedSecrets: StoredGoogleCloudMonitoringSecrets;
    normalized: NormalizedGoogleCloudMonitoringConnectorBody;
    connector: GoogleCloudMonitoringConnector;
  };
  ".google_cloud_storage": {
    config: GoogleCloudStorageConfig;
    secrets: GoogleCloudStorageSecrets;
    body: CreateGoogleCloudStorageConnectorBody;
    storedConfig: StoredGoogleCloudStorageConfig;
    storedSecrets: StoredGoogleCloudStorageSecrets;
    normalized: NormalizedGoogleCloudStorageConnectorBody;
    connector: GoogleCloudStorageConnector;
  };
  ".gcp_secret_manager": {
    config: GoogleCloudSecretManagerConfig;
    secrets: GoogleCloudSecretManagerSecrets;
    body: CreateGoogleCloudSecretManagerConnectorBody;
    storedConfig: StoredGoogleCloudSecretManagerConfig;
    storedSecrets: StoredGoogleCloudSecretManagerSecrets;
    normalized: NormalizedGoogleCloudSecretManagerConnectorBody;
    connector: GoogleCloudSecretManagerConnector;
  };
  ".1password": {
    config: OnePasswordConfig;
    secrets: OnePasswordSecrets;
    body: CreateOnePasswordConnectorBody;
    storedConfig: StoredOnePasswordConfig;
    storedSecrets: StoredOnePasswordSecrets;
    normalized: NormalizedOnePasswordConnectorBody;
    connector: OnePasswordConnector;
  };
  ".censys": {
    config: CensysConfig;
    secrets: CensysSecrets;
    body: CreateCensysConnectorBody;
    storedConfig: StoredCensysConfig;
    storedSecrets: StoredCensysSecrets;
    normalized: NormalizedCensysConnectorBody;
    connector: CensysConnector;
  };
  ".trello": {
    config: TrelloConfig;
    secrets: TrelloSecrets;
    body: CreateTrelloConnectorBody;
    storedConfig: StoredTrelloConfig;
    storedSecrets: StoredTrelloSecrets;
    normalized: NormalizedTrelloConnectorBody;
    connector: TrelloConnector;
  };
  ".misp": {
    config: MispConfig;
    secrets: MispSecrets;
    body: CreateMispConnectorBody;
    storedConfig: StoredMispConfig;
    storedSecrets: StoredMispSecrets;
    normalized: NormalizedMispConnectorBody;
    connector: MispConnector;
  };
  ".argocd": {
    config: ArgoCdConfig;
    secrets: ArgoCdSecrets;
    body: CreateArgoCdConnectorBody;
    storedConfig: StoredArgoCdConfig;
    storedSecrets: StoredArgoCdSecrets;
    normalized: NormalizedArgoCdConnectorBody;
    connector: ArgoCdConnector;
  };
  ".kubernetes": {
    config: KubernetesConfig;
    secrets: KubernetesSecrets;
    body: CreateKubernetesConnectorBody;
    storedConfig: StoredKubernetesConfig;
    storedSecrets: StoredKubernetesSecrets;
    normalized: NormalizedKubernetesConnectorBody;
    connector: KubernetesConnector;
  };
  ".new_relic": {
    config: NewRelicConfig;
    secrets: NewRelicSecrets;
    body: CreateNewRelicConnectorBody;
    storedConfig: StoredNewRelicConfig;
    storedSecrets: StoredNewRelicSecrets;
    normalized: NormalizedNewRelicConnectorBody;
    connector: NewRelicConnector;
  };
  ".sharepoint-server": {
    config: SharePointServerConfig;
    secrets: SharePointServerSecrets;
    body: CreateSharePointServerConnectorBody;
    storedConfig: StoredSharePointServerConfig;
    storedSecrets: StoredSharePointServerSecrets;
    normalized: NormalizedSharePointServerConnectorBody;
    connector: SharePointServerConnector;
  };
  ".snowflake": {
    config: SnowflakeConfig;
    secrets: SnowflakeSecrets;
    body: CreateSnowflakeConnectorBody;
    storedConfig: StoredSnowflakeConfig;
    storedSecrets: StoredSnowflakeSecrets;
    normalized: NormalizedSnowflakeConnectorBody;
    connector: SnowflakeConnector;
  };
  ".ansible_controller": {
    config: AnsibleControlServerConfig;
    secrets: AnsibleControlServerSecrets;
    body: CreateAnsibleControlServerConnectorBody;
    storedConfig: StoredAnsibleControlServerConfig;
    storedSecrets: StoredAnsibleControlServerSecrets;
    normalized: NormalizedAnsibleControlServerConnectorBody;
    connector: AnsibleControlServerConnector;
  };
  ".opensearch_aws_opensearch_service": {
    config: OpenSearchAwsOpenSearchServiceConfig;
    secrets: OpenSearchAwsOpenSearchServiceSecrets;
    body: CreateOpenSearchAwsOpenSearchServiceConnectorBody;
    storedConfig: StoredOpenSearchAwsOpenSearchServiceConfig;
    storedSecrets: StoredOpenSearchAwsOpenSearchServiceSecrets;
    normalized: NormalizedOpenSearchAwsOpenSearchServiceConnectorBody;
    connector: OpenSearchAwsOpenSearchServiceConnector;
  };
  ".azure_monitor": {
    config: AzureMonitorConfig;
    secrets: AzureMonitorSecrets;
    body: CreateAzureMonitorConnectorBody;
    storedConfig: StoredAzureMonitorConfig;
    storedSecrets: StoredAzureMonitorSecrets;
    normalized: NormalizedAzureMonitorConnectorBody;
    connector: AzureMonitorConnector;
  };
  ".workday": {
    config: WorkdayConfig;
    secrets: WorkdaySecrets;
    body: CreateWorkdayConnectorBody;
    storedConfig: StoredWorkdayConfig;
    storedSecrets: StoredWorkdaySecrets;
    normalized: NormalizedWorkdayConnectorBody;
    connector: WorkdayConnector;
  };
  ".confluence-cloud": {
    config: ConfluenceCloudConfig;
    secrets: ConfluenceCloudSecrets;
    body: CreateConfluenceCloudConnectorBody;
    storedConfig: StoredConfluenceCloudConfig;
    storedSecrets: StoredConfluenceCloudSecrets;
    normalized: NormalizedConfluenceCloudConnectorBody;
    connector: ConfluenceCloudConnector;
  };
  ".abuseipdb": {
    config: AbuseIPDBConfig;
    secrets: AbuseIPDBSecrets;
    body: CreateAbuseIPDBConnectorBody;
    storedConfig: StoredAbuseIPDBConfig;
    storedSecrets: StoredAbuseIPDBSecrets;
    normalized: NormalizedAbuseIPDBConnectorBody;
    connector: AbuseIPDBConnector;
  };
  ".google_threat_intelligence": {
    config: GoogleThreatIntelligenceConfig;
    secrets: GoogleThreatIntelligenceSecrets;
    body: CreateGoogleThreatIntelligenceConnectorBody;
    storedConfig: StoredGoogleThreatIntelligenceConfig;
    storedSecrets: StoredGoogleThreatIntelligenceSecrets;
    normalized: NormalizedGoogleThreatIntelligenceConnectorBody;
    connector: GoogleThreatIntelligenceConnector;
  };
  ".mongodb": {
    config: MongoDBConfig;
    secrets: MongoDBSecrets;
    body: CreateMongoDBConnectorBody;
    storedConfig: StoredMongoDBConfig;
    storedSecrets: StoredMongoDBSecrets;
    normalized: NormalizedMongoDBConnectorBody;
    connector: MongoDBConnector;
  };
  ".mysql": {
    config: MySQLConfig;
    secrets: MySQLSecrets;
    body: CreateMySQLConnectorBody;
    storedConfig: StoredMySQLConfig;
    storedSecrets: StoredMySQLSecrets;
    normalized: NormalizedMySQLConnectorBody;
    connector: MySQLConnector;
  };
  ".okta": {
    config: OktaConfig;
    secrets: OktaSecrets;
    body: CreateOktaConnectorBody;
    storedConfig: StoredOktaConfig;
    storedSecrets: StoredOktaSecrets;
    normalized: NormalizedOktaConnectorBody;
    connector: OktaConnector;
  };
  ".opsgenie": {
    config: OpsgenieConfig;
    secrets: OpsgenieSecrets;
    body: CreateOpsgenieConnectorBody;
    storedConfig: StoredOpsgenieConfig;
    storedSecrets: StoredOpsgenieSecrets;
    normalized: NormalizedOpsgenieConnectorBody;
    connector: OpsgenieConnector;
  };
  ".jira-service-management": {
    config: JiraServiceManagementConfig;
    secrets: JiraServiceManagementSecrets;
    body: CreateJiraServiceManagementConnectorBody;
    storedConfig: StoredJiraServiceManagementConfig;
    storedSecrets: StoredJiraServiceManagementSecrets;
    normalized: NormalizedJiraServiceManagementConnectorBody;
    connector: JiraServiceManagementConnector;
  };
  ".tines": {
    config: TinesConfig;
    secrets: TinesSecrets;
    body: CreateTinesConnectorBody;
    storedConfig: StoredTinesConfig;
    storedSecrets: StoredTinesSecrets;
    normalized: NormalizedTinesConnectorBody;
    connector: TinesConnector;
  };
  ".gen-ai": {
    config: OpenAIConfig;
    secrets: OpenAISecrets;
    body: CreateOpenAIConnectorBody;
    storedConfig: StoredOpenAIConfig;
    storedSecrets: StoredOpenAISecrets;
    normalized: NormalizedOpenAIConnectorBody;
    connector: OpenAIConnector;
  };
  ".bedrock": {
    config: AmazonBedrockConfig;
    secrets: AmazonBedrockSecrets;
    body: CreateAmazonBedrockConnectorBody;
    storedConfig: StoredAmazonBedrockConfig;
    storedSecrets: StoredAmazonBedrockSecrets;
    normalized: NormalizedAmazonBedrockConnectorBody;
    connector: AmazonBedrockConnector;
  };
  ".gemini": {
    config: GoogleGeminiConfig;
    secrets: GoogleGeminiSecrets;
    body: CreateGoogleGeminiConnectorBody;
    storedConfig: StoredGoogleGeminiConfig;
    storedSecrets: StoredGoogleGeminiSecrets;
    normalized: NormalizedGoogleGeminiConnectorBody;
    connector: GoogleGeminiConnector;
  };
  ".d3security": {
    config: D3SecurityConfig;
    secrets: D3SecuritySecrets;
    body: CreateD3SecurityConnectorBody;
    storedConfig: StoredD3SecurityConfig;
    storedSecrets: StoredD3SecuritySecrets;
    normalized: NormalizedD3SecurityConnectorBody;
    connector: D3SecurityConnector;
  };
  ".resilient": {
    config: IbmResilientConfig;
    secrets: IbmResilientSecrets;
    body: CreateIbmResilientConnectorBody;
    storedConfig: StoredIbmResilientConfig;
    storedSecrets: StoredIbmResilientSecrets;
    normalized: NormalizedIbmResilientConnectorBody;
    connector: IbmResilientConnector;
  };
  ".thehive": {
    config: TheHiveConfig;
    secrets: TheHiveSecrets;
    body: CreateTheHiveConnectorBody;
    storedConfig: StoredTheHiveConfig;
    storedSecrets: StoredTheHiveSecrets;
    normalized: NormalizedTheHiveConnectorBody;
    connector: TheHiveConnector;
  };
  ".xsoar": {
    config: XsoarConfig;
    secrets: XsoarSecrets;
    body: CreateXsoarConnectorBody;
    storedConfig: StoredXsoarConfig;
    storedSecrets: StoredXsoarSecrets;
    normalized: NormalizedXsoarConnectorBody;
    connector: XsoarConnector;
  };
  ".mcp": {
    config: McpConfig;
    secrets: McpSecrets;
    body: CreateMcpConnectorBody;
    storedConfig: StoredMcpConfig;
    storedSecrets: StoredMcpSecrets;
    normalized: NormalizedMcpConnectorBody;
    connector: McpConnector;
  };
  ".sentinelone": {
    config: SentinelOneConfig;
    secrets: SentinelOneSecrets;
    body: CreateSentinelOneConnectorBody;
    storedConfig: StoredSentinelOneConfig;
    storedSecrets: StoredSentinelOneSecrets;
    normalized: NormalizedSentinelOneConnectorBody;
    connector: SentinelOneConnector;
  };
  ".crowdstrike": {
    config: CrowdStrikeConfig;
    secrets: CrowdStrikeSecrets;
    body: CreateCrowdStrikeConnectorBody;
    storedConfig: StoredCrowdStrikeConfig;
    storedSecrets: StoredCrowdStrikeSecrets;
    normalized: NormalizedCrowdStrikeConnectorBody;
    connector: CrowdStrikeConnector;
  };
  ".inference": {
    config: AiConfig;
    secrets: AiSecrets;
    body: CreateAiConnectorBody;
    storedConfig: StoredAiConfig;
    storedSecrets: StoredAiSecrets;
    normalized: NormalizedAiConnectorBody;
    connector: AiConnector;
  };
  ".microsoft_defender_endpoint": {
    config: MicrosoftDefenderForEndpointConfig;
    secrets: MicrosoftDefenderForEndpointSecrets;
    body: CreateMicrosoftDefenderForEndpointConnectorBody;
    storedConfig: StoredMicrosoftDefenderForEndpointConfig;
    storedSecrets: StoredMicrosoftDefenderForEndpointSecrets;
    normalized: NormalizedMicrosoftDefenderForEndpointConnectorBody;
    connector: MicrosoftDefenderForEndpointConnector;
  };
}

/** The body of an update request (`PUT /api/actions/connector/{id}`): no `connector_type_id`, which comes from the options. */
export type UpdateConnectorBody<T extends CreatableConnectorTypeId = CreatableConnectorTypeId> = {
  [K in T]: Omit<ConnectorTypes[K]["body"], "connector_type_id">;
}[T];

/** What `normalize` returns for an update body. */
export type NormalizedUpdateBody<T extends CreatableConnectorTypeId = CreatableConnectorTypeId> = {
  [K in T]: Omit<ConnectorTypes[K]["normalized"], "connector_type_id">;
}[T];

/**
 * A stable, machine-readable name for a kind of problem. Codes are added, never renamed or removed.
 *
 * - `invalid_json`: The body is not JSON text, or JavaScript could not turn it into JSON.
 * - `input_too_large`: The body is nested deeper, or is larger, than the checker reads.
 * - `required`: A required field is missing, or a rule makes it required.
 * - `invalid_type`: A field has the wrong JSON type.
 * - `blank_string`: An empty or white-space-only string: Kibana refuses these anywhere in `config` and `secrets`.
 * - `unknown_key`: A key that the connector type (or the request body) does not define.
 * - `invalid_option`: A value outside the allowed options.
 * - `too_small`: A number, string or list below its lower limit.
 * - `too_big`: A number, string or list above its upper limit.
 * - `invalid_value`: A value of the right type that a Kibana rule refuses.
 * - `invalid_url`: A URL that Kibana cannot parse (refused whatever the allowed hosts are).
 * - `invalid_email`: An email address that cannot be parsed.
 * - `not_allowed`: A field that must not be set together with the others.
 * - `invalid_combination`: A set of fields that matches none of the accepted combinations.
 * - `invalid_id`: A connector id (the path parameter) that breaks Kibana's id rule.
 * - `unknown_connector_type`: A connector type id that Kibana does not register.
 * - `system_action_type`: A system action type: Kibana refuses to create connectors of it.
 * - `server_check`: A warning: a check that only the Kibana server can make (allowed hosts, enabled types, license).
 * - `invalid_options`: The options (not the body) cannot be read, or hold an unknown key or a wrong value: nothing was checked.
 * - `deprecated_type`: A warning: Kibana marks the connector type deprecated (it still creates it).
 */
export type IssueCode =
  | "invalid_json"
  | "input_too_large"
  | "required"
  | "invalid_type"
  | "blank_string"
  | "unknown_key"
  | "invalid_option"
  | "too_small"
  | "too_big"
  | "invalid_value"
  | "invalid_url"
  | "invalid_email"
  | "not_allowed"
  | "invalid_combination"
  | "invalid_id"
  | "unknown_connector_type"
  | "system_action_type"
  | "server_check"
  | "invalid_options"
  | "deprecated_type";

/**
 * A Kibana release this package answers for: a release line (its newest patch), a patch
 * (`"9.3.2"`), or `"main"`. The default is `9.6`.
 */
export type KibanaVersion = KibanaReleaseLine | `${"8.19" | "9.0" | "9.1" | "9.2" | "9.3" | "9.4" | "9.5" | "9.6"}.${number}`;

/** A Kibana release line this package answers for (`kibanaVersions()` lists them). */
export type KibanaReleaseLine = "8.19" | "9.0" | "9.1" | "9.2" | "9.3" | "9.4" | "9.5" | "9.6" | "main";

/** What a connector type is for (the page groups and searches by it). */
export type ConnectorCategory = "ai" | "itsm" | "messaging" | "security" | "observability" | "data" | "productivity" | "developer" | "automation" | "other";

/** One problem in a request body. */
export interface Issue {
  /** The kind of problem. */
  code: IssueCode;
  /** Where it is: an RFC 6901 pointer into the body (`/config/port`, `/secrets/user`); `""` for the whole body. */
  path: string;
  /** What is wrong, for people; Kibana's own wording where Kibana has one. Secret values never appear in it. */
  message: string;
  /** Machine-readable details: expected type, allowed values, limits. */
  params?: { [key: string]: JsonValue };
}

/** The error response Kibana would send. */
export interface KibanaError {
  /** The HTTP status: 400, or 413 for a body over `server.maxPayload`. */
  statusCode: number;
  /** The HTTP reason phrase, e.g. `Bad Request`. */
  error: string;
  /** Kibana's message, word for word (secret values masked). */
  message: string;
}

/** What `validate` says about a body. */
export interface Report {
  /** True when Kibana's own checks would accept the body (warnings aside). */
  valid: boolean;
  /** Every problem found, in the order Kibana's checks meet them. */
  errors: Issue[];
  /** Checks that only the Kibana server can decide (code `server_check`): allowed hosts, enabled types, license. */
  warnings: Issue[];
  /** Kibana's answer when it would refuse the body, else `null`. */
  kibanaError: KibanaError | null;
  /** Present (and `true`) when `errors` or `warnings` stop at their first 1,000 entries. */
  truncated?: true;
  /** The Kibana the answer is for; absent when nothing was checked (unreadable body or options). */
  kibanaVersion?: string;
  /** `exact`, or `approximate` when the answer rests on a fact not pinned for that release. */
  fidelity: "exact" | "approximate";
  /** Why the answer is approximate (absent when exact). */
  approximations?: string[];
}

/** `compareVersions`: a report per release, and what changes from each to the next. */
export interface Comparison {
  reports: Report[];
  /** E.g. `valid on 8.19, refused on 9.6: 400 …`. */
  changes: string[];
}

/** Options for a create body (`POST /api/actions/connector/{id}`), the default. */
export interface CreateOptions {
  /** The `{id}` path parameter, checked with Kibana's id rule when given. */
  id?: string;
  mode?: "create";
  /** The Kibana that answers (the newest release by default). */
  kibanaVersion?: KibanaVersion;
}

/** Options for an update body (`PUT /api/actions/connector/{id}`), whose type comes from here. */
export interface UpdateOptions {
  /** The `{id}` path parameter, checked with Kibana's id rule when given. */
  id?: string;
  mode: "update";
  /** The type of the connector being updated. */
  connectorTypeId: CreatableConnectorTypeId | (string & {});
  /** The Kibana that answers (the newest release by default). */
  kibanaVersion?: KibanaVersion;
}

/** What the body alone does not say. */
export type ValidateOptions = CreateOptions | UpdateOptions;

/** What `normalize` returns: the stored body, or every problem that stops it. */
export type NormalizeResult<Body = NormalizedConnectorBody> =
  | { ok: true; body: Body }
  | { ok: false; errors: Issue[] };

/** A release line, as `kibanaVersions()` lists it. */
export interface KibanaRelease {
  /** What to pass as `kibanaVersion` (a patch may be added: `"9.3.2"`). */
  version: KibanaReleaseLine;
  /** The engine of its config and secrets messages. */
  messageEngine: "config-schema" | "zod-3" | "zod-4";
  /** Whether answers are for it when no version is given. */
  isDefault: boolean;
  /** Why facts of the whole line are not exact, when they are not. */
  caveat?: string;
}

/** One connector type, as `connectorTypes()` lists it. */
export interface ConnectorTypeInfo {
  /** The `connector_type_id`, e.g. `.email`. */
  id: ConnectorTypeId;
  /** Kibana's display name. */
  name: string;
  /** The license level Kibana needs to run it. */
  minimumLicense: License;
  /** Where in Kibana it can be used. */
  supportedFeatureIds: ConnectorFeatureId[];
  /** System action types cannot be created through the API. */
  isSystemActionType: boolean;
  /** What it is for, in one line. */
  description: string;
  /** Its group, for finding it. */
  category: ConnectorCategory;
  /** Words people search for it by that its name and id do not contain. */
  searchWords: string[];
  /** The first release that registers it by default. */
  since: string;
  /** Why that release is not certain, when it is not. */
  sinceApproximate?: string;
  /** Whether the release marks it deprecated (Kibana's `is_deprecated`); the API still creates it. */
  isDeprecated: boolean;
  /** What Kibana recommends instead, when deprecated. */
  deprecation?: string;
}

/**
 * A value whose type the compiler does not know (`unknown` or `any`): accepted, and checked at
 * run time only. A value of a known type must be a `CreateConnectorBody` (or JSON text).
 */
export type Unchecked<B> = unknown extends B ? B : never;

/** A JSON Schema dialect: `2020-12` (the default), `draft-07`, or OpenAPI 3.0's Schema Object. */
export type JsonSchemaDialect = "2020-12" | "draft-07" | "openapi-3.0";

/** `request`: what a client may send (the default); `stored`: what Kibana returns (defaults present, no secrets). */
export type JsonSchemaContract = "request" | "stored" | "update";

/** Options of `jsonSchema`. */
export interface JsonSchemaOptions {
  dialect?: JsonSchemaDialect;
  contract?: JsonSchemaContract;
  /** The release described: only its types, without the fields and options it lacks (the newest release by default). */
  kibanaVersion?: KibanaVersion;
}

/** A JSON Schema (or, for `openapi-3.0`, a Schema Object; the bundle is then an OpenAPI document). */
export interface JsonSchema {
  $schema?: string;
  title?: string;
  description?: string;
  [keyword: string]: any;
}

/**
 * Checks a create-connector request body (`POST /api/actions/connector/{id}`) as Kibana would:
 * every problem at once, and Kibana's own 400 answer when it would refuse the body. Never throws
 * for a bad body.
 *
 * `body` is an object, JSON text, or a value whose type is `unknown` or `any` (checked at run
 * time only). A typed object must be a `CreateConnectorBody` (an `UpdateConnectorBody` with
 * `mode: "update"`), so that the compiler catches mistakes first.
 *
 * @example
 * validate({ name: "my-connector", connector_type_id: ".index", config: { index: "test-index" } }).valid; // true
 */
export function validate<B>(body: Unchecked<B>, options?: ValidateOptions): Report;
export function validate(body: UpdateConnectorBody | string, options: UpdateOptions): Report;
export function validate(body: CreateConnectorBody | string, options?: CreateOptions): Report;

/**
 * The body as Kibana would store it (defaults filled in): `{ ok: true, body }`, or
 * `{ ok: false, errors }` when Kibana would refuse it. Never throws for a bad body.
 *
 * @example
 * normalize({ name: "n", connector_type_id: ".index", config: { index: "i" } });
 * // { ok: true, body: { name: "n", connector_type_id: ".index", config: { index: "i", refresh: false, executionTimeField: null }, secrets: {} } }
 */
export function normalize<B>(body: Unchecked<B>, options: UpdateOptions): NormalizeResult<NormalizedUpdateBody>;
export function normalize<B>(body: Unchecked<B>, options?: CreateOptions): NormalizeResult;
export function normalize(body: UpdateConnectorBody | string, options: UpdateOptions): NormalizeResult<NormalizedUpdateBody>;
export function normalize(body: CreateConnectorBody | string, options?: CreateOptions): NormalizeResult;

/**
 * A JSON Schema. Without a connector type (or with `null`), the bundle: every creatable type's
 * schema, picked by `connector_type_id` (an OpenAPI-style `discriminator` is included: give ajv
 * `discriminator: true`). With a type, that type's schema, or `null` for a type without one
 * (unknown, or a system action type). Throws a `TypeError` for options it does not know, and
 * for the bundle of the `update` contract (an update body does not name its type). In a browser,
 * `await initJsonSchema()` once first (its module is separate, so that a page that only validates
 * never downloads it); in Node it loads itself.
 *
 * @example
 * jsonSchema(".index").properties.config; // the Index connector's config
 * jsonSchema(undefined, { dialect: "draft-07", contract: "stored" }); // every stored connector
 */
export function jsonSchema(connectorTypeId?: null, options?: JsonSchemaOptions & { contract?: Exclude<JsonSchemaContract, "update"> }): JsonSchema;
export function jsonSchema(connectorTypeId: string, options?: JsonSchemaOptions): JsonSchema | null;

/**
 * Every connector type a Kibana release registers (the newest release by default), in Kibana's
 * registration order. Throws a `TypeError` for an unsupported version.
 */
export function connectorTypes(options?: { kibanaVersion?: KibanaVersion }): ConnectorTypeInfo[];

/**
 * An upgrade check: the body as each of 1 to 12 releases answers it, and what changes from each
 * to the next. Throws a `TypeError` for a bad list of versions; any body or options give reports.
 *
 * @example
 * compareVersions(body, ["8.19", "9.6"]).changes; // ["valid on 8.19, refused on 9.6: 400 …"]
 */
export function compareVersions(body: unknown, versions: KibanaVersion[], options?: ValidateOptions): Comparison;

/** Kibana's license levels, lowest first (the order in which a license check compares them). */
export function licenses(): License[];

/**
 * Every Kibana release line this package answers for, oldest first (for a version picker).
 *
 * @example
 * kibanaVersions().find((r) => r.isDefault)?.version; // "9.6"
 */
export function kibanaVersions(): KibanaRelease[];

/** This package's version. */
export function version(): string;
