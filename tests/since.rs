//! `--since REF` on `status` and `check`: only the articles whose file,
//! template or catalogs git sees changed since REF (committed, staged,
//! unstaged or untracked), in real git repositories; outside one, or with
//! a revision git does not know, a clear error (exit 2).
use crate::readers::{git, have_git};
use crate::util::Workspace;

/// A git repository with four articles extracted for ko and committed.
fn repository() -> Workspace {
    let ws = Workspace::new();
    for name in ["a", "b", "c", "d"] {
        ws.write(
            &format!("articles/{name}.md"),
            &format!("Article {name} says one thing. Article {name} says another.\n"),
        );
    }
    ws.mkdir("locales/ko");
    ws.run(&["extract"]).expect_code(0);
    ws.write(".gitignore", ".l10n/\n");
    git(&ws.path("."), &["init", "--quiet"]);
    git(&ws.path("."), &["add", "."]);
    git(&ws.path("."), &["commit", "--quiet", "-m", "first"]);
    git(&ws.path("."), &["tag", "base"]);
    ws
}

/// The ids of the articles a `status --format json` run reports.
fn reported(ws: &Workspace, args: &[&str]) -> Vec<String> {
    let run = ws.run(args).expect_code(0);
    run.json()["languages"][0]["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["article"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn since_selects_committed_staged_unstaged_and_untracked_changes() {
    if !have_git("--since") {
        return;
    }
    let ws = repository();
    let status = ["status", "--format", "json", "--since", "base"];
    assert!(reported(&ws, &status).is_empty(), "nothing changed yet");
    // Committed since base: a catalog (a translator's work).
    ws.translate("ko", "a", |_, source| Some(format!("번역: {source}")));
    git(&ws.path("."), &["commit", "--quiet", "-am", "translate a"]);
    // Staged: an article's text.
    ws.write(
        "articles/b.md",
        "Article b says one thing. Article b says more.\n",
    );
    git(&ws.path("."), &["add", "articles/b.md"]);
    // Unstaged: a template.
    let template = ws.read("locales/en/c.toml");
    ws.write("locales/en/c.toml", &format!("{template}\n# a note\n"));
    // Untracked: a new article.
    ws.write("articles/new/e.md", "A new article appears.\n");
    assert_eq!(reported(&ws, &status), ["a", "b", "c", "new/e"]);
    // d changed in no way; named articles and --since narrow each other.
    assert_eq!(
        reported(
            &ws,
            &["status", "--format", "json", "--since", "base", "a", "d"]
        ),
        ["a"]
    );
    // Since the last commit, the commit of a's catalog is not a change.
    assert_eq!(
        reported(&ws, &["status", "--format", "json", "--since", "HEAD"]),
        ["b", "c", "new/e"]
    );
    // check judges only those: a is fully translated.
    let check = ws.run(&["check", "--since", "base", "a"]).expect_code(0);
    assert!(check.stdout.contains("ko: ok: 2 of 2"), "{}", check.stdout);
    let check = ws.run(&["check", "--since", "base"]).expect_code(1);
    assert!(
        !check.stdout.contains("locales/ko/d.toml"),
        "{}",
        check.stdout
    );
    assert!(
        check.stdout.contains("locales/ko/b.toml"),
        "{}",
        check.stdout
    );
}

#[test]
fn since_counts_from_where_the_branch_left_the_revision() {
    if !have_git("--since") {
        return;
    }
    let ws = repository();
    git(&ws.path("."), &["checkout", "--quiet", "-b", "feature"]);
    ws.translate("ko", "a", |_, source| Some(format!("번역: {source}")));
    git(&ws.path("."), &["commit", "--quiet", "-am", "translate a"]);
    // main moves on meanwhile: its changes are not the branch's.
    git(&ws.path("."), &["checkout", "--quiet", "main"]);
    ws.write("articles/d.md", "Article d is rewritten on main.\n");
    git(&ws.path("."), &["commit", "--quiet", "-am", "rewrite d"]);
    git(&ws.path("."), &["checkout", "--quiet", "feature"]);
    let status = ["status", "--format", "json", "--since", "main"];
    assert_eq!(reported(&ws, &status), ["a"]);
}

#[test]
fn since_in_a_workspace_below_the_repository_top() {
    if !have_git("--since") {
        return;
    }
    let ws = Workspace::new();
    ws.write("site/articles/a.md", "Article a says one thing.\n");
    ws.write("site/articles/b.md", "Article b says one thing.\n");
    ws.write("site/l10n.toml", "languages = [\"ko\"]\n");
    ws.run_in("site", &["extract"]).expect_code(0);
    ws.write(".gitignore", ".l10n/\n");
    git(&ws.path("."), &["init", "--quiet"]);
    git(&ws.path("."), &["add", "."]);
    git(&ws.path("."), &["commit", "--quiet", "-m", "first"]);
    let catalog = ws.read("site/locales/ko/b.toml");
    ws.write("site/locales/ko/b.toml", &format!("{catalog}\n# a note\n"));
    let run = ws
        .run_in("site", &["status", "--format", "json", "--since", "HEAD"])
        .expect_code(0);
    let articles = &run.json()["languages"][0]["articles"];
    assert_eq!(articles.as_array().unwrap().len(), 1, "{articles}");
    assert_eq!(articles[0]["article"], "b");
}

#[test]
fn since_outside_a_repository_or_with_an_unknown_revision_is_an_error() {
    if !have_git("--since") {
        return;
    }
    let ws = Workspace::new();
    ws.write("articles/a.md", "One sentence.\n");
    ws.mkdir("locales/ko");
    // A folder above the temporary one could be a repository: say it is not.
    let outside = ws
        .command(&["status", "--since", "HEAD"])
        .env(
            "GIT_CEILING_DIRECTORIES",
            ws.path("..").canonicalize().unwrap(),
        )
        .output()
        .unwrap();
    assert_eq!(outside.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&outside.stderr);
    assert!(
        stderr.contains("--since HEAD:") && stderr.contains("is not in a git repository"),
        "{stderr}"
    );
    assert!(outside.stdout.is_empty());
    let repo = repository();
    for (args, words) in [
        (
            &["check", "--since", "no-such-branch"][..],
            "no-such-branch",
        ),
        (&["status", "--since=--output=x"], "--output=x"),
    ] {
        let run = repo.run(args).expect_code(2);
        assert!(
            run.stderr.contains("git does not know this revision") && run.stderr.contains(words),
            "{}",
            run.stderr
        );
    }
    assert!(
        !repo.path("x").exists(),
        "a REF is never taken for an option"
    );
}
