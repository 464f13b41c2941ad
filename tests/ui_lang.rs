//! The UI language: how it is chosen (`--ui-lang`, `L10N_LANG`, `LC_ALL`,
//! `LANG`), what Korean looks like, and what never changes with it (JSON).
use crate::output::edited_workspace;
use crate::util::{SEED_ID, Workspace};

/// The first line of `status` text of a workspace: the table heading.
fn heading(ws: &Workspace, locale: &[(&str, &str)], flag: Option<&str>) -> String {
    let mut args = vec!["status", "--lang", "ko"];
    if let Some(flag) = flag {
        args.extend(["--ui-lang", flag]);
    }
    let run = ws.run_with_locale(&args, locale).expect_code(0);
    run.stdout.lines().nth(1).unwrap_or_default().to_string()
}

fn is_korean(heading: &str) -> bool {
    heading.contains("번역됨")
}

fn is_english(heading: &str) -> bool {
    heading.contains("translated")
}

#[test]
fn the_ui_language_is_chosen_in_order() {
    let ws = edited_workspace();
    let ko = Some("ko");
    let en = Some("en");
    // --ui-lang beats L10N_LANG, which beats LC_ALL, which beats LANG.
    assert!(is_korean(&heading(&ws, &[("L10N_LANG", "en")], ko)));
    assert!(is_english(&heading(&ws, &[("L10N_LANG", "ko")], en)));
    assert!(is_korean(&heading(
        &ws,
        &[("L10N_LANG", "ko"), ("LC_ALL", "en_US.UTF-8")],
        None
    )));
    assert!(is_english(&heading(
        &ws,
        &[("L10N_LANG", "en"), ("LC_ALL", "ko_KR.UTF-8")],
        None
    )));
    assert!(is_korean(&heading(
        &ws,
        &[("LC_ALL", "ko_KR.UTF-8"), ("LANG", "en_US.UTF-8")],
        None
    )));
    assert!(is_english(&heading(
        &ws,
        &[("LC_ALL", "en_US.UTF-8"), ("LANG", "ko_KR.UTF-8")],
        None
    )));
    // LANG alone, in its POSIX forms.
    assert!(is_korean(&heading(&ws, &[("LANG", "ko_KR.UTF-8")], None)));
    assert!(is_korean(&heading(&ws, &[("LANG", "ko_KR")], None)));
    // English when nothing names a language l10n speaks.
    assert!(is_english(&heading(&ws, &[("LANG", "C")], None)));
    assert!(is_english(&heading(&ws, &[("LANG", "fr_FR.UTF-8")], None)));
    assert!(is_english(&heading(&ws, &[], None)));
    assert!(is_english(&heading(&ws, &[("LANG", "ko_KR")], Some("de"))));
    // A value that names no language is skipped.
    assert!(is_korean(&heading(
        &ws,
        &[("L10N_LANG", "C"), ("LANG", "ko_KR.UTF-8")],
        None
    )));
    assert!(is_korean(&heading(
        &ws,
        &[("L10N_LANG", "!!"), ("LANG", "ko")],
        None
    )));
    // A region or script still finds Korean.
    assert!(is_korean(&heading(&ws, &[], Some("ko-KR"))));
}

// A bad `--ui-lang` and a bad value explained in the UI language: the
// cases `tests/cmd/{bad,empty}-ui-lang` and
// `tests/cmd/min-translated-not-a-number{,-ko}`.

#[test]
fn korean_status_and_check() {
    let ws = edited_workspace();
    ws.run(&["extract"]).expect_code(0);
    let status = ws
        .run(&["--ui-lang", "ko", "status", "--diff"])
        .expect_code(0);
    insta::assert_snapshot!("ko_status_diff", status.stdout);
    let check = ws.run(&["check", "--ui-lang", "ko"]).expect_code(1);
    insta::assert_snapshot!("ko_check", check.stdout);
    let threshold = ws
        .run_with_locale(
            &["check", "--min-translated", "90"],
            &[("LANG", "ko_KR.UTF-8")],
        )
        .expect_code(0);
    insta::assert_snapshot!("ko_check_threshold", threshold.stdout);
}

