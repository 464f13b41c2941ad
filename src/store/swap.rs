//! Putting one file in place, or removing one, without losing a save that
//! lands at the same moment.
//!
//! Checking a target and then renaming over it leaves a window: a save
//! between the two is overwritten. Instead, the new file is *exchanged*
//! with the target in one step (`renameat2(RENAME_EXCHANGE)` on Linux),
//! and the file swapped out is then checked to be the one that was read.
//! If it is not, a save landed before the exchange: the two are exchanged
//! back and the run stops, the translator's file in place. A save that
//! lands after the exchange simply replaces the new file, and wins. New
//! files are moved in with `RENAME_NOREPLACE` (a file created meanwhile is
//! a conflict); a removal first moves the target aside and checks it.
//! Each change is returned as a [`Done`], which keeps what it replaced
//! until the whole commit is through, so that it can be undone.
//!
//! Limits: where the exchange is not supported (other systems, some
//! network file systems answer `EINVAL`), the old check-then-rename is
//! used, with its small window. A writer that opened the file before the
//! exchange and writes to it after the check writes to a file that is no
//! longer in the workspace; no renaming scheme can see such a write.
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use super::Fingerprint;
use crate::error::{Error, Result};

/// One change a commit made, kept until the whole commit is through so
/// that it can be undone if a later file fails.
#[derive(Debug)]
pub(super) enum Done {
    /// `target` holds the new file, which replaced the file `old` now
    /// names (`None` only where that could not be kept: a file system
    /// without exchange or hard links).
    Replaced {
        target: PathBuf,
        old: Option<tempfile::TempPath>,
        /// What the old file holds.
        was: Fingerprint,
        /// What the new file holds.
        written: Fingerprint,
    },
    /// `target` is a new file, holding `written`.
    Created {
        target: PathBuf,
        written: Fingerprint,
    },
    /// `target` was moved to `aside`, to be deleted.
    Removed { target: PathBuf, aside: PathBuf },
}

impl Done {
    /// Makes the change final: what it replaced or removed is deleted.
    pub(super) fn finish(self) {
        match self {
            Done::Replaced { old, .. } => drop(old),
            Done::Created { .. } => {}
            // The target is gone either way; a file left aside here would
            // only be noise, and it is named so that no run mistakes it.
            Done::Removed { aside, .. } => {
                let _ = fs::remove_file(aside);
            }
        }
    }

    /// Puts back what was there before the change, by the same checked
    /// steps that made it: a file someone saved over the new one since
    /// stays (it is newer than both).
    pub(super) fn undo(self) -> Result<()> {
        match self {
            Done::Replaced {
                target,
                old: Some(old),
                was,
                written,
            } => replace(old, &target, Some(&written), &was).map(Done::finish),
            Done::Replaced { old: None, .. } => Ok(()),
            Done::Created { target, written } => {
                remove(&target, &written).map(|done| done.map_or((), Done::finish))
            }
            Done::Removed { target, aside } => match rename_noreplace(&aside, &target) {
                Ok(()) => Ok(()),
                // A file made there since is someone's: keep both.
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    let kept = kept_path(&target);
                    rename_noreplace(&aside, &kept).map_err(|source| Error::Write {
                        path: target.clone(),
                        source,
                    })?;
                    Err(conflict(&target, Some(kept)))
                }
                Err(source) => Err(Error::Write {
                    path: target,
                    source,
                }),
            },
        }
    }
}

