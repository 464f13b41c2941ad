//! The scan loop: walks the text once, left to right, finds every candidate
//! boundary and hands it to the judges; emits each decision.
use super::{
    Decision, Rules,
    classes::{Term, is_bullet, is_closer, is_terminator, term_class},
    cursor::char_at,
    lists::ListValue,
    quotes::Quotes,
};

pub(super) fn scan<F: FnMut(Decision)>(text: &str, rules: &Rules, emit: F) {
    let mut scanner = Scanner {
        text,
        rules,
        emit,
        last_cut: 0,
        list: None,
        quotes: Quotes::default(),
    };
    scanner.run();
}

pub(super) struct Scanner<'a, F> {
    pub(super) text: &'a str,
    pub(super) rules: &'a Rules,
    pub(super) emit: F,
    pub(super) last_cut: usize,
    pub(super) list: Option<ListValue>,
    pub(super) quotes: Quotes,
}

/// A candidate: a run of terminators, the closing marks after it and the
/// white space after those.
#[derive(Debug, Clone, Copy)]
pub(super) struct Candidate {
    pub(super) start: usize,
    pub(super) run_end: usize,
    pub(super) closers_end: usize,
    pub(super) next_pos: usize,
    pub(super) has_space: bool,
    pub(super) dots: usize,
    pub(super) ellipses: usize,
    pub(super) marks: usize,
    pub(super) strong: usize,
    pub(super) fullwidth_dots: usize,
    pub(super) spaced: bool,
    pub(super) first_closer: Option<char>,
}

impl<F: FnMut(Decision)> Scanner<'_, F> {
    fn run(&mut self) {
        let bytes = self.text.as_bytes();
        // Bytes that can start something of interest: ASCII terminators,
        // `)` and `"`, and the lead byte of every non-ASCII character. The
        // rest (most of the text) is skipped by a table lookup.
        let mut special = [false; 256];
        for b in [b'.', b'?', b'!', b')', b'"'] {
            special[b as usize] = true;
        }
        for b in 0..128u8 {
            if (self.rules.ascii_terminators >> b) & 1 == 1 {
                special[b as usize] = true;
            }
        }
        for flag in &mut special[0xC0..] {
            *flag = true;
        }
        let mut i = 0;
        while i < bytes.len() {
            let byte = bytes[i];
            if !special[byte as usize] {
                i += 1;
                continue;
            }
            if byte < 0x80 {
                match byte {
                    b')' => {
                        self.paren_marker(i);
                        i += 1;
                    }
                    b'"' => {
                        self.quotes.straight_quote(self.text, i);
                        i += 1;
                    }
                    _ => i = self.candidate(i),
                }
            } else {
                let ch = char_at(self.text, i).unwrap_or('\u{fffd}');
                if is_terminator(ch, self.rules) {
                    i = self.candidate(i);
                    continue;
                }
                self.quotes.curly_quote(ch, i);
                if is_bullet(ch) {
                    self.bullet(i);
                }
                i += ch.len_utf8();
            }
        }
    }

    pub(super) fn decide(&mut self, offset: usize, split: bool, rule: &'static str) {
        let (split, rule) = if split
            && !self.rules.no_break.is_empty()
            && self.rules.no_break_at(self.text, offset)
        {
            (false, "workspace:no-break")
        } else {
            (split, rule)
        };
        let split = split && offset > self.last_cut && offset < self.text.len();
        if split {
            self.last_cut = offset;
        }
        (self.emit)(Decision {
            offset,
            split,
            rule,
        });
    }

    /// Examines the terminator run starting at `start`; returns where the
    /// main loop resumes (the end of the run, so that closing quotes after it
    /// still update the quotation state).
    fn candidate(&mut self, start: usize) -> usize {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut c = Candidate {
            start,
            run_end: start,
            closers_end: start,
            next_pos: start,
            has_space: false,
            dots: 0,
            ellipses: 0,
            marks: 0,
            strong: 0,
            fullwidth_dots: 0,
            spaced: false,
            first_closer: None,
        };
        let mut j = start;
        while let Some(ch) = char_at(text, j) {
            match term_class(ch, self.rules) {
                Some(Term::Dot) => c.dots += 1,
                Some(Term::Ellipsis) => c.ellipses += 1,
                Some(Term::Mark) => c.marks += 1,
                Some(Term::Strong) => {
                    c.strong += 1;
                    if ch == '．' {
                        c.fullwidth_dots += 1;
                    }
                }
                None => {
                    // `. . .`: dots separated by single spaces are one run.
                    let only_dots = c.ellipses + c.marks + c.strong == 0;
                    let single_dot =
                        bytes.get(j + 1) == Some(&b'.') && bytes.get(j + 2) != Some(&b'.');
                    if ch == ' ' && only_dots && single_dot {
                        c.spaced = true;
                        j += 1;
                        continue;
                    }
                    break;
                }
            }
            j += ch.len_utf8();
        }
        c.run_end = j;

        let mut k = j;
        let mut count = 0;
        while let Some(ch) = char_at(text, k) {
            if count == 8 || !is_closer(ch) {
                break;
            }
            // `“` closes a German quotation but opens an English one.
            if ch == '“' && char_at(text, k + ch.len_utf8()).is_some_and(char::is_alphanumeric) {
                break;
            }
            c.first_closer.get_or_insert(ch);
            k += ch.len_utf8();
            count += 1;
        }
        k += citations_len(&text[k..]);
        let mut m = skip_space(text, k);
        // `gas. [1] It`: citation marks after the space still belong to the
        // sentence they support.
        let cited = citations_len(&text[m..]);
        if cited > 0 {
            k = m + cited;
            m = skip_space(text, k);
        }
        c.closers_end = k;
        c.next_pos = m;
        c.has_space = m > k;

        let (offset, split, rule) = self.judge(&c);
        self.decide(offset, split, rule);
        c.run_end
    }
}

fn skip_space(text: &str, mut i: usize) -> usize {
    while let Some(ch) = char_at(text, i) {
        if !ch.is_whitespace() {
            break;
        }
        i += ch.len_utf8();
    }
    i
}

/// Length of the citation marks (`[1][2]`, `[12] [3]`) at the start of `rest`.
fn citations_len(rest: &str) -> usize {
    let bytes = rest.as_bytes();
    let mut end = 0;
    let mut i = 0;
    for _ in 0..8 {
        let digits = bytes[(i + 1).min(bytes.len())..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if bytes.get(i) != Some(&b'[')
            || digits == 0
            || digits > 3
            || bytes.get(i + 1 + digits) != Some(&b']')
        {
            break;
        }
        i += digits + 2;
        end = i;
        while bytes.get(i) == Some(&b' ') {
            i += 1;
        }
    }
    end
}
