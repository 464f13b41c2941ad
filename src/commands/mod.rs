//! Runs a parsed command line: one function per command, each returning
//! what to print and how the run ended. Only the binary prints.
use std::fmt::Write as _;
use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::article;
use crate::build::{Fill, MarkOutdated, build_article, build_plain_article};
use crate::cache::{self, Cache};
use crate::catalog::Catalog;
use crate::cli::{
    BuildArgs, CheckArgs, Cli, ColorChoice, Command, ExportArgs, ExportFormat, ExtractArgs,
    InitArgs, SegmentArgs, StatusArgs,
};
use crate::error::{Error, Location, Result};
use crate::export::{FtlMessage, to_ftl};
use crate::files;
use crate::lang::Lang;
use crate::msg;
use crate::plan::{Origin, State};
use crate::qa::{self, Check, QaConfig};
use crate::report::{self, ArticleReport, Detail, Format, LanguageReport, QaIssue, Report, Style};
use crate::store::{self, CatalogFile};
use crate::survey::{self, ArticleSurvey, Partition};
use crate::ui::{Message, Ui};
use crate::workspace::{self, ArticleFile, Fallbacks, Workspace};

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
    /// Tells the user something while the run goes on (the binary prints it
    /// to standard error at once).
    pub notify: fn(&str),
    /// A test seam: how long `extract`, `build` and `export` wait between
    /// staging their writes and committing them, to let a test save a
    /// catalog, signal the run or start another in between.
    pub pause_before_commit: Option<std::time::Duration>,
    /// Identifies this build of the program, so that a cache made by
    /// another one is not trusted.
    pub program_id: u64,
    /// The language of every message for people (not of JSON output).
    pub ui: Ui,
}

pub fn run(cli: &Cli, env: &Environment) -> Result<Output> {
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
    let result = match &cli.command {
        Command::Init(args) => init(&cwd, args, env),
        Command::Extract(args) => Workspace::discover(&cwd).and_then(|ws| extract(&ws, args, env)),
        Command::Status(args) => status(&cwd, args, style, env),
        Command::Check(args) => {
            Workspace::discover(&cwd).and_then(|ws| check(&ws, &cwd, args, style, env))
        }
        Command::Build(args) => {
            Workspace::discover(&cwd).and_then(|ws| build(&ws, &cwd, args, env))
        }
        Command::Export(args) => {
            Workspace::discover(&cwd).and_then(|ws| export(&ws, &cwd, args, env))
        }
        Command::Segment(args) => segment(&cwd, args),
    };
    // Files in errors are named as the workspace sees them, whichever part
    // of the program made the error.
    result.map_err(|error| {
        let root = Workspace::root_of(&cwd);
        let real = root.canonicalize().unwrap_or_else(|_| root.clone());
        error.relative_to(&[&root, &real])
    })
}

