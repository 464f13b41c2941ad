//! `l10n export --format xliff|xliff2` and `l10n import` of what comes
//! back: each export checked by the real readers (xmllint against the
//! strict XLIFF 1.2 and the XLIFF 2.0 core schemas, the Translate
//! Toolkit's XLIFF reader and `xliff2po`, lxml), then edited with lxml as
//! a translator's tool would and imported through the binary.
use std::path::Path;
use std::process::Command;

use crate::readers::{have_python, have_xmllint};
use crate::util::{SEED_ID, Workspace, entries, field, seed_article, succeeds};

const CATALOG: &str = "locales/ko/2019/kim-jong-un-china-visit.toml";
const XLF: &str = "export/ko/2019/kim-jong-un-china-visit.xlf";
const SCHEMA_12: &str = "tests/data/schemas/xliff-core-1.2-strict.xsd";
const SCHEMA_2: &str = "tests/data/schemas/xliff_core_2.0.xsd";

/// The paragraph added to the seed article: inline Markdown of every kind
/// and characters XML escapes.
const INLINE: &str = "Read [the **full** report](https://example.com/r?a=1&b=2) \
                      or run `l10n import` <b>now</b> at <https://example.com/x> & \"see\".";

/// Runs a Python script with arguments; its standard output.
fn python(script: &str, args: &[&str]) -> String {
    succeeds(Command::new("python3").arg("-c").arg(script).args(args))
}

fn xmllint(schema: &str, file: &Path) {
    let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join(schema);
    let out = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&schema)
        .arg(file)
        .output()
        .expect("xmllint runs");
    assert!(
        out.status.success(),
        "xmllint --schema {} refused it: {}\n{}",
        schema.display(),
        String::from_utf8_lossy(&out.stderr),
        std::fs::read_to_string(file).unwrap_or_default()
    );
}

/// The seed workspace in Korean with every state: current translations
/// (one with a control character and XML's special characters), missing
/// ones (the new inline paragraph among them), one outdated by an edit of
/// the article, one obsolete, and a translator's comment.
fn workspace() -> Workspace {
    let ws = Workspace::seeded();
    ws.run(&["extract"]).expect_code(0);
    ws.translate("ko", SEED_ID, |id, source| {
        if source.starts_with("Posted") {
            None
        } else if source.starts_with("Updated") {
            Some("업데이트 <b> & \"따옴표\" \u{7}끝".to_string())
        } else {
            Some(format!("번역 {id}"))
        }
    });
    let article = seed_article()
        .replace("close ties", "strong ties")
        .replace(" He does not fully trust President Moon.", "")
        .replace(
            "\nMultiple sources",
            &format!("\n{INLINE} A second sentence.\n\nMultiple sources"),
        );
    ws.write(&format!("articles/{SEED_ID}.md"), &article);
    ws.run(&["extract"]).expect_code(0);
    let commented =
        ws.read(CATALOG)
            .replacen("[[segment]]", "# Checked with the desk.\n[[segment]]", 1);
    ws.write(CATALOG, &commented);
    ws
}

/// Ids of the catalog's segments: (the inline one, other missing ones,
/// the one outdated by "close ties" becoming "strong ties").
fn ids(ws: &Workspace) -> (String, Vec<String>, String) {
    let catalog = ws.catalog("ko", SEED_ID);
    let segments = entries(&catalog, "segment");
    let id = |e: &toml::Table| field(e, "id").unwrap().to_string();
    let inline = segments
        .iter()
        .find(|e| field(e, "source") == Some(INLINE))
        .map(id)
        .expect("the inline sentence is a segment of its own");
    let missing = segments
        .iter()
        .filter(|e| field(e, "translation").unwrap_or("").is_empty())
        .map(id)
        .filter(|i| *i != inline)
        .collect();
    let outdated = segments
        .iter()
        .find(|e| field(e, "previous-source").is_some_and(|p| p.contains("close ties")))
        .map(id)
        .expect("the edited sentence is outdated");
    assert_eq!(entries(&catalog, "obsolete").len(), 1);
    (inline, missing, outdated)
}

