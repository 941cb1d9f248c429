//! Kibana's "spec" connector types (`@kbn/connector-specs`): one generic implementation of the
//! machinery that turns a single-file connector spec into a connector type, driven by the data
//! in [`declarations`].
//!
//! Kibana: `actions/server/lib/single_file_connectors/{create_connector_from_spec,
//! generate_config_schema, generate_secrets_schema, allowed_hosts_validation}.ts` and
//! `kbn-connector-specs/src/lib/{generate_secrets_schema_from_spec, get_schema_for_auth_type}.ts`
//! with the auth types of `kbn-connector-specs/src/auth_types/`.
//!
//! * config = the spec's `z.object` (its own strictness: a plain `z.object` drops unknown keys,
//!   `.strict()` refuses them) extended with `authType: z.string().optional()` and
//!   `selectedActions: z.array(z.string().max(256)).max(500).nullish()`; its custom validator
//!   checks the fields whose meta says `validate: { allowedHosts: true }` against
//!   `xpack.actions.allowedHosts`, then refuses `selectedActions: []`.
//! * secrets = `z.discriminatedUnion('authType', …)` with one plain `z.object` per auth type of
//!   the spec (the spec's `defaults` become `.default(…)`s; `api_key_header` with `defaults`
//!   becomes one key named after the header), each extended with `authType: z.literal(id)`;
//!   `z.object({})` when the spec has no auth types. Its custom validator refuses `ears`
//!   (`xpack.actions.auth.ears.enabled` defaults to false), then checks the auth fields marked
//!   `allowedHosts` (the OAuth client-credentials token URL, unless the spec defaults it: a
//!   defaulted field is a `ZodDefault` without the marking). `pfx_certificate` is in the union
//!   only while `xpack.actions.webhook.ssl.pfx.enabled` (default true): a `server_check` warning.
//! * Config fields may carry `.regex(pattern, message?)` or `.uuid({ message? })` ([`Pattern`]),
//!   a `.trim()` ([`Field::trim`]: the checks see, and Kibana stores, the trimmed text) and a
//!   `.transform()` ([`Transform`]) whose result Kibana stores; number fields may carry `.int()`
//!   and numeric `.min()` / `.max()` ([`Field::int`], [`Field::at_least`], [`Field::at_most`]).
//! * Only fields marked `validate: { allowedHosts: true }` are checked against the allowlist
//!   (`allowed_hosts_validation.ts`'s `getAllowedHostsKeysFromShape`, used by
//!   `generate_config_schema.ts` on main); the `validate_allowed_hosts.ts` walker that checked
//!   every `format: uri` field unless opted out belongs to an earlier generator without
//!   `selectedActions` and is not what main runs.
//!
//! The parts: `dsl` (the language of the declarations: fields, auth types, [`spec_types!`]),
//! [`declarations`] (the specs themselves), `auth` (the secrets of each auth type), `reader` and
//! `json_schema` (a spec's config and secrets, read and described), `rules` (the custom
//! validators); this module ties them into a [`Connector`].

mod auth;
pub mod declarations;
mod dsl;
mod json_schema;
mod reader;
mod rules;

use std::marker::PhantomData;

use schemars::{Schema, SchemaGenerator};
use serde::{Serialize, Serializer};
use serde_json::Value;

pub(crate) use dsl::spec_types;
pub use dsl::{AuthType, Fallback, Field, Kind, Spec, SpecDef, Unknown};

use crate::connector::{Connector, ConnectorType, Rules};
use crate::zod::{Reader, Zod};
use json_schema::{config_schema, secrets_schema};
use reader::{ParsedFields, read_config, read_secrets};
use rules::{check_config, check_secrets, require_auth_type, with_secrets_auth_type};

/// The config of a spec connector, as Kibana stores it (keys in the schema's order).
#[derive(Debug, Clone, PartialEq)]
pub struct SpecConfig<S> {
    /// The parsed values.
    pub values: ParsedFields,
    spec: PhantomData<S>,
}

impl<S: Spec> Zod for SpecConfig<S> {
    fn read(input: Option<&Value>, reader: &mut Reader) -> Option<Self> {
        read_config(&S::DEF, input, reader).map(|values| Self {
            values,
            spec: PhantomData,
        })
    }

    fn schema(generator: &mut SchemaGenerator) -> Schema {
        config_schema(&S::DEF, generator)
    }
}

impl<S> Serialize for SpecConfig<S> {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        self.values.serialize(serializer)
    }
}

/// The secrets of a spec connector, as Kibana stores them.
#[derive(Debug, Clone, PartialEq)]
pub struct SpecSecrets<S> {
    /// The parsed values (`authType` last).
    pub values: ParsedFields,
    /// The auth type the secrets chose, when the spec has auth types.
    pub auth: Option<AuthType>,
    spec: PhantomData<S>,
}

impl<S: Spec> Zod for SpecSecrets<S> {
    fn read(input: Option<&Value>, reader: &mut Reader) -> Option<Self> {
        read_secrets(&S::DEF, input, reader).map(|(values, auth)| Self {
            values,
            auth,
            spec: PhantomData,
        })
    }

    fn schema(_: &mut SchemaGenerator) -> Schema {
        secrets_schema(&S::DEF)
    }
}

impl<S> Serialize for SpecSecrets<S> {
    fn serialize<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        self.values.serialize(serializer)
    }
}

/// The registry row of a spec connector type.
pub const fn connector_type<S: Spec>() -> ConnectorType {
    ConnectorType::of::<SpecConnector<S>>(S::DEF.id, S::DEF.name, S::DEF.license, S::DEF.features)
        .about(crate::catalog::Category::Other, S::DEF.description, &[])
}

