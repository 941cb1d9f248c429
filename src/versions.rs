//! Kibana releases, and when a fact about Kibana starts to hold.
//!
//! Every answer depends on the Kibana the user runs: the error-message engine (the *era*), the
//! connector types it registers, the fields and options their schemas accept and the rules around
//! them. This module names the releases and gives one way to say when something first exists
//! ([`Since`]); the facts themselves are data next to what they qualify: a type's in its
//! registration row, a field's in its connector's module, a rule's next to the rule.
//!
//! Where the sources did not pin a fact to a release, the [`Since`] says so, and a report that
//! depends on it is marked approximate, never presented as exact.

use std::fmt;

/// A Kibana release line this crate answers for, oldest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Release {
    /// 8.19, the last 8.x line (patched through 2026).
    V8_19,
    /// 9.0 (April 2025).
    V9_0,
    /// 9.1 (July 2025).
    V9_1,
    /// 9.2 (October 2025).
    V9_2,
    /// 9.3 (early 2026): connector schemas in Zod 3, Kibana's own error formatter.
    V9_3,
    /// 9.4 (April 2026): Zod 4 and `z.prettifyError`.
    V9_4,
    /// 9.5 (July 2026).
    V9_5,
    /// 9.6 (expected late 2026): its facts come from PR labels and docs tags.
    V9_6,
    /// Kibana's main branch as this crate's models were written (December 2026).
    Main,
}

/// How Kibana words a connector's config and secrets errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MessageEra {
    /// `@kbn/config-schema` (Joi), first error only:
    /// `error validating action type config: [index]: expected value of type [string] but got [number]`.
    ConfigSchema,
    /// Zod 3 with Kibana's `formatZodError` (9.3 only, PR #240507):
    /// `error validating connector type config: Field "index": Required`.
    Zod3,
    /// Zod 4 with `z.prettifyError` (9.4 and later, PRs #252702 and #258854).
    Zod4,
}

impl Release {
    /// Every release line, oldest first.
    pub const ALL: &'static [Release] = &[
        Self::V8_19,
        Self::V9_0,
        Self::V9_1,
        Self::V9_2,
        Self::V9_3,
        Self::V9_4,
        Self::V9_5,
        Self::V9_6,
        Self::Main,
    ];

    /// What `validate` answers for when no version is given: the newest release line.
    pub const DEFAULT: Release = Self::V9_6;

    /// The name used in options and messages: `"8.19"`, `"9.3"`, `"main"`.
    pub const fn name(self) -> &'static str {
        match self {
            Self::V8_19 => "8.19",
            Self::V9_0 => "9.0",
            Self::V9_1 => "9.1",
            Self::V9_2 => "9.2",
            Self::V9_3 => "9.3",
            Self::V9_4 => "9.4",
            Self::V9_5 => "9.5",
            Self::V9_6 => "9.6",
            Self::Main => "main",
        }
    }

    /// The error-message engine of the release's connector schemas. The move to Zod was made for
    /// every connector type at once (PR #238309, before the 9.3 branch), as was Zod 4 (9.4).
    pub const fn era(self) -> MessageEra {
        match self {
            Self::V8_19 | Self::V9_0 | Self::V9_1 | Self::V9_2 => MessageEra::ConfigSchema,
            Self::V9_3 => MessageEra::Zod3,
            Self::V9_4 | Self::V9_5 | Self::V9_6 | Self::Main => MessageEra::Zod4,
        }
    }

    /// Why facts of the whole release line are not exact, if they are not.
    pub const fn caveat(self) -> Option<&'static str> {
        match self {
            Self::V9_6 => Some(
                "9.6 was not seen released in the sources read: what it holds comes from `v9.6.0` PR labels and docs tags, and otherwise follows main",
            ),
            _ => None,
        }
    }
}

impl MessageEra {
    /// The engine's name, as `kibanaVersions()` lists it.
    pub const fn name(self) -> &'static str {
        match self {
            Self::ConfigSchema => "config-schema",
            Self::Zod3 => "zod-3",
            Self::Zod4 => "zod-4",
        }
    }
}

/// A release line as `kibana_versions()` lists it, for pickers and documentation.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReleaseInfo {
    /// The name to pass as `kibanaVersion`: `"8.19"`, `"9.3"`, `"main"`.
    pub version: &'static str,
    /// The engine of its config and secrets messages: `config-schema`, `zod-3` or `zod-4`.
    pub message_engine: &'static str,
    /// Whether it is what an answer is for when no version is given.
    pub is_default: bool,
    /// Why facts of the whole line are not exact, when they are not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caveat: Option<&'static str>,
}

/// Every release line this crate answers for, oldest first.
pub fn kibana_versions() -> Vec<ReleaseInfo> {
    Release::ALL
        .iter()
        .map(|&release| ReleaseInfo {
            version: release.name(),
            message_engine: release.era().name(),
            is_default: release == Release::DEFAULT,
            caveat: release.caveat(),
        })
        .collect()
}

