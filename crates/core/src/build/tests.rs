//! Build tests: identity builds reproduce articles byte for byte, hostile
//! translations keep the block structure.
use super::*;
use crate::article::{self, Format};
use crate::segment::Rules;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::placement::{Place, Places};

const FRONT_MATTER: &str = "---\ntitle: \"Kim's visit\"\ntags: [a, b]\n---\n\n# Title here\n\nBody text. Second sentence.\n";
const TABLE: &str = "| Name | Note |\n|------|:----:|\n| Kim | Visited *China*. Again. |\n| `a|b` | x \\| y |\n\nAfter the table.\n";
const NESTED: &str = "1. First item. It has two sentences.\n   - Nested bullet with a [link](http://x.test/a).\n     Continued here.\n   - Second nested.\n2. Second item.\n\n- [ ] Task open.\n- [x] Task done.\n\n* Star item\n+ Plus item\n";
const QUOTE: &str = "> A quote that wraps\n> over lines. And a second\n> sentence here.\n>\n> > Nested quote. With *emphasis\n> > over a break*.\n\n> Lazy start\nlazy continuation. Next one.\n";
const CODE: &str = "Intro text.\n\n```rust\nfn main() { println!(\"# not a heading\"); }\n```\n\n    indented code\n\n~~~\nfence two\n~~~\n\n<div>\nraw html\n</div>\n\nOutro `code span` here.\n";
const CRLF: &str =
    "# Heading\r\n\r\nFirst line\r\nsecond line. Another.\r\n\r\n- item one\r\n- item two\r\n";
const KOREAN: &str = "# 김정은, 중국 방문\n\n북한 김정은 국무위원장이 중국을 다시 방문했다. 전문가들은 “설득에 실패했기 때문”이라고\n말한다.\n\n> 인용문입니다. 두 번째 문장.\n";
const EMPHASIS: &str = "Some *emphasis that\nspans a soft break* here. And **strong\nacross** too.\n\nA [link that\nwraps](http://x.test) ends. Hard break here  \nafter it. Backslash break\\\nnext.\n";
const MIXED: &str = "Setext heading\n==============\n\nOther heading\n---\n\nText with trailing spaces   \n\n***\n\nTerm[^1] with a footnote.\n\n[^1]: The note. Its second sentence.\n\n[ref]: http://x.test\n\n# ATX closed #\n\nLast line without newline.";

const TRICKY: &[&str] = &[
    FRONT_MATTER,
    TABLE,
    NESTED,
    QUOTE,
    CODE,
    CRLF,
    KOREAN,
    EMPHASIS,
    MIXED,
    "",
    "\n",
    "Just one line",
];

fn segs(text: &str) -> Vec<Segment> {
    article::segments(text, Format::markdown(), &Rules::for_language("en"))
}

/// `text` built with every segment translated as `translation`, without a
/// marker, sentences apart by a space.
fn translated_as(text: &str, segments: &[Segment], translation: &str) -> String {
    build_article(
        text,
        segments,
        |_| Fill::Translated(translation),
        None,
        SentenceGap::Space,
    )
}

fn identity(text: &str, segments: &[Segment]) -> String {
    build_article(
        text,
        segments,
        |i| Fill::Translated(&text[segments[i].span.clone()]),
        None,
        SentenceGap::Space,
    )
}

/// The block structure a CommonMark parser sees: block tags and rules.
fn structure(text: &str) -> Vec<String> {
    Parser::new_ext(text, crate::article::MARKDOWN_OPTIONS)
        .filter_map(|event| match event {
            Event::Start(tag) if is_structure(&tag.to_end()) => Some(format!("{:?}", strip(tag))),
            Event::End(tag) if is_structure(&tag) => Some(format!("end {tag:?}")),
            Event::Rule => Some("rule".to_string()),
            _ => None,
        })
        .collect()
}

/// The block tags [`structure`] shows (their start tags too).
fn is_structure(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::HtmlBlock
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::FootnoteDefinition
            | TagEnd::Table
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::TableCell
            | TagEnd::MetadataBlock(_)
    )
}

