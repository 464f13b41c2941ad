//! The workspace: where `l10n.toml` is, what it says, and which articles and
//! catalogs exist on disk.
//!
//! This module only finds files; reading articles is `article`'s job and
//! reading catalogs is `store`'s.
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;

use crate::article::{Format, MarkdownSettings};
use crate::error::{Error, Location, Result};
use crate::files;
use crate::lang::{Fallback, Lang};
use crate::msg;
use crate::segment::Rules;

pub const CONFIG_FILE: &str = "l10n.toml";

/// File extensions read as articles, and whether they are Markdown.
const ARTICLE_EXTENSIONS: [(&str, bool); 3] = [("md", true), ("markdown", true), ("txt", false)];

/// `l10n.toml`, as written by a person.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    source_lang: Option<String>,
    languages: Option<Vec<String>>,
    articles: Option<PathBuf>,
    locales: Option<PathBuf>,
    min_translated: Option<f64>,
    /// Fallback chains by language: `{ "es-MX" = ["es-419", "es"] }`.
    #[serde(default)]
    fallback: BTreeMap<toml::Spanned<String>, Vec<toml::Spanned<String>>>,
    #[serde(default)]
    segmenter: SegmenterConfig,
    #[serde(default)]
    qa: QaSettings,
    #[serde(default)]
    check: crate::policy::RawCheck,
    /// TMX files the translation memory reads besides the catalogs.
    #[serde(default)]
    memory: Vec<toml::Spanned<String>>,
    #[serde(default)]
    markdown: crate::markdown_config::RawMarkdown,
}

/// `[qa]` in l10n.toml: whether `check` runs the quality checks without
/// `--qa`, and which checks are off for the whole workspace.
#[derive(Debug, Deserialize, Default, Clone)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct QaSettings {
    #[serde(default)]
    pub enabled: bool,
    #[serde(default)]
    pub disabled: Vec<crate::qa::Check>,
}

/// Workspace additions to the built-in segmentation rules.
#[derive(Debug, Deserialize, Default, Clone)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SegmenterConfig {
    /// Abbreviations that never end a sentence, written without the final dot.
    #[serde(default)]
    pub abbreviations: Vec<String>,
    /// Places where a sentence never ends, such as `"Art.| #"`: see
    /// `Rules::add_no_break_patterns` for the syntax.
    #[serde(default)]
    pub no_break: Vec<String>,
}

impl SegmenterConfig {
    /// The segmentation rules of `lang` with the workspace's additions.
    pub fn rules(&self, lang: &Lang) -> Rules {
        let mut rules = Rules::for_language(lang.as_str());
        rules.add_abbreviations(&self.abbreviations);
        // Validated when the configuration was read.
        let _ = rules.add_no_break_patterns(&self.no_break);
        rules
    }
}

/// The validated configuration of a workspace.
#[derive(Debug, Clone)]
pub struct Config {
    pub source_lang: Lang,
    /// Target languages named in `l10n.toml`; `None` means "the folders under `locales/`".
    pub languages: Option<Vec<Lang>>,
    pub articles: PathBuf,
    pub locales: PathBuf,
    pub min_translated: Option<f64>,
    pub fallback: Fallback,
    pub segmenter: SegmenterConfig,
    pub qa: QaSettings,
    /// `[check]`: the policy of `l10n check`.
    pub check: crate::policy::CheckConfig,
    /// `memory = [...]`: TMX files for the translation memory, each with
    /// where l10n.toml names it (for an error at that line).
    pub memory: Vec<(PathBuf, Location)>,
    /// `[markdown]`: front matter keys and template tags.
    pub markdown: MarkdownSettings,
}

impl Config {
    /// How to read an article: Markdown with the `[markdown]` settings, or plain.
    pub fn format(&self, markdown: bool) -> Format<'_> {
        if markdown {
            Format::Markdown(&self.markdown)
        } else {
            Format::Plain
        }
    }
}

/// The languages a run reads for the languages it reports on: those, then
/// the other languages of their fallback chains that have catalogs.
#[derive(Debug, Clone, Default)]
pub struct Fallbacks {
    /// The languages asked for, in order, then the others of their chains.
    pub read: Vec<Lang>,
    /// One per language asked for: its chain, as indices into `read`.
    pub chains: Vec<Vec<usize>>,
}

