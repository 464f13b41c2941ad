//! TMX 1.4b: an article's translations as a translation memory, to seed a
//! CAT tool's memory (Trados, memoQ, OmegaT, Phrase), and such a file read
//! back.
//!
//! One `<tu>` per current translation, and per obsolete entry that kept
//! one (flagged `<prop type="x-l10n-state">obsolete</prop>`): a memory holds
//! pairs a translator stands behind. Missing translations have no pair;
//! outdated ones are left out too, since their translation is of an earlier
//! source and a CAT tool would offer it as a match for the new one (review
//! them in PO or XLIFF). Each `<tu>` names its segment (`tuid`) and its
//! article (`<prop type="x-l10n-article">`), so a memory a CAT tool joined
//! from many files still imports; the catalog's comments are `<note>`s.
//!
//! Segments are plain text in `<seg>` (Markdown's inline syntax as the
//! characters it is, `datatype="plaintext"`): a memory matches text, and
//! TMX has no inline codes a translator must keep. The characters XML 1.0
//! cannot carry, even as references (C0 controls but tab and line breaks,
//! U+FFFE, U+FFFF), are written as `<ph type="x-l10n-char">U+0007</ph>` and
//! read back as the character, so nothing is lost. There is no DOCTYPE:
//! a reader that loads the DTD it names would go looking for a
//! `tmx14.dtd` beside the file.
use std::collections::HashMap;
use std::path::Path;

use quick_xml::XmlVersion;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};

use super::xml::{escape_attribute, escape_text, is_xml_char};
use super::{Document, Entered, Section, State, Unit};
use crate::error::{Error, Location, Result};
use crate::msg;

/// The `<prop>` that names a unit's article.
pub const ARTICLE_PROP: &str = "x-l10n-article";
/// The `<prop>` that flags an obsolete unit.
pub const STATE_PROP: &str = "x-l10n-state";
/// The `<ph>` type of a character XML cannot carry.
const CHAR_PH: &str = "x-l10n-char";

/// The `.tmx` file of one article in one language.
pub fn write(document: &Document) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<tmx version=\"1.4\">\n");
    out.push_str(&format!(
        "  <header creationtool=\"l10n\" creationtoolversion=\"{}\" segtype=\"sentence\" \
         o-tmf=\"l10n-toml\" adminlang=\"en\" srclang=\"{}\" datatype=\"plaintext\" \
         creationdate=\"{}\"/>\n",
        env!("CARGO_PKG_VERSION"),
        escape_attribute(document.source_lang),
        tmx_date(document.date),
    ));
    out.push_str("  <body>\n");
    for unit in document.units.iter().filter(|u| in_memory(u)) {
        out.push_str(&format!(
            "    <tu tuid=\"{}\">\n",
            escape_attribute(unit.id)
        ));
        for comment in unit.comments {
            out.push_str(&format!("      <note>{}</note>\n", escape_text(comment)));
        }
        out.push_str(&format!(
            "      <prop type=\"{ARTICLE_PROP}\">{}</prop>\n",
            escape_text(document.article)
        ));
        if unit.state == State::Obsolete {
            out.push_str(&format!(
                "      <prop type=\"{STATE_PROP}\">obsolete</prop>\n"
            ));
        }
        for (lang, text) in [
            (document.source_lang, unit.source),
            (document.lang, unit.translation),
        ] {
            out.push_str(&format!(
                "      <tuv xml:lang=\"{}\"><seg>{}</seg></tuv>\n",
                escape_attribute(lang),
                segment(text)
            ));
        }
        out.push_str("    </tu>\n");
    }
    out.push_str("  </body>\n</tmx>\n");
    out
}

/// Whether a unit goes into the memory: a current translation, or an
/// obsolete entry's.
fn in_memory(unit: &Unit) -> bool {
    matches!(unit.state, State::Current | State::Obsolete) && !unit.translation.is_empty()
}

/// A `<seg>`'s content: the text escaped, each character XML cannot carry
/// as a `<ph>` naming it.
fn segment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for piece in text.split_inclusive(|c| !is_xml_char(c)) {
        let mut chars = piece.chars();
        match chars.next_back() {
            Some(last) if !is_xml_char(last) => {
                out.push_str(&escape_text(chars.as_str()));
                out.push_str(&format!(
                    "<ph type=\"{CHAR_PH}\">U+{:04X}</ph>",
                    u32::from(last)
                ));
            }
            _ => out.push_str(&escape_text(piece)),
        }
    }
    out
}

