//! `l10n init`: writes a commented `l10n.toml`, makes the articles folder,
//! gives editors the catalogs' schema and has git ignore l10n's own folder
//! (`.l10n/`: the cache), or does nothing at all when it fails.
use std::fs;
use std::path::Path;

use crate::catalog_schema;
use crate::error::{Error, Result};
use crate::files;
use crate::msg;
use crate::settings::{InitSettings, Settings};
use crate::store::{self, Reach};
use crate::ui::Message;
use crate::workspace;

use super::{Output, lock};

pub(super) fn run(init: &InitSettings, settings: &Settings) -> Result<Output> {
    let dir = &settings.cwd;
    // `init` may make the workspace's folder; the lock is on that folder.
    fs::create_dir_all(dir).map_err(|source| Error::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    let lock = lock(dir, true, settings)?;
    lock.remove_stale_temporary_files(dir, Reach::Folder);
    let path = dir.join(workspace::CONFIG_FILE);
    if path.exists() {
        return Err(Error::usage(
            msg!("error-config-exists", path = crate::ui::path_text(&path)),
            msg!("help-config-exists"),
        ));
    }
    // Everything is checked, and the articles folder made, before the
    // configuration is written: a failing init leaves nothing behind.
    if let Some(source) = init.languages.iter().find(|l| **l == init.source_lang) {
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
    let text = workspace::default_config_text(&init.source_lang, &init.languages);
    let gitignore = dir.join(".gitignore");
    let written = stage_all(dir, &path, &text, &gitignore).and_then(|(staged, said)| {
        store::commit(staged, Vec::new())?;
        Ok(said)
    });
    let said = match written {
        Ok(said) => said,
        Err(error) => {
            if made {
                let _ = fs::remove_dir(&articles);
            }
            return Err(error);
        }
    };
    let mut stdout = settings.ui.text(&msg!("init-done")) + "\n";
    if let Some(said) = said {
        stdout.push_str(&settings.ui.text(&said));
        stdout.push('\n');
    }
    Ok(Output {
        stdout,
        passed: true,
        ..Output::default()
    })
}

/// The configuration; unless they are there already, the catalogs' schema
/// and taplo's configuration naming it (for editors: see
/// `catalog_schema`); and, when it lacks `.l10n/`, the `.gitignore`: staged
/// to be committed together. And what to say about the `.gitignore`.
fn stage_all(
    dir: &Path,
    config: &Path,
    text: &str,
    gitignore: &Path,
) -> Result<(Vec<store::Staged>, Option<Message>)> {
    let mut staged = vec![store::stage(config, text.as_bytes(), None)?];
    for (path, contents) in [
        (catalog_schema::SCHEMA_PATH, catalog_schema::SCHEMA),
        (
            catalog_schema::TAPLO_CONFIG_PATH,
            catalog_schema::TAPLO_CONFIG,
        ),
    ] {
        let path = dir.join(path);
        if !path.exists() {
            staged.push(store::stage(&path, contents.as_bytes(), None)?);
        }
    }
    // A linked `.gitignore` (a dotfiles manager's) is not replaced by a
    // file, nor is its target, which may be outside the workspace, written.
    if fs::symlink_metadata(gitignore).is_ok_and(|m| m.file_type().is_symlink()) {
        return Ok((
            staged,
            Some(msg!("init-gitignore-link", path = CACHE_PATTERN)),
        ));
    }
    let existing = files::read(gitignore)?;
    let said = match ignoring_cache(existing.as_deref()) {
        None => None,
        Some(bytes) => {
            let fingerprint = existing.as_deref().map(store::Fingerprint::of);
            staged.push(store::stage(gitignore, &bytes, fingerprint)?);
            Some(match existing {
                Some(_) => msg!("init-gitignore-added", path = CACHE_PATTERN),
                None => msg!("init-gitignore-written", path = CACHE_PATTERN),
            })
        }
    };
    Ok((staged, said))
}

/// The line that keeps l10n's own folder (its cache; off Unix, its lock)
/// out of git.
const CACHE_PATTERN: &str = ".l10n/";

/// A `.gitignore` (its bytes, if there is one) with [`CACHE_PATTERN`]
/// appended, or `None` when it already ignores that folder. Everything
/// already there is kept byte for byte; the new line ends the way the
/// file's lines do (CRLF when the file uses CRLF).
fn ignoring_cache(existing: Option<&[u8]>) -> Option<Vec<u8>> {
    let Some(existing) = existing else {
        return Some(format!("{CACHE_PATTERN}\n").into_bytes());
    };
    // The last line about that folder decides, as in git: `!.l10n/`
    // after `.l10n/` has git track it again.
    let last = existing.split(|&b| b == b'\n').rev().find_map(|line| {
        let line = line.strip_suffix(b"\r").unwrap_or(line).trim_ascii();
        let (negated, pattern) = match line.strip_prefix(b"!") {
            Some(pattern) => (true, pattern),
            None => (false, line),
        };
        // The patterns git reads as that folder at the root.
        matches!(pattern, b".l10n/" | b".l10n" | b"/.l10n/" | b"/.l10n").then_some(negated)
    });
    let ignored = last == Some(false);
    if ignored {
        return None;
    }
    let newline: &[u8] = if existing.windows(2).any(|w| w == b"\r\n") {
        b"\r\n"
    } else {
        b"\n"
    };
    let mut bytes = existing.to_vec();
    if !bytes.is_empty() && !bytes.ends_with(b"\n") {
        bytes.extend_from_slice(newline);
    }
    bytes.extend_from_slice(CACHE_PATTERN.as_bytes());
    bytes.extend_from_slice(newline);
    Some(bytes)
}

#[cfg(test)]
mod tests {
    use super::ignoring_cache;

    #[test]
    fn the_cache_line_is_added_once_in_the_files_line_ending() {
        assert_eq!(ignoring_cache(None).unwrap(), b".l10n/\n");
        assert_eq!(ignoring_cache(Some(b"")).unwrap(), b".l10n/\n");
        assert_eq!(
            ignoring_cache(Some(b"target\n# x ")).unwrap(),
            b"target\n# x \n.l10n/\n"
        );
        assert_eq!(
            ignoring_cache(Some(b"target\r\n/build")).unwrap(),
            b"target\r\n/build\r\n.l10n/\r\n"
        );
        assert_eq!(ignoring_cache(Some(b"a\r\n/.l10n\r\n")), None);
        assert_eq!(ignoring_cache(Some(b".l10n/")), None);
        // A pattern for something else that starts alike is not it.
        assert!(ignoring_cache(Some(b".l10n-old/\n!.l10n/\n")).is_some());
        assert_eq!(
            ignoring_cache(Some(b"/.l10n/\n!.l10n/\n")).unwrap(),
            b"/.l10n/\n!.l10n/\n.l10n/\n"
        );
        assert_eq!(ignoring_cache(Some(b"!.l10n/\n.l10n\n")), None);
    }
}
