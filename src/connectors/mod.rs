//! One module per connector type, named after its id (`.cases-webhook` → `cases_webhook`).

pub mod auth;
pub mod cases_webhook;
pub mod d3security;
pub mod email;
pub mod index;
pub mod jira;
pub mod opsgenie;
pub mod pagerduty;
pub mod resilient;
pub mod server_log;
pub mod servicenow;
pub mod slack;
pub mod slack_api;
pub mod swimlane;
pub mod teams;
pub mod thehive;
pub mod tines;
pub mod torq;
pub mod webhook;
pub mod xmatters;
