//! The report `status` and `check` share: every article planned (or taken
//! from the result cache), judged per language, with the orphaned catalogs
//! and the warnings to print beside it; or, with `--merge`, the reports of
//! partitioned runs joined.
use std::fs;
use std::path::{Path, PathBuf};

use crate::article;
use crate::cache::{self, Cache};
use crate::error::{Error, Location, Result};
use crate::lang::Lang;
use crate::msg;
use crate::plan::State;
use crate::qa::{self, Check, QaConfig};
use crate::report::{ArticleReport, Detail, LanguageReport, QaIssue, Report};
use crate::settings::{Scope, Settings};
use crate::survey;
use crate::ui::Ui;
use crate::workspace::Workspace;

use super::in_partition;

/// The report of `status` and `check`, and warnings to print beside it.
pub(super) fn build_report(
    workspace: &Workspace,
    scope: &Scope,
    settings: &Settings,
) -> Result<(Report, Vec<survey::UnknownKey>)> {
    let Scope {
        targets,
        articles: names,
        partition,
        since,
        use_cache,
        qa,
        detail,
    } = scope;
    let (partition, use_cache, detail) = (*partition, *use_cache, *detail);
    let languages = targets.list(workspace, true)?;
    // The catalogs of the fallback languages are inputs of each article too.
    let fallbacks = workspace.fallbacks(&languages);
    let read = &fallbacks.read;
    let all = survey::select_articles(workspace, names, &settings.cwd)?;
    let selected = match since {
        Some(since) => crate::git::changed_articles(workspace, all.clone(), since)?,
        None => all.clone(),
    };
    let articles = in_partition(selected, partition);
    // A run on some of the articles knows nothing of the others.
    let partial = !names.is_empty() || partition.is_some() || since.is_some();
    let salt = settings_key(workspace, read, settings.program_id)
        ^ xxhash_rust::xxh3::xxh3_64(format!("{qa:?}").as_bytes());
    let mut cache = if use_cache {
        Cache::load(&workspace.root, cache::REPORTS, salt)
    } else {
        Cache::default()
    };
    // Each article is taken from the cache when none of its inputs changed,
    // or else reduced to its reports as soon as it is planned.
    let known = |file: &_, looked: &_| cache.recall(file, looked, detail);
    let reduce = |mut survey: survey::ArticleSurvey, looked: survey::Looked| {
        survey.fall_back(&fallbacks);
        survey.languages.truncate(languages.len());
        let article_lines = survey.segment_lines();
        let reports: Vec<ArticleReport> = survey
            .languages
            .iter()
            .map(|l| {
                let path = workspace.display_path(&l.path);
                let mut report = ArticleReport::new(&survey.file.id, &l.plan, path, &article_lines);
                if let Some(config) = &qa {
                    report.qa = quality(workspace, l, config, &article_lines);
                }
                report
            })
            .collect();
        let mut reduced = (reports, survey::unknown_key_warnings(workspace, &survey));
        let update = use_cache.then(|| {
            let key = survey::files_key(&survey.file, &looked.hashes.unwrap_or_default());
            let with_issues = detail != Detail::Counts;
            cache::Update::Reports(Box::new(cache::Record::new(
                key,
                looked.stamps,
                &reduced,
                with_issues,
            )))
        });
        for report in &mut reduced.0 {
            report.keep(detail);
        }
        Ok((reduced, update))
    };
    let reduced = survey::survey_changed(workspace, read, &articles, false, known, reduce)?;
    let mut kept = std::collections::HashSet::new();
    let mut reports = Vec::with_capacity(reduced.len());
    for (file, (mut value, update)) in articles.iter().zip(reduced) {
        kept.insert(file.id.as_str());
        if let Some(update) = update {
            cache.update(&file.id, update);
        }
        // Where the article is now, whether its reports are new or cached.
        let article_path = workspace.display_path(&file.path);
        for report in &mut value.0 {
            report.article_path.clone_from(&article_path);
        }
        reports.push(value);
    }
    // A partial run (named articles, a partition, --since) keeps the others.
    if !partial {
        cache.retain(&kept);
    }
    cache.save();
    // Orphans are known only when every article was looked at (a partition
    // takes its share of them below).
    let mut orphans = if names.is_empty() && since.is_none() {
        survey::orphans(workspace, &languages, &all)?
    } else {
        Vec::new()
    };
    orphans.retain(|o| partition.is_none_or(|p| p.contains(&o.article)));
    let mut per_language: Vec<Vec<ArticleReport>> = vec![Vec::new(); languages.len()];
    let mut warnings = Vec::new();
    for (reports, article_warnings) in reports {
        for (i, report) in reports.into_iter().enumerate() {
            per_language[i].push(report);
        }
        warnings.extend(article_warnings);
    }
    let languages = languages
        .iter()
        .zip(per_language)
        .enumerate()
        .map(|(i, (lang, articles))| {
            let mut report = LanguageReport::new(lang.clone(), articles);
            report.fallback = fallbacks.chain(i);
            report.orphans = orphans
                .iter()
                .filter(|o| o.lang == *lang)
                .map(|o| workspace.display_path(&o.path))
                .collect();
            report
        })
        .collect();
    let report = Report {
        version: crate::report::Version,
        source_lang: workspace.config.source_lang.clone(),
        passed: None,
        partition,
        languages,
    };
    Ok((report, warnings))
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

/// The quality checks' findings on the current and outdated translations of
/// one catalog; an entry's `qa-ignore = ["…"]` switches checks off for it.
fn quality(
    workspace: &Workspace,
    language: &survey::LanguageSurvey,
    config: &QaConfig,
    article_lines: &[usize],
) -> Vec<QaIssue> {
    let entries = language.entries_by_id();
    let mut issues = Vec::new();
    for (index, judged) in language.plan.entries.iter().enumerate() {
        if !matches!(judged.state, State::Translated | State::Outdated) {
            continue;
        }
        let Some(entry) = entries.get(judged.id.as_str()) else {
            continue;
        };
        let ignored: Vec<Check> = entry
            .strings("qa-ignore")
            .iter()
            .filter_map(|id| Check::from_id(id))
            .collect();
        let findings = qa::check_entry(
            &judged.source,
            &entry.translation,
            workspace.config.source_lang.as_str(),
            language.plan.lang.as_str(),
            config,
            &ignored,
        );
        issues.extend(findings.into_iter().map(|finding| QaIssue {
            id: judged.id.clone(),
            line: judged.line,
            article_line: article_lines.get(index).copied(),
            finding,
        }));
    }
    issues
}

/// A hash of everything besides the files that a report depends on: the
/// configuration, the languages asked for and the program itself.
pub(super) fn settings_key(workspace: &Workspace, languages: &[Lang], program_id: u64) -> u64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(&program_id.to_le_bytes());
    hasher.update(&workspace.config_hash.to_le_bytes());
    for lang in languages {
        hasher.update(lang.as_str().as_bytes());
        hasher.update(b"\0");
    }
    hasher.digest()
}

pub(super) fn with_warnings(warnings: Vec<survey::UnknownKey>, ui: Ui) -> String {
    warnings
        .iter()
        .map(|w| ui.text(&w.message()) + "\n")
        .collect()
}
