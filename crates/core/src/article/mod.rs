//! Articles: from bytes on disk to the translatable segments they hold.
//!
//! Markdown goes through a CommonMark parser; its leaf blocks (headings,
//! paragraphs, list items, definitions, table cells) are the blocks, and
//! code is not translatable. Front matter offers the values of the listed
//! keys, HTML blocks the text of their prose elements; marker lines of
//! alerts and admonitions, attribute lists and template tags are not text.
//! Inline markup stays inside the text of a block, so a link or a code span
//! is never split. Each block is then cut at hard line breaks and handed to
//! the sentence segmenter.
use std::ops::Range;
use std::path::Path;

use serde::Serialize;

use crate::error::{Error, Location, Result};
use crate::msg;
use crate::segment::{self, Rules};

pub mod front_matter;
mod html;
mod markdown;
mod markers;
mod plain;
mod templates;

#[cfg(test)]
mod blocks_tests;

pub use markdown::MARKDOWN_OPTIONS;
use markdown::markdown_blocks;
use plain::plain_blocks;
pub use templates::template_ranges;

/// One translatable unit of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// Index of the block (heading, paragraph, …) it belongs to.
    pub block: usize,
    /// The sentence, with soft line breaks and the white space around them
    /// folded into one space, as a reader sees it.
    pub text: String,
    /// Where it stands in the article's text.
    #[serde(skip)]
    pub span: Range<usize>,
}

/// The UTF-8 byte-order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decodes a text file: UTF-8 (a byte-order mark is dropped), or an error
/// naming the first invalid byte.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<String> {
    decode_owned(path, bytes.to_vec())
}

/// [`decode`], without copying the bytes.
pub fn decode_owned(path: &Path, mut bytes: Vec<u8>) -> Result<String> {
    if bytes.starts_with(BOM) {
        bytes.drain(..3);
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let valid = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
            return Err(Error::InvalidUtf8 {
                location: Location::at(path, valid, offset),
                offset,
            });
        }
    };
    // NUL is valid UTF-8 but no text file has one: this is a binary file.
    if let Some(offset) = memchr::memchr(0, text.as_bytes()) {
        return Err(Error::invalid(
            Location::at(path, &text, offset),
            msg!(
                "error-nul-byte",
                path = path.display().to_string(),
                offset = offset
            ),
            msg!("help-nul-byte"),
        ));
    }
    Ok(text)
}

/// How an article's text is read: as plain text, or as Markdown with the
/// workspace's Markdown settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format<'a> {
    Plain,
    Markdown(&'a MarkdownSettings),
}

impl Format<'static> {
    /// Markdown with the default settings.
    pub fn markdown() -> Format<'static> {
        static DEFAULT: std::sync::OnceLock<MarkdownSettings> = std::sync::OnceLock::new();
        Format::Markdown(DEFAULT.get_or_init(MarkdownSettings::default))
    }
}

impl Format<'_> {
    pub fn is_markdown(&self) -> bool {
        matches!(self, Format::Markdown(_))
    }
}

/// `[markdown]` of l10n.toml: what of a Markdown article besides its prose
/// is translatable, and which template tags are not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkdownSettings {
    /// The front matter keys whose (top-level, string) values are
    /// translatable.
    pub front_matter: Vec<String>,
    /// A house's own template tags, as (opening, closing) delimiters, kept
    /// out of the text besides those of the common site generators.
    pub opaque: Vec<(String, String)>,
}

impl Default for MarkdownSettings {
    fn default() -> MarkdownSettings {
        MarkdownSettings {
            front_matter: ["title", "description", "summary"]
                .map(String::from)
                .to_vec(),
            opaque: Vec::new(),
        }
    }
}

/// The segments of an article's text.
pub fn segments(text: &str, format: Format, rules: &Rules) -> Vec<Segment> {
    let mut segments = Vec::new();
    let protected = protected_ranges(text, format);
    for (block, chunk) in chunks(text, format) {
        let sentences = segment::sentences(&chunk.text, rules);
        for range in join_inside(sentences, |at| {
            is_protected(&protected, chunk.to_source(at))
        }) {
            segments.push(Segment {
                block,
                text: fold_line_breaks(&chunk.text[range.clone()]),
                span: chunk.to_source(range.start)..chunk.to_source(range.end),
            });
        }
    }
    segments
}

