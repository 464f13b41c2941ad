//! Red-team attacks on incremental `extract` and the translation memory
//! (issues 16 and 14): edits the stamps could miss, a damaged cache, a
//! damaged or locked memory. See tests/README.md for the whole table.
use std::fs;
use std::time::{Duration, SystemTime};

use crate::util::{SETTLED, Workspace, finish};

/// A workspace of two articles whose Korean catalogs are extracted and
/// fully translated, then settled (the next runs read nothing).
fn translated() -> Workspace {
    let ws = Workspace::extracted(&[
        (
            "a",
            "The quick brown fox jumps over the lazy dog today. The sky is blue.\n",
        ),
        ("b", "One sentence here. Another one there.\n"),
    ]);
    for article in ["a", "b"] {
        ws.fill_empty_translations(&format!("locales/ko/{article}.toml"), |n| {
            format!("번역 {article}{n}")
        });
    }
    settle(&ws);
    ws
}

/// Runs `extract` as if files had settled, twice: the second run reads
/// only what the first wrote.
fn settle(ws: &Workspace) {
    for _ in 0..2 {
        ws.run_env(&["extract"], &[SETTLED]).expect_code(0);
    }
}

/// The sources of `lang`'s catalog of `article`, in order.
fn sources(ws: &Workspace, lang: &str, article: &str) -> Vec<String> {
    crate::util::entries(&ws.catalog(lang, article), "segment")
        .iter()
        .map(|e| crate::util::field(e, "source").unwrap().to_string())
        .collect()
}

/// Sets `relative`'s modification time back to `when`.
fn set_mtime(ws: &Workspace, relative: &str, when: SystemTime) {
    let file = fs::File::options()
        .write(true)
        .open(ws.path(relative))
        .unwrap();
    file.set_modified(when).unwrap();
}

#[test]
fn a_same_size_edit_with_the_old_mtime_is_seen() {
    let ws = translated();
    let path = ws.path("articles/a.md");
    let before = fs::metadata(&path).unwrap();
    // "dog" → "cat": the same size; then the old modification time back.
    let text = ws.read("articles/a.md").replace("dog", "cat");
    ws.write("articles/a.md", &text);
    set_mtime(&ws, "articles/a.md", before.modified().unwrap());
    assert_eq!(fs::metadata(&path).unwrap().len(), before.len());
    ws.run_env(&["extract"], &[SETTLED]).expect_code(0);
    assert!(
        sources(&ws, "ko", "a")
            .iter()
            .any(|s| s.contains("lazy cat")),
        "{}",
        ws.read("locales/ko/a.toml")
    );
}

#[test]
fn a_catalog_swapped_in_with_the_old_mtime_is_seen() {
    let ws = translated();
    let before = fs::metadata(ws.path("locales/ko/b.toml")).unwrap();
    // A translator's tool writes the file elsewhere and moves it in over
    // the old one (a new inode), keeping size and modification time.
    let text = ws.read("locales/ko/b.toml").replace("번역 b1", "고침 b1");
    ws.write("swap.toml", &text);
    set_mtime(&ws, "swap.toml", before.modified().unwrap());
    fs::rename(ws.path("swap.toml"), ws.path("locales/ko/b.toml")).unwrap();
    // The article changes too, so that the catalog is rewritten from what
    // the translator left, not from the cached view.
    ws.write(
        "articles/b.md",
        "One sentence here. Another one there. A third.\n",
    );
    ws.run_env(&["extract"], &[SETTLED]).expect_code(0);
    let catalog = ws.read("locales/ko/b.toml");
    assert!(catalog.contains("고침 b1"), "{catalog}");
    assert!(!catalog.contains("번역 b1"), "{catalog}");
}

/// Turns a cache file's bytes into damaged ones.
type Damage = dyn Fn(&[u8]) -> Vec<u8>;

