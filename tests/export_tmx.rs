//! `l10n export --format tmx`: a translation memory of the catalogs, checked
//! against the TMX 1.4b DTD (xmllint), read by the Translate Toolkit, and
//! read back by l10n after lxml edited it.
use std::path::Path;

use l10n::interchange::{Document, Entered, Format, Section, State, Unit};

use crate::readers::{
    COMMENT, MARKDOWN_SENTENCE, Row, catalog_rows, have_python, have_xmllint, python,
    translated_workspace, xmllint_dtd,
};
use crate::util::{SEED_ID, Workspace};

const RELATIVE: &str = "export/ko/2019/kim-jong-un-china-visit.tmx";

/// What the memory should hold: (id, source, translation, obsolete) of
/// every current translation, then of every obsolete entry that has one.
fn expected(ws: &Workspace) -> Vec<(String, String, String, bool)> {
    let (segments, obsolete) = catalog_rows(ws, "ko");
    let current = segments
        .into_iter()
        .filter(|(_, _, translation, previous)| !translation.is_empty() && previous.is_none())
        .map(|(id, source, translation, _): Row| (id, source, translation, false));
    let gone = obsolete
        .into_iter()
        .filter(|(_, _, translation, _)| !translation.is_empty())
        .map(|(id, source, translation, _)| (id, source, translation, true));
    current.chain(gone).collect()
}

fn export(ws: &Workspace) -> String {
    crate::readers::exported(ws, "tmx", RELATIVE)
}

/// Each unit as the Translate Toolkit's TMX reader sees it.
const TRANSLATE_TOOLKIT: &str = r#"
import json, sys
from translate.storage import tmx
store = tmx.tmxfile.parsefile(sys.argv[1])
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
units = []
for unit in store.units:
    props = {p.get("type"): p.text for p in unit.xmlelement.iter("prop")}
    units.append({
        "id": unit.getid(),
        "source": unit.source,
        "target": unit.target,
        "langs": [tuv.get(LANG) for tuv in unit.xmlelement.iter("tuv")],
        "article": props.get("x-l10n-article"),
        "state": props.get("x-l10n-state"),
        "notes": unit.getnotes(),
    })
print(json.dumps({"srclang": store.sourcelanguage, "units": units}))
"#;

#[test]
fn tmx_export_is_valid_tmx_and_the_translate_toolkit_reads_the_catalog_in_it() {
    let ws = translated_workspace();
    let text = export(&ws);
    let expected = expected(&ws);
    let (segments, _) = catalog_rows(&ws, "ko");
    assert!(
        segments.iter().any(|row| row.3.is_some()) && expected.iter().any(|row| row.3),
        "the workspace has outdated and obsolete entries: {segments:?}"
    );
    assert_eq!(text.matches("<tu ").count(), expected.len(), "{text}");
    // Outdated and missing entries are not in the memory.
    for (id, _, translation, previous) in &segments {
        if translation.is_empty() || previous.is_some() {
            assert!(!text.contains(&format!("tuid=\"{id}\"")), "{id}:\n{text}");
        }
    }
    assert!(text.contains(&format!("<note>{COMMENT}</note>")), "{text}");
    assert!(
        text.contains("`visit` &lt;now&gt; &amp; \"later\".</seg>"),
        "Markdown as plain text:\n{text}"
    );

    let file = ws.path(RELATIVE);
    if have_xmllint("the TMX export against the TMX 1.4b DTD") {
        let (valid, report) = xmllint_dtd("tmx14.dtd", &file);
        assert!(
            valid,
            "xmllint --dtdvalid tmx14.dtd refused it: {report}\n{text}"
        );
    }
    if !have_python(&["translate"], "the TMX export with the Translate Toolkit") {
        return;
    }
    let read = python(TRANSLATE_TOOLKIT, &[&file]);
    assert_eq!(read["srclang"], "en");
    let units = read["units"].as_array().expect("units");
    let seen: Vec<(String, String, String, bool)> = units
        .iter()
        .map(|u| {
            assert_eq!(u["langs"], serde_json::json!(["en", "ko"]), "{u}");
            assert_eq!(u["article"], SEED_ID, "{u}");
            let text = |key: &str| u[key].as_str().unwrap_or_default().to_string();
            let obsolete = match u["state"].as_str() {
                None => false,
                Some("obsolete") => true,
                Some(other) => panic!("state {other}: {u}"),
            };
            (text("id"), text("source"), text("target"), obsolete)
        })
        .collect();
    assert_eq!(seen, expected);
    assert!(
        seen.iter().any(|u| u.1 == MARKDOWN_SENTENCE),
        "the Markdown sentence, as written: {seen:?}"
    );
    assert_eq!(units[0]["notes"], COMMENT, "the headline's note");
}

/// lxml edits the memory as a script of a translation team would: one
/// translation fixed, one unit dropped, the whole file re-indented (so
/// each `<seg>` has layout around it) and saved.
const LXML_EDIT: &str = r#"
import json, sys
from lxml import etree
path, fix, drop = sys.argv[1], sys.argv[2], sys.argv[3]
tree = etree.parse(path)
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
for tu in tree.iter("tu"):
    if tu.get("tuid") == fix:
        for tuv in tu.iter("tuv"):
            if tuv.get(LANG) == "ko":
                tuv.find("seg").text = "고친 번역 & <b> ]]>"
    if tu.get("tuid") == drop:
        tu.getparent().remove(tu)
