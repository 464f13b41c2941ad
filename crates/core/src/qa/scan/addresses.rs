//! URLs and e-mail addresses in a text, with their byte ranges.
use std::ops::Range;

/// The URLs of a text (`http://`, `https://`, `ftp://`, `www.`), with their
/// byte ranges, trailing punctuation left out.
pub(crate) fn find_urls(text: &str) -> Vec<(Range<usize>, String)> {
    let bytes = text.as_bytes();
    let mut urls = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let rest = &bytes[i..];
        let starts = ["https://", "http://", "ftp://", "www."]
            .iter()
            .find(|p| rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p.as_bytes()));
        let Some(prefix) = starts else {
            i += 1;
            continue;
        };
        // `www.` only at the start of a word; schemes anywhere but inside a word.
        let prev = text[..i].chars().next_back();
        if prev.is_some_and(|p| p.is_alphanumeric() || p == '/' || p == '.') {
            i += prefix.len();
            continue;
        }
        let mut end = i;
        for (off, ch) in text[i..].char_indices() {
            if ch.is_whitespace()
                || matches!(
                    ch,
                    '<' | '>'
                        | '"'
                        | '`'
                        | '|'
                        | '{'
                        | '}'
                        | '「'
                        | '」'
                        | '『'
                        | '』'
                        | '。'
                        | '、'
                        | '，'
                        | '（'
                        | '）'
                        | '《'
                        | '》'
                        | '【'
                        | '】'
                )
            {
                break;
            }
            end = i + off + ch.len_utf8();
        }
        // Trailing punctuation ends the sentence, not the URL; a `)` stays
        // when it closes a `(` inside the URL (Wikipedia).
        let count = |c: char| text[i..end].matches(c).count();
        let (mut parens, mut brackets) = (
            count('(') as isize - count(')') as isize,
            count('[') as isize - count(']') as isize,
        );
        loop {
            let url = &text[i..end];
            let Some(last) = url.chars().next_back() else {
                break;
            };
            let strip = match last {
                ')' if parens < 0 => {
                    parens += 1;
                    true
                }
                ']' if brackets < 0 => {
                    brackets += 1;
                    true
                }
                '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '*' | '_' | '”' | '’' | '»' | '“'
                | '‘' => true,
                _ => false,
            };
            if !strip {
                break;
            }
            end -= last.len_utf8();
        }
        if end > i + prefix.len() {
            urls.push((i..end, text[i..end].to_string()));
            i = end;
        } else {
            i += prefix.len();
        }
    }
    urls
}

fn is_email_local(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-')
}

fn is_email_domain(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-')
}

/// The e-mail addresses of a text, with their byte ranges.
pub(crate) fn find_emails(text: &str) -> Vec<(Range<usize>, String)> {
    let bytes = text.as_bytes();
    let mut emails = Vec::new();
    for (at, _) in text.match_indices('@') {
        let mut start = at;
        while start > 0 && is_email_local(bytes[start - 1]) {
            start -= 1;
        }
        while start < at && bytes[start] == b'.' {
            start += 1;
        }
        let mut end = at + 1;
        while end < bytes.len() && is_email_domain(bytes[end]) {
            end += 1;
        }
        while end > at + 1 && matches!(bytes[end - 1], b'.' | b'-') {
            end -= 1;
        }
        let domain = &text[at + 1..end];
        let tld_ok = domain.rsplit_once('.').is_some_and(|(host, tld)| {
            !host.is_empty() && tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic())
        });
        if start < at && tld_ok {
            emails.push((start..end, text[start..end].to_string()));
        }
    }
    emails
}
