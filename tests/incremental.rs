//! Incremental `extract`: an article whose files are as the last run left
//! them is not read or planned again; every kind of edit is still seen.
use std::fs;

use crate::util::{KO_CONFIG, Run, SETTLED, Workspace, entries, field};

/// A workspace of three short articles, extracted once.
fn extracted() -> Workspace {
    Workspace::extracted(&[
        ("a", "The sky is blue. The grass is green.\n"),
        ("b", "He met the Bros. Smith today. It rained.\n"),
        ("c", "One sentence here. Another one there.\n"),
    ])
}

/// `extract --timings`, judging files as if 2.2 s had passed since they
/// were written (so that they count as settled), with `more` arguments.
fn settled_extract(ws: &Workspace, more: &[&str]) -> Run {
    let mut args = vec!["extract", "--timings"];
    args.extend_from_slice(more);
    ws.run_env(&args, &[SETTLED]).expect_code(0)
}

/// How many articles the run planned, of how many, from its timings table.
fn planned(run: &Run) -> (usize, usize) {
    let line = run
        .stderr
        .lines()
        .find(|l| l.starts_with("planned "))
        .unwrap_or_else(|| panic!("no timings in:\n{}", run.stderr));
    let words: Vec<&str> = line.split(' ').collect();
    (words[1].parse().unwrap(), words[3].parse().unwrap())
}

/// The run's row of `phase` in the timings table: how many items.
fn items(run: &Run, phase: &str) -> usize {
    let row = run
        .stderr
        .lines()
        .find(|l| l.trim_start().starts_with(&format!("{phase}:")))
        .unwrap_or_else(|| panic!("no {phase} row in:\n{}", run.stderr));
    let count = row.rsplit(", ").next().unwrap();
    count.split(' ').next().unwrap().parse().unwrap()
}

/// Settles the workspace: the run after an extract that wrote reads the
/// files it wrote once (they were racy), and the next reads none.
fn settle(ws: &Workspace) {
    settled_extract(ws, &[]);
    let run = settled_extract(ws, &[]);
    assert_eq!(planned(&run), (0, 3), "{}", run.stderr);
}

fn sources(ws: &Workspace, lang: &str, article: &str, section: &str) -> Vec<String> {
    entries(&ws.catalog(lang, article), section)
        .iter()
        .map(|e| field(e, "source").unwrap().to_string())
        .collect()
}

#[test]
fn an_unchanged_article_is_not_read_again_and_an_edited_one_is() {
    let ws = extracted();
    // The files the first run wrote were just written: read once, by hash.
    let first = settled_extract(&ws, &[]);
    assert_eq!(planned(&first), (0, 3), "{}", first.stderr);
    assert_eq!(items(&first, "read"), 3, "{}", first.stderr);
    // Then by their stamps alone.
    let second = settled_extract(&ws, &[]);
    assert_eq!(planned(&second), (0, 3));
    assert_eq!(items(&second, "read"), 0, "{}", second.stderr);
    assert!(second.stdout.contains("3 articles, 0 catalogs written"));

    ws.write("articles/a.md", "The sky is grey. The grass is green.\n");
    let edited = settled_extract(&ws, &[]);
    assert_eq!(planned(&edited), (1, 3), "{}", edited.stderr);
    assert_eq!(items(&edited, "read"), 1);
    assert_eq!(
        sources(&ws, "ko", "a", "segment"),
        ["The sky is grey.", "The grass is green."]
    );
    // L10N_TIMINGS=1 prints the same table.
    let by_env = ws
        .run_env(&["extract"], &[SETTLED, ("L10N_TIMINGS", "1")])
        .expect_code(0);
    assert!(by_env.stderr.contains("planned "), "{}", by_env.stderr);
}

#[test]
fn an_edit_in_the_same_second_as_the_last_run_is_seen() {
    let ws = extracted();
    // No clock seam: every file was modified a moment ago, so none of them
    // may be judged by its stamp: all are read, the edited one planned.
    ws.write("articles/a.md", "The sky is blue. The grass is wet.\n");
    let run = ws.run(&["extract", "--timings"]).expect_code(0);
    assert_eq!(planned(&run), (1, 3), "{}", run.stderr);
    assert_eq!(items(&run, "read"), 3, "{}", run.stderr);
    ws.write("articles/a.md", "The sky is blue. The grass is dry.\n");
    ws.run(&["extract"]).expect_code(0);
    assert_eq!(
        sources(&ws, "en", "a", "segment"),
        ["The sky is blue.", "The grass is dry."]
    );
}

#[test]
fn an_edit_that_keeps_size_and_modification_time_is_seen() {
    let ws = extracted();
    settle(&ws);
    let path = ws.path("articles/a.md");
    let modified = fs::metadata(&path).unwrap().modified().unwrap();
    // The same length, the modification time set back (as `touch -d`).
    fs::write(&path, "The sky is blue. The grass is lime.\n").unwrap();
    let file = fs::File::options().write(true).open(&path).unwrap();
    file.set_modified(modified).unwrap();
    drop(file);
    assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), modified);
    let run = settled_extract(&ws, &[]);
    assert_eq!(planned(&run), (1, 3), "{}", run.stderr);
    assert_eq!(
        sources(&ws, "ko", "a", "segment"),
        ["The sky is blue.", "The grass is lime."]
    );
}

