//! The checks of what must be kept verbatim: URLs and e-mail addresses.
use std::collections::HashSet;

use crate::message::Message;
use crate::msg;
use crate::qa::entry::Entry;
use crate::qa::scan::addresses::{find_emails, find_urls};

/// Whether `needle` occurs in `haystack` as a whole: not followed by a
/// character that would make it a longer URL or address. A Korean particle
/// (`https://example.com에서`) or sentence punctuation may follow.
fn contains_whole(haystack: &str, needle: &str, continues: fn(char) -> bool) -> bool {
    haystack.match_indices(needle).any(|(at, _)| {
        let mut after = haystack[at + needle.len()..].chars();
        match after.next() {
            None => true,
            Some(c) if continues(c) => false,
            Some(c) if c.is_ascii_punctuation() => !after.next().is_some_and(|d| {
                d.is_ascii_alphanumeric() || (c != ')' && continues(d) && d != ')')
            }),
            Some(_) => true,
        }
    })
}

fn url_continues(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '/' | '-' | '_' | '~' | '%' | '#' | '=' | '&' | '+' | '@')
}

fn email_continues(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '%' | '+' | '-')
}

/// At most this many absent items are searched for in the whole translation
/// (the search is linear each time); the rest are reported as missing.
const MAX_SEARCHES: usize = 64;

fn missing_verbatim(
    wanted: Vec<String>,
    found: &HashSet<String>,
    translation: &str,
    continues: fn(char) -> bool,
) -> Vec<String> {
    let mut searches = 0;
    let mut seen = HashSet::new();
    let mut missing = Vec::new();
    for item in wanted {
        if found.contains(&item) || !seen.insert(item.clone()) {
            continue;
        }
        searches += 1;
        if searches <= MAX_SEARCHES && contains_whole(translation, &item, continues) {
            continue;
        }
        missing.push(item);
    }
    missing
}

pub(super) fn check_urls(e: &Entry) -> Vec<Message> {
    // URLs that are link targets are the link-targets check's business.
    let targets: HashSet<&str> = e.source_md().targets.iter().map(String::as_str).collect();
    let wanted: Vec<String> = find_urls(e.source)
        .into_iter()
        .map(|(_, url)| url)
        .filter(|url| !targets.contains(url.as_str()))
        .collect();
    if wanted.is_empty() {
        return Vec::new();
    }
    let found: HashSet<String> = find_urls(e.translation)
        .into_iter()
        .map(|(_, u)| u)
        .collect();
    missing_verbatim(wanted, &found, e.translation, url_continues)
        .into_iter()
        .map(|url| msg!("qa-url-missing", url = url))
        .collect()
}

pub(super) fn check_emails(e: &Entry) -> Vec<Message> {
    let wanted: Vec<String> = find_emails(e.source).into_iter().map(|(_, m)| m).collect();
    if wanted.is_empty() {
        return Vec::new();
    }
    let found: HashSet<String> = find_emails(e.translation)
        .into_iter()
        .map(|(_, m)| m)
        .collect();
    missing_verbatim(wanted, &found, e.translation, email_continues)
        .into_iter()
        .map(|m| msg!("qa-email-missing", address = m))
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::qa::Check;
    use crate::qa::testing::{fails, passes};

    // --- URLs and e-mail addresses ---------------------------------------

    #[test]
    fn urls_kept_verbatim() {
        let s = "Read the full text at https://www.donga.com/news/article/all/20190110/93601234/1.";
        passes(
            Check::Urls,
            s,
            "전문은 https://www.donga.com/news/article/all/20190110/93601234/1 에서 볼 수 있다.",
        );
        passes(
            Check::Urls,
            s,
            "전문은 https://www.donga.com/news/article/all/20190110/93601234/1에서 볼 수 있다.",
        );
        let lost = fails(
            Check::Urls,
            s,
            "전문은 https://www.donga.com/news/article/all/20190110/93601234/2 에서 볼 수 있다.",
        );
        assert!(
            lost.starts_with(
                "URL https://www.donga.com/news/article/all/20190110/93601234/1 is missing"
            ),
            "{lost}"
        );
        fails(
            Check::Urls,
            "See www.example.com/a for details.",
            "자세한 내용은 www.example.com/ab 참조.",
        );
        passes(
            Check::Urls,
            "See (https://en.wikipedia.org/wiki/Dandong_(city)).",
            "(https://en.wikipedia.org/wiki/Dandong_(city)) 참조.",
        );
        passes(Check::Urls, "No links here.", "링크 없음.");
    }

    #[test]
    fn emails_kept_verbatim() {
        let s = "Write to news@donga.com with questions.";
        passes(Check::Emails, s, "문의는 news@donga.com으로 보내 주세요.");
        passes(Check::Emails, s, "문의: news@donga.com.");
        let lost = fails(
            Check::Emails,
            s,
            "문의는 newsdesk@donga.com으로 보내 주세요.",
        );
        assert!(
            lost.starts_with("e-mail address news@donga.com is missing"),
            "{lost}"
        );
        fails(Check::Emails, s, "문의는 news@donga.co.kr으로 보내 주세요.");
    }
}
