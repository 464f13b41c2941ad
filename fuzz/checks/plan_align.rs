//! The alignment plan on two arbitrary versions of an article: the check of
//! the fuzz target `plan_align`, which `cargo test` also runs on the
//! committed corpus (`tests/fuzz_replay.rs`).
//!
//! The input is split at its first 0xFF byte (never part of UTF-8) into the
//! old and the new article. Invariants:
//! - ids are unique in each plan;
//! - every template entry is either kept (its id is in the new plan) or
//!   dropped, never both and never twice; dropped entries come from the
//!   template; a kept or moved segment has its template entry's exact text;
//! - a sentence whose text occurs once in each version keeps its id;
//! - a target catalog whose entries are all translated (plus translated
//!   obsolete entries) loses no translation: each is in the new catalog,
//!   under its id (or the segment's it was found for by its source), in
//!   `[[segment]]` or `[[obsolete]]`, and ids stay unique;
//! - `changed` is true exactly when the new catalog differs from the old;
//! - planning the new article again against the new template keeps every id
//!   and leaves the catalog unchanged.
use std::collections::{HashMap, HashSet};

use l10n_core::article::{self, Format, Segment};
use l10n_core::catalog::Catalog;
use l10n_core::lang::Lang;
use l10n_core::plan::{ArticlePlan, LanguagePlan, Origin};
use l10n_core::segment::Rules;

fn unique_ids<'a>(ids: impl Iterator<Item = &'a str>) -> bool {
    let mut seen = HashSet::new();
    ids.into_iter().all(|id| seen.insert(id))
}

/// The id of each text that occurs once among `(text, id)` pairs.
fn once<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> HashMap<&'a str, &'a str> {
    let mut count: HashMap<&str, (usize, &str)> = HashMap::new();
    for (text, id) in pairs {
        count.entry(text).or_insert((0, id)).0 += 1;
    }
    count
        .into_iter()
        .filter(|(_, (n, _))| *n == 1)
        .map(|(text, (_, id))| (text, id))
        .collect()
}

/// Panics when an invariant above does not hold for `data`.
pub fn check(data: &[u8]) {
    let (old, new) = match data.iter().position(|&b| b == 0xFF) {
        Some(cut) => (&data[..cut], &data[cut + 1..]),
        None => (data, &[][..]),
    };
    let rules = Rules::for_language("en");
    let old = String::from_utf8_lossy(old);
    let new = String::from_utf8_lossy(new);
    let old_segments: Vec<Segment> = article::segments(&old, Format::markdown(), &rules);
    let new_segments: Vec<Segment> = article::segments(&new, Format::markdown(), &rules);
    let en: Lang = "en".parse().unwrap();
    let ko: Lang = "ko".parse().unwrap();

    let first = ArticlePlan::new("a", None, &old_segments);
    assert!(
        unique_ids(first.segments.iter().map(|s| s.id.as_str())),
        "ids unique in the first plan"
    );
    assert!(first.dropped.is_empty());
    let template = first.template(&en);

    let second = ArticlePlan::new("a", Some(&template), &new_segments);
    assert_eq!(second.segments.len(), new_segments.len());
    assert!(
        unique_ids(second.segments.iter().map(|s| s.id.as_str())),
        "ids unique in the new plan"
    );
    let by_id: HashMap<&str, &str> = template
        .segments
        .iter()
        .map(|e| (e.id.as_str(), e.source.as_str()))
        .collect();
    for (planned, segment) in second.segments.iter().zip(&new_segments) {
        assert_eq!(planned.text, segment.text);
        match (&planned.origin, by_id.get(planned.id.as_str())) {
            (Origin::Kept | Origin::Moved, Some(source)) => assert_eq!(planned.text, *source),
            (Origin::Changed { from }, Some(source)) => assert_eq!(from, source),
            (Origin::New, None) => {}
            (origin, source) => {
                panic!("{planned:?}: origin {origin:?} with template source {source:?}")
            }
        }
    }
    let new_ids: HashSet<&str> = second.segments.iter().map(|s| s.id.as_str()).collect();
    let mut dropped_ids = HashSet::new();
    for entry in &second.dropped {
        assert!(
            by_id.contains_key(entry.id.as_str()),
            "dropped {entry:?} is not in the template"
        );
        assert!(
            !new_ids.contains(entry.id.as_str()),
            "{entry:?} both kept and dropped"
        );
        assert!(
            dropped_ids.insert(entry.id.as_str()),
            "{entry:?} dropped twice"
        );
    }
    for entry in &template.segments {
        assert!(
            new_ids.contains(entry.id.as_str()) || dropped_ids.contains(entry.id.as_str()),
            "template entry {entry:?} neither kept nor dropped"
        );
    }

    // A sentence whose text occurs once in each version keeps its id.
    let old_once = once(
        &mut template
            .segments
            .iter()
            .map(|e| (e.source.as_str(), e.id.as_str())),
    );
    let new_once = once(
        &mut second
            .segments
            .iter()
            .map(|s| (s.text.as_str(), s.id.as_str())),
    );
    for (text, id) in &new_once {
        if let Some(old) = old_once.get(text) {
            assert_eq!(
                old, id,
                "the id of {text:?}, unique in both versions, changed"
            );
        }
    }

    // A fully translated target catalog, with translated obsolete entries
    // whose ids are those a fresh plan of the new article would pick (a
    // sentence that left and came back).
    let mut target: Catalog =
        LanguagePlan::new(&first, None, &ko, false).catalog(&first, &en, None);
    for (i, entry) in target.segments.iter_mut().enumerate() {
        entry.translation = format!("t{i}");
    }
    let current: HashSet<String> = target.segments.iter().map(|e| e.id.clone()).collect();
    let fresh = ArticlePlan::new("a", None, &new_segments);
    for (i, planned) in fresh.segments.iter().enumerate() {
        if !current.contains(&planned.id) {
            let mut entry =
                l10n_core::catalog::Entry::new(&planned.id, &format!("{} (old)", planned.text));
            entry.translation = format!("o{i}");
            target.obsolete.push(entry);
        }
    }
    let language = LanguagePlan::new(&second, Some(&target), &ko, false);
    let catalog = &language.catalog(&second, &en, Some(&target));
    assert_eq!(
        language.changed,
        !target.same_content(catalog),
        "`changed` disagrees with the catalog it makes"
    );
    assert!(
        unique_ids(catalog.entries().map(|e| e.id.as_str())),
        "ids unique in the new catalog"
    );
    assert_eq!(catalog.segments.len(), second.segments.len());
    // An entry whose source is a segment's text may take that segment's id.
    let renamed: HashMap<&str, &str> = language.renamed().collect();
    for before in target.entries() {
        let id = renamed
            .get(before.id.as_str())
            .copied()
            .unwrap_or(&before.id);
        assert!(
            catalog
                .entries()
                .any(|after| after.id == id && after.translation == before.translation),
            "translation of {before:?} lost"
        );
    }

    // Again, against what was just planned: nothing moves.
    let again = ArticlePlan::new("a", Some(&second.template(&en)), &new_segments);
    for (a, b) in again.segments.iter().zip(&second.segments) {
        assert_eq!(a.id, b.id);
        assert_eq!(a.origin, Origin::Kept);
    }
    assert!(again.dropped.is_empty());
    let stable = LanguagePlan::new(&again, Some(catalog), &ko, false);
    assert!(!stable.changed, "a second plan changes the catalog");
    assert!(
        stable
            .catalog(&again, &en, Some(catalog))
            .same_content(catalog)
    );
}
