//! The fast path for catalogs in the shape l10n writes them: one
//! `key = "basic string"` per line, comments and blank lines between
//! entries. Such a file is read line by line and edited line by line,
//! ten times faster than through a general TOML parser, which matters when
//! a newsroom's archive has tens of thousands of catalogs.
//!
//! Anything outside that shape (another string style, an end-of-line
//! comment, an unknown key, an error of any kind) makes these functions
//! return `None`, and the caller takes the general path (`read`, `write`),
//! which also produces the error messages. So the fast path never has to be
//! right about anything but the simple case, and the two paths give the
//! same catalog for every file the fast one accepts (a fuzz target checks).
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;
use std::fmt::Write as _;
use std::ops::Range;

use super::toml_text::toml_string;
use crate::catalog::{Catalog, Entry};
use crate::lang::Lang;

/// A catalog file cut into lines, as byte ranges of its text: the part
/// before the first entry, each entry's lines, and what follows the last
/// one. It borrows nothing, so a file read once keeps it for its render
/// ([`parse_kept`], [`render`]): the text is not cut into lines twice.
#[derive(Debug, Clone)]
pub struct Layout {
    /// The `[catalog]` table's `article`, `source-lang` and `lang`.
    header: [Value; 3],
    /// Everything up to the first entry's comments: the header comment and
    /// the `[catalog]` table.
    preamble: Range<usize>,
    entries: Vec<EntryLines>,
    /// Comments and blank lines after the last entry.
    trailing: Range<usize>,
    /// The length of the text it was cut from: a layout is used only with
    /// a text of that length (its own, kept beside it).
    len: usize,
}

#[derive(Debug, Clone)]
struct EntryLines {
    /// Comments and blank lines above the table header: they belong to it.
    prefix: Range<usize>,
    obsolete: bool,
    line: usize,
    /// `(key, whole line, value)`.
    keys: Vec<(Range<usize>, Range<usize>, Value)>,
}

/// A string value: where it is in the text when it has no escapes, else
/// decoded.
#[derive(Debug, Clone)]
enum Value {
    Span(Range<usize>),
    Decoded(String),
}

impl Default for Value {
    fn default() -> Value {
        Value::Span(0..0)
    }
}

impl Value {
    fn get<'a>(&'a self, text: &'a str) -> &'a str {
        match self {
            Value::Span(span) => &text[span.clone()],
            Value::Decoded(value) => value,
        }
    }
}

/// Where `part`, a slice of `text`, is in it.
fn span(text: &str, part: &str) -> Range<usize> {
    let start = part.as_ptr() as usize - text.as_ptr() as usize;
    start..start + part.len()
}

/// Reads a catalog in the simple shape; `None` if it is not in it.
pub fn parse(text: &str) -> Option<Catalog> {
    catalog(&layout(text)?, text)
}

/// [`parse`], keeping the layout for [`render`].
pub fn parse_kept(text: &str) -> Option<(Catalog, Layout)> {
    let layout = layout(text)?;
    Some((catalog(&layout, text)?, layout))
}

impl EntryLines {
    fn value<'a>(&'a self, text: &'a str, key: &str) -> Option<&'a str> {
        self.keys
            .iter()
            .find(|(k, _, _)| &text[k.clone()] == key)
            .map(|(_, _, v)| v.get(text))
    }
}

/// Whether `raw` is a value this path writes and reads back: a one-line
/// basic string (an extra key's value as `from-memory` has it).
fn is_one_line_string(raw: &str) -> bool {
    key_value(&format!("k = {raw}")).is_some() && !has_control(raw.as_bytes())
}

