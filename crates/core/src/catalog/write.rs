//! Rendering a catalog as the text of its file.
//!
//! An existing file is edited, not rewritten: every entry keeps its table,
//! so the comments above it, comments at the ends of lines, blank lines,
//! key order, extra keys and the string style of values that did not change
//! all survive, and an entry's comments go with it when it moves or becomes
//! obsolete. Only what the plan changed is touched. A new file starts from a
//! header comment that tells a translator how to fill it in.
use std::collections::HashMap;

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value};

use super::lines::Layout as LineLayout;
use super::toml_text::{skeleton, toml_string};
use crate::catalog::{Catalog, Entry};

/// The text of `catalog`'s file, edited from `old`, the file's current text
/// (without a byte-order mark), if there is one. Deterministic: the same
/// catalog and old text always give the same bytes.
pub fn render(catalog: &Catalog, old: Option<&str>) -> String {
    let made;
    let base = match old {
        Some(text) => text,
        None => {
            made = skeleton(catalog);
            &made
        }
    };
    if let Some(text) = super::lines::render(catalog, base, None) {
        return text;
    }
    render_document(catalog, old)
}

/// [`render`] of a catalog over its file's text `old`, with the line
/// layout kept when `old` was read ([`super::parse_kept`]), so that the
/// text is not cut into lines again. The same bytes as [`render`].
pub fn render_kept(catalog: &Catalog, old: &str, layout: Option<&LineLayout>) -> String {
    if let Some(text) = super::lines::render(catalog, old, layout) {
        return text;
    }
    render_document(catalog, Some(old))
}

/// The general path of [`render`], through a TOML document.
pub(super) fn render_document(catalog: &Catalog, old: Option<&str>) -> String {
    // A file that ends every line with CRLF is edited as LF and converted
    // back. One that mixes the two is edited as it is: a bare LF may be
    // inside a multi-line string, where converting it would change the text.
    let crlf = old.is_some_and(|text| text.contains("\r\n") && !has_bare_lf(text));
    let base = match old {
        Some(text) if crlf => text.replace("\r\n", "\n"),
        Some(text) => text.to_string(),
        None => skeleton(catalog),
    };
    // `old` passed validation before it got here; should it not parse
    // (a caller's mistake), start afresh rather than lose the new catalog.
    // The skeleton is valid TOML (its values escaped, its comments made
    // one line each by `comment_text`); were it not, an empty document
    // still takes the whole catalog, without its header comment.
    let mut doc: DocumentMut = base
        .parse()
        .or_else(|_| skeleton(catalog).parse())
        .unwrap_or_default();

    // Where the translator put `[catalog]`: before how many entries. The
    // order of tables is their formatting too.
    let catalog_position = doc
        .get("catalog")
        .and_then(Item::as_table)
        .and_then(Table::position);
    let (mut entries_before, mut old_entries) = (0, 0);
    let mut tables: HashMap<String, Table> = HashMap::new();
    for section in ["segment", "obsolete"] {
        if let Some(Item::ArrayOfTables(entries)) = doc.remove(section) {
            for table in entries {
                old_entries += 1;
                if table.position() < catalog_position {
                    entries_before += 1;
                }
                if let Some(id) = table.get("id").and_then(Item::as_str) {
                    tables.insert(id.to_string(), table);
                }
            }
        }
    }
    let header = doc
        .entry("catalog")
        .or_insert_with(|| Item::Table(Table::new()));
    if let Some(header) = header.as_table_mut() {
        set_string(header, "article", &catalog.article);
        set_string(header, "source-lang", catalog.source_lang.as_str());
        set_string(header, "lang", catalog.lang.as_str());
    }
    // `[catalog]` stays first, last (after any new entries too), or after
    // as many entries as it was.
    let new_entries = catalog.segments.len() + catalog.obsolete.len();
    let catalog_at = if old_entries > 0 && entries_before == old_entries {
        new_entries
    } else {
        entries_before.min(new_entries)
    };
    // An entry taken over under another id is edited in its old table.
    let old_ids: HashMap<&str, &str> = catalog
        .renamed
        .iter()
        .map(|(old, new)| (new.as_str(), old.as_str()))
        .collect();
    // Tables are printed in position order: entries that moved between
    // sections must not keep their old places. Comments a table could not
    // keep (see `entry_table`) go above the table printed next.
    let mut position: isize = 0;
    let mut carried = String::new();
    let place_catalog = |doc: &mut DocumentMut, position: &mut isize, carried: &mut String| {
        if let Some(header) = doc.get_mut("catalog").and_then(Item::as_table_mut) {
            header.set_position(Some(*position));
            prepend_prefix(header.decor_mut(), &std::mem::take(carried));
        }
        *position += 1;
    };
    let mut index = 0;
    for (section, entries) in [
        ("segment", &catalog.segments),
        ("obsolete", &catalog.obsolete),
    ] {
        if entries.is_empty() {
            continue;
        }
        let mut array = ArrayOfTables::new();
        for entry in entries {
            if index == catalog_at {
                place_catalog(&mut doc, &mut position, &mut carried);
            }
            index += 1;
            let old_id: &str = old_ids.get(entry.id.as_str()).copied().unwrap_or(&entry.id);
            let mut own = String::new();
            let mut table = entry_table(
                tables.remove(old_id),
                entry,
                catalog.is_template(),
                &mut own,
            );
            prepend_prefix(table.decor_mut(), &std::mem::replace(&mut carried, own));
            table.set_position(Some(position));
            position += 1;
            array.push(table);
        }
        doc.insert(section, Item::ArrayOfTables(array));
    }
    if index == catalog_at {
        place_catalog(&mut doc, &mut position, &mut carried);
    }
    if !carried.is_empty() {
        let trailing = doc.trailing().as_str().unwrap_or("").to_string();
        doc.set_trailing(carried + &trailing);
    }
    let text = doc.to_string();
    if crlf {
        text.replace('\n', "\r\n")
    } else {
        text
    }
}

