//! `l10n import`: translations coming back from a translation tool, through
//! the real binary. A round trip gives exactly the catalog a translator
//! would have written by hand; whatever cannot be applied is listed (exit 1)
//! and changes nothing; a malformed file changes nothing at all (exit 2); a
//! save that races the import is never lost.
use std::process::Command;

use crate::readers::have_python;
use crate::util::{SEED_ID, Workspace, entries, field, refuses, seed_article, succeeds};

const PO: &str = "export/ko/2019/kim-jong-un-china-visit.po";
const CATALOG: &str = "locales/ko/2019/kim-jong-un-china-visit.toml";

/// The seed workspace with most of Korean translated, one translation
/// outdated by an edit of the article, a few segments missing, a
/// translator's comment on one entry, and its PO export.
fn exported() -> Workspace {
    let ws = Workspace::seeded();
    ws.run(&["extract"]).expect_code(0);
    ws.translate("ko", SEED_ID, |id, source| {
        (!source.starts_with("Posted") && !source.contains("Moon")).then(|| format!("번역 {id}"))
    });
    ws.run(&["extract"]).expect_code(0);
    let article = seed_article().replace("close ties", "strong ties");
    ws.write(&format!("articles/{SEED_ID}.md"), &article);
    ws.run(&["extract"]).expect_code(0);
    let commented =
        ws.read(CATALOG)
            .replacen("[[segment]]", "# Checked with the desk.\n[[segment]]", 1);
    ws.write(CATALOG, &commented);
    ws.run(&["export", "--format", "po", "--lang", "ko"])
        .expect_code(0);
    ws
}

/// The ids of the catalog's entries that are missing and outdated.
fn missing_and_outdated(ws: &Workspace) -> (Vec<String>, Vec<String>) {
    let catalog = ws.catalog("ko", SEED_ID);
    let segments = entries(&catalog, "segment");
    let ids = |keep: &dyn Fn(&toml::Table) -> bool| -> Vec<String> {
        segments
            .iter()
            .filter(|e| keep(e))
            .map(|e| field(e, "id").unwrap().to_string())
            .collect()
    };
    (
        ids(&|e| field(e, "translation").unwrap_or("").is_empty()),
        ids(&|e| e.contains_key("previous-source")),
    )
}

/// `text` with the part from the line holding `marker` to the next blank
/// line (a PO message) or table header (a catalog entry) passed through
/// `edit`.
fn edit_block(text: &str, marker: &str, edit: impl Fn(&str) -> String) -> String {
    let at = text
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} in\n{text}"));
    let start = text[..at].rfind("\n\n").map_or(0, |i| i + 2);
    let end = text[at..]
        .find("\n\n")
        .or_else(|| text[at..].find("\n[["))
        .map_or(text.len(), |i| at + i + 1);
    format!(
        "{}{}{}",
        &text[..start],
        edit(&text[start..end]),
        &text[end..]
    )
}

fn context(id: &str) -> String {
    format!("msgctxt \"{id}\"")
}

fn catalog_entry(id: &str) -> String {
    format!("id = \"{id}\"")
}

/// Replaces the line that starts with `key` in a block.
fn set_line(block: &str, key: &str, line: &str) -> String {
    block
        .lines()
        .map(|l| if l.starts_with(key) { line } else { l })
        .map(|l| format!("{l}\n"))
        .collect()
}

fn without_lines(block: &str, prefix: &str) -> String {
    block
        .lines()
        .filter(|l| !l.starts_with(prefix))
        .map(|l| format!("{l}\n"))
        .collect()
}