#[test]
fn xliff_12_export_passes_the_strict_schema_and_the_translate_toolkit() {
    let ws = workspace();
    let (inline, missing, outdated) = ids(&ws);
    ws.run(&["export", "--format", "xliff", "--lang", "ko"])
        .expect_code(0);
    let text = ws.read(XLF);
    for expected in [
        format!(
            "<file original=\"articles/{SEED_ID}.md\" source-language=\"en\" target-language=\"ko\""
        ),
        format!("<note from=\"l10n-article\">{SEED_ID}</note>"),
        format!("<trans-unit id=\"{outdated}\" xml:space=\"preserve\">"),
        "<target state=\"needs-review-translation\">".to_string(),
        "<alt-trans alttranstype=\"previous-version\">".to_string(),
        "<note from=\"translator\">Checked with the desk.</note>".to_string(),
        "업데이트 &lt;b&gt; &amp; \"따옴표\" <x id=\"u7\" ctype=\"x-l10n-char-7\"/>끝".to_string(),
        format!(
            "<trans-unit id=\"{inline}\" xml:space=\"preserve\">\n        <source>Read <bpt id=\"1\" ctype=\"link\">[</bpt>the <bpt id=\"2\" ctype=\"bold\">**</bpt>full<ept id=\"2\">**</ept> report<ept id=\"1\">](https://example.com/r?a=1&amp;b=2)</ept> or run <ph id=\"5\" ctype=\"x-code\">`l10n import`</ph>"
        ),
    ] {
        assert!(text.contains(&expected), "{expected}\n---\n{text}");
    }
    assert!(
        !text.contains("He does not fully trust"),
        "obsolete entries stay out:\n{text}"
    );

    let file = ws.path(XLF);
    if have_xmllint("the XLIFF export") {
        xmllint(SCHEMA_12, &file);
    }
    if !have_python(&["translate.storage.xliff"], "the XLIFF export") {
        return;
    }
    // The Translate Toolkit reads every unit, with the codes' text in its
    // sources, the states, the notes and the previous version.
    let report = python(
        "import sys, json\n\
         from translate.storage import xliff\n\
         store = xliff.xlifffile.parsefile(sys.argv[1])\n\
         units = [u for u in store.units if not u.isheader()]\n\
         print(json.dumps({u.getid().split('\\x04')[-1]: [u.source, u.target, u.isfuzzy(), \
         u.getnotes('translator'), [a.source for a in u.getalttrans()]] for u in units}))",
        &[file.to_str().unwrap()],
    );
    let units: serde_json::Value = serde_json::from_str(&report).unwrap();
    let catalog = ws.catalog("ko", SEED_ID);
    let segments = entries(&catalog, "segment");
    assert_eq!(units.as_object().unwrap().len(), segments.len(), "{units}");
    for entry in &segments {
        let id = field(entry, "id").unwrap();
        assert_eq!(units[id][0], field(entry, "source").unwrap(), "{id}");
    }
    assert_eq!(units[&inline][0], INLINE);
    assert_eq!(units[&outdated][2], true, "outdated is fuzzy: {units}");
    assert!(
        units[&outdated][4][0]
            .as_str()
            .unwrap()
            .contains("close ties")
    );
    assert_eq!(units[&missing[0]][1], "");
    let commented = field(&segments[0], "id").unwrap();
    assert_eq!(units[commented][3], "Checked with the desk.");
    assert_eq!(units[commented][2], false, "current is not fuzzy");

    let po = ws.path("tt.po");
    succeeds(Command::new("xliff2po").arg(&file).arg(&po));
    let po = ws.read("tt.po");
    // The codes' text is back in the message, and the article line is a
    // reference.
    assert!(
        po.contains("\"Read [the **full** report](https://example.com/r?a=1&b=2) or run `l10n "),
        "{po}"
    );
    assert!(
        po.contains(&format!("#: articles/{SEED_ID}.md:1\n")),
        "{po}"
    );
}

