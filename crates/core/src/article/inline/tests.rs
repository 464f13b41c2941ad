use super::*;
use crate::article::{Format, boundaries, segments};

fn texts(markdown: &str) -> Vec<String> {
    segments(markdown, Format::markdown(), &Rules::for_language("en"))
        .into_iter()
        .map(|segment| segment.text)
        .collect()
}

#[track_caller]
fn assert_segments(markdown: &str, expected: &[&str]) {
    assert_eq!(texts(markdown), expected, "{markdown:?}");
}

#[test]
fn terminators_in_code_spans_end_no_sentence() {
    assert_segments(
        "Call `println!(\"Hello, world! Bye. Really?\")` to print. It works.",
        &[
            "Call `println!(\"Hello, world! Bye. Really?\")` to print.",
            "It works.",
        ],
    );
    assert_segments(
        "Use `` a `b`. C `` here. Next one.",
        &["Use `` a `b`. C `` here.", "Next one."],
    );
}

#[test]
fn link_text_destinations_and_titles_end_no_sentence() {
    assert_segments(
        "See [the docs](https://doc.rust-lang.org/book/ch01.html \"The Book. Read it!\") for more. Next one.",
        &[
            "See [the docs](https://doc.rust-lang.org/book/ch01.html \"The Book. Read it!\") for more.",
            "Next one.",
        ],
    );
    assert_segments(
        "Read [the guide. It helps](https://x.y) today. Next one.",
        &[
            "Read [the guide. It helps](https://x.y) today.",
            "Next one.",
        ],
    );
    assert_segments(
        "Read [the guide. It helps][guide] today. Next one.\n\n[guide]: https://x.y",
        &["Read [the guide. It helps][guide] today.", "Next one."],
    );
}

#[test]
fn a_link_with_a_dotted_url_ends_a_sentence_after_it() {
    assert_segments(
        "See [docs](https://x.y/a.b). Next one. Also <https://example.com/a.b>. Last one.",
        &[
            "See [docs](https://x.y/a.b).",
            "Next one.",
            "Also <https://example.com/a.b>.",
            "Last one.",
        ],
    );
}

#[test]
fn inline_html_elements_and_emphasis_are_not_split() {
    assert_segments(
        "Press <kbd>Ctrl. C</kbd> to stop. Then <span title=\"A. B\">wait. Now</span> go.",
        &[
            "Press <kbd>Ctrl. C</kbd> to stop.",
            "Then <span title=\"A. B\">wait. Now</span> go.",
        ],
    );
    assert_segments(
        "Some *emphasis. Spanning* here. Some **strong. Spanning** too. Some ~~old. Text~~ gone.",
        &[
            "Some *emphasis. Spanning* here.",
            "Some **strong. Spanning** too.",
            "Some ~~old. Text~~ gone.",
        ],
    );
}

#[test]
fn a_sentence_ending_inside_markup_keeps_its_closing_syntax() {
    assert_segments(
        "*Done.* Next one. **[Go.](https://x.y)** Then <kbd>Stop.</kbd> Last.",
        &[
            "*Done.*",
            "Next one.",
            "**[Go.](https://x.y)**",
            "Then <kbd>Stop.</kbd>",
            "Last.",
        ],
    );
    assert_segments(
        "It works.[^1] Next one.<br>Last one.\n\n[^1]: A note.",
        &["It works.[^1]", "Next one.<br>", "Last one.", "A note."],
    );
}

#[test]
fn a_sentence_may_start_with_inline_markup() {
    assert_segments(
        "This is fine. **Note:** the build is slow. `cargo` is the tool. _Optional_ steps \
         follow. *Really* now. <kbd>Ctrl</kbd> exits. ~~Old~~ text is gone. [Links](https://x.y/a.b) \
         work. ![Diagram](a.png) shows it.",
        &[
            "This is fine.",
            "**Note:** the build is slow.",
            "`cargo` is the tool.",
            "_Optional_ steps follow.",
            "*Really* now.",
            "<kbd>Ctrl</kbd> exits.",
            "~~Old~~ text is gone.",
            "[Links](https://x.y/a.b) work.",
            "![Diagram](a.png) shows it.",
        ],
    );
    // The word the markup wraps is judged as it would be without the
    // markup: a lowercase one starts a sentence after a full word, not
    // after an abbreviation.
    assert_segments(
        "It is done. *and* then. Use e.g. `cargo` here.",
        &["It is done.", "*and* then.", "Use e.g. `cargo` here."],
    );
}