/// Puts the comment lines `lines` above what `decor` prefixes.
fn prepend_prefix(decor: &mut toml_edit::Decor, lines: &str) {
    if lines.is_empty() {
        return;
    }
    let old = decor.prefix().and_then(|p| p.as_str()).unwrap_or("");
    decor.set_prefix(format!("{lines}{old}"));
}

fn has_bare_lf(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes
        .iter()
        .enumerate()
        .any(|(i, &b)| b == b'\n' && (i == 0 || bytes[i - 1] != b'\r'))
}

/// The table of one entry: the old one, updated, or a new one. Comments
/// of a key it removes go to the key after it; `carried` gets those of a
/// last key, for whatever follows the table.
fn entry_table(old: Option<Table>, entry: &Entry, template: bool, carried: &mut String) -> Table {
    let mut table = old.unwrap_or_else(|| {
        let mut table = Table::new();
        // A blank line before each `[[segment]]`.
        table.decor_mut().set_prefix("\n");
        table
    });
    set_string(&mut table, "id", &entry.id);
    set_string(&mut table, "source", &entry.source);
    match &entry.previous_source {
        Some(previous) => {
            let added = !table.contains_key("previous-source");
            set_string(&mut table, "previous-source", previous);
            if added {
                // Right under the source it was replaced by.
                let rank = |key: &str| match key {
                    "id" => 0,
                    "source" => 1,
                    "previous-source" => 2,
                    _ => 3,
                };
                table.sort_values_by(|a, _, b, _| rank(a.get()).cmp(&rank(b.get())));
            }
        }
        None => {
            if let Some(comments) = remove_keeping_comments(&mut table, "previous-source") {
                carried.push_str(&comments);
            }
        }
    }
    // A template has no translations, unless someone wrote one in.
    if !template || table.contains_key("translation") {
        set_string(&mut table, "translation", &entry.translation);
    }
    // A key the entry gained in this run (`from-memory`) goes at its end;
    // one the table has keeps its place and formatting.
    for (key, raw) in &entry.extra {
        if !table.contains_key(key)
            && let Ok(value) = raw.parse::<toml_edit::Value>()
        {
            table.insert(key, Item::Value(value));
        }
    }
    table
}

