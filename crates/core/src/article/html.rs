//! HTML blocks: the text of the elements that hold prose (`<p>`, headings,
//! `<li>`, cells, `<figcaption>`, `<dt>`/`<dd>`, `<blockquote>`,
//! `<summary>`, `<caption>`) and the values of `alt` and `title`
//! attributes, as po4a's xhtml module reads them. Inline tags (`<b>`,
//! `<a href>`) stay in the text; `<pre>`, `<script>`, `<style>`,
//! `<textarea>` and comments are never text. Nothing is decoded: a
//! segment is the source text between tags.
//!
//! A small scanner of its own rather than an HTML parser crate: a block is
//! a fragment (CommonMark ends it at a blank line, often mid-element), and
//! what is needed is byte ranges of the source, which html5gum and tl do not
//! keep for text once entities are decoded.
use std::ops::Range;

use super::{Block, Chunk};

/// Elements whose own text is translatable.
const PROSE: [&str; 18] = [
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "td",
    "th",
    "figcaption",
    "dt",
    "dd",
    "blockquote",
    "summary",
    "caption",
    "label",
    "legend",
];

/// Elements that part text runs (block-level): text between two of them is
/// translatable when the innermost open one is a prose element.
const BLOCK_LEVEL: [&str; 22] = [
    "div", "section", "article", "aside", "header", "footer", "nav", "main", "ul", "ol", "dl",
    "table", "thead", "tbody", "tfoot", "tr", "figure", "details", "form", "fieldset", "hr", "br",
];

/// Elements whose content is never text.
const RAW: [&str; 4] = ["pre", "script", "style", "textarea"];

/// The blocks of the HTML block at `range` of `text`.
pub(super) fn html_blocks(text: &str, range: Range<usize>) -> Vec<Block> {
    let bytes = text.as_bytes();
    let mut blocks = Vec::new();
    // The innermost open block-level or prose element.
    let mut open: Vec<String> = Vec::new();
    // The `alt`/`title` values of the tags inside the current run of prose.
    let mut run_attributes: Vec<Range<usize>> = Vec::new();
    let mut run_start = range.start;
    let mut at = range.start;
    let end = range.end;
    while at < end {
        if bytes[at] != b'<' {
            at += 1;
            continue;
        }
        if text[at..end].starts_with("<!--") {
            let close = text[at..end].find("-->").map_or(end, |i| at + i + 3);
            flush(text, run_start..at, &open, &mut run_attributes, &mut blocks);
            at = close;
            run_start = at;
            continue;
        }
        let Some(tag) = parse_tag(text, at, end) else {
            at += 1;
            continue;
        };
        let name = tag.name.to_ascii_lowercase();
        let prose = PROSE.contains(&name.as_str());
        let parts = prose || BLOCK_LEVEL.contains(&name.as_str());
        let in_run = !parts && open.last().is_some_and(|n| PROSE.contains(&n.as_str()));
        if parts {
            flush(text, run_start..at, &open, &mut run_attributes, &mut blocks);
            run_start = at;
        }
        // Inside a run of prose, an attribute is part of its text already
        // (unless the run has no text of its own: see `flush`).
        if in_run {
            run_attributes.extend(tag.attributes.iter().cloned());
        } else {
            for value in &tag.attributes {
                if !text[value.clone()].trim().is_empty() {
                    blocks.push(vec![vec![value.clone()]]);
                }
            }
        }
        if RAW.contains(&name.as_str()) && !tag.closing {
            flush(text, run_start..at, &open, &mut run_attributes, &mut blocks);
            let closing = format!("</{name}");
            let close = find_ignoring_case(&text[tag.end..end], &closing)
                .map(|i| tag.end + i)
                .and_then(|i| text[i..end].find('>').map(|j| i + j + 1))
                .unwrap_or(end);
            at = close;
            run_start = at;
            continue;
        }
        if parts {
            run_start = tag.end;
            if tag.closing {
                if let Some(i) = open.iter().rposition(|n| *n == name) {
                    open.truncate(i);
                }
            } else if !tag.self_closing && name != "br" && name != "hr" {
                open.push(name);
            }
        }
        at = tag.end;
    }
    flush(
        text,
        run_start..end,
        &open,
        &mut run_attributes,
        &mut blocks,
    );
    blocks
}

