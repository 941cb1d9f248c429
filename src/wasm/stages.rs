//! `make bench`'s view inside a validate (feature `bench-stages`, never in the package): each
//! export does one more stage of `validateText` than the one before and answers with a number,
//! so that the differences of their times are the stages' own (bench/run.mjs).

use wasm_bindgen::prelude::*;

use super::options;
use crate::pipeline::{report_text::report_text, validate};

/// The two texts copied into the module, nothing else.
#[wasm_bindgen(js_name = benchCopyIn, skip_typescript)]
pub fn copy_in(body: &str, options_json: &str) -> usize {
    body.len() + options_json.len()
}

/// … and read (`JSON.parse` of both), then dropped.
#[wasm_bindgen(js_name = benchParse, skip_typescript)]
pub fn parse(body: &str, options_json: &str) -> usize {
    usize::from(options(options_json).is_ok()) + usize::from(validate::read_body(body).is_ok())
}

/// … and checked: the report made, then dropped.
#[wasm_bindgen(js_name = benchCheck, skip_typescript)]
pub fn check(body: &str, options_json: &str) -> usize {
    options(options_json).map_or(0, |options| {
        validate::validate_json(body, &options).errors.len()
    })
}

/// … and the report written as JSON text, not handed back.
#[wasm_bindgen(js_name = benchWrite, skip_typescript)]
pub fn write(body: &str, options_json: &str) -> usize {
    options(options_json).map_or(0, |options| {
        report_text(&validate::validate_json(body, &options)).len()
    })
}