/// Replaces `target` with `temp` if `target` is still what `expected`
/// describes (`None`: there is no file), else leaves the target as it is
/// and fails. `written` describes `temp`'s contents. The file replaced is
/// kept (see [`Done`]) until the commit finishes.
pub(super) fn replace(
    temp: tempfile::TempPath,
    target: &Path,
    expected: Option<&Fingerprint>,
    written: &Fingerprint,
) -> Result<Done> {
    let write_error = |source| Error::Write {
        path: target.to_path_buf(),
        source,
    };
    let Some(expected) = expected else {
        return match temp.persist_noclobber(target) {
            Ok(_) => Ok(Done::Created {
                target: target.to_path_buf(),
                written: *written,
            }),
            Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => Err(conflict(target, None)),
            Err(e) => Err(write_error(e.error)),
        };
    };
    // Whether the target's stamp still shows it unchanged: then the file
    // swapped out needs only to be the same, unmodified, file.
    let settled = fs::symlink_metadata(target).is_ok_and(|now| expected.stamp.still(&now));
    match exchange(&temp, target) {
        Ok(()) => {}
        Err(e) if unsupported(&e) => return replace_by_rename(temp, target, expected, written),
        // Deleted or moved away meanwhile: that is a change too.
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(conflict(target, None)),
        Err(e) => return Err(write_error(e)),
    }
    seam::after_exchange(target);
    // `temp` now names the file that was in place.
    if unchanged(expected, settled, &temp)? {
        return Ok(Done::Replaced {
            target: target.to_path_buf(),
            old: Some(temp),
            was: *expected,
            written: *written,
        });
    }
    // A save landed before the exchange: put it back.
    match exchange(&temp, target) {
        Ok(()) => {
            // `temp` names what was in place since the exchange: the new
            // file, unless a second save replaced or edited it.
            if Fingerprint::of_file(&temp)?.as_ref() == Some(written) {
                drop(temp);
                Err(conflict(target, None))
            } else {
                Err(conflict(target, Some(keep(temp, target)?)))
            }
        }
        // The new file was deleted meanwhile: move the save back alone.
        Err(e) if e.kind() == io::ErrorKind::NotFound => match temp.persist_noclobber(target) {
            Ok(_) => Err(conflict(target, None)),
            Err(e) => Err(conflict(target, Some(keep(e.path, target)?))),
        },
        Err(_) => Err(conflict(target, Some(keep(temp, target)?))),
    }
}

/// [`replace`] where files cannot be exchanged: the old way, with its
/// window between the check and the rename. The old file is first given a
/// second, temporary name (a hard link), so that the commit can still be
/// undone; where that fails too, it cannot.
fn replace_by_rename(
    temp: tempfile::TempPath,
    target: &Path,
    expected: &Fingerprint,
    written: &Fingerprint,
) -> Result<Done> {
    let old = link_aside(target);
    if !expected.still_at(target)? {
        return Err(conflict(target, None));
    }
    temp.persist(target).map_err(|e| Error::Write {
        path: target.to_path_buf(),
        source: e.error,
    })?;
    Ok(Done::Replaced {
        target: target.to_path_buf(),
        old,
        was: *expected,
        written: *written,
    })
}

/// A second name for the file at `target`, a temporary one (deleted when
/// dropped, swept if a run is killed); `None` if none can be made.
fn link_aside(target: &Path) -> Option<tempfile::TempPath> {
    static COUNT: AtomicU64 = AtomicU64::new(0);
    let pid = std::process::id();
    let n = COUNT.fetch_add(1, Ordering::Relaxed);
    let aside = beside(target, |name| {
        format!("{}old-{pid}-{n}-{name}.tmp", super::TEMP_PREFIX)
    });
    fs::hard_link(target, &aside).ok()?;
    tempfile::TempPath::try_from_path(&aside)
        .inspect_err(|_| drop(fs::remove_file(&aside)))
        .ok()
}

