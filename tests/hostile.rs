//! Hostile and broken input: each is either handled or refused with a clear
//! message and exit code 2, and a refused run changes no file.
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::util::{SEED_ID, Workspace, entries, field, refuses};

fn extracted() -> Workspace {
    let ws = Workspace::seeded();
    ws.run(&["extract"]).expect_code(0);
    ws
}

fn ko_catalog() -> String {
    format!("locales/ko/{SEED_ID}.toml")
}

#[test]
fn entry_without_source() {
    let ws = extracted();
    let text = ws.read(&ko_catalog());
    let first = text.lines().find(|l| l.starts_with("source = ")).unwrap();
    ws.write(&ko_catalog(), &text.replacen(&format!("{first}\n"), "", 1));
    refuses(&ws, &["extract"], &["has no `source`", &ko_catalog()]);
}

#[test]
fn catalog_naming_another_article_or_escaping_paths() {
    let ws = extracted();
    let text = ws.read(&ko_catalog());
    for article in ["2019/another-article", "../../etc/passwd", "/etc/passwd"] {
        let bad = text.replace(
            &format!("article = \"{SEED_ID}\""),
            &format!("article = \"{article}\""),
        );
        ws.write(&ko_catalog(), &bad);
        refuses(&ws, &["extract"], &[article, "move the file"]);
    }
}

#[test]
fn orphaned_catalog_is_reported_and_kept_until_prune() {
    let ws = extracted();
    ws.write(
        "articles/other.md",
        "Another article. It will be renamed.\n",
    );
    ws.run(&["extract"]).expect_code(0);
    fs::rename(ws.path("articles/other.md"), ws.path("articles/renamed.md")).unwrap();
    let status = ws.run(&["status"]).expect_code(0);
    assert!(
        status.stdout.contains("orphaned: locales/ko/other.toml"),
        "{}",
        status.stdout
    );
    let json = ws
        .run(&["status", "--format", "json"])
        .expect_code(0)
        .json();
    assert_eq!(json["languages"][0]["orphans"][0], "locales/ko/other.toml");
    let extract = ws.run(&["extract"]).expect_code(0);
    assert!(
        extract
            .stderr
            .contains("locales/ko/other.toml has no article"),
        "{}",
        extract.stderr
    );
    assert!(
        ws.path("locales/ko/other.toml").exists(),
        "deleted without --prune"
    );
    assert!(ws.path("locales/ko/renamed.toml").exists());
    let pruned = ws.run(&["extract", "--prune"]).expect_code(0);
    assert!(
        pruned.stdout.contains("removed locales/ko/other.toml"),
        "{}",
        pruned.stdout
    );
    assert!(!ws.path("locales/ko/other.toml").exists());
    assert!(!ws.path("locales/en/other.toml").exists());
}

#[test]
fn empty_and_code_only_articles_have_no_segments() {
    let ws = Workspace::new();
    ws.mkdir("locales/ko");
    ws.write("articles/empty.md", "");
    ws.write(
        "articles/code.md",
        "```\nlet x = 1; // Not. Translated.\n```\n\n    indented. code.\n",
    );
    ws.run(&["extract"]).expect_code(0);
    for article in ["empty", "code"] {
        assert!(entries(&ws.catalog("ko", article), "segment").is_empty());
    }
    let json = ws
        .run(&["status", "--format", "json"])
        .expect_code(0)
        .json();
    assert_eq!(json["languages"][0]["totals"]["segments"], 0);
    ws.run(&["check"]).expect_code(0);
}

#[test]
fn an_article_that_is_one_20_mb_line() {
    let ws = Workspace::new();
    ws.mkdir("locales/ko");
    let sentence = format!("Word {}end. ", "word ".repeat(2000));
    let line = sentence.repeat(20 * 1024 * 1024 / sentence.len() + 1);
    ws.write("articles/huge.txt", &line);
    let started = Instant::now();
    ws.run(&["extract"]).expect_code(0);
    ws.run(&["status"]).expect_code(0);
    // Linear work; a quadratic step would take hours, not seconds.
    assert!(
        started.elapsed() < Duration::from_secs(120),
        "took {:?}",
        started.elapsed()
    );
    assert!(entries(&ws.catalog("ko", "huge"), "segment").len() > 1000);
}

