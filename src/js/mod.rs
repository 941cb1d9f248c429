//! JavaScript's own semantics where Kibana's behaviour depends on them: `trim()`, `Number()`,
//! `String()`, truthiness, the order in which an object's keys are enumerated, and the numbers
//! `JSON.parse` gives (including `Infinity` for a literal too large for a double), and
//! `JSON.parse` and `JSON.stringify` themselves ([`json_parse`], [`write_json`]).
//!
//! Kibana runs on Node: every rule that trims, every blank-string check and every number a body
//! carries behave as JavaScript defines them, not as Rust's `char::is_whitespace` or serde_json's
//! number parser do. Everything in the crate that trims or reads a number goes through here.

use serde_json::{Map, Number, Value};

mod json;

/// `serde_json::json!` without its hidden `unwrap`: `null`, `[…]` and `{ "key": …, … }` build
/// the value; any other expression goes through [`value_of`]. serde_json's macro unwraps
/// `to_value` on every interpolated expression, which would put its error's `Debug` text (and
/// with it the standard library's string escaping and Unicode tables) into the wasm module.
macro_rules! json_value {
    (null) => { ::serde_json::Value::Null };
    ([]) => { ::serde_json::Value::Array(::std::vec::Vec::new()) };
    ([ $($tt:tt)+ ]) => { $crate::js::json!(@array [] [] $($tt)+) };
    ({}) => { ::serde_json::Value::Object(::serde_json::Map::new()) };
    ({ $($tt:tt)+ }) => {{
        let mut map = ::serde_json::Map::new();
        $crate::js::json!(@object map $($tt)+);
        ::serde_json::Value::Object(map)
    }};
    // An array's elements, each gathered up to a comma at its own level, then built at once.
    (@array [$($done:tt)*] [$($element:tt)+] , $($rest:tt)*) => {
        $crate::js::json!(@array [$($done)* ($($element)+)] [] $($rest)*)
    };
    (@array [$($done:tt)*] [$($element:tt)*] $next:tt $($rest:tt)*) => {
        $crate::js::json!(@array [$($done)*] [$($element)* $next] $($rest)*)
    };
    (@array [$($done:tt)*] [$($element:tt)+]) => {
        $crate::js::json!(@array [$($done)* ($($element)+)] [])
    };
    (@array [$($done:tt)*] []) => {
        ::serde_json::Value::Array(::std::vec![$($crate::js::json! $done),*])
    };
    // An object's entries: a key (a string literal, or a variable holding one), then its value
    // up to a comma.
    (@object $map:ident $key:tt : $($rest:tt)+) => {
        $crate::js::json!(@entry $map $key [] $($rest)+);
    };
    (@object $map:ident) => {};
    (@entry $map:ident $key:tt [$($value:tt)+] , $($rest:tt)*) => {
        $map.insert(::std::string::String::from($key), $crate::js::json!($($value)+));
        $crate::js::json!(@object $map $($rest)*);
    };
    (@entry $map:ident $key:tt [$($value:tt)*] $next:tt $($rest:tt)*) => {
        $crate::js::json!(@entry $map $key [$($value)* $next] $($rest)*);
    };
    (@entry $map:ident $key:tt [$($value:tt)+]) => {
        $map.insert(::std::string::String::from($key), $crate::js::json!($($value)+));
    };
    ($other:expr) => { $crate::js::value_of(&$other) };
}

pub(crate) use json_value as json;

/// A value's serde form as a [`Value`]; `null` for the values serde cannot write (a map with
/// keys that are not strings: none of this crate's).
pub fn value_of<T: serde::Serialize + ?Sized>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

pub use json::{json_parse, json_parse_lossy, json_text, write_json, write_json_string};

/// True for the code points `String.prototype.trim()` removes: ECMAScript's `WhiteSpace`
/// (TAB, VT, FF, SP, NBSP, ZWNBSP/BOM and the `Zs` category) and `LineTerminator` (LF, CR, LS,
/// PS). U+0085 (NEL) and U+180E are not among them, unlike Rust's `char::is_whitespace`.
pub const fn is_js_white_space(c: char) -> bool {
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
}

