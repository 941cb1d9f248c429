//! `.gen-ai`: OpenAI, which calls OpenAI, Azure OpenAI or an OpenAI-compatible service.
//!
//! Kibana: `kbn-connector-schemas/openai/schemas/v1.ts` (config and secrets) and
//! `stack_connectors/server/connector_types/openai/index.ts` with `lib/other_openai_utils.ts`
//! (the config and secrets validators).
//!
//! The config is one of three shapes, picked by `apiProvider`. Kibana's schema is
//! `z.discriminatedUnion('apiProvider', [Azure, OpenAI, Other])` of strict objects (its zod 4
//! declarations; the older `z.union` of the same objects answered only `Invalid input`), so a
//! problem is reported at its field inside the chosen shape, and an unknown provider at
//! `apiProvider` itself. The secrets are a plain `z.union` of two strict objects (an API key, or
//! PKI certificates); when both fail, Kibana says only `Invalid input`, and the report lists the
//! problems of the shape the secrets were meant for.

use schemars::{Schema, SchemaGenerator, json_schema};
use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::connector::{Connector, Rules, Versioned};
use crate::model::{strict_object, string_enum};
use crate::pointer::Segment;
use crate::report::IssueCode;
use crate::versions::{Release, Since};
use crate::zod::NonEmptyString;
use crate::zod::{CoercedNumber, Reader, Record, Zod, ZodIssue};

/// The model used when a request names none (OpenAI only).
pub const DEFAULT_MODEL: &str = "gpt-4.1";

string_enum! {
    /// Azure OpenAI.
    pub enum AzureProvider {
        /// Azure OpenAI.
        Azure = "Azure OpenAI",
    }
}

string_enum! {
    /// OpenAI.
    pub enum OpenAiProvider {
        /// OpenAI.
        OpenAi = "OpenAI",
    }
}

string_enum! {
    /// An OpenAI-compatible service.
    pub enum OtherProvider {
        /// An OpenAI-compatible service.
        Other = "Other",
    }
}

string_enum! {
    /// How strictly the service's TLS certificate is verified (with PKI certificates).
    pub enum OpenAiVerificationMode {
        /// The certificate must be trusted and match the host name.
        Full = "full",
        /// The certificate must be signed by a trusted authority; the host name is not checked.
        Certificate = "certificate",
        /// No verification.
        None = "none",
    }
}

strict_object! {
    /// Settings of an OpenAI connector that calls Azure OpenAI.
    pub struct AzureOpenAiConfig {
        /// The service the connector calls: `OpenAI`, `Azure OpenAI`, or `Other` (an
        /// OpenAI-compatible service). It decides which other settings apply.
        api_provider as "apiProvider": AzureProvider,
        /// The Azure OpenAI deployment URL, e.g.
        /// `https://{resource}.openai.azure.com/openai/deployments/{deployment-id}/chat/completions?api-version={api-version}`.
        /// It must be an http(s) URL whose host is in Kibana's `xpack.actions.allowedHosts`.
        api_url as "apiUrl": String,
        /// The model used when a request names none; Azure has no default (the deployment
        /// decides).
        default_model as "defaultModel": Option<String>,
        /// Extra HTTP headers sent with every request (name → value).
        headers: Option<Record<String>>,
        /// The model's context window, in tokens.
        context_window_length as "contextWindowLength": Option<CoercedNumber>,
        /// The sampling temperature used when a request sets none.
        temperature: Option<CoercedNumber>,
    }
}

