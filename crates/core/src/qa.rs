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
use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use pulldown_cmark::{BrokenLink, CowStr, Event, LinkType, Options, Parser, Tag};
use serde::{Deserialize, Serialize};

use crate::message::Message;
use crate::msg;

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

/// One entry under check, with what several checks share computed once.
struct Entry<'a> {
    source: &'a str,
    translation: &'a str,
    source_lang: &'a str,
    target_lang: &'a str,
    source_md: OnceCell<Markdown>,
    translation_md: OnceCell<Markdown>,
}

impl<'a> Entry<'a> {
    fn new(
        source: &'a str,
        translation: &'a str,
        source_lang: &'a str,
        target_lang: &'a str,
    ) -> Self {
        Entry {
            source,
            translation,
            source_lang,
            target_lang,
            source_md: OnceCell::new(),
            translation_md: OnceCell::new(),
        }
    }

    fn source_md(&self) -> &Markdown {
        self.source_md.get_or_init(|| Markdown::scan(self.source))
    }

    fn translation_md(&self) -> &Markdown {
        self.translation_md
            .get_or_init(|| Markdown::scan(self.translation))
    }
}

// ---------------------------------------------------------------------------
// Languages

/// The primary language subtag, lower-cased (`pt-BR` → `pt`).
fn primary(lang: &str) -> String {
    lang.split(['-', '_'])
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// Languages that write a decimal comma (`1,5`) and group thousands with `.`
/// or a space.
fn decimal_comma(lang: &str) -> bool {
    matches!(
        primary(lang).as_str(),
        "af" | "az"
            | "be"
            | "bg"
            | "bs"
            | "ca"
            | "cs"
            | "da"
            | "de"
            | "el"
            | "es"
            | "et"
            | "eu"
            | "fi"
            | "fr"
            | "gl"
            | "hr"
            | "hu"
            | "id"
            | "is"
            | "it"
            | "ka"
            | "kk"
            | "lt"
            | "lv"
            | "mk"
            | "nb"
            | "nl"
            | "nn"
            | "no"
            | "pl"
            | "pt"
            | "ro"
            | "ru"
            | "sk"
            | "sl"
            | "sq"
            | "sr"
            | "sv"
            | "tr"
            | "uk"
            | "vi"
    )
}

// ---------------------------------------------------------------------------
// Numbers

/// The value of a decimal digit in the scripts translators use.
fn digit(c: char) -> Option<u8> {
    let base = match c {
        '0'..='9' => '0',
        '\u{FF10}'..='\u{FF19}' => '\u{FF10}', // fullwidth
        '\u{0660}'..='\u{0669}' => '\u{0660}', // Arabic-Indic
        '\u{06F0}'..='\u{06F9}' => '\u{06F0}', // Extended Arabic-Indic
        '\u{0966}'..='\u{096F}' => '\u{0966}', // Devanagari
        _ => return None,
    };
    u8::try_from(c as u32 - base as u32).ok()
}

fn is_digit(c: Option<&char>) -> bool {
    c.is_some_and(|&c| digit(c).is_some())
}

/// A space that may group thousands (`10 000`, `10\u{a0}000`).
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\u{202F}' | '\u{2009}')
}

/// An exact decimal `m × 10^e`, kept normalised (no trailing zeros in `m`),
/// so that equal values are equal structs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Dec {
    m: u128,
    e: i32,
}

impl Dec {
    const ZERO: Dec = Dec { m: 0, e: 0 };
    /// Beyond this the value is not a number anyone writes in prose.
    const MAX_EXP: i32 = 64;

    fn new(mut m: u128, mut e: i32) -> Dec {
        if m == 0 {
            return Dec::ZERO;
        }
        while m.is_multiple_of(10) {
            m /= 10;
            e += 1;
        }
        Dec { m, e }
    }

    /// From a canonical string (`"1200"`, `"2.5"`).
    fn parse(canonical: &str) -> Option<Dec> {
        let (int, frac) = canonical.split_once('.').unwrap_or((canonical, ""));
        if int.len() + frac.len() > 38 {
            return None;
        }
        let digits = format!("{int}{frac}");
        let m: u128 = digits.parse().ok()?;
        let e = -i32::try_from(frac.len()).ok()?;
        Some(Dec::new(m, e))
    }

    fn scaled(self, k: i32) -> Option<Dec> {
        let e = self.e.checked_add(k)?;
        (e <= Dec::MAX_EXP).then_some(Dec::new(self.m, e))
    }

    fn add(self, other: Dec) -> Option<Dec> {
        if self.m == 0 {
            return Some(other);
        }
        if other.m == 0 {
            return Some(self);
        }
        let e = self.e.min(other.e);
        let widen = |d: Dec| -> Option<u128> {
            let shift = u32::try_from(d.e - e).ok()?;
            d.m.checked_mul(10u128.checked_pow(shift)?)
        };
        Some(Dec::new(widen(self)?.checked_add(widen(other)?)?, e))
    }

    /// Whether the value is below `10^exp`.
    fn below_pow10(self, exp: i32) -> bool {
        let digits = i32::try_from(self.m.to_string().len()).unwrap_or(i32::MAX);
        digits.saturating_add(self.e) <= exp
    }

    fn canonical(self) -> Option<String> {
        if self.m == 0 {
            return Some("0".to_string());
        }
        let m = self.m.to_string();
        if self.e >= 0 {
            if self.e > Dec::MAX_EXP {
                return None;
            }
            return Some(format!("{m}{}", "0".repeat(self.e as usize)));
        }
        let frac_len = self.e.unsigned_abs() as usize;
        if frac_len > 4 * Dec::MAX_EXP as usize {
            return None;
        }
        if m.len() > frac_len {
            let (int, frac) = m.split_at(m.len() - frac_len);
            Some(format!("{int}.{frac}"))
        } else {
            Some(format!("0.{}{m}", "0".repeat(frac_len - m.len())))
        }
    }
}

/// The canonical form of a number written as integer and fraction digits:
/// no leading zeros, no trailing fractional zeros (`007` → `7`, `1.50` → `1.5`).
fn canonical(int: &str, frac: &str) -> String {
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        int.to_string()
    } else {
        format!("{int}.{frac}")
    }
}

/// Digits joined by separators that may be grouping or decimal marks:
/// `1,000.5` is groups `1` `000` `5` and separators `,` `.`.
struct Run {
    groups: Vec<String>,
    seps: Vec<char>,
    end: usize,
}

fn read_digits(c: &[char], start: usize) -> (String, usize) {
    let mut s = String::new();
    let mut i = start;
    while let Some(d) = c.get(i).and_then(|&ch| digit(ch)) {
        s.push(char::from(b'0' + d));
        i += 1;
    }
    (s, i)
}

fn read_run(c: &[char], start: usize) -> Run {
    let (first, mut end) = read_digits(c, start);
    let mut run = Run {
        groups: vec![first],
        seps: Vec::new(),
        end,
    };
    while let Some(&sep) = c.get(end) {
        if !is_digit(c.get(end + 1)) {
            break;
        }
        let (group, next) = read_digits(c, end + 1);
        let last_len = run.groups.last().map_or(0, String::len);
        let ok = match sep {
            ',' | '.' => true,
            '\'' | '’' => group.len() == 3 && last_len <= 3,
            _ if is_group_space(sep) => {
                group.len() == 3
                    && last_len <= 3
                    && (run.groups.len() == 1 || last_len == 3)
                    && !is_digit(c.get(next))
            }
            _ => false,
        };
        if !ok {
            break;
        }
        run.groups.push(group);
        run.seps.push(sep);
        end = next;
    }
    run.end = end;
    run
}

impl Run {
    /// The value when `dec` is the decimal mark and any one other separator
    /// groups thousands; `None` when the run does not read that way.
    fn value_with(&self, dec: char) -> Option<String> {
        let n = self.seps.len();
        let (int_groups, int_seps, frac) = if n > 0 && self.seps[n - 1] == dec {
            (
                &self.groups[..n],
                &self.seps[..n - 1],
                self.groups[n].as_str(),
            )
        } else {
            (&self.groups[..], &self.seps[..], "")
        };
        if let Some(&grouping) = int_seps.first() {
            if grouping == dec || int_seps.iter().any(|&s| s != grouping) {
                return None;
            }
            if !(1..=3).contains(&int_groups[0].len())
                || int_groups[1..].iter().any(|g| g.len() != 3)
            {
                return None;
            }
        }
        Some(canonical(&int_groups.concat(), frac))
    }

    fn parts(&self) -> Vec<String> {
        self.groups.iter().map(|g| canonical(g, "")).collect()
    }

    /// The values the run may stand for. In the source: what the source
    /// language means, plus the other reading where a lone separator is
    /// ambiguous (`1.000` in English); in the translation: every reading.
    /// `parts` is set when no reading fits and the run is a list (`10.01.2019`).
    fn interpret(&self, comma_dec: bool, translation: bool) -> (Vec<String>, Vec<String>) {
        let (own, other) = if comma_dec { (',', '.') } else { ('.', ',') };
        let first = self.value_with(own);
        let second = self.value_with(other);
        let mut values = Vec::new();
        let mut parts = Vec::new();
        if translation {
            values.extend(first);
            values.extend(second);
            values.dedup();
            if values.is_empty() {
                parts = self.parts();
            }
        } else {
            match first {
                Some(v) => {
                    values.push(v);
                    let lone_decimal =
                        self.seps.len() == 1 && self.seps[0] == own && self.groups[1].len() == 3;
                    if lone_decimal {
                        values.extend(second);
                    }
                }
                None => {
                    values.extend(second);
                    parts = self.parts();
                }
            }
        }
        (values, parts)
    }

    /// The value used for arithmetic (units, scale words).
    fn main_value(&self, comma_dec: bool) -> Option<Dec> {
        let (own, other) = if comma_dec { (',', '.') } else { ('.', ',') };
        let v = self.value_with(own).or_else(|| self.value_with(other))?;
        Dec::parse(&v)
    }
}

