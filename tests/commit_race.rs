//! Saves that race `extract`'s commit, signals, the workspace lock and
//! temporary files (issue 10): a translator's save that lands at the worst
//! moment is never lost, a run stopped by SIGINT/SIGTERM leaves every file
//! old or new and no temporary file, the lock cannot be deleted away, and
//! every writing command sweeps its own leftovers.
use std::collections::BTreeMap;
use std::ffi::CString;
use std::fs;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::Child;
use std::time::{Duration, Instant};

use crate::util::{Workspace, finish};

fn signal(child: &Child, signal: i32) {
    // SAFETY: sends a signal to our own child process, still unwaited.
    assert_eq!(unsafe { libc::kill(child.id() as libc::pid_t, signal) }, 0);
}

/// Events in one folder, through inotify: to act at the exact moment a
/// run creates or renames a file there.
struct Watch {
    fd: OwnedFd,
}

impl Watch {
    fn new(dir: &Path, mask: u32) -> Watch {
        // SAFETY: plain system calls; the descriptor is owned at once.
        let fd = unsafe { libc::inotify_init1(libc::IN_CLOEXEC) };
        assert!(fd >= 0, "inotify: {}", std::io::Error::last_os_error());
        let fd = unsafe { OwnedFd::from_raw_fd(fd) };
        let path = CString::new(dir.as_os_str().as_bytes()).unwrap();
        let added = unsafe { libc::inotify_add_watch(fd.as_raw_fd(), path.as_ptr(), mask) };
        assert!(added >= 0, "watch: {}", std::io::Error::last_os_error());
        Watch { fd }
    }

    /// Waits until `done` accepts an event (its mask and file name), or
    /// `timeout` passes; whether one was accepted.
    fn wait_for(&self, timeout: Duration, mut done: impl FnMut(u32, &str) -> bool) -> bool {
        let end = Instant::now() + timeout;
        let mut buffer = vec![0u8; 64 * 1024];
        while let Some(left) = end.checked_duration_since(Instant::now()) {
            let mut poll = libc::pollfd {
                fd: self.fd.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            };
            // SAFETY: one valid pollfd.
            let ready = unsafe { libc::poll(&mut poll, 1, left.as_millis().max(1) as i32) };
            if ready <= 0 {
                continue;
            }
            // SAFETY: reads into a buffer of the given length.
            let n = unsafe {
                libc::read(
                    self.fd.as_raw_fd(),
                    buffer.as_mut_ptr().cast(),
                    buffer.len(),
                )
            };
            let mut at = 0;
            while n > 0 && at + 16 <= n as usize {
                let word =
                    |i: usize| u32::from_ne_bytes(buffer[at + i..at + i + 4].try_into().unwrap());
                let (mask, len) = (word(4), word(12) as usize);
                let name = &buffer[at + 16..at + 16 + len];
                let name = String::from_utf8_lossy(name);
                if done(mask, name.trim_end_matches('\0')) {
                    return true;
                }
                at += 16 + len;
            }
        }
        false
    }
}

/// Every file under `dir` (recursively) and its bytes.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            out.extend(files(&entry.path()));
        } else {
            out.insert(entry.path(), fs::read(entry.path()).unwrap());
        }
    }
    out
}

/// Files whose names l10n uses for temporary or set-aside files.
fn leftovers(dir: &Path) -> Vec<PathBuf> {
    files(dir)
        .into_keys()
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with(".l10n-") || name.contains(".kept-")
        })
        .collect()
}

const ARTICLES: usize = 200;

fn article_text(i: usize, round: usize) -> String {
    let mut text = format!("# Article {i}\n\nArticle {i} opens here. It has a second sentence.\n");
    for r in 0..round {
        text.push_str(&format!("\nRound {r} of article {i} adds a sentence.\n"));
    }
    text
}

/// A workspace of many small articles, extracted, so that an `extract`
/// after editing them all rewrites hundreds of catalogs.
fn many_articles() -> Workspace {
    let ws = Workspace::new();
    ws.mkdir("locales/ko");
    for i in 0..ARTICLES {
        ws.write(&format!("articles/a{i:03}.md"), &article_text(i, 0));
    }
    ws.run(&["extract"]).expect_code(0);
    ws
}

