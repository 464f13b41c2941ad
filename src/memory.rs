//! The translation memory of one language: every translated pair of the
//! workspace's catalogs (current entries, and obsolete ones that kept a
//! translation) and of the TMX files `memory = [...]` in l10n.toml names,
//! in SQLite with an FTS5 index (`rusqlite`, bundled) at
//! `.l10n/memory-<lang>.sqlite` (git-ignored with the rest of `.l10n/`).
//!
//! It is brought up to date before each use, one file at a time: a file
//! that still looks as its settled [`Stamp`] said is not read, one whose
//! contents hash (xxh3, as the cache's fingerprints) is the one
//! stored is skipped, a changed one has its rows replaced, and the rows of
//! a file that is gone are deleted. Candidates are found by FTS5 (the
//! source's six rarest words in the memory, by `fts5vocab`; the best 50 by
//! how many of them a pair holds, each weighed by its rarity) and scored by
//! [`l10n_core::memory_score`].
//!
//! Lookups run in parallel (the survey's rayon threads): each takes a
//! read-only connection of its own from a pool (a connection serves one
//! thread at a time; WAL lets any number read at once), and a source text
//! is searched and scored once per run however many segments share it.
use std::collections::{HashMap, HashSet};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use rayon::prelude::*;
use rusqlite::{Connection, OpenFlags, params};

use crate::error::{Error, Result};
use crate::interchange::Format;
use crate::lang::Lang;
use crate::memory_score;
use crate::msg;
use crate::store::{self, Stamp};
use crate::workspace::{ArticleFile, Workspace};

/// The version of the tables' shape (SQLite's `user_version`).
const SHAPE: i64 = 3;

/// How many of a source's words (the rarest in the memory) find the
/// candidates.
const RAREST: usize = 6;

/// How many files are read and parsed at once while the ones before are
/// written (see `Memory::update`).
const JUDGED_AT_ONCE: usize = 256;

/// How many candidates a lookup scores: see `Reader::similar`.
const CANDIDATES: usize = 50;

/// One pair the memory offers for a source.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Match {
    pub score: u8,
    pub source: String,
    pub translation: String,
    /// `article#id`, or the TMX file as l10n.toml names it.
    pub from: String,
    #[serde(skip)]
    pub obsolete: bool,
}

/// An open, up-to-date memory. It is `Sync`: lookups may come from many
/// threads at once.
pub struct Memory {
    /// The connection that writes (brings the memory up to date).
    db: Mutex<Connection>,
    path: PathBuf,
    /// Read-only connections not in use; a lookup that finds none opens one.
    readers: Mutex<Vec<Reader>>,
    /// The candidates of each source text looked up, scored, at or above
    /// the least score they were asked for, before a segment's own entry
    /// is left out.
    looked_up: Mutex<LookedUp>,
}

fn sql_error(path: &Path) -> impl Fn(rusqlite::Error) -> Error + '_ {
    move |e| Error::Write {
        path: path.to_path_buf(),
        source: io::Error::other(e),
    }
}

/// One row to store.
struct Row {
    source: String,
    translation: String,
    from: String,
    obsolete: bool,
}

impl Memory {
    /// Opens the memory of `lang` and brings it up to date with the
    /// catalogs of `articles` (all of the workspace's, as
    /// `Workspace::articles` lists them) and the TMX files.
    pub fn open(workspace: &Workspace, lang: &Lang, articles: &[ArticleFile]) -> Result<Memory> {
        let dir = workspace.root.join(".l10n");
        std::fs::create_dir_all(&dir).map_err(|source| Error::Write {
            path: dir.clone(),
            source,
        })?;
        let path = dir.join(format!("memory-{lang}.sqlite"));
        // A file that is no memory of this shape (damaged, not SQLite) is
        // removed and built again: the memory is a cache of the catalogs.
        // Damage inside a valid header shows only when the update reads
        // the damaged pages, so that is caught too. A memory another run
        // is writing is waited for (`BUSY_WAIT`), never removed.
        let db = match connect(&path) {
            Ok(db) => db,
            Err(e) if is_busy(&e) => return Err(sql_error(&path)(e)),
            Err(_) => {
                remove_memory(&path);
                connect(&path).map_err(sql_error(&path))?
            }
        };
        let mut memory = Memory::new(db, path.clone());
        match memory.update(workspace, lang, articles) {
            Err(e) if is_damage(&e) => {
                drop(memory);
                remove_memory(&path);
                let db = connect(&path).map_err(sql_error(&path))?;
                memory = Memory::new(db, path);
                memory.update(workspace, lang, articles)?;
            }
            done => done?,
        }
        Ok(memory)
    }

