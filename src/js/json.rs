//! `JSON.parse`: JSON text (ECMA-404) read into a [`Value`] the way JavaScript reads it, without
//! serde's deserializer (whose float tables and generic visitors were a tenth of the wasm module).
//!
//! The grammar is `JSON.parse`'s exactly: whitespace is space, tab, LF and CR only; no trailing
//! commas, comments, leading zeros, `+1`, `.5`, `NaN` or single quotes; a control character in a
//! string is an error. What JavaScript keeps and a [`Value`] cannot hold is read as close as it
//! goes: a number literal too large for a double is `±f64::MAX`, the stand-in
//! [`super::number_value`] reads as `±Infinity`; in [`json_parse_lossy`], a lone UTF-16
//! surrogate escape is U+FFFD. A repeated key keeps its first place and its last value, as in
//! JavaScript. Numbers are typed as serde_json types them (an integer literal that fits is a
//! `u64` or `i64`, everything else an `f64`), so code reading the value cannot tell the
//! difference; their value is JavaScript's `Number(literal)` (the host's in wasm).

use std::fmt;

use serde_json::{Map, Number, Value};

use super::{INFINITY_STAND_IN, decimal_to_number};

/// How deep arrays and objects may nest: the 128th nested one is refused (serde_json's limit,
/// kept so that the reader's recursion stays far inside the wasm stack).
const MAX_DEPTH: usize = 128;

/// The bytes a string's run of plain characters stops at, reading or writing: `"`, `\\` and
/// control characters.
#[allow(clippy::indexing_slicing)] // evaluated while compiling: a bad index fails the build
static STOPS_A_RUN: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = true;
        byte += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table
};

/// Why a text is not read, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    kind: ErrorKind,
    line: usize,
    column: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ErrorKind {
    /// The text breaks the grammar: what was expected or found.
    Syntax(&'static str),
    /// A lone UTF-16 surrogate escape, which a Rust string cannot hold.
    LoneSurrogate,
    /// Nested more than [`MAX_DEPTH`] levels.
    TooDeep,
}

impl JsonError {
    /// The line of the character where reading stopped, from 1.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The column of that character on its line, from 1 (in bytes).
    pub fn column(&self) -> usize {
        self.column
    }

    /// True when the text nests deeper than this reader goes (JavaScript would read it).
    pub fn is_too_deep(&self) -> bool {
        self.kind == ErrorKind::TooDeep
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            ErrorKind::Syntax(what) => what,
            ErrorKind::LoneSurrogate => "a lone UTF-16 surrogate escape",
            ErrorKind::TooDeep => "arrays and objects nested more than 128 levels deep",
        };
        write!(f, "{what} at line {} column {}", self.line, self.column)
    }
}

impl std::error::Error for JsonError {}

/// What [`json_parse_lossy`] read, and what it saw on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub value: Value,
    /// A lone surrogate escape was read as U+FFFD.
    pub lone_surrogate: bool,
    /// Some object has a `__proto__` key (which hapi refuses).
    pub proto_key: bool,
}

/// `JSON.parse(text)`, refusing a lone surrogate escape.
///
/// # Errors
/// Where and why the text is not JSON, has a lone surrogate escape, or nests too deep.
pub fn json_parse(text: &str) -> Result<Value, JsonError> {
    Parser::new(text, false)
        .document()
        .map(|parsed| parsed.value)
}