#[test]
fn nul_bytes_in_an_article_or_a_catalog() {
    let ws = extracted();
    ws.write_bytes("articles/binary.md", b"Looks like text.\0 But is not.\n");
    refuses(&ws, &["extract"], &["articles/binary.md", "NUL byte"]);
    fs::remove_file(ws.path("articles/binary.md")).unwrap();
    let mut bytes = ws.read(&ko_catalog()).into_bytes();
    bytes.extend_from_slice(b"# \0\n");
    ws.write_bytes(&ko_catalog(), &bytes);
    refuses(&ws, &["status"], &[&ko_catalog(), "NUL byte"]);
}

#[test]
fn a_catalog_with_a_byte_order_mark_keeps_it() {
    let ws = extracted();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(ws.read(&ko_catalog()).as_bytes());
    ws.write_bytes(&ko_catalog(), &bytes);
    let edited = crate::util::seed_article().replace("close ties", "strong ties");
    ws.write(&format!("articles/{SEED_ID}.md"), &edited);
    ws.run(&["extract"]).expect_code(0);
    let after = fs::read(ws.path(&ko_catalog())).unwrap();
    assert!(after.starts_with(b"\xEF\xBB\xBF"));
    assert!(String::from_utf8_lossy(&after).contains("strong ties"));
}

#[cfg(unix)]
#[test]
fn symlinks_inside_are_followed_outside_refused_loops_harmless() {
    use std::os::unix::fs::symlink;
    let ws = extracted();
    // Inside: an article linked from elsewhere in the workspace.
    ws.write("drafts/linked.md", "A linked article. It counts.\n");
    symlink(ws.path("drafts/linked.md"), ws.path("articles/linked.md")).unwrap();
    // A loop: a folder linking back to its parent.
    symlink(ws.path("articles"), ws.path("articles/2019/loop")).unwrap();
    ws.run(&["extract"]).expect_code(0);
    assert!(ws.path("locales/ko/linked.toml").exists());
    // A catalog that is a link inside the workspace is written through.
    fs::rename(
        ws.path("locales/ko/linked.toml"),
        ws.path("drafts/linked.ko.toml"),
    )
    .unwrap();
    symlink(
        ws.path("drafts/linked.ko.toml"),
        ws.path("locales/ko/linked.toml"),
    )
    .unwrap();
    ws.write("drafts/linked.md", "A linked article. It counts twice.\n");
    ws.run(&["extract"]).expect_code(0);
    assert!(
        ws.path("locales/ko/linked.toml").is_symlink(),
        "the link was replaced"
    );
    assert!(
        ws.read("drafts/linked.ko.toml")
            .contains("It counts twice.")
    );
    // Outside: refused.
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("secret.md"), "Outside text.\n").unwrap();
    symlink(
        outside.path().join("secret.md"),
        ws.path("articles/secret.md"),
    )
    .unwrap();
    refuses(
        &ws,
        &["extract"],
        &["articles/secret.md", "outside the workspace"],
    );
}

// Red team (issue 10): editors, odd TOML, names, paths and plumbing. Each
// test names the attacks of tests/README.md it stands for; every
// translation is counted before and after.

/// The seed workspace, extracted, with every Korean entry translated as
/// `T1`, `T2`, … by editing the file's text, as a translator would.
pub fn translated() -> Workspace {
    let ws = extracted();
    let n = ws.fill_empty_translations(&ko_catalog(), |n| format!("T{n}"));
    assert!(n > 20, "the seed catalog has entries");
    ws
}

/// Every non-empty translation of every catalog under `locales/`, current
/// or obsolete (files whose names start with a dot aside).
pub fn translations(ws: &Workspace) -> BTreeSet<String> {
    fn walk(dir: &Path, out: &mut BTreeSet<String>) {
        let Ok(listing) = fs::read_dir(dir) else {
            return;
        };
        for entry in listing {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            if path.is_dir() {
                walk(&path, out);
            } else if name.ends_with(".toml") {
                let text = fs::read_to_string(&path).unwrap();
                let table: toml::Table = text
                    .parse()
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                for section in ["segment", "obsolete"] {
                    for entry in entries(&table, section) {
                        if let Some(t) = field(&entry, "translation").filter(|t| !t.is_empty()) {
                            out.insert(t.to_string());
                        }
                    }
                }
            }
        }
    }
    let mut found = BTreeSet::new();
    walk(&ws.path("locales"), &mut found);
    found
}

