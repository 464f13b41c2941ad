//! The plan: how an article's segments as they are now line up with its
//! catalogs, and what each language's catalog should become.
//!
//! One value serves every command: `status` reports it, `check` judges it,
//! `extract` writes it. Pure: no I/O.
mod align;
mod words;

pub use words::count_words;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::article::Segment;
use crate::catalog::{Catalog, Entry};
use crate::changes::{Changes, Reason};
use crate::lang::Lang;
use align::align;

/// Two edited sentences are the same segment when at least this share of
/// their words survives the edit.
pub const SIMILARITY_THRESHOLD: f32 = 0.5;

/// Where a segment's id came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Same text in the same place.
    Kept,
    /// Same text, found elsewhere in the article.
    Moved,
    /// An edited version of an old segment, whose text was `from`.
    Changed { from: String },
    /// Not in the template: a new id.
    New,
}

/// A segment of the article as it is now, with its id.
#[derive(Debug, Clone)]
pub struct Planned {
    pub id: String,
    pub text: String,
    pub block: usize,
    pub words: usize,
    pub origin: Origin,
}

/// The alignment of one article with its template.
#[derive(Debug, Clone)]
pub struct ArticlePlan {
    pub article: String,
    pub segments: Vec<Planned>,
    /// Template entries whose segments left the article.
    pub dropped: Vec<Entry>,
}

impl ArticlePlan {
    /// Aligns the article's `segments` with the `template` it had.
    /// Cosmetic edits are judged by the language-neutral change classes.
    pub fn new(article: &str, template: Option<&Catalog>, segments: &[Segment]) -> ArticlePlan {
        ArticlePlan::among(article, template, &[], segments, &Changes::for_lang(""))
    }

    /// Aligns the article's `segments` with the `template` it had, giving
    /// new segments ids that no entry of the template or of the article's
    /// other `catalogs` (obsolete ones included) has for another text: an
    /// id found there would take that entry, and its translation, for the
    /// new sentence. (An entry of the same text keeps its id: that is how
    /// a catalog finds its sentences again when the template is gone.)
    /// `changes`, the source language's change classes, pair a segment
    /// edited only cosmetically with its entry however short it is.
    pub fn among(
        article: &str,
        template: Option<&Catalog>,
        catalogs: &[&Catalog],
        segments: &[Segment],
        changes: &Changes,
    ) -> ArticlePlan {
        let old: &[Entry] = template.map_or(&[], |t| &t.segments);
        let pairs = align(old, segments, changes);
        // Made only if a segment needs a new id.
        let mut ids: Option<IdMaker> = None;
        let mut taken = vec![false; old.len()];
        let mut planned = Vec::with_capacity(segments.len());
        for (segment, pair) in segments.iter().zip(pairs) {
            let (id, origin) = match pair {
                Some((i, origin)) => {
                    taken[i] = true;
                    (old[i].id.clone(), origin)
                }
                None => {
                    let ids = ids.get_or_insert_with(|| IdMaker::new(template, catalogs));
                    (ids.fresh(&segment.text), Origin::New)
                }
            };
            planned.push(Planned {
                id,
                text: segment.text.clone(),
                block: segment.block,
                words: count_words(&segment.text),
                origin,
            });
        }
        let dropped = old
            .iter()
            .zip(taken)
            .filter(|(_, taken)| !taken)
            .map(|(entry, _)| entry.clone())
            .collect();
        ArticlePlan {
            article: article.to_string(),
            segments: planned,
            dropped,
        }
    }

    /// The template catalog as it should be now.
    pub fn template(&self, source_lang: &Lang) -> Catalog {
        let mut catalog = Catalog::new(&self.article, source_lang, source_lang);
        catalog.segments = self
            .segments
            .iter()
            .map(|s| Entry::new(&s.id, &s.text))
            .collect();
        catalog
    }
}

