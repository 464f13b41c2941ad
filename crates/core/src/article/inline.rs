//! Inline Markdown and the segmenter: where a sentence may not end, and what
//! the segmenter is shown so that markup neither ends nor hides a sentence.
//!
//! The segmenter is markup-blind: it reads a chunk's text. While the blocks
//! are built, [`Marks`] records the source ranges of the inline elements
//! (pulldown-cmark's offsets). For a chunk with marks, the segmenter reads a
//! *segmentation view* instead: the chunk's text with the same length, byte
//! for byte, in which
//! - an *opaque* element (inline code, math, an autolink, an HTML tag with
//!   no closing partner, a footnote reference) is one word, `Xxxx…`: no
//!   terminator inside it, and at a sentence start it reads as a sentence
//!   start;
//! - a *wrapper* (emphasis, strong, strikethrough, a link or image, an HTML
//!   element such as `<kbd>…</kbd>`) shows its prose as it is and its syntax
//!   (`**`, `_`, `[`, `](url "title")`, `<kbd>`) as spaces, so the rules
//!   judge the word the markup wraps, and a link's destination or title
//!   never ends a sentence;
//! - an opaque element right after a sentence's end (`Done.[^1] Next`,
//!   `Done.<br>Next`) is spaces, so that the end is seen, and it stays with
//!   the sentence it touches.
//!
//! The cuts found in the view are the cuts of the text (offsets map 1:1),
//! with two corrections: a cut at the end of a wrapper's prose moves past its
//! closing syntax (`*Done.* Next` keeps its `*`), and past an opaque element
//! touching it; a cut that is then strictly inside a wrapper's prose is
//! refused (rule `markdown:inside-inline`, which `--explain` shows).
//! Plain text has no marks and is segmented as it is.
use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Tag, TagEnd};
use rustc_hash::FxHashMap;

use super::ChunkText;
use crate::segment::{self, Decision, Rules};

/// The rule named for a boundary refused because it falls inside the prose
/// of an inline element.
pub const INSIDE_INLINE: &str = "markdown:inside-inline";

/// One inline element, in source offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Mark {
    whole: Range<usize>,
    /// The prose it wraps; `None` for an opaque element.
    prose: Option<Range<usize>>,
}

/// The inline elements of a document, recorded from its parser events.
#[derive(Debug, Default)]
pub(super) struct Marks {
    /// Sorted by start once [`Marks::finish`] ran.
    marks: Vec<Mark>,
    /// The greatest end among `marks[..=i]`, to find the marks that
    /// overlap a range.
    reach: Vec<usize>,
    /// Wrappers open at this point: where each started and the extent of
    /// what it holds so far.
    open: Vec<OpenWrapper>,
    /// HTML start tags waiting for their end tag: (tag name, tag range).
    open_html: Vec<(String, Range<usize>)>,
}

#[derive(Debug)]
struct OpenWrapper {
    start: usize,
    opaque: bool,
    content: Option<Range<usize>>,
}

