//! Translators' work is never lost: the workspace lock, catalogs saved while
//! `extract` runs, read-only catalogs, a full disk, and `extract` killed at
//! random moments.
use std::collections::BTreeSet;
use std::fs;
use std::io::{BufRead, Read};
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use crate::util::{Rng, SEED_ID, SETTLED, Workspace, entries, field, finish, l10n_command};

/// The seed workspace, extracted, with the article then edited.
fn pending() -> Workspace {
    let ws = Workspace::seeded();
    ws.run(&["extract"]).expect_code(0);
    let edited = crate::util::seed_article().replace("close ties", "strong ties");
    ws.write(&format!("articles/{SEED_ID}.md"), &edited);
    ws
}

/// Holds the workspace lock as another run would: a lock on the
/// workspace folder itself.
fn hold_lock(ws: &Workspace) -> fs::File {
    let file = fs::File::open(ws.path(".")).unwrap();
    file.lock().unwrap();
    file
}

#[test]
fn a_second_run_fails_with_no_wait() {
    let ws = pending();
    let _held = hold_lock(&ws);
    let before = ws.snapshot();
    let run = ws.run(&["extract", "--no-wait"]).expect_code(2);
    assert!(run.stderr.contains("another l10n run"), "{}", run.stderr);
    before.assert_same(&ws.snapshot(), "a locked-out run wrote");
}

#[test]
fn a_second_run_waits_for_the_first() {
    let ws = pending();
    let held = hold_lock(&ws);
    let mut child = ws.spawn(&["extract"], &[]);
    // The run says it waits, then waits.
    let mut stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut waiting = String::new();
    stderr.read_line(&mut waiting).unwrap();
    assert!(
        child.try_wait().unwrap().is_none(),
        "extract did not wait for the lock"
    );
    drop(held);
    let mut rest = String::new();
    stderr.read_to_string(&mut rest).unwrap();
    let (code, _) = finish(child);
    let stderr = waiting + &rest;
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("waiting for another l10n run"), "{stderr}");
    assert!(
        ws.read(&format!("locales/ko/{SEED_ID}.toml"))
            .contains("strong ties")
    );
}

#[test]
fn a_catalog_saved_during_extract_is_not_overwritten() {
    let ws = pending();
    let path = format!("locales/ko/{SEED_ID}.toml");
    let held = ws.hold_at_commit(&["extract"], &[]);
    // The translator saves the catalog in an editor meanwhile.
    let saved = ws.read(&path).replacen(
        "\ntranslation = \"\"",
        "\ntranslation = \"번역가가 저장함\"",
        1,
    );
    ws.write(&path, &saved);
    let template_before = ws.read(&format!("locales/en/{SEED_ID}.toml"));
    let (code, stderr) = held.release();
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("changed on disk"), "{stderr}");
    assert!(stderr.contains(&path), "{stderr}");
    assert_eq!(
        ws.read(&path),
        saved,
        "the translator's save was overwritten"
    );
    assert_eq!(
        ws.read(&format!("locales/en/{SEED_ID}.toml")),
        template_before,
        "a partial write"
    );
    // Run again: the edit is picked up, the article's change applied.
    ws.run(&["extract"]).expect_code(0);
    let text = ws.read(&path);
    assert!(
        text.contains("번역가가 저장함") && text.contains("strong ties"),
        "{text}"
    );
}

/// The check before committing trusts a file's stamp only when the file
/// had been left alone: an edit of the same size whose modification time
/// is set back is still seen (its status-change time moved).
#[test]
fn an_edit_that_hides_its_time_during_extract_is_not_overwritten() {
    let ws = pending();
    let path = format!("locales/ko/{SEED_ID}.toml");
    // Old enough for extract to trust its stamp.
    let held = ws.hold_at_commit(&["extract"], &[SETTLED]);
    let file = ws.path(&path);
    let modified = fs::metadata(&file).unwrap().modified().unwrap();
    let text = ws.read(&path);
    // A Hangul syllable (3 bytes) in, three spaces of comments out.
    let saved = text
        .replacen("\ntranslation = \"\"", "\ntranslation = \"번\"", 1)
        .replacen("# ", "#", 3);
    assert_eq!(saved.len(), text.len());
    ws.write(&path, &saved);
    fs::File::options()
        .write(true)
        .open(&file)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    let (code, stderr) = held.release();
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains(&path), "{stderr}");
    assert_eq!(ws.read(&path), saved, "the save was overwritten");
}

