//! Character and word classes: terminators, quotes and brackets, bullets,
//! scripts, and what kind of word starts after a boundary.
use std::borrow::Cow;

use super::{Rules, cursor::char_at};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Term {
    Dot,
    Ellipsis,
    Mark,
    Strong,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Next {
    End,
    Upper,
    Lower,
    Caseless,
    Digit,
    Other,
}

pub(super) fn term_class(ch: char, rules: &Rules) -> Option<Term> {
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

pub(super) fn is_terminator(ch: char, rules: &Rules) -> bool {
    term_class(ch, rules).is_some()
}

pub(super) fn is_closer(ch: char) -> bool {
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

pub(super) fn is_opener(ch: char) -> bool {
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

pub(super) fn is_bullet(ch: char) -> bool {
    matches!(ch, '•' | '⁃' | '‣' | '◦' | '▪' | '●')
}

/// Symbols that open a sentence or a line of informal text (`*** Next`,
/// `=====`, `> quoted`, `#tag`, `<Title>`); not an emoticon's `:` or `;`,
/// nor `&`, which joins names (`Yahoo! & Co`).
pub(super) fn is_symbol_opener(ch: char) -> bool {
    matches!(
        ch,
        '*' | '#' | '=' | '~' | '+' | '>' | '<' | '_' | '@' | '§' | '¶'
    )
}

pub(super) fn is_hangul(ch: char) -> bool {
    matches!(ch, '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}

/// Han ideographs and kana: scripts written without spaces between sentences.
pub(super) fn is_cjk(ch: char) -> bool {
    matches!(ch,
        '\u{3040}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}')
}

fn is_titlecase(ch: char) -> bool {
    matches!(ch, 'ǅ' | 'ǈ' | 'ǋ' | 'ǲ')
}

pub(super) fn starts_with_ellipsis(rest: &str) -> bool {
    rest.starts_with('…') || rest.starts_with("..")
}

/// What starts after a boundary: the first character after opening quotes
/// and brackets, and after a dash (`? - Posted`). Returns the class and where
/// that character is.
pub(super) fn classify_next(text: &str, pos: usize) -> (Next, usize) {
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

/// `U.S`, `Ph.D`, `a.m`, `Л.Н`: short letter groups joined by dots. Not a
/// host name (`www.nec.go.kr`): three lower-case letters in a row are a word.
pub(super) fn is_dotted(word: &str) -> bool {
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
pub(super) fn is_numeric_date(word: &str) -> bool {
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

/// Lower-cased lookup key, with the typographic apostrophe folded.
pub(super) fn lower_key(word: &str) -> Cow<'_, str> {
    if word.chars().any(|c| c.is_uppercase() || c == '’') {
        Cow::Owned(word.to_lowercase().replace('’', "'"))
    } else {
        Cow::Borrowed(word)
    }
}