fn init(dir: &Path, args: &InitArgs, env: &Environment) -> Result<Output> {
    let ui = env.ui;
    // `init` may make the workspace's folder; the lock is on that folder.
    fs::create_dir_all(dir).map_err(|source| Error::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    let _lock = lock(dir, true, env)?;
    store::remove_stale_temporary_files(dir, false);
    let path = dir.join(workspace::CONFIG_FILE);
    if path.exists() {
        return Err(Error::usage(
            msg!("error-config-exists", path = crate::ui::path_text(&path)),
            msg!("help-config-exists"),
        ));
    }
    // Everything is checked, and the articles folder made, before the
    // configuration is written: a failing init leaves nothing behind.
    let languages = unique(args.languages.clone());
    if let Some(source) = languages.iter().find(|l| **l == args.source_lang) {
        return Err(Error::usage(
            msg!("error-source-language", lang = source),
            msg!("help-source-language"),
        ));
    }
    let articles = dir.join("articles");
    let made = !articles.exists();
    fs::create_dir_all(&articles).map_err(|source| Error::Write {
        path: articles.clone(),
        source,
    })?;
    let text = workspace::default_config_text(&args.source_lang, &languages);
    if let Err(error) = store::write_atomic(&path, &text) {
        if made {
            let _ = fs::remove_dir(&articles);
        }
        return Err(error);
    }
    Ok(Output {
        stdout: ui.text(&msg!("init-done")) + "\n",
        passed: true,
        ..Output::default()
    })
}

/// `languages` without repeats, in the order first given.
fn unique(mut languages: Vec<Lang>) -> Vec<Lang> {
    let mut seen = std::collections::HashSet::new();
    languages.retain(|lang| seen.insert(lang.clone()));
    languages
}

/// The languages to work on: those named, else the workspace's.
fn languages(workspace: &Workspace, named: &[Lang], required: bool) -> Result<Vec<Lang>> {
    let languages = unique(if named.is_empty() {
        workspace.target_languages()?
    } else {
        named.to_vec()
    });
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

fn extract(workspace: &Workspace, args: &ExtractArgs, env: &Environment) -> Result<Output> {
    let _lock = lock(&workspace.root, !args.no_wait, env)?;
    store::remove_stale_temporary_files(&workspace.locales_dir(), true);
    let languages = languages(workspace, &args.languages, false)?;
    let all = workspace.articles()?;
    let articles = in_partition(all.clone(), args.partition);
    let source_lang = &workspace.config.source_lang;

    // Each article's new catalogs are staged as soon as they are planned;
    // nothing replaces a catalog until every article was read and planned.
    let outcomes = survey::survey(workspace, &languages, &articles, args.prune, |survey| {
        let template = survey.plan.template(source_lang);
        let mut staged = Vec::new();
        match &survey.template {
            Some(old) if old.catalog.same_content(&template) => {}
            old => {
                let contents = render(&template, old.as_ref());
                staged.push(store::stage(
                    &survey.template_path,
                    &contents,
                    fingerprint(old.as_ref()),
                )?);
            }
        }
        let mut renamed = Vec::new();
        for language in survey.languages.iter().filter(|l| l.plan.changed) {
            let path = workspace.display_path(&language.path);
            for (old, new) in language.plan.renamed() {
                renamed.push(msg!("extract-renamed", path = &path, old = old, new = new));
            }
            let file = language.file.as_ref();
            let catalog =
                language
                    .plan
                    .catalog(&survey.plan, source_lang, file.map(|f| &f.catalog));
            let contents = render(&catalog, file);
            staged.push(store::stage(&language.path, &contents, fingerprint(file))?);
        }
        Ok(Extracted {
            changes: changes(&survey),
            warnings: survey::unknown_key_warnings(workspace, &survey),
            staged,
            renamed,
        })
    })?;
    let mut orphans = survey::orphans(workspace, &languages, &all)?;
    orphans.retain(|o| args.partition.is_none_or(|p| p.contains(&o.article)));

    let ui = env.ui;
    let mut out = String::new();
    let mut stderr = String::new();
    let mut staged = Vec::new();
    for (file, outcome) in articles.iter().zip(outcomes) {
        for warning in outcome.warnings {
            let _ = writeln!(stderr, "{}", ui.text(&warning.message()));
        }
        if outcome.staged.is_empty() {
            continue;
        }
        let changes = outcome.changes.text(ui);
        let _ = writeln!(out, "{}: {changes}", crate::ui::escape(&file.id));
        for file in &outcome.staged {
            let wrote = msg!("wrote-file", path = workspace.display_path(file.target()));
            let _ = writeln!(out, "  {}", ui.text(&wrote));
        }
        for renamed in &outcome.renamed {
            let _ = writeln!(out, "  {}", ui.text(renamed));
        }
        staged.extend(outcome.staged);
    }
    let written = staged.len();
    let every_language = args.languages.is_empty();
    let mut removals = Vec::new();
    for orphan in &orphans {
        let shown = workspace.display_path(&orphan.path);
        let template = orphan.lang == *source_lang;
        if args.prune && (every_language || !template) {
            // One already gone needs no removal, and none is reported.
            if let Some(removal) = store::Removal::new(&orphan.path)? {
                removals.push(removal);
                let _ = writeln!(out, "{}", ui.text(&msg!("extract-removed", path = shown)));
            }
        } else {
            let warning = msg!("warning-orphan", path = shown, article = &orphan.article);
            let _ = writeln!(stderr, "{}", ui.text(&warning));
        }
    }
    store::commit(staged, removals, || pause(env))?;
    let summary = msg!(
        "extract-summary",
        articles = articles.len(),
        catalogs = written
    );
    let _ = writeln!(out, "{}", ui.text(&summary));
    if languages.is_empty() {
        let _ = writeln!(stderr, "{}", ui.text(&msg!("note-no-target-languages")));
    }
    Ok(Output {
        stdout: out,
        stderr,
        passed: true,
    })
}

/// Takes the workspace lock, which every writing command holds, saying so
/// when it has to wait.
fn lock(root: &Path, wait: bool, env: &Environment) -> Result<store::Lock> {
    store::Lock::acquire(root, wait, |path| {
        let lock = path.display().to_string();
        (env.notify)(&env.ui.text(&msg!("extract-waiting", lock = lock)))
    })
}

/// The test seam of [`Environment::pause_before_commit`].
fn pause(env: &Environment) {
    if let Some(pause) = env.pause_before_commit {
        std::thread::sleep(pause);
    }
}

/// What `extract` keeps of one article.
struct Extracted {
    changes: Changes,
    warnings: Vec<survey::UnknownKey>,
    staged: Vec<store::Staged>,
    /// Entries found by their source under another id, one line each.
    renamed: Vec<Message>,
}

fn fingerprint(old: Option<&CatalogFile>) -> Option<store::Fingerprint> {
    old.map(|file| file.fingerprint)
}

fn in_partition(mut articles: Vec<ArticleFile>, partition: Option<Partition>) -> Vec<ArticleFile> {
    if let Some(partition) = partition {
        articles.retain(|a| partition.contains(&a.id));
    }
    articles
}

fn render(catalog: &Catalog, old: Option<&CatalogFile>) -> Vec<u8> {
    match old {
        Some(file) => file.render(catalog),
        None => store::render(catalog, None).into_bytes(),
    }
}

/// What `extract` did to an article's segments.
struct Changes {
    added: usize,
    changed: usize,
    moved: usize,
    obsoleted: usize,
}

impl Changes {
    /// "1 added, 1 changed, …", or that the catalogs were brought up to date.
    fn text(&self, ui: Ui) -> String {
        let parts = [
            (self.added, msg!("extract-added", count = self.added)),
            (self.changed, msg!("extract-changed", count = self.changed)),
            (self.moved, msg!("extract-moved", count = self.moved)),
            (
                self.obsoleted,
                msg!("extract-obsoleted", count = self.obsoleted),
            ),
        ];
        let said: Vec<String> = parts
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(_, message)| ui.text(message))
            .collect();
        if said.is_empty() {
            ui.text(&msg!("extract-up-to-date"))
        } else {
            said.join(", ")
        }
    }
}

fn changes(survey: &ArticleSurvey) -> Changes {
    let plan = &survey.plan;
    let count = |f: fn(&Origin) -> bool| plan.segments.iter().filter(|s| f(&s.origin)).count();
    Changes {
        added: count(|o| *o == Origin::New),
        changed: count(|o| matches!(o, Origin::Changed { .. })),
        moved: count(|o| *o == Origin::Moved),
        obsoleted: plan.dropped.len(),
    }
}

/// What `status` and `check` report on.
struct Scope<'a> {
    named: &'a [Lang],
    names: &'a [String],
    partition: Option<Partition>,
    use_cache: bool,
    /// The quality checks to run on translations, if any.
    qa: Option<QaConfig>,
    /// What the output shows of each article.
    detail: Detail,
}

