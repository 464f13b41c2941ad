//! The XML the XLIFF and TMX files are written in: escaping for text and
//! attributes, which characters XML 1.0 cannot carry at all, segment ids as
//! XML name tokens, and reading a file into a small tree of elements
//! (quick-xml underneath) with no DTD and no entity but XML's own.
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

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

/// `id` as an XML name token (XLIFF 2.0's ids are `NMTOKEN`s): name
/// characters as they are, but `_` doubled, and any other character as
/// `_x` and its hexadecimal code point and `_`. Segment ids l10n makes
/// (hexadecimal) come out unchanged.
pub fn name_token(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for c in id.chars() {
        match c {
            '_' => out.push_str("__"),
            c if is_name_char(c) => out.push(c),
            c => out.push_str(&format!("_x{:x}_", c as u32)),
        }
    }
    out
}

/// The id a [`name_token`] was made from; none when `token` is not one.
pub fn from_name_token(token: &str) -> Option<String> {
    let mut out = String::with_capacity(token.len());
    let mut chars = token.chars();
    while let Some(c) = chars.next() {
        if c != '_' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            '_' => out.push('_'),
            'x' => {
                let hex: String = chars.by_ref().take_while(|&c| c != '_').collect();
                out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
            }
            _ => return None,
        }
    }
    Some(out)
}

/// XML 1.0's `NameChar`.
fn is_name_char(c: char) -> bool {
    matches!(c,
            ':' | 'A'..='Z' | 'a'..='z' | '0'..='9' | '-' | '.' | '_' | '\u{B7}'
            | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{37D}'
            | '\u{37F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}' | '\u{203F}'..='\u{2040}'
            | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}'
            | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}' | '\u{10000}'..='\u{EFFFF}'
    )
}

/// Text for a place where XML has no way to write a character it cannot
/// carry (a note, an attribute): each such character as U+FFFD.
pub fn replace_unwritable(text: &str) -> String {
    text.chars()
        .map(|c| if is_xml_char(c) { c } else { '\u{FFFD}' })
        .collect()
}

/// An element as read: its namespace, local name, attributes (by their
/// name as written, `xml:space` with its prefix), content, and where its
/// start tag is in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    pub namespace: Option<String>,
    pub name: String,
    pub attributes: Vec<(String, String)>,
    pub children: Vec<Node>,
    /// The byte offset of the start tag's `<`.
    pub offset: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    Element(Element),
    /// Character data: references resolved, line breaks normalised.
    Text(String),
}

impl Element {
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The child elements in `namespace` named `name`.
    pub fn elements<'a>(
        &'a self,
        namespace: &'a str,
        name: &'a str,
    ) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter_map(move |child| match child {
            Node::Element(e) if e.name == name && e.namespace.as_deref() == Some(namespace) => {
                Some(e)
            }
            _ => None,
        })
    }

    pub fn element<'a>(&'a self, namespace: &'a str, name: &'a str) -> Option<&'a Element> {
        self.elements(namespace, name).next()
    }

    /// All the character data inside, child elements' included.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for child in &self.children {
            match child {
                Node::Text(text) => out.push_str(text),
                Node::Element(e) => out.push_str(&e.text()),
            }
        }
        out
    }
}

/// Whether `element` keeps its whitespace as it is: its own `xml:space`,
/// else what it inherits from its parent.
pub fn preserves_space(element: &Element, inherited: bool) -> bool {
    match element.attribute("xml:space") {
        Some("preserve") => true,
        Some("default") => false,
        _ => inherited,
    }
}

