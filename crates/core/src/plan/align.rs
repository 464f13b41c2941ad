//! Alignment: which old segment each new segment continues (the same
//! text in place, the same text elsewhere, or an edited version of it).
use rustc_hash::FxHashMap;
use std::time::{Duration, Instant};

use similar::{Algorithm, DiffTag, capture_diff_slices_deadline, diff_ratio};
use unicode_segmentation::UnicodeSegmentation;

use super::{Origin, SIMILARITY_THRESHOLD};
use crate::article::Segment;
use crate::catalog::Entry;

/// How many (old, new) pairs of edited segments are compared in full before
/// pairing falls back to comparing each new segment with its neighbourhood.
const PAIRING_BUDGET: usize = 250_000;
const PAIRING_WINDOW: usize = 64;

/// For each new segment, the old segment it continues and how, if any.
pub(super) fn align(old: &[Entry], new: &[Segment]) -> Vec<Option<(usize, Origin)>> {
    let old_texts: Vec<&str> = old.iter().map(|e| e.source.as_str()).collect();
    let new_texts: Vec<&str> = new.iter().map(|s| s.text.as_str()).collect();
    // The common case, an article unchanged since the last extract.
    if old_texts == new_texts {
        return (0..new.len()).map(|i| Some((i, Origin::Kept))).collect();
    }
    let mut pairs: Vec<Option<(usize, Origin)>> = vec![None; new.len()];
    let mut old_free = vec![true; old.len()];
    // A pathological article may not get the finest diff, but always gets one.
    let deadline = Instant::now() + Duration::from_secs(2);
    let ops =
        capture_diff_slices_deadline(Algorithm::Patience, &old_texts, &new_texts, Some(deadline));
    for op in ops {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            for (i, j) in old_range.zip(new_range) {
                pairs[j] = Some((i, Origin::Kept));
                old_free[i] = false;
            }
        }
    }

    // Moved: the exact text of an unpaired old segment, anywhere.
    let mut by_text: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (i, text) in old_texts.iter().enumerate().rev() {
        if old_free[i] {
            by_text.entry(text).or_default().push(i);
        }
    }
    for (j, text) in new_texts.iter().enumerate() {
        if pairs[j].is_none()
            && let Some(i) = by_text.get_mut(text).and_then(Vec::pop)
        {
            pairs[j] = Some((i, Origin::Moved));
            old_free[i] = false;
        }
    }

    // Changed: the most similar pairs first. Pairing looks beyond the
    // replaced region an edit sits in, since a paragraph that moved splits
    // the diff into regions that no longer face each other.
    let old_words: Vec<(usize, Vec<&str>)> = (0..old.len())
        .filter(|&i| old_free[i])
        .map(|i| (i, words(old_texts[i])))
        .collect();
    let unpaired_new: Vec<usize> = (0..new.len()).filter(|&j| pairs[j].is_none()).collect();
    // Comparing every unpaired pair is quadratic: past a budget, each new
    // segment is compared with the old ones near its place only.
    let window = if old_words.len() * unpaired_new.len() > PAIRING_BUDGET {
        PAIRING_WINDOW
    } else {
        old_words.len()
    };
    let mut candidates = Vec::new();
    for j in unpaired_new {
        let new_words = words(new_texts[j]);
        let expected = j * old.len() / new.len().max(1);
        let middle = old_words.partition_point(|(i, _)| *i < expected);
        let from = middle
            .saturating_sub(window / 2)
            .min(old_words.len().saturating_sub(window));
        let to = (from + window).min(old_words.len());
        for (i, old_words) in &old_words[from..to] {
            // The ratio cannot beat 2·min/(sum) of the lengths: skip early.
            let (a, b) = (old_words.len(), new_words.len());
            if 2.0 * a.min(b) as f32 / (a + b).max(1) as f32 >= SIMILARITY_THRESHOLD {
                let score = similarity(old_words, &new_words);
                if score >= SIMILARITY_THRESHOLD {
                    candidates.push((score, *i, j));
                }
            }
        }
    }
    // Best score first; among equals, the pair closest in order.
    candidates.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then_with(|| a.1.abs_diff(a.2).cmp(&b.1.abs_diff(b.2)))
            .then_with(|| (a.1, a.2).cmp(&(b.1, b.2)))
    });
    for (_, i, j) in candidates {
        if old_free[i] && pairs[j].is_none() {
            pairs[j] = Some((
                i,
                Origin::Changed {
                    from: old_texts[i].to_string(),
                },
            ));
            old_free[i] = false;
        }
    }
    pairs
}

fn words(text: &str) -> Vec<&str> {
    text.split_word_bounds()
        .filter(|w| !w.trim().is_empty())
        .collect()
}

/// The share of words two texts have in common, in order (0 to 1).
fn similarity(old: &[&str], new: &[&str]) -> f32 {
    let deadline = Instant::now() + Duration::from_millis(50);
    let ops = capture_diff_slices_deadline(Algorithm::Myers, old, new, Some(deadline));
    diff_ratio(&ops, old.len(), new.len())
}