/// Panics naming the translations of `before` that are gone now.
#[track_caller]
pub fn assert_kept(ws: &Workspace, before: &BTreeSet<String>) {
    let now = translations(ws);
    let lost: Vec<_> = before.difference(&now).collect();
    assert!(lost.is_empty(), "translations lost: {lost:?}");
}

/// The seed article with one sentence edited (`close ties` → `strong ties`).
pub fn edit_article(ws: &Workspace) {
    let edited = crate::util::seed_article().replace("close ties", "strong ties");
    ws.write(&format!("articles/{SEED_ID}.md"), &edited);
}

fn ko_text(ws: &Workspace) -> String {
    ws.read(&ko_catalog())
}

/// Vim's `file~` backup and `.file.swp` swap file and `4913` probe, Emacs's
/// `.#file` lock link and `#file#` autosave, JetBrains' safe-write files,
/// NFS silly-rename `.nfs…` files and vim's `backupcopy=no` save (the old
/// file renamed away, a new one written): none is an article or a catalog,
/// none is reported orphaned, and the saved text is what extract reads.
#[cfg(unix)]
#[test]
fn editor_droppings_are_neither_articles_nor_catalogs() {
    use std::os::unix::fs::symlink;
    let ws = translated();
    let catalog = ko_catalog();
    let dir = ws.path(&catalog).parent().unwrap().to_path_buf();
    let article = format!("articles/{SEED_ID}.md");
    let article_dir = ws.path(&article).parent().unwrap().to_path_buf();
    let name = "kim-jong-un-china-visit";
    // vim, backupcopy=no: rename the file to its backup, write a new one.
    fs::rename(ws.path(&catalog), dir.join(format!("{name}.toml~"))).unwrap();
    let saved = ws
        .read(&format!("{catalog}~"))
        .replace("\"T3\"", "\"T3 saved by vim\"");
    ws.write(&catalog, &saved);
    for folder in [&dir, &article_dir] {
        for ext in ["toml", "md"] {
            for dropping in [
                format!(".{name}.{ext}.swp"),
                "4913".to_string(),
                format!("#{name}.{ext}#"),
                format!("{name}.{ext}___jb_tmp___"),
                format!("{name}.{ext}___jb_old___"),
                format!("{name}.{ext}.~1~"),
                ".nfs000000000a1b2c3d00000001".to_string(),
            ] {
                fs::write(folder.join(dropping), "junk = [").unwrap();
            }
            let lock = folder.join(format!(".#{name}.{ext}"));
            symlink("translator@host.4242:1700000000", lock).unwrap();
        }
    }
    fs::write(article_dir.join(format!("{name}.md~")), "Old text. Gone.\n").unwrap();
    let before = translations(&ws);
    assert!(before.contains("T3 saved by vim"));
    edit_article(&ws);
    let status = ws.run(&["status"]).expect_code(0);
    assert!(!status.stdout.contains("orphaned"), "{}", status.stdout);
    let extract = ws.run(&["extract"]).expect_code(0);
    assert!(
        extract.stdout.contains("extract: 1 article,"),
        "{}",
        extract.stdout
    );
    assert!(
        !extract.stderr.contains("has no article"),
        "{}",
        extract.stderr
    );
    assert_kept(&ws, &before);
    assert!(ko_text(&ws).contains("strong ties"));
}

/// An editor that truncates, then writes: a run that reads the catalog in
/// between sees it empty or cut short. It refuses (exit 2, nothing written)
/// instead of taking the file for a new catalog.
#[test]
fn a_catalog_caught_mid_save_is_refused() {
    let ws = translated();
    edit_article(&ws);
    let full = ko_text(&ws);
    for (cut, expected) in [(0, "no [catalog] table"), (full.len() / 2, "invalid TOML")] {
        let mut end = cut;
        while !full.is_char_boundary(end) || full[..end].ends_with('\n') {
            end += 1;
        }
        ws.write(&ko_catalog(), &full[..end]);
        refuses(&ws, &["extract"], &[&ko_catalog(), expected]);
        refuses(&ws, &["status"], &[&ko_catalog()]);
    }
}

