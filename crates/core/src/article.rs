//! Articles: from bytes on disk to the translatable segments they hold.
//!
//! Markdown goes through a CommonMark parser; its leaf blocks (headings,
//! paragraphs, list items, table cells) are the blocks, and code, HTML and
//! front matter are not translatable. Inline markup stays inside the text of
//! a block, so a link or a code span is never split. Each block is then cut
//! at hard line breaks and handed to the sentence segmenter.
use std::ops::Range;
use std::path::Path;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde::Serialize;

use crate::error::{Error, Location, Result};
use crate::msg;
use crate::segment::{self, Rules};

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

/// The segments of an article's text.
pub fn segments(text: &str, markdown: bool, rules: &Rules) -> Vec<Segment> {
    let mut segments = Vec::new();
    for (block, chunk) in chunks(text, markdown) {
        for range in segment::sentences(&chunk.text, rules) {
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
pub fn boundaries(text: &str, markdown: bool, rules: &Rules) -> Vec<Boundary> {
    let mut boundaries = Vec::new();
    for (block, chunk) in chunks(text, markdown) {
        for decision in segment::explain(&chunk.text, rules) {
            boundaries.push(Boundary {
                block,
                offset: chunk.to_source(decision.offset),
                split: decision.split,
                rule: decision.rule,
            });
        }
    }
    boundaries
}

/// The runs of text between hard breaks, with the index of their block.
fn chunks(text: &str, markdown: bool) -> impl Iterator<Item = (usize, ChunkText)> + '_ {
    let blocks = if markdown {
        markdown_blocks(text)
    } else {
        plain_blocks(text)
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

/// Plain text: blocks are separated by blank lines, and every line is a
/// hard break (headlines, bylines and datelines stand on their own lines).
fn plain_blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current: Block = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let range = offset..offset + content.len();
        offset += line.len();
        if content.trim().is_empty() {
            if !current.is_empty() {
                blocks.push(std::mem::take(&mut current));
            }
        } else {
            current.push(vec![range]);
        }
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    blocks
}

/// The Markdown l10n reads: CommonMark with tables, footnotes,
/// strikethrough, task lists and front matter.
pub const MARKDOWN_OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_TASKLISTS)
    .union(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS)
    .union(Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS);

/// Markdown: the leaf blocks, each as its chunks of line ranges.
fn markdown_blocks(text: &str) -> Vec<Block> {
    let options = MARKDOWN_OPTIONS;
    let mut builder = BlockBuilder {
        blocks: Vec::new(),
        chunks: Vec::new(),
        lines: Vec::new(),
        line: None,
        quote_depth: 0,
        source: text,
        floor: 0,
        leaf: false,
        in_item: false,
    };
    // Depth inside code blocks, HTML blocks and front matter, whose text is
    // not translatable.
    let mut opaque = 0usize;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_)) => {
                builder.finish();
                opaque += 1;
            }
            Event::End(TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_)) => {
                opaque -= 1;
            }
            _ if opaque > 0 => {}
            Event::Start(tag) if is_block(&tag) => {
                builder.finish();
                if matches!(tag, Tag::BlockQuote(_)) {
                    builder.quote_depth += 1;
                }
                builder.leaf = matches!(
                    tag,
                    Tag::Paragraph
                        | Tag::Heading { .. }
                        | Tag::TableCell
                        | Tag::DefinitionListTitle
                );
                // A tight list item holds its text directly, without a paragraph.
                builder.in_item = matches!(tag, Tag::Item | Tag::DefinitionListDefinition);
            }
            Event::End(tag) if is_block_end(&tag) => {
                builder.finish();
                if matches!(tag, TagEnd::BlockQuote(_)) {
                    builder.quote_depth = builder.quote_depth.saturating_sub(1);
                }
            }
            Event::SoftBreak => builder.soft_break(range),
            // `[ ]` of a task list is syntax, not text.
            Event::TaskListMarker(_) => {}
            Event::HardBreak => builder.hard_break(range),
            // Everything else is inline: text, code spans, links, emphasis, …
            _ => builder.inline(range),
        }
    }
    builder.finish();
    builder.blocks
}

fn is_block(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::List(_)
            | Tag::Item
            | Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::Table(_)
            | Tag::TableHead
            | Tag::TableRow
            | Tag::TableCell
    )
}

fn is_block_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
            | TagEnd::Table
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::TableCell
    )
}

/// Collects the inline content of the current leaf block as line ranges.
///
/// Within one line everything from the first inline event to the last is
/// kept verbatim (markup included); across a soft break, what precedes the
/// next event on the new line is container syntax (`> `, indentation) and
/// is left out.
struct BlockBuilder<'a> {
    blocks: Vec<Block>,
    /// The finished chunks of the current block.
    chunks: Block,
    /// The finished lines of the current chunk.
    lines: Chunk,
    line: Option<Range<usize>>,
    /// How many block quotes the current block is in.
    quote_depth: usize,
    source: &'a str,
    /// Where the last line break ended: nothing before it is on this line.
    floor: usize,
    leaf: bool,
    in_item: bool,
}

/// Where a continuation line's text starts: after its indentation and up to
/// `depth` block quote markers (`>` and the space after it).
fn skip_quote_markers(source: &str, mut at: usize, end: usize, depth: usize) -> usize {
    let bytes = source.as_bytes();
    let skip_blanks = |at: &mut usize| {
        while *at < end && matches!(bytes[*at], b' ' | b'\t') {
            *at += 1;
        }
    };
    skip_blanks(&mut at);
    for _ in 0..depth {
        if at < end && bytes[at] == b'>' {
            at += 1;
            skip_blanks(&mut at);
        }
    }
    at
}

impl BlockBuilder<'_> {
    fn inline(&mut self, range: Range<usize>) {
        if !self.leaf && !self.in_item {
            return;
        }
        // An element that opened on an earlier line (emphasis wrapped over a
        // soft break) reports a range starting there: the line starts after
        // the last break all the same.
        let start = range.start.max(self.floor);
        let end = range.end.max(start);
        self.line = Some(match self.line.take() {
            Some(line) => line.start..line.end.max(end),
            None => start..end,
        });
    }

    fn soft_break(&mut self, at: Range<usize>) {
        self.close_line(at.start);
        self.floor = self.floor.max(at.end);
    }

    fn hard_break(&mut self, at: Range<usize>) {
        self.soft_break(at);
        self.close_chunk();
    }

    /// Ends the current line, cutting it at `cut` (a break inside an element
    /// that spans lines).
    fn close_line(&mut self, cut: usize) {
        let Some(line) = self.line.take() else { return };
        let line = line.start..line.end.min(cut).max(line.start);
        // One element can span lines with no soft break event (a code span,
        // inline HTML, a link title): split it where the source does, and
        // leave out the block quote markers that begin its lines.
        let mut start = line.start;
        while let Some(newline) = self.source[start..line.end].find('\n') {
            self.lines.push(start..start + newline);
            start =
                skip_quote_markers(self.source, start + newline + 1, line.end, self.quote_depth);
        }
        self.lines.push(start..line.end);
    }

    fn close_chunk(&mut self) {
        if !self.lines.is_empty() {
            self.chunks.push(std::mem::take(&mut self.lines));
        }
    }

    fn finish(&mut self) {
        self.close_line(usize::MAX);
        self.close_chunk();
        if !self.chunks.is_empty() {
            self.blocks.push(std::mem::take(&mut self.chunks));
        }
        self.leaf = false;
        self.in_item = false;
    }
}
