//! Markdown structure: what is a block, what is translatable, what stays whole.
use crate::util::Workspace;

/// The segments `l10n segment` prints for a file: (block, text).
fn segments(ws: &Workspace, file: &str, args: &[&str]) -> Vec<(u64, String)> {
    let mut all = vec!["segment"];
    all.extend_from_slice(args);
    all.push(file);
    let run = ws.run(&all).expect_code(0);
    run.stdout
        .lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            (
                value["block"].as_u64().unwrap(),
                value["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn texts(segments: &[(u64, String)]) -> Vec<&str> {
    segments.iter().map(|(_, t)| t.as_str()).collect()
}

const DOC: &str = "---
layout: Front matter of a key not listed is not translated.
---

# A heading. With two sentences

Intro text with a [link to the U.S. report](https://example.com/v1.2/report.html). And *emphasis with a
soft wrap* in it, plus `code. span` inside.

```rust
// Code is not translated. Not even comments.
let x = 1;
```

    indented code. Also left alone.

<div>HTML blocks are not translated.</div>

- First item. Second sentence of the item.
- Second item
  1. Nested item.

> Quoted text spans
> two lines. Then a second sentence.

> A `code span
> across` lines stays whole.

| Column one | Column two. Still two. |
|------------|------------------------|
| Cell A.    | Cell B.                |
";

#[test]
fn blocks_code_and_inline_markup() {
    let ws = Workspace::new();
    ws.write("doc.md", DOC);
    let segments = segments(&ws, "doc.md", &[]);
    assert_eq!(
        texts(&segments),
        [
            "A heading.",
            "With two sentences",
            "Intro text with a [link to the U.S. report](https://example.com/v1.2/report.html).",
            "And *emphasis with a soft wrap* in it, plus `code. span` inside.",
            "First item.",
            "Second sentence of the item.",
            "Second item",
            "Nested item.",
            "Quoted text spans two lines.",
            "Then a second sentence.",
            "A `code span across` lines stays whole.",
            "Column one",
            "Column two.",
            "Still two.",
            "Cell A.",
            "Cell B.",
        ]
    );
    // Each heading, paragraph, list item and cell is a block of its own.
    let blocks: Vec<u64> = segments.iter().map(|(b, _)| *b).collect();
    assert_eq!(blocks, [0, 0, 1, 1, 2, 2, 3, 4, 5, 5, 6, 7, 8, 8, 9, 10]);
}

#[test]
fn code_blocks_never_reach_the_catalog() {
    let ws = Workspace::new();
    ws.mkdir("locales/ko");
    ws.write("articles/doc.md", DOC);
    ws.run(&["extract"]).expect_code(0);
    let catalog = ws.read("locales/ko/doc.toml");
    for untouched in [
        "Code is not translated",
        "indented code",
        "HTML blocks",
        "Front matter",
    ] {
        assert!(
            !catalog.contains(untouched),
            "{untouched} leaked into the catalog"
        );
    }
    assert!(catalog.contains("https://example.com/v1.2/report.html"));
}

#[test]
fn plain_text_lines_are_hard_breaks() {
    let ws = Workspace::new();
    ws.write(
        "doc.txt",
        "Headline on its own line\nPosted Jan. 10, 2019 08:04\n\nA paragraph. Of two sentences.\n",
    );
    let found = segments(&ws, "doc.txt", &[]);
    assert_eq!(
        texts(&found),
        [
            "Headline on its own line",
            "Posted Jan. 10, 2019 08:04",
            "A paragraph.",
            "Of two sentences."
        ]
    );
    ws.write("doc.md", &ws.read("doc.txt"));
    assert_eq!(segments(&ws, "doc.md", &["--plain"]), found);
}

#[test]
fn bom_and_crlf_are_accepted() {
    let ws = Workspace::new();
    ws.write_bytes(
        "doc.md",
        b"\xEF\xBB\xBF# Title\r\n\r\nOne line\r\nwrapped. Next one.\r\n",
    );
    assert_eq!(
        texts(&segments(&ws, "doc.md", &[])),
        ["Title", "One line wrapped.", "Next one."]
    );
}

#[test]
fn segment_reads_standard_input_and_korean_rules() {
    let ws = Workspace::new();
    ws.write("ko.txt", "김 위원장이 방문했다. 전문가들은 말한다!\n");
    let segments = segments(&ws, "ko.txt", &["--lang", "ko"]);
    assert_eq!(
        texts(&segments),
        ["김 위원장이 방문했다.", "전문가들은 말한다!"]
    );
}

#[test]
fn explain_names_the_rule_of_each_boundary() {
    let ws = Workspace::new();
    ws.write(
        "doc.txt",
        "Posted January. 10, 2019 08:04\nTalks with the U.S. Moreover, Mr. Kim left.\n",
    );
    let run = ws.run(&["segment", "--explain", "doc.txt"]).expect_code(0);
    let decisions: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let find = |before: &str| {
        decisions
            .iter()
            .find(|d| d["before"].as_str().unwrap().ends_with(before))
            .unwrap_or_else(|| panic!("no decision after {before:?}: {}", run.stdout))
    };
    assert_eq!(find("January.")["split"], false);
    assert_eq!(find("the U.S.")["split"], true);
    assert_eq!(find("Mr.")["split"], false);
    for decision in &decisions {
        assert!(!decision["rule"].as_str().unwrap().is_empty());
    }
}

#[test]
fn workspace_abbreviations_extend_the_rules() {
    let ws = Workspace::new();
    ws.write("doc.txt", "He met Abc. Kim today.\n");
    assert_eq!(
        texts(&segments(&ws, "doc.txt", &[])),
        ["He met Abc.", "Kim today."]
    );
    ws.write("l10n.toml", "[segmenter]\nabbreviations = [\"Abc\"]\n");
    assert_eq!(
        texts(&segments(&ws, "doc.txt", &[])),
        ["He met Abc. Kim today."]
    );
}

#[test]
fn workspace_no_break_patterns_extend_the_rules() {
    let ws = Workspace::new();
    ws.write("doc.txt", "He joined Warner Bros. Pictures later.\n");
    assert_eq!(
        texts(&segments(&ws, "doc.txt", &[])),
        ["He joined Warner Bros.", "Pictures later."]
    );
    ws.write("l10n.toml", "[segmenter]\nno-break = [\"Bros.| *\"]\n");
    assert_eq!(
        texts(&segments(&ws, "doc.txt", &[])),
        ["He joined Warner Bros. Pictures later."]
    );
    ws.write("l10n.toml", "[segmenter]\nno-break = [\"Bros. *\"]\n");
    let run = ws.run(&["segment", "doc.txt"]).expect_code(2);
    assert!(
        run.stderr.contains("invalid no-break pattern"),
        "{}",
        run.stderr
    );
}
