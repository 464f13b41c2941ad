//! Catalog files: reading, validating, rendering and writing them, and the
//! workspace lock. The only module that writes catalogs.
//!
//! Writing takes two steps: every new catalog is first [`stage`]d, written to
//! a temporary file beside its target; only when all are staged and flushed,
//! and none of the targets changed on disk since they were read, does
//! [`commit`] swap them in for the old files, one by one, checking each file
//! swapped out (see [`swap`]). The commit is all or nothing: on any error
//! every file already swapped in is put back. A full disk therefore changes
//! nothing, a run killed at any moment leaves each catalog whole, old or
//! new, and a save that lands during the commit is never overwritten.
mod hold;
mod stamp;
mod swap;

pub use hold::hold_commits_at;
pub use swap::rename_only;

use std::collections::BTreeMap;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, Weak};

use l10n_core::catalog::{LineLayout, parse_kept, render_kept};
pub use l10n_core::catalog::{parse, parse_document, render};
pub use stamp::{Stamp, clock_now, move_clock_ahead};

use rayon::prelude::*;

use crate::article::{self, BOM};
use crate::catalog::Catalog;
use crate::error::{Error, Location, Result};
use crate::interrupt;
use crate::lang::Lang;
use crate::msg;

/// A catalog as read from disk, with what is needed to write it back.
#[derive(Debug, Clone)]
pub struct CatalogFile {
    pub catalog: Catalog,
    /// The file's text, without a byte-order mark.
    pub text: String,
    pub bom: bool,
    /// What the bytes were when read, to notice a change made on disk since.
    pub fingerprint: Fingerprint,
    /// How `text` is cut into lines, kept from the read for the render
    /// (`None` for a file outside l10n's own shape).
    layout: Option<LineLayout>,
}

impl CatalogFile {
    /// The new text of this file for `catalog`, formatting preserved.
    pub fn render(&self, catalog: &Catalog) -> Vec<u8> {
        let mut bytes = Vec::new();
        if self.bom {
            bytes.extend_from_slice(BOM);
        }
        let text = render_kept(catalog, &self.text, self.layout.as_ref());
        bytes.extend_from_slice(text.as_bytes());
        bytes
    }
}

/// The length and a 64-bit hash of a file's bytes, and how the file
/// looked before they were read.
#[derive(Debug, Clone, Copy)]
pub struct Fingerprint {
    pub len: u64,
    pub hash: u64,
    pub stamp: Stamp,
}

impl PartialEq for Fingerprint {
    /// The same contents, however the files looked.
    fn eq(&self, other: &Fingerprint) -> bool {
        (self.len, self.hash) == (other.len, other.hash)
    }
}

impl Fingerprint {
    pub fn of(bytes: &[u8]) -> Fingerprint {
        Fingerprint::stamped(bytes, Stamp::Unknown)
    }

    /// The fingerprint of `bytes`, read from a file that looked like `stamp`
    /// just before.
    pub fn stamped(bytes: &[u8], stamp: Stamp) -> Fingerprint {
        Fingerprint {
            len: bytes.len() as u64,
            hash: xxhash_rust::xxh3::xxh3_64(bytes),
            stamp,
        }
    }

    /// Whether the file at `path` still holds what this fingerprint was
    /// made of: told by its stamp when that can tell, else by its bytes.
    pub fn still_at(&self, path: &Path) -> Result<bool> {
        if fs::metadata(path).is_ok_and(|now| self.stamp.still(&now)) {
            return Ok(true);
        }
        Ok(Fingerprint::of_file(path)?.as_ref() == Some(self))
    }

    /// The fingerprint of the file at `path` now; `None` if there is none.
    pub fn of_file(path: &Path) -> Result<Option<Fingerprint>> {
        Ok(crate::files::read(path)?.map(|bytes| Fingerprint::of(&bytes)))
    }
}

/// Reads the catalog at `path`, if there is one, and checks that it is the
/// catalog of `article` in `lang`.
pub fn load(path: &Path, article: &str, lang: &Lang) -> Result<Option<CatalogFile>> {
    match read_optional(path)? {
        Some(bytes) => from_bytes(path, bytes, Stamp::Unknown, article, lang).map(Some),
        None => Ok(None),
    }
}

/// The bytes of the file at `path`; `None` if there is none.
/// A pipe or another non-regular file there is refused, never waited on.
pub fn read_optional(path: &Path) -> Result<Option<Vec<u8>>> {
    crate::files::read(path)
}

