//! JavaScript's own semantics where Kibana's checks depend on them: `String.prototype.trim()`,
//! and the numbers `JSON.parse` gives (including `Infinity` for a literal too large for a double).
//!
//! Kibana runs on Node: every rule that trims, every blank-string check and every number a body
//! carries behave as JavaScript defines them, not as Rust's `char::is_whitespace` or serde_json's
//! number parser do. Everything in the crate that trims or reads a number goes through here.

use serde_json::{Number, Value};

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
    text.trim_matches(is_js_white_space)
}

/// True when `text.trim()` is empty: Kibana's blank-string test (`validateEmptyStrings`).
pub fn is_blank(text: &str) -> bool {
    js_trim(text).is_empty()
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

/// True for a number `JSON.parse` would have made `±Infinity`.
pub fn is_infinite(number: &Number) -> bool {
    number_value(number).is_infinite()
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

/// `JSON.parse(text)`: JSON text to a value, with JavaScript's numbers: a literal too large for a
/// double is `±Infinity` (serde_json refuses it), one too small is `0`.
///
/// # Errors
/// serde_json's error for text that is not JSON (or nested deeper than serde_json reads).
pub fn json_parse(text: &str) -> Result<Value, serde_json::Error> {
    match serde_json::from_str(text) {
        Err(error) if is_number_out_of_range(&error) => {
            serde_json::from_str(&with_infinities_as_stand_ins(text))
        }
        result => result,
    }
}

fn is_number_out_of_range(error: &serde_json::Error) -> bool {
    error.to_string().starts_with("number out of range")
}

/// The text with every number literal (outside strings) that overflows a double replaced by
/// [`INFINITY_STAND_IN`]; strings and everything else are copied as they are.
fn with_infinities_as_stand_ins(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut index = 0;
    let mut in_string = false;
    while let Some(&byte) = bytes.get(index) {
        if in_string {
            match byte {
                b'\\' => index += 1,
                b'"' => in_string = false,
                _ => {}
            }
            index += 1;
            continue;
        }
        if byte == b'"' {
            in_string = true;
            index += 1;
            continue;
        }
        if byte == b'-' || byte.is_ascii_digit() {
            let start = index;
            while bytes
                .get(index)
                .is_some_and(|b| b.is_ascii_digit() || b"+-.eE".contains(b))
            {
                index += 1;
            }
            let literal = text.get(start..index).unwrap_or_default();
            if let Ok(number) = literal.parse::<f64>() {
                if number.is_infinite() {
                    out.push_str(text.get(copied..start).unwrap_or_default());
                    let stand_in = INFINITY_STAND_IN.copysign(number);
                    out.push_str(&format!("{stand_in:e}"));
                    copied = index;
                }
            }
            continue;
        }
        index += 1;
    }
    out.push_str(text.get(copied..).unwrap_or_default());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_is_javascripts() {
        assert_eq!(js_trim("\u{feff} x \u{2028}"), "x");
        assert_eq!(js_trim("\u{85}x\u{180e}"), "\u{85}x\u{180e}");
        assert!(is_blank("\u{feff}"));
        assert!(!is_blank("\u{85}"));
    }

    /// Runs a Node script and returns what it printed.
    fn node(script: &str) -> String {
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
        assert!(value[1].as_number().is_some_and(is_infinite));
    }

    #[test]
    fn text_that_is_not_json_stays_an_error() {
        assert!(json_parse("[1e400,").is_err());
        assert!(json_parse("{").is_err());
    }
}