/// A catalog saved as UTF-16 (with its BOM), or with classic Mac `\r` line
/// ends, or with Latin-1 text: refused with the file and what to do.
#[test]
fn foreign_encodings_and_line_ends_are_refused() {
    let ws = translated();
    let text = ko_text(&ws);
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    ws.write_bytes(&ko_catalog(), &utf16);
    refuses(
        &ws,
        &["extract"],
        &[&ko_catalog(), "not valid UTF-8", "UTF-8"],
    );
    ws.write(&ko_catalog(), &text.replace('\n', "\r"));
    refuses(&ws, &["extract"], &[&ko_catalog(), "carriage return"]);
    let latin1: Vec<u8> = text
        .replace("\"T1\"", "\"caf\u{e9}\"")
        .chars()
        .map(|c| c as u32 as u8)
        .collect();
    ws.write_bytes(&ko_catalog(), &latin1);
    refuses(&ws, &["status"], &[&ko_catalog(), "not valid UTF-8"]);
}

/// Catalogs edited into odd but valid TOML keep every translation through
/// an article edit: mixed CRLF/LF lines, tabs around `=`, no final newline,
/// literal and multi-line strings (one holding lines that look like
/// entries), `[catalog]` last, dotted `catalog.` keys, keys reordered,
/// `[[ segment ]]` with spaces.
#[test]
fn odd_but_valid_catalogs_keep_every_translation() {
    type Edit = fn(&str) -> String;
    let variants: [(&str, Edit); 8] = [
        ("mixed CRLF", |t| {
            t.lines()
                .enumerate()
                .map(|(i, l)| format!("{l}{}", if i % 2 == 0 { "\r\n" } else { "\n" }))
                .collect()
        }),
        ("tabs", |t| {
            t.replace("translation = ", "\ttranslation\t=\t")
        }),
        ("no final newline", |t| t.trim_end().to_string()),
        ("literal and multi-line strings", |t| {
            t.replace("translation = \"T1\"", "translation = 'T1'")
                .replace(
                    "translation = \"T2\"",
                    "translation = \"\"\"T2\n[[segment]]\nid = \"deadbeef\"\ntranslation = \"FAKE\"\n\"\"\"",
                )
                .replace(
                    "translation = \"T3\"",
                    "translation = '''T3\n[[obsolete]]\nid = \"a2c8a729\"\n'''",
                )
        }),
        ("[catalog] last", |t| {
            let start = t.find("[catalog]").unwrap();
            let end = t.find("[[segment]]").unwrap();
            format!("{}{}\n{}", &t[..start], &t[end..], &t[start..end])
        }),
        ("dotted keys", |t| {
            t.replacen("[catalog]\narticle", "catalog.article", 1)
                .replacen("\nsource-lang = ", "\ncatalog.source-lang = ", 1)
                .replacen("\nlang = ", "\ncatalog.lang = ", 1)
        }),
        ("keys reordered", |t| {
            let mut out = String::new();
            for block in t.split("\n\n") {
                let (ids, rest): (Vec<&str>, Vec<&str>) =
                    block.lines().partition(|l| l.starts_with("id = "));
                out.push_str(&[rest, ids].concat().join("\n"));
                out.push_str("\n\n");
            }
            out
        }),
        ("spaced headers", |t| {
            t.replace("[[segment]]", "[[ segment ]]")
        }),
    ];
    for (name, edit) in variants {
        let ws = translated();
        ws.write(&ko_catalog(), &edit(&ko_text(&ws)));
        let before = translations(&ws);
        assert!(before.len() > 20, "{name}");
        edit_article(&ws);
        let json = ws
            .run(&["status", "--format", "json"])
            .expect_code(0)
            .json();
        let totals = &json["languages"][0]["totals"];
        assert_eq!(totals["outdated"], 1, "{name}: {totals}");
        assert_eq!(totals["missing"], 0, "{name}: {totals}");
        ws.run(&["extract"]).expect_code(0);
        assert_kept(&ws, &before);
        let catalog = ws.catalog("ko", SEED_ID);
        let segments = entries(&catalog, "segment");
        assert_eq!(segments.len(), 25, "{name}: phantom or lost entries");
        assert!(entries(&catalog, "obsolete").is_empty(), "{name}");
        assert!(
            segments
                .iter()
                .any(|e| field(e, "previous-source").is_some_and(|p| p.contains("close ties"))),
            "{name}: the edit was not marked"
        );
        // Idempotent from here on.
        let after = ko_text(&ws);
        ws.run(&["extract"]).expect_code(0);
        assert_eq!(ko_text(&ws), after, "{name}: a second extract changed it");
    }
}

