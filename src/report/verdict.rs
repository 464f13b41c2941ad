//! The verdict of `check`: each language of a report judged by the policy
//! (`policy::Policy`), with the rules it failed, their limits and the values
//! found, in JSON (`failed`) and in words.
use serde::{Deserialize, Serialize};

use super::{Counts, LanguageReport, Report};
use crate::lang::Lang;
use crate::msg;
use crate::policy::{FROM_ARTICLE_RULE, FROM_DEFAULT, Policy};
use crate::qa::Severity;
use crate::ui::Message;

/// Whether a language passes `check`, and if not, why.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Verdict {
    pub passed: bool,
    /// The language-wide `min-translated`, if one applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_translated: Option<f64>,
    /// Every rule the language failed; empty when it passed.
    #[serde(default)]
    pub failed: Vec<Failure>,
}

/// A rule a language (or one of its articles) failed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Failure {
    pub rule: Rule,
    /// The rule's limit: a percentage for `min-translated`, a number of
    /// segments or findings otherwise.
    pub limit: Amount,
    /// What the language (or article) has.
    pub value: Amount,
    /// Where the rule comes from: `l10n.toml [check]`, `--min-translated`…
    pub from: String,
    /// For a rule of `[[check.articles]]`: the article and the glob.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub glob: Option<String>,
    /// For `fail-on`: the severity of the findings that failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// Below a share of segments translated.
    MinTranslated,
    /// More outdated segments than allowed.
    MaxOutdated,
    /// No rule applies, and a segment is missing or outdated.
    Complete,
    /// Quality findings of a severity that fails.
    FailOn,
}

/// A number in a rule: a count, or a percentage.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Amount {
    Count(usize),
    Percent(f64),
}

impl Amount {
    /// As shown to people: a percentage cut (not rounded) to one decimal,
    /// so that 79.96 % is never shown as the 80 % it fails to reach.
    fn shown(self) -> String {
        match self {
            Amount::Count(count) => count.to_string(),
            Amount::Percent(percent) => format!("{:.1}", (percent * 10.0).floor() / 10.0),
        }
    }

    /// A limit as written in l10n.toml or on the command line.
    fn limit(self) -> String {
        match self {
            Amount::Count(count) => count.to_string(),
            Amount::Percent(percent) => percent.to_string(),
        }
    }
}

impl Report {
    /// Passes judgement for `check` with `policy`. A language with no rule
    /// about translated or outdated segments fails on any missing or
    /// outdated one; with rules, the rules decide. Quality findings of a
    /// severity in `fail-on` fail it either way. A covered segment fails
    /// nothing by itself (readers get the fallback language's translation),
    /// but it does not count as translated.
    pub fn judge(&mut self, policy: &Policy) -> bool {
        let mut all = true;
        for language in &mut self.languages {
            let failed = failures(language, policy);
            let passed = failed.is_empty();
            all &= passed;
            language.verdict = Some(Verdict {
                passed,
                min_translated: policy.min_translated(&language.lang),
                failed,
            });
        }
        self.passed = Some(all);
        all
    }
}

