//! The catalog data model: what a catalog file holds; and the catalog's
//! TOML format, text to model and back, as pure functions: [`parse`] (any
//! TOML, validated, spans → line and column; the files in l10n's own shape
//! by the fast path of `lines`) and [`render`] (format-preserving, with
//! `toml_edit`, or line by line). Reading and writing the files on disk is
//! the `l10n` crate's `store`.
mod lines;
mod read;
mod toml_text;
mod write;

#[cfg(test)]
mod tests;

pub use lines::Layout as LineLayout;
pub use read::{parse, parse_document, parse_kept};
/// The double-quoted strings catalogs are written with, which front matter
/// values reuse.
pub(crate) use toml_text::{double_quoted, toml_string};
pub use write::{render, render_kept};

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
    /// The comments attached to each entry in the file it was read from
    /// (above its table, or inside it), one line each without the `#`, in
    /// the order of [`Catalog::entries`]; empty for a catalog made, not
    /// read. The writer carries comments over from the old text, so they
    /// are not content here; but a person wrote them, which makes the entry
    /// worth keeping as much as its own values do ([`Entry::has_own_work`]),
    /// and exports pass them on as translator comments.
    pub comments: Vec<Vec<String>>,
    /// Entries this catalog took over from the file it will be written
    /// over under another id, as `(id in that file, id here)`: the writer
    /// edits the old entry's table, so its comments and style stay with it.
    /// Empty for a catalog read from a file; not compared by `same_content`.
    pub renamed: Vec<(String, String)>,
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
            comments: Vec::new(),
            renamed: Vec::new(),
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

    /// Whether comments are attached to the `index`th entry of
    /// [`Catalog::entries`] in the file it was read from.
    pub fn is_commented(&self, index: usize) -> bool {
        self.comments.get(index).is_some_and(|c| !c.is_empty())
    }
}

/// The comments in a piece of TOML between values (a table's or a key's
/// decor, or lines above a table): the text after each `#`, one space
/// after it dropped. Such a piece holds only blanks, line breaks and
/// comments, so every `#` in it starts one.
pub(crate) fn comment_lines(raw: &str, out: &mut Vec<String>) {
    for line in raw.lines() {
        if let Some((_, comment)) = line.split_once('#') {
            let comment = comment.strip_prefix(' ').unwrap_or(comment);
            out.push(comment.trim_end().to_string());
        }
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

    /// The strings of the array a person set under the key `key` of this
    /// entry (`qa-ignore = ["numbers"]`), read from its raw TOML; none when
    /// the key is absent or not an array, and other items are skipped.
    pub fn strings(&self, key: &str) -> Vec<String> {
        self.extra
            .iter()
            .filter(|(name, _)| name == key)
            .filter_map(|(_, raw)| raw.parse::<toml_edit::Value>().ok())
            .flat_map(|value| match value.as_array() {
                Some(array) => array
                    .iter()
                    .filter_map(|item| item.as_str().map(str::to_string))
                    .collect(),
                None => Vec::new(),
            })
            .collect()
    }

    /// Whether the entry holds a value besides the `id` and `source` that
    /// l10n fills in: a translation (even a blank one started), a
    /// `previous-source` (l10n writes one only beside a translation, so on
    /// an untranslated entry it is a person's draft), or a key of someone's
    /// own.
    pub fn has_own_work(&self) -> bool {
        !self.translation.is_empty()
            || self.previous_source.as_ref().is_some_and(|p| !p.is_empty())
            || !self.extra.is_empty()
    }
}