/// The report of `status` and `check`, and warnings to print beside it.
fn build_report(
    workspace: &Workspace,
    cwd: &Path,
    scope: Scope,
    env: &Environment,
) -> Result<(Report, Vec<survey::UnknownKey>)> {
    let Scope {
        named,
        names,
        partition,
        use_cache,
        qa,
        detail,
    } = scope;
    let languages = languages(workspace, named, true)?;
    // The catalogs of the fallback languages are inputs of each article too.
    let fallbacks = workspace.fallbacks(&languages);
    let read = &fallbacks.read;
    let all = survey::select_articles(workspace, names, cwd)?;
    let articles = in_partition(all.clone(), partition);
    let rules = survey::rules(workspace);
    let salt = settings_key(workspace, read, env.program_id)
        ^ xxhash_rust::xxh3::xxh3_64(format!("{qa:?}").as_bytes());
    let mut cache = if use_cache {
        Cache::load(&workspace.root, salt)
    } else {
        Cache::default()
    };
    // Each article is taken from the cache when none of its inputs changed,
    // or else reduced to its reports as soon as it is planned.
    let reduced = articles
        .par_iter()
        .map(|file| {
            let sources = survey::Sources::locate(workspace, read, file)?;
            let stamps = sources.stamps.clone();
            if let Some(hit) = cache.unchanged(&file.id, &stamps, detail) {
                return Ok((hit, None));
            }
            let inputs = sources.read()?;
            let key = inputs.content_key();
            if let Some(hit) = cache.matching(&file.id, key, detail) {
                return Ok((hit, Some(cache::Update::Stamps(stamps))));
            }
            let mut survey = survey::plan(workspace, read, inputs, false, &rules)?;
            fall_back(&mut survey, &fallbacks);
            survey.languages.truncate(languages.len());
            let reports: Vec<ArticleReport> = survey
                .languages
                .iter()
                .map(|l| {
                    let path = workspace.display_path(&l.path);
                    let mut report = ArticleReport::new(&survey.file.id, &l.plan, path);
                    if let Some(config) = &qa {
                        report.qa = quality(workspace, l, config);
                    }
                    report
                })
                .collect();
            let mut reduced = (reports, survey::unknown_key_warnings(workspace, &survey));
            let update = use_cache.then(|| {
                let with_issues = detail != Detail::Counts;
                cache::Update::Reports(Box::new(cache::Record::new(
                    key,
                    stamps,
                    &reduced,
                    with_issues,
                )))
            });
            for report in &mut reduced.0 {
                report.keep(detail);
            }
            Ok((reduced, update))
        })
        .collect::<Result<Vec<_>>>()?;
    let mut kept = std::collections::HashSet::new();
    let mut reports = Vec::with_capacity(reduced.len());
    for (file, (value, update)) in articles.iter().zip(reduced) {
        kept.insert(file.id.as_str());
        if let Some(update) = update {
            cache.update(&file.id, update);
        }
        reports.push(value);
    }
    // A partial run (named articles, a partition) keeps the others.
    if names.is_empty() && partition.is_none() {
        cache.retain(&kept);
    }
    cache.save();
    // Orphans are known only when every article was looked at.
    let mut orphans = if names.is_empty() {
        survey::orphans(workspace, &languages, &all)?
    } else {
        Vec::new()
    };
    orphans.retain(|o| partition.is_none_or(|p| p.contains(&o.article)));
    let mut per_language: Vec<Vec<ArticleReport>> = vec![Vec::new(); languages.len()];
    let mut warnings = Vec::new();
    for (reports, article_warnings) in reports {
        for (i, report) in reports.into_iter().enumerate() {
            per_language[i].push(report);
        }
        warnings.extend(article_warnings);
    }
    let languages = languages
        .iter()
        .zip(per_language)
        .enumerate()
        .map(|(i, (lang, articles))| {
            let mut report = LanguageReport::new(lang.clone(), articles);
            report.fallback = fallbacks.chain(i);
            report.orphans = orphans
                .iter()
                .filter(|o| o.lang == *lang)
                .map(|o| workspace.display_path(&o.path))
                .collect();
            report
        })
        .collect();
    let report = Report {
        source_lang: workspace.config.source_lang.clone(),
        passed: None,
        partition,
        languages,
    };
    Ok((report, warnings))
}

