//! Snapshots of what people read: `status`, `status --diff` and `check` on
//! the edit scenario of the seed article.
use crate::scenario::{edited_article, translated_workspace};
use crate::util::{SEED_ID, Workspace};

pub fn edited_workspace() -> Workspace {
    let ws = translated_workspace();
    ws.write(&format!("articles/{SEED_ID}.md"), &edited_article());
    ws
}

#[test]
fn status_text() {
    let ws = edited_workspace();
    let run = ws.run(&["status", "--lang", "ko"]).expect_code(0);
    insta::assert_snapshot!("status", run.stdout);
}

#[test]
fn status_diff_text() {
    let ws = edited_workspace();
    ws.run(&["extract"]).expect_code(0);
    let run = ws.run(&["status", "--diff"]).expect_code(0);
    insta::assert_snapshot!("status_diff", run.stdout);
}

#[test]
fn check_text() {
    let ws = edited_workspace();
    ws.run(&["extract"]).expect_code(0);
    let run = ws.run(&["check"]).expect_code(1);
    insta::assert_snapshot!("check", run.stdout);
    let threshold = ws.run(&["check", "--min-translated", "90"]).expect_code(0);
    insta::assert_snapshot!("check_threshold", threshold.stdout);
}

#[test]
fn status_json_has_the_design_keys() {
    let ws = edited_workspace();
    let json = ws
        .run(&["status", "--format", "json"])
        .expect_code(0)
        .json();
    let keys = |value: &serde_json::Value| -> Vec<String> {
        let mut keys: Vec<String> = value.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        keys
    };
    assert_eq!(keys(&json), ["languages", "source-lang", "version"]);
    assert_eq!(json["version"], 1);
    let language = &json["languages"][0];
    assert_eq!(keys(language), ["articles", "lang", "totals"]);
    assert_eq!(
        keys(&language["totals"]),
        [
            "covered",
            "missing",
            "obsolete",
            "outdated",
            "segments",
            "translated",
            "words",
            "words-translated"
        ]
    );
    let article = &language["articles"][0];
    for key in [
        "article",
        "catalog",
        "segments",
        "translated",
        "missing",
        "outdated",
        "obsolete",
        "issues",
    ] {
        assert!(article.get(key).is_some(), "article lacks {key}");
    }
    assert_eq!(article["catalog"], format!("locales/ko/{SEED_ID}.toml"));
    let totals = &language["totals"];
    let n = |key: &str| totals[key].as_u64().unwrap();
    assert_eq!(
        n("segments"),
        n("translated") + n("missing") + n("outdated") + n("covered")
    );
    for issue in article["issues"].as_array().unwrap() {
        assert_eq!(
            keys(issue)
                .iter()
                .filter(|k| ["id", "state", "line", "source"].contains(&k.as_str()))
                .count(),
            4
        );
    }
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let ws = edited_workspace();
    ws.run(&["extract"]).expect_code(0);
    let always = ws
        .run(&["status", "--diff", "--color", "always"])
        .expect_code(0);
    assert!(
        always.stdout.contains("\x1b[32mstrong\x1b[0m"),
        "{}",
        always.stdout
    );
    assert!(
        !always.stdout.contains("{+"),
        "colour replaces the brackets"
    );
    // Piped output (as in these tests) has no colour by default.
    let auto = ws.run(&["status", "--diff"]).expect_code(0);
    assert!(!auto.stdout.contains('\x1b'));
    assert!(auto.stdout.contains("{+strong+}"));
}
