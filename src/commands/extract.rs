//! `l10n extract`: plans every article against its catalogs and writes the
//! catalogs that change (all or nothing), reporting what changed.
use std::fmt::Write as _;
use std::path::Path;

use crate::catalog::Catalog;
use crate::catalog_schema;
use crate::error::Result;
use crate::msg;
use crate::plan::Origin;
use crate::settings::{ExtractSettings, Settings, Targets};
use crate::store::{self, CatalogFile, Reach};
use crate::survey::{self, ArticleSurvey};
use crate::ui::{Message, Ui};

use super::{Output, in_partition, lock};

pub(super) fn run(extract: &ExtractSettings, settings: &Settings) -> Result<Output> {
    let workspace = &extract.workspace;
    let lock = lock(&workspace.root, extract.wait, settings)?;
    lock.remove_stale_temporary_files(&workspace.locales_dir(), Reach::Tree);
    let languages = extract.targets.list(workspace, false)?;
    let all = workspace.articles()?;
    let articles = in_partition(all.clone(), extract.partition);
    let source_lang = &workspace.config.source_lang;
    // New catalogs name the schema when the workspace has it (`init`
    // writes it): see `catalog_schema`.
    let has_schema = workspace.root.join(catalog_schema::SCHEMA_PATH).is_file();
    let directive = |path: &Path| {
        has_schema
            .then(|| catalog_schema::directive(&workspace.root, path))
            .flatten()
    };

    // Each article's new catalogs are staged as soon as they are planned;
    // nothing replaces a catalog until every article was read and planned.
    let outcomes = survey::survey(workspace, &languages, &articles, extract.prune, |survey| {
        let template = survey.plan.template(source_lang);
        let mut staged = Vec::new();
        match &survey.template {
            Some(old) if old.catalog.same_content(&template) => {}
            old => {
                let contents = render(&template, old.as_ref(), directive(&survey.template_path));
                staged.push(store::stage(
                    &survey.template_path,
                    &contents,
                    fingerprint(old.as_ref()),
                )?);
            }
        }
        let mut renamed = Vec::new();
        for language in survey.languages.iter().filter(|l| l.plan.changed) {
            let path = workspace.display_path(&language.path);
            for (old, new) in language.plan.renamed() {
                renamed.push(msg!("extract-renamed", path = &path, old = old, new = new));
            }
            let file = language.file.as_ref();
            let catalog =
                language
                    .plan
                    .catalog(&survey.plan, source_lang, file.map(|f| &f.catalog));
            let contents = render(&catalog, file, directive(&language.path));
            staged.push(store::stage(&language.path, &contents, fingerprint(file))?);
        }
        Ok(Extracted {
            changes: changes(&survey),
            warnings: survey::unknown_key_warnings(workspace, &survey),
            staged,
            renamed,
        })
    })?;
    let mut orphans = survey::orphans(workspace, &languages, &all)?;
    orphans.retain(|o| extract.partition.is_none_or(|p| p.contains(&o.article)));

    let ui = settings.ui;
    let mut out = String::new();
    let mut stderr = String::new();
    let mut staged = Vec::new();
    for (file, outcome) in articles.iter().zip(outcomes) {
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
    store::commit(staged, removals)?;
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
struct Changes {
    added: usize,
    changed: usize,
    /// Segments edited only cosmetically whose translations stay current.
    refreshed: usize,
    moved: usize,
    obsoleted: usize,
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
    }
}
