//! Translated builds read back by a CommonMark reader (pulldown-cmark, as
//! the article is read): the same block tree as the source (block quote
//! depth of every paragraph, list items, tables), the same links in the
//! same reference forms to the same destinations; sentences of languages
//! written without spaces joined without one; and the segments left in
//! the source language counted, and refused with `--strict`.
use crate::markdown_reader::outline;
use crate::util::{SEED_ID, Workspace};

/// A workspace with `articles/<name>` and the languages' empty catalogs.
fn workspace(article: &str, text: &str, langs: &[&str]) -> Workspace {
    let ws = Workspace::new();
    ws.write(&format!("articles/{article}.md"), text);
    for lang in langs {
        ws.mkdir(&format!("locales/{lang}"));
    }
    ws.run(&["extract"]).expect_code(0);
    ws
}

#[track_caller]
fn assert_same_structure(source: &str, built: &str) {
    assert_eq!(
        outline(built),
        outline(source),
        "the build's block tree or links differ from the source's:\n{built}"
    );
}

const QUOTES: &str = "\
> A quoted sentence that wraps
> over two lines. Second one here.
>
> > Nested quote sentence that
> > wraps too. And a second one
> > that wraps as well.
>
> - Quoted item that
>   wraps. Second
> lazily.

> Lazy continuation sentence
that continues lazily. Then more.
";

const ITEMS: &str = "\
- Item sentence that wraps
  onto the next line. Another.

  > Quote in an item that
  > wraps here. Next one
  > here.

1. > > Deep in an item that
   > > wraps. And more.
";

#[test]
fn wrapped_quotes_keep_their_markers_and_depth() {
    for (name, text) in [("quotes", QUOTES), ("items", ITEMS)] {
        let ws = workspace(name, text, &["ko"]);
        // Translations on one line, then with a line break of their own,
        // which must continue inside the same containers (on a lazy line
        // too, whose containers are those of its block's first line).
        for second_line in ["", "\n다음 줄."] {
            ws.translate("ko", name, |id, _| Some(format!("번역 {id}.{second_line}")));
            ws.run(&["build", "--lang", "ko"]).expect_code(0);
            let built = ws.read(&format!("build/ko/{name}.md"));
            assert_same_structure(text, &built);
            assert!(!built.contains("sentence"), "all translated:\n{built}");
            if name == "quotes" {
                // The source's only line without `>` is the lazy one; its
                // sentences are placed on the line before, and a line
                // break a translation adds there gets the `>` back.
                for line in built.lines().filter(|l| !l.trim().is_empty()) {
                    assert!(line.starts_with('>'), "{line:?} lost its `>`:\n{built}");
                }
            }
        }
    }
}

const LINKS: &str = "\
# Heading with [front matter][]

See [front matter][] and [the docs][docs] and [shortcut]. A collapsed [front
matter][] wraps here, and ![an image][] too.

Ends with a collapsed [front matter][]

| Cell |
|------|
| A [shortcut] and [front matter][] |

[front matter]: https://example.com/fm
[docs]: https://example.com/docs
[shortcut]: https://example.com/s
[an image]: https://example.com/i.png
";

#[test]
fn reference_links_keep_their_form() {
    let ws = workspace("links", LINKS, &["ko"]);
    let catalog = ws.read("locales/ko/links.toml");
    // The catalog has a collapsed link ending a block as `[x]`: the
    // translation is written from that, its words moved around the link.
    assert!(
        catalog.contains("source = \"Ends with a collapsed [front matter]\""),
        "{catalog}"
    );
    let links = regex::Regex::new(r"!?\[[^\]]*\](\[[^\]]*\])?").unwrap();
    ws.translate("ko", "links", |_, source| {
        let found: Vec<&str> = links.find_iter(source).map(|m| m.as_str()).collect();
        Some(format!("링크 {} 번역.", found.join(" 그리고 ")))
    });
    ws.run(&["build", "--lang", "ko"]).expect_code(0);
    let built = ws.read("build/ko/links.md");
    assert_same_structure(LINKS, &built);
    assert!(
        !built.contains("[]번역") && !built.contains(".[]"),
        "{built}"
    );
    // Building the source language is still the article byte for byte.
    ws.run(&["build", "--lang", "en"]).expect_code(0);
    assert_eq!(ws.read("build/en/links.md"), LINKS);
}

const SENTENCES: &str = "\
One sentence here. Two sentence here. Three stays.

First line sentence.
Second line sentence.

> Quoted one. Quoted two.
";

