//! A CommonMark block-opener recogniser: whether a line's first characters
//! would open another block (a heading, a list item, a fence, an HTML
//! block, …) and where a backslash keeps it paragraph text.

/// How strictly a line start is escaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Level {
    /// The first line of a block: anything that starts another block.
    Start,
    /// A later line of a paragraph: what can interrupt a paragraph (the
    /// source's own lines pass unchanged).
    Continuation,
    /// A line a translation adds: both.
    Any,
}

/// Writes `line`, escaping a first character that would open a block.
pub(super) fn escape_line_start(line: &str, level: Level, out: &mut String) {
    match block_opener(line, level) {
        Some(at) => {
            out.push_str(&line[..at]);
            out.push('\\');
            out.push_str(&line[at..]);
        }
        None => out.push_str(line),
    }
}

/// Where to put a backslash so that `line`, at the start of a line, stays
/// paragraph text; `None` when it already is.
fn block_opener(line: &str, level: Level) -> Option<usize> {
    let bytes = line.as_bytes();
    let first = *bytes.first()?;
    let start = level != Level::Continuation;
    let interrupt = level != Level::Start;
    let blank_after = |j: usize| j >= bytes.len() || bytes[j] == b' ' || bytes[j] == b'\t';
    let rest_blank = |j: usize| line.get(j..).is_none_or(|r| r.trim().is_empty());
    let only = |c: u8| line.trim_end().bytes().all(|b| b == c);
    let spaced_only = |c: u8| {
        line.bytes().all(|b| b == c || b == b' ' || b == b'\t')
            && line.bytes().filter(|&b| b == c).count() >= 3
    };
    if interrupt && is_delimiter_row(line) {
        return line.find('-');
    }
    match first {
        b'#' => {
            let n = bytes.iter().take_while(|&&b| b == b'#').count();
            (n <= 6 && blank_after(n)).then_some(0)
        }
        b'>' => Some(0),
        b'`' | b'~' => (bytes.iter().take_while(|&&b| b == first).count() >= 3).then_some(0),
        b'=' => (interrupt && only(b'=')).then_some(0),
        b'-' | b'*' | b'_' | b'+' => {
            if spaced_only(first) && first != b'+' {
                return Some(0); // thematic break
            }
            if first == b'-' && interrupt && only(b'-') {
                return Some(0); // setext underline
            }
            if first == b'+' && start && line.trim_end() == "+++" {
                return Some(0); // front matter fence
            }
            let bullet = first != b'_' && blank_after(1);
            (bullet && (start || !rest_blank(1))).then_some(0)
        }
        b'0'..=b'9' => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            let delimiter = matches!(bytes.get(digits), Some(b'.' | b')'));
            let item = digits <= 9 && delimiter && blank_after(digits + 1);
            // Only a list starting at 1, and not empty, interrupts a paragraph.
            let one = line[..digits].trim_start_matches('0') == "1" && !rest_blank(digits + 1);
            (item && (start || one)).then_some(digits)
        }
        b'<' => opens_html_block(line, level).then_some(0),
        b'[' => (start && is_definition(line)).then_some(0),
        _ => None,
    }
}

/// Whether `line` at the start of a line opens an HTML block.
pub(super) fn opens_html_block(line: &str, level: Level) -> bool {
    const RAW: [&str; 4] = ["script", "pre", "style", "textarea"];
    const BLOCK: [&str; 62] = [
        "address",
        "article",
        "aside",
        "base",
        "basefont",
        "blockquote",
        "body",
        "caption",
        "center",
        "col",
        "colgroup",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "frame",
        "frameset",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hr",
        "html",
        "iframe",
        "legend",
        "li",
        "link",
        "main",
        "menu",
        "menuitem",
        "nav",
        "noframes",
        "ol",
        "optgroup",
        "option",
        "p",
        "param",
        "search",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "track",
        "ul",
    ];
    let Some(rest) = line.strip_prefix('<') else {
        return false;
    };
    if rest.starts_with("!--")
        || rest.starts_with('?')
        || rest.starts_with("![CDATA[")
        || rest
            .strip_prefix('!')
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_alphabetic()))
    {
        return true;
    }
    let closing = rest.starts_with('/');
    let name_part = rest.strip_prefix('/').unwrap_or(rest);
    let name_len = name_part
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
        .count();
    if name_len == 0 || !name_part.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return false;
    }
    let name = name_part[..name_len].to_ascii_lowercase();
    let after = &name_part[name_len..];
    let ends_name = |after: &str| {
        after.is_empty() || after.starts_with([' ', '\t', '>']) || after.starts_with("/>")
    };
    if !closing && RAW.contains(&name.as_str()) && ends_name(after) {
        return true;
    }
    if BLOCK.contains(&name.as_str()) && ends_name(after) {
        return true;
    }
    // Any other complete tag alone on its line starts a block, but cannot
    // interrupt a paragraph.
    level != Level::Continuation
        && ends_name(after)
        && line.trim_end().ends_with('>')
        && !line[1..].contains('<')
}

/// `|---|:-:|` under a paragraph's line would make it a table's header.
pub(super) fn is_delimiter_row(line: &str) -> bool {
    let line = line.trim();
    line.contains('-')
        && (line.contains('|') || line.contains(':'))
        && line
            .bytes()
            .all(|b| matches!(b, b'|' | b'-' | b':' | b' ' | b'\t'))
}

/// `[label]: …` would be a link reference (or footnote) definition.
fn is_definition(line: &str) -> bool {
    let mut escaped = false;
    for (i, c) in line.char_indices().skip(1) {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '[' => return false,
            ']' => return i > 1 && line[i + 1..].starts_with(':'),
            _ => {}
        }
    }
    false
}
