//! `l10n build`: translated articles with the source's structure, and the
//! round trip: identity translations build every article back byte for byte.
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::scenario::translated_workspace;
use crate::util::{SEED_ID, Workspace, seed_article};

#[test]
fn builds_translations_in_place_and_keeps_structure() {
    let ws = translated_workspace();
    ws.write(
        "articles/notes.md",
        "# Notes\n\n```\ncode stays.\n```\n\n- One item. Two.\n",
    );
    ws.run(&["extract"]).expect_code(0);
    ws.translate("ko", "notes", |id, source| {
        (source != "Two.").then(|| format!("[{id}] 번역"))
    });
    let run = ws.run(&["build", "--lang", "ko"]).expect_code(0);
    assert!(
        run.stdout.contains(&format!("wrote build/ko/{SEED_ID}.md")),
        "{}",
        run.stdout
    );
    let notes = ws.read("build/ko/notes.md");
    assert!(notes.starts_with("# ["), "{notes}");
    assert!(notes.contains("```\ncode stays.\n```\n"), "{notes}");
    assert!(
        notes.contains("- [") && notes.ends_with(" Two.\n"),
        "missing keeps the source: {notes}"
    );
    let article = ws.read(&format!("build/ko/{SEED_ID}.md"));
    assert!(
        !article.contains("North Korean leader"),
        "every segment was translated"
    );
    assert_eq!(
        article.matches("\n\n").count(),
        seed_article().matches("\n\n").count()
    );
}

#[test]
fn outdated_translations_are_marked_only_when_asked() {
    let ws = translated_workspace();
    let edited = seed_article().replace("close ties", "strong ties");
    ws.write(&format!("articles/{SEED_ID}.md"), &edited);
    ws.run(&["build", "--lang", "ko"]).expect_code(0);
    let plain = ws.read(&format!("build/ko/{SEED_ID}.md"));
    assert!(
        plain.contains("strong ties"),
        "outdated falls back to the source"
    );
    ws.run(&["build", "--lang", "ko", "--mark-outdated"])
        .expect_code(0);
    let marked = ws.read(&format!("build/ko/{SEED_ID}.md"));
    assert!(marked.contains("<!-- l10n:outdated -->"), "{marked}");
    assert!(!marked.contains("strong ties"));
}

#[test]
fn below_the_threshold_nothing_is_written_and_the_run_fails() {
    let ws = Workspace::seeded();
    ws.run(&["extract"]).expect_code(0);
    let run = ws
        .run(&["build", "--lang", "ko", "--min-translated", "50"])
        .expect_code(1);
    assert!(
        run.stdout
            .contains("skipped 2019/kim-jong-un-china-visit: 0.0% translated"),
        "{}",
        run.stdout
    );
    assert!(!ws.path(&format!("build/ko/{SEED_ID}.md")).exists());
}

