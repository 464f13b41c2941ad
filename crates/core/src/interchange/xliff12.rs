//! XLIFF 1.2, what most CAT tools read (Trados, memoQ, OmegaT, Poedit,
//! the Translate Toolkit): an article's catalog as one `<file>`, and such
//! files read back. Valid against the strict 1.2 schema.
//!
//! The `<file>`'s `original` is the article's path; the article id is a
//! header note from `l10n-article` (the strict schema allows no attribute
//! of our own). Each segment is a `<trans-unit>` whose `id` is the segment
//! id: `<source>`, `<target state=…>` (`translated` and `approved="yes"`
//! for a current translation, `needs-review-translation` for an outdated
//! one, `needs-translation` and empty for a missing one), the source an
//! outdated translation was made from as an `<alt-trans
//! alttranstype="previous-version">`, the article line as a location
//! context group, and the catalog's comments as `<note from="translator">`.
//! Obsolete entries are left out: they have no source to translate.
//!
//! Inline Markdown is kept in inline codes that carry its text: `<ph>` for
//! code spans, HTML and autolinks, `<bpt>`/`<ept>` for the two ends of
//! emphasis and links; a character XML cannot carry is an
//! `<x ctype="x-l10n-char-HEX"/>`. Reading back, a target's `<ph>`,
//! `<bpt>` and `<ept>` stand for the source's code with the same id, and
//! its `<bpt>`s and `<ept>`s must pair up in order (a lone or crossed end
//! would be broken Markdown); where a tool dropped `xml:space="preserve"`,
//! the line breaks of its indentation are folded away.
use std::collections::HashMap;
use std::path::Path;

use super::inline::{Kind, Piece, split};
use super::xml::{
    Element, Lines, Node, escape_attribute, escape_text, fold_layout, parse, preserves_space,
    replace_unwritable,
};
use super::{Document, Entered, Section, State};
use crate::error::{Error, Location, Result};
use crate::msg;

pub const NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:1.2";

/// The `from` of the header note that names the article.
pub const ARTICLE_NOTE: &str = "l10n-article";

/// The `ctype` prefix of an `<x/>` that stands for a character XML cannot
/// carry, followed by its code point in hexadecimal.
const CHAR_CTYPE: &str = "x-l10n-char-";

/// The `.xlf` file of one article in one language.
pub fn write(document: &Document) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!("<xliff version=\"1.2\" xmlns=\"{NAMESPACE}\">\n"));
    out.push_str(&format!(
        "  <file original=\"{}\" source-language=\"{}\" target-language=\"{}\" \
         datatype=\"x-markdown\" tool-id=\"l10n\">\n",
        attribute(document.article_path),
        attribute(document.source_lang),
        attribute(document.lang),
    ));
    out.push_str("    <header>\n      <tool tool-id=\"l10n\" tool-name=\"l10n\"/>\n");
    out.push_str(&format!(
        "      <note from=\"{ARTICLE_NOTE}\">{}</note>\n    </header>\n    <body>\n",
        text(document.article)
    ));
    for unit in document.units.iter().filter(|u| u.state != State::Obsolete) {
        let (state, approved) = match unit.state {
            State::Current => ("translated", " approved=\"yes\""),
            State::Outdated => ("needs-review-translation", ""),
            _ => ("needs-translation", ""),
        };
        let translation = match unit.state {
            State::Missing => "",
            _ => unit.translation,
        };
        out.push_str(&format!(
            "      <trans-unit id=\"{}\" xml:space=\"preserve\"{approved}>\n",
            attribute(unit.id)
        ));
        let source = split(unit.source);
        out.push_str("        <source>");
        let codes = write_source(&source, &mut out);
        out.push_str(&format!("</source>\n        <target state=\"{state}\">"));
        write_target(&split(translation), &codes, &mut out);
        out.push_str("</target>\n");
        if let (State::Outdated, Some(previous)) = (unit.state, unit.previous_source) {
            out.push_str(
                "        <alt-trans alttranstype=\"previous-version\">\n          <source>",
            );
            let codes = write_source(&split(previous), &mut out);
            out.push_str("</source>\n          <target>");
            write_target(&split(translation), &codes, &mut out);
            out.push_str("</target>\n        </alt-trans>\n");
        }
        if let Some(line) = unit.line {
            out.push_str(&format!(
                "        <context-group purpose=\"location\">\
                 <context context-type=\"sourcefile\">{}</context>\
                 <context context-type=\"linenumber\">{line}</context></context-group>\n",
                text(document.article_path)
            ));
        }
        for comment in unit.comments {
            out.push_str(&format!(
                "        <note from=\"translator\">{}</note>\n",
                text(comment)
            ));
        }
        out.push_str("      </trans-unit>\n");
    }
    out.push_str("    </body>\n  </file>\n</xliff>\n");
    out
}

