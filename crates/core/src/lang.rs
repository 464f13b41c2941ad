//! Language tags: BCP 47, parsed and canonicalised once at the edge; and
//! the fallback chains between them.
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

use unic_langid::LanguageIdentifier;

use crate::error::Error;
use crate::message::Arg;

/// A canonical BCP 47 language tag (`ko-kr` is held as `ko-KR`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lang(String);

impl Lang {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The tags this one falls back to by default, nearest first: its
    /// variants, then its region, dropped from the end. The script stays
    /// (`zh-Hant-TW` → `zh-Hant`, never `zh`, which would mix scripts).
    pub fn parents(&self) -> Vec<Lang> {
        let Ok(mut id) = self.0.parse::<LanguageIdentifier>() else {
            return Vec::new();
        };
        let mut parents = Vec::new();
        loop {
            let mut variants: Vec<_> = id.variants().copied().collect();
            if variants.pop().is_some() {
                id.set_variants(&variants);
            } else if id.region.take().is_none() {
                return parents;
            }
            parents.push(Lang(id.to_string()));
        }
    }
}

/// What a language's writing puts between two sentences of one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SentenceGap {
    /// White space, as the source article has it (English, Korean, and
    /// Thai, whose one space between sentences is its sentence mark).
    Space,
    /// Nothing: the sentence-final mark (`。`, `！`) is the separator.
    None,
}

/// Languages whose sentences follow each other without a space, by their
/// primary language subtag: Japanese, Chinese (every script and region)
/// and Cantonese.
const WITHOUT_SPACES_BETWEEN_SENTENCES: [&str; 3] = ["ja", "zh", "yue"];

impl Lang {
    /// What goes between two sentences of this language in running text.
    pub fn sentence_gap(&self) -> SentenceGap {
        let primary = self.0.split('-').next().unwrap_or_default();
        if WITHOUT_SPACES_BETWEEN_SENTENCES.contains(&primary) {
            SentenceGap::None
        } else {
            SentenceGap::Space
        }
    }
}

/// Which languages stand in for a segment a language has no current
/// translation of, in order, before the source language (always the last
/// resort): the chain `l10n.toml` gives the language under `fallback`, or
/// else its [`Lang::parents`]. A chain is the whole list: the chains of
/// the languages in it are not followed.
#[derive(Debug, Clone)]
pub struct Fallback {
    source: Lang,
    configured: BTreeMap<Lang, Vec<Lang>>,
}

impl Fallback {
    /// Chains for a workspace whose source language is `source`, with the
    /// `configured` ones replacing the default chains of their languages.
    pub fn new(source: Lang, configured: BTreeMap<Lang, Vec<Lang>>) -> Fallback {
        Fallback { source, configured }
    }

    /// The chain of `lang`, without `lang` itself and without the source
    /// language.
    pub fn chain(&self, lang: &Lang) -> Vec<Lang> {
        let chain = match self.configured.get(lang) {
            Some(chain) => chain.clone(),
            None => lang.parents(),
        };
        let mut seen = BTreeSet::new();
        chain
            .into_iter()
            .filter(|l| l != lang && *l != self.source && seen.insert(l.clone()))
            .collect()
    }

    /// A language that falls back, through the chains of the languages in
    /// its chain, to itself: the languages on the way, first and last the
    /// same. A cycle needs a configured chain, so it starts with one.
    pub fn cycle(&self) -> Option<Vec<Lang>> {
        for start in self.configured.keys() {
            let mut path = vec![start.clone()];
            let mut seen = BTreeSet::new();
            if self.leads_back(start, &mut path, &mut seen) {
                return Some(path);
            }
        }
        None
    }

    /// Whether a chain from the last language of `path` leads to `start`;
    /// `path` then ends with it.
    fn leads_back(&self, start: &Lang, path: &mut Vec<Lang>, seen: &mut BTreeSet<Lang>) -> bool {
        let Some(last) = path.last().cloned() else {
            return false;
        };
        for next in self.chain(&last) {
            path.push(next.clone());
            if next == *start || (seen.insert(next) && self.leads_back(start, path, seen)) {
                return true;
            }
            path.pop();
        }
        false
    }
}

impl FromStr for Lang {
    type Err = Error;

