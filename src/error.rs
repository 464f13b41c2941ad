//! The tool's one error type: what went wrong, where, and what to do.
//!
//! The core's errors (bad input found by a pure stage: [`l10n_core::Error`])
//! come wrapped as [`Error::Core`]; the variants here are the file system's
//! and the run's (conflicts, the lock, signals, usage). Errors carry a
//! [`Location`] when they point into a file, so the binary can render them
//! once, at the top, with the offending line.
use std::io;
use std::path::{Path, PathBuf};

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

    /// A path where a regular file should be that is something else (a
    /// named pipe, a socket, a device, a folder).
    #[error("{}", self.english())]
    NotRegular { path: PathBuf },

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

    /// The file the error is about, if it is about one: where its location
    /// points, or the file that could not be read, written or trusted.
    /// (A folder, as in `NoArticles` or `Locked`, is not a file.)
    pub fn file(&self) -> Option<&Path> {
        match self {
            Error::Read { path, .. }
            | Error::Write { path, .. }
            | Error::Conflict { path }
            | Error::ConflictWhileWriting { path, .. }
            | Error::NotRegular { path } => Some(path),
            _ => self.location().map(|location| location.path.as_path()),
        }
    }

    /// The error with every path it holds inside one of `roots` (a
    /// workspace's root, as given and with its links resolved) made
    /// relative to it, so that all errors name files alike: as the
    /// workspace sees them. Paths elsewhere stay as they are.
    pub fn relative_to(mut self, roots: &[&Path]) -> Error {
        let relative = |path: &mut PathBuf| {
            if let Some(inside) = roots.iter().find_map(|root| path.strip_prefix(root).ok()) {
                *path = if inside.as_os_str().is_empty() {
                    PathBuf::from(".")
                } else {
                    inside.to_path_buf()
                };
            }
        };
        match &mut self {
            Error::Read { path, .. }
            | Error::Write { path, .. }
            | Error::NoArticles { path }
            | Error::Conflict { path }
            | Error::Locked { path }
            | Error::NotRegular { path } => relative(path),
            Error::ConflictWhileWriting { path, kept } => {
                relative(path);
                if let Some(kept) = kept {
                    relative(kept);
                }
            }
            Error::Core(
                l10n_core::Error::InvalidUtf8 { location, .. }
                | l10n_core::Error::InvalidFile { location, .. },
            ) => relative(&mut location.path),
            Error::Core(_) | Error::Usage { .. } | Error::Interrupted { .. } => {}
        }
        self
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
            Error::NotRegular { path } => {
                msg!("error-not-regular", path = crate::ui::path_text(path))
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
            Error::NotRegular { .. } => Some(msg!("help-not-regular")),
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind of error that holds a path has it made relative to the
    /// root that holds it (either form of the root); others stay.
    #[test]
    fn paths_are_made_relative_to_the_root() {
        let (root, real) = (Path::new("/w"), Path::new("/real/w"));
        let io = || io::Error::from(io::ErrorKind::NotFound);
        let at = |path: &str| Location::at(path, "x = 1\n", 0);
        let errors = [
            Error::Read {
                path: "/w/a/b.toml".into(),
                source: io(),
            },
            Error::Write {
                path: "/real/w/a/b.toml".into(),
                source: io(),
            },
            Error::Core(l10n_core::Error::InvalidUtf8 {
                location: at("/w/a/b.toml"),
                offset: 0,
            }),
            Error::invalid(at("/w/a/b.toml"), msg!("help-locked"), msg!("help-locked")),
            Error::NoArticles {
                path: "/w/a/b.toml".into(),
            },
            Error::Conflict {
                path: "/w/a/b.toml".into(),
            },
            Error::Locked {
                path: "/w/a/b.toml".into(),
            },
            Error::NotRegular {
                path: "/w/a/b.toml".into(),
            },
        ];
        for error in errors {
            let shown = error.relative_to(&[root, real]);
            let path = match &shown {
                Error::Read { path, .. }
                | Error::Write { path, .. }
                | Error::NoArticles { path }
                | Error::Conflict { path }
                | Error::Locked { path }
                | Error::NotRegular { path } => path.clone(),
                other => other.location().unwrap().path.clone(),
            };
            assert_eq!(path, Path::new("a/b.toml"), "{shown:?}");
        }
        let outside = Error::NotRegular {
            path: "/elsewhere/b.toml".into(),
        };
        assert!(matches!(
            outside.relative_to(&[root]),
            Error::NotRegular { path } if path == Path::new("/elsewhere/b.toml")
        ));
        let the_root = Error::NoArticles { path: "/w".into() };
        assert!(matches!(
            the_root.relative_to(&[root]),
            Error::NoArticles { path } if path == Path::new(".")
        ));
    }
}