pub const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a: a small hash that is the same on every platform and release, for
/// ids and partitions that must never change.
pub fn fnv1a(bytes: &[u8], mut hash: u64) -> u64 {
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// Makes new ids: short hashes of the text, so an unchanged sentence gets
/// the same id even without a template, salted until unused in the article.
/// The same catalogs and segments always give the same ids.
struct IdMaker {
    /// The template's ids and those given out.
    used: FxHashSet<String>,
    /// The ids of the other catalogs' entries, with their source when every
    /// entry of that id has the same one (`None` when they differ).
    elsewhere: FxHashMap<String, Option<String>>,
    /// The next salt to try per text, so that a sentence repeated n times
    /// costs n hashes, not n².
    next_salt: FxHashMap<String, u32>,
}

impl IdMaker {
    fn new(template: Option<&Catalog>, catalogs: &[&Catalog]) -> IdMaker {
        let mut elsewhere: FxHashMap<String, Option<String>> = FxHashMap::default();
        for entry in catalogs.iter().flat_map(|c| c.entries()) {
            elsewhere
                .entry(entry.id.clone())
                .and_modify(|source| {
                    if source.as_deref() != Some(entry.source.as_str()) {
                        *source = None;
                    }
                })
                .or_insert_with(|| Some(entry.source.clone()));
        }
        IdMaker {
            used: template
                .into_iter()
                .flat_map(Catalog::entries)
                .map(|e| e.id.clone())
                .collect(),
            elsewhere,
            next_salt: FxHashMap::default(),
        }
    }

    fn fresh(&mut self, text: &str) -> String {
        let base = fnv1a(text.as_bytes(), FNV_OFFSET);
        let salt = self.next_salt.entry(text.to_string()).or_insert(0);
        loop {
            let hash = if *salt == 0 {
                base
            } else {
                fnv1a(&salt.to_le_bytes(), base)
            };
            *salt += 1;
            let id = format!("{:08x}", (hash ^ (hash >> 32)) as u32);
            // Free: not the template's nor given out, and in the other
            // catalogs, if at all, only for this very text.
            let elsewhere = self.elsewhere.get(&id);
            if elsewhere.is_none_or(|source| source.as_deref() == Some(text))
                && self.used.insert(id.clone())
            {
                return id;
            }
        }
    }
}

/// The existing entries that stand for no segment by id, by source, for
/// the texts of segments that have no entry of their own: each list in
/// reverse order of preference (translated ones first, then in catalog
/// order), to be popped.
fn entries_by_source<'a>(
    old: &[&'a Entry],
    by_id: &FxHashMap<&str, usize>,
    plan: &ArticlePlan,
    current: &FxHashSet<&str>,
) -> FxHashMap<&'a str, Vec<usize>> {
    let mut by_source: FxHashMap<&'a str, Vec<usize>> = FxHashMap::default();
    let wanted: FxHashSet<&str> = plan
        .segments
        .iter()
        .filter(|s| !by_id.contains_key(s.id.as_str()))
        .map(|s| s.text.as_str())
        .collect();
    // The common case: every segment has its entry.
    if wanted.is_empty() {
        return by_source;
    }
    for (i, entry) in old.iter().enumerate() {
        if !current.contains(entry.id.as_str()) && wanted.contains(entry.source.as_str()) {
            by_source.entry(entry.source.as_str()).or_default().push(i);
        }
    }
    for candidates in by_source.values_mut() {
        candidates.sort_by_key(|&i| (old[i].is_translated(), std::cmp::Reverse(i)));
    }
    by_source
}

/// The state of a segment in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    Translated,
    Missing,
    Outdated,
    Obsolete,
    /// Missing, but a language of the fallback chain has a current
    /// translation, which readers get instead (see [`LanguagePlan::fall_back`]).
    Covered,
}

