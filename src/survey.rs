//! Reads what a command needs from the workspace: articles, templates and
//! target catalogs; segments the articles and plans each one for each
//! language. Everything is read and validated here, before anything is
//! written, so bad input stops a run with nothing changed.
use std::collections::{BTreeSet, HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::article;
use crate::catalog::{Catalog, Entry};
use crate::changes::Changes;
use crate::error::{Error, Result};
use crate::files;
use crate::lang::Lang;
use crate::msg;
use crate::plan::{ArticlePlan, LanguagePlan, State};
use crate::segment::Rules;
use crate::store::{self, CatalogFile, Stamp};
use crate::timings::{self, Phase};
use crate::ui::{Message, Ui};
use crate::workspace::{ArticleFile, Fallbacks, Workspace};

/// One article, its template and its plan in each language asked for.
#[derive(Debug)]
pub struct ArticleSurvey {
    pub file: ArticleFile,
    /// The article's text and its segments, in the order of `plan`.
    pub text: String,
    /// Whether the file starts with a byte-order mark (not in `text`).
    pub bom: bool,
    pub segments: Vec<article::Segment>,
    pub template_path: PathBuf,
    pub template: Option<CatalogFile>,
    pub plan: ArticlePlan,
    /// One per language asked for, in that order.
    pub languages: Vec<LanguageSurvey>,
}

impl ArticleSurvey {
    /// The line (from 1) in the article where each segment starts, in the
    /// order of `segments`: where a reviewer finds the sentence.
    pub fn segment_lines(&self) -> Vec<usize> {
        let line_starts: Vec<usize> = self.text.match_indices('\n').map(|(at, _)| at).collect();
        self.segments
            .iter()
            .map(|segment| line_starts.partition_point(|&at| at < segment.span.start) + 1)
            .collect()
    }

    /// Lets each language asked for fall back on the languages of its
    /// chain, whose plans follow them here (`fallbacks.read` is the order
    /// of `languages`; see [`LanguagePlan::fall_back`]).
    pub fn fall_back(&mut self, fallbacks: &Fallbacks) {
        if !fallbacks.any() {
            return;
        }
        let current: Vec<Vec<bool>> = self.languages.iter().map(|l| l.plan.current()).collect();
        for (i, chain) in fallbacks.chains.iter().enumerate() {
            let chain: Vec<(&Lang, &[bool])> = chain
                .iter()
                .map(|&j| (&fallbacks.read[j], current[j].as_slice()))
                .collect();
            self.languages[i].plan.fall_back(&chain);
        }
    }
}

/// One language's catalog of an article: where it is, what it is, what it
/// should become.
#[derive(Debug)]
pub struct LanguageSurvey {
    pub path: PathBuf,
    pub file: Option<CatalogFile>,
    pub plan: LanguagePlan,
}

impl LanguageSurvey {
    /// The entries of the catalog on disk that stand for current segments,
    /// by the segments' ids (none when there is no catalog yet): as the
    /// plan found them, an entry taken back from `[[obsolete]]` or found by
    /// its source under another id included.
    pub fn entries_by_id(&self) -> HashMap<&str, &Entry> {
        let Some(file) = &self.file else {
            return HashMap::new();
        };
        let on_disk: HashMap<&str, &Entry> =
            file.catalog.entries().map(|e| (e.id.as_str(), e)).collect();
        self.plan
            .entries
            .iter()
            .filter(|j| j.known && j.state != State::Obsolete)
            .filter_map(|j| {
                let id = j.renamed_from.as_deref().unwrap_or(&j.id);
                Some((j.id.as_str(), *on_disk.get(id)?))
            })
            .collect()
    }
}

/// A catalog whose article is gone (deleted or renamed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Orphan {
    pub lang: Lang,
    pub article: String,
    pub path: PathBuf,
}

/// One of N shares of the articles (`--partition K/N`), chosen by a stable
/// hash of the article id, so that CI can split a run across machines.
/// A report made on a partition says which (`"partition": {"index": K,
/// "count": N}`), so that `status --merge` can tell the set is complete.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Partition {
    /// 1-based.
    pub index: u32,
    pub count: u32,
}

