//! The stop flag: set when the process is asked to stop (SIGINT, SIGTERM),
//! checked by the writing commands between files, so that a run stops at a
//! file boundary, removes its temporary files and leaves every file old or
//! new. The binary installs the signal handlers; the library only reads
//! the flag, so a library user that never sets it is never interrupted.
use std::sync::atomic::{AtomicI32, Ordering};

use crate::error::{Error, Result};

/// The signal that asked the run to stop; 0 while none has.
static PENDING: AtomicI32 = AtomicI32::new(0);

/// Asks the run to stop because of `signal`. Only an atomic store, so it
/// is safe to call from a signal handler.
pub fn raise(signal: i32) {
    PENDING.store(signal, Ordering::SeqCst);
}

/// The signal that asked the run to stop, if one did.
pub fn pending() -> Option<i32> {
    match PENDING.load(Ordering::SeqCst) {
        0 => None,
        signal => Some(signal),
    }
}

/// Fails with [`Error::Interrupted`] once the run was asked to stop.
pub fn check() -> Result<()> {
    match pending() {
        Some(signal) => Err(Error::Interrupted { signal }),
        None => Ok(()),
    }
}
