//! The scanners the checks share: numbers, URLs and e-mail addresses,
//! Markdown, placeholders; and the prose of a text, which is what is left
//! when the scanners' finds that are no prose are blanked out.
pub(crate) mod addresses;
pub(crate) mod markdown;
pub(crate) mod numbers;
pub(crate) mod placeholders;

use std::collections::HashSet;
use std::ops::Range;

use addresses::{find_emails, find_urls};
use markdown::Markdown;
use placeholders::find_placeholders;

/// Byte ranges whose digits are not numbers of the prose: URLs, e-mail
/// addresses, placeholders and link destinations.
pub(crate) fn protected_ranges(text: &str, md: &Markdown) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = Vec::new();
    ranges.extend(find_urls(text).into_iter().map(|(r, _)| r));
    ranges.extend(find_emails(text).into_iter().map(|(r, _)| r));
    ranges.extend(find_placeholders(text).into_iter().map(|(r, _)| r));
    ranges.extend(md.destinations.iter().cloned());
    ranges
}

/// `text` with the characters inside `ranges` replaced by spaces.
pub(crate) fn mask(text: &str, ranges: &[Range<usize>]) -> String {
    if ranges.is_empty() {
        return text.to_string();
    }
    // Sorted and merged, the ranges are passed once, with the text.
    let mut sorted: Vec<Range<usize>> = ranges.to_vec();
    sorted.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(sorted.len());
    for r in sorted {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut next = 0;
    for (i, ch) in text.char_indices() {
        while next < merged.len() && merged[next].end <= i {
            next += 1;
        }
        let inside = merged.get(next).is_some_and(|r| r.contains(&i));
        out.push(if inside { ' ' } else { ch });
    }
    out
}

/// The distinct items, in order of first appearance.
pub(crate) fn dedup<'a, T: Eq + std::hash::Hash + ?Sized>(
    items: impl Iterator<Item = &'a T>,
) -> Vec<&'a T> {
    let mut seen = HashSet::new();
    items.filter(|t| seen.insert(*t)).collect()
}
