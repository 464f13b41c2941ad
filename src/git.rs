//! `--since REF`: which articles changed since a revision, asked of the
//! `git` command. A change is anything `git diff` shows between the point
//! where the current branch left REF (their merge base, as `REF...` means
//! to git) and the working tree, committed, staged or not, and any
//! untracked file git does not ignore. An article is selected when its
//! file, its template or any of its catalogs changed.
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::error::{Error, Result};
use crate::msg;
use crate::workspace::{self, ArticleFile, Workspace};

/// The articles of `articles` that changed since `since`.
pub fn changed_articles(
    workspace: &Workspace,
    articles: Vec<ArticleFile>,
    since: &str,
) -> Result<Vec<ArticleFile>> {
    let changed = changed_files(&workspace.root, since)?;
    let real = |dir: PathBuf| workspace::real_path(&dir).unwrap_or(dir);
    let articles_dir = real(workspace.articles_dir());
    let locales_dir = real(workspace.locales_dir());
    let mut ids = HashSet::new();
    for path in &changed {
        if let Ok(relative) = path.strip_prefix(&articles_dir) {
            let name = slashed(relative);
            if let Some((id, _)) = workspace::article_extension(&name) {
                ids.insert(id.to_string());
            }
        } else if let Ok(relative) = path.strip_prefix(&locales_dir) {
            // locales/<lang>/<article id>.toml, whichever the language.
            let name = slashed(relative);
            if let Some((_, catalog)) = name.split_once('/')
                && let Some(id) = catalog.strip_suffix(".toml")
            {
                ids.insert(id.to_string());
            }
        }
    }
    let changed: HashSet<&Path> = changed.iter().map(PathBuf::as_path).collect();
    Ok(articles
        .into_iter()
        // An article reached through a link is known by its real path.
        .filter(|a| ids.contains(&a.id) || changed.contains(a.path.as_path()))
        .collect())
}

/// `path`'s parts joined with `/`, as article ids are written.
fn slashed(path: &Path) -> String {
    path.components()
        .map(|part| part.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Every file changed since `since` in the git repository around `dir`,
/// as absolute paths under the repository's top folder (where links are
/// resolved, as git resolves them).
fn changed_files(dir: &Path, since: &str) -> Result<Vec<PathBuf>> {
    let top = git(dir, &["rev-parse", "--show-toplevel"]).map_err(|reason| {
        Error::usage(
            msg!(
                "error-git-not-repository",
                since = since,
                path = crate::ui::path_text(dir),
                reason = reason
            ),
            msg!("help-git-not-repository"),
        )
    })?;
    let top = file_name(top.strip_suffix(b"\n").unwrap_or(&top));
    // `--end-of-options`: a REF that starts with `-` is a name, not a flag.
    let commit = format!("{since}^{{commit}}");
    let unknown = |reason: String| {
        Error::usage(
            msg!("error-git-unknown-ref", since = since, reason = reason),
            msg!("help-git-unknown-ref"),
        )
    };
    let hash = line(
        git(
            &top,
            &["rev-parse", "--verify", "--end-of-options", &commit],
        )
        .map_err(unknown)?,
    );
    // REF is known here: a failing merge base is missing history (a
    // shallow clone, as CI checks out by default), not an unknown REF.
    let base = line(git(&top, &["merge-base", &hash, "HEAD"]).map_err(|reason| {
        Error::usage(
            msg!("error-git-no-merge-base", since = since, reason = reason),
            msg!("help-git-no-merge-base"),
        )
    })?);
    let diff = git(
        &top,
        &[
            "diff",
            "--name-only",
            "-z",
            "--no-renames",
            "--no-relative",
            &base,
            "--",
        ],
    )
    .map_err(unknown)?;
    let untracked =
        git(&top, &["ls-files", "--others", "--exclude-standard", "-z"]).map_err(unknown)?;
    Ok(diff
        .split(|&byte| byte == 0)
        .chain(untracked.split(|&byte| byte == 0))
        .filter(|name| !name.is_empty())
        .map(|name| top.join(file_name(name)))
        .collect())
}

/// A path as git writes it: bytes, which need not be UTF-8.
#[cfg(unix)]
fn file_name(bytes: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
}

#[cfg(not(unix))]
fn file_name(bytes: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
}

/// Git's output of one line (a folder, a hash), without its newline.
fn line(bytes: Vec<u8>) -> String {
    String::from_utf8_lossy(&bytes)
        .trim_end_matches('\n')
        .to_string()
}

/// The `git` command in `dir`, for questions only: no index refresh written
/// behind a user's back, and never a prompt for credentials.
pub fn command(dir: &Path) -> Command {
    let mut command = Command::new("git");
    command
        .arg("-C")
        .arg(dir)
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_OPTIONAL_LOCKS", "0");
    command
}

/// Runs `git` in `dir` and returns its output, or why it failed: git's own
/// words, or that git could not be started.
fn git(dir: &Path, args: &[&str]) -> std::result::Result<Vec<u8>, String> {
    let output = command(dir)
        .args(args)
        .output()
        .map_err(|e| format!("git could not be run: {e}"))?;
    if output.status.success() {
        return Ok(output.stdout);
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    let reason = stderr
        .lines()
        .find(|line| !line.trim().is_empty())
        .unwrap_or("git failed")
        .trim()
        .to_string();
    Err(reason)
}
