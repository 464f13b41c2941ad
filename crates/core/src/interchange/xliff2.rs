//! XLIFF 2.0: an article's catalog as one `<file>`, and such files read
//! back. Valid against the XLIFF 2.0 core schema.
//!
//! The `<file>`'s `original` is the article's path, its `id` the article
//! id as a name token, and a note of category `l10n-article` names the
//! article. Each block of the article (a paragraph, heading, list item) is
//! a `<unit>`, so CAT tools show a sentence with its paragraph; each of
//! its sentences is a `<segment>` whose `id` is the segment id (as a name
//! token: `_` doubled, other characters that are not name characters as
//! `_xHEX_`), separated by `<ignorable>` spaces, and the file says
//! `canResegment="no"` (segments are catalog entries). States: `translated`
//! for a current translation, `initial` for a missing one (no `<target>`)
//! and for an outdated one (its old translation as the target, so a
//! translator marking it `translated` is what makes it current again).
//! The source an outdated translation was made from is a unit note of
//! category `l10n-previous-source` whose id is `previous-` and the
//! segment's; the catalog's comments are notes of category `comment`.
//! Obsolete entries are left out.
//!
//! Inline Markdown is kept as codes: `<ph>` for code spans, HTML and
//! autolinks, `<pc>` around emphasis and link text, their text in the
//! unit's `<originalData>`; a character XML cannot carry is a `<cp>`.
//! Reading back, a target's codes stand for the source's code with the
//! same id, in the same unit, and its `<sc>`s and `<ec>`s must pair up in
//! order; where a tool dropped `xml:space="preserve"`, the line breaks of
//! its indentation are folded away.
use std::collections::HashMap;
use std::path::Path;

use super::inline::{Kind, Piece, split};
use super::xml::{
    Element, Lines, Node, escape_attribute, escape_text, fold_layout, from_name_token, name_token,
    parse, preserves_space, replace_unwritable,
};
use super::{Document, Entered, Section, State, Unit};
use crate::error::{Error, Location, Result};
use crate::msg;

pub const NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:2.0";

/// The category of the file note that names the article.
pub const ARTICLE_NOTE: &str = "l10n-article";

/// The category of a unit note holding a segment's previous source.
pub const PREVIOUS_NOTE: &str = "l10n-previous-source";

/// The `.xlf` file of one article in one language.
pub fn write(document: &Document) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<xliff xmlns=\"{NAMESPACE}\" version=\"2.0\" srcLang=\"{}\" trgLang=\"{}\">\n",
        attribute(document.source_lang),
        attribute(document.lang)
    ));
    out.push_str(&format!(
        "  <file id=\"{}\" original=\"{}\" canResegment=\"no\">\n",
        name_token(document.article),
        attribute(document.article_path)
    ));
    out.push_str(&format!(
        "    <notes>\n      <note category=\"{ARTICLE_NOTE}\">{}</note>\n    </notes>\n",
        text(document.article)
    ));
    let live: Vec<&Unit> = document
        .units
        .iter()
        .filter(|u| u.state != State::Obsolete)
        .collect();
    // One unit per block: consecutive segments of the same block; a
    // segment whose block is not known is a unit of its own.
    let mut start = 0;
    while start < live.len() {
        let block = live[start].block;
        let mut end = start + 1;
        while block.is_some() && end < live.len() && live[end].block == block {
            end += 1;
        }
        let id = match block {
            Some(block) => format!("b{block}"),
            None => format!("s-{}", name_token(live[start].id)),
        };
        write_unit(&id, &live[start..end], &mut out);
        start = end;
    }
    // The schema wants at least one unit in a file.
    if live.is_empty() {
        out.push_str(
            "    <unit id=\"empty\" translate=\"no\">\n      <segment>\n        <source></source>\n      </segment>\n    </unit>\n",
        );
    }
    out.push_str("  </file>\n</xliff>\n");
    out
}

fn attribute(value: &str) -> String {
    escape_attribute(&replace_unwritable(value))
}

fn text(value: &str) -> String {
    escape_text(&replace_unwritable(value))
}

