//! `l10n export`: a language's current translations as Fluent resources,
//! one per article.
use crate::cli::ExportFormat;
use crate::error::Result;
use crate::export::{FtlMessage, to_ftl};
use crate::plan::State;
use crate::settings::{ExportSettings, Settings};
use crate::store::Reach;
use crate::survey;
use crate::workspace;

use super::{Output, commit_outputs, lock, stage_output};

pub(super) fn run(export: &ExportSettings, settings: &Settings) -> Result<Output> {
    let workspace = &export.workspace;
    let lock = lock(&workspace.root, true, settings)?;
    let lang = &export.lang;
    let articles = workspace.articles()?;
    let out_dir = &export.out_dir;
    workspace.check_output(out_dir)?;
    lock.remove_stale_temporary_files(out_dir, Reach::Tree);
    let ExportFormat::Ftl = export.format;
    // Current translations only: a missing or outdated one is left out, so
    // Fluent falls back to another language for it.
    let staged = survey::survey(
        workspace,
        std::slice::from_ref(lang),
        &articles,
        false,
        |survey| {
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
            let path = workspace::article_path(out_dir, &survey.file.id, Some("ftl"));
            let text = to_ftl(&survey.file.id, lang.as_str(), &messages);
            stage_output(workspace, &path, &text)
        },
    )?;
    commit_outputs(workspace, staged, settings)
}