/// Another TOML tool re-escapes text (`\uBC88`, `\u002E`, `\U0001F600`) and
/// writes the `lang` tag in capitals: nothing is outdated, nothing written.
#[test]
fn re_escaped_text_and_a_capitalised_tag_change_nothing() {
    let ws = translated();
    let text = ko_text(&ws)
        .replace(
            "translation = \"T1\"",
            "translation = \"\\uBC88\\uC5ED T1\"",
        )
        .replace("Jinping.\"", "Jinping\\u002E\"")
        .replace("\"T4\"", "\"T4 \\U0001F600\"")
        .replacen("\nlang = \"ko\"", "\nlang = \"KO\"", 1);
    ws.write(&ko_catalog(), &text);
    let json = ws
        .run(&["status", "--format", "json"])
        .expect_code(0)
        .json();
    assert_eq!(json["languages"][0]["totals"]["translated"], 25);
    let before = ws.snapshot();
    ws.run(&["extract"]).expect_code(0);
    before.assert_same(&ws.snapshot(), "an unchanged catalog was rewritten");
    assert!(translations(&ws).contains("번역 T1"));
    // A tag of another language (`ko-KR`) is not the same catalog.
    ws.write(
        &ko_catalog(),
        &text.replacen("\nlang = \"KO\"", "\nlang = \"ko-kr\"", 1),
    );
    refuses(&ws, &["extract"], &[&ko_catalog(), "ko-KR"]);
}

/// Shapes a translator may produce that l10n cannot read unambiguously are
/// refused with the line, nothing written: an inline array of entries, a
/// key twice in an entry, an entry twice, an id changed to another entry's,
/// a 100,000-deep nested value.
#[test]
fn ambiguous_catalog_shapes_are_refused() {
    let ws = translated();
    let text = ko_text(&ws);
    let inline = {
        let table: toml::Table = text.parse().unwrap();
        let mut out = String::from("segment = [\n");
        for entry in entries(&table, "segment") {
            out.push_str(&format!("  {},\n", toml::Value::Table(entry)));
        }
        out.push_str("]\n\n[catalog]\n");
        out.push_str(&format!(
            "article = \"{SEED_ID}\"\nsource-lang = \"en\"\nlang = \"ko\"\n"
        ));
        out
    };
    let second_entry = {
        let start = text.find("[[segment]]\nid = \"d34f78e1\"").unwrap();
        let end = start + text[start..].find("\n\n").unwrap() + 2;
        text[start..end].to_string()
    };
    let deep = format!("note = {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    for (shape, expected) in [
        (inline, "list of [[segment]] tables"),
        (
            text.replace(
                "translation = \"T2\"",
                "translation = \"T2\"\ntranslation = \"T2b\"",
            ),
            "duplicate key",
        ),
        (
            text.replace(&second_entry, &second_entry.repeat(2)),
            "duplicate id",
        ),
        (
            text.replace("id = \"d34f78e1\"", "id = \"a2c8a729\""),
            "duplicate id",
        ),
        (
            text.replace(
                "translation = \"T2\"",
                &format!("translation = \"T2\"\n{deep}"),
            ),
            "recursion",
        ),
    ] {
        ws.write(&ko_catalog(), &shape);
        refuses(&ws, &["extract"], &[&ko_catalog(), expected]);
        refuses(&ws, &["check"], &[&ko_catalog()]);
    }
}

