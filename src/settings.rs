//! The settings of one run: the command line, `l10n.toml` and the
//! environment, resolved once into one value that the commands read
//! (ripgrep's low-level flags → high-level args). Where a flag and the
//! configuration both say something (`--min-translated` and
//! `min-translated` or `[check]`, `--strict` and `fail-on`, `--qa` and
//! `[qa] enabled`, `--lang` and `languages`,
//! `--color` and `NO_COLOR`), the decision is made here and nowhere else.
//!
//! Resolving reads what the command needs first, in the order the run
//! always read it: the workspace (`l10n.toml`) for the commands that work
//! on one, and, for `segment`, its input before the workspace, so that an
//! unreadable file is reported before a broken configuration.
use std::io::Read as _;
use std::path::{Path, PathBuf};

use crate::article::{self, MarkdownSettings};
use crate::cli::{
    BuildArgs, CheckArgs, Cli, ColorChoice, Command, ExportArgs, ExportFormat, ExtractArgs, Fill,
    ImportArgs, InitArgs, ManArgs, ReportArgs, SegmentArgs, StatusArgs, SuggestArgs,
};
use crate::error::{Error, Result};
use crate::files;
use crate::lang::Lang;
use crate::msg;
use crate::policy::Policy;
use crate::qa::QaConfig;
use crate::report::{Detail, Format, Style};
use crate::segment::Rules;
use crate::survey::Partition;
use crate::ui::Ui;
use crate::workspace::Workspace;

/// Facts about the process the library does not look up itself.
#[derive(Debug, Clone)]
pub struct Environment {
    pub cwd: PathBuf,
    pub stdout_is_terminal: bool,
    pub no_color: bool,
    /// Tells the user something while the run goes on (the binary prints it
    /// to standard error at once).
    pub notify: fn(&str),
    /// Identifies this build of the program, so that a cache made by
    /// another one is not trusted.
    pub program_id: u64,
    /// The language of every message for people (not of JSON output).
    pub ui: Ui,
    /// The clock, in seconds since the Unix epoch.
    pub clock: u64,
    /// `SOURCE_DATE_EPOCH`: the time exported files record instead of the
    /// clock's, so that an export can be reproduced byte for byte.
    pub source_date_epoch: Option<std::ffi::OsString>,
    /// `L10N_TIMINGS=1`: print the timings table as `--timings` does.
    pub timings: bool,
}

/// Everything a run needs to know, decided.
pub struct Settings {
    /// The folder the run works from: `--dir`, taken from the current one.
    pub cwd: PathBuf,
    /// Colour on standard output: `--color`, else a terminal without `NO_COLOR`.
    pub style: Style,
    pub ui: Ui,
    pub notify: fn(&str),
    pub program_id: u64,
    /// `--quiet`: standard error carries errors only (no warnings, notes or
    /// progress), and a writing command that succeeds prints nothing.
    pub quiet: bool,
    /// `--timings` (extract, status) or `L10N_TIMINGS=1`: print where the
    /// run spent its time (see `timings`).
    pub timings: bool,
    pub command: CommandSettings,
}

/// The settings of each command.
// One value per run, never moved around in bulk: its size does not matter.
#[allow(clippy::large_enum_variant)]
pub enum CommandSettings {
    Init(InitSettings),
    Extract(ExtractSettings),
    Status(StatusSettings),
    Check(CheckSettings),
    Build(BuildSettings),
    Export(ExportSettings),
    Import(ImportSettings),
    Segment(SegmentSettings),
    Report(ReportSettings),
    Completions(clap_complete::Shell),
    Man(ManSettings),
    Suggest(SuggestSettings),
}

pub struct ManSettings {
    /// `--out`, from `cwd`: one page per command written there; without it
    /// the page of `l10n` goes to standard output.
    pub out_dir: Option<PathBuf>,
}

pub struct InitSettings {
    pub source_lang: Lang,
    /// The target languages named, without repeats, in the order given.
    pub languages: Vec<Lang>,
}

pub struct ExtractSettings {
    pub workspace: Workspace,
    pub targets: Targets,
    pub prune: bool,
    /// Whether to wait for a run that holds the lock (`--no-wait` not given).
    pub wait: bool,
    pub partition: Option<Partition>,
    /// `--fill`: which memory matches fill missing entries, and the least
    /// score of a fuzzy one.
    pub fill: Option<(Fill, u8)>,
}

