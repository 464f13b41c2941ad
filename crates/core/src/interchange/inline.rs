//! A sentence's inline Markdown as XLIFF inline codes: the text a
//! translator writes, and the syntax around it (code spans, link and image
//! brackets with their destinations, emphasis markers, inline HTML,
//! autolinks) that a CAT tool should keep as it is.
//!
//! [`split`] cuts a sentence into [`Piece`]s whose raw texts, joined, give
//! the sentence back byte for byte. It reads Markdown with pulldown-cmark,
//! set up as the quality checks' scanner (`qa::scan::markdown`) is: a
//! sentence alone, leading indentation aside, full reference links taken
//! as links though their definitions are elsewhere in the article.
use std::ops::Range;

use pulldown_cmark::{BrokenLink, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

use super::xml::is_xml_char;

/// One piece of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text to translate (Markdown escapes such as `\*` included).
    Text(&'a str),
    /// Syntax to keep: a code span, inline HTML, an autolink, or one end of
    /// a pair whose other end did not fit.
    Code { raw: &'a str, kind: Kind },
    /// The start of a pair (`**`, `[`, `![`), numbered from 0 in the
    /// sentence; its [`Piece::Close`] comes later with the same number, and
    /// pairs nest.
    Open {
        raw: &'a str,
        kind: Kind,
        pair: usize,
    },
    /// The end of a pair (`**`, `](https://…)`).
    Close {
        raw: &'a str,
        kind: Kind,
        pair: usize,
    },
    /// A character XML cannot carry (a C0 control, U+FFFE, U+FFFF).
    Char(char),
}

/// What a piece of syntax is, for the formats that tell CAT tools.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Emphasis,
    Strong,
    Strikethrough,
    Link,
    Image,
    Code,
    Html,
    Autolink,
}

impl Piece<'_> {
    /// The piece as it stands in the sentence.
    pub fn push_raw(&self, out: &mut String) {
        match self {
            Piece::Text(raw)
            | Piece::Code { raw, .. }
            | Piece::Open { raw, .. }
            | Piece::Close { raw, .. } => out.push_str(raw),
            Piece::Char(c) => out.push(*c),
        }
    }
}

/// The pieces' raw texts joined: the sentence [`split`] cut.
pub fn join(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for piece in pieces {
        piece.push_raw(&mut out);
    }
    out
}

/// A sentence cut into text, codes, pairs and characters XML cannot carry,
/// in order.
pub fn split(sentence: &str) -> Vec<Piece<'_>> {
    let marked = markdown(sentence).unwrap_or_default();
    let mut pieces = Vec::new();
    let mut at = 0;
    for (range, mark) in marked {
        if range.start > at {
            pieces.push(Piece::Text(&sentence[at..range.start]));
        }
        let raw = &sentence[range.clone()];
        pieces.push(match mark {
            Mark::Alone(kind) => Piece::Code { raw, kind },
            Mark::Open(kind, pair) => Piece::Open { raw, kind, pair },
            Mark::Close(kind, pair) => Piece::Close { raw, kind, pair },
        });
        at = range.end;
    }
    if at < sentence.len() {
        pieces.push(Piece::Text(&sentence[at..]));
    }
    without_unwritable(pieces)
}

#[derive(Debug, Clone, Copy)]
enum Mark {
    Alone(Kind),
    Open(Kind, usize),
    Close(Kind, usize),
}

