//! The real readers the export tests hand their files to (xmllint, GNU
//! gettext, Python with the Translate Toolkit, polib and lxml), and git
//! for the tests that need a repository: whether each is installed, and
//! running it. A missing reader skips its check with
//! a note, except under CI (`CI` set), where `.ci/run` installs them all and
//! a missing one fails the test, naming it.
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::{SEED_ID, Workspace, entries, field, seed_article, succeeds};

/// Whether `probe` runs and succeeds; when not, fails under CI with
/// `install` as the remedy, else prints that `what` is skipped.
pub fn found(probe: &mut Command, name: &str, install: &str, what: &str) -> bool {
    let found = probe.output().is_ok_and(|out| out.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "{name} is missing, and CI is set: {install} (as .ci/run does) to check {what}"
        );
        eprintln!("note: {name} not found; {what} not checked");
    }
    found
}

/// Whether git can run.
pub fn have_git(what: &str) -> bool {
    found(
        Command::new("git").arg("--version"),
        "git",
        "install git",
        what,
    )
}

/// git in `dir` as a person would run it: a fixed identity, no signing,
/// `main` as the first branch, local clones allowed, and no `GIT_DIR` or
/// `GIT_WORK_TREE` from an enclosing run.
pub fn git_command(dir: &Path) -> Command {
    let mut git = Command::new("git");
    git.args(["-c", "user.name=Test", "-c", "user.email=test@example.com"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(["-c", "protocol.file.allow=always"])
        .current_dir(dir)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE");
    git
}

/// Runs git ([`git_command`]) with `args` in `dir` and insists it works:
/// its standard output.
#[track_caller]
pub fn git(dir: &Path, args: &[&str]) -> String {
    succeeds(git_command(dir).args(args))
}

/// Whether `xmllint` (libxml2) can run.
pub fn have_xmllint(what: &str) -> bool {
    found(
        Command::new("xmllint").arg("--version"),
        "xmllint",
        "install libxml2-utils",
        what,
    )
}

/// Whether a GNU gettext program can run.
pub fn have_gettext(program: &str, what: &str) -> bool {
    found(
        Command::new(program).arg("--version"),
        program,
        "install gettext",
        what,
    )
}

/// Whether Python 3 imports every one of `modules` (`yaml`,
/// `translate.storage.xliff`); the remedy named is pip installing their
/// packages.
pub fn have_python(modules: &[&str], what: &str) -> bool {
    let packages: Vec<&str> = modules.iter().map(|m| pip_package(m)).collect();
    found(
        Command::new("python3")
            .arg("-c")
            .arg(format!("import {}", modules.join(", "))),
        &format!("python3 with {}", modules.join(", ")),
        &format!("`python3 -m pip install {}`", packages.join(" ")),
        what,
    )
}

/// The pip package that has the Python module `module`.
fn pip_package(module: &str) -> &str {
    match module.split('.').next().unwrap_or(module) {
        "translate" => "translate-toolkit",
        "yaml" => "pyyaml",
        package => package,
    }
}

/// Whether taplo (the TOML toolkit behind VS Code's Even Better TOML) can
/// run.
pub fn have_taplo(what: &str) -> bool {
    // The npm build of taplo prints its version and exits 1: what it says
    // tells that it runs.
    let runs = Command::new("taplo")
        .arg("--version")
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).starts_with("taplo "));
    let mut probe = Command::new(if runs { "true" } else { "false" });
    found(&mut probe, "taplo", "`npm install -g @taplo/cli`", what)
}

/// A schema or DTD the repository keeps for offline validation.
pub fn schema(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/schemas")
        .join(name)
}

