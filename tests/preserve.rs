//! A translator's formatting survives `extract`: comments, blank lines,
//! key order, string styles, line endings and file mode.
use crate::util::Workspace;

const ARTICLE: &str = "First paragraph stays.\n\nSecond paragraph will change.\n\nThird paragraph will go.\n\nFourth paragraph will move.\n";

/// A workspace whose Korean catalog a translator has filled in by hand,
/// with comments, a literal string and a multi-line string.
fn hand_edited() -> Workspace {
    let ws = Workspace::new();
    ws.mkdir("locales/ko");
    ws.write("articles/a.md", ARTICLE);
    ws.run(&["extract"]).expect_code(0);
    let text = ws.read("locales/ko/a.toml");
    let mut out = String::new();
    for block in text.split("\n[[segment]]\n") {
        if out.is_empty() {
            out.push_str(block);
            continue;
        }
        let source = block.lines().find(|l| l.starts_with("source = ")).unwrap();
        let (comment, translation) = match source {
            s if s.contains("First") => (
                "# Checked with the desk.\n",
                "translation = '첫 문단.' # literal\n",
            ),
            s if s.contains("Second") => ("", "translation = \"\"\"\n둘째 문단.\"\"\"\n"),
            s if s.contains("Third") => (
                "# This one is going away.\n",
                "translation = \"셋째 문단.\"\n",
            ),
            _ => ("", "translation = \"넷째 문단.\"\n"),
        };
        let kept: String = block
            .lines()
            .filter(|l| !l.starts_with("translation = "))
            .map(|l| format!("{l}\n"))
            .collect();
        out.push_str(&format!(
            "\n{comment}[[segment]]\n{kept}note = \"keep me\"\n{translation}"
        ));
    }
    out.push_str("\n# End of file, by the translator.\n");
    ws.write("locales/ko/a.toml", &out);
    ws
}

#[test]
fn comments_styles_and_extra_keys_survive_every_kind_of_edit() {
    let ws = hand_edited();
    let edited =
        "Fourth paragraph will move.\n\nFirst paragraph stays.\n\nSecond paragraph has changed.\n";
    ws.write("articles/a.md", edited);
    let run = ws.run(&["extract"]).expect_code(0);
    assert!(
        run.stderr.contains("unknown key `note` (kept as it is)"),
        "{}",
        run.stderr
    );
    assert_eq!(
        run.stderr.matches("unknown key").count(),
        1,
        "warned once: {}",
        run.stderr
    );
    let text = ws.read("locales/ko/a.toml");
    for kept in [
        "# Checked with the desk.\n[[segment]]",
        "translation = '첫 문단.' # literal",
        "translation = \"\"\"\n둘째 문단.\"\"\"",
        "previous-source = \"Second paragraph will change.\"",
        "# This one is going away.\n[[obsolete]]",
        "translation = \"셋째 문단.\"",
        "note = \"keep me\"",
    ] {
        assert!(text.contains(kept), "lost {kept:?}:\n{text}");
    }
    assert!(
        text.trim_end()
            .ends_with("# End of file, by the translator."),
        "{text}"
    );
    let fourth = text.find("Fourth paragraph").unwrap();
    let first = text.find("First paragraph").unwrap();
    assert!(fourth < first, "the catalog follows the article's order");
    let before = ws.snapshot();
    ws.run(&["extract"]).expect_code(0);
    before.assert_same(&ws.snapshot(), "a second extract changes nothing");
}

#[test]
fn crlf_and_file_mode_are_kept() {
    let ws = hand_edited();
    let path = "locales/ko/a.toml";
    ws.write(path, &ws.read(path).replace('\n', "\r\n"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(ws.path(path), std::fs::Permissions::from_mode(0o664)).unwrap();
    }
    ws.write(
        "articles/a.md",
        &ARTICLE.replace("will change", "has changed"),
    );
    ws.run(&["extract"]).expect_code(0);
    let text = ws.read(path);
    assert!(text.contains("has changed"));
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "LF crept into a CRLF catalog"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(ws.path(path))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o664);
    }
}