/// Lets each language asked for fall back on the languages of its chain,
/// whose plans follow them in `survey` (see [`crate::plan::LanguagePlan::fall_back`]).
fn fall_back(survey: &mut ArticleSurvey, fallbacks: &Fallbacks) {
    if !fallbacks.any() {
        return;
    }
    let current: Vec<Vec<bool>> = survey.languages.iter().map(|l| l.plan.current()).collect();
    for (i, chain) in fallbacks.chains.iter().enumerate() {
        let chain: Vec<(&Lang, &[bool])> = chain
            .iter()
            .map(|&j| (&fallbacks.read[j], current[j].as_slice()))
            .collect();
        survey.languages[i].plan.fall_back(&chain);
    }
}

/// The quality checks' findings on the current and outdated translations of
/// one catalog; an entry's `qa-ignore = ["…"]` switches checks off for it.
fn quality(
    workspace: &Workspace,
    language: &survey::LanguageSurvey,
    config: &QaConfig,
) -> Vec<QaIssue> {
    let entries = language.entries_by_id();
    let mut issues = Vec::new();
    for judged in &language.plan.entries {
        if !matches!(judged.state, State::Translated | State::Outdated) {
            continue;
        }
        let Some(entry) = entries.get(judged.id.as_str()) else {
            continue;
        };
        let ignored: Vec<Check> = entry
            .extra
            .iter()
            .filter(|(key, _)| key == "qa-ignore")
            .filter_map(|(_, raw)| raw.parse::<toml_edit::Value>().ok())
            .flat_map(|value| {
                value
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|v| v.as_str().and_then(Check::from_id))
                            .collect()
                    })
                    .unwrap_or_else(Vec::new)
            })
            .collect();
        let findings = qa::check_entry(
            &judged.source,
            &entry.translation,
            workspace.config.source_lang.as_str(),
            language.plan.lang.as_str(),
            config,
            &ignored,
        );
        issues.extend(findings.into_iter().map(|finding| QaIssue {
            id: judged.id.clone(),
            line: judged.line,
            finding,
        }));
    }
    issues
}