/// Runs `program` in the C locale: whether it succeeded, its standard
/// output and its standard error.
pub fn run(program: &str, args: &[&str], files: &[&Path]) -> (bool, String, String) {
    let out = Command::new(program)
        .args(args)
        .args(files)
        .env("LC_ALL", "C")
        .env("LANGUAGE", "")
        .env("NO_COLOR", "1")
        .output()
        .unwrap_or_else(|e| panic!("{program} runs: {e}"));
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs a Python script with `files` as its arguments (`sys.argv[1:]`),
/// and parses what it prints as JSON; a failure shows the script's error.
pub fn python(script: &str, files: &[&Path]) -> serde_json::Value {
    let mut args = vec!["-c", script];
    let names: Vec<&str> = files
        .iter()
        .map(|f| f.to_str().expect("a UTF-8 path"))
        .collect();
    args.extend(names);
    let (ok, stdout, stderr) = run("python3", &args, &[]);
    assert!(ok, "python3 failed: {stderr}\n{script}");
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"))
}

/// Whether `file` is valid against the DTD `dtd` (of [`schema`]), and
/// xmllint's report.
pub fn xmllint_dtd(dtd: &str, file: &Path) -> (bool, String) {
    let dtd = schema(dtd);
    let dtd = dtd.to_str().expect("a UTF-8 path");
    let (ok, _, stderr) = run(
        "xmllint",
        &["--noout", "--nonet", "--dtdvalid", dtd],
        &[file],
    );
    (ok, stderr)
}

/// A sentence with inline Markdown and the characters XML and PO escape,
/// added to the seed article.
pub const MARKDOWN_SENTENCE: &str =
    "Read the [full report](https://example.org/r?a=1&b=2) on *Kim's* `visit` <now> & \"later\".";

/// The comment a translator left on the headline's entry.
pub const COMMENT: &str = "Checked with the desk.";

/// The seed workspace in Korean as a translator leaves it: every segment
/// translated (with Markdown, XML's and PO's special characters) but the
/// dateline, a comment on the headline, then the article edited so that
/// one translation is outdated and one obsolete.
pub fn translated_workspace() -> Workspace {
    let ws = Workspace::seeded();
    let article = format!("{}\n{MARKDOWN_SENTENCE}\n", seed_article());
    ws.write(&format!("articles/{SEED_ID}.md"), &article);
    ws.run(&["extract"]).expect_code(0);
    ws.translate("ko", SEED_ID, |id, source| {
        (!source.starts_with("Posted")).then(|| {
            format!("번역 {id}: *강조* [링크](https://example.org/) & <b> \"따옴표\"\t\\ 끝")
        })
    });
    let catalog = format!("locales/ko/{SEED_ID}.toml");
    let text = ws
        .read(&catalog)
        .replacen("[[segment]]", &format!("# {COMMENT}\n[[segment]]"), 1);
    ws.write(&catalog, &text);
    let edited = article
        .replace("close ties", "strong ties")
        .replace(" He does not fully trust President Moon.", "");
    ws.write(&format!("articles/{SEED_ID}.md"), &edited);
    ws.run(&["extract"]).expect_code(0);
    ws
}

/// A catalog's entries as (id, source, translation, previous source), its
/// segments then its obsolete entries, each list in the catalog's order.
pub type Row = (String, String, String, Option<String>);

pub fn catalog_rows(ws: &Workspace, lang: &str) -> (Vec<Row>, Vec<Row>) {
    let catalog = ws.catalog(lang, SEED_ID);
    let rows = |section: &str| -> Vec<Row> {
        entries(&catalog, section)
            .iter()
            .map(|e| {
                let text = |key: &str| field(e, key).unwrap_or_default().to_string();
                (
                    text("id"),
                    text("source"),
                    text("translation"),
                    field(e, "previous-source").map(str::to_string),
                )
            })
            .collect()
    };
    (rows("segment"), rows("obsolete"))
}

/// Exports Korean in `format` into `export/` and the text of the seed
/// article's file `relative`, which the run says it wrote.
pub fn exported(ws: &Workspace, format: &str, relative: &str) -> String {
    let run = ws
        .run(&["export", "--format", format, "--lang", "ko"])
        .expect_code(0);
    assert!(
        run.stdout.contains(&format!("wrote {relative}")),
        "{}",
        run.stdout
    );
    ws.read(relative)
}
