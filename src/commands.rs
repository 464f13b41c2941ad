//! Runs a parsed command line: one function per command, each returning
//! what to print and how the run ended. Only the binary prints.
use std::fmt::Write as _;
use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use crate::article;
use crate::cli::{
    CheckArgs, Cli, ColorChoice, Command, ExtractArgs, InitArgs, SegmentArgs, StatusArgs,
};
use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::plan::Origin;
use crate::report::{self, ArticleReport, Format, LanguageReport, Report, Style};
use crate::segment::Rules;
use crate::store;
use crate::survey::{self, ArticleSurvey};
use crate::workspace::{self, Workspace};

/// What a run prints, and whether it passed.
#[derive(Debug, Default)]
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    /// False when a check failed (exit code 1).
    pub passed: bool,
}

/// Facts about the process the library does not look up itself.
#[derive(Debug, Clone)]
pub struct Environment {
    pub cwd: PathBuf,
    pub stdout_is_terminal: bool,
    pub no_color: bool,
}

pub fn run(cli: &Cli, env: &Environment) -> Result<Output> {
    let cwd = match &cli.dir {
        Some(dir) => env.cwd.join(dir),
        None => env.cwd.clone(),
    };
    let style = Style {
        color: match cli.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => env.stdout_is_terminal && !env.no_color,
        },
    };
    match &cli.command {
        Command::Init(args) => init(&cwd, args),
        Command::Extract(args) => extract(&Workspace::discover(&cwd)?, args),
        Command::Status(args) => status(&Workspace::discover(&cwd)?, &cwd, args, style),
        Command::Check(args) => check(&Workspace::discover(&cwd)?, &cwd, args, style),
        Command::Segment(args) => segment(&cwd, args),
    }
}

fn init(dir: &Path, args: &InitArgs) -> Result<Output> {
    let path = dir.join(workspace::CONFIG_FILE);
    if path.exists() {
        return Err(Error::usage(
            format!("{} already exists", path.display()),
            "edit it, or remove it to start again",
        ));
    }
    store::write_atomic(
        &path,
        &workspace::default_config_text(&args.source_lang, &args.languages),
    )?;
    let articles = dir.join("articles");
    fs::create_dir_all(&articles).map_err(|source| Error::Write {
        path: articles,
        source,
    })?;
    Ok(Output {
        stdout: "wrote l10n.toml; put articles (.md, .txt) in articles/, then run `l10n extract`\n"
            .into(),
        passed: true,
        ..Output::default()
    })
}

/// The languages to work on: those named, else the workspace's.
fn languages(workspace: &Workspace, named: &[Lang], required: bool) -> Result<Vec<Lang>> {
    let mut languages = if named.is_empty() {
        workspace.target_languages()?
    } else {
        named.to_vec()
    };
    languages.dedup();
    if let Some(source) = languages
        .iter()
        .find(|l| **l == workspace.config.source_lang)
    {
        return Err(Error::usage(
            format!("{source} is the source language"),
            "name a target language; the source language's catalogs are the templates",
        ));
    }
    if required && languages.is_empty() {
        return Err(Error::usage(
            "this workspace has no target languages",
            "pass --lang LANG, list `languages` in l10n.toml, or create locales/<lang>/",
        ));
    }
    Ok(languages)
}

fn extract(workspace: &Workspace, args: &ExtractArgs) -> Result<Output> {
    let languages = languages(workspace, &args.languages, false)?;
    let articles = workspace.articles()?;
    let surveys = survey::survey(workspace, &languages, &articles, args.prune)?;
    let source_lang = &workspace.config.source_lang;

    // Everything was read and validated; now write.
    let mut out = String::new();
    let mut written = 0;
    for survey in &surveys {
        let template = survey.plan.template(source_lang);
        let mut writes: Vec<(&Path, String)> = Vec::new();
        if survey
            .template
            .as_ref()
            .is_none_or(|old| !old.same_content(&template))
        {
            writes.push((&survey.template_path, store::render(&template)));
        }
        for (path, language) in &survey.languages {
            if language.changed {
                writes.push((path, store::render(&language.catalog)));
            }
        }
        if writes.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{}: {}", survey.file.id, changes(survey));
        for (path, text) in writes {
            store::write_atomic(path, &text)?;
            let _ = writeln!(out, "  wrote {}", workspace.display_path(path));
            written += 1;
        }
    }
    let _ = writeln!(
        out,
        "extract: {} article{}, {} catalog{} written",
        surveys.len(),
        plural(surveys.len()),
        written,
        plural(written)
    );
    let mut stderr = String::new();
    if languages.is_empty() {
        stderr.push_str(
            "note: no target languages yet; only templates were written \
             (add `languages` to l10n.toml or pass --lang LANG)\n",
        );
    }
    Ok(Output {
        stdout: out,
        stderr,
        passed: true,
    })
}

