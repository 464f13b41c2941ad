//! The library's one error type: what went wrong, where, and what to do.
//!
//! Errors carry a [`Location`] when they point into a file, so the binary can
//! render them once, at the top, with the offending line.
use std::io;
use std::path::PathBuf;

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

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read {}: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },

    #[error("cannot write {}: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },

    #[error("{} is not valid UTF-8 (byte offset {offset})", location.path.display())]
    InvalidUtf8 { location: Location, offset: usize },

    /// A catalog or configuration file that does not parse or has the wrong shape.
    #[error("{message}")]
    InvalidFile {
        location: Location,
        message: String,
        help: String,
    },

    #[error("`{tag}` is not a valid language tag")]
    BadLanguage { tag: String, help: String },

    #[error("there is no articles folder at {}", path.display())]
    NoArticles { path: PathBuf },

    /// A catalog that changed on disk after it was read.
    #[error("{} changed on disk while l10n was working; nothing was written", path.display())]
    Conflict { path: PathBuf },

    #[error("another l10n run is working in this workspace (lock: {})", path.display())]
    Locked { path: PathBuf },

    /// Bad usage that the argument parser cannot see: an unknown article, a
    /// workspace with no target languages, a file that already exists.
    #[error("{message}")]
    Usage { message: String, help: String },
}

impl Error {
    pub fn usage(message: impl Into<String>, help: impl Into<String>) -> Error {
        Error::Usage {
            message: message.into(),
            help: help.into(),
        }
    }

    pub fn invalid(
        location: Location,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Error {
        Error::InvalidFile {
            location,
            message: message.into(),
            help: help.into(),
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

    /// What the user can do about it.
    pub fn help(&self) -> Option<&str> {
        match self {
            Error::InvalidFile { help, .. }
            | Error::BadLanguage { help, .. }
            | Error::Usage { help, .. } => Some(help),
            Error::InvalidUtf8 { .. } => Some(
                "save the file as UTF-8 (most editors offer this under \"Save with encoding\")",
            ),
            Error::NoArticles { .. } => Some(
                "create the folder and put .md or .txt articles in it, or set `articles` in l10n.toml",
            ),
            Error::Conflict { .. } => Some(
                "someone saved it (an editor?) after l10n read it; run the command again to pick up their edit",
            ),
            Error::Locked { .. } => Some("wait for it to finish, or run without --no-wait to wait"),
            Error::Read { .. } | Error::Write { .. } => None,
        }
    }
}