/// One entry of a language's catalog, judged against the article.
#[derive(Debug, Clone)]
pub struct Judged {
    pub id: String,
    pub state: State,
    /// Whether the catalog on disk has this entry (a new segment's id is only
    /// a proposal until `extract` writes it).
    pub known: bool,
    /// The entry's line in the catalog on disk.
    pub line: Option<usize>,
    /// The entry's id in the catalog on disk, when that is not `id`: an
    /// entry whose id was edited by hand, or one set aside in
    /// `[[obsolete]]`, found by its exact source (see [`LanguagePlan::new`]).
    pub renamed_from: Option<String>,
    pub source: String,
    pub previous_source: Option<String>,
    pub words: usize,
    /// For a segment without a current translation (missing, covered or
    /// outdated): the first language of the fallback chain that has one.
    pub fallback: Option<Lang>,
    /// For an outdated segment: why its edit matters (see [`crate::changes`]).
    pub reasons: Vec<Reason>,
    /// A translated segment whose source was edited only cosmetically: its
    /// translation stays current, and `extract` takes the new source.
    pub refreshed: bool,
}

/// What one language's catalog of an article is, and should become.
#[derive(Debug, Clone)]
pub struct LanguagePlan {
    pub lang: Lang,
    /// Whether the catalog `extract` would write differs from the one on
    /// disk (or there is none).
    pub changed: bool,
    /// Every segment of the article in order, then the obsolete entries.
    pub entries: Vec<Judged>,
    prune: bool,
}

impl LanguagePlan {
    /// Judges the `existing` catalog of `lang` against the article's new
    /// segments.
    ///
    /// A segment's entry is the one with its id; failing that, an entry
    /// whose id is no segment's (edited by hand, or set aside in
    /// `[[obsolete]]`) but whose source is exactly the segment's text: the
    /// entry takes the segment's id, as it is (entries of one text pair in
    /// catalog order, translated ones first). Nothing a person wrote is
    /// dropped: an entry that left the article with anything of theirs in
    /// it (a translation, a draft, a key, a comment) becomes obsolete, unless
    /// `prune`; only untouched empty entries go.
    pub fn new(
        plan: &ArticlePlan,
        existing: Option<&Catalog>,
        lang: &Lang,
        prune: bool,
    ) -> LanguagePlan {
        LanguagePlan::judge(plan, existing, lang, prune, &Changes::for_lang(""))
    }