/// A tag without the details a translation may change (heading ids,
/// code block info is kept).
fn strip(tag: Tag) -> Tag {
    match tag {
        Tag::Heading { level, .. } => Tag::Heading {
            level,
            id: None,
            classes: vec![],
            attrs: vec![],
        },
        other => other,
    }
}

fn repo_articles() -> Vec<(std::path::PathBuf, String)> {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.push(path);
            }
        }
    }
    // The repository's articles, two folders above this crate.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../articles");
    let mut paths = Vec::new();
    walk(&root, &mut paths);
    paths.sort();
    paths
        .into_iter()
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("md" | "markdown" | "txt")
            )
        })
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            let text = article::decode(&p, &bytes).unwrap();
            (p, text)
        })
        .collect()
}

#[test]
fn identity_reproduces_tricky_markdown() {
    for text in TRICKY {
        let segments = segs(text);
        assert_eq!(text.trim().is_empty(), segments.is_empty());
        assert_eq!(identity(text, &segments), *text);
        // Also when every segment is marked outdated but no marker is set,
        // and when every segment is missing.
        let outdated = build_article(
            text,
            &segments,
            |i| Fill::Outdated(&text[segments[i].span.clone()]),
            None,
            SentenceGap::Space,
        );
        assert_eq!(outdated, *text);
        assert_eq!(
            build_article(text, &segments, |_| Fill::Source, None, SentenceGap::Space),
            *text
        );
    }
}

/// The identity as catalogs hold it: each segment's text, its line
/// breaks folded into spaces, as in `source = "…"`.
#[test]
fn catalog_identity_keeps_wrapped_lines() {
    let wrapped =
        "A sentence wrapped\n   over lines. Another\r\none.\n\n> Quoted and\n> wrapped.\n";
    let mut texts: Vec<String> = TRICKY.iter().map(|t| t.to_string()).collect();
    texts.extend([KOREAN.to_string(), CRLF.to_string(), wrapped.to_string()]);
    for text in &texts {
        let segments = segs(text);
        let fill = |i: usize| Fill::Translated(&segments[i].text);
        assert_eq!(
            build_article(text, &segments, fill, None, SentenceGap::Space),
            *text
        );
        let plain = article::segments(text, Format::Plain, &Rules::for_language("en"));
        let fill = |i: usize| Fill::Translated(&plain[i].text);
        assert_eq!(
            build_plain_article(text, &plain, fill, None, SentenceGap::Space),
            *text
        );
    }
    assert!(
        segs(wrapped)
            .iter()
            .any(|s| s.text.contains("wrapped over"))
    );
}

#[test]
fn identity_reproduces_korean_and_crlf_articles() {
    for rules in [Rules::for_language("ko"), Rules::for_language("en")] {
        for text in [KOREAN, CRLF, &KOREAN.replace('\n', "\r\n")] {
            let segments = article::segments(text, Format::markdown(), &rules);
            assert!(segments.len() >= 4);
            assert_eq!(identity(text, &segments), text);
        }
    }
}

#[test]
fn identity_reproduces_the_repo_articles() {
    let articles = repo_articles();
    assert!(!articles.is_empty(), "no articles under articles/");
    for (path, text) in articles {
        let markdown = path.extension().is_some_and(|e| e != "txt");
        let segments = article::segments(&text, format(markdown), &Rules::for_language("en"));
        assert!(!segments.is_empty(), "{}", path.display());
        let fill = |i: usize| Fill::Translated(&text[segments[i].span.clone()]);
        let built = if markdown {
            build_article(&text, &segments, fill, None, SentenceGap::Space)
        } else {
            build_plain_article(&text, &segments, fill, None, SentenceGap::Space)
        };
        assert!(built == text, "{} changed", path.display());
    }
}

