//! The store's remaining promises: the cache's temporary files are swept,
//! the commit without RENAME_EXCHANGE is checked and undone like the one
//! with it, and a catalog gone before `--prune` removes it is no conflict.
use std::fs;
use std::process::Command;
use std::time::{Duration, SystemTime};

use crate::hostile::{edit_article, translated};
use crate::util::SEED_ID;

fn write_aged(path: &std::path::Path, age: Duration) {
    fs::write(path, "half a cache").unwrap();
    let file = fs::File::options().write(true).open(path).unwrap();
    file.set_modified(SystemTime::now() - age).unwrap();
}

/// The id of a process that has ended.
fn dead_pid() -> u32 {
    let mut child = Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    pid
}

/// A `status` killed while writing its cache leaves a temporary file in
/// `.l10n/cache/` (today's name, or the one older versions gave it); the
/// next run that writes the cache removes it, but never the file of a run
/// still writing (its process alive, or the file fresh).
#[test]
fn stale_cache_temporary_files_are_swept() {
    let ws = translated();
    let cache = ws.path(".l10n/cache");
    fs::create_dir_all(&cache).unwrap();
    let minute = Duration::from_secs(60);
    let dead = cache.join(format!(".l10n-cache-{}-AbC123.tmp", dead_pid()));
    let legacy = cache.join(".tmpXy12Zq");
    let live = cache.join(format!(".l10n-cache-{}-LiVe12.tmp", std::process::id()));
    let fresh = cache.join(".tmpFr3sh1");
    let fresh_dead = cache.join(format!(".l10n-cache-{}-NeW123.tmp", dead_pid()));
    write_aged(&dead, 2 * minute);
    write_aged(&legacy, 120 * minute);
    write_aged(&live, 2 * minute);
    write_aged(&fresh, Duration::ZERO);
    write_aged(&fresh_dead, Duration::ZERO);
    let _ = fs::remove_file(cache.join("reports.bin"));
    ws.run(&["status"]).expect_code(0);
    assert!(cache.join("reports.bin").exists(), "the cache was written");
    assert!(!dead.exists(), "a dead run's file is left");
    assert!(!legacy.exists(), "an old version's file is left");
    for kept in [&live, &fresh, &fresh_dead] {
        assert!(kept.exists(), "{} was swept", kept.display());
    }
    // And the cache writes none of the old name itself.
    let names: Vec<String> = fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    // The three kept, the status cache and extract's (written by the
    // extract that made the workspace).
    assert_eq!(names.len(), 5, "{names:?}");
    assert!(names.contains(&"extract.bin".to_string()), "{names:?}");
}

/// The commit where RENAME_EXCHANGE is refused (the seam
/// `L10N_TEST_RENAME_ONLY`): catalogs are replaced and created, with no
/// leftovers; and a rename that fails midway is undone as with the
/// exchange (the old files were kept under a second name).
#[cfg(target_os = "linux")]
#[test]
fn without_the_exchange_the_commit_is_all_or_nothing_too() {
    let rename_only = [("L10N_TEST_RENAME_ONLY", "1")];
    let ws = translated();
    edit_article(&ws);
    ws.write("articles/b.md", "Another article. Two sentences.\n");
    ws.run_env(&["extract"], &rename_only).expect_code(0);
    let ko = format!("locales/ko/{SEED_ID}.toml");
    assert!(ws.read(&ko).contains("strong ties"));
    assert!(ws.path("locales/ko/b.toml").exists());
    let all = ws.snapshot();
    assert!(!format!("{all:?}").contains(".l10n-"), "leftovers: {all:?}");

    let edited = crate::util::seed_article().replace("close ties", "firm ties");
    ws.write(&format!("articles/{SEED_ID}.md"), &edited);
    for i in 0..30 {
        ws.write(
            &format!("articles/new/a{i:02}.md"),
            &format!("Article {i} is new. It has two sentences.\n"),
        );
    }
    let path = ws.path(&ko);
    let mounted = Command::new("mount")
        .arg("--bind")
        .arg(&path)
        .arg(&path)
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("skipped: cannot bind-mount without root");
        return;
    }
    let before = ws.snapshot();
    let run = ws.run_env(&["extract"], &rename_only);
    Command::new("umount").arg(&path).status().unwrap();
    run.expect_code(2);
    before.assert_same(&ws.snapshot(), "a failed commit left half its renames");
    assert!(!ws.path("locales/ko/new").exists());
}

/// An orphaned catalog that someone removes while `extract --prune` runs
/// is what was asked: no conflict ("changed on disk … nothing was
/// written" would be false: nothing changed that a person wrote), the run
/// completes.
#[test]
fn a_catalog_gone_before_its_removal_is_no_conflict() {
    let ws = translated();
    ws.write(
        "articles/gone.md",
        "A short-lived article. Two sentences.\n",
    );
    ws.run(&["extract"]).expect_code(0);
    fs::remove_file(ws.path("articles/gone.md")).unwrap();
    edit_article(&ws);
    let held = ws.hold_at_commit(&["extract", "--prune"], &[]);
    fs::remove_file(ws.path("locales/ko/gone.toml")).unwrap();
    let (code, stderr) = held.release();
    assert_eq!(code, 0, "{stderr}");
    assert!(!ws.path("locales/en/gone.toml").exists());
    assert!(!ws.path("locales/ko/gone.toml").exists());
    assert!(
        ws.read(&format!("locales/ko/{SEED_ID}.toml"))
            .contains("strong ties")
    );
}
