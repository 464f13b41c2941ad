//! The check policy: what makes `l10n check` fail a language. The
//! `[check]` table of `l10n.toml` is read and validated here (every error
//! at its line, exit 2); `settings` lays the flags over it, and the report
//! judges with the result (`report::verdict`).
use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::error::{Error, Location, Result};
use crate::lang::Lang;
use crate::msg;
use crate::qa::Severity;

/// Where a rule comes from, as the verdict names it (`from` in JSON).
pub const FROM_CHECK_TABLE: &str = "l10n.toml [check]";
pub const FROM_ARTICLE_RULE: &str = "l10n.toml [[check.articles]]";
pub const FROM_TOP_LEVEL: &str = "l10n.toml min-translated";
pub const FROM_FLAG: &str = "--min-translated";
pub const FROM_STRICT: &str = "--strict";
pub const FROM_DEFAULT: &str = "default";

/// `[check]` in l10n.toml, as written by a person.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawCheck {
    min_translated: Option<Spanned<toml::Value>>,
    max_outdated: Option<Spanned<toml::Value>>,
    fail_on: Option<Vec<Severity>>,
    #[serde(default)]
    articles: Vec<RawArticleRule>,
}

/// One `[[check.articles]]` rule, as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawArticleRule {
    glob: Spanned<String>,
    min_translated: Option<Spanned<toml::Value>>,
    max_outdated: Option<Spanned<toml::Value>>,
}

/// A limit for every language, or per language with an optional `"*"`
/// for the languages not named.
#[derive(Debug, Clone, PartialEq)]
pub enum PerLanguage<T> {
    All(T),
    Languages {
        named: BTreeMap<Lang, T>,
        others: Option<T>,
    },
}

impl<T: Copy> PerLanguage<T> {
    /// The limit for `lang`, if it has one.
    pub fn get(&self, lang: &Lang) -> Option<T> {
        match self {
            PerLanguage::All(value) => Some(*value),
            PerLanguage::Languages { named, others } => named.get(lang).copied().or(*others),
        }
    }
}

/// Limits for the articles whose ids match a glob.
#[derive(Debug, Clone)]
pub struct ArticleRule {
    pub glob: String,
    matcher: globset::GlobMatcher,
    pub min_translated: Option<PerLanguage<f64>>,
    pub max_outdated: Option<PerLanguage<usize>>,
}

impl ArticleRule {
    /// Whether the rule is about the article `id` (its path under the
    /// articles folder without the extension).
    pub fn matches(&self, id: &str) -> bool {
        self.matcher.is_match(id)
    }

    /// Whether the rule sets a limit for `lang`.
    pub fn names(&self, lang: &Lang) -> bool {
        self.min_translated
            .as_ref()
            .and_then(|m| m.get(lang))
            .is_some()
            || self
                .max_outdated
                .as_ref()
                .and_then(|m| m.get(lang))
                .is_some()
    }
}

/// `[check]` validated: the rules as the file sets them.
#[derive(Debug, Clone, Default)]
pub struct CheckConfig {
    pub min_translated: Option<PerLanguage<f64>>,
    pub max_outdated: Option<PerLanguage<usize>>,
    pub articles: Vec<ArticleRule>,
    /// `fail-on`; `None` when the file does not say (errors fail).
    pub fail_on: Option<Vec<Severity>>,
}

/// The policy a `check` run judges with: the file's rules with the flags
/// laid over them, each with where it came from.
#[derive(Debug, Clone)]
pub struct Policy {
    pub min_translated: Option<(PerLanguage<f64>, &'static str)>,
    pub max_outdated: Option<PerLanguage<usize>>,
    pub articles: Vec<ArticleRule>,
    pub fail_on: Vec<Severity>,
    pub fail_on_from: &'static str,
}

impl Default for Policy {
    /// No rule: any missing or outdated segment, or quality error, fails.
    fn default() -> Policy {
        Policy {
            min_translated: None,
            max_outdated: None,
            articles: Vec::new(),
            fail_on: vec![Severity::Error],
            fail_on_from: FROM_DEFAULT,
        }
    }
}

impl Policy {
    /// The policy of a run: `--min-translated` (`flag_min`) wins over every
    /// `min-translated` of the file, article rules' included; then
    /// `[check] min-translated`, then the top-level `min-translated`
    /// (`top_level`). `--strict` makes warnings fail too.
    pub fn resolve(
        config: &CheckConfig,
        top_level: Option<f64>,
        flag_min: Option<f64>,
        strict: bool,
    ) -> Policy {
        let min_translated = match (flag_min, &config.min_translated, top_level) {
            (Some(min), _, _) => Some((PerLanguage::All(min), FROM_FLAG)),
            (None, Some(file), _) => Some((file.clone(), FROM_CHECK_TABLE)),
            (None, None, Some(min)) => Some((PerLanguage::All(min), FROM_TOP_LEVEL)),
            (None, None, None) => None,
        };
        let mut articles = config.articles.clone();
        if flag_min.is_some() {
            for rule in &mut articles {
                rule.min_translated = None;
            }
            articles.retain(|rule| rule.max_outdated.is_some());
        }
        let (fail_on, fail_on_from) = match (&config.fail_on, strict) {
            (_, true) => (vec![Severity::Error, Severity::Warning], FROM_STRICT),
            (Some(severities), false) => (severities.clone(), FROM_CHECK_TABLE),
            (None, false) => (vec![Severity::Error], FROM_DEFAULT),
        };
        Policy {
            min_translated,
            max_outdated: config.max_outdated.clone(),
            articles,
            fail_on,
            fail_on_from,
        }
    }