/// A candidate sentence boundary in an article, and what the segmenter
/// decided about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Boundary {
    pub block: usize,
    /// Byte offset in the article's text.
    pub offset: usize,
    pub split: bool,
    pub rule: &'static str,
}

/// Every boundary the segmenter considered, taken or not, with its rule.
pub fn boundaries(text: &str, format: Format, rules: &Rules) -> Vec<Boundary> {
    let mut boundaries = Vec::new();
    let protected = protected_ranges(text, format);
    for (block, chunk) in chunks(text, format) {
        for decision in segment::explain(&chunk.text, rules) {
            let offset = chunk.to_source(decision.offset);
            let inside_tag = is_protected(&protected, offset);
            boundaries.push(Boundary {
                block,
                offset,
                split: decision.split && !inside_tag,
                rule: if inside_tag && decision.split {
                    "template-tag"
                } else {
                    decision.rule
                },
            });
        }
    }
    boundaries
}

/// Where a sentence never ends: inside a template tag, and in a front
/// matter title (a key whose name ends in `title`: one segment whatever
/// its punctuation).
fn protected_ranges(text: &str, format: Format) -> Vec<Range<usize>> {
    let Format::Markdown(settings) = format else {
        return Vec::new();
    };
    let mut ranges = template_ranges(text, settings);
    if let Some((body, toml)) = front_matter::block(text) {
        ranges.extend(
            front_matter::scalars(text, body, toml)
                .into_iter()
                .filter(|s| s.key.to_ascii_lowercase().ends_with("title"))
                .map(|s| s.content()),
        );
        ranges.sort_by_key(|r| (r.start, r.end));
    }
    ranges
}

/// Whether `offset` is strictly inside one of `ranges` (sorted).
fn is_protected(ranges: &[Range<usize>], offset: usize) -> bool {
    let i = ranges.partition_point(|r| r.end <= offset);
    ranges.get(i).is_some_and(|r| r.start < offset)
}

/// Sentences joined again where the boundary between two lies in a
/// protected place.
fn join_inside(
    sentences: Vec<Range<usize>>,
    protected: impl Fn(usize) -> bool,
) -> Vec<Range<usize>> {
    let mut joined: Vec<Range<usize>> = Vec::with_capacity(sentences.len());
    for range in sentences {
        match joined.last_mut() {
            Some(last) if protected(range.start) || protected(last.end) => last.end = range.end,
            _ => joined.push(range),
        }
    }
    joined
}

/// The runs of text between hard breaks, with the index of their block.
fn chunks<'t>(text: &'t str, format: Format) -> impl Iterator<Item = (usize, ChunkText)> + 't {
    let blocks = match format {
        Format::Markdown(settings) => markdown_blocks(text, settings),
        Format::Plain => plain_blocks(text),
    };
    blocks
        .into_iter()
        .enumerate()
        .flat_map(move |(index, block)| {
            block
                .into_iter()
                .map(move |lines| (index, ChunkText::new(text, &lines)))
        })
}

/// A run of text between hard breaks: the source ranges of its lines, which
/// are joined by soft breaks.
type Chunk = Vec<Range<usize>>;
/// A block: chunks separated by hard line breaks.
type Block = Vec<Chunk>;

/// A chunk's lines joined with '\n' (white space to the segmenter), with
/// where each line came from, so that sentences map back to the source.
struct ChunkText {
    text: String,
    /// (offset in `text`, offset in the source) of each line's start.
    starts: Vec<(usize, usize)>,
}

impl ChunkText {
    fn new(source: &str, lines: &Chunk) -> ChunkText {
        let mut text = String::new();
        let mut starts = Vec::with_capacity(lines.len());
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                text.push('\n');
            }
            starts.push((text.len(), line.start));
            text.push_str(&source[line.clone()]);
        }
        ChunkText { text, starts }
    }

    fn to_source(&self, offset: usize) -> usize {
        let i = self
            .starts
            .partition_point(|&(t, _)| t <= offset)
            .saturating_sub(1);
        let (t, s) = self.starts[i];
        s + (offset - t)
    }
}

/// Folds each line break, with the white space around it, into one space.
fn fold_line_breaks(text: &str) -> String {
    if !text.contains('\n') {
        return text.to_string();
    }
    text.split('\n')
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
