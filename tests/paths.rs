//! Paths: article ids from names with dots, links at every level, names and
//! file types l10n cannot work with, outputs that would land on the sources,
//! and the small path and argument errors of issue 10.
use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::util::{Run, SEED_ID, Workspace, entries, field, refuses};

/// Every file under `dir` and its bytes (links as their targets, other
/// files that are not regular as their type, never opened; l10n's own
/// `.l10n/` aside).
fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let kind = fs::symlink_metadata(&path).unwrap().file_type();
            if path.ends_with(".l10n") {
                continue;
            } else if kind.is_dir() {
                out.push((path.display().to_string(), b"folder".to_vec()));
                stack.push(path);
            } else if kind.is_symlink() {
                let target = fs::read_link(&path).unwrap();
                out.push((
                    path.display().to_string(),
                    target.display().to_string().into(),
                ));
            } else if kind.is_file() {
                out.push((path.display().to_string(), fs::read(&path).unwrap()));
            } else {
                out.push((path.display().to_string(), format!("{kind:?}").into()));
            }
        }
    }
    out.sort();
    out
}

fn ids(run: &Run) -> Vec<String> {
    let json = run.json();
    json["languages"][0]["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["article"].as_str().unwrap().to_string())
        .collect()
}

fn orphans(run: &Run) -> usize {
    run.json()["languages"][0]["orphans"]
        .as_array()
        .map_or(0, Vec::len)
}

/// Translates every entry of a catalog as `[<source>]`.
fn translate_all(ws: &Workspace, article: &str) {
    ws.translate("ko", article, |_, source| Some(format!("[{source}]")));
}

fn translations(ws: &Workspace, article: &str) -> Vec<String> {
    entries(&ws.catalog("ko", article), "segment")
        .iter()
        .map(|e| field(e, "translation").unwrap_or("").to_string())
        .collect()
}

#[test]
fn names_with_dots_keep_every_dot_but_the_extension() {
    let ws = Workspace::new();
    ws.mkdir("locales/ko");
    ws.write("articles/kim-visits-u.s.md", "Kim visits the U.S. today.\n");
    ws.write("articles/report.2019.md", "The report of the first year.\n");
    ws.write(
        "articles/report.2020.md",
        "The report of the second year.\n",
    );
    ws.run(&["extract"]).expect_code(0);
    for id in ["kim-visits-u.s", "report.2019", "report.2020"] {
        translate_all(&ws, id);
    }
    let status = ws.run(&["status", "--format", "json"]).expect_code(0);
    assert_eq!(
        ids(&status),
        ["kim-visits-u.s", "report.2019", "report.2020"]
    );
    assert_eq!(orphans(&status), 0, "{}", status.stdout);
    // Nothing is orphaned, so nothing is pruned.
    ws.run(&["extract", "--prune"]).expect_code(0);
    assert_eq!(
        translations(&ws, "report.2019"),
        ["[The report of the first year.]"]
    );
    assert_eq!(
        translations(&ws, "report.2020"),
        ["[The report of the second year.]"]
    );
    assert_eq!(
        translations(&ws, "kim-visits-u.s"),
        ["[Kim visits the U.S. today.]"]
    );
    // Built articles and exports follow the id too.
    ws.run(&["build", "--lang", "ko"]).expect_code(0);
    assert_eq!(
        ws.read("build/ko/report.2019.md"),
        "[The report of the first year.]\n"
    );
    assert!(ws.path("build/ko/kim-visits-u.s.md").is_file());
    ws.run(&["export", "--format", "ftl", "--lang", "ko"])
        .expect_code(0);
    assert!(ws.read("export/ko/report.2020.ftl").contains("second year"));
    // Two files with one id are refused, naming both.
    ws.write("articles/report.2019.txt", "Plain.\n");
    refuses(
        &ws,
        &["extract"],
        &[
            "report.2019",
            "articles/report.2019.md",
            "articles/report.2019.txt",
        ],
    );
}

#[cfg(unix)]
#[test]
fn a_link_never_gives_a_file_a_second_id() {
    use std::os::unix::fs::symlink;
    let ws = Workspace::seeded();
    // An alias that sorts before the folder it names, and a file alias.
    symlink("2019", ws.path("articles/0-latest")).unwrap();
    symlink(
        format!("2019/{}.md", SEED_ID.rsplit('/').next().unwrap()),
        ws.path("articles/front-page.md"),
    )
    .unwrap();
    // A folder outside articles/ but inside the workspace, linked twice:
    // its files take the ids of the first link.
    ws.write("drafts/note.md", "A note from the drafts.\n");
    symlink("../drafts", ws.path("articles/b-drafts")).unwrap();
    symlink("../drafts", ws.path("articles/c-drafts")).unwrap();
    ws.run(&["extract"]).expect_code(0);
    translate_all(&ws, SEED_ID);
    let status = ws.run(&["status", "--format", "json"]).expect_code(0);
    assert_eq!(ids(&status), [SEED_ID, "b-drafts/note"]);
    assert_eq!(orphans(&status), 0, "{}", status.stdout);
    ws.run(&["extract", "--prune"]).expect_code(0);
    assert!(
        translations(&ws, SEED_ID).iter().all(|t| !t.is_empty()),
        "translations lost"
    );
    assert!(!ws.path("locales/ko/0-latest").exists());
    assert!(!ws.path("locales/ko/front-page.toml").exists());
}

#[cfg(unix)]
#[test]
fn links_out_of_the_workspace_are_refused_at_every_level() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    let out = outside.path();
    fs::create_dir_all(out.join("articles/2019")).unwrap();
    fs::write(out.join("articles/2019/x.md"), "Outside text.\n").unwrap();
    fs::create_dir_all(out.join("locales/ko/2019")).unwrap();
    fs::write(out.join("keep.txt"), "outside").unwrap();
    let before = tree(out);
    // (what to link, where it leads), each in a fresh extracted workspace.
    let cases: [(&str, &Path); 6] = [
        ("articles", &out.join("articles")),
        ("articles/elsewhere", &out.join("articles")),
        ("locales", &out.join("locales")),
        ("locales/ko", &out.join("locales/ko")),
        ("locales/ko/2019", &out.join("locales/ko/2019")),
        ("locales/en", &out.join("locales/ko")),
    ];
    for (link, target) in cases {
        let ws = Workspace::seeded();
        if link.starts_with("locales/ko/") || link == "locales/en" {
            ws.run(&["extract"]).expect_code(0);
        }
        let existing = ws.path(link);
        if existing.is_dir() {
            fs::rename(&existing, ws.path("moved-away")).unwrap();
        }
        symlink(target, &existing).unwrap();
        for args in [&["extract", "--prune"][..], &["status"], &["check"]] {
            let stderr = refuses(&ws, args, &["outside the workspace"]);
            assert!(stderr.contains(link), "{link}: {stderr}");
        }
        assert_eq!(tree(out), before, "{link}: something was written outside");
    }
    // Configured outside is refused the same way.
    let ws = Workspace::seeded();
    ws.write(
        "l10n.toml",
        &format!("locales = \"{}\"\n", out.join("locales").display()),
    );
    refuses(&ws, &["extract"], &["outside the workspace"]);
    assert_eq!(tree(out), before);
}