#[test]
fn a_change_of_configuration_plans_every_article_again() {
    let ws = extracted();
    settle(&ws);
    assert_eq!(
        sources(&ws, "en", "b", "segment"),
        ["He met the Bros.", "Smith today.", "It rained."]
    );
    ws.write(
        "l10n.toml",
        &format!("{KO_CONFIG}[segmenter]\nno-break = [\"Bros.| *\"]\n"),
    );
    let run = settled_extract(&ws, &[]);
    assert_eq!(planned(&run), (3, 3), "{}", run.stderr);
    assert_eq!(
        sources(&ws, "en", "b", "segment"),
        ["He met the Bros. Smith today.", "It rained."]
    );
    settle(&ws);
}

#[test]
fn a_catalog_a_translator_edited_is_seen_by_status_and_extract() {
    let ws = extracted();
    settle(&ws);
    ws.run(&["status"]).expect_code(0);
    let relative = "locales/ko/c.toml";
    assert_eq!(
        ws.fill_empty_translations(relative, |n| format!("번역 {n}")),
        2
    );
    let status = ws.run_env(&["status", "--format", "json"], &[SETTLED]);
    let json = status.expect_code(0).json();
    assert_eq!(json["languages"][0]["totals"]["translated"], 2, "{json}");
    let run = settled_extract(&ws, &[]);
    assert_eq!(planned(&run), (1, 3), "{}", run.stderr);
    assert!(run.stdout.contains("0 catalogs written"), "{}", run.stdout);

    // An entry deleted by hand comes back, its neighbours' work kept.
    let text = ws.read(relative);
    let second = text.rfind("[[segment]]").unwrap();
    ws.write(relative, &text[..second]);
    let run = settled_extract(&ws, &[]);
    assert_eq!(planned(&run), (1, 3), "{}", run.stderr);
    let catalog = ws.catalog("ko", "c");
    let segments = entries(&catalog, "segment");
    assert_eq!(segments.len(), 2);
    assert_eq!(field(&segments[0], "translation"), Some("번역 1"));
    assert_eq!(field(&segments[1], "translation"), Some(""));
}

#[test]
fn a_deleted_catalog_and_a_new_article_are_seen() {
    let ws = extracted();
    settle(&ws);
    fs::remove_file(ws.path("locales/ko/b.toml")).unwrap();
    ws.write("articles/d.md", "A new article.\n");
    let run = settled_extract(&ws, &[]);
    assert_eq!(planned(&run), (2, 4), "{}", run.stderr);
    assert_eq!(sources(&ws, "ko", "b", "segment").len(), 3);
    assert_eq!(sources(&ws, "ko", "d", "segment"), ["A new article."]);
}

#[test]
fn fill_and_prune_plan_the_articles_they_would_change() {
    let ws = extracted();
    ws.write("articles/d.md", "The sky is blue.\n");
    ws.run(&["extract"]).expect_code(0);
    ws.fill_empty_translations("locales/ko/a.toml", |n| format!("하늘 {n}"));
    // One sentence leaves c, whose translations stay as obsolete.
    ws.fill_empty_translations("locales/ko/c.toml", |n| format!("문장 {n}"));
    ws.write("articles/c.md", "One sentence here.\n");
    ws.run(&["extract"]).expect_code(0);
    settled_extract(&ws, &[]);
    let run = settled_extract(&ws, &[]);
    assert_eq!(planned(&run), (0, 4), "{}", run.stderr);

    // b and d miss translations; a and c have every one.
    let fill = settled_extract(&ws, &["--fill", "exact"]);
    assert_eq!(planned(&fill), (2, 4), "{}", fill.stderr);
    let d = ws.catalog("ko", "d");
    assert_eq!(
        field(&entries(&d, "segment")[0], "translation"),
        Some("하늘 1")
    );

    assert_eq!(sources(&ws, "ko", "c", "obsolete"), ["Another one there."]);
    let prune = settled_extract(&ws, &["--prune"]);
    assert_eq!(planned(&prune), (1, 4), "{}", prune.stderr);
    assert!(sources(&ws, "ko", "c", "obsolete").is_empty());
}

#[test]
fn a_failed_run_leaves_the_last_runs_memory() {
    let ws = extracted();
    settle(&ws);
    ws.write("articles/a.md", "The sky is grey. The grass is green.\n");
    // A catalog that does not parse stops the run with nothing written.
    let broken = "locales/ko/b.toml";
    let good = ws.read(broken);
    ws.write(broken, "not = [toml\n");
    ws.run_env(&["extract"], &[SETTLED]).expect_code(2);
    ws.write(broken, &good);
    // b, rewritten as it was, is read but not planned again.
    let run = settled_extract(&ws, &[]);
    assert_eq!(planned(&run), (1, 3), "{}", run.stderr);
    assert_eq!(sources(&ws, "en", "a", "segment")[0], "The sky is grey.");
}