/// A CJK number unit: its power of ten and whether it is a myriad unit
/// (만/万 10⁴, 억/億 10⁸, 조/兆 10¹²) that closes a section.
fn cjk_unit(c: char) -> Option<(i32, bool)> {
    match c {
        '십' | '十' | '拾' => Some((1, false)),
        '백' | '百' | '佰' => Some((2, false)),
        '천' | '千' | '仟' => Some((3, false)),
        '만' | '万' | '萬' => Some((4, true)),
        '억' | '億' | '亿' => Some((8, true)),
        '조' | '兆' => Some((12, true)),
        _ => None,
    }
}

fn unit_at(c: &[char], i: usize) -> Option<(i32, bool)> {
    c.get(i).and_then(|&ch| cjk_unit(ch))
}

/// A number written with CJK units from `start` (`1억 2천만`, `2.5억`, `3万`,
/// `1万2000`): its values (with and without a trailing bare number; for a
/// lone `조`, the bare number too, as in `제3조`) and where it ends.
fn cjk_number(c: &[char], start: usize, comma_dec: bool) -> Option<(Vec<String>, usize)> {
    let mut total = Dec::ZERO;
    let mut section = Dec::ZERO;
    let mut pos = start;
    let mut last_big: Option<i32> = None;
    let mut runs = 0;
    let mut lone_value = None;
    let mut without_trailing = None;
    loop {
        let run = read_run(c, pos);
        let v = run.main_value(comma_dec)?;
        runs += 1;
        let mut p = run.end;
        match unit_at(c, p) {
            Some((exp, false)) => {
                section = section.add(v.scaled(exp)?)?;
                p += 1;
                if let Some((big, true)) = unit_at(c, p) {
                    total = total.add(section.scaled(big)?)?;
                    section = Dec::ZERO;
                    last_big = Some(big);
                    p += 1;
                }
            }
            Some((exp, true)) => {
                section = section.add(v)?;
                total = total.add(section.scaled(exp)?)?;
                section = Dec::ZERO;
                last_big = Some(exp);
                if exp == 12 && runs == 1 {
                    lone_value = Some(v);
                }
                p += 1;
            }
            None => return None,
        }
        pos = p;
        // Go on with the next group: directly (`1억2천만`) or after one space.
        let next = if is_digit(c.get(pos)) {
            pos
        } else if c.get(pos) == Some(&' ') && is_digit(c.get(pos + 1)) {
            pos + 1
        } else {
            break;
        };
        let peek = read_run(c, next);
        if unit_at(c, peek.end).is_some() {
            pos = next;
            continue;
        }
        // A bare number after a myriad unit: `12만 3,456`, `1万2000`.
        if let (Some(big), true) = (last_big, section == Dec::ZERO)
            && let Some(v) = peek.main_value(comma_dec)
            && v.below_pow10(big)
        {
            without_trailing = Some(total);
            total = total.add(v)?;
            pos = peek.end;
        }
        break;
    }
    let total = total.add(section)?;
    let mut values = vec![total.canonical()?];
    values.extend(without_trailing.and_then(Dec::canonical));
    if runs == 1 {
        values.extend(lone_value.and_then(Dec::canonical));
    }
    Some((values, pos))
}

/// A scale word after a number (`1.2 million`, `3 Mrd.`): its power of ten.
fn scale_word(c: &[char], end: usize) -> Option<i32> {
    let mut i = end;
    if c.get(i).is_some_and(|&ch| is_group_space(ch)) {
        i += 1;
    }
    let word: String = c[i.min(c.len())..]
        .iter()
        .take_while(|ch| ch.is_alphabetic())
        .take(12)
        .flat_map(|ch| ch.to_lowercase())
        .collect();
    let exp = match word.as_str() {
        "thousand" | "thousands" | "tausend" => 3,
        "million" | "millions" | "mn" | "millionen" | "mio" | "millón" | "millones" | "milione"
        | "milioni" => 6,
        "billion" | "billions" | "bn" | "milliard" | "milliards" | "milliarde" | "milliarden"
        | "mrd" | "miliardo" | "miliardi" => 9,
        "trillion" | "trillions" => 12,
        _ => return None,
    };
    Some(exp)
}

/// A clock time at `start` (`08:04`, `8:04:00`): hours, minutes and its end.
fn time_at(c: &[char], start: usize) -> Option<(u32, u32, usize)> {
    let (h, i) = read_digits(c, start);
    if !(1..=2).contains(&h.len()) || c.get(i) != Some(&':') {
        return None;
    }
    let (m, j) = read_digits(c, i + 1);
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok().filter(|_| m.len() == 2)?);
    if h > 24 || m > 59 {
        return None;
    }
    // Seconds belong to the time too.
    let mut end = j;
    if c.get(j) == Some(&':') {
        let (s, k) = read_digits(c, j + 1);
        if s.len() == 2 {
            end = k;
        }
    }
    Some((h, m, end))
}

/// A number of a text, as the numbers check sees it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct NumToken {
    /// As written, for messages.
    text: String,
    /// Canonical values: any one of them in the translation will do.
    values: Vec<String>,
    /// When no single value fits (`10.01.2019`), its parts: all must be there.
    parts: Vec<String>,
    /// A clock time (hours, minutes).
    time: Option<(u32, u32)>,
    /// A month written as a number (`1월`, `1月`), which a month name satisfies.
    month: Option<u32>,
}

/// The numbers of `text` (whose URLs, placeholders and such are already
/// blanked out), read with the conventions of `lang`.
fn scan_numbers(text: &str, lang: &str, translation: bool) -> Vec<NumToken> {
    let c: Vec<char> = text.chars().collect();
    let comma_dec = decimal_comma(lang);
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if digit(c[i]).is_none() {
            i += 1;
            continue;
        }
        if let Some((h, m, end)) = time_at(&c, i) {
            tokens.push(NumToken {
                text: c[i..end].iter().collect(),
                time: Some((h, m)),
                ..NumToken::default()
            });
            i = end;
            continue;
        }
        let run = read_run(&c, i);
        if unit_at(&c, run.end).is_some()
            && let Some((values, end)) = cjk_number(&c, i, comma_dec)
        {
            tokens.push(NumToken {
                text: c[i..end].iter().collect(),
                values,
                ..NumToken::default()
            });
            i = end.max(i + 1);
            continue;
        }
        let (mut values, parts) = run.interpret(comma_dec, translation);
        if let Some(exp) = scale_word(&c, run.end) {
            let scaled: Vec<String> = values
                .iter()
                .filter_map(|v| Dec::parse(v)?.scaled(exp)?.canonical())
                .collect();
            values.extend(scaled);
        }
        let month = match c.get(run.end) {
            Some('월' | '月') if run.seps.is_empty() => run.groups[0]
                .parse::<u32>()
                .ok()
                .filter(|m| (1..=12).contains(m)),
            _ => None,
        };
        tokens.push(NumToken {
            text: c[i..run.end].iter().collect(),
            values,
            parts,
            time: None,
            month,
        });
        i = run.end.max(i + 1);
    }
    tokens
}

/// The numbers from one to ten a word spells (`three`, Korean `세`, `다섯째`,
/// Chinese and Japanese `三`): small counts are often written out.
fn spelled_numbers(word: &str, found: &mut HashSet<u32>) {
    const ENGLISH: [&str; 10] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    // Korean native numerals: determiners stand alone (`세 차례`), nouns and
    // ordinals take particles (`다섯째`, `하나를`).
    const KOREAN_ALONE: [(&str, u32); 7] = [
        ("한", 1),
        ("두", 2),
        ("세", 3),
        ("네", 4),
        ("열", 10),
        ("첫", 1),
        ("셋", 3),
    ];
    const KOREAN_PREFIX: [(&str, u32); 9] = [
        ("하나", 1),
        ("둘", 2),
        ("넷", 4),
        ("다섯", 5),
        ("여섯", 6),
        ("일곱", 7),
        ("여덟", 8),
        ("아홉", 9),
        ("첫째", 1),
    ];
    const CJK: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
    let lower = word.to_lowercase();
    if let Some(i) = ENGLISH.iter().position(|w| *w == lower) {
        found.insert(i as u32 + 1);
    }
    found.extend(
        KOREAN_ALONE
            .iter()
            .filter(|(w, _)| *w == word)
            .map(|(_, n)| *n),
    );
    found.extend(
        KOREAN_PREFIX
            .iter()
            .filter(|(w, _)| word.starts_with(w))
            .map(|(_, n)| *n),
    );
    for c in word.chars() {
        if let Some(i) = CJK.iter().position(|x| *x == c) {
            found.insert(i as u32 + 1);
        }
    }
}

/// Month names and abbreviations (English, German, French, Spanish, Italian,
/// Portuguese) that can stand for a month written as a number.
fn month_of(word: &str) -> Option<u32> {
    const MONTHS: [&[&str]; 12] = [
        &[
            "january", "jan", "januar", "janvier", "enero", "gennaio", "janeiro",
        ],
        &[
            "february",
            "feb",
            "februar",
            "février",
            "febrero",
            "febbraio",
            "fevereiro",
        ],
        &["march", "mar", "märz", "mars", "marzo", "março"],
        &["april", "apr", "avril", "abril", "aprile"],
        &["may", "mai", "mayo", "maggio", "maio"],
        &["june", "jun", "juni", "juin", "junio", "giugno", "junho"],
        &["july", "jul", "juli", "juillet", "julio", "luglio", "julho"],
        &["august", "aug", "août", "agosto"],
        &[
            "september",
            "sep",
            "sept",
            "septembre",
            "septiembre",
            "settembre",
            "setembro",
        ],
        &[
            "october", "oct", "oktober", "octobre", "octubre", "ottobre", "outubro",
        ],
        &["november", "nov", "novembre", "noviembre", "novembro"],
        &[
            "december",
            "dec",
            "dezember",
            "décembre",
            "diciembre",
            "dicembre",
            "dezembro",
        ],
    ];
    MONTHS
        .iter()
        .position(|names| names.contains(&word))
        .and_then(|i| u32::try_from(i + 1).ok())
}

