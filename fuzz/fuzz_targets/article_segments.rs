//! Fuzz target: the check in `checks/article_segments.rs` (which names what must hold),
//! shared with `cargo test`'s replay of the corpus.
#![no_main]

#[path = "../checks/article_segments.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::check(data));
