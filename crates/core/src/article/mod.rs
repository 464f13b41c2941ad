//! Articles: from bytes on disk to the translatable segments they hold.
//!
//! Markdown goes through a CommonMark parser; its leaf blocks (headings,
//! paragraphs, list items, definitions, table cells) are the blocks, and
//! code is not translatable. Front matter offers the values of the listed
//! keys, HTML blocks the text of their prose elements; marker lines of
//! alerts and admonitions, attribute lists and template tags are not text.
//! Inline markup stays inside the text of a block; each block is cut at hard
//! line breaks and handed to the sentence segmenter, which reads it through
//! `inline`'s view, so a sentence never ends inside a code span, a link,
//! emphasis or a template tag, and may start with markup.
use std::ops::Range;
use std::path::Path;

use serde::Serialize;

use crate::error::{Error, Location, Result};
use crate::msg;
use crate::segment::Rules;

pub mod front_matter;
mod html;
mod inline;
mod markdown;
mod markers;
mod plain;
mod templates;

#[cfg(test)]
mod blocks_tests;

pub(crate) use inline::is_inline_tag;
use inline::{ChunkMarks, Marks};
pub use inline::{INSIDE_INLINE, has_text_to_translate, syntax_end};

pub use markdown::MARKDOWN_OPTIONS;
use markdown::markdown_blocks;
use plain::plain_blocks;

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

/// The segments of an article's text: its sentences that have something to
/// translate ([`has_text_to_translate`]); the others stay in the article.
pub fn segments(text: &str, format: Format, rules: &Rules) -> Vec<Segment> {
    let mut segments = Vec::new();
    for_each_chunk(text, format, |block, chunk| {
        for range in inline::sentences(&chunk, rules) {
            let sentence = fold_line_breaks(&chunk.text[range.clone()]);
            if has_text_to_translate(&sentence) {
                segments.push(Segment {
                    block,
                    text: sentence,
                    span: chunk.to_source(range.start)..chunk.to_source(range.end),
                });
            }
        }
    });
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
    for_each_chunk(text, format, |block, chunk| {
        for decision in inline::explain(&chunk, rules) {
            boundaries.push(Boundary {
                block,
                offset: chunk.to_source(decision.offset),
                split: decision.split,
                rule: decision.rule,
            });
        }
    });
    boundaries
}

/// Each run of text between hard breaks, with the index of its block.
fn for_each_chunk(text: &str, format: Format, mut each: impl FnMut(usize, ChunkText)) {
    let (blocks, marks) = match format {
        Format::Markdown(settings) => markdown_blocks(text, settings),
        Format::Plain => (plain_blocks(text), Marks::default()),
    };
    for (index, block) in blocks.into_iter().enumerate() {
        for lines in block {
            each(index, ChunkText::new(text, lines, &marks));
        }
    }
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
    /// The source range of each line.
    lines: Chunk,
    /// Its inline elements, for the segmenter.
    marks: ChunkMarks,
}

impl ChunkText {
    fn new(source: &str, lines: Chunk, marks: &Marks) -> ChunkText {
        let mut text = String::new();
        let mut starts = Vec::with_capacity(lines.len());
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                text.push('\n');
            }
            starts.push((text.len(), line.start));
            text.push_str(&source[line.clone()]);
        }
        let mut chunk = ChunkText {
            text,
            starts,
            lines,
            marks: ChunkMarks::default(),
        };
        chunk.marks = ChunkMarks::new(&chunk, marks);
        chunk
    }

    /// The offset in `text` of a source offset: on its line, or at the end
    /// of the line before when it falls between lines (container syntax).
    fn chunk_offset(&self, offset: usize) -> usize {
        let i = self
            .lines
            .partition_point(|line| line.start <= offset)
            .saturating_sub(1);
        let (Some(line), Some(&(t, _))) = (self.lines.get(i), self.starts.get(i)) else {
            return 0;
        };
        t + offset.clamp(line.start, line.end) - line.start
    }

    /// Calls `each` with the part of `range` (source offsets) on each line,
    /// in `text` offsets.
    fn each_piece(&self, range: Range<usize>, mut each: impl FnMut(Range<usize>)) {
        let first = self.lines.partition_point(|line| line.end <= range.start);
        for (line, &(t, _)) in self.lines[first..].iter().zip(&self.starts[first..]) {
            if line.start >= range.end {
                break;
            }
            let (start, end) = (range.start.max(line.start), range.end.min(line.end));
            if start < end {
                each(t + start - line.start..t + end - line.start);
            }
        }
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