/// The catalog of `article` in `lang` that `bytes`, read from `path`, hold.
pub fn from_bytes(
    path: &Path,
    bytes: Vec<u8>,
    stamp: Stamp,
    article: &str,
    lang: &Lang,
) -> Result<CatalogFile> {
    let bom = bytes.starts_with(BOM);
    let fingerprint = Fingerprint::stamped(&bytes, stamp);
    let text = article::decode_owned(path, bytes)?;
    let (catalog, layout) = parse_kept(path, &text)?;
    let mismatch = |key: &str, found: &str, expected: &str| {
        let offset = key_offset(&text, key).unwrap_or(0);
        Error::invalid(
            Location::at(path, &text, offset),
            msg!(
                "error-catalog-mismatch",
                key = key,
                found = found,
                expected = expected
            ),
            msg!("help-catalog-mismatch"),
        )
    };
    if catalog.article != article {
        return Err(mismatch("article", &catalog.article, article));
    }
    if &catalog.lang != lang {
        return Err(mismatch("lang", catalog.lang.as_str(), lang.as_str()));
    }
    Ok(CatalogFile {
        catalog,
        text,
        bom,
        fingerprint,
        layout,
    })
}

/// Where the line setting `key` starts in `text` (`key =` or `"key" =` at
/// the start of a line, so `lang` is not found in `source-lang`).
fn key_offset(text: &str, key: &str) -> Option<usize> {
    let quoted = format!("\"{key}\"");
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let rest = trimmed
            .strip_prefix(key)
            .or_else(|| trimmed.strip_prefix(quoted.as_str()));
        if rest.is_some_and(|rest| rest.trim_start().starts_with('=')) {
            return Some(offset + line.len() - trimmed.len());
        }
        offset += line.len();
    }
    None
}

/// A new version of a file, written beside it, waiting for [`commit`].
/// Dropped uncommitted, it deletes itself, and the folders made for it
/// once they are empty: a run that fails after staging leaves no trace.
#[derive(Debug)]
pub struct Staged {
    target: PathBuf,
    temp: tempfile::TempPath,
    /// The folder it is in, if this run made it. Dropped after `temp`.
    folder: Option<Arc<Made>>,
    /// The file system it is on.
    device: u64,
    /// What the target was when the plan was made; `None` for a new file.
    expected: Option<Fingerprint>,
    /// What the temporary file holds.
    written: Fingerprint,
}

impl Staged {
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// The hash of what the target will hold once committed.
    pub fn written_hash(&self) -> u64 {
        self.written.hash
    }
}

/// Writes `contents` beside `path`, to replace it on [`commit`] if the file
/// is then still what `expected` says. A read-only target is refused here,
/// before anything is replaced: someone made it so on purpose (and root
/// would overwrite it regardless); so is one that cannot be replaced at
/// all (immutable or append-only, it or its folder).
pub fn stage(path: &Path, contents: &[u8], expected: Option<Fingerprint>) -> Result<Staged> {
    interrupt::check()?;
    let old = fs::metadata(path).ok();
    refuse_read_only(path, old.as_ref())?;
    refuse_unreplaceable(path)?;
    let (temp, folder, device) = stage_file(path, contents, old.as_ref())?;
    Ok(Staged {
        target: path.to_path_buf(),
        temp,
        folder,
        device,
        expected,
        written: Fingerprint::of(contents),
    })
}

/// A file to delete on [`commit`], if it is then still what it was.
#[derive(Debug)]
pub struct Removal {
    target: PathBuf,
    expected: Fingerprint,
}

impl Removal {
    /// The removal of the file at `path`; `None` when it is already gone
    /// (someone else removed it: what was asked is done, and nothing
    /// changed that a person wrote).
    pub fn new(path: &Path) -> Result<Option<Removal>> {
        refuse_read_only(path, fs::metadata(path).ok().as_ref())?;
        refuse_unreplaceable(path)?;
        Ok(Fingerprint::of_file(path)?.map(|expected| Removal {
            target: path.to_path_buf(),
            expected,
        }))
    }
}

fn refuse_read_only(path: &Path, metadata: Option<&fs::Metadata>) -> Result<()> {
    if metadata.is_some_and(|m| m.permissions().readonly()) {
        return Err(Error::usage(
            msg!("error-read-only", path = path.display().to_string()),
            msg!("help-read-only"),
        ));
    }
    Ok(())
}