etree.indent(tree, space="\t")
tree.write(path, xml_declaration=True, encoding="UTF-8")
print(json.dumps("ok"))
"#;

#[test]
fn a_tmx_edited_with_lxml_reads_back_as_edited() {
    let ws = translated_workspace();
    export(&ws);
    let mut expected = expected(&ws);
    if !have_python(&["lxml"], "a TMX round trip through lxml") {
        return;
    }
    let file = ws.path(RELATIVE);
    let (fix, drop) = (expected[0].0.clone(), expected[1].0.clone());
    let fix_path = Path::new(&fix);
    python(LXML_EDIT, &[&file, fix_path, Path::new(&drop)]);
    expected[0].2 = "고친 번역 & <b> ]]>".to_string();
    expected.remove(1);

    let text = ws.read(RELATIVE);
    assert!(text.contains("\t\t\t<tuv"), "re-indented:\n{text}");
    let sections = Format::Tmx.read(&file, &text).expect("l10n reads it");
    assert_eq!(sections.len(), 1, "{sections:?}");
    let section = &sections[0];
    assert_eq!(section.article.as_deref(), Some(SEED_ID));
    assert_eq!(section.source_lang.as_deref(), Some("en"));
    assert_eq!(section.lang.as_deref(), Some("ko"));
    let read: Vec<(String, String, String, bool)> = section
        .units
        .iter()
        .map(|u| {
            assert_eq!(u.previous_source, None);
            (
                u.id.clone(),
                u.source.clone(),
                u.translation.clone(),
                u.state == State::Obsolete,
            )
        })
        .collect();
    assert_eq!(read, expected);
    assert!(section.units.iter().all(|u| u.state != State::Missing));
    let lines: Vec<&str> = text.lines().collect();
    for unit in &section.units {
        assert!(
            lines[unit.line - 1].contains(&format!("<tu tuid=\"{}\">", unit.id)),
            "line {} of {}:\n{text}",
            unit.line,
            unit.id
        );
    }
}

#[test]
fn characters_xml_cannot_carry_travel_as_placeholders() {
    let unit = |id, source, translation| Unit {
        id,
        source,
        translation,
        previous_source: None,
        state: State::Current,
        line: Some(1),
        block: Some(0),
        comments: &[],
    };
    let document = Document {
        article: "a",
        article_path: "articles/a.md",
        source_lang: "en",
        lang: "ko",
        date: 0,
        units: vec![
            unit("1", "Bell\u{7} and escape\u{1b}[1m.", "벨\u{7}."),
            unit("2", "Not a character: \u{FFFE}\u{FFFF}\r\n", "없음\u{0}"),
        ],
    };
    let ws = Workspace::new();
    ws.write("a.tmx", &Format::Tmx.write(&document));
    let file = ws.path("a.tmx");
    let text = ws.read("a.tmx");
    assert!(
        text.contains("<ph type=\"x-l10n-char\">U+0007</ph>"),
        "{text}"
    );
    let sections = Format::Tmx.read(&file, &text).expect("l10n reads it");
    let entered = |id: &str, source: &str, translation: &str, line| Entered {
        id: id.into(),
        source: source.into(),
        translation: translation.into(),
        state: State::Current,
        previous_source: None,
        line,
    };
    assert_eq!(
        sections,
        [Section {
            article: Some("a".into()),
            source_lang: Some("en".into()),
            lang: Some("ko".into()),
            line: 5,
            units: vec![
                entered(
                    "1",
                    document.units[0].source,
                    document.units[0].translation,
                    5
                ),
                entered(
                    "2",
                    document.units[1].source,
                    document.units[1].translation,
                    10
                ),
            ],
        }]
    );
    if have_xmllint("a TMX with control characters against the DTD") {
        let (valid, report) = xmllint_dtd("tmx14.dtd", &file);
        assert!(valid, "{report}\n{text}");
    }
    if have_python(&["translate"], "a TMX with control characters") {
        let read = python(TRANSLATE_TOOLKIT, &[&file]);
        assert_eq!(read["units"].as_array().map(Vec::len), Some(2), "{read}");
    }
}

/// The same lxml edit, taken back by `l10n import`: the fixed translation
/// lands in the catalog, on its own line, and nothing else changes; the
/// dropped unit changes nothing either.
#[test]
fn a_tmx_edited_with_lxml_imports_into_exactly_that_line() {
    let ws = translated_workspace();
    export(&ws);
    if !have_python(&["lxml"], "a TMX round trip through lxml and import") {
        return;
    }
    let expected = expected(&ws);
    let (fix, drop) = (&expected[0], &expected[1]);
    let catalog = format!("locales/ko/{SEED_ID}.toml");
    let before = ws.read(&catalog);
    let old_line = format!("translation = {}", toml_string(&fix.2));
    assert_eq!(before.matches(&old_line).count(), 1, "{old_line}\n{before}");
    let file = ws.path(RELATIVE);
    python(LXML_EDIT, &[&file, Path::new(&fix.0), Path::new(&drop.0)]);

    let run = ws.run(&["import", RELATIVE]).expect_code(0);
    assert!(run.stdout.contains("1 applied"), "{}", run.stdout);
    let new_line = format!("translation = {}", toml_string("고친 번역 & <b> ]]>"));
    assert_eq!(ws.read(&catalog), before.replace(&old_line, &new_line));
}

/// A string as TOML writes it (basic, escaped), as `toml` did in the
/// catalog this workspace started from.
fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}
