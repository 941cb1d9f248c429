//! Reading JSON the way Kibana's Zod v4 connector schemas read it, issue for issue.
//!
//! Every connector model is built from the types here. Each one mirrors a Zod construct:
//!
//! | Rust type            | Zod                                  | absent key        | `null`    |
//! |----------------------|--------------------------------------|-------------------|-----------|
//! | `String`, `bool`, …  | `z.string()`, `z.boolean()`, …       | error             | error     |
//! | `Option<T>`          | `T.optional()`                       | stays absent      | error     |
//! | [`Nullable<T>`]      | `T.nullable().default(null)`         | becomes `null`    | `null`    |
//! | [`Nullish<T>`]       | `T.nullish()`                        | stays absent      | `null`    |
//! | field `= default`    | `T.default(value)`                   | becomes the value | as `T`    |
//!
//! Readers never stop at the first problem: they record every issue Zod would record, with its
//! path and Zod's English message, so that both the full list of problems and Kibana's
//! `z.prettifyError` text can be produced from one pass.

mod prettify;
mod reader;
mod types;

use schemars::{Schema, SchemaGenerator};
use serde_json::Value;

pub use prettify::prettify;
pub use reader::{
    Limit, Reader, ZodIssue, field, invalid_option_message, read_found, read_key,
    unrecognized_keys_message,
};
pub use types::{
    CoercedNumber, JsNumber, NonEmptyString, Nullable, Nullish, Record, ZodUrl, check_length,
    coerce_number, nullable_schema,
};

/// A value read by a Zod schema.
pub trait Zod: Sized {
    /// False when an absent key is accepted (optional, nullable with a default, nullish).
    const REQUIRED: bool = true;

    /// Reads `input` (`None` when the key is absent), recording every issue in `reader`.
    fn read(input: Option<&Value>, reader: &mut Reader) -> Option<Self>;

    /// The JSON Schema of a present value.
    fn schema(generator: &mut SchemaGenerator) -> Schema;

    /// True for a value that stays out of the stored object (an absent optional key).
    fn is_absent(&self) -> bool {
        false
    }
}
