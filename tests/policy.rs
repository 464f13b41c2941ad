//! The check policy of `l10n.toml`'s `[check]` table: per-language and
//! per-article limits, `max-outdated`, `fail-on` and `--strict`, flags over
//! the file, errors at the file's line, and `check --merge` judging joined
//! shard reports as one run would.
use serde_json::Value;

use crate::util::Workspace;

/// Two articles, six segments, in ko and ja: ko has 5 of 6 translated
/// (news/a 3 of 4, blog/b 2 of 2), ja 1 of 6 (blog/b 1 of 2).
fn workspace(config: &str) -> Workspace {
    let ws = Workspace::new();
    ws.write(
        "articles/news/a.md",
        "News one is here. News two is here. News three is here. News four is here.\n",
    );
    ws.write(
        "articles/blog/b.md",
        "Blog one is here. Blog two is here.\n",
    );
    ws.mkdir("locales/ko");
    ws.mkdir("locales/ja");
    ws.run(&["extract"]).expect_code(0);
    ws.translate("ko", "news/a", |_, source| {
        (!source.starts_with("News four")).then(|| format!("번역: {source}"))
    });
    ws.translate("ko", "blog/b", |_, source| Some(format!("번역: {source}")));
    ws.translate("ja", "blog/b", |_, source| {
        source
            .starts_with("Blog one")
            .then(|| format!("翻訳: {source}"))
    });
    ws.write("l10n.toml", config);
    ws
}

/// The verdict of each language in a `check --format json` run.
fn verdicts(json: &Value) -> Vec<(String, bool, Vec<Value>)> {
    json["languages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["lang"].as_str().unwrap().to_string(),
                l["passed"].as_bool().unwrap(),
                l["failed"].as_array().unwrap().clone(),
            )
        })
        .collect()
}

#[test]
fn per_language_limits_name_the_rule_and_the_language() {
    let ws = workspace("[check]\nmin-translated = { ko = 80, \"*\" = 20 }\n");
    let text = ws.run(&["check"]).expect_code(1);
    assert!(
        text.stdout
            .contains("ko: ok: 5 of 6 segments translated (83.3%, minimum 80%)"),
        "{}",
        text.stdout
    );
    // 1 of 6 is 16.67 %, shown cut, not rounded.
    assert!(
        text.stdout
            .contains("  ja: 16.6 % translated, below min-translated 20 (l10n.toml [check])\n"),
        "{}",
        text.stdout
    );
    let json = ws.run(&["check", "--format", "json"]).expect_code(1).json();
    let verdicts = verdicts(&json);
    assert_eq!((verdicts[0].0.as_str(), verdicts[0].1), ("ja", false));
    let failed = &verdicts[0].2;
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0]["rule"], "min-translated");
    assert_eq!(failed[0]["limit"], 20.0);
    assert!((failed[0]["value"].as_f64().unwrap() - 100.0 / 6.0).abs() < 1e-9);
    assert_eq!(failed[0]["from"], "l10n.toml [check]");
    assert_eq!(json["languages"][0]["min-translated"], 20.0);
    assert_eq!(
        (verdicts[1].0.as_str(), verdicts[1].1, verdicts[1].2.len()),
        ("ko", true, 0)
    );
    // Korean messages name the same rule.
    let korean = ws.run(&["--ui-lang", "ko", "check"]).expect_code(1);
    assert!(
        korean
            .stdout
            .contains("ja: 16.6 % 번역됨, min-translated 20보다 낮음 (l10n.toml [check])"),
        "{}",
        korean.stdout
    );
}

#[test]
fn article_rules_judge_each_matching_article() {
    let config = "[check]\nmin-translated = 0\n\n[[check.articles]]\nglob = \"news/*\"\n\
                  min-translated = { ko = 90 }\n\n[[check.articles]]\nglob = \"blog/**\"\n\
                  max-outdated = 0\n";
    let ws = workspace(config);
    let run = ws.run(&["check"]).expect_code(1);
    assert!(
        run.stdout.contains(
            "  ko: news/a: 75.0 % translated, below min-translated 90 \
             (l10n.toml [[check.articles]], glob news/*)\n"
        ),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("ja: ok:"), "{}", run.stdout);
    let json = ws.run(&["check", "--format", "json"]).expect_code(1).json();
    let ko = &json["languages"][1];
    assert_eq!(ko["lang"], "ko");
    assert_eq!(ko["failed"][0]["article"], "news/a");
    assert_eq!(ko["failed"][0]["glob"], "news/*");
    assert_eq!(ko["failed"][0]["limit"], 90.0);
    assert_eq!(ko["failed"].as_array().unwrap().len(), 1);
    // A glob that stops at slashes matches no deeper article.
    ws.write(
        "l10n.toml",
        &config
            .replace("\"news/*\"", "\"*\"")
            .replace("blog/**", "*"),
    );
    ws.run(&["check"]).expect_code(0);
}

