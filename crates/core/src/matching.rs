//! Which items of two sequences match, in order: the equal runs of a diff,
//! within a work budget that is a pure function of the sequences' lengths.
//!
//! A deadline (`similar`'s `*_deadline` functions) makes a diff depend on
//! the clock: on a loaded machine it stops sooner and matches less, so the
//! same article could get other ids. Here nothing reads a clock. A diff by
//! `similar` covers at most [`DIFF_LIMIT`] items (old and new together);
//! longer sequences are first cut at anchors, items found exactly once in
//! each (as in patience diff), and only the stretches between anchors that
//! fit the limit are diffed, up to a few limits' worth in all. Input within
//! the limit gets exactly the diff it always got.
use std::convert::Infallible;
use std::hash::Hash;
use std::ops::Range;

use rustc_hash::FxHashMap;
use similar::Algorithm;
use similar::algorithms::{DiffHook, diff};

/// The most items, old and new together, one diff by `similar` is given.
/// Its heuristic Myers search (which patience diff uses between anchors)
/// does work that grows about as the 1.5th power of the length on the
/// worst input: some 0.3 s at this size in a release build on one core,
/// the worst case; typical text takes a fraction of that.
pub const DIFF_LIMIT: usize = 20_000;

/// `len` items from `old` in `old` equal to as many from `new` in `new`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    pub old: usize,
    pub new: usize,
    pub len: usize,
}

/// The equal runs of the diff of `old` and `new` by `algorithm`, in order,
/// with no stretch longer than `limit` items diffed as a whole (see the
/// module's comment).
pub fn matching_runs<T: Hash + Eq>(
    algorithm: Algorithm,
    old: &[T],
    new: &[T],
    limit: usize,
) -> Vec<Run> {
    let mut runs = Runs(Vec::new());
    if old.len() + new.len() <= limit {
        diff_range(algorithm, &mut runs, old, 0..old.len(), new, 0..new.len());
        return runs.0;
    }
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (old_end, new_end) = (old.len() - suffix, new.len() - suffix);
    runs.push(0, 0, prefix);
    // The stretches diffed add up to at most this many items, so that the
    // whole costs at most a few diffs of `limit` items.
    let mut budget = STRETCHES_PER_LIMIT * limit;
    let mut stretch = |runs: &mut Runs, old_range: Range<usize>, new_range: Range<usize>| {
        let len = old_range.len() + new_range.len();
        if len <= limit.min(budget) {
            budget -= len;
            diff_range(algorithm, runs, old, old_range, new, new_range);
        }
    };
    let (mut old_at, mut new_at) = (prefix, prefix);
    for (i, j) in anchors(old, prefix..old_end, new, prefix..new_end) {
        stretch(&mut runs, old_at..i, new_at..j);
        runs.push(i, j, 1);
        (old_at, new_at) = (i + 1, j + 1);
    }
    stretch(&mut runs, old_at..old_end, new_at..new_end);
    runs.push(old_end, new_end, suffix);
    runs.0
}

/// Past the limit, how many times `limit` items the stretches between
/// anchors that are diffed may add up to.
const STRETCHES_PER_LIMIT: usize = 4;

fn diff_range<T: Hash + Eq>(
    algorithm: Algorithm,
    runs: &mut Runs,
    old: &[T],
    old_range: Range<usize>,
    new: &[T],
    new_range: Range<usize>,
) {
    if old_range.is_empty() || new_range.is_empty() {
        return;
    }
    let Ok(()) = diff(algorithm, runs, old, old_range, new, new_range);
}

/// The items of `old[old_range]` and `new[new_range]` found exactly once in
/// each, as `(old index, new index)`: the longest chain of them that is in
/// order in both (patience sorting, `O(k log k)` for `k` such items).
fn anchors<T: Hash + Eq>(
    old: &[T],
    old_range: Range<usize>,
    new: &[T],
    new_range: Range<usize>,
) -> Vec<(usize, usize)> {
    // Per item: where it is in each, and how often (capped at two).
    let mut seen: FxHashMap<&T, [(usize, u8); 2]> = FxHashMap::default();
    for (side, items, range) in [(0, old, old_range), (1, new, new_range)] {
        for i in range {
            let slot = &mut seen.entry(&items[i]).or_insert([(0, 0); 2])[side];
            *slot = (i, (slot.1 + 1).min(2));
        }
    }
    let mut pairs: Vec<(usize, usize)> = seen
        .into_values()
        .filter(|[(_, a), (_, b)]| *a == 1 && *b == 1)
        .map(|[(i, _), (j, _)]| (i, j))
        .collect();
    pairs.sort_unstable_by_key(|&(_, j)| j);
    // Longest increasing subsequence of the old indices, in new order.
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; pairs.len()];
    for (k, &(i, _)) in pairs.iter().enumerate() {
        let at = tails.partition_point(|&t| pairs[t].0 < i);
        if at > 0 {
            previous[k] = Some(tails[at - 1]);
        }
        if at == tails.len() {
            tails.push(k);
        } else {
            tails[at] = k;
        }
    }
    let mut chain = Vec::with_capacity(tails.len());
    let mut next = tails.last().copied();
    while let Some(k) = next {
        chain.push(pairs[k]);
        next = previous[k];
    }
    chain.reverse();
    chain
}

