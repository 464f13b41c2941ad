//! The result cache of `status` and `check`: for each article, the reports
//! made from it last time, with a hash of every input they came from (the
//! article, its template, its catalogs and those of their fallback
//! languages) and how those files looked on disk.
//! An article whose inputs did not change is not parsed, segmented or
//! planned again.
//!
//! Whether an input changed is decided by its contents' hash; a settled
//! file's [`Stamp`] stands in for it, so that a run where nothing changed
//! reads no file at all.
//!
//! The file holds a small index (per article: hash, stamps, counts,
//! warnings) and, after it, each article's issues, read only when the
//! output shows them: a plain `status` reads the index alone.
//!
//! The cache is a convenience, never a source of truth: a file that does not
//! decode, was written by another version or for other settings, or does
//! not match is ignored and rebuilt. A file that decodes is not enough: the
//! header holds a checksum of the index, and the index one of each
//! article's issues, checked when they are read (lazily, like the issues
//! themselves), so that a changed byte (a bad disk, a stray write, a hand
//! edit) makes a fresh run, never a wrong answer. The checksums guard
//! against accidents, not against someone who means to forge a cache: such
//! a person can edit the catalogs themselves. It lives in `.l10n/cache/` (git-ignored)
//! and is replaced atomically, through a temporary file named after the
//! writing process; the writer sweeps those of dead runs (readers hold no
//! lock, so a file of a live run is left alone).
use std::collections::{HashMap, HashSet};
use std::fs::{self, File};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::changes::Reason;
use crate::lang::Lang;
use crate::plan::State;
use crate::qa::{Check, Finding, Severity};
use crate::report::{ArticleReport, Counts, Detail, Issue, QaIssue};
use crate::store::Stamp;
use crate::survey::{self, Looked, UnknownKey};
use crate::ui::{Message, StoredMessage};
use crate::workspace::ArticleFile;

/// The cache of `status` and `check`.
pub const REPORTS: &str = ".l10n/cache/reports.bin";
/// The cache of `extract`: per article, the counts of the catalogs it left
/// (see `commands::extract`).
pub const EXTRACT: &str = ".l10n/cache/extract.bin";
const MAGIC: &[u8; 8] = b"l10ncach";
/// Bumped whenever the stored shape changes.
const FORMAT: u32 = 11;
/// The magic, the index's length and its checksum.
const HEADER: u64 = 24;

/// What the cache knows of one article.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Meta {
    /// The hash of the inputs' paths and contents.
    key: u64,
    /// One per input, in the order the caller gave them.
    stamps: Vec<Stamp>,
    /// One per language: the catalog as shown, and its counts.
    summaries: Vec<(String, Counts)>,
    warnings: Vec<UnknownKey>,
    /// Where the issues are, in the section after the index; none (length
    /// 0) when they were not kept: a run that shows only counts does not
    /// spend time keeping what it did not need, and a run that needs them
    /// later makes them again.
    offset: u64,
    len: u64,
    /// The checksum of those issues' bytes.
    sum: u64,
}

#[derive(Debug)]
enum Issues {
    /// In the cache file read at the start.
    Stored,
    /// Made in this run, encoded.
    New(Vec<u8>),
}

/// One article's reports (in each language) and the warnings its files
/// raised.
pub type Reduced = (Vec<ArticleReport>, Vec<UnknownKey>);

/// What a run learned about one article, to remember next time.
#[derive(Debug)]
pub enum Update {
    /// The inputs were read and found unchanged: only the stamps are new.
    Stamps(Vec<Stamp>),
    /// The reports were made anew.
    Reports(Box<Record>),
}

/// An article's reports, ready to be kept.
#[derive(Debug)]
pub struct Record {
    meta: Meta,
    issues: Vec<u8>,
}

impl Record {
    /// Keeps `reports` and `warnings`, made from inputs hashing to `key`
    /// that looked like `stamps`; the reports' issues (all of them) only
    /// `with_issues`.
    pub fn new(key: u64, stamps: Vec<Stamp>, reduced: &Reduced, with_issues: bool) -> Record {
        let (reports, warnings) = reduced;
        let issues = if with_issues {
            let issues: Vec<StoredIssuesRef> = reports.iter().map(to_stored).collect();
            postcard::to_allocvec(&issues).unwrap_or_default()
        } else {
            Vec::new()
        };
        Record {
            meta: Meta {
                key,
                stamps,
                summaries: reports
                    .iter()
                    .map(|r| (r.catalog.clone(), r.counts.clone()))
                    .collect(),
                warnings: warnings.clone(),
                offset: 0,
                len: 0,
                sum: 0,
            },
            issues,
        }
    }
}