/// A time as TMX writes it (`20261225T010500Z`), from seconds since the
/// Unix epoch (UTC).
pub fn tmx_date(unix_seconds: u64) -> String {
    let t = crate::calendar::Utc::from_unix(i64::try_from(unix_seconds).unwrap_or(i64::MAX));
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        t.year, t.month, t.day, t.hour, t.minute, t.second
    )
}

/// Reads a `.tmx` file: one [`Section`] per article and target language,
/// in the order they first appear, grouping the `<tu>`s by their article
/// prop (a unit without one goes to a section without an article). The
/// source `<tuv>` is the one in the header's `srclang` (or the unit's own;
/// the first `<tuv>` for `*all*`);
/// every other `<tuv>` is a translation, into the language of its
/// `xml:lang`. A unit with no other `<tuv>` offers nothing and is not
/// returned. Units are current, or obsolete when flagged so; inline
/// elements count as the text they hold (TMX keeps the original code in
/// them). A DTD that declares entities is refused, and no entity but XML's
/// own five is expanded.
pub fn read(path: &Path, text: &str) -> Result<Vec<Section>> {
    Parser {
        path,
        text,
        lines: LineCounter::default(),
    }
    .sections()
}

/// The elements the reader tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Element {
    Tmx,
    Header,
    Body,
    Tu,
    Tuv,
    Seg,
    Prop,
    /// A `<ph type="x-l10n-char">` in a segment.
    Char,
    /// Anything else: inline codes in a segment, notes, user-defined
    /// encodings.
    Other,
}

/// A `<tu>` as read so far.
#[derive(Debug, Default)]
struct TranslationUnit {
    offset: usize,
    line: usize,
    id: Option<String>,
    srclang: Option<String>,
    article: Option<String>,
    state: Option<(usize, String)>,
    /// Each `<tuv>`'s language and segment text.
    variants: Vec<(String, String)>,
}

/// Where text goes as it is read.
#[derive(Debug, Default)]
struct Open {
    /// The `<prop>`'s type and text.
    prop: Option<(String, String)>,
    /// The `<tuv>`'s language, its offset, and its segment's text once
    /// `<seg>` opens.
    tuv: Option<(String, usize, Option<String>)>,
    /// Whether the `<seg>` is open: text around it in the `<tuv>` is
    /// layout, not the segment's.
    in_seg: bool,
    /// The text of a `<ph type="x-l10n-char">` and its offset.
    char_ph: Option<(usize, String)>,
}

struct Parser<'a> {
    path: &'a Path,
    text: &'a str,
    lines: LineCounter,
}