/// `text` cut into lines, if it is in the simple shape.
fn layout(text: &str) -> Option<Layout> {
    let has_cr = memchr::memchr(b'\r', text.as_bytes()).is_some();
    if has_cr && !text.contains("\r\n") {
        return None;
    }
    // Control characters other than tab and line endings are not TOML
    // outside multi-line strings, which this path does not take: one check
    // here spares one per character of every value.
    if has_control(text.as_bytes()) {
        return None;
    }
    let mut layout = Layout {
        header: Default::default(),
        preamble: 0..0,
        entries: Vec::new(),
        trailing: 0..0,
        len: text.len(),
    };
    // Where the comments and blank lines not yet given to a table start
    // (they run up to the line being read).
    let mut pending = 0;
    let mut header: Option<[Option<Value>; 3]> = None;
    let mut in_header = false;
    let mut end = 0;
    for (index, raw) in split_lines(text).enumerate() {
        let start = end;
        end += raw.len();
        // A CR is only part of a line ending right before LF.
        let line = match raw.strip_suffix('\n') {
            Some(line) => line.strip_suffix('\r').unwrap_or(line),
            None => raw,
        };
        if has_cr && line.contains('\r') {
            return None;
        }
        let trimmed = trim_blank_start(line);
        if trimmed.is_empty() || trimmed.starts_with('#') {
            if trimmed.chars().any(|c| c.is_control() && c != '\t') {
                return None;
            }
            continue;
        }
        match trimmed {
            "[catalog]" if header.is_none() && layout.entries.is_empty() => {
                layout.preamble = 0..end;
                pending = end;
                header = Some([None, None, None]);
                in_header = true;
            }
            "[[segment]]" | "[[obsolete]]" => {
                in_header = false;
                layout.entries.push(EntryLines {
                    prefix: pending..start,
                    obsolete: trimmed == "[[obsolete]]",
                    line: index + 1,
                    keys: Vec::new(),
                });
                pending = end;
            }
            _ => {
                let (key, value) = key_value(trimmed)?;
                let value = match value {
                    Cow::Borrowed(value) => Value::Span(span(text, value)),
                    Cow::Owned(value) => Value::Decoded(value),
                };
                if in_header {
                    let fields = header.as_mut()?;
                    let slot = match key {
                        "article" => &mut fields[0],
                        "source-lang" => &mut fields[1],
                        "lang" => &mut fields[2],
                        _ => return None,
                    };
                    if slot.replace(value).is_some() {
                        return None;
                    }
                    layout.preamble = 0..end;
                } else {
                    let entry = layout.entries.last_mut()?;
                    if pending != start
                        || entry.keys.iter().any(|(k, _, _)| &text[k.clone()] == key)
                    {
                        return None;
                    }
                    // Any other key (`from-memory`, a person's own) is
                    // kept as the line it is.
                    entry.keys.push((span(text, key), start..end, value));
                }
                pending = end;
            }
        }
    }
    layout.trailing = pending..text.len();
    let [Some(article), Some(source_lang), Some(lang)] = header? else {
        return None;
    };
    layout.header = [article, source_lang, lang];
    Some(layout)
}

/// The catalog a layout holds, if every entry has an id and a source.
fn catalog(layout: &Layout, text: &str) -> Option<Catalog> {
    let [article, source_lang, lang] = &layout.header;
    let source_lang: Lang = source_lang.get(text).parse().ok()?;
    let lang: Lang = lang.get(text).parse().ok()?;
    let mut catalog = Catalog::new(article.get(text), &source_lang, &lang);
    let (mut obsolete_lines, mut obsolete_comments) = (Vec::new(), Vec::new());
    for entry_lines in &layout.entries {
        let mut entry = Entry::new("", "");
        let (mut has_id, mut has_source) = (false, false);
        for (key, line, value) in &entry_lines.keys {
            let key = &text[key.clone()];
            let value = value.get(text).to_string();
            match key {
                "id" => {
                    has_id = true;
                    entry.id = value;
                }
                "source" => {
                    has_source = true;
                    entry.source = value;
                }
                "translation" => entry.translation = value,
                "previous-source" => entry.previous_source = Some(value),
                _ => entry
                    .extra
                    .push((key.to_string(), raw_value(&text[line.clone()]))),
            }
        }
        if !has_id || !has_source || entry.id.trim().is_empty() {
            return None;
        }
        // The only comments this shape has are the lines above the table.
        let mut comments = Vec::new();
        for line in split_lines(&text[entry_lines.prefix.clone()]) {
            if trim_blank_start(line).starts_with('#') {
                super::comment_lines(line, &mut comments);
            }
        }
        if entry_lines.obsolete {
            catalog.obsolete.push(entry);
            obsolete_lines.push(entry_lines.line);
            obsolete_comments.push(comments);
        } else {
            catalog.segments.push(entry);
            catalog.lines.push(entry_lines.line);
            catalog.comments.push(comments);
        }
    }
    catalog.lines.extend(obsolete_lines);
    catalog.comments.extend(obsolete_comments);
    // A second entry with the same id is an error the general path names.
    let mut ids = FxHashSet::default();
    if !catalog.entries().all(|e| ids.insert(e.id.as_str())) {
        return None;
    }
    Some(catalog)
}

