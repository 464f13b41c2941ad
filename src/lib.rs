//! `l10n` keeps translations of articles in step with their source.
//!
//! The pure stages are the `l10n_core` crate: an article is read into blocks
//! ([`article`]), blocks are split into sentences ([`segment`]), the sentences
//! are aligned with the catalogs into a [`plan`]. This crate does the rest:
//! it finds the workspace ([`workspace`]), reads the inputs ([`survey`]),
//! writes the plan back ([`store`]) or judges and reports it ([`report`]),
//! and renders every message in the UI language ([`ui`]).
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod cache;
pub mod catalog_schema;
pub mod cli;
pub mod commands;
pub mod error;
pub mod files;
pub mod git;
pub mod history;
pub mod interrupt;
pub mod markdown_config;
pub mod memory;
pub mod policy;
pub mod progress;
pub mod report;
pub mod settings;
pub mod site;
pub mod store;
pub mod survey;
pub mod timings;
pub mod ui;
pub mod workspace;

// The core's modules under their old paths (`l10n::plan`, …), so that the
// code, tests, benches and fuzz targets written against one crate keep
// their paths while the split settles.
pub use l10n_core::{
    article, build, catalog, changes, diff, export, interchange, lang, memory_score, msg, plan, qa,
    segment,
};
