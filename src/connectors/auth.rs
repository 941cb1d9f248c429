//! Kibana's shared connector auth schema (`kbn-connector-schemas/common/auth`), used by `.webhook`,
//! `.cases-webhook` and `.http`: the authentication enumerations, the credentials object and its
//! combination rule, and the JSON check of `additionalFields`.
//!
//! The config fields of the auth schema (`hasAuth`, `authType`, `certType`, …) are spread into each
//! connector's config object in Kibana; a strict object's fields cannot be shared by flattening
//! (see STYLE.md), so the fields that the connectors describe alike are `strict_object!` field
//! groups here ([`tls_config_fields`], [`oauth_config_fields`], [`credential_fields`]), included
//! where Kibana spreads them; the fields each connector describes in its own words it declares
//! itself.

use schemars::{Schema, SchemaGenerator};
use serde::Serialize;
use serde_json::Value;

use crate::model::{strict_object, string_enum};
use crate::report::IssueCode;
use crate::zod::{Nullable, Reader, Zod};

string_enum! {
    union
    /// How Kibana authenticates to the service. `null` means no authentication method is chosen.
    pub enum AuthType {
        /// Basic authentication with `secrets.user` and `secrets.password`.
        Basic = "webhook-authentication-basic",
        /// TLS client certificate: `secrets.crt` and `secrets.key`, or `secrets.pfx`.
        Ssl = "webhook-authentication-ssl",
        /// OAuth 2.0 client credentials: `accessTokenUrl`, `clientId` and `secrets.clientSecret`.
        OAuth2ClientCredentials = "webhook-oauth2-client-credentials",
        /// An API key sent as a query parameter (used by the HTTP connector).
        QueryParam = "http-authentication-query-param",
        /// OAuth 2.0 password grant with `secrets.user` and `secrets.password`, made for the HTTP
        /// connector (the Webhook connector refuses it).
        OAuth2Password = "webhook-oauth2-password",
    }
}

string_enum! {
    /// The format of the TLS client certificate.
    pub enum SslCertType {
        /// A PEM certificate (`secrets.crt`) and its private key (`secrets.key`).
        Crt = "ssl-crt-key",
        /// A PKCS #12 bundle (`secrets.pfx`).
        Pfx = "ssl-pfx",
    }
}

string_enum! {
    /// How strictly the service's TLS certificate is verified.
    pub enum VerificationMode {
        /// No verification.
        None = "none",
        /// The certificate must be signed by a trusted authority; the host name is not checked.
        Certificate = "certificate",
        /// The certificate must be trusted and match the host name.
        Full = "full",
    }
}

/// The TLS fields of Kibana's shared auth config (`common/auth`'s `AuthConfiguration`), which
/// `.webhook`, `.cases-webhook` and `.http` spread into their configs: a `strict_object!` field
/// group.
macro_rules! tls_config_fields {
    ($($object:tt)*) => {
        $crate::model::strict_object! { @include $($object)*
            /// The format of the TLS client certificate, for certificate authentication.
            cert_type as "certType": Option<$crate::connectors::auth::SslCertType>,
            /// A certificate authority (PEM, base64-encoded) that signs the service's certificate.
            ca: Option<String>,
            /// How strictly the service's TLS certificate is verified.
            verification_mode as "verificationMode": Option<$crate::connectors::auth::VerificationMode>,
        }
    };
}

/// The OAuth 2.0 client-credentials fields of Kibana's shared auth config that `.webhook` and
/// `.http` describe alike (each describes its own `accessTokenUrl`): a `strict_object!` field
/// group.
macro_rules! oauth_config_fields {
    ($($object:tt)*) => {
        $crate::model::strict_object! { @include $($object)*
            /// The OAuth 2.0 client id (required for OAuth 2.0 client credentials).
            client_id as "clientId": Option<String>,
            /// The OAuth 2.0 scope to request.
            scope: Option<String>,
            /// Extra fields for the OAuth 2.0 token request, as JSON text of a non-empty object,
            /// e.g. `{"audience": "https://api.example.com"}`.
            additional_fields as "additionalFields": $crate::zod::Nullish<String>,
        }
    };
}