    fn from_str(tag: &str) -> Result<Lang, Error> {
        let bad = || Error::BadLanguage {
            tag: tag.to_string(),
        };
        // unic-langid accepts `_` as a separator and the empty tag as `und`;
        // neither names a language a catalog can be for.
        if tag.is_empty() || tag.contains('_') {
            return Err(bad());
        }
        let id: LanguageIdentifier = tag.parse().map_err(|_| bad())?;
        if id.language.is_empty() {
            return Err(bad());
        }
        Ok(Lang(id.to_string()))
    }
}

impl serde::Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Lang, D::Error> {
        let tag = String::deserialize(deserializer)?;
        tag.parse().map_err(serde::de::Error::custom)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A language tag in a message is its canonical text.
impl From<&Lang> for Arg {
    fn from(lang: &Lang) -> Arg {
        Arg::Text(lang.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonicalises_case() {
        assert_eq!("ko-kr".parse::<Lang>().unwrap().as_str(), "ko-KR");
        assert_eq!("zh-hant-tw".parse::<Lang>().unwrap().as_str(), "zh-Hant-TW");
        assert_eq!("EN".parse::<Lang>().unwrap().as_str(), "en");
    }

    fn chain(fallback: &Fallback, tag: &str) -> Vec<String> {
        let chain = fallback.chain(&tag.parse().unwrap());
        chain.iter().map(|l| l.to_string()).collect()
    }

    fn fallback(configured: &[(&str, &[&str])]) -> Fallback {
        let configured = configured
            .iter()
            .map(|(lang, chain)| {
                let chain = chain.iter().map(|t| t.parse().unwrap()).collect();
                (lang.parse().unwrap(), chain)
            })
            .collect();
        Fallback::new("en".parse().unwrap(), configured)
    }

    #[test]
    fn default_chains_keep_the_script() {
        let defaults = fallback(&[]);
        assert_eq!(chain(&defaults, "pt-BR"), ["pt"]);
        assert_eq!(chain(&defaults, "zh-Hant-TW"), ["zh-Hant"]);
        assert_eq!(chain(&defaults, "sr-Latn-RS"), ["sr-Latn"]);
        assert_eq!(chain(&defaults, "es-MX"), ["es"]);
        assert_eq!(chain(&defaults, "de-CH-1996"), ["de-CH", "de"]);
        assert!(chain(&defaults, "zh-Hant").is_empty());
        assert!(chain(&defaults, "ko").is_empty());
        // The source language is the end of every chain, never in it.
        assert!(chain(&defaults, "en-GB").is_empty());
    }

    #[test]
    fn configured_chains_replace_the_default() {
        let configured = fallback(&[("es-MX", &["es-419", "es"]), ("pt-BR", &[])]);
        assert_eq!(chain(&configured, "es-MX"), ["es-419", "es"]);
        assert!(chain(&configured, "pt-BR").is_empty());
        assert_eq!(chain(&configured, "es-419"), ["es"]);
        assert_eq!(configured.cycle(), None);
    }

    #[test]
    fn cycles_are_found_through_default_chains() {
        let cycle = fallback(&[("pt", &["pt-BR"])]).cycle().unwrap();
        let cycle: Vec<String> = cycle.iter().map(|l| l.to_string()).collect();
        assert_eq!(cycle, ["pt", "pt-BR", "pt"]);
        assert!(
            fallback(&[
                ("fr-CA", &["fr-BE"]),
                ("fr-BE", &["fr-CH"]),
                ("fr-CH", &["fr-CA"])
            ])
            .cycle()
            .is_some()
        );
    }

    #[test]
    fn japanese_and_chinese_sentences_have_no_gap() {
        let gap = |tag: &str| tag.parse::<Lang>().unwrap().sentence_gap();
        for tag in [
            "ja",
            "ja-JP",
            "zh",
            "zh-Hans",
            "zh-Hant",
            "zh-Hant-TW",
            "yue",
            "yue-HK",
        ] {
            assert_eq!(gap(tag), SentenceGap::None, "{tag}");
        }
        for tag in ["en", "ko", "th", "fr", "jv", "za"] {
            assert_eq!(gap(tag), SentenceGap::Space, "{tag}");
        }
    }

    #[test]
    fn rejects_garbage() {
        for tag in ["", "und", "k", "ko_KR", "12", "ko-"] {
            assert!(tag.parse::<Lang>().is_err(), "{tag} was accepted");
        }
    }
}