/// `JSON.parse(text)`, with U+FFFD for each lone surrogate escape.
///
/// # Errors
/// Where and why the text is not JSON or nests too deep.
pub fn json_parse_lossy(text: &str) -> Result<Parsed, JsonError> {
    Parser::new(text, true).document()
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    depth: usize,
    /// Read a lone surrogate as U+FFFD (and say so in `lone_surrogate`) instead of refusing it.
    lossy: bool,
    lone_surrogate: bool,
    proto_key: bool,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str, lossy: bool) -> Self {
        Self {
            text,
            bytes: text.as_bytes(),
            at: 0,
            depth: 0,
            lossy,
            lone_surrogate: false,
            proto_key: false,
        }
    }

    fn document(mut self) -> Result<Parsed, JsonError> {
        let value = self.value()?;
        self.skip_whitespace();
        if self.at < self.bytes.len() {
            return Err(self.error(ErrorKind::Syntax("trailing characters")));
        }
        Ok(Parsed {
            value,
            lone_surrogate: self.lone_surrogate,
            proto_key: self.proto_key,
        })
    }

    fn error(&self, kind: ErrorKind) -> JsonError {
        let before = self.bytes.get(..self.at).unwrap_or(self.bytes);
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |at| at + 1);
        JsonError {
            kind,
            line: before
                .iter()
                .fold(1, |lines, &b| lines + usize::from(b == b'\n')),
            column: 1 + self.at - line_start,
        }
    }

    fn syntax(&self, what: &'static str) -> JsonError {
        self.error(ErrorKind::Syntax(what))
    }

    // The module is built for size, which would leave these two as calls on every byte (7% of
    // a validate in wasm, measured).
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    fn value(&mut self) -> Result<Value, JsonError> {
        self.skip_whitespace();
        match self.peek() {
            None => Err(self.syntax("end of text where a value was expected")),
            Some(b'{') => self.object(),
            Some(b'[') => self.array(),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.syntax("expected a value")),
        }
    }

    /// Enters an array or object, one level deeper.
    fn enter(&mut self) -> Result<(), JsonError> {
        self.depth += 1;
        if self.depth >= MAX_DEPTH {
            return Err(self.error(ErrorKind::TooDeep));
        }
        Ok(())
    }

    fn literal(&mut self, word: &'static str, value: Value) -> Result<Value, JsonError> {
        if self.bytes.get(self.at..self.at + word.len()) == Some(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.syntax("expected a value"))
        }
    }

    fn array(&mut self) -> Result<Value, JsonError> {
        self.enter()?;
        self.at += 1; // `[`
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.at += 1;
            self.depth -= 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value()?);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    self.depth -= 1;
                    return Ok(Value::Array(items));
                }
                None => return Err(self.syntax("end of text inside an array")),
                Some(_) => return Err(self.syntax("expected `,` or `]`")),
            }
        }
    }

    fn object(&mut self) -> Result<Value, JsonError> {
        self.enter()?;
        self.at += 1; // `{`
        let mut map = Map::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.at += 1;
            self.depth -= 1;
            return Ok(Value::Object(map));
        }
        loop {
            self.skip_whitespace();
            match self.peek() {
                Some(b'"') => {}
                None => return Err(self.syntax("end of text inside an object")),
                Some(_) => return Err(self.syntax("expected a key in double quotes")),
            }
            let key = self.string()?;
            self.skip_whitespace();
            if self.peek() != Some(b':') {
                return Err(self.syntax("expected `:` after the key"));
            }
            self.at += 1;
            self.proto_key |= key == "__proto__";
            let value = self.value()?;
            // A repeated key keeps its first place and takes the last value, as in JavaScript.
            map.insert(key, value);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    self.depth -= 1;
                    return Ok(Value::Object(map));
                }
                None => return Err(self.syntax("end of text inside an object")),
                Some(_) => return Err(self.syntax("expected `,` or `}`")),
            }
        }
    }

    /// A string from its opening quote: copied in runs between escapes.
    #[inline]
    fn string(&mut self) -> Result<String, JsonError> {
        self.at += 1; // `"`
        let mut out = String::new();
        loop {
            let run = self.at;
            // Bytes of a multi-byte character are never `"`, `\` or a control character.
            let length = self
                .bytes
                .get(run..)
                .unwrap_or_default()
                .iter()
                .position(|&b| STOPS_A_RUN.get(usize::from(b)) != Some(&false));
            let Some(length) = length else {
                self.at = self.bytes.len();
                return Err(self.syntax("end of text inside a string"));
            };
            self.at += length;
            let piece = self.text.get(run..self.at).unwrap_or_default();
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    // The usual string has no escape: one allocation of its exact length.
                    if out.is_empty() {
                        return Ok(piece.to_owned());
                    }
                    out.push_str(piece);
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(piece);
                    self.escape(&mut out)?;
                }
                _ => {
                    return Err(self.syntax("a control character (U+0000 to U+001F) in a string"));
                }
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), JsonError> {
        self.at += 1; // `\`
        let Some(letter) = self.peek() else {
            return Err(self.syntax("end of text inside a string"));
        };
        self.at += 1;
        let character = match letter {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(out),
            _ => {
                self.at -= 1;
                return Err(self.syntax("an unknown escape in a string"));
            }
        };
        out.push(character);
        Ok(())
    }

    /// `\uXXXX` (its `\u` read), with the trail escape of a surrogate pair.
    fn unicode_escape(&mut self, out: &mut String) -> Result<(), JsonError> {
        let unit = self.hex4()?;
        let code = match unit {
            0xd800..=0xdbff => {
                let trail = self
                    .bytes
                    .get(self.at..self.at + 2)
                    .filter(|next| *next == b"\\u")
                    .and_then(|_| hex4_at(self.bytes, self.at + 2))
                    .filter(|trail| (0xdc00..=0xdfff).contains(trail));
                match trail {
                    Some(trail) => {
                        self.at += 6;
                        0x10000 + ((u32::from(unit) - 0xd800) << 10) + (u32::from(trail) - 0xdc00)
                    }
                    None => return self.lone_surrogate(out),
                }
            }
            0xdc00..=0xdfff => return self.lone_surrogate(out),
            unit => u32::from(unit),
        };
        out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
        Ok(())
    }

    fn lone_surrogate(&mut self, out: &mut String) -> Result<(), JsonError> {
        if !self.lossy {
            self.at -= 6;
            return Err(self.error(ErrorKind::LoneSurrogate));
        }
        self.lone_surrogate = true;
        out.push('\u{fffd}');
        Ok(())
    }

    fn hex4(&mut self) -> Result<u16, JsonError> {
        match hex4_at(self.bytes, self.at) {
            Some(unit) => {
                self.at += 4;
                Ok(unit)
            }
            None => Err(self.syntax("`\\u` not followed by four hexadecimal digits")),
        }
    }

    /// A number literal: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    fn number(&mut self) -> Result<Value, JsonError> {
        let start = self.at;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        // The integer part, kept as a u64 while it fits.
        let mut integer: Option<u64> = Some(0);
        match self.peek() {
            Some(b'0') => {
                self.at += 1;
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.syntax("a number with a leading zero"));
                }
            }
            Some(b'1'..=b'9') => {
                while let Some(digit @ b'0'..=b'9') = self.peek() {
                    integer = integer
                        .and_then(|n| n.checked_mul(10))
                        .and_then(|n| n.checked_add(u64::from(digit - b'0')));
                    self.at += 1;
                }
            }
            _ => return Err(self.syntax("a `-` not followed by a digit")),
        }
        let mut is_integer = true;
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.digits("a `.` not followed by a digit")?;
            is_integer = false;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            self.digits("an exponent without digits")?;
            is_integer = false;
        }
        let number = match integer.filter(|_| is_integer) {
            Some(n) if !negative => Some(Number::from(n)),
            // `-0` and integers below i64's range are doubles, as serde_json types them.
            Some(n) => match i64::try_from(n) {
                Ok(n) if n != 0 => Some(Number::from(-n)),
                _ if n == 1 << 63 => Some(Number::from(i64::MIN)),
                #[allow(clippy::cast_precision_loss)] // rounds as the literal's value does
                _ => Number::from_f64(-(n as f64)),
            },
            None => {
                let literal = self.text.get(start..self.at).unwrap_or_default();
                let value = decimal_to_number(literal);
                let value = if value.is_infinite() {
                    INFINITY_STAND_IN.copysign(value)
                } else {
                    value
                };
                Number::from_f64(value)
            }
        };
        number
            .map(Value::Number)
            .ok_or_else(|| self.syntax("a number JavaScript cannot read"))
    }

    fn digits(&mut self, missing: &'static str) -> Result<(), JsonError> {
        if !matches!(self.peek(), Some(b'0'..=b'9')) {
            return Err(self.syntax(missing));
        }
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
        Ok(())
    }
}

