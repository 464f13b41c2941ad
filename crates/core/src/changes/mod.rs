//! Change classes: whether an edit of a source sentence is cosmetic (the
//! translation stays current) and, when it is not, why it matters.
//!
//! One function decides what is cosmetic: [`Changes::key`], a text's
//! *cosmetic key*. Two texts with the same key differ only in white space,
//! quote, apostrophe and dash variants, `...`/`…`, Unicode normalisation
//! (NFC, and NFKC but for superscripts, subscripts, fractions and circled
//! numbers, which change what a text says) and invisible characters. The
//! classes of each language are data, like the segmenter's: the files under
//! `rules/`, `base.rules` merged into every language.
use std::collections::BTreeMap;

use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

use crate::qa::scan::addresses::find_urls;
use crate::qa::scan::markdown::Markdown;
use crate::qa::scan::numbers::scan_numbers;

const BASE: &str = include_str!("rules/base.rules");
const FILES: &[(&str, &str)] = &[
    ("en", include_str!("rules/en.rules")),
    ("ko", include_str!("rules/ko.rules")),
];
/// How many `[inherit]` levels are followed (guards against cycles).
const INHERIT_DEPTH: usize = 2;

/// Why an edit matters, in the order they are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// A number, date or amount changed.
    Number,
    /// A negation was added or removed.
    Negation,
    /// A URL or a link's target changed.
    Link,
    /// A capitalised name (not at the start of a sentence) changed.
    Name,
    /// Inline code or emphasis changed.
    Markup,
    /// Other words changed (and what is left when nothing else applies).
    Wording,
}

impl Reason {
    /// The name used in JSON and in text.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Number => "number",
            Reason::Negation => "negation",
            Reason::Link => "link",
            Reason::Name => "name",
            Reason::Markup => "markup",
            Reason::Wording => "wording",
        }
    }
}

/// The change classes of one (source) language.
#[derive(Debug, Clone, Default)]
pub struct Changes {
    lang: String,
    /// `(variant, representative)`, longest variant first.
    same: Vec<(String, String)>,
    ignore: Vec<char>,
    negation_words: FxHashSet<String>,
    negation_prefixes: Vec<String>,
    negation_suffixes: Vec<String>,
    /// Words always capitalised that are no names (`I`), lower-cased.
    capitalised: FxHashSet<String>,
    /// What a negation suffix leaves of a word that is not its stem as
    /// written (`ca` of `can't`: `can`).
    stems: Vec<(String, String)>,
}