#[test]
fn a_damaged_extract_cache_is_rebuilt() {
    let damages: [&Damage; 3] = [
        &|bytes| bytes[..bytes.len().min(40)].to_vec(),
        &|bytes| {
            bytes
                .iter()
                .map(|b| b.wrapping_mul(31).wrapping_add(7))
                .collect()
        },
        &|_| b"l10ncach\xff\xff\xff\xff\xff\xff\xff\xff".to_vec(),
    ];
    for (n, damage) in damages.iter().enumerate() {
        let ws = translated();
        let cache = ws.path(".l10n/cache/extract.bin");
        fs::write(&cache, damage(&fs::read(&cache).unwrap())).unwrap();
        let text = format!("The sky is blue. Edit {n} here.\n");
        ws.write("articles/b.md", &text);
        ws.run_env(&["extract"], &[SETTLED]).expect_code(0);
        assert_eq!(
            sources(&ws, "ko", "b"),
            ["The sky is blue.", &format!("Edit {n} here.")],
            "damage {n}"
        );
        // The rebuilt cache serves the next run.
        ws.run_env(&["extract"], &[SETTLED]).expect_code(0);
    }
}

/// Builds Korean's memory with `suggest` and writes it back into its main
/// file (no WAL left), so that its pages can be damaged.
fn built_memory(ws: &Workspace) -> std::path::PathBuf {
    ws.write(
        "articles/c.md",
        "The quick brown fox jumps over the lazy cat today.\n",
    );
    ws.run(&["extract"]).expect_code(0);
    ws.run(&["suggest", "--lang", "ko"]).expect_code(0);
    let path = ws.path(".l10n/memory-ko.sqlite");
    let db = rusqlite::Connection::open(&path).unwrap();
    db.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
    drop(db);
    path
}

#[test]
fn a_memory_damaged_inside_is_built_again() {
    let ws = translated();
    let path = built_memory(&ws);
    // The header stays valid; the pages after the first two do not.
    let mut bytes = fs::read(&path).unwrap();
    assert!(bytes.len() > 3 * 4096, "{}", bytes.len());
    for byte in &mut bytes[2 * 4096..] {
        *byte = 0xde;
    }
    fs::write(&path, bytes).unwrap();
    // A translation changes, so that the update reads the damaged pages.
    let catalog = ws.read("locales/ko/b.toml").replace("번역 b1", "고침 b1");
    ws.write("locales/ko/b.toml", &catalog);
    let before = ws.snapshot();
    let run = ws.run(&["suggest", "--lang", "ko"]).expect_code(0);
    assert!(run.stdout.contains("번역 a1"), "{}", run.stdout);
    ws.snapshot()
        .assert_same(&before, "suggest writes no catalog");
}

#[test]
fn suggest_waits_for_another_run_writing_the_memory() {
    let ws = translated();
    let path = built_memory(&ws);
    // A new translated catalog the memory has not seen yet.
    ws.write("articles/d.md", "Fresh words for the memory.\n");
    ws.run(&["extract"]).expect_code(0);
    ws.fill_empty_translations("locales/ko/d.toml", |n| format!("새 {n}"));
    // Another run holds the memory's write lock and stores a row of that
    // catalog (as a concurrent `suggest` does). This run must wait and
    // then see that row: before, it read the stored files before taking
    // the lock and stored the catalog's rows beside the other run's.
    let db = rusqlite::Connection::open(&path).unwrap();
    db.execute_batch(
        "BEGIN IMMEDIATE;
         INSERT INTO files (path, hash) VALUES ('locales/ko/d.toml', 1);
         INSERT INTO units (source, translation, lang, origin, obsolete, file)
           VALUES ('Fresh words for the memory.', '낡은', 'ko', 'd#x', 0, 'locales/ko/d.toml');
         INSERT INTO unit_keys (unit, file, hash)
           VALUES (last_insert_rowid(), 'locales/ko/d.toml', 1);",
    )
    .unwrap();
    let child = ws.spawn(&["suggest", "--lang", "ko"], &[]);
    std::thread::sleep(Duration::from_millis(500));
    db.execute_batch("COMMIT").unwrap();
    let (code, stderr) = finish(child);
    assert_eq!(code, 0, "{stderr}");
    let rows: i64 = db
        .query_row(
            "SELECT count(*) FROM units WHERE file = 'locales/ko/d.toml'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(rows, 1, "the catalog's one translation, once");
}