/// The lines of `text`, each with its line ending (as `split_inclusive`,
/// with a vectorised search for the ends).
fn split_lines(text: &str) -> Lines<'_> {
    Lines {
        text,
        start: 0,
        ends: memchr::memchr_iter(b'\n', text.as_bytes()),
    }
}

struct Lines<'a> {
    text: &'a str,
    start: usize,
    ends: memchr::Memchr<'a>,
}

impl<'a> Iterator for Lines<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let end = match self.ends.next() {
            Some(end) => end + 1,
            None if self.start < self.text.len() => self.text.len(),
            None => return None,
        };
        let line = &self.text[self.start..end];
        self.start = end;
        Some(line)
    }
}

/// `text` without the spaces and tabs it starts with.
fn trim_blank_start(text: &str) -> &str {
    let blank = text
        .bytes()
        .take_while(|b| *b == b' ' || *b == b'\t')
        .count();
    &text[blank..]
}

/// Whether `bytes` hold a control character other than tab, CR and LF.
fn has_control(bytes: &[u8]) -> bool {
    let bad = |b: u8| (b < 0x20 && b != b'\t' && b != b'\n' && b != b'\r') || b == 0x7f;
    // Whole chunks without early exit, so that the compiler vectorises.
    bytes
        .chunks(256)
        .any(|chunk| chunk.iter().fold(false, |found, &b| found | bad(b)))
}

/// The value of a `key = value` line as written (TOML), as the general
/// reader keeps an extra key's value.
fn raw_value(line: &str) -> String {
    let line = line.trim_end_matches(['\n', '\r']);
    line.split_once('=')
        .map_or("", |(_, value)| value)
        .trim()
        .to_string()
}

/// `key = "value"` with a bare key and a one-line basic string, and nothing
/// after it. The value is borrowed unless it has escapes. (The caller has
/// made sure the line holds no control characters.)
fn key_value(line: &str) -> Option<(&str, Cow<'_, str>)> {
    let equals = memchr::memchr(b'=', line.as_bytes())?;
    let (key, rest) = (&line[..equals], &line[equals + 1..]);
    let key = key.trim_end_matches([' ', '\t']);
    if key.is_empty()
        || !key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return None;
    }
    let mut body = trim_blank_start(rest).strip_prefix('"')?;
    let mut value = Cow::Borrowed("");
    loop {
        // Take plain runs whole; stop at a quote or an escape.
        let stop = memchr::memchr2(b'"', b'\\', body.as_bytes())?;
        let run = &body[..stop];
        match &mut value {
            Cow::Borrowed(_) => value = Cow::Borrowed(run),
            Cow::Owned(owned) => owned.push_str(run),
        }
        let rest = &body[stop..];
        if rest.as_bytes()[0] == b'"' {
            let after = rest[1..].trim_end_matches([' ', '\t']);
            return after.is_empty().then_some((key, value));
        }
        let mut chars = rest[1..].chars();
        let escape = chars.next()?;
        let unicode = |n: usize| {
            let digits = rest.get(2..2 + n)?;
            if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            char::from_u32(u32::from_str_radix(digits, 16).ok()?)
        };
        let (c, used) = match escape {
            '"' => ('"', 2),
            '\\' => ('\\', 2),
            'n' => ('\n', 2),
            't' => ('\t', 2),
            'r' => ('\r', 2),
            'b' => ('\u{8}', 2),
            'f' => ('\u{c}', 2),
            'u' => (unicode(4)?, 6),
            'U' => (unicode(8)?, 10),
            _ => return None,
        };
        value.to_mut().push(c);
        body = &rest[used..];
    }
}

