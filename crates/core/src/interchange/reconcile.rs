//! Applying what an exchange file says to an article's catalog: a
//! translation goes in only where the file translated the source the
//! catalog has now (or, for an outdated entry, the source its translation
//! was made from); everything else is listed with its reason, never
//! guessed at.
use std::collections::{HashMap, HashSet};

use super::{Entered, State};
use crate::catalog::Catalog;

/// What became of one unit of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub id: String,
    /// The line of the file where the unit starts.
    pub line: usize,
    pub verdict: Verdict,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The translation was written into the catalog; `outdated` when it is
    /// still a translation of an earlier source.
    Applied { outdated: bool },
    /// The catalog already says the same.
    Unchanged,
    /// The file holds no translation for it, or it is obsolete in the
    /// file: nothing to apply.
    Skipped,
    /// Not applied, for a reason a person should see.
    Listed(Reason),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The catalog's source is no longer the one the file translated.
    SourceChanged { now: String },
    /// The catalog has no current entry with the id.
    UnknownId,
    /// The entry left the article (it is in `[[obsolete]]`).
    Obsolete,
    /// The file marks for review a translation of the current source, but
    /// the catalog has no earlier source to mark it outdated against.
    ForReview,
    /// The file gives the entry twice, with different translations.
    Twice,
}

/// The catalog with every applicable translation of `units` in it, and
/// what became of each unit, in the file's order (the units of several
/// files about one article, borrowed as they were read).
pub fn reconcile(catalog: &Catalog, units: &[&Entered]) -> (Catalog, Vec<Outcome>) {
    let mut result = catalog.clone();
    let index: HashMap<&str, usize> = catalog
        .segments
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    let obsolete: HashSet<&str> = catalog.obsolete.iter().map(|e| e.id.as_str()).collect();
    // An id given twice with different translations applies neither.
    let mut given: HashMap<&str, (&str, State)> = HashMap::new();
    // A set: a file may give thousands of ids twice.
    let mut twice: HashSet<&str> = HashSet::new();
    for unit in units.iter().filter(|u| applicable(u)) {
        let value = (unit.translation.as_str(), unit.state);
        if let Some(first) = given.insert(&unit.id, value)
            && first != value
        {
            twice.insert(&unit.id);
        }
    }
    let outcomes = units
        .iter()
        .map(|unit| {
            let verdict = if !applicable(unit) {
                Verdict::Skipped
            } else if twice.contains(unit.id.as_str()) {
                Verdict::Listed(Reason::Twice)
            } else {
                match index.get(unit.id.as_str()) {
                    Some(&i) => apply(&mut result.segments[i], unit),
                    None if obsolete.contains(unit.id.as_str()) => {
                        Verdict::Listed(Reason::Obsolete)
                    }
                    None => Verdict::Listed(Reason::UnknownId),
                }
            };
            Outcome {
                id: unit.id.clone(),
                line: unit.line,
                verdict,
            }
        })
        .collect();
    (result, outcomes)
}

/// Whether the unit has a translation to offer.
fn applicable(unit: &Entered) -> bool {
    matches!(unit.state, State::Current | State::Outdated) && !unit.translation.is_empty()
}

