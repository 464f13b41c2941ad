//! One text's Markdown as a CommonMark renderer sees it: link targets,
//! emphasis, code spans, and the delimiter runs left as literal text.
use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{BrokenLink, CowStr, Event, LinkType, Options, Parser, Tag};

/// What the Markdown of one text holds, as a CommonMark renderer sees it.
#[derive(Debug, Default)]
pub(crate) struct Markdown {
    /// Targets of links and images in order: the destination of inline ones,
    /// `[label]` for reference ones.
    pub(crate) targets: Vec<String>,
    /// Byte ranges of the destinations (for masking numbers in them).
    pub(crate) destinations: Vec<Range<usize>>,
    pub(crate) emphasis: usize,
    pub(crate) strong: usize,
    pub(crate) strikethrough: usize,
    pub(crate) code: usize,
    /// Delimiter runs left as literal text (`**` that opens nothing), by run.
    pub(crate) stray: HashMap<String, usize>,
    /// A stray `*` or `_` run sits between punctuation and a letter, where
    /// CommonMark neither opens nor closes emphasis (`**“길”**을`).
    pub(crate) punctuation_flanked: bool,
}

impl Markdown {
    pub(crate) fn scan(text: &str) -> Markdown {
        let mut md = Markdown::default();
        // Leading indentation would make the text a code block.
        let offset = text.len() - text.trim_start().len();
        let text = &text[offset..];
        let callback = |link: BrokenLink<'_>| {
            (link.link_type == LinkType::Reference)
                .then_some((CowStr::Borrowed(""), CowStr::Borrowed("")))
        };
        let parser = Parser::new_with_broken_link_callback(
            text,
            Options::ENABLE_STRIKETHROUGH,
            Some(callback),
        );
        let mut literal = String::new();
        for (event, range) in parser.into_offset_iter() {
            if !matches!(event, Event::Text(_)) && !literal.is_empty() {
                md.count_stray(&literal);
                literal.clear();
            }
            match event {
                Event::Text(t) => literal.push_str(&t),
                Event::Code(_) => md.code += 1,
                Event::Start(Tag::Emphasis) => md.emphasis += 1,
                Event::Start(Tag::Strong) => md.strong += 1,
                Event::Start(Tag::Strikethrough) => md.strikethrough += 1,
                Event::Start(
                    Tag::Link {
                        link_type,
                        dest_url,
                        id,
                        ..
                    }
                    | Tag::Image {
                        link_type,
                        dest_url,
                        id,
                        ..
                    },
                ) => {
                    let target = match link_type {
                        LinkType::Autolink | LinkType::Email => continue,
                        LinkType::Inline => dest_url.to_string(),
                        _ => format!("[{id}]"),
                    };
                    md.targets.push(target);
                    let raw = text.get(range.clone()).unwrap_or("");
                    let at = raw.rfind("](").or_else(|| raw.rfind("]["));
                    if let Some(at) = at {
                        md.destinations
                            .push(offset + range.start + at + 2..offset + range.end);
                    }
                }
                _ => {}
            }
        }
        if !literal.is_empty() {
            md.count_stray(&literal);
        }
        md
    }

    /// Counts the runs of `*`, `_`, `` ` `` and `~~` left in literal text;
    /// an intraword `_` (`snake_case`) and a lone `~` (`~5%`) are prose.
    fn count_stray(&mut self, text: &str) {
        let chars: Vec<char> = text.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if !matches!(c, '*' | '_' | '`' | '~') {
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len() && chars[i] == c {
                i += 1;
            }
            let len = i - start;
            let before = start.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i).copied();
            let intraword = before.is_some_and(char::is_alphanumeric)
                && after.is_some_and(char::is_alphanumeric);
            let prose = match c {
                '_' => intraword,
                '~' => len < 2,
                // `2 * 3`: a star between spaces is arithmetic, not markup.
                '*' => {
                    before.is_none_or(char::is_whitespace) && after.is_none_or(char::is_whitespace)
                }
                _ => false,
            };
            if !prose {
                let punctuation =
                    |x: Option<char>| x.is_some_and(|x| !x.is_alphanumeric() && !x.is_whitespace());
                let letter = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
                if matches!(c, '*' | '_')
                    && ((punctuation(before) && letter(after))
                        || (letter(before) && punctuation(after)))
                {
                    self.punctuation_flanked = true;
                }
                *self
                    .stray
                    .entry(chars[start..i].iter().collect())
                    .or_default() += 1;
            }
        }
    }
}
