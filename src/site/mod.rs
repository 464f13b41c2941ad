//! The page of `l10n report`: the status report (and, from git, each
//! language's progress over time) rendered as one self-contained HTML
//! file. Pure: data in, text out.
//!
//! The page asks for nothing from anywhere (its style and its one script
//! are inline, and its Content-Security-Policy forbids every load), reads
//! the same with JavaScript off (the tables come sorted by what remains;
//! the script only adds sorting by other columns), and fits a phone. Every
//! word is a message in the UI language; every value from outside (article
//! ids, paths, sentences) is escaped for HTML, and control characters show
//! as `\u{…}` as they do on a terminal.
use std::fmt::Write as _;

use crate::diff::{Change, word_changes};
use crate::history::{Commit, Missing};
use crate::lang::Lang;
use crate::msg;
use crate::plan::{State, count_words};
use crate::report::{ArticleReport, Counts, LanguageReport, Report, percent, reasons_text};
use crate::ui::{Message, Ui};

mod chart;

const STYLE: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("sort.js");

/// What the page shows besides the report.
pub struct Extras<'a> {
    /// The commits that touched the locales folder, oldest first, or why
    /// there are none.
    pub history: &'a Result<Vec<Commit>, Missing>,
    /// The locales folder as the user names it (`locales/`).
    pub locales: &'a str,
}

/// The page of `report` (`index.html`).
pub fn page(report: &Report, extras: &Extras, ui: Ui) -> String {
    let mut out = String::with_capacity(4096 + report.languages.len() * 2048);
    let title = text(ui, &msg!("report-title"));
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n\
         <meta name=\"generator\" content=\"l10n {}\">\n<title>{title}</title>\n\
         <style>\n{STYLE}</style>\n</head>\n<body>\n<header>\n<h1>{title}</h1>\n",
        ui.lang.tag(),
        env!("CARGO_PKG_VERSION"),
    );
    let articles = report.languages.first().map_or(0, |l| l.articles.len());
    let languages: Vec<&str> = report.languages.iter().map(|l| l.lang.as_str()).collect();
    let intro = msg!(
        "report-intro",
        articles = articles,
        source = &report.source_lang,
        languages = languages.join(", ")
    );
    let _ = writeln!(out, "<p>{}</p>", text(ui, &intro));
    if report.languages.len() > 1 {
        let _ = write!(
            out,
            "<nav aria-label=\"{}\"><ul>",
            text(ui, &msg!("report-nav"))
        );
        for language in &report.languages {
            let tag = language.lang.as_str();
            let _ = write!(out, "<li><a href=\"#lang-{tag}\">{tag}</a></li>");
        }
        out.push_str("</ul></nav>\n");
    }
    out.push_str("</header>\n<main>\n");
    for (index, language) in report.languages.iter().enumerate() {
        language_section(&mut out, report, language, index, extras, ui);
    }
    let _ = write!(
        out,
        "</main>\n<footer><p>{}</p></footer>\n<script>\n{SCRIPT}</script>\n</body>\n</html>\n",
        text(ui, &msg!("report-footer"))
    );
    out
}

/// Segments and source words of one state in a language.
#[derive(Debug, Default, Clone, Copy)]
struct Share {
    segments: usize,
    words: usize,
}

/// The states the bar shows, in its order, with their CSS class.
const STATES: [(State, &str); 4] = [
    (State::Translated, "translated"),
    (State::Outdated, "outdated"),
    (State::Covered, "covered"),
    (State::Missing, "missing"),
];

/// Each state's segments and words in a language: the words of the
/// untranslated states counted from their issues' sources, as the plan
/// counts them.
fn shares(language: &LanguageReport) -> [Share; 4] {
    let totals = &language.totals;
    let mut shares = [Share::default(); 4];
    shares[0] = Share {
        segments: totals.translated,
        words: totals.words_translated,
    };
    shares[1].segments = totals.outdated;
    shares[2].segments = totals.covered;
    shares[3].segments = totals.missing;
    for issue in language.articles.iter().flat_map(|a| &a.issues) {
        if let Some(i) = STATES.iter().position(|(state, _)| *state == issue.state) {
            shares[i].words += count_words(&issue.source);
        }
    }
    shares
}