strict_object! {
    /// Settings of an OpenAI connector that calls OpenAI.
    pub struct OpenAiProviderConfig {
        /// The service the connector calls: `OpenAI`, `Azure OpenAI`, or `Other` (an
        /// OpenAI-compatible service). It decides which other settings apply.
        api_provider as "apiProvider": OpenAiProvider,
        /// The OpenAI API URL, e.g. `https://api.openai.com/v1/chat/completions`. It must be an
        /// http(s) URL whose host is in Kibana's `xpack.actions.allowedHosts`.
        api_url as "apiUrl": String,
        /// The OpenAI organization the requests are billed to.
        organization_id as "organizationId": Option<String>,
        /// The OpenAI project the requests belong to.
        project_id as "projectId": Option<String>,
        /// The model used when a request names none.
        default_model as "defaultModel": String = DEFAULT_MODEL,
        /// Extra HTTP headers sent with every request (name → value).
        headers: Option<Record<String>>,
        /// The model's context window, in tokens.
        context_window_length as "contextWindowLength": Option<CoercedNumber>,
        /// The sampling temperature used when a request sets none.
        temperature: Option<CoercedNumber>,
    }
}

strict_object! {
    /// Settings of an OpenAI connector that calls an OpenAI-compatible service.
    pub struct OtherOpenAiConfig {
        /// The service the connector calls: `OpenAI`, `Azure OpenAI`, or `Other` (an
        /// OpenAI-compatible service). It decides which other settings apply.
        api_provider as "apiProvider": OtherProvider,
        /// The service's chat completions URL. It must be an http(s) URL whose host is in
        /// Kibana's `xpack.actions.allowedHosts`.
        api_url as "apiUrl": String,
        /// The model used when a request names none (required for an OpenAI-compatible service).
        default_model as "defaultModel": String,
        /// How strictly the service's TLS certificate is verified when PKI certificates are
        /// given in the secrets.
        verification_mode as "verificationMode": OpenAiVerificationMode = OpenAiVerificationMode::Full,
        /// Extra HTTP headers sent with every request (name → value).
        headers: Option<Record<String>>,
        /// The model's context window, in tokens.
        context_window_length as "contextWindowLength": Option<CoercedNumber>,
        /// The sampling temperature used when a request sets none.
        temperature: Option<CoercedNumber>,
        /// Let the model call tools natively (when the service supports it).
        enable_native_function_calling as "enableNativeFunctionCalling": Option<bool>,
    }
}

/// Settings of an OpenAI connector: one shape per `apiProvider`.
#[derive(Debug, Clone, PartialEq)]
pub enum OpenAiConfig {
    /// `apiProvider: "Azure OpenAI"`.
    Azure(AzureOpenAiConfig),
    /// `apiProvider: "OpenAI"`.
    OpenAi(OpenAiProviderConfig),
    /// `apiProvider: "Other"`.
    Other(OtherOpenAiConfig),
}

/// The `apiProvider` values, in the order of Kibana's union.
const PROVIDERS: &[&str] = &["Azure OpenAI", "OpenAI", "Other"];

impl OpenAiConfig {
    /// The API URL, whatever the provider.
    pub fn api_url(&self) -> &str {
        match self {
            Self::Azure(config) => &config.api_url,
            Self::OpenAi(config) => &config.api_url,
            Self::Other(config) => &config.api_url,
        }
    }
}

/// `z.discriminatedUnion('apiProvider', ...)`: the shape named by `apiProvider` reads the whole
/// object, so its problems are Kibana's own; any other value (or none) is Zod's discriminator
/// issue at `apiProvider`.
impl Zod for OpenAiConfig {
    fn read(input: Option<&Value>, reader: &mut Reader) -> Option<Self> {
        let Some(Value::Object(map)) = input else {
            reader.invalid_type("object", input);
            return None;
        };
        let provider = map.get("apiProvider");
        match provider.and_then(Value::as_str) {
            Some("Azure OpenAI") => AzureOpenAiConfig::read(input, reader).map(Self::Azure),
            Some("OpenAI") => OpenAiProviderConfig::read(input, reader).map(Self::OpenAi),
            Some("Other") => OtherOpenAiConfig::read(input, reader).map(Self::Other),
            _ => {
                reader.at(Segment::Key("apiProvider".into()), |reader| {
                    reader.invalid_discriminator(PROVIDERS, provider);
                });
                None
            }
        }
    }

