//! `.gemini`: Google Gemini, which calls Gemini models on Google Vertex AI.
//!
//! Kibana: `kbn-connector-schemas/gemini/schemas/v1.ts` (config and secrets) and
//! `stack_connectors/server/connector_types/gemini/{index,validators}.ts` (the validators).

use schemars::{Schema, SchemaGenerator};
use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::connector::{Connector, Rules, Versioned};
use crate::connectors::gen_ai::check_api_url;
use crate::model::strict_object;
use crate::report::IssueCode;
use crate::versions::{Release, Since};
use crate::zod::CoercedNumber;
use crate::zod::{Reader, Zod};

/// The model used when a request names none.
pub const DEFAULT_MODEL: &str = "gemini-2.5-pro";

strict_object! {
    /// Settings of a Google Gemini connector.
    pub struct GeminiConfig {
        /// The Vertex AI endpoint, e.g. `https://us-central1-aiplatform.googleapis.com`. It must
        /// be an http(s) URL whose host is in Kibana's `xpack.actions.allowedHosts`.
        api_url as "apiUrl": String,
        /// The model used when a request names none.
        default_model as "defaultModel": String = DEFAULT_MODEL,
        /// The Google Cloud region of the model, e.g. `us-central1`.
        gcp_region as "gcpRegion": String,
        /// The Google Cloud project id.
        gcp_project_id as "gcpProjectID": String,
        /// The model's context window, in tokens.
        context_window_length as "contextWindowLength": Option<CoercedNumber>,
        /// The sampling temperature used when a request sets none.
        temperature: Option<CoercedNumber>,
    }
}

/// A string that holds JSON text (`z.string()`; Kibana's secrets validator parses it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonText(pub String);

impl Zod for JsonText {
    fn read(input: Option<&Value>, reader: &mut Reader) -> Option<Self> {
        String::read(input, reader).map(Self)
    }

    fn schema(generator: &mut SchemaGenerator) -> Schema {
        let mut schema = String::schema(generator);
        schema.insert(
            "contentMediaType".to_owned(),
            Value::from("application/json"),
        );
        schema
    }
}

impl Serialize for JsonText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

strict_object! {
    /// Credentials of a Google Gemini connector.
    pub struct GeminiSecrets {
        /// The key file of a Google Cloud service account, as JSON text (its `type` must be
        /// `service_account`).
        credentials_json as "credentialsJson": JsonText,
    }
}

/// The `.gemini` connector type.
pub struct Gemini;

/// The prefix of every message of Kibana's secrets validator.
const SECRETS_PREFIX: &str = "Error configuring Google Gemini secrets: ";

/// Credential types that Google's auth library defines. They are public names, so Kibana's
/// message may show them; any other `type` value comes from the secret and is masked.
const KNOWN_CREDENTIAL_TYPES: &[&str] = &[
    "service_account",
    "authorized_user",
    "external_account",
    "external_account_authorized_user",
    "impersonated_service_account",
    "gdch_service_account",
];

impl Connector for Gemini {
    type Config = GeminiConfig;
    type Secrets = GeminiSecrets;

    /// `contextWindowLength` 9.2.0 (PR #228371), `temperature` 9.3.0 (PR #239806).
    const VERSIONED: &'static [Versioned] = &[
        Versioned::config("contextWindowLength", Since::exact(Release::V9_2)),
        Versioned::config("temperature", Since::exact(Release::V9_3)),
    ];

    /// Kibana's `configValidator`: the URL checks.
    fn check_config(config: &GeminiConfig, rules: &mut Rules) {
        check_api_url(
            rules,
            "/config/apiUrl",
            "Error configuring Google Gemini action: ",
            &config.api_url,
        );
    }

    /// Kibana's `validateGeminiSecrets`: JSON text of a service account's key.
    fn check_secrets(secrets: &GeminiSecrets, rules: &mut Rules) {
        const PATH: &str = "/secrets/credentialsJson";
        let text = secrets.credentials_json.0.as_str();
        if text.is_empty() {
            rules.error(
                IssueCode::Required,
                PATH,
                format!(
                    "{SECRETS_PREFIX}Error: Google Service Account credentials JSON is required."
                ),
            );
            return;
        }
        // `JSON.parse`, which keeps a lone surrogate escape (here U+FFFD: only the type is read).
        let Ok(credentials) = crate::js::json_parse_lossy(text).map(|parsed| parsed.value) else {
            rules.error(
                IssueCode::InvalidValue,
                PATH,
                format!("{SECRETS_PREFIX}Error: Invalid JSON format for credentials."),
            );
            return;
        };
        // `credentials.type`: a TypeError on `null`, `undefined` on anything but an object.
        let credential_type = match &credentials {
            Value::Null => {
                rules.error(
                    IssueCode::InvalidValue,
                    PATH,
                    format!(
                        "{SECRETS_PREFIX}TypeError: Cannot read properties of null (reading 'type')"
                    ),
                );
                return;
            }
            Value::Object(map) => map.get("type"),
            _ => None,
        };
        if credential_type.and_then(Value::as_str) == Some("service_account") {
            return;
        }
        // Kibana's i18n prints a missing, `null`, `false` or empty type as nothing.
        let shown = match credential_type {
            None | Some(Value::Null | Value::Bool(false)) => "",
            Some(Value::String(name))
                if name.is_empty() || KNOWN_CREDENTIAL_TYPES.contains(&name.as_str()) =>
            {
                name.as_str()
            }
            Some(_) => "[redacted]",
        };
        rules.error(
            IssueCode::InvalidValue,
            PATH,
            format!(
                "{SECRETS_PREFIX}Error: Invalid credential type. Only \"service_account\" credentials are supported. Type was \"{shown}\"."
            ),
        );
    }
}
