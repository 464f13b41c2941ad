//! The tool's one error type: what went wrong, where, and what to do.
//!
//! The core's errors (bad input found by a pure stage: [`l10n_core::Error`])
//! come wrapped as [`Error::Core`]; the variants here are the file system's
//! and the run's (conflicts, the lock, signals, usage). Errors carry a
//! [`Location`] when they point into a file, so the binary can render them
//! once, at the top, with the offending line.
use std::io;
use std::path::PathBuf;

pub use l10n_core::error::Location;

use crate::msg;
use crate::ui::{Message, Ui};

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Displays in English; the binary renders [`Error::message`] and
/// [`Error::help`] in the UI language.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad input a pure stage found: a file that is not UTF-8 or does not
    /// parse, a bad language tag.
    #[error("{}", self.english())]
    Core(#[from] l10n_core::Error),

    #[error("{}", self.english())]
    Read { path: PathBuf, source: io::Error },

    #[error("{}", self.english())]
    Write { path: PathBuf, source: io::Error },

    #[error("{}", self.english())]
    NoArticles { path: PathBuf },

    /// A catalog that changed on disk after it was read.
    #[error("{}", self.english())]
    Conflict { path: PathBuf },

    #[error("{}", self.english())]
    Locked { path: PathBuf },

    /// A catalog (or output) that changed on disk while it was being put
    /// in place: the changed file was put back, files committed before it
    /// stay new. `kept` holds a second version saved in the same instant,
    /// set aside rather than deleted.
    #[error("{}", self.english())]
    ConflictWhileWriting {
        path: PathBuf,
        kept: Option<PathBuf>,
    },

    /// The run was asked to stop (SIGINT, SIGTERM) and did, at a file
    /// boundary.
    #[error("{}", self.english())]
    Interrupted { signal: i32 },

    /// Bad usage that the argument parser cannot see: an unknown article, a
    /// workspace with no target languages, a file that already exists.
    #[error("{}", self.english())]
    Usage { message: Message, help: Message },
}

impl Error {
    pub fn usage(message: Message, help: Message) -> Error {
        Error::Usage { message, help }
    }

    /// A file that does not parse or has the wrong shape (see
    /// [`l10n_core::Error::invalid`]).
    pub fn invalid(location: Location, message: Message, help: Message) -> Error {
        Error::Core(l10n_core::Error::invalid(location, message, help))
    }

    pub fn location(&self) -> Option<&Location> {
        match self {
            Error::Core(error) => error.location(),
            _ => None,
        }
    }

    /// The message in English, for `Display`.
    fn english(&self) -> String {
        Ui::ENGLISH.text(&self.message())
    }

    /// What went wrong.
    pub fn message(&self) -> Message {
        match self {
            Error::Read { path, source } => msg!(
                "error-read",
                path = crate::ui::path_text(path),
                reason = source.to_string()
            ),
            Error::Write { path, source } => msg!(
                "error-write",
                path = crate::ui::path_text(path),
                reason = source.to_string()
            ),
            Error::Core(error) => error.message(),
            Error::Usage { message, .. } => message.clone(),
            Error::NoArticles { path } => {
                msg!("error-no-articles", path = crate::ui::path_text(path))
            }
            Error::Conflict { path } => msg!("error-conflict", path = crate::ui::path_text(path)),
            Error::Locked { path } => msg!("error-locked", path = crate::ui::path_text(path)),
            Error::ConflictWhileWriting { path, kept: None } => msg!(
                "error-conflict-while-writing",
                path = crate::ui::path_text(path)
            ),
            Error::ConflictWhileWriting {
                path,
                kept: Some(kept),
            } => msg!(
                "error-conflict-kept",
                path = crate::ui::path_text(path),
                kept = crate::ui::path_text(kept)
            ),
            Error::Interrupted { signal } => {
                msg!("error-interrupted", signal = signal_name(*signal))
            }
        }
    }

    /// What the user can do about it.
    pub fn help(&self) -> Option<Message> {
        match self {
            Error::Core(error) => error.help(),
            Error::Usage { help, .. } => Some(help.clone()),
            Error::NoArticles { .. } => Some(msg!("help-no-articles")),
            Error::Conflict { .. } => Some(msg!("help-conflict")),
            Error::Locked { .. } => Some(msg!("help-locked")),
            Error::ConflictWhileWriting { .. } => Some(msg!("help-conflict-while-writing")),
            Error::Read { .. } | Error::Write { .. } | Error::Interrupted { .. } => None,
        }
    }
}

/// A signal's usual name (`SIGINT`), for messages.
fn signal_name(signal: i32) -> String {
    match signal {
        2 => "SIGINT".to_string(),
        15 => "SIGTERM".to_string(),
        _ => format!("signal {signal}"),
    }
}