/// "1 added, 1 changed, …" for an article's plan.
fn changes(survey: &ArticleSurvey) -> String {
    let plan = &survey.plan;
    let count = |f: fn(&Origin) -> bool| plan.segments.iter().filter(|s| f(&s.origin)).count();
    let parts = [
        (count(|o| *o == Origin::New), "added"),
        (count(|o| matches!(o, Origin::Changed { .. })), "changed"),
        (count(|o| *o == Origin::Moved), "moved"),
        (plan.dropped.len(), "obsoleted"),
    ];
    let said: Vec<String> = parts
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
    if said.is_empty() {
        "catalogs brought up to date".to_string()
    } else {
        said.join(", ")
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn build_report(
    workspace: &Workspace,
    cwd: &Path,
    named: &[Lang],
    articles: &[String],
) -> Result<Report> {
    let languages = languages(workspace, named, true)?;
    let articles = survey::select_articles(workspace, articles, cwd)?;
    let surveys = survey::survey(workspace, &languages, &articles, false)?;
    let languages = languages
        .iter()
        .enumerate()
        .map(|(i, lang)| {
            let articles = surveys
                .iter()
                .map(|s| {
                    let (path, plan) = &s.languages[i];
                    ArticleReport::new(plan, workspace.display_path(path))
                })
                .collect();
            LanguageReport::new(lang.clone(), articles)
        })
        .collect();
    Ok(Report {
        source_lang: workspace.config.source_lang.clone(),
        passed: None,
        languages,
    })
}

fn status(workspace: &Workspace, cwd: &Path, args: &StatusArgs, style: Style) -> Result<Output> {
    let report = build_report(workspace, cwd, &args.languages, &args.articles)?;
    let stdout = match args.format {
        Format::Text => report::status_text(&report, args.diff, style),
        Format::Json => report.to_json(),
    };
    Ok(Output {
        stdout,
        passed: true,
        ..Output::default()
    })
}

fn check(workspace: &Workspace, cwd: &Path, args: &CheckArgs, style: Style) -> Result<Output> {
    let mut report = build_report(workspace, cwd, &args.languages, &args.articles)?;
    let passed = report.judge(args.min_translated.or(workspace.config.min_translated));
    let stdout = match args.format {
        Format::Text => report::check_text(&report, style),
        Format::Json => report.to_json(),
    };
    Ok(Output {
        stdout,
        passed,
        ..Output::default()
    })
}

#[derive(serde::Serialize)]
struct SegmentLine<'a> {
    block: usize,
    text: &'a str,
}

#[derive(serde::Serialize)]
struct BoundaryLine<'a> {
    block: usize,
    split: bool,
    rule: &'a str,
    before: &'a str,
    after: &'a str,
}

/// Up to 30 characters of the line before `offset`.
fn context_before(text: &str, offset: usize) -> &str {
    let line = &text[..offset];
    let line = &line[line.rfind('\n').map_or(0, |i| i + 1)..];
    let skip = line.chars().count().saturating_sub(30);
    &line[line.char_indices().nth(skip).map_or(0, |(i, _)| i)..]
}

/// Up to 30 characters of the line after `offset`.
fn context_after(text: &str, offset: usize) -> &str {
    let line = &text[offset..];
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    &line[..line.char_indices().nth(30).map_or(line.len(), |(i, _)| i)]
}

fn segment(cwd: &Path, args: &SegmentArgs) -> Result<Output> {
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
        fs::read(&path).map_err(|source| Error::Read { path, source })?
    };
    let shown = if path == &stdin {
        Path::new("standard input")
    } else {
        path.as_path()
    };
    let text = article::decode(shown, &bytes)?;
    let lang = match &args.lang {
        Some(lang) => lang.clone(),
        None => Workspace::discover(cwd)
            .map(|w| w.config.source_lang)
            .unwrap_or_else(|_| "en".parse().expect("`en` is a language tag")),
    };
    let mut rules = Rules::for_language(lang.as_str());
    if let Ok(workspace) = Workspace::discover(cwd) {
        rules.add_abbreviations(&workspace.config.segmenter.abbreviations);
    }
    let plain = args.plain
        || path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("txt"));
    let mut stdout = String::new();
    if args.explain {
        for boundary in article::boundaries(&text, !plain, &rules) {
            let line = BoundaryLine {
                block: boundary.block,
                split: boundary.split,
                rule: boundary.rule,
                before: context_before(&text, boundary.offset),
                after: context_after(&text, boundary.offset),
            };
            stdout.push_str(&serde_json::to_string(&line).unwrap_or_default());
            stdout.push('\n');
        }
        return Ok(Output {
            stdout,
            passed: true,
            ..Output::default()
        });
    }
    for segment in article::segments(&text, !plain, &rules) {
        let line = SegmentLine {
            block: segment.block,
            text: &segment.text,
        };
        stdout.push_str(&serde_json::to_string(&line).unwrap_or_default());
        stdout.push('\n');
    }
    Ok(Output {
        stdout,
        passed: true,
        ..Output::default()
    })
}
