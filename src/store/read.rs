//! Reading a catalog's text into the model, validating every key and type,
//! with errors that point at the line and column.
use std::path::Path;

use toml_edit::{Document, Item, Table};

use crate::catalog::{Catalog, Entry, Extra};
use crate::error::{Error, Location, Result};
use crate::lang::Lang;

/// Parses and validates a catalog's text.
pub fn parse(path: &Path, text: &str) -> Result<Catalog> {
    match super::lines::parse(text) {
        Some(catalog) => Ok(catalog),
        None => parse_document(path, text),
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
            format!("invalid TOML: {}", e.message().trim_end()),
            "fix the syntax; a string is written \"like this\", with \\\" for a quote inside it",
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
                format!("unknown table `{key}` in a catalog"),
                "a catalog holds [catalog], [[segment]] and [[obsolete]] tables; move notes into comments (# ...)",
            ));
        }
    }
    let header = root.get("catalog").and_then(Item::as_table).ok_or_else(|| {
        Error::invalid(
            at(0),
            "this catalog has no [catalog] table",
            "add [catalog] with article, source-lang and lang, or delete the file and run `l10n extract`",
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
            "[catalog] needs article, source-lang and lang",
            "add the missing keys, or delete the file and run `l10n extract`",
        ));
    };
    let parse_lang = |key: &str, tag: &str| -> Result<Lang> {
        tag.parse().map_err(|e: Error| {
            Error::invalid(
                at(reader.start(&header[key])),
                e.to_string(),
                e.help().unwrap_or_default(),
            )
        })
    };
    let mut catalog = Catalog::new(
        &article,
        &parse_lang("source-lang", &source_lang)?,
        &parse_lang("lang", &lang)?,
    );
    catalog.extra = header_extra;
    for (section, is_obsolete) in [("segment", false), ("obsolete", true)] {
        let Some(item) = root.get(section) else {
            continue;
        };
        let tables = item.as_array_of_tables().ok_or_else(|| {
            Error::invalid(
                at(reader.start(item)),
                format!("`{section}` must be a list of [[{section}]] tables"),
                format!("write each entry under its own [[{section}]] line"),
            )
        })?;
        for table in tables.iter() {
            let offset = table.span().map_or(0, |s| s.start);
            let line = newlines.partition_point(|&n| n < offset) + 1;
            let entry = reader.entry(section, table)?;
            if let Some(first) = catalog.lines.get(&entry.id) {
                return Err(Error::invalid(
                    at(reader.start(&table["id"])),
                    format!("duplicate id `{}` (first used on line {first})", entry.id),
                    "ids are unique in a catalog: remove the duplicate entry, or run `l10n extract` after fixing it",
                ));
            }
            catalog.lines.insert(entry.id.clone(), line);
            if is_obsolete {
                catalog.obsolete.push(entry);
            } else {
                catalog.segments.push(entry);
            }
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

    fn string(&self, key: &str, item: &Item) -> Result<String> {
        item.as_str().map(str::to_string).ok_or_else(|| {
            Error::invalid(
                Location::at(self.path, self.text, self.start(item)),
                format!("`{key}` must be a string, not {}", describe(item)),
                format!("write it in quotes: {key} = \"...\""),
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
                format!("`{key}` is a table inside a catalog entry"),
                "give extra keys plain or inline values: key = \"value\"",
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
                            "an entry's id is empty",
                            "restore the id; `git diff` or the template catalog shows it",
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
                    format!("this [[{section}]] entry has no `{key}`"),
                    "every entry needs its id and source; restore them from `git diff` or the template catalog",
                ));
            }
        }
        entry.extra = extra;
        Ok(entry)
    }
}

fn describe(item: &Item) -> &'static str {
    match item {
        Item::Value(v) if v.is_integer() => "a number",
        Item::Value(v) if v.is_float() => "a number",
        Item::Value(v) if v.is_bool() => "true or false",
        Item::Value(v) if v.is_array() => "a list",
        Item::Value(v) if v.is_datetime() => "a date",
        _ => "a table",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_point_at_entry_tables() {
        let text = "[catalog]\narticle = \"a\"\nsource-lang = \"en\"\nlang = \"ko\"\n\n\
                    [[segment]]\nid = \"x\"\nsource = \"A.\"\n\n[[segment]]\nid = \"y\"\nsource = \"B.\"\n";
        let catalog = parse(Path::new("x.toml"), text).unwrap();
        assert_eq!(catalog.lines["x"], 6);
        assert_eq!(catalog.lines["y"], 10);
    }

    #[test]
    fn wrong_type_is_located() {
        let text = "[catalog]\narticle = \"a\"\nsource-lang = \"en\"\nlang = \"ko\"\n\n\
                    [[segment]]\nid = \"x\"\nsource = \"A.\"\ntranslation = 3\n";
        let err = parse(Path::new("x.toml"), text).unwrap_err();
        let location = err.location().unwrap();
        assert_eq!((location.line, location.column), (9, 15));
        assert!(err.to_string().contains("must be a string"));
    }

    #[test]
    fn duplicate_ids_are_refused() {
        let text = "[catalog]\narticle = \"a\"\nsource-lang = \"en\"\nlang = \"ko\"\n\
                    [[segment]]\nid = \"x\"\nsource = \"A.\"\n[[obsolete]]\nid = \"x\"\nsource = \"B.\"\n";
        let err = parse(Path::new("x.toml"), text).unwrap_err();
        assert!(err.to_string().contains("duplicate id `x`"), "{err}");
        assert_eq!(err.location().unwrap().line, 9);
    }
}
