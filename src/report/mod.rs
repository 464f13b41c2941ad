//! Reports: counts per article and language, the verdict of `check`, and
//! their rendering as text or JSON. The one module that formats output.
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::changes::Reason;
use crate::diff::{Marks, word_diff};
use crate::lang::Lang;
use crate::msg;
use crate::plan::{LanguagePlan, State};
use crate::qa::Finding;
use crate::survey::Partition;
use crate::ui::{Message, Ui, is_unsafe};

mod error_json;
mod github;
mod junit;
mod sarif;
mod text;
mod verdict;

pub use error_json::{error_json, usage_error_json};
pub use github::github_text;
pub use junit::junit_xml;
pub use sarif::sarif_json;
pub use text::{Style, check_text, error_text, status_text};
pub use verdict::{Amount, Failure, Rule, Verdict};

/// How output is written (`--format` is `cli::FormatArg`, which maps here).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// For people: tables, and `path:line:` lines that editors and CI link.
    Text,
    /// One JSON document, the same whatever the UI language.
    Json,
    /// GitHub Actions workflow commands: an annotation per problem.
    Github,
    /// JUnit XML: a test suite per language, a test case per article.
    Junit,
    /// SARIF 2.1.0: a result per problem, a rule per state and quality check.
    Sarif,
}

/// Counts of segments by state, and of source words.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Counts {
    /// Segments of the article as it is now (translated + missing +
    /// outdated + covered).
    pub segments: usize,
    pub translated: usize,
    /// Missing, and not covered by a fallback language.
    pub missing: usize,
    pub outdated: usize,
    /// Missing, but translated in a language of the fallback chain.
    #[serde(default)]
    pub covered: usize,
    /// Entries kept in `[[obsolete]]` (their segments left the article, and
    /// a person wrote something in them); counted apart.
    pub obsolete: usize,
    pub words: usize,
    pub words_translated: usize,
}

impl Counts {
    /// The counts of one language's plan of an article.
    pub fn of(plan: &LanguagePlan) -> Counts {
        let mut counts = Counts::default();
        for entry in &plan.entries {
            match entry.state {
                State::Translated => {
                    counts.translated += 1;
                    counts.words_translated += entry.words;
                }
                State::Missing => counts.missing += 1,
                State::Outdated => counts.outdated += 1,
                State::Obsolete => counts.obsolete += 1,
                State::Covered => counts.covered += 1,
            }
            if entry.state != State::Obsolete {
                counts.segments += 1;
                counts.words += entry.words;
            }
        }
        counts
    }

    /// `self + other`, or `None` if a count would overflow.
    fn checked_add(&self, other: &Counts) -> Option<Counts> {
        Some(Counts {
            segments: self.segments.checked_add(other.segments)?,
            translated: self.translated.checked_add(other.translated)?,
            missing: self.missing.checked_add(other.missing)?,
            outdated: self.outdated.checked_add(other.outdated)?,
            covered: self.covered.checked_add(other.covered)?,
            obsolete: self.obsolete.checked_add(other.obsolete)?,
            words: self.words.checked_add(other.words)?,
            words_translated: self.words_translated.checked_add(other.words_translated)?,
        })
    }

    /// Whether the counts of one article could have been made by l10n:
    /// the states add up to the segments, no more words translated than
    /// there are, and as many issues of each state as counted.
    fn coherent(&self, issues: &[Issue]) -> bool {
        let sum = [self.translated, self.missing, self.outdated, self.covered]
            .into_iter()
            .try_fold(0usize, usize::checked_add);
        let of = |state: State| issues.iter().filter(|i| i.state == state).count();
        sum == Some(self.segments)
            && self.words_translated <= self.words
            && of(State::Missing) == self.missing
            && of(State::Outdated) == self.outdated
            && of(State::Covered) == self.covered
            && of(State::Obsolete) == self.obsolete
            && of(State::Translated) == 0
    }

    fn add(&mut self, other: &Counts) {
        self.segments += other.segments;
        self.translated += other.translated;
        self.missing += other.missing;
        self.outdated += other.outdated;
        self.covered += other.covered;
        self.obsolete += other.obsolete;
        self.words += other.words;
        self.words_translated += other.words_translated;
    }

    /// Share of the segments that are translated, in percent (100 for none).
    pub fn translated_percent(&self) -> f64 {
        percent(self.translated, self.segments)
    }
}

/// An outdated issue's state as text: `outdated (number, negation)`.
pub(crate) fn outdated_text(issue: &Issue, ui: Ui) -> String {
    if issue.reasons.is_empty() {
        return ui.text(&msg!("check-outdated"));
    }
    ui.text(&msg!(
        "check-outdated-reasons",
        reasons = reasons_text(&issue.reasons)
    ))
}