/// Replaces every staged file and deletes every removal, all or nothing:
/// on any error (a target that changed on disk, a file the system will not
/// rename, a signal: see [`interrupt`]) every file already put in place is
/// put back as it was, by the same checked exchange, and the run stops. A
/// translator's save is never undone: a target saved over since it was
/// put in place stays as saved. The files replaced are deleted only once
/// every file is in place.
pub fn commit(staged: Vec<Staged>, removals: Vec<Removal>) -> Result<()> {
    flush_to_disk(&staged)?;
    hold::wait();
    interrupt::check()?;
    // Every target is checked first, so that a save made while the run
    // was planning stops it before anything is written.
    // A removal whose file is gone already is no change: what was asked
    // is done.
    let expectations = staged
        .iter()
        .map(|s| (&s.target, s.expected, false))
        .chain(removals.iter().map(|r| (&r.target, Some(r.expected), true)));
    let changed: Vec<&PathBuf> = expectations
        .collect::<Vec<_>>()
        .par_iter()
        .map(|(path, expected, removal)| {
            let unchanged = match expected {
                Some(_) if *removal && fs::symlink_metadata(path).is_err() => true,
                Some(expected) => expected.still_at(path)?,
                None => !path.exists(),
            };
            Ok((!unchanged).then_some(*path))
        })
        .collect::<Result<Vec<_>>>()?
        .into_iter()
        .flatten()
        .collect();
    if let Some(path) = changed.first() {
        return Err(Error::Conflict {
            path: path.to_path_buf(),
        });
    }
    // Swaps are independent, and the slowest part of committing thousands
    // of files: done in parallel. After the first failure the others are
    // skipped, their temporary files deleted as they are dropped.
    let stop = std::sync::atomic::AtomicBool::new(false);
    let results: Vec<Result<(swap::Done, Option<Arc<Made>>)>> = staged
        .into_par_iter()
        .filter_map(|file| {
            if stop.load(std::sync::atomic::Ordering::Relaxed) {
                return None;
            }
            let Staged {
                target,
                temp,
                folder,
                expected,
                written,
                ..
            } = file;
            let result = interrupt::check()
                .and_then(|()| swap::replace(temp, &target, expected.as_ref(), &written));
            if result.is_err() {
                stop.store(true, std::sync::atomic::Ordering::Relaxed);
            }
            Some(result.map(|done| (done, folder)))
        })
        .collect();
    let mut done = Vec::with_capacity(results.len());
    let mut errors = Vec::new();
    for result in results {
        match result {
            Ok(swapped) => done.push(swapped),
            Err(error) => errors.push(error),
        }
    }
    let mut error = most_telling(errors);
    if error.is_none() {
        for removal in removals {
            match interrupt::check().and_then(|()| swap::remove(&removal.target, &removal.expected))
            {
                Ok(removed) => done.extend(removed.map(|removed| (removed, None))),
                Err(e) => {
                    error = Some(e);
                    break;
                }
            }
        }
    }
    match error {
        None => {
            done.into_par_iter().for_each(|(done, folder)| {
                done.finish();
                if let Some(folder) = folder {
                    folder.keep();
                }
            });
            Ok(())
        }
        Some(error) => {
            // Putting a file back can fail only as putting it in place
            // could (the system refuses the rename): it then stays new,
            // and whole. Folders made for files put back go once empty.
            done.into_par_iter().for_each(|(done, folder)| {
                let _ = done.undo();
                drop(folder);
            });
            Err(error)
        }
    }
}

/// Of the errors of parallel writes, the one to show: a conflict (someone's
/// save) before anything else.
fn most_telling(errors: Vec<Error>) -> Option<Error> {
    let conflict = errors
        .iter()
        .position(|e| matches!(e, Error::ConflictWhileWriting { .. }));
    errors.into_iter().nth(conflict.unwrap_or(0))
}

/// Writes `contents` to a temporary file beside `path`, with the owner,
/// group and permissions of the file it will replace (`old`), or as any
/// new file gets them; returns it, the folder this run made for it if it
/// did, and the file system it is on.
fn stage_file(
    path: &Path,
    contents: &[u8],
    old: Option<&fs::Metadata>,
) -> Result<(tempfile::TempPath, Option<Arc<Made>>, u64)> {
    let error = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    let create = || {
        let mut builder = tempfile::Builder::new();
        builder.prefix(TEMP_PREFIX).suffix(".tmp");
        #[cfg(unix)]
        if old.is_none() {
            builder.permissions(new_file_permissions());
        }
        builder.tempfile_in(dir)
    };
    let mut folder = Made::lookup(dir);
    let mut file = match create() {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            folder = Made::make(dir).map_err(error)?;
            create()
        }
        created => created,
    }
    .map_err(error)?;
    file.write_all(contents).map_err(error)?;
    if let Some(old) = old {
        // The owner first: changing it clears set-id bits.
        #[cfg(unix)]
        keep_owner(file.as_file(), old).map_err(error)?;
        file.as_file()
            .set_permissions(old.permissions())
            .map_err(error)?;
    }
    let device = device(&file.as_file().metadata().map_err(error)?);
    // Close it: a run may stage tens of thousands of files.
    Ok((file.into_temp_path(), folder, device))
}

