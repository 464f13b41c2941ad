//! The catalog data model: what a catalog file holds, independent of how it
//! is read or written (that is `store`'s job).

use crate::lang::Lang;

/// Keys a person added that l10n does not use: kept verbatim, as
/// `(key, raw TOML value)`, so that no one's data is dropped on rewrite.
pub type Extra = Vec<(String, String)>;

/// A template (`lang == source_lang`) or a target-language catalog.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    pub article: String,
    pub source_lang: Lang,
    pub lang: Lang,
    pub extra: Extra,
    /// The entries of the article's segments, in article order.
    pub segments: Vec<Entry>,
    /// Entries whose segments left the article, kept until `--prune`.
    pub obsolete: Vec<Entry>,
    /// The line of each entry's table in the file it was read from, in the
    /// order of [`Catalog::entries`]; empty for a catalog made, not read.
    /// Where things were, not what they are: not compared by `same_content`.
    pub lines: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: String,
    pub source: String,
    /// Empty when not translated yet.
    pub translation: String,
    /// The source text the translation was made from, when the source has
    /// changed since.
    pub previous_source: Option<String>,
    pub extra: Extra,
}

impl Catalog {
    pub fn new(article: &str, source_lang: &Lang, lang: &Lang) -> Catalog {
        Catalog {
            article: article.to_string(),
            source_lang: source_lang.clone(),
            lang: lang.clone(),
            extra: Vec::new(),
            segments: Vec::new(),
            obsolete: Vec::new(),
            lines: Vec::new(),
        }
    }

    pub fn is_template(&self) -> bool {
        self.lang == self.source_lang
    }

    /// Equal in everything a file records, whatever the line numbers.
    pub fn same_content(&self, other: &Catalog) -> bool {
        self.article == other.article
            && self.source_lang == other.source_lang
            && self.lang == other.lang
            && self.extra == other.extra
            && self.segments == other.segments
            && self.obsolete == other.obsolete
    }

    /// Every entry, current and obsolete.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.segments.iter().chain(&self.obsolete)
    }

    /// The line of entry `id`'s table in the file the catalog was read from.
    pub fn line(&self, id: &str) -> Option<usize> {
        let index = self.entries().position(|e| e.id == id)?;
        self.lines.get(index).copied()
    }
}

impl Entry {
    pub fn new(id: &str, source: &str) -> Entry {
        Entry {
            id: id.to_string(),
            source: source.to_string(),
            translation: String::new(),
            previous_source: None,
            extra: Vec::new(),
        }
    }

    pub fn is_translated(&self) -> bool {
        !self.translation.trim().is_empty()
    }
}