impl Changes {
    /// The classes of the language `tag` (`en-GB` reads `en`); a language
    /// without a file gets the neutral ones: cosmetic keys, no negations.
    pub fn for_lang(tag: &str) -> Changes {
        let mut changes = Changes {
            lang: tag.to_string(),
            ..Changes::default()
        };
        changes.read(BASE, 0);
        let primary = tag.split(['-', '_']).next().unwrap_or("").to_lowercase();
        if let Some((_, text)) = FILES.iter().find(|(name, _)| *name == primary) {
            changes.read(text, 0);
        }
        changes
            .same
            .sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.cmp(b)));
        changes.same.dedup();
        changes
    }

    fn read(&mut self, text: &str, depth: usize) {
        for (section, entries) in crate::rules_text::lines(text) {
            let entries = entries.into_iter();
            match section {
                "same" => {
                    let entries: Vec<&str> = entries.collect();
                    for variant in &entries[1..] {
                        self.same
                            .push((variant.to_string(), entries[0].to_string()));
                    }
                }
                "ignore" => self.ignore.extend(entries.filter_map(unescape)),
                "negation-words" => self.negation_words.extend(entries.map(str::to_lowercase)),
                "negation-prefixes" => self
                    .negation_prefixes
                    .extend(entries.map(str::to_lowercase)),
                "negation-suffixes" => self
                    .negation_suffixes
                    .extend(entries.map(str::to_lowercase)),
                "negation-stems" => {
                    let entries: Vec<String> = entries.map(str::to_lowercase).collect();
                    if let [left, stem] = &entries[..] {
                        self.stems.push((left.clone(), stem.clone()));
                    }
                }
                "capitalised-words" => self.capitalised.extend(entries.map(str::to_lowercase)),
                "inherit" if depth < INHERIT_DEPTH => {
                    for name in entries {
                        if let Some((_, text)) = FILES.iter().find(|(n, _)| *n == name) {
                            self.read(text, depth + 1);
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// The cosmetic key of `text`: equal keys, a cosmetic difference.
    pub fn key(&self, text: &str) -> String {
        let mut normal = String::with_capacity(text.len());
        for c in text.nfc() {
            if self.ignore.contains(&c) {
            } else if keeps_meaning(c) {
                normal.push(c);
            } else {
                normal.extend(std::iter::once(c).nfkc());
            }
        }
        for (variant, representative) in &self.same {
            if normal.contains(variant.as_str()) {
                normal = normal.replace(variant.as_str(), representative);
            }
        }
        let mut key = String::with_capacity(normal.len());
        for word in normal.split_whitespace() {
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(word);
        }
        key
    }

    /// Whether `old` and `new` differ only cosmetically (or not at all).
    pub fn cosmetic(&self, old: &str, new: &str) -> bool {
        old == new || self.key(old) == self.key(new)
    }

    /// Why the edit from `old` to `new` matters: at least one reason, in
    /// [`Reason`] order (`wording` alone for a cosmetic edit, which is not
    /// meant to be asked).
    pub fn reasons(&self, old: &str, new: &str) -> Vec<Reason> {
        let (old, new) = (self.key(old), self.key(new));
        let (a, b) = (self.features(&old), self.features(&new));
        let mut reasons = Vec::new();
        if a.numbers != b.numbers {
            reasons.push(Reason::Number);
        }
        if a.negations != b.negations {
            reasons.push(Reason::Negation);
        }
        if a.links != b.links {
            reasons.push(Reason::Link);
        }
        if a.names != b.names {
            reasons.push(Reason::Name);
        }
        if a.markup != b.markup {
            reasons.push(Reason::Markup);
        }
        if a.words != b.words || reasons.is_empty() {
            reasons.push(Reason::Wording);
        }
        reasons
    }

    fn features(&self, text: &str) -> Features {
        let md = Markdown::scan(text);
        let urls = find_urls(text);
        let code = code_spans(text);
        let mut links: Vec<String> = md.targets.clone();
        links.extend(urls.iter().map(|(_, url)| url.clone()));
        links.sort();
        // URLs, link destinations and code are blanked out for the rest.
        let mut blanked: Vec<char> = Vec::with_capacity(text.len());
        let hidden: Vec<std::ops::Range<usize>> = urls
            .iter()
            .map(|(range, _)| range.clone())
            .chain(destinations(text))
            .chain(code.iter().map(|(range, _)| range.clone()))
            .collect();
        for (i, c) in text.char_indices() {
            let hide = hidden.iter().any(|r| r.contains(&i));
            blanked.push(if hide { ' ' } else { c });
        }
        let blanked: String = blanked.into_iter().collect();
        let mut numbers: Vec<String> = scan_numbers(&blanked, &self.lang, false)
            .into_iter()
            .map(|n| format!("{:?}{:?}{:?}{:?}", n.values, n.parts, n.time, n.month))
            .collect();
        numbers.sort();

        let mut negations = BTreeMap::new();
        let mut names = Vec::new();
        let mut words = Vec::new();
        let mut name = String::new();
        let mut at_start = true;
        // After a hyphen inside a name: the next word belongs to it (`Jong-un`).
        let mut joined = false;
        for token in blanked.split_word_bounds() {
            let lower = token.to_lowercase();
            if token.chars().any(char::is_alphabetic) {
                let capital = token.chars().next().is_some_and(char::is_uppercase);
                if joined || (capital && !at_start && !self.capitalised.contains(&lower)) {
                    if !name.is_empty() && !joined {
                        name.push(' ');
                    }
                    name.push_str(token);
                    joined = false;
                } else {
                    if !name.is_empty() {
                        names.push(std::mem::take(&mut name));
                    }
                    if self.is_negation(&lower) {
                        // `can't` is `can` and a negation.
                        if let Some(stem) = self.stem(&lower) {
                            words.push(stem);
                        }
                        *negations.entry(lower.clone()).or_insert(0usize) += 1;
                    } else {
                        words.push(lower);
                    }
                }
                at_start = false;
            } else if token.trim().is_empty() {
                joined = false;
                continue;
            } else if token == "-" && !name.is_empty() {
                name.push('-');
                joined = true;
            } else {
                if !name.is_empty() {
                    names.push(std::mem::take(&mut name));
                }
                if token.chars().any(char::is_numeric) {
                    at_start = false;
                } else if token.chars().any(|c| matches!(c, '.' | '!' | '?' | ':')) {
                    at_start = true;
                }
            }
        }
        if !name.is_empty() {
            names.push(name);
        }
        names.sort();
        let mut code: Vec<String> = code.into_iter().map(|(_, text)| text).collect();
        code.push(format!(
            "{}/{}/{}/{}",
            md.emphasis, md.strong, md.strikethrough, md.code
        ));
        Features {
            numbers,
            negations,
            links,
            names,
            markup: code,
            words,
        }
    }

    /// The word a negation suffix is attached to, if any (`did` of `didn't`).
    fn stem(&self, word: &str) -> Option<String> {
        let suffix = self
            .negation_suffixes
            .iter()
            .find(|s| word.ends_with(s.as_str()))?;
        let left = &word[..word.len() - suffix.len()];
        let stem = self.stems.iter().find(|(l, _)| l == left);
        Some(stem.map_or(left, |(_, stem)| stem.as_str()).to_string()).filter(|s| !s.is_empty())
    }

    fn is_negation(&self, word: &str) -> bool {
        self.negation_words.contains(word)
            || self
                .negation_prefixes
                .iter()
                .any(|p| word.starts_with(p.as_str()))
            || self
                .negation_suffixes
                .iter()
                .any(|s| word.ends_with(s.as_str()))
    }
}

/// What each reason compares.
struct Features {
    numbers: Vec<String>,
    negations: BTreeMap<String, usize>,
    links: Vec<String>,
    names: Vec<String>,
    markup: Vec<String>,
    words: Vec<String>,
}

/// Compatibility characters whose NFKC form says something else: `m²` is
/// not `m2`, `½` not `1⁄2`, `①` not `1`.
fn keeps_meaning(c: char) -> bool {
    matches!(c,
        '\u{00B2}' | '\u{00B3}' | '\u{00B9}' | '\u{00BC}'..='\u{00BE}'
        | '\u{2070}'..='\u{209F}' | '\u{2150}'..='\u{218F}' | '\u{2460}'..='\u{24FF}'
        | '\u{3251}'..='\u{325F}' | '\u{32B1}'..='\u{32BF}')
}

/// A `\u{…}` escape of the rules files, or a character as written.
fn unescape(entry: &str) -> Option<char> {
    match entry.strip_prefix("\\u{").and_then(|e| e.strip_suffix('}')) {
        Some(hex) => u32::from_str_radix(hex, 16).ok().and_then(char::from_u32),
        None => entry.chars().next(),
    }
}

/// Inline code spans (a run of backticks to the next run of the same
/// length): their byte ranges and contents.
fn code_spans(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'`' {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i] == b'`' {
            i += 1;
        }
        let fence = &text[start..i];
        match text[i..].find(fence) {
            Some(offset) => {
                let end = i + offset + fence.len();
                spans.push((start..end, text[i..i + offset].trim().to_string()));
                i = end;
            }
            None => continue,
        }
    }
    spans
}

/// The byte ranges of inline link destinations: `](…)`.
fn destinations(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut from = 0;
    while let Some(offset) = text[from..].find("](") {
        let start = from + offset + 2;
        match text[start..].find(')') {
            Some(len) => {
                ranges.push(start..start + len);
                from = start + len;
            }
            None => break,
        }
    }
    ranges
}

#[cfg(test)]
mod tests;
