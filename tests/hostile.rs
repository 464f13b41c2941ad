//! Hostile and broken input: each is either handled or refused with a clear
//! message and exit code 2, and a refused run changes no file.
use std::fs;
use std::time::{Duration, Instant};

use crate::util::{SEED_ID, Workspace, entries, refuses};

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
