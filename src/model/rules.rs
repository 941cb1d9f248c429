//! Building blocks of [`crate::connector::Connector::schema_rules`]: subschemas of the whole
//! request body that say which `config` and `secrets` fields a setting requires or forbids.
//!
//! Kibana reads a left-out `config` or `secrets` as `{}`, so [`config`] and [`secrets`] require
//! the part only when `{}` fails what they say of it. A value "given" is one other than `null`:
//! the route refuses blank strings, so every other string is also truthy to Kibana's validators.

use serde_json::{Map, Value, json};

/// Each key present, with a value other than `null`.
pub fn given(keys: &[&str]) -> Value {
    let properties: Map<String, Value> = keys
        .iter()
        .map(|key| ((*key).to_owned(), json!({ "not": { "type": "null" } })))
        .collect();
    json!({ "required": keys, "properties": properties })
}

/// Each key absent or `null`.
pub fn unset(keys: &[&str]) -> Value {
    let properties: Map<String, Value> = keys
        .iter()
        .map(|key| ((*key).to_owned(), json!({ "type": "null" })))
        .collect();
    json!({ "properties": properties })
}

/// `key` present, with the value `value`.
pub fn equals(key: &str, value: Value) -> Value {
    let property = object([("const", value)]);
    object([
        ("required", json!([key])),
        ("properties", object([(key, property)])),
    ])
}

/// An object of `entries`.
fn object<'a>(entries: impl IntoIterator<Item = (&'a str, Value)>) -> Value {
    Value::Object(
        entries
            .into_iter()
            .map(|(key, value)| (key.to_owned(), value))
            .collect(),
    )
}

/// Object schemas together: their `required` lists and `properties` maps merged (a key
/// must not be described by two of them).
pub fn both(schemas: impl IntoIterator<Item = Value>) -> Value {
    let mut out = Map::new();
    for schema in schemas {
        let Value::Object(map) = schema else { continue };
        for (key, value) in map {
            match (out.get_mut(&key), value) {
                (Some(Value::Array(all)), Value::Array(more)) => {
                    for item in more {
                        if !all.contains(&item) {
                            all.push(item);
                        }
                    }
                }
                (Some(Value::Object(all)), Value::Object(more)) => all.extend(more),
                (_, value) => {
                    out.insert(key, value);
                }
            }
        }
    }
    Value::Object(out)
}

/// The body's `config` satisfies `schema`.
pub fn config(schema: Value) -> Value {
    part("config", schema)
}

/// The body's `secrets` satisfy `schema`.
pub fn secrets(schema: Value) -> Value {
    part("secrets", schema)
}

fn part(name: &str, schema: Value) -> Value {
    let refuses_empty = requires_a_value(&schema)
        || schema
            .get("minProperties")
            .and_then(Value::as_u64)
            .is_some_and(|min| min > 0);
    let mut out = vec![("properties", object([(name, schema)]))];
    if refuses_empty {
        out.push(("required", json!([name])));
    }
    object(out)
}

/// A rule without a condition, as an `allOf` of one schema rather than bare `properties`
/// beside the body's own: readers that merge a body's `allOf` branches into it shallowly
/// (the page's form reader does) would otherwise take the rule's `config` or `secrets` for
/// the model's.
pub fn always(schema: Value) -> Value {
    object([("allOf", Value::Array(vec![schema]))])
}

/// `if condition then consequence`.
pub fn when(condition: Value, consequence: Value) -> Value {
    object([("if", condition), ("then", consequence)])
}

/// `if condition then consequence else otherwise`.
pub fn when_else(condition: Value, consequence: Value, otherwise: Value) -> Value {
    object([
        ("if", condition),
        ("then", consequence),
        ("else", otherwise),
    ])
}