fn attribute(value: &str) -> String {
    escape_attribute(&replace_unwritable(value))
}

fn text(value: &str) -> String {
    escape_text(&replace_unwritable(value))
}

/// A code as written in a source: its element, text and id.
struct Code<'a> {
    element: &'static str,
    raw: &'a str,
    id: usize,
}

fn ctype(kind: Kind) -> &'static str {
    match kind {
        Kind::Emphasis => "italic",
        Kind::Strong => "bold",
        Kind::Link => "link",
        Kind::Strikethrough => "x-strikethrough",
        Kind::Image => "x-image",
        Kind::Code => "x-code",
        Kind::Html => "x-html",
        Kind::Autolink => "x-autolink",
    }
}

fn push_code(element: &str, id: usize, kind: Option<Kind>, raw: &str, out: &mut String) {
    out.push_str(&format!("<{element} id=\"{id}\""));
    if let Some(kind) = kind {
        out.push_str(&format!(" ctype=\"{}\"", ctype(kind)));
    }
    out.push_str(&format!(">{}</{element}>", escape_text(raw)));
}

fn push_char(c: char, out: &mut String) {
    out.push_str(&format!(
        "<x id=\"u{:x}\" ctype=\"{CHAR_CTYPE}{:x}\"/>",
        c as u32, c as u32
    ));
}

/// A source's pieces, codes numbered from 1 (a pair's two ends share
/// theirs); the codes written.
fn write_source<'a>(pieces: &[Piece<'a>], out: &mut String) -> Vec<Code<'a>> {
    let mut codes = Vec::new();
    let mut pair_ids: HashMap<usize, usize> = HashMap::new();
    for piece in pieces {
        match *piece {
            Piece::Text(raw) => out.push_str(&escape_text(raw)),
            Piece::Char(c) => push_char(c, out),
            Piece::Code { raw, kind } => {
                let id = codes.len() + 1;
                push_code("ph", id, Some(kind), raw, out);
                codes.push(Code {
                    element: "ph",
                    raw,
                    id,
                });
            }
            Piece::Open { raw, kind, pair } => {
                let id = codes.len() + 1;
                pair_ids.insert(pair, id);
                push_code("bpt", id, Some(kind), raw, out);
                codes.push(Code {
                    element: "bpt",
                    raw,
                    id,
                });
            }
            Piece::Close { raw, pair, .. } => {
                let id = pair_ids.get(&pair).copied().unwrap_or(codes.len() + 1);
                push_code("ept", id, None, raw, out);
                codes.push(Code {
                    element: "ept",
                    raw,
                    id,
                });
            }
        }
    }
    codes
}

/// A target's pieces: each code as the source's code with the same text
/// (so that reading it back gives this text), a pair as a source pair
/// whose two ends have the same texts (so that its `<bpt>` and `<ept>`
/// pair up as the reader wants them), or else as plain text.
fn write_target(pieces: &[Piece], codes: &[Code], out: &mut String) {
    let mut used = vec![false; codes.len()];
    let closes: HashMap<usize, &str> = pieces
        .iter()
        .filter_map(|p| match *p {
            Piece::Close { raw, pair, .. } => Some((pair, raw)),
            _ => None,
        })
        .collect();
    let ends: HashMap<usize, &str> = codes
        .iter()
        .filter(|c| c.element == "ept")
        .map(|c| (c.id, c.raw))
        .collect();
    // The source pair each pair of the translation is written as.
    let mut pair_ids: HashMap<usize, usize> = HashMap::new();
    for piece in pieces {
        if let Piece::Open { raw, pair, .. } = *piece {
            let close = closes.get(&pair).copied();
            let found = codes.iter().enumerate().position(|(i, c)| {
                !used[i] && c.element == "bpt" && c.raw == raw && ends.get(&c.id).copied() == close
            });
            if let Some(i) = found {
                used[i] = true;
                pair_ids.insert(pair, codes[i].id);
            }
        }
    }
    for piece in pieces {
        match *piece {
            Piece::Text(raw) => out.push_str(&escape_text(raw)),
            Piece::Char(c) => push_char(c, out),
            Piece::Code { raw, kind } => {
                let found = codes
                    .iter()
                    .enumerate()
                    .position(|(i, c)| !used[i] && c.element == "ph" && c.raw == raw);
                match found {
                    Some(i) => {
                        used[i] = true;
                        push_code("ph", codes[i].id, Some(kind), raw, out);
                    }
                    None => out.push_str(&escape_text(raw)),
                }
            }
            Piece::Open { raw, kind, pair } => match pair_ids.get(&pair) {
                Some(&id) => push_code("bpt", id, Some(kind), raw, out),
                None => out.push_str(&escape_text(raw)),
            },
            Piece::Close { raw, pair, .. } => match pair_ids.get(&pair) {
                Some(&id) => push_code("ept", id, None, raw, out),
                None => out.push_str(&escape_text(raw)),
            },
        }
    }
}

