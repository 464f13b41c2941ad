//! Front matter values: a value whose segments are translated is written
//! anew, whole, with the quoting its new text needs (YAML or TOML), since a
//! plain YAML value or a TOML literal string cannot hold every text.
use std::ops::Range;

use super::{Fill, drops_gap};
use crate::article::Segment;
use crate::article::front_matter::{self, Scalar, Style, decode, encode};
use crate::lang::SentenceGap;

/// A value written anew: its range in the article and its new text (the
/// segments it covers are those `rewrites` marks handled, which the splice
/// then leaves alone).
pub(super) struct Rewrite {
    pub(super) range: Range<usize>,
    pub(super) text: String,
}

/// The rewrites of the article's front matter values, in order, and which
/// segments are inside front matter values (handled here, translated or
/// not).
pub(super) fn rewrites<'a>(
    text: &str,
    segments: &[Segment],
    fill: &impl Fn(usize) -> Fill<'a>,
    sentence_gap: SentenceGap,
) -> (Vec<Rewrite>, Vec<bool>) {
    let mut handled = vec![false; segments.len()];
    let Some((body, toml)) = front_matter::block(text) else {
        return (Vec::new(), handled);
    };
    let newline = if text[body.clone()].contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let mut rewrites = Vec::new();
    for scalar in front_matter::scalars(text, body, toml) {
        let content = scalar.content();
        let mut inside: Vec<usize> = (0..segments.len())
            .filter(|&i| {
                let span = &segments[i].span;
                content.start <= span.start && span.end <= content.end && span.start <= span.end
            })
            .collect();
        if inside.is_empty() {
            continue;
        }
        inside.sort_by_key(|&i| segments[i].span.start);
        for &i in &inside {
            handled[i] = true;
        }
        if let Some(text) = rewritten(
            text,
            &scalar,
            segments,
            &inside,
            fill,
            newline,
            sentence_gap,
        ) {
            rewrites.push(Rewrite {
                range: scalar.whole.clone(),
                text,
            });
        }
    }
    (rewrites, handled)
}

/// The value written anew, or `None` when its text is the source's (it
/// stays byte for byte).
fn rewritten<'a>(
    text: &str,
    scalar: &Scalar,
    segments: &[Segment],
    inside: &[usize],
    fill: &impl Fn(usize) -> Fill<'a>,
    newline: &str,
    sentence_gap: SentenceGap,
) -> Option<String> {
    let content = scalar.content();
    let source_value = decode(&text[content.clone()], &scalar.style);
    let mut value = String::new();
    let mut cursor = content.start;
    let mut translated_before = false;
    for &i in inside {
        let span = segments[i].span.clone();
        if span.start < cursor {
            continue;
        }
        let gap = decode(&text[cursor..span.start], &scalar.style);
        let source = &text[span.clone()];
        let translation = match fill(i) {
            Fill::Translated(t) | Fill::Outdated(t) if !t.trim().is_empty() => Some(t),
            _ => None,
        }
        .filter(|t| *t != source && *t != segments[i].text);
        // Between two translated sentences, the white space the target
        // language writes there (none in Japanese or Chinese), as in the
        // body.
        if !(translated_before && translation.is_some() && drops_gap(sentence_gap, &gap)) {
            value.push_str(&gap);
        }
        translated_before = translation.is_some();
        match translation {
            // The segment's text of a quoted value is as written, escapes
            // included (`It''s`, `\"`), and a translator copies them: read
            // the translation the same way, or the new quoting would escape
            // them twice. (A double-quoted source with no escape shows none,
            // and a `\` in its translation is a backslash.)
            Some(t) if written_with_escapes(&scalar.style, source) => {
                value.push_str(&decode(t, &scalar.style))
            }
            Some(t) => value.push_str(t),
            None => value.push_str(&decode(source, &scalar.style)),
        }
        cursor = span.end;
    }
    value.push_str(&decode(&text[cursor..content.end], &scalar.style));
    (value != source_value).then(|| encode(&value, scalar, newline))
}

/// Whether the segment text `source` of a value written in `style` shows
/// the value's escapes, so that its translation is read with them too.
fn written_with_escapes(style: &Style, source: &str) -> bool {
    match style {
        Style::SingleQuoted => true,
        Style::DoubleQuoted | Style::TomlBasic => source.contains('\\'),
        _ => false,
    }
}