#[test]
fn max_outdated_counts_outdated_segments_per_language() {
    let ws = workspace("[check]\nmin-translated = 0\nmax-outdated = { ko = 0 }\n");
    // An edit that keeps the sentence's id: its ko translation is outdated.
    ws.write(
        "articles/news/a.md",
        "News one is there. News two is here. News three is here. News four is here.\n",
    );
    let run = ws.run(&["check"]).expect_code(1);
    assert!(
        run.stdout
            .contains("  ko: 1 outdated, above max-outdated 0 (l10n.toml [check])\n"),
        "{}",
        run.stdout
    );
    ws.write(
        "l10n.toml",
        "[check]\nmin-translated = 0\nmax-outdated = 1\n",
    );
    ws.run(&["check"]).expect_code(0);
    // With no rule for a language, any missing or outdated segment fails it.
    ws.write("l10n.toml", "[check]\nmax-outdated = { ko = 5 }\n");
    let run = ws.run(&["check", "--format", "json"]).expect_code(1);
    let verdicts = verdicts(&run.json());
    assert_eq!(verdicts[0].2[0]["rule"], "complete");
    assert_eq!(verdicts[0].2[0]["value"], 5);
    assert!(!verdicts[0].1);
    assert!(verdicts[1].1, "ko's max-outdated is its only rule");
}

#[test]
fn fail_on_and_strict_decide_which_findings_fail() {
    let ws = workspace("[check]\nmin-translated = 0\n");
    // A translation identical to its source is a quality warning.
    ws.translate("ko", "news/a", |_, source| {
        source.starts_with("News four").then(|| source.to_string())
    });
    let run = ws.run(&["check", "--qa", "--lang", "ko"]).expect_code(0);
    assert!(run.stdout.contains("qa warning"), "{}", run.stdout);
    let strict = ws
        .run(&["check", "--qa", "--lang", "ko", "--strict"])
        .expect_code(1);
    assert!(
        strict
            .stdout
            .contains("  ko: 1 quality warning, and fail-on includes warning (--strict)\n"),
        "{}",
        strict.stdout
    );
    ws.write(
        "l10n.toml",
        "[check]\nmin-translated = 0\nfail-on = [\"warning\"]\n",
    );
    let json = ws
        .run(&["check", "--qa", "--lang", "ko", "--format", "json"])
        .expect_code(1)
        .json();
    let failed = &json["languages"][0]["failed"][0];
    assert_eq!(
        (&failed["rule"], &failed["severity"], &failed["value"]),
        (&"fail-on".into(), &"warning".into(), &1.into())
    );
    assert_eq!(failed["from"], "l10n.toml [check]");
    ws.write(
        "l10n.toml",
        "[check]\nmin-translated = 0\nfail-on = [\"fatal\"]\n",
    );
    let bad = ws.run(&["check"]).expect_code(2);
    assert!(
        bad.stderr.contains("l10n.toml:3:") && bad.stderr.contains("fatal"),
        "{}",
        bad.stderr
    );
}

#[test]
fn flags_win_over_the_file_and_the_top_level_threshold_still_works() {
    let ws = workspace(
        "[check]\nmin-translated = 100\n\n[[check.articles]]\nglob = \"**\"\nmin-translated = 100\n",
    );
    ws.run(&["check"]).expect_code(1);
    ws.run(&["check", "--min-translated", "16"]).expect_code(0);
    let run = ws.run(&["check", "--min-translated", "50"]).expect_code(1);
    assert!(
        run.stdout
            .contains("  ja: 16.6 % translated, below min-translated 50 (--min-translated)\n"),
        "{}",
        run.stdout
    );
    // The top-level min-translated (which `build` reads too) is check's
    // threshold for every language when [check] sets none...
    ws.write("l10n.toml", "min-translated = 80\n");
    let run = ws.run(&["check"]).expect_code(1);
    assert!(run.stdout.contains("ko: ok:"), "{}", run.stdout);
    assert!(
        run.stdout.contains(
            "  ja: 16.6 % translated, below min-translated 80 (l10n.toml min-translated)"
        ),
        "{}",
        run.stdout
    );
    // ...and [check]'s replaces it: ko, named nowhere now, has no rule.
    ws.write(
        "l10n.toml",
        "min-translated = 80\n[check]\nmin-translated = { ja = 10 }\n",
    );
    let json = ws.run(&["check", "--format", "json"]).expect_code(1).json();
    let verdicts = verdicts(&json);
    assert!(verdicts[0].1, "ja: 16.6 % is above 10 %");
    assert_eq!(verdicts[1].2[0]["rule"], "complete");
}