/// The source's own text, placed as if it were a translation (the
/// escaping path, not the verbatim copy), is unchanged: no escape fires
/// on text that already is where it stands.
#[test]
fn escaping_leaves_source_lines_alone() {
    let mut texts: Vec<String> = TRICKY.iter().map(|t| t.to_string()).collect();
    texts.extend(repo_articles().into_iter().map(|(_, t)| t));
    texts.push(
        "Kim arrived in\n2019. It was cold.\n\nWe met at 5\n+ 3 friends.\n\nA line\n* alone\n"
            .into(),
    );
    texts.push("- C# and F#\n- 1.5 times. 2) was odd.\n\n# C#\n\nStars ***bold*** here.\n".into());
    for text in &texts {
        let segments = segs(text);
        let places = Places::markdown(text);
        for (n, segment) in segments.iter().enumerate() {
            let source = &text[segment.span.clone()];
            if source.contains('\n') {
                continue;
            }
            let first = n == 0 || segments[n - 1].block != segment.block;
            let place = Place::of(text, &segment.span, first, &places, true);
            assert_eq!(place.render(source), source, "in {text:?}");
        }
    }
}

#[test]
fn translations_replace_their_spans_only() {
    let text = "---\nlayout: x\n---\n\n# Kim visits China\n\nKim went to [Beijing](http://b.test). He met Xi.\n\n- First point.\n- Second point.\n\n```\ncode. Stays.\n```\n";
    let segments = segs(text);
    let texts: Vec<&str> = segments.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Kim visits China",
            "Kim went to [Beijing](http://b.test).",
            "He met Xi.",
            "First point.",
            "Second point."
        ]
    );
    let ko = [
        "김정은, 중국 방문",
        "김 위원장은 [베이징](http://b.test)에 갔다.",
        "그는 시진핑을 만났다.",
        "첫째.",
        "둘째.",
    ];
    let built = build_article(
        text,
        &segments,
        |i| Fill::Translated(ko[i]),
        None,
        SentenceGap::Space,
    );
    assert_eq!(
        built,
        "---\nlayout: x\n---\n\n# 김정은, 중국 방문\n\n김 위원장은 [베이징](http://b.test)에 갔다. 그는 시진핑을 만났다.\n\n- 첫째.\n- 둘째.\n\n```\ncode. Stays.\n```\n"
    );
    assert_eq!(structure(&built), structure(text));
}

#[test]
fn outdated_is_marked_and_missing_keeps_the_source() {
    let text = "# Title\n\nOne. Two. Three.\n";
    let segments = segs(text);
    assert_eq!(segments.len(), 4);
    let fill = |i: usize| match i {
        0 => Fill::Translated("제목"),
        1 => Fill::Outdated("하나."),
        2 => Fill::Source,
        _ => Fill::Outdated("셋."),
    };
    let mark = MarkOutdated::span();
    assert_eq!(
        build_article(text, &segments, fill, Some(&mark), SentenceGap::Space),
        "# 제목\n\n<span class=\"l10n-outdated\">하나.</span> Two. <span class=\"l10n-outdated\">셋.</span>\n"
    );
    // Without a marker an outdated translation is published as it is.
    assert_eq!(
        build_article(text, &segments, fill, None, SentenceGap::Space),
        "# 제목\n\n하나. Two. 셋.\n"
    );
    // A custom marker; an outdated translation identical to the source
    // is marked all the same.
    let mark = MarkOutdated {
        before: "[[".into(),
        after: "]]".into(),
    };
    let same = |i: usize| Fill::Outdated(&text[segments[i].span.clone()]);
    assert_eq!(
        build_article(text, &segments, same, Some(&mark), SentenceGap::Space),
        "# [[Title]]\n\n[[One.]] [[Two.]] [[Three.]]\n"
    );
}

#[test]
fn a_comment_marker_never_opens_an_html_block() {
    let text =
        "First sentence. Second\nsentence. Third.\n\n- Item one.\n\n> Quoted.\n\n# Heading\n";
    let segments = segs(text);
    let mark = MarkOutdated::comment();
    let built = build_article(
        text,
        &segments,
        |_| Fill::Outdated("번역."),
        Some(&mark),
        SentenceGap::Space,
    );
    assert_eq!(structure(&built), structure(text), "{built}");
    assert!(!structure(&built).iter().any(|t| t.contains("Html")));
    assert!(built.contains("<!-- l10n:outdated -->번역.<!-- /l10n:outdated --> "));
    assert_eq!(
        built.matches("<!-- l10n:outdated -->").count(),
        segments.len()
    );
    assert_eq!(
        built.matches("<!-- /l10n:outdated -->").count(),
        segments.len()
    );
}