#[test]
fn markup_wrapped_over_lines_and_quotes_maps_back_to_the_source() {
    let markdown = "> Some *emphasis.\n> Spanning* here. **Next**\n> one.\n";
    let found = segments(markdown, Format::markdown(), &Rules::for_language("en"));
    let texts: Vec<&str> = found.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts, ["Some *emphasis. Spanning* here.", "**Next** one."]);
    assert_eq!(
        &markdown[found[0].span.clone()],
        "Some *emphasis.\n> Spanning* here."
    );
    assert_eq!(&markdown[found[1].span.clone()], "**Next**\n> one.");
}

#[test]
fn explain_names_the_rules_and_agrees_with_the_split() {
    let markdown = "Some *emphasis. Spanning* here. **Note:** it is *done.* Next.";
    let found = boundaries(markdown, Format::markdown(), &Rules::for_language("en"));
    let refused = found
        .iter()
        .find(|b| b.offset == markdown.find("emphasis.").unwrap() + 9)
        .unwrap();
    assert!(!refused.split);
    assert_eq!(refused.rule, INSIDE_INLINE);
    let taken: Vec<&str> = found
        .iter()
        .filter(|b| b.split)
        .map(|b| &markdown[..b.offset])
        .collect();
    assert_eq!(
        taken,
        [
            "Some *emphasis. Spanning* here.",
            "Some *emphasis. Spanning* here. **Note:** it is *done.*"
        ]
    );
    assert!(
        found
            .iter()
            .filter(|b| b.split)
            .all(|b| b.rule != INSIDE_INLINE)
    );
}

#[test]
fn text_to_translate_needs_a_letter_outside_code_urls_tags_and_shortcodes() {
    for nothing in [
        "`true`",
        "42",
        "—",
        ":white_check_mark:",
        ":+1: :kenya:",
        "<https://example.com/a>",
        "https://example.com/a.b",
        "[`x`](https://x.y)",
        "<br> 3.5 %",
        "``a ` b``",
    ] {
        assert!(!has_text_to_translate(nothing), "{nothing:?}");
    }
    for something in [
        "`true` or not",
        "Yes",
        ":+1: Great work.",
        "[docs](https://x.y)",
        "v2",
        "한국어",
        "日本",
        "a:b",
        "`unclosed",
    ] {
        assert!(has_text_to_translate(something), "{something:?}");
    }
}

#[test]
fn segments_with_nothing_to_translate_are_not_offered() {
    let markdown = "| Key | Value |\n|---|---|\n| `debug` | `true` |\n| :white_check_mark: | 42 |\n\n:+1: Great work. —\n";
    assert_segments(markdown, &["Key", "Value", ":+1: Great work."]);
}

#[test]
fn plain_text_is_read_as_it_was() {
    let text = "Some *emphasis. Spanning* here.\n";
    let found: Vec<String> = segments(text, Format::Plain, &Rules::for_language("en"))
        .into_iter()
        .map(|s| s.text)
        .collect();
    assert_eq!(found, ["Some *emphasis.", "Spanning* here."]);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
    /// On text dense in markup and terminators: spans are in order, on
    /// character boundaries, and no segment ends strictly inside a code
    /// span, a link or an emphasis (pulldown-cmark's own ranges).
    #[test]
    fn no_segment_ends_inside_an_inline_element(
        text in "([aZ.!?] |[aZ.!?*_`~<>\\[\\]()/:\n]|é|> |`x. Y`|\\[a. B\\]\\(u.v\\)){0,40}"
    ) {
        let found = segments(&text, Format::markdown(), &Rules::for_language("en"));
        let mut elements = Vec::new();
        for (event, range) in
            pulldown_cmark::Parser::new_ext(&text, super::super::MARKDOWN_OPTIONS).into_offset_iter()
        {
            if matches!(
                event,
                Event::Code(_)
                    | Event::Start(Tag::Emphasis | Tag::Strong | Tag::Link { .. } | Tag::Image { .. })
            ) {
                elements.push(range);
            }
        }
        let mut end = 0;
        for segment in &found {
            let span = segment.span.clone();
            proptest::prop_assert!(span.start >= end && span.start < span.end, "{found:?}");
            proptest::prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            end = span.end;
            for element in &elements {
                for cut in [span.start, span.end] {
                    proptest::prop_assert!(
                        !(element.start < cut && cut < element.end),
                        "{cut} inside {element:?}: {found:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn math_is_never_split_and_dollar_amounts_are_no_math() {
    assert_segments(
        "The ratio $a. B$ holds. Then $$x! Y? z.$$ follows. It costs $5 or $10. Done.",
        &[
            "The ratio $a. B$ holds.",
            "Then $$x! Y? z.$$ follows.",
            "It costs $5 or $10.",
            "Done.",
        ],
    );
    assert_segments(
        "Nobody paid $10, not even $2. Then $3 and $4 were asked. It ended.",
        &[
            "Nobody paid $10, not even $2.",
            "Then $3 and $4 were asked.",
            "It ended.",
        ],
    );
}