/// `text.trim()`, as JavaScript does it.
pub fn js_trim(text: &str) -> &str {
    // Most texts start and end with a visible ASCII character: nothing to decode.
    if let (Some(&first), Some(&last)) = (text.as_bytes().first(), text.as_bytes().last()) {
        if is_ascii_kept(first) && is_ascii_kept(last) {
            return text;
        }
    }
    text.trim_matches(is_js_white_space)
}

/// True for an ASCII byte that `trim()` keeps (every byte of a multi-byte character is ≥ 0x80).
const fn is_ascii_kept(byte: u8) -> bool {
    byte.is_ascii() && !is_js_white_space(byte as char)
}

/// `text.length`: the UTF-16 code units of `text`. A code point is one unit, two above U+FFFF:
/// one for every byte that starts a UTF-8 sequence, one more for every 4-byte sequence.
pub fn utf16_length(text: &str) -> usize {
    text.bytes()
        .map(|b| usize::from(b & 0xc0 != 0x80) + usize::from(b >= 0xf0))
        .sum()
}

/// True when `text.trim()` is empty: Kibana's blank-string test (`validateEmptyStrings`).
pub fn is_blank(text: &str) -> bool {
    match text.as_bytes().first() {
        Some(&first) if is_ascii_kept(first) => false,
        _ => js_trim(text).is_empty(),
    }
}

/// How an `Infinity` from `JSON.parse` is kept in a [`Value`], which has no infinite numbers: as
/// the largest double, with its sign. [`number_value`] reads it back as `±Infinity`.
///
/// The one cost: a literal that itself rounds to ±1.7976931348623157e308 reads as `±Infinity`
/// too (a deliberate difference, in the README).
const INFINITY_STAND_IN: f64 = f64::MAX;

/// The number JavaScript sees: `±Infinity` for the stand-in of a too-large literal.
pub fn number_value(number: &Number) -> f64 {
    match number.as_f64() {
        Some(n) if n == INFINITY_STAND_IN => f64::INFINITY,
        Some(n) if n == -INFINITY_STAND_IN => f64::NEG_INFINITY,
        Some(n) => n,
        None => f64::NAN,
    }
}

