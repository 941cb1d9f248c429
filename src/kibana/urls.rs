//! URLs as Kibana reads them, and the allowed-hosts checks that depend on the server.
//!
//! Kibana reads URLs two ways. Custom validators call `new URL(value)` (WHATWG: natively the
//! `url` crate, which implements the same standard; in wasm the JavaScript host's own `URL`,
//! `urls.js`; a plain `http(s)://host` URL directly, [`whatwg`]). The allowed-hosts check (`isUriAllowed`) calls Node's legacy
//! `url.parse(value, false, true)` and takes its `hostname`: with the default
//! `xpack.actions.allowedHosts: ['*']` every URL passes *unless that parser throws*, so
//! [`legacy_hostname`] reproduces the parser's host rules, throws included. The checks that
//! report on them are `Rules`' allowed-hosts methods (`connector.rs`).

/// True when JavaScript's `new URL(value)` accepts `value`.
pub fn whatwg_parses(value: &str) -> bool {
    whatwg_hostname(value).is_some()
}

/// What `new URL(value)` gives that Kibana's validators read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WhatwgUrl {
    /// `protocol` without its `:`, lower-cased (`https`).
    pub scheme: String,
    /// `hostname`: lower-cased, IPv6 in brackets, `""` for a URL without a host (`mailto:x`).
    pub hostname: String,
}

/// `new URL(value)`, or `None` where it throws.
///
/// Natively the `url` crate answers (it implements the same standard); in wasm the JavaScript
/// host's own `URL` does ([`host`]), which is the parser Kibana's Node runs and keeps the `url`
/// crate's Unicode tables out of the module.
pub fn whatwg(value: &str) -> Option<WhatwgUrl> {
    if let Some(url) = plain_http_url(value) {
        return Some(url);
    }
    #[cfg(target_arch = "wasm32")]
    {
        // `protocol` + `hostname`: the first `:` ends the protocol.
        let answer = host::whatwg_url(value)?;
        let (scheme, hostname) = answer.split_once(':')?;
        Some(WhatwgUrl {
            scheme: scheme.to_owned(),
            hostname: hostname.to_owned(),
        })
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let parsed = url::Url::parse(value).ok()?;
        Some(WhatwgUrl {
            scheme: parsed.scheme().to_owned(),
            // The URL Standard's serialization (`[::ffff:c0a8:1]`, not std's `::ffff:192.168.0.1`).
            hostname: parsed.host_str().unwrap_or_default().to_owned(),
        })
    }
}

/// The parts of a text that starts `http://` or `https://`: the scheme, then the authority up to
/// the first `/`, `?`, `#` or `\` (or the end) split at its first `:` into host and port. What
/// each parser requires of the parts is its own ([`plain_http_url`], [`plain_hostname`]).
struct HttpAuthority<'a> {
    scheme: &'static str,
    host: &'a str,
    port: Option<&'a str>,
}

/// True for a host label in punycode (`xn--`, in any case), which the host parsers decode.
fn is_punycode(label: &str) -> bool {
    label
        .get(..4)
        .is_some_and(|prefix| prefix.eq_ignore_ascii_case("xn--"))
}

fn http_authority(value: &str) -> Option<HttpAuthority<'_>> {
    let (scheme, rest) = match value.strip_prefix("https://") {
        Some(rest) => ("https", rest),
        None => ("http", value.strip_prefix("http://")?),
    };
    let end = rest.find(['/', '?', '#', '\\']).unwrap_or(rest.len());
    let authority = rest.get(..end)?;
    let (host, port) = match authority.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    };
    Some(HttpAuthority { scheme, host, port })
}

/// `new URL(value)` for the shape nearly every URL in a body has, answered without a parser (in
/// wasm, without a call to the host): `http://` or `https://`, a host name of ASCII letters,
/// digits and hyphens in non-empty labels, none of them punycode (`xn--`) and the last starting
/// with a letter (so not an IPv4 address), an optional port up to 65535, then the end or `/`,
/// `?`, `#` or `\`, after which nothing can fail the URL. The standard lower-cases such a host
/// and does nothing else to it. `None` for every other input, which the parser then reads
/// (tests/urls.rs holds both to Node's answers).
fn plain_http_url(value: &str) -> Option<WhatwgUrl> {
    let HttpAuthority { scheme, host, port } = http_authority(value)?;
    let labels_ok = host.split('.').all(|label| {
        !label.is_empty()
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            && !is_punycode(label)
    });
    let last_is_a_name = host
        .rsplit('.')
        .next()
        .is_some_and(|label| label.starts_with(|c: char| c.is_ascii_alphabetic()));
    let port_ok = port.is_none_or(|digits| {
        digits.bytes().all(|b| b.is_ascii_digit())
            && digits
                .bytes()
                .try_fold(0_u32, |n, b| {
                    Some(n * 10 + u32::from(b - b'0')).filter(|&n| n <= 65_535)
                })
                .is_some()
    });
    (labels_ok && last_is_a_name && port_ok).then(|| WhatwgUrl {
        scheme: scheme.to_owned(),
        hostname: host.to_ascii_lowercase(),
    })
}

