//! Reading around a byte position: the character at or before it, the word
//! or token there, each look bounded so a rule's cost stays constant.

/// How far back or forward a rule may look for a word, in bytes: bounds the
/// work per candidate so that pathological input stays linear.
pub(super) const WORD_LIMIT: usize = 64;

pub(super) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

pub(super) fn prev_char(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// The non-white-space token ending at `end` (at most [`WORD_LIMIT`] bytes
/// of it), and where it starts.
pub(super) fn token_before(text: &str, end: usize) -> (usize, &str) {
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
pub(super) fn word_at(text: &str, pos: usize) -> &str {
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
