//! `l10n extract`: catalogs in the DESIGN shape, stable ids, idempotence.
use std::collections::HashSet;

use crate::util::{SEED_ID, Workspace, entries, field};

#[test]
fn fresh_workspace_gets_catalogs_in_the_design_shape() {
    let ws = Workspace::seeded();
    let run = ws.run(&["extract"]).expect_code(0);
    assert!(
        run.stdout
            .contains(&format!("wrote locales/ko/{SEED_ID}.toml")),
        "{}",
        run.stdout
    );

    let template = ws.catalog("en", SEED_ID);
    let header = template["catalog"].as_table().unwrap();
    assert_eq!(field(header, "article"), Some(SEED_ID));
    assert_eq!(field(header, "source-lang"), Some("en"));
    assert_eq!(field(header, "lang"), Some("en"));

    let target = ws.catalog("ko", SEED_ID);
    let header = target["catalog"].as_table().unwrap();
    assert_eq!(field(header, "lang"), Some("ko"));
    assert_eq!(field(header, "source-lang"), Some("en"));

    let template_entries = entries(&template, "segment");
    let target_entries = entries(&target, "segment");
    assert!(template_entries.len() > 10);
    assert_eq!(template_entries.len(), target_entries.len());
    let mut ids = HashSet::new();
    for (t, k) in template_entries.iter().zip(&target_entries) {
        let id = field(t, "id").unwrap();
        assert!(ids.insert(id.to_string()), "duplicate id {id}");
        assert_eq!(field(k, "id"), Some(id));
        assert_eq!(field(k, "source"), field(t, "source"));
        assert_eq!(
            field(k, "translation"),
            Some(""),
            "every entry has a translation to fill"
        );
        assert!(k.get("previous-source").is_none());
    }
    let raw = ws.read(&format!("locales/ko/{SEED_ID}.toml"));
    assert!(
        raw.starts_with("# "),
        "a header comment tells a translator what to do"
    );
    assert_eq!(
        raw.lines().filter(|l| *l == "translation = \"\"").count(),
        target_entries.len()
    );
}

#[test]
fn second_extract_changes_nothing() {
    let ws = Workspace::seeded();
    ws.run(&["extract"]).expect_code(0);
    let before = ws.snapshot();
    let run = ws.run(&["extract"]).expect_code(0);
    assert!(run.stdout.contains("0 catalogs written"), "{}", run.stdout);
    before.assert_same(&ws.snapshot(), "byte-identical files");
}

#[test]
fn extract_in_two_fresh_workspaces_gives_identical_files() {
    let a = Workspace::seeded();
    let b = Workspace::seeded();
    a.run(&["extract"]).expect_code(0);
    b.run(&["extract", "--lang", "ko"]).expect_code(0);
    assert_eq!(
        a.read(&format!("locales/ko/{SEED_ID}.toml")),
        b.read(&format!("locales/ko/{SEED_ID}.toml"))
    );
}

#[test]
fn extract_creates_catalogs_for_named_and_configured_languages() {
    let ws = Workspace::seeded();
    ws.write("l10n.toml", "languages = [\"ko\", \"ja\"]\n");
    ws.run(&["extract", "--lang", "zh-hant"]).expect_code(0);
    assert!(
        ws.path(&format!("locales/zh-Hant/{SEED_ID}.toml")).exists(),
        "tag canonicalised"
    );
    assert!(
        !ws.path(&format!("locales/ja/{SEED_ID}.toml")).exists(),
        "--lang limits the run"
    );
    ws.run(&["extract"]).expect_code(0);
    assert!(ws.path(&format!("locales/ja/{SEED_ID}.toml")).exists());
}

#[test]
fn workspace_is_found_from_a_subfolder() {
    let ws = Workspace::seeded();
    ws.write("l10n.toml", "languages = [\"ko\"]\n");
    ws.run_in("articles/2019", &["extract"]).expect_code(0);
    assert!(ws.path(&format!("locales/ko/{SEED_ID}.toml")).exists());
}

#[test]
fn init_writes_a_config_that_extract_reads() {
    let ws = Workspace::new();
    ws.run(&["init", "--lang", "ko-kr"]).expect_code(0);
    assert!(ws.read("l10n.toml").contains("languages = [\"ko-KR\"]"));
    ws.write("articles/a.md", "# Title\n\nOne sentence. Two sentences.\n");
    ws.run(&["extract"]).expect_code(0);
    assert!(ws.path("locales/ko-KR/a.toml").exists());
    let again = ws.run(&["init"]).expect_code(2);
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);
}

#[test]
fn prune_drops_obsolete_entries_only_when_asked() {
    let ws = Workspace::new();
    ws.mkdir("locales/ko");
    ws.write(
        "articles/a.md",
        "First paragraph here.\n\nSecond paragraph here.\n",
    );
    ws.run(&["extract"]).expect_code(0);
    ws.translate("ko", "a", |_, source| Some(format!("번역: {source}")));
    ws.write("articles/a.md", "First paragraph here.\n");
    ws.run(&["extract"]).expect_code(0);
    let catalog = ws.catalog("ko", "a");
    assert_eq!(entries(&catalog, "obsolete").len(), 1);
    assert_eq!(
        field(&entries(&catalog, "obsolete")[0], "translation"),
        Some("번역: Second paragraph here.")
    );
    ws.run(&["extract", "--prune"]).expect_code(0);
    assert!(entries(&ws.catalog("ko", "a"), "obsolete").is_empty());
    assert_eq!(entries(&ws.catalog("ko", "a"), "segment").len(), 1);
}
