//! Quality checks on one translated entry: the slips a translator makes that
//! a reader notices — a number dropped, a link changed, a placeholder lost,
//! markup left open, a sentence left in the source language.
//!
//! The module is pure: it takes a source, its translation and the language
//! pair, and returns findings. Every check is one function, and one table
//! (`checks!` below, the registry) gives each its name, id, severity and
//! description: `Check`, its serde form, the JSON ids and the validation of
//! `[qa] disabled` and `qa-ignore` all come from it. Each check is
//! linear-ish in the length of its input and never panics, whatever the text.
//!
//! An empty translation is a missing one, which is `check`'s business, not a
//! quality problem: [`check_entry`] returns no findings for it.
//!
//! The checks live by family: `numbers`, `verbatim` (URLs, e-mail
//! addresses), `markup` (link targets, emphasis and code), `placeholders`
//! and `text` (untranslated, whitespace, brackets, length). What several
//! share is its own file: the scanners in `scan/` (numbers with their
//! decimal type, URLs and e-mail addresses, Markdown, placeholders, the
//! prose left when those are blanked out), the language data in `locale`,
//! and the entry under check, with its Markdown scanned once, in `entry`.
//! A new check is a function in its family's file, a row in the table and
//! its message ids in `src/messages/*.ftl`.
mod entry;
mod locale;
mod markup;
mod numbers;
mod placeholders;
pub(crate) mod scan;
#[cfg(test)]
mod testing;
mod text;
mod verbatim;

use std::fmt;
use std::str::FromStr;

use serde::de::{self, EnumAccess, Unexpected, VariantAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::message::Message;
use entry::Entry;
use markup::{check_link_targets, check_markup};
use numbers::check_numbers;
use placeholders::check_placeholders;
use text::{
    check_brackets, check_control_characters, check_length, check_untranslated, check_whitespace,
};
use verbatim::{check_emails, check_urls};

/// How much a finding matters: an error fails `check --qa`, a warning is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem found in one entry. Its JSON form (the message in English)
/// is the report's, which renders words.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub check: Check,
    pub severity: Severity,
    /// What differs, e.g. "number 2019 is missing from the translation":
    /// English in JSON, the UI language in text.
    pub message: Message,
}

/// The workspace's choice of checks. The default runs them all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct QaConfig {
    /// Checks switched off for the whole workspace.
    pub disabled: Vec<Check>,
}

impl QaConfig {
    /// Whether `check` runs under this configuration.
    pub fn is_enabled(&self, check: Check) -> bool {
        !self.disabled.contains(&check)
    }
}

/// Declares the checks from one table: each row gives a check's name (its
/// `Check` variant), its id, severity, description and function. The enum
/// and [`REGISTRY`] are both made from the rows, so they cannot disagree,
/// and `Check as usize` indexes the registry.
macro_rules! checks {
    ($(
        $name:ident {
            id: $id:literal,
            severity: $severity:ident,
            description: $description:literal,
            run: $run:path $(,)?
        }
    ),* $(,)?) => {
        /// Identifies a check; its id (`Check::id`) is what users write in
        /// `[qa] disabled`, in `qa-ignore = [...]`, and what JSON shows.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Check {
            $(#[doc = $description] $name,)*
        }

        /// Every check, in the order findings are reported.
        const REGISTRY: &[CheckDef] = &[
            $(CheckDef {
                check: Check::$name,
                id: $id,
                severity: Severity::$severity,
                description: $description,
                run: $run,
            },)*
        ];
    };
}

