//! `l10n segment`: how l10n splits a text, one JSON object per segment (or,
//! with `--explain`, per candidate boundary).
use crate::article::{self, Format};
use crate::report;
use crate::settings::SegmentSettings;

use super::Output;

#[derive(serde::Serialize)]
struct SegmentLine<'a> {
    block: usize,
    text: &'a str,
}

#[derive(serde::Serialize)]
struct BoundaryLine<'a> {
    block: usize,
    split: bool,
    rule: &'a str,
    before: &'a str,
    after: &'a str,
}

/// Up to 30 characters of the line before `offset`.
fn context_before(text: &str, offset: usize) -> &str {
    let line = &text[..offset];
    let line = &line[line.rfind('\n').map_or(0, |i| i + 1)..];
    let skip = line.chars().count().saturating_sub(30);
    &line[line.char_indices().nth(skip).map_or(0, |(i, _)| i)..]
}

/// Up to 30 characters of the line after `offset`.
fn context_after(text: &str, offset: usize) -> &str {
    let line = &text[offset..];
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    &line[..line.char_indices().nth(30).map_or(line.len(), |(i, _)| i)]
}

pub(super) fn run(segment: &SegmentSettings) -> Output {
    let SegmentSettings {
        text,
        plain,
        markdown,
        explain,
        rules,
    } = segment;
    let format = if *plain {
        Format::Plain
    } else {
        Format::Markdown(markdown)
    };
    let mut stdout = String::new();
    if *explain {
        for boundary in article::boundaries(text, format, rules) {
            let line = BoundaryLine {
                block: boundary.block,
                split: boundary.split,
                rule: boundary.rule,
                before: context_before(text, boundary.offset),
                after: context_after(text, boundary.offset),
            };
            stdout.push_str(&report::json_text(
                serde_json::to_string(&line).unwrap_or_default(),
            ));
            stdout.push('\n');
        }
        return Output {
            stdout,
            passed: true,
            ..Output::default()
        };
    }
    for segment in article::segments(text, format, rules) {
        let line = SegmentLine {
            block: segment.block,
            text: &segment.text,
        };
        stdout.push_str(&report::json_text(
            serde_json::to_string(&line).unwrap_or_default(),
        ));
        stdout.push('\n');
    }
    Output {
        stdout,
        passed: true,
        ..Output::default()
    }
}
