//! Shell and workflow integration, each checked by the real program that
//! reads it: the completion scripts by bash and fish (zsh: its syntax
//! check), the man pages by groff, the `.gitignore` that `init` writes by
//! git, the GitHub Action's metadata by SchemaStore's schema (Python
//! jsonschema) and the pre-commit hooks by pre-commit's own validator; and
//! the terminal-only progress bar under a pseudo-terminal (`script`), with
//! what `--quiet` leaves.
use std::path::{Path, PathBuf};
use std::process::Command;

use clap::CommandFactory;

use crate::readers::{found, have_python, run};
use crate::util::{Workspace, succeeds};

/// The commands of l10n, from its own flag table.
fn command_names() -> Vec<String> {
    l10n::cli::Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect()
}

fn repository_file(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
}

fn have(program: &str, version_flag: &str, install: &str, what: &str) -> bool {
    found(
        Command::new(program).arg(version_flag),
        program,
        install,
        what,
    )
}

/// Runs `script` in bash without start-up files, with `L10N` naming the
/// binary: its standard output, after checking it succeeded.
fn bash(script: &str) -> String {
    succeeds(
        Command::new("bash")
            .args(["--norc", "--noprofile", "-c", script])
            .env("L10N", env!("CARGO_BIN_EXE_l10n"))
            .env("L10N_LANG", "en"),
    )
}

