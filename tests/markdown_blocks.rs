//! Markdown as documentation sites write it, through the binary: definition
//! lists, alerts and admonitions, footnotes, task lists, tables, attribute
//! lists and template tags are read as the structure they are, and a
//! translated build keeps that structure (read back by pulldown-cmark).
use pulldown_cmark::{Options, Parser, html};

use crate::util::{Workspace, refuses};

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
    let run = ws.run(&["segment", "articles/site.md"]).expect_code(0);
    run.stdout
        .lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            value["text"].as_str().unwrap().to_string()
        })
        .collect()
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
