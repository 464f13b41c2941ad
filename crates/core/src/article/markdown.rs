//! Markdown: the leaf blocks of a CommonMark document (pulldown-cmark), each
//! as its chunks of source line ranges; inline markup stays in the text.
use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::{Block, Chunk, MarkdownSettings};

/// The Markdown l10n reads: CommonMark with tables, footnotes,
/// strikethrough, task lists and front matter.
pub const MARKDOWN_OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_TASKLISTS)
    .union(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS)
    .union(Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS);

/// Markdown: the leaf blocks, each as its chunks of line ranges.
pub(super) fn markdown_blocks(text: &str, _settings: &MarkdownSettings) -> Vec<Block> {
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