    fn schema(generator: &mut SchemaGenerator) -> Schema {
        // Titled by provider: form generators name each branch by its title.
        let titled = |mut schema: Schema, title: &str| {
            schema.insert("title".to_owned(), Value::from(title));
            schema
        };
        let azure = titled(AzureOpenAiConfig::schema(generator), "Azure OpenAI");
        let openai = titled(OpenAiProviderConfig::schema(generator), "OpenAI");
        let other = titled(
            OtherOpenAiConfig::schema(generator),
            "Other (OpenAI-compatible)",
        );
        json_schema!({
            "description": "Settings of an OpenAI connector: `apiProvider` picks one of the three shapes.",
            "oneOf": [azure, openai, other],
        })
    }
}

impl Serialize for OpenAiConfig {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Azure(config) => config.serialize(serializer),
            Self::OpenAi(config) => config.serialize(serializer),
            Self::Other(config) => config.serialize(serializer),
        }
    }
}

/// A PEM file, base64-encoded: `z.string().min(1)`, which Kibana's secrets validator decodes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Base64Pem(pub NonEmptyString);

impl Base64Pem {
    /// The base64 text.
    pub fn as_str(&self) -> &str {
        &self.0.0
    }
}

impl Zod for Base64Pem {
    fn read(input: Option<&Value>, reader: &mut Reader) -> Option<Self> {
        NonEmptyString::read(input, reader).map(Self)
    }

    fn schema(generator: &mut SchemaGenerator) -> Schema {
        let mut schema = NonEmptyString::schema(generator);
        schema.insert("contentEncoding".to_owned(), Value::from("base64"));
        schema
    }
}

impl Serialize for Base64Pem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

strict_object! {
    /// Credentials of an OpenAI connector that uses an API key.
    pub struct OpenAiApiKeySecrets {
        /// The API key.
        api_key as "apiKey": String,
    }
}

strict_object! {
    /// Credentials of an OpenAI connector: an API key, or PKI certificates (base64-encoded PEM)
    /// for an OpenAI-compatible service that authenticates clients by certificate.
    pub struct OpenAiPkiSecrets {
        /// The API key (not needed with PKI certificates).
        api_key as "apiKey": Option<NonEmptyString>,
        /// The client certificate: base64 of a PEM file that contains
        /// `-----BEGIN CERTIFICATE-----`. Requires `privateKeyData`.
        certificate_data as "certificateData": Option<Base64Pem>,
        /// The client's private key: base64 of a PEM file that contains
        /// `-----BEGIN PRIVATE KEY-----` or `-----BEGIN RSA PRIVATE KEY-----`. Requires
        /// `certificateData`.
        private_key_data as "privateKeyData": Option<Base64Pem>,
        /// A certificate authority that signs the service's certificate: base64 of a PEM file
        /// that contains `-----BEGIN CERTIFICATE-----`.
        ca_data as "caData": Option<Base64Pem>,
    }
}

/// Credentials of an OpenAI connector: Kibana's `z.union([{ apiKey }, { apiKey?, certificateData?,
/// privateKeyData?, caData? }])`, both strict.
#[derive(Debug, Clone, PartialEq)]
pub enum OpenAiSecrets {
    /// Only an API key (any string).
    ApiKey(OpenAiApiKeySecrets),
    /// Any of the four keys, each a non-empty string.
    Pki(OpenAiPkiSecrets),
}

/// The secrets keys that only the PKI shape has.
const PKI_KEYS: &[&str] = &["certificateData", "privateKeyData", "caData"];

/// True when an option's issues stop Zod's union from reporting them as they are: every issue
/// but a failed length check (`continue: true` in Zod) aborts.
fn aborts(issues: &[ZodIssue]) -> bool {
    issues
        .iter()
        .any(|issue| !matches!(issue.code, IssueCode::TooSmall | IssueCode::TooBig))
}

