//! What a connector type module provides, how its custom rules report problems, and how the
//! pipeline dispatches to it: [`ConnectorType`] is one row of the registry, with the functions
//! that run the type's models.

use schemars::{Schema, SchemaGenerator};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::catalog::{Category, License};
use crate::kibana::urls::{LegacyParseError, legacy_hostname};
use crate::report::{Issue, IssueCode};
use crate::versions::{Holds, KibanaVersion, Since};
use crate::zod::{Reader, Zod, ZodIssue};

/// One connector type's models and Kibana's custom validators for it.
///
/// Kibana validates a connector in this order, stopping at the first failing step:
/// config schema → [`Connector::check_config`] → secrets schema → [`Connector::check_secrets`] →
/// [`Connector::check_connector`]. The schema steps come from the models; the others are written
/// by hand in each module.
pub trait Connector {
    /// The `config` model.
    type Config: Zod + Serialize;
    /// The `secrets` model.
    type Secrets: Zod + Serialize;

    /// The fields and options of the models that older Kibana releases do not have: an older
    /// release refuses them as unknown keys or invalid options.
    const VERSIONED: &'static [Versioned] = &[];

    /// Kibana's config custom validator, run on the parsed config (defaults filled in).
    fn check_config(_config: &Self::Config, _rules: &mut Rules) {}

    /// Kibana's secrets custom validator, run on the parsed secrets.
    fn check_secrets(_secrets: &Self::Secrets, _rules: &mut Rules) {}

    /// Cross-field rules that JSON Schema can express, as subschemas of the whole request body
    /// (`{ "if": …, "then": … }` over `config` and `secrets`); they join the body schema's
    /// `allOf`. Rules it cannot express are listed in the README.
    fn schema_rules() -> Vec<Value> {
        Vec::new()
    }

    /// The config Kibana saves, from the parsed config and secrets (both as JSON): the actions
    /// client's last step before saving. Most types save the parsed config as it is.
    fn stored_config(config: Value, _secrets: &Value) -> Value {
        config
    }

    /// Adjusts the JSON Schema of the stored config to what [`Connector::stored_config`] adds.
    fn stored_config_schema(_schema: &mut Value) {}

    /// Kibana's connector validator, run on the *raw* request `config` and `secrets`.
    fn check_connector(
        _config: &Map<String, Value>,
        _secrets: &Map<String, Value>,
        _rules: &mut Rules,
    ) {
    }
}

/// A top-level `config` or `secrets` key, or one option of it, that exists only since a release.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Versioned {
    /// `config` or `secrets`.
    pub part: Part,
    /// The key.
    pub key: &'static str,
    /// The options of the key's enum added in `since`; empty when the key itself is new.
    pub added: &'static [&'static str],
    /// The options the key had before `since` (for an older release's message).
    pub before: &'static [&'static str],
    /// The first release that has it.
    pub since: Since,
}

impl Versioned {
    /// A `config` key new in `since`.
    pub const fn config(key: &'static str, since: Since) -> Self {
        Self {
            part: Part::Config,
            key,
            added: &[],
            before: &[],
            since,
        }
    }

    /// A `secrets` key new in `since`.
    pub const fn secrets(key: &'static str, since: Since) -> Self {
        Self {
            part: Part::Secrets,
            key,
            added: &[],
            before: &[],
            since,
        }
    }

    /// Options of the `config` key `key` added in `since`; `before` are the options it had.
    pub const fn config_options(
        key: &'static str,
        added: &'static [&'static str],
        before: &'static [&'static str],
        since: Since,
    ) -> Self {
        Self {
            part: Part::Config,
            key,
            added,
            before,
            since,
        }
    }
}

/// Collects what a custom rule finds.
///
/// Kibana's validators throw at the first problem; the rules here record every problem in the
/// same order, so the first one recorded is the one Kibana reports.
#[derive(Debug, Default)]
pub struct Rules {
    /// Kibana's message, as thrown by the validator (no secret values in it), once per field it
    /// concerns.
    pub(crate) errors: Vec<Issue>,
    pub(crate) warnings: Vec<Issue>,
    /// The Kibana the rules are those of.
    pub(crate) version: KibanaVersion,
    /// Why a rule's release is not certain, when one was asked about.
    pub(crate) approximations: Vec<&'static str>,
}