#[test]
fn xliff_2_export_passes_the_core_schema_and_lxml_reads_its_units() {
    let ws = workspace();
    let (inline, _, outdated) = ids(&ws);
    ws.run(&["export", "--format", "xliff2", "--lang", "ko"])
        .expect_code(0);
    let text = ws.read(XLF);
    for expected in [
        "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"ko\">".to_string(),
        format!("original=\"articles/{SEED_ID}.md\" canResegment=\"no\">"),
        format!("<note id=\"previous-{outdated}\" category=\"l10n-previous-source\" appliesTo=\"source\">"),
        format!("<segment id=\"{outdated}\" state=\"initial\" subState=\"l10n:outdated\">"),
        "<cp hex=\"0007\"/>끝".to_string(),
        format!("<segment id=\"{inline}\" state=\"initial\">\n        <source>Read <pc id=\"c1\""),
        "<ignorable>\n        <source> </source>\n      </ignorable>".to_string(),
    ] {
        assert!(text.contains(&expected), "{expected}\n---\n{text}");
    }
    let file = ws.path(XLF);
    if have_xmllint("the XLIFF export") {
        xmllint(SCHEMA_2, &file);
    }
    if !have_python(&["lxml"], "the XLIFF export") {
        return;
    }
    // Each unit is a block: the inline sentence shares its unit with the
    // sentence after it; every segment's source, its codes' original data
    // put back, is the catalog's source.
    let report = python(
        "import sys, json\n\
         from lxml import etree\n\
         NS = {'x': 'urn:oasis:names:tc:xliff:document:2.0'}\n\
         out = {}\n\
         def text(e, data):\n\
         \x20   s = e.text or ''\n\
         \x20   for c in e:\n\
         \x20       tag = etree.QName(c).localname\n\
         \x20       if tag == 'ph': s += data[c.get('dataRef')]\n\
         \x20       elif tag == 'pc': s += data[c.get('dataRefStart')] + text(c, data) + data[c.get('dataRefEnd')]\n\
         \x20       elif tag == 'cp': s += chr(int(c.get('hex'), 16))\n\
         \x20       s += c.tail or ''\n\
         \x20   return s\n\
         for unit in etree.parse(sys.argv[1]).iterfind('.//x:unit', NS):\n\
         \x20   data = {d.get('id'): d.text or '' for d in unit.iterfind('x:originalData/x:data', NS)}\n\
         \x20   for seg in unit.iterfind('x:segment', NS):\n\
         \x20       out[seg.get('id')] = [unit.get('id'), text(seg.find('x:source', NS), data), seg.get('state')]\n\
         print(json.dumps(out))",
        &[file.to_str().unwrap()],
    );
    let units: serde_json::Value = serde_json::from_str(&report).unwrap();
    let catalog = ws.catalog("ko", SEED_ID);
    let segments = entries(&catalog, "segment");
    assert_eq!(units.as_object().unwrap().len(), segments.len(), "{units}");
    for entry in &segments {
        let id = field(entry, "id").unwrap();
        assert_eq!(units[id][1], field(entry, "source").unwrap(), "{id}");
    }
    let next = segments
        .iter()
        .find(|e| field(e, "source") == Some("A second sentence."))
        .and_then(|e| field(e, "id"))
        .unwrap();
    assert_eq!(units[&inline][0], units[next][0], "one unit per block");
    assert_eq!(units[&outdated][2], "initial");
}

/// The lxml edit of a translator's tool: the inline segment translated
/// with the source's codes (the `ph` of the code span, copied), a missing
/// one translated, and the outdated one corrected and marked translated.
/// Prints the code span's text.
const EDIT_12: &str = "import sys, copy\n\
from lxml import etree\n\
NS = {'x': 'urn:oasis:names:tc:xliff:document:1.2'}\n\
path, inline, missing, outdated = sys.argv[1:5]\n\
tree = etree.parse(path)\n\
unit = lambda i: tree.xpath('//x:trans-unit[@id=$i]', namespaces=NS, i=i)[0]\n\
u = unit(inline)\n\
ph = copy.deepcopy(u.find('x:source/x:ph', NS))\n\
ph.tail = ' 실행'\n\
t = u.find('x:target', NS)\n\
t.text = '지금 '\n\
t.append(ph)\n\
t.set('state', 'translated')\n\
t = unit(missing).find('x:target', NS)\n\
t.text = '새 \"번역\" & <꺾쇠>'\n\
t.set('state', 'translated')\n\
u = unit(outdated)\n\
t = u.find('x:target', NS)\n\
t.text = '검토한 번역'\n\
t.set('state', 'translated')\n\
u.remove(u.find('x:alt-trans', NS))\n\
tree.write(path, xml_declaration=True, encoding='UTF-8')\n\
print(ph.text, end='')";