impl Marks {
    /// Records an inline event (one the block builder keeps as text).
    pub(super) fn record(&mut self, event: &Event, range: Range<usize>) {
        match event {
            Event::Start(tag) if is_inline_tag(&tag.to_end()) => {
                let opaque = matches!(
                    tag,
                    Tag::Link {
                        link_type: LinkType::Autolink | LinkType::Email,
                        ..
                    }
                );
                self.open.push(OpenWrapper {
                    start: range.start,
                    opaque,
                    content: None,
                });
                return;
            }
            Event::End(tag) if is_inline_tag(tag) => {
                if let Some(wrapper) = self.open.pop() {
                    let whole = wrapper.start..range.end;
                    let prose =
                        (!wrapper.opaque).then(|| wrapper.content.unwrap_or(range.end..range.end));
                    self.marks.push(Mark {
                        whole: whole.clone(),
                        prose,
                    });
                    self.holds(whole);
                }
                return;
            }
            Event::Code(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::FootnoteReference(_) => self.opaque(range.clone()),
            Event::InlineHtml(html) => self.html(html, range.clone()),
            _ => {}
        }
        self.holds(range);
    }

    /// The innermost open wrapper holds `range`.
    fn holds(&mut self, range: Range<usize>) {
        if let Some(wrapper) = self.open.last_mut() {
            wrapper.content = Some(match wrapper.content.take() {
                Some(content) => content.start..content.end.max(range.end),
                None => range,
            });
        }
    }

    /// An element no sentence ends in and whose text is no word of the
    /// sentence (a code span, a template tag).
    pub(super) fn opaque(&mut self, whole: Range<usize>) {
        self.marks.push(Mark { whole, prose: None });
    }

    /// Prose no cut falls inside (a front matter title).
    pub(super) fn unbreakable(&mut self, prose: Range<usize>) {
        self.marks.push(Mark {
            whole: prose.clone(),
            prose: Some(prose),
        });
    }

    /// Takes in the marks of a part of the document read on its own (an
    /// indented body), already in the document's offsets.
    pub(super) fn absorb(&mut self, part: Marks) {
        self.marks.extend(part.marks);
    }

    /// Maps every mark's offsets (they were taken in a text cut out of the
    /// document).
    pub(super) fn map_offsets(&mut self, map: impl Fn(usize) -> usize) {
        for mark in &mut self.marks {
            mark.whole = map(mark.whole.start)..map(mark.whole.end);
            if let Some(prose) = &mut mark.prose {
                *prose = map(prose.start)..map(prose.end);
            }
        }
    }

    /// An HTML tag: an end tag closes the element its start tag opened (the
    /// tags between, unclosed, stay single tags); any other tag is opaque.
    fn html(&mut self, html: &str, range: Range<usize>) {
        if let Some(name) = html.strip_prefix("</").map(tag_name)
            && let Some(at) = self.open_html.iter().rposition(|(open, _)| *open == name)
        {
            for (_, tag) in self.open_html.drain(at + 1..) {
                self.marks.push(Mark {
                    whole: tag,
                    prose: None,
                });
            }
            if let Some((_, start_tag)) = self.open_html.pop() {
                self.marks.push(Mark {
                    whole: start_tag.start..range.end,
                    prose: Some(start_tag.end..range.start),
                });
            }
            return;
        }
        let name = html.strip_prefix('<').map(tag_name).unwrap_or_default();
        let opens = !name.is_empty()
            && !html.trim_end().ends_with("/>")
            && !VOID_ELEMENTS.contains(&name.as_str());
        if opens {
            self.open_html.push((name, range));
        } else {
            self.opaque(range);
        }
    }

    /// Ends a block: what is still open there is closed by nothing.
    pub(super) fn end_block(&mut self) {
        for (_, tag) in std::mem::take(&mut self.open_html) {
            self.opaque(tag);
        }
        self.open.clear();
    }

    /// Sorts the marks for [`Marks::overlapping`]; call once, after the
    /// last event.
    pub(super) fn finish(&mut self) {
        self.end_block();
        self.marks
            .sort_by_key(|mark| (mark.whole.start, mark.whole.end));
        let mut reach = 0;
        self.reach = self
            .marks
            .iter()
            .map(|mark| {
                reach = reach.max(mark.whole.end);
                reach
            })
            .collect();
    }

    /// The marks that overlap `range` of the source.
    fn overlapping(&self, range: Range<usize>) -> impl Iterator<Item = &Mark> {
        let end = self
            .marks
            .partition_point(|mark| mark.whole.start < range.end);
        let start = self.reach[..end].partition_point(|&reach| reach <= range.start);
        self.marks[start..end]
            .iter()
            .filter(move |mark| mark.whole.end > range.start)
    }
}

/// The tags that stand inside a block's text, wrapping prose (emphasis,
/// strong, strikethrough, super- and subscript, links, images); their
/// start tags through `Tag::to_end`.
pub(crate) fn is_inline_tag(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
            | TagEnd::Image
            | TagEnd::Superscript
            | TagEnd::Subscript
    )
}

/// Elements that have no end tag.
const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// The lowercase name at the start of a tag's text after `<` or `</`.
fn tag_name(rest: &str) -> String {
    rest.chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect::<String>()
        .to_ascii_lowercase()
}

/// A chunk's inline elements in chunk offsets: the view the segmenter
/// reads, and the corrections to its cuts.
#[derive(Debug, Default)]
pub(super) struct ChunkMarks {
    /// The segmentation view, when the chunk has inline elements.
    view: Option<String>,
    /// The wrappers' prose, merged, sorted: no cut strictly inside.
    prose: Vec<Range<usize>>,
    /// Where a cut moves on to: from the end of a wrapper's prose past its
    /// closing syntax, from the start of an opaque element that touches a
    /// sentence's end past that element.
    closers: FxHashMap<usize, usize>,
}

