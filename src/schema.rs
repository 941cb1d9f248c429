//! JSON Schemas of request bodies, derived from the connector models.

use schemars::generate::SchemaSettings;
use serde_json::{Value, json};

use crate::registry;

/// The JSON Schema (2020-12) of a create-connector request body for one connector type, or
/// `None` for a type that has no model (unknown or system action types).
pub fn json_schema(connector_type_id: &str) -> Option<Value> {
    let connector_type = registry::find(connector_type_id)?;
    let mut generator = SchemaSettings::draft2020_12().into_generator();
    let (config, secrets) = connector_type.schemas(&mut generator)?;
    let mut secrets = secrets.to_value();
    mark_write_only(&mut secrets);
    Some(json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": format!("Create a {} connector", connector_type.name),
        "type": "object",
        "properties": {
            "name": { "type": "string", "pattern": "\\S", "description": "The display name for the connector." },
            "connector_type_id": { "const": connector_type.id, "description": "The type of connector." },
            "config": config.to_value(),
            "secrets": secrets,
        },
        "required": ["name", "connector_type_id"],
        "additionalProperties": false,
    }))
}

/// Marks every property of a secrets object `writeOnly`: Kibana never returns secrets.
fn mark_write_only(schema: &mut Value) {
    if let Some(Value::Object(properties)) = schema.get_mut("properties") {
        for property in properties.values_mut() {
            if let Value::Object(map) = property {
                map.insert("writeOnly".to_owned(), Value::Bool(true));
            }
        }
    }
}
