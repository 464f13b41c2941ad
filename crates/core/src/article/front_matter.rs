//! Front matter (YAML between `---` lines, TOML between `+++` lines): the
//! top-level string values of the listed keys, where they stand, how they
//! are quoted, and how a new value is written back with the quoting it
//! needs.
//!
//! Only what a site generator's front matter commonly holds is read: YAML
//! plain scalars (over several lines too), single- and double-quoted
//! scalars on one line, block scalars (`|`, `>`); TOML basic and literal
//! strings on one line. Any other value (a list, a table, a multi-line TOML
//! string) is not offered.
use std::fmt::Write as _;
use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag};

use super::MARKDOWN_OPTIONS;
use crate::catalog::{double_quoted, toml_string};

/// How a value is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Style {
    /// YAML `key: value`.
    Plain,
    /// YAML `key: 'value'`.
    SingleQuoted,
    /// YAML `key: "value"`.
    DoubleQuoted,
    /// YAML `key: |` or `key: >` (with its header as written), its lines
    /// indented by `indent` spaces.
    Block { folded: bool, indent: usize },
    /// TOML `key = "value"`.
    TomlBasic,
    /// TOML `key = 'value'`.
    TomlLiteral,
}

/// One top-level string value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scalar {
    pub key: String,
    /// The value as written: from its first byte (a quote, `|`, the first
    /// letter) to its last (a quote, the end of its last line).
    pub whole: Range<usize>,
    pub style: Style,
    /// The value's text lines in the source: inside the quotes, without
    /// indentation.
    pub lines: Vec<Range<usize>>,
}

impl Scalar {
    /// Where its text starts and ends.
    pub fn content(&self) -> Range<usize> {
        let start = self.lines.first().map_or(self.whole.start, |l| l.start);
        let end = self.lines.last().map_or(start, |l| l.end);
        start..end
    }
}

/// The front matter's body (between its fences), and whether it is TOML,
/// as pulldown-cmark finds it at the start of an article.
pub fn block(text: &str) -> Option<(Range<usize>, bool)> {
    let (fence, toml) = if text.starts_with("---") {
        ("---", false)
    } else if text.starts_with("+++") {
        ("+++", true)
    } else {
        return None;
    };
    let first = text.find('\n')? + 1;
    if text[fence.len()..first].trim() != "" {
        return None;
    }
    let mut at = first;
    for line in text[first..].split_inclusive('\n') {
        let content = line.trim_end();
        if content == fence || (!toml && content == "...") {
            // What pulldown-cmark reads as front matter, and only that: its
            // rules are the reader's (the article up to the closing fence is
            // all it needs to look at).
            let prefix = &text[..at + line.len()];
            let mut events = Parser::new_ext(prefix, MARKDOWN_OPTIONS).into_offset_iter();
            return match events.next() {
                Some((Event::Start(Tag::MetadataBlock(_)), range))
                    if range.start == 0 && range.end >= at =>
                {
                    Some((first..at, toml))
                }
                _ => None,
            };
        }
        at += line.len();
    }
    None
}

/// The top-level string values of the front matter whose body is `body`.
pub fn scalars(text: &str, body: Range<usize>, toml: bool) -> Vec<Scalar> {
    let lines = line_ranges(text, body);
    let mut scalars = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = &text[lines[i].clone()];
        if toml && line.trim_start().starts_with('[') {
            break; // A table: what follows is not top-level.
        }
        let found = if toml {
            toml_entry(text, lines[i].clone())
        } else {
            yaml_entry(text, &lines, i)
        };
        if let Some(scalar) = found {
            let last = scalar.whole.end;
            scalars.push(scalar);
            while i < lines.len() && lines[i].end < last {
                i += 1;
            }
        }
        i += 1;
    }
    scalars
}

/// Each line of `range`, without its line break.
fn line_ranges(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut at = range.start;
    for line in text[range].split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        lines.push(at..at + content.len());
        at += line.len();
    }
    lines
}