    fn new(db: Connection, path: PathBuf) -> Memory {
        Memory {
            db: Mutex::new(db),
            path,
            readers: Mutex::new(Vec::new()),
            looked_up: Mutex::new(HashMap::new()),
        }
    }

    /// Brings every file's rows up to date, as the cache judges files: one
    /// whose settled stamp is unchanged is not read; one whose bytes are
    /// unchanged has only its stamp refreshed; a changed one has its rows
    /// replaced; a gone one's rows are deleted. The files are read and
    /// parsed in parallel, the rows written in one transaction.
    fn update(
        &mut self,
        workspace: &Workspace,
        lang: &Lang,
        articles: &[ArticleFile],
    ) -> Result<()> {
        let mut files: Vec<(String, PathBuf, Kind)> = Vec::new();
        for article in articles {
            let path = workspace.catalog_path(lang, &article.id)?;
            let key = workspace.display_path(&path);
            files.push((key, path, Kind::Catalog(article.id.clone())));
        }
        for (index, (tmx, _)) in workspace.config.memory.iter().enumerate() {
            let key = tmx.display().to_string();
            files.push((key, workspace.root.join(tmx), Kind::Tmx(index)));
        }
        let memory = self.path.clone();
        let db = self.db.get_mut().unwrap_or_else(PoisonError::into_inner);
        // The write lock is taken before the stored rows are read: another
        // run updating the memory at the same time is waited for, and what
        // it stored is seen (a deferred transaction could neither upgrade
        // its stale read nor know the rows are there already).
        let tx = db
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(sql_error(&memory))?;
        let stored = stored_files(&tx).map_err(sql_error(&memory))?;
        let mut seen = HashSet::new();
        let mut wrote = false;
        // The files are read and parsed, a chunk at a time in parallel, on
        // another thread while this one writes the chunk before: writing is
        // one thread's work (SQLite has one writer), and a build from
        // scratch spends as long writing as parsing.
        let (send, chunks) = std::sync::mpsc::sync_channel::<Vec<Result<Judged>>>(2);
        std::thread::scope(|scope| -> Result<()> {
            let stored = &stored;
            let files = &files;
            scope.spawn(move || {
                for chunk in files.chunks(JUDGED_AT_ONCE) {
                    let judged = chunk
                        .par_iter()
                        .map(|(key, path, kind)| {
                            judge(workspace, lang, key, path, kind, stored.get(key))
                        })
                        .collect();
                    // The writer stopped (an error): so does this.
                    if send.send(judged).is_err() {
                        break;
                    }
                }
            });
            // Owned here, so that an error returned below drops it and the
            // reading thread, its sends failing, stops instead of waiting.
            let chunks = chunks;
            let judged = chunks.iter().flatten();
            for ((key, _, _), judged) in files.iter().zip(judged) {
                let judged = judged?;
                wrote |= matches!(judged, Judged::Same(_) | Judged::Changed { .. });
                let write = match judged {
                    Judged::Gone => continue,
                    Judged::Settled => Ok(()),
                    Judged::Same(stamp) => set_stamp(&tx, key, stamp),
                    Judged::Changed { hash, stamp, rows } => {
                        replace(&tx, key, hash, stamp, lang, rows, stored.contains_key(key))
                    }
                };
                write.map_err(sql_error(&memory))?;
                seen.insert(key.as_str());
            }
            Ok(())
        })?;
        for gone in stored.keys().filter(|k| !seen.contains(k.as_str())) {
            forget(&tx, gone).map_err(sql_error(&memory))?;
            wrote = true;
        }
        tx.commit().map_err(sql_error(&memory))?;
        // What was written goes from the WAL into the file now, and the WAL
        // is emptied: a WAL left behind (the read-only lookups close last
        // and cannot checkpoint) is read and checksummed whole by the
        // first connection of every later run (SQLite's WAL recovery),
        // seconds for a memory of 600,000 pairs.
        if wrote {
            db.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
                .map_err(sql_error(&memory))?;
        }
        Ok(())
    }