impl Partition {
    pub fn contains(&self, article: &str) -> bool {
        let hash = crate::plan::fnv1a(article.as_bytes(), crate::plan::FNV_OFFSET);
        hash % u64::from(self.count) == u64::from(self.index - 1)
    }
}

impl std::str::FromStr for Partition {
    type Err = String;

    fn from_str(text: &str) -> std::result::Result<Partition, String> {
        let bad = || Ui::ENGLISH.text(&msg!("error-partition", value = text));
        let (index, count) = text.split_once('/').ok_or_else(bad)?;
        let index: u32 = index.trim().parse().map_err(|_| bad())?;
        let count: u32 = count.trim().parse().map_err(|_| bad())?;
        if index == 0 || index > count {
            return Err(bad());
        }
        Ok(Partition { index, count })
    }
}

/// The segmentation rules of the workspace's source language.
fn rules(workspace: &Workspace) -> Rules {
    let config = &workspace.config;
    config.segmenter.rules(&config.source_lang)
}

/// The articles named on the command line (by id or by path), or all of them.
pub fn select_articles(
    workspace: &Workspace,
    names: &[String],
    cwd: &Path,
) -> Result<Vec<ArticleFile>> {
    let all = workspace.articles()?;
    if names.is_empty() {
        return Ok(all);
    }
    select_among(workspace, &all, names, cwd)
}

/// [`select_articles`] among `all`, the workspace's articles as
/// [`Workspace::articles`] found them (for a command that needs both).
pub fn select_among(
    workspace: &Workspace,
    all: &[ArticleFile],
    names: &[String],
    cwd: &Path,
) -> Result<Vec<ArticleFile>> {
    if names.is_empty() {
        return Ok(all.to_vec());
    }
    let mut selected: Vec<ArticleFile> = Vec::new();
    for name in names {
        let by_path = fs::canonicalize(cwd.join(name)).ok();
        let found = all.iter().find(|a| {
            a.id == name.trim_end_matches('/')
                || by_path
                    .as_ref()
                    .is_some_and(|p| fs::canonicalize(&a.path).ok().as_ref() == Some(p))
        });
        match found {
            Some(article) if !selected.contains(article) => selected.push(article.clone()),
            Some(_) => {}
            None => {
                return Err(Error::usage(
                    msg!(
                        "error-no-such-article",
                        name = name,
                        dir = workspace.display_path(&workspace.articles_dir())
                    ),
                    msg!("help-no-such-article"),
                ));
            }
        }
    }
    Ok(selected)
}

/// Reads and plans `articles` for `languages`, in parallel, and reduces each
/// article's survey with `reduce` as soon as it is made, so that only what a
/// command keeps of an article stays in memory. The results are in the
/// order of `articles`; the first error stops the run.
pub fn survey<T: Send>(
    workspace: &Workspace,
    languages: &[Lang],
    articles: &[ArticleFile],
    prune: bool,
    reduce: impl Fn(ArticleSurvey) -> Result<T> + Sync,
) -> Result<Vec<T>> {
    survey_changed(
        workspace,
        languages,
        articles,
        prune,
        |_, _| None,
        |survey, _| reduce(survey),
    )
}

/// How one article's files were found: their stamps (before they were
/// read) and, once read, their contents' hashes: the article, the
/// template, then the catalogs.
#[derive(Debug, Clone)]
pub struct Looked {
    pub stamps: Vec<Stamp>,
    /// `None` until the files were read; then one per file, `None` for a
    /// file that is not there.
    pub hashes: Option<Vec<Option<u64>>>,
}