fn yaml_entry(text: &str, lines: &[Range<usize>], i: usize) -> Option<Scalar> {
    let line = lines[i].clone();
    let source = &text[line.clone()];
    if source.starts_with([' ', '\t', '#', '-']) {
        return None;
    }
    let colon = source
        .find(": ")
        .or_else(|| source.strip_suffix(':').map(|s| s.len()))?;
    let key = source[..colon].trim().trim_matches(['"', '\'']).to_string();
    let after = colon + 1;
    let value_at = after + (source[after..].len() - source[after..].trim_start().len());
    let value = source[value_at..].trim_end();
    let start = line.start + value_at;
    match value.as_bytes().first()? {
        &quote @ (b'"' | b'\'') => {
            let (style, close) = if quote == b'"' {
                (Style::DoubleQuoted, closing_double_quote(&value[1..])?)
            } else {
                (Style::SingleQuoted, closing_single_quote(&value[1..])?)
            };
            let close = close + 1;
            is_comment_or_blank(&value[close + 1..]).then(|| Scalar {
                key,
                whole: start..start + close + 1,
                style,
                lines: std::iter::once(start + 1..start + close).collect(),
            })
        }
        b'|' | b'>' => {
            let header = value.split('#').next().unwrap_or_default().trim_end();
            if !header[1..].chars().all(|c| matches!(c, '-' | '+')) {
                return None; // An explicit indentation indicator: not read.
            }
            let mut body = Vec::new();
            let mut indent = None;
            for next in &lines[i + 1..] {
                let l = &text[next.clone()];
                let spaces = l.len() - l.trim_start_matches(' ').len();
                if l.trim().is_empty() {
                    body.push(next.end..next.end);
                    continue;
                }
                let want = *indent.get_or_insert(spaces);
                if spaces == 0 || spaces < want {
                    break;
                }
                body.push(next.start + want..next.end);
            }
            while body.last().is_some_and(|r| r.is_empty()) {
                body.pop();
            }
            let end = body.last()?.end;
            Some(Scalar {
                key,
                whole: start..end,
                style: Style::Block {
                    folded: value.starts_with('>'),
                    indent: indent?,
                },
                lines: body,
            })
        }
        b'[' | b'{' | b'&' | b'*' | b'!' | b'%' | b'@' | b'`' | b'#' => None,
        _ => {
            let first = value.find(" #").map_or(value, |c| &value[..c]).trim_end();
            let first_line = start..start + first.len();
            let mut body = std::iter::once(first_line).collect::<Vec<_>>();
            for next in &lines[i + 1..] {
                let l = &text[next.clone()];
                let trimmed = l.trim();
                if !l.starts_with([' ', '\t']) || trimmed.is_empty() || trimmed.starts_with('#') {
                    break;
                }
                let at = next.start + (l.len() - l.trim_start().len());
                body.push(at..at + trimmed.len());
            }
            if body.len() == 1 && reads_as_non_string(first) {
                return None;
            }
            let end = body.last()?.end;
            Some(Scalar {
                key,
                whole: start..end,
                style: Style::Plain,
                lines: body,
            })
        }
    }
}

/// Whether a plain YAML value is read as a boolean, null or special number
/// (YAML 1.1 as PyYAML and Jekyll read it, 1.2 as Hugo does): not text to
/// translate, and a translation would make it a string.
fn reads_as_non_string(value: &str) -> bool {
    const WORDS: [&str; 14] = [
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", ".inf", "-.inf", "+.inf",
        ".nan", "~",
    ];
    let lower = value.to_ascii_lowercase();
    WORDS.contains(&lower.as_str())
        && (value == lower || value == value.to_ascii_uppercase() || {
            let mut chars = value.chars();
            chars.next().is_some_and(|c| c.is_ascii_uppercase()) && chars.as_str() == &lower[1..]
        })
}

