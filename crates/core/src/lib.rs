//! The pure stages of `l10n`: text and data in, data out.
//!
//! The modules follow the data's path: an article is read into blocks
//! ([`article`]), blocks are split into sentences ([`segment`]), the sentences
//! are aligned with the catalogs ([`catalog`]) into a [`plan`], which is
//! judged ([`qa`], [`diff`]) or turned into outputs ([`build`], [`export`],
//! [`catalog::render`]) or exchange files ([`interchange`]). Nothing here touches the file system, the terminal,
//! a thread pool or the words of the UI: what the stages have to say is a
//! [`Message`] (an id and arguments) that the `l10n` crate renders.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod article;
pub mod build;
pub mod calendar;
pub mod catalog;
pub mod changes;
pub mod diff;
pub mod error;
pub mod export;
pub mod interchange;
pub mod lang;
mod matching;
pub mod memory_score;
pub mod message;
pub mod plan;
pub mod qa;
mod rules_text;
pub mod segment;
pub mod text;

pub use error::{Error, Location, Result};
pub use message::{Arg, Message};