/// Every number in `value` as `JSON.stringify` writes it, which is how Kibana stores and answers
/// it: `null` for `±Infinity`, and a whole number (`1.0`, `-0`, `1e-400`) as an integer.
pub fn stored_numbers(value: &mut Value) {
    /// Doubles up to here are whole numbers JavaScript writes without an exponent or a fraction.
    const SAFE: f64 = 9_007_199_254_740_991.0;
    match value {
        Value::Number(number) if number.is_f64() => {
            let n = number_value(number);
            if n.is_infinite() {
                *value = Value::Null;
            } else if n.fract() == 0.0 && n.abs() <= SAFE {
                #[allow(clippy::cast_possible_truncation)] // whole and within ±2⁵³
                let whole = n as i64;
                *value = Value::from(whole);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(stored_numbers),
        Value::Object(map) => map.values_mut().for_each(stored_numbers),
        _ => {}
    }
}

/// `String(number)`: JavaScript's Number-to-String (ECMA-262 `Number::toString`): the shortest
/// digits that read back as the same double, in plain decimal notation for exponents from -7 to
/// 21 and as `d.ddde±n` beyond; `NaN`, `Infinity`, `-Infinity`; `0` for `-0`.
pub fn number_to_string(number: f64) -> String {
    if number.is_nan() {
        return "NaN".to_owned();
    }
    if number.is_infinite() {
        return if number > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        }
        .to_owned();
    }
    if number == 0.0 {
        return "0".to_owned();
    }
    // In wasm the host's own `String(number)` answers: this function is its definition, and
    // Rust's float formatting tables stay out of the module.
    #[cfg(target_arch = "wasm32")]
    return host::number_to_string(number);
    #[cfg(not(target_arch = "wasm32"))]
    number_to_string_natively(number)
}

/// [`number_to_string`] for a finite, non-zero number, from Rust's shortest digits.
#[cfg(not(target_arch = "wasm32"))]
fn number_to_string_natively(number: f64) -> String {
    // Rust's `{:e}` writes the shortest round-tripping digits: `-1.2345e-7`.
    let scientific = format!("{:e}", number.abs());
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let exponent: i64 = exponent.parse().unwrap_or(0);
    // ECMA-262's n: the decimal point sits after n digits.
    let n = exponent + 1;
    let k = i64::try_from(digits.len()).unwrap_or(i64::MAX);
    let sign = if number < 0.0 { "-" } else { "" };
    let body = if k <= n && n <= 21 {
        let zeros = usize::try_from(n - k).unwrap_or(0);
        [digits.as_str(), &"0".repeat(zeros)].concat()
    } else if 0 < n && n <= 21 {
        let split = usize::try_from(n).unwrap_or(0);
        let (whole, fraction) = digits.split_at(split.min(digits.len()));
        [whole, ".", fraction].concat()
    } else if -6 < n && n <= 0 {
        let zeros = usize::try_from(-n).unwrap_or(0);
        ["0.", &"0".repeat(zeros), digits.as_str()].concat()
    } else {
        let (first, rest) = digits.split_at(1.min(digits.len()));
        let point = if rest.is_empty() { "" } else { "." };
        let exponent_sign = if n - 1 < 0 { "-" } else { "+" };
        [
            first,
            point,
            rest,
            "e",
            exponent_sign,
            &(n - 1).abs().to_string(),
        ]
        .concat()
    };
    [sign, body.as_str()].concat()
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
    stable_order(&indices, |(index, _)| u64::from(*index))
        .into_iter()
        .filter_map(|at| indices.get(at).map(|(_, key)| *key))
        .chain(names)
        .collect()
}

/// The positions of `items` in the order a stable sort by `key` puts them. Every sort in the
/// crate goes through here, so that the module carries one instance of the standard library's
/// sort (its biggest generic function) rather than one per element type.
pub fn stable_order<T>(items: &[T], key: impl Fn(&T) -> u64) -> Vec<usize> {
    let mut keyed: Vec<(u64, usize)> = items
        .iter()
        .enumerate()
        .map(|(at, item)| (key(item), at))
        .collect();
    // Ties are ordered by position: the unstable sort gives the stable order.
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, at)| at).collect()
}

/// A canonical array index (`0`, `17`, not `017`, below 2³² − 1), as JavaScript defines it.
fn array_index(key: &str) -> Option<u32> {
    if !key.starts_with(|c: char| c.is_ascii_digit()) || (key.len() > 1 && key.starts_with('0')) {
        return None;
    }
    key.parse::<u32>()
        .ok()
        .filter(|index| *index != u32::MAX && key.bytes().all(|b| b.is_ascii_digit()))
}

/// A string written the way `JSON.stringify` writes it.
pub fn js_string_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    write_json_string(&mut out, text);
    out
}

/// A number written the way JavaScript's `String(number)` writes it, for the values that occur
/// as limits here (integers and short decimals).
pub fn js_number_text(number: f64) -> String {
    number_to_string(number)
}

/// JavaScript's `Number(value)`, which `z.coerce.number()` applies before checking.
pub fn js_number(value: Option<&Value>) -> f64 {
    match value {
        None | Some(Value::Object(_)) => f64::NAN,
        Some(Value::Null) => 0.0,
        Some(Value::Bool(flag)) => f64::from(u8::from(*flag)),
        Some(Value::Number(number)) => number_value(number),
        Some(Value::String(text)) => js_string_to_number(text),
        Some(array @ Value::Array(_)) => js_string_to_number(&js_to_string(array)),
    }
}

/// JavaScript's `String(value)` for JSON values (arrays are joined with commas).
fn js_to_string(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::Bool(flag) => flag.to_string(),
        Value::Number(number) => number_to_string(number_value(number)),
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
    let text = js_trim(text);
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
        decimal_to_number(text)
    } else {
        f64::NAN
    }
}