/// Reads the JSON reports of partitioned runs and merges them.
fn merge_reports(cwd: &Path, paths: &[PathBuf]) -> Result<Report> {
    let mut reports = Vec::with_capacity(paths.len());
    for path in paths {
        let shown = crate::ui::path_text(path);
        let path = cwd.join(path);
        let bytes = fs::read(&path).map_err(|source| Error::Read {
            path: path.clone(),
            source,
        })?;
        let text = article::decode(&path, &bytes)?;
        let report: Report = serde_json::from_str(&text).map_err(|e| {
            let offset = text
                .split_inclusive('\n')
                .take(e.line().saturating_sub(1))
                .map(str::len)
                .sum::<usize>()
                + e.column().saturating_sub(1);
            Error::invalid(
                Location::at(&path, &text, offset),
                msg!("error-not-a-report", reason = e.to_string()),
                msg!("help-not-a-report"),
            )
        })?;
        reports.push((shown, report));
    }
    Report::merge(reports).map_err(|message| Error::usage(message, msg!("help-merge")))
}

/// A hash of everything besides the files that a report depends on: the
/// configuration, the languages asked for and the program itself.
fn settings_key(workspace: &Workspace, languages: &[Lang], program_id: u64) -> u64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(&program_id.to_le_bytes());
    hasher.update(&workspace.config_hash.to_le_bytes());
    for lang in languages {
        hasher.update(lang.as_str().as_bytes());
        hasher.update(b"\0");
    }
    hasher.digest()
}

fn with_warnings(warnings: Vec<survey::UnknownKey>, ui: Ui) -> String {
    warnings
        .iter()
        .map(|w| ui.text(&w.message()) + "\n")
        .collect()
}

fn status(cwd: &Path, args: &StatusArgs, style: Style, env: &Environment) -> Result<Output> {
    let (report, warnings) = if args.merge.is_empty() {
        let workspace = Workspace::discover(cwd)?;
        let scope = Scope {
            named: &args.languages,
            names: &args.articles,
            partition: args.partition,
            use_cache: !args.no_cache,
            qa: None,
            detail: match (args.format, args.diff) {
                (Format::Json, _) => Detail::Everything,
                (Format::Text, true) => Detail::Outdated,
                (Format::Text, false) => Detail::Counts,
            },
        };
        build_report(&workspace, cwd, scope, env)?
    } else {
        (merge_reports(cwd, &args.merge)?, Vec::new())
    };
    let stdout = match args.format {
        Format::Text => report::status_text(&report, args.diff, style, env.ui),
        Format::Json => report.to_json(),
    };
    Ok(Output {
        stdout,
        stderr: with_warnings(warnings, env.ui),
        passed: true,
    })
}