impl Rules {
    /// The rules of `version`'s Kibana.
    pub(crate) fn of(version: KibanaVersion) -> Self {
        Self {
            version,
            ..Self::default()
        }
    }

    /// Whether a rule that exists `since` then is one of this Kibana's (an uncertain answer makes
    /// the report approximate).
    pub fn holds(&mut self, since: &Since) -> bool {
        let (holds, uncertain) = since.holds_in(self.version);
        if let Some(why) = uncertain {
            self.approximations.push(why);
        }
        holds == Holds::Yes
    }

    /// Records a problem concerning the field at `path`.
    pub fn error(&mut self, code: IssueCode, path: &str, message: impl Into<String>) {
        self.error_at(code, &[path], message);
    }

    /// Records one problem concerning several fields (Kibana's `[host]/[port] is required`): an
    /// issue at each field, all with the one message Kibana throws.
    pub fn error_at(&mut self, code: IssueCode, paths: &[&str], message: impl Into<String>) {
        let message = message.into();
        self.errors.extend(
            paths
                .iter()
                .map(|path| Issue::new(code, *path, message.clone())),
        );
    }

    /// Records a check that only the Kibana server can decide (`server_check` warning).
    pub fn server_check(&mut self, path: &str, message: impl Into<String>, params: Value) {
        self.warnings
            .push(Issue::new(IssueCode::ServerCheck, path, message).with_params(params));
    }

    /// True when no error has been recorded.
    pub fn is_clean(&self) -> bool {
        self.errors.is_empty()
    }
}

