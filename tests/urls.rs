//! The URL parsers the checks use agree, on every URL-like string of the fixtures and a list of
//! WHATWG edge cases: natively (the `url` and `idna` crates) with the answers committed in
//! `tests/urls/agreement.json`, and with Node's own `new URL` and `url.parse`, which Kibana runs.
//! `tests/wasm.rs` holds the wasm module, which asks its JavaScript host's `URL`, to the same
//! file in Node and in headless Chromium.
//!
//! `UPDATE_GENERATED=1 cargo test --test urls` rewrites the file.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // a failing test may panic

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use kibana_connectors::internals::{legacy_hostname, whatwg};
use serde_json::{Value, json};

/// Inputs where URL parsers are known to part ways: IPv4 forms, IPv6, ports, user info,
/// percent-encoding, IDNA (mappings, deviations, punycode, bidi, joiners), special and
/// non-special schemes, whitespace and controls, backslashes, empty hosts.
const EDGE_CASES: &[&str] = &[
    "",
    " ",
    "http://",
    "http:",
    "http:/",
    "http:///x.com",
    "https://example.com",
    "HTTPS://EXAMPLE.COM/Path",
    "  https://example.com  ",
    "\u{0}https://example.com",
    "https://example.com\u{1f}",
    "\thttps://exa\nmple.com/\r",
    "https:\\\\example.com\\a\\b",
    "https://example.com:443/",
    "https://example.com:8443/",
    "https://example.com:65535/",
    "https://example.com:65536/",
    "https://example.com:-1/",
    "https://example.com:/",
    "https://example.com:80:90/",
    "https://user:pass@example.com/",
    "https://user@pass@example.com/",
    "https://%zz@example.com/",
    "https://us%C3%A9r@example.com/",
    "https://exa%41mple.com/",
    "https://exa%2Fmple.com/",
    "https://exa%00mple.com/",
    "https://%F0%9F%94%A5.com/",
    "https://a b.com/",
    "https://a<b.com/",
    "https://a^b.com/",
    "https://a|b.com/",
    "https://exa_mple.com/",
    "https://-example-.com/",
    "https://a..b/",
    "https://./",
    "https://../",
    "https://a.b.c./",
    "https://127.0.0.1/",
    "https://127.1/",
    "https://0x7f.0.0.1/",
    "https://0177.0.0.1/",
    "https://2130706433/",
    "https://4294967295/",
    "https://4294967296/",
    "https://1.2.3.4.5/",
    "https://1.2.3.09/",
    "https://foo.09/",
    "https://foo.0x/",
    "https://0x100.1/",
    "https://1.2.3.4./",
    "https://[::1]/",
    "https://[::1]:8080/",
    "https://[0:0::1]/",
    "https://[::ffff:192.168.0.1]/",
    "https://[2001:DB8::1]/",
    "https://[::1/",
    "https://[::1]x/",
    "https://[zz]/",
    "https://münchen.de/",
    "https://MÜNCHEN.DE/",
    "https://xn--mnchen-3ya.de/",
    "https://xn--a.com/",
    "https://xn--/",
    "https://faß.de/",
    "https://βόλος.com/",
    "https://ΣΑΣ.gr/",
    "https://ａｂｃ．ｃｏｍ/",
    "https://example。com/",
    "https://exa\u{ad}mple.com/",
    "https://exa\u{200b}mple.com/",
    "https://a\u{200d}b.com/",
    "https://\u{200d}.com/",
    "https://İstanbul.tr/",
    "https://🔥.com/",
    "https://xn--ls8h.la/",
    "https://שלום.com/",
    "https://a.שלום/",
    "https://1.שלום/",
    "https://\u{fdd0}.com/",
    "https://\u{7f}.com/",
    "https://a\u{1}b.com/",
    "https://١٢٣.com/",
    "https://１２３/",
    "https://0Xc0.0250.01/",
    "mailto:someone@example.com",
    "mailto:x",
    "javascript:alert(1)",
    "data:text/plain,hi",
    "blob:https://example.com/uuid",
    "urn:isbn:0451450523",
    "file:///etc/passwd",
    "file://host/share",
    "file://localhost/x",
    "file:c:/x",
    "sc://ñ.test/",
    "sc://%/",
    "sc://a b/",
    "sc://[1:2::3]:80/",
    "sc:\\\\x/",
    "ws://example.com/socket",
    "wss://example.com:443/",
    "ftp://example.com/",
    "gopher://example.com/",
    "git+ssh://git@github.com/x.git",
    "a:b",
    "1http://example.com",
    "ht tp://example.com",
    "http:example.com",
    "HTTP:example.com",
    "//example.com/x",
    "/just/a/path",
    "example.com",
    "example.com:9200",
    "localhost:9200",
    "https://localhost",
    "https://hooks.torq.io/v1/webhooks/x",
    "https://HOOKS.EU.TORQ.IO/v1",
    "https://hooks.torq.io.evil.com/",
    // The plain shape `whatwg` answers without a parser, and its edges.
    "https://example.com:00080/",
    "https://EXAMPLE.Com",
    "http://a-.-b.c-d/",
    "https://a.b1/",
    "https://a.1b/",
    "https://a.0x1/",
    "https://a.0xg/",
    "https://localhost:65535",
    "https://x.com?q=1",
    "https://x.com#f",
    "https://x.com\\path",
    "https://x.com:8a/",
    "https://x.com:99999999999/",
    "https://x.y.z.com/p@q",
    "https://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com/",
];

