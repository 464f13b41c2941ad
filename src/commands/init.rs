//! `l10n init`: writes a commented `l10n.toml` and makes the articles
//! folder, or nothing at all when it fails.
use std::fs;
use std::path::Path;

use crate::catalog_schema;
use crate::error::{Error, Result};
use crate::msg;
use crate::settings::{InitSettings, Settings};
use crate::store::{self, Reach};
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
    if let Err(error) = write_files(dir, &path, &text) {
        if made {
            let _ = fs::remove_dir(&articles);
        }
        return Err(error);
    }
    Ok(Output {
        stdout: settings.ui.text(&msg!("init-done")) + "\n",
        passed: true,
        ..Output::default()
    })
}

/// Writes the configuration and, unless they are there already, the
/// catalogs' schema and taplo's configuration naming it (for editors: see
/// `catalog_schema`), all or none.
fn write_files(dir: &Path, config: &Path, text: &str) -> Result<()> {
    let mut files = vec![(config.to_path_buf(), text)];
    for (path, contents) in [
        (catalog_schema::SCHEMA_PATH, catalog_schema::SCHEMA),
        (
            catalog_schema::TAPLO_CONFIG_PATH,
            catalog_schema::TAPLO_CONFIG,
        ),
    ] {
        let path = dir.join(path);
        if !path.exists() {
            files.push((path, contents));
        }
    }
    let mut staged = Vec::with_capacity(files.len());
    for (path, contents) in files {
        let fingerprint = store::Fingerprint::of_file(&path)?;
        staged.push(store::stage(&path, contents.as_bytes(), fingerprint)?);
    }
    store::commit(staged, Vec::new())
}