#[test]
fn a_read_only_catalog_is_refused_before_anything_is_written() {
    let ws = pending();
    let path = ws.path(&format!("locales/ko/{SEED_ID}.toml"));
    let mut permissions = fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    fs::set_permissions(&path, permissions).unwrap();
    let before = ws.snapshot();
    let run = ws.run(&["extract"]).expect_code(2);
    assert!(run.stderr.contains("read-only"), "{}", run.stderr);
    before.assert_same(&ws.snapshot(), "files changed");
}

#[test]
fn a_full_disk_changes_nothing() {
    let ws = Workspace::new();
    let mount = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=2m", "tmpfs"])
        .arg(ws.path("."))
        .status();
    if !mount.is_ok_and(|s| s.success()) {
        // Mounting needs root, which CI has; elsewhere this test cannot run.
        assert!(!running_as_root(), "root could not mount a tmpfs");
        eprintln!("skipped: cannot mount a tmpfs without root");
        return;
    }
    let unmount = Unmount(ws.path("."));
    ws.mkdir("locales/ko");
    for i in 0..20 {
        ws.write(
            &format!("articles/a{i:02}.md"),
            &format!("Article {i} starts here. It has two sentences.\n"),
        );
    }
    ws.run(&["extract"]).expect_code(0);
    for i in 0..20 {
        ws.write(
            &format!("articles/a{i:02}.md"),
            &format!(
                "Article {i} starts here. It has three sentences now. {}\n",
                "Padding words. ".repeat(30)
            ),
        );
    }
    // Leave a little room: some catalogs can be staged, not all.
    let filler = ws.path("filler");
    let free = free_bytes(&ws);
    fs::write(&filler, vec![b'x'; free.saturating_sub(24 * 1024) as usize]).unwrap();
    let before = ws.snapshot();
    let run = ws.run(&["extract"]).expect_code(2);
    assert!(run.stderr.contains("cannot write"), "{}", run.stderr);
    before.assert_same(&ws.snapshot(), "a full disk left changes");
    fs::remove_file(filler).unwrap();
    ws.run(&["extract"]).expect_code(0);
    drop(unmount);
}

fn running_as_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

fn free_bytes(ws: &Workspace) -> u64 {
    let out = Command::new("df")
        .args(["--output=avail", "-B1"])
        .arg(ws.path("."))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines().nth(1).unwrap().trim().parse().unwrap()
}

struct Unmount(std::path::PathBuf);

impl Drop for Unmount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

const WORDS: [&str; 12] = [
    "officials",
    "said",
    "the",
    "talks",
    "would",
    "resume",
    "next",
    "week",
    "in",
    "Seoul",
    "after",
    "delays",
];

fn sentence(rng: &mut Rng) -> String {
    let n = 5 + rng.below(8);
    let words: Vec<&str> = (0..n).map(|_| WORDS[rng.below(WORDS.len())]).collect();
    let mut text = words.join(" ");
    text[..1].make_ascii_uppercase();
    text + "."
}

