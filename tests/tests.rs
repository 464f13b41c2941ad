//! Integration tests: one binary, a module per area, each driving the real
//! `l10n` binary in temporary workspaces.
mod build;
mod cache;
mod commit_race;
mod corpus;
mod errors;
mod example;
mod export;
mod extract;
mod fallback;
mod hostile;
mod markdown;
mod messages;
mod output;
mod partition;
mod preserve;
mod properties;
mod qa;
mod safety;
mod scenario;
mod segmentation;
mod ui_lang;
mod util;
