//! Command-line cases as data (trycmd, as typos does): `tests/cmd/<case>.toml`
//! holds the arguments and the exit code, `<case>.stdout`/`.stderr` the
//! exact output, and `<case>.in/` the small workspace it runs in (copied to
//! a sandbox first). Help, usage errors and exit codes live here; tests
//! that need steps or judgement stay in Rust. Colour off, UI language
//! pinned. `TRYCMD=overwrite cargo test --test tests cli_cases` rewrites the
//! expected outputs (review the diff).
#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .register_bin("l10n", std::path::Path::new(env!("CARGO_BIN_EXE_l10n")))
        .env("NO_COLOR", "1")
        .env("L10N_LANG", "en")
        .env("LANG", "C")
        .case("tests/cmd/*.toml");
}