    /// The language-wide `min-translated` of `lang`.
    pub fn min_translated(&self, lang: &Lang) -> Option<f64> {
        self.min_translated.as_ref().and_then(|(m, _)| m.get(lang))
    }

    /// Whether a language-wide rule about translated or outdated segments
    /// applies to `lang`.
    pub fn has_language_rules(&self, lang: &Lang) -> bool {
        self.min_translated(lang).is_some()
            || self
                .max_outdated
                .as_ref()
                .and_then(|m| m.get(lang))
                .is_some()
    }

    /// Whether any rule about translated or outdated segments applies to
    /// `lang` among `articles` (ids); without one, any missing or outdated
    /// segment fails it. An article rule counts only where its glob finds
    /// an article: one that finds none must not switch the default off.
    pub fn has_rules_for<'a>(
        &self,
        lang: &Lang,
        mut articles: impl Iterator<Item = &'a str>,
    ) -> bool {
        if self.has_language_rules(lang) {
            return true;
        }
        let naming: Vec<&ArticleRule> = self.articles.iter().filter(|r| r.names(lang)).collect();
        !naming.is_empty() && articles.any(|id| naming.iter().any(|r| r.matches(id)))
    }
}

impl CheckConfig {
    /// The language-wide `min-translated` of `lang` in the `[check]` table.
    pub fn min_translated(&self, lang: &Lang) -> Option<f64> {
        self.min_translated.as_ref().and_then(|m| m.get(lang))
    }
}

/// Validates `[check]` of the file `path` whose text is `text`;
/// `names_a_file` says whether a glob ends with an article file's
/// extension (which ids do not have).
pub fn parse(
    path: &Path,
    text: &str,
    source: &Lang,
    raw: RawCheck,
    names_a_file: impl Fn(&str) -> bool,
) -> Result<CheckConfig> {
    let file = File { path, text, source };
    let min_translated = match &raw.min_translated {
        Some(value) => Some(file.percents(value)?),
        None => None,
    };
    let max_outdated = match &raw.max_outdated {
        Some(value) => Some(file.counts(value)?),
        None => None,
    };
    let mut articles = Vec::with_capacity(raw.articles.len());
    for rule in &raw.articles {
        let glob = rule.glob.get_ref();
        // Ids have no extension: `news/*.md` (or an empty glob) would match
        // no article, and a rule that names a language silences the
        // default "every segment" rule for it, so such a typo would let
        // every article of the language pass.
        if glob.is_empty() || names_a_file(glob) {
            return Err(file.error(
                rule.glob.span().start,
                msg!("error-check-glob-matches-no-id", glob = glob),
                msg!("help-check-glob"),
            ));
        }
        let matcher = globset::GlobBuilder::new(glob)
            .literal_separator(true)
            .build()
            .map_err(|e| {
                file.error(
                    rule.glob.span().start,
                    msg!(
                        "error-check-glob",
                        glob = glob,
                        reason = e.kind().to_string()
                    ),
                    msg!("help-check-glob"),
                )
            })?
            .compile_matcher();
        if rule.min_translated.is_none() && rule.max_outdated.is_none() {
            return Err(file.error(
                rule.glob.span().start,
                msg!("error-check-rule-empty", glob = glob),
                msg!("help-check-rule-empty"),
            ));
        }
        articles.push(ArticleRule {
            glob: glob.clone(),
            matcher,
            min_translated: match &rule.min_translated {
                Some(value) => Some(file.percents(value)?),
                None => None,
            },
            max_outdated: match &rule.max_outdated {
                Some(value) => Some(file.counts(value)?),
                None => None,
            },
        });
    }
    Ok(CheckConfig {
        min_translated,
        max_outdated,
        articles,
        fail_on: raw.fail_on,
    })
}

