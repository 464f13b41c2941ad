//! Numbered, lettered and bulleted lists run into one line: `1.` opens a
//! list, `2.` after it starts the next item.
use super::{
    Decision,
    classes::is_bullet,
    cursor::{char_at, prev_char, token_before},
    scanner::{Candidate, Scanner},
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ListValue {
    Number(u32),
    Letter(u8),
}

impl<F: FnMut(Decision)> Scanner<'_, F> {
    /// Numbered and lettered lists: `1.` at the start of a sentence is a
    /// marker, and `2.` after it starts the next item.
    pub(super) fn list_marker(
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
    pub(super) fn paren_marker(&mut self, i: usize) {
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

    pub(super) fn bullet(&mut self, i: usize) {
        if prev_char(self.text, i).is_some_and(char::is_whitespace) && !self.at_sentence_start(i) {
            self.decide(i, true, "list:bullet");
        }
    }
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
