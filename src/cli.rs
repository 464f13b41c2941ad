//! The command line: flags as clap parses them. Validated values (language
//! tags) are parsed here, so a bad one is a usage error before any work.
//!
//! Every help text is written once, in the `.ftl` files (the `cli-*`
//! messages, listed in [`help_messages`]), and set on the command by
//! [`localized`] in the UI language. The flags carry no doc comments: clap
//! would take them for help texts, a second copy of each.
use std::path::PathBuf;

use std::ffi::OsString;

use clap::builder::{EnumValueParser, PossibleValue, TypedValueParser};
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::lang::Lang;
use crate::msg;
use crate::report::Format;
use crate::survey::Partition;
use crate::ui::{Message, Ui};

#[derive(Debug, Parser)]
#[command(name = "l10n", version)]
pub struct Cli {
    #[arg(short = 'C', long = "dir", global = true, value_name = "DIR")]
    pub dir: Option<PathBuf>,

    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub ui_lang: Option<Lang>,

    #[arg(short = 'q', long, global = true)]
    pub quiet: bool,

    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// The command line with its help texts in `ui`'s language: what
    /// parsing, the man pages and the shell completions are made from.
    pub fn command_in(ui: Ui) -> clap::Command {
        localized(Cli::command(), ui)
    }

    /// Parses `args` with the help texts in `ui`'s language. The error is
    /// also how clap asks for help or the version to be printed (its
    /// `exit_code` is 0 then; a bad argument is 2).
    pub fn try_parse_from_in(args: Vec<OsString>, ui: Ui) -> Result<Cli, clap::Error> {
        let matches = Cli::command_in(ui).try_get_matches_from(args)?;
        Cli::from_arg_matches(&matches)
    }
}

/// The command with every help text and every complaint about a value from
/// the messages of `ui`. clap's own words (`Usage:`, `Options:`, `error:
/// invalid value`) stay English.
fn localized(mut command: clap::Command, ui: Ui) -> clap::Command {
    for (subcommand, arg, message) in help_messages() {
        let text = ui.text(&message);
        command = match (subcommand, arg) {
            ("", "") => command.about(text),
            ("", "long") => command.long_about(text),
            ("", "after") => command.after_help(text),
            ("", arg) => command.mut_arg(arg, |a| a.help(text)),
            (sub, "") => command.mut_subcommand(sub, |c| c.about(text)),
            (sub, "long") => command.mut_subcommand(sub, |c| c.long_about(text)),
            (sub, arg) => command.mut_subcommand(sub, |c| c.mut_arg(arg, |a| a.help(text))),
        };
    }
    localized_parsers(command, ui)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Init(InitArgs),
    Extract(ExtractArgs),
    Status(StatusArgs),
    Check(CheckArgs),
    Build(BuildArgs),
    Export(ExportArgs),
    Import(ImportArgs),
    Segment(SegmentArgs),
    Completions(CompletionsArgs),
    Man(ManArgs),
    Report(ReportArgs),
    Suggest(SuggestArgs),
}

#[derive(Debug, Args)]
pub struct InitArgs {
    #[arg(long, default_value = "en", value_name = "LANG", value_parser = parse_lang)]
    pub source_lang: Lang,
    #[arg(long = "lang", value_name = "LANG", value_parser = parse_lang)]
    pub languages: Vec<Lang>,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[arg(long = "lang", value_name = "LANG", value_parser = parse_lang)]
    pub languages: Vec<Lang>,
    #[arg(long)]
    pub prune: bool,
    #[arg(long)]
    pub no_wait: bool,
    #[arg(long, value_name = "K/N")]
    pub partition: Option<Partition>,
    #[arg(long, value_enum, value_name = "HOW")]
    pub fill: Option<Fill>,
    #[arg(long, value_name = "N", default_value_t = 70, value_parser = clap::value_parser!(u8).range(0..=100))]
    pub min_score: u8,
    #[arg(long)]
    pub timings: bool,
}

/// `extract --fill`: which translation memory matches fill missing entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Fill {
    /// Identical sources only (score 100), counted translated.
    Exact,
    /// Also the best match at or above `--min-score`, as outdated.
    Fuzzy,
}

