//! Integration tests: one binary, a module per area, each driving the real
//! `l10n` binary in temporary workspaces.
mod build;
mod cache;
mod commit_race;
mod corpus;
mod entries;
mod errors;
mod example;
mod export;
mod extract;
mod fallback;
mod hostile;
mod markdown;
mod messages;
mod output;
mod outputs_hostile;
mod partition;
mod paths;
mod preserve;
mod properties;
mod qa;
mod safety;
mod scenario;
mod segmentation;
mod store_fixes;
mod ui_lang;
mod util;