/// A code as written in a unit's sources: its id, its text (both ends of
/// a pair), and the data ids holding them.
struct Code<'a> {
    id: String,
    start: &'a str,
    end: Option<&'a str>,
    data: (String, Option<String>),
}

fn code_type(kind: Kind) -> &'static str {
    match kind {
        Kind::Emphasis | Kind::Strong | Kind::Strikethrough | Kind::Html | Kind::Code => "fmt",
        Kind::Link | Kind::Autolink => "link",
        Kind::Image => "image",
    }
}

fn write_unit(id: &str, units: &[&Unit], out: &mut String) {
    let tokens: Vec<String> = units.iter().map(|u| name_token(u.id)).collect();
    // Code ids must differ from the unit's segment ids.
    let mut next_code = 0;
    let mut code_id = || loop {
        next_code += 1;
        let id = format!("c{next_code}");
        if !tokens.contains(&id) {
            return id;
        }
    };
    let mut data: Vec<(String, &str)> = Vec::new();
    let mut segments = String::new();
    for (unit, token) in units.iter().zip(&tokens) {
        if !segments.is_empty() {
            segments
                .push_str("      <ignorable>\n        <source> </source>\n      </ignorable>\n");
        }
        let state = match unit.state {
            State::Current => "translated",
            _ => "initial",
        };
        segments.push_str(&format!(
            "      <segment id=\"{token}\" state=\"{state}\"{}>\n        <source>",
            if unit.state == State::Outdated {
                " subState=\"l10n:outdated\""
            } else {
                ""
            }
        ));
        let mut codes = Vec::new();
        let pieces = split(unit.source);
        for &piece in &pieces {
            match piece {
                Piece::Text(raw) => segments.push_str(&escape_text(raw)),
                Piece::Char(c) => push_char(c, &mut segments),
                Piece::Code { raw, kind } => {
                    let code = Code {
                        id: code_id(),
                        start: raw,
                        end: None,
                        data: (format!("d{}", data.len() + 1), None),
                    };
                    data.push((code.data.0.clone(), raw));
                    segments.push_str(&format!(
                        "<ph id=\"{}\" dataRef=\"{}\" type=\"{}\"/>",
                        code.id,
                        code.data.0,
                        code_type(kind)
                    ));
                    codes.push(code);
                }
                Piece::Open { raw, kind, pair } => {
                    let close = pieces
                        .iter()
                        .find_map(|&p| match p {
                            Piece::Close { raw, pair: p, .. } if p == pair => Some(raw),
                            _ => None,
                        })
                        .unwrap_or("");
                    let start_data = format!("d{}", data.len() + 1);
                    data.push((start_data.clone(), raw));
                    let end_data = format!("d{}", data.len() + 1);
                    data.push((end_data.clone(), close));
                    let code = Code {
                        id: code_id(),
                        start: raw,
                        end: Some(close),
                        data: (start_data, Some(end_data)),
                    };
                    push_pc_start(&code, kind, &mut segments);
                    codes.push(code);
                }
                Piece::Close { .. } => segments.push_str("</pc>"),
            }
        }
        segments.push_str("</source>\n");
        if unit.state != State::Missing && !unit.translation.is_empty() {
            segments.push_str("        <target>");
            write_target(unit.translation, &codes, &mut segments);
            segments.push_str("</target>\n");
        }
        segments.push_str("      </segment>\n");
    }
    out.push_str(&format!("    <unit id=\"{id}\" xml:space=\"preserve\">\n"));
    let mut notes = String::new();
    for (unit, token) in units.iter().zip(&tokens) {
        if let (State::Outdated, Some(previous)) = (unit.state, unit.previous_source) {
            notes.push_str(&format!(
                "        <note id=\"previous-{token}\" category=\"{PREVIOUS_NOTE}\" appliesTo=\"source\">{}</note>\n",
                text(previous)
            ));
        }
        for (n, comment) in unit.comments.iter().enumerate() {
            notes.push_str(&format!(
                "        <note id=\"comment-{}-{token}\" category=\"comment\">{}</note>\n",
                n + 1,
                text(comment)
            ));
        }
    }
    if !notes.is_empty() {
        out.push_str(&format!("      <notes>\n{notes}      </notes>\n"));
    }
    if !data.is_empty() {
        out.push_str("      <originalData>\n");
        for (id, raw) in &data {
            out.push_str(&format!(
                "        <data id=\"{id}\">{}</data>\n",
                escape_text(raw)
            ));
        }
        out.push_str("      </originalData>\n");
    }
    out.push_str(&segments);
    out.push_str("    </unit>\n");
}

