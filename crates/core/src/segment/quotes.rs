//! Quotations: which one is open, where it closes, and whether what follows
//! its closing mark continues the sentence (an attribution, a particle).
//!
//! The scanner feeds [`Quotes`] every quotation mark it passes; the judges
//! ask it whether a candidate stands inside a title or an attributed
//! quotation, and ask the free functions here about the words after a
//! closing mark.
use super::{
    Rules,
    classes::{Next, classify_next, is_cjk, is_hangul, is_opener},
    cursor::{char_at, prev_char},
    scanner::Candidate,
};

/// Opening and closing marks of the quotations whose extent is tracked. Single
/// quotes are left out: `’` is far more often an apostrophe.
const QUOTE_PAIRS: [(char, char); 7] = [
    ('“', '”'),
    ('"', '"'),
    ('«', '»'),
    ('„', '“'),
    ('「', '」'),
    ('『', '』'),
    ('《', '》'),
];

/// Index in [`QUOTE_PAIRS`] of the title brackets `《》`, tracked apart from
/// quotations: nothing inside a title ends a sentence (`《摔跤吧！爸爸》`).
const TITLE: usize = 6;

#[derive(Debug, Clone, Copy)]
struct OpenQuote {
    kind: usize,
    content_start: usize,
    attributed: Option<bool>,
}

/// The quotation state at the scan position.
#[derive(Debug, Default)]
pub(super) struct Quotes {
    open: Option<OpenQuote>,
    /// Where the content of an open title (`《…》`) starts.
    title: Option<usize>,
    // Per quotation kind, the position scanned up to and the closer found
    // there: each search resumes where the last stopped, keeping the lookahead
    // for quotation ends linear overall.
    closer_scanned: [usize; QUOTE_PAIRS.len()],
    closer_found: [Option<usize>; QUOTE_PAIRS.len()],
}

impl Quotes {
    /// A `"` at `i`: closes an open straight quotation, or opens one where a
    /// quotation can start.
    pub(super) fn straight_quote(&mut self, text: &str, i: usize) {
        match self.open {
            Some(q) if QUOTE_PAIRS[q.kind].1 == '"' => self.open = None,
            Some(_) => {}
            None => {
                let opens = prev_char(text, i).is_none_or(|p| {
                    p.is_whitespace() || is_opener(p) || matches!(p, ':' | '-' | '—' | '–')
                });
                if opens {
                    self.open = Some(OpenQuote {
                        kind: 1,
                        content_start: i + 1,
                        attributed: None,
                    });
                }
            }
        }
    }

    /// A non-ASCII character `ch` at `i`: opens or closes a title or a
    /// quotation when it is one of their marks.
    pub(super) fn curly_quote(&mut self, ch: char, i: usize) {
        match ch {
            '《' => self.title = Some(i + ch.len_utf8()),
            '》' => self.title = None,
            _ => {}
        }
        match self.open {
            Some(q) => {
                if QUOTE_PAIRS[q.kind].1 == ch {
                    self.open = None;
                }
            }
            None => {
                let kind = QUOTE_PAIRS[..TITLE]
                    .iter()
                    .position(|p| p.0 == ch && ch != '"');
                if let Some(kind) = kind {
                    self.open = Some(OpenQuote {
                        kind,
                        content_start: i + ch.len_utf8(),
                        attributed: None,
                    });
                }
            }
        }
    }

    /// Is a terminator run ending at `run_end` inside an open title that
    /// closes after it?
    pub(super) fn inside_title(&mut self, text: &str, run_end: usize) -> bool {
        self.title.is_some_and(|content_start| {
            self.find_closer(text, TITLE, content_start)
                .is_some_and(|close| close >= run_end)
        })
    }

