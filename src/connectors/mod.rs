//! One module per connector type, named after its id (`.cases-webhook` → `cases_webhook`), each
//! registered by its row in `registry::CONNECTOR_TYPES`. `auth` is Kibana's shared webhook
//! authentication schema; `spec` is Kibana's machinery for spec-based ("single file") connector
//! types, with their declarations.

pub mod auth;
pub mod bedrock;
pub mod cases_webhook;
pub mod crowdstrike;
pub mod d3security;
pub mod email;
pub mod gemini;
pub mod gen_ai;
pub mod http;
pub mod index;
pub mod inference;
pub mod jira;
pub mod jira_service_management;
pub mod mcp;
pub mod microsoft_defender_endpoint;
pub mod opsgenie;
pub mod pagerduty;
pub mod resilient;
pub mod sentinelone;
pub mod server_log;
pub mod servicenow;
pub mod slack;
pub mod slack_api;
pub mod spec;
pub mod swimlane;
pub mod teams;
pub mod thehive;
pub mod tines;
pub mod torq;
pub mod webhook;
pub mod xmatters;
pub mod xsoar;