impl Fallbacks {
    /// The chain of the `i`th language asked for.
    pub fn chain(&self, i: usize) -> Vec<Lang> {
        self.chains[i]
            .iter()
            .map(|&j| self.read[j].clone())
            .collect()
    }

    /// Whether any language asked for has a language to fall back to.
    pub fn any(&self) -> bool {
        self.chains.iter().any(|chain| !chain.is_empty())
    }
}

/// An article file found under the articles folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleFile {
    /// Path relative to the articles folder, without extension, `/`-separated.
    pub id: String,
    pub path: PathBuf,
    pub markdown: bool,
}

#[derive(Debug, Clone)]
pub struct Workspace {
    pub root: PathBuf,
    pub config: Config,
    /// A hash of the configuration file's text as it was read, so that
    /// results depending on it can be keyed without reading it again.
    pub config_hash: u64,
    /// `root` with every link resolved: what "inside the workspace" means.
    pub real_root: PathBuf,
    /// Catalog folders found inside, so that each is resolved once a run
    /// rather than once per catalog.
    folders_inside: Arc<Mutex<HashSet<PathBuf>>>,
}

impl Workspace {
    /// Finds the workspace containing `start`: the nearest folder upwards
    /// with an `l10n.toml`, or `start` itself with the default configuration.
    pub fn discover(start: &Path) -> Result<Workspace> {
        let (root, config, config_hash) = match configured_root(start) {
            Some(root) => {
                let path = root.join(CONFIG_FILE);
                let read_error = |source| Error::Read {
                    path: path.clone(),
                    source,
                };
                let bytes = files::read(&path)?
                    .ok_or_else(|| read_error(std::io::ErrorKind::NotFound.into()))?;
                let text = String::from_utf8(bytes).map_err(|e| {
                    read_error(std::io::Error::new(std::io::ErrorKind::InvalidData, e))
                })?;
                let config = parse_config(&path, &text)?;
                (root, config, xxhash_rust::xxh3::xxh3_64(text.as_bytes()))
            }
            None => (
                start.to_path_buf(),
                parse_config(Path::new(CONFIG_FILE), "")?,
                xxhash_rust::xxh3::xxh3_64(b""),
            ),
        };
        let real_root = root.canonicalize().map_err(|source| Error::Read {
            path: root.clone(),
            source,
        })?;
        let workspace = Workspace {
            root,
            config,
            config_hash,
            real_root,
            folders_inside: Arc::default(),
        };
        // The two folders l10n reads and writes under must be inside, however
        // they are reached (a link, `..` in l10n.toml): checked once, here,
        // before any command looks at a file in them.
        for dir in [workspace.articles_dir(), workspace.locales_dir()] {
            workspace.real_inside(&dir)?;
        }
        Ok(workspace)
    }

    /// The root of the workspace containing `start`, as [`discover`] finds
    /// it, without reading anything: for naming files in errors that
    /// stopped a run before (or while) the workspace was read.
    ///
    /// [`discover`]: Workspace::discover
    pub fn root_of(start: &Path) -> PathBuf {
        configured_root(start).unwrap_or_else(|| start.to_path_buf())
    }

    pub fn articles_dir(&self) -> PathBuf {
        self.root.join(&self.config.articles)
    }

    pub fn locales_dir(&self) -> PathBuf {
        self.root.join(&self.config.locales)
    }

    /// A path relative to the workspace root, for messages and reports.
    pub fn display_path(&self, path: &Path) -> String {
        let relative = path
            .strip_prefix(&self.root)
            .or_else(|_| path.strip_prefix(&self.real_root))
            .unwrap_or(path);
        relative.to_string_lossy().replace('\\', "/")
    }

    /// `locales/<lang>/<article>.toml`; the template is the source language's.
    /// A catalog that is a symbolic link stands for the file it points to,
    /// which must be inside the workspace.
    pub fn catalog_path(&self, lang: &Lang, article: &str) -> Result<PathBuf> {
        Ok(self.catalog_file(lang, article)?.0)
    }

