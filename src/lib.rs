//! `l10n` keeps translations of articles in step with their source.
//!
//! The modules follow the data's path: an article is read into blocks
//! ([`article`]), blocks are split into sentences ([`segment`]), the sentences
//! are aligned with the catalogs into a [`plan`], and the plan is either written
//! back ([`store`]) or judged and reported ([`report`]).
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod article;
pub mod build;
pub mod cache;
pub mod catalog;
pub mod cli;
pub mod commands;
pub mod diff;
pub mod error;
pub mod export;
pub mod files;
pub mod interrupt;
pub mod lang;
pub mod plan;
pub mod qa;
pub mod report;
pub mod segment;
pub mod store;
pub mod survey;
pub mod ui;
pub mod workspace;