/// Every string in the fixtures' bodies that could be a URL (a `:`, a `/` or a dotted name).
fn fixture_strings() -> BTreeSet<String> {
    fn walk(value: &Value, out: &mut BTreeSet<String>) {
        match value {
            Value::String(text)
                if text.contains([':', '/'])
                    || text.split_once('.').is_some_and(|(_, after)| {
                        after.starts_with(|c: char| c.is_alphabetic())
                    }) =>
            {
                out.insert(text.clone());
            }
            Value::Array(items) => items.iter().for_each(|item| walk(item, out)),
            Value::Object(map) => map.values().for_each(|item| walk(item, out)),
            _ => {}
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = BTreeSet::new();
    for type_dir in fs::read_dir(root).unwrap() {
        for kind in fs::read_dir(type_dir.unwrap().path()).unwrap() {
            let kind = kind.unwrap().path();
            if !kind.is_dir() {
                continue;
            }
            for file in fs::read_dir(kind).unwrap() {
                let fixture: Value =
                    serde_json::from_str(&fs::read_to_string(file.unwrap().path()).unwrap())
                        .unwrap();
                if let Some(body) = fixture.get("body") {
                    walk(body, &mut out);
                }
            }
        }
    }
    out
}

/// Each input with what both parsers answer: `[input, "scheme:hostname" | null, hostname |
/// null | false]` (`new URL`: `null` where it throws; `url.parse`'s `hostname`: `null` when it
/// has none, `false` where it throws).
fn answers() -> Vec<Value> {
    let mut inputs: BTreeSet<String> = EDGE_CASES.iter().map(|&s| s.to_owned()).collect();
    inputs.extend(fixture_strings());
    inputs
        .into_iter()
        .map(|input| {
            let whatwg = whatwg(&input).map(|url| format!("{}:{}", url.scheme, url.hostname));
            let legacy = match legacy_hostname(&input) {
                Ok(hostname) => json!(hostname),
                Err(_) => json!(false),
            };
            json!([input, whatwg, legacy])
        })
        .collect()
}

/// Inputs where the `url`/`idna` crates (native builds) and Node part ways: the crates apply
/// UTS #46's bidi rule to a label that starts with a digit, Node's parser does not. The wasm
/// module asks its host's `URL`, so in Node it gives Node's answer.
const NATIVE_DIFFERS: &[&str] = &["https://1.שלום/", "https://١٢٣.com/"];

fn committed_path() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/urls/agreement.json")
}

/// What Node's `new URL` and `url.parse(value, false, true)` answer for `inputs`, as rows.
fn nodes_answers(inputs: &[Value]) -> Vec<Value> {
    let script = r"
        const url = require('node:url');
        const inputs = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
        process.stdout.write(JSON.stringify(inputs.map((input) => {
          let whatwg = null;
          try { const u = new URL(input); whatwg = u.protocol + u.hostname; } catch {}
          let legacy;
          try { legacy = url.parse(input, false, true).hostname; } catch { legacy = false; }
          return [input, whatwg, legacy];
        })));
    ";
    let mut child = std::process::Command::new("node")
        .args(["--no-deprecation", "-e", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("node (the tests need Node.js)");
    let text = Value::Array(inputs.to_vec()).to_string();
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), text.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn the_committed_answers_are_nodes() {
    let inputs: Vec<Value> = answers().iter().map(|row| row[0].clone()).collect();
    let rows: Vec<String> = nodes_answers(&inputs)
        .iter()
        .map(Value::to_string)
        .collect();
    let fresh = format!("[\n{}\n]\n", rows.join(",\n"));
    let path = committed_path();
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        fs::write(&path, &fresh).unwrap();
    }
    let committed = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "tests/urls/agreement.json is stale: run UPDATE_GENERATED=1 cargo test --test urls"
    );
}

#[test]
fn the_native_parsers_give_nodes_answers() {
    // Node's answers asked afresh (not read from the file, which the test above may be writing).
    let ours = answers();
    let inputs: Vec<Value> = ours.iter().map(|row| row[0].clone()).collect();
    let nodes = nodes_answers(&inputs);
    assert_eq!(ours.len(), nodes.len());
    let mut disagreements = Vec::new();
    for (ours, node) in ours.iter().zip(&nodes) {
        let known = NATIVE_DIFFERS.contains(&ours[0].as_str().unwrap());
        if (ours != node) != known {
            disagreements.push(format!("native {ours}\nNode   {node}"));
        }
    }
    assert!(
        disagreements.is_empty(),
        "{} rows differ from Node's answers (or no longer differ, for NATIVE_DIFFERS):\n{}",
        disagreements.len(),
        disagreements.join("\n")
    );
}