    /// Where the catalog of `article` in `lang` is (a link inside the
    /// workspace followed), and what the file system says of it there.
    /// Every link on the way (the locales folder, the language's folder,
    /// folders under it, the file) must lead inside the workspace, so that
    /// a catalog is never read from or written to outside; a catalog that
    /// is there but is not a regular file is refused.
    pub fn catalog_file(
        &self,
        lang: &Lang,
        article: &str,
    ) -> Result<(PathBuf, std::io::Result<fs::Metadata>)> {
        let path = article_path(
            &self.locales_dir().join(lang.as_str()),
            article,
            Some("toml"),
        );
        if let Some(folder) = path.parent() {
            self.folder_inside(folder)?;
        }
        // The link's target is written, not the link replaced; anything
        // else is described by the one look that found it no link.
        let (path, metadata) = match fs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_symlink() => {
                let real = self.real_inside(&path)?;
                let metadata = fs::metadata(&real);
                (real, metadata)
            }
            found => (path, found),
        };
        if metadata.as_ref().is_ok_and(|m| !m.is_file()) {
            return Err(files::not_regular(&self.shown(&path)));
        }
        Ok((path, metadata))
    }

    /// Refuses the folder `dir` unless it is (or would be, once made)
    /// inside the workspace.
    fn folder_inside(&self, dir: &Path) -> Result<()> {
        let folders = || {
            self.folders_inside
                .lock()
                .unwrap_or_else(|e| e.into_inner())
        };
        if !folders().contains(dir) {
            self.real_inside(dir)?;
            folders().insert(dir.to_path_buf());
        }
        Ok(())
    }

    /// Where `path` really is (every link on the way resolved; the parts
    /// that do not exist yet taken as they are), refused unless that is
    /// inside the workspace.
    pub fn real_inside(&self, path: &Path) -> Result<PathBuf> {
        let real = real_path(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        if real.starts_with(&self.real_root) {
            return Ok(real);
        }
        let lexical = normalize(&self.root.join(path));
        let message = if lexical.starts_with(normalize(&self.root)) {
            // Inside by its name: a link leads out.
            msg!(
                "error-link-outside",
                link = files::escaped(Path::new(&self.display_path(path))),
                target = files::escaped(&real)
            )
        } else {
            msg!(
                "error-folder-outside",
                path = files::escaped(&lexical),
                root = files::escaped(&self.root)
            )
        };
        Err(Error::usage(message, msg!("help-link-outside")))
    }

    /// Refuses an output folder or file of `build` or `export` that is,
    /// contains or lies inside the articles or the locales folder, compared
    /// where they really are (links resolved), so that no output replaces a
    /// source article or a catalog.
    pub fn check_output(&self, path: &Path) -> Result<()> {
        let read_error = |path: &Path| {
            let path = path.to_path_buf();
            move |source| Error::Read { path, source }
        };
        let out = real_path(path).map_err(read_error(path))?;
        for sources in [self.articles_dir(), self.locales_dir()] {
            let real = real_path(&sources).map_err(read_error(&sources))?;
            if out.starts_with(&real) || real.starts_with(&out) {
                return Err(Error::usage(
                    msg!(
                        "error-output-over-sources",
                        out = files::escaped(path),
                        sources = files::escaped(Path::new(&self.display_path(&sources)))
                    ),
                    msg!("help-output-over-sources"),
                ));
            }
        }
        Ok(())
    }

    /// The target languages: those in `l10n.toml`, else the folders under
    /// `locales/` other than the source language's.
    pub fn target_languages(&self) -> Result<Vec<Lang>> {
        if let Some(languages) = &self.config.languages {
            return Ok(languages.clone());
        }
        let dir = self.locales_dir();
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => return Err(Error::Read { path: dir, source }),
        };
        let mut languages = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|source| Error::Read {
                path: dir.clone(),
                source,
            })?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || !entry.path().is_dir() {
                continue;
            }
            let lang: Lang = name.parse().map_err(|_| {
                Error::usage(
                    msg!(
                        "error-folder-not-language",
                        folder = self.display_path(&entry.path())
                    ),
                    msg!("help-folder-not-language"),
                )
            })?;
            if lang.as_str() != name {
                return Err(Error::usage(
                    msg!(
                        "error-folder-not-canonical",
                        folder = self.display_path(&entry.path())
                    ),
                    msg!("help-folder-not-canonical", lang = &lang),
                ));
            }
            if lang != self.config.source_lang {
                languages.push(lang);
            }
        }
        languages.sort();
        Ok(languages)
    }

    /// The fallback chains of `languages`, without the languages that have
    /// no catalogs in the workspace (no folder under `locales/`).
    pub fn fallbacks(&self, languages: &[Lang]) -> Fallbacks {
        let mut read = languages.to_vec();
        let mut chains = Vec::with_capacity(languages.len());
        for lang in languages {
            let mut chain = Vec::new();
            for parent in self.config.fallback.chain(lang) {
                let index = match read.iter().position(|l| *l == parent) {
                    Some(index) => index,
                    None if self.locales_dir().join(parent.as_str()).is_dir() => {
                        read.push(parent);
                        read.len() - 1
                    }
                    None => continue,
                };
                chain.push(index);
            }
            chains.push(chain);
        }
        Fallbacks { read, chains }
    }

    /// Every article under the articles folder, sorted by id.
    ///
    /// One real file is one article, whatever links lead to it: the files
    /// of the articles folder itself come first and take the ids of their
    /// paths; a link (to a file or a folder) adds only files not reached
    /// before, with ids of the link's path, links taken in the order of
    /// those ids. A link leading out of the workspace, a file that is not
    /// regular and a name with control characters or not in UTF-8 are
    /// refused; two files with the same id are refused, naming both.
    pub fn articles(&self) -> Result<Vec<ArticleFile>> {
        let dir = self.articles_dir();
        if !dir.is_dir() {
            return Err(Error::NoArticles { path: dir });
        }
        let real_dir = self.real_inside(&dir)?;
        let mut walk = Walk::default();
        self.walk_articles(&dir, "", &mut walk)?;
        while let Some((id, link)) = walk.links.pop_first() {
            let Some((target, metadata)) = self.follow(&link, &id)? else {
                continue;
            };
            if metadata.is_dir() {
                // A folder of the articles folder was walked already; any
                // other is walked once, which also ends loops.
                if !target.starts_with(&real_dir) && walk.folders.insert(target.clone()) {
                    self.walk_articles(&target, &format!("{id}/"), &mut walk)?;
                }
            } else {
                if !metadata.is_file() {
                    return Err(files::not_regular(&self.shown(&link)));
                }
                let key = file_key(&target, &metadata);
                self.add_article(&link, &target, key, &id, &mut walk)?;
            }
        }
        Ok(walk.found.into_values().collect())
    }

    /// Where the link `link` (at article id or folder `id`) leads, if l10n
    /// reads what is there: a folder, or a file with an article's extension.
    fn follow(&self, link: &Path, id: &str) -> Result<Option<(PathBuf, fs::Metadata)>> {
        let article_name = article_extension(id).is_some();
        let metadata = match fs::metadata(link) {
            Ok(metadata) => metadata,
            // A dangling link is an error only where an article should be.
            Err(_) if !article_name => return Ok(None),
            Err(source) => {
                return Err(Error::Read {
                    path: link.to_path_buf(),
                    source,
                });
            }
        };
        if !metadata.is_dir() && !article_name {
            return Ok(None);
        }
        Ok(Some((self.real_inside(link)?, metadata)))
    }

    /// Lists the folder `dir` (whose id is `prefix`) without following
    /// links: its files and folders are taken, its links kept for later.
    fn walk_articles(&self, dir: &Path, prefix: &str, walk: &mut Walk) -> Result<()> {
        let read_error = |source| Error::Read {
            path: dir.to_path_buf(),
            source,
        };
        let mut entries = fs::read_dir(dir)
            .map_err(read_error)?
            .collect::<std::io::Result<Vec<_>>>()
            .map_err(read_error)?;
        entries.sort_by_key(|entry| entry.file_name());
        // Files are told apart by the folder's device and the inode the
        // listing gives: no call per file.
        #[cfg(unix)]
        let device = std::os::unix::fs::MetadataExt::dev(&fs::metadata(dir).map_err(read_error)?);
        for entry in entries {
            let path = entry.path();
            let raw_name = entry.file_name();
            if raw_name.as_encoded_bytes().starts_with(b".") {
                continue;
            }
            // The entry's type comes with the listing: nothing is opened.
            let kind = entry.file_type().map_err(read_error)?;
            let lossy = raw_name.to_string_lossy();
            if !kind.is_dir() && !kind.is_symlink() && article_extension(&lossy).is_none() {
                continue;
            }
            let name = files::checked_name(&self.shown(&path), &raw_name)?;
            let id = format!("{prefix}{name}");
            if kind.is_symlink() {
                walk.links.entry(id).or_insert(path);
            } else if kind.is_dir() {
                walk.folders.insert(path.clone());
                self.walk_articles(&path, &format!("{id}/"), walk)?;
            } else if !kind.is_file() {
                return Err(files::not_regular(&self.shown(&path)));
            } else {
                #[cfg(unix)]
                let key = (device, std::os::unix::fs::DirEntryExt::ino(&entry));
                #[cfg(not(unix))]
                let key = path.clone();
                self.add_article(&path, &path, key, &id, walk)?;
            }
        }
        Ok(())
    }

    /// Takes the regular file `real` (itself `key`), reached at `path`
    /// with the id `name` (still with its extension), unless it was
    /// reached before.
    fn add_article(
        &self,
        path: &Path,
        real: &Path,
        key: FileKey,
        name: &str,
        walk: &mut Walk,
    ) -> Result<()> {
        let Some((id, markdown)) = article_extension(name) else {
            return Ok(());
        };
        if !walk.files.insert(key) {
            return Ok(());
        }
        let article = ArticleFile {
            id: id.to_string(),
            path: real.to_path_buf(),
            markdown,
        };
        if let Some(other) = walk.found.get(id) {
            return Err(Error::usage(
                msg!(
                    "error-duplicate-article",
                    id = id,
                    first = self.display_path(&other.path),
                    second = self.display_path(path)
                ),
                msg!("help-duplicate-article"),
            ));
        }
        // Ids that only a case-sensitive, byte-exact file system tells
        // apart name one catalog on macOS and Windows: a clone there would
        // keep one of the two files.
        if let Some(other) = walk.folded.insert(folded(id), id.to_string()) {
            return Err(Error::usage(
                msg!(
                    "error-article-ids-fold",
                    first = self.display_path(&walk.found[&other].path),
                    second = self.display_path(path),
                    first_id = other,
                    second_id = id
                ),
                msg!("help-article-ids-fold"),
            ));
        }
        walk.found.insert(id.to_string(), article);
        Ok(())
    }

    /// `path` relative to the workspace, for an error message.
    fn shown(&self, path: &Path) -> PathBuf {
        path.strip_prefix(&self.root).unwrap_or(path).to_path_buf()
    }
}

