//! Fallback chains: a segment missing in `pt-BR` but translated in `pt` is
//! covered (counted apart from missing, named in JSON and text, a note in
//! `check`), `build` takes the chain's translation before the source, and a
//! bad `fallback` table in l10n.toml is refused with its line.
use crate::util::{Workspace, refuses};

const ARTICLE: &str =
    "# The title\n\nOne sentence. Two sentence.\n\nThree sentence. Four sentence.\n";
const SOURCES: [&str; 5] = [
    "The title",
    "One sentence.",
    "Two sentence.",
    "Three sentence.",
    "Four sentence.",
];

/// A workspace with one article and catalogs in `langs`, each language
/// translating the sources `translate` gives it (with `<lang>:` in front).
fn workspace(config: &str, langs: &[(&str, &[usize])]) -> Workspace {
    let ws = Workspace::new();
    ws.write("l10n.toml", config);
    ws.write("articles/a.md", ARTICLE);
    for (lang, _) in langs {
        ws.mkdir(&format!("locales/{lang}"));
    }
    ws.run(&["extract"]).expect_code(0);
    for (lang, translated) in langs {
        if translated.is_empty() {
            continue;
        }
        ws.translate(lang, "a", |_, source| {
            let i = SOURCES.iter().position(|s| *s == source).unwrap();
            translated.contains(&i).then(|| format!("{lang}: {source}"))
        });
    }
    ws
}

/// `pt-BR` has segment 0; `pt` has 0, 1 and 3.
fn brazilian() -> Workspace {
    workspace("", &[("pt-BR", &[0]), ("pt", &[0, 1, 3])])
}