/// The configuration file being read, for locating errors.
struct File<'a> {
    path: &'a Path,
    text: &'a str,
    source: &'a Lang,
}

impl File<'_> {
    fn error(&self, offset: usize, message: crate::ui::Message, help: crate::ui::Message) -> Error {
        Error::invalid(Location::at(self.path, self.text, offset), message, help)
    }

    /// A `min-translated`: a percentage, or percentages by language.
    fn percents(&self, value: &Spanned<toml::Value>) -> Result<PerLanguage<f64>> {
        self.per_language(value, "min-translated", |number, offset| {
            let percent = match number {
                toml::Value::Integer(n) => *n as f64,
                toml::Value::Float(x) => *x,
                _ => return Err(self.not_a_limit(offset, "min-translated")),
            };
            if (0.0..=100.0).contains(&percent) {
                Ok(percent)
            } else {
                Err(self.error(
                    offset,
                    msg!("error-config-percent", value = percent.to_string()),
                    msg!("help-config-percent"),
                ))
            }
        })
    }

    /// A `max-outdated`: a number of segments, or numbers by language.
    fn counts(&self, value: &Spanned<toml::Value>) -> Result<PerLanguage<usize>> {
        self.per_language(value, "max-outdated", |number, offset| match number {
            toml::Value::Integer(n) => usize::try_from(*n).map_err(|_| {
                self.error(
                    offset,
                    msg!("error-check-count", value = n.to_string()),
                    msg!("help-check-count"),
                )
            }),
            toml::Value::Float(x) => Err(self.error(
                offset,
                msg!("error-check-count", value = x.to_string()),
                msg!("help-check-count"),
            )),
            _ => Err(self.not_a_limit(offset, "max-outdated")),
        })
    }

    fn not_a_limit(&self, offset: usize, key: &str) -> Error {
        self.error(
            offset,
            msg!("error-check-not-a-limit", key = key),
            msg!("help-check-not-a-limit", key = key),
        )
    }

    /// A number for every language, or a table of numbers by language tag
    /// (`"*"` for the others), each read by `number` (given where it is).
    fn per_language<T>(
        &self,
        value: &Spanned<toml::Value>,
        key: &str,
        number: impl Fn(&toml::Value, usize) -> Result<T>,
    ) -> Result<PerLanguage<T>> {
        let start = value.span().start;
        let toml::Value::Table(table) = value.get_ref() else {
            return Ok(PerLanguage::All(number(value.get_ref(), start)?));
        };
        // The table's own spans are lost in a `Value`: each key is found
        // in the table's text, which is enough to point at its line.
        let within = &self.text[value.span()];
        let at = |name: &str| start + key_offset(within, name).unwrap_or(0);
        let mut named = BTreeMap::new();
        let mut others = None;
        for (tag, limit) in table {
            let offset = at(tag);
            let limit = number(limit, offset)?;
            if tag == "*" {
                others = Some(limit);
                continue;
            }
            let lang: Lang = tag.parse().map_err(|err: l10n_core::Error| {
                self.error(
                    offset,
                    err.message(),
                    err.help().unwrap_or_else(|| msg!("help-bad-language")),
                )
            })?;
            if lang == *self.source {
                return Err(self.error(
                    offset,
                    msg!("error-check-source-lang", key = key, lang = &lang),
                    msg!("help-check-source-lang"),
                ));
            }
            if named.insert(lang.clone(), limit).is_some() {
                return Err(self.error(
                    offset,
                    msg!("error-check-lang-twice", key = key, lang = &lang),
                    msg!("help-check-lang-twice"),
                ));
            }
        }
        // `{}` would read as a rule and decide nothing.
        if named.is_empty() && others.is_none() {
            return Err(self.error(
                start,
                msg!("error-check-empty-table", key = key),
                msg!("help-check-empty-table", key = key),
            ));
        }
        Ok(PerLanguage::Languages { named, others })
    }
}

