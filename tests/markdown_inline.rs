//! Inline Markdown as documentation sites write it (mdBook, Hugo,
//! Docusaurus): sentences are not split inside code spans, links or inline
//! HTML, may start with markup, and segments with nothing to translate
//! (a `true` table cell, an emoji code, a number) are not offered but kept;
//! math (`$…$`, `$$…$$`) is never split.
use pulldown_cmark::{Event, Options, Parser, Tag};

use crate::markdown_reader::segments_of;
use crate::util::{Workspace, entries, field};

const DOCS: &str = "# Installing the `l10n` CLI

Install it with `cargo install l10n`. Run `l10n --help!` to see the options. Are you
sure? Check `l10n.toml?` first.

**Note:** the first build is slow. `cargo` caches what it compiled. _Optional_ steps
are marked. [The guide](https://example.com/docs/v1.2/guide.html \"Read it. Really!\") explains
more. See [the FAQ](https://example.com/faq.html). Then come back.

Press <kbd>Ctrl</kbd> and <kbd>C</kbd> to stop. The <abbr title=\"Command line. Text only!\">CLI</abbr>
prints a summary. ~~Old flags~~ are gone. A *long emphasis. With two sentences* stays
whole. Open the report. ![Screenshot](img/report.png) shows the totals.

Math stays whole: $e = mc^2. Really$ and $$x! Y?$$ are one. It costs $5 or $10.

| Option | Default | Done |
|--------|---------|------|
| `debug` | `true` | :white_check_mark: |
| `jobs` | 42 | — |

:tada: Congratulations! You are ready. :+1:
";

const EXPECTED: [&str; 24] = [
    "Installing the `l10n` CLI",
    "Install it with `cargo install l10n`.",
    "Run `l10n --help!` to see the options.",
    "Are you sure?",
    "Check `l10n.toml?` first.",
    "**Note:** the first build is slow.",
    "`cargo` caches what it compiled.",
    "_Optional_ steps are marked.",
    "[The guide](https://example.com/docs/v1.2/guide.html \"Read it. Really!\") explains more.",
    "See [the FAQ](https://example.com/faq.html).",
    "Then come back.",
    "Press <kbd>Ctrl</kbd> and <kbd>C</kbd> to stop.",
    "The <abbr title=\"Command line. Text only!\">CLI</abbr> prints a summary.",
    "~~Old flags~~ are gone.",
    "A *long emphasis. With two sentences* stays whole.",
    "Open the report.",
    "![Screenshot](img/report.png) shows the totals.",
    "Math stays whole: $e = mc^2. Really$ and $$x! Y?$$ are one.",
    // Dollar amounts are no math: `$` before a space closes nothing.
    "It costs $5 or $10.",
    "Option",
    "Default",
    "Done",
    ":tada: Congratulations!",
    // An emoji code after a sentence stays with it.
    "You are ready. :+1:",
];

fn docs_workspace() -> Workspace {
    let ws = Workspace::new();
    ws.write("articles/install.md", DOCS);
    ws.mkdir("locales/ko");
    ws
}

/// The JSON lines a run of `l10n` with `args` prints.
fn json_lines(ws: &Workspace, args: &[&str]) -> Vec<serde_json::Value> {
    let run = ws.run(args).expect_code(0);
    run.stdout
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON line"))
        .collect()
}

#[test]
fn doc_site_markdown_is_split_into_its_sentences() {
    let ws = docs_workspace();
    let texts = segments_of(&ws, "articles/install.md");
    assert_eq!(texts, EXPECTED);
}

#[test]
fn explain_names_the_inline_rule() {
    let ws = docs_workspace();
    let lines = json_lines(&ws, &["segment", "--explain", "articles/install.md"]);
    let refused = lines
        .iter()
        .find(|l| l["before"].as_str().unwrap().ends_with("*long emphasis."))
        .expect("the boundary inside the emphasis is considered");
    assert_eq!(refused["split"], false);
    assert_eq!(refused["rule"], "markdown:inside-inline");
    // A sentence that starts with markup is split by the ordinary rule.
    let code = lines
        .iter()
        .find(|l| l["after"].as_str().unwrap().starts_with(" `cargo` caches"))
        .expect("the boundary before `cargo` is considered");
    assert_eq!(code["split"], true);
    assert_eq!(code["rule"], "terminal");
}

#[test]
fn extract_offers_only_what_has_text_to_translate() {
    let ws = docs_workspace();
    ws.run(&["extract"]).expect_code(0);
    let catalog = ws.catalog("ko", "install");
    let sources: Vec<String> = entries(&catalog, "segment")
        .iter()
        .map(|e| field(e, "source").unwrap().to_string())
        .collect();
    assert_eq!(sources, EXPECTED);
    let text = ws.read("locales/ko/install.toml");
    for nothing in ["`true`", "`debug`", ":white_check_mark:", "\"42\"", "—"] {
        assert!(!text.contains(nothing), "{nothing} is offered:\n{text}");
    }
}

/// What a site renders from a Markdown text: its code spans, link and image
/// destinations, inline HTML, table cells and the text of its cells.
fn structure(markdown: &str) -> (Vec<String>, Vec<String>, Vec<String>, usize) {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_MATH;
    let (mut code, mut targets, mut html, mut cells) = (vec![], vec![], vec![], 0);
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Code(c) | Event::InlineMath(c) | Event::DisplayMath(c) => {
                code.push(c.to_string())
            }
            Event::Start(
                Tag::Link {
                    dest_url, title, ..
                }
                | Tag::Image {
                    dest_url, title, ..
                },
            ) => targets.push(format!("{dest_url} {title}")),
            Event::InlineHtml(h) => html.push(h.to_string()),
            Event::Start(Tag::TableCell) => cells += 1,
            _ => {}
        }
    }
    (code, targets, html, cells)
}

#[test]
fn translated_and_identity_builds_keep_the_inline_markup() {
    let ws = docs_workspace();
    ws.mkdir("locales/de");
    ws.run(&["extract"]).expect_code(0);
    ws.translate("ko", "install", |_, source| Some(format!("번역 {source}")));
    ws.translate("de", "install", |_, source| Some(source.to_string()));
    ws.run(&["build", "--lang", "ko"]).expect_code(0);
    ws.run(&["build", "--lang", "de"]).expect_code(0);

    assert_eq!(
        ws.read("build/de/install.md"),
        DOCS,
        "identity is byte for byte"
    );

    let built = ws.read("build/ko/install.md");
    assert_eq!(structure(&built), structure(DOCS), "{built}");
    // What was not offered is there as it was.
    assert!(
        built.contains("| `debug` | `true` | :white_check_mark: |\n| `jobs` | 42 | — |\n"),
        "{built}"
    );
    assert!(built.contains(" :+1:\n"), "{built}");
    for sentence in EXPECTED {
        assert!(
            built.contains(&format!("번역 {sentence}")),
            "{sentence}: {built}"
        );
    }
}
