//! The crate's layers hold: no module uses one above it. The test reads `src/` and resolves every
//! `crate::…`, `$crate::…` and `super::…` path outside comments and string literals to the
//! top-level module it names; a path that points up the map below fails, with the file and line.
//!
//! ARCHITECTURE.md draws the same map.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // a failing test may panic

use std::fs;
use std::path::{Path, PathBuf};

/// The layers, top first. A module may use the modules of every layer below its own, and the
/// modules listed after it in its own layer; nothing else. `lib.rs`, the crate root that
/// declares the modules and re-exports the public API, is above them all.
const LAYERS: &[&[&str]] = &[
    &["wasm"],
    // The README tables read the schemas' lists of rules; the TypeScript declarations name the
    // pipeline's options.
    &["generated", "schema", "pipeline"],
    &["registry"],
    &["connectors"],
    &["connector"],
    // The model macros expand to readers and schemas; `ZodUrl` is `new URL()`.
    &[
        "model", "zod", "kibana", "catalog", "versions", "js", "pointer",
    ],
    &["report"],
];

/// Where `module` stands: (layer, position in the layer).
fn rank(module: &str) -> Option<(usize, usize)> {
    LAYERS.iter().enumerate().find_map(|(layer, modules)| {
        modules
            .iter()
            .position(|m| *m == module)
            .map(|position| (layer, position))
    })
}

/// True when a file of `from` may use `to`.
fn may_use(from: &str, to: &str) -> bool {
    if from == to {
        return true;
    }
    match (rank(from), rank(to)) {
        (Some((from_layer, from_position)), Some((to_layer, to_position))) => {
            to_layer > from_layer || (to_layer == from_layer && to_position > from_position)
        }
        _ => false,
    }
}

/// The text with comments, string literals and character literals blanked out (line breaks
/// kept, so that positions keep their line numbers).
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if c == 'r'
            && (next == Some('"') || next == Some('#'))
            && !chars
                .get(i.wrapping_sub(1))
                .is_some_and(|p| p.is_alphanumeric() || *p == '_')
        {
            // A raw string: r"…", r#"…"#, …
            let mut hashes = 0;
            let mut j = i + 1;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            let closing: String = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            let body_start = j + 1;
            let rest: String = chars[body_start..].iter().collect();
            let end = rest.find(&closing).map_or(chars.len(), |at| {
                body_start + rest[..at].chars().count() + closing.len()
            });
            for &skipped in &chars[i..end.min(chars.len())] {
                out.push(blank(skipped));
            }
            i = end;
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < chars.len() {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' && (next == Some('\\') || chars.get(i + 2) == Some(&'\'')) {
            // A character literal (a lifetime has no closing quote).
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '\'' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                out.push(' ');
                i += 1;
            }
            out.push(' ');
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// The module path of a source file (`src/connectors/spec/mod.rs` → `connectors::spec`).
fn module_path(src: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src).unwrap();
    let mut parts: Vec<String> = relative
        .iter()
        .map(|part| part.to_string_lossy().into_owned())
        .collect();
    if let Some(last) = parts.pop() {
        let stem = last.trim_end_matches(".rs");
        if stem != "mod" && stem != "lib" {
            parts.push(stem.to_owned());
        }
    }
    parts
}

/// The identifiers a path names right after `crate::` (several for `crate::{a, b::c}`).
fn first_segments(rest: &str) -> Vec<String> {
    let ident = |text: &str| -> String {
        text.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let rest = rest.trim_start();
    let Some(group) = rest.strip_prefix('{') else {
        return vec![ident(rest)];
    };
    // Top-level entries of the group.
    let mut out = Vec::new();
    let mut depth = 0;
    let mut entry_start = true;
    for (at, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => entry_start = true,
            c if entry_start && !c.is_whitespace() => {
                out.push(ident(&group[at..]));
                entry_start = false;
            }
            _ => {}
        }
    }
    out
}

/// Every top-level module a file's paths name, with the line they are on.
fn used_modules(code: &str, own: &[String]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (index, line) in code.lines().enumerate() {
        let mut search = 0;
        while let Some(found) = line[search..].find("crate::") {
            let at = search + found;
            let before = line[..at].chars().next_back();
            if !before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                for module in first_segments(&line[at + "crate::".len()..]) {
                    out.push((index + 1, module));
                }
            }
            search = at + "crate::".len();
        }
        let mut search = 0;
        while let Some(found) = line[search..].find("super::") {
            let at = search + found;
            let before = line[..at].chars().next_back();
            if !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                let mut rest = &line[at..];
                let mut ups = 0;
                while let Some(after) = rest.strip_prefix("super::") {
                    ups += 1;
                    rest = after;
                }
                // `super` from a file's own module; inline `mod tests` blocks add one level,
                // which this reading ignores: it can only make a path look lower than it is.
                if ups >= own.len() {
                    for module in first_segments(rest) {
                        out.push((index + 1, module));
                    }
                }
            }
            search = at + "super::".len();
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_module_uses_one_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut upward = Vec::new();
    for file in &files {
        let own = module_path(&src, file);
        let Some(top) = own.first() else {
            continue; // lib.rs
        };
        assert!(
            rank(top).is_some(),
            "{} belongs to no layer: add `{top}` to LAYERS (and to ARCHITECTURE.md)",
            file.display()
        );
        let code = code_only(&fs::read_to_string(file).unwrap());
        for (line, module) in used_modules(&code, &own) {
            // `crate::VERSION` and other items of the crate root.
            if rank(&module).is_none() {
                continue;
            }
            if !may_use(top, &module) {
                upward.push(format!(
                    "{}:{line}: `{top}` uses `{module}`",
                    file.strip_prefix(&src).unwrap().display()
                ));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports that point up the layers:\n{}",
        upward.join("\n")
    );
}

#[test]
fn the_reader_finds_upward_imports() {
    let own = vec!["connectors".to_owned(), "email".to_owned()];
    let code = code_only(
        "use crate::registry;\n// crate::schema\nlet _ = \"crate::pipeline\";\nuse crate::{zod::Zod, schema::rules};\nuse super::super::pipeline;\nlet c = '\"'; use crate::validate;\n",
    );
    let found: Vec<(usize, String)> = used_modules(&code, &own);
    let named: Vec<&str> = found.iter().map(|(_, m)| m.as_str()).collect();
    assert_eq!(named, ["registry", "zod", "schema", "pipeline", "validate"]);
    assert!(!may_use("connectors", "registry"));
    assert!(may_use("registry", "connectors"));
    assert!(may_use("model", "zod"));
    assert!(!may_use("zod", "model"));
}