impl ChunkMarks {
    pub(super) fn new(chunk: &ChunkText, marks: &Marks) -> ChunkMarks {
        let (Some(first), Some(last)) = (chunk.lines.first(), chunk.lines.last()) else {
            return ChunkMarks::default();
        };
        let mut overlapping = marks.overlapping(first.start..last.end).peekable();
        if overlapping.peek().is_none() {
            return ChunkMarks::default();
        }
        let mut view = chunk.text.clone().into_bytes();
        let mut prose = Vec::new();
        let mut closers = FxHashMap::default();
        for mark in overlapping {
            match &mark.prose {
                None if ends_sentence_before(chunk, mark.whole.start) => {
                    // `Done.[^1] Next`, `Done.<br>Next`: it belongs to the
                    // sentence it touches, whose end the segmenter should
                    // see, and a cut before it moves past it.
                    chunk.each_piece(mark.whole.clone(), |piece| view[piece].fill(b' '));
                    let start = chunk.chunk_offset(mark.whole.start);
                    let past = closers.entry(start).or_insert(start);
                    *past = (*past).max(chunk.chunk_offset(mark.whole.end));
                }
                None => {
                    let mut first = true;
                    chunk.each_piece(mark.whole.clone(), |piece| {
                        for (i, byte) in view[piece].iter_mut().enumerate() {
                            *byte = if first && i == 0 { b'X' } else { b'x' };
                        }
                        first = false;
                    });
                }
                Some(inner) => {
                    for syntax in [mark.whole.start..inner.start, inner.end..mark.whole.end] {
                        chunk.each_piece(syntax, |piece| view[piece].fill(b' '));
                    }
                    let start = chunk.chunk_offset(inner.start);
                    let end = chunk.chunk_offset(inner.end);
                    prose.push(start..end);
                    let closed = chunk.chunk_offset(mark.whole.end);
                    let past = closers.entry(end).or_insert(closed);
                    *past = (*past).max(closed);
                }
            }
        }
        prose.sort_by_key(|range: &Range<usize>| range.start);
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(prose.len());
        for range in prose {
            match merged.last_mut() {
                Some(last) if range.start < last.end => last.end = last.end.max(range.end),
                _ => merged.push(range),
            }
        }
        ChunkMarks {
            // Whole characters were replaced by ASCII: still UTF-8.
            view: String::from_utf8(view).ok(),
            prose: merged,
            closers,
        }
    }

    /// Whether a cut at `offset` would fall strictly inside a wrapper's
    /// prose.
    fn inside_prose(&self, offset: usize) -> bool {
        let i = self.prose.partition_point(|range| range.end <= offset);
        self.prose
            .get(i)
            .is_some_and(|range| range.start < offset && offset < range.end)
    }

    /// A cut moved past the closing syntax of the wrappers whose prose ends
    /// there, and past the opaque elements that touch it (see `closers`).
    fn past_closers(&self, mut offset: usize) -> usize {
        while let Some(&end) = self.closers.get(&offset) {
            if end <= offset {
                break;
            }
            offset = end;
        }
        offset
    }
}

/// Whether the character before a source offset ends a sentence, as far as
/// an element touching it is concerned: a terminator or a closing mark.
fn ends_sentence_before(chunk: &ChunkText, offset: usize) -> bool {
    let at = chunk.chunk_offset(offset);
    chunk.text[..at].chars().next_back().is_some_and(|c| {
        matches!(
            c,
            '.' | '!' | '?' | '…' | '。' | '！' | '？' | '"' | '\'' | '”' | '’' | ')'
        )
    })
}

/// Every candidate boundary of a chunk, decided on its view and corrected
/// for inline elements.
pub(super) fn explain(chunk: &ChunkText, rules: &Rules) -> Vec<Decision> {
    let marks = &chunk.marks;
    let Some(view) = &marks.view else {
        return segment::explain(&chunk.text, rules);
    };
    let mut decisions = segment::explain(view, rules);
    for decision in decisions.iter_mut().filter(|decision| decision.split) {
        // Past the closers first: `**[Go.](url)**` ends with the link's
        // prose, inside the strong's, and the cut belongs after both.
        let cut = marks.past_closers(decision.offset);
        if marks.inside_prose(cut) {
            decision.split = false;
            decision.rule = INSIDE_INLINE;
        } else {
            decision.offset = cut;
        }
    }
    decisions
}

