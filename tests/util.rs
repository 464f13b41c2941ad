//! A temporary workspace and a way to run the real `l10n` binary in it.
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The one pseudo-random generator of tests, benches and examples
/// (deterministic: a failure replays), from the corpus generator.
pub use crate::corpus::gen_corpus::Rng;

/// The seed article of the repository's own workspace.
pub const SEED_ID: &str = "2019/kim-jong-un-china-visit";

/// The test seam that makes a run judge files as if it came 2.2 s later:
/// files written before it starts count as settled (left alone for 2 s),
/// as if the test had waited that long.
pub const SETTLED: (&str, &str) = ("L10N_TEST_CLOCK_AHEAD_MS", "2200");

/// The configuration of English articles translated into Korean.
pub const KO_CONFIG: &str = "source-lang = \"en\"\nlanguages = [\"ko\"]\n";

pub fn seed_article() -> String {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("articles/2019/kim-jong-un-china-visit.md");
    fs::read_to_string(path).expect("the seed article is in the repository")
}

pub struct Workspace {
    dir: tempfile::TempDir,
}

/// How a run of the binary ended.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    #[track_caller]
    pub fn expect_code(self, code: i32) -> Run {
        assert_eq!(
            self.code, code,
            "exit code\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).expect("stdout is JSON")
    }
}