checks! {
    Numbers {
        id: "numbers",
        severity: Error,
        description: "every number in the source appears in the translation with the same value \
                      (locale forms such as 1,000 / 1.000 / 1 000 and 3만 / 3万 allowed)",
        run: check_numbers,
    },
    Urls {
        id: "urls",
        severity: Error,
        description: "every URL in the source appears verbatim in the translation",
        run: check_urls,
    },
    Emails {
        id: "emails",
        severity: Error,
        description: "every e-mail address in the source appears verbatim in the translation",
        run: check_emails,
    },
    LinkTargets {
        id: "link-targets",
        severity: Error,
        description: "Markdown links and images keep their targets",
        run: check_link_targets,
    },
    Markup {
        id: "markup",
        severity: Error,
        description: "emphasis (*, _, **), strikethrough and code spans are balanced \
                      and as many as in the source",
        run: check_markup,
    },
    Placeholders {
        id: "placeholders",
        severity: Error,
        description: "Fluent { $variables }, printf %s / %d / %1$s and {0} placeholders are kept",
        run: check_placeholders,
    },
    Untranslated {
        id: "untranslated",
        severity: Warning,
        description: "the translation is identical to a source of two words or more \
                      (likely left untranslated)",
        run: check_untranslated,
    },
    Whitespace {
        id: "whitespace",
        severity: Warning,
        description: "leading and trailing whitespace as in the source, no doubled spaces",
        run: check_whitespace,
    },
    Brackets {
        id: "brackets",
        severity: Warning,
        description: "quotation marks (“” ‘’ «» 「」 『』) and brackets (() [] {}) are balanced \
                      in the translation",
        run: check_brackets,
    },
    Length {
        id: "length",
        severity: Warning,
        description: "the translation's length is within the usual ratio for the language pair",
        run: check_length,
    },
    // New checks go last: the result cache stores a check by its index.
    ControlCharacters {
        id: "control-characters",
        severity: Error,
        description: "no control characters (NUL, ESC, DEL, C1) or bidirectional controls \
                      that the source does not have",
        run: check_control_characters,
    },
}

/// One row of the registry.
struct CheckDef {
    check: Check,
    id: &'static str,
    severity: Severity,
    description: &'static str,
    run: fn(&Entry) -> Vec<Message>,
}

/// The checks, in registry order (what [`Check::all`] returns).
const ALL: [Check; REGISTRY.len()] = {
    let mut all = [Check::Numbers; REGISTRY.len()];
    let mut i = 0;
    while i < REGISTRY.len() {
        all[i] = REGISTRY[i].check;
        i += 1;
    }
    all
};

/// The ids, in registry order: what serde lists when an id is unknown.
const IDS: [&str; REGISTRY.len()] = {
    let mut ids = [""; REGISTRY.len()];
    let mut i = 0;
    while i < REGISTRY.len() {
        ids[i] = REGISTRY[i].id;
        i += 1;
    }
    ids
};

impl Check {
    fn def(&self) -> &'static CheckDef {
        &REGISTRY[*self as usize]
    }

    /// The id users write in `l10n.toml` and in `qa-ignore`.
    pub fn id(&self) -> &'static str {
        self.def().id
    }

    /// Every check, in reporting order.
    pub fn all() -> &'static [Check] {
        &ALL
    }

    /// The check with this id (`"link-targets"`), if any.
    pub fn from_id(id: &str) -> Option<Check> {
        REGISTRY
            .iter()
            .find(|def| def.id == id)
            .map(|def| def.check)
    }

    pub fn severity(&self) -> Severity {
        self.def().severity
    }

    /// One line saying what the check looks for.
    pub fn description(&self) -> &'static str {
        self.def().description
    }
}

impl fmt::Display for Check {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Check {
    type Err = String;

    fn from_str(id: &str) -> Result<Check, String> {
        Check::from_id(id).ok_or_else(|| {
            let ids: Vec<&str> = Check::all().iter().map(Check::id).collect();
            format!("unknown check `{id}` (known: {})", ids.join(", "))
        })
    }
}

/// A check is serialised as a unit variant named by its id: a string in
/// JSON and TOML, its registry index in the cache's postcard.
impl Serialize for Check {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_unit_variant("Check", *self as u32, self.id())
    }
}

/// Read back as serde's derive would read a unit-only enum (a string, a
/// variant index or a one-key table), with its error messages: an unknown
/// id in `[qa] disabled` lists the known ones.
impl<'de> Deserialize<'de> for Check {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Check, D::Error> {
        struct CheckVisitor;

        impl<'de> Visitor<'de> for CheckVisitor {
            type Value = Check;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("enum Check")
            }

            fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Check, A::Error> {
                let (VariantId(check), variant) = data.variant()?;
                variant.unit_variant()?;
                Ok(check)
            }
        }

        deserializer.deserialize_enum("Check", &IDS, CheckVisitor)
    }
}

/// A check named as an enum variant: by id or by registry index.
struct VariantId(Check);

impl<'de> Deserialize<'de> for VariantId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<VariantId, D::Error> {
        struct IdVisitor;

