//! What the checks' unit tests share: one check run on one pair of texts.
use crate::qa::{Check, QaConfig, check_entry};

pub(super) const SOURCE_2018: &str =
    "Kim’s visits to China three times last year remarkably improved bilateral ties in 2018.";

/// The findings of one check on an en→ko pair (or `langs`).
pub(super) fn run(check: Check, source: &str, translation: &str) -> Vec<String> {
    run_langs(check, source, translation, "en", "ko")
}

pub(super) fn run_langs(
    check: Check,
    source: &str,
    translation: &str,
    from: &str,
    to: &str,
) -> Vec<String> {
    let only = QaConfig {
        disabled: Check::all()
            .iter()
            .copied()
            .filter(|c| *c != check)
            .collect(),
    };
    check_entry(source, translation, from, to, &only, &[])
        .into_iter()
        .map(|f| {
            assert_eq!(f.check, check);
            assert_eq!(f.severity, check.severity());
            crate::message::english(&f.message)
        })
        .collect()
}

pub(super) fn passes(check: Check, source: &str, translation: &str) {
    let found = run(check, source, translation);
    assert!(
        found.is_empty(),
        "{check}: {source:?} → {translation:?}: {found:?}"
    );
}

pub(super) fn fails(check: Check, source: &str, translation: &str) -> String {
    let found = run(check, source, translation);
    assert!(
        !found.is_empty(),
        "{check} passed {source:?} → {translation:?}"
    );
    found.join("; ")
}
