//! How Kibana (and the Node libraries it relies on) read URLs, email addresses and email
//! services: plain functions, no connector type in sight.

pub mod email_address;
pub mod email_services;
pub mod urls;