impl fmt::Display for Release {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A Kibana version as a user names it: a release line, and a patch when given (`"9.3.2"`). A
/// line without a patch (`"9.3"`) means its newest patch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KibanaVersion {
    /// The release line.
    pub release: Release,
    /// The patch, when the user named one.
    pub patch: Option<u32>,
}

impl Default for KibanaVersion {
    fn default() -> Self {
        Release::DEFAULT.into()
    }
}

impl From<Release> for KibanaVersion {
    fn from(release: Release) -> Self {
        Self {
            release,
            patch: None,
        }
    }
}

impl fmt::Display for KibanaVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.patch {
            Some(patch) => write!(f, "{}.{patch}", self.release),
            None => f.write_str(self.release.name()),
        }
    }
}

impl std::str::FromStr for KibanaVersion {
    type Err = UnsupportedVersion;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::parse(text)
    }
}

impl serde::Serialize for KibanaVersion {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for KibanaVersion {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// Why a version string names no supported release.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnsupportedVersion(pub String);

impl fmt::Display for UnsupportedVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl KibanaVersion {
    /// The versions this crate accepts, for messages.
    pub const SUPPORTED: &'static str =
        "\"8.19\", \"9.0\" … \"9.6\" or \"main\", optionally with a patch (\"9.3.2\")";

    /// Reads `"9.3"`, `"9.3.2"`, `"v9.3.2"`, `"8.19"`, `"main"`. A pre-release suffix
    /// (`"9.4.0-SNAPSHOT"`) is read as its release.
    pub fn parse(text: &str) -> Result<Self, UnsupportedVersion> {
        let trimmed = text.trim();
        if trimmed.eq_ignore_ascii_case("main") {
            return Ok(Release::Main.into());
        }
        let unsupported = || {
            UnsupportedVersion(format!(
                "Kibana {} is not supported: name {}",
                crate::js::js_string_literal(&trimmed.chars().take(40).collect::<String>()),
                Self::SUPPORTED
            ))
        };
        let numbers = trimmed.strip_prefix(['v', 'V']).unwrap_or(trimmed);
        let numbers = numbers.split_once('-').map_or(numbers, |(core, _)| core);
        let parts: Vec<&str> = numbers.split('.').collect();
        let number = |part: Option<&&str>| -> Option<u32> {
            // Numbers as semver writes them: digits, no leading zero ("9.03" names nothing).
            part.filter(|p| {
                !p.is_empty()
                    && p.len() <= 6
                    && p.bytes().all(|b| b.is_ascii_digit())
                    && (p.len() == 1 || !p.starts_with('0'))
            })
            .and_then(|p| p.parse().ok())
        };
        let (Some(major), Some(minor)) = (number(parts.first()), number(parts.get(1))) else {
            return Err(unsupported());
        };
        let patch = match parts.len() {
            2 => None,
            3 => Some(number(parts.get(2)).ok_or_else(unsupported)?),
            _ => return Err(unsupported()),
        };
        let release = Release::ALL
            .iter()
            .copied()
            .find(|release| release.name() == format!("{major}.{minor}"))
            .ok_or_else(unsupported)?;
        Ok(Self { release, patch })
    }
}

/// How sure a [`Since`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// Pinned by Kibana's release notes, a PR's version labels or a backport PR.
    Exact,
    /// Inferred (from a merge date, a docs tag, …): the reason, shown in reports.
    Approximate(&'static str),
}

/// The first release a fact holds in: every patch of `release` and of the lines after it, plus
/// the patches of older lines it was backported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Since {
    /// The first release line that has it from its first patch.
    pub release: Release,
    /// Older lines that received it in a patch: the first patch, or `None` when the number is
    /// not known (then a version of that line *with* a patch is approximate).
    pub backports: &'static [(Release, Option<u32>)],
    /// How sure the release is.
    pub evidence: Evidence,
}

/// Whether a fact holds in a version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holds {
    /// It holds.
    Yes,
    /// It does not.
    No,
}

impl Since {
    /// Holds in every release this crate answers for.
    pub const ALWAYS: Since = Since::exact(Release::V8_19);

    /// Since `release`, pinned.
    pub const fn exact(release: Release) -> Self {
        Self {
            release,
            backports: &[],
            evidence: Evidence::Exact,
        }
    }

    /// Since `release`, inferred for the reason given.
    pub const fn approximate(release: Release, why: &'static str) -> Self {
        Self {
            release,
            backports: &[],
            evidence: Evidence::Approximate(why),
        }
    }

    /// The same, also backported to the patches given.
    #[must_use]
    pub const fn backported(self, backports: &'static [(Release, Option<u32>)]) -> Self {
        Self { backports, ..self }
    }

