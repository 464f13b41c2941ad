//! Placement: where a span stands (paragraph line, ATX heading, table cell,
//! plain text, inside which containers) and how a translation is rendered to
//! fit there.
use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag};

use super::block_openers::{Level, escape_line_start, is_delimiter_row};
use crate::article::is_inline_tag;

/// Ranges of the article's blocks where a translation needs special care.
#[derive(Default)]
pub(super) struct Places {
    /// ATX headings (one line each).
    atx_headings: Vec<Range<usize>>,
    /// Table cells.
    cells: Vec<Range<usize>>,
    /// Where the text of each leaf block (paragraph, tight list item,
    /// heading, cell) starts, in order: its first line holds the whole
    /// container syntax, which a lazy continuation line leaves out.
    text_starts: Vec<usize>,
    /// HTML blocks: no Markdown there, so no line start to escape.
    html: Vec<Range<usize>>,
}

impl Places {
    pub(super) fn markdown(text: &str) -> Places {
        // The options `article` parses with, so the blocks are the same.
        let options = crate::article::MARKDOWN_OPTIONS;
        let mut places = Places::default();
        let mut awaiting_text = false;
        for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
            match &event {
                Event::Start(tag) if !is_inline_tag(&tag.to_end()) => awaiting_text = true,
                Event::End(_) => {}
                _ if awaiting_text => {
                    places.text_starts.push(range.start);
                    awaiting_text = false;
                }
                _ => {}
            }
            match event {
                Event::Start(Tag::Heading { .. })
                    if text[range.clone()].trim_start().starts_with('#') =>
                {
                    places.atx_headings.push(range)
                }
                Event::Start(Tag::TableCell) => places.cells.push(range),
                Event::Start(Tag::HtmlBlock) => places.html.push(range),
                _ => {}
            }
        }
        places
    }
}

impl Places {
    /// The container syntax before the first line of the text block that
    /// `at` is in (`> > `, `1. `), when there is one.
    fn first_line_containers<'t>(&self, text: &'t str, at: usize) -> Option<&'t str> {
        let i = self.text_starts.partition_point(|&start| start <= at);
        let start = *self.text_starts.get(i.checked_sub(1)?)?;
        let line_begin = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let before = &text[line_begin..start];
        Some(&before[..container_len(before)])
    }
}

fn within(ranges: &[Range<usize>], span: &Range<usize>) -> bool {
    // Ranges come in document order and do not nest.
    let i = ranges.partition_point(|r| r.end < span.end);
    ranges
        .get(i)
        .is_some_and(|r| r.start <= span.start && span.end <= r.end)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Paragraph text (also a list item's, a setext heading's): lines can
    /// break, and each line continues inside the same containers.
    Flow,
    /// A line that cannot break: an ATX heading.
    Heading,
    /// A table cell: one line, and `|` ends the cell.
    Cell,
    /// Plain text: no Markdown.
    Plain,
}

/// Where a span stands, and what that asks of its replacement.
pub(super) struct Place<'t> {
    kind: Kind,
    /// When the span starts its line's content (after container syntax):
    /// how strictly that line start must be escaped.
    pub(super) line_start: Option<Level>,
    /// Container syntax of the span's line as continuation lines need it
    /// (`> `, spaces for a list item's marker).
    continuation: String,
    newline: &'static str,
    /// The source text before the span on its line.
    prefix: &'t str,
    /// The source text after the span, up to the end of its line.
    rest_of_line: &'t str,
}

