//! RFC 6901 JSON pointers: the paths every issue is located by.

use std::borrow::Cow;

/// One step of a path inside `config` or `secrets`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// An object key (borrowed when it is a model's own field name: no allocation per read).
    Key(Cow<'static, str>),
    /// An array index.
    Index(usize),
}

/// Escapes one RFC 6901 reference token (`~` → `~0`, `/` → `~1`).
pub fn escape_pointer(token: &str) -> String {
    let mut out = String::with_capacity(token.len());
    push_escaped(&mut out, token);
    out
}

/// Appends `token` escaped as an RFC 6901 reference token.
fn push_escaped(out: &mut String, token: &str) {
    for c in token.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}

/// An RFC 6901 pointer for `path` below `base` (e.g. `/config`).
pub fn pointer(base: &str, path: &[Segment]) -> String {
    let mut out = String::with_capacity(base.len() + 16 * path.len());
    out.push_str(base);
    for segment in path {
        out.push('/');
        match segment {
            Segment::Index(index) => out.push_str(&index.to_string()),
            Segment::Key(key) => push_escaped(&mut out, key),
        }
    }
    out
}