/// The double nearest to a decimal literal (`-1.5e3`), `NaN` for text that is not one: Rust's
/// parser natively, the host's `Number(text)` in wasm (the same correctly rounded result, without
/// Rust's parsing tables in the module).
fn decimal_to_number(text: &str) -> f64 {
    #[cfg(target_arch = "wasm32")]
    return host::string_to_number(text);
    #[cfg(not(target_arch = "wasm32"))]
    text.parse().unwrap_or(f64::NAN)
}

/// The JavaScript host's number conversions (`src/js.js`): only numbers and strings cross, and
/// neither function can throw.
#[cfg(target_arch = "wasm32")]
mod host {
    use wasm_bindgen::prelude::wasm_bindgen;

    #[wasm_bindgen(module = "/src/js.js")]
    extern "C" {
        #[wasm_bindgen(js_name = numberToString)]
        pub fn number_to_string(number: f64) -> String;
        #[wasm_bindgen(js_name = stringToNumber)]
        pub fn string_to_number(text: &str) -> f64;
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
        Some(Value::Number(number)) => number_value(number) != 0.0,
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
    fn the_json_macro_builds_what_serde_jsons_builds() {
        let key = "dynamic";
        let text = String::from("x, y");
        let list = vec![1, 2];
        assert_eq!(json!(null), serde_json::json!(null));
        assert_eq!(json!([]), serde_json::json!([]));
        assert_eq!(json!({}), serde_json::json!({}));
        assert_eq!(
            json!({ "a": 1, "b": [true, null, "s", -2.5], key: text.len(), "c": { "d": list, "e": [] }, "f": text.as_str() }),
            serde_json::json!({ "a": 1, "b": [true, null, "s", -2.5], key: text.len(), "c": { "d": list, "e": [] }, "f": text.as_str() })
        );
        assert_eq!(
            json!([[1, 2], {"k": (1, 2).0}, text.replace(',', ";")]),
            serde_json::json!([[1, 2], {"k": (1, 2).0}, text.replace(',', ";")])
        );
    }

    #[test]
    fn stable_order_keeps_ties_in_place() {
        let items = [(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        let order = stable_order(&items, |(key, _)| *key);
        let letters: String = order.iter().map(|&at| items[at].1).collect();
        assert_eq!(letters, "dbeac");
        assert!(stable_order(&[] as &[u8], |_| 0).is_empty());
    }

    #[test]
    fn trim_and_blank_agree_with_the_full_scan() {
        let texts = [
            "",
            " ",
            "a",
            " a",
            "a ",
            "\u{b}a\u{c}",
            "\u{a0}a",
            "a\u{3000}",
            "\u{feff}",
            "é",
            "é ",
            " é",
            "\u{85}a\u{85}",
            "\u{180e}",
            "\u{2028}x\u{2029}",
            "a b",
            "\t\r\n",
        ];
        for text in texts {
            let full = text.trim_matches(is_js_white_space);
            assert_eq!(js_trim(text), full, "{text:?}");
            assert_eq!(is_blank(text), full.is_empty(), "{text:?}");
        }
    }

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
    fn utf16_length_is_javascripts_length() {
        for text in [
            "",
            "abc",
            "é",
            "€x",
            "😀",
            "a😀b€é\u{10ffff}",
            "\u{ffff}\u{10000}",
        ] {
            assert_eq!(utf16_length(text), text.encode_utf16().count(), "{text}");
        }
    }

    #[test]
    fn trim_is_javascripts() {
        assert_eq!(js_trim("\u{feff} x \u{2028}"), "x");
        assert_eq!(js_trim("\u{85}x\u{180e}"), "\u{85}x\u{180e}");
        assert!(is_blank("\u{feff}"));
        assert!(!is_blank("\u{85}"));
    }

    /// Runs a Node script and returns what it printed.
    pub(super) fn node(script: &str) -> String {
        let out = std::process::Command::new("node")
            .args(["-e", script])
            .output()
            .expect("node (the tests need Node.js)");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8")
    }

    #[test]
    fn trim_removes_exactly_what_nodes_trim_removes() {
        let theirs = node(
            "const out = []; for (let c = 0; c <= 0x10ffff; c++) { if (c >= 0xd800 && c <= 0xdfff) continue; \
             if (String.fromCodePoint(c).trim() === '') out.push(c); } console.log(out.join(','));",
        );
        let ours: Vec<String> = (0..=0x0010_ffff_u32)
            .filter_map(char::from_u32)
            .filter(|&c| is_js_white_space(c))
            .map(|c| u32::from(c).to_string())
            .collect();
        assert_eq!(theirs.trim_end(), ours.join(","));
        // And `js_trim` strips them from both ends only.
        assert_eq!(js_trim("\u{feff}\u{3000}a\u{2029}b\u{a0}"), "a\u{2029}b");
    }

    #[test]
    fn numbers_print_as_nodes_string_does() {
        let mut numbers = vec![
            0.1,
            1e21,
            1e-7,
            123e-20,
            5e-324,
            f64::MAX,
            -1.5e300,
            1.0 / 3.0,
        ];
        // A spread of about 2,000 doubles over the whole exponent range.
        let mut bits: u64 = 0x0010_0000_0000_0001;
        while bits < 0x7fe0_0000_0000_0000 {
            numbers.push(f64::from_bits(bits));
            bits += 0x000f_e5a1_b2c3_d4e5;
        }
        let literals: Vec<String> = numbers.iter().map(|n| format!("{n:e}")).collect();
        let theirs = node(&format!(
            "console.log([{}].map(String).join('\\n'))",
            literals.join(",")
        ));
        let ours: Vec<String> = numbers.iter().map(|&n| number_to_string(n)).collect();
        assert_eq!(theirs.trim_end().split('\n').collect::<Vec<_>>(), ours);
    }

    #[test]
    fn too_large_literals_are_infinities_and_stored_as_null() {
        let value = json_parse(r#"{"a": 1e400, "b": [-1e999, "1e400", 2], "c": 1e-400}"#).unwrap();
        let number = |v: &Value| v.as_number().map(number_value);
        assert_eq!(number(&value["a"]), Some(f64::INFINITY));
        assert_eq!(number(&value["b"][0]), Some(f64::NEG_INFINITY));
        assert_eq!(value["b"][1], "1e400");
        assert_eq!(number(&value["c"]), Some(0.0));
        let mut stored = value;
        stored_numbers(&mut stored);
        assert_eq!(stored["a"], Value::Null);
        assert_eq!(stored["b"][0], Value::Null);
        assert_eq!(stored["b"][2], 2);
        assert_eq!(stored["c"].to_string(), "0");
    }

    #[test]
    fn numbers_print_as_javascript_prints_them() {
        let cases = [
            (1e21, "1e+21"),
            (1e20, "100000000000000000000"),
            (123.456, "123.456"),
            (0.000_001, "0.000001"),
            (1e-7, "1e-7"),
            (-1.5e-9, "-1.5e-9"),
            (-0.0, "0"),
            (f64::INFINITY, "Infinity"),
            (f64::NEG_INFINITY, "-Infinity"),
            (f64::NAN, "NaN"),
            (42.0, "42"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1.234_5e25, "1.2345e+25"),
        ];
        for (number, text) in cases {
            assert_eq!(number_to_string(number), text, "{number}");
        }
    }

    #[test]
    fn escaped_quotes_do_not_end_a_string() {
        let value = json_parse(r#"["a\"1e400", 1e400]"#).unwrap();
        assert_eq!(value[0], "a\"1e400");
        assert!(
            value[1]
                .as_number()
                .is_some_and(|n| number_value(n).is_infinite())
        );
    }

    #[test]
    fn text_that_is_not_json_stays_an_error() {
        assert!(json_parse("[1e400,").is_err());
        assert!(json_parse("{").is_err());
    }
}