/// Adds the text run `run` as a block when a prose element holds it. A
/// run of nothing but tags (`<p align="center"><img alt="Logo"></p>`) has
/// no sentence to carry its tags' `alt`/`title` values: they are blocks of
/// their own then.
fn flush(
    text: &str,
    run: Range<usize>,
    open: &[String],
    run_attributes: &mut Vec<Range<usize>>,
    blocks: &mut Vec<Block>,
) {
    let attributes = std::mem::take(run_attributes);
    if !open.last().is_some_and(|n| PROSE.contains(&n.as_str())) {
        return;
    }
    if !has_text_outside_tags(&text[run.clone()]) {
        for value in attributes {
            if !text[value.clone()].trim().is_empty() {
                blocks.push(vec![vec![value]]);
            }
        }
        return;
    }
    let mut chunk: Chunk = Vec::new();
    let mut at = run.start;
    for line in text[run.clone()].split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim();
        if !trimmed.is_empty() {
            let start = at + (content.len() - content.trim_start().len());
            chunk.push(start..start + trimmed.len());
        }
        at += line.len();
    }
    if !chunk.is_empty() {
        blocks.push(vec![chunk]);
    }
}

/// Whether `html` has a letter or digit that is not inside a tag.
fn has_text_outside_tags(html: &str) -> bool {
    let mut in_tag = false;
    html.chars().any(|c| {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ => return !in_tag && c.is_alphanumeric(),
        }
        false
    })
}

fn find_ignoring_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

struct Tag<'t> {
    name: &'t str,
    closing: bool,
    self_closing: bool,
    /// The value ranges (inside the quotes) of its `alt` and `title`.
    attributes: Vec<Range<usize>>,
    /// Just after its `>`.
    end: usize,
}

/// The tag starting at `at` (`<name …>` or `</name>`), if it is one.
fn parse_tag(text: &str, at: usize, limit: usize) -> Option<Tag<'_>> {
    let bytes = text.as_bytes();
    let mut i = at + 1;
    let closing = bytes.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    while i < limit && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'-') {
        i += 1;
    }
    if i == name_start || !bytes[name_start].is_ascii_alphabetic() {
        return None;
    }
    let name = &text[name_start..i];
    let mut attributes = Vec::new();
    loop {
        while i < limit && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        match bytes.get(i) {
            None => return None,
            _ if i >= limit => return None,
            Some(b'>') => {
                let self_closing = bytes[i - 1] == b'/';
                return Some(Tag {
                    name,
                    closing,
                    self_closing,
                    attributes,
                    end: i + 1,
                });
            }
            Some(b'/') => i += 1,
            Some(_) => {
                let attr_start = i;
                while i < limit
                    && !matches!(bytes[i], b'=' | b'>' | b'/')
                    && !bytes[i].is_ascii_whitespace()
                {
                    i += 1;
                }
                let attr = text[attr_start..i].to_ascii_lowercase();
                while i < limit && bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                if bytes.get(i) != Some(&b'=') {
                    continue;
                }
                i += 1;
                while i < limit && bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                let value = match bytes.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let close = text[i + 1..limit].find(q as char)? + i + 1;
                        let value = i + 1..close;
                        i = close + 1;
                        value
                    }
                    _ => {
                        let start = i;
                        while i < limit && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>' {
                            i += 1;
                        }
                        start..i
                    }
                };
                if (attr == "alt" || attr == "title") && !closing {
                    attributes.push(value);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(html: &str) -> Vec<String> {
        html_blocks(html, 0..html.len())
            .into_iter()
            .map(|block| {
                block
                    .iter()
                    .flatten()
                    .map(|r| &html[r.clone()])
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn prose_elements_and_attributes_are_text_raw_ones_are_not() {
        let html = "<div class=\"note\">\n<p>A <b>bold</b> claim. <a href=\"x\">Link</a>.</p>\n\
                    <img src=\"a.png\" alt=\"A cat\">\n<p>See <img alt=\"in text\"> here.</p><pre>code. Stays.</pre>\n<!-- hidden. -->\n\
                    <ul><li>One.</li><li>Two\n  lines.</li></ul>\n<h2 title='Tip'>Head</h2>\n\
                    <script>var x = \"<p>no</p>\";</script>\n<table><tr><td>Cell.</td></tr></table>\n</div>";
        assert_eq!(
            texts(html),
            [
                "A <b>bold</b> claim. <a href=\"x\">Link</a>.",
                "A cat",
                "See <img alt=\"in text\"> here.",
                "One.",
                "Two lines.",
                "Tip",
                "Head",
                "Cell.",
            ]
        );
    }

    #[test]
    fn text_outside_prose_elements_is_not_offered() {
        assert!(texts("<div>Loose text.</div>").is_empty());
        assert!(texts("<span>x</span>").is_empty());
    }
}