/// Hand edits of a catalog's structure: an entry moved into `[[obsolete]]`
/// while its sentence is still in the article comes back; a `source` the
/// translator changed is restored, their text kept as `previous-source`;
/// an entry added by hand under an unknown id is kept.
#[test]
fn hand_edits_of_structure_keep_translations() {
    let ws = translated();
    let text = ko_text(&ws);
    let start = text.find("[[segment]]\nid = \"d34f78e1\"").unwrap();
    let end = start + text[start..].find("\n\n").unwrap() + 2;
    let entry = &text[start..end];
    let moved = format!(
        "{}{}\n{}",
        &text[..start],
        &text[end..],
        entry.replace("[[segment]]", "[[obsolete]]")
    )
    .replace(
        "source = \"Updated January. 10, 2019 08:50\"",
        "source = \"Updated by the translator\"",
    );
    let added = format!(
        "{moved}\n[[segment]]\nid = \"mine0001\"\nsource = \"My own note.\"\ntranslation = \"MINE\"\n"
    );
    ws.write(&ko_catalog(), &added);
    let before = translations(&ws);
    ws.run(&["extract"]).expect_code(0);
    assert_kept(&ws, &before);
    let catalog = ws.catalog("ko", SEED_ID);
    let segments = entries(&catalog, "segment");
    let by_id = |id: &str| {
        segments
            .iter()
            .find(|e| field(e, "id") == Some(id))
            .cloned()
    };
    let revived = by_id("d34f78e1").expect("the hand-obsoleted entry is current again");
    assert_eq!(field(&revived, "translation"), Some("T2"));
    let restored = by_id("36210b9c").unwrap();
    assert_eq!(
        field(&restored, "source"),
        Some("Updated January. 10, 2019 08:50")
    );
    assert_eq!(
        field(&restored, "previous-source"),
        Some("Updated by the translator")
    );
    assert_eq!(field(&restored, "translation"), Some("T3"));
    assert!(
        entries(&catalog, "obsolete")
            .iter()
            .any(|e| field(e, "translation") == Some("MINE"))
    );
}

/// The article is read while its editor saves it (truncated, or half
/// written), or while a `git checkout` has it deleted: its entries go to
/// `[[obsolete]]`, and come back, translated and current, when the article
/// does.
#[test]
fn an_article_caught_mid_save_loses_nothing() {
    let article = format!("articles/{SEED_ID}.md");
    let full = crate::util::seed_article();
    for caught in ["", &full[..1500], "(deleted)"] {
        let ws = translated();
        let before = translations(&ws);
        if caught == "(deleted)" {
            fs::remove_file(ws.path(&article)).unwrap();
        } else {
            ws.write(&article, caught);
        }
        ws.run(&["extract"]).expect_code(0);
        assert_kept(&ws, &before);
        ws.write(&article, &full);
        ws.run(&["extract"]).expect_code(0);
        assert_kept(&ws, &before);
        let json = ws
            .run(&["status", "--format", "json"])
            .expect_code(0)
            .json();
        let totals = &json["languages"][0]["totals"];
        assert_eq!(totals["translated"], 25, "{totals}");
        assert_eq!(totals["obsolete"], 0, "{totals}");
    }
}

/// File names at the limit: an article whose catalog name would pass 255
/// bytes is refused (exit 2, nothing written), one that fits works.
#[test]
fn names_at_the_length_limit() {
    let ws = translated();
    let fits = "b".repeat(250);
    ws.write(&format!("articles/{fits}.md"), "A long name. It fits.\n");
    ws.run(&["extract"]).expect_code(0);
    assert!(ws.path(&format!("locales/ko/{fits}.toml")).is_file());
    let before = translations(&ws);
    let long = "a".repeat(252);
    ws.write(&format!("articles/{long}.md"), "A longer name. Too long.\n");
    edit_article(&ws);
    refuses(&ws, &["extract"], &[&format!("{long}.toml")]);
    assert_kept(&ws, &before);
}

/// Folders nested past PATH_MAX (made step by step, as a tool could) are
/// refused with exit 2 and nothing written; nested almost that deep, they
/// work.
#[cfg(unix)]
#[test]
fn folders_nested_past_path_max() {
    let ws = translated();
    let level = "d".repeat(240);
    let nest = |root: &str, levels: usize| {
        let script = format!(
            "cd {root} && for i in $(seq {levels}); do mkdir {level} && cd -P {level} || exit 1; done && echo 'Deep text. Really deep.' > deep.md"
        );
        let status = std::process::Command::new("sh")
            .args(["-c", &script])
            .current_dir(ws.path("."))
            .status()
            .unwrap();
        assert!(status.success());
    };
    nest("articles", 12);
    ws.run(&["extract"]).expect_code(0);
    let before = translations(&ws);
    assert!(before.len() > 20);
    let catalog = ko_text(&ws);
    ws.mkdir("articles/z");
    nest("articles/z", 20);
    edit_article(&ws);
    let run = ws.run(&["extract"]).expect_code(2);
    assert!(run.stderr.contains("cannot read"), "{}", run.stderr);
    assert_eq!(ko_text(&ws), catalog, "written after a refusal");
    assert_kept(&ws, &before);
}