pub struct SuggestSettings {
    pub workspace: Workspace,
    pub lang: Lang,
    pub format: Format,
    pub min_score: u8,
    pub max: usize,
    pub articles: Vec<String>,
}

pub struct StatusSettings {
    pub source: StatusSource,
    pub format: Format,
    pub diff: bool,
}

/// Where `status` takes its report from.
#[allow(clippy::large_enum_variant)]
pub enum StatusSource {
    Workspace {
        workspace: Workspace,
        scope: Scope,
    },
    /// The JSON reports of partitioned runs (`--merge`).
    Merge(Vec<PathBuf>),
}

pub struct CheckSettings {
    pub workspace: Workspace,
    pub scope: Scope,
    /// The rules of `[check]` in l10n.toml with `--min-translated` and
    /// `--strict` laid over them.
    pub policy: Policy,
    /// `--merge`: the JSON reports of partitioned runs to judge instead of
    /// the workspace's articles (empty: none).
    pub merge: Vec<PathBuf>,
    pub format: Format,
    /// `--max-issues`: how many problems the text and GitHub outputs list
    /// before they only count the rest.
    pub max_issues: Option<usize>,
}

/// What `status` and `check` report on.
pub struct Scope {
    pub targets: Targets,
    /// The articles named (ids or paths); empty for all.
    pub articles: Vec<String>,
    pub partition: Option<Partition>,
    /// `--since REF`: only the articles whose article file, template or
    /// catalogs git sees changed since REF.
    pub since: Option<String>,
    pub use_cache: bool,
    /// The quality checks to run on translations, if any.
    pub qa: Option<QaConfig>,
    /// What the output shows of each article.
    pub detail: Detail,
}

pub struct BuildSettings {
    pub workspace: Workspace,
    pub lang: Lang,
    /// Where the articles go: `--out` (from `cwd`), then the language.
    pub out_dir: PathBuf,
    pub articles: Vec<String>,
    /// `--min-translated`, else `min-translated` in l10n.toml.
    pub min_translated: Option<f64>,
    pub mark_outdated: bool,
    /// `--strict`: an article with any segment in the source language is
    /// not written.
    pub strict: bool,
}

pub struct ExportSettings {
    pub workspace: Workspace,
    pub lang: Lang,
    /// Where the resources go: `--out` (from `cwd`), then the language.
    pub out_dir: PathBuf,
    pub format: ExportFormat,
    /// The articles named on the command line (all when empty).
    pub articles: Vec<String>,
    /// When the files are made (see [`Environment::now`]).
    pub now: u64,
}

pub struct ImportSettings {
    pub workspace: Workspace,
    /// The files and folders named, from `cwd`.
    pub files: Vec<PathBuf>,
    /// `--dry-run`: say what would be applied, write nothing.
    pub dry_run: bool,
}

pub struct SegmentSettings {
    /// The text to segment, read and decoded.
    pub text: String,
    /// Plain text rather than Markdown: `--plain`, or a `.txt` file.
    pub plain: bool,
    /// The workspace's `[markdown]` settings.
    pub markdown: MarkdownSettings,
    pub explain: bool,
    /// The rules of `--lang`, else of the source language, with the
    /// workspace's additions.
    pub rules: Rules,
}

pub struct ReportSettings {
    pub workspace: Workspace,
    /// What the report covers: the languages, every article.
    pub scope: Scope,
    /// Where `index.html` goes: `--out`, from `cwd`.
    pub out_dir: PathBuf,
}

/// The target languages a command works on.
#[derive(Debug, Clone)]
pub enum Targets {
    /// Those named with `--lang`, without repeats.
    Named(Vec<Lang>),
    /// The workspace's: `languages` in l10n.toml, else the folders under
    /// `locales/`.
    Workspace,
}

impl Targets {
    fn from_flags(named: &[Lang]) -> Targets {
        if named.is_empty() {
            Targets::Workspace
        } else {
            Targets::Named(unique(named.to_vec()))
        }
    }

    /// The languages, refused if the source language is among them or, when
    /// `required`, if there are none.
    pub fn list(&self, workspace: &Workspace, required: bool) -> Result<Vec<Lang>> {
        let languages = match self {
            Targets::Named(languages) => languages.clone(),
            Targets::Workspace => unique(workspace.target_languages()?),
        };
        if let Some(source) = languages
            .iter()
            .find(|l| **l == workspace.config.source_lang)
        {
            return Err(Error::usage(
                msg!("error-source-language", lang = source),
                msg!("help-source-language"),
            ));
        }
        if required && languages.is_empty() {
            return Err(Error::usage(
                msg!("error-no-target-languages"),
                msg!("help-no-target-languages"),
            ));
        }
        Ok(languages)
    }
}