    /// Whether the fact holds in `version`, and, when that answer is not certain, why.
    pub fn holds_in(&self, version: KibanaVersion) -> (Holds, Option<&'static str>) {
        let approximate = match self.evidence {
            Evidence::Exact => None,
            Evidence::Approximate(why) => Some(why),
        };
        if version.release >= self.release {
            // An inferred first release may be one line off: it matters only next to it.
            let near =
                version.release == self.release || next(self.release) == Some(version.release);
            return (Holds::Yes, approximate.filter(|_| near));
        }
        for (line, first_patch) in self.backports {
            if *line == version.release {
                return match (first_patch, version.patch) {
                    // A line without a patch means its newest patch, which has every backport.
                    (_, None) => (Holds::Yes, None),
                    (Some(first), Some(patch)) => {
                        if patch >= *first {
                            (Holds::Yes, None)
                        } else {
                            (Holds::No, None)
                        }
                    }
                    (None, Some(_)) => (
                        Holds::No,
                        Some("the patch of this release line that first has it is not known"),
                    ),
                };
            }
        }
        (
            Holds::No,
            approximate.filter(|_| next(version.release) == Some(self.release)),
        )
    }
}

/// The release line after `release`.
fn next(release: Release) -> Option<Release> {
    let index = Release::ALL.iter().position(|r| *r == release)?;
    Release::ALL.get(index + 1).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_read_as_users_write_them() {
        let read = |text: &str| KibanaVersion::parse(text).map(|v| v.to_string());
        assert_eq!(read("9.3").as_deref(), Ok("9.3"));
        assert_eq!(read("9.3.2").as_deref(), Ok("9.3.2"));
        assert_eq!(read("v8.19.7").as_deref(), Ok("8.19.7"));
        assert_eq!(read("V9.0.0").as_deref(), Ok("9.0.0"));
        assert_eq!(read(" main ").as_deref(), Ok("main"));
        assert_eq!(read("9.4.0-SNAPSHOT").as_deref(), Ok("9.4.0"));
        for bad in [
            "7.17", "9.7", "10.0", "9", "9.x", "9.3.2.1", "", "9..3", "main2", "9.3.-1", "09.3",
            "9.03", "9.3.02", "vv9.3",
        ] {
            let error = KibanaVersion::parse(bad).expect_err(bad);
            assert!(error.0.contains("is not supported"), "{bad}: {error}");
        }
        assert_eq!(KibanaVersion::default().release, Release::V9_6);
    }

    #[test]
    fn eras_follow_the_schema_engines() {
        assert_eq!(Release::V8_19.era(), MessageEra::ConfigSchema);
        assert_eq!(Release::V9_2.era(), MessageEra::ConfigSchema);
        assert_eq!(Release::V9_3.era(), MessageEra::Zod3);
        assert_eq!(Release::V9_4.era(), MessageEra::Zod4);
        assert_eq!(Release::Main.era(), MessageEra::Zod4);
    }

    #[test]
    fn the_list_of_releases_names_each_line_once_and_one_default() {
        let listed = kibana_versions();
        assert_eq!(listed.len(), Release::ALL.len());
        assert_eq!(listed.iter().filter(|r| r.is_default).count(), 1);
        for (info, release) in listed.iter().zip(Release::ALL) {
            let read = KibanaVersion::parse(info.version).expect(info.version);
            assert_eq!(read.release, *release);
            assert_eq!(info.message_engine, release.era().name());
        }
        assert_eq!(listed[0].message_engine, "config-schema");
        assert!(listed.iter().any(|r| r.caveat.is_some()));
    }

    #[test]
    fn a_fact_holds_from_its_release_and_in_its_backports() {
        const RULE: Since = Since::exact(Release::V9_5)
            .backported(&[(Release::V9_3, Some(5)), (Release::V8_19, None)]);
        const GUESS: Since = Since::approximate(Release::V9_4, "merge date");
        let holds = |text: &str| RULE.holds_in(KibanaVersion::parse(text).unwrap());
        assert_eq!(holds("9.5"), (Holds::Yes, None));
        assert_eq!(holds("main"), (Holds::Yes, None));
        assert_eq!(holds("9.3"), (Holds::Yes, None));
        assert_eq!(holds("9.3.5"), (Holds::Yes, None));
        assert_eq!(holds("9.3.4"), (Holds::No, None));
        assert_eq!(holds("9.4"), (Holds::No, None));
        assert_eq!(holds("8.19"), (Holds::Yes, None));
        assert!(holds("8.19.3").1.is_some());
        let guess = |text: &str| GUESS.holds_in(KibanaVersion::parse(text).unwrap());
        assert_eq!(guess("9.4"), (Holds::Yes, Some("merge date")));
        assert_eq!(guess("9.3"), (Holds::No, Some("merge date")));
        assert_eq!(guess("9.5"), (Holds::Yes, Some("merge date")));
        assert_eq!(guess("9.6"), (Holds::Yes, None));
        assert_eq!(guess("9.0"), (Holds::No, None));
    }
}