    /// The number of pairs held.
    pub fn len(&self) -> usize {
        self.db
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .query_row("SELECT count(*) FROM units", [], |r| r.get::<_, i64>(0))
            .map_or(0, |n| n as usize)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The best matches for `source` scoring at least `min`, best first, at
    /// most `max`; none from `except` (a segment's own entry, `article#id`)
    /// unless obsolete.
    pub fn matches(&self, source: &str, min: u8, max: usize, except: &str) -> Result<Vec<Match>> {
        let key = (source.to_string(), min, max);
        let known = self.lock_looked_up().get(&key).cloned();
        let candidates = match known {
            Some(candidates) => candidates,
            None => {
                let mut reader = self.reader()?;
                // One more than asked: `except` may take one away.
                let found = reader
                    .candidates(source, min, max + 1)
                    .map_err(sql_error(&self.path));
                self.readers
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .push(reader);
                let found = Arc::new(found?);
                self.lock_looked_up().insert(key, Arc::clone(&found));
                found
            }
        };
        let mut found: Vec<Match> = candidates
            .iter()
            .filter(|m| m.obsolete || m.from != except)
            .cloned()
            .collect();
        found.dedup_by(|a, b| a.source == b.source && a.translation == b.translation);
        found.truncate(max);
        Ok(found)
    }

    fn lock_looked_up(&self) -> std::sync::MutexGuard<'_, LookedUp> {
        self.looked_up
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// A reader for one lookup: one from the pool, or a new one.
    fn reader(&self) -> Result<Reader> {
        let idle = self
            .readers
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .pop();
        match idle {
            Some(reader) => Ok(reader),
            None => Reader::open(&self.path).map_err(sql_error(&self.path)),
        }
    }
}

/// The candidates of each source text looked up, by the text, the least
/// score and how many were enough (see [`Memory::matches`]).
type LookedUp = HashMap<(String, u8, usize), Arc<Vec<Match>>>;

/// A read-only connection to the memory, and the number of pairs holding
/// each word it was asked about (words recur from sentence to sentence).
struct Reader {
    db: Connection,
    holding: HashMap<String, i64>,
    /// How many pairs the memory holds, once asked.
    pairs: Option<i64>,
}

impl Reader {
    fn open(path: &Path) -> rusqlite::Result<Reader> {
        let db = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        db.busy_timeout(BUSY_WAIT)?;
        // Mapped, the pages are read without a copy for each connection.
        db.execute_batch(
            "PRAGMA mmap_size = 1073741824;
             CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, units, row);",
        )?;
        Ok(Reader {
            db,
            holding: HashMap::new(),
            pairs: None,
        })
    }

    /// The pairs whose source scores at least `min` for `source`, best
    /// first (ties: current before obsolete, then by origin and
    /// translation): the identical sources (found by their hash), then,
    /// unless those are `enough` or only identical ones were asked for,
    /// those FTS5 finds by the source's rarest words.
    fn candidates(&mut self, source: &str, min: u8, enough: usize) -> rusqlite::Result<Vec<Match>> {
        let mut found = self.identical(source)?;
        // Identical pairs with the same translation count once (a line of
        // boilerplate translated alike in every article).
        let distinct: HashSet<&str> = found.iter().map(|m| m.translation.as_str()).collect();
        if min < 100 && distinct.len() < enough {
            for m in self.similar(source)? {
                if m.source == source {
                    continue;
                }
                if let Some(score) = memory_score::score_at_least(source, &m.source, min) {
                    found.push(Match { score, ..m });
                }
            }
        }
        found.sort_by(|a, b| {
            (b.score, a.obsolete, &a.from, &a.translation).cmp(&(
                a.score,
                b.obsolete,
                &b.from,
                &b.translation,
            ))
        });
        Ok(found)
    }

    /// The pairs whose source is `source`, scored 100.
    fn identical(&self, source: &str) -> rusqlite::Result<Vec<Match>> {
        let mut statement = self.db.prepare_cached(
            "SELECT u.source, u.translation, u.origin, u.obsolete
             FROM unit_keys k JOIN units u ON u.rowid = k.unit WHERE k.hash = ?1",
        )?;
        let rows = statement
            .query_map([hash(source.as_bytes())], unit)?
            .collect::<rusqlite::Result<Vec<Match>>>()?;
        Ok(rows
            .into_iter()
            .filter(|m| m.source == source)
            .map(|m| Match { score: 100, ..m })
            .collect())
    }