/// Text from where whitespace is not preserved, as a tool that indented
/// the file (`xmllint --format`, a CAT tool's writer) may have left it: its
/// line breaks, with the spaces around them, folded into one space, as
/// l10n folds an article's lines into a segment (no segment has a line
/// break). Text without a line break is as it is.
pub fn fold_layout(text: String) -> String {
    if !text.contains('\n') {
        return text;
    }
    text.split('\n')
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Why a file is not XML l10n reads, and at which byte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed {
    pub offset: usize,
    pub reason: String,
}

fn malformed(offset: usize, reason: impl Into<String>) -> Malformed {
    Malformed {
        offset,
        reason: reason.into(),
    }
}

/// Elements nested deeper than this are refused, so that no file can
/// exhaust the stack of the readers, which walk the tree recursively.
pub const MAX_DEPTH: usize = 200;

/// The root element of an XML document. A document type declaration with
/// an internal subset is refused (it could declare entities, the "billion
/// laughs"), one that only names a DTD is not read; any entity reference
/// but `&lt;` `&gt;` `&amp;` `&apos;` `&quot;` and character references is
/// refused, and so is a character XML does not allow (a C0 control but
/// tab and line breaks, U+FFFE, U+FFFF), as a reference too: a reader
/// such as xmllint takes the file for broken, and such a character in a
/// translation is a terminal escape or worse.
pub fn parse(text: &str) -> Result<Element, Malformed> {
    let text_of = text;
    let mut reader = NsReader::from_str(text);
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    loop {
        let at = reader.buffer_position() as usize;
        let (namespace, event) = match reader.read_resolved_event() {
            Ok((namespace, event)) => {
                let namespace = match namespace {
                    ResolveResult::Bound(ns) => Ok(Some(ns.as_ref().to_string())),
                    ResolveResult::Unbound => Ok(None),
                    ResolveResult::Unknown(prefix) => Err(prefix),
                };
                (namespace, event)
            }
            Err(e) => {
                return Err(malformed(reader.error_position() as usize, e.to_string()));
            }
        };
        let namespace =
            namespace.map_err(|prefix| malformed(at, format!("an unknown prefix {prefix}")))?;
        match event {
            Event::Start(start) | Event::Empty(start) if root.is_some() => {
                let _ = start;
                return Err(malformed(at, "a second root element"));
            }
            Event::Start(start) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(malformed(at, "elements nested too deep"));
                }
                stack.push(element(&start, namespace, at)?);
            }
            Event::Empty(start) => {
                let empty = element(&start, namespace, at)?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Node::Element(empty)),
                    None => root = Some(empty),
                }
            }
            Event::End(_) => {
                let Some(done) = stack.pop() else {
                    return Err(malformed(at, "an end tag without its start"));
                };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Node::Element(done)),
                    None => root = Some(done),
                }
            }
            Event::Text(text) => {
                let content = text.xml10_content();
                only_xml_chars(&content, text_offset(text_of, at, &content))?;
                push_text(&mut stack, &content, at)?
            }
            Event::CData(data) => {
                let content = data.xml10_content();
                only_xml_chars(&content, text_offset(text_of, at, &content))?;
                push_text(&mut stack, &content, at)?
            }
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) => c,
                    Ok(None) => match &*reference {
                        "lt" => '<',
                        "gt" => '>',
                        "amp" => '&',
                        "apos" => '\'',
                        "quot" => '"',
                        name => {
                            return Err(malformed(
                                at,
                                format!("an entity &{name}; (only XML's own are read)"),
                            ));
                        }
                    },
                    Err(e) => return Err(malformed(at, e.to_string())),
                };
                only_xml_chars(resolved.encode_utf8(&mut [0; 4]), |_| at)?;
                push_text(&mut stack, resolved.encode_utf8(&mut [0; 4]), at)?;
            }
            // `<!DOCTYPE xliff PUBLIC "…" "…">`, as some tools write, says
            // nothing l10n reads; an internal subset (`[…]`) could.
            Event::DocType(doctype) if !doctype.contains('[') => {}
            Event::DocType(_) => {
                return Err(malformed(
                    at,
                    "a document type declaration with an internal subset (DTDs are not read)",
                ));
            }
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            Event::Eof => break,
        }
    }
    if let Some(open) = stack.last() {
        return Err(malformed(
            text.len(),
            format!("<{}> is not closed", open.name),
        ));
    }
    root.ok_or_else(|| malformed(text.len(), "no root element"))
}

fn element(start: &BytesStart, namespace: Option<String>, at: usize) -> Result<Element, Malformed> {
    let name = start.local_name().as_ref().to_string();
    let mut attributes = Vec::new();
    for attribute in start.attributes() {
        let attribute = attribute.map_err(|e| malformed(at, e.to_string()))?;
        let key = attribute.key.as_ref().to_string();
        if key == "xmlns" || key.starts_with("xmlns:") {
            continue;
        }
        let value = attribute
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|e| malformed(at, format!("attribute {key}: {e}")))?;
        only_xml_chars(&value, |_| at)?;
        attributes.push((key, value.into_owned()));
    }
    Ok(Element {
        namespace,
        name,
        attributes,
        children: Vec::new(),
        offset: at,
    })
}

/// An error at the first character of `text` XML does not allow, located
/// by `offset_of` (its index in `text` to a byte of the file).
fn only_xml_chars(text: &str, offset_of: impl Fn(usize) -> usize) -> Result<(), Malformed> {
    match text.char_indices().find(|&(_, c)| !is_xml_char(c)) {
        Some((i, c)) => Err(malformed(
            offset_of(i),
            format!("U+{:04X}, a character XML does not allow", u32::from(c)),
        )),
        None => Ok(()),
    }
}

/// Where the character at an index of an event's content is in the file:
/// the same character's first occurrence from the event's start (the
/// content differs from the file only by its line breaks), else the start.
fn text_offset<'a>(file: &'a str, at: usize, content: &'a str) -> impl Fn(usize) -> usize + 'a {
    move |i| {
        let c = content[i..].chars().next().unwrap_or(' ');
        file.get(at..)
            .and_then(|rest| rest.find(c))
            .map_or(at, |found| at + found)
    }
}

