//! The core's one error type: what a pure stage found wrong with its input,
//! and where, as data.
//!
//! Errors carry a [`Location`] when they point into a text, so the binary
//! can render them once, at the top, with the offending line. The words are
//! [`Message`]s, rendered by the `l10n` crate in the UI language; errors of
//! the file system and of the run (conflicts, locks, signals) are that
//! crate's, which wraps this one.
use std::fmt;
use std::path::PathBuf;

use crate::message::{Data, Message};
use crate::msg;
use crate::text::path_text;

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

/// Displays as data (the message id and arguments); the binary renders
/// [`Error::message`] and [`Error::help`] in the UI language.
#[derive(Debug)]
pub enum Error {
    InvalidUtf8 {
        location: Location,
        offset: usize,
    },

    /// A catalog or configuration file that does not parse or has the wrong shape.
    InvalidFile {
        location: Location,
        message: Message,
        help: Box<Message>,
    },

    BadLanguage {
        tag: String,
    },
}

impl Error {
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
            Error::BadLanguage { .. } => None,
        }
    }

    /// What went wrong.
    pub fn message(&self) -> Message {
        match self {
            Error::InvalidUtf8 { location, offset } => msg!(
                "error-invalid-utf8",
                path = path_text(&location.path),
                offset = *offset
            ),
            Error::InvalidFile { message, .. } => message.clone(),
            Error::BadLanguage { tag } => msg!("error-bad-language", tag = tag),
        }
    }

    /// What the user can do about it.
    pub fn help(&self) -> Option<Message> {
        match self {
            Error::InvalidFile { help, .. } => Some(Message::clone(help)),
            Error::BadLanguage { .. } => Some(msg!("help-bad-language")),
            Error::InvalidUtf8 { .. } => Some(msg!("help-invalid-utf8")),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Data(&self.message()).fmt(f)
    }
}

impl std::error::Error for Error {}
