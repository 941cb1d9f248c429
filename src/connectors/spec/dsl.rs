//! The language the spec declarations are written in: a [`Field`] with Zod's checks as
//! builder methods, the auth types a spec offers ([`AuthType`]), the spec itself ([`SpecDef`])
//! and [`spec_types!`], which turns a table of specs into marker types.

use serde_json::Value;

use crate::catalog::{AuthKind, License};
use crate::zod::JsNumber;

/// What a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `z.string()`.
    Text,
    /// `z.url()` / `z.string().url()`: trimmed, then WHATWG `new URL()`; the trimmed text is kept.
    Url,
    /// `z.enum([...])`.
    Choice(&'static [&'static str]),
    /// `z.boolean()`.
    Flag,
    /// `z.number()` (finite), with the checks of [`Field::int`], [`Field::at_least`] and
    /// [`Field::at_most`].
    Number,
}

/// A value a field defaults to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fallback {
    /// A string.
    Text(&'static str),
    /// A boolean.
    Flag(bool),
    /// A number.
    #[allow(dead_code)] // no declared spec defaults a number yet
    Number(f64),
    /// A list of strings.
    Texts(&'static [&'static str]),
}

impl Fallback {
    pub(super) fn to_value(self) -> Value {
        match self {
            Self::Text(text) => Value::String(text.to_owned()),
            Self::Texts(texts) => Value::Array(
                texts
                    .iter()
                    .map(|text| Value::String((*text).to_owned()))
                    .collect(),
            ),
            Self::Flag(flag) => Value::Bool(flag),
            Self::Number(number) => serde_json::to_value(JsNumber(number)).unwrap_or(Value::Null),
        }
    }
}

/// Whether a field may be left out.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Presence {
    /// Required.
    Required,
    /// `.optional()`: absent stays absent, `null` is refused.
    Optional,
    /// `.default(value)`: absent becomes the value (not validated), `null` is refused.
    Default(Fallback),
}

/// A string format check: `.regex(pattern, message?)` or `.uuid({ message? })`. The pattern is a
/// test function (the crate has no regex engine) plus its JavaScript source for Zod's issue.
#[derive(Debug, Clone, Copy)]
pub struct Pattern {
    /// The JavaScript regular expression, without slashes (e.g. `^[a-z0-9-]+$`).
    pub source: &'static str,
    /// True when a string matches the pattern.
    pub test: fn(&str) -> bool,
    /// The custom message (`.regex(re, 'message')`), when there is one.
    pub message: Option<&'static str>,
    /// Zod's `format` of the check: `regex` or `uuid`.
    pub format: &'static str,
}

impl PartialEq for Pattern {
    fn eq(&self, other: &Self) -> bool {
        self.source == other.source && self.message == other.message && self.format == other.format
    }
}

impl Pattern {
    /// The issue message: the custom one, else Zod's default for the format.
    pub(super) fn issue_message(&self) -> String {
        match (self.message, self.format) {
            (Some(message), _) => message.to_owned(),
            (None, "uuid") => "Invalid UUID".to_owned(),
            (None, _) => format!("Invalid string: must match pattern /{}/", self.source),
        }
    }
}

/// Zod 4's `z.uuid()` / `z.string().uuid()` pattern (RFC 9562 versions 1-8, variant 10xx, plus
/// the nil and max UUIDs, both lower case only).
const UUID_SOURCE: &str = "^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$";

/// True when `text` matches [`UUID_SOURCE`].
pub(super) fn is_uuid(text: &str) -> bool {
    if text == "00000000-0000-0000-0000-000000000000"
        || text == "ffffffff-ffff-ffff-ffff-ffffffffffff"
    {
        return true;
    }
    let bytes = text.as_bytes();
    if bytes.len() != 36 {
        return false;
    }
    bytes.iter().enumerate().all(|(index, byte)| match index {
        8 | 13 | 18 | 23 => *byte == b'-',
        14 => (b'1'..=b'8').contains(byte),
        19 => matches!(byte, b'8' | b'9' | b'a' | b'b' | b'A' | b'B'),
        _ => byte.is_ascii_hexdigit(),
    })
}

/// A `.transform()` on a string field: it runs after the field validated, and Kibana stores
/// its result (the actions framework keeps the parsed config).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transform {
    /// `.transform((val) => val.replace(/\/+$/, ''))`: every trailing `/` removed (the SharePoint
    /// Server and Snowflake specs). The text is the URL check's trimmed text.
    StripTrailingSlashes,
}

impl Transform {
    /// Applies the transform to a validated string.
    pub(super) fn apply(self, text: &str) -> String {
        match self {
            Self::StripTrailingSlashes => text.trim_end_matches('/').to_owned(),
        }
    }

    /// The sentence the field's description gets.
    pub(super) const fn doc(self) -> &'static str {
        match self {
            Self::StripTrailingSlashes => " Kibana removes trailing slashes before storing it.",
        }
    }
}

