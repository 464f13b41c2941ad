//! Reading a catalog's text into the model, validating every key and type,
//! with errors that point at the line and column.
use std::path::Path;

use toml_edit::{Decor, Document, Item, RawString, Table};

use crate::catalog::{Catalog, Entry, Extra};
use crate::error::{Error, Location, Result};
use crate::lang::Lang;
use crate::msg;

/// Parses and validates a catalog's text.
pub fn parse(path: &Path, text: &str) -> Result<Catalog> {
    match super::lines::parse(text) {
        Some(catalog) => Ok(catalog),
        None => parse_document(path, text),
    }
}

/// [`parse`], keeping the line layout of a file in l10n's own shape for
/// [`super::render_kept`].
pub fn parse_kept(path: &Path, text: &str) -> Result<(Catalog, Option<super::LineLayout>)> {
    match super::lines::parse_kept(text) {
        Some((catalog, layout)) => Ok((catalog, Some(layout))),
        None => Ok((parse_document(path, text)?, None)),
    }
}

/// The general path of [`parse`], through a TOML document: any TOML, and
/// every error message.
pub fn parse_document(path: &Path, text: &str) -> Result<Catalog> {
    let at = |offset: usize| Location::at(path, text, offset);
    let doc = Document::parse(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        Error::invalid(
            at(offset),
            msg!("error-invalid-toml", reason = e.message().trim_end()),
            msg!("help-invalid-toml"),
        )
    })?;
    let reader = Reader { path, text };
    // Where lines start, to number thousands of entries without rescanning.
    let newlines: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
    let root = doc.as_table();
    for (key, item) in root.iter() {
        if !matches!(key, "catalog" | "segment" | "obsolete") {
            return Err(Error::invalid(
                at(reader.start(item)),
                msg!("error-unknown-table", key = key),
                msg!("help-unknown-table"),
            ));
        }
    }
    let header = root
        .get("catalog")
        .and_then(Item::as_table)
        .ok_or_else(|| {
            Error::invalid(
                at(0),
                msg!("error-no-catalog-table"),
                msg!("help-no-catalog-table"),
            )
        })?;
    let mut header_extra = Vec::new();
    let mut fields = [None, None, None];
    for (key, item) in header.iter() {
        match ["article", "source-lang", "lang"]
            .iter()
            .position(|k| *k == key)
        {
            Some(i) => fields[i] = Some(reader.string(key, item)?),
            None => header_extra.push(reader.extra(key, item)?),
        }
    }
    let [Some(article), Some(source_lang), Some(lang)] = fields else {
        return Err(Error::invalid(
            at(reader.start(&root["catalog"])),
            msg!("error-catalog-keys"),
            msg!("help-catalog-keys"),
        ));
    };
    let parse_lang = |key: &str, tag: &str| -> Result<Lang> {
        tag.parse().map_err(|e: Error| {
            Error::invalid(
                at(reader.start(&header[key])),
                e.message(),
                e.help().unwrap_or_else(|| msg!("help-bad-language")),
            )
        })
    };
    let mut catalog = Catalog::new(
        &article,
        &parse_lang("source-lang", &source_lang)?,
        &parse_lang("lang", &lang)?,
    );
    catalog.extra = header_extra;
    let mut first_lines: std::collections::HashMap<String, usize> = Default::default();
    for (section, is_obsolete) in [("segment", false), ("obsolete", true)] {
        let Some(item) = root.get(section) else {
            continue;
        };
        let tables = item.as_array_of_tables().ok_or_else(|| {
            Error::invalid(
                at(reader.start(item)),
                msg!("error-section-not-list", section = section),
                msg!("help-section-not-list", section = section),
            )
        })?;
        for table in tables.iter() {
            let offset = table.span().map_or(0, |s| s.start);
            let line = newlines.partition_point(|&n| n < offset) + 1;
            let entry = reader.entry(section, table)?;
            if let Some(first) = first_lines.get(&entry.id) {
                return Err(Error::invalid(
                    at(reader.start(&table["id"])),
                    msg!("error-duplicate-id", id = &entry.id, first = *first),
                    msg!("help-duplicate-id"),
                ));
            }
            first_lines.insert(entry.id.clone(), line);
            if is_obsolete {
                catalog.obsolete.push(entry);
            } else {
                catalog.segments.push(entry);
            }
            // All segments come before all obsolete entries, as in `entries()`.
            catalog.lines.push(line);
            catalog.comments.push(reader.comments(table));
        }
    }
    Ok(catalog)
}

struct Reader<'a> {
    path: &'a Path,
    text: &'a str,
}