#[derive(Debug, Default)]
pub struct Cache {
    path: PathBuf,
    /// The settings the reports depend on besides the files.
    salt: u64,
    /// Whether the cache is in use at all.
    enabled: bool,
    entries: HashMap<String, (Meta, Issues)>,
    /// The cache file as read, and where its issues section starts.
    stored: Option<Mutex<(File, u64)>>,
    changed: bool,
}

#[derive(Serialize, Deserialize)]
struct Index {
    format: u32,
    salt: u64,
    entries: Vec<(String, Meta)>,
}

impl Cache {
    /// The cache in `file` ([`REPORTS`], [`EXTRACT`]) of the workspace at
    /// `root` for reports made with settings hashing to `salt`; empty if
    /// there is none or it cannot be trusted.
    pub fn load(root: &Path, file: &str, salt: u64) -> Cache {
        let path = root.join(file);
        let mut cache = Cache {
            path,
            salt,
            enabled: true,
            ..Cache::default()
        };
        if let Some((index, file, start)) = read_index(&cache.path)
            && index.format == FORMAT
            && index.salt == salt
        {
            cache.entries = index
                .entries
                .into_iter()
                .map(|(article, meta)| (article, (meta, Issues::Stored)))
                .collect();
            cache.stored = Some(Mutex::new((file, start)));
        }
        cache
    }

    /// What the cache knows of `article`, with the issues `detail` asks
    /// for, as `looked` found its files: by their stamps before they were
    /// read (nothing new to remember), by their contents' hashes after
    /// (their stamps to remember).
    pub fn recall(
        &self,
        article: &ArticleFile,
        looked: &Looked,
        detail: Detail,
    ) -> Option<(Reduced, Option<Update>)> {
        match &looked.hashes {
            None => Some((self.unchanged(&article.id, &looked.stamps, detail)?, None)),
            Some(hashes) => Some((
                self.matching(&article.id, survey::files_key(article, hashes), detail)?,
                Some(Update::Stamps(looked.stamps.clone())),
            )),
        }
    }

    /// The reports of `article`, with the issues `detail` asks for, if its
    /// inputs still look like `stamps` and every one of them was settled.
    fn unchanged(&self, article: &str, stamps: &[Stamp], detail: Detail) -> Option<Reduced> {
        let (meta, _) = self.entries.get(article)?;
        let settled = stamps.iter().all(Stamp::is_settled);
        if !settled || meta.stamps != stamps {
            return None;
        }
        self.reduced(article, detail)
    }

    /// The reports of `article` if its inputs' contents hash to `key`.
    fn matching(&self, article: &str, key: u64, detail: Detail) -> Option<Reduced> {
        let (meta, _) = self.entries.get(article)?;
        if meta.key != key {
            return None;
        }
        self.reduced(article, detail)
    }

    fn reduced(&self, article: &str, detail: Detail) -> Option<Reduced> {
        let (meta, issues) = self.entries.get(article)?;
        let mut reports: Vec<ArticleReport> = meta
            .summaries
            .iter()
            .map(|(catalog, counts)| ArticleReport {
                article: article.to_string(),
                catalog: catalog.clone(),
                article_path: String::new(),
                counts: counts.clone(),
                issues: Vec::new(),
                qa: Vec::new(),
            })
            .collect();
        let wanted = match detail {
            Detail::Counts => false,
            Detail::Diff => reports
                .iter()
                .any(|r| r.counts.outdated > 0 || r.counts.missing > 0),
            Detail::Everything => true,
        };
        if wanted {
            // Encoded issues are never empty: empty is "not kept".
            let bytes = match issues {
                Issues::New(bytes) if !bytes.is_empty() => bytes.clone(),
                Issues::Stored if meta.len > 0 => self.read_issues(meta)?,
                _ => return None,
            };
            let stored: Vec<StoredIssues> = postcard::from_bytes(&bytes).ok()?;
            if stored.len() != reports.len() {
                return None;
            }
            for (report, stored) in reports.iter_mut().zip(stored) {
                from_stored(report, stored);
                report.keep(detail);
            }
        }
        Some((reports, meta.warnings.clone()))
    }

