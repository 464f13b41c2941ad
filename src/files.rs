//! How l10n opens the files it reads, and which file names it accepts.
//!
//! Articles and catalogs are regular files with names a person can read.
//! A named pipe, a socket or a device in their place would make a plain
//! `read` block forever (and a blocked `extract` holds the workspace lock),
//! and a control character in a name ends up in catalog comments and on
//! terminals; both are refused here with an error that names the path.
use std::ffi::OsStr;
use std::fmt::Write as _;
use std::fs;
use std::io::Read as _;
use std::path::Path;

use crate::error::{Error, Result};
use crate::msg;

/// The bytes of the regular file at `path`; `None` when there is none.
///
/// The file is opened without blocking and its type is taken from the open
/// handle, so a pipe swapped in after a caller looked at the path cannot
/// hang the run: it is refused like any other non-regular file.
pub fn read(path: &Path) -> Result<Option<Vec<u8>>> {
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let mut file = match options.open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(read_error(source)),
    };
    let metadata = file.metadata().map_err(read_error)?;
    if !metadata.is_file() {
        return Err(not_regular(path));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    file.read_to_end(&mut bytes).map_err(read_error)?;
    Ok(Some(bytes))
}

/// The error for a path that is there but is not a regular file.
pub fn not_regular(path: &Path) -> Error {
    Error::NotRegular {
        path: path.to_path_buf(),
    }
}

/// `name` as text, if it is valid UTF-8 without control characters; else
/// the error for `path` (whose last part it is).
pub fn checked_name<'a>(path: &Path, name: &'a OsStr) -> Result<&'a str> {
    match name.to_str() {
        Some(text) if !text.chars().any(char::is_control) => Ok(text),
        _ => Err(Error::usage(
            msg!("error-bad-file-name", path = escaped(path)),
            msg!("help-bad-file-name"),
        )),
    }
}

/// `path` for a message: control characters as `\u{…}` escapes and bytes
/// that are not UTF-8 as `\x..`, so that every name shows, and shows apart
/// from any other.
pub fn escaped(path: &Path) -> String {
    let mut shown = String::new();
    for chunk in path.as_os_str().as_encoded_bytes().utf8_chunks() {
        for c in chunk.valid().chars() {
            if c.is_control() {
                let _ = write!(shown, "{}", c.escape_default());
            } else {
                shown.push(c);
            }
        }
        for byte in chunk.invalid() {
            let _ = write!(shown, "\\x{byte:02x}");
        }
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_escaped() {
        assert_eq!(escaped(Path::new("a\u{1}b\tc.md")), "a\\u{1}b\\tc.md");
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let name = OsStr::from_bytes(b"x\xffy.md");
            assert_eq!(escaped(Path::new(name)), "x\\xffy.md");
            assert!(checked_name(Path::new(name), name).is_err());
        }
        assert!(checked_name(Path::new("ok.md"), OsStr::new("ok.md")).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let pipe = dir.path().join("pipe.md");
        let c_path = std::ffi::CString::new(pipe.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o644) }, 0);
        assert!(matches!(read(&pipe), Err(Error::NotRegular { .. })));
        assert!(matches!(read(dir.path()), Err(Error::NotRegular { .. })));
        assert_eq!(read(&dir.path().join("none")).unwrap(), None);
    }
}