impl Settings {
    /// Resolves the command line against the environment and, for the
    /// commands that work on one, the workspace's configuration.
    pub fn resolve(cli: &Cli, env: &Environment) -> Result<Settings> {
        let cwd = match &cli.dir {
            Some(dir) => env.cwd.join(dir),
            None => env.cwd.clone(),
        };
        // Said plainly here: a missing folder would otherwise look like an
        // empty workspace.
        if !cwd.is_dir() {
            return Err(Error::usage(
                msg!("error-no-such-folder", path = files::escaped(&cwd)),
                msg!("help-no-such-folder"),
            ));
        }
        let style = Style {
            color: match cli.color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => env.stdout_is_terminal && !env.no_color,
            },
        };
        let command = match &cli.command {
            Command::Init(args) => CommandSettings::Init(init(args)),
            Command::Extract(args) => CommandSettings::Extract(extract(&cwd, args)?),
            Command::Status(args) => CommandSettings::Status(status(&cwd, args)?),
            Command::Check(args) => CommandSettings::Check(check(&cwd, args)?),
            Command::Build(args) => CommandSettings::Build(build(&cwd, args)?),
            Command::Export(args) => CommandSettings::Export(export(&cwd, args, file_time(env)?)?),
            Command::Import(args) => CommandSettings::Import(import(&cwd, args)?),
            Command::Segment(args) => CommandSettings::Segment(segment(&cwd, args)?),
            Command::Completions(args) => CommandSettings::Completions(args.shell),
            Command::Man(args) => CommandSettings::Man(man(&cwd, args)),
            Command::Report(args) => CommandSettings::Report(report(&cwd, args)?),
            Command::Suggest(args) => CommandSettings::Suggest(suggest(&cwd, args)?),
        };
        Ok(Settings {
            cwd,
            style,
            ui: env.ui,
            // Under --quiet, notes said while the run goes on are dropped.
            notify: if cli.quiet { |_| {} } else { env.notify },
            program_id: env.program_id,
            quiet: cli.quiet,
            timings: env.timings
                || matches!(&cli.command, Command::Extract(a) if a.timings)
                || matches!(&cli.command, Command::Status(a) if a.timings),
            command,
        })
    }
}

fn init(args: &InitArgs) -> InitSettings {
    InitSettings {
        source_lang: args.source_lang.clone(),
        languages: unique(args.languages.clone()),
    }
}

fn extract(cwd: &Path, args: &ExtractArgs) -> Result<ExtractSettings> {
    Ok(ExtractSettings {
        workspace: Workspace::discover(cwd)?,
        targets: Targets::from_flags(&args.languages),
        prune: args.prune,
        wait: !args.no_wait,
        partition: args.partition,
        fill: args.fill.map(|fill| (fill, args.min_score)),
    })
}

fn suggest(cwd: &Path, args: &SuggestArgs) -> Result<SuggestSettings> {
    Ok(SuggestSettings {
        workspace: Workspace::discover(cwd)?,
        lang: args.lang.clone(),
        format: args.format,
        min_score: args.min_score,
        max: args.max,
        articles: args.articles.clone(),
    })
}

fn status(cwd: &Path, args: &StatusArgs) -> Result<StatusSettings> {
    let source = if args.merge.is_empty() {
        StatusSource::Workspace {
            workspace: Workspace::discover(cwd)?,
            scope: Scope {
                targets: Targets::from_flags(&args.languages),
                articles: args.articles.clone(),
                partition: args.partition,
                since: args.since.clone(),
                use_cache: !args.no_cache,
                qa: None,
                detail: match (args.format, args.diff) {
                    (Format::Text, true) => Detail::Diff,
                    (Format::Text, false) => Detail::Counts,
                    _ => Detail::Everything,
                },
            },
        }
    } else {
        StatusSource::Merge(args.merge.clone())
    };
    Ok(StatusSettings {
        source,
        format: args.format,
        diff: args.diff,
    })
}