/// The credentials of Kibana's shared auth secrets (`SecretConfiguration`) after `user`, which
/// `.webhook`, `.cases-webhook` and `.http` share (each describes its own `user`): a
/// `strict_object!` field group.
macro_rules! credential_fields {
    ($($object:tt)*) => {
        $crate::model::strict_object! { @include $($object)*
            /// The password for basic authentication, or the passphrase of the certificate's key.
            password: $crate::zod::Nullable<String>,
            /// The TLS client certificate (PEM, base64-encoded), used with `key`.
            crt: $crate::zod::Nullable<String>,
            /// The private key of the TLS client certificate (PEM, base64-encoded), used with `crt`.
            key: $crate::zod::Nullable<String>,
            /// The TLS client certificate and key as a PKCS #12 bundle (base64-encoded).
            pfx: $crate::zod::Nullable<String>,
            /// The OAuth 2.0 client secret, used with `accessTokenUrl` and `clientId`.
            client_secret as "clientSecret": $crate::zod::Nullable<String>,
            /// Headers whose values are kept secret (for example an API key), sent with every request.
            secret_headers as "secretHeaders": $crate::zod::Nullable<$crate::zod::Record<String>>,
        }
    };
}

pub(crate) use {credential_fields, oauth_config_fields, tls_config_fields};

/// Kibana's message when the credentials match none of the accepted combinations.
pub const INVALID_SECRETS: &str = "must specify one of the following schemas: user and password; crt and key (with optional password); pfx (with optional password); or clientSecret (for OAuth2)";

strict_object! {
    /// Credentials of a Webhook connector. Send one of these combinations, or none at all:
    /// `user` and `password`; `crt` and `key` (with an optional `password`); `pfx` (with an optional
    /// `password`); or `clientSecret` (for OAuth 2.0). `secretHeaders` goes with any of them.
    pub struct AuthSecretFields {
        /// The user name for basic authentication.
        user: Nullable<String>,
        include credential_fields,
    }
}

impl AuthSecretFields {
    /// Kibana's `SecretConfigurationSchemaValidation`: the credentials form one accepted
    /// combination. Like Kibana it tests truthiness, and ignores `secretHeaders`.
    pub fn is_accepted_combination(&self) -> bool {
        is_accepted_combination(
            &self.user,
            &self.password,
            &self.crt,
            &self.key,
            &self.pfx,
            &self.client_secret,
        )
    }
}

/// Kibana's `SecretConfigurationSchemaValidation` on the six credential fields (shared by every
/// secrets object built from `SecretConfiguration`, e.g. the HTTP connector's): true when they
/// form one accepted combination. Like Kibana it tests truthiness.
pub fn is_accepted_combination(
    user: &Nullable<String>,
    password: &Nullable<String>,
    crt: &Nullable<String>,
    key: &Nullable<String>,
    pfx: &Nullable<String>,
    client_secret: &Nullable<String>,
) -> bool {
    let set = |value: &Nullable<String>| value.get().is_some_and(|text| !text.is_empty());
    let (user, password, crt, key, pfx, client_secret) = (
        set(user),
        set(password),
        set(crt),
        set(key),
        set(pfx),
        set(client_secret),
    );
    let nothing = !password && !user && !crt && !key && !pfx && !client_secret;
    let basic = password && user && !crt && !key && !pfx && !client_secret;
    let crt_key = crt && key && !user && !pfx && !client_secret;
    let pfx_only = !crt && !key && !user && pfx && !client_secret;
    let oauth2 = !password && !user && !crt && !key && !pfx && client_secret;
    nothing || basic || crt_key || pfx_only || oauth2
}

/// Records the combination rule's issue (a `superRefine` issue without a path of its own, so it
/// sits at the secrets object's path).
pub fn record_invalid_combination(reader: &mut Reader) {
    reader.push(
        IssueCode::InvalidCombination,
        INVALID_SECRETS.to_owned(),
        Some(crate::js::json!({
            "combinations": [
                ["user", "password"],
                ["crt", "key", "password?"],
                ["pfx", "password?"],
                ["clientSecret"],
            ]
        })),
    );
}

/// Reads the strict credentials object `T`, then Kibana's combination rule (a Zod `superRefine`)
/// with `accepted`. Zod runs the refinement only when the object had no aborting issue (a wrong
/// type, an unknown key); its issue has no path of its own, so it sits at the object's path.
pub fn read_with_combination_rule<T: Zod>(
    input: Option<&Value>,
    reader: &mut Reader,
    accepted: impl FnOnce(&T) -> bool,
) -> Option<T> {
    let mark = reader.mark();
    let fields = T::read(input, reader);
    let refused = fields.as_ref().is_some_and(|fields| !accepted(fields));
    if refused && reader.clean_since(mark) {
        record_invalid_combination(reader);
    }
    fields
}