/// `number, negation`.
pub(crate) fn reasons_text(reasons: &[Reason]) -> String {
    let names: Vec<&str> = reasons.iter().map(|r| r.as_str()).collect();
    names.join(", ")
}

/// `part` of `whole` in percent; 100 of nothing (nothing is left to do).
pub(crate) fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        100.0
    } else {
        part as f64 * 100.0 / whole as f64
    }
}

/// A segment that needs a translator's attention.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Issue {
    /// `None` for a segment no catalog has yet.
    pub id: Option<String>,
    pub state: State,
    pub line: Option<usize>,
    /// The sentence's line in the article as it is now; none for an
    /// obsolete entry.
    #[serde(default)]
    pub article_line: Option<usize>,
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_source: Option<String>,
    /// For an outdated segment: why its edit matters, at least one reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reasons: Vec<Reason>,
    /// For a covered segment: the language whose translation stands in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fallback: Option<Lang>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ArticleReport {
    pub article: String,
    pub catalog: String,
    /// The article's file, as shown (from the workspace root).
    #[serde(default, rename = "article-path")]
    pub article_path: String,
    #[serde(flatten)]
    pub counts: Counts,
    pub issues: Vec<Issue>,
    /// Quality findings on translations, when the checks ran.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub qa: Vec<QaIssue>,
}

/// How much of each article's issues a command's output shows, and so how
/// much a run must keep in memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// Counts only (`status`).
    Counts,
    /// The missing and outdated segments (`status --diff`).
    Diff,
    /// Every issue and quality finding (`check`, JSON).
    Everything,
}

/// A quality check's finding on one translation.
impl Issue {
    /// How the source changed since it was translated: a word diff from
    /// the previous source (none kept: from the source itself).
    pub(crate) fn source_diff(&self, marks: Marks) -> String {
        word_diff(self.previous(), &self.source, marks)
    }