    /// The best [`CANDIDATES`] pairs holding any of the source's rarest
    /// words, not scored yet.
    fn similar(&mut self, source: &str) -> rusqlite::Result<Vec<Match>> {
        let words = memory_score::words(source);
        // The rarest words only (fewest pairs hold them): a query of every
        // word would rank nearly the whole memory for "the".
        let mut counted: Vec<(i64, String)> = Vec::new();
        let mut seen = HashSet::new();
        for word in &words {
            let word = word.to_lowercase();
            if !seen.insert(word.clone()) {
                continue;
            }
            let doc = match self.holding.get(&word) {
                Some(doc) => *doc,
                None => {
                    let doc: i64 = self
                        .db
                        .prepare_cached("SELECT doc FROM vocab WHERE term = ?1")?
                        .query_row([&word], |r| r.get(0))
                        .unwrap_or_default();
                    self.holding.insert(word.clone(), doc);
                    doc
                }
            };
            if doc > 0 {
                counted.push((doc, word));
            }
        }
        counted.sort();
        // The pairs holding the most of the rarest words, each word weighed
        // by its rarity (bm25's idf, ln(pairs / holding)): bm25 without its
        // length and frequency terms. Found from the words' lists of pairs
        // alone (FTS5 reads no text and no length for `rowid`), where
        // `ORDER BY bm25` read each matching pair's length, a B-tree seek
        // for every one of the tens of thousands that hold any of six words.
        let pairs = self.pairs()? as f64 + 1.0;
        let mut weighed: HashMap<i64, f64> = HashMap::new();
        let mut rowids = self
            .db
            .prepare_cached("SELECT rowid FROM units WHERE units MATCH ?1")?;
        for (doc, word) in counted.iter().take(RAREST) {
            let weight = (pairs / *doc as f64).ln().max(f64::EPSILON);
            let phrase = format!("\"{}\"", word.replace('"', "\"\""));
            let mut rows = rowids.query([phrase])?;
            while let Some(row) = rows.next()? {
                *weighed.entry(row.get(0)?).or_default() += weight;
            }
        }
        let mut best: Vec<(i64, f64)> = weighed.into_iter().collect();
        best.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        best.truncate(CANDIDATES);
        let mut unit_at = self.db.prepare_cached(
            "SELECT source, translation, origin, obsolete FROM units WHERE rowid = ?1",
        )?;
        best.iter()
            .map(|(rowid, _)| unit_at.query_row([rowid], unit))
            .collect()
    }

    /// How many pairs the memory holds (asked once per reader).
    fn pairs(&mut self) -> rusqlite::Result<i64> {
        if let Some(pairs) = self.pairs {
            return Ok(pairs);
        }
        let pairs = self
            .db
            .query_row("SELECT count(*) FROM unit_keys", [], |r| r.get(0))?;
        self.pairs = Some(pairs);
        Ok(pairs)
    }
}

/// A pair as a query of `source, translation, origin, obsolete` returns it.
fn unit(row: &rusqlite::Row) -> rusqlite::Result<Match> {
    Ok(Match {
        score: 0,
        source: row.get(0)?,
        translation: row.get(1)?,
        from: row.get(2)?,
        obsolete: row.get::<_, i64>(3)? != 0,
    })
}

/// How long a run waits for another run's write to the memory (a
/// concurrent `suggest` or `extract --fill` bringing it up to date) before
/// it gives up with an error.
const BUSY_WAIT: std::time::Duration = std::time::Duration::from_secs(60);

/// Whether `e` says another connection holds the memory's lock.
fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

/// Whether `e` (from [`sql_error`]) says the memory file is damaged.
fn is_damage(e: &Error) -> bool {
    let Error::Write { source, .. } = e else {
        return false;
    };
    let code = source
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<rusqlite::Error>())
        .and_then(rusqlite::Error::sqlite_error_code);
    matches!(
        code,
        Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
    )
}

/// Removes the memory at `path` and its WAL files, to build it again.
fn remove_memory(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(name);
    }
}

