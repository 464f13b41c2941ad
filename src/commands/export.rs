//! `l10n export`: a language's translations for other tools, one file per
//! article: Fluent resources (`ftl`), or an exchange file (PO, XLIFF, TMX)
//! that `l10n import` reads back.
use std::collections::HashMap;

use crate::cli::ExportFormat;
use crate::error::{Error, Result};
use crate::export::{FtlMessage, to_ftl};
use crate::interchange::{Document, Format, State as UnitState, Unit};
use crate::msg;
use crate::plan::State;
use crate::settings::{ExportSettings, Settings};
use crate::store::Reach;
use crate::survey::{self, ArticleSurvey};
use crate::workspace::{self, Workspace};

use super::{Output, commit_outputs, lock, stage_output};

pub(super) fn run(export: &ExportSettings, settings: &Settings) -> Result<Output> {
    let workspace = &export.workspace;
    let lock = lock(&workspace.root, true, settings)?;
    let lang = &export.lang;
    let articles = survey::select_articles(workspace, &export.articles, &settings.cwd)?;
    let out_dir = &export.out_dir;
    super::output_folder(workspace, out_dir)?;
    lock.remove_stale_temporary_files(out_dir, Reach::Tree);
    let exchange = exchange_format(export.format);
    if exchange.is_some() && *lang == workspace.config.source_lang {
        return Err(Error::usage(
            msg!("error-export-source-lang", lang = lang.as_str()),
            msg!("help-export-source-lang"),
        ));
    }
    let outcomes = survey::survey(
        workspace,
        std::slice::from_ref(lang),
        &articles,
        false,
        |survey| {
            let (extension, text) = match exchange {
                None => ("ftl", ftl(&survey, lang.as_str())),
                // What goes out must come back: `import` matches the file
                // against the catalog, so the catalog must be what the
                // file was made from.
                Some(_) if survey.languages[0].plan.changed => {
                    return Ok(Err(workspace.display_path(&survey.languages[0].path)));
                }
                Some(format) => {
                    let article_path = workspace.display_path(&survey.file.path);
                    let document = document(workspace, &survey, &article_path, export.now);
                    (format.extension(), format.write(&document))
                }
            };
            let path = workspace::article_path(out_dir, &survey.file.id, Some(extension));
            stage_output(workspace, &path, &text).map(Ok)
        },
    )?;
    let (staged, stale): (Vec<_>, Vec<_>) = outcomes.into_iter().partition(|o| o.is_ok());
    let stale: Vec<String> = stale.into_iter().filter_map(|o| o.err()).collect();
    if let Some(first) = stale.first() {
        return Err(Error::usage(
            msg!("error-export-stale", count = stale.len(), first = first),
            msg!("help-export-stale", lang = lang.as_str()),
        ));
    }
    commit_outputs(workspace, staged.into_iter().flatten().collect(), settings)
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

/// The exchange format of `--format`, none for Fluent (which is not read
/// back).
fn exchange_format(format: ExportFormat) -> Option<Format> {
    match format {
        ExportFormat::Ftl => None,
        ExportFormat::Po => Some(Format::Po),
        ExportFormat::Tmx => Some(Format::Tmx),
        ExportFormat::Xliff => Some(Format::Xliff12),
        ExportFormat::Xliff2 => Some(Format::Xliff2),
    }
}

/// Every entry of the article's catalog, in its state: current, missing,
/// outdated (with its previous source) and obsolete, each current segment
/// with its line and block in the article and the catalog's comments.
fn document<'a>(
    workspace: &'a Workspace,
    survey: &'a ArticleSurvey,
    article_path: &'a str,
    now: u64,
) -> Document<'a> {
    let language = &survey.languages[0];
    let entries = language.entries_by_id();
    // Every entry on disk with its comments, by id.
    let on_disk: HashMap<&str, (&crate::catalog::Entry, &[String])> = language
        .file
        .iter()
        .flat_map(|file| {
            let catalog = &file.catalog;
            let comments = (0..).map(|i| catalog.comments.get(i).map_or(&[][..], Vec::as_slice));
            catalog.entries().zip(comments)
        })
        .map(|(e, comments)| (e.id.as_str(), (e, comments)))
        .collect();
    // Each current segment's line and block in the article, by id (none if
    // the plan and the segments do not pair up).
    let aligned = survey.plan.segments.len() == survey.segments.len();
    let lines = if aligned {
        survey.segment_lines()
    } else {
        Vec::new()
    };
    let places: HashMap<&str, (usize, usize)> = survey
        .plan
        .segments
        .iter()
        .zip(&survey.segments)
        .zip(lines)
        .map(|((planned, segment), line)| (planned.id.as_str(), (line, segment.block)))
        .collect();
    let units = language
        .plan
        .entries
        .iter()
        .map(|e| {
            // The entry on disk: an obsolete one, or the one a current
            // segment took over (perhaps under another id).
            let stored = if e.state == State::Obsolete {
                on_disk
                    .get(e.renamed_from.as_deref().unwrap_or(&e.id))
                    .map(|(entry, _)| *entry)
            } else {
                entries.get(e.id.as_str()).copied()
            };
            let state = match e.state {
                State::Obsolete => UnitState::Obsolete,
                State::Translated => UnitState::Current,
                State::Outdated => UnitState::Outdated,
                _ => UnitState::Missing,
            };
            let place = places
                .get(e.id.as_str())
                .filter(|_| state != UnitState::Obsolete);
            Unit {
                id: &e.id,
                source: &e.source,
                translation: stored.map_or("", |e| e.translation.as_str()),
                previous_source: e.previous_source.as_deref(),
                state,
                line: place.map(|p| p.0),
                block: place.map(|p| p.1),
                comments: stored
                    .and_then(|stored| on_disk.get(stored.id.as_str()))
                    .map_or(&[], |(_, comments)| *comments),
            }
        })
        .collect();
    Document {
        article: &survey.file.id,
        article_path,
        source_lang: workspace.config.source_lang.as_str(),
        lang: language.plan.lang.as_str(),
        date: now,
        units,
    }
}
