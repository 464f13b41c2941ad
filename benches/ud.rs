//! Sentence-boundary quality on Universal Dependencies gold data: for each
//! treebank's dev split (paragraphs with gold sentences), boundary precision,
//! recall and F1 of `l10n::segment::sentences` with the language's rules.
//!
//! A boundary is the offset where a gold sentence ends inside its paragraph,
//! counted in characters with all white space removed (so the score does not
//! depend on how the sentences were joined); only paragraphs of two or more
//! gold sentences count, as in the project's own measurement.
//!
//! Run with `cargo bench --bench ud`; `cargo bench --bench ud -- --errors`
//! also prints the missed boundaries (false negatives) and the wrong ones
//! (false positives), grouped by the rule that decided them
//! (`segment::explain`), with up to `L10N_UD_EXAMPLES` (default 5) examples
//! each: that is how error classes are found. A corpus name as an argument
//! (`-- --errors en_ewt`) restricts the run to the files whose name contains it.
//!
//! The data is not in the repository: it is read from `L10N_UD_DIR`, or from
//! `../shared/segmentation/ud-dev` beside the repository root. Files are
//! `<lang>_<treebank>-dev.jsonl` or `.jsonl.gz` (decompressed with the
//! system's `gzip -dc`), one JSON object per line with `text` and
//! `sentences`.
#![allow(clippy::print_stdout)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use l10n::segment::{Rules, explain, sentences};
use serde::Deserialize;

#[derive(Deserialize)]
struct Paragraph {
    id: String,
    text: String,
    sentences: Vec<String>,
}

#[derive(Default)]
struct Score {
    paragraphs: usize,
    gold: usize,
    predicted: usize,
    correct: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        100.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// Errors of one kind, by deciding rule: count and a few examples.
type ByRule = BTreeMap<&'static str, (usize, Vec<String>)>;

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let show_errors = args.iter().any(|a| a == "--errors");
    let only: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let examples: usize = std::env::var("L10N_UD_EXAMPLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);

    let dir = std::env::var_os("L10N_UD_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/segmentation/ud-dev"),
        PathBuf::from,
    );
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!(
            "UD gold data not found at {} (set L10N_UD_DIR): skipped",
            dir.display()
        );
        return;
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            (name.ends_with(".jsonl") || name.ends_with(".jsonl.gz"))
                && (only.is_empty() || only.iter().any(|o| name.contains(o.as_str())))
        })
        .collect();
    files.sort();

    println!(
        "{:<14} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}  {:>6} {:>6} {:>6}",
        "corpus", "paras", "gold", "pred", "TP", "FN", "FP", "P", "R", "F1"
    );
    let mut reports = Vec::new();
    for path in &files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .split(['-', '.'])
            .next()
            .unwrap_or("")
            .to_string();
        let lang = name.split('_').next().unwrap_or("");
        let rules = Rules::for_language(lang);
        let mut score = Score::default();
        let mut missed = ByRule::new();
        let mut wrong = ByRule::new();
        for line in read_lines(path).lines().filter(|l| !l.trim().is_empty()) {
            let paragraph: Paragraph = match serde_json::from_str(line) {
                Ok(p) => p,
                Err(e) => {
                    println!("{}: bad line: {e}", path.display());
                    continue;
                }
            };
            if paragraph.sentences.len() < 2 {
                continue;
            }
            score.paragraphs += 1;
            let gold = gold_boundaries(&paragraph.sentences);
            let text = &paragraph.text;
            let ranges = sentences(text, &rules);
            let predicted: Vec<usize> = ranges[..ranges.len().saturating_sub(1)]
                .iter()
                .map(|r| squeezed_len(&text[..r.end]))
                .collect();
            score.gold += gold.len();
            score.predicted += predicted.len();
            score.correct += predicted.iter().filter(|b| gold.contains(b)).count();
            if show_errors {
                classify_errors(
                    &paragraph,
                    &rules,
                    &gold,
                    &predicted,
                    examples,
                    &mut missed,
                    &mut wrong,
                );
            }
        }
        println!(
            "{:<14} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}  {:>6.1} {:>6.1} {:>6.1}",
            name,
            score.paragraphs,
            score.gold,
            score.predicted,
            score.correct,
            score.gold - score.correct,
            score.predicted - score.correct,
            score.precision(),
            score.recall(),
            score.f1()
        );
        if show_errors {
            reports.push((name, missed, wrong));
        }
    }
    for (name, missed, wrong) in reports {
        print_errors(&name, "false negatives (gold boundary not taken)", &missed);
        print_errors(&name, "false positives (boundary not in gold)", &wrong);
    }
}

