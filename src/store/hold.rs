//! A test seam: a commit held at its start until the test lets it go.
//!
//! A test that saves a catalog, signals the run or starts a second one
//! "while `extract` commits" needs the run to be at that moment, staged and
//! not yet checked or swapped. A timed pause guesses how long the run takes
//! to get there; this is a handshake instead: the run creates a marker file
//! when it gets there and waits until the test deletes it.
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use crate::interrupt;

/// The marker set by [`hold_commits_at`]; none but in tests.
static MARKER: OnceLock<PathBuf> = OnceLock::new();

/// How long a held commit waits at most: a test that never lets it go
/// fails instead of hanging.
const LIMIT: Duration = Duration::from_secs(120);

/// Makes every commit of this process, once its files are staged and
/// flushed, create the file `marker` and wait until it is deleted (or the
/// run is asked to stop). Set only by `main.rs`.
pub fn hold_commits_at(marker: PathBuf) {
    let _ = MARKER.set(marker);
}

/// Holds the commit as [`hold_commits_at`] asked; returns at once without
/// a marker, or when the marker cannot be created.
pub(super) fn wait() {
    let Some(marker) = MARKER.get() else {
        return;
    };
    if std::fs::write(marker, b"").is_err() {
        return;
    }
    let started = Instant::now();
    while marker.exists() && interrupt::pending().is_none() && started.elapsed() < LIMIT {
        std::thread::sleep(Duration::from_millis(2));
    }
}
