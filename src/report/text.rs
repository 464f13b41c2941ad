//! Reports as text for people: the `status` tables, the `check` lines
//! (`path:line:` that editors and CI link), and errors, in the UI language,
//! coloured on a terminal.
use std::fmt::Write as _;

use super::{ArticleReport, Report, outdated_text};
use crate::diff::Marks;
use crate::error::Error;
use crate::lang::Lang;
use crate::msg;
use crate::plan::State;
use crate::qa::Severity;
use crate::ui::{Arg, Ui, display_width, escape, pad, path_text};

/// Terminal styling, or none.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    fn marks(&self) -> Marks {
        if self.color {
            Marks::Color
        } else {
            Marks::Brackets
        }
    }
}

/// `status` as text: a table per language, a summary line, and with `diff`
/// every missing segment (its source, marked missing) and the word diff of
/// every outdated one, in article order. The table has a column of
/// covered segments when a language has a fallback chain.
pub fn status_text(report: &Report, diff: bool, style: Style, ui: Ui) -> String {
    let mut out = String::new();
    let article_label = ui.text(&msg!("status-column-article"));
    let fallback = report.languages.iter().any(|l| !l.fallback.is_empty());
    // Each number column is as wide as its heading (and wide enough for
    // numbers in a language with short headings).
    let columns: Vec<(String, usize)> = [
        Some(msg!("status-column-segments")),
        Some(msg!("status-column-translated")),
        fallback.then(|| msg!("status-column-covered")),
        Some(msg!("status-column-missing")),
        Some(msg!("status-column-outdated")),
        Some(msg!("status-column-obsolete")),
        Some(msg!("status-column-words-missing")),
    ]
    .iter()
    .flatten()
    .map(|m| {
        let label = ui.text(m);
        let width = display_width(&label).max(6);
        (label, width)
    })
    .collect();
    for (n, language) in report.languages.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let _ = writeln!(out, "{}", style.paint("1", &format!("{}", language.lang)));
        let width = language
            .articles
            .iter()
            .map(|a| display_width(&escape(&a.article)))
            .chain([display_width(&article_label)])
            .max()
            .unwrap_or(0);
        let mut header = format!("  {}", pad(&article_label, width, true));
        for (label, width) in &columns {
            header.push_str("  ");
            header.push_str(&pad(label, *width, false));
        }
        let _ = writeln!(out, "{}", header.trim_end());
        for article in &language.articles {
            let c = &article.counts;
            let mut row = format!("  {}", pad(&escape(&article.article), width, true));
            let numbers = [
                Some(c.segments),
                Some(c.translated),
                fallback.then_some(c.covered),
                Some(c.missing),
                Some(c.outdated),
                Some(c.obsolete),
                Some(c.words - c.words_translated),
            ];
            for (number, (_, width)) in numbers.iter().flatten().zip(&columns) {
                let _ = write!(row, "  {number:>width$}");
            }
            let _ = writeln!(out, "{row}");
        }
        let t = &language.totals;
        let total = msg!(
            "status-total",
            lang = &language.lang,
            translated = t.translated,
            segments = t.segments,
            percent = format!("{:.1}", t.translated_percent()),
            covered = t.covered,
            fallback = chain_text(&language.fallback),
            missing = t.missing,
            outdated = t.outdated,
            obsolete = t.obsolete,
            words_missing = t.words - t.words_translated,
            words = t.words
        );
        let _ = writeln!(out, "{}", ui.text(&total));
        for orphan in &language.orphans {
            let _ = writeln!(out, "  {}", ui.text(&msg!("status-orphan", path = orphan)));
        }
        if diff {
            for article in &language.articles {
                for issue in &article.issues {
                    let (state, shown) = match issue.state {
                        State::Missing => (
                            style.paint("31", &ui.text(&msg!("check-missing"))),
                            escape(&issue.source).into_owned(),
                        ),
                        State::Outdated => (
                            style.paint("33", &outdated_text(issue, ui)),
                            issue.source_diff(style.marks()),
                        ),
                        _ => continue,
                    };
                    let _ = writeln!(
                        out,
                        "\n{} {} {state}\n  {shown}",
                        style.paint("33", &location(&article.catalog, issue.line)),
                        escape(issue.id.as_deref().unwrap_or("-")),
                    );
                }
            }
        }
    }
    out
}

