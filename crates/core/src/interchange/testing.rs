//! What the format modules' unit tests share: an article's entries to
//! write, and the check that a format reads its own file back.
use std::path::Path;

use super::{Document, Format, Section, State, Unit};

/// An entry with no previous source, place or comments.
pub(super) fn unit<'a>(
    id: &'a str,
    source: &'a str,
    translation: &'a str,
    state: State,
) -> Unit<'a> {
    Unit {
        id,
        source,
        translation,
        previous_source: None,
        state,
        line: None,
        block: None,
        comments: &[],
    }
}

/// The article `2019/visit`, English into Korean, made on 2026-12-25.
pub(super) fn document<'a>(units: Vec<Unit<'a>>) -> Document<'a> {
    Document {
        article: "2019/visit",
        article_path: "articles/2019/visit.md",
        source_lang: "en",
        lang: "ko",
        date: 1_798_160_700,
        units,
    }
}

/// The one section a file of `format` holds.
pub(super) fn read_one(format: Format, file: &str) -> Section {
    let name = format!("x.{}", format.extension());
    let mut sections = format.read(Path::new(&name), file).unwrap();
    assert_eq!(sections.len(), 1, "{file}");
    sections.remove(0)
}

/// Writes `units` in `format` and reads the file back: one section, naming
/// the article and both languages, with every unit's id, source,
/// translation, state and previous source as written. The section, for
/// what a test checks besides.
pub(super) fn round_trip(format: Format, units: &[Unit]) -> Section {
    let file = format.write(&document(units.to_vec()));
    let name = format!("x.{}", format.extension());
    let mut sections = format.read(Path::new(&name), &file).unwrap();
    assert_eq!(sections.len(), 1, "{file}");
    let section = sections.remove(0);
    assert_eq!(section.article.as_deref(), Some("2019/visit"));
    assert_eq!(section.source_lang.as_deref(), Some("en"));
    assert_eq!(section.lang.as_deref(), Some("ko"));
    let read: Vec<(&str, &str, &str, State, Option<&str>)> = section
        .units
        .iter()
        .map(|u| {
            let previous = u.previous_source.as_deref();
            (
                u.id.as_str(),
                u.source.as_str(),
                u.translation.as_str(),
                u.state,
                previous,
            )
        })
        .collect();
    let written: Vec<(&str, &str, &str, State, Option<&str>)> = units
        .iter()
        .map(|u| (u.id, u.source, u.translation, u.state, u.previous_source))
        .collect();
    assert_eq!(read, written, "{file}");
    section
}