impl Parser<'_> {
    fn error(&self, offset: usize, reason: &str) -> Error {
        Error::invalid(
            Location::at(self.path, self.text, offset),
            msg!("error-bad-exchange-file", format = "TMX", reason = reason),
            msg!("help-bad-exchange-file"),
        )
    }

    fn sections(mut self) -> Result<Vec<Section>> {
        // A byte order mark is not XML: the offsets below count from after it.
        let body = self.text.strip_prefix('\u{feff}').unwrap_or(self.text);
        let base = self.text.len() - body.len();
        let mut reader = quick_xml::Reader::from_str(body);
        let mut stack: Vec<Element> = Vec::new();
        let mut srclang: Option<String> = None;
        let mut unit: Option<TranslationUnit> = None;
        let mut open = Open::default();
        let mut sections: Vec<Section> = Vec::new();
        let mut index: HashMap<(Option<String>, String), usize> = HashMap::new();
        let mut seen_root = false;
        loop {
            let at = base + reader.buffer_position() as usize;
            let event = reader
                .read_event()
                .map_err(|e| self.error(base + reader.error_position() as usize, &e.to_string()))?;
            match event {
                Event::Start(ref start) | Event::Empty(ref start) => {
                    let empty = matches!(event, Event::Empty(_));
                    let name = start.local_name();
                    let element = match (stack.last(), name.as_ref()) {
                        (None, "tmx") if !seen_root => Element::Tmx,
                        (None, _) if seen_root => {
                            return Err(self.error(at, "an element after </tmx>"));
                        }
                        (None, _) => {
                            return Err(self.error(at, "the root element is not <tmx>"));
                        }
                        (Some(Element::Tmx), "header") => Element::Header,
                        (Some(Element::Tmx), "body") => Element::Body,
                        (Some(Element::Body), "tu") => Element::Tu,
                        (Some(Element::Tu), "tuv") => Element::Tuv,
                        (Some(Element::Tuv), "seg") => Element::Seg,
                        (Some(Element::Header | Element::Tu | Element::Tuv), "prop") => {
                            Element::Prop
                        }
                        (Some(_), "ph")
                            if open.in_seg
                                && self.attribute(start, "type", at)?.as_deref()
                                    == Some(CHAR_PH) =>
                        {
                            Element::Char
                        }
                        _ => Element::Other,
                    };
                    seen_root = true;
                    self.open(element, start, at, &mut srclang, &mut unit, &mut open)?;
                    if empty {
                        self.close(element, at, &srclang, &mut unit, &mut open, &mut |u| {
                            Self::file(u, &mut sections, &mut index)
                        })?;
                    } else {
                        stack.push(element);
                    }
                }
                Event::End(_) => {
                    let element = stack.pop().unwrap_or(Element::Other);
                    self.close(element, at, &srclang, &mut unit, &mut open, &mut |u| {
                        Self::file(u, &mut sections, &mut index)
                    })?;
                }
                Event::Text(text) => {
                    let text = text.xml10_content();
                    self.characters(&text, at)?;
                    add_text(&mut open, &text);
                }
                Event::CData(data) => {
                    let text = data.xml10_content();
                    self.characters(&text, at)?;
                    add_text(&mut open, &text);
                }
                Event::GeneralRef(reference) => {
                    let resolved = match reference.resolve_char_ref() {
                        Ok(Some(c)) if is_xml_char(c) => c.to_string(),
                        Ok(Some(_)) | Err(_) => {
                            return Err(self.error(at, "a character reference XML does not allow"));
                        }
                        Ok(None) => match resolve_predefined_entity(&reference) {
                            Some(text) => text.to_string(),
                            None => {
                                return Err(self.error(
                                    at,
                                    &format!("an unknown entity &{};", reference.xml10_content()),
                                ));
                            }
                        },
                    };
                    add_text(&mut open, &resolved);
                }
                Event::DocType(doctype) => {
                    if doctype.contains("<!ENTITY") {
                        return Err(self.error(at, "a DTD that declares entities"));
                    }
                }
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
                Event::Eof if !stack.is_empty() => {
                    let end = self.text.trim_end().len();
                    return Err(self.error(end, "the file ends before its elements are closed"));
                }
                Event::Eof => break,
            }
        }
        if !seen_root {
            return Err(self.error(self.text.len(), "no <tmx> element"));
        }
        Ok(sections)
    }

    /// Takes note of what an opening tag says.
    fn open(
        &mut self,
        element: Element,
        start: &BytesStart,
        at: usize,
        srclang: &mut Option<String>,
        unit: &mut Option<TranslationUnit>,
        open: &mut Open,
    ) -> Result<()> {
        match element {
            Element::Header => {
                *srclang = self.attribute(start, "srclang", at)?;
                if srclang.is_none() {
                    return Err(self.error(at, "a <header> without srclang"));
                }
            }
            Element::Body if srclang.is_none() => {
                return Err(self.error(at, "<body> before a <header> with srclang"));
            }
            Element::Tu => {
                *unit = Some(TranslationUnit {
                    offset: at,
                    line: self.lines.line_of(self.text, at),
                    id: self.attribute(start, "tuid", at)?,
                    srclang: self.attribute(start, "srclang", at)?,
                    ..TranslationUnit::default()
                });
            }
            Element::Tuv => {
                let lang = match self.attribute(start, "xml:lang", at)? {
                    Some(lang) => lang,
                    // TMX 1.3's `lang`, which 1.4 still allows.
                    None => self
                        .attribute(start, "lang", at)?
                        .ok_or_else(|| self.error(at, "a <tuv> without xml:lang"))?,
                };
                open.tuv = Some((lang, at, None));
            }
            Element::Seg => {
                if let Some(tuv) = open.tuv.as_mut() {
                    if tuv.2.is_some() {
                        return Err(self.error(at, "two <seg> in one <tuv>"));
                    }
                    tuv.2 = Some(String::new());
                    open.in_seg = true;
                }
            }
            Element::Prop => {
                let kind = self
                    .attribute(start, "type", at)?
                    .ok_or_else(|| self.error(at, "a <prop> without type"))?;
                open.prop = Some((kind, String::new()));
            }
            Element::Char => open.char_ph = Some((at, String::new())),
            Element::Tmx | Element::Body | Element::Other => {}
        }
        Ok(())
    }

    /// Finishes an element: a unit is complete at `</tu>`, and is handed
    /// to `file`.
    fn close(
        &self,
        element: Element,
        at: usize,
        srclang: &Option<String>,
        unit: &mut Option<TranslationUnit>,
        open: &mut Open,
        file: &mut dyn FnMut(Vec<(Section, Entered)>),
    ) -> Result<()> {
        match element {
            Element::Prop => {
                let (kind, value) = open.prop.take().unwrap_or_default();
                let Some(unit) = unit.as_mut() else {
                    return Ok(());
                };
                match kind.as_str() {
                    ARTICLE_PROP => unit.article = Some(value),
                    STATE_PROP => unit.state = Some((at, value)),
                    _ => {}
                }
            }
            Element::Char => {
                let (offset, name) = open.char_ph.take().unwrap_or_default();
                let c = name
                    .trim()
                    .strip_prefix("U+")
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    .and_then(char::from_u32)
                    .ok_or_else(|| {
                        self.error(offset, "a <ph type=\"x-l10n-char\"> without U+hex")
                    })?;
                add_text(open, &c.to_string());
            }
            Element::Tuv => {
                let (lang, offset, seg) = open.tuv.take().unwrap_or_default();
                let seg = seg.ok_or_else(|| self.error(offset, "a <tuv> without <seg>"))?;
                if let Some(unit) = unit.as_mut() {
                    unit.variants.push((lang, seg));
                }
            }
            Element::Seg => open.in_seg = false,
            Element::Tu => {
                if let Some(unit) = unit.take() {
                    file(self.entries(unit, srclang.as_deref().unwrap_or_default())?);
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// What one `<tu>` says: an entry for each target language, with the
    /// section it belongs to.
    fn entries(&self, unit: TranslationUnit, srclang: &str) -> Result<Vec<(Section, Entered)>> {
        let id = unit
            .id
            .ok_or_else(|| self.error(unit.offset, "a <tu> without tuid (the segment id)"))?;
        let state = match unit.state {
            None => State::Current,
            Some((_, value)) if value.trim() == "obsolete" => State::Obsolete,
            Some((_, value)) if value.trim() == "outdated" => State::Outdated,
            Some((at, value)) => {
                return Err(self.error(at, &format!("an unknown {STATE_PROP} {value:?}")));
            }
        };
        let srclang = unit.srclang.as_deref().unwrap_or(srclang);
        // `*all*` lets any language be the source: the memories that say
        // so (a CAT tool's multilingual export) write it first.
        let srclang = match srclang {
            "*all*" => unit.variants.first().map_or(srclang, |(lang, _)| lang),
            _ => srclang,
        };
        let is_source = |lang: &str| lang.eq_ignore_ascii_case(srclang);
        let Some((source_lang, source)) = unit.variants.iter().find(|(lang, _)| is_source(lang))
        else {
            return Err(self.error(
                unit.offset,
                &format!("a <tu> without a <tuv> in the source language {srclang}"),
            ));
        };
        Ok(unit
            .variants
            .iter()
            .filter(|(lang, _)| !is_source(lang))
            .map(|(lang, translation)| {
                let section = Section {
                    article: unit.article.clone(),
                    source_lang: Some(source_lang.clone()),
                    lang: Some(lang.clone()),
                    line: unit.line,
                    units: Vec::new(),
                };
                let entered = Entered {
                    id: id.clone(),
                    source: source.clone(),
                    translation: translation.clone(),
                    state: if translation.is_empty() && state == State::Current {
                        State::Missing
                    } else {
                        state
                    },
                    previous_source: None,
                    line: unit.line,
                };
                (section, entered)
            })
            .collect())
    }

    /// Puts each entry into its article's and language's section, opened
    /// by the first unit of that pair.
    fn file(
        entries: Vec<(Section, Entered)>,
        sections: &mut Vec<Section>,
        index: &mut HashMap<(Option<String>, String), usize>,
    ) {
        for (section, entered) in entries {
            let key = (
                section.article.clone(),
                section.lang.clone().unwrap_or_default(),
            );
            let at = *index.entry(key).or_insert_with(|| {
                sections.push(section);
                sections.len() - 1
            });
            sections[at].units.push(entered);
        }
    }

    /// An attribute's value, entities resolved (only XML's own).
    fn attribute(&self, start: &BytesStart, name: &str, at: usize) -> Result<Option<String>> {
        for attribute in start.attributes() {
            let attribute = attribute.map_err(|e| self.error(at, &e.to_string()))?;
            if attribute.key.as_ref() == name {
                let value = attribute
                    .normalized_value_with(XmlVersion::Implicit1_0, 1, resolve_predefined_entity)
                    .map_err(|e| self.error(at, &e.to_string()))?;
                return Ok(Some(value.into_owned()));
            }
        }
        Ok(None)
    }

    /// Refuses characters XML does not allow in a document.
    fn characters(&self, text: &str, at: usize) -> Result<()> {
        match text.char_indices().find(|(_, c)| !is_xml_char(*c)) {
            Some((i, c)) => Err(self.error(
                at + i,
                &format!("U+{:04X}, a character XML does not allow", u32::from(c)),
            )),
            None => Ok(()),
        }
    }
}

/// Text read goes to the open `<ph type="x-l10n-char">`, else the open
/// segment, else the open `<prop>`.
fn add_text(open: &mut Open, text: &str) {
    if let Some((_, name)) = open.char_ph.as_mut() {
        name.push_str(text);
    } else if let Some(seg) = open.tuv.as_mut().and_then(|t| t.2.as_mut())
        && open.in_seg
    {
        seg.push_str(text);
    } else if let Some((_, value)) = open.prop.as_mut() {
        value.push_str(text);
    }
}

/// Lines of offsets that only grow, counted once.
#[derive(Debug, Default)]
struct LineCounter {
    offset: usize,
    line: usize,
}

impl LineCounter {
    fn line_of(&mut self, text: &str, offset: usize) -> usize {
        let offset = offset.min(text.len());
        if offset < self.offset {
            *self = LineCounter::default();
        }
        let counted = text.as_bytes()[self.offset..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.line += counted;
        self.offset = offset;
        self.line + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interchange::testing::{document, unit};

    /// An entry read: article, lang, id, source, translation, state.
    type Read<'a> = (Option<&'a str>, &'a str, &'a str, &'a str, &'a str, State);

    fn entries(sections: &[Section]) -> Vec<Read<'_>> {
        sections
            .iter()
            .flat_map(|s| {
                s.units.iter().map(move |u| {
                    (
                        s.article.as_deref(),
                        s.lang.as_deref().unwrap_or(""),
                        u.id.as_str(),
                        u.source.as_str(),
                        u.translation.as_str(),
                        u.state,
                    )
                })
            })
            .collect()
    }

    fn read_str(tmx: &str) -> Result<Vec<Section>> {
        read(Path::new("x.tmx"), tmx)
    }

    #[test]
    fn dates_are_utc_basic_format() {
        assert_eq!(tmx_date(0), "19700101T000000Z");
        assert_eq!(tmx_date(951_782_400 + 59), "20000229T000059Z");
        assert_eq!(tmx_date(1_798_160_700), "20261225T010500Z");
    }

    #[test]
    fn writes_current_and_obsolete_translations_only() {
        let comments = ["Checked with the desk.".to_string()];
        let mut current = unit("00000001", "One & <two>.", "하나 & <둘>.", State::Current);
        current.comments = &comments;
        let mut outdated = unit("00000003", "New.", "옛 번역.", State::Outdated);
        outdated.previous_source = Some("Old.");
        let tmx = write(&document(vec![
            current,
            unit("00000002", "Two.", "", State::Missing),
            outdated,
            unit("00000009", "Gone.", "사라짐.", State::Obsolete),
            unit("0000000a", "Gone too.", "", State::Obsolete),
        ]));
        assert!(
            tmx.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n")
        );
        for expected in [
            "<tmx version=\"1.4\">",
            " srclang=\"en\" ",
            " creationdate=\"20261225T010500Z\"",
            "<tu tuid=\"00000001\">\n      <note>Checked with the desk.</note>\n      \
             <prop type=\"x-l10n-article\">2019/visit</prop>\n      \
             <tuv xml:lang=\"en\"><seg>One &amp; &lt;two&gt;.</seg></tuv>\n      \
             <tuv xml:lang=\"ko\"><seg>하나 &amp; &lt;둘&gt;.</seg></tuv>\n    </tu>",
            "<tu tuid=\"00000009\">\n      <prop type=\"x-l10n-article\">2019/visit</prop>\n      \
             <prop type=\"x-l10n-state\">obsolete</prop>",
        ] {
            assert!(tmx.contains(expected), "{expected}\n---\n{tmx}");
        }
        for absent in ["00000002", "00000003", "0000000a", "옛 번역"] {
            assert!(!tmx.contains(absent), "{absent}\n---\n{tmx}");
        }
    }

    #[test]
    fn reads_back_what_it_writes_even_what_xml_cannot_carry() {
        let tricky = "a\u{7}b\r\n]]> \u{FFFF}\t\"'";
        let tmx = write(&document(vec![
            unit("00000001", "One.", "하나.", State::Current),
            unit("00000002", tricky, "둘\u{1b}.", State::Current),
            unit("00000009", "Gone.", "사라짐.", State::Obsolete),
        ]));
        assert!(
            tmx.contains("a<ph type=\"x-l10n-char\">U+0007</ph>b&#13;\n]]&gt; "),
            "{tmx}"
        );
        let sections = read_str(&tmx).unwrap();
        assert_eq!(sections.len(), 1);
        assert_eq!(sections[0].source_lang.as_deref(), Some("en"));
        assert_eq!(sections[0].line, 5);
        assert_eq!(sections[0].units[1].line, 10);
        let a = Some("2019/visit");
        assert_eq!(
            entries(&sections),
            [
                (a, "ko", "00000001", "One.", "하나.", State::Current),
                (a, "ko", "00000002", tricky, "둘\u{1b}.", State::Current),
                (a, "ko", "00000009", "Gone.", "사라짐.", State::Obsolete),
            ]
        );
    }

    #[test]
    fn reads_what_cat_tools_write() {
        // A memory a CAT tool joined and laid out its own way: a BOM, two
        // articles and two target languages, a unit with its own srclang,
        // inline codes, CDATA, entities, `lang` of TMX 1.3, a unit without
        // a translation, comments and notes.
        let tmx = "\u{feff}<?xml version=\"1.0\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n\
            <tmx version=\"1.4\">\n<header creationtool=\"x\" creationtoolversion=\"1\" \
            segtype=\"sentence\" o-tmf=\"x\" adminlang=\"en\" srclang=\"EN\" datatype=\"html\">\n\
            <note>joined</note></header>\n<body>\n\
            <tu tuid=\"1\">\n  <prop type=\"x-l10n-article\">a</prop>\n  \
              <tuv xml:lang=\"en\">\n    <seg>The <bpt i=\"1\">&lt;b&gt;</bpt>bold<ept i=\"1\">&lt;/b&gt;</ept> &amp; &#x263A;</seg>\n  </tuv>\n  \
              <tuv xml:lang=\"ko\"><seg><![CDATA[<굵게> &]]></seg></tuv>\n  \
              <tuv lang=\"ja\"><seg>太字</seg></tuv>\n</tu>\n\
            <!-- a comment -->\n\
            <tu tuid=\"2\"><prop type=\"x-l10n-article\">b</prop><tuv xml:lang=\"en\"><seg>Two.</seg></tuv></tu>\n\
            <tu tuid=\"3\" srclang=\"fr\"><prop type=\"x-l10n-article\">b</prop>\
              <tuv xml:lang=\"ko\"><seg>셋.</seg></tuv><tuv xml:lang=\"fr\"><seg>Trois.</seg></tuv></tu>\n\
            <tu tuid=\"4\"><prop type=\"x-l10n-article\">a</prop>\
              <tuv xml:lang=\"en\"><seg>Four.</seg></tuv><tuv xml:lang=\"ko\"><seg/></tuv></tu>\n\
            </body>\n</tmx>\n";
        let sections = read_str(tmx).unwrap();
        let (a, b) = (Some("a"), Some("b"));
        let bold = "The <b>bold</b> & \u{263A}";
        assert_eq!(
            entries(&sections),
            [
                (a, "ko", "1", bold, "<굵게> &", State::Current),
                (a, "ko", "4", "Four.", "", State::Missing),
                (a, "ja", "1", bold, "太字", State::Current),
                (b, "ko", "3", "Trois.", "셋.", State::Current),
            ]
        );
        assert_eq!(sections[0].source_lang.as_deref(), Some("en"));
        assert_eq!(sections[2].source_lang.as_deref(), Some("fr"));
        assert_eq!(sections[0].line, 7);
        assert_eq!(sections[1].line, 7);
        assert_eq!(sections[2].line, 17);
        // `*all*`: the first <tuv> is the source.
        let all = tmx.replace("srclang=\"EN\"", "srclang=\"*all*\"");
        let sections = read_str(&all).unwrap();
        assert_eq!(
            entries(&sections)[0],
            (a, "ko", "1", bold, "<굵게> &", State::Current)
        );
        assert_eq!(sections[0].source_lang.as_deref(), Some("en"));
    }

    #[test]
    fn refuses_entity_declarations_and_unknown_entities() {
        let laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE tmx [\n<!ENTITY lol \"lol\">\n\
            <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n]>\n\
            <tmx version=\"1.4\"><header srclang=\"en\"/><body><tu tuid=\"1\">\
            <tuv xml:lang=\"en\"><seg>&lol2;</seg></tuv></tu></body></tmx>\n";
        let error = read_str(laughs).unwrap_err();
        assert_eq!(error.location().map(|l| l.line), Some(2));
        assert!(format!("{:?}", error.message()).contains("declares entities"));
        let unknown = "<tmx version=\"1.4\"><header srclang=\"en\"/><body>\n<tu tuid=\"1\">\
            <tuv xml:lang=\"en\"><seg>&nbsp;</seg></tuv></tu></body></tmx>\n";
        let error = read_str(unknown).unwrap_err();
        assert_eq!(error.location().map(|l| l.line), Some(2));
        assert!(format!("{:?}", error.message()).contains("unknown entity &nbsp;"));
    }

    #[test]
    fn malformed_files_are_located() {
        let head = "<tmx version=\"1.4\">\n<header srclang=\"en\"/>\n<body>\n";
        let tu = |inner: &str| format!("{head}<tu tuid=\"1\">{inner}</tu>\n</body></tmx>\n");
        let seg = "<tuv xml:lang=\"en\"><seg>One.</seg></tuv>";
        for (tmx, line, reason) in [
            (
                format!("{head}<tu>{seg}</tu>\n</body></tmx>"),
                4,
                "without tuid",
            ),
            (
                tu("<tuv xml:lang=\"ko\"><seg>하나.</seg></tuv>"),
                4,
                "source language en",
            ),
            (
                tu(&format!("<prop type=\"x-l10n-state\">gone</prop>{seg}")),
                4,
                "unknown x-l10n-state",
            ),
            (tu("<tuv><seg>a</seg></tuv>"), 4, "without xml:lang"),
            (tu("<tuv xml:lang=\"en\"></tuv>"), 4, "without <seg>"),
            (
                tu("<tuv xml:lang=\"en\"><seg>&#7;</seg></tuv>"),
                4,
                "reference XML does not allow",
            ),
            (
                tu("<tuv xml:lang=\"en\"><seg>\u{7}</seg></tuv>"),
                4,
                "U+0007",
            ),
            (tu("<tuv xml:lang=\"en\"><seg>a</tuv>"), 4, "</seg>"),
            (format!("{head}<tu tuid=\"1\">\n{seg}\n"), 5, "ends before"),
            ("<xliff/>".to_string(), 1, "not <tmx>"),
            ("".to_string(), 1, "no <tmx>"),
            ("<tmx><body/></tmx>".to_string(), 1, "before a <header>"),
        ] {
            let error = read_str(&tmx).unwrap_err();
            let message = format!("{:?}", error.message());
            assert_eq!(
                error.location().map(|l| l.line),
                Some(line),
                "{tmx}\n{message}"
            );
            assert!(message.contains(reason), "{tmx}: {message}");
        }
    }
}
