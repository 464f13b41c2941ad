//! `l10n report`: the status report as a web page (`DIR/index.html`), with
//! each language's progress over the git history of the locales folder,
//! written through the store like `build`'s articles.
use crate::error::Result;
use crate::history;
use crate::lang::Lang;
use crate::settings::{ReportSettings, Settings};
use crate::site::{self, Extras};
use crate::store::Reach;

use super::reports::{build_report, with_warnings};
use super::{Output, commit_outputs, lock, stage_output};

pub(super) fn run(report: &ReportSettings, settings: &Settings) -> Result<Output> {
    let workspace = &report.workspace;
    let lock = lock(&workspace.root, true, settings)?;
    let out_dir = &report.out_dir;
    super::output_folder(workspace, out_dir)?;
    lock.remove_stale_temporary_files(out_dir, Reach::Folder);
    let (status, warnings) = build_report(workspace, &report.scope, settings)?;
    let languages: Vec<Lang> = status.languages.iter().map(|l| l.lang.clone()).collect();
    let locales_dir = workspace.locales_dir();
    let history = history::read(&workspace.root, &locales_dir, &languages);
    let locales = workspace.display_path(&locales_dir);
    let extras = Extras {
        history: &history,
        locales: &locales,
    };
    let page = site::page(&status, &extras, settings.ui);
    let staged = stage_output(workspace, &out_dir.join("index.html"), &page)?;
    let mut output = commit_outputs(workspace, vec![staged], settings)?;
    output.stderr = with_warnings(warnings, settings.ui);
    Ok(output)
}