fn article(rng: &mut Rng) -> String {
    (0..3)
        .map(|_| {
            (0..2 + rng.below(3))
                .map(|_| sentence(rng))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n\n")
        + "\n"
}

/// Every non-empty translation in every target catalog, current or obsolete.
fn all_translations(ws: &Workspace, languages: &[&str], articles: usize) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for lang in languages {
        for i in 0..articles {
            let catalog = ws.catalog(lang, &format!("n/{i:03}"));
            for section in ["segment", "obsolete"] {
                for entry in entries(&catalog, section) {
                    if let Some(t) = field(&entry, "translation").filter(|t| !t.is_empty()) {
                        found.insert(t.to_string());
                    }
                }
            }
        }
    }
    found
}

#[test]
fn extract_killed_at_random_moments_loses_nothing() {
    const ARTICLES: usize = 300;
    const KILLS: usize = 24;
    let languages = ["ja", "ko"];
    // Deterministic, so that a failure can be replayed.
    let mut rng = Rng::new(0x5eed_1234_abcd_0001);
    let ws = Workspace::new();
    for lang in languages {
        ws.mkdir(&format!("locales/{lang}"));
    }
    let mut texts: Vec<String> = (0..ARTICLES).map(|_| article(&mut rng)).collect();
    for (i, text) in texts.iter().enumerate() {
        ws.write(&format!("articles/n/{i:03}.md"), text);
    }
    let started = Instant::now();
    ws.run(&["extract"]).expect_code(0);
    let full_run = started.elapsed();
    // Translate everything, by editing the files as text.
    for lang in languages {
        for i in 0..ARTICLES {
            let path = format!("locales/{lang}/n/{i:03}.toml");
            ws.fill_empty_translations(&path, |n| format!("{lang}-{i}-{n}"));
        }
    }
    let translated = all_translations(&ws, &languages, ARTICLES);
    assert!(translated.len() > ARTICLES * 2 * 6);

    // Kill at a random moment within `bound`; a run that finished before its
    // kill narrows the bound, so that at least KILLS kills land mid-run.
    let mut bound = full_run.as_millis() as u64;
    let mut killed_mid_run = 0;
    let mut rounds = 0;
    while killed_mid_run < KILLS && rounds < KILLS * 3 {
        rounds += 1;
        // Edit a tenth of the articles: change, add and drop sentences.
        for _ in 0..ARTICLES / 10 {
            let i = rng.below(ARTICLES);
            let mut sentences: Vec<String> = texts[i].split(". ").map(str::to_string).collect();
            let at = rng.below(sentences.len());
            match rng.below(3) {
                0 => sentences[at] = sentences[at].replacen("the", "a", 1) + " today",
                1 => sentences.insert(at, sentence(&mut rng).trim_end_matches('.').to_string()),
                _ if sentences.len() > 2 => {
                    sentences.remove(at);
                }
                _ => {}
            }
            texts[i] = sentences.join(". ");
            ws.write(&format!("articles/n/{i:03}.md"), &texts[i]);
        }
        let mut child = ws.spawn(&["extract"], &[]);
        // A kill at a random moment is the point: no handshake here.
        sleep(Duration::from_millis(rng.below(bound as usize + 1) as u64));
        if child.try_wait().unwrap().is_none() {
            killed_mid_run += 1;
        } else {
            bound = bound * 2 / 3;
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        // Every catalog parses (status reads and validates all of them)...
        ws.run(&["status", "--format", "json"]).expect_code(0);
        // ...and every translation is still somewhere.
        let now = all_translations(&ws, &languages, ARTICLES);
        let lost: Vec<_> = translated.difference(&now).take(5).collect();
        assert!(lost.is_empty(), "translations lost after a kill: {lost:?}");
    }
    assert!(
        killed_mid_run >= KILLS,
        "only {killed_mid_run} kills landed mid-run"
    );
    ws.run(&["extract"]).expect_code(0);
    let leftovers = fs::read_dir(ws.path("locales/ko/n"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".tmp")
        })
        .count();
    assert_eq!(
        leftovers, 0,
        "temporary files of killed runs were not cleaned up"
    );
    assert_eq!(
        all_translations(&ws, &languages, ARTICLES).len(),
        translated.len()
    );
}

// Red team (issue 10): saves of other shapes during extract, concurrent
// commands, read-only media, exhausted inodes, a full disk for readers,
// hard links. Each test names the attacks of tests/README.md it stands for.

use crate::hostile::{assert_kept, edit_article, translated, translations};

fn ko_path() -> String {
    format!("locales/ko/{SEED_ID}.toml")
}

/// Runs `extract` held at its commit with the extra environment `env`,
/// does `save` meanwhile, and returns how the run ended.
fn extract_while(ws: &Workspace, env: &[(&str, &str)], save: impl FnOnce()) -> (i32, String) {
    let held = ws.hold_at_commit(&["extract"], env);
    save();
    held.release()
}

/// Saves of other editors' shapes while extract runs: VS Code's and vim's
/// (`backupcopy=no`) write-a-copy-then-rename, the file deleted (moved away
/// by a file manager), a catalog created where none was. Each stops the
/// run; the person's file stays as they left it.
#[test]
fn saves_by_rename_deletion_or_creation_during_extract_win() {
    // Rename save.
    let ws = translated();
    edit_article(&ws);
    let saved = ws.read(&ko_path()).replace("\"T3\"", "\"T3 saved\"");
    let (code, stderr) = extract_while(&ws, &[], || {
        ws.write("locales/ko/2019/.save.tmp", &saved);
        fs::rename(ws.path("locales/ko/2019/.save.tmp"), ws.path(&ko_path())).unwrap();
    });
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("changed on disk"), "{stderr}");
    assert_eq!(ws.read(&ko_path()), saved);
    // Deleted.
    let ws = translated();
    edit_article(&ws);
    let (code, stderr) = extract_while(&ws, &[], || {
        fs::rename(ws.path(&ko_path()), ws.path("moved-away.toml")).unwrap();
    });
    assert_eq!(code, 2, "{stderr}");
    assert!(!ws.path(&ko_path()).exists(), "a deleted catalog came back");
    // Created.
    let ws = translated();
    ws.write("articles/new.md", "A new article. Two sentences.\n");
    let mine = "[catalog]\narticle = \"new\"\nsource-lang = \"en\"\nlang = \"ko\"\n# mine\n";
    let (code, stderr) = extract_while(&ws, &[], || ws.write("locales/ko/new.toml", mine));
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(ws.read("locales/ko/new.toml"), mine);
}