/// Reads an XLIFF 1.2 file: a [`Section`] per `<file>`, a unit per
/// `<trans-unit>` (in groups too).
pub fn read(path: &Path, text: &str) -> Result<Vec<Section>> {
    let fail = |offset: usize, reason: &str| {
        Error::invalid(
            Location::at(path, text, offset),
            msg!(
                "error-bad-exchange-file",
                format = "XLIFF 1.2",
                reason = reason
            ),
            msg!("help-bad-exchange-file"),
        )
    };
    let root = parse(text).map_err(|m| fail(m.offset, &m.reason))?;
    if root.name != "xliff" || root.namespace.as_deref() != Some(NAMESPACE) {
        return Err(fail(root.offset, "the root is not an XLIFF 1.2 <xliff>"));
    }
    let lines = Lines::new(text);
    let mut sections = Vec::new();
    for file in root.elements(NAMESPACE, "file") {
        let article = file
            .element(NAMESPACE, "header")
            .into_iter()
            .flat_map(|header| header.elements(NAMESPACE, "note"))
            .find(|note| note.attribute("from") == Some(ARTICLE_NOTE))
            .map(|note| note.text().trim().to_string());
        let mut section = Section {
            article,
            source_lang: file.attribute("source-language").map(str::to_string),
            lang: file.attribute("target-language").map(str::to_string),
            line: lines.line(file.offset),
            units: Vec::new(),
        };
        let body = file
            .element(NAMESPACE, "body")
            .ok_or_else(|| fail(file.offset, "a <file> without a <body>"))?;
        // Whitespace is the file's unless a tool says otherwise: without
        // `xml:space="preserve"` (l10n writes it on every unit) a tool
        // may have indented it.
        let preserve = [&root, file, body]
            .into_iter()
            .fold(false, |inherited, e| preserves_space(e, inherited));
        read_units(body, preserve, &lines, &mut section.units)
            .map_err(|(at, why)| fail(at, &why))?;
        sections.push(section);
    }
    Ok(sections)
}

type Failure = (usize, String);

fn read_units(
    parent: &Element,
    preserve: bool,
    lines: &Lines,
    units: &mut Vec<Entered>,
) -> Result<(), Failure> {
    for child in &parent.children {
        let Node::Element(element) = child else {
            continue;
        };
        if element.namespace.as_deref() != Some(NAMESPACE) {
            continue;
        }
        match element.name.as_str() {
            "group" => read_units(element, preserves_space(element, preserve), lines, units)?,
            "trans-unit" => units.push(read_unit(
                element,
                preserves_space(element, preserve),
                lines,
            )?),
            _ => {}
        }
    }
    Ok(())
}