fn check(
    workspace: &Workspace,
    cwd: &Path,
    args: &CheckArgs,
    style: Style,
    env: &Environment,
) -> Result<Output> {
    let qa_settings = &workspace.config.qa;
    let scope = Scope {
        named: &args.languages,
        names: &args.articles,
        partition: args.partition,
        use_cache: !args.no_cache,
        qa: (args.qa || qa_settings.enabled).then(|| QaConfig {
            disabled: qa_settings.disabled.clone(),
        }),
        detail: Detail::Everything,
    };
    let (mut report, warnings) = build_report(workspace, cwd, scope, env)?;
    let passed = report.judge(args.min_translated.or(workspace.config.min_translated));
    let stdout = match args.format {
        Format::Text => report::check_text(&report, style, env.ui),
        Format::Json => report.to_json(),
    };
    Ok(Output {
        stdout,
        stderr: with_warnings(warnings, env.ui),
        passed,
    })
}

fn build(workspace: &Workspace, cwd: &Path, args: &BuildArgs, env: &Environment) -> Result<Output> {
    let ui = env.ui;
    let _lock = lock(&workspace.root, true, env)?;
    let lang = &args.lang;
    // The source language's translations are its own text: its build is
    // the articles as they are, which checks that `build` changes nothing
    // but the segments.
    let identity = *lang == workspace.config.source_lang;
    let fallbacks = if identity {
        Fallbacks::default()
    } else {
        workspace.fallbacks(std::slice::from_ref(lang))
    };
    let articles = survey::select_articles(workspace, &args.articles, cwd)?;
    let out_dir = cwd.join(&args.out).join(lang.as_str());
    workspace.check_output(&out_dir)?;
    store::remove_stale_temporary_files(&out_dir, true);
    let mark = args.mark_outdated.then(MarkOutdated::comment);
    let min = args.min_translated.or(workspace.config.min_translated);
    let built = survey::survey(
        workspace,
        &fallbacks.read,
        &articles,
        false,
        |mut survey| {
            let mut from_fallback = vec![0; fallbacks.read.len()];
            let mut counts = report::Counts::default();
            let fills: Vec<Fill> = if identity {
                survey
                    .segments
                    .iter()
                    .map(|s| Fill::Translated(&s.text))
                    .collect()
            } else {
                fall_back(&mut survey, &fallbacks);
                let language = &survey.languages[0];
                counts = ArticleReport::new(&survey.file.id, &language.plan, String::new()).counts;
                if min.is_some_and(|min| counts.translated_percent() < min) {
                    return Ok((counts, None, from_fallback));
                }
                let entries: Vec<_> = survey.languages.iter().map(|l| l.entries_by_id()).collect();
                let translation =
                    |j: usize, id: &str| entries[j].get(id).map_or("", |e| e.translation.as_str());
                language
                    .plan
                    .entries
                    .iter()
                    .take(survey.segments.len())
                    .map(|judged| match (judged.state, &judged.fallback) {
                        (State::Translated, _) => Fill::Translated(translation(0, &judged.id)),
                        (State::Outdated, _) if mark.is_some() => {
                            Fill::Outdated(translation(0, &judged.id))
                        }
                        // No current translation of its own: the chain's,
                        // else the source.
                        (_, Some(fallback)) => {
                            let j = fallbacks.read.iter().position(|l| l == fallback);
                            match j {
                                Some(j) => {
                                    from_fallback[j] += 1;
                                    Fill::Translated(translation(j, &judged.id))
                                }
                                None => Fill::Source,
                            }
                        }
                        _ => Fill::Source,
                    })
                    .collect()
            };
            let fill = |i: usize| fills.get(i).copied().unwrap_or(Fill::Source);
            let mut text = String::with_capacity(survey.text.len() + 3);
            if survey.bom {
                text.push('\u{feff}');
            }
            text.push_str(&if survey.file.markdown {
                build_article(&survey.text, &survey.segments, fill, mark.as_ref())
            } else {
                build_plain_article(&survey.text, &survey.segments, fill, mark.as_ref())
            });
            let extension = survey.file.path.extension().map(|e| e.to_string_lossy());
            let path = workspace::article_path(&out_dir, &survey.file.id, extension.as_deref());
            let staged = stage_output(workspace, &path, &text)?;
            Ok((counts, Some(staged), from_fallback))
        },
    )?;
    let mut skipped = String::new();
    let mut staged = Vec::new();
    let mut from_fallback = vec![0; fallbacks.read.len()];
    for (file, (counts, written, taken)) in articles.iter().zip(built) {
        for (total, n) in from_fallback.iter_mut().zip(taken) {
            *total += n;
        }
        match written {
            Some(file) => staged.push(file),
            None => {
                let message = msg!(
                    "build-skipped",
                    article = &file.id,
                    percent = format!("{:.1}", counts.translated_percent()),
                    min = min.unwrap_or_default().to_string()
                );
                let _ = writeln!(skipped, "{}", ui.text(&message));
            }
        }
    }
    let mut output = commit_outputs(workspace, staged, env)?;
    output.passed = skipped.is_empty();
    for (fallback, count) in fallbacks.read.iter().zip(from_fallback) {
        if count > 0 {
            let message = msg!("build-fallback", count = count, lang = fallback);
            let _ = writeln!(output.stdout, "{}", ui.text(&message));
        }
    }
    output.stdout.push_str(&skipped);
    Ok(output)
}