/// Changes that are no change: `touch`, or `cp -p` + rename of identical
/// bytes (a sync tool), while extract runs. Not a conflict: the run
/// completes. An edit hidden behind a modification time in the future (a
/// clock ahead, as on NFS) is still seen.
#[test]
fn same_bytes_during_extract_are_no_conflict_and_future_times_hide_nothing() {
    let ws = translated();
    edit_article(&ws);
    // Settled, so the stamp is what would be trusted.
    let path = ws.path(&ko_path());
    let (code, stderr) = extract_while(&ws, &[SETTLED], || {
        let text = fs::read(&path).unwrap();
        fs::write(ws.path("copy.tmp"), &text).unwrap();
        fs::rename(ws.path("copy.tmp"), &path).unwrap();
        fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(std::time::SystemTime::now())
            .unwrap();
    });
    assert_eq!(code, 0, "{stderr}");
    assert!(ws.read(&ko_path()).contains("strong ties"));

    let ws = translated();
    edit_article(&ws);
    let future = std::time::SystemTime::now() + Duration::from_secs(3600);
    let set_future = |path: &std::path::Path| {
        fs::File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(future)
            .unwrap();
    };
    set_future(&ws.path(&ko_path()));
    let saved = ws.read(&ko_path()).replace("\"T3\"", "\"X3\"");
    let (code, stderr) = extract_while(&ws, &[], || {
        ws.write(&ko_path(), &saved);
        set_future(&ws.path(&ko_path()));
    });
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(ws.read(&ko_path()), saved);
}

