//! The splice: the article copied in span order, each segment's span
//! replaced by its placed translation (and the outdated marker), the rest
//! byte for byte; between two translated sentences of one line, the
//! white space the target language writes there.
use super::block_openers::opens_html_block;
use super::front_matter;
use super::placement::{Place, Places};
use super::references;
use super::{Fill, MarkOutdated, drops_gap};
use crate::article::Segment;
use crate::lang::SentenceGap;

pub(super) fn build<'a>(
    text: &str,
    segments: &[Segment],
    fill: impl Fn(usize) -> Fill<'a>,
    mark: Option<&MarkOutdated>,
    markdown: bool,
    sentence_gap: SentenceGap,
) -> String {
    let places = if markdown {
        Places::markdown(text)
    } else {
        Places::default()
    };
    // Front matter values are written whole, with the quoting they need.
    let (rewrites, in_front_matter) = if markdown {
        front_matter::rewrites(text, segments, &fill, sentence_gap)
    } else {
        (Vec::new(), vec![false; segments.len()])
    };
    let mut rewrites = rewrites.into_iter().peekable();
    let mut order: Vec<usize> = (0..segments.len())
        .filter(|&i| !in_front_matter[i])
        .collect();
    order.sort_by_key(|&i| (segments[i].span.start, segments[i].span.end));

    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut cursor = 0;
    // Whether the segment before this one (in article order) was replaced
    // by its translation, for the white space between two translated
    // sentences.
    let mut after_translated = false;
    for (n, &i) in order.iter().enumerate() {
        let translated_before = std::mem::replace(&mut after_translated, false);
        let span = segments[i].span.clone();
        while let Some(rewrite) = rewrites.next_if(|r| r.range.start <= span.start) {
            out.push_str(&text[cursor..rewrite.range.start]);
            out.push_str(&rewrite.text);
            cursor = rewrite.range.end;
        }
        if span.start < cursor
            || span.end < span.start
            || span.end > text.len()
            || !text.is_char_boundary(span.start)
            || !text.is_char_boundary(span.end)
        {
            continue;
        }
        let (translation, outdated) = match fill(i) {
            Fill::Source => continue,
            Fill::Translated(t) => (t, false),
            Fill::Outdated(t) => (t, true),
        };
        // Empty means missing, as in the catalogs.
        if translation.trim().is_empty() {
            continue;
        }
        let span = if markdown {
            references::with_collapsed_marker(text, span)
        } else {
            span
        };
        let source = &text[span.clone()];
        let marker = mark.filter(|_| outdated);
        let identical = translation == source || translation == segments[i].text;
        // A sentence left as its source text (an identity build's, say)
        // keeps the space around it.
        let replaced = !identical || marker.is_some();
        after_translated = replaced;
        let gap = &text[cursor..span.start];
        if !(translated_before && replaced && drops_gap(sentence_gap, gap)) {
            out.push_str(gap);
        }
        cursor = span.end;
        if identical && marker.is_none() {
            out.push_str(source);
            continue;
        }

        let first_in_block = n == 0 || segments[order[n - 1]].block != segments[i].block;
        let place = Place::of(text, &span, first_in_block, &places, markdown);
        let body = if identical {
            source.to_string()
        } else if markdown {
            place.render(&references::restore_collapsed(source, translation))
        } else {
            place.render(translation)
        };
        match marker {
            Some(mark) => {
                let line = format!("{}{}", mark.before, body);
                let line = line.split('\n').next().unwrap_or_default();
                if place
                    .line_start
                    .is_some_and(|level| opens_html_block(line.trim_end_matches('\r'), level))
                {
                    // A line starting with `<!--` (or `<div`, …) would be an
                    // HTML block, and the whole line raw HTML; an empty
                    // inline element in front keeps it a paragraph line.
                    out.push_str("<span></span>");
                }
                out.push_str(&mark.before);
                out.push_str(&body);
                out.push_str(&mark.after);
            }
            None => out.push_str(&body),
        }
    }
    for rewrite in rewrites {
        out.push_str(&text[cursor..rewrite.range.start]);
        out.push_str(&rewrite.text);
        cursor = rewrite.range.end;
    }
    out.push_str(&text[cursor..]);
    out
}