/// What the walk of the articles folder has found so far.
#[derive(Default)]
struct Walk {
    found: BTreeMap<String, ArticleFile>,
    /// The ids found, by their [`folded`] form.
    folded: HashMap<String, String>,
    /// The real files taken, so that a link to one adds no second id.
    files: HashSet<FileKey>,
    /// The folders walked.
    folders: HashSet<PathBuf>,
    /// Links still to follow, by the id (or folder id) of their path.
    links: BTreeMap<String, PathBuf>,
}

/// The nearest folder upwards from `start` with an `l10n.toml`. Anything
/// of that name marks the workspace: a pipe, a folder or a dangling link
/// there is refused when read, not passed over for a configuration
/// further up that belongs to another workspace.
fn configured_root(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|dir| fs::symlink_metadata(dir.join(CONFIG_FILE)).is_ok())
        .map(Path::to_path_buf)
}

/// An id as a file system that ignores case and Unicode normalisation
/// (APFS, HFS+, NTFS) sees it: composed (NFC) and lowercased.
fn folded(id: &str) -> String {
    id.nfc().flat_map(char::to_lowercase).nfc().collect()
}

/// What makes a file itself, whatever its path: its device and inode.
#[cfg(unix)]
type FileKey = (u64, u64);
#[cfg(not(unix))]
type FileKey = PathBuf;

