//! Translated articles: the source text with each segment's span replaced by
//! its translation, everything outside the spans byte for byte unchanged.
//!
//! A translation is placed so that the Markdown structure around it holds:
//! - a line break in a translation continues the line with the span's
//!   container prefix (`> `, a list item's indentation), and becomes a space
//!   where a line cannot break (an ATX heading, a table cell);
//! - at the start of a line, a character that would open another block
//!   (`#`, `>`, `-`, `1.`, a code fence, an HTML block, …) is escaped with a
//!   backslash, which renders as the character itself;
//! - in a table cell, `|` is escaped; a trailing `#` run that would close an
//!   ATX heading, and a trailing backslash that would escape what follows,
//!   are escaped too;
//! - a collapsed reference link (`[x][]`), which reaches the catalog as
//!   `[x]`, gets its `[]` back in the translation (`references`);
//! - between two translated sentences of one line, a language written
//!   without spaces between sentences (Japanese, Chinese) gets none;
//! - a translation equal to the source text of its span, or to the
//!   segment's text (its line breaks folded, as catalogs hold it), is the
//!   span as it is: it already fits its place (so building with identity
//!   translations reproduces the article byte for byte).
//!
//! Pure: no I/O. The work is in three rooms: `splice` copies the article
//! and swaps each span for its translation, `placement` finds where a span
//! stands and renders the translation to fit there, and `block_openers`
//! recognises a line start that CommonMark would read as a new block.
use crate::article::Segment;
use crate::lang::SentenceGap;

mod block_openers;
mod front_matter;
mod placement;
mod references;
mod splice;

/// How a segment is rendered in the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fill<'a> {
    /// A current translation.
    Translated(&'a str),
    /// An outdated translation: published, and wrapped in the outdated
    /// marker when one is given.
    Outdated(&'a str),
    /// Missing: the source text stays.
    Source,
}

impl Fill<'_> {
    /// Whether the built article has the source text here: missing, or a
    /// translation that is empty (blank), which counts as missing.
    pub fn keeps_source(&self) -> bool {
        match self {
            Fill::Source => true,
            Fill::Translated(t) | Fill::Outdated(t) => t.trim().is_empty(),
        }
    }
}

/// The marker written around an outdated translation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkOutdated {
    pub before: String,
    pub after: String,
}

impl MarkOutdated {
    /// An HTML comment pair: invisible when rendered, easy to find in the
    /// output.
    pub fn comment() -> MarkOutdated {
        MarkOutdated {
            before: "<!-- l10n:outdated -->".to_string(),
            after: "<!-- /l10n:outdated -->".to_string(),
        }
    }

    /// A `<span class="l10n-outdated">`, which a style sheet can show.
    pub fn span() -> MarkOutdated {
        MarkOutdated {
            before: "<span class=\"l10n-outdated\">".to_string(),
            after: "</span>".to_string(),
        }
    }
}

impl Default for MarkOutdated {
    fn default() -> MarkOutdated {
        MarkOutdated::comment()
    }
}

/// Writes a Markdown article with each segment's span replaced as `fill`
/// says (`fill` gets the segment's index in `segments`).
///
/// `segments` are those of `text` (`article::segments(text, Format::Markdown(…), …)`). An
/// empty (or blank) translation counts as missing and keeps the source. A
/// segment whose span is out of bounds, not on character boundaries or
/// overlapping an earlier one is left as the source. `gap` is what the
/// target language writes between two sentences
/// ([`Lang::sentence_gap`](crate::lang::Lang::sentence_gap)): with
/// [`SentenceGap::None`], the spaces between two sentences of one line that
/// are both replaced by translations are dropped (a sentence left as its
/// source keeps them).
pub fn build_article<'a>(
    text: &str,
    segments: &[Segment],
    fill: impl Fn(usize) -> Fill<'a>,
    mark: Option<&MarkOutdated>,
    gap: SentenceGap,
) -> String {
    splice::build(text, segments, fill, mark, true, gap)
}

/// [`build_article`] for a plain-text article
/// (`article::segments(text, Format::Plain, …)`): translations are placed as they
/// are, with the article's line endings and no Markdown escaping.
pub fn build_plain_article<'a>(
    text: &str,
    segments: &[Segment],
    fill: impl Fn(usize) -> Fill<'a>,
    mark: Option<&MarkOutdated>,
    gap: SentenceGap,
) -> String {
    splice::build(text, segments, fill, mark, false, gap)
}

/// Whether `gap`, between two sentences both replaced by translations, is
/// left out: in a language written without spaces between sentences, white
/// space within one line.
fn drops_gap(sentence_gap: SentenceGap, gap: &str) -> bool {
    sentence_gap == SentenceGap::None
        && !gap.is_empty()
        && gap.bytes().all(|b| b == b' ' || b == b'\t')
}

#[cfg(test)]
mod tests;
