//! Sentence segmentation: splits the text of one block into sentences.
//!
//! Pure: no I/O. Language rules are data (see `rules`); this module holds the
//! algorithm, one linear left-to-right pass. Every place where a sentence
//! could end (terminal punctuation, a bullet, the next item of a numbered
//! list) is a *candidate*; a fixed cascade of rules confirms or vetoes it by
//! looking a bounded distance backwards (the word before) and forwards (the
//! word after), so the cost per candidate is constant and the whole pass is
//! linear even on a single 20 MB line.
//!
//! [`sentences`] and [`explain`] are the same scan with different sinks, so
//! the explanation can never disagree with the split.
use std::borrow::Cow;
use std::ops::Range;

mod rules;

pub use rules::Rules;

/// One candidate boundary and the rule that decided it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision {
    /// Byte offset where the boundary would cut (the sentence before it ends
    /// here, before any white space).
    pub offset: usize,
    /// Whether the boundary was taken.
    pub split: bool,
    /// Short name of the deciding rule, e.g. `abbreviation:title`.
    pub rule: &'static str,
}

/// The byte ranges of the sentences of `text`, in order, each trimmed of
/// surrounding white space. Newlines count as ordinary white space.
pub fn sentences(text: &str, rules: &Rules) -> Vec<Range<usize>> {
    let mut cuts: Vec<usize> = Vec::new();
    scan(text, rules, |d| {
        if d.split {
            cuts.push(d.offset);
        }
    });
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for cut in cuts.into_iter().chain(std::iter::once(text.len())) {
        if cut < start || !text.is_char_boundary(cut) {
            continue;
        }
        let piece = &text[start..cut];
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            out.push(start + lead..start + lead + trimmed.len());
        }
        start = cut;
    }
    out
}

/// Every candidate boundary of `text`, taken or not, with the rule that
/// decided it, in text order. The taken ones are exactly the cuts behind
/// [`sentences`].
pub fn explain(text: &str, rules: &Rules) -> Vec<Decision> {
    let mut out = Vec::new();
    scan(text, rules, |d| out.push(d));
    out
}

fn scan<F: FnMut(Decision)>(text: &str, rules: &Rules, emit: F) {
    let mut scanner = Scanner {
        text,
        rules,
        emit,
        last_cut: 0,
        list: None,
        quote: None,
        title: None,
        closer_scanned: [0; QUOTE_PAIRS.len()],
        closer_found: [None; QUOTE_PAIRS.len()],
    };
    scanner.run();
}

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

/// How far back or forward a rule may look for a word, in bytes: bounds the
/// work per candidate so that pathological input stays linear.
const WORD_LIMIT: usize = 64;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ListValue {
    Number(u32),
    Letter(u8),
}

