//! Bad input: exit code 2, a message naming the file, line and column and
//! what to do, and nothing on disk changed.
use crate::util::{SEED_ID, Workspace, refuses};

/// An extracted seeded workspace, with the seed article then edited so that
/// an `extract` would have something to write.
fn pending_workspace() -> Workspace {
    let ws = Workspace::seeded();
    ws.run(&["extract"]).expect_code(0);
    let article = crate::util::seed_article().replace("close ties", "strong ties");
    ws.write(&format!("articles/{SEED_ID}.md"), &article);
    ws
}

fn catalog_path() -> String {
    format!("locales/ko/{SEED_ID}.toml")
}

#[test]
fn bad_language_tag() {
    let ws = pending_workspace();
    for command in ["extract", "status", "check"] {
        refuses(
            &ws,
            &[command, "--lang", "ko_KR!"],
            &["not a valid language tag"],
        );
    }
}

#[test]
fn catalog_with_invalid_toml() {
    let ws = pending_workspace();
    let text =
        ws.read(&catalog_path())
            .replacen("\ntranslation = \"\"", "\ntranslation = \"unclosed", 1);
    ws.write(&catalog_path(), &text);
    let line = text.lines().position(|l| l.contains("\"unclosed")).unwrap() + 1;
    for command in ["extract", "status", "check"] {
        refuses(
            &ws,
            &[command],
            &[
                &format!("{}:{line}:", catalog_path()),
                "invalid TOML",
                "help:",
            ],
        );
    }
}

#[test]
fn catalog_with_duplicate_ids() {
    let ws = pending_workspace();
    let text = ws.read(&catalog_path());
    let ids: Vec<&str> = text.lines().filter(|l| l.starts_with("id = ")).collect();
    let text = text.replacen(ids[1], ids[0], 1);
    ws.write(&catalog_path(), &text);
    refuses(&ws, &["extract"], &["duplicate id", &catalog_path()]);
}

#[test]
fn catalog_with_wrong_types() {
    let ws = pending_workspace();
    let text = ws
        .read(&catalog_path())
        .replacen("\ntranslation = \"\"", "\ntranslation = 42", 1);
    ws.write(&catalog_path(), &text);
    let line = text.lines().position(|l| l == "translation = 42").unwrap() + 1;
    let stderr = refuses(
        &ws,
        &["extract"],
        &["must be a string", &format!(":{line}:15")],
    );
    assert!(
        stderr.contains("translation = 42"),
        "the offending line is shown:\n{stderr}"
    );
}

#[test]
fn catalog_missing_its_header_or_an_id() {
    let ws = pending_workspace();
    let original = ws.read(&catalog_path());
    ws.write(&catalog_path(), &original.replace("[catalog]", "[other]"));
    refuses(&ws, &["status"], &["unknown table `other`"]);
    let first_id = original.lines().find(|l| l.starts_with("id = ")).unwrap();
    ws.write(
        &catalog_path(),
        &original.replacen(&format!("{first_id}\n"), "", 1),
    );
    refuses(&ws, &["extract"], &["has no `id`"]);
}

#[test]
fn catalog_of_another_language() {
    let ws = pending_workspace();
    let text = ws
        .read(&catalog_path())
        .replace("lang = \"ko\"", "lang = \"ja\"");
    ws.write(&catalog_path(), &text);
    refuses(&ws, &["extract"], &["lang = \"ja\"", "move the file"]);
}

#[test]
fn missing_articles_folder() {
    let ws = Workspace::new();
    ws.mkdir("locales/ko");
    refuses(&ws, &["extract"], &["no articles folder", "help:"]);
    refuses(&ws, &["status"], &["no articles folder"]);
}

#[test]
fn invalid_utf8_article() {
    let ws = pending_workspace();
    ws.write_bytes(
        "articles/broken.md",
        b"Fine so far. Then \xFF\xFE broken.\n",
    );
    let stderr = refuses(
        &ws,
        &["extract"],
        &["articles/broken.md", "not valid UTF-8", "byte offset 18"],
    );
    assert!(stderr.contains(":1:19"), "{stderr}");
}

#[test]
fn invalid_utf8_catalog() {
    let ws = pending_workspace();
    let mut bytes = ws.read(&catalog_path()).into_bytes();
    bytes.extend_from_slice(b"# \xC3\x28\n");
    ws.write_bytes(&catalog_path(), &bytes);
    refuses(&ws, &["extract"], &["not valid UTF-8"]);
}

#[test]
fn one_bad_catalog_stops_every_write() {
    let ws = pending_workspace();
    ws.write(
        "articles/second.md",
        "Another article. With two sentences.\n",
    );
    ws.write("locales/ko/second.toml", "[catalog]\narticle = \"second\"\nsource-lang = \"en\"\nlang = \"ko\"\n[[segment]]\nid = 5\n");
    refuses(
        &ws,
        &["extract"],
        &["second.toml:6:6", "`id` must be a string"],
    );
}

#[test]
fn invalid_config() {
    let ws = pending_workspace();
    ws.write("l10n.toml", "source-lang = \"en\"\nlanguage = [\"ko\"]\n");
    refuses(&ws, &["status"], &["l10n.toml:2:1", "unknown field"]);
    ws.write("l10n.toml", "languages = [\"ko\", \"not a tag\"]\n");
    refuses(
        &ws,
        &["extract"],
        &["l10n.toml:1:20", "not a valid language tag"],
    );
}

#[test]
fn unknown_article_and_no_languages() {
    let ws = pending_workspace();
    refuses(
        &ws,
        &["status", "no/such-article"],
        &["no article `no/such-article`"],
    );
    let bare = Workspace::new();
    bare.write("articles/a.md", "Text.\n");
    refuses(&bare, &["status"], &["no target languages", "--lang"]);
    refuses(&bare, &["check", "--min-translated", "120"], &["120"]);
}
