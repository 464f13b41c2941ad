//! The committed fuzz corpora, replayed by `cargo test`: every input in
//! `fuzz/corpus/<target>/` and `fuzz/artifacts-found/<target>/` goes through
//! the very check the fuzz target runs (`fuzz/checks/<target>.rs`, compiled
//! into both), so a change that breaks an input the fuzzer once found or
//! covered fails here, without `cargo fuzz`.
use std::fs;
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;

#[path = "../fuzz/checks/article_segments.rs"]
mod article_segments;
#[path = "../fuzz/checks/catalog_parse.rs"]
mod catalog_parse;
#[path = "../fuzz/checks/interchange.rs"]
mod interchange;
#[path = "../fuzz/checks/plan_align.rs"]
mod plan_align;

const FUZZ: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz");

/// Runs `check` on every committed input of `target`; fails naming each
/// input whose check panicked. Returns how many inputs ran.
fn replay(target: &str, check: fn(&[u8])) -> usize {
    let mut inputs = Vec::new();
    for folder in ["corpus", "artifacts-found"] {
        let dir = Path::new(FUZZ).join(folder).join(target);
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            inputs.push(entry.expect("a readable folder").path());
        }
    }
    inputs.sort();
    let mut failed = Vec::new();
    for input in &inputs {
        let bytes = fs::read(input).unwrap_or_else(|e| panic!("{}: {e}", input.display()));
        if panic::catch_unwind(AssertUnwindSafe(|| check(&bytes))).is_err() {
            failed.push(input.display().to_string());
        }
    }
    assert!(
        failed.is_empty(),
        "{target}: the check failed on {failed:#?}"
    );
    inputs.len()
}

/// What libfuzzer-sys hands a target that takes `&str`: the longest prefix
/// of the input that is UTF-8.
fn text_prefix(bytes: &[u8]) -> &str {
    match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => std::str::from_utf8(&bytes[..e.valid_up_to()]).expect("a UTF-8 prefix"),
    }
}

#[test]
fn article_segments_corpus() {
    assert!(replay("article_segments", article_segments::check) > 100);
}

#[test]
fn catalog_parse_corpus_and_findings() {
    let ran = replay("catalog_parse", |bytes| {
        catalog_parse::check(text_prefix(bytes))
    });
    assert!(ran > 100);
    // The findings are replayed too (each one fixed, see fuzz/README.md).
    assert!(
        Path::new(FUZZ)
            .join("artifacts-found/catalog_parse/lone-cr-at-end")
            .is_file()
    );
}

#[test]
fn plan_align_corpus() {
    assert!(replay("plan_align", plan_align::check) > 100);
}

#[test]
fn interchange_corpus() {
    assert!(replay("interchange", interchange::check) > 20);
}

/// The replay can fail: a check that panics on an input names it.
#[test]
fn a_failing_check_names_its_input() {
    let result = panic::catch_unwind(|| replay("catalog_parse", |_| panic!("broken")));
    let message = result.expect_err("every input fails");
    let message = message
        .downcast_ref::<String>()
        .expect("a formatted message");
    assert!(
        message.contains("artifacts-found/catalog_parse/mixed-line-endings"),
        "{message}"
    );
}