    fn read_issues(&self, meta: &Meta) -> Option<Vec<u8>> {
        let mut stored = self.stored.as_ref()?.lock().ok()?;
        let (file, start) = &mut *stored;
        let mut bytes = vec![0; usize::try_from(meta.len).ok()?];
        file.seek(SeekFrom::Start(start.checked_add(meta.offset)?))
            .ok()?;
        file.read_exact(&mut bytes).ok()?;
        (checksum(&bytes) == meta.sum).then_some(bytes)
    }

    pub fn update(&mut self, article: &str, update: Update) {
        match update {
            Update::Stamps(stamps) => {
                if let Some((meta, _)) = self.entries.get_mut(article)
                    && meta.stamps != stamps
                {
                    meta.stamps = stamps;
                    self.changed = true;
                }
            }
            Update::Reports(record) => {
                let Record { meta, issues } = *record;
                self.entries
                    .insert(article.to_string(), (meta, Issues::New(issues)));
                self.changed = true;
            }
        }
    }

    /// Forgets articles not in `keep` (deleted, or outside this run).
    pub fn retain(&mut self, keep: &HashSet<&str>) {
        let before = self.entries.len();
        self.entries
            .retain(|article, _| keep.contains(article.as_str()));
        self.changed |= self.entries.len() != before;
    }

    /// Writes the cache back if it changed. Failing to is not an error: the
    /// next run recomputes what it needs.
    pub fn save(self) {
        if self.changed && self.enabled {
            let _ = self.write();
        }
    }

    fn write(mut self) -> Option<()> {
        let mut articles: Vec<String> = self.entries.keys().cloned().collect();
        articles.sort();
        let mut index = Index {
            format: FORMAT,
            salt: self.salt,
            entries: Vec::with_capacity(articles.len()),
        };
        let mut sections = Vec::with_capacity(articles.len());
        let mut offset = 0;
        for article in articles {
            let (mut meta, issues) = self.entries.remove(&article)?;
            let bytes = match issues {
                Issues::New(bytes) => bytes,
                // Issues that fail their checksum are not kept: a run that
                // needs them makes them again.
                Issues::Stored if meta.len > 0 => self.read_issues(&meta).unwrap_or_default(),
                Issues::Stored => Vec::new(),
            };
            meta.offset = offset;
            meta.len = bytes.len() as u64;
            meta.sum = checksum(&bytes);
            offset += meta.len;
            index.entries.push((article, meta));
            sections.push(bytes);
        }
        let index = postcard::to_allocvec(&index).ok()?;
        let dir = self.path.parent()?;
        fs::create_dir_all(dir).ok()?;
        sweep(dir);
        let mut file = tempfile::Builder::new()
            .prefix(&temp_prefix(std::process::id()))
            .suffix(".tmp")
            .tempfile_in(dir)
            .ok()?;
        let mut out = std::io::BufWriter::new(file.as_file_mut());
        out.write_all(MAGIC).ok()?;
        out.write_all(&(index.len() as u64).to_le_bytes()).ok()?;
        out.write_all(&checksum(&index).to_le_bytes()).ok()?;
        out.write_all(&index).ok()?;
        for section in sections {
            out.write_all(&section).ok()?;
        }
        out.flush().ok()?;
        drop(out);
        file.persist(&self.path).ok()?;
        Some(())
    }
}

/// How the cache's temporary files start: the project's prefix and the id
/// of the process writing it, so that another run can tell whether the
/// writer is alive. Readers take no lock, so that is how a file of a
/// killed run is told from one being written right now.
fn temp_prefix(pid: u32) -> String {
    format!("{}cache-{pid}-", crate::store::TEMP_PREFIX)
}

/// A temporary file whose writer seems dead is left this long anyway: a
/// process in another PID namespace (a container sharing the workspace)
/// looks dead from here.
const DEAD_WRITER_GRACE: std::time::Duration = std::time::Duration::from_secs(30);

/// A temporary file untouched this long is stale whoever wrote it (its
/// process id reused, or a name older versions gave: `.tmp` and six
/// characters): writing a cache takes well under a second.
const STALE: std::time::Duration = std::time::Duration::from_secs(3600);

/// Deletes the temporary files killed runs left in the cache folder `dir`.
fn sweep(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let prefix = format!("{}cache-", crate::store::TEMP_PREFIX);
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            continue;
        };
        let writer = name
            .strip_prefix(&prefix)
            .filter(|rest| rest.ends_with(".tmp"))
            .and_then(|rest| rest.split('-').next()?.parse::<u32>().ok());
        let legacy = name.len() == 10 && name.starts_with(".tmp");
        if writer.is_none() && !legacy {
            continue;
        }
        let age = entry
            .metadata()
            .ok()
            .and_then(|m| m.modified().ok())
            .and_then(|t| crate::store::clock_now().duration_since(t).ok())
            .unwrap_or_default();
        let dead = writer.is_some_and(|pid| !alive(pid));
        if age > STALE || (dead && age > DEAD_WRITER_GRACE) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether a process with this id exists (as far as this system shows).