impl Workspace {
    pub fn new() -> Workspace {
        Workspace {
            dir: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    /// A workspace with the seed article and an empty Korean locale folder.
    pub fn seeded() -> Workspace {
        let ws = Workspace::new();
        ws.write(&format!("articles/{SEED_ID}.md"), &seed_article());
        ws.mkdir("locales/ko");
        ws
    }

    /// A workspace of [`KO_CONFIG`] and `articles` (id and text) with a
    /// Korean locale folder, extracted once.
    pub fn extracted(articles: &[(&str, &str)]) -> Workspace {
        let ws = Workspace::new();
        ws.write("l10n.toml", KO_CONFIG);
        for (id, text) in articles {
            ws.write(&format!("articles/{id}.md"), text);
        }
        ws.mkdir("locales/ko");
        ws.run(&["extract"]).expect_code(0);
        ws
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    pub fn write(&self, relative: &str, contents: &str) {
        self.write_bytes(relative, contents.as_bytes());
    }

    pub fn write_bytes(&self, relative: &str, contents: &[u8]) {
        let path = self.path(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, contents).unwrap();
    }

    pub fn mkdir(&self, relative: &str) {
        fs::create_dir_all(self.path(relative)).unwrap();
    }

    pub fn read(&self, relative: &str) -> String {
        fs::read_to_string(self.path(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
    }

    /// Runs `l10n` with `args` in the workspace folder, with colour off and
    /// the UI language pinned.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_in(".", args)
    }

    pub fn run_in(&self, subdir: &str, args: &[&str]) -> Run {
        self.run_with(subdir, args, &[])
    }

    /// Runs `l10n` as [`Workspace::run_in`] does, with the locale variables
    /// (`L10N_LANG`, `LC_ALL`, `LANG`) as `locale` sets them and the others
    /// unset.
    pub fn run_with_locale(&self, args: &[&str], locale: &[(&str, &str)]) -> Run {
        let mut env = vec![("L10N_LANG", None), ("LC_ALL", None), ("LANG", None)];
        for (name, value) in locale {
            env.retain(|(n, _)| n != name);
            env.push((name, Some(*value)));
        }
        self.run_with(".", args, &env)
    }

    /// Runs `l10n` as [`Workspace::run`] does, with the extra environment
    /// `env` (a test seam, say).
    pub fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let env: Vec<_> = env
            .iter()
            .map(|(name, value)| (*name, Some(*value)))
            .collect();
        self.run_with(".", args, &env)
    }

    fn run_with(&self, subdir: &str, args: &[&str], env: &[(&str, Option<&str>)]) -> Run {
        let output = self
            .command_in(subdir, args, env)
            .output()
            .expect("l10n runs");
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        }
    }

    /// Starts `l10n` with `args` and the extra environment `env`, as
    /// [`Workspace::run`] would run it, its output piped; see [`finish`].
    pub fn spawn(&self, args: &[&str], env: &[(&str, &str)]) -> Child {
        let env: Vec<_> = env
            .iter()
            .map(|(name, value)| (*name, Some(*value)))
            .collect();
        self.command_in(".", args, &env)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("l10n starts")
    }

    /// Starts `l10n` with `args` and `env` and returns once the run has
    /// staged its writes and reached its commit, where it waits (the seam
    /// `L10N_TEST_HOLD_COMMIT`): the lock taken, nothing checked or swapped
    /// yet. Panics if the run ends before.
    pub fn hold_at_commit(&self, args: &[&str], env: &[(&str, &str)]) -> Held {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let marker = folder.path().join("held");
        let marker_text = marker.to_str().expect("a UTF-8 temporary path");
        let env = [env, &[("L10N_TEST_HOLD_COMMIT", marker_text)]].concat();
        let mut child = self.spawn(args, &env);
        let started = Instant::now();
        while !marker.exists() {
            if child.try_wait().unwrap().is_some() {
                let (code, stderr) = finish(child);
                panic!("{args:?} ended (exit {code}) before its commit: {stderr}");
            }
            assert!(
                started.elapsed() < Duration::from_secs(120),
                "{args:?} never reached its commit"
            );
            std::thread::sleep(Duration::from_millis(2));
        }
        Held {
            child,
            marker,
            _folder: folder,
        }
    }

    /// The command [`Workspace::run`] runs, to start it otherwise (with
    /// other outputs, say).
    pub fn command(&self, args: &[&str]) -> Command {
        self.command_in(".", args, &[])
    }

    /// The command [`Workspace::run_in`] runs: colour off, the UI language
    /// pinned, then `env` (a `None` value unsets the variable).
    fn command_in(&self, subdir: &str, args: &[&str], env: &[(&str, Option<&str>)]) -> Command {
        let mut command = l10n_command(&self.path(subdir), args);
        for (name, value) in env {
            match value {
                Some(value) => command.env(name, value),
                None => command.env_remove(name),
            };
        }
        command
    }

    /// Every file in the workspace and its bytes, to show nothing changed
    /// (l10n's own lock and cache folder, `.l10n/`, aside).
    pub fn snapshot(&self) -> Snapshot {
        fn walk(dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
            for entry in fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.file_name().is_some_and(|n| n == ".l10n") {
                    continue;
                }
                let kind = fs::symlink_metadata(&path).unwrap().file_type();
                if kind.is_symlink() {
                    let target = fs::read_link(&path).unwrap();
                    out.insert(path.clone(), target.to_string_lossy().as_bytes().to_vec());
                } else if kind.is_dir() {
                    walk(&path, out);
                } else {
                    out.insert(path.clone(), fs::read(&path).unwrap());
                }
            }
        }
        let mut files = BTreeMap::new();
        walk(self.dir.path(), &mut files);
        Snapshot { files }
    }

    /// A catalog parsed as plain TOML.
    pub fn catalog(&self, lang: &str, article: &str) -> toml::Table {
        let text = self.read(&format!("locales/{lang}/{article}.toml"));
        text.parse()
            .unwrap_or_else(|e| panic!("{lang}/{article}: {e}\n{text}"))
    }

    /// Sets every entry's translation in a catalog through `translate`
    /// (given id and source), as a translator would, editing the file's text.
    pub fn translate(
        &self,
        lang: &str,
        article: &str,
        translate: impl Fn(&str, &str) -> Option<String>,
    ) {
        let relative = format!("locales/{lang}/{article}.toml");
        let mut catalog = self.catalog(lang, article);
        let mut changed = false;
        if let Some(toml::Value::Array(entries)) = catalog.get_mut("segment") {
            for entry in entries {
                let table = entry.as_table_mut().unwrap();
                let id = table["id"].as_str().unwrap().to_string();
                let source = table["source"].as_str().unwrap().to_string();
                if let Some(text) = translate(&id, &source) {
                    table.insert("translation".into(), toml::Value::String(text));
                    changed = true;
                }
            }
        }
        assert!(changed, "nothing was translated");
        self.write(&relative, &toml::to_string(&catalog).unwrap());
    }

    /// Fills every empty translation of the catalog at `relative` by
    /// editing its text line by line, as a translator would (the layout
    /// stays): the `n`th (from 1) becomes `text(n)`. How many were filled.
    pub fn fill_empty_translations(&self, relative: &str, text: impl Fn(usize) -> String) -> usize {
        let mut n = 0;
        let filled: String = self
            .read(relative)
            .lines()
            .map(|line| {
                if line == "translation = \"\"" {
                    n += 1;
                    format!("translation = \"{}\"\n", text(n))
                } else {
                    format!("{line}\n")
                }
            })
            .collect();
        self.write(relative, &filled);
        n
    }
}

/// `l10n` with `args` in the folder `dir`, as every test runs it: colour
/// off, the UI language pinned, no standard input.
pub fn l10n_command(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_l10n"));
    command
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("L10N_LANG", "en")
        .env("LANG", "C")
        .stdin(Stdio::null());
    command
}

/// Waits for a run started by [`Workspace::spawn`]: its exit code (minus
/// the signal's number when a signal ended it) and its standard error.
pub fn finish(child: Child) -> (i32, String) {
    use std::os::unix::process::ExitStatusExt;
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let code = output
        .status
        .code()
        .unwrap_or_else(|| -output.status.signal().unwrap_or(1));
    (code, stderr)
}

/// A run held at the start of its commit ([`Workspace::hold_at_commit`]).
pub struct Held {
    child: Child,
    marker: PathBuf,
    _folder: tempfile::TempDir,
}

impl Held {
    /// The held process, to signal it.
    pub fn child(&self) -> &Child {
        &self.child
    }

