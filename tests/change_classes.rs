//! Change classes through the binary: a cosmetic source edit (quotes,
//! apostrophes, dashes, `...`/`…`, white space, no-break spaces, Unicode
//! normalisation) keeps a translation current, before and after `extract`,
//! which takes the new source without `previous-source` and counts it
//! refreshed; an edit that matters says why (`reasons`) in JSON, in
//! `status --diff`, in `check`'s text, github, SARIF and JUnit outputs, the
//! same with the cache and without.
use crate::util::{SETTLED, Workspace, entries, field};

/// One paragraph per sentence, so that each stays one segment whatever
/// the edit.
fn article(sentences: &[&str]) -> String {
    let mut text = String::from("# Changes\n");
    for sentence in sentences {
        text.push('\n');
        text.push_str(sentence);
        text.push('\n');
    }
    text
}

/// A workspace whose article has `before`, translated into Korean in full,
/// then edited to `after`.
fn edited(before: &[&str], after: &[&str]) -> Workspace {
    edited_from("en", "ko", before, after)
}

/// [`edited`], written in `source` and translated into `target`.
fn edited_from(source: &str, target: &str, before: &[&str], after: &[&str]) -> Workspace {
    let ws = Workspace::new();
    ws.write("l10n.toml", &format!("source-lang = \"{source}\"\n"));
    ws.mkdir(&format!("locales/{target}"));
    ws.write("articles/a.md", &article(before));
    ws.run(&["extract"]).expect_code(0);
    ws.translate(target, "a", |_, source| Some(format!("번역: {source}")));
    ws.write("articles/a.md", &article(after));
    ws
}

fn totals(ws: &Workspace) -> (u64, u64) {
    totals_of(
        &ws.run(&["status", "--format", "json"])
            .expect_code(0)
            .json(),
    )
}

fn totals_of(json: &serde_json::Value) -> (u64, u64) {
    let totals = &json["languages"][0]["totals"];
    (
        totals["translated"].as_u64().unwrap(),
        totals["outdated"].as_u64().unwrap(),
    )
}

const COSMETIC: [(&str, &str); 9] = [
    ("It's a plain test.", "It’s a plain test."),
    ("He said \"yes\" twice.", "He said “yes” twice."),
    ("The 1990-2000 decade ended.", "The 1990–2000 decade ended."),
    ("It was late - too late.", "It was late — too late."),
    ("He paused... and went on.", "He paused… and went on."),
    (
        "The report was quite late.",
        "The report  was quite   late.",
    ),
    (
        "It costs 10 000 won today.",
        "It costs 10\u{a0}000 won today.",
    ),
    ("The café opened again.", "The cafe\u{301} opened again."),
    ("A ﬁne result for all.", "A fine result for all."),
];

#[test]
fn cosmetic_edits_keep_translations_current() {
    let before: Vec<&str> = COSMETIC.iter().map(|(b, _)| *b).collect();
    let after: Vec<&str> = COSMETIC.iter().map(|(_, a)| *a).collect();
    let ws = edited(&before, &after);
    let segments = before.len() as u64 + 1;
    // Live, before extract: nothing outdated, nothing for check to list.
    assert_eq!(totals(&ws), (segments, 0));
    let check = ws.run(&["check"]).expect_code(0);
    assert!(!check.stdout.contains("outdated:"), "{}", check.stdout);

    let extract = ws.run(&["extract"]).expect_code(0);
    assert!(
        extract
            .stdout
            .contains(&format!("{} refreshed", before.len())),
        "extract counts the refreshed segments:\n{}",
        extract.stdout
    );
    let catalog = ws.catalog("ko", "a");
    let written = entries(&catalog, "segment");
    for (entry, (old, new)) in written[1..].iter().zip(COSMETIC) {
        assert_eq!(field(entry, "previous-source"), None, "{entry:?}");
        assert_eq!(
            field(entry, "translation"),
            Some(format!("번역: {old}").as_str())
        );
        // The source as the article has it now (the segmenter may fold
        // white space runs).
        let source = field(entry, "source").unwrap();
        assert_ne!(source, old, "{new:?} was not taken");
    }
    assert_eq!(totals(&ws), (segments, 0));
    // A second extract has nothing left to do.
    let again = ws.run(&["extract"]).expect_code(0);
    assert!(!again.stdout.contains("refreshed"), "{}", again.stdout);
}