#[derive(Debug, Args)]
pub struct SuggestArgs {
    #[arg(long = "lang", value_name = "LANG", value_parser = parse_lang)]
    pub lang: Lang,
    #[arg(long, value_parser = format_parser(), default_value = "text")]
    pub format: Format,
    #[arg(long, value_name = "N", default_value_t = 70, value_parser = clap::value_parser!(u8).range(0..=100))]
    pub min_score: u8,
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub max: usize,
    #[arg(value_name = "ARTICLE")]
    pub articles: Vec<String>,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    #[arg(long = "lang", value_name = "LANG", value_parser = parse_lang)]
    pub languages: Vec<Lang>,
    #[arg(long)]
    pub diff: bool,
    #[arg(long, value_parser = format_parser(), default_value = "text")]
    pub format: Format,
    #[arg(long, value_name = "K/N")]
    pub partition: Option<Partition>,
    #[arg(long)]
    pub no_cache: bool,
    #[arg(long)]
    pub timings: bool,
    #[arg(long, num_args = 1.., value_name = "REPORT.json", conflicts_with_all = ["languages", "articles", "partition", "since"])]
    pub merge: Vec<PathBuf>,
    #[arg(long, value_name = "REF")]
    pub since: Option<String>,
    #[arg(value_name = "ARTICLE")]
    pub articles: Vec<String>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[arg(long = "lang", value_name = "LANG", value_parser = parse_lang)]
    pub languages: Vec<Lang>,
    #[arg(long)]
    pub no_cache: bool,
    #[arg(long)]
    pub qa: bool,
    #[arg(long, value_name = "PCT", value_parser = parse_percent)]
    pub min_translated: Option<f64>,
    #[arg(long, value_parser = check_format_parser(), default_value = "text")]
    pub format: Format,
    #[arg(long, value_name = "K/N")]
    pub partition: Option<Partition>,
    #[arg(long, value_name = "N")]
    pub max_issues: Option<usize>,
    #[arg(long)]
    pub strict: bool,
    #[arg(long, value_name = "REF")]
    pub since: Option<String>,
    #[arg(long, num_args = 1.., value_name = "REPORT.json", conflicts_with_all = ["languages", "articles", "partition", "since", "qa", "no_cache"])]
    pub merge: Vec<PathBuf>,
    #[arg(value_name = "ARTICLE")]
    pub articles: Vec<String>,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[arg(long = "lang", value_name = "LANG", value_parser = parse_lang)]
    pub lang: Lang,
    #[arg(long, value_name = "DIR", default_value = "build")]
    pub out: PathBuf,
    #[arg(long, value_name = "PCT", value_parser = parse_percent)]
    pub min_translated: Option<f64>,
    #[arg(long)]
    pub mark_outdated: bool,
    #[arg(long)]
    pub strict: bool,
    #[arg(value_name = "ARTICLE")]
    pub articles: Vec<String>,
}

/// `--format` of `status` and `check`: the report's [`Format`], as clap
/// parses it (the report knows nothing of clap).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Text,
    Json,
}

impl From<FormatArg> for Format {
    fn from(format: FormatArg) -> Format {
        match format {
            FormatArg::Text => Format::Text,
            FormatArg::Json => Format::Json,
        }
    }
}

/// The parser of `--format`: a [`FormatArg`], mapped to the report's format.
fn format_parser() -> impl TypedValueParser<Value = Format> {
    EnumValueParser::<FormatArg>::new().map(Format::from)
}

/// `--format` of `check`: [`FormatArg`]'s values and the formats CI systems
/// read (`status` has no verdict for them to carry).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormatArg {
    Text,
    Json,
    Github,
    Junit,
    Sarif,
}

impl From<CheckFormatArg> for Format {
    fn from(format: CheckFormatArg) -> Format {
        match format {
            CheckFormatArg::Text => Format::Text,
            CheckFormatArg::Json => Format::Json,
            CheckFormatArg::Github => Format::Github,
            CheckFormatArg::Junit => Format::Junit,
            CheckFormatArg::Sarif => Format::Sarif,
        }
    }
}