fn alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return false;
        };
        // SAFETY: signal 0 only checks that the process exists.
        let done = unsafe { libc::kill(pid, 0) };
        done == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

/// The index of the cache file at `path`, the file, and where its issues
/// section starts.
fn read_index(path: &Path) -> Option<(Index, File, u64)> {
    let mut file = File::open(path).ok()?;
    let mut header = [0; HEADER as usize];
    file.read_exact(&mut header).ok()?;
    if &header[..8] != MAGIC {
        return None;
    }
    let len = u64::from_le_bytes(header[8..16].try_into().ok()?);
    let sum = u64::from_le_bytes(header[16..24].try_into().ok()?);
    let file_len = file.metadata().ok()?.len();
    if len > file_len.saturating_sub(HEADER) {
        return None;
    }
    let mut bytes = vec![0; usize::try_from(len).ok()?];
    file.read_exact(&mut bytes).ok()?;
    // The index is checked before it is decoded: counts that decode are
    // not therefore the counts that were written.
    if checksum(&bytes) != sum {
        return None;
    }
    let index: Index = postcard::from_bytes(&bytes).ok()?;
    let sections = index
        .entries
        .iter()
        .try_fold(0u64, |total, (_, m)| total.checked_add(m.len))?;
    // A truncated file is not trusted at all.
    if HEADER.checked_add(len)?.checked_add(sections)? != file_len {
        return None;
    }
    Some((index, file, HEADER + len))
}

/// The checksum of a part of the cache file (xxh3: fast enough to check the
/// index on every run, unlike a cryptographic hash, which the cache does
/// not need).
fn checksum(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// One report's issues and quality findings, in a shape a binary format
/// can follow (no flattening, no skipped fields).
type StoredIssues = (Vec<StoredIssue>, Vec<StoredFinding>);
/// An `Issue`: id, state, line, article line, source, previous source,
/// reasons, fallback language.
type StoredIssue = (
    Option<String>,
    State,
    Option<usize>,
    Option<usize>,
    String,
    Option<String>,
    Vec<Reason>,
    Option<Lang>,
);
/// A `QaIssue`: id, line, article line, check, severity, message.
type StoredFinding = (
    String,
    Option<usize>,
    Option<usize>,
    Check,
    Severity,
    StoredMessage,
);
/// [`StoredIssues`] borrowed from the reports, to encode without copying:
/// the same encoding.
type StoredIssuesRef<'a> = (Vec<StoredIssueRef<'a>>, Vec<StoredFindingRef<'a>>);
type StoredIssueRef<'a> = (
    &'a Option<String>,
    State,
    Option<usize>,
    Option<usize>,
    &'a str,
    &'a Option<String>,
    &'a Vec<Reason>,
    &'a Option<Lang>,
);
type StoredFindingRef<'a> = (
    &'a str,
    Option<usize>,
    Option<usize>,
    Check,
    Severity,
    &'a Message,
);

fn to_stored(report: &ArticleReport) -> StoredIssuesRef<'_> {
    let issues = report
        .issues
        .iter()
        .map(|i| {
            (
                &i.id,
                i.state,
                i.line,
                i.article_line,
                i.source.as_str(),
                &i.previous_source,
                &i.reasons,
                &i.fallback,
            )
        })
        .collect();
    let qa = report
        .qa
        .iter()
        .map(|q| {
            (
                q.id.as_str(),
                q.line,
                q.article_line,
                q.finding.check,
                q.finding.severity,
                &q.finding.message,
            )
        })
        .collect();
    (issues, qa)
}

fn from_stored(report: &mut ArticleReport, (issues, qa): StoredIssues) {
    report.issues = issues
        .into_iter()
        .map(
            |(id, state, line, article_line, source, previous_source, reasons, fallback)| Issue {
                id,
                state,
                line,
                article_line,
                source,
                previous_source,
                reasons,
                fallback,
            },
        )
        .collect();
    report.qa = qa
        .into_iter()
        .map(
            |(id, line, article_line, check, severity, message)| QaIssue {
                id,
                line,
                article_line,
                finding: Finding {
                    check,
                    severity,
                    message: message.0,
                },
            },
        )
        .collect();
}
