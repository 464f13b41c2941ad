//! Issue 15's work attacked as documentation teams write Markdown (mdBook,
//! Hugo, Jekyll, Docusaurus, GitHub READMEs, MkDocs, Obsidian): pages of
//! each style segmented, translated into Korean and Japanese and built,
//! their structure read back by pulldown-cmark and their front matter by a
//! YAML reader; and the defects those attacks found (tests/README.md).
use crate::markdown_reader::{outline, segments_of, yaml_front_matter};
use crate::util::Workspace;

/// A workspace with `articles/<name>.md` for each page and empty Korean
/// and Japanese catalogs, extracted.
fn workspace(pages: &[(&str, &str)]) -> Workspace {
    let ws = Workspace::new();
    ws.write(
        "l10n.toml",
        "source-lang = \"en\"\nlanguages = [\"ko\", \"ja\"]\n",
    );
    for (name, text) in pages {
        ws.write(&format!("articles/{name}.md"), text);
    }
    ws.mkdir("locales/ko");
    ws.mkdir("locales/ja");
    ws.run(&["extract"]).expect_code(0);
    ws
}

const MDBOOK: &str = "\
# The `?` Operator

Use `panic!` when things go wrong! Then call `unwrap()?` to see. It works.

{{#include ../listings/ch09/src/main.rs:here}}

See [the reference][ref] for more. Also read [Chapter 9][]. Footnotes are fine.[^1]

[ref]: https://doc.rust-lang.org/reference/
[Chapter 9]: ch09.html

[^1]: This is a footnote. It has two sentences.
";

const HUGO: &str = "\
---
title: \"Getting started: the #1 guide\"
summary: A plain summary. With two sentences.
weight: 10
tags: [a, b]
---

Read the {{< ref \"install.md\" >}} page first. Then continue.

{{% notice tip %}}
Keep it short. Really short.
{{% /notice %}}

{{< highlight go >}}
fmt.Println(\"Hello. World.\")
{{< /highlight >}}
";

const GITHUB: &str = "\
<p align=\"center\">
  <img alt=\"The logo of the project\" src=\"logo.png\">
</p>

> [!NOTE]
> Useful information. Users should know it.

| Option | Meaning |
|--------|---------|
| `--x` | Does x. Really. |
| `true` | :tada: |

:rocket: :tada:

Ship it :rocket: now. Yes.
";

const MKDOCS: &str = "\
!!! note \"Phrase title\"
    Indented body. Second sentence.

> [!tip]- Obsidian title
> Callout body. Two.

> - A list item that wraps
>   onto a second line. And a second sentence.
>   - Nested item. Also.
";

const PAGES: [(&str, &str); 4] = [
    ("mdbook", MDBOOK),
    ("hugo", HUGO),
    ("github", GITHUB),
    ("mkdocs", MKDOCS),
];

#[test]
fn documentation_pages_of_each_style_are_segmented_as_their_structure() {
    let ws = workspace(&PAGES);
    assert_eq!(
        segments_of(&ws, "articles/mdbook.md"),
        [
            "The `?` Operator",
            "Use `panic!` when things go wrong!",
            "Then call `unwrap()?` to see.",
            "It works.",
            "See [the reference][ref] for more.",
            "Also read [Chapter 9][].",
            "Footnotes are fine.[^1]",
            "This is a footnote.",
            "It has two sentences.",
        ]
    );
    assert_eq!(
        segments_of(&ws, "articles/hugo.md"),
        [
            "Getting started: the #1 guide",
            "A plain summary.",
            "With two sentences.",
            "Read the {{< ref \"install.md\" >}} page first.",
            "Then continue.",
            "Keep it short.",
            "Really short.",
        ]
    );
    assert_eq!(
        segments_of(&ws, "articles/github.md"),
        [
            "The logo of the project",
            "Useful information.",
            "Users should know it.",
            "Option",
            "Meaning",
            "Does x.",
            "Really.",
            "Ship it :rocket: now.",
            "Yes.",
        ]
    );
    assert_eq!(
        segments_of(&ws, "articles/mkdocs.md"),
        [
            "Phrase title",
            "Indented body.",
            "Second sentence.",
            "Obsidian title",
            "Callout body.",
            "Two.",
            "A list item that wraps onto a second line.",
            "And a second sentence.",
            "Nested item.",
            "Also.",
        ]
    );
}

#[test]
fn documentation_pages_keep_their_structure_in_korean_and_japanese_builds() {
    let ws = workspace(&PAGES);
    for (name, _) in PAGES {
        // Markup copied as translators do; Japanese sentences end in `。`.
        ws.translate("ko", name, |_, source| Some(format!("번역 {source}")));
        ws.translate("ja", name, |_, source| {
            Some(match source.strip_suffix('.') {
                Some(sentence) => format!("訳{sentence}。"),
                None => format!("訳{source}"),
            })
        });
    }
    for lang in ["ko", "ja", "en"] {
        ws.run(&["build", "--lang", lang, "--strict"])
            .expect_code(0);
    }
    for (name, source) in PAGES {
        assert_eq!(ws.read(&format!("build/en/{name}.md")), source, "identity");
        for lang in ["ko", "ja"] {
            let built = ws.read(&format!("build/{lang}/{name}.md"));
            assert_eq!(outline(&built), outline(source), "{lang}:\n{built}");
        }
    }
    let ja = ws.read("build/ja/mkdocs.md");
    assert!(
        ja.contains("    訳Indented body。訳Second sentence。\n")
            && ja.contains("> 訳Callout body。訳Two。\n"),
        "{ja}"
    );
    let ja = ws.read("build/ja/github.md");
    assert!(ja.contains("> [!NOTE]\n> 訳Useful information。"), "{ja}");
}

/// A paragraph of many template openings that never close (`{{<` in prose
/// about templates): each opening used to search to the end of the article
/// for its closing, quadratic time (147 s for these 900 kB in a debug
/// build); it is linear now, and every sentence is still one.
#[test]
fn many_unclosed_template_openings_are_text_in_linear_time() {
    let ws = Workspace::new();
    let sentences = 100_000;
    ws.write(
        "page.md",
        &format!("{}\n", "Type {{< then stop. ".repeat(sentences).trim_end()),
    );
    let segments = segments_of(&ws, "page.md");
    assert_eq!(segments.len(), sentences);
    assert!(segments.iter().all(|s| s == "Type {{< then stop."));
}

/// Unclosed code pairs (`{% raw %}` with no `{% endraw %}`) are searched
/// for their closing once per name, not once per opening.
#[test]
fn many_unclosed_code_pairs_are_text_in_linear_time() {
    let ws = Workspace::new();
    let sentences = 50_000;
    ws.write(
        "page.md",
        &format!(
            "{}\n",
            "Type {% raw %} then stop. ".repeat(sentences).trim_end()
        ),
    );
    let segments = segments_of(&ws, "page.md");
    assert_eq!(segments.len(), sentences);
    assert!(segments.iter().all(|s| s == "Type {% raw %} then stop."));
}

const QUOTED_FRONT_MATTER: &str = "\
---
title: \"Say \\\"hi\\\" to the CLI\"
description: 'It''s easy. Try it.'
summary: A plain summary. With two sentences.
---

Body.
";

/// The segment of a quoted value shows its escapes (`It''s`, `\"`); a
/// translator copies them, and the build used to escape them again
/// (`'It''''s'`, read back as `It''s`).
#[test]
fn escapes_copied_from_a_quoted_front_matter_value_are_written_once() {
    let ws = workspace(&[("page", QUOTED_FRONT_MATTER)]);
    assert_eq!(
        segments_of(&ws, "articles/page.md")[..3],
        ["Say \\\"hi\\\" to the CLI", "It''s easy.", "Try it."]
    );
    ws.translate("ko", "page", |_, source| {
        Some(match source {
            "Say \\\"hi\\\" to the CLI" => "CLI에 \\\"안녕\\\"이라고 하세요".to_string(),
            "It''s easy." => "It''s 쉽습니다.".to_string(),
            _ => format!("번역 {source}"),
        })
    });
    ws.run(&["build", "--lang", "ko"]).expect_code(0);
    let built = ws.read("build/ko/page.md");
    assert!(
        built.contains("title: \"CLI에 \\\"안녕\\\"이라고 하세요\"\n")
            && built.contains("description: 'It''s 쉽습니다. 번역 Try it.'\n"),
        "{built}"
    );
    if let Some(read) = yaml_front_matter(&ws, &built) {
        assert_eq!(read["title"], "CLI에 \"안녕\"이라고 하세요", "{built}");
        assert_eq!(
            read["description"], "It's 쉽습니다. 번역 Try it.",
            "{built}"
        );
    }
}

/// Japanese sentences of a front matter value are joined as in the body,
/// without the English space between them.
#[test]
fn japanese_front_matter_sentences_are_joined_without_a_space() {
    let ws = workspace(&[("page", QUOTED_FRONT_MATTER)]);
    ws.translate("ja", "page", |_, source| {
        Some(match source.strip_suffix('.') {
            Some(sentence) => format!("訳{sentence}。"),
            None => format!("訳{source}"),
        })
    });
    ws.run(&["build", "--lang", "ja"]).expect_code(0);
    let built = ws.read("build/ja/page.md");
    assert!(
        built.contains("description: '訳It''s easy。訳Try it。'\n")
            && built.contains("summary: 訳A plain summary。訳With two sentences。\n"),
        "{built}"
    );
    if let Some(read) = yaml_front_matter(&ws, &built) {
        assert_eq!(read["summary"], "訳A plain summary。訳With two sentences。");
    }
}

/// A README's centred logo (`<p align="center"><img alt=…></p>`): the
/// paragraph has no text of its own, so its image's `alt` used to be
/// offered nowhere (the run of tags was dropped as having nothing to
/// translate).
#[test]
fn the_alt_text_of_an_image_alone_in_an_html_paragraph_is_translated() {
    let page = "<p align=\"center\">\n  <img alt=\"The logo of the project\" src=\"logo.png\">\n</p>\n\n<p><img src=\"b.png\" title=\"Build status\"></p>\n\nBody.\n";
    let ws = workspace(&[("readme", page)]);
    assert_eq!(
        segments_of(&ws, "articles/readme.md"),
        ["The logo of the project", "Build status", "Body."]
    );
    ws.translate("ko", "readme", |_, source| Some(format!("번역 {source}")));
    ws.run(&["build", "--lang", "ko"]).expect_code(0);
    let built = ws.read("build/ko/readme.md");
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(&built));
    assert!(
        html.contains("<img alt=\"번역 The logo of the project\" src=\"logo.png\">")
            && html.contains("<p><img src=\"b.png\" title=\"번역 Build status\"></p>"),
        "{html}"
    );
    assert_eq!(outline(&built), outline(page));
}

/// `title: true` is a boolean to a YAML reader, not text: it used to be
/// offered, and a translation would have made it a string.
#[test]
fn a_yaml_boolean_or_null_in_a_listed_key_is_not_offered() {
    let ws = Workspace::new();
    for (value, offered) in [
        ("true", false),
        ("False", false),
        ("NULL", false),
        ("yes", false),
        ("~", false),
        ("True story", true),
        ("'true'", true),
    ] {
        ws.write("page.md", &format!("---\ntitle: {value}\n---\n\nBody.\n"));
        let segments = segments_of(&ws, "page.md");
        assert_eq!(segments.len() == 2, offered, "{value}: {segments:?}");
    }
}
