//! `l10n man`: roff man pages made by clap_mangen from the flag table, in
//! the UI language. Without `--out`, the page of `l10n` itself (every
//! command listed with what it does) on standard output; with `--out DIR`,
//! that page and one per command (`l10n-status.1`, …) written into DIR.
use std::path::Path;

use crate::cli::Cli;
use crate::error::{Error, Result};
use crate::msg;
use crate::settings::{ManSettings, Settings};
use crate::store;

use super::Output;

pub(super) fn run(man: &ManSettings, settings: &Settings) -> Result<Output> {
    let mut command = Cli::command_in(settings.ui);
    // Built, so that the global flags (--dir, --quiet, …) reach the
    // commands' pages too.
    command.build();
    let Some(out_dir) = &man.out_dir else {
        return Ok(Output {
            stdout: page(&command),
            stderr: String::new(),
            passed: true,
        });
    };
    let mut pages = vec![("l10n.1".to_string(), page(&command))];
    for sub in command.get_subcommands().filter(|c| c.get_name() != "help") {
        // The page's title and its NAME line say `l10n-status`, the name
        // the top page's SUBCOMMANDS section refers to.
        let name = format!("l10n-{}", sub.get_name());
        let sub = sub.clone().name(name.clone()).bin_name(name.clone());
        pages.push((format!("{name}.1"), page(&sub)));
    }
    std::fs::create_dir_all(out_dir).map_err(|source| Error::Write {
        path: out_dir.clone(),
        source,
    })?;
    let mut stdout = String::new();
    for (file, text) in &pages {
        let path = out_dir.join(file);
        store::write_atomic(&path, text)?;
        let shown = shown_path(&path, &settings.cwd);
        stdout.push_str(&settings.ui.text(&msg!("wrote-file", path = shown)));
        stdout.push('\n');
    }
    Ok(Output {
        stdout,
        stderr: String::new(),
        passed: true,
    })
}

/// One command's page, in roff.
fn page(command: &clap::Command) -> String {
    let mut roff = Vec::new();
    clap_mangen::Man::new(command.clone())
        .render(&mut roff)
        .expect("writing to a Vec cannot fail");
    String::from_utf8_lossy(&roff).into_owned()
}

/// `path` as the user named it: from the current folder when inside it.
fn shown_path(path: &Path, cwd: &Path) -> String {
    crate::ui::path_text(path.strip_prefix(cwd).unwrap_or(path))
}
