//! `l10n status`: the counts of each language (with `--diff`, how outdated
//! sources changed), or the merge of partitioned runs' JSON reports.
use std::fs;
use std::path::{Path, PathBuf};

use crate::article;
use crate::error::{Error, Location, Result};
use crate::msg;
use crate::report::{self, Format, Report};
use crate::settings::{Settings, StatusSettings, StatusSource};

use super::Output;
use super::reports::{build_report, with_warnings};

pub(super) fn run(status: &StatusSettings, settings: &Settings) -> Result<Output> {
    let (report, warnings) = match &status.source {
        StatusSource::Workspace { workspace, scope } => build_report(workspace, scope, settings)?,
        StatusSource::Merge(paths) => (merge_reports(&settings.cwd, paths)?, Vec::new()),
    };
    let stdout = match status.format {
        Format::Text => report::status_text(&report, status.diff, settings.style, settings.ui),
        Format::Json => report.to_json(),
        // The command line offers the CI formats to `check` only, whose
        // verdict is what CI needs; they would render a status all the same.
        Format::Github => report::github_text(&report, settings.ui, None),
        Format::Junit => report::junit_xml(&report),
        Format::Sarif => report::sarif_json(&report),
    };
    Ok(Output {
        stdout,
        stderr: with_warnings(warnings, settings.ui),
        passed: true,
    })
}

/// Reads the JSON reports of partitioned runs and merges them (for
/// `status --merge` and `check --merge`).
pub(super) fn merge_reports(cwd: &Path, paths: &[PathBuf]) -> Result<Report> {
    let mut reports = Vec::with_capacity(paths.len());
    for path in paths {
        let shown = crate::ui::path_text(path);
        let path = cwd.join(path);
        let bytes = fs::read(&path).map_err(|source| Error::Read {
            path: path.clone(),
            source,
        })?;
        let text = article::decode(&path, &bytes)?;
        let report: Report = serde_json::from_str(&text).map_err(|e| {
            let offset = text
                .split_inclusive('\n')
                .take(e.line().saturating_sub(1))
                .map(str::len)
                .sum::<usize>()
                + e.column().saturating_sub(1);
            Error::invalid(
                Location::at(&path, &text, offset),
                msg!("error-not-a-report", reason = e.to_string()),
                msg!("help-not-a-report"),
            )
        })?;
        reports.push((shown, report));
    }
    Report::merge(reports).map_err(|message| Error::usage(message, msg!("help-merge")))
}
