//! The check of one request body, in Kibana's order: the route's own checks ([`envelope`]), then
//! the connector type's steps ([`validate`]), answered in the words of the user's Kibana
//! ([`eras`]).

pub mod envelope;
pub mod eras;
pub mod validate;