/// Declares a connector type of Kibana's sub-action framework whose only custom validator is
/// `urlAllowListValidator(key)` on its config's URLs (see [`Rules::url_allow_list`]): the marker
/// type and its [`Connector`] impl.
///
/// ```text
/// url_allow_list_connector! {
///     /// The `.tines` connector type.
///     Tines: TinesConfig, TinesSecrets, checks ["/config/url" => url]
/// }
/// ```
macro_rules! url_allow_list_connector {
    (
        $(#[doc = $doc:literal])*
        $name:ident: $config:ty, $secrets:ty, checks [$($path:literal => $($field:tt).+),+ $(,)?]
    ) => {
        $(#[doc = $doc])*
        pub struct $name;

        impl $crate::connector::Connector for $name {
            type Config = $config;
            type Secrets = $secrets;

            fn check_config(config: &$config, rules: &mut $crate::connector::Rules) {
                $(rules.url_allow_list($path, &config.$($field).+);)+
            }
        }
    };
}

pub(crate) use url_allow_list_connector;

/// The allowed-hosts checks, which only the server can finish: what a browser can know of
/// Kibana's `isUriAllowed` / `isHostnameAllowed` is whether Node's legacy parser throws (an
/// error whatever `xpack.actions.allowedHosts` says) and which host the server will look up (a
/// `server_check` warning).
impl Rules {
    /// Kibana's `isUriAllowed` for `uri`; `message` is Kibana's error text for a refused URL
    /// (built only then).
    pub fn uri_allowed(&mut self, path: &str, uri: &str, message: impl FnOnce() -> String) {
        match legacy_hostname(uri) {
            Err(LegacyParseError) => self.error(IssueCode::InvalidUrl, path, message()),
            Ok(Some(hostname)) if !hostname.is_empty() => self.server_check(
                path,
                [
                    "Kibana accepts this URL only if \"",
                    &hostname,
                    "\" is in xpack.actions.allowedHosts (the default, [\"*\"], allows every host)",
                ]
                .concat(),
                crate::js::json!({ "check": "allowedHosts", "hostname": hostname }),
            ),
            Ok(_) => self.no_host_name(path),
        }
    }

    /// `ensureUriAllowed` with Kibana's usual message, after the validator's `prefix`:
    /// `target url "<url>" is not added to the Kibana config xpack.actions.allowedHosts`.
    pub fn target_url_allowed(&mut self, path: &str, url: &str, prefix: &str) {
        self.uri_allowed(path, url, || {
            [prefix, "target url \"", url, NOT_ADDED].concat()
        });
    }

    /// The sub-action framework's `urlAllowListValidator(key)` (Opsgenie, Tines, D3 Security,
    /// TheHive, IBM Resilient, CrowdStrike, …): `ensureUriAllowed(url)` and nothing else — no
    /// `new URL()`, so a URL without a scheme passes while `xpack.actions.allowedHosts` contains
    /// `*`.
    pub fn url_allow_list(&mut self, path: &str, url: &str) {
        self.target_url_allowed(path, url, "error validating url: ");
    }

    /// [`Rules::target_url_allowed`] for a URL that is a secret (a Slack webhook URL, an xMatters
    /// URL with its API key): neither the URL nor its host name appears in the message or the
    /// params; `[redacted]` stands where Kibana's message quotes the URL.
    pub fn secret_url_allowed(&mut self, path: &str, url: &str, prefix: &str) {
        match legacy_hostname(url) {
            Err(LegacyParseError) => self.error(
                IssueCode::InvalidUrl,
                path,
                [prefix, "target url \"[redacted]", NOT_ADDED].concat(),
            ),
            Ok(Some(hostname)) if !hostname.is_empty() => self.server_check(
                path,
                "Kibana accepts this URL only if its host name is in xpack.actions.allowedHosts (the default, [\"*\"], allows every host); the host name is not repeated here because the URL is a secret",
                crate::js::json!({ "check": "allowedHosts", "hostname": "[redacted]" }),
            ),
            Ok(_) => self.no_host_name(path),
        }
    }

    /// Kibana's `isHostnameAllowed` (an exact string match), for a host name given on its own.
    pub fn hostname_allowed(&mut self, path: &str, hostname: &str) {
        self.server_check(
            path,
            format!("Kibana accepts this host only if \"{hostname}\" is in xpack.actions.allowedHosts (the default, [\"*\"], allows every host)"),
            crate::js::json!({ "check": "allowedHosts", "hostname": hostname }),
        );
    }

    /// A URL in which Node's parser finds no host name.
    fn no_host_name(&mut self, path: &str) {
        self.server_check(
            path,
            "Kibana finds no host name in this URL: it is accepted only while xpack.actions.allowedHosts contains \"*\" (the default)",
            crate::js::json!({ "check": "allowedHosts", "hostname": null }),
        );
    }
}

/// The end of `ensureUriAllowed`'s message, after the quoted URL.
const NOT_ADDED: &str = "\" is not added to the Kibana config xpack.actions.allowedHosts";

/// One connector type Kibana registers.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectorType {
    /// The `connector_type_id`, e.g. `.email`.
    pub id: &'static str,
    /// Kibana's display name.
    pub name: &'static str,
    /// The license level Kibana needs to run it.
    pub minimum_license: License,
    /// Where in Kibana it can be used.
    pub supported_feature_ids: &'static [&'static str],
    /// System action types cannot be created through the API.
    pub is_system_action_type: bool,
    /// What it is for, in one line.
    pub description: &'static str,
    /// Its group, for finding it.
    pub category: Category,
    /// Words people search for it by that its name and id do not contain.
    pub search_words: &'static [&'static str],
    /// The first Kibana release that registers it by default.
    #[serde(skip)]
    pub since: Since,
    /// Its fields and options that not every release has ([`Connector::VERSIONED`]).
    #[serde(skip)]
    pub versioned: &'static [Versioned],
    /// The first release that no longer registers it (a renamed type), if any.
    #[serde(skip)]
    pub until: Option<Since>,
    /// Since when Kibana marks it deprecated, and what Kibana recommends instead.
    #[serde(skip)]
    pub deprecation: Option<(Since, &'static str)>,
    #[serde(skip)]
    pub(crate) model: Option<Model>,
}

