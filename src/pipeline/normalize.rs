//! The body Kibana stores: the request's `name` (and, on create, `connector_type_id`) with the
//! parsed config and secrets.

use serde_json::{Map, Value};

use crate::connector::Stored;
use crate::pipeline::options::Mode;
use crate::zod::field;

/// The body as Kibana stores it.
pub(super) fn normalized_body(body: &Value, mode: Mode, stored: Stored) -> Value {
    let mut out = Map::new();
    let keys: &[&str] = match mode {
        Mode::Create => &["name", "connector_type_id"],
        Mode::Update => &["name"],
    };
    for key in keys {
        if let Some(value) = body.as_object().and_then(|map| field(map, key)) {
            out.insert((*key).to_owned(), value.clone());
        }
    }
    out.insert("config".to_owned(), stored.config);
    out.insert("secrets".to_owned(), stored.secrets);
    Value::Object(out)
}
