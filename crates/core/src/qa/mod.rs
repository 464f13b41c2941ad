//! Quality checks on one translated entry: the slips a translator makes that
//! a reader notices — a number dropped, a link changed, a placeholder lost,
//! markup left open, a sentence left in the source language.
//!
//! The module is pure: it takes a source, its translation and the language
//! pair, and returns findings. Every check is one function, and one table
//! (`TABLE`) gives each its id, severity and description. Each check is
//! linear-ish in the length of its input and never panics, whatever the text.
//!
//! An empty translation is a missing one, which is `check`'s business, not a
//! quality problem: [`check_entry`] returns no findings for it.
mod entry;
mod locale;
mod markup;
mod numbers;
mod placeholders;
mod scan;
#[cfg(test)]
mod testing;
mod text;
mod verbatim;

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::message::Message;
use entry::Entry;
use markup::{check_link_targets, check_markup};
use numbers::check_numbers;
use placeholders::check_placeholders;
use text::{check_brackets, check_length, check_untranslated, check_whitespace};
use verbatim::{check_emails, check_urls};

/// Identifies a check; its `id()` string is what users write in config and in
/// `qa-ignore = [...]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Check {
    /// Every number of the source is in the translation, in any locale form.
    Numbers,
    /// Every URL of the source is in the translation, verbatim.
    Urls,
    /// Every e-mail address of the source is in the translation, verbatim.
    Emails,
    /// Markdown inline links and images keep their targets.
    LinkTargets,
    /// Emphasis (`*`, `_`, `**`) and code spans balanced, as many as the source.
    Markup,
    /// Fluent `{ $name }`, printf `%s` `%d` `%1$s` and `{0}` placeholders kept.
    Placeholders,
    /// The translation is identical to a non-trivial source.
    Untranslated,
    /// Leading/trailing whitespace as in the source, no doubled spaces.
    Whitespace,
    /// Quotes and brackets balanced in the translation.
    Brackets,
    /// The length ratio is within the language pair's norm.
    Length,
}

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

/// One row of the table that drives the checks.
struct CheckDef {
    check: Check,
    id: &'static str,
    severity: Severity,
    description: &'static str,
    run: fn(&Entry) -> Vec<Message>,
}

/// Every check, in the order findings are reported. `Check as usize` indexes it.
const TABLE: [CheckDef; 10] = [
    CheckDef {
        check: Check::Numbers,
        id: "numbers",
        severity: Severity::Error,
        description: "every number in the source appears in the translation with the same value \
                      (locale forms such as 1,000 / 1.000 / 1 000 and 3만 / 3万 allowed)",
        run: check_numbers,
    },
    CheckDef {
        check: Check::Urls,
        id: "urls",
        severity: Severity::Error,
        description: "every URL in the source appears verbatim in the translation",
        run: check_urls,
    },
    CheckDef {
        check: Check::Emails,
        id: "emails",
        severity: Severity::Error,
        description: "every e-mail address in the source appears verbatim in the translation",
        run: check_emails,
    },
    CheckDef {
        check: Check::LinkTargets,
        id: "link-targets",
        severity: Severity::Error,
        description: "Markdown links and images keep their targets",
        run: check_link_targets,
    },
    CheckDef {
        check: Check::Markup,
        id: "markup",
        severity: Severity::Error,
        description: "emphasis (*, _, **), strikethrough and code spans are balanced \
                      and as many as in the source",
        run: check_markup,
    },
    CheckDef {
        check: Check::Placeholders,
        id: "placeholders",
        severity: Severity::Error,
        description: "Fluent { $variables }, printf %s / %d / %1$s and {0} placeholders are kept",
        run: check_placeholders,
    },
    CheckDef {
        check: Check::Untranslated,
        id: "untranslated",
        severity: Severity::Warning,
        description: "the translation is identical to a source of two words or more \
                      (likely left untranslated)",
        run: check_untranslated,
    },
    CheckDef {
        check: Check::Whitespace,
        id: "whitespace",
        severity: Severity::Warning,
        description: "leading and trailing whitespace as in the source, no doubled spaces",
        run: check_whitespace,
    },
    CheckDef {
        check: Check::Brackets,
        id: "brackets",
        severity: Severity::Warning,
        description: "quotation marks (“” ‘’ «» 「」 『』) and brackets (() [] {}) are balanced \
                      in the translation",
        run: check_brackets,
    },
    CheckDef {
        check: Check::Length,
        id: "length",
        severity: Severity::Warning,
        description: "the translation's length is within the usual ratio for the language pair",
        run: check_length,
    },
];

const ALL: [Check; 10] = [
    Check::Numbers,
    Check::Urls,
    Check::Emails,
    Check::LinkTargets,
    Check::Markup,
    Check::Placeholders,
    Check::Untranslated,
    Check::Whitespace,
    Check::Brackets,
    Check::Length,
];

impl Check {
    fn def(&self) -> &'static CheckDef {
        &TABLE[*self as usize]
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
        TABLE.iter().find(|def| def.id == id).map(|def| def.check)
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
    for def in &TABLE {
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
        assert_eq!(Check::all().len(), TABLE.len());
        for (i, check) in Check::all().iter().enumerate() {
            assert_eq!(TABLE[i].check, *check, "table order");
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