fn hex4_at(bytes: &[u8], at: usize) -> Option<u16> {
    let digits = bytes.get(at..at + 4)?;
    digits.iter().try_fold(0u16, |unit, &digit| {
        let value = char::from(digit).to_digit(16)?;
        Some(unit * 16 + u16::try_from(value).ok()?)
    })
}

/// `JSON.stringify(value)` appended to `out`: what JavaScript writes for the same value (a number
/// as `String(number)` writes it, the stand-in of `Infinity` as the largest double, which
/// `JSON.parse` reads back as itself).
pub fn write_json(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Number(number) => write_number(out, number),
        Value::String(text) => write_json_string(out, text),
        Value::Array(items) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write_json(out, item);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (index, (key, item)) in map.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write_json_string(out, key);
                out.push(':');
                write_json(out, item);
            }
            out.push('}');
        }
    }
}

fn write_number(out: &mut String, number: &Number) {
    use std::fmt::Write as _;
    /// Integers up to here are doubles exactly; beyond, JavaScript writes the nearest double.
    const EXACT: u64 = 1 << 53;
    if let Some(n) = number.as_u64().filter(|&n| n <= EXACT) {
        let _ = write!(out, "{n}");
    } else if let Some(n) = number.as_i64().filter(|n| n.unsigned_abs() <= EXACT) {
        let _ = write!(out, "{n}");
    } else {
        let n = number.as_f64().unwrap_or(0.0);
        // `String(-0)` is `0`; the stand-in of ±Infinity is finite, so every text is JSON.
        out.push_str(&super::number_to_string(n));
    }
}

