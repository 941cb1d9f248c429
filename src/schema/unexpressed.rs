//! The Kibana rules the exported schemas do not express, listed once: the agreement tests and the
//! README read these lists.

use serde::Serialize;

use crate::report::IssueCode;

/// A Kibana rule the exported schemas do not express, with the issues it gives: an invalid body
/// whose only errors come from such rules may pass the schemas ([`crate::validate`] still
/// catches it).
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Unexpressed {
    /// What Kibana checks.
    pub rule: &'static str,
    /// Why the schemas do not say it.
    pub why: &'static str,
    /// The issue code of the rule's errors.
    pub code: IssueCode,
    /// The pointers of the rule's errors: `*` stands for one token, a final `**` for any number
    /// of them; `""` is the whole body.
    pub paths: &'static [&'static str],
    /// The connector types the rule belongs to; empty for every type (and the route).
    pub connector_types: &'static [&'static str],
}

impl Unexpressed {
    /// True when the issue `(code, path)` of a body of type `connector_type_id` comes from this
    /// rule.
    pub fn covers(&self, connector_type_id: Option<&str>, code: IssueCode, path: &str) -> bool {
        let type_matches = self.connector_types.is_empty()
            || connector_type_id.is_some_and(|id| self.connector_types.contains(&id));
        type_matches
            && self.code == code
            && self
                .paths
                .iter()
                .any(|pattern| pointer_matches(pattern, path))
    }
}

/// Matches an RFC 6901 pointer against a pattern (see [`Unexpressed::paths`]).
pub fn pointer_matches(pattern: &str, path: &str) -> bool {
    let mut pattern_tokens = pattern.split('/');
    let mut path_tokens = path.split('/');
    loop {
        match (pattern_tokens.next(), path_tokens.next()) {
            (Some("**"), _) | (None, None) => return true,
            (Some(want), Some(got)) if want == "*" || want == got => {}
            _ => return false,
        }
    }
}

/// The rule of [`INEXPRESSIBLE`] or [`NOT_YET_EXPRESSED`] that an issue comes from, if any.
pub fn unexpressed_rule(
    connector_type_id: Option<&str>,
    code: IssueCode,
    path: &str,
) -> Option<&'static Unexpressed> {
    INEXPRESSIBLE
        .iter()
        .chain(NOT_YET_EXPRESSED)
        .find(|rule| rule.covers(connector_type_id, code, path))
}

