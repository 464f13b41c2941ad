//! Lines of a Markdown paragraph that are syntax of an extension, not text:
//! alert and callout markers (`> [!NOTE]`, `:::note`, `!!! note "Title"`),
//! attribute lists (`{: #id .class}`) and MDX `import`/`export` lines.
use std::ops::Range;

/// What a line of a paragraph is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Line {
    /// Text (the range, within the line, left after a trailing attribute
    /// list is cut off).
    Text(Range<usize>),
    /// A marker line: not text; it parts the blocks around it. An
    /// Obsidian/Docusaurus/MkDocs title on it is a block of its own.
    Marker {
        title: Option<Range<usize>>,
        /// An MkDocs admonition (`!!!`, `???`): its body may be indented.
        indented_body: bool,
    },
}

/// What `line` (a paragraph line's content, container syntax left out) is;
/// `first_in_quote`: the first line of a block quote's first paragraph,
/// where an alert marker stands.
pub(super) fn classify(line: &str, first_in_quote: bool) -> Line {
    let marker = |title: Option<Range<usize>>, indented_body| Line::Marker {
        title: title.filter(|t| !line[t.clone()].trim().is_empty()),
        indented_body,
    };
    if first_in_quote && let Some(title) = alert(line) {
        return marker(title, false);
    }
    if let Some(title) = colon_fence(line) {
        return marker(title, false);
    }
    if let Some(title) = mkdocs(line) {
        return marker(title, true);
    }
    if is_attribute_list(line.trim()) || is_mdx_module_line(line) {
        return marker(None, false);
    }
    Line::Text(0..trailing_attributes(line))
}

/// `[!NOTE]`, `[!note]- Title`, `[!tip]+`: an alert's or callout's marker,
/// with the range of its title.
fn alert(line: &str) -> Option<Option<Range<usize>>> {
    let rest = line.strip_prefix("[!")?;
    let close = rest.find(']')?;
    let kind = &rest[..close];
    if kind.is_empty() || !kind.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return None;
    }
    let mut at = 2 + close + 1;
    if line[at..].starts_with(['-', '+']) {
        at += 1;
    }
    Some(title_after(line, at))
}

/// `:::note`, `:::tip Title`, `:::tip[Title]`, `:::` (Docusaurus, MyST).
fn colon_fence(line: &str) -> Option<Option<Range<usize>>> {
    let colons = line.bytes().take_while(|&b| b == b':').count();
    if colons < 3 {
        return None;
    }
    let kind_end = colons
        + line[colons..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(line.len() - colons);
    let rest = &line[kind_end..];
    if let Some(inner) = rest.strip_prefix('[')
        && let Some(close) = inner.rfind(']')
    {
        return Some(Some(kind_end + 1..kind_end + 1 + close));
    }
    if kind_end > colons && !rest.is_empty() && !rest.starts_with([' ', '\t', '{']) {
        return None;
    }
    Some(title_after(line, kind_end).filter(|t| !line[t.clone()].starts_with('{')))
}

/// `!!! note`, `!!! note "Title"`, `???+ tip` (MkDocs Material).
fn mkdocs(line: &str) -> Option<Option<Range<usize>>> {
    let rest = line
        .strip_prefix("!!!")
        .or_else(|| line.strip_prefix("???+"))
        .or_else(|| line.strip_prefix("???"))?;
    let kind = rest.trim_start();
    if kind.is_empty() || !rest.starts_with([' ', '\t']) {
        return None;
    }
    let kind_start = line.len() - kind.len();
    let kind_end = kind_start + kind.find(char::is_whitespace).unwrap_or(kind.len());
    let rest = line[kind_end..].trim();
    if rest.is_empty() {
        return Some(None);
    }
    let open = line[kind_end..].find('"')? + kind_end;
    let close = line.rfind('"')?;
    (close > open).then_some(Some(open + 1..close))
}

/// The title after a marker: the rest of the line, trimmed.
fn title_after(line: &str, at: usize) -> Option<Range<usize>> {
    let rest = &line[at..];
    let start = at + (rest.len() - rest.trim_start().len());
    let end = line.trim_end().len();
    (end > start).then_some(start..end)
}

/// `{: #id .class}`, `{#id}`, `{.class}`, `{:.class}` (kramdown, Pandoc,
/// Python-Markdown attribute lists).
fn is_attribute_list(text: &str) -> bool {
    let Some(inner) = text.strip_prefix('{').and_then(|t| t.strip_suffix('}')) else {
        return false;
    };
    inner.starts_with([':', '#', '.']) && !inner.contains(['{', '}'])
}

/// Where the text of a line ends before a trailing attribute list
/// (`## Title {#id}`).
fn trailing_attributes(line: &str) -> usize {
    let trimmed = line.trim_end();
    if trimmed.ends_with('}')
        && let Some(open) = trimmed.rfind('{')
        && is_attribute_list(&trimmed[open..])
        && trimmed[..open].ends_with([' ', '\t'])
    {
        return trimmed[..open].trim_end().len();
    }
    line.len()
}

/// `import X from "y"` and `export const …` at the start of an MDX line.
fn is_mdx_module_line(line: &str) -> bool {
    if let Some(rest) = line.strip_prefix("import ") {
        return rest.starts_with(['"', '\''])
            || rest.contains(" from \"")
            || rest.contains(" from '");
    }
    [
        "export const ",
        "export default ",
        "export function ",
        "export let ",
    ]
    .iter()
    .any(|p| line.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn title(line: &str) -> Option<&str> {
        match classify(line, true) {
            Line::Marker { title, .. } => title.map(|t| &line[t]),
            Line::Text(_) => panic!("{line:?} is a marker"),
        }
    }

    #[test]
    fn markers_and_their_titles() {
        assert_eq!(title("[!NOTE]"), None);
        assert_eq!(title("[!note]- Open me"), Some("Open me"));
        assert_eq!(title(":::note"), None);
        assert_eq!(title(":::"), None);
        assert_eq!(title(":::tip Pro tip"), Some("Pro tip"));
        assert_eq!(title(":::tip[Pro tip]"), Some("Pro tip"));
        assert_eq!(title("!!! warning \"Mind the gap\""), Some("Mind the gap"));
        assert_eq!(title("???+ note"), None);
        assert_eq!(title("{: #intro .lead}"), None);
        assert_eq!(title("{#intro}"), None);
        assert_eq!(title("import Tabs from '@theme/Tabs';"), None);
    }

    #[test]
    fn text_stays_text() {
        for line in [
            "[!NOTE] is how GitHub writes it",
            "Import the data from disk.",
            "!!!Wow",
            "Ratio 3:::1 here",
        ] {
            let Line::Text(range) = classify(line, false) else {
                panic!("{line:?} is text");
            };
            assert_eq!(range, 0..line.len());
        }
        // Not the first line of a quote: an alert marker is text there.
        assert!(matches!(classify("[!NOTE]", false), Line::Text(_)));
        assert_eq!(classify("Title {#intro}", false), Line::Text(0..5));
        assert_eq!(classify("Set {x} here", false), Line::Text(0..12));
    }
}