/// Every file under `dir` (relative path → bytes).
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let relative = path.strip_prefix(root).unwrap().to_path_buf();
                out.insert(relative, fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// Asserts that `build/<lang>/` holds exactly the articles, byte for byte.
#[track_caller]
fn assert_round_trip(ws: &Workspace, lang: &str) {
    let articles = files(&ws.path("articles"));
    let built = files(&ws.path(&format!("build/{lang}")));
    assert_eq!(
        built.keys().collect::<Vec<_>>(),
        articles.keys().collect::<Vec<_>>(),
        "one built file per article"
    );
    let mut differ = Vec::new();
    for (path, bytes) in &articles {
        let built = &built[path];
        if built != bytes {
            let at = bytes
                .iter()
                .zip(built)
                .position(|(a, b)| a != b)
                .unwrap_or(bytes.len().min(built.len()));
            let show = |b: &[u8]| {
                String::from_utf8_lossy(&b[at.saturating_sub(40)..(at + 40).min(b.len())])
                    .into_owned()
            };
            differ.push(format!(
                "{}: first difference at byte {at}\n  article: {:?}\n  built:   {:?}",
                path.display(),
                show(bytes),
                show(built)
            ));
        }
    }
    assert!(
        differ.is_empty(),
        "{lang}: built articles differ from their sources:\n{}",
        differ.join("\n")
    );
}

/// Builds the source language, and a target language whose every
/// translation is its source text; both must be the articles, byte for byte.
#[track_caller]
fn assert_identity_builds(ws: &Workspace, source: &str) {
    ws.run(&["build", "--lang", source]).expect_code(0);
    assert_round_trip(ws, source);
    ws.run(&["extract", "--lang", "de"]).expect_code(0);
    for article in files(&ws.path("locales/de")).keys() {
        let id = article
            .to_string_lossy()
            .trim_end_matches(".toml")
            .to_string();
        ws.translate("de", &id, |_, source| Some(source.to_string()));
    }
    ws.run(&["build", "--lang", "de"]).expect_code(0);
    assert_round_trip(ws, "de");
}

#[test]
fn the_repository_articles_build_back_byte_for_byte() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let ws = Workspace::new();
    ws.write_bytes("l10n.toml", &fs::read(root.join("l10n.toml")).unwrap());
    for (path, bytes) in files(&root.join("articles")) {
        ws.write_bytes(&format!("articles/{}", path.display()), &bytes);
    }
    assert!(ws.path(&format!("articles/{SEED_ID}.md")).exists());
    assert_identity_builds(&ws, "en");
}

/// Markdown that needs care: front matter, wrapped lines, lists, quotes,
/// links, code, tables, HTML, footnotes, hard breaks; CRLF; a BOM; plain text.
const HAND_WRITTEN: [(&str, &str); 6] = [
    (
        "front-matter.md",
        "---\ntitle: \"A title: with a colon\"\ntags: [a, b]\n---\n\n# Heading one #\n\nSetext heading\n==============\n\nA paragraph that is\nwrapped over three\n   lines, with *emphasis* and a [link](https://example.com/a \"title\"). And\na second sentence  \nafter a hard break.\\\nAnd a backslash break.\n",
    ),
    (
        "lists.md",
        "- One item.\n- Two items. With two sentences.\n  Continued on the next line.\n\n  A second paragraph in the item.\n\n1. First.\n2) Second, `code span`.\n   1. Nested item.\n\n* [ ] Task one.\n* [x] Task two.\n\n> A quote. It wraps\n> onto two lines.\n>\n> - A list in a quote.\n",
    ),
    (
        "code-and-tables.md",
        "Before the code.\n\n```rust\nfn main() { println!(\"Not translated.\"); }\n```\n\n    indented code. Not translated.\n\n| Name | Value |\n|------|:-----:|\n| One. Two. | `x \\| y` |\n| Three | four |\n\n<div class=\"note\">\nRaw HTML. Stays.\n</div>\n\nText with a footnote.[^1]\n\n[^1]: The footnote. Its second sentence.\n\n[ref]: https://example.com \"Ref\"\n\n---\n\nLast line without a newline.",
    ),
    (
        "crlf.md",
        "# Title\r\n\r\nA paragraph\r\nwrapped with CRLF. Second sentence.\r\n\r\n- Item one.\r\n- Item two.\r\n",
    ),
    (
        "bom.md",
        "\u{feff}# Title after a BOM\n\nText. More text.\n",
    ),
    (
        "plain.txt",
        "HEADLINE IN CAPS\n\nBy A. Writer\n\nA plain paragraph. Its second sentence.\n   Indented line.\r\n\n\nTrailing spaces.   \n",
    ),
];

#[test]
fn hand_written_and_generated_articles_build_back_byte_for_byte() {
    let ws = Workspace::new();
    let generated = crate::corpus::gen_corpus::write_articles(&ws.path(""), 30, &[], 11)
        .expect("the corpus is written");
    assert_eq!(generated.ids.len(), 30);
    for (name, text) in HAND_WRITTEN {
        ws.write(&format!("articles/hand/{name}"), text);
    }
    assert_identity_builds(&ws, "en");
}