/// A real edit already recorded stays outdated through a later cosmetic
/// edit, keeping its previous source; undoing it but for the quotes makes
/// the translation current again.
#[test]
fn a_real_edit_stays_outdated_through_a_cosmetic_one() {
    let ws = edited(&["He said \"yes\" twice."], &["He said \"no\" twice."]);
    ws.run(&["extract"]).expect_code(0);
    assert_eq!(totals(&ws), (1, 1));
    ws.write("articles/a.md", &article(&["He said “no” twice."]));
    ws.run(&["extract"]).expect_code(0);
    let catalog = ws.catalog("ko", "a");
    let entry = &entries(&catalog, "segment")[1];
    assert_eq!(
        field(entry, "previous-source"),
        Some("He said \"yes\" twice.")
    );
    assert_eq!(totals(&ws), (1, 1));
    ws.write("articles/a.md", &article(&["He said “yes” twice."]));
    assert_eq!(totals(&ws), (2, 0));
    ws.run(&["extract"]).expect_code(0);
    let catalog = ws.catalog("ko", "a");
    let entry = &entries(&catalog, "segment")[1];
    assert_eq!(field(entry, "previous-source"), None);
    assert_eq!(field(entry, "source"), Some("He said “yes” twice."));
    assert_eq!(
        field(entry, "translation"),
        Some("번역: He said \"yes\" twice.")
    );
}

const MEANINGFUL: [(&str, &str, &str); 7] = [
    (
        "Sales rose 5 percent last year.",
        "Sales rose 7 percent last year.",
        "number",
    ),
    (
        "The plan will work this time.",
        "The plan will not work this time.",
        "negation",
    ),
    (
        "Read [the guide](https://example.com/a) first.",
        "Read [the guide](https://example.com/b) first.",
        "link",
    ),
    (
        "The talks were held in Seoul today.",
        "The talks were held in Busan today.",
        "name",
    ),
    (
        "Run `make test` before you push.",
        "Run `make check` before you push.",
        "markup",
    ),
    (
        "The committee will review the budget.",
        "The committee will debate the budget.",
        "wording",
    ),
    (
        "In 2020 the old plan did work.",
        "In 2021 the old plan did not work.",
        "number, negation",
    ),
];

#[test]
fn each_reason_is_named_in_every_output() {
    let before: Vec<&str> = MEANINGFUL.iter().map(|(b, _, _)| *b).collect();
    let after: Vec<&str> = MEANINGFUL.iter().map(|(_, a, _)| *a).collect();
    let ws = edited(&before, &after);
    let json = ws
        .run(&["status", "--format", "json", "--no-cache"])
        .expect_code(0)
        .json();
    let issues = json["languages"][0]["articles"][0]["issues"]
        .as_array()
        .unwrap();
    let reasons: Vec<String> = issues
        .iter()
        .map(|i| {
            assert_eq!(i["state"], "outdated", "{i}");
            let names: Vec<&str> = i["reasons"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r.as_str().unwrap())
                .collect();
            names.join(", ")
        })
        .collect();
    let expected: Vec<&str> = MEANINGFUL.iter().map(|(_, _, r)| *r).collect();
    assert_eq!(reasons, expected);

    let diff = ws.run(&["status", "--diff"]).expect_code(0).stdout;
    let check = ws.run(&["check"]).expect_code(1).stdout;
    let github = ws
        .run(&["check", "--format", "github"])
        .expect_code(1)
        .stdout;
    let sarif = ws
        .run(&["check", "--format", "sarif"])
        .expect_code(1)
        .stdout;
    let junit = ws
        .run(&["check", "--format", "junit"])
        .expect_code(1)
        .stdout;
    for reasons in expected {
        let shown = format!("outdated ({reasons})");
        assert!(diff.contains(&shown), "status --diff: {shown}\n{diff}");
        assert!(check.contains(&shown), "check: {shown}\n{check}");
        // A workflow command escapes the commas of its properties.
        let title = shown.replace(',', "%2C");
        assert!(github.contains(&title), "github: {title}\n{github}");
        assert!(junit.contains(&shown), "junit: {shown}\n{junit}");
        assert!(
            sarif.contains(&format!("into ko ({reasons})")),
            "sarif: {reasons}\n{sarif}"
        );
    }
}