fn read_unit(unit: &Element, preserve: bool, lines: &Lines) -> Result<Entered, Failure> {
    // The text of a <source> or <target>, its layout folded where a tool
    // may have indented it.
    let text = |element: &Element, text: String| {
        if preserves_space(element, preserve) {
            text
        } else {
            fold_layout(text)
        }
    };
    let id = unit
        .attribute("id")
        .ok_or_else(|| (unit.offset, "a <trans-unit> without an id".to_string()))?;
    let source_element = unit
        .element(NAMESPACE, "source")
        .ok_or_else(|| (unit.offset, "a <trans-unit> without a <source>".to_string()))?;
    let mut codes = HashMap::new();
    let source = text(source_element, content(source_element, &mut codes, true)?);
    let (translation, state_name) = match unit.element(NAMESPACE, "target") {
        Some(target) => (
            text(target, {
                paired(target, &mut Vec::new(), 0)?;
                content(target, &mut codes, false)?
            }),
            target.attribute("state"),
        ),
        None => (String::new(), None),
    };
    let previous_source = unit
        .elements(NAMESPACE, "alt-trans")
        .find(|alt| alt.attribute("alttranstype") == Some("previous-version"))
        .and_then(|alt| alt.element(NAMESPACE, "source"))
        .map(|previous| {
            Ok(text(
                previous,
                content(previous, &mut HashMap::new(), true)?,
            ))
        })
        .transpose()?;
    // A target still marked for translation or review is not a finished
    // translation: it comes back as outdated, so an import does not take
    // it for a current one.
    let state = if translation.is_empty() {
        State::Missing
    } else {
        match state_name {
            Some(
                "new"
                | "needs-translation"
                | "needs-adaptation"
                | "needs-l10n"
                | "needs-review-translation"
                | "needs-review-adaptation"
                | "needs-review-l10n",
            ) => State::Outdated,
            _ => State::Current,
        }
    };
    Ok(Entered {
        id: id.to_string(),
        source,
        translation,
        state,
        previous_source,
        line: lines.line(unit.offset),
    })
}

/// Checks that a target's `<bpt>`s and `<ept>`s pair up, each `<ept>`
/// closing the `<bpt>` with its id opened last (in the same `<mrk>`): the
/// two ends of a link or of emphasis, so that a dropped, doubled or
/// crossed end cannot make the translation broken Markdown. `open` holds
/// the `<bpt>`s open (id, offset), those from index `floor` on opened in
/// `element`.
fn paired(element: &Element, open: &mut Vec<(String, usize)>, floor: usize) -> Result<(), Failure> {
    for child in &element.children {
        let Node::Element(code) = child else {
            continue;
        };
        if code.namespace.as_deref() != Some(NAMESPACE) {
            continue;
        }
        let id = code.attribute("id").unwrap_or_default();
        match code.name.as_str() {
            "bpt" => open.push((id.to_string(), code.offset)),
            "ept" => {
                if open.len() > floor && open.last().is_some_and(|(last, _)| last == id) {
                    open.pop();
                } else {
                    return Err((
                        code.offset,
                        format!(
                            "the target's <ept id=\"{id}\"> does not close the <bpt> opened last \
                             (the two ends of a link or emphasis must stay in order)"
                        ),
                    ));
                }
            }
            "mrk" => paired(code, open, open.len())?,
            _ => {}
        }
    }
    match open.get(floor) {
        Some((id, offset)) => Err((
            *offset,
            format!(
                "the target's <bpt id=\"{id}\"> has no <ept> after it \
                 (the two ends of a link or emphasis must both stay)"
            ),
        )),
        None => Ok(()),
    }
}

