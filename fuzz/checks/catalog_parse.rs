//! The catalog reader and the format-preserving writer on arbitrary text:
//! the check of the fuzz target `catalog_parse`, which `cargo test` also
//! runs on the committed corpus (`tests/fuzz_replay.rs`).
//!
//! Whatever `parse` accepts, `render` over that same text must give a file
//! that parses back to the same content, and rendering that file again must
//! change nothing. The same holds for edits a plan makes: sources changed
//! (with `previous-source`), entries reordered, entries moving to and from
//! `[[obsolete]]`, translations filled in, new entries added, an entry
//! taken over under a new id. Both readers agree on lines and on which
//! entries carry comments. No comment is lost by any of these edits: every
//! comment of the old file is in the rendered one (a comment on a key the
//! writer removes, such as a `previous-source` dropped, moves on).
use std::path::Path;

use l10n_core::catalog::{Catalog, Entry, parse, parse_document, render};
use toml_edit::{Decor, DocumentMut, Item, RawString, Table};

fn reparse(text: &str, what: &str, old: &str) -> Catalog {
    parse(Path::new("x.toml"), text).unwrap_or_else(|e| {
        panic!(
            "{what}: the rendered file does not parse: {e}\n--- old:\n{old}\n--- rendered:\n{text}"
        )
    })
}

/// Every comment in `text` (whole-line and end-of-line), trimmed, sorted.
fn comments(text: &str) -> Vec<String> {
    fn raw(raw: Option<&RawString>, out: &mut Vec<String>) {
        let text = raw.and_then(RawString::as_str).unwrap_or("");
        for line in text.lines() {
            if let Some(at) = line.find('#') {
                out.push(line[at..].trim_end().to_string());
            }
        }
    }
    fn decor(decor: &Decor, out: &mut Vec<String>) {
        raw(decor.prefix(), out);
        raw(decor.suffix(), out);
    }
    fn walk(table: &Table, out: &mut Vec<String>) {
        decor(table.decor(), out);
        for (key, item) in table.iter() {
            if let Some(key) = table.key(key) {
                decor(key.leaf_decor(), out);
            }
            match item {
                Item::Value(value) => decor(value.decor(), out),
                Item::Table(inner) => walk(inner, out),
                Item::ArrayOfTables(array) => array.iter().for_each(|t| walk(t, out)),
                Item::None => {}
            }
        }
    }
    let Ok(doc) = text.parse::<DocumentMut>() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    walk(doc.as_table(), &mut out);
    raw(Some(doc.trailing()), &mut out);
    out.sort();
    out
}

fn check_rendering(catalog: &Catalog, old: &str, what: &str) {
    let text = render(catalog, Some(old));
    let mut kept = comments(&text);
    for comment in comments(old) {
        let Ok(i) = kept.binary_search(&comment) else {
            panic!(
                "{what}: the comment {comment:?} is lost\n--- old:\n{old}\n--- rendered:\n{text}"
            );
        };
        kept.remove(i);
    }
    let back = reparse(&text, what, old);
    assert!(
        back.same_content(catalog),
        "{what}: content changed\n--- old:\n{old}\n--- rendered:\n{text}\n--- expected:\n{catalog:#?}\n--- got:\n{back:#?}"
    );
    let again = render(&back, Some(&text));
    assert_eq!(
        again, text,
        "{what}: rendering the rendered file again changed it"
    );
}

/// Panics when an invariant above does not hold for `text`.
pub fn check(text: &str) {
    let Ok(catalog) = parse(Path::new("x.toml"), text) else {
        return;
    };
    // The line-level fast path and the TOML document path agree.
    let document = parse_document(Path::new("x.toml"), text)
        .expect("the fast path accepted a file the document path refuses");
    assert!(
        document.same_content(&catalog),
        "fast and document paths differ"
    );
    assert_eq!(
        document.lines, catalog.lines,
        "fast and document paths number lines differently"
    );
    assert_eq!(
        document.comments, catalog.comments,
        "fast and document paths see comments on different entries"
    );
    check_rendering(&catalog, text, "unchanged");

    // Sources edited, translations filled in.
    let mut edited = catalog.clone();
    for (i, entry) in edited.segments.iter_mut().enumerate() {
        if entry.previous_source.is_none() {
            entry.previous_source = Some(entry.source.clone());
        }
        entry.source = format!("{} (edited \"{i}\")\n", entry.source);
        if !edited.lang.eq(&edited.source_lang) {
            entry.translation = format!("번역 '{i}' \\ done");
        }
    }
    check_rendering(&edited, text, "edited");

    // Reordered, the first segment leaving, obsolete entries coming back,
    // a new entry, previous sources dropped.
    let mut moved = catalog.clone();
    moved.segments.reverse();
    let back: Vec<Entry> = std::mem::take(&mut moved.obsolete);
    if !moved.segments.is_empty() {
        let first = moved.segments.remove(0);
        moved.obsolete.push(first);
    }
    moved.segments.extend(back);
    for entry in &mut moved.segments {
        entry.previous_source = None;
    }
    let mut fresh = String::from("fresh");
    while moved.entries().any(|e| e.id == fresh) {
        fresh.push('!');
    }
    moved.segments.insert(
        moved.segments.len() / 2,
        Entry::new(&fresh, "A new sentence."),
    );
    check_rendering(&moved, text, "moved");

    // An entry taken over under a new id (found by its source): edited in
    // its old table.
    if let Some(first) = catalog.segments.first() {
        let mut renamed = catalog.clone();
        let mut fresh = format!("{}-renamed", first.id);
        while renamed.entries().any(|e| e.id == fresh) {
            fresh.push('!');
        }
        renamed.renamed.push((first.id.clone(), fresh.clone()));
        renamed.segments[0].id = fresh;
        check_rendering(&renamed, text, "renamed");
        let back = parse(Path::new("x.toml"), &render(&renamed, Some(text))).unwrap();
        assert_eq!(
            back.comments.first(),
            catalog.comments.first(),
            "renamed: the entry's comments did not stay with it"
        );
    }

    // Everything obsolete.
    let mut gone = catalog.clone();
    let segments = std::mem::take(&mut gone.segments);
    gone.obsolete.extend(segments);
    check_rendering(&gone, text, "obsolete");

    // A new file for the same content (new files carry no extra keys, and a
    // new template no translations).
    let mut plain = catalog.clone();
    plain.extra.clear();
    let template = plain.is_template();
    plain
        .segments
        .iter_mut()
        .chain(&mut plain.obsolete)
        .for_each(|e| {
            e.extra.clear();
            if template {
                e.translation.clear();
            }
        });
    let text = render(&plain, None);
    let back = reparse(&text, "new file", "");
    assert!(
        back.same_content(&plain),
        "new file: content changed\n{text}"
    );
}