fn toml_entry(text: &str, line: Range<usize>) -> Option<Scalar> {
    let source = &text[line.clone()];
    let equals = source.find('=')?;
    let key = source[..equals]
        .trim()
        .trim_matches(['"', '\''])
        .to_string();
    if key.is_empty() || key.contains([' ', '.']) {
        return None;
    }
    let after = &source[equals + 1..];
    let value_at = equals + 1 + (after.len() - after.trim_start().len());
    let value = source[value_at..].trim_end();
    let start = line.start + value_at;
    if value.starts_with("\"\"\"") || value.starts_with("'''") {
        return None;
    }
    let (style, close) = match value.as_bytes().first()? {
        b'"' => (Style::TomlBasic, closing_double_quote(&value[1..])? + 1),
        b'\'' => (Style::TomlLiteral, value[1..].find('\'')? + 1),
        _ => return None,
    };
    is_comment_or_blank(&value[close + 1..]).then(|| Scalar {
        key,
        whole: start..start + close + 1,
        style,
        lines: std::iter::once(start + 1..start + close).collect(),
    })
}

fn is_comment_or_blank(rest: &str) -> bool {
    let rest = rest.trim_start();
    rest.is_empty() || rest.starts_with('#')
}

/// The offset of the `"` that closes a double-quoted string (after escapes).
fn closing_double_quote(inner: &str) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in inner.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return Some(i),
            _ => {}
        }
    }
    None
}

/// The offset of the `'` that closes a single-quoted YAML string (`''` is
/// a quote inside it).
fn closing_single_quote(inner: &str) -> Option<usize> {
    let bytes = inner.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\'' {
            if bytes.get(i + 1) == Some(&b'\'') {
                i += 2;
                continue;
            }
            return Some(i);
        }
        i += 1;
    }
    None
}

/// The text of a piece of a value as written in `style` (escapes undone,
/// line breaks folded as YAML folds them).
pub fn decode(raw: &str, style: &Style) -> String {
    match style {
        Style::Plain | Style::Block { folded: true, .. } => fold(raw),
        Style::Block {
            folded: false,
            indent,
        } => raw
            .split('\n')
            .enumerate()
            .map(|(i, l)| {
                let l = l.trim_end_matches('\r');
                if i == 0 {
                    l
                } else {
                    l.get(*indent..).unwrap_or("")
                }
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Style::SingleQuoted => raw.replace("''", "'"),
        Style::TomlLiteral => raw.to_string(),
        Style::DoubleQuoted | Style::TomlBasic => unescape(raw),
    }
}

/// Each line break, with the blanks around it, folded into one space.
fn fold(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for (i, line) in raw.split('\n').enumerate() {
        if i > 0 {
            let kept = out.trim_end_matches([' ', '\t', '\r']).len();
            out.truncate(kept);
            out.push(' ');
            out.push_str(line.trim_start_matches([' ', '\t']));
        } else {
            out.push_str(line);
        }
    }
    out
}

fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let hex = |chars: &mut std::str::Chars, n: usize| {
            let digits: String = chars.by_ref().take(n).collect();
            u32::from_str_radix(&digits, 16)
                .ok()
                .and_then(char::from_u32)
        };
        let decoded = match chars.next() {
            Some('n') => Some('\n'),
            Some('t') => Some('\t'),
            Some('r') => Some('\r'),
            Some('0') => Some('\0'),
            Some('b') => Some('\u{8}'),
            Some('f') => Some('\u{c}'),
            Some('e') => Some('\u{1b}'),
            Some('x') => hex(&mut chars, 2),
            Some('u') => hex(&mut chars, 4),
            Some('U') => hex(&mut chars, 8),
            Some(other) => Some(other),
            None => Some('\\'),
        };
        out.extend(decoded);
    }
    out
}

/// `value` written for `scalar`'s place: in its style where the value can
/// be written so, else double-quoted (YAML) or as a basic string (TOML).
/// `newline` is the article's line break.
pub fn encode(value: &str, scalar: &Scalar, newline: &str) -> String {
    match &scalar.style {
        Style::Plain if is_plain_safe(value) => value.to_string(),
        Style::SingleQuoted if !value.contains(['\n', '\r']) && !has_control(value) => {
            format!("'{}'", value.replace('\'', "''"))
        }
        Style::TomlLiteral if !value.contains(['\'', '\n', '\r']) && !has_control(value) => {
            format!("'{value}'")
        }
        Style::Block { folded, indent } if !has_control(value) => {
            let pad = " ".repeat(*indent);
            let mut out = String::from(if *folded { ">-" } else { "|-" });
            for line in value.split('\n') {
                out.push_str(newline);
                if !line.trim().is_empty() {
                    out.push_str(&pad);
                    out.push_str(line.trim_end());
                }
            }
            out
        }
        Style::TomlBasic | Style::TomlLiteral => toml_string(value),
        _ => yaml_double_quoted(value),
    }
}

