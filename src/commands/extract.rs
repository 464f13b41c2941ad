//! `l10n extract`: plans every article against its catalogs and writes the
//! catalogs that change (all or nothing), reporting what changed.
//!
//! Incremental: an article whose files (the article, its template, its
//! catalogs) are as the last run left them, with the same configuration
//! and program, is not read, parsed or planned again. The same rule as the
//! status cache decides (`cache`): a settled file by its stamp, a racy one
//! by its contents' hash. Files this run wrote are remembered by the hash
//! of what was written and no stamp, so the next run reads them once and
//! the run after that looks at their stamps alone.
use std::fmt::Write as _;
use std::path::Path;

use std::collections::HashMap;

use crate::cache::{self, Cache};
use crate::catalog::Catalog;
use crate::catalog_schema;
use crate::cli::Fill;
use crate::error::Result;
use crate::lang::Lang;
use crate::memory::{Match, Memory};
use crate::memory_score;
use crate::msg;
use crate::plan::Origin;
use crate::report::{ArticleReport, Counts, Detail};
use crate::settings::{ExtractSettings, Settings, Targets};
use crate::store::{self, CatalogFile, Reach, Stamp};
use crate::survey::{self, ArticleSurvey, Looked};
use crate::timings::{self, Phase};
use crate::ui::{Message, Ui};
use crate::workspace::ArticleFile;

use super::reports::settings_key;
use super::{Output, in_partition, lock};