const EDIT_2: &str = "import sys, copy\n\
from lxml import etree\n\
NS = {'x': 'urn:oasis:names:tc:xliff:document:2.0'}\n\
X = '{urn:oasis:names:tc:xliff:document:2.0}'\n\
path, inline, missing, outdated = sys.argv[1:5]\n\
tree = etree.parse(path)\n\
seg = lambda i: tree.xpath('//x:segment[@id=$i]', namespaces=NS, i=i)[0]\n\
def target(s, text):\n\
\x20   t = s.find('x:target', NS)\n\
\x20   if t is None:\n\
\x20       t = etree.SubElement(s, X + 'target')\n\
\x20   t.text = text\n\
\x20   s.set('state', 'translated')\n\
\x20   s.attrib.pop('subState', None)\n\
\x20   return t\n\
s = seg(inline)\n\
ph = copy.deepcopy(s.find('x:source/x:ph', NS))\n\
ph.tail = ' 실행'\n\
target(s, '지금 ').append(ph)\n\
target(seg(missing), '새 \"번역\" & <꺾쇠>')\n\
target(seg(outdated), '검토한 번역')\n\
unit = seg(inline).getparent()\n\
data = unit.find('x:originalData/x:data[@id=\"%s\"]' % ph.get('dataRef'), NS)\n\
tree.write(path, xml_declaration=True, encoding='UTF-8')\n\
print(data.text, end='')";

/// Export, the translator's edit, import: the catalog gets exactly the
/// three translations (the outdated one current again), and nothing else
/// changes; a second import applies nothing.
fn round_trip(format: &str, edit: &str) {
    let ws = workspace();
    let (inline, missing, outdated) = ids(&ws);
    ws.run(&["export", "--format", format, "--lang", "ko"])
        .expect_code(0);
    if !have_python(&["lxml"], "the XLIFF export") {
        return;
    }
    let before = ws.catalog("ko", SEED_ID);
    let code = python(
        edit,
        &[
            ws.path(XLF).to_str().unwrap(),
            &inline,
            &missing[0],
            &outdated,
        ],
    );
    assert_eq!(code, "`l10n import`");

    let run = ws.run(&["import", XLF]).expect_code(0);
    assert!(run.stdout.contains("3 applied"), "{}", run.stdout);

    // By hand: the same three edits of the catalog.
    let mut expected = before.clone();
    if let Some(toml::Value::Array(segments)) = expected.get_mut("segment") {
        for entry in segments {
            let table = entry.as_table_mut().unwrap();
            let id = table["id"].as_str().unwrap().to_string();
            let translation = if id == inline {
                "지금 `l10n import` 실행"
            } else if id == missing[0] {
                "새 \"번역\" & <꺾쇠>"
            } else if id == outdated {
                table.remove("previous-source");
                "검토한 번역"
            } else {
                continue;
            };
            table.insert("translation".into(), translation.into());
        }
    }
    assert_eq!(ws.catalog("ko", SEED_ID), expected);
    assert!(ws.read(CATALOG).contains("# Checked with the desk.\n"));

    let again = ws.run(&["import", XLF]).expect_code(0);
    assert!(again.stdout.contains("0 applied"), "{}", again.stdout);
    assert_eq!(ws.catalog("ko", SEED_ID), expected);
}

#[test]
fn an_xliff_12_round_trip_through_lxml_gives_the_catalog_a_translator_would_write() {
    round_trip("xliff", EDIT_12);
}

#[test]
fn an_xliff_2_round_trip_through_lxml_gives_the_catalog_a_translator_would_write() {
    round_trip("xliff2", EDIT_2);
}

#[test]
fn a_target_code_the_source_does_not_have_is_a_malformed_file() {
    for (format, from, to) in [
        (
            "xliff",
            "<target state=\"needs-translation\"></target>",
            "<target state=\"translated\">가 <ph id=\"99\">`x`</ph></target>",
        ),
        (
            "xliff2",
            "</source>\n      </segment>",
            "</source>\n        <target>가 <ph id=\"c99\"/></target>\n      </segment>",
        ),
    ] {
        let ws = workspace();
        ws.run(&["export", "--format", format, "--lang", "ko"])
            .expect_code(0);
        let text = ws.read(XLF);
        let at = text.find(from).unwrap_or_else(|| panic!("{from}\n{text}"));
        ws.write(XLF, &text.replacen(from, to, 1));
        let line = text[..at].lines().count() + usize::from(format == "xliff2");
        let before = ws.snapshot();
        let run = ws.run(&["import", XLF]).expect_code(2);
        assert!(
            run.stderr.contains(&format!("{XLF}:{line}"))
                && run.stderr.contains("its source has not"),
            "{format}: line {line}\n{}",
            run.stderr
        );
        before.assert_same(&ws.snapshot(), "a malformed file changes nothing");
    }
}