fn read_lines(path: &Path) -> String {
    let gz = path.extension().is_some_and(|e| e == "gz");
    let bytes = if gz {
        match Command::new("gzip").arg("-dc").arg(path).output() {
            Ok(out) if out.status.success() => out.stdout,
            _ => {
                println!("{}: cannot run `gzip -dc`: skipped", path.display());
                Vec::new()
            }
        }
    } else {
        std::fs::read(path).unwrap_or_default()
    };
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Characters of `s` that are not white space.
fn squeezed_len(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

/// Where each gold sentence but the last ends, in non-white-space characters.
fn gold_boundaries(sentences: &[String]) -> Vec<usize> {
    let mut at = 0;
    let mut out = Vec::with_capacity(sentences.len());
    for sentence in &sentences[..sentences.len() - 1] {
        at += squeezed_len(sentence);
        out.push(at);
    }
    out
}

/// Files each missed and each wrong boundary under the rule that decided it.
fn classify_errors(
    paragraph: &Paragraph,
    rules: &Rules,
    gold: &[usize],
    predicted: &[usize],
    examples: usize,
    missed: &mut ByRule,
    wrong: &mut ByRule,
) {
    let text = &paragraph.text;
    let decisions = explain(text, rules);
    // Byte offset in `text` just after the `n`-th non-white-space character.
    let byte_at = |n: usize| -> usize {
        let mut count = 0;
        for (i, ch) in text.char_indices() {
            if !ch.is_whitespace() {
                count += 1;
                if count == n {
                    return i + ch.len_utf8();
                }
            }
        }
        text.len()
    };
    let file = |map: &mut ByRule, rule: &'static str, at: usize| {
        let entry = map.entry(rule).or_default();
        entry.0 += 1;
        if entry.1.len() < examples {
            entry
                .1
                .push(format!("{}: {}", paragraph.id, context(text, at)));
        }
    };
    for &boundary in gold.iter().filter(|b| !predicted.contains(b)) {
        let rule = decisions
            .iter()
            .find(|d| !d.split && squeezed_len(&text[..d.offset]) == boundary)
            .map_or("(no candidate)", |d| d.rule);
        file(missed, rule, byte_at(boundary));
    }
    for &boundary in predicted.iter().filter(|b| !gold.contains(b)) {
        let rule = decisions
            .iter()
            .find(|d| d.split && squeezed_len(&text[..d.offset]) == boundary)
            .map_or("(unknown)", |d| d.rule);
        file(wrong, rule, byte_at(boundary));
    }
}

/// Up to 50 characters either side of `at`, with `‖` marking the boundary.
fn context(text: &str, at: usize) -> String {
    let before: String = text[..at]
        .chars()
        .rev()
        .take(50)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = text[at..].chars().take(50).collect();
    format!("{before}‖{after}")
}

fn print_errors(corpus: &str, title: &str, by_rule: &ByRule) {
    let total: usize = by_rule.values().map(|(n, _)| n).sum();
    println!("\n== {corpus}: {title}: {total}");
    let mut rules: Vec<_> = by_rule.iter().collect();
    rules.sort_by_key(|(_, (count, _))| std::cmp::Reverse(*count));
    for (rule, (count, samples)) in rules {
        println!("  {rule}: {count}");
        for sample in samples {
            println!("      {}", sample.replace('\n', "⏎"));
        }
    }
}