impl Reader<'_> {
    fn start(&self, item: &Item) -> usize {
        item.span().map_or(0, |s| s.start)
    }

    /// The comments an entry's table carries, in the order they stand: on
    /// the lines above its header (which belong to it, as in the fast
    /// path), at the end of its header, between its keys or at the end of
    /// a value's line.
    fn comments(&self, table: &Table) -> Vec<String> {
        let mut comments = Vec::new();
        let mut take = |decor: &Decor| {
            for raw in [decor.prefix(), decor.suffix()].into_iter().flatten() {
                crate::catalog::comment_lines(self.raw(raw), &mut comments);
            }
        };
        take(table.decor());
        for (key, item) in table.iter() {
            if let Some(key) = table.key(key) {
                take(key.leaf_decor());
            }
            if let Some(value) = item.as_value() {
                take(value.decor());
            }
        }
        comments
    }

    /// The text of a piece of a parsed document's formatting.
    fn raw<'b>(&'b self, raw: &'b RawString) -> &'b str {
        raw.as_str()
            .or_else(|| raw.span().and_then(|span| self.text.get(span)))
            .unwrap_or("")
    }

    fn string(&self, key: &str, item: &Item) -> Result<String> {
        item.as_str().map(str::to_string).ok_or_else(|| {
            Error::invalid(
                Location::at(self.path, self.text, self.start(item)),
                msg!("error-not-a-string", key = key, kind = describe(item)),
                msg!("help-not-a-string", key = key),
            )
        })
    }

    fn extra(&self, key: &str, item: &Item) -> Result<(String, String)> {
        match item {
            Item::Value(_) => {
                let raw = item.span().map_or("", |s| &self.text[s]);
                Ok((key.to_string(), raw.trim().to_string()))
            }
            _ => Err(Error::invalid(
                Location::at(self.path, self.text, self.start(item)),
                msg!("error-table-in-entry", key = key),
                msg!("help-table-in-entry"),
            )),
        }
    }

    fn entry(&self, section: &str, table: &Table) -> Result<Entry> {
        let header = table.span().map_or(0, |s| s.start);
        let mut entry = Entry::new("", "");
        let (mut has_id, mut has_source) = (false, false);
        let mut extra: Extra = Vec::new();
        for (key, item) in table.iter() {
            match key {
                "id" => {
                    entry.id = self.string(key, item)?;
                    has_id = true;
                    if entry.id.trim().is_empty() {
                        return Err(Error::invalid(
                            Location::at(self.path, self.text, self.start(item)),
                            msg!("error-empty-id"),
                            msg!("help-empty-id"),
                        ));
                    }
                }
                "source" => {
                    entry.source = self.string(key, item)?;
                    has_source = true;
                }
                "translation" => entry.translation = self.string(key, item)?,
                "previous-source" => entry.previous_source = Some(self.string(key, item)?),
                _ => extra.push(self.extra(key, item)?),
            }
        }
        for (present, key) in [(has_id, "id"), (has_source, "source")] {
            if !present {
                return Err(Error::invalid(
                    Location::at(self.path, self.text, header),
                    msg!("error-entry-key-missing", section = section, key = key),
                    msg!("help-entry-key-missing"),
                ));
            }
        }
        entry.extra = extra;
        Ok(entry)
    }
}

/// The kind of a value, as the messages' `$kind` selector names it.
fn describe(item: &Item) -> &'static str {
    match item {
        Item::Value(v) if v.is_integer() => "number",
        Item::Value(v) if v.is_float() => "number",
        Item::Value(v) if v.is_bool() => "bool",
        Item::Value(v) if v.is_array() => "list",
        Item::Value(v) if v.is_datetime() => "date",
        _ => "table",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::english;

    #[test]
    fn lines_point_at_entry_tables() {
        let text = "[catalog]\narticle = \"a\"\nsource-lang = \"en\"\nlang = \"ko\"\n\n\
                    [[segment]]\nid = \"x\"\nsource = \"A.\"\n\n[[segment]]\nid = \"y\"\nsource = \"B.\"\n";
        let catalog = parse(Path::new("x.toml"), text).unwrap();
        assert_eq!(catalog.line("x"), Some(6));
        assert_eq!(catalog.line("y"), Some(10));
    }

    #[test]
    fn comments_anywhere_in_an_entry_are_noticed() {
        let header =
            "# About the file.\n[catalog]\narticle = \"a\"\nsource-lang = \"en\"\nlang = \"ko\"\n";
        for (entry, comment) in [
            ("[[segment]]\nid = \"x\"\nsource = \"A.\"\n", None),
            (
                "# Above.\n[[segment]]\nid = \"x\"\nsource = \"A.\"\n",
                Some("Above."),
            ),
            (
                "[[segment]] # On the header.\nid = \"x\"\nsource = \"A.\"\n",
                Some("On the header."),
            ),
            (
                "[[segment]]\nid = \"x\"\n# Between keys.\nsource = \"A.\"\n",
                Some("Between keys."),
            ),
            (
                "[[segment]]\nid = \"x\"\nsource = \"A.\" # At the end.\n",
                Some("At the end."),
            ),
            (
                "[[segment]]\nid = \"x\"\nsource = \"A # not a comment.\"\n",
                None,
            ),
        ] {
            let catalog = parse_document(Path::new("x.toml"), &format!("{header}{entry}")).unwrap();
            let expected: Vec<String> = comment.into_iter().map(String::from).collect();
            assert_eq!(catalog.comments, [expected], "{entry}");
        }
    }

    #[test]
    fn wrong_type_is_located() {
        let text = "[catalog]\narticle = \"a\"\nsource-lang = \"en\"\nlang = \"ko\"\n\n\
                    [[segment]]\nid = \"x\"\nsource = \"A.\"\ntranslation = 3\n";
        let err = parse(Path::new("x.toml"), text).unwrap_err();
        let location = err.location().unwrap();
        assert_eq!((location.line, location.column), (9, 15));
        assert!(english(&err.message()).contains("must be a string"));
    }

    #[test]
    fn duplicate_ids_are_refused() {
        let text = "[catalog]\narticle = \"a\"\nsource-lang = \"en\"\nlang = \"ko\"\n\
                    [[segment]]\nid = \"x\"\nsource = \"A.\"\n[[obsolete]]\nid = \"x\"\nsource = \"B.\"\n";
        let err = parse(Path::new("x.toml"), text).unwrap_err();
        let text = english(&err.message());
        assert!(text.contains("duplicate id `x`"), "{text}");
        assert_eq!(err.location().unwrap().line, 9);
    }
}