fn push_text(stack: &mut [Element], text: &str, at: usize) -> Result<(), Malformed> {
    match stack.last_mut() {
        Some(parent) => {
            if let Some(Node::Text(last)) = parent.children.last_mut() {
                last.push_str(text);
            } else {
                parent.children.push(Node::Text(text.to_string()));
            }
            Ok(())
        }
        None if text.trim().is_empty() => Ok(()),
        None => Err(malformed(at, "text outside the root element")),
    }
}

/// Byte offsets to line numbers, for many lookups in one text.
pub struct Lines(Vec<usize>);

impl Lines {
    pub fn new(text: &str) -> Lines {
        Lines(text.match_indices('\n').map(|(i, _)| i + 1).collect())
    }

    /// The line (from 1) of byte `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.0.partition_point(|&start| start <= offset) + 1
    }
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

    #[test]
    fn ids_as_name_tokens_round_trip() {
        for id in [
            "0a1b2c3d", "intro_1", "a b/c", "x\u{7}y", "_x41_", "한국", "",
        ] {
            let token = name_token(id);
            assert!(token.chars().all(is_name_char), "{token}");
            assert_eq!(from_name_token(&token).as_deref(), Some(id));
        }
        assert_eq!(name_token("0a1b2c3d"), "0a1b2c3d");
        assert_eq!(name_token("a b"), "a_x20_b");
        assert_eq!(from_name_token("a_b"), None);
    }

    #[test]
    fn folds_the_layout_of_indented_text() {
        assert_eq!(fold_layout("\n    A  b\n    c\n  ".into()), "A  b c");
        assert_eq!(fold_layout(" a  b ".into()), " a  b ");
        let root = parse("<r xml:space=\"preserve\"><s xml:space=\"default\"/><t/></r>").unwrap();
        assert!(preserves_space(&root, false));
        let inside: Vec<bool> = root
            .children
            .iter()
            .map(|c| match c {
                Node::Element(e) => preserves_space(e, true),
                Node::Text(_) => unreachable!(),
            })
            .collect();
        assert_eq!(inside, [false, true]);
    }

    #[test]
    fn reads_a_tree_with_namespaces_and_references() {
        let root = parse(
            "<?xml version=\"1.0\"?>\n<!-- c --><r xmlns=\"urn:a\" xmlns:b=\"urn:b\">\
             <b:x k=\"1&amp;&#10;2\"/>a&lt;&#x48;<![CDATA[<&>]]>\r\n<y/></r>",
        )
        .unwrap();
        assert_eq!(root.namespace.as_deref(), Some("urn:a"));
        assert_eq!(root.name, "r");
        let Node::Element(x) = &root.children[0] else {
            panic!("{root:?}")
        };
        assert_eq!(x.namespace.as_deref(), Some("urn:b"));
        assert_eq!(x.attribute("k"), Some("1&\n2"));
        assert_eq!(root.children[1], Node::Text("a<H<&>\n".into()));
        assert_eq!(root.element("urn:a", "y").map(|y| y.offset), Some(116));
    }

    #[test]
    fn refuses_dtds_entities_and_broken_documents() {
        for (text, reason) in [
            (
                "<!DOCTYPE r [<!ENTITY a \"aaaa\">]><r>&a;</r>",
                "document type",
            ),
            ("<r>&#1;</r>", "U+0001"),
            ("<r>a\u{1b}[31m</r>", "U+001B"),
            ("<r><![CDATA[\u{FFFF}]]></r>", "U+FFFF"),
            ("<r a=\"&#xFFFE;\"/>", "U+FFFE"),
            ("<r>&a;</r>", "entity &a;"),
            ("<r><s></r>", ""),
            ("<r>", "not closed"),
            ("<r/><s/>", "second root"),
            ("x<r/>", "outside the root"),
            ("<p:r/>", "unknown prefix"),
            ("", "no root"),
        ] {
            let error = parse(text).unwrap_err();
            assert!(error.reason.contains(reason), "{text}: {error:?}");
        }
        // Where the character is, on its line.
        assert_eq!(parse("<r>\n ab\u{7}</r>").unwrap_err().offset, 7);
        // A declaration that only names a DTD says nothing to read.
        let named = "<!DOCTYPE r PUBLIC \"-//X//EN\" \"x.dtd\">\n<r>a</r>";
        assert_eq!(parse(named).unwrap().text(), "a");
        let deep = "<a>".repeat(MAX_DEPTH + 1);
        assert!(parse(&deep).unwrap_err().reason.contains("too deep"));
        let lines = Lines::new("a\nb\nc");
        assert_eq!((lines.line(0), lines.line(2), lines.line(4)), (1, 2, 3));
    }
}