#[test]
fn line_breaks_continue_inside_the_containers() {
    let text =
        "> Quoted sentence.\n\n- Item sentence.\n\n1. Ordered sentence.\n\n> - Quoted item.\n";
    let segments = segs(text);
    let built = translated_as(text, &segments, "첫 줄\n둘째 줄");
    assert_eq!(
        built,
        "> 첫 줄\n> 둘째 줄\n\n- 첫 줄\n  둘째 줄\n\n1. 첫 줄\n   둘째 줄\n\n> - 첫 줄\n>   둘째 줄\n"
    );
    assert_eq!(structure(&built), structure(text));
    // Blank lines, CRLF and indentation inside a translation.
    let built = translated_as(text, &segments, "a  \r\n\r\n   b\n");
    assert_eq!(
        built,
        "> a\n> b\n\n- a\n  b\n\n1. a\n   b\n\n> - a\n>   b\n"
    );
}

#[test]
fn a_lazy_line_continues_inside_the_containers_of_its_block() {
    // "Then more." and "Next." stand on lazy lines, without `>` or the
    // item's indentation; a translation's line break there gets them back.
    let text = "> Lazy start\nlazy line. Then more.\n\n1. > > Deep\nlazily. Next.\n";
    let segments = segs(text);
    let built = translated_as(text, &segments, "가\n나");
    assert_eq!(
        built,
        "> 가\n> 나 가\n> 나\n\n1. > > 가\n   > > 나 가\n   > > 나\n"
    );
    assert_eq!(structure(&built), structure(text));
}

#[test]
fn sentences_without_spaces_between_them_are_joined() {
    let text = "One. Two.  Three.\nFour.\n\n> Five. Six.\n";
    let segments = segs(text);
    let texts = ["一。", "二。", "三。", "四。", "五。", "六。"];
    let build = |fill: &dyn Fn(usize) -> Fill<'static>, gap| {
        build_article(text, &segments, fill, None, gap)
    };
    let all = |i: usize| Fill::Translated(texts[i]);
    assert_eq!(
        build(&all, SentenceGap::None),
        "一。二。三。\n四。\n\n> 五。六。\n",
        "joined on a line; a line break stays"
    );
    assert_eq!(
        build(&all, SentenceGap::Space),
        "一。 二。  三。\n四。\n\n> 五。 六。\n"
    );
    // A sentence left as its source, or translated as itself, keeps the
    // spaces on both sides.
    let some = |i: usize| match i {
        1 => Fill::Source,
        2 => Fill::Translated("Three."),
        _ => Fill::Translated(texts[i]),
    };
    assert_eq!(
        build(&some, SentenceGap::None),
        "一。 Two.  Three.\n四。\n\n> 五。六。\n"
    );
    // Outdated translations published with their marker are translations.
    let mark = MarkOutdated::comment();
    let built = build_article(
        text,
        &segments,
        |i| Fill::Outdated(texts[i]),
        Some(&mark),
        SentenceGap::None,
    );
    assert!(
        built.starts_with("<span></span><!-- l10n:outdated -->一。<!-- /l10n:outdated --><!-- l10n:outdated -->二。"),
        "{built}"
    );
}

#[test]
fn line_breaks_follow_crlf() {
    let segments = segs(CRLF);
    let built = translated_as(CRLF, &segments, "가\n나");
    assert_eq!(
        built,
        "# 가 나\r\n\r\n가\r\n나 가\r\n나\r\n\r\n- 가\r\n  나\r\n- 가\r\n  나\r\n"
    );
    assert_eq!(structure(&built), structure(CRLF));
}

