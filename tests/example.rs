//! The repository's own workspace, as a fresh clone shows it.
use std::path::Path;

use crate::util::{SEED_ID, Workspace};

fn copy_of_repo_workspace() -> Workspace {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let ws = Workspace::new();
    for file in [
        "l10n.toml".to_string(),
        format!("articles/{SEED_ID}.md"),
        format!("locales/en/{SEED_ID}.toml"),
        format!("locales/ko/{SEED_ID}.toml"),
    ] {
        ws.write_bytes(&file, &std::fs::read(root.join(&file)).unwrap());
    }
    ws
}

#[test]
fn korean_catalog_shows_all_three_states() {
    let ws = copy_of_repo_workspace();
    let json = ws
        .run(&["status", "--lang", "ko", "--format", "json"])
        .expect_code(0)
        .json();
    let totals = &json["languages"][0]["totals"];
    let n = |key: &str| totals[key].as_u64().unwrap();
    assert!(
        n("translated") * 2 >= n("segments"),
        "at least half translated: {totals}"
    );
    assert!(n("missing") >= 1 && n("outdated") >= 1, "{totals}");
    let diff = ws.run(&["status", "--lang", "ko", "--diff"]).expect_code(0);
    assert!(
        diff.stdout.contains("[-that-]{+because+}"),
        "{}",
        diff.stdout
    );
}

#[test]
fn repo_catalogs_are_what_extract_writes() {
    let ws = copy_of_repo_workspace();
    let before = ws.snapshot();
    ws.run(&["extract"]).expect_code(0);
    before.assert_same(
        &ws.snapshot(),
        "run `cargo run -- extract` and commit the catalogs",
    );
}
