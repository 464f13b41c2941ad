//! Alignment: which old segment each new segment continues (the same
//! text in place, the same text elsewhere, or an edited version of it).
//!
//! The same inputs give the same alignment on any machine, however loaded:
//! every limit on the work is a number of items, never a time.
use rustc_hash::FxHashMap;

use similar::Algorithm;

use super::words::pairing_words;
use super::{Origin, SIMILARITY_THRESHOLD};
use crate::article::Segment;
use crate::catalog::Entry;
use crate::changes::Changes;
use crate::matching::{DIFF_LIMIT, matching_runs};

/// How many (old, new) pairs of edited segments are compared in full before
/// pairing falls back to comparing each new segment with its neighbourhood.
const PAIRING_BUDGET: usize = 250_000;
const PAIRING_WINDOW: usize = 64;

/// For each new segment, the old segment it continues and how, if any;
/// `changes` (the source language's) says which edits are cosmetic.
pub(super) fn align(
    old: &[Entry],
    new: &[Segment],
    changes: &Changes,
) -> Vec<Option<(usize, Origin)>> {
    let old_texts: Vec<&str> = old.iter().map(|e| e.source.as_str()).collect();
    let new_texts: Vec<&str> = new.iter().map(|s| s.text.as_str()).collect();
    // The common case, an article unchanged since the last extract.
    if old_texts == new_texts {
        return (0..new.len()).map(|i| Some((i, Origin::Kept))).collect();
    }
    let mut pairs: Vec<Option<(usize, Origin)>> = vec![None; new.len()];
    let mut old_free = vec![true; old.len()];
    // A pathological article may not get the finest diff, but always gets
    // one, and always the same one.
    for run in matching_runs(Algorithm::Patience, &old_texts, &new_texts, DIFF_LIMIT) {
        for (i, j) in (run.old..run.old + run.len).zip(run.new..) {
            pairs[j] = Some((i, Origin::Kept));
            old_free[i] = false;
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

    // Edited cosmetically: the same cosmetic key as an unpaired old
    // segment, anywhere. Word-level similarity cannot pair a short
    // sentence whose every word changed its quotes (`"Yes."` → `“Yes.”`).
    let mut by_key: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for i in (0..old.len()).rev().filter(|&i| old_free[i]) {
        by_key.entry(changes.key(old_texts[i])).or_default().push(i);
    }
    if !by_key.is_empty() {
        for (j, text) in new_texts.iter().enumerate() {
            if pairs[j].is_none()
                && let Some(i) = by_key.get_mut(&changes.key(text)).and_then(Vec::pop)
            {
                let from = old_texts[i].to_string();
                pairs[j] = Some((i, Origin::Changed { from }));
                old_free[i] = false;
            }
        }
    }

    // Changed: the most similar pairs first. Pairing looks beyond the
    // replaced region an edit sits in, since a paragraph that moved splits
    // the diff into regions that no longer face each other.
    let old_words: Vec<(usize, Vec<&str>)> = (0..old.len())
        .filter(|&i| old_free[i])
        .map(|i| (i, pairing_words(old_texts[i])))
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
        let new_words = pairing_words(new_texts[j]);
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

/// Words, old and new together, compared by one diff when two sentences
/// are compared. Sentences are rarely a hundred words long; at this size
/// the worst case takes some 20 ms (release build), and there may be
/// thousands of pairs to compare. Longer ones are compared by their
/// anchors, the words found once in each, and the stretches between them
/// up to this size (`matching`).
const SENTENCE_DIFF_LIMIT: usize = 2_000;

/// The share of words two texts have in common, in order (0 to 1): two
/// matches per word matched, over the words of both, as
/// `similar::diff_ratio` counts.
fn similarity(old: &[&str], new: &[&str]) -> f32 {
    let runs = matching_runs(Algorithm::Myers, old, new, SENTENCE_DIFF_LIMIT);
    let matched: usize = runs.iter().map(|run| run.len).sum();
    let len = old.len() + new.len();
    if len == 0 {
        1.0
    } else {
        2.0 * matched as f32 / len as f32
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicBool, Ordering};

    use super::*;
    use crate::plan::{FNV_OFFSET, fnv1a};

    fn segments(texts: &[String]) -> Vec<Segment> {
        texts
            .iter()
            .enumerate()
            .map(|(block, text)| Segment {
                block,
                text: text.clone(),
                span: 0..0,
            })
            .collect()
    }

    /// Markup is not what two sentences have in common: a sentence that
    /// shares only its emphasis, code and link syntax and its link's URL
    /// with an old one is new, while an edited sentence with the same
    /// markup still continues its own entry.
    #[test]
    fn shared_markup_does_not_pair_sentences() {
        let old = [
            Entry::new(
                "a",
                "**Note:** see `cargo` and [the guide](https://example.com/docs/guide/intro.html#setup).",
            ),
            Entry::new("b", "The _quick_ brown fox jumps over the lazy dog."),
        ];
        let unrelated =
            "**Tip:** run `make` or [this page](https://example.com/docs/guide/intro.html#setup).";
        let edited = "The _quick_ red fox jumps over the lazy dog.";
        let pairs = align(
            &old,
            &segments(&[unrelated.to_string(), edited.to_string()]),
            &Changes::for_lang("en"),
        );
        assert_eq!(pairs[0], None, "{pairs:?}");
        assert!(
            matches!(pairs[1], Some((1, Origin::Changed { .. }))),
            "{pairs:?}"
        );
    }

    /// Long sentences of three words in irregular orders, every one edited:
    /// no text is kept, each new sentence is compared with each old one,
    /// and each comparison is a diff with much to do.
    fn pathological(sentences: usize, words: usize) -> (Vec<Entry>, Vec<Segment>) {
        let sentence = |k: usize| -> String {
            (0..words)
                .map(|i| {
                    // FNV mixes the last bytes poorly: multiply to spread them.
                    let hash = fnv1a(&[k as u8, i as u8, (i >> 8) as u8], FNV_OFFSET)
                        .wrapping_mul(0x9e37_79b9_7f4a_7c15);
                    ["one", "two", "three"][(hash >> 32) as usize % 3]
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        let old = (0..sentences)
            .map(|k| Entry::new(&format!("{k:08x}"), &sentence(k)))
            .collect();
        let new: Vec<String> = (0..sentences).map(|k| sentence(k + sentences)).collect();
        (old, segments(&new))
    }

    /// Alignment reads no clock: a pathological pairing planned while other
    /// threads keep every core busy pairs as it does on an idle machine.
    /// (With the 50 ms deadline this replaced, the loaded runs of a debug
    /// build stopped their diffs sooner and paired otherwise: this test
    /// failed on it.)
    #[test]
    fn a_loaded_machine_aligns_the_same() {
        let (old, new) = pathological(10, 300);
        let changes = Changes::for_lang("en");
        let idle = align(&old, &new, &changes);
        assert!(
            idle.iter().filter(|pair| pair.is_some()).count() >= 6,
            "the pairing should pair: {idle:?}"
        );
        let stop = AtomicBool::new(false);
        let burners = std::thread::available_parallelism().map_or(2, |n| n.get()) * 2;
        std::thread::scope(|scope| {
            for _ in 0..burners {
                scope.spawn(|| {
                    let mut x = 1u64;
                    while !stop.load(Ordering::Relaxed) {
                        x = std::hint::black_box(x.wrapping_mul(6_364_136_223_846_793_005) + 1);
                    }
                });
            }
            let loaded: Vec<_> = (0..3)
                .map(|_| scope.spawn(|| align(&old, &new, &changes)))
                .collect();
            let loaded: Vec<_> = loaded.into_iter().map(|run| run.join().unwrap()).collect();
            stop.store(true, Ordering::Relaxed);
            for pairs in loaded {
                assert_eq!(pairs, idle);
            }
        });
    }
}
