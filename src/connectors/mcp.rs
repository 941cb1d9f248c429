//! `.mcp`: MCP, which calls the tools of a Model Context Protocol server (sub-action framework).
//!
//! Kibana: `kbn-connector-schemas/mcp/schemas/v1.ts` and
//! `stack_connectors/server/connector_types/mcp/index.ts`. Unlike every other connector type here,
//! Kibana's MCP config and secrets are plain `z.object({...})` without `.strict()`: unknown keys
//! are accepted and silently dropped from what Kibana stores (Zod's default "strip" mode).

use schemars::{Schema, SchemaGenerator};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::connector::url_allow_list_connector;
use crate::model::{strict_object, string_enum};
use crate::zod::NonEmptyString;
use crate::zod::{Reader, Record, Zod};

string_enum! {
    /// How Kibana authenticates to the MCP server (used only when `hasAuth` is true).
    pub enum McpAuthType {
        /// No authentication.
        None = "none",
        /// `Authorization: Bearer <secrets.token>`.
        Bearer = "bearer",
        /// `<apiKeyHeaderName>: <secrets.apiKey>`.
        ApiKey = "apiKey",
        /// Basic authentication with `secrets.user` and `secrets.password`.
        Basic = "basic",
    }
}

strict_object! {
    /// Settings of an MCP connector.
    pub struct McpConfigFields {
        /// The URL of the MCP server endpoint, e.g. `https://mcp.example.com/mcp`. Kibana checks
        /// it against `xpack.actions.allowedHosts`.
        server_url as "serverUrl": String,
        /// Whether the requests are authenticated.
        has_auth as "hasAuth": bool = true,
        /// The authentication method, when `hasAuth` is true.
        auth_type as "authType": Option<McpAuthType>,
        /// The header that carries the API key, for `apiKey` authentication (Kibana uses
        /// `X-API-Key` when it is left out).
        api_key_header_name as "apiKeyHeaderName": Option<NonEmptyString>,
        /// Headers sent with every request (name → value). Use `secrets.secretHeaders` for values
        /// that must stay secret.
        headers: Option<Record<String>>,
    }
}

strict_object! {
    /// Credentials of an MCP connector: fill in the ones the chosen `authType` uses. Kibana does
    /// not check that they match it (a `bearer` connector without `token` sends no
    /// `Authorization` header).
    pub struct McpSecretFields {
        /// The bearer token, for `bearer` authentication.
        token: Option<String>,
        /// The API key, for `apiKey` authentication.
        api_key as "apiKey": Option<String>,
        /// The user name, for `basic` authentication.
        user: Option<String>,
        /// The password, for `basic` authentication.
        password: Option<String>,
        /// Headers whose values are kept secret (for example an API key), sent with every request.
        secret_headers as "secretHeaders": Option<Record<String>>,
    }
}

/// A Zod object in its default "strip" mode: `T`'s fields, read as `T` reads them, and any other
/// key dropped without an issue. Built on a `strict_object!` model, whose reader sees only the
/// keys it defines.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Stripping<T>(pub T);

/// The keys a stripping object keeps.
pub trait Keys {
    /// The keys Kibana defines for the object.
    const KNOWN: &'static [&'static str];
}

impl Keys for McpConfigFields {
    const KNOWN: &'static [&'static str] = Self::KEYS;
}

impl Keys for McpSecretFields {
    const KNOWN: &'static [&'static str] = Self::KEYS;
}

impl<T: Zod + Keys> Zod for Stripping<T> {
    fn read(input: Option<&Value>, reader: &mut Reader) -> Option<Self> {
        let kept = match input {
            Some(Value::Object(map)) => Some(Value::Object(
                map.iter()
                    .filter(|(key, _)| T::KNOWN.contains(&key.as_str()))
                    .map(|(key, value)| (key.clone(), value.clone()))
                    .collect::<Map<String, Value>>(),
            )),
            _ => None,
        };
        T::read(kept.as_ref().or(input), reader).map(Self)
    }

    fn schema(generator: &mut SchemaGenerator) -> Schema {
        let mut schema = T::schema(generator);
        // Other keys are accepted (and not stored), so the schema does not forbid them.
        schema.insert("additionalProperties".to_owned(), Value::Bool(true));
        schema
    }
}

/// Settings of an MCP connector, as Kibana reads them (unknown keys dropped).
pub type McpConfig = Stripping<McpConfigFields>;

/// Credentials of an MCP connector, as Kibana reads them (unknown keys dropped).
pub type McpSecrets = Stripping<McpSecretFields>;

url_allow_list_connector! {
    /// The `.mcp` connector type.
    ///
    /// `urlAllowListValidator('serverUrl')`; the secrets validator is a no-op in Kibana.
    Mcp: McpConfig, McpSecrets, checks ["/config/serverUrl" => 0.server_url]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::zod::prettify;

    fn read<T: Zod + Serialize>(input: &Value) -> (Option<Value>, String) {
        let mut reader = Reader::new();
        let value = T::read(Some(input), &mut reader).and_then(|v| serde_json::to_value(v).ok());
        (value, prettify(&reader.into_issues()))
    }

    #[test]
    fn unknown_keys_are_dropped() {
        let (value, issues) = read::<McpConfig>(&crate::js::json!({
            "serverUrl": "https://mcp.example.com",
            "tools": [],
            "apiKeyHeaderValue": "x",
        }));
        assert_eq!(issues, "");
        assert_eq!(
            value,
            Some(crate::js::json!({ "serverUrl": "https://mcp.example.com", "hasAuth": true }))
        );
    }

    #[test]
    fn known_keys_are_still_checked() {
        let (value, issues) = read::<McpConfig>(&crate::js::json!({
            "authType": "oauth",
            "extra": 1,
        }));
        assert_eq!(value, None);
        assert_eq!(
            issues,
            "✖ Invalid input: expected string, received undefined\n  → at serverUrl\n✖ Invalid option: expected one of \"none\"|\"bearer\"|\"apiKey\"|\"basic\"\n  → at authType"
        );
        let (_, issues) = read::<McpSecrets>(&crate::js::json!(null));
        assert_eq!(issues, "✖ Invalid input: expected object, received null");
    }
}