#[test]
fn a_bad_check_table_is_refused_at_its_line_and_nothing_changes() {
    let ws = workspace("");
    for (config, line, words) in [
        (
            "[check]\nmin-translated = {\n  ko = 80,\n  ja = 150 }\n",
            "l10n.toml:4:",
            "150",
        ),
        (
            "[check]\nmax-outdated = { ko = -1 }\n",
            "l10n.toml:2:",
            "not a number of segments",
        ),
        (
            "[check]\nmin-translated = { en = 50 }\n",
            "l10n.toml:2:",
            "source language",
        ),
        (
            "[check]\nmin-translate = 50\n",
            "l10n.toml:2:",
            "min-translate",
        ),
        (
            "[check]\n\n[[check.articles]]\nglob = \"news/{a\"\nmin-translated = 50\n",
            "l10n.toml:4:",
            "news/{a",
        ),
        (
            "[[check.articles]]\nglob = \"news/**\"\n",
            "l10n.toml:2:",
            "sets no limit",
        ),
    ] {
        ws.write("l10n.toml", config);
        let before = ws.snapshot();
        for args in [&["check"][..], &["status"], &["check", "--format", "json"]] {
            let run = ws.run(args).expect_code(2);
            assert!(
                run.stderr.contains(line) && run.stderr.contains(words),
                "{config}: {}",
                run.stderr
            );
        }
        assert!(ws.snapshot() == before, "{config}: files changed");
    }
}

#[test]
fn init_writes_the_check_table_commented() {
    let ws = Workspace::new();
    ws.run(&["init", "--lang", "ko"]).expect_code(0);
    let config = ws.read("l10n.toml");
    assert!(config.contains("\n[check]\n"), "{config}");
    assert!(config.contains("\nfail-on = [\"error\"]\n"), "{config}");
    // Each commented example is valid once uncommented.
    let uncommented = config
        .replace("# min-translated = { ko", "min-translated = { ko")
        .replace("# max-outdated = 0", "max-outdated = 0")
        .replace("# [[check.articles]]", "[[check.articles]]")
        .replace("# glob = ", "glob = ")
        .replace("# min-translated = 95", "min-translated = 95");
    ws.write("l10n.toml", &uncommented);
    ws.write("articles/news/a.md", "One sentence.\n");
    let json = ws.run(&["check", "--format", "json"]).expect_code(1).json();
    let failed = json["languages"][0]["failed"].as_array().unwrap().clone();
    let rules: Vec<&str> = failed.iter().map(|f| f["rule"].as_str().unwrap()).collect();
    assert_eq!(rules, ["min-translated", "min-translated"], "{failed:?}");
    assert_eq!(failed[1]["article"], "news/a");
}

#[test]
fn check_merge_gives_the_verdict_of_one_run() {
    let config = "[check]\nmin-translated = { ko = 80, ja = 10 }\n\n[[check.articles]]\n\
                  glob = \"news/**\"\nmin-translated = 90\n";
    let ws = workspace(config);
    for i in 0..6 {
        ws.write(
            &format!("articles/more/m{i}.md"),
            &format!("Sentence {i} one. Sentence {i} two.\n"),
        );
    }
    ws.run(&["extract"]).expect_code(0);
    let whole = ws.run(&["check", "--format", "json"]).expect_code(1);
    let whole_text = ws.run(&["check"]).expect_code(1);
    let (mut checks, mut statuses) = (Vec::new(), Vec::new());
    for k in 1..=3 {
        let partition = format!("{k}/3");
        let check = ws.run(&["check", "--format", "json", "--partition", &partition]);
        ws.write(&format!("check{k}.json"), &check.stdout);
        checks.push(format!("check{k}.json"));
        let status = ws
            .run(&["status", "--format", "json", "--partition", &partition])
            .expect_code(0);
        ws.write(&format!("status{k}.json"), &status.stdout);
        statuses.push(format!("status{k}.json"));
    }
    let merge = |format: &str, files: &[String]| {
        let mut args = vec!["check", "--format", format, "--merge"];
        args.extend(files.iter().map(String::as_str));
        ws.run(&args)
    };
    let merged = merge("json", &checks).expect_code(1);
    assert_eq!(merged.stdout, whole.stdout);
    let merged = merge("text", &statuses).expect_code(1);
    assert_eq!(merged.stdout, whole_text.stdout);
    // The policy is the workspace's, read when the reports are judged.
    ws.write("l10n.toml", "[check]\nmin-translated = 0\n");
    merge("text", &checks).expect_code(0);
    // A missing shard is refused, as status --merge refuses it.
    merge("json", &checks[..2]).expect_code(2);
    let both = ws.run(&["check", "--merge", "check1.json", "--since", "HEAD"]);
    assert_eq!(both.code, 2, "{}", both.stderr);
}
