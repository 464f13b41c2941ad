//! Runs a parsed command line: the [`Settings`] are resolved once, then one
//! module per command does its work and returns what to print and how the
//! run ended. Only the binary prints.
mod build;
mod check;
mod completions;
mod export;
mod extract;
mod import;
mod init;
mod man;
mod report;
mod reports;
mod segment;
mod status;
mod suggest;

use std::fmt::Write as _;
use std::path::Path;

use crate::cli::Cli;
use crate::error::Result;
use crate::msg;
use crate::settings::{CommandSettings, Environment, ManSettings, Settings};
use crate::store;
use crate::survey::Partition;
use crate::workspace::{ArticleFile, Workspace};

/// What a run prints, and whether it passed.
#[derive(Debug, Default)]
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    /// False when a check failed (exit code 1).
    pub passed: bool,
}

pub fn run(cli: &Cli, env: &Environment) -> Result<Output> {
    let result = Settings::resolve(cli, env).and_then(|settings| {
        let start = std::time::Instant::now();
        if settings.timings {
            crate::timings::enable();
        }
        match &settings.command {
            CommandSettings::Init(init) => init::run(init, &settings),
            CommandSettings::Extract(extract) => extract::run(extract, &settings),
            CommandSettings::Status(status) => status::run(status, &settings),
            CommandSettings::Check(check) => check::run(check, &settings),
            CommandSettings::Build(build) => build::run(build, &settings),
            CommandSettings::Export(export) => export::run(export, &settings),
            CommandSettings::Import(import) => import::run(import, &settings),
            CommandSettings::Segment(segment) => Ok(segment::run(segment)),
            CommandSettings::Report(report) => report::run(report, &settings),
            CommandSettings::Completions(shell) => Ok(completions::run(*shell, &settings)),
            CommandSettings::Man(man) => man::run(man, &settings),
            CommandSettings::Suggest(suggest) => suggest::run(suggest, &settings),
        }
        .map(|output| quieted(output, &settings))
        .map(|mut output| {
            // Asked for by name: printed even under --quiet.
            if settings.timings {
                output.stderr += &crate::timings::table(settings.ui, start);
            }
            output
        })
    });
    // Files in errors are named as the workspace sees them, whichever part
    // of the program made the error.
    result.map_err(|error| {
        let cwd = match &cli.dir {
            Some(dir) => env.cwd.join(dir),
            None => env.cwd.clone(),
        };
        let root = Workspace::root_of(&cwd);
        let real = root.canonicalize().unwrap_or_else(|_| root.clone());
        error.relative_to(&[&root, &real])
    })
}

/// The output as `--quiet` leaves it: no warnings or notes on standard
/// error, and nothing from a writing command that succeeded (what it wrote
/// is its summary, not data). What a command reports on (status, check
/// with its verdict lines, segment, and a writing command that failed,
/// such as an import that could not apply everything) stays.
fn quieted(mut output: Output, settings: &Settings) -> Output {
    if !settings.quiet {
        return output;
    }
    output.stderr.clear();
    let writes = matches!(
        settings.command,
        CommandSettings::Init(_)
            | CommandSettings::Extract(_)
            | CommandSettings::Build(_)
            | CommandSettings::Export(_)
            | CommandSettings::Import(_)
            | CommandSettings::Man(ManSettings { out_dir: Some(_) })
    );
    if writes && output.passed {
        output.stdout.clear();
    }
    output
}

/// Takes the workspace lock, which every writing command holds, saying so
/// when it has to wait.
fn lock(root: &Path, wait: bool, settings: &Settings) -> Result<store::Lock> {
    store::Lock::acquire(root, wait, |path| {
        let lock = path.display().to_string();
        (settings.notify)(&settings.ui.text(&msg!("extract-waiting", lock = lock)))
    })
}

fn in_partition(mut articles: Vec<ArticleFile>, partition: Option<Partition>) -> Vec<ArticleFile> {
    if let Some(partition) = partition {
        articles.retain(|a| partition.contains(&a.id));
    }
    articles
}

/// Refuses an output folder (`--out`) that is, or lies under, something
/// other than a folder (said plainly, before anything is read or staged),
/// or that would land on the sources.
fn output_folder(workspace: &Workspace, dir: &Path) -> Result<()> {
    let existing = dir.ancestors().find(|a| a.symlink_metadata().is_ok());
    if let Some(found) = existing.filter(|found| !found.is_dir()) {
        return Err(crate::error::Error::usage(
            msg!(
                "error-out-not-folder",
                path = crate::ui::escape(&workspace.display_path(found)).into_owned()
            ),
            msg!("help-out-not-folder"),
        ));
    }
    workspace.check_output(dir)
}

/// Stages a file `build`, `export` or `report` writes, to replace whatever is there,
/// unless it would land on the sources (through a link in the output tree).
fn stage_output(workspace: &Workspace, path: &Path, text: &str) -> Result<store::Staged> {
    workspace.check_output(path)?;
    store::stage(path, text.as_bytes(), store::Fingerprint::of_file(path)?)
}

/// Writes the staged outputs of `build`, `export` or `report` and says so.
fn commit_outputs(
    workspace: &Workspace,
    staged: Vec<store::Staged>,
    settings: &Settings,
) -> Result<Output> {
    let mut stdout = String::new();
    for file in &staged {
        let wrote = msg!("wrote-file", path = workspace.display_path(file.target()));
        let _ = writeln!(stdout, "{}", settings.ui.text(&wrote));
    }
    store::commit(staged, Vec::new())?;
    Ok(Output {
        stdout,
        stderr: String::new(),
        passed: true,
    })
}