/// The rules that no JSON Schema can express; the README lists them. The agreement tests hold
/// every invalid fixture that a schema accepts to this list (and to [`NOT_YET_EXPRESSED`]).
pub static INEXPRESSIBLE: &[Unexpressed] = &[
    Unexpressed {
        rule: "A URL must parse with the WHATWG URL parser (Node's `new URL()`); some fields also need an http(s) URL with a host, and every URL's host must be in `xpack.actions.allowedHosts`.",
        why: "The `uri` format is RFC 3986, which accepts and refuses other strings than the WHATWG parser (Kibana also trims some URLs first); the allowed hosts are a server setting.",
        code: IssueCode::InvalidUrl,
        paths: &["/config/**", "/secrets/**"],
        connector_types: &[],
    },
    Unexpressed {
        rule: "Email addresses must parse as RFC 5322 address lists (`Name <user@example.com>`, groups, quoted local parts); since Kibana 9.5 (and 9.4.2, 9.3.5, an 8.19 patch) no mailbox's unquoted local part and no domain label may start or end with `-`.",
        why: "The `email` format is a bare address; no pattern captures RFC 5322 address lists.",
        code: IssueCode::InvalidEmail,
        paths: &["/config/**", "/secrets/**"],
        connector_types: &[],
    },
    Unexpressed {
        rule: "`additionalFields` must be JSON text of a non-empty object.",
        why: "JSON Schema does not parse JSON inside a string (`contentSchema` is only an annotation).",
        code: IssueCode::InvalidValue,
        paths: &["/config/additionalFields"],
        connector_types: &[".webhook", ".http"],
    },
    Unexpressed {
        rule: "`credentialsJson` must be JSON text of a Google service-account key (`\"type\": \"service_account\"`).",
        why: "JSON Schema does not parse JSON inside a string (`contentSchema` is only an annotation).",
        code: IssueCode::InvalidValue,
        paths: &["/secrets/credentialsJson"],
        connector_types: &[".gemini"],
    },
    Unexpressed {
        rule: "PKI certificates and keys must be base64 of PEM files with the right `-----BEGIN …-----` line.",
        why: "JSON Schema does not decode base64 (`contentEncoding` is only an annotation).",
        code: IssueCode::InvalidValue,
        paths: &[
            "/secrets/certificateData",
            "/secrets/privateKeyData",
            "/secrets/caData",
        ],
        connector_types: &[".gen-ai"],
    },
    Unexpressed {
        rule: "A port sent as text must be within 1 to 65535 once converted.",
        why: "The range of a number written as text (decimals, exponents, hexadecimal) has no practical pattern.",
        code: IssueCode::TooSmall,
        paths: &["/config/port"],
        connector_types: &[".email"],
    },
    Unexpressed {
        rule: "A port sent as text must be within 1 to 65535 once converted.",
        why: "The range of a number written as text (decimals, exponents, hexadecimal) has no practical pattern.",
        code: IssueCode::TooBig,
        paths: &["/config/port"],
        connector_types: &[".email"],
    },
    Unexpressed {
        rule: "Torq's webhook URL must have the host `hooks.torq.io` or `hooks.eu.torq.io` (or `localhost`), as the WHATWG URL parser gives it.",
        why: "The parser removes tabs and newlines anywhere, percent-decodes the host and maps it through IDNA (full-width and upper-case letters, ignored code points such as the soft hyphen): no practical pattern matches exactly the URLs that end up with those hosts.",
        code: IssueCode::InvalidValue,
        paths: &["/config/webhookIntegrationUrl"],
        connector_types: &[".torq"],
    },
    Unexpressed {
        rule: "The connector id (the `{id}` path parameter) must follow Kibana's id rule.",
        why: "It is not part of the body.",
        code: IssueCode::InvalidId,
        paths: &[""],
        connector_types: &[],
    },
    Unexpressed {
        rule: "The body must be JSON text of at most `server.maxPayload` bytes (1 MiB by default).",
        why: "A schema sees a parsed value, not its text or its size.",
        code: IssueCode::InputTooLarge,
        paths: &[""],
        connector_types: &[],
    },
];

/// Rules that JSON Schema can express but the exported schemas do not express yet: each one is
/// to become a `Connector::schema_rules` subschema (or a model's schema keyword), and then leave
/// this list. A test fails when an entry explains no fixture any more.
pub static NOT_YET_EXPRESSED: &[Unexpressed] = &[Unexpressed {
    rule: "Email's `service` must be `other`, `exchange_server`, `elastic_cloud`, `__json` or one of nodemailer's well-known services, which nodemailer looks up by a normalised key: the part after the last `@`, without the characters other than ASCII letters, digits, `.` and `-`, in lower case (`G mail`, `x@gmail.com` and `GMAIL` all name Gmail).",
    why: "Expressible as a `pattern` generated from nodemailer's 148 keys (each letter in either case, any ignored characters between letters, an optional prefix ending in `@`), about 15 KB of pattern; not generated yet (the key table is private to `connectors::email_services`).",
    code: IssueCode::InvalidOption,
    paths: &["/config/service"],
    connector_types: &[".email"],
}];

/// True when every issue of a body comes from a rule the schemas do not express.
pub fn only_unexpressed<'a>(
    connector_type_id: Option<&str>,
    issues: impl IntoIterator<Item = (IssueCode, &'a str)>,
) -> bool {
    issues
        .into_iter()
        .all(|(code, path)| unexpressed_rule(connector_type_id, code, path).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_patterns() {
        assert!(pointer_matches("/config/url", "/config/url"));
        assert!(pointer_matches("/config/*", "/config/url"));
        assert!(!pointer_matches("/config/*", "/config/a/b"));
        assert!(pointer_matches("/config/**", "/config/a/b"));
        assert!(pointer_matches("", ""));
        assert!(!pointer_matches("", "/name"));
    }
}