/// The text of a `<source>` or `<target>`, codes replaced by their text:
/// a source's own, recorded in `codes` by element and id; for a target,
/// the source's code with the same element and id.
fn content(
    element: &Element,
    codes: &mut HashMap<(String, String), String>,
    is_source: bool,
) -> Result<String, Failure> {
    let mut out = String::new();
    for child in &element.children {
        let code = match child {
            Node::Text(text) => {
                out.push_str(text);
                continue;
            }
            Node::Element(code) => code,
        };
        let inside = code.namespace.as_deref() == Some(NAMESPACE);
        match code.name.as_str() {
            "mrk" if inside => out.push_str(&content(code, codes, is_source)?),
            "ph" | "bpt" | "ept" | "it" if inside => {
                let id = code
                    .attribute("id")
                    .ok_or_else(|| (code.offset, format!("a <{}> without an id", code.name)))?;
                let key = (code.name.clone(), id.to_string());
                if is_source {
                    let raw = code.text();
                    out.push_str(&raw);
                    codes.insert(key, raw);
                } else {
                    let raw = codes.get(&key).ok_or_else(|| {
                        (
                            code.offset,
                            format!(
                                "the target has a <{} id=\"{id}\"> its source has not",
                                code.name
                            ),
                        )
                    })?;
                    out.push_str(raw);
                }
            }
            "x" if inside => {
                let c = code
                    .attribute("ctype")
                    .and_then(|ctype| ctype.strip_prefix(CHAR_CTYPE))
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    .and_then(char::from_u32)
                    .ok_or_else(|| (code.offset, "an <x/> that l10n did not write".to_string()))?;
                out.push(c);
            }
            name => {
                return Err((
                    code.offset,
                    format!("an inline element <{name}> l10n does not read"),
                ));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interchange::testing::{self, document, round_trip};
    use crate::interchange::{Format, Unit};

    /// An entry on line 3 of the article, in its first block.
    fn unit<'a>(id: &'a str, source: &'a str, translation: &'a str, state: State) -> Unit<'a> {
        Unit {
            line: Some(3),
            block: Some(0),
            ..testing::unit(id, source, translation, state)
        }
    }

    fn read_one(xlf: &str) -> Section {
        testing::read_one(Format::Xliff12, xlf)
    }

    #[test]
    fn writes_states_codes_and_notes() {
        let comments = ["Checked <with> the desk.".to_string()];
        let mut current = unit(
            "00000001",
            "See [the docs](https://x.y) & `a`.",
            "`a` 및 [문서](https://x.y) 보기.",
            State::Current,
        );
        current.comments = &comments;
        let mut outdated = unit("00000003", "New **bold**.", "옛 **굵게**.", State::Outdated);
        outdated.previous_source = Some("Old **bold**.");
        let xlf = write(&document(vec![
            current,
            unit("00000002", "Two.", "", State::Missing),
            outdated,
            unit("00000009", "Gone.", "사라짐.", State::Obsolete),
        ]));
        for expected in [
            "<file original=\"articles/2019/visit.md\" source-language=\"en\" target-language=\"ko\" datatype=\"x-markdown\"",
            "<note from=\"l10n-article\">2019/visit</note>",
            "<trans-unit id=\"00000001\" xml:space=\"preserve\" approved=\"yes\">",
            "<source>See <bpt id=\"1\" ctype=\"link\">[</bpt>the docs<ept id=\"1\">](https://x.y)</ept> &amp; <ph id=\"3\" ctype=\"x-code\">`a`</ph>.</source>",
            "<target state=\"translated\"><ph id=\"3\" ctype=\"x-code\">`a`</ph> 및 <bpt id=\"1\" ctype=\"link\">[</bpt>문서<ept id=\"1\">](https://x.y)</ept> 보기.</target>",
            "<note from=\"translator\">Checked &lt;with&gt; the desk.</note>",
            "<target state=\"needs-translation\"></target>",
            "<target state=\"needs-review-translation\">",
            "<alt-trans alttranstype=\"previous-version\">\n          <source>Old <bpt id=\"1\" ctype=\"bold\">**</bpt>bold<ept id=\"1\">**</ept>.</source>",
            "<context context-type=\"linenumber\">3</context>",
        ] {
            assert!(xlf.contains(expected), "{expected}\n---\n{xlf}");
        }
        assert!(
            !xlf.contains("Gone."),
            "obsolete entries are left out:\n{xlf}"
        );
    }

    #[test]
    fn reads_back_what_it_writes() {
        let mut outdated = unit(
            "id with <odd> \"chars\"",
            "New *a*\u{7} <b>x</b>\r\n`c`",
            "옛 *가*\u{7} `c`",
            State::Outdated,
        );
        outdated.previous_source = Some("Old\u{1} `c`");
        let units = vec![
            unit(
                "00000001",
                "One & [two](u \"t\").",
                "하나 [둘](u \"t\") **새**.",
                State::Current,
            ),
            unit("00000002", "Two.", "", State::Missing),
            outdated,
        ];
        let section = round_trip(Format::Xliff12, &units);
        assert_eq!(section.line, 3);
        assert_eq!(section.units[0].line, 9);
    }

    #[test]
    fn a_targets_codes_take_the_sources_text() {
        let xlf = write(&document(vec![unit("1", "A `x` b.", "", State::Missing)]));
        // A translator (or a tool) fills the target, keeping the code but
        // not its text, and marks it translated.
        let filled = xlf.replace(
            "<target state=\"needs-translation\"></target>",
            "<target state=\"translated\">가 <ph id=\"1\">?</ph> 나.</target>",
        );
        let section = read_one(&filled);
        assert_eq!(section.units[0].translation, "가 `x` 나.");
        assert_eq!(section.units[0].state, State::Current);
        let stranger = xlf.replace(
            "<target state=\"needs-translation\"></target>",
            "<target>가 <ph id=\"7\">`y`</ph></target>",
        );
        let error = read(Path::new("x.xlf"), &stranger).unwrap_err();
        assert!(
            format!("{:?}", error.message()).contains("id=\\\"7\\\""),
            "{error:?}"
        );
        assert_eq!(error.location().map(|l| l.line), Some(11));
    }

    #[test]
    fn pairs_stay_pairs_both_ways() {
        // A translation whose link goes elsewhere than the source's: its
        // ends are text, so the export reads back as it is.
        let units = vec![unit(
            "1",
            "[a](u) and *b* [c](v).",
            "[가](w) *나* [다](v) [라](u).",
            State::Current,
        )];
        let xlf = write(&document(units));
        assert!(
            xlf.contains("[가](w) <bpt id=\"3\" ctype=\"italic\">*</bpt>나<ept id=\"3\">*</ept> <bpt id=\"5\""),
            "{xlf}"
        );
        let section = read_one(&xlf);
        assert_eq!(
            section.units[0].translation,
            "[가](w) *나* [다](v) [라](u)."
        );
        // A target that drops, doubles or crosses one end is refused.
        let filled = |target: &str| {
            xlf.replace(
                &xlf[xlf.find("<target").unwrap()..xlf.find("</target>").unwrap()],
                &format!("<target state=\"translated\">{target}"),
            )
        };
        for (target, reason) in [
            ("<bpt id=\"1\">[</bpt>가", "<bpt id=\"1\"> has no <ept>"),
            (
                "가<ept id=\"1\">](u)</ept>",
                "<ept id=\"1\"> does not close",
            ),
            (
                "<bpt id=\"1\">[</bpt><bpt id=\"3\">*</bpt>가<ept id=\"1\">](u)</ept><ept id=\"3\">*</ept>",
                "<ept id=\"1\"> does not close",
            ),
            (
                "<mrk mtype=\"seg\"><bpt id=\"1\">[</bpt></mrk>가<ept id=\"1\">](u)</ept>",
                "has no <ept>",
            ),
        ] {
            let error = read(Path::new("x.xlf"), &filled(target)).unwrap_err();
            let message = format!("{:?}", error.message());
            assert!(
                message.contains(&reason.replace('"', "\\\"")),
                "{target}: {message}"
            );
        }
        let good = filled(
            "<bpt id=\"3\">*</bpt>가<ept id=\"3\">*</ept> <bpt id=\"1\">[</bpt>나<ept id=\"1\">](u)</ept>",
        );
        assert_eq!(read_one(&good).units[0].translation, "*가* [나](u)");
    }

    #[test]
    fn an_indented_file_without_preserved_space_is_folded() {
        let xlf = write(&document(vec![unit("1", "A `x` b.", "", State::Missing)]));
        let indented = xlf.replace(" xml:space=\"preserve\"", "").replace(
            "<target state=\"needs-translation\"></target>",
            "<target state=\"translated\">\n          가\n          <ph id=\"1\"/>  나.\n        </target>",
        );
        let unit = &read_one(&indented).units[0];
        assert_eq!(
            (unit.source.as_str(), unit.translation.as_str()),
            ("A `x` b.", "가 `x`  나.")
        );
        // Where l10n's `preserve` stays, what the tool wrote is the text.
        let kept = indented.replace(
            "<trans-unit id=\"1\"",
            "<trans-unit id=\"1\" xml:space=\"preserve\"",
        );
        assert_eq!(
            read_one(&kept).units[0].translation,
            "\n          가\n          `x`  나.\n        "
        );
    }

    #[test]
    fn malformed_files_are_located() {
        let xlf = write(&document(vec![unit("1", "A.", "가.", State::Current)]));
        for (bad, line, reason) in [
            (xlf.replace("<body>", "<body><x>"), 0, "</body>"),
            (
                xlf.replace("xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"", ""),
                2,
                "not an XLIFF 1.2",
            ),
            (xlf.replace(" id=\"1\"", ""), 9, "without an id"),
            (xlf.replace("가.", "<g id=\"1\">가.</g>"), 11, "<g>"),
            (
                format!("<!DOCTYPE x [<!ENTITY a \"b\">]>\n{}", &xlf[39..]),
                1,
                "internal subset",
            ),
            (xlf.replace("가.", "&ent;"), 11, "&ent;"),
        ] {
            let error = read(Path::new("x.xlf"), &bad).unwrap_err();
            if line > 0 {
                assert_eq!(error.location().map(|l| l.line), Some(line), "{bad}");
            }
            let message = format!("{:?}", error.message());
            assert!(message.contains(reason), "{reason}: {message}");
        }
    }
}