#[test]
fn a_po_round_trip_gives_the_catalog_a_translator_would_write_by_hand() {
    let ws = exported();
    let (missing, outdated) = missing_and_outdated(&ws);
    assert!(
        missing.len() >= 2 && outdated.len() == 1,
        "{missing:?} {outdated:?}"
    );
    let before = ws.read(CATALOG);

    // In the PO file: a missing segment translated, the outdated one
    // reviewed (its fuzzy mark and previous source taken off).
    let mut po = ws.read(PO);
    po = edit_block(&po, &context(&missing[0]), |m| {
        set_line(m, "msgstr", "msgstr \"새 \\\"번역\\\"\"")
    });
    po = edit_block(&po, &context(&outdated[0]), |m| {
        let m = without_lines(&without_lines(m, "#, fuzzy"), "#|");
        set_line(&m, "msgstr", "msgstr \"검토한 번역\"")
    });
    ws.write(PO, &po);

    // By hand, in the catalog: the same two edits.
    let mut expected = edit_block(&before, &catalog_entry(&missing[0]), |e| {
        set_line(e, "translation", "translation = \"새 \\\"번역\\\"\"")
    });
    expected = edit_block(&expected, &catalog_entry(&outdated[0]), |e| {
        let e = without_lines(e, "previous-source");
        set_line(&e, "translation", "translation = \"검토한 번역\"")
    });
    assert_ne!(expected, before);

    let run = ws.run(&["import", PO]).expect_code(0);
    assert!(run.stdout.contains("2 applied"), "{}", run.stdout);
    assert_eq!(ws.read(CATALOG), expected);
    assert!(ws.read(CATALOG).contains("# Checked with the desk.\n"));

    // The catalog is what status reads: one fewer missing, none outdated.
    let totals = ws
        .run(&["status", "--lang", "ko", "--format", "json"])
        .json()["languages"][0]["totals"]
        .clone();
    assert_eq!(totals["outdated"], 0, "{totals}");
    assert_eq!(totals["missing"], missing.len() - 1, "{totals}");

    // Importing the same file again changes nothing.
    let again = ws.run(&["import", PO]).expect_code(0);
    assert!(again.stdout.contains("0 applied"), "{}", again.stdout);
    assert_eq!(ws.read(CATALOG), expected);
}

#[test]
fn a_translation_still_marked_fuzzy_stays_outdated() {
    let ws = exported();
    let (_, outdated) = missing_and_outdated(&ws);
    let po = edit_block(&ws.read(PO), &context(&outdated[0]), |m| {
        set_line(m, "msgstr", "msgstr \"고쳤지만 검토 전\"")
    });
    ws.write(PO, &po);
    ws.run(&["import", PO]).expect_code(0);
    let catalog = ws.catalog("ko", SEED_ID);
    let entry = entries(&catalog, "segment")
        .into_iter()
        .find(|e| field(e, "id") == Some(outdated[0].as_str()))
        .unwrap();
    assert_eq!(field(&entry, "translation"), Some("고쳤지만 검토 전"));
    assert!(field(&entry, "previous-source").is_some(), "{entry:?}");
}