impl Zod for OpenAiSecrets {
    fn read(input: Option<&Value>, reader: &mut Reader) -> Option<Self> {
        // Zod tries the options in order, each on its own; the first without issues wins.
        let mut api_key_reader = Reader::new();
        let api_key = OpenAiApiKeySecrets::read(input, &mut api_key_reader);
        if api_key_reader.is_clean() {
            return api_key.map(Self::ApiKey);
        }
        let mut pki_reader = Reader::new();
        let pki = OpenAiPkiSecrets::read(input, &mut pki_reader);
        if pki_reader.is_clean() {
            return pki.map(Self::Pki);
        }
        let api_key_issues = api_key_reader.into_issues();
        let pki_issues = pki_reader.into_issues();
        // When exactly one option failed only on length checks, Zod reports its issues.
        match (aborts(&api_key_issues), aborts(&pki_issues)) {
            (false, true) => reader.extend(api_key_issues),
            (true, false) => reader.extend(pki_issues),
            _ => {
                // Otherwise one `Invalid input`; the report lists the problems of the shape
                // the secrets were meant for: PKI when they hold a certificate key.
                let meant_for_pki = matches!(
                    input,
                    Some(Value::Object(map)) if PKI_KEYS.iter().any(|key| map.contains_key(*key))
                );
                let located = if meant_for_pki {
                    pki_issues
                } else {
                    api_key_issues
                };
                reader.invalid_object_union(located);
            }
        }
        None
    }

    fn schema(generator: &mut SchemaGenerator) -> Schema {
        // Through the route (which refuses blank strings) the union accepts exactly what its
        // second shape accepts.
        OpenAiPkiSecrets::schema(generator)
    }
}

impl Serialize for OpenAiSecrets {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::ApiKey(secrets) => secrets.serialize(serializer),
            Self::Pki(secrets) => secrets.serialize(serializer),
        }
    }
}

/// The `.gen-ai` connector type.
pub struct OpenAi;

impl Connector for OpenAi {
    type Config = OpenAiConfig;
    type Secrets = OpenAiSecrets;

    /// PKI for the `Other` provider: PR #215624 (`v8.19.0`, `v9.1.0`; not in 9.0);
    /// `contextWindowLength` and `enableNativeFunctionCalling` 9.2.0 (PRs #228371, #232097);
    /// `temperature` 9.3.0 (release notes, PR #239806).
    const VERSIONED: &'static [Versioned] = &[
        Versioned::config(
            "verificationMode",
            Since::exact(Release::V9_1).backported(&[(Release::V8_19, Some(0))]),
        ),
        Versioned::secrets(
            "certificateData",
            Since::exact(Release::V9_1).backported(&[(Release::V8_19, Some(0))]),
        ),
        Versioned::secrets(
            "privateKeyData",
            Since::exact(Release::V9_1).backported(&[(Release::V8_19, Some(0))]),
        ),
        Versioned::secrets(
            "caData",
            Since::exact(Release::V9_1).backported(&[(Release::V8_19, Some(0))]),
        ),
        Versioned::config("contextWindowLength", Since::exact(Release::V9_2)),
        Versioned::config("enableNativeFunctionCalling", Since::exact(Release::V9_2)),
        Versioned::config("temperature", Since::exact(Release::V9_3)),
    ];

    /// Kibana's `configValidator`: the URL checks. (Its `apiProvider` check cannot fail after
    /// the schema.)
    fn check_config(config: &OpenAiConfig, rules: &mut Rules) {
        check_api_url(
            rules,
            "/config/apiUrl",
            "Error configuring OpenAI action: ",
            config.api_url(),
        );
    }

    /// The secrets validator's requirements: with a certificate or a private key, both;
    /// otherwise an API key (also when `secrets` is left out). The PEM checks stay Kibana's.
    fn schema_rules() -> Vec<Value> {
        vec![crate::js::json!({
            "if": {
                "required": ["secrets"],
                "properties": {
                    "secrets": {
                        "anyOf": [{ "required": ["certificateData"] }, { "required": ["privateKeyData"] }]
                    }
                }
            },
            "then": {
                "properties": { "secrets": { "required": ["certificateData", "privateKeyData"] } }
            },
            "else": {
                "required": ["secrets"],
                "properties": { "secrets": { "required": ["apiKey"] } }
            }
        })]
    }

    /// Kibana's `secretsValidator`, for every provider: PKI when a certificate or a private key
    /// is given, otherwise an API key is required.
    fn check_secrets(secrets: &OpenAiSecrets, rules: &mut Rules) {
        // Kibana tests truthiness: a missing key and an empty string are alike.
        fn given(value: Option<&str>) -> Option<&str> {
            value.filter(|text| !text.is_empty())
        }
        fn text(value: Option<&NonEmptyString>) -> Option<&str> {
            given(value.map(|v| v.0.as_str()))
        }
        fn pem(value: Option<&Base64Pem>) -> Option<&str> {
            given(value.map(Base64Pem::as_str))
        }
        let (api_key, certificate, private_key, ca) = match secrets {
            OpenAiSecrets::ApiKey(secrets) => (given(Some(&secrets.api_key)), None, None, None),
            OpenAiSecrets::Pki(secrets) => (
                text(secrets.api_key.as_ref()),
                pem(secrets.certificate_data.as_ref()),
                pem(secrets.private_key_data.as_ref()),
                pem(secrets.ca_data.as_ref()),
            ),
        };
        if certificate.is_none() && private_key.is_none() {
            if api_key.is_none() {
                rules.error(
                    IssueCode::Required,
                    "/secrets/apiKey",
                    "[apiKey]: expected value of type [string] but got [undefined]",
                );
            }
            return;
        }
        check_pki(rules, certificate, private_key, ca);
    }
}

