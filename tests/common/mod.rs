//! Shared by the native integration tests: the fixture files.
#![allow(dead_code)] // each test file uses part of this
#![allow(clippy::expect_used, clippy::panic)] // a failing test may panic

use std::fs;
use std::path::PathBuf;

use serde_json::Value;

/// Where the fixtures live: `tests/fixtures/<type>/{valid,invalid}/*.json`.
pub const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// One fixture file.
pub struct Fixture {
    pub path: PathBuf,
    pub data: Value,
}

impl Fixture {
    /// The path below `tests/fixtures`, for messages.
    pub fn name(&self) -> String {
        self.path
            .strip_prefix(FIXTURES)
            .unwrap_or(&self.path)
            .display()
            .to_string()
    }
}

/// Every fixture of a kind (`valid` or `invalid`), sorted by path.
pub fn load(kind: &str) -> Vec<Fixture> {
    let mut out = Vec::new();
    for type_dir in fs::read_dir(FIXTURES).expect("tests/fixtures") {
        let dir = type_dir.expect("entry").path().join(kind);
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "json") {
                let text = fs::read_to_string(&path).expect("readable fixture");
                let data = serde_json::from_str(&text)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                out.push(Fixture { path, data });
            }
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}
