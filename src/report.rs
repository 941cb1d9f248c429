//! What a check says about a request body: issues, the report, and the answer Kibana would give.

use serde::Serialize;
use serde_json::Value;

/// Declares [`IssueCode`] from one table: variant, serialized name, description.
macro_rules! issue_codes {
    ($( #[doc = $doc:literal] $variant:ident = $name:literal, )*) => {
        /// A stable, machine-readable name for a kind of problem.
        ///
        /// The serialized names are a public contract: they are listed in the README and pinned
        /// by a test. Add codes; never rename or remove one.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum IssueCode {
            $( #[doc = $doc] $variant, )*
        }

        impl IssueCode {
            /// Every code, in the order of the README table.
            pub const ALL: &'static [IssueCode] = &[$(Self::$variant),*];

            /// The serialized name, e.g. `"invalid_type"`.
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $name,)* }
            }

            /// What the code means, for people (the README table).
            pub fn description(self) -> &'static str {
                match self { $(Self::$variant => $doc.trim_ascii(),)* }
            }
        }
    };
}

issue_codes! {
    /// The body is not JSON text, or JavaScript could not turn it into JSON.
    InvalidJson = "invalid_json",
    /// The body is nested deeper, or is larger, than the checker reads.
    InputTooLarge = "input_too_large",
    /// A required field is missing, or a rule makes it required.
    Required = "required",
    /// A field has the wrong JSON type.
    InvalidType = "invalid_type",
    /// An empty or white-space-only string: Kibana refuses these anywhere in `config` and `secrets`.
    BlankString = "blank_string",
    /// A key that the connector type (or the request body) does not define.
    UnknownKey = "unknown_key",
    /// A value outside the allowed options.
    InvalidOption = "invalid_option",
    /// A number, string or list below its lower limit.
    TooSmall = "too_small",
    /// A number, string or list above its upper limit.
    TooBig = "too_big",
    /// A value of the right type that a Kibana rule refuses.
    InvalidValue = "invalid_value",
    /// A URL that Kibana cannot parse (refused whatever the allowed hosts are).
    InvalidUrl = "invalid_url",
    /// An email address that cannot be parsed.
    InvalidEmail = "invalid_email",
    /// A field that must not be set together with the others.
    NotAllowed = "not_allowed",
    /// A set of fields that matches none of the accepted combinations.
    InvalidCombination = "invalid_combination",
    /// A connector id (the path parameter) that breaks Kibana's id rule.
    InvalidId = "invalid_id",
    /// A connector type id that Kibana does not register.
    UnknownConnectorType = "unknown_connector_type",
    /// A system action type: Kibana refuses to create connectors of it.
    SystemActionType = "system_action_type",
    /// A warning: a check that only the Kibana server can make (allowed hosts, enabled types, license).
    ServerCheck = "server_check",
    /// The options (not the body) cannot be read, or hold an unknown key or a wrong value: nothing was checked.
    InvalidOptions = "invalid_options",
    /// A warning: Kibana marks the connector type deprecated (it still creates it).
    DeprecatedType = "deprecated_type",
}

impl Serialize for IssueCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// One problem in a request body, located by an RFC 6901 pointer into the body.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Issue {
    /// The kind of problem.
    pub code: IssueCode,
    /// Where it is: `/config/port`, `/secrets/user`, `/name`; empty for the whole body.
    pub path: String,
    /// What is wrong, for people; Kibana's own wording where Kibana has one.
    pub message: String,
    /// Machine-readable details: expected type, allowed values, limits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub params: Option<Value>,
}

impl Issue {
    /// An issue of kind `code` at `path`, without parameters.
    pub fn new(code: IssueCode, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            code,
            path: path.into(),
            message: message.into(),
            params: None,
        }
    }

    /// The issue with machine-readable details.
    #[must_use]
    pub fn with_params(self, params: Value) -> Self {
        self.with_optional_params(Some(params))
    }

    /// The issue with these details, if any.
    #[must_use]
    pub fn with_optional_params(self, params: Option<Value>) -> Self {
        Self { params, ..self }
    }
}

/// The error response Kibana would send: `{ statusCode, error, message }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KibanaError {
    /// The HTTP status, e.g. 400.
    pub status_code: u16,
    /// The HTTP reason phrase, e.g. `Bad Request`.
    pub error: &'static str,
    /// Kibana's message, word for word (secret values masked).
    pub message: String,
}

impl KibanaError {
    /// A 400 Bad Request with `message`.
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self {
            status_code: 400,
            error: "Bad Request",
            message: message.into(),
        }
    }
}

/// Whether an answer is the named Kibana's word for word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Fidelity {
    /// Every fact the answer rests on is pinned for that release.
    #[default]
    Exact,
    /// Some fact is inferred, or an older engine's text is rebuilt: see `approximations`.
    Approximate,
}

/// The outcome of checking one request body.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// True when Kibana's own checks would accept the body (warnings aside).
    pub valid: bool,
    /// Every problem found, in the order Kibana's checks meet them.
    pub errors: Vec<Issue>,
    /// Checks that only the server can decide (`server_check`).
    pub warnings: Vec<Issue>,
    /// Kibana's answer when it would refuse the body, else `None` (`null` in JSON).
    pub kibana_error: Option<KibanaError>,
    /// True when `errors` or `warnings` stop at [`Report::MAX_ISSUES`]: a body with more problems
    /// than that gets the first ones (Kibana's answer is still the first). Left out when false.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub truncated: bool,
    /// The Kibana the answer is for (`"9.6"`, `"9.3.2"`, `"main"`); left out when nothing was
    /// checked (an unreadable body or options).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub kibana_version: String,
    /// `exact`, or `approximate` when the answer rests on a fact not pinned for that release.
    pub fidelity: Fidelity,
    /// Why the answer is approximate; left out when it is exact.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub approximations: Vec<String>,
}

impl Report {
    /// The most issues a report lists, errors and warnings each.
    pub const MAX_ISSUES: usize = 1_000;

    /// Keeps the first [`Report::MAX_ISSUES`] errors and warnings, and says so.
    pub fn cap(&mut self) {
        for issues in [&mut self.errors, &mut self.warnings] {
            if issues.len() > Self::MAX_ISSUES {
                issues.truncate(Self::MAX_ISSUES);
                self.truncated = true;
            }
        }
    }
}
