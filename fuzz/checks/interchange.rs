//! Exchange files, read and written: the check of the fuzz target
//! `interchange`, which `cargo test` also runs on the committed corpus
//! (`tests/fuzz_replay.rs`).
//!
//! The input is used twice. As a file: every format's reader takes it
//! without panicking (an error is fine). As data: split at 0xFF bytes'
//! places (`\u{FFFD}` after lossy decoding) into fields, it becomes one
//! article's entries (id, source, translation, previous source, state);
//! each format writes them and reads its own file back, and then:
//! - the file reads without error, as one section naming the article and
//!   the target language;
//! - every entry the format carries comes back with its id, source and
//!   translation exactly (every character, controls, markup and line
//!   breaks included), in order (obsolete ones last); a missing one comes
//!   back missing;
//! - an outdated entry comes back outdated where the format carries it;
//!   a current one current.
use std::path::Path;

use l10n_core::interchange::{Document, Format, State, Unit};

const FORMATS: [Format; 4] = [Format::Po, Format::Xliff12, Format::Xliff2, Format::Tmx];

pub fn check(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for format in FORMATS {
        let name = format!("input.{}", format.extension());
        let _ = format.read(Path::new(&name), &text);
    }
    round_trip(&text);
}

fn round_trip(text: &str) {
    let fields: Vec<&str> = text.split('\u{FFFD}').collect();
    let comments = vec![fields.first().copied().unwrap_or("").to_string()];
    let mut units = Vec::new();
    for (i, chunk) in fields.chunks(3).enumerate().take(64) {
        let source = chunk[0];
        if source.trim().is_empty() {
            continue;
        }
        let translation = chunk.get(1).copied().unwrap_or("");
        let previous = chunk.get(2).copied();
        let state = match (i % 4, translation.is_empty()) {
            (_, true) => State::Missing,
            (1, false) if previous.is_some_and(|p| p != source) => State::Outdated,
            (3, false) => State::Obsolete,
            _ => State::Current,
        };
        units.push((format!("{i:08x}"), source, translation, previous, state, i));
    }
    let document = Document {
        article: "fuzz/article",
        article_path: "articles/fuzz/article.md",
        source_lang: "en",
        lang: "ko",
        date: 0,
        units: units
            .iter()
            .map(|(id, source, translation, previous, state, i)| Unit {
                id,
                source,
                translation,
                previous_source: previous.filter(|_| *state == State::Outdated),
                state: *state,
                line: (*state != State::Obsolete).then_some(i + 1),
                block: (*state != State::Obsolete).then_some(i / 2),
                comments: &comments,
            })
            .collect(),
    };
    for format in FORMATS {
        let written = format.write(&document);
        let name = format!("fuzz.{}", format.extension());
        let sections = format
            .read(Path::new(&name), &written)
            .unwrap_or_else(|e| panic!("{format:?} cannot read its own file: {e:?}\n{written}"));
        let carried: Vec<&Unit> = document
            .units
            .iter()
            .filter(|u| carries(format, u.state))
            .collect();
        if carried.is_empty() {
            continue;
        }
        assert_eq!(sections.len(), 1, "{format:?}: one section\n{written}");
        let section = &sections[0];
        assert_eq!(
            section.article.as_deref(),
            Some("fuzz/article"),
            "{format:?}"
        );
        assert_eq!(section.lang.as_deref(), Some("ko"), "{format:?}");
        // Live entries in order; where obsolete ones go is the format's
        // business (PO puts them last).
        let read: Vec<(&str, &str, &str, State)> = section
            .units
            .iter()
            .map(|u| {
                (
                    u.id.as_str(),
                    u.source.as_str(),
                    u.translation.as_str(),
                    u.state,
                )
            })
            .collect();
        let expected: Vec<(&str, &str, &str, State)> = carried
            .iter()
            .map(|u| (u.id, u.source, u.translation, u.state))
            .collect();
        let live = |units: &[(&str, &str, &str, State)]| -> Vec<(String, String, String, State)> {
            units
                .iter()
                .filter(|u| u.3 != State::Obsolete)
                .map(|u| (u.0.to_string(), u.1.to_string(), u.2.to_string(), u.3))
                .collect()
        };
        let obsolete =
            |units: &[(&str, &str, &str, State)]| -> Vec<(String, String, String, State)> {
                let mut gone: Vec<_> = units
                    .iter()
                    .filter(|u| u.3 == State::Obsolete)
                    .map(|u| (u.0.to_string(), u.1.to_string(), u.2.to_string(), u.3))
                    .collect();
                gone.sort_by(|a, b| a.0.cmp(&b.0));
                gone
            };
        assert_eq!(live(&read), live(&expected), "{format:?}\n{written}");
        assert_eq!(
            obsolete(&read),
            obsolete(&expected),
            "{format:?}\n{written}"
        );
    }
}

/// Whether `format` writes entries in `state`: TMX only translations
/// (current and obsolete), XLIFF no obsolete entries, PO every entry.
fn carries(format: Format, state: State) -> bool {
    match format {
        Format::Po => true,
        Format::Tmx => matches!(state, State::Current | State::Obsolete),
        Format::Xliff12 | Format::Xliff2 => state != State::Obsolete,
    }
}
