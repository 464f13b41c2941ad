//! The result cache: the same answers with it and without it, and never
//! trusted when stale or corrupt.
use crate::scenario::{edited_article, translated_workspace};
use crate::util::SEED_ID;

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