/// The new text of a catalog file, edited line by line from `base` (the
/// old text, or the skeleton of a new file), whose `layout` was kept from
/// its read if it was read; `None` if `base` is not in the simple shape.
/// Lines whose values did not change are copied as they are.
pub fn render(catalog: &Catalog, base: &str, layout: Option<&Layout>) -> Option<String> {
    let cut;
    let layout = match layout {
        Some(layout) if layout.len == base.len() => layout,
        _ => {
            cut = self::layout(base)?;
            &cut
        }
    };
    let [article, source_lang, lang] = &layout.header;
    if article.get(base) != catalog.article
        || source_lang.get(base).parse::<Lang>().ok()? != catalog.source_lang
        || lang.get(base).parse::<Lang>().ok()? != catalog.lang
        || !catalog.extra.is_empty()
        || catalog
            .entries()
            .flat_map(|e| &e.extra)
            .any(|(_, raw)| !is_one_line_string(raw))
    {
        return None;
    }
    let eol = if base.contains("\r\n") { "\r\n" } else { "\n" };
    let by_id = layout
        .entries
        .iter()
        .map(|e| Some((e.value(base, "id")?, e)))
        .collect::<Option<FxHashMap<&str, &EntryLines>>>()?;
    let mut out = Output {
        text: String::with_capacity(base.len() + catalog.segments.len() * 64),
        eol,
    };
    out.raw(&base[layout.preamble.clone()]);
    let template = catalog.is_template();
    // An entry taken over under another id is edited in its old lines.
    let old_ids: FxHashMap<&str, &str> = catalog
        .renamed
        .iter()
        .map(|(old, new)| (new.as_str(), old.as_str()))
        .collect();
    for (section, entries) in [
        ("segment", &catalog.segments),
        ("obsolete", &catalog.obsolete),
    ] {
        for entry in entries {
            let old_id: &str = old_ids.get(entry.id.as_str()).copied().unwrap_or(&entry.id);
            let Some(lines) = by_id.get(old_id) else {
                out.text.push_str(eol);
                out.line(&format!("[[{section}]]"));
                out.key("id", &entry.id);
                out.key("source", &entry.source);
                if let Some(previous) = &entry.previous_source {
                    out.key("previous-source", previous);
                }
                if !template {
                    out.key("translation", &entry.translation);
                }
                for (key, raw) in &entry.extra {
                    out.raw_key(key, raw);
                }
                continue;
            };
            out.raw(&base[lines.prefix.clone()]);
            out.line(&format!("[[{section}]]"));
            let has = |key: &str| lines.keys.iter().any(|(k, _, _)| &base[k.clone()] == key);
            for (key, raw, old) in &lines.keys {
                let (key, raw, old) = (&base[key.clone()], &base[raw.clone()], old.get(base));
                let value = match key {
                    "id" => Some(&entry.id),
                    "source" => Some(&entry.source),
                    "previous-source" => entry.previous_source.as_ref(),
                    // A template has no translations, unless someone wrote one in.
                    "translation" => Some(&entry.translation),
                    _ => {
                        // An extra key keeps its line, or takes the entry's
                        // value for it; one the entry no longer has goes.
                        if let Some((_, new)) = entry.extra.iter().find(|(k, _)| k == key) {
                            if *new == raw_value(raw) {
                                out.keep(raw);
                            } else {
                                out.raw_key(key, new);
                            }
                        }
                        None
                    }
                };
                if let Some(value) = value {
                    out.keep_or_replace(key, value, raw, old);
                }
                if key == "source"
                    && !has("previous-source")
                    && let Some(previous) = &entry.previous_source
                {
                    out.key("previous-source", previous);
                }
            }
            if !template && !has("translation") {
                out.key("translation", &entry.translation);
            }
            // A key the entry gained in this run goes at its end.
            for (key, raw) in entry.extra.iter().filter(|(key, _)| !has(key)) {
                out.raw_key(key, raw);
            }
        }
    }
    out.raw(&base[layout.trailing.clone()]);
    Some(out.text)
}

