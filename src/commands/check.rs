//! `l10n check`: the report judged (exit 1 on missing or outdated segments,
//! or below `--min-translated`), for CI: as text, JSON, GitHub annotations,
//! JUnit XML or SARIF.
use crate::error::Result;
use crate::report::{self, Format};
use crate::settings::{CheckSettings, Settings};

use super::Output;
use super::reports::{build_report, with_warnings};

pub(super) fn run(check: &CheckSettings, settings: &Settings) -> Result<Output> {
    let (mut report, warnings) = build_report(&check.workspace, &check.scope, settings)?;
    let passed = report.judge(check.min_translated);
    let stdout = match check.format {
        Format::Text => report::check_text(&report, settings.style, settings.ui, check.max_issues),
        Format::Json => report.to_json(),
        Format::Github => report::github_text(&report, settings.ui, check.max_issues),
        Format::Junit => report::junit_xml(&report),
        Format::Sarif => report::sarif_json(&report),
    };
    Ok(Output {
        stdout,
        stderr: with_warnings(warnings, settings.ui),
        passed,
    })
}