#[derive(Debug, Clone, Copy)]
struct OpenQuote {
    kind: usize,
    content_start: usize,
    attributed: Option<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Term {
    Dot,
    Ellipsis,
    Mark,
    Strong,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Next {
    End,
    Upper,
    Lower,
    Caseless,
    Digit,
    Other,
}

/// A candidate: a run of terminators, the closing marks after it and the
/// white space after those.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    start: usize,
    run_end: usize,
    closers_end: usize,
    next_pos: usize,
    has_space: bool,
    dots: usize,
    ellipses: usize,
    marks: usize,
    strong: usize,
    fullwidth_dots: usize,
    spaced: bool,
    first_closer: Option<char>,
}

struct Scanner<'a, F> {
    text: &'a str,
    rules: &'a Rules,
    emit: F,
    last_cut: usize,
    list: Option<ListValue>,
    quote: Option<OpenQuote>,
    title: Option<usize>,
    // Per quotation kind, the position scanned up to and the closer found
    // there: each search resumes where the last stopped, keeping the lookahead
    // for quotation ends linear overall.
    closer_scanned: [usize; QUOTE_PAIRS.len()],
    closer_found: [Option<usize>; QUOTE_PAIRS.len()],
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
                        self.straight_quote(i);
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
                self.curly_quote(ch, i);
                if is_bullet(ch) {
                    self.bullet(i);
                }
                i += ch.len_utf8();
            }
        }
    }

    fn decide(&mut self, offset: usize, split: bool, rule: &'static str) {
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

    fn judge(&mut self, c: &Candidate) -> (usize, bool, &'static str) {
        let at = c.closers_end;
        if let Some(content_start) = self.title
            && self
                .find_closer(TITLE, content_start)
                .is_some_and(|close| close >= c.run_end)
        {
            return (at, false, "title-brackets");
        }
        if c.has_space && c.closers_end > c.run_end && self.spaced_quotative(c.next_pos) {
            return (at, false, "korean-quotative");
        }
        if c.strong > 0 {
            let (split, rule) = self.judge_strong(c);
            return (at, split, rule);
        }
        if c.marks > 0 {
            let (split, rule) = self.judge_mark(c);
            return (at, split, rule);
        }
        if c.ellipses > 0 || c.dots > 1 {
            if c.spaced {
                let attached = prev_char(self.text, c.start).is_some_and(|p| !p.is_whitespace());
                if c.dots == 3 {
                    // MLA style: three spaced dots mark an omission inside a
                    // sentence; four mark one at its end.
                    return (at, false, "ellipsis:spaced-omission");
                }
                if attached && c.dots == 4 {
                    // `word. . . . Next`: a period, then an omission that
                    // opens the next sentence.
                    let (next, _) = classify_next(self.text, c.next_pos);
                    let split = next == Next::Upper;
                    return (c.start + 1, split, "ellipsis:period-then-omission");
                }
            }
            let (split, rule) = self.judge_ellipsis(c);
            return (at, split, rule);
        }
        let (split, rule) = self.judge_dot(c);
        (at, split, rule)
    }

    /// After the closing mark of a quotation and no space: does a Korean,
    /// Japanese or Chinese word continue the clause?
    fn quote_continues(&self, c: &Candidate) -> Option<&'static str> {
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
    fn spaced_quotative(&self, pos: usize) -> bool {
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

    fn judge_strong(&mut self, c: &Candidate) -> (bool, &'static str) {
        let prev = prev_char(self.text, c.start);
        let next_ch = char_at(self.text, c.next_pos);
        if c.strong == c.fullwidth_dots
            && c.dots + c.marks + c.ellipses == 0
            && !c.has_space
            && c.closers_end == c.run_end
            && prev.is_some_and(char::is_numeric)
            && next_ch.is_some_and(char::is_numeric)
        {
            return (false, "decimal");
        }
        let Some(next_ch) = next_ch else {
            return (true, "end");
        };
        if let Some(rule) = self.quote_continues(c) {
            return (false, rule);
        }
        if self.inside_attributed_quote(c.closers_end) {
            return (false, "quote:attributed");
        }
        if matches!(next_ch, ',' | '，' | '、' | ';' | '；' | ':' | '：') {
            return (false, "no-sentence-start");
        }
        // `“ようこそ！” in red`: a quotation continued in lower case.
        if c.has_space
            && c.closers_end > c.run_end
            && classify_next(self.text, c.next_pos).0 == Next::Lower
        {
            return (false, "lowercase-next");
        }
        (true, "terminal")
    }

    fn judge_mark(&mut self, c: &Candidate) -> (bool, &'static str) {
        let Some(next_ch) = char_at(self.text, c.next_pos) else {
            return (true, "end");
        };
        if !c.has_space {
            if let Some(rule) = self.quote_continues(c) {
                return (false, rule);
            }
            if is_cjk(next_ch) || is_hangul(next_ch) {
                return (true, "cjk-terminal");
            }
            return (false, "no-space");
        }
        if self.inside_attributed_quote(c.closers_end) {
            return (false, "quote:attributed");
        }
        if starts_with_ellipsis(&self.text[c.next_pos..]) {
            // `Happy! ... No one`: the ellipsis decides.
            return (false, "ellipsis-follows");
        }
        match classify_next(self.text, c.next_pos).0 {
            Next::End => (true, "end"),
            Next::Lower => (false, "lowercase-next"),
            Next::Other => (false, "no-sentence-start"),
            _ => (true, "terminal"),
        }
    }

    fn judge_ellipsis(&mut self, c: &Candidate) -> (bool, &'static str) {
        let prev = prev_char(self.text, c.start);
        if matches!(prev, Some('[' | '(')) && matches!(c.first_closer, Some(']' | ')')) {
            return (false, "ellipsis:omission");
        }
        let korean_end = self.korean_ending_before(c.start);
        let Some(next_ch) = char_at(self.text, c.next_pos) else {
            return (true, "end");
        };
        if !c.has_space {
            if let Some(rule) = self.quote_continues(c) {
                return (false, rule);
            }
            if korean_end && is_hangul(next_ch) {
                return (true, "ellipsis:korean-ending");
            }
            return (false, "ellipsis:no-space");
        }
        if self.inside_attributed_quote(c.closers_end) {
            return (false, "quote:attributed");
        }
        let (next, next_word_pos) = classify_next(self.text, c.next_pos);
        let english = matches!(self.rules.tag.as_str(), "en" | "");
        if english && next == Next::Upper && word_at(self.text, next_word_pos) == "I" {
            // The pronoun is capitalised anywhere: no evidence of a new sentence.
            return (false, "ellipsis:pronoun-I");
        }
        match next {
            Next::End => (true, "end"),
            Next::Upper => (true, "ellipsis"),
            Next::Caseless if korean_end => (true, "ellipsis:korean-ending"),
            _ => (false, "ellipsis:continues"),
        }
    }

    fn judge_dot(&mut self, c: &Candidate) -> (bool, &'static str) {
        let text = self.text;
        let Some(next_ch) = char_at(text, c.next_pos) else {
            return (true, "end");
        };
        // The common no-space cases (`U.S.A`, `3.5`, `example.com`) are
        // decided before the word before the dot is even looked at.
        if !c.has_space && c.first_closer != Some(')') {
            if let Some(rule) = self.quote_continues(c) {
                return (false, rule);
            }
            let prev = prev_char(text, c.start);
            if let Some(p) = prev {
                if self.korean_ending_before(c.start)
                    && (next_ch.is_alphanumeric() || is_opener(next_ch))
                {
                    return (true, "korean-ending");
                }
                if is_cjk(p) && (is_cjk(next_ch) || is_hangul(next_ch)) {
                    return (true, "cjk-terminal");
                }
                if p.is_numeric() && next_ch.is_numeric() {
                    return (false, "decimal");
                }
            }
            return (false, "no-space");
        }
        let (tok_start, token) = token_before(text, c.start);
        // `미국(U.S.)`: the word starts after the last opening bracket.
        let token = if token
            .bytes()
            .any(|b| matches!(b, b'(' | b'[' | b'{' | b'"') || b >= 0x80)
        {
            token
                .rsplit(|ch: char| is_opener(ch) && ch != '\'')
                .next()
                .unwrap_or(token)
        } else {
            token
        };
        let word = token.trim_start_matches(|ch: char| !ch.is_alphanumeric());
        let word_start = c.start - word.len();
        if let Some(rule) = self.list_marker(word, word_start, c) {
            return (false, rule);
        }
        if !c.has_space {
            return (false, "no-space");
        }
        if self.inside_attributed_quote(c.closers_end) {
            return (false, "quote:attributed");
        }
        let (next, next_word_pos) = classify_next(text, c.next_pos);
        // `l'Avv.`: the elided article is not part of the abbreviation.
        let word = match word.rfind(['\'', '’']) {
            Some(cut) => {
                let apostrophe = word[cut..].chars().next().map_or(1, char::len_utf8);
                let rest = &word[cut + apostrophe..];
                if rest.is_empty() { word } else { rest }
            }
            None => word,
        };
        let key = lower_key(word);
        let rules = self.rules;
        match next {
            Next::End => (true, "end"),
            Next::Lower => (false, "lowercase-next"),
            Next::Other => (false, "no-sentence-start"),
            Next::Digit => {
                if rules.number_prefixes.contains(key.as_ref())
                    || rules.titles.contains(key.as_ref())
                {
                    (false, "abbreviation:number-prefix")
                } else if rules.months.contains(key.as_ref()) {
                    (false, "date:month")
                } else if is_numeric_date(word) {
                    (false, "date:numeric")
                } else {
                    (true, "terminal")
                }
            }
            Next::Upper | Next::Caseless => self.judge_before_word(
                word,
                word_start,
                tok_start,
                &key,
                next_word_pos,
                // `Inc. (“Company A”)`: a bracketed capital is an aside.
                next == Next::Upper && !text[c.next_pos..].starts_with(['(', '[']),
            ),
        }
    }

    /// A `.` followed by a capitalised (or caseless) word: decided by the
    /// word before the dot.
    fn judge_before_word(
        &self,
        word: &str,
        word_start: usize,
        tok_start: usize,
        key: &str,
        next_word_pos: usize,
        upper: bool,
    ) -> (bool, &'static str) {
        let rules = self.rules;
        let next_word = word_at(self.text, next_word_pos);
        let next_key = lower_key(next_word);
        let next_dotted = self.text[next_word_pos + next_word.len()..].starts_with('.');
        let next_is_title = rules.titles.contains(next_key.as_ref()) && next_dotted;
        let next_is_starter = rules.starters.contains(next_key.as_ref());

        if rules.titles.contains(key) {
            return (false, "abbreviation:title");
        }
        if !word.is_empty()
            && word.len() <= 2
            && word.bytes().all(|b| b.is_ascii_digit())
            && rules.months.contains(next_key.as_ref())
        {
            return (false, "date:ordinal");
        }
        if is_numeric_date(word) {
            return (false, "date:numeric");
        }
        if rules.time_abbreviations.contains(key) {
            if self.fronted_adverbial(word_start) {
                return (false, "abbreviation:time-fronted");
            }
            let continues = rules.time_followers.contains(next_key.as_ref())
                || (rules.time_places.contains(next_key.as_ref())
                    && self.time_word_follows(next_word_pos + next_word.len()));
            let split = next_is_starter || next_is_title || (upper && !continues);
            return (split, "abbreviation:time");
        }
        // `123 Main St. Parking is free`: after a name or a number, a street
        // abbreviation is the end of an address, not a prepositive `St.`
        // (`In St. Louis`, `The St. Louis Cardinals`: a capitalised starter
        // word is no street name).
        let street = rules.streets.iter().any(|s| s == key)
            && self.word_before(tok_start).is_some_and(|w| {
                w.chars()
                    .next()
                    .is_some_and(|f| f.is_uppercase() || f.is_ascii_digit())
                    && !rules.starters.contains(lower_key(w).as_ref())
            });
        if street || rules.end_abbreviations.contains(key) {
            if !upper {
                return (next_is_starter, "abbreviation:end");
            }
            if rules.modified.contains(next_key.as_ref()) && !next_is_starter {
                return (false, "abbreviation:modifies-next");
            }
            let next_is_abbreviation = next_dotted
                && (rules.abbreviations.contains(next_key.as_ref())
                    || rules.end_abbreviations.contains(next_key.as_ref()));
            return (!next_is_title && !next_is_abbreviation, "abbreviation:end");
        }
        if rules.abbreviations.contains(key)
            || rules.number_prefixes.contains(key)
            || is_dotted(word)
        {
            return (next_is_starter, "abbreviation:sentence-starter");
        }
        let mut chars = word.chars();
        if let (Some(letter), None) = (chars.next(), chars.next())
            && letter.is_uppercase()
        {
            return self.judge_initial(letter, tok_start, next_is_starter);
        }
        (true, "terminal")
    }

    /// A single capital letter and a dot: an initial (`Jonas E. Smith`) or a
    /// sentence ending in a letter (`you and I.`, `Route C.`).
    fn judge_initial(
        &self,
        letter: char,
        tok_start: usize,
        next_is_starter: bool,
    ) -> (bool, &'static str) {
        let Some(prev) = self.word_before(tok_start) else {
            return (false, "initial");
        };
        let prev = prev.trim_matches(|ch: char| !ch.is_alphanumeric());
        if self.rules.designators.contains(lower_key(prev).as_ref()) {
            return (true, "letter-designator");
        }
        let first = prev.chars().next();
        if letter == 'I' && first.is_some_and(char::is_lowercase) {
            return (true, "pronoun-I");
        }
        if first.is_some_and(|f| f.is_uppercase()) || prev.is_empty() {
            return (false, "initial");
        }
        (next_is_starter, "initial")
    }

    /// The token before `tok_start` inside the current sentence.
    fn word_before(&self, tok_start: usize) -> Option<&str> {
        let mut p = tok_start;
        while let Some(ch) = prev_char(self.text, p) {
            if !ch.is_whitespace() || tok_start - p > WORD_LIMIT {
                break;
            }
            p -= ch.len_utf8();
        }
        if p <= self.last_cut || p == tok_start {
            return None;
        }
        let (_, token) = token_before(self.text, p);
        if p - token.len() < self.last_cut {
            return None;
        }
        Some(token)
    }

    /// `At 5 a.m. Mr. Smith`: a time phrase opening the sentence is not one.
    fn fronted_adverbial(&self, word_start: usize) -> bool {
        if word_start < self.last_cut || word_start - self.last_cut > 24 {
            return false;
        }
        self.text[self.last_cut..word_start]
            .split_whitespace()
            .count()
            <= 2
    }

    /// Numbered and lettered lists: `1.` at the start of a sentence is a
    /// marker, and `2.` after it starts the next item.
    fn list_marker(
        &mut self,
        word: &str,
        word_start: usize,
        c: &Candidate,
    ) -> Option<&'static str> {
        let value = list_value(word)?;
        char_at(self.text, c.next_pos)?;
        if self.at_sentence_start(word_start) {
            self.list = Some(value);
            return Some("list:marker");
        }
        if self.continues_list(value)
            && prev_char(self.text, word_start).is_some_and(char::is_whitespace)
        {
            self.decide(word_start, true, "list:item");
            self.list = Some(value);
            return Some("list:marker");
        }
        None
    }

    fn continues_list(&self, value: ListValue) -> bool {
        match (self.list, value) {
            (Some(ListValue::Number(a)), ListValue::Number(b)) => b == a + 1,
            (Some(ListValue::Letter(a)), ListValue::Letter(b)) => b == a + 1,
            _ => false,
        }
    }

    /// `7 p.m. Seoul time`: a place is part of the time only when a time word
    /// follows it.
    fn time_word_follows(&self, pos: usize) -> bool {
        let rest = &self.text[pos..];
        let spaces = rest.bytes().take(8).take_while(|&b| b == b' ').count();
        let rest = &rest[spaces..];
        let word = word_at(rest, 0);
        matches!(word, "time" | "Time" | "Standard" | "Daylight" | "local") || rest.starts_with('(')
    }

    /// Does a Korean sentence-final ending stand right before `pos`? `까`
    /// ends a question (`합니까`) but not the connective `-니까` (`그러니까`,
    /// `하니까`), told apart by the `ㅂ` final consonant before `니`.
    fn korean_ending_before(&self, pos: usize) -> bool {
        let Some(last) = prev_char(self.text, pos) else {
            return false;
        };
        if !self.rules.endings.contains(&last) {
            return false;
        }
        if last != '까' {
            return true;
        }
        let ni = pos - last.len_utf8();
        if prev_char(self.text, ni) != Some('니') {
            return true;
        }
        let before = prev_char(self.text, ni - '니'.len_utf8());
        // Hangul syllable = 0xAC00 + (initial * 21 + medial) * 28 + final;
        // the final consonant ㅂ has index 17.
        before
            .is_some_and(|b| matches!(b, '\u{AC00}'..='\u{D7A3}') && (b as u32 - 0xAC00) % 28 == 17)
    }

    fn at_sentence_start(&self, pos: usize) -> bool {
        let mut p = pos;
        while p > self.last_cut {
            match prev_char(self.text, p) {
                Some(ch) if ch.is_whitespace() || is_bullet(ch) => p -= ch.len_utf8(),
                _ => return false,
            }
        }
        true
    }

    /// `1) first 2) second`: a closing parenthesis after a list value.
    fn paren_marker(&mut self, i: usize) {
        if !char_at(self.text, i + 1).is_some_and(char::is_whitespace) {
            return;
        }
        let (_, token) = token_before(self.text, i);
        if token.len() > 8 {
            return;
        }
        let word = token
            .trim_end_matches('.')
            .trim_start_matches(|ch: char| is_bullet(ch));
        let Some(value) = list_value(word) else {
            return;
        };
        let word_start =
            i - token.len() + (token.len() - token.trim_start_matches(is_bullet).len());
        if self.at_sentence_start(word_start) {
            self.list = Some(value);
        } else if self.continues_list(value)
            && prev_char(self.text, word_start).is_some_and(char::is_whitespace)
        {
            self.decide(word_start, true, "list:item");
            self.list = Some(value);
        }
    }

    fn bullet(&mut self, i: usize) {
        if prev_char(self.text, i).is_some_and(char::is_whitespace) && !self.at_sentence_start(i) {
            self.decide(i, true, "list:bullet");
        }
    }

    fn straight_quote(&mut self, i: usize) {
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

    fn curly_quote(&mut self, ch: char, i: usize) {
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
    fn inside_attributed_quote(&mut self, closers_end: usize) -> bool {
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

    fn find_closer(&mut self, kind: usize, from: usize) -> Option<usize> {
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

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

fn prev_char(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// The non-white-space token ending at `end` (at most [`WORD_LIMIT`] bytes
/// of it), and where it starts.
fn token_before(text: &str, end: usize) -> (usize, &str) {
    let mut p = end;
    while let Some(ch) = prev_char(text, p) {
        if ch.is_whitespace() || end - p >= WORD_LIMIT {
            break;
        }
        p -= ch.len_utf8();
    }
    (p, &text[p..end])
}

/// The word starting at `pos`: letters, digits and apostrophes.
fn word_at(text: &str, pos: usize) -> &str {
    let rest = text.get(pos..).unwrap_or("");
    let mut end = 0;
    for (i, ch) in rest.char_indices() {
        if i >= WORD_LIMIT || !(ch.is_alphanumeric() || ch == '\'' || ch == '’') {
            break;
        }
        end = i + ch.len_utf8();
    }
    &rest[..end]
}

/// Lower-cased lookup key, with the typographic apostrophe folded.
fn lower_key(word: &str) -> Cow<'_, str> {
    if word.chars().any(|c| c.is_uppercase() || c == '’') {
        Cow::Owned(word.to_lowercase().replace('’', "'"))
    } else {
        Cow::Borrowed(word)
    }
}

/// What starts after a boundary: the first character after opening quotes
/// and brackets, and after a dash (`? - Posted`). Returns the class and where
/// that character is.
fn classify_next(text: &str, pos: usize) -> (Next, usize) {
    let mut p = pos;
    for _ in 0..6 {
        match char_at(text, p) {
            Some(ch) if is_opener(ch) => p += ch.len_utf8(),
            Some(ch) if matches!(ch, '-' | '–' | '—') => {
                p += ch.len_utf8();
                let mut spaces = 0;
                while let Some(s) = char_at(text, p) {
                    if !s.is_whitespace() || spaces == 8 {
                        break;
                    }
                    p += s.len_utf8();
                    spaces += 1;
                }
            }
            _ => break,
        }
    }
    let Some(ch) = char_at(text, p) else {
        return (Next::End, p);
    };
    let class = if ch.is_uppercase() || is_titlecase(ch) || starts_with_ellipsis(&text[p..]) {
        Next::Upper
    } else if ch.is_lowercase() {
        Next::Lower
    } else if ch.is_numeric() || matches!(ch, '$' | '€' | '£' | '¥' | '₩' | '₹' | '＄' | '￥')
    {
        Next::Digit
    } else if ch.is_alphabetic() {
        Next::Caseless
    } else if is_bullet(ch) {
        Next::Upper
    } else {
        Next::Other
    };
    (class, p)
}

fn starts_with_ellipsis(rest: &str) -> bool {
    rest.starts_with('…') || rest.starts_with("..")
}

fn is_titlecase(ch: char) -> bool {
    matches!(ch, 'ǅ' | 'ǈ' | 'ǋ' | 'ǲ')
}

fn term_class(ch: char, rules: &Rules) -> Option<Term> {
    match ch {
        '.' => Some(Term::Dot),
        '…' => Some(Term::Ellipsis),
        '?' | '!' | '‼' | '⁇' | '⁈' | '⁉' | '‽' => Some(Term::Mark),
        '。' | '｡' | '！' | '？' | '．' | '।' | '॥' | '။' | '።' | '፧' | '፨' | '؟' | '۔' | '։' => {
            Some(Term::Strong)
        }
        _ if rules.extra_terminators.contains(&ch) => Some(Term::Mark),
        _ => None,
    }
}

fn is_terminator(ch: char, rules: &Rules) -> bool {
    term_class(ch, rules).is_some()
}

fn is_closer(ch: char) -> bool {
    matches!(
        ch,
        '"' | '\''
            | '”'
            | '’'
            | '“'
            | '»'
            | '›'
            | ')'
            | ']'
            | '}'
            | '」'
            | '』'
            | '）'
            | '〕'
            | '】'
            | '》'
            | '〉'
            | '＂'
            | '＇'
            | '］'
            | '｝'
    )
}

fn is_opener(ch: char) -> bool {
    matches!(
        ch,
        '"' | '\''
            | '“'
            | '‘'
            | '„'
            | '‚'
            | '«'
            | '‹'
            | '('
            | '['
            | '{'
            | '「'
            | '『'
            | '（'
            | '【'
            | '《'
            | '〈'
            | '〔'
            | '［'
            | '¿'
            | '¡'
    )
}

fn is_bullet(ch: char) -> bool {
    matches!(ch, '•' | '⁃' | '‣' | '◦' | '▪' | '●')
}

fn is_hangul(ch: char) -> bool {
    matches!(ch, '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}

/// Han ideographs and kana: scripts written without spaces between sentences.
fn is_cjk(ch: char) -> bool {
    matches!(ch,
        '\u{3040}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}')
}

fn list_value(word: &str) -> Option<ListValue> {
    let bytes = word.as_bytes();
    match bytes {
        [b] if b.is_ascii_lowercase() => Some(ListValue::Letter(*b)),
        _ if !bytes.is_empty() && bytes.len() <= 3 && bytes.iter().all(u8::is_ascii_digit) => {
            word.parse().ok().map(ListValue::Number)
        }
        _ => None,
    }
}

/// `U.S`, `Ph.D`, `a.m`, `Л.Н`: short letter groups joined by dots. Not a
/// host name (`www.nec.go.kr`): three lower-case letters in a row are a word.
fn is_dotted(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|part| {
            let count = part.chars().count();
            count > 0
                && count <= 3
                && part.chars().all(char::is_alphabetic)
                && !(count == 3 && part.chars().all(char::is_lowercase))
        })
}

/// `2023.08.02` or `27.10.14`: a date written with dots.
fn is_numeric_date(word: &str) -> bool {
    let mut parts = word.split('.');
    let (Some(a), Some(b), Some(c), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let num = |s: &str| {
        if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
            None
        } else {
            s.parse::<u32>().ok()
        }
    };
    let (Some(x), Some(y), Some(z)) = (num(a), num(b), num(c)) else {
        return false;
    };
    let year_first = a.len() == 4 && (1..=12).contains(&y) && (1..=31).contains(&z);
    let day_first =
        a.len() <= 2 && (1..=31).contains(&x) && (1..=12).contains(&y) && matches!(c.len(), 2 | 4);
    year_first || day_first
}

#[cfg(test)]
mod tests;
