//! Built articles read back as readers of the wild read them: the block
//! tree, links, code and footnotes pulldown-cmark sees, front matter as
//! PyYAML reads it, and the segments `l10n segment` prints. Shared by the Markdown and build tests.
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::util::Workspace;

/// The texts of the segments `l10n segment FILE` prints.
pub fn segments_of(ws: &Workspace, file: &str) -> Vec<String> {
    let run = ws.run(&["segment", file]).expect_code(0);
    run.stdout
        .lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).unwrap();
            value["text"].as_str().unwrap().to_string()
        })
        .collect()
}

/// The reader's view of an article: every block opening and closing in
/// order, every link or image with its form and destination, code spans
/// and footnote references; text left out (it is what a translation
/// changes).
pub fn outline(markdown: &str) -> Vec<String> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    Parser::new_ext(markdown, options)
        .filter_map(|event| match event {
            Event::Start(
                Tag::Link {
                    link_type,
                    dest_url,
                    ..
                }
                | Tag::Image {
                    link_type,
                    dest_url,
                    ..
                },
            ) => Some(format!("link {link_type:?} {dest_url}")),
            Event::Start(Tag::MetadataBlock(_)) => Some("front matter".to_string()),
            Event::Start(Tag::Heading { level, .. }) => Some(format!("heading {level:?}")),
            Event::Start(
                tag @ (Tag::Paragraph
                | Tag::BlockQuote(_)
                | Tag::List(_)
                | Tag::Item
                | Tag::Table(_)
                | Tag::TableRow
                | Tag::TableCell
                | Tag::CodeBlock(_)
                | Tag::FootnoteDefinition(_)
                | Tag::HtmlBlock),
            ) => Some(format!("{tag:?}")),
            Event::End(
                end @ (TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::List(_)
                | TagEnd::Item
                | TagEnd::Table
                | TagEnd::TableCell
                | TagEnd::CodeBlock),
            ) => Some(format!("end {end:?}")),
            Event::Rule => Some("rule".to_string()),
            Event::Code(code) => Some(format!("code {code}")),
            Event::FootnoteReference(name) => Some(format!("footnote {name}")),
            _ => None,
        })
        .collect()
}

/// The YAML front matter of a built article as PyYAML reads it (as JSON);
/// `None` when python3 has no yaml module (`.ci/run` installs it; under
/// `CI` its absence fails).
pub fn yaml_front_matter(ws: &Workspace, built: &str) -> Option<serde_json::Value> {
    if !crate::readers::have_python(&["yaml"], "the built YAML front matter") {
        return None;
    }
    ws.write("front.yaml", built.split("---\n").nth(1).unwrap());
    Some(crate::readers::python(
        "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1], encoding='utf-8'))))",
        &[&ws.path("front.yaml")],
    ))
}
