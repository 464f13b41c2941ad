//! Text as it may be shown to a person: the characters that must not reach
//! a terminal as themselves, and their visible escapes. Pure functions; the
//! `l10n` crate's `ui` applies them to every value it renders, and the core
//! uses them where it builds text for display (diffs, paths in messages).
use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether `c` may not reach a terminal as itself: a control character (C0,
/// DEL, C1: ESC starts the sequences that move the cursor, retitle the
/// window or hide text), a bidirectional control (which reorders what is
/// shown, "Trojan Source"), or a line or paragraph separator.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
        )
}

/// `text` as shown in text output: every [unsafe](is_unsafe) character
/// written visibly, Rust style (`\t`, `\n`, `\r`, else `\u{1b}`), so that
/// data from articles, catalogs and file names cannot drive the terminal.
/// Tabs and newlines inside a value are escaped too: each line of output
/// stays one record (a `check` line cannot be forged by a sentence), and
/// the escaping is for the eye, not reversible (a backslash stays itself).
/// JSON output is not escaped this way: it keeps the text exact.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if is_unsafe(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A path as shown to a person: lossless for any name, a byte that is not
/// UTF-8 written as `\xff`, and [`escape`]d.
pub fn path_text(path: &std::path::Path) -> String {
    let mut out = String::new();
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        for chunk in path.as_os_str().as_bytes().utf8_chunks() {
            out.push_str(&escape(chunk.valid()));
            for byte in chunk.invalid() {
                let _ = write!(out, "\\x{byte:02x}");
            }
        }
    }
    #[cfg(not(unix))]
    out.push_str(&escape(&path.to_string_lossy()));
    out
}

/// Text as one line (a comment line, a header value cannot hold a line
/// break): line breaks become single spaces.
pub fn one_line(text: &str) -> String {
    text.split(['\r', '\n'])
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn paths_show_every_byte() {
        use std::os::unix::ffi::OsStrExt;
        let path = std::path::Path::new(std::ffi::OsStr::from_bytes(b"a/\xff\x1b.md"));
        assert_eq!(path_text(path), "a/\\xff\\u{1b}.md");
    }
}