#[cfg(unix)]
fn file_key(_: &Path, metadata: &fs::Metadata) -> FileKey {
    use std::os::unix::fs::MetadataExt;
    (metadata.dev(), metadata.ino())
}

#[cfg(not(unix))]
fn file_key(real: &Path, _: &fs::Metadata) -> FileKey {
    real.canonicalize().unwrap_or_else(|_| real.to_path_buf())
}

/// The id part of an article file's name (all but the final extension)
/// and whether it is Markdown; `None` for a name that is not an article's.
pub(crate) fn article_extension(name: &str) -> Option<(&str, bool)> {
    let (stem, extension) = name.rsplit_once('.')?;
    let file_stem = stem.rsplit('/').next().unwrap_or(stem);
    if file_stem.is_empty() {
        return None;
    }
    ARTICLE_EXTENSIONS
        .iter()
        .find(|(known, _)| extension.eq_ignore_ascii_case(known))
        .map(|&(_, markdown)| (stem, markdown))
}

/// `dir/<article id>.<extension>`: where an article's file of some kind
/// lives in a tree (catalogs, built articles, exports). The extension is
/// added to the id, never put in place of a part of it: the id of
/// `u.s.md` is `u.s`, and its catalog `u.s.toml`.
pub fn article_path(dir: &Path, article: &str, extension: Option<&str>) -> PathBuf {
    let mut path = dir.to_path_buf();
    path.extend(article.split('/'));
    if let Some(extension) = extension {
        let mut name = path.file_name().unwrap_or_default().to_os_string();
        name.push(".");
        name.push(extension);
        path.set_file_name(name);
    }
    path
}