fn push_char(c: char, out: &mut String) {
    out.push_str(&format!("<cp hex=\"{:04X}\"/>", c as u32));
}

fn push_pc_start(code: &Code, kind: Kind, out: &mut String) {
    out.push_str(&format!(
        "<pc id=\"{}\" dataRefStart=\"{}\" dataRefEnd=\"{}\" type=\"{}\">",
        code.id,
        code.data.0,
        code.data.1.as_deref().unwrap_or(""),
        code_type(kind)
    ));
}

/// A translation's pieces: each code as the source's code with the same
/// text (a pair: the same text at both ends), or as plain text where the
/// source has none.
fn write_target(translation: &str, codes: &[Code], out: &mut String) {
    let pieces = split(translation);
    let mut used = vec![false; codes.len()];
    // Whether each open pair of the translation became a <pc>.
    let mut opened: HashMap<usize, bool> = HashMap::new();
    for piece in &pieces {
        match *piece {
            Piece::Text(raw) => out.push_str(&escape_text(raw)),
            Piece::Char(c) => push_char(c, out),
            Piece::Code { raw, kind } => {
                match codes
                    .iter()
                    .enumerate()
                    .position(|(i, c)| !used[i] && c.end.is_none() && c.start == raw)
                {
                    Some(i) => {
                        used[i] = true;
                        out.push_str(&format!(
                            "<ph id=\"{}\" dataRef=\"{}\" type=\"{}\"/>",
                            codes[i].id,
                            codes[i].data.0,
                            code_type(kind)
                        ));
                    }
                    None => out.push_str(&escape_text(raw)),
                }
            }
            Piece::Open { raw, kind, pair } => {
                let close = pieces.iter().find_map(|p| match *p {
                    Piece::Close { raw, pair: p, .. } if p == pair => Some(raw),
                    _ => None,
                });
                let found = codes.iter().enumerate().position(|(i, c)| {
                    !used[i] && c.start == raw && c.end.is_some() && c.end == close
                });
                opened.insert(pair, found.is_some());
                match found {
                    Some(i) => {
                        used[i] = true;
                        push_pc_start(&codes[i], kind, out);
                    }
                    None => out.push_str(&escape_text(raw)),
                }
            }
            Piece::Close { raw, pair, .. } => {
                if opened.get(&pair).copied().unwrap_or(false) {
                    out.push_str("</pc>");
                } else {
                    out.push_str(&escape_text(raw));
                }
            }
        }
    }
}

type Failure = (usize, String);

/// Reads an XLIFF 2.0 file: a [`Section`] per `<file>`, a unit per
/// `<segment>` (in every `<unit>`, in groups too).
pub fn read(path: &Path, text: &str) -> Result<Vec<Section>> {
    let fail = |offset: usize, reason: &str| {
        Error::invalid(
            Location::at(path, text, offset),
            msg!(
                "error-bad-exchange-file",
                format = "XLIFF 2.0",
                reason = reason
            ),
            msg!("help-bad-exchange-file"),
        )
    };
    let root = parse(text).map_err(|m| fail(m.offset, &m.reason))?;
    if root.name != "xliff" || root.namespace.as_deref() != Some(NAMESPACE) {
        return Err(fail(root.offset, "the root is not an XLIFF 2.0 <xliff>"));
    }
    let lines = Lines::new(text);
    let mut sections = Vec::new();
    for file in root.elements(NAMESPACE, "file") {
        let article = notes(file)
            .find(|note| note.attribute("category") == Some(ARTICLE_NOTE))
            .map(|note| note.text().trim().to_string());
        let mut section = Section {
            article,
            source_lang: root.attribute("srcLang").map(str::to_string),
            lang: root.attribute("trgLang").map(str::to_string),
            line: lines.line(file.offset),
            units: Vec::new(),
        };
        // Whitespace is the file's unless a tool says otherwise: without
        // `xml:space="preserve"` (l10n writes it on every unit) a tool
        // may have indented it.
        let preserve = preserves_space(file, preserves_space(&root, false));
        read_units(file, preserve, &lines, &mut section.units)
            .map_err(|(at, why)| fail(at, &why))?;
        sections.push(section);
    }
    Ok(sections)
}