/// [`survey`], but an article that `known` recognises is neither read
/// (when `known` recognises it by its stamps alone) nor parsed and planned
/// (by its stamps and contents' hashes): its result is what `known` gives.
pub fn survey_changed<T: Send>(
    workspace: &Workspace,
    languages: &[Lang],
    articles: &[ArticleFile],
    prune: bool,
    known: impl Fn(&ArticleFile, &Looked) -> Option<T> + Sync,
    reduce: impl Fn(ArticleSurvey, Looked) -> Result<T> + Sync,
) -> Result<Vec<T>> {
    let rules = rules(workspace);
    // The change classes of the source language, read once for all articles.
    let changes = Changes::for_lang(workspace.config.source_lang.as_str());
    let progress = crate::progress::start(articles.len());
    timings::looked_at(articles.len());
    articles
        .par_iter()
        .map(|file| {
            // A run asked to stop does so between articles.
            crate::interrupt::check()?;
            let (sources, stamps) = timings::time(Phase::Discover, || {
                Sources::locate(workspace, languages, file)
            })?;
            let mut looked = Looked {
                stamps,
                hashes: None,
            };
            if let Some(known) = known(file, &looked) {
                progress.advance();
                return Ok(known);
            }
            let inputs = timings::time(Phase::Read, || sources.read())?;
            looked.hashes = Some(inputs.hashes());
            if let Some(known) = known(file, &looked) {
                progress.advance();
                return Ok(known);
            }
            timings::planned_one();
            let stamps = &looked.stamps;
            let survey = plan(
                workspace, languages, inputs, stamps, prune, &rules, &changes,
            )?;
            let reduced = reduce(survey, looked);
            progress.advance();
            reduced
        })
        .collect()
}

/// One key for an article's files: its path and each file's hash (`None`
/// for a file that is not there), in the order of [`Looked`].
pub fn files_key(article: &ArticleFile, hashes: &[Option<u64>]) -> u64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    let path = article.path.to_string_lossy();
    hasher.update(&(path.len() as u64).to_le_bytes());
    hasher.update(path.as_bytes());
    for hash in hashes {
        match hash {
            Some(hash) => {
                hasher.update(&[1]);
                hasher.update(&hash.to_le_bytes());
            }
            None => hasher.update(&[0]),
        }
    }
    hasher.digest()
}

/// Where one article's inputs are: the article, its template and its
/// catalog in each language asked for.
#[derive(Debug)]
struct Sources {
    file: ArticleFile,
    template_path: PathBuf,
    /// One per language asked for.
    catalog_paths: Vec<PathBuf>,
}

impl Sources {
    /// Where the inputs are, and how each looked before it was read (the
    /// article, the template, then the catalogs).
    fn locate(
        workspace: &Workspace,
        languages: &[Lang],
        file: &ArticleFile,
    ) -> Result<(Sources, Vec<Stamp>)> {
        let now = store::clock_now();
        let (template_path, template) =
            workspace.catalog_file(&workspace.config.source_lang, &file.id)?;
        let mut stamps = vec![
            Stamp::of(&fs::metadata(&file.path), now),
            Stamp::of(&template, now),
        ];
        let mut catalog_paths = Vec::with_capacity(languages.len());
        for lang in languages {
            let (path, found) = workspace.catalog_file(lang, &file.id)?;
            catalog_paths.push(path);
            stamps.push(Stamp::of(&found, now));
        }
        let sources = Sources {
            file: file.clone(),
            template_path,
            catalog_paths,
        };
        Ok((sources, stamps))
    }