/// How a translator's editor writes a file.
#[derive(Debug, Clone, Copy)]
enum Save {
    /// Truncates and rewrites the file itself.
    InPlace,
    /// Writes a temporary file beside it and renames it over (vim, most
    /// IDEs).
    Rename,
}

impl Save {
    fn write(self, path: &Path, bytes: &[u8]) {
        match self {
            Save::InPlace => fs::write(path, bytes).unwrap(),
            Save::Rename => {
                let name = path.file_name().unwrap().to_string_lossy();
                let temp = path.with_file_name(format!(".{name}.swp"));
                fs::write(&temp, bytes).unwrap();
                fs::rename(&temp, path).unwrap();
            }
        }
    }
}

/// The race: a catalog saved the instant `extract` starts
/// renaming its new catalogs into place. Every time, the translator's
/// bytes must be the file's: either their save landed after the new
/// catalog went in, or `extract` stopped (exit 2) with their file in place.
#[test]
fn a_save_at_the_moment_of_the_commit_is_never_lost() {
    const ROUNDS: usize = 24;
    let ws = many_articles();
    let locales = ws.path("locales/ko");
    let (mut stopped, mut won_after) = (0, 0);
    for round in 1..=ROUNDS {
        for i in 0..ARTICLES {
            ws.write(&format!("articles/a{i:03}.md"), &article_text(i, round));
        }
        // The translator's editor holds the catalog as it is now.
        let victim = (round * 37 + round * round) % ARTICLES;
        let path = locales.join(format!("a{victim:03}.toml"));
        let saved = fs::read_to_string(&path).unwrap().replacen(
            "translation = \"\"",
            &format!("translation = \"저장 {round}\""),
            1,
        );
        let save = if round % 2 == 0 {
            Save::InPlace
        } else {
            Save::Rename
        };
        let watch = Watch::new(&locales, libc::IN_MOVED_TO);
        let child = ws.spawn(&["extract"], &[]);
        let seen = watch.wait_for(Duration::from_secs(60), |_, name| name.starts_with('a'));
        save.write(&path, saved.as_bytes());
        let (code, stderr) = finish(child);
        assert!(seen, "round {round}: no rename seen; exit {code}: {stderr}");
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            saved,
            "round {round} ({save:?}): the translator's save was lost (exit {code}): {stderr}"
        );
        match code {
            0 => won_after += 1,
            2 => {
                assert!(stderr.contains("changed on disk"), "{stderr}");
                assert!(stderr.contains(&format!("a{victim:03}.toml")), "{stderr}");
                stopped += 1;
            }
            _ => panic!("round {round}: exit {code}: {stderr}"),
        }
        assert_eq!(leftovers(&ws.path("locales")), Vec::<PathBuf>::new());
    }
    eprintln!("{stopped} runs stopped, {won_after} saves landed after the swap");
    // The catalogs still make sense to the next run.
    ws.run(&["extract"]).expect_code(0);
    ws.run(&["status"]).expect_code(0);
}