    /// Is the candidate inside a quotation that is followed by a lowercase
    /// continuation or attribution (`“A. B,” he said`)? Then the quotation is
    /// one sentence with its attribution.
    pub(super) fn inside_attributed_quote(
        &mut self,
        text: &str,
        rules: &Rules,
        closers_end: usize,
    ) -> bool {
        let Some(q) = self.open else {
            return false;
        };
        let Some(close) = self.find_closer(text, q.kind, q.content_start) else {
            return false;
        };
        if close < closers_end {
            return false;
        }
        if let Some(attributed) = q.attributed {
            return attributed;
        }
        let attributed = is_attributed(text, rules, close, QUOTE_PAIRS[q.kind].1);
        if let Some(q) = self.open.as_mut() {
            q.attributed = Some(attributed);
        }
        attributed
    }

    fn find_closer(&mut self, text: &str, kind: usize, from: usize) -> Option<usize> {
        if let Some(found) = self.closer_found[kind]
            && found >= from
        {
            return Some(found);
        }
        let start = from.max(self.closer_scanned[kind]);
        if start >= text.len() {
            self.closer_found[kind] = None;
            return None;
        }
        let closer = QUOTE_PAIRS[kind].1;
        match text[start..].find(closer) {
            Some(offset) => {
                let found = start + offset;
                self.closer_found[kind] = Some(found);
                self.closer_scanned[kind] = found + closer.len_utf8();
                Some(found)
            }
            None => {
                self.closer_found[kind] = None;
                self.closer_scanned[kind] = text.len();
                None
            }
        }
    }
}

/// After the closing mark of a quotation and no space: does a Korean,
/// Japanese or Chinese word continue the clause?
pub(super) fn quote_continues(text: &str, rules: &Rules, c: &Candidate) -> Option<&'static str> {
    if c.closers_end == c.run_end || c.has_space {
        return None;
    }
    let rest = &text[c.next_pos..];
    let next = rest.chars().next()?;
    if is_hangul(next) {
        return Some("korean-quotative");
    }
    if rules.particles.iter().any(|p| rest.starts_with(p.as_str())) {
        return Some("quote:particle");
    }
    if rules
        .continuations
        .iter()
        .any(|p| rest.starts_with(p.as_str()))
    {
        return Some("quote:continues");
    }
    if attribution_follows(rules, rest) {
        return Some("quote:attribution");
    }
    None
}

/// `‘괜찮을까…’ 하고 생각했다`: the quotative verb `하다` may follow a
/// closing quote after a space.
pub(super) fn spaced_quotative(text: &str, rules: &Rules, pos: usize) -> bool {
    let rest = &text[pos..];
    rest.starts_with('하')
        && rules.quotatives.iter().any(|q| {
            q.starts_with('하')
                && rest.starts_with(q.as_str())
                && !char_at(rest, q.len()).is_some_and(is_hangul)
        })
}

/// `“为什么？”他问。`: a short Chinese clause ending in a verb of saying
/// right after a closing quote is the quotation's attribution. Looks at
/// most a dozen characters ahead.
fn attribution_follows(rules: &Rules, rest: &str) -> bool {
    if rules.attributions.is_empty() {
        return false;
    }
    let mut end = rest.len();
    for (count, (i, ch)) in rest.char_indices().enumerate() {
        if matches!(ch, '。' | '，' | '！' | '？' | '；' | '.' | ',' | '!' | '?') {
            end = i;
            break;
        }
        if count == 12 || !is_cjk(ch) {
            return false;
        }
    }
    end > 0
        && rules
            .attributions
            .iter()
            .any(|verb| rest[..end].ends_with(verb.as_str()))
}

fn is_attributed(text: &str, rules: &Rules, close: usize, closer: char) -> bool {
    if matches!(prev_char(text, close), Some(',' | '，' | '、')) {
        return true;
    }
    let after = close + closer.len_utf8();
    let rest = &text[after..];
    let Some(first) = rest.chars().next() else {
        return false;
    };
    if matches!(first, ',' | '，' | '、') || is_hangul(first) {
        return true;
    }
    if rules.particles.iter().any(|p| rest.starts_with(p.as_str()))
        || rules
            .continuations
            .iter()
            .any(|p| rest.starts_with(p.as_str()))
        || attribution_follows(rules, rest)
    {
        return true;
    }
    if first.is_whitespace() {
        let (next, _) = classify_next(text, after + first.len_utf8());
        return next == Next::Lower;
    }
    false
}