fn check_numbers(e: &Entry) -> Vec<Message> {
    let source = mask(e.source, &protected_ranges(e.source, e.source_md()));
    let translation = mask(
        e.translation,
        &protected_ranges(e.translation, e.translation_md()),
    );
    let wanted = scan_numbers(&source, e.source_lang, false);
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut values = HashSet::new();
    let mut times = HashSet::new();
    for token in scan_numbers(&translation, e.target_lang, true) {
        values.extend(token.values);
        values.extend(token.parts);
        times.extend(token.time);
    }
    let months: HashSet<u32> = words(&translation)
        .filter_map(|w| month_of(&w.to_lowercase()))
        .collect();
    let mut spelled = HashSet::new();
    // Whole words only: the `세` of `30세` (aged 30) is no three.
    for word in translation.split_whitespace() {
        let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
        let end = word
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(word.len());
        spelled_numbers(&word[..end], &mut spelled);
    }
    let mut reported = HashSet::new();
    let mut messages = Vec::new();
    for token in wanted {
        let present = match token.time {
            Some(time) => times.contains(&time),
            None => {
                token.values.iter().any(|v| values.contains(v))
                    || (!token.parts.is_empty() && token.parts.iter().all(|p| values.contains(p)))
                    || token.month.is_some_and(|m| months.contains(&m))
                    || token
                        .values
                        .iter()
                        .any(|v| v.parse::<u32>().is_ok_and(|n| spelled.contains(&n)))
            }
        };
        if !present && reported.insert(token.text.clone()) {
            let kind = if token.time.is_some() {
                "time"
            } else {
                "number"
            };
            messages.push(msg!("qa-number-missing", kind = kind, number = &token.text));
        }
    }
    messages
}

/// Runs of letters (for month names and such).
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
}

/// Byte ranges whose digits are not numbers of the prose: URLs, e-mail
/// addresses, placeholders and link destinations.
fn protected_ranges(text: &str, md: &Markdown) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = Vec::new();
    ranges.extend(find_urls(text).into_iter().map(|(r, _)| r));
    ranges.extend(find_emails(text).into_iter().map(|(r, _)| r));
    ranges.extend(find_placeholders(text).into_iter().map(|(r, _)| r));
    ranges.extend(md.destinations.iter().cloned());
    ranges
}

/// `text` with the characters inside `ranges` replaced by spaces.
fn mask(text: &str, ranges: &[Range<usize>]) -> String {
    if ranges.is_empty() {
        return text.to_string();
    }
    // Sorted and merged, the ranges are passed once, with the text.
    let mut sorted: Vec<Range<usize>> = ranges.to_vec();
    sorted.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(sorted.len());
    for r in sorted {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut next = 0;
    for (i, ch) in text.char_indices() {
        while next < merged.len() && merged[next].end <= i {
            next += 1;
        }
        let inside = merged.get(next).is_some_and(|r| r.contains(&i));
        out.push(if inside { ' ' } else { ch });
    }
    out
}

// ---------------------------------------------------------------------------
// URLs and e-mail addresses

/// The URLs of a text (`http://`, `https://`, `ftp://`, `www.`), with their
/// byte ranges, trailing punctuation left out.
fn find_urls(text: &str) -> Vec<(Range<usize>, String)> {
    let bytes = text.as_bytes();
    let mut urls = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let rest = &bytes[i..];
        let starts = ["https://", "http://", "ftp://", "www."]
            .iter()
            .find(|p| rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p.as_bytes()));
        let Some(prefix) = starts else {
            i += 1;
            continue;
        };
        // `www.` only at the start of a word; schemes anywhere but inside a word.
        let prev = text[..i].chars().next_back();
        if prev.is_some_and(|p| p.is_alphanumeric() || p == '/' || p == '.') {
            i += prefix.len();
            continue;
        }
        let mut end = i;
        for (off, ch) in text[i..].char_indices() {
            if ch.is_whitespace()
                || matches!(
                    ch,
                    '<' | '>'
                        | '"'
                        | '`'
                        | '|'
                        | '{'
                        | '}'
                        | '「'
                        | '」'
                        | '『'
                        | '』'
                        | '。'
                        | '、'
                        | '，'
                        | '（'
                        | '）'
                        | '《'
                        | '》'
                        | '【'
                        | '】'
                )
            {
                break;
            }
            end = i + off + ch.len_utf8();
        }
        // Trailing punctuation ends the sentence, not the URL; a `)` stays
        // when it closes a `(` inside the URL (Wikipedia).
        let count = |c: char| text[i..end].matches(c).count();
        let (mut parens, mut brackets) = (
            count('(') as isize - count(')') as isize,
            count('[') as isize - count(']') as isize,
        );
        loop {
            let url = &text[i..end];
            let Some(last) = url.chars().next_back() else {
                break;
            };
            let strip = match last {
                ')' if parens < 0 => {
                    parens += 1;
                    true
                }
                ']' if brackets < 0 => {
                    brackets += 1;
                    true
                }
                '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '*' | '_' | '”' | '’' | '»' | '“'
                | '‘' => true,
                _ => false,
            };
            if !strip {
                break;
            }
            end -= last.len_utf8();
        }
        if end > i + prefix.len() {
            urls.push((i..end, text[i..end].to_string()));
            i = end;
        } else {
            i += prefix.len();
        }
    }
    urls
}

fn is_email_local(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-')
}

fn is_email_domain(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-')
}

/// The e-mail addresses of a text, with their byte ranges.
fn find_emails(text: &str) -> Vec<(Range<usize>, String)> {
    let bytes = text.as_bytes();
    let mut emails = Vec::new();
    for (at, _) in text.match_indices('@') {
        let mut start = at;
        while start > 0 && is_email_local(bytes[start - 1]) {
            start -= 1;
        }
        while start < at && bytes[start] == b'.' {
            start += 1;
        }
        let mut end = at + 1;
        while end < bytes.len() && is_email_domain(bytes[end]) {
            end += 1;
        }
        while end > at + 1 && matches!(bytes[end - 1], b'.' | b'-') {
            end -= 1;
        }
        let domain = &text[at + 1..end];
        let tld_ok = domain.rsplit_once('.').is_some_and(|(host, tld)| {
            !host.is_empty() && tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic())
        });
        if start < at && tld_ok {
            emails.push((start..end, text[start..end].to_string()));
        }
    }
    emails
}

/// Whether `needle` occurs in `haystack` as a whole: not followed by a
/// character that would make it a longer URL or address. A Korean particle
/// (`https://example.com에서`) or sentence punctuation may follow.
fn contains_whole(haystack: &str, needle: &str, continues: fn(char) -> bool) -> bool {
    haystack.match_indices(needle).any(|(at, _)| {
        let mut after = haystack[at + needle.len()..].chars();
        match after.next() {
            None => true,
            Some(c) if continues(c) => false,
            Some(c) if c.is_ascii_punctuation() => !after.next().is_some_and(|d| {
                d.is_ascii_alphanumeric() || (c != ')' && continues(d) && d != ')')
            }),
            Some(_) => true,
        }
    })
}

fn url_continues(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '/' | '-' | '_' | '~' | '%' | '#' | '=' | '&' | '+' | '@')
}

fn email_continues(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '%' | '+' | '-')
}

/// At most this many absent items are searched for in the whole translation
/// (the search is linear each time); the rest are reported as missing.
const MAX_SEARCHES: usize = 64;

fn missing_verbatim(
    wanted: Vec<String>,
    found: &HashSet<String>,
    translation: &str,
    continues: fn(char) -> bool,
) -> Vec<String> {
    let mut searches = 0;
    let mut seen = HashSet::new();
    let mut missing = Vec::new();
    for item in wanted {
        if found.contains(&item) || !seen.insert(item.clone()) {
            continue;
        }
        searches += 1;
        if searches <= MAX_SEARCHES && contains_whole(translation, &item, continues) {
            continue;
        }
        missing.push(item);
    }
    missing
}

fn check_urls(e: &Entry) -> Vec<Message> {
    // URLs that are link targets are the link-targets check's business.
    let targets: HashSet<&str> = e.source_md().targets.iter().map(String::as_str).collect();
    let wanted: Vec<String> = find_urls(e.source)
        .into_iter()
        .map(|(_, url)| url)
        .filter(|url| !targets.contains(url.as_str()))
        .collect();
    if wanted.is_empty() {
        return Vec::new();
    }
    let found: HashSet<String> = find_urls(e.translation)
        .into_iter()
        .map(|(_, u)| u)
        .collect();
    missing_verbatim(wanted, &found, e.translation, url_continues)
        .into_iter()
        .map(|url| msg!("qa-url-missing", url = url))
        .collect()
}

fn check_emails(e: &Entry) -> Vec<Message> {
    let wanted: Vec<String> = find_emails(e.source).into_iter().map(|(_, m)| m).collect();
    if wanted.is_empty() {
        return Vec::new();
    }
    let found: HashSet<String> = find_emails(e.translation)
        .into_iter()
        .map(|(_, m)| m)
        .collect();
    missing_verbatim(wanted, &found, e.translation, email_continues)
        .into_iter()
        .map(|m| msg!("qa-email-missing", address = m))
        .collect()
}

// ---------------------------------------------------------------------------
// Markdown: links and markup