/// `JSON.stringify(value)` as a string.
pub fn json_text(value: &Value) -> String {
    let mut out = String::new();
    write_json(&mut out, value);
    out
}

/// A string as `JSON.stringify` writes it: `"` and `\` escaped, the control characters as
/// `\b \t \n \f \r` or `\u00xx`, everything else as it is; runs of plain characters copied
/// at once.
pub fn write_json_string(out: &mut String, text: &str) {
    out.push('"');
    let mut run = 0;
    for (at, byte) in text.bytes().enumerate() {
        if STOPS_A_RUN.get(usize::from(byte)) == Some(&false) {
            continue;
        }
        out.push_str(text.get(run..at).unwrap_or_default());
        run = at + 1;
        match byte {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0x08 => out.push_str("\\b"),
            0x0c => out.push_str("\\f"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                for nibble in [byte >> 4, byte & 0xf] {
                    out.push(char::from(
                        HEX.get(usize::from(nibble)).copied().unwrap_or(b'0'),
                    ));
                }
            }
        }
    }
    out.push_str(text.get(run..).unwrap_or_default());
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::js::{number_to_string, number_value};

    /// A value in a form both sides can print: keys sorted (JavaScript orders an object's
    /// integer-like keys first), numbers as `String(number)` with `-0` told apart.
    fn canonical(value: &Value) -> Value {
        match value {
            Value::Number(number) => {
                let n = number_value(number);
                let text = if n == 0.0 && n.is_sign_negative() {
                    "-0".to_owned()
                } else {
                    number_to_string(n)
                };
                Value::String(format!("n:{text}"))
            }
            Value::Array(items) => Value::Array(items.iter().map(canonical).collect()),
            Value::Object(map) => {
                let mut keys: Vec<&String> = map.keys().collect();
                keys.sort();
                Value::Array(
                    keys.into_iter()
                        .map(|key| {
                            Value::Array(vec![Value::String(key.clone()), canonical(&map[key])])
                        })
                        .collect(),
                )
            }
            other => other.clone(),
        }
    }

    /// Texts on both sides of `JSON.parse`'s grammar, and numbers that are hard to round.
    const TEXTS: &[&str] = &[
        "0",
        "-0",
        "1",
        "-1",
        "0.5",
        "-0.0",
        "1e2",
        "1E+2",
        "1e-2",
        "123.456e7",
        "1e400",
        "-1e400",
        "1e-400",
        "-1e-400",
        "5e-324",
        "2.2250738585072011e-308",
        "1.7976931348623157e308",
        "1.7976931348623158e308",
        "9007199254740993",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
        "123456789012345678901234567890",
        "1.00000000000000011102230246251565404236316680908203125",
        "0.1000000000000000055511151231257827021181583404541015625",
        "7.038531e-26",
        "1448997445238699",
        "true",
        "false",
        "null",
        r#""""#,
        r#""a\"b\\c\/d\b\f\n\r\t""#,
        r#""\u0041\u00e9\u20ac""#,
        r#""\ud83d\ude00""#,
        r#""\uD83D\uDE00x""#,
        "\"é€😀\"",
        " \t\n\r[1 , 2]\r\n ",
        "[]",
        "{}",
        "[[],{}]",
        r#"{"a":1,"a":2,"b":{"a":[true,null]}}"#,
        r#"{"":0}"#,
        r#"{"__proto__":1}"#,
        r#"[1,"2",[3,[4,{"5":6}]]]"#,
        // Not JSON.
        "",
        " ",
        "01",
        "-01",
        "+1",
        ".5",
        "1.",
        "1e",
        "1e+",
        "-",
        "--1",
        "0x10",
        "NaN",
        "Infinity",
        "-Infinity",
        "tru",
        "nul",
        "True",
        "[1,]",
        "[,1]",
        r#"{"a":1,}"#,
        "{'a':1}",
        "{a:1}",
        r#"{"a" 1}"#,
        r#"{"a":}"#,
        "[1 2]",
        "1 2",
        "[",
        "]",
        "{",
        "}",
        "\"a",
        "\"\t\"",
        "\"\u{1}\"",
        "\u{a0}1",
        "\u{feff}1",
        r#""\x""#,
        r#""\u12""#,
        r#""\u12g4""#,
        r#""\'""#,
        "/* c */1",
        "[1]//",
    ];

    #[test]
    fn reads_what_json_parse_reads_and_refuses_what_it_refuses() {
        let script = format!(
            "const canon = (v) => typeof v === 'number' ? 'n:' + (Object.is(v, -0) ? '-0' : String(v)) \
             : Array.isArray(v) ? v.map(canon) \
             : v && typeof v === 'object' ? Object.keys(v).sort().map((k) => [k, canon(v[k])]) : v;\
             for (const text of {}) {{ let out; try {{ out = JSON.stringify(canon(JSON.parse(text))); }} \
             catch {{ out = 'error'; }} console.log(out); }}",
            serde_json::to_string(TEXTS).unwrap()
        );
        let expected = crate::js::tests::node(&script);
        for (text, expected) in TEXTS.iter().zip(expected.lines()) {
            let ours = json_parse(text).map_or_else(
                |_| "error".to_owned(),
                |value| serde_json::to_string(&canonical(&value)).unwrap(),
            );
            // The one deliberate difference: a literal that rounds to the largest double is read
            // as the stand-in of Infinity (the README's list).
            let expected = expected.replace("n:1.7976931348623157e+308", "n:Infinity");
            assert_eq!(ours, expected, "{text}");
        }
    }

    #[test]
    fn writes_what_json_stringify_writes() {
        // Infinity (and its stand-in) aside, which JSON.stringify writes as null.
        let texts: Vec<&str> = TEXTS
            .iter()
            .copied()
            .filter(|text| json_parse(text).is_ok())
            .filter(|text| !text.contains("e400") && !text.contains("1.797"))
            .chain([
                r#""\u0000\u001f\u007f\u2028\"\\ \b\f""#,
                "[1e21,1e-7,123e-20,0.1]",
            ])
            .collect();
        let script = format!(
            "for (const text of {}) console.log(JSON.stringify(JSON.parse(text)));",
            serde_json::to_string(&texts).unwrap()
        );
        let expected = crate::js::tests::node(&script);
        for (text, expected) in texts.iter().zip(expected.lines()) {
            let mut ours = String::new();
            write_json(&mut ours, &json_parse(text).unwrap());
            assert_eq!(ours, expected, "{text}");
        }
    }

    #[test]
    fn numbers_are_typed_as_serde_json_types_them() {
        for text in [
            "0",
            "1",
            "18446744073709551615",
            "-1",
            "-9223372036854775808",
            "-0",
            "1.0",
            "1e2",
            "-9223372036854775809",
            "18446744073709551616",
        ] {
            let ours = json_parse(text).unwrap();
            let theirs: Value = serde_json::from_str(text).unwrap();
            assert_eq!(
                (ours.is_u64(), ours.is_i64(), ours.is_f64()),
                (theirs.is_u64(), theirs.is_i64(), theirs.is_f64()),
                "{text}"
            );
            assert_eq!(ours, theirs, "{text}");
        }
    }

    #[test]
    fn lone_surrogates_are_refused_or_replaced() {
        for text in [
            r#""\ud800""#,
            r#""\uDC00x""#,
            r#"["\ud800\ud83d\ude00"]"#,
            r#""\ud800\u0041""#,
        ] {
            assert!(json_parse(text).is_err(), "{text}");
            let parsed = json_parse_lossy(text).unwrap();
            assert!(parsed.lone_surrogate, "{text}");
            assert!(parsed.value.to_string().contains('\u{fffd}'), "{text}");
        }
        let parsed = json_parse_lossy(r#"["\ud800\ud83d\ude00", "\\ud800"]"#).unwrap();
        assert_eq!(parsed.value, crate::js::json!(["\u{fffd}😀", "\\ud800"]));
        assert!(parsed.lone_surrogate);
        assert!(
            !json_parse_lossy(r#""\ud83d\ude00""#)
                .unwrap()
                .lone_surrogate
        );
    }

    #[test]
    fn proto_keys_are_noticed_at_any_depth() {
        let found = |text: &str| json_parse_lossy(text).unwrap().proto_key;
        assert!(found(r#"{"__proto__": 1}"#));
        assert!(found(r#"[{"a": {"__proto__": {}}}]"#));
        assert!(!found(
            r#"{"a": "__proto__", "__proto": 1, "__proto__x": 2}"#
        ));
        assert!(found(r#"{"\u005f_proto__": 1}"#));
    }

    #[test]
    fn nesting_stops_at_the_128th_level() {
        let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        assert!(json_parse(&nested(127)).is_ok());
        let error = json_parse(&nested(128)).unwrap_err();
        assert!(error.is_too_deep());
        assert_eq!((error.line(), error.column()), (1, 128));
        assert!(json_parse(&nested(100_000)).unwrap_err().is_too_deep());
    }

    #[test]
    fn errors_say_where() {
        let error = json_parse("{\n  \"a\": 1,\n  \"b\" 2\n}").unwrap_err();
        assert_eq!((error.line(), error.column()), (3, 7));
        assert_eq!(
            error.to_string(),
            "expected `:` after the key at line 3 column 7"
        );
        let error = json_parse("[1,]").unwrap_err();
        assert_eq!(error.to_string(), "expected a value at line 1 column 4");
        assert!(!error.is_too_deep());
    }

    #[cfg(not(target_arch = "wasm32"))] // proptest is a native dev-dependency
    fn any_value() -> impl proptest::strategy::Strategy<Value = Value> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<u64>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<f64>()
                .prop_filter("finite, not the stand-in", |n| n.is_finite()
                    && n.abs() < f64::MAX)
                .prop_map(Value::from),
            any::<String>().prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 64, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                proptest::collection::vec((any::<String>(), inner), 0..6)
                    .prop_map(|entries| Value::Object(entries.into_iter().collect())),
            ]
        })
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Whatever serde_json writes (every escape, any character, any number it can hold),
        /// this reader reads back as the same value, compact or pretty-printed.
        #[test]
        fn reads_back_what_serde_json_writes(value in any_value()) {
            proptest::prop_assert_eq!(&json_parse(&value.to_string()).unwrap(), &value);
            let pretty = serde_json::to_string_pretty(&value).unwrap();
            proptest::prop_assert_eq!(&json_parse(&pretty).unwrap(), &value);
        }
    }
}