/// One field of a spec's config object or of an auth type's secrets object.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Field {
    /// The key, exactly as Kibana spells it.
    pub key: &'static str,
    /// What it holds.
    pub kind: Kind,
    /// Whether it may be left out.
    pub presence: Presence,
    /// `.min(n)` on a string.
    pub min: Option<usize>,
    /// `.max(n)` on a string.
    pub max: Option<usize>,
    /// The custom message of `.min(n, { message })`, when there is one.
    pub min_message: Option<&'static str>,
    /// `meta({ validate: { allowedHosts: true } })`: checked against `xpack.actions.allowedHosts`.
    pub allowed_hosts: bool,
    /// `.regex(pattern, message?)` on a string (checked after `.min()` / `.max()`).
    pub pattern: Option<Pattern>,
    /// A `.transform()` applied to the validated value before Kibana stores it.
    pub transform: Option<Transform>,
    /// `z.number().int()` (declared before `.min()` / `.max()`): a number that is not an integer
    /// is Zod's `invalid_type` (`expected int`), which stops the later checks; one beyond
    /// ±(2^53 − 1) is a `too_big` / `too_small` of origin `int`, which does not.
    pub integer: bool,
    /// `.min(n)` on a number (`>= n`).
    pub minimum: Option<f64>,
    /// `.max(n)` on a number (`<= n`).
    pub maximum: Option<f64>,
    /// `z.string().trim()` (declared before the length and pattern checks): Zod's overwrite
    /// check replaces the text with its `String.prototype.trim()`, so `.min()` / `.max()` /
    /// `.regex()` judge the trimmed text and Kibana stores it. Like `.regex()`, it has no `when`:
    /// after a type error it does not run.
    pub trim: bool,
    /// Help text for the person filling the form (the schema's description only: without the
    /// `json-schema` feature the validating module does not carry it).
    #[cfg(feature = "json-schema")]
    pub doc: &'static str,
}

impl Field {
    /// The field's help text (empty without the `json-schema` feature, where nothing reads it).
    #[cfg_attr(not(feature = "json-schema"), allow(clippy::unused_self))]
    pub const fn help(&self) -> &'static str {
        #[cfg(feature = "json-schema")]
        return self.doc;
        #[cfg(not(feature = "json-schema"))]
        ""
    }

    /// A required field.
    pub const fn required(key: &'static str, kind: Kind, doc: &'static str) -> Self {
        #[cfg(not(feature = "json-schema"))]
        let _ = doc;
        Self {
            key,
            kind,
            presence: Presence::Required,
            min: None,
            max: None,
            min_message: None,
            allowed_hosts: false,
            pattern: None,
            transform: None,
            integer: false,
            minimum: None,
            maximum: None,
            trim: false,
            #[cfg(feature = "json-schema")]
            doc,
        }
    }

    /// An `.optional()` field.
    pub const fn optional(key: &'static str, kind: Kind, doc: &'static str) -> Self {
        Self {
            presence: Presence::Optional,
            ..Self::required(key, kind, doc)
        }
    }

    /// A field with a `.default(value)`.
    pub const fn defaults(
        key: &'static str,
        kind: Kind,
        value: Fallback,
        doc: &'static str,
    ) -> Self {
        Self {
            presence: Presence::Default(value),
            ..Self::required(key, kind, doc)
        }
    }

    /// With `.min(n)`.
    #[must_use]
    pub const fn min(self, min: usize) -> Self {
        Self {
            min: Some(min),
            ..self
        }
    }

    /// With `.max(n)`.
    #[must_use]
    pub const fn max(self, max: usize) -> Self {
        Self {
            max: Some(max),
            ..self
        }
    }

    /// With `.min(n, { message })`.
    #[must_use]
    pub const fn min_with(self, min: usize, message: &'static str) -> Self {
        Self {
            min: Some(min),
            min_message: Some(message),
            ..self
        }
    }

    /// With `.int()` on a number.
    #[must_use]
    pub const fn int(self) -> Self {
        Self {
            integer: true,
            ..self
        }
    }

    /// With `.min(n)` on a number.
    #[must_use]
    pub const fn at_least(self, minimum: f64) -> Self {
        Self {
            minimum: Some(minimum),
            ..self
        }
    }

    /// With `.max(n)` on a number.
    #[must_use]
    pub const fn at_most(self, maximum: f64) -> Self {
        Self {
            maximum: Some(maximum),
            ..self
        }
    }

    /// Marked `validate: { allowedHosts: true }`.
    #[must_use]
    pub const fn allowed_hosts(self) -> Self {
        Self {
            allowed_hosts: true,
            ..self
        }
    }

    /// With `.regex(pattern)` (`message: None`: Zod's `Invalid string: must match pattern /…/`)
    /// or `.regex(pattern, message)`.
    #[must_use]
    pub const fn regex(
        self,
        source: &'static str,
        test: fn(&str) -> bool,
        message: Option<&'static str>,
    ) -> Self {
        Self {
            pattern: Some(Pattern {
                source,
                test,
                message,
                format: "regex",
            }),
            ..self
        }
    }

    /// With `.trim()` before its other checks (see [`Field::trim`]).
    #[must_use]
    pub const fn trim(self) -> Self {
        Self { trim: true, ..self }
    }

    /// With `.transform((val) => val.replace(/\/+$/, ''))`.
    #[must_use]
    pub const fn strip_trailing_slashes(self) -> Self {
        Self {
            transform: Some(Transform::StripTrailingSlashes),
            ..self
        }
    }

    /// With `.refine(test, { message })`: Zod's `custom` issue with the message when `test` fails.
    /// `source` is a JavaScript regular expression equivalent to `test`, for the JSON Schema.
    #[must_use]
    pub const fn refine(
        self,
        source: &'static str,
        test: fn(&str) -> bool,
        message: &'static str,
    ) -> Self {
        Self {
            pattern: Some(Pattern {
                source,
                test,
                message: Some(message),
                format: "refine",
            }),
            ..self
        }
    }

    /// With `.uuid()` (`message: None`: Zod's `Invalid UUID`) or `.uuid({ message })`.
    #[must_use]
    pub const fn uuid(self, message: Option<&'static str>) -> Self {
        Self {
            pattern: Some(Pattern {
                source: UUID_SOURCE,
                test: is_uuid,
                message,
                format: "uuid",
            }),
            ..self
        }
    }
}

