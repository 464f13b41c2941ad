//! Word-level diffs of how a source sentence changed.
use similar::{Algorithm, ChangeTag, TextDiff};
use unicode_segmentation::UnicodeSegmentation;

use crate::matching::DIFF_LIMIT;
use crate::text::escape;

/// How to mark removed and inserted words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marks {
    /// `[-old-]{+new+}`, for files, pipes and CI logs.
    Brackets,
    /// Red and green on a terminal.
    Color,
}

/// What a run of words did between the old and the new sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Kept,
    Removed,
    Added,
}

/// The words of `old` and `new`, with what changed marked; the words are
/// [`escape`]d for the terminal, the marks are not.
///
/// No clock limits the diff (the same sentences always show the same
/// diff): past [`DIFF_LIMIT`] pieces (words and the spaces between them,
/// old and new together), far beyond any sentence, the whole sentence
/// shows as replaced.
pub fn word_diff(old: &str, new: &str, marks: Marks) -> String {
    let (open_delete, close_delete, open_insert, close_insert) = match marks {
        Marks::Brackets => ("[-", "-]", "{+", "+}"),
        Marks::Color => ("\x1b[31;9m", "\x1b[0m", "\x1b[32m", "\x1b[0m"),
    };
    let mut out = String::with_capacity(old.len() + new.len());
    for (change, text) in word_changes(old, new) {
        let (open, close) = match change {
            Change::Kept => ("", ""),
            Change::Removed => (open_delete, close_delete),
            Change::Added => (open_insert, close_insert),
        };
        out.push_str(open);
        out.push_str(&escape(&text));
        out.push_str(close);
    }
    out
}

/// The runs of words from `old` to `new`, as they are (not escaped), for
/// any way of showing them ([`word_diff`] for terminals, `<del>`/`<ins>`
/// in HTML). Within a run of changes, what was removed comes before what
/// was added, so a replaced word reads removed-then-added; no two runs in
/// a row have the same kind. Past [`DIFF_LIMIT`] pieces the whole sentence
/// is removed and the new one added.
pub fn word_changes(old: &str, new: &str) -> Vec<(Change, String)> {
    let mut runs: Vec<(Change, String)> = Vec::new();
    let mut push = |change: Change, text: &str| {
        if text.is_empty() {
            return;
        }
        match runs.last_mut() {
            Some((last, run)) if *last == change => run.push_str(text),
            _ => runs.push((change, text.to_string())),
        }
    };
    if old.split_word_bounds().count() + new.split_word_bounds().count() > DIFF_LIMIT {
        push(Change::Removed, old);
        push(Change::Added, new);
        return runs;
    }
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .diff_unicode_words(old, new);
    let changes: Vec<_> = diff.iter_all_changes().collect();
    let mut i = 0;
    while i < changes.len() {
        if changes[i].tag() == ChangeTag::Equal {
            push(Change::Kept, changes[i].value());
            i += 1;
            continue;
        }
        let end = changes[i..]
            .iter()
            .position(|c| c.tag() == ChangeTag::Equal)
            .map_or(changes.len(), |n| i + n);
        for (tag, change) in [
            (ChangeTag::Delete, Change::Removed),
            (ChangeTag::Insert, Change::Added),
        ] {
            let text: String = changes[i..end]
                .iter()
                .filter(|c| c.tag() == tag)
                .map(|c| c.value())
                .collect();
            push(change, &text);
        }
        i = end;
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_replaced_words() {
        let old = "the reason is that Kim is failing";
        let new = "the reason is because Kim is failing";
        assert_eq!(
            word_diff(old, new, Marks::Brackets),
            "the reason is [-that-]{+because+} Kim is failing"
        );
    }

    #[test]
    fn insertions_and_deletions() {
        assert_eq!(
            word_diff("a b c", "a c d", Marks::Brackets),
            "a [-b -]c{+ d+}"
        );
        assert_eq!(
            word_diff("같은 문장", "같은 문장", Marks::Brackets),
            "같은 문장"
        );
    }

    #[test]
    fn past_the_limit_the_sentence_is_replaced() {
        let old = "a ".repeat(DIFF_LIMIT / 4);
        let new = format!("{old}b ");
        assert_eq!(
            word_diff(&old, &new, Marks::Brackets),
            format!("[-{old}-]{{+{new}+}}")
        );
        assert_eq!(word_diff("a", "a b", Marks::Brackets), "a{+ b+}");
    }

    #[test]
    fn changes_are_runs_of_unescaped_text() {
        assert_eq!(
            word_changes("a <b> c", "a <d> c\u{1b}"),
            vec![
                (Change::Kept, "a <".to_string()),
                (Change::Removed, "b".to_string()),
                (Change::Added, "d".to_string()),
                (Change::Kept, "> c".to_string()),
                (Change::Added, "\u{1b}".to_string()),
            ]
        );
    }
}
