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
//! - a translation equal to the source text of its span, or to the
//!   segment's text (its line breaks folded, as catalogs hold it), is the
//!   span as it is: it already fits its place (so building with identity
//!   translations reproduces the article byte for byte).
//!
//! Pure: no I/O.
use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag};

use crate::article::Segment;

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
/// `segments` are those of `text` (`article::segments(text, true, …)`). An
/// empty (or blank) translation counts as missing and keeps the source. A
/// segment whose span is out of bounds, not on character boundaries or
/// overlapping an earlier one is left as the source.
pub fn build_article<'a>(
    text: &str,
    segments: &[Segment],
    fill: impl Fn(usize) -> Fill<'a>,
    mark: Option<&MarkOutdated>,
) -> String {
    build(text, segments, fill, mark, true)
}

/// [`build_article`] for a plain-text article
/// (`article::segments(text, false, …)`): translations are placed as they
/// are, with the article's line endings and no Markdown escaping.
pub fn build_plain_article<'a>(
    text: &str,
    segments: &[Segment],
    fill: impl Fn(usize) -> Fill<'a>,
    mark: Option<&MarkOutdated>,
) -> String {
    build(text, segments, fill, mark, false)
}

fn build<'a>(
    text: &str,
    segments: &[Segment],
    fill: impl Fn(usize) -> Fill<'a>,
    mark: Option<&MarkOutdated>,
    markdown: bool,
) -> String {
    let places = if markdown {
        Places::markdown(text)
    } else {
        Places::default()
    };
    let mut order: Vec<usize> = (0..segments.len()).collect();
    order.sort_by_key(|&i| (segments[i].span.start, segments[i].span.end));

    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut cursor = 0;
    for (n, &i) in order.iter().enumerate() {
        let span = segments[i].span.clone();
        if span.start < cursor
            || span.end < span.start
            || span.end > text.len()
            || !text.is_char_boundary(span.start)
            || !text.is_char_boundary(span.end)
        {
            continue;
        }
        let source = &text[span.clone()];
        let (translation, outdated) = match fill(i) {
            Fill::Source => continue,
            Fill::Translated(t) => (t, false),
            Fill::Outdated(t) => (t, true),
        };
        // Empty means missing, as in the catalogs.
        if translation.trim().is_empty() {
            continue;
        }
        let marker = mark.filter(|_| outdated);
        let identical = translation == source || translation == segments[i].text;
        if identical && marker.is_none() {
            continue;
        }
        out.push_str(&text[cursor..span.start]);
        cursor = span.end;

        let first_in_block = n == 0 || segments[order[n - 1]].block != segments[i].block;
        let place = Place::of(text, &span, first_in_block, &places, markdown);
        let body = if identical {
            source.to_string()
        } else {
            place.render(translation)
        };
        match marker {
            Some(mark) => {
                let line = format!("{}{}", mark.before, body);
                let line = line.split('\n').next().unwrap_or_default();
                if place
                    .line_start
                    .is_some_and(|level| opens_html_block(line.trim_end_matches('\r'), level))
                {
                    // A line starting with `<!--` (or `<div`, …) would be an
                    // HTML block, and the whole line raw HTML; an empty
                    // inline element in front keeps it a paragraph line.
                    out.push_str("<span></span>");
                }
                out.push_str(&mark.before);
                out.push_str(&body);
                out.push_str(&mark.after);
            }
            None => out.push_str(&body),
        }
    }
    out.push_str(&text[cursor..]);
    out
}

/// Ranges of the article's blocks where a translation needs special care.
#[derive(Default)]
struct Places {
    /// ATX headings (one line each).
    atx_headings: Vec<Range<usize>>,
    /// Table cells.
    cells: Vec<Range<usize>>,
}