/// Opens the memory at `path` in the current shape (see [`SHAPE`]).
fn connect(path: &Path) -> rusqlite::Result<Connection> {
    let db = Connection::open(path)?;
    db.busy_timeout(BUSY_WAIT)?;
    // A memory of another shape (an older version's) is dropped and
    // built again: it is a cache of the catalogs, never the truth.
    let version: i64 = db.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version != SHAPE {
        db.execute_batch(&format!(
            "DROP TABLE IF EXISTS files; DROP TABLE IF EXISTS units;
             DROP TABLE IF EXISTS unit_keys; PRAGMA user_version = {SHAPE};"
        ))?;
    }
    // `synchronous = OFF`: no fsync. A crash of the machine may lose or
    // damage the last update; the memory is a cache of the catalogs that
    // can always be built again (deleting it is enough; a file that is no
    // memory is rebuilt by `Memory::open`), so no run pays for durability
    // it does not need.
    // The index keeps which pairs hold a word and nothing more (`detail =
    // none`: no positions; `columnsize = 0`: no lengths): a lookup asks
    // only that (see `Reader::similar`), and a build writes half as much.
    // `unit_keys` finds a file's rows (to replace them) and a source's
    // identical ones (by the hash of its text) without scanning `units`.
    db.execute_batch(
        "PRAGMA journal_mode = WAL;
         PRAGMA synchronous = OFF;
         PRAGMA cache_size = -16384;
         CREATE TABLE IF NOT EXISTS files (
             path TEXT PRIMARY KEY, hash INTEGER NOT NULL, stamp BLOB);
         CREATE VIRTUAL TABLE IF NOT EXISTS units USING fts5(
             source, translation UNINDEXED, lang UNINDEXED, origin UNINDEXED,
             obsolete UNINDEXED, file UNINDEXED, detail = none, columnsize = 0);
         CREATE TABLE IF NOT EXISTS unit_keys (
             unit INTEGER PRIMARY KEY, file TEXT NOT NULL, hash INTEGER NOT NULL);
         CREATE INDEX IF NOT EXISTS unit_keys_file ON unit_keys (file);
         CREATE INDEX IF NOT EXISTS unit_keys_hash ON unit_keys (hash);",
    )?;
    Ok(db)
}

/// The rows of a catalog: its current translations and its obsolete ones
/// that have a translation, each from `article#id`.
fn catalog_rows(catalog: &crate::catalog::Catalog, article: &str) -> Vec<Row> {
    let current = catalog
        .segments
        .iter()
        .filter(|e| e.is_translated() && e.previous_source.is_none())
        .map(|e| (e, false));
    let obsolete = catalog
        .obsolete
        .iter()
        .filter(|e| e.is_translated())
        .map(|e| (e, true));
    current
        .chain(obsolete)
        .map(|(e, obsolete)| Row {
            source: e.source.clone(),
            translation: e.translation.clone(),
            from: format!("{article}#{}", e.id),
            obsolete,
        })
        .collect()
}

fn hash(bytes: &[u8]) -> i64 {
    store::Fingerprint::of(bytes).hash as i64
}

/// What a file of the memory holds now, judged against what is stored.
enum Judged {
    /// Not there (a catalog not written yet): its rows go, if any.
    Gone,
    /// It still looks as it did, settled, when its rows were stored: not read.
    Settled,
    /// Read, and its bytes are the stored ones: only its stamp is new.
    Same(Stamp),
    /// Read and changed: these rows replace its stored ones.
    Changed {
        hash: i64,
        stamp: Stamp,
        rows: Vec<Row>,
    },
}

/// Which kind of file a memory file is.
enum Kind {
    /// The catalog of this article.
    Catalog(String),
    /// The TMX file at this index of `memory = [...]`.
    Tmx(usize),
}

/// What is stored of each file: its contents' hash and its stamp.
fn stored_files(db: &Connection) -> rusqlite::Result<HashMap<String, (i64, Option<Stamp>)>> {
    let mut query = db.prepare("SELECT path, hash, stamp FROM files")?;
    let rows = query.query_map([], |row| {
        let stamp: Option<Vec<u8>> = row.get(2)?;
        let stamp = stamp.and_then(|b| postcard::from_bytes::<Stamp>(&b).ok());
        Ok((row.get::<_, String>(0)?, (row.get::<_, i64>(1)?, stamp)))
    })?;
    rows.collect()
}

