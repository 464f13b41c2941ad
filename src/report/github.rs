//! `check --format github`: GitHub Actions workflow commands, one
//! annotation per problem (`::error file=…,line=…,title=…::…`), which the
//! runner shows on the pull request's changed lines, then the verdicts as
//! plain lines for the log. Paths are from the workspace root, where CI
//! runs; words are in the UI language, like the text output.
use crate::diff::Marks;
use crate::msg;
use crate::plan::State;
use crate::qa::Severity;
use crate::ui::{Ui, escape};

use super::text::{limited, more_problems, verdict_lines};
use super::{ArticleReport, Report, Style, outdated_text};

/// Every problem of `report` as an annotation (at most `max_issues` of
/// them, then how many more there are), then the verdict of each language.
pub fn github_text(report: &Report, ui: Ui, max_issues: Option<usize>) -> String {
    let (lines, rest) = limited(report, max_issues, ArticleReport::problems, |article| {
        annotations(article, ui)
    });
    let mut out = String::new();
    for line in lines {
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(&more_problems(rest, ui));
    out.push_str(&verdict_lines(report, Style { color: false }, ui));
    out
}

/// The annotations of one article: missing and outdated segments are
/// errors, covered ones notices, quality findings errors or warnings by
/// their severity.
fn annotations(article: &ArticleReport, ui: Ui) -> Vec<String> {
    let mut lines = Vec::new();
    for issue in article.problem_issues() {
        let (level, state) = match (issue.state, &issue.fallback) {
            (State::Missing, _) => ("error", ui.text(&msg!("check-missing"))),
            (State::Covered, Some(lang)) => {
                ("notice", ui.text(&msg!("check-covered", lang = lang)))
            }
            (State::Covered, None) => ("notice", ui.text(&msg!("check-missing"))),
            _ => ("error", outdated_text(issue, ui)),
        };
        let message = match issue.state {
            State::Outdated => issue.source_diff(Marks::Brackets),
            _ => issue.source.clone(),
        };
        let title = match &issue.id {
            Some(id) => format!("{state} {id}"),
            None => state,
        };
        lines.push(annotation(
            level,
            article,
            issue.line,
            issue.article_line,
            &title,
            &message,
        ));
    }
    for qa in &article.qa {
        let level = match qa.finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let title = format!("{} {}", qa.finding.check, qa.id);
        let message = ui.text(&qa.finding.message);
        lines.push(annotation(
            level,
            article,
            qa.line,
            qa.article_line,
            &title,
            &message,
        ));
    }
    lines
}

/// One workflow command. It points at the catalog's entry, with the
/// sentence's place in the article at the end of the message; a segment
/// with no entry yet points at the sentence in the article.
fn annotation(
    level: &str,
    article: &ArticleReport,
    line: Option<usize>,
    article_line: Option<usize>,
    title: &str,
    message: &str,
) -> String {
    let (file, line, message) = match (line, article.sentence_line(article_line)) {
        (None, Some(article_line)) => (
            &article.article_path,
            Some(article_line),
            message.to_string(),
        ),
        (line, Some(article_line)) => (
            &article.catalog,
            line,
            format!("{message} ({}:{article_line})", article.article_path),
        ),
        (line, None) => (&article.catalog, line, message.to_string()),
    };
    let mut properties = format!("file={}", property(file));
    if let Some(line) = line {
        properties.push_str(&format!(",line={line}"));
    }
    properties.push_str(&format!(",title={}", property(title)));
    format!("::{level} {properties}::{}", data(&message))
}

/// A command's message as GitHub reads it: `%`, CR and LF percent-encoded
/// (the runner decodes them), so that a value stays on its line; any other
/// character that could drive a terminal shown escaped, as in text output.
fn data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    escape(&out).into_owned()
}

/// A property's value: as [`data`], and `:` and `,`, which end a value,
/// percent-encoded too.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_encoded_as_github_decodes_them() {
        assert_eq!(data("100% sure\r\nnext"), "100%25 sure%0D%0Anext");
        assert_eq!(property("a:b,c%"), "a%3Ab%2Cc%25");
        // A terminal escape is shown, not passed on.
        assert_eq!(data("\u{1b}[31m"), "\\u{1b}[31m");
    }
}
