//! The judges: given a candidate boundary, the cascade of rules that takes or
//! vetoes it, by terminator kind (strong, mark, ellipsis, dot) and the words
//! around it.
use super::{
    Decision,
    classes::{
        Next, classify_next, is_cjk, is_dotted, is_hangul, is_numeric_date, is_opener,
        is_symbol_opener, lower_key, starts_with_ellipsis,
    },
    cursor::{WORD_LIMIT, char_at, prev_char, token_before, word_at},
    quotes::{quote_continues, spaced_quotative},
    scanner::{Candidate, Scanner},
};

impl<F: FnMut(Decision)> Scanner<'_, F> {
    pub(super) fn judge(&mut self, c: &Candidate) -> (usize, bool, &'static str) {
        let at = c.closers_end;
        if self.quotes.inside_title(self.text, c.run_end) {
            return (at, false, "title-brackets");
        }
        if c.has_space
            && c.closers_end > c.run_end
            && spaced_quotative(self.text, self.rules, c.next_pos)
        {
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
        if let Some(rule) = quote_continues(self.text, self.rules, c) {
            return (false, rule);
        }
        if self
            .quotes
            .inside_attributed_quote(self.text, self.rules, c.closers_end)
        {
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
            if let Some(rule) = quote_continues(self.text, self.rules, c) {
                return (false, rule);
            }
            if is_cjk(next_ch) || is_hangul(next_ch) {
                return (true, "cjk-terminal");
            }
            return (false, "no-space");
        }
        if self
            .quotes
            .inside_attributed_quote(self.text, self.rules, c.closers_end)
        {
            return (false, "quote:attributed");
        }
        if starts_with_ellipsis(&self.text[c.next_pos..]) {
            // `Happy! ... No one`: the ellipsis decides.
            return (false, "ellipsis-follows");
        }
        let (next, next_pos) = classify_next(self.text, c.next_pos);
        match next {
            Next::End => (true, "end"),
            Next::Lower | Next::Other => {
                // `Yahoo! in the city`: a capitalised word with its `!` is a
                // name, not the end of a sentence, before a lower-case word.
                let word = self.word_before_mark(c.start);
                let name = next == Next::Lower
                    && word.chars().next().is_some_and(char::is_uppercase)
                    && word.chars().nth(1).is_some();
                match self.open_start(c, next, next_pos) {
                    Some(rule) if !name && !word.is_empty() => (true, rule),
                    _ if next == Next::Lower => (false, "lowercase-next"),
                    _ => (false, "no-sentence-start"),
                }
            }
            _ => (true, "terminal"),
        }
    }

    /// Which rule lets a sentence start here with a lower-case letter or a
    /// symbol, if the language allows it and no closing quotation or bracket
    /// comes first (`“Stop.” he said`: a quotation continued).
    fn open_start(&self, c: &Candidate, next: Next, next_pos: usize) -> Option<&'static str> {
        // `-- voila! -- you`: a dash after the terminator closes an aside.
        if c.closers_end > c.run_end
            || self.text[c.next_pos..].starts_with(['-', '–', '—'])
            || self.rules.continuers.contains(word_at(self.text, next_pos))
            || self.bracket_open_before(c.start)
        {
            return None;
        }
        match next {
            Next::Lower if self.rules.lowercase_starts => Some("lowercase-start"),
            Next::Other
                if self.rules.symbol_starts
                    && char_at(self.text, next_pos).is_some_and(is_symbol_opener) =>
            {
                Some("symbol-start")
            }
            _ => None,
        }
    }

    /// `(see. section 4)`, `` `code. span` ``: an opening bracket or
    /// backtick shortly before, not closed, holds an aside or code that a
    /// lower-case word continues.
    fn bracket_open_before(&self, pos: usize) -> bool {
        let from = self.last_cut.max(pos.saturating_sub(2 * WORD_LIMIT));
        let Some(window) = self.text.get(from..pos) else {
            return false;
        };
        let mut depth = 0i32;
        let mut backticks = 0;
        for ch in window.chars().rev() {
            match ch {
                '`' => backticks += 1,
                ')' | ']' | '}' | '）' | '］' | '｝' => depth += 1,
                '(' | '[' | '{' | '（' | '［' | '｛' => {
                    if depth == 0 {
                        return true;
                    }
                    depth -= 1;
                }
                _ => {}
            }
        }
        backticks % 2 == 1
    }

    /// `voc. ed. classes`: a known abbreviation with its dot at `pos` makes
    /// the clipped word before it part of one abbreviated phrase.
    fn abbreviation_at(&self, pos: usize) -> bool {
        let word = word_at(self.text, pos);
        let key = lower_key(word);
        !word.is_empty()
            && self.text[pos + word.len()..].starts_with('.')
            && (self.rules.abbreviations.contains(key.as_ref())
                || self.rules.end_abbreviations.contains(key.as_ref())
                || self.rules.units.contains(key.as_ref()))
    }

    /// The word before a `?` or `!`, past white space (`good luck !`).
    fn word_before_mark(&self, start: usize) -> &str {
        let mut end = start;
        while let Some(ch) = prev_char(self.text, end) {
            if !ch.is_whitespace() || start - end >= 8 {
                break;
            }
            end -= ch.len_utf8();
        }
        let (_, token) = token_before(self.text, end);
        token.trim_start_matches(|ch: char| !ch.is_alphanumeric())
    }

    /// A full word: not an abbreviation, an initial or a number, which may
    /// end with a dot inside a sentence.
    fn full_word(&self, word: &str, key: &str, tok_start: usize) -> bool {
        let rules = self.rules;
        let before = self.word_before(tok_start).unwrap_or("");
        let before_key = lower_key(before.trim_matches(|ch: char| !ch.is_alphanumeric()));
        word.chars().nth(1).is_some()
            && word.chars().all(char::is_alphabetic)
            // `NE.`, `IBM.`: a word in capitals is read as an abbreviation.
            && !word.chars().all(char::is_uppercase)
            // `5 ft. 6 in. tall`: a unit after a number.
            && !(rules.units.contains(key)
                && (before.starts_with(|ch: char| ch.is_ascii_digit()) || before.ends_with('.')))
            // `Dr. Mi. arrived`: a name after a title.
            && !rules.titles.contains(before_key.as_ref())
            && !rules.titles.contains(key)
            && !rules.abbreviations.contains(key)
            && !rules.end_abbreviations.contains(key)
            && !rules.time_abbreviations.contains(key)
            && !rules.number_prefixes.contains(key)
            && !rules.months.contains(key)
            && !rules.streets.iter().any(|s| s == key)
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
            if let Some(rule) = quote_continues(self.text, self.rules, c) {
                return (false, rule);
            }
            if korean_end && is_hangul(next_ch) {
                return (true, "ellipsis:korean-ending");
            }
            return (false, "ellipsis:no-space");
        }
        if self
            .quotes
            .inside_attributed_quote(self.text, self.rules, c.closers_end)
        {
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
            if let Some(rule) = quote_continues(self.text, self.rules, c) {
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
        if self
            .quotes
            .inside_attributed_quote(self.text, self.rules, c.closers_end)
        {
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
            Next::Lower | Next::Other => match self.open_start(c, next, next_word_pos) {
                Some(rule)
                    if self.full_word(word, &key, tok_start)
                        && !self.abbreviation_at(next_word_pos) =>
                {
                    (true, rule)
                }
                _ if next == Next::Lower => (false, "lowercase-next"),
                _ => (false, "no-sentence-start"),
            },
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
            // `A.M. Rosenthal`: without a number before it, `A.M.` is a
            // person's initials, and the surname follows.
            let after_number = self
                .word_before(tok_start)
                .is_some_and(|w| w.bytes().any(|b| b.is_ascii_digit()) || w.contains("clock"));
            if !after_number && word.starts_with(char::is_uppercase) {
                return (next_is_starter, "initials");
            }
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
            // `in the U.S. Mr. Lee` and `Acme Co. Gov. Lee`: a courtesy title,
            // or any title after a name's end, is no title the abbreviation
            // modifies (unlike `U.S. Sen. Lee`).
            if next_is_title
                && (rules.courtesy_titles.contains(next_key.as_ref())
                    || rules.name_ends.contains(key))
            {
                return (true, "abbreviation:end-before-title");
            }
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
}
