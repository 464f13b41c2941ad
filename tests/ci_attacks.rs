//! Red-team attacks on issue 13 (the CI gate, the report page, the shell
//! integration): each test is one attack, driven through the real binary in
//! a temporary workspace (and real git repositories where git is the
//! point). The table of attacks and outcomes is in tests/README.md.
use regex::Regex;
use serde_json::Value;

use crate::readers::{git, have_git};
use crate::util::{KO_CONFIG, SEED_ID, Workspace};

/// The seed workspace extracted for Korean: 25 segments, none translated.
fn extracted() -> Workspace {
    let ws = Workspace::seeded();
    ws.write("l10n.toml", KO_CONFIG);
    ws.run(&["extract"]).expect_code(0);
    ws
}

/// The one JSON document `--format json` printed on a bad input.
fn json_error(ws: &Workspace, args: &[&str]) -> Value {
    let run = ws.run(args).expect_code(2);
    let mut documents = serde_json::Deserializer::from_str(&run.stdout).into_iter::<Value>();
    let document = documents
        .next()
        .expect("a JSON document on stdout")
        .unwrap_or_else(|e| panic!("{args:?}: {e}\n{}", run.stdout));
    assert!(documents.next().is_none(), "{args:?}: one document only");
    assert_eq!(document["version"], 1, "{document}");
    document["error"].clone()
}

// Attack 1 (fixed): a `[[check.articles]]` glob written with the file's
// extension (`2019/*.md`, the mistake README warns of) matched no article,
// yet it named the language, which silenced the default "every segment"
// rule: `check` passed a language 60 % translated.
#[test]
fn an_article_glob_that_can_match_no_id_is_refused() {
    let ws = extracted();
    ws.run(&["check"]).expect_code(1);
    for glob in ["2019/*.md", "**/*.MARKDOWN", "news/a.txt", ""] {
        let config = format!(
            "source-lang = \"en\"\nlanguages = [\"ko\"]\n\n[check]\n[[check.articles]]\n\
             glob = \"{glob}\"\nmin-translated = 95\n"
        );
        ws.write("l10n.toml", &config);
        let before = ws.snapshot();
        let run = ws.run(&["check"]).expect_code(2);
        assert!(
            run.stderr.contains("l10n.toml:6:8"),
            "{glob}: {}",
            run.stderr
        );
        assert!(
            run.stderr.contains("no extension"),
            "{glob}: {}",
            run.stderr
        );
        let error = json_error(&ws, &["check", "--format", "json"]);
        assert_eq!(
            (error["file"].as_str(), error["line"].as_u64()),
            (Some("l10n.toml"), Some(6))
        );
        assert_eq!(ws.snapshot(), before, "{glob}: nothing on disk changed");
    }
    // The glob of the ids still works, and judges the article.
    ws.write(
        "l10n.toml",
        "source-lang = \"en\"\nlanguages = [\"ko\"]\n\n[check]\n[[check.articles]]\n\
         glob = \"2019/*\"\nmin-translated = 95\n",
    );
    let run = ws.run(&["check"]).expect_code(1);
    assert!(run.stdout.contains("glob 2019/*"), "{}", run.stdout);
}

// Was open (attack 2 of the table): a glob without an extension that finds
// no article (a typo, a folder renamed) named the language all the same, so
// the default "every segment" rule went quiet and `check` passed a language
// 60 % translated. A rule counts only where its glob finds an article.
#[test]
fn an_article_rule_that_finds_no_article_leaves_the_default_rule_on() {
    let ws = extracted();
    ws.write(
        "l10n.toml",
        "source-lang = \"en\"\nlanguages = [\"ko\"]\n\n[check]\n[[check.articles]]\n\
         glob = \"News/**\"\nmin-translated = 10\n",
    );
    let run = ws.run(&["check", "--format", "json"]).expect_code(1);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let failed = &json["languages"][0]["failed"];
    assert_eq!(failed[0]["rule"], "complete", "{failed}");
    // Where it finds one, the rule decides (and here passes).
    ws.write(
        "l10n.toml",
        "source-lang = \"en\"\nlanguages = [\"ko\"]\n\n[check]\n[[check.articles]]\n\
         glob = \"2019/*\"\nmin-translated = 0\n",
    );
    ws.run(&["check"]).expect_code(0);
}

// Attack 2 (fixed): in a table of limits spread over lines, a bad value
// was located at the first key that CONTAINED its tag (`kor` for `ko`).
#[test]
fn a_bad_limit_is_located_at_its_own_key() {
    let ws = extracted();
    ws.write(
        "l10n.toml",
        "source-lang = \"en\"\nlanguages = [\"ko\"]\n\n[check]\nmin-translated = {\n  \
         kor = 50,\n  ko = 101 }\n",
    );
    let run = ws.run(&["check"]).expect_code(2);
    assert!(run.stderr.contains("l10n.toml:7:3"), "{}", run.stderr);
    assert!(run.stderr.contains("ko = 101"), "{}", run.stderr);
}