/// What the Markdown of one text holds, as a CommonMark renderer sees it.
#[derive(Debug, Default)]
struct Markdown {
    /// Targets of links and images in order: the destination of inline ones,
    /// `[label]` for reference ones.
    targets: Vec<String>,
    /// Byte ranges of the destinations (for masking numbers in them).
    destinations: Vec<Range<usize>>,
    emphasis: usize,
    strong: usize,
    strikethrough: usize,
    code: usize,
    /// Delimiter runs left as literal text (`**` that opens nothing), by run.
    stray: HashMap<String, usize>,
    /// A stray `*` or `_` run sits between punctuation and a letter, where
    /// CommonMark neither opens nor closes emphasis (`**“길”**을`).
    punctuation_flanked: bool,
}

impl Markdown {
    fn scan(text: &str) -> Markdown {
        let mut md = Markdown::default();
        // Leading indentation would make the text a code block.
        let offset = text.len() - text.trim_start().len();
        let text = &text[offset..];
        let callback = |link: BrokenLink<'_>| {
            (link.link_type == LinkType::Reference)
                .then_some((CowStr::Borrowed(""), CowStr::Borrowed("")))
        };
        let parser = Parser::new_with_broken_link_callback(
            text,
            Options::ENABLE_STRIKETHROUGH,
            Some(callback),
        );
        let mut literal = String::new();
        for (event, range) in parser.into_offset_iter() {
            if !matches!(event, Event::Text(_)) && !literal.is_empty() {
                md.count_stray(&literal);
                literal.clear();
            }
            match event {
                Event::Text(t) => literal.push_str(&t),
                Event::Code(_) => md.code += 1,
                Event::Start(Tag::Emphasis) => md.emphasis += 1,
                Event::Start(Tag::Strong) => md.strong += 1,
                Event::Start(Tag::Strikethrough) => md.strikethrough += 1,
                Event::Start(
                    Tag::Link {
                        link_type,
                        dest_url,
                        id,
                        ..
                    }
                    | Tag::Image {
                        link_type,
                        dest_url,
                        id,
                        ..
                    },
                ) => {
                    let target = match link_type {
                        LinkType::Autolink | LinkType::Email => continue,
                        LinkType::Inline => dest_url.to_string(),
                        _ => format!("[{id}]"),
                    };
                    md.targets.push(target);
                    let raw = text.get(range.clone()).unwrap_or("");
                    let at = raw.rfind("](").or_else(|| raw.rfind("]["));
                    if let Some(at) = at {
                        md.destinations
                            .push(offset + range.start + at + 2..offset + range.end);
                    }
                }
                _ => {}
            }
        }
        if !literal.is_empty() {
            md.count_stray(&literal);
        }
        md
    }

    /// Counts the runs of `*`, `_`, `` ` `` and `~~` left in literal text;
    /// an intraword `_` (`snake_case`) and a lone `~` (`~5%`) are prose.
    fn count_stray(&mut self, text: &str) {
        let chars: Vec<char> = text.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if !matches!(c, '*' | '_' | '`' | '~') {
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len() && chars[i] == c {
                i += 1;
            }
            let len = i - start;
            let before = start.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i).copied();
            let intraword = before.is_some_and(char::is_alphanumeric)
                && after.is_some_and(char::is_alphanumeric);
            let prose = match c {
                '_' => intraword,
                '~' => len < 2,
                // `2 * 3`: a star between spaces is arithmetic, not markup.
                '*' => {
                    before.is_none_or(char::is_whitespace) && after.is_none_or(char::is_whitespace)
                }
                _ => false,
            };
            if !prose {
                let punctuation =
                    |x: Option<char>| x.is_some_and(|x| !x.is_alphanumeric() && !x.is_whitespace());
                let letter = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
                if matches!(c, '*' | '_')
                    && ((punctuation(before) && letter(after))
                        || (letter(before) && punctuation(after)))
                {
                    self.punctuation_flanked = true;
                }
                *self
                    .stray
                    .entry(chars[start..i].iter().collect())
                    .or_default() += 1;
            }
        }
    }
}

fn check_link_targets(e: &Entry) -> Vec<Message> {
    let source = &e.source_md().targets;
    let translation = &e.translation_md().targets;
    if source.is_empty() && translation.is_empty() {
        return Vec::new();
    }
    let mut counts: HashMap<&str, isize> = HashMap::new();
    for t in source {
        *counts.entry(t).or_default() += 1;
    }
    for t in translation {
        *counts.entry(t).or_default() -= 1;
    }
    let missing: Vec<&String> = dedup(source.iter().filter(|t| counts[t.as_str()] > 0));
    let extra: Vec<&String> = dedup(translation.iter().filter(|t| counts[t.as_str()] < 0));
    if let ([from], [to]) = (missing.as_slice(), extra.as_slice()) {
        return vec![msg!("qa-link-changed", from = *from, to = *to)];
    }
    let mut messages = Vec::new();
    for t in missing {
        let (s, n) = (
            counts[t.as_str()],
            source.iter().filter(|x| *x == t).count(),
        );
        messages.push(if s as usize == n {
            msg!("qa-link-missing", target = t)
        } else {
            msg!(
                "qa-link-count",
                target = t,
                in_source = n,
                in_translation = n - s as usize
            )
        });
    }
    for t in extra {
        messages.push(msg!("qa-link-extra", target = t));
    }
    messages
}

/// The distinct items, in order of first appearance.
fn dedup<'a, T: Eq + std::hash::Hash + ?Sized>(items: impl Iterator<Item = &'a T>) -> Vec<&'a T> {
    let mut seen = HashSet::new();
    items.filter(|t| seen.insert(*t)).collect()
}

fn check_markup(e: &Entry) -> Vec<Message> {
    let (s, t) = (e.source_md(), e.translation_md());
    let kinds: [(&str, usize, usize, &[&str]); 4] = [
        ("italic", s.emphasis, t.emphasis, &["*", "_", "***", "___"]),
        ("bold", s.strong, t.strong, &["**", "__", "***", "___"]),
        ("strikethrough", s.strikethrough, t.strikethrough, &["~~"]),
        ("code", s.code, t.code, &[]),
    ];
    let stray_more =
        |run: &str| t.stray.get(run).copied().unwrap_or(0) > s.stray.get(run).copied().unwrap_or(0);
    let mut messages = Vec::new();
    let mut explained = HashSet::new();
    for (name, in_source, in_translation, runs) in kinds {
        let unmatched: Vec<String> = if name == "code" {
            let mut backticks: Vec<&String> =
                t.stray.keys().filter(|r| r.starts_with('`')).collect();
            backticks.sort();
            backticks
                .into_iter()
                .filter(|r| stray_more(r))
                .cloned()
                .collect()
        } else {
            runs.iter()
                .filter(|r| stray_more(r))
                .map(|r| r.to_string())
                .collect()
        };
        if in_source == in_translation && unmatched.is_empty() {
            continue;
        }
        let list: Vec<String> = unmatched.iter().map(|r| format!("`{r}`")).collect();
        let runs = list.join(", ");
        messages.push(if unmatched.is_empty() {
            msg!(
                "qa-markup-spans",
                kind = name,
                in_source = in_source,
                in_translation = in_translation
            )
        } else if name != "code" && t.punctuation_flanked {
            msg!(
                "qa-markup-unmatched-by-punctuation",
                kind = name,
                in_source = in_source,
                in_translation = in_translation,
                runs = runs
            )
        } else if unmatched.iter().any(|r| r.starts_with('_')) {
            msg!(
                "qa-markup-unmatched-underscore",
                kind = name,
                in_source = in_source,
                in_translation = in_translation,
                runs = runs
            )
        } else {
            msg!(
                "qa-markup-unmatched",
                kind = name,
                in_source = in_source,
                in_translation = in_translation,
                runs = runs
            )
        });
        explained.extend(unmatched);
    }
    // Stray runs no kind accounted for (`****`).
    let mut others: Vec<&String> = t
        .stray
        .keys()
        .filter(|r| !explained.contains(*r) && stray_more(r) && !r.starts_with('`'))
        .collect();
    others.sort();
    for run in others {
        messages.push(msg!("qa-unmatched-run", run = run));
    }
    messages
}

// ---------------------------------------------------------------------------
// Placeholders

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Placeholder {
    /// `%s`, `%1$s`, `%.2f`, `%(name)s`: as written.
    Printf(String),
    /// `{0}`.
    Positional(String),
    /// A Fluent variable `$name` or term `-name`.
    Fluent(String),
}

impl fmt::Display for Placeholder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Placeholder::Printf(p) | Placeholder::Positional(p) => f.write_str(p),
            Placeholder::Fluent(name) => write!(f, "{{ {name} }}"),
        }
    }
}

