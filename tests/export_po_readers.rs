//! `l10n export --format po` read by the other real readers of gettext
//! files: GNU gettext's `msgcmp`, the Translate Toolkit (`pocount`,
//! `po2xliff`) and polib, and read back by l10n after polib edited it.
//! (`export_po.rs` has `msgfmt`.)
use l10n::interchange::{Entered, Format, State};

use crate::readers::{
    COMMENT, Row, catalog_rows, have_gettext, have_python, python, run, translated_workspace,
};
use crate::util::{SEED_ID, Workspace};

const RELATIVE: &str = "export/ko/2019/kim-jong-un-china-visit.po";

fn export(ws: &Workspace) -> String {
    crate::readers::exported(ws, "po", RELATIVE)
}

/// The catalog's segments: (translated, outdated, missing) counts.
fn counts(segments: &[Row]) -> (usize, usize, usize) {
    let missing = segments.iter().filter(|r| r.2.is_empty()).count();
    let outdated = segments
        .iter()
        .filter(|r| !r.2.is_empty() && r.3.is_some())
        .count();
    (segments.len() - missing - outdated, outdated, missing)
}

#[test]
fn msgcmp_finds_every_message_and_flags_the_untranslated_and_fuzzy_ones() {
    let ws = translated_workspace();
    export(&ws);
    if !have_gettext("msgfilter", "the PO export with msgcmp")
        || !have_gettext("msgcmp", "the PO export with msgcmp")
    {
        return;
    }
    let (segments, _) = catalog_rows(&ws, "ko");
    let (_, outdated, missing) = counts(&segments);
    assert!(outdated >= 1 && missing >= 1, "{segments:?}");
    let po = ws.path(RELATIVE);
    let pot = ws.path("export/template.pot");
    // The template: every message with its translation emptied.
    let (ok, _, stderr) = run(
        "msgfilter",
        &[
            "--keep-header",
            "-i",
            po.to_str().unwrap(),
            "-o",
            pot.to_str().unwrap(),
            "sed",
            "d",
        ],
        &[],
    );
    assert!(ok, "msgfilter: {stderr}");
    let (ok, _, stderr) = run(
        "msgcmp",
        &["--use-fuzzy", "--use-untranslated"],
        &[&po, &pot],
    );
    assert!(
        ok,
        "every message of the template is in the export: {stderr}"
    );
    let (ok, _, stderr) = run("msgcmp", &[], &[&po, &pot]);
    assert!(!ok, "untranslated and fuzzy messages fail msgcmp: {stderr}");
    assert_eq!(
        stderr.matches("this message is untranslated").count(),
        missing,
        "{stderr}"
    );
    assert_eq!(
        stderr
            .matches("this message needs to be reviewed by the translator")
            .count(),
        outdated,
        "{stderr}"
    );
}

#[test]
fn pocount_counts_the_catalogs_translated_fuzzy_and_untranslated_entries() {
    let ws = translated_workspace();
    export(&ws);
    if !have_python(&["translate"], "the PO export with pocount") {
        return;
    }
    let (ok, csv, stderr) = run("pocount", &["--csv"], &[&ws.path(RELATIVE)]);
    assert!(ok, "pocount: {stderr}");
    let mut rows = csv.lines().map(|l| l.split(',').collect::<Vec<_>>());
    let header = rows.next().expect("a header row");
    let values = rows.next().expect("a row for the file");
    let column = |name: &str| -> usize {
        let at = header.iter().position(|h| *h == name).expect(name);
        values[at].parse().expect("a count")
    };
    let (segments, _) = catalog_rows(&ws, "ko");
    let (translated, outdated, missing) = counts(&segments);
    assert_eq!(column("Translated Messages"), translated, "{csv}");
    assert_eq!(column("Fuzzy Messages"), outdated, "{csv}");
    assert_eq!(column("Untranslated Messages"), missing, "{csv}");
    assert_eq!(column("Total Message"), segments.len(), "{csv}");
}

/// Each unit of an XLIFF file, as the Translate Toolkit reads it.
const XLIFF_UNITS: &str = r#"
import json, sys
from translate.storage import xliff
store = xliff.xlifffile.parsefile(sys.argv[1])
print(json.dumps([[u.source, u.target or "", u.isfuzzy()] for u in store.units if not u.isheader()]))
"#;

#[test]
fn po2xliff_converts_the_po_export() {
    let ws = translated_workspace();
    export(&ws);
    if !have_python(&["translate"], "the PO export with po2xliff") {
        return;
    }
    let xliff = ws.path("export/converted.xlf");
    let (ok, _, stderr) = run(
        "po2xliff",
        &["--progress=none", "-o", xliff.to_str().unwrap(), "-i"],
        &[&ws.path(RELATIVE)],
    );
    assert!(ok, "po2xliff: {stderr}");
    let units = python(XLIFF_UNITS, &[&xliff]);
    let units: Vec<(String, String, bool)> =
        serde_json::from_value(units).expect("source, target, fuzzy");
    let (segments, _) = catalog_rows(&ws, "ko");
    let expected: Vec<(String, String, bool)> = segments
        .into_iter()
        .map(|(_, source, translation, previous)| {
            let fuzzy = previous.is_some() && !translation.is_empty();
            (source, translation, fuzzy)
        })
        .collect();
    // po2xliff also converts the obsolete (`#~`) entries, after these.
    assert!(units.len() >= expected.len(), "{units:?}");
    assert_eq!(units[..expected.len()], expected[..]);
}

