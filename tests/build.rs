//! `l10n build`: translated articles with the source's structure.
use crate::scenario::translated_workspace;
use crate::util::{SEED_ID, Workspace, seed_article};

#[test]
fn builds_translations_in_place_and_keeps_structure() {
    let ws = translated_workspace();
    ws.write(
        "articles/notes.md",
        "# Notes\n\n```\ncode stays.\n```\n\n- One item. Two.\n",
    );
    ws.run(&["extract"]).expect_code(0);
    ws.translate("ko", "notes", |id, source| {
        (source != "Two.").then(|| format!("[{id}] 번역"))
    });
    let run = ws.run(&["build", "--lang", "ko"]).expect_code(0);
    assert!(
        run.stdout.contains(&format!("wrote build/ko/{SEED_ID}.md")),
        "{}",
        run.stdout
    );
    let notes = ws.read("build/ko/notes.md");
    assert!(notes.starts_with("# ["), "{notes}");
    assert!(notes.contains("```\ncode stays.\n```\n"), "{notes}");
    assert!(
        notes.contains("- [") && notes.ends_with(" Two.\n"),
        "missing keeps the source: {notes}"
    );
    let article = ws.read(&format!("build/ko/{SEED_ID}.md"));
    assert!(
        !article.contains("North Korean leader"),
        "every segment was translated"
    );
    assert_eq!(
        article.matches("\n\n").count(),
        seed_article().matches("\n\n").count()
    );
}

#[test]
fn outdated_translations_are_marked_only_when_asked() {
    let ws = translated_workspace();
    let edited = seed_article().replace("close ties", "strong ties");
    ws.write(&format!("articles/{SEED_ID}.md"), &edited);
    ws.run(&["build", "--lang", "ko"]).expect_code(0);
    let plain = ws.read(&format!("build/ko/{SEED_ID}.md"));
    assert!(
        plain.contains("strong ties"),
        "outdated falls back to the source"
    );
    ws.run(&["build", "--lang", "ko", "--mark-outdated"])
        .expect_code(0);
    let marked = ws.read(&format!("build/ko/{SEED_ID}.md"));
    assert!(marked.contains("<!-- l10n:outdated -->"), "{marked}");
    assert!(!marked.contains("strong ties"));
}

#[test]
fn below_the_threshold_nothing_is_written_and_the_run_fails() {
    let ws = Workspace::seeded();
    ws.run(&["extract"]).expect_code(0);
    let run = ws
        .run(&["build", "--lang", "ko", "--min-translated", "50"])
        .expect_code(1);
    assert!(
        run.stdout
            .contains("skipped 2019/kim-jong-un-china-visit: 0.0% translated"),
        "{}",
        run.stdout
    );
    assert!(!ws.path(&format!("build/ko/{SEED_ID}.md")).exists());
}