/// Runs `l10n` like [`Workspace::run`], but gives up after `limit`: a run
/// that blocks (on a named pipe) is killed and reported as exit code -1.
fn run_with_limit(ws: &Workspace, args: &[&str], limit: Duration) -> Run {
    let mut child = ws.spawn(args, &[]);
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            child.kill().unwrap();
            break;
        }
        // Polling for the end of the run: the limit is the point.
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

#[cfg(unix)]
#[test]
fn non_regular_files_are_refused_without_hanging() {
    let ws = Workspace::seeded();
    ws.run(&["extract"]).expect_code(0);
    let catalog = ws.path(&format!("locales/ko/{SEED_ID}.toml"));
    let saved = fs::read(&catalog).unwrap();
    let limit = Duration::from_secs(20);
    let check = |ws: &Workspace, shown: &str| {
        let before = tree(&ws.path("."));
        for args in [&["extract", "--prune"][..], &["status"], &["check"]] {
            let run = run_with_limit(ws, args, limit).expect_code(2);
            assert!(
                run.stderr.contains(shown) && run.stderr.contains("not a regular file"),
                "{args:?}: {}",
                run.stderr
            );
        }
        assert_eq!(
            tree(&ws.path(".")),
            before,
            "files changed on a refused run"
        );
    };
    // An article that is a pipe.
    mkfifo(&ws.path("articles/pipe.md"));
    check(&ws, "articles/pipe.md");
    fs::remove_file(ws.path("articles/pipe.md")).unwrap();
    // A catalog that is a pipe, or a folder.
    fs::remove_file(&catalog).unwrap();
    mkfifo(&catalog);
    check(&ws, &format!("locales/ko/{SEED_ID}.toml"));
    fs::remove_file(&catalog).unwrap();
    fs::create_dir(&catalog).unwrap();
    check(&ws, &format!("locales/ko/{SEED_ID}.toml"));
    fs::remove_dir(&catalog).unwrap();
    fs::write(&catalog, &saved).unwrap();
    // A catalog without an article that `--prune` would read and delete.
    mkfifo(&ws.path("locales/ko/gone.toml"));
    check(&ws, "locales/ko/gone.toml");
}