/// Where `path` really is: the longest part of it that exists with every
/// link resolved, then the rest as written (`..` taken lexically, which is
/// right where nothing exists to be a link).
pub fn real_path(path: &Path) -> std::io::Result<PathBuf> {
    let parts: Vec<Component> = path.components().collect();
    for split in (1..=parts.len()).rev() {
        let existing: PathBuf = parts[..split].iter().collect();
        match existing.canonicalize() {
            Ok(real) => {
                return Ok(normalize(
                    &real.join(parts[split..].iter().collect::<PathBuf>()),
                ));
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e),
        }
    }
    Ok(normalize(path))
}

/// `path` with `.` dropped and `..` taken lexically.
fn normalize(path: &Path) -> PathBuf {
    let mut normal = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir if !normal.pop() => normal.push(part),
            Component::ParentDir => {}
            other => normal.push(other),
        }
    }
    normal
}

fn parse_config(path: &Path, text: &str) -> Result<Config> {
    let raw: RawConfig = toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |span| span.start);
        Error::invalid(
            Location::at(path, text, offset),
            msg!("error-invalid-config", reason = e.message().trim_end()),
            msg!("help-invalid-config"),
        )
    })?;
    let lang = |tag: &str| -> Result<Lang> {
        tag.parse().map_err(|err: l10n_core::Error| {
            let offset = text.find(&format!("\"{tag}\"")).unwrap_or(0);
            Error::invalid(
                Location::at(path, text, offset),
                err.message(),
                err.help().unwrap_or_else(|| msg!("help-bad-language")),
            )
        })
    };
    let source_lang = lang(raw.source_lang.as_deref().unwrap_or("en"))?;
    let languages = match raw.languages {
        Some(tags) => Some(tags.iter().map(|t| lang(t)).collect::<Result<Vec<_>>>()?),
        None => None,
    };
    let fallback = parse_fallback(path, text, &source_lang, raw.fallback)?;
    let check = crate::policy::parse(path, text, &source_lang, raw.check, |glob| {
        article_extension(glob).is_some()
    })?;
    if let Some(pct) = raw.min_translated
        && !(0.0..=100.0).contains(&pct)
    {
        let offset = text.find("min-translated").unwrap_or(0);
        return Err(Error::invalid(
            Location::at(path, text, offset),
            msg!("error-config-percent", value = pct.to_string()),
            msg!("help-config-percent"),
        ));
    }
    if let Err(message) = Rules::default().add_no_break_patterns(&raw.segmenter.no_break) {
        let offset = text.find("no-break").unwrap_or(0);
        return Err(Error::invalid(
            Location::at(path, text, offset),
            msg!("error-no-break-pattern", reason = message),
            msg!("help-no-break-pattern"),
        ));
    }
    Ok(Config {
        source_lang,
        languages,
        articles: raw.articles.unwrap_or_else(|| "articles".into()),
        locales: raw.locales.unwrap_or_else(|| "locales".into()),
        min_translated: raw.min_translated,
        fallback,
        segmenter: raw.segmenter,
        qa: raw.qa,
        check,
        markdown: crate::markdown_config::parse(path, text, raw.markdown)?,
        memory: raw
            .memory
            .iter()
            .map(|m| {
                let at = Location::at(path, text, m.span().start);
                (PathBuf::from(m.get_ref()), at)
            })
            .collect(),
    })
}