/// Kibana's `pkiSecretsValidator`: both the certificate and the key, each a base64 PEM file with
/// the right header; the CA, when given, too.
fn check_pki(
    rules: &mut Rules,
    certificate: Option<&str>,
    private_key: Option<&str>,
    ca: Option<&str>,
) {
    const CERTIFICATE: &[&str] = &["-----BEGIN CERTIFICATE-----"];
    const PRIVATE_KEY: &[&str] = &[
        "-----BEGIN PRIVATE KEY-----",
        "-----BEGIN RSA PRIVATE KEY-----",
    ];
    if certificate.is_none() {
        rules.error(
            IssueCode::Required,
            "/secrets/certificateData",
            "Certificate data must be provided for PKI",
        );
    }
    if private_key.is_none() {
        rules.error(
            IssueCode::Required,
            "/secrets/privateKeyData",
            "Private key data must be provided for PKI",
        );
    }
    let checks = [
        (
            certificate,
            "/secrets/certificateData",
            "Certificate data",
            "certificate",
            CERTIFICATE,
        ),
        (
            private_key,
            "/secrets/privateKeyData",
            "Private key data",
            "private key",
            PRIVATE_KEY,
        ),
        (
            ca,
            "/secrets/caData",
            "CA certificate data",
            "certificate",
            CERTIFICATE,
        ),
    ];
    for (data, path, description, kind, headers) in checks {
        let Some(data) = data else { continue };
        let decoded = node_base64_decode(data);
        // Kibana skips data that decodes to nothing (`if (!decodedData) return`).
        if decoded.is_empty() || headers.iter().any(|h| contains(&decoded, h.as_bytes())) {
            continue;
        }
        let quoted: Vec<String> = headers.iter().map(|h| format!("\"{h}\"")).collect();
        rules.error(
            IssueCode::InvalidValue,
            path,
            format!(
                "Invalid {description} file format: The file must be a PEM-encoded {kind} beginning with {}.",
                quoted.join(" or ")
            ),
        );
    }
}

/// True when `haystack` contains `needle`. The PEM headers are ASCII, and decoding the bytes as
/// UTF-8 (as Kibana's `toString()` does) never turns ASCII bytes into anything else, so a byte
/// search finds what Kibana's `includes` finds.
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