fn ident_len(bytes: &[u8], start: usize) -> usize {
    if !bytes.get(start).is_some_and(u8::is_ascii_alphabetic) {
        return 0;
    }
    bytes[start..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'))
        .count()
}

/// A printf conversion at `start` (a `%`): its end.
fn printf_at(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    let digits = |i: usize| {
        bytes[i.min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    // %(name)s
    if bytes.get(i) == Some(&b'(') {
        let n = bytes[i + 1..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
            .count();
        if n == 0 || bytes.get(i + 1 + n) != Some(&b')') {
            return None;
        }
        i += n + 2;
    }
    // %1$s
    let n = digits(i);
    if n > 0 && bytes.get(i + n) == Some(&b'$') {
        i += n + 1;
    }
    while bytes
        .get(i)
        .is_some_and(|b| matches!(b, b'-' | b'+' | b'0' | b'#' | b'\''))
    {
        i += 1;
    }
    if bytes.get(i) == Some(&b'*') {
        i += 1;
    } else {
        i += digits(i);
    }
    if bytes.get(i) == Some(&b'.') {
        i += 1;
        if bytes.get(i) == Some(&b'*') {
            i += 1;
        } else {
            i += digits(i);
        }
    }
    for length in [&b"hh"[..], b"ll", b"h", b"l", b"L", b"q", b"j", b"z", b"t"] {
        if bytes.get(i..i + length.len()) == Some(length) {
            i += length.len();
            break;
        }
    }
    // `%p` and `%n` are left out: `3.5%p` is Korean for percentage points.
    matches!(
        bytes.get(i),
        Some(
            b'd' | b'i'
                | b'o'
                | b'u'
                | b'x'
                | b'X'
                | b'e'
                | b'E'
                | b'f'
                | b'F'
                | b'g'
                | b'G'
                | b'a'
                | b'A'
                | b'c'
                | b's'
                | b'@'
        )
    )
    .then_some(i + 1)
}

/// The placeholders of a text with their byte ranges (for a Fluent
/// placeable, the whole `{ … }`).
fn find_placeholders(text: &str) -> Vec<(Range<usize>, Placeholder)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    // Fluent references inside the current outermost placeable.
    let mut refs: Vec<Placeholder> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if bytes.get(i + 1) == Some(&b'%') => i += 2,
            b'%' => {
                let after_digit = i > 0 && bytes[i - 1].is_ascii_digit();
                match printf_at(bytes, i).filter(|_| !after_digit) {
                    Some(end) => {
                        found.push((i..end, Placeholder::Printf(text[i..end].to_string())));
                        i = end;
                    }
                    None => i += 1,
                }
            }
            b'{' => {
                let n = bytes[i + 1..]
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                if n > 0 && matches!(bytes.get(i + 1 + n), Some(b'}' | b',')) {
                    let end = if bytes[i + 1 + n] == b'}' {
                        i + n + 2
                    } else {
                        // `{0,number}`: the argument ends at the next `}`, close by.
                        bytes[i..]
                            .iter()
                            .take(256)
                            .position(|b| *b == b'}')
                            .map_or(i + 1 + n, |at| i + at + 1)
                    };
                    found.push((
                        i..end,
                        Placeholder::Positional(format!("{{{}}}", &text[i + 1..i + 1 + n])),
                    ));
                    i = end;
                    continue;
                }
                open.push(i);
                // A term reference opens the placeable: `{ -brand-name }`.
                let mut j = i + 1;
                while bytes.get(j).is_some_and(|b| *b == b' ') {
                    j += 1;
                }
                if bytes.get(j) == Some(&b'-') {
                    let n = ident_len(bytes, j + 1);
                    if n > 0 {
                        refs.push(Placeholder::Fluent(text[j..j + 1 + n].to_string()));
                    }
                }
                i += 1;
            }
            b'}' => {
                if let Some(start) = open.pop()
                    && open.is_empty()
                {
                    for r in refs.drain(..) {
                        found.push((start..i + 1, r));
                    }
                }
                i += 1;
            }
            b'$' if !open.is_empty() => {
                let n = ident_len(bytes, i + 1);
                if n > 0 {
                    refs.push(Placeholder::Fluent(text[i..i + 1 + n].to_string()));
                }
                i += 1 + n;
            }
            _ => i += 1,
        }
    }
    found
}

fn check_placeholders(e: &Entry) -> Vec<Message> {
    let source = find_placeholders(e.source);
    let translation = find_placeholders(e.translation);
    if source.is_empty() && translation.is_empty() {
        return Vec::new();
    }
    let count = |list: &[(Range<usize>, Placeholder)]| {
        let mut counts: HashMap<Placeholder, usize> = HashMap::new();
        for (_, p) in list {
            *counts.entry(p.clone()).or_default() += 1;
        }
        counts
    };
    let (s, t) = (count(&source), count(&translation));
    let keys: Vec<&Placeholder> = dedup(
        source
            .iter()
            .map(|(_, p)| p)
            .chain(translation.iter().map(|(_, p)| p)),
    );
    let mut messages = Vec::new();
    for key in keys {
        let (n, m) = (
            s.get(key).copied().unwrap_or(0),
            t.get(key).copied().unwrap_or(0),
        );
        // A Fluent variable may be used any number of times (select variants).
        let differs = match key {
            Placeholder::Fluent(_) => (n == 0) != (m == 0),
            _ => n != m,
        };
        if !differs {
            continue;
        }
        let placeholder = key.to_string();
        messages.push(if m == 0 {
            msg!("qa-placeholder-missing", placeholder = placeholder)
        } else if n == 0 {
            msg!("qa-placeholder-extra", placeholder = placeholder)
        } else {
            msg!(
                "qa-placeholder-count",
                placeholder = placeholder,
                in_source = n,
                in_translation = m
            )
        });
    }
    if messages.is_empty() {
        // Unnumbered printf arguments are taken in order: reordering them
        // breaks the call.
        let order = |list: &[(Range<usize>, Placeholder)]| -> Vec<String> {
            list.iter()
                .filter_map(|(_, p)| match p {
                    Placeholder::Printf(p) if !p.contains('$') && !p.contains('(') => {
                        Some(p.clone())
                    }
                    _ => None,
                })
                .collect()
        };
        let (a, b) = (order(&source), order(&translation));
        if a != b {
            messages.push(msg!(
                "qa-printf-order",
                in_source = a.join(" "),
                in_translation = b.join(" ")
            ));
        }
    }
    messages
}

// ---------------------------------------------------------------------------
// Untranslated, whitespace, brackets, length

fn check_untranslated(e: &Entry) -> Vec<Message> {
    if primary(e.source_lang) == primary(e.target_lang) || e.source.trim() != e.translation.trim() {
        return Vec::new();
    }
    let prose = mask(e.source, &protected_ranges(e.source, e.source_md()));
    let words: Vec<&str> = prose
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    if words.len() < 2 {
        return Vec::new();
    }
    // A name (`Kim Jong Un`, `New York Times`): every word capitalised.
    let name = words.iter().all(|w| {
        w.chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase)
    });
    if name {
        return Vec::new();
    }
    vec![msg!("qa-untranslated")]
}

/// A whitespace string shown so that a reader can see it; `none` (which
/// the messages translate) for no whitespace.
fn show_space(s: &str) -> String {
    if s.is_empty() {
        "none".to_string()
    } else {
        format!("\"{}\"", s.escape_default())
    }
}

/// Places with two or more spaces inside the text (not indentation after a
/// line break, not a Markdown hard break before one), with what precedes.
fn doubled_spaces(text: &str) -> Vec<String> {
    let inner = text.trim();
    let chars: Vec<char> = inner.chars().collect();
    let space = |c: char| c == ' ' || c == '\u{A0}';
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !space(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && space(chars[i]) {
            i += 1;
        }
        let line_edge = chars.get(i) == Some(&'\n') || (start > 0 && chars[start - 1] == '\n');
        if i - start >= 2 && !line_edge {
            let from = start.saturating_sub(12);
            let before: String = chars[from..start].iter().collect();
            found.push(before);
        }
    }
    found
}

fn check_whitespace(e: &Entry) -> Vec<Message> {
    let (s, t) = (e.source, e.translation);
    let mut messages = Vec::new();
    let lead = |x: &str| x.len() - x.trim_start().len();
    let (ls, lt) = (&s[..lead(s)], &t[..lead(t)]);
    if ls != lt {
        messages.push(msg!(
            "qa-leading-whitespace",
            in_source = show_space(ls),
            in_translation = show_space(lt)
        ));
    }
    let (ts, tt) = (&s[s.trim_end().len()..], &t[t.trim_end().len()..]);
    if ts != tt && !t.trim().is_empty() {
        messages.push(msg!(
            "qa-trailing-whitespace",
            in_source = show_space(ts),
            in_translation = show_space(tt)
        ));
    }
    let doubled = doubled_spaces(t);
    if doubled.len() > doubled_spaces(s).len() {
        for before in doubled.iter().take(3) {
            messages.push(msg!("qa-doubled-space", after = before.trim_start()));
        }
    }
    messages
}

/// The quotation marks and the brackets a text leaves unmatched.
fn unmatched(text: &str) -> (Vec<char>, Vec<char>) {
    let chars: Vec<char> = text.chars().collect();
    let mut quotes: Vec<char> = Vec::new();
    let mut brackets: Vec<char> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let top = quotes.last().copied();
        match c {
            // German „…“ closes with “; elsewhere “ opens.
            '“' if top == Some('„') => {
                quotes.pop();
            }
            '”' if matches!(top, Some('“' | '„' | '”')) => {
                quotes.pop();
            }
            '‘' if top == Some('‚') => {
                quotes.pop();
            }
            '’' => {
                let letter = |j: Option<usize>| {
                    j.and_then(|j| chars.get(j))
                        .is_some_and(|c| c.is_alphanumeric())
                };
                let apostrophe = letter(i.checked_sub(1)) && letter(Some(i + 1));
                // An unmatched ’ is an apostrophe (`the U.S.’ demands`).
                if !apostrophe && matches!(top, Some('‘' | '‚')) {
                    quotes.pop();
                }
            }
            '«' | '»' if matches!(top, Some('«' | '»')) && !(c == '«' && top == Some('«')) => {
                quotes.pop();
            }
            '」' if top == Some('「') => {
                quotes.pop();
            }
            '』' if top == Some('『') => {
                quotes.pop();
            }
            '｣' if top == Some('｢') => {
                quotes.pop();
            }
            '"' if top == Some('"') => {
                quotes.pop();
            }
            '“' | '”' | '‘' | '„' | '‚' | '«' | '»' | '「' | '」' | '『' | '』' | '｢' | '｣'
            | '"' => quotes.push(c),
            '(' | '[' | '{' | '（' | '［' | '｛' | '【' | '〔' | '〈' | '《' | '〖' => {
                brackets.push(c)
            }
            ')' | ']' | '}' | '）' | '］' | '｝' | '】' | '〕' | '〉' | '》' | '〗' => {
                let opener = match c {
                    ')' => '(',
                    ']' => '[',
                    '}' => '{',
                    '）' => '（',
                    '］' => '［',
                    '｝' => '｛',
                    '】' => '【',
                    '〕' => '〔',
                    '〉' => '〈',
                    '》' => '《',
                    _ => '〖',
                };
                if brackets.last() == Some(&opener) {
                    brackets.pop();
                } else {
                    brackets.push(c);
                }
            }
            _ => {}
        }
    }
    (quotes, brackets)
}