    /// [`LanguagePlan::new`], with the change classes of the source
    /// language: a cosmetic edit of a translated segment's source (same
    /// [`Changes::key`]) keeps it translated, with the new source and no
    /// previous source; so does a previous source that differs from the
    /// new text only cosmetically (an edit undone but for its quotes, as an
    /// edit undone exactly). A previous source on an untranslated entry is
    /// a person's draft, kept as it is.
    pub fn judge(
        plan: &ArticlePlan,
        existing: Option<&Catalog>,
        lang: &Lang,
        prune: bool,
        changes: &Changes,
    ) -> LanguagePlan {
        // Each existing entry, by id, with its index in `entries()`.
        let old_entries: Vec<&Entry> = existing.map(|c| c.entries().collect()).unwrap_or_default();
        let by_id: FxHashMap<&str, usize> = old_entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        let line = |i: usize| existing.and_then(|c| c.lines.get(i).copied());
        let current: FxHashSet<&str> = plan.segments.iter().map(|s| s.id.as_str()).collect();
        let mut by_source = entries_by_source(&old_entries, &by_id, plan, &current);
        // Which existing entries stand for a segment of the article now.
        let mut taken = vec![false; old_entries.len()];
        let mut entries = Vec::with_capacity(plan.segments.len());
        for segment in &plan.segments {
            let found = by_id.get(segment.id.as_str()).copied().or_else(|| {
                by_source
                    .get_mut(segment.text.as_str())
                    .and_then(|candidates| candidates.pop())
            });
            if let Some(i) = found {
                taken[i] = true;
            }
            let old = found.map(|i| old_entries[i]);
            let translated = old.is_some_and(|e| e.is_translated());
            // The text the translation was made from: the oldest one; none
            // when reverted to it, or when there is no translation. On an
            // untranslated entry, l10n never wrote one: it is a person's
            // draft, kept as it is.
            let previous_source = old.and_then(|old| match &old.previous_source {
                Some(previous) if !translated => Some(previous.clone()),
                Some(previous) => {
                    Some(previous.clone()).filter(|p| !changes.cosmetic(p, &segment.text))
                }
                None if translated && !changes.cosmetic(&old.source, &segment.text) => {
                    Some(old.source.clone())
                }
                None => None,
            });
            let state = if !translated {
                State::Missing
            } else if previous_source.is_some() {
                State::Outdated
            } else {
                State::Translated
            };
            let reasons = match (&previous_source, state) {
                (Some(previous), State::Outdated) => changes.reasons(previous, &segment.text),
                _ => Vec::new(),
            };
            let refreshed =
                state == State::Translated && old.is_some_and(|old| old.source != segment.text);
            entries.push(Judged {
                id: segment.id.clone(),
                state,
                known: old.is_some(),
                line: found.and_then(line),
                renamed_from: old.filter(|e| e.id != segment.id).map(|e| e.id.clone()),
                source: segment.text.clone(),
                previous_source,
                words: segment.words,
                fallback: None,
                reasons,
                refreshed,
            });
        }
        if let Some(existing) = existing {
            // Obsolete entries already set aside keep their place before
            // the ones leaving now.
            let count = existing.segments.len();
            for i in (count..old_entries.len()).chain(0..count) {
                let old = old_entries[i];
                if taken[i] || !(old.has_own_work() || existing.is_commented(i)) {
                    continue;
                }
                entries.push(Judged {
                    id: old.id.clone(),
                    state: State::Obsolete,
                    known: true,
                    line: line(i),
                    renamed_from: None,
                    source: old.source.clone(),
                    previous_source: None,
                    words: count_words(&old.source),
                    fallback: None,
                    reasons: Vec::new(),
                    refreshed: false,
                });
            }
        }
        let mut language = LanguagePlan {
            lang: lang.clone(),
            changed: true,
            entries,
            prune,
        };
        language.changed = existing.is_none_or(|old| language.differs_from(old));
        language
    }

    /// Whether each segment of the article, in order, has a current
    /// translation in this language.
    pub fn current(&self) -> Vec<bool> {
        self.entries
            .iter()
            .take_while(|e| e.state != State::Obsolete)
            .map(|e| e.state == State::Translated)
            .collect()
    }

    /// Gives each segment without a current translation the first language
    /// of `chain` that has one (`chain` holds each language's
    /// [`LanguagePlan::current`] of the same article, in the chain's order);
    /// a missing segment that gets one is covered. Only the plans of
    /// `status`, `check` and `build` fall back: `extract` writes catalogs,
    /// where a segment is missing or not.
    pub fn fall_back(&mut self, chain: &[(&Lang, &[bool])]) {
        for (i, entry) in self.entries.iter_mut().enumerate() {
            if !matches!(entry.state, State::Missing | State::Outdated) {
                continue;
            }
            let Some((lang, _)) = chain
                .iter()
                .find(|(_, current)| current.get(i).copied().unwrap_or(false))
            else {
                continue;
            };
            entry.fallback = Some((*lang).clone());
            if entry.state == State::Missing {
                entry.state = State::Covered;
            }
        }
    }

