//! The two macros every connector model is written with: [`strict_object!`] for Zod's
//! `z.object({...}).strict()` and [`string_enum!`] for `z.enum([...])`.
//!
//! One declaration gives the typed Rust struct, its Zod-faithful reader, its JSON Schema and its
//! stored (serialized) form, so the three can never disagree. [`rules`] builds the cross-field
//! rules a connector adds to its JSON Schema.

pub mod rules;

/// Declares a strict Zod object: a struct, its reader, its JSON Schema and its serialization.
///
/// ```text
/// strict_object! {
///     /// Doc comment: becomes the schema description.
///     pub struct WebhookConfig {
///         /// The URL to call.
///         url: String,
///         /// HTTP method.
///         method: WebhookMethod = WebhookMethod::Post,      // `.default(...)`
///         has_auth as "hasAuth": bool = true,               // wire name differs from the field
///         headers: Nullable<Record<String>>,                // `.nullable().default(null)`
///         include tls_config_fields,                        // a field group, spliced in here
///     }
/// }
/// ```
///
/// A field group is what Kibana spreads into several objects (`...AuthConfiguration`): a macro
/// that hands its fields back to this one, declared once and included where Kibana spreads it
/// (`#[serde(flatten)]` cannot share fields of a strict object):
///
/// ```text
/// macro_rules! tls_config_fields {
///     ($($object:tt)*) => {
///         $crate::model::strict_object! { @include $($object)*
///             /// The format of the TLS client certificate.
///             cert_type as "certType": Option<$crate::connectors::auth::SslCertType>,
///         }
///     };
/// }
/// ```
macro_rules! strict_object {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident { $($body:tt)* }
    ) => {
        $crate::model::strict_object!(@expand [$(#[doc = $doc])* pub struct $name] [] $($body)*);
    };
    // Reads the body one field at a time into the second bracket, splicing in field groups.
    (@expand [$($head:tt)*] [$($fields:tt)*]) => {
        $crate::model::strict_object!(@define $($head)* { $($fields)* });
    };
    (@expand $head:tt $fields:tt , $($rest:tt)*) => {
        $crate::model::strict_object!(@expand $head $fields $($rest)*);
    };
    (@expand $head:tt $fields:tt include $group:ident $($rest:tt)*) => {
        $group!($head $fields [$($rest)*]);
    };
    (
        @expand $head:tt [$($fields:tt)*]
        $(#[doc = $field_doc:literal])*
        $field:ident $(as $wire:literal)? : $ty:ty $(= $default:expr)?
        $(, $($rest:tt)*)?
    ) => {
        $crate::model::strict_object!(
            @expand $head
            [$($fields)* $(#[doc = $field_doc])* $field $(as $wire)? : $ty $(= $default)?,]
            $($($rest)*)?
        );
    };
    // A field group's fields, handed back: read them as if written where the group was included.
    (@include $head:tt $fields:tt [$($rest:tt)*] $($group:tt)*) => {
        $crate::model::strict_object!(@expand $head $fields $($group)* , $($rest)*);
    };
    (
        @define
        $(#[doc = $doc:literal])*
        pub struct $name:ident {
            $(
                $(#[doc = $field_doc:literal])*
                $field:ident $(as $wire:literal)? : $ty:ty $(= $default:expr)?
            ),* $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, PartialEq)]
        #[allow(clippy::struct_field_names)] // the fields are Kibana's keys, named as Kibana does
        pub struct $name {
            $( $(#[doc = $field_doc])* pub $field: $ty, )*
        }

        impl $name {
            /// The keys Kibana defines for this object, in Kibana's order.
            pub const KEYS: &'static [&'static str] = &[$( $crate::model::wire_name!($field $($wire)?) ),*];
        }

        impl $crate::zod::Zod for $name {
            fn read(
                input: Option<&serde_json::Value>,
                reader: &mut $crate::zod::Reader,
            ) -> Option<Self> {
                let map = reader.object(input)?;
                $(
                    let $field = $crate::model::read_field!(
                        map, $crate::model::wire_name!($field $($wire)?), reader, $ty $(, $default)?
                    );
                )*
                reader.reject_unknown_keys(map, Self::KEYS);
                // One match over every field, not a `?` per field: a missing field drops the
                // tuple once instead of each field read before it (a drop path per field).
                match ($($field,)*) {
                    ($(Some($field),)*) => Some(Self { $($field,)* }),
                    #[allow(unreachable_patterns)]
                    _ => None,
                }
            }

            #[allow(unused_mut, unused_variables)]
            fn schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
                let mut properties = serde_json::Map::new();
                let mut required: Vec<&str> = Vec::new();
                $(
                    {
                        const KEY: &str = $crate::model::wire_name!($field $($wire)?);
                        let mut schema = <$ty as $crate::zod::Zod>::schema(generator);
                        $crate::model::describe(&mut schema, &[$($field_doc),*]);
                        let has_default = $crate::model::set_default!(schema, $ty $(, $default)?);
                        if <$ty as $crate::zod::Zod>::REQUIRED && !has_default {
                            required.push(KEY);
                        }
                        properties.insert(KEY.to_owned(), schema.to_value());
                    }
                )*
                let mut schema = schemars::json_schema!({
                    "type": "object",
                    "properties": properties,
                    "required": required,
                    "additionalProperties": false,
                });
                $crate::model::describe(&mut schema, &[$($doc),*]);
                schema
            }
        }

        impl serde::Serialize for $name {
            #[allow(unused_mut)]
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeMap as _;
                let mut map = serializer.serialize_map(None)?;
                $(
                    if !$crate::zod::Zod::is_absent(&self.$field) {
                        map.serialize_entry($crate::model::wire_name!($field $($wire)?), &self.$field)?;
                    }
                )*
                map.end()
            }
        }
    };
}

/// Declares a `z.enum([...])` of strings: a Rust enum, its reader, schema and serialization.
/// With a leading `union`, declares `z.union([z.literal(...), ...])` instead, whose failure Zod
/// reports as a bare `Invalid input`.
macro_rules! string_enum {
    (
        $(#[doc = $doc:literal])*
        pub enum $name:ident { $($body:tt)* }
    ) => {
        $crate::model::string_enum!(@define invalid_option $(#[doc = $doc])* pub enum $name { $($body)* });
    };
    (
        union
        $(#[doc = $doc:literal])*
        pub enum $name:ident { $($body:tt)* }
    ) => {
        $crate::model::string_enum!(@define invalid_union $(#[doc = $doc])* pub enum $name { $($body)* });
    };
    (
        @define $on_mismatch:ident
        $(#[doc = $doc:literal])*
        pub enum $name:ident {
            $( $(#[doc = $variant_doc:literal])* $variant:ident = $wire:literal ),* $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name {
            $( $(#[doc = $variant_doc])* $variant, )*
        }

        impl $name {
            /// The accepted strings, in Kibana's order.
            pub const OPTIONS: &'static [&'static str] = &[$($wire),*];

            /// The string Kibana stores.
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $wire,)* }
            }
        }

        impl $crate::zod::Zod for $name {
            fn read(
                input: Option<&serde_json::Value>,
                reader: &mut $crate::zod::Reader,
            ) -> Option<Self> {
                match input.and_then(serde_json::Value::as_str) {
                    $( Some($wire) => Some(Self::$variant), )*
                    _ => {
                        reader.$on_mismatch(Self::OPTIONS, input);
                        None
                    }
                }
            }

            fn schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                let mut schema = schemars::json_schema!({ "type": "string", "enum": Self::OPTIONS });
                $crate::model::describe(&mut schema, &[$($doc),*]);
                schema
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    };
}

/// The wire name of a field: the explicit one, or the field's own name.
macro_rules! wire_name {
    ($field:ident) => {
        stringify!($field)
    };
    ($field:ident $wire:literal) => {
        $wire
    };
}

/// Reads one field of an object, applying its `.default(...)` when the key is absent.
macro_rules! read_field {
    ($map:expr, $key:expr, $reader:expr, $ty:ty) => {
        $crate::zod::read_key::<$ty>($map, $key, $reader)
    };
    ($map:expr, $key:expr, $reader:expr, $ty:ty, $default:expr) => {
        match $crate::zod::field($map, $key) {
            // Zod returns a default without validating it.
            None => Some(<$ty>::from($default)),
            found => $crate::zod::read_found::<$ty>(found, $key, $reader),
        }
    };
}

/// Writes a field's default into its schema; evaluates to whether it has one.
macro_rules! set_default {
    ($schema:expr, $ty:ty) => {
        false
    };
    ($schema:expr, $ty:ty, $default:expr) => {{
        if let Ok(value) = serde_json::to_value(<$ty>::from($default)) {
            $schema.insert("default".to_owned(), value);
        }
        true
    }};
}

#[allow(unused_imports)]
pub(crate) use {read_field, set_default, strict_object, string_enum, wire_name};

/// Sets a schema's `description` from doc-comment lines (paragraphs kept, lines joined).
pub fn describe(schema: &mut schemars::Schema, lines: &[&str]) {
    let mut text = String::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            text.push_str("\n\n");
        } else {
            if !text.is_empty() && !text.ends_with('\n') {
                text.push(' ');
            }
            text.push_str(line);
        }
    }
    let text = text.trim();
    if !text.is_empty() {
        schema.insert(
            "description".to_owned(),
            serde_json::Value::String(text.to_owned()),
        );
    }
}
