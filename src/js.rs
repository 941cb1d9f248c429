//! JavaScript's own semantics where Kibana's behaviour depends on them: `trim()`, `Number()`,
//! `String()`, truthiness and the order in which an object's keys are enumerated.

use serde_json::{Map, Value};

/// JavaScript's `String.prototype.trim`: white space (`WhiteSpace`, which includes U+FEFF) and
/// line terminators at both ends. Rust's `trim` differs (it trims U+0085 and keeps U+FEFF).
pub fn js_trim(text: &str) -> &str {
    text.trim_matches(|c: char| {
        matches!(
            c,
            '\u{9}'..='\u{d}'
                | ' '
                | '\u{a0}'
                | '\u{1680}'
                | '\u{2000}'..='\u{200a}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202f}'
                | '\u{205f}'
                | '\u{3000}'
                | '\u{feff}'
        )
    })
}

/// The keys of `map` in the order JavaScript enumerates an object parsed from the same JSON:
/// integer-like keys first, ascending, then the others in input order.
pub fn js_key_order(map: &Map<String, Value>) -> Vec<&String> {
    let mut indices: Vec<(u32, &String)> = Vec::new();
    let mut names: Vec<&String> = Vec::new();
    for key in map.keys() {
        match array_index(key) {
            Some(index) => indices.push((index, key)),
            None => names.push(key),
        }
    }
    indices.sort_by_key(|(index, _)| *index);
    indices
        .into_iter()
        .map(|(_, key)| key)
        .chain(names)
        .collect()
}

/// A canonical array index (`0`, `17`, not `017`, below 2³² − 1), as JavaScript defines it.
fn array_index(key: &str) -> Option<u32> {
    if key.len() > 1 && key.starts_with('0') {
        return None;
    }
    key.parse::<u32>()
        .ok()
        .filter(|index| *index != u32::MAX && key.bytes().all(|b| b.is_ascii_digit()))
}

/// A string written the way `JSON.stringify` writes it.
pub fn js_string_literal(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

/// A number written the way JavaScript's `String(number)` writes it, for the values that occur
/// as limits here (integers and short decimals).
pub fn js_number_text(number: f64) -> String {
    if number.fract() == 0.0 && number.abs() < 1e21 {
        format!("{number:.0}")
    } else {
        format!("{number}")
    }
}

/// JavaScript's `Number(value)`, which `z.coerce.number()` applies before checking.
pub fn js_number(value: Option<&Value>) -> f64 {
    match value {
        None | Some(Value::Object(_)) => f64::NAN,
        Some(Value::Null) => 0.0,
        Some(Value::Bool(flag)) => f64::from(u8::from(*flag)),
        Some(Value::Number(number)) => number.as_f64().unwrap_or(f64::NAN),
        Some(Value::String(text)) => js_string_to_number(text),
        Some(array @ Value::Array(_)) => js_string_to_number(&js_to_string(array)),
    }
}

/// JavaScript's `String(value)` for JSON values (arrays are joined with commas).
fn js_to_string(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::Bool(flag) => flag.to_string(),
        Value::Number(number) => number.to_string(),
        Value::String(text) => text.clone(),
        Value::Array(items) => items
            .iter()
            .map(|item| {
                if item.is_null() {
                    String::new()
                } else {
                    js_to_string(item)
                }
            })
            .collect::<Vec<_>>()
            .join(","),
        Value::Object(_) => "[object Object]".to_owned(),
    }
}

/// JavaScript's `StringToNumber`: trimmed; empty is 0; decimal, `Infinity`, `0x`/`0o`/`0b`.
fn js_string_to_number(text: &str) -> f64 {
    let text = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if text.is_empty() {
        return 0.0;
    }
    for (prefix, radix) in [
        ("0x", 16),
        ("0X", 16),
        ("0o", 8),
        ("0O", 8),
        ("0b", 2),
        ("0B", 2),
    ] {
        if let Some(digits) = text.strip_prefix(prefix) {
            if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
                return f64::NAN;
            }
            return digits
                .chars()
                .filter_map(|c| c.to_digit(radix))
                .fold(0.0, |acc, d| acc * f64::from(radix) + f64::from(d));
        }
    }
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    if unsigned == "Infinity" {
        return if text.starts_with('-') {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        };
    }
    if is_decimal_literal(unsigned) {
        text.parse().unwrap_or(f64::NAN)
    } else {
        f64::NAN
    }
}

/// `StrUnsignedDecimalLiteral`: `1`, `1.`, `.5`, `1.5e-3` (no `inf`, `nan` or `_`).
fn is_decimal_literal(text: &str) -> bool {
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(at) => (&text[..at], Some(&text[at + 1..])),
        None => (text, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok =
        digits(whole) && digits(fraction) && !(whole.is_empty() && fraction.is_empty());
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    mantissa_ok && exponent_ok
}

/// The value JavaScript would see as truthy, for rules that test `if (value)`.
pub fn truthy(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => false,
        Some(Value::Bool(flag)) => *flag,
        Some(Value::Number(number)) => number.as_f64().is_some_and(|n| n != 0.0),
        Some(Value::String(text)) => !text.is_empty(),
        Some(Value::Array(_) | Value::Object(_)) => true,
    }
}

/// True for a value that is `null` or absent (JavaScript's `value == null`).
pub fn is_nullish(value: Option<&Value>) -> bool {
    matches!(value, None | Some(Value::Null))
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // exact values are the point
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn number_coercion_follows_javascript() {
        let cases: &[(Value, f64)] = &[
            (json!("587"), 587.0),
            (json!(" 587 "), 587.0),
            (json!(""), 0.0),
            (json!("0x10"), 16.0),
            (json!("1e3"), 1000.0),
            (json!(".5"), 0.5),
            (json!("5."), 5.0),
            (json!(true), 1.0),
            (json!(false), 0.0),
            (json!(null), 0.0),
            (json!([]), 0.0),
            (json!([7]), 7.0),
            (json!(["8"]), 8.0),
        ];
        for (input, expected) in cases {
            assert_eq!(js_number(Some(input)), *expected, "{input}");
        }
        for input in [
            json!("abc"),
            json!("1_000"),
            json!("inf"),
            json!("NaN"),
            json!("0x"),
            json!([1, 2]),
            json!({}),
        ] {
            assert!(js_number(Some(&input)).is_nan(), "{input}");
        }
        assert!(js_number(None).is_nan());
        assert_eq!(js_number(Some(&json!("-Infinity"))), f64::NEG_INFINITY);
    }

    #[test]
    fn javascript_key_order_puts_indices_first() {
        let map: Map<String, Value> =
            serde_json::from_str(r#"{"b":1,"10":1,"a":1,"2":1,"01":1}"#).unwrap();
        let keys: Vec<&str> = js_key_order(&map).into_iter().map(String::as_str).collect();
        assert_eq!(keys, ["2", "10", "b", "a", "01"]);
    }

    #[test]
    fn trim_is_javascripts() {
        assert_eq!(
            js_trim("\u{feff} https://x.example \u{2028}"),
            "https://x.example"
        );
        assert_eq!(js_trim("\u{85}x"), "\u{85}x");
    }
}