impl Places {
    fn markdown(text: &str) -> Places {
        // The options `article` parses with, so the blocks are the same.
        let options = crate::article::MARKDOWN_OPTIONS;
        let mut places = Places::default();
        for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
            match event {
                Event::Start(Tag::Heading { .. })
                    if text[range.clone()].trim_start().starts_with('#') =>
                {
                    places.atx_headings.push(range)
                }
                Event::Start(Tag::TableCell) => places.cells.push(range),
                _ => {}
            }
        }
        places
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
struct Place<'t> {
    kind: Kind,
    /// When the span starts its line's content (after container syntax):
    /// how strictly that line start must be escaped.
    line_start: Option<Level>,
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
    fn of(
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
        let line_start =
            (kind == Kind::Flow && container == before.len()).then_some(if first_in_block {
                Level::Start
            } else {
                Level::Continuation
            });
        let continuation = before[..container]
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

    fn render(&self, translation: &str) -> String {
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

/// How strictly a line start is escaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    /// The first line of a block: anything that starts another block.
    Start,
    /// A later line of a paragraph: what can interrupt a paragraph (the
    /// source's own lines pass unchanged).
    Continuation,
    /// A line a translation adds: both.
    Any,
}

/// Writes `line`, escaping a first character that would open a block.
fn escape_line_start(line: &str, level: Level, out: &mut String) {
    match block_opener(line, level) {
        Some(at) => {
            out.push_str(&line[..at]);
            out.push('\\');
            out.push_str(&line[at..]);
        }
        None => out.push_str(line),
    }
}

/// Where to put a backslash so that `line`, at the start of a line, stays
/// paragraph text; `None` when it already is.
fn block_opener(line: &str, level: Level) -> Option<usize> {
    let bytes = line.as_bytes();
    let first = *bytes.first()?;
    let start = level != Level::Continuation;
    let interrupt = level != Level::Start;
    let blank_after = |j: usize| j >= bytes.len() || bytes[j] == b' ' || bytes[j] == b'\t';
    let rest_blank = |j: usize| line.get(j..).is_none_or(|r| r.trim().is_empty());
    let only = |c: u8| line.trim_end().bytes().all(|b| b == c);
    let spaced_only = |c: u8| {
        line.bytes().all(|b| b == c || b == b' ' || b == b'\t')
            && line.bytes().filter(|&b| b == c).count() >= 3
    };
    if interrupt && is_delimiter_row(line) {
        return line.find('-');
    }
    match first {
        b'#' => {
            let n = bytes.iter().take_while(|&&b| b == b'#').count();
            (n <= 6 && blank_after(n)).then_some(0)
        }
        b'>' => Some(0),
        b'`' | b'~' => (bytes.iter().take_while(|&&b| b == first).count() >= 3).then_some(0),
        b'=' => (interrupt && only(b'=')).then_some(0),
        b'-' | b'*' | b'_' | b'+' => {
            if spaced_only(first) && first != b'+' {
                return Some(0); // thematic break
            }
            if first == b'-' && interrupt && only(b'-') {
                return Some(0); // setext underline
            }
            if first == b'+' && start && line.trim_end() == "+++" {
                return Some(0); // front matter fence
            }
            let bullet = first != b'_' && blank_after(1);
            (bullet && (start || !rest_blank(1))).then_some(0)
        }
        b'0'..=b'9' => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            let delimiter = matches!(bytes.get(digits), Some(b'.' | b')'));
            let item = digits <= 9 && delimiter && blank_after(digits + 1);
            // Only a list starting at 1, and not empty, interrupts a paragraph.
            let one = line[..digits].trim_start_matches('0') == "1" && !rest_blank(digits + 1);
            (item && (start || one)).then_some(digits)
        }
        b'<' => opens_html_block(line, level).then_some(0),
        b'[' => (start && is_definition(line)).then_some(0),
        _ => None,
    }
}

/// Whether `line` at the start of a line opens an HTML block.
fn opens_html_block(line: &str, level: Level) -> bool {
    const RAW: [&str; 4] = ["script", "pre", "style", "textarea"];
    const BLOCK: [&str; 62] = [
        "address",
        "article",
        "aside",
        "base",
        "basefont",
        "blockquote",
        "body",
        "caption",
        "center",
        "col",
        "colgroup",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "frame",
        "frameset",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hr",
        "html",
        "iframe",
        "legend",
        "li",
        "link",
        "main",
        "menu",
        "menuitem",
        "nav",
        "noframes",
        "ol",
        "optgroup",
        "option",
        "p",
        "param",
        "search",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "track",
        "ul",
    ];
    let Some(rest) = line.strip_prefix('<') else {
        return false;
    };
    if rest.starts_with("!--")
        || rest.starts_with('?')
        || rest.starts_with("![CDATA[")
        || rest
            .strip_prefix('!')
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_alphabetic()))
    {
        return true;
    }
    let closing = rest.starts_with('/');
    let name_part = rest.strip_prefix('/').unwrap_or(rest);
    let name_len = name_part
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
        .count();
    if name_len == 0 || !name_part.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return false;
    }
    let name = name_part[..name_len].to_ascii_lowercase();
    let after = &name_part[name_len..];
    let ends_name = |after: &str| {
        after.is_empty() || after.starts_with([' ', '\t', '>']) || after.starts_with("/>")
    };
    if !closing && RAW.contains(&name.as_str()) && ends_name(after) {
        return true;
    }
    if BLOCK.contains(&name.as_str()) && ends_name(after) {
        return true;
    }
    // Any other complete tag alone on its line starts a block, but cannot
    // interrupt a paragraph.
    level != Level::Continuation
        && ends_name(after)
        && line.trim_end().ends_with('>')
        && !line[1..].contains('<')
}

