//! Exchange files for the tools translators already use: gettext PO,
//! XLIFF 1.2 and 2.0, and TMX, written from an article's catalog
//! ([`Format::write`]) and read back ([`Format::read`]) into what a file
//! says of each segment, which [`reconcile`] applies to a catalog.
//!
//! One [`Document`] per article goes out; a file coming back may hold
//! several articles' [`Section`]s (a CAT tool may join files). Pure: text
//! in, text or data out.
pub mod inline;
pub mod po;
mod reconcile;
#[cfg(test)]
mod testing;
pub mod tmx;
pub mod xliff12;
pub mod xliff2;
mod xml;

use std::path::Path;

pub use reconcile::{Outcome, Reason, Verdict, reconcile};
// XML escaping, for the other XML the program writes (JUnit reports).
pub use xml::{escape_attribute, escape_text, replace_unwritable};

use crate::error::Result;

/// An exchange format l10n writes and reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// GNU gettext PO.
    Po,
    /// TMX 1.4b, a translation memory.
    Tmx,
    /// XLIFF 1.2 (strict schema).
    Xliff12,
    /// XLIFF 2.0 (core).
    Xliff2,
}

impl Format {
    /// The extension of its files, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Po => "po",
            Format::Tmx => "tmx",
            Format::Xliff12 | Format::Xliff2 => "xlf",
        }
    }

    /// The file of one article.
    pub fn write(self, document: &Document) -> String {
        match self {
            Format::Po => po::write(document),
            Format::Tmx => tmx::write(document),
            Format::Xliff12 => xliff12::write(document),
            Format::Xliff2 => xliff2::write(document),
        }
    }

    /// What a file says, one section per article in it; an error with the
    /// file's line when it is not a well-formed file of the format.
    pub fn read(self, path: &Path, text: &str) -> Result<Vec<Section>> {
        match self {
            Format::Po => po::read(path, text),
            Format::Tmx => tmx::read(path, text),
            Format::Xliff12 => xliff12::read(path, text),
            Format::Xliff2 => xliff2::read(path, text),
        }
    }

    /// The format of a file, by its extension (`.po`, `.pot`, `.xlf`,
    /// `.xliff`, `.tmx`) and, where one extension serves two versions,
    /// by its content.
    pub fn detect(path: &Path, text: &str) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "po" | "pot" => Some(Format::Po),
            "tmx" => Some(Format::Tmx),
            "xlf" | "xliff" => Some(xliff_version(text)),
            _ => None,
        }
    }
}

/// Which XLIFF an `.xlf` file is, by its root element's namespace (or,
/// failing that, its `version`): 2.0, or else 1.2, whose reader then says
/// what is wrong with the file.
fn xliff_version(text: &str) -> Format {
    // The root's start tag: the first `<` not opening a declaration,
    // processing instruction or comment.
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        rest = &rest[at..];
        if rest.starts_with("<?") || rest.starts_with("<!") {
            rest = &rest[1..];
            continue;
        }
        let tag = rest.split('>').next().unwrap_or(rest);
        let two = tag.contains(xliff2::NAMESPACE)
            || (!tag.contains(xliff12::NAMESPACE)
                && (tag.contains("version=\"2") || tag.contains("version='2")));
        return if two { Format::Xliff2 } else { Format::Xliff12 };
    }
    Format::Xliff12
}