pub(super) fn run(extract: &ExtractSettings, settings: &Settings) -> Result<Output> {
    let workspace = &extract.workspace;
    let lock = lock(&workspace.root, extract.wait, settings)?;
    timings::time(Phase::Discover, || {
        lock.remove_stale_temporary_files(&workspace.locales_dir(), Reach::Tree);
    });
    let languages = extract.targets.list(workspace, false)?;
    let all = timings::time(Phase::Discover, || workspace.articles())?;
    let articles = in_partition(all.clone(), extract.partition);
    let source_lang = &workspace.config.source_lang;
    // With `--fill`, each language's memory, brought up to date with the
    // catalogs as they are before this run; the articles' lookups run in
    // parallel, each on a read-only connection of its own.
    let memories: HashMap<Lang, Memory> = match extract.fill {
        Some(_) => languages
            .iter()
            .map(|lang| Ok((lang.clone(), Memory::open(workspace, lang, &all)?)))
            .collect::<Result<_>>()?,
        None => HashMap::new(),
    };
    // New catalogs name the schema when the workspace has it (`init`
    // writes it): see `catalog_schema`.
    let has_schema = workspace.root.join(catalog_schema::SCHEMA_PATH).is_file();
    let directive = |path: &Path| {
        has_schema
            .then(|| catalog_schema::directive(&workspace.root, path))
            .flatten()
    };

    let salt = settings_key(workspace, &languages, settings.program_id) ^ u64::from(has_schema);
    let mut cache = Cache::load(&workspace.root, cache::EXTRACT, salt);
    // An article as the last run left it, unless this run asks for what
    // that run did not do: `--prune` with obsolete entries kept, `--fill`
    // with entries missing (the memory may have their translations now).
    let known = |file: &ArticleFile, looked: &Looked| {
        let ((reports, warnings), update) = cache.recall(file, looked, Detail::Counts)?;
        let pending = |r: &ArticleReport| {
            extract.prune && r.counts.obsolete > 0 || extract.fill.is_some() && r.counts.missing > 0
        };
        if reports.iter().any(pending) {
            return None;
        }
        Some(Extracted {
            changes: Changes::default(),
            warnings,
            staged: Vec::new(),
            renamed: Vec::new(),
            update,
        })
    };

    // Each article's new catalogs are staged as soon as they are planned;
    // nothing replaces a catalog until every article was read and planned.
    let reduce = |survey: ArticleSurvey, looked: Looked| {
        let template = survey.plan.template(source_lang);
        // Which file (in the order of `looked`) each staged one replaces.
        let mut staged = Vec::new();
        let mut replaced = Vec::new();
        match &survey.template {
            Some(old) if old.catalog.same_content(&template) => {}
            old => {
                let contents = timings::time(Phase::Render, || {
                    render(&template, old.as_ref(), directive(&survey.template_path))
                });
                staged.push(timings::time(Phase::Stage, || {
                    store::stage(&survey.template_path, &contents, fingerprint(old.as_ref()))
                })?);
                replaced.push(1);
            }
        }
        let mut renamed = Vec::new();
        let mut filled = 0;
        for (index, language) in survey.languages.iter().enumerate() {
            let memory = memories.get(&language.plan.lang);
            if !language.plan.changed && memory.is_none() {
                continue;
            }
            let path = workspace.display_path(&language.path);
            let file = language.file.as_ref();
            let mut catalog =
                language
                    .plan
                    .catalog(&survey.plan, source_lang, file.map(|f| &f.catalog));
            let mut fills = 0;
            if let (Some(memory), Some((how, min))) = (memory, extract.fill) {
                fills = fill(&mut catalog, memory, how, min)?;
            }
            if !language.plan.changed && fills == 0 {
                continue;
            }
            filled += fills;
            for (old, new) in language.plan.renamed() {
                renamed.push(msg!("extract-renamed", path = &path, old = old, new = new));
            }
            let contents = timings::time(Phase::Render, || {
                render(&catalog, file, directive(&language.path))
            });
            staged.push(timings::time(Phase::Stage, || {
                store::stage(&language.path, &contents, fingerprint(file))
            })?);
            replaced.push(2 + index);
        }
        let mut changes = changes(&survey);
        changes.filled = filled;
        let warnings = survey::unknown_key_warnings(workspace, &survey);
        // Warnings name lines of the files as read: an article whose files
        // change is not remembered with them (the next run plans it again).
        let update = (warnings.is_empty() || staged.is_empty()).then(|| {
            let Looked { mut stamps, hashes } = looked;
            let mut hashes = hashes.unwrap_or_default();
            for (file, &index) in staged.iter().zip(&replaced) {
                hashes[index] = Some(file.written_hash());
                stamps[index] = Stamp::Unknown;
            }
            // Only the counts are kept: no issues are made to be dropped.
            let reports: Vec<ArticleReport> = survey
                .languages
                .iter()
                .map(|l| ArticleReport {
                    article: survey.file.id.clone(),
                    catalog: String::new(),
                    article_path: String::new(),
                    counts: Counts::of(&l.plan),
                    issues: Vec::new(),
                    qa: Vec::new(),
                })
                .collect();
            let key = survey::files_key(&survey.file, &hashes);
            let record = cache::Record::new(key, stamps, &(reports, warnings.clone()), false);
            cache::Update::Reports(Box::new(record))
        });
        Ok(Extracted {
            changes,
            warnings,
            staged,
            renamed,
            update,
        })
    };
    let outcomes = survey::survey_changed(
        workspace,
        &languages,
        &articles,
        extract.prune,
        known,
        reduce,
    )?;
    let mut orphans = timings::time(Phase::Discover, || {
        survey::orphans(workspace, &languages, &all)
    })?;
    orphans.retain(|o| extract.partition.is_none_or(|p| p.contains(&o.article)));

    let ui = settings.ui;
    let mut out = String::new();
    let mut stderr = String::new();
    let mut staged = Vec::new();
    let mut updates = Vec::new();
    for (file, outcome) in articles.iter().zip(outcomes) {
        if let Some(update) = outcome.update {
            updates.push((&file.id, update));
        }
        for warning in outcome.warnings {
            let _ = writeln!(stderr, "{}", ui.text(&warning.message()));
        }
        if outcome.staged.is_empty() {
            continue;
        }
        let changes = outcome.changes.text(ui);
        let _ = writeln!(out, "{}: {changes}", crate::ui::escape(&file.id));
        for file in &outcome.staged {
            let wrote = msg!("wrote-file", path = workspace.display_path(file.target()));
            let _ = writeln!(out, "  {}", ui.text(&wrote));
        }
        for renamed in &outcome.renamed {
            let _ = writeln!(out, "  {}", ui.text(renamed));
        }
        staged.extend(outcome.staged);
    }
    let written = staged.len();
    let every_language = matches!(extract.targets, Targets::Workspace);
    let mut removals = Vec::new();
    for orphan in &orphans {
        let shown = workspace.display_path(&orphan.path);
        let template = orphan.lang == *source_lang;
        if extract.prune && (every_language || !template) {
            // One already gone needs no removal, and none is reported.
            if let Some(removal) = store::Removal::new(&orphan.path)? {
                removals.push(removal);
                let _ = writeln!(out, "{}", ui.text(&msg!("extract-removed", path = shown)));
            }
        } else {
            let warning = msg!("warning-orphan", path = shown, article = &orphan.article);
            let _ = writeln!(stderr, "{}", ui.text(&warning));
        }
    }
    timings::time(Phase::Commit, || store::commit(staged, removals))?;
    // Remembered only once everything is in place: a run that failed
    // leaves the last run's memory, still true of the files.
    for (article, update) in updates {
        cache.update(article, update);
    }
    if extract.partition.is_none() {
        cache.retain(&all.iter().map(|a| a.id.as_str()).collect());
    }
    cache.save();
    let summary = msg!(
        "extract-summary",
        articles = articles.len(),
        catalogs = written
    );
    let _ = writeln!(out, "{}", ui.text(&summary));
    if languages.is_empty() {
        let _ = writeln!(stderr, "{}", ui.text(&msg!("note-no-target-languages")));
    }
    Ok(Output {
        stdout: out,
        stderr,
        passed: true,
    })
}

/// What `extract` keeps of one article.
struct Extracted {
    changes: Changes,
    warnings: Vec<survey::UnknownKey>,
    staged: Vec<store::Staged>,
    /// Entries found by their source under another id, one line each.
    renamed: Vec<Message>,
    /// What to remember of the article once the run succeeds.
    update: Option<cache::Update>,
}