/// Reads (unless settled) and judges one file; see [`Judged`].
fn judge(
    workspace: &Workspace,
    lang: &Lang,
    key: &str,
    path: &Path,
    kind: &Kind,
    stored: Option<&(i64, Option<Stamp>)>,
) -> Result<Judged> {
    let metadata = std::fs::metadata(path);
    let stamp = Stamp::of(&metadata, store::clock_now());
    let settled = stored
        .and_then(|(_, stamp)| stamp.as_ref())
        .is_some_and(|stamp| metadata.as_ref().is_ok_and(|now| stamp.still(now)));
    if settled {
        return Ok(Judged::Settled);
    }
    let bytes = match kind {
        Kind::Catalog(_) => store::read_optional(path)?,
        Kind::Tmx(index) => {
            let (tmx, at) = &workspace.config.memory[*index];
            let bad = |reason: String| {
                Error::invalid(
                    at.clone(),
                    msg!(
                        "error-memory-file",
                        path = tmx.display().to_string(),
                        reason = reason
                    ),
                    msg!("help-memory-file"),
                )
            };
            match store::read_optional(path) {
                Ok(Some(bytes)) => Some(bytes),
                Ok(None) => return Err(bad(io::ErrorKind::NotFound.to_string())),
                Err(e) => return Err(bad(e.to_string())),
            }
        }
    };
    let Some(bytes) = bytes else {
        return Ok(Judged::Gone);
    };
    let hash = hash(&bytes);
    if stored.is_some_and(|(stored, _)| *stored == hash) {
        return Ok(Judged::Same(stamp));
    }
    let rows = match kind {
        Kind::Catalog(article) => {
            let file = store::from_bytes(path, bytes, Stamp::Unknown, article, lang)?;
            catalog_rows(&file.catalog, article)
        }
        Kind::Tmx(_) => {
            let text = String::from_utf8_lossy(&bytes);
            Format::Tmx
                .read(path, &text)?
                .iter()
                .filter(|s| s.lang.as_deref().is_none_or(|l| l == lang.as_str()))
                .flat_map(|s| &s.units)
                .filter(|u| !u.translation.trim().is_empty())
                .map(|u| Row {
                    source: u.source.clone(),
                    translation: u.translation.clone(),
                    from: key.to_string(),
                    obsolete: false,
                })
                .collect()
        }
    };
    Ok(Judged::Changed { hash, stamp, rows })
}

/// Remembers how the file of `key` looked just before it was read.
fn set_stamp(db: &Connection, key: &str, stamp: Stamp) -> rusqlite::Result<()> {
    let bytes = postcard::to_allocvec(&stamp).unwrap_or_default();
    db.prepare_cached("UPDATE files SET stamp = ?2 WHERE path = ?1")?
        .execute(params![key, bytes])?;
    Ok(())
}

/// Deletes the rows of the file of `key`, and the file.
fn forget(db: &Connection, key: &str) -> rusqlite::Result<()> {
    db.prepare_cached(
        "DELETE FROM units WHERE rowid IN (SELECT unit FROM unit_keys WHERE file = ?1)",
    )?
    .execute([key])?;
    db.prepare_cached("DELETE FROM unit_keys WHERE file = ?1")?
        .execute([key])?;
    db.prepare_cached("DELETE FROM files WHERE path = ?1")?
        .execute([key])?;
    Ok(())
}

/// Replaces the rows of the file of `key` (`known`: it had some) by `rows`.
fn replace(
    db: &Connection,
    key: &str,
    hash: i64,
    stamp: Stamp,
    lang: &Lang,
    rows: Vec<Row>,
    known: bool,
) -> rusqlite::Result<()> {
    if known {
        forget(db, key)?;
    }
    let mut insert = db.prepare_cached(
        "INSERT INTO units (source, translation, lang, origin, obsolete, file)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let mut index =
        db.prepare_cached("INSERT INTO unit_keys (unit, file, hash) VALUES (?1, ?2, ?3)")?;
    for row in rows {
        let source_hash = self::hash(row.source.as_bytes());
        insert.execute(params![
            row.source,
            row.translation,
            lang.as_str(),
            row.from,
            row.obsolete as i64,
            key
        ])?;
        index.execute(params![db.last_insert_rowid(), key, source_hash])?;
    }
    let stamp = postcard::to_allocvec(&stamp).unwrap_or_default();
    db.prepare_cached("INSERT OR REPLACE INTO files (path, hash, stamp) VALUES (?1, ?2, ?3)")?
        .execute(params![key, hash, stamp])?;
    Ok(())
}