fn notes(parent: &Element) -> impl Iterator<Item = &Element> {
    parent
        .element(NAMESPACE, "notes")
        .into_iter()
        .flat_map(|notes| notes.elements(NAMESPACE, "note"))
}

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
            "unit" => read_unit(element, preserves_space(element, preserve), lines, units)?,
            _ => {}
        }
    }
    Ok(())
}

/// A source's code: the text it stands for, both ends for a pair.
#[derive(Debug, Clone)]
enum Known {
    Alone(String),
    Pair(String, String),
}

fn read_unit(
    unit: &Element,
    preserve: bool,
    lines: &Lines,
    units: &mut Vec<Entered>,
) -> Result<(), Failure> {
    // The text of a <source> or <target>, its layout folded where a tool
    // may have indented it.
    let text = |element: &Element, text: String| {
        if preserves_space(element, preserve) {
            text
        } else {
            fold_layout(text)
        }
    };
    if unit.attribute("translate") == Some("no") {
        return Ok(());
    }
    let mut data: HashMap<&str, String> = HashMap::new();
    for item in unit
        .element(NAMESPACE, "originalData")
        .into_iter()
        .flat_map(|d| d.elements(NAMESPACE, "data"))
    {
        let id = item
            .attribute("id")
            .ok_or_else(|| (item.offset, "a <data> without an id".to_string()))?;
        data.insert(id, plain(item)?);
    }
    let previous: HashMap<&str, String> = notes(unit)
        .filter(|note| note.attribute("category") == Some(PREVIOUS_NOTE))
        .filter_map(|note| {
            let token = note.attribute("id")?.strip_prefix("previous-")?;
            Some((token, note.text()))
        })
        .collect();
    let segments: Vec<&Element> = unit.elements(NAMESPACE, "segment").collect();
    // Every source first: a target may use any code of its unit.
    let mut codes: HashMap<String, Known> = HashMap::new();
    let mut sources = Vec::with_capacity(segments.len());
    for segment in &segments {
        let source = segment
            .element(NAMESPACE, "source")
            .ok_or_else(|| (segment.offset, "a <segment> without a <source>".to_string()))?;
        sources.push(text(source, content(source, &data, &mut codes, true)?));
    }
    for (segment, source) in segments.iter().zip(sources) {
        let token = segment
            .attribute("id")
            .ok_or_else(|| (segment.offset, "a <segment> without an id".to_string()))?;
        let id = from_name_token(token).ok_or_else(|| {
            (
                segment.offset,
                format!("a segment id l10n did not write ({token})"),
            )
        })?;
        let translation = match segment.element(NAMESPACE, "target") {
            Some(target) => {
                paired(target, &mut Vec::new(), 0)?;
                text(target, content(target, &data, &mut codes, false)?)
            }
            None => String::new(),
        };
        // `initial` with a target is a draft (an outdated translation as
        // exported); `translated`, `reviewed` and `final` are translations.
        let state = if translation.is_empty() {
            State::Missing
        } else if segment.attribute("state").unwrap_or("initial") == "initial" {
            State::Outdated
        } else {
            State::Current
        };
        units.push(Entered {
            previous_source: previous.get(token).cloned(),
            id,
            source,
            translation,
            state,
            line: lines.line(segment.offset),
        });
    }
    Ok(())
}