/// `|---|:-:|` under a paragraph's line would make it a table's header.
fn is_delimiter_row(line: &str) -> bool {
    let line = line.trim();
    line.contains('-')
        && (line.contains('|') || line.contains(':'))
        && line
            .bytes()
            .all(|b| matches!(b, b'|' | b'-' | b':' | b' ' | b'\t'))
}

/// `[label]: …` would be a link reference (or footnote) definition.
fn is_definition(line: &str) -> bool {
    let mut escaped = false;
    for (i, c) in line.char_indices().skip(1) {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '[' => return false,
            ']' => return i > 1 && line[i + 1..].starts_with(':'),
            _ => {}
        }
    }
    false
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article;
    use crate::segment::Rules;
    use pulldown_cmark::TagEnd;

    const FRONT_MATTER: &str = "---\ntitle: \"Kim's visit\"\ntags: [a, b]\n---\n\n# Title here\n\nBody text. Second sentence.\n";
    const TABLE: &str = "| Name | Note |\n|------|:----:|\n| Kim | Visited *China*. Again. |\n| `a|b` | x \\| y |\n\nAfter the table.\n";
    const NESTED: &str = "1. First item. It has two sentences.\n   - Nested bullet with a [link](http://x.test/a).\n     Continued here.\n   - Second nested.\n2. Second item.\n\n- [ ] Task open.\n- [x] Task done.\n\n* Star item\n+ Plus item\n";
    const QUOTE: &str = "> A quote that wraps\n> over lines. And a second\n> sentence here.\n>\n> > Nested quote. With *emphasis\n> > over a break*.\n\n> Lazy start\nlazy continuation. Next one.\n";
    const CODE: &str = "Intro text.\n\n```rust\nfn main() { println!(\"# not a heading\"); }\n```\n\n    indented code\n\n~~~\nfence two\n~~~\n\n<div>\nraw html\n</div>\n\nOutro `code span` here.\n";
    const CRLF: &str =
        "# Heading\r\n\r\nFirst line\r\nsecond line. Another.\r\n\r\n- item one\r\n- item two\r\n";
    const KOREAN: &str = "# 김정은, 중국 방문\n\n북한 김정은 국무위원장이 중국을 다시 방문했다. 전문가들은 “설득에 실패했기 때문”이라고\n말한다.\n\n> 인용문입니다. 두 번째 문장.\n";
    const EMPHASIS: &str = "Some *emphasis that\nspans a soft break* here. And **strong\nacross** too.\n\nA [link that\nwraps](http://x.test) ends. Hard break here  \nafter it. Backslash break\\\nnext.\n";
    const MIXED: &str = "Setext heading\n==============\n\nOther heading\n---\n\nText with trailing spaces   \n\n***\n\nTerm[^1] with a footnote.\n\n[^1]: The note. Its second sentence.\n\n[ref]: http://x.test\n\n# ATX closed #\n\nLast line without newline.";

    const TRICKY: &[&str] = &[
        FRONT_MATTER,
        TABLE,
        NESTED,
        QUOTE,
        CODE,
        CRLF,
        KOREAN,
        EMPHASIS,
        MIXED,
        "",
        "\n",
        "Just one line",
    ];

    fn segs(text: &str) -> Vec<Segment> {
        article::segments(text, true, &Rules::for_language("en"))
    }

    fn identity(text: &str, segments: &[Segment]) -> String {
        build_article(
            text,
            segments,
            |i| Fill::Translated(&text[segments[i].span.clone()]),
            None,
        )
    }

    /// The block structure a CommonMark parser sees: block tags and rules.
    fn structure(text: &str) -> Vec<String> {
        Parser::new_ext(text, crate::article::MARKDOWN_OPTIONS)
            .filter_map(|event| match event {
                Event::Start(
                    tag @ (Tag::Paragraph
                    | Tag::Heading { .. }
                    | Tag::BlockQuote(_)
                    | Tag::CodeBlock(_)
                    | Tag::HtmlBlock
                    | Tag::List(_)
                    | Tag::Item
                    | Tag::FootnoteDefinition(_)
                    | Tag::Table(_)
                    | Tag::TableHead
                    | Tag::TableRow
                    | Tag::TableCell
                    | Tag::MetadataBlock(_)),
                ) => Some(format!("{:?}", strip(tag))),
                Event::End(
                    tag @ (TagEnd::Paragraph
                    | TagEnd::Heading(_)
                    | TagEnd::BlockQuote(_)
                    | TagEnd::CodeBlock
                    | TagEnd::HtmlBlock
                    | TagEnd::List(_)
                    | TagEnd::Item
                    | TagEnd::FootnoteDefinition
                    | TagEnd::Table
                    | TagEnd::TableHead
                    | TagEnd::TableRow
                    | TagEnd::TableCell
                    | TagEnd::MetadataBlock(_)),
                ) => Some(format!("end {tag:?}")),
                Event::Rule => Some("rule".to_string()),
                _ => None,
            })
            .collect()
    }

    /// A tag without the details a translation may change (heading ids,
    /// code block info is kept).
    fn strip(tag: Tag) -> Tag {
        match tag {
            Tag::Heading { level, .. } => Tag::Heading {
                level,
                id: None,
                classes: vec![],
                attrs: vec![],
            },
            other => other,
        }
    }

    fn repo_articles() -> Vec<(std::path::PathBuf, String)> {
        fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            let Ok(entries) = std::fs::read_dir(dir) else {
                return;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, out);
                } else {
                    out.push(path);
                }
            }
        }
        // The repository's articles, two folders above this crate.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../articles");
        let mut paths = Vec::new();
        walk(&root, &mut paths);
        paths.sort();
        paths
            .into_iter()
            .filter(|p| {
                matches!(
                    p.extension().and_then(|e| e.to_str()),
                    Some("md" | "markdown" | "txt")
                )
            })
            .map(|p| {
                let bytes = std::fs::read(&p).unwrap();
                let text = article::decode(&p, &bytes).unwrap();
                (p, text)
            })
            .collect()
    }

    #[test]
    fn identity_reproduces_tricky_markdown() {
        for text in TRICKY {
            let segments = segs(text);
            assert_eq!(text.trim().is_empty(), segments.is_empty());
            assert_eq!(identity(text, &segments), *text);
            // Also when every segment is marked outdated but no marker is set,
            // and when every segment is missing.
            let outdated = build_article(
                text,
                &segments,
                |i| Fill::Outdated(&text[segments[i].span.clone()]),
                None,
            );
            assert_eq!(outdated, *text);
            assert_eq!(
                build_article(text, &segments, |_| Fill::Source, None),
                *text
            );
        }
    }

    /// The identity as catalogs hold it: each segment's text, its line
    /// breaks folded into spaces, as in `source = "…"`.
    #[test]
    fn catalog_identity_keeps_wrapped_lines() {
        let wrapped =
            "A sentence wrapped\n   over lines. Another\r\none.\n\n> Quoted and\n> wrapped.\n";
        let mut texts: Vec<String> = TRICKY.iter().map(|t| t.to_string()).collect();
        texts.extend([KOREAN.to_string(), CRLF.to_string(), wrapped.to_string()]);
        for text in &texts {
            let segments = segs(text);
            let fill = |i: usize| Fill::Translated(&segments[i].text);
            assert_eq!(build_article(text, &segments, fill, None), *text);
            let plain = article::segments(text, false, &Rules::for_language("en"));
            let fill = |i: usize| Fill::Translated(&plain[i].text);
            assert_eq!(build_plain_article(text, &plain, fill, None), *text);
        }
        assert!(
            segs(wrapped)
                .iter()
                .any(|s| s.text.contains("wrapped over"))
        );
    }

    #[test]
    fn identity_reproduces_korean_and_crlf_articles() {
        for rules in [Rules::for_language("ko"), Rules::for_language("en")] {
            for text in [KOREAN, CRLF, &KOREAN.replace('\n', "\r\n")] {
                let segments = article::segments(text, true, &rules);
                assert!(segments.len() >= 4);
                assert_eq!(identity(text, &segments), text);
            }
        }
    }

    #[test]
    fn identity_reproduces_the_repo_articles() {
        let articles = repo_articles();
        assert!(!articles.is_empty(), "no articles under articles/");
        for (path, text) in articles {
            let markdown = path.extension().is_some_and(|e| e != "txt");
            let segments = article::segments(&text, markdown, &Rules::for_language("en"));
            assert!(!segments.is_empty(), "{}", path.display());
            let fill = |i: usize| Fill::Translated(&text[segments[i].span.clone()]);
            let built = if markdown {
                build_article(&text, &segments, fill, None)
            } else {
                build_plain_article(&text, &segments, fill, None)
            };
            assert!(built == text, "{} changed", path.display());
        }
    }

    /// The source's own text, placed as if it were a translation (the
    /// escaping path, not the verbatim copy), is unchanged: no escape fires
    /// on text that already is where it stands.
    #[test]
    fn escaping_leaves_source_lines_alone() {
        let mut texts: Vec<String> = TRICKY.iter().map(|t| t.to_string()).collect();
        texts.extend(repo_articles().into_iter().map(|(_, t)| t));
        texts.push(
            "Kim arrived in\n2019. It was cold.\n\nWe met at 5\n+ 3 friends.\n\nA line\n* alone\n"
                .into(),
        );
        texts.push(
            "- C# and F#\n- 1.5 times. 2) was odd.\n\n# C#\n\nStars ***bold*** here.\n".into(),
        );
        for text in &texts {
            let segments = segs(text);
            let places = Places::markdown(text);
            for (n, segment) in segments.iter().enumerate() {
                let source = &text[segment.span.clone()];
                if source.contains('\n') {
                    continue;
                }
                let first = n == 0 || segments[n - 1].block != segment.block;
                let place = Place::of(text, &segment.span, first, &places, true);
                assert_eq!(place.render(source), source, "in {text:?}");
            }
        }
    }

    #[test]
    fn translations_replace_their_spans_only() {
        let text = "---\ntitle: x\n---\n\n# Kim visits China\n\nKim went to [Beijing](http://b.test). He met Xi.\n\n- First point.\n- Second point.\n\n```\ncode. Stays.\n```\n";
        let segments = segs(text);
        let texts: Vec<&str> = segments.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Kim visits China",
                "Kim went to [Beijing](http://b.test).",
                "He met Xi.",
                "First point.",
                "Second point."
            ]
        );
        let ko = [
            "김정은, 중국 방문",
            "김 위원장은 [베이징](http://b.test)에 갔다.",
            "그는 시진핑을 만났다.",
            "첫째.",
            "둘째.",
        ];
        let built = build_article(text, &segments, |i| Fill::Translated(ko[i]), None);
        assert_eq!(
            built,
            "---\ntitle: x\n---\n\n# 김정은, 중국 방문\n\n김 위원장은 [베이징](http://b.test)에 갔다. 그는 시진핑을 만났다.\n\n- 첫째.\n- 둘째.\n\n```\ncode. Stays.\n```\n"
        );
        assert_eq!(structure(&built), structure(text));
    }

    #[test]
    fn outdated_is_marked_and_missing_keeps_the_source() {
        let text = "# Title\n\nOne. Two. Three.\n";
        let segments = segs(text);
        assert_eq!(segments.len(), 4);
        let fill = |i: usize| match i {
            0 => Fill::Translated("제목"),
            1 => Fill::Outdated("하나."),
            2 => Fill::Source,
            _ => Fill::Outdated("셋."),
        };
        let mark = MarkOutdated::span();
        assert_eq!(
            build_article(text, &segments, fill, Some(&mark)),
            "# 제목\n\n<span class=\"l10n-outdated\">하나.</span> Two. <span class=\"l10n-outdated\">셋.</span>\n"
        );
        // Without a marker an outdated translation is published as it is.
        assert_eq!(
            build_article(text, &segments, fill, None),
            "# 제목\n\n하나. Two. 셋.\n"
        );
        // A custom marker; an outdated translation identical to the source
        // is marked all the same.
        let mark = MarkOutdated {
            before: "[[".into(),
            after: "]]".into(),
        };
        let same = |i: usize| Fill::Outdated(&text[segments[i].span.clone()]);
        assert_eq!(
            build_article(text, &segments, same, Some(&mark)),
            "# [[Title]]\n\n[[One.]] [[Two.]] [[Three.]]\n"
        );
    }

    #[test]
    fn a_comment_marker_never_opens_an_html_block() {
        let text =
            "First sentence. Second\nsentence. Third.\n\n- Item one.\n\n> Quoted.\n\n# Heading\n";
        let segments = segs(text);
        let mark = MarkOutdated::comment();
        let built = build_article(text, &segments, |_| Fill::Outdated("번역."), Some(&mark));
        assert_eq!(structure(&built), structure(text), "{built}");
        assert!(!structure(&built).iter().any(|t| t.contains("Html")));
        assert!(built.contains("<!-- l10n:outdated -->번역.<!-- /l10n:outdated --> "));
        assert_eq!(
            built.matches("<!-- l10n:outdated -->").count(),
            segments.len()
        );
        assert_eq!(
            built.matches("<!-- /l10n:outdated -->").count(),
            segments.len()
        );
    }

    #[test]
    fn line_breaks_continue_inside_the_containers() {
        let text =
            "> Quoted sentence.\n\n- Item sentence.\n\n1. Ordered sentence.\n\n> - Quoted item.\n";
        let segments = segs(text);
        let built = build_article(
            text,
            &segments,
            |_| Fill::Translated("첫 줄\n둘째 줄"),
            None,
        );
        assert_eq!(
            built,
            "> 첫 줄\n> 둘째 줄\n\n- 첫 줄\n  둘째 줄\n\n1. 첫 줄\n   둘째 줄\n\n> - 첫 줄\n>   둘째 줄\n"
        );
        assert_eq!(structure(&built), structure(text));
        // Blank lines, CRLF and indentation inside a translation.
        let built = build_article(
            text,
            &segments,
            |_| Fill::Translated("a  \r\n\r\n   b\n"),
            None,
        );
        assert_eq!(
            built,
            "> a\n> b\n\n- a\n  b\n\n1. a\n   b\n\n> - a\n>   b\n"
        );
    }

    #[test]
    fn line_breaks_follow_crlf() {
        let segments = segs(CRLF);
        let built = build_article(CRLF, &segments, |_| Fill::Translated("가\n나"), None);
        assert_eq!(
            built,
            "# 가 나\r\n\r\n가\r\n나 가\r\n나\r\n\r\n- 가\r\n  나\r\n- 가\r\n  나\r\n"
        );
        assert_eq!(structure(&built), structure(CRLF));
    }

    #[test]
    fn block_openers_at_a_line_start_are_escaped() {
        let text = "Para.\n\n- Item.\n\n> Quote.\n\nOne.\nTwo.\n";
        let segments = segs(text);
        let cases = [
            ("# 제목", "\\# 제목"),
            ("## x", "\\## x"),
            ("#hashtag", "#hashtag"),
            ("- 항목", "\\- 항목"),
            ("-5도", "-5도"),
            ("+ x", "\\+ x"),
            ("* x", "\\* x"),
            ("*강조*", "*강조*"),
            ("1. 첫째", "1\\. 첫째"),
            ("2019) 해", "2019\\) 해"),
            ("2019년", "2019년"),
            ("> 인용", "\\> 인용"),
            ("```", "\\```"),
            ("~~~ x", "\\~~~ x"),
            ("---", "\\---"),
            ("* * *", "\\* * *"),
            ("<div>", "\\<div>"),
            ("<!-- x -->", "\\<!-- x -->"),
            ("<span>x</span>", "<span>x</span>"),
            ("[a]: http://x", "\\[a]: http://x"),
            ("[a] b", "[a] b"),
            ("    코드 아님", "코드 아님"),
        ];
        for (translation, expected) in cases {
            let built = build_article(text, &segments, |_| Fill::Translated(translation), None);
            let first = built.split("\n\n").next().unwrap();
            assert_eq!(first, expected, "{translation:?} → {built:?}");
            assert_eq!(
                structure(&built),
                structure(text),
                "{translation:?} → {built}"
            );
        }
        // After a line break inside the paragraph: what interrupts it.
        let two = |t: &str| {
            build_article(
                text,
                &segments,
                |i| {
                    if i == 4 {
                        Fill::Translated(t)
                    } else {
                        Fill::Source
                    }
                },
                None,
            )
        };
        assert!(two("===").ends_with("One.\n\\===\n"));
        assert!(two("1. x").ends_with("One.\n1\\. x\n"));
        assert!(two("2. x").ends_with("One.\n2. x\n"), "{}", two("2. x"));
        assert!(two("[a]: b").ends_with("One.\n[a]: b\n"));
        for t in ["===", "1. x", "2. x", "- x", "# x", "> x", "```", "<div>"] {
            assert_eq!(structure(&two(t)), structure(text), "{t}");
        }
    }

    #[test]
    fn headings_and_table_cells_stay_one_line() {
        let text = "# Title\n\n## Closed ##\n\n| A | B |\n|---|---|\n| x | y |\n";
        let segments = segs(text);
        let built = build_article(text, &segments, |_| Fill::Translated("가 | 나\n다 #"), None);
        assert_eq!(
            built,
            "# 가 | 나 다 \\#\n\n## 가 | 나 다 # ##\n\n| 가 \\| 나 다 # | 가 \\| 나 다 # |\n|---|---|\n| 가 \\| 나 다 # | 가 \\| 나 다 # |\n"
        );
        assert_eq!(structure(&built), structure(text));
        let cells: Vec<String> = segs(&built).into_iter().map(|s| s.text).collect();
        assert_eq!(cells[2], "가 \\| 나 다 #");
        assert_eq!(cells[0], "가 | 나 다 \\#");
    }

    #[test]
    fn trailing_backslashes_and_spaces_do_not_leak() {
        let text = "One. Two.\nThree.\n";
        let segments = segs(text);
        let built = build_article(text, &segments, |_| Fill::Translated("끝\\"), None);
        assert_eq!(built, "끝\\ 끝\\\\\n끝\\\\\n");
        let built = build_article(text, &segments, |_| Fill::Translated("끝  "), None);
        assert_eq!(built, "끝   끝\n끝\n");
        assert_eq!(structure(&built), structure(text));
    }

    /// The hardest translations, everywhere at once: the block structure of
    /// every tricky article survives.
    #[test]
    fn structure_survives_hostile_translations() {
        let hostile = [
            "# 번역 - 1. > x\n- y\n1. z\n> q | r #\n===\n```\n<div>\n[a]: b\n    code",
            "---\n***\n+++\n<!-- c -->\n<script>",
            "|\n|---|\n| a |",
            "\\",
            "",
            "\n\n",
        ];
        let mut texts: Vec<String> = TRICKY.iter().map(|t| t.to_string()).collect();
        texts.extend(repo_articles().into_iter().map(|(_, t)| t));
        for text in &texts {
            let segments = segs(text);
            for translation in hostile {
                for mark in [
                    None,
                    Some(MarkOutdated::comment()),
                    Some(MarkOutdated::span()),
                ] {
                    let built = build_article(
                        text,
                        &segments,
                        |_| Fill::Outdated(translation),
                        mark.as_ref(),
                    );
                    assert_eq!(
                        structure(&built),
                        structure(text),
                        "{translation:?} in\n{text}\n→\n{built}"
                    );
                }
            }
        }
    }

    /// Articles put together from many kinds of blocks, with LF or CRLF:
    /// identity reproduces them, and hostile translations keep their
    /// structure.
    #[test]
    fn generated_articles_round_trip_and_keep_their_structure() {
        const BLOCKS: &[&str] = &[
            "Plain sentence one. Plain sentence two.",
            "A wrapped\nparagraph. With a *soft\nbreak* inside.",
            "# ATX heading",
            "## Closed heading ##",
            "Setext\n------",
            "- a. b.\n- c\n  d.",
            "1. one\n   1. nested\n2) two",
            "> quote one.\n> quote two.\n>\n> > deeper\nlazy.",
            "> - quoted item\n>   continued.",
            "```\ncode # x\n```",
            "    indented code",
            "<div>\nhtml\n</div>",
            "| h1 | h2 |\n|---|---|\n| c1 | c2 |",
            "Term[^n] here.\n\n[^n]: Note text.",
            "***",
            "김정은 위원장이 “방문”했다. 두 번째 문장.",
            "Line with hard break  \nnext line.",
            "- [ ] task one\n- [x] task two",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for round in 0..200 {
            let count = 1 + next(6);
            let blocks: Vec<&str> = (0..count).map(|_| BLOCKS[next(BLOCKS.len())]).collect();
            let mut text = blocks.join("\n\n");
            if next(2) == 0 {
                text.push('\n');
            }
            if round % 3 == 0 {
                text = text.replace('\n', "\r\n");
            }
            if next(4) == 0 {
                text = format!("---\ntitle: t\n---\n\n{text}");
            }
            let segments = segs(&text);
            assert_eq!(identity(&text, &segments), text);
            for translation in ["# 번역\n- 가\n1. 나\n> 다 | 라", "|\n|---|", "가\\"] {
                let built = build_article(
                    &text,
                    &segments,
                    |_| Fill::Outdated(translation),
                    Some(&MarkOutdated::comment()),
                );
                assert_eq!(structure(&built), structure(&text), "{text:?}\n→\n{built}");
            }
        }
    }

    #[test]
    fn plain_text_is_placed_as_is() {
        let text = "Headline\nByline here.\r\n\r\n# Not markdown. - Really.\r\n";
        let segments = article::segments(text, false, &Rules::for_language("en"));
        assert_eq!(
            build_plain_article(
                text,
                &segments,
                |i| Fill::Translated(&text[segments[i].span.clone()]),
                None
            ),
            text
        );
        let built = build_plain_article(text, &segments, |_| Fill::Translated("# 가\n나"), None);
        // Each line keeps its own line ending.
        assert_eq!(
            built,
            "# 가\n나\n# 가\r\n나\r\n\r\n# 가\r\n나 # 가\r\n나\r\n"
        );
    }

    #[test]
    fn bad_spans_are_left_alone() {
        let text = "한국어 문장. Two.\n";
        let mut segments = segs(text);
        assert_eq!(segments.len(), 2);
        segments.push(Segment {
            block: 0,
            text: "x".into(),
            span: 1..2, // inside a character
        });
        segments.push(Segment {
            block: 0,
            text: "x".into(),
            span: 0..4, // overlaps the first
        });
        segments.push(Segment {
            block: 0,
            text: "x".into(),
            span: 10..999,
        });
        assert_eq!(
            build_article(text, &segments, |_| Fill::Translated("X"), None),
            "X X\n"
        );
    }
}
