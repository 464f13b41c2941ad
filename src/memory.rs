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
//! source's six rarest words in the memory, by `fts5vocab`, OR-ed; best 50
//! by bm25) and scored by
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

use rusqlite::{Connection, OpenFlags, params};

use crate::error::{Error, Result};
use crate::interchange::Format;
use crate::lang::Lang;
use crate::memory_score;
use crate::msg;
use crate::store::{self, Stamp};
use crate::workspace::Workspace;

/// The version of the tables' shape (SQLite's `user_version`).
const SHAPE: i64 = 1;

/// How many of a source's words (the rarest in the memory) find the
/// candidates.
const RAREST: usize = 6;

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
    readers: Mutex<Vec<Connection>>,
    /// The candidates of each source text looked up, scored, at or above
    /// the least score they were asked for, before a segment's own entry
    /// is left out (the key: the text and that least score).
    looked_up: Mutex<HashMap<(String, u8), Arc<Vec<Match>>>>,
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
    /// workspace's catalogs and TMX files.
    pub fn open(workspace: &Workspace, lang: &Lang) -> Result<Memory> {
        let dir = workspace.root.join(".l10n");
        std::fs::create_dir_all(&dir).map_err(|source| Error::Write {
            path: dir.clone(),
            source,
        })?;
        let path = dir.join(format!("memory-{lang}.sqlite"));
        // A file that is no memory of this shape (damaged, not SQLite) is
        // removed and built again: the memory is a cache of the catalogs.
        let db = match connect(&path) {
            Ok(db) => db,
            Err(_) => {
                for suffix in ["", "-wal", "-shm"] {
                    let mut name = path.clone().into_os_string();
                    name.push(suffix);
                    let _ = std::fs::remove_file(name);
                }
                connect(&path).map_err(sql_error(&path))?
            }
        };
        let mut memory = Memory {
            db: Mutex::new(db),
            path,
            readers: Mutex::new(Vec::new()),
            looked_up: Mutex::new(HashMap::new()),
        };
        memory.update(workspace, lang)?;
        Ok(memory)
    }

    fn update(&mut self, workspace: &Workspace, lang: &Lang) -> Result<()> {
        let mut seen = HashSet::new();
        let db = self.db.get_mut().unwrap_or_else(PoisonError::into_inner);
        let tx = db.transaction().map_err(sql_error(&self.path))?;
        for article in workspace.articles()? {
            let path = workspace.catalog_path(lang, &article.id)?;
            let key = workspace.display_path(&path);
            let rows = |bytes| {
                let file = store::from_bytes(&path, bytes, Stamp::Unknown, &article.id, lang)?;
                Ok(catalog_rows(&file.catalog, &article.id))
            };
            let read = || store::read_optional(&path);
            if refresh(&tx, &self.path, lang, &key, &path, read, rows)? {
                seen.insert(key);
            }
        }
        for (tmx, at) in &workspace.config.memory {
            let path = workspace.root.join(tmx);
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
            let key = tmx.display().to_string();
            let read = || match store::read_optional(&path) {
                Ok(Some(bytes)) => Ok(Some(bytes)),
                Ok(None) => Err(bad(io::ErrorKind::NotFound.to_string())),
                Err(e) => Err(bad(e.to_string())),
            };
            let rows = |bytes: Vec<u8>| {
                let text = String::from_utf8_lossy(&bytes);
                let sections = Format::Tmx.read(&path, &text)?;
                Ok(sections
                    .iter()
                    .filter(|s| s.lang.as_deref().is_none_or(|l| l == lang.as_str()))
                    .flat_map(|s| &s.units)
                    .filter(|u| !u.translation.trim().is_empty())
                    .map(|u| Row {
                        source: u.source.clone(),
                        translation: u.translation.clone(),
                        from: key.clone(),
                        obsolete: false,
                    })
                    .collect())
            };
            if refresh(&tx, &self.path, lang, &key, &path, read, rows)? {
                seen.insert(key);
            }
        }
        let known: Vec<String> = {
            let mut query = tx
                .prepare("SELECT path FROM files")
                .map_err(sql_error(&self.path))?;
            query
                .query_map([], |row| row.get(0))
                .and_then(|rows| rows.collect())
                .map_err(sql_error(&self.path))?
        };
        for gone in known.iter().filter(|k| !seen.contains(*k)) {
            tx.execute("DELETE FROM units WHERE file = ?1", [gone])
                .and_then(|_| tx.execute("DELETE FROM files WHERE path = ?1", [gone]))
                .map_err(sql_error(&self.path))?;
        }
        tx.commit().map_err(sql_error(&self.path))
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
        let key = (source.to_string(), min);
        let known = self.lock_looked_up().get(&key).cloned();
        let candidates = match known {
            Some(candidates) => candidates,
            None => {
                let reader = self.reader()?;
                let found = candidates(&reader, source, min).map_err(sql_error(&self.path));
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

    fn lock_looked_up(&self) -> std::sync::MutexGuard<'_, HashMap<(String, u8), Arc<Vec<Match>>>> {
        self.looked_up
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// A read-only connection for one lookup: one from the pool, or a new one.
    fn reader(&self) -> Result<Connection> {
        let idle = self
            .readers
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .pop();
        match idle {
            Some(reader) => Ok(reader),
            None => open_reader(&self.path).map_err(sql_error(&self.path)),
        }
    }
}

/// Every pair whose source scores at least `min` for `source`, best first
/// (ties: current before obsolete, then by origin and translation).
fn candidates(db: &Connection, source: &str, min: u8) -> rusqlite::Result<Vec<Match>> {
    let words = memory_score::words(source);
    if words.is_empty() {
        return Ok(Vec::new());
    }
    // The rarest words only (fewest pairs hold them): a query of every
    // word would rank nearly the whole memory for "the".
    let mut counted: Vec<(i64, String)> = Vec::new();
    {
        let mut count = db.prepare_cached("SELECT doc FROM vocab WHERE term = ?1")?;
        let mut seen = HashSet::new();
        for word in &words {
            let word = word.to_lowercase();
            if !seen.insert(word.clone()) {
                continue;
            }
            let doc: i64 = count.query_row([&word], |r| r.get(0)).unwrap_or_default();
            if doc > 0 {
                counted.push((doc, word));
            }
        }
    }
    counted.sort();
    let query: Vec<String> = counted
        .iter()
        .take(RAREST)
        .map(|(_, w)| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    if query.is_empty() {
        return Ok(Vec::new());
    }
    let mut statement = db.prepare_cached(
        "SELECT source, translation, origin, obsolete FROM units
         WHERE units MATCH ?1 ORDER BY bm25(units) LIMIT 50",
    )?;
    let rows = statement
        .query_map([query.join(" OR ")], |row| {
            Ok(Match {
                score: 0,
                source: row.get(0)?,
                translation: row.get(1)?,
                from: row.get(2)?,
                obsolete: row.get::<_, i64>(3)? != 0,
            })
        })?
        .collect::<rusqlite::Result<Vec<Match>>>()?;
    let mut found: Vec<Match> = rows
        .into_iter()
        .map(|mut m| {
            m.score = memory_score::score(source, &m.source);
            m
        })
        .filter(|m| m.score >= min)
        .collect();
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

/// A connection that only reads the memory at `path`, with the vocabulary
/// view [`candidates`] counts words by.
fn open_reader(path: &Path) -> rusqlite::Result<Connection> {
    let db = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    db.execute_batch(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, units, row);",
    )?;
    Ok(db)
}

/// Opens the memory at `path` in the current shape (see [`SHAPE`]).
fn connect(path: &Path) -> rusqlite::Result<Connection> {
    let db = Connection::open(path)?;
    // A memory of another shape (an older version's) is dropped and
    // built again: it is a cache of the catalogs, never the truth.
    let version: i64 = db.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version != SHAPE {
        db.execute_batch(&format!(
            "DROP TABLE IF EXISTS files; DROP TABLE IF EXISTS units;
             PRAGMA user_version = {SHAPE};"
        ))?;
    }
    db.execute_batch(
        "PRAGMA journal_mode = WAL;
         CREATE TABLE IF NOT EXISTS files (
             path TEXT PRIMARY KEY, hash INTEGER NOT NULL, stamp BLOB);
         CREATE VIRTUAL TABLE IF NOT EXISTS units USING fts5(
             source, translation UNINDEXED, lang UNINDEXED, origin UNINDEXED,
             obsolete UNINDEXED, file UNINDEXED);",
    )?;
    Ok(db)
}

/// Brings one file's rows up to date, as the cache judges files: not
/// read when its settled stamp is unchanged; only its stamp refreshed
/// when its bytes are; else its rows replaced by `rows` of its bytes.
/// Whether the file is there (a missing one's rows go at the end).
fn refresh(
    tx: &Connection,
    memory: &Path,
    lang: &Lang,
    key: &str,
    path: &Path,
    read: impl FnOnce() -> Result<Option<Vec<u8>>>,
    rows: impl FnOnce(Vec<u8>) -> Result<Vec<Row>>,
) -> Result<bool> {
    let stamp = Stamp::of(&std::fs::metadata(path), store::clock_now());
    if settled_still(tx, key, path) {
        return Ok(true);
    }
    let Some(bytes) = read()? else {
        return Ok(false);
    };
    let hash = hash(&bytes);
    if stored_hash(tx, key) != Some(hash) {
        replace(tx, key, hash, lang, rows(bytes)?).map_err(sql_error(memory))?;
    }
    set_stamp(tx, key, stamp).map_err(sql_error(memory))?;
    Ok(true)
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

/// Whether the file at `path` still looks as it did, settled, when its
/// rows were stored: then it is not read at all (as the cache's stamps).
fn settled_still(db: &Connection, key: &str, path: &Path) -> bool {
    let stored: Option<Vec<u8>> = db
        .query_row("SELECT stamp FROM files WHERE path = ?1", [key], |r| {
            r.get(0)
        })
        .ok()
        .flatten();
    let Some(stamp) = stored.and_then(|b| postcard::from_bytes::<Stamp>(&b).ok()) else {
        return false;
    };
    std::fs::metadata(path).is_ok_and(|now| stamp.still(&now))
}

/// Remembers how the file of `key` looked just before it was read.
fn set_stamp(db: &Connection, key: &str, stamp: Stamp) -> rusqlite::Result<()> {
    let bytes = postcard::to_allocvec(&stamp).unwrap_or_default();
    db.execute(
        "UPDATE files SET stamp = ?2 WHERE path = ?1",
        params![key, bytes],
    )?;
    Ok(())
}

fn stored_hash(db: &Connection, key: &str) -> Option<i64> {
    db.query_row("SELECT hash FROM files WHERE path = ?1", [key], |r| {
        r.get(0)
    })
    .ok()
}

fn replace(
    db: &Connection,
    key: &str,
    hash: i64,
    lang: &Lang,
    rows: Vec<Row>,
) -> rusqlite::Result<()> {
    db.execute("DELETE FROM units WHERE file = ?1", [key])?;
    let mut insert = db.prepare_cached(
        "INSERT INTO units (source, translation, lang, origin, obsolete, file)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for row in rows {
        insert.execute(params![
            row.source,
            row.translation,
            lang.as_str(),
            row.from,
            row.obsolete as i64,
            key
        ])?;
    }
    db.execute(
        "INSERT OR REPLACE INTO files (path, hash) VALUES (?1, ?2)",
        params![key, hash],
    )?;
    Ok(())
}