/// Checks that a target's `<sc>`s and `<ec>`s pair up, each `<ec>`
/// closing the `<sc>` opened last (in the same `<pc>` or `<mrk>`): the two
/// ends of a link or of emphasis, so that a dropped, doubled or crossed
/// end cannot make the translation broken Markdown (l10n's segments are
/// entries of their own: a pair cannot span two). `open` holds the
/// `<sc>`s open (id, offset), those from index `floor` on opened in
/// `element`.
fn paired(element: &Element, open: &mut Vec<(String, usize)>, floor: usize) -> Result<(), Failure> {
    for child in &element.children {
        let Node::Element(code) = child else {
            continue;
        };
        if code.namespace.as_deref() != Some(NAMESPACE) {
            continue;
        }
        match code.name.as_str() {
            "sc" => open.push((
                code.attribute("id").unwrap_or_default().to_string(),
                code.offset,
            )),
            "ec" => {
                let id = code
                    .attribute("startRef")
                    .or_else(|| code.attribute("id"))
                    .unwrap_or_default();
                if open.len() > floor && open.last().is_some_and(|(last, _)| last == id) {
                    open.pop();
                } else {
                    return Err((
                        code.offset,
                        format!(
                            "the target's <ec> of \"{id}\" does not close the <sc> opened last \
                             (the two ends of a link or emphasis must stay in order)"
                        ),
                    ));
                }
            }
            "pc" | "mrk" => paired(code, open, open.len())?,
            _ => {}
        }
    }
    match open.get(floor) {
        Some((id, offset)) => Err((
            *offset,
            format!(
                "the target's <sc id=\"{id}\"> has no <ec> after it \
                 (the two ends of a link or emphasis must both stay)"
            ),
        )),
        None => Ok(()),
    }
}

/// The text of a `<data>`: characters and `<cp>`s.
fn plain(element: &Element) -> Result<String, Failure> {
    let mut out = String::new();
    for child in &element.children {
        match child {
            Node::Text(text) => out.push_str(text),
            Node::Element(e) if e.name == "cp" => out.push(code_point(e)?),
            Node::Element(e) => {
                return Err((e.offset, format!("an element <{}> in <data>", e.name)));
            }
        }
    }
    Ok(out)
}

fn code_point(cp: &Element) -> Result<char, Failure> {
    cp.attribute("hex")
        .and_then(|hex| u32::from_str_radix(hex, 16).ok())
        .and_then(char::from_u32)
        .ok_or_else(|| (cp.offset, "a <cp> without a valid hex".to_string()))
}