/// Kibana's `SecretConfigurationSchemaValidation` (the credentials of `.webhook`,
/// `.cases-webhook` and `.http`), as a schema of the secrets object: exactly one of the
/// credential sets, or none at all — `user` and `password`; `crt` and `key` (with an
/// optional `password`); `pfx` (with an optional `password`); `clientSecret`.
///
/// An `anyOf`, which says the same as a `oneOf` here: the sets exclude each other (each needs a
/// key that every other one needs empty). Lint tools that cannot see the exclusion (redocly's
/// `no-illogical-composition-keywords`) warn about overlapping `oneOf` branches.
pub fn one_credential_set() -> Value {
    const ALL: [&str; 6] = ["user", "password", "crt", "key", "pfx", "clientSecret"];
    let set = |keys: &[&str], optional: &[&str]| {
        let others: Vec<&str> = ALL
            .into_iter()
            .filter(|key| !keys.contains(key) && !optional.contains(key))
            .collect();
        both([given(keys), unset(&others)])
    };
    // Titled: form generators name each branch by its title ("Option 1" otherwise).
    let titled = |title: &str, mut schema: Value| {
        if let Value::Object(map) = &mut schema {
            map.insert("title".to_owned(), Value::from(title));
        }
        schema
    };
    json!({
        "anyOf": [
            titled("No credentials", unset(&ALL)),
            titled("User and password", set(&["user", "password"], &[])),
            titled("Certificate and key (PEM)", set(&["crt", "key"], &["password"])),
            titled("Certificate (PFX)", set(&["pfx"], &["password"])),
            titled("OAuth 2.0 client secret", set(&["clientSecret"], &[])),
        ]
    })
}

/// The characters other than ASCII whose upper case (JavaScript's `toUpperCase`, the full
/// Unicode mapping) is made of ASCII capitals only.
pub const UPPER_CASE_TO_ASCII: &[(char, &str)] = &[
    ('\u{df}', "SS"),
    ('\u{131}', "I"),
    ('\u{17f}', "S"),
    ('\u{fb00}', "FF"),
    ('\u{fb01}', "FI"),
    ('\u{fb02}', "FL"),
    ('\u{fb03}', "FFI"),
    ('\u{fb04}', "FFL"),
    ('\u{fb05}', "ST"),
    ('\u{fb06}', "ST"),
];

/// `text.toUpperCase()` when it is all ASCII, else `None`: enough to compare with ASCII names,
/// without the Unicode case tables (which `str::to_uppercase` would put in the wasm module).
pub fn ascii_upper_case(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_uppercase());
        } else {
            let (_, upper) = UPPER_CASE_TO_ASCII.iter().find(|(from, _)| *from == c)?;
            out.push_str(upper);
        }
    }
    Some(out)
}

/// A regular expression (unanchored, one group) that matches exactly the strings whose
/// upper case is one of `words` (ASCII capitals and `_`): each letter in either case, or a
/// character of [`UPPER_CASE_TO_ASCII`] that upper-cases to it (`ſ`, `ﬁ`, …).
pub fn upper_case_pattern(words: &[&str]) -> String {
    let alternatives: Vec<String> = words.iter().map(|word| spelling(word)).collect();
    format!("(?:{})", alternatives.join("|"))
}

/// The spellings of `rest` (see [`upper_case_pattern`]).
fn spelling(rest: &str) -> String {
    let Some(first) = rest.chars().next() else {
        return String::new();
    };
    let mut class = String::new();
    class.push(first);
    if first.is_ascii_uppercase() {
        class.push(first.to_ascii_lowercase());
    }
    let mut longer: Vec<(char, usize)> = Vec::new();
    for &(ch, upper) in UPPER_CASE_TO_ASCII {
        if upper.len() == 1 && upper.starts_with(first) {
            class.push(ch);
        } else if upper.len() > 1 && rest.starts_with(upper) {
            longer.push((ch, upper.len()));
        }
    }
    let single = if class.chars().count() == 1 {
        class
    } else {
        format!("[{class}]")
    };
    let after_first = rest.get(first.len_utf8()..).unwrap_or_default();
    let mut out = format!("{single}{}", spelling(after_first));
    if longer.is_empty() {
        return out;
    }
    for (ch, len) in longer {
        out.push('|');
        out.push(ch);
        out.push_str(&spelling(rest.get(len..).unwrap_or_default()));
    }
    format!("(?:{out})")
}