/// Where the key `name` of an inline table is in the table's text
/// `within`: the first occurrence that is a whole key (bare or quoted),
/// not part of a longer one (`ko` in `kor`).
fn key_offset(within: &str, name: &str) -> Option<usize> {
    let key_char = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    within.match_indices(name).map(|(i, _)| i).find(|&i| {
        let before = within[..i].chars().next_back();
        let after = within[i + name.len()..].chars().next();
        !before.is_some_and(key_char) && !after.is_some_and(key_char)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> Result<CheckConfig> {
        #[derive(Deserialize)]
        struct Wrapper {
            check: RawCheck,
        }
        let raw: Wrapper = toml::from_str(text).unwrap();
        parse(
            Path::new("l10n.toml"),
            text,
            &"en".parse().unwrap(),
            raw.check,
            |glob| glob.ends_with(".md"),
        )
    }

    fn lang(tag: &str) -> Lang {
        tag.parse().unwrap()
    }

    #[test]
    fn per_language_limits_with_a_default() {
        let config =
            parse_text("[check]\nmin-translated = { ko = 80, ja = 50.5, \"*\" = 10 }\n").unwrap();
        assert_eq!(config.min_translated(&lang("ko")), Some(80.0));
        assert_eq!(config.min_translated(&lang("ja")), Some(50.5));
        assert_eq!(config.min_translated(&lang("fr")), Some(10.0));
        let config = parse_text("[check]\nmax-outdated = { ko = 3 }\n").unwrap();
        let max = config.max_outdated.unwrap();
        assert_eq!(
            (max.get(&lang("ko")), max.get(&lang("fr"))),
            (Some(3), None)
        );
    }

    #[test]
    fn an_empty_table_of_limits_is_refused() {
        for text in [
            "[check]\nmin-translated = {}\n",
            "[check]\nmax-outdated = {}\n",
        ] {
            assert!(parse_text(text).is_err(), "{text}");
        }
    }

    #[test]
    fn bad_values_are_located() {
        for (text, line, id) in [
            (
                "[check]\n\nmin-translated = 120\n",
                3,
                "error-config-percent",
            ),
            (
                "[check]\nmin-translated = {\n  ko = 80,\n  ja = 101 }\n",
                4,
                "error-config-percent",
            ),
            ("[check]\nmax-outdated = -1\n", 2, "error-check-count"),
            ("[check]\nmax-outdated = 1.5\n", 2, "error-check-count"),
            (
                "[check]\nmin-translated = \"80\"\n",
                2,
                "error-check-not-a-limit",
            ),
            (
                "[check]\nmin-translated = { k_o = 80 }\n",
                2,
                "error-bad-language",
            ),
            (
                "[check]\nmin-translated = { en = 80 }\n",
                2,
                "error-check-source-lang",
            ),
            (
                "[check]\nmin-translated = { ko = 1, ko-kr = 2, \"ko-KR\" = 3 }\n",
                2,
                "error-check-lang-twice",
            ),
            (
                "[check]\n[[check.articles]]\nglob = \"news/[\"\nmin-translated = 1\n",
                3,
                "error-check-glob",
            ),
            (
                "[check]\n[[check.articles]]\nglob = \"news/**\"\n",
                3,
                "error-check-rule-empty",
            ),
            (
                "[check]\n[[check.articles]]\nglob = \"news/*.md\"\nmin-translated = 1\n",
                3,
                "error-check-glob-matches-no-id",
            ),
            (
                "[check]\nmin-translated = {\n  kor = 1,\n  ko = 101 }\n",
                4,
                "error-config-percent",
            ),
        ] {
            let err = parse_text(text).unwrap_err();
            assert_eq!(err.message().id, id, "{text}");
            assert_eq!(err.location().unwrap().line, line, "{text}");
        }
    }

    #[test]
    fn article_globs_match_ids_and_stop_at_slashes() {
        let text = "[check]\n[[check.articles]]\nglob = \"news/*\"\nmin-translated = 95\n";
        let rule = &parse_text(text).unwrap().articles[0];
        assert!(rule.matches("news/a"));
        assert!(!rule.matches("news/2024/a"));
        assert!(!rule.matches("sport/a"));
    }

    #[test]
    fn the_flag_wins_over_every_min_translated_of_the_file() {
        let text = "[check]\nmin-translated = { ko = 80 }\nmax-outdated = 2\n\
                    [[check.articles]]\nglob = \"news/**\"\nmin-translated = 95\n";
        let config = parse_text(text).unwrap();
        let policy = Policy::resolve(&config, Some(70.0), Some(50.0), false);
        assert_eq!(policy.min_translated(&lang("ko")), Some(50.0));
        assert_eq!(policy.min_translated(&lang("ja")), Some(50.0));
        assert!(policy.articles.is_empty());
        let policy = Policy::resolve(&config, Some(70.0), None, true);
        assert_eq!(policy.min_translated(&lang("ko")), Some(80.0));
        assert_eq!(policy.min_translated(&lang("ja")), None);
        assert_eq!(policy.fail_on, [Severity::Error, Severity::Warning]);
        let top = Policy::resolve(&CheckConfig::default(), Some(70.0), None, false);
        assert_eq!(top.min_translated(&lang("ja")), Some(70.0));
        assert!(!Policy::default().has_rules_for(&lang("ko"), ["a"].into_iter()));
    }
}
