//! `.inference`: AI Connector, which calls an Elasticsearch inference endpoint that Kibana
//! creates for it.
//!
//! Kibana: `kbn-connector-schemas/inference/{constants,schemas/v1}.ts` (config and secrets) and
//! `stack_connectors/server/connector_types/inference/index.ts` (the config validator and the
//! pre-save hook that creates the endpoint).

use schemars::{Schema, SchemaGenerator, json_schema};
use serde::{Serialize, Serializer};
use serde_json::{Map, Value};

use crate::connector::{Connector, Rules, Versioned};
use crate::js::js_key_order;
use crate::model::strict_object;
use crate::report::IssueCode;
use crate::versions::{Release, Since};
use crate::zod::CoercedNumber;
use crate::zod::{Reader, Record, Zod};

/// The keys of Kibana's `ServiceProviderKeys`: the services an endpoint can use.
pub const PROVIDERS: &[&str] = &[
    "amazonbedrock",
    "azureopenai",
    "azureaistudio",
    "cohere",
    "elasticsearch",
    "googleaistudio",
    "googlevertexai",
    "hugging_face",
    "mistral",
    "openai",
    "anthropic",
    "watsonxai",
    "alibabacloud-ai-search",
    "elastic",
];

/// The keys of Kibana's `SUB_ACTION`: a task type is accepted when its upper-case form is one
/// of them (or when it is `chat_completion`).
const SUB_ACTION_KEYS: &[&str] = &[
    "UNIFIED_COMPLETION_ASYNC_ITERATOR",
    "UNIFIED_COMPLETION_STREAM",
    "UNIFIED_COMPLETION",
    "COMPLETION",
    "RERANK",
    "TEXT_EMBEDDING",
    "SPARSE_EMBEDDING",
    "COMPLETION_STREAM",
];

/// A `z.object({}).passthrough()`: any JSON object, kept as it is (keys in JavaScript's order).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PassthroughObject(pub Map<String, Value>);

impl From<Map<String, Value>> for PassthroughObject {
    fn from(map: Map<String, Value>) -> Self {
        Self(map)
    }
}

impl Zod for PassthroughObject {
    fn read(input: Option<&Value>, reader: &mut Reader) -> Option<Self> {
        reader.object(input).map(|map| Self(map.clone()))
    }

    fn schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "object", "additionalProperties": {} })
    }
}

impl Serialize for PassthroughObject {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(
            js_key_order(&self.0)
                .into_iter()
                .filter_map(|key| self.0.get(key).map(|value| (key, value))),
        )
    }
}

strict_object! {
    /// Settings of an AI Connector.
    pub struct InferenceConfig {
        /// The service the inference endpoint uses, e.g. `openai`, `elastic`, `amazonbedrock`.
        provider: String,
        /// The task of the endpoint: `chat_completion`, `completion`, `rerank`,
        /// `text_embedding` or `sparse_embedding` (any letter case).
        task_type as "taskType": String,
        /// The id of the Elasticsearch inference endpoint that Kibana creates for the connector.
        inference_id as "inferenceId": String,
        /// The endpoint's service settings (`service_settings`), e.g. `{"model_id": "gpt-4o"}`.
        provider_config as "providerConfig": PassthroughObject = Map::new(),
        /// The endpoint's task settings (`task_settings`).
        task_type_config as "taskTypeConfig": PassthroughObject = Map::new(),
        /// The model's context window, in tokens.
        context_window_length as "contextWindowLength": Option<CoercedNumber>,
        /// HTTP headers the endpoint sends to the service (name → value).
        headers: Option<Record<String>>,
        /// The sampling temperature used when a request sets none.
        temperature: Option<CoercedNumber>,
    }
}

strict_object! {
    /// Credentials of an AI Connector.
    pub struct InferenceSecrets {
        /// The service's secret settings, merged into the endpoint's `service_settings`, e.g.
        /// `{"api_key": "..."}`.
        provider_secrets as "providerSecrets": PassthroughObject = Map::new(),
    }
}

/// The `.inference` connector type.
pub struct Inference;

const PREFIX: &str = "Error configuring Inference API action: Error: ";

impl Connector for Inference {
    type Config = InferenceConfig;
    type Secrets = InferenceSecrets;

    /// `headers` 9.3.0 (PR #238710), `temperature` 9.3.0 (PR #239806); `contextWindowLength`
    /// is taken to come with the other AI connectors' (9.2, PR #228371).
    const VERSIONED: &'static [Versioned] = &[
        Versioned::config(
            "contextWindowLength",
            Since::approximate(
                Release::V9_2,
                "contextWindowLength of the AI connector is dated by the other AI connectors' (PR #228371)",
            ),
        ),
        Versioned::config("headers", Since::exact(Release::V9_3)),
        Versioned::config("temperature", Since::exact(Release::V9_3)),
    ];

    /// The config validator's values: `provider` one of [`PROVIDERS`]; `taskType`
    /// `chat_completion`, or a string whose upper case (JavaScript's `toUpperCase`) is a
    /// sub-action key.
    fn schema_rules() -> Vec<Value> {
        use crate::model::rules::{always, config, upper_case_pattern};
        use serde_json::json;
        let task_types = format!(
            "^(?:chat_completion|{})$",
            upper_case_pattern(SUB_ACTION_KEYS)
        );
        vec![always(config(json!({
            "properties": {
                "provider": { "type": "string", "enum": PROVIDERS },
                "taskType": { "type": "string", "pattern": task_types },
            }
        })))]
    }

    /// Kibana's `configValidator`: a known provider and a task type the connector can run.
    fn check_config(config: &InferenceConfig, rules: &mut Rules) {
        // `provider && provider.length ? `: ${provider}` : ``` in both messages.
        let named = |value: &str| {
            if value.is_empty() {
                String::new()
            } else {
                format!(": {value}")
            }
        };
        if !PROVIDERS.contains(&config.provider.as_str()) {
            rules.error(
                IssueCode::InvalidOption,
                "/config/provider",
                format!(
                    "{PREFIX}API Provider is not supported{} by Inference Endpoint.",
                    named(&config.provider)
                ),
            );
        }
        let task_type = config.task_type.as_str();
        // JavaScript's `toUpperCase` (full Unicode mapping, `ß` → `SS`), compared with ASCII keys.
        if task_type != "chat_completion"
            && !crate::model::rules::ascii_upper_case(task_type)
                .is_some_and(|upper| SUB_ACTION_KEYS.contains(&upper.as_str()))
        {
            rules.error(
                IssueCode::InvalidOption,
                "/config/taskType",
                format!(
                    "{PREFIX}Task type is not supported{} by Inference Endpoint.",
                    named(task_type)
                ),
            );
        }
        if rules.is_clean() {
            rules.server_check(
                "/config/inferenceId",
                format!(
                    "Kibana creates the Elasticsearch inference endpoint \"{}\" (task type \"{task_type}\") when it saves this connector, and refuses the connector if that endpoint already exists or Elasticsearch rejects its settings",
                    config.inference_id
                ),
                crate::js::json!({
                    "check": "inferenceEndpoint",
                    "inferenceId": config.inference_id,
                    "taskType": task_type,
                }),
            );
        }
    }
}