/// The byte ranges of the sentence's syntax, in order and apart; none
/// when the parser's ranges do not fit together so (then it is all text).
fn markdown(sentence: &str) -> Option<Vec<(Range<usize>, Mark)>> {
    // Leading indentation would make the text a code block.
    let offset = sentence.len() - sentence.trim_start().len();
    let text = &sentence[offset..];
    let callback = |link: BrokenLink<'_>| {
        (link.link_type == LinkType::Reference)
            .then_some((CowStr::Borrowed(""), CowStr::Borrowed("")))
    };
    let parser =
        Parser::new_with_broken_link_callback(text, Options::ENABLE_STRIKETHROUGH, Some(callback));
    let mut marks: Vec<(Range<usize>, Mark)> = Vec::new();
    // The containers open now: kind, range, where their content starts
    // (none until the first event inside), and the pair's number.
    let mut open: Vec<(Kind, Range<usize>, Option<usize>, usize)> = Vec::new();
    let mut pairs = 0;
    // Where the last event inside the innermost container ended.
    let mut last_end = 0;
    // Inside an autolink, whose text is part of its code.
    let mut autolink_depth = 0usize;
    for (event, range) in parser.into_offset_iter() {
        let range = range.start + offset..range.end + offset;
        if autolink_depth > 0 {
            match event {
                Event::Start(_) => autolink_depth += 1,
                Event::End(_) => autolink_depth -= 1,
                _ => {}
            }
            if autolink_depth == 0 {
                last_end = range.end;
            }
            continue;
        }
        if !matches!(event, Event::End(_))
            && let Some(top) = open.last_mut()
            && top.2.is_none()
        {
            top.2 = Some(range.start);
        }
        match event {
            Event::Start(tag) => {
                let kind = match tag {
                    Tag::Emphasis => Some(Kind::Emphasis),
                    Tag::Strong => Some(Kind::Strong),
                    Tag::Strikethrough => Some(Kind::Strikethrough),
                    Tag::Link {
                        link_type: LinkType::Autolink | LinkType::Email,
                        ..
                    } => {
                        marks.push((range.clone(), Mark::Alone(Kind::Autolink)));
                        autolink_depth = 1;
                        continue;
                    }
                    Tag::Link { .. } => Some(Kind::Link),
                    Tag::Image { .. } => Some(Kind::Image),
                    _ => None,
                };
                if let Some(kind) = kind {
                    open.push((kind, range, None, pairs));
                    pairs += 1;
                }
            }
            Event::End(end) => {
                let container = matches!(
                    end,
                    TagEnd::Emphasis
                        | TagEnd::Strong
                        | TagEnd::Strikethrough
                        | TagEnd::Link
                        | TagEnd::Image
                );
                if container && let Some((kind, whole, content, pair)) = open.pop() {
                    match content {
                        Some(start) if start > whole.start && last_end < whole.end => {
                            marks.push((whole.start..start, Mark::Open(kind, pair)));
                            marks.push((last_end..whole.end, Mark::Close(kind, pair)));
                        }
                        _ => marks.push((whole.clone(), Mark::Alone(kind))),
                    }
                    last_end = whole.end;
                }
            }
            Event::Code(_) => {
                marks.push((range.clone(), Mark::Alone(Kind::Code)));
                last_end = range.end;
            }
            Event::InlineHtml(_) | Event::Html(_) => {
                marks.push((range.clone(), Mark::Alone(Kind::Html)));
                last_end = range.end;
            }
            _ => last_end = range.end,
        }
    }
    // A container without content was marked whole, so its children (none)
    // cannot overlap; an empty pair's inner marks can (`[`code`](u)` has a
    // code inside): marks are sorted and must not overlap.
    marks.sort_by_key(|(range, _)| (range.start, range.end));
    let fits = marks.windows(2).all(|w| w[0].0.end <= w[1].0.start)
        && marks
            .iter()
            .all(|(r, _)| r.start < r.end && r.end <= sentence.len());
    fits.then_some(marks)
}

