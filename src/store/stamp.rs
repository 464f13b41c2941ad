//! How a file looked on disk, as a cheap stand-in for its contents.
//!
//! Reading and hashing a file is what tells for sure whether it changed;
//! with tens of thousands of catalogs that is most of a run. A file's size,
//! modification and status-change times and inode tell as much when the
//! file had been left alone for a while when it was looked at: any edit
//! since then moves its status-change time, which nobody can set back. A
//! file modified too recently for its times to tell a later edit within
//! the same clock tick apart is not stamped ("racy", as git calls it): its
//! contents must be read.
use std::fs;
use std::io;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

/// How long a file must have been left alone for its stamp to stand in for
/// its contents: longer than the coarsest timestamps of common file
/// systems.
const SETTLED: Duration = Duration::from_secs(2);

/// How far ahead of the system clock [`clock_now`] runs: 0 but in tests.
static CLOCK_AHEAD_MS: AtomicU64 = AtomicU64::new(0);

/// The time files' ages are judged against: the system clock, unless a
/// test moved it ahead ([`move_clock_ahead`]).
pub fn clock_now() -> SystemTime {
    SystemTime::now() + Duration::from_millis(CLOCK_AHEAD_MS.load(Ordering::Relaxed))
}

/// Makes this process judge files as if it ran `by` later, so that a test
/// sees files it just wrote as settled without waiting for them to settle
/// (a test seam, set only by `main.rs`).
pub fn move_clock_ahead(by: Duration) {
    let ms = u64::try_from(by.as_millis()).unwrap_or(u64::MAX);
    CLOCK_AHEAD_MS.store(ms, Ordering::Relaxed);
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stamp {
    /// No file there.
    Absent,
    /// A file not modified for a while: if it still looks like this, its
    /// contents are the same.
    Settled(FileStamp),
    /// A file modified too recently (or that cannot be looked at): only its
    /// contents can tell.
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    len: u64,
    modified: (i64, i64),
    changed: (i64, i64),
    inode: u64,
    device: u64,
}

impl Stamp {
    /// The stamp of a file the file system described so, looked at `now`.
    pub fn of(metadata: &io::Result<fs::Metadata>, now: SystemTime) -> Stamp {
        match metadata {
            Ok(metadata) => match FileStamp::of(metadata) {
                Some(stamp) if stamp.settled(now) => Stamp::Settled(stamp),
                _ => Stamp::Unknown,
            },
            Err(e) if e.kind() == io::ErrorKind::NotFound => Stamp::Absent,
            Err(_) => Stamp::Unknown,
        }
    }

    pub fn is_settled(&self) -> bool {
        matches!(self, Stamp::Settled(_))
    }

    /// Whether `metadata`, taken later, shows the file unchanged since this
    /// stamp; `false` when the stamp cannot tell.
    pub fn still(&self, metadata: &fs::Metadata) -> bool {
        match self {
            Stamp::Settled(stamp) => FileStamp::of(metadata) == Some(*stamp),
            Stamp::Absent | Stamp::Unknown => false,
        }
    }
}

impl Stamp {
    /// Whether `metadata`, taken after the file was renamed, shows the same
    /// file (inode) with the same size and modification time. A rename
    /// moves the status-change time, so that cannot tell here; callers
    /// check [`Stamp::still`] just before the rename instead.
    pub fn same_file(&self, metadata: &fs::Metadata) -> bool {
        match (self, FileStamp::of(metadata)) {
            (Stamp::Settled(stamp), Some(now)) => {
                FileStamp {
                    changed: stamp.changed,
                    ..now
                } == *stamp
            }
            _ => false,
        }
    }
}

impl FileStamp {
    #[cfg(unix)]
    fn of(metadata: &fs::Metadata) -> Option<FileStamp> {
        use std::os::unix::fs::MetadataExt;
        Some(FileStamp {
            len: metadata.len(),
            modified: (metadata.mtime(), metadata.mtime_nsec()),
            changed: (metadata.ctime(), metadata.ctime_nsec()),
            inode: metadata.ino(),
            device: metadata.dev(),
        })
    }

    /// Without a status-change time, a stamp could be faked by setting the
    /// modification time back: contents decide.
    #[cfg(not(unix))]
    fn of(_: &fs::Metadata) -> Option<FileStamp> {
        None
    }

    fn settled(&self, now: SystemTime) -> bool {
        let Some(limit) = now
            .checked_sub(SETTLED)
            .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
        else {
            return false;
        };
        let limit = (limit.as_secs() as i64, i64::from(limit.subsec_nanos()));
        self.modified < limit && self.changed < limit
    }
}