#[test]
fn korean_error_keeps_its_snippet() {
    let ws = Workspace::seeded();
    ws.run(&["extract"]).expect_code(0);
    let path = format!("locales/ko/{SEED_ID}.toml");
    let text = ws
        .read(&path)
        .replacen("\ntranslation = \"\"", "\ntranslation = 42", 1);
    ws.write(&path, &text);
    let run = ws.run(&["--ui-lang", "ko", "check"]).expect_code(2);
    let root = ws.path("").display().to_string();
    insta::assert_snapshot!("ko_error", run.stderr.replace(&root, "<workspace>/"));
    let english = ws.run(&["check"]).expect_code(2);
    let snippet = |stderr: &str| {
        stderr
            .lines()
            .skip(1)
            .take(4)
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(
        snippet(&run.stderr),
        snippet(&english.stderr),
        "the snippet is the same"
    );
}

#[test]
fn json_is_the_same_in_every_ui_language() {
    let ws = edited_workspace();
    // A translation with a finding, so that `--qa` has something to say.
    let path = format!("locales/ko/{SEED_ID}.toml");
    let text = ws.read(&path).replacen(
        "translation = \"번역 ",
        "translation = \"2019 https://example.com 번역 ",
        1,
    );
    ws.write(&path, &text);
    for args in [
        &["status", "--format", "json"][..],
        &["status", "--format", "json", "--no-cache"],
        &["check", "--format", "json"],
        &["check", "--format", "json", "--qa"],
        &["check", "--format", "json", "--qa", "--no-cache"],
    ] {
        let en = ws.run_with_locale(&[args, &["--ui-lang", "en"]].concat(), &[]);
        let ko = ws.run_with_locale(&[args, &["--ui-lang", "ko"]].concat(), &[]);
        let env_ko = ws.run_with_locale(args, &[("LANG", "ko_KR.UTF-8")]);
        assert_eq!(en.code, ko.code, "{args:?}");
        assert_eq!(en.stdout, ko.stdout, "{args:?}");
        assert_eq!(en.stdout, env_ko.stdout, "{args:?}");
        en.json();
    }
    let qa = ws.run(&["check", "--format", "json", "--qa"]).json();
    assert!(
        qa.to_string().contains("\"qa\""),
        "a finding was made: {qa}"
    );
}

#[test]
fn counts_choose_plural_forms() {
    let ws = Workspace::new();
    ws.write("articles/one.md", "One sentence.\n");
    let run = ws.run(&["extract"]).expect_code(0);
    assert!(
        run.stdout.contains("extract: 1 article, 1 catalog written"),
        "{}",
        run.stdout
    );
    ws.write("articles/two.md", "Two sentences.\n");
    ws.write("articles/one.md", "One changed sentence.\n");
    let run = ws.run(&["extract"]).expect_code(0);
    assert!(
        run.stdout
            .contains("extract: 2 articles, 2 catalogs written"),
        "{}",
        run.stdout
    );
    let korean = ws.run(&["--ui-lang", "ko", "extract"]).expect_code(0);
    assert!(
        korean.stdout.contains("extract: 글 2개, 카탈로그 0개 씀"),
        "{}",
        korean.stdout
    );
}

#[test]
fn help_is_in_the_ui_language() {
    let ws = Workspace::new();
    let korean = ws
        .run(&["--ui-lang", "ko", "status", "--help"])
        .expect_code(0);
    assert!(
        korean.stdout.contains("세그먼트를 보고"),
        "{}",
        korean.stdout
    );
    assert!(korean.stdout.contains("단어 단위로"), "{}", korean.stdout);
    assert!(
        korean.stdout.contains("- json: JSON 문서 하나"),
        "{}",
        korean.stdout
    );
    let english = ws.run(&["status", "--help"]).expect_code(0);
    assert!(
        english.stdout.contains("Report translated"),
        "{}",
        english.stdout
    );
    let top = ws
        .run_with_locale(&["--help"], &[("LANG", "ko_KR.UTF-8")])
        .expect_code(0);
    assert!(top.stdout.contains("종료 코드"), "{}", top.stdout);
}

#[test]
fn quality_findings_are_in_the_ui_language_in_text_only() {
    let ws = crate::qa::translated(false);
    // The Korean run fills the result cache; the English one reads it.
    let korean = ws.run(&["--ui-lang", "ko", "check", "--qa"]).expect_code(1);
    insta::assert_snapshot!("ko_check_qa", korean.stdout);
    let english = ws.run(&["check", "--qa"]).expect_code(1);
    assert!(
        english
            .stdout
            .contains(": qa error: c6fa7dba: numbers: number 2019 is missing from the translation"),
        "{}",
        english.stdout
    );
    let json = ws
        .run(&["--ui-lang", "ko", "check", "--qa", "--format", "json"])
        .expect_code(1)
        .json();
    let message = json["languages"][0]["articles"][0]["qa"][0]["message"].as_str();
    assert_eq!(message, Some("number 4.5 is missing from the translation"));
}
