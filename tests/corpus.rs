//! Change detection against the benchmark corpus generator's manifest: after
//! `mutate`, `status` (live, and again after `extract`) and the catalog files
//! flag exactly the edited sentences as outdated (with their old text as
//! `previous-source`), the inserted as missing, the deleted as obsolete, and
//! the moved as translated.
//!
//! The generator (`examples/gen-corpus/main.rs`) is compiled in with `#[path]`;
//! the real binary runs the commands.
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use l10n::article::Format;
use l10n::segment::Rules;

#[path = "../examples/gen-corpus/main.rs"]
pub mod gen_corpus;

use gen_corpus::{GenerateOptions, Manifest};

use crate::util::l10n_command;

const LANGS: [&str; 2] = ["ko", "ja"];

fn l10n(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = l10n_command(dir, args)
        .output()
        .expect("the l10n binary runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// A flagged segment: (language, article, state, source, previous-source).
type Flag = (String, String, String, String, Option<String>);

fn status_flags(dir: &Path) -> BTreeSet<Flag> {
    let (code, stdout, stderr) = l10n(dir, &["status", "--format", "json"]);
    assert!(code == 0 || code == 1, "status failed ({code}): {stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("status prints JSON");
    let mut flags = BTreeSet::new();
    for language in json["languages"].as_array().expect("languages") {
        let lang = language["lang"].as_str().unwrap();
        for article in language["articles"].as_array().expect("articles") {
            let id = article["article"].as_str().unwrap();
            for issue in article["issues"].as_array().into_iter().flatten() {
                flags.insert((
                    lang.to_string(),
                    id.to_string(),
                    issue["state"].as_str().unwrap().to_string(),
                    issue["source"].as_str().unwrap().to_string(),
                    issue["previous-source"].as_str().map(str::to_string),
                ));
            }
        }
    }
    flags
}

/// What every language should flag after `mutate`, all translated before.
fn expected_flags(manifest: &Manifest) -> BTreeSet<Flag> {
    let mut flags = BTreeSet::new();
    for lang in LANGS {
        for changes in &manifest.articles {
            let flag = |state: &str, source: &str, previous: Option<&str>| {
                (
                    lang.to_string(),
                    changes.article.clone(),
                    state.to_string(),
                    source.to_string(),
                    previous.map(str::to_string),
                )
            };
            for edit in &changes.edits {
                flags.insert(flag("outdated", &edit.new, Some(&edit.old)));
            }
            for text in &changes.inserts {
                flags.insert(flag("missing", text, None));
            }
            for text in &changes.deletes {
                flags.insert(flag("obsolete", text, None));
            }
        }
    }
    flags
}

/// Asserts precision and recall 1.0, naming what differs.
#[track_caller]
fn assert_exact(what: &str, found: &BTreeSet<Flag>, expected: &BTreeSet<Flag>) {
    let extra: Vec<&Flag> = found.difference(expected).take(5).collect();
    let lost: Vec<&Flag> = expected.difference(found).take(5).collect();
    let hits = found.intersection(expected).count();
    assert!(
        extra.is_empty() && lost.is_empty(),
        "{what}: precision {}/{}, recall {}/{}\nflagged but not changed: {extra:#?}\n\
         changed but not flagged: {lost:#?}",
        hits,
        found.len(),
        hits,
        expected.len(),
    );
}

fn assert_moves_translated(what: &str, found: &BTreeSet<Flag>, manifest: &Manifest) {
    for changes in &manifest.articles {
        for text in &changes.moves {
            assert!(
                !found.iter().any(|f| f.1 == changes.article && &f.3 == text),
                "{what}: moved sentence flagged in {}: {text}",
                changes.article
            );
        }
    }
}

/// The same flags, read from the catalog files that `extract` wrote.
fn file_flags(dir: &Path, manifest: &Manifest) -> BTreeSet<Flag> {
    let mut flags = BTreeSet::new();
    for lang in LANGS {
        for changes in &manifest.articles {
            let path = dir.join(format!("locales/{lang}/{}.toml", changes.article));
            let text = fs::read_to_string(&path).unwrap();
            let catalog: toml::Table = text.parse().unwrap();
            let entries = |key: &str| {
                catalog
                    .get(key)
                    .and_then(|v| v.as_array())
                    .cloned()
                    .unwrap_or_default()
            };
            let field = |entry: &toml::Value, key: &str| {
                entry.get(key).and_then(|v| v.as_str()).map(str::to_string)
            };
            let mut add = |state: &str, source: String, previous: Option<String>| {
                flags.insert((
                    lang.to_string(),
                    changes.article.clone(),
                    state.to_string(),
                    source,
                    previous,
                ));
            };
            for entry in entries("segment") {
                let source = field(&entry, "source").unwrap();
                let previous = field(&entry, "previous-source");
                let translation = field(&entry, "translation").unwrap_or_default();
                if translation.is_empty() {
                    add("missing", source, previous);
                } else if previous.is_some() {
                    add("outdated", source, previous);
                } else if changes.moves.contains(&source) {
                    // Moved and still translated: as it should be.
                }
            }
            for entry in entries("obsolete") {
                add("obsolete", field(&entry, "source").unwrap(), None);
            }
        }
    }
    flags
}

/// The generator's sentences are exactly `l10n`'s segments.
#[track_caller]
fn assert_same_segments(article: &str, l10n: &[String], generator: &[String]) {
    if let Some(i) = (0..l10n.len().max(generator.len())).find(|&i| l10n.get(i) != generator.get(i))
    {
        panic!(
            "{article}: segment {i} differs\n  l10n:      {:?}\n  generator: {:?}",
            l10n.get(i),
            generator.get(i)
        );
    }
}

#[test]
fn generated_sentences_are_the_segments_l10n_sees() {
    let rules = Rules::for_language("en");
    for index in 0..150 {
        let article = gen_corpus::article(3, index);
        let segments: Vec<String> =
            l10n::article::segments(&article.text, Format::markdown(), &rules)
                .into_iter()
                .map(|s| s.text)
                .collect();
        assert_same_segments(
            &article.id,
            &segments,
            &gen_corpus::article_sentences(&article.text),
        );
    }
}

#[test]
fn generation_is_deterministic_and_sentences_unique() {
    for index in 0..50 {
        let (a, b) = (gen_corpus::article(5, index), gen_corpus::article(5, index));
        assert_eq!((&a.id, &a.text), (&b.id, &b.text));
        let sentences = gen_corpus::article_sentences(&a.text);
        let unique: BTreeSet<&String> = sentences.iter().collect();
        assert_eq!(unique.len(), sentences.len(), "duplicate in {}", a.id);
    }
    assert_ne!(
        gen_corpus::article(5, 0).text,
        gen_corpus::article(6, 0).text
    );
}

#[test]
fn change_detection_matches_the_mutation_manifest() {
    change_detection(12);
}

/// Mutate seed 1 edits a sentence next to a deleted one, in an article whose
/// later sentences moved down: `plan::align`'s candidate window (when it
/// spans every free old segment) starts past the edited sentence's origin
/// and misses it, so the edit shows as missing + obsolete. Fixed by starting
/// the window at `middle.saturating_sub(window / 2).min(len - window)`.
#[test]
fn change_detection_edit_next_to_delete_after_shift() {
    change_detection(1);
}

fn change_detection(mutate_seed: u64) {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let langs: Vec<String> = LANGS.iter().map(|l| l.to_string()).collect();
    gen_corpus::generate(&GenerateOptions {
        out: dir.to_path_buf(),
        articles: 20,
        langs,
        translated: 1.0,
        seed: 11,
        l10n: Some(env!("CARGO_BIN_EXE_l10n").into()),
        extract: true,
    })
    .unwrap();
    assert!(
        status_flags(dir).is_empty(),
        "a fully translated corpus has no issues"
    );

    let manifest = gen_corpus::mutate(dir, 0.1, mutate_seed).unwrap();
    let t = manifest.totals;
    assert!(
        t.edits > 0 && t.inserts > 0 && t.deletes > 0 && t.moves > 0,
        "every kind of change is exercised: {t:?}"
    );
    // The mutated articles still segment as the manifest assumes.
    let rules = Rules::for_language("en");
    for changes in &manifest.articles {
        let path = dir.join(format!("articles/{}.md", changes.article));
        let text = fs::read_to_string(path).unwrap();
        let segments: Vec<String> = l10n::article::segments(&text, Format::markdown(), &rules)
            .into_iter()
            .map(|s| s.text)
            .collect();
        assert_same_segments(
            &changes.article,
            &segments,
            &gen_corpus::article_sentences(&text),
        );
    }

    let expected = expected_flags(&manifest);
    let live = status_flags(dir);
    assert_exact("status before extract", &live, &expected);
    assert_moves_translated("status before extract", &live, &manifest);

    let (code, _, stderr) = l10n(dir, &["extract"]);
    assert_eq!(code, 0, "extract: {stderr}");
    let after = status_flags(dir);
    assert_exact("status after extract", &after, &expected);
    assert_moves_translated("status after extract", &after, &manifest);
    assert_exact("catalog files", &file_flags(dir, &manifest), &expected);
}
