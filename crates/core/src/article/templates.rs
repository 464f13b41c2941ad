//! Template tags of the common site generators (Hugo shortcodes, Jekyll/
//! Liquid, MkDocs/Jinja) and a house's own (`[markdown] opaque`): where they
//! are in an article, so that they are kept out of the text and never split.
use std::ops::Range;

use super::MarkdownSettings;

/// The tag delimiters every Markdown article is read with, longest opening
/// first where one opening starts another (`{{<` before `{{`).
const BUILT_IN: [(&str, &str); 5] = [
    ("{{<", ">}}"), // Hugo shortcode, inner text not Markdown
    ("{{%", "%}}"), // Hugo shortcode, inner text Markdown
    ("{%", "%}"),   // Liquid / Jinja statement
    ("{{", "}}"),   // Liquid / Jinja / Hugo variable
    ("{#", "#}"),   // Jinja comment
];

/// Paired tags whose inner text is code or raw template text, never prose:
/// from the opening tag to the closing one (`{{< /name >}}`,
/// `{% endname %}`), all of it is kept out.
const CODE_PAIRS: [&str; 12] = [
    "highlight",
    "code",
    "codeblock",
    "raw",
    "comment",
    "verbatim",
    "mermaid",
    "katex",
    "math",
    "plantuml",
    "graphviz",
    "chart",
];

/// The byte ranges of the template tags in `text`, in order and not
/// overlapping: each tag from its opening to its closing delimiter, and a
/// code pair (`{% highlight %}…{% endhighlight %}`) whole.
///
/// A tag never spans a blank line: an opening with no closing before one is
/// text (a lone `{{` in prose or in code).
pub(super) fn template_ranges(text: &str, settings: &MarkdownSettings) -> Vec<Range<usize>> {
    let delimiters: Vec<(&str, &str)> = BUILT_IN
        .iter()
        .copied()
        .chain(
            settings
                .opaque
                .iter()
                .map(|(open, close)| (open.as_str(), close.as_str())),
        )
        .filter(|(open, close)| !open.is_empty() && !close.is_empty())
        .collect();
    let firsts: Vec<u8> = delimiters
        .iter()
        .map(|(open, _)| open.as_bytes()[0])
        .collect();
    let bytes = text.as_bytes();
    let mut ranges = Vec::new();
    let mut ahead = Lookahead::new(text, &delimiters);
    let mut at = 0;
    while at < bytes.len() {
        if !firsts.contains(&bytes[at]) {
            at += 1;
            continue;
        }
        let found = delimiters
            .iter()
            .enumerate()
            .filter(|(_, (open, _))| text[at..].starts_with(open))
            .find_map(|(kind, &(open, close))| {
                ahead
                    .tag_at(kind, at, open)
                    .map(|tag| (kind, open, close, tag))
            });
        let Some((kind, open, close, tag)) = found else {
            at += 1;
            continue;
        };
        let mut end = tag.end;
        if kind < BUILT_IN.len()
            && let Some(name) = code_pair_name(&text[tag.clone()], open, close)
            && let Some(closing) = ahead.closing_tag(end, open, close, name)
        {
            end = closing;
        }
        ranges.push(at..end);
        at = end;
    }
    ranges
}

/// Where the scan looks ahead: the next closing delimiter of each kind, the
/// next blank line, and the code pairs found never to close. The scan only
/// moves forward, so a finding is reused until the scan passes it, and a
/// search that found nothing is never repeated: a paragraph of many
/// openings with no closing (`{{<` in prose) costs linear time, not a
/// search to the end of the article per opening.
struct Lookahead<'t> {
    text: &'t str,
    closes: Vec<&'t str>,
    /// Per delimiter kind: the last search's finding (`None` inside: none
    /// up to the end of the text).
    next_close: Vec<Option<Option<usize>>>,
    next_blank: Option<Option<usize>>,
    unclosed_pairs: Vec<(String, String)>,
}