/// Node's `Buffer.from(text, 'base64')`: both alphabets (`+/` and `-_`), characters outside them
/// skipped, decoding stops at the first `=`, and a lone trailing character yields nothing. Node
/// reads each UTF-16 unit of the string through its low byte (`ń`, U+0144, counts as `D`).
fn node_base64_decode(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut bits: u32 = 0;
    let mut count = 0;
    for unit in text.encode_utf16() {
        let [byte, _] = unit.to_le_bytes();
        let value = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => break,
            _ => continue,
        };
        bits = (bits << 6) | u32::from(value);
        count += 6;
        if count >= 8 {
            count -= 8;
            out.extend((bits >> count).to_be_bytes().last().copied());
            bits &= (1 << count) - 1;
        }
    }
    out
}

/// The sub-action framework's URL checks as the AI connectors' config validators run them:
/// `assertURL` (an http(s) URL with a host), then `urlAllowListValidator` (Kibana's
/// `ensureUriAllowed`), each failure re-thrown as `<prefix>Error: <message>`.
pub(crate) fn check_api_url(rules: &mut Rules, path: &str, prefix: &str, url: &str) {
    // Node's `new URL` error message is `Invalid URL` (the input is not echoed).
    let problem = match crate::kibana::urls::whatwg(url) {
        None => Some("Invalid URL"),
        Some(parsed) if parsed.hostname.is_empty() => Some("URL must contain hostname"),
        Some(parsed) if !matches!(parsed.scheme.as_str(), "http" | "https") => {
            Some("Invalid protocol")
        }
        Some(_) => None,
    };
    if let Some(problem) = problem {
        rules.error(
            IssueCode::InvalidUrl,
            path,
            format!("{prefix}Error: URL Error: {problem}"),
        );
        return;
    }
    rules.uri_allowed(path, url, || {
        format!(
            "{prefix}Error: error validating url: target url \"{url}\" is not added to the Kibana config xpack.actions.allowedHosts"
        )
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_decodes_like_node() {
        let cases: &[(&str, &[u8])] = &[
            ("QUJD", b"ABC"),
            ("QUJD=RA==", b"ABC"),
            ("QU JD", b"ABC"),
            ("QU*JD", b"ABC"),
            ("QUJ", b"AB"),
            ("QQ", b"A"),
            ("Q", b""),
            ("QUJDRA", b"ABCD"),
            ("=QUJD", b""),
            ("QU\nJD", b"ABC"),
            ("QUJDRA=x", b"ABCD"),
            ("!!!", b""),
        ];
        for (input, expected) in cases {
            assert_eq!(node_base64_decode(input), *expected, "{input}");
        }
        assert_eq!(node_base64_decode("QUJD-_"), [b'A', b'B', b'C', 0xfb]);
        // Node takes the low byte of each UTF-16 unit.
        assert_eq!(node_base64_decode("QUJ\u{144}"), b"ABC");
        assert_eq!(node_base64_decode("QUJ\u{c3}"), b"AB");
        assert_eq!(node_base64_decode("QU\u{1F600}JD"), b"A");
        assert_eq!(node_base64_decode("QUJD\u{100}\u{100}"), b"ABC");
    }

    #[test]
    fn url_checks_follow_assert_url() {
        let check = |url: &str| {
            let mut rules = Rules::default();
            check_api_url(&mut rules, "/config/apiUrl", "P: ", url);
            rules.errors.first().map(|e| e.message.clone())
        };
        assert_eq!(check("https://api.openai.com/v1/chat/completions"), None);
        assert_eq!(
            check("example.com/x").as_deref(),
            Some("P: Error: URL Error: Invalid URL")
        );
        assert_eq!(
            check("ftp://example.com").as_deref(),
            Some("P: Error: URL Error: Invalid protocol")
        );
        assert_eq!(
            check("file:///etc/passwd").as_deref(),
            Some("P: Error: URL Error: URL must contain hostname")
        );
        assert_eq!(
            check("http://%zz@example.com").as_deref(),
            Some(
                "P: Error: error validating url: target url \"http://%zz@example.com\" is not added to the Kibana config xpack.actions.allowedHosts"
            )
        );
    }
}