// Attack 3 (fixed): `--since origin/main` in a shallow clone (GitHub's
// actions/checkout fetches one commit by default) said "git does not know
// this revision" and advised fetching the revision, which was there: the
// missing piece is the history both share.
#[test]
fn since_in_a_shallow_clone_asks_for_the_history() {
    if !have_git("--since in a shallow clone") {
        return;
    }
    let upstream = extracted();
    let dir = upstream.path(".");
    git(&dir, &["init", "--quiet"]);
    git(&dir, &["add", "-A"]);
    git(&dir, &["commit", "--quiet", "-m", "A"]);
    git(&dir, &["checkout", "--quiet", "-b", "feature"]);
    let article = format!("articles/{SEED_ID}.md");
    upstream.write(&article, &(upstream.read(&article) + "\nOne more line.\n"));
    git(&dir, &["commit", "--quiet", "-am", "B"]);
    git(&dir, &["checkout", "--quiet", "main"]);
    upstream.write("notes.txt", "main moves on\n");
    git(&dir, &["add", "notes.txt"]);
    git(&dir, &["commit", "--quiet", "-m", "C"]);
    let clone = Workspace::new();
    let url = format!("file://{}", dir.display());
    git(
        &clone.path("."),
        &[
            "clone", "--quiet", "--depth", "1", "--branch", "feature", &url, "ci",
        ],
    );
    let ci = clone.path("ci");
    git(
        &ci,
        &[
            "fetch",
            "--quiet",
            "--depth",
            "1",
            "origin",
            "main:refs/remotes/origin/main",
        ],
    );
    let run = clone
        .run_in("ci", &["check", "--since", "origin/main"])
        .expect_code(2);
    assert!(!run.stderr.contains("does not know"), "{}", run.stderr);
    assert!(
        run.stderr.contains("shallow") && run.stderr.contains("fetch-depth: 0"),
        "{}",
        run.stderr
    );
    // With the history, the same command selects the changed article.
    git(
        &ci,
        &[
            "fetch",
            "--quiet",
            "--unshallow",
            "origin",
            "main:refs/remotes/origin/main",
        ],
    );
    let run = clone
        .run_in("ci", &["status", "--since", "origin/main"])
        .expect_code(0);
    assert!(run.stdout.contains(SEED_ID), "{}", run.stdout);
}

// Attack 4 (fixed): a `.gitignore` that is a link (dotfiles managers make
// them) was replaced by a regular file, the link lost; a dangling one
// stopped init with "changed on disk while l10n was putting its new
// version in place".
#[cfg(unix)]
#[test]
fn init_leaves_a_linked_gitignore_alone() {
    let ws = Workspace::new();
    ws.write("shared-ignore", "node_modules\n");
    std::os::unix::fs::symlink("shared-ignore", ws.path(".gitignore")).unwrap();
    let run = ws.run(&["init"]).expect_code(0);
    assert!(
        run.stdout.contains(".gitignore is a link"),
        "{}",
        run.stdout
    );
    let link = std::fs::symlink_metadata(ws.path(".gitignore")).unwrap();
    assert!(link.file_type().is_symlink(), "the link stays a link");
    assert_eq!(ws.read("shared-ignore"), "node_modules\n");
    let ws = Workspace::new();
    std::os::unix::fs::symlink("/nonexistent/ignore", ws.path(".gitignore")).unwrap();
    ws.run(&["init"]).expect_code(0);
    assert!(ws.path("l10n.toml").is_file());
    let link = std::fs::symlink_metadata(ws.path(".gitignore")).unwrap();
    assert!(link.file_type().is_symlink());
}

// Attack 5 (fixed): `!.l10n/` after `/.l10n/` has git track the cache
// again, and init took the folder for ignored.
#[test]
fn init_ignores_the_cache_after_a_negation() {
    let ws = Workspace::new();
    ws.write(".gitignore", "/.l10n/\n!.l10n/\n");
    ws.run(&["init"]).expect_code(0);
    assert_eq!(ws.read(".gitignore"), "/.l10n/\n!.l10n/\n.l10n/\n");
    if !have_git("init's .gitignore as git reads it") {
        return;
    }
    git(&ws.path("."), &["init", "--quiet"]);
    ws.write(".l10n/cache/reports.bin", "x");
    git(
        &ws.path("."),
        &["check-ignore", "--quiet", ".l10n/cache/reports.bin"],
    );
}

