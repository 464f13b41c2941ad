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
    if old.split_word_bounds().count() + new.split_word_bounds().count() > DIFF_LIMIT {
        for (text, open, close) in [
            (old, open_delete, close_delete),
            (new, open_insert, close_insert),
        ] {
            if !text.is_empty() {
                out.push_str(open);
                out.push_str(&escape(text));
                out.push_str(close);
            }
        }
        return out;
    }
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .diff_unicode_words(old, new);
    let mut open: Option<ChangeTag> = None;
    let close = |out: &mut String, open: &mut Option<ChangeTag>| match open.take() {
        Some(ChangeTag::Delete) => out.push_str(close_delete),
        Some(ChangeTag::Insert) => out.push_str(close_insert),
        _ => {}
    };
    // Deletions come before insertions within a run of changes, so a
    // replaced word reads `[-old-]{+new+}`.
    let changes: Vec<_> = diff.iter_all_changes().collect();
    let mut i = 0;
    while i < changes.len() {
        if changes[i].tag() == ChangeTag::Equal {
            close(&mut out, &mut open);
            out.push_str(&escape(changes[i].value()));
            i += 1;
            continue;
        }
        let end = changes[i..]
            .iter()
            .position(|c| c.tag() == ChangeTag::Equal)
            .map_or(changes.len(), |n| i + n);
        for tag in [ChangeTag::Delete, ChangeTag::Insert] {
            let text: String = changes[i..end]
                .iter()
                .filter(|c| c.tag() == tag)
                .map(|c| c.value())
                .collect();
            if text.is_empty() {
                continue;
            }
            close(&mut out, &mut open);
            out.push_str(if tag == ChangeTag::Delete {
                open_delete
            } else {
                open_insert
            });
            out.push_str(&escape(&text));
            open = Some(tag);
        }
        i = end;
    }
    close(&mut out, &mut open);
    out
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
}