impl<'t> Place<'t> {
    pub(super) fn of(
        text: &'t str,
        span: &Range<usize>,
        first_in_block: bool,
        places: &Places,
        markdown: bool,
    ) -> Place<'t> {
        let line_begin = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
        let before = &text[line_begin..span.start];
        let line_end = text[span.end..]
            .find('\n')
            .map_or(text.len(), |i| span.end + i);
        let rest_of_line = text[span.end..line_end].trim_end_matches('\r');
        // Line breaks a translation adds follow the article's: those of the
        // span's line, or of the first line.
        let newline = match text[span.start..]
            .find('\n')
            .map(|i| span.start + i)
            .or_else(|| text.find('\n'))
        {
            Some(i) if text[..i].ends_with('\r') => "\r\n",
            _ => "\n",
        };
        if !markdown {
            return Place {
                kind: Kind::Plain,
                line_start: None,
                continuation: String::new(),
                newline,
                prefix: before,
                rest_of_line,
            };
        }
        let kind = if within(&places.cells, span) {
            Kind::Cell
        } else if within(&places.atx_headings, span) {
            Kind::Heading
        } else {
            Kind::Flow
        };
        let container = container_len(before);
        let in_html = within(&places.html, span);
        let line_start = (kind == Kind::Flow && container == before.len() && !in_html).then_some(
            if first_in_block {
                Level::Start
            } else {
                Level::Continuation
            },
        );
        // A lazy continuation line has lost its containers (`> ` and list
        // indentation): the line breaks a translation adds continue inside
        // those of the block's first line, the same for every line.
        let containers = places
            .first_line_containers(text, span.start)
            .unwrap_or(&before[..container]);
        let continuation = containers
            .chars()
            .map(|c| if c == '>' || c == '\t' { c } else { ' ' })
            .collect();
        Place {
            kind,
            line_start,
            continuation,
            newline,
            prefix: before,
            rest_of_line,
        }
    }

    pub(super) fn render(&self, translation: &str) -> String {
        let mut lines: Vec<&str> = translation
            .split('\n')
            .map(|line| line.strip_suffix('\r').unwrap_or(line))
            .collect();
        if self.kind != Kind::Plain && lines.len() > 1 {
            // A blank line would end the paragraph (and loosen a list): a
            // line break is all a translation can add.
            lines.retain(|line| !line.trim().is_empty());
            if lines.is_empty() {
                lines.push("");
            }
        }
        let ends_line = self.rest_of_line.trim().is_empty();
        let mut out = String::with_capacity(translation.len() + 8);
        match self.kind {
            Kind::Plain => return lines.join(self.newline),
            Kind::Heading | Kind::Cell => {
                // No line break possible: it becomes a space, as a soft
                // break renders.
                let joined = if lines.len() == 1 {
                    lines[0].to_string()
                } else {
                    lines.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ")
                };
                if self.kind == Kind::Cell {
                    escape_pipes(&joined, &mut out);
                } else {
                    out.push_str(&joined);
                    if ends_line {
                        escape_closing_hashes(&mut out);
                    }
                }
            }
            Kind::Flow => {
                for (i, line) in lines.iter().enumerate() {
                    let last = i + 1 == lines.len();
                    if i == 0 {
                        match self.line_start {
                            Some(_) if is_delimiter_row(&format!("{}{line}", self.prefix)) => {
                                // `- |` after a list marker would be the
                                // delimiter row of a table under the line before.
                                let line = line.trim_start();
                                let at = line.find(['|', '-', ':']).unwrap_or(0);
                                out.push_str(&line[..at]);
                                out.push('\\');
                                out.push_str(&line[at..]);
                            }
                            Some(level) => escape_line_start(line.trim_start(), level, &mut out),
                            None => out.push_str(line),
                        }
                    } else {
                        let line = line.trim_start();
                        // Trailing spaces before a line break are a hard break.
                        trim_trailing_blanks(&mut out);
                        out.push_str(self.newline);
                        out.push_str(&self.continuation);
                        escape_line_start(line, Level::Any, &mut out);
                    }
                    if last && ends_line {
                        trim_trailing_blanks_if_hard_break(&mut out);
                    }
                }
            }
        }
        escape_trailing_backslash(&mut out, self.rest_of_line, self.kind);
        out
    }
}

/// The length of the container syntax at the start of a line's text before
/// a span: indentation, `>`, list markers and footnote labels.
fn container_len(before: &str) -> usize {
    let bytes = before.as_bytes();
    let mut i = 0;
    let mut done = 0;
    loop {
        while i < bytes.len() && (bytes[i] == b' ' || bytes[i] == b'\t') {
            i += 1;
        }
        done = done.max(i);
        let Some(&b) = bytes.get(i) else { break };
        let after_marker = |j: usize| j == bytes.len() || bytes[j] == b' ' || bytes[j] == b'\t';
        if b == b'>' {
            i += 1;
        } else if let Some(label) = before[i..]
            .strip_prefix("[^")
            .and_then(|r| r.find("]:"))
            .filter(|&j| after_marker(i + 2 + j + 2))
        {
            // A footnote definition holds blocks, like a list item.
            i += 2 + label + 2;
        } else if matches!(b, b'-' | b'+' | b'*') && after_marker(i + 1) {
            i += 1;
        } else if b.is_ascii_digit() {
            let digits = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
            let j = i + digits;
            if digits <= 9 && matches!(bytes.get(j), Some(b'.' | b')')) && after_marker(j + 1) {
                i = j + 1;
            } else {
                break;
            }
        } else {
            break;
        }
        done = i;
    }
    done
}

/// In a table cell, `|` ends the cell: escape every unescaped one.
fn escape_pipes(text: &str, out: &mut String) {
    let mut backslashes = 0usize;
    for c in text.chars() {
        if c == '|' && backslashes.is_multiple_of(2) {
            out.push('\\');
        }
        backslashes = if c == '\\' { backslashes + 1 } else { 0 };
        out.push(c);
    }
}

/// A run of `#` at the end of an ATX heading, after a space or alone, is
/// its closing sequence and would be dropped.
fn escape_closing_hashes(out: &mut String) {
    let trimmed = out.trim_end_matches([' ', '\t']);
    let without = trimmed.trim_end_matches('#');
    if without.len() == trimmed.len() {
        return;
    }
    if without.is_empty() || without.ends_with([' ', '\t']) {
        out.insert(without.len(), '\\');
    }
}

/// Before an inserted line break, trailing blanks would make a hard break.
fn trim_trailing_blanks(out: &mut String) {
    let len = out.trim_end_matches([' ', '\t']).len();
    out.truncate(len);
}

/// At the end of a line, two trailing spaces would make a hard break with
/// the source's line break.
fn trim_trailing_blanks_if_hard_break(out: &mut String) {
    if out.ends_with("  ") || out.ends_with('\t') {
        trim_trailing_blanks(out);
    }
}

/// An odd run of backslashes at the end would escape the character after
/// the span (or make a hard break before a line break): double the last.
fn escape_trailing_backslash(out: &mut String, rest_of_line: &str, kind: Kind) {
    if kind == Kind::Plain {
        return;
    }
    let run = out.len() - out.trim_end_matches('\\').len();
    if run.is_multiple_of(2) {
        return;
    }
    let next = rest_of_line.chars().next();
    if next.is_none_or(|c| c.is_ascii_punctuation()) {
        out.push('\\');
    }
}
