//! The XML the XLIFF and TMX files are written in: escaping for text and
//! attributes, and which characters XML 1.0 cannot carry at all.

/// Whether XML 1.0 allows `c` in a document, even as a character
/// reference: not the C0 controls but tab and line breaks, nor U+FFFE and
/// U+FFFF.
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Text content: `&`, `<` and `>` escaped (`>` for `]]>`), a carriage
/// return as a reference so a reader does not fold it into a line feed.
/// Characters XML cannot carry must be handled by the caller (each format
/// has its own way); here they are dropped.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            c if is_xml_char(c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// An attribute value in double quotes: as text, and `"`, tab and line
/// breaks as references (a reader normalises them to spaces otherwise).
pub fn escape_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            c => out.push_str(&escape_text(c.encode_utf8(&mut [0; 4]))),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_what_xml_cannot_hold() {
        assert_eq!(
            escape_text("a<b>&c]]>\r\u{7}"),
            "a&lt;b&gt;&amp;c]]&gt;&#13;"
        );
        assert_eq!(escape_attribute("\"x\"\n\ty"), "&quot;x&quot;&#10;&#9;y");
        assert!(!is_xml_char('\u{FFFE}'));
        assert!(is_xml_char('한'));
    }
}
