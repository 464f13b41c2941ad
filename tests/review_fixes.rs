//! Defects found by the reviewers of issue 10: comments on a key that
//! extract removes, ids that an article's catalogs already use, a
//! configuration file that is not a regular file, and paths in error
//! messages.
use std::collections::BTreeSet;
use std::fs;
use std::process::Command;

use crate::hostile::{edit_article, translated};
use crate::util::{SEED_ID, entries, field, seed_article};

fn ko_catalog() -> String {
    format!("locales/ko/{SEED_ID}.toml")
}

/// A `previous-source` that extract removes (the article went back to the
/// text the translation was made from) takes no comment of the
/// translator's with it: not the lines above it, not the one at the end
/// of its line, not when it is the entry's last key.
#[test]
fn comments_on_a_removed_previous_source_are_kept() {
    for (name, shape) in [
        (
            "above",
            "# Asked the desk: keep it.\nprevious-source = {p}\n{t}",
        ),
        (
            "end of line",
            "previous-source = {p} # Asked the desk: keep it.\n{t}",
        ),
        (
            "last key",
            "{t}# Asked the desk: keep it.\nprevious-source = {p}\n",
        ),
    ] {
        let ws = translated();
        edit_article(&ws);
        ws.run(&["extract"]).expect_code(0);
        let text = ws.read(&ko_catalog());
        let start = text.find("previous-source = ").expect("an outdated entry");
        let p_end = start + text[start..].find('\n').unwrap() + 1;
        let t_end = p_end + text[p_end..].find('\n').unwrap() + 1;
        let previous = text[start..p_end]
            .trim_end()
            .trim_start_matches("previous-source = ");
        let translation = &text[p_end..t_end];
        assert!(translation.starts_with("translation = "), "{text}");
        let edited = shape.replace("{p}", previous).replace("{t}", translation);
        ws.write(
            &ko_catalog(),
            &format!("{}{edited}{}", &text[..start], &text[t_end..]),
        );
        // The article as it was: the draft's text is the source again.
        ws.write(&format!("articles/{SEED_ID}.md"), &seed_article());
        ws.run(&["extract"]).expect_code(0);
        let after = ws.read(&ko_catalog());
        assert!(!after.contains("\nprevious-source = "), "{name}: {after}");
        assert!(
            after.contains("# Asked the desk: keep it.\n"),
            "{name}: the comment is gone:\n{after}"
        );
        // And it stays where it is.
        ws.run(&["extract"]).expect_code(0);
        assert_eq!(ws.read(&ko_catalog()), after, "{name}");
    }
}

/// The id `extract` would give a new sentence without any catalog.
fn hash_id(text: &str) -> String {
    let hash = l10n::plan::fnv1a(text.as_bytes(), l10n::plan::FNV_OFFSET);
    format!("{:08x}", (hash ^ (hash >> 32)) as u32)
}

/// A new sentence whose id (the hash of its text) is already an entry's
/// in one language's catalog (here an obsolete one of another text, in
/// Japanese) gets another id, the same in every language and the same in
/// `status` as in what `extract` writes (a missing segment): the obsolete entry's translation
/// is not taken for the new sentence, and stays obsolete.
#[test]
fn a_new_id_avoids_every_catalog_of_the_article() {
    let ws = translated();
    ws.mkdir("locales/ja");
    ws.run(&["extract"]).expect_code(0);
    let sentence = "A sentence added at the end.";
    let clash = hash_id(sentence);
    let ja = format!("locales/ja/{SEED_ID}.toml");
    let text = ws.read(&ja);
    ws.write(
        &ja,
        &format!(
            "{text}\n[[obsolete]]\nid = \"{clash}\"\nsource = \"Some other sentence.\"\ntranslation = \"他の文。\"\n"
        ),
    );
    ws.write(
        &format!("articles/{SEED_ID}.md"),
        &format!("{}\n{sentence}\n", seed_article()),
    );
    let status = ws
        .run(&["status", "--format", "json"])
        .expect_code(0)
        .json();
    for language in status["languages"].as_array().unwrap() {
        let issues = language["articles"][0]["issues"].as_array().unwrap();
        let issue = issues
            .iter()
            .find(|i| i["source"] == sentence)
            .unwrap_or_else(|| panic!("{language}"));
        assert_eq!(issue["state"], "missing", "{language}");
    }
    ws.run(&["extract"]).expect_code(0);
    let mut ids = BTreeSet::new();
    for lang in ["en", "ko", "ja"] {
        let catalog = ws.catalog(lang, SEED_ID);
        let new = entries(&catalog, "segment")
            .into_iter()
            .find(|e| field(e, "source") == Some(sentence))
            .unwrap();
        ids.insert(field(&new, "id").unwrap().to_string());
        assert_eq!(field(&new, "translation").unwrap_or(""), "", "{lang}");
        assert_eq!(field(&new, "previous-source"), None, "{lang}");
    }
    assert_eq!(ids.len(), 1, "one id in every language: {ids:?}");
    assert!(!ids.contains(&clash));
    let obsolete = entries(&ws.catalog("ja", SEED_ID), "obsolete");
    assert!(
        obsolete
            .iter()
            .any(|e| field(e, "id") == Some(&clash) && field(e, "translation") == Some("他の文。")),
        "{obsolete:?}"
    );
}