/// Moves `target` aside if it is still what `expected` describes, else
/// leaves it and fails; `None` if it is already gone. The file moved aside
/// is deleted when the commit finishes ([`Done::finish`]).
pub(super) fn remove(target: &Path, expected: &Fingerprint) -> Result<Option<Done>> {
    let write_error = |source| Error::Write {
        path: target.to_path_buf(),
        source,
    };
    let settled = fs::symlink_metadata(target).is_ok_and(|now| expected.stamp.still(&now));
    // Not a temporary name: a run killed right here must not let the next
    // one sweep a file that might hold a save.
    static COUNT: AtomicU64 = AtomicU64::new(0);
    let n = COUNT.fetch_add(1, Ordering::Relaxed);
    let aside = beside(target, |name| {
        format!(".l10n-removing-{}-{n}-{name}", std::process::id())
    });
    match rename_noreplace(target, &aside) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(write_error(e)),
    }
    if unchanged(expected, settled, &aside)? {
        return Ok(Some(Done::Removed {
            target: target.to_path_buf(),
            aside,
        }));
    }
    match rename_noreplace(&aside, target) {
        Ok(()) => Err(conflict(target, None)),
        Err(_) => {
            let kept = kept_path(target);
            rename_noreplace(&aside, &kept).map_err(write_error)?;
            Err(conflict(target, Some(kept)))
        }
    }
}

fn conflict(path: &Path, kept: Option<PathBuf>) -> Error {
    Error::ConflictWhileWriting {
        path: path.to_path_buf(),
        kept,
    }
}

/// Whether the file at `moved`, just moved out of the target's place, is
/// the one `expected` describes. When the target's stamp showed it
/// unchanged just before (`settled`), the same unmodified file will do;
/// else its bytes decide.
fn unchanged(expected: &Fingerprint, settled: bool, moved: &Path) -> Result<bool> {
    if settled && fs::symlink_metadata(moved).is_ok_and(|m| expected.stamp.same_file(&m)) {
        return Ok(true);
    }
    Ok(Fingerprint::of_file(moved)?.as_ref() == Some(expected))
}

/// Moves a file that holds someone's save out of the way under a name
/// beside `target` that no l10n run deletes; returns that name.
fn keep(temp: tempfile::TempPath, target: &Path) -> Result<PathBuf> {
    let kept = kept_path(target);
    temp.persist_noclobber(&kept).map_err(|e| Error::Write {
        path: kept.clone(),
        source: e.error,
    })?;
    Ok(kept)
}

/// `name.kept-PID-N` beside `target`, for the first N not taken.
fn kept_path(target: &Path) -> PathBuf {
    let pid = std::process::id();
    (0..)
        .map(|n| beside(target, |name| format!("{name}.kept-{pid}-{n}")))
        .find(|path| fs::symlink_metadata(path).is_err())
        .expect("some name is free")
}

fn beside(target: &Path, name: impl Fn(&str) -> String) -> PathBuf {
    let file_name = target.file_name().unwrap_or_default().to_string_lossy();
    target.with_file_name(name(&file_name))
}

/// Whether a rename failed because the file system (or system) does not
/// support the flag asked for.
fn unsupported(e: &io::Error) -> bool {
    #[cfg(unix)]
    if matches!(
        e.raw_os_error(),
        Some(libc::EINVAL | libc::ENOSYS | libc::EOPNOTSUPP)
    ) {
        return true;
    }
    e.kind() == io::ErrorKind::Unsupported
}

/// Set by [`rename_only`].
static RENAME_ONLY: AtomicBool = AtomicBool::new(false);

/// Makes this process act as on a system without the exchange, so that
/// the fallback can be tested through the binary (a test seam, set only by
/// `main.rs`).
pub fn rename_only() {
    RENAME_ONLY.store(true, Ordering::Relaxed);
}

/// Swaps the files at `a` and `b` in one step; both must exist.
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    if RENAME_ONLY.load(Ordering::Relaxed) {
        return Err(io::ErrorKind::Unsupported.into());
    }
    #[cfg(target_os = "linux")]
    {
        renameat2(a, b, libc::RENAME_EXCHANGE)
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = (a, b);
        Err(io::ErrorKind::Unsupported.into())
    }
}

/// Renames `from` to `to`, failing if `to` exists.
fn rename_noreplace(from: &Path, to: &Path) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    match renameat2(from, to, libc::RENAME_NOREPLACE) {
        Err(e) if unsupported(&e) => {}
        done => return done,
    }
    // A hard link is never made over an existing file.
    fs::hard_link(from, to)?;
    fs::remove_file(from)
}