// Attack 6 (fixed): a commit whose catalog did not parse (or with no
// catalog of the language) counts no entry; the chart drew it at 0 % while
// its tooltip and the table of figures said 100.0 %.
#[test]
fn a_commit_without_entries_reads_the_same_in_the_chart_and_its_figures() {
    if !have_git("the report's progress chart") {
        return;
    }
    let ws = extracted();
    let dir = ws.path(".");
    git(&dir, &["init", "--quiet"]);
    git(&dir, &["add", "-A"]);
    git(&dir, &["commit", "--quiet", "-m", "catalogs"]);
    let catalog = format!("locales/ko/{SEED_ID}.toml");
    let good = ws.read(&catalog);
    ws.write(&catalog, &(good.clone() + "broken = [\n"));
    git(&dir, &["commit", "--quiet", "-am", "broken"]);
    let broken = git(&dir, &["rev-parse", "HEAD"]).trim().to_string();
    ws.write(&catalog, &good);
    git(&dir, &["commit", "--quiet", "-am", "fixed"]);
    ws.run(&["report", "--out", "site"]).expect_code(0);
    let page = ws.read("site/index.html");
    let circle = Regex::new(&format!(
        r#"data-commit="{broken}"[^>]*data-entries="0"><title>[^<]*\(([0-9.]+) %\)</title>"#
    ))
    .unwrap();
    let tooltip = &circle.captures(&page).expect("the broken commit's point")[1];
    let row = Regex::new(&format!(
        r"<td><code>{}</code></td><td>0</td><td>0</td><td>([0-9.]+) %</td>",
        &broken[..7]
    ))
    .unwrap();
    let figure = &row.captures(&page).expect("the broken commit's row")[1];
    // Every point of the chart: its height is its figure.
    assert_eq!((tooltip, figure), ("0.0", "0.0"));
}

// Attack 7 (survived): workflow commands hidden in file names and
// sentences (`::`, `,`, `%`, `%0A`) stay data: every line GitHub would
// read as a command (after leading white space) is one of l10n's
// annotations, and its file decodes to the real path.
#[test]
fn github_commands_cannot_be_injected_through_names_or_sentences() {
    let ws = Workspace::new();
    ws.mkdir("locales/ko");
    let name = "a::warning title=x::y, z";
    ws.write(
        &format!("articles/{name}.md"),
        "# T\n\nHello ::error file=x::pwned there.\n\n100% sure, 50%0A done.\n",
    );
    ws.write(
        "l10n.toml",
        "source-lang = \"en\"\nlanguages = [\"ko\"]\n[check]\nmin-translated = 50\n\
         [[check.articles]]\nglob = \"a*\"\nmin-translated = 90\n",
    );
    ws.run(&["extract"]).expect_code(0);
    let run = ws.run(&["check", "--format", "github"]).expect_code(1);
    let command =
        Regex::new(r"^::(error|warning|notice) file=([^,:]*)(,line=\d+)?,title=([^,:]*)::(.*)$")
            .unwrap();
    let decode = |value: &str| {
        value
            .replace("%3A", ":")
            .replace("%2C", ",")
            .replace("%0D", "\r")
            .replace("%0A", "\n")
            .replace("%25", "%")
    };
    let mut annotations = 0;
    for line in run
        .stdout
        .lines()
        .filter(|l| l.trim_start().starts_with("::"))
    {
        let parts = command.captures(line).unwrap_or_else(|| panic!("{line}"));
        assert_eq!(
            decode(&parts[2]),
            format!("locales/ko/{name}.toml"),
            "{line}"
        );
        annotations += 1;
    }
    assert_eq!(annotations, 3, "{}", run.stdout);
    assert!(run.stdout.contains("50%250A done."), "{}", run.stdout);
}

// Attack 8 (survived): shards that are not one run's partitions, each
// exactly once, are refused by `check --merge` with a JSON error naming the
// file, and nothing is judged.
#[test]
fn check_merge_refuses_missing_duplicated_and_foreign_shards() {
    let ws = extracted();
    for k in 1..=2 {
        let partition = format!("{k}/2");
        let run = ws.run(&["check", "--format", "json", "--partition", &partition]);
        ws.write(&format!("c{k}.json"), &run.stdout);
    }
    let mut foreign: Value = serde_json::from_str(&ws.read("c2.json")).unwrap();
    foreign["source-lang"] = "fr".into();
    ws.write("foreign.json", &foreign.to_string());
    for (shards, file) in [
        (vec!["c1.json"], None),
        (vec!["c1.json", "c1.json", "c2.json"], Some("c1.json")),
        (vec!["c1.json", "foreign.json"], Some("foreign.json")),
        (vec!["c1.json", "missing.json"], Some("missing.json")),
    ] {
        let mut args = vec!["check", "--format", "json", "--merge"];
        args.extend(&shards);
        let error = json_error(&ws, &args);
        if let Some(file) = file {
            let message = error["message"].as_str().unwrap();
            assert!(
                error["file"] == file || message.contains(file),
                "{shards:?}: {error}"
            );
        }
    }
    ws.run(&["check", "--merge", "c1.json", "c2.json"])
        .expect_code(1);
}

// Was open (attack 16): `report --out l10n.toml` said "cannot read
// l10n.toml/index.html". Every command with `--out` says what is wrong.
#[test]
fn an_out_folder_that_is_a_file_is_named_as_such() {
    let ws = extracted();
    for args in [
        &["report", "--out", "l10n.toml"][..],
        &[
            "export",
            "--format",
            "po",
            "--lang",
            "ko",
            "--out",
            "l10n.toml",
        ],
        &["build", "--lang", "ko", "--out", "l10n.toml/deeper"],
    ] {
        crate::util::refuses(
            &ws,
            args,
            &["l10n.toml is a file, not a folder to write into"],
        );
    }
}
