//! The check of one request body, in Kibana's order: the route's own checks ([`envelope`]), the
//! actions client's (`actions_client`), then the connector type's steps, all recorded in the
//! findings (`findings`) that become the report in the words of the user's Kibana release
//! ([`eras`]); [`validate`] runs them with the caller's
//! [`options`], and `normalize` builds the body Kibana stores.

mod actions_client;
pub mod envelope;
pub mod eras;
mod findings;
mod normalize;
pub mod options;
pub mod report_text;
pub mod validate;