/// Gives `file` the owner and group of `old`, the file it will replace,
/// as far as this process may: a file edited as root stays its
/// translator's; a user who may not give a file away keeps at least its
/// group where they belong to it.
#[cfg(unix)]
fn keep_owner(file: &fs::File, old: &fs::Metadata) -> std::io::Result<()> {
    use std::os::unix::fs::{MetadataExt, fchown};
    let now = file.metadata()?;
    if (now.uid(), now.gid()) == (old.uid(), old.gid()) {
        return Ok(());
    }
    let denied = |e: &std::io::Error| e.kind() == std::io::ErrorKind::PermissionDenied;
    match fchown(file, Some(old.uid()), Some(old.gid())) {
        Err(e) if denied(&e) => match fchown(file, None, Some(old.gid())) {
            Err(e) if denied(&e) => Ok(()),
            done => done,
        },
        done => done,
    }
}

/// A folder this run made to stage files in. When the last file staged
/// in it (or in a folder made inside it) is dropped uncommitted, the
/// folder is removed again if it is empty; once a file in it is
/// committed, it is kept.
#[derive(Debug)]
struct Made {
    dir: PathBuf,
    /// The folder it is in, if this run made that too.
    parent: Option<Arc<Made>>,
    kept: AtomicBool,
}

/// The folders this run made and still holds, by path: a second file
/// staged in one shares it.
static MADE: Mutex<BTreeMap<PathBuf, Weak<Made>>> = Mutex::new(BTreeMap::new());

impl Made {
    /// The folder `dir`, if this run made it and holds it.
    fn lookup(dir: &Path) -> Option<Arc<Made>> {
        let made = MADE.lock().unwrap_or_else(|e| e.into_inner());
        made.get(dir).and_then(Weak::upgrade)
    }

    /// Makes `dir` and the folders above it that are missing; returns the
    /// deepest this run made. Made under the registry's lock, so that two
    /// files staged at once into one new folder share it.
    fn make(dir: &Path) -> std::io::Result<Option<Arc<Made>>> {
        let mut made = MADE.lock().unwrap_or_else(|e| e.into_inner());
        made.retain(|_, folder| folder.strong_count() > 0);
        let missing: Vec<&Path> = dir
            .ancestors()
            .take_while(|d| !d.as_os_str().is_empty() && fs::symlink_metadata(d).is_err())
            .collect();
        let mut deepest = missing
            .last()
            .and_then(|top| top.parent())
            .and_then(|parent| made.get(parent).and_then(Weak::upgrade));
        for folder in missing.into_iter().rev() {
            match fs::create_dir(folder) {
                Ok(()) => {
                    let folder = Arc::new(Made {
                        dir: folder.to_path_buf(),
                        parent: deepest.take(),
                        kept: AtomicBool::new(false),
                    });
                    made.insert(folder.dir.clone(), Arc::downgrade(&folder));
                    deepest = Some(folder);
                }
                // Made by another process meanwhile: not ours to remove.
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => deepest = None,
                Err(e) => return Err(e),
            }
        }
        Ok(deepest)
    }

    /// Keeps this folder and those above it that this run made.
    fn keep(&self) {
        self.kept.store(true, Ordering::Relaxed);
        if let Some(parent) = &self.parent {
            parent.keep();
        }
    }
}

impl Drop for Made {
    fn drop(&mut self) {
        if !self.kept.load(Ordering::Relaxed) {
            // Fails, as it should, if anything is in it.
            let _ = fs::remove_dir(&self.dir);
        }
    }
}

#[cfg(unix)]
fn device(metadata: &fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::dev(metadata)
}

#[cfg(not(unix))]
fn device(_: &fs::Metadata) -> u64 {
    0
}

