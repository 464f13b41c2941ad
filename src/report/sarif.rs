//! `check --format sarif`: SARIF 2.1.0, the static-analysis log GitHub code
//! scanning and other tools read. One rule per state (missing, outdated,
//! covered) and per quality check of the registry; one result per problem,
//! located at the catalog's entry (or at the sentence in the article when
//! the catalog has no entry yet), with the sentence in the article as a
//! related location. Paths are relative URIs from `%SRCROOT%`, the
//! workspace root. Like JSON, the same whatever the UI language (English).
use serde_json::{Value, json};

use crate::diff::Marks;
use crate::plan::State;
use crate::qa::{Check, Severity};
use crate::ui::Ui;

use super::{ArticleReport, Issue, QaIssue, Report, json_document, reasons_text};

/// The base every location's URI is relative to.
const ROOT: &str = "%SRCROOT%";

/// The rules of the states, before those of the quality checks: id, level,
/// description.
const STATE_RULES: [(&str, &str, &str); 3] = [
    (
        "missing",
        "error",
        "a segment of the article has no translation in the language",
    ),
    (
        "outdated",
        "error",
        "the source of a translated segment changed since it was translated",
    ),
    (
        "covered",
        "note",
        "a segment has no translation in the language; a language of its fallback chain has one",
    ),
];

/// The report as one SARIF 2.1.0 log.
pub fn sarif_json(report: &Report) -> String {
    let mut rules: Vec<Value> = STATE_RULES
        .iter()
        .map(|(id, level, description)| rule(id, level, description))
        .collect();
    rules.extend(
        Check::all()
            .iter()
            .map(|check| rule(check.id(), level(check.severity()), check.description())),
    );
    let mut results = Vec::new();
    for language in &report.languages {
        for article in &language.articles {
            let lang = language.lang.as_str();
            for issue in article.problem_issues() {
                results.push(issue_result(lang, article, issue));
            }
            for qa in &article.qa {
                results.push(qa_result(lang, article, qa));
            }
        }
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "l10n",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "originalUriBaseIds": {ROOT: {
                "description": {"text": "The root of the l10n workspace (where l10n.toml is)."},
            }},
            "results": results,
        }],
    });
    json_document(&log)
}

fn rule(id: &str, level: &str, description: &str) -> Value {
    json!({
        "id": id,
        "shortDescription": {"text": description},
        "defaultConfiguration": {"level": level},
    })
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// The index of a rule in the driver's list.
fn rule_index(id: &str) -> usize {
    let states = STATE_RULES.iter().map(|(id, _, _)| *id);
    let checks = Check::all().iter().map(|c| c.id());
    states.chain(checks).position(|r| r == id).unwrap_or(0)
}

fn issue_result(lang: &str, article: &ArticleReport, issue: &Issue) -> Value {
    let (rule, level, text) = match (issue.state, &issue.fallback) {
        (State::Outdated, _) => {
            let diff = issue.source_diff(Marks::Brackets);
            let text = format!(
                "The source changed since it was translated into {lang} ({}): {diff}",
                reasons_text(&issue.reasons)
            );
            ("outdated", "error", text)
        }
        (State::Covered, fallback) => {
            let by = fallback.as_ref().map_or("", |l| l.as_str());
            let text = format!(
                "Not translated into {lang}, covered by {by}: {}",
                issue.source
            );
            ("covered", "note", text)
        }
        _ => {
            let text = format!("Not translated into {lang}: {}", issue.source);
            ("missing", "error", text)
        }
    };
    let mut result = result(rule, level, text, article, issue.line, issue.article_line);
    result["properties"] = json!({
        "lang": lang,
        "article": article.article,
        "segment": issue.id,
    });
    if !issue.reasons.is_empty() {
        result["properties"]["reasons"] = json!(issue.reasons);
    }
    result
}

fn qa_result(lang: &str, article: &ArticleReport, qa: &QaIssue) -> Value {
    let check = qa.finding.check.id();
    let text = format!(
        "{} ({lang}, segment {}): {}",
        check,
        qa.id,
        Ui::ENGLISH.text(&qa.finding.message)
    );
    let level = level(qa.finding.severity);
    let mut result = result(check, level, text, article, qa.line, qa.article_line);
    result["properties"] = json!({
        "lang": lang,
        "article": article.article,
        "segment": qa.id,
    });
    result
}

/// A result at the catalog's entry, with the sentence in the article as a
/// related location; at the sentence when the catalog has no entry.
fn result(
    rule: &str,
    level: &str,
    text: String,
    article: &ArticleReport,
    line: Option<usize>,
    article_line: Option<usize>,
) -> Value {
    let in_article = article
        .sentence_line(article_line)
        .map(|line| location(&article.article_path, Some(line)));
    let mut result = json!({
        "ruleId": rule,
        "ruleIndex": rule_index(rule),
        "level": level,
        "message": {"text": text},
    });
    match (line, in_article) {
        (None, Some(sentence)) => result["locations"] = json!([sentence]),
        (line, sentence) => {
            result["locations"] = json!([location(&article.catalog, line)]);
            if let Some(mut sentence) = sentence {
                sentence["id"] = json!(1);
                sentence["message"] = json!({"text": "the sentence in the article"});
                result["relatedLocations"] = json!([sentence]);
            }
        }
    }
    result
}

/// A location in a file of the workspace, at a line when there is one.
fn location(path: &str, line: Option<usize>) -> Value {
    let mut physical = json!({
        "artifactLocation": {"uri": uri(path), "uriBaseId": ROOT},
    });
    if let Some(line) = line {
        physical["region"] = json!({"startLine": line});
    }
    json!({"physicalLocation": physical})
}

/// A relative path as a URI reference: `/` and RFC 3986's unreserved
/// characters as they are, every other byte percent-encoded (a space, `#`,
/// `%`, a Korean file name).
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("locales/ko/a b#1.toml"), "locales/ko/a%20b%231.toml");
        assert_eq!(uri("articles/가.md"), "articles/%EA%B0%80.md");
    }

    #[test]
    fn no_quality_check_has_the_id_of_a_state() {
        for check in Check::all() {
            assert!(STATE_RULES.iter().all(|(id, _, _)| *id != check.id()));
            assert_eq!(rule_index(check.id()), STATE_RULES.len() + *check as usize);
        }
    }
}