fn apply(entry: &mut crate::catalog::Entry, unit: &Entered) -> Verdict {
    let previous = entry.previous_source.as_deref().filter(|p| !p.is_empty());
    // Which source the file's translation is of, and whether it stays
    // outdated: a translation of the current source is current unless the
    // file still marks it for review.
    let outdated = if unit.source == entry.source {
        match (unit.state, previous) {
            (State::Outdated, Some(_)) => true,
            (State::Outdated, None) => return Verdict::Listed(Reason::ForReview),
            _ => false,
        }
    } else if Some(unit.source.as_str()) == previous {
        true
    } else {
        return Verdict::Listed(Reason::SourceChanged {
            now: entry.source.clone(),
        });
    };
    let unchanged =
        entry.translation == unit.translation && (outdated || entry.previous_source.is_none());
    if unchanged {
        return Verdict::Unchanged;
    }
    entry.translation = unit.translation.clone();
    if !outdated {
        entry.previous_source = None;
    }
    Verdict::Applied { outdated }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Entry;
    use crate::lang::Lang;

    fn catalog() -> Catalog {
        let en: Lang = "en".parse().unwrap();
        let ko: Lang = "ko".parse().unwrap();
        let mut catalog = Catalog::new("a", &en, &ko);
        catalog.segments.push(Entry::new("1", "One."));
        let mut two = Entry::new("2", "Two new.");
        two.translation = "둘.".into();
        two.previous_source = Some("Two.".into());
        catalog.segments.push(two);
        let mut three = Entry::new("3", "Three.");
        three.translation = "셋.".into();
        catalog.segments.push(three);
        catalog.obsolete.push(Entry::new("9", "Gone."));
        catalog
    }

    fn unit(id: &str, source: &str, translation: &str, state: State) -> Entered {
        Entered {
            id: id.into(),
            source: source.into(),
            translation: translation.into(),
            state,
            previous_source: None,
            line: 1,
        }
    }

    fn judge(units: &[Entered]) -> (Catalog, Vec<Verdict>) {
        let units: Vec<&Entered> = units.iter().collect();
        let (catalog, outcomes) = reconcile(&catalog(), &units);
        (catalog, outcomes.into_iter().map(|o| o.verdict).collect())
    }

    #[test]
    fn applies_translations_of_the_current_source() {
        let (result, verdicts) = judge(&[
            unit("1", "One.", "하나.", State::Current),
            unit("3", "Three.", "셋.", State::Current),
        ]);
        assert_eq!(
            verdicts,
            [Verdict::Applied { outdated: false }, Verdict::Unchanged]
        );
        assert_eq!(result.segments[0].translation, "하나.");
    }

    #[test]
    fn a_reviewed_outdated_entry_becomes_current_and_an_unreviewed_one_stays_outdated() {
        let (result, verdicts) = judge(&[unit("2", "Two new.", "둘 새.", State::Current)]);
        assert_eq!(verdicts, [Verdict::Applied { outdated: false }]);
        assert_eq!(result.segments[1].previous_source, None);

        let (result, verdicts) = judge(&[unit("2", "Two new.", "둘 새.", State::Outdated)]);
        assert_eq!(verdicts, [Verdict::Applied { outdated: true }]);
        assert_eq!(result.segments[1].previous_source.as_deref(), Some("Two."));

        let (result, verdicts) = judge(&[unit("2", "Two.", "둘!", State::Current)]);
        assert_eq!(verdicts, [Verdict::Applied { outdated: true }]);
        assert_eq!(result.segments[1].translation, "둘!");
        assert_eq!(result.segments[1].previous_source.as_deref(), Some("Two."));
    }

    #[test]
    fn lists_what_it_cannot_apply_and_changes_nothing_for_it() {
        let (result, verdicts) = judge(&[
            unit("1", "One!", "하나!", State::Current),
            unit("7", "Seven.", "일곱.", State::Current),
            unit("9", "Gone.", "감.", State::Current),
            unit("3", "Three.", "셋?", State::Outdated),
            unit("1", "One.", "", State::Missing),
            unit("9", "Gone.", "감.", State::Obsolete),
        ]);
        assert_eq!(
            verdicts,
            [
                Verdict::Listed(Reason::SourceChanged { now: "One.".into() }),
                Verdict::Listed(Reason::UnknownId),
                Verdict::Listed(Reason::Obsolete),
                Verdict::Listed(Reason::ForReview),
                Verdict::Skipped,
                Verdict::Skipped,
            ]
        );
        assert!(result.same_content(&catalog()));
    }

    #[test]
    fn an_entry_given_twice_differently_is_not_applied() {
        let (result, verdicts) = judge(&[
            unit("1", "One.", "하나.", State::Current),
            unit("1", "One.", "일.", State::Current),
        ]);
        assert_eq!(
            verdicts,
            [
                Verdict::Listed(Reason::Twice),
                Verdict::Listed(Reason::Twice)
            ]
        );
        assert!(result.same_content(&catalog()));
    }
}