#[cfg(target_os = "linux")]
fn renameat2(from: &Path, to: &Path, flags: libc::c_uint) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let from = CString::new(from.as_os_str().as_bytes())?;
    let to = CString::new(to.as_os_str().as_bytes())?;
    // SAFETY: both are valid NUL-terminated strings for the call.
    let done = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            from.as_ptr(),
            libc::AT_FDCWD,
            to.as_ptr(),
            flags,
        )
    };
    if done == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// A hook the unit tests set to act between an exchange and the check of
/// the file swapped out, where no outside process can be timed to act.
mod seam {
    #[cfg(test)]
    pub type Hook = Box<dyn FnMut(&std::path::Path)>;

    #[cfg(test)]
    thread_local! {
        pub static AFTER_EXCHANGE: std::cell::RefCell<Option<Hook>> =
            const { std::cell::RefCell::new(None) };
    }

    #[cfg(test)]
    pub fn after_exchange(target: &std::path::Path) {
        AFTER_EXCHANGE.with(|hook| {
            if let Some(hook) = hook.borrow_mut().as_mut() {
                hook(target);
            }
        });
    }

    #[cfg(not(test))]
    #[inline(always)]
    pub fn after_exchange(_: &std::path::Path) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_with(dir: &Path, contents: &[u8]) -> tempfile::TempPath {
        let mut file = tempfile::Builder::new()
            .prefix(super::super::TEMP_PREFIX)
            .suffix(".tmp")
            .tempfile_in(dir)
            .unwrap();
        std::io::Write::write_all(&mut file, contents).unwrap();
        file.into_temp_path()
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_target_changed_before_the_exchange_is_swapped_back() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.toml");
        fs::write(&target, "saved by a translator").unwrap();
        let temp = temp_with(dir.path(), b"new");
        let result = replace(
            temp,
            &target,
            Some(&Fingerprint::of(b"as read")),
            &Fingerprint::of(b"new"),
        );
        assert!(matches!(
            result,
            Err(Error::ConflictWhileWriting { kept: None, .. })
        ));
        assert_eq!(fs::read(&target).unwrap(), b"saved by a translator");
        assert_eq!(names(dir.path()), ["a.toml"]);
    }