#[test]
fn block_openers_at_a_line_start_are_escaped() {
    let text = "Para.\n\n- Item.\n\n> Quote.\n\nOne.\nTwo.\n";
    let segments = segs(text);
    let cases = [
        ("# 제목", "\\# 제목"),
        ("## x", "\\## x"),
        ("#hashtag", "#hashtag"),
        ("- 항목", "\\- 항목"),
        ("-5도", "-5도"),
        ("+ x", "\\+ x"),
        ("* x", "\\* x"),
        ("*강조*", "*강조*"),
        ("1. 첫째", "1\\. 첫째"),
        ("2019) 해", "2019\\) 해"),
        ("2019년", "2019년"),
        ("> 인용", "\\> 인용"),
        ("```", "\\```"),
        ("~~~ x", "\\~~~ x"),
        ("---", "\\---"),
        ("* * *", "\\* * *"),
        ("<div>", "\\<div>"),
        ("<!-- x -->", "\\<!-- x -->"),
        ("<span>x</span>", "<span>x</span>"),
        ("[a]: http://x", "\\[a]: http://x"),
        ("[a] b", "[a] b"),
        ("    코드 아님", "코드 아님"),
    ];
    for (translation, expected) in cases {
        let built = translated_as(text, &segments, translation);
        let first = built.split("\n\n").next().unwrap();
        assert_eq!(first, expected, "{translation:?} → {built:?}");
        assert_eq!(
            structure(&built),
            structure(text),
            "{translation:?} → {built}"
        );
    }
    // After a line break inside the paragraph: what interrupts it.
    let two = |t: &str| {
        build_article(
            text,
            &segments,
            |i| {
                if i == 4 {
                    Fill::Translated(t)
                } else {
                    Fill::Source
                }
            },
            None,
            SentenceGap::Space,
        )
    };
    assert!(two("===").ends_with("One.\n\\===\n"));
    assert!(two("1. x").ends_with("One.\n1\\. x\n"));
    assert!(two("2. x").ends_with("One.\n2. x\n"), "{}", two("2. x"));
    assert!(two("[a]: b").ends_with("One.\n[a]: b\n"));
    for t in ["===", "1. x", "2. x", "- x", "# x", "> x", "```", "<div>"] {
        assert_eq!(structure(&two(t)), structure(text), "{t}");
    }
}

#[test]
fn headings_and_table_cells_stay_one_line() {
    let text = "# Title\n\n## Closed ##\n\n| A | B |\n|---|---|\n| x | y |\n";
    let segments = segs(text);
    let built = translated_as(text, &segments, "가 | 나\n다 #");
    assert_eq!(
        built,
        "# 가 | 나 다 \\#\n\n## 가 | 나 다 # ##\n\n| 가 \\| 나 다 # | 가 \\| 나 다 # |\n|---|---|\n| 가 \\| 나 다 # | 가 \\| 나 다 # |\n"
    );
    assert_eq!(structure(&built), structure(text));
    let cells: Vec<String> = segs(&built).into_iter().map(|s| s.text).collect();
    assert_eq!(cells[2], "가 \\| 나 다 #");
    assert_eq!(cells[0], "가 | 나 다 \\#");
}

#[test]
fn trailing_backslashes_and_spaces_do_not_leak() {
    let text = "One. Two.\nThree.\n";
    let segments = segs(text);
    let built = translated_as(text, &segments, "끝\\");
    assert_eq!(built, "끝\\ 끝\\\\\n끝\\\\\n");
    let built = translated_as(text, &segments, "끝  ");
    assert_eq!(built, "끝   끝\n끝\n");
    assert_eq!(structure(&built), structure(text));
}

/// The hardest translations, everywhere at once: the block structure of
/// every tricky article survives.
#[test]
fn structure_survives_hostile_translations() {
    let hostile = [
        "# 번역 - 1. > x\n- y\n1. z\n> q | r #\n===\n```\n<div>\n[a]: b\n    code",
        "---\n***\n+++\n<!-- c -->\n<script>",
        "|\n|---|\n| a |",
        "\\",
        "",
        "\n\n",
    ];
    let mut texts: Vec<String> = TRICKY.iter().map(|t| t.to_string()).collect();
    texts.extend(repo_articles().into_iter().map(|(_, t)| t));
    for text in &texts {
        let segments = segs(text);
        for translation in hostile {
            for mark in [
                None,
                Some(MarkOutdated::comment()),
                Some(MarkOutdated::span()),
            ] {
                let built = build_article(
                    text,
                    &segments,
                    |_| Fill::Outdated(translation),
                    mark.as_ref(),
                    SentenceGap::Space,
                );
                assert_eq!(
                    structure(&built),
                    structure(text),
                    "{translation:?} in\n{text}\n→\n{built}"
                );
            }
        }
    }
}