/// The `fallback` table of l10n.toml, validated: good tags, no chain naming
/// its own language or the source language, no cycle.
fn parse_fallback(
    path: &Path,
    text: &str,
    source_lang: &Lang,
    raw: BTreeMap<toml::Spanned<String>, Vec<toml::Spanned<String>>>,
) -> Result<Fallback> {
    let at = |tag: &toml::Spanned<String>| Location::at(path, text, tag.span().start);
    let lang = |tag: &toml::Spanned<String>| -> Result<Lang> {
        tag.get_ref().parse().map_err(|err: l10n_core::Error| {
            Error::invalid(
                at(tag),
                err.message(),
                err.help().unwrap_or_else(|| msg!("help-bad-language")),
            )
        })
    };
    let mut configured = BTreeMap::new();
    let mut keys = BTreeMap::new();
    for (key, tags) in &raw {
        let language = lang(key)?;
        let mut chain = Vec::with_capacity(tags.len());
        for tag in tags {
            let parent = lang(tag)?;
            if parent == language {
                return Err(Error::invalid(
                    at(tag),
                    msg!("error-fallback-self", lang = &language),
                    msg!("help-fallback-self", lang = &language),
                ));
            }
            if parent == *source_lang {
                return Err(Error::invalid(
                    at(tag),
                    msg!("error-fallback-source", lang = &language, source = &parent),
                    msg!("help-fallback-source"),
                ));
            }
            chain.push(parent);
        }
        if configured.insert(language.clone(), chain).is_some() {
            return Err(Error::invalid(
                at(key),
                msg!("error-fallback-twice", lang = &language),
                msg!("help-fallback-twice"),
            ));
        }
        keys.insert(language, key);
    }
    let fallback = Fallback::new(source_lang.clone(), configured);
    if let Some(cycle) = fallback.cycle() {
        let shown: Vec<&str> = cycle.iter().map(Lang::as_str).collect();
        return Err(Error::invalid(
            at(keys[&cycle[0]]),
            msg!("error-fallback-cycle", cycle = shown.join(" → ")),
            msg!("help-fallback-cycle"),
        ));
    }
    Ok(fallback)
}

