//! Red-team attacks on `l10n import` of PO files (issue 12), through the
//! real binary: files as gettext tools, Poedit, polib and hostile hands
//! write them. Each test was failing on the code before its fix (see
//! tests/README.md, "Issue 12"), except the ones marked as survived.
use std::os::unix::fs::symlink;
use std::process::Command;

use crate::readers::have_gettext;
use crate::util::{SEED_ID, Workspace, entries, field, refuses};

const PO: &str = "export/ko/2019/kim-jong-un-china-visit.po";
const CATALOG: &str = "locales/ko/2019/kim-jong-un-china-visit.toml";

/// The seed workspace extracted, the first ten segments translated, and
/// its PO export.
fn exported() -> Workspace {
    let ws = Workspace::seeded();
    ws.run(&["extract"]).expect_code(0);
    let n = std::cell::Cell::new(0);
    ws.translate("ko", SEED_ID, |id, _| {
        n.set(n.get() + 1);
        (n.get() <= 10).then(|| format!("번역 {id}"))
    });
    ws.run(&["extract"]).expect_code(0);
    ws.run(&["export", "--format", "po", "--lang", "ko"])
        .expect_code(0);
    ws
}

/// The ids of the catalog's entries without a translation.
fn missing(ws: &Workspace) -> Vec<String> {
    entries(&ws.catalog("ko", SEED_ID), "segment")
        .iter()
        .filter(|e| field(e, "translation").unwrap_or("").is_empty())
        .map(|e| field(e, "id").unwrap().to_string())
        .collect()
}

fn translation(ws: &Workspace, id: &str) -> String {
    entries(&ws.catalog("ko", SEED_ID), "segment")
        .into_iter()
        .find(|e| field(e, "id") == Some(id))
        .and_then(|e| field(&e, "translation").map(str::to_string))
        .unwrap_or_default()
}

/// `po` with the empty `msgstr` of the message of segment `id` replaced by
/// `line` (one or more lines of PO).
fn fill(po: &str, id: &str, line: &str) -> String {
    let at = po
        .find(&format!("msgctxt \"{id}\""))
        .unwrap_or_else(|| panic!("{id} in\n{po}"));
    let empty = at + po[at..].find("msgstr \"\"\n").expect("an empty msgstr");
    format!(
        "{}{line}\n{}",
        &po[..empty],
        &po[empty + "msgstr \"\"\n".len()..]
    )
}

/// Was broken: `#~|` (an obsolete message's previous string, which
/// `msgmerge --previous` and `msgcat` write) stopped the whole import with
/// "unknown keyword |" (exit 2).
#[test]
fn obsolete_previous_strings_from_gettext_are_read() {
    let ws = exported();
    let id = &missing(&ws)[0];
    let mut po = fill(&ws.read(PO), id, "msgstr \"채움\"");
    po.push_str(
        "\n#, fuzzy\n#~| msgid \"Old gone.\"\n#~ msgctxt \"ffffffff\"\n\
         #~ msgid \"Gone.\"\n#~ msgstr \"사라짐.\"\n",
    );
    ws.write(PO, &po);
    let run = ws.run(&["import", PO]).expect_code(0);
    assert!(run.stdout.contains("1 applied"), "{}", run.stdout);
    assert_eq!(translation(&ws, id), "채움");
}

/// Was broken: octal and hex escapes were read as code points, so
/// `\303\251` (the bytes of `é`, as gettext reads them) became `Ã©`.
#[test]
fn octal_and_hex_escapes_are_bytes_of_utf8() {
    let ws = exported();
    let id = &missing(&ws)[0];
    let po = fill(&ws.read(PO), id, "msgstr \"caf\\303\\251 \\xc3\\xa9\"");
    ws.write(PO, &po);
    if have_gettext("msgfmt", "this attack") {
        let out = Command::new("msgfmt")
            .args(["--check-format", "-o", "/dev/null"])
            .arg(ws.path(PO))
            .output()
            .unwrap();
        assert!(out.status.success(), "gettext reads it");
    }
    ws.run(&["import", PO]).expect_code(0);
    assert_eq!(translation(&ws, id), "café é");

    // Bytes that are no UTF-8 are a malformed file.
    let po = fill(&ws.read(PO), &missing(&ws)[0], "msgstr \"\\303 alone\"");
    ws.write(PO, &po);
    refuses(&ws, &["import", PO], &["not UTF-8", ".po:"]);
}

