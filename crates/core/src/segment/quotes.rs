//! Quotations: which one is open, where it closes, and whether what follows
//! its closing mark continues the sentence (an attribution, a particle).
use super::{
    Decision,
    classes::{Next, classify_next, is_cjk, is_hangul, is_opener},
    cursor::{char_at, prev_char},
    scanner::{Candidate, Scanner},
};

/// Opening and closing marks of the quotations whose extent is tracked. Single
/// quotes are left out: `’` is far more often an apostrophe.
pub(super) const QUOTE_PAIRS: [(char, char); 7] = [
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
pub(super) const TITLE: usize = 6;

#[derive(Debug, Clone, Copy)]
pub(super) struct OpenQuote {
    pub(super) kind: usize,
    pub(super) content_start: usize,
    pub(super) attributed: Option<bool>,
}

impl<F: FnMut(Decision)> Scanner<'_, F> {
    /// After the closing mark of a quotation and no space: does a Korean,
    /// Japanese or Chinese word continue the clause?
    pub(super) fn quote_continues(&self, c: &Candidate) -> Option<&'static str> {
        if c.closers_end == c.run_end || c.has_space {
            return None;
        }
        let rest = &self.text[c.next_pos..];
        let next = rest.chars().next()?;
        if is_hangul(next) {
            return Some("korean-quotative");
        }
        if self
            .rules
            .particles
            .iter()
            .any(|p| rest.starts_with(p.as_str()))
        {
            return Some("quote:particle");
        }
        if self
            .rules
            .continuations
            .iter()
            .any(|p| rest.starts_with(p.as_str()))
        {
            return Some("quote:continues");
        }
        if self.attribution_follows(rest) {
            return Some("quote:attribution");
        }
        None
    }

    /// `‘괜찮을까…’ 하고 생각했다`: the quotative verb `하다` may follow a
    /// closing quote after a space.
    pub(super) fn spaced_quotative(&self, pos: usize) -> bool {
        let rest = &self.text[pos..];
        rest.starts_with('하')
            && self.rules.quotatives.iter().any(|q| {
                q.starts_with('하')
                    && rest.starts_with(q.as_str())
                    && !char_at(rest, q.len()).is_some_and(is_hangul)
            })
    }

    /// `“为什么？”他问。`: a short Chinese clause ending in a verb of saying
    /// right after a closing quote is the quotation's attribution. Looks at
    /// most a dozen characters ahead.
    fn attribution_follows(&self, rest: &str) -> bool {
        let rules = self.rules;
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

    pub(super) fn straight_quote(&mut self, i: usize) {
        match self.quote {
            Some(q) if QUOTE_PAIRS[q.kind].1 == '"' => self.quote = None,
            Some(_) => {}
            None => {
                let opens = prev_char(self.text, i).is_none_or(|p| {
                    p.is_whitespace() || is_opener(p) || matches!(p, ':' | '-' | '—' | '–')
                });
                if opens {
                    self.quote = Some(OpenQuote {
                        kind: 1,
                        content_start: i + 1,
                        attributed: None,
                    });
                }
            }
        }
    }

    pub(super) fn curly_quote(&mut self, ch: char, i: usize) {
        match ch {
            '《' => self.title = Some(i + ch.len_utf8()),
            '》' => self.title = None,
            _ => {}
        }
        match self.quote {
            Some(q) => {
                if QUOTE_PAIRS[q.kind].1 == ch {
                    self.quote = None;
                }
            }
            None => {
                let kind = QUOTE_PAIRS[..TITLE]
                    .iter()
                    .position(|p| p.0 == ch && ch != '"');
                if let Some(kind) = kind {
                    self.quote = Some(OpenQuote {
                        kind,
                        content_start: i + ch.len_utf8(),
                        attributed: None,
                    });
                }
            }
        }
    }

    /// Is the candidate inside a quotation that is followed by a lowercase
    /// continuation or attribution (`“A. B,” he said`)? Then the quotation is
    /// one sentence with its attribution.
    pub(super) fn inside_attributed_quote(&mut self, closers_end: usize) -> bool {
        let Some(q) = self.quote else {
            return false;
        };
        let Some(close) = self.find_closer(q.kind, q.content_start) else {
            return false;
        };
        if close < closers_end {
            return false;
        }
        if let Some(attributed) = q.attributed {
            return attributed;
        }
        let attributed = self.is_attributed(close, QUOTE_PAIRS[q.kind].1);
        if let Some(q) = self.quote.as_mut() {
            q.attributed = Some(attributed);
        }
        attributed
    }

    fn is_attributed(&self, close: usize, closer: char) -> bool {
        if matches!(prev_char(self.text, close), Some(',' | '，' | '、')) {
            return true;
        }
        let after = close + closer.len_utf8();
        let rest = &self.text[after..];
        let Some(first) = rest.chars().next() else {
            return false;
        };
        if matches!(first, ',' | '，' | '、') || is_hangul(first) {
            return true;
        }
        let rules = self.rules;
        if rules.particles.iter().any(|p| rest.starts_with(p.as_str()))
            || rules
                .continuations
                .iter()
                .any(|p| rest.starts_with(p.as_str()))
            || self.attribution_follows(rest)
        {
            return true;
        }
        if first.is_whitespace() {
            let (next, _) = classify_next(self.text, after + first.len_utf8());
            return next == Next::Lower;
        }
        false
    }

    pub(super) fn find_closer(&mut self, kind: usize, from: usize) -> Option<usize> {
        if let Some(found) = self.closer_found[kind]
            && found >= from
        {
            return Some(found);
        }
        let start = from.max(self.closer_scanned[kind]);
        if start >= self.text.len() {
            self.closer_found[kind] = None;
            return None;
        }
        let closer = QUOTE_PAIRS[kind].1;
        match self.text[start..].find(closer) {
            Some(offset) => {
                let found = start + offset;
                self.closer_found[kind] = Some(found);
                self.closer_scanned[kind] = found + closer.len_utf8();
                Some(found)
            }
            None => {
                self.closer_found[kind] = None;
                self.closer_scanned[kind] = self.text.len();
                None
            }
        }
    }
}