    fn read(self) -> Result<Inputs> {
        let article = files::read(&self.file.path)?.ok_or_else(|| Error::Read {
            path: self.file.path.clone(),
            source: std::io::ErrorKind::NotFound.into(),
        })?;
        let template = store::read_optional(&self.template_path)?;
        let catalogs = self
            .catalog_paths
            .into_iter()
            .map(|path| {
                let bytes = store::read_optional(&path)?;
                Ok((path, bytes))
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Inputs {
            file: self.file,
            article,
            template_path: self.template_path,
            template,
            catalogs,
        })
    }
}

/// The files one article's survey is made from, read but not parsed.
#[derive(Debug)]
struct Inputs {
    file: ArticleFile,
    article: Vec<u8>,
    template_path: PathBuf,
    template: Option<Vec<u8>>,
    /// One per language asked for: the catalog's path and bytes.
    catalogs: Vec<(PathBuf, Option<Vec<u8>>)>,
}

impl Inputs {
    /// The hash of each file's bytes (`None` when absent), in the order of
    /// [`Looked`]: the article, the template, the catalogs.
    fn hashes(&self) -> Vec<Option<u64>> {
        let hash = |bytes: &[u8]| xxhash_rust::xxh3::xxh3_64(bytes);
        std::iter::once(Some(hash(&self.article)))
            .chain(std::iter::once(self.template.as_deref().map(hash)))
            .chain(self.catalogs.iter().map(|(_, b)| b.as_deref().map(hash)))
            .collect()
    }
}

/// Parses and plans one article's inputs, which looked like `stamps`
/// (as in [`Looked`]) before they were read.
fn plan(
    workspace: &Workspace,
    languages: &[Lang],
    inputs: Inputs,
    stamps: &[Stamp],
    prune: bool,
    rules: &Rules,
    changes: &Changes,
) -> Result<ArticleSurvey> {
    let source_lang = &workspace.config.source_lang;
    let file = inputs.file;
    let bom = inputs.article.starts_with(article::BOM);
    let (text, segments, template, existing) = timings::time(Phase::Parse, || -> Result<_> {
        let text = article::decode_owned(&file.path, inputs.article)?;
        let segments = article::segments(&text, workspace.config.format(file.markdown), rules);
        let template = match inputs.template {
            Some(bytes) => Some(store::from_bytes(
                &inputs.template_path,
                bytes,
                stamps[1],
                &file.id,
                source_lang,
            )?),
            None => None,
        };
        let existing = languages
            .iter()
            .zip(inputs.catalogs)
            .zip(&stamps[2..])
            .map(|((lang, (path, bytes)), stamp)| {
                let existing = match bytes {
                    Some(bytes) => Some(store::from_bytes(&path, bytes, *stamp, &file.id, lang)?),
                    None => None,
                };
                Ok((path, existing))
            })
            .collect::<Result<Vec<_>>>()?;
        Ok((text, segments, template, existing))
    })?;
    let (plan, languages) = timings::time(Phase::Plan, || {
        plan_languages(
            &file.id,
            languages,
            &segments,
            template.as_ref(),
            existing,
            prune,
            changes,
        )
    });
    Ok(ArticleSurvey {
        file,
        text,
        bom,
        segments,
        template_path: inputs.template_path,
        template,
        plan,
        languages,
    })
}

/// The article's plan against its template and catalogs, and each
/// language's.
fn plan_languages(
    id: &str,
    languages: &[Lang],
    segments: &[article::Segment],
    template: Option<&CatalogFile>,
    existing: Vec<(PathBuf, Option<CatalogFile>)>,
    prune: bool,
    changes: &Changes,
) -> (ArticlePlan, Vec<LanguageSurvey>) {
    // New ids avoid those the catalogs have for other texts.
    let catalogs: Vec<&Catalog> = existing
        .iter()
        .filter_map(|(_, file)| file.as_ref().map(|f| &f.catalog))
        .collect();
    let plan = ArticlePlan::among(
        id,
        template.map(|t| &t.catalog),
        &catalogs,
        segments,
        changes,
    );
    let languages = languages
        .iter()
        .zip(existing)
        .map(|(lang, (path, existing))| {
            let plan = LanguagePlan::judge(
                &plan,
                existing.as_ref().map(|f| &f.catalog),
                lang,
                prune,
                changes,
            );
            LanguageSurvey {
                path,
                file: existing,
                plan,
            }
        })
        .collect();
    (plan, languages)
}

/// The catalogs of `languages` (and templates) whose articles are gone.
/// Each language's folder must be inside the workspace, and a `.toml` entry
/// that is not a regular file (or a link to one inside) or whose name
/// cannot be an article's is refused, since `--prune` would act on it.
pub fn orphans(
    workspace: &Workspace,
    languages: &[Lang],
    articles: &[ArticleFile],
) -> Result<Vec<Orphan>> {
    let known: HashSet<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    let mut orphans = Vec::new();
    let all = std::iter::once(&workspace.config.source_lang).chain(languages);
    for lang in all.collect::<BTreeSet<_>>() {
        let dir = workspace.locales_dir().join(lang.as_str());
        workspace.real_inside(&dir)?;
        let mut found = Vec::new();
        catalogs_under(workspace, &dir, "", &mut found)?;
        for (article, path) in found {
            if !known.contains(article.as_str()) {
                orphans.push(Orphan {
                    lang: lang.clone(),
                    article,
                    path,
                });
            }
        }
    }
    orphans.sort_by(|a, b| (&a.lang, &a.path).cmp(&(&b.lang, &b.path)));
    Ok(orphans)
}

fn catalogs_under(
    workspace: &Workspace,
    dir: &Path,
    prefix: &str,
    out: &mut Vec<(String, PathBuf)>,
) -> Result<()> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(source) => {
            return Err(Error::Read {
                path: dir.to_path_buf(),
                source,
            });
        }
    };
    let mut entries: Vec<_> = entries.filter_map(|e| e.ok()).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let raw_name = entry.file_name();
        let path = entry.path();
        if raw_name.as_encoded_bytes().starts_with(b".") {
            continue;
        }
        // Symlinked folders are not followed here: a catalog tree that
        // loops must not hang a status report.
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let catalog = raw_name.as_encoded_bytes().ends_with(b".toml");
        if !kind.is_dir() && !catalog {
            continue;
        }
        let shown = Path::new(&workspace.display_path(&path)).to_path_buf();
        let name = files::checked_name(&shown, &raw_name)?;
        if kind.is_dir() {
            catalogs_under(workspace, &path, &format!("{prefix}{name}/"), out)?;
            continue;
        }
        if kind.is_symlink() {
            workspace.real_inside(&path)?;
        }
        // Told without opening it: a pipe would block.
        if !kind.is_symlink() && !kind.is_file()
            || kind.is_symlink() && fs::metadata(&path).is_ok_and(|m| !m.is_file())
        {
            return Err(files::not_regular(&shown));
        }
        if let Some(stem) = name.strip_suffix(".toml") {
            out.push((format!("{prefix}{stem}"), path));
        }
    }
    Ok(())
}