/// `A.MD` and `A.md` are one id: refused, naming both.
#[test]
fn extensions_differing_in_case_are_one_article() {
    let ws = translated();
    ws.write("articles/A.MD", "Upper case. Here.\n");
    ws.write("articles/A.md", "Lower case. Here.\n");
    refuses(&ws, &["extract"], &["articles/A.MD", "articles/A.md"]);
}

/// B2. Two articles whose ids differ only in case (`Report.md`,
/// `report.md`, or a folder's case) or in Unicode normalisation (`café`
/// NFC and NFD) are two articles on Linux, but their catalogs are ONE file
/// on macOS (APFS/HFS+: case- and normalisation-insensitive) and Windows:
/// a clone there keeps one of the two catalogs. Refused, exit 2, naming
/// both, by every command that reads the articles.
#[test]
fn ids_differing_only_in_case_or_normalisation_are_refused() {
    for (first, second) in [
        ("Report", "report"),
        ("caf\u{e9}", "cafe\u{301}"),
        ("Desk/notes", "desk/notes"),
    ] {
        let ws = translated();
        ws.write(
            &format!("articles/{first}.md"),
            "One article. Two sentences.\n",
        );
        ws.write(&format!("articles/{second}.md"), "Another one. Two more.\n");
        for command in ["extract", "status"] {
            refuses(
                &ws,
                &[command],
                &[
                    &format!("articles/{first}.md"),
                    &format!("articles/{second}.md"),
                ],
            );
        }
    }
}

/// B5. A translator who moves `[catalog]` to the end of the file (valid
/// TOML, any order) finds it there after the next extract that edits the
/// file, below the entries (new ones too), and the header comment stays
/// at the top: table order is the translator's formatting.
#[test]
fn a_catalog_table_placed_last_stays_last() {
    let ws = translated();
    let path = format!("locales/ko/{SEED_ID}.toml");
    let text = ws.read(&path);
    let start = text.find("[catalog]").unwrap();
    let end = text.find("[[segment]]").unwrap();
    ws.write(
        &path,
        &format!("{}{}\n{}", &text[..start], &text[end..], &text[start..end]),
    );
    let before = translations(&ws);
    edit_article(&ws);
    let article = ws.read(&format!("articles/{SEED_ID}.md"));
    ws.write(
        &format!("articles/{SEED_ID}.md"),
        &format!("{article}\nA sentence added at the end.\n"),
    );
    ws.run(&["extract"]).expect_code(0);
    let after = ws.read(&path);
    assert!(after.starts_with("# The ko translation"), "{after}");
    assert!(
        after.trim_end().ends_with("lang = \"ko\""),
        "[catalog] moved: {after}"
    );
    assert!(after.contains("A sentence added at the end."), "{after}");
    assert_kept(&ws, &before);
}

/// The workspace's plumbing replaced: a catalog that is a folder,
/// `locales/ko` that is a file, `locales/ko-KR` a link to `locales/ko`,
/// `.l10n` a file or `.l10n/lock` a folder. Each catalog-side one is
/// refused with exit 2 and nothing written; with `.l10n` unusable, status
/// still answers and extract still runs (its lock is the workspace folder).
#[cfg(unix)]
#[test]
fn workspace_plumbing_replaced() {
    let ws = translated();
    edit_article(&ws);
    let text = ko_text(&ws);
    let before = translations(&ws);
    fs::remove_file(ws.path(&ko_catalog())).unwrap();
    ws.mkdir(&ko_catalog());
    refuses(&ws, &["extract"], &[&ko_catalog()]);
    refuses(&ws, &["status"], &[&ko_catalog()]);
    fs::remove_dir(ws.path(&ko_catalog())).unwrap();
    ws.write(&ko_catalog(), &text);

    std::os::unix::fs::symlink("ko", ws.path("locales/ko-KR")).unwrap();
    refuses(&ws, &["extract"], &["locales/ko-KR", "lang"]);
    fs::remove_file(ws.path("locales/ko-KR")).unwrap();

    let _ = fs::remove_dir_all(ws.path(".l10n"));
    ws.write(".l10n", "not a folder");
    let status = ws.run(&["status"]).expect_code(0);
    assert!(status.stdout.contains("1 outdated"), "{}", status.stdout);
    // The lock is on the workspace folder, not in the disposable `.l10n/`:
    // whatever stands there, extract runs and keeps every translation.
    ws.run(&["extract"]).expect_code(0);
    assert_kept(&ws, &before);
    fs::remove_file(ws.path(".l10n")).unwrap();
    ws.mkdir(".l10n/lock");
    ws.run(&["extract"]).expect_code(0);
    assert_kept(&ws, &before);
    fs::remove_dir(ws.path(".l10n/lock")).unwrap();

    ws.write("l10n.toml", "languages = [\"ko\"]\n");
    fs::rename(ws.path("locales/ko"), ws.path("ko-moved")).unwrap();
    ws.write("locales/ko", "a file where the folder was\n");
    refuses(&ws, &["extract"], &["locales/ko"]);
    fs::remove_file(ws.path("locales/ko")).unwrap();
    fs::rename(ws.path("ko-moved"), ws.path("locales/ko")).unwrap();
    ws.run(&["extract"]).expect_code(0);
    assert_kept(&ws, &before);
}