#[test]
fn what_cannot_be_applied_is_listed_with_its_line_and_left_alone() {
    let ws = exported();
    let (missing, _) = missing_and_outdated(&ws);
    let mut po = ws.read(PO);
    for id in &missing[..2] {
        po = edit_block(&po, &context(id), |m| {
            set_line(m, "msgstr", "msgstr \"번역함\"")
        });
    }
    po.push_str("\nmsgctxt \"ffffffff\"\nmsgid \"Nowhere.\"\nmsgstr \"어디에도\"\n");
    ws.write(PO, &po);
    // Meanwhile the article changes the second sentence, and extract runs.
    let catalog = ws.catalog("ko", SEED_ID);
    let second = entries(&catalog, "segment")
        .into_iter()
        .find(|e| field(e, "id") == Some(missing[1].as_str()))
        .unwrap();
    let source = field(&second, "source").unwrap().to_string();
    let edited = source.replacen(' ', " really ", 1);
    let article = ws.read(&format!("articles/{SEED_ID}.md"));
    assert!(article.contains(&source), "{source}");
    ws.write(
        &format!("articles/{SEED_ID}.md"),
        &article.replace(&source, &edited),
    );
    ws.run(&["extract"]).expect_code(0);

    let run = ws.run(&["import", PO]).expect_code(1);
    // A message's line is its first, the `#:` reference above `msgctxt`.
    let at = po.find(&context(&missing[1])).unwrap();
    let start = po[..at].rfind("\n\n").unwrap() + 2;
    let changed_at = format!(
        "{PO}:{}: {}: not applied: the source changed since the export",
        po[..start].lines().count() + 1,
        missing[1]
    );
    assert!(
        run.stdout.contains(&changed_at),
        "{changed_at}\n{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("ffffffff: not applied") && run.stdout.contains("has no such segment"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("1 applied"), "{}", run.stdout);
    let catalog = ws.catalog("ko", SEED_ID);
    let translation = |id: &str| {
        entries(&catalog, "segment")
            .into_iter()
            .find(|e| field(e, "id") == Some(id))
            .and_then(|e| field(&e, "translation").map(str::to_string))
            .unwrap_or_default()
    };
    assert_eq!(translation(&missing[0]), "번역함");
    // The changed sentence keeps no translation of the old one.
    assert!(
        entries(&catalog, "segment")
            .iter()
            .all(|e| field(e, "translation") != Some("번역함")
                || field(e, "id") == Some(&missing[0])),
        "{catalog:?}"
    );
}

#[test]
fn an_unknown_article_or_a_language_without_catalogs_is_listed() {
    let ws = exported();
    let po = ws.read(PO).replace("msgstr \"\"\n", "msgstr \"채움\"\n");
    let elsewhere = po.replace("X-L10n-Article: 2019/kim", "X-L10n-Article: 2018/kim");
    ws.write("other.po", &elsewhere);
    let run = ws.run(&["import", "other.po"]).expect_code(1);
    assert!(
        run.stdout
            .contains("not applied: no article `2018/kim-jong-un-china-visit`"),
        "{}",
        run.stdout
    );
    let japanese = po.replace("Language: ko", "Language: ja");
    ws.write("ja.po", &japanese);
    let before = ws.snapshot();
    let run = ws.run(&["import", "ja.po"]).expect_code(1);
    assert!(
        run.stdout
            .contains("no catalog locales/ja/2019/kim-jong-un-china-visit.toml"),
        "{}",
        run.stdout
    );
    before.assert_same(&ws.snapshot(), "nothing applied, nothing written");
}

#[test]
fn a_malformed_file_stops_the_whole_import_and_changes_nothing() {
    let ws = exported();
    // A good file beside the bad one: it is not applied either.
    let good = ws.read(PO).replace("msgstr \"\"\n", "msgstr \"채움\"\n");
    ws.write(PO, &good);
    ws.write("export/ko/broken.po", "msgid \"a\"\nmsgstr \"b\n");
    let stderr = refuses(&ws, &["import", "export"], &["export/ko/broken.po:2"]);
    assert!(stderr.contains("not a valid PO file"), "{stderr}");

    ws.write_bytes("export/ko/broken.po", b"msgid \"\xff\"\nmsgstr \"\"\n");
    refuses(&ws, &["import", "export"], &["broken.po", "UTF-8"]);

    std::fs::remove_file(ws.path("export/ko/broken.po")).unwrap();
    ws.write("notes.txt", "hello");
    refuses(
        &ws,
        &["import", "notes.txt"],
        &["cannot tell what kind of file"],
    );
    refuses(&ws, &["import", "missing.po"], &["no file missing.po"]);
    let english = good.replace("Language: ko", "Language: en");
    ws.write("en.po", &english);
    refuses(&ws, &["import", "en.po"], &["source language en"]);
    let unnamed = good.replace("\"Language: ko\\n\"\n", "");
    ws.write("unnamed.po", &unnamed);
    refuses(
        &ws,
        &["import", "unnamed.po"],
        &["does not say which language"],
    );
    let bad_tag = good.replace("Language: ko", "Language: k o");
    ws.write("bad.po", &bad_tag);
    let line = bad_tag[..bad_tag.find("Language: k o").unwrap()]
        .lines()
        .count();
    refuses(&ws, &["import", "bad.po"], &[&format!("bad.po:{line}:")]);
}

#[test]
fn a_dry_run_says_what_it_would_apply_and_writes_nothing() {
    let ws = exported();
    let po = ws
        .read(PO)
        .replacen("msgstr \"\"\n\n", "msgstr \"채움\"\n\n", 2);
    ws.write(PO, &po);
    let before = ws.snapshot();
    let run = ws.run(&["import", "--dry-run", "export"]).expect_code(0);
    assert!(run.stdout.contains("2 applied"), "{}", run.stdout);
    assert!(run.stdout.contains("dry run"), "{}", run.stdout);
    before.assert_same(&ws.snapshot(), "a dry run writes nothing");
}

#[test]
fn a_save_that_races_the_import_is_never_lost() {
    let ws = exported();
    let po = ws
        .read(PO)
        .replacen("msgstr \"\"\n\n", "msgstr \"채움\"\n\n", 2);
    ws.write(PO, &po);
    let held = ws.hold_at_commit(&["import", PO], &[]);
    let saved =
        ws.read(CATALOG)
            .replacen("translation = \"\"", "translation = \"번역가가 저장함\"", 1);
    ws.write(CATALOG, &saved);
    let (code, stderr) = held.release();
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("changed on disk"), "{stderr}");
    assert_eq!(ws.read(CATALOG), saved);
}