    #[test]
    fn an_unchanged_target_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.toml");
        fs::write(&target, "as read").unwrap();
        let temp = temp_with(dir.path(), b"new");
        let done = replace(
            temp,
            &target,
            Some(&Fingerprint::of(b"as read")),
            &Fingerprint::of(b"new"),
        )
        .unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"new");
        done.finish();
        assert_eq!(names(dir.path()), ["a.toml"]);
    }

    #[test]
    fn a_file_created_meanwhile_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.toml");
        fs::write(&target, "created by someone").unwrap();
        let temp = temp_with(dir.path(), b"new");
        assert!(replace(temp, &target, None, &Fingerprint::of(b"new")).is_err());
        assert_eq!(fs::read(&target).unwrap(), b"created by someone");
        assert_eq!(names(dir.path()), ["a.toml"]);
    }

    #[test]
    fn a_removal_keeps_a_changed_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("gone.toml");
        fs::write(&target, "saved since").unwrap();
        assert!(remove(&target, &Fingerprint::of(b"as read")).is_err());
        assert_eq!(fs::read(&target).unwrap(), b"saved since");
        assert_eq!(names(dir.path()), ["gone.toml"]);
        fs::write(&target, "as read").unwrap();
        remove(&target, &Fingerprint::of(b"as read"))
            .unwrap()
            .unwrap()
            .finish();
        assert_eq!(names(dir.path()), Vec::<String>::new());
    }

    /// Sets the hook run between the exchange and the check, for this
    /// thread, until the returned guard is dropped.
    fn after_exchange(hook: impl FnMut(&Path) + 'static) -> impl Drop {
        struct Unset;
        impl Drop for Unset {
            fn drop(&mut self) {
                seam::AFTER_EXCHANGE.with(|h| *h.borrow_mut() = None);
            }
        }
        seam::AFTER_EXCHANGE.with(|h| *h.borrow_mut() = Some(Box::new(hook)));
        Unset
    }

    #[test]
    fn a_second_save_during_the_swap_back_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.toml");
        // The first save landed before the exchange...
        fs::write(&target, "first save").unwrap();
        let temp = temp_with(dir.path(), b"new");
        // ...and a second one, in place, between exchange and check: it
        // edits the new file, now at the target.
        let _hook = after_exchange(|target| fs::write(target, "second save").unwrap());
        let result = replace(
            temp,
            &target,
            Some(&Fingerprint::of(b"as read")),
            &Fingerprint::of(b"new"),
        );
        let Err(Error::ConflictWhileWriting {
            kept: Some(kept), ..
        }) = result
        else {
            panic!("not kept: {result:?}");
        };
        assert_eq!(fs::read(&target).unwrap(), b"first save");
        assert_eq!(fs::read(&kept).unwrap(), b"second save");
        assert_eq!(names(dir.path()).len(), 2, "{:?}", names(dir.path()));
    }

    #[test]
    fn an_undone_replacement_puts_the_old_file_back_unless_saved_over() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.toml");
        let (old, new) = (Fingerprint::of(b"as read"), Fingerprint::of(b"new"));
        fs::write(&target, "as read").unwrap();
        let done = replace(temp_with(dir.path(), b"new"), &target, Some(&old), &new).unwrap();
        done.undo().unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"as read");
        assert_eq!(names(dir.path()), ["a.toml"]);
        // A save after the swap is newer than both: it stays.
        let done = replace(temp_with(dir.path(), b"new"), &target, Some(&old), &new).unwrap();
        fs::write(&target, "saved since").unwrap();
        assert!(done.undo().is_err());
        assert_eq!(fs::read(&target).unwrap(), b"saved since");
        assert_eq!(names(dir.path()), ["a.toml"]);
    }

    #[test]
    fn an_undone_creation_removes_the_new_file_unless_saved_over() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.toml");
        let new = Fingerprint::of(b"new");
        let done = replace(temp_with(dir.path(), b"new"), &target, None, &new).unwrap();
        done.undo().unwrap();
        assert_eq!(names(dir.path()), Vec::<String>::new());
        let done = replace(temp_with(dir.path(), b"new"), &target, None, &new).unwrap();
        fs::write(&target, "saved since").unwrap();
        assert!(done.undo().is_err());
        assert_eq!(fs::read(&target).unwrap(), b"saved since");
        assert_eq!(names(dir.path()), ["a.toml"]);
    }

    #[test]
    fn without_the_exchange_a_replacement_is_checked_and_can_be_undone() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("a.toml");
        let (old, new) = (Fingerprint::of(b"as read"), Fingerprint::of(b"new"));
        // Changed before the rename: refused, the save in place.
        fs::write(&target, "saved by a translator").unwrap();
        let result = replace_by_rename(temp_with(dir.path(), b"new"), &target, &old, &new);
        assert!(matches!(
            result,
            Err(Error::ConflictWhileWriting { kept: None, .. })
        ));
        assert_eq!(fs::read(&target).unwrap(), b"saved by a translator");
        assert_eq!(names(dir.path()), ["a.toml"]);
        // Unchanged: replaced, the old file kept under a second name
        // until the commit finishes or is undone.
        fs::write(&target, "as read").unwrap();
        let done = replace_by_rename(temp_with(dir.path(), b"new"), &target, &old, &new).unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"new");
        assert_eq!(names(dir.path()).len(), 2);
        done.undo().unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"as read");
        assert_eq!(names(dir.path()), ["a.toml"]);
        let done = replace_by_rename(temp_with(dir.path(), b"new"), &target, &old, &new).unwrap();
        done.finish();
        assert_eq!(fs::read(&target).unwrap(), b"new");
        assert_eq!(names(dir.path()), ["a.toml"]);
    }
}