/// `extract --prune` removes catalogs of deleted articles; one saved at
/// the moment the commit begins is kept, not deleted.
#[test]
fn a_save_to_a_catalog_being_pruned_is_never_lost() {
    const ROUNDS: usize = 20;
    let ws = many_articles();
    let locales = ws.path("locales/ko");
    for round in 1..=ROUNDS {
        let orphan = format!("gone{round}");
        ws.write(
            &format!("articles/{orphan}.md"),
            "A short-lived article here.\n",
        );
        ws.run(&["extract"]).expect_code(0);
        fs::remove_file(ws.path(&format!("articles/{orphan}.md"))).unwrap();
        for i in 0..ARTICLES {
            ws.write(&format!("articles/a{i:03}.md"), &article_text(i, round));
        }
        let path = locales.join(format!("{orphan}.toml"));
        let saved = fs::read_to_string(&path).unwrap().replacen(
            "translation = \"\"",
            "translation = \"아직 필요함\"",
            1,
        );
        let save = if round % 2 == 0 {
            Save::InPlace
        } else {
            Save::Rename
        };
        let watch = Watch::new(&locales, libc::IN_MOVED_TO);
        let child = ws.spawn(&["extract", "--prune"], &[]);
        let seen = watch.wait_for(Duration::from_secs(60), |_, name| name.starts_with('a'));
        save.write(&path, saved.as_bytes());
        let (code, stderr) = finish(child);
        assert!(seen, "round {round}: no rename seen; exit {code}: {stderr}");
        // Either the removal saw the save and stopped, or (on a stalled
        // machine) the save landed after the removal and made the file anew.
        assert_eq!(
            fs::read_to_string(&path).ok().as_deref(),
            Some(saved.as_str()),
            "round {round} ({save:?}): the save was pruned (exit {code}): {stderr}"
        );
        if code != 0 {
            assert_eq!(code, 2, "{stderr}");
            assert!(stderr.contains(&format!("{orphan}.toml")), "{stderr}");
        }
        assert_eq!(leftovers(&ws.path("locales")), Vec::<PathBuf>::new());
        // The translator keeps it by hand; the run goes through after.
        fs::remove_file(&path).unwrap();
        // The template may have gone before the run stopped.
        let _ = fs::remove_file(ws.path(&format!("locales/en/{orphan}.toml")));
        ws.run(&["extract", "--prune"]).expect_code(0);
    }
}

/// A workspace with `n` articles, one Korean catalog each, translated in
/// part and built once into `out/ko`, then the articles edited.
fn built(n: usize) -> Workspace {
    let ws = Workspace::new();
    ws.mkdir("locales/ko");
    for i in 0..n {
        ws.write(&format!("articles/a{i:03}.md"), &article_text(i, 1));
    }
    ws.run(&["extract"]).expect_code(0);
    ws.translate("ko", "a000", |_, source| Some(format!("[ko] {source}")));
    ws.run(&["build", "--lang", "ko", "--out", "out"])
        .expect_code(0);
    for i in 0..n {
        ws.write(&format!("articles/a{i:03}.md"), &article_text(i, 2));
    }
    ws
}

#[test]
fn sigterm_or_sigint_before_the_commit_leaves_everything_as_it_was() {
    for (command, folder, sig, code) in [
        ("build", "out/ko", libc::SIGTERM, 143),
        ("extract", "locales/ko", libc::SIGINT, 130),
        ("export", "export/ko", libc::SIGTERM, 143),
    ] {
        let ws = built(40);
        ws.run(&["export", "--lang", "ko"]).expect_code(0);
        let before = ws.snapshot();
        let args: Vec<&str> = match command {
            "extract" => vec!["extract"],
            _ => vec![command, "--lang", "ko"],
        };
        let args = [
            args.as_slice(),
            &["--out", "out"][..(command == "build") as usize * 2],
        ]
        .concat();
        let held = ws.hold_at_commit(&args, &[]);
        let staged = leftovers(&ws.path(folder)).len();
        assert_eq!(staged, 40, "{command}: not all was staged");
        signal(held.child(), sig);
        let (exit, stderr) = held.release();
        assert_eq!(exit, code, "{command}: {stderr}");
        assert!(stderr.contains("stopped by SIG"), "{command}: {stderr}");
        assert_eq!(stderr.trim().lines().count(), 1, "one line: {stderr}");
        before.assert_same(&ws.snapshot(), &format!("{command} was stopped"));
    }
}

/// A signal while files are being swapped in: the commit is all or
/// nothing, so the run either finishes (every catalog new) or stops with
/// every catalog old, the swaps already done put back; no temporary file
/// is left.
#[test]
fn sigterm_during_the_commit_leaves_all_old_or_all_new() {
    let ws = many_articles();
    let locales = ws.path("locales");
    for i in 0..ARTICLES {
        ws.write(&format!("articles/a{i:03}.md"), &article_text(i, 1));
    }
    let old = files(&locales);
    let watch = Watch::new(&locales.join("ko"), libc::IN_MOVED_TO);
    let child = ws.spawn(&["extract"], &[]);
    assert!(watch.wait_for(Duration::from_secs(60), |_, _| true));
    signal(&child, libc::SIGTERM);
    let (code, stderr) = finish(child);
    assert!(code == 143 || code == 0, "exit {code}: {stderr}");
    let stopped = files(&locales);
    assert_eq!(leftovers(&locales), Vec::<PathBuf>::new());
    ws.run(&["extract"]).expect_code(0);
    let new = files(&locales);
    assert_eq!(old.len(), new.len());
    let expected = if code == 0 { &new } else { &old };
    let differ: Vec<_> = stopped
        .iter()
        .filter(|(path, bytes)| expected.get(*path) != Some(bytes))
        .map(|(path, _)| path.display().to_string())
        .collect();
    assert!(
        differ.is_empty() && stopped.len() == expected.len(),
        "exit {code}, yet not all {}: {differ:?}",
        if code == 0 { "new" } else { "old" }
    );
}