/// `check` as text: one `catalog:line: state: id: source (article:line)`
/// line per issue (a covered segment's state names the language that
/// covers it, and is a note: it does not fail the check) and one
/// `catalog:line: qa severity: id: check: message (article:line)` per
/// quality finding, at most `max_issues` of them and then how many more
/// there are, then the verdict of each language with the rules it failed.
pub fn check_text(report: &Report, style: Style, ui: Ui, max_issues: Option<usize>) -> String {
    let (lines, rest) = limited(report, max_issues, ArticleReport::problems, |article| {
        problem_lines(article, style, ui)
    });
    let mut out = String::new();
    for line in lines {
        let _ = writeln!(out, "{line}");
    }
    out.push_str(&more_problems(rest, ui));
    out.push_str(&verdict_lines(report, style, ui));
    out
}

/// The lines `each` makes of every article of `report`, in order, at most
/// `max` of them, and how many more there were (counted by `count`
/// without being made).
pub(super) fn limited(
    report: &Report,
    max: Option<usize>,
    count: impl Fn(&ArticleReport) -> usize,
    each: impl Fn(&ArticleReport) -> Vec<String>,
) -> (Vec<String>, usize) {
    let mut room = max.unwrap_or(usize::MAX);
    let mut lines = Vec::new();
    let mut rest = 0usize;
    for article in report.languages.iter().flat_map(|l| &l.articles) {
        if room == 0 {
            rest += count(article);
            continue;
        }
        for line in each(article) {
            if room == 0 {
                rest += 1;
            } else {
                room -= 1;
                lines.push(line);
            }
        }
    }
    (lines, rest)
}

/// The line saying how many problems `--max-issues` left out, if any.
pub(super) fn more_problems(rest: usize, ui: Ui) -> String {
    if rest == 0 {
        return String::new();
    }
    ui.text(&msg!("check-more-problems", count = rest)) + "\n"
}

/// The lines of `check` for one article's problems: its issues (obsolete
/// entries aside) and its quality findings, as [`check_text`] shows them.
pub(super) fn problem_lines(article: &ArticleReport, style: Style, ui: Ui) -> Vec<String> {
    let mut lines = Vec::new();
    for issue in article.problem_issues() {
        let state = match (issue.state, &issue.fallback) {
            (State::Missing, _) => style.paint("31", &ui.text(&msg!("check-missing"))),
            (State::Covered, Some(lang)) => {
                style.paint("36", &ui.text(&msg!("check-covered", lang = lang)))
            }
            _ => style.paint("33", &outdated_text(issue, ui)),
        };
        lines.push(format!(
            "{}: {state}: {}: {}{}",
            location(&article.catalog, issue.line),
            escape(issue.id.as_deref().unwrap_or("-")),
            escape(&first_words(&issue.source, 8)),
            in_article(article, issue.article_line),
        ));
    }
    for qa in &article.qa {
        let severity = match qa.finding.severity {
            Severity::Error => style.paint("31", &ui.text(&msg!("check-qa-error"))),
            Severity::Warning => style.paint("33", &ui.text(&msg!("check-qa-warning"))),
        };
        lines.push(format!(
            "{}: {severity}: {}: {}: {}{}",
            location(&article.catalog, qa.line),
            escape(&qa.id),
            qa.finding.check,
            ui.text(&qa.finding.message),
            in_article(article, qa.article_line),
        ));
    }
    lines
}

/// ` (article:line)`, where the sentence is in the article; nothing when
/// the line is not known.
fn in_article(article: &ArticleReport, line: Option<usize>) -> String {
    match article.sentence_line(line) {
        Some(line) => format!(" ({}:{line})", escape(&article.article_path)),
        None => String::new(),
    }
}