#[cfg(unix)]
#[test]
fn names_with_control_characters_or_bad_utf8_are_refused_shown_escaped() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let ws = Workspace::seeded();
    ws.run(&["extract"]).expect_code(0);
    let bad_names: [(&[u8], &str); 4] = [
        (b"articles/a\x01b.md", "articles/a\\u{1}b.md"),
        (b"articles/tab\there.md", "articles/tab\\there.md"),
        (b"articles/x\xffy.md", "articles/x\\xffy.md"),
        (b"articles/dir\x1b[31m/inner.md", "articles/dir\\u{1b}[31m"),
    ];
    for (name, shown) in bad_names {
        let path = ws.path(".").join(OsStr::from_bytes(name));
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, "A sentence to translate.\n").unwrap();
        for args in [&["extract"][..], &["status"], &["check"]] {
            let run = run_with_limit(&ws, args, Duration::from_secs(20));
            assert_eq!(run.code, 2, "{args:?} {shown}: {}", run.stderr);
            assert!(run.stderr.contains(shown), "{shown}: {}", run.stderr);
            assert!(
                !run.stderr.contains('\u{1}') && !run.stderr.contains('\u{1b}'),
                "a raw control character in {}",
                run.stderr
            );
        }
        fs::remove_file(&path).unwrap();
        if name.starts_with(b"articles/dir") {
            fs::remove_dir(path.parent().unwrap()).unwrap();
        }
    }
    // A catalog named so: no article can have its id.
    let catalog = ws.path("locales/ko").join(OsStr::from_bytes(b"c\x07.toml"));
    fs::write(&catalog, "").unwrap();
    refuses(&ws, &["extract", "--prune"], &["locales/ko/c\\u{7}.toml"]);
    refuses(&ws, &["status"], &["locales/ko/c\\u{7}.toml"]);
}