fn check(cwd: &Path, args: &CheckArgs) -> Result<CheckSettings> {
    let workspace = Workspace::discover(cwd)?;
    let qa = &workspace.config.qa;
    let scope = Scope {
        targets: Targets::from_flags(&args.languages),
        articles: args.articles.clone(),
        partition: args.partition,
        since: args.since.clone(),
        use_cache: !args.no_cache,
        qa: (args.qa || qa.enabled).then(|| QaConfig {
            disabled: qa.disabled.clone(),
        }),
        detail: Detail::Everything,
    };
    let config = &workspace.config;
    let policy = Policy::resolve(
        &config.check,
        config.min_translated,
        args.min_translated,
        args.strict,
    );
    Ok(CheckSettings {
        policy,
        merge: args.merge.clone(),
        workspace,
        scope,
        format: args.format,
        max_issues: args.max_issues,
    })
}

fn build(cwd: &Path, args: &BuildArgs) -> Result<BuildSettings> {
    let workspace = Workspace::discover(cwd)?;
    Ok(BuildSettings {
        min_translated: args.min_translated.or(workspace.config.min_translated),
        workspace,
        lang: args.lang.clone(),
        out_dir: cwd.join(&args.out).join(args.lang.as_str()),
        articles: args.articles.clone(),
        mark_outdated: args.mark_outdated,
        strict: args.strict,
    })
}

fn export(cwd: &Path, args: &ExportArgs, now: u64) -> Result<ExportSettings> {
    Ok(ExportSettings {
        workspace: Workspace::discover(cwd)?,
        lang: args.lang.clone(),
        out_dir: cwd.join(&args.out).join(args.lang.as_str()),
        format: args.format,
        articles: args.articles.clone(),
        now,
    })
}

/// The time exported files record: `SOURCE_DATE_EPOCH` (whole seconds up
/// to the end of year 9999), else the clock.
fn file_time(env: &Environment) -> Result<u64> {
    const LAST: u64 = 253_402_300_799;
    let Some(value) = &env.source_date_epoch else {
        return Ok(env.clock);
    };
    let text = value.to_string_lossy();
    text.trim()
        .parse::<u64>()
        .ok()
        .filter(|seconds| *seconds <= LAST)
        .ok_or_else(|| {
            Error::usage(
                msg!("error-source-date-epoch", value = text.as_ref()),
                msg!("help-source-date-epoch"),
            )
        })
}

fn import(cwd: &Path, args: &ImportArgs) -> Result<ImportSettings> {
    Ok(ImportSettings {
        workspace: Workspace::discover(cwd)?,
        files: args.files.iter().map(|f| cwd.join(f)).collect(),
        dry_run: args.dry_run,
    })
}

fn segment(cwd: &Path, args: &SegmentArgs) -> Result<SegmentSettings> {
    let stdin = PathBuf::from("-");
    let path = args.file.as_ref().unwrap_or(&stdin);
    let bytes = if path == &stdin {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|source| Error::Read {
                path: "standard input".into(),
                source,
            })?;
        bytes
    } else {
        let path = cwd.join(path);
        std::fs::read(&path).map_err(|source| Error::Read { path, source })?
    };
    let shown = if path == &stdin {
        Path::new("standard input")
    } else {
        path.as_path()
    };
    let text = article::decode(shown, &bytes)?;
    let workspace = Workspace::discover(cwd)?;
    let config = &workspace.config;
    let lang = args.lang.as_ref().unwrap_or(&config.source_lang);
    Ok(SegmentSettings {
        text,
        plain: args.plain
            || path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("txt")),
        explain: args.explain,
        markdown: config.markdown.clone(),
        rules: config.segmenter.rules(lang),
    })
}

fn man(cwd: &Path, args: &ManArgs) -> ManSettings {
    ManSettings {
        out_dir: args.out.as_ref().map(|out| cwd.join(out)),
    }
}

fn report(cwd: &Path, args: &ReportArgs) -> Result<ReportSettings> {
    Ok(ReportSettings {
        workspace: Workspace::discover(cwd)?,
        scope: Scope {
            targets: Targets::from_flags(&args.languages),
            articles: Vec::new(),
            partition: None,
            use_cache: !args.no_cache,
            qa: None,
            // The outdated segments for their diffs, and the others for
            // the words of each state.
            detail: Detail::Everything,
            since: None,
        },
        out_dir: cwd.join(&args.out),
    })
}

/// `languages` without repeats, in the order first given.
fn unique(mut languages: Vec<Lang>) -> Vec<Lang> {
    let mut seen = std::collections::HashSet::new();
    languages.retain(|lang| seen.insert(lang.clone()));
    languages
}
