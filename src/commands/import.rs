//! `l10n import`: translations coming back from other tools (PO, XLIFF,
//! TMX) written into the catalogs, through the same store as `extract`
//! (one lock, all or nothing, format kept). Every file is read and checked
//! before anything is written; what cannot be applied is listed, never
//! guessed at.
use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::files;
use crate::interchange::{self, Entered, Format, Outcome, Reason, Section, Verdict, reconcile};
use crate::lang::Lang;
use crate::msg;
use crate::settings::{ImportSettings, Settings};
use crate::store::{self, Reach};
use crate::ui::{Arg, Message, Ui};
use crate::workspace::Workspace;

use super::{Output, lock};

pub(super) fn run(import: &ImportSettings, settings: &Settings) -> Result<Output> {
    let workspace = &import.workspace;
    let lock = lock(&workspace.root, true, settings)?;
    lock.remove_stale_temporary_files(&workspace.locales_dir(), Reach::Tree);
    let source_lang = &workspace.config.source_lang;
    let ui = settings.ui;
    let mut batches: BTreeMap<(Lang, String), Vec<Incoming>> = BTreeMap::new();
    // What is not applied, a line each, as it is found, and how many
    // translations that is (a line may stand for a whole file's).
    let mut listed: Vec<String> = Vec::new();
    let mut not_applied = 0;
    let articles: HashSet<String> = workspace.articles()?.into_iter().map(|a| a.id).collect();
    let files = exchange_files(workspace, &import.files)?;
    let progress = crate::progress::start(files.len());
    for path in files {
        let (format, text) = read(workspace, &path)?;
        for section in format.read(&path, &text)? {
            let lang = section_lang(&path, &text, &section, source_lang)?;
            let article = section
                .article
                .clone()
                .or_else(|| article_from_path(&path, &lang));
            let Some(article) = article.clone().filter(|a| articles.contains(a)) else {
                let reason = match article {
                    Some(article) => msg!("import-unknown-article", article = article),
                    None => msg!("import-no-article"),
                };
                listed.push(section_listed(workspace, ui, &path, &section, &reason));
                not_applied += offered(&section);
                continue;
            };
            let incoming = Incoming {
                path: path.clone(),
                section,
            };
            batches.entry((lang, article)).or_default().push(incoming);
        }
        progress.advance();
    }
    drop(progress);

    let mut out = String::new();
    let mut staged = Vec::new();
    let mut applied = 0;
    for ((lang, article), incoming) in &batches {
        let catalog_path = workspace.catalog_path(lang, article)?;
        let shown = workspace.display_path(&catalog_path);
        let Some(file) = store::load(&catalog_path, article, lang)? else {
            for each in incoming {
                let reason = msg!("import-no-catalog", catalog = &shown, lang = lang.as_str());
                listed.push(section_listed(
                    workspace,
                    ui,
                    &each.path,
                    &each.section,
                    &reason,
                ));
                not_applied += offered(&each.section);
            }
            continue;
        };
        let units: Vec<&Entered> = incoming.iter().flat_map(|i| &i.section.units).collect();
        let (catalog, outcomes) = reconcile(&file.catalog, &units);
        let files = incoming
            .iter()
            .flat_map(|i| std::iter::repeat_n(&i.path, i.section.units.len()));
        let mut count = Count::default();
        for (outcome, path) in outcomes.iter().zip(files) {
            match &outcome.verdict {
                Verdict::Applied { .. } => count.applied += 1,
                Verdict::Unchanged => count.unchanged += 1,
                Verdict::Skipped => {}
                Verdict::Listed(reason) => {
                    count.listed += 1;
                    let reason = reason_message(reason, &shown);
                    listed.push(unit_listed(workspace, ui, path, outcome, &reason));
                }
            }
        }
        applied += count.applied;
        not_applied += count.listed;
        let _ = writeln!(out, "{}", ui.text(&count.message(&shown)));
        if !catalog.same_content(&file.catalog) {
            let contents = file.render(&catalog);
            staged.push(store::stage(
                &catalog_path,
                &contents,
                Some(file.fingerprint),
            )?);
        }
    }
    for line in &listed {
        let _ = writeln!(out, "{line}");
    }
    // A dry run writes no catalog, and its summary says so.
    let written = if import.dry_run {
        let _ = writeln!(out, "{}", ui.text(&msg!("import-dry-run")));
        0
    } else {
        let written = staged.len();
        store::commit(staged, Vec::new())?;
        written
    };
    let summary = msg!(
        "import-summary",
        applied = applied,
        catalogs = written,
        listed = not_applied
    );
    let _ = writeln!(out, "{}", ui.text(&summary));
    Ok(Output {
        stdout: out,
        stderr: String::new(),
        passed: listed.is_empty(),
    })
}

/// One file's section on its way into a catalog.
struct Incoming {
    path: PathBuf,
    section: Section,
}

#[derive(Default)]
struct Count {
    applied: usize,
    unchanged: usize,
    listed: usize,
}

impl Count {
    fn message(&self, catalog: &str) -> Message {
        msg!(
            "import-catalog",
            path = catalog,
            applied = self.applied,
            unchanged = self.unchanged,
            listed = self.listed
        )
    }
}