fn check_format_parser() -> impl TypedValueParser<Value = Format> {
    EnumValueParser::<CheckFormatArg>::new().map(Format::from)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Ftl,
    Po,
    Tmx,
    // XLIFF 1.2 (the version most CAT tools read), value `xliff`.
    Xliff,
    Xliff2,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value_t = ExportFormat::Ftl)]
    pub format: ExportFormat,
    #[arg(long = "lang", value_name = "LANG", value_parser = parse_lang)]
    pub lang: Lang,
    #[arg(long, value_name = "DIR", default_value = "export")]
    pub out: PathBuf,
    #[arg(value_name = "ARTICLE")]
    pub articles: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[arg(long)]
    pub dry_run: bool,
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct SegmentArgs {
    #[arg(long, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,
    #[arg(long)]
    pub plain: bool,
    #[arg(long)]
    pub explain: bool,
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[arg(long = "lang", value_name = "LANG", value_parser = parse_lang)]
    pub languages: Vec<Lang>,
    #[arg(long, value_name = "DIR", default_value = "report")]
    pub out: PathBuf,
    #[arg(long)]
    pub no_cache: bool,
}

/// The value of `--ui-lang` in raw arguments, if it is a valid tag: the UI
/// language must be known before the arguments are parsed, so that `--help`
/// and parse errors are in it. An invalid one is left to the parser to
/// refuse.
pub fn ui_lang_arg(args: &[std::ffi::OsString]) -> Option<String> {
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        let value = match arg.strip_prefix("--ui-lang") {
            _ if arg == "--" => return None,
            Some("") => args.next(),
            Some(rest) => rest.strip_prefix('=').map(|v| v.to_string().into()),
            None => continue,
        };
        return value
            .filter(|v| v.parse::<Lang>().is_ok())
            .map(|v| v.into_owned());
    }
    None
}

/// Whether raw arguments ask `status` or `check` for `--format json`: a
/// usage error the parser finds is then also printed as JSON on standard
/// output, so the format must be known without a parsed command line.
/// Global options that take a value (`-C DIR`, `--color WHEN`, `--ui-lang
/// LANG`) are skipped before the command's name; nothing after `--` counts.
pub fn json_format_arg(args: &[std::ffi::OsString]) -> bool {
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    let command = loop {
        match args.next().as_deref() {
            None | Some("--") => return false,
            Some("-C" | "--dir" | "--color" | "--ui-lang") => {
                args.next();
            }
            Some(option) if option.starts_with('-') => {}
            Some(command) => break command.to_string(),
        }
    };
    if command != "status" && command != "check" {
        return false;
    }
    while let Some(arg) = args.next() {
        match arg.as_ref() {
            "--" => return false,
            "--format" => return args.next().is_some_and(|value| value == "json"),
            _ => {
                if let Some(value) = arg.strip_prefix("--format=") {
                    return value == "json";
                }
            }
        }
    }
    false
}

fn parse_lang(tag: &str) -> Result<Lang, String> {
    parse_lang_in(tag, Ui::ENGLISH)
}

fn parse_lang_in(tag: &str, ui: Ui) -> Result<Lang, String> {
    tag.parse::<Lang>().map_err(|e| match e.help() {
        Some(help) => format!("{}; {}", ui.text(&e.message()), ui.text(&help)),
        None => ui.text(&e.message()),
    })
}

fn parse_percent(text: &str) -> Result<f64, String> {
    parse_percent_in(text, Ui::ENGLISH)
}

fn parse_percent_in(text: &str, ui: Ui) -> Result<f64, String> {
    let value: f64 = text
        .trim_end_matches('%')
        .parse()
        .map_err(|_| ui.text(&msg!("error-not-a-number", value = text)))?;
    if (0.0..=100.0).contains(&value) {
        Ok(value)
    } else {
        Err(ui.text(&msg!("error-not-a-percentage", value = value.to_string())))
    }
}