fn fingerprint(old: Option<&CatalogFile>) -> Option<store::Fingerprint> {
    old.map(|file| file.fingerprint)
}

/// The new text of a catalog; a new one starts with `directive` (the
/// `#:schema` line), an existing one keeps its first lines as they are.
fn render(catalog: &Catalog, old: Option<&CatalogFile>, directive: Option<String>) -> Vec<u8> {
    match old {
        Some(file) => file.render(catalog),
        None => {
            let mut text = directive.unwrap_or_default();
            text.push_str(&store::render(catalog, None));
            text.into_bytes()
        }
    }
}

/// What `extract` did to an article's segments.
#[derive(Default)]
struct Changes {
    added: usize,
    changed: usize,
    /// Segments edited only cosmetically whose translations stay current.
    refreshed: usize,
    moved: usize,
    obsoleted: usize,
    /// Entries filled from the translation memory (`--fill`).
    filled: usize,
}

impl Changes {
    /// "1 added, 1 changed, …", or that the catalogs were brought up to date.
    fn text(&self, ui: Ui) -> String {
        let parts = [
            (self.added, msg!("extract-added", count = self.added)),
            (self.changed, msg!("extract-changed", count = self.changed)),
            (
                self.refreshed,
                msg!("extract-refreshed", count = self.refreshed),
            ),
            (self.moved, msg!("extract-moved", count = self.moved)),
            (
                self.obsoleted,
                msg!("extract-obsoleted", count = self.obsoleted),
            ),
            (self.filled, msg!("extract-filled", count = self.filled)),
        ];
        let said: Vec<String> = parts
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(_, message)| ui.text(message))
            .collect();
        if said.is_empty() {
            ui.text(&msg!("extract-up-to-date"))
        } else {
            said.join(", ")
        }
    }
}

fn changes(survey: &ArticleSurvey) -> Changes {
    let plan = &survey.plan;
    let count = |f: fn(&Origin) -> bool| plan.segments.iter().filter(|s| f(&s.origin)).count();
    // A segment is refreshed when a language keeps its translation current
    // across a cosmetic edit of its source; it is not counted as changed.
    let refreshed: Vec<bool> = (0..plan.segments.len())
        .map(|i| {
            survey
                .languages
                .iter()
                .any(|l| l.plan.entries.get(i).is_some_and(|e| e.refreshed))
        })
        .collect();
    let edited = plan
        .segments
        .iter()
        .zip(&refreshed)
        .filter(|(s, refreshed)| matches!(s.origin, Origin::Changed { .. }) && !**refreshed)
        .count();
    Changes {
        added: count(|o| *o == Origin::New),
        changed: edited,
        refreshed: refreshed.iter().filter(|r| **r).count(),
        moved: count(|o| *o == Origin::Moved),
        obsoleted: plan.dropped.len(),
        filled: 0,
    }
}

/// Fills the untranslated entries of `catalog` that no one started from
/// `memory`: with an identical source's translation (score 100), counted
/// translated; with `Fill::Fuzzy`, else with the best match scoring at
/// least `min`, as outdated (`previous-source` = the matched source, so
/// `status --diff` shows what differs). A sentence rewritten so heavily
/// that nothing scores `min` is offered the closest of its own catalog's
/// `[[obsolete]]` translations that scores at least half of `min`. Each
/// says where it came from in `from-memory`. Returns how many it filled.
fn fill(catalog: &mut Catalog, memory: &Memory, how: Fill, min: u8) -> Result<usize> {
    let mut filled = 0;
    let article = catalog.article.clone();
    let least = match how {
        Fill::Exact => 100,
        Fill::Fuzzy => min,
    };
    // The catalog's own obsolete translations, the fuzzy fill's last resort.
    let obsolete: Vec<Match> = match how {
        Fill::Exact => Vec::new(),
        Fill::Fuzzy => catalog
            .obsolete
            .iter()
            .filter(|e| e.is_translated())
            .map(|e| Match::of_entry(&article, e, true))
            .collect(),
    };
    for entry in catalog.segments.iter_mut().filter(|e| !e.has_own_work()) {
        let own = format!("{article}#{}", entry.id);
        let found = memory.matches(&entry.source, least, 1, &own)?.pop();
        // Scored first; only the best is copied.
        let rewritten = || {
            obsolete
                .iter()
                .filter_map(|m| {
                    let score = memory_score::score_at_least(&entry.source, &m.source, least / 2)?;
                    Some((score, m))
                })
                .max_by(|(a, ma), (b, mb)| a.cmp(b).then(mb.from.cmp(&ma.from)))
                .map(|(score, m)| Match { score, ..m.clone() })
        };
        let Some(best) = found.or_else(rewritten) else {
            continue;
        };
        entry.translation = best.translation;
        if best.score < 100 {
            entry.previous_source = Some(best.source);
        }
        let from = serde_json::to_string(&best.from).unwrap_or_default();
        entry.extra.push(("from-memory".to_string(), from));
        filled += 1;
    }
    Ok(filled)
}