/// The verdict of each language judged, one line each.
pub(super) fn verdict_lines(report: &Report, style: Style, ui: Ui) -> String {
    let mut out = String::new();
    for language in &report.languages {
        let t = &language.totals;
        let Some(verdict) = &language.verdict else {
            continue;
        };
        let outcome = if verdict.passed {
            style.paint("32", &ui.text(&msg!("check-ok")))
        } else {
            style.paint("31", &ui.text(&msg!("check-failed")))
        };
        let percent = format!("{:.1}", t.translated_percent());
        let chain = chain_text(&language.fallback);
        let total = msg!(
            "check-total",
            lang = &language.lang,
            outcome = Arg::Shown(outcome),
            translated = t.translated,
            segments = t.segments,
            percent = &percent,
            min = verdict
                .min_translated
                .map_or_else(|| "none".to_string(), |min| min.to_string()),
            covered = t.covered,
            fallback = &chain,
            missing = t.missing,
            outdated = t.outdated
        );
        let _ = writeln!(out, "{}", ui.text(&total));
        for failure in &verdict.failed {
            let _ = writeln!(out, "  {}", ui.text(&failure.message(&language.lang, t)));
        }
    }
    out
}

/// A fallback chain as shown: `pt, es`; `none` (which the messages select
/// on) for none.
fn chain_text(chain: &[Lang]) -> String {
    if chain.is_empty() {
        return "none".to_string();
    }
    let tags: Vec<&str> = chain.iter().map(Lang::as_str).collect();
    tags.join(", ")
}

/// `catalog:line`, escaped for the terminal.
pub(super) fn location(catalog: &str, line: Option<usize>) -> String {
    let catalog = escape(catalog);
    match line {
        Some(line) => format!("{catalog}:{line}"),
        None => catalog.into_owned(),
    }
}

/// The first `n` words of a text, with `…` when there is more.
fn first_words(text: &str, n: usize) -> String {
    let mut words = text.split_whitespace();
    let head: Vec<&str> = words.by_ref().take(n).collect();
    let mut out = head.join(" ");
    // A text without spaces (Chinese, Japanese) is cut by characters.
    if out.chars().count() > 80 {
        out = out.chars().take(60).collect();
        out.push('…');
    } else if words.next().is_some() {
        out.push('…');
    }
    out
}

/// An error as the user sees it: the message, where, the line, a caret, and
/// what to do, in the UI language.
pub fn error_text(error: &Error, style: Style, ui: Ui) -> String {
    let mut out = format!(
        "{}: {}\n",
        style.paint("1;31", &ui.text(&msg!("error-label"))),
        ui.text(&error.message())
    );
    if let Some(location) = error.location() {
        let _ = writeln!(
            out,
            "  --> {}:{}:{}",
            path_text(&location.path),
            location.line,
            location.column
        );
        if !location.line_text.is_empty() {
            let number = location.line.to_string();
            let pad = " ".repeat(number.len());
            // The line is data: escaped, and the caret under the escaped
            // text (a tab shows as `\t`, two columns).
            let shown: String = location.line_text.chars().take(200).collect();
            let before: String = shown
                .chars()
                .take(location.column.saturating_sub(1))
                .collect();
            let caret_at = " ".repeat(display_width(&escape(&before)));
            let _ = writeln!(out, "  {pad} |");
            let _ = writeln!(out, "  {number} | {}", escape(&shown));
            let _ = writeln!(out, "  {pad} | {caret_at}{}", style.paint("1;31", "^"));
        }
    }
    if let Some(help) = error.help() {
        let _ = writeln!(
            out,
            "  = {}: {}",
            ui.text(&msg!("help-label")),
            ui.text(&help)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_words_cuts_long_text() {
        assert_eq!(first_words("one two three", 2), "one two…");
        assert_eq!(first_words("one two", 2), "one two");
        assert_eq!(first_words(&"가".repeat(100), 8).chars().count(), 61);
    }
}
