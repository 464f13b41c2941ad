//! `check --format junit`: JUnit XML, which GitLab, Jenkins and most CI
//! systems show as test results. One `<testsuite>` per language, one
//! `<testcase>` per article (classname: the language, name: the article
//! id); an article that fails the check has a `<failure>` listing its
//! problems, one line each (as `check`'s text lines); notes (covered
//! segments, quality warnings) go to its `<system-out>`. Like JSON, the
//! file is the same whatever the UI language (English).
use std::fmt::Write as _;

use crate::interchange::{escape_attribute, escape_text, replace_unwritable};
use crate::qa::Severity;
use crate::ui::{Ui, escape};

use super::text::problem_lines;
use super::{ArticleReport, Report, Style};

/// The report as one JUnit XML document.
pub fn junit_xml(report: &Report) -> String {
    let articles = |l: &super::LanguageReport| l.articles.len();
    let tests: usize = report.languages.iter().map(articles).sum();
    let failures: usize = report
        .languages
        .iter()
        .flat_map(|l| &l.articles)
        .filter(|a| fails(a))
        .count();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"l10n check\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\">"
    );
    for language in &report.languages {
        let lang = attribute(language.lang.as_str());
        let failures = language.articles.iter().filter(|a| fails(a)).count();
        let _ = writeln!(
            out,
            "  <testsuite name=\"{lang}\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">",
            language.articles.len()
        );
        for article in &language.articles {
            test_case(&mut out, &lang, article);
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

/// Whether the article fails `check` by itself: a missing or outdated
/// segment, or a quality error. (A language may still pass as a whole,
/// above `--min-translated`.)
fn fails(article: &ArticleReport) -> bool {
    article.counts.missing > 0
        || article.counts.outdated > 0
        || article
            .qa
            .iter()
            .any(|q| q.finding.severity == Severity::Error)
}

fn test_case(out: &mut String, lang: &str, article: &ArticleReport) {
    let _ = write!(
        out,
        "    <testcase classname=\"{lang}\" name=\"{}\" file=\"{}\"",
        attribute(&article.article),
        attribute(&article.catalog),
    );
    let lines = problem_lines(article, Style { color: false }, Ui::ENGLISH);
    if lines.is_empty() {
        out.push_str("/>\n");
        return;
    }
    out.push_str(">\n");
    let body = escape_text(&replace_unwritable(&lines.join("\n")));
    if fails(article) {
        let missing = article.counts.missing;
        let outdated = article.counts.outdated;
        let qa_errors = article
            .qa
            .iter()
            .filter(|q| q.finding.severity == Severity::Error)
            .count();
        let _ = writeln!(
            out,
            "      <failure type=\"l10n check\" message=\"{missing} missing, {outdated} outdated, \
             {qa_errors} quality errors\">{body}</failure>"
        );
    } else {
        let _ = writeln!(out, "      <system-out>{body}</system-out>");
    }
    out.push_str("    </testcase>\n");
}

/// A value from the data as an attribute: shown as text output shows it
/// (no control characters), then escaped for XML.
fn attribute(text: &str) -> String {
    escape_attribute(&replace_unwritable(&escape(text)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::State;

    #[test]
    fn attributes_carry_no_markup_or_controls() {
        assert_eq!(attribute("a\"<b>&\u{1b}"), "a&quot;&lt;b&gt;&amp;\\u{1b}");
    }

    #[test]
    fn an_obsolete_entry_alone_does_not_fail() {
        let article = ArticleReport {
            article: "a".into(),
            catalog: "locales/ko/a.toml".into(),
            article_path: "articles/a.md".into(),
            counts: super::super::Counts {
                obsolete: 1,
                ..Default::default()
            },
            issues: vec![super::super::Issue {
                id: Some("x".into()),
                state: State::Obsolete,
                line: Some(3),
                article_line: None,
                source: "Gone.".into(),
                previous_source: None,
                reasons: Vec::new(),
                fallback: None,
            }],
            qa: Vec::new(),
        };
        assert!(!fails(&article));
    }
}