fn language_section(
    out: &mut String,
    report: &Report,
    language: &LanguageReport,
    index: usize,
    extras: &Extras,
    ui: Ui,
) {
    let t = &language.totals;
    let tag = language.lang.as_str();
    let _ = writeln!(
        out,
        "<section class=\"language\" id=\"lang-{tag}\" aria-labelledby=\"h-{tag}\" \
         data-lang=\"{tag}\" data-segments=\"{}\" data-translated=\"{}\" data-outdated=\"{}\" \
         data-covered=\"{}\" data-missing=\"{}\" data-obsolete=\"{}\" data-words=\"{}\" \
         data-words-translated=\"{}\">\n<h2 id=\"h-{tag}\">{tag}</h2>",
        t.segments,
        t.translated,
        t.outdated,
        t.covered,
        t.missing,
        t.obsolete,
        t.words,
        t.words_translated
    );
    let summary = text(
        ui,
        &msg!(
            "report-summary",
            translated = t.translated,
            segments = t.segments,
            percent = percent_text(t.translated, t.segments),
            words_translated = t.words_translated,
            words = t.words
        ),
    );
    let _ = writeln!(out, "<p class=\"summary\">{summary}</p>");
    let shares = shares(language);
    bar(out, &shares, t, &summary, ui);
    legend(out, &shares, t, ui);
    if !language.fallback.is_empty() {
        let chain: Vec<&str> = language.fallback.iter().map(Lang::as_str).collect();
        let line = msg!("report-fallback", chain = chain.join(" → "));
        let _ = writeln!(out, "<p>{}</p>", text(ui, &line));
    }
    if !language.orphans.is_empty() {
        let _ = write!(out, "<p>{}</p><ul>", text(ui, &msg!("report-orphans")));
        for orphan in &language.orphans {
            let _ = write!(out, "<li><code>{}</code></li>", escape(orphan));
        }
        out.push_str("</ul>\n");
    }
    let _ = writeln!(out, "<h3>{}</h3>", text(ui, &msg!("report-progress")));
    match extras.history {
        Ok(commits) => chart::chart(out, commits, index, &language.lang, extras.locales, ui),
        Err(why) => {
            let why = match why {
                Missing::NoGit => msg!("report-history-no-git"),
                Missing::NotRepository => msg!("report-history-not-repository"),
                Missing::NoCommits => msg!("report-history-no-commits", locales = extras.locales),
                Missing::Failed(reason) => msg!("report-history-failed", reason = reason),
            };
            let _ = writeln!(out, "<p class=\"no-history\">{}</p>", text(ui, &why));
        }
    }
    articles_table(out, language, index, ui);
    outdated_diffs(out, report, language, index, ui);
    out.push_str("</section>\n");
}

/// The stacked bar: one part per state, as wide as its share of the
/// segments, described in words for those who cannot see it.
fn bar(out: &mut String, shares: &[Share; 4], totals: &Counts, summary: &str, ui: Ui) {
    let _ = write!(
        out,
        "<div class=\"bar\" role=\"img\" aria-label=\"{summary}\">"
    );
    for ((_, class), share) in STATES.iter().zip(shares) {
        if share.segments == 0 {
            continue;
        }
        let width = share.segments as f64 * 100.0 / totals.segments.max(1) as f64;
        let label = text(ui, &state_label(class));
        let _ = write!(
            out,
            "<span class=\"s-{class}\" style=\"width:{width:.3}%\" title=\"{label}: {}\"></span>",
            share.segments
        );
    }
    out.push_str("</div>\n");
}

