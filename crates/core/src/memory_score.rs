//! How close a translation memory's source is to a segment's source: a
//! score from 0 to 100.
//!
//! Both texts are split into words and punctuation (Unicode word
//! boundaries, whitespace dropped); the score is the word-level edit
//! similarity `2·M / T` of the two token sequences (`similar`'s diff),
//! where `M` is the weight of the tokens kept and `T` the weight of all
//! tokens of both. A number (any token with a digit) and a markup token
//! (`` ` ``, `*`, `_`, `[`, `]`, `(`, `)`, `<`, `>`, `#`, `~`) weigh 3, any
//! other token 1, so a changed number or link costs more than a changed
//! word. 100 means identical text and only that: any other pair scores at
//! most 99, so a changed number never scores 100.
use similar::{Algorithm, DiffOp, capture_diff_slices};
use unicode_segmentation::UnicodeSegmentation;

/// The tokens of `text` that a score compares: words and punctuation.
fn tokens(text: &str) -> Vec<&str> {
    text.split_word_bounds()
        .filter(|t| !t.trim().is_empty())
        .collect()
}

/// The words of `text` worth searching for (letters or digits).
pub fn words(text: &str) -> Vec<&str> {
    text.unicode_words().collect()
}

fn weight(token: &str) -> usize {
    let markup = |c: char| "`*_[]()<>#~".contains(c);
    if token.chars().any(|c| c.is_numeric()) || token.chars().all(markup) {
        3
    } else {
        1
    }
}

/// The score of `candidate` as a match for `text`, 0–100.
pub fn score(text: &str, candidate: &str) -> u8 {
    score_at_least(text, candidate, 0).unwrap_or(0)
}

/// The score of `candidate` as a match for `text` if it is at least `min`.
/// Cheaper than [`score`] for most pairs a search finds: the weight of the
/// lighter text bounds what the two can keep (`2·min(Wa, Wb) / (Wa + Wb)`),
/// and so does the weight of the tokens they share (as multisets); a pair
/// whose bound is under `min` is not diffed.
pub fn score_at_least(text: &str, candidate: &str, min: u8) -> Option<u8> {
    if text == candidate {
        return Some(100);
    }
    let a = tokens(text);
    let b = tokens(candidate);
    let weigh = |tokens: &[&str]| -> usize { tokens.iter().map(|t| weight(t)).sum() };
    let (wa, wb) = (weigh(&a), weigh(&b));
    let total = wa + wb;
    if total == 0 {
        return (min == 0).then_some(0);
    }
    if 200 * wa.min(wb) / total < usize::from(min) {
        return None;
    }
    // A tighter bound, still without a diff: a kept token is in both
    // texts, so what the two share, counted as multisets, bounds `kept`.
    if min > 0 {
        let mut counts: std::collections::HashMap<&str, (usize, usize)> =
            std::collections::HashMap::with_capacity(a.len());
        for t in &a {
            counts.entry(t).or_default().0 += 1;
        }
        for t in &b {
            counts.entry(t).or_default().1 += 1;
        }
        let shared: usize = counts
            .iter()
            .map(|(t, (in_a, in_b))| in_a.min(in_b) * weight(t))
            .sum();
        if (200 * shared / total).min(99) < usize::from(min) {
            return None;
        }
    }
    let kept: usize = capture_diff_slices(Algorithm::Myers, &a, &b)
        .iter()
        .map(|op| match *op {
            DiffOp::Equal { old_index, len, .. } => a[old_index..old_index + len]
                .iter()
                .map(|t| weight(t))
                .sum(),
            _ => 0,
        })
        .sum();
    let score = ((200 * kept / total) as u8).min(99);
    (score >= min).then_some(score)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_is_100_and_nothing_else_is() {
        assert_eq!(score("Take 3 pills.", "Take 3 pills."), 100);
        assert_eq!(score("Take 3 pills.", "Take  3 pills."), 99);
        assert!(score("Take 3 pills a day.", "Take 4 pills a day.") < 80);
        assert!(score("Take the red pills a day.", "Take the blue pills a day.") >= 80);
        assert_eq!(score("alpha", "beta"), 0);
    }

    /// The bound skips only pairs that could not reach the least score.
    #[test]
    fn score_at_least_agrees_with_score() {
        let texts = [
            "Take 3 pills.",
            "Take 3 pills a day, every day, with water.",
            "Take the red pills a day.",
            "Take the blue pills a day.",
            "a day. Take the blue pills",
            "the pills the pills the pills",
            "alpha",
            "",
        ];
        for a in texts {
            for b in texts {
                for min in [0, 50, 70, 90, 100] {
                    let full = score(a, b);
                    let expected = (full >= min).then_some(full);
                    assert_eq!(score_at_least(a, b, min), expected, "{a:?} {b:?} {min}");
                }
            }
        }
    }
}