        impl Visitor<'_> for IdVisitor {
            type Value = VariantId;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("variant identifier")
            }

            fn visit_u64<E: de::Error>(self, index: u64) -> Result<VariantId, E> {
                usize::try_from(index)
                    .ok()
                    .and_then(|i| ALL.get(i))
                    .map(|check| VariantId(*check))
                    .ok_or_else(|| {
                        let expected = format!("variant index 0 <= i < {}", ALL.len());
                        E::invalid_value(Unexpected::Unsigned(index), &expected.as_str())
                    })
            }

            fn visit_str<E: de::Error>(self, id: &str) -> Result<VariantId, E> {
                Check::from_id(id)
                    .map(VariantId)
                    .ok_or_else(|| E::unknown_variant(id, &IDS))
            }

            fn visit_bytes<E: de::Error>(self, id: &[u8]) -> Result<VariantId, E> {
                match std::str::from_utf8(id) {
                    Ok(id) => self.visit_str(id),
                    Err(_) => Err(E::unknown_variant(&String::from_utf8_lossy(id), &IDS)),
                }
            }
        }

        deserializer.deserialize_identifier(IdVisitor)
    }
}

impl Severity {
    pub fn as_str(&self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Runs every check that `config` enables and `ignored` (the entry's
/// `qa-ignore`) does not name, in the order of [`Check::all`].
///
/// An empty (or blank) translation is missing, not wrong: no findings.
pub fn check_entry(
    source: &str,
    translation: &str,
    source_lang: &str,
    target_lang: &str,
    config: &QaConfig,
    ignored: &[Check],
) -> Vec<Finding> {
    if translation.trim().is_empty() {
        return Vec::new();
    }
    let entry = Entry::new(source, translation, source_lang, target_lang);
    let mut findings = Vec::new();
    for def in REGISTRY {
        if !config.is_enabled(def.check) || ignored.contains(&def.check) {
            continue;
        }
        for message in (def.run)(&entry) {
            findings.push(Finding {
                check: def.check,
                severity: def.severity,
                message,
            });
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::qa::testing::SOURCE_2018;

    // --- the table -------------------------------------------------------

    #[test]
    fn table_and_ids_agree() {
        assert_eq!(Check::all().len(), REGISTRY.len());
        for (i, check) in Check::all().iter().enumerate() {
            assert_eq!(REGISTRY[i].check, *check, "table order");
            assert_eq!(Check::from_id(check.id()), Some(*check));
            assert_eq!(check.id().parse::<Check>(), Ok(*check));
            assert_eq!(check.to_string(), check.id());
            let json = serde_json::to_string(check).unwrap();
            assert_eq!(json, format!("\"{}\"", check.id()), "serde id");
            assert!(!check.description().is_empty());
        }
        assert_eq!(Check::from_id("link-targets"), Some(Check::LinkTargets));
        assert_eq!(Check::from_id("nope"), None);
        assert!("nope".parse::<Check>().unwrap_err().contains("numbers"));
        assert_eq!(Check::Numbers.severity(), Severity::Error);
        assert_eq!(Check::Length.severity(), Severity::Warning);
    }

    /// The registry is complete (every check has its row, at its own
    /// index) and its ids are unique, kebab-case, and in the enum's order.
    #[test]
    fn registry_is_complete_with_unique_ids() {
        for (i, def) in REGISTRY.iter().enumerate() {
            assert_eq!(def.check as usize, i, "{} out of place", def.id);
            assert_eq!(IDS[i], def.id);
            assert!(
                !def.id.is_empty()
                    && def.id.split('-').all(
                        |word| !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase())
                    ),
                "{} is not kebab-case",
                def.id
            );
            let name = format!("{:?}", def.check).to_lowercase();
            assert_eq!(name, def.id.replace('-', ""), "name and id differ");
        }
        let ids: std::collections::HashSet<&str> = IDS.iter().copied().collect();
        assert_eq!(ids.len(), REGISTRY.len(), "an id is used twice: {IDS:?}");
        assert!(Check::all().is_sorted(), "reporting order is the enum's");
    }

    /// Read back as serde's derive did: by id, by index (postcard), as a
    /// one-key table, with the derive's messages (l10n.toml shows them).
    #[test]
    fn serde_reads_ids_and_indexes_as_the_derive_did() {
        use serde::de::IntoDeserializer;
        use serde::de::value::Error;

        let unknown = serde_json::from_str::<Check>(r#""nope""#).unwrap_err();
        assert_eq!(
            unknown.to_string(),
            "unknown variant `nope`, expected one of `numbers`, `urls`, `emails`, \
             `link-targets`, `markup`, `placeholders`, `untranslated`, `whitespace`, \
             `brackets`, `length`, `control-characters` at line 1 column 6"
        );
        let table: Check = serde_json::from_str(r#"{"urls":null}"#).unwrap();
        assert_eq!(table, Check::Urls);
        let valued = serde_json::from_str::<Check>(r#"{"urls":1}"#).unwrap_err();
        assert!(
            valued
                .to_string()
                .starts_with("invalid type: integer `1`, expected unit")
        );
        for check in Check::all() {
            let index: Result<VariantId, Error> =
                VariantId::deserialize((*check as u32).into_deserializer());
            assert_eq!(index.map(|id| id.0), Ok(*check));
            let bytes: Result<VariantId, Error> = VariantId::deserialize(
                serde::de::value::BytesDeserializer::new(check.id().as_bytes()),
            );
            assert_eq!(bytes.map(|id| id.0), Ok(*check));
        }
        let count = Check::all().len() as u32;
        let beyond: Result<VariantId, Error> = VariantId::deserialize(count.into_deserializer());
        assert_eq!(
            beyond.err().map(|e| e.to_string()),
            Some(format!(
                "invalid value: integer `{count}`, expected variant index 0 <= i < {count}"
            ))
        );
    }

    /// The JSON form of a finding is the report's (`report::tests`).
    #[test]
    fn config_reads_kebab_case_ids() {
        let config: QaConfig =
            serde_json::from_str(r#"{"disabled":["numbers","link-targets"]}"#).unwrap();
        assert_eq!(config.disabled, vec![Check::Numbers, Check::LinkTargets]);
    }

    // --- configuration ---------------------------------------------------

    #[test]
    fn qa_ignore_and_config_switch_checks_off() {
        let t = "지난해 김 위원장의 세 차례 방중으로 양국 관계가  눈에 띄게 개선됐다.";
        let all = check_entry(SOURCE_2018, t, "en", "ko", &QaConfig::default(), &[]);
        let checks: Vec<Check> = all.iter().map(|f| f.check).collect();
        assert_eq!(checks, [Check::Numbers, Check::Whitespace]);
        assert_eq!(all[0].severity, Severity::Error);
        assert_eq!(all[1].severity, Severity::Warning);

        let ignored = check_entry(
            SOURCE_2018,
            t,
            "en",
            "ko",
            &QaConfig::default(),
            &[Check::Numbers],
        );
        assert_eq!(
            ignored.iter().map(|f| f.check).collect::<Vec<_>>(),
            [Check::Whitespace]
        );

        let config = QaConfig {
            disabled: vec![Check::Whitespace],
        };
        assert!(!config.is_enabled(Check::Whitespace) && config.is_enabled(Check::Numbers));
        let disabled = check_entry(SOURCE_2018, t, "en", "ko", &config, &[]);
        assert_eq!(
            disabled.iter().map(|f| f.check).collect::<Vec<_>>(),
            [Check::Numbers]
        );
        assert!(check_entry(SOURCE_2018, t, "en", "ko", &config, &[Check::Numbers]).is_empty());
    }

    #[test]
    fn empty_translation_is_missing_not_wrong() {
        assert!(check_entry(SOURCE_2018, "", "en", "ko", &QaConfig::default(), &[]).is_empty());
        assert!(check_entry(SOURCE_2018, "  ", "en", "ko", &QaConfig::default(), &[]).is_empty());
    }

    #[test]
    fn repository_catalog_passes() {
        let pairs = [
            (
                "Kim Jong Un fails to convince his people of the need for denuke talks",
                "김정은, 주민들에게 비핵화 협상 필요성 설득 못해",
            ),
            (
                "Posted January. 10, 2019 08:04,",
                "입력 2019-01-10 08:04:00",
            ),
            (
                "Updated January. 10, 2019 08:50",
                "업데이트 2019-01-10 08:50:00",
            ),
            (
                "“According to a North Korean official, Kim is failing to convince his people of the need for nuclear negotiations with the U.S.,” a North Korean source in China said.",
                "중국 내 한 대북 소식통은 “북한 당국자에 따르면 김 위원장이 미국과의 핵협상 필요성을 주민들에게 설득하지 못하고 있다”고 말했다.",
            ),
            (
                "“Chairman Kim thinks that South Korean President Moon Jae-in will eventually cave in to the U.S.’ demands.",
                "“김 위원장은 문재인 대통령이 결국 미국의 요구에 굴복할 것이라고 생각한다.",
            ),
            (
                "He does not fully trust President Moon.”",
                "문 대통령을 완전히 신뢰하지는 않는다.”",
            ),
            (
                "Some are displeased at lack of progress in economic cooperation between North Korea and China despite the fact that Kim’s visits to China three times last year remarkably improved bilateral ties.",
                "일부는 지난해 김 위원장의 세 차례 방중으로 북-중 관계가 눈에 띄게 개선됐는데도 북-중 경제협력에는 진전이 없다며 불만을 드러내고 있다.",
            ),
        ];
        for (s, t) in pairs {
            let found = check_entry(s, t, "en", "ko", &QaConfig::default(), &[]);
            assert!(found.is_empty(), "{s:?}: {found:?}");
        }
    }

    // --- robustness ------------------------------------------------------

    #[test]
    fn never_panics() {
        let nasty = [
            "",
            " ",
            "\n",
            "0",
            "9".repeat(200).as_str().to_owned().leak(),
            "1,",
            ",1",
            "1.2.3.4.5",
            "1 000 000 000 000 000 000 000 000 000 000 000 000 000 000 000",
            "99999999999999999999999999999999999999999억 9조 9천만",
            "1조조조 2억억 3만만 4천천천",
            "0.0000000000000000000000000000000000000000000001억",
            "3만 ",
            "3만 5",
            "12:",
            "12:3",
            "99:99:99",
            "%",
            "%%",
            "%1$",
            "%(",
            "%(x",
            "{",
            "}",
            "{ $",
            "{ -",
            "{0",
            "{0,",
            "{{{{}}}}",
            "}}}{{{",
            "[",
            "](",
            "[a](",
            "[a][",
            "![](<>)",
            "**",
            "`",
            "```",
            "~~~~",
            "_*_*_",
            "http://",
            "https://)",
            "www.",
            "@",
            "a@",
            "@b.cd",
            ".@.",
            "“”‘’«»「」『』„‚\"'",
            "’’’",
            "é́́́",
            "👩‍👩‍👧‍👦 1,5 👍🏽",
            "\u{FEFF}\u{200B}\u{202F}\u{A0}",
            "٣٬٠٠٠ ١٢٣",
            "    indented code 1",
            "> quote 1\n- list 2\n# heading 3",
            "<div>5</div>",
            "월月 1월 13월 0月",
            "1st 2nd 3rd 10th",
        ];
        let langs = ["en", "ko", "de", "ja", "zh-Hant-TW", "", "x-weird_TAG", "-"];
        for a in nasty {
            for b in nasty {
                for (s, t) in [(a, b), (b, a)] {
                    for l in [
                        ("en", "ko"),
                        ("de", "ja"),
                        (langs[5], langs[6]),
                        (langs[7], langs[4]),
                    ] {
                        let _ = check_entry(s, t, l.0, l.1, &QaConfig::default(), &[]);
                    }
                }
            }
        }
    }

    #[test]
    fn long_inputs_stay_fast() {
        let unit = "Kim’s **visit** to [China](https://x.com/a) on 2019-01-10 cost 1,000 won (30만) “ { $n } %s `c` ";
        let source = unit.repeat(2_000);
        let translation =
            "김 위원장 1억 [중국](https://x.com/b) www.a.com/x a@b.cd “ ( { ".repeat(3_000);
        let started = std::time::Instant::now();
        let found = check_entry(&source, &translation, "en", "ko", &QaConfig::default(), &[]);
        assert!(!found.is_empty());
        let many: String = "http://a.b/c ".repeat(3_000);
        let _ = check_entry(
            &many,
            &"x".repeat(200_000),
            "en",
            "ko",
            &QaConfig::default(),
            &[],
        );
        let nested = format!("{}{}", "[".repeat(20_000), "](".repeat(20_000));
        let _ = check_entry(
            &nested,
            &"{".repeat(50_000),
            "en",
            "ko",
            &QaConfig::default(),
            &[],
        );
        let hostile = [
            format!("http://a{}", ")".repeat(20_000)),
            "{0,".repeat(6_000),
            format!("https://x.com/{}", "%s{0}".repeat(4_000)),
            "*a_".repeat(6_000),
            "`a``b```".repeat(2_000),
            "1억".repeat(6_000),
            "1,".repeat(10_000),
            "“‘«「(".repeat(4_000),
            "a@".repeat(10_000),
            "  x".repeat(10_000),
        ];
        for h in &hostile {
            let _ = check_entry(h, h, "en", "ko", &QaConfig::default(), &[]);
            let _ = check_entry(h, "x", "en", "ko", &QaConfig::default(), &[]);
            let _ = check_entry("x 2019 y", h, "en", "ko", &QaConfig::default(), &[]);
        }
        assert!(
            started.elapsed().as_secs() < 30,
            "took {:?}",
            started.elapsed()
        );
    }
}
