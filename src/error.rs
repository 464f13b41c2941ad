//! The library's one error type: what went wrong, where, and what to do.
//!
//! Errors carry a [`Location`] when they point into a file, so the binary can
//! render them once, at the top, with the offending line.
use std::io;
use std::path::PathBuf;

use crate::msg;
use crate::ui::Message;

/// A place in a text file: 1-based line and column (in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    /// The text of that line, for a snippet.
    pub line_text: String,
}

impl Location {
    /// The location of byte `offset` in `text` (clamped to the text).
    pub fn at(path: impl Into<PathBuf>, text: &str, offset: usize) -> Location {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        Location {
            path: path.into(),
            line: text[..offset].matches('\n').count() + 1,
            column: text[line_start..offset].chars().count() + 1,
            line_text: text[line_start..line_end]
                .trim_end_matches('\r')
                .to_string(),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Displays in English; the binary renders [`Error::message`] and
/// [`Error::help`] in the UI language.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}", self.message())]
    Read { path: PathBuf, source: io::Error },

    #[error("{}", self.message())]
    Write { path: PathBuf, source: io::Error },

    #[error("{}", self.message())]
    InvalidUtf8 { location: Location, offset: usize },

    /// A catalog or configuration file that does not parse or has the wrong shape.
    #[error("{message}")]
    InvalidFile {
        location: Location,
        message: Message,
        help: Box<Message>,
    },

    #[error("{}", self.message())]
    BadLanguage { tag: String },

    #[error("{}", self.message())]
    NoArticles { path: PathBuf },

    /// A catalog that changed on disk after it was read.
    #[error("{}", self.message())]
    Conflict { path: PathBuf },

    #[error("{}", self.message())]
    Locked { path: PathBuf },

    /// A catalog (or output) that changed on disk while it was being put
    /// in place: the changed file was put back, files committed before it
    /// stay new. `kept` holds a second version saved in the same instant,
    /// set aside rather than deleted.
    #[error("{}", self.message())]
    ConflictWhileWriting {
        path: PathBuf,
        kept: Option<PathBuf>,
    },

    /// The run was asked to stop (SIGINT, SIGTERM) and did, at a file
    /// boundary.
    #[error("{}", self.message())]
    Interrupted { signal: i32 },

    /// Bad usage that the argument parser cannot see: an unknown article, a
    /// workspace with no target languages, a file that already exists.
    #[error("{message}")]
    Usage { message: Message, help: Message },
}

impl Error {
    pub fn usage(message: Message, help: Message) -> Error {
        Error::Usage { message, help }
    }

    pub fn invalid(location: Location, message: Message, help: Message) -> Error {
        Error::InvalidFile {
            location,
            message,
            help: Box::new(help),
        }
    }

    pub fn location(&self) -> Option<&Location> {
        match self {
            Error::InvalidUtf8 { location, .. } | Error::InvalidFile { location, .. } => {
                Some(location)
            }
            _ => None,
        }
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
            Error::InvalidUtf8 { location, offset } => msg!(
                "error-invalid-utf8",
                path = crate::ui::path_text(&location.path),
                offset = *offset
            ),
            Error::InvalidFile { message, .. } | Error::Usage { message, .. } => message.clone(),
            Error::BadLanguage { tag } => msg!("error-bad-language", tag = tag),
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
            Error::InvalidFile { help, .. } => Some(Message::clone(help)),
            Error::Usage { help, .. } => Some(help.clone()),
            Error::BadLanguage { .. } => Some(msg!("help-bad-language")),
            Error::InvalidUtf8 { .. } => Some(msg!("help-invalid-utf8")),
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
