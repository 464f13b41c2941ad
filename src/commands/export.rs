//! `l10n export`: a language's translations for other tools, one file per
//! article: Fluent resources (`ftl`) or gettext catalogs (`po`).
use std::collections::HashMap;

use crate::cli::ExportFormat;
use crate::error::Result;
use crate::export::{FtlMessage, to_ftl};
use crate::plan::State;
use crate::po::{PoEntry, PoHeader, PoState, po_date, to_po};
use crate::settings::{ExportSettings, Settings};
use crate::store::Reach;
use crate::survey::{self, ArticleSurvey};
use crate::workspace::{self, Workspace};

use super::{Output, commit_outputs, lock, stage_output};

pub(super) fn run(export: &ExportSettings, settings: &Settings) -> Result<Output> {
    let workspace = &export.workspace;
    let lock = lock(&workspace.root, true, settings)?;
    let lang = &export.lang;
    let articles = workspace.articles()?;
    let out_dir = &export.out_dir;
    workspace.check_output(out_dir)?;
    lock.remove_stale_temporary_files(out_dir, Reach::Tree);
    let revision_date = po_date(
        std::time::SystemTime::now()
            .duration_since(std::time::SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs()),
    );
    let staged = survey::survey(
        workspace,
        std::slice::from_ref(lang),
        &articles,
        false,
        |survey| {
            let (extension, text) = match export.format {
                ExportFormat::Ftl => ("ftl", ftl(&survey, lang.as_str())),
                ExportFormat::Po => ("po", po(workspace, &survey, lang.as_str(), &revision_date)),
            };
            let path = workspace::article_path(out_dir, &survey.file.id, Some(extension));
            stage_output(workspace, &path, &text)
        },
    )?;
    commit_outputs(workspace, staged, settings)
}

/// Current translations only: a missing or outdated one is left out, so
/// Fluent falls back to another language for it.
fn ftl(survey: &ArticleSurvey, lang: &str) -> String {
    let language = &survey.languages[0];
    let entries = language.entries_by_id();
    let messages: Vec<FtlMessage> = language
        .plan
        .entries
        .iter()
        .filter(|e| e.state == State::Translated)
        .map(|e| FtlMessage {
            id: &e.id,
            value: entries
                .get(e.id.as_str())
                .map_or("", |e| e.translation.as_str()),
            comment: None,
        })
        .collect();
    to_ftl(&survey.file.id, lang, &messages)
}

/// Every entry, in its state: current, missing, outdated (fuzzy, with its
/// previous source) and obsolete (`#~`), each current segment with a
/// reference to its line in the article.
fn po(workspace: &Workspace, survey: &ArticleSurvey, lang: &str, revision_date: &str) -> String {
    let language = &survey.languages[0];
    let entries = language.entries_by_id();
    let on_disk: HashMap<&str, &crate::catalog::Entry> = language
        .file
        .iter()
        .flat_map(|file| file.catalog.entries())
        .map(|e| (e.id.as_str(), e))
        .collect();
    let article_path = survey
        .file
        .path
        .strip_prefix(&workspace.root)
        .unwrap_or(&survey.file.path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    let lines = segment_lines(survey);
    let po_entries: Vec<PoEntry> = language
        .plan
        .entries
        .iter()
        .map(|e| {
            let (translation, state) = if e.state == State::Obsolete {
                let id = e.renamed_from.as_deref().unwrap_or(&e.id);
                let translation = on_disk.get(id).map_or("", |e| e.translation.as_str());
                (translation, PoState::Obsolete)
            } else {
                let translation = entries
                    .get(e.id.as_str())
                    .map_or("", |e| e.translation.as_str());
                let state = match e.state {
                    State::Translated => PoState::Current,
                    State::Outdated => PoState::Outdated,
                    _ => PoState::Missing,
                };
                (translation, state)
            };
            PoEntry {
                id: &e.id,
                source: &e.source,
                translation,
                previous_source: e.previous_source.as_deref(),
                state,
                reference: lines
                    .get(e.id.as_str())
                    .map(|line| format!("{article_path}:{line}")),
            }
        })
        .collect();
    let header = PoHeader {
        article: &survey.file.id,
        lang,
        revision_date,
    };
    to_po(&header, &po_entries)
}

/// The line (from 1) of the article where each current segment starts, by
/// segment id.
fn segment_lines(survey: &ArticleSurvey) -> HashMap<&str, usize> {
    let segments = &survey.segments;
    if segments.len() != survey.plan.segments.len() {
        return HashMap::new();
    }
    let starts: Vec<usize> = survey
        .text
        .match_indices('\n')
        .map(|(i, _)| i + 1)
        .collect();
    survey
        .plan
        .segments
        .iter()
        .zip(segments)
        .map(|(planned, segment)| {
            let line = starts.partition_point(|&start| start <= segment.span.start) + 1;
            (planned.id.as_str(), line)
        })
        .collect()
}
