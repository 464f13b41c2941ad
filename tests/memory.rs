//! The translation memory through the binary: `suggest`, `extract --fill`
//! (exact, fuzzy, from `[[obsolete]]`, from a TMX file), incremental
//! updates, and a bad `memory = [...]` entry.
use crate::util::{KO_CONFIG, Workspace, entries, field};

/// A workspace where article `a` is translated into Korean ("KO: " and
/// the source) and article `b` is new: one sentence the same as in `a`,
/// one with a word changed.
fn translated() -> Workspace {
    let ws = Workspace::extracted(&[(
        "a",
        "Install the tool with cargo before you start. Run the tests every day.\n",
    )]);
    ws.translate("ko", "a", |_, source| Some(format!("KO: {source}")));
    ws.write(
        "articles/b.md",
        "Install the tool with cargo before you start. Run the checks every day.\n",
    );
    ws
}

fn entry(ws: &Workspace, article: &str, source: &str) -> toml::Table {
    entries(&ws.catalog("ko", article), "segment")
        .into_iter()
        .find(|e| field(e, "source") == Some(source))
        .unwrap_or_else(|| panic!("no entry {source:?} in {article}"))
}

#[test]
fn exact_fill_takes_identical_sources_only_and_says_from_where() {
    let ws = translated();
    let run = ws.run(&["extract", "--fill", "exact"]).expect_code(0);
    assert!(
        run.stdout.contains("1 filled from memory"),
        "{}",
        run.stdout
    );
    assert!(!run.stderr.contains("unknown key"), "{}", run.stderr);
    let same = entry(&ws, "b", "Install the tool with cargo before you start.");
    assert_eq!(
        field(&same, "translation"),
        Some("KO: Install the tool with cargo before you start.")
    );
    assert!(field(&same, "from-memory").unwrap().starts_with("a#"));
    assert_eq!(field(&same, "previous-source"), None);
    let changed = entry(&ws, "b", "Run the checks every day.");
    assert_eq!(field(&changed, "translation"), Some(""));
    let status = ws
        .run(&["status", "--format", "json"])
        .expect_code(0)
        .json();
    let text = status.to_string();
    assert!(text.contains("\"translated\":1"), "{text}");
}

#[test]
fn fuzzy_fill_is_outdated_with_the_matched_source_as_previous_source() {
    let ws = translated();
    ws.run(&["extract", "--fill", "fuzzy"]).expect_code(0);
    let changed = entry(&ws, "b", "Run the checks every day.");
    assert_eq!(
        field(&changed, "translation"),
        Some("KO: Run the tests every day.")
    );
    assert_eq!(
        field(&changed, "previous-source"),
        Some("Run the tests every day.")
    );
    let diff = ws.run(&["status", "--diff"]).expect_code(0);
    assert!(
        diff.stdout
            .contains("Run the [-tests-]{+checks+} every day."),
        "{}",
        diff.stdout
    );
}

/// A fuzzy fill is work left to review: `status` counts it outdated (its
/// words not translated) and `check` fails on it, naming it outdated; the
/// exact fill beside it is translated.
#[test]
fn fuzzy_filled_entries_count_as_outdated_and_fail_check() {
    let ws = translated();
    ws.run(&["extract", "--fill", "fuzzy"]).expect_code(0);
    let status = ws
        .run(&["status", "--format", "json", "b"])
        .expect_code(0)
        .json();
    let totals = &status["languages"][0]["totals"];
    assert_eq!(totals["segments"], 2, "{totals}");
    assert_eq!(totals["translated"], 1, "{totals}");
    assert_eq!(totals["outdated"], 1, "{totals}");
    assert_eq!(totals["missing"], 0, "{totals}");
    // "Install the tool with cargo before you start." (8 words) is
    // translated; "Run the checks every day." (5 words) is not.
    assert_eq!(totals["words"], 13, "{totals}");
    assert_eq!(totals["words-translated"], 8, "{totals}");
    let check = ws.run(&["check", "b"]).expect_code(1);
    assert!(
        check.stdout.contains("outdated") && check.stdout.contains("Run the checks every day."),
        "{}",
        check.stdout
    );
    assert!(
        !check
            .stdout
            .contains("Install the tool with cargo before you start."),
        "{}",
        check.stdout
    );
}

