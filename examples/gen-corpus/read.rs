//! Reading generated articles back: blocks and sentences (the generator
//! knows where its sentences end), and the word-level similarity `l10n`
//! pairs edited segments with.

use super::*;

/// Splits one paragraph of generated text into its sentences.
pub fn split_sentences(paragraph: &str) -> Vec<String> {
    let bytes = paragraph.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'.' || b == b'?' || b == b'!' {
            let mut j = i + 1;
            loop {
                let rest = &paragraph[j..];
                if rest.starts_with('”') {
                    j += '”'.len_utf8();
                } else if rest.starts_with('"') || rest.starts_with(')') {
                    j += 1;
                } else {
                    break;
                }
            }
            let rest = &paragraph[j..];
            let next_starts = rest.strip_prefix(' ').is_some_and(|after| {
                after.starts_with('“') || after.starts_with(|c: char| c.is_ascii_uppercase())
            });
            if next_starts && !(b == b'.' && ends_with_abbreviation(&paragraph[start..i])) {
                out.push(paragraph[start..j].trim().to_string());
                start = j + 1;
                i = j + 1;
                continue;
            }
        }
        i += 1;
    }
    let last = paragraph[start..].trim();
    if !last.is_empty() {
        out.push(last.to_string());
    }
    out
}

/// Whether the text before a dot ends with an abbreviation or an initial.
pub(super) fn ends_with_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(' ')
        .next()
        .unwrap_or("")
        .trim_start_matches(['“', '(', '"']);
    ABBREVIATIONS.contains(&word) || (word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase())
}

/// A block of an article as `mutate` sees it.
#[derive(Debug, Clone)]
pub(super) enum Block {
    /// Headline, dateline, byline, boilerplate: left alone.
    Fixed(String),
    /// A body paragraph, as sentences.
    Body(Vec<String>),
}

pub(super) fn parse_blocks(text: &str) -> Vec<Block> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .map(|b| {
            if FIXED_PREFIXES.iter().any(|p| b.starts_with(p)) {
                Block::Fixed(b.to_string())
            } else {
                Block::Body(split_sentences(b))
            }
        })
        .collect()
}

pub(super) fn render_blocks(blocks: &[Block]) -> String {
    let parts: Vec<String> = blocks
        .iter()
        .map(|b| match b {
            Block::Fixed(text) => text.clone(),
            Block::Body(sentences) => sentences.join(" "),
        })
        .collect();
    let mut text = parts.join("\n\n");
    text.push('\n');
    text
}

/// The segments of a generated article, as the generator means them: the
/// headline, then every line or sentence in order.
pub fn article_sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for block in text.split("\n\n").map(str::trim).filter(|b| !b.is_empty()) {
        if let Some(heading) = block.strip_prefix("# ") {
            out.push(heading.trim().to_string());
        } else {
            out.extend(split_sentences(block));
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Similarity, as `l10n` pairs edited segments.

/// Words and punctuation of a text (UAX #29 word bounds, white space dropped).
pub fn words(text: &str) -> Vec<&str> {
    text.split_word_bounds()
        .filter(|w| !w.trim().is_empty())
        .collect()
}

/// Word-level similarity of two texts, 0 to 1.
pub fn similarity(a: &str, b: &str) -> f32 {
    let (a, b) = (words(a), words(b));
    let ops = capture_diff_slices(Algorithm::Myers, &a, &b);
    diff_ratio(&ops, a.len(), b.len())
}

/// Pairs below this similarity are never taken for the same segment.
pub const THRESHOLD: f32 = 0.5;