/// The lock does not live in the disposable `.l10n/`: deleting that
/// folder while a run works does not let a second one in.
#[test]
fn deleting_the_cache_folder_does_not_unlock_the_workspace() {
    let ws = built(5);
    // `status` leaves its cache in `.l10n/`.
    ws.run(&["status"]);
    assert!(ws.path(".l10n").is_dir());
    let first = ws.hold_at_commit(&["extract"], &[]);
    let _ = fs::remove_dir_all(ws.path(".l10n"));
    let second = ws.run(&["extract", "--no-wait"]);
    let (code, stderr) = first.release();
    assert_eq!(second.code, 2, "a second run got in: {}", second.stderr);
    assert!(
        second.stderr.contains("another l10n run"),
        "{}",
        second.stderr
    );
    assert_eq!(code, 0, "{stderr}");
}

/// `build` holds the same lock as `extract`: they cannot interleave.
#[test]
fn build_and_extract_do_not_run_at_once() {
    let ws = built(5);
    let build = ws.hold_at_commit(&["build", "--lang", "ko", "--out", "out"], &[]);
    let extract = ws.run(&["extract", "--no-wait"]);
    assert_eq!(
        extract.code, 2,
        "extract ran during build: {}",
        extract.stdout
    );
    assert!(
        extract.stderr.contains("another l10n run"),
        "{}",
        extract.stderr
    );
    let (code, stderr) = build.release();
    assert_eq!(code, 0, "{stderr}");
}

/// Every writing command removes the temporary files a killed run of it
/// left in the folders it writes, and nothing else.
#[test]
fn writing_commands_sweep_their_stale_temporary_files() {
    let ws = built(3);
    let stale = [
        "out/ko/.l10n-AbC123.tmp",
        "out/ko/sub/.l10n-x9.tmp",
        "export/ko/.l10n-Zz1.tmp",
        "locales/ko/.l10n-q.tmp",
        "new/.l10n-init.tmp",
    ];
    let kept = [
        "out/ko/notes.tmp",
        "export/ko/.l10n-keep.txt",
        "new/draft.tmp",
    ];
    for path in stale.iter().chain(&kept) {
        ws.write(path, "left by a killed run");
    }
    ws.run(&["build", "--lang", "ko", "--out", "out"])
        .expect_code(0);
    ws.run(&["export", "--lang", "ko"]).expect_code(0);
    ws.run(&["extract"]).expect_code(0);
    ws.run_in("new", &["init"]).expect_code(0);
    for path in stale {
        assert!(!ws.path(path).exists(), "{path} was not swept");
    }
    for path in kept {
        assert!(ws.path(path).exists(), "{path} was swept");
    }
}

/// A run waiting for the lock stops on SIGINT like any other moment.
#[test]
fn sigint_ends_a_wait_for_the_lock() {
    use std::io::BufRead;
    let ws = built(3);
    let held = fs::File::open(ws.path(".")).unwrap();
    held.lock().unwrap();
    let before = ws.snapshot();
    let mut child = ws.spawn(&["extract"], &[]);
    let mut stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    assert!(line.contains("waiting for another l10n run"), "{line}");
    signal(&child, libc::SIGINT);
    let status = child.wait().unwrap();
    stderr.read_line(&mut line).unwrap();
    assert_eq!(status.code(), Some(130), "{line}");
    assert!(line.contains("stopped by SIGINT"), "{line}");
    before.assert_same(&ws.snapshot(), "a run stopped while waiting wrote");
}
