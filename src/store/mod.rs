//! Catalog files: reading, validating, rendering and writing them, and the
//! workspace lock. The only module that writes catalogs.
//!
//! Writing is a two-step [`Transaction`]: every new catalog is first written
//! to a temporary file beside its target and flushed; only when all are
//! staged, and none of the targets changed on disk since they were read, are
//! they renamed over the old files. A full disk therefore changes nothing,
//! and a run killed at any moment leaves each catalog whole, old or new.
mod read;
mod write;

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

pub use read::parse;
pub use write::render;

use rayon::prelude::*;

use crate::article;
use crate::catalog::Catalog;
use crate::error::{Error, Location, Result};
use crate::lang::Lang;

/// A catalog as read from disk, with what is needed to write it back.
#[derive(Debug, Clone)]
pub struct CatalogFile {
    pub catalog: Catalog,
    /// The file's text, without a byte-order mark.
    pub text: String,
    /// The bytes as read, to notice a change made on disk since.
    pub bytes: Vec<u8>,
}

impl CatalogFile {
    /// The new text of this file for `catalog`, formatting preserved.
    pub fn render(&self, catalog: &Catalog) -> Vec<u8> {
        let mut bytes = Vec::new();
        if self.bytes.starts_with(BOM) {
            bytes.extend_from_slice(BOM);
        }
        bytes.extend_from_slice(render(catalog, Some(&self.text)).as_bytes());
        bytes
    }
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads the catalog at `path`, if there is one, and checks that it is the
/// catalog of `article` in `lang`.
pub fn load(path: &Path, article: &str, lang: &Lang) -> Result<Option<CatalogFile>> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(Error::Read {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let text = article::decode(path, &bytes)?;
    let catalog = parse(path, &text)?;
    let mismatch = |key: &str, found: &str, expected: &str| {
        let offset = text.find(&format!("{key} =")).unwrap_or(0);
        Error::invalid(
            Location::at(path, &text, offset),
            format!(
                "this catalog says {key} = \"{found}\", but its path is that of {key} \"{expected}\""
            ),
            "move the file to where it belongs, or correct the [catalog] table",
        )
    };
    if catalog.article != article {
        return Err(mismatch("article", &catalog.article, article));
    }
    if &catalog.lang != lang {
        return Err(mismatch("lang", catalog.lang.as_str(), lang.as_str()));
    }
    Ok(Some(CatalogFile {
        catalog,
        text,
        bytes,
    }))
}

/// A set of files to replace together.
#[derive(Debug, Default)]
pub struct Transaction {
    writes: Vec<Write>,
    removals: Vec<(PathBuf, Vec<u8>)>,
}

#[derive(Debug)]
struct Write {
    path: PathBuf,
    contents: Vec<u8>,
    /// The bytes the plan was made from; `None` for a new file.
    expected: Option<Vec<u8>>,
}

impl Transaction {
    /// Replaces `path` (whose content was `expected` when read) with `contents`.
    pub fn write(&mut self, path: &Path, contents: Vec<u8>, expected: Option<&[u8]>) {
        self.writes.push(Write {
            path: path.to_path_buf(),
            contents,
            expected: expected.map(<[u8]>::to_vec),
        });
    }

    /// Deletes `path`, whose content was `expected` when read.
    pub fn remove(&mut self, path: &Path, expected: Vec<u8>) {
        self.removals.push((path.to_path_buf(), expected));
    }

    pub fn paths(&self) -> impl Iterator<Item = &Path> {
        self.writes
            .iter()
            .map(|w| w.path.as_path())
            .chain(self.removals.iter().map(|(p, _)| p.as_path()))
    }

    /// Writes everything or, on any error, nothing. `before_commit` runs
    /// between staging and renaming (a seam for tests of concurrent edits).
    pub fn commit(self, before_commit: impl FnOnce()) -> Result<()> {
        // Refuse read-only targets before touching anything: someone made
        // them so on purpose (root would overwrite them regardless).
        for path in self.paths() {
            if fs::metadata(path).is_ok_and(|m| m.permissions().readonly()) {
                return Err(Error::usage(
                    format!("{} is read-only", path.display()),
                    "make it writable (chmod u+w) if l10n may update it, then run again",
                ));
            }
        }
        // On error, the files staged so far are deleted as they drop.
        let staged = self
            .writes
            .par_iter()
            .map(|write| stage(&write.path, &write.contents))
            .collect::<Result<Vec<_>>>()?;
        flush_to_disk(&staged)?;
        before_commit();
        let expectations = self
            .writes
            .iter()
            .map(|w| (&w.path, w.expected.as_deref()))
            .chain(self.removals.iter().map(|(p, e)| (p, Some(e.as_slice()))));
        for (path, expected) in expectations {
            let now = match fs::read(path) {
                Ok(bytes) => Some(bytes),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
                Err(source) => {
                    return Err(Error::Read {
                        path: path.clone(),
                        source,
                    });
                }
            };
            if now.as_deref() != expected {
                return Err(Error::Conflict { path: path.clone() });
            }
        }
        for (write, file) in self.writes.iter().zip(staged) {
            file.persist(&write.path).map_err(|e| Error::Write {
                path: write.path.clone(),
                source: e.error,
            })?;
        }
        for (path, _) in &self.removals {
            fs::remove_file(path).map_err(|source| Error::Write {
                path: path.clone(),
                source,
            })?;
        }
        Ok(())
    }
}

/// Writes `contents` to a temporary file beside `path`, flushed to disk,
/// with the permissions of the file it will replace.
fn stage(path: &Path, contents: &[u8]) -> Result<tempfile::NamedTempFile> {
    let error = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(error)?;
    let mut file = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(error)?;
    file.write_all(contents).map_err(error)?;
    let permissions = match fs::metadata(path) {
        Ok(old) => old.permissions(),
        Err(_) => new_file_permissions(file.as_file()).map_err(error)?,
    };
    fs::set_permissions(file.path(), permissions).map_err(error)?;
    Ok(file)
}

/// Makes the staged files durable before any is renamed into place, so a
/// crash of the machine cannot leave an empty catalog behind a rename. One
/// `syncfs` per file system is far cheaper than an fsync per file when a run
/// rewrites thousands of catalogs.
fn flush_to_disk(staged: &[tempfile::NamedTempFile]) -> Result<()> {
    let error = |file: &tempfile::NamedTempFile, source| Error::Write {
        path: file.path().to_path_buf(),
        source,
    };
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        let mut synced = std::collections::HashSet::new();
        for file in staged {
            let device = file.as_file().metadata().map_err(|e| error(file, e))?;
            if synced.insert(std::os::unix::fs::MetadataExt::dev(&device)) {
                // SAFETY: the descriptor is open for the duration of the call.
                if unsafe { libc::syncfs(file.as_file().as_raw_fd()) } != 0 {
                    return Err(error(file, std::io::Error::last_os_error()));
                }
            }
        }
        Ok(())
    }
    #[cfg(not(target_os = "linux"))]
    {
        staged
            .par_iter()
            .try_for_each(|file| file.as_file().sync_all().map_err(|e| error(file, e)))
    }
}

/// Temporary files start with this; a run that was killed may leave some.
pub const TEMP_PREFIX: &str = ".l10n-";

/// Writes one file at once (the configuration of `l10n init`).
pub fn write_atomic(path: &Path, contents: &str) -> Result<()> {
    let mut transaction = Transaction::default();
    transaction.write(path, contents.as_bytes().to_vec(), None);
    transaction.commit(|| {})
}

/// A new catalog gets the mode an ordinary new file would have (tempfile
/// creates its files readable by the owner only).
fn new_file_permissions(file: &fs::File) -> std::io::Result<fs::Permissions> {
    #[cfg_attr(not(unix), allow(unused_mut))]
    let mut permissions = file.metadata()?.permissions();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        permissions.set_mode(0o644);
    }
    Ok(permissions)
}