/// Stages a file `build` or `export` writes, to replace whatever is there,
/// unless it would land on the sources (through a link in the output tree).
fn stage_output(workspace: &Workspace, path: &Path, text: &str) -> Result<store::Staged> {
    workspace.check_output(path)?;
    store::stage(path, text.as_bytes(), store::Fingerprint::of_file(path)?)
}

/// Writes the staged outputs of `build` or `export` and says so.
fn commit_outputs(
    workspace: &Workspace,
    staged: Vec<store::Staged>,
    env: &Environment,
) -> Result<Output> {
    let mut stdout = String::new();
    for file in &staged {
        let wrote = msg!("wrote-file", path = workspace.display_path(file.target()));
        let _ = writeln!(stdout, "{}", env.ui.text(&wrote));
    }
    store::commit(staged, Vec::new(), || pause(env))?;
    Ok(Output {
        stdout,
        stderr: String::new(),
        passed: true,
    })
}

fn export(
    workspace: &Workspace,
    cwd: &Path,
    args: &ExportArgs,
    env: &Environment,
) -> Result<Output> {
    let _lock = lock(&workspace.root, true, env)?;
    let lang = &args.lang;
    let articles = workspace.articles()?;
    let out_dir = cwd.join(&args.out).join(lang.as_str());
    workspace.check_output(&out_dir)?;
    store::remove_stale_temporary_files(&out_dir, true);
    let ExportFormat::Ftl = args.format;
    // Current translations only: a missing or outdated one is left out, so
    // Fluent falls back to another language for it.
    let staged = survey::survey(
        workspace,
        std::slice::from_ref(lang),
        &articles,
        false,
        |survey| {
            let language = &survey.languages[0];
            let entries = language.entries_by_id();
            let messages: Vec<FtlMessage> = language
                .plan
                .entries
                .iter()
                .filter(|e| e.state == State::Translated)
                .map(|e| FtlMessage {
                    id: &e.id,
                    value: entries
                        .get(e.id.as_str())
                        .map_or("", |e| e.translation.as_str()),
                    comment: None,
                })
                .collect();
            let path = workspace::article_path(&out_dir, &survey.file.id, Some("ftl"));
            let text = to_ftl(&survey.file.id, lang.as_str(), &messages);
            stage_output(workspace, &path, &text)
        },
    )?;
    commit_outputs(workspace, staged, env)
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
    let workspace = Workspace::discover(cwd)?;
    let config = &workspace.config;
    let lang = args.lang.as_ref().unwrap_or(&config.source_lang);
    let rules = config.segmenter.rules(lang);
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
            stdout.push_str(&report::json_text(
                serde_json::to_string(&line).unwrap_or_default(),
            ));
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
        stdout.push_str(&report::json_text(
            serde_json::to_string(&line).unwrap_or_default(),
        ));
        stdout.push('\n');
    }
    Ok(Output {
        stdout,
        passed: true,
        ..Output::default()
    })
}