/// The files to read: each file named, and every exchange file (by its
/// extension) in a folder named, in name order. In a folder, a link to a
/// file counts as the file (a link to a folder is not followed: it could
/// loop), and templates (`.pot`) are left out: they hold no translations
/// and name no language.
fn exchange_files(workspace: &Workspace, named: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    for path in named {
        if path.is_dir() {
            let mut inside = Vec::new();
            walk(path, &mut inside)?;
            // A folder with nothing to import is most likely the wrong one.
            if inside.is_empty() {
                let shown = crate::ui::escape(&workspace.display_path(path)).into_owned();
                return Err(Error::usage(
                    msg!("error-import-empty-folder", path = shown),
                    msg!("help-import-files"),
                ));
            }
            inside.sort();
            found.extend(inside);
        } else {
            found.push(path.clone());
        }
    }
    Ok(found)
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) -> Result<()> {
    let read_error = |source| Error::Read {
        path: dir.to_path_buf(),
        source,
    };
    for entry in std::fs::read_dir(dir).map_err(read_error)? {
        let entry = entry.map_err(read_error)?;
        let path = entry.path();
        let kind = entry.file_type().map_err(read_error)?;
        let is_file = kind.is_file()
            || (kind.is_symlink() && std::fs::metadata(&path).is_ok_and(|m| m.is_file()));
        let template = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("pot"));
        if kind.is_dir() {
            walk(&path, found)?;
        } else if is_file && !template && Format::detect(&path, "").is_some() {
            found.push(path);
        }
    }
    Ok(())
}

/// A file's format and text, or the error that stops the import.
fn read(workspace: &Workspace, path: &Path) -> Result<(Format, String)> {
    let shown = crate::ui::escape(&workspace.display_path(path)).into_owned();
    let Some(bytes) = files::read(path)? else {
        return Err(Error::usage(
            msg!("error-no-such-file", path = &shown),
            msg!("help-import-files"),
        ));
    };
    let text = interchange::decode(path, bytes)?;
    match Format::detect(path, &text) {
        Some(format) => Ok((format, text)),
        None => Err(Error::usage(
            msg!("error-import-format", path = &shown),
            msg!("help-import-files"),
        )),
    }
}

/// The section's target language, which must be a valid tag and not the
/// source language (imports fill translations, not templates).
fn section_lang(path: &Path, text: &str, section: &Section, source: &Lang) -> Result<Lang> {
    // At the section's start, or where the tag is written after it.
    let at = || {
        let start: usize = text
            .split_inclusive('\n')
            .take(section.line.saturating_sub(1))
            .map(str::len)
            .sum();
        let written = section.lang.as_deref().filter(|tag| !tag.is_empty());
        let offset = written
            .and_then(|tag| text[start..].find(tag).map(|i| start + i))
            .unwrap_or(start);
        crate::error::Location::at(path, text, offset)
    };
    let Some(tag) = &section.lang else {
        return Err(Error::invalid(
            at(),
            msg!("error-import-no-lang"),
            msg!("help-import-no-lang"),
        ));
    };
    let lang: Lang = tag.parse().map_err(|e: l10n_core::Error| {
        Error::invalid(
            at(),
            e.message(),
            e.help().unwrap_or_else(|| msg!("help-bad-language")),
        )
    })?;
    if lang == *source {
        return Err(Error::invalid(
            at(),
            msg!("error-import-source-lang", lang = lang.as_str()),
            msg!("help-import-no-lang"),
        ));
    }
    Ok(lang)
}

/// The article of a file that does not name it, from where `export`
/// writes it: `<out>/<lang>/<article>.<ext>`.
fn article_from_path(path: &Path, lang: &Lang) -> Option<String> {
    let parts: Vec<String> = path
        .with_extension("")
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let at = parts.iter().rposition(|p| p == lang.as_str())?;
    Some(parts[at + 1..].join("/")).filter(|a| !a.is_empty())
}

/// How many translations a section offers.
fn offered(section: &Section) -> usize {
    section
        .units
        .iter()
        .filter(|u| !u.translation.is_empty())
        .count()
}

fn section_listed(
    workspace: &Workspace,
    ui: Ui,
    path: &Path,
    section: &Section,
    reason: &Message,
) -> String {
    ui.text(&msg!(
        "import-section-not-applied",
        path = workspace.display_path(path),
        line = section.line,
        count = offered(section),
        reason = Arg::Shown(ui.text(reason))
    ))
}

fn unit_listed(
    workspace: &Workspace,
    ui: Ui,
    path: &Path,
    outcome: &Outcome,
    reason: &Message,
) -> String {
    ui.text(&msg!(
        "import-not-applied",
        path = workspace.display_path(path),
        line = outcome.line,
        id = &outcome.id,
        reason = Arg::Shown(ui.text(reason))
    ))
}

/// Why a unit was not applied, in words.
fn reason_message(reason: &Reason, catalog: &str) -> Message {
    match reason {
        Reason::SourceChanged { now } => {
            msg!(
                "import-source-changed",
                now = l10n_core::text::one_line(now)
            )
        }
        Reason::UnknownId => msg!("import-unknown-id", catalog = catalog),
        Reason::Obsolete => msg!("import-obsolete", catalog = catalog),
        Reason::ForReview => msg!("import-for-review"),
        Reason::Twice => msg!("import-twice"),
    }
}