#[test]
fn fill_never_overwrites_a_translation_and_min_score_bounds_fuzzy() {
    let ws = translated();
    ws.run(&["extract"]).expect_code(0);
    ws.translate("ko", "b", |_, source| {
        (source == "Run the checks every day.").then(|| "mine".to_string())
    });
    ws.run(&["extract", "--fill", "fuzzy", "--min-score", "90"])
        .expect_code(0);
    assert_eq!(
        field(&entry(&ws, "b", "Run the checks every day."), "translation"),
        Some("mine")
    );
    let b = ws.read("locales/ko/b.toml");
    assert_eq!(b.matches("from-memory").count(), 1, "{b}");
}

#[test]
fn a_heavily_rewritten_sentence_gets_its_own_obsolete_translation() {
    let ws = translated();
    ws.write(
        "articles/a.md",
        "Install the tool with cargo before you start. Every morning, run all of the tests quickly.\n",
    );
    ws.run(&["extract", "--fill", "fuzzy"]).expect_code(0);
    let rewritten = entry(&ws, "a", "Every morning, run all of the tests quickly.");
    assert_eq!(
        field(&rewritten, "translation"),
        Some("KO: Run the tests every day.")
    );
    assert_eq!(
        field(&rewritten, "previous-source"),
        Some("Run the tests every day.")
    );
}

#[test]
fn a_tmx_file_listed_in_l10n_toml_is_in_the_memory() {
    let ws = Workspace::new();
    ws.write(
        "l10n.toml",
        &format!("{KO_CONFIG}memory = [\"tm/legacy.tmx\"]\n"),
    );
    ws.write(
        "tm/legacy.tmx",
        r#"<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/>
  <body>
    <tu tuid="t1">
      <tuv xml:lang="en"><seg>Read the manual first.</seg></tuv>
      <tuv xml:lang="ko"><seg>설명서를 먼저 읽으세요.</seg></tuv>
    </tu>
  </body>
</tmx>
"#,
    );
    ws.write("articles/c.md", "Read the manual first.\n");
    ws.mkdir("locales/ko");
    let text = ws.run(&["suggest", "--lang", "ko"]).expect_code(0);
    assert!(
        text.stdout.contains("100% from tm/legacy.tmx"),
        "{}",
        text.stdout
    );
    ws.run(&["extract", "--fill", "exact"]).expect_code(0);
    let filled = entry(&ws, "c", "Read the manual first.");
    assert_eq!(
        field(&filled, "translation"),
        Some("설명서를 먼저 읽으세요.")
    );
    assert_eq!(field(&filled, "from-memory"), Some("tm/legacy.tmx"));
}

#[test]
fn a_missing_memory_file_is_a_usage_error_at_its_line() {
    let ws = Workspace::new();
    ws.write(
        "l10n.toml",
        &format!("{KO_CONFIG}memory = [\"tm/nope.tmx\"]\n"),
    );
    ws.write("articles/c.md", "Read the manual first.\n");
    ws.mkdir("locales/ko");
    let run = ws.run(&["suggest", "--lang", "ko"]).expect_code(2);
    assert!(run.stderr.contains("l10n.toml:3:"), "{}", run.stderr);
    assert!(run.stderr.contains("tm/nope.tmx"), "{}", run.stderr);
}

#[test]
fn suggest_shows_scores_sources_and_a_word_diff() {
    let ws = translated();
    let run = ws.run(&["suggest", "--lang", "ko"]).expect_code(0);
    let out = &run.stdout;
    assert!(out.contains("100% from a#"), "{out}");
    assert!(
        out.contains("Run the [-tests-]{+checks+} every day."),
        "{out}"
    );
    assert!(out.contains("→ KO: Run the tests every day."), "{out}");
    assert!(
        out.contains("2 segments need a translation; 2 with suggestions"),
        "{out}"
    );
    // A stricter --min-score drops the fuzzy match.
    let strict = ws
        .run(&["suggest", "--lang", "ko", "--min-score", "90", "b"])
        .expect_code(0);
    assert!(!strict.stdout.contains("[-tests-]"), "{}", strict.stdout);
    assert!(
        strict.stdout.contains("; 1 with suggestions"),
        "{}",
        strict.stdout
    );
}