/// True when `{}` fails the schema, so that leaving the part out (Kibana reads `{}`) fails too:
/// the object has required properties, or every branch of its `oneOf`/`anyOf` has some.
pub fn requires_a_value(schema: &Value) -> bool {
    let has_required = |schema: &Value| {
        schema
            .get("required")
            .and_then(Value::as_array)
            .is_some_and(|r| !r.is_empty())
    };
    if has_required(schema) {
        return true;
    }
    ["oneOf", "anyOf"].iter().any(|key| {
        schema
            .get(*key)
            .and_then(Value::as_array)
            .is_some_and(|branches| !branches.is_empty() && branches.iter().all(has_required))
    })
}

/// Adds `key` to an object schema's `required` list (once).
pub fn require(map: &mut Map<String, Value>, key: &str) {
    if let Value::Array(required) = map.entry("required").or_insert_with(|| json!([])) {
        if !required.iter().any(|k| k == key) {
            required.push(Value::String(key.to_owned()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upper_case_table_is_complete() {
        let found: Vec<(char, String)> = (0..=0x10_ffff_u32)
            .filter_map(char::from_u32)
            .filter(|c| !c.is_ascii())
            .map(|c| (c, c.to_uppercase().collect::<String>()))
            .filter(|(_, upper)| upper.chars().all(|u| u.is_ascii_uppercase() || u == '_'))
            .collect();
        let table: Vec<(char, String)> = UPPER_CASE_TO_ASCII
            .iter()
            .map(|(c, upper)| (*c, (*upper).to_owned()))
            .collect();
        assert_eq!(found, table);
        // And `ascii_upper_case` is `to_uppercase` wherever that is ASCII capitals and `_`.
        for c in (0..=0x10_ffff_u32).filter_map(char::from_u32) {
            let text = format!("a{c}_");
            let upper = text.to_uppercase();
            match ascii_upper_case(&text) {
                Some(ours) => assert_eq!(ours, upper, "{c:?}"),
                None => assert!(
                    !upper.chars().all(|u| u.is_ascii_uppercase() || u == '_'),
                    "{c:?}"
                ),
            }
        }
    }

    /// Whether `text` matches `pattern`, by the schema validator's regular expressions (the
    /// crate has no engine of its own).
    #[cfg(not(target_arch = "wasm32"))]
    fn matches(pattern: &str, text: &str) -> bool {
        jsonschema::is_valid(&json!({ "pattern": pattern }), &json!(text))
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn upper_case_pattern_matches_exactly_the_spellings() {
        let words = [
            "UNIFIED_COMPLETION_STREAM",
            "COMPLETION",
            "SPARSE_EMBEDDING",
        ];
        let pattern = format!("^{}$", upper_case_pattern(&words));
        for word in words {
            assert!(matches(&pattern, word), "{word}");
            assert!(matches(&pattern, &word.to_lowercase()), "{word}");
        }
        for accepted in [
            "uni\u{fb01}ed_completion_\u{fb05}ream",
            "uniFied_completion_\u{17f}tream",
            "complet\u{131}on",
            "\u{17f}parse_embedding",
            "CoMpLeTiOn",
        ] {
            assert!(matches(&pattern, accepted), "{accepted}");
            assert!(
                words.contains(&accepted.to_uppercase().as_str()),
                "{accepted}"
            );
        }
        for refused in [
            "completio",
            "completionx",
            "COMPLETION ",
            "rerank",
            "uni\u{fb01}",
            "unif\u{fb01}ed_completion_stream",
        ] {
            assert!(!matches(&pattern, refused), "{refused}");
        }
    }
}