fn totals(json: &serde_json::Value, lang: &str) -> (u64, u64, u64, u64, u64) {
    let language = json["languages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["lang"] == lang)
        .unwrap_or_else(|| panic!("no {lang} in {json}"));
    let n = |key: &str| language["totals"][key].as_u64().unwrap();
    (
        n("segments"),
        n("translated"),
        n("covered"),
        n("missing"),
        n("outdated"),
    )
}

#[test]
fn a_regional_language_falls_back_to_its_parent() {
    let ws = brazilian();
    let json = ws
        .run(&["status", "--lang", "pt-BR", "--format", "json"])
        .expect_code(0)
        .json();
    // Segments = translated + covered + missing + outdated.
    assert_eq!(totals(&json, "pt-BR"), (5, 1, 2, 2, 0));
    let language = &json["languages"][0];
    assert_eq!(language["fallback"], serde_json::json!(["pt"]));
    let issues = language["articles"][0]["issues"].as_array().unwrap();
    let states: Vec<(&str, &str, Option<&str>)> = issues
        .iter()
        .map(|i| {
            (
                i["state"].as_str().unwrap(),
                i["source"].as_str().unwrap(),
                i["fallback"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        states,
        [
            ("covered", SOURCES[1], Some("pt")),
            ("missing", SOURCES[2], None),
            ("covered", SOURCES[3], Some("pt")),
            ("missing", SOURCES[4], None),
        ]
    );
    // `pt` itself has no chain: no covered segments, no `fallback` key.
    let json = ws
        .run(&["status", "--format", "json"])
        .expect_code(0)
        .json();
    assert_eq!(totals(&json, "pt"), (5, 3, 0, 2, 0));
    let pt = json["languages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["lang"] == "pt")
        .unwrap();
    assert!(pt.get("fallback").is_none(), "{pt}");

    let text = ws.run(&["status"]).expect_code(0).stdout;
    assert!(
        text.contains("segments  translated  covered  missing"),
        "{text}"
    );
    assert!(
        text.contains(
            "pt-BR: 1 of 5 segments translated (20.0%), 2 covered by fallback (pt), 2 missing"
        ),
        "{text}"
    );
    assert!(
        text.contains("pt: 3 of 5 segments translated (60.0%), 2 missing"),
        "{text}"
    );
    let korean = ws
        .run(&["--ui-lang", "ko", "status", "--lang", "pt-BR"])
        .expect_code(0)
        .stdout;
    assert!(korean.contains("대체 언어(pt)로 채움 2"), "{korean}");
}

#[test]
fn a_configured_chain_replaces_the_default_and_is_followed_in_order() {
    // es-419 has segment 1 (and 2, outdated below); es has 1, 2 and 3.
    let ws = workspace(
        "fallback = { \"es-mx\" = [\"es-419\", \"es\"] }\n",
        &[("es-MX", &[]), ("es-419", &[1, 2]), ("es", &[1, 2, 3])],
    );
    let path = "locales/es-419/a.toml";
    let text = ws.read(path);
    let edited = text.replacen(
        "source = \"Two sentence.\"",
        "source = \"Two sentence.\"\nprevious-source = \"Two sentences.\"",
        1,
    );
    assert_ne!(edited, text);
    ws.write(path, &edited);
    let json = ws
        .run(&["status", "--lang", "es-MX", "--format", "json"])
        .expect_code(0)
        .json();
    assert_eq!(totals(&json, "es-MX"), (5, 0, 3, 2, 0));
    let language = &json["languages"][0];
    assert_eq!(language["fallback"], serde_json::json!(["es-419", "es"]));
    let covering: Vec<(&str, &str)> = language["articles"][0]["issues"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["state"] == "covered")
        .map(|i| {
            (
                i["source"].as_str().unwrap(),
                i["fallback"].as_str().unwrap(),
            )
        })
        .collect();
    // An outdated translation in es-419 does not cover: es does.
    assert_eq!(
        covering,
        [
            (SOURCES[1], "es-419"),
            (SOURCES[2], "es"),
            (SOURCES[3], "es")
        ]
    );
    ws.run(&["build", "--lang", "es-MX"]).expect_code(0);
    assert_eq!(
        ws.read("build/es-MX/a.md"),
        "# The title\n\nes-419: One sentence. es: Two sentence.\n\nes: Three sentence. Four sentence.\n"
    );
}

#[test]
fn covered_segments_are_notes_in_check_and_not_translations() {
    let ws = workspace("", &[("pt-BR", &[0, 2, 4]), ("pt", &[1, 3])]);
    let run = ws.run(&["check", "--lang", "pt-BR"]).expect_code(0);
    assert!(
        run.stdout.contains(
            "locales/pt-BR/a.toml:11: covered by pt: 48d517db: One sentence. (articles/a.md:3)\n"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(
            "pt-BR: ok: 3 of 5 segments translated (60.0%), 2 covered by fallback (pt), 0 missing, 0 outdated"
        ),
        "{}",
        run.stdout
    );
    let json = ws
        .run(&["check", "--lang", "pt-BR", "--format", "json"])
        .expect_code(0)
        .json();
    assert_eq!(json["passed"], true);
    // --min-translated counts translations only.
    ws.run(&["check", "--lang", "pt-BR", "--min-translated", "60"])
        .expect_code(0);
    let below = ws
        .run(&["check", "--lang", "pt-BR", "--min-translated", "61"])
        .expect_code(1);
    assert!(below.stdout.contains("minimum 61%"), "{}", below.stdout);
    // A segment neither language has fails the check.
    let ws = brazilian();
    let run = ws.run(&["check", "--lang", "pt-BR"]).expect_code(1);
    assert_eq!(
        run.stdout.matches(": missing: ").count(),
        2,
        "{}",
        run.stdout
    );
    assert_eq!(
        run.stdout.matches(": covered by pt: ").count(),
        2,
        "{}",
        run.stdout
    );
}

#[test]
fn build_takes_the_chain_before_the_source() {
    let ws = brazilian();
    let run = ws.run(&["build", "--lang", "pt-BR"]).expect_code(0);
    assert!(
        run.stdout
            .contains("2 segments taken from the fallback language pt"),
        "{}",
        run.stdout
    );
    assert_eq!(
        ws.read("build/pt-BR/a.md"),
        "# pt-BR: The title\n\npt: One sentence. Two sentence.\n\npt: Three sentence. Four sentence.\n"
    );
    // An outdated translation of its own gives way to the chain's current
    // one, unless outdated translations are published.
    let path = "locales/pt-BR/a.toml";
    ws.write(
        path,
        &ws.read(path).replacen(
            "source = \"The title\"",
            "source = \"The title\"\nprevious-source = \"A title\"",
            1,
        ),
    );
    ws.translate("pt", "a", |_, source| {
        (source == SOURCES[0]).then(|| "pt: O título".to_string())
    });
    ws.run(&["build", "--lang", "pt-BR"]).expect_code(0);
    assert!(ws.read("build/pt-BR/a.md").starts_with("# pt: O título\n"));
    ws.run(&["build", "--lang", "pt-BR", "--mark-outdated"])
        .expect_code(0);
    assert!(
        ws.read("build/pt-BR/a.md")
            .starts_with("# <!-- l10n:outdated -->pt-BR: The title<!-- /l10n:outdated -->\n")
    );
    // Below the threshold nothing is written: covered is not translated.
    let run = ws
        .run(&[
            "build",
            "--lang",
            "pt-BR",
            "--min-translated",
            "30",
            "--out",
            "other",
        ])
        .expect_code(1);
    assert!(
        run.stdout.contains("skipped a: 0.0% translated"),
        "{}",
        run.stdout
    );
    assert!(!ws.path("other/pt-BR/a.md").exists());
}

#[test]
fn a_chain_without_catalogs_changes_nothing() {
    let ws = workspace("", &[("zh-Hant-TW", &[0]), ("zh", &[0, 1, 2, 3, 4])]);
    // zh-Hant-TW falls back to zh-Hant, which has no catalogs; never to zh.
    let text = ws
        .run(&["status", "--lang", "zh-Hant-TW"])
        .expect_code(0)
        .stdout;
    assert!(!text.contains("covered"), "{text}");
    let json = ws
        .run(&["status", "--lang", "zh-Hant-TW", "--format", "json"])
        .expect_code(0)
        .json();
    assert_eq!(totals(&json, "zh-Hant-TW"), (5, 1, 0, 4, 0));
    assert!(json["languages"][0].get("fallback").is_none());
    let run = ws.run(&["build", "--lang", "zh-Hant-TW"]).expect_code(0);
    assert!(!run.stdout.contains("fallback"), "{}", run.stdout);
    // An empty chain switches the default off.
    let ws = workspace(
        "fallback = { pt-BR = [] }\n",
        &[("pt-BR", &[0]), ("pt", &[1])],
    );
    let json = ws
        .run(&["status", "--lang", "pt-BR", "--format", "json"])
        .expect_code(0)
        .json();
    assert_eq!(totals(&json, "pt-BR"), (5, 1, 0, 4, 0));
}

#[test]
fn bad_chains_are_refused_with_their_line() {
    let ws = brazilian();
    for (config, expected) in [
        (
            "source-lang = \"en\"\n[fallback]\npt-BR = [\"p_t\"]\n",
            &["`p_t` is not a valid language tag", "l10n.toml:3:"][..],
        ),
        (
            "source-lang = \"en\"\n\n[fallback]\n\"pt-BR\" = [\"pt\", \"pt-br\"]\n",
            &[
                "the fallback chain of pt-BR names pt-BR itself",
                "l10n.toml:4:",
            ],
        ),
        (
            "fallback = { pt-BR = [\"en\"] }\n",
            &[
                "the fallback chain of pt-BR names the source language en",
                "l10n.toml:1:",
            ],
        ),
        (
            "source-lang = \"en\"\nfallback = { pt = [\"pt-BR\"] }\n",
            &[
                "the fallback chains go round in a circle: pt → pt-BR → pt",
                "l10n.toml:2:",
            ],
        ),
    ] {
        ws.write("l10n.toml", config);
        for args in [
            &["status"][..],
            &["check"],
            &["extract"],
            &["build", "--lang", "pt-BR"],
        ] {
            refuses(&ws, args, expected);
        }
    }
}