/// Every entry of a PO file as polib reads it.
const POLIB_ENTRIES: &str = r#"
import json, sys, polib
po = polib.pofile(sys.argv[1])
print(json.dumps({
    "language": po.metadata.get("Language"),
    "entries": [{
        "msgctxt": e.msgctxt, "msgid": e.msgid, "msgstr": e.msgstr, "fuzzy": e.fuzzy,
        "previous_msgid": e.previous_msgid, "tcomment": e.tcomment, "obsolete": bool(e.obsolete),
    } for e in po],
}))
"#;

#[test]
fn polib_reads_every_entry_with_its_context_flag_previous_source_and_comment() {
    let ws = translated_workspace();
    export(&ws);
    if !have_python(&["polib"], "the PO export with polib") {
        return;
    }
    let read = python(POLIB_ENTRIES, &[&ws.path(RELATIVE)]);
    assert_eq!(read["language"], "ko");
    let (segments, obsolete) = catalog_rows(&ws, "ko");
    let expected: Vec<serde_json::Value> = segments
        .iter()
        .map(|row| (row, false))
        .chain(obsolete.iter().map(|row| (row, true)))
        .enumerate()
        .map(|(i, ((id, source, translation, previous), obsolete))| {
            let fuzzy = !obsolete && previous.is_some() && !translation.is_empty();
            serde_json::json!({
                "msgctxt": id, "msgid": source, "msgstr": translation, "fuzzy": fuzzy,
                "previous_msgid": if fuzzy { previous.clone() } else { None },
                "tcomment": if i == 0 { COMMENT } else { "" }, "obsolete": obsolete,
            })
        })
        .collect();
    assert!(expected.iter().any(|e| e["fuzzy"] == true));
    assert!(expected.iter().any(|e| e["obsolete"] == true));
    assert_eq!(read["entries"], serde_json::Value::Array(expected));
}

/// polib edits the export as a translator in a gettext tool would: the
/// first untranslated message filled, the first fuzzy one fixed (its flag
/// and previous msgid dropped), saved.
const POLIB_EDIT: &str = r#"
import json, sys, polib
po = polib.pofile(sys.argv[1])
filled = next(e for e in po if not e.obsolete and not e.msgstr)
filled.msgstr = "채움 \"따옴표\"\n둘째 줄"
fixed = next(e for e in po if e.fuzzy)
fixed.msgstr = "고침"
fixed.flags.remove("fuzzy")
fixed.previous_msgid = None
po.save()
print(json.dumps([filled.msgctxt, fixed.msgctxt]))
"#;

#[test]
fn a_po_edited_with_polib_reads_back_as_edited() {
    let ws = translated_workspace();
    export(&ws);
    if !have_python(&["polib"], "a PO round trip through polib") {
        return;
    }
    let file = ws.path(RELATIVE);
    let edited = python(POLIB_EDIT, &[&file]);
    let (filled, fixed) = (edited[0].as_str().unwrap(), edited[1].as_str().unwrap());

    let (segments, obsolete) = catalog_rows(&ws, "ko");
    let entered = |(id, source, translation, previous): Row, state| Entered {
        id,
        source,
        translation,
        state,
        previous_source: previous.filter(|_| state == State::Outdated),
        line: 0,
    };
    let mut expected: Vec<Entered> = segments
        .into_iter()
        .map(|row| {
            let state = match (row.2.is_empty(), row.3.is_some()) {
                (true, _) => State::Missing,
                (false, true) => State::Outdated,
                (false, false) => State::Current,
            };
            entered(row, state)
        })
        .chain(
            obsolete
                .into_iter()
                .map(|row| entered(row, State::Obsolete)),
        )
        .collect();
    for unit in &mut expected {
        if unit.id == filled {
            unit.translation = "채움 \"따옴표\"\n둘째 줄".into();
            unit.state = State::Current;
        }
        if unit.id == fixed {
            unit.translation = "고침".into();
            unit.state = State::Current;
            unit.previous_source = None;
        }
    }

    let text = ws.read(RELATIVE);
    let sections = Format::Po.read(&file, &text).expect("l10n reads it");
    assert_eq!(sections.len(), 1, "{sections:?}");
    let section = &sections[0];
    assert_eq!(section.article.as_deref(), Some(SEED_ID));
    assert_eq!(section.source_lang.as_deref(), Some("en"));
    assert_eq!(section.lang.as_deref(), Some("ko"));
    let read: Vec<Entered> = section
        .units
        .iter()
        .map(|u| Entered {
            line: 0,
            ..u.clone()
        })
        .collect();
    assert_eq!(read, expected);
    // Each unit's line is its message's first line (comments included).
    let lines: Vec<&str> = text.lines().collect();
    for unit in &section.units {
        let message = lines[unit.line - 1..]
            .iter()
            .take_while(|l| !l.is_empty())
            .any(|l| l.ends_with(&format!("msgctxt \"{}\"", unit.id)));
        assert!(message, "line {} of {}:\n{text}", unit.line, unit.id);
    }
}