/// The legend of the bar: each state's pattern, segments, words and share.
fn legend(out: &mut String, shares: &[Share; 4], totals: &Counts, ui: Ui) {
    let _ = write!(
        out,
        "<table class=\"legend\"><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
         <th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
        text(ui, &msg!("report-column-state")),
        text(ui, &msg!("report-column-segments")),
        text(ui, &msg!("report-column-words")),
        text(ui, &msg!("report-column-share")),
    );
    for ((_, class), share) in STATES.iter().zip(shares) {
        let _ = write!(
            out,
            "<tr data-state=\"{class}\"><th scope=\"row\"><span class=\"swatch s-{class}\" \
             aria-hidden=\"true\"></span>{}</th><td class=\"segments\">{}</td>\
             <td class=\"words\">{}</td><td class=\"share\">{} %</td></tr>",
            text(ui, &state_label(class)),
            share.segments,
            share.words,
            percent_text(share.segments, totals.segments)
        );
    }
    out.push_str("</tbody></table>\n");
}

fn state_label(class: &str) -> Message {
    match class {
        "translated" => msg!("report-state-translated"),
        "outdated" => msg!("report-state-outdated"),
        "covered" => msg!("report-state-covered"),
        _ => msg!("report-state-missing"),
    }
}

/// What remains of an article in a language: its segments not translated
/// in the language itself (missing, outdated or covered by a fallback).
fn remaining(counts: &Counts) -> usize {
    counts.segments - counts.translated
}

