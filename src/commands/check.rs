//! `l10n check`: the report judged by the policy (`[check]` in l10n.toml,
//! the flags over it): exit 1 when a language fails, for CI: as text, JSON,
//! GitHub annotations, JUnit XML or SARIF. With `--merge`, the report is
//! the partitioned runs' reports joined.
use crate::error::Result;
use crate::report::{self, Format};
use crate::settings::{CheckSettings, Settings};

use super::Output;
use super::reports::{build_report, merge_reports, with_warnings};

pub(super) fn run(check: &CheckSettings, settings: &Settings) -> Result<Output> {
    let (mut report, warnings) = if check.merge.is_empty() {
        build_report(&check.workspace, &check.scope, settings)?
    } else {
        (merge_reports(&settings.cwd, &check.merge)?, Vec::new())
    };
    let passed = report.judge(&check.policy);
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