struct Output {
    text: String,
    eol: &'static str,
}

impl Output {
    fn raw(&mut self, line: &str) {
        self.text.push_str(line);
    }

    fn line(&mut self, line: &str) {
        self.text.push_str(line);
        self.text.push_str(self.eol);
    }

    fn key(&mut self, key: &str, value: &str) {
        let _ = write!(self.text, "{key} = {}{}", toml_string(value), self.eol);
    }

    /// `key = raw`, a value already written as TOML.
    fn raw_key(&mut self, key: &str, raw: &str) {
        let _ = write!(self.text, "{key} = {raw}{}", self.eol);
    }

    /// The old line `raw` as it is, ended even if it was the file's last.
    fn keep(&mut self, raw: &str) {
        self.text.push_str(raw);
        if !raw.ends_with('\n') {
            self.text.push_str(self.eol);
        }
    }

    /// The old line if it holds `value` already (its style kept), else a
    /// new one.
    fn keep_or_replace(&mut self, key: &str, value: &str, raw: &str, old: &str) {
        if old == value {
            self.keep(raw);
        } else {
            self.key(key, value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anything_unusual_takes_the_document_path() {
        let base = "[catalog]\narticle = \"a\"\nsource-lang = \"en\"\nlang = \"ko\"\n\n[[segment]]\nid = \"x\"\nsource = \"A.\"\n";
        assert!(parse(base).is_some());
        for unusual in [
            "translation = 'literal'\n",
            "translation = \"x\" # comment\n",
            "note = 'an extra key, literal'\n",
            "note = 42\n",
            "translation = \"\"\"\nmulti\"\"\"\n",
            "source = \"duplicate key\"\n",
            "translation = \"bad \\q escape\"\n",
            "# a comment between keys\ntranslation = \"\"\n",
            "[other]\n",
            // A CR not followed by LF, here at the end of the file.
            "translation = \"\"\r\n\r\n[[segment]]\nid = \"y\"\nsource = \"B.\"\r",
        ] {
            assert!(parse(&format!("{base}{unusual}")).is_none(), "{unusual}");
        }
    }

    /// An extra key with a basic string value (`from-memory`, a person's
    /// own) stays on this path: read into `extra` as the general reader
    /// does, its line kept, a new one written at the entry's end.
    #[test]
    fn extra_string_keys_stay_on_the_line_path() {
        let text = "[catalog]\narticle = \"a\"\nsource-lang = \"en\"\nlang = \"ko\"\n\n[[segment]]\nid = \"x\"\nnote = \"kept = as is\"\nsource = \"A.\"\ntranslation = \"가.\"\n\n[[segment]]\nid = \"y\"\nsource = \"B.\"\ntranslation = \"\"\n";
        let fast = parse(text).expect("extra string keys are the simple shape");
        let general = crate::catalog::parse_document(std::path::Path::new("a.toml"), text).unwrap();
        assert!(fast.same_content(&general));
        assert_eq!(fast.segments[0].extra, general.segments[0].extra);
        assert_eq!(render(&fast, text, None).as_deref(), Some(text));

        let mut filled = fast.clone();
        filled.segments[1].translation = "나.".into();
        filled.segments[1]
            .extra
            .push(("from-memory".into(), "\"b#y\"".into()));
        let by_lines = render(&filled, text, None).unwrap();
        assert!(
            by_lines.ends_with(
                "id = \"y\"\nsource = \"B.\"\ntranslation = \"나.\"\nfrom-memory = \"b#y\"\n"
            ),
            "{by_lines}"
        );
        let read =
            crate::catalog::parse_document(std::path::Path::new("a.toml"), &by_lines).unwrap();
        assert!(read.same_content(&filled));
        assert_eq!(read.segments[1].extra, filled.segments[1].extra);
        assert_eq!(
            parse(&by_lines).unwrap().segments[1].extra,
            filled.segments[1].extra
        );
    }
}