    /// Whether the catalog this plan makes differs from `old`, found without
    /// making it: ids, sources and previous sources in order, and the
    /// obsolete ids (entries with the same id carry the same translation).
    fn differs_from(&self, old: &Catalog) -> bool {
        let (current, obsolete) = self.entries.split_at(
            self.entries
                .iter()
                .position(|e| e.state == State::Obsolete)
                .unwrap_or(self.entries.len()),
        );
        let kept_obsolete = if self.prune { &[][..] } else { obsolete };
        old.segments.len() != current.len()
            || old.segments.iter().zip(current).any(|(entry, judged)| {
                entry.id != judged.id
                    || entry.source != judged.source
                    || entry.previous_source != judged.previous_source
            })
            || old.obsolete.len() != kept_obsolete.len()
            || old
                .obsolete
                .iter()
                .zip(kept_obsolete)
                .any(|(entry, judged)| entry.id != judged.id)
    }

    /// The entries found by their source under another id, as `(id in the
    /// catalog on disk, id now)`, in article order.
    pub fn renamed(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries
            .iter()
            .filter_map(|e| Some((e.renamed_from.as_deref()?, e.id.as_str())))
    }

    /// The catalog as `extract` writes it: the entries of `existing` carried
    /// over to the article's segments, with their translations, comments
    /// and extra keys.
    pub fn catalog(
        &self,
        plan: &ArticlePlan,
        source_lang: &Lang,
        existing: Option<&Catalog>,
    ) -> Catalog {
        let by_id: FxHashMap<&str, &Entry> = existing
            .map(|c| c.entries().map(|e| (e.id.as_str(), e)).collect())
            .unwrap_or_default();
        let mut catalog = Catalog::new(&plan.article, source_lang, &self.lang);
        if let Some(existing) = existing {
            catalog.extra = existing.extra.clone();
        }
        for judged in &self.entries {
            let old_id = judged.renamed_from.as_deref().unwrap_or(&judged.id);
            let old = by_id.get(old_id);
            if let Some(old_id) = &judged.renamed_from {
                catalog.renamed.push((old_id.clone(), judged.id.clone()));
            }
            if judged.state == State::Obsolete {
                if let (Some(old), false) = (old, self.prune) {
                    catalog.obsolete.push((*old).clone());
                }
                continue;
            }
            let mut entry = Entry::new(&judged.id, &judged.source);
            if let Some(old) = old {
                entry.translation = old.translation.clone();
                entry.extra = old.extra.clone();
            }
            entry.previous_source = judged.previous_source.clone();
            catalog.segments.push(entry);
        }
        catalog
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segments(texts: &[&str]) -> Vec<Segment> {
        texts
            .iter()
            .enumerate()
            .map(|(block, text)| Segment {
                block,
                text: text.to_string(),
                span: 0..0,
            })
            .collect()
    }

    fn template(plan: &ArticlePlan) -> Catalog {
        plan.template(&"en".parse().unwrap())
    }

    fn ids(plan: &ArticlePlan) -> Vec<&str> {
        plan.segments.iter().map(|s| s.id.as_str()).collect()
    }

    const TEXTS: [&str; 5] = [
        "The leader made a visit to China once again.",
        "Experts say the reason is that he is failing.",
        "Moreover, the visit is based on a concern.",
        "The source said so.",
        "He does not fully trust the president.",
    ];

    #[test]
    fn equal_text_keeps_ids_and_ids_are_unique() {
        let first = ArticlePlan::new("a", None, &segments(&TEXTS));
        let second = ArticlePlan::new("a", Some(&template(&first)), &segments(&TEXTS));
        assert_eq!(ids(&first), ids(&second));
        assert!(second.segments.iter().all(|s| s.origin == Origin::Kept));
        let dup = ArticlePlan::new("a", None, &segments(&["Yes.", "Yes.", "Yes."]));
        let unique: FxHashSet<_> = ids(&dup).into_iter().collect();
        assert_eq!(unique.len(), 3);
    }

    /// A new id is not one another catalog of the article has for another
    /// text (obsolete entries included); one it has for the same text is
    /// kept, as without a template.
    #[test]
    fn new_ids_avoid_other_texts_ids_in_every_catalog() {
        let plain = ArticlePlan::new("a", None, &segments(&TEXTS[..2]));
        let (taken, same) = (ids(&plain)[0], ids(&plain)[1]);
        let mut ja = Catalog::new("a", &"en".parse().unwrap(), &"ja".parse().unwrap());
        ja.obsolete.push(Entry::new(taken, "Another text."));
        let mut ko = Catalog::new("a", &"en".parse().unwrap(), &"ko".parse().unwrap());
        ko.segments.push(Entry::new(same, TEXTS[1]));
        let changes = Changes::for_lang("en");
        let plan_among = |catalogs: &[&Catalog]| {
            ArticlePlan::among("a", None, catalogs, &segments(&TEXTS[..2]), &changes)
        };
        let plan = plan_among(&[&ko, &ja]);
        assert_ne!(ids(&plan)[0], taken);
        assert_eq!(ids(&plan)[1], same);
        let again = plan_among(&[&ko, &ja]);
        assert_eq!(ids(&plan), ids(&again));
        // Two catalogs that disagree on the text of an id: it is not free.
        let mut other = ko.clone();
        other.segments[0].source = "Changed.".into();
        let plan = plan_among(&[&ko, &other]);
        assert_ne!(ids(&plan)[1], same);
    }

    #[test]
    fn edits_moves_inserts_and_deletes() {
        let first = ArticlePlan::new("a", None, &segments(&TEXTS));
        let edited = [
            TEXTS[3],
            "Experts say the reason is because he is failing.",
            "A brand new sentence appears here.",
            TEXTS[0],
            TEXTS[4],
        ];
        let second = ArticlePlan::new("a", Some(&template(&first)), &segments(&edited));
        let origin = |i: usize| &second.segments[i].origin;
        assert_eq!(second.segments[1].id, first.segments[1].id);
        assert!(matches!(origin(1), Origin::Changed { from } if from == TEXTS[1]));
        assert_eq!(origin(2), &Origin::New);
        assert_eq!(second.segments[0].id, first.segments[3].id);
        assert_eq!(second.segments[3].id, first.segments[0].id);
        assert!(matches!(origin(0), Origin::Kept | Origin::Moved));
        assert_eq!(second.dropped.len(), 1);
        assert_eq!(second.dropped[0].source, TEXTS[2]);
    }

    #[test]
    fn dissimilar_replacement_is_not_paired() {
        let first = ArticlePlan::new("a", None, &segments(&TEXTS[..2]));
        let second = ArticlePlan::new(
            "a",
            Some(&template(&first)),
            &segments(&[TEXTS[0], "Completely different words in this one."]),
        );
        assert_eq!(second.segments[1].origin, Origin::New);
        assert_eq!(second.dropped.len(), 1);
    }

    /// Short sentences edited only cosmetically, most of whose words
    /// changed their quotes or dashes (under the word-level pairing's
    /// threshold), are paired by their cosmetic key, and their translations
    /// stay current.
    #[test]
    fn a_short_sentence_edited_cosmetically_keeps_its_entry_and_translation() {
        let en: Lang = "en".parse().unwrap();
        let ko: Lang = "ko".parse().unwrap();
        let changes = Changes::for_lang("en");
        let old = ["\"Don't.\"", "It's ok.", TEXTS[0], "Can't -- won't."];
        let new = ["“Don’t.”", "It’s ok.", TEXTS[0], "Can’t — won’t."];
        let first = ArticlePlan::among("a", None, &[], &segments(&old), &changes);
        let second =
            ArticlePlan::among("a", Some(&template(&first)), &[], &segments(&new), &changes);
        assert_eq!(ids(&second), ids(&first));
        for (i, from) in [(0, old[0]), (1, old[1]), (3, old[3])] {
            assert_eq!(
                second.segments[i].origin,
                Origin::Changed { from: from.into() }
            );
        }
        assert!(second.dropped.is_empty());
        let ko_catalog = target(&first, &[0, 1, 2, 3]);
        let plan = LanguagePlan::judge(&second, Some(&ko_catalog), &ko, false, &changes);
        assert!(plan.entries.iter().all(|e| e.state == State::Translated));
        let catalog = plan.catalog(&second, &en, Some(&ko_catalog));
        assert_eq!(catalog.segments[1].source, new[1]);
        assert_eq!(catalog.segments[1].translation, "번역 1");
        assert!(catalog.segments.iter().all(|e| e.previous_source.is_none()));

        // Without the pass, word-level pairing alone leaves them unpaired:
        // the test would fail without it.
        let words_only = Changes::default();
        let third = ArticlePlan::among(
            "a",
            Some(&template(&first)),
            &[],
            &segments(&new),
            &words_only,
        );
        assert_eq!(third.segments[0].origin, Origin::New);
        assert_eq!(third.segments[3].origin, Origin::New);
    }

    fn target(plan: &ArticlePlan, translate: &[usize]) -> Catalog {
        let en: Lang = "en".parse().unwrap();
        let ko: Lang = "ko".parse().unwrap();
        let mut catalog = LanguagePlan::new(plan, None, &ko, false).catalog(plan, &en, None);
        for &i in translate {
            catalog.segments[i].translation = format!("번역 {i}");
        }
        catalog
    }

    #[test]
    fn language_plan_states_and_previous_source() {
        let en: Lang = "en".parse().unwrap();
        let ko: Lang = "ko".parse().unwrap();
        let first = ArticlePlan::new("a", None, &segments(&TEXTS));
        let ko_catalog = target(&first, &[0, 1, 2]);
        let edited = [
            TEXTS[0],
            "Experts say the reason is because he is failing.",
            TEXTS[3],
            TEXTS[4],
        ];
        let second = ArticlePlan::new("a", Some(&template(&first)), &segments(&edited));
        let plan = LanguagePlan::new(&second, Some(&ko_catalog), &ko, false);
        let plan_catalog = plan.catalog(&second, &en, Some(&ko_catalog));
        let states: Vec<State> = plan.entries.iter().map(|e| e.state).collect();
        use State::*;
        assert_eq!(states, [Translated, Outdated, Missing, Missing, Obsolete]);
        assert_eq!(
            plan_catalog.segments[1].previous_source.as_deref(),
            Some(TEXTS[1])
        );
        assert_eq!(plan_catalog.obsolete[0].translation, "번역 2");
        assert!(plan.changed);

        // A second edit keeps the oldest previous source; a revert clears it.
        let third_texts = [
            TEXTS[0],
            "Experts say the reason is since he is failing.",
            TEXTS[3],
            TEXTS[4],
        ];
        let third = ArticlePlan::new("a", Some(&template(&second)), &segments(&third_texts));
        let again_plan = LanguagePlan::new(&third, Some(&plan_catalog), &ko, false);
        let again = again_plan.catalog(&third, &en, Some(&plan_catalog));
        assert_eq!(again.segments[1].previous_source.as_deref(), Some(TEXTS[1]));
        let reverted = [TEXTS[0], TEXTS[1], TEXTS[3], TEXTS[4]];
        let fourth = ArticlePlan::new("a", Some(&template(&third)), &segments(&reverted));
        let back = LanguagePlan::new(&fourth, Some(&again), &ko, false);
        assert_eq!(back.entries[1].state, Translated);

        // Pruning drops obsolete entries; nothing else does.
        let pruned = LanguagePlan::new(&second, Some(&ko_catalog), &ko, true);
        assert!(
            pruned
                .catalog(&second, &en, Some(&ko_catalog))
                .obsolete
                .is_empty()
        );
        assert!(pruned.changed);
    }

    #[test]
    fn missing_segments_fall_back_to_the_first_current_translation() {
        let (pt_br, pt, es): (Lang, Lang, Lang) = (
            "pt-BR".parse().unwrap(),
            "pt".parse().unwrap(),
            "es".parse().unwrap(),
        );
        let first = ArticlePlan::new("a", None, &segments(&TEXTS[..4]));
        let mut catalog = target(&first, &[0]);
        catalog.lang = pt_br.clone();
        // Segment 1 becomes outdated in pt-BR.
        catalog.segments[1].translation = "velha".into();
        catalog.segments[1].source = "An older source.".into();
        let mut plan = LanguagePlan::new(&first, Some(&catalog), &pt_br, false);
        let pt_current = [false, true, false, true];
        let es_current = [false, true, true, true];
        plan.fall_back(&[(&pt, &pt_current), (&es, &es_current)]);
        let states: Vec<(State, Option<&str>)> = plan
            .entries
            .iter()
            .map(|e| (e.state, e.fallback.as_ref().map(Lang::as_str)))
            .collect();
        use State::*;
        assert_eq!(
            states,
            [
                (Translated, None),
                (Outdated, Some("pt")),
                (Covered, Some("es")),
                (Covered, Some("pt")),
            ]
        );
        assert_eq!(plan.current(), [true, false, false, false]);
    }

    #[test]
    fn leaving_entries_with_a_persons_work_become_obsolete() {
        let ko: Lang = "ko".parse().unwrap();
        let first = ArticlePlan::new("a", None, &segments(&TEXTS));
        let mut catalog = target(&first, &[]);
        catalog.segments[1].previous_source = Some("초안".into());
        catalog.segments[2]
            .extra
            .push(("note".into(), "\"x\"".into()));
        catalog.comments = vec![vec![], vec![], vec![], vec!["Kept.".into()], vec![]];
        let second = ArticlePlan::new("a", Some(&template(&first)), &segments(&TEXTS[..1]));
        let plan = LanguagePlan::new(&second, Some(&catalog), &ko, false);
        let obsolete: Vec<&str> = plan
            .entries
            .iter()
            .filter(|e| e.state == State::Obsolete)
            .map(|e| e.source.as_str())
            .collect();
        assert_eq!(obsolete, [TEXTS[1], TEXTS[2], TEXTS[3]]);
    }

    #[test]
    fn an_entry_with_an_unknown_id_is_found_by_its_source() {
        let en: Lang = "en".parse().unwrap();
        let ko: Lang = "ko".parse().unwrap();
        let texts = [TEXTS[0], TEXTS[1], TEXTS[0]];
        let plan = ArticlePlan::new("a", None, &segments(&texts));
        let mut catalog = target(&plan, &[2]);
        // The first entry of text 0 untranslated, the second translated:
        // the translated one goes to the first segment of that text.
        catalog.segments[0].id = "hand-a".into();
        catalog.segments[2].id = "hand-b".into();
        let language = LanguagePlan::new(&plan, Some(&catalog), &ko, false);
        let renamed: Vec<_> = language.renamed().collect();
        assert_eq!(
            renamed,
            [
                ("hand-b", plan.segments[0].id.as_str()),
                ("hand-a", plan.segments[2].id.as_str())
            ]
        );
        let states: Vec<State> = language.entries.iter().map(|e| e.state).collect();
        assert_eq!(states, [State::Translated, State::Missing, State::Missing]);
        let written = language.catalog(&plan, &en, Some(&catalog));
        assert_eq!(written.segments[0].translation, "번역 2");
        assert!(written.obsolete.is_empty());
        assert_eq!(written.renamed.len(), 2);
        assert!(!LanguagePlan::new(&plan, Some(&written), &ko, false).changed);
    }

    #[test]
    fn unchanged_catalog_is_not_changed() {
        let ko: Lang = "ko".parse().unwrap();
        let plan = ArticlePlan::new("a", None, &segments(&TEXTS));
        let catalog = target(&plan, &[1]);
        assert!(!LanguagePlan::new(&plan, Some(&catalog), &ko, false).changed);
    }
}
