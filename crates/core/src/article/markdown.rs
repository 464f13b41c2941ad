//! Markdown: the leaf blocks of a CommonMark document (pulldown-cmark), each
//! as its chunks of source line ranges; inline markup stays in the text.
use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

use super::front_matter::{self, Style};
use super::html::html_blocks;
use super::inline::Marks;
use super::markers::{Line, classify};
use super::templates::template_ranges;
use super::{Block, Chunk, MarkdownSettings};

/// The Markdown l10n reads: CommonMark with tables, footnotes,
/// strikethrough, task lists, definition lists, math (`$…$`, `$$…$$`: an
/// opening `$` followed by no space, a closing one preceded by none, so
/// `$5 or $10` is text) and front matter.
pub const MARKDOWN_OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_DEFINITION_LIST)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_MATH)
    .union(Options::ENABLE_TASKLISTS)
    .union(Options::ENABLE_YAML_STYLE_METADATA_BLOCKS)
    .union(Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS);

/// Markdown: the leaf blocks, each as its chunks of line ranges, and the
/// inline elements in them (template tags and front matter titles among
/// them: no sentence ends inside either).
pub(super) fn markdown_blocks(text: &str, settings: &MarkdownSettings) -> (Vec<Block>, Marks) {
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
        marks: Marks::default(),
        templates: template_ranges(text, settings),
        quote_opened: false,
        first_in_quote: false,
        leaf_lines: 0,
        after_admonition: false,
    };
    // Depth inside code blocks, HTML blocks and front matter, whose text is
    // not translatable.
    let mut opaque = 0usize;
    let mut skip_until = 0usize;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Indented))
                if opaque == 0 && builder.after_admonition && builder.quote_depth == 0 =>
            {
                // An MkDocs admonition's body, indented after a blank line:
                // Markdown to MkDocs, an indented code block to CommonMark.
                builder.finish();
                builder.after_admonition = false;
                match indented_body(text, range.clone(), settings) {
                    Some((blocks, marks)) => {
                        builder.blocks.extend(blocks);
                        builder.marks.absorb(marks);
                    }
                    None => opaque += 1,
                }
                if opaque == 0 {
                    // Its events are skipped: the body was read above.
                    skip_until = range.end;
                }
            }
            _ if range.start < skip_until => {}
            Event::Start(Tag::MetadataBlock(_)) => {
                builder.finish();
                // Front matter is the article's first block; pulldown-cmark
                // also reads a `---` … `---` later on as one: that stays
                // as it is.
                if range.start == 0 {
                    builder
                        .blocks
                        .extend(front_matter_blocks(text, settings, &mut builder.marks));
                }
                opaque += 1;
            }
            Event::Start(Tag::HtmlBlock) => {
                builder.finish();
                builder.blocks.extend(html_blocks(text, range));
                opaque += 1;
            }
            Event::Start(Tag::CodeBlock(_)) => {
                builder.finish();
                opaque += 1;
            }
            Event::End(TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_)) => {
                opaque -= 1;
            }
            _ if opaque > 0 => {}
            Event::Start(tag) if is_block(&tag) => {
                builder.finish();
                builder.after_admonition = false;
                builder.first_in_quote = builder.quote_opened && matches!(tag, Tag::Paragraph);
                builder.quote_opened = matches!(tag, Tag::BlockQuote(_));
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
            _ => {
                builder.marks.record(&event, range.clone());
                builder.inline(range);
            }
        }
    }
    builder.finish();
    for tag in &builder.templates {
        builder.marks.opaque(tag.clone());
    }
    builder.marks.finish();
    (builder.blocks, builder.marks)
}

/// The front matter's translatable values, one block each: a literal
/// block scalar (`|`) keeps its lines apart, the others' lines are folded.
/// A title (a key whose name ends in `title`) is one segment whatever its
/// punctuation: its whole value is marked as prose no cut falls inside.
fn front_matter_blocks(text: &str, settings: &MarkdownSettings, marks: &mut Marks) -> Vec<Block> {
    let Some((body, toml)) = front_matter::block(text) else {
        return Vec::new();
    };
    front_matter::scalars(text, body, toml)
        .into_iter()
        .filter(|scalar| settings.front_matter.contains(&scalar.key))
        .map(|scalar| {
            if scalar.key.to_ascii_lowercase().ends_with("title") {
                marks.unbreakable(scalar.content());
            }
            let literal = matches!(scalar.style, Style::Block { folded: false, .. });
            let mut chunks: Block = Vec::new();
            let mut chunk: Chunk = Vec::new();
            for line in scalar.lines {
                if line.is_empty() || literal {
                    chunks.extend((!chunk.is_empty()).then(|| std::mem::take(&mut chunk)));
                }
                if !line.is_empty() {
                    chunk.push(line);
                }
            }
            chunks.extend((!chunk.is_empty()).then_some(chunk));
            chunks
        })
        .filter(|chunks| !chunks.is_empty())
        .collect()
}

