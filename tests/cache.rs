//! The result cache: the same answers with it and without it, and never
//! trusted when stale or corrupt.
use crate::scenario::{edited_article, translated_workspace};
use crate::util::{SEED_ID, SETTLED};

#[test]
fn cached_results_equal_fresh_ones_and_follow_every_edit() {
    let ws = translated_workspace();
    let fresh = |ws: &crate::util::Workspace| {
        ws.run(&["status", "--format", "json", "--no-cache"])
            .expect_code(0)
            .stdout
    };
    let first = ws
        .run(&["status", "--format", "json"])
        .expect_code(0)
        .stdout;
    assert!(
        ws.path(".l10n/cache/reports.bin").exists(),
        "no cache was written"
    );
    let cached = ws
        .run(&["status", "--format", "json"])
        .expect_code(0)
        .stdout;
    assert_eq!(first, cached);
    assert_eq!(cached, fresh(&ws));

    // An edit to the article, then to a catalog, is seen at once.
    ws.write(&format!("articles/{SEED_ID}.md"), &edited_article());
    let after_edit = ws
        .run(&["status", "--format", "json"])
        .expect_code(0)
        .stdout;
    assert_ne!(after_edit, cached);
    assert_eq!(after_edit, fresh(&ws));
    let path = format!("locales/ko/{SEED_ID}.toml");
    ws.write(&path, &ws.read(&path).replacen("번역 ", "고친 번역 ", 1));
    assert_eq!(
        ws.run(&["status", "--format", "json"])
            .expect_code(0)
            .stdout,
        fresh(&ws)
    );
    assert_eq!(
        ws.run(&["check", "--format", "json"]).expect_code(1).stdout,
        ws.run(&["check", "--format", "json", "--no-cache"])
            .expect_code(1)
            .stdout
    );
}

#[test]
fn a_corrupt_cache_is_rebuilt() {
    let ws = translated_workspace();
    let expected = ws
        .run(&["status", "--format", "json"])
        .expect_code(0)
        .stdout;
    for garbage in [&b""[..], b"\x01\x02\x03 not a cache", &[0xFF; 4096]] {
        ws.write_bytes(".l10n/cache/reports.bin", garbage);
        assert_eq!(
            ws.run(&["status", "--format", "json"])
                .expect_code(0)
                .stdout,
            expected
        );
        assert_eq!(
            ws.run(&["status", "--format", "json"])
                .expect_code(0)
                .stdout,
            expected
        );
    }
}

/// Files left alone for a while are judged by their stamps; an edit that
/// keeps the size and sets the modification time back must still be seen
/// (the status-change time moves), and so must an edit made right after a
/// run, within the same clock tick.
#[test]
fn stamps_never_hide_an_edit() {
    let ws = translated_workspace();
    let path = format!("locales/ko/{SEED_ID}.toml");
    // Every run as if the files had been left alone long enough for the
    // cache to trust their stamps.
    let status = |ws: &crate::util::Workspace, extra: &[&str]| {
        let mut args = vec!["status", "--format", "json"];
        args.extend_from_slice(extra);
        ws.run_env(&args, &[SETTLED]).expect_code(0).stdout
    };
    let before = status(&ws, &[]);
    assert_eq!(before, status(&ws, &[]));

    let file = ws.path(&path);
    let modified = std::fs::metadata(&file).unwrap().modified().unwrap();
    let text = ws.read(&path);
    // The first translation emptied, padded with spaces to the same size.
    let line = text
        .lines()
        .find(|l| l.starts_with("translation = \"번역"))
        .expect("a translation");
    let emptied = format!("{:<width$}", "translation = \"\"", width = line.len());
    let edited = text.replacen(line, &emptied, 1);
    assert_eq!(edited.len(), text.len(), "the edit keeps the size");
    assert_ne!(edited, text);
    ws.write(&path, &edited);
    std::fs::File::options()
        .write(true)
        .open(&file)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    let after = status(&ws, &[]);
    assert_ne!(after, before, "the edit was not seen");
    assert_eq!(after, status(&ws, &["--no-cache"]));

    // An edit right after a run; then diffs of outdated segments, from
    // the issues kept in the cache.
    ws.write(&path, &text);
    assert_eq!(status(&ws, &[]), before);
    ws.write(&format!("articles/{SEED_ID}.md"), &edited_article());
    let diff = |extra: &[&str]| {
        let mut args = vec!["status", "--diff"];
        args.extend_from_slice(extra);
        ws.run_env(&args, &[SETTLED]).expect_code(0).stdout
    };
    let fresh = diff(&["--no-cache"]);
    assert!(
        fresh.contains("{+"),
        "no outdated segment to show:\n{fresh}"
    );
    assert_eq!(diff(&[]), fresh);
    assert_eq!(diff(&[]), fresh);
}

/// A fallback language's catalog is an input of the languages that fall
/// back to it: editing `pt` changes what `pt-BR` reports.
#[test]
fn a_fallback_catalog_is_an_input() {
    let ws = crate::util::Workspace::seeded();
    ws.mkdir("locales/pt-BR");
    ws.mkdir("locales/pt");
    ws.run(&["extract"]).expect_code(0);
    let status = |ws: &crate::util::Workspace, extra: &[&str]| {
        let mut args = vec!["status", "--lang", "pt-BR", "--format", "json"];
        args.extend_from_slice(extra);
        ws.run(&args).expect_code(0).stdout
    };
    let before = status(&ws, &[]);
    assert_eq!(before, status(&ws, &[]));
    assert!(before.contains("\"covered\": 0"), "{before}");
    ws.translate("pt", SEED_ID, |_, source| Some(format!("pt: {source}")));
    let after = status(&ws, &[]);
    assert_ne!(after, before, "the edit of pt was not seen");
    assert!(!after.contains("\"covered\": 0"), "{after}");
    assert_eq!(after, status(&ws, &["--no-cache"]));
    // And after the stamps settle, once more.
    let settled = |ws: &crate::util::Workspace| {
        let args = ["status", "--lang", "pt-BR", "--format", "json"];
        ws.run_env(&args, &[SETTLED]).expect_code(0).stdout
    };
    assert_eq!(settled(&ws), after);
    let path = format!("locales/pt/{SEED_ID}.toml");
    ws.write(&path, &ws.read(&path).replacen("pt: ", "", 1));
    assert_eq!(settled(&ws), status(&ws, &["--no-cache"]));
}

/// A plain `status` keeps only counts; a later run that shows issues makes
/// them then, the same as without the cache.
#[test]
fn issues_missing_from_the_cache_are_made_when_needed() {
    let ws = translated_workspace();
    ws.write(&format!("articles/{SEED_ID}.md"), &edited_article());
    let text = ws.run(&["status"]).expect_code(0).stdout;
    assert_eq!(text, ws.run(&["status"]).expect_code(0).stdout);
    for args in [
        &["status", "--format", "json"][..],
        &["status", "--diff"],
        &["check", "--format", "json"],
    ] {
        let cached = ws.run(args);
        let fresh = ws.run(&[args, &["--no-cache"]].concat());
        assert_eq!(cached.code, fresh.code);
        assert_eq!(cached.stdout, fresh.stdout, "{args:?}");
        assert!(fresh.stdout.contains("outdated"), "{}", fresh.stdout);
    }
}