/// Removes `key` from `table`. A person's comments on it (the lines above
/// it, one at the end of its line) are not the key's to take along: they
/// go on the lines above the next key, or are returned, as lines, when
/// the key was the table's last.
fn remove_keeping_comments(table: &mut Table, key: &str) -> Option<String> {
    let next = {
        let mut keys = table.iter().map(|(k, _)| k);
        keys.by_ref().find(|k| *k == key)?;
        keys.next().map(str::to_string)
    };
    let (removed, item) = table.remove_entry(key)?;
    let raw =
        |raw: Option<&toml_edit::RawString>| raw.and_then(|r| r.as_str()).unwrap_or("").to_string();
    let mut comments = raw(removed.leaf_decor().prefix());
    if !comments.contains('#') {
        comments.clear();
    }
    let end_of_line = raw(item.as_value().and_then(|v| v.decor().suffix()));
    if let Some(comment) = end_of_line.trim().strip_prefix('#') {
        comments.push('#');
        comments.push_str(comment);
        comments.push('\n');
    }
    if comments.is_empty() {
        return None;
    }
    match next.as_deref().and_then(|next| table.key_mut(next)) {
        Some(mut next) => {
            let decor = next.leaf_decor_mut();
            let old = raw(decor.prefix());
            decor.set_prefix(comments + &old);
            None
        }
        None => Some(comments),
    }
}

/// Sets a string value, leaving it untouched (style, comments) when it
/// already has that value, and keeping its comments when it does not.
fn set_string(table: &mut Table, key: &str, value: &str) {
    match table.get_mut(key) {
        Some(item) if item.as_str() == Some(value) => {}
        Some(item) => {
            let mut new = basic_string(value);
            if let Some(old) = item.as_value() {
                *new.decor_mut() = old.decor().clone();
            }
            *item = Item::Value(new);
        }
        None => {
            table.insert(key, Item::Value(basic_string(value)));
        }
    }
}

