//! The splice: the article copied in span order, each segment's span
//! replaced by its placed translation (and the outdated marker), the rest
//! byte for byte.
use super::block_openers::opens_html_block;
use super::front_matter;
use super::placement::{Place, Places};
use super::{Fill, MarkOutdated};
use crate::article::Segment;

pub(super) fn build<'a>(
    text: &str,
    segments: &[Segment],
    fill: impl Fn(usize) -> Fill<'a>,
    mark: Option<&MarkOutdated>,
    markdown: bool,
) -> String {
    let places = if markdown {
        Places::markdown(text)
    } else {
        Places::default()
    };
    // Front matter values are written whole, with the quoting they need.
    let (rewrites, in_front_matter) = if markdown {
        front_matter::rewrites(text, segments, &fill)
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
    for (n, &i) in order.iter().enumerate() {
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
        let source = &text[span.clone()];
        let (translation, outdated) = match fill(i) {
            Fill::Source => continue,
            Fill::Translated(t) => (t, false),
            Fill::Outdated(t) => (t, true),
        };
        // Empty means missing, as in the catalogs.
        if translation.trim().is_empty() {
            continue;
        }
        let marker = mark.filter(|_| outdated);
        let identical = translation == source || translation == segments[i].text;
        if identical && marker.is_none() {
            continue;
        }
        out.push_str(&text[cursor..span.start]);
        cursor = span.end;

        let first_in_block = n == 0 || segments[order[n - 1]].block != segments[i].block;
        let place = Place::of(text, &span, first_in_block, &places, markdown);
        let body = if identical {
            source.to_string()
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