/// `command` with the value parsers of its arguments, and of its
/// subcommands' arguments, saying what is wrong in `ui`'s language.
fn localized_parsers(mut command: clap::Command, ui: Ui) -> clap::Command {
    let command_name = command.get_name().to_string();
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        command = command.mut_arg(id, |arg| match arg.get_id().as_str() {
            "ui_lang" | "source_lang" | "languages" | "lang" => {
                arg.value_parser(move |s: &str| parse_lang_in(s, ui))
            }
            "min_translated" => arg.value_parser(move |s: &str| parse_percent_in(s, ui)),
            "partition" => arg.value_parser(move |s: &str| {
                s.parse::<Partition>()
                    .map_err(|_| ui.text(&msg!("error-partition", value = s)))
            }),
            "format" if command_name == "export" => {
                arg.value_parser(DescribedValues::new(ui, |format| match format {
                    ExportFormat::Ftl => msg!("cli-value-export-ftl"),
                    ExportFormat::Po => msg!("cli-value-export-po"),
                    ExportFormat::Tmx => msg!("cli-value-export-tmx"),
                    ExportFormat::Xliff => msg!("cli-value-export-xliff"),
                    ExportFormat::Xliff2 => msg!("cli-value-export-xliff2"),
                }))
            }
            "format" if command_name == "check" => arg.value_parser(
                DescribedValues::new(ui, |format| match format {
                    CheckFormatArg::Text => msg!("cli-value-format-text"),
                    CheckFormatArg::Json => msg!("cli-value-format-json"),
                    CheckFormatArg::Github => msg!("cli-value-format-github"),
                    CheckFormatArg::Junit => msg!("cli-value-format-junit"),
                    CheckFormatArg::Sarif => msg!("cli-value-format-sarif"),
                })
                .map(Format::from),
            ),
            "format" => arg.value_parser(
                DescribedValues::new(ui, |format| match format {
                    FormatArg::Text => msg!("cli-value-format-text"),
                    FormatArg::Json => msg!("cli-value-format-json"),
                })
                .map(Format::from),
            ),
            _ => arg,
        });
    }
    let subcommands: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in subcommands {
        command = command.mut_subcommand(name, |c| localized_parsers(c, ui));
    }
    command
}

/// The parser of a value enum, with each value described in the UI
/// language (the `Possible values:` of `--help`).
#[derive(Clone)]
struct DescribedValues<E: ValueEnum + Clone + Send + Sync + 'static> {
    values: Vec<PossibleValue>,
    parser: EnumValueParser<E>,
}

impl<E: ValueEnum + Clone + Send + Sync + 'static> DescribedValues<E> {
    fn new(ui: Ui, describe: impl Fn(&E) -> Message) -> DescribedValues<E> {
        let values = E::value_variants()
            .iter()
            .filter_map(|v| Some(v.to_possible_value()?.help(ui.text(&describe(v)))))
            .collect();
        DescribedValues {
            values,
            parser: EnumValueParser::new(),
        }
    }
}

impl<E: ValueEnum + Clone + Send + Sync + 'static> TypedValueParser for DescribedValues<E> {
    type Value = E;

    fn parse_ref(
        &self,
        command: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<E, clap::Error> {
        self.parser.parse_ref(command, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(self.values.iter().cloned()))
    }
}