    /// Lets the commit go on and waits for the run to end, as [`finish`].
    pub fn release(self) -> (i32, String) {
        fs::remove_file(&self.marker).expect("the marker is there");
        finish(self.child)
    }
}

/// The entries of one section (`segment` or `obsolete`) of a parsed catalog.
pub fn entries(catalog: &toml::Table, section: &str) -> Vec<toml::Table> {
    match catalog.get(section) {
        Some(toml::Value::Array(entries)) => entries
            .iter()
            .map(|e| e.as_table().unwrap().clone())
            .collect(),
        _ => Vec::new(),
    }
}

pub fn field<'a>(entry: &'a toml::Table, key: &str) -> Option<&'a str> {
    entry.get(key).and_then(toml::Value::as_str)
}

/// The files of a workspace at one moment.
#[derive(PartialEq, Eq)]
pub struct Snapshot {
    files: BTreeMap<PathBuf, Vec<u8>>,
}

impl std::fmt::Debug for Snapshot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.files.keys()).finish()
    }
}

impl Snapshot {
    /// Panics naming every file that differs from `self` in `now`.
    #[track_caller]
    pub fn assert_same(&self, now: &Snapshot, why: &str) {
        let names: std::collections::BTreeSet<_> =
            self.files.keys().chain(now.files.keys()).collect();
        let changed: Vec<_> = names
            .into_iter()
            .filter(|name| self.files.get(*name) != now.files.get(*name))
            .collect();
        assert!(changed.is_empty(), "{why}: {changed:?}");
    }
}

/// Runs `command` (a program other than l10n, a reader or git), insists
/// it succeeds, showing its standard error when not: its standard output.
#[track_caller]
pub fn succeeds(command: &mut Command) -> String {
    let out = command
        .output()
        .unwrap_or_else(|e| panic!("{command:?} runs: {e}"));
    assert!(
        out.status.success(),
        "{command:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("its output is UTF-8")
}

/// Runs `args`, expecting exit 2, every one of `expected` on stderr, nothing
/// on stdout, and no file changed.
#[track_caller]
pub fn refuses(ws: &Workspace, args: &[&str], expected: &[&str]) -> String {
    let before = ws.snapshot();
    let run = ws.run(args).expect_code(2);
    assert!(run.stdout.is_empty(), "nothing on stdout: {}", run.stdout);
    for text in expected {
        assert!(
            run.stderr.contains(text),
            "stderr lacks {text:?}:\n{}",
            run.stderr
        );
    }
    before.assert_same(&ws.snapshot(), "files changed on a refused run");
    run.stderr
}