/// `build`, `status` and two `extract`s at once on 200 articles: every
/// command succeeds, none sees a half-written catalog, every translation
/// stays, and the result is that of one extract.
#[test]
fn build_status_and_two_extracts_at_once() {
    let ws = Workspace::new();
    ws.mkdir("locales/ko");
    for i in 0..200 {
        ws.write(
            &format!("articles/n/{i:03}.md"),
            &format!("Article {i} starts here. It has a second sentence.\n\nA paragraph {i} follows. It ends.\n"),
        );
    }
    ws.run(&["extract"]).expect_code(0);
    for i in 0..200 {
        let path = format!("locales/ko/n/{i:03}.toml");
        ws.fill_empty_translations(&path, |n| format!("K{i}-{n}"));
    }
    let before = translations(&ws);
    assert_eq!(before.len(), 800);
    for i in 0..200 {
        let path = format!("articles/n/{i:03}.md");
        ws.write(&path, &ws.read(&path).replace("It ends.", "It ends now."));
    }
    let mut children = vec![
        ws.spawn(&["extract"], &[]),
        ws.spawn(&["build", "--lang", "ko", "--out", "out"], &[]),
        ws.spawn(&["extract"], &[]),
    ];
    for _ in 0..3 {
        children.push(ws.spawn(&["status", "--no-cache"], &[]));
    }
    for child in children {
        let (code, stderr) = finish(child);
        assert_eq!(code, 0, "{stderr}");
    }
    assert_kept(&ws, &before);
    let built = ws.read("out/ko/n/007.md");
    assert!(built.contains("K7-1"), "{built}");
    let once = ws.snapshot();
    ws.run(&["extract"]).expect_code(0);
    once.assert_same(&ws.snapshot(), "two extracts at once left work undone");
    let json = ws
        .run(&["status", "--format", "json"])
        .expect_code(0)
        .json();
    assert_eq!(json["languages"][0]["totals"]["outdated"], 200);
}

/// Mounts `what` on `at` with `options`; `None` when this machine cannot
/// (not root), which is only allowed when not running as root.
fn mount(args: &[&str], at: &std::path::Path) -> Option<Unmount> {
    let ok = Command::new("mount")
        .args(args)
        .arg(at)
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        assert!(!running_as_root(), "root could not mount");
        eprintln!("skipped: cannot mount without root");
        return None;
    }
    Some(Unmount(at.to_path_buf()))
}

/// The workspace on read-only media (a read-only bind mount): `status`,
/// `check` and `build` elsewhere work; `extract` is refused naming the
/// lock, and nothing changes.
#[test]
fn a_workspace_on_read_only_media() {
    let ws = translated();
    edit_article(&ws);
    let view = tempfile::tempdir().unwrap();
    let Some(bind) = mount(&["--bind", ws.path(".").to_str().unwrap()], view.path()) else {
        return;
    };
    let remount = Command::new("mount")
        .args(["-o", "remount,ro,bind"])
        .arg(view.path())
        .status()
        .unwrap();
    assert!(remount.success());
    let before = ws.snapshot();
    let out = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| l10n_command(view.path(), args).output().unwrap();
    let status = run(&["status"]);
    assert_eq!(status.status.code(), Some(0), "{status:?}");
    assert!(String::from_utf8_lossy(&status.stdout).contains("1 outdated"));
    assert_eq!(run(&["check"]).status.code(), Some(1));
    let build = run(&[
        "build",
        "--lang",
        "ko",
        "--out",
        out.path().to_str().unwrap(),
    ]);
    assert_eq!(build.status.code(), Some(0), "{build:?}");
    let extract = run(&["extract"]);
    assert_eq!(extract.status.code(), Some(2), "{extract:?}");
    let stderr = String::from_utf8_lossy(&extract.stderr);
    assert!(stderr.contains("Read-only"), "{stderr}");
    drop(bind);
    before.assert_same(&ws.snapshot(), "read-only media changed");
}

