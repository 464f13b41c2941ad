//! Fuzz target: the check in `checks/interchange.rs` (which names what must hold),
//! shared with `cargo test`'s replay of the corpus.
#![no_main]

#[path = "../checks/interchange.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| checks::check(bytes));