#[test]
fn bash_completes_commands_and_flags() {
    if !have("bash", "--version", "install bash", "the bash completion") {
        return;
    }
    // What bash does on a Tab: the completion function registered for
    // `l10n`, called with the words typed so far.
    let complete = |words: &str| {
        bash(&format!(
            r#"source <("$L10N" completions bash)
complete -p l10n
COMP_WORDS=({words}); COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
COMP_LINE="{words}"; COMP_POINT=${{#COMP_LINE}}
_l10n l10n "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
printf '%s\n' "${{COMPREPLY[@]}}""#
        ))
    };
    let out = complete("l10n ex");
    let mut lines = out.lines();
    let registered = lines.next().unwrap();
    assert!(
        registered.starts_with("complete ") && registered.ends_with(" -F _l10n l10n"),
        "{registered}"
    );
    let mut offered: Vec<&str> = lines.collect();
    offered.sort();
    assert_eq!(offered, ["export", "extract"]);
    // A command's own flags, and the values of an enumerated one.
    let out = complete("l10n status --d");
    assert!(out.lines().any(|l| l == "--diff"), "{out}");
    let out = complete("l10n completions ''");
    for shell in ["bash", "fish", "powershell", "zsh"] {
        assert!(out.lines().any(|l| l == shell), "{shell} in {out}");
    }
}

#[test]
fn fish_completes_commands_with_their_descriptions() {
    if !have("fish", "--version", "install fish", "the fish completion") {
        return;
    }
    let script = Command::new(env!("CARGO_BIN_EXE_l10n"))
        .args(["completions", "fish"])
        .env("L10N_LANG", "en")
        .output()
        .unwrap();
    assert!(script.status.success());
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("l10n.fish");
    std::fs::write(&file, &script.stdout).unwrap();
    let (ok, stdout, stderr) = run(
        "fish",
        &[
            "--no-config",
            "-c",
            "source $argv[1]; complete --do-complete 'l10n ex'",
        ],
        &[&file],
    );
    assert!(ok, "fish failed: {stderr}");
    let mut offered: Vec<&str> = stdout.lines().collect();
    offered.sort();
    assert_eq!(offered.len(), 2, "{stdout}");
    assert!(offered[0].starts_with("export\tExport"), "{stdout}");
    assert!(offered[1].starts_with("extract\tSegment"), "{stdout}");
}

#[test]
fn the_zsh_completion_is_valid_zsh() {
    if !have("zsh", "--version", "install zsh", "the zsh completion") {
        return;
    }
    let out = Command::new(env!("CARGO_BIN_EXE_l10n"))
        .args(["completions", "zsh"])
        .output()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("_l10n");
    std::fs::write(&file, &out.stdout).unwrap();
    let (ok, _, stderr) = run("zsh", &["-n"], &[&file]);
    assert!(ok && stderr.is_empty(), "zsh -n: {stderr}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("#compdef l10n"), "{text}");
}

#[test]
fn every_shell_gets_a_script_and_a_wrong_one_is_a_usage_error() {
    let ws = Workspace::new();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let run = ws.run(&["completions", shell]).expect_code(0);
        assert!(run.stdout.contains("l10n"), "{shell}");
        assert!(run.stdout.contains("extract"), "{shell}");
    }
    let run = ws.run(&["completions", "tcsh"]).expect_code(2);
    assert!(run.stderr.contains("tcsh"), "{}", run.stderr);
}

/// groff's warnings (all of them) on a man page, and the page as text.
fn groff(page: &Path) -> (String, String) {
    // -k: through preconv, for the UTF-8 of the help texts, as `man` does.
    let (ok, _, warnings) = run("groff", &["-k", "-ww", "-z", "-man", "-Tutf8"], &[page]);
    assert!(ok, "groff failed on {}: {warnings}", page.display());
    let (ok, text, _) = run("groff", &["-k", "-man", "-Tutf8", "-P", "-cbou"], &[page]);
    assert!(ok);
    (warnings, text)
}

#[test]
fn the_man_page_renders_without_warnings_and_lists_every_command() {
    if !have("groff", "--version", "install groff-base", "the man pages") {
        return;
    }
    let ws = Workspace::new();
    let page = ws.run(&["man"]).expect_code(0).stdout;
    assert!(page.starts_with(".ie"), "roff: {}", &page[..40]);
    ws.write("l10n.1", &page);
    let (warnings, text) = groff(&ws.path("l10n.1"));
    assert_eq!(warnings, "", "groff warns");
    assert!(text.contains("SUBCOMMANDS"), "{text}");
    for name in command_names() {
        assert!(
            text.contains(&format!("l10n-{name}(1)")),
            "{name} in\n{text}"
        );
    }
    assert!(text.contains("--quiet"), "{text}");
}

#[test]
fn man_out_writes_a_page_per_command() {
    if !have("groff", "--version", "install groff-base", "the man pages") {
        return;
    }
    let ws = Workspace::new();
    let wrote = ws.run(&["man", "--out", "man1"]).expect_code(0).stdout;
    assert!(wrote.contains("wrote man1/l10n.1"), "{wrote}");
    let names: Vec<String> = command_names()
        .into_iter()
        .filter(|n| n != "help")
        .collect();
    for name in &names {
        let page = ws.path(&format!("man1/l10n-{name}.1"));
        let (warnings, text) = groff(&page);
        assert_eq!(warnings, "", "groff warns on l10n-{name}.1");
        assert!(text.contains(&format!("l10n-{name}")), "{text}");
    }
    let status = groff(&ws.path("man1/l10n-status.1")).1;
    assert!(status.contains("--diff"), "{status}");
    // `man` itself reads them too, where it is installed.
    if Command::new("man").arg("--version").output().is_ok() {
        let (ok, text, stderr) = run(
            "man",
            &["-l", "-P", "cat"],
            &[&ws.path("man1/l10n-check.1")],
        );
        assert!(ok, "man -l: {stderr}");
        assert!(text.contains("--min-translated"), "{text}");
    }
    let files = std::fs::read_dir(ws.path("man1")).unwrap().count();
    assert_eq!(files, names.len() + 1);
    // Quiet, it says nothing, and writes the same.
    let quiet = ws.run(&["man", "--out", "man1", "--quiet"]).expect_code(0);
    assert_eq!(quiet.stdout, "", "quiet, it says nothing");
}

/// Whether git, run in `dir`, ignores `path`.
fn git_ignores(dir: &Path, path: &str) -> bool {
    let status = Command::new("git")
        .args(["check-ignore", "-q", path])
        .current_dir(dir)
        .status()
        .expect("git runs");
    status.code() == Some(0)
}

#[test]
fn init_makes_git_ignore_the_cache_folder() {
    let git = have(
        "git",
        "--version",
        "install git",
        "the .gitignore init writes",
    );
    let ws = Workspace::new();
    let run = ws.run(&["init", "--lang", "ko"]).expect_code(0);
    assert!(run.stdout.contains(".gitignore"), "{}", run.stdout);
    assert_eq!(ws.read(".gitignore"), ".l10n/\n");
    if git {
        let dir = ws.path(".");
        assert!(
            Command::new("git")
                .args(["init", "-q"])
                .current_dir(&dir)
                .status()
                .unwrap()
                .success()
        );
        ws.write("articles/a.md", "One sentence.\n");
        ws.run(&["status"]).expect_code(0);
        assert!(ws.path(".l10n/cache").exists(), "status made its cache");
        assert!(git_ignores(&dir, ".l10n/cache"));
        assert!(!git_ignores(&dir, "l10n.toml"));
    }
}

#[test]
fn init_appends_to_a_gitignore_keeping_it_byte_for_byte() {
    // CRLF lines, no final newline, a comment and trailing spaces.
    let crlf = "# build output\r\ntarget/\r\n*.log  ";
    let ws = Workspace::new();
    ws.write(".gitignore", crlf);
    let run = ws.run(&["init"]).expect_code(0);
    assert!(
        run.stdout.contains("added .l10n/ to .gitignore"),
        "{}",
        run.stdout
    );
    assert_eq!(ws.read(".gitignore"), format!("{crlf}\r\n.l10n/\r\n"));

    let lf = "node_modules/\n/.l10n\n";
    let ws = Workspace::new();
    ws.write(".gitignore", lf);
    let run = ws.run(&["init"]).expect_code(0);
    assert!(!run.stdout.contains(".gitignore"), "{}", run.stdout);
    assert_eq!(ws.read(".gitignore"), lf, "already ignored: untouched");

    // A failing init leaves the .gitignore as it was.
    let ws = Workspace::new();
    ws.write(".gitignore", "dist/\n");
    ws.write("l10n.toml", "source-lang = \"en\"\n");
    ws.run(&["init"]).expect_code(2);
    assert_eq!(ws.read(".gitignore"), "dist/\n");
}

/// A workspace with one article, partly translated into Korean, and an
/// orphaned catalog, which `extract` warns about on standard error.
fn warning_workspace() -> Workspace {
    let ws = Workspace::new();
    ws.write(
        "articles/a.md",
        "# Title\n\nOne sentence here. Another one there.\n",
    );
    ws.mkdir("locales/ko");
    ws.run(&["extract"]).expect_code(0);
    let catalog = ws.read("locales/ko/a.toml");
    ws.write(
        "locales/ko/gone.toml",
        &catalog.replace("\"a\"", "\"gone\""),
    );
    ws
}

#[test]
fn quiet_leaves_errors_and_data_only() {
    let ws = warning_workspace();
    let loud = ws.run(&["extract"]).expect_code(0);
    assert!(loud.stderr.contains("gone"), "a warning: {}", loud.stderr);
    assert!(!loud.stdout.is_empty());
    let quiet = ws.run(&["extract", "--quiet"]).expect_code(0);
    assert_eq!((quiet.stdout.as_str(), quiet.stderr.as_str()), ("", ""));
    // status and check print their data as always; check its verdicts.
    let status = ws.run(&["status"]).expect_code(0);
    let quiet = ws.run(&["-q", "status"]).expect_code(0);
    assert_eq!(quiet.stdout, status.stdout);
    let check = ws.run(&["check", "-q"]).expect_code(1);
    assert!(check.stdout.contains("missing"), "{}", check.stdout);
    assert!(check.stdout.contains("ko: FAILED"), "{}", check.stdout);
    assert_eq!(check.stderr, "");
    // Errors still print.
    let error = ws.run(&["status", "-q", "no-such-article"]).expect_code(2);
    assert!(error.stderr.contains("no-such-article"), "{}", error.stderr);
}

#[test]
fn no_progress_bar_when_standard_error_is_not_a_terminal() {
    let ws = Workspace::seeded();
    ws.run(&["extract"]).expect_code(0);
    for args in [
        &["status"][..],
        &["check"],
        &["extract"],
        &["build", "--lang", "ko"],
    ] {
        let run = ws.run_env(args, &[("L10N_TEST_PROGRESS_AFTER_MS", "0")]);
        assert_eq!(run.stderr, "", "{args:?}");
    }
}

/// Runs l10n with `args` in `ws` under a pseudo-terminal (util-linux
/// `script`), with the progress bar due at once: everything the terminal
/// got, standard output and standard error together.
fn on_a_terminal(ws: &Workspace, args: &str) -> String {
    let command = format!("{} {args}", env!("CARGO_BIN_EXE_l10n"));
    let out = Command::new("script")
        .args(["-q", "-e", "-c", &command, "/dev/null"])
        .current_dir(ws.path("."))
        .env("L10N_TEST_PROGRESS_AFTER_MS", "0")
        .env("NO_COLOR", "1")
        .env("L10N_LANG", "en")
        .env("LANG", "C")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("script runs");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_terminal_sees_the_bar_then_the_whole_output() {
    if !found(
        Command::new("script").arg("--version"),
        "script",
        "install bsdutils (util-linux)",
        "the progress bar on a terminal",
    ) {
        return;
    }
    let ws = Workspace::seeded();
    ws.run(&["extract"]).expect_code(0);
    let piped = ws.run(&["status", "--no-cache"]).expect_code(0).stdout;
    let screen = on_a_terminal(&ws, "status --no-cache");
    // The bar: its count and label, drawn then erased (CSI 2K) before the
    // report, which follows whole (the terminal turns \n into \r\n).
    assert!(screen.contains("1/1 done"), "{screen:?}");
    let erased = screen.rfind("\x1b[2K").expect("the bar is erased");
    let after = &screen[erased + "\x1b[2K".len()..];
    assert_eq!(after.trim_start_matches('\r').replace("\r\n", "\n"), piped);
    // Quiet: no bar, the same report.
    let quiet = on_a_terminal(&ws, "status --no-cache --quiet");
    assert!(!quiet.contains("done"), "{quiet:?}");
    assert_eq!(quiet.replace("\r\n", "\n"), piped);
}

#[test]
fn the_action_metadata_follows_schemastores_schema() {
    if !have_python(&["jsonschema", "yaml"], "action.yml") {
        return;
    }
    // The action, and a copy without its `runs`, which must be refused.
    let script = r#"
import json, sys, yaml, jsonschema
schema = json.load(open(sys.argv[1]))
action = yaml.safe_load(open(sys.argv[2]))
validator = jsonschema.Draft7Validator(schema)
errors = [e.message for e in validator.iter_errors(action)]
broken = dict(action); del broken["runs"]
print(json.dumps({"errors": errors, "broken": len(list(validator.iter_errors(broken))),
                  "inputs": sorted(action["inputs"]), "using": action["runs"]["using"]}))
"#;
    let schema = crate::readers::schema("github-action.json");
    let action = repository_file("action.yml");
    let result = crate::readers::python(script, &[&schema, &action]);
    assert_eq!(result["errors"], serde_json::json!([]), "{result}");
    assert!(
        result["broken"].as_u64().unwrap() > 0,
        "the schema refuses a broken action"
    );
    assert_eq!(result["using"], "composite");
    let inputs = [
        "format",
        "languages",
        "min-translated",
        "source",
        "working-directory",
    ];
    assert_eq!(result["inputs"], serde_json::json!(inputs));
}

#[test]
fn the_actions_check_step_passes_its_inputs_to_l10n() {
    if !have_python(&["yaml"], "the action's check step") {
        return;
    }
    let script = r#"
import json, sys, yaml
steps = yaml.safe_load(open(sys.argv[1]))["runs"]["steps"]
print(json.dumps([s["run"] for s in steps if "l10n check" in s.get("name", "")]))
"#;
    let runs = crate::readers::python(script, &[&repository_file("action.yml")]);
    let step = runs[0].as_str().expect("a step named `l10n check`");
    let ws = Workspace::seeded();
    ws.mkdir("locales/ja");
    ws.run(&["extract"]).expect_code(0);
    let bin = Path::new(env!("CARGO_BIN_EXE_l10n")).parent().unwrap();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
    let run_step = |languages: &str, min: &str| {
        let out = Command::new("bash")
            .args(["--norc", "--noprofile", "-e", "-c", step])
            .current_dir(ws.path("."))
            .env("PATH", &path)
            .env("L10N_LANGUAGES", languages)
            .env("L10N_MIN_TRANSLATED", min)
            .env("L10N_FORMAT", "json")
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let langs: Vec<String> = json["languages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["lang"].as_str().unwrap().to_string())
            .collect();
        (out.status.code(), langs)
    };
    // Nothing translated: the check fails, in the languages named.
    assert_eq!(run_step("ko", ""), (Some(1), vec!["ko".to_string()]));
    assert_eq!(run_step("", "").1, ["ja", "ko"]);
    assert_eq!(run_step("ja, ko", "").1, ["ja", "ko"]);
    // A threshold of 0 % passes whatever is missing.
    assert_eq!(run_step("ko", "0").0, Some(0));
}

#[test]
fn pre_commit_accepts_the_hooks() {
    if !found(
        Command::new("pre-commit").arg("--version"),
        "pre-commit",
        "`python3 -m pip install pre-commit`",
        ".pre-commit-hooks.yaml",
    ) {
        return;
    }
    let hooks = repository_file(".pre-commit-hooks.yaml");
    let (ok, stdout, stderr) = run("pre-commit", &["validate-manifest"], &[&hooks]);
    assert!(ok, "pre-commit refuses the hooks: {stdout}{stderr}");
    let text = std::fs::read_to_string(&hooks).unwrap();
    assert!(text.contains("- id: l10n-check"));
    // The validator is not a rubber stamp: a hook in no known language.
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join(".pre-commit-hooks.yaml");
    std::fs::write(&broken, text.replace("language: rust", "language: klingon")).unwrap();
    let (ok, _, _) = run("pre-commit", &["validate-manifest"], &[&broken]);
    assert!(!ok, "pre-commit took a broken manifest");
}
