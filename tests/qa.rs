//! `l10n check --qa`: quality checks on translations, switchable per
//! workspace and per entry.
use crate::util::Workspace;

pub fn translated(numbers_kept: bool) -> Workspace {
    let ws = Workspace::new();
    ws.mkdir("locales/ko");
    ws.write(
        "articles/a.md",
        "Exports rose 4.5 percent in 2019. See [the report](https://example.com/r).\n",
    );
    ws.run(&["extract"]).expect_code(0);
    ws.translate("ko", "a", |_, source| {
        Some(if source.starts_with("Exports") {
            if numbers_kept {
                "2019년 수출은 4.5% 늘었다."
            } else {
                "작년 수출은 늘었다."
            }
            .to_string()
        } else {
            "[보고서](https://example.com/r)를 보라.".to_string()
        })
    });
    ws
}

#[test]
fn a_dropped_number_fails_check_with_qa() {
    let ws = translated(false);
    ws.run(&["check"]).expect_code(0);
    let run = ws.run(&["check", "--qa"]).expect_code(1);
    assert!(run.stdout.contains("locales/ko/a.toml:"), "{}", run.stdout);
    assert!(run.stdout.contains("qa error"), "{}", run.stdout);
    assert!(run.stdout.contains("numbers"), "{}", run.stdout);
    let json = ws
        .run(&["check", "--qa", "--format", "json"])
        .expect_code(1)
        .json();
    let qa = &json["languages"][0]["articles"][0]["qa"][0];
    assert_eq!(qa["check"], "numbers");
    assert_eq!(qa["severity"], "error");
    translated(true).run(&["check", "--qa"]).expect_code(0);
}

#[test]
fn checks_switch_off_per_workspace_and_per_entry() {
    let ws = translated(false);
    ws.write("l10n.toml", "[qa]\nenabled = true\n");
    ws.run(&["check"]).expect_code(1);
    ws.write(
        "l10n.toml",
        "[qa]\nenabled = true\ndisabled = [\"numbers\"]\n",
    );
    ws.run(&["check"]).expect_code(0);
    ws.write("l10n.toml", "[qa]\nenabled = true\n");
    let path = "locales/ko/a.toml";
    let text = ws.read(path).replacen(
        "translation = \"작년",
        "qa-ignore = [\"numbers\"]\ntranslation = \"작년",
        1,
    );
    ws.write(path, &text);
    let run = ws.run(&["check"]).expect_code(0);
    assert!(!run.stderr.contains("unknown key"), "{}", run.stderr);
    ws.write("l10n.toml", "[qa]\ndisabled = [\"no-such-check\"]\n");
    ws.run(&["check"]).expect_code(2);
}