/// The `z.preprocess` before the `.webhook` and `.http` config objects (Kibana PR #259325): an
/// omitted `authType` becomes `null` when the request says `hasAuth: false`, so that the default
/// `webhook-authentication-basic` does not trip the validator's hasAuth rule. `None` when the
/// input is read as it is.
pub fn null_auth_type_without_auth(input: Option<&Value>) -> Option<Value> {
    match input {
        Some(Value::Object(map))
            if map.get("hasAuth") == Some(&Value::Bool(false)) && !map.contains_key("authType") =>
        {
            let mut map = map.clone();
            map.insert("authType".to_owned(), Value::Null);
            Some(Value::Object(map))
        }
        _ => None,
    }
}

/// Kibana's `SecretConfigurationSchema`: the strict credentials object with its combination rule
/// (a Zod `superRefine`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub struct AuthSecrets(pub AuthSecretFields);

impl Zod for AuthSecrets {
    fn read(input: Option<&Value>, reader: &mut Reader) -> Option<Self> {
        read_with_combination_rule(input, reader, AuthSecretFields::is_accepted_combination)
            .map(Self)
    }

    fn schema(generator: &mut SchemaGenerator) -> Schema {
        AuthSecretFields::schema(generator)
    }
}

/// True when `text` is what Kibana's `additionalFields` check accepts: JSON text (`JSON.parse`)
/// whose value is an object with at least one key.
pub fn is_non_empty_json_object(text: &str) -> bool {
    // `JSON.parse`, which keeps lone surrogates and reads a too-large number as `Infinity`; every
    // other top-level value is refused, as Kibana refuses it (not an object, an array, or a parse
    // error all give the same message).
    crate::js::json_parse_lossy(text)
        .is_ok_and(|parsed| matches!(parsed.value, Value::Object(map) if !map.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn additional_fields_json() {
        assert!(is_non_empty_json_object(r#"{"a": 1}"#));
        assert!(is_non_empty_json_object(
            r#" {"a": {"b": [1, 1e999, "\ud800"]}} "#
        ));
        assert!(is_non_empty_json_object(r#"{"a": 1, "a": 2}"#));
        for refused in [
            "invalid-json",
            "null",
            "{}",
            "[]",
            "[1]",
            "\"x\"",
            "5",
            "true",
            r#"{"a": 1} x"#,
            r#"{"a": 1,}"#,
            "{'a': 1}",
        ] {
            assert!(!is_non_empty_json_object(refused), "{refused}");
        }
    }

    fn secrets(value: &Value) -> Vec<String> {
        let mut reader = Reader::new();
        AuthSecrets::read(Some(value), &mut reader);
        reader
            .into_issues()
            .into_iter()
            .map(|i| i.message)
            .collect()
    }

    #[test]
    fn combination_rule_matches_kibanas_tests() {
        // common/auth/schemas/v1.test.ts
        for accepted in [
            crate::js::json!({}),
            crate::js::json!({ "user": "u", "password": "p" }),
            crate::js::json!({ "crt": "c", "key": "k" }),
            crate::js::json!({ "crt": "c", "key": "k", "password": "p" }),
            crate::js::json!({ "pfx": "x" }),
            crate::js::json!({ "pfx": "x", "password": "p" }),
            crate::js::json!({ "clientSecret": "s" }),
            crate::js::json!({ "secretHeaders": { "k": "v" } }),
        ] {
            assert!(secrets(&accepted).is_empty(), "{accepted}");
        }
        for refused in [
            crate::js::json!({ "user": "u", "password": "p", "crt": "c", "key": "k" }),
            crate::js::json!({ "user": "u", "password": "p", "pfx": "x" }),
            crate::js::json!({ "crt": "c", "key": "k", "pfx": "x" }),
            crate::js::json!({ "user": "u" }),
            crate::js::json!({ "password": "p" }),
            crate::js::json!({ "crt": "c" }),
            crate::js::json!({ "key": "k" }),
            crate::js::json!({ "password": "p", "clientSecret": "s" }),
        ] {
            assert_eq!(secrets(&refused), [INVALID_SECRETS], "{refused}");
        }
    }

    #[test]
    fn combination_rule_waits_for_a_clean_object() {
        let issues = secrets(&crate::js::json!({ "user": "u", "extra": 1 }));
        assert_eq!(issues, ["Unrecognized key: \"extra\""]);
        let issues = secrets(&crate::js::json!({ "user": 5 }));
        assert_eq!(issues, ["Invalid input: expected string, received number"]);
    }
}