impl ConnectorType {
    /// A connector type with its models.
    pub(crate) const fn of<C: Connector>(
        id: &'static str,
        name: &'static str,
        minimum_license: License,
        supported_feature_ids: &'static [&'static str],
    ) -> Self {
        Self {
            id,
            name,
            minimum_license,
            supported_feature_ids,
            is_system_action_type: false,
            description: "",
            category: Category::Other,
            search_words: &[],
            since: Since::ALWAYS,
            until: None,
            versioned: C::VERSIONED,
            deprecation: None,
            model: Some(Model {
                check: check::<C>,
                #[cfg(feature = "json-schema")]
                schemas: schemas::<C>,
                #[cfg(feature = "json-schema")]
                schema_rules: C::schema_rules,
                #[cfg(feature = "json-schema")]
                stored_config_schema: C::stored_config_schema,
            }),
        }
    }

    /// A system action type: known by name, never creatable.
    pub(crate) const fn system(
        id: &'static str,
        name: &'static str,
        minimum_license: License,
        supported_feature_ids: &'static [&'static str],
    ) -> Self {
        Self {
            id,
            name,
            minimum_license,
            supported_feature_ids,
            is_system_action_type: true,
            description: "",
            category: Category::Other,
            search_words: &[],
            since: Since::ALWAYS,
            until: None,
            versioned: &[],
            deprecation: None,
            model: None,
        }
    }

    /// True when `version` registers the type by default (its `since` holds, its `until` not).
    pub(crate) fn registered_in(&self, version: KibanaVersion) -> bool {
        self.since.holds_in(version).0 == Holds::Yes
            && !self
                .until
                .is_some_and(|until| until.holds_in(version).0 == Holds::Yes)
    }

    /// The same type with its description, category and search words.
    #[must_use]
    pub(crate) const fn about(
        self,
        category: Category,
        description: &'static str,
        search_words: &'static [&'static str],
    ) -> Self {
        Self {
            description,
            category,
            search_words,
            ..self
        }
    }

    /// The same type with its category and search words (a spec type's description is its spec's).
    #[must_use]
    pub(crate) const fn found_by(
        self,
        category: Category,
        search_words: &'static [&'static str],
    ) -> Self {
        Self {
            category,
            search_words,
            ..self
        }
    }

    /// The same type, registered by default since `since`.
    #[must_use]
    pub(crate) const fn since(self, since: Since) -> Self {
        Self { since, ..self }
    }

    /// The same type, no longer registered from `until` on (renamed or removed).
    #[must_use]
    pub(crate) const fn until(self, until: Since) -> Self {
        Self {
            until: Some(until),
            ..self
        }
    }

    /// The same type, deprecated since `since`; `instead` says what Kibana recommends.
    #[must_use]
    pub(crate) const fn deprecated(self, since: Since, instead: &'static str) -> Self {
        Self {
            deprecation: Some((since, instead)),
            ..self
        }
    }

    /// The type's cross-field rules as body subschemas (see [`Connector::schema_rules`]).
    #[cfg(feature = "json-schema")]
    pub fn schema_rules(&self) -> Vec<Value> {
        self.model
            .map(|model| (model.schema_rules)())
            .unwrap_or_default()
    }

    /// The JSON Schemas of the type's `config` and `secrets`.
    #[cfg(feature = "json-schema")]
    pub fn schemas(&self, generator: &mut SchemaGenerator) -> Option<(Schema, Schema)> {
        self.model.map(|model| (model.schemas)(generator))
    }

    /// Adjusts the stored config's schema to what the type adds before saving.
    #[cfg(feature = "json-schema")]
    pub(crate) fn stored_config_schema(&self, schema: &mut Value) {
        if let Some(model) = self.model {
            (model.stored_config_schema)(schema);
        }
    }
}

