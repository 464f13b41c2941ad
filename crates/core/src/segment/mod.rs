//! Sentence segmentation: splits the text of one block into sentences.
//!
//! Pure: no I/O. Language rules are data (see `rules`); this module holds the
//! algorithm, one linear left-to-right pass. Every place where a sentence
//! could end (terminal punctuation, a bullet, the next item of a numbered
//! list) is a *candidate*; a fixed cascade of rules confirms or vetoes it by
//! looking a bounded distance backwards (the word before) and forwards (the
//! word after), so the cost per candidate is constant and the whole pass is
//! linear even on a single 20 MB line.
//!
//! [`sentences`] and [`explain`] are the same scan with different sinks, so
//! the explanation can never disagree with the split.
//!
//! # Data flow
//!
//! ```text
//! text ─▶ scanner ─candidate─▶ judges ─(offset, split, rule)─▶ decide ─▶ sink
//!           │                    │
//!           ├──▶ quotes ◀────────┤   state: the open quotation or title
//!           └──▶ lists  ◀────────┘   state: the current list value
//!
//! judges, quotes and lists read: classes, cursor, rules
//! ```
//!
//! - `scanner`: the loop. Skips uninteresting bytes, feeds quotation marks to
//!   `quotes`, bullets and `1)` markers to `lists`, and measures each
//!   terminator run into a `Candidate` for the judges. Owns the last cut and
//!   applies the workspace's no-break patterns to every decision.
//! - `judges`: the cascade, by terminator kind (strong, `?`/`!`, ellipsis,
//!   dot) and then by the word before the dot; it asks `quotes` and `lists`
//!   where their state decides.
//! - `quotes`: which quotation or title is open and where it closes; whether
//!   the words after a closing mark continue the sentence.
//! - `lists`: numbered, lettered and bulleted items run into one line.
//! - `classes` (what a character or word is) and `cursor` (reading around a
//!   position, bounded) are plain functions of the text; `rules` is the
//!   per-language data, read-only during a scan.
use std::ops::Range;

mod classes;
mod cursor;
mod judges;
mod lists;
mod quotes;
mod rules;
mod scanner;

pub use rules::Rules;

/// One candidate boundary and the rule that decided it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision {
    /// Byte offset where the boundary would cut (the sentence before it ends
    /// here, before any white space).
    pub offset: usize,
    /// Whether the boundary was taken.
    pub split: bool,
    /// Short name of the deciding rule, e.g. `abbreviation:title`.
    pub rule: &'static str,
}

/// The byte ranges of the sentences of `text`, in order, each trimmed of
/// surrounding white space. Newlines count as ordinary white space.
pub fn sentences(text: &str, rules: &Rules) -> Vec<Range<usize>> {
    let mut cuts: Vec<usize> = Vec::new();
    scanner::scan(text, rules, |d| {
        if d.split {
            cuts.push(d.offset);
        }
    });
    between_cuts(text, cuts)
}

/// The pieces of `text` between `cuts` (ascending; one before the last or
/// off a character boundary is skipped), each trimmed of white space, the
/// empty ones left out: the sentences when the cuts are the segmenter's.
pub fn between_cuts(text: &str, cuts: impl IntoIterator<Item = usize>) -> Vec<Range<usize>> {
    let cuts = cuts.into_iter();
    let mut out = Vec::with_capacity(cuts.size_hint().0 + 1);
    let mut start = 0;
    for cut in cuts.chain(std::iter::once(text.len())) {
        if cut < start || !text.is_char_boundary(cut) {
            continue;
        }
        let piece = &text[start..cut];
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            out.push(start + lead..start + lead + trimmed.len());
        }
        start = cut;
    }
    out
}

/// Every candidate boundary of `text`, taken or not, with the rule that
/// decided it, in text order. The taken ones are exactly the cuts behind
/// [`sentences`].
pub fn explain(text: &str, rules: &Rules) -> Vec<Decision> {
    let mut out = Vec::new();
    scanner::scan(text, rules, |d| out.push(d));
    out
}

#[cfg(test)]
mod tests;