/// Articles put together from many kinds of blocks, with LF or CRLF:
/// identity reproduces them, and hostile translations keep their
/// structure.
#[test]
fn generated_articles_round_trip_and_keep_their_structure() {
    const BLOCKS: &[&str] = &[
        "Plain sentence one. Plain sentence two.",
        "A wrapped\nparagraph. With a *soft\nbreak* inside.",
        "# ATX heading",
        "## Closed heading ##",
        "Setext\n------",
        "- a. b.\n- c\n  d.",
        "1. one\n   1. nested\n2) two",
        "> quote one.\n> quote two.\n>\n> > deeper\nlazy.",
        "> - quoted item\n>   continued.",
        "```\ncode # x\n```",
        "    indented code",
        "<div>\nhtml\n</div>",
        "| h1 | h2 |\n|---|---|\n| c1 | c2 |",
        "Term[^n] here.\n\n[^n]: Note text.",
        "***",
        "김정은 위원장이 “방문”했다. 두 번째 문장.",
        "Line with hard break  \nnext line.",
        "- [ ] task one\n- [x] task two",
    ];
    // The project's one generator, shared with the tests, benches and
    // the corpus generator.
    #[path = "../../../../examples/gen-corpus/rng.rs"]
    #[allow(dead_code)]
    mod rng;
    let mut rng = rng::Rng::new(0x2545_f491_4f6c_dd1d);
    let mut next = |n: usize| rng.below(n);
    for round in 0..200 {
        let count = 1 + next(6);
        let blocks: Vec<&str> = (0..count).map(|_| BLOCKS[next(BLOCKS.len())]).collect();
        let mut text = blocks.join("\n\n");
        if next(2) == 0 {
            text.push('\n');
        }
        if round % 3 == 0 {
            text = text.replace('\n', "\r\n");
        }
        if next(4) == 0 {
            text = format!("---\ntitle: t\n---\n\n{text}");
        }
        let segments = segs(&text);
        assert_eq!(identity(&text, &segments), text);
        for translation in ["# 번역\n- 가\n1. 나\n> 다 | 라", "|\n|---|", "가\\"] {
            let built = build_article(
                &text,
                &segments,
                |_| Fill::Outdated(translation),
                Some(&MarkOutdated::comment()),
                SentenceGap::Space,
            );
            assert_eq!(structure(&built), structure(&text), "{text:?}\n→\n{built}");
        }
    }
}

#[test]
fn plain_text_is_placed_as_is() {
    let text = "Headline\nByline here.\r\n\r\n# Not markdown. - Really.\r\n";
    let segments = article::segments(text, Format::Plain, &Rules::for_language("en"));
    assert_eq!(
        build_plain_article(
            text,
            &segments,
            |i| Fill::Translated(&text[segments[i].span.clone()]),
            None,
            SentenceGap::Space
        ),
        text
    );
    let built = build_plain_article(
        text,
        &segments,
        |_| Fill::Translated("# 가\n나"),
        None,
        SentenceGap::Space,
    );
    // Each line keeps its own line ending.
    assert_eq!(
        built,
        "# 가\n나\n# 가\r\n나\r\n\r\n# 가\r\n나 # 가\r\n나\r\n"
    );
}

#[test]
fn bad_spans_are_left_alone() {
    let text = "한국어 문장. Two.\n";
    let mut segments = segs(text);
    assert_eq!(segments.len(), 2);
    segments.push(Segment {
        block: 0,
        text: "x".into(),
        span: 1..2, // inside a character
    });
    segments.push(Segment {
        block: 0,
        text: "x".into(),
        span: 0..4, // overlaps the first
    });
    segments.push(Segment {
        block: 0,
        text: "x".into(),
        span: 10..999,
    });
    assert_eq!(translated_as(text, &segments, "X"), "X X\n");
}

/// The format of an article that is Markdown or not.
fn format(markdown: bool) -> Format<'static> {
    if markdown {
        Format::markdown()
    } else {
        Format::Plain
    }
}
