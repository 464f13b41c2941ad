//! The Markdown reader and the sentence segmenter on arbitrary bytes: the
//! check of the fuzz target `article_segments`, which `cargo test` also runs
//! on the committed corpus (`tests/fuzz_replay.rs`).
//!
//! The first byte picks the segmentation rules (en, ko, ja); the rest is the
//! article file. Invariants, for Markdown and for plain text:
//! - every segment's span lies within the text, on char boundaries, and the
//!   spans come in increasing order without overlapping;
//! - block indices never go backwards;
//! - a segment's text is non-empty and trimmed, and when its span holds no
//!   line break the text is that span verbatim;
//! - `boundaries` does not panic and its offsets are char boundaries.
use std::path::Path;

use l10n_core::article::{self, Format};
use l10n_core::segment::Rules;

/// Panics when an invariant above does not hold for `data`.
pub fn check(data: &[u8]) {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let rules = Rules::for_language(["en", "ko", "ja"][usize::from(selector) % 3]);
    let Ok(text) = article::decode(Path::new("x.md"), bytes) else {
        return;
    };
    for format in [Format::markdown(), Format::Plain] {
        let segments = article::segments(&text, format, &rules);
        let mut end = 0;
        let mut block = 0;
        for segment in &segments {
            let span = segment.span.clone();
            assert!(span.start < span.end, "empty span {span:?} for {segment:?}");
            assert!(
                span.end <= text.len(),
                "span {span:?} past the end ({})",
                text.len()
            );
            assert!(
                text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
                "span {span:?} not on char boundaries"
            );
            assert!(
                span.start >= end,
                "span {span:?} overlaps or precedes the last one (end {end})"
            );
            end = span.end;
            assert!(
                segment.block >= block,
                "block {} after block {block}",
                segment.block
            );
            block = segment.block;
            assert!(!segment.text.is_empty(), "empty segment {segment:?}");
            assert_eq!(
                segment.text,
                segment.text.trim(),
                "untrimmed segment {segment:?}"
            );
            let source = &text[span];
            if !source.contains(['\n', '\r']) {
                assert_eq!(segment.text, source, "text differs from its span");
            }
        }
        for boundary in article::boundaries(&text, format, &rules) {
            assert!(
                boundary.offset <= text.len() && text.is_char_boundary(boundary.offset),
                "boundary {boundary:?} not on a char boundary"
            );
        }
    }
}