    /// The source the translation was made from: the previous source of an
    /// outdated segment, else the source.
    pub(crate) fn previous(&self) -> &str {
        self.previous_source.as_deref().unwrap_or(&self.source)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct QaIssue {
    pub id: String,
    pub line: Option<usize>,
    /// The sentence's line in the article.
    #[serde(default, rename = "article-line")]
    pub article_line: Option<usize>,
    #[serde(flatten, with = "finding_json")]
    pub finding: Finding,
}

/// A finding in JSON: its check and severity by id, its message in
/// English whatever the UI language; read back (`status --merge`) with the
/// message as it was written.
mod finding_json {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use crate::msg;
    use crate::qa::{Check, Finding, Severity};
    use crate::ui::Ui;

    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    struct Json {
        check: Check,
        severity: Severity,
        message: String,
    }

    pub fn serialize<S: Serializer>(finding: &Finding, serializer: S) -> Result<S::Ok, S::Error> {
        Json {
            check: finding.check,
            severity: finding.severity,
            message: Ui::ENGLISH.text(&finding.message),
        }
        .serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Finding, D::Error> {
        let json = Json::deserialize(deserializer)?;
        Ok(Finding {
            check: json.check,
            severity: json.severity,
            message: msg!("qa-as-written", text = json.message),
        })
    }
}

impl ArticleReport {
    /// Judges one article's plan for one language; `catalog` is the catalog's
    /// path as shown to the user, `article_lines` the line in the article of
    /// each of its segments, in order (the plan's entries follow them).
    /// The article's path is left for the caller, which knows the file.
    pub fn new(
        article: &str,
        plan: &LanguagePlan,
        catalog: String,
        article_lines: &[usize],
    ) -> ArticleReport {
        let mut issues = Vec::new();
        for (index, entry) in plan.entries.iter().enumerate() {
            if entry.state != State::Translated {
                issues.push(Issue {
                    id: entry.known.then(|| entry.id.clone()),
                    state: entry.state,
                    line: entry.line,
                    article_line: article_lines
                        .get(index)
                        .copied()
                        .filter(|_| entry.state != State::Obsolete),
                    source: entry.source.clone(),
                    previous_source: entry.previous_source.clone(),
                    reasons: entry.reasons.clone(),
                    fallback: entry
                        .fallback
                        .clone()
                        .filter(|_| entry.state == State::Covered),
                });
            }
        }
        ArticleReport {
            article: article.to_string(),
            catalog,
            article_path: String::new(),
            counts: Counts::of(plan),
            issues,
            qa: Vec::new(),
        }
    }

    /// How many problems `check` shows for this article: its issues but
    /// the obsolete entries, and its quality findings.
    pub fn problems(&self) -> usize {
        self.problem_issues().count() + self.qa.len()
    }

    /// The issues `check` shows, in every format: all but the obsolete
    /// entries.
    pub(crate) fn problem_issues(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.state != State::Obsolete)
    }

    /// `line`, the sentence's line in the article, when the article's file
    /// is known too: where a problem can point into the article.
    pub(crate) fn sentence_line(&self, line: Option<usize>) -> Option<usize> {
        line.filter(|_| !self.article_path.is_empty())
    }

    /// Drops what `detail` does not show.
    pub fn keep(&mut self, detail: Detail) {
        match detail {
            Detail::Counts => {
                self.issues = Vec::new();
                self.qa = Vec::new();
            }
            Detail::Diff => {
                self.issues
                    .retain(|i| matches!(i.state, State::Missing | State::Outdated));
                self.issues.shrink_to_fit();
                self.qa = Vec::new();
            }
            Detail::Everything => {}
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct LanguageReport {
    pub lang: Lang,
    /// The languages that stand in for this one's missing translations, in
    /// order (those with catalogs), before the source language.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fallback: Vec<Lang>,
    pub totals: Counts,
    pub articles: Vec<ArticleReport>,
    /// Catalogs whose articles are gone (deleted or renamed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub orphans: Vec<String>,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
}

impl LanguageReport {
    pub fn new(lang: Lang, articles: Vec<ArticleReport>) -> LanguageReport {
        let mut totals = Counts::default();
        for article in &articles {
            totals.add(&article.counts);
        }
        LanguageReport {
            lang,
            fallback: Vec::new(),
            totals,
            articles,
            orphans: Vec::new(),
            verdict: None,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Report {
    pub version: Version,
    pub source_lang: Lang,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub passed: Option<bool>,
    /// The share of the articles this report covers, if not all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partition: Option<Partition>,
    pub languages: Vec<LanguageReport>,
}

/// The version of the shape of l10n's JSON documents, written first in
/// each (`"version": 1`); a document of another version is refused when
/// read back (`status --merge`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "u64", into = "u64")]
pub struct Version;

impl Version {
    pub const NUMBER: u64 = 1;
}

impl TryFrom<u64> for Version {
    type Error = String;

    fn try_from(number: u64) -> Result<Version, String> {
        if number == Version::NUMBER {
            Ok(Version)
        } else {
            Err(format!(
                "version {number} of l10n's JSON; this l10n reads version {}",
                Version::NUMBER
            ))
        }
    }
}

impl From<Version> for u64 {
    fn from(_: Version) -> u64 {
        Version::NUMBER
    }
}

impl Report {
    /// Combines the reports of the partitions of one run (`--partition K/N`)
    /// into the report of the whole: the same as a run without partitions.
    /// Each report is named by its file (as shown) in errors.
    ///
    /// A report is a file from elsewhere (a CI job's artifact): it is
    /// checked before it counts. Each must be a partition of the same run
    /// (the same N, the same languages), each partition given once and all
    /// of them given; every article must belong to its partition and appear
    /// once; every article's counts must add up (and match its issues) and
    /// every language's totals must be the sum of its articles, without
    /// overflow. Anything else is refused, naming the file.
    pub fn merge(reports: Vec<(String, Report)>) -> Result<Report, Message> {
        Report::check_partitions(&reports)?;
        let mut seen: std::collections::HashMap<(&Lang, &str), &str> =
            std::collections::HashMap::new();
        for (path, report) in &reports {
            for language in &report.languages {
                let mut totals = Counts::default();
                for article in &language.articles {
                    let bad = || {
                        msg!(
                            "error-merge-bad-counts",
                            path = path,
                            article = &article.article,
                            lang = &language.lang
                        )
                    };
                    if !article.counts.coherent(&article.issues) {
                        return Err(bad());
                    }
                    totals = totals.checked_add(&article.counts).ok_or_else(bad)?;
                    if let Some(partition) = report.partition
                        && !partition.contains(&article.article)
                    {
                        return Err(msg!(
                            "error-merge-misplaced",
                            path = path,
                            article = &article.article,
                            partition = partition_text(partition)
                        ));
                    }
                    if let Some(other) = seen.insert((&language.lang, &article.article), path) {
                        return Err(msg!(
                            "error-merge-article-twice",
                            article = &article.article,
                            path = path,
                            other = other
                        ));
                    }
                }
                if totals != language.totals {
                    return Err(msg!(
                        "error-merge-bad-totals",
                        path = path,
                        lang = &language.lang
                    ));
                }
            }
        }
        let mut reports = reports.into_iter();
        let Some((first_path, mut merged)) = reports.next() else {
            return Err(msg!("error-merge-nothing"));
        };
        for (path, report) in reports {
            if report.source_lang != merged.source_lang {
                return Err(msg!(
                    "error-merge-source-langs",
                    path = path,
                    other = &first_path,
                    first = &merged.source_lang,
                    second = &report.source_lang
                ));
            }
            for language in report.languages {
                match merged
                    .languages
                    .iter_mut()
                    .find(|l| l.lang == language.lang)
                {
                    Some(into) => {
                        into.articles.extend(language.articles);
                        into.orphans.extend(language.orphans);
                    }
                    None => merged.languages.push(language),
                }
            }
        }
        for language in &mut merged.languages {
            let mut articles = std::mem::take(&mut language.articles);
            // Each part adds up, but the whole may not fit.
            articles
                .iter()
                .try_fold(Counts::default(), |total, a| total.checked_add(&a.counts))
                .ok_or_else(|| msg!("error-merge-overflow", lang = &language.lang))?;
            articles.sort_by(|a, b| a.article.cmp(&b.article));
            let mut orphans = std::mem::take(&mut language.orphans);
            orphans.sort();
            orphans.dedup();
            let fallback = std::mem::take(&mut language.fallback);
            *language = LanguageReport::new(language.lang.clone(), articles);
            language.orphans = orphans;
            language.fallback = fallback;
        }
        merged.passed = None;
        merged.partition = None;
        Ok(merged)
    }

    /// The reports are the partitions of one run, each once, all of them:
    /// or a single report of the whole.
    fn check_partitions(reports: &[(String, Report)]) -> Result<(), Message> {
        let Some((first_path, first)) = reports.first() else {
            return Err(msg!("error-merge-nothing"));
        };
        let languages = |r: &Report| {
            r.languages
                .iter()
                .map(|l| l.lang.clone())
                .collect::<Vec<_>>()
        };
        let mut given: std::collections::BTreeMap<u32, &str> = Default::default();
        for (path, report) in reports {
            let Some(partition) = report.partition else {
                // A report of every article merges with nothing else.
                if reports.len() == 1 {
                    return Ok(());
                }
                return Err(msg!("error-merge-not-partition", path = path));
            };
            if partition.index == 0 || partition.index > partition.count {
                return Err(msg!("error-merge-not-partition", path = path));
            }
            let count = first.partition.map_or(0, |p| p.count);
            if partition.count != count || languages(report) != languages(first) {
                return Err(msg!(
                    "error-merge-other-run",
                    path = path,
                    other = first_path
                ));
            }
            if let Some(other) = given.insert(partition.index, path) {
                return Err(msg!(
                    "error-merge-partition-twice",
                    path = path,
                    other = other,
                    partition = partition_text(partition)
                ));
            }
        }
        let count = first.partition.map_or(0, |p| p.count);
        // The first few missing ones are enough to say (N may be huge).
        let missing: Vec<String> = (1..=count)
            .filter(|index| !given.contains_key(index))
            .take(10)
            .map(|index| partition_text(Partition { index, count }))
            .collect();
        if !missing.is_empty() {
            return Err(msg!(
                "error-merge-partition-missing",
                partitions = missing.join(", "),
                count = (count as usize).saturating_sub(given.len())
            ));
        }
        Ok(())
    }

    pub fn to_json(&self) -> String {
        json_document(self)
    }
}

/// `K/N`, as `--partition` takes it.
fn partition_text(partition: Partition) -> String {
    format!("{}/{}", partition.index, partition.count)
}

/// `value` as one pretty-printed JSON document for standard output
/// ([`json_text`]: safe to `cat`), ending with a newline.
fn json_document(value: &impl Serialize) -> String {
    let mut json = json_text(serde_json::to_string_pretty(value).unwrap_or_default());
    json.push('\n');
    json
}

/// `json` with every character that could drive a terminal written as a
/// `\uXXXX` escape: the same JSON value (the text stays exact for a
/// program), safe to `cat`. `serde_json` escapes C0 controls itself; this
/// adds DEL, C1 and the bidirectional controls. Outside strings JSON has
/// only spaces and newlines, which stay.
pub fn json_text(json: String) -> String {
    if !json.chars().any(|c| c != '\n' && is_unsafe(c)) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if c != '\n' && is_unsafe(c) {
            let _ = write!(out, "\\u{:04x}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_of_nothing_is_complete() {
        assert_eq!(Counts::default().translated_percent(), 100.0);
    }

    #[test]
    fn findings_serialize_with_kebab_case_ids() {
        let f = Finding {
            check: crate::qa::Check::LinkTargets,
            severity: crate::qa::Severity::Warning,
            message: msg!("qa-untranslated"),
        };
        let to_json = |f: &Finding| {
            let mut out = Vec::new();
            finding_json::serialize(f, &mut serde_json::Serializer::new(&mut out)).unwrap();
            String::from_utf8(out).unwrap()
        };
        assert_eq!(
            to_json(&f),
            r#"{"check":"link-targets","severity":"warning","message":"the translation is identical to the source (left untranslated?)"}"#
        );
        let back = finding_json::deserialize(&mut serde_json::Deserializer::from_str(&to_json(&f)))
            .unwrap();
        let english = |f: &Finding| crate::ui::Ui::ENGLISH.text(&f.message);
        assert_eq!(english(&back), english(&f));
    }
}