/// An exclusive lock on the workspace, held while it lives.
#[derive(Debug)]
pub struct Lock {
    _file: fs::File,
}

/// Where the lock lives, relative to the workspace root.
pub const LOCK_FILE: &str = ".l10n/lock";

impl Lock {
    /// Takes the workspace lock; when another run holds it, fails if
    /// `wait` is false, else calls `waiting` once and blocks until it is free.
    pub fn acquire(root: &Path, wait: bool, waiting: impl FnOnce(&Path)) -> Result<Lock> {
        let path = root.join(LOCK_FILE);
        let error = |source| Error::Write {
            path: path.clone(),
            source,
        };
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(error)?;
        }
        let file = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(error)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) if wait => {
                waiting(&path);
                file.lock().map_err(error)?;
            }
            Err(fs::TryLockError::WouldBlock) => return Err(Error::Locked { path }),
            Err(fs::TryLockError::Error(e)) => return Err(error(e)),
        }
        Ok(Lock { _file: file })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_stage_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("good.toml");
        fs::write(&good, "old").unwrap();
        // A path whose parent is a file cannot be staged: the failing writer.
        fs::write(dir.path().join("file"), "").unwrap();
        let bad = dir.path().join("file/bad.toml");
        let mut transaction = Transaction::default();
        transaction.write(&good, b"new".to_vec(), Some(b"old"));
        transaction.write(&bad, b"new".to_vec(), None);
        assert!(transaction.commit(|| {}).is_err());
        assert_eq!(fs::read(&good).unwrap(), b"old");
        let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 2, "no temporary file left behind");
    }

    #[test]
    fn a_change_on_disk_stops_the_commit() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.toml");
        let b = dir.path().join("b.toml");
        fs::write(&a, "old a").unwrap();
        fs::write(&b, "old b").unwrap();
        let mut transaction = Transaction::default();
        transaction.write(&a, b"new a".to_vec(), Some(b"old a"));
        transaction.write(&b, b"new b".to_vec(), Some(b"old b"));
        let result = transaction.commit(|| fs::write(&b, "saved by a translator").unwrap());
        assert!(matches!(result, Err(Error::Conflict { .. })));
        assert_eq!(fs::read(&a).unwrap(), b"old a");
        assert_eq!(fs::read(&b).unwrap(), b"saved by a translator");
    }

    #[test]
    fn the_lock_is_exclusive() {
        let dir = tempfile::tempdir().unwrap();
        let held = Lock::acquire(dir.path(), false, |_| {}).unwrap();
        assert!(matches!(
            Lock::acquire(dir.path(), false, |_| {}),
            Err(Error::Locked { .. })
        ));
        drop(held);
        Lock::acquire(dir.path(), false, |_| {}).unwrap();
    }
}
