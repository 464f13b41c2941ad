//! The translation memory's rows of the workflow bench (issue 14).
use std::fs;
use std::path::{Path, PathBuf};

use super::{Row, Timing, median, row, run_once, status_json, strings};

/// The translation memory (issue 14), before the edits: building Korean's
/// from scratch (the memory files removed, then `suggest` on one article,
/// which builds it), `suggest` on one article once it exists, and the two
/// fills, each timed on its own copy of the workspace, with how many
/// segments each filled. The same counts for the repository's own example
/// workspace go to the notes.
pub(super) fn memory_rows(
    dir: &Path,
    l10n: &Path,
    runs: usize,
    article: &str,
    rows: &mut Vec<Row>,
    notes: &mut Vec<String>,
) {
    eprintln!("[memory] build and suggest");
    let suggest = strings(&["suggest", "--lang", "ko", article]);
    let remove_memory = || {
        for entry in fs::read_dir(dir.join(".l10n"))
            .into_iter()
            .flatten()
            .flatten()
        {
            if entry.file_name().to_string_lossy().starts_with("memory-") {
                let _ = fs::remove_file(entry.path());
            }
        }
    };
    let build = median(
        (0..runs)
            .map(|_| {
                remove_memory();
                run_once(dir, l10n, &suggest, None, &[0])
            })
            .collect(),
    );
    rows.push(row(
        "memory build from scratch",
        "rm .l10n/memory-*; l10n suggest --lang ko ART",
        build,
    ));
    run_once(dir, l10n, &suggest, None, &[0]);
    let one = median(
        (0..runs)
            .map(|_| run_once(dir, l10n, &suggest, None, &[0]))
            .collect(),
    );
    rows.push(row(
        "suggest, one article (memory exists)",
        "l10n suggest --lang ko ART",
        one,
    ));
    for how in ["exact", "fuzzy"] {
        let copy = fill_copy(dir, dir, &format!(".bench-fill-{how}"));
        let (timing, counts) = fill_counts(&copy, l10n, how);
        rows.push(row(
            &format!("extract --fill {how}"),
            &format!("l10n extract --fill {how} (memories built in the run)"),
            timing,
        ));
        notes.push(format!("generated workspace, {counts}"));
        let _ = fs::remove_dir_all(&copy);
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    for how in ["exact", "fuzzy"] {
        let copy = fill_copy(repo, dir, &format!(".bench-example-{how}"));
        let (_, counts) = fill_counts(&copy, l10n, how);
        notes.push(format!("the repository's example workspace, {counts}"));
        let _ = fs::remove_dir_all(&copy);
    }
}

/// A copy of the workspace at `from` (l10n.toml, articles, locales) in
/// `into/name`.
fn fill_copy(from: &Path, into: &Path, name: &str) -> PathBuf {
    let copy = into.join(name);
    let _ = fs::remove_dir_all(&copy);
    fs::create_dir_all(&copy).expect("a copy's folder");
    let script = "cp -r l10n.toml articles locales \"$0\"";
    let args = vec![
        "-c".to_string(),
        script.to_string(),
        copy.display().to_string(),
    ];
    run_once(from, Path::new("/bin/sh"), &args, None, &[0]);
    copy
}

/// Runs `extract --fill how` in `dir` (building every language's memory
/// from scratch, then filling) and says how many segments it filled, from the
/// translated and outdated totals of `status --format json` before and
/// after.
fn fill_counts(dir: &Path, l10n: &Path, how: &str) -> (Timing, String) {
    let totals = || -> (u64, u64, u64) {
        let json = status_json(dir, l10n);
        let languages = json["languages"].as_array().cloned().unwrap_or_default();
        let sum = |key: &str| -> u64 {
            languages
                .iter()
                .map(|l| l["totals"][key].as_u64().unwrap_or(0))
                .sum()
        };
        (sum("translated"), sum("outdated"), sum("missing"))
    };
    let before = totals();
    let timing = run_once(dir, l10n, &strings(&["extract", "--fill", how]), None, &[0]);
    let after = totals();
    let counts = format!(
        "extract --fill {how}: {} filled as translated, {} as outdated \
         (of {} missing before; all target languages)",
        after.0.saturating_sub(before.0),
        after.1.saturating_sub(before.1),
        before.2,
    );
    (timing, counts)
}