/// An exchange file's text: UTF-8 (a byte-order mark dropped), or UTF-16
/// by its byte-order mark, as Trados and other Windows tools write TMX and
/// XLIFF; an error naming the first bad byte otherwise.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String> {
    let from_bytes: fn([u8; 2]) -> u16 = match bytes.get(..2) {
        Some([0xFF, 0xFE]) => u16::from_le_bytes,
        Some([0xFE, 0xFF]) => u16::from_be_bytes,
        _ => return crate::article::decode_owned(path, bytes),
    };
    let units: Vec<u16> = bytes[2..]
        .chunks(2)
        .map(|pair| from_bytes([pair[0], *pair.get(1).unwrap_or(&0)]))
        .collect();
    let bad = |offset: usize, reason: &str| {
        let reason = format!("{reason} at byte {offset}");
        crate::Error::invalid(
            crate::Location::at(path, "", 0),
            crate::msg!(
                "error-bad-exchange-file",
                format = "UTF-16",
                reason = reason
            ),
            crate::msg!("help-bad-exchange-file"),
        )
    };
    if bytes.len() % 2 == 1 {
        return Err(bad(bytes.len() - 1, "an odd number of bytes"));
    }
    let mut text = String::with_capacity(units.len());
    let mut unit = 0;
    for c in char::decode_utf16(units.iter().copied()) {
        match c {
            Ok(c) => {
                text.push(c);
                unit += c.len_utf16();
            }
            Err(_) => return Err(bad(2 + 2 * unit, "a lone surrogate")),
        }
    }
    Ok(text)
}

/// Where a segment's entry stands, as the exchange formats tell it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// A current translation.
    Current,
    /// No translation yet.
    Missing,
    /// A translation of an earlier source, to be reviewed (PO's `fuzzy`,
    /// XLIFF's `needs-review-translation`).
    Outdated,
    /// The segment left the article; the entry is kept for its work.
    Obsolete,
}

/// One article's entries in one language, as they go out.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    /// The article id (`2019/kim-jong-un-china-visit`).
    pub article: &'a str,
    /// The article file from the workspace root, with `/`
    /// (`articles/2019/kim-jong-un-china-visit.md`).
    pub article_path: &'a str,
    pub source_lang: &'a str,
    pub lang: &'a str,
    /// When the file is made, in seconds since the Unix epoch (UTC), for
    /// the formats that record it.
    pub date: u64,
    /// The article's segments in article order, then obsolete entries.
    pub units: Vec<Unit<'a>>,
}

/// One segment's entry, as it goes out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit<'a> {
    /// The segment id.
    pub id: &'a str,
    pub source: &'a str,
    /// Empty when missing.
    pub translation: &'a str,
    /// The source the translation was made from, for an outdated entry.
    pub previous_source: Option<&'a str>,
    pub state: State,
    /// The line of the article where the segment starts (none for an
    /// obsolete entry).
    pub line: Option<usize>,
    /// The index of the article's block (paragraph, heading, item) the
    /// segment belongs to, so formats with paragraphs can group sentences;
    /// none for an obsolete entry.
    pub block: Option<usize>,
    /// The translators' comments on the entry in the catalog, a line each.
    pub comments: &'a [String],
}

/// What a file says of one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Section {
    /// The article id, as the file names it (none if it does not).
    pub article: Option<String>,
    /// The source language tag, as written.
    pub source_lang: Option<String>,
    /// The target language tag, as written.
    pub lang: Option<String>,
    /// The line of the file where the section starts.
    pub line: usize,
    pub units: Vec<Entered>,
}

/// What a file says of one segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entered {
    pub id: String,
    /// The source as the file has it (inline codes restored).
    pub source: String,
    /// Empty when the file holds no translation.
    pub translation: String,
    /// `Outdated` when the file marks the translation for review.
    pub state: State,
    /// The earlier source the file records (PO's `#| msgid`).
    pub previous_source: Option<String>,
    /// The line of the file where the unit starts.
    pub line: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_the_xliff_version_by_the_root() {
        let detect = |name: &str, text: &str| Format::detect(Path::new(name), text);
        let two = "<?xml version=\"1.0\"?>\n<!-- x -->\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\">";
        assert_eq!(detect("a.xlf", two), Some(Format::Xliff2));
        assert_eq!(
            detect("a.XLIFF", "<xliff version='2.1'>"),
            Some(Format::Xliff2)
        );
        let one = "<?xml version=\"1.0\"?><xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">";
        assert_eq!(detect("a.xlf", one), Some(Format::Xliff12));
        assert_eq!(detect("a.xlf", ""), Some(Format::Xliff12));
        assert_eq!(detect("a.po", one), Some(Format::Po));
        assert_eq!(detect("a.txt", one), None);
    }
}