/// A file system out of inodes (a tmpfs with few): `status` works,
/// `extract` fails while staging and changes nothing.
#[test]
fn no_inodes_left() {
    let Some((ws, unmount)) = extracted_on_tmpfs("size=4m,nr_inodes=64") else {
        return;
    };
    edit_article(&ws);
    ws.run(&["status"]).expect_code(0);
    // Every inode taken (the lock file exists already).
    let mut fillers = 0;
    while fs::write(ws.path(&format!("f{fillers}")), "").is_ok() {
        fillers += 1;
    }
    let before = ws.snapshot();
    let run = ws.run(&["extract"]).expect_code(2);
    assert!(run.stderr.contains("cannot write"), "{}", run.stderr);
    before.assert_same(&ws.snapshot(), "no inodes left, files changed");
    drop(unmount);
}

/// A full disk does not stop the readers: `status` and `check` answer
/// when the cache cannot be written.
#[test]
fn readers_on_a_full_disk() {
    let Some((ws, unmount)) = extracted_on_tmpfs("size=1m") else {
        return;
    };
    edit_article(&ws);
    let _ = fs::remove_dir_all(ws.path(".l10n/cache"));
    let free = free_bytes(&ws);
    fs::write(ws.path("filler"), vec![b'x'; free as usize]).unwrap_or(());
    assert!(free_bytes(&ws) < 4096);
    let status = ws.run(&["status"]).expect_code(0);
    assert!(status.stdout.contains("25 missing"), "{}", status.stdout);
    ws.run(&["check"]).expect_code(1);
    drop(unmount);
}

/// A translator's hard-linked backup of a catalog: extract replaces the
/// catalog by rename, so the backup keeps the text it had.
#[cfg(unix)]
#[test]
fn a_hard_linked_backup_keeps_its_text() {
    let ws = translated();
    fs::hard_link(ws.path(&ko_path()), ws.path("backup.toml")).unwrap();
    let backup = ws.read("backup.toml");
    edit_article(&ws);
    ws.run(&["extract"]).expect_code(0);
    assert_eq!(ws.read("backup.toml"), backup);
    assert!(ws.read(&ko_path()).contains("strong ties"));
}

/// Row 46 (B1). A rename the system refuses at commit: an immutable
/// catalog (`chattr +i`) is told before anything is written, naming it;
/// a catalog that is a mount point (EBUSY, which no flag shows) fails only
/// at its swap, and every file already put in place is put back, the new
/// catalogs and the folders made for them removed: nothing half done.
#[cfg(target_os = "linux")]
#[test]
fn a_rename_that_fails_at_commit_leaves_nothing_half_done() {
    let ws = translated();
    edit_article(&ws);
    ws.write("articles/b.md", "Another article. Two sentences.\n");
    let path = ws.path(&ko_path());
    let immutable = Command::new("chattr").arg("+i").arg(&path).status();
    if !immutable.is_ok_and(|s| s.success()) {
        eprintln!("skipped: chattr +i is not available here");
        return;
    }
    let before = ws.snapshot();
    let run = ws.run(&["extract"]);
    Command::new("chattr")
        .arg("-i")
        .arg(&path)
        .status()
        .unwrap();
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("immutable"), "{}", run.stderr);
    before.assert_same(&ws.snapshot(), "a failed commit left half its renames");
    // An append-only catalog (`chattr +a`) is refused the same way.
    Command::new("chattr")
        .arg("+a")
        .arg(&path)
        .status()
        .unwrap();
    let run = ws.run(&["extract"]);
    Command::new("chattr")
        .arg("-a")
        .arg(&path)
        .status()
        .unwrap();
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("immutable"), "{}", run.stderr);
    before.assert_same(&ws.snapshot(), "an append-only catalog was replaced");

    // Many files, swapped in parallel: some are in place when the mount
    // point fails.
    for i in 0..30 {
        ws.write(
            &format!("articles/new/a{i:02}.md"),
            &format!("Article {i} is new. It has two sentences.\n"),
        );
    }
    let Some(unmount) = mount(&["--bind", path.to_str().unwrap()], &path) else {
        return;
    };
    let before = ws.snapshot();
    let run = ws.run(&["extract"]);
    drop(unmount);
    assert_eq!(run.code, 2, "{run:?}");
    before.assert_same(&ws.snapshot(), "a failed commit left half its renames");
    for lang in ["en", "ko"] {
        let folder = ws.path(&format!("locales/{lang}/new"));
        assert!(
            !folder.exists(),
            "{lang}: a folder made for the commit is left"
        );
    }
    ws.run(&["extract"]).expect_code(0);
    assert!(ws.read(&ko_path()).contains("strong ties"));
}