/// The text of a `<source>` or `<target>`, codes replaced by their text:
/// a source's own (from `<originalData>`), recorded in `codes` by id; for
/// a target, the source's code with the same id.
fn content(
    element: &Element,
    data: &HashMap<&str, String>,
    codes: &mut HashMap<String, Known>,
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
        if code.namespace.as_deref() != Some(NAMESPACE) {
            return Err((
                code.offset,
                format!("an element <{}> in a segment", code.name),
            ));
        }
        let id = || {
            code.attribute("id")
                .or_else(|| code.attribute("startRef").filter(|_| code.name == "ec"))
                .ok_or_else(|| (code.offset, format!("a <{}> without an id", code.name)))
        };
        let data_of = |name: &str| -> Result<String, Failure> {
            let reference = code
                .attribute(name)
                .ok_or_else(|| (code.offset, format!("a <{}> without {name}", code.name)))?;
            data.get(reference).cloned().ok_or_else(|| {
                (
                    code.offset,
                    format!("{name}=\"{reference}\" is not in <originalData>"),
                )
            })
        };
        let known = |codes: &HashMap<String, Known>, id: &str| {
            codes.get(id).cloned().ok_or_else(|| {
                (
                    code.offset,
                    format!(
                        "the target has a <{} id=\"{id}\"> its source has not",
                        code.name
                    ),
                )
            })
        };
        match code.name.as_str() {
            "cp" => out.push(code_point(code)?),
            "mrk" => out.push_str(&content(code, data, codes, is_source)?),
            "sm" | "em" => {}
            "ph" if is_source => {
                let raw = data_of("dataRef")?;
                out.push_str(&raw);
                codes.insert(id()?.to_string(), Known::Alone(raw));
            }
            "pc" if is_source => {
                let (start, end) = (data_of("dataRefStart")?, data_of("dataRefEnd")?);
                out.push_str(&start);
                out.push_str(&content(code, data, codes, is_source)?);
                out.push_str(&end);
                codes.insert(id()?.to_string(), Known::Pair(start, end));
            }
            "ph" | "pc" | "sc" | "ec" if !is_source => {
                let text = match (code.name.as_str(), known(codes, id()?)?) {
                    ("ph", Known::Alone(raw)) => raw,
                    ("pc", Known::Pair(start, end)) => {
                        format!("{start}{}{end}", content(code, data, codes, is_source)?)
                    }
                    ("sc", Known::Pair(start, _)) => start,
                    ("ec", Known::Pair(_, end)) => end,
                    (name, _) => {
                        return Err((
                            code.offset,
                            format!("a <{name}> for a code of another kind in the source"),
                        ));
                    }
                };
                out.push_str(&text);
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
    use crate::interchange::Format;
    use crate::interchange::testing::{self, document, round_trip};

    /// An entry on line 1 of the article, in block `block`.
    fn unit<'a>(
        id: &'a str,
        block: usize,
        source: &'a str,
        translation: &'a str,
        state: State,
    ) -> Unit<'a> {
        Unit {
            line: Some(1),
            block: Some(block),
            ..testing::unit(id, source, translation, state)
        }
    }

    fn read_one(xlf: &str) -> Section {
        testing::read_one(Format::Xliff2, xlf)
    }

    #[test]
    fn a_unit_per_block_a_segment_per_sentence() {
        let comments = ["Ask the desk.".to_string()];
        let mut one = unit(
            "00000001",
            0,
            "One *a* `x`.",
            "하나 `x` *가*.",
            State::Current,
        );
        one.comments = &comments;
        let mut three = unit("0000_3", 1, "Three.", "셋.", State::Outdated);
        three.previous_source = Some("Old three.");
        let xlf = write(&document(vec![
            one,
            unit("00000002", 0, "Two.", "", State::Missing),
            three,
            unit("00000009", 0, "Gone.", "사라짐.", State::Obsolete),
        ]));
        for expected in [
            "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"ko\">",
            "<file id=\"2019_x2f_visit\" original=\"articles/2019/visit.md\" canResegment=\"no\">",
            "<note category=\"l10n-article\">2019/visit</note>",
            "<unit id=\"b0\" xml:space=\"preserve\">",
            "<note id=\"comment-1-00000001\" category=\"comment\">Ask the desk.</note>",
            "<data id=\"d1\">*</data>\n        <data id=\"d2\">*</data>\n        <data id=\"d3\">`x`</data>",
            "<segment id=\"00000001\" state=\"translated\">\n        <source>One <pc id=\"c1\" dataRefStart=\"d1\" dataRefEnd=\"d2\" type=\"fmt\">a</pc> <ph id=\"c2\" dataRef=\"d3\" type=\"fmt\"/>.</source>\n        <target>하나 <ph id=\"c2\" dataRef=\"d3\" type=\"fmt\"/> <pc id=\"c1\" dataRefStart=\"d1\" dataRefEnd=\"d2\" type=\"fmt\">가</pc>.</target>",
            "<ignorable>\n        <source> </source>\n      </ignorable>\n      <segment id=\"00000002\" state=\"initial\">\n        <source>Two.</source>\n      </segment>\n    </unit>",
            "<unit id=\"b1\" xml:space=\"preserve\">",
            "<note id=\"previous-0000__3\" category=\"l10n-previous-source\" appliesTo=\"source\">Old three.</note>",
            "<segment id=\"0000__3\" state=\"initial\" subState=\"l10n:outdated\">",
        ] {
            assert!(xlf.contains(expected), "{expected}\n---\n{xlf}");
        }
        assert!(!xlf.contains("Gone."), "{xlf}");
    }

    #[test]
    fn reads_back_what_it_writes() {
        let mut outdated = unit(
            "a b/c",
            2,
            "New *a*\u{7} <b>x</b>\r\n`c`",
            "옛 *가*\u{7} `c` `d`",
            State::Outdated,
        );
        outdated.previous_source = Some("Old `c`");
        let units = vec![
            unit(
                "c1",
                1,
                "One & [two](u \"t\").",
                "하나 [둘](u \"t\") **새**.",
                State::Current,
            ),
            unit("00000002", 1, "Two.", "", State::Missing),
            outdated,
        ];
        round_trip(Format::Xliff2, &units);
    }

    #[test]
    fn a_targets_codes_take_the_sources_text_in_its_unit() {
        let xlf = write(&document(vec![
            unit("1", 0, "A `x` b.", "", State::Missing),
            unit("2", 0, "C *d*.", "", State::Missing),
        ]));
        let filled = xlf.replace(
            "<segment id=\"1\" state=\"initial\">\n        <source>A <ph id=\"c1\" dataRef=\"d1\" type=\"fmt\"/> b.</source>\n",
            "<segment id=\"1\" state=\"translated\">\n        <source>A <ph id=\"c1\" dataRef=\"d1\" type=\"fmt\"/> b.</source>\n        <target><sc id=\"c2\"/>가<ec startRef=\"c2\"/> <ph id=\"c1\"/><cp hex=\"0007\"/></target>\n",
        );
        assert_ne!(filled, xlf);
        let section = read_one(&filled);
        assert_eq!(section.units[0].translation, "*가* `x`\u{7}");
        assert_eq!(section.units[0].state, State::Current);
        let stranger = filled.replace("<ph id=\"c1\"/>", "<ph id=\"c9\"/>");
        let error = read(Path::new("x.xlf"), &stranger).unwrap_err();
        assert!(format!("{:?}", error.message()).contains("c9"), "{error:?}");
        assert_eq!(error.location().map(|l| l.line), Some(15));
    }

    #[test]
    fn a_targets_pairs_pair_up_and_indentation_is_folded() {
        let xlf = write(&document(vec![unit(
            "1",
            0,
            "A *b* c.",
            "",
            State::Missing,
        )]));
        let filled = |target: &str| {
            xlf.replace(
                "<segment id=\"1\" state=\"initial\">",
                "<segment id=\"1\" state=\"translated\">",
            )
            .replace(
                "c.</source>\n",
                &format!("c.</source>\n<target>{target}</target>\n"),
            )
        };
        for (target, reason) in [
            ("<sc id=\"c1\"/>가", "<sc id=\\\"c1\\\"> has no <ec>"),
            ("<ec startRef=\"c1\"/>가<sc id=\"c1\"/>", "does not close"),
            (
                "<pc id=\"c1\"><sc id=\"c1\"/></pc><ec startRef=\"c1\"/>",
                "has no <ec>",
            ),
        ] {
            let error = read(Path::new("x.xlf"), &filled(target)).unwrap_err();
            let message = format!("{:?}", error.message());
            assert!(message.contains(reason), "{target}: {message}");
        }
        let good = filled("<sc id=\"c1\"/>가<ec startRef=\"c1\"/> 나");
        assert_eq!(read_one(&good).units[0].translation, "*가* 나");
        let indented = filled("\n  <pc id=\"c1\">가</pc>\n   나.\n")
            .replace(" xml:space=\"preserve\"", " xml:space=\"default\"");
        assert_eq!(read_one(&indented).units[0].translation, "*가* 나.");
    }

    #[test]
    fn malformed_files_are_located() {
        let xlf = write(&document(vec![unit("1", 0, "A.", "가.", State::Current)]));
        for (bad, line, reason) in [
            (
                xlf.replace("version=\"2.0\"", "version=\"2.0\" xmlns:q=\"x\"")
                    .replace("<target>", "<target><q:b/>"),
                10,
                "<b>",
            ),
            (
                xlf.replace("urn:oasis:names:tc:xliff:document:2.0", "urn:x"),
                2,
                "not an XLIFF 2.0",
            ),
            (xlf.replace(" id=\"1\"", ""), 8, "without an id"),
            (xlf.replace(" id=\"1\"", " id=\"a_b\""), 8, "did not write"),
            (xlf.replace("가.", "<sc id=\"z\"/>"), 10, "id=\\\"z\\\""),
        ] {
            let error = read(Path::new("x.xlf"), &bad).unwrap_err();
            assert_eq!(error.location().map(|l| l.line), Some(line), "{bad}");
            let message = format!("{:?}", error.message());
            assert!(message.contains(reason), "{reason}: {message}");
        }
    }
}