/// Makes the staged files durable before any is renamed into place, so a
/// crash of the machine cannot leave an empty catalog behind a rename. One
/// `syncfs` per file system is far cheaper than an fsync per file when a run
/// rewrites thousands of catalogs.
fn flush_to_disk(staged: &[Staged]) -> Result<()> {
    let error = |path: &Path, source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        let mut synced = std::collections::HashSet::new();
        for file in staged.iter().filter(|s| synced.insert(s.device)) {
            let path = &file.temp;
            let handle = fs::File::open(path).map_err(|e| error(path, e))?;
            // SAFETY: `handle` is open for the duration of the call.
            if unsafe { libc::syncfs(handle.as_raw_fd()) } != 0 {
                return Err(error(path, std::io::Error::last_os_error()));
            }
        }
        Ok(())
    }
    #[cfg(not(target_os = "linux"))]
    {
        staged.par_iter().map(|s| &s.temp).try_for_each(|path| {
            fs::File::open(path)
                .and_then(|file| file.sync_all())
                .map_err(|e| error(path, e))
        })
    }
}

/// Temporary files start with this; a run that was killed may leave some.
pub const TEMP_PREFIX: &str = ".l10n-";

/// Writes one file at once (the configuration of `l10n init`).
pub fn write_atomic(path: &Path, contents: &str) -> Result<()> {
    let staged = stage(path, contents.as_bytes(), Fingerprint::of_file(path)?)?;
    commit(vec![staged], Vec::new())
}

/// A new catalog gets the mode an ordinary new file would have: created
/// with 0666, the system takes away what the umask (or the folder's
/// default ACL) says, as for any tool's output (tempfile alone would make
/// it readable by the owner only).
#[cfg(unix)]
fn new_file_permissions() -> fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    fs::Permissions::from_mode(0o666)
}

/// Refuses a target that no rename can replace, or no unlink remove: an
/// immutable or append-only file, or one in such a folder (`chattr +i`,
/// `+a`). Told before anything is written; where the flags cannot be read
/// (another file system, no permission), the commit's undo is the guard.
#[cfg_attr(not(target_os = "linux"), allow(unused_variables))]
fn refuse_unreplaceable(path: &Path) -> Result<()> {
    #[cfg(target_os = "linux")]
    {
        let dir = path.parent().unwrap_or(Path::new("."));
        if let Some(fixed) = [path, dir].into_iter().find(|p| fixed(p)) {
            return Err(Error::usage(
                msg!("error-immutable", path = crate::ui::path_text(fixed)),
                msg!("help-immutable"),
            ));
        }
    }
    Ok(())
}

/// Whether the file or folder at `path` is immutable or append-only.
#[cfg(target_os = "linux")]
fn fixed(path: &Path) -> bool {
    fixed_by_statx(path).unwrap_or_else(|| fixed_by_ioctl(path))
}

/// The attributes `statx` reports with the file's status: one call, no
/// file opened (a run stages thousands of files); `None` where the file
/// system does not say whether the file is immutable or append-only.
#[cfg(target_os = "linux")]
fn fixed_by_statx(path: &Path) -> Option<bool> {
    use std::os::unix::ffi::OsStrExt;
    let name = std::ffi::CString::new(path.as_os_str().as_bytes()).ok()?;
    // SAFETY: an all-zero `statx` is a valid value of the plain C struct.
    let mut status: libc::statx = unsafe { std::mem::zeroed() };
    // SAFETY: `name` is a C string; the call writes one `statx` to `status`.
    let done = unsafe {
        libc::statx(
            libc::AT_FDCWD,
            name.as_ptr(),
            0,
            libc::STATX_TYPE,
            &mut status,
        )
    };
    if done != 0 {
        let missing = std::io::Error::last_os_error().kind() == std::io::ErrorKind::NotFound;
        return missing.then_some(false);
    }
    let flags = (libc::STATX_ATTR_IMMUTABLE | libc::STATX_ATTR_APPEND) as u64;
    (status.stx_attributes_mask & flags == flags).then_some(status.stx_attributes & flags != 0)
}

/// The file's flags by `FS_IOC_GETFLAGS`, for file systems whose `statx`
/// does not report them.
#[cfg(target_os = "linux")]
fn fixed_by_ioctl(path: &Path) -> bool {
    use std::os::fd::AsRawFd;
    use std::os::unix::fs::OpenOptionsExt;
    const FS_IMMUTABLE_FL: libc::c_int = 0x10;
    const FS_APPEND_FL: libc::c_int = 0x20;
    // Non-blocking: a pipe there must not hang the run (it is refused
    // later, with its own message).
    let Ok(file) = fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
    else {
        return false;
    };
    let mut flags: libc::c_int = 0;
    // SAFETY: the file is open, and the call writes one int to `flags`.
    let done = unsafe { libc::ioctl(file.as_raw_fd(), libc::FS_IOC_GETFLAGS, &mut flags) };
    done == 0 && flags & (FS_IMMUTABLE_FL | FS_APPEND_FL) != 0
}