/// Builds `lang` with every sentence but "Three stays." translated as
/// `<lang>N.`, and returns the article.
fn built_in(ws: &Workspace, lang: &str) -> String {
    let n = std::cell::Cell::new(0);
    ws.translate(lang, "sentences", |_, source| {
        n.set(n.get() + 1);
        (source != "Three stays.").then(|| format!("{lang}{}。", n.get()))
    });
    ws.run(&["build", "--lang", lang]).expect_code(0);
    ws.read(&format!("build/{lang}/sentences.md"))
}

#[test]
fn japanese_and_chinese_sentences_are_joined_without_a_space() {
    let langs = ["ja", "zh-Hant", "yue", "ko", "th"];
    let ws = workspace("sentences", SENTENCES, &langs);
    for lang in ["ja", "zh-Hant", "yue"] {
        assert_eq!(
            built_in(&ws, lang),
            format!(
                "{lang}1。{lang}2。 Three stays.\n\n{lang}4。\n{lang}5。\n\n> {lang}6。{lang}7。\n"
            ),
            "{lang}: joined on a line, a source sentence keeps its space, lines stay"
        );
    }
    for lang in ["ko", "th"] {
        assert_eq!(
            built_in(&ws, lang),
            format!(
                "{lang}1。 {lang}2。 Three stays.\n\n{lang}4。\n{lang}5。\n\n> {lang}6。 {lang}7。\n"
            ),
            "{lang} keeps the space between sentences"
        );
    }
    ws.run(&["build", "--lang", "en"]).expect_code(0);
    assert_eq!(ws.read("build/en/sentences.md"), SENTENCES);
}

#[test]
fn a_japanese_source_builds_back_byte_for_byte() {
    let text = "# 見出し\n\n一つ目の文。 二つ目の文。  三つ目。\n";
    let ws = Workspace::new();
    ws.write("l10n.toml", "source-lang = \"ja\"\nlanguages = [\"en\"]\n");
    ws.write("articles/ja.md", text);
    ws.run(&["extract"]).expect_code(0);
    ws.run(&["build", "--lang", "ja"]).expect_code(0);
    assert_eq!(ws.read("build/ja/ja.md"), text);
}

#[test]
fn segments_left_in_the_source_language_are_counted_and_refused_when_strict() {
    let ws = Workspace::seeded();
    ws.write("articles/done.md", "# Done\n\nAll of it. Translated.\n");
    ws.write("articles/partial.md", "# Partial\n\nOne. Two. Three.\n");
    ws.run(&["extract"]).expect_code(0);
    ws.translate("ko", SEED_ID, |id, _| Some(format!("번역 {id}")));
    ws.translate("ko", "done", |id, _| Some(format!("번역 {id}")));
    ws.translate("ko", "partial", |id, source| {
        (source == "Partial").then(|| format!("번역 {id}"))
    });

    let run = ws.run(&["build", "--lang", "ko"]).expect_code(0);
    assert!(
        run.stdout
            .contains("ko: 3 segments in the source language en, in 1 article"),
        "{}",
        run.stdout
    );
    assert!(
        ws.read("build/ko/partial.md")
            .ends_with("One. Two. Three.\n")
    );

    let ws = Workspace::seeded();
    ws.write("articles/done.md", "# Done\n\nAll of it. Translated.\n");
    ws.write("articles/partial.md", "# Partial\n\nOne. Two. Three.\n");
    ws.run(&["extract"]).expect_code(0);
    ws.translate("ko", "done", |id, _| Some(format!("번역 {id}")));
    ws.translate("ko", "partial", |id, source| {
        (source == "Partial").then(|| format!("번역 {id}"))
    });
    let run = ws
        .run(&["build", "--lang", "ko", "--strict"])
        .expect_code(1);
    assert!(
        run.stdout
            .contains("refused partial: 3 segments in the source language en"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("wrote build/ko/done.md"),
        "{}",
        run.stdout
    );
    assert!(!ws.path("build/ko/partial.md").exists());
    assert!(!ws.path(&format!("build/ko/{SEED_ID}.md")).exists());

    // Fully translated, --strict writes everything and passes, silent
    // about the source language.
    ws.translate("ko", "partial", |id, _| Some(format!("번역 {id}")));
    ws.translate("ko", SEED_ID, |id, _| Some(format!("번역 {id}")));
    let run = ws
        .run(&["build", "--lang", "ko", "--strict"])
        .expect_code(0);
    assert!(!run.stdout.contains("source language"), "{}", run.stdout);
    assert!(ws.path("build/ko/partial.md").exists());
}