/// Every help text of the command line: (subcommand, argument, text), with
/// `""` for the top level or the command itself, `long` for its long
/// description and `after` for the text after the options.
fn help_messages() -> Vec<(&'static str, &'static str, Message)> {
    vec![
        ("", "", msg!("cli-about")),
        ("", "long", msg!("cli-long-about")),
        ("", "after", msg!("cli-after-help")),
        ("", "dir", msg!("cli-dir")),
        ("", "color", msg!("cli-color")),
        ("", "ui_lang", msg!("cli-ui-lang")),
        ("init", "", msg!("cli-init-about")),
        ("init", "source_lang", msg!("cli-init-source-lang")),
        ("init", "languages", msg!("cli-init-languages")),
        ("extract", "", msg!("cli-extract-about")),
        ("extract", "long", msg!("cli-extract-long-about")),
        ("extract", "languages", msg!("cli-extract-languages")),
        ("extract", "prune", msg!("cli-extract-prune")),
        ("extract", "no_wait", msg!("cli-extract-no-wait")),
        ("extract", "partition", msg!("cli-extract-partition")),
        ("status", "", msg!("cli-status-about")),
        ("status", "long", msg!("cli-status-long-about")),
        ("status", "languages", msg!("cli-status-languages")),
        ("status", "diff", msg!("cli-status-diff")),
        ("status", "format", msg!("cli-status-format")),
        ("status", "partition", msg!("cli-status-partition")),
        ("status", "no_cache", msg!("cli-status-no-cache")),
        ("status", "merge", msg!("cli-status-merge")),
        ("status", "since", msg!("cli-status-since")),
        ("status", "articles", msg!("cli-status-articles")),
        ("check", "", msg!("cli-check-about")),
        ("check", "long", msg!("cli-check-long-about")),
        ("check", "languages", msg!("cli-check-languages")),
        ("check", "no_cache", msg!("cli-check-no-cache")),
        ("check", "qa", msg!("cli-check-qa")),
        ("check", "min_translated", msg!("cli-check-min-translated")),
        ("check", "format", msg!("cli-check-format")),
        ("check", "partition", msg!("cli-check-partition")),
        ("check", "max_issues", msg!("cli-check-max-issues")),
        ("check", "strict", msg!("cli-check-strict")),
        ("check", "since", msg!("cli-check-since")),
        ("check", "merge", msg!("cli-check-merge")),
        ("check", "articles", msg!("cli-check-articles")),
        ("build", "", msg!("cli-build-about")),
        ("build", "long", msg!("cli-build-long-about")),
        ("build", "lang", msg!("cli-build-lang")),
        ("build", "out", msg!("cli-build-out")),
        ("build", "min_translated", msg!("cli-build-min-translated")),
        ("build", "mark_outdated", msg!("cli-build-mark-outdated")),
        ("build", "strict", msg!("cli-build-strict")),
        ("build", "articles", msg!("cli-build-articles")),
        ("export", "", msg!("cli-export-about")),
        ("export", "long", msg!("cli-export-long-about")),
        ("export", "lang", msg!("cli-export-lang")),
        ("export", "out", msg!("cli-export-out")),
        ("export", "articles", msg!("cli-build-articles")),
        ("import", "", msg!("cli-import-about")),
        ("import", "long", msg!("cli-import-long-about")),
        ("import", "dry_run", msg!("cli-import-dry-run")),
        ("import", "files", msg!("cli-import-files")),
        ("segment", "", msg!("cli-segment-about")),
        ("segment", "long", msg!("cli-segment-long-about")),
        ("segment", "lang", msg!("cli-segment-lang")),
        ("segment", "plain", msg!("cli-segment-plain")),
        ("segment", "explain", msg!("cli-segment-explain")),
        ("segment", "file", msg!("cli-segment-file")),
        ("", "quiet", msg!("cli-quiet")),
        ("completions", "", msg!("cli-completions-about")),
        ("completions", "long", msg!("cli-completions-long-about")),
        ("completions", "shell", msg!("cli-completions-shell")),
        ("man", "", msg!("cli-man-about")),
        ("man", "long", msg!("cli-man-long-about")),
        ("man", "out", msg!("cli-man-out")),
        ("report", "", msg!("cli-report-about")),
        ("report", "long", msg!("cli-report-long-about")),
        ("report", "languages", msg!("cli-report-languages")),
        ("report", "out", msg!("cli-report-out")),
        ("report", "no_cache", msg!("cli-report-no-cache")),
        ("extract", "fill", msg!("cli-extract-fill")),
        ("extract", "min_score", msg!("cli-extract-min-score")),
        ("suggest", "", msg!("cli-suggest-about")),
        ("suggest", "long", msg!("cli-suggest-long-about")),
        ("suggest", "lang", msg!("cli-suggest-lang")),
        ("suggest", "format", msg!("cli-suggest-format")),
        ("suggest", "min_score", msg!("cli-suggest-min-score")),
        ("suggest", "max", msg!("cli-suggest-max")),
        ("suggest", "articles", msg!("cli-suggest-articles")),
        ("extract", "timings", msg!("cli-extract-timings")),
        ("status", "timings", msg!("cli-status-timings")),
    ]
}
