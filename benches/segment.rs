//! Throughput of the sentence segmenter on a large generated news text, one
//! thread, against `unicode-segmentation`'s plain UAX #29 sentence breaker on
//! the same text in the same run (the ratio is what matters on a noisy
//! machine).
//!
//! Run with `cargo bench --bench segment`.
#![allow(clippy::print_stdout)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use l10n::segment::{Rules, sentences};
use unicode_segmentation::UnicodeSegmentation;

// The project's one generator; this bench uses only `below`.
#[allow(dead_code)]
#[path = "../examples/gen-corpus/rng.rs"]
mod rng;

/// Deterministic news-like English: sentences built from fixed fragments,
/// with abbreviations, quotations, numbers and the odd ellipsis mixed in.
fn news_text(target_len: usize) -> String {
    const SUBJECTS: &[&str] = &[
        "North Korean leader Kim Jong Un",
        "U.S. President Donald Trump",
        "Sen. Elizabeth Warren",
        "The Chinese edition of Voice of America",
        "Experts in Seoul",
        "Gov. Gavin Newsom of Calif.",
        "Pitt, Briggs & Co.",
        "Multiple sources in South Korea",
        "Dr. Jane E. Smith",
        "The company",
    ];
    const VERBS: &[&str] = &[
        "said on Tuesday that",
        "reportedly complained that",
        "told reporters at 5 p.m. that",
        "argued in a statement that",
        "warned on Jan. 10 that",
    ];
    const CLAUSES: &[&str] = &[
        "the talks with the U.S. remain at an impasse",
        "sanctions relief cost about $3.5 billion, or 2.4 percent of output",
        "the economy shrank for a third straight quarter",
        "the visit was based on concerns about economic support",
        "exports rose 4.5% in No. 3 port... and then fell",
        "the plan, announced by Lt. Gen. John Doe, is final",
    ];
    let mut rng = rng::Rng::new(0x2545_f491_4f6c_dd1d);
    let mut next = |n: usize| rng.below(n);
    let mut text = String::with_capacity(target_len + 256);
    while text.len() < target_len {
        let subject = SUBJECTS[next(SUBJECTS.len())];
        let verb = VERBS[next(VERBS.len())];
        let clause = CLAUSES[next(CLAUSES.len())];
        match next(5) {
            0 => text.push_str(&format!("“{clause},” {subject} {verb} nothing changed. ")),
            1 => text.push_str(&format!("{subject} {verb} {clause}? ")),
            _ => text.push_str(&format!("{subject} {verb} {clause}. ")),
        }
        if next(12) == 0 {
            text.push_str("Contact: reporter@example.com or see https://example.com/news/a.html. ");
        }
    }
    text
}

/// Best of `runs` timings of each of `a` and `b`, run alternately so that a
/// burst of load on a shared machine hits both alike.
fn time_pair<A, B>(
    runs: usize,
    mut a: impl FnMut() -> A,
    mut b: impl FnMut() -> B,
) -> ((Duration, A), (Duration, B)) {
    let (mut best_a, mut best_b) = (Duration::MAX, Duration::MAX);
    let (mut result_a, mut result_b) = (None, None);
    for _ in 0..runs {
        let start = Instant::now();
        result_a = Some(black_box(a()));
        best_a = best_a.min(start.elapsed());
        let start = Instant::now();
        result_b = Some(black_box(b()));
        best_b = best_b.min(start.elapsed());
    }
    (
        (best_a, result_a.expect("at least one run")),
        (best_b, result_b.expect("at least one run")),
    )
}

fn main() {
    let text = news_text(8 * 1024 * 1024);
    let rules = Rules::for_language("en");
    let mut house = rules.clone();
    house
        .add_no_break_patterns(&["Art.| #", "pp.| #", "Vol.| #", "# ed.| *", "Abs.| *"])
        .expect("valid patterns");
    let mb = text.len() as f64 / 1e6;

    let ((ours, count), (uax, uax_count)) = time_pair(
        9,
        || sentences(black_box(&text), &rules).len(),
        || black_box(&text).unicode_sentences().count(),
    );
    let ((with_patterns, _), _) = time_pair(5, || sentences(black_box(&text), &house).len(), || ());

    let ours_speed = mb / ours.as_secs_f64();
    let uax_speed = mb / uax.as_secs_f64();
    let patterns_speed = mb / with_patterns.as_secs_f64();
    println!("text: {:.1} MB of generated English news", mb);
    println!("l10n::segment::sentences: {ours_speed:.1} MB/s ({count} sentences)");
    println!("  with 5 workspace no-break patterns: {patterns_speed:.1} MB/s");
    println!("unicode-segmentation unicode_sentences: {uax_speed:.1} MB/s ({uax_count} sentences)");
    println!(
        "ratio (l10n / unicode-segmentation): {:.2}x",
        ours_speed / uax_speed
    );
}