/// The `hostname` of `new URL(value)` ([`WhatwgUrl::hostname`]), or `None` where it throws.
pub fn whatwg_hostname(value: &str) -> Option<String> {
    whatwg(value).map(|url| url.hostname)
}

/// WHATWG's domain to ASCII (UTS #46, not strict), as `url.parse` applies it to a host name:
/// `None` where it fails. In wasm, the host's `URL` computes it ([`host`]).
fn domain_to_ascii(domain: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    return host::domain_to_ascii(domain);
    #[cfg(not(target_arch = "wasm32"))]
    idna::domain_to_ascii(domain).ok()
}

/// `text.toLowerCase()`: the full Unicode mapping (`İ` → `i̇`, a final `Σ` → `ς`). In wasm the
/// host's own `toLowerCase` maps what is not ASCII, so the module carries no case tables.
fn to_lower_case(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    #[cfg(target_arch = "wasm32")]
    return host::to_lower_case(text);
    #[cfg(not(target_arch = "wasm32"))]
    text.to_lowercase()
}

/// The JavaScript host's URL parser and case mapping (`src/kibana/urls.js`). Each function there
/// catches what it could throw and answers with a string or `undefined`, so no JavaScript
/// exception reaches the module and no JavaScript object stays in it.
#[cfg(target_arch = "wasm32")]
mod host {
    use wasm_bindgen::prelude::wasm_bindgen;

    #[wasm_bindgen(module = "/src/kibana/urls.js")]
    extern "C" {
        #[wasm_bindgen(js_name = whatwgUrl)]
        pub fn whatwg_url(value: &str) -> Option<String>;
        #[wasm_bindgen(js_name = domainToAscii)]
        pub fn domain_to_ascii(domain: &str) -> Option<String>;
        #[wasm_bindgen(js_name = toLowerCase)]
        pub fn to_lower_case(text: &str) -> String;
    }
}

/// Why Node's `url.parse` throws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LegacyParseError;

/// The `hostname` that Node's `url.parse(value, false, true)` gives: `Ok(None)` for `null`
/// (no host part, e.g. `example.com`), `Ok(Some(""))` for an empty host (`file:///x`), and
/// `Err` where Node throws (`ERR_INVALID_URL`, or `URIError` from the user-info part).
pub fn legacy_hostname(value: &str) -> Result<Option<String>, LegacyParseError> {
    match plain_hostname(value) {
        Some(hostname) => Ok(Some(hostname)),
        None => legacy_hostname_read(value),
    }
}