fn basic_string(text: &str) -> Value {
    toml_string(text)
        .parse()
        .expect("an escaped basic string is a TOML value")
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::catalog::parse;
    use crate::lang::Lang;

    fn lang(tag: &str) -> Lang {
        tag.parse().unwrap()
    }

    fn catalog(entries: &[(&str, &str, &str)]) -> Catalog {
        let mut catalog = Catalog::new("a/b", &lang("en"), &lang("ko"));
        for (id, source, translation) in entries {
            let mut entry = Entry::new(id, source);
            entry.translation = translation.to_string();
            catalog.segments.push(entry);
        }
        catalog
    }

    fn reparse(text: &str) -> Catalog {
        parse(Path::new("x.toml"), text).unwrap_or_else(|e| panic!("{e}\n{text}"))
    }

    #[test]
    fn new_file_round_trips_and_is_stable() {
        let mut catalog = catalog(&[(
            "0a1b2c3d",
            "He said \"hi\"\\ and\tleft.\u{7}",
            "그는 \"안녕\"\n둘째 줄",
        )]);
        catalog.segments[0].previous_source = Some("He said hi.".into());
        let mut gone = Entry::new("ffff0000", "Gone.");
        gone.translation = "사라짐.".into();
        catalog.obsolete.push(gone);
        let text = render(&catalog, None);
        assert!(text.starts_with("# The ko translation"));
        let back = reparse(&text);
        assert!(back.same_content(&catalog), "{text}");
        assert_eq!(render(&back, Some(&text)), text);
    }

    const EDITED_BY_HAND: &str = "\
# The header the translator kept.

[catalog]
article = \"a/b\"
source-lang = \"en\"
lang = \"ko\"

# About the first sentence: checked with the desk.
[[segment]]
id = \"one\"
source = \"First.\"
translation = '첫째.' # literal string, end-of-line comment

[[segment]]
id = \"two\"
source = \"Second.\"
note = \"an extra key\"
translation = \"\"\"
둘째.\"\"\"

# A comment at the end of the file.
";

    #[test]
    fn hand_edits_survive_an_edit_elsewhere() {
        let old = reparse(EDITED_BY_HAND);
        let mut new = old.clone();
        new.segments[1].previous_source = Some("Second.".into());
        new.segments[1].source = "Second, edited.".into();
        let text = render(&new, Some(EDITED_BY_HAND));
        for kept in [
            "# The header the translator kept.",
            "# About the first sentence: checked with the desk.\n[[segment]]\nid = \"one\"",
            "translation = '첫째.' # literal string, end-of-line comment",
            "note = \"an extra key\"",
            "translation = \"\"\"\n둘째.\"\"\"",
            "# A comment at the end of the file.\n",
        ] {
            assert!(text.contains(kept), "lost {kept:?}:\n{text}");
        }
        assert!(
            text.contains("source = \"Second, edited.\"\nprevious-source = \"Second.\"\nnote"),
            "{text}"
        );
        assert!(reparse(&text).same_content(&new));
    }

    #[test]
    fn comments_travel_with_moved_and_obsolete_entries() {
        let old = reparse(EDITED_BY_HAND);
        let mut new = old.clone();
        let first = new.segments.remove(0);
        new.obsolete.push(first);
        new.segments.insert(0, Entry::new("three", "Third."));
        let text = render(&new, Some(EDITED_BY_HAND));
        let obsolete = text.find("[[obsolete]]").expect("an obsolete section");
        let comment = text.find("# About the first sentence").unwrap();
        assert!(comment < obsolete);
        assert!(
            text[comment..].starts_with(
                "# About the first sentence: checked with the desk.\n[[obsolete]]\nid = \"one\""
            ),
            "{text}"
        );
        let three = text.find("id = \"three\"").unwrap();
        let two = text.find("id = \"two\"").unwrap();
        assert!(three < two && two < obsolete, "{text}");
        assert!(
            text.trim_end()
                .ends_with("# A comment at the end of the file."),
            "{text}"
        );
        assert!(reparse(&text).same_content(&new));
    }

    #[test]
    fn the_catalog_table_keeps_its_place_among_the_entries() {
        let header = "[catalog]\narticle = \"a/b\"\nsource-lang = \"en\"\nlang = \"ko\"\n";
        let one =
            "# Top comment.\n[[segment]]\nid = \"one\"\nsource = \"One.\"\ntranslation = \"\"\n";
        let two = "\n[[segment]]\nid = \"two\"\nsource = \"Two.\"\ntranslation = \"\"\n";
        for (old, before) in [
            (
                format!("{one}\n{header}{two}"),
                "# Top comment.\n[[segment]]\nid = \"one\"",
            ),
            (format!("{one}{two}\n{header}"), "three"),
        ] {
            let mut new = reparse(&old);
            new.segments.push(Entry::new("three", "Three."));
            let text = render(&new, Some(&old));
            let at = text.find("[catalog]").unwrap();
            assert!(text.starts_with("# Top comment.\n[[segment]]"), "{text}");
            assert!(text[..at].contains(before), "{text}");
            assert!(reparse(&text).same_content(&new), "{text}");
            assert_eq!(render(&reparse(&text), Some(&text)), text);
        }
    }

    /// The id goes into the header comment of a new file: no character
    /// of it can make that file invalid (or the writer panic).
    #[test]
    fn any_article_id_gives_a_valid_new_file() {
        for id in [
            "a\nb = 1\n[x",
            "\r\u{0}\u{7f}\u{85}\"'\\",
            "\u{1b}[31m\ttab",
            "",
        ] {
            for lang in ["en", "ko"] {
                let mut catalog = Catalog::new(id, &self::lang("en"), &self::lang(lang));
                catalog.segments.push(Entry::new("one", "One."));
                for text in [render(&catalog, None), render_document(&catalog, None)] {
                    assert!(reparse(&text).same_content(&catalog), "{id:?}\n{text}");
                    assert_eq!(
                        text.lines().next().map(|l| l.starts_with("# The")),
                        Some(true)
                    );
                }
            }
        }
    }

    #[test]
    fn mixed_line_endings_keep_the_text_of_multi_line_strings() {
        let mixed = "[catalog]\r\narticle = \"a/b\"\r\nsource-lang = \"en\"\r\nlang = \"ko\"\r\n\r\n\
                     [[segment]]\r\nid = \"one\"\r\nsource = \"One.\"\r\ntranslation = \"\"\"\nfirst\nsecond\"\"\"\r\n";
        let mut new = reparse(mixed);
        assert_eq!(new.segments[0].translation, "first\nsecond");
        new.segments.push(Entry::new("two", "Two."));
        let text = render(&new, Some(mixed));
        assert!(reparse(&text).same_content(&new), "{text:?}");
    }

    #[test]
    fn crlf_files_stay_crlf() {
        let crlf = EDITED_BY_HAND.replace('\n', "\r\n");
        let mut new = reparse(&crlf);
        new.segments.push(Entry::new("four", "Fourth."));
        let text = render(&new, Some(&crlf));
        assert!(
            !text.replace("\r\n", "").contains('\n'),
            "a bare LF in:\n{text}"
        );
        assert!(reparse(&text).same_content(&new));
    }
}