impl<'t> Lookahead<'t> {
    fn new(text: &'t str, delimiters: &[(&'t str, &'t str)]) -> Lookahead<'t> {
        Lookahead {
            text,
            closes: delimiters.iter().map(|&(_, close)| close).collect(),
            next_close: vec![None; delimiters.len()],
            next_blank: None,
            unclosed_pairs: Vec::new(),
        }
    }

    /// The tag that opens at `at` with `open` (of delimiter kind `kind`):
    /// up to the first closing delimiter after it, unless a blank line
    /// comes first.
    fn tag_at(&mut self, kind: usize, at: usize, open: &str) -> Option<Range<usize>> {
        let inner = at + open.len();
        let close = self.closes[kind];
        let found = next_from(self.text, &mut self.next_close[kind], inner, |rest| {
            rest.find(close)
        })?;
        let blank = next_from(self.text, &mut self.next_blank, inner, blank_line);
        if blank.is_some_and(|blank| blank < found) {
            return None;
        }
        Some(at..found + close.len())
    }

    /// Where the closing tag of `name` (`/name` or `endname`) ends, after
    /// `at`.
    fn closing_tag(&mut self, at: usize, open: &str, close: &str, name: &str) -> Option<usize> {
        let pair = (open.to_string(), name.to_string());
        if self.unclosed_pairs.contains(&pair) {
            return None;
        }
        let closing = closing_tag(self.text, at, open, close, name);
        if closing.is_none() {
            self.unclosed_pairs.push(pair);
        }
        closing
    }
}

/// The first finding of `search` at or after `from`, from `last` (the
/// previous finding, from an earlier `from`) when it is still ahead.
fn next_from(
    text: &str,
    last: &mut Option<Option<usize>>,
    from: usize,
    search: impl Fn(&str) -> Option<usize>,
) -> Option<usize> {
    match *last {
        Some(None) => return None,
        Some(Some(found)) if found >= from => return Some(found),
        _ => {}
    }
    let found = search(&text[from..]).map(|i| from + i);
    *last = Some(found);
    found
}

/// Where the first blank line in `text` starts (the line break before
/// it), `\n\n` or `\n\r\n`.
fn blank_line(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(i) = text[from..].find('\n') {
        let at = from + i;
        match bytes.get(at + 1) {
            Some(b'\n') => return Some(at),
            Some(b'\r') if bytes.get(at + 2) == Some(&b'\n') => return Some(at),
            _ => from = at + 1,
        }
    }
    None
}

/// The tag's name (`highlight` in `{%- highlight ruby -%}`), when it opens a
/// code pair.
fn code_pair_name<'t>(tag: &'t str, open: &str, close: &str) -> Option<&'t str> {
    let name = tag_name(tag, open, close)?;
    CODE_PAIRS.contains(&name).then_some(name)
}

fn tag_name<'t>(tag: &'t str, open: &str, close: &str) -> Option<&'t str> {
    let inner = tag.get(open.len()..tag.len().checked_sub(close.len())?)?;
    let inner = inner.trim_matches(|c: char| c == '-' || c == '~' || c.is_whitespace());
    inner.split(|c: char| c.is_whitespace()).next()
}

/// Where the closing tag of `name` (`/name` or `endname`) ends.
fn closing_tag(text: &str, mut at: usize, open: &str, close: &str, name: &str) -> Option<usize> {
    while let Some(i) = text[at..].find(open) {
        let start = at + i;
        // Code may hold blank lines and stray openings: the closing tag
        // is the first `close` after an `open`.
        let inner = start + open.len();
        let tag = start..text[inner..].find(close)? + inner + close.len();
        let tag_name = tag_name(&text[tag.clone()], open, close).unwrap_or_default();
        if tag_name.strip_prefix('/') == Some(name) || tag_name.strip_prefix("end") == Some(name) {
            return Some(tag.end);
        }
        at = tag.end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(text: &str) -> Vec<&str> {
        template_ranges(text, &MarkdownSettings::default())
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn finds_the_tags_of_each_generator() {
        assert_eq!(
            tags(
                "a {{< figure src=\"x\" >}} b {{% ref \"y\" %}} {% include z.html %} {{ page.title }} {# note #}"
            ),
            [
                "{{< figure src=\"x\" >}}",
                "{{% ref \"y\" %}}",
                "{% include z.html %}",
                "{{ page.title }}",
                "{# note #}"
            ]
        );
    }

    #[test]
    fn a_code_pair_is_one_range_with_its_blank_lines() {
        let text = "Before.\n{% highlight ruby %}\ndef x\n\n  1. # not a list\nend\n{% endhighlight %}\nAfter.";
        assert_eq!(
            tags(text),
            ["{% highlight ruby %}\ndef x\n\n  1. # not a list\nend\n{% endhighlight %}"]
        );
        assert_eq!(
            tags("{{< highlight go >}}x := 1{{< /highlight >}}"),
            ["{{< highlight go >}}x := 1{{< /highlight >}}"]
        );
        assert_eq!(
            tags("{%- raw -%}{{ x }}{%- endraw -%}"),
            ["{%- raw -%}{{ x }}{%- endraw -%}"]
        );
        // A prose pair is two tags: its inner text is Markdown.
        assert_eq!(
            tags("{{% notice %}}Text.{{% /notice %}}"),
            ["{{% notice %}}", "{{% /notice %}}"]
        );
    }

    #[test]
    fn an_unclosed_opening_is_text_and_no_tag_crosses_a_blank_line() {
        assert!(tags("a {{ b\n\nc }} d").is_empty());
        assert!(tags("just {{ here").is_empty());
    }

    #[test]
    fn a_house_pair_is_a_tag_too() {
        let settings = MarkdownSettings {
            opaque: vec![("<<".into(), ">>".into())],
            ..MarkdownSettings::default()
        };
        let text = "Press <<key ctrl>> now.";
        let found: Vec<&str> = template_ranges(text, &settings)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(found, ["<<key ctrl>>"]);
    }
}
