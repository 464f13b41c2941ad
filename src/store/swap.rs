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
//!
//! Limits: where the exchange is not supported (other systems, some
//! network file systems answer `EINVAL`), the old check-then-rename is
//! used, with its small window. A writer that opened the file before the
//! exchange and writes to it after the check writes to a file that is no
//! longer in the workspace; no renaming scheme can see such a write.
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::Fingerprint;
use crate::error::{Error, Result};

/// Replaces `target` with `temp` if `target` is still what `expected`
/// describes (`None`: there is no file), else leaves the target as it is
/// and fails. `written` describes `temp`'s contents.
pub(super) fn replace(
    temp: tempfile::TempPath,
    target: &Path,
    expected: Option<&Fingerprint>,
    written: &Fingerprint,
) -> Result<()> {
    let write_error = |source| Error::Write {
        path: target.to_path_buf(),
        source,
    };
    let Some(expected) = expected else {
        return match temp.persist_noclobber(target) {
            Ok(_) => Ok(()),
            Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => Err(conflict(target, None)),
            Err(e) => Err(write_error(e.error)),
        };
    };
    // Whether the target's stamp still shows it unchanged: then the file
    // swapped out needs only to be the same, unmodified, file.
    let settled = fs::symlink_metadata(target).is_ok_and(|now| expected.stamp.still(&now));
    match exchange(&temp, target) {
        Ok(()) => {}
        Err(e) if unsupported(&e) => {
            // The old way, with its window between check and rename.
            if !expected.still_at(target)? {
                return Err(conflict(target, None));
            }
            return temp
                .persist(target)
                .map(drop)
                .map_err(|e| write_error(e.error));
        }
        // Deleted or moved away meanwhile: that is a change too.
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(conflict(target, None)),
        Err(e) => return Err(write_error(e)),
    }
    // `temp` now names the file that was in place.
    if unchanged(expected, settled, &temp)? {
        drop(temp);
        return Ok(());
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

/// Removes `target` if it is still what `expected` describes, else leaves
/// it and fails.
pub(super) fn remove(target: &Path, expected: &Fingerprint) -> Result<()> {
    let write_error = |source| Error::Write {
        path: target.to_path_buf(),
        source,
    };
    let settled = fs::symlink_metadata(target).is_ok_and(|now| expected.stamp.still(&now));
    // Not a temporary name: a run killed right here must not let the next
    // one sweep a file that might hold a save.
    let aside = beside(target, |name| {
        format!(".l10n-removing-{}-{name}", std::process::id())
    });
    match rename_noreplace(target, &aside) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(write_error(e)),
    }
    if unchanged(expected, settled, &aside)? {
        return fs::remove_file(&aside).map_err(write_error);
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

/// Swaps the files at `a` and `b` in one step; both must exist.
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
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
        replace(
            temp,
            &target,
            Some(&Fingerprint::of(b"as read")),
            &Fingerprint::of(b"new"),
        )
        .unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"new");
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
        remove(&target, &Fingerprint::of(b"as read")).unwrap();
        assert_eq!(names(dir.path()), Vec::<String>::new());
    }
}