/// Collects the equal runs a diff reports.
struct Runs(Vec<Run>);

impl Runs {
    fn push(&mut self, old: usize, new: usize, len: usize) {
        if len > 0 {
            self.0.push(Run { old, new, len });
        }
    }
}

impl DiffHook for Runs {
    type Error = Infallible;

    fn equal(&mut self, old: usize, new: usize, len: usize) -> Result<(), Infallible> {
        self.push(old, new, len);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matched(runs: &[Run]) -> usize {
        runs.iter().map(|r| r.len).sum()
    }

    /// Each run is equal items, and the runs go forward in both sequences.
    fn assert_valid(old: &[u32], new: &[u32], runs: &[Run]) {
        let (mut old_at, mut new_at) = (0, 0);
        for run in runs {
            assert!(run.old >= old_at && run.new >= new_at, "{runs:?}");
            assert_eq!(
                old[run.old..run.old + run.len],
                new[run.new..run.new + run.len]
            );
            (old_at, new_at) = (run.old + run.len, run.new + run.len);
        }
    }

    /// Items from a small alphabet in an irregular order, so that a diff
    /// has work to do.
    fn noise(len: u32, step: u32, alphabet: u32) -> Vec<u32> {
        (0..len).map(|i| (i * i * step + i) % alphabet).collect()
    }

    #[test]
    fn within_the_limit_the_diff_is_similars() {
        let old = noise(300, 3, 5);
        let new = noise(280, 7, 5);
        let runs = matching_runs(Algorithm::Myers, &old, &new, DIFF_LIMIT);
        assert_valid(&old, &new, &runs);
        let ops = similar::capture_diff_slices(Algorithm::Myers, &old, &new);
        let equal: usize = ops
            .iter()
            .map(|op| match *op {
                similar::DiffOp::Equal { len, .. } => len,
                _ => 0,
            })
            .sum();
        assert_eq!(matched(&runs), equal);
    }

    /// Past the limit: the common ends, the unique anchors and what lies
    /// between them, when that fits, are matched; the rest is not.
    #[test]
    fn past_the_limit_anchors_and_short_stretches_match() {
        // 0..100 unique, then a stretch of noise, then 1000..1100 unique
        // with one moved item.
        let mut old: Vec<u32> = (0..100).collect();
        old.extend(noise(50, 5, 3).iter().map(|x| x + 500));
        old.extend(1000..1100);
        let mut new: Vec<u32> = vec![7777];
        new.extend(0..100);
        new.extend(noise(50, 11, 3).iter().map(|x| x + 500));
        new.extend((1000..1100).filter(|&x| x != 1050));
        new.push(1050);
        let runs = matching_runs(Algorithm::Patience, &old, &new, 60);
        assert_valid(&old, &new, &runs);
        // Every unique item but the moved one, and none of the noise: its
        // stretch (100 items) is over the limit of 60.
        assert_eq!(matched(&runs), 100 + 99);
        let wider = matching_runs(Algorithm::Patience, &old, &new, 120);
        assert_valid(&old, &new, &wider);
        assert!(matched(&wider) > 100 + 99, "{}", matched(&wider));
    }

    #[test]
    fn common_ends_match_past_the_limit() {
        let old = [1, 2, 3, 9, 9, 4, 5];
        let new = [1, 2, 3, 8, 4, 5];
        let runs = matching_runs(Algorithm::Patience, &old, &new, 2);
        assert_eq!(
            runs,
            [
                Run {
                    old: 0,
                    new: 0,
                    len: 3
                },
                Run {
                    old: 5,
                    new: 4,
                    len: 2
                }
            ]
        );
    }
}