/// Was broken: a comment between `msgid` and `msgstr` (gettext refuses it:
/// "missing 'msgstr' section") silently dropped the translation (exit 0),
/// and a message without `msgstr` merged into the next one.
#[test]
fn a_message_without_its_msgstr_is_refused_not_dropped() {
    let ws = exported();
    let ids = missing(&ws);
    let po = ws.read(PO);
    let commented = fill(&po, &ids[0], "# checked\nmsgstr \"채움\"");
    ws.write(PO, &commented);
    refuses(&ws, &["import", PO], &["without its msgstr"]);

    let cut = fill(&po, &ids[1], "msgstr \"둘째\"").replacen(
        &format!("msgctxt \"{}\"", ids[0]),
        &format!("msgid \"Stray.\"\n\nmsgctxt \"{}\"", ids[0]),
        1,
    );
    ws.write(PO, &cut);
    refuses(&ws, &["import", PO], &["without its msgstr"]);
}

/// Was broken: a third plural form (`msgstr[2]`, any language with three
/// or more) was "msgstr[2] twice in one message" (exit 2).
#[test]
fn every_plural_form_is_read() {
    let ws = exported();
    let id = &missing(&ws)[0];
    let mut po = fill(&ws.read(PO), id, "msgstr \"채움\"");
    po.push_str(
        "\nmsgctxt \"ffffffff\"\nmsgid \"One\"\nmsgid_plural \"Many\"\n\
         msgstr[0] \"a\"\nmsgstr[1] \"b\"\nmsgstr[2] \"c\"\n",
    );
    ws.write(PO, &po);
    let run = ws.run(&["import", PO]).expect_code(1);
    assert!(
        run.stdout.contains("ffffffff: not applied"),
        "{}",
        run.stdout
    );
    assert_eq!(translation(&ws, id), "채움");
}

/// Was broken: the ids given twice were kept in a list searched for every
/// unit, so a 5 MB file giving 60,000 ids twice took half a minute (it grew
/// with the square of the file; now a set). The time is the bench's to
/// watch; here, every one is listed.
#[test]
fn ids_given_twice_by_the_thousand_are_all_listed() {
    let ws = exported();
    let header_end = ws.read(PO).find("\n\n").unwrap();
    let mut po = ws.read(PO)[..header_end + 1].to_string();
    for i in 0..60_000 {
        for text in ["a", "b"] {
            po.push_str(&format!(
                "\nmsgctxt \"x{i:07}\"\nmsgid \"x\"\nmsgstr \"{text}\"\n"
            ));
        }
    }
    ws.write(PO, &po);
    let run = ws.run(&["import", PO]).expect_code(1);
    assert!(run.stdout.contains("120000 not applied"), "{}", run.stdout);
}

