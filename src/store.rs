//! Catalog files: reading and validating them, rendering and writing them.
//!
//! The only module that writes catalogs. A write goes to a temporary file in
//! the same folder that is then renamed over the old one, so a catalog on
//! disk is always whole, old or new.
use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::path::Path;

use toml_edit::{Document, Item, Table};

use crate::article;
use crate::catalog::{Catalog, Entry, Extra};
use crate::error::{Error, Location, Result};
use crate::lang::Lang;

/// Reads the catalog at `path`, if there is one, and checks that it is the
/// catalog of `article` in `lang`.
pub fn load(path: &Path, article: &str, lang: &Lang) -> Result<Option<Catalog>> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(Error::Read {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let text = article::decode(path, &bytes)?;
    let catalog = parse(path, &text)?;
    let mismatch = |key: &str, found: &str, expected: &str| {
        let offset = text.find(&format!("{key} =")).unwrap_or(0);
        Error::invalid(
            Location::at(path, &text, offset),
            format!(
                "this catalog says {key} = \"{found}\", but its path is that of {key} \"{expected}\""
            ),
            "move the file to where it belongs, or correct the [catalog] table",
        )
    };
    if catalog.article != article {
        return Err(mismatch("article", &catalog.article, article));
    }
    if &catalog.lang != lang {
        return Err(mismatch("lang", catalog.lang.as_str(), lang.as_str()));
    }
    Ok(Some(catalog))
}

/// Parses and validates a catalog's text.
pub fn parse(path: &Path, text: &str) -> Result<Catalog> {
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
            let line = Location::at(path, text, table.span().map_or(0, |s| s.start)).line;
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

/// The text of a catalog file. Deterministic: the same catalog always gives
/// the same bytes.
pub fn render(catalog: &Catalog) -> String {
    let mut out = String::new();
    let article = &catalog.article;
    if catalog.is_template() {
        let _ = write!(
            out,
            "# The segments of the article \"{article}\", as `l10n extract` found them.\n\
             # This template is written by `l10n extract` only: do not edit it.\n\
             # Translations go in locales/<lang>/{article}.toml.\n"
        );
    } else {
        let lang = &catalog.lang;
        let _ = write!(
            out,
            "# The {lang} translation of the article \"{article}\" (l10n catalog).\n\
             #\n\
             # Fill in each `translation = \"\"` with the translation of the `source` above\n\
             # it; an empty translation counts as missing. `l10n extract` keeps `id` and\n\
             # `source` in step with the article: leave them as they are.\n\
             #\n\
             # `previous-source` means the source changed after it was translated: it is\n\
             # the text the translation was made from. Update the translation (see what\n\
             # changed with `l10n status --lang {lang} --diff`), then delete that line.\n\
             #\n\
             # [[obsolete]] entries have left the article. They are kept, with their\n\
             # translations, until `l10n extract --prune` removes them.\n"
        );
    }
    out.push_str("\n[catalog]\n");
    let _ = writeln!(out, "article = {}", toml_string(&catalog.article));
    let _ = writeln!(
        out,
        "source-lang = {}",
        toml_string(catalog.source_lang.as_str())
    );
    let _ = writeln!(out, "lang = {}", toml_string(catalog.lang.as_str()));
    write_extra(&mut out, &catalog.extra);
    for (section, entries) in [
        ("segment", &catalog.segments),
        ("obsolete", &catalog.obsolete),
    ] {
        for entry in entries {
            let _ = writeln!(out, "\n[[{section}]]");
            let _ = writeln!(out, "id = {}", toml_string(&entry.id));
            let _ = writeln!(out, "source = {}", toml_string(&entry.source));
            if let Some(previous) = &entry.previous_source {
                let _ = writeln!(out, "previous-source = {}", toml_string(previous));
            }
            if !catalog.is_template() {
                let _ = writeln!(out, "translation = {}", toml_string(&entry.translation));
            }
            write_extra(&mut out, &entry.extra);
        }
    }
    out
}

fn write_extra(out: &mut String, extra: &Extra) {
    for (key, raw) in extra {
        let bare = !key.is_empty()
            && key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        let key = if bare { key.clone() } else { toml_string(key) };
        let _ = writeln!(out, "{key} = {raw}");
    }
}

/// A TOML basic string.
fn toml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes `contents` to `path` atomically: a temporary file in the same
/// folder, flushed to disk, then renamed over the old file (whose
/// permissions it keeps).
pub fn write_atomic(path: &Path, contents: &str) -> Result<()> {
    let error = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(error)?;
    let mut file = tempfile::Builder::new()
        .prefix(".l10n-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(error)?;
    file.write_all(contents.as_bytes()).map_err(error)?;
    file.as_file().sync_all().map_err(error)?;
    let permissions = match fs::metadata(path) {
        Ok(old) => old.permissions(),
        Err(_) => default_permissions(file.as_file())?,
    };
    fs::set_permissions(file.path(), permissions).map_err(error)?;
    file.persist(path).map_err(|e| error(e.error))?;
    Ok(())
}

/// A new catalog gets the mode an ordinary new file would have (tempfile
/// creates its files readable by the owner only).
fn default_permissions(file: &fs::File) -> Result<fs::Permissions> {
    let mut permissions = file
        .metadata()
        .map_err(|source| Error::Write {
            path: "temporary file".into(),
            source,
        })?
        .permissions();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        permissions.set_mode(0o644);
    }
    #[cfg(not(unix))]
    permissions.set_readonly(false);
    Ok(permissions)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(tag: &str) -> Lang {
        tag.parse().unwrap()
    }

    #[test]
    fn render_then_parse_is_identity() {
        let mut catalog = Catalog::new("a/b", &lang("en"), &lang("ko"));
        let mut entry = Entry::new("0a1b2c3d", "He said \"hi\"\\ and\tleft.\u{7}");
        entry.translation = "그는 \"안녕\"이라고 말했다.\n둘째 줄".into();
        entry.previous_source = Some("He said hi.".into());
        entry.extra = vec![("qa-ignore".into(), "[\"numbers\"]".into())];
        catalog.segments.push(entry.clone());
        entry.id = "ffff0000".into();
        catalog.obsolete.push(entry);
        let text = render(&catalog);
        let back = parse(Path::new("x.toml"), &text).unwrap();
        assert!(back.same_content(&catalog), "{text}");
        assert_eq!(render(&back), text);
    }

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
