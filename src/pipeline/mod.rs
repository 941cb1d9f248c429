//! The check of one request body, in Kibana's order: the route's own checks ([`envelope`]), then
//! the connector type's steps ([`validate`]).

pub mod envelope;
pub mod validate;