/// The rules `language` fails under `policy`, language-wide ones first.
fn failures(language: &LanguageReport, policy: &Policy) -> Vec<Failure> {
    let lang = &language.lang;
    let totals = &language.totals;
    let mut failed = Vec::new();
    let failure = |rule, limit, value, from: &str| Failure {
        rule,
        limit,
        value,
        from: from.to_string(),
        article: None,
        glob: None,
        severity: None,
    };
    let ids = language.articles.iter().map(|a| a.article.as_str());
    if !policy.has_rules_for(lang, ids) {
        let remaining = totals.missing + totals.outdated;
        if remaining > 0 {
            failed.push(failure(
                Rule::Complete,
                Amount::Count(0),
                Amount::Count(remaining),
                FROM_DEFAULT,
            ));
        }
    }
    if let Some((min, from)) = &policy.min_translated
        && let Some(min) = min.get(lang)
        && totals.translated_percent() < min
    {
        failed.push(failure(
            Rule::MinTranslated,
            Amount::Percent(min),
            Amount::Percent(totals.translated_percent()),
            from,
        ));
    }
    if let Some(max) = policy.max_outdated.as_ref().and_then(|m| m.get(lang))
        && totals.outdated > max
    {
        failed.push(failure(
            Rule::MaxOutdated,
            Amount::Count(max),
            Amount::Count(totals.outdated),
            crate::policy::FROM_CHECK_TABLE,
        ));
    }
    for rule in &policy.articles {
        let min = rule.min_translated.as_ref().and_then(|m| m.get(lang));
        let max = rule.max_outdated.as_ref().and_then(|m| m.get(lang));
        for article in language
            .articles
            .iter()
            .filter(|a| rule.matches(&a.article))
        {
            let counts = &article.counts;
            let mut broken = Vec::new();
            if let Some(min) = min
                && counts.translated_percent() < min
            {
                broken.push((
                    Rule::MinTranslated,
                    Amount::Percent(min),
                    Amount::Percent(counts.translated_percent()),
                ));
            }
            if let Some(max) = max
                && counts.outdated > max
            {
                broken.push((
                    Rule::MaxOutdated,
                    Amount::Count(max),
                    Amount::Count(counts.outdated),
                ));
            }
            for (kind, limit, value) in broken {
                failed.push(Failure {
                    article: Some(article.article.clone()),
                    glob: Some(rule.glob.clone()),
                    ..failure(kind, limit, value, FROM_ARTICLE_RULE)
                });
            }
        }
    }
    for &severity in &policy.fail_on {
        let found = language
            .articles
            .iter()
            .flat_map(|a| &a.qa)
            .filter(|q| q.finding.severity == severity)
            .count();
        if found > 0 {
            failed.push(Failure {
                severity: Some(severity),
                ..failure(
                    Rule::FailOn,
                    Amount::Count(0),
                    Amount::Count(found),
                    policy.fail_on_from,
                )
            });
        }
    }
    failed
}

impl Failure {
    /// The failure in words: which rule, its limit, what `lang` has, and
    /// where the rule comes from.
    pub fn message(&self, lang: &Lang, totals: &Counts) -> Message {
        let value = self.value.shown();
        let limit = self.limit.limit();
        let from = self.from.as_str();
        match (self.rule, &self.article, &self.glob) {
            (Rule::Complete, _, _) => msg!(
                "check-rule-complete",
                lang = lang,
                missing = totals.missing,
                outdated = totals.outdated
            ),
            (Rule::FailOn, _, _) => msg!(
                "check-rule-fail-on",
                lang = lang,
                // A number, for the plural.
                value = match self.value {
                    Amount::Count(count) => count,
                    Amount::Percent(_) => 0,
                },
                severity = match self.severity {
                    Some(Severity::Warning) => "warning",
                    _ => "error",
                },
                from = from
            ),
            (Rule::MinTranslated, Some(article), Some(glob)) => msg!(
                "check-rule-article-min-translated",
                lang = lang,
                article = article.as_str(),
                value = value,
                limit = limit,
                from = from,
                glob = glob.as_str()
            ),
            (Rule::MaxOutdated, Some(article), Some(glob)) => msg!(
                "check-rule-article-max-outdated",
                lang = lang,
                article = article.as_str(),
                value = value,
                limit = limit,
                from = from,
                glob = glob.as_str()
            ),
            (Rule::MinTranslated, _, _) => msg!(
                "check-rule-min-translated",
                lang = lang,
                value = value,
                limit = limit,
                from = from
            ),
            (Rule::MaxOutdated, _, _) => msg!(
                "check-rule-max-outdated",
                lang = lang,
                value = value,
                limit = limit,
                from = from
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_percentage_is_cut_not_rounded() {
        assert_eq!(Amount::Percent(79.96).shown(), "79.9");
        assert_eq!(Amount::Percent(80.0).limit(), "80");
        assert_eq!(Amount::Percent(95.5).limit(), "95.5");
    }

    #[test]
    fn amounts_read_back_as_written() {
        let failure: Failure = serde_json::from_str(
            r#"{"rule": "min-translated", "limit": 80.0, "value": 76.5, "from": "x"}"#,
        )
        .unwrap();
        assert_eq!(failure.limit, Amount::Percent(80.0));
        let json = serde_json::to_string(&Amount::Count(3)).unwrap();
        assert_eq!(json, "3");
    }
}
