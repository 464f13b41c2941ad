//! The segments of the Markdown constructs documentation sites write:
//! definition lists, alerts and admonitions, footnotes, task lists, tables,
//! attribute lists, template tags.
use super::{Format, MarkdownSettings, segments};
use crate::segment::Rules;

/// (block, text) of each segment.
fn read(text: &str, settings: &MarkdownSettings) -> Vec<(usize, String)> {
    segments(text, Format::Markdown(settings), &Rules::for_language("en"))
        .into_iter()
        .map(|s| (s.block, s.text))
        .collect()
}

fn texts(text: &str) -> Vec<String> {
    read(text, &MarkdownSettings::default())
        .into_iter()
        .map(|(_, t)| t)
        .collect()
}

#[test]
fn a_definition_list_term_and_each_definition_are_blocks() {
    let text = "Term\n: First definition. Two.\n: Second definition.\n";
    assert_eq!(
        read(text, &MarkdownSettings::default()),
        [
            (0, "Term".to_string()),
            (1, "First definition.".to_string()),
            (1, "Two.".to_string()),
            (2, "Second definition.".to_string()),
        ]
    );
}

#[test]
fn alert_and_admonition_markers_are_not_text_their_titles_are() {
    let text = "> [!NOTE]\n> Body one. Body two.\n\n> [!note]- Title here\n> Body.\n\n\
                :::tip[Docusaurus title]\nTip body.\n:::\n\n:::warning\nPlain.\n:::\n\n\
                !!! note \"MkDocs title\"\n\n    Indented body. Two.\n\n    - Item.\n\n\
                ???+ tip\n    Lazy body.\n";
    assert_eq!(
        texts(text),
        [
            "Body one.",
            "Body two.",
            "Title here",
            "Body.",
            "Docusaurus title",
            "Tip body.",
            "Plain.",
            "MkDocs title",
            "Indented body.",
            "Two.",
            "Item.",
            "Lazy body.",
        ]
    );
    // A title is a block of its own, not glued to the body.
    let blocks: Vec<usize> = read("> [!note]- T\n> Body.\n", &MarkdownSettings::default())
        .into_iter()
        .map(|(b, _)| b)
        .collect();
    assert_eq!(blocks, [0, 1]);
}

#[test]
fn an_alert_marker_is_one_only_at_the_start_of_a_quote() {
    assert_eq!(texts("> Text.\n> [!NOTE]\n"), ["Text. [!NOTE]"]);
    assert_eq!(texts("[!NOTE] Text.\n"), ["[!NOTE] Text."]);
}

#[test]
fn footnotes_task_lists_tables_and_attribute_lists() {
    let text = "## Heading {#custom-id}\n\n{: .lead}\nText with a note[^1].\n\n\
                - [ ] A task.\n- [x] Done.\n\n| A | Bee here. See. |\n|---|---|\n| 1 | Cell. |\n\n\
                [^1]: The note. Its second sentence.\n";
    assert_eq!(
        texts(text),
        [
            "Heading",
            "Text with a note[^1].",
            "A task.",
            "Done.",
            "A",
            "Bee here.",
            "See.",
            // The cell `1` has nothing to translate: not offered.
            "Cell.",
            "The note.",
            "Its second sentence.",
        ]
    );
}

#[test]
fn template_tags_are_kept_out_of_the_text_and_never_split() {
    let text = "{{< figure src=\"x.png\" >}}\n\n\
                {{< highlight ruby >}}\n# Not a heading. Code.\n\nx = 1\n{{< /highlight >}}\n\n\
                {{% notice info %}}Notice text. Two.{{% /notice %}}\n\n\
                {% raw %}\nRaw {{ x }}. Here.\n{% endraw %}\n\n\
                {% comment %}\nA comment. Hidden.\n{% endcomment %}\n\n\
                See {{< ref \"a.b. c.md\" >}} here. And {{ site.v. }} there.\n\n\
                Intro line.\n{% include note.html %}\nNext line.\n\n\
                import Tabs from '@theme/Tabs';\n\n{# A Jinja comment. #}\n";
    assert_eq!(
        texts(text),
        [
            "Notice text.",
            "Two.",
            "See {{< ref \"a.b. c.md\" >}} here.",
            "And {{ site.v. }} there.",
            "Intro line.",
            "Next line.",
        ]
    );
}

#[test]
fn a_house_tag_is_kept_out_like_the_built_in_ones() {
    let settings = MarkdownSettings {
        opaque: vec![("[[%".into(), "%]]".into())],
        ..MarkdownSettings::default()
    };
    let got: Vec<String> = read(
        "[[% box %]]\n\nPress [[% key C. %]] now. Done.\n",
        &settings,
    )
    .into_iter()
    .map(|(_, t)| t)
    .collect();
    assert_eq!(got, ["Press [[% key C. %]] now.", "Done."]);
}

#[test]
fn front_matter_values_of_the_listed_keys_a_title_unsplit() {
    let text = "---\ntitle: One. Two\ndescription: >\n  First. Second\n  line.\ntags: [a]\n\
                layout: post\n---\n\nBody.\n";
    assert_eq!(
        read(text, &MarkdownSettings::default()),
        [
            (0, "One. Two".to_string()),
            (1, "First.".to_string()),
            (1, "Second line.".to_string()),
            (2, "Body.".to_string()),
        ]
    );
    let settings = MarkdownSettings {
        front_matter: vec!["layout".into(), "tags".into()],
        ..MarkdownSettings::default()
    };
    assert_eq!(
        read("+++\nlayout = 'post'\ntags = ['a']\n+++\n", &settings),
        [(0, "post".to_string())]
    );
}
#[test]
fn only_the_first_block_is_front_matter() {
    // pulldown-cmark reads a later `---` … `---` as metadata too: not ours.
    let text = "---\ntitle: x\n---\nText.\n\n---\ntitle: y\n---\n";
    assert_eq!(texts(text), ["x", "Text."]);
}