/// Characters XML cannot carry taken out of every piece as [`Piece::Char`];
/// a pair one of whose ends has one is no longer a pair.
fn without_unwritable(pieces: Vec<Piece<'_>>) -> Vec<Piece<'_>> {
    let unwritable = |raw: &str| raw.chars().any(|c| !is_xml_char(c));
    if !pieces.iter().any(|p| match p {
        Piece::Text(raw)
        | Piece::Code { raw, .. }
        | Piece::Open { raw, .. }
        | Piece::Close { raw, .. } => unwritable(raw),
        Piece::Char(_) => false,
    }) {
        return pieces;
    }
    let broken: Vec<usize> = pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Open { raw, pair, .. } | Piece::Close { raw, pair, .. } if unwritable(raw) => {
                Some(*pair)
            }
            _ => None,
        })
        .collect();
    let mut out = Vec::with_capacity(pieces.len());
    for piece in pieces {
        let (raw, make): (&str, &dyn Fn(&str) -> Piece) = match piece {
            Piece::Text(raw) => (raw, &|r| Piece::Text(r)),
            Piece::Code { raw, kind } => (raw, &move |r| Piece::Code { raw: r, kind }),
            Piece::Open { raw, kind, pair } | Piece::Close { raw, kind, pair }
                if broken.contains(&pair) =>
            {
                (raw, &move |r| Piece::Code { raw: r, kind })
            }
            other => {
                out.push(other);
                continue;
            }
        };
        let mut start = 0;
        for (i, c) in raw.char_indices() {
            if !is_xml_char(c) {
                if start < i {
                    out.push(make(&raw[start..i]));
                }
                out.push(Piece::Char(c));
                start = i + c.len_utf8();
            }
        }
        if start < raw.len() {
            out.push(make(&raw[start..]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The pieces as `text|{code}|<open|close>|#c`, for short assertions.
    fn shape(sentence: &str) -> String {
        split(sentence)
            .iter()
            .map(|p| match p {
                Piece::Text(t) => t.to_string(),
                Piece::Code { raw, .. } => format!("{{{raw}}}"),
                Piece::Open { raw, .. } => format!("<{raw}"),
                Piece::Close { raw, .. } => format!("{raw}>"),
                Piece::Char(c) => format!("#{:x}", *c as u32),
            })
            .collect::<Vec<_>>()
            .join("|")
    }

    #[test]
    fn protects_inline_markdown() {
        assert_eq!(shape("Plain text."), "Plain text.");
        assert_eq!(
            shape("See [the docs](https://x.y/a_b) now."),
            "See |<[|the docs|](https://x.y/a_b)>| now."
        );
        assert_eq!(
            shape("Run `cargo test` and **stop**."),
            "Run |{`cargo test`}| and |<**|stop|**>|."
        );
        assert_eq!(shape("*A* ~~b~~"), "<*|A|*>| |<~~|b|~~>");
        assert_eq!(
            shape("Mail <a@b.c> or <https://x.y>."),
            "Mail |{<a@b.c>}| or |{<https://x.y>}|."
        );
        assert_eq!(
            shape("A <span class=\"x\">b</span>."),
            "A |{<span class=\"x\">}|b|{</span>}|."
        );
        assert_eq!(shape("![A cat](c.png \"t\")"), "<![|A cat|](c.png \"t\")>");
        assert_eq!(shape("[Ref][label] x"), "<[|Ref|][label]>| x");
        assert_eq!(shape("***both***"), "<*|<**|both|**>|*>");
        // An empty link is one code; an unmatched marker is text.
        assert_eq!(shape("[](u) *x"), "{[](u)}| *x");
        assert_eq!(shape("[`c`](u)"), "<[|{`c`}|](u)>");
        assert_eq!(shape("  Indented *x*"), "  Indented |<*|x|*>");
        assert_eq!(shape("escaped \\*x\\*"), "escaped \\*x\\*");
    }

    #[test]
    fn takes_out_what_xml_cannot_carry() {
        assert_eq!(shape("a\u{7}b"), "a|#7|b");
        assert_eq!(shape("`a\u{1}b` c"), "{`a}|#1|{b`}| c");
        // A pair with such a character in one end is two lone codes.
        assert_eq!(shape("[x](a \"b\u{2}\") y"), "{[}|x|{](a \"b}|#2|{\")}| y");
    }

    proptest! {
        #[test]
        fn join_gives_the_sentence_back(sentence in "([a-z *_`~\\[\\]()<>!#^\\\\/:.@\"\u{1}\u{7}한]|https://){0,40}") {
            let pieces = split(&sentence);
            prop_assert_eq!(join(&pieces), sentence.clone());
            // Pairs open before they close, and nest.
            let mut stack = Vec::new();
            for piece in &pieces {
                match piece {
                    Piece::Open { pair, .. } => stack.push(*pair),
                    Piece::Close { pair, .. } => prop_assert_eq!(stack.pop(), Some(*pair)),
                    Piece::Text(raw) | Piece::Code { raw, .. } => {
                        prop_assert!(!raw.is_empty() && raw.chars().all(is_xml_char));
                    }
                    Piece::Char(c) => prop_assert!(!is_xml_char(*c)),
                }
            }
            prop_assert!(stack.is_empty());
        }
    }
}