/// The host name of the usual URL, read in one pass without copies: `http://` or `https://`,
/// a host of ASCII letters, digits, `-` and `.` (no `xn--` label), an optional `:port` of
/// digits, then the end or a `/`, `?` or `#`, every character visible ASCII but `\`. What
/// [`legacy_hostname_read`] gives for such a text (the host, lower-cased), which a test holds;
/// `None` for any other text.
fn plain_hostname(value: &str) -> Option<String> {
    if !value
        .bytes()
        .all(|b| (0x21..0x7f).contains(&b) && b != b'\\')
    {
        return None;
    }
    let HttpAuthority { host, port, .. } = http_authority(value)?;
    let plain_port = port.is_none_or(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    let plain_host = (1..=255).contains(&host.len())
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
        && !host.split('.').any(is_punycode);
    (plain_port && plain_host).then(|| host.to_ascii_lowercase())
}

/// [`legacy_hostname`] for any text: `url.parse`'s steps, one after another.
fn legacy_hostname_read(value: &str) -> Result<Option<String>, LegacyParseError> {
    let trimmed = value.trim_matches(|c: char| (c as u32) < 33 || c == '\u{a0}' || c == '\u{feff}');
    // Backslashes count as slashes before the query or fragment.
    let split = trimmed.find(['?', '#']).unwrap_or(trimmed.len());
    let (before, after) = trimmed.split_at(split);
    let mut rest = before.replace('\\', "/");
    rest.push_str(after);

    let proto_len = rest.find(':').filter(|&end| {
        end > 0
            && rest[..end]
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
    });
    let (proto, mut rest) = match proto_len {
        Some(end) => (Some(rest[..=end].to_owned()), rest[end + 1..].to_owned()),
        None => (None, rest),
    };
    let lower_proto = proto.as_deref().map(str::to_ascii_lowercase);
    let hostless = lower_proto.as_deref() == Some("javascript:");
    let slashes = rest.starts_with("//");
    if slashes && !hostless {
        rest.drain(..2);
    }
    // The slashed-protocol test uses the protocol as written (`HTTP:x` parses a host, `http:x` not).
    let slashed_protocol = proto.as_deref().is_some_and(|p| {
        matches!(
            p,
            "http:" | "https:" | "ftp:" | "gopher:" | "file:" | "ws:" | "wss:"
        )
    });
    if hostless || !(slashes || (proto.is_some() && !slashed_protocol)) {
        return Ok(None);
    }

    host_of(&rest)
}

/// The host that `url.parse` reads from what follows the protocol and slashes.
fn host_of(rest: &str) -> Result<Option<String>, LegacyParseError> {
    let rest: String = rest
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let mut host_end = None;
    let mut at_sign = None;
    let mut non_host = None;
    for (index, c) in rest.char_indices() {
        match c {
            ' ' | '"' | '%' | '\'' | ';' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}' => {
                non_host.get_or_insert(index);
            }
            '#' | '/' | '?' => {
                non_host.get_or_insert(index);
                host_end = Some(index);
                break;
            }
            '@' => {
                at_sign = Some(index);
                non_host = None;
            }
            _ => {}
        }
    }
    let _ = host_end;
    let start = match at_sign {
        Some(at) => {
            if !decode_uri_component_ok(&rest[..at]) {
                return Err(LegacyParseError);
            }
            at + 1
        }
        None => 0,
    };
    let host = match non_host {
        Some(end) if end >= start => &rest[start..end],
        Some(_) => "",
        None => &rest[start..],
    };
    // `parseHost`: a trailing `:digits` is the port.
    let host = match host.rfind(':') {
        Some(colon) if host[colon + 1..].bytes().all(|b| b.is_ascii_digit()) => &host[..colon],
        _ => host,
    };
    let ipv6 = host.len() >= 2 && host.starts_with('[') && host.ends_with(']');
    let hostname = if ipv6 {
        host
    } else {
        host.split(['/', '\\', '#', '?', ':']).next().unwrap_or("")
    };
    if crate::js::utf16_length(hostname) > 255 || hostname.is_empty() {
        return Ok(Some(String::new()));
    }
    let hostname = to_lower_case(hostname);
    if ipv6 {
        if hostname.contains([
            '\0', '\t', '\n', '\r', ' ', '#', '%', '/', '<', '>', '?', '@', '\\', '^', '|',
        ]) {
            return Err(LegacyParseError);
        }
        return Ok(Some(hostname[1..hostname.len() - 1].to_owned()));
    }
    // `toASCII` changes nothing in a lower-case ASCII name without punycode labels: skip it.
    let plain = hostname.is_ascii() && !hostname.split('.').any(is_punycode);
    let ascii = if plain {
        hostname
    } else {
        domain_to_ascii(&hostname).ok_or(LegacyParseError)?
    };
    if ascii.is_empty()
        || ascii.contains([
            '\0', '\t', '\n', '\r', ' ', '#', '%', '/', ':', '<', '>', '?', '@', '[', '\\', ']',
            '^', '|',
        ])
    {
        return Err(LegacyParseError);
    }
    Ok(Some(ascii))
}