/// What dispatch needs of a connector type's models. The schema functions exist only with the
/// `json-schema` feature: without them nothing reaches a model's schema code, so the validating
/// wasm module leaves it out.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Model {
    pub check: fn(&Value, &Value, &mut dyn Record) -> Option<Stored>,
    #[cfg(feature = "json-schema")]
    pub schemas: fn(&mut SchemaGenerator) -> (Schema, Schema),
    #[cfg(feature = "json-schema")]
    pub schema_rules: fn() -> Vec<Value>,
    #[cfg(feature = "json-schema")]
    pub stored_config_schema: fn(&mut Value),
}

#[cfg(feature = "json-schema")]
fn schemas<C: Connector>(generator: &mut SchemaGenerator) -> (Schema, Schema) {
    (C::Config::schema(generator), C::Secrets::schema(generator))
}

/// The part of the body a schema step reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// `config`.
    Config,
    /// `secrets`.
    Secrets,
}

/// Which of Kibana's custom validators a rule step runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Validator {
    /// The config validator, on the parsed config.
    Config,
    /// The secrets validator, on the parsed secrets.
    Secrets,
    /// The connector validator, on the raw request values.
    Connector,
}

/// Where one connector type's steps are recorded: the pipeline's findings, which turn them into
/// the report and Kibana's answer. A trait object, so that each connector type's [`check`] stays
/// small and the recording code exists once.
pub(crate) trait Record {
    /// Records a schema step; true when it passed.
    fn schema_step(&mut self, part: Part, issues: Vec<ZodIssue>) -> bool;
    /// Records a custom-rule step; true when it passed.
    fn rule_step(&mut self, validator: Validator, rules: Rules) -> bool;
    /// Whether the stored form is wanted (normalize), or only the report (validate).
    fn wants_stored(&self) -> bool;
    /// The Kibana that answers.
    fn version(&self) -> KibanaVersion;
}

/// `config` and `secrets` as Kibana stores them.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored {
    /// The parsed config: defaults filled in.
    pub config: Value,
    /// The parsed secrets.
    pub secrets: Value,
}

/// Runs one connector type's steps on `config` and `secrets` (both JSON objects), in Kibana's
/// order; the stored form when every step passed and `findings` wants it.
pub(crate) fn check<C: Connector>(
    config: &Value,
    secrets: &Value,
    findings: &mut dyn Record,
) -> Option<Stored> {
    let mut reader = Reader::new();
    let parsed_config = C::Config::read(Some(config), &mut reader);
    let mut config_ok = findings.schema_step(Part::Config, reader.into_issues());
    if let (true, Some(parsed)) = (config_ok, &parsed_config) {
        let mut rules = Rules::of(findings.version());
        C::check_config(parsed, &mut rules);
        config_ok = findings.rule_step(Validator::Config, rules);
    }

    let mut reader = Reader::new();
    let parsed_secrets = C::Secrets::read(Some(secrets), &mut reader);
    let mut secrets_ok = findings.schema_step(Part::Secrets, reader.into_issues());
    if let (true, Some(parsed)) = (secrets_ok, &parsed_secrets) {
        let mut rules = Rules::of(findings.version());
        C::check_secrets(parsed, &mut rules);
        secrets_ok = findings.rule_step(Validator::Secrets, rules);
    }

    // Kibana reaches the connector rule only when config and secrets passed; it sees the raw
    // request values, not the parsed ones.
    if !(config_ok && secrets_ok) {
        return None;
    }
    let (Value::Object(raw_config), Value::Object(raw_secrets)) = (config, secrets) else {
        return None;
    };
    let mut rules = Rules::of(findings.version());
    C::check_connector(raw_config, raw_secrets, &mut rules);
    if !findings.rule_step(Validator::Connector, rules) {
        return None;
    }
    if !findings.wants_stored() {
        return None;
    }
    let config = serde_json::to_value(parsed_config?).ok()?;
    let secrets = serde_json::to_value(parsed_secrets?).ok()?;
    Some(Stored {
        config: C::stored_config(config, &secrets),
        secrets,
    })
}
