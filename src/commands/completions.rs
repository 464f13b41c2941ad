//! `l10n completions SHELL`: the shell's completion script for `l10n`, made
//! by clap_complete from the same flag table that parses the command line
//! (so it never lists a flag the program lacks), printed on standard output.
use clap_complete::Shell;

use super::Output;
use crate::cli::Cli;
use crate::settings::Settings;

pub(super) fn run(shell: Shell, settings: &Settings) -> Output {
    let mut command = Cli::command_in(settings.ui);
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "l10n", &mut script);
    Output {
        // clap_complete writes only the text of its templates and our
        // UTF-8 help texts.
        stdout: String::from_utf8_lossy(&script).into_owned(),
        stderr: String::new(),
        passed: true,
    }
}