/// How a Zod object treats keys it does not define.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unknown {
    /// Plain `z.object`: dropped without an issue.
    Strip,
    /// `.strict()`: `Unrecognized key`.
    Refuse,
}

/// One entry of a spec's `auth.types`: the auth type and the spec's `defaults` for it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AuthType {
    /// The auth type.
    pub kind: AuthKind,
    /// The spec's `defaults` (`None` when the entry is a bare id or has no `defaults`).
    pub defaults: Option<&'static [(&'static str, Fallback)]>,
}

impl AuthType {
    /// A bare auth type id (`types: ['bearer']`).
    pub const fn plain(kind: AuthKind) -> Self {
        Self {
            kind,
            defaults: None,
        }
    }

    /// `{ type, defaults }`.
    pub const fn with(kind: AuthKind, defaults: &'static [(&'static str, Fallback)]) -> Self {
        Self {
            kind,
            defaults: Some(defaults),
        }
    }
}

/// One spec connector type, as data.
#[derive(Debug, Clone, Copy)]
pub struct SpecDef {
    /// `metadata.id`.
    pub id: &'static str,
    /// `metadata.displayName`.
    pub name: &'static str,
    /// `metadata.minimumLicense`.
    pub license: License,
    /// `metadata.supportedFeatureIds`.
    pub features: &'static [&'static str],
    /// What the connector does (the spec's description), for the schema.
    pub description: &'static str,
    /// The spec's config fields (`spec.schema`), in order; empty when it has none.
    pub config: &'static [Field],
    /// How the spec's config object treats unknown keys.
    pub unknown: Unknown,
    /// `auth.types`, in order.
    pub auth: &'static [AuthType],
}

/// A spec connector type: a marker type carrying its [`SpecDef`].
pub trait Spec: 'static {
    /// The spec.
    const DEF: SpecDef;
}

/// Declares spec connector types: a marker type per spec, implementing [`Spec`], and `ALL`,
/// their definitions in order.
macro_rules! spec_types {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident {
            id: $id:literal,
            name: $display:literal,
            license: $license:ident,
            features: [$($feature:expr),* $(,)?],
            description: $description:literal,
            config: $unknown:ident [$($field:expr),* $(,)?],
            auth: [$($auth:expr),* $(,)?] $(,)?
        }
    )*) => {
        $(
            $(#[doc = $doc])*
            #[derive(Debug, Clone, Copy, PartialEq, Eq)]
            pub struct $name;

            impl $crate::connectors::spec::Spec for $name {
                const DEF: $crate::connectors::spec::SpecDef = $crate::connectors::spec::SpecDef {
                    id: $id,
                    name: $display,
                    license: $crate::catalog::License::$license,
                    features: &[$($feature),*],
                    description: $description,
                    config: &[$($field),*],
                    unknown: $crate::connectors::spec::Unknown::$unknown,
                    auth: &[$($auth),*],
                };
            }
        )*

        /// Every spec type declared here, in order (the registry's tests check that each one is
        /// registered once).
        #[cfg(test)]
        pub const ALL: &[$crate::connectors::spec::SpecDef] =
            &[$(<$name as $crate::connectors::spec::Spec>::DEF),*];
    };
}

pub(crate) use spec_types;