/// The columns of the table of articles: (key, message, whether text).
fn article_columns() -> [(&'static str, Message, bool); 9] {
    [
        ("article", msg!("report-column-article"), true),
        ("remaining", msg!("report-column-remaining"), false),
        ("words-left", msg!("report-column-words-left"), false),
        ("missing", msg!("report-column-missing"), false),
        ("outdated", msg!("report-column-outdated"), false),
        ("covered", msg!("report-column-covered"), false),
        ("translated", msg!("report-column-translated"), false),
        ("segments", msg!("report-column-segments"), false),
        ("percent", msg!("report-column-percent"), false),
    ]
}

/// The articles of a language, those with the most left to do first.
fn articles_table(out: &mut String, language: &LanguageReport, index: usize, ui: Ui) {
    let _ = writeln!(out, "<h3>{}</h3>", text(ui, &msg!("report-articles")));
    let mut order: Vec<usize> = (0..language.articles.len()).collect();
    let key = |a: &ArticleReport| {
        let c = &a.counts;
        (
            std::cmp::Reverse(remaining(c)),
            std::cmp::Reverse(c.words - c.words_translated),
        )
    };
    order.sort_by(|&a, &b| {
        let (a, b) = (&language.articles[a], &language.articles[b]);
        key(a).cmp(&key(b)).then_with(|| a.article.cmp(&b.article))
    });
    // The note on the order is outside the table, which may scroll
    // sideways on a phone, so that it wraps to the screen.
    let _ = write!(
        out,
        "<p class=\"muted\" id=\"order-{index}\">{}</p><div class=\"scroll\">\
         <table class=\"articles\" data-lang=\"{}\" aria-describedby=\"order-{index}\">\
         <thead><tr>",
        text(ui, &msg!("report-articles-caption")),
        language.lang,
    );
    for (key, label, is_text) in article_columns() {
        let sort = if key == "remaining" {
            " aria-sort=\"descending\""
        } else {
            ""
        };
        let kind = if is_text { "text" } else { "number" };
        let _ = write!(
            out,
            "<th scope=\"col\" data-key=\"{key}\" data-type=\"{kind}\"{sort}>{}</th>",
            text(ui, &label)
        );
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let keys = article_columns().map(|(key, _, _)| key);
    for (position, &i) in order.iter().enumerate() {
        let article = &language.articles[i];
        let c = &article.counts;
        let percent = percent_text(c.translated, c.segments);
        let id = escape(&article.article);
        // The numbers in the order of the columns after the article's:
        // each a data attribute the script sorts by, and a cell.
        let numbers = [
            remaining(c),
            c.words - c.words_translated,
            c.missing,
            c.outdated,
            c.covered,
            c.translated,
            c.segments,
        ];
        let _ = write!(out, "<tr data-order=\"{position}\" data-article=\"{id}\"");
        for (key, number) in keys[1..].iter().zip(numbers) {
            let _ = write!(out, " data-{key}=\"{number}\"");
        }
        let _ = write!(out, " data-percent=\"{percent}\"><th scope=\"row\">");
        if c.outdated > 0 {
            let _ = write!(out, "<a href=\"#d-{index}-{i}\">{id}</a>");
        } else {
            out.push_str(&id);
        }
        out.push_str("</th>");
        for number in numbers {
            let _ = write!(out, "<td>{number}</td>");
        }
        let _ = writeln!(out, "<td>{percent} %</td></tr>");
    }
    out.push_str("</tbody></table></div>\n");
}

/// For each article with outdated segments, how each one's source changed
/// since it was translated.
fn outdated_diffs(
    out: &mut String,
    report: &Report,
    language: &LanguageReport,
    index: usize,
    ui: Ui,
) {
    let _ = writeln!(
        out,
        "<h3>{}</h3>",
        text(ui, &msg!("report-outdated-heading"))
    );
    if language.totals.outdated == 0 {
        let _ = writeln!(out, "<p>{}</p>", text(ui, &msg!("report-outdated-none")));
        return;
    }
    let _ = writeln!(out, "<p>{}</p>", text(ui, &msg!("report-outdated-intro")));
    let source = report.source_lang.as_str();
    out.push_str("<div class=\"diffs\">\n");
    for (i, article) in language.articles.iter().enumerate() {
        let outdated: Vec<_> = article
            .issues
            .iter()
            .filter(|issue| issue.state == State::Outdated)
            .collect();
        if outdated.is_empty() {
            continue;
        }
        let id = escape(&article.article);
        let _ = write!(
            out,
            "<section id=\"d-{index}-{i}\" data-article=\"{id}\"><h4>{id}</h4><ol>"
        );
        for issue in outdated {
            let place = match issue.line {
                Some(line) => format!("{}:{line}", article.catalog),
                None => article.catalog.clone(),
            };
            let reasons = if issue.reasons.is_empty() {
                String::new()
            } else {
                format!(" ({})", reasons_text(&issue.reasons))
            };
            let _ = write!(
                out,
                "<li><p class=\"where\">{} · {}{}</p><p class=\"diff\" lang=\"{source}\">",
                escape(&place),
                escape(issue.id.as_deref().unwrap_or("-")),
                escape(&reasons)
            );
            for (change, words) in word_changes(issue.previous(), &issue.source) {
                let words = escape(&words);
                match change {
                    Change::Kept => out.push_str(&words),
                    Change::Removed => {
                        let _ = write!(out, "<del>{words}</del>");
                    }
                    Change::Added => {
                        let _ = write!(out, "<ins>{words}</ins>");
                    }
                }
            }
            out.push_str("</p></li>");
        }
        out.push_str("</ol></section>\n");
    }
    out.push_str("</div>\n");
}

/// `part` of `whole` in percent with one decimal (100.0 of nothing, as
/// `status` counts it).
fn percent_text(part: usize, whole: usize) -> String {
    format!("{:.1}", percent(part, whole))
}

/// A message in the UI language, escaped for HTML.
fn text(ui: Ui, message: &Message) -> String {
    escape(&ui.text(message))
}

/// `text` for HTML text or a quoted attribute value: `&`, `<`, `>`, `"`
/// and `'` as character references, and what could not be shown in a page
/// (control and bidirectional control characters) as its `\u{…}` escape,
/// as on a terminal.
pub fn escape(text: &str) -> String {
    let text = crate::ui::escape(text);
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_leaves_no_markup_and_no_control() {
        assert_eq!(
            escape("<a href=\"x\">'&'</a>\u{1b}[31m\u{202e}"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;\\u{1b}[31m\\u{202e}"
        );
    }
}
