//! The two readers (`lines`, the fast path, and `read`'s document path) and
//! the two writers (`lines` and `write`'s document path) agree. Here, above
//! both, so that neither module's tests reach into the other.
use std::path::Path;

use super::*;
use crate::lang::Lang;

fn catalog(lang: &str, texts: &[&str]) -> Catalog {
    let en: Lang = "en".parse().unwrap();
    let mut catalog = Catalog::new("a/b", &en, &lang.parse().unwrap());
    for (i, text) in texts.iter().enumerate() {
        let mut entry = Entry::new(&format!("id{i}"), text);
        if lang != "en" && i % 2 == 0 {
            entry.translation = format!("번역 \"{i}\"\t\\ {text}");
        }
        catalog.segments.push(entry);
    }
    catalog
}

/// Both paths agree: on reading, and on every kind of edit.
#[test]
fn the_fast_path_agrees_with_the_document_path() {
    for lang in ["en", "ko"] {
        let first = catalog(lang, &["One.", "Two \"quoted\".", "Three\u{7}.", "Four."]);
        let fresh = write::render(&first, None);
        assert_eq!(fresh, write::render_document(&first, None), "{fresh}");
        let fast = lines::parse(&fresh).expect("our own output is in the simple shape");
        assert!(fast.same_content(&parse_document(Path::new("x"), &fresh).unwrap()));
        assert_eq!(
            fast.lines,
            parse_document(Path::new("x"), &fresh).unwrap().lines
        );

        let mut edited = fast.clone();
        edited.segments[1].previous_source = Some(edited.segments[1].source.clone());
        edited.segments[1].source = "Two, edited.".into();
        let gone = edited.segments.remove(2);
        edited.obsolete.push(gone);
        edited.segments.insert(0, Entry::new("new", "Zero."));
        edited.segments.swap(2, 3);
        let by_lines = lines::render(&edited, &fresh, None).unwrap();
        assert_eq!(by_lines, write::render_document(&edited, Some(&fresh)));
        assert!(lines::parse(&by_lines).unwrap().same_content(&edited));
        let crlf = fresh.replace('\n', "\r\n");
        assert_eq!(
            lines::render(&edited, &crlf, None).unwrap(),
            write::render_document(&edited, Some(&crlf))
        );
    }
}

/// Both paths tell the same entries commented, and edit an entry taken
/// over under a new id in its old lines, its comment kept.
#[test]
fn both_paths_agree_on_comments_and_renamed_entries() {
    let text = "[catalog]\narticle = \"a\"\nsource-lang = \"en\"\nlang = \"ko\"\n\n\
                [[segment]]\nid = \"x\"\nsource = \"A.\"\ntranslation = \"\"\n\n\
                # Checked.\n[[segment]]\nid = \"by-hand\"\nsource = \"B.\"\ntranslation = \"비.\"\n\n\
                [[obsolete]]\nid = \"z\"\nsource = \"C.\"\ntranslation = \"\"\n";
    let fast = lines::parse(text).unwrap();
    let document = parse_document(Path::new("x"), text).unwrap();
    let checked = vec!["Checked.".to_string()];
    assert_eq!(fast.comments, [vec![], checked, vec![]]);
    assert_eq!(document.comments, fast.comments);

    let mut renamed = fast.clone();
    renamed.segments[1].id = "y".into();
    renamed.renamed.push(("by-hand".into(), "y".into()));
    let by_lines = lines::render(&renamed, text, None).unwrap();
    assert_eq!(by_lines, write::render_document(&renamed, Some(text)));
    assert!(
        by_lines.contains(
            "# Checked.\n[[segment]]\nid = \"y\"\nsource = \"B.\"\ntranslation = \"비.\"\n"
        ),
        "{by_lines}"
    );
    assert!(lines::parse(&by_lines).unwrap().same_content(&renamed));
}

#[test]
fn a_translation_written_into_a_template_is_edited_like_any_value() {
    let text = "[catalog]\narticle = \"a\"\nsource-lang = \"en\"\nlang = \"en\"\n\n\
                [[segment]]\nid = \"x\"\nsource = \"A.\"\ntranslation = \"stray\"\n";
    let mut template = lines::parse(text).unwrap();
    assert_eq!(lines::render(&template, text, None).unwrap(), text);
    template.segments[0].translation.clear();
    let by_lines = lines::render(&template, text, None).unwrap();
    assert_eq!(by_lines, write::render_document(&template, Some(text)));
    assert!(lines::parse(&by_lines).unwrap().same_content(&template));
}