/// A Markdown article nested 20,000 levels deep (block quotes, lists) and
/// a 10 MB translation on one line: no stack overflow, linear work.
#[test]
fn deep_markdown_and_a_10_mb_translation() {
    let ws = translated();
    ws.write(
        "articles/deep.md",
        &format!(
            "{} Deep quote. Two.\n\n{}Deep list. Two.\n",
            ">".repeat(20_000),
            "- ".repeat(20_000)
        ),
    );
    let huge = format!("T2{}", "가".repeat(3_500_000));
    ws.write(
        &ko_catalog(),
        &ko_text(&ws).replace("translation = \"T2\"", &format!("translation = \"{huge}\"")),
    );
    edit_article(&ws);
    let started = Instant::now();
    ws.run(&["extract"]).expect_code(0);
    ws.run(&["status"]).expect_code(0);
    ws.run(&["build", "--lang", "ko", "--out", "out"])
        .expect_code(0);
    assert!(started.elapsed() < Duration::from_secs(120));
    assert!(translations(&ws).contains(&huge));
    assert!(ws.read(&format!("out/ko/{SEED_ID}.md")).contains(&huge));
}

/// The template folder (`locales/en`) deleted by mistake: no translation
/// is lost; ids come back from the sentences' hashes.
#[test]
fn a_lost_template_folder_loses_no_translation() {
    let ws = translated();
    let before = translations(&ws);
    fs::remove_dir_all(ws.path("locales/en")).unwrap();
    edit_article(&ws);
    ws.run(&["extract"]).expect_code(0);
    assert_kept(&ws, &before);
    ws.run(&["extract"]).expect_code(0);
    let json = ws
        .run(&["status", "--format", "json"])
        .expect_code(0)
        .json();
    assert_eq!(json["languages"][0]["totals"]["translated"], 24);
}

/// `extract --lang ko` after an edit moves the template on; a later
/// `extract --lang ja` still marks the Japanese entry outdated with its
/// previous source instead of losing it.
#[test]
fn extracting_one_language_then_another_loses_nothing() {
    let ws = translated();
    let ja = format!("locales/ja/{SEED_ID}.toml");
    ws.write(
        &ja,
        &ko_text(&ws)
            .replacen("\nlang = \"ko\"", "\nlang = \"ja\"", 1)
            .replace("translation = \"T", "translation = \"J"),
    );
    let before = translations(&ws);
    edit_article(&ws);
    ws.run(&["extract", "--lang", "ko"]).expect_code(0);
    ws.run(&["extract", "--lang", "ja"]).expect_code(0);
    assert_kept(&ws, &before);
    let catalog = ws.catalog("ja", SEED_ID);
    let outdated: Vec<_> = entries(&catalog, "segment")
        .into_iter()
        .filter(|e| field(e, "previous-source").is_some())
        .collect();
    assert_eq!(outdated.len(), 1);
    assert!(
        field(&outdated[0], "previous-source")
            .unwrap()
            .contains("close ties")
    );
}

/// `HOME` unset and `TMPDIR` pointing nowhere: every command works (temporary
/// files live beside their targets).
#[test]
fn no_home_and_an_unwritable_tmpdir() {
    let ws = translated();
    let before = translations(&ws);
    edit_article(&ws);
    for args in [
        &["extract"][..],
        &["status"],
        &["build", "--lang", "ko", "--out", "out"],
    ] {
        let output = ws
            .command(args)
            .env_remove("HOME")
            .env("TMPDIR", "/nonexistent/tmp")
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    assert_kept(&ws, &before);
    assert!(ko_text(&ws).contains("strong ties"));
}