/// Was broken: `msgcat` of two articles' files joins their headers, and
/// every entry went to the article named last: the other article's
/// translations were silently not applied to it. Refused now (exit 2).
#[test]
fn a_file_joining_two_articles_is_refused() {
    if !have_gettext("msgcat", "this attack") {
        return;
    }
    let ws = exported();
    let article = ws.read(&format!("articles/{SEED_ID}.md"));
    ws.write(
        "articles/2019/other.md",
        &format!("{article}\nOnly here.\n"),
    );
    ws.run(&["extract"]).expect_code(0);
    ws.run(&["export", "--format", "po", "--lang", "ko"])
        .expect_code(0);
    let out = Command::new("msgcat")
        .arg(ws.path("export/ko/2019/other.po"))
        .arg(ws.path(PO))
        .arg("-o")
        .arg(ws.path("joined.po"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    refuses(
        &ws,
        &["import", "joined.po"],
        &["X-L10n-Article twice", "msgcat"],
    );
}

/// Were broken: in a folder, a link to a PO file was skipped (exit 0,
/// nothing applied, nothing said), and a gettext template (`.pot`, no
/// language) stopped the whole import.
#[test]
fn a_folder_imports_linked_files_and_leaves_templates_out() {
    let ws = exported();
    let id = &missing(&ws)[0];
    ws.write("elsewhere.po", &fill(&ws.read(PO), id, "msgstr \"링크\""));
    ws.mkdir("batch/ko/2019");
    symlink(
        ws.path("elsewhere.po"),
        ws.path("batch/ko/2019/kim-jong-un-china-visit.po"),
    )
    .unwrap();
    symlink(ws.path("batch"), ws.path("batch/loop")).unwrap();
    ws.write(
        "batch/template.pot",
        "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n",
    );
    let run = ws.run(&["import", "batch"]).expect_code(0);
    assert!(
        run.stdout.contains("1 translation applied"),
        "{}",
        run.stdout
    );
    assert_eq!(translation(&ws, id), "링크");
}

/// Were broken: a dry run's summary said "1 catalog written" under "dry
/// run: nothing was written", and "not applied" counted lines, so a whole
/// file of 25 translations for an unknown article was "1 not applied".
#[test]
fn the_summary_counts_translations_and_a_dry_run_writes_no_catalog() {
    let ws = exported();
    let ids = missing(&ws);
    let po = fill(&ws.read(PO), &ids[0], "msgstr \"채움\"");
    ws.write(PO, &po);
    let before = ws.snapshot();
    let run = ws.run(&["import", "--dry-run", PO]).expect_code(0);
    assert!(
        run.stdout
            .contains("import: 1 translation applied, 0 catalogs written, 0 not applied"),
        "{}",
        run.stdout
    );
    before.assert_same(&ws.snapshot(), "a dry run writes nothing");

    let elsewhere = po.replace("X-L10n-Article: 2019/kim", "X-L10n-Article: 2018/kim");
    ws.write("other.po", &elsewhere);
    let run = ws.run(&["import", "other.po"]).expect_code(1);
    assert!(
        run.stdout
            .contains("other.po:1: 11 translations not applied")
            && run.stdout.contains(", 11 not applied"),
        "{}",
        run.stdout
    );
}

/// Survived: the export rewritten by gettext (`msgcat` wraps at 79
/// columns), with CRLF line ends and a byte-order mark, of a catalog in
/// odd but valid shapes, imports unedited without changing a byte.
#[test]
fn a_rewritten_unedited_export_changes_no_byte() {
    let ws = Workspace::seeded();
    ws.run(&["extract"]).expect_code(0);
    // Empty translations (not the header comment's mention of one).
    let odd = ws
        .read(CATALOG)
        .replacen(
            "\ntranslation = \"\"",
            "\ntranslation = '리터럴 \\ 그대로'  # a comment\nx-note = 1",
            1,
        )
        .replacen(
            "\ntranslation = \"\"",
            "\ntranslation = \"\\u0000 \\r\\t \\\"q\\\" \\u202e\"",
            1,
        )
        // Last: it starts with what the others replace.
        .replacen(
            "\ntranslation = \"\"",
            "\ntranslation = \"\"\"\n여러\n줄\"\"\"",
            1,
        )
        .replacen("[[segment]]", "[[segment]] # odd\n  # place", 1);
    ws.write(CATALOG, &odd);
    ws.run(&["extract"]).expect_code(0);
    let odd = ws.read(CATALOG);
    ws.run(&["export", "--format", "po", "--lang", "ko"])
        .expect_code(0);
    let po = ws.read(PO);
    let mut variants = vec![
        ("crlf.po", po.replace('\n', "\r\n")),
        ("bom.po", format!("\u{feff}{po}")),
    ];
    if have_gettext("msgcat", "this attack") {
        let out = Command::new("msgcat").arg(ws.path(PO)).output().unwrap();
        assert!(out.status.success(), "{out:?}");
        let wrapped = String::from_utf8(out.stdout).unwrap();
        assert!(wrapped.lines().any(|l| l == "msgid \"\""), "wrapped");
        variants.push(("wrapped.po", wrapped));
    }
    for (name, text) in variants {
        let path = format!("export/ko/2019/{name}");
        ws.write(&path, &text);
        let run = ws.run(&["import", &path]).expect_code(0);
        assert!(
            run.stdout.contains("0 catalogs written"),
            "{name}: {}",
            run.stdout
        );
        assert_eq!(ws.read(CATALOG), odd, "{name}");
    }
}