/// A spec connector type.
pub struct SpecConnector<S>(PhantomData<S>);

impl<S: Spec> Connector for SpecConnector<S> {
    type Config = SpecConfig<S>;
    type Secrets = SpecSecrets<S>;

    /// `generateConfigSchema`'s custom validator: the allowed-hosts fields, then
    /// `selectedActions`.
    fn check_config(config: &SpecConfig<S>, rules: &mut Rules) {
        check_config(&S::DEF, &config.values, rules);
    }

    /// `generateSecretsSchema`'s custom validator: the chosen auth type's allowed-hosts fields.
    /// The URL is a secret, so `[redacted]` stands where Kibana's message quotes it.
    ///
    /// `ears` is refused with Kibana's message (`xpack.actions.auth.ears.enabled` defaults to false);
    /// `pfx_certificate` is accepted only while `xpack.actions.webhook.ssl.pfx.enabled` (default
    /// true) is on, which only the server knows.
    fn check_secrets(secrets: &SpecSecrets<S>, rules: &mut Rules) {
        check_secrets(secrets.auth, &secrets.values, rules);
    }

    /// `ensureConfigAuthType`, which the actions client applies to spec connector types before
    /// saving: the secrets' `authType` is copied into the config (it is encrypted in the secrets,
    /// plain in the config), replacing a different one in place or added last.
    fn stored_config(config: Value, secrets: &Value) -> Value {
        with_secrets_auth_type(config, secrets)
    }

    /// The stored config has `authType` when the spec has auth types.
    fn stored_config_schema(schema: &mut Value) {
        if !S::DEF.auth.is_empty() {
            require_auth_type(schema);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{AuthKind, License};
    use rules::EARS_DISABLED;
    use serde_json::json;

    /// A spec offering the auth types no declared spec uses yet.
    struct Certs;

    fn digits(text: &str) -> bool {
        text.chars().all(|c| c.is_ascii_digit())
    }

    impl Spec for Certs {
        const DEF: SpecDef = SpecDef {
            id: ".test-certs",
            name: "Test",
            license: License::Gold,
            features: &[],
            description: "Test.",
            config: &[Field::optional("port", Kind::Text, "A port.").regex("^\\d*$", digits, None)],
            unknown: Unknown::Strip,
            auth: &[
                AuthType::plain(AuthKind::CrtCertificate),
                AuthType::plain(AuthKind::PfxCertificate),
                AuthType::plain(AuthKind::Ears),
            ],
        };
    }

    fn secrets(input: &Value) -> (Option<SpecSecrets<Certs>>, Vec<String>) {
        let mut reader = Reader::new();
        let parsed = SpecSecrets::<Certs>::read(Some(input), &mut reader);
        let messages = reader
            .into_issues()
            .into_iter()
            .map(|i| i.message)
            .collect();
        (parsed, messages)
    }

    fn rules(parsed: &SpecSecrets<Certs>) -> Rules {
        let mut rules = Rules::default();
        SpecConnector::<Certs>::check_secrets(parsed, &mut rules);
        rules
    }

    #[test]
    fn ears_is_refused_while_disabled() {
        let (parsed, issues) = secrets(&json!({ "authType": "ears", "provider": "google" }));
        assert!(issues.is_empty(), "{issues:?}");
        let found = parsed.map(|p| rules(&p));
        let messages: Vec<String> = found
            .iter()
            .flat_map(|r| r.errors.iter().map(|e| e.message.clone()))
            .collect();
        assert_eq!(messages, vec![EARS_DISABLED.to_owned()]);
    }

    #[test]
    fn ears_provider_is_an_enum() {
        let (parsed, issues) = secrets(&json!({ "authType": "ears", "provider": "github" }));
        assert!(parsed.is_none());
        assert_eq!(
            issues,
            vec!["Invalid option: expected one of \"google\"|\"microsoft\"|\"slack\"".to_owned()]
        );
    }

    #[test]
    fn pfx_is_a_server_check_and_crt_is_accepted() {
        let (pfx, issues) = secrets(&json!({ "authType": "pfx_certificate", "pfx": "AAAA" }));
        assert!(issues.is_empty(), "{issues:?}");
        let found = pfx.map(|p| rules(&p));
        assert!(found.as_ref().is_some_and(|r| r.errors.is_empty()));
        assert_eq!(found.map(|r| r.warnings.len()), Some(1));
        let (crt, issues) = secrets(
            &json!({ "authType": "crt_certificate", "crt": "A", "key": "B", "verificationMode": "full" }),
        );
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(
            crt.map(|c| c.values.to_map()),
            json!({ "crt": "A", "key": "B", "verificationMode": "full", "authType": "crt_certificate" })
                .as_object()
                .cloned()
        );
    }

    #[test]
    fn crt_needs_its_key() {
        let (parsed, issues) = secrets(&json!({ "authType": "crt_certificate", "crt": "A" }));
        assert!(parsed.is_none());
        assert_eq!(
            issues,
            vec!["Invalid input: expected string, received undefined".to_owned()]
        );
    }

    #[test]
    fn regex_default_message() {
        let mut reader = Reader::new();
        let parsed = SpecConfig::<Certs>::read(Some(&json!({ "port": "80a" })), &mut reader);
        assert!(parsed.is_none());
        let messages: Vec<String> = reader
            .into_issues()
            .into_iter()
            .map(|i| i.message)
            .collect();
        assert_eq!(
            messages,
            vec!["Invalid string: must match pattern /^\\d*$/".to_owned()]
        );
    }
}
