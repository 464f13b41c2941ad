//! Markdown as documentation sites write it, through the binary: definition
//! lists, alerts and admonitions, footnotes, task lists, tables, attribute
//! lists and template tags are read as the structure they are, and a
//! translated build keeps that structure (read back by pulldown-cmark).
use pulldown_cmark::{Options, Parser, html};

use crate::markdown_reader::segments_of;
use crate::util::{KO_CONFIG, Workspace, refuses};

const SITE: &str = "\
Term
: The first definition. It has two sentences.
: A second definition.

> [!NOTE]
> Useful information. Read it.

> [!tip]- Open me
> Hidden text.

:::note Pro tip
Docusaurus body.
:::

!!! warning \"Mind the gap\"

    MkDocs body. Second one.

## Heading {#custom-id}

{: .lead}
A paragraph with a footnote[^1] and {{< ref \"a.b. c.md\" >}} in it.

{{< figure src=\"x.png\" >}}

{{< highlight ruby >}}
# Not a heading. Code.
x = 1

y = 2
{{< /highlight >}}

{{% notice info %}}Notice text. Two.{{% /notice %}}

{% raw %}
Raw {{ stuff }}. Here.
{% endraw %}

import Tabs from '@theme/Tabs';

- [ ] Task one.

| Name | Value |
|---|---|
| Cell one. | Cell two. |

Press <<key Ctrl. C>> now.

[^1]: The footnote text. Another.
";

fn workspace() -> Workspace {
    let ws = Workspace::new();
    ws.write(
        "l10n.toml",
        "source-lang = \"en\"\nlanguages = [\"ko\"]\n\n[markdown]\nopaque = [[\"<<\", \">>\"]]\n",
    );
    ws.write("articles/site.md", SITE);
    ws.mkdir("locales/ko");
    ws
}

fn segment_texts(ws: &Workspace) -> Vec<String> {
    segments_of(ws, "articles/site.md")
}

/// The article built in Korean with every segment translated by `translate`.
fn built(ws: &Workspace, translate: impl Fn(&str, &str) -> String) -> String {
    ws.run(&["extract"]).expect_code(0);
    ws.translate("ko", "site", |id, source| Some(translate(id, source)));
    ws.run(&["build", "--lang", "ko"]).expect_code(0);
    ws.read("build/ko/site.md")
}

/// HTML as a CommonMark reader with the same extensions renders it.
fn render(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_DEFINITION_LIST;
    let mut out = String::new();
    html::push_html(&mut out, Parser::new_ext(markdown, options));
    out
}

#[test]
fn constructs_are_segmented_as_the_structure_they_are() {
    let ws = workspace();
    assert_eq!(
        segment_texts(&ws),
        [
            "Term",
            "The first definition.",
            "It has two sentences.",
            "A second definition.",
            "Useful information.",
            "Read it.",
            "Open me",
            "Hidden text.",
            "Pro tip",
            "Docusaurus body.",
            "Mind the gap",
            "MkDocs body.",
            "Second one.",
            "Heading",
            "A paragraph with a footnote[^1] and {{< ref \"a.b. c.md\" >}} in it.",
            "Notice text.",
            "Two.",
            "Task one.",
            "Name",
            "Value",
            "Cell one.",
            "Cell two.",
            "Press <<key Ctrl. C>> now.",
            "The footnote text.",
            "Another.",
        ]
    );
}

#[test]
fn a_translated_build_keeps_markers_definitions_tags_and_attributes() {
    let ws = workspace();
    let out = built(&ws, |id, _| format!("번역 {id}."));
    // Marker lines, attribute lists and template tags stay as they were,
    // each on its own line.
    for line in [
        "> [!NOTE]\n> 번역",
        "> [!tip]- 번역",
        ":::note 번역",
        "\n:::\n",
        "!!! warning \"번역",
        "\n    번역",
        " {#custom-id}\n",
        "{: .lead}\n번역",
        "{{< figure src=\"x.png\" >}}\n",
        "{{< highlight ruby >}}\n# Not a heading. Code.\nx = 1\n\ny = 2\n{{< /highlight >}}\n",
        "{% raw %}\nRaw {{ stuff }}. Here.\n{% endraw %}\n",
        "import Tabs from '@theme/Tabs';\n",
        "{{% notice info %}}번역",
        "{{% /notice %}}\n",
    ] {
        assert!(out.contains(line), "{line:?} missing from:\n{out}");
    }
    assert!(
        !out.contains("Docusaurus body") && !out.contains("Hidden text"),
        "{out}"
    );
    let html = render(&out);
    // The definition list: a term and two definitions.
    assert!(html.contains("<dl>\n<dt>번역"), "{html}");
    assert_eq!(html.matches("<dd>번역").count(), 2, "{html}");
    // The alert's marker is the first line of its quote, alone.
    assert!(html.contains("<blockquote>\n<p>[!NOTE]\n번역"), "{html}");
    // The table, the task and the footnote kept their form.
    assert_eq!(html.matches("<td>번역").count(), 2, "{html}");
    assert!(html.contains("type=\"checkbox\""), "{html}");
    assert!(html.contains("class=\"footnote-definition\""), "{html}");
    assert!(html.contains("<h2>번역"), "{html}");
}

#[test]
fn identity_translations_build_the_article_byte_for_byte() {
    let ws = workspace();
    let out = built(&ws, |_, source| source.to_string());
    assert_eq!(out, SITE);
}

#[test]
fn a_bad_markdown_setting_is_refused_at_its_line() {
    let ws = workspace();
    ws.write(
        "l10n.toml",
        "source-lang = \"en\"\n\n[markdown]\nopaque = [[\"<<\", \"\"]]\n",
    );
    refuses(
        &ws,
        &["segment", "articles/site.md"],
        &["l10n.toml:4:", "[markdown]", "opaque"],
    );
    ws.write(
        "l10n.toml",
        "source-lang = \"en\"\n\n[markdown]\nfront-matter = [\"title\", \"two words\"]\n",
    );
    refuses(&ws, &["extract"], &["l10n.toml:4:", "front-matter"]);
}

const YAML_ARTICLE: &str = "---
title: Getting started. Fast
description: Learn the basics. Then go
  further.
summary: 'A short summary.'
tags: [intro, guide]
layout: post
---

Body text.
";

const TOML_ARTICLE: &str = "+++
title = \"TOML title\"
description = 'Literal description. Two.'
draft = false
[params]
summary = \"Not top level.\"
+++

Body.
";

fn front_matter_workspace(config: &str) -> Workspace {
    let ws = Workspace::new();
    ws.write(
        "l10n.toml",
        &format!("source-lang = \"en\"\nlanguages = [\"ko\"]\n{config}"),
    );
    ws.write("articles/yaml.md", YAML_ARTICLE);
    ws.write("articles/toml.md", TOML_ARTICLE);
    ws.mkdir("locales/ko");
    ws
}

#[test]
fn front_matter_values_of_listed_keys_are_segments_a_title_whole() {
    let ws = front_matter_workspace("");
    assert_eq!(
        segments_of(&ws, "articles/yaml.md"),
        [
            "Getting started. Fast",
            "Learn the basics.",
            "Then go further.",
            "A short summary.",
            "Body text."
        ]
    );
    assert_eq!(
        segments_of(&ws, "articles/toml.md"),
        ["TOML title", "Literal description.", "Two.", "Body."]
    );
    let ws = front_matter_workspace("[markdown]\nfront-matter = [\"layout\", \"tags\"]\n");
    assert_eq!(segments_of(&ws, "articles/yaml.md"), ["post", "Body text."]);
}

#[test]
fn a_translated_front_matter_is_quoted_as_its_text_needs() {
    let ws = front_matter_workspace("");
    ws.run(&["extract"]).expect_code(0);
    let yaml = [
        ("Getting started. Fast", "시작하기: \"첫\" 걸음 #1"),
        ("Learn the basics.", "- 기초를 배웁니다."),
        ("Then go further.", "그다음\n더 나아갑니다."),
        ("A short summary.", "& 요약 'x'"),
    ];
    let toml_pairs = [
        ("TOML title", "제목 \"따옴표\" \\ 백슬래시\t탭"),
        ("Literal description.", "It's 설명."),
        ("Two.", "둘\n셋."),
    ];
    for (article, pairs) in [("yaml", &yaml[..]), ("toml", &toml_pairs[..])] {
        ws.translate("ko", article, |_, source| {
            pairs
                .iter()
                .find(|(s, _)| *s == source)
                .map(|(_, t)| t.to_string())
        });
    }
    ws.run(&["build", "--lang", "ko"]).expect_code(0);

    // TOML: read back by the toml crate.
    let built = ws.read("build/ko/toml.md");
    let front = built.split("+++\n").nth(1).unwrap();
    let table: toml::Table = front.parse().unwrap_or_else(|e| panic!("{e}\n{built}"));
    assert_eq!(table["title"].as_str(), Some(toml_pairs[0].1));
    assert_eq!(table["description"].as_str(), Some("It's 설명. 둘\n셋."));
    assert_eq!(table["params"]["summary"].as_str(), Some("Not top level."));
    assert!(built.ends_with("+++\n\nBody.\n"), "{built}");

    // YAML: read back by PyYAML.
    let built = ws.read("build/ko/yaml.md");
    assert!(
        built.ends_with("tags: [intro, guide]\nlayout: post\n---\n\nBody text.\n"),
        "{built}"
    );
    let Some(read) = crate::markdown_reader::yaml_front_matter(&ws, &built) else {
        return;
    };
    assert_eq!(read["title"], yaml[0].1, "{built}");
    assert_eq!(
        read["description"], "- 기초를 배웁니다. 그다음\n더 나아갑니다.",
        "{built}"
    );
    assert_eq!(read["summary"], yaml[3].1, "{built}");
    assert_eq!(read["tags"], serde_json::json!(["intro", "guide"]));
}

#[test]
fn identity_front_matter_builds_byte_for_byte() {
    let ws = front_matter_workspace("");
    ws.run(&["extract"]).expect_code(0);
    for article in ["yaml", "toml"] {
        ws.translate("ko", article, |_, source| Some(source.to_string()));
    }
    ws.run(&["build", "--lang", "ko"]).expect_code(0);
    assert_eq!(ws.read("build/ko/yaml.md"), YAML_ARTICLE);
    assert_eq!(ws.read("build/ko/toml.md"), TOML_ARTICLE);
}

const HTML_ARTICLE: &str = "Intro.

<div class=\"card\">
<p align=\"center\">A <b>bold</b> claim. Second one.</p>
<img src=\"cat.png\" alt=\"A cat\">
<pre>code. Stays.</pre>
<ul>
  <li>One item.</li>
</ul>
<details><summary>More</summary></details>
</div>

<!-- A comment. Not text. -->
";

#[test]
fn html_blocks_offer_their_prose_and_keep_their_markup() {
    let ws = Workspace::new();
    ws.write("l10n.toml", KO_CONFIG);
    ws.write("articles/page.md", HTML_ARTICLE);
    ws.mkdir("locales/ko");
    assert_eq!(
        segments_of(&ws, "articles/page.md"),
        [
            "Intro.",
            "A <b>bold</b> claim.",
            "Second one.",
            "A cat",
            "One item.",
            "More"
        ]
    );
    ws.run(&["extract"]).expect_code(0);
    ws.translate("ko", "page", |_, source| Some(source.to_string()));
    ws.run(&["build", "--lang", "ko"]).expect_code(0);
    assert_eq!(ws.read("build/ko/page.md"), HTML_ARTICLE, "identity");

    ws.translate("ko", "page", |id, source| {
        Some(match source {
            "A <b>bold</b> claim." => "<b>굵은</b> 주장.".to_string(),
            _ => format!("번역 {id}"),
        })
    });
    ws.run(&["build", "--lang", "ko"]).expect_code(0);
    let html = render(&ws.read("build/ko/page.md"));
    for kept in [
        "<p align=\"center\"><b>굵은</b> 주장. 번역 ",
        "alt=\"번역 ",
        "<pre>code. Stays.</pre>",
        "<li>번역 ",
        "<summary>번역 ",
        "<!-- A comment. Not text. -->",
    ] {
        assert!(html.contains(kept), "{kept:?} missing from:\n{html}");
    }
}