/// An exclusive lock on the workspace, held while it lives.
///
/// On Unix it is a lock on the workspace folder itself, which no one can
/// delete while a run is in it (a lock file in the disposable `.l10n/`
/// could be deleted, letting a second run in); elsewhere the file
/// [`LOCK_FILE`].
#[derive(Debug)]
pub struct Lock {
    _file: fs::File,
}

/// Where the lock lives off Unix, relative to the workspace root.
pub const LOCK_FILE: &str = ".l10n/lock";

impl Lock {
    /// Takes the workspace lock; when another run holds it, fails if
    /// `wait` is false, else calls `waiting` once and blocks until it is
    /// free (or the run is interrupted).
    pub fn acquire(root: &Path, wait: bool, waiting: impl FnOnce(&Path)) -> Result<Lock> {
        let (path, file) = Lock::open(root)?;
        let error = |source| Error::Write {
            path: path.clone(),
            source,
        };
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) if wait => {
                waiting(&path);
                lock_interruptibly(&file).map_err(|e| match interrupt::check() {
                    Err(stopped) => stopped,
                    Ok(()) => error(e),
                })?;
            }
            Err(fs::TryLockError::WouldBlock) => return Err(Error::Locked { path }),
            Err(fs::TryLockError::Error(e)) => return Err(error(e)),
        }
        Ok(Lock { _file: file })
    }

    /// The file to lock and its path.
    #[cfg(unix)]
    fn open(root: &Path) -> Result<(PathBuf, fs::File)> {
        let file = fs::File::open(root).map_err(|source| Error::Read {
            path: root.to_path_buf(),
            source,
        })?;
        Ok((root.to_path_buf(), file))
    }

    #[cfg(not(unix))]
    fn open(root: &Path) -> Result<(PathBuf, fs::File)> {
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
        Ok((path, file))
    }
}

/// Blocks until `file` is locked, or until a signal asks the run to stop.
/// It polls: a blocking lock would miss a signal that lands just before
/// it blocks (and `std` retries a lock a signal interrupted).
fn lock_interruptibly(file: &fs::File) -> std::io::Result<()> {
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(()),
            Err(fs::TryLockError::WouldBlock) => {}
            Err(fs::TryLockError::Error(e)) => return Err(e),
        }
        if interrupt::pending().is_some() {
            return Err(std::io::ErrorKind::Interrupted.into());
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// How far a sweep of stale temporary files reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// The folder itself.
    Folder,
    /// The folder and every folder below it.
    Tree,
}

impl Lock {
    /// Deletes the temporary files a killed run left in `dir`, as far as
    /// `reach`. A method of the lock because it is safe only under it: no
    /// live run owns them then. Only names l10n gives its temporary files
    /// are touched.
    pub fn remove_stale_temporary_files(&self, dir: &Path, reach: Reach) {
        remove_stale_temporary_files(dir, reach == Reach::Tree);
    }
}

fn remove_stale_temporary_files(dir: &Path, recursive: bool) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            if recursive {
                remove_stale_temporary_files(&entry.path(), true);
            }
        } else if name.starts_with(TEMP_PREFIX) && name.ends_with(".tmp") {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_stage_leaves_no_trace() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("good.toml");
        fs::write(&good, "old").unwrap();
        // A path whose parent is a file cannot be staged: the failing writer.
        fs::write(dir.path().join("file"), "").unwrap();
        let bad = dir.path().join("file/bad.toml");
        let staged = stage(&good, b"new", Some(Fingerprint::of(b"old"))).unwrap();
        assert!(stage(&bad, b"new", None).is_err());
        drop(staged);
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
        let staged = vec![
            stage(&a, b"new a", Some(Fingerprint::of(b"old a"))).unwrap(),
            stage(&b, b"new b", Some(Fingerprint::of(b"old b"))).unwrap(),
        ];
        // A translator saves after staging, before the commit checks.
        fs::write(&b, "saved by a translator").unwrap();
        let result = commit(staged, Vec::new());
        assert!(matches!(result, Err(Error::Conflict { .. })));
        assert_eq!(fs::read(&a).unwrap(), b"old a");
        assert_eq!(fs::read(&b).unwrap(), b"saved by a translator");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            2,
            "temporary files left"
        );
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