#[test]
fn build_and_export_never_write_over_the_sources() {
    let ws = Workspace::seeded();
    ws.run(&["extract"]).expect_code(0);
    // --out itself: the articles folder, the catalogs' folder, a folder
    // holding the articles.
    ws.write("l10n.toml", "articles = \"ko\"\n");
    fs::rename(ws.path("articles"), ws.path("ko")).unwrap();
    ws.run(&["extract"]).expect_code(0);
    for args in [
        &["build", "--lang", "ko", "--out", "."][..],
        &["build", "--lang", "ko", "--out", "locales"],
        &["build", "--lang", "ko", "--out", "locales/ko/.."],
        &["build", "--lang", "ko", "--out", "nowhere/../locales"],
        &["export", "--format", "ftl", "--lang", "ko", "--out", "."],
        &[
            "export", "--format", "ftl", "--lang", "ko", "--out", "locales",
        ],
    ] {
        refuses(&ws, args, &["is, contains or lies inside"]);
    }
    ws.write("l10n.toml", "articles = \"out/ko/articles\"\n");
    fs::create_dir_all(ws.path("out/ko")).unwrap();
    fs::rename(ws.path("ko"), ws.path("out/ko/articles")).unwrap();
    refuses(
        &ws,
        &["build", "--lang", "ko", "--out", "out"],
        &["is, contains or lies inside", "out/ko/articles"],
    );
}

#[cfg(unix)]
#[test]
fn a_link_in_the_output_folder_cannot_lead_onto_the_sources() {
    use std::os::unix::fs::symlink;
    let ws = Workspace::seeded();
    ws.run(&["extract"]).expect_code(0);
    fs::create_dir_all(ws.path("build")).unwrap();
    symlink("../articles", ws.path("build/ko")).unwrap();
    refuses(&ws, &["build", "--lang", "ko"], &["lies inside"]);
    fs::remove_file(ws.path("build/ko")).unwrap();
    fs::create_dir_all(ws.path("build/ko")).unwrap();
    symlink("../../articles/2019", ws.path("build/ko/2019")).unwrap();
    refuses(&ws, &["build", "--lang", "ko"], &["lies inside"]);
}

#[test]
fn a_lang_mismatch_points_at_the_lang_line() {
    let ws = Workspace::seeded();
    ws.run(&["extract"]).expect_code(0);
    let relative = format!("locales/ko/{SEED_ID}.toml");
    let text = ws.read(&relative).replace("lang = \"ko\"", "lang = \"fr\"");
    ws.write(&relative, &text);
    let line = text.lines().position(|l| l.starts_with("lang =")).unwrap() + 1;
    refuses(&ws, &["status"], &[&format!("{relative}:{line}:1")]);
}

#[test]
fn a_missing_folder_is_named_as_such() {
    let ws = Workspace::seeded();
    let missing = ws.path("no/such/folder");
    for command in ["status", "extract", "init"] {
        let run = ws
            .run(&["-C", missing.to_str().unwrap(), command])
            .expect_code(2);
        assert!(
            run.stderr.contains("there is no folder") && run.stderr.contains("no/such/folder"),
            "{}",
            run.stderr
        );
    }
    assert!(!ws.path("no").exists());
}

#[test]
fn a_language_given_twice_is_reported_once() {
    let ws = Workspace::seeded();
    ws.mkdir("locales/fr");
    ws.run(&["extract"]).expect_code(0);
    let args = [
        "status", "--format", "json", "--lang", "ko", "--lang", "fr", "--lang", "ko-ko", "--lang",
        "ko",
    ];
    let json = ws.run(&args).expect_code(0).json();
    let langs: Vec<&str> = json["languages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["lang"].as_str().unwrap())
        .collect();
    assert_eq!(langs, ["ko", "fr", "ko-KO"]);
}

#[test]
fn a_failing_init_leaves_nothing_behind() {
    let ws = Workspace::new();
    // `articles` is a file: the folder cannot be made.
    ws.write("articles", "not a folder");
    let run = ws.run(&["init", "--lang", "ko"]).expect_code(2);
    assert!(run.stderr.contains("articles"), "{}", run.stderr);
    assert!(!ws.path("l10n.toml").exists(), "l10n.toml left behind");
    fs::remove_file(ws.path("articles")).unwrap();
    // A target language that is the source language.
    refuses(&ws, &["init", "--lang", "en"], &["en"]);
    assert!(!ws.path("l10n.toml").exists());
    assert!(!ws.path("articles").exists());
    ws.run(&["init", "--lang", "ko", "--lang", "ko"])
        .expect_code(0);
    assert!(ws.read("l10n.toml").contains("languages = [\"ko\"]\n"));
}