#[test]
fn suggest_json_lists_matches_and_not_a_segments_own_entry() {
    let ws = translated();
    let json = ws
        .run(&["suggest", "--lang", "ko", "--format", "json"])
        .expect_code(0)
        .json();
    assert_eq!(json["version"], 1);
    let suggestions = json["suggestions"].as_array().unwrap();
    // Article `a` is translated: only `b`'s segments need a translation.
    assert_eq!(suggestions.len(), 2);
    assert!(suggestions.iter().all(|s| s["article"] == "b"));
    let fuzzy = &suggestions[1];
    assert_eq!(fuzzy["source"], "Run the checks every day.");
    let best = &fuzzy["matches"][0];
    assert_eq!(best["source"], "Run the tests every day.");
    assert_eq!(best["translation"], "KO: Run the tests every day.");
    let score = best["score"].as_u64().unwrap();
    assert!((70..100).contains(&score), "{score}");
    assert!(best["from"].as_str().unwrap().starts_with("a#"));
}

#[test]
fn the_memory_follows_edited_and_deleted_catalogs() {
    let ws = translated();
    ws.run(&["suggest", "--lang", "ko"]).expect_code(0);
    assert!(ws.path(".l10n/memory-ko.sqlite").is_file());
    // A translator changes a translation: the next run sees the new one.
    let text = ws.read("locales/ko/a.toml").replace(
        "KO: Run the tests every day.",
        "KO2: Run the tests every day.",
    );
    ws.write("locales/ko/a.toml", &text);
    let run = ws.run(&["suggest", "--lang", "ko"]).expect_code(0);
    assert!(
        run.stdout.contains("→ KO2: Run the tests"),
        "{}",
        run.stdout
    );
    assert!(
        !run.stdout.contains("→ KO: Run the tests"),
        "{}",
        run.stdout
    );
    // Edited again at once, to the same size (within the same second, so
    // its stamp cannot tell): the contents tell, and the next run sees it.
    let text = ws.read("locales/ko/a.toml").replace(
        "KO2: Run the tests every day.",
        "KX2: Run the tests every day.",
    );
    ws.write("locales/ko/a.toml", &text);
    let run = ws.run(&["suggest", "--lang", "ko"]).expect_code(0);
    assert!(
        run.stdout.contains("→ KX2: Run the tests"),
        "{}",
        run.stdout
    );
    // The catalog is deleted: its pairs are gone.
    std::fs::remove_file(ws.path("locales/ko/a.toml")).unwrap();
    let run = ws.run(&["suggest", "--lang", "ko", "b"]).expect_code(0);
    assert!(!run.stdout.contains("KO"), "{}", run.stdout);
    assert!(
        run.stdout.contains("; 0 with suggestions"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_damaged_memory_file_is_built_again() {
    let ws = translated();
    ws.write(
        ".l10n/memory-ko.sqlite",
        "not a database at all, just some text\n",
    );
    let run = ws.run(&["suggest", "--lang", "ko"]).expect_code(0);
    assert!(run.stdout.contains("100% from a#"), "{}", run.stdout);
    assert!(
        run.stdout.contains("; 2 with suggestions"),
        "{}",
        run.stdout
    );
}

/// A run that changed the memory leaves its WAL empty: a WAL left behind
/// is read whole by the first connection of every later run.
#[test]
fn a_run_that_updates_the_memory_leaves_no_wal_behind() {
    let ws = translated();
    ws.run(&["suggest", "--lang", "ko"]).expect_code(0);
    let wal = ws.path(".l10n/memory-ko.sqlite-wal");
    let wal_len = || std::fs::metadata(&wal).map_or(0, |m| m.len());
    assert_eq!(wal_len(), 0);
    let run = ws.run(&["suggest", "--lang", "ko"]).expect_code(0);
    assert!(run.stdout.contains("100% from a#"), "{}", run.stdout);
    assert_eq!(wal_len(), 0);
}
