//! The result cache of `status` and `check`: for each article, the reports
//! made from it last time, keyed by a hash of every input they came from
//! (the article, its template and catalogs, the configuration and the
//! program itself). An article whose inputs hash the same is not parsed,
//! segmented or planned again.
//!
//! The cache is a convenience, never a source of truth: a file that does not
//! decode, was written by another version, or does not match is ignored and
//! rebuilt. It lives in `.l10n/cache/` (git-ignored) and is replaced
//! atomically.
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::plan::State;
use crate::qa::Finding;
use crate::report::{ArticleReport, Counts, Issue, QaIssue};
use crate::survey::UnknownKey;

const FILE: &str = ".l10n/cache/reports.bin";
/// Bumped whenever the stored shape changes.
const FORMAT: u32 = 3;

/// What one article's survey is reduced to: its report in each language and
/// the warnings it raised.
pub type Reduced = (Vec<ArticleReport>, Vec<UnknownKey>);

#[derive(Debug, Default)]
pub struct Cache {
    path: PathBuf,
    entries: HashMap<String, (u64, Reduced)>,
    changed: bool,
}

#[derive(Serialize, Deserialize)]
struct Stored {
    format: u32,
    entries: Vec<StoredEntry>,
}

#[derive(Serialize, Deserialize)]
struct StoredEntry {
    article: String,
    key: u64,
    reports: Vec<StoredReport>,
    warnings: Vec<UnknownKey>,
}

/// `ArticleReport` without the serde attributes a binary format cannot
/// follow (flattening, skipped fields).
#[derive(Serialize, Deserialize)]
struct StoredReport {
    article: String,
    catalog: String,
    counts: [usize; 7],
    issues: Vec<StoredIssue>,
    /// Quality findings: id, line, check, severity, message.
    qa: Vec<(
        String,
        Option<usize>,
        crate::qa::Check,
        crate::qa::Severity,
        crate::ui::Message,
    )>,
}

/// An `Issue`: id, state, line, source, previous source.
type StoredIssue = (Option<String>, State, Option<usize>, String, Option<String>);

impl Cache {
    /// The cache of the workspace at `root`; empty if there is none or it
    /// cannot be trusted.
    pub fn load(root: &Path) -> Cache {
        let path = root.join(FILE);
        let entries = fs::read(&path)
            .ok()
            .and_then(|bytes| postcard::from_bytes::<Stored>(&bytes).ok())
            .filter(|stored| stored.format == FORMAT)
            .map(|stored| {
                stored
                    .entries
                    .into_iter()
                    .map(|e| {
                        (
                            e.article,
                            (
                                e.key,
                                (e.reports.into_iter().map(from_stored).collect(), e.warnings),
                            ),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        Cache {
            path,
            entries,
            changed: false,
        }
    }

    /// The reports of `article` if they were made from inputs hashing to `key`.
    pub fn get(&self, article: &str, key: u64) -> Option<&Reduced> {
        self.entries
            .get(article)
            .filter(|(stored, _)| *stored == key)
            .map(|(_, reduced)| reduced)
    }

    pub fn insert(&mut self, article: &str, key: u64, reduced: Reduced) {
        self.entries.insert(article.to_string(), (key, reduced));
        self.changed = true;
    }

    /// Forgets articles not in `keep` (deleted, or outside this run).
    pub fn retain(&mut self, keep: &std::collections::HashSet<&str>) {
        let before = self.entries.len();
        self.entries
            .retain(|article, _| keep.contains(article.as_str()));
        self.changed |= self.entries.len() != before;
    }

    /// Writes the cache back if it changed. Failing to is not an error: the
    /// next run recomputes what it needs.
    pub fn save(self) {
        if !self.changed {
            return;
        }
        let mut entries: Vec<StoredEntry> = self
            .entries
            .into_iter()
            .map(|(article, (key, (reports, warnings)))| StoredEntry {
                article,
                key,
                reports: reports.into_iter().map(to_stored).collect(),
                warnings,
            })
            .collect();
        entries.sort_by(|a, b| a.article.cmp(&b.article));
        let stored = Stored {
            format: FORMAT,
            entries,
        };
        let Ok(bytes) = postcard::to_allocvec(&stored) else {
            return;
        };
        let Some(dir) = self.path.parent() else {
            return;
        };
        if fs::create_dir_all(dir).is_err() {
            return;
        }
        if let Ok(mut file) = tempfile::NamedTempFile::new_in(dir) {
            use std::io::Write;
            if file.write_all(&bytes).is_ok() {
                let _ = file.persist(&self.path);
            }
        }
    }
}

fn to_stored(report: ArticleReport) -> StoredReport {
    let c = report.counts;
    StoredReport {
        article: report.article,
        catalog: report.catalog,
        counts: [
            c.segments,
            c.translated,
            c.missing,
            c.outdated,
            c.obsolete,
            c.words,
            c.words_translated,
        ],
        issues: report
            .issues
            .into_iter()
            .map(|i| (i.id, i.state, i.line, i.source, i.previous_source))
            .collect(),
        qa: report
            .qa
            .into_iter()
            .map(|q| {
                (
                    q.id,
                    q.line,
                    q.finding.check,
                    q.finding.severity,
                    q.finding.message,
                )
            })
            .collect(),
    }
}

fn from_stored(stored: StoredReport) -> ArticleReport {
    let [
        segments,
        translated,
        missing,
        outdated,
        obsolete,
        words,
        words_translated,
    ] = stored.counts;
    ArticleReport {
        article: stored.article,
        catalog: stored.catalog,
        counts: Counts {
            segments,
            translated,
            missing,
            outdated,
            obsolete,
            words,
            words_translated,
        },
        issues: stored
            .issues
            .into_iter()
            .map(|(id, state, line, source, previous_source)| Issue {
                id,
                state,
                line,
                source,
                previous_source,
            })
            .collect(),
        qa: stored
            .qa
            .into_iter()
            .map(|(id, line, check, severity, message)| QaIssue {
                id,
                line,
                finding: Finding {
                    check,
                    severity,
                    message,
                },
            })
            .collect(),
    }
}