/// A key l10n does not use, in a catalog: kept as it is, but it may be a
/// typo of one it does.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct UnknownKey {
    /// The catalog's path as shown to the user.
    pub file: String,
    /// The line of the entry that has it; `None` in the `[catalog]` table.
    pub line: Option<usize>,
    pub key: String,
}

impl UnknownKey {
    pub fn message(&self) -> Message {
        let location = match self.line {
            Some(line) => format!("{}:{line}", self.file),
            None => self.file.clone(),
        };
        msg!("warning-unknown-key", location = location, key = &self.key)
    }
}

/// One warning per file and unknown key.
pub fn unknown_key_warnings(workspace: &Workspace, survey: &ArticleSurvey) -> Vec<UnknownKey> {
    let mut warnings = Vec::new();
    let files = std::iter::once((&survey.template_path, survey.template.as_ref()))
        .chain(survey.languages.iter().map(|l| (&l.path, l.file.as_ref())));
    for (path, file) in files {
        let Some(file) = file else { continue };
        let catalog = &file.catalog;
        let mut seen = BTreeSet::new();
        let keys = catalog.extra.iter().map(|(key, _)| (key, None)).chain(
            catalog
                .entries()
                .flat_map(|e| e.extra.iter().map(move |(key, _)| (key, Some(&e.id)))),
        );
        // `qa-ignore` is read by the quality checks.
        for (key, id) in
            keys.filter(|(key, _)| !matches!(key.as_str(), "qa-ignore" | "from-memory"))
        {
            if seen.insert(key) {
                warnings.push(UnknownKey {
                    file: workspace.display_path(path),
                    line: id.and_then(|id| catalog.line(id)),
                    key: key.clone(),
                });
            }
        }
    }
    warnings
}