fn has_control(value: &str) -> bool {
    value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
}

/// A double-quoted YAML scalar: escaped as a TOML basic string is, but a
/// control character as `\xHH`.
fn yaml_double_quoted(value: &str) -> String {
    double_quoted(value, |out, c| {
        let _ = write!(out, "\\x{:02X}", c as u32);
    })
}

/// Whether `value` reads back as the same string when written as a plain
/// YAML scalar.
fn is_plain_safe(value: &str) -> bool {
    let Some(first) = value.chars().next() else {
        return false;
    };
    let special_start = "-?:,[]{}#&*!|>'\"%@`";
    if special_start.contains(first) || value.trim() != value || has_control(value) {
        return false;
    }
    if value.contains(['\n', '\r', '\t'])
        || value.contains(": ")
        || value.contains(" #")
        || value.ends_with(':')
    {
        return false;
    }
    // A value YAML would read as something else than a string.
    let lower = value.to_ascii_lowercase();
    let typed = [
        "true", "false", "yes", "no", "on", "off", "null", "~", "y", "n",
    ]
    .contains(&lower.as_str())
        || value.parse::<f64>().is_ok()
        || value.starts_with(['+', '.'])
            && value[1..].chars().all(|c| c.is_ascii_digit() || c == '.');
    !typed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<(String, String)> {
        let (body, toml) = block(text).expect("front matter");
        scalars(text, body, toml)
            .into_iter()
            .map(|s| {
                let raw = &text[s.content()];
                (s.key.clone(), decode(raw, &s.style))
            })
            .collect()
    }

    #[test]
    fn yaml_values_of_every_style() {
        let text = "---\ntitle: Plain title # comment\nquoted: \"Say \\\"hi\\\"\"\n\
                    single: 'It''s'\ntags: [a, b]\nlist:\n  - x\nwrapped: First\n  second line\n\
                    folded: >\n  One\n  two\nliteral: |\n  A\n  B\n---\nBody.\n";
        assert_eq!(
            values(text),
            [
                ("title".into(), "Plain title".into()),
                ("quoted".into(), "Say \"hi\"".into()),
                ("single".into(), "It's".into()),
                ("wrapped".into(), "First second line".into()),
                ("folded".into(), "One two".into()),
                ("literal".into(), "A\nB".into()),
            ]
        );
    }

    #[test]
    fn toml_values_before_any_table() {
        let text = "+++\ntitle = \"A \\\"b\\\"\"\nsummary = 'Lit'\ndraft = false\n[params]\nx = \"no\"\n+++\n";
        assert_eq!(
            values(text),
            [
                ("title".into(), "A \"b\"".into()),
                ("summary".into(), "Lit".into())
            ]
        );
    }

    #[test]
    fn values_are_quoted_as_they_need() {
        let scalar = |style| Scalar {
            key: String::new(),
            whole: 0..0,
            style,
            lines: vec![],
        };
        let plain = scalar(Style::Plain);
        assert_eq!(encode("Hello world", &plain, "\n"), "Hello world");
        assert_eq!(encode("Key: value", &plain, "\n"), "\"Key: value\"");
        assert_eq!(encode("- dash", &plain, "\n"), "\"- dash\"");
        assert_eq!(encode("yes", &plain, "\n"), "\"yes\"");
        assert_eq!(encode("a \"b\"\nc", &plain, "\n"), "\"a \\\"b\\\"\\nc\"");
        assert_eq!(
            encode("It's", &scalar(Style::SingleQuoted), "\n"),
            "'It''s'"
        );
        assert_eq!(
            encode("It's", &scalar(Style::TomlLiteral), "\n"),
            "\"It's\""
        );
    }
}