/// The commented `l10n.toml` that `l10n init` writes.
pub fn default_config_text(source: &Lang, languages: &[Lang]) -> String {
    let languages = languages
        .iter()
        .map(|l| format!("\"{l}\""))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        r#"# l10n workspace configuration. `l10n` finds this file by walking up from
# the current folder; every path below is relative to it.

# The language the articles are written in (a BCP 47 tag).
source-lang = "{source}"

# The languages they are translated into. Leave this out to use every
# folder under `locales/` (except the source language's).
languages = [{languages}]

# Where the articles are (.md, .markdown, .txt, searched recursively)...
articles = "articles"
# ...and where the catalogs go: locales/<lang>/<article>.toml.
locales = "locales"

# `l10n build` skips an article whose share of translated segments is below
# this percentage, and `l10n check` fails a language below it, unless
# [check] below sets its own min-translated.
# min-translated = 90

# Where a language without a translation of a sentence looks before the
# source language. By default a regional language falls back to its parent,
# keeping the script (pt-BR → pt, zh-Hant-TW → zh-Hant); a chain given here
# replaces that default, and an empty one switches it off.
# fallback = {{ "es-MX" = ["es-419", "es"] }}

[segmenter]
# Abbreviations of your house style that never end a sentence, without the dot.
abbreviations = []
# Places where a sentence never ends: `|` marks the boundary, `#` a number,
# `*` a word. For example "Art.| #" keeps "Art. 5" together.
no-break = []

[qa]
# Run the quality checks (numbers, links, placeholders, …) on every
# `l10n check`, not only with `--qa`.
enabled = false
# Checks to switch off: numbers, urls, emails, link-targets, markup,
# placeholders, untranslated, whitespace, brackets, length. One entry can
# switch a check off with `qa-ignore = ["numbers"]` in its catalog table.
disabled = []

[markdown]
# Front matter keys (YAML `---` or TOML `+++`) whose top-level string
# values are translated.
front-matter = ["title", "description", "summary"]
# Template tags of your own, kept out of the text and never split, as
# [opening, closing] pairs, besides Hugo's {{{{< >}}}} and {{{{% %}}}}, Liquid's and
# Jinja's {{% %}}, {{{{ }}}} and {{# #}}.
# opaque = [["<<", ">>"]]

[check]
# What fails `l10n check`. With no rule for a language, any missing or
# outdated segment fails it; with rules, the rules decide. A flag wins:
# `--min-translated` over every min-translated here, `--strict` over fail-on.
# The share of segments translated, in percent: for every language, or per
# language, "*" standing for the languages not named.
# min-translated = 90
# min-translated = {{ ko = 80, ja = 50, "*" = 90 }}
# How many outdated segments a language may have (a number, or per language).
# max-outdated = 0
# Which quality findings (`check --qa`, or [qa] enabled) fail: "error",
# "warning". `check --strict` makes warnings fail too.
fail-on = ["error"]
# Rules for the articles whose ids (paths under the articles folder, without
# the extension) match a glob: `*` stays within a folder, `**` crosses them.
# Each article is judged on its own, besides its language's rules.
# [[check.articles]]
# glob = "news/**"
# min-translated = 95
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_without_a_file() {
        let config = parse_config(Path::new("l10n.toml"), "").unwrap();
        assert_eq!(config.source_lang.as_str(), "en");
        assert_eq!(config.articles, PathBuf::from("articles"));
        assert!(config.languages.is_none());
    }

    #[test]
    fn written_config_reads_back() {
        let text = default_config_text(&"en".parse().unwrap(), &["ko".parse().unwrap()]);
        let config = parse_config(Path::new("l10n.toml"), &text).unwrap();
        assert_eq!(config.languages.unwrap()[0].as_str(), "ko");
    }

    #[test]
    fn unknown_key_is_located() {
        let err =
            parse_config(Path::new("l10n.toml"), "source-lang = \"en\"\nlangs = []\n").unwrap_err();
        assert_eq!(err.location().unwrap().line, 2);
    }

    #[test]
    fn fallback_chains_are_read_and_validated() {
        let parse = |text: &str| parse_config(Path::new("l10n.toml"), text);
        let config = parse("fallback = { \"es-mx\" = [\"es-419\", \"es\"] }\n").unwrap();
        let chain = config.fallback.chain(&"es-MX".parse().unwrap());
        assert_eq!(chain, ["es-419".parse().unwrap(), "es".parse().unwrap()]);
        for (text, line, message) in [
            ("\n[fallback]\npt-BR = [\"p_t\"]\n", 3, "error-bad-language"),
            (
                "\n[fallback]\npt-BR = [\"pt\", \"pt-br\"]\n",
                3,
                "error-fallback-self",
            ),
            (
                "[fallback]\n\"pt-BR\" = [\"en\"]\n",
                2,
                "error-fallback-source",
            ),
            ("[fallback]\npt = [\"pt-BR\"]\n", 2, "error-fallback-cycle"),
            (
                "[fallback]\npt-br = []\n\"pt-BR\" = []\n",
                2,
                "error-fallback-twice",
            ),
        ] {
            let err = parse(text).unwrap_err();
            assert_eq!(err.location().unwrap().line, line, "{text}");
            assert_eq!(err.message().id, message, "{text}");
        }
    }

    #[test]
    fn bad_tag_is_located() {
        let err =
            parse_config(Path::new("l10n.toml"), "languages = [\"ko\", \"x_y\"]\n").unwrap_err();
        assert_eq!(err.location().unwrap().column, 20);
    }
}