/// The result cache keeps the reasons: a cached run answers as a fresh one.
#[test]
fn cached_reasons_equal_fresh_ones() {
    let before: Vec<&str> = MEANINGFUL.iter().map(|(b, _, _)| *b).collect();
    let after: Vec<&str> = MEANINGFUL.iter().map(|(_, a, _)| *a).collect();
    let ws = edited(&before, &after);
    let run = |args: &[&str]| ws.run_env(args, &[SETTLED]).expect_code(1).stdout;
    let fresh = run(&["check", "--format", "json", "--no-cache"]);
    let first = run(&["check", "--format", "json"]);
    assert!(ws.path(".l10n/cache/reports.bin").exists(), "no cache");
    let cached = run(&["check", "--format", "json"]);
    assert!(fresh.contains("\"reasons\""), "{fresh}");
    assert_eq!(first, fresh);
    assert_eq!(cached, fresh);
}

/// A workspace written in Korean judges its edits by Korean's classes:
/// typographic quotes and a no-break space keep a translation current, a
/// changed number makes it outdated with reason `number`.
#[test]
fn a_korean_source_keeps_cosmetic_edits_current_and_names_a_number() {
    let before = [
        "그는 \"네\"라고 두 번 말했다.",
        "값은 10 000원이다.",
        "매출이 작년보다 5% 늘었다.",
    ];
    let after = [
        "그는 “네”라고 두 번 말했다.",
        "값은 10\u{a0}000원이다.",
        "매출이 작년보다 7% 늘었다.",
    ];
    let ws = edited_from("ko", "en", &before, &after);
    let json = ws
        .run(&["status", "--format", "json", "--no-cache"])
        .expect_code(0)
        .json();
    // The heading and the two cosmetic edits are current; one is outdated.
    assert_eq!(totals_of(&json), (3, 1), "{json}");
    let issues = json["languages"][0]["articles"][0]["issues"]
        .as_array()
        .unwrap();
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert_eq!(issues[0]["state"], "outdated");
    assert_eq!(issues[0]["reasons"], serde_json::json!(["number"]));

    let extract = ws.run(&["extract"]).expect_code(0);
    assert!(extract.stdout.contains("2 refreshed"), "{}", extract.stdout);
    let catalog = ws.catalog("en", "a");
    let written = entries(&catalog, "segment");
    assert_eq!(field(&written[1], "source"), Some(after[0]));
    assert_eq!(field(&written[1], "previous-source"), None);
    assert_eq!(field(&written[3], "previous-source"), Some(before[2]));
}

/// Short sentences whose quotes, apostrophes or dashes are most of what
/// changed are below the word-level pairing's threshold: paired by their
/// cosmetic key, they keep their ids and stay current.
#[test]
fn short_sentences_edited_cosmetically_keep_their_entries() {
    let before = ["\"Don't.\"", "It's ok.", "Can't -- won't."];
    let after = ["“Don’t.”", "It’s ok.", "Can’t — won’t."];
    let ws = edited(&before, &after);
    let ids = |ws: &Workspace| -> Vec<String> {
        entries(&ws.catalog("ko", "a"), "segment")
            .iter()
            .map(|e| field(e, "id").unwrap().to_string())
            .collect()
    };
    let old_ids = ids(&ws);
    assert_eq!(totals(&ws), (4, 0));
    let extract = ws.run(&["extract"]).expect_code(0);
    assert!(extract.stdout.contains("3 refreshed"), "{}", extract.stdout);
    assert_eq!(ids(&ws), old_ids);
    let catalog = ws.catalog("ko", "a");
    assert!(entries(&catalog, "obsolete").is_empty(), "{catalog:?}");
    for (entry, (old, new)) in entries(&catalog, "segment")[1..]
        .iter()
        .zip(before.iter().zip(after))
    {
        assert_eq!(field(entry, "source"), Some(new));
        assert_eq!(
            field(entry, "translation"),
            Some(format!("번역: {old}").as_str())
        );
        assert_eq!(field(entry, "previous-source"), None);
    }
    assert_eq!(totals(&ws), (4, 0));
}