/// True when JavaScript's `decodeURIComponent(text)` does not throw.
fn decode_uri_component_ok(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        if byte == b'%' {
            let hex = bytes
                .get(index + 1..index + 3)
                .and_then(|h| std::str::from_utf8(h).ok());
            match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                Some(value) => decoded.push(value),
                None => return false,
            }
            index += 3;
        } else {
            decoded.push(byte);
            index += 1;
        }
    }
    std::str::from_utf8(&decoded).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_hostnames_match_node() {
        let cases: &[(&str, Result<Option<&str>, LegacyParseError>)] = &[
            ("foo", Ok(None)),
            ("example.com", Ok(None)),
            ("/path", Ok(None)),
            ("http://Example.COM:80/x", Ok(Some("example.com"))),
            ("https://user:pw@host/x", Ok(Some("host"))),
            ("//host/x", Ok(Some("host"))),
            ("file:///etc/passwd", Ok(Some(""))),
            ("http://[::1]:80/", Ok(Some("::1"))),
            ("mailto:a@b.c", Ok(Some("b.c"))),
            ("javascript:alert(1)", Ok(None)),
            ("http://a b.com", Ok(Some("a"))),
            ("HTTP:foo.com", Ok(Some("foo.com"))),
            ("http:foo.com", Ok(None)),
            ("localhost:9200", Ok(Some("9200"))),
            ("http://", Ok(Some(""))),
            ("http:///x.com", Ok(Some(""))),
            ("http://exa_mple.com/", Ok(Some("exa_mple.com"))),
            ("http://e.com:80:90/", Ok(Some("e.com"))),
            ("http://xn--a.com", Err(LegacyParseError)),
            ("http://[::1/", Err(LegacyParseError)),
            ("http://%zz@b.com", Err(LegacyParseError)),
            ("  https://hooks.torq.io/v1  ", Ok(Some("hooks.torq.io"))),
        ];
        for (input, expected) in cases {
            let got = legacy_hostname(input);
            assert_eq!(
                got.as_ref().map(Option::as_deref).map_err(|e| *e),
                *expected,
                "{input}"
            );
        }
    }

    #[test]
    fn the_usual_urls_host_name_is_the_full_readings() {
        let agreement: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/urls/agreement.json"))
                .unwrap_or_default();
        let mut inputs: Vec<String> = Vec::new();
        collect_strings(&agreement, &mut inputs);
        for host in [
            "example.com",
            "Example.COM",
            "a-b.c",
            "..",
            "-x",
            "XN--a.com",
            "b.xn--c",
            "a_b",
        ] {
            for tail in [
                "", "/", "/x?y#z", ":80", ":", ":8a", "?q", "#f", "/p@q", "/%zz", "/a\\b", " ",
                "\t",
            ] {
                for scheme in ["http://", "https://", "HTTP://", "ftp://", "http:/"] {
                    inputs.push(format!("{scheme}{host}{tail}"));
                }
            }
        }
        inputs.push(format!("https://{}", "a".repeat(256)));
        inputs.push(format!("https://{}", "a".repeat(255)));
        let mut plain = 0;
        for input in &inputs {
            if let Some(hostname) = plain_hostname(input) {
                plain += 1;
                assert_eq!(legacy_hostname_read(input), Ok(Some(hostname)), "{input}");
            }
        }
        assert!(
            plain > 100,
            "{plain} of {} inputs read as plain",
            inputs.len()
        );
    }

    fn collect_strings(value: &serde_json::Value, into: &mut Vec<String>) {
        match value {
            serde_json::Value::String(text) => into.push(text.clone()),
            serde_json::Value::Array(items) => items.iter().for_each(|v| collect_strings(v, into)),
            serde_json::Value::Object(map) => map.values().for_each(|v| collect_strings(v, into)),
            _ => {}
        }
    }

    #[test]
    fn whatwg() {
        assert!(whatwg_parses("https://example.com"));
        assert!(whatwg_parses("mailto:x"));
        assert!(!whatwg_parses("example.com"));
        assert!(!whatwg_parses("http://"));
        assert_eq!(
            whatwg_hostname("https://HOOKS.torq.io/x").as_deref(),
            Some("hooks.torq.io")
        );
        assert_eq!(whatwg_hostname("mailto:x").as_deref(), Some(""));
        // The shortcut takes the plain shape only; the parser reads the rest.
        for plain in [
            "https://A-b.example.COM:0443/x?y#z",
            "http://localhost",
            "http://x:",
        ] {
            assert!(plain_http_url(plain).is_some(), "{plain}");
        }
        for other in [
            "https://1.2.3.4/",
            "https://a.0x10/",
            "https://xn--mnchen-3ya.de/",
            "https://a..b/",
            "https://a.b./",
            "https://u@a.com/",
            "https://a.com:65536/",
            "https://a_b.com/",
            "HTTPS://a.com/",
            "https://a.com /",
        ] {
            assert!(plain_http_url(other).is_none(), "{other}");
        }
        assert_eq!(whatwg_hostname("http://[::1]/").as_deref(), Some("[::1]"));
    }
}