/// Row 51 (B3). New catalogs follow the umask, as any tool's new files do.
#[cfg(unix)]
#[test]
fn new_catalogs_follow_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    for (umask, mode) in [("077", 0o600), ("027", 0o640), ("002", 0o664)] {
        let ws = translated();
        ws.write("articles/new.md", "A new article. Two sentences.\n");
        let status = Command::new("sh")
            .args([
                "-c",
                &format!(
                    "umask {umask} && exec {} extract",
                    env!("CARGO_BIN_EXE_l10n")
                ),
            ])
            .current_dir(ws.path("."))
            .env("L10N_LANG", "en")
            .status()
            .unwrap();
        assert!(status.success());
        for lang in ["en", "ko"] {
            let found = fs::metadata(ws.path(&format!("locales/{lang}/new.toml")))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(found & 0o777, mode, "{lang}, umask {umask}");
        }
    }
}

/// Row 52 (B4). Run as root, extract keeps a catalog's owner and group.
#[cfg(unix)]
#[test]
fn a_catalog_keeps_its_owner() {
    use std::os::unix::fs::MetadataExt;
    if !running_as_root() {
        eprintln!("skipped: needs root to give a file away");
        return;
    }
    let ws = translated();
    let path = ws.path(&ko_path());
    std::os::unix::fs::chown(&path, Some(1000), Some(1001)).unwrap();
    edit_article(&ws);
    ws.run(&["extract"]).expect_code(0);
    assert!(ws.read(&ko_path()).contains("strong ties"));
    let metadata = fs::metadata(&path).unwrap();
    assert_eq!((metadata.uid(), metadata.gid()), (1000, 1001));
}

/// Row 49 (B6). `build` on a full disk changes nothing: no file, and no
/// folder it made for its outputs.
#[test]
fn build_on_a_full_disk_leaves_no_folders() {
    let Some((ws, unmount)) = extracted_on_tmpfs("size=1m") else {
        return;
    };
    let free = free_bytes(&ws);
    fs::write(ws.path("filler"), vec![b'x'; free as usize]).unwrap_or(());
    ws.run(&["build", "--lang", "ko", "--out", "out"])
        .expect_code(2);
    assert!(!ws.path("out").exists(), "a refused build left folders");
    // A folder that was there stays.
    ws.mkdir("out");
    ws.run(&["build", "--lang", "ko", "--out", "out"])
        .expect_code(2);
    assert!(ws.path("out").exists());
    assert!(!ws.path("out/ko").exists(), "a refused build left folders");
    drop(unmount);
}

/// A workspace on a tmpfs of its own, mounted with `options`, holding the
/// seed article and its extracted catalogs; `None` where mounting is not
/// allowed (not root).
fn extracted_on_tmpfs(options: &str) -> Option<(Workspace, Unmount)> {
    let ws = Workspace::new();
    let unmount = mount(&["-t", "tmpfs", "-o", options, "tmpfs"], &ws.path("."))?;
    ws.write(
        &format!("articles/{SEED_ID}.md"),
        &crate::util::seed_article(),
    );
    ws.mkdir("locales/ko");
    ws.run(&["extract"]).expect_code(0);
    Some((ws, unmount))
}