/// An `l10n.toml` that is not a regular file (a named pipe, a folder, a
/// dangling link) marks its folder as a workspace all the same: it is
/// refused, exit 2, its path named, not passed over for the configuration
/// of the workspace around it (or a default one), and nothing hangs.
#[cfg(unix)]
#[test]
fn a_configuration_that_is_not_a_regular_file_is_refused() {
    let ws = translated();
    ws.write("l10n.toml", "source-lang = \"en\"\n");
    ws.write("inner/articles/a.md", "One sentence. Two sentences.\n");
    ws.mkdir("inner/locales/ko");
    let config = ws.path("inner/l10n.toml");
    let make: [(&str, &dyn Fn()); 3] = [
        ("a pipe", &|| {
            let status = Command::new("mkfifo").arg(&config).status().unwrap();
            assert!(status.success());
        }),
        ("a folder", &|| fs::create_dir(&config).unwrap()),
        ("a dangling link", &|| {
            std::os::unix::fs::symlink("nowhere.toml", &config).unwrap()
        }),
    ];
    for (what, make) in make {
        // (A snapshot would block reading the pipe: taken around it.)
        let before = ws.snapshot();
        make();
        for command in ["status", "extract"] {
            // Named from the workspace it marks: `inner`.
            let run = ws.run_in("inner", &[command]).expect_code(2);
            let expected = match what {
                "a dangling link" => "cannot read l10n.toml",
                _ => "l10n.toml is not a regular file",
            };
            assert!(
                run.stderr.contains(expected),
                "{what}, {command}: {}",
                run.stderr
            );
        }
        match fs::symlink_metadata(&config).unwrap().is_dir() {
            true => fs::remove_dir(&config).unwrap(),
            false => fs::remove_file(&config).unwrap(),
        }
        before.assert_same(&ws.snapshot(), what);
    }
}

/// Every error names a file inside the workspace by its path from the
/// workspace root, as the rest of l10n's messages do, whichever part of
/// the program made it (a read error, a file that does not parse or
/// decode, a file that is not regular), run from the root or below.
#[cfg(unix)]
#[test]
fn errors_name_files_from_the_workspace_root() {
    let ws = translated();
    // So that a run in a folder below finds the root.
    ws.write("l10n.toml", "source-lang = \"en\"\n");
    let root = ws.path(".").canonicalize().unwrap();
    let catalog = ko_catalog();
    let text = ws.read(&catalog);
    // What breaks the workspace and what mends it again.
    type Step<'a> = &'a dyn Fn();
    let cases: [(&str, Step, Step); 4] = [
        (
            catalog.as_str(),
            &|| ws.write(&catalog, &format!("{text}bad = \n")),
            &|| ws.write(&catalog, &text),
        ),
        (
            "articles/latin1.md",
            &|| ws.write_bytes("articles/latin1.md", b"caf\xe9.\n"),
            &|| fs::remove_file(ws.path("articles/latin1.md")).unwrap(),
        ),
        (
            "articles/gone.md",
            &|| std::os::unix::fs::symlink("nowhere.md", ws.path("articles/gone.md")).unwrap(),
            &|| fs::remove_file(ws.path("articles/gone.md")).unwrap(),
        ),
        (
            "locales/ko/2019",
            &|| {
                fs::rename(ws.path("locales/ko/2019"), ws.path("saved")).unwrap();
                ws.write("locales/ko/2019", "a file where a folder was\n");
            },
            &|| {
                fs::remove_file(ws.path("locales/ko/2019")).unwrap();
                fs::rename(ws.path("saved"), ws.path("locales/ko/2019")).unwrap();
            },
        ),
    ];
    for (path, break_it, mend) in cases {
        break_it();
        for dir in [".", "articles"] {
            for command in ["status", "extract"] {
                let run = ws.run_in(dir, &[command]).expect_code(2);
                assert!(
                    run.stderr.contains(path) && !run.stderr.contains(root.to_str().unwrap()),
                    "{path} from {dir}, {command}:\n{}",
                    run.stderr
                );
            }
        }
        mend();
    }
}