/// The byte ranges of a chunk's sentences, as [`segment::sentences`] gives
/// them for text without markup.
pub(super) fn sentences(chunk: &ChunkText, rules: &Rules) -> Vec<Range<usize>> {
    if chunk.marks.view.is_none() {
        return segment::sentences(&chunk.text, rules);
    }
    let cuts = explain(chunk, rules)
        .into_iter()
        .filter(|decision| decision.split)
        .map(|decision| decision.offset);
    segment::between_cuts(&chunk.text, cuts)
}

/// Whether a segment has anything to translate: a letter outside inline
/// code and the syntax [`syntax_end`] finds (HTML tags and autolinks, link
/// destinations, URLs, emoji shortcodes such as `:kenya:` or `:+1:`).
/// Numbers, punctuation and symbols are not letters. A segment without one
/// (a table cell `` `true` ``, `42`, `—`, `:white_check_mark:`) stays in the
/// article, and builds keep it byte for byte, but it is not offered: not in
/// catalogs, not counted.
pub fn has_text_to_translate(text: &str) -> bool {
    let mut i = 0;
    while i < text.len() {
        let skip_to = match text.as_bytes()[i] {
            b'`' => code_span_end(text, i),
            _ => syntax_end(text, i),
        };
        if let Some(end) = skip_to {
            i = end;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or_default();
        if c.is_alphabetic() {
            return true;
        }
        i += c.len_utf8();
    }
    false
}

/// The end of the Markdown syntax that starts at byte `at` of a segment's
/// text, if some does: an HTML tag, comment or autolink (`<…>`), a link's
/// destination and title (`](…)`) or reference label (`][…]`), the `!` of
/// an image, a URL (`scheme://…` or `www.…` at a word's start) or an emoji
/// shortcode (`:name:`). None of it is text to translate, nor words to
/// compare when an edited sentence is paired with its old entry.
pub fn syntax_end(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let next = bytes.get(at + 1).copied();
    let until = |close: char| text[at..].find(close).map(|end| at + end + 1);
    match bytes[at] {
        b'<' if next.is_some_and(|b| b.is_ascii_alphabetic() || b"/!?".contains(&b)) => until('>'),
        b']' if next == Some(b'(') => until(')'),
        b']' if next == Some(b'[') => text[at + 1..].find(']').map(|end| at + end + 2),
        b'!' if next == Some(b'[') => Some(at + 1),
        b':' => shortcode_end(bytes, at),
        b if b.is_ascii_alphabetic() && (at == 0 || !bytes[at - 1].is_ascii_alphanumeric()) => {
            url_end(text, at)
        }
        _ => None,
    }
}

/// The end of the code span opening at `at`: after the next run of as many
/// backticks.
fn code_span_end(text: &str, at: usize) -> Option<usize> {
    let run = text[at..].bytes().take_while(|&b| b == b'`').count();
    let mut from = at + run;
    while let Some(found) = text[from..].find('`') {
        let start = from + found;
        let len = text[start..].bytes().take_while(|&b| b == b'`').count();
        if len == run {
            return Some(start + len);
        }
        from = start + len;
    }
    None
}

/// The end of an emoji shortcode (`:name:`, name of `a-z0-9_+-`) at `at`.
fn shortcode_end(bytes: &[u8], at: usize) -> Option<usize> {
    let name = bytes[at + 1..]
        .iter()
        .take_while(|&&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"_+-".contains(&b))
        .count();
    (name > 0 && bytes.get(at + 1 + name) == Some(&b':')).then_some(at + name + 2)
}

/// The end of a URL (`scheme://…` or `www.…`) starting at `at`.
fn url_end(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let scheme = rest
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || b"+.-".contains(b))
        .count();
    let is_url = rest[scheme..].starts_with("://") || rest.starts_with("www.");
    // Up to white space; punctuation at the end is the sentence's.
    let url = &rest[..rest.find(char::is_whitespace).unwrap_or(rest.len())];
    let url = url.trim_end_matches(['.', ',', ';', ':', '!', '?', ')']);
    is_url.then_some(at + url.len())
}

#[cfg(test)]
mod tests;