fn check_brackets(e: &Entry) -> Vec<Message> {
    let (sq, sb) = unmatched(e.source);
    let (tq, tb) = unmatched(e.translation);
    let list = |marks: &[char]| {
        let marks: Vec<String> = marks.iter().map(char::to_string).collect();
        marks.join(" ")
    };
    let mut messages = Vec::new();
    // A quotation may open in one sentence and close in another: only more
    // unmatched marks than the source has are a slip.
    if tq.len() > sq.len() {
        messages.push(msg!("qa-unbalanced-quotes", marks = list(&tq)));
    }
    if tb.len() > sb.len() {
        messages.push(msg!("qa-unbalanced-brackets", marks = list(&tb)));
    }
    messages
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LengthGroup {
    /// English and the other languages of Europe (Latin, Cyrillic, Greek).
    European,
    Korean,
    Japanese,
    Chinese,
    Other,
}

fn length_group(lang: &str) -> LengthGroup {
    match primary(lang).as_str() {
        "ko" => LengthGroup::Korean,
        "ja" => LengthGroup::Japanese,
        "zh" | "yue" | "cmn" => LengthGroup::Chinese,
        "en" | "de" | "fr" | "es" | "it" | "pt" | "nl" | "sv" | "da" | "nb" | "no" | "nn"
        | "fi" | "pl" | "cs" | "sk" | "sl" | "hr" | "sr" | "bs" | "ro" | "hu" | "et" | "lv"
        | "lt" | "ca" | "gl" | "eu" | "is" | "ga" | "cy" | "tr" | "id" | "ms" | "ru" | "uk"
        | "be" | "bg" | "el" | "mk" | "sq" | "af" | "lb" | "mt" => LengthGroup::European,
        _ => LengthGroup::Other,
    }
}

/// The usual band of translation chars / source chars for a language pair.
fn length_band(source_lang: &str, target_lang: &str) -> (f64, f64) {
    use LengthGroup::*;
    if primary(source_lang) == primary(target_lang) {
        return (0.6, 1.6);
    }
    let from_english = primary(source_lang) == "en";
    match (length_group(source_lang), length_group(target_lang)) {
        (European, European) if from_english => (0.7, 1.8),
        (European, European) if primary(target_lang) == "en" => (0.55, 1.45),
        (European, European) => (0.55, 1.8),
        (European, Korean) => (0.3, 1.2),
        (Korean, European) => (0.8, 3.4),
        (European, Japanese | Chinese) => (0.2, 0.9),
        (Japanese | Chinese, European) => (1.1, 5.0),
        (Korean, Japanese) => (0.5, 1.6),
        (Japanese, Korean) => (0.6, 2.0),
        (Korean, Chinese) => (0.35, 1.2),
        (Chinese, Korean) => (0.8, 2.9),
        (Japanese, Chinese) => (0.45, 1.3),
        (Chinese, Japanese) => (0.75, 2.2),
        _ => (0.25, 3.0),
    }
}

/// Sources shorter than this vary too much in length to judge.
const MIN_LENGTH_SOURCE: usize = 20;

fn check_length(e: &Entry) -> Vec<Message> {
    let s = e.source.trim().chars().count();
    let t = e.translation.trim().chars().count();
    if s < MIN_LENGTH_SOURCE {
        return Vec::new();
    }
    let (low, high) = length_band(e.source_lang, e.target_lang);
    let ratio = t as f64 / s as f64;
    if (low..=high).contains(&ratio) {
        return Vec::new();
    }
    vec![msg!(
        "qa-length",
        ratio = format!("{ratio:.2}"),
        in_translation = t,
        in_source = s,
        source_lang = e.source_lang,
        target_lang = e.target_lang,
        low = low.to_string(),
        high = high.to_string()
    )]
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE_2018: &str =
        "Kim’s visits to China three times last year remarkably improved bilateral ties in 2018.";

    /// The findings of one check on an en→ko pair (or `langs`).
    fn run(check: Check, source: &str, translation: &str) -> Vec<String> {
        run_langs(check, source, translation, "en", "ko")
    }

    fn run_langs(
        check: Check,
        source: &str,
        translation: &str,
        from: &str,
        to: &str,
    ) -> Vec<String> {
        let only = QaConfig {
            disabled: Check::all()
                .iter()
                .copied()
                .filter(|c| *c != check)
                .collect(),
        };
        check_entry(source, translation, from, to, &only, &[])
            .into_iter()
            .map(|f| {
                assert_eq!(f.check, check);
                assert_eq!(f.severity, check.severity());
                crate::message::english(&f.message)
            })
            .collect()
    }

    fn passes(check: Check, source: &str, translation: &str) {
        let found = run(check, source, translation);
        assert!(
            found.is_empty(),
            "{check}: {source:?} → {translation:?}: {found:?}"
        );
    }

    fn fails(check: Check, source: &str, translation: &str) -> String {
        let found = run(check, source, translation);
        assert!(
            !found.is_empty(),
            "{check} passed {source:?} → {translation:?}"
        );
        found.join("; ")
    }

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

    // --- numbers ---------------------------------------------------------

    #[test]
    fn numbers_year_dropped_or_kept() {
        let lost = fails(
            Check::Numbers,
            SOURCE_2018,
            "지난해 김 위원장의 세 차례 방중으로 양국 관계가 눈에 띄게 개선됐다.",
        );
        assert_eq!(lost, "number 2018 is missing from the translation");
        passes(
            Check::Numbers,
            SOURCE_2018,
            "2018년 김 위원장의 세 차례 방중으로 양국 관계가 눈에 띄게 개선됐다.",
        );
    }

    #[test]
    fn numbers_in_dates_and_times() {
        // The repository's own catalog.
        passes(
            Check::Numbers,
            "Posted January. 10, 2019 08:04,",
            "입력 2019-01-10 08:04:00",
        );
        passes(
            Check::Numbers,
            "Updated at 8:50 on Jan. 10, 2019",
            "2019년 1월 10일 08:50 업데이트",
        );
        let lost = fails(
            Check::Numbers,
            "Posted January. 10, 2019 08:04,",
            "입력 2019-01-10 08:40",
        );
        assert_eq!(lost, "time 08:04 is missing from the translation");
        let lost = fails(
            Check::Numbers,
            "Posted January 10, 2019",
            "입력 2019년 1월 11일",
        );
        assert!(lost.contains("number 10 "), "{lost}");
        // ko → en: a month may become its name.
        let found = run_langs(
            Check::Numbers,
            "2019년 1월 10일 입력",
            "Posted January 10, 2019",
            "ko",
            "en",
        );
        assert!(found.is_empty(), "{found:?}");
        let found = run_langs(
            Check::Numbers,
            "2019년 1월 10일 입력",
            "Posted February 10, 2019",
            "ko",
            "en",
        );
        assert_eq!(found, ["number 1 is missing from the translation"]);
        // Day.month.year lists need every part.
        passes(
            Check::Numbers,
            "It began on 10.01.2019 in Seoul.",
            "2019년 1월 10일 서울에서 시작됐다.",
        );
        fails(
            Check::Numbers,
            "It began on 10.01.2019 in Seoul.",
            "2019년 1월 서울에서 시작됐다.",
        );
    }

    #[test]
    fn numbers_in_locale_forms() {
        passes(
            Check::Numbers,
            "About 1,000 people gathered.",
            "약 1000명이 모였다.",
        );
        passes(
            Check::Numbers,
            "About 1000 people gathered.",
            "약 1,000명이 모였다.",
        );
        let de = |s: &str, t: &str| run_langs(Check::Numbers, s, t, "en", "de");
        assert!(de("About 1,000 people.", "Etwa 1.000 Menschen.").is_empty());
        assert!(de("About 1,000 people.", "Etwa 1 000 Menschen.").is_empty());
        assert!(de("About 1,000 people.", "Etwa 1\u{202F}000 Menschen.").is_empty());
        assert!(
            de(
                "Growth was 1.5 percent.",
                "Das Wachstum lag bei 1,5 Prozent."
            )
            .is_empty()
        );
        assert_eq!(
            de(
                "Growth was 1.5 percent.",
                "Das Wachstum lag bei 15 Prozent."
            ),
            ["number 1.5 is missing from the translation"]
        );
        assert!(de("It cost 1,234.5 dollars.", "Es kostete 1.234,5 Dollar.").is_empty());
        assert!(!de("It cost 1,234.5 dollars.", "Es kostete 1.234 Dollar.").is_empty());
        // de → en: the source's own conventions.
        let found = run_langs(
            Check::Numbers,
            "Es waren 1.000 Menschen, 2,5 Prozent.",
            "There were 1,000 people, 2.5 percent.",
            "de",
            "en",
        );
        assert!(found.is_empty(), "{found:?}");
        // Fullwidth digits.
        let found = run_langs(
            Check::Numbers,
            "It has 2019 members.",
            "会員は２０１９人だ。",
            "en",
            "ja",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn numbers_with_korean_and_chinese_units() {
        passes(
            Check::Numbers,
            "About 30,000 people gathered.",
            "약 3만 명이 모였다.",
        );
        let lost = fails(
            Check::Numbers,
            "About 30,000 people gathered.",
            "약 30만 명이 모였다.",
        );
        assert_eq!(lost, "number 30,000 is missing from the translation");
        // The unit is not the bare number: 3만 is not 3.
        fails(Check::Numbers, "Only 3 people came.", "3만 명만 왔다.");
        passes(
            Check::Numbers,
            "The budget is 120,000,000 won.",
            "예산은 1억 2천만 원이다.",
        );
        passes(
            Check::Numbers,
            "The budget is 120 million won.",
            "예산은 1억2000만 원이다.",
        );
        passes(
            Check::Numbers,
            "It cost $250 million.",
            "2.5억 달러가 들었다.",
        );
        passes(
            Check::Numbers,
            "It cost 35,000 won.",
            "3만 5천 원이 들었다.",
        );
        passes(
            Check::Numbers,
            "It cost 123,456 won.",
            "12만 3,456원이 들었다.",
        );
        passes(
            Check::Numbers,
            "It cost 1.2 trillion won.",
            "1조 2000억 원이 들었다.",
        );
        fails(
            Check::Numbers,
            "The budget is 120,000,000 won.",
            "예산은 1억 2천 원이다.",
        );
        let zh = run_langs(
            Check::Numbers,
            "About 30,000 people gathered.",
            "约3万人聚集。",
            "en",
            "zh",
        );
        assert!(zh.is_empty(), "{zh:?}");
        let ja = run_langs(
            Check::Numbers,
            "It cost 12,000 yen and 100 million yen.",
            "1万2000円と1億円かかった。",
            "en",
            "ja",
        );
        assert!(ja.is_empty(), "{ja:?}");
        let ja = run_langs(
            Check::Numbers,
            "It cost 12,000 yen.",
            "1万円かかった。",
            "en",
            "ja",
        );
        assert_eq!(ja, ["number 12,000 is missing from the translation"]);
        // ko → en.
        let found = run_langs(
            Check::Numbers,
            "약 3만 명이 모였다.",
            "About 30,000 people gathered.",
            "ko",
            "en",
        );
        assert!(found.is_empty(), "{found:?}");
        let found = run_langs(
            Check::Numbers,
            "약 3만 명이 모였다.",
            "About 30 thousand people gathered.",
            "ko",
            "en",
        );
        assert!(found.is_empty(), "{found:?}");
        let found = run_langs(
            Check::Numbers,
            "약 3만 명이 모였다.",
            "About 3,000 people gathered.",
            "ko",
            "en",
        );
        assert_eq!(found, ["number 3만 is missing from the translation"]);
    }

    #[test]
    fn numbers_in_words_urls_and_placeholders() {
        passes(
            Check::Numbers,
            "The G20 summit and K-pop2 fans.",
            "G20 정상회의와 K-pop2 팬들.",
        );
        let lost = fails(
            Check::Numbers,
            "The G20 summit opened.",
            "G7 정상회의가 열렸다.",
        );
        assert_eq!(lost, "number 20 is missing from the translation");
        // Digits of URLs and placeholders are not the prose's numbers.
        passes(
            Check::Numbers,
            "See https://example.com/2019/01 for %1$s.",
            "%1$s 관련: https://example.com/2019/01",
        );
        passes(
            Check::Numbers,
            "Read [the 2019 story](/news/2019/kim).",
            "[2019년 기사](/news/2019/kim)를 읽어라.",
        );
        // Extra numbers in the translation are fine.
        passes(
            Check::Numbers,
            "Kim visited China last year.",
            "김 위원장은 2018년 중국을 방문했다.",
        );
        // Small counts may be spelled out.
        passes(
            Check::Numbers,
            "There were 3 summits.",
            "세 차례 정상회담이 있었다.",
        );
        passes(Check::Numbers, "He came 5 times.", "그는 다섯 번 왔다.");
        passes(Check::Numbers, "He came 3 times.", "他来了三次。");
        fails(
            Check::Numbers,
            "There were 3 summits.",
            "두 차례 정상회담이 있었다.",
        );
        let found = run_langs(
            Check::Numbers,
            "정상회담이 3차례 있었다.",
            "There were three summits.",
            "ko",
            "en",
        );
        assert!(found.is_empty(), "{found:?}");
        // Repeated numbers are reported once.
        let lost = run(
            Check::Numbers,
            "In 2018, and again in 2018, he came.",
            "그는 두 번 왔다.",
        );
        assert_eq!(lost, ["number 2018 is missing from the translation"]);
    }

    // --- URLs and e-mail addresses ---------------------------------------

    #[test]
    fn urls_kept_verbatim() {
        let s = "Read the full text at https://www.donga.com/news/article/all/20190110/93601234/1.";
        passes(
            Check::Urls,
            s,
            "전문은 https://www.donga.com/news/article/all/20190110/93601234/1 에서 볼 수 있다.",
        );
        passes(
            Check::Urls,
            s,
            "전문은 https://www.donga.com/news/article/all/20190110/93601234/1에서 볼 수 있다.",
        );
        let lost = fails(
            Check::Urls,
            s,
            "전문은 https://www.donga.com/news/article/all/20190110/93601234/2 에서 볼 수 있다.",
        );
        assert!(
            lost.starts_with(
                "URL https://www.donga.com/news/article/all/20190110/93601234/1 is missing"
            ),
            "{lost}"
        );
        fails(
            Check::Urls,
            "See www.example.com/a for details.",
            "자세한 내용은 www.example.com/ab 참조.",
        );
        passes(
            Check::Urls,
            "See (https://en.wikipedia.org/wiki/Dandong_(city)).",
            "(https://en.wikipedia.org/wiki/Dandong_(city)) 참조.",
        );
        passes(Check::Urls, "No links here.", "링크 없음.");
    }

    #[test]
    fn emails_kept_verbatim() {
        let s = "Write to news@donga.com with questions.";
        passes(Check::Emails, s, "문의는 news@donga.com으로 보내 주세요.");
        passes(Check::Emails, s, "문의: news@donga.com.");
        let lost = fails(
            Check::Emails,
            s,
            "문의는 newsdesk@donga.com으로 보내 주세요.",
        );
        assert!(
            lost.starts_with("e-mail address news@donga.com is missing"),
            "{lost}"
        );
        fails(Check::Emails, s, "문의는 news@donga.co.kr으로 보내 주세요.");
    }

    // --- link targets ----------------------------------------------------

    #[test]
    fn link_targets_kept() {
        let s = "Kim met [Xi Jinping](https://en.wikipedia.org/wiki/Xi_Jinping) in Beijing.";
        passes(
            Check::LinkTargets,
            s,
            "김 위원장은 베이징에서 [시진핑](https://en.wikipedia.org/wiki/Xi_Jinping)을 만났다.",
        );
        let changed = fails(
            Check::LinkTargets,
            s,
            "김 위원장은 베이징에서 [시진핑](https://ko.wikipedia.org/wiki/시진핑)을 만났다.",
        );
        assert_eq!(
            changed,
            "link target changed from https://en.wikipedia.org/wiki/Xi_Jinping to https://ko.wikipedia.org/wiki/시진핑"
        );
        let lost = fails(
            Check::LinkTargets,
            s,
            "김 위원장은 베이징에서 시진핑을 만났다.",
        );
        assert!(lost.contains("is missing"), "{lost}");
        // Images and reference links too; the URL check leaves link targets alone.
        let s = "![Kim and Xi](/img/kim-xi.jpg) A [report][1] followed.";
        passes(
            Check::LinkTargets,
            s,
            "![김정은과 시진핑](/img/kim-xi.jpg) [보도][1]가 이어졌다.",
        );
        fails(
            Check::LinkTargets,
            s,
            "![김정은과 시진핑](/img/kim-xi.png) [보도][1]가 이어졌다.",
        );
        fails(
            Check::LinkTargets,
            s,
            "![김정은과 시진핑](/img/kim-xi.jpg) [보도][2]가 이어졌다.",
        );
        passes(
            Check::Urls,
            "See [the text](https://example.com/a).",
            "[원문](https://example.com/b) 참조.",
        );
        let extra = fails(
            Check::LinkTargets,
            "Kim met Xi.",
            "[김 위원장](/kim)은 시 주석을 만났다.",
        );
        assert_eq!(extra, "link target /kim is not in the source");
    }

    // --- markup ----------------------------------------------------------

    #[test]
    fn markup_balanced() {
        let s = "Kim is **failing to convince** his people.";
        passes(
            Check::Markup,
            s,
            "김 위원장은 주민들을 **설득하지 못하고** 있다.",
        );
        let open = fails(
            Check::Markup,
            s,
            "김 위원장은 주민들을 **설득하지 못하고 있다.",
        );
        assert_eq!(
            open,
            "bold spans: 1 in the source, 0 in the translation (unmatched `**` in the translation)"
        );
        // A closing ** after punctuation and before a letter does not close
        // in CommonMark: the reader sees the stars.
        let flanked = fails(
            Check::Markup,
            "He warned of a **“new path”**.",
            "그는 **“새로운 길”**을 경고했다.",
        );
        assert!(
            flanked.contains("between punctuation and a letter"),
            "{flanked}"
        );
        passes(
            Check::Markup,
            "He warned of a **“new path”**.",
            "그는 “**새로운 길**”을 경고했다.",
        );
        let underscore = fails(Check::Markup, "It is __bold__ here.", "여기 __굵게__다.");
        assert!(
            underscore.ends_with("`_` cannot close inside a word: use `*`)"),
            "{underscore}"
        );
        passes(Check::Markup, "It is __bold__ here.", "여기 **굵게**다.");
        passes(
            Check::Markup,
            "He warned of a *new path*.",
            "그는 *새로운 길*을 경고했다.",
        );
        fails(
            Check::Markup,
            "He warned of a *new path*.",
            "그는 새로운 길*을 경고했다.",
        );
        passes(
            Check::Markup,
            "Run `l10n check` and `l10n status`.",
            "`l10n check`와 `l10n status`를 실행하라.",
        );
        let code = fails(
            Check::Markup,
            "Run `l10n check` and `l10n status`.",
            "`l10n check`와 l10n status를 실행하라.",
        );
        assert_eq!(code, "code spans: 2 in the source, 1 in the translation");
        fails(
            Check::Markup,
            "Run `l10n check` now.",
            "`l10n check 를 지금 실행하라.",
        );
        passes(
            Check::Markup,
            "Use snake_case names, 2 * 3 and ~5%.",
            "snake_case 이름, 2 * 3, ~5%를 쓴다.",
        );
        fails(
            Check::Markup,
            "It was ~~denied~~ confirmed.",
            "~~부인됐다가 확인됐다.",
        );
    }

    // --- placeholders ----------------------------------------------------

    #[test]
    fn placeholders_kept() {
        let s = "{ $count } segments are missing in { $lang }.";
        passes(
            Check::Placeholders,
            s,
            "{ $lang }에서 세그먼트 { $count }개가 빠졌다.",
        );
        passes(
            Check::Placeholders,
            s,
            "{$lang}에서 세그먼트 {$count}개가 빠졌다.",
        );
        let lost = fails(Check::Placeholders, s, "{ $lang }에서 세그먼트가 빠졌다.");
        assert_eq!(
            lost,
            "placeholder { $count } is missing from the translation"
        );
        let extra = fails(
            Check::Placeholders,
            s,
            "{ $lang }에서 { $count }개, { $total }개 중.",
        );
        assert_eq!(extra, "placeholder { $total } is not in the source");
        // Select expressions may repeat a variable; terms count.
        passes(
            Check::Placeholders,
            "{ -brand } found { $count } files.",
            "{ -brand }이(가) { $count ->\n [one] 파일 { $count }개\n *[other] 파일 { $count }개\n}를 찾았다.",
        );
        fails(
            Check::Placeholders,
            "{ -brand } found it.",
            "l10n이 찾았다.",
        );

        passes(
            Check::Placeholders,
            "%s has %d segments.",
            "%s에는 세그먼트 %d개가 있다.",
        );
        let lost = fails(
            Check::Placeholders,
            "%s has %d segments.",
            "세그먼트 %d개가 있다.",
        );
        assert_eq!(lost, "placeholder %s is missing from the translation");
        let order = fails(
            Check::Placeholders,
            "%s has %d segments.",
            "세그먼트 %d개가 %s에 있다.",
        );
        assert!(
            order.starts_with("printf placeholders are in a different order"),
            "{order}"
        );
        passes(
            Check::Placeholders,
            "%1$s has %2$d segments.",
            "세그먼트 %2$d개가 %1$s에 있다.",
        );
        passes(
            Check::Placeholders,
            "%(name)s has %.2f%% done.",
            "%(name)s: %.2f%% 완료.",
        );
        passes(
            Check::Placeholders,
            "{0} of {1} done.",
            "{1}개 중 {0}개 완료.",
        );
        fails(Check::Placeholders, "{0} of {1} done.", "{1}개 중 완료.");
        let twice = fails(Check::Placeholders, "%s and %s", "%s");
        assert_eq!(
            twice,
            "placeholder %s appears 2 times in the source and 1 in the translation"
        );
        let once = fails(Check::Placeholders, "%s", "%s %s");
        assert_eq!(
            once,
            "placeholder %s appears once in the source and 2 in the translation"
        );
        // Percentages are not placeholders: `50% of`, Korean `3.5%p`.
        passes(
            Check::Placeholders,
            "Support rose 50% of the time, 3.5 percentage points.",
            "지지율이 3.5%p 올랐고 50%였다.",
        );
    }

    // --- untranslated ----------------------------------------------------

    #[test]
    fn untranslated() {
        let s = "Kim Jong Un fails to convince his people of the need for denuke talks";
        let found = fails(Check::Untranslated, s, s);
        assert!(
            found.starts_with("the translation is identical to the source"),
            "{found}"
        );
        passes(
            Check::Untranslated,
            s,
            "김정은, 주민들에게 비핵화 협상 필요성 설득 못해",
        );
        // Names, numbers, URLs and single words may stay as they are.
        passes(Check::Untranslated, "Donald Trump", "Donald Trump");
        passes(Check::Untranslated, "2019-01-10 08:04", "2019-01-10 08:04");
        passes(
            Check::Untranslated,
            "https://example.com/a b",
            "https://example.com/a b",
        );
        passes(Check::Untranslated, "Pyongyang", "Pyongyang");
        // Same language (en → en-GB): identical is fine.
        let found = run_langs(Check::Untranslated, s, s, "en", "en-GB");
        assert!(found.is_empty());
    }

    // --- whitespace ------------------------------------------------------

    #[test]
    fn whitespace() {
        passes(
            Check::Whitespace,
            "Kim visited China.",
            "김 위원장이 중국을 방문했다.",
        );
        let doubled = fails(
            Check::Whitespace,
            "Kim visited China.",
            "김 위원장이  중국을 방문했다.",
        );
        assert_eq!(
            doubled,
            "doubled space in the translation after \"김 위원장이\""
        );
        let lead = fails(
            Check::Whitespace,
            "Kim visited China.",
            " 김 위원장이 중국을 방문했다.",
        );
        assert_eq!(
            lead,
            "leading whitespace differs: none in the source, \" \" in the translation"
        );
        let trail = fails(
            Check::Whitespace,
            "Kim visited China. ",
            "김 위원장이 중국을 방문했다.",
        );
        assert!(trail.starts_with("trailing whitespace differs"), "{trail}");
        // A Markdown hard break is not a doubled space.
        passes(
            Check::Whitespace,
            "Kim visited  \nChina.",
            "김 위원장이  \n중국을 방문했다.",
        );
    }

    // --- quotes and brackets ---------------------------------------------

    #[test]
    fn brackets_and_quotes() {
        let s = "“According to a North Korean official, Kim is failing,” a source said.";
        passes(
            Check::Brackets,
            s,
            "한 소식통은 “북한 당국자에 따르면 김 위원장이 실패하고 있다”고 말했다.",
        );
        let open = fails(
            Check::Brackets,
            s,
            "한 소식통은 “북한 당국자에 따르면 김 위원장이 실패하고 있다고 말했다.",
        );
        assert_eq!(
            open,
            "unbalanced quotation marks in the translation: unmatched “"
        );
        // A quotation that continues in the next sentence, as in the source.
        passes(
            Check::Brackets,
            "“Chairman Kim thinks that Moon Jae-in will cave in to the U.S.’ demands.",
            "“김 위원장은 문재인 대통령이 결국 미국의 요구에 굴복할 것이라고 생각한다.",
        );
        passes(
            Check::Brackets,
            "He does not fully trust President Moon.”",
            "문 대통령을 완전히 신뢰하지는 않는다.”",
        );
        // Apostrophes are not quotes; other quoting styles balance.
        passes(
            Check::Brackets,
            SOURCE_2018,
            "Kim’s visits ‘three times’ in 2018.",
        );
        let ja = run_langs(
            Check::Brackets,
            "He said “yes” to it.",
            "彼は「はい」と言った。",
            "en",
            "ja",
        );
        assert!(ja.is_empty(), "{ja:?}");
        let de = run_langs(
            Check::Brackets,
            "He said “yes” (twice).",
            "Er sagte „ja“ (zweimal) und »gern«.",
            "en",
            "de",
        );
        assert!(de.is_empty(), "{de:?}");
        let fr = run_langs(
            Check::Brackets,
            "He said “yes”.",
            "Il a dit « oui ».",
            "en",
            "fr",
        );
        assert!(fr.is_empty(), "{fr:?}");
        let ja = run_langs(
            Check::Brackets,
            "He said “yes” to it.",
            "彼は「はいと言った。",
            "en",
            "ja",
        );
        assert_eq!(
            ja,
            ["unbalanced quotation marks in the translation: unmatched 「"]
        );
        let b = fails(
            Check::Brackets,
            "Dandong (Liaoning) is busy.",
            "단둥(랴오닝성은 붐빈다.",
        );
        assert_eq!(b, "unbalanced brackets in the translation: unmatched (");
        fails(
            Check::Brackets,
            "Dandong [Liaoning] is busy.",
            "단둥[랴오닝성)은 붐빈다.",
        );
        passes(
            Check::Brackets,
            "Dandong (Liaoning) is busy.",
            "단둥（랴오닝성）은 붐빈다.",
        );
    }

    // --- length ----------------------------------------------------------

    #[test]
    fn length_ratio() {
        let s = "North Korean leader Kim Jong Un made a visit to China once again, boasting close ties with Chinese President Xi Jinping.";
        passes(
            Check::Length,
            s,
            "김정은 북한 국무위원장이 또다시 중국을 방문해 시진핑 중국 국가주석과의 긴밀한 관계를 과시했다.",
        );
        let short = fails(Check::Length, s, "김정은 방중.");
        assert!(short.starts_with("the translation is 0.06× the length of the source (7 vs 120 characters); en→ko is usually 0.3–1.2×"), "{short}");
        let long = format!("{s} {s}");
        fails(Check::Length, s, &long);
        // Short sources are not judged.
        passes(
            Check::Length,
            "Kim visited China.",
            "김정은 북한 국무위원장이 또다시 중국을 방문해 관계를 과시했다.",
        );
        // Other pairs have other norms.
        let ja = run_langs(
            Check::Length,
            s,
            "北朝鮮の金正恩委員長が再び中国を訪問し、習近平国家主席との緊密な関係を誇示した。",
            "en",
            "ja",
        );
        assert!(ja.is_empty(), "{ja:?}");
        let de = run_langs(
            Check::Length,
            s,
            "Nordkoreas Machthaber Kim Jong Un hat erneut China besucht und dabei seine engen Beziehungen zu Präsident Xi Jinping demonstriert.",
            "en",
            "de",
        );
        assert!(de.is_empty(), "{de:?}");
        let de = run_langs(Check::Length, s, "Kim besuchte China.", "en", "de");
        assert_eq!(de.len(), 1);
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