/// The blocks of an indented body (each line indented by four spaces or a
/// tab), read as the Markdown it is once the indentation is gone, and their
/// inline elements, in the article's offsets; `None` when a line is
/// indented less.
fn indented_body(
    text: &str,
    range: Range<usize>,
    settings: &MarkdownSettings,
) -> Option<(Vec<Block>, Marks)> {
    let begin = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let mut body = String::new();
    // (offset in `body`, offset in `text`) of each line's start.
    let mut starts = Vec::new();
    let mut at = begin;
    for line in text[begin..range.end].split_inclusive('\n') {
        let indent = if line.starts_with('\t') {
            1
        } else if line.starts_with("    ") {
            4
        } else if line.trim().is_empty() {
            0
        } else {
            return None;
        };
        starts.push((body.len(), at + indent));
        body.push_str(&line[indent..]);
        at += line.len();
    }
    let to_text = |offset: usize| {
        let i = starts
            .partition_point(|&(b, _)| b <= offset)
            .saturating_sub(1);
        let (b, t) = starts[i];
        t + (offset - b)
    };
    let (blocks, mut marks) = markdown_blocks(&body, settings);
    marks.map_offsets(to_text);
    Some((
        blocks
            .into_iter()
            .map(|block| {
                block
                    .into_iter()
                    .map(|chunk| {
                        chunk
                            .into_iter()
                            .map(|line| to_text(line.start)..to_text(line.start) + line.len())
                            .collect()
                    })
                    .collect()
            })
            .collect(),
        marks,
    ))
}

fn is_block(tag: &Tag) -> bool {
    is_block_end(&tag.to_end())
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
    /// The inline elements seen so far.
    marks: Marks,
    /// The template tags of the article (sorted): kept out of the text at
    /// the ends of a line, a line of nothing else parts the blocks.
    templates: Vec<Range<usize>>,
    /// A block quote just opened: its first paragraph may be an alert.
    quote_opened: bool,
    /// The current paragraph is the first of a block quote.
    first_in_quote: bool,
    /// Lines of the current leaf seen so far (markers included).
    leaf_lines: usize,
    /// The last line was an MkDocs admonition marker.
    after_admonition: bool,
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
            self.push_line(start..start + newline);
            start =
                skip_quote_markers(self.source, start + newline + 1, line.end, self.quote_depth);
        }
        self.push_line(start..line.end);
    }

    /// Adds one source line to the chunk, unless it is a marker line or
    /// nothing but template tags: those part the blocks around them.
    fn push_line(&mut self, line: Range<usize>) {
        if line.is_empty() {
            self.lines.push(line);
            return;
        }
        let first_in_quote = self.first_in_quote && self.leaf_lines == 0;
        self.leaf_lines += 1;
        let Some(line) = self.trim_templates(line) else {
            self.part();
            return;
        };
        // With definition lists on, `:::` is a definition `::`: the
        // colons before the text belong to the line as its writer meant it.
        let colons = self.source[..line.start]
            .bytes()
            .rev()
            .take_while(|&b| b == b':')
            .count();
        let role = match classify(&self.source[line.start - colons..line.end], first_in_quote) {
            Line::Text(_) if colons > 0 => classify(&self.source[line.clone()], first_in_quote),
            Line::Text(text) => Line::Text(text),
            Line::Marker {
                title,
                indented_body,
            } => Line::Marker {
                title: title.map(|t| t.start - colons..t.end - colons),
                indented_body,
            },
        };
        match role {
            Line::Text(text) => {
                if !text.is_empty() {
                    self.lines
                        .push(line.start + text.start..line.start + text.end);
                }
            }
            Line::Marker {
                title,
                indented_body,
            } => {
                self.part();
                if let Some(title) = title {
                    self.blocks
                        .push(vec![vec![line.start + title.start..line.start + title.end]]);
                }
                self.after_admonition = indented_body;
            }
        }
    }

    /// `line` without the template tags and blanks at its ends; `None`
    /// when nothing else is left.
    fn trim_templates(&self, mut line: Range<usize>) -> Option<Range<usize>> {
        let blank = |b: u8| b == b' ' || b == b'\t';
        let bytes = self.source.as_bytes();
        loop {
            let before = line.clone();
            let i = self.templates.partition_point(|t| t.end <= line.start);
            if let Some(tag) = self.templates.get(i)
                && tag.start <= line.start
            {
                line.start = tag.end.min(line.end);
            }
            let j = self.templates.partition_point(|t| t.end < line.end);
            if let Some(tag) = self.templates.get(j)
                && tag.start < line.end
            {
                line.end = tag.start.max(line.start);
            }
            while line.start < line.end && blank(bytes[line.start]) {
                line.start += 1;
            }
            while line.end > line.start && blank(bytes[line.end - 1]) {
                line.end -= 1;
            }
            if line.is_empty() {
                return None;
            }
            if line == before {
                return Some(line);
            }
        }
    }

    /// Ends the current block where it is (a marker line between two parts
    /// of a paragraph).
    fn part(&mut self) {
        self.close_chunk();
        if !self.chunks.is_empty() {
            self.blocks.push(std::mem::take(&mut self.chunks));
        }
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
        self.marks.end_block();
        self.leaf_lines = 0;
    }
}