/// The translator's tool is a real PO library: polib fills a missing entry
/// and reviews the outdated one; the import gives what the hand edit gives.
#[test]
fn a_round_trip_through_polib_equals_the_hand_edit() {
    if !have_python(&["polib"], "the polib round trip") {
        return;
    }
    let ws = exported();
    let (missing, outdated) = missing_and_outdated(&ws);
    let mut expected = edit_block(&ws.read(CATALOG), &catalog_entry(&missing[0]), |e| {
        set_line(
            e,
            "translation",
            "translation = \"폴리브 \\\"번역\\\"\\n둘째 줄\"",
        )
    });
    expected = edit_block(&expected, &catalog_entry(&outdated[0]), |e| {
        let e = without_lines(e, "previous-source");
        set_line(&e, "translation", "translation = \"폴리브 검토\"")
    });
    let script = r#"
import sys, polib
po = polib.pofile(sys.argv[1])
for e in po:
    if e.msgctxt == sys.argv[2]:
        e.msgstr = '폴리브 "번역"\n둘째 줄'
    if e.msgctxt == sys.argv[3]:
        e.flags.remove('fuzzy')
        e.previous_msgid = None
        e.msgstr = '폴리브 검토'
po.save()
"#;
    succeeds(
        Command::new("python3")
            .args(["-c", script])
            .arg(ws.path(PO))
            .args([&missing[0], &outdated[0]]),
    );
    ws.run(&["import", PO]).expect_code(0);
    assert_eq!(ws.read(CATALOG), expected);
}

/// An export must come back in: from a catalog behind its article (an
/// edit `extract` has not seen), it is refused until `extract` runs; after
/// it, the translator's work on the edited sentence applies.
#[test]
fn an_export_from_catalogs_behind_their_articles_is_refused_until_extract() {
    let ws = exported();
    let article = ws
        .read(&format!("articles/{SEED_ID}.md"))
        .replace("strong ties", "very strong ties");
    ws.write(&format!("articles/{SEED_ID}.md"), &article);
    for format in ["po", "xliff", "xliff2", "tmx"] {
        refuses(
            &ws,
            &[
                "export", "--format", format, "--lang", "ko", "--out", "again",
            ],
            &[CATALOG, "not up to date", "l10n extract --lang ko"],
        );
    }
    // Fluent goes one way only, and serves what is current.
    ws.run(&["export", "--format", "ftl", "--lang", "ko", "--out", "ftl"])
        .expect_code(0);

    ws.run(&["extract"]).expect_code(0);
    ws.run(&["export", "--format", "po", "--lang", "ko", "--out", "again"])
        .expect_code(0);
    let (_, outdated) = missing_and_outdated(&ws);
    let again = "again/ko/2019/kim-jong-un-china-visit.po";
    let po = edit_block(&ws.read(again), &context(&outdated[0]), |m| {
        let m = without_lines(&without_lines(m, "#, fuzzy"), "#|");
        set_line(&m, "msgstr", "msgstr \"아주 긴밀한\"")
    });
    assert!(po.contains("very strong ties"), "{po}");
    ws.write(again, &po);
    ws.run(&["import", again]).expect_code(0);
    assert!(ws.read(CATALOG).contains("translation = \"아주 긴밀한\""));
}

#[test]
fn exchange_files_of_the_source_language_are_refused() {
    let ws = exported();
    refuses(
        &ws,
        &["export", "--format", "po", "--lang", "en"],
        &["en is the source language"],
    );
}

