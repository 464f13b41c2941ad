//! Fuzz target: the check in `checks/catalog_parse.rs` (which names what must hold),
//! shared with `cargo test`'s replay of the corpus.
#![no_main]

#[path = "../checks/catalog_parse.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|text: &str| checks::check(text));
