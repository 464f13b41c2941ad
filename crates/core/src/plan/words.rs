//! Words of source text: counts, and the words pairing compares.
use unicode_segmentation::UnicodeSegmentation;

use crate::article::syntax_end;

/// The words compared to pair an edited sentence with its old entry: the
/// UAX #29 words and punctuation of its text without Markdown syntax, so
/// that two sentences never look alike for sharing markup. Left out: what
/// [`syntax_end`] finds (HTML tags, autolinks, link destinations and
/// labels, URLs, emoji shortcodes), and the delimiters of emphasis, code,
/// strikethrough and links (`*`, `_`, `` ` ``, `~`, `[`, `]`), also where
/// UAX #29 glues `_` to a word (`_Optional_`).
pub(super) fn pairing_words(text: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let mut syntax_until = 0;
    for (at, word) in text.split_word_bound_indices() {
        if at < syntax_until {
            continue;
        }
        if let Some(end) = syntax_end(text, at) {
            syntax_until = end;
            continue;
        }
        let word = word.trim_matches('_');
        let delimiter = |c: char| matches!(c, '*' | '`' | '~' | '[' | ']');
        if !word.trim().is_empty() && !word.chars().all(delimiter) {
            words.push(word);
        }
    }
    words
}

/// Words of source text, for counts (each CJK character counts as a word):
/// the words of Unicode's word boundaries (UAX #29).
pub fn count_words(text: &str) -> usize {
    count_simple_words(text).unwrap_or_else(|| text.unicode_words().count())
}

/// UAX #29's words in text of ASCII and a few common punctuation marks
/// (`None` for any other character), where its rules come down to: runs of
/// letters, digits and `_`, joined across one `.` `'` `’` `:` between two
/// letters and one `.` `'` `’` `,` `;` between two digits; a run counts if
/// it has a letter or digit. Most news text is of this kind, and this is
/// several times faster than the general tables.
fn count_simple_words(text: &str) -> Option<usize> {
    if !text.is_ascii()
        && !text
            .chars()
            .all(|c| c.is_ascii() || simple_class(c).is_some())
    {
        return None;
    }
    let len = text.len();
    let (mut count, mut i) = (0, 0);
    let (mut in_word, mut alphanumeric, mut last) = (false, false, Class::Other);
    while i < len {
        let (class, width) = class_at(text, i);
        match class {
            Class::Letter | Class::Digit | Class::Underscore => {
                if !in_word {
                    in_word = true;
                    alphanumeric = false;
                }
                alphanumeric |= class != Class::Underscore;
                last = class;
            }
            _ if in_word => {
                let next = (i + width < len).then(|| class_at(text, i + width).0);
                let joins = match (last, next) {
                    (Class::Letter, Some(Class::Letter)) => {
                        matches!(class, Class::MidLetter | Class::MidNumLet)
                    }
                    (Class::Digit, Some(Class::Digit)) => {
                        matches!(class, Class::MidNum | Class::MidNumLet)
                    }
                    _ => false,
                };
                if !joins {
                    count += usize::from(alphanumeric);
                    in_word = false;
                }
            }
            _ => {}
        }
        i += width;
    }
    Some(count + usize::from(in_word && alphanumeric))
}

/// The class of the character at byte `i` of text [`count_simple_words`]
/// accepted, and its length in bytes.
#[inline]
fn class_at(text: &str, i: usize) -> (Class, usize) {
    match text.as_bytes()[i] {
        b if b.is_ascii() => (ASCII_CLASSES[usize::from(b)], 1),
        _ => {
            let c = text[i..].chars().next().unwrap_or_default();
            (simple_class(c).unwrap_or(Class::Other), c.len_utf8())
        }
    }
}

/// A character's part in UAX #29's word rules, for the characters
/// [`count_simple_words`] knows.
#[derive(Clone, Copy, PartialEq)]
enum Class {
    Letter,
    Digit,
    Underscore,
    MidLetter,
    MidNumLet,
    MidNum,
    Other,
}

static ASCII_CLASSES: [Class; 128] = {
    let mut classes = [Class::Other; 128];
    let mut b = 0;
    while b < 128 {
        classes[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
            b'0'..=b'9' => Class::Digit,
            b'_' => Class::Underscore,
            b':' => Class::MidLetter,
            b'.' | b'\'' => Class::MidNumLet,
            b',' | b';' => Class::MidNum,
            _ => Class::Other,
        };
        b += 1;
    }
    classes
};

fn simple_class(c: char) -> Option<Class> {
    match c {
        c if c.is_ascii() => Some(ASCII_CLASSES[c as usize]),
        '\u{2018}' | '\u{2019}' => Some(Class::MidNumLet),
        '\u{a9}' | '\u{ab}' | '\u{b0}' | '\u{bb}' | '\u{2013}' | '\u{2014}' | '\u{201c}'
        | '\u{201d}' | '\u{2026}' | '\u{20ac}' => Some(Class::Other),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        /// The ASCII word count is Unicode's, on text dense in the
        /// characters its rules treat specially.
        #[test]
        fn simple_words_are_unicode_words(
            text in "[aZ9_ .,;:'\"!?()\\-/\t\n\r‘’“”—–©«»°…€é]{0,40}"
        ) {
            proptest::prop_assert_eq!(
                count_words(&text),
                text.unicode_words().count(),
                "{:?}", text
            );
        }

        #[test]
        fn ascii_words_are_unicode_words(text in "[aZ9_ .,;:'\"!?()\\-/\t\n\r]{0,40}") {
            proptest::prop_assert_eq!(
                count_words(&text),
                text.unicode_words().count(),
                "{:?}", text
            );
        }
    }

    #[test]
    fn pairing_words_leave_markup_out() {
        assert_eq!(
            pairing_words(
                "**Note:** _Optional_ `cargo` ~~old~~ [docs](https://x.y/a.b \"T\") \
                 ![A](a.png) <kbd>C</kbd> :+1: see https://x.y/z, [ref][r]. snake_case"
            ),
            [
                "Note",
                ":",
                "Optional",
                "cargo",
                "old",
                "docs",
                "A",
                "C",
                "see",
                ",",
                "ref",
                ".",
                "snake_case"
            ]
        );
    }

    #[test]
    fn ascii_word_counts() {
        for (text, words) in [
            (
                "Kim Jong-un's visit, on Jan. 8, cost $1,000.50 (3:30 p.m.).",
                12,
            ),
            ("U.S. e-mail don't __ a_b 42", 6),
        ] {
            assert_eq!(count_words(text), words, "{text}");
            assert_eq!(text.unicode_words().count(), words, "{text}");
        }
    }
}