#[test]
fn a_file_that_names_no_article_outside_the_export_layout_is_listed() {
    let ws = exported();
    let po = ws
        .read(PO)
        .replace("\"X-L10n-Article: 2019/kim-jong-un-china-visit\\n\"\n", "")
        .replace("msgstr \"\"\n\n", "msgstr \"채움\"\n\n");
    // Where export puts it, the path names the article.
    ws.write("back/ko/2019/kim-jong-un-china-visit.po", &po);
    ws.run(&["import", "back"]).expect_code(0);
    // Anywhere else it names nothing: listed, not guessed.
    ws.write("loose.po", &po);
    let run = ws.run(&["import", "loose.po"]).expect_code(1);
    assert!(
        run.stdout.contains("loose.po:1:") && run.stdout.contains("does not name its article"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_folder_without_exchange_files_is_refused() {
    let ws = exported();
    ws.write("empty/notes.txt", "nothing to import");
    refuses(
        &ws,
        &["import", "empty"],
        &["no PO, XLIFF or TMX file in empty"],
    );
}

#[test]
fn source_date_epoch_makes_exports_reproducible_and_a_bad_one_is_refused() {
    let ws = exported();
    let env = [("SOURCE_DATE_EPOCH", "1798160700")];
    let export = ["export", "--format", "po", "--lang", "ko", "--out", "r"];
    let path = "r/ko/2019/kim-jong-un-china-visit.po";
    assert_eq!(ws.run_env(&export, &env).code, 0);
    let first = ws.read(path);
    assert!(
        first.contains("PO-Revision-Date: 2026-12-25 01:05+0000"),
        "{first}"
    );
    std::thread::sleep(std::time::Duration::from_millis(1100));
    assert_eq!(ws.run_env(&export, &env).code, 0);
    assert_eq!(ws.read(path), first);
    for bad in ["yesterday", "-1", "99999999999999"] {
        let before = ws.snapshot();
        let run = ws.run_env(&export, &[("SOURCE_DATE_EPOCH", bad)]);
        assert_eq!(run.code, 2, "{bad}: {}", run.stderr);
        assert!(run.stderr.contains("SOURCE_DATE_EPOCH"), "{}", run.stderr);
        before.assert_same(&ws.snapshot(), "a refused export writes nothing");
    }
}

/// A control character a tool slipped into a translation lands in the
/// catalog as the file has it (import does not edit text), and `check --qa`
/// fails on it.
#[test]
fn a_control_character_that_comes_in_is_caught_by_qa() {
    let ws = exported();
    let (missing, _) = missing_and_outdated(&ws);
    let po = edit_block(&ws.read(PO), &context(&missing[0]), |m| {
        set_line(m, "msgstr", "msgstr \"붙여넣은 \\033[31m 글\"")
    });
    ws.write(PO, &po);
    ws.run(&["import", PO]).expect_code(0);
    let run = ws.run(&["check", "--qa", "--lang", "ko"]).expect_code(1);
    assert!(
        run.stdout
            .contains("the translation holds U+001B, a control character the source does not have"),
        "{}",
        run.stdout
    );
}

/// Trados and other Windows tools write TMX and XLIFF in UTF-16 with a
/// byte-order mark: such a file imports like its UTF-8 twin; a broken one
/// (an odd byte at the end) stops the import with nothing changed.
#[test]
fn utf16_files_import_and_a_broken_one_changes_nothing() {
    let ws = exported();
    ws.run(&["export", "--format", "tmx", "--lang", "ko", "--out", "tm"])
        .expect_code(0);
    let tmx = ws.read("tm/ko/2019/kim-jong-un-china-visit.tmx");
    let catalog = ws.catalog("ko", SEED_ID);
    let translated = entries(&catalog, "segment")
        .into_iter()
        .find(|e| {
            !field(e, "translation").unwrap_or("").is_empty() && !e.contains_key("previous-source")
        })
        .unwrap();
    let old = field(&translated, "translation").unwrap().to_string();
    let edited = tmx
        .replacen(&format!("<seg>{old}</seg>"), "<seg>유티에프 십육</seg>", 1)
        .replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
    assert_ne!(edited, tmx);
    let utf16 = |text: &str, big_endian: bool| -> Vec<u8> {
        let mut bytes = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in text.encode_utf16() {
            let pair = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            bytes.extend_from_slice(&pair);
        }
        bytes
    };
    let mut broken = utf16(&edited, false);
    broken.push(b'<');
    ws.write_bytes("broken.tmx", &broken);
    refuses(
        &ws,
        &["import", "broken.tmx"],
        &["broken.tmx", "UTF-16", "odd number of bytes"],
    );
    ws.write_bytes("be.tmx", &utf16(&edited, true));
    ws.run(&["import", "--dry-run", "be.tmx"]).expect_code(0);
    ws.write_bytes("le.tmx", &utf16(&edited, false));
    let run = ws.run(&["import", "le.tmx"]).expect_code(0);
    assert!(run.stdout.contains("1 applied"), "{}", run.stdout);
    assert!(ws.read(CATALOG).contains("translation = \"유티에프 십육\""));
}
